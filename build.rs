//! Bundles the corpus into the app at build time.
//!
//! Reads `seeds/` (or the folder named by `PARALLAX_SEEDS`, used by the benchmarks to
//! bundle a large synthetic corpus) through the engine's one corpus loader, and writes
//! the checked corpus (for `src/bundle.rs`) and gazetteer (for the analysis worker,
//! `src/worker/main.rs`) as JSON into `OUT_DIR` to embed,
//! with the corpus's analysis (`parallax_engine::prepared`), made here once for all.
//! A bad corpus fails the build with the file and line at fault.

use std::path::PathBuf;

fn main() {
    println!("cargo:rerun-if-env-changed=PARALLAX_SEEDS");
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("set by cargo"));
    let dir = match std::env::var("PARALLAX_SEEDS") {
        Ok(dir) if !dir.is_empty() => root.join(dir),
        _ => root.join("seeds"),
    };
    // The folder itself, so that a new file triggers a rebuild, and each file in it.
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for entry in entries.flatten() {
            println!("cargo:rerun-if-changed={}", entry.path().display());
        }
    }

    let bundle = match parallax_engine::corpus::load_bundle(&dir) {
        Ok(bundle) => bundle,
        Err(error) => {
            eprintln!("error: the corpus cannot be bundled: {error}");
            std::process::exit(1);
        }
    };
    for warning in &bundle.warnings {
        println!("cargo:warning=corpus: {warning}");
    }
    let out_dir = PathBuf::from(std::env::var("OUT_DIR").expect("set by cargo"));
    // The page needs the articles (and the warnings about them); only the analysis worker,
    // which runs the engine, needs the gazetteer: it is kept out of the page's first load.
    let corpus = serde_json::json!({ "corpus": bundle.corpus, "warnings": bundle.warnings });
    write(&out_dir.join("corpus.json"), &corpus.to_string());
    let gazetteer = serde_json::to_string(&bundle.gazetteer).expect("a gazetteer serialises");
    write(&out_dir.join("gazetteer.json"), &gazetteer);
    // The bundled articles are known now, so is their analysis: the app decodes it
    // instead of analysing the same text again in every reader's browser.
    let analysis = parallax_engine::analyze(&bundle.corpus, &bundle.gazetteer);
    let p = out_dir.join("analysis.bin");
    std::fs::write(&p, parallax_engine::prepared::encode(&analysis)).unwrap();
}

fn write(path: &std::path::Path, text: &str) {
    std::fs::write(path, text).unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
}
