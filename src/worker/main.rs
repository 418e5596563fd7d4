//! The analysis worker: the engine's analysis of the bundled articles together with a
//! reader's own, run in a Web Worker of its own (`src/analysis.rs` starts and talks to it).
//!
//! The page loads the analysis of the bundled articles made at build time and needs the
//! engine's analysis code only once a reader adds an article. Here that code stays out of
//! the page's first load, and a long analysis (a large bundle) never holds up the page.
//!
//! Messages, each a JS array whose first item names it:
//! - from the page: `["analyse", bundle, own, prepared]`, the bundled articles' JSON (as
//!   the build wrote it; the gazetteer is the worker's own, read and compiled once for the
//!   warm-up and every analysis), the reader's articles as their
//!   saved document ([`parallax_engine::reader`]), checked again here as untrusted input,
//!   and, optionally, the analysis of the bundled articles the build prepared (its bytes,
//!   [`parallax_engine::prepared`]): the analysis resumes after it
//!   ([`Analyzer::resume`]) instead of analysing the bundled articles again, and only
//!   claims are grouped anew across them all (the bundle read, its prepared analysis
//!   decoded and the units of its claims taken are kept for the analyses after it while
//!   the page sends the same: [`Kept`]); or `["warm", bundle, prepared]`, sent when the
//!   worker is started ahead of an analysis: it runs the analysis on the first few bundled
//!   articles and keeps nothing of it, so that the engine's code is compiled (a browser
//!   compiles wasm functions on their first call and optimises them once they have run)
//!   before the reader's articles arrive, then reads and keeps the bundle as an analysis
//!   would; it answers nothing;
//! - to the page: `["ready"]` once it listens (a message posted to a worker before then is
//!   lost), `["progress", done, total]` at most every 50 ms, then either
//!   `["done", bytes]`, the analysis in the build's encoding ([`parallax_engine::prepared`]),
//!   or `["failed", sentence]`. A panic posts `["failed", …]` too, before the worker traps.

use parallax_engine::actors::ActorIndex;
use parallax_engine::corpus::Corpus;
use parallax_engine::gazetteer::Gazetteer;
use parallax_engine::{Analysis, Analyzer, ClaimsStart};
use serde::Deserialize;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::OnceLock;

/// The gazetteer `build.rs` bundled: only the engine needs it, so it lives here, out of
/// the page's first load.
const GAZETTEER_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/gazetteer.json"));

/// The page's bundled articles (`corpus.json` of `build.rs`, see `src/bundle.rs`).
#[derive(Deserialize)]
struct Bundled {
    corpus: Corpus,
}

/// The bundled articles; errors are sentences for the reader.
fn read_corpus(corpus_json: &str) -> Result<Corpus, String> {
    serde_json::from_str::<Bundled>(corpus_json)
        .map(|bundled| bundled.corpus)
        .map_err(|e| format!("the bundled articles could not be read ({e})"))
}

/// The gazetteer, read and compiled for matching once per worker: the warm-up and every
/// analysis after it share it (reading and compiling it was about a third of the work of
/// analysing one article after the bundle's). Errors are sentences for the reader.
fn actor_index() -> Result<&'static ActorIndex<'static>, String> {
    static GAZETTEER: OnceLock<Result<Gazetteer, String>> = OnceLock::new();
    static INDEX: OnceLock<ActorIndex<'static>> = OnceLock::new();
    let gazetteer = GAZETTEER
        .get_or_init(|| {
            serde_json::from_str(GAZETTEER_JSON)
                .map_err(|e| format!("the gazetteer could not be read ({e})"))
        })
        .as_ref()
        .map_err(String::clone)?;
    Ok(INDEX.get_or_init(|| ActorIndex::new(gazetteer)))
}

/// The articles of the bundle a warm-up analyses, at most.
const WARM_ARTICLES: usize = 5;

