//! Engine robustness: whatever text comes in, [`parallax_engine::analyze`] returns an
//! analysis the viewer can trust, and never panics.
//!
//! Readers paste anything and curators drop any file into `seeds/` (issue #7), so the
//! engine is driven here with hostile and messy text, against the bundled gazetteer
//! (`seeds/actors.toml`) so that actors really are matched:
//!
//! - **property tests** (proptest) on generated articles: news-like words mixed with actor
//!   names, quotation marks of every style (lone and unbalanced too), combining marks,
//!   right-to-left text, emoji and ZWJ sequences, zero-width characters, CRLF, lone CR,
//!   tabs, header and furniture lines; plus fully arbitrary Unicode, empty input and lines
//!   of only quotation marks;
//! - **fixed long inputs** that would expose quadratic work (a 1 MB single line, 10,000
//!   lone quotation marks, a 200 KB article with no punctuation), each under a time bound;
//! - **regressions**: the minimal inputs the properties once failed on, each named for what
//!   it covers.
//!
//! The invariants checked (see [`violations`]): every span of every finding lies inside its
//! article's text, on char boundaries, with `start <= end`; every index points at an
//! existing sentence, block, quote, actor or article; text copies (`quote.text`, removed
//! lines, headlines, claim members) equal the text their span covers; the same corpus gives
//! the same analysis twice; the analysis survives a JSON round trip unchanged. The remarks
//! lens, the exports, the header-line parser and the reader's article document are driven
//! through the same inputs, since they read the same spans.
//!
//! Case counts (per `cargo test` run) are in [`CASES_NEWS`], [`CASES_UNICODE`] and
//! [`CASES_SMALL`]; chosen so the whole file runs in about ten seconds in a debug build on
//! two cores. The fuzz targets in `fuzz/` run the same checks for as long as one likes.

use std::path::Path;
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use parallax_engine::corpus::{self, Article, ArticleMeta, Corpus};
use parallax_engine::gazetteer::Gazetteer;
use parallax_engine::{Analysis, Analyzer, ClaimsStart, Span, analyze, export, reader, remarks};
use proptest::prelude::*;
use proptest::sample::select;
use proptest::test_runner::FileFailurePersistence;

#[path = "common/long_inputs.rs"]
mod long_inputs;

/// Generated multi-article corpora of news-like text per run.
const CASES_NEWS: u32 = 192;
/// Generated articles of arbitrary Unicode per run.
const CASES_UNICODE: u32 = 192;
/// Cases for the cheap, analysis-free properties (header line, reader document).
const CASES_SMALL: u32 = 512;

// ---------------------------------------------------------------------- the vocabulary

/// Plain news words, including abbreviations and numbers the sentence splitter must handle.
const WORDS: &[&str] = &[
    "the",
    "troops",
    "Ukraine",
    "said",
    "told",
    "reporters",
    "on",
    "Tuesday",
    "NATO",
    "allies",
    "could",
    "not",
    "be",
    "ruled",
    "out",
    "U.S.",
    "Mr.",
    "Feb.",
    "1,500",
    "3.5",
    "according",
    "to",
    "officials",
    "warned",
    "he",
    "she",
    "they",
    "added",
    "that",
    "sending",
    "Western",
    "ground",
    "president",
    "Paris",
    "Berlin",
    "Kremlin",
    "claims",
    "reportedly",
    "allegedly",
    "might",
    "insisted",
    "wrote",
    "X",
    "poured",
    "cold",
    "water",
    "tetchy",
    "Article",
    "5",
    "escalation",
    "war",
    "in",
    "a",
    "of",
    "and",
    "is",
    "was",
    "who",
    "spoke",
    "condition",
    "anonymity",
    "unnamed",
    "sources",
    "Politico",
    "writes",
    "media",
    "reported",
];

/// Actors by name, alias, possessive, accent-folded form, role and context.
const ACTORS: &[&str] = &[
    "Macron",
    "Emmanuel Macron",
    "Macron's",
    "Macron’s",
    "Macronʼs",
    "MACRON",
    "Scholz",
    "Olaf Scholz",
    "the German chancellor",
    "German Chancellor Olaf Scholz",
    "Russia's foreign minister",
    "Putin",
    "Vladimir Putin",
    "Slovak Prime Minister Robert Fico",
    "Séjourné",
    "Sejourne",
    "Stéphane Séjourné",
    "Jens Stoltenberg",
    "NATO",
    "the Kremlin",
    "The Wall Street Journal",
    "according to The Wall Street Journal",
    "Rym Momtaz, consultant research fellow at the IISS,",
    "he added",
    "she said",
    "US officials said",
    "a NATO official, who spoke on condition of anonymity,",
];

