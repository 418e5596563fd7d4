//! Claims across outlets: sentences of different articles (or two sentences of one) that
//! report the same fact or statement, grouped so the viewer can show who carries a claim,
//! in what words, and who omits it.
//!
//! # Method
//!
//! The method is lexical and explainable, and its work grows linearly with the corpus.
//!
//! 1. **Terms.** Text becomes a bag of terms:
//!    - words, folded (lower case, no accents), stop words removed (function words, modal
//!      verbs, pronouns of quantity and negation such as "nothing" — "nothing should be
//!      ruled out" and "should not be ruled out" say the same —, and attribution verbs:
//!      "said", "told", "wrote", "reported" say who speaks, not what), possessives cut, and lightly
//!      stemmed by suffix rules so that "division"/"dividing"/"divide",
//!      "deploy"/"deployment", "escalate"/"escalation" meet ([`stem`]);
//!    - a small table of general English synonyms and demonyms maps words of one meaning
//!      to one word, stemmed like any other (troops/forces/soldiers, intervene/involve/
//!      "step in", attack/target/strike, conflict/war/confrontation, French/France…:
//!      [`SYNONYMS`]);
//!    - the actors mentioned (by name, role or resolved pronoun) as terms of their own, so
//!      "the German chancellor" and "Olaf Scholz" meet; the words of a mention by name or
//!      role are left to its actor, and so are the title words right before a name
//!      ("French President" in "French President Emmanuel Macron"): they say who, not
//!      what, and would otherwise make any two sentences that give full titles alike;
//!    - numbers, with their separators removed ("1,500" is "1500");
//!    - "ruled out" and "excluded" as one term with its polarity: "not excluded" when a
//!      negation comes a few words before ("nothing can be ruled out", "refused to rule
//!      out"), "excluded" otherwise ([`EXCLUSION`]).
//! 2. **Units.** What is matched is not only whole sentences. A sentence often packs several
//!    facts ("The mayor met the unions on Monday, urging them to end the strike", "the
//!    report said X, adding that Y"), and outlets split a fact across sentences differently.
//!    So each sentence gives several units, and a sentence joins the claim of each of them:
//!    - the sentence itself, speaking with the voices of its statements;
//!    - each statement of it ([`crate::model::Statement`], found by the quotes stage): its
//!      reported clause, its named speakers as actor terms, and each speaker's side (the
//!      affiliation of the gazetteer, the country for its government) as words, when
//!      that makes at least [`MIN_STATEMENT_TERMS`] terms;
//!    - the clause before a participle of speech ("The mayor met the unions on Monday"
//!      before ", urging …"), a fact of its own;
//!    - a sentence that opens by pointing back ("This could flood the valley",
//!      "According to one diplomat, such a step …": [`BACK_POINTERS`]) together with
//!      the sentence before it in its paragraph, a unit both sentences carry.
//!
//!    A statement or clause unit reads at most [`MAX_CLAUSE_WORDS`] words, so text run
//!    together without punctuation (one "sentence" of thousands of statements) stays linear.
//! 3. **Weights.** TF-IDF with document frequencies over all sentences of the corpus:
//!    `(1 + ln tf) · ln((N + 1) / df)`, unit vectors normalised to length 1, so a term that
//!    every sentence has weighs nothing and a rare shared term weighs most. A term used by
//!    one article only is left out: it cannot show what outlets share, and would only
//!    dilute the similarity of the long sentences that pack several facts.
//! 4. **Similarity and grouping.** The similarity of two units is their cosine times a
//!    speaker factor: 1 when their statements share a named speaker or either has none,
//!    [`SAME_SIDE`] for speakers of one side (a government and its spokesman),
//!    [`OTHER_SPEAKER`] for different named speakers, [`NAMED_AND_UNNAMED`] for a named
//!    speaker against unnamed sources (what unnamed officials fear is not what the
//!    president said, however many words they share). Units of one sentence are never paired.
//!    Candidate pairs are found only through an inverted index from terms to units: each
//!    term of a unit proposes the latest [`MAX_POSTINGS`] earlier units that hold it, the
//!    unit keeps the best [`MAX_CANDIDATES`] of them by partial dot product and scores them
//!    exactly, and a pair must share [`MIN_SHARED_TERMS`] terms, [`MIN_SHARED_WHAT`] of
//!    them saying what rather than who (not an actor, not a speaker's side: a story's
//!    main speaker says many things, and without this rule every statement of theirs
//!    that names their country ran into one claim once the corpus held a dozen articles
//!    on the story). Work per unit is thus
//!    bounded by its number of terms: linear in the corpus, never all pairs.
//!    Pairs whose similarity reaches [`JOIN_SIMILARITY`] are then taken most similar first
//!    (centroid agglomeration): the two groups they belong to merge when their centroids
//!    are alike — the cosine of the groups' summed vectors, times the speaker factor of
//!    the groups' voices, reaches [`MERGE_SIMILARITY`].
//!    Units, or groups, of which one only rules something out and the other only does not
//!    are never paired nor merged ([`Polarity`]): they share every other word ("the White
//!    House ruled out sending troops", "sending troops cannot be ruled out") and say the
//!    opposite.
//!    Comparing whole groups keeps unrelated claims from chaining through one bridging
//!    sentence, and taking the best pairs first makes the result independent of the
//!    corpus order.
//! 5. **Claims.** Each group gives the sentences its units belong to. A group of at least
//!    two sentences is a claim; a sentence that carries an attributed statement but that
//!    no other sentence joins stays as a claim of one article, so the Claims view can show
//!    what a single outlet carries; other lone sentences are not claims. Two groups of the
//!    same sentences are one claim. A sentence may thus be in several claims, one per fact
//!    it carries. Claims are sorted by the number of articles that carry them, then by
//!    where they first appear; members by article, then sentence.
//! 6. **Label.** The claim's most telling terms: those held by at least half of its units,
//!    heaviest in the summed vector first, actors by canonical name, words as first
//!    written, joined by " · " ("Emmanuel Macron · NATO · troops · involvement").
//!
//! Measured on the seeds against the reference annotations (`tests/gold.rs`), this groups
//! the gold members with pairwise precision 1.0 and recall 0.78 (F1 0.88); the bars and
//! the factors were chosen there and on six sets of articles in other outlets' layouts,
//! in the middle of the ranges where F1 holds (BENCHMARKS.md). What it cannot see is paraphrase without shared words
//! ("no combat role" and "only instructors"), or a statement nested in another's reported
//! clause ("the minister said …, and the rebels said that …").
//!
//! Everything is sorted or taken in corpus order, never in hash order: the same corpus
//! always gives the same claims.

use crate::order;
use std::collections::{HashMap, HashSet};

use crate::corpus::Corpus;
use crate::lexicon;
use crate::model::{
    Actor, ActorId, ArticleAnalysis, Claim, ClaimMember, MentionVia, Span, Statement,
};
use crate::text;

/// Maps keyed by term and cluster ids hash with the engine's small deterministic hasher
/// ([`lexicon::FastHash`], the multiply-rotate scheme of rustc's FxHash), which the
/// default SipHash would make the costliest part of grouping. Hash order is never used
/// for output.
type FxMap<K, V> = HashMap<K, V, lexicon::FastHash>;
type FxSet<K> = HashSet<K, lexicon::FastHash>;

/// Mean similarity two groups of units need to be merged into one claim (see the module
/// documentation, step 4).
///
/// Two units reporting the same statement in different words share a few rare terms (the
/// speaker, "consensus", "Africa", "inevitable", a number), which gives cosines of about
/// 0.3–0.8 under TF-IDF once terms used by one article only are left out; units on the
/// same story about neighbouring facts (the same scenario told by another source) share the
/// story's vocabulary and reach 0.15–0.3, and the speaker factor takes them further down.
/// Measured on the seeds, bars from 0.2 to 0.3 keep every grouped pair right; at 0.15 a
/// leader's statement merges with what unnamed officials fear about the same scenario, and
/// above 0.3 paraphrases are lost. It is the bar of a pair of units; two groups merge by
/// their centroids' similarity ([`MERGE_SIMILARITY`]).
pub const JOIN_SIMILARITY: f32 = 0.25;

/// Similarity two groups need to merge into one claim: the cosine of their summed vectors
/// (their centroids), times the speaker factor of their voices (see the module
/// documentation, step 4). A claim that gathers many wordings of one statement keeps a
/// centroid close to each of them, where the mean of its pairwise similarities falls with
/// every new wording: under the mean, the same statement told in several ways (with its
/// date, its venue, its consequences) broke into several claims. Measured on the seeds and
/// six sets of articles written in other outlets' layouts (BENCHMARKS.md, twelfth round):
/// bars from 0.32 to 0.37 give the same F1 on the seeds (0.88) and on most sets.
pub const MERGE_SIMILARITY: f32 = 0.35;

/// Speaker factors (see the module documentation, step 4): two statements by different
/// named speakers of no common side are rarely the same claim; a named speaker's statement
/// and one an unnamed source makes are rarely the same either (an outlet reporting what
/// "officials" fear is not the politician's statement); speakers of one side (a country's
/// government and its spokesman) often carry one line.
pub const OTHER_SPEAKER: f32 = 0.5;
/// See [`OTHER_SPEAKER`].
pub const NAMED_AND_UNNAMED: f32 = 0.5;
/// See [`OTHER_SPEAKER`].
pub const SAME_SIDE: f32 = 0.9;

/// Units a term proposes as candidates: the latest this many that hold it. A common term
/// of the story (its main actor, "troops", the country) cannot propose every unit that
/// holds it, and a claim carried by hundreds of outlets still finds its earlier members
/// through its own words. This bound is what keeps the work linear.
pub const MAX_POSTINGS: usize = 48;

