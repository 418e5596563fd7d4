//! Actors: who an article names, by name, by role or by a pronoun that attributes speech,
//! and the people and bodies it names that the gazetteer does not know.
//!
//! [`ActorIndex::new`] compiles the [`Gazetteer`] once: every alias, title phrase, scope
//! (country or body) and kind of body becomes a run of folded words in a table keyed by
//! its first word, so scanning a sentence is one hash lookup per word and the longest
//! run wins. [`ActorIndex::find_mentions`] then reads the article's own sentences only
//! (headline and body; the header line and removed lines are never read), sentence by
//! sentence, in five passes:
//!
//! 1. **Names**: gazetteer aliases and names discovered earlier in the article, on word
//!    boundaries, accents and case folded, possessives stripped ("Macronʼs"). An alias
//!    written with capitals needs capitals in the text ("AP", not "ap"); a surname alias
//!    right after an unknown capitalised word is someone else ("Hunter Biden"). Aliases
//!    that several actors share, or that are common words ("Austin"), count only for an
//!    actor already named in the article.
//! 2. **Bodies**: "<Adjective> <kind of body>", "<Country>'s <body>", "<body> of <Country>"
//!    ("the Estonian Defence Ministry") become one government actor.
//! 3. **Discovery** of people and organisations the gazetteer lacks, from context only:
//!    "the <Capitalised Words> (ACRONYM)"; a name of two to four capitalised words after
//!    a title or role noun ("Slovak Prime Minister Robert Fico", "far-right figurehead
//!    Marine Le Pen"), set off by commas after a role noun ("her spokesman, Eric Mamer,"),
//!    before an apposition with a role ("Rym Momtaz, consultant research fellow at …"),
//!    or next to a speech verb ("said Rym Momtaz", "Rym Momtaz said").
//!    Headlines and subheadings (title case) are not used for discovery.
//! 4. **Roles**, resolved at the article's date (else the gazetteer's `default_date`):
//!    "the German chancellor", "Germany's chancellor", "the chancellor of Germany",
//!    "the French leader", "Kremlin spokesman". A bare "the chancellor" is the most recent
//!    actor of the article who holds that title; a title right before a name is part of
//!    the name's mention, not a role mention; "former"/"then" titles are not resolved.
//! 5. **Pronouns** ("he", "she", "they") where they attribute speech ("he added", "she
//!    told") or are the subject that opens a sentence ("He painted …"): he/she go to the
//!    first person (of a compatible gender, outside quotations) of the current sentence
//!    before the pronoun, else of the nearest earlier sentence that names one — the
//!    person named right before its speech verb if any ("Speaking after talks attended
//!    by Zelensky, Macron said"), else its first, the subject as news writing puts it
//!    first; "they" only to an
//!    organisation that is the first actor of the previous sentence.
//!
//! Countries are never actors: a country named as a place ("troops in Ukraine") or as a
//! metonym ("Russia said") is not listed, as in the reference annotations; only bodies
//! are ("the Kremlin", "the Italian Government").
//!
//! Everything is linear in the article's length: one token vector and one folded-text
//! buffer per sentence, reused; no per-word allocation.

use crate::gazetteer::{Body, Country, Entry, Gazetteer, Gender, LEADER_TITLE};
use crate::lexicon::{self, FastHash};
use crate::model::{Actor, ActorId, ActorKind, BlockKind, Mention, MentionVia, Span};
use crate::order;
use crate::structure::Structure;
use crate::text;
use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

type Map<K, V> = HashMap<K, V, FastHash>;
type Set<K> = HashSet<K, FastHash>;

// ------------------------------------------------------------------------ word lists

/// Words of a long sentence: the room the scan's per-sentence buffers start with.
const SENTENCE_WORDS: usize = 64;

/// The longest outlet's name looked up by [`ActorIndex::is_media_name`].
const MAX_MEDIA_NAME_BYTES: usize = 60;

/// Ranks and titles that are also common surnames ("Claudia Major", "Stephen King").
/// Titles of peers, who are named by the title and one name ("Lord Dannatt").
const PEERAGE_TITLES: &[&str] = &["lord", "lady"];
const SURNAME_RANKS: &[&str] = &["major", "king", "bishop", "judge", "marshal"];

/// Capitalised words that never start or continue a person's name: function words that
/// open sentences, months, days, honorifics and generic words of institutions' names.
const NOT_NAME_WORDS: &[&str] = &[
    "a",
    "an",
    "the",
    "and",
    "or",
    "but",
    "nor",
    "so",
    "yet",
    "if",
    "as",
    "at",
    "by",
    "for",
    "from",
    "in",
    "into",
    "of",
    "on",
    "to",
    "with",
    "without",
    "after",
    "before",
    "while",
    "when",
    "where",
    "whether",
    "despite",
    "however",
    "meanwhile",
    "moreover",
    "although",
    "though",
    "because",
    "since",
    "until",
    "during",
    "under",
    "over",
    "about",
    "against",
    "this",
    "that",
    "these",
    "those",
    "it",
    "its",
    "he",
    "she",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "their",
    "our",
    "my",
    "your",
    "there",
    "here",
    "what",
    "who",
    "whom",
    "whose",
    "which",
    "why",
    "how",
    "according",
    "earlier",
    "later",
    "last",
    "next",
    "some",
    "many",
    "most",
    "all",
    "both",
    "other",
    "others",
    "such",
    "no",
    "not",
    "yes",
    "also",
    "then",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "still",
    "even",
    "only",
    "just",
    "one",
    "two",
    "three",
    "several",
    "each",
    "every",
    "any",
    "more",
    "less",
    "few",
    "new",
    "old",
    "former",
    "late",
    "acting",
    "deputy",
    "vice",
    "senior",
    "top",
    "chief",
    "head",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "lord",
    "lady",
    "dame",
    "madame",
    "monsieur",
    "gen",
    "col",
    "lt",
    "maj",
    "capt",
    "adm",
    "sgt",
    "sen",
    "rep",
    "gov",
    "st",
    "western",
    "eastern",
    "northern",
    "southern",
    "central",
    "west",
    "east",
    "north",
    "south",
    "european",
    "atlantic",
    "transatlantic",
    "allied",
    "allies",
    "alliance",
    "treaty",
    "article",
    "strip",
    "forces",
    "armed",
    "army",
    "navy",
    "party",
    "ministry",
    "government",
    "parliament",
    "council",
    "commission",
    "union",
    "institute",
    "institution",
    "university",
    "agency",
    "department",
    "office",
    "group",
    "summit",
    "conference",
    "war",
    "day",
    "house",
    "street",
    "news",
    "times",
    "post",
    "journal",
    "center",
    "centre",
    "foundation",
    "fund",
    "bank",
    "court",
    "assembly",
    "committee",
    "organization",
    "organisation",
    "association",
    "federation",
    "republic",
    "kingdom",
    "states",
    "united",
    "national",
    "international",
    "federal",
    "state",
    "world",
    "global",
    "keep",
    "read",
    "watch",
    "see",
    "follow",
    "subscribe",
    "says",
    "said",
    "says",
    "reports",
    "report",
    "live",
    "breaking",
    "update",
    "analysis",
    "opinion",
    "exclusive",
    "video",
    "photo",
    "why",
    "god",
    "ukrainians",
    "russians",
    "americans",
    "europeans",
];

/// Nouns of roles and occupations that may stand right before a person's name
/// ("figurehead Marine Le Pen", "analyst Jane Doe") or head an apposition after it.
const ROLE_NOUNS: &[&str] = &[
    "scientist",
    "presenter",
    "anchor",
    "president",
    "minister",
    "chancellor",
    "premier",
    "secretary",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "leader",
    "figurehead",
    "chief",
    "head",
    "director",
    "chairman",
    "chairwoman",
    "chair",
    "founder",
    "ceo",
    "official",
    "officer",
    "diplomat",
    "ambassador",
    "envoy",
    "adviser",
    "advisor",
    "aide",
    "analyst",
    "expert",
    "researcher",
    "fellow",
    "scholar",
    "professor",
    "economist",
    "historian",
    "journalist",
    "correspondent",
    "reporter",
    "editor",
    "columnist",
    "commentator",
    "author",
    "writer",
    "lawmaker",
    "legislator",
    "senator",
    "congressman",
    "congresswoman",
    "deputy",
    "mp",
    "mep",
    "politician",
    "candidate",
    "nominee",
    "mayor",
    "governor",
    "commander",
    "general",
    "admiral",
    "colonel",
    "lieutenant",
    "major",
    "captain",
    "sergeant",
    "soldier",
    "veteran",
    "activist",
    "campaigner",
    "lawyer",
    "attorney",
    "judge",
    "prosecutor",
    "king",
    "queen",
    "prince",
    "princess",
    "pope",
    "cardinal",
    "bishop",
    "commissioner",
    "representative",
    "negotiator",
    "strategist",
    "coordinator",
    "consultant",
    "member",
    "speaker",
    "mr",
    "mrs",
    "ms",
    "dr",
    "prof",
    "sir",
    "lord",
    "lady",
    "dame",
    "gen",
    "col",
    "adm",
    "sen",
    "rep",
    "gov",
    "lt",
    "maj",
    "capt",
    "sgt",
    "madame",
    "monsieur",
    "pm",
];

/// Words that join the capitalised words of an organisation's name.
const NAME_CONNECTORS: &[&str] = &[
    "of", "for", "the", "and", "on", "in", "de", "du", "des", "la", "le", "&",
];

/// Verbs that attribute speech, for "said X", "X said" and "he added".
const SPEECH_VERBS: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "explained",
    "explains",
    "warned",
    "warns",
    "insisted",
    "insists",
    "stressed",
    "stresses",
    "argued",
    "argues",
    "claimed",
    "claims",
    "emphasized",
    "emphasised",
    "emphasizes",
    "emphasises",
    "wrote",
    "writes",
    "declared",
    "declares",
    "announced",
    "announces",
    "replied",
    "replies",
    "responded",
    "responds",
    "asked",
    "asks",
    "urged",
    "urges",
    "cautioned",
    "cautions",
    "continued",
    "recalled",
    "recalls",
    "acknowledged",
    "admitted",
    "admits",
    "suggested",
    "suggests",
    "remarked",
    "commented",
    "observed",
    "underlined",
    "assured",
    "assures",
    "tweeted",
    "posted",
    "concluded",
    "pointed",
    "believes",
    "believed",
    "thinks",
    "thought",
    "predicted",
    "conceded",
    "confirmed",
    "denied",
    "accused",
    "criticized",
    "criticised",
    "called",
    "dismissed",
    "rejected",
    "lamented",
    "stated",
    "reiterated",
    "hinted",
    "threatened",
    "vowed",
    "promised",
];

/// The longest relative clause between a discovered name and its speech verb.
const MAX_WHO_CLAUSE_WORDS: usize = 24;