/// Quotation marks of every style, and marks that only look like them.
const MARKS: &[&str] = &[
    "\"", "“", "”", "‘", "’", "«", "»", "« ", " »", "'", "ʼ", "„", "‚", "‹", "›", "「", "」", "″",
    "＂", "`",
];

/// Text that breaks naive byte or char arithmetic.
const EXOTIC: &[&str] = &[
    "e\u{301}", // e + combining acute
    "\u{301}",  // a combining mark with nothing to combine with
    "a\u{308}\u{308}\u{20DD}",
    "قال ماكرون", // Arabic: "Macron said"
    "אמר שולץ",   // Hebrew: "Scholz said"
    "\u{200F}",   // right-to-left mark
    "\u{202E}",   // right-to-left override
    "\u{2066}x\u{2069}",
    "👍🏽",
    "👨\u{200D}👩\u{200D}👧\u{200D}👦",
    "🏳\u{FE0F}\u{200D}🌈",
    "🇫🇷",
    "\u{200B}", // zero-width space
    "\u{200D}", // zero-width joiner
    "\u{FEFF}", // byte-order mark / zero-width no-break space
    "\u{0}",
    "\u{FFFD}",
    "ﬁ", // ligature: changes length when folded
    "İ", // lowercases to two chars
    "ß", // uppercases to two chars
    "ǅ",
    "Σ",
    "\u{2028}", // line separator
    "\u{85}",   // next line
    "\u{A0}",   // no-break space
    "\u{3000}", // ideographic space
    "马克龙说",
    "𝕄𝕒𝕔𝕣𝕠𝕟",
];

/// Line breaks and spaces of every kind, CRLF and lone CR included.
const BREAKS: &[&str] = &[
    "\n", "\n\n", "\r\n", "\r\n\r\n", "\r", "\r\r", "\t", " ", "  ", "\n \n", "\n\t\n",
];

const PUNCT: &[&str] = &[
    ".",
    ",",
    ";",
    ":",
    "!",
    "?",
    "…",
    "—",
    "–",
    "-",
    "(",
    ")",
    "...",
    " - Reports",
    "?!",
    "[",
];

/// Whole lines with a layout meaning: header lines (good and bad), furniture, list markers.
const LINES: &[&str] = &[
    "date 2024-02-27 https://example.org/a",
    " date 2024-13-45 javascript:alert(1)",
    "date",
    "date 2024-02-27 https://",
    "ARTICLE AD BOX",
    "8 months ago 5",
    "Read Entire Article",
    "- ",
    "• ",
    "1. ",
    "Macron Says Troops Not Ruled Out",
];

/// One generated token: a piece of vocabulary or an arbitrary char, then maybe a space.
fn token() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        8 => select(WORDS).prop_map(str::to_owned),
        4 => select(ACTORS).prop_map(str::to_owned),
        4 => select(MARKS).prop_map(str::to_owned),
        2 => select(EXOTIC).prop_map(str::to_owned),
        3 => select(BREAKS).prop_map(str::to_owned),
        3 => select(PUNCT).prop_map(str::to_owned),
        1 => select(LINES).prop_map(|line| format!("\n{line}\n")),
        1 => any::<char>().prop_map(String::from),
    ];
    (piece, prop_oneof![3 => Just(" "), 1 => Just("")]).prop_map(|(p, sep)| p + sep)
}

/// A news-like article: tokens run together, sometimes opened by a header line.
fn news_text() -> impl Strategy<Value = String> {
    (any::<bool>(), prop::collection::vec(token(), 0..160)).prop_map(|(header, tokens)| {
        let body = tokens.concat();
        if header {
            format!(" date 2024-03-01 https://example.org/x\n\n{body}")
        } else {
            body
        }
    })
}

/// Arbitrary Unicode, any char at all.
fn unicode_text() -> impl Strategy<Value = String> {
    prop::collection::vec(any::<char>(), 0..300).prop_map(String::from_iter)
}

/// A line (or lines) of only quotation marks, with optional line breaks.
fn marks_only_text() -> impl Strategy<Value = String> {
    prop::collection::vec(prop_oneof![6 => select(MARKS), 1 => select(BREAKS)], 0..60)
        .prop_map(|parts| parts.concat())
}

fn article_text() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => news_text(),
        2 => unicode_text(),
        1 => marks_only_text(),
        1 => Just(String::new()),
    ]
}

