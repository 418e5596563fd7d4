//! The analysis data model: plain, serialisable types shared by every stage, the app and
//! the `analyze` command.
//!
//! Findings never copy the article's text where a position will do: each carries a
//! [`Span`] into its article's text (byte offsets on char boundaries) so the viewer can
//! highlight it, and a short `reason` where a reader may ask "why was this marked?".
//! The field names of [`Analysis`], [`ArticleAnalysis`], [`ArticleActor`], [`Quote`],
//! [`Removed`], [`Claim`] and [`ClaimMember`] that the JSON export documents are stable.

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into one article's text, always on char boundaries.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize,
)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }
    pub const fn len(self) -> usize {
        self.end - self.start
    }
    pub const fn is_empty(self) -> bool {
        self.start >= self.end
    }
    /// Whether `other` lies entirely inside `self`.
    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
    /// The text this span covers; empty if the span does not fit `text` (never panics).
    pub fn text(self, text: &str) -> &str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

/// Index into [`Analysis::actors`].
pub type ActorId = usize;

/// What kind of body an actor is. Serialised as `person`, `government`, `organization`, `media`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ActorKind {
    Person,
    Government,
    Organization,
    Media,
}

impl ActorKind {
    pub const fn as_str(self) -> &'static str {
        match self {
            ActorKind::Person => "person",
            ActorKind::Government => "government",
            ActorKind::Organization => "organization",
            ActorKind::Media => "media",
        }
    }
}

/// One actor of the whole corpus: a gazetteer entry that some article mentions, or a
/// person or body discovered from its context.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    /// Canonical full name ("Emmanuel Macron", "NATO").
    pub name: String,
    pub kind: ActorKind,
    /// The role held at the time of the articles, as written in the gazetteer or in the
    /// discovering context ("President of France", "consultant research fellow at IISS").
    pub role: Option<String>,
    /// Country or body the actor belongs to ("France", "Russia").
    pub affiliation: Option<String>,
    /// Not in the gazetteer: found from context in some article.
    pub discovered: bool,
    /// The name as usually written, accents and all ("Stéphane Séjourné"), where it
    /// differs from `name`. `name` is its ASCII spelling ("Stephane Sejourne"), the one
    /// the exports and reference annotations use; the viewer shows this one. Written
    /// even when `None` (`null` in JSON), as every field of the model: the analysis
    /// prepared at build time is in a format that does not name fields (`prepared`).
    #[serde(default)]
    pub native_name: Option<String>,
}

impl Actor {
    /// The name to show a reader: the native spelling where there is one.
    pub fn display_name(&self) -> &str {
        self.native_name.as_deref().unwrap_or(&self.name)
    }
}

/// Result of [`crate::analyze`]: one entry per article, in corpus order, and what spans them.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub articles: Vec<ArticleAnalysis>,
    /// Every actor mentioned anywhere in the corpus; [`ActorId`]s index this list.
    pub actors: Vec<Actor>,
    /// Statements carried by several articles (or by one only), grouped.
    pub claims: Vec<Claim>,
    /// Messy input noticed on the way (never fatal).
    pub diagnostics: Vec<Diagnostic>,
}

/// Something odd in the input that the analysis worked around.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Diagnostic {
    /// Article id, if the diagnostic concerns one article.
    pub article: Option<String>,
    pub message: String,
}

/// Everything found in one article.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ArticleAnalysis {
    /// The file stem (`000_f56fb9289bcd3499`) or the id given to a reader's own article.
    pub id: String,
    pub outlet: Option<String>,
    /// `YYYY-MM-DD`, from the manifest or the article's header line.
    pub date: Option<String>,
    pub url: Option<String>,
    /// The article's own headline line; `None` where the text has none.
    pub headline: Option<String>,
    /// Page furniture and unrelated teasers set aside, with the reason.
    pub removed: Vec<Removed>,
    /// Actors of this article (removed text excluded), most mentioned first.
    pub actors: Vec<ArticleActor>,
    /// Words inside quotation marks, attributed where a speaker can be found.
    pub quotes: Vec<Quote>,

    pub headline_span: Option<Span>,
    /// The optional first line ` date YYYY-MM-DD URL`.
    pub header_span: Option<Span>,
    /// Headline, subheadings, paragraphs and list items, in text order (removed lines excluded).
    pub blocks: Vec<Block>,
    /// Sentences of all blocks, in text order.
    pub sentences: Vec<Sentence>,
    pub mentions: Vec<Mention>,
    /// Everything the article reports someone as saying: direct, partial, indirect, relayed.
    pub statements: Vec<Statement>,
    pub cues: Vec<Cue>,
    pub frames: Vec<FrameTag>,
    /// Words of the article's own text (removed text excluded).
    pub n_words: usize,
}

