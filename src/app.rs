//! The app shell: loads and analyses the bundled corpus once, provides the reader's
//! choices by context, keeps them in the URL, and lays out the header, filters and views.

use crate::components::actor_filter::ActorFilter;
use crate::components::actors_heatmap::ActorsHeatmap;
use crate::components::analysis_progress::AnalysisProgress;
use crate::components::claims_matrix::ClaimsMatrix;
use crate::components::compare_view::CompareView;
use crate::components::cue_filter::CueFilter;
use crate::components::error_panel::ErrorPanel;
use crate::components::mark_tooltip::{MarkTooltip, TooltipState};
use crate::components::notice::NoticeList;
use crate::components::outlet_filter::OutletFilter;
use crate::components::quotes_view::QuotesView;
use crate::components::reader_panel::ReaderPanel;
use crate::components::remarks_view::RemarksView;
use crate::components::share_panel::SharePanel;
use crate::components::view_tabs::{ViewTabs, panel_id, tab_id};
use crate::filter::{self, Criteria};
use crate::opening::{Opening, use_opening};
use crate::pace::{self, Pacer};
use crate::state::actors::ActorFilterState;
use crate::state::cues::CueFilterState;
use crate::state::focal::FocalState;
use crate::state::notices::Notices;
use crate::state::outlets::OutletFilterState;
use crate::state::reader::ReaderState;
use crate::state::view::{RevealState, ViewKind, ViewState};
use crate::state::{FilteredState, Model};
use crate::url::{self, Snapshot};
use crate::view_model::{Built, Progress, ViewModel};
use leptos::prelude::*;
use leptos::task::spawn_local;
use std::sync::Arc;
use wasm_bindgen::JsCast;

/// Where the app mounts and what the host page asked for.
pub struct Host {
    pub element: web_sys::HtmlElement,
    pub options: HostOptions,
}

/// Options of the page that hosts the app.
#[derive(Clone, Debug, Default)]
pub struct HostOptions {
    /// Keep the reader's choices in the page URL (the app owns the page).
    pub sync_url: bool,
    /// Initial choices given by a host element's `data-` attributes, named like the URL
    /// parameters (`data-view="claims"`, `data-actors="olaf-scholz"`).
    pub initial: Vec<(String, String)>,
    /// Compact mode for iframes and host pages: no masthead, footer or article editing
    /// (`?embed=1`, or `data-embed="1"` on the host element).
    pub embed: bool,
    /// The app sits in another site's page (script embedding), not on its own page: its
    /// root gets the class `px-hosted`, under which the style sheets shut the host's rules
    /// out (`style/base.css`).
    pub hosted: bool,
}

impl Host {
    /// The element `#parallax` if the page has one (script embedding: options come from its
    /// `data-` attributes and the URL is left alone unless `data-url="sync"`), else `<body>`.
    pub fn find() -> Host {
        let document = web_sys::window()
            .and_then(|w| w.document())
            .expect("a browser document");
        if let Some(el) = document.get_element_by_id("parallax") {
            let mut options = HostOptions::default();
            for name in url::PARAMS {
                if let Some(value) = el.get_attribute(&format!("data-{name}")) {
                    options.initial.push((name.to_owned(), value));
                }
            }
            options.sync_url = el.get_attribute("data-url").as_deref() == Some("sync");
            options.embed = el.get_attribute("data-embed").is_some_and(|v| v != "0");
            options.hosted = true;
            if let Ok(element) = el.dyn_into::<web_sys::HtmlElement>() {
                return Host { element, options };
            }
        }
        let body = document.body().expect("a page body");
        Host {
            element: body,
            options: HostOptions {
                sync_url: true,
                initial: Vec::new(),
                embed: url::parse_query(&url::read_search())
                    .iter()
                    .any(|(name, value)| name == "embed" && value != "0"),
                hosted: false,
            },
        }
    }
}