/// Prepositions that open an introductory phrase before a sentence's subject ("after
/// talks with …, he said").
const INTRO_PREPOSITIONS: &[&str] = &[
    "after",
    "before",
    "alongside",
    "with",
    "during",
    "following",
    "despite",
    "at",
    "in",
    "on",
];

/// Words that may stand between a pronoun and its speech verb ("he also said").
const PRONOUN_FILLERS: &[&str] = &[
    "also",
    "later",
    "then",
    "has",
    "had",
    "have",
    "was",
    "is",
    "further",
    "once",
    "again",
    "previously",
    "earlier",
    "reportedly",
    "would",
    "will",
    "had",
    "subsequently",
    "even",
    "repeatedly",
    "quickly",
    "firmly",
    "recently",
];

/// Words before a title that make it someone else than the current holder.
const NOT_CURRENT: &[&str] = &[
    "former", "ex", "late", "then", "future", "next", "incoming", "outgoing", "new", "acting",
    "deputy", "vice", "first", "previous", "past", "would-be", "a", "an", "another", "every",
    "each", "any", "no",
];

fn contains(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

// ----------------------------------------------------------------------------- tokens

/// One word of a sentence: its place in the text and its folded forms in [`Tokens::buf`].
#[derive(Clone, Copy, Debug, Default)]
struct Token {
    /// The word without a possessive `'s`.
    span: Span,
    /// Folded word without the possessive, as a range of the buffer.
    key: (usize, usize),
    /// Folded word with the possessive, if any.
    full: (usize, usize),
    possessive: bool,
    /// First letter upper case.
    capital: bool,
    /// Upper-case letters and no lower-case one ("NATO", "US").
    all_caps: bool,
    /// Only spaces and dots since the previous word, which is not possessive.
    joined: bool,
    /// Only spaces since the previous word, which is not possessive.
    spaced: bool,
    /// Only spaces since the previous word (which may be possessive: "Russia's foreign").
    space_before: bool,
    /// The gap before the word ends with `(` and the text after it starts with `)`.
    in_parens: bool,
    /// The gap before the word holds a comma.
    after_comma: bool,
}

/// What [`Tokens::fill`] needs to know of the text between two words, read in one pass.
struct Gap {
    empty: bool,
    /// Only white space (or nothing).
    spaces: bool,
    /// Only white space and dots (or nothing).
    spaces_and_dots: bool,
    /// The last character that is not white space is `(`.
    opens_paren: bool,
    comma: bool,
}

impl Gap {
    fn of(gap: &str) -> Gap {
        // The gap between most words: one space.
        if gap == " " {
            return Gap {
                empty: false,
                spaces: true,
                spaces_and_dots: true,
                opens_paren: false,
                comma: false,
            };
        }
        let mut facts = Gap {
            empty: gap.is_empty(),
            spaces: true,
            spaces_and_dots: true,
            opens_paren: false,
            comma: false,
        };
        for c in gap.chars() {
            if c.is_whitespace() {
                continue;
            }
            facts.spaces = false;
            facts.spaces_and_dots &= c == '.';
            facts.opens_paren = c == '(';
            facts.comma |= c == ',';
        }
        facts
    }
}

/// Whether `word` has a lower-case and an upper-case letter, in one pass (for words that
/// are not ASCII: [`Tokens::fill`] reads the others by bytes).
fn letter_cases(word: &str) -> (bool, bool) {
    let (mut lower, mut upper) = (false, false);
    for c in word.chars() {
        lower |= c.is_lowercase();
        upper |= c.is_uppercase();
    }
    (lower, upper)
}

/// What a byte of a word is, for [`Tokens::fill`]: an ASCII letter in lower or upper case,
/// or a byte that lower-casing alone does not fold ([`text::is_plain_ascii_byte`]); a
/// word's bytes' classes are or-ed together.
const LOWER: u8 = 1;
const UPPER: u8 = 2;
const NOT_PLAIN: u8 = 4;
const BYTE_CLASS: [u8; 256] = {
    let mut classes = [0; 256];
    let mut b = 0;
    while b < 256 {
        let byte = b as u8;
        classes[b] = if !text::is_plain_ascii_byte(byte) {
            NOT_PLAIN
        } else if byte.is_ascii_lowercase() {
            LOWER
        } else if byte.is_ascii_uppercase() {
            UPPER
        } else {
            0
        };
        b += 1;
    }
    classes
};

/// The words of one text (a sentence, or an alias), folded once into one buffer.
#[derive(Default)]
struct Tokens {
    buf: String,
    toks: Vec<Token>,
}

impl Tokens {
    /// Tokenises `span` of `text`, whose words are `words`, reusing the buffers.
    fn fill(&mut self, text: &str, span: Span, words: &[Span]) {
        self.buf.clear();
        self.toks.clear();
        self.toks.reserve(words.len());
        // The span's text is copied once, and a word that lower-casing alone folds (most
        // words) is folded in place there, if it has capitals at all; other words are
        // folded after it.
        let copied = text.get(span.start..span.end).unwrap_or("");
        self.buf.push_str(copied);
        let mut prev_end = span.start;
        let mut prev_possessive = false;
        for &word in words {
            let original = word.text(text);
            // One pass over the bytes of an ASCII word tells its letter cases and whether
            // lower-casing alone folds it; other words are folded and read by characters.
            let class = original
                .bytes()
                .fold(0, |class, b| class | BYTE_CLASS[usize::from(b)]);
            let (mut has_lower, mut has_upper) = (class & LOWER != 0, class & UPPER != 0);
            let plain = class & NOT_PLAIN == 0;
            let in_copy = word.start >= span.start && word.end <= span.start + copied.len();
            let (full, capital) = if plain && in_copy {
                let full = (word.start - span.start, word.end - span.start);
                if has_upper && let Some(folded) = self.buf.get_mut(full.0..full.1) {
                    folded.make_ascii_lowercase();
                }
                let first = original.as_bytes().first();
                (full, first.is_some_and(u8::is_ascii_uppercase))
            } else {
                let start = self.buf.len();
                text::fold_into(&mut self.buf, original);
                if !original.is_ascii() {
                    (has_lower, has_upper) = letter_cases(original);
                }
                let first = original.chars().next();
                (
                    (start, self.buf.len()),
                    first.is_some_and(char::is_uppercase),
                )
            };
            let folded = self.buf.get(full.0..full.1).unwrap_or("");
            let possessive = folded.ends_with("'s") && folded.len() > 2;
            let (key, span) = if possessive {
                // The original apostrophe may be several bytes (’, ʼ); the `s` is one.
                let before_s = &original[..original.len() - 1];
                let apostrophe = before_s.chars().next_back().map_or(1, char::len_utf8);
                (
                    (full.0, full.1 - 2),
                    Span::new(word.start, word.end - 1 - apostrophe),
                )
            } else {
                (full, word)
            };
            let gap = Gap::of(text.get(prev_end..word.start).unwrap_or(" "));
            let first_tok = self.toks.is_empty();
            self.toks.push(Token {
                span,
                key,
                full,
                possessive,
                capital,
                all_caps: !has_lower && has_upper,
                joined: !first_tok && !prev_possessive && gap.spaces_and_dots,
                spaced: !first_tok && !prev_possessive && !gap.empty && gap.spaces,
                space_before: !first_tok && !gap.empty && gap.spaces,
                in_parens: gap.opens_paren
                    && text
                        .get(word.end..)
                        .is_some_and(|rest| rest.starts_with(')')),
                after_comma: gap.comma,
            });
            prev_end = word.end;
            prev_possessive = possessive;
        }
    }

    fn len(&self) -> usize {
        self.toks.len()
    }
    fn key(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| self.buf.get(t.key.0..t.key.1).unwrap_or(""))
    }
    fn full(&self, i: usize) -> &str {
        self.toks
            .get(i)
            .map_or("", |t| self.buf.get(t.full.0..t.full.1).unwrap_or(""))
    }
    fn tok(&self, i: usize) -> Token {
        self.toks.get(i).copied().unwrap_or_default()
    }
}

// ---------------------------------------------------------------------- phrase tables

/// How a phrase's word must be written in the text to match.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Any,
    /// The alias word is capitalised: so must the text's word be.
    Capital,
    /// The alias word is an acronym in capitals: so must the text's word be.
    AllCaps,
}

#[derive(Clone, Debug)]
struct PhraseWord {
    folded: String,
    case: Case,
}

#[derive(Clone, Debug)]
struct Phrase<T> {
    words: Vec<PhraseWord>,
    targets: Vec<T>,
}

/// Runs of folded words with their targets, looked up by first word, longest first.
#[derive(Clone, Debug)]
struct PhraseTable<T> {
    by_first: Map<String, Vec<Phrase<T>>>,
    /// Whether the first word of some phrase may be written in any case: when none may, a
    /// word with neither a capital nor all capitals is turned away without a lookup
    /// (most words, against a table of names).
    uncased_first: bool,
}

impl<T> Default for PhraseTable<T> {
    fn default() -> Self {
        PhraseTable {
            by_first: Map::default(),
            uncased_first: false,
        }
    }
}

impl<T: Copy + PartialEq> PhraseTable<T> {
    /// Adds `phrase` (tokenised like article text) for `target`; `cased` keeps the case
    /// of its words as a requirement.
    fn insert(&mut self, phrase: &str, cased: bool, target: T) {
        self.insert_with(&mut Scratch::default(), phrase, cased, target);
    }

    /// [`PhraseTable::insert`] with buffers kept from one phrase to the next, for
    /// compiling a whole gazetteer.
    fn insert_with(&mut self, scratch: &mut Scratch, phrase: &str, cased: bool, target: T) {
        let span = Span::new(0, phrase.len());
        scratch.words.clear();
        scratch.words.extend(text::word_spans(phrase, span));
        let tokens = &mut scratch.tokens;
        tokens.fill(phrase, span, &scratch.words);
        let words: Vec<PhraseWord> = (0..tokens.len())
            .map(|i| {
                let t = tokens.tok(i);
                let original = t.span.text(phrase);
                let case = if !cased {
                    Case::Any
                } else if t.all_caps && original.chars().count() >= 2 {
                    Case::AllCaps
                } else if t.capital {
                    Case::Capital
                } else {
                    Case::Any
                };
                PhraseWord {
                    folded: tokens.full(i).to_owned(),
                    case,
                }
            })
            .collect();
        let Some(first) = words.first() else {
            return;
        };
        self.uncased_first |= first.case == Case::Any;
        let list = match self.by_first.get_mut(first.folded.as_str()) {
            Some(list) => list,
            None => self.by_first.entry(first.folded.clone()).or_default(),
        };
        let same = |p: &Phrase<T>| {
            p.words.len() == words.len()
                && p.words
                    .iter()
                    .zip(&words)
                    .all(|(a, b)| a.folded == b.folded && a.case == b.case)
        };
        match list.iter_mut().find(|p| same(p)) {
            Some(p) => {
                if !p.targets.contains(&target) {
                    p.targets.push(target);
                }
            }
            None => {
                // Longest first, and among phrases of one length the earliest added first:
                // after every longer or equally long phrase.
                let n = words.len();
                let at = list.partition_point(|p| p.words.len() >= n);
                list.insert(
                    at,
                    Phrase {
                        words,
                        targets: vec![target],
                    },
                );
            }
        }
    }