/// Terms two units must share to be paired. One shared word ("stadium", "week") is a
/// topic, not a fact: a reported fact names at least something and what happens to it.
pub const MIN_SHARED_TERMS: usize = 2;

/// Of those, terms that say what rather than who: two statements that share only their
/// speaker and side ("Emmanuel Macron", "France") are the same voice, not the same claim.
pub const MIN_SHARED_WHAT: usize = 1;

/// Candidate units scored exactly per unit: the best by their rare shared terms.
pub const MAX_CANDIDATES: usize = 16;

/// Terms (with repeats, speakers included) a statement needs to be a unit of its own:
/// fewer ("against it", "no consensus") say too little to be matched on their own.
pub const MIN_STATEMENT_TERMS: usize = 3;

/// Articles that must use a term for it to count (see [`weigh`]).
const MIN_ARTICLES_PER_TERM: u32 = 2;

/// Terms in a claim's label.
const LABEL_TERMS: usize = 4;

/// Words that open a sentence pointing back at the one before ("This could flood the
/// valley", "Such a move …"): the sentence continues the claim before it.
pub const BACK_POINTERS: &[&str] = &["this", "these", "those", "such"];

/// Connectives a sentence may open with before the words that point back.
const OPENING_CONNECTIVES: &[&str] = &["however", "but", "and", "yet", "still"];

/// Function words, modal verbs and attribution verbs: they say how or who, not what.
const STOP_WORDS: &[&str] = &[
    "a",
    "about",
    "above",
    "after",
    "again",
    "against",
    "all",
    "along",
    "also",
    "although",
    "am",
    "among",
    "an",
    "and",
    "another",
    "any",
    "are",
    "as",
    "at",
    "be",
    "because",
    "been",
    "before",
    "being",
    "both",
    "but",
    "by",
    "can",
    "cannot",
    "could",
    "did",
    "do",
    "does",
    "doing",
    "during",
    "each",
    "either",
    "even",
    "ever",
    "every",
    "few",
    "for",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "hers",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "including",
    "into",
    "is",
    "it",
    "its",
    "itself",
    "just",
    "may",
    "me",
    "meanwhile",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "neither",
    "no",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "others",
    "our",
    "ours",
    "out",
    "over",
    "own",
    "per",
    "same",
    "she",
    "should",
    "since",
    "so",
    "some",
    "such",
    "than",
    "that",
    "the",
    "their",
    "theirs",
    "them",
    "themselves",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "though",
    "through",
    "thus",
    "to",
    "too",
    "toward",
    "towards",
    "under",
    "until",
    "up",
    "upon",
    "very",
    "was",
    "we",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "whose",
    "why",
    "will",
    "with",
    "within",
    "would",
    "yet",
    "you",
    "your",
    "said",
    "say",
    "says",
    "saying",
    "told",
    "tell",
    "tells",
    "added",
    "adding",
    "stated",
    "reported",
    "reports",
    "reporting",
    "according",
    "noted",
    "cited",
    "citing",
    "wrote",
    "write",
    "writes",
    "writing",
    "posted",
    "tweeted",
    "spoke",
    "speaks",
    "speaking",
    "explained",
    "commented",
    "replied",
    // A role's time ("a former governor") says who, not what.
    "former",
    "formerly",
    "mr",
    "ms",
    "mrs",
    "de",
    // Pronouns of quantity and negation: "nothing can be excluded" and "should not be
    // ruled out" say the same thing.
    "nothing",
    "anything",
    "everything",
    "something",
    "none",
    "never",
    "whatever",
    "whoever",
    "whichever",
    "still",
    "already",
];

/// General English words of one meaning mapped to one term (applied to the folded word,
/// then to its stem). Demonyms meet their country so "French troops" meets "France's
/// troops". Nothing here names a story: these are the language's own equivalences.
const SYNONYMS: &[(&str, &str)] = &[
    ("troops", "troop"),
    ("troop", "troop"),
    ("forces", "troop"),
    ("force", "troop"),
    ("soldiers", "troop"),
    ("soldier", "troop"),
    ("servicemen", "troop"),
    ("personnel", "troop"),
    ("intervene", "interven"),
    ("intervention", "interven"),
    ("involve", "interven"),
    ("involvement", "interven"),
    ("involved", "interven"),
    ("involving", "interven"),
    ("attack", "attack"),
    ("attacks", "attack"),
    ("attacked", "attack"),
    ("target", "attack"),
    ("targets", "attack"),
    ("targeted", "attack"),
    ("strike", "attack"),
    ("strikes", "attack"),
    ("conflict", "war"),
    ("war", "war"),
    ("wars", "war"),
    ("confrontation", "war"),
    ("hostilities", "war"),
    ("warfare", "war"),
    ("division", "divid"),
    ("discord", "divid"),
    ("disunity", "divid"),
    ("rift", "divid"),
    ("split", "divid"),
    ("caution", "warn"),
    ("cautioned", "warn"),
    ("talks", "talk"),
    ("conversation", "talk"),
    ("conversations", "talk"),
    ("dialogue", "talk"),
    ("help", "help"),
    ("assistance", "help"),
    ("aid", "help"),
    ("require", "need"),
    ("required", "need"),
    ("necessary", "need"),
    ("countries", "country"),
    ("nations", "country"),
    ("nation", "country"),
    ("states", "country"),
    ("french", "france"),
    ("russian", "russia"),
    ("russians", "russia"),
    ("ukrainian", "ukraine"),
    ("ukrainians", "ukraine"),
    ("german", "germany"),
    ("germans", "germany"),
    ("american", "us"),
    ("americans", "us"),
    ("european", "europe"),
    ("europeans", "europe"),
    ("eu", "europe"),
    ("british", "uk"),
    ("western", "west"),
    ("concerned", "concern"),
    ("concerns", "concern"),
    ("fear", "concern"),
    ("fears", "concern"),
    ("fearing", "concern"),
    ("worried", "concern"),
];

/// Whether a unit, or a group of units, rules something out ([`EXCLUSION`]) and whether it
/// does not ([`NOT_EXCLUDED`]). One that only does and one that only does not are never
/// the same claim, however many other words they share.
#[derive(Clone, Copy, Default)]
struct Polarity {
    excludes: bool,
    does_not_exclude: bool,
}

impl Polarity {
    fn opposes(self, other: Polarity) -> bool {
        let only = |p: Polarity| {
            (
                p.excludes && !p.does_not_exclude,
                p.does_not_exclude && !p.excludes,
            )
        };
        let (a_yes, a_no) = only(self);
        let (b_yes, b_no) = only(other);
        (a_yes && b_no) || (a_no && b_yes)
    }

    fn with(self, other: Polarity) -> Polarity {
        Polarity {
            excludes: self.excludes || other.excludes,
            does_not_exclude: self.does_not_exclude || other.does_not_exclude,
        }
    }
}

/// Ruling something out, and not ruling it out, are opposite claims that share all their
/// words: "The White House ruled out sending troops" against "sending troops should not
/// be ruled out". "Ruled out" and "excluded" are read as one term, [`EXCLUSION`], or as
/// [`NOT_EXCLUDED`] when a negation comes within [`MAX_NEGATION_REACH`] words before
/// ("nothing can be ruled out", "refused to rule out", "cannot be excluded").
const EXCLUSION: &str = "exclusion";
/// See [`EXCLUSION`].
const NOT_EXCLUDED: &str = "not-excluded";
/// The forms of "rule" before "out".
const RULE_OUT: &[&str] = &["rule", "rules", "ruled", "ruling"];
/// The forms of "exclude".
const EXCLUDE: &[&str] = &["exclude", "excludes", "excluded", "excluding"];
/// How many words before "ruled out" a negation may stand ("nothing can be ruled out").
const MAX_NEGATION_REACH: usize = 4;

/// A word that negates what follows (folded): "not", "nothing", "refused" (to rule out),
/// "can't".
fn is_negation(word: &str) -> bool {
    matches!(
        word,
        "not"
            | "no"
            | "nothing"
            | "never"
            | "cannot"
            | "without"
            | "refused"
            | "refuses"
            | "refuse"
            | "refusing"
            | "declined"
            | "declines"
            | "declining"
    ) || word.ends_with("n't")
        || word.ends_with("n’t")
}

/// Two-word phrases read as one term.
const PHRASES: &[(&str, &str, &str)] = &[
    ("step", "in", "interven"),
    ("step", "into", "interven"),
    ("united", "states", "us"),
    ("united", "kingdom", "uk"),
    ("european", "union", "europe"),
];

/// Groups the sentences of `articles` (analyses of `corpus`, in the same order) into
/// claims. See the module documentation for the method.
pub fn group_claims(corpus: &Corpus, articles: &[ArticleAnalysis], actors: &[Actor]) -> Vec<Claim> {
    Grouping::default().finish(corpus, articles, actors)
}

/// Units whose candidates one [`Grouping::step`] scores: a few milliseconds of work.
const UNITS_PER_STEP: usize = 1_000;

/// [`group_claims`] a step at a time, for [`crate::Analyzer`]: each
/// [`step`](Grouping::step) takes the units of one article, then, once every article has
/// its units, scores the candidates of [`UNITS_PER_STEP`] units; [`finish`](Grouping::finish)
/// does what is left, merges and labels. Every call takes the same `corpus`, `articles`
/// and `actors`; the claims are exactly those of [`group_claims`].
///
/// Cloned once it has taken the units of some first articles (and before any candidate
/// search), it goes on with any corpus that starts with those articles as a grouping
/// that took them itself would: see [`crate::ClaimsStart`].
#[derive(Clone, Default)]
pub struct Grouping {
    vocab: Vocabulary,
    sentences: Vec<SentenceRef>,
    sentence_bags: Vec<Vec<(usize, u32)>>,
    units: Vec<Unit>,
    /// The terms of each speaker's side, worked out once per speaker.
    side_terms: FxMap<ActorId, Side>,
    /// Articles whose units are taken.
    n_articles: usize,
    /// The words and terms of the sentence read, and what [`terms`] works in, kept from one
    /// sentence to the next: a sentence costs no allocation of its own for them.
    words: Vec<Span>,
    tokens: Vec<(Span, usize)>,
    scratch: Scratch,
    /// Once every article has its units: their weighted vectors and the candidate search.
    search: Option<Search>,
}

