//! Parallax's analysis engine: from the raw text of news articles to who appears, who is
//! quoted saying what, on whose authority, with which framing cues, and which statements
//! several outlets carry in their own words.
//!
//! The main entry point is [`analyze`], plain data in and plain data out:
//!
//! ```
//! use parallax_engine::{analyze, corpus::{Article, Corpus}, gazetteer::Gazetteer};
//!
//! let corpus = Corpus {
//!     articles: vec![Article {
//!         id: "a".into(),
//!         text: "Leaders met in Paris.\n\n\"We agreed,\" he said.".into(),
//!         ..Article::default()
//!     }],
//! };
//! let analysis = analyze(&corpus, &Gazetteer::default());
//! assert_eq!(analysis.articles[0].id, "a");
//! ```
//!
//! Every finding carries a [`model::Span`] into its article's text and, where a reader
//! may ask why, a short reason. Analysis never panics and never fails: messy input is
//! worked around and noted in [`model::Analysis::diagnostics`]. Only loading a corpus
//! from disk ([`corpus::load_dir`], feature `load`) returns errors.
//!
//! The engine knows nothing of the DOM, the browser, the clock or randomness: the same
//! input always gives the same analysis.

pub mod actors;
pub mod claims;
pub mod corpus;
pub mod cues;
pub mod export;
pub mod gazetteer;
pub mod lexicon;
pub mod model;
pub mod order;
pub mod prepared;
pub mod quotes;
pub mod reader;
pub mod remarks;
pub mod structure;
pub mod synth;
pub mod text;

pub use model::*;

use corpus::{Article, Corpus};
use gazetteer::Gazetteer;

/// Analyses every article of `corpus` against `gazetteer`, then groups claims across them.
///
/// Work is linear in the corpus size: each article is analysed once, and claims are
/// grouped through an inverted index rather than by comparing every pair of sentences.
pub fn analyze(corpus: &Corpus, gazetteer: &Gazetteer) -> Analysis {
    Analyzer::new(corpus, gazetteer).finish()
}

/// [`analyze`] a step at a time, for a caller that must not be busy for long at once: the
/// browser app hands the page back between steps, so that it can paint progress and
/// answer the reader while a large corpus is analysed.
///
/// Each [`step`](Analyzer::step) analyses one article; once every article is analysed,
/// each step takes a part of grouping claims across them (see [`claims::Grouping`]): a few
/// milliseconds of work at most, whatever the corpus size. [`finish`](Analyzer::finish)
/// takes the steps left and returns the analysis, exactly that of [`analyze`] however the
/// steps were spread.
///
/// ```
/// use parallax_engine::{Analyzer, corpus::{Article, Corpus}, gazetteer::Gazetteer};
///
/// let article = |id: &str| Article { id: id.into(), text: "Leaders met.".into(), ..Article::default() };
/// let corpus = Corpus { articles: vec![article("a"), article("b")] };
/// let gazetteer = Gazetteer::default();
/// let mut analyzer = Analyzer::new(&corpus, &gazetteer);
/// while analyzer.step() {
///     assert!(analyzer.done() <= analyzer.total());
/// }
/// assert_eq!(analyzer.done(), 2);
/// assert_eq!(analyzer.finish().articles.len(), 2);
/// ```
pub struct Analyzer<'a> {
    corpus: &'a Corpus,
    index: Index<'a>,
    registry: actors::Registry,
    diagnostics: Vec<Diagnostic>,
    articles: Vec<ArticleAnalysis>,
    /// The corpus's actors, once every article is analysed.
    actors: Option<Vec<Actor>>,
    grouping: claims::Grouping,
}

/// The gazetteer compiled for matching: an analysis's own, or one lent to many analyses.
enum Index<'a> {
    Own(Box<actors::ActorIndex<'a>>),
    Lent(&'a actors::ActorIndex<'a>),
}

impl<'a> Index<'a> {
    fn get(&self) -> &actors::ActorIndex<'a> {
        match self {
            Index::Own(index) => index,
            Index::Lent(index) => index,
        }
    }
}

