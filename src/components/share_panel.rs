//! "Export & share": the analysis as JSON, the claims matrix and the quotations as CSV (all
//! made in the page from the analysis already in memory), a permalink of the current view,
//! and the `<iframe>` snippet that embeds it in another page.

use crate::download;
use crate::state::use_model;
use leptos::html;
use leptos::prelude::*;
use leptos::task::spawn_local;
use parallax_engine::export;

/// Where the app is published (origin and path, no query), or `None` when the page is not
/// the app's own (script embedding: the host page's address says nothing of the view) or
/// there is no page (the prerendered first view: the links are made when the app starts).
fn app_base(sync_url: bool) -> Option<String> {
    if !sync_url || cfg!(not(target_arch = "wasm32")) {
        return None;
    }
    let location = web_sys::window()?.location();
    Some(format!(
        "{}{}",
        location.origin().ok()?,
        location.pathname().ok()?
    ))
}

/// The address of the current view; `extra` is appended to the query (`embed=1`).
fn address(base: &str, query: &str, extra: &str) -> String {
    let parts: Vec<&str> = [query, extra]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect();
    if parts.is_empty() {
        base.to_owned()
    } else {
        format!("{base}?{}", parts.join("&"))
    }
}

/// The `<iframe>` snippet for `src`.
pub fn iframe_snippet(src: &str) -> String {
    let src = src.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<iframe src=\"{src}\" title=\"Parallax: how outlets framed the same story\" \
         width=\"100%\" height=\"640\" loading=\"lazy\"></iframe>"
    )
}

/// The toolbar button and its dialog.
#[component]
pub fn SharePanel(
    /// The viewer's own query parameters for the current view (no `?`).
    query: Signal<String>,
    /// Whether the page is the app's own (links to views make sense).
    sync_url: bool,
) -> impl IntoView {
    let vm = use_model();
    let dialog = NodeRef::<html::Dialog>::new();
    let status = RwSignal::new(String::new());
    let base = app_base(sync_url);
    let link_base = base.clone();
    let permalink = Signal::derive(move || {
        link_base
            .as_deref()
            .map(|b| address(b, &query.get(), ""))
            .unwrap_or_default()
    });
    let embed_base = base.clone();
    let snippet = Signal::derive(move || {
        embed_base
            .as_deref()
            .map(|b| iframe_snippet(&address(b, &query.get(), "embed=1")))
            .unwrap_or_default()
    });

    let offer = move |name: &'static str,
                      mime: &'static str,
                      make: fn(&parallax_engine::Analysis) -> String| {
        let vm = vm.clone();
        move |_| {
            let content = make(&vm.analysis);
            status.set(match download::offer(name, mime, &content) {
                Ok(()) => format!("Downloaded “{name}”."),
                Err(why) => why,
            });
        }
    };
    // `what` names the text in a sentence of its own and `within` inside one (written out
    // rather than lower-cased at run time, which would bring Unicode case mapping in).
    let copy = move |what: &'static str, within: &'static str, text: String| {
        spawn_local(async move {
            status.set(if download::copy(&text).await {
                format!("{what} copied to the clipboard.")
            } else {
                format!("The browser did not allow copying: select the {within} above and copy it.")
            });
        });
    };
    let open = move |_| {
        status.set(String::new());
        if let Some(d) = dialog.get() {
            let _ = d.show_modal();
        }
    };
    let close = move |_| {
        if let Some(d) = dialog.get() {
            d.close();
        }
    };
    let links = base.is_some().then(|| {
        view! {
            <div class="px-share__links">
                    <h3 class="px-dialog__sub">"Link to this view"</h3>
                    <div class="px-share__row">
                        <input
                            class="px-input"
                            type="text"
                            readonly
                            aria-label="Link to this view"
                            data-testid="permalink"
                            prop:value=permalink
                        />
                        <button
                            type="button"
                            class="px-button"
                            on:click=move |_| copy("Link", "link", permalink.get())
                        >
                            "Copy link"
                        </button>
                    </div>
                    <h3 class="px-dialog__sub">"Embed this view"</h3>
                    <p class="px-dialog__lede">
                        "Paste this into another page: it shows the current view and filters in a \
                         compact frame, without the page header."
                    </p>
                    <textarea
                        class="px-input px-input--code"
                        readonly
                        rows="4"
                        aria-label="Embed code"
                        data-testid="embed-snippet"
                        prop:value=snippet
                    ></textarea>
                    <button type="button" class="px-button" on:click=move |_| copy("Embed code", "embed code", snippet.get())>
                        "Copy embed code"
                    </button>
            </div>
        }
    });

    view! {
        <button type="button" class="px-button" aria-haspopup="dialog" on:click=open>
            "Export & share"
        </button>
        <dialog node_ref=dialog class="px-dialog px-share" aria-labelledby="px-share-title" data-testid="share-panel">
            <div class="px-dialog__head">
                <h2 id="px-share-title" class="px-dialog__title">"Export & share"</h2>
                <button type="button" class="px-button px-button--small" on:click=close>"Close"</button>
            </div>
            <h3 class="px-dialog__sub">"Download"</h3>
            <p class="px-dialog__lede">
                "Files are made in your browser from the analysis on screen, every article included \
                 (filters do not apply). CSV files are UTF-8 and open in any spreadsheet."
            </p>
            <div class="px-share__downloads">
                <button type="button" class="px-button" on:click=offer("parallax-analysis.json", "application/json", export::analysis_json)>
                    "Analysis (JSON)"
                </button>
                <button type="button" class="px-button" on:click=offer("parallax-claims.csv", "text/csv;charset=utf-8", export::claims_csv)>
                    "Claims matrix (CSV)"
                </button>
                <button type="button" class="px-button" on:click=offer("parallax-quotations.csv", "text/csv;charset=utf-8", export::quotes_csv)>
                    "Quotations (CSV)"
                </button>
            </div>
            {links}
            <p class="px-share__status" role="status" aria-live="polite" data-testid="share-status">
                {move || status.get()}
            </p>
        </dialog>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_join_the_query_and_the_embed_flag() {
        assert_eq!(address("https://x.org/p/", "", ""), "https://x.org/p/");
        assert_eq!(
            address("https://x.org/p/", "", "embed=1"),
            "https://x.org/p/?embed=1"
        );
        assert_eq!(
            address("https://x.org/p/", "view=claims", "embed=1"),
            "https://x.org/p/?view=claims&embed=1"
        );
    }

    #[test]
    fn the_snippet_escapes_its_attribute() {
        let s = iframe_snippet("https://x.org/?a=1&b=\"2\"");
        assert!(
            s.contains("src=\"https://x.org/?a=1&amp;b=&quot;2&quot;\""),
            "{s}"
        );
        assert!(s.starts_with("<iframe ") && s.ends_with("</iframe>"));
    }
}
