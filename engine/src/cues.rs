//! Framing cues (hedges, evidentials, loaded words, attribution verbs, anonymous
//! sourcing) and frames, per sentence and headline.
//!
//! # Method
//! Lexicon matching, one sentence at a time, over folded words (see [`crate::text`]):
//! each word position is looked up in the phrase tables of [`crate::lexicon`] by its first
//! word, longest phrase first, so the scan is linear in the number of words.
//!
//! - **Cues** come from [`lexicon::cue_phrases`] (hedges after Hyland's and Lakoff's
//!   hedges, evidentials, a documented lexicon of evaluative news vocabulary, anonymous
//!   sourcing phrases), from speech verbs whose connotation is not neutral
//!   ([`lexicon::speech_verbs`]: "claims", "warned", "insisted"), and from two layout
//!   patterns: a headline ending in "- Reports" (evidential), and "official(s)" with no
//!   name after it (anonymous source). Modal hedges count only in lower case ("May" the
//!   month is no hedge); a speech-verb form after a determiner is a noun ("the claims") and
//!   not an attribution verb. Words inside quotation marks are the speaker's, not the
//!   outlet's: loaded words and hedges there are left out.
//! - **Frames** come from [`lexicon::frame_triggers`]: a sentence (or the headline) gets
//!   a frame when one of that frame's trigger words occurs in it, the first trigger
//!   giving the span and the reason. The frames are a documented subset of the Media
//!   Frames Corpus dimensions (Card et al., 2015) plus the story frames this coverage
//!   turns on (see [`crate::model::Frame`]).

use crate::lexicon;
use crate::model::{Cue, CueKind, Frame, FrameTag, Span};
use crate::quotes::ArticleWords;
use crate::structure::Structure;

/// Every framing cue of the article's own text, in text order.
pub fn find_cues(text: &str, structure: &Structure) -> Vec<Cue> {
    find_cues_and_frames(text, structure).0
}

/// Frames of every sentence and of the headline, in text order: at most one tag per
/// frame and sentence, for its first trigger.
pub fn find_frames(text: &str, structure: &Structure) -> Vec<FrameTag> {
    find_cues_and_frames(text, structure).1
}

/// [`find_cues`] and [`find_frames`] in one pass, each sentence's words read once.
pub fn find_cues_and_frames(text: &str, structure: &Structure) -> (Vec<Cue>, Vec<FrameTag>) {
    let mut folded_buf = String::new();
    let words = ArticleWords::new(text, structure, &mut folded_buf);
    find_cues_and_frames_in(text, structure, &words)
}

/// [`find_cues_and_frames`] on the article's words read and folded once already
/// ([`ArticleWords`]): the analysis reads them once for quotations and cues.
pub(crate) fn find_cues_and_frames_in(
    text: &str,
    structure: &Structure,
    article: &ArticleWords,
) -> (Vec<Cue>, Vec<FrameTag>) {
    let mut cues = Vec::new();
    let mut frames = Vec::new();
    let quoted = quoted_words(&article.spans, structure);
    for (sentence_idx, sentence) in structure.sentences.iter().enumerate() {
        let range = article.range(sentence_idx);
        let words = Words {
            spans: &article.spans[range.clone()],
            folded: &article.folded[range.clone()],
            quoted: &quoted[range],
        };
        sentence_cues(text, &words, sentence_idx, &mut cues);
        if Some(sentence.span) == structure.headline {
            headline_cue(text, sentence.span, sentence_idx, &mut cues);
        }
        sentence_frames(text, &words, sentence_idx, &mut frames);
    }
    (cues, frames)
}

/// The frames of one sentence: one tag per frame, for its first trigger.
fn sentence_frames(text: &str, words: &Words, sentence_idx: usize, out: &mut Vec<FrameTag>) {
    let table = lexicon::frame_triggers();
    let mut seen: Vec<Frame> = Vec::new();
    let mut k = 0;
    while k < words.folded.len() {
        let Some((n, frames)) = table.longest_at(words.folded, k) else {
            k += 1;
            continue;
        };
        let trigger = Span::new(words.spans[k].start, words.spans[k + n - 1].end);
        for &frame in frames {
            if !seen.contains(&frame) {
                seen.push(frame);
                out.push(FrameTag {
                    sentence_idx,
                    frame,
                    trigger,
                    // Joined, not formatted: the same text for a fraction of the work, on
                    // a line that runs for most sentences.
                    reason: [frame.label(), ": \"", trigger.text(text), "\""].concat(),
                });
            }
        }
        k += n;
    }
}

