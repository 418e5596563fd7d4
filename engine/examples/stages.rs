//! Times each stage of [`parallax_engine::analyze`] on the seeds and on the long inputs of
//! `tests/robustness.rs`, to find which stage does super-linear work (issue #6 item 5).
//! Times are the thread's CPU time where Linux reports it (in scheduler ticks, a few
//! milliseconds), so that other work on a shared machine does not count; the stages are
//! those of `analyze_article`, then claims, the remarks lens and the exports.
//!
//! `cargo run --release -p parallax-engine --example stages [-- FILE…]`: with files, times
//! those instead of the built-in inputs. `-- --synth N [REPS]` times the benchmark's
//! synthetic corpus of N articles (seed 42, as `benches/engine.rs`) and the seeds, each
//! stage repeated REPS times (default 10) so that stages of a few milliseconds still get a
//! figure above the scheduler tick; the figures are per run. `-- --once [FILE…]` analyses the seeds (or each
//! file) once and prints nothing else, for instruction counts under
//! `valgrind --tool=callgrind`, which load on the machine cannot disturb; `-- --once-synth N`
//! does the same for the synthetic corpus of N articles.

use parallax_engine::Analyzer;
use parallax_engine::corpus::{self, Article, Corpus};
use parallax_engine::{actors, claims, cues, export, quotes, remarks, structure};
use std::path::Path;
use std::time::{Duration, Instant};

#[path = "../tests/common/long_inputs.rs"]
mod long_inputs;

/// The long inputs of `tests/robustness.rs`, and lone quotation marks among words.
fn long_texts() -> Vec<(String, String)> {
    let marks: Vec<String> = ["\"", "“", "”", "‘", "’", "'", "«", "»", "„", "‹", "›"]
        .iter()
        .map(|m| format!("{m} Macron said "))
        .collect();
    let marks: Vec<&str> = marks.iter().map(String::as_str).collect();
    vec![
        (
            "200 KB without punctuation".into(),
            long_inputs::unpunctuated(),
        ),
        ("1 MB single line".into(), long_inputs::single_line()),
        ("20,000 short lines".into(), long_inputs::short_lines()),
        (
            "lone marks among words".into(),
            long_inputs::cycle(&marks, 155_000),
        ),
    ]
}

/// The CPU time this thread has run, from Linux's `/proc/thread-self/schedstat` (the
/// machine is shared, so wall time says more about the neighbours than about the engine);
/// wall time where that file is missing.
fn now() -> Duration {
    static START: std::sync::OnceLock<Instant> = std::sync::OnceLock::new();
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse::<u64>().ok())
        .map(Duration::from_nanos)
        .unwrap_or_else(|| START.get_or_init(Instant::now).elapsed())
}

fn analyzer_done(start: Duration, what: &str) {
    println!("  {what}: {:.0} ms", (now() - start).as_secs_f64() * 1e3);
}