/// One to four articles, with the dates roles are resolved at (or none).
fn corpus() -> impl Strategy<Value = Corpus> {
    let date = select(
        &[
            None,
            Some("2024-02-27"),
            Some("2019-01-01"),
            Some("2030-12-31"),
        ][..],
    );
    prop::collection::vec((article_text(), date), 1..4).prop_map(|articles| Corpus {
        articles: articles
            .into_iter()
            .enumerate()
            .map(|(i, (text, date))| article(&format!("a{i}"), text, date))
            .collect(),
    })
}

fn article(id: &str, text: String, date: Option<&str>) -> Article {
    Article {
        id: id.to_owned(),
        text,
        meta: ArticleMeta {
            date: date.map(str::to_owned),
            ..ArticleMeta::default()
        },
    }
}

// ---------------------------------------------------------------------- the invariants

/// The bundled gazetteer, loaded once through the same loader the app's build uses.
fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        corpus::load_bundle(&seeds)
            .unwrap_or_else(|e| panic!("cannot load the seeds: {e}"))
            .gazetteer
    })
}

/// The seeds' gazetteer compiled once, lent to every case that asks for it: as the
/// browser's analysis worker keeps it from one analysis to the next.
fn shared_index() -> &'static parallax_engine::actors::ActorIndex<'static> {
    static INDEX: OnceLock<parallax_engine::actors::ActorIndex<'static>> = OnceLock::new();
    INDEX.get_or_init(|| parallax_engine::actors::ActorIndex::new(gazetteer()))
}

/// Collects what is wrong with one span, if anything.
fn check_span(problems: &mut Vec<String>, what: &str, text: &str, span: Span) {
    let ok = span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end);
    if !ok {
        problems.push(format!(
            "{what}: {}..{} is not a char-boundary span of the {}-byte text",
            span.start,
            span.end,
            text.len()
        ));
    }
}

fn check_idx(problems: &mut Vec<String>, what: &str, idx: usize, len: usize) {
    if idx >= len {
        problems.push(format!("{what}: index {idx} out of 0..{len}"));
    }
}

