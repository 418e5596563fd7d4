//! The first view, prerendered when the site is built, so that the articles show as soon as
//! the page's HTML has arrived instead of after the wasm has loaded and started.
//!
//! Natively, the app's binary prints the HTML of the view the app opens with on its own
//! page — the Compare view, no choices made, no articles of the reader's — rendered by the
//! same components with Leptos' server-side renderer ([`render`]). The release build puts
//! it in `index.html` (`scripts/post-build.mjs`). In the browser the prerendered root is
//! inert (readable, not operable) and the live app stays hidden behind it
//! (`style/base.css`) until the live app has its first view; then [`retire`] removes it
//! in the task that renders that view, before the next paint. The markup is the live
//! view's, so nothing moves when one replaces the other. The server-side renderer writes
//! attributes only, not properties: a form control whose state is a property
//! (`prop:checked`) also carries its first state as an attribute (`checked=…`), or the
//! prerendered page would show it unticked.
//!
//! When the page opens on something else — a link to another view or with filters, the
//! compact embed, articles of the reader's kept in storage — the prerendered view is not
//! what the app will show: a script before it (its text is [`gate_script`]; the build
//! allows it by its hash in the page's policy) hides it before the first paint, and
//! [`adopt`] removes it when the app starts.

/// Class the gate script puts on `<body>` when the prerendered view must not be shown.
pub const STALE_CLASS: &str = "px-no-prerender";
/// Class of the prerendered root element (see `crate::app`).
pub const ROOT_CLASS: &str = "px-app--prerendered";

/// Query parameters that make the app open on something other than the first view.
#[cfg(not(target_arch = "wasm32"))]
fn view_params() -> impl Iterator<Item = &'static str> {
    crate::url::PARAMS.into_iter().chain(["embed"])
}

/// The inline script, run before the prerendered root is parsed, that marks it stale when
/// the query names a view or filter, or the browser keeps articles of the reader's.
#[cfg(not(target_arch = "wasm32"))]
pub fn gate_script() -> String {
    let names: Vec<String> = view_params().map(|p| format!("\"{p}\"")).collect();
    format!(
        "try{{var q=new URLSearchParams(location.search);\
         if([{names}].some(function(n){{return q.has(n)}})||\
         localStorage.getItem(\"{key}\")!==null)\
         document.body.classList.add(\"{class}\")}}catch(e){{}}",
        names = names.join(","),
        key = crate::reader_store::KEY,
        class = STALE_CLASS,
    )
}

/// The prerendered root element's HTML, from the bundled corpus and its prepared analysis;
/// `None` for a corpus whose Compare view is windowed (more than
/// [`RENDER_ALL_UP_TO`](crate::components::compare_view::RENDER_ALL_UP_TO) articles): which
/// of its columns are in view depends on the width of the reader's screen, which the
/// build cannot know, and its spacers are sized by inline styles the page's policy forbids.
#[cfg(not(target_arch = "wasm32"))]
pub fn render() -> Result<Option<String>, String> {
    use crate::view_model::{Built, ViewModel};
    use leptos::prelude::*;
    use std::sync::Arc;

    let bundle = crate::bundle::load()?;
    let built = ready(ViewModel::build_with(
        &bundle.corpus,
        crate::bundle::CORPUS_JSON,
        crate::bundle::PREPARED,
        &[],
        async |_| true,
        |message| eprintln!("prerender: {message}"),
    ))
    .ok_or("the prepared analysis is decoded without waiting; it waited")?;
    let vm = match built {
        Built::Model(vm) => vm,
        Built::Failed(message) => return Err(message),
        Built::Abandoned => return Err("the analysis was abandoned".to_owned()),
    };
    if vm.articles.len() > crate::components::compare_view::RENDER_ALL_UP_TO {
        return Ok(None);
    }
    // A server-side owner: Leptos skips the browser-only work (window listeners, effects).
    let owner = Owner::new_root(Some(Arc::new(hydration_context::SsrSharedContext::new())));
    Ok(Some(
        owner.with(|| crate::app::first_view(bundle, vm).to_html()),
    ))
}

/// The output of `future` if it completes without waiting (the prepared analysis is
/// decoded synchronously natively: nothing hands the thread back).
#[cfg(not(target_arch = "wasm32"))]
fn ready<F: std::future::Future>(future: F) -> Option<F::Output> {
    use std::task::{Context, Poll, Waker};
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut Context::from_waker(Waker::noop()))
    {
        Poll::Ready(output) => Some(output),
        Poll::Pending => None,
    }
}

/// The prerendered root, if the page has one.
#[cfg(target_arch = "wasm32")]
fn prerendered() -> Option<web_sys::Element> {
    web_sys::window()?
        .document()?
        .query_selector(&format!(".{ROOT_CLASS}"))
        .ok()
        .flatten()
}

/// At start: removes the prerendered view if it is not the one the app will show (the
/// gate script marked it stale, or the reader has articles of their own).
pub fn adopt(own_articles: bool) {
    #[cfg(target_arch = "wasm32")]
    {
        let stale = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.body())
            .is_some_and(|body| body.class_list().contains(STALE_CLASS));
        if stale || own_articles {
            retire();
        }
    }
    #[cfg(not(target_arch = "wasm32"))]
    let _ = own_articles;
}

/// Whether the page has a prerendered view, which hides the live app until [`retire`]:
/// the app can then be built over several tasks, out of sight. (At start it may be one
/// that [`adopt`] will retire at once; after `adopt`, it is the view the app will show.)
pub fn standing_in() -> bool {
    #[cfg(target_arch = "wasm32")]
    return prerendered().is_some();
    #[cfg(not(target_arch = "wasm32"))]
    false
}

/// Removes the prerendered view, if any: the live app shows from the next paint.
pub fn retire() {
    #[cfg(target_arch = "wasm32")]
    if let Some(el) = prerendered() {
        el.remove();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_names_every_view_parameter_and_the_storage_key() {
        let script = gate_script();
        for name in view_params() {
            assert!(
                script.contains(&format!("\"{name}\"")),
                "{name} missing: {script}"
            );
        }
        assert!(script.contains(crate::reader_store::KEY));
        assert!(script.contains(STALE_CLASS));
        // An inline script's text: nothing that would end the element early.
        assert!(!script.contains("</"));
    }

    #[test]
    fn the_first_view_renders_every_outlet_with_its_text() {
        let html = render()
            .expect("the bundled corpus renders")
            .expect("the seeds are not windowed");
        assert!(html.starts_with("<div"), "{}", &html[..80.min(html.len())]);
        assert!(html.contains(ROOT_CLASS));
        assert!(html.contains(" inert"));
        let bundle = crate::bundle::load().expect("bundle");
        for article in &bundle.corpus.articles {
            let outlet = article.meta.outlet.as_deref().unwrap_or(&article.id);
            assert!(
                html.contains(&format!("aria-label=\"{outlet}\"")),
                "no region for {outlet}"
            );
        }
        // Rendered as the page's policy allows: no inline style, no inline handler (an
        // attribute ` on…=`).
        assert!(!html.contains(" style="), "an inline style attribute");
        for (at, _) in html.match_indices(" on") {
            let name: String = html[at + 3..]
                .chars()
                .take_while(char::is_ascii_lowercase)
                .collect();
            let after = html[at + 3 + name.len()..].chars().next();
            assert!(
                name.is_empty() || after != Some('='),
                "an inline handler on{name}"
            );
        }
    }
}