impl Grouping {
    /// Takes one step; `false` when only [`finish`](Self::finish) is left.
    pub fn step(
        &mut self,
        corpus: &Corpus,
        articles: &[ArticleAnalysis],
        actors: &[Actor],
    ) -> bool {
        self.step_by(corpus, articles, actors, UNITS_PER_STEP)
    }

    /// Takes the units of every article of `articles` not taken yet, and nothing else: the
    /// state [`crate::ClaimsStart`] keeps.
    pub(crate) fn take_articles(
        &mut self,
        corpus: &Corpus,
        articles: &[ArticleAnalysis],
        actors: &[Actor],
    ) {
        while self.search.is_none() && self.n_articles < articles.len() {
            self.step_by(corpus, articles, actors, UNITS_PER_STEP);
        }
    }

    /// Articles whose units are taken.
    pub(crate) fn n_articles(&self) -> usize {
        self.n_articles
    }

    /// Whether the sides read from speakers' affiliations so far are those `actors` give:
    /// an actor of the articles taken may have been given another affiliation by a later
    /// article (a discovered actor the gazetteer names), and the units taken before it
    /// hold its old side.
    pub(crate) fn sides_hold(&self, actors: &[Actor]) -> bool {
        self.side_terms.iter().all(|(&speaker, side)| {
            actors.get(speaker).and_then(|a| a.affiliation.as_deref())
                == side.affiliation.as_deref()
        })
    }

    /// [`step`](Self::step), scoring the candidates of `units_per_step` units at a time.
    fn step_by(
        &mut self,
        corpus: &Corpus,
        articles: &[ArticleAnalysis],
        actors: &[Actor],
        units_per_step: usize,
    ) -> bool {
        if let Some(article) = articles.get(self.n_articles) {
            self.add_article(corpus, self.n_articles, article, actors);
            self.n_articles += 1;
            return true;
        }
        match &mut self.search {
            Some(search) => search.step(&self.units, units_per_step),
            None => {
                let vectors = weigh(
                    &self.sentences,
                    &self.sentence_bags,
                    &self.units,
                    self.vocab.len(),
                );
                let sides: Vec<Option<String>> = actors
                    .iter()
                    .map(|a| a.affiliation.as_deref().map(text::fold))
                    .collect();
                let names: Vec<String> = actors.iter().map(|a| text::fold(&a.name)).collect();
                let mut who: Vec<bool> = self
                    .vocab
                    .shown
                    .iter()
                    .map(|s| matches!(s, Shown::Actor(_)))
                    .collect();
                for &t in self.side_terms.values().flat_map(|side| &side.terms) {
                    if let Some(w) = who.get_mut(t) {
                        *w = true;
                    }
                }
                let polar = [EXCLUSION, NOT_EXCLUDED].map(|t| self.vocab.ids.get(t).copied());
                self.search = Some(Search::new(
                    &self.units,
                    vectors,
                    self.vocab.len(),
                    Sides { sides, names },
                    who,
                    polar,
                ));
                true
            }
        }
    }

    /// The units of one article: its sentences, its statements, and the sentences that
    /// continue the one before.
    fn add_article(
        &mut self,
        corpus: &Corpus,
        article_idx: usize,
        article: &ArticleAnalysis,
        actors: &[Actor],
    ) {
        let lexicon = Lexicon::get();
        let Grouping {
            vocab,
            sentences,
            sentence_bags,
            units,
            side_terms,
            words,
            tokens,
            scratch,
            ..
        } = self;
        let text = corpus
            .articles
            .get(article_idx)
            .map_or("", |a| a.text.as_str());
        let n = article.sentences.len();
        let mut mentions_of: Vec<Vec<(usize, Span, MentionVia)>> = vec![Vec::new(); n];
        for m in &article.mentions {
            if let Some(list) = mentions_of.get_mut(m.sentence_idx) {
                list.push((m.actor, m.span, m.via));
            }
        }
        for list in &mut mentions_of {
            order::sort_by_key(list, |&(_, m, _)| (m.start, m.end));
        }
        let mut statements_of: Vec<Vec<&Statement>> = vec![Vec::new(); n];
        for st in &article.statements {
            if let Some(list) = statements_of.get_mut(st.sentence_idx) {
                list.push(st);
            }
        }
        let first_sentence = sentences.len();
        for (sentence_idx, sentence) in article.sentences.iter().enumerate() {
            let s = sentences.len();
            let mentions = &mentions_of[sentence_idx];
            words.clear();
            words.extend(text::word_spans(text, sentence.span));
            terms(text, words, mentions, lexicon, vocab, scratch, tokens);
            let bag = count(tokens.iter().map(|&(_, t)| t).collect());
            sentences.push(SentenceRef {
                article_idx,
                sentence_idx,
                span: sentence.span,
                speaks: statements_of[sentence_idx]
                    .iter()
                    .any(|st| !st.speakers.is_empty()),
            });
            // The sentence speaks with the voices of its statements.
            let mut sentence_unit = Unit::of_sentence(s, bag.clone());
            for st in &statements_of[sentence_idx] {
                sentence_unit.speakers.extend_from_slice(&st.speakers);
            }
            order::sort_dedup(&mut sentence_unit.speakers);
            sentence_unit.unnamed = sentence_unit.speakers.is_empty()
                && statements_of[sentence_idx]
                    .iter()
                    .any(|st| st.speakers.is_empty());
            units.push(sentence_unit);
            // Each statement: who speaks, and the reported clause.
            for st in &statements_of[sentence_idx] {
                let Some(content) = clause(words, st.content, false) else {
                    continue;
                };
                let mut found: Vec<usize> = terms_in(tokens, content).collect();
                for &speaker in &st.speakers {
                    found.push(vocab.intern_actor(speaker));
                    // The speaker's side as a word: "Ruritania said" meets its government.
                    let side = side_terms.entry(speaker).or_insert_with(|| {
                        let affiliation = actors.get(speaker).and_then(|a| a.affiliation.clone());
                        let side = affiliation.as_deref().unwrap_or("");
                        let words = text::words(side, Span::new(0, side.len()));
                        let mut found = Vec::new();
                        let scratch = &mut Scratch::default();
                        terms(side, &words, &[], lexicon, vocab, scratch, &mut found);
                        Side {
                            affiliation,
                            terms: found.into_iter().map(|(_, t)| t).collect(),
                        }
                    });
                    found.extend_from_slice(&side.terms);
                }
                if found.len() >= MIN_STATEMENT_TERMS {
                    units.push(Unit::of_statement(s, count(found), st));
                }
                // "The mayor met the unions, urging them to …": the clause before
                // a participle of speech is a fact of its own.
                let main = clause_before_participle(text, sentence.span, st)
                    .and_then(|main| clause(words, main, true));
                if let Some(main) = main {
                    let found: Vec<usize> = terms_in(tokens, main).collect();
                    if found.len() >= MIN_STATEMENT_TERMS {
                        units.push(Unit::of_sentence(s, count(found)));
                    }
                }
            }
            // A sentence that points back continues the one before it in its paragraph.
            if s > first_sentence
                && article.sentences[sentence_idx - 1].block_idx == sentence.block_idx
                && points_back(text, sentence.span, words)
            {
                let mut both: Vec<usize> = Vec::new();
                for &(t, k) in sentence_bags[s - 1].iter().chain(&bag) {
                    both.extend(std::iter::repeat_n(t, k as usize));
                }
                units.push(Unit {
                    sentences: [s - 1, s],
                    n_sentences: 2,
                    terms: count(both),
                    speakers: Vec::new(),
                    unnamed: false,
                });
            }
            sentence_bags.push(bag);
        }
    }

