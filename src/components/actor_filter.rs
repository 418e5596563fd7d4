//! The actor filter: a searchable list of every actor found, with counts per outlet,
//! "any"/"all" and "hide"/"dim" choices. A long list shows its most mentioned actors (and
//! any the reader chose) until the reader asks for all of them. Each checkbox's accessible
//! name begins with the actor's canonical name.

use crate::state::actors::{self, ActorSelection, Match, Others, use_actor_filter};
use crate::state::use_model;
use leptos::prelude::*;
use parallax_engine::{ActorId, ActorKind};

/// CSS class of an actor's highlight colour.
pub fn colour_class(colour: Option<usize>) -> String {
    match colour {
        Some(c) => format!("px-c{c}"),
        None => "px-cn".to_owned(),
    }
}

/// Up to this many outlets each actor row shows its mentions per outlet as a row of pills;
/// past it (a newsroom's thousand articles) a row of pills would be unreadable and, over
/// every actor, hundreds of thousands of elements, so the row says in how many outlets.
pub const PILLS_UP_TO: usize = 12;

pub(crate) const fn kind_label(kind: ActorKind) -> &'static str {
    match kind {
        ActorKind::Person => "person",
        ActorKind::Government => "government",
        ActorKind::Organization => "organisation",
        ActorKind::Media => "media",
    }
}

/// A choice of the filter's segmented controls ("any"/"all", "hide"/"dim").
trait SegChoice: Copy + PartialEq + Send + Sync + 'static {
    /// The choice's word, shown and used as the radio button's value.
    fn word(self) -> &'static str;
}

impl SegChoice for Match {
    fn word(self) -> &'static str {
        self.as_str()
    }
}

impl SegChoice for Others {
    fn word(self) -> &'static str {
        self.as_str()
    }
}

/// The radio button of `choice` in the group `name`: checked while the selection's `get`
/// is it, and `set` into the selection when chosen.
fn seg_option<T: SegChoice>(
    selection: RwSignal<ActorSelection>,
    name: &'static str,
    choice: T,
    get: fn(&ActorSelection) -> T,
    set: fn(&mut ActorSelection, T),
) -> impl IntoView {
    view! {
        <label class="px-seg__opt">
            <input
                type="radio"
                name=name
                value=choice.word()
                checked=selection.with_untracked(|s| get(s) == choice)
                prop:checked=move || selection.with(|s| get(s) == choice)
                on:change=move |_| selection.update(|s| set(s, choice))
            />
            <span>{choice.word()}</span>
        </label>
    }
}