/// The words of one sentence: spans, folded forms, and whether each is quoted.
struct Words<'w, 'a> {
    spans: &'w [Span],
    folded: &'w [&'a str],
    quoted: &'w [bool],
}

/// Whether each word (of `spans`, in text order) lies inside a quotation: one sweep along
/// `structure.quotations` (in text order too).
fn quoted_words(spans: &[Span], structure: &Structure) -> Vec<bool> {
    let quotations = &structure.quotations;
    let mut k = 0;
    spans
        .iter()
        .map(|w| {
            while k < quotations.len() && quotations[k].span.end <= w.start {
                k += 1;
            }
            quotations.get(k).is_some_and(|q| q.span.start <= w.start)
        })
        .collect()
}

fn sentence_cues(text: &str, words: &Words, sentence_idx: usize, out: &mut Vec<Cue>) {
    let phrases = lexicon::cue_phrases();
    let verbs = lexicon::speech_verbs();
    let first_new = out.len();
    // Phrases may overlap ("with reference to" / "reference to sources"); a phrase inside
    // one already found of the same kind adds nothing. Every cue found at word `k` covers
    // word `k`, so one that contains it was found at most `longest - 1` words before: only
    // those few are compared, not every cue of a long sentence.
    let mut found_at: Vec<usize> = Vec::new();
    let mut longest = 0;
    let mut push = |out: &mut Vec<Cue>,
                    k: usize,
                    n_words: usize,
                    kind: CueKind,
                    span: Span,
                    reason: String| {
        let covered = out[first_new..]
            .iter()
            .zip(&found_at)
            .rev()
            .take_while(|&(_, &at)| at + longest > k)
            .any(|(c, _)| c.kind == kind && c.span.contains(span));
        if !covered {
            out.push(Cue {
                kind,
                span,
                reason,
                sentence_idx,
            });
            found_at.push(k);
            longest = longest.max(n_words);
        }
    };
    for k in 0..words.folded.len() {
        // Quoted words are the speaker's, not the outlet's.
        if words.quoted[k] {
            continue;
        }
        let original = words.spans[k].text(text);
        let written_lower = original.chars().next().is_some_and(char::is_lowercase);
        let span_of = |len: usize| Span::new(words.spans[k].start, words.spans[k + len - 1].end);
        if let Some((len, cues)) = phrases.longest_at(words.folded, k) {
            let lower_only = lexicon::LOWER_CASE_ONLY.contains(&words.folded[k]);
            if !lower_only || written_lower {
                for &(kind, reason) in cues {
                    push(out, k, len, kind, span_of(len), reason.to_owned());
                }
            }
        }
        let prev = k.checked_sub(1).map_or("", |p| words.folded[p]);
        if let Some((len, verb)) = verbs.longest_at(words.folded, k)
            && verb.connotation != crate::model::Connotation::Neutral
            && !lexicon::DETERMINERS.contains(&prev)
            && !prev.ends_with("'s")
            && (written_lower || k == 0)
        {
            let span = span_of(len);
            let reason = [
                "attribution verb \"",
                span.text(text),
                "\": ",
                lexicon::connotation_reason(verb.connotation),
            ]
            .concat();
            push(out, k, len, CueKind::AttributionVerb, span, reason);
        }
        if let Some(span) = anonymous_official(text, words, k) {
            let reason = "anonymous source: an official who is not named".to_owned();
            let n_words = 1 + MAX_WORDS_BEFORE_OFFICIAL;
            push(out, k, n_words, CueKind::AnonymousSource, span, reason);
        }
    }
}

/// Words before "official(s)" that an anonymous-source cue may take ("a senior NATO").
const MAX_WORDS_BEFORE_OFFICIAL: usize = 3;

/// "US officials", "a NATO official", "the official": an official with no name after it
/// (not "Kremlin official Dmitry Peskov"). The span takes the words before it that belong
/// to the phrase (a determiner, a body's name).
fn anonymous_official(text: &str, words: &Words, k: usize) -> Option<Span> {
    let word = words.folded[k];
    if !matches!(word, "official" | "officials") {
        return None;
    }
    let next = words.spans.get(k + 1).map(|s| s.text(text));
    let gap = words
        .spans
        .get(k + 1)
        .map_or("", |s| text.get(words.spans[k].end..s.start).unwrap_or(""));
    if next.is_some_and(|w| w.starts_with(char::is_uppercase)) && gap.trim().is_empty() {
        return None;
    }
    let mut start = k;
    while start > 0 && k - start < MAX_WORDS_BEFORE_OFFICIAL {
        let prev = words.spans[start - 1].text(text);
        let folded = words.folded[start - 1];
        let gap = text
            .get(words.spans[start - 1].end..words.spans[start].start)
            .unwrap_or("x");
        let belongs = prev.starts_with(char::is_uppercase)
            || matches!(
                folded,
                "a" | "an" | "the" | "one" | "two" | "three" | "several" | "senior"
            )
            || lexicon::ANONYMITY_MARKERS.contains(&folded);
        if !belongs || !gap.trim().is_empty() {
            break;
        }
        start -= 1;
    }
    Some(Span::new(words.spans[start].start, words.spans[k].end))
}

