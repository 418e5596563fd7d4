//! Text utilities shared by the stages: accent folding, word scanning, word counting.
//!
//! Matching in Parallax compares *folded* text: lower case, accents removed ("Séjourné"
//! matches "Sejourne"), and the typographic apostrophes `’` and `ʼ` read as `'`. Folding
//! works char by char and never changes where words start and end, so a match found in
//! folded words maps straight back to a span of the original text.

use crate::model::Span;
use std::borrow::Cow;

/// Lower case, accents removed, typographic apostrophes and quotes made plain.
/// Characters without a simple fold are only lower-cased.
pub fn fold_char(c: char) -> char {
    // Most text is ASCII: decide it first (the grave accent is the one ASCII apostrophe).
    if c.is_ascii() {
        return if c == '`' {
            '\''
        } else {
            c.to_ascii_lowercase()
        };
    }
    let c = match c {
        '’' | 'ʼ' | '‘' | '`' | '´' | 'ʻ' => return '\'',
        '‐' | '‑' | '‒' | '–' | '—' => return '-',
        _ => c,
    };
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

/// `s` with its accents removed and its case kept ("Stéphane Séjourné" → "Stephane
/// Sejourne", "Radosław" → "Radoslaw"): the ASCII spelling the analysis gives names.
/// Characters without a simple fold (Cyrillic, "ß") stay as they are.
pub fn ascii_spelling(s: &str) -> Cow<'_, str> {
    if s.is_ascii() {
        return Cow::Borrowed(s);
    }
    let plain = |c: char| {
        let folded = fold_char(c);
        if c.is_ascii() || !folded.is_ascii() {
            c
        } else if c.is_uppercase() {
            folded.to_ascii_uppercase()
        } else {
            folded
        }
    };
    let out: String = s.chars().map(plain).collect();
    if out == s {
        Cow::Borrowed(s)
    } else {
        Cow::Owned(out)
    }
}

/// `s` folded with [`fold_char`].
pub fn fold(s: &str) -> String {
    if is_plain_ascii(s) {
        return s.to_ascii_lowercase();
    }
    s.chars().map(fold_char).collect()
}

/// ASCII without the grave accent: text that [`fold_char`] only lower-cases, so that it
/// is folded by ASCII lower-casing alone. One pass over the bytes, without the setup of a
/// search for the accent: most words are a few letters.
#[inline]
fn is_plain_ascii(s: &str) -> bool {
    s.bytes().all(is_plain_ascii_byte)
}

/// Whether [`fold_char`] only lower-cases byte `b` as a char: ASCII other than the grave
/// accent (which it turns into an apostrophe). The stages that fold words byte by byte
/// test their bytes with this.
#[inline]
pub(crate) const fn is_plain_ascii_byte(b: u8) -> bool {
    b.is_ascii() && b != b'`'
}

/// Appends `s` folded with [`fold_char`] to `out`: [`fold`] without an allocation of its
/// own, for callers that fold many words into one buffer.
#[inline]
pub fn fold_into(out: &mut String, s: &str) {
    if is_plain_ascii(s) {
        let start = out.len();
        out.push_str(s);
        out[start..].make_ascii_lowercase();
        return;
    }
    out.extend(s.chars().map(fold_char));
}

/// Whether [`fold`] leaves `s` as it is (most words of running text).
pub fn is_folded(s: &str) -> bool {
    if s.is_ascii() {
        return !s.bytes().any(|b| b.is_ascii_uppercase() || b == b'`');
    }
    s.chars().all(|c| fold_char(c) == c)
}

/// Whether `c` can be part of a word (letters, digits; apostrophes and hyphens are
/// handled by [`words`] only between word characters).
pub fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        c.is_alphanumeric()
    }
}

/// Spans of the words inside `span` of `text`: runs of letters and digits, joined across
/// an inner apostrophe or hyphen ("Macron's" is one word, "Paris-hosted" one word).
/// Numbers keep inner commas and dots ("1,500", "3.5").
pub fn words(text: &str, span: Span) -> Vec<Span> {
    let n_bytes = span.end.saturating_sub(span.start);
    let mut out = Vec::with_capacity(n_bytes / 6);
    out.extend(WordSpans::new(text, span));
    out
}

/// Number of words in `text`, counted no further than `limit`: enough to tell a short
/// line from a long one without reading all of a long one.
pub fn count_words_up_to(text: &str, limit: usize) -> usize {
    WordSpans::new(text, Span::new(0, text.len()))
        .take(limit)
        .count()
}

