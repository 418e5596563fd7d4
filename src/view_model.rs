//! Everything the viewer shows that does not depend on the reader's choices, built once
//! from the engine's [`Analysis`]: per-article text segments, per-passage actor sets and
//! cue flags, actor colours and totals, framing summaries, quotation groups.
//!
//! Filters then only compare small precomputed sets (see [`crate::filter`]); a click never
//! walks the article text or re-runs the engine.

use crate::analysis::{self, Outcome};
use crate::quote_groups::{self, QuoteGroup};
use crate::segments::{self, Mark, MarkKind, Segment};
use crate::timing::Measure;
use parallax_engine::corpus::{Article, Corpus};
use parallax_engine::export::{column_name, short_id};
use parallax_engine::order;
use parallax_engine::{
    ActorId, ActorKind, Analysis, ArticleAnalysis, BlockKind, CueKind, Frame, QuoteKind,
    SourceKind, Span, StatementMode,
};

/// Number of distinct highlight colours; the most mentioned actors get one each.
pub const N_COLOURS: usize = 10;

/// Kinds of passage a reader can filter on, as bits.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct CueFlags(pub u8);

impl CueFlags {
    /// Someone's words in quotation marks (direct or partial quotation).
    pub const QUOTE: CueFlags = CueFlags(1);
    /// A hedge or evidential ("reportedly", "might", "- Reports").
    pub const HEDGE: CueFlags = CueFlags(2);
    /// Anonymous sourcing.
    pub const ANONYMOUS: CueFlags = CueFlags(4);

    pub const fn empty() -> CueFlags {
        CueFlags(0)
    }
    pub const fn is_empty(self) -> bool {
        self.0 == 0
    }
    pub const fn contains(self, other: CueFlags) -> bool {
        self.0 & other.0 == other.0
    }
    pub const fn intersects(self, other: CueFlags) -> bool {
        self.0 & other.0 != 0
    }
    pub const fn union(self, other: CueFlags) -> CueFlags {
        CueFlags(self.0 | other.0)
    }
    pub const fn without(self, other: CueFlags) -> CueFlags {
        CueFlags(self.0 & !other.0)
    }
}

/// The analysed corpus, ready to show.
#[derive(Debug)]
pub struct ViewModel {
    pub corpus: Corpus,
    pub analysis: Analysis,
    pub articles: Vec<ArticleView>,
    /// Indexed by [`ActorId`].
    pub actors: Vec<ActorView>,
    /// Actors by total mentions in the corpus, most first, then by name.
    pub actor_order: Vec<ActorId>,
    /// Quotations grouped across articles, most widely carried first.
    pub quote_groups: Vec<QuoteGroup>,
}

/// One actor of the corpus with what the viewer needs about them.
#[derive(Debug)]
pub struct ActorView {
    pub id: ActorId,
    pub name: String,
    /// URL form of the name ("olaf-scholz"), unique in the corpus.
    pub slug: String,
    /// Folded name, role and affiliation for searching.
    pub search_text: String,
    pub kind: ActorKind,
    pub role: Option<String>,
    pub affiliation: Option<String>,
    pub discovered: bool,
    /// Highlight colour index below [`N_COLOURS`], or `None` for the neutral mark.
    pub colour: Option<usize>,
    pub n_mentions: usize,
    pub n_quotes: usize,
    /// Indexed by article.
    pub per_article: Vec<ActorInArticle>,
}

/// One actor's figures in one article.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct ActorInArticle {
    pub mentions: usize,
    pub n_quotes: usize,
    pub n_quoted_words: usize,
}

