//! Word lists the quote, statement and cue stages match against: speech verbs with their
//! connotation, hedges and evidentials, evaluative ("loaded") news vocabulary, anonymous
//! and outlet sourcing nouns, and the trigger words of each frame.
//!
//! # Method
//! Every list is general knowledge of English news writing, not a list of answers for
//! particular articles: speech verbs as style guides classify them (AP and Reuters advise
//! "said" as the neutral default; "claimed", "insisted", "warned" each add a reading of
//! their own), hedges and evidentials as described in the linguistics of stance (Hyland's
//! hedges and boosters; evidentiality markers such as "reportedly", "according to"), and
//! frame triggers after the dimensions of the Media Frames Corpus (Card et al., 2015)
//! narrowed to the frames that coverage of war and alliances turns on (see
//! [`crate::model::Frame`]).
//!
//! Entries are written in *folded* form (see [`crate::text::fold`]): lower case, no
//! accents, plain apostrophes and hyphens. A phrase is a space-separated run of whole
//! words as [`crate::text::words`] splits them ("far-right" is one word, "poured cold
//! water" three). Matching goes through [`PhraseTable`], which looks phrases up by their
//! first word and tries the longest first, so scanning a text is linear in its words.

use crate::model::{Connotation, CueKind, Frame, Span};
use crate::order;
use std::collections::HashMap;
use std::sync::OnceLock;

/// A fast, non-cryptographic hasher for short words (the FxHash mix used by rustc): the
/// tables are looked up once per word of every article, and SipHash would dominate.
#[derive(Clone, Copy, Default)]
pub struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, mut bytes: &[u8]) {
        while let Some((head, rest)) = bytes.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*head));
            bytes = rest;
        }
        if !bytes.is_empty() {
            self.add(tail_word(bytes));
        }
    }
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

impl WordHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
    }
}

/// The last 1 to 7 bytes of a key as a little-endian number padded with zeros, read as
/// two overlapping loads rather than copied into a padded buffer: a copy of unknown
/// length is a call to `memcpy`, which costs more than hashing a short word.
#[inline]
fn tail_word(bytes: &[u8]) -> u64 {
    let n = bytes.len();
    // The two loads overlap; the bytes they share are the same in both.
    if let (Some(lo), Some(hi)) = (bytes.first_chunk::<4>(), bytes.last_chunk::<4>()) {
        let (lo, hi) = (u32::from_le_bytes(*lo), u32::from_le_bytes(*hi));
        return u64::from(lo) | u64::from(hi) << (8 * (n - 4));
    }
    if let (Some(lo), Some(hi)) = (bytes.first_chunk::<2>(), bytes.last_chunk::<2>()) {
        let (lo, hi) = (u16::from_le_bytes(*lo), u16::from_le_bytes(*hi));
        return u64::from(lo) | u64::from(hi) << (8 * (n - 2));
    }
    bytes.first().map_or(0, |&b| u64::from(b))
}

/// [`WordHasher`] for maps and sets keyed by words or small integers.
pub type FastHash = std::hash::BuildHasherDefault<WordHasher>;

type WordMap<V> = HashMap<&'static str, V, FastHash>;

/// A table of phrases (runs of folded words) with a value each, looked up by first word.
pub struct PhraseTable<T: Copy> {
    /// First word → (the phrase's words after the first, value), longest phrases first.
    by_first: WordMap<Vec<(Vec<&'static str>, T)>>,
    /// The [`sketch`] of every first word, as a bit set: most words of a text start no
    /// phrase, and this tells most of them apart without hashing the word.
    sketches: [u64; SKETCH_BITS / 64],
}

/// Size of [`PhraseTable::sketches`]: a few hundred first words set about a tenth of it.
const SKETCH_BITS: usize = 4096;

/// A few bits of a word from its length and its first and last bytes: equal words have
/// equal sketches, and most unequal ones differ.
#[inline]
fn sketch(word: &str) -> usize {
    let bytes = word.as_bytes();
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    let key = u32::from(first.unwrap_or(0))
        | u32::from(last.unwrap_or(0)) << 8
        | (bytes.len() as u32) << 16;
    (key.wrapping_mul(0x9e37_79b9) >> 20) as usize % SKETCH_BITS
}

impl<T: Copy> PhraseTable<T> {
    /// Builds the table; phrases are split at spaces. A later duplicate is ignored.
    pub fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> PhraseTable<T> {
        let mut by_first: WordMap<Vec<(Vec<&'static str>, T)>> = WordMap::default();
        let mut sketches = [0u64; SKETCH_BITS / 64];
        for (phrase, value) in entries {
            let mut words = phrase.split(' ').filter(|w| !w.is_empty());
            let Some(first) = words.next() else {
                continue;
            };
            let rest: Vec<&'static str> = words.collect();
            let list = by_first.entry(first).or_default();
            if !list.iter().any(|(w, _)| *w == rest) {
                list.push((rest, value));
            }
            let bit = sketch(first);
            sketches[bit / 64] |= 1 << (bit % 64);
        }
        for list in by_first.values_mut() {
            order::sort_by_key(list, |(rest, _)| std::cmp::Reverse(rest.len()));
        }
        PhraseTable { by_first, sketches }
    }

    /// The longest phrase starting at word `at` of `words`: its length in words and value.
    pub fn longest_at<S: AsRef<str>>(&self, words: &[S], at: usize) -> Option<(usize, T)> {
        let first = words.get(at)?.as_ref();
        let bit = sketch(first);
        if self.sketches[bit / 64] & 1 << (bit % 64) == 0 {
            return None;
        }
        let candidates = self.by_first.get(first)?;
        let after = words.get(at + 1..).unwrap_or(&[]);
        candidates.iter().find_map(|(rest, value)| {
            let fits =
                rest.len() <= after.len() && rest.iter().zip(after).all(|(w, x)| x.as_ref() == *w);
            fits.then_some((rest.len() + 1, *value))
        })
    }

    /// Whether `word` is a one-word entry (or starts one).
    pub fn starts_with(&self, word: &str) -> bool {
        self.by_first.contains_key(word)
    }
}

/// A word list looked up in constant time (built on first use).
pub struct WordSet {
    words: &'static [&'static str],
    set: OnceLock<WordMap<()>>,
}

impl WordSet {
    pub const fn new(words: &'static [&'static str]) -> WordSet {
        WordSet {
            words,
            set: OnceLock::new(),
        }
    }
    pub fn contains(&self, word: &str) -> bool {
        self.set
            .get_or_init(|| self.words.iter().map(|&w| (w, ())).collect())
            .contains_key(word)
    }
}

