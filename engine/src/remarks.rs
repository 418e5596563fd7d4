//! The remarks lens: how each outlet framed what one focal actor said.
//!
//! Pure functions over a finished [`Analysis`]: nothing here reads text the earlier stages
//! did not already find. For a focal actor (by default the corpus's most central speaker,
//! [`central_actor`]) it gathers, per article in corpus order:
//!
//! - **prominence**: headline, lede, the paragraph where the actor is first named, and the
//!   share of the article's words in sentences that carry the actor's statements;
//! - **statements**: every [`Statement`] attributed to the actor, with its mode, verb,
//!   connotation and sourcing, and the **reactions** the outlet sets next to it;
//! - **headline framing**: the headline's subject, whose words it carries, its hedges and
//!   evidentials, its frames.
//!
//! Across articles, statements are lined up into [`RemarkRow`]s through the claims (two
//! statements whose sentences belong to the same [`crate::model::Claim`] share a row), and
//! a short [`ContrastSentence`] list states counts drawn only from those findings, each
//! sentence pointing at the spans it rests on. The contrast never judges an outlet: it
//! counts.

use crate::order;
use serde::{Deserialize, Serialize};

use crate::corpus::Corpus;
use crate::model::{
    ActorId, ActorKind, Analysis, ArticleAnalysis, BlockKind, Connotation, CueKind, Frame,
    SourceKind, Sourcing, Span, Statement, StatementMode,
};
use crate::text;

/// The remarks lens for one focal actor over the whole corpus.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Remarks {
    /// The focal actor (index into [`Analysis::actors`]).
    pub focal: ActorId,
    /// The focal actor's canonical name.
    pub focal_name: String,
    /// One entry per article, in corpus order.
    pub articles: Vec<ArticleRemarks>,
    /// The focal actor's statements lined up across articles, most widely carried first.
    pub rows: Vec<RemarkRow>,
    /// Plain-language counts across outlets, each resting on findings above.
    pub contrast: Vec<ContrastSentence>,
}

/// What one article does with the focal actor's remarks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleRemarks {
    /// Index into [`Analysis::articles`].
    pub article_idx: usize,
    /// The article's id.
    pub article: String,
    pub prominence: Prominence,
    /// Every statement attributed to the focal actor, in text order.
    pub statements: Vec<FocalStatement>,
    /// How the headline frames the story; `None` when the article has no headline.
    pub headline: Option<HeadlineFraming>,
}

/// Where and how much an article gives room to the focal actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Prominence {
    /// The headline names the actor.
    pub in_headline: bool,
    /// The lede (the first body paragraph) names the actor.
    pub in_lede: bool,
    /// The body paragraph (1-based, headline and subheadings not counted) where the actor
    /// is first named; a subheading counts as the paragraph it heads. `None`: never named
    /// in the body.
    pub first_paragraph: Option<usize>,
    /// The first mention in the body.
    pub first_mention: Option<Span>,
    /// Mentions of the actor in the article (headline included).
    pub n_mentions: usize,
    /// Statements attributed to the actor.
    pub n_statements: usize,
    /// Words in the sentences that carry the actor's statements.
    pub n_remark_words: usize,
    /// Words of the article's own text.
    pub n_words: usize,
    /// `n_remark_words / n_words` (0 for an empty article).
    pub remarks_share: f32,
}

/// One statement of the focal actor as one article reports it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FocalStatement {
    /// Index into [`ArticleAnalysis::statements`].
    pub statement_idx: usize,
    /// Index into [`ArticleAnalysis::sentences`].
    pub sentence_idx: usize,
    /// Direct, partial, indirect (paraphrase) or relayed through others.
    pub mode: StatementMode,
    /// What is said: the quoted words or the reported clause.
    pub content: Span,
    /// The attribution verb as written.
    pub verb: Option<String>,
    pub verb_span: Option<Span>,
    pub connotation: Connotation,
    /// What the report rests on: the actor's words on record, a third party, anonymous
    /// officials, another outlet.
    pub sourcing: Sourcing,
    /// The statement sits in the headline.
    pub in_headline: bool,
    /// The statement sits in the lede.
    pub in_lede: bool,
    /// Frames of the statement's own sentence.
    pub frames: Vec<Frame>,
    /// Index into [`Remarks::rows`].
    pub row_idx: usize,
    /// Statements by other actors that the outlet sets next to this one.
    pub reactions: Vec<Reaction>,
}

/// A statement by another actor placed after a focal statement: in the sentences that
/// follow it, up to the focal actor's next statement, within the same or the next paragraph.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reaction {
    /// Index into [`ArticleAnalysis::statements`].
    pub statement_idx: usize,
    pub sentence_idx: usize,
    pub speakers: Vec<ActorId>,
    pub content: Span,
    pub verb: Option<String>,
    pub connotation: Connotation,
    pub mode: StatementMode,
    /// In the focal statement's paragraph (otherwise in the next one).
    pub same_paragraph: bool,
    /// Frames of the reaction's sentence.
    pub frames: Vec<Frame>,
}

/// How a headline frames the story.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadlineFraming {
    /// The headline's span.
    pub span: Span,
    /// The first actor the headline names: its grammatical subject in the usual
    /// "X says …" / "X on …" headline shape.
    pub subject: Option<ActorId>,
    pub subject_span: Option<Span>,
    /// Whose words the headline carries: speakers of statements found in it.
    pub voices: Vec<HeadlineVoice>,
    /// Hedges and evidentials in the headline ("- Reports", "allegedly").
    pub hedges: Vec<HeadlineCue>,
    /// Frames of the headline.
    pub frames: Vec<Frame>,
}

/// An actor whose words a headline carries, and how.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadlineVoice {
    pub actor: ActorId,
    pub mode: StatementMode,
    /// The statement's content span.
    pub content: Span,
    /// Index into [`ArticleAnalysis::statements`].
    pub statement_idx: usize,
}

/// A hedge or evidential cue found in a headline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HeadlineCue {
    pub kind: CueKind,
    pub span: Span,
    pub reason: String,
}

