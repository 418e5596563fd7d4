//! The filters applied to the analysed corpus: for each article, whether it is shown and
//! which passages pass. Pure over the [`ViewModel`] and the reader's choices, so the app
//! keeps it in one `Memo` that every view reads.

use crate::state::actors::ActorSelection;
use crate::state::cues::CueFilter;
use crate::state::outlets::OutletFilter;
use crate::view_model::{CueFlags, ViewModel};
use parallax_engine::{ActorId, BlockKind};

/// The reader's choices that narrow the views.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Criteria {
    pub actors: ActorSelection,
    pub cues: CueFilter,
    pub outlets: OutletFilter,
}

impl Criteria {
    /// Whether any passage-level filter (actor or cue) is set.
    pub fn narrows_passages(&self) -> bool {
        !self.actors.chosen.is_empty() || !self.cues.0.is_empty()
    }

    /// Whether a passage naming `actors` with `cues` passes.
    pub fn passes(&self, actors: &[ActorId], cues: CueFlags) -> bool {
        self.actors.matches(actors) && self.cues.matches(cues)
    }
}

/// What the filters leave of one article.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct ArticleFilter {
    /// The outlet filter shows the article.
    pub shown: bool,
    /// Indexed like `ArticleView::blocks`.
    pub block_pass: Vec<bool>,
    /// Paragraphs and list items that pass (subheadings not counted).
    pub n_pass: usize,
    /// Chosen actors the article never names.
    pub absent: Vec<ActorId>,
}

/// The filters' outcome for the whole corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filtered {
    pub criteria: Criteria,
    pub articles: Vec<ArticleFilter>,
}

impl Filtered {
    pub fn shown(&self, article_idx: usize) -> bool {
        self.articles.get(article_idx).is_some_and(|a| a.shown)
    }
    pub fn block_passes(&self, article_idx: usize, block: usize) -> bool {
        self.articles
            .get(article_idx)
            .and_then(|a| a.block_pass.get(block))
            .copied()
            .unwrap_or(true)
    }
}

/// Applies `criteria` to every article. Linear in the number of passages.
pub fn apply(vm: &ViewModel, criteria: &Criteria) -> Filtered {
    let articles = vm
        .articles
        .iter()
        .map(|article| {
            let mut block_pass: Vec<bool> = article
                .blocks
                .iter()
                .map(|b| criteria.passes(&b.actors, b.cues))
                .collect();
            // A subheading stays when a passage of its section does.
            let mut section_end = article.blocks.len();
            for i in (0..article.blocks.len()).rev() {
                if article.blocks[i].kind == BlockKind::Subheading {
                    block_pass[i] = block_pass[i + 1..section_end].iter().any(|&p| p);
                    section_end = i;
                }
            }
            let n_pass = article
                .blocks
                .iter()
                .zip(&block_pass)
                .filter(|(b, pass)| **pass && b.kind != BlockKind::Subheading)
                .count();
            let absent = criteria
                .actors
                .chosen
                .iter()
                .copied()
                .filter(|a| article.actors.binary_search(a).is_err())
                .collect();
            ArticleFilter {
                shown: criteria.outlets.shows(article.idx),
                block_pass,
                n_pass,
                absent,
            }
        })
        .collect();
    Filtered {
        criteria: criteria.clone(),
        articles,
    }
}

/// "Olaf Scholz is not named in this article." for the chosen actors an article lacks.
pub fn absent_sentence(names: &[&str]) -> Option<String> {
    match names {
        [] => None,
        [one] => Some(format!("{one} is not named in this article.")),
        [first, second] => Some(format!(
            "Neither {first} nor {second} is named in this article."
        )),
        [rest @ .., last] => Some(format!(
            "None of {}, or {last} is named in this article.",
            rest.join(", ")
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn absent_actors_are_named_in_one_plain_sentence() {
        let cases: &[(&[&str], Option<&str>)] = &[
            (&[], None),
            (
                &["Olaf Scholz"],
                Some("Olaf Scholz is not named in this article."),
            ),
            (
                &["A", "B"],
                Some("Neither A nor B is named in this article."),
            ),
            (
                &["A", "B", "C"],
                Some("None of A, B, or C is named in this article."),
            ),
        ];
        for (names, expected) in cases {
            assert_eq!(absent_sentence(names).as_deref(), *expected, "{names:?}");
        }
    }
}