/// Everything wrong with `analysis` as the analysis of `corpus`; empty when all holds.
fn violations(corpus: &Corpus, analysis: &Analysis) -> Vec<String> {
    let mut p = Vec::new();
    let n_actors = analysis.actors.len();
    if analysis.articles.len() != corpus.articles.len() {
        p.push(format!(
            "{} articles analysed for {} in the corpus",
            analysis.articles.len(),
            corpus.articles.len()
        ));
    }
    for (article, found) in corpus.articles.iter().zip(&analysis.articles) {
        let text = article.text.as_str();
        let id = &article.id;
        if found.id != *id {
            p.push(format!("article {id} analysed as {}", found.id));
        }
        let (n_blocks, n_sentences, n_quotes) = (
            found.blocks.len(),
            found.sentences.len(),
            found.quotes.len(),
        );
        for (name, span) in [
            ("headline_span", found.headline_span),
            ("header_span", found.header_span),
        ] {
            if let Some(span) = span {
                check_span(&mut p, &format!("{id} {name}"), text, span);
            }
        }
        if found.headline.as_deref() != found.headline_span.map(|s| s.text(text)) {
            p.push(format!(
                "{id} headline {:?} is not its span's text",
                found.headline
            ));
        }
        for (i, block) in found.blocks.iter().enumerate() {
            check_span(&mut p, &format!("{id} block {i}"), text, block.span);
        }
        for (i, sentence) in found.sentences.iter().enumerate() {
            check_span(&mut p, &format!("{id} sentence {i}"), text, sentence.span);
            check_idx(
                &mut p,
                &format!("{id} sentence {i} block_idx"),
                sentence.block_idx,
                n_blocks,
            );
        }
        for (i, removed) in found.removed.iter().enumerate() {
            check_span(&mut p, &format!("{id} removed {i}"), text, removed.span);
            if removed.text != removed.span.text(text) {
                p.push(format!(
                    "{id} removed {i}: text {:?} is not its span's text",
                    removed.text
                ));
            }
        }
        for (i, mention) in found.mentions.iter().enumerate() {
            let what = format!("{id} mention {i}");
            check_span(&mut p, &what, text, mention.span);
            check_idx(
                &mut p,
                &format!("{what} sentence_idx"),
                mention.sentence_idx,
                n_sentences,
            );
            check_idx(&mut p, &format!("{what} actor"), mention.actor, n_actors);
        }
        for (i, quote) in found.quotes.iter().enumerate() {
            let what = format!("{id} quote {i}");
            check_span(&mut p, &what, text, quote.span);
            if let Some(verb) = quote.verb_span {
                check_span(&mut p, &format!("{what} verb_span"), text, verb);
            }
            if quote.text != quote.span.text(text) {
                p.push(format!(
                    "{what}: text {:?} is not its span's text",
                    quote.text
                ));
            }
            check_idx(
                &mut p,
                &format!("{what} sentence_idx"),
                quote.sentence_idx,
                n_sentences,
            );
            for &speaker in &quote.speaker_ids {
                check_idx(&mut p, &format!("{what} speaker"), speaker, n_actors);
            }
            let names: Vec<&str> = quote
                .speaker_ids
                .iter()
                .filter_map(|&s| analysis.actors.get(s))
                .map(|a| a.name.as_str())
                .collect();
            if names != quote.speakers {
                p.push(format!(
                    "{what}: speakers {:?} are not the names of speaker_ids",
                    quote.speakers
                ));
            }
        }
        for (i, statement) in found.statements.iter().enumerate() {
            let what = format!("{id} statement {i}");
            check_span(&mut p, &format!("{what} content"), text, statement.content);
            if let Some(verb) = statement.verb_span {
                check_span(&mut p, &format!("{what} verb_span"), text, verb);
            }
            if let Some(source) = statement.sourcing.span {
                check_span(&mut p, &format!("{what} sourcing.span"), text, source);
            }
            if let Some(actor) = statement.sourcing.actor {
                check_idx(&mut p, &format!("{what} sourcing.actor"), actor, n_actors);
            }
            for &speaker in &statement.speakers {
                check_idx(&mut p, &format!("{what} speaker"), speaker, n_actors);
            }
            if let Some(quote_idx) = statement.quote_idx {
                check_idx(&mut p, &format!("{what} quote_idx"), quote_idx, n_quotes);
            }
            check_idx(
                &mut p,
                &format!("{what} sentence_idx"),
                statement.sentence_idx,
                n_sentences,
            );
        }
        for (i, cue) in found.cues.iter().enumerate() {
            check_span(&mut p, &format!("{id} cue {i}"), text, cue.span);
            check_idx(
                &mut p,
                &format!("{id} cue {i} sentence_idx"),
                cue.sentence_idx,
                n_sentences,
            );
        }
        for (i, frame) in found.frames.iter().enumerate() {
            check_span(
                &mut p,
                &format!("{id} frame {i} trigger"),
                text,
                frame.trigger,
            );
            check_idx(
                &mut p,
                &format!("{id} frame {i} sentence_idx"),
                frame.sentence_idx,
                n_sentences,
            );
        }
        for (i, row) in found.actors.iter().enumerate() {
            check_idx(&mut p, &format!("{id} actor row {i}"), row.actor, n_actors);
            if analysis
                .actors
                .get(row.actor)
                .is_some_and(|a| a.name != row.name)
            {
                p.push(format!(
                    "{id} actor row {i}: name {:?} is not the actor's",
                    row.name
                ));
            }
        }
    }
    for (claim_idx, claim) in analysis.claims.iter().enumerate() {
        let mut carried: Vec<usize> = Vec::new();
        for (i, member) in claim.members.iter().enumerate() {
            let what = format!("claim {claim_idx} member {i}");
            let Some(article) = corpus.articles.get(member.article_idx) else {
                p.push(format!(
                    "{what}: article_idx {} out of range",
                    member.article_idx
                ));
                continue;
            };
            if member.article != article.id {
                p.push(format!(
                    "{what}: article {:?} is not {:?}",
                    member.article, article.id
                ));
            }
            check_span(&mut p, &what, &article.text, member.span);
            if member.sentence != member.span.text(&article.text) {
                p.push(format!(
                    "{what}: sentence {:?} is not its span's text",
                    member.sentence
                ));
            }
            if let Some(found) = analysis.articles.get(member.article_idx) {
                check_idx(
                    &mut p,
                    &format!("{what} sentence_idx"),
                    member.sentence_idx,
                    found.sentences.len(),
                );
            }
            if !carried.contains(&member.article_idx) {
                carried.push(member.article_idx);
            }
        }
        if claim.n_articles != carried.len() {
            p.push(format!(
                "claim {claim_idx}: n_articles {} but members come from {} articles",
                claim.n_articles,
                carried.len()
            ));
        }
    }
    p
}