// ------------------------------------------------------------------------ speech verbs

/// A verb (or verb phrase) that attributes words to a speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct SpeechVerb {
    /// The base form ("say", "call on").
    pub lemma: &'static str,
    pub connotation: Connotation,
    /// Takes an addressee before what is said ("told allies that", "urged the West to").
    pub addressee: bool,
}

/// Speech verbs: base form, its other forms, connotation, whether an addressee follows
/// that is not part of what is said ("told allies that …"; but "urged *the West* to …"
/// keeps the addressee, who is part of the call).
/// Neutral verbs report; the others add the outlet's reading of how the words were meant
/// (insistence, doubt, emotion, warning, advocacy).
const SPEECH_VERBS: &[(&str, &[&str], Connotation, bool)] = {
    use Connotation::*;
    &[
        ("say", &["says", "said", "saying"], Neutral, false),
        ("tell", &["tells", "told", "telling"], Neutral, true),
        ("state", &["states", "stated", "stating"], Neutral, false),
        ("add", &["adds", "added", "adding"], Neutral, false),
        ("note", &["notes", "noted", "noting"], Neutral, false),
        // "reminded reporters that …": the addressee is part of the call, as with "tell".
        (
            "remind",
            &["reminds", "reminded", "reminding"],
            Neutral,
            true,
        ),
        (
            "remark",
            &["remarks", "remarked", "remarking"],
            Neutral,
            false,
        ),
        // "As Pistorius put it, …"
        ("put it", &["puts it", "putting it"], Neutral, false),
        (
            "comment",
            &["comments", "commented", "commenting"],
            Neutral,
            false,
        ),
        (
            "explain",
            &["explains", "explained", "explaining"],
            Neutral,
            true,
        ),
        (
            "announce",
            &["announces", "announced", "announcing"],
            Neutral,
            false,
        ),
        ("reply", &["replies", "replied", "replying"], Neutral, false),
        (
            "respond",
            &["responds", "responded", "responding"],
            Neutral,
            false,
        ),
        (
            "answer",
            &["answers", "answered", "answering"],
            Neutral,
            false,
        ),
        (
            "mention",
            &["mentions", "mentioned", "mentioning"],
            Neutral,
            false,
        ),
        ("write", &["writes", "wrote", "writing"], Neutral, false),
        (
            "recall",
            &["recalls", "recalled", "recalling"],
            Neutral,
            false,
        ),
        (
            "indicate",
            &["indicates", "indicated", "indicating"],
            Neutral,
            true,
        ),
        (
            "inform",
            &["informs", "informed", "informing"],
            Neutral,
            true,
        ),
        (
            "point out",
            &["points out", "pointed out", "pointing out"],
            Neutral,
            false,
        ),
        (
            "express",
            &["expresses", "expressed", "expressing"],
            Neutral,
            false,
        ),
        ("voice", &["voices", "voiced", "voicing"], Neutral, false),
        (
            "acknowledge",
            &["acknowledges", "acknowledged", "acknowledging"],
            Neutral,
            false,
        ),
        (
            "admit",
            &["admits", "admitted", "admitting"],
            Neutral,
            false,
        ),
        (
            "confirm",
            &["confirms", "confirmed", "confirming"],
            Neutral,
            false,
        ),
        (
            "clarify",
            &["clarifies", "clarified", "clarifying"],
            Neutral,
            false,
        ),
        (
            "declare",
            &["declares", "declared", "declaring"],
            Neutral,
            false,
        ),
        (
            "observe",
            &["observes", "observed", "observing"],
            Neutral,
            false,
        ),
        (
            "report",
            &["reports", "reported", "reporting"],
            Neutral,
            false,
        ),
        ("tweet", &["tweets", "tweeted", "tweeting"], Neutral, false),
        ("post", &["posts", "posted", "posting"], Neutral, false),
        ("argue", &["argues", "argued", "arguing"], Neutral, false),
        ("cite", &["cites", "cited", "citing"], Neutral, false),
        ("ask", &["asks", "asked", "asking"], Neutral, true),
        ("deny", &["denies", "denied", "denying"], Neutral, false),
        (
            "describe",
            &["describes", "described", "describing"],
            Neutral,
            false,
        ),
        (
            "insist",
            &["insists", "insisted", "insisting"],
            Insistence,
            false,
        ),
        (
            "emphasize",
            &["emphasizes", "emphasized", "emphasizing"],
            Insistence,
            false,
        ),
        (
            "emphasise",
            &["emphasises", "emphasised", "emphasising"],
            Insistence,
            false,
        ),
        (
            "stress",
            &["stresses", "stressed", "stressing"],
            Insistence,
            false,
        ),
        (
            "assure",
            &["assures", "assured", "assuring"],
            Insistence,
            true,
        ),
        (
            "reassure",
            &["reassures", "reassured", "reassuring"],
            Insistence,
            true,
        ),
        (
            "reiterate",
            &["reiterates", "reiterated", "reiterating"],
            Insistence,
            false,
        ),
        (
            "underline",
            &["underlines", "underlined", "underlining"],
            Insistence,
            false,
        ),
        (
            "underscore",
            &["underscores", "underscored", "underscoring"],
            Insistence,
            false,
        ),
        (
            "maintain",
            &["maintains", "maintained", "maintaining"],
            Insistence,
            false,
        ),
        (
            "affirm",
            &["affirms", "affirmed", "affirming"],
            Insistence,
            false,
        ),
        (
            "reaffirm",
            &["reaffirms", "reaffirmed", "reaffirming"],
            Insistence,
            false,
        ),
        ("vow", &["vows", "vowed", "vowing"], Insistence, false),
        (
            "pledge",
            &["pledges", "pledged", "pledging"],
            Insistence,
            false,
        ),
        (
            "promise",
            &["promises", "promised", "promising"],
            Insistence,
            true,
        ),
        ("claim", &["claims", "claimed", "claiming"], Doubt, false),
        ("allege", &["alleges", "alleged", "alleging"], Doubt, false),
        (
            "purport",
            &["purports", "purported", "purporting"],
            Doubt,
            false,
        ),
        (
            "contend",
            &["contends", "contended", "contending"],
            Doubt,
            false,
        ),
        (
            "astonish",
            &["astonishes", "astonished", "astonishing"],
            Emotion,
            true,
        ),
        (
            "lash out",
            &["lashes out", "lashed out", "lashing out"],
            Emotion,
            false,
        ),
        ("hit out", &["hits out", "hitting out"], Emotion, false),
        ("slam", &["slams", "slammed", "slamming"], Emotion, false),
        ("blast", &["blasts", "blasted", "blasting"], Emotion, false),
        ("fume", &["fumes", "fumed", "fuming"], Emotion, false),
        (
            "complain",
            &["complains", "complained", "complaining"],
            Emotion,
            false,
        ),
        (
            "lament",
            &["laments", "lamented", "lamenting"],
            Emotion,
            false,
        ),
        ("decry", &["decries", "decried", "decrying"], Emotion, false),
        (
            "denounce",
            &["denounces", "denounced", "denouncing"],
            Emotion,
            false,
        ),
        (
            "condemn",
            &["condemns", "condemned", "condemning"],
            Emotion,
            false,
        ),
        ("scoff", &["scoffs", "scoffed", "scoffing"], Emotion, false),
        ("mock", &["mocks", "mocked", "mocking"], Emotion, false),
        (
            "rebuke",
            &["rebukes", "rebuked", "rebuking"],
            Emotion,
            false,
        ),
        (
            "exclaim",
            &["exclaims", "exclaimed", "exclaiming"],
            Emotion,
            false,
        ),
        ("accuse", &["accuses", "accused", "accusing"], Emotion, true),
        ("warn", &["warns", "warned", "warning"], Warning, true),
        (
            "caution",
            &["cautions", "cautioned", "cautioning"],
            Warning,
            true,
        ),
        (
            "threaten",
            &["threatens", "threatened", "threatening"],
            Warning,
            false,
        ),
        ("urge", &["urges", "urged", "urging"], Advocacy, false),
        (
            "call on",
            &["calls on", "called on", "calling on"],
            Advocacy,
            false,
        ),
        (
            "call for",
            &["calls for", "called for", "calling for"],
            Advocacy,
            false,
        ),
        (
            "call upon",
            &["calls upon", "called upon", "calling upon"],
            Advocacy,
            false,
        ),
        (
            "advocate",
            &["advocates", "advocated", "advocating"],
            Advocacy,
            false,
        ),
        (
            "appeal",
            &["appeals", "appealed", "appealing"],
            Advocacy,
            false,
        ),
        (
            "demand",
            &["demands", "demanded", "demanding"],
            Advocacy,
            false,
        ),
        (
            "propose",
            &["proposes", "proposed", "proposing"],
            Advocacy,
            false,
        ),
        (
            "suggest",
            &["suggests", "suggested", "suggesting"],
            Advocacy,
            false,
        ),
        (
            "recommend",
            &["recommends", "recommended", "recommending"],
            Advocacy,
            false,
        ),
        (
            "encourage",
            &["encourages", "encouraged", "encouraging"],
            Advocacy,
            false,
        ),
        (
            "press for",
            &["presses for", "pressed for", "pressing for"],
            Advocacy,
            false,
        ),
        (
            "push for",
            &["pushes for", "pushed for", "pushing for"],
            Advocacy,
            false,
        ),
    ]
};