impl<'a> Analyzer<'a> {
    /// Prepares the analysis of `corpus` (compiling the gazetteer's names, roles and
    /// aliases once); no article is analysed yet.
    pub fn new(corpus: &'a Corpus, gazetteer: &'a Gazetteer) -> Analyzer<'a> {
        Analyzer::with(
            corpus,
            Index::Own(Box::new(actors::ActorIndex::new(gazetteer))),
        )
    }

    /// [`new`](Self::new) with the gazetteer already compiled: a program that analyses
    /// again and again with one gazetteer (the browser's analysis worker, each time a
    /// reader adds an article) compiles it once. The analysis is the same.
    pub fn with_index(corpus: &'a Corpus, index: &'a actors::ActorIndex<'a>) -> Analyzer<'a> {
        Analyzer::with(corpus, Index::Lent(index))
    }

    fn with(corpus: &'a Corpus, index: Index<'a>) -> Analyzer<'a> {
        Analyzer {
            corpus,
            index,
            registry: actors::Registry::default(),
            diagnostics: Vec::new(),
            articles: Vec::with_capacity(corpus.articles.len()),
            actors: None,
            grouping: claims::Grouping::default(),
        }
    }

    /// Prepares the analysis of `corpus` from that of its first articles, `done`: what
    /// [`analyze`] (or [`finish`](Self::finish)) returned for exactly those articles of
    /// the same text, with the same gazetteer and this engine — the analysis the build
    /// prepares of the bundled articles ([`prepared`]), when a reader adds their own.
    /// The articles of `done` are not analysed again; the rest are, after them, and claims
    /// are grouped across the whole corpus: the result is exactly [`analyze`]'s, in a
    /// fraction of its time (each article's analysis is about half the work).
    ///
    /// An article's analysis depends only on its text and on the actors the articles
    /// before it registered, which `done`'s actors give back ([`actors::Registry::resume`]);
    /// its claims are left out, since they change with every article added.
    ///
    /// Errors (sentences) when `done` cannot be such an analysis: more articles than the
    /// corpus, articles of other ids, or actors this gazetteer cannot have given.
    pub fn resume(
        corpus: &'a Corpus,
        gazetteer: &'a Gazetteer,
        done: Analysis,
    ) -> Result<Analyzer<'a>, String> {
        Analyzer::resume_into(corpus, gazetteer, done, || {
            Index::Own(Box::new(actors::ActorIndex::new(gazetteer)))
        })
    }

    /// [`resume`](Self::resume) with the gazetteer already compiled (see
    /// [`with_index`](Self::with_index)).
    pub fn resume_with_index(
        corpus: &'a Corpus,
        index: &'a actors::ActorIndex<'a>,
        done: Analysis,
    ) -> Result<Analyzer<'a>, String> {
        Analyzer::resume_into(corpus, index.gazetteer(), done, || Index::Lent(index))
    }

    /// [`resume_with_index`](Self::resume_with_index), with claims' grouping going on from
    /// `start` rather than from the first article: the units of the articles `start` took
    /// are not taken again (their sentences are not read again). The analysis is the same.
    ///
    /// `start` is used only when it was made of this corpus's first articles (the same ids
    /// and texts) and of no more articles than `done` has, analysed with the same gazetteer
    /// (as the prepared analysis of a bundle is, every time); otherwise, or when an actor
    /// of those articles ends up with another affiliation (a discovered actor that a later
    /// article names as the gazetteer's), claims are grouped from the first article.
    pub fn resume_from(
        corpus: &'a Corpus,
        index: &'a actors::ActorIndex<'a>,
        done: Analysis,
        start: &ClaimsStart,
    ) -> Result<Analyzer<'a>, String> {
        let mut analyzer = Analyzer::resume_with_index(corpus, index, done)?;
        if start.fits(corpus, analyzer.articles.len()) {
            analyzer.grouping = start.grouping.clone();
        }
        Ok(analyzer)
    }

    /// The checks and the resumed state of [`resume`](Self::resume); `index` is called
    /// only once `done` has passed them.
    fn resume_into(
        corpus: &'a Corpus,
        gazetteer: &'a Gazetteer,
        done: Analysis,
        index: impl FnOnce() -> Index<'a>,
    ) -> Result<Analyzer<'a>, String> {
        if let Some(why) = not_first_articles(corpus, &done) {
            return Err(why);
        }
        let n = done.articles.len();
        let registry = actors::Registry::resume(done.actors, gazetteer).ok_or_else(|| {
            "the actors of the analysis to resume do not match the gazetteer".to_owned()
        })?;
        let mut articles = done.articles;
        articles.reserve(corpus.articles.len() - n);
        Ok(Analyzer {
            corpus,
            index: index(),
            registry,
            diagnostics: done.diagnostics,
            articles,
            actors: None,
            grouping: claims::Grouping::default(),
        })
    }

    /// Analyses the next article, or takes the next step of grouping claims; `false` when
    /// only [`finish`](Self::finish) is left.
    pub fn step(&mut self) -> bool {
        if let Some(article) = self.corpus.articles.get(self.articles.len()) {
            let analysis = analyze_article(
                article,
                self.index.get(),
                &mut self.registry,
                &mut self.diagnostics,
            );
            self.articles.push(analysis);
            return true;
        }
        let actors = match &mut self.actors {
            Some(actors) => actors,
            None => {
                let actors = std::mem::take(&mut self.registry).into_actors();
                // Units taken from a `ClaimsStart` hold the sides its actors had then.
                if !self.grouping.sides_hold(&actors) {
                    self.grouping = claims::Grouping::default();
                }
                self.actors.insert(actors)
            }
        };
        self.grouping.step(self.corpus, &self.articles, actors)
    }

    /// Articles analysed so far.
    pub fn done(&self) -> usize {
        self.articles.len()
    }

    /// Articles in the corpus.
    pub fn total(&self) -> usize {
        self.corpus.articles.len()
    }

    /// Takes the steps left and returns the analysis of the corpus.
    pub fn finish(mut self) -> Analysis {
        while self.step() {}
        let actors = self.actors.take().unwrap_or_default();
        let claims = self.grouping.finish(self.corpus, &self.articles, &actors);
        Analysis {
            articles: self.articles,
            actors,
            claims,
            diagnostics: self.diagnostics,
        }
    }
}