/// The words of [`words`] one at a time, for callers that keep them elsewhere.
pub fn word_spans(text: &str, span: Span) -> impl Iterator<Item = Span> + '_ {
    WordSpans::new(text, span)
}

/// Number of words in `text`, as [`words`] counts them.
pub fn count_words(text: &str) -> usize {
    WordSpans::new(text, Span::new(0, text.len())).count()
}

/// The words of [`words`], one at a time (counting them needs no list).
struct WordSpans<'a> {
    slice: &'a str,
    /// Where `slice` starts in the text.
    offset: usize,
    /// Byte of `slice` to read next.
    at: usize,
}

/// What an ASCII byte is to [`WordSpans`]: a letter or digit, a mark that may join two
/// words or two digits (`'`, `` ` ``, `-`, `,`, `.`), or any other, which ends a word.
/// Non-ASCII bytes are [`NOT_ASCII`]: their char is decoded. A table look-up per byte is
/// cheaper than the range tests, and most bytes of a text are read here.
const WORD_BYTE: u8 = 1;
const JOINING_BYTE: u8 = 2;
const BREAKING_BYTE: u8 = 3;
const NOT_ASCII: u8 = 0;
static BYTE_CLASS: [u8; 256] = {
    let mut table = [NOT_ASCII; 256];
    let mut b = 0;
    while b < 128 {
        table[b] = if (b as u8).is_ascii_alphanumeric() {
            WORD_BYTE
        } else if matches!(b as u8, b'\'' | b'`' | b'-' | b',' | b'.') {
            JOINING_BYTE
        } else {
            BREAKING_BYTE
        };
        b += 1;
    }
    table
};

impl<'a> WordSpans<'a> {
    fn new(text: &'a str, span: Span) -> WordSpans<'a> {
        WordSpans {
            slice: text.get(span.start..span.end).unwrap_or(""),
            offset: span.start,
            at: 0,
        }
    }

    /// The char at byte `i` of the slice (a char boundary) and its length, ASCII without
    /// decoding.
    fn char_at(&self, i: usize) -> Option<(char, usize)> {
        match *self.slice.as_bytes().get(i)? {
            b if b.is_ascii() => Some((char::from(b), 1)),
            _ => self
                .slice
                .get(i..)?
                .chars()
                .next()
                .map(|c| (c, c.len_utf8())),
        }
    }
}

impl WordSpans<'_> {
    /// [`Iterator::next`] from the state it reached at `at` (`start`: where the word being
    /// read starts, if one is): the whole scan, with apostrophes, hyphens, number
    /// separators and non-ASCII chars. Kept apart, so that the common case in `next` is
    /// a short function.
    #[inline(never)]
    fn next_from(&mut self, mut start: Option<usize>, mut at: usize) -> Option<Span> {
        let bytes = self.slice.as_bytes();
        let class = |at: usize| bytes.get(at).map(|&b| BYTE_CLASS[usize::from(b)]);
        loop {
            // Fast paths for ASCII, which most text is: outside a word, ASCII other than
            // letters and digits is only skipped; a run of letters and digits is (part of)
            // a word.
            if start.is_none() {
                while class(at).is_some_and(|c| c == JOINING_BYTE || c == BREAKING_BYTE) {
                    at += 1;
                }
            }
            let from = at;
            while class(at) == Some(WORD_BYTE) {
                at += 1;
            }
            if at > from && start.is_none() {
                start = Some(from);
            }
            let Some(byte_class) = class(at) else {
                break;
            };
            // An ASCII character that can never join two words or two digits ends a word.
            if let (Some(s), BREAKING_BYTE) = (start, byte_class) {
                self.at = at + 1;
                return Some(Span::new(self.offset + s, self.offset + at));
            }
            let Some((c, len)) = self.char_at(at) else {
                break;
            };
            let i = at;
            at += len;
            if is_word_char(c) {
                if start.is_none() {
                    start = Some(i);
                }
            } else if let Some(s) = start {
                // The chars on either side of a mark that may join them.
                let prev = self.slice[..i].chars().next_back();
                let next = self.char_at(at).map(|(n, _)| n);
                let joins_word = matches!(fold_char(c), '\'' | '-')
                    && prev.is_some_and(is_word_char)
                    && next.is_some_and(is_word_char);
                let joins_number = matches!(c, ',' | '.')
                    && prev.is_some_and(|p| p.is_ascii_digit())
                    && next.is_some_and(|n| n.is_ascii_digit());
                if !(joins_word || joins_number) {
                    self.at = at;
                    return Some(Span::new(self.offset + s, self.offset + i));
                }
            }
        }
        self.at = at;
        start.map(|s| Span::new(self.offset + s, self.offset + self.slice.len()))
    }
}