    /// Takes the steps left, then merges the units' groups and makes the claims.
    pub fn finish(
        mut self,
        corpus: &Corpus,
        articles: &[ArticleAnalysis],
        actors: &[Actor],
    ) -> Vec<Claim> {
        while self.step(corpus, articles, actors) {}
        let Grouping {
            vocab,
            sentences,
            units,
            search,
            ..
        } = self;
        let Some(search) = search else {
            return Vec::new();
        };
        let (cluster_of, vectors) = search.merge(&units);

        // Gather clusters in order of first unit, with the sentences their units belong to.
        let mut units_of: Vec<Vec<usize>> = Vec::new();
        let mut slot: FxMap<usize, usize> = FxMap::default();
        for (u, &c) in cluster_of.iter().enumerate() {
            let k = *slot.entry(c).or_insert_with(|| {
                units_of.push(Vec::new());
                units_of.len() - 1
            });
            units_of[k].push(u);
        }
        let mut found: Vec<(Vec<usize>, Vec<usize>)> = Vec::new();
        for group in units_of {
            let mut members: Vec<usize> = group
                .iter()
                .flat_map(|&u| units[u].sentences())
                .copied()
                .collect();
            order::sort_dedup(&mut members);
            found.push((members, group));
        }
        // A sentence may be in several claims (through its sentence, its statements, and the
        // sentence it continues); a claim of the same sentences as another adds nothing.
        order::sort_by(&mut found, |a, b| a.0.cmp(&b.0));
        found.dedup_by(|later, kept| {
            if later.0 == kept.0 {
                kept.1.extend_from_slice(&later.1);
                true
            } else {
                false
            }
        });
        let mut grouped = vec![false; sentences.len()];
        for (members, _) in &found {
            if members.len() >= 2 {
                for &s in members {
                    grouped[s] = true;
                }
            }
        }

        let mut claims = Vec::new();
        for (members, group) in found {
            let mut ids: Vec<usize> = members.iter().map(|&s| sentences[s].article_idx).collect();
            ids.dedup();
            let n_articles = ids.len();
            let keep = members.len() >= 2
                || members
                    .first()
                    .is_some_and(|&s| sentences[s].speaks && !grouped[s]);
            if !keep {
                continue;
            }
            let label = label(&group, &vectors, &vocab, actors);
            let claim_members: Vec<ClaimMember> = members
                .iter()
                .map(|&s| {
                    let st = &sentences[s];
                    let article = articles.get(st.article_idx);
                    let text = corpus
                        .articles
                        .get(st.article_idx)
                        .map_or("", |a| a.text.as_str());
                    ClaimMember {
                        article: article.map(|a| a.id.clone()).unwrap_or_default(),
                        sentence: st.span.text(text).to_owned(),
                        article_idx: st.article_idx,
                        sentence_idx: st.sentence_idx,
                        span: st.span,
                    }
                })
                .collect();
            claims.push(Claim {
                label,
                members: claim_members,
                n_articles,
            });
        }
        order::sort_by(&mut claims, |a, b| {
            b.n_articles.cmp(&a.n_articles).then_with(|| {
                let first = |c: &Claim| c.members.first().map(|m| (m.article_idx, m.sentence_idx));
                first(a).cmp(&first(b))
            })
        });
        claims
    }
}

/// A speaker's side as terms, and the affiliation they were read from.
#[derive(Clone)]
struct Side {
    affiliation: Option<String>,
    terms: Vec<usize>,
}

/// A sentence of the corpus, in corpus order (sentence indices are their members' order).
#[derive(Clone)]
struct SentenceRef {
    article_idx: usize,
    sentence_idx: usize,
    span: Span,
    /// It carries a statement attributed to someone.
    speaks: bool,
}

/// What is matched: a whole sentence, one statement of a sentence (speaker and reported
/// clause), or a sentence that points back together with the one before it. A unit
/// carries its sentences into the claim it joins.
#[derive(Clone)]
struct Unit {
    /// Indices into the corpus's sentences; the first `n_sentences` count.
    sentences: [usize; 2],
    n_sentences: usize,
    /// `(term, count)`, sorted by term.
    terms: Vec<(usize, u32)>,
    /// The named speakers of a statement, or of the statements of a whole sentence
    /// (sorted); empty for other units.
    speakers: Vec<ActorId>,
    /// The statement (or every statement of the sentence) rests on no named speaker
    /// (anonymous officials, an outlet).
    unnamed: bool,
}

impl Unit {
    fn of_sentence(s: usize, terms: Vec<(usize, u32)>) -> Unit {
        Unit {
            sentences: [s, s],
            n_sentences: 1,
            terms,
            speakers: Vec::new(),
            unnamed: false,
        }
    }

    fn of_statement(s: usize, terms: Vec<(usize, u32)>, statement: &Statement) -> Unit {
        let mut speakers = statement.speakers.clone();
        order::sort_dedup(&mut speakers);
        Unit {
            sentences: [s, s],
            n_sentences: 1,
            terms,
            unnamed: speakers.is_empty(),
            speakers,
        }
    }

    fn sentences(&self) -> &[usize] {
        &self.sentences[..self.n_sentences]
    }

    fn shares_sentence(&self, other: &Unit) -> bool {
        self.sentences()
            .iter()
            .any(|s| other.sentences().contains(s))
    }
}

/// Whether the sentence at `span`, of words `words` ([`text::words`] of the span), opens by
/// pointing back at the one before it ("This could …", "However, such a move …",
/// "According to one diplomat, such a step …").
fn points_back(text: &str, span: Span, words: &[Span]) -> bool {
    let word = |k: usize| words.get(k).map(|w| text::fold(w.text(text)));
    let mut k = 0;
    if word(0).is_some_and(|w| OPENING_CONNECTIVES.contains(&w.as_str())) {
        k = 1;
    }
    if word(k).as_deref() == Some("according") && word(k + 1).as_deref() == Some("to") {
        // The source first, then the words after its comma.
        let after_comma = span
            .text(text)
            .find(',')
            .map(|i| span.start + i + 1)
            .unwrap_or(span.end);
        k = words.partition_point(|w| w.start < after_comma);
        if k == words.len() {
            return false;
        }
    }
    word(k).is_some_and(|w| BACK_POINTERS.contains(&w.as_str()))
}

/// The words of `span` a unit reads, as a span of `words` (a sentence's words): at most
/// [`MAX_CLAUSE_WORDS`], the first ones of a reported clause or the last ones of a clause
/// before a participle (`from_end`). A clause of a real sentence is shorter; the bound
/// keeps text run together without punctuation (one "sentence" of thousands of words and
/// statements) linear.
fn clause(words: &[Span], span: Span, from_end: bool) -> Option<Span> {
    let first = words.partition_point(|w| w.start < span.start);
    let end = words.partition_point(|w| w.end <= span.end);
    if first >= end {
        return None;
    }
    let (first, end) = if from_end {
        (first.max(end.saturating_sub(MAX_CLAUSE_WORDS)), end)
    } else {
        (first, end.min(first + MAX_CLAUSE_WORDS))
    };
    Some(Span::new(words[first].start, words[end - 1].end))
}

/// Words a statement or clause unit reads (see [`clause`]).
pub const MAX_CLAUSE_WORDS: usize = 80;

/// The main clause of a sentence whose statement `st` comes in a participle after a comma
/// ("The mayor met the unions, urging …"): from the sentence's start to that comma.
fn clause_before_participle(text: &str, sentence: Span, st: &Statement) -> Option<Span> {
    let verb = st.verb_span?;
    let verb_text = verb.text(text);
    if !verb_text
        .split_whitespace()
        .next()
        .is_some_and(|w| w.ends_with("ing"))
    {
        return None;
    }
    let before = text
        .get(sentence.start..verb.start.max(sentence.start))?
        .trim_end();
    let clause = before.strip_suffix(',')?;
    Some(Span::new(sentence.start, sentence.start + clause.len()))
}

/// `terms` counted: `(term, count)` sorted by term.
fn count(mut terms: Vec<usize>) -> Vec<(usize, u32)> {
    terms.sort_unstable();
    let mut counted: Vec<(usize, u32)> = Vec::with_capacity(terms.len());
    for t in terms {
        match counted.last_mut() {
            Some((last, n)) if *last == t => *n += 1,
            _ => counted.push((t, 1)),
        }
    }
    counted
}

/// The stop words and synonyms as hash lookups, built once per process (the tables are
/// constant, and in the browser the first grouping should not pay for them twice).
struct Lexicon {
    stop: FxSet<&'static str>,
    synonyms: FxMap<&'static str, &'static str>,
}

impl Lexicon {
    fn get() -> &'static Lexicon {
        static LEXICON: std::sync::OnceLock<Lexicon> = std::sync::OnceLock::new();
        LEXICON.get_or_init(|| Lexicon {
            stop: STOP_WORDS.iter().copied().collect(),
            synonyms: SYNONYMS.iter().copied().collect(),
        })
    }
}

/// Terms interned to dense ids, with what a label shows for each.
///
/// Ids are given in order of first use, whatever kind of term; actors and words are kept
/// in maps of their own so that an actor's term needs no key to be written out.
#[derive(Clone, Default)]
struct Vocabulary {
    ids: FxMap<String, usize>,
    actor_ids: FxMap<ActorId, usize>,
    /// The term of each folded word seen so far (`None`: a stop word or a stray letter),
    /// so that a word is normalised and stemmed once per grouping, not once per use.
    word_terms: FxMap<String, Option<usize>>,
    /// For each term: the surface form shown in labels (first written form), or the actor.
    shown: Vec<Shown>,
}

#[derive(Clone)]
enum Shown {
    Word(String),
    Actor(usize),
}

impl Vocabulary {
    fn len(&self) -> usize {
        self.shown.len()
    }

    /// The term of `key`, written `written` in the text.
    fn intern(&mut self, key: String, written: &str) -> usize {
        if let Some(&id) = self.ids.get(&key) {
            self.seen_again(id, written);
            return id;
        }
        let id = self.shown.len();
        self.ids.insert(key, id);
        self.shown.push(Shown::Word(written.to_owned()));
        id
    }

    /// The term of actor `actor`.
    fn intern_actor(&mut self, actor: ActorId) -> usize {
        *self.actor_ids.entry(actor).or_insert_with(|| {
            self.shown.push(Shown::Actor(actor));
            self.shown.len() - 1
        })
    }

    /// The term of the folded word `word`, written `surface` in the text (see
    /// [`normalise`]), or `None` for a word that is no term.
    fn intern_word(&mut self, word: &str, surface: &str, lexicon: &Lexicon) -> Option<usize> {
        if let Some(&term) = self.word_terms.get(word) {
            if let Some(id) = term {
                self.seen_again(id, surface);
            }
            return term;
        }
        let term = normalise(word, lexicon).map(|key| self.intern(key, surface));
        self.word_terms.insert(word.to_owned(), term);
        term
    }

    /// Term `id` met again, written `written`.
    fn seen_again(&mut self, id: usize, written: &str) {
        // Labels show a word as running text writes it: a lower-case form seen later
        // replaces one capitalised by a headline or the start of a sentence.
        if let Shown::Word(old) = &self.shown[id]
            && old.chars().next().is_some_and(char::is_uppercase)
            && !old.chars().skip(1).any(char::is_uppercase)
            && written.chars().all(|c| !c.is_uppercase())
        {
            self.shown[id] = Shown::Word(written.to_owned());
        }
    }
}