/// All speech verb forms, looked up by their first word.
pub fn speech_verbs() -> &'static PhraseTable<SpeechVerb> {
    static TABLE: OnceLock<PhraseTable<SpeechVerb>> = OnceLock::new();
    TABLE.get_or_init(|| {
        PhraseTable::new(
            SPEECH_VERBS
                .iter()
                .flat_map(|&(lemma, forms, connotation, addressee)| {
                    let verb = SpeechVerb {
                        lemma,
                        connotation,
                        addressee,
                    };
                    std::iter::once((lemma, verb)).chain(forms.iter().map(move |&f| (f, verb)))
                }),
        )
    })
}

/// Whether a speech verb form is a present participle ("saying", "calling on").
pub fn is_participle(form_first_word: &str) -> bool {
    form_first_word.ends_with("ing")
}

/// What a connotation means, for a cue's reason.
pub const fn connotation_reason(connotation: Connotation) -> &'static str {
    match connotation {
        Connotation::Neutral => "neutral attribution",
        Connotation::Insistence => "presents the words as insisted on",
        Connotation::Doubt => "casts doubt on the words",
        Connotation::Emotion => "presents the speaker as emotional",
        Connotation::Warning => "presents the words as a warning",
        Connotation::Advocacy => "presents the words as a call to act",
    }
}

// ----------------------------------------------------------------- noun phrase words

/// Nouns naming someone by function: they may head a speaker's noun phrase
/// ("Kremlin spokesman", "a NATO official", "the German chancellor").
pub const ROLE_NOUNS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokespeople",
    "official",
    "officials",
    "minister",
    "ministers",
    "ministry",
    "president",
    "chancellor",
    "government",
    "administration",
    "leader",
    "leaders",
    "secretary",
    "general",
    "prime",
    "foreign",
    "defence",
    "defense",
    "office",
    "source",
    "sources",
    "staffer",
    "staffers",
    "chiefs",
    "envoy",
    "ambassador",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "diplomat",
    "diplomats",
    "lawmakers",
    "lawmaker",
    "media",
    "newspaper",
    "paper",
    "report",
    "reports",
    "journalists",
    "journalist",
    "daily",
    "agency",
    "outlet",
    "publication",
    "broadcaster",
    "magazine",
    "website",
    "premier",
    "head",
    "chief",
    "director",
    "commander",
    "senator",
    "mp",
    "mps",
    "member",
    "members",
    "figurehead",
    "leader's",
    "people",
    "person",
    "insider",
    "insiders",
    "interlocutors",
    "interlocutor",
    "representative",
    "representatives",
    "us",
    "deputy",
    "state",
    "house",
    "palace",
    "authorities",
    "service",
    "press",
    "team",
    "camp",
    "party",
    "far-right",
    "far-left",
    "foreign-policy",
    "military",
    "army",
    "council",
    "commission",
    "parliament",
    "kremlin",
    "officer",
    "officers",
    "analyst",
    "analysts",
    "expert",
    "experts",
    "fellow",
    "researcher",
];

/// [`ROLE_NOUNS`] as a set.
pub static ROLE_NOUN_SET: WordSet = WordSet::new(ROLE_NOUNS);

/// Words that name an anonymous source when no person is named with them.
pub const ANONYMOUS_NOUNS: &[&str] = &[
    "official",
    "officials",
    "source",
    "sources",
    "insider",
    "insiders",
    "interlocutors",
    "interlocutor",
    "diplomat",
    "diplomats",
    "aide",
    "aides",
    "adviser",
    "advisers",
    "advisor",
    "advisors",
    "staffer",
    "staffers",
    "chiefs",
    "people",
    "person",
];

/// Words that mark a phrase as anonymous in any case ("unnamed", "on condition of
/// anonymity").
pub const ANONYMITY_MARKERS: &[&str] = &[
    "unnamed",
    "anonymous",
    "anonymity",
    "anonymously",
    "unidentified",
    "undisclosed",
];