/// One article, ready to show as an outlet column.
#[derive(Debug)]
pub struct ArticleView {
    pub idx: usize,
    pub id: String,
    /// Short, unique form of the id for URLs ("003").
    pub key: String,
    /// The outlet, or "Unattributed article 003".
    pub name: String,
    pub outlet_known: bool,
    pub outlet_about: Option<String>,
    pub evidence: Option<String>,
    pub confidence: Option<String>,
    pub date: Option<String>,
    /// Only ever an `http:` or `https:` URL.
    pub url: Option<String>,
    /// The headline block, if the article has one.
    pub headline: Option<BlockView>,
    /// Body blocks (subheadings, paragraphs, list items) in text order.
    pub blocks: Vec<BlockView>,
    /// Actors named in each sentence, sorted, indexed by sentence.
    pub sentence_actors: Vec<Vec<ActorId>>,
    pub sentence_cues: Vec<CueFlags>,
    /// Actors named anywhere in the article (removed text excluded), sorted.
    pub actors: Vec<ActorId>,
    pub n_words: usize,
    /// Words inside attributed quotations.
    pub n_quoted_words: usize,
    pub summary: FramingSummary,
    pub removed: Vec<RemovedView>,
    pub n_removed_lines: usize,
    /// Added by the reader in this browser (not bundled).
    pub own: bool,
}

/// A headline, subheading, paragraph or list item.
#[derive(Debug)]
pub struct BlockView {
    /// Index into `ArticleAnalysis::blocks`.
    pub block_idx: usize,
    pub kind: BlockKind,
    pub span: Span,
    pub segments: Vec<Segment>,
    /// Actors named in the block, sorted.
    pub actors: Vec<ActorId>,
    pub cues: CueFlags,
    /// Speakers of full quotations in the block: the passage is set apart as a quotation.
    pub quoted_speakers: Vec<ActorId>,
}

/// A line (or run of lines) the engine set aside.
#[derive(Debug)]
pub struct RemovedView {
    pub text: String,
    pub reason: String,
    pub n_lines: usize,
}

/// What an outlet's framing looks like at a glance.
#[derive(Debug, Default)]
pub struct FramingSummary {
    /// Actor the headline names first.
    pub headline_focus: Option<ActorId>,
    pub headline_frames: Vec<Frame>,
    /// Frames by number of sentences tagged, most first (at most three).
    pub main_frames: Vec<(Frame, usize)>,
    /// Statements by what they rest on, most first.
    pub sourcing: Vec<(SourceKind, usize)>,
    pub n_direct: usize,
    pub n_hedges: usize,
    pub n_loaded: usize,
}

/// How far [`ViewModel::build_with`] has got.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Progress {
    /// Articles analysed (or their prepared analysis decoded) so far.
    pub done: usize,
    /// Articles in all.
    pub total: usize,
    /// The analysis is the one prepared at build time, decoded rather than made: past the
    /// last article no claims are left to group.
    pub prepared: bool,
}

/// What became of the analysis prepared at build time.
enum Decoded {
    Analysis(Analysis),
    /// A newer analysis has started.
    Abandoned,
    /// It cannot be read, or is not that of this corpus.
    Unusable(String),
}

/// Decodes the analysis prepared at build time, an article per step, with `between` after
/// each as in [`ViewModel::build_with`].
async fn decode_prepared(
    text: &[u8],
    corpus: &Corpus,
    between: &mut impl AsyncFnMut(Progress) -> bool,
) -> Decoded {
    decode(text, corpus, between, Some("parallax:prepared")).await
}

/// Decodes an analysis in the build's encoding, checking that it is that of `corpus`'s
/// articles; the time it takes is the User Timing measure `measure_name`, if any.
async fn decode(
    text: &[u8],
    corpus: &Corpus,
    between: &mut impl AsyncFnMut(Progress) -> bool,
    measure_name: Option<&str>,
) -> Decoded {
    let measure = measure_name.map(Measure::start);
    let mut decoder = match parallax_engine::prepared::Decoder::new(text) {
        Ok(decoder) => decoder,
        Err(message) => return Decoded::Unusable(message),
    };
    loop {
        match decoder.step() {
            Ok(true) => {
                let progress = Progress {
                    done: decoder.done(),
                    total: decoder.total(),
                    prepared: true,
                };
                if !between(progress).await {
                    return Decoded::Abandoned;
                }
            }
            Ok(false) => break,
            Err(message) => return Decoded::Unusable(message),
        }
    }
    let analysis = match decoder.finish() {
        Ok(analysis) => analysis,
        Err(message) => return Decoded::Unusable(message),
    };
    if let Some(measure) = measure {
        measure.end();
    }
    let same_articles = analysis.articles.len() == corpus.articles.len()
        && analysis
            .articles
            .iter()
            .zip(&corpus.articles)
            .all(|(analysed, article)| analysed.id == article.id);
    if same_articles {
        Decoded::Analysis(analysis)
    } else {
        Decoded::Unusable("the analysis is not that of these articles".into())
    }
}