/// Everything wrong with the remarks lens of `analysis` for a few focal actors (the
/// central one, the first three, and one that does not exist), including its JSON round
/// trip; empty when all holds.
fn remarks_violations(corpus: &Corpus, analysis: &Analysis) -> Vec<String> {
    let mut p = Vec::new();
    let mut focals: Vec<usize> = remarks::central_actor(analysis).into_iter().collect();
    focals.extend(0..analysis.actors.len().min(3));
    focals.push(analysis.actors.len() + 7);
    let text_of = |article_idx: usize| corpus.articles.get(article_idx).map(|a| a.text.as_str());
    for focal in focals {
        let lens = remarks::remarks(corpus, analysis, focal);
        for entry in &lens.articles {
            let Some(text) = text_of(entry.article_idx) else {
                p.push(format!(
                    "remarks of {focal}: article_idx {} out of range",
                    entry.article_idx
                ));
                continue;
            };
            let what = format!("remarks of {focal} in {}", entry.article);
            if let Some(span) = entry.prominence.first_mention {
                check_span(&mut p, &format!("{what} first_mention"), text, span);
            }
            if !entry.prominence.remarks_share.is_finite() {
                p.push(format!(
                    "{what}: remarks_share is {}",
                    entry.prominence.remarks_share
                ));
            }
            for statement in &entry.statements {
                check_span(
                    &mut p,
                    &format!("{what} statement content"),
                    text,
                    statement.content,
                );
                for span in [statement.verb_span, statement.sourcing.span]
                    .into_iter()
                    .flatten()
                {
                    check_span(&mut p, &format!("{what} statement verb/source"), text, span);
                }
                for reaction in &statement.reactions {
                    check_span(&mut p, &format!("{what} reaction"), text, reaction.content);
                }
            }
            if let Some(headline) = &entry.headline {
                check_span(&mut p, &format!("{what} headline"), text, headline.span);
                if let Some(span) = headline.subject_span {
                    check_span(&mut p, &format!("{what} headline subject"), text, span);
                }
                for voice in &headline.voices {
                    check_span(
                        &mut p,
                        &format!("{what} headline voice"),
                        text,
                        voice.content,
                    );
                }
                for cue in &headline.hedges {
                    check_span(&mut p, &format!("{what} headline hedge"), text, cue.span);
                }
            }
        }
        for sentence in &lens.contrast {
            for finding in &sentence.refs {
                match text_of(finding.article_idx) {
                    Some(text) => {
                        check_span(&mut p, &format!("contrast of {focal}"), text, finding.span)
                    }
                    None => p.push(format!("contrast of {focal}: article_idx out of range")),
                }
            }
        }
        for row in &lens.rows {
            for member in &row.members {
                let n_focal = lens
                    .articles
                    .get(member.article_idx)
                    .map_or(0, |a| a.statements.len());
                check_idx(
                    &mut p,
                    &format!("remark row of {focal}"),
                    member.focal_idx,
                    n_focal,
                );
            }
        }
        match serde_json::to_string(&lens)
            .map(|json| serde_json::from_str::<remarks::Remarks>(&json))
        {
            Ok(Ok(back)) if back == lens => {}
            other => p.push(format!("remarks of {focal} do not survive JSON: {other:?}")),
        }
    }
    p
}

/// Analyses `corpus` twice and checks every invariant, the JSON round trip, the remarks
/// lens and the exports; returns the first analysis and what went wrong.
fn analyse_and_check(corpus: &Corpus) -> (Analysis, Vec<String>) {
    let analysis = analyze(corpus, gazetteer());
    let p = check(corpus, &analysis);
    (analysis, p)
}

/// Everything wrong with `analysis` of `corpus` (see [`analyse_and_check`]); analyses the
/// corpus once more to compare.
fn check(corpus: &Corpus, analysis: &Analysis) -> Vec<String> {
    let mut p = violations(corpus, analysis);
    // The same corpus, rebuilt from fresh strings in the same order, gives the same result.
    let again = analyze(&corpus.clone(), gazetteer());
    if again != *analysis {
        p.push("analysing the same corpus twice gave different results".into());
    }
    match serde_json::to_string(analysis).map(|json| serde_json::from_str::<Analysis>(&json)) {
        Ok(Ok(back)) if back == *analysis => {}
        Ok(Ok(_)) => p.push("the analysis changes in a JSON round trip".into()),
        other => p.push(format!("the analysis does not survive JSON: {other:?}")),
    }
    if serde_json::from_str::<serde_json::Value>(&export::analysis_json(analysis)).is_err() {
        p.push("export::analysis_json is not JSON".into());
    }
    let _ = (export::claims_csv(analysis), export::quotes_csv(analysis));
    p.extend(remarks_violations(corpus, analysis));
    p
}

