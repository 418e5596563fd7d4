//! Page furniture the engine set aside, collapsed but never hidden for good.

use crate::state::use_model;
use leptos::prelude::*;

/// "3 lines removed — show": the lines and why each was set aside.
#[component]
pub fn RemovedLines(
    /// Index of the article in the corpus.
    article_idx: usize,
) -> impl IntoView {
    let vm = use_model();
    let article = vm.articles.get(article_idx)?;
    if article.removed.is_empty() {
        return None;
    }
    let n = article.n_removed_lines;
    let items = article
        .removed
        .iter()
        .map(|r| {
            view! {
                <li class="px-removed__item">
                    <span class="px-removed__reason">{r.reason.clone()}</span>
                    <span class="px-removed__text">{r.text.clone()}</span>
                </li>
            }
        })
        .collect_view();
    Some(view! {
        <details class="px-removed" data-testid="removed-lines">
            <summary class="px-removed__summary">
                {format!("{n} line{} removed", if n == 1 { "" } else { "s" })}
                <span class="px-removed__show">" — show"</span>
            </summary>
            <p class="px-removed__note">"Set aside as not part of the article; nothing here is analysed."</p>
            <ul class="px-removed__list">{items}</ul>
        </details>
    })
}