/// The analysis of `corpus`, the bundle's articles followed by `own`, made by the analysis
/// worker and decoded as the prepared one is (so it is checked to be of these articles).
async fn analyse_in_worker(
    bundle_json: &str,
    prepared: Option<&[u8]>,
    corpus: &Corpus,
    own: &[Article],
    between: &mut impl AsyncFnMut(Progress) -> bool,
) -> Decoded {
    let own_json = parallax_engine::reader::encode(own);
    // The same articles analysed earlier in this tab (a reload): decoded, if it can be.
    let key = analysis::cache_key(bundle_json, &own_json);
    if let Some(bytes) = analysis::cached(&key) {
        let decoded = decode(&bytes, corpus, &mut async |_| true, Some("parallax:cached")).await;
        if let Decoded::Analysis(_) = decoded {
            return decoded;
        }
    }
    // Wall time from the page's side: starting the worker, the analysis, sending it back.
    let measure = Measure::start("parallax:analyze");
    let bytes = match analysis::analyse(bundle_json, &own_json, prepared, &mut *between).await {
        Outcome::Done(bytes) => bytes,
        Outcome::Abandoned => return Decoded::Abandoned,
        Outcome::Failed(why) => return Decoded::Unusable(why),
    };
    measure.end();
    // Decoding it is quick (milliseconds for a thousand articles): no progress to show.
    let decoded = decode(&bytes, corpus, &mut async |_| true, None).await;
    if let Decoded::Analysis(_) = decoded {
        analysis::remember(&key, &bytes);
    }
    decoded
}

/// Short label of a sourcing kind, as a reader would say it.
pub const fn source_label(kind: SourceKind) -> &'static str {
    match kind {
        SourceKind::OnRecord => "on record",
        SourceKind::NamedThirdParty => "named third party",
        SourceKind::Anonymous => "anonymous",
        SourceKind::Outlet => "other outlet",
        SourceKind::Unsourced => "no source given",
    }
}

/// What came of [`ViewModel::build_with`].
pub enum Built {
    Model(ViewModel),
    /// A newer analysis started.
    Abandoned,
    /// No analysis could be had at all: a sentence for the reader.
    Failed(String),
}