fn one_article(text: &str) -> Corpus {
    Corpus {
        articles: vec![article("a0", text.to_owned(), Some("2024-02-27"))],
    }
}

// ---------------------------------------------------------------------- properties

/// `cases` per run; a failing case is saved (and replayed first on later runs) in
/// `engine/proptest-regressions/robustness.txt`, since integration tests have no `lib.rs`
/// beside them for proptest's default location.
fn config(cases: u32) -> ProptestConfig {
    ProptestConfig {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::Direct(
            "proptest-regressions/robustness.txt",
        ))),
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config(CASES_NEWS))]

    #[test]
    fn news_like_corpora_keep_every_invariant(corpus in corpus()) {
        let (_, problems) = analyse_and_check(&corpus);
        prop_assert!(problems.is_empty(), "{problems:#?}");
    }
}

proptest! {
    #![proptest_config(config(CASES_NEWS))]

    /// A reader's articles are analysed after the bundled ones' prepared analysis
    /// ([`Analyzer::resume`]): the result is the whole corpus's analysis, wherever the
    /// prepared part ends. So it is with a compiled gazetteer lent from one analysis to
    /// the next ([`Analyzer::resume_with_index`], [`Analyzer::with_index`]): every case
    /// of this test borrows the same one, which nothing an analysis does may change.
    #[test]
    fn resuming_after_the_first_articles_is_the_whole_analysis(
        corpus in corpus(),
        split in 0..4usize,
    ) {
        let split = split.min(corpus.articles.len());
        let first = Corpus { articles: corpus.articles[..split].to_vec() };
        let done = analyze(&first, gazetteer());
        let whole = analyze(&corpus, gazetteer());
        let resumed = Analyzer::resume(&corpus, gazetteer(), done.clone())
            .map(Analyzer::finish)
            .map_err(TestCaseError::fail)?;
        prop_assert!(resumed == whole, "split after {split}");
        let lent = Analyzer::resume_with_index(&corpus, shared_index(), done.clone())
            .map(Analyzer::finish)
            .map_err(TestCaseError::fail)?;
        prop_assert!(lent == whole, "split after {split}, lent index");
        // Claims started from the first articles' units (`ClaimsStart`).
        let start = ClaimsStart::new(&first, &done);
        let started = Analyzer::resume_from(&corpus, shared_index(), done, &start)
            .map(Analyzer::finish)
            .map_err(TestCaseError::fail)?;
        prop_assert!(started == whole, "split after {split}, claims started");
        prop_assert!(
            Analyzer::with_index(&corpus, shared_index()).finish() == whole,
            "whole corpus, lent index"
        );
    }
}

proptest! {
    #![proptest_config(config(CASES_UNICODE))]

    #[test]
    fn arbitrary_unicode_keeps_every_invariant(text in unicode_text()) {
        let (_, problems) = analyse_and_check(&one_article(&text));
        prop_assert!(problems.is_empty(), "{problems:#?}");
    }
}

proptest! {
    #![proptest_config(config(CASES_SMALL))]

    #[test]
    fn a_header_line_is_read_without_panic_and_only_keeps_checked_values(
        text in prop_oneof![article_text(), select(LINES).prop_map(str::to_owned)]
    ) {
        if let Some(header) = corpus::parse_header_line(&text) {
            prop_assert!(header.len <= text.len() && text.is_char_boundary(header.len));
            prop_assert!(header.date.as_deref().is_none_or(corpus::is_valid_date));
            prop_assert!(header.url.as_deref().is_none_or(corpus::is_web_url));
        }
    }

    #[test]
    fn a_reader_article_that_is_accepted_survives_its_saved_document(
        text in article_text(),
        outlet in prop_oneof![Just(String::new()), select(EXOTIC).prop_map(str::to_owned)],
        date in select(&["", "2024-02-29", "2023-02-29", "٢٠٢٤-٠٢-٢٧", "2024-02-27\u{200B}"][..]),
        url in select(&["", "https://example.org/a", "javascript:alert(1)", "https://exa\u{202E}mple.org"][..]),
    ) {
        let draft = reader::Draft { text, outlet, date: date.to_owned(), url: url.to_owned() };
        if let Ok(article) = reader::article_from_draft(&draft, &[]) {
            let back = reader::decode(&reader::encode(std::slice::from_ref(&article)));
            prop_assert_eq!(back, Ok(vec![article]));
        }
    }

    #[test]
    fn any_string_decodes_as_a_reader_document_or_a_sentence(json in prop_oneof![
        unicode_text(),
        article_text().prop_map(|text| format!(
            r#"{{"format":"parallax-reader-articles","version":1,"articles":[{{"id":"x","text":{},"meta":{{}}}}]}}"#,
            serde_json::to_string(&text).unwrap_or_default()
        )),
    ]) {
        match reader::decode(&json) {
            Ok(articles) => prop_assert!(articles.iter().all(|a| !a.text.trim().is_empty())),
            Err(message) => prop_assert!(!message.is_empty()),
        }
    }
}

