//! The Remarks view (the remarks lens): for one focal actor — by default the corpus's most
//! central speaker, as the engine finds it — how each outlet reports what the actor said:
//! prominence, headline framing, every statement with its verb, connotation and sourcing,
//! and the reactions set next to it. Statements of the same claim share a row, so a gap
//! shows an omission. A short generated contrast states counts, each linked to its spans.

use crate::components::outlet_pager::{MatrixHead, OutletPager, OutletPages};
use crate::state::actors::Others;
use crate::state::focal::use_focal;
use crate::state::view::{Reveal, ViewKind, use_reveal, use_view};
use crate::state::{use_filtered, use_model};
use crate::view_model::{ViewModel, source_label};
use leptos::prelude::*;
use parallax_engine::order;
use parallax_engine::remarks::{self, ArticleRemarks, FocalStatement, Remarks};
use parallax_engine::{Connotation, Span, StatementMode};
use std::sync::Arc;

/// Outlets linked from one sentence of the contrast; the rest are counted.
const MAX_REFS: usize = 12;

const fn mode_label(mode: StatementMode) -> &'static str {
    match mode {
        StatementMode::Direct => "direct quotation",
        StatementMode::Partial => "partial quotation",
        StatementMode::Indirect => "paraphrase",
        StatementMode::Relayed => "reported via others",
    }
}

const fn connotation_label(c: Connotation) -> &'static str {
    match c {
        Connotation::Neutral => "neutral verb",
        Connotation::Insistence => "insistence",
        Connotation::Doubt => "doubt",
        Connotation::Emotion => "emotion",
        Connotation::Warning => "warning",
        Connotation::Advocacy => "advocacy",
    }
}

/// The classes of a verb's connotation tag (`px-conn--…` colours it in `style/views.css`).
const fn connotation_class(c: Connotation) -> &'static str {
    match c {
        Connotation::Neutral => "px-tag px-tag--conn px-conn--neutral",
        Connotation::Insistence => "px-tag px-tag--conn px-conn--insistence",
        Connotation::Doubt => "px-tag px-tag--conn px-conn--doubt",
        Connotation::Emotion => "px-tag px-tag--conn px-conn--emotion",
        Connotation::Warning => "px-tag px-tag--conn px-conn--warning",
        Connotation::Advocacy => "px-tag px-tag--conn px-conn--advocacy",
    }
}

/// Shows the passage holding `span` of an article in the Compare view, which scrolls its
/// column into view (rendering it first in a windowed strip) and focuses the passage.
fn show_in_compare(vm: &ViewModel, article_idx: usize, span: Span) {
    let Some(article) = vm.articles.get(article_idx) else {
        return;
    };
    let block = article
        .blocks
        .iter()
        .find(|b| b.span.overlaps(span) || b.span.contains(span));
    let target = match block {
        Some(b) => format!("px-p-{}-{}", article.key, b.block_idx),
        None => format!("px-col-{}", article.key),
    };
    use_reveal().0.set(Some(Reveal {
        article_idx,
        target,
    }));
    use_view().0.set(ViewKind::Compare);
}

/// The remarks lens.
#[component]
pub fn RemarksView() -> impl IntoView {
    let vm = use_model();
    let focal = use_focal().0;
    let filtered = use_filtered();
    let central = remarks::central_actor(&vm.analysis);
    let lens_vm = vm.clone();
    let lens = Memo::new(move |_| {
        let id = focal.get().or(central)?;
        (id < lens_vm.analysis.actors.len())
            .then(|| Arc::new(remarks::remarks(&lens_vm.corpus, &lens_vm.analysis, id)))
    });
    let select_vm = vm.clone();
    let options = vm
        .actor_order
        .iter()
        .map(|&id| {
            let actor = &vm.actors[id];
            let slug = actor.slug.clone();
            let is_central = Some(id) == central;
            view! {
                <option value=slug.clone() selected=move || focal.get().or(central) == Some(id)>
                    {actor.name.clone()}
                    {is_central.then_some(" (most central speaker)")}
                </option>
            }
        })
        .collect_view();
    let body_vm = vm.clone();
    let body = move || {
        let Some(lens) = lens.get() else {
            return view! {
                <p class="px-empty">"No actor was found in these articles, so there are no remarks to compare."</p>
            }
            .into_any();
        };
        view! { <RemarksTable lens vm=body_vm.clone() filtered /> }.into_any()
    };
    view! {
        <div class="px-view px-remarks-view" data-testid="remarks-view">
            <header class="px-view__head px-remarks-head">
                <div>
                    <h2 class="px-view__title">
                        {move || lens.with(|l| l.as_ref().map(|l| format!("How each outlet reports {}", l.focal_name)))}
                    </h2>
                    <p class="px-view__lede">
                        "What each outlet reports the focal actor as saying, in its own words, on whose authority, and what it sets next to it."
                    </p>
                </div>
                <label class="px-field">
                    <span class="px-field__label">"Focal actor"</span>
                    <select
                        class="px-select"
                        data-testid="focal-select"
                        on:change=move |e| {
                            let slug = event_target_value(&e);
                            if let Some(id) = select_vm.actor_by_slug(&slug) {
                                focal.set(if Some(id) == central { None } else { Some(id) });
                            }
                        }
                    >
                        {options}
                    </select>
                </label>
            </header>
            {body}
        </div>
    }
}

