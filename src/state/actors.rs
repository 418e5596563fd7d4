//! The actor filter: which actors the reader follows, whether passages must name any or
//! all of them, and whether other passages are hidden or dimmed.

use leptos::prelude::*;
use parallax_engine::ActorId;

/// Whether a passage must name any or all of the chosen actors.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Match {
    #[default]
    Any,
    All,
}

impl Match {
    pub const fn as_str(self) -> &'static str {
        match self {
            Match::Any => "any",
            Match::All => "all",
        }
    }
    pub fn parse(s: &str) -> Option<Match> {
        match s {
            "any" => Some(Match::Any),
            "all" => Some(Match::All),
            _ => None,
        }
    }
}

/// What happens to passages the filters leave out.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub enum Others {
    #[default]
    Hide,
    Dim,
}

impl Others {
    pub const fn as_str(self) -> &'static str {
        match self {
            Others::Hide => "hide",
            Others::Dim => "dim",
        }
    }
    pub fn parse(s: &str) -> Option<Others> {
        match s {
            "hide" => Some(Others::Hide),
            "dim" => Some(Others::Dim),
            _ => None,
        }
    }
}

/// The chosen actors (sorted, no repeats) and how they combine.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct ActorSelection {
    pub chosen: Vec<ActorId>,
    pub mode: Match,
    pub others: Others,
}

impl ActorSelection {
    pub fn is_chosen(&self, actor: ActorId) -> bool {
        self.chosen.binary_search(&actor).is_ok()
    }

    pub fn set(&mut self, actor: ActorId, on: bool) {
        match (self.chosen.binary_search(&actor), on) {
            (Err(at), true) => self.chosen.insert(at, actor),
            (Ok(at), false) => {
                self.chosen.remove(at);
            }
            _ => {}
        }
    }

    pub fn toggle(&mut self, actor: ActorId) {
        let on = !self.is_chosen(actor);
        self.set(actor, on);
    }

    /// Whether a passage naming `present` (sorted) passes; always true with no actor chosen.
    pub fn matches(&self, present: &[ActorId]) -> bool {
        if self.chosen.is_empty() {
            return true;
        }
        let named = |a: &ActorId| present.binary_search(a).is_ok();
        match self.mode {
            Match::Any => self.chosen.iter().any(named),
            Match::All => self.chosen.iter().all(named),
        }
    }
}

/// Context handle for the actor filter.
#[derive(Clone, Copy, Debug)]
pub struct ActorFilterState(pub RwSignal<ActorSelection>);

pub fn use_actor_filter() -> ActorFilterState {
    expect_context::<ActorFilterState>()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passages_match_any_or_all_chosen_actors_as_the_table_says() {
        // (what it shows, chosen actors, match, the passage's actors, shown?)
        type Case<'a> = (&'a str, &'a [ActorId], Match, &'a [ActorId], bool);
        let cases: &[Case] = &[
            (
                "no choice lets everything through",
                &[],
                Match::All,
                &[],
                true,
            ),
            (
                "any: one of two is enough",
                &[1, 4],
                Match::Any,
                &[4, 9],
                true,
            ),
            (
                "any: none of them fails",
                &[1, 4],
                Match::Any,
                &[2, 3],
                false,
            ),
            ("all: both are needed", &[1, 4], Match::All, &[1, 9], false),
            (
                "all: both present passes",
                &[1, 4],
                Match::All,
                &[0, 1, 4],
                true,
            ),
        ];
        for (name, chosen, mode, present, expected) in cases {
            let s = ActorSelection {
                chosen: chosen.to_vec(),
                mode: *mode,
                others: Others::Hide,
            };
            assert_eq!(s.matches(present), *expected, "{name}");
        }
    }
}
