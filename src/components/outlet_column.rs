//! One outlet's article as a column: who published it and when, its headline, its framing
//! summary, then its text. The column is a landmark named for the outlet.

use crate::components::article_text::{ArticleText, segments_view};
use crate::components::framing_summary::FramingSummary;
use crate::components::mark_tooltip::{TooltipEvents, tooltip_events};
use crate::components::removed_lines::RemovedLines;
use crate::filter::absent_sentence;
use crate::state::{use_filtered, use_model};
use leptos::prelude::*;

/// The column of one article in the Compare view.
#[component]
pub fn OutletColumn(
    /// Index of the article in the corpus.
    article_idx: usize,
) -> impl IntoView {
    let vm = use_model();
    let filtered = use_filtered();
    let article = vm.articles.get(article_idx)?;
    let TooltipEvents {
        over,
        out,
        focus_in,
        focus_out,
        key,
    } = tooltip_events();
    let headline = match &article.headline {
        Some(block) => view! {
            <h3
                class="px-headline"
                data-testid="headline"
                on:mouseover=over
                on:mouseout=out
                on:focusin=focus_in
                on:focusout=focus_out
                on:keydown=key
            >
                {segments_view(&vm, article_idx, &block.segments)}
            </h3>
        }
        .into_any(),
        None => view! {
            <p class="px-headline px-headline--none" data-testid="headline">
                "No headline in source"
            </p>
        }
        .into_any(),
    };
    let link = match &article.url {
        Some(url) => view! {
            <a class="px-column__link" href=url.clone() rel="noopener noreferrer" target="_blank">
                "Original"
                <span class="px-visually-hidden">{format!(" article on {}", article.name)}</span>
                <span aria-hidden="true">" ↗"</span>
            </a>
        }
        .into_any(),
        None => view! { <span class="px-muted">"no link known"</span> }.into_any(),
    };
    let provenance = (article.outlet_about.is_some() || article.evidence.is_some()).then(|| {
        let confidence = article.confidence.clone().map(|c| format!("Confidence: {c}."));
        view! {
            <details class="px-provenance">
                <summary>{article.outlet_about.clone().unwrap_or_else(|| "About this article".into())}</summary>
                <p>{article.evidence.clone()} " " {confidence}</p>
            </details>
        }
    });
    let note_vm = vm.clone();
    let note = move || {
        filtered.with(|f| {
            let a = f.articles.get(article_idx)?;
            if !f.criteria.narrows_passages() {
                return None;
            }
            let names: Vec<&str> = a.absent.iter().map(|&id| note_vm.actor_name(id)).collect();
            let text = match absent_sentence(&names) {
                Some(absent) if a.n_pass == 0 && !f.criteria.actors.chosen.is_empty() => absent,
                Some(absent) => format!("{absent} Passages shown name the other chosen actors."),
                None if a.n_pass == 0 => {
                    "No passage of this article matches the filters.".to_owned()
                }
                None => return None,
            };
            Some(view! { <p class="px-absent" data-testid="absent-note">{text}</p> })
        })
    };
    let date = match &article.date {
        Some(d) => view! { <time datetime=d.clone()>{d.clone()}</time> }.into_any(),
        None => view! { <span>"date unknown"</span> }.into_any(),
    };
    Some(view! {
        <section
            class="px-column"
            id=format!("px-col-{}", article.key)
            aria-label=article.name.clone()
            data-testid="outlet-column"
            data-article=article.key.clone()
        >
            <header class="px-column__head">
                <h2 class="px-column__outlet" class:px-column__outlet--unknown=!article.outlet_known>
                    {article.name.clone()}
                </h2>
                <p class="px-column__meta">
                    {date}
                    <span aria-hidden="true">" · "</span>
                    <span>{format!("{} words", article.n_words)}</span>
                    <span aria-hidden="true">" · "</span>
                    {link}
                    {article.own.then(|| view! { <span class="px-own-tag">"added by you"</span> })}
                </p>
                {provenance}
                {headline}
            </header>
            <FramingSummary article_idx />
            {note}
            <ArticleText article_idx />
            <RemovedLines article_idx />
        </section>
    })
}
