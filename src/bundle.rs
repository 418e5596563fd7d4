//! The corpus and gazetteer bundled at build time by `build.rs`.

use crate::timing::Measure;
use parallax_engine::corpus::Bundle;

/// The bundle as `build.rs` wrote it: read here, and sent as it is to the analysis worker.
pub const BUNDLE_JSON: &str = include_str!(concat!(env!("OUT_DIR"), "/bundle.json"));

/// The bundled corpus's analysis, made by `build.rs` when the app was built
/// (`parallax_engine::prepared`): decoded, not redone, while the reader has no articles of
/// their own.
pub const PREPARED: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/analysis.bin"));

/// Decodes the bundle. It was produced by the same types at build time, so decoding only
/// fails if the build itself is broken; the caller shows that as an error panel.
pub fn load() -> Result<Bundle, String> {
    let measure = Measure::start("parallax:load");
    let bundle = serde_json::from_str(BUNDLE_JSON)
        .map_err(|e| format!("the bundled corpus is unreadable: {e}"));
    measure.end();
    bundle
}
