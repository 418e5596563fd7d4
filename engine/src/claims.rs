//! Claims across outlets: sentences of different articles (or two sentences of one) that
//! report the same fact or statement, grouped so the viewer can show who carries a claim,
//! in what words, and who omits it.
//!
//! # Method
//!
//! The method is lexical and explainable, and its work grows linearly with the corpus.
//!
//! 1. **Terms.** Every sentence of every article's own text (headline included; removed
//!    text never reaches the sentences) becomes a bag of terms:
//!    - words, folded (lower case, no accents), stop words and attribution verbs ("said",
//!      "told", "reported": they say who speaks, not what) removed, possessives cut,
//!      and lightly stemmed by suffix rules so that "division"/"dividing"/"divide",
//!      "deploy"/"deployment", "escalate"/"escalation" meet ([`stem`]);
//!    - a small table of general English synonyms and demonyms maps words of one meaning
//!      to one term (troops/forces/soldiers, intervene/involve/"step in", attack/target/
//!      strike, conflict/war/confrontation, French/France…: [`SYNONYMS`]);
//!    - the actors the sentence mentions (by name, role or resolved pronoun) as terms of
//!      their own, so "the German chancellor" and "Olaf Scholz" meet; the words of a
//!      mention by name are replaced by its actor, so aliases meet too;
//!    - numbers, with their separators removed ("1,500" is "1500").
//! 2. **Weights.** TF-IDF over all sentences of the corpus: `(1 + ln tf) · ln((N + 1) /
//!    df)`, vectors normalised to length 1, so a term that every sentence has weighs
//!    nothing and a rare shared term weighs most. A term used by one article only is
//!    left out: it cannot show what outlets share, and would only dilute the similarity
//!    of the long sentences that pack several facts.
//! 3. **Clustering without all pairs.** Sentences are taken in corpus order and put into
//!    the cluster whose members they are most similar to *on average* (average-link:
//!    the mean cosine between the sentence and each member, computed in one product with
//!    the cluster's summed vector), if that mean reaches [`JOIN_SIMILARITY`]; otherwise
//!    they start a cluster. Candidate clusters are found only through an inverted index
//!    from terms to the clusters holding them, and a term held by more than
//!    [`MAX_POSTINGS`] clusters is too common to point at one claim, so it is not used to
//!    find candidates (it still counts in the similarity). A claim carried by hundreds of
//!    outlets is one cluster, so its terms stay usable. Work per sentence is therefore
//!    bounded by its number of terms times [`MAX_POSTINGS`]: linear in the corpus.
//!    Average-link keeps unrelated claims from chaining through one bridging sentence.
//!    Then [`N_REFINE_PASSES`] passes move each sentence to its best cluster given all the
//!    others, which undoes most of the order dependence of the first pass.
//! 4. **Claims.** A cluster that spans at least two articles is a claim. A sentence that
//!    carries an attributed statement but that no other article reports stays as a claim
//!    of one article, so the Claims view can show what a single outlet carries; other
//!    lone sentences are not claims. Claims are sorted by the number of articles that
//!    carry them, then by where they first appear; members by article, then sentence.
//! 5. **Label.** The claim's most telling terms: those held by at least half of its
//!    members, heaviest in the summed vector first, actors by canonical name, words as
//!    first written, joined by " · " ("Emmanuel Macron · NATO · troops · involvement").
//!
//! Everything is sorted or taken in corpus order, never in hash order: the same corpus
//! always gives the same claims.

use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::corpus::Corpus;
use crate::model::{Actor, ArticleAnalysis, Claim, ClaimMember, MentionVia, Span};
use crate::text;

/// A small, fast, deterministic hasher (the multiply-rotate scheme of rustc's FxHash)
/// for the maps keyed by term and cluster ids, which the default SipHash makes the
/// costliest part of grouping. Hash order is never used for output.
#[derive(Default, Clone, Copy)]
struct FxHasher(u64);

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        for chunk in bytes.chunks(8) {
            let mut word = [0u8; 8];
            word[..chunk.len()].copy_from_slice(chunk);
            self.write_u64(u64::from_le_bytes(word));
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = (self.0.rotate_left(5) ^ n).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
    fn write_usize(&mut self, n: usize) {
        self.write_u64(n as u64);
    }
    fn finish(&self) -> u64 {
        self.0
    }
}

