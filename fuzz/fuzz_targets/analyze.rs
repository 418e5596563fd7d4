//! Fuzz target `analyze`: arbitrary bytes as article text through the whole engine.
//!
//! The bytes are read as UTF-8 (invalid sequences become U+FFFD, so valid input reaches
//! the engine unchanged). The first byte picks the article's date (roles are resolved at
//! it); a byte 0x00 splits the input into up to four articles, so corpus-wide work (the
//! actor registry, claims) sees several. Beyond "never panics" it checks what the
//! viewer relies on, in a way independent of the field names: every `{start, end}` span
//! anywhere in an article's analysis lies inside that article's text on char boundaries;
//! quotations equal their span's text; a second analysis is equal; the JSON round trip is
//! lossless; the remarks lens of the central actor neither panics nor leaves the text.

#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_engine::corpus::{Article, ArticleMeta, Corpus};
use parallax_engine::gazetteer::Gazetteer;
use parallax_engine::{Analysis, analyze, remarks};
use serde_json::Value;
use std::sync::OnceLock;

const DATES: [Option<&str>; 4] = [None, Some("2024-02-27"), Some("2019-01-01"), Some("2030-12-31")];

/// The bundled gazetteer, so actors are really matched.
fn gazetteer() -> &'static Gazetteer {
    static GAZETTEER: OnceLock<Gazetteer> = OnceLock::new();
    GAZETTEER.get_or_init(|| {
        let text = include_str!("../../seeds/actors.toml");
        Gazetteer::from_toml(text).expect("seeds/actors.toml parses")
    })
}

/// Panics (a finding for libFuzzer) if any `{start, end}` object under `value` is not a
/// char-boundary span of `text`. `path` names where it was found.
fn check_spans(value: &Value, text: &str, path: &str) {
    match value {
        Value::Object(map) => {
            if map.len() == 2
                && let (Some(start), Some(end)) = (map.get("start"), map.get("end"))
            {
                let (start, end) = (start.as_u64().unwrap() as usize, end.as_u64().unwrap() as usize);
                assert!(
                    start <= end
                        && end <= text.len()
                        && text.is_char_boundary(start)
                        && text.is_char_boundary(end),
                    "{path}: {start}..{end} is not a char-boundary span of the {}-byte text",
                    text.len()
                );
                return;
            }
            for (key, value) in map {
                check_spans(value, text, &format!("{path}.{key}"));
            }
        }
        Value::Array(items) => {
            for (i, value) in items.iter().enumerate() {
                check_spans(value, text, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

fuzz_target!(|data: &[u8]| {
    let Some((&first, rest)) = data.split_first() else {
        return;
    };
    let input = String::from_utf8_lossy(rest);
    let corpus = Corpus {
        articles: input
            .splitn(4, '\0')
            .enumerate()
            .map(|(i, text)| Article {
                id: format!("a{i}"),
                text: text.to_owned(),
                meta: ArticleMeta {
                    date: DATES[usize::from(first) % DATES.len()].map(str::to_owned),
                    ..ArticleMeta::default()
                },
            })
            .collect(),
    };
    let analysis = analyze(&corpus, gazetteer());

    let json = serde_json::to_value(&analysis).expect("the analysis serialises");
    for (i, (article, found)) in corpus.articles.iter().zip(&analysis.articles).enumerate() {
        check_spans(&json["articles"][i], &article.text, &format!("articles[{i}]"));
        for quote in &found.quotes {
            assert_eq!(quote.text, quote.span.text(&article.text), "quote text is its span's text");
        }
    }
    for (claim_idx, claim) in analysis.claims.iter().enumerate() {
        for (i, member) in claim.members.iter().enumerate() {
            let text = &corpus.articles[member.article_idx].text;
            check_spans(&json["claims"][claim_idx]["members"][i], text, "claims");
        }
    }
    assert_eq!(analyze(&corpus, gazetteer()), analysis, "analysis is deterministic");
    let back: Analysis = serde_json::from_str(&serde_json::to_string(&analysis).unwrap()).unwrap();
    assert_eq!(back, analysis, "the JSON round trip is lossless");

    if let Some(focal) = remarks::central_actor(&analysis) {
        let lens = remarks::remarks(&corpus, &analysis, focal);
        let lens_json = serde_json::to_value(&lens).expect("the remarks serialise");
        for (i, entry) in lens.articles.iter().enumerate() {
            let text = &corpus.articles[entry.article_idx].text;
            check_spans(&lens_json["articles"][i], text, "remarks.articles");
        }
    }
});