/// The actor filter panel.
#[component]
pub fn ActorFilter() -> impl IntoView {
    let vm = use_model();
    let selection = use_actor_filter().0;
    let query = RwSignal::new(String::new());
    // A long list shows its most mentioned actors until the reader asks for all: the
    // first screen lays out ten rows, not every actor found (BENCHMARKS.md).
    let expanded = RwSignal::new(false);
    let pinned = Memo::new(move |before: Option<&Vec<ActorId>>| {
        let expanded = expanded.get();
        selection.with(|s| actors::pinned(before.map(Vec::as_slice), &s.chosen, expanded))
    });
    let list_vm = vm.clone();
    let listed = Memo::new(move |_| {
        let q = parallax_engine::text::fold(query.get().trim());
        let order = &list_vm.actor_order;
        if q.is_empty() {
            let expanded = expanded.get();
            pinned.with(|p| actors::listed(order, None, expanded, p))
        } else {
            let matches = |id: ActorId| list_vm.actors[id].search_text.contains(&q);
            actors::listed(order, Some(&matches), true, &[])
        }
    });
    let n_actors = vm.actor_order.len();
    let collapsible = actors::is_collapsible(n_actors);
    let chips_vm = vm.clone();
    let chosen = move || selection.with(|s| s.chosen.clone());
    let row_vm = vm.clone();

    view! {
        <section class="px-filter" aria-labelledby="px-actor-filter-title" data-testid="actor-filter">
            <h2 class="px-filter__title" id="px-actor-filter-title">"Actors"</h2>
            <div class="px-filter__row">
                <fieldset class="px-seg">
                    <legend class="px-seg__legend">"Passages naming"</legend>
                    {seg_option(selection, "px-match", Match::Any, |s| s.mode, |s, c| s.mode = c)}
                    {seg_option(selection, "px-match", Match::All, |s| s.mode, |s, c| s.mode = c)}
                </fieldset>
                <fieldset class="px-seg">
                    <legend class="px-seg__legend">"Other passages"</legend>
                    {seg_option(selection, "px-others", Others::Hide, |s| s.others, |s, c| s.others = c)}
                    {seg_option(selection, "px-others", Others::Dim, |s| s.others, |s, c| s.others = c)}
                </fieldset>
            </div>
            <div class="px-chips" class:px-hidden=move || selection.with(|s| s.chosen.is_empty())>
                <For each=chosen key=|id| *id let:id>
                    <button
                        type="button"
                        class=format!("px-chip {}", colour_class(chips_vm.actors[id].colour))
                        aria-label=format!("Remove {} from the filter", chips_vm.actor_name(id))
                        on:click=move |_| selection.update(|s| s.set(id, false))
                    >
                        {chips_vm.actor_name(id).to_owned()}
                        <span aria-hidden="true" class="px-chip__x">"×"</span>
                    </button>
                </For>
                <button
                    type="button"
                    class="px-link-button"
                    on:click=move |_| selection.update(|s| s.chosen.clear())
                >
                    "Clear"
                </button>
            </div>
            <input
                type="search"
                class="px-search"
                placeholder="Search actors"
                aria-label="Search actors"
                prop:value=move || query.get()
                on:input=move |e| query.set(event_target_value(&e))
            />
            <ul class="px-actor-list" id="px-actor-list" aria-label="Actors found">
                <For each=move || listed.get() key=|id| *id let:id>
                    <ActorRow id vm=row_vm.clone() />
                </For>
            </ul>
            {collapsible.then(|| view! {
                <button
                    type="button"
                    class="px-link-button px-filter__more"
                    aria-controls="px-actor-list"
                    aria-expanded=move || expanded.get().to_string()
                    class:px-hidden=move || query.with(|q| !q.trim().is_empty())
                    on:click=move |_| expanded.update(|e| *e = !*e)
                >
                    {move || if expanded.get() {
                        format!("Show the {} most mentioned only", actors::SHORT_LIST)
                    } else {
                        format!("Show all {n_actors} actors")
                    }}
                </button>
            })}
            <p class="px-empty" class:px-hidden=move || listed.with(|l| !l.is_empty())>
                {move || {
                    if vm.actor_order.is_empty() {
                        "No actor was found in these articles.".to_owned()
                    } else {
                        format!("No actor matches “{}”.", query.get().trim())
                    }
                }}
            </p>
        </section>
    }
}

#[component]
fn ActorRow(id: ActorId, vm: std::sync::Arc<crate::view_model::ViewModel>) -> impl IntoView {
    let selection = use_actor_filter().0;
    let actor = &vm.actors[id];
    let input_id = format!("px-actor-{}", actor.slug);
    let n_outlets = actor
        .per_article
        .iter()
        .filter(|a| a.mentions + a.n_quotes > 0)
        .count();
    let summary = format!(
        "{} mention{} in {n_outlets} of {} outlets",
        actor.n_mentions,
        if actor.n_mentions == 1 { "" } else { "s" },
        vm.articles.len()
    );
    let detail = actor
        .role
        .clone()
        .or_else(|| actor.affiliation.clone())
        .unwrap_or_else(|| kind_label(actor.kind).to_owned());
    let many = vm.articles.len() > PILLS_UP_TO;
    let pills = (!many).then(|| {
        vm.articles
            .iter()
            .zip(&actor.per_article)
            .map(|(article, counts)| {
                view! {
                    <span
                        class="px-pill"
                        class:px-pill--zero=counts.mentions == 0
                        title=format!("{}: {} mentions", article.name, counts.mentions)
                    >
                        {counts.mentions}
                    </span>
                }
            })
            .collect_view()
    });
    view! {
        <li class="px-actor-row" data-testid="actor-option" data-actor=actor.slug.clone()>
            <input
                type="checkbox"
                id=input_id.clone()
                class="px-actor-row__box"
                checked=selection.with_untracked(|s| s.is_chosen(id))
                prop:checked=move || selection.with(|s| s.is_chosen(id))
                on:change=move |e| {
                    let on = event_target_checked(&e);
                    selection.update(|s| s.set(id, on));
                }
            />
            <label for=input_id class="px-actor-row__label">
                <span class="px-actor-row__name">{actor.name.clone()}</span>
                <span class=format!("px-swatch {}", colour_class(actor.colour)) aria-hidden="true"></span>
                <span class="px-actor-row__detail">
                    {detail}
                    {actor.discovered.then_some(" · found in text")}
                </span>
                <span class=if many { "px-actor-row__detail" } else { "px-visually-hidden" }>
                    {summary}
                </span>
            </label>
            {pills.map(|pills| view! { <span class="px-actor-row__pills" aria-hidden="true">{pills}</span> })}
        </li>
    }
}