// ---------------------------------------------------------------------- fixed cases

/// How long (in CPU time, see [`thread_cpu_time`]) one analysis of a long input may take,
/// with the remarks lens and the exports the viewer derives from it: generous in a debug build (where the engine is ten to fifty
/// times slower), tight in release; quadratic work on these inputs takes minutes either
/// way. The invariant checks that follow (a second analysis, JSON round trips) are the
/// test's own work and are not timed.
fn time_bound() -> Duration {
    if cfg!(debug_assertions) {
        Duration::from_secs(30)
    } else {
        Duration::from_secs(3)
    }
}

/// The CPU time the calling thread has run so far, from Linux's
/// `/proc/thread-self/schedstat`: the time bound is about the engine's work, and on a
/// shared machine wall time mostly measures the neighbours. Elsewhere, `None` (the caller
/// falls back to wall time).
fn thread_cpu_time() -> Option<Duration> {
    let stat = std::fs::read_to_string("/proc/thread-self/schedstat").ok()?;
    let nanos = stat.split_whitespace().next()?.parse::<u64>().ok()?;
    Some(Duration::from_nanos(nanos))
}

/// Analyses one long article under [`time_bound`], then checks every invariant.
fn assert_long_input_is_analysed_in_time(name: &str, text: &str) {
    let corpus = one_article(text);
    let (started, cpu_started) = (Instant::now(), thread_cpu_time());
    let analysis = analyze(&corpus, gazetteer());
    if let Some(focal) = remarks::central_actor(&analysis) {
        let _ = remarks::remarks(&corpus, &analysis, focal);
    }
    let _ = (
        export::analysis_json(&analysis),
        export::claims_csv(&analysis),
        export::quotes_csv(&analysis),
    );
    let elapsed = match (cpu_started, thread_cpu_time()) {
        (Some(from), Some(to)) => to.saturating_sub(from),
        _ => started.elapsed(),
    };
    let problems = check(&corpus, &analysis);
    assert!(problems.is_empty(), "{name}: {problems:#?}");
    assert!(
        elapsed < time_bound(),
        "{name}: {} bytes took {elapsed:?} (bound {:?}): quadratic work?",
        text.len(),
        time_bound()
    );
    eprintln!(
        "{name}: {} bytes, {} sentences, {} quotes, analysed in {elapsed:?} of CPU time",
        text.len(),
        analysis.articles[0].sentences.len(),
        analysis.articles[0].quotes.len()
    );
}

#[test]
fn a_one_megabyte_single_line_of_words_and_quotes_is_analysed_in_time() {
    assert_long_input_is_analysed_in_time("1 MB single line", &long_inputs::single_line());
}

#[test]
fn ten_thousand_lone_quotation_marks_are_analysed_in_time() {
    let marks: Vec<String> = MARKS.iter().map(|m| format!("{m} Macron said ")).collect();
    let parts: Vec<&str> = marks.iter().map(String::as_str).collect();
    let text = parts
        .iter()
        .cycle()
        .take(10_000)
        .copied()
        .collect::<String>();
    assert_long_input_is_analysed_in_time("10,000 lone marks among words", &text);
    let only_marks = MARKS
        .iter()
        .cycle()
        .take(10_000)
        .copied()
        .collect::<String>();
    assert_long_input_is_analysed_in_time("10,000 marks in one run", &only_marks);
}

#[test]
fn a_text_of_only_straight_double_quotes_is_analysed() {
    assert_long_input_is_analysed_in_time("one \"", "\"");
    assert_long_input_is_analysed_in_time("10,000 \"", &"\"".repeat(10_000));
    assert_long_input_is_analysed_in_time("10,000 \" lines", &"\"\n".repeat(10_000));
}

#[test]
fn a_200_kilobyte_article_with_no_punctuation_is_analysed_in_time() {
    assert_long_input_is_analysed_in_time(
        "200 KB without punctuation",
        &long_inputs::unpunctuated(),
    );
}

