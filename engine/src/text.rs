//! Text utilities shared by the stages: accent folding, word scanning, word counting.
//!
//! Matching in Parallax compares *folded* text: lower case, accents removed ("Séjourné"
//! matches "Sejourne"), and the typographic apostrophes `’` and `ʼ` read as `'`. Folding
//! works char by char and never changes where words start and end, so a match found in
//! folded words maps straight back to a span of the original text.

use crate::model::Span;

/// Lower case, accents removed, typographic apostrophes and quotes made plain.
/// Characters without a simple fold are only lower-cased.
pub fn fold_char(c: char) -> char {
    let c = match c {
        '’' | 'ʼ' | '‘' | '`' | '´' | 'ʻ' => return '\'',
        '‐' | '‑' | '‒' | '–' | '—' => return '-',
        _ => c,
    };
    if c.is_ascii() {
        return c.to_ascii_lowercase();
    }
    let lower = c.to_lowercase().next().unwrap_or(c);
    match lower {
        'à' | 'á' | 'â' | 'ã' | 'ä' | 'å' | 'ā' | 'ă' | 'ą' => 'a',
        'ç' | 'ć' | 'ĉ' | 'ċ' | 'č' => 'c',
        'ď' | 'đ' => 'd',
        'è' | 'é' | 'ê' | 'ë' | 'ē' | 'ĕ' | 'ė' | 'ę' | 'ě' => 'e',
        'ĝ' | 'ğ' | 'ġ' | 'ģ' => 'g',
        'ĥ' | 'ħ' => 'h',
        'ì' | 'í' | 'î' | 'ï' | 'ĩ' | 'ī' | 'ĭ' | 'į' | 'ı' => 'i',
        'ĵ' => 'j',
        'ķ' => 'k',
        'ĺ' | 'ļ' | 'ľ' | 'ŀ' | 'ł' => 'l',
        'ñ' | 'ń' | 'ņ' | 'ň' => 'n',
        'ò' | 'ó' | 'ô' | 'õ' | 'ö' | 'ø' | 'ō' | 'ŏ' | 'ő' => 'o',
        'ŕ' | 'ŗ' | 'ř' => 'r',
        'ś' | 'ŝ' | 'ş' | 'š' | 'ș' => 's',
        'ţ' | 'ť' | 'ŧ' | 'ț' => 't',
        'ù' | 'ú' | 'û' | 'ü' | 'ũ' | 'ū' | 'ŭ' | 'ů' | 'ű' | 'ų' => 'u',
        'ŵ' => 'w',
        'ý' | 'ÿ' | 'ŷ' => 'y',
        'ź' | 'ż' | 'ž' => 'z',
        other => other,
    }
}

/// `s` folded with [`fold_char`].
pub fn fold(s: &str) -> String {
    s.chars().map(fold_char).collect()
}

/// Whether `c` can be part of a word (letters, digits; apostrophes and hyphens are
/// handled by [`words`] only between word characters).
pub fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// Spans of the words inside `span` of `text`: runs of letters and digits, joined across
/// an inner apostrophe or hyphen ("Macron's" is one word, "Paris-hosted" one word).
/// Numbers keep inner commas and dots ("1,500", "3.5").
pub fn words(text: &str, span: Span) -> Vec<Span> {
    let Some(slice) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    let mut chars = slice.char_indices().peekable();
    let mut start: Option<usize> = None;
    let mut prev: Option<char> = None;
    while let Some((i, c)) = chars.next() {
        if is_word_char(c) {
            if start.is_none() {
                start = Some(i);
            }
        } else if let Some(s) = start {
            let next = chars.peek().map(|&(_, n)| n);
            let joins_word = matches!(fold_char(c), '\'' | '-')
                && prev.is_some_and(is_word_char)
                && next.is_some_and(is_word_char);
            let joins_number = matches!(c, ',' | '.')
                && prev.is_some_and(|p| p.is_ascii_digit())
                && next.is_some_and(|n| n.is_ascii_digit());
            if !(joins_word || joins_number) {
                out.push(Span::new(span.start + s, span.start + i));
                start = None;
            }
        }
        prev = Some(c);
    }
    if let Some(s) = start {
        out.push(Span::new(span.start + s, span.end));
    }
    out
}

/// Number of words in `text`, as [`words`] counts them.
pub fn count_words(text: &str) -> usize {
    words(text, Span::new(0, text.len())).len()
}

/// The byte offset at or before `at` that lies on a char boundary of `text`.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_removes_accents_and_case_and_plain_apostrophes() {
        for (input, expected) in [
            ("Séjourné", "sejourne"),
            ("Macronʼs", "macron's"),
            ("Kremlin’s", "kremlin's"),
            ("ÉLYSÉE", "elysee"),
            ("Łukasz", "lukasz"),
            ("Zelensky", "zelensky"),
        ] {
            assert_eq!(fold(input), expected, "{input}");
        }
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_number_separators() {
        let text = "Macronʼs Paris-hosted talks: 1,500 troops, 3.5 km. 'Not' -- end";
        let got: Vec<&str> = words(text, Span::new(0, text.len())).iter().map(|s| s.text(text)).collect();
        assert_eq!(got, ["Macronʼs", "Paris-hosted", "talks", "1,500", "troops", "3.5", "km", "Not", "end"]);
    }

    #[test]
    fn words_of_a_span_out_of_range_are_none() {
        assert!(words("abc", Span::new(2, 10)).is_empty());
        assert_eq!(count_words(""), 0);
        assert_eq!(floor_boundary("é", 1), 0);
    }
}
