//! The outlet filter: which outlets every view shows.

use crate::state::outlets::use_outlet_filter;
use crate::state::use_model;
use leptos::prelude::*;

/// One checkbox per outlet; the last shown outlet cannot be hidden.
#[component]
pub fn OutletFilter() -> impl IntoView {
    let vm = use_model();
    let outlets = use_outlet_filter().0;
    let n_articles = vm.articles.len();
    let options = vm
        .articles
        .iter()
        .map(|article| {
            let idx = article.idx;
            let id = format!("px-outlet-{}", article.key);
            let is_last = move || outlets.with(|o| o.shows(idx) && o.hidden.len() + 1 == n_articles);
            view! {
                <li class="px-check">
                    <input
                        type="checkbox"
                        id=id.clone()
                        prop:checked=move || outlets.with(|o| o.shows(idx))
                        prop:disabled=is_last
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            outlets.update(|o| o.set(idx, on, n_articles));
                        }
                    />
                    <label for=id>
                        {article.name.clone()}
                        <span class="px-count">{article.date.clone().unwrap_or_else(|| "date unknown".into())}</span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="px-filter" aria-labelledby="px-outlet-filter-title" data-testid="outlet-filter">
            <h2 class="px-filter__title" id="px-outlet-filter-title">"Outlets"</h2>
            <ul class="px-checks">{options}</ul>
        </section>
    }
}
