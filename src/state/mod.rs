//! What the reader chose, one small typed wrapper per piece, each provided by context:
//! the open view, the actor filter, the cue filter, the outlet filter, the focal actor of
//! the Remarks view, and notices. Each round-trips through strings for the URL
//! ([`crate::url`]). Nothing derived from the analysis is stored here.

pub mod actors;
pub mod cues;
pub mod focal;
pub mod notices;
pub mod outlets;
pub mod reader;
pub mod view;

use crate::view_model::ViewModel;
use leptos::prelude::*;
use std::sync::Arc;

/// Context handle for the analysed corpus, built once at start.
#[derive(Clone, Copy, Debug)]
pub struct Model(pub StoredValue<Arc<ViewModel>>);

impl Model {
    pub fn get(self) -> Arc<ViewModel> {
        self.0.get_value()
    }
}

pub fn use_model() -> Arc<ViewModel> {
    expect_context::<Model>().get()
}

/// Context handle for the filters' outcome, derived from the choices above.
#[derive(Clone, Copy, Debug)]
pub struct FilteredState(pub Memo<crate::filter::Filtered>);

pub fn use_filtered() -> Memo<crate::filter::Filtered> {
    expect_context::<FilteredState>().0
}