/// A line (or run of lines) set aside as not part of the article.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Removed {
    pub text: String,
    /// Why it was set aside, in a few words ("page furniture", "unrelated teaser").
    pub reason: String,
    pub span: Span,
}

/// One actor as it appears in one article.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ArticleActor {
    pub name: String,
    pub kind: ActorKind,
    /// Number of mentions (by name, alias, role or resolved pronoun).
    pub mentions: usize,
    pub discovered: bool,
    pub actor: ActorId,
    /// Quotations attributed to this actor in the article.
    pub n_quotes: usize,
    /// Words inside those quotations.
    pub n_quoted_words: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Headline,
    Subheading,
    Paragraph,
    /// A line of a bulleted list ("- …").
    ListItem,
}

/// A headline, subheading, paragraph or list item.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Block {
    pub kind: BlockKind,
    pub span: Span,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Sentence {
    pub span: Span,
    /// Index into [`ArticleAnalysis::blocks`].
    pub block_idx: usize,
}

/// How a mention was recognised.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MentionVia {
    /// The canonical name or one of the gazetteer's aliases.
    Name,
    /// A role resolved at the article's date ("the German chancellor").
    Role,
    /// A pronoun that attributes speech ("he added").
    Pronoun,
    /// A name found from its context, not in the gazetteer.
    Discovered,
}

/// One place where an article names (or refers to) an actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    pub actor: ActorId,
    pub span: Span,
    pub via: MentionVia,
    /// Index into [`ArticleAnalysis::sentences`].
    pub sentence_idx: usize,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum QuoteKind {
    /// A whole sentence or more of someone's words.
    Full,
    /// A few words quoted inside the outlet's own sentence.
    Partial,
    /// Quotation marks with no speaker: distancing or naming ("red lines").
    Scare,
}

/// Words inside quotation marks.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Quote {
    /// The words inside the marks, exactly as written.
    pub text: String,
    /// Canonical names of the speakers; empty for scare quotes.
    pub speakers: Vec<String>,
    /// The attribution verb as written ("said", "warned", "according to").
    pub verb: Option<String>,
    /// The words inside the marks.
    pub span: Span,
    pub speaker_ids: Vec<ActorId>,
    pub verb_span: Option<Span>,
    pub kind: QuoteKind,
    pub sentence_idx: usize,
}

/// How a statement reaches the reader.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StatementMode {
    /// The speaker's words in quotation marks.
    Direct,
    /// A few quoted words inside a paraphrase.
    Partial,
    /// Reported speech: "Macron said that …".
    Indirect,
    /// Reported through others: "Macron has assured allies …, US officials said".
    Relayed,
}

/// What the connotation of an attribution verb suggests about the statement.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Connotation {
    /// said, told, stated, added, noted
    Neutral,
    /// insisted, emphasized, stressed, assured
    Insistence,
    /// claimed, alleged
    Doubt,
    /// astonished, lashed out, slammed
    Emotion,
    /// warned, cautioned
    Warning,
    /// urged, called on, advocated
    Advocacy,
}

/// What a statement rests on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SourceKind {
    /// The speaker's own words on record.
    OnRecord,
    /// A named third party reports it.
    NamedThirdParty,
    /// Unnamed officials, "sources", a person speaking on condition of anonymity.
    Anonymous,
    /// Another outlet ("according to The Wall Street Journal", "US media reported").
    Outlet,
    /// No source given.
    Unsourced,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sourcing {
    pub kind: SourceKind,
    /// The named source, when it is an actor (a person, an outlet).
    pub actor: Option<ActorId>,
    /// The words that give the source ("citing unnamed US officials").
    pub span: Option<Span>,
}

