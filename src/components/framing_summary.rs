//! An outlet's framing at a glance: headline focus, main frames, sourcing mix, cue counts.

use crate::state::use_model;
use crate::view_model::source_label;
use leptos::prelude::*;

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The summary block under an outlet's column head.
#[component]
pub fn FramingSummary(
    /// Index of the article in the corpus.
    article_idx: usize,
) -> impl IntoView {
    let vm = use_model();
    let article = vm.articles.get(article_idx)?;
    let s = &article.summary;
    let focus = match (&article.headline, s.headline_focus) {
        (None, _) => "no headline".to_owned(),
        (Some(_), Some(actor)) => vm.actor_name(actor).to_owned(),
        (Some(_), None) => "no actor named".to_owned(),
    };
    let headline_frames = s
        .headline_frames
        .iter()
        .map(|f| view! { <span class="px-tag">{f.label()}</span> })
        .collect_view();
    let frames = if s.main_frames.is_empty() {
        view! { <span class="px-muted">"none found"</span> }.into_any()
    } else {
        s.main_frames
            .iter()
            .map(|(f, n)| {
                view! {
                    <span class="px-tag" title=plural(*n, "sentence", "sentences")>
                        {f.label()}
                        <span class="px-tag__n">{*n}</span>
                    </span>
                }
            })
            .collect_view()
            .into_any()
    };
    let sourcing = if s.sourcing.is_empty() {
        "no statements found".to_owned()
    } else {
        s.sourcing
            .iter()
            .map(|(k, n)| format!("{} {n}", source_label(*k)))
            .collect::<Vec<_>>()
            .join(" · ")
    };
    let cues = format!(
        "{} · {} · {}",
        plural(s.n_hedges, "hedge", "hedges"),
        plural(s.n_loaded, "loaded word", "loaded words"),
        plural(s.n_direct, "quotation", "quotations"),
    );
    Some(view! {
        <dl class="px-summary" data-testid="framing-summary">
            <div class="px-summary__row">
                <dt>"Headline focus"</dt>
                <dd>{focus} " " {headline_frames}</dd>
            </div>
            <div class="px-summary__row">
                <dt>"Main frames"</dt>
                <dd>{frames}</dd>
            </div>
            <div class="px-summary__row">
                <dt>"Sourcing"</dt>
                <dd>{sourcing}</dd>
            </div>
            <div class="px-summary__row">
                <dt>"Cues"</dt>
                <dd>{cues}</dd>
            </div>
        </dl>
    })
}
