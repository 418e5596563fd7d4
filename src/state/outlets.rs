//! The outlet filter: which articles (outlet columns) are shown, and the pages of outlet
//! columns the matrix views show when there are many.

use leptos::prelude::*;
use std::ops::Range;

/// Outlet columns per page in the matrix views (Claims, Actors). Up to this many shown
/// outlets a matrix shows them all; past it (a newsroom's thousand articles) a page at a
/// time, since a thousand columns are neither readable nor quick to lay out.
pub const MATRIX_PAGE: usize = 8;

/// Positions, among `n_shown` shown outlets, of the columns on page `page` (pages of
/// `per_page`); a page past the end is clamped to the last one.
pub fn page_range(n_shown: usize, page: usize, per_page: usize) -> Range<usize> {
    if n_shown == 0 || per_page == 0 {
        return 0..0;
    }
    let page = page.min(n_pages(n_shown, per_page) - 1);
    let start = page * per_page;
    start..(start + per_page).min(n_shown)
}

/// "Outlets 9–16 of 1,000": where the columns `range` (positions among `n_shown`) are.
pub fn position_label(range: Range<usize>, n_shown: usize) -> String {
    format!(
        "Outlets {}–{} of {}",
        thousands(range.start + 1),
        thousands(range.end),
        thousands(n_shown)
    )
}

/// `n` with commas between thousands, as English prose writes it ("1,000").
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Number of pages of `per_page` columns for `n_shown` outlets (at least one).
pub fn n_pages(n_shown: usize, per_page: usize) -> usize {
    n_shown.div_ceil(per_page.max(1)).max(1)
}

/// Article indices the reader has hidden, sorted; empty means every outlet is shown.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct OutletFilter {
    pub hidden: Vec<usize>,
}

impl OutletFilter {
    pub fn shows(&self, article_idx: usize) -> bool {
        self.hidden.binary_search(&article_idx).is_err()
    }

    /// Shows or hides one outlet; the last shown outlet cannot be hidden.
    pub fn set(&mut self, article_idx: usize, shown: bool, n_articles: usize) {
        match (self.hidden.binary_search(&article_idx), shown) {
            (Ok(at), true) => {
                self.hidden.remove(at);
            }
            (Err(at), false) if self.hidden.len() + 1 < n_articles => {
                self.hidden.insert(at, article_idx)
            }
            _ => {}
        }
    }
}

/// Context handle for the outlet filter.
#[derive(Clone, Copy, Debug)]
pub struct OutletFilterState(pub RwSignal<OutletFilter>);

pub fn use_outlet_filter() -> OutletFilterState {
    expect_context::<OutletFilterState>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_cover_every_shown_outlet_once_and_clamp_past_the_end() {
        let cases: &[(&str, usize, usize, Range<usize>)] = &[
            ("no outlets", 0, 0, 0..0),
            ("fewer than a page", 5, 0, 0..5),
            ("a full first page", 1000, 0, 0..8),
            ("a middle page", 1000, 3, 24..32),
            ("the last, short page", 1000, 124, 992..1000),
            ("past the end: the last page", 1000, 500, 992..1000),
        ];
        for (name, n_shown, page, expected) in cases {
            assert_eq!(
                &page_range(*n_shown, *page, MATRIX_PAGE),
                expected,
                "{name}"
            );
        }
        assert_eq!(n_pages(0, MATRIX_PAGE), 1);
        assert_eq!(n_pages(8, MATRIX_PAGE), 1);
        assert_eq!(n_pages(1000, MATRIX_PAGE), 125);
    }

    #[test]
    fn positions_read_as_prose_with_thousands_separated() {
        assert_eq!(position_label(0..5, 5), "Outlets 1–5 of 5");
        assert_eq!(position_label(8..16, 1000), "Outlets 9–16 of 1,000");
        assert_eq!(
            position_label(999..1000, 1000),
            "Outlets 1,000–1,000 of 1,000"
        );
        assert_eq!(position_label(0..8, 1_234_567), "Outlets 1–8 of 1,234,567");
    }
}
