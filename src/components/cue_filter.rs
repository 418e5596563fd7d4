//! The cue filter: show only quotations, hedged statements or anonymous sourcing.

use crate::state::cues::{CueChoice, use_cue_filter};
use crate::state::outlets::use_outlet_filter;
use crate::state::use_model;
use crate::view_model::CueFlags;
use leptos::prelude::*;

/// Checkboxes for the kinds of passage, with how many passages of the shown outlets carry each.
#[component]
pub fn CueFilter() -> impl IntoView {
    let vm = use_model();
    let cues = use_cue_filter().0;
    let outlets = use_outlet_filter().0;
    let options = CueChoice::ALL
        .into_iter()
        .map(|choice| {
            let vm = vm.clone();
            let count = move || {
                let flag: CueFlags = choice.flag();
                outlets.with(|o| {
                    vm.articles
                        .iter()
                        .filter(|a| o.shows(a.idx))
                        .flat_map(|a| a.blocks.iter())
                        .filter(|b| b.cues.contains(flag))
                        .count()
                })
            };
            let id = format!("px-cue-{}", choice.as_str());
            view! {
                <li class="px-check">
                    <input
                        type="checkbox"
                        id=id.clone()
                        checked=cues.with_untracked(|c| c.has(choice))
                        prop:checked=move || cues.with(|c| c.has(choice))
                        on:change=move |e| {
                            let on = event_target_checked(&e);
                            cues.update(|c| c.set(choice, on));
                        }
                    />
                    <label for=id>
                        {choice.label()}
                        <span class="px-count">
                            {move || {
                                let n = count();
                                format!("{n} passage{}", if n == 1 { "" } else { "s" })
                            }}
                        </span>
                    </label>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="px-filter" aria-labelledby="px-cue-filter-title" data-testid="cue-filter">
            <h2 class="px-filter__title" id="px-cue-filter-title">"Passages"</h2>
            <ul class="px-checks">{options}</ul>
        </section>
    }
}
