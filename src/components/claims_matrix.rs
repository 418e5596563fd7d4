//! The Claims view: one row per claim the engine grouped, one column per outlet, each cell
//! the outlet's own sentence or "not reported"; rows carried by more outlets first. Past
//! [`MATRIX_PAGE`] shown outlets the columns come a page at a time ([`OutletPager`]), with
//! the rows those outlets carry.

use crate::state::actors::Others;
use crate::state::outlets::{MATRIX_PAGE, n_pages, page_range, position_label};
use crate::state::{use_filtered, use_model};
use leptos::prelude::*;
use parallax_engine::order;

/// "Outlets 9–16 of 1,000" between previous and next buttons: which page of outlet columns
/// a matrix view shows. Nothing while every shown outlet fits on one page.
#[component]
pub fn OutletPager(
    /// The page shown, from 0.
    page: RwSignal<usize>,
    /// Number of outlets the outlet filter shows.
    #[prop(into)]
    n_shown: Signal<usize>,
) -> impl IntoView {
    let last = move || n_pages(n_shown.get(), MATRIX_PAGE) - 1;
    let at = move || page.get().min(last());
    let at_first = move || at() == 0;
    let at_last = move || at() >= last();
    let position = move || {
        position_label(
            page_range(n_shown.get(), page.get(), MATRIX_PAGE),
            n_shown.get(),
        )
    };
    move || {
        (n_shown.get() > MATRIX_PAGE).then(|| {
            view! {
                <div class="px-pager" data-testid="outlet-pager">
                    <button
                        type="button"
                        class="px-button px-button--small"
                        prop:disabled=at_first
                        on:click=move |_| page.set(at().saturating_sub(1))
                    >
                        "‹ Previous outlets"
                    </button>
                    <span class="px-pager__position">{position}</span>
                    <button
                        type="button"
                        class="px-button px-button--small"
                        prop:disabled=at_last
                        on:click=move |_| page.set((at() + 1).min(last()))
                    >
                        "Next outlets ›"
                    </button>
                </div>
            }
        })
    }
}

/// The claims × outlets matrix.
#[component]
pub fn ClaimsMatrix() -> impl IntoView {
    let vm = use_model();
    let filtered = use_filtered();
    let shown_vm = vm.clone();
    let shown = Memo::new(move |_| {
        filtered.with(|f| {
            shown_vm
                .articles
                .iter()
                .filter(|a| f.shown(a.idx))
                .map(|a| a.idx)
                .collect::<Vec<_>>()
        })
    });
    let page = RwSignal::new(0);
    // The outlets with a column: every shown one, or the page of them. Ascending.
    let columns = Memo::new(move |_| {
        shown.with(|s| s[page_range(s.len(), page.get(), MATRIX_PAGE)].to_vec())
    });
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
                        "{} claims; {} carried by one outlet only. A claim is named by the key words its sentences share; each cell is the outlet’s own sentence.",
                        n_rows(),
                        n_single(),
                    )}
                </p>
            </header>
            <OutletPager page n_shown=Signal::derive(move || shown.with(Vec::len)) />
            <div class="px-table-wrap" tabindex="0" role="region" aria-label="Claims matrix">
                <table class="px-claims">
                    <thead>
                        <tr>
                            <th scope="col" class="px-claims__claim">"Claim"</th>
                            <For each=move || columns.get() key=|idx| *idx let:idx>
                                <th scope="col">{name_vm.articles[idx].name.clone()}</th>
                            </For>
                        </tr>
                    </thead>
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
