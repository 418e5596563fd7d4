//! The Compare view: one column per shown outlet, side by side; a swipeable strip with an
//! outlet switcher on a phone.
//!
//! A large corpus is windowed: past [`RENDER_ALL_UP_TO`] shown outlets, only the columns in
//! view, and one more on each side, are in the DOM. A thousand full columns would be tens
//! of thousands of passages, each updated on every filter click, and seconds of layout
//! before the first one shows. The strip keeps the geometry of every column — empty grid
//! tracks stand in for the ones not rendered — so the scroll bar, scroll snapping and the
//! outlet switcher behave as if all were there.

use crate::components::outlet_column::OutletColumn;
use crate::opening::use_opening;
use crate::state::outlets::{position_label, use_outlet_filter};
use crate::state::use_model;
use crate::state::view::{Reveal, use_reveal};
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Up to this many shown outlets every column is rendered: the seeds and a reader's few
/// own articles get every outlet landmark, in the DOM, for assistive technology and print.
pub const RENDER_ALL_UP_TO: usize = 12;
/// Columns shown before the strip has been measured (a wide screen shows about four).
const FIRST_VIEW: usize = 4;
/// Columns rendered beyond each edge of the view, so a scroll by one column shows no gap.
const OVERSCAN: usize = 1;

/// Positions `[first, end)`, among `n_shown` columns, of the columns in view in a strip
/// scrolled by `scroll_left` pixels, `width` pixels wide, whose columns repeat every
/// `stride` pixels. Never empty while there are columns; before the strip is measured
/// (`stride` not positive) the first few.
pub fn columns_in_view(
    n_shown: usize,
    scroll_left: f64,
    width: f64,
    stride: f64,
) -> (usize, usize) {
    if n_shown == 0 {
        return (0, 0);
    }
    let measured = stride > 0.0 && width > 0.0;
    if !measured {
        return (0, FIRST_VIEW.min(n_shown));
    }
    let first = (scroll_left.max(0.0) / stride).floor() as usize;
    let end = ((scroll_left.max(0.0) + width) / stride).ceil() as usize;
    let first = first.min(n_shown - 1);
    (first, end.clamp(first + 1, n_shown))
}

/// The columns to render for columns `view` in view: one more on each side.
pub fn rendered(n_shown: usize, view: (usize, usize)) -> (usize, usize) {
    (
        view.0.saturating_sub(OVERSCAN).min(n_shown),
        (view.1 + OVERSCAN).min(n_shown),
    )
}

