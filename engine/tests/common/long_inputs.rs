//! The long articles of the engine's time bounds (`tests/robustness.rs`), shared with
//! `examples/stages.rs`, which times each stage of the analysis on the same texts.

/// Builds a text of at least `n_bytes` by cycling through `parts`.
pub fn cycle(parts: &[&str], n_bytes: usize) -> String {
    let mut out = String::with_capacity(n_bytes + 64);
    for part in parts.iter().cycle() {
        if out.len() >= n_bytes {
            break;
        }
        out.push_str(part);
    }
    out
}

/// 1 MB on one line: words, quotations in every style, a lone mark, attributions,
/// abbreviations, numbers and combining or zero-width characters.
pub fn single_line() -> String {
    let parts = [
        "Macron said ",
        "\"we will not rule out\" ",
        "sending troops, ",
        "the German chancellor ",
        "warned “it is not an option” ",
        "according to The Wall Street Journal. ",
        "Scholz’s ",
        "« non » ",
        "‘maybe’ ",
        "U.S. officials said ",
        "1,500 ",
        "reportedly ",
        "'scare' ",
        "quotes ",
        "and ",
        "a lone “ mark ",
        "e\u{301} 👨\u{200D}👩\u{200D}👧 \u{200B} ",
    ];
    cycle(&parts, 1 << 20)
}

/// 200 KB of words with no punctuation at all: one sentence.
pub fn unpunctuated() -> String {
    let parts = [
        "Macron ",
        "said ",
        "troops ",
        "the German chancellor ",
        "Scholz ",
        "warned ",
        "that ",
        "allies ",
        "could ",
        "not ",
        "rule ",
        "out ",
        "sending ",
        "NATO ",
        "he ",
        "added ",
    ];
    cycle(&parts, 200 * 1024)
}

/// 600 KB of short paragraphs and furniture lines, with both kinds of line break.
pub fn short_lines() -> String {
    let parts = [
        "Macron said \"no\".\n\n",
        "ARTICLE AD BOX\n",
        "“Scholz warned,” he added.\r\n",
    ];
    cycle(&parts, 600 * 1024)
}
