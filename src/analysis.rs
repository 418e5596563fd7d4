//! The engine's analysis of the bundled articles with a reader's own, run by the analysis
//! worker (`src/worker/main.rs`, which documents the messages) off the page's thread.
//!
//! The worker's files are not part of the page's first load: the build's loader scripts
//! (`boot-….js`, `embed.js`, written by `scripts/post-build.mjs`) only name its loader in
//! `globalThis.parallaxWorker`, and it is started when the reader opens "Your articles"
//! ([`prepare`]: its files load while they pick or paste an article) or, at the latest,
//! when their articles are first analysed. It is kept for the next analysis (its code is
//! then compiled and warm), and stopped when a newer analysis starts while it still works.
//!
//! A page on another site than the app's files (script embedding across origins) cannot
//! start a worker from the app's address: there it starts from a `blob:` script that loads
//! the same loader.
//!
//! The worker's last result is kept in the tab's session storage ([`cached`],
//! [`remember`]), so that a reload with the same articles decodes it instead of starting
//! a worker: session storage has a quota of its own, apart from the local storage that
//! keeps the reader's articles, which this cache can therefore never crowd out.

use crate::view_model::Progress;
use futures::StreamExt;
use futures::channel::mpsc;
use js_sys::{Array, Uint8Array};
use std::cell::{Cell, RefCell};
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;
use web_sys::{ErrorEvent, MessageEvent, Worker};

/// The global the build's loader scripts set to the worker loader's address.
const LOADER_GLOBAL: &str = "parallaxWorker";

/// What came of an analysis by the worker.
pub enum Outcome {
    /// The analysis, in the build's encoding ([`parallax_engine::prepared`]).
    Done(Vec<u8>),
    /// A newer analysis started, or the caller gave up.
    Abandoned,
    /// A sentence for the reader.
    Failed(String),
}

/// A message of the worker, or of the page about the worker.
enum Message {
    Ready,
    Progress(usize, usize),
    Done(Vec<u8>),
    Failed(String),
}

/// A started worker with its message channel. Dropping it stops the worker.
struct Running {
    worker: Worker,
    messages: mpsc::UnboundedReceiver<Message>,
    /// The handlers must live as long as the worker may call them.
    _on_message: Closure<dyn Fn(MessageEvent)>,
    _on_error: Closure<dyn Fn(ErrorEvent)>,
}

impl Drop for Running {
    fn drop(&mut self) {
        self.worker.terminate();
    }
}

/// A worker waiting for an analysis.
struct Idle {
    running: Running,
    /// Whether it has said it listens (a worker started by [`prepare`] may not have yet).
    ready: bool,
}

thread_local! {
    /// A worker started ahead, or that has finished an analysis, waiting for the next.
    static IDLE: RefCell<Option<Idle>> = const { RefCell::new(None) };
    /// Which analysis is the newest: an older one stops at its next message.
    static NEWEST: Cell<u64> = const { Cell::new(0) };
}

