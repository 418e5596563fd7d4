//! Long work in slices: the analysis of a corpus runs in the page's one thread, so it hands
//! the page back every few milliseconds to let it paint the progress and answer the reader
//! (scroll, type, click) instead of freezing until the analysis is done.

/// How long work runs before the page gets a turn: under the 50 ms that browsers count as
/// a long task, with room for the step that overruns it (one article); long enough that
/// the turns, each a frame of the page at most, add little to the whole.
pub const SLICE_MS: f64 = 30.0;

/// The first slice while the page has nothing else to show: the reader has nothing to
/// click yet, and an analysis that ends within it (the five seeds take about 100 ms) goes
/// straight to the viewer, with no progress painted and no turn paid for. Only a longer
/// one shows its progress.
pub const OPENING_SLICE_MS: f64 = 250.0;

/// Decides when a piece of long work hands the page back, and hands it back.
pub struct Pacer {
    slice_start: f64,
    /// The length of the current slice, in milliseconds.
    slice_ms: f64,
    /// Turns handed back so far.
    turns: usize,
    /// The channel whose messages resume the work (see [`Pacer::hand_back`]).
    channel: Option<web_sys::MessageChannel>,
}

impl Pacer {
    /// Starts the first slice now; it lasts `first_slice_ms`, the next ones [`SLICE_MS`].
    pub fn new(first_slice_ms: f64) -> Pacer {
        Pacer {
            slice_start: now(),
            slice_ms: first_slice_ms,
            turns: 0,
            channel: web_sys::MessageChannel::new().ok(),
        }
    }

    /// Whether this slice is used up: time to show progress and [`hand_back`](Self::hand_back).
    pub fn slice_used(&self) -> bool {
        now() - self.slice_start >= self.slice_ms
    }

    /// Turns handed back so far.
    pub fn turns(&self) -> usize {
        self.turns
    }

    /// Lets the browser run what waits (input, rendering, timers, other tasks), then
    /// resumes and starts a new slice.
    ///
    /// The work resumes on a message posted to itself: a task queued behind the others,
    /// with no timer delay. (`setTimeout(0)` is stretched to 4 ms once timers nest, and a
    /// `scheduler.yield()` continuation goes ahead of the page's other tasks: timers and
    /// messages would wait for the whole analysis.)
    pub async fn hand_back(&mut self) {
        if let Some(channel) = &self.channel {
            let port = channel.port1();
            let promise = js_sys::Promise::new(&mut |resume, _reject| {
                port.set_onmessage(Some(&resume));
            });
            if channel
                .port2()
                .post_message(&wasm_bindgen::JsValue::NULL)
                .is_ok()
            {
                let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
            }
            port.set_onmessage(None);
        }
        self.slice_start = now();
        self.slice_ms = SLICE_MS;
        self.turns += 1;
    }
}

/// Milliseconds on the page's clock.
fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}