    /// Phrases that match at word `i`, longest first, as (number of words, targets).
    fn matches_at<'a>(
        &'a self,
        toks: &'a Tokens,
        i: usize,
    ) -> impl Iterator<Item = (usize, &'a [T])> + 'a {
        let t = toks.tok(i);
        let cased = t.capital || t.all_caps;
        // The word with its possessive is only another key when it has one.
        let candidates = (cased || self.uncased_first)
            .then(|| {
                self.by_first.get(toks.key(i)).or_else(|| {
                    t.possessive
                        .then(|| self.by_first.get(toks.full(i)))
                        .flatten()
                })
            })
            .flatten()
            .map_or(&[][..], Vec::as_slice);
        matching(candidates, toks, i)
    }

    /// The longest match at `i`, if any.
    fn longest_at<'a>(&'a self, toks: &'a Tokens, i: usize) -> Option<(usize, &'a [T])> {
        self.matches_at(toks, i).next()
    }
}

/// The phrases of `candidates` (those of one first word, longest first) that match at
/// word `i`, as (number of words, targets).
fn matching<'a, T>(
    candidates: &'a [Phrase<T>],
    toks: &'a Tokens,
    i: usize,
) -> impl Iterator<Item = (usize, &'a [T])> + 'a {
    candidates.iter().filter_map(move |phrase| {
        let n = phrase.words.len();
        if i + n > toks.len() {
            return None;
        }
        for (k, word) in phrase.words.iter().enumerate() {
            let t = toks.tok(i + k);
            let last = k + 1 == n;
            let text_word = if last {
                toks.key(i + k)
            } else {
                toks.full(i + k)
            };
            let equal = text_word == word.folded || (last && toks.full(i + k) == word.folded);
            let case_ok = match word.case {
                Case::Any => true,
                Case::Capital => t.capital,
                Case::AllCaps => t.all_caps,
            };
            if !equal || !case_ok || (k > 0 && !t.joined) || (!last && t.possessive) {
                return None;
            }
        }
        Some((n, phrase.targets.as_slice()))
    })
}

/// Where a phrase of the index's tables may start: the numbers in
/// [`ActorIndex::first_words`] of a word's key and, when it is possessive, of the whole
/// word.
#[derive(Clone, Copy, Debug, Default)]
struct Start {
    key: Option<usize>,
    full: Option<usize>,
}

/// One of the index's phrase tables with its phrases listed by the number of their first
/// word in [`ActorIndex::first_words`]: the one lookup of a word there serves every table.
#[derive(Clone, Debug)]
struct WordTable<T> {
    by_word: Vec<Vec<Phrase<T>>>,
}

impl<T> WordTable<T> {
    fn of(table: PhraseTable<T>, first_words: &Map<String, usize>) -> WordTable<T> {
        let mut by_word: Vec<Vec<Phrase<T>>> = Vec::new();
        by_word.resize_with(first_words.len(), Vec::new);
        for (word, list) in table.by_first {
            if let Some(slot) = first_words.get(&word).and_then(|&n| by_word.get_mut(n)) {
                *slot = list;
            }
        }
        WordTable { by_word }
    }

    /// [`PhraseTable::matches_at`], with the word's numbers in `starts`.
    fn matches_at<'a>(
        &'a self,
        toks: &'a Tokens,
        starts: &'a [Start],
        i: usize,
    ) -> impl Iterator<Item = (usize, &'a [T])> + 'a {
        let start = starts.get(i).copied().unwrap_or_default();
        // (A table lists no phrase under a first word only some other table has.)
        let list = |n: Option<usize>| {
            n.and_then(|n| self.by_word.get(n))
                .filter(|l| !l.is_empty())
        };
        let candidates = list(start.key)
            .or_else(|| list(start.full))
            .map_or(&[][..], Vec::as_slice);
        matching(candidates, toks, i)
    }
}

/// Buffers reused from one phrase to the next while a table is filled.
#[derive(Default)]
struct Scratch {
    tokens: Tokens,
    words: Vec<Span>,
}

// ------------------------------------------------------------------------------ index

/// What a role or a body is "of": a country or a gazetteer actor (by index).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
enum Scope {
    Country(usize),
    Actor(usize),
}

/// A gazetteer alias: the entry it names, and whether it counts only once named.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct NameTarget {
    entry_idx: usize,
    once_named: bool,
}

/// The gazetteer compiled for matching, built once per analysis.
pub struct ActorIndex<'g> {
    gazetteer: &'g Gazetteer,
    names: WordTable<NameTarget>,
    scopes: WordTable<Scope>,
    titles: WordTable<usize>,
    bodies: WordTable<usize>,
    /// The first words of every phrase of the four tables above, numbered: a word of the
    /// text that is none of them starts no name, scope, title or body, and the others
    /// find their phrases in every table by their number, with this one lookup instead
    /// of one per table.
    first_words: Map<String, usize>,
    /// (title, scope) → holders as (entry, role) indices; titles include what they count as.
    holders: Map<(usize, Scope), Vec<(usize, usize)>>,
    /// Title index → the title indices it answers to (itself and its `counts_as`).
    answers_to: Vec<Vec<usize>>,
    leader_title: Option<usize>,
    /// Folded words that never form part of a person's name.
    not_name: Set<String>,
    role_nouns: Set<&'static str>,
    /// The folded names and aliases of the media (outlets, agencies), each with the first
    /// media entry that has it: looked up without folding the gazetteer again.
    media_names: Map<String, usize>,
    /// Entry index by the key the registry tells actors apart by (see [`entry_key`]).
    entry_by_key: Map<String, usize>,
}

impl<'g> ActorIndex<'g> {
    /// The gazetteer this index was compiled from.
    pub fn gazetteer(&self) -> &'g Gazetteer {
        self.gazetteer
    }

    /// Compiles `gazetteer`: linear in its size.
    pub fn new(gazetteer: &'g Gazetteer) -> ActorIndex<'g> {
        let mut names = PhraseTable::default();
        let mut scopes = PhraseTable::default();
        let mut titles = PhraseTable::default();
        let mut bodies = PhraseTable::default();
        let scratch = &mut Scratch::default();
        let mut not_name: Set<String> = NOT_NAME_WORDS
            .iter()
            .chain(lexicon::MONTH_NAMES)
            .chain(lexicon::WEEKDAY_NAMES)
            .map(|w| w.to_string())
            .collect();
        let mut media_names: Map<String, usize> = Map::default();
        let add_not_name = |phrase: &str, not_name: &mut Set<String>| {
            for word in text::words(phrase, Span::new(0, phrase.len())) {
                not_name.insert(text::fold(word.text(phrase)));
            }
        };

        for (entry_idx, entry) in gazetteer.actors.iter().enumerate() {
            let target = NameTarget {
                entry_idx,
                once_named: false,
            };
            names.insert_with(scratch, &entry.name, true, target);
            for alias in &entry.aliases {
                names.insert_with(scratch, alias, true, target);
            }
            for alias in &entry.once_named {
                names.insert_with(
                    scratch,
                    alias,
                    true,
                    NameTarget {
                        entry_idx,
                        once_named: true,
                    },
                );
            }
            if entry.kind == ActorKind::Media {
                for name in std::iter::once(&entry.name).chain(&entry.aliases) {
                    media_names.entry(text::fold(name)).or_insert(entry_idx);
                }
            }
            if entry.kind != ActorKind::Person {
                scopes.insert_with(scratch, &entry.name, true, Scope::Actor(entry_idx));
                for alias in &entry.aliases {
                    scopes.insert_with(scratch, alias, true, Scope::Actor(entry_idx));
                }
            }
        }
        for (country_idx, country) in gazetteer.countries.iter().enumerate() {
            let scope = Scope::Country(country_idx);
            for phrase in std::iter::once(&country.name)
                .chain(&country.adjectives)
                .chain(&country.aliases)
            {
                scopes.insert_with(scratch, phrase, true, scope);
                add_not_name(phrase, &mut not_name);
            }
        }
        for (title_idx, title) in gazetteer.titles.iter().enumerate() {
            titles.insert_with(scratch, &title.name, false, title_idx);
            add_not_name(&title.name, &mut not_name);
            for phrase in &title.phrases {
                titles.insert_with(scratch, phrase, false, title_idx);
                add_not_name(phrase, &mut not_name);
            }
        }
        for (body_idx, body) in gazetteer.bodies.iter().enumerate() {
            bodies.insert_with(scratch, &body.name, false, body_idx);
            for phrase in &body.phrases {
                bodies.insert_with(scratch, phrase, false, body_idx);
            }
        }
        for noun in ROLE_NOUNS {
            not_name.insert((*noun).to_owned());
        }

        let title_idx = |name: &str| gazetteer.titles.iter().position(|t| t.name == name);
        let answers_to: Vec<Vec<usize>> = gazetteer
            .titles
            .iter()
            .enumerate()
            .map(|(idx, t)| {
                std::iter::once(idx)
                    .chain(t.counts_as.iter().filter_map(|n| title_idx(n)))
                    .collect()
            })
            .collect();
        let mut holders: Map<(usize, Scope), Vec<(usize, usize)>> = Map::default();
        for (entry_idx, entry) in gazetteer.actors.iter().enumerate() {
            for (role_idx, role) in entry.roles.iter().enumerate() {
                let Some(t) = title_idx(&role.title) else {
                    continue;
                };
                let scope = gazetteer
                    .countries
                    .iter()
                    .position(|c| c.name == role.of)
                    .map(Scope::Country)
                    .or_else(|| {
                        gazetteer
                            .actors
                            .iter()
                            .position(|a| a.name == role.of)
                            .map(Scope::Actor)
                    });
                let Some(scope) = scope else {
                    continue;
                };
                for &answer in &answers_to[t] {
                    holders
                        .entry((answer, scope))
                        .or_default()
                        .push((entry_idx, role_idx));
                }
            }
        }
        let mut first_words: Map<String, usize> = Map::default();
        for word in names
            .by_first
            .keys()
            .chain(scopes.by_first.keys())
            .chain(titles.by_first.keys())
            .chain(bodies.by_first.keys())
        {
            let n = first_words.len();
            first_words.entry(word.clone()).or_insert(n);
        }
        ActorIndex {
            gazetteer,
            names: WordTable::of(names, &first_words),
            scopes: WordTable::of(scopes, &first_words),
            titles: WordTable::of(titles, &first_words),
            bodies: WordTable::of(bodies, &first_words),
            first_words,
            holders,
            answers_to,
            leader_title: title_idx(LEADER_TITLE),
            not_name,
            role_nouns: ROLE_NOUNS.iter().copied().collect(),
            media_names,
            entry_by_key: gazetteer
                .actors
                .iter()
                .enumerate()
                .map(|(entry_idx, entry)| (entry_key(&entry.name), entry_idx))
                .collect(),
        }
    }

    /// Whether `line` is only the name of a news outlet or agency of the gazetteer
    /// ("Sputnik", "Ukrinform", "BBC News"): the page's masthead, when alone on its line.
    pub fn is_media_name(&self, line: &str) -> bool {
        line.len() <= MAX_MEDIA_NAME_BYTES
            && self.media_names.contains_key(&text::fold(line.trim()))
    }

    /// Every name (canonical and aliases) of the medium `name` names, as written in the
    /// gazetteer; `name` alone when it names none.
    pub fn media_names_of(&self, name: &str) -> Vec<String> {
        self.media_names
            .get(&text::fold(name.trim()))
            .and_then(|&entry_idx| self.gazetteer.actors.get(entry_idx))
            .map(|e| {
                std::iter::once(&e.name)
                    .chain(&e.aliases)
                    .cloned()
                    .collect()
            })
            .unwrap_or_else(|| vec![name.trim().to_owned()])
    }

    /// Every mention of an actor in the article's own sentences (headline and body), in
    /// text order, interning the actors in `registry`. `date` (`YYYY-MM-DD`) is the
    /// article's; roles are resolved at it, or at the gazetteer's default date.
    pub fn find_mentions(
        &self,
        text: &str,
        structure: &Structure,
        date: Option<&str>,
        registry: &mut Registry,
    ) -> Vec<Mention> {
        let date = date
            .filter(|d| crate::corpus::is_valid_date(d))
            .or(self.gazetteer.default_date.as_deref());
        // Room from the start for most sentences' words and most articles' mentions (about
        // one a sentence), instead of growing each vector a few times per article.
        let words = SENTENCE_WORDS;
        let mentions = 2 * structure.sentences.len();
        let mut scan = Scan {
            index: self,
            text,
            date,
            registry,
            structure,
            toks: Tokens {
                buf: String::with_capacity(8 * words),
                toks: Vec::with_capacity(words),
            },
            starts: Vec::with_capacity(words),
            covered: Vec::with_capacity(words),
            named_entries: Set::default(),
            local: PhraseTable::default(),
            actor_titles: Map::default(),
            history: Vec::with_capacity(mentions),
            out: Vec::with_capacity(mentions),
            antecedents: Antecedents::default(),
            earlier: Earlier::default(),
        };
        for (sentence_idx, sentence) in structure.sentences.iter().enumerate() {
            let title_case = structure
                .blocks
                .get(sentence.block_idx)
                .is_some_and(|b| matches!(b.kind, BlockKind::Headline | BlockKind::Subheading));
            let words = structure.sentence_words(text, sentence_idx);
            scan.sentence(sentence_idx, sentence.span, &words, title_case);
        }
        scan.out
    }

    /// The holders of title `title_idx` of `scope` on `date`.
    fn holders_on(
        &self,
        title_idx: usize,
        scope: Scope,
        date: Option<&str>,
    ) -> impl Iterator<Item = usize> + '_ {
        let date = date.map(str::to_owned);
        self.holders
            .get(&(title_idx, scope))
            .into_iter()
            .flatten()
            .filter_map(move |&(entry_idx, role_idx)| {
                let role = self.gazetteer.actors.get(entry_idx)?.roles.get(role_idx)?;
                role.held_on(date.as_deref()).then_some(entry_idx)
            })
    }

    /// The title a country's or body's "leader" or "chief" means.
    fn leader_of(&self, scope: Scope) -> Option<usize> {
        let name = match scope {
            Scope::Country(i) => self.gazetteer.countries.get(i)?.leader.as_deref()?,
            Scope::Actor(i) => self.gazetteer.actors.get(i)?.leader.as_deref()?,
        };
        self.gazetteer.titles.iter().position(|t| t.name == name)
    }

    fn scope_name(&self, scope: Scope) -> &str {
        match scope {
            Scope::Country(i) => self
                .gazetteer
                .countries
                .get(i)
                .map_or("", |c| c.name.as_str()),
            Scope::Actor(i) => self.gazetteer.actors.get(i).map_or("", |a| a.name.as_str()),
        }
    }
}