/// The whole viewer, or an error panel if the bundled corpus cannot be read.
#[component]
pub fn App(
    /// What the host page asked for.
    options: HostOptions,
) -> impl IntoView {
    match crate::bundle::load() {
        Ok(bundle) => {
            let notices = provide_notices(&bundle.warnings);
            let reader = ReaderState::load(notices);
            provide_context(reader);
            crate::prerender::adopt(!reader.articles.with_untracked(Vec::is_empty));
            // The one analysis of the page: the bundled corpus's, made at build time, and
            // again, by the analysis worker, only when the reader adds or removes an article
            // of their own. Decoding runs in slices, handing the page back in between
            // (`pace`), and the worker reports its progress: until the first analysis is
            // done the page shows its progress; during a later one the viewer stays as it
            // was, with a status line, and a newer analysis abandons an older one.
            let bundle = Arc::new(bundle);
            let vm = RwSignal::new(None::<Shared>);
            let progress = RwSignal::new(None);
            let opening = Opening::new();
            provide_context(opening);
            let latest = StoredValue::new(0_u64);
            Effect::new(move |_| {
                let own = reader.articles.get();
                let run = latest.get_value() + 1;
                latest.set_value(run);
                progress.set(Some(Progress {
                    done: 0,
                    total: bundle.corpus.articles.len() + own.len(),
                    prepared: own.is_empty(),
                }));
                let bundle = Arc::clone(&bundle);
                spawn_local(async move {
                    let current = move || latest.get_value() == run;
                    let first = vm.with_untracked(Option::is_none);
                    let mut pacer = Pacer::new(if first {
                        pace::OPENING_SLICE_MS
                    } else {
                        pace::SLICE_MS
                    });
                    // Behind the prerendered view the live app is hidden: its start can
                    // be spread over several tasks, each short enough for the page to
                    // answer in between, instead of one long one.
                    let standing_in = first && crate::prerender::standing_in();
                    if standing_in {
                        pacer.hand_back().await;
                    }
                    let mut claims_named = false;
                    let built = ViewModel::build_with(
                        &bundle.corpus,
                        crate::bundle::CORPUS_JSON,
                        crate::bundle::PREPARED,
                        &own,
                        async |now: Progress| {
                            // Past the last article, claims are grouped (or the view built):
                            // a reader who has been shown the progress sees that step named
                            // as soon as it starts. Behind the prerendered view no progress
                            // is shown: the turn taken to start (`standing_in`) does not
                            // count, or the decoding would wait for a turn it has no use
                            // for (3 ms of the seeds' 6 ms, BENCHMARKS.md).
                            let last = now.done == now.total;
                            let shown = pacer.turns() > 0 && !standing_in;
                            let name_claims = last && !claims_named && shown;
                            if pacer.slice_used() || name_claims {
                                claims_named |= last;
                                if !current() {
                                    return false;
                                }
                                progress.set(Some(now));
                                pacer.hand_back().await;
                            }
                            current()
                        },
                        |message| notices.push(format!("{message}.")),
                    )
                    .await;
                    // After an analysis long enough to have shown its progress, rendering
                    // the viewer is a task of its own.
                    if matches!(built, Built::Model(_)) && (pacer.turns() > 0 || standing_in) {
                        pacer.hand_back().await;
                    }
                    match built {
                        Built::Model(model) if current() && standing_in => {
                            // Built out of sight behind the prerendered view, one step per
                            // task (`opening`). Once every column is in, the prerendered
                            // view is removed and the next paint shows the live one,
                            // complete.
                            progress.set(None);
                            let steps = Opening::steps(model.articles.len());
                            opening.start();
                            vm.set(Some(Shared(Arc::new(model))));
                            for _ in 0..steps {
                                pacer.hand_back().await;
                                opening.step();
                            }
                            opening.finish();
                            pacer.hand_back().await;
                            crate::prerender::retire();
                        }
                        Built::Model(model) if current() => {
                            progress.set(None);
                            // The live view takes the prerendered one's place in the same
                            // frame: it is removed now, the view renders before the paint.
                            crate::prerender::retire();
                            vm.set(Some(Shared(Arc::new(model))));
                        }
                        Built::Failed(message) if current() => crate::fatal::show_panel(&message),
                        _ => {}
                    }
                });
            });
            // The viewer's own query for the current state: a permalink, and what a
            // rebuilt shell starts from.
            let query = RwSignal::new(None::<String>);
            let embed = options.embed;
            let hosted = options.hosted;
            let shell = move || match vm.get() {
                Some(Shared(vm)) => view! { <Shell vm options=options.clone() query /> }.into_any(),
                None => view! { <AnalysisProgress progress first=true /> }.into_any(),
            };
            // A later analysis (the reader's articles changed) while the viewer is shown.
            let again = move || {
                vm.with(Option::is_some)
                    .then(|| view! { <AnalysisProgress progress first=false /> })
            };
            root(embed, hosted, false, (shell, again)).into_any()
        }
        Err(message) => {
            crate::prerender::retire();
            view! { <div class="px-app"><ErrorPanel message /></div> }.into_any()
        }
    }
}

/// The page's notices, provided by context, starting with the bundle's warnings.
fn provide_notices(warnings: &[String]) -> Notices {
    let notices = Notices(RwSignal::new(Vec::new()));
    provide_context(notices);
    for text in warnings {
        notices.push(text.clone());
    }
    notices
}