/// "… - Reports" at the end of a headline: the outlet rests the headline on other reports.
fn headline_cue(text: &str, headline: Span, sentence_idx: usize, out: &mut Vec<Cue>) {
    if let Some(span) = lexicon::headline_source_tag(text, headline) {
        out.push(Cue {
            kind: CueKind::Evidential,
            span,
            reason: "evidential: the headline rests on others' reports".to_owned(),
            sentence_idx,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    /// A case of `testdata/cues.toml`.
    #[derive(Deserialize)]
    struct Case {
        name: String,
        text: String,
        expected: Expected,
    }

    #[derive(Deserialize)]
    struct Expected {
        /// `"kind: words"` for every cue, in order.
        cues: Option<Vec<String>>,
        /// `"kind: words"` that must be among the cues.
        has_cues: Option<Vec<String>>,
        /// `"kind: words"` that must not be among the cues.
        no_cues: Option<Vec<String>>,
        /// `"frame: trigger"` that must be among the frames (snake_case frame names).
        has_frames: Option<Vec<String>>,
        /// Frames that must not be found.
        no_frames: Option<Vec<String>>,
    }

    #[derive(Deserialize)]
    struct Cases {
        case: Vec<Case>,
    }

    fn kind_name(kind: CueKind) -> String {
        serde_json::to_value(kind)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    fn frame_name(frame: Frame) -> String {
        serde_json::to_value(frame)
            .ok()
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default()
    }

    #[test]
    fn cue_and_frame_cases_hold() {
        let cases: Cases = toml::from_str(include_str!("../testdata/cues.toml"))
            .unwrap_or_else(|e| panic!("testdata/cues.toml: {e}"));
        let mut failures = Vec::new();
        for case in &cases.case {
            let text = case.text.as_str();
            let structure = crate::structure::parse(text);
            let cues: Vec<String> = find_cues(text, &structure)
                .iter()
                .map(|c| format!("{}: {}", kind_name(c.kind), c.span.text(text)))
                .collect();
            let frames: Vec<String> = find_frames(text, &structure)
                .iter()
                .map(|f| format!("{}: {}", frame_name(f.frame), f.trigger.text(text)))
                .collect();
            let e = &case.expected;
            let mut fail = |what: &str| failures.push(format!("{}: {what}", case.name));
            if e.cues.as_ref().is_some_and(|want| *want != cues) {
                fail(&format!("cues were {cues:?}"));
            }
            for want in e.has_cues.iter().flatten() {
                if !cues.contains(want) {
                    fail(&format!("missing cue {want:?} among {cues:?}"));
                }
            }
            for not in e.no_cues.iter().flatten() {
                if cues.contains(not) {
                    fail(&format!("unwanted cue {not:?}"));
                }
            }
            for want in e.has_frames.iter().flatten() {
                if !frames.contains(want) {
                    fail(&format!("missing frame {want:?} among {frames:?}"));
                }
            }
            for not in e.no_frames.iter().flatten() {
                if frames
                    .iter()
                    .any(|f| f.split(':').next() == Some(not.as_str()))
                {
                    fail(&format!("unwanted frame {not:?} among {frames:?}"));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} failing:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }

    #[test]
    fn cues_and_frames_of_odd_text_never_panic_and_lie_on_char_boundaries() {
        for text in [
            "",
            "\"",
            "«»",
            "é’s ‘ ’ “",
            "- Reports",
            "Ω officials",
            "a\u{301} may",
        ] {
            let structure = crate::structure::parse(text);
            for cue in find_cues(text, &structure) {
                assert!(text.get(cue.span.start..cue.span.end).is_some(), "{text:?}");
            }
            for tag in find_frames(text, &structure) {
                assert!(
                    text.get(tag.trigger.start..tag.trigger.end).is_some(),
                    "{text:?}"
                );
            }
        }
    }
}