impl ViewModel {
    /// The bundled corpus with the reader's own articles after it, analysed together so
    /// that their articles join the actors, claims and quotations of the rest.
    ///
    /// Without articles of the reader's own, the analysis is the one made when the app was
    /// built (`prepared`, see [`parallax_engine::prepared`]), decoded an article at a time.
    /// Otherwise the analysis worker makes it ([`crate::analysis`]), off the page's thread,
    /// resuming after the prepared analysis of the bundled articles (only the reader's are
    /// analysed; claims are grouped across all), and it is decoded the same way (after a reload in the same tab, the worker's last
    /// analysis of the same articles is decoded instead, when it was kept). After each step of decoding, on each progress
    /// message of the worker, and once more before building the view model,
    /// `between(progress)` is awaited: it may hand the page back (see [`crate::pace`]) and
    /// show progress, and returns `false` to abandon this analysis (a newer one has
    /// started).
    ///
    /// What goes wrong short of that is named to `problem` and worked around: when the
    /// reader's articles cannot be analysed, the bundled articles are shown alone (the
    /// reader's stay saved); when the prepared analysis cannot be used (a broken build),
    /// the worker analyses the bundled articles.
    pub async fn build_with(
        bundled: &Corpus,
        bundle_json: &str,
        prepared: &[u8],
        own: &[Article],
        mut between: impl AsyncFnMut(Progress) -> bool,
        mut problem: impl FnMut(String),
    ) -> Built {
        let mut corpus = bundled.clone();
        let n_bundled = corpus.articles.len();
        let mut analysis = None;
        if !own.is_empty() {
            corpus.articles.extend_from_slice(own);
            match analyse_in_worker(bundle_json, Some(prepared), &corpus, own, &mut between).await {
                Decoded::Analysis(done) => analysis = Some(done),
                Decoded::Abandoned => return Built::Abandoned,
                Decoded::Unusable(why) => {
                    problem(format!(
                        "Your articles could not be analysed: {why}. The bundled articles are \
                         shown without them; yours are kept, and are analysed again when the \
                         page is reloaded"
                    ));
                    corpus.articles.truncate(n_bundled);
                }
            }
        }
        let from_build = analysis.is_none();
        let analysis = match analysis {
            Some(analysis) => analysis,
            None => match decode_prepared(prepared, &corpus, &mut between).await {
                Decoded::Analysis(analysis) => analysis,
                Decoded::Abandoned => return Built::Abandoned,
                Decoded::Unusable(message) => {
                    problem(format!(
                        "{message}; the articles were analysed in this browser instead"
                    ));
                    match analyse_in_worker(bundle_json, None, &corpus, &[], &mut between).await {
                        Decoded::Analysis(analysis) => analysis,
                        Decoded::Abandoned => return Built::Abandoned,
                        Decoded::Unusable(why) => {
                            return Built::Failed(format!(
                                "The articles' analysis could not be loaded ({message}) nor made \
                                 in this browser ({why})."
                            ));
                        }
                    }
                }
            },
        };
        let total = corpus.articles.len();
        // The view model of a large corpus is work of its own (a tenth of the analysis).
        let progress = Progress {
            done: total,
            total,
            prepared: from_build,
        };
        if !between(progress).await {
            return Built::Abandoned;
        }
        let measure = Measure::start("parallax:view-model");
        let mut vm = ViewModel::from_analysis(corpus, analysis);
        measure.end();
        for article in vm.articles.iter_mut().skip(n_bundled) {
            article.own = true;
        }
        Built::Model(vm)
    }

    pub fn from_analysis(corpus: Corpus, analysis: Analysis) -> ViewModel {
        let n_articles = analysis.articles.len();
        let keys = article_keys(&analysis);
        let articles: Vec<ArticleView> = analysis
            .articles
            .iter()
            .enumerate()
            .map(|(idx, article)| {
                let text = corpus.articles.get(idx).map_or("", |a| a.text.as_str());
                let meta = corpus.articles.get(idx).map(|a| &a.meta);
                article_view(idx, article, text, meta, keys[idx].clone())
            })
            .collect();

        let mut actors: Vec<ActorView> = analysis
            .actors
            .iter()
            .enumerate()
            .map(|(id, actor)| ActorView {
                id,
                name: actor.display_name().to_owned(),
                slug: String::new(),
                search_text: parallax_engine::text::fold(&format!(
                    "{} {} {}",
                    actor.name,
                    actor.role.as_deref().unwrap_or(""),
                    actor.affiliation.as_deref().unwrap_or("")
                )),
                kind: actor.kind,
                role: actor.role.clone(),
                affiliation: actor.affiliation.clone(),
                discovered: actor.discovered,
                colour: None,
                n_mentions: 0,
                n_quotes: 0,
                per_article: vec![ActorInArticle::default(); n_articles],
            })
            .collect();
        for (article_idx, article) in analysis.articles.iter().enumerate() {
            for row in &article.actors {
                if let Some(actor) = actors.get_mut(row.actor) {
                    actor.n_mentions += row.mentions;
                    actor.n_quotes += row.n_quotes;
                    actor.per_article[article_idx] = ActorInArticle {
                        mentions: row.mentions,
                        n_quotes: row.n_quotes,
                        n_quoted_words: row.n_quoted_words,
                    };
                }
            }
        }
        let mut taken = std::collections::HashSet::new();
        for actor in &mut actors {
            let base = slug(&actor.name);
            let mut candidate = base.clone();
            let mut n = 2;
            while !taken.insert(candidate.clone()) {
                candidate = format!("{base}-{n}");
                n += 1;
            }
            actor.slug = candidate;
        }
        let mut actor_order: Vec<ActorId> = actors
            .iter()
            .filter(|a| a.n_mentions + a.n_quotes > 0)
            .map(|a| a.id)
            .collect();
        order::sort_by(&mut actor_order, |&a, &b| {
            let (a, b) = (&actors[a], &actors[b]);
            b.n_mentions
                .cmp(&a.n_mentions)
                .then_with(|| a.name.cmp(&b.name))
        });
        for (rank, &id) in actor_order.iter().take(N_COLOURS).enumerate() {
            actors[id].colour = Some(rank);
        }
        let quote_groups = quote_groups::group(&corpus, &analysis);
        ViewModel {
            corpus,
            analysis,
            articles,
            actors,
            actor_order,
            quote_groups,
        }
    }

