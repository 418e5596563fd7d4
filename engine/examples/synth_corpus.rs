//! Writes the benchmark's synthetic corpus as a corpus folder the app can bundle
//! (issue #6 "Scale"): the article files, a `corpus.toml` listing them, and a copy of the
//! seeds' `actors.toml`, so that `PARALLAX_SEEDS=<folder> trunk build` goes through the
//! normal seeds path. The articles come from [`parallax_engine::synth::synth_corpus`], the
//! same generator the criterion bench measures, so browser and native figures describe one
//! corpus.
//!
//! `cargo run --release -p parallax-engine --example synth_corpus -- SEEDS OUT N SEED`

use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// A TOML basic string: quotes, backslashes and control characters escaped.
fn toml_string(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => {
                let _ = write!(out, "\\u{:04X}", u32::from(c));
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn write_corpus(seeds: &Path, out: &Path, n_articles: usize, seed: u64) -> Result<(), String> {
    let bundle = parallax_engine::corpus::load_bundle(seeds)
        .map_err(|e| format!("cannot load {}: {}", seeds.display(), e.message))?;
    let corpus =
        parallax_engine::synth::synth_corpus(&bundle.corpus, &bundle.gazetteer, n_articles, seed);
    // A fresh folder: a stale article file with no manifest entry would fail the build.
    if out.exists() {
        std::fs::remove_dir_all(out).map_err(|e| format!("cannot clear {}: {e}", out.display()))?;
    }
    std::fs::create_dir_all(out).map_err(|e| format!("cannot create {}: {e}", out.display()))?;
    let mut manifest = String::from(
        "# Synthetic benchmark corpus written by engine/examples/synth_corpus.rs: \
         do not edit, regenerate.\n",
    );
    for article in &corpus.articles {
        let file = format!("{}.txt", article.id);
        std::fs::write(out.join(&file), &article.text)
            .map_err(|e| format!("cannot write {file}: {e}"))?;
        let _ = write!(manifest, "\n[[article]]\nfile = {}\n", toml_string(&file));
        if let Some(outlet) = &article.meta.outlet {
            let _ = writeln!(manifest, "outlet = {}", toml_string(outlet));
        }
    }
    std::fs::write(out.join("corpus.toml"), manifest)
        .map_err(|e| format!("cannot write corpus.toml: {e}"))?;
    std::fs::copy(seeds.join("actors.toml"), out.join("actors.toml"))
        .map_err(|e| format!("cannot copy actors.toml: {e}"))?;
    let n_bytes: usize = corpus.articles.iter().map(|a| a.text.len()).sum();
    println!(
        "wrote {} articles ({n_bytes} bytes of text) to {}",
        corpus.articles.len(),
        out.display()
    );
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let [seeds, out, n, seed] = args.as_slice() else {
        eprintln!("usage: synth_corpus SEEDS_DIR OUT_DIR N_ARTICLES SEED");
        return ExitCode::from(2);
    };
    let (Ok(n_articles), Ok(seed)) = (n.parse::<usize>(), seed.parse::<u64>()) else {
        eprintln!("N_ARTICLES and SEED must be whole numbers");
        return ExitCode::from(2);
    };
    match write_corpus(&PathBuf::from(seeds), &PathBuf::from(out), n_articles, seed) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