/// One statement of the focal actor as carried across articles: the same claim on one
/// line, so the viewer shows who carries it and who leaves a gap.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RemarkRow {
    /// The claim's label, or the first member's words shortened when the statement
    /// belongs to no claim.
    pub label: String,
    /// Index into [`Analysis::claims`] when the row comes from a claim.
    pub claim_idx: Option<usize>,
    /// The statements on this row, by article then text order.
    pub members: Vec<RowMember>,
    /// Number of distinct articles on the row.
    pub n_articles: usize,
}

/// One cell entry of a [`RemarkRow`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowMember {
    /// Index into [`Analysis::articles`] (and [`Remarks::articles`]).
    pub article_idx: usize,
    /// Index into that article's [`ArticleRemarks::statements`].
    pub focal_idx: usize,
}

/// One generated sentence of the contrast, with the findings it rests on.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ContrastSentence {
    pub text: String,
    /// The spans the sentence counts; never empty.
    pub refs: Vec<FindingRef>,
}

/// A finding a contrast sentence rests on: a span of one article.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FindingRef {
    /// Index into [`Analysis::articles`].
    pub article_idx: usize,
    pub span: Span,
}

/// The corpus's most central speaker: the actor with statements in the most articles,
/// then the most statements, then mentioned in the most articles, then the most mentions;
/// persons rank before bodies at every step. Ties go to the actor found first. `None`
/// when the analysis has no actor.
pub fn central_actor(analysis: &Analysis) -> Option<ActorId> {
    let n_actors = analysis.actors.len();
    if n_actors == 0 {
        return None;
    }
    // (articles with statements, statements, articles with mentions, mentions)
    let mut score = vec![[0usize; 4]; n_actors];
    let mut seen_stmt = vec![usize::MAX; n_actors];
    let mut seen_mention = vec![usize::MAX; n_actors];
    for (article_idx, article) in analysis.articles.iter().enumerate() {
        for statement in &article.statements {
            for &speaker in &statement.speakers {
                let Some(s) = score.get_mut(speaker) else {
                    continue;
                };
                s[1] += 1;
                if seen_stmt[speaker] != article_idx {
                    seen_stmt[speaker] = article_idx;
                    s[0] += 1;
                }
            }
        }
        for mention in &article.mentions {
            let Some(s) = score.get_mut(mention.actor) else {
                continue;
            };
            s[3] += 1;
            if seen_mention[mention.actor] != article_idx {
                seen_mention[mention.actor] = article_idx;
                s[2] += 1;
            }
        }
    }
    (0..n_actors)
        .filter(|&id| score[id].iter().any(|&n| n > 0))
        .max_by(|&a, &b| {
            let person = |id: usize| analysis.actors[id].kind == ActorKind::Person;
            person(a)
                .cmp(&person(b))
                .then_with(|| score[a].cmp(&score[b]))
                // Earlier actors win ties: max_by keeps the last maximum, so reverse ids.
                .then_with(|| b.cmp(&a))
        })
}

/// The remarks lens for `focal` over every article of `analysis` (which must come from
/// `corpus`: spans are read in its texts). Never panics on an unknown actor: it simply
/// finds nothing.
pub fn remarks(corpus: &Corpus, analysis: &Analysis, focal: ActorId) -> Remarks {
    let focal_name = analysis
        .actors
        .get(focal)
        .map(|a| a.display_name().to_owned())
        .unwrap_or_default();
    let mut articles: Vec<ArticleRemarks> = analysis
        .articles
        .iter()
        .enumerate()
        .map(|(article_idx, article)| {
            let text = corpus
                .articles
                .get(article_idx)
                .map_or("", |a| a.text.as_str());
            article_remarks(article_idx, article, text, focal)
        })
        .collect();
    let rows = align_rows(corpus, analysis, &mut articles);
    let mut lens = Remarks {
        focal,
        focal_name,
        articles,
        rows,
        contrast: Vec::new(),
    };
    lens.contrast = contrast(corpus, analysis, &lens);
    lens
}

/// Blocks that count as body paragraphs.
fn is_paragraph(kind: BlockKind) -> bool {
    matches!(kind, BlockKind::Paragraph | BlockKind::ListItem)
}

/// Paragraph layout of one article: block of each sentence, the lede block, ordinals, and
/// what is looked up per sentence (frames, other speakers' statements), indexed once so
/// that the lens stays linear in the article's length.
struct Layout {
    /// Block index of each sentence (`usize::MAX` where the sentence's block is unknown).
    sentence_block: Vec<usize>,
    /// Frames tagged on each sentence, sorted and without repeats.
    sentence_frames: Vec<Vec<Frame>>,
    headline_block: Option<usize>,
    lede_block: Option<usize>,
    /// For each block, the 1-based body paragraph it is or heads (0 before any paragraph).
    paragraph_no: Vec<usize>,
    /// For each block, the next body paragraph block after it.
    next_paragraph: Vec<Option<usize>>,
}

impl Layout {
    fn new(article: &ArticleAnalysis) -> Layout {
        let blocks = &article.blocks;
        let sentence_block = article.sentences.iter().map(|s| s.block_idx).collect();
        let headline_block = blocks.iter().position(|b| b.kind == BlockKind::Headline);
        let lede_block = blocks.iter().position(|b| is_paragraph(b.kind));
        // A subheading counts as the paragraph it heads, so count forward from the end.
        let mut paragraph_no = vec![0; blocks.len()];
        let mut n_paragraphs = 0;
        for (i, block) in blocks.iter().enumerate() {
            if is_paragraph(block.kind) {
                n_paragraphs += 1;
                paragraph_no[i] = n_paragraphs;
            } else if block.kind == BlockKind::Subheading {
                paragraph_no[i] = n_paragraphs + 1;
            }
        }
        let mut next_paragraph = vec![None; blocks.len()];
        let mut next = None;
        for i in (0..blocks.len()).rev() {
            next_paragraph[i] = next;
            if is_paragraph(blocks[i].kind) {
                next = Some(i);
            }
        }
        let mut sentence_frames = vec![Vec::new(); article.sentences.len()];
        for tag in &article.frames {
            if let Some(frames) = sentence_frames.get_mut(tag.sentence_idx) {
                frames.push(tag.frame);
            }
        }
        for frames in &mut sentence_frames {
            order::sort_dedup(frames);
        }
        Layout {
            sentence_block,
            sentence_frames,
            headline_block,
            lede_block,
            paragraph_no,
            next_paragraph,
        }
    }

