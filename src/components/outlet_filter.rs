//! The outlet filter: which outlets every view shows.
//!
//! Past [`LISTED_UP_TO`] outlets the list is searchable and shows that many checkboxes at
//! a time, with a button that shows every hidden outlet again: a thousand checkboxes would
//! be unusable, and would weigh on every layout of the page.

use crate::state::outlets::use_outlet_filter;
use crate::state::use_model;
use crate::view_model::ViewModel;
use leptos::prelude::*;

/// Outlets listed at once; up to this many outlets the whole list, with no search box.
pub const LISTED_UP_TO: usize = 20;

/// The first [`LISTED_UP_TO`] outlets, in corpus order, whose name or key contains `query`
/// (folded, as [`parallax_engine::text::fold`] does); and how many match in all.
pub fn listed(vm: &ViewModel, query: &str) -> (Vec<usize>, usize) {
    let matching: Vec<usize> = vm
        .articles
        .iter()
        .filter(|a| {
            query.is_empty()
                || parallax_engine::text::fold(&a.name).contains(query)
                || a.key.contains(query)
        })
        .map(|a| a.idx)
        .collect();
    let n_matching = matching.len();
    (
        matching.into_iter().take(LISTED_UP_TO).collect(),
        n_matching,
    )
}

/// One checkbox per outlet; the last shown outlet cannot be hidden.
#[component]
pub fn OutletFilter() -> impl IntoView {
    let vm = use_model();
    let outlets = use_outlet_filter().0;
    let n_articles = vm.articles.len();
    let many = n_articles > LISTED_UP_TO;
    let query = RwSignal::new(String::new());
    let list_vm = vm.clone();
    // Which outlets have a checkbox: all of them, or with many those the search finds.
    let list = Memo::new(move |_| {
        if many {
            listed(&list_vm, &parallax_engine::text::fold(query.get().trim()))
        } else {
            ((0..n_articles).collect(), n_articles)
        }
    });
    let row_vm = vm.clone();
    let row = move |idx: usize| {
        let article = &row_vm.articles[idx];
        let id = format!("px-outlet-{}", article.key);
        let last = move |o: &crate::state::outlets::OutletFilter| {
            o.shows(idx) && o.hidden.len() + 1 == n_articles
        };
        let is_last = move || outlets.with(last);
        view! {
            <li class="px-check">
                <input
                    type="checkbox"
                    id=id.clone()
                    checked=outlets.with_untracked(|o| o.shows(idx))
                    prop:checked=move || outlets.with(|o| o.shows(idx))
                    disabled=outlets.with_untracked(last)
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
    };
    let search = many.then(|| {
        view! {
            <input
                type="search"
                class="px-search"
                placeholder="Search outlets"
                aria-label="Search outlets"
                prop:value=move || query.get()
                on:input=move |e| query.set(event_target_value(&e))
            />
        }
    });
    let more = move || {
        list.with(|(listed, n_matching)| {
            if *n_matching == 0 {
                Some(format!("No outlet matches “{}”.", query.get().trim()))
            } else if listed.len() < *n_matching {
                Some(format!(
                    "{} of {n_matching} outlets listed; search to find the others.",
                    listed.len()
                ))
            } else {
                None
            }
        })
        .map(|text| view! { <p class="px-empty">{text}</p> })
    };
    // With many outlets some hidden ones may not be listed: one button shows them all again.
    let n_hidden = move || outlets.with(|o| o.hidden.len());
    let any_hidden = Memo::new(move |_| n_hidden() > 0);
    let show_all = move || {
        (many && any_hidden.get()).then(|| {
            view! {
                <button
                    type="button"
                    class="px-link-button"
                    on:click=move |_| outlets.update(|o| o.hidden.clear())
                >
                    {move || format!("Show all outlets again ({} hidden)", n_hidden())}
                </button>
            }
        })
    };
    view! {
        <section class="px-filter" aria-labelledby="px-outlet-filter-title" data-testid="outlet-filter">
            <h2 class="px-filter__title" id="px-outlet-filter-title">"Outlets"</h2>
            {search}
            <ul class="px-checks">
                <For each=move || list.with(|l| l.0.clone()) key=|idx| *idx let:idx>
                    {row(idx)}
                </For>
            </ul>
            {more}
            {show_all}
        </section>
    }
}
