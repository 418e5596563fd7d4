//! Named spans of time the benchmark reads from the page (User Timing).

/// In the browser, a User Timing measure named `name` from [`Measure::start`] to
/// [`Measure::end`] (`performance.getEntriesByType("measure")`): the benchmark reads the
/// times of loading and analysing a corpus from it, apart from rendering.
pub struct Measure<'a> {
    name: &'a str,
}

impl<'a> Measure<'a> {
    pub fn start(name: &'a str) -> Measure<'a> {
        #[cfg(target_arch = "wasm32")]
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.mark(&format!("{name}:start"));
        }
        Measure { name }
    }

    pub fn end(self) {
        #[cfg(target_arch = "wasm32")]
        if let Some(p) = web_sys::window().and_then(|w| w.performance()) {
            let _ = p.measure_with_start_mark(self.name, &format!("{}:start", self.name));
        }
        #[cfg(not(target_arch = "wasm32"))]
        let _ = self.name;
    }
}