/// The terms of `span` of `text` (see the module documentation): actors of `mentions`,
/// then words, with the words a mention by name or role covers and the title words right
/// before a name ("French President" before "Emmanuel Macron") left to the actor's term.
///
/// Each term comes with the span of text it stands for, sorted by position, so that the
/// terms of a clause are read from its sentence's without reading the words again. They
/// go into `terms`, whatever it held before.
fn terms(
    text: &str,
    words: &[Span],
    mentions: &[(usize, Span, MentionVia)],
    lexicon: &Lexicon,
    vocab: &mut Vocabulary,
    scratch: &mut Scratch,
    terms: &mut Vec<(Span, usize)>,
) {
    let Scratch {
        spans,
        covered,
        buf,
        folded,
    } = scratch;
    terms.clear();
    for &(actor, m, _) in mentions {
        terms.push((m, vocab.intern_actor(actor)));
    }
    // A word is covered by a mention when some mention starts at or before it and ends at
    // or after it: sweep the mentions by start, keeping the furthest end.
    spans.clear();
    spans.extend(
        mentions
            .iter()
            .filter(|&&(_, _, via)| !matches!(via, MentionVia::Pronoun))
            .map(|&(_, m, _)| m),
    );
    order::sort_by_key(spans, |m| m.start);
    covered.clear();
    covered.resize(words.len(), false);
    // One buffer for every folded word of the sentence, read through ranges.
    buf.clear();
    let (mut next_mention, mut reach) = (0, None);
    for (i, w) in words.iter().enumerate() {
        while let Some(m) = spans.get(next_mention).filter(|m| m.start <= w.start) {
            reach = reach.max(Some(m.end));
            next_mention += 1;
        }
        covered[i] = reach.is_some_and(|end| end >= w.end);
    }
    // Title words before a mention: capitalised words or role nouns, joined by single
    // spaces, at most three ("Italian Foreign Minister Antonio Tajani").
    for i in 1..words.len() {
        if !covered[i] || covered[i - 1] {
            continue;
        }
        let mut j = i;
        while j > 0
            && i - j < MAX_TITLE_WORDS
            && text.get(words[j - 1].end..words[j].start) == Some(" ")
        {
            let word = words[j - 1].text(text);
            buf.clear();
            text::fold_into(buf, word);
            let folded = buf.as_str();
            let title = lexicon::ROLE_NOUN_SET.contains(folded)
                || (word.starts_with(char::is_uppercase) && !lexicon.stop.contains(folded));
            if !title {
                break;
            }
            covered[j - 1] = true;
            j -= 1;
        }
    }
    // Folded words (as ranges of `buf`) with their spans; initials joined ("U.S." is
    // "us", "E.U." is "eu").
    buf.clear();
    folded.clear();
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        if covered[i] {
            i += 1;
            continue;
        }
        let from = buf.len();
        text::fold_into(buf, w.text(text));
        let mut end = w.end;
        while buf[from..].chars().count() < 4
            && buf[from..].chars().all(|c| c.is_alphabetic())
            && words
                .get(i + 1)
                .is_some_and(|n| text.get(end..n.start) == Some(".") && n.len() == 1)
        {
            i += 1;
            text::fold_into(buf, words[i].text(text));
            end = words[i].end;
        }
        folded.push((from, buf.len(), Span::new(w.start, end)));
        i += 1;
    }
    let word = |k: usize| folded.get(k).map(|&(from, to, _)| &buf[from..to]);
    let mut k = 0;
    while let Some((this, &(_, _, w))) = word(k).zip(folded.get(k)) {
        let next = word(k + 1);
        // "ruled out" and "excluded" with their polarity (see [`EXCLUSION`]).
        // (Most words are turned away by their first letter.)
        let n_exclusion = match this.as_bytes().first() {
            Some(b'r') if RULE_OUT.contains(&this) && next == Some("out") => 2,
            Some(b'e') if EXCLUDE.contains(&this) => 1,
            _ => 0,
        };
        if n_exclusion > 0 {
            let both = Span::new(w.start, folded[k + n_exclusion - 1].2.end);
            let negated = (k.saturating_sub(MAX_NEGATION_REACH)..k)
                .filter_map(word)
                .any(is_negation);
            // Shown as first written, with its negation: "not ruled out", "ruled out".
            let written = both.text(text);
            let (term, shown) = if negated {
                (NOT_EXCLUDED, format!("not {written}"))
            } else {
                (EXCLUSION, written.to_owned())
            };
            terms.push((both, vocab.intern(term.to_owned(), &shown)));
            k += n_exclusion;
            continue;
        }
        if let Some(&(_, _, term)) = PHRASES
            .iter()
            .find(|&&(a, b, _)| a == this && Some(b) == next)
        {
            let both = Span::new(w.start, folded[k + 1].2.end);
            terms.push((both, vocab.intern(stem(term), both.text(text))));
            k += 2;
            continue;
        }
        k += 1;
        if let Some(term) = vocab.intern_word(this, w.text(text), lexicon) {
            terms.push((w, term));
        }
    }
    // Equal keys are equal elements: an unstable sort gives the same order.
    terms.sort_unstable_by_key(|&(span, t)| (span.start, span.end, t));
}

/// Buffers [`terms`] works in (see [`Grouping`]).
#[derive(Clone, Default)]
struct Scratch {
    /// Spans of the mentions by name or role, by start.
    spans: Vec<Span>,
    /// Per word: left to an actor's term.
    covered: Vec<bool>,
    /// The folded words, one after the other.
    buf: String,
    /// The folded words as ranges of `buf`, with their spans.
    folded: Vec<(usize, usize, Span)>,
}

/// The terms of `terms` (a sentence's, sorted by position) that stand for text inside
/// `span`.
fn terms_in(terms: &[(Span, usize)], span: Span) -> impl Iterator<Item = usize> + '_ {
    let first = terms.partition_point(|&(s, _)| s.start < span.start);
    terms[first..]
        .iter()
        .take_while(move |&&(s, _)| s.start < span.end)
        .filter(move |&&(s, _)| s.end <= span.end)
        .map(|&(_, t)| t)
}

/// Longest run of title words taken before a name.
const MAX_TITLE_WORDS: usize = 3;

/// The term of one folded word, or `None` for a stop word or a stray letter. Synonyms
/// map to a word that is stemmed like any other, so "French" (→ "france") and "France"
/// meet as "franc".
fn normalise(word: &str, lexicon: &Lexicon) -> Option<String> {
    let word = word
        .strip_suffix("'s")
        .or_else(|| word.strip_suffix('\''))
        .unwrap_or(word);
    if word.chars().any(|c| c.is_ascii_digit()) {
        let digits: String = word.chars().filter(|&c| c != ',').collect();
        return Some(format!("#{digits}"));
    }
    if word.chars().count() < 2 || lexicon.stop.contains(word) {
        return None;
    }
    // A hyphenated word keeps its head ("Paris-hosted" → "host"): the part that carries
    // the meaning in English compounds of this kind is the last one.
    let word = word.rsplit('-').next().unwrap_or(word);
    if word.chars().count() < 2 || lexicon.stop.contains(word) {
        return None;
    }
    if let Some(&term) = lexicon.synonyms.get(word) {
        return Some(stem(term));
    }
    let stemmed = stem(word);
    if let Some(&term) = lexicon.synonyms.get(stemmed.as_str()) {
        return Some(stem(term));
    }
    Some(stemmed)
}

