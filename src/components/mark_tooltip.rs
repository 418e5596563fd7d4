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

/// Handlers for a container of marks: hover and focus show the reason, Escape hides it.
pub fn tooltip_events() -> (
    impl Fn(web_sys::MouseEvent) + Copy,
    impl Fn(web_sys::MouseEvent) + Copy,
    impl Fn(web_sys::FocusEvent) + Copy,
    impl Fn(web_sys::FocusEvent) + Copy,
    impl Fn(web_sys::KeyboardEvent) + Copy,
) {
    (
        |e: web_sys::MouseEvent| follow(&e, true),
        |e: web_sys::MouseEvent| follow(&e, false),
        |e: web_sys::FocusEvent| follow(&e, true),
        |e: web_sys::FocusEvent| follow(&e, false),
        |e: web_sys::KeyboardEvent| {
            if e.key() == "Escape" {
                follow(&e, false);
            }
        },
    )
}

/// The tooltip element, placed under (or above) the mark it explains.
#[component]
pub fn MarkTooltip() -> impl IntoView {
    let state = expect_context::<TooltipState>();
    let style = move || {
        state.0.with(|tip| match tip {
            Some(tip) => {
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
                    format!("left:{left:.0}px;bottom:{:.0}px", height - tip.top + 6.0)
                } else {
                    format!("left:{left:.0}px;top:{:.0}px", tip.bottom + 6.0)
                }
            }
            None => String::new(),
        })
    };
    view! {
        <div
            id=TOOLTIP_ID
            class="px-tip"
            role="tooltip"
            hidden=move || state.0.with(Option::is_none)
            style=style
        >
            {move || state.0.with(|t| t.as_ref().map(|t| t.text.clone()).unwrap_or_default())}
        </div>
    }
}
