//! The Actors view: actors × outlets as a heat map of mentions, with quotations and the
//! share of each article's quoted words; clicking a cell filters every view by that actor.
//! Past [`MATRIX_PAGE`](crate::state::outlets::MATRIX_PAGE) shown outlets the columns
//! come a page at a time, with the actors those outlets name.

use crate::components::actor_filter::{colour_class, kind_label};
use crate::components::outlet_pager::{MatrixHead, OutletPager, OutletPages};
use crate::state::actors::{Others, use_actor_filter};
use crate::state::{use_filtered, use_model};
use leptos::prelude::*;
use parallax_engine::ActorId;

/// Heat level 0–4 of a mention count against the largest count in the map.
fn heat(mentions: usize, max: usize) -> usize {
    if mentions == 0 || max == 0 {
        return 0;
    }
    (mentions * 4).div_ceil(max).clamp(1, 4)
}

/// The actors × outlets heat map.
#[component]
pub fn ActorsHeatmap() -> impl IntoView {
    let vm = use_model();
    let filtered = use_filtered();
    let pages = OutletPages::of_filtered();
    let columns = pages.columns;
    let rows_vm = vm.clone();
    let rows = move || {
        columns.with(|columns| {
            filtered.with(|f| {
                let chosen = &f.criteria.actors.chosen;
                rows_vm
                    .actor_order
                    .iter()
                    .copied()
                    .filter(|&id| {
                        let per_article = &rows_vm.actors[id].per_article;
                        columns.iter().any(|&a| {
                            per_article
                                .get(a)
                                .is_some_and(|c| c.mentions + c.n_quotes > 0)
                        })
                    })
                    .filter(|id| {
                        chosen.is_empty()
                            || f.criteria.actors.others == Others::Dim
                            || chosen.contains(id)
                    })
                    .collect::<Vec<ActorId>>()
            })
        })
    };
    let max = vm
        .actors
        .iter()
        .flat_map(|a| a.per_article.iter().map(|c| c.mentions))
        .max()
        .unwrap_or(0);
    let row_vm = vm.clone();
    view! {
        <div class="px-view px-actors-view" data-testid="actors-view">
            <header class="px-view__head">
                <h2 class="px-view__title">"Who appears where"</h2>
                <p class="px-view__lede">
                    "Each cell: mentions, quotations and the actor’s share of the article’s quoted words. "
                    "Choose a cell to follow that actor in every view."
                </p>
                <p class="px-legend" aria-hidden="true">
                    <span>"fewer mentions"</span>
                    <span class="px-heat px-heat--1"></span>
                    <span class="px-heat px-heat--2"></span>
                    <span class="px-heat px-heat--3"></span>
                    <span class="px-heat px-heat--4"></span>
                    <span>"more"</span>
                </p>
            </header>
            <OutletPager pages />
            <div class="px-table-wrap" tabindex="0" role="region" aria-label="Actors heat map">
                <table class="px-heatmap">
                    <MatrixHead corner="Actor" corner_class="px-heatmap__actor" columns />
                    <tbody>
                        <For each=rows key=|id| *id let:id>
                            <HeatRow id max columns vm=row_vm.clone() />
                        </For>
                    </tbody>
                </table>
            </div>
        </div>
    }
}

#[component]
fn HeatRow(
    id: ActorId,
    max: usize,
    /// The outlets with a column, ascending.
    columns: Memo<Vec<usize>>,
    vm: std::sync::Arc<crate::view_model::ViewModel>,
) -> impl IntoView {
    let filtered = use_filtered();
    let selection = use_actor_filter().0;
    let actor = &vm.actors[id];
    let name = actor.name.clone();
    let detail = [actor.role.clone(), actor.affiliation.clone()]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" · ");
    let kind = kind_label(actor.kind);
    let cells_vm = vm.clone();
    let cells = move || {
        columns.with(|columns| {
            let actor = &cells_vm.actors[id];
            columns
                .iter()
                .map(|&idx| {
                    let article = &cells_vm.articles[idx];
                    let c = actor.per_article[article.idx];
                    if c.mentions + c.n_quotes == 0 {
                        return view! { <td class="px-heatmap__cell px-heat--0"><span class="px-muted">"—"</span></td> }.into_any();
                    }
                    let share = (c.n_quoted_words * 100)
                        .checked_div(article.n_quoted_words)
                        .unwrap_or(0);
                    let label = format!(
                        "{} in {}: {} mentions, {} quotations, {share}% of quoted words. Filter by {}",
                        actor.name, article.name, c.mentions, c.n_quotes, actor.name
                    );
                    view! {
                        <td class=format!("px-heatmap__cell px-heat--{}", heat(c.mentions, max))>
                            <button
                                type="button"
                                class="px-heatmap__btn"
                                aria-label=label
                                aria-pressed=move || selection.with(|s| s.is_chosen(id)).to_string()
                                on:click=move |_| selection.update(|s| s.toggle(id))
                            >
                                <span class="px-heatmap__n">{c.mentions}</span>
                                <span class="px-heatmap__sub">
                                    {format!("{} quote{} · {share}%", c.n_quotes, if c.n_quotes == 1 { "" } else { "s" })}
                                </span>
                            </button>
                        </td>
                    }
                    .into_any()
                })
                .collect_view()
        })
    };
    let dim = move || {
        filtered.with(|f| {
            !f.criteria.actors.chosen.is_empty() && !f.criteria.actors.chosen.contains(&id)
        })
    };
    view! {
        <tr class="px-heatmap__row" class:px-dim=dim data-testid="heat-row" data-actor=actor.slug.clone()>
            <th scope="row" class="px-heatmap__actor">
                <span class=format!("px-swatch {}", colour_class(actor.colour)) aria-hidden="true"></span>
                <span class="px-heatmap__name">{name}</span>
                <span class="px-heatmap__role">
                    {if detail.is_empty() { kind.to_owned() } else { detail }}
                    {actor.discovered.then_some(" · found in text")}
                </span>
            </th>
            {cells}
        </tr>
    }
}
