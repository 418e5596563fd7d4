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

/// How many actors the filter lists before the reader asks for all of them: the most
/// mentioned, which are also the ones with a highlight colour
/// ([`N_COLOURS`](crate::view_model::N_COLOURS)).
pub const SHORT_LIST: usize = crate::view_model::N_COLOURS;

/// A list at most this long is shown whole: hiding one or two actors behind a button
/// saves nothing.
pub const COLLAPSE_OVER: usize = SHORT_LIST + 2;

/// Whether a list of `n_actors` is cut short until the reader asks for all of it.
pub const fn is_collapsible(n_actors: usize) -> bool {
    n_actors > COLLAPSE_OVER
}

/// The actors the filter lists, in the order of `order` (most mentioned first).
///
/// A search (`matches`, whether an actor matches it) lists every actor it matches.
/// Without one, a long list is cut to its first [`SHORT_LIST`] until the reader expands
/// it; `pinned` actors (those chosen since the list was last collapsed) are listed
/// wherever they rank, so a chosen actor always has its checkbox on screen and a row
/// never vanishes from under the pointer or the keyboard focus when it is unchecked.
pub fn listed(
    order: &[ActorId],
    matches: Option<&dyn Fn(ActorId) -> bool>,
    expanded: bool,
    pinned: &[ActorId],
) -> Vec<ActorId> {
    let cut = matches.is_none() && !expanded && is_collapsible(order.len());
    order
        .iter()
        .enumerate()
        .filter(|&(rank, &id)| match matches {
            Some(matches) => matches(id),
            None => !cut || rank < SHORT_LIST || pinned.contains(&id),
        })
        .map(|(_, &id)| id)
        .collect()
}

/// The actors pinned to the short list: those chosen since it was last collapsed. While
/// the list is collapsed they accumulate (`before` is the last value), so unchecking an
/// actor keeps its row; expanding the list and collapsing it again starts afresh from the
/// actors chosen then.
pub fn pinned(before: Option<&[ActorId]>, chosen: &[ActorId], expanded: bool) -> Vec<ActorId> {
    let mut pinned = match before {
        Some(before) if !expanded => before.to_vec(),
        _ => Vec::new(),
    };
    for &id in chosen {
        if !pinned.contains(&id) {
            pinned.push(id);
        }
    }
    pinned
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

    #[test]
    fn a_long_list_is_cut_to_the_most_mentioned_and_the_pinned_actors() {
        let order: Vec<ActorId> = (0..20).rev().collect();
        // Collapsed: the first SHORT_LIST in order, then a pinned actor further down, in
        // its place.
        let short = listed(&order, None, false, &[2]);
        assert_eq!(short.len(), SHORT_LIST + 1);
        assert_eq!(&short[..SHORT_LIST], &order[..SHORT_LIST]);
        assert_eq!(short[SHORT_LIST], 2);
        // A pinned actor already in the short list is not listed twice.
        assert_eq!(listed(&order, None, false, &[order[0]]).len(), SHORT_LIST);
        // Expanded: everyone, in order.
        assert_eq!(listed(&order, None, true, &[]), order);
        // A search lists all it matches, however many.
        let matching: Vec<ActorId> = order[5..].to_vec();
        let matches = |id: ActorId| matching.contains(&id);
        assert_eq!(listed(&order, Some(&matches), false, &[]), matching);
        // A list barely longer than the short list is shown whole.
        let order: Vec<ActorId> = (0..COLLAPSE_OVER).collect();
        assert_eq!(listed(&order, None, false, &[]), order);
    }

    #[test]
    fn pinned_actors_stay_until_the_list_is_expanded() {
        // Chosen from another view or by URL: pinned.
        let p = pinned(None, &[7], false);
        assert_eq!(p, vec![7]);
        // Choosing another adds it; unchecking 7 keeps its row.
        let p = pinned(Some(&p), &[3, 7], false);
        assert_eq!(p, vec![7, 3]);
        let p = pinned(Some(&p), &[3], false);
        assert_eq!(p, vec![7, 3]);
        // Expanded, then collapsed again: only what is chosen now.
        let p = pinned(Some(&p), &[3], true);
        assert_eq!(p, vec![3]);
        assert_eq!(pinned(Some(&p), &[3], false), vec![3]);
    }
}