/// Why `done` cannot be the analysis of `corpus`'s first articles (more articles than the
/// corpus, or articles of other ids), if it cannot.
fn not_first_articles(corpus: &Corpus, done: &Analysis) -> Option<String> {
    let n = done.articles.len();
    if n > corpus.articles.len() {
        return Some(format!(
            "the analysis to resume has {n} articles, the corpus {}",
            corpus.articles.len()
        ));
    }
    done.articles
        .iter()
        .zip(&corpus.articles)
        .position(|(analysed, article)| analysed.id != article.id)
        .map(|i| {
            format!(
                "article {} of the analysis to resume is not the corpus's",
                i + 1
            )
        })
}

/// Claims' grouping with the units of a corpus's first articles taken, for
/// [`Analyzer::resume_from`]: kept by a program that resumes after one prepared analysis
/// again and again (the browser's analysis worker, each time a reader adds an article),
/// so that each analysis takes the units of the articles after them only. (Grouping still
/// weighs and compares every unit again: a term's weight depends on the whole corpus.)
#[derive(Clone)]
pub struct ClaimsStart {
    /// The articles taken, by id and text: what a corpus must start with.
    articles: Vec<(String, String)>,
    grouping: claims::Grouping,
}

impl ClaimsStart {
    /// The units of `done`'s articles, which are `corpus`'s first ones (as for
    /// [`Analyzer::resume`]); none when they are not.
    pub fn new(corpus: &Corpus, done: &Analysis) -> ClaimsStart {
        let mut start = ClaimsStart {
            articles: Vec::new(),
            grouping: claims::Grouping::default(),
        };
        let n = done.articles.len();
        if not_first_articles(corpus, done).is_none() {
            start
                .grouping
                .take_articles(corpus, &done.articles, &done.actors);
            start.articles = corpus.articles[..n]
                .iter()
                .map(|a| (a.id.clone(), a.text.clone()))
                .collect();
        }
        start
    }