/// A light English stemmer: strips plural and verb endings and common derivational
/// suffixes, so word families meet ("deployment"/"deployed" → "deploy", "division"/
/// "dividing"/"divide" → "divid", "escalation"/"escalating" → "escalat",
/// "inevitability"/"inevitable" → "inevitabl"). It over-merges a little, which TF-IDF
/// weighting tolerates; it never leaves fewer than three letters.
pub fn stem(word: &str) -> String {
    let mut w = word.to_owned();
    let keep = |w: &str, suffix: &str| w.len() >= suffix.len() + 3;
    // Plurals and third person.
    if w.ends_with("ies") && keep(&w, "ies") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if w.ends_with("sses") {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s')
        && !w.ends_with("ss")
        && !w.ends_with("us")
        && !w.ends_with("is")
        && keep(&w, "s")
    {
        w.truncate(w.len() - 1);
    }
    // Derivational suffixes, longest first.
    for (suffix, replacement) in [
        ("ability", "abl"),
        ("ibility", "ibl"),
        ("ements", "e"),
        ("ement", "e"),
        ("ments", ""),
        ("ment", ""),
        ("ssion", "ss"),
        ("sion", "d"),
        ("ation", "at"),
        ("tion", "t"),
        ("ness", ""),
        ("ity", ""),
        ("ingly", ""),
        ("edly", ""),
        ("ly", ""),
    ] {
        if w.ends_with(suffix) && keep(&w, suffix) {
            w.truncate(w.len() - suffix.len());
            w.push_str(replacement);
            break;
        }
    }
    // Verb endings: -ing, -ied, -ed, with the doubled consonant undone ("planned").
    if w.ends_with("ied") && keep(&w, "ied") {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if (w.ends_with("ing") && keep(&w, "ing")) || (w.ends_with("ed") && keep(&w, "ed")) {
        let cut = if w.ends_with("ing") { 3 } else { 2 };
        w.truncate(w.len() - cut);
        let b = w.as_bytes();
        let n = b.len();
        if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') {
            w.truncate(n - 1);
        }
    }
    // A final silent e: "divide"/"divid", "escalate"/"escalat".
    if w.ends_with('e') && w.len() > 3 {
        w.truncate(w.len() - 1);
    }
    w
}

/// TF-IDF vectors of the units, normalised: `(term, weight)` sorted by term. Document
/// frequencies are counted over sentences (a unit repeats part of its sentence, so counting
/// units would count a statement's words twice).
fn weigh(
    sentences: &[SentenceRef],
    sentence_bags: &[Vec<(usize, u32)>],
    units: &[Unit],
    n_terms: usize,
) -> Vec<Vec<(usize, f32)>> {
    let mut df = vec![0u32; n_terms];
    // Articles using each term: a term only one article uses cannot show what several
    // outlets share, and would only dilute the similarity of its sentences.
    let mut article_df = vec![0u32; n_terms];
    let mut last_article = vec![usize::MAX; n_terms];
    for (s, bag) in sentences.iter().zip(sentence_bags) {
        for &(t, _) in bag {
            df[t] += 1;
            if last_article[t] != s.article_idx {
                last_article[t] = s.article_idx;
                article_df[t] += 1;
            }
        }
    }
    let n = sentences.len() as f32;
    units
        .iter()
        .map(|u| {
            let mut v: Vec<(usize, f32)> = u
                .terms
                .iter()
                .map(|&(t, tf)| {
                    let idf = ((n + 1.0) / df[t].max(1) as f32).ln();
                    (t, (1.0 + (tf as f32).ln()) * idf)
                })
                .filter(|&(t, w)| w > 0.0 && article_df[t] >= MIN_ARTICLES_PER_TERM)
                .collect();
            let norm = v.iter().map(|&(_, w)| w * w).sum::<f32>().sqrt();
            if norm > 0.0 {
                for (_, w) in &mut v {
                    *w /= norm;
                }
            }
            v
        })
        .collect()
}

/// Who a unit or a group of units speaks for: the named speakers of its statements, and
/// whether any of its statements rests on no named speaker.
#[derive(Clone, Default)]
struct Voices {
    named: Vec<ActorId>,
    unnamed: bool,
}

impl Voices {
    fn of(unit: &Unit) -> Voices {
        Voices {
            named: unit.speakers.clone(),
            unnamed: unit.unnamed,
        }
    }

    fn merge(&mut self, other: &Voices) {
        self.named.extend_from_slice(&other.named);
        order::sort_dedup(&mut self.named);
        self.unnamed |= other.unnamed;
    }
}

/// The sides actors stand for (their affiliation and their own name, folded), to tell
/// speakers of one side from speakers of others.
#[derive(Clone)]
struct Sides {
    sides: Vec<Option<String>>,
    names: Vec<String>,
}

impl Sides {
    fn of(&self, actor: ActorId) -> impl Iterator<Item = &str> {
        self.sides
            .get(actor)
            .and_then(Option::as_deref)
            .into_iter()
            .chain(self.names.get(actor).map(String::as_str))
    }

    /// The factor on the similarity of two units or groups for who speaks in them (see the
    /// module documentation, step 4).
    fn agreement(&self, a: &Voices, b: &Voices) -> f32 {
        match (a.named.is_empty(), b.named.is_empty()) {
            (false, false) => {
                if a.named.iter().any(|x| b.named.contains(x)) {
                    1.0
                } else if a
                    .named
                    .iter()
                    .flat_map(|&x| self.of(x))
                    .any(|side| b.named.iter().flat_map(|&y| self.of(y)).any(|s| s == side))
                {
                    SAME_SIDE
                } else {
                    OTHER_SPEAKER
                }
            }
            (false, true) if b.unnamed => NAMED_AND_UNNAMED,
            (true, false) if a.unnamed => NAMED_AND_UNNAMED,
            _ => 1.0,
        }
    }
}

/// Cosine of two normalised vectors sorted by term, the number of terms they share, and
/// how many of those say what rather than who (`who[term]` is false).
fn cosine(a: &[(usize, f32)], b: &[(usize, f32)], who: &[bool]) -> (f32, usize, usize) {
    let (mut i, mut j, mut dot, mut shared, mut what) = (0, 0, 0.0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].0.cmp(&b[j].0) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                dot += a[i].1 * b[j].1;
                shared += 1;
                if !who.get(a[i].0).copied().unwrap_or(false) {
                    what += 1;
                }
                i += 1;
                j += 1;
            }
        }
    }
    (dot, shared, what)
}

/// [`cosine`] of a vector spread out by term (`spread[term]`, `None` where it lacks the
/// term) and a vector sorted by term: the same products added in the same order (the
/// shared terms, ascending), so the same figures to the last bit.
fn cosine_spread(spread: &[Option<f32>], b: &[(usize, f32)], who: &[bool]) -> (f32, usize, usize) {
    let (mut dot, mut shared, mut what) = (0.0, 0, 0);
    for &(t, wb) in b {
        if let Some(wa) = spread.get(t).copied().flatten() {
            dot += wa * wb;
            shared += 1;
            if !who.get(t).copied().unwrap_or(false) {
                what += 1;
            }
        }
    }
    (dot, shared, what)
}

/// Dot product of a group's summed vector and a unit's vector.
fn dot_with(sum: &FxMap<usize, f32>, v: &[(usize, f32)]) -> f32 {
    v.iter()
        .map(|(t, w)| w * sum.get(t).copied().unwrap_or(0.0))
        .sum()
}

/// The bits of one unit in a [`pair_key`].
const PAIR_UNIT: u128 = (1 << 48) - 1;

/// One integer that orders candidate pairs as (similarity, descending; earlier unit; later
/// unit) would: the [`descending`] key in the high 32 bits, then each unit in 48 bits (no
/// corpus has 2⁴⁸ units), so that sorting the pairs compares one integer per pair.
fn pair_key(sim: f32, earlier: usize, later: usize) -> u128 {
    debug_assert!(earlier as u128 <= PAIR_UNIT && later as u128 <= PAIR_UNIT);
    (u128::from(descending(sim)) << 96)
        | ((earlier as u128 & PAIR_UNIT) << 48)
        | (later as u128 & PAIR_UNIT)
}

/// The (earlier, later) units of a [`pair_key`].
fn pair_units(key: u128) -> (usize, usize) {
    (
        ((key >> 48) & PAIR_UNIT) as usize,
        (key & PAIR_UNIT) as usize,
    )
}

/// A key that sorts scores from highest to lowest in the order of [`f32::total_cmp`].
fn descending(score: f32) -> u32 {
    // `total_cmp`'s own mapping to a signed integer, then flipped to unsigned and reversed.
    let bits = score.to_bits() as i32;
    let ordered = bits ^ ((((bits >> 31) as u32) >> 1) as i32);
    !((ordered as u32) ^ 0x8000_0000)
}

/// The grouping of units (see the module documentation, step 4), resumable. First the
/// candidate pairs: each unit with the latest earlier units that share its terms, the best
/// few by partial dot product scored exactly, a few units per [`step`](Search::step). Then
/// [`merge`](Search::merge): centroid merging of the pairs, most similar first.
#[derive(Clone)]
struct Search {
    vectors: Vec<Vec<(usize, f32)>>,
    /// Per term: whether it says who (an actor, or a speaker's side) rather than what.
    who: Vec<bool>,
    sides: Sides,
    voices: Vec<Voices>,
    /// Per term: the units that hold it, with its weight there. Units are numbered in 32
    /// bits here and in `touched` and the candidates: half the memory of the hottest loop of
    /// grouping.
    postings: Vec<Vec<(u32, f32)>>,
    partial: Vec<f32>,
    touched: Vec<u32>,
    /// The vector of the unit whose candidates are scored, spread out by term (`None`
    /// where it lacks the term), so that scoring a candidate reads the candidate's terms
    /// once instead of walking both sorted lists.
    spread: Vec<Option<f32>>,
    /// Candidate pairs as [`pair_key`]s: most similar first, then by units.
    pairs: Vec<u128>,
    /// Per unit: whether it rules something out and whether it does not ([`Polarity`]).
    polarity: Vec<Polarity>,
    /// Units whose candidates are searched.
    searched: usize,
}

impl Search {
    fn new(
        units: &[Unit],
        vectors: Vec<Vec<(usize, f32)>>,
        n_terms: usize,
        sides: Sides,
        who: Vec<bool>,
        [exclusion, not_excluded]: [Option<usize>; 2],
    ) -> Search {
        let has = |unit: &Unit, term: Option<usize>| {
            term.is_some_and(|t| unit.terms.binary_search_by_key(&t, |&(t, _)| t).is_ok())
        };
        Search {
            polarity: units
                .iter()
                .map(|u| Polarity {
                    excludes: has(u, exclusion),
                    does_not_exclude: has(u, not_excluded),
                })
                .collect(),
            who,
            voices: units.iter().map(Voices::of).collect(),
            postings: vec![Vec::new(); n_terms],
            partial: vec![0.0; units.len()],
            spread: vec![None; n_terms],
            touched: Vec::new(),
            pairs: Vec::new(),
            searched: 0,
            vectors,
            sides,
        }
    }