/// The analysis of the bundle's articles followed by the reader's, encoded as the build
/// encodes its own, resumed after the bundle's `prepared` analysis when it is given and
/// fits (else made whole: the same result, in more time). `progress(done, total)` is
/// called after every step; errors are sentences for the reader.
// Natively, only the tests call it: the worker runs in a browser.
#[cfg_attr(not(any(target_arch = "wasm32", test)), expect(dead_code))]
fn analyse(
    bundle_json: &str,
    own_json: &str,
    prepared: Option<&[u8]>,
    mut progress: impl FnMut(usize, usize),
) -> Result<Vec<u8>, String> {
    let index = actor_index()?;
    let own = parallax_engine::reader::decode(own_json)?;
    let kept = prepared.and_then(|bytes| kept_for(bundle_json, bytes));
    let mut corpus = match &kept {
        Some(kept) => kept.corpus.clone(),
        None => read_corpus(bundle_json)?,
    };
    let n_bundled = corpus.articles.len();
    corpus.articles.extend(own);
    let resumed = match &kept {
        Some(kept) => Analyzer::resume_from(&corpus, index, kept.done.clone(), &kept.start).ok(),
        None => prepared
            .and_then(|bytes| decode_prepared(bytes, n_bundled))
            .and_then(|done| Analyzer::resume_with_index(&corpus, index, done).ok()),
    };
    let mut analyzer = resumed.unwrap_or_else(|| Analyzer::with_index(&corpus, index));
    while analyzer.step() {
        progress(analyzer.done(), analyzer.total());
    }
    Ok(parallax_engine::prepared::encode(&analyzer.finish()))
}

/// The prepared analysis of the bundle's `n_bundled` articles, unless it is broken or of
/// another number of articles.
fn decode_prepared(bytes: &[u8], n_bundled: usize) -> Option<Analysis> {
    parallax_engine::prepared::Decoder::new(bytes)
        .and_then(|decoder| decoder.finish())
        .ok()
        .filter(|done| done.articles.len() == n_bundled)
}

/// What the worker keeps of the bundle from one analysis to the next: the page sends the
/// same bundle and prepared analysis every time, and reading them, and taking the units of
/// the bundle's claims (a third of the work of analysing one article after the seeds, a
/// quarter after a thousand articles), need not be done again each time. Kept while
/// the page sends the same ones, in the worker's memory (a few times the bundle's size).
struct Kept {
    bundle_json: String,
    prepared: Vec<u8>,
    corpus: Corpus,
    done: Analysis,
    start: ClaimsStart,
}

thread_local! {
    static KEPT: RefCell<Option<Rc<Kept>>> = const { RefCell::new(None) };
}

/// What is kept of this bundle and its prepared analysis, if they are what was kept.
fn kept_for(bundle_json: &str, prepared: &[u8]) -> Option<Rc<Kept>> {
    KEPT.with(|kept| kept.borrow().clone())
        .filter(|k| k.bundle_json == bundle_json && k.prepared == prepared)
}

/// The bundle's articles, its prepared analysis and the claims started from it, kept for
/// the analyses to come (unless they are kept already). Done when the worker has nothing
/// else to do: by the warm-up, or after an analysis has been sent (an analysis that found
/// nothing kept is made as before, without the copies keeping takes). `None` when the
/// prepared analysis cannot be used (it is not that of these articles). Errors
/// (sentences) when the bundle cannot be read.
fn keep(bundle_json: &str, prepared: &[u8]) -> Result<Option<Rc<Kept>>, String> {
    if let Some(kept) = kept_for(bundle_json, prepared) {
        return Ok(Some(kept));
    }
    let corpus = read_corpus(bundle_json)?;
    let Some(done) = decode_prepared(prepared, corpus.articles.len()) else {
        return Ok(None);
    };
    let kept = Rc::new(Kept {
        bundle_json: bundle_json.to_owned(),
        prepared: prepared.to_vec(),
        start: ClaimsStart::new(&corpus, &done),
        corpus,
        done,
    });
    KEPT.with(|slot| *slot.borrow_mut() = Some(Rc::clone(&kept)));
    Ok(Some(kept))
}

