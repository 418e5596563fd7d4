//! An article's text as a tree of segments: plain text runs and marks (quotations,
//! actor mentions, framing cues), each a span into the article's own text.
//!
//! The viewer renders these as text nodes inside elements, so nothing an article
//! contains can ever become markup. Marks may nest (a mention inside a quotation);
//! marks that cross each other are split at the crossing so every character is
//! covered exactly once at each depth and no finding is lost.

use parallax_engine::Span;
use parallax_engine::order;
use std::collections::VecDeque;

/// What a mark points at, by index into the article's findings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MarkKind {
    /// Index into `ArticleAnalysis::quotes`.
    Quote(usize),
    /// Index into `ArticleAnalysis::cues`.
    Cue(usize),
    /// Index into `ArticleAnalysis::mentions`.
    Mention(usize),
}

impl MarkKind {
    /// Outer marks first when two marks cover the same text: a quotation contains
    /// the cues and mentions inside it.
    const fn depth_rank(self) -> u8 {
        match self {
            MarkKind::Quote(_) => 0,
            MarkKind::Cue(_) => 1,
            MarkKind::Mention(_) => 2,
        }
    }
}

/// A finding to highlight over `span`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Mark {
    pub kind: MarkKind,
    pub span: Span,
}

/// A piece of rendered text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Segment {
    Text(Span),
    Mark {
        kind: MarkKind,
        span: Span,
        children: Vec<Segment>,
    },
}

/// Segments covering exactly `within`, with `marks` clipped to it and nested.
pub fn nest(within: Span, marks: &[Mark]) -> Vec<Segment> {
    let mut inside: Vec<Mark> = marks
        .iter()
        .filter(|m| m.span.overlaps(within))
        .map(|m| Mark {
            kind: m.kind,
            span: Span::new(m.span.start.max(within.start), m.span.end.min(within.end)),
        })
        .filter(|m| !m.span.is_empty())
        .collect();
    order::sort_by_key(&mut inside, sort_key);
    build(within, inside)
}

fn sort_key(m: &Mark) -> (usize, std::cmp::Reverse<usize>, u8) {
    (
        m.span.start,
        std::cmp::Reverse(m.span.end),
        m.kind.depth_rank(),
    )
}

/// `marks` are sorted by [`sort_key`] and lie inside `range`.
fn build(range: Span, marks: Vec<Mark>) -> Vec<Segment> {
    let mut out = Vec::new();
    let mut pos = range.start;
    let mut queue: VecDeque<Mark> = marks.into();
    while let Some(mut mark) = queue.pop_front() {
        // A mark that starts inside the previous sibling was split there: keep its rest.
        mark.span.start = mark.span.start.max(pos);
        if mark.span.is_empty() {
            continue;
        }
        if mark.span.start > pos {
            out.push(Segment::Text(Span::new(pos, mark.span.start)));
        }
        let mut inner = Vec::new();
        let mut rests = Vec::new();
        while queue
            .front()
            .is_some_and(|next| next.span.start < mark.span.end)
        {
            let Some(next) = queue.pop_front() else { break };
            if next.span.end > mark.span.end {
                inner.push(Mark {
                    kind: next.kind,
                    span: Span::new(next.span.start, mark.span.end),
                });
                rests.push(Mark {
                    kind: next.kind,
                    span: Span::new(mark.span.end, next.span.end),
                });
            } else {
                inner.push(next);
            }
        }
        // Every mark left in the queue starts at or after `mark.span.end`, where the
        // rests start, so putting the rests in front keeps the queue sorted.
        order::sort_by_key(&mut rests, sort_key);
        for rest in rests.into_iter().rev() {
            queue.push_front(rest);
        }
        out.push(Segment::Mark {
            kind: mark.kind,
            span: mark.span,
            children: build(mark.span, inner),
        });
        pos = mark.span.end;
    }
    if pos < range.end {
        out.push(Segment::Text(Span::new(pos, range.end)));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Renders segments as `text[kind:inner]` to compare trees at a glance.
    fn show(text: &str, segments: &[Segment]) -> String {
        segments
            .iter()
            .map(|s| match s {
                Segment::Text(span) => span.text(text).to_owned(),
                Segment::Mark { kind, children, .. } => {
                    let k = match kind {
                        MarkKind::Quote(_) => 'q',
                        MarkKind::Cue(_) => 'c',
                        MarkKind::Mention(_) => 'm',
                    };
                    format!("[{k}:{}]", show(text, children))
                }
            })
            .collect()
    }

    #[test]
    fn marks_nest_split_and_clip_as_the_table_says() {
        let m = |kind, start, end| Mark {
            kind,
            span: Span::new(start, end),
        };
        let q = MarkKind::Quote(0);
        let c = MarkKind::Cue(0);
        let n = MarkKind::Mention(0);
        let cases: &[(&str, &str, Vec<Mark>, &str)] = &[
            ("no marks leave one text run", "abc def", vec![], "abc def"),
            (
                "a mention is wrapped",
                "Macron said",
                vec![m(n, 0, 6)],
                "[m:Macron] said",
            ),
            (
                "a mention inside a quotation nests",
                "\"Macron went\" he",
                vec![m(n, 1, 7), m(q, 1, 12)],
                "\"[q:[m:Macron] went]\" he",
            ),
            (
                "crossing marks split at the crossing",
                "abcdefgh",
                vec![m(c, 0, 4), m(n, 2, 6)],
                "[c:ab[m:cd]][m:ef]gh",
            ),
            (
                "marks outside the block are clipped",
                "abcdef",
                vec![m(n, 4, 40)],
                "abcd[m:ef]",
            ),
            ("empty marks vanish", "abc", vec![m(n, 1, 1)], "abc"),
        ];
        for (name, text, marks, expected) in cases {
            let got = show(text, &nest(Span::new(0, text.len()), marks));
            assert_eq!(&got, expected, "{name}");
        }
    }
}