/// Nouns for another outlet or its reporters ("US media reported", "the newspaper").
pub const OUTLET_NOUNS: &[&str] = &[
    "media",
    "newspaper",
    "paper",
    "report",
    "reports",
    "journalists",
    "journalist",
    "daily",
    "outlet",
    "outlets",
    "publication",
    "broadcaster",
    "magazine",
    "website",
    "agency",
    "press",
    "reporters",
    "reporter",
    "tabloid",
    "network",
    "channel",
];

/// Words skipped between a speaker and a verb ("Macron *has also* said",
/// "Blinken and Macron *reportedly* expressed").
pub const BETWEEN_SPEAKER_AND_VERB: &[&str] = &[
    "has",
    "have",
    "had",
    "also",
    "reportedly",
    "nevertheless",
    "then",
    "later",
    "initially",
    "repeatedly",
    "publicly",
    "again",
    "previously",
    "already",
    "once",
    "further",
    "would",
    "will",
    "did",
    "does",
    "do",
    "not",
    "never",
    "allegedly",
    "apparently",
    "reportedly",
    "recently",
    "earlier",
    "subsequently",
    "separately",
    "privately",
    "openly",
    "both",
    "himself",
    "herself",
    "themselves",
    "itself",
    "too",
    "still",
    "even",
    "just",
    "only",
    "explicitly",
    "firmly",
    "flatly",
    "clearly",
    "bluntly",
    "frankly",
    "simply",
    "however",
    "since",
    "first",
    "finally",
    "quickly",
    "immediately",
    "may",
    "might",
    "could",
    "can",
    "should",
    "must",
    "reportedly",
];

/// Common nouns and pronouns that name whom a speaker addressed ("told *allies*",
/// "assured *its partners*"), skipped before the reported clause.
pub const ADDRESSEES: &[&str] = &[
    "him",
    "her",
    "them",
    "us",
    "me",
    "you",
    "allies",
    "partners",
    "leaders",
    "reporters",
    "journalists",
    "lawmakers",
    "colleagues",
    "counterparts",
    "members",
    "governments",
    "nations",
    "countries",
    "parliament",
    "officials",
    "diplomats",
    "voters",
    "citizens",
    "audience",
    "crowd",
    "ministers",
    "western",
    "european",
    "fellow",
    "his",
    "its",
    "their",
    "the",
    "all",
    "other",
    "both",
];

/// [`BETWEEN_SPEAKER_AND_VERB`] as a set.
pub static BETWEEN_SET: WordSet = WordSet::new(BETWEEN_SPEAKER_AND_VERB);

/// Whether `word` after `prev` is part of a compound noun rather than a verb: "member
/// states", "United States", "news reports".
pub fn noun_compound(prev: &str, word: &str) -> bool {
    match word {
        "states" => matches!(
            prev,
            "member"
                | "united"
                | "baltic"
                | "nordic"
                | "allied"
                | "nuclear"
                | "arab"
                | "gulf"
                | "sovereign"
                | "neighbouring"
                | "neighboring"
                | "european"
                | "western"
                | "other"
                | "many"
                | "several"
                | "some"
                | "all"
                | "both"
                | "these"
                | "those"
                | "two"
        ),
        "reports" | "claims" | "comments" | "remarks" | "statements" | "posts" => {
            matches!(
                prev,
                "news" | "media" | "press" | "intelligence" | "unconfirmed" | "such"
            )
        }
        _ => false,
    }
}

/// Forms of "be": a verb form after them is passive ("was mentioned"), not an attribution.
pub const BE_FORMS: &[&str] = &[
    "is", "are", "was", "were", "be", "been", "being", "'s", "it's",
];

/// Words before a verb form that make it a noun ("the claims", "his warning").
pub const DETERMINERS: &[&str] = &[
    "the", "a", "an", "his", "her", "its", "their", "our", "my", "your", "this", "these", "those",
    "such", "any", "no", "every", "each", "some", "whose",
];

/// Lower-case particles inside a person's name ("Ursula von der Leyen").
/// Short titles written right before a name, with or without a dot ("Prof. Anthony
/// King", "Mr Macron"), folded.
pub const HONORIFICS: &[&str] = &["mr", "mrs", "ms", "dr", "prof", "professor", "sir", "dame"];

pub const NAME_PARTICLES: &[&str] = &[
    "von", "van", "der", "den", "de", "da", "di", "du", "la", "le", "bin", "ibn", "al", "el",
    "dos", "das", "del", "ter", "ten",
];

/// The names of the months and of the days of the week: capitalised, yet never a name of
/// someone (actors), and the words of a dated timestamp line (structure).
pub const MONTH_NAMES: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];
pub const WEEKDAY_NAMES: &[&str] = &[
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
];

/// People named by their relation to someone else, who therefore do not speak for them
/// ("Macron's critics", "Scholz's allies").
pub const OTHER_PEOPLE_NOUNS: &[&str] = &[
    "critics",
    "critic",
    "opponents",
    "opponent",
    "rivals",
    "rival",
    "detractors",
    "allies",
    "ally",
    "supporters",
    "partners",
    "counterparts",
    "counterpart",
    "colleagues",
    "adversaries",
    "enemies",
    "foes",
    "friends",
    "neighbours",
    "neighbors",
    "predecessor",
    "predecessors",
    "successor",
    "challengers",
    "challenger",
];

/// Personal pronouns that can stand for a speaker.
pub const SUBJECT_PRONOUNS: &[&str] = &["he", "she", "they", "it", "we", "i"];

/// Words for what someone said, whose owner is the speaker of the quotation after them
/// ("Fiala's message was clear: …").
pub const SPEECH_NOUNS: &[&str] = &[
    "words",
    "message",
    "response",
    "reply",
    "answer",
    "verdict",
    "warning",
    "comment",
    "comments",
    "statement",
    "reaction",
    "retort",
    "remarks",
    "view",
    "position",
    "argument",
    "appeal",
    "plea",
    "promise",
    "pledge",
    "conclusion",
    "advice",
    "suggestion",
    "claim",
    "assertion",
];

/// Verbs of naming, whose subject is the speaker of the quotation they name ("the
/// Kremlin called it \"dangerous\"").
pub const NAMING_VERBS: &[&str] = &[
    "called", "calls", "calling", "dubbed", "dubs", "branded", "brands", "labelled", "labeled",
    "labels", "termed", "terms", "deemed", "deems",
];

/// Personal pronouns after a preposition ("according to him").
pub const OBJECT_PRONOUNS: &[&str] = &["him", "her", "them"];

