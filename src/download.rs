//! Handing files and text to the reader: downloads made in the page (a `Blob` behind a
//! temporary link, nothing leaves the machine) and the clipboard.

use wasm_bindgen::JsCast;

/// Offers `content` as a file named `name`. The error is a sentence for the reader.
pub fn offer(name: &str, mime: &str, content: &str) -> Result<(), String> {
    let failed = || format!("The browser refused to save “{name}”.");
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(failed)?;
    let parts = js_sys_array_of(content);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob =
        web_sys::Blob::new_with_str_sequence_and_options(&parts, &options).map_err(|_| failed())?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| failed())?;
    let link: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| failed())?
        .unchecked_into();
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Free the object URL once the browser has surely read it.
    gloo::timers::callback::Timeout::new(60_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    })
    .forget();
    Ok(())
}

fn js_sys_array_of(content: &str) -> wasm_bindgen::JsValue {
    let array = js_sys::Array::new();
    array.push(&wasm_bindgen::JsValue::from_str(content));
    array.into()
}

/// Copies `text` to the clipboard. Resolves to whether it worked: the clipboard is only
/// offered to pages in a secure context and may be refused by the reader's settings, and
/// callers then show the text to copy by hand.
pub async fn copy(text: &str) -> bool {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return false;
    };
    let promise = clipboard.write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}