/// Outlet columns side by side.
#[component]
pub fn CompareView() -> impl IntoView {
    let vm = use_model();
    let outlets = use_outlet_filter().0;
    let shown_vm = vm.clone();
    // Article indices of the shown outlets, in corpus order: a column's position here is
    // its grid track.
    let shown = Memo::new(move |_| {
        outlets.with(|o| {
            shown_vm
                .articles
                .iter()
                .filter(|a| o.shows(a.idx))
                .map(|a| a.idx)
                .collect::<Vec<_>>()
        })
    });
    let windowed = Memo::new(move |_| shown.with(Vec::len) > RENDER_ALL_UP_TO);
    // Positions of the columns in view; only read when windowed.
    let in_view = RwSignal::new((0, FIRST_VIEW));
    let strip = NodeRef::<html::Div>::new();

    let measure = move || {
        let Some(el) = strip.get_untracked() else {
            return;
        };
        let n_shown = shown.with_untracked(Vec::len);
        if n_shown <= RENDER_ALL_UP_TO {
            return;
        }
        // Every column has a track, rendered or not: the strip's width over their number is
        // the column pitch (off by the gap divided by their number, under a pixel).
        let stride = f64::from(el.scroll_width()) / n_shown as f64;
        let view = columns_in_view(
            n_shown,
            f64::from(el.scroll_left()),
            f64::from(el.client_width()),
            stride,
        );
        if in_view.get_untracked() != view {
            in_view.set(view);
        }
    };
    // Measure once the columns are laid out, and again whenever the shown outlets change.
    Effect::new(move |_| {
        shown.track();
        request_animation_frame(measure);
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // While the app opens in steps, one more column per step.
    let opening = use_opening();
    let columns = move || {
        shown.with(|shown| {
            let (start, end) = if windowed.get() {
                rendered(shown.len(), in_view.get())
            } else {
                (0, shown.len())
            };
            let end = opening.map_or(end, |o| end.min(start.saturating_add(o.columns())));
            shown[start..end].to_vec()
        })
    };
    // Empty grid items holding the tracks of the columns not rendered, before and after.
    let lead_spacer = move || {
        let (start, _) = rendered(shown.with(Vec::len), in_view.get());
        (windowed.get() && start > 0).then(|| {
            view! {
                <div class="px-compare__spacer" aria-hidden="true" style:grid-column=format!("1 / {}", start + 1)></div>
            }
        })
    };
    let tail_spacer = move || {
        let n_shown = shown.with(Vec::len);
        let (_, end) = rendered(n_shown, in_view.get());
        (windowed.get() && end < n_shown).then(|| {
            view! {
                <div
                    class="px-compare__spacer"
                    aria-hidden="true"
                    style:grid-column=format!("{} / {}", end + 1, n_shown + 1)
                ></div>
            }
        })
    };

    let jump_vm = vm.clone();
    // Bring the column at `pos` into view (rendering it first when the strip is windowed),
    // then the element `focus` in it, if any, which also takes the focus and flashes.
    let jump = move |pos: usize, focus: Option<String>| {
        let Some(idx) = shown.with_untracked(|s| s.get(pos).copied()) else {
            return;
        };
        let column_id = format!("px-col-{}", jump_vm.articles[idx].key);
        let scroll = move || {
            let document = web_sys::window().and_then(|w| w.document());
            let Some(document) = document else {
                return;
            };
            let target = focus
                .as_deref()
                .and_then(|id| document.get_element_by_id(id))
                .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok());
            match target {
                Some(el) => {
                    el.scroll_into_view();
                    let _ = el.set_attribute("tabindex", "-1");
                    let _ = el.focus();
                    let _ = el.class_list().add_1("px-flash");
                }
                None => {
                    if let Some(column) = document.get_element_by_id(&column_id) {
                        column.scroll_into_view();
                    }
                }
            }
        };
        if windowed.get_untracked() {
            // Scroll the strip to the column's track, which renders it, then bring it
            // into view vertically as the phone's buttons do.
            if let Some(el) = strip.get_untracked() {
                let n_shown = shown.with_untracked(Vec::len);
                let stride = f64::from(el.scroll_width()) / n_shown as f64;
                el.set_scroll_left((pos as f64 * stride).round() as i32);
                measure();
            }
            request_animation_frame(scroll);
        } else {
            scroll();
        }
    };

    // A passage another view asked to show (Remarks' links): once laid out, jump to it.
    let reveal = use_reveal().0;
    let reveal_jump = jump.clone();
    Effect::new(move |_| {
        let Some(Reveal {
            article_idx,
            target,
        }) = reveal.get()
        else {
            return;
        };
        reveal.set(None);
        let jump = reveal_jump.clone();
        request_animation_frame(move || {
            if let Some(pos) = shown.with_untracked(|s| s.iter().position(|&a| a == article_idx)) {
                jump(pos, Some(target));
            }
        });
    });

    let strip_vm = vm.clone();
    let buttons_jump = jump.clone();
    let switcher = move || {
        if windowed.get() {
            let jump = jump.clone();
            let options = shown.with(|shown| {
                shown
                    .iter()
                    .enumerate()
                    .map(|(pos, &idx)| {
                        view! { <option value=pos.to_string()>{strip_vm.articles[idx].name.clone()}</option> }
                    })
                    .collect_view()
            });
            let position = move || {
                let (first, end) = in_view.get();
                position_label(first..end, shown.with(Vec::len))
            };
            view! {
                <label class="px-outlet-strip__label" for="px-outlet-jump">"Go to outlet"</label>
                <select
                    id="px-outlet-jump"
                    class="px-select px-outlet-strip__select"
                    prop:value=move || in_view.get().0.to_string()
                    on:change=move |e| {
                        if let Ok(pos) = event_target_value(&e).parse::<usize>() {
                            jump(pos, None);
                        }
                    }
                >
                    {options}
                </select>
                <span class="px-outlet-strip__position">{position}</span>
            }
            .into_any()
        } else {
            let jump = buttons_jump.clone();
            let strip_vm = strip_vm.clone();
            let buttons = shown.with(|shown| {
                shown
                    .iter()
                    .enumerate()
                    .map(|(pos, &idx)| {
                        let jump = jump.clone();
                        view! {
                            <button type="button" class="px-outlet-strip__btn" on:click=move |_| jump(pos, None)>
                                {strip_vm.articles[idx].name.clone()}
                            </button>
                        }
                    })
                    .collect_view()
            });
            buttons.into_any()
        }
    };
    view! {
        <div class="px-compare-view">
            <nav
                class="px-outlet-strip"
                class:px-outlet-strip--many=move || windowed.get()
                aria-label="Jump to an outlet"
            >
                {switcher}
            </nav>
            <div class="px-compare" data-testid="compare" node_ref=strip on:scroll=move |_| measure()>
                {lead_spacer}
                <For each=columns key=|idx| *idx let:idx>
                    <OutletColumn article_idx=idx />
                </For>
                {tail_spacer}
            </div>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A strip of `n_shown` columns every `stride` px, `width` px wide, scrolled by
    /// `scroll_left` px, and the columns in view expected.
    struct Case {
        name: &'static str,
        n_shown: usize,
        scroll_left: f64,
        width: f64,
        stride: f64,
        expected: (usize, usize),
    }

    #[test]
    fn the_columns_in_view_follow_the_scroll_position() {
        let case = |name, n_shown, scroll_left, width, stride, expected| Case {
            name,
            n_shown,
            scroll_left,
            width,
            stride,
            expected,
        };
        let cases = [
            case("no columns", 0, 0.0, 1000.0, 316.0, (0, 0)),
            case("not measured yet", 1000, 0.0, 0.0, 0.0, (0, FIRST_VIEW)),
            case("not measured, few columns", 2, 0.0, 0.0, 0.0, (0, 2)),
            case("at the start", 1000, 0.0, 1000.0, 316.0, (0, 4)),
            case("one column on", 1000, 316.0, 1000.0, 316.0, (1, 5)),
            case("partway into a column", 1000, 500.0, 1000.0, 316.0, (1, 5)),
            case("at the end", 1000, 315_000.0, 1000.0, 316.0, (996, 1000)),
            case(
                "scrolled past the end",
                1000,
                1e9,
                1000.0,
                316.0,
                (999, 1000),
            ),
            case("a phone shows one column", 50, 1053.0, 351.0, 351.0, (3, 4)),
        ];
        for c in cases {
            assert_eq!(
                columns_in_view(c.n_shown, c.scroll_left, c.width, c.stride),
                c.expected,
                "{}",
                c.name
            );
        }
    }

    #[test]
    fn one_more_column_is_rendered_on_each_side_within_bounds() {
        assert_eq!(rendered(1000, (0, 4)), (0, 5));
        assert_eq!(rendered(1000, (10, 14)), (9, 15));
        assert_eq!(rendered(1000, (996, 1000)), (995, 1000));
        assert_eq!(rendered(0, (0, 0)), (0, 0));
    }
}
