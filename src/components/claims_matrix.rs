//! The Claims view: one row per claim the engine grouped, one column per outlet, each cell
//! the outlet's own sentence or "not reported"; rows carried by more outlets first.

use crate::state::actors::Others;
use crate::state::{use_filtered, use_model};
use leptos::prelude::*;

/// The claims × outlets matrix.
#[component]
pub fn ClaimsMatrix() -> impl IntoView {
    let vm = use_model();
    let filtered = use_filtered();
    let rows_vm = vm.clone();
    // Rows with a member in a shown outlet, most widely carried (among shown outlets) first,
    // each with whether it passes the actor and cue filters.
    let rows = Memo::new(move |_| {
        filtered.with(|f| {
            let vm = &rows_vm;
            let mut rows: Vec<(usize, usize, bool)> = vm
                .analysis
                .claims
                .iter()
                .enumerate()
                .filter_map(|(claim_idx, claim)| {
                    let mut articles: Vec<usize> = claim
                        .members
                        .iter()
                        .map(|m| m.article_idx)
                        .filter(|&a| f.shown(a))
                        .collect();
                    articles.sort_unstable();
                    articles.dedup();
                    if articles.is_empty() {
                        return None;
                    }
                    let pass = claim
                        .members
                        .iter()
                        .filter(|m| f.shown(m.article_idx))
                        .any(|m| {
                            let article = &vm.articles[m.article_idx];
                            let actors = article
                                .sentence_actors
                                .get(m.sentence_idx)
                                .map_or(&[][..], |v| v.as_slice());
                            let cues = article
                                .sentence_cues
                                .get(m.sentence_idx)
                                .copied()
                                .unwrap_or_default();
                            f.criteria.passes(actors, cues)
                        });
                    Some((claim_idx, articles.len(), pass))
                })
                .collect();
            rows.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            if f.criteria.actors.others == Others::Hide {
                rows.retain(|r| r.2);
            }
            rows
        })
    });
    let head_vm = vm.clone();
    let shown = move || {
        filtered.with(|f| {
            head_vm
                .articles
                .iter()
                .filter(|a| f.shown(a.idx))
                .map(|a| a.idx)
                .collect::<Vec<_>>()
        })
    };
    let name_vm = vm.clone();
    let row_vm = vm.clone();
    let n_rows = move || rows.with(Vec::len);
    let n_single = move || rows.with(|r| r.iter().filter(|r| r.1 == 1).count());
    view! {
        <div class="px-view px-claims-view" data-testid="claims-view">
            <header class="px-view__head">
                <h2 class="px-view__title">"Claims across outlets"</h2>
                <p class="px-view__lede">
                    {move || format!(
                        "{} claims; {} carried by one outlet only. Each cell is the outlet’s own sentence.",
                        n_rows(),
                        n_single(),
                    )}
                </p>
            </header>
            <div class="px-table-wrap" tabindex="0" role="region" aria-label="Claims matrix">
                <table class="px-claims">
                    <thead>
                        <tr>
                            <th scope="col" class="px-claims__claim">"Claim"</th>
                            <For each=shown.clone() key=|idx| *idx let:idx>
                                <th scope="col">{name_vm.articles[idx].name.clone()}</th>
                            </For>
                        </tr>
                    </thead>
                    <tbody>
                        <For each=move || rows.get() key=|row| (row.0, row.1, row.2) let:row>
                            <ClaimRow claim_idx=row.0 n_outlets=row.1 pass=row.2 vm=row_vm.clone() />
                        </For>
                    </tbody>
                </table>
            </div>
            <p class="px-empty" class:px-hidden=move || n_rows() != 0>
                {move || if vm.analysis.claims.is_empty() {
                    "The analysis grouped no claims in these articles."
                } else {
                    "No claim matches the filters."
                }}
            </p>
        </div>
    }
}

#[component]
fn ClaimRow(
    claim_idx: usize,
    n_outlets: usize,
    pass: bool,
    vm: std::sync::Arc<crate::view_model::ViewModel>,
) -> impl IntoView {
    let filtered = use_filtered();
    let claim = &vm.analysis.claims[claim_idx];
    let label = claim.label.clone();
    let cells_vm = vm.clone();
    let members: Vec<(usize, String)> = claim
        .members
        .iter()
        .map(|m| {
            let text = m.span.text(vm.text(m.article_idx));
            (
                m.article_idx,
                if text.is_empty() {
                    m.sentence.clone()
                } else {
                    text.to_owned()
                },
            )
        })
        .collect();
    let cells = move || {
        filtered.with(|f| {
            cells_vm
                .articles
                .iter()
                .filter(|a| f.shown(a.idx))
                .map(|a| {
                    let sentences: Vec<String> =
                        members.iter().filter(|(idx, _)| *idx == a.idx).map(|(_, s)| s.clone()).collect();
                    if sentences.is_empty() {
                        view! { <td class="px-claims__cell px-claims__cell--none">"not reported"</td> }.into_any()
                    } else {
                        let items = sentences.into_iter().map(|s| view! { <p>{s}</p> }).collect_view();
                        view! { <td class="px-claims__cell">{items}</td> }.into_any()
                    }
                })
                .collect_view()
        })
    };
    view! {
        <tr class="px-claims__row" class:px-claims__row--single=n_outlets == 1 class:px-dim=!pass data-testid="claim-row">
            <th scope="row" class="px-claims__claim">
                <span class="px-claims__label">{label}</span>
                <span class="px-claims__count" class:px-claims__count--single=n_outlets == 1>
                    {if n_outlets == 1 { "1 outlet only".to_owned() } else { format!("{n_outlets} outlets") }}
                </span>
            </th>
            {cells}
        </tr>
    }
}
