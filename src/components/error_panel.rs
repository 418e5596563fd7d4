//! The panel shown instead of the app when it cannot start.

use leptos::prelude::*;

/// An error the reader can act on: what happened and a reload button.
#[component]
pub fn ErrorPanel(
    /// What went wrong, in words.
    message: String,
) -> impl IntoView {
    let reload = |_| {
        if let Some(w) = web_sys::window() {
            let _ = w.location().reload();
        }
    };
    view! {
        <div class="px-fatal" role="alert">
            <h2 class="px-fatal__title">"Parallax could not start"</h2>
            <p class="px-fatal__text">"The articles bundled with this page could not be read."</p>
            <pre class="px-fatal__message">{message}</pre>
            <button type="button" class="px-button px-button--primary" on:click=reload>
                "Reload"
            </button>
        </div>
    }
}