#[component]
fn RemarksTable(
    lens: Arc<Remarks>,
    vm: Arc<ViewModel>,
    filtered: Memo<crate::filter::Filtered>,
) -> impl IntoView {
    let contrast = lens
        .contrast
        .iter()
        .map(|sentence| {
            // One link per outlet: the first finding of that outlet the sentence counts.
            // Past MAX_REFS outlets the rest are counted, not listed: with a thousand
            // outlets a sentence would otherwise carry a thousand buttons.
            let mut seen = Vec::new();
            let firsts: Vec<_> = sentence
                .refs
                .iter()
                .filter(|r| {
                    let first = !seen.contains(&r.article_idx);
                    seen.push(r.article_idx);
                    first
                })
                .collect();
            let n_more = firsts.len().saturating_sub(MAX_REFS);
            let more = (n_more > 0).then(|| {
                let outlets = if n_more == 1 { "outlet" } else { "outlets" };
                view! { <span class="px-muted px-contrast__more">{format!("and {n_more} more {outlets}")}</span> }
            });
            let refs = firsts
                .into_iter()
                .take(MAX_REFS)
                .map(|r| {
                    let vm2 = vm.clone();
                    let r = *r;
                    let name = vm.articles.get(r.article_idx).map(|a| a.name.clone()).unwrap_or_default();
                    let excerpt = short(r.span.text(vm.text(r.article_idx)), 60);
                    view! {
                        <button
                            type="button"
                            class="px-ref"
                            title=excerpt.clone()
                            on:click=move |_| show_in_compare(&vm2, r.article_idx, r.span)
                        >
                            {name}
                            <span class="px-visually-hidden">{format!(": show “{excerpt}” in Compare")}</span>
                        </button>
                    }
                })
                .collect_view();
            view! {
                <li class="px-contrast__item">
                    <span>{sentence.text.clone()}</span>
                    <span class="px-contrast__refs">{refs} {more}</span>
                </li>
            }
        })
        .collect_view();
    let has_contrast = !lens.contrast.is_empty();
    let cols_vm = vm.clone();
    let cols_lens = lens.clone();
    // Article indices of the shown outlets, ascending; past MATRIX_PAGE of them the
    // columns come a page at a time, with the rows those outlets carry, as in the other
    // matrix views (a thousand outlet columns are neither readable nor quick to draw).
    let shown = Memo::new(move |_| {
        filtered.with(|f| {
            cols_lens
                .articles
                .iter()
                .filter(|a| f.shown(a.article_idx))
                .map(|a| a.article_idx)
                .collect::<Vec<_>>()
        })
    });
    let pages = OutletPages::new(shown);
    let columns = pages.columns;
    let prom_vm = vm.clone();
    let prom_lens = lens.clone();
    let head_lens = lens.clone();
    let headline_vm = vm.clone();
    let rows_lens = lens.clone();
    let rows_vm = vm.clone();
    let rows = move || {
        columns.with(|columns| {
            filtered.with(|f| {
                rows_lens
                    .rows
                    .iter()
                    .enumerate()
                    .filter_map(|(row_idx, row)| {
                        let members: Vec<_> = row
                            .members
                            .iter()
                            .filter(|m| columns.binary_search(&m.article_idx).is_ok())
                            .collect();
                        if members.is_empty() {
                            return None;
                        }
                        let pass = members.iter().any(|m| {
                            let Some(st) = focal_statement(&rows_lens, m.article_idx, m.focal_idx)
                            else {
                                return false;
                            };
                            let article = &rows_vm.articles[m.article_idx];
                            let mut actors: Vec<usize> = Vec::new();
                            let mut cues = crate::view_model::CueFlags::empty();
                            for s in std::iter::once(st.sentence_idx)
                                .chain(st.reactions.iter().map(|r| r.sentence_idx))
                            {
                                actors.extend(
                                    article
                                        .sentence_actors
                                        .get(s)
                                        .into_iter()
                                        .flatten()
                                        .copied(),
                                );
                                cues = cues.union(
                                    article.sentence_cues.get(s).copied().unwrap_or_default(),
                                );
                            }
                            order::sort_dedup(&mut actors);
                            f.criteria.passes(&actors, cues)
                        });
                        (pass || f.criteria.actors.others == Others::Dim).then_some((row_idx, pass))
                    })
                    .collect::<Vec<_>>()
            })
        })
    };
    let row_lens = lens.clone();
    let row_vm = vm.clone();
    let n_cols = move || shown.with(Vec::len);
    view! {
        <section class="px-contrast" aria-labelledby="px-contrast-title" class:px-hidden=!has_contrast>
            <h3 class="px-view__subtitle" id="px-contrast-title">"Across outlets"</h3>
            <ul class="px-contrast__list" data-testid="contrast">{contrast}</ul>
        </section>
        <OutletPager pages />
        <div class="px-table-wrap" tabindex="0" role="region" aria-label="Remarks by outlet">
            <table class="px-remarks">
                <MatrixHead
                    corner="Statement"
                    corner_class="px-remarks__label"
                    outlet_class="px-remarks__outlet"
                    columns
                />
                <tbody>
                    <tr class="px-remarks__meta">
                        <th scope="row" class="px-remarks__label">"Prominence"</th>
                        <For each=move || columns.get() key=|a| *a let:a>
                            <td>{prominence(&prom_vm, &prom_lens.articles[a])}</td>
                        </For>
                    </tr>
                    <tr class="px-remarks__meta">
                        <th scope="row" class="px-remarks__label">"Headline"</th>
                        <For each=move || columns.get() key=|a| *a let:a>
                            <td>{headline(&headline_vm, &head_lens.articles[a])}</td>
                        </For>
                    </tr>
                    <For each=rows key=|r| *r let:r>
                        <RemarkRowView row_idx=r.0 pass=r.1 lens=row_lens.clone() vm=row_vm.clone() columns />
                    </For>
                </tbody>
            </table>
        </div>
        <p class="px-empty" class:px-hidden=move || n_cols() == 0 || !lens.rows.is_empty()>
            {format!("No statement attributed to {} was found.", cols_vm.actor_name(lens.focal))}
        </p>
    }
}

