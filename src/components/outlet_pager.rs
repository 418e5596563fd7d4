//! The outlet columns of the matrix views (Claims, Actors, Remarks): past [`MATRIX_PAGE`]
//! shown outlets they come a page at a time, with previous and next buttons
//! ([`OutletPager`]).

use crate::state::outlets::{MATRIX_PAGE, n_pages, page_range, position_label};
use leptos::prelude::*;

/// Which outlets a matrix view gives a column.
#[derive(Clone, Copy)]
pub struct OutletPages {
    /// Article indices of the outlets the outlet filter shows, ascending.
    pub shown: Memo<Vec<usize>>,
    /// The page shown, from 0.
    pub page: RwSignal<usize>,
    /// The outlets with a column: every shown one, or the page of them. Ascending.
    pub columns: Memo<Vec<usize>>,
}

impl OutletPages {
    /// The pages of `shown` (article indices, ascending), from the first.
    pub fn new(shown: Memo<Vec<usize>>) -> OutletPages {
        let page = RwSignal::new(0);
        let columns = Memo::new(move |_| {
            shown.with(|s| s[page_range(s.len(), page.get(), MATRIX_PAGE)].to_vec())
        });
        OutletPages {
            shown,
            page,
            columns,
        }
    }

    /// The pages of the view model's articles the filters show.
    pub fn of_filtered() -> OutletPages {
        let vm = crate::state::use_model();
        let filtered = crate::state::use_filtered();
        OutletPages::new(Memo::new(move |_| {
            filtered.with(|f| {
                vm.articles
                    .iter()
                    .filter(|a| f.shown(a.idx))
                    .map(|a| a.idx)
                    .collect::<Vec<_>>()
            })
        }))
    }

    /// Number of shown outlets.
    pub fn n_shown(self) -> usize {
        self.shown.with(Vec::len)
    }
}

/// The head row of a matrix view's table: `corner` above the row labels, then the name of
/// each outlet with a column.
#[component]
pub fn MatrixHead(
    /// What the rows are ("Claim", "Actor").
    corner: &'static str,
    corner_class: &'static str,
    /// Class of each outlet's header cell, if any.
    #[prop(optional)]
    outlet_class: Option<&'static str>,
    columns: Memo<Vec<usize>>,
) -> impl IntoView {
    let vm = crate::state::use_model();
    view! {
        <thead>
            <tr>
                <th scope="col" class=corner_class>{corner}</th>
                <For each=move || columns.get() key=|idx| *idx let:idx>
                    <th scope="col" class=outlet_class>{vm.articles[idx].name.clone()}</th>
                </For>
            </tr>
        </thead>
    }
}

/// "Outlets 9–16 of 1,000" between previous and next buttons: which page of outlet columns
/// a matrix view shows. Nothing while every shown outlet fits on one page.
#[component]
pub fn OutletPager(pages: OutletPages) -> impl IntoView {
    let OutletPages { page, .. } = pages;
    let n_shown = move || pages.n_shown();
    let last = move || n_pages(n_shown(), MATRIX_PAGE) - 1;
    let at = move || page.get().min(last());
    let at_first = move || at() == 0;
    let at_last = move || at() >= last();
    let position =
        move || position_label(page_range(n_shown(), page.get(), MATRIX_PAGE), n_shown());
    move || {
        (n_shown() > MATRIX_PAGE).then(|| {
            view! {
                <div class="px-pager" data-testid="outlet-pager">
                    <button
                        type="button"
                        class="px-button px-button--small"
                        prop:disabled=at_first
                        on:click=move |_| page.set(at().saturating_sub(1))
                    >
                        "‹ Previous outlets"
                    </button>
                    <span class="px-pager__position">{position}</span>
                    <button
                        type="button"
                        class="px-button px-button--small"
                        prop:disabled=at_last
                        on:click=move |_| page.set((at() + 1).min(last()))
                    >
                        "Next outlets ›"
                    </button>
                </div>
            }
        })
    }
}
