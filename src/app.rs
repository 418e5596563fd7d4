//! The app shell: loads and analyses the bundled corpus once, provides the reader's
//! choices by context, keeps them in the URL, and lays out the header, filters and views.

use crate::components::actor_filter::ActorFilter;
use crate::components::actors_heatmap::ActorsHeatmap;
use crate::components::claims_matrix::ClaimsMatrix;
use crate::components::compare_view::CompareView;
use crate::components::cue_filter::CueFilter;
use crate::components::error_panel::ErrorPanel;
use crate::components::mark_tooltip::{MarkTooltip, TooltipState};
use crate::components::notice::NoticeList;
use crate::components::outlet_filter::OutletFilter;
use crate::components::quotes_view::QuotesView;
use crate::components::remarks_view::RemarksView;
use crate::components::view_tabs::{ViewTabs, panel_id, tab_id};
use crate::filter::{self, Criteria};
use crate::state::actors::ActorFilterState;
use crate::state::cues::CueFilterState;
use crate::state::focal::FocalState;
use crate::state::notices::Notices;
use crate::state::outlets::OutletFilterState;
use crate::state::view::{ViewKind, ViewState};
use crate::state::{FilteredState, Model};
use crate::url::{self, Snapshot};
use crate::view_model::ViewModel;
use leptos::prelude::*;
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
            let vm = Arc::new(ViewModel::build(bundle));
            view! { <Shell vm options /> }.into_any()
        }
        Err(message) => view! { <div class="px-app"><ErrorPanel message /></div> }.into_any(),
    }
}

#[component]
fn Shell(vm: Arc<ViewModel>, options: HostOptions) -> impl IntoView {
    let pairs = if options.sync_url {
        url::parse_query(&url::read_search())
    } else {
        options.initial.clone()
    };
    let (snap, url_notices) = url::from_pairs(&pairs, &vm);

    let view_kind = RwSignal::new(snap.view);
    let actors = RwSignal::new(snap.actors);
    let cues = RwSignal::new(snap.cues);
    let outlets = RwSignal::new(snap.outlets);
    let focal = RwSignal::new(snap.focal);
    let notices = Notices(RwSignal::new(Vec::new()));
    for text in vm.warnings.iter().cloned().chain(url_notices) {
        notices.push(text);
    }
    provide_context(Model(StoredValue::new(vm.clone())));
    provide_context(ViewState(view_kind));
    provide_context(ActorFilterState(actors));
    provide_context(CueFilterState(cues));
    provide_context(OutletFilterState(outlets));
    provide_context(FocalState(focal));
    provide_context(notices);
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

    if options.sync_url {
        let sync_vm = vm.clone();
        // The URL mirrors the choices; the first run only tidies the address the page
        // was opened with (ignored values dropped), later runs add history entries.
        Effect::new(move |ran: Option<()>| {
            let snap = Snapshot {
                view: view_kind.get(),
                actors: actors.get(),
                cues: cues.get(),
                outlets: outlets.get(),
                focal: focal.get(),
            };
            let query = url::to_query(&url::read_search(), &snap, &sync_vm);
            url::write_search(&query, ran.is_some());
        });
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

    view! {
        <div class="px-app" data-testid="parallax">
            <header class="px-masthead">
                <div class="px-brand">
                    <span class="px-brand__mark" aria-hidden="true"></span>
                    <span class="px-brand__name">"Parallax"</span>
                </div>
                <h1 class="px-masthead__title">"One story, " {n_outlets} " outlets: how each one framed it"</h1>
                <p class="px-masthead__meta">
                    {format!("{n_outlets} articles · {n_actors} actors · analysed in your browser")}
                </p>
            </header>
            <NoticeList />
            <div class="px-toolbar">
                <ViewTabs />
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
            </div>
            <div class="px-layout">
                <aside
                    id="px-filters"
                    class="px-sidebar"
                    class:px-sidebar--open=move || filters_open.get()
                    aria-label="Filters"
                >
                    <ActorFilter />
                    <CueFilter />
                    <OutletFilter />
                </aside>
                <main
                    class="px-main"
                    id=move || panel_id(view_kind.get())
                    role="tabpanel"
                    aria-labelledby=move || tab_id(view_kind.get())
                >
                    {current}
                </main>
            </div>
            <footer class="px-footer">
                <p>
                    "Everything here is computed from the articles’ own text, in your browser. "
                    "Marks show what a reader can check: hover or focus one to see why it was marked."
                </p>
            </footer>
            <MarkTooltip />
        </div>
    }
}