/// The last word of a definite description of one person by role ("the Kremlin
/// official", "the minister"), which looks back to a person already named.
pub const PERSON_ROLE_HEADS: &[&str] = &[
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "official",
    "minister",
    "president",
    "chancellor",
    "premier",
    "leader",
    "secretary",
    "envoy",
    "ambassador",
    "aide",
    "adviser",
    "advisor",
    "diplomat",
    "chief",
    "director",
    "commander",
    "senator",
    "lawmaker",
    "officer",
    "politician",
    "deputy",
    "representative",
    "analyst",
    "expert",
    "researcher",
    "chairman",
    "chairwoman",
    "head",
    "governor",
    "mayor",
    "candidate",
];

/// The last word of a writer's post printed under their name ("Europe digital editor",
/// "Political correspondent").
pub const NEWSROOM_ROLES: &[&str] = &[
    "editor",
    "correspondent",
    "reporter",
    "writer",
    "journalist",
    "columnist",
    "contributor",
    "producer",
];

/// Determiners that introduce someone not named ("a", "one", "another").
pub const INDEFINITE_DETERMINERS: &[&str] = &[
    "a", "an", "one", "another", "two", "three", "several", "some",
];

/// Relative pronouns that hand the subject back to the noun before them ("Le Pen who
/// accused him").
pub const RELATIVE_PRONOUNS: &[&str] = &["who", "which", "that", "whom"];

/// Openers of an introductory phrase before a sentence's subject ("In February, …",
/// "Despite …, …", "However, …").
pub const INTRO_OPENERS: &[&str] = &[
    "in",
    "on",
    "at",
    "after",
    "before",
    "following",
    "despite",
    "however",
    "but",
    "and",
    "yet",
    "meanwhile",
    "earlier",
    "later",
    "last",
    "this",
    "during",
    "while",
    "although",
    "though",
    "when",
    "as",
    "since",
    "for",
    "with",
    "without",
    "under",
    "amid",
    "by",
    "still",
    "instead",
    "nevertheless",
    "moreover",
    "also",
    "then",
    "so",
    "now",
    "today",
    "yesterday",
    "separately",
    "speaking",
    "asked",
    "according",
    "if",
    "unlike",
    "like",
    "in addition",
    "indeed",
    "overall",
    "thus",
    "therefore",
];

/// [`INTRO_OPENERS`] as a set.
pub static INTRO_SET: WordSet = WordSet::new(INTRO_OPENERS);

/// [`ADDRESSEES`] as a set.
pub static ADDRESSEE_SET: WordSet = WordSet::new(ADDRESSEES);

// ---------------------------------------------------------------------- framing cues

/// Why a cue phrase colours a statement: each gives a cue's one-line reason.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueEntry {
    pub kind: CueKind,
    pub reason: &'static str,
}

const HEDGE_UNCERTAIN: &str = "hedge: presents the statement as uncertain";
const HEDGE_MODAL: &str = "hedge: a modal verb presents this as possible, not certain";
const HEDGE_DISTANCE: &str = "hedge: the outlet keeps its distance from the claim";
const EVIDENTIAL_REPORT: &str = "evidential: rests on reports the outlet does not name";
const EVIDENTIAL_SOURCE: &str = "evidential: says where the information comes from";
const LOADED_MOOD: &str = "loaded: characterises a speaker's mood or manner";
const LOADED_IDIOM: &str = "loaded: a vivid idiom that dramatises the reaction";
const LOADED_LABEL: &str = "loaded: a label that positions a person or group";
const LOADED_JUDGEMENT: &str = "loaded: the outlet's own evaluation of the action";
const LOADED_INTENSITY: &str = "loaded: intensifies or dramatises the description";
const LOADED_ALIGNMENT: &str = "loaded: suggests partisan closeness or allegiance";
const ANONYMOUS: &str = "anonymous source: the person speaking is not named";