fn focal_statement(
    lens: &Remarks,
    article_idx: usize,
    focal_idx: usize,
) -> Option<&FocalStatement> {
    lens.articles.get(article_idx)?.statements.get(focal_idx)
}

fn short(text: &str, max_chars: usize) -> String {
    let mut out: String = text.chars().take(max_chars).collect();
    if text.chars().count() > max_chars {
        out.push('…');
    }
    out
}

fn prominence(vm: &ViewModel, a: &ArticleRemarks) -> impl IntoView + use<> {
    let p = &a.prominence;
    let place = if p.in_headline {
        "In the headline".to_owned()
    } else if p.in_lede {
        "In the lede".to_owned()
    } else if let Some(n) = p.first_paragraph {
        format!("First named in paragraph {n}")
    } else if p.n_mentions == 0 {
        "Not named".to_owned()
    } else {
        "Not named in the body".to_owned()
    };
    let also_lede = (p.in_headline && p.in_lede).then_some(" and the lede");
    let share = (p.remarks_share * 100.0).round() as u32;
    let _ = vm;
    view! {
        <div class="px-prominence" data-testid="prominence">
            <p class="px-prominence__place">{place} {also_lede}</p>
            <p class="px-prominence__figures">
                {format!("{} mentions · {} statements", p.n_mentions, p.n_statements)}
            </p>
            <div class="px-meter" aria-hidden="true">
                <span class="px-meter__fill" style:width=format!("{}%", share.min(100))></span>
            </div>
            <p class="px-prominence__figures">{format!("{share}% of the article carries the remarks")}</p>
        </div>
    }
}

