//! The Quotes view: every quotation with its speaker, the outlets that carry it, and the
//! words where their wording differs; then words in quotation marks with no speaker.
//! A quotation carried by many outlets shows the first [`MEMBERS_SHOWN`] until the reader
//! asks for all: in a thousand-article corpus one quotation can have hundreds of carriers.

use crate::state::actors::Others;
use crate::state::{use_filtered, use_model};
use crate::view_model::ViewModel;
use leptos::prelude::*;
use parallax_engine::QuoteKind;
use parallax_engine::order;
use std::sync::Arc;

/// Outlets' versions of a quotation shown before "Show all".
pub const MEMBERS_SHOWN: usize = 8;

/// The quotations list.
#[component]
pub fn QuotesView() -> impl IntoView {
    let vm = use_model();
    let filtered = use_filtered();
    let groups_vm = vm.clone();
    // (group position, passes the filters)
    let groups = Memo::new(move |_| {
        filtered.with(|f| {
            let vm = &groups_vm;
            vm.quote_groups
                .iter()
                .enumerate()
                .filter(|(_, g)| g.members.iter().any(|m| f.shown(m.article_idx)))
                .filter_map(|(pos, g)| {
                    let pass = g
                        .members
                        .iter()
                        .filter(|m| f.shown(m.article_idx))
                        .any(|m| {
                            let article = &vm.articles[m.article_idx];
                            let sentence = vm.analysis.articles[m.article_idx].quotes[m.quote_idx]
                                .sentence_idx;
                            let mut actors = article
                                .sentence_actors
                                .get(sentence)
                                .cloned()
                                .unwrap_or_default();
                            actors.extend(g.speakers.iter().copied());
                            order::sort_dedup(&mut actors);
                            let cues = article
                                .sentence_cues
                                .get(sentence)
                                .copied()
                                .unwrap_or_default();
                            f.criteria.passes(&actors, cues)
                        });
                    (pass || f.criteria.actors.others == Others::Dim).then_some((pos, pass))
                })
                .collect::<Vec<_>>()
        })
    });
    let card_vm = vm.clone();
    let scare_vm = vm.clone();
    let scare = move || {
        filtered.with(|f| {
            if f.criteria.narrows_passages() {
                return None;
            }
            let items = scare_vm
                .analysis
                .articles
                .iter()
                .enumerate()
                .filter(|(a, _)| f.shown(*a))
                .flat_map(|(a, article)| {
                    let vm = scare_vm.clone();
                    article.quotes.iter().filter(|q| q.kind == QuoteKind::Scare).map(move |q| {
                        view! {
                            <li>
                                <span class="px-quote-text">"“" {q.text.clone()} "”"</span>
                                <span class="px-muted">" — " {vm.articles[a].name.clone()}</span>
                            </li>
                        }
                    })
                })
                .collect::<Vec<_>>();
            (!items.is_empty()).then(|| {
                view! {
                    <section class="px-scare" aria-labelledby="px-scare-title">
                        <h3 id="px-scare-title" class="px-view__subtitle">"Quotation marks with no speaker"</h3>
                        <p class="px-view__lede">"Words an outlet puts in quotation marks without saying who said them."</p>
                        <ul class="px-scare__list">{items}</ul>
                    </section>
                }
            })
        })
    };
    let n = move || groups.with(|g| g.iter().filter(|g| g.1).count());
    view! {
        <div class="px-view px-quotes-view" data-testid="quotes-view">
            <header class="px-view__head">
                <h2 class="px-view__title">"Quotations"</h2>
                <p class="px-view__lede">
                    {move || format!("{} quotations, grouped when outlets carry the same words of the same speaker. ", n())}
                    "Words that differ between outlets are marked."
                </p>
            </header>
            <ol class="px-quote-groups">
                <For each=move || groups.get() key=|g| *g let:g>
                    <QuoteCard pos=g.0 pass=g.1 vm=card_vm.clone() />
                </For>
            </ol>
            <p class="px-empty" class:px-hidden=move || groups.with(|g| !g.is_empty())>
                {move || if vm.quote_groups.is_empty() {
                    "The analysis found no attributed quotation in these articles."
                } else {
                    "No quotation matches the filters."
                }}
            </p>
            {scare}
        </div>
    }
}