type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
type FxSet<K> = HashSet<K, BuildHasherDefault<FxHasher>>;

/// Mean cosine a sentence needs with the members of a cluster to join it.
///
/// Two sentences reporting the same statement in different words share a few rare terms
/// (actors, "consensus", "Africa", a number), which gives cosines of about 0.3–0.8 under
/// TF-IDF once terms used by one article only are left out; sentences on the same story
/// about neighbouring facts (the same scenario told by another speaker) share the story's
/// vocabulary and reach 0.2–0.3. Measured on the seeds, 0.3 keeps every grouped pair right
/// (pairwise precision 1.0) while lower bars start merging neighbouring facts; the bar is
/// on the *mean* similarity to the members, so it does not loosen as a cluster grows.
pub const JOIN_SIMILARITY: f32 = 0.3;

/// A term held by more clusters than this does not point at a claim (it is the story's
/// common vocabulary: "Macron", "troops", "Ukraine"), so it is not used to find candidate
/// clusters. This bound is what keeps the work linear.
pub const MAX_POSTINGS: usize = 48;

/// Terms a sentence must share with a cluster to join it. One shared word ("stadium",
/// "week") is a topic, not a fact: a reported fact names at least something and what
/// happens to it.
pub const MIN_SHARED_TERMS: usize = 2;

/// Candidate clusters scored exactly per sentence: the best by their rare shared terms.
const MAX_CANDIDATES: usize = 12;

/// Passes that move each sentence to its best cluster after the first pass.
pub const N_REFINE_PASSES: usize = 2;

/// Articles that must use a term for it to count (see [`weigh`]).
const MIN_ARTICLES_PER_TERM: u32 = 2;

/// Terms in a claim's label.
const LABEL_TERMS: usize = 4;

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
    "mr",
    "ms",
    "mrs",
    "de",
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
    let lexicon = Lexicon::new();
    let mut vocab = Vocabulary::default();
    let mut sentences: Vec<SentenceTerms> = Vec::new();
    for (article_idx, article) in articles.iter().enumerate() {
        let text = corpus
            .articles
            .get(article_idx)
            .map_or("", |a| a.text.as_str());
        let mut by_sentence: Vec<Vec<(usize, Span, MentionVia)>> =
            vec![Vec::new(); article.sentences.len()];
        for m in &article.mentions {
            if let Some(list) = by_sentence.get_mut(m.sentence_idx) {
                list.push((m.actor, m.span, m.via));
            }
        }
        for (sentence_idx, sentence) in article.sentences.iter().enumerate() {
            let mentions = by_sentence.get(sentence_idx).map_or(&[][..], Vec::as_slice);
            let terms = sentence_terms(text, sentence.span, mentions, &lexicon, &mut vocab);
            sentences.push(SentenceTerms {
                article_idx,
                sentence_idx,
                span: sentence.span,
                terms,
            });
        }
    }
    let vectors = weigh(&sentences, vocab.len());
    let cluster_of = cluster(&vectors, vocab.len(), JOIN_SIMILARITY);
    let speaking: Vec<FxSet<usize>> = articles.iter().map(speaking_sentences).collect();

    // Gather clusters in order of first member.
    let mut members_of: Vec<Vec<usize>> = Vec::new();
    let mut slot: HashMap<usize, usize> = HashMap::new();
    for (s, &c) in cluster_of.iter().enumerate() {
        let k = *slot.entry(c).or_insert_with(|| {
            members_of.push(Vec::new());
            members_of.len() - 1
        });
        members_of[k].push(s);
    }

    let mut claims = Vec::new();
    for members in members_of {
        let mut ids: Vec<usize> = members.iter().map(|&s| sentences[s].article_idx).collect();
        ids.dedup();
        let n_articles = {
            let mut sorted = ids.clone();
            sorted.sort_unstable();
            sorted.dedup();
            sorted.len()
        };
        let keep = n_articles >= 2
            || members.len() >= 2
            || members
                .iter()
                .any(|&s| speaking[sentences[s].article_idx].contains(&sentences[s].sentence_idx));
        if !keep {
            continue;
        }
        let label = label(&members, &vectors, &vocab, actors);
        let mut claim_members: Vec<ClaimMember> = members
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
        claim_members.sort_by_key(|m| (m.article_idx, m.sentence_idx));
        claims.push(Claim {
            label,
            members: claim_members,
            n_articles,
        });
    }
    claims.sort_by(|a, b| {
        b.n_articles.cmp(&a.n_articles).then_with(|| {
            let first = |c: &Claim| c.members.first().map(|m| (m.article_idx, m.sentence_idx));
            first(a).cmp(&first(b))
        })
    });
    claims
}

