//! Text utilities shared by the stages: word counting, accent folding, tokens.

/// Number of words (runs of alphanumeric characters, with inner apostrophes and hyphens).
pub fn count_words(text: &str) -> usize {
    let mut n = 0;
    let mut in_word = false;
    for c in text.chars() {
        let word_char = c.is_alphanumeric();
        if word_char && !in_word {
            n += 1;
        }
        in_word = word_char || (in_word && matches!(c, '\'' | '’' | 'ʼ' | '-'));
    }
    n
}
