//! The reader's own articles in the browser's local storage.
//!
//! One key holds the versioned document of [`parallax_engine::reader`] (the same document
//! the export file uses). Storage can be missing (private mode, settings), full, or hold
//! something this version cannot read; each case is told to the reader in plain words and
//! the app goes on with the articles in memory. Unreadable data is never overwritten: the
//! store is *locked* until the reader downloads it or chooses to clear it.

use parallax_engine::corpus::Article;
use parallax_engine::reader;
use wasm_bindgen::JsValue;

/// The storage key. The format version lives inside the document.
pub const KEY: &str = "parallax.reader-articles";

/// What the store held when the page opened.
#[derive(Debug)]
pub enum Loaded {
    /// Nothing kept yet (or storage was cleared).
    Empty,
    Articles(Vec<Article>),
    /// Something is kept but cannot be read: left untouched.
    Unreadable {
        raw: String,
        why: String,
    },
    /// The browser gives no storage: articles last until the page closes.
    Unavailable,
}

/// Sentence shown when storage is unavailable.
pub const UNAVAILABLE: &str = "This browser does not let Parallax keep data (private browsing or \
    a privacy setting): articles you add stay until you close the page. Use “Export my \
    articles” to keep them in a file.";

fn storage() -> Option<web_sys::Storage> {
    // `window.localStorage` itself throws when storage is disabled; both errors and a
    // missing object mean "no storage".
    web_sys::window()?.local_storage().ok().flatten()
}

/// Reads the kept articles.
pub fn load() -> Loaded {
    let Some(storage) = storage() else {
        return Loaded::Unavailable;
    };
    match storage.get_item(KEY) {
        Err(_) => Loaded::Unavailable,
        Ok(None) => Loaded::Empty,
        Ok(Some(raw)) => match reader::decode(&raw) {
            Ok(articles) => Loaded::Articles(articles),
            Err(why) => Loaded::Unreadable { raw, why },
        },
    }
}

/// Keeps `articles`, replacing what was kept. The error is a sentence for the reader; on
/// error the previously kept document is unchanged (the browser writes all or nothing).
pub fn save(articles: &[Article]) -> Result<(), String> {
    let storage = storage().ok_or_else(|| UNAVAILABLE.to_owned())?;
    let result = if articles.is_empty() {
        storage.remove_item(KEY)
    } else {
        storage.set_item(KEY, &reader::encode(articles))
    };
    result.map_err(|e| describe_write_error(&e))
}

/// Removes whatever is kept, readable or not (the reader asked for it).
pub fn clear() -> Result<(), String> {
    let storage = storage().ok_or_else(|| UNAVAILABLE.to_owned())?;
    storage
        .remove_item(KEY)
        .map_err(|e| describe_write_error(&e))
}

fn describe_write_error(error: &JsValue) -> String {
    let name = js_sys_name(error);
    if name.contains("Quota") {
        "The browser’s storage for this page is full, so the change was not saved: it \
         lasts until you close the page, and what was kept before is unchanged. Use \
         “Export my articles” to keep it in a file."
            .to_owned()
    } else {
        format!(
            "The browser refused to save the change ({name}): it lasts until you close the \
             page, and what was kept before is unchanged. Use “Export my articles” to keep \
             it in a file."
        )
    }
}

/// The `name` of a thrown DOMException ("QuotaExceededError"), or a generic word.
fn js_sys_name(error: &JsValue) -> String {
    use wasm_bindgen::JsCast;
    error
        .dyn_ref::<web_sys::DomException>()
        .map(|e| e.name())
        .unwrap_or_else(|| "an unknown error".to_owned())
}