    /// Articles whose units are taken.
    pub fn len(&self) -> usize {
        self.grouping.n_articles()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// Whether `corpus` starts with the articles taken, all among the `n_done` analysed.
    fn fits(&self, corpus: &Corpus, n_done: usize) -> bool {
        let n = self.articles.len();
        n <= n_done
            && n <= corpus.articles.len()
            && self
                .articles
                .iter()
                .zip(&corpus.articles)
                .all(|((id, text), article)| *id == article.id && *text == article.text)
    }
}

fn analyze_article(
    article: &Article,
    index: &actors::ActorIndex<'_>,
    registry: &mut actors::Registry,
    diagnostics: &mut Vec<Diagnostic>,
) -> ArticleAnalysis {
    let text = article.text.as_str();
    let outlet = article.meta.outlet.as_deref().map(text::fold);
    let structure = structure::parse_with_sources(
        text,
        &|line| index.is_media_name(line) || outlet.as_deref() == Some(text::fold(line).as_str()),
        &|name| {
            // The article's own outlet is the site, whatever the body says of it.
            if outlet.as_deref() == Some(text::fold(name.trim()).as_str()) {
                Vec::new()
            } else {
                index.media_names_of(name)
            }
        },
    );
    for message in &structure.diagnostics {
        diagnostics.push(Diagnostic {
            article: Some(article.id.clone()),
            message: message.clone(),
        });
    }
    let header = corpus::parse_header_line(text);
    let date = article
        .meta
        .date
        .clone()
        .or_else(|| header.as_ref().and_then(|h| h.date.clone()));
    let url = article
        .meta
        .url
        .clone()
        .or_else(|| header.as_ref().and_then(|h| h.url.clone()));

    let mentions = index.find_mentions(text, &structure, date.as_deref(), registry);
    // The sentences' words, folded once for the two stages that read them all.
    let mut folded_buf = String::new();
    let words = quotes::ArticleWords::new(text, &structure, &mut folded_buf);
    let (quotes, statements) =
        quotes::find_quotes_and_statements_in(text, &structure, &words, &mentions, registry);
    let (cues, frames) = cues::find_cues_and_frames_in(text, &structure, &words);

    let actors = article_actors(&mentions, &quotes, registry);
    let n_words = structure.n_words(text);
    // The structure is done with: its lists move into the analysis rather than being copied.
    ArticleAnalysis {
        id: article.id.clone(),
        outlet: article.meta.outlet.clone(),
        date,
        url,
        headline: structure.headline.map(|span| span.text(text).to_owned()),
        removed: structure.removed,
        actors,
        quotes,
        headline_span: structure.headline,
        header_span: structure.header,
        blocks: structure.blocks,
        sentences: structure.sentences,
        mentions,
        statements,
        cues,
        frames,
        n_words,
    }
}

/// Per-article actor table: mention counts and quotation shares, most mentioned first.
fn article_actors(
    mentions: &[Mention],
    quotes: &[Quote],
    registry: &actors::Registry,
) -> Vec<ArticleActor> {
    let mut rows: Vec<ArticleActor> = Vec::new();
    let mut row_of = std::collections::HashMap::new();
    let mut row = |actor: ActorId, rows: &mut Vec<ArticleActor>| -> usize {
        *row_of.entry(actor).or_insert_with(|| {
            let a = registry.actor(actor);
            rows.push(ArticleActor {
                name: a.name.clone(),
                kind: a.kind,
                mentions: 0,
                discovered: a.discovered,
                actor,
                n_quotes: 0,
                n_quoted_words: 0,
            });
            rows.len() - 1
        })
    };
    for mention in mentions {
        let i = row(mention.actor, &mut rows);
        rows[i].mentions += 1;
    }
    for quote in quotes {
        for &speaker in &quote.speaker_ids {
            let i = row(speaker, &mut rows);
            rows[i].n_quotes += 1;
            rows[i].n_quoted_words += text::count_words(&quote.text);
        }
    }
    order::sort_by(&mut rows, |a, b| {
        b.mentions
            .cmp(&a.mentions)
            .then_with(|| a.name.cmp(&b.name))
    });
    rows
}

#[cfg(all(test, feature = "load"))]
mod tests {
    use super::*;