impl Iterator for WordSpans<'_> {
    type Item = Span;

    /// The common case first: ASCII skipped up to a run of ASCII letters and digits that
    /// a space or another mark that never joins words ends (or the text does). Anything
    /// else goes on in [`WordSpans::next_from`], from where this stopped.
    #[inline]
    fn next(&mut self) -> Option<Span> {
        let bytes = self.slice.as_bytes();
        let class = |at: usize| bytes.get(at).map(|&b| BYTE_CLASS[usize::from(b)]);
        let mut at = self.at;
        while class(at).is_some_and(|c| c == JOINING_BYTE || c == BREAKING_BYTE) {
            at += 1;
        }
        let from = at;
        while class(at) == Some(WORD_BYTE) {
            at += 1;
        }
        if at == from {
            return self.next_from(None, at);
        }
        match class(at) {
            None => {
                self.at = at;
                Some(Span::new(self.offset + from, self.offset + at))
            }
            Some(BREAKING_BYTE) => {
                self.at = at + 1;
                Some(Span::new(self.offset + from, self.offset + at))
            }
            Some(_) => self.next_from(Some(from), at),
        }
    }
}

/// The byte offset at or before `at` that lies on a char boundary of `text`.
pub fn floor_boundary(text: &str, at: usize) -> usize {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// Words inside a pair of quotation marks, as found by [`quotations`].
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Quotation {
    /// From the opening mark to the closing mark, both included; for an unclosed
    /// quotation, from the opening mark to the end of the scanned span.
    pub span: Span,
    /// The words inside the marks (trimmed of the spaces French guillemets put inside).
    pub inner: Span,
    /// The opening mark: `"`, `“`, `„`, `«`, `‘` or `'`.
    pub open: char,
    /// Whether the closing mark was found inside the scanned span.
    pub closed: bool,
}

/// Every mark [`quotations`] reads as opening or closing a quotation.
pub(crate) fn is_quotation_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '“' | '”' | '„' | '«' | '»' | '‘' | '’')
}

/// Each quotation mark of `slice` with its byte offset and the characters before and
/// after it. Scans bytes, decoding only at the lead bytes quotation marks start with (never
/// UTF-8 continuation bytes, so every offset is a char boundary): most text has no marks.
fn quotation_marks(slice: &str) -> impl Iterator<Item = (usize, char, Option<char>, Option<char>)> {
    let bytes = slice.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        while i < bytes.len() {
            if eight_ascii_without(bytes, i, b"\"'") {
                i += 8;
                continue;
            }
            let at = i;
            i += 1;
            if !matches!(bytes[at], b'"' | b'\'' | 0xC2 | 0xE2) {
                continue;
            }
            let Some(c) = slice.get(at..).and_then(|rest| rest.chars().next()) else {
                continue;
            };
            if !is_quotation_mark(c) {
                continue;
            }
            let prev = slice[..at].chars().next_back();
            let next = slice[at + c.len_utf8()..].chars().next();
            return Some((at, c, prev, next));
        }
        None
    })
}

/// Whether the eight bytes from `at` of `bytes` are all ASCII and none of `marks`: a piece
/// of text that a byte scan for `marks` and non-ASCII chars may pass over whole, which
/// is most of a text. False when fewer than eight bytes are left.
///
/// `x` has a zero byte exactly when `x.wrapping_sub(ONES) & !x & HIGH` is not zero: the
/// usual test of eight bytes at once, here on the bytes xor-ed with each mark.
pub(crate) fn eight_ascii_without(bytes: &[u8], at: usize, marks: &[u8]) -> bool {
    const ONES: u64 = 0x0101_0101_0101_0101;
    const HIGH: u64 = 0x8080_8080_8080_8080;
    let Some(eight) = bytes
        .get(at..at.saturating_add(8))
        .and_then(|eight| <[u8; 8]>::try_from(eight).ok())
    else {
        return false;
    };
    let x = u64::from_ne_bytes(eight);
    x & HIGH == 0
        && marks.iter().all(|&mark| {
            let y = x ^ (ONES * u64::from(mark));
            y.wrapping_sub(ONES) & !y & HIGH == 0
        })
}