/// Analyses the first [`WARM_ARTICLES`] articles of the bundle, the last of them resumed
/// after the others' analysis, encoded and decoded as a prepared one is: each part of an
/// analysis's code runs once. Returns the articles analysed, and drops the rest: see
/// `["warm", …]` above. With the bundle's `prepared` analysis, it also reads the bundle
/// and takes its claims' units for the analyses to come ([`keep`]). A bundle that cannot
/// be read is left to the analysis to report.
#[cfg_attr(not(any(target_arch = "wasm32", test)), expect(dead_code))]
fn warm(bundle_json: &str, prepared: Option<&[u8]>) -> usize {
    let Ok(index) = actor_index() else {
        return 0;
    };
    // The bundle is read once: kept for the analyses to come, and its first articles
    // taken from what is kept.
    let kept = prepared.and_then(|bytes| keep(bundle_json, bytes).ok().flatten());
    let articles = match &kept {
        Some(kept) => kept
            .corpus
            .articles
            .iter()
            .take(WARM_ARTICLES)
            .cloned()
            .collect(),
        None => match read_corpus(bundle_json) {
            Ok(mut corpus) => {
                corpus.articles.truncate(WARM_ARTICLES);
                corpus.articles
            }
            Err(_) => return 0,
        },
    };
    let corpus = Corpus { articles };
    let first = Corpus {
        articles: corpus.articles[..corpus.articles.len().saturating_sub(1)].to_vec(),
    };
    let bytes = parallax_engine::prepared::encode(&Analyzer::with_index(&first, index).finish());
    parallax_engine::prepared::Decoder::new(&bytes)
        .and_then(|decoder| decoder.finish())
        .and_then(|done| Analyzer::resume_with_index(&corpus, index, done))
        .map_or(0, |analyzer| analyzer.finish().articles.len())
}

#[cfg(target_arch = "wasm32")]
mod web {
    use super::{analyse, warm};
    use js_sys::{Array, Uint8Array};
    use wasm_bindgen::prelude::*;
    use web_sys::{DedicatedWorkerGlobalScope, MessageEvent};

    /// The least time between two progress messages, in milliseconds.
    const PROGRESS_MS: f64 = 50.0;

    fn scope() -> DedicatedWorkerGlobalScope {
        js_sys::global().unchecked_into()
    }

    fn post(items: &[JsValue]) {
        let _ = scope().post_message(&items.iter().collect::<Array>());
    }

    fn now() -> f64 {
        scope().performance().map_or(0.0, |p| p.now())
    }

    fn on_message(event: MessageEvent) {
        let data = Array::from(&event.data());
        if data.get(0).as_string().as_deref() == Some("warm") {
            if let Some(bundle) = data.get(1).as_string() {
                let prepared = data.get(2).dyn_into::<Uint8Array>().ok();
                warm(&bundle, prepared.map(|bytes| bytes.to_vec()).as_deref());
            }
            return;
        }
        let (Some("analyse"), Some(bundle), Some(own)) = (
            data.get(0).as_string().as_deref(),
            data.get(1).as_string(),
            data.get(2).as_string(),
        ) else {
            post(&[
                "failed".into(),
                "the page sent the analysis nothing it can read".into(),
            ]);
            return;
        };
        let prepared = data
            .get(3)
            .dyn_into::<Uint8Array>()
            .ok()
            .map(|bytes| bytes.to_vec());
        let mut last = now();
        let result = analyse(&bundle, &own, prepared.as_deref(), |done, total| {
            let t = now();
            if t - last >= PROGRESS_MS {
                last = t;
                post(&["progress".into(), done.into(), total.into()]);
            }
        });
        match result {
            Ok(bytes) => post(&["done".into(), Uint8Array::from(bytes.as_slice()).into()]),
            Err(message) => post(&["failed".into(), message.into()]),
        }
        // For the next analysis, once this one is sent.
        if let Some(bytes) = prepared.as_deref() {
            let _ = super::keep(&bundle, bytes);
        }
    }