    fn bundle() -> corpus::Bundle {
        let seeds = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        corpus::load_bundle(&seeds).expect("the seeds load")
    }

    /// What [`Analyzer::resume`] rests on: after every article, the registry comes back
    /// whole from its list of actors alone (gazetteer actors, discovered ones, and those
    /// discovered first and named by the gazetteer later).
    #[test]
    fn the_registry_comes_back_from_its_actors_after_every_article() {
        let bundle = bundle();
        // Seeds and synthetic articles name the gazetteer's actors; these name people and
        // bodies it does not have, discovered from their context, one of them twice.
        let discovering = |id: &str, text: &str| corpus::Article {
            id: id.into(),
            text: text.into(),
            ..corpus::Article::default()
        };
        let mut corpus = bundle.corpus.clone();
        corpus.articles.push(discovering(
            "d1",
            "Dutch Prime Minister Jan Vermeer said on Tuesday that \"Europe must decide\".              Anna Kowalczyk, a senior fellow at the Baltic Policy Institute, said the              remarks were \"a signal to Moscow\".",
        ));
        let synth = synth::synth_corpus(&bundle.corpus, &bundle.gazetteer, 40, 3);
        corpus.articles.extend(synth.articles);
        corpus.articles.push(discovering(
            "d2",
            "\"We will not send troops,\" Slovak Defence Minister Petra Novakova told              reporters. Jan Vermeer said he agreed.",
        ));
        let mut analyzer = Analyzer::new(&corpus, &bundle.gazetteer);
        let (mut gazetteer_actors, mut discovered) = (0, 0);
        while analyzer.done() < analyzer.total() {
            analyzer.step();
            let registry = &analyzer.registry;
            let resumed = actors::Registry::resume(registry.actors().to_vec(), &bundle.gazetteer);
            assert!(
                resumed.as_ref() == Some(registry),
                "after article {}: {resumed:#?}",
                analyzer.done()
            );
            discovered = registry.actors().iter().filter(|a| a.discovered).count();
            gazetteer_actors = registry.len() - discovered;
        }
        assert!(
            gazetteer_actors > 10 && discovered >= 4,
            "{gazetteer_actors} {discovered}"
        );
    }

    #[test]
    fn actors_no_registry_can_have_given_are_refused() {
        let bundle = bundle();
        let actors = analyze(&bundle.corpus, &bundle.gazetteer).actors;
        let resume = |actors: Vec<Actor>| actors::Registry::resume(actors, &bundle.gazetteer);
        assert!(resume(actors.clone()).is_some());
        // Two actors of one folded name.
        let mut twice = actors.clone();
        let mut again = twice[0].clone();
        again.name = text::fold(&again.name).to_uppercase();
        twice.push(again);
        assert!(resume(twice).is_none());
        // An actor named as an entry, but not from it.
        let mut other = actors.clone();
        let entry_actor = other.iter_mut().find(|a| !a.discovered).unwrap();
        entry_actor.affiliation = Some("Nowhere".into());
        assert!(resume(other).is_none());
    }

    #[test]
    fn an_analysis_of_other_articles_is_not_resumed() {
        let bundle = bundle();
        let corpus = &bundle.corpus;
        let done = analyze(corpus, &bundle.gazetteer);
        let shorter = Corpus {
            articles: corpus.articles[..2].to_vec(),
        };
        let error = Analyzer::resume(&shorter, &bundle.gazetteer, done.clone()).err();
        assert_eq!(
            error.as_deref(),
            Some("the analysis to resume has 5 articles, the corpus 2")
        );
        let mut renamed = corpus.clone();
        renamed.articles[3].id = "other".into();
        let error = Analyzer::resume(&renamed, &bundle.gazetteer, done).err();
        assert_eq!(
            error.as_deref(),
            Some("article 4 of the analysis to resume is not the corpus's")
        );
    }