/// Hedges, evidentials, loaded words and anonymous-source phrases (folded).
/// Modal verbs are matched only in lower case, so "May" the month is never a hedge.
const CUE_PHRASES: &[(&str, CueKind, &str)] = {
    use CueKind::*;
    &[
        // Hedges: uncertainty and distance (Hyland 1998; Lakoff 1973).
        ("allegedly", Hedge, HEDGE_DISTANCE),
        ("alleged", Hedge, HEDGE_DISTANCE),
        ("reportedly", Hedge, HEDGE_DISTANCE),
        ("purportedly", Hedge, HEDGE_DISTANCE),
        ("supposedly", Hedge, HEDGE_DISTANCE),
        ("reputedly", Hedge, HEDGE_DISTANCE),
        ("ostensibly", Hedge, HEDGE_DISTANCE),
        ("so-called", Hedge, HEDGE_DISTANCE),
        ("apparently", Hedge, HEDGE_UNCERTAIN),
        ("possibly", Hedge, HEDGE_UNCERTAIN),
        ("perhaps", Hedge, HEDGE_UNCERTAIN),
        ("maybe", Hedge, HEDGE_UNCERTAIN),
        ("probably", Hedge, HEDGE_UNCERTAIN),
        ("presumably", Hedge, HEDGE_UNCERTAIN),
        ("seemingly", Hedge, HEDGE_UNCERTAIN),
        ("likely", Hedge, HEDGE_UNCERTAIN),
        ("unlikely", Hedge, HEDGE_UNCERTAIN),
        ("potential", Hedge, HEDGE_UNCERTAIN),
        ("potentially", Hedge, HEDGE_UNCERTAIN),
        ("might", Hedge, HEDGE_MODAL),
        ("could", Hedge, HEDGE_MODAL),
        ("may", Hedge, HEDGE_MODAL),
        ("is understood", Hedge, HEDGE_UNCERTAIN),
        ("it is understood", Hedge, HEDGE_UNCERTAIN),
        ("it is believed", Hedge, HEDGE_UNCERTAIN),
        ("is believed to", Hedge, HEDGE_UNCERTAIN),
        ("are believed to", Hedge, HEDGE_UNCERTAIN),
        ("is thought to", Hedge, HEDGE_UNCERTAIN),
        ("is said to", Hedge, HEDGE_DISTANCE),
        ("are said to", Hedge, HEDGE_DISTANCE),
        ("appears to", Hedge, HEDGE_UNCERTAIN),
        ("appear to", Hedge, HEDGE_UNCERTAIN),
        ("seems to", Hedge, HEDGE_UNCERTAIN),
        ("seem to", Hedge, HEDGE_UNCERTAIN),
        ("it is reported", Hedge, HEDGE_DISTANCE),
        // Evidentials: where the information is said to come from.
        ("according to", Evidential, EVIDENTIAL_SOURCE),
        ("as per", Evidential, EVIDENTIAL_SOURCE),
        ("citing", Evidential, EVIDENTIAL_SOURCE),
        ("with reference to", Evidential, EVIDENTIAL_SOURCE),
        ("it is reported", Evidential, EVIDENTIAL_REPORT),
        ("it was reported", Evidential, EVIDENTIAL_REPORT),
        ("reports say", Evidential, EVIDENTIAL_REPORT),
        ("reports suggest", Evidential, EVIDENTIAL_REPORT),
        ("reportedly", Evidential, EVIDENTIAL_REPORT),
        ("media reported", Evidential, EVIDENTIAL_REPORT),
        ("it emerged", Evidential, EVIDENTIAL_REPORT),
        // Loaded: mood and manner of speakers.
        ("tetchy", Loaded, LOADED_MOOD),
        ("testy", Loaded, LOADED_MOOD),
        ("furious", Loaded, LOADED_MOOD),
        ("fiery", Loaded, LOADED_MOOD),
        ("angry", Loaded, LOADED_MOOD),
        ("irate", Loaded, LOADED_MOOD),
        ("nervous", Loaded, LOADED_MOOD),
        ("uneasy", Loaded, LOADED_MOOD),
        ("defiant", Loaded, LOADED_MOOD),
        ("bristled", Loaded, LOADED_MOOD),
        ("snapped", Loaded, LOADED_MOOD),
        ("stunned", Loaded, LOADED_MOOD),
        ("taken aback", Loaded, LOADED_MOOD),
        ("rattled", Loaded, LOADED_MOOD),
        ("steadfast", Loaded, LOADED_MOOD),
        ("staunch", Loaded, LOADED_MOOD),
        ("adamant", Loaded, LOADED_MOOD),
        ("bombastic", Loaded, LOADED_MOOD),
        ("ostentatious", Loaded, LOADED_MOOD),
        ("grandstanding", Loaded, LOADED_MOOD),
        ("bluster", Loaded, LOADED_MOOD),
        ("circumspect", Loaded, LOADED_MOOD),
        ("lively", Loaded, LOADED_MOOD),
        // Loaded: idioms that dramatise a reaction.
        ("poured cold water", Loaded, LOADED_IDIOM),
        ("pour cold water", Loaded, LOADED_IDIOM),
        ("pours cold water", Loaded, LOADED_IDIOM),
        ("came under fire", Loaded, LOADED_IDIOM),
        ("come under fire", Loaded, LOADED_IDIOM),
        ("comes under fire", Loaded, LOADED_IDIOM),
        ("under fire", Loaded, LOADED_IDIOM),
        ("rushed to", Loaded, LOADED_IDIOM),
        ("rush to", Loaded, LOADED_IDIOM),
        ("painted a grim picture", Loaded, LOADED_IDIOM),
        ("paints a grim picture", Loaded, LOADED_IDIOM),
        ("sent shockwaves", Loaded, LOADED_IDIOM),
        ("sparked outrage", Loaded, LOADED_IDIOM),
        ("raised eyebrows", Loaded, LOADED_IDIOM),
        ("sabre-rattling", Loaded, LOADED_IDIOM),
        ("saber-rattling", Loaded, LOADED_IDIOM),
        ("war of words", Loaded, LOADED_IDIOM),
        ("backtracked", Loaded, LOADED_IDIOM),
        ("u-turn", Loaded, LOADED_IDIOM),
        ("broke a taboo", Loaded, LOADED_IDIOM),
        ("break a major taboo", Loaded, LOADED_IDIOM),
        ("taboo", Loaded, LOADED_IDIOM),
        // Loaded: labels.
        ("far-right", Loaded, LOADED_LABEL),
        ("far-left", Loaded, LOADED_LABEL),
        ("hardline", Loaded, LOADED_LABEL),
        ("hard-line", Loaded, LOADED_LABEL),
        ("hardliner", Loaded, LOADED_LABEL),
        ("figurehead", Loaded, LOADED_LABEL),
        ("firebrand", Loaded, LOADED_LABEL),
        ("strongman", Loaded, LOADED_LABEL),
        ("regime", Loaded, LOADED_LABEL),
        ("puppet", Loaded, LOADED_LABEL),
        ("warmonger", Loaded, LOADED_LABEL),
        ("warmongering", Loaded, LOADED_LABEL),
        ("war-mongering", Loaded, LOADED_LABEL),
        ("hawkish", Loaded, LOADED_LABEL),
        ("dovish", Loaded, LOADED_LABEL),
        ("populist", Loaded, LOADED_LABEL),
        ("propaganda", Loaded, LOADED_LABEL),
        ("radical", Loaded, LOADED_LABEL),
        ("extremist", Loaded, LOADED_LABEL),
        // Loaded: alignment.
        ("cosy with", Loaded, LOADED_ALIGNMENT),
        ("cozy with", Loaded, LOADED_ALIGNMENT),
        ("too cosy", Loaded, LOADED_ALIGNMENT),
        ("too cozy", Loaded, LOADED_ALIGNMENT),
        ("pro-kremlin", Loaded, LOADED_ALIGNMENT),
        ("pro-russian", Loaded, LOADED_ALIGNMENT),
        ("kremlin-friendly", Loaded, LOADED_ALIGNMENT),
        ("in the pocket of", Loaded, LOADED_ALIGNMENT),
        ("play into the kremlin's hands", Loaded, LOADED_ALIGNMENT),
        ("play into", Loaded, LOADED_ALIGNMENT),
        // Loaded: evaluation and intensity.
        ("crazy", Loaded, LOADED_JUDGEMENT),
        ("absurd", Loaded, LOADED_JUDGEMENT),
        ("reckless", Loaded, LOADED_JUDGEMENT),
        ("outrageous", Loaded, LOADED_JUDGEMENT),
        ("irresponsible", Loaded, LOADED_JUDGEMENT),
        ("provocative", Loaded, LOADED_JUDGEMENT),
        ("disastrous", Loaded, LOADED_JUDGEMENT),
        ("catastrophic", Loaded, LOADED_JUDGEMENT),
        ("humiliating", Loaded, LOADED_JUDGEMENT),
        ("humiliation", Loaded, LOADED_JUDGEMENT),
        ("fiasco", Loaded, LOADED_JUDGEMENT),
        ("debacle", Loaded, LOADED_JUDGEMENT),
        ("blunder", Loaded, LOADED_JUDGEMENT),
        ("gaffe", Loaded, LOADED_JUDGEMENT),
        ("bizarre", Loaded, LOADED_JUDGEMENT),
        ("controversial", Loaded, LOADED_JUDGEMENT),
        ("notorious", Loaded, LOADED_JUDGEMENT),
        ("infamous", Loaded, LOADED_JUDGEMENT),
        ("brazen", Loaded, LOADED_JUDGEMENT),
        ("grim", Loaded, LOADED_INTENSITY),
        ("bleak", Loaded, LOADED_INTENSITY),
        ("dire", Loaded, LOADED_INTENSITY),
        ("overwhelming", Loaded, LOADED_INTENSITY),
        ("unprecedented", Loaded, LOADED_INTENSITY),
        ("dramatic", Loaded, LOADED_INTENSITY),
        ("dramatically", Loaded, LOADED_INTENSITY),
        ("shocking", Loaded, LOADED_INTENSITY),
        ("stunning", Loaded, LOADED_INTENSITY),
        ("astonishing", Loaded, LOADED_INTENSITY),
        ("extraordinary", Loaded, LOADED_INTENSITY),
        ("explosive", Loaded, LOADED_INTENSITY),
        ("existential", Loaded, LOADED_INTENSITY),
        ("uproar", Loaded, LOADED_INTENSITY),
        ("outcry", Loaded, LOADED_INTENSITY),
        ("furore", Loaded, LOADED_INTENSITY),
        ("furor", Loaded, LOADED_INTENSITY),
        ("backlash", Loaded, LOADED_INTENSITY),
        ("spat", Loaded, LOADED_INTENSITY),
        ("feud", Loaded, LOADED_INTENSITY),
        ("snub", Loaded, LOADED_INTENSITY),
        ("snubbed", Loaded, LOADED_INTENSITY),
        // Anonymous sourcing.
        ("unnamed", AnonymousSource, ANONYMOUS),
        ("anonymous", AnonymousSource, ANONYMOUS),
        ("on condition of anonymity", AnonymousSource, ANONYMOUS),
        ("speaking anonymously", AnonymousSource, ANONYMOUS),
        ("spoke anonymously", AnonymousSource, ANONYMOUS),
        ("unidentified", AnonymousSource, ANONYMOUS),
        ("sources said", AnonymousSource, ANONYMOUS),
        ("sources say", AnonymousSource, ANONYMOUS),
        ("sources close to", AnonymousSource, ANONYMOUS),
        ("a source", AnonymousSource, ANONYMOUS),
        ("reference to sources", AnonymousSource, ANONYMOUS),
        ("according to sources", AnonymousSource, ANONYMOUS),
        ("people familiar with", AnonymousSource, ANONYMOUS),
        ("person familiar with", AnonymousSource, ANONYMOUS),
        ("interlocutors", AnonymousSource, ANONYMOUS),
        ("insiders", AnonymousSource, ANONYMOUS),
    ]
};