    pub fn start() {
        std::panic::set_hook(Box::new(|info| {
            console_error_panic_hook::hook(info);
            post(&[
                "failed".into(),
                format!("the analysis stopped: {info}").into(),
            ]);
        }));
        let handler = Closure::<dyn Fn(MessageEvent)>::new(on_message);
        scope().set_onmessage(Some(handler.as_ref().unchecked_ref()));
        // The worker lives as long as the page keeps it: so does its handler.
        handler.forget();
        post(&["ready".into()]);
    }
}

fn main() {
    #[cfg(target_arch = "wasm32")]
    web::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("analysis-worker runs in a browser, started by the Parallax app");
}

#[cfg(test)]
mod tests {
    use super::analyse;
    use parallax_engine::corpus::{Article, ArticleMeta};
    use parallax_engine::gazetteer::Gazetteer;
    use parallax_engine::prepared::Decoder;

    const BUNDLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

    fn decode(bytes: &[u8]) -> parallax_engine::Analysis {
        let mut decoder = Decoder::new(bytes).expect("a header");
        while decoder.step().expect("an article") {}
        decoder.finish().expect("the corpus-wide part")
    }

    fn own_article() -> Article {
        Article {
            id: "own-1".into(),
            text: "Macron says troops for Ukraine are not ruled out\n\n\
                   French President Emmanuel Macron said on Monday that \"no option is off the table\", \
                   German Chancellor Olaf Scholz said no troops would be sent."
                .into(),
            meta: ArticleMeta {
                outlet: Some("Example Daily".into()),
                ..ArticleMeta::default()
            },
        }
    }

    /// The analysis the build prepared of the bundled articles.
    const PREPARED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/analysis.bin"));

    /// The worker's analysis of the bundle and `own`, its progress steps, and what the
    /// engine gives for the same articles.
    fn run(prepared: Option<&[u8]>, own: Vec<Article>) -> (String, Vec<(usize, usize)>, String) {
        let mut steps = Vec::new();
        let bytes = analyse(
            BUNDLE_JSON,
            &parallax_engine::reader::encode(&own),
            prepared,
            |done, total| steps.push((done, total)),
        )
        .expect("an analysis");
        let mut corpus = super::read_corpus(BUNDLE_JSON).unwrap();
        corpus.articles.extend(own);
        // The engine on its own, with a gazetteer read and compiled afresh.
        let gazetteer: Gazetteer = serde_json::from_str(super::GAZETTEER_JSON).unwrap();
        let expected = parallax_engine::analyze(&corpus, &gazetteer);
        let json = |a| serde_json::to_string(&a).unwrap();
        (json(decode(&bytes)), steps, json(expected))
    }

    #[test]
    fn analyses_the_bundle_with_the_readers_articles_as_the_engine_does() {
        let (got, steps, expected) = run(None, vec![own_article()]);
        assert_eq!(got, expected);
        assert!(got.contains("\"id\":\"own-1\""));
        // One step per article, then the claim grouping's steps, all counted of `total`.
        let total = 6;
        assert!(steps.iter().all(|&(_, t)| t == total));
        assert_eq!(steps.iter().filter(|&&(d, _)| d < total).count(), total - 1);
        assert!(steps.windows(2).all(|w| w[0].0 <= w[1].0));
    }

    /// With the build's analysis of the bundle, only the reader's articles are analysed:
    /// the result is the same, and progress starts after the bundle.
    #[test]
    fn resumes_after_the_prepared_analysis_of_the_bundle() {
        let (got, steps, expected) = run(Some(PREPARED), vec![own_article()]);
        assert_eq!(got, expected);
        assert_eq!(steps.first(), Some(&(6, 6)));
        // Without articles of the reader's: the bundle's analysis, claims grouped again.
        let (got, _, expected) = run(Some(PREPARED), Vec::new());
        assert_eq!(got, expected);
    }