    fn block_of(&self, sentence_idx: usize) -> Option<usize> {
        self.sentence_block
            .get(sentence_idx)
            .copied()
            .filter(|&b| b != usize::MAX)
    }

    /// Frames tagged on one sentence, sorted and without repeats.
    fn frames_of(&self, sentence_idx: usize) -> Vec<Frame> {
        self.sentence_frames
            .get(sentence_idx)
            .cloned()
            .unwrap_or_default()
    }

    fn in_headline(&self, sentence_idx: usize) -> bool {
        self.headline_block.is_some() && self.block_of(sentence_idx) == self.headline_block
    }

    fn in_lede(&self, sentence_idx: usize) -> bool {
        self.lede_block.is_some() && self.block_of(sentence_idx) == self.lede_block
    }
}

fn speaks(statement: &Statement, focal: ActorId) -> bool {
    statement.speakers.contains(&focal)
}

fn article_remarks(
    article_idx: usize,
    article: &ArticleAnalysis,
    text: &str,
    focal: ActorId,
) -> ArticleRemarks {
    let layout = Layout::new(article);
    let focal_mentions: Vec<_> = article
        .mentions
        .iter()
        .filter(|m| m.actor == focal)
        .collect();
    let in_headline = focal_mentions
        .iter()
        .any(|m| layout.in_headline(m.sentence_idx));
    let in_lede = focal_mentions
        .iter()
        .any(|m| layout.in_lede(m.sentence_idx));
    let first_body = focal_mentions
        .iter()
        .filter(|m| !layout.in_headline(m.sentence_idx))
        .min_by_key(|m| m.span.start);
    let first_paragraph = first_body
        .and_then(|m| layout.block_of(m.sentence_idx))
        .and_then(|b| layout.paragraph_no.get(b).copied())
        .filter(|&n| n > 0);

    let focal_idx: Vec<usize> = article
        .statements
        .iter()
        .enumerate()
        .filter(|(_, s)| speaks(s, focal))
        .map(|(i, _)| i)
        .collect();

    // The sentence of the next focal statement after each one that lies in a later
    // sentence: the nearest greater value to the right, found with a stack in one pass.
    let mut next_focal_sentence = vec![None; focal_idx.len()];
    let mut later: Vec<usize> = Vec::new();
    for (k, &statement_idx) in focal_idx.iter().enumerate().rev() {
        let sentence_idx = article.statements[statement_idx].sentence_idx;
        while later.last().is_some_and(|&s| s <= sentence_idx) {
            later.pop();
        }
        next_focal_sentence[k] = later.last().copied();
        later.push(sentence_idx);
    }
    let answers = Answers::new(article, focal);

    let mut statements: Vec<FocalStatement> = Vec::with_capacity(focal_idx.len());
    for (k, &statement_idx) in focal_idx.iter().enumerate() {
        let statement = &article.statements[statement_idx];
        statements.push(FocalStatement {
            statement_idx,
            sentence_idx: statement.sentence_idx,
            mode: statement.mode,
            content: statement.content,
            verb: statement.verb.clone(),
            verb_span: statement.verb_span,
            connotation: statement.connotation,
            sourcing: statement.sourcing.clone(),
            in_headline: layout.in_headline(statement.sentence_idx),
            in_lede: layout.in_lede(statement.sentence_idx),
            frames: layout.frames_of(statement.sentence_idx),
            row_idx: 0,
            reactions: reactions(
                article,
                &layout,
                &answers,
                statement,
                next_focal_sentence[k],
            ),
        });
    }

    let mut remark_sentences: Vec<usize> = statements.iter().map(|s| s.sentence_idx).collect();
    order::sort_dedup(&mut remark_sentences);
    let n_remark_words: usize = remark_sentences
        .iter()
        .filter_map(|&i| article.sentences.get(i))
        .map(|s| text::count_words(s.span.text(text)))
        .sum();
    let n_words = article.n_words;
    let remarks_share = if n_words == 0 {
        0.0
    } else {
        (n_remark_words as f32 / n_words as f32).min(1.0)
    };

    ArticleRemarks {
        article_idx,
        article: article.id.clone(),
        prominence: Prominence {
            in_headline,
            in_lede,
            first_paragraph,
            first_mention: first_body.map(|m| m.span),
            n_mentions: focal_mentions.len(),
            n_statements: statements.len(),
            n_remark_words,
            n_words,
            remarks_share,
        },
        statements,
        headline: headline_framing(article, &layout),
    }
}

/// The statements that can answer the focal actor's: those with a speaker other than the
/// focal actor, ordered by sentence, so that the ones after a given sentence are found by
/// binary search rather than by a scan of the whole article.
struct Answers {
    /// `(sentence_idx, statement_idx)`, sorted.
    by_sentence: Vec<(usize, usize)>,
}

impl Answers {
    fn new(article: &ArticleAnalysis, focal: ActorId) -> Answers {
        let mut by_sentence: Vec<(usize, usize)> = article
            .statements
            .iter()
            .enumerate()
            .filter(|(_, other)| !speaks(other, focal) && !other.speakers.is_empty())
            .map(|(statement_idx, other)| (other.sentence_idx, statement_idx))
            .collect();
        order::sort(&mut by_sentence);
        Answers { by_sentence }
    }
}