/// Words of [`CUE_PHRASES`] that count only when written in lower case (modal verbs).
pub const LOWER_CASE_ONLY: &[&str] = &["may", "might", "could"];

/// Tags that end a headline resting on others' reports ("… - Reports", "…: reports").
pub const HEADLINE_SOURCE_TAGS: &[&str] =
    &["- reports", "- report", ": reports", "- media", "- sources"];

/// The tag of [`HEADLINE_SOURCE_TAGS`] that ends the headline at `headline` of `text`, as
/// a span of `text`.
pub fn headline_source_tag(text: &str, headline: Span) -> Option<Span> {
    let line = headline.text(text).trim_end();
    let folded = crate::text::fold(line);
    let tail = HEADLINE_SOURCE_TAGS
        .iter()
        .find(|tail| folded.ends_with(**tail) && line.len() >= tail.len())?;
    let start = crate::text::floor_boundary(text, headline.start + line.len() - tail.len());
    Some(Span::new(start, headline.start + line.len()))
}

/// Cue phrases by first word: a phrase may carry several cues (reportedly is a hedge and
/// an evidential), in list order.
pub fn cue_phrases() -> &'static PhraseTable<&'static [(CueKind, &'static str)]> {
    static TABLE: OnceLock<PhraseTable<&'static [(CueKind, &'static str)]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut grouped: Vec<(&'static str, Vec<(CueKind, &'static str)>)> = Vec::new();
        for &(phrase, kind, reason) in CUE_PHRASES {
            match grouped.iter_mut().find(|(p, _)| *p == phrase) {
                Some((_, list)) => list.push((kind, reason)),
                None => grouped.push((phrase, vec![(kind, reason)])),
            }
        }
        PhraseTable::new(grouped.into_iter().map(|(phrase, list)| {
            let list: &'static [(CueKind, &'static str)] = Box::leak(list.into_boxed_slice());
            (phrase, list)
        }))
    })
}

// -------------------------------------------------------------------------- frames