// ------------------------------------------------------------------------ per article

/// An earlier mention, as the resolution of roles and pronouns needs it.
#[derive(Clone, Copy, Debug)]
struct Recent {
    actor: ActorId,
    sentence_idx: usize,
    start: usize,
    person: bool,
    gender: Option<Gender>,
    organisation: bool,
    in_quote: bool,
}

/// The state of one article's scan.
struct Scan<'a, 'g> {
    index: &'a ActorIndex<'g>,
    text: &'a str,
    date: Option<&'a str>,
    registry: &'a mut Registry,
    structure: &'a Structure,
    toks: Tokens,
    /// Per word of the current sentence: where a phrase of the index's tables may start
    /// (see [`ActorIndex::first_words`]).
    starts: Vec<Start>,
    /// Words of the current sentence already part of a mention.
    covered: Vec<bool>,
    /// Gazetteer entries named in the article so far (by a full alias or a role).
    named_entries: Set<usize>,
    /// Names and acronyms discovered in this article.
    local: PhraseTable<ActorId>,
    /// Titles each actor holds at the article's date (for "the chancellor").
    actor_titles: Map<ActorId, Vec<usize>>,
    history: Vec<Recent>,
    out: Vec<Mention>,
    /// Where the current sentence's "he"/"she" antecedents are, found once per sentence.
    antecedents: Antecedents,
    /// What pronouns take from earlier sentences, updated as each sentence is done.
    earlier: Earlier,
}

/// The antecedents earlier sentences offer, kept up to date sentence by sentence so that
/// a pronoun does not walk back through the article's history.
#[derive(Default)]
struct Earlier {
    /// Per gender (female, male): the person of the latest sentence that names one of
    /// that gender or of none known outside quotation marks (its speaker, else its
    /// first).
    person: [Option<ActorId>; 2],
    /// The first actor (by position) of the latest sentence with mentions.
    first_actor: Option<Recent>,
}

/// The first mention of the current sentence that can be the antecedent of "he" and of
/// "she" (a person of that gender or of none known, outside quotation marks), kept so
/// that each pronoun does not re-read every mention before it.
///
/// During the roles-and-pronouns pass, the sentence's mentions are the name, body and
/// discovery mentions sorted by position (`..sorted_end`), then the role and pronoun
/// mentions appended in text order, each before the word being read.
#[derive(Default)]
struct Antecedents {
    sorted_end: usize,
    /// Per gender: the first fitting mention of the sorted part, once looked for.
    in_sorted: [Option<Option<usize>>; 2],
    /// Per gender: the first fitting appended mention, and how far the appended ones
    /// have been read.
    in_appended: [Option<usize>; 2],
    appended_read: [usize; 2],
}

impl Scan<'_, '_> {
    fn sentence(&mut self, sentence_idx: usize, span: Span, words: &[Span], title_case: bool) {
        self.toks.fill(self.text, span, words);
        // The key a table is looked up by, or the whole word with its possessive (see
        // [`PhraseTable::matches_at`]).
        self.starts.clear();
        let (first, toks) = (&self.index.first_words, &self.toks);
        self.starts.extend((0..toks.len()).map(|i| {
            Start {
                key: first.get(toks.key(i)).copied(),
                full: toks
                    .tok(i)
                    .possessive
                    .then(|| first.get(toks.full(i)).copied())
                    .flatten(),
            }
        }));
        self.covered.clear();
        self.covered.resize(self.toks.len(), false);
        let first_new = self.out.len();
        self.names(sentence_idx, title_case);
        self.bodies(sentence_idx);
        if !title_case {
            self.discover(sentence_idx);
        }
        order::sort_by_key(&mut self.out[first_new..], |m| m.span.start);
        self.roles_and_pronouns(sentence_idx, first_new);
        order::sort_by_key(&mut self.out[first_new..], |m| m.span.start);
        let from = self.history.len();
        for m in first_new..self.out.len() {
            let mention = self.out[m];
            let recent = self.recent_of(mention);
            self.history.push(recent);
        }
        let group = &self.history[from..];
        if let Some(first) = group.iter().min_by_key(|r| r.start) {
            self.earlier.first_actor = Some(*first);
        }
        // The sentence's speaker, if a person named right before a speech verb ("Speaking
        // after talks attended by Zelensky, Macron said …"), is who a later "he" most
        // likely means; else its first person, as news writing puts the subject first.
        let speaker = (from..self.history.len())
            .filter(|&h| self.history[h].person && !self.history[h].in_quote)
            .find(|&h| self.speaks_after(self.out[first_new + h - from].span.end))
            .map(|h| self.history[h]);
        for gender in [Gender::Female, Gender::Male] {
            let fits = |r: &&Recent| r.person && r.gender.is_none_or(|g| g == gender);
            // (People named only inside a quotation are the speaker's subject, not whom a
            // later "he" means: the sentence before them still holds.)
            let pick = speaker
                .as_ref()
                .filter(fits)
                .or_else(|| group.iter().filter(|r| !r.in_quote).find(fits));
            if let Some(r) = pick {
                self.earlier.person[usize::from(gender == Gender::Male)] = Some(r.actor);
            }
        }
    }

    fn recent_of(&self, mention: Mention) -> Recent {
        let actor = self.registry.get(mention.actor);
        let kind = actor.map(|a| a.kind);
        Recent {
            actor: mention.actor,
            sentence_idx: mention.sentence_idx,
            start: mention.span.start,
            person: kind == Some(ActorKind::Person),
            gender: self.registry.gender(mention.actor),
            organisation: matches!(kind, Some(ActorKind::Organization | ActorKind::Government)),
            in_quote: self.in_quote(mention.span.start),
        }
    }

    /// Whether a speech verb follows byte `end` of the current sentence, a few filler
    /// words at most between ("Macron said", "Macron also told").
    fn speaks_after(&self, end: usize) -> bool {
        let j = self.toks.toks.partition_point(|t| t.span.start < end);
        // ("Donald Tusk, speaking alongside Petr Fiala, said": a comma before the verb
        // closes a description, and the one it describes speaks.)
        if self.toks.tok(j).after_comma {
            return false;
        }
        self.is_speech_verb(self.past_fillers(j))
    }

    /// The word at or after `j` once two filler words at most are skipped ("also",
    /// "later": "he also said").
    fn past_fillers(&self, mut j: usize) -> usize {
        let limit = j + 2;
        while j < self.toks.len() && j < limit && contains(PRONOUN_FILLERS, self.toks.key(j)) {
            j += 1;
        }
        j
    }

    fn is_speech_verb(&self, j: usize) -> bool {
        j < self.toks.len() && contains(SPEECH_VERBS, self.toks.key(j))
    }

    fn in_quote(&self, at: usize) -> bool {
        let quotations = &self.structure.quotations;
        let k = quotations.partition_point(|q| q.inner.end <= at);
        quotations
            .get(k)
            .is_some_and(|q| q.inner.start <= at && at < q.inner.end)
    }