    /// A reader's article after the seeds, resumed with claims started from the seeds'
    /// units: the same analysis as the whole corpus's, whichever way it goes on.
    #[test]
    fn claims_started_from_the_first_articles_give_the_whole_analysis() {
        let bundle = bundle();
        let index = actors::ActorIndex::new(&bundle.gazetteer);
        let done = analyze(&bundle.corpus, &bundle.gazetteer);
        let mut corpus = bundle.corpus.clone();
        let mut own = corpus.articles[0].clone();
        own.id = "own".into();
        own.text = own.text.replace("troops", "soldiers");
        corpus.articles.push(own);
        let whole = analyze(&corpus, &bundle.gazetteer);
        let resume = |start: &ClaimsStart| {
            Analyzer::resume_from(&corpus, &index, done.clone(), start)
                .map(Analyzer::finish)
                .expect("the seeds' analysis resumes")
        };
        let start = ClaimsStart::new(&bundle.corpus, &done);
        assert_eq!(start.len(), bundle.corpus.articles.len());
        let mut resumed = Analyzer::resume_from(&corpus, &index, done.clone(), &start).unwrap();
        // The start is taken: the grouping has the seeds' units before it takes a step.
        resumed.step();
        assert_eq!(resumed.grouping.n_articles(), 5);
        assert!(resume(&start) == whole);
        // A start of other articles is not used: the same analysis, grouped from the first.
        let mut other = bundle.corpus.clone();
        other.articles[2].text.push_str("\n\nOne more line.");
        let other_start = ClaimsStart::new(&other, &analyze(&other, &bundle.gazetteer));
        assert!(!other_start.fits(&corpus, 5));
        assert!(resume(&other_start) == whole);
        // Units that hold a speaker's side as it no longer is (a start made when an
        // actor had another affiliation) are dropped.
        let mut before = done.clone();
        let speaker = before.articles[0]
            .statements
            .iter()
            .flat_map(|st| &st.speakers)
            .next();
        let speaker = *speaker.expect("the first seed has a named speaker");
        before.actors[speaker].affiliation = Some("Elsewhere".into());
        let stale = ClaimsStart::new(&bundle.corpus, &before);
        assert!(!stale.grouping.sides_hold(&done.actors));
        assert!(resume(&stale) == whole);
    }

    /// A headline closed by an outlet the body cites under another of its names keeps it
    /// (its source); closed by the article's own outlet, the site, it is set aside.
    #[test]
    fn a_headline_keeps_the_outlet_it_reports_from_and_loses_the_sites_name() {
        let bundle = bundle();
        let article = |id: &str, outlet: Option<&str>, headline: &str| corpus::Article {
            id: id.into(),
            text: format!(
                "{headline}\n\nMacron urged allies to keep Moscow guessing, according to The \
                 Wall Street Journal.\n"
            ),
            meta: corpus::ArticleMeta {
                outlet: outlet.map(str::to_owned),
                ..corpus::ArticleMeta::default()
            },
        };
        let corpus = Corpus {
            articles: vec![
                article(
                    "source",
                    None,
                    "Macron urged allies to keep Moscow guessing – WSJ",
                ),
                article("site", Some("Euronews"), "Macron urges allies - Euronews"),
            ],
        };
        let analysis = analyze(&corpus, &bundle.gazetteer);
        let headlines: Vec<Option<&str>> = analysis
            .articles
            .iter()
            .map(|a| a.headline.as_deref())
            .collect();
        assert_eq!(
            headlines,
            [
                Some("Macron urged allies to keep Moscow guessing – WSJ"),
                Some("Macron urges allies")
            ]
        );
    }
}