/// Analyses the bundle (`bundle_json`, as built) with the reader's articles (their saved
/// document), after the build's analysis of the bundle when it is `prepared` (the worker
/// then analyses only the reader's articles, and groups claims across all). `progress` is
/// awaited on each progress message and returns `false` to abandon the analysis, which
/// stops the worker.
pub async fn analyse(
    bundle_json: &str,
    own_json: &str,
    prepared: Option<&[u8]>,
    mut progress: impl AsyncFnMut(Progress) -> bool,
) -> Outcome {
    let run = NEWEST.with(|n| {
        n.set(n.get() + 1);
        n.get()
    });
    let current = || NEWEST.with(Cell::get) == run;
    let (mut running, ready) = match IDLE.with(|idle| idle.borrow_mut().take()) {
        Some(idle) => (idle.running, idle.ready),
        None => match start(None) {
            Ok(running) => (running, false),
            Err(why) => return Outcome::Failed(why),
        },
    };
    if !ready {
        match running.messages.next().await {
            Some(Message::Ready) => {}
            Some(Message::Failed(why)) => return Outcome::Failed(why),
            _ => return Outcome::Failed("the analysis did not start".into()),
        }
    }
    if !current() {
        return Outcome::Abandoned;
    }
    let job: Array = ["analyse", bundle_json, own_json]
        .iter()
        .map(|s| wasm_bindgen::JsValue::from_str(s))
        .collect();
    // The prepared analysis is copied out of the page's memory once, and handed over.
    let transfer = Array::new();
    if let Some(bytes) = prepared {
        let bytes = js_sys::Uint8Array::from(bytes);
        transfer.push(&bytes.buffer());
        job.push(&bytes);
    }
    if let Err(e) = running.worker.post_message_with_transfer(&job, &transfer) {
        return Outcome::Failed(format!(
            "the analysis could not be given the articles ({})",
            js_message(&e)
        ));
    }
    loop {
        let Some(message) = running.messages.next().await else {
            return Outcome::Failed("the analysis stopped without an answer".into());
        };
        if !current() {
            return Outcome::Abandoned;
        }
        match message {
            Message::Ready => {}
            Message::Progress(done, total) => {
                let now = Progress {
                    done,
                    total,
                    prepared: false,
                };
                if !progress(now).await || !current() {
                    return Outcome::Abandoned;
                }
            }
            Message::Done(bytes) => {
                let idle = Idle {
                    running,
                    ready: true,
                };
                IDLE.with(|slot| *slot.borrow_mut() = Some(idle));
                return Outcome::Done(bytes);
            }
            Message::Failed(why) => return Outcome::Failed(why),
        }
    }
}

/// Starts a worker ahead of the first analysis, unless one waits already, and has it warm
/// up on the bundle (`bundle_json`, with its `prepared` analysis) while the reader picks an
/// article: its first analysis then runs compiled code, and finds the bundle read and its
/// claims' units taken. What goes wrong is told when the analysis asks for it.
pub fn prepare(bundle_json: &'static str, prepared: &'static [u8]) {
    IDLE.with(|idle| {
        let mut idle = idle.borrow_mut();
        if idle.is_none() {
            *idle = start(Some((bundle_json, prepared)))
                .ok()
                .map(|running| Idle {
                    running,
                    ready: false,
                });
        }
    });
}

/// The worker loader's address, as the build's loader script set it.
fn loader_url() -> Result<String, String> {
    js_sys::Reflect::get(&js_sys::global(), &LOADER_GLOBAL.into())
        .ok()
        .and_then(|v| v.as_string())
        .ok_or_else(|| {
            "this copy of the app was started without its analysis worker \
             (its loader script did not name it)"
                .into()
        })
}

/// Starts a worker and listens to it; with `warm_on`, a bundle's JSON and its prepared
/// analysis, asks it to warm up on them as soon as it listens (see `src/worker/main.rs`).
fn start(warm_on: Option<(&'static str, &'static [u8])>) -> Result<Running, String> {
    let url = loader_url()?;
    let worker = new_worker(&url)
        .map_err(|e| format!("the analysis could not be started ({})", js_message(&e)))?;
    let (send, messages) = mpsc::unbounded();
    let to_page = send.clone();
    let to_worker = worker.clone();
    let on_message = Closure::<dyn Fn(MessageEvent)>::new(move |event: MessageEvent| {
        let message = read(&event.data());
        if let (Message::Ready, Some((bundle, prepared))) = (&message, warm_on) {
            let prepared = js_sys::Uint8Array::from(prepared);
            let warm = Array::of3(&"warm".into(), &bundle.into(), &prepared);
            let _ = to_worker.post_message_with_transfer(&warm, &Array::of1(&prepared.buffer()));
        }
        let _ = to_page.unbounded_send(message);
    });
    let on_error = Closure::<dyn Fn(ErrorEvent)>::new(move |event: ErrorEvent| {
        event.prevent_default();
        let what = event.message();
        let what = if what.is_empty() {
            "its code could not be loaded".to_owned()
        } else {
            what
        };
        let _ = send.unbounded_send(Message::Failed(format!("the analysis failed: {what}")));
    });
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    Ok(Running {
        worker,
        messages,
        _on_message: on_message,
        _on_error: on_error,
    })
}

