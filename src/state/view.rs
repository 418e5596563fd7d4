//! Which view the reader has open.

use leptos::prelude::*;

/// The views of the app, switchable without reload.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum ViewKind {
    #[default]
    Compare,
    Remarks,
    Claims,
    Actors,
    Quotes,
}

impl ViewKind {
    pub const ALL: [ViewKind; 5] = [
        ViewKind::Compare,
        ViewKind::Remarks,
        ViewKind::Claims,
        ViewKind::Actors,
        ViewKind::Quotes,
    ];

    /// URL form.
    pub const fn as_str(self) -> &'static str {
        match self {
            ViewKind::Compare => "compare",
            ViewKind::Remarks => "remarks",
            ViewKind::Claims => "claims",
            ViewKind::Actors => "actors",
            ViewKind::Quotes => "quotes",
        }
    }

    pub fn parse(s: &str) -> Option<ViewKind> {
        ViewKind::ALL.into_iter().find(|v| v.as_str() == s)
    }

    /// Tab label.
    pub const fn label(self) -> &'static str {
        match self {
            ViewKind::Compare => "Compare",
            ViewKind::Remarks => "Remarks",
            ViewKind::Claims => "Claims",
            ViewKind::Actors => "Actors",
            ViewKind::Quotes => "Quotes",
        }
    }
}

/// Context handle for the open view.
#[derive(Clone, Copy, Debug)]
pub struct ViewState(pub RwSignal<ViewKind>);

pub fn use_view() -> ViewState {
    expect_context::<ViewState>()
}

/// A passage another view asked the Compare view to bring into view and focus: which
/// article, and the element id of the passage (or of the whole column).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Reveal {
    pub article_idx: usize,
    pub target: String,
}

/// Context handle for the passage to reveal once the Compare view is open. Compare takes
/// it (and clears it): a windowed strip first scrolls the outlet's column into the DOM.
#[derive(Clone, Copy, Debug)]
pub struct RevealState(pub RwSignal<Option<Reveal>>);

pub fn use_reveal() -> RevealState {
    expect_context::<RevealState>()
}