    /// Searches the candidates of the next `max_units` units; `false` when none was left.
    fn step(&mut self, units: &[Unit], max_units: usize) -> bool {
        let from = self.searched;
        let to = from.saturating_add(max_units).min(self.vectors.len());
        if from >= to {
            return false;
        }
        let Search {
            vectors,
            who,
            sides,
            voices,
            postings,
            partial,
            touched,
            spread,
            pairs,
            searched,
            polarity,
        } = self;
        // A slice, not the vector: its place and length stay in registers across the
        // pushes of the hottest loop of grouping.
        let partial: &mut [f32] = partial;
        for (u, v) in vectors.iter().enumerate().take(to).skip(from) {
            // A unit past 2^32 - 1 (billions of sentences, hundreds of gigabytes of text)
            // would be left out of claims, never mixed up with another.
            let Ok(unit) = u32::try_from(u) else {
                break;
            };
            touched.clear();
            for &(t, w) in v {
                let list = &postings[t];
                for &(other, ow) in &list[list.len().saturating_sub(MAX_POSTINGS)..] {
                    let score = &mut partial[other as usize];
                    if *score == 0.0 {
                        touched.push(other);
                    }
                    *score += w * ow;
                }
            }
            // Best first: highest partial score, then lowest index. The score goes into an
            // integer key that orders as `f32::total_cmp` does, reversed, and key and index
            // into one integer (key in the high 32 bits, the index in the low ones), so
            // that comparing two candidates is one integer comparison.
            //
            // The best few only, kept sorted in one pass that also clears the scores: most
            // units touched are turned away by one comparison with the worst kept. The
            // order is total (ties broken by index), so this is the same list as sorting
            // all and truncating.
            // (`u64::MAX` marks a free place: scores are positive, their keys below 2^63.)
            let mut best = [u64::MAX; MAX_CANDIDATES];
            for &o in touched.iter() {
                let score = &mut partial[o as usize];
                let key = (u64::from(descending(*score)) << 32) | u64::from(o);
                *score = 0.0;
                if key >= best[MAX_CANDIDATES - 1] {
                    continue;
                }
                let mut at = MAX_CANDIDATES - 1;
                while at > 0 && best[at - 1] > key {
                    best[at] = best[at - 1];
                    at -= 1;
                }
                best[at] = key;
            }
            let candidates = &best[..touched.len().min(MAX_CANDIDATES)];
            for &(t, w) in v {
                spread[t] = Some(w);
            }
            // (The low 32 bits are the index.)
            for other in candidates.iter().map(|&c| c as u32 as usize) {
                if units[u].shares_sentence(&units[other]) || polarity[u].opposes(polarity[other]) {
                    continue;
                }
                let (cos, shared, what) = cosine_spread(spread, &vectors[other], who);
                let sim = cos * sides.agreement(&voices[u], &voices[other]);
                if shared >= MIN_SHARED_TERMS && what >= MIN_SHARED_WHAT && sim >= JOIN_SIMILARITY {
                    pairs.push(pair_key(sim, other, u));
                }
            }
            for &(t, _) in v {
                spread[t] = None;
            }
            for &(t, w) in v {
                // Only the latest MAX_POSTINGS are read: the older ones are dropped in
                // batches, so a common term's list stays short and never grows again.
                let list = &mut postings[t];
                if list.len() == 2 * MAX_POSTINGS {
                    list.drain(..MAX_POSTINGS);
                }
                list.push((unit, w));
            }
        }
        *searched = to;
        true
    }

    /// Merges the groups of the candidate pairs, most similar first, while the similarity
    /// of the two groups' centroids (the cosine of their summed vectors, times the speaker
    /// factor) reaches [`MERGE_SIMILARITY`]. Gives the group of each unit (ids are
    /// arbitrary but deterministic), and the units' vectors.
    fn merge(self, units: &[Unit]) -> (Vec<usize>, Vec<Vec<(usize, f32)>>) {
        let Search {
            vectors,
            sides,
            voices,
            mut pairs,
            mut polarity,
            ..
        } = self;
        // Most similar first, then by units. Each pair is found once, so the order is total
        // and an unstable sort gives the stable order. This is the largest sort of the
        // analysis (a pair per candidate that reaches the bar): sorting the packed keys in place
        // costs about half the instructions of `order::sort`'s index permutation.
        pairs.sort_unstable();
        let mut parent: Vec<usize> = (0..units.len()).collect();
        // The summed vector of each group of two units or more, by term; a lone unit's sum
        // is its own vector, so most units, which never join another, need no map.
        let mut sums: Vec<FxMap<usize, f32>> = Vec::new();
        let mut sum_of: Vec<Option<usize>> = vec![None; units.len()];
        // The squared length of each group's summed vector, kept as groups merge
        // (|a + b|² = |a|² + 2 a·b + |b|²); a unit's vector has length 1.
        let mut norm2 = vec![1.0_f32; units.len()];
        let mut group_voices = voices;
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for (x, y) in pairs.into_iter().map(pair_units) {
            let (a, b) = (root(&mut parent, x), root(&mut parent, y));
            if a == b || polarity[a].opposes(polarity[b]) {
                continue;
            }
            let dot = match (sum_of[a], sum_of[b]) {
                (None, None) => cosine(&vectors[a], &vectors[b], &[]).0,
                (Some(m), None) => dot_with(&sums[m], &vectors[b]),
                (None, Some(m)) => dot_with(&sums[m], &vectors[a]),
                (Some(ma), Some(mb)) => {
                    let (small, large) = if sums[ma].len() <= sums[mb].len() {
                        (&sums[ma], &sums[mb])
                    } else {
                        (&sums[mb], &sums[ma])
                    };
                    small
                        .iter()
                        .map(|(t, w)| w * large.get(t).copied().unwrap_or(0.0))
                        .sum()
                }
            };
            let centroids = dot / (norm2[a] * norm2[b]).sqrt().max(f32::EPSILON)
                * sides.agreement(&group_voices[a], &group_voices[b]);
            if centroids < MERGE_SIMILARITY {
                continue;
            }
            // The lower index stays the root; the smaller sum is added into the larger (a
            // lone unit's sum is its vector).
            let (keep, gone) = (a.min(b), a.max(b));
            enum Added {
                /// The sum of a group (an index into `sums`).
                Group(usize),
                /// A lone unit's vector.
                Lone(usize),
            }
            let (into, added) = match (sum_of[keep], sum_of[gone]) {
                (Some(k), Some(g)) if sums[k].len() < sums[g].len() => (g, Added::Group(k)),
                (Some(k), Some(g)) => (k, Added::Group(g)),
                (Some(k), None) => (k, Added::Lone(gone)),
                (None, Some(g)) => (g, Added::Lone(keep)),
                (None, None) => {
                    sums.push(vectors[keep].iter().copied().collect());
                    (sums.len() - 1, Added::Lone(gone))
                }
            };
            let added: Vec<(usize, f32)> = match added {
                Added::Group(m) => std::mem::take(&mut sums[m]).into_iter().collect(),
                Added::Lone(u) => vectors[u].clone(),
            };
            for (t, w) in added {
                *sums[into].entry(t).or_insert(0.0) += w;
            }
            sum_of[keep] = Some(into);
            sum_of[gone] = None;
            let gone_voices = std::mem::take(&mut group_voices[gone]);
            group_voices[keep].merge(&gone_voices);
            norm2[keep] += 2.0 * dot + norm2[gone];
            polarity[keep] = polarity[keep].with(polarity[gone]);
            parent[gone] = keep;
        }
        let roots = (0..units.len()).map(|u| root(&mut parent, u)).collect();
        (roots, vectors)
    }
}