    fn push(&mut self, actor: ActorId, span: Span, via: MentionVia, sentence_idx: usize) {
        self.out.push(Mention {
            actor,
            span,
            via,
            sentence_idx,
        });
    }

    fn cover(&mut self, from: usize, to: usize) {
        for c in self.covered.iter_mut().take(to).skip(from) {
            *c = true;
        }
    }

    fn words_span(&self, from: usize, to: usize) -> Span {
        let start = self.toks.tok(from).span.start;
        let end = self.toks.tok(to.saturating_sub(1).max(from)).span.end;
        Span::new(start, end.max(start))
    }

    fn intern_entry(&mut self, entry_idx: usize) -> ActorId {
        let id = self
            .registry
            .intern_gazetteer(self.index.gazetteer, entry_idx, self.date);
        if !self.actor_titles.contains_key(&id) {
            let titles = self.entry_titles(entry_idx);
            self.actor_titles.insert(id, titles);
        }
        id
    }

    /// Titles (and what they count as) the entry holds at the article's date.
    fn entry_titles(&self, entry_idx: usize) -> Vec<usize> {
        let gazetteer = self.index.gazetteer;
        let Some(entry) = gazetteer.actors.get(entry_idx) else {
            return Vec::new();
        };
        let mut out = Vec::new();
        for role in entry.roles.iter().filter(|r| r.held_on(self.date)) {
            if let Some(t) = gazetteer.titles.iter().position(|t| t.name == role.title) {
                out.extend(self.index.answers_to[t].iter().copied());
            }
        }
        out
    }

    // ------------------------------------------------------------------ pass 1: names

    fn names(&mut self, sentence_idx: usize, title_case: bool) {
        let mut i = 0;
        while i < self.toks.len() {
            if let Some((n, actor)) = self.local_name_at(i) {
                let span = self.words_span(i, i + n);
                self.push(actor, span, MentionVia::Discovered, sentence_idx);
                self.cover(i, i + n);
                i += n;
                continue;
            }
            let found = self
                .index
                .names
                .matches_at(&self.toks, &self.starts, i)
                .find_map(|(n, targets)| {
                    self.pick_target(targets, n, i, title_case)
                        .map(|entry_idx| (n, entry_idx))
                });
            match found {
                Some((n, entry_idx)) => {
                    let actor = self.intern_entry(entry_idx);
                    self.named_entries.insert(entry_idx);
                    let span = self.words_span(i, i + n);
                    self.push(actor, span, MentionVia::Name, sentence_idx);
                    self.cover(i, i + n);
                    i += n;
                }
                None => i += 1,
            }
        }
    }

