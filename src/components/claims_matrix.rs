//! The Claims view: one row per claim the engine grouped, one column per outlet, each cell
//! the outlet's own sentence or "not reported"; rows carried by more outlets first. Past
//! [`MATRIX_PAGE`](crate::state::outlets::MATRIX_PAGE) shown outlets the columns come a page
//! at a time ([`OutletPager`](crate::components::outlet_pager::OutletPager)), with
//! the rows those outlets carry.

use crate::components::outlet_pager::{MatrixHead, OutletPager, OutletPages};
use crate::state::actors::Others;
use crate::state::{use_filtered, use_model};
use leptos::prelude::*;
use parallax_engine::order;

/// The claims × outlets matrix.
#[component]
pub fn ClaimsMatrix() -> impl IntoView {
    let vm = use_model();
    let filtered = use_filtered();
    let pages = OutletPages::of_filtered();
    let columns = pages.columns;
    let rows_vm = vm.clone();
    // Rows a column outlet carries, most widely carried (among shown outlets) first, each
    // with whether a column's sentence passes the actor and cue filters.
    let rows = Memo::new(move |_| {
        columns.with(|columns| {
            filtered.with(|f| {
                let vm = &rows_vm;
                let in_columns = |a: usize| columns.binary_search(&a).is_ok();
                let mut rows: Vec<(usize, usize, bool)> = vm
                    .analysis
                    .claims
                    .iter()
                    .enumerate()
                    .filter_map(|(claim_idx, claim)| {
                        if !claim.members.iter().any(|m| in_columns(m.article_idx)) {
                            return None;
                        }
                        let mut articles: Vec<usize> = claim
                            .members
                            .iter()
                            .map(|m| m.article_idx)
                            .filter(|&a| f.shown(a))
                            .collect();
                        order::sort_dedup(&mut articles);
                        let pass = claim
                            .members
                            .iter()
                            .filter(|m| in_columns(m.article_idx))
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
                order::sort_by(&mut rows, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
                if f.criteria.actors.others == Others::Hide {
                    rows.retain(|r| r.2);
                }
                rows
            })
        })
    });
    let row_vm = vm.clone();
    let n_rows = move || rows.with(Vec::len);
    let n_single = move || rows.with(|r| r.iter().filter(|r| r.1 == 1).count());
    view! {
        <div class="px-view px-claims-view" data-testid="claims-view">
            <header class="px-view__head">
                <h2 class="px-view__title">"Claims across outlets"</h2>
                <p class="px-view__lede">
                    {move || format!(
                        "{} claims; {} carried by one outlet only. A claim is named by the key words its sentences share; each cell is the outlet’s own sentence.",
                        n_rows(),
                        n_single(),
                    )}
                </p>
            </header>
            <OutletPager pages />
            <div class="px-table-wrap" tabindex="0" role="region" aria-label="Claims matrix">
                <table class="px-claims">
                    <MatrixHead corner="Claim" corner_class="px-claims__claim" columns />
                    <tbody>
                        <For each=move || rows.get() key=|row| (row.0, row.1, row.2) let:row>
                            <ClaimRow claim_idx=row.0 n_outlets=row.1 pass=row.2 columns vm=row_vm.clone() />
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
    /// The outlets with a column, ascending.
    columns: Memo<Vec<usize>>,
    vm: std::sync::Arc<crate::view_model::ViewModel>,
) -> impl IntoView {
    let claim = &vm.analysis.claims[claim_idx];
    let label = claim.label.clone();
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
        columns.with(|columns| {
            columns
                .iter()
                .map(|&idx| {
                    let sentences: Vec<String> =
                        members.iter().filter(|(i, _)| *i == idx).map(|(_, s)| s.clone()).collect();
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