/// A readable label from the terms most of the units share (see the module docs).
fn label(
    group: &[usize],
    vectors: &[Vec<(usize, f32)>],
    vocab: &Vocabulary,
    actors: &[Actor],
) -> String {
    let mut weight: FxMap<usize, (f32, usize)> = FxMap::default();
    for &u in group {
        for &(t, w) in &vectors[u] {
            let e = weight.entry(t).or_insert((0.0, 0));
            e.0 += w;
            e.1 += 1;
        }
    }
    let min_share = group.len().div_ceil(2).max(1);
    let mut terms: Vec<(usize, f32, usize)> = weight
        .into_iter()
        .filter(|&(_, (_, n))| n >= min_share)
        .map(|(t, (w, n))| (t, w, n))
        .collect();
    order::sort_by(&mut terms, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut shown: Vec<String> = Vec::new();
    for (t, _, _) in terms {
        let s = match &vocab.shown[t] {
            Shown::Actor(a) => actors.get(*a).map(|a| a.display_name().to_owned()),
            Shown::Word(w) => Some(w.clone()),
        };
        if let Some(s) = s
            && !shown.iter().any(|x| x.eq_ignore_ascii_case(&s))
        {
            shown.push(s);
        }
        if shown.len() == LABEL_TERMS {
            break;
        }
    }
    shown.join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Article;
    use crate::model::{Connotation, Mention, SourceKind, Sourcing, Statement, StatementMode};
    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Cases {
        case: Vec<Case>,
    }

    /// One case of `testdata/claims.toml`.
    #[derive(Deserialize)]
    struct Case {
        name: String,
        articles: Vec<String>,
        /// `[article index, actor id, word]`: a mention of an actor by name.
        #[serde(default)]
        mentions: Vec<(usize, usize, String)>,
        /// `[article index, snippet]`: the sentence holding the snippet carries a
        /// statement by actor 0.
        #[serde(default)]
        statements: Vec<(usize, String)>,
        /// Statements with their speaker (none: an unnamed source) and verb.
        #[serde(default)]
        speech: Vec<Speech>,
        expected: Expected,
    }

    #[derive(Deserialize)]
    struct Expected {
        /// Groups of `"article:snippet"` that must share one claim.
        #[serde(default)]
        together: Vec<Vec<String>>,
        /// Pairs that must not share a claim.
        #[serde(default)]
        apart: Vec<Vec<String>>,
        /// Snippets that must be in no claim.
        #[serde(default)]
        unclaimed: Vec<String>,
        #[serde(default)]
        n_claims: Option<usize>,
        /// Words the label of the claim of the first `together` group must contain.
        #[serde(default)]
        label_has: Vec<String>,
    }

    /// A statement of a case: in `article`, `content` is said by actor `speaker` (or by an
    /// unnamed source), with the attribution verb `verb` written before it.
    #[derive(Deserialize)]
    struct Speech {
        article: usize,
        speaker: Option<usize>,
        verb: Option<String>,
        content: String,
    }

    /// Builds a corpus and hand-made analyses (structure from [`crate::structure::parse`],
    /// mentions and statements from the case) for one case.
    fn build(case: &Case) -> (Corpus, Vec<ArticleAnalysis>, Vec<Actor>) {
        let corpus = Corpus {
            articles: case
                .articles
                .iter()
                .enumerate()
                .map(|(i, text)| Article {
                    id: format!("a{i}"),
                    text: text.clone(),
                    ..Article::default()
                })
                .collect(),
        };
        let mut n_actors = 1;
        let analyses = corpus
            .articles
            .iter()
            .enumerate()
            .map(|(i, article)| {
                let text = article.text.as_str();
                let structure = crate::structure::parse(text);
                let sentence_of = |at: usize| {
                    structure
                        .sentences
                        .iter()
                        .position(|s| s.span.start <= at && at < s.span.end)
                };
                let mut mentions = Vec::new();
                for (a, actor, word) in &case.mentions {
                    if *a != i {
                        continue;
                    }
                    n_actors = n_actors.max(actor + 1);
                    for (at, _) in text.match_indices(word.as_str()) {
                        if let Some(sentence_idx) = sentence_of(at) {
                            let span = Span::new(at, at + word.len());
                            mentions.push(Mention {
                                actor: *actor,
                                span,
                                via: MentionVia::Name,
                                sentence_idx,
                            });
                        }
                    }
                }
                let by_actor_0 = case
                    .statements
                    .iter()
                    .filter(|(a, _)| *a == i)
                    .map(|(_, snippet)| (Some(0), None, snippet.as_str()));
                let spoken = case.speech.iter().filter(|s| s.article == i).map(|s| {
                    if let Some(speaker) = s.speaker {
                        n_actors = n_actors.max(speaker + 1);
                    }
                    (s.speaker, s.verb.as_deref(), s.content.as_str())
                });
                let statements = by_actor_0
                    .chain(spoken)
                    .filter_map(|(speaker, verb, snippet)| {
                        let at = text.find(snippet)?;
                        let verb_span = verb.and_then(|v| {
                            let v_at = text[..at].rfind(v)?;
                            Some(Span::new(v_at, v_at + v.len()))
                        });
                        let unnamed = speaker.is_none();
                        Some(Statement {
                            speakers: speaker.into_iter().collect(),
                            verb: verb.map(str::to_owned),
                            verb_span,
                            connotation: Connotation::Neutral,
                            content: Span::new(at, at + snippet.len()),
                            mode: StatementMode::Indirect,
                            sourcing: Sourcing {
                                kind: if unnamed {
                                    SourceKind::Anonymous
                                } else {
                                    SourceKind::OnRecord
                                },
                                actor: None,
                                span: None,
                            },
                            sentence_idx: sentence_of(at)?,
                            quote_idx: None,
                        })
                    })
                    .collect();
                ArticleAnalysis {
                    id: article.id.clone(),
                    blocks: structure.blocks.clone(),
                    sentences: structure.sentences.clone(),
                    headline_span: structure.headline,
                    mentions,
                    statements,
                    ..ArticleAnalysis::default()
                }
            })
            .collect();
        let actors = (0..n_actors)
            .map(|i| Actor {
                name: format!("Actor {i}"),
                kind: crate::model::ActorKind::Person,
                role: None,
                affiliation: None,
                discovered: false,
                native_name: None,
            })
            .collect();
        (corpus, analyses, actors)
    }

    /// The claims holding the sentence named `"article:snippet"`.
    fn claims_of(claims: &[Claim], key: &str) -> Vec<usize> {
        let (article, snippet) = key.split_once(':').unwrap_or(("", key));
        let article = format!("a{article}");
        claims
            .iter()
            .enumerate()
            .filter(|(_, c)| {
                c.members
                    .iter()
                    .any(|m| m.article == article && m.sentence.contains(snippet))
            })
            .map(|(i, _)| i)
            .collect()
    }

    /// A step at a time, down to one unit's candidates per step, grouping gives the claims
    /// of `group_claims`: the candidate search resumes exactly where it stopped.
    #[test]
    fn grouping_a_unit_at_a_time_gives_the_same_claims() {
        let cases: Cases = toml::from_str(include_str!("../testdata/claims.toml"))
            .unwrap_or_else(|e| panic!("testdata/claims.toml: {e}"));
        for case in &cases.case {
            let (corpus, analyses, actors) = build(case);
            let whole = group_claims(&corpus, &analyses, &actors);
            for units_per_step in [1, 2, 7] {
                let mut grouping = Grouping::default();
                let mut n_steps = 0;
                while grouping.step_by(&corpus, &analyses, &actors, units_per_step) {
                    n_steps += 1;
                }
                // The articles, the weighing, and the units `units_per_step` at a time.
                let n_units = grouping.units.len();
                assert_eq!(
                    n_steps,
                    analyses.len() + 1 + n_units.div_ceil(units_per_step),
                    "{}: steps",
                    case.name
                );
                let stepwise = grouping.finish(&corpus, &analyses, &actors);
                assert!(
                    stepwise == whole,
                    "{}: {units_per_step} units per step",
                    case.name
                );
            }
        }
    }

    #[test]
    fn claims_cases_hold() {
        let cases: Cases = toml::from_str(include_str!("../testdata/claims.toml"))
            .unwrap_or_else(|e| panic!("testdata/claims.toml: {e}"));
        let mut failures = Vec::new();
        for case in &cases.case {
            let (corpus, analyses, actors) = build(case);
            let claims = group_claims(&corpus, &analyses, &actors);
            let again = group_claims(&corpus, &analyses, &actors);
            let mut fail = |why: String| failures.push(format!("{}: {why}", case.name));
            if claims != again {
                fail("two runs on the same input differ".into());
            }
            for claim in &claims {
                let mut sorted = claim.members.clone();
                sorted.sort_by_key(|m| (m.article_idx, m.sentence_idx));
                if sorted != claim.members {
                    fail(format!("members of {:?} are not sorted", claim.label));
                }
            }
            let e = &case.expected;
            for group in &e.together {
                let sets: Vec<Vec<usize>> = group.iter().map(|k| claims_of(&claims, k)).collect();
                let shared = sets
                    .first()
                    .is_some_and(|first| first.iter().any(|c| sets.iter().all(|s| s.contains(c))));
                if !shared {
                    fail(format!("{group:?} share no claim ({sets:?})"));
                }
            }
            for pair in &e.apart {
                let a = claims_of(&claims, &pair[0]);
                let b = pair.get(1).map_or(Vec::new(), |k| claims_of(&claims, k));
                if a.iter().any(|c| b.contains(c)) {
                    fail(format!("{pair:?} share a claim"));
                }
            }
            for key in &e.unclaimed {
                if !claims_of(&claims, key).is_empty() {
                    fail(format!("{key:?} is in a claim"));
                }
            }
            if let Some(n) = e.n_claims
                && claims.len() != n
            {
                let labels: Vec<&str> = claims.iter().map(|c| c.label.as_str()).collect();
                fail(format!("{} claims, expected {n}: {labels:?}", claims.len()));
            }
            if !e.label_has.is_empty() {
                let label = e
                    .together
                    .first()
                    .and_then(|g| g.first())
                    .and_then(|k| claims_of(&claims, k).first().copied())
                    .map_or("", |c| claims[c].label.as_str());
                for word in &e.label_has {
                    if !label.contains(word.as_str()) {
                        fail(format!("label {label:?} lacks {word:?}"));
                    }
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn descending_keys_order_scores_as_total_cmp_reversed() {
        let scores = [
            0.25,
            -0.0,
            0.0,
            1.0,
            -1.5,
            f32::INFINITY,
            f32::NEG_INFINITY,
            f32::NAN,
            -f32::NAN,
            f32::MIN_POSITIVE,
            0.2500001,
            f32::MAX,
        ];
        let mut by_key = scores.to_vec();
        by_key.sort_by_key(|&s| descending(s));
        let mut by_cmp = scores.to_vec();
        by_cmp.sort_by(|a, b| b.total_cmp(a));
        let bits = |v: &[f32]| v.iter().map(|s| s.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&by_key), bits(&by_cmp));
    }

    #[test]
    fn pair_keys_order_as_similarity_descending_then_units() {
        let pairs = [
            (0.5, 3, 9),
            (0.9, 7, 8),
            (0.5, 2, 1 << 40),
            (0.5, 2, 5),
            (0.9, 1 << 47, 0),
            (-0.0, 0, 1),
            (0.0, 0, 1),
        ];
        let mut by_key: Vec<u128> = pairs.iter().map(|&(s, a, b)| pair_key(s, a, b)).collect();
        by_key.sort_unstable();
        let mut by_tuple = pairs.to_vec();
        by_tuple.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
        let units: Vec<(usize, usize)> = by_key.into_iter().map(pair_units).collect();
        let expected: Vec<(usize, usize)> = by_tuple.iter().map(|&(_, a, b)| (a, b)).collect();
        assert_eq!(units, expected);
    }

    #[test]
    fn stemming_brings_word_families_together() {
        for (a, b) in [
            ("division", "dividing"),
            ("divide", "divided"),
            ("deploy", "deployment"),
            ("deployed", "deploying"),
            ("escalate", "escalation"),
            ("escalating", "escalated"),
            ("inevitable", "inevitability"),
            ("losses", "loss"),
            ("ruled", "rule"),
            ("allies", "allied"),
            ("planned", "plan"),
            ("discussion", "discuss"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        for (a, b) in [
            ("consensus", "consensus"),
            ("crisis", "crisis"),
            ("need", "need"),
        ] {
            assert_eq!(stem(a), b);
        }
    }
}
