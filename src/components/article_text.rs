//! An article's own text, passage by passage, with actor mentions, quotations and framing
//! cues marked. Rendered once from precomputed segments, as text nodes only; the filters
//! then only toggle each passage's `hidden` attribute and dim class.

use crate::components::actor_filter::colour_class;
use crate::components::mark_tooltip::{TOOLTIP_ID, TooltipEvents, tooltip_events};
use crate::segments::{MarkKind, Segment};
use crate::state::actors::Others;
use crate::state::{use_filtered, use_model};
use crate::view_model::{BlockView, ViewModel};
use leptos::prelude::*;
use parallax_engine::{BlockKind, CueKind, MentionVia, QuoteKind};

/// The marked-up text of one article's body.
#[component]
pub fn ArticleText(
    /// Index of the article in the corpus.
    article_idx: usize,
) -> impl IntoView {
    let vm = use_model();
    let TooltipEvents {
        over,
        out,
        focus_in,
        focus_out,
        key,
    } = tooltip_events();
    let blocks = vm.articles.get(article_idx).map(|article| {
        article
            .blocks
            .iter()
            .enumerate()
            .map(|(i, block)| passage(&vm, article_idx, i, block, article.headline.is_some()))
            .collect_view()
    });
    view! {
        <div
            class="px-text"
            on:mouseover=over
            on:mouseout=out
            on:focusin=focus_in
            on:focusout=focus_out
            on:keydown=key
        >
            {blocks}
        </div>
    }
}

fn passage(
    vm: &ViewModel,
    article_idx: usize,
    block_pos: usize,
    block: &BlockView,
    // Subheadings sit one level under the headline (h3), or under the outlet's name (h2)
    // when the article has no headline: heading levels never skip one.
    has_headline: bool,
) -> impl IntoView + use<> {
    let filtered = use_filtered();
    let state = move || {
        filtered.with(|f| {
            (
                f.block_passes(article_idx, block_pos),
                f.criteria.actors.others,
                f.criteria.narrows_passages(),
            )
        })
    };
    let hidden = move || {
        let (pass, others, _) = state();
        !pass && others == Others::Hide
    };
    let dimmed = move || {
        let (pass, others, _) = state();
        !pass && others == Others::Dim
    };
    let hit = move || {
        let (pass, _, narrows) = state();
        pass && narrows
    };
    let actors: Vec<&str> = block
        .actors
        .iter()
        .filter_map(|&a| vm.actors.get(a))
        .map(|a| a.slug.as_str())
        .collect();
    let text = segments_view(vm, article_idx, &block.segments);
    let caption = (!block.quoted_speakers.is_empty()).then(|| {
        let names: Vec<&str> = block
            .quoted_speakers
            .iter()
            .map(|&a| vm.actor_name(a))
            .collect();
        view! { <p class="px-passage__caption">"Quoting " {names.join(", ")}</p> }
    });
    let kind = match block.kind {
        BlockKind::Subheading | BlockKind::Headline => "subheading",
        BlockKind::ListItem => "list-item",
        BlockKind::Paragraph => "paragraph",
    };
    let body = match block.kind {
        BlockKind::Subheading | BlockKind::Headline => {
            if has_headline {
                view! { <h4 class="px-subheading">{text}</h4> }.into_any()
            } else {
                view! { <h3 class="px-subheading">{text}</h3> }.into_any()
            }
        }
        BlockKind::ListItem => view! { <p class="px-para px-para--item">{text}</p> }.into_any(),
        BlockKind::Paragraph => view! { <p class="px-para">{text}</p> }.into_any(),
    };
    view! {
        <div
            class="px-passage"
            class:px-passage--quote=!block.quoted_speakers.is_empty()
            class:px-dim=dimmed
            class:px-hit=hit
            hidden=hidden
            id=format!("px-p-{}-{}", vm.articles[article_idx].key, block.block_idx)
            data-testid="passage"
            data-kind=kind
            data-actors=actors.join(" ")
        >
            {caption}
            {body}
        </div>
    }
}