/// The app's root element around `content`, and the reader's articles dialog. The same
/// element is prerendered at build time (`prerendered`, see [`crate::prerender`]): shown
/// until the live app has its first view, inert meanwhile.
fn root(embed: bool, hosted: bool, prerendered: bool, content: impl IntoView) -> impl IntoView {
    view! {
        <div
            class="px-app"
            class:px-app--embed=embed
            class:px-hosted=hosted
            class:px-app--prerendered=prerendered
            inert=prerendered
            aria-busy=prerendered.then_some("true")
            data-testid=(!prerendered).then_some("parallax")
        >
            {content}
            <ReaderPanel />
        </div>
    }
}

/// The first view as the app shows it on its own page with no choices made and no
/// articles of the reader's, from the bundled corpus's prepared analysis: what
/// [`crate::prerender`] renders to HTML at build time. Needs a reactive owner.
#[cfg(not(target_arch = "wasm32"))]
pub fn first_view(bundle: crate::bundle::Bundled, vm: ViewModel) -> impl IntoView {
    let notices = provide_notices(&bundle.warnings);
    provide_context(ReaderState::empty(notices));
    let options = HostOptions {
        sync_url: true,
        ..HostOptions::default()
    };
    // A known, empty query: the prerendered view never reads the page's address.
    let query = RwSignal::new(Some(String::new()));
    let shell = view! { <Shell vm=Arc::new(vm) options query /> };
    // The status line of a later analysis, as the live app has it once its view is shown.
    let again = view! { <AnalysisProgress progress=RwSignal::new(None) first=false /> };
    root(false, false, true, (shell, again))
}

/// A view model compared by identity: a new one is a new analysis.
#[derive(Clone)]
struct Shared(Arc<ViewModel>);

