//! The Compare view: one column per shown outlet, side by side; a swipeable strip with an
//! outlet switcher on a phone.

use crate::components::outlet_column::OutletColumn;
use crate::state::outlets::use_outlet_filter;
use crate::state::use_model;
use leptos::prelude::*;

/// Outlet columns side by side.
#[component]
pub fn CompareView() -> impl IntoView {
    let vm = use_model();
    let outlets = use_outlet_filter().0;
    let shown_vm = vm.clone();
    let shown = move || {
        outlets.with(|o| {
            shown_vm
                .articles
                .iter()
                .filter(|a| o.shows(a.idx))
                .map(|a| a.idx)
                .collect::<Vec<_>>()
        })
    };
    let jump_vm = vm.clone();
    let jump = move |idx: usize| {
        let Some(article) = jump_vm.articles.get(idx) else {
            return;
        };
        let column = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("px-col-{}", article.key)));
        if let Some(column) = column {
            column.scroll_into_view();
        }
    };
    let strip_vm = vm.clone();
    view! {
        <div class="px-compare-view">
            <nav class="px-outlet-strip" aria-label="Jump to an outlet">
                <For each=shown.clone() key=|idx| *idx let:idx>
                    <button type="button" class="px-outlet-strip__btn" on:click={
                        let jump = jump.clone();
                        move |_| jump(idx)
                    }>
                        {strip_vm.articles[idx].name.clone()}
                    </button>
                </For>
            </nav>
            <div class="px-compare" data-testid="compare">
                <For each=shown key=|idx| *idx let:idx>
                    <OutletColumn article_idx=idx />
                </For>
            </div>
        </div>
    }
}