    /// The article's text (empty if the corpus and analysis disagree, which they cannot).
    pub fn text(&self, article_idx: usize) -> &str {
        self.corpus
            .articles
            .get(article_idx)
            .map_or("", |a| a.text.as_str())
    }

    pub fn actor_name(&self, id: ActorId) -> &str {
        self.actors
            .get(id)
            .map_or("unknown actor", |a| a.name.as_str())
    }

    pub fn actor_by_slug(&self, slug: &str) -> Option<ActorId> {
        self.actors.iter().find(|a| a.slug == slug).map(|a| a.id)
    }

    pub fn article_by_key(&self, key: &str) -> Option<usize> {
        self.articles
            .iter()
            .find(|a| a.key == key || a.id == key)
            .map(|a| a.idx)
    }
}

/// Lower-case ASCII words joined by hyphens: the URL form of a name.
pub fn slug(name: &str) -> String {
    let folded = parallax_engine::text::fold(name);
    let mut out = String::new();
    for c in folded.chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    if out.is_empty() {
        "actor".to_owned()
    } else {
        out
    }
}

/// "003" where the numbered prefixes are unique, else the whole id.
fn article_keys(analysis: &Analysis) -> Vec<String> {
    let shorts: Vec<&str> = analysis.articles.iter().map(|a| short_id(&a.id)).collect();
    shorts
        .iter()
        .zip(&analysis.articles)
        .map(|(short, article)| {
            let unique = shorts.iter().filter(|s| *s == short).count() == 1;
            if unique {
                (*short).to_owned()
            } else {
                article.id.clone()
            }
        })
        .collect()
}