/// Characters after which a symmetric mark (`"`, `'`) reads as an opening mark.
fn opens_after(prev: Option<char>) -> bool {
    prev.is_none_or(|p| {
        p.is_whitespace()
            || matches!(
                p,
                '(' | '[' | '{' | '—' | '–' | '-' | '/' | ':' | '“' | '‘' | '«' | '„'
            )
    })
}

/// Characters before which a symmetric mark reads as a closing mark.
fn closes_before(next: Option<char>) -> bool {
    next.is_none_or(|n| {
        n.is_whitespace()
            || matches!(
                n,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | ']'
                    | '}'
                    | '—'
                    | '–'
                    | '-'
                    | '/'
                    | '…'
                    | '"'
                    | '”'
                    | '’'
                    | '»'
                    | '\''
            )
    })
}

/// Whether the single quote at `i..end` of `slice`, in a quotation whose words start at
/// `inner`, reads as the apostrophe of a plural possessive ("the Ukrainians' fight"): a
/// word in lower case follows it, and the quotation so far is a sentence of several words
/// (not a word in scare quotes, "the West's 'reckless' talk").
fn plural_possessive_inside(slice: &str, inner: usize, i: usize, end: usize) -> bool {
    let after = slice.get(end..).unwrap_or("");
    let so_far = slice.get(inner..i).unwrap_or("");
    after.starts_with(' ')
        && after[1..].starts_with(|c: char| c.is_lowercase())
        && so_far.starts_with(char::is_uppercase)
        && so_far.contains(' ')
}

/// Whether a single quote (`'` or `’`) at this place could close a quotation: after a
/// non-space and not inside a word, so the apostrophes of "Macron's" and "it’s" never do.
fn single_closes(prev: Option<char>, next: Option<char>) -> bool {
    prev.is_some_and(|p| !p.is_whitespace())
        && !next.is_some_and(is_word_char)
        && closes_before(next)
}