/// Something an article reports an actor as saying.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Statement {
    pub speakers: Vec<ActorId>,
    pub verb: Option<String>,
    pub verb_span: Option<Span>,
    pub connotation: Connotation,
    /// What is said: the quoted words, or the reported clause.
    pub content: Span,
    pub mode: StatementMode,
    pub sourcing: Sourcing,
    pub sentence_idx: usize,
    /// Index into [`ArticleAnalysis::quotes`] for direct and partial statements.
    pub quote_idx: Option<usize>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CueKind {
    /// Distance or uncertainty: allegedly, might, could, reportedly.
    Hedge,
    /// The outlet signals where a claim comes from: "reportedly", "- Reports", "according to".
    Evidential,
    /// Evaluative or emotive wording: "tetchy", "poured cold water", "cosy with Moscow".
    Loaded,
    /// An attribution verb whose connotation is not neutral: claimed, warned, insisted.
    AttributionVerb,
    /// Anonymous sourcing: "unnamed US officials", "on condition of anonymity".
    AnonymousSource,
}

/// A framing cue: a word or phrase that colours how a statement reads.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cue {
    pub kind: CueKind,
    pub span: Span,
    /// One line a reader understands: "hedge: presents the claim as uncertain".
    pub reason: String,
    pub sentence_idx: usize,
}

/// Frame categories: a documented subset of the Media Frames Corpus dimensions plus the
/// story-level frames this coverage turns on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Frame {
    /// Security and defence: troops, weapons, military support.
    Security,
    /// Escalation risk: wider war, direct conflict, belligerence.
    Escalation,
    /// Alliance division: disunity, rifts, allies rejecting a plan.
    AllianceDivision,
    /// Deterrence and strategic ambiguity.
    Deterrence,
    /// Training, demining and other non-combat roles.
    NonCombat,
    /// Domestic and party politics, elections, parliament.
    Political,
    /// Public opinion and reactions.
    PublicOpinion,
    /// Legality: treaties, Article 5, mandates.
    Legality,
    /// Morality and values.
    Morality,
    /// Economic: costs, aid packages, production.
    Economic,
    /// Diplomacy: talks, summits, calls between leaders.
    Diplomacy,
}

impl Frame {
    pub const ALL: [Frame; 11] = [
        Frame::Security,
        Frame::Escalation,
        Frame::AllianceDivision,
        Frame::Deterrence,
        Frame::NonCombat,
        Frame::Political,
        Frame::PublicOpinion,
        Frame::Legality,
        Frame::Morality,
        Frame::Economic,
        Frame::Diplomacy,
    ];

    /// Short label for the viewer.
    pub const fn label(self) -> &'static str {
        match self {
            Frame::Security => "security & defence",
            Frame::Escalation => "escalation risk",
            Frame::AllianceDivision => "alliance division",
            Frame::Deterrence => "deterrence",
            Frame::NonCombat => "training / non-combat",
            Frame::Political => "domestic politics",
            Frame::PublicOpinion => "public opinion",
            Frame::Legality => "legality",
            Frame::Morality => "morality",
            Frame::Economic => "economic",
            Frame::Diplomacy => "diplomacy",
        }
    }
}

/// A frame assigned to one sentence (or the headline) because of a trigger phrase.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrameTag {
    pub sentence_idx: usize,
    pub frame: Frame,
    pub trigger: Span,
    pub reason: String,
}

/// One statement or fact, as carried by the articles that report it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// A short label built from the claim's most telling words and actors.
    pub label: String,
    pub members: Vec<ClaimMember>,
    /// Number of distinct articles that carry the claim.
    pub n_articles: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ClaimMember {
    /// Article id.
    pub article: String,
    /// The sentence's text.
    pub sentence: String,
    /// Index into [`Analysis::articles`].
    pub article_idx: usize,
    /// Index into that article's sentences.
    pub sentence_idx: usize,
    pub span: Span,
}