    /// The phrases of `table`, one of the index's, at word `i` (see [`WordTable`]).
    fn indexed<'t, T>(
        &'t self,
        table: &'t WordTable<T>,
        i: usize,
    ) -> impl Iterator<Item = (usize, &'t [T])> + 't {
        table.matches_at(&self.toks, &self.starts, i)
    }

    /// The longest phrase of `table`, one of the index's, at word `i`.
    fn indexed_longest<'t, T>(
        &'t self,
        table: &'t WordTable<T>,
        i: usize,
    ) -> Option<(usize, &'t [T])> {
        self.indexed(table, i).next()
    }

    fn local_name_at(&self, i: usize) -> Option<(usize, ActorId)> {
        let (n, targets) = self.local.longest_at(&self.toks, i)?;
        let &actor = targets.first()?;
        // A discovered surname right after an unknown capitalised word is someone else.
        (n > 1 || !self.after_unknown_capital(i)).then_some((n, actor))
    }

    /// The entry a matched alias stands for: shared and `once_named` aliases only for an
    /// actor already named in the article; a one-word person alias right after an unknown
    /// capitalised word ("Hunter Biden") for nobody.
    fn pick_target(
        &self,
        targets: &[NameTarget],
        n_words: usize,
        i: usize,
        title_case: bool,
    ) -> Option<usize> {
        let named = |t: &&NameTarget| self.named_entries.contains(&t.entry_idx);
        let usable: Vec<&NameTarget> = targets
            .iter()
            .filter(|t| !t.once_named || named(t))
            .collect();
        let entry_idx = match usable.as_slice() {
            [] => return None,
            [one] => one.entry_idx,
            many => {
                let mut named_ones = many.iter().filter(|t| named(t));
                match (named_ones.next(), named_ones.next()) {
                    (Some(t), None) => t.entry_idx,
                    _ => return None,
                }
            }
        };
        let is_person = self
            .index
            .gazetteer
            .actors
            .get(entry_idx)
            .is_some_and(|e| e.kind == ActorKind::Person);
        if is_person && n_words == 1 && !title_case && self.after_unknown_capital(i) {
            return None;
        }
        Some(entry_idx)
    }

    /// Whether word `i` follows, with only a space between, a capitalised word that could
    /// be a first name (not a title, function word, country or already matched word).
    fn after_unknown_capital(&self, i: usize) -> bool {
        if i == 0 || !self.toks.tok(i).spaced {
            return false;
        }
        let prev = self.toks.tok(i - 1);
        prev.capital
            && !prev.all_caps
            && !prev.possessive
            && !self.covered.get(i - 1).copied().unwrap_or(true)
            && self.is_name_word(i - 1)
    }

    // ----------------------------------------------------------------- pass 2: bodies

    fn bodies(&mut self, sentence_idx: usize) {
        let mut i = 0;
        while i < self.toks.len() {
            if self.covered[i] {
                i += 1;
                continue;
            }
            let Some((n, &[body_idx, ..])) = self.indexed_longest(&self.index.bodies, i) else {
                i += 1;
                continue;
            };
            // "France's armed forces minister": the body's name is part of a title.
            if matches!(
                self.toks.key(i + n),
                "minister" | "secretary" | "chief" | "spokesman"
            ) {
                i += n;
                continue;
            }
            // "<Adjective> <body>", "<Country>'s <body>", or "<body> of <Country>".
            let before = self
                .scope_ending_at(i)
                .filter(|&(_, s)| matches!(s, Scope::Country(_)));
            let after = (self.toks.key(i + n) == "of")
                .then(|| self.indexed_longest(&self.index.scopes, i + n + 1))
                .flatten()
                .and_then(|(m, scopes)| {
                    let s = *scopes.first()?;
                    matches!(s, Scope::Country(_)).then_some((m, s))
                });
            let (from, to, scope) = match (before, after) {
                (Some((start, s)), _) => (start, i + n, s),
                (None, Some((m, s))) => (i, i + n + 1 + m, s),
                (None, None) => {
                    i += n;
                    continue;
                }
            };
            let Scope::Country(country_idx) = scope else {
                i += n;
                continue;
            };
            let gazetteer = self.index.gazetteer;
            let (Some(country), Some(body)) = (
                gazetteer.countries.get(country_idx),
                gazetteer.bodies.get(body_idx),
            ) else {
                i += n;
                continue;
            };
            let name = body_name(country, body);
            // A body the gazetteer has as an actor of its own ("French Foreign Ministry")
            // is that actor, with its entry's kind, affiliation and aliases.
            let id = match self.index.entry_by_key.get(&entry_key(&name)) {
                Some(&entry_idx) => self.intern_entry(entry_idx),
                None => {
                    let actor = Actor {
                        name,
                        kind: body.kind,
                        role: None,
                        affiliation: Some(country.name.clone()),
                        discovered: false,
                        native_name: None,
                    };
                    self.registry.intern(actor, None)
                }
            };
            let span = self.words_span(from, to);
            self.push(id, span, MentionVia::Name, sentence_idx);
            self.cover(from, to);
            i = to;
        }
    }

    /// A scope (country or body) whose words end right before word `end`: (start, scope).
    fn scope_ending_at(&self, end: usize) -> Option<(usize, Scope)> {
        (end.saturating_sub(4)..end).find_map(|start| {
            self.indexed(&self.index.scopes, start)
                .find(|(n, _)| start + n == end)
                .and_then(|(_, scopes)| scopes.first().map(|&s| (start, s)))
        })
    }

    // -------------------------------------------------------------- pass 3: discovery

    /// Whether word `i` may be part of a person's name: capitalised (each part of a
    /// hyphenated word too), with lower-case letters, and not a known non-name word.
    fn is_name_word(&self, i: usize) -> bool {
        let t = self.toks.tok(i);
        if !t.capital || t.all_caps || self.index.not_name.contains(self.toks.key(i)) {
            return false;
        }
        let word = t.span.text(self.text);
        word.split('-').all(|part| {
            part.chars().next().is_some_and(char::is_uppercase)
                || contains(lexicon::NAME_PARTICLES, &text::fold(part))
        }) && word.chars().any(char::is_alphabetic)
    }

    /// Whether word `i` is a rank that is also a surname ("Major", "King", "Bishop"),
    /// capitalised, with no capitalised word after it: after a first name, it ends the
    /// name ("Claudia Major said"), where a rank would open one ("Major Tom Roe").
    fn is_surname_rank(&self, i: usize) -> bool {
        let t = self.toks.tok(i);
        let next_capital =
            i + 1 < self.toks.len() && self.toks.tok(i + 1).spaced && self.toks.tok(i + 1).capital;
        t.capital && !t.all_caps && !next_capital && contains(SURNAME_RANKS, self.toks.key(i))
    }

    /// Whether word `i` is a middle initial: one capital letter and a dot, then the name
    /// after a space ("A." in "Mark A. Milley").
    fn is_initial(&self, i: usize) -> bool {
        let tok = self.toks.tok(i);
        let word = tok.span.text(self.text);
        let next = self.toks.tok(i + 1);
        word.len() == 1
            && word.starts_with(|c: char| c.is_ascii_uppercase())
            && i + 1 < self.toks.len()
            && next.joined
            && self.text.get(tok.span.end..next.span.start) == Some(". ")
    }

    /// A person's name starting at word `i`: two to four name words (particles allowed
    /// inside), on one line of spaces, uncovered, not running on into more capitalised
    /// words. Returns the number of words.
    fn name_at(&self, i: usize) -> Option<usize> {
        // (Both a peer's title and a name word are capitalised: most words are turned away
        // here.)
        let t = self.toks.tok(i);
        if i >= self.toks.len() || self.covered[i] || !t.capital {
            return None;
        }
        // "Lord Dannatt": a peer goes by the title and one name, which together name them.
        if !t.all_caps
            && contains(PEERAGE_TITLES, self.toks.key(i))
            && i + 2 <= self.toks.len()
            && self.toks.tok(i + 1).spaced
            && !self.covered[i + 1]
            && self.is_name_word(i + 1)
            && !self.toks.tok(i).possessive
            && (i + 2 == self.toks.len()
                || !self.toks.tok(i + 2).spaced
                || !self.is_name_word(i + 2))
        {
            return Some(2);
        }
        if !self.is_name_word(i) {
            return None;
        }
        let mut end = i + 1;
        let mut n_names = 1;
        while end < self.toks.len() && n_names < 4 && !self.toks.tok(end - 1).possessive {
            let t = self.toks.tok(end);
            if !t.spaced || self.covered[end] {
                break;
            }
            if self.is_name_word(end) {
                n_names += 1;
                end += 1;
            } else if n_names == 1 && self.is_surname_rank(end) {
                // "Claudia Major of the SWP": a rank that is also a surname ends a name.
                n_names += 1;
                end += 1;
                break;
            } else if self.is_initial(end)
                && end + 1 < self.toks.len()
                && !self.covered[end + 1]
                && self.is_name_word(end + 1)
            {
                // "Mark A. Milley": a middle initial, then the name goes on.
                n_names += 1;
                end += 2;
            } else if contains(lexicon::NAME_PARTICLES, self.toks.key(end))
                && end + 1 < self.toks.len()
                && self.toks.tok(end + 1).spaced
                && self.is_name_word(end + 1)
            {
                end += 1;
            } else {
                break;
            }
        }
        if n_names < 2 {
            return None;
        }
        let next = self.toks.tok(end);
        let runs_on = end < self.toks.len()
            && next.spaced
            && next.capital
            && !self.toks.tok(end - 1).possessive
            && !self.covered[end];
        (!runs_on).then_some(end - i)
    }

    fn discover(&mut self, sentence_idx: usize) {
        self.discover_organisations(sentence_idx);
        let mut i = 0;
        while i < self.toks.len() {
            let Some(n) = self.name_at(i) else {
                i += 1;
                continue;
            };
            // "The Institute for Strategic Dialogue said": the end of a body's name.
            let inside_a_name = i >= 2
                && matches!(self.toks.key(i - 1), "for" | "of" | "on" | "and")
                && self.toks.tok(i - 1).spaced
                && self.toks.tok(i).spaced
                && self.toks.tok(i - 2).capital
                && !self.toks.tok(i - 2).possessive;
            if inside_a_name {
                i += n;
                continue;
            }
            let role_prefix = self
                .role_before(i, i + n)
                .or_else(|| self.role_in_apposition_before(i, i + n));
            let apposition = self.apposition_after(i + n);
            // "said Prof. Anthony King": an honorific between the verb and the name.
            let honorific = i >= 2
                && self.toks.tok(i).joined
                && contains(lexicon::HONORIFICS, self.toks.key(i - 1))
                && contains(SPEECH_VERBS, self.toks.key(i - 2));
            let speech = honorific
                || (i > 0
                    && self.toks.tok(i).spaced
                    && contains(SPEECH_VERBS, self.toks.key(i - 1)))
                || (i >= 2 && self.toks.key(i - 2) == "according" && self.toks.key(i - 1) == "to")
                // ("… at the Emirates Policy Center in Abu Dhabi, said": a comma before the
                // verb closes a description, whose last words are no speaker.)
                || (self.toks.tok(i + n).spaced
                    && !self.toks.tok(i + n).after_comma
                    && contains(SPEECH_VERBS, self.toks.key(i + n)));
            let affiliation = self.speech_after_affiliation(i + n);
            // "Philippe Leblanc, who teaches European security at …, said": a relative
            // clause between commas, then the speech verb.
            let speech = speech || self.who_clause_then_speech(i + n);
            if role_prefix.is_none() && apposition.is_none() && !speech && affiliation.is_none() {
                i += n;
                continue;
            }
            let (role, title) = match (&role_prefix, &apposition) {
                (Some((role, title)), _) => (Some(role.clone()), *title),
                (None, Some(role)) => (Some(role.clone()), None),
                (None, None) => (
                    affiliation
                        .map(|(from, to)| self.words_span(from, to).text(self.text).to_owned()),
                    None,
                ),
            };
            let name_span = self.words_span(i, i + n);
            // "Mark A. Milley" is Mark Milley: a middle initial is no part of the name
            // the reference annotations and the exports use.
            let name = name_span
                .text(self.text)
                .split_whitespace()
                .filter(|w| {
                    !(w.len() == 2
                        && w.ends_with('.')
                        && w.starts_with(|c: char| c.is_ascii_uppercase()))
                })
                .collect::<Vec<_>>()
                .join(" ");
            let id = self
                .registry
                .intern_discovered(&name, ActorKind::Person, role);
            if let Some(t) = title {
                let titles = self.index.answers_to.get(t).cloned().unwrap_or_default();
                self.actor_titles.insert(id, titles);
            }
            self.local.insert(&name, true, id);
            let surname = self.toks.tok(i + n - 1).span.text(self.text);
            if !self.index.not_name.contains(&text::fold(surname)) {
                self.local.insert(surname, true, id);
            }
            // "Hessa Al Mansoori" is "Al Mansoori" later, as "Ursula von der Leyen" is "von
            // der Leyen": the surname with the particles before it.
            let mut first_particle = i + n - 1;
            while first_particle > i + 1
                && contains(lexicon::NAME_PARTICLES, self.toks.key(first_particle - 1))
            {
                first_particle -= 1;
            }
            if first_particle < i + n - 1 {
                let long_surname = self
                    .words_span(first_particle, i + n)
                    .text(self.text)
                    .to_owned();
                self.local.insert(&long_surname, true, id);
            }
            self.push(id, name_span, MentionVia::Discovered, sentence_idx);
            self.cover(i, i + n);
            i += n;
        }
    }

    /// Whether the words from `k` are "of/from/at (the) <Capitalised institution>" and a
    /// speech verb right after it, as in "Claudia Major of the German Institute for
    /// International and Security Affairs said": the name before is that of a person
    /// speaking for the institution. Returns the words of "of the <institution>".
    fn speech_after_affiliation(&self, k: usize) -> Option<(usize, usize)> {
        if !matches!(self.toks.key(k), "of" | "from" | "at") || !self.toks.tok(k).spaced {
            return None;
        }
        let mut j = k + 1;
        if self.toks.key(j) == "the" {
            j += 1;
        }
        let first = j;
        while j < self.toks.len()
            && j - k <= MAX_INSTITUTION_WORDS
            && self.toks.tok(j).spaced
            && (self.toks.tok(j).capital
                || (j > first && matches!(self.toks.key(j), "for" | "of" | "and" | "on" | "the")))
        {
            j += 1;
        }
        // Connectors end no institution ("… of the Institute for").
        while j > first && !self.toks.tok(j - 1).capital {
            j -= 1;
        }
        let speaks = j > first
            && self.toks.tok(j).spaced
            && !self.toks.tok(j).after_comma
            && contains(SPEECH_VERBS, self.toks.key(j));
        speaks.then_some((k, j))
    }

    /// The role words right before a name ("Slovak Prime Minister", "far-right
    /// figurehead"), or a title before it with "of <Scope>" after it ("Prime Minister
    /// Jane Doe of Sweden"): (role as shown, title if recognised).
    fn role_before(&self, name_start: usize, name_end: usize) -> Option<(String, Option<usize>)> {
        if name_start == 0 || !self.toks.tok(name_start).spaced {
            return None;
        }
        let last = name_start - 1;
        // A title phrase ending right before the name, or a role noun.
        let title = (last.saturating_sub(4)..=last).find_map(|start| {
            self.indexed(&self.index.titles, start)
                .find(|(n, _)| start + n == name_start)
                .and_then(|(_, t)| t.first().map(|&t| (start, t)))
        });
        let head_start = match title {
            Some((start, _)) => start,
            None if self.index.role_nouns.contains(self.toks.key(last)) => last,
            None => return None,
        };
        // Scope or modifiers before the head: "Slovak", "Kremlin", "far-right", "senior".
        let mut start = head_start;
        let mut scope = None;
        if let Some((scope_start, s)) = self.scope_ending_at(head_start)
            && self.toks.tok(head_start).space_before
        {
            start = scope_start;
            scope = Some(s);
        } else {
            while start > 0 && head_start - start < 3 {
                let prev = start - 1;
                let word = self.toks.key(prev);
                let modifier = (!self.toks.tok(prev).capital || self.index.not_name.contains(word))
                    && !contains(NOT_NAME_WORDS, word)
                    && !contains(lexicon::MONTH_NAMES, word)
                    && !contains(lexicon::WEEKDAY_NAMES, word)
                    && !contains(SPEECH_VERBS, word)
                    && !self.covered[prev]
                    && !self.toks.tok(prev).possessive;
                if !self.toks.tok(start).spaced || !modifier {
                    break;
                }
                start = prev;
            }
        }
        if scope.is_none() && self.toks.key(name_end) == "of" {
            scope = self
                .indexed_longest(&self.index.scopes, name_end + 1)
                .and_then(|(_, s)| s.first().copied());
        }
        let role_text = self
            .words_span(start, name_start)
            .text(self.text)
            .to_owned();
        let leader = self.index.leader_title;
        Some(match (title, scope) {
            (Some((_, t)), Some(s)) if Some(t) != leader => {
                let name = self
                    .index
                    .gazetteer
                    .titles
                    .get(t)
                    .map_or("", |t| t.name.as_str());
                (format!("{name} of {}", self.index.scope_name(s)), Some(t))
            }
            _ => (role_text, title.map(|(_, t)| t)),
        })
    }

    /// "<role noun>, <Name>," — the name set off by commas right after a role ("Her
    /// spokesman, Eric Mamer, said"): the role noun with the lower-case words before it
    /// that are not determiners ("chief spokesman").
    fn role_in_apposition_before(
        &self,
        name_start: usize,
        name_end: usize,
    ) -> Option<(String, Option<usize>)> {
        let head = name_start.checked_sub(1)?;
        let closes = name_end >= self.toks.len() || self.toks.tok(name_end).after_comma;
        if !self.toks.tok(name_start).after_comma
            || !closes
            || !self.index.role_nouns.contains(self.toks.key(head))
            || self.covered[head]
        {
            return None;
        }
        let mut start = head;
        while start > 0 && head - start < 2 {
            let prev = start - 1;
            let word = self.toks.key(prev);
            if !self.toks.tok(start).spaced
                || self.toks.tok(prev).capital
                || self.covered[prev]
                || lexicon::DETERMINERS.contains(&word)
                || contains(SPEECH_VERBS, word)
            {
                break;
            }
            start = prev;
        }
        let role = self.words_span(start, head + 1).text(self.text).to_owned();
        Some((role, None))
    }

    /// ", <role noun phrase> …" right after a name: the role as written, up to the end of
    /// the clause (next comma, semicolon or the sentence's end), at most a dozen words.
    fn who_clause_then_speech(&self, after: usize) -> bool {
        if after >= self.toks.len()
            || !self.toks.tok(after).after_comma
            || self.toks.key(after) != "who"
        {
            return false;
        }
        (after + 1..self.toks.len().min(after + MAX_WHO_CLAUSE_WORDS))
            .find(|&j| self.toks.tok(j).after_comma)
            .is_some_and(|j| contains(SPEECH_VERBS, self.toks.key(j)))
    }

    fn apposition_after(&self, after: usize) -> Option<String> {
        let first = self.toks.tok(after);
        // ("…, said the French leader was …": a verb, not a description.)
        if after >= self.toks.len()
            || !first.after_comma
            || contains(SPEECH_VERBS, self.toks.key(after))
        {
            return None;
        }
        let mut end = after;
        let mut has_role = false;
        while end < self.toks.len() && end - after < 12 {
            let t = self.toks.tok(end);
            if end > after && (t.after_comma || !(t.spaced || t.in_parens || t.joined)) {
                // An acronym in brackets after the organisation still belongs to the role.
                if !t.in_parens {
                    break;
                }
            }
            if end - after < 5 && self.index.role_nouns.contains(self.toks.key(end)) {
                has_role = true;
            }
            end += 1;
        }
        if !has_role {
            return None;
        }
        let span = self.words_span(after, end);
        let closes = self
            .text
            .get(span.end..)
            .is_some_and(|r| r.starts_with(')'));
        let end = if closes { span.end + 1 } else { span.end };
        let mut role = self.text.get(span.start..end).unwrap_or("").to_owned();
        if role.starts_with("a ") || role.starts_with("an ") || role.starts_with("the ") {
            role = role
                .split_once(' ')
                .map_or(role.clone(), |(_, r)| r.to_owned());
        }
        Some(role)
    }

    /// "the <Capitalised words> (ACRONYM)": an organisation, named by both from now on.
    fn discover_organisations(&mut self, sentence_idx: usize) {
        for k in 1..self.toks.len() {
            let acronym = self.toks.tok(k);
            if !acronym.in_parens || !acronym.all_caps {
                continue;
            }
            let n_chars = acronym.span.text(self.text).chars().count();
            if !(2..=8).contains(&n_chars) {
                continue;
            }
            // Walk back over capitalised words and connectors.
            let end = k;
            let mut start = k;
            while start > 0 {
                let prev = start - 1;
                let t = self.toks.tok(prev);
                let ok_gap = start == end || self.toks.tok(start).spaced;
                let word = self.toks.key(prev);
                let capital = t.capital && !self.covered[prev];
                if !ok_gap || !(capital || contains(NAME_CONNECTORS, word)) || t.possessive {
                    break;
                }
                start = prev;
            }
            while start < end && !self.toks.tok(start).capital {
                start += 1;
            }
            let n_capital = (start..end).filter(|&j| self.toks.tok(j).capital).count();
            if n_capital < 2 || (start..end).any(|j| self.covered[j]) {
                continue;
            }
            let first_letter = |j: usize| self.toks.key(j).chars().next();
            if first_letter(start) != self.toks.key(k).chars().next() {
                continue;
            }
            let span = self.words_span(start, end);
            let name = span.text(self.text).to_owned();
            let governmental = (start..end)
                .any(|j| matches!(self.toks.key(j), "ministry" | "government" | "parliament"));
            let kind = if governmental {
                ActorKind::Government
            } else {
                ActorKind::Organization
            };
            let id = self.registry.intern_discovered(&name, kind, None);
            self.local.insert(&name, true, id);
            self.local.insert(acronym.span.text(self.text), true, id);
            self.push(id, span, MentionVia::Discovered, sentence_idx);
            self.cover(start, end + 1);
        }
    }

    // ------------------------------------------------------- pass 4 and 5: roles, pronouns

    fn roles_and_pronouns(&mut self, sentence_idx: usize, first_new: usize) {
        let sorted_end = self.out.len();
        self.antecedents = Antecedents {
            sorted_end,
            appended_read: [sorted_end; 2],
            ..Antecedents::default()
        };
        let mut i = 0;
        while i < self.toks.len() {
            if self.covered[i] {
                i += 1;
                continue;
            }
            if let Some((n, &[title_idx, ..])) = self.indexed_longest(&self.index.titles, i) {
                self.role(sentence_idx, first_new, i, n, title_idx);
                i += n;
                continue;
            }
            if matches!(self.toks.key(i), "he" | "she" | "they") {
                self.pronoun(sentence_idx, first_new, i);
            }
            i += 1;
        }
    }

    fn role(&mut self, sentence_idx: usize, first_new: usize, i: usize, n: usize, title: usize) {
        let end = i + n;
        // "… of <Scope>" after the title.
        let after = (self.toks.key(end) == "of")
            .then(|| self.indexed_longest(&self.index.scopes, end + 1))
            .flatten()
            .and_then(|(m, s)| s.first().map(|&s| (m, s)));
        let before = self
            .scope_ending_at(i)
            .filter(|_| self.toks.tok(i).space_before);
        let (span_from, span_to, scope) = match (before, after) {
            (Some((start, s)), _) => (start, end, Some(s)),
            (None, Some((m, s))) => (i, end + 1 + m, Some(s)),
            (None, None) => (i, end, None),
        };
        // A title right before a name belongs to the name's mention.
        let next = self.toks.tok(span_to);
        if span_to < self.toks.len()
            && next.spaced
            && next.capital
            && (self.covered[span_to] || self.is_name_word(span_to))
        {
            return;
        }
        // The words before the title, in the same stretch of the sentence: not quoted
        // words before it (`"… applies to the future," the German chancellor said`), nor
        // across a comma.
        let word_before = |k: usize| {
            let tok = self.toks.tok(k);
            if self.in_quote(tok.span.start) || self.toks.tok(k + 1).after_comma {
                ""
            } else {
                self.toks.key(k)
            }
        };
        let before_word = if span_from > 0 {
            word_before(span_from - 1)
        } else {
            ""
        };
        let before_first = if span_from > 1 && !before_word.is_empty() {
            word_before(span_from - 2)
        } else {
            ""
        };
        if contains(NOT_CURRENT, before_word)
            || (before_word == "the" && contains(NOT_CURRENT, before_first))
            || self.toks.tok(span_to.saturating_sub(1)).possessive && scope.is_none()
        {
            return;
        }
        let is_leader = Some(title) == self.index.leader_title;
        let entry_idx = match scope {
            Some(scope) => {
                let title = if is_leader {
                    self.index.leader_of(scope)
                } else {
                    Some(title)
                };
                let Some(title) = title else {
                    return;
                };
                let holders: Vec<usize> = self.index.holders_on(title, scope, self.date).collect();
                let entry = match holders.as_slice() {
                    [one] => Some(*one),
                    [] => None,
                    many => {
                        let mut named = many.iter().filter(|e| self.named_entries.contains(e));
                        match (named.next(), named.next()) {
                            (Some(e), None) => Some(*e),
                            _ => None,
                        }
                    }
                };
                let Some(entry) = entry else {
                    return;
                };
                Some(entry)
            }
            None => {
                if is_leader || before_word != "the" {
                    return;
                }
                None
            }
        };
        let actor = match entry_idx {
            Some(entry_idx) => {
                self.named_entries.insert(entry_idx);
                self.intern_entry(entry_idx)
            }
            None => {
                // A bare title: the latest actor of the article holding it.
                let current = self.out[first_new..]
                    .iter()
                    .rev()
                    .filter(|m| m.span.start < self.toks.tok(i).span.start)
                    .map(|m| m.actor);
                let earlier = self.history.iter().rev().map(|r| r.actor);
                let found = current.chain(earlier).find(|actor| {
                    self.actor_titles
                        .get(actor)
                        .is_some_and(|titles| titles.contains(&title))
                });
                let Some(actor) = found else {
                    return;
                };
                actor
            }
        };
        let span = self.words_span(span_from, span_to);
        self.push(actor, span, MentionVia::Role, sentence_idx);
        self.cover(span_from, span_to);
    }

    /// A pronoun that attributes speech or opens the sentence as its subject.
    fn pronoun(&mut self, sentence_idx: usize, first_new: usize, i: usize) {
        let pronoun = self.toks.key(i).to_owned();
        let j = self.past_fillers(i + 1);
        let speech = self.is_speech_verb(j);
        let opens = i == 0 && !self.in_quote(self.toks.tok(i).span.start);
        let after_intro = i > 0
            && i <= 6
            && self.toks.tok(i).after_comma
            && !self.in_quote(self.toks.tok(i).span.start)
            && !self.out[first_new..]
                .iter()
                .any(|m| m.span.start < self.toks.tok(i).span.start);
        if !(speech || opens || (after_intro && pronoun != "they")) {
            return;
        }
        if self.in_quote(self.toks.tok(i).span.start) {
            return;
        }
        let at = self.toks.tok(i).span.start;
        let actor = if pronoun == "they" {
            // Only as the subject that opens the sentence or follows a quotation: "they"
            // after other words usually has a plural noun of its own sentence before it.
            let gap_before = match i.checked_sub(1) {
                Some(prev) => self
                    .text
                    .get(self.toks.tok(prev).span.end..at)
                    .unwrap_or(""),
                None => "",
            };
            let after_quote = gap_before.contains(['"', '”', '»', '\'', '’']);
            if !speech || !(i == 0 || after_quote) {
                return;
            }
            self.antecedent_organisation(sentence_idx)
        } else {
            let gender = if pronoun == "he" {
                Gender::Male
            } else {
                Gender::Female
            };
            // "The French leader, he said, \"constantly talks …\"": a speech tag between
            // commas speaks of the sentence's first person; "he" is the one who spoke
            // before.
            let tag = self.toks.tok(i).after_comma
                && speech
                && self.toks.tok(j + 1).after_comma
                && j + 1 < self.toks.len();
            if tag {
                self.earlier.person[usize::from(gender == Gender::Male)]
            } else {
                // "The next day, standing alongside President Zelensky, he said …": the
                // people of an introductory phrase right before the pronoun are not whom it
                // means; look before the phrase.
                let until = self.intro_phrase_before(i).unwrap_or(at);
                self.antecedent_person(first_new, until, gender)
            }
        };
        if let Some(actor) = actor {
            let span = self.toks.tok(i).span;
            self.push(actor, span, MentionVia::Pronoun, sentence_idx);
            self.cover(i, i + 1);
        }
    }

    /// Where the introductory phrase ending with the comma right before word `i` begins,
    /// when it opens with a participle or a preposition ("standing alongside …,", "after
    /// talks with …,"): the byte its first word starts at.
    fn intro_phrase_before(&self, i: usize) -> Option<usize> {
        if i == 0 || !self.toks.tok(i).after_comma {
            return None;
        }
        let start = (0..i)
            .rev()
            .find(|&p| p == 0 || self.toks.tok(p).after_comma)?;
        let first = self.toks.key(start);
        let opens =
            (first.ends_with("ing") && first.len() > 4) || contains(INTRO_PREPOSITIONS, first);
        opens.then(|| self.toks.tok(start).span.start)
    }

    /// The person "he" or "she" at byte `at` stands for: the first fitting mention of the
    /// current sentence before it, else the nearest earlier sentence's.
    fn antecedent_person(
        &mut self,
        first_new: usize,
        at: usize,
        gender: Gender,
    ) -> Option<ActorId> {
        let fits = |r: &Recent| r.person && r.gender.is_none_or(|g| g == gender);
        // The current sentence, before the pronoun: the first fitting mention in the
        // order of `out` (see [`Antecedents`]), outside quotation marks.
        let g = usize::from(gender == Gender::Male);
        let sorted_end = self.antecedents.sorted_end.max(first_new);
        let in_sorted = match self.antecedents.in_sorted[g] {
            Some(found) => found,
            None => {
                let found = (first_new..sorted_end).find(|&k| {
                    let r = self.recent_of(self.out[k]);
                    !r.in_quote && fits(&r)
                });
                self.antecedents.in_sorted[g] = Some(found);
                found
            }
        };
        if let Some(k) = in_sorted.filter(|&k| self.out[k].span.start < at) {
            return Some(self.out[k].actor);
        }
        while self.antecedents.in_appended[g].is_none() {
            let k = self.antecedents.appended_read[g].max(sorted_end);
            let Some(&m) = self.out.get(k).filter(|m| m.span.start < at) else {
                break;
            };
            self.antecedents.appended_read[g] = k + 1;
            let r = self.recent_of(m);
            if !r.in_quote && fits(&r) {
                self.antecedents.in_appended[g] = Some(k);
            }
        }
        if let Some(k) = self.antecedents.in_appended[g] {
            return Some(self.out[k].actor);
        }
        // The nearest earlier sentence naming a person: its first one (outside quotes).
        self.earlier.person[g]
    }

    /// "they warned": the organisation that is the first actor of the previous sentence.
    fn antecedent_organisation(&self, sentence_idx: usize) -> Option<ActorId> {
        let first = self.earlier.first_actor?;
        if first.sentence_idx + 1 != sentence_idx {
            return None;
        }
        first.organisation.then_some(first.actor)
    }
}