    /// A prepared analysis that is broken or of other articles is not used: the bundle is
    /// analysed whole, with the same result.
    #[test]
    fn a_prepared_analysis_that_does_not_fit_is_not_used() {
        let mut corpus = super::read_corpus(BUNDLE_JSON).unwrap();
        let gazetteer = super::actor_index().unwrap().gazetteer();
        corpus.articles.truncate(3);
        let of_three =
            parallax_engine::prepared::encode(&parallax_engine::analyze(&corpus, gazetteer));
        for prepared in [&PREPARED[..PREPARED.len() / 2], b"\xff\xff\xff", &of_three] {
            let (got, steps, expected) = run(Some(prepared), vec![own_article()]);
            assert_eq!(got, expected);
            assert_eq!(steps.first(), Some(&(1, 6)));
        }
    }

    #[test]
    fn a_warm_up_analyses_a_few_bundled_articles_and_survives_bad_input() {
        assert_eq!(super::warm(BUNDLE_JSON, None), 5);
        assert_eq!(super::warm("{", None), 0);
        assert_eq!(super::warm("{", Some(PREPARED)), 0);
    }

    /// What the worker keeps: the bundle read, its prepared analysis and claims' units
    /// taken once (by the warm-up here), used by every analysis after it while the page
    /// sends the same bundle, with the same results as the engine's; another bundle, or
    /// another prepared analysis, takes its place.
    #[test]
    fn the_bundle_is_read_once_for_every_analysis_of_it() {
        let kept = || super::KEPT.with(|k| k.borrow().clone());
        // An analysis alone keeps nothing (the worker keeps the bundle once it is sent).
        let (got, _, expected) = run(Some(PREPARED), vec![own_article()]);
        assert_eq!(got, expected);
        assert!(kept().is_none());
        assert_eq!(super::warm(BUNDLE_JSON, Some(PREPARED)), 5);
        let first = kept().expect("the warm-up kept the bundle");
        assert_eq!(first.start.len(), first.corpus.articles.len());
        let mut second = own_article();
        second.id = "own-2".into();
        second.text = second
            .text
            .replace("Monday", "Tuesday")
            .replace("Olaf Scholz", "Scholz");
        for own in [vec![own_article()], Vec::new(), vec![own_article(), second]] {
            let (got, _, expected) = run(Some(PREPARED), own);
            assert_eq!(got, expected);
            assert!(std::rc::Rc::ptr_eq(&first, &kept().unwrap()), "read again");
        }
        let mut corpus = super::read_corpus(BUNDLE_JSON).unwrap();
        corpus.articles.truncate(3);
        let gazetteer = super::actor_index().unwrap().gazetteer();
        let of_three =
            parallax_engine::prepared::encode(&parallax_engine::analyze(&corpus, gazetteer));
        let bundle_of_three = serde_json::json!({ "corpus": corpus }).to_string();
        assert!(super::keep(&bundle_of_three, &of_three).is_ok_and(|k| k.is_some()));
        let bytes = analyse(
            &bundle_of_three,
            &parallax_engine::reader::encode(&[own_article()]),
            Some(&of_three),
            |_, _| {},
        )
        .expect("an analysis");
        let mut with_own = corpus.clone();
        with_own.articles.push(own_article());
        let expected = parallax_engine::analyze(&with_own, gazetteer);
        assert!(decode(&bytes) == expected);
        assert_eq!(kept().expect("kept").corpus.articles.len(), 3);
    }

    #[test]
    fn bad_input_is_a_sentence_not_a_panic() {
        let err = analyse(BUNDLE_JSON, "{not json", None, |_, _| {}).unwrap_err();
        assert!(err.contains("not a Parallax articles file"), "{err}");
        let err =
            analyse("[]", &parallax_engine::reader::encode(&[]), None, |_, _| {}).unwrap_err();
        assert!(
            err.starts_with("the bundled articles could not be read"),
            "{err}"
        );
        // An article that would be refused when added is refused here too.
        let mut empty = own_article();
        empty.text = "   ".into();
        let err = analyse(
            BUNDLE_JSON,
            &parallax_engine::reader::encode(&[empty]),
            Some(PREPARED),
            |_, _| {},
        )
        .unwrap_err();
        assert!(!err.is_empty());
    }
}