/// Trigger words and phrases of each frame (folded). A sentence gets a frame when one of
/// its triggers occurs in it; the trigger is kept as the reason.
const FRAME_TRIGGERS: &[(Frame, &[&str])] = &[
    (
        Frame::Security,
        &[
            "troops",
            "troop",
            "soldiers",
            "soldier",
            "military",
            "forces",
            "weapons",
            "weapon",
            "ammunition",
            "munitions",
            "munition",
            "air defence",
            "air defense",
            "army",
            "armed forces",
            "deployment",
            "deploy",
            "deployed",
            "deploying",
            "battlefield",
            "ground troops",
            "combat",
            "defence",
            "defense",
            "missiles",
            "missile",
            "arms",
            "servicemen",
            "personnel",
            "invasion",
            "attack",
            "attacks",
            "attacked",
            "strike",
            "war",
            "fighting",
            "fight",
            "security",
        ],
    ),
    (
        Frame::Escalation,
        &[
            "escalation",
            "escalate",
            "escalating",
            "escalated",
            "escalatory",
            "direct conflict",
            "wider war",
            "world war",
            "nuclear",
            "belligerence",
            "belligerent",
            "co-belligerent",
            "confrontation",
            "inevitability",
            "inevitable",
            "declaration of war",
            "at war with",
            "provoke",
            "provocation",
            "provocative",
            "retaliation",
            "retaliate",
            "existential",
            "drag",
            "spiral",
            "tensions",
            "into the war",
            "into a war",
            "hostilities",
        ],
    ),
    (
        Frame::AllianceDivision,
        &[
            "division",
            "divide",
            "dividing",
            "divided",
            "disunity",
            "discord",
            "rift",
            "split",
            "taken aback",
            "at odds",
            "reservations",
            "rejected",
            "reject",
            "no consensus",
            "dismiss",
            "disagree",
            "disagreement",
            "disagreements",
            "do not coincide",
            "uneasy",
            "isolated",
            "differences",
            "opposition",
            "criticism",
            "condemned",
            "did not support",
            "sow discord",
            "cautioned against",
        ],
    ),
    (
        Frame::Deterrence,
        &[
            "deter",
            "deterrence",
            "deterrent",
            "strategic ambiguity",
            "ambiguity",
            "ruled out",
            "rule out",
            "ruling out",
            "on the table",
            "red lines",
            "red line",
            "guess",
            "guessing",
            "send a signal",
            "signal",
            "tougher stance",
            "no limits",
        ],
    ),
    (
        Frame::NonCombat,
        &[
            "training",
            "train",
            "trainers",
            "instructors",
            "advisers",
            "demining",
            "de-mining",
            "non-combat",
            "far from the front",
            "cyberattacks",
            "mine clearance",
            "no mandate to fight",
            "not on the front line",
        ],
    ),
    (
        Frame::Political,
        &[
            "parliament",
            "lawmakers",
            "election",
            "elections",
            "presidency",
            "far-right",
            "party",
            "legislative",
            "campaign",
            "domestic",
            "domestically",
            "voters",
            "opposition party",
            "senate",
            "congress",
            "legislators",
            "political",
            "politicians",
        ],
    ),
    (
        Frame::PublicOpinion,
        &[
            "public",
            "opinion",
            "poll",
            "polls",
            "survey",
            "citizens",
            "backlash",
            "outcry",
            "critics",
            "reaction",
            "reactions",
            "lively discussions",
            "drawn criticism",
            "make people think",
            "people",
        ],
    ),
    (
        Frame::Legality,
        &[
            "article 5",
            "treaty",
            "mandate",
            "legal",
            "illegal",
            "law",
            "international law",
            "collective defence",
            "collective defense",
            "obligation",
            "obligations",
            "legitimate",
            "sovereignty",
            "constitution",
            "legislative approval",
        ],
    ),
    (
        Frame::Morality,
        &[
            "values",
            "moral",
            "morally",
            "duty",
            "freedom",
            "democracy",
            "self-determination",
            "responsibility",
            "shame",
            "betray",
            "betrayal",
            "defiance",
            "whatever it takes",
            "must do more",
            "indispensable",
            "self-sufficiency",
            "justice",
        ],
    ),
    (
        Frame::Economic,
        &[
            "cost",
            "costs",
            "economy",
            "economic",
            "aid package",
            "aid",
            "funding",
            "budget",
            "billion",
            "production",
            "arms production",
            "sanctions",
            "industry",
            "financial",
            "spending",
            "money",
            "material",
        ],
    ),
    (
        Frame::Diplomacy,
        &[
            "talks",
            "summit",
            "conference",
            "meeting",
            "phone call",
            "phone conversation",
            "phone conversations",
            "conversation",
            "dialogue",
            "diplomatic",
            "diplomacy",
            "negotiations",
            "negotiating",
            "negotiate",
            "envoy",
            "visit",
            "met with",
            "allies",
            "ally",
            "alliance",
            "foreign minister",
            "secretary of state",
            "talked",
        ],
    ),
];

/// Frame triggers by first word; a phrase may trigger several frames.
pub fn frame_triggers() -> &'static PhraseTable<&'static [Frame]> {
    static TABLE: OnceLock<PhraseTable<&'static [Frame]>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut grouped: Vec<(&'static str, Vec<Frame>)> = Vec::new();
        for &(frame, triggers) in FRAME_TRIGGERS {
            for &trigger in triggers {
                match grouped.iter_mut().find(|(p, _)| *p == trigger) {
                    Some((_, list)) => list.push(frame),
                    None => grouped.push((trigger, vec![frame])),
                }
            }
        }
        PhraseTable::new(grouped.into_iter().map(|(phrase, list)| {
            let list: &'static [Frame] = Box::leak(list.into_boxed_slice());
            (phrase, list)
        }))
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_longest_phrase_wins_and_partial_phrases_do_not_match() {
        let table = PhraseTable::new([("under fire", 1), ("came under fire", 2), ("came", 3)]);
        let words = ["he", "came", "under", "fire"];
        assert_eq!(table.longest_at(&words, 1), Some((3, 2)));
        assert_eq!(table.longest_at(&words, 2), Some((2, 1)));
        assert_eq!(table.longest_at(&words, 0), None);
        assert_eq!(table.longest_at(&["came", "under"], 0), Some((1, 3)));
        assert_eq!(table.longest_at(&words, 9), None);
    }

    #[test]
    fn the_tail_of_a_key_reads_as_the_padded_copy_would() {
        let bytes = b"abcdefg";
        for n in 1..8 {
            let mut padded = [0u8; 8];
            padded[..n].copy_from_slice(&bytes[..n]);
            assert_eq!(tail_word(&bytes[..n]), u64::from_le_bytes(padded), "{n}");
        }
    }

    #[test]
    fn a_word_that_starts_no_phrase_is_not_found_and_one_that_does_is() {
        let table = speech_verbs();
        for word in ["the", "said", "s", "", "saïd", "president"] {
            let listed = table.by_first.contains_key(word);
            assert_eq!(table.longest_at(&[word], 0).is_some(), listed, "{word}");
        }
    }

    #[test]
    fn every_lexicon_entry_is_folded() {
        let folded = |s: &str| crate::text::fold(s) == s;
        for &(lemma, forms, _, _) in SPEECH_VERBS {
            assert!(folded(lemma) && forms.iter().all(|f| folded(f)), "{lemma}");
        }
        for &(phrase, _, _) in CUE_PHRASES {
            assert!(folded(phrase), "{phrase}");
        }
        for &(_, triggers) in FRAME_TRIGGERS {
            assert!(triggers.iter().all(|t| folded(t)));
        }
    }

    #[test]
    fn speech_verbs_carry_their_connotation() {
        let table = speech_verbs();
        for (form, connotation) in [
            ("said", Connotation::Neutral),
            ("claims", Connotation::Doubt),
            ("insisted", Connotation::Insistence),
            ("warned", Connotation::Warning),
            ("urged", Connotation::Advocacy),
            ("astonished", Connotation::Emotion),
        ] {
            let got = table.longest_at(&[form], 0).map(|(_, v)| v.connotation);
            assert_eq!(got, Some(connotation), "{form}");
        }
        let called_on = table.longest_at(&["called", "on", "europe"], 0);
        assert_eq!(called_on.map(|(n, v)| (n, v.lemma)), Some((2, "call on")));
    }
}
