//! Short, dismissable notices: ignored URL values, corpus warnings.

use crate::state::notices::use_notices;
use leptos::prelude::*;

/// The current notices, each with a dismiss button.
#[component]
pub fn NoticeList() -> impl IntoView {
    let notices = use_notices();
    view! {
        <div class="px-notices" role="status" aria-live="polite">
            <For each=move || notices.0.get() key=|n| n.id let:notice>
                <p class="px-notice" data-testid="notice">
                    <span class="px-notice__text">{notice.text.clone()}</span>
                    <button
                        type="button"
                        class="px-notice__close"
                        aria-label="Dismiss notice"
                        on:click=move |_| notices.dismiss(notice.id)
                    >
                        "×"
                    </button>
                </p>
            </For>
        </div>
    }
}