/// Statements by other actors after `statement`, up to the focal actor's next statement,
/// within the statement's paragraph and the next one, in statement order.
///
/// Sentences and blocks both run in text order, so the candidates are the sentences from
/// the statement's own on, until the first one past the next paragraph: the work is the
/// size of the answer, not of the article.
fn reactions(
    article: &ArticleAnalysis,
    layout: &Layout,
    answers: &Answers,
    statement: &Statement,
    next_focal_sentence: Option<usize>,
) -> Vec<Reaction> {
    let Some(block) = layout.block_of(statement.sentence_idx) else {
        return Vec::new();
    };
    let next_block = layout.next_paragraph.get(block).copied().flatten();
    let last_block = next_block.map_or(block, |b| b.max(block));
    let from = answers
        .by_sentence
        .partition_point(|&(s, _)| s <= statement.sentence_idx);
    let mut found: Vec<(usize, bool)> = Vec::new();
    for &(sentence_idx, statement_idx) in &answers.by_sentence[from..] {
        if next_focal_sentence.is_some_and(|n| sentence_idx >= n) {
            break;
        }
        match layout.block_of(sentence_idx) {
            Some(b) if b > last_block => break,
            Some(b) if b == block || Some(b) == next_block => {
                found.push((statement_idx, b == block));
            }
            _ => {}
        }
    }
    order::sort(&mut found);
    found
        .into_iter()
        .map(|(statement_idx, same_paragraph)| {
            let other = &article.statements[statement_idx];
            Reaction {
                statement_idx,
                sentence_idx: other.sentence_idx,
                speakers: other.speakers.clone(),
                content: other.content,
                verb: other.verb.clone(),
                connotation: other.connotation,
                mode: other.mode,
                same_paragraph,
                frames: layout.frames_of(other.sentence_idx),
            }
        })
        .collect()
}

fn headline_framing(article: &ArticleAnalysis, layout: &Layout) -> Option<HeadlineFraming> {
    let span = article.headline_span?;
    let in_headline =
        |sentence_idx: usize, s: Span| layout.in_headline(sentence_idx) || span.contains(s);
    let subject_mention = article
        .mentions
        .iter()
        .filter(|m| in_headline(m.sentence_idx, m.span))
        .min_by_key(|m| m.span.start);
    let mut voices = Vec::new();
    for (statement_idx, statement) in article.statements.iter().enumerate() {
        if !in_headline(statement.sentence_idx, statement.content) {
            continue;
        }
        for &actor in &statement.speakers {
            voices.push(HeadlineVoice {
                actor,
                mode: statement.mode,
                content: statement.content,
                statement_idx,
            });
        }
    }
    let hedges = article
        .cues
        .iter()
        .filter(|c| matches!(c.kind, CueKind::Hedge | CueKind::Evidential) && span.contains(c.span))
        .map(|c| HeadlineCue {
            kind: c.kind,
            span: c.span,
            reason: c.reason.clone(),
        })
        .collect();
    let mut frames: Vec<Frame> = article
        .frames
        .iter()
        .filter(|f| in_headline(f.sentence_idx, f.trigger))
        .map(|f| f.frame)
        .collect();
    order::sort_dedup(&mut frames);
    Some(HeadlineFraming {
        span,
        subject: subject_mention.map(|m| m.actor),
        subject_span: subject_mention.map(|m| m.span),
        voices,
        hedges,
        frames,
    })
}

/// Longest row label made from a statement's own words, in chars.
const MAX_LABEL_CHARS: usize = 80;