#[component]
fn QuoteCard(pos: usize, pass: bool, vm: Arc<ViewModel>) -> impl IntoView {
    let filtered = use_filtered();
    let group = &vm.quote_groups[pos];
    let speakers = if group.speakers.is_empty() {
        "Speaker not named".to_owned()
    } else {
        group
            .speakers
            .iter()
            .map(|&a| vm.actor_name(a))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let expanded = RwSignal::new(false);
    let n_shown_vm = vm.clone();
    let n_shown = move || {
        filtered.with(|f| {
            n_shown_vm.quote_groups[pos]
                .members
                .iter()
                .filter(|m| f.shown(m.article_idx))
                .count()
        })
    };
    let members_vm = vm.clone();
    let members = move || {
        let limit = if expanded.get() {
            usize::MAX
        } else {
            MEMBERS_SHOWN
        };
        filtered.with(|f| {
            let vm = &members_vm;
            let group = &vm.quote_groups[pos];
            group
                .members
                .iter()
                .filter(|m| f.shown(m.article_idx))
                .take(limit)
                .map(|m| {
                    let text = vm.text(m.article_idx);
                    let quote = &vm.analysis.articles[m.article_idx].quotes[m.quote_idx];
                    let mut pieces = Vec::new();
                    let mut at = quote.span.start;
                    for (word, differs) in &m.words {
                        if word.start > at {
                            pieces.push(parallax_engine::Span::new(at, word.start).text(text).to_owned().into_any());
                        }
                        let w = word.text(text).to_owned();
                        pieces.push(if *differs && group.differs {
                            view! { <mark class="px-diff" title="not in every outlet’s wording">{w}</mark> }.into_any()
                        } else {
                            w.into_any()
                        });
                        at = word.end;
                    }
                    if quote.span.end > at {
                        pieces.push(parallax_engine::Span::new(at, quote.span.end).text(text).to_owned().into_any());
                    }
                    let verb = quote.verb.clone().map(|v| format!(" · {v}"));
                    let kind = match quote.kind {
                        QuoteKind::Partial => " · partial",
                        _ => "",
                    };
                    view! {
                        <li class="px-quote-card__member">
                            <blockquote class="px-quote-text">"“" {pieces} "”"</blockquote>
                            <p class="px-quote-card__source">
                                <span class="px-quote-card__outlet">{vm.articles[m.article_idx].name.clone()}</span>
                                <span class="px-muted">{verb} {kind}</span>
                            </p>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let n = group.n_articles;
    view! {
        <li class="px-quote-card" class:px-dim=!pass data-testid="quote-group">
            <header class="px-quote-card__head">
                <span class="px-quote-card__speaker">{speakers}</span>
                <span class="px-quote-card__count">
                    {if n == 1 { "1 outlet".to_owned() } else { format!("{n} outlets") }}
                    {(group.differs).then_some(" · wording differs")}
                </span>
            </header>
            <ul class="px-quote-card__members">{members}</ul>
            {move || {
                let n = n_shown();
                (n > MEMBERS_SHOWN).then(|| {
                    view! {
                        <button
                            type="button"
                            class="px-link-button px-quote-card__more"
                            aria-expanded=move || expanded.get().to_string()
                            on:click=move |_| expanded.update(|e| *e = !*e)
                        >
                            {move || if expanded.get() {
                                format!("Show the first {MEMBERS_SHOWN} outlets only")
                            } else {
                                format!("Show all {n} outlets")
                            }}
                        </button>
                    }
                })
            }}
        </li>
    }
}