/// The sentences of an article that carry a statement attributed to someone.
fn speaking_sentences(article: &ArticleAnalysis) -> FxSet<usize> {
    article
        .statements
        .iter()
        .filter(|st| !st.speakers.is_empty())
        .map(|st| st.sentence_idx)
        .collect()
}

/// The stop words and synonyms as hash lookups, built once per grouping.
struct Lexicon {
    stop: FxSet<&'static str>,
    synonyms: FxMap<&'static str, &'static str>,
}

impl Lexicon {
    fn new() -> Lexicon {
        Lexicon {
            stop: STOP_WORDS.iter().copied().collect(),
            synonyms: SYNONYMS.iter().copied().collect(),
        }
    }
}

/// Terms interned to dense ids, with what a label shows for each.
#[derive(Default)]
struct Vocabulary {
    ids: FxMap<String, usize>,
    /// For each term: the surface form shown in labels (first written form), or the actor.
    shown: Vec<Shown>,
}

enum Shown {
    Word(String),
    Actor(usize),
}

impl Vocabulary {
    fn len(&self) -> usize {
        self.shown.len()
    }

    fn intern(&mut self, key: String, shown: impl FnOnce() -> Shown) -> usize {
        if let Some(&id) = self.ids.get(&key) {
            // Labels show a word as running text writes it: a lower-case form seen later
            // replaces one capitalised by a headline or the start of a sentence.
            if let Shown::Word(old) = &self.shown[id]
                && old.chars().next().is_some_and(char::is_uppercase)
                && !old.chars().skip(1).any(char::is_uppercase)
                && let Shown::Word(new) = shown()
                && new.chars().all(|c| !c.is_uppercase())
            {
                self.shown[id] = Shown::Word(new);
            }
            return id;
        }
        let id = self.shown.len();
        self.ids.insert(key, id);
        self.shown.push(shown());
        id
    }
}

/// One sentence's terms with their counts, sorted by term id.
struct SentenceTerms {
    article_idx: usize,
    sentence_idx: usize,
    span: Span,
    terms: Vec<(usize, u32)>,
}

