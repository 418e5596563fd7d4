//! The corpus bundled at build time by `build.rs`, and its analysis.

use crate::timing::Measure;
use parallax_engine::corpus::Corpus;
use serde::Deserialize;

/// The bundled articles and the warnings about them as `build.rs` wrote them: read here,
/// and sent as they are to the analysis worker (which has the gazetteer).
pub const CORPUS_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/corpus.json"));

/// The bundled corpus's analysis, made by `build.rs` when the app was built
/// (`parallax_engine::prepared`): decoded, not redone, while the reader has no articles of
/// their own.
pub const PREPARED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/analysis.bin"));

/// The bundled articles, and visible, non-fatal warnings about them (a very long article).
#[derive(Deserialize)]
pub struct Bundled {
    pub corpus: Corpus,
    pub warnings: Vec<String>,
}

/// Decodes the bundle. It was produced by the same types at build time, so decoding only
/// fails if the build itself is broken; the caller shows that as an error panel.
pub fn load() -> Result<Bundled, String> {
    let measure = Measure::start("parallax:load");
    let bundle = serde_json::from_str(CORPUS_JSON)
        .map_err(|e| format!("the bundled corpus is unreadable: {e}"));
    measure.end();
    bundle
}