// --------------------------------------------------------------------------- registry

/// The corpus-wide table of actors, filled as articles are analysed: one [`ActorId`] per
/// actor, whichever article names it first. Actors are told apart by their folded
/// canonical name, so "Stéphane Séjourné" from the gazetteer and a discovered
/// "Stephane Sejourne" are one actor.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Registry {
    actors: Vec<Actor>,
    genders: Vec<Option<Gender>>,
    by_name: Map<String, ActorId>,
    by_entry: Map<usize, ActorId>,
}

impl Registry {
    /// The actor `id`. Ids come from this registry; an unknown one gives a placeholder
    /// rather than a panic.
    pub fn actor(&self, id: ActorId) -> &Actor {
        static UNKNOWN: Actor = Actor {
            name: String::new(),
            kind: ActorKind::Organization,
            role: None,
            affiliation: None,
            discovered: true,
            native_name: None,
        };
        self.actors.get(id).unwrap_or(&UNKNOWN)
    }

    /// The actor `id`, if there is one.
    pub fn get(&self, id: ActorId) -> Option<&Actor> {
        self.actors.get(id)
    }

    /// Every actor so far; [`ActorId`]s index this slice.
    pub fn actors(&self) -> &[Actor] {
        &self.actors
    }

    pub fn len(&self) -> usize {
        self.actors.len()
    }