impl PartialEq for Shared {
    fn eq(&self, other: &Shared) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

#[component]
fn Shell(
    vm: Arc<ViewModel>,
    options: HostOptions,
    /// The viewer's query of the current state, kept across rebuilds of the shell.
    query: RwSignal<Option<String>>,
) -> impl IntoView {
    let pairs = match query.get_untracked() {
        Some(q) => url::parse_query(&q),
        None if options.sync_url => url::parse_query(&url::read_search()),
        None => options.initial.clone(),
    };
    let (snap, url_notices) = url::from_pairs(&pairs, &vm);

    let view_kind = RwSignal::new(snap.view);
    let actors = RwSignal::new(snap.actors);
    let cues = RwSignal::new(snap.cues);
    let outlets = RwSignal::new(snap.outlets);
    let focal = RwSignal::new(snap.focal);
    let notices = expect_context::<Notices>();
    for text in url_notices {
        notices.push(text);
    }
    let reader = expect_context::<ReaderState>();
    provide_context(Model(StoredValue::new(vm.clone())));
    provide_context(ViewState(view_kind));
    provide_context(RevealState(RwSignal::new(None)));
    provide_context(ActorFilterState(actors));
    provide_context(CueFilterState(cues));
    provide_context(OutletFilterState(outlets));
    provide_context(FocalState(focal));
    provide_context(TooltipState(RwSignal::new(None)));

    let filter_vm = vm.clone();
    let filtered = Memo::new(move |_| {
        let criteria = Criteria {
            actors: actors.get(),
            cues: cues.get(),
            outlets: outlets.get(),
        };
        filter::apply(&filter_vm, &criteria)
    });
    provide_context(FilteredState(filtered));

    let query_vm = vm.clone();
    let sync_url = options.sync_url;
    // The query mirrors the choices; in the app's own page so does the address bar. The
    // first run only tidies the address the page was opened with (ignored values
    // dropped), later runs add history entries.
    Effect::new(move |ran: Option<()>| {
        let snap = Snapshot {
            view: view_kind.get(),
            actors: actors.get(),
            cues: cues.get(),
            outlets: outlets.get(),
            focal: focal.get(),
        };
        query.set(Some(url::to_query("", &snap, &query_vm)));
        if sync_url {
            let address = url::to_query(&url::read_search(), &snap, &query_vm);
            url::write_search(&address, ran.is_some());
        }
    });
    if options.sync_url {
        let pop_vm = vm.clone();
        let listener = window_event_listener(leptos::ev::popstate, move |_| {
            let (snap, popped_notices) =
                url::from_pairs(&url::parse_query(&url::read_search()), &pop_vm);
            view_kind.set(snap.view);
            actors.set(snap.actors);
            cues.set(snap.cues);
            outlets.set(snap.outlets);
            focal.set(snap.focal);
            for text in popped_notices {
                notices.push(text);
            }
        });
        on_cleanup(move || listener.remove());
    }

    let filters_open = RwSignal::new(false);
    // While the app opens in steps, the filters come in a step of their own.
    // (A memo: built once, not again at each later step.)
    let opening = use_opening();
    let filters_built = Memo::new(move |_| opening.is_none_or(Opening::filters));
    let filters = move || {
        filters_built.get().then(|| {
            view! {
                <ActorFilter />
                <CueFilter />
                <OutletFilter />
            }
        })
    };
    let n_outlets = vm.articles.len();
    let n_actors = vm.actor_order.len();
    let n_active = move || {
        actors.with(|a| a.chosen.len())
            + cues.with(|c| c.choices().count())
            + outlets.with(|o| o.hidden.len())
    };
    let current = move || match view_kind.get() {
        ViewKind::Compare => view! { <CompareView /> }.into_any(),
        ViewKind::Remarks => view! { <RemarksView /> }.into_any(),
        ViewKind::Claims => view! { <ClaimsMatrix /> }.into_any(),
        ViewKind::Actors => view! { <ActorsHeatmap /> }.into_any(),
        ViewKind::Quotes => view! { <QuotesView /> }.into_any(),
    };

    let embed = options.embed;
    let query_signal = Signal::derive(move || query.get().unwrap_or_default());
    let masthead = (!embed).then(|| {
        view! {
            <header class="px-masthead">
                <div class="px-brand">
                    <span class="px-brand__mark" aria-hidden="true"></span>
                    <span class="px-brand__name">"Parallax"</span>
                </div>
                <h1 class="px-masthead__title">
                    "One story, " {n_outlets} " outlets: how each one framed it"
                </h1>
                <p class="px-masthead__meta">
                    {format!("{n_outlets} articles · {n_actors} actors · analysed in your browser")}
                </p>
            </header>
        }
    });
    // In compact mode a one-line header names the app and opens the full view.
    let compact_header = (embed && sync_url).then(|| {
        let full = move || {
            let location = web_sys::window().map(|w| w.location());
            let base = location
                .and_then(|l| Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?)))
                .unwrap_or_default();
            let q = query_signal.get();
            if q.is_empty() {
                base
            } else {
                format!("{base}?{q}")
            }
        };
        view! {
            <header class="px-compact-head">
                <h1 class="px-compact-head__title">
                    <span class="px-brand__mark" aria-hidden="true"></span>
                    {format!("Parallax · {n_outlets} outlets")}
                </h1>
                <a class="px-compact-head__open" href=full target="_blank" rel="noopener">
                    "Open the full view"
                </a>
            </header>
        }
    });
    let reader_button = (!embed).then(|| {
        view! {
            <button
                type="button"
                class="px-button"
                aria-haspopup="dialog"
                on:click=move |_| reader.open.set(true)
            >
                "Your articles"
                <span
                    class="px-badge"
                    class:px-hidden=move || reader.articles.with(Vec::is_empty)
                >
                    {move || reader.articles.with(Vec::len)}
                </span>
            </button>
        }
    });
    let footer = (!embed).then(|| {
        view! {
            <footer class="px-footer">
                <p>
                    "Everything here is computed from the articles’ own text, in your browser. "
                    "Marks show what a reader can check: hover or focus one to see why it was marked."
                </p>
            </footer>
        }
    });

    // The open view, a tab panel. On the app's own page it is inside the page's main
    // landmark; inside a host page (script embedding) the host has its own `<main>`.
    let tab_panel = view! {
        <div
            class="px-main"
            id=move || panel_id(view_kind.get())
            role="tabpanel"
            aria-labelledby=move || tab_id(view_kind.get())
        >
            {current}
        </div>
    };
    let panel = if sync_url {
        view! { <main class="px-main-landmark">{tab_panel}</main> }.into_any()
    } else {
        tab_panel.into_any()
    };

    view! {
        <div class="px-shell">
            {masthead}
            {compact_header}
            <NoticeList />
            <div class="px-toolbar">
                <ViewTabs />
                <div class="px-toolbar__actions">
                    <button
                        type="button"
                        class="px-button px-filters-toggle"
                        aria-expanded=move || filters_open.get().to_string()
                        aria-controls="px-filters"
                        on:click=move |_| filters_open.update(|o| *o = !*o)
                    >
                        "Filters"
                        <span class="px-badge" class:px-hidden=move || n_active() == 0>{n_active}</span>
                    </button>
                    {reader_button}
                    <SharePanel query=query_signal sync_url />
                </div>
            </div>
            <div class="px-layout">
                <aside
                    id="px-filters"
                    class="px-sidebar"
                    class:px-sidebar--open=move || filters_open.get()
                    aria-label="Filters"
                >
                    {filters}
                </aside>
                {panel}
            </div>
            {footer}
            <MarkTooltip />
        </div>
    }
}