/// Views for `segments` of one article: text runs as text, marks as focusable elements
/// whose `data-why` says why they were marked.
pub fn segments_view(vm: &ViewModel, article_idx: usize, segments: &[Segment]) -> Vec<AnyView> {
    let text = vm.text(article_idx);
    segments
        .iter()
        .map(|segment| match segment {
            Segment::Text(span) => span.text(text).to_owned().into_any(),
            Segment::Mark { kind, children, .. } => mark_view(vm, article_idx, *kind, children),
        })
        .collect()
}

fn mark_view(vm: &ViewModel, article_idx: usize, kind: MarkKind, children: &[Segment]) -> AnyView {
    let inner = segments_view(vm, article_idx, children);
    let Some(article) = vm.analysis.articles.get(article_idx) else {
        return inner.into_any();
    };
    match kind {
        MarkKind::Mention(i) => {
            let Some(mention) = article.mentions.get(i) else {
                return inner.into_any();
            };
            let Some(actor) = vm.actors.get(mention.actor) else {
                return inner.into_any();
            };
            let how = match mention.via {
                MentionVia::Name => "named",
                MentionVia::Role => "referred to by role",
                MentionVia::Pronoun => "referred to by a pronoun that attributes speech",
                MentionVia::Discovered => {
                    "named; found from the context, not in the list of known actors"
                }
            };
            let role = actor
                .role
                .as_deref()
                .map(|r| format!(" ({r})"))
                .unwrap_or_default();
            let why = format!("{}{role}: {how}", actor.name);
            view! {
                <mark
                    class=format!("px-mention {}", colour_class(actor.colour))
                    tabindex="0"
                    data-why=why
                    data-actor=actor.slug.clone()
                    aria-describedby=TOOLTIP_ID
                >
                    {inner}
                </mark>
            }
            .into_any()
        }
        MarkKind::Quote(i) => {
            let Some(quote) = article.quotes.get(i) else {
                return inner.into_any();
            };
            let what = match quote.kind {
                QuoteKind::Full => "Quotation",
                QuoteKind::Partial => "Partial quotation",
                QuoteKind::Scare => "Words in quotation marks",
            };
            let who = if quote.speaker_ids.is_empty() {
                "no speaker named (quotation marks used for distance or naming)".to_owned()
            } else {
                let names: Vec<&str> = quote
                    .speaker_ids
                    .iter()
                    .map(|&a| vm.actor_name(a))
                    .collect();
                names.join(", ")
            };
            let verb = quote
                .verb
                .as_deref()
                .map(|v| format!(", “{v}”"))
                .unwrap_or_default();
            let class = match quote.kind {
                QuoteKind::Full => "px-quote",
                QuoteKind::Partial => "px-quote px-quote--partial",
                QuoteKind::Scare => "px-quote px-quote--scare",
            };
            view! {
                <span class=class tabindex="0" data-why=format!("{what}: {who}{verb}") aria-describedby=TOOLTIP_ID>
                    {inner}
                </span>
            }
            .into_any()
        }
        MarkKind::Cue(i) => {
            let Some(cue) = article.cues.get(i) else {
                return inner.into_any();
            };
            let class = match cue.kind {
                CueKind::Hedge => "px-cue px-cue--hedge",
                CueKind::Evidential => "px-cue px-cue--evidential",
                CueKind::Loaded => "px-cue px-cue--loaded",
                CueKind::AttributionVerb => "px-cue px-cue--verb",
                CueKind::AnonymousSource => "px-cue px-cue--anonymous",
            };
            view! {
                <span class=class tabindex="0" data-why=cue.reason.clone() aria-describedby=TOOLTIP_ID>
                    {inner}
                </span>
            }
            .into_any()
        }
    }
}