/// A worker running the loader at `url`: straight from it when it is on the page's own
/// site, else from a `blob:` script that loads it (a worker must come from the page's site).
fn new_worker(url: &str) -> Result<Worker, wasm_bindgen::JsValue> {
    let page = web_sys::window()
        .map(|w| w.location().origin().unwrap_or_default())
        .unwrap_or_default();
    let loader = web_sys::Url::new(url)?;
    if loader.origin() == page {
        return Worker::new(url);
    }
    let quoted = serde_json::to_string(url).unwrap_or_default();
    let source = format!("self.parallaxBase={quoted};importScripts({quoted});");
    let parts = Array::of1(&source.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("text/javascript");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    // Not revoked: the worker reads it after this returns; it is one small script a page.
    let blob_url = web_sys::Url::create_object_url_with_blob(&blob)?;
    Worker::new(&blob_url)
}

/// Reads one message of the worker (see `src/worker/main.rs`).
fn read(data: &wasm_bindgen::JsValue) -> Message {
    let items = Array::from(data);
    let number = |i: u32| items.get(i).as_f64().map_or(0, |n| n as usize);
    match items.get(0).as_string().as_deref() {
        Some("ready") => Message::Ready,
        Some("progress") => Message::Progress(number(1), number(2)),
        Some("done") => match items.get(1).dyn_into::<Uint8Array>() {
            Ok(bytes) => Message::Done(bytes.to_vec()),
            Err(_) => Message::Failed("the analysis sent back something unreadable".into()),
        },
        Some("failed") => Message::Failed(
            items
                .get(1)
                .as_string()
                .unwrap_or_else(|| "the analysis failed".into()),
        ),
        _ => Message::Failed("the analysis sent back something unreadable".into()),
    }
}

/// The message of a JS error, the text of a thrown string, or what kind of value it is.
/// (Not `JsValue`'s debug form: that brings a page of glue code to describe any value.)
fn js_message(error: &wasm_bindgen::JsValue) -> String {
    error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| {
            format!(
                "a value of type {}",
                error.js_typeof().as_string().unwrap_or_default()
            )
        })
}

/// Where the last analysis by the worker is kept, in the tab's session storage.
const CACHE_KEY: &str = "parallax.analysis";

/// What identifies an analysis: the worker that made it (its loader's address is named for
/// its content), the bundle it was given, and the reader's articles.
pub fn cache_key(bundle_json: &str, own_json: &str) -> String {
    let worker = loader_url().unwrap_or_default();
    let hash = [worker.as_str(), bundle_json, own_json]
        .iter()
        .fold(0xcbf2_9ce4_8422_2325_u64, |h, part| {
            fnv1a(fnv1a(h, part.as_bytes()), &[0xff])
        });
    format!("{hash:016x}")
}

/// 64-bit FNV-1a, continued from `h`.
fn fnv1a(h: u64, bytes: &[u8]) -> u64 {
    bytes.iter().fold(h, |h, &b| {
        (h ^ u64::from(b)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

fn session_storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// The analysis kept under `key` in this tab, if any. The caller decodes and checks it as
/// any other; a bad one only costs the worker's analysis.
pub fn cached(key: &str) -> Option<Vec<u8>> {
    let stored = session_storage()?.get_item(CACHE_KEY).ok()??;
    let (stored_key, bytes) = stored.split_once(':')?;
    (stored_key == key).then(|| {
        bytes
            .chars()
            .map(|c| c as u32)
            .map_while(|c| u8::try_from(c).ok())
            .collect()
    })
}

/// Keeps `bytes` under `key` in this tab, replacing what was kept. Best effort: a full or
/// missing session storage keeps nothing.
pub fn remember(key: &str, bytes: &[u8]) {
    let Some(storage) = session_storage() else {
        return;
    };
    // One char per byte (U+0000–U+00FF): a one-byte string in the browser's memory.
    let mut text = String::with_capacity(key.len() + 1 + bytes.len() * 2);
    text.push_str(key);
    text.push(':');
    text.extend(bytes.iter().map(|&b| char::from(b)));
    if storage.set_item(CACHE_KEY, &text).is_err() {
        let _ = storage.remove_item(CACHE_KEY);
    }
}