fn article_view(
    idx: usize,
    article: &ArticleAnalysis,
    text: &str,
    meta: Option<&parallax_engine::corpus::ArticleMeta>,
    key: String,
) -> ArticleView {
    let n_sentences = article.sentences.len();
    let mut sentence_actors: Vec<Vec<ActorId>> = vec![Vec::new(); n_sentences];
    for mention in &article.mentions {
        if let Some(set) = sentence_actors.get_mut(mention.sentence_idx) {
            set.push(mention.actor);
        }
    }
    let mut sentence_cues = vec![CueFlags::empty(); n_sentences];
    let mut flag = |sentence_idx: usize, flag: CueFlags| {
        if let Some(f) = sentence_cues.get_mut(sentence_idx) {
            *f = f.union(flag);
        }
    };
    for quote in &article.quotes {
        if quote.kind != QuoteKind::Scare {
            flag(quote.sentence_idx, CueFlags::QUOTE);
        }
        if let Some(set) = sentence_actors.get_mut(quote.sentence_idx) {
            set.extend(quote.speaker_ids.iter().copied());
        }
    }
    for statement in &article.statements {
        if matches!(
            statement.mode,
            StatementMode::Direct | StatementMode::Partial
        ) {
            flag(statement.sentence_idx, CueFlags::QUOTE);
        }
        if statement.sourcing.kind == SourceKind::Anonymous {
            flag(statement.sentence_idx, CueFlags::ANONYMOUS);
        }
        if let Some(set) = sentence_actors.get_mut(statement.sentence_idx) {
            set.extend(statement.speakers.iter().copied());
        }
    }
    for cue in &article.cues {
        match cue.kind {
            CueKind::Hedge | CueKind::Evidential => flag(cue.sentence_idx, CueFlags::HEDGE),
            CueKind::AnonymousSource => flag(cue.sentence_idx, CueFlags::ANONYMOUS),
            CueKind::Loaded | CueKind::AttributionVerb => {}
        }
    }
    for set in &mut sentence_actors {
        order::sort_dedup(set);
    }

    // Findings by block, found through their sentence (and their span, for safety).
    let n_blocks = article.blocks.len();
    let block_of = |sentence_idx: usize| article.sentences.get(sentence_idx).map(|s| s.block_idx);
    let mut block_marks: Vec<Vec<Mark>> = vec![Vec::new(); n_blocks];
    let mut push_mark = |sentence_idx: usize, mark: Mark| {
        let block = block_of(sentence_idx).filter(|&b| {
            article
                .blocks
                .get(b)
                .is_some_and(|block| block.span.overlaps(mark.span))
        });
        let block = block.or_else(|| {
            article
                .blocks
                .iter()
                .position(|b| b.span.overlaps(mark.span))
        });
        if let Some(b) = block {
            block_marks[b].push(mark);
        }
    };
    for (i, q) in article.quotes.iter().enumerate() {
        push_mark(
            q.sentence_idx,
            Mark {
                kind: MarkKind::Quote(i),
                span: q.span,
            },
        );
    }
    for (i, c) in article.cues.iter().enumerate() {
        push_mark(
            c.sentence_idx,
            Mark {
                kind: MarkKind::Cue(i),
                span: c.span,
            },
        );
    }
    for (i, m) in article.mentions.iter().enumerate() {
        push_mark(
            m.sentence_idx,
            Mark {
                kind: MarkKind::Mention(i),
                span: m.span,
            },
        );
    }
    let mut block_actors: Vec<Vec<ActorId>> = vec![Vec::new(); n_blocks];
    let mut block_cues = vec![CueFlags::empty(); n_blocks];
    for (sentence_idx, sentence) in article.sentences.iter().enumerate() {
        if let Some(set) = block_actors.get_mut(sentence.block_idx) {
            set.extend(sentence_actors[sentence_idx].iter().copied());
            block_cues[sentence.block_idx] =
                block_cues[sentence.block_idx].union(sentence_cues[sentence_idx]);
        }
    }
    let mut quoted_speakers: Vec<Vec<ActorId>> = vec![Vec::new(); n_blocks];
    for quote in article.quotes.iter().filter(|q| q.kind == QuoteKind::Full) {
        if let Some(b) = block_of(quote.sentence_idx).filter(|&b| b < n_blocks) {
            quoted_speakers[b].extend(quote.speaker_ids.iter().copied());
        }
    }
    let mut headline = None;
    let mut blocks = Vec::with_capacity(n_blocks);
    for (block_idx, block) in article.blocks.iter().enumerate() {
        let mut actors = std::mem::take(&mut block_actors[block_idx]);
        order::sort_dedup(&mut actors);
        let mut speakers = std::mem::take(&mut quoted_speakers[block_idx]);
        order::sort_dedup(&mut speakers);
        let view = BlockView {
            block_idx,
            kind: block.kind,
            span: block.span,
            segments: segments::nest(block.span, &block_marks[block_idx]),
            actors,
            cues: block_cues[block_idx],
            quoted_speakers: speakers,
        };
        if block.kind == BlockKind::Headline && headline.is_none() {
            headline = Some(view);
        } else {
            blocks.push(view);
        }
    }

    let mut actors: Vec<ActorId> = sentence_actors.iter().flatten().copied().collect();
    actors.extend(
        article
            .actors
            .iter()
            .filter(|a| a.mentions > 0)
            .map(|a| a.actor),
    );
    order::sort_dedup(&mut actors);

    let removed: Vec<RemovedView> = article
        .removed
        .iter()
        .map(|r| RemovedView {
            text: r.text.clone(),
            reason: r.reason.clone(),
            n_lines: r
                .text
                .lines()
                .filter(|l| !l.trim().is_empty())
                .count()
                .max(1),
        })
        .collect();
    let url = article
        .url
        .clone()
        .filter(|u| parallax_engine::corpus::is_web_url(u));
    let n_quoted_words = article
        .quotes
        .iter()
        .filter(|q| !q.speaker_ids.is_empty())
        .map(|q| parallax_engine::text::count_words(&q.text))
        .sum();
    ArticleView {
        idx,
        id: article.id.clone(),
        key,
        name: column_name(article.outlet.as_deref(), &article.id),
        outlet_known: article
            .outlet
            .as_deref()
            .is_some_and(|o| !o.trim().is_empty()),
        outlet_about: meta.and_then(|m| m.outlet_about.clone()),
        evidence: meta.and_then(|m| m.evidence.clone()),
        confidence: meta.and_then(|m| m.confidence.clone()),
        date: article.date.clone(),
        url,
        summary: summarise(article, headline.as_ref(), text),
        headline,
        blocks,
        sentence_actors,
        sentence_cues,
        actors,
        n_words: article.n_words,
        n_quoted_words,
        n_removed_lines: removed.iter().map(|r| r.n_lines).sum(),
        own: false,
        removed,
    }
}