struct Timer {
    rows: Vec<(&'static str, Duration)>,
    last: Duration,
}

impl Timer {
    fn lap(&mut self, stage: &'static str) {
        let now = now();
        self.rows.push((stage, now.saturating_sub(self.last)));
        self.last = now;
    }
}

fn time_corpus(name: &str, corpus: &Corpus, gazetteer: &parallax_engine::gazetteer::Gazetteer) {
    time_corpus_reps(name, corpus, gazetteer, 1);
}

/// Times each stage `reps` times over and prints the time of one run.
fn time_corpus_reps(
    name: &str,
    corpus: &Corpus,
    gazetteer: &parallax_engine::gazetteer::Gazetteer,
    reps: u32,
) {
    let n_bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    let mut t = Timer {
        rows: Vec::new(),
        last: now(),
    };
    for _ in 0..reps {
        time_stages(corpus, gazetteer, &mut t);
    }
    let reps_f = f64::from(reps.max(1));
    let mut totals: Vec<(&str, Duration)> = Vec::new();
    for (stage, d) in t.rows {
        match totals.iter_mut().find(|(s, _)| *s == stage) {
            Some((_, total)) => *total += d,
            None => totals.push((stage, d)),
        }
    }
    println!("{name}: {n_bytes} bytes");
    for (stage, d) in &totals {
        println!("  {stage:<18} {:>10.2} ms", d.as_secs_f64() * 1e3 / reps_f);
    }
    let whole = totals
        .iter()
        .find(|(s, _)| *s == "analyze (whole)")
        .map_or(Duration::ZERO, |(_, d)| *d);
    println!(
        "  throughput         {:>10.2} MB/s (analyze, CPU time)",
        n_bytes as f64 / 1e6 / (whole.as_secs_f64() / reps_f)
    );
}

/// One run of every stage, each lap added to `t`.
fn time_stages(corpus: &Corpus, gazetteer: &parallax_engine::gazetteer::Gazetteer, t: &mut Timer) {
    t.last = now();
    let index = actors::ActorIndex::new(gazetteer);
    let mut registry = actors::Registry::default();
    t.lap("actor index");
    let mut stage = |t: &mut Timer| {
        let mut found = Vec::new();
        for article in &corpus.articles {
            let text = article.text.as_str();
            t.last = now();
            let s = structure::parse(text);
            t.lap("structure");
            let m = index.find_mentions(text, &s, article.meta.date.as_deref(), &mut registry);
            t.lap("mentions");
            let (q, st) = quotes::find_quotes_and_statements(text, &s, &m, &registry);
            t.lap("quotes+statements");
            let (c, f) = cues::find_cues_and_frames(text, &s);
            t.lap("cues+frames");
            found.push((s, m, q, st, c, f));
        }
        found
    };
    let _ = stage(t);
    t.last = now();
    let analysis = parallax_engine::analyze(corpus, gazetteer);
    t.lap("analyze (whole)");
    let _ = claims::group_claims(corpus, &analysis.articles, &analysis.actors);
    t.lap("claims");
    if let Some(focal) = remarks::central_actor(&analysis) {
        let _ = remarks::remarks(corpus, &analysis, focal);
    }
    t.lap("remarks");
    let json = serde_json::to_string(&analysis).unwrap_or_default();
    let _: Result<parallax_engine::Analysis, _> = serde_json::from_str(&json);
    t.lap("json round trip");
    let _ = export::analysis_json(&analysis);
    t.lap("export json");
    let _ = (export::claims_csv(&analysis), export::quotes_csv(&analysis));
    t.lap("export csv");
    for focal in 0..analysis.actors.len().min(4) {
        let lens = remarks::remarks(corpus, &analysis, focal);
        let _ = serde_json::to_string(&lens);
    }
    t.lap("remarks x4 + json");
    let again = parallax_engine::analyze(&corpus.clone(), gazetteer);
    let _ = again == analysis;
    t.lap("analyze again, compare");
}

fn main() {
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
    let bundle = match corpus::load_bundle(&seeds) {
        Ok(bundle) => bundle,
        Err(e) => {
            eprintln!("cannot load {}: {}", seeds.display(), e.message);
            std::process::exit(1);
        }
    };
    let files: Vec<String> = std::env::args().skip(1).collect();
    if files.first().is_some_and(|f| f == "--once-synth") {
        let n = files.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
        let synth = parallax_engine::synth::synth_corpus(&bundle.corpus, &bundle.gazetteer, n, 42);
        let analysis = parallax_engine::analyze(&synth, &bundle.gazetteer);
        println!("synthetic {n}: {} claims", analysis.claims.len());
        return;
    }
    if files.first().is_some_and(|f| f == "--once-resume-synth") {
        // For instruction counts of the resumed part alone: the first run writes the
        // prepared analysis of N articles to FILE, the next resumes from it.
        let n = files.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
        let file = files
            .get(2)
            .map_or("target/prepared-synth.bin", String::as_str);
        let mut synth =
            parallax_engine::synth::synth_corpus(&bundle.corpus, &bundle.gazetteer, n + 1, 42);
        let added = synth.articles.pop();
        let Ok(prepared) = std::fs::read(file) else {
            let analysis = parallax_engine::analyze(&synth, &bundle.gazetteer);
            std::fs::write(file, parallax_engine::prepared::encode(&analysis))
                .unwrap_or_else(|e| panic!("{file}: {e}"));
            println!("wrote {file}; run again to resume from it");
            return;
        };
        synth.articles.extend(added);
        let analysis = parallax_engine::prepared::Decoder::new(&prepared)
            .and_then(|d| d.finish())
            .and_then(|done| Analyzer::resume(&synth, &bundle.gazetteer, done))
            .unwrap_or_else(|e| panic!("{e}"))
            .finish();
        println!("{n}+1 resumed: {} claims", analysis.claims.len());
        return;
    }
    if files.first().is_some_and(|f| f == "--resume-synth") {
        // The analysis worker's case: N articles prepared, one more added by a reader.
        let n = files.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
        let mut synth =
            parallax_engine::synth::synth_corpus(&bundle.corpus, &bundle.gazetteer, n + 1, 42);
        let added = synth.articles.pop();
        let prepared =
            parallax_engine::prepared::encode(&parallax_engine::analyze(&synth, &bundle.gazetteer));
        synth.articles.extend(added);
        for resume in [false, true, false, true] {
            let start = now();
            let analyzer = if resume {
                let analyzer = parallax_engine::prepared::Decoder::new(&prepared)
                    .and_then(|d| d.finish())
                    .and_then(|done| Analyzer::resume(&synth, &bundle.gazetteer, done))
                    .unwrap_or_else(|e| panic!("{e}"));
                analyzer_done(start, "decoded and resumed");
                analyzer
            } else {
                Analyzer::new(&synth, &bundle.gazetteer)
            };
            let claims = analyzer.finish().claims.len();
            let what = if resume { "resumed" } else { "whole" };
            println!(
                "{n}+1 {what}: {:.0} ms, {claims} claims",
                (now() - start).as_secs_f64() * 1e3
            );
        }
        return;
    }
    if files.first().is_some_and(|f| f == "--synth") {
        let n = files.get(1).and_then(|n| n.parse().ok()).unwrap_or(1000);
        let reps = files.get(2).and_then(|n| n.parse().ok()).unwrap_or(10);
        time_corpus_reps("seeds", &bundle.corpus, &bundle.gazetteer, reps);
        let synth = parallax_engine::synth::synth_corpus(&bundle.corpus, &bundle.gazetteer, n, 42);
        time_corpus_reps(&format!("synthetic {n}"), &synth, &bundle.gazetteer, reps);
        return;
    }
    if files.first().is_some_and(|f| f == "--once") {
        if files.len() == 1 {
            let analysis = parallax_engine::analyze(&bundle.corpus, &bundle.gazetteer);
            println!("seeds: {} claims", analysis.claims.len());
        }
        for file in &files[1..] {
            let text = std::fs::read_to_string(file).unwrap_or_default();
            let corpus = Corpus {
                articles: vec![Article {
                    id: "a0".into(),
                    text,
                    ..Article::default()
                }],
            };
            let analysis = parallax_engine::analyze(&corpus, &bundle.gazetteer);
            println!("{file}: {} sentences", analysis.articles[0].sentences.len());
        }
        return;
    }
    let inputs: Vec<(String, String)> = if files.is_empty() {
        long_texts()
    } else {
        files
            .iter()
            .map(|f| (f.clone(), std::fs::read_to_string(f).unwrap_or_default()))
            .collect()
    };
    if files.is_empty() {
        // Warm up, then the seeds ten times over for a steadier figure.
        time_corpus("seeds", &bundle.corpus, &bundle.gazetteer);
        let ten = Corpus {
            articles: (0..10)
                .flat_map(|_| bundle.corpus.articles.clone())
                .collect(),
        };
        time_corpus("seeds x10", &ten, &bundle.gazetteer);
    }
    for (name, text) in inputs {
        let corpus = Corpus {
            articles: vec![Article {
                id: "a0".into(),
                text,
                ..Article::default()
            }],
        };
        time_corpus(&name, &corpus, &bundle.gazetteer);
    }
}
