//! Failures the reader can see: a panic anywhere in the app shows an error panel with the
//! message and a reload button (and logs to the console), instead of a blank page.
//!
//! The panel is built with plain DOM calls, not Leptos: after a panic the reactive system
//! may be in any state, so it must not be relied on.

use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

/// Logs panics to the console and shows them in the page.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panel(&info.to_string());
    }));
}

/// Puts the error panel at the top of the app's host element (once), and takes away the
/// prerendered first view, which is no longer going to come alive.
pub fn show_panel(message: &str) {
    crate::prerender::retire();
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document
        .query_selector(".px-fatal")
        .ok()
        .flatten()
        .is_some()
    {
        return;
    }
    let host = document.get_element_by_id("parallax").or_else(|| {
        document
            .body()
            .map(|b| b.unchecked_into::<web_sys::Element>())
    });
    let Some(host) = host else { return };
    let make = |tag: &str, class: &str, text: &str| {
        let el = document.create_element(tag).ok()?;
        el.set_class_name(class);
        el.set_text_content(Some(text));
        Some(el)
    };
    let (Some(panel), Some(title), Some(body), Some(detail), Some(button)) = (
        make("div", "px-fatal", ""),
        make("h2", "px-fatal__title", "Parallax stopped"),
        make(
            "p",
            "px-fatal__text",
            "Something went wrong while showing the articles. Reloading the page usually helps.",
        ),
        make("pre", "px-fatal__message", message),
        make("button", "px-button px-button--primary", "Reload"),
    ) else {
        return;
    };
    let _ = panel.set_attribute("role", "alert");
    let _ = button.set_attribute("type", "button");
    let reload = Closure::<dyn FnMut()>::new(|| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    });
    let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
    // The listener must outlive this call; the page is reloaded or closed after a panic.
    reload.forget();
    for child in [&title, &body, &detail, &button] {
        let _ = panel.append_child(child);
    }
    let _ = host.prepend_with_node_1(&panel);
}

/// Panics on purpose, so that the browser tests (or a developer, from the console) can
/// check that a failure shows the error panel rather than a blank page. Exported to
/// JavaScript as `wasmBindings.parallax_self_test_panic()`; nothing in the app calls it.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn parallax_self_test_panic() {
    panic!("self-test: a deliberate panic, to check that failures are shown");
}
