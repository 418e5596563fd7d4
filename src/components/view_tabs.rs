//! The tabs that switch between views, following the WAI-ARIA tabs pattern (arrow keys
//! move between tabs, only the selected tab is in the Tab order).

use crate::state::view::{ViewKind, use_view};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Id of a view's tab button.
pub fn tab_id(view: ViewKind) -> String {
    format!("px-tab-{}", view.as_str())
}

/// Id of the panel that shows a view.
pub fn panel_id(view: ViewKind) -> String {
    format!("px-panel-{}", view.as_str())
}

/// One line under each tab label saying what the view shows.
const fn hint(view: ViewKind) -> &'static str {
    match view {
        ViewKind::Compare => "articles side by side",
        ViewKind::Remarks => "what one actor said, per outlet",
        ViewKind::Claims => "who reports what",
        ViewKind::Actors => "who appears where",
        ViewKind::Quotes => "every quotation",
    }
}

/// The view switcher.
#[component]
pub fn ViewTabs() -> impl IntoView {
    let view_state = use_view();
    let select = move |view: ViewKind, focus: bool| {
        view_state.0.set(view);
        if focus {
            let focused = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(&tab_id(view)))
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(el) = focused {
                let _ = el.focus();
            }
        }
    };
    let on_key = move |e: web_sys::KeyboardEvent| {
        let all = ViewKind::ALL;
        let at = all
            .iter()
            .position(|v| *v == view_state.0.get_untracked())
            .unwrap_or(0);
        let next = match e.key().as_str() {
            "ArrowRight" => Some(all[(at + 1) % all.len()]),
            "ArrowLeft" => Some(all[(at + all.len() - 1) % all.len()]),
            "Home" => Some(all[0]),
            "End" => Some(all[all.len() - 1]),
            _ => None,
        };
        if let Some(view) = next {
            e.prevent_default();
            select(view, true);
        }
    };
    // On a narrow screen the tabs scroll sideways: keep the selected one in view, or a link
    // to the last view opens on a phone with its tab off screen.
    let list = NodeRef::<leptos::html::Div>::new();
    Effect::new(move |_| {
        let view = view_state.0.get();
        request_animation_frame(move || {
            let (Some(list), Some(tab)) = (
                list.get_untracked(),
                document().get_element_by_id(&tab_id(view)),
            ) else {
                return;
            };
            let (shown, tab) = (
                list.get_bounding_client_rect(),
                tab.get_bounding_client_rect(),
            );
            // Whole pixels, rounded away from zero so that the tab ends fully in sight.
            let shift = if tab.left() < shown.left() {
                (tab.left() - shown.left()).floor()
            } else if tab.right() > shown.right() {
                (tab.right() - shown.right()).ceil()
            } else {
                0.0
            };
            if shift != 0.0 {
                list.set_scroll_left(list.scroll_left() + shift as i32);
            }
        });
    });
    let tabs = ViewKind::ALL
        .into_iter()
        .map(|view| {
            let selected = move || view_state.0.get() == view;
            view! {
                <button
                    type="button"
                    role="tab"
                    class="px-tab"
                    id=tab_id(view)
                    data-testid=format!("tab-{}", view.as_str())
                    aria-selected=move || selected().to_string()
                    aria-controls=move || selected().then(|| panel_id(view))
                    tabindex=move || if selected() { "0" } else { "-1" }
                    on:click=move |_| select(view, false)
                >
                    <span class="px-tab__label">{view.label()}</span>
                    <span class="px-tab__hint">{hint(view)}</span>
                </button>
            }
        })
        .collect_view();
    view! {
        <div class="px-tabs" role="tablist" aria-label="Views" on:keydown=on_key node_ref=list>
            {tabs}
        </div>
    }
}
