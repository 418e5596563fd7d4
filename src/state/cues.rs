//! The cue filter: quotations only, hedged statements, anonymous sourcing.

use crate::view_model::CueFlags;
use leptos::prelude::*;

/// One kind of passage the reader can ask for.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CueChoice {
    Quotes,
    Hedged,
    Anonymous,
}

impl CueChoice {
    pub const ALL: [CueChoice; 3] = [CueChoice::Quotes, CueChoice::Hedged, CueChoice::Anonymous];

    pub const fn as_str(self) -> &'static str {
        match self {
            CueChoice::Quotes => "quotes",
            CueChoice::Hedged => "hedged",
            CueChoice::Anonymous => "anonymous",
        }
    }
    pub fn parse(s: &str) -> Option<CueChoice> {
        CueChoice::ALL.into_iter().find(|c| c.as_str() == s)
    }
    pub const fn label(self) -> &'static str {
        match self {
            CueChoice::Quotes => "Quotations only",
            CueChoice::Hedged => "Hedged statements",
            CueChoice::Anonymous => "Anonymous sourcing",
        }
    }
    pub const fn flag(self) -> CueFlags {
        match self {
            CueChoice::Quotes => CueFlags::QUOTE,
            CueChoice::Hedged => CueFlags::HEDGE,
            CueChoice::Anonymous => CueFlags::ANONYMOUS,
        }
    }
}

/// Chosen cue kinds; a passage passes when it carries any of them (or none is chosen).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CueFilter(pub CueFlags);

impl CueFilter {
    pub fn matches(self, flags: CueFlags) -> bool {
        self.0.is_empty() || self.0.intersects(flags)
    }
    pub fn has(self, choice: CueChoice) -> bool {
        self.0.contains(choice.flag())
    }
    pub fn set(&mut self, choice: CueChoice, on: bool) {
        self.0 = if on {
            self.0.union(choice.flag())
        } else {
            self.0.without(choice.flag())
        };
    }
    /// Chosen kinds in a fixed order.
    pub fn choices(self) -> impl Iterator<Item = CueChoice> {
        CueChoice::ALL.into_iter().filter(move |c| self.has(*c))
    }
}

/// Context handle for the cue filter.
#[derive(Clone, Copy, Debug)]
pub struct CueFilterState(pub RwSignal<CueFilter>);

pub fn use_cue_filter() -> CueFilterState {
    expect_context::<CueFilterState>()
}
