//! Quotations grouped across articles: the same words of the same speaker as each outlet
//! carries them, with the words where their wording differs.
//!
//! Two attributed quotations join a group when they share a speaker (or both lack one)
//! and either sit in sentences the engine grouped into one claim, or share most of their
//! content words. Candidates are found through an inverted index of content words, so
//! the work grows with the number of quotations, not with its square.

use parallax_engine::corpus::Corpus;
use parallax_engine::order;
use parallax_engine::{ActorId, Analysis, QuoteKind, Span};
use std::collections::HashMap;

/// Posting lists longer than this belong to words too common to tell quotations apart.
const MAX_POSTINGS: usize = 64;

/// One quotation as one article carries it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteMember {
    pub article_idx: usize,
    /// Index into `ArticleAnalysis::quotes`.
    pub quote_idx: usize,
    /// Words of the quotation (spans into the article text) and whether each is missing
    /// from another outlet's version in the group: where wordings differ.
    pub words: Vec<(Span, bool)>,
}

/// Quotations that are one speaker's same remark, across articles.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteGroup {
    /// Stable id: the position of the group's first quotation in corpus order.
    pub id: usize,
    pub speakers: Vec<ActorId>,
    /// Members in corpus order.
    pub members: Vec<QuoteMember>,
    pub n_articles: usize,
    /// Whether the members' wordings differ at all.
    pub differs: bool,
}

struct Item {
    article_idx: usize,
    quote_idx: usize,
    speakers: Vec<ActorId>,
    words: Vec<Span>,
    folded: Vec<String>,
    content: Vec<String>,
    claim: Option<usize>,
}

/// Groups every attributed quotation of `analysis` (scare quotes are left out).
pub fn group(corpus: &Corpus, analysis: &Analysis) -> Vec<QuoteGroup> {
    let mut claim_of: HashMap<(usize, usize), usize> = HashMap::new();
    for (claim_idx, claim) in analysis.claims.iter().enumerate() {
        for member in &claim.members {
            claim_of
                .entry((member.article_idx, member.sentence_idx))
                .or_insert(claim_idx);
        }
    }
    let mut items: Vec<Item> = Vec::new();
    for (article_idx, article) in analysis.articles.iter().enumerate() {
        let text = corpus
            .articles
            .get(article_idx)
            .map_or("", |a| a.text.as_str());
        for (quote_idx, quote) in article.quotes.iter().enumerate() {
            if quote.kind == QuoteKind::Scare {
                continue;
            }
            let words = parallax_engine::text::words(text, quote.span);
            let folded: Vec<String> = words
                .iter()
                .map(|w| parallax_engine::text::fold(w.text(text)))
                .collect();
            let mut content: Vec<String> = folded
                .iter()
                .filter(|w| w.chars().count() > 3)
                .cloned()
                .collect();
            order::sort_dedup(&mut content);
            let mut speakers = quote.speaker_ids.clone();
            order::sort_dedup(&mut speakers);
            items.push(Item {
                article_idx,
                quote_idx,
                speakers,
                words,
                folded,
                content,
                claim: claim_of.get(&(article_idx, quote.sentence_idx)).copied(),
            });
        }
    }

    let mut parent: Vec<usize> = (0..items.len()).collect();
    let mut postings: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        for word in &item.content {
            postings.entry(word.as_str()).or_default().push(i);
        }
    }
    let mut by_claim: HashMap<usize, Vec<usize>> = HashMap::new();
    for (i, item) in items.iter().enumerate() {
        if let Some(c) = item.claim {
            by_claim.entry(c).or_default().push(i);
        }
    }
    for members in by_claim.values() {
        for (k, &a) in members.iter().enumerate() {
            for &b in &members[k + 1..] {
                // One claim is not enough: the quotations must also share a content word,
                // or an outlet's "no consensus" would join another's "nothing ruled out".
                let shares_word = items[a]
                    .content
                    .iter()
                    .any(|w| items[b].content.contains(w));
                if items[a].article_idx != items[b].article_idx
                    && shares_word
                    && same_speakers(&items[a], &items[b])
                {
                    union(&mut parent, a, b);
                }
            }
        }
    }
    for (a, item) in items.iter().enumerate() {
        let mut shared: HashMap<usize, usize> = HashMap::new();
        for word in &item.content {
            let Some(list) = postings.get(word.as_str()) else {
                continue;
            };
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &b in list.iter().filter(|&&b| b > a) {
                *shared.entry(b).or_default() += 1;
            }
        }
        for (b, n_shared) in shared {
            let shorter = item.content.len().min(items[b].content.len());
            let close = n_shared >= 2 && n_shared * 5 >= shorter * 3;
            let identical = item.folded == items[b].folded;
            if (close || identical) && same_speakers(item, &items[b]) {
                union(&mut parent, a, b);
            }
        }
    }

    let mut groups: Vec<Vec<usize>> = Vec::new();
    let mut group_of: HashMap<usize, usize> = HashMap::new();
    for i in 0..items.len() {
        let root = find(&mut parent, i);
        let g = *group_of.entry(root).or_insert_with(|| {
            groups.push(Vec::new());
            groups.len() - 1
        });
        groups[g].push(i);
    }
    let mut out: Vec<QuoteGroup> = groups
        .into_iter()
        .map(|members| {
            let mut speakers: Vec<ActorId> = members
                .iter()
                .flat_map(|&i| items[i].speakers.iter().copied())
                .collect();
            order::sort_dedup(&mut speakers);
            let mut articles: Vec<usize> = members.iter().map(|&i| items[i].article_idx).collect();
            articles.dedup();
            let n_articles = articles.len();
            let mut differs = false;
            let quote_members = members
                .iter()
                .map(|&i| {
                    let words = items[i]
                        .words
                        .iter()
                        .zip(&items[i].folded)
                        .map(|(&span, word)| {
                            let missing = members
                                .iter()
                                .filter(|&&j| items[j].article_idx != items[i].article_idx)
                                .any(|&j| !items[j].folded.contains(word));
                            differs |= missing;
                            (span, missing)
                        })
                        .collect();
                    QuoteMember {
                        article_idx: items[i].article_idx,
                        quote_idx: items[i].quote_idx,
                        words,
                    }
                })
                .collect();
            QuoteGroup {
                id: members[0],
                speakers,
                members: quote_members,
                n_articles,
                differs,
            }
        })
        .collect();
    order::sort_by(&mut out, |a, b| {
        b.n_articles.cmp(&a.n_articles).then(a.id.cmp(&b.id))
    });
    out
}

fn same_speakers(a: &Item, b: &Item) -> bool {
    if a.speakers.is_empty() || b.speakers.is_empty() {
        return a.speakers.is_empty() && b.speakers.is_empty();
    }
    a.speakers.iter().any(|s| b.speakers.contains(s))
}

fn find(parent: &mut [usize], mut i: usize) -> usize {
    while parent[i] != i {
        parent[i] = parent[parent[i]];
        i = parent[i];
    }
    i
}

fn union(parent: &mut [usize], a: usize, b: usize) {
    let (ra, rb) = (find(parent, a), find(parent, b));
    if ra != rb {
        parent[ra.max(rb)] = ra.min(rb);
    }
}