/// The terms of one sentence (see the module documentation).
fn sentence_terms(
    text: &str,
    span: Span,
    mentions: &[(usize, Span, MentionVia)],
    lexicon: &Lexicon,
    vocab: &mut Vocabulary,
) -> Vec<(usize, u32)> {
    let mut terms: Vec<usize> = Vec::new();
    for &(actor, _, _) in mentions {
        terms.push(vocab.intern(format!("@{actor}"), || Shown::Actor(actor)));
    }
    let words = text::words(text, span);
    // Folded words with their spans; initials joined ("U.S." is "us", "E.U." is "eu").
    let mut folded: Vec<(String, Span)> = Vec::with_capacity(words.len());
    // A word is covered by a mention by name when some such mention starts at or before it
    // and ends at or after it: sweep the mentions by start, keeping the furthest end.
    let mut by_name: Vec<Span> = mentions
        .iter()
        .filter(|&&(_, _, via)| matches!(via, MentionVia::Name | MentionVia::Discovered))
        .map(|&(_, m, _)| m)
        .collect();
    by_name.sort_unstable_by_key(|m| m.start);
    let (mut next_mention, mut reach) = (0, None);
    let mut i = 0;
    while i < words.len() {
        let w = words[i];
        while let Some(m) = by_name.get(next_mention).filter(|m| m.start <= w.start) {
            reach = reach.max(Some(m.end));
            next_mention += 1;
        }
        if reach.is_some_and(|end| end >= w.end) {
            i += 1;
            continue;
        }
        let mut word = text::fold(w.text(text));
        let mut end = w.end;
        while word.chars().count() < 4
            && word.chars().all(|c| c.is_alphabetic())
            && words
                .get(i + 1)
                .is_some_and(|n| text.get(end..n.start) == Some(".") && n.len() == 1)
        {
            i += 1;
            word.push_str(&text::fold(words[i].text(text)));
            end = words[i].end;
        }
        folded.push((word, Span::new(w.start, end)));
        i += 1;
    }
    let mut k = 0;
    while k < folded.len() {
        let (word, w) = &folded[k];
        let next = folded.get(k + 1).map(|(n, _)| n.as_str());
        if let Some(&(_, _, term)) = PHRASES
            .iter()
            .find(|&&(a, b, _)| a == word.as_str() && Some(b) == next)
        {
            let shown = text
                .get(w.start..folded[k + 1].1.end)
                .unwrap_or("")
                .to_owned();
            terms.push(vocab.intern(term.to_owned(), || Shown::Word(shown)));
            k += 2;
            continue;
        }
        k += 1;
        let Some(key) = normalise(word, lexicon) else {
            continue;
        };
        let shown = w.text(text).to_owned();
        terms.push(vocab.intern(key, || Shown::Word(shown)));
    }
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

/// The term of one folded word, or `None` for a stop word or a stray letter.
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
        return Some(term.to_owned());
    }
    let stemmed = stem(word);
    if let Some(&term) = lexicon.synonyms.get(stemmed.as_str()) {
        return Some(term.to_owned());
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

/// TF-IDF vectors, normalised: `(term, weight)` sorted by term.
fn weigh(sentences: &[SentenceTerms], n_terms: usize) -> Vec<Vec<(usize, f32)>> {
    let mut df = vec![0u32; n_terms];
    // Articles using each term: a term only one article uses cannot show what several
    // outlets share, and would only dilute the similarity of its sentences.
    let mut article_df = vec![0u32; n_terms];
    let mut last_article = vec![usize::MAX; n_terms];
    for s in sentences {
        for &(t, _) in &s.terms {
            df[t] += 1;
            if last_article[t] != s.article_idx {
                last_article[t] = s.article_idx;
                article_df[t] += 1;
            }
        }
    }
    let n = sentences.len() as f32;
    sentences
        .iter()
        .map(|s| {
            let mut v: Vec<(usize, f32)> = s
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

/// One cluster under construction: its members and the sum of their vectors.
#[derive(Default)]
struct Cluster {
    n_members: usize,
    sum: FxMap<usize, f32>,
}

impl Cluster {
    fn add(&mut self, v: &[(usize, f32)], sign: f32) {
        for &(t, w) in v {
            *self.sum.entry(t).or_insert(0.0) += sign * w;
        }
        if sign > 0.0 {
            self.n_members += 1;
        } else {
            self.n_members = self.n_members.saturating_sub(1);
        }
    }

    /// Mean cosine between `v` and the members (vectors are unit length); 0 when they
    /// share fewer than [`MIN_SHARED_TERMS`] terms.
    fn mean_similarity(&self, v: &[(usize, f32)]) -> f32 {
        if self.n_members == 0 {
            return 0.0;
        }
        let mut dot = 0.0;
        let mut n_shared = 0;
        for &(t, w) in v {
            let cw = self.sum.get(&t).copied().unwrap_or(0.0);
            // Sums of removed members leave rounding dust, not a shared term.
            if cw > 1e-6 {
                dot += w * cw;
                n_shared += 1;
            }
        }
        if n_shared < MIN_SHARED_TERMS {
            return 0.0;
        }
        dot / self.n_members as f32
    }
}

/// The cluster of each sentence (ids are arbitrary but deterministic).
fn cluster(vectors: &[Vec<(usize, f32)>], n_terms: usize, threshold: f32) -> Vec<usize> {
    let mut clusters: Vec<Cluster> = Vec::new();
    let mut postings: Vec<Vec<usize>> = vec![Vec::new(); n_terms];
    let mut cluster_of = vec![usize::MAX; vectors.len()];
    // Partial scores by cluster, and the clusters touched, reused across sentences.
    let mut scores: Vec<f32> = Vec::new();
    let mut touched: Vec<usize> = Vec::new();

    let best_cluster = |v: &[(usize, f32)],
                        clusters: &[Cluster],
                        postings: &[Vec<usize>],
                        scores: &mut Vec<f32>,
                        touched: &mut Vec<usize>|
     -> Option<usize> {
        // Partial scores through the rarer terms only (the sentence's weights of the terms
        // it shares): a cheap way to pick the few candidates scored exactly.
        scores.resize(clusters.len(), 0.0);
        touched.clear();
        for &(t, w) in v {
            let list = &postings[t];
            if list.len() > MAX_POSTINGS {
                continue;
            }
            for &c in list {
                if scores[c] == 0.0 {
                    touched.push(c);
                }
                scores[c] += w;
            }
        }
        let mut candidates: Vec<(usize, f32)> = touched.iter().map(|&c| (c, scores[c])).collect();
        for &c in touched.iter() {
            scores[c] = 0.0;
        }
        candidates.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        candidates.truncate(MAX_CANDIDATES);
        candidates
            .into_iter()
            .map(|(c, _)| (c, clusters[c].mean_similarity(v)))
            .filter(|&(_, s)| s >= threshold)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)))
            .map(|(c, _)| c)
    };

    let join = |c: usize,
                v: &[(usize, f32)],
                clusters: &mut Vec<Cluster>,
                postings: &mut Vec<Vec<usize>>| {
        let cluster = &mut clusters[c];
        for &(t, _) in v {
            if !cluster.sum.contains_key(&t) {
                postings[t].push(c);
            }
        }
        cluster.add(v, 1.0);
    };

    for (s, v) in vectors.iter().enumerate() {
        let c = match best_cluster(v, &clusters, &postings, &mut scores, &mut touched) {
            Some(c) => c,
            None => {
                clusters.push(Cluster::default());
                clusters.len() - 1
            }
        };
        join(c, v, &mut clusters, &mut postings);
        cluster_of[s] = c;
    }

    for _ in 0..N_REFINE_PASSES {
        let mut moved = false;
        for (s, v) in vectors.iter().enumerate() {
            let own = cluster_of[s];
            clusters[own].add(v, -1.0);
            let c = match best_cluster(v, &clusters, &postings, &mut scores, &mut touched) {
                Some(c) => c,
                None if clusters[own].n_members == 0 => own,
                None => {
                    clusters.push(Cluster::default());
                    clusters.len() - 1
                }
            };
            join(c, v, &mut clusters, &mut postings);
            moved |= c != own;
            cluster_of[s] = c;
        }
        if !moved {
            break;
        }
    }
    cluster_of
}

/// A readable label from the terms most of the members share (see the module docs).
fn label(
    members: &[usize],
    vectors: &[Vec<(usize, f32)>],
    vocab: &Vocabulary,
    actors: &[Actor],
) -> String {
    let mut weight: HashMap<usize, (f32, usize)> = HashMap::new();
    for &s in members {
        for &(t, w) in &vectors[s] {
            let e = weight.entry(t).or_insert((0.0, 0));
            e.0 += w;
            e.1 += 1;
        }
    }
    let min_share = members.len().div_ceil(2).max(1);
    let mut terms: Vec<(usize, f32, usize)> = weight
        .into_iter()
        .filter(|&(_, (_, n))| n >= min_share)
        .map(|(t, (w, n))| (t, w, n))
        .collect();
    terms.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut shown: Vec<String> = Vec::new();
    for (t, _, _) in terms {
        let s = match &vocab.shown[t] {
            Shown::Actor(a) => actors.get(*a).map(|a| a.name.clone()),
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
                let statements = case
                    .statements
                    .iter()
                    .filter(|(a, _)| *a == i)
                    .filter_map(|(_, snippet)| {
                        let at = text.find(snippet.as_str())?;
                        Some(Statement {
                            speakers: vec![0],
                            verb: None,
                            verb_span: None,
                            connotation: Connotation::Neutral,
                            content: Span::new(at, at + snippet.len()),
                            mode: StatementMode::Indirect,
                            sourcing: Sourcing {
                                kind: SourceKind::OnRecord,
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
