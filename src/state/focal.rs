//! The focal actor of the Remarks view; `None` means the corpus's most central speaker.

use leptos::prelude::*;
use parallax_engine::ActorId;

/// Context handle for the focal actor chosen by the reader.
#[derive(Clone, Copy, Debug)]
pub struct FocalState(pub RwSignal<Option<ActorId>>);

pub fn use_focal() -> FocalState {
    expect_context::<FocalState>()
}
