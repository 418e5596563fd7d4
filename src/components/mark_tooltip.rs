//! The one tooltip that says why a mark was made. Marks carry their reason in `data-why`
//! and point at this tooltip with `aria-describedby`; a container's hover and focus
//! events (see [`tooltip_events`]) fill it, so thousands of marks need no listeners.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Id of the tooltip element that marks reference.
pub const TOOLTIP_ID: &str = "px-tip";

/// What the tooltip shows and where (viewport coordinates of the mark's box).
#[derive(Clone, Debug, PartialEq)]
pub struct Tip {
    pub text: String,
    pub left: f64,
    pub top: f64,
    pub bottom: f64,
}

/// Context handle for the tooltip.
#[derive(Clone, Copy, Debug)]
pub struct TooltipState(pub RwSignal<Option<Tip>>);

/// Shows the reason of the mark under `event`'s target, or hides the tooltip.
pub fn follow(event: &web_sys::Event, show: bool) {
    let Some(state) = use_context::<TooltipState>() else {
        return;
    };
    let mark = event
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .and_then(|el| el.closest("[data-why]").ok().flatten());
    match (mark, show) {
        (Some(mark), true) => {
            let rect = mark.get_bounding_client_rect();
            let text = mark.get_attribute("data-why").unwrap_or_default();
            state.0.set(Some(Tip {
                text,
                left: rect.left(),
                top: rect.top(),
                bottom: rect.bottom(),
            }));
        }
        _ => state.0.set(None),
    }
}

/// The handlers of a container of marks: hover and focus show the reason, Escape hides it.
#[derive(Clone, Copy)]
pub struct TooltipEvents {
    pub over: fn(web_sys::MouseEvent),
    pub out: fn(web_sys::MouseEvent),
    pub focus_in: fn(web_sys::FocusEvent),
    pub focus_out: fn(web_sys::FocusEvent),
    pub key: fn(web_sys::KeyboardEvent),
}

pub fn tooltip_events() -> TooltipEvents {
    TooltipEvents {
        over: |e| follow(&e, true),
        out: |e| follow(&e, false),
        focus_in: |e| follow(&e, true),
        focus_out: |e| follow(&e, false),
        key: |e| {
            if e.key() == "Escape" {
                follow(&e, false);
            }
        },
    }
}

/// The tooltip element, placed under (or above) the mark it explains.
#[component]
pub fn MarkTooltip() -> impl IntoView {
    let state = expect_context::<TooltipState>();
    // Where the tip goes: (left, top, bottom) in px, one of top/bottom set. Applied through
    // CSSOM properties (`style:`), never a `style` attribute, which the page's Content
    // Security Policy (`style-src 'self'`) would block.
    let place = move || {
        state.0.with(|tip| {
            tip.as_ref().map(|tip| {
                let (width, height) = web_sys::window()
                    .map(|w| {
                        let n =
                            |v: Result<wasm_bindgen::JsValue, _>| v.ok().and_then(|v| v.as_f64());
                        (
                            n(w.inner_width()).unwrap_or(1024.0),
                            n(w.inner_height()).unwrap_or(768.0),
                        )
                    })
                    .unwrap_or((1024.0, 768.0));
                let left = tip.left.clamp(8.0, (width - 328.0).max(8.0));
                if tip.bottom + 120.0 > height {
                    (left, None, Some(height - tip.top + 6.0))
                } else {
                    (left, Some(tip.bottom + 6.0), None)
                }
            })
        })
    };
    // No value, no property (`auto`): the tip rendered before any mark was hovered — the
    // prerendered first view's — has no style at all.
    // Whole pixels, printed as an integer.
    let px = |v: Option<f64>| v.map(|v| format!("{}px", v.round() as i64));
    view! {
        <div
            id=TOOLTIP_ID
            class="px-tip"
            role="tooltip"
            hidden=move || state.0.with(Option::is_none)
            style:left=move || px(place().map(|p| p.0))
            style:top=move || px(place().and_then(|p| p.1))
            style:bottom=move || px(place().and_then(|p| p.2))
        >
            {move || state.0.with(|t| t.as_ref().map(|t| t.text.clone()))}
        </div>
    }
}
