//! The outlet filter: which articles (outlet columns) are shown.

use leptos::prelude::*;

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