/// The quotations inside `span` of `text`, in text order, outermost only (marks nested in
/// a quotation belong to it).
///
/// Every common style is recognised: `"…"`, `“…”`, `„…“`, `«…»`, `‘…’`, and `'…'` when
/// the marks stand where quotation marks stand (an opening `'` before a word, a closing
/// one after it) rather than inside a word as an apostrophe. A quotation never runs past
/// `span`: scan one paragraph at a time and an unbalanced mark is capped at the end of its
/// paragraph (`closed: false`). A straight `"` in a clear opening position while another
/// is open ends the first one there, unclosed, so one stray mark cannot pair up every
/// mark after it wrongly. Linear in the length of the span; never panics.
pub fn quotations(text: &str, span: Span) -> Vec<Quotation> {
    let Some(slice) = text.get(span.start..span.end) else {
        return Vec::new();
    };
    // Pass 1: where single quotes could close, so an opening `'`/`‘` is only taken when a
    // closing one follows somewhere in the span.
    let mut straight_closers = Vec::new();
    let mut curly_closers = Vec::new();
    // One byte scan finds the marks; both passes below read only those.
    let marks: Vec<(usize, char, Option<char>, Option<char>)> = quotation_marks(slice).collect();
    if marks.is_empty() {
        return Vec::new();
    }
    for &(i, c, prev, next) in &marks {
        if (c == '\'' || c == '’') && single_closes(prev, next) {
            if c == '\'' {
                straight_closers.push(i)
            } else {
                curly_closers.push(i)
            }
        }
    }
    let (mut straight_k, mut curly_k) = (0, 0);
    // Whether a closing candidate from the k-th on comes right after punctuation: where
    // a quoted sentence ends ("… we'll support them.'").
    let after_punctuation = |closers: &[usize]| {
        let mut out = vec![false; closers.len() + 1];
        for k in (0..closers.len()).rev() {
            let prev = slice[..closers[k]].chars().next_back();
            out[k] = out[k + 1] || matches!(prev, Some(',' | '.' | '!' | '?'));
        }
        out
    };
    let straight_punct = after_punctuation(&straight_closers);
    let curly_punct = after_punctuation(&curly_closers);

    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    let finish = |out: &mut Vec<Quotation>, start: usize, mark: char, end: usize, closed: bool| {
        let close_len = if closed {
            slice[end..].chars().next().map_or(0, char::len_utf8)
        } else {
            0
        };
        let inner_start = start + mark.len_utf8();
        let inner = slice.get(inner_start..end).unwrap_or("");
        let lead = inner.len() - inner.trim_start().len();
        let inner_text = inner.trim();
        let inner_from = span.start + inner_start + lead;
        out.push(Quotation {
            span: Span::new(span.start + start, span.start + end + close_len),
            inner: Span::new(inner_from, inner_from + inner_text.len()),
            open: mark,
            closed,
        });
    };
    for &(i, c, prev, next) in &marks {
        while straight_k < straight_closers.len() && straight_closers[straight_k] <= i {
            straight_k += 1;
        }
        while curly_k < curly_closers.len() && curly_closers[curly_k] <= i {
            curly_k += 1;
        }
        let opener_place = opens_after(prev) && next.is_some_and(|n| !n.is_whitespace());
        let closer_place = prev.is_some_and(|p| !p.is_whitespace()) && closes_before(next);
        match open {
            Some((start, mark)) => {
                let closes = match (mark, c) {
                    ('"', '"') => closer_place || !opener_place,
                    ('“', '”') | ('„', '“' | '”') | ('«', '»') => true,
                    ('‘', '’') | ('\'', '\'') => {
                        // "'It's the Ukrainians' fight, and we'll support them.'": a plural
                        // possessive inside a quoted sentence, which closes further on.
                        let later = if c == '\'' {
                            straight_punct[straight_k]
                        } else {
                            curly_punct[curly_k]
                        };
                        single_closes(prev, next)
                            && !(later
                                && prev == Some('s')
                                && plural_possessive_inside(
                                    slice,
                                    start + mark.len_utf8(),
                                    i,
                                    i + c.len_utf8(),
                                ))
                    }
                    _ => false,
                };
                let restarts = (mark == c && (c == '“' || c == '«')) || (mark == '"' && c == '"');
                if closes {
                    finish(&mut out, start, mark, i, true);
                    open = None;
                } else if restarts {
                    let end = start + slice[start..i].trim_end().len();
                    finish(
                        &mut out,
                        start,
                        mark,
                        end.max(start + mark.len_utf8()),
                        false,
                    );
                    open = Some((i, c));
                }
            }
            None => {
                let opens = match c {
                    // A mark with spaces on both sides is a stray, not an opening.
                    '"' => {
                        opener_place || (!closer_place && next.is_some_and(|n| !n.is_whitespace()))
                    }
                    '“' | '„' | '«' => true,
                    '‘' => {
                        !prev.is_some_and(is_word_char)
                            && next.is_some_and(|n| !n.is_whitespace())
                            && curly_k < curly_closers.len()
                    }
                    '\'' => {
                        opener_place
                            && next.is_some_and(is_word_char)
                            && straight_k < straight_closers.len()
                    }
                    _ => false,
                };
                if opens {
                    open = Some((i, c));
                }
            }
        }
    }
    if let Some((start, mark)) = open {
        let end = slice.trim_end().len().max(start + mark.len_utf8());
        finish(&mut out, start, mark, end, false);
    }
    out
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
    fn ascii_spelling_removes_accents_and_keeps_case() {
        for (input, expected) in [
            ("Stéphane Séjourné", "Stephane Sejourne"),
            ("Radosław Sikorski", "Radoslaw Sikorski"),
            ("ÉLYSÉE", "ELYSEE"),
            ("Lars Løkke Rasmussen", "Lars Lokke Rasmussen"),
            ("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"),
            ("Владимир Путин", "Владимир Путин"),
        ] {
            assert_eq!(ascii_spelling(input), expected, "{input}");
        }
        assert!(matches!(
            ascii_spelling("Emmanuel Macron"),
            Cow::Borrowed(_)
        ));
    }

    #[test]
    fn words_keep_inner_apostrophes_hyphens_and_number_separators() {
        let text = "Macronʼs Paris-hosted talks: 1,500 troops, 3.5 km. 'Not' -- end";
        let got: Vec<&str> = words(text, Span::new(0, text.len()))
            .iter()
            .map(|s| s.text(text))
            .collect();
        assert_eq!(
            got,
            [
                "Macronʼs",
                "Paris-hosted",
                "talks",
                "1,500",
                "troops",
                "3.5",
                "km",
                "Not",
                "end"
            ]
        );
    }

    #[test]
    fn words_of_a_span_out_of_range_are_none() {
        assert!(words("abc", Span::new(2, 10)).is_empty());
        assert_eq!(count_words(""), 0);
        assert_eq!(floor_boundary("é", 1), 0);
    }
}