fn headline(vm: &ViewModel, a: &ArticleRemarks) -> impl IntoView + use<> {
    let text = vm.text(a.article_idx);
    let Some(h) = &a.headline else {
        return view! { <p class="px-muted">"No headline in source"</p> }.into_any();
    };
    let subject = h
        .subject
        .map(|s| vm.actor_name(s).to_owned())
        .unwrap_or_else(|| "no actor named".into());
    let voices = if h.voices.is_empty() {
        "nobody’s words".to_owned()
    } else {
        h.voices
            .iter()
            .map(|v| format!("{} ({})", vm.actor_name(v.actor), mode_label(v.mode)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    let hedges = h.hedges.iter().map(|c| {
        view! { <span class="px-tag px-tag--cue" title=c.reason.clone()>{c.span.text(text).to_owned()}</span> }
    }).collect_view();
    let frames = h
        .frames
        .iter()
        .map(|f| view! { <span class="px-tag">{f.label()}</span> })
        .collect_view();
    view! {
        <div class="px-hl-framing">
            <p class="px-hl-framing__text">{h.span.text(text).to_owned()}</p>
            <dl class="px-kv">
                <dt>"Subject"</dt><dd>{subject}</dd>
                <dt>"Carries"</dt><dd data-testid="headline-carries">{voices}</dd>
                <dt>"Hedges"</dt><dd>{if h.hedges.is_empty() { Some("none") } else { None }} {hedges}</dd>
                <dt>"Frames"</dt><dd>{if h.frames.is_empty() { Some("none found") } else { None }} {frames}</dd>
            </dl>
        </div>
    }
    .into_any()
}

#[component]
fn RemarkRowView(
    row_idx: usize,
    pass: bool,
    lens: Arc<Remarks>,
    vm: Arc<ViewModel>,
    /// The outlets with a column, ascending.
    columns: Memo<Vec<usize>>,
) -> impl IntoView {
    let row = &lens.rows[row_idx];
    let label = row.label.clone();
    // A claim's row is named by the key words its sentences share, not by words said.
    let key_words = row.claim_idx.is_some().then(|| {
        view! { <span class="px-remarks__keywords">"Key words"</span> }
    });
    let n = row.n_articles;
    let cells = move || {
        columns.with(|columns| {
            let row = &lens.rows[row_idx];
            columns
                .iter()
                .filter_map(|&a| lens.articles.get(a))
                .map(|a| {
                    let statements: Vec<&FocalStatement> = row
                        .members
                        .iter()
                        .filter(|m| m.article_idx == a.article_idx)
                        .filter_map(|m| a.statements.get(m.focal_idx))
                        .collect();
                    if statements.is_empty() {
                        return view! { <td class="px-remarks__gap">"not reported"</td> }
                            .into_any();
                    }
                    let items = statements
                        .into_iter()
                        .map(|s| statement(&vm, a.article_idx, s))
                        .collect_view();
                    view! { <td class="px-remarks__cell">{items}</td> }.into_any()
                })
                .collect_view()
        })
    };
    view! {
        <tr class="px-remarks__row" class:px-dim=!pass data-testid="remark-row">
            <th scope="row" class="px-remarks__label">
                {key_words}
                <span class="px-remarks__name">{label}</span>
                <span class="px-claims__count" class:px-claims__count--single=n == 1>
                    {if n == 1 { "1 outlet only".to_owned() } else { format!("{n} outlets") }}
                </span>
            </th>
            {cells}
        </tr>
    }
}

fn statement(vm: &ViewModel, article_idx: usize, s: &FocalStatement) -> impl IntoView + use<> {
    let text = vm.text(article_idx);
    let content = s.content.text(text).to_owned();
    let quoted = matches!(s.mode, StatementMode::Direct | StatementMode::Partial);
    let verb = s.verb.clone().unwrap_or_else(|| "no verb".into());
    let source = match s.sourcing.actor {
        Some(actor) => format!(
            "{}: {}",
            source_label(s.sourcing.kind),
            vm.actor_name(actor)
        ),
        None => source_label(s.sourcing.kind).to_owned(),
    };
    let frames = s
        .frames
        .iter()
        .map(|f| view! { <span class="px-tag">{f.label()}</span> })
        .collect_view();
    let reactions = s
        .reactions
        .iter()
        .map(|r| {
            let who = r
                .speakers
                .iter()
                .map(|&a| vm.actor_name(a))
                .collect::<Vec<_>>()
                .join(", ");
            let said = short(r.content.text(text), 160);
            let verb = r.verb.clone().unwrap_or_default();
            view! {
                <li class="px-reaction">
                    <span class="px-reaction__who">{who}</span>
                    " " <span class="px-muted">{verb}</span> " "
                    <span class="px-reaction__text">{said}</span>
                </li>
            }
        })
        .collect_view();
    let has_reactions = !s.reactions.is_empty();
    view! {
        <div class="px-statement" class:px-statement--quoted=quoted data-testid="statement">
            <p class="px-statement__text">
                {quoted.then_some("“")} {content} {quoted.then_some("”")}
            </p>
            <p class="px-statement__meta">
                <span class="px-tag px-tag--mode">{mode_label(s.mode)}</span>
                <span class=connotation_class(s.connotation)>
                    {format!("“{verb}” · {}", connotation_label(s.connotation))}
                </span>
                <span class="px-tag px-tag--source">{source}</span>
                {s.in_headline.then(|| view! { <span class="px-tag px-tag--place">"headline"</span> })}
                {s.in_lede.then(|| view! { <span class="px-tag px-tag--place">"lede"</span> })}
                {frames}
            </p>
            {has_reactions.then(|| view! {
                <div class="px-reactions">
                    <p class="px-reactions__title">"Set next to it"</p>
                    <ul>{reactions}</ul>
                </div>
            })}
        </div>
    }
}