fn summarise(
    article: &ArticleAnalysis,
    headline: Option<&BlockView>,
    _text: &str,
) -> FramingSummary {
    let headline_sentences: Vec<usize> = match headline {
        Some(h) => article
            .sentences
            .iter()
            .enumerate()
            .filter(|(_, s)| s.block_idx == h.block_idx)
            .map(|(i, _)| i)
            .collect(),
        None => Vec::new(),
    };
    let headline_focus = headline.and_then(|h| {
        article
            .mentions
            .iter()
            .filter(|m| h.span.contains(m.span))
            .min_by_key(|m| m.span.start)
    });
    let mut headline_frames: Vec<Frame> = article
        .frames
        .iter()
        .filter(|f| headline_sentences.contains(&f.sentence_idx))
        .map(|f| f.frame)
        .collect();
    order::sort_dedup(&mut headline_frames);

    let mut frame_sentences: Vec<(Frame, usize)> = Vec::new();
    for tag in &article.frames {
        frame_sentences.push((tag.frame, tag.sentence_idx));
    }
    order::sort_dedup(&mut frame_sentences);
    let mut main_frames: Vec<(Frame, usize)> = Vec::new();
    for (frame, _) in frame_sentences {
        match main_frames.last_mut() {
            Some((f, n)) if *f == frame => *n += 1,
            _ => main_frames.push((frame, 1)),
        }
    }
    order::sort_by(&mut main_frames, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    main_frames.truncate(3);

    let mut sourcing: Vec<(SourceKind, usize)> = Vec::new();
    for statement in &article.statements {
        match sourcing
            .iter_mut()
            .find(|(k, _)| *k == statement.sourcing.kind)
        {
            Some((_, n)) => *n += 1,
            None => sourcing.push((statement.sourcing.kind, 1)),
        }
    }
    order::sort_by_key(&mut sourcing, |s| std::cmp::Reverse(s.1));
    let count = |kinds: &[CueKind]| {
        article
            .cues
            .iter()
            .filter(|c| kinds.contains(&c.kind))
            .count()
    };
    FramingSummary {
        headline_focus: headline_focus.map(|m| m.actor),
        headline_frames,
        main_frames,
        sourcing,
        n_direct: article
            .quotes
            .iter()
            .filter(|q| q.kind != QuoteKind::Scare)
            .count(),
        n_hedges: count(&[CueKind::Hedge, CueKind::Evidential]),
        n_loaded: count(&[CueKind::Loaded]),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_are_ascii_words_joined_by_hyphens() {
        let cases = [
            ("Olaf Scholz", "olaf-scholz"),
            ("Stéphane Séjourné", "stephane-sejourne"),
            ("  NATO  ", "nato"),
            ("U.S. Department of State", "u-s-department-of-state"),
            ("", "actor"),
        ];
        for (name, expected) in cases {
            assert_eq!(slug(name), expected, "{name}");
        }
    }
}