/// `s` cut to at most `max` chars at a word boundary, with an ellipsis when cut.
fn shorten(s: &str, max: usize) -> String {
    let s = s.trim();
    if s.chars().count() <= max {
        return s.to_owned();
    }
    let cut = s.char_indices().nth(max).map_or(s.len(), |(i, _)| i);
    let head = &s[..cut];
    let head = head.rfind(char::is_whitespace).map_or(head, |i| &head[..i]);
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

/// Lines up the focal statements into rows: statements whose sentences are members of the
/// same claim share that claim's row; any other statement gets a row of its own. Rows are
/// ordered by how many articles carry them, then by where they first appear.
fn align_rows(
    corpus: &Corpus,
    analysis: &Analysis,
    articles: &mut [ArticleRemarks],
) -> Vec<RemarkRow> {
    let mut claim_of = std::collections::HashMap::new();
    for (claim_idx, claim) in analysis.claims.iter().enumerate() {
        for member in &claim.members {
            // A sentence in two claims keeps the first (claims are sorted by reach).
            claim_of
                .entry((member.article_idx, member.sentence_idx))
                .or_insert(claim_idx);
        }
    }
    let mut rows: Vec<RemarkRow> = Vec::new();
    let mut row_of_claim = std::collections::HashMap::new();
    for remarks in articles.iter() {
        let text = corpus
            .articles
            .get(remarks.article_idx)
            .map_or("", |a| a.text.as_str());
        for (focal_idx, statement) in remarks.statements.iter().enumerate() {
            let member = RowMember {
                article_idx: remarks.article_idx,
                focal_idx,
            };
            let claim_idx = claim_of
                .get(&(remarks.article_idx, statement.sentence_idx))
                .copied();
            let existing = claim_idx.and_then(|c| row_of_claim.get(&c).copied());
            match existing {
                Some(row_idx) => {
                    let row: &mut RemarkRow = &mut rows[row_idx];
                    row.members.push(member);
                }
                None => {
                    if let Some(c) = claim_idx {
                        row_of_claim.insert(c, rows.len());
                    }
                    let label = match claim_idx.and_then(|c| analysis.claims.get(c)) {
                        Some(claim) => claim.label.clone(),
                        None => shorten(statement.content.text(text), MAX_LABEL_CHARS),
                    };
                    rows.push(RemarkRow {
                        label,
                        claim_idx,
                        members: vec![member],
                        n_articles: 0,
                    });
                }
            }
        }
    }
    for row in &mut rows {
        let mut ids: Vec<usize> = row.members.iter().map(|m| m.article_idx).collect();
        ids.dedup();
        row.n_articles = ids.len();
    }
    // Stable sort: rows carried by more articles first; otherwise first appearance.
    let mut order: Vec<usize> = (0..rows.len()).collect();
    order::sort_by(&mut order, |&a, &b| {
        rows[b].n_articles.cmp(&rows[a].n_articles).then(a.cmp(&b))
    });
    let mut new_idx = vec![0; rows.len()];
    for (new, &old) in order.iter().enumerate() {
        new_idx[old] = new;
    }
    for (old, row) in rows.iter().enumerate() {
        for member in &row.members {
            // `articles[i]` is article `i`: the lens is built in corpus order.
            if let Some(statement) = articles
                .get_mut(member.article_idx)
                .and_then(|a| a.statements.get_mut(member.focal_idx))
            {
                statement.row_idx = new_idx[old];
            }
        }
    }
    let mut sorted: Vec<Option<RemarkRow>> = rows.into_iter().map(Some).collect();
    order.iter().filter_map(|&old| sorted[old].take()).collect()
}

/// "3 of 5 outlets name" / "Only 1 of 5 outlets names": a count phrase and its verb.
fn count_phrase(n: usize, m: usize, noun: &str, verb_plural: &str, verb_singular: &str) -> String {
    if n == 1 && m >= 3 {
        format!("Only 1 of {m} {noun} {verb_singular}")
    } else if n == 1 {
        format!("1 of {m} {noun} {verb_singular}")
    } else {
        format!("{n} of {m} {noun} {verb_plural}")
    }
}

/// The plain-language contrast: each sentence counts one finding across articles and
/// carries the spans it counts. A sentence is only written when at least one article has
/// the finding, so none stands without a reference.
fn contrast(corpus: &Corpus, analysis: &Analysis, lens: &Remarks) -> Vec<ContrastSentence> {
    let m = lens.articles.len();
    let name = lens.focal_name.as_str();
    let text_of = |article_idx: usize, span: Span| -> &str {
        corpus
            .articles
            .get(article_idx)
            .map_or("", |a| span.text(&a.text))
    };
    let mut out = Vec::new();
    let mut push = |text: String, refs: Vec<FindingRef>| {
        if !refs.is_empty() {
            out.push(ContrastSentence { text, refs });
        }
    };
    let at = |article_idx: usize, span: Span| FindingRef { article_idx, span };

    // Headline: named, subject, whose words, hedges.
    let n_with_headline = lens
        .articles
        .iter()
        .filter(|a| a.headline.is_some())
        .count();
    let no_headline = match m - n_with_headline {
        0 => String::new(),
        1 => " (1 has no headline)".to_owned(),
        k => format!(" ({k} have no headline)"),
    };
    let named: Vec<FindingRef> = lens
        .articles
        .iter()
        .filter(|a| a.prominence.in_headline)
        .filter_map(|a| a.headline.as_ref().map(|h| at(a.article_idx, h.span)))
        .collect();
    push(
        format!(
            "{} {name} in the headline{no_headline}.",
            count_phrase(named.len(), m, "outlets", "name", "names")
        ),
        named,
    );
    let subject: Vec<FindingRef> = lens
        .articles
        .iter()
        .filter_map(|a| {
            let h = a.headline.as_ref()?;
            (h.subject == Some(lens.focal))
                .then(|| at(a.article_idx, h.subject_span.unwrap_or(h.span)))
        })
        .collect();
    push(
        format!(
            "{} {name} the subject of the headline.",
            count_phrase(subject.len(), m, "outlets", "make", "makes")
        ),
        subject,
    );
    let mut voiced = Vec::new();
    let mut n_voiced_direct = 0;
    for a in &lens.articles {
        let Some(h) = &a.headline else { continue };
        let mine: Vec<&HeadlineVoice> = h.voices.iter().filter(|v| v.actor == lens.focal).collect();
        if mine.is_empty() {
            continue;
        }
        if mine
            .iter()
            .any(|v| matches!(v.mode, StatementMode::Direct | StatementMode::Partial))
        {
            n_voiced_direct += 1;
        }
        voiced.extend(mine.iter().map(|v| at(a.article_idx, v.content)));
    }
    let n_voiced = count_articles(&voiced);
    push(
        format!(
            "{} {name}'s words in the headline ({n_voiced_direct} in quotation marks).",
            count_phrase(n_voiced, m, "outlets", "carry", "carries")
        ),
        voiced,
    );
    let hedged: Vec<FindingRef> = lens
        .articles
        .iter()
        .flat_map(|a| {
            a.headline
                .iter()
                .flat_map(move |h| h.hedges.iter().map(move |c| at(a.article_idx, c.span)))
        })
        .collect();
    let hedge_words = distinct_words(hedged.iter().map(|r| text_of(r.article_idx, r.span)));
    push(
        format!(
            "{} a hedge or evidential in the headline ({hedge_words}).",
            count_phrase(count_articles(&hedged), m, "outlets", "put", "puts")
        ),
        hedged,
    );

    // Lede and the statements outlets lead with.
    let lede: Vec<FindingRef> = lens
        .articles
        .iter()
        .filter(|a| a.prominence.in_lede)
        .filter_map(|a| a.prominence.first_mention.map(|s| at(a.article_idx, s)))
        .collect();
    push(
        format!(
            "{} {name} in the lede.",
            count_phrase(lede.len(), m, "outlets", "name", "names")
        ),
        lede,
    );
    let mut by_row_lead: Vec<(usize, Vec<FindingRef>)> = Vec::new();
    let mut by_row_all: Vec<(usize, Vec<FindingRef>)> = Vec::new();
    for (row_idx, row) in lens.rows.iter().enumerate() {
        let mut lead = Vec::new();
        let mut all = Vec::new();
        for member in &row.members {
            let Some(s) = lens
                .articles
                .get(member.article_idx)
                .and_then(|a| a.statements.get(member.focal_idx))
            else {
                continue;
            };
            let r = at(member.article_idx, s.content);
            if s.in_headline || s.in_lede {
                lead.push(r);
            }
            all.push(r);
        }
        if count_articles(&lead) >= 2 || (!lead.is_empty() && row.n_articles >= 2) {
            by_row_lead.push((row_idx, lead));
        }
        if row.n_articles >= 2 {
            by_row_all.push((row_idx, all));
        }
    }
    order::sort_by(&mut by_row_lead, |a, b| {
        count_articles(&b.1)
            .cmp(&count_articles(&a.1))
            .then(a.0.cmp(&b.0))
    });
    // A row of two outlets or more is a claim's, labelled by the key words its sentences
    // share: the sentences say so rather than quote them as if they were words said.
    for (row_idx, refs) in by_row_lead.into_iter().take(MAX_ROW_SENTENCES) {
        let label = shorten(&lens.rows[row_idx].label, 60);
        push(
            format!(
                "{} with the statement of the key words \u{2018}{label}\u{2019} (row {}).",
                count_phrase(count_articles(&refs), m, "outlets", "lead", "leads"),
                row_idx + 1
            ),
            refs,
        );
    }
    for (row_idx, refs) in by_row_all.into_iter().take(MAX_ROW_SENTENCES) {
        let label = shorten(&lens.rows[row_idx].label, 60);
        push(
            format!(
                "{} the statement of the key words \u{2018}{label}\u{2019} (row {}).",
                count_phrase(count_articles(&refs), m, "outlets", "carry", "carries"),
                row_idx + 1
            ),
            refs,
        );
    }

    // How the statements are reported: quotation marks, verbs, sourcing.
    let statements = || {
        lens.articles
            .iter()
            .flat_map(|a| a.statements.iter().map(move |s| (a.article_idx, s)))
    };
    let quoted: Vec<FindingRef> = statements()
        .filter(|(_, s)| matches!(s.mode, StatementMode::Direct | StatementMode::Partial))
        .map(|(i, s)| at(i, s.content))
        .collect();
    push(
        format!(
            "{} {name} in quotation marks at least once.",
            count_phrase(count_articles(&quoted), m, "outlets", "quote", "quotes")
        ),
        quoted,
    );
    let only_reported: Vec<FindingRef> = lens
        .articles
        .iter()
        .filter(|a| {
            !a.statements.is_empty()
                && a.statements
                    .iter()
                    .all(|s| matches!(s.mode, StatementMode::Indirect | StatementMode::Relayed))
        })
        .flat_map(|a| {
            a.statements
                .iter()
                .map(move |s| at(a.article_idx, s.content))
        })
        .collect();
    push(
        format!(
            "{} {name}'s statements only in paraphrase or as relayed by others.",
            count_phrase(
                count_articles(&only_reported),
                m,
                "outlets",
                "give",
                "gives"
            )
        ),
        only_reported,
    );
    let relayed: Vec<FindingRef> = statements()
        .filter(|(_, s)| matches!(s.sourcing.kind, SourceKind::Anonymous | SourceKind::Outlet))
        .map(|(i, s)| at(i, s.sourcing.span.unwrap_or(s.content)))
        .collect();
    push(
        format!(
            "{} at least one of {name}'s statements on anonymous officials or another outlet.",
            count_phrase(count_articles(&relayed), m, "outlets", "rest", "rests")
        ),
        relayed,
    );
    let coloured: Vec<FindingRef> = statements()
        .filter(|(_, s)| s.connotation != Connotation::Neutral)
        .filter_map(|(i, s)| s.verb_span.map(|v| at(i, v)))
        .collect();
    let verbs = distinct_words(coloured.iter().map(|r| text_of(r.article_idx, r.span)));
    push(
        format!(
            "{} a verb other than a neutral one for {name}'s statements ({verbs}).",
            count_phrase(count_articles(&coloured), m, "outlets", "use", "uses")
        ),
        coloured,
    );

    // Who answers: actors most often set next to the focal statements.
    let mut answerers: Vec<(ActorId, Vec<FindingRef>)> = Vec::new();
    for a in &lens.articles {
        for s in &a.statements {
            for r in &s.reactions {
                for &speaker in &r.speakers {
                    let r = at(a.article_idx, r.content);
                    match answerers.iter_mut().find(|(id, _)| *id == speaker) {
                        Some((_, refs)) => refs.push(r),
                        None => answerers.push((speaker, vec![r])),
                    }
                }
            }
        }
    }
    order::sort_by(&mut answerers, |a, b| {
        count_articles(&b.1)
            .cmp(&count_articles(&a.1))
            .then(a.0.cmp(&b.0))
    });
    for (speaker, refs) in answerers.into_iter().take(MAX_ANSWERER_SENTENCES) {
        let Some(actor) = analysis.actors.get(speaker) else {
            continue;
        };
        push(
            format!(
                "{} {} after {name}'s statements, in the same or the next paragraph.",
                count_phrase(count_articles(&refs), m, "outlets", "quote", "quotes"),
                actor.name
            ),
            refs,
        );
    }
    out
}

/// Rows named in the contrast, for "lead with" and for "carry": the most carried only.
const MAX_ROW_SENTENCES: usize = 3;
/// Answering voices named in the contrast.
const MAX_ANSWERER_SENTENCES: usize = 2;

/// Distinct articles among `refs`.
fn count_articles(refs: &[FindingRef]) -> usize {
    let mut ids: Vec<usize> = refs.iter().map(|r| r.article_idx).collect();
    order::sort_dedup(&mut ids);
    ids.len()
}

/// Up to three distinct words or phrases, quoted and joined: "‘assured’, ‘insisted’".
/// Stops at the third, so a long list costs no more than a short one.
fn distinct_words<'a>(words: impl Iterator<Item = &'a str>) -> String {
    let mut seen: Vec<String> = Vec::new();
    for w in words {
        let w = w.trim().to_owned();
        if !w.is_empty() && !seen.iter().any(|s| s.eq_ignore_ascii_case(&w)) {
            seen.push(w);
            if seen.len() == 3 {
                break;
            }
        }
    }
    seen.iter()
        .take(3)
        .map(|w| format!("\u{2018}{w}\u{2019}"))
        .collect::<Vec<_>>()
        .join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::{Article, Corpus};
    use crate::gazetteer::Gazetteer;
    use serde::Deserialize;
    use std::path::Path;

    fn root() -> &'static Path {
        Path::new(concat!(env!("CARGO_MANIFEST_DIR"), "/.."))
    }

    fn gazetteer() -> Gazetteer {
        let text = std::fs::read_to_string(root().join("seeds/actors.toml")).unwrap_or_default();
        Gazetteer::from_toml(&text).unwrap_or_default()
    }

    #[derive(Deserialize)]
    struct Cases {
        case: Vec<Case>,
    }

    /// One case of `testdata/remarks.toml`.
    #[derive(Deserialize)]
    struct Case {
        name: String,
        articles: Vec<String>,
        /// The focal actor's canonical name; the central actor when absent.
        focal: Option<String>,
        /// A known gap, said in words: the case must still fail (so that a fix is noticed
        /// and the mark removed), and its failure is printed, not counted.
        pending: Option<String>,
        expected: Expected,
    }

    #[derive(Default, Deserialize)]
    #[serde(default)]
    struct Expected {
        focal: Option<String>,
        /// Per article, in order; only the fields given are checked.
        articles: Vec<ExpectedArticle>,
        /// Words each contrast sentence must contain, one list per expected sentence.
        contrast_has: Vec<String>,
    }

    #[derive(Default, Deserialize)]
    #[serde(default)]
    struct ExpectedArticle {
        in_headline: Option<bool>,
        in_lede: Option<bool>,
        first_paragraph: Option<usize>,
        statements: Vec<ExpectedStatement>,
        headline_subject: Option<String>,
        headline_hedges: Vec<String>,
        headline_voices: Vec<String>,
    }

    #[derive(Default, Deserialize)]
    #[serde(default)]
    struct ExpectedStatement {
        /// Words the statement's content must contain.
        content_has: String,
        mode: Option<StatementMode>,
        connotation: Option<Connotation>,
        sourcing: Option<SourceKind>,
        /// Speakers of reactions set next to the statement.
        reactions: Vec<String>,
    }

    fn corpus_of(texts: &[String]) -> Corpus {
        Corpus {
            articles: texts
                .iter()
                .enumerate()
                .map(|(i, t)| Article {
                    id: format!("a{i}"),
                    text: t.clone(),
                    ..Article::default()
                })
                .collect(),
        }
    }

    #[test]
    fn remarks_cases_hold() {
        let cases: Cases = toml::from_str(include_str!("../testdata/remarks.toml"))
            .unwrap_or_else(|e| panic!("testdata/remarks.toml: {e}"));
        let gazetteer = gazetteer();
        let mut failures = Vec::new();
        let mut pending_failures = Vec::new();
        for case in &cases.case {
            let failures = if case.pending.is_some() {
                &mut pending_failures
            } else {
                &mut failures
            };
            let before = failures.len();
            run_case(case, &gazetteer, failures);
            if let Some(why) = &case.pending {
                if failures.len() == before {
                    failures.push(format!(
                        "{}: marked pending ({why}) but it passes now: remove `pending`",
                        case.name
                    ));
                } else {
                    eprintln!(
                        "pending case {:?} ({why}) still fails, as expected",
                        case.name
                    );
                }
            }
        }
        failures.extend(
            pending_failures
                .into_iter()
                .filter(|f| f.contains("marked pending")),
        );
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    /// Runs one case of testdata/remarks.toml, adding what does not hold to `failures`.
    fn run_case(case: &Case, gazetteer: &Gazetteer, failures: &mut Vec<String>) {
        {
            let mut fail = |why: String| failures.push(format!("{}: {why}", case.name));
            let corpus = corpus_of(&case.articles);
            let analysis = crate::analyze(&corpus, gazetteer);
            let id_of = |name: &str| analysis.actors.iter().position(|a| a.name == name);
            let focal = match &case.focal {
                Some(name) => id_of(name),
                None => central_actor(&analysis),
            };
            let Some(focal) = focal else {
                fail("no focal actor found".into());
                return;
            };
            let lens = remarks(&corpus, &analysis, focal);
            if lens != remarks(&corpus, &analysis, focal) {
                fail("two runs differ".into());
            }
            let name_of = |id: ActorId| analysis.actors.get(id).map_or("?", |a| a.name.as_str());
            let e = &case.expected;
            if let Some(name) = &e.focal
                && &lens.focal_name != name
            {
                fail(format!("focal is {:?}, expected {name:?}", lens.focal_name));
            }
            for (i, ea) in e.articles.iter().enumerate() {
                let Some(a) = lens.articles.get(i) else {
                    fail(format!("no article {i}"));
                    continue;
                };
                let text = corpus.articles[i].text.as_str();
                let p = &a.prominence;
                let mut check = |what: &str, got: String, want: Option<String>| {
                    if let Some(want) = want
                        && got != want
                    {
                        fail(format!("article {i}: {what} is {got}, expected {want}"));
                    }
                };
                check(
                    "in_headline",
                    p.in_headline.to_string(),
                    ea.in_headline.map(|b| b.to_string()),
                );
                check(
                    "in_lede",
                    p.in_lede.to_string(),
                    ea.in_lede.map(|b| b.to_string()),
                );
                check(
                    "first_paragraph",
                    format!("{:?}", p.first_paragraph),
                    ea.first_paragraph.map(|n| format!("{:?}", Some(n))),
                );
                let h = a.headline.as_ref();
                check(
                    "headline subject",
                    h.and_then(|h| h.subject)
                        .map_or("none".into(), |s| name_of(s).to_owned()),
                    ea.headline_subject.clone(),
                );
                for hedge in &ea.headline_hedges {
                    if !h.is_some_and(|h| {
                        h.hedges
                            .iter()
                            .any(|c| c.span.text(text).contains(hedge.as_str()))
                    }) {
                        fail(format!("article {i}: no headline hedge {hedge:?}"));
                    }
                }
                for voice in &ea.headline_voices {
                    if !h.is_some_and(|h| h.voices.iter().any(|v| name_of(v.actor) == voice)) {
                        fail(format!(
                            "article {i}: headline does not carry {voice}'s words"
                        ));
                    }
                }
                for es in &ea.statements {
                    let found = a
                        .statements
                        .iter()
                        .find(|s| s.content.text(text).contains(es.content_has.as_str()));
                    let Some(s) = found else {
                        let got: Vec<&str> =
                            a.statements.iter().map(|s| s.content.text(text)).collect();
                        fail(format!(
                            "article {i}: no statement with {:?} among {got:?}",
                            es.content_has
                        ));
                        continue;
                    };
                    if es.mode.is_some_and(|m| m != s.mode) {
                        fail(format!(
                            "{:?}: mode {:?}, expected {:?}",
                            es.content_has, s.mode, es.mode
                        ));
                    }
                    if es.connotation.is_some_and(|c| c != s.connotation) {
                        fail(format!(
                            "{:?}: connotation {:?}, expected {:?}",
                            es.content_has, s.connotation, es.connotation
                        ));
                    }
                    if es.sourcing.is_some_and(|k| k != s.sourcing.kind) {
                        fail(format!(
                            "{:?}: sourcing {:?}, expected {:?}",
                            es.content_has, s.sourcing.kind, es.sourcing
                        ));
                    }
                    for r in &es.reactions {
                        if !s
                            .reactions
                            .iter()
                            .any(|x| x.speakers.iter().any(|&id| name_of(id) == r))
                        {
                            fail(format!("{:?}: no reaction by {r}", es.content_has));
                        }
                    }
                }
            }
            for words in &e.contrast_has {
                if !lens
                    .contrast
                    .iter()
                    .any(|c| c.text.contains(words.as_str()))
                {
                    let got: Vec<&str> = lens.contrast.iter().map(|c| c.text.as_str()).collect();
                    fail(format!("no contrast sentence with {words:?} in {got:?}"));
                }
            }
            for c in &lens.contrast {
                let refs_ok = !c.refs.is_empty()
                    && c.refs.iter().all(|r| {
                        corpus
                            .articles
                            .get(r.article_idx)
                            .is_some_and(|a| a.text.get(r.span.start..r.span.end).is_some())
                    });
                if !refs_ok {
                    fail(format!(
                        "contrast sentence without valid references: {:?}",
                        c.text
                    ));
                }
            }
        }
    }

    #[test]
    fn an_analysis_without_actors_has_no_central_actor_and_an_unknown_focal_finds_nothing() {
        let corpus = corpus_of(&["Rain fell.".to_owned()]);
        let analysis = crate::analyze(&corpus, &Gazetteer::default());
        assert_eq!(central_actor(&analysis), None);
        let lens = remarks(&corpus, &analysis, 999);
        assert!(lens.articles[0].statements.is_empty());
        assert!(lens.contrast.is_empty());
    }

    #[derive(Deserialize)]
    struct Gold {
        quote: Vec<GoldQuote>,
        claim: Vec<GoldClaim>,
    }
    #[derive(Deserialize)]
    struct GoldQuote {
        article: String,
        text: String,
        speaker: toml::Value,
    }
    #[derive(Deserialize)]
    struct GoldClaim {
        id: String,
        members: Vec<GoldMember>,
    }
    #[derive(Deserialize)]
    struct GoldMember {
        article: String,
        snippet: String,
    }

    /// Gold claims that report Macron's own statements (chosen by reading their labels in
    /// the gold file; the engine never sees these ids).
    const MACRON_CLAIMS: [&str; 3] = [
        "no-nato-help",
        "nothing-ruled-out",
        "strategic-ambiguity-calls",
    ];

    #[test]
    fn the_seeds_lens_for_macron_agrees_with_the_gold_quotations_and_claims() {
        let path = std::env::var_os("PARALLAX_GOLD")
            .map(std::path::PathBuf::from)
            .unwrap_or_else(|| root().join("../shared/gold/seeds.toml"));
        let gold_text = std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("cannot read the gold file {}: {e}", path.display()));
        let gold: Gold = toml::from_str(&gold_text).expect("gold file parses");
        let bundle = crate::corpus::load_bundle(&root().join("seeds")).expect("seeds load");
        let analysis = crate::analyze(&bundle.corpus, &bundle.gazetteer);
        let focal = central_actor(&analysis);
        let macron = analysis
            .actors
            .iter()
            .position(|a| a.name == "Emmanuel Macron");
        assert_eq!(
            focal, macron,
            "the central actor of the seeds is Emmanuel Macron"
        );
        let Some(focal) = focal else { return };
        let lens = remarks(&bundle.corpus, &analysis, focal);
        let article_idx = |id: &str| analysis.articles.iter().position(|a| a.id == id);

        let (mut quotes_hit, mut quotes_total) = (0, 0);
        for q in &gold.quote {
            let is_macron = match &q.speaker {
                toml::Value::String(s) => s == "Emmanuel Macron",
                toml::Value::Array(a) => a.iter().any(|s| s.as_str() == Some("Emmanuel Macron")),
                _ => false,
            };
            let Some(i) = article_idx(&q.article).filter(|_| is_macron) else {
                continue;
            };
            quotes_total += 1;
            let text = &bundle.corpus.articles[i].text;
            let hit = lens.articles[i].statements.iter().any(|s| {
                let content = s.content.text(text);
                content.contains(q.text.trim_end_matches(','))
                    || q.text.contains(content) && !content.is_empty()
            });
            if hit {
                quotes_hit += 1;
            } else {
                eprintln!("  missing Macron quotation in {}: {:?}", q.article, q.text);
            }
        }
        let (mut claims_hit, mut claims_total) = (0, 0);
        for claim in gold
            .claim
            .iter()
            .filter(|c| MACRON_CLAIMS.contains(&c.id.as_str()))
        {
            for m in &claim.members {
                let Some(i) = article_idx(&m.article) else {
                    continue;
                };
                claims_total += 1;
                let text = &bundle.corpus.articles[i].text;
                let a = &analysis.articles[i];
                let hit = lens.articles[i].statements.iter().any(|s| {
                    a.sentences
                        .get(s.sentence_idx)
                        .is_some_and(|x| x.span.text(text).contains(m.snippet.as_str()))
                });
                if hit {
                    claims_hit += 1;
                } else {
                    eprintln!(
                        "  no Macron statement for {} in {}: {:?}",
                        claim.id, m.article, m.snippet
                    );
                }
            }
        }
        let q = quotes_hit as f64 / quotes_total.max(1) as f64;
        let c = claims_hit as f64 / claims_total.max(1) as f64;
        eprintln!(
            "Macron lens: gold quotations among his statements {quotes_hit}/{quotes_total} ({q:.2}); gold Macron claims with a statement {claims_hit}/{claims_total} ({c:.2})"
        );
        for s in &lens.contrast {
            eprintln!("  contrast: {}", s.text);
        }
        assert!(
            q >= 0.9,
            "gold Macron quotations among his statements: {q:.2} < 0.9"
        );
        assert!(
            c >= 0.7,
            "gold Macron claims with a Macron statement: {c:.2} < 0.7"
        );
    }
}