#[test]
fn many_short_paragraphs_are_analysed_in_time() {
    assert_long_input_is_analysed_in_time("20,000 short lines", &long_inputs::short_lines());
}

// ---------------------------------------------------------------------- regressions

/// Edge inputs pinned for good, and the minimal inputs a property once failed on, each
/// with what it covers. Every one is analysed with every check of the properties above.
const REGRESSIONS: &[(&str, &str)] = &[
    ("empty text", ""),
    (
        "only whitespace and line breaks of every kind",
        " \t\r\n\r\r\n\u{2028}\u{85}\n",
    ),
    (
        "a byte-order mark before the header line",
        "\u{FEFF} date 2024-02-27 https://example.org\n\nText.",
    ),
    (
        "a combining mark right after a quotation mark",
        "\"\u{301}Macron\u{301}\" said.",
    ),
    (
        "a possessive with a modifier apostrophe at the very end",
        "Macronʼ",
    ),
];

#[test]
fn every_recorded_regression_input_keeps_every_invariant() {
    let failures: Vec<String> = REGRESSIONS
        .iter()
        .flat_map(|(name, text)| {
            let (_, problems) = analyse_and_check(&one_article(text));
            problems
                .into_iter()
                .map(move |problem| format!("{name}: {problem}"))
        })
        .collect();
    assert!(failures.is_empty(), "{failures:#?}");
}

/// The browser app analyses a step at a time, handing the page back in between: however
/// the steps are spread, the analysis is that of `analyze`; the progress it reports counts
/// articles, never past the total; after the articles, grouping claims takes steps too.
#[test]
fn a_stepwise_analysis_is_the_whole_analysis() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let bundle =
        corpus::load_bundle(&seeds).unwrap_or_else(|e| panic!("cannot load the seeds: {e}"));
    let corpus = parallax_engine::synth::synth_corpus(&bundle.corpus, gazetteer(), 12, 7);
    let whole = export::analysis_json(&analyze(&corpus, gazetteer()));

    // Every step there is: the articles, then grouping claims.
    let mut analyzer = Analyzer::new(&corpus, gazetteer());
    let mut n_steps = 0;
    while analyzer.step() {
        n_steps += 1;
        assert_eq!(analyzer.done(), n_steps.min(12));
    }
    assert!(n_steps > 12, "grouping claims took no step");
    assert!(!analyzer.step(), "a step after the last");
    assert!(
        export::analysis_json(&analyzer.finish()) == whole,
        "all steps: the analysis differs"
    );

    for steps in [0, 1, 5, 12, 13, n_steps - 1] {
        let mut analyzer = Analyzer::new(&corpus, gazetteer());
        assert_eq!((analyzer.done(), analyzer.total()), (0, 12));
        for _ in 0..steps {
            assert!(analyzer.step());
        }
        let stepwise = export::analysis_json(&analyzer.finish());
        assert!(
            stepwise == whole,
            "{steps} steps before finishing: the analysis differs"
        );
    }
}

/// The analysis worker resumes from the build's prepared analysis of the bundled articles,
/// decoded from its encoding: on a synthetic corpus whose later articles name actors the
/// first ones discovered, or that the gazetteer names in another role, the result is the
/// whole analysis, claims included, wherever the bundle ends; progress counts from there.
#[test]
fn resuming_from_a_prepared_analysis_is_the_whole_analysis() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let bundle =
        corpus::load_bundle(&seeds).unwrap_or_else(|e| panic!("cannot load the seeds: {e}"));
    let corpus = parallax_engine::synth::synth_corpus(&bundle.corpus, gazetteer(), 30, 11);
    let whole = analyze(&corpus, gazetteer());
    assert!(whole.claims.len() > 10);
    for split in [0, 1, 5, 17, 29, 30] {
        let first = Corpus {
            articles: corpus.articles[..split].to_vec(),
        };
        let bytes = parallax_engine::prepared::encode(&analyze(&first, gazetteer()));
        let done = parallax_engine::prepared::Decoder::new(&bytes)
            .and_then(|decoder| decoder.finish())
            .unwrap_or_else(|e| panic!("{e}"));
        let mut analyzer = Analyzer::resume(&corpus, gazetteer(), done)
            .unwrap_or_else(|e| panic!("split after {split}: {e}"));
        assert_eq!((analyzer.done(), analyzer.total()), (split, 30));
        analyzer.step();
        assert_eq!(analyzer.done(), (split + 1).min(30));
        assert!(
            analyzer.finish() == whole,
            "split after {split}: the analysis differs"
        );
    }
}