    pub fn is_empty(&self) -> bool {
        self.actors.is_empty()
    }

    pub fn into_actors(self) -> Vec<Actor> {
        self.actors
    }

    /// The actor whose canonical name folds to the same as `name` ("Stephane Sejourne"
    /// finds "Stéphane Séjourné").
    pub fn find_by_name(&self, name: &str) -> Option<ActorId> {
        self.by_name.get(&text::fold(name.trim())).copied()
    }

    /// The gender the gazetteer gives the actor, if any (persons only).
    pub fn gender(&self, id: ActorId) -> Option<Gender> {
        self.genders.get(id).copied().flatten()
    }

    /// Adds `actor` unless one with the same folded name exists; returns its id. A
    /// gazetteer actor replaces a discovered one of the same name.
    pub fn intern(&mut self, mut actor: Actor, gender: Option<Gender>) -> ActorId {
        if let Cow::Owned(ascii) = text::ascii_spelling(&actor.name) {
            actor.native_name = Some(std::mem::replace(&mut actor.name, ascii));
        }
        let key = entry_key(&actor.name);
        if let Some(&id) = self.by_name.get(&key) {
            if let Some(existing) = self.actors.get_mut(id) {
                if existing.discovered && !actor.discovered {
                    *existing = actor;
                    self.genders[id] = gender;
                } else if existing.role.is_none() {
                    existing.role = actor.role;
                }
            }
            return id;
        }
        let id = self.actors.len();
        self.actors.push(actor);
        self.genders.push(gender);
        self.by_name.insert(key, id);
        id
    }

    /// The registry as it stood once the articles that gave `actors` were analysed, from
    /// that list alone ([`Registry::into_actors`], an [`crate::Analysis`]'s `actors`):
    /// what else the registry holds follows from it and the gazetteer. An actor of the
    /// gazetteer's entries is the one entry whose name folds to its own (the gazetteer
    /// rejects two such entries, and a country's body named as an entry is that entry),
    /// and has its gender; a discovered actor, or a country's body ("French Government"),
    /// has neither entry nor gender.
    ///
    /// `None` when `actors` cannot have come from a registry of this gazetteer: two actors
    /// of one folded name, or an actor named as an entry but not from it.
    pub fn resume(actors: Vec<Actor>, gazetteer: &Gazetteer) -> Option<Registry> {
        let mut registry = Registry::default();
        for (id, actor) in actors.iter().enumerate() {
            if registry
                .by_name
                .insert(entry_key(&actor.name), id)
                .is_some()
            {
                return None;
            }
        }
        registry.genders = vec![None; actors.len()];
        for (entry_idx, entry) in gazetteer.actors.iter().enumerate() {
            let Some(&id) = registry.by_name.get(&entry_key(&entry.name)) else {
                continue;
            };
            let actor = &actors[id];
            if actor.discovered {
                continue;
            }
            if actor.kind != entry.kind || actor.affiliation != entry.affiliation {
                return None;
            }
            registry.by_entry.insert(entry_idx, id);
            registry.genders[id] = entry.gender;
        }
        registry.actors = actors;
        Some(registry)
    }

    /// The gazetteer's entry `entry_idx`, with the role it holds on `date` (that of the
    /// first article naming it).
    pub fn intern_gazetteer(
        &mut self,
        gazetteer: &Gazetteer,
        entry_idx: usize,
        date: Option<&str>,
    ) -> ActorId {
        if let Some(&id) = self.by_entry.get(&entry_idx) {
            return id;
        }
        let Some(entry) = gazetteer.actors.get(entry_idx) else {
            return self.intern_discovered("", ActorKind::Organization, None);
        };
        let actor = actor_of_entry(gazetteer, entry_idx, entry, date);
        let id = self.intern(actor, entry.gender);
        self.by_entry.insert(entry_idx, id);
        id
    }

    /// A person or body found from its context, with the role the context gives.
    pub fn intern_discovered(
        &mut self,
        name: &str,
        kind: ActorKind,
        role: Option<String>,
    ) -> ActorId {
        let actor = Actor {
            name: name.trim().to_owned(),
            kind,
            role,
            affiliation: None,
            discovered: true,
            native_name: None,
        };
        self.intern(actor, None)
    }
}

/// What the registry tells actors apart by: the name folded ("Stephane Sejourne" is
/// "Stéphane Séjourné"), as spelled in ASCII.
fn entry_key(name: &str) -> String {
    text::fold(text::ascii_spelling(name).trim())
}

/// The actor a country's body is ("French Government"): the country's first adjective,
/// then the body's name.
fn body_name(country: &Country, body: &Body) -> String {
    let adjective = country.adjectives.first().unwrap_or(&country.name);
    format!("{adjective} {}", body.name)
}

/// The longest institution's name read after "of the" before a speech verb.
const MAX_INSTITUTION_WORDS: usize = 10;

fn actor_of_entry(
    gazetteer: &Gazetteer,
    entry_idx: usize,
    entry: &Entry,
    date: Option<&str>,
) -> Actor {
    Actor {
        name: entry.name.clone(),
        kind: entry.kind,
        role: gazetteer.role_on(entry_idx, date),
        affiliation: entry.affiliation.clone(),
        discovered: false,
        native_name: None,
    }
}

#[cfg(all(test, feature = "load"))]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        name: String,
        text: String,
        date: Option<String>,
        expected_mentions: Vec<ExpectedMention>,
        /// Actors whose role (as shown) is checked too.
        #[serde(default)]
        expected_roles: Vec<ExpectedRole>,
    }

    #[derive(Deserialize, Debug, PartialEq)]
    #[serde(deny_unknown_fields)]
    struct ExpectedMention {
        actor: String,
        via: String,
        text: String,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ExpectedRole {
        actor: String,
        role: String,
        #[serde(default)]
        discovered: bool,
    }

    #[derive(Deserialize)]
    struct Cases {
        case: Vec<Case>,
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_toml(include_str!("../../seeds/actors.toml")).expect("gazetteer loads")
    }

    fn via_name(via: MentionVia) -> &'static str {
        match via {
            MentionVia::Name => "name",
            MentionVia::Role => "role",
            MentionVia::Pronoun => "pronoun",
            MentionVia::Discovered => "discovered",
        }
    }

    /// Every case of `testdata/actors.toml`: the mentions found, in order, with how they
    /// were found and the words that name them.
    #[test]
    fn mentions_match_the_testdata_table() {
        let cases: Cases =
            toml::from_str(include_str!("../testdata/actors.toml")).expect("testdata parses");
        let gazetteer = gazetteer();
        let index = ActorIndex::new(&gazetteer);
        let mut failures = Vec::new();
        for case in &cases.case {
            let mut registry = Registry::default();
            let structure = crate::structure::parse(&case.text);
            let mentions =
                index.find_mentions(&case.text, &structure, case.date.as_deref(), &mut registry);
            for m in &mentions {
                assert!(case.text.is_char_boundary(m.span.start), "{}", case.name);
                assert!(case.text.is_char_boundary(m.span.end), "{}", case.name);
            }
            let got: Vec<ExpectedMention> = mentions
                .iter()
                .map(|m| ExpectedMention {
                    actor: registry.actor(m.actor).name.clone(),
                    via: via_name(m.via).to_owned(),
                    text: m.span.text(&case.text).to_owned(),
                })
                .collect();
            if got != case.expected_mentions {
                failures.push(format!(
                    "{}:\n  expected {:?}\n  got      {:?}",
                    case.name, case.expected_mentions, got
                ));
            }
            for expected in &case.expected_roles {
                let actor = registry
                    .find_by_name(&expected.actor)
                    .map(|id| registry.actor(id));
                let ok = actor.is_some_and(|a| {
                    a.role.as_deref() == Some(expected.role.as_str())
                        && a.discovered == expected.discovered
                });
                if !ok {
                    failures.push(format!(
                        "{}: {} expected role {:?} (discovered {}), got {:?}",
                        case.name, expected.actor, expected.role, expected.discovered, actor
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{} failing cases:\n{}",
            failures.len(),
            failures.join("\n")
        );
    }
}
