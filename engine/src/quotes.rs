//! Quotations and statements: who is reported saying what, with which verb, on whose
//! authority.
//!
//! # Method
//! Quotation marks are found by [`crate::structure`] (every common style, capped at the
//! end of their paragraph). This module attributes each quotation and finds reported
//! speech, one sentence at a time, from three things only: the sentence's words (folded),
//! the actor mentions inside it (from [`crate::actors`]), and the speech verbs of
//! [`crate::lexicon`]. There is no parser; a few shallow patterns of news English do the
//! work, tried in this order for a quotation:
//!
//! 0. **Headline colon**: `'Nothing is excluded': Macron on troops` (the name right after
//!    the colon) and `Peskov: Macron remarks 'very dangerous'` (the name that is all
//!    there is before the colon).
//! 1. **After the quote**: `"…," he said.` / `"…," said Italian Foreign Minister X.` /
//!    `"…", according to X.` — the speaker is the noun phrase next to the verb.
//! 2. **According to**: `According to the minister, … "…"`, `In the words of X, … "…"`
//!    — the source it names wins.
//! 3. **Before the quote**: the nearest speech verb before it (`X said in a message: "…"`,
//!    `X said that, if …, "…"`, `X …, saying "…"`, `X who accused him of "…"`), whose
//!    subject is found by walking back over adverbs ("reportedly"), parentheticals
//!    (", who spoke on condition of anonymity,"), relative pronouns ("who") and, for a
//!    participle after a comma ("…, arguing"), the subject of the main clause (after a
//!    wire dateline such as `PARIS —` or `KYIV, Feb 27 (Reuters) -`).
//! 4. **Shared**: another quotation of the same sentence is attributed (`While there was
//!    "no consensus" …, "…," Macron added.`).
//! 5. **Subject**: the sentence's subject is an actor (`The White House sees it as a
//!    "crazy map"`).
//! 6. **Continued**: a paragraph's sentence that is only a quotation, right after a
//!    sentence whose quotation was attributed, goes on with that speaker (`"…," X told
//!    lawmakers. "These must …"`).
//! 7. **Across paragraphs**: a quotation left open at the end of its paragraph, with the
//!    next paragraph opening on a quotation mark, is one speech in two paragraphs (the
//!    press's convention): it takes the speaker that the next part gives.
//! 8. **Labelled**: in a layout of labelled paragraphs, a `Quote: "…"` under `Source:
//!    Macron at a press conference …` is the source's (the first person it names).
//!
//! Last of the patterns before the quotation: the owner of a word for speech before a
//! colon (`Fiala's message was clear: "…"`), or a person's possessive right before the
//! quotation (`Macron's 'strategic ambiguity'`).
//!
//! A quotation none of these attribute is a scare quote. Inside a speaker's noun phrase a
//! person wins over a body ("Kremlin spokesman Dmitry Peskov" is Peskov); a function noun
//! makes the body the speaker ("a NATO official" is NATO, sourced anonymously; "its
//! spokesman" is the body named last before it, "his spokesman" the person); "and"
//! joins speakers ("Blinken and Macron"). A pronoun with no resolved mention stands for
//! the last person quoted or named before it.
//!
//! Statements add reported speech to the quotations: every speech verb outside quotation
//! marks whose subject is an actor (`Macron said that …`, `…, warning that …`). A source
//! given after the clause (`…, US officials said`, `…, WSJ reported`, `as per the WSJ`)
//! or before it (`Interlocutors of journalists say that …`, `According to a US
//! official, …`) becomes the [`Sourcing`] of the statements inside its scope, which are
//! then [`StatementMode::Relayed`].
//!
//! Headlines speak in their own shorthand, title-cased: `X Says …`, `X Warns …` (a speech
//! verb is read there even capitalised), and `X: …` (a headline that opens with an actor
//! and a colon gives the actor's words after it, attributed by the colon). A tag that ends
//! the headline (`… - Reports`) is not part of what is said: it is the source the
//! headline's statements rest on, another outlet. Everything is linear in the text's
//! length.

use crate::actors::Registry;
use crate::lexicon::{self, SpeechVerb};
use crate::model::{
    Actor, ActorId, ActorKind, BlockKind, Connotation, Mention, Quote, QuoteKind, Sentence,
    SourceKind, Sourcing, Span, Statement, StatementMode,
};
use crate::order;
use crate::structure::Structure;
use crate::text;
use std::borrow::Cow;
use std::collections::HashMap;

/// What the quote and statement finders need to know of an actor: its name and kind.
pub trait ActorLookup {
    /// Canonical name and kind of `id`, if known.
    fn lookup(&self, id: ActorId) -> Option<(&str, ActorKind)>;

    /// Whether `id` is a person.
    fn is_person(&self, id: ActorId) -> bool {
        self.lookup(id).map(|x| x.1) == Some(ActorKind::Person)
    }
}

impl ActorLookup for Registry {
    fn lookup(&self, id: ActorId) -> Option<(&str, ActorKind)> {
        let actor = self.actor(id);
        Some((actor.name.as_str(), actor.kind))
    }
}

impl ActorLookup for [Actor] {
    fn lookup(&self, id: ActorId) -> Option<(&str, ActorKind)> {
        self.get(id).map(|a| (a.name.as_str(), a.kind))
    }
}

/// Every quotation of the article's own text, attributed where a speaker can be found.
pub fn find_quotes(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    registry: &Registry,
) -> Vec<Quote> {
    find_quotes_with(text, structure, mentions, registry)
}

/// [`find_quotes`] with any [`ActorLookup`] (tests use a plain list of actors).
pub fn find_quotes_with(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    actors: &(impl ActorLookup + ?Sized),
) -> Vec<Quote> {
    attribute_quotes(text, structure, mentions, actors)
        .into_iter()
        .map(|(q, _)| q)
        .collect()
}

/// Everything the article reports someone as saying: quotations and reported speech.
pub fn find_statements(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    quotes: &[Quote],
    registry: &Registry,
) -> Vec<Statement> {
    find_statements_with(text, structure, mentions, quotes, registry)
}

/// [`find_statements`] with any [`ActorLookup`].
pub fn find_statements_with(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    quotes: &[Quote],
    actors: &(impl ActorLookup + ?Sized),
) -> Vec<Statement> {
    let mut folded_buf = String::new();
    let words = ArticleWords::new(text, structure, &mut folded_buf);
    speech(text, structure, &words, mentions, Some(quotes), actors).1
}

/// [`find_quotes`] and [`find_statements`] in one pass over the sentences, as the
/// analysis needs both: each sentence is read once for its quotations and its reported
/// speech. Gives exactly what the two functions give.
pub fn find_quotes_and_statements(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    registry: &Registry,
) -> (Vec<Quote>, Vec<Statement>) {
    find_quotes_and_statements_with(text, structure, mentions, registry)
}

/// [`find_quotes_and_statements`] with any [`ActorLookup`].
pub fn find_quotes_and_statements_with(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    actors: &(impl ActorLookup + ?Sized),
) -> (Vec<Quote>, Vec<Statement>) {
    let mut folded_buf = String::new();
    let words = ArticleWords::new(text, structure, &mut folded_buf);
    find_quotes_and_statements_in(text, structure, &words, mentions, actors)
}

/// [`find_quotes_and_statements_with`] on the article's words read and folded once
/// already ([`ArticleWords`]): the analysis reads them once for quotations and cues.
pub(crate) fn find_quotes_and_statements_in(
    text: &str,
    structure: &Structure,
    words: &ArticleWords,
    mentions: &[Mention],
    actors: &(impl ActorLookup + ?Sized),
) -> (Vec<Quote>, Vec<Statement>) {
    let (attributed, statements) = speech(text, structure, words, mentions, None, actors);
    (attributed.into_iter().map(|(q, _)| q).collect(), statements)
}

/// Quotations and statements, sentence by sentence. A statement's `quote_idx` points into
/// `given` when given (the quotes a caller found before), else into the quotations found
/// here (the same list, as both come from the same attribution).
fn speech<L: ActorLookup + ?Sized>(
    text: &str,
    structure: &Structure,
    article: &ArticleWords,
    mentions: &[Mention],
    given: Option<&[Quote]>,
    actors: &L,
) -> (Vec<(Quote, Attribution)>, Vec<Statement>) {
    let sorted = sorted_mentions(mentions);
    let mut attributed: Vec<(Quote, Attribution)> = Vec::new();
    let mut statements = Vec::new();
    // Who was last quoted (for the quotations' pronouns) and who last spoke (for the
    // statements'), as the two stages each keep it.
    let mut last_quoted = LastSpeaker::default();
    let mut last_speaker = LastSpeaker::default();
    for (sentence_idx, sentence) in structure.sentences.iter().enumerate() {
        let view = View::new(
            text,
            sentence_idx,
            *sentence,
            article,
            structure,
            &sorted,
            actors,
        );
        let first_quote = attributed.len();
        attribute_sentence(
            &view,
            structure,
            sentence_idx,
            &mut last_quoted,
            &mut attributed,
        );
        let in_sentence: Vec<usize> = (first_quote..attributed.len()).collect();
        let given_idx = |q: &Quote| match given {
            Some(quotes) => index_by_span(quotes, q.span, |g| g.span),
            None => index_by_span(&attributed, q.span, |(g, _)| g.span),
        };
        sentence_statements(
            &view,
            sentence_idx,
            &attributed,
            &in_sentence,
            &given_idx,
            &mut last_speaker,
            &mut statements,
        );
    }
    // Their speech, now that the paragraph after gave its speaker, is a statement too:
    // merged in one pass into the statements, which come sentence by sentence.
    let continued = continue_across_paragraphs(text, structure, &mut attributed);
    if !continued.is_empty() {
        let mut added = continued.into_iter().map(|k| {
            let (quote, attribution) = &attributed[k];
            let quote_idx = match given {
                Some(quotes) => index_by_span(quotes, quote.span, |g| g.span),
                None => Some(k),
            };
            quote_statement(quote, attribution, quote_idx)
        });
        let mut next = added.next();
        let mut merged = Vec::with_capacity(statements.len() + 1);
        for statement in statements {
            while let Some(new) = next.take_if(|new| {
                (new.sentence_idx, new.content.start)
                    < (statement.sentence_idx, statement.content.start)
            }) {
                merged.push(new);
                next = added.next();
            }
            merged.push(statement);
        }
        merged.extend(next);
        merged.extend(added);
        statements = merged;
    }
    (attributed, statements)
}

// ----------------------------------------------------------------------------- views

/// One word of a sentence.
#[derive(Clone, Debug)]
struct Tok {
    span: Span,
    /// Index into the sorted mentions of the mention covering this word.
    mention: Option<usize>,
    /// Inside quotation marks.
    in_quote: bool,
    /// Starts with an upper-case letter or a digit.
    cap: bool,
}

/// A sentence as the attribution patterns see it.
struct View<'a, L: ActorLookup + ?Sized> {
    text: &'a str,
    span: Span,
    toks: Vec<Tok>,
    /// Folded words, parallel to `toks`.
    words: &'a [&'a str],
    /// The article's words, which the view's are part of.
    article: &'a ArticleWords<'a>,
    mentions: &'a [Mention],
    actors: &'a L,
    block_kind: Option<BlockKind>,
}

/// `word` folded, borrowed when folding changes nothing (most words).
fn folded(word: &str) -> Cow<'_, str> {
    if text::is_folded(word) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(text::fold(word))
    }
}

/// Every word of an article's sentences with its folded form (see [`folded`]), for the
/// stages that read the sentences word by word: each word is folded once, and the words
/// that folding changes go into one buffer rather than a string each.
pub(crate) struct ArticleWords<'a> {
    /// The words of every sentence ([`Structure::sentence_words`]), in text order.
    pub(crate) spans: Vec<Span>,
    /// Their folded forms, parallel to `spans`.
    pub(crate) folded: Vec<&'a str>,
    /// The range of `spans` each sentence has.
    sentences: Vec<(usize, usize)>,
}

impl<'a> ArticleWords<'a> {
    /// Reads and folds the words of `structure`'s sentences; `buf` keeps the folded forms
    /// that are not in `text` as they are.
    pub(crate) fn new(
        text: &'a str,
        structure: &Structure,
        buf: &'a mut String,
    ) -> ArticleWords<'a> {
        let n_sentences = structure.sentences.len();
        let n_words = (0..n_sentences)
            .map(|sentence_idx| structure.sentence_words(text, sentence_idx).len())
            .sum();
        let mut spans = Vec::with_capacity(n_words);
        let mut sentences = Vec::with_capacity(n_sentences);
        for sentence_idx in 0..n_sentences {
            let from = spans.len();
            spans.extend_from_slice(&structure.sentence_words(text, sentence_idx));
            sentences.push((from, spans.len()));
        }
        buf.clear();
        // Where in `buf` a word's folded form is, when folding changes the word. Most words
        // are ASCII, told apart (and lower-cased) in one pass over their bytes.
        let places: Vec<Option<(usize, usize)>> = spans
            .iter()
            .map(|w| {
                let word = w.text(text);
                let plain = text::is_plain_ascii_byte;
                if word.bytes().all(|b| plain(b) && !b.is_ascii_uppercase()) {
                    return None;
                }
                let start = buf.len();
                if word.bytes().all(plain) {
                    buf.push_str(word);
                    buf[start..].make_ascii_lowercase();
                } else if text::is_folded(word) {
                    return None;
                } else {
                    text::fold_into(buf, word);
                }
                Some((start, buf.len()))
            })
            .collect();
        let buf: &'a str = buf;
        let folded = spans
            .iter()
            .zip(places)
            .map(|(w, place)| match place {
                Some((from, to)) => buf.get(from..to).unwrap_or(""),
                None => w.text(text),
            })
            .collect();
        ArticleWords {
            spans,
            folded,
            sentences,
        }
    }

    /// The range of [`ArticleWords::spans`] that sentence `sentence_idx` has.
    pub(crate) fn range(&self, sentence_idx: usize) -> std::ops::Range<usize> {
        let (from, to) = self.sentences.get(sentence_idx).copied().unwrap_or((0, 0));
        from..to
    }
}

/// Mentions sorted by start (the stage above may give them in any order).
fn sorted_mentions(mentions: &[Mention]) -> Vec<Mention> {
    let mut sorted = mentions.to_vec();
    order::sort_by_key(&mut sorted, |m| {
        (m.span.start, std::cmp::Reverse(m.span.end))
    });
    sorted
}

impl<'a, L: ActorLookup + ?Sized> View<'a, L> {
    fn new(
        text: &'a str,
        sentence_idx: usize,
        sentence: Sentence,
        article: &'a ArticleWords<'a>,
        structure: &Structure,
        mentions: &'a [Mention],
        actors: &'a L,
    ) -> View<'a, L> {
        let span = sentence.span;
        let range = article.range(sentence_idx);
        let sentence_words = &article.spans[range.clone()];
        let block_kind = structure.blocks.get(sentence.block_idx).map(|b| b.kind);
        let quotations: Vec<Span> = quotations_in(structure, span).map(|q| q.span).collect();
        let first_mention = mentions.partition_point(|m| m.span.end <= span.start);
        let mut toks = Vec::with_capacity(sentence_words.len());
        let mut mention_k = first_mention;
        // A word is quoted when a quotation opening at or before it closes at or after it:
        // sweep the quotations (in text order) keeping the furthest close seen.
        let (mut quotation_k, mut quoted_to) = (0, None);
        for &word_span in sentence_words {
            while let Some(q) = quotations
                .get(quotation_k)
                .filter(|q| q.start <= word_span.start)
            {
                quoted_to = quoted_to.max(Some(q.end));
                quotation_k += 1;
            }
            while mention_k < mentions.len() && mentions[mention_k].span.end <= word_span.start {
                mention_k += 1;
            }
            // Mentions may nest; look at the few that start before this word ends.
            let mention = (mention_k..mentions.len())
                .take_while(|&k| mentions[k].span.start < word_span.end)
                .find(|&k| mentions[k].span.overlaps(word_span));
            let word = word_span.text(text);
            toks.push(Tok {
                span: word_span,
                mention,
                in_quote: quoted_to.is_some_and(|end| end >= word_span.end),
                cap: word
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()),
            });
        }
        View {
            text,
            span,
            toks,
            words: &article.folded[range],
            article,
            mentions,
            actors,
            block_kind,
        }
    }

    /// Whether the sentence is a headline or subheading, written in title case.
    fn title_case(&self) -> bool {
        matches!(
            self.block_kind,
            Some(BlockKind::Headline | BlockKind::Subheading)
        )
    }

    /// The tag that ends a headline resting on others' reports ("… - Reports").
    fn source_tag(&self) -> Option<Span> {
        (self.block_kind == Some(BlockKind::Headline))
            .then(|| lexicon::headline_source_tag(self.text, self.span))
            .flatten()
    }

    fn word(&self, k: usize) -> &str {
        self.words.get(k).copied().unwrap_or("")
    }

    /// The text between word `k - 1` (or the sentence start) and word `k`.
    fn gap_before(&self, k: usize) -> &'a str {
        let from = if k == 0 {
            self.span.start
        } else {
            self.toks[k - 1].span.end
        };
        let to = self.toks.get(k).map_or(self.span.end, |t| t.span.start);
        self.text.get(from..to).unwrap_or("")
    }

    /// Whether clause punctuation (anything but spaces and quotation marks) separates word
    /// `k - 1` from word `k`.
    fn punct_before(&self, k: usize) -> bool {
        self.gap_before(k)
            .chars()
            .any(|c| !c.is_whitespace() && !text::is_quotation_mark(c))
    }

    /// Whether word `k` follows an honorific and its dot ("Prof. Anthony King").
    /// Whether word `k` follows an honorific or a middle initial and its full stop ("Mr.
    /// Scholz", "Dmitri S. Peskov"): the stop does not end the noun phrase.
    fn after_honorific(&self, k: usize) -> bool {
        let initial = |w: &str| w.len() == 1 && w.bytes().all(|b| b.is_ascii_uppercase());
        k > 0
            && self.gap_before(k) == ". "
            && (lexicon::HONORIFICS.contains(&self.word(k - 1))
                || (initial(self.toks[k - 1].span.text(self.text)) && self.toks[k].cap))
    }

    /// Whether the gap before word `k` holds nothing but spaces and round brackets.
    fn only_brackets_before(&self, k: usize) -> bool {
        self.gap_before(k)
            .chars()
            .all(|c| c.is_whitespace() || c == '(' || c == ')')
    }

    fn comma_before(&self, k: usize) -> bool {
        let gap = self.gap_before(k);
        // One pass over the (short) gap for all four marks.
        gap.contains([',', ';', '—', '–'])
    }

    /// The speech verb at word `k`, if it is one used as a verb here.
    fn verb_at(&self, k: usize) -> Option<(usize, SpeechVerb)> {
        let tok = self.toks.get(k)?;
        // Running text capitalises a verb only at the start; a title capitalises them all.
        if tok.in_quote || tok.mention.is_some() || (tok.cap && k > 0 && !self.title_case()) {
            return None;
        }
        let (n, verb) = lexicon::speech_verbs().longest_at(self.words, k)?;
        if self.toks[k..k + n].iter().any(|t| t.in_quote) {
            return None;
        }
        let prev = if k > 0 && !self.punct_before(k) {
            self.word(k - 1)
        } else {
            ""
        };
        let noun_or_passive = lexicon::DETERMINERS.contains(&prev)
            || lexicon::BE_FORMS.contains(&prev)
            || (prev == "to" && self.caused_speaker(k).is_none())
            || (prev.ends_with("'s") && !lexicon::BE_FORMS.contains(&prev));
        if noun_or_passive || lexicon::noun_compound(prev, self.word(k)) {
            return None;
        }
        // A bare base form ("say", "report") is a verb only after a subject or auxiliary.
        if self.word(k) == verb.lemma.split(' ').next().unwrap_or("") && verb.lemma != "cite" {
            let subject_like = lexicon::SUBJECT_PRONOUNS.contains(&prev)
                || matches!(prev, "will" | "would" | "could" | "can" | "may" | "might")
                || matches!(
                    prev,
                    "should" | "must" | "did" | "do" | "does" | "not" | "never"
                )
                || (prev.ends_with('s') && !prev.ends_with("'s"))
                || (k > 0 && self.toks[k - 1].mention.is_some());
            if !subject_like && self.caused_speaker(k).is_none() {
                return None;
            }
        }
        // "as he put it," and "put it bluntly:" are about words; "put it on the agenda" is not.
        if verb.lemma == "put it" {
            let after = if self.word(k + n).ends_with("ly") {
                k + n + 1
            } else {
                k + n
            };
            let gap = self.gap_before(after);
            if after < self.toks.len() && !gap.contains([',', ':', ';', '—', '–']) {
                return None;
            }
            // The manner is part of the verb: "put it bluntly".
            return Some((after - k, verb));
        }
        Some((n, verb))
    }

    /// Every speech verb of the sentence outside quotation marks.
    fn verbs(&self) -> Vec<VerbHit> {
        let mut out = Vec::new();
        let mut k = 0;
        while k < self.toks.len() {
            if let Some((n, verb)) = self.verb_at(k) {
                out.push(VerbHit { k, n, verb });
                k += n;
            } else {
                k += 1;
            }
        }
        out
    }

    /// Every "according to", "as per" and "in the words of" outside quotation marks: the
    /// index of its first word and its number of words.
    fn according_tos(&self) -> Vec<(usize, usize)> {
        (0..self.toks.len())
            .filter(|&k| !self.toks[k].in_quote)
            .filter_map(|k| {
                let (a, b) = (self.word(k), self.word(k + 1));
                if (a == "according" && b == "to") || (a == "as" && b == "per") {
                    Some((k, 2))
                } else {
                    (a == "in"
                        && b == "the"
                        && self.word(k + 2) == "words"
                        && self.word(k + 3) == "of")
                        .then_some((k, 4))
                }
            })
            .collect()
    }

    /// The verb as written, with the medium for verbs of writing ("wrote on X").
    fn verb_span(&self, k: usize, n: usize, verb: SpeechVerb) -> Span {
        let medium = matches!(verb.lemma, "write" | "post" | "tweet")
            && self.word(k + n) == "on"
            && self
                .toks
                .get(k + n + 1)
                .is_some_and(|t| t.cap && !t.in_quote)
            && !self.punct_before(k + n)
            && !self.punct_before(k + n + 1);
        self.span_of(k, if medium { k + n + 2 } else { k + n })
    }

    /// Whether the words from `k` on close a clause: the sentence or a comma ends it before
    /// anything but a short time or place adjunct ("reported on Wednesday, citing …").
    fn ends_clause(&self, k: usize) -> bool {
        let mut j = k;
        loop {
            if j >= self.toks.len() || self.punct_before(j) && j > k {
                return true;
            }
            if j == k && self.punct_before(j) {
                return true;
            }
            let w = self.word(j);
            let adjunct = matches!(w, "on" | "in" | "at" | "late" | "earlier" | "later")
                || matches!(w, "yesterday" | "today" | "last" | "this" | "week" | "on")
                || self.toks[j].cap
                || w.chars().all(|c| c.is_ascii_digit());
            if !adjunct || w == "that" || j - k > 6 {
                return false;
            }
            j += 1;
        }
    }

    fn span_of(&self, from: usize, to: usize) -> Span {
        match (
            self.toks.get(from),
            to.checked_sub(1).and_then(|t| self.toks.get(t)),
        ) {
            (Some(a), Some(b)) if from < to => Span::new(a.span.start, b.span.end),
            _ => Span::new(self.span.start, self.span.start),
        }
    }

    // -------------------------------------------------------------- noun phrases

    /// Whether word `k` may belong to a speaker's noun phrase.
    fn np_word(&self, k: usize) -> bool {
        let Some(tok) = self.toks.get(k) else {
            return false;
        };
        if tok.in_quote {
            return false;
        }
        let w = self.word(k);
        tok.mention.is_some()
            || (tok.cap && !lexicon::SUBJECT_PRONOUNS.contains(&w))
            || lexicon::ROLE_NOUN_SET.contains(w)
            || lexicon::ANONYMITY_MARKERS.contains(&w)
            || matches!(
                w,
                "the" | "a" | "an" | "one" | "two" | "three" | "several" | "some"
            )
            || matches!(
                w,
                "senior"
                    | "top"
                    | "former"
                    | "western"
                    | "european"
                    | "presidential"
                    | "its"
                    | "his"
            )
            || matches!(w, "and" | "of" | "her" | "their" | "many" | "other")
            // "a spokesman for Olaf Scholz"
            || (w == "for" && k > 0 && lexicon::PERSON_ROLE_HEADS.contains(&self.word(k - 1)))
            // "an adviser to the president", "an aide to Olaf Scholz"
            || (w == "to"
                && k > 0
                && matches!(self.word(k - 1), "adviser" | "advisor" | "aide" | "envoy"))
    }

    /// The noun phrase ending just before word `end`: `(start, end)` of its words.
    fn np_back(&self, end: usize) -> Option<(usize, usize)> {
        if end == 0 {
            return None;
        }
        let last = end - 1;
        if lexicon::SUBJECT_PRONOUNS.contains(&self.word(last)) {
            return Some((last, end));
        }
        let mut start = end;
        while start > 0 && end - start < MAX_NP_WORDS && self.np_word(start - 1) {
            if start < end && self.punct_before(start) {
                break;
            }
            start -= 1;
        }
        while start < end && matches!(self.word(start), "and" | "of") {
            start += 1;
        }
        (start < end).then_some((start, end))
    }

    /// The noun phrase starting at word `start`.
    fn np_forward(&self, start: usize) -> Option<(usize, usize)> {
        // "her" is a pronoun only where no noun follows it ("according to her," but not
        // "her spokesman").
        let word = self.word(start);
        let pronoun = lexicon::SUBJECT_PRONOUNS.contains(&word)
            || (lexicon::OBJECT_PRONOUNS.contains(&word)
                && (word != "her"
                    || start + 1 >= self.toks.len()
                    || self.punct_before(start + 1)
                    || !self.np_word(start + 1)));
        if pronoun && !self.toks[start].in_quote {
            return Some((start, start + 1));
        }
        let mut end = start;
        while end < self.toks.len()
            && end - start < MAX_NP_WORDS
            && self.np_word(end)
            && (end == start || !self.punct_before(end) || self.after_honorific(end))
        {
            end += 1;
        }
        while end > start && matches!(self.word(end - 1), "and" | "of" | "the" | "a") {
            end -= 1;
        }
        (end > start).then_some((start, end))
    }

    /// The noun phrase after "according to" at word `start`: past a document's name, the
    /// one it comes from ("according to a statement from the Russian Foreign Ministry",
    /// "according to a readout issued by the White House").
    fn source_np(&self, start: usize) -> Option<(usize, usize)> {
        let mut k = start;
        if matches!(
            self.word(k),
            "a" | "an" | "the" | "its" | "his" | "her" | "their"
        ) {
            k += 1;
        }
        // "a joint statement", "a written statement".
        if !DOCUMENT_NOUNS.contains(&self.word(k)) && DOCUMENT_NOUNS.contains(&self.word(k + 1)) {
            k += 1;
        }
        if DOCUMENT_NOUNS.contains(&self.word(k)) && !self.toks.get(k).is_some_and(|t| t.cap) {
            let by = match (self.word(k + 1), self.word(k + 2)) {
                ("from" | "by" | "of", _) => Some(k + 2),
                ("issued" | "released" | "published" | "posted", "by") => Some(k + 3),
                _ => None,
            };
            if let Some(np) = by.and_then(|j| self.np_forward(j)) {
                return Some(np);
            }
        }
        self.np_forward(start)
    }

    /// The speakers a noun phrase names: per "and"-joined part, the person in it, else its
    /// first actor.
    fn np_actors(&self, (start, end): (usize, usize)) -> Vec<ActorId> {
        let mut out: Vec<ActorId> = Vec::new();
        // Each mention of the part, with whether it is a possessive ("Scholz's").
        let mut part: Vec<(usize, bool)> = Vec::new();
        let flush = |part: &mut Vec<(usize, bool)>, out: &mut Vec<ActorId>| {
            let is_person = |entry: &&(usize, bool)| {
                self.mentions
                    .get(entry.0)
                    .is_some_and(|m| self.actors.is_person(m.actor))
            };
            let mut persons = part.iter().filter(is_person);
            // "Scholz's spokesman Steffen Hebestreit": the person after a possessive one.
            let pick = match persons.next() {
                Some(&(_, true)) => persons.last().or(part.iter().find(is_person)),
                first => first,
            }
            .or(part.first());
            if let Some(actor) = pick
                .and_then(|&(m, _)| self.mentions.get(m))
                .map(|m| m.actor)
                && !out.contains(&actor)
            {
                out.push(actor);
            }
            part.clear();
        };
        for k in start..end {
            if self.word(k) == "and" {
                flush(&mut part, &mut out);
            } else if let Some(m) = self.toks[k].mention
                && !self.possessive_of_other(m, k, end)
            {
                let possessive = self.word(k).ends_with("'s");
                match part.iter_mut().find(|(seen, _)| *seen == m) {
                    // A mention of several words is possessive if its last word is.
                    Some(entry) => entry.1 = possessive,
                    None => part.push((m, possessive)),
                }
            }
        }
        flush(&mut part, &mut out);
        out
    }

    /// `"…," Zhao said`: a noun phrase of one capitalised word that no mention covers, and
    /// that is a word of the name of a person the article named before (a family name
    /// written first, "Zhao Lingyun", which the actor stage does not shorten): the last
    /// such person.
    fn named_by_one_word(&self, (start, end): (usize, usize)) -> Option<ActorId> {
        if end != start + 1 || !self.toks[start].cap || self.toks[start].mention.is_some() {
            return None;
        }
        let word = self.toks[start].span.text(self.text);
        if lexicon::SUBJECT_PRONOUNS.contains(&self.word(start)) || word.len() < 2 {
            return None;
        }
        self.mentions_before(self.toks[start].span.start)
            .iter()
            .rev()
            .find(|m| {
                self.actors.lookup(m.actor).is_some_and(|(name, kind)| {
                    kind == ActorKind::Person && name.split(' ').any(|w| w == word)
                })
            })
            .map(|m| m.actor)
    }

    /// The actor of the nearest mention before byte `at`, within the pronouns' reach, that
    /// `fits`.
    fn nearest_before(&self, at: usize, fits: impl Fn(ActorId) -> bool) -> Option<ActorId> {
        self.mentions_before(at)
            .iter()
            .rev()
            .take_while(|m| at - m.span.start < PRONOUN_REACH)
            .find(|m| fits(m.actor))
            .map(|m| m.actor)
    }

    /// The article's mentions that start before byte `at`, in text order.
    fn mentions_before(&self, at: usize) -> &'a [Mention] {
        &self.mentions[..self.mentions.partition_point(|m| m.span.start < at)]
    }

    /// Whether mention `m`, met at word `k` of a noun phrase ending before `end`, is a
    /// possessive before other people: "Macron's critics" are not Macron (while "Macron's
    /// spokesman" and "Macron's office" speak for him).
    fn possessive_of_other(&self, m: usize, k: usize, end: usize) -> bool {
        let last = (k..end)
            .take_while(|&j| self.toks[j].mention == Some(m))
            .last()
            .unwrap_or(k);
        last + 1 < end
            && self.word(last).ends_with("'s")
            && lexicon::OTHER_PEOPLE_NOUNS.contains(&self.word(last + 1))
    }

    /// "Its spokesman", "their envoy", "his spokeswoman": a possessive pronoun before a
    /// role noun speaks for the body ("its", "their") or the person ("his", "her") named
    /// last before it, within the pronouns' reach.
    fn possessor(&self, (start, end): (usize, usize)) -> Option<ActorId> {
        let body = match self.word(start) {
            "its" | "their" => true,
            "his" | "her" => false,
            _ => return None,
        };
        if end != start + 2 || !lexicon::ROLE_NOUN_SET.contains(self.word(start + 1)) {
            return None;
        }
        self.nearest_before(self.toks[start].span.start, |a| {
            self.actors.is_person(a) != body
        })
    }

    /// `Fiala's message was clear: "…"`, `Macron's words: "…"`: the owner of a word for
    /// speech, before the colon that opens the quotation `q`.
    fn speech_owner(&self, q: Span) -> Option<Speaker> {
        let before = self.text.get(self.span.start..q.start)?;
        // (Or a dash: "His original words – «…»".)
        if !before.trim_end().ends_with([':', '–', '—']) {
            return None;
        }
        let n_before = self.toks.partition_point(|t| t.span.end <= q.start);
        let noun = (n_before.saturating_sub(MAX_WORDS_AFTER_SPEECH_NOUN + 1)..n_before)
            .rev()
            .find(|&k| k > 0 && lexicon::SPEECH_NOUNS.contains(&self.word(k)))?;
        self.owner_of_noun(noun)
    }

    /// Whose words the speech noun at word `noun` are: a possessive before it, a few
    /// modifiers between at most ("Macron's statement", "his February statement", "His
    /// original words"); "his" and "her" stand for the nearest person named before.
    fn owner_of_noun(&self, noun: usize) -> Option<Speaker> {
        let owner = (noun.saturating_sub(MAX_NOUN_MODIFIERS + 1)..noun)
            .rev()
            .take_while(|&k| k + 1 == noun || !self.punct_before(k + 1))
            .find(|&k| {
                let word = self.word(k);
                word.ends_with("'s") || word.ends_with("s'") || matches!(word, "his" | "her")
            })?;
        let actor = match self.word(owner) {
            // The sentence's first person, its subject ("He did not name any country, but
            // … leaders distanced themselves from his February 26 statement"), else the
            // nearest person named before.
            "his" | "her" => {
                let at = self.toks[owner].span.start;
                let person = |a: ActorId| self.actors.is_person(a);
                self.mentions_before(at)
                    .iter()
                    .find(|m| m.span.start >= self.span.start && person(m.actor))
                    .map(|m| m.actor)
                    .or_else(|| self.nearest_before(at, person))?
            }
            _ => self.mentions.get(self.toks[owner].mention?)?.actor,
        };
        Some(Speaker {
            actors: vec![actor],
            np: self.span_of(owner, noun + 1),
            np_words: (owner, noun + 1),
            ..Speaker::default()
        })
    }

    /// `Peskov commented on Macron's statement that … could not be "ruled out"`: the owner
    /// of a word for speech opening a that-clause, after word `from` and before the
    /// quotation `q`, said the quoted words.
    fn speech_owner_of_clause(&self, from: usize, q: Span) -> Option<Speaker> {
        let n_before = self.toks.partition_point(|t| t.span.end <= q.start);
        let that = (from.max(2)..n_before).rev().find(|&k| {
            self.word(k) == "that" && lexicon::SPEECH_NOUNS.contains(&self.word(k - 1))
        })?;
        self.owner_of_noun(that - 1)
    }

    /// `Macron's 'strategic ambiguity'`: a person's possessive right before the quotation
    /// makes the quoted words theirs.
    fn possessor_right_before(&self, q: Span) -> Option<Speaker> {
        let n_before = self.toks.partition_point(|t| t.span.end <= q.start);
        let owner = n_before.checked_sub(1)?;
        let gap = self.text.get(self.toks[owner].span.end..q.start)?;
        if !gap
            .chars()
            .all(|c| c.is_whitespace() || text::is_quotation_mark(c))
        {
            return None;
        }
        let word = self.word(owner);
        if !(word.ends_with("'s") || word.ends_with("s'")) {
            return None;
        }
        let mention = self.mentions.get(self.toks[owner].mention?)?;
        self.actors.is_person(mention.actor).then(|| Speaker {
            actors: vec![mention.actor],
            np: self.span_of(owner, owner + 1),
            np_words: (owner, owner + 1),
            ..Speaker::default()
        })
    }

    /// Reads a noun phrase as a speaker or source.
    fn speaker_np(&self, np: (usize, usize)) -> Speaker {
        let mut actors = self.np_actors(np);
        if actors.is_empty() {
            actors.extend(self.possessor(np));
        }
        if actors.is_empty() {
            actors.extend(self.named_by_one_word(np));
        }
        let words = &self.words[np.0..np.1];
        let has = |list: &[&str]| words.iter().any(|w| list.contains(w));
        let kinds: Vec<ActorKind> = actors
            .iter()
            .filter_map(|&a| self.actors.lookup(a).map(|x| x.1))
            .collect();
        let has_person = kinds.contains(&ActorKind::Person);
        let media = actors
            .iter()
            .zip(&kinds)
            .find(|(_, k)| **k == ActorKind::Media)
            .map(|(&a, _)| a);
        let anonymous = has(lexicon::ANONYMITY_MARKERS)
            || (!has_person && has(lexicon::ANONYMOUS_NOUNS) && media.is_none());
        let outlet = !anonymous && !has_person && (media.is_some() || has(lexicon::OUTLET_NOUNS));
        let pronoun = np.1 == np.0 + 1
            && actors.is_empty()
            && (lexicon::SUBJECT_PRONOUNS.contains(&self.word(np.0))
                || lexicon::OBJECT_PRONOUNS.contains(&self.word(np.0)));
        // "the Kremlin official", "the minister": a definite description of a person named
        // before stands for that person, as a pronoun would.
        if !has_person && !pronoun && self.is_definite_anaphor(np) {
            return Speaker {
                actors: Vec::new(),
                np: self.span_of(np.0, np.1),
                np_words: np,
                pronoun: true,
                ..Speaker::default()
            };
        }
        Speaker {
            actors,
            np: self.span_of(np.0, np.1),
            np_words: np,
            anonymous,
            outlet,
            media,
            pronoun,
            verb_span: None,
        }
    }

    /// Whether `np` is "the" + a person's role ("the Kremlin official", "the minister",
    /// "the French diplomat"), not anonymous, that looks back to a person named within the
    /// pronouns' reach — and not to someone left unnamed ("One US official said … , the
    /// official said" stays anonymous).
    fn is_definite_anaphor(&self, np: (usize, usize)) -> bool {
        let head = self.word(np.1 - 1);
        if np.1 - np.0 < 2
            || self.word(np.0) != "the"
            || !(lexicon::PERSON_ROLE_HEADS.contains(&head) || is_age(head))
            || (np.0..np.1).any(|k| lexicon::ANONYMITY_MARKERS.contains(&self.word(k)))
        {
            return false;
        }
        // A bare "the official" or "the diplomat" most often means an unnamed one met
        // earlier, however far back; "the Kremlin official" names whose official it is.
        if lexicon::ANONYMOUS_NOUNS.contains(&head) && self.np_actors(np).is_empty() {
            return false;
        }
        let at = self.toks[np.0].span.start;
        let from = text::floor_boundary(self.text, at.saturating_sub(PRONOUN_REACH * 2));
        let named_before = self
            .mentions
            .iter()
            .any(|m| m.span.start >= from && m.span.end <= at && self.actors.is_person(m.actor));
        named_before && !introduced_unnamed(self.text.get(from..at).unwrap_or(""), head)
    }

    /// The subject of the main clause: the first noun phrase after an introductory phrase.
    fn main_subject(&self, before: usize) -> Option<Speaker> {
        let mut start = self.after_dateline();
        // "But he repeated …, and said": a conjunction, then the subject, no comma between.
        let conjunction = matches!(self.word(start), "but" | "and" | "yet");
        let subject_next = conjunction
            && self.np_forward(start + 1).is_some_and(|np| {
                let speaker = self.speaker_np(np);
                np.1 <= before && (!speaker.actors.is_empty() || speaker.pronoun)
            });
        if subject_next {
            start += 1;
        } else if lexicon::INTRO_SET.contains(self.word(start)) {
            let comma =
                (start + 1..before.min(start + MAX_INTRO_WORDS)).find(|&k| self.comma_before(k));
            start = match comma {
                Some(k) => k,
                None if matches!(self.word(start), "however" | "but" | "and" | "yet") => start + 1,
                None => return None,
            };
        }
        let np = self.np_forward(start)?;
        if np.1 > before {
            return None;
        }
        // "Macron's plan …": a possessive that is not "Sunak's spokesman" is no subject.
        let last = self.word(np.1 - 1);
        if last.ends_with("'s") && !lexicon::ROLE_NOUN_SET.contains(self.word(np.1)) {
            return None;
        }
        let speaker = self.speaker_np(np);
        (!speaker.actors.is_empty() || speaker.pronoun).then_some(speaker)
    }

    /// The subject of a verb coordinated with the verb before it, where the sentence's
    /// main clause has another subject: "The row began on February 26, when Macron hosted
    /// the leaders and told reporters that …" — the first noun phrase of the clause that
    /// "and" continues, which opens after a comma or a word such as "when".
    fn coordinated_subject(&self, k: usize) -> Option<Speaker> {
        let and = self.skip_back(k).checked_sub(1)?;
        if !matches!(self.word(and), "and" | "but" | "by") {
            return None;
        }
        let start = (and.saturating_sub(MAX_COORDINATED_CLAUSE_WORDS)..and)
            .rev()
            .find(|&p| {
                self.comma_before(p) || (p > 0 && CLAUSE_OPENERS.contains(&self.word(p - 1)))
            })?;
        let start = start + usize::from(CLAUSE_OPENERS.contains(&self.word(start)));
        let np = self.np_forward(start)?;
        if np.1 >= and || self.toks[np.0].in_quote {
            return None;
        }
        let speaker = self.speaker_np(np);
        (!speaker.actors.is_empty() || speaker.pronoun).then_some(speaker)
    }

    /// The first word after a wire dateline that opens the sentence (`PARIS —`, `KYIV,
    /// Feb 27 (Reuters) -`): a first word in capitals, then up to a dash within a few
    /// words; 0 when there is none.
    fn after_dateline(&self) -> usize {
        let first = self.toks.first().map_or("", |t| t.span.text(self.text));
        let capitals = first.chars().count() >= 2
            && first.chars().all(|c| c.is_uppercase() || c == '-')
            && first.chars().any(char::is_alphabetic);
        // "Paris CNN — …": a city, then the outlet, then the dash.
        let place_and_outlet = self.toks.len() > 2
            && self.toks[0].cap
            && self.toks[1].mention.is_some_and(|m| {
                self.mentions
                    .get(m)
                    .and_then(|m| self.actors.lookup(m.actor))
                    .is_some_and(|(_, kind)| kind == ActorKind::Media)
            })
            && self.gap_before(2).contains('—');
        if place_and_outlet {
            return 2;
        }
        if !capitals {
            return 0;
        }
        (1..self.toks.len().min(MAX_DATELINE_WORDS + 1))
            .find(|&k| {
                let gap = self.gap_before(k);
                gap.contains('—') || gap.contains('–') || gap.contains(" - ")
            })
            .unwrap_or(0)
    }

    /// Where the clause of a participle or coordinated verb at word `k` begins ("…,
    /// saying", "… and stated"): the byte after the word before the comma or "and".
    fn attachment(&self, k: usize) -> Option<usize> {
        let participle = lexicon::is_participle(self.word(k));
        let j = self.skip_back(k);
        let coordinated = j > 0 && matches!(self.word(j - 1), "and" | "but" | "or" | "while");
        if coordinated && j >= 2 {
            return Some(self.toks[j - 2].span.end);
        }
        if participle && j > 0 && self.comma_before(j) {
            return Some(self.toks[j - 1].span.end);
        }
        None
    }

    /// Whether a person's role ends at word `k`: "the former Russian president", "the
    /// deputy chairman of Russia's Security Council", "the head of the Kremlin's press
    /// service" (a role head, then "of" and a few words naming the body).
    fn role_ends_at(&self, k: usize) -> bool {
        if lexicon::PERSON_ROLE_HEADS.contains(&self.word(k)) {
            return true;
        }
        let mut p = k;
        for _ in 0..MAX_ROLE_BODY_WORDS {
            if p == 0 || self.punct_before(p) {
                return false;
            }
            if matches!(self.word(p), "of" | "at" | "for") {
                return lexicon::PERSON_ROLE_HEADS.contains(&self.word(p - 1));
            }
            p -= 1;
        }
        false
    }

    /// The word index before `k` once adverbs and auxiliaries are skipped.
    fn skip_back(&self, k: usize) -> usize {
        let mut j = k;
        while j > 0 && lexicon::BETWEEN_SET.contains(self.word(j - 1)) && !self.punct_before(j) {
            j -= 1;
        }
        j
    }

    /// "prompting the Kremlin to warn", "led Olaf Scholz to say": the noun phrase between a
    /// verb of consequence ([`CAUSATIVES`]) and the "to" before the speech verb at word
    /// `k`, who did speak (unlike the one "urged to say").
    fn caused_speaker(&self, k: usize) -> Option<(usize, usize)> {
        let to = k.checked_sub(1).filter(|&t| self.word(t) == "to")?;
        let cause = (to.saturating_sub(MAX_NP_WORDS + 1)..to.saturating_sub(1))
            .rev()
            .find(|&j| CAUSATIVES.contains(&self.word(j)))?;
        ((cause + 1..to).all(|j| self.np_word(j) && !self.punct_before(j)) && cause + 1 < to)
            .then_some((cause + 1, to))
    }

    /// The subject of the speech verb at word `k`, with the subject of the clause before
    /// it for a participle or a coordinated verb ("…, saying", "… and stated").
    fn subject_of(&self, k: usize, prior: Option<&Speaker>) -> Option<Speaker> {
        if let Some(np) = self.caused_speaker(k) {
            let speaker = self.speaker_np(np);
            if !speaker.actors.is_empty() || speaker.anonymous || speaker.outlet {
                return Some(speaker);
            }
        }
        if self.attachment(k).is_some() {
            return prior
                .cloned()
                .or_else(|| self.main_subject(k))
                .or_else(|| self.coordinated_subject(k));
        }
        // "…, when Macron stunned allies by saying that …": the subject of the clause the
        // participle after "by" belongs to.
        if lexicon::is_participle(self.word(k))
            && self
                .skip_back(k)
                .checked_sub(1)
                .is_some_and(|b| self.word(b) == "by")
        {
            return prior.cloned().or_else(|| self.coordinated_subject(k));
        }
        let j = self.skip_back(k);
        if j == 0 {
            return None;
        }
        let mut end = j;
        let mut parenthetical = None;
        let mut opens_at = None;
        if self.comma_before(end) {
            // ", who spoke on condition of anonymity," or ", in his turn,": skip back to
            // the comma that opens it.
            let open = (1..end).rev().find(|&p| self.comma_before(p))?;
            parenthetical = Some(self.span_of(open, end));
            opens_at = Some(open);
            end = open;
        }
        // "The former Russian president, Dmitry Medvedev, wrote": a role, then the name of
        // who holds it between commas, is that person.
        // (Only a name: in "The Kremlin spokesman, commenting on Macron's words, said"
        // the commas hold something else.)
        if let Some(open) = opens_at
            && self.role_ends_at(open - 1)
            && j - open <= MAX_APPOSITIVE_NAME_WORDS
            && (open..j).all(|k| self.toks[k].mention.is_some())
        {
            let named = self.speaker_np((open, j));
            if let [one] = named.actors.as_slice()
                && self.actors.is_person(*one)
            {
                return Some(named);
            }
        }
        if lexicon::RELATIVE_PRONOUNS.contains(&self.word(end - 1)) {
            end -= 1;
            if end == 0 {
                return None;
            }
        }
        let np = self.np_back(end).filter(|&np| {
            let s = self.speaker_np(np);
            !s.actors.is_empty() || s.pronoun || s.anonymous || s.outlet
        });
        // "Macron's critics, including Marine Le Pen, accused": a group that names no one
        // speaks through those the parenthetical names.
        if np.is_none()
            && let Some(open) = opens_at
            && matches!(self.word(open), "including" | "notably" | "among")
        {
            let from = if self.word(open) == "among" {
                open + 2
            } else {
                open + 1
            };
            let named = self.speaker_np((from.min(j), j));
            if !named.actors.is_empty() {
                return Some(named);
            }
        }
        let np = match np {
            Some(np) => np,
            // "Stoltenberg and the leaders of the Alliance countries said": take the clause
            // from its start when it names an actor.
            None => {
                // Only a clause of at most MAX_NP_WORDS words can be the subject, so the
                // comma that opens it is looked for no further back than that.
                let nearest = end.saturating_sub(MAX_NP_WORDS).max(1);
                let start = match (nearest..end).rev().find(|&p| self.comma_before(p)) {
                    Some(p) => p,
                    None if nearest == 1 => 0,
                    None => return None,
                };
                if lexicon::INTRO_SET.contains(self.word(start)) {
                    return None;
                }
                let crosses_clause = (start..end).any(|j| {
                    self.toks[j].in_quote || self.word(j) == "that" || self.verb_at(j).is_some()
                });
                if end - start > MAX_NP_WORDS || crosses_clause {
                    return None;
                }
                (start, end)
            }
        };
        let mut speaker = self.speaker_np(np);
        if speaker.actors.is_empty() && !speaker.pronoun && !speaker.anonymous && !speaker.outlet {
            return None;
        }
        if let Some(paren) = parenthetical {
            let words: Vec<&str> = text::words(self.text, paren)
                .iter()
                .map(|w| w.text(self.text))
                .collect();
            if words
                .iter()
                .any(|w| lexicon::ANONYMITY_MARKERS.contains(&text::fold(w).as_str()))
            {
                speaker.anonymous = true;
                speaker.outlet = false;
                speaker.np = Span::new(speaker.np.start, paren.end);
            }
        }
        Some(speaker)
    }
}

/// Longest name between commas after a role ("the French president, Emmanuel Macron,").
const MAX_APPOSITIVE_NAME_WORDS: usize = 4;
/// Longest name of the body after a role ("of Russia's Security Council").
const MAX_ROLE_BODY_WORDS: usize = 6;
/// Longest noun phrase taken as a speaker.
const MAX_NP_WORDS: usize = 12;

/// Verbs of consequence before someone who then spoke: "prompting the Kremlin to warn".
const CAUSATIVES: &[&str] = &[
    "prompting",
    "prompted",
    "leading",
    "led",
    "causing",
    "caused",
    "forcing",
    "forced",
    "spurring",
    "spurred",
];
/// Longest dateline before a sentence's subject (`KYIV, Feb 27 (Reuters)`).
const MAX_DATELINE_WORDS: usize = 6;
/// Longest introductory phrase skipped before a sentence's subject.
const MAX_INTRO_WORDS: usize = 16;
/// Words after a quotation within which a trailing attribution verb must come.
const MAX_POST_QUOTE_WORDS: usize = 8;
/// What a source may be quoted from: "according to a statement from …".
const DOCUMENT_NOUNS: &[&str] = &[
    "statement",
    "readout",
    "communique",
    "communiqué",
    "release",
    "transcript",
    "post",
    "message",
    "letter",
    "note",
    "report",
    "video",
    "interview",
];
/// Longest description between commas after a speaker's name, before the verb ("a
/// military analyst at the Centre for East European and International Studies (ZOiS) in
/// Berlin").
const MAX_APPOSITIVE_WORDS: usize = 20;

/// The quotations of `structure` whose opening mark lies in `span`.
fn quotations_in(structure: &Structure, span: Span) -> impl Iterator<Item = &text::Quotation> {
    let first = structure
        .quotations
        .partition_point(|q| q.span.start < span.start);
    structure.quotations[first..]
        .iter()
        .take_while(move |q| q.span.start < span.end)
}

#[derive(Clone, Copy, Debug)]
struct VerbHit {
    /// First word.
    k: usize,
    /// Number of words.
    n: usize,
    verb: SpeechVerb,
}

/// A speaker or source read from a noun phrase.
#[derive(Clone, Debug, Default)]
struct Speaker {
    actors: Vec<ActorId>,
    /// The words that name it (with a parenthetical that makes it anonymous).
    np: Span,
    np_words: (usize, usize),
    anonymous: bool,
    /// Another outlet or its reporters.
    outlet: bool,
    media: Option<ActorId>,
    /// A bare pronoun no mention resolved.
    pronoun: bool,
    /// The attribution verb as written, once a pattern has found it.
    verb_span: Option<Span>,
}

/// Who was last quoted or named, to resolve pronouns the actor stage left alone.
#[derive(Default)]
struct LastSpeaker {
    actors: Vec<ActorId>,
    at: usize,
}

/// Resolves a bare pronoun: the last speaker if quoted within the last few hundred bytes
/// and a person for "he"/"she", else the nearest person named before it.
fn resolve_pronoun<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    speaker: &mut Speaker,
    all_mentions: &[Mention],
    last: &LastSpeaker,
) {
    if !speaker.pronoun {
        return;
    }
    let at = speaker.np.start;
    // "he", "him", and a definite description ("the minister"), mean a person.
    let personal = matches!(view.word(speaker.np_words.0), "he" | "she" | "him" | "her")
        || speaker.np_words.1 > speaker.np_words.0 + 1;
    let before = all_mentions.partition_point(|m| m.span.start < at);
    // `"…," Fico said, adding that he could not say "…"`: a person named earlier in the
    // pronoun's own sentence, after the last quotation, is who it stands for.
    let he_or_she = matches!(view.word(speaker.np_words.0), "he" | "she")
        && speaker.np_words.1 == speaker.np_words.0 + 1;
    let in_sentence = all_mentions[..before]
        .iter()
        .rev()
        .take_while(|m| m.span.start >= view.span.start && m.span.start >= last.at)
        .find(|m| he_or_she && view.actors.is_person(m.actor));
    if let Some(m) = in_sentence {
        speaker.actors = vec![m.actor];
        return;
    }
    // A definite description ("the government spokeswoman") stands only for someone the
    // article called so before: its last word is written right before, or in, one of
    // their earlier mentions ("German Chancellor Olaf Scholz" for "the German
    // chancellor"), not for whoever spoke last; unless its head is one any title fits.
    let head = view.word(speaker.np_words.1 - 1);
    let definite = speaker.np_words.1 > speaker.np_words.0 + 1
        && !GENERIC_ROLE_HEADS.contains(&head)
        && !is_age(head);
    let described = |actor: ActorId| {
        !definite
            || all_mentions[..before].iter().any(|m| {
                let from =
                    text::floor_boundary(view.text, m.span.start.saturating_sub(TITLE_REACH));
                m.actor == actor
                    && view
                        .text
                        .get(from..m.span.end)
                        .is_some_and(|t| text::fold(t).contains(head))
            })
    };
    // "It said it had warned London …": a body, not a person.
    let impersonal = view.word(speaker.np_words.0) == "it";
    let fits = |a: ActorId| {
        if personal {
            view.actors.is_person(a)
        } else {
            !impersonal || !view.actors.is_person(a)
        }
    };
    let recent = at.saturating_sub(last.at) < PRONOUN_REACH && !last.actors.is_empty();
    if recent && last.actors.iter().all(|&a| fits(a) && described(a)) {
        speaker.actors = last.actors.clone();
        return;
    }
    let found = all_mentions[..before]
        .iter()
        .rev()
        .take_while(|m| at - m.span.start < PRONOUN_REACH * 2)
        .find(|m| fits(m.actor) && described(m.actor));
    if let Some(m) = found {
        speaker.actors = vec![m.actor];
    }
}

/// Whether `before` introduces someone by `head` with an indefinite article or a number
/// ("One US official said", "a senior diplomat"), whom a later "the official" means.
fn introduced_unnamed(before: &str, head: &str) -> bool {
    let words: Vec<Cow<'_, str>> = text::word_spans(before, Span::new(0, before.len()))
        .map(|w| folded(w.text(before)))
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        w == head
            && words[k.saturating_sub(MAX_ROLE_MODIFIERS)..k]
                .iter()
                .rev()
                .take_while(|w| *w != "the")
                .any(|w| lexicon::INDEFINITE_DETERMINERS.contains(&w.as_ref()))
    })
}
/// Words between a determiner and the role it introduces ("a senior US defence official").
const MAX_ROLE_MODIFIERS: usize = 4;

/// Words after the verb of a speech tag that closes its sentence ("he told reporters on
/// Tuesday").
const MAX_TAG_OBJECT_WORDS: usize = 4;

/// Words between a possessive and the word for speech it owns ("his February statement").
const MAX_NOUN_MODIFIERS: usize = 2;

/// Words between a word for speech and the colon that opens its quotation ("message was
/// very clear:").
const MAX_WORDS_AFTER_SPEECH_NOUN: usize = 4;

/// Heads of a definite description that any title fits ("the Kremlin official" for
/// "Kremlin spokesman Dmitry Peskov").
const GENERIC_ROLE_HEADS: &[&str] = &["official", "officials", "leader", "politician", "figure"];

/// Words that open a subordinate clause whose subject follows them ("…, when Macron
/// hosted …").
const CLAUSE_OPENERS: &[&str] = &["when", "after", "as", "while", "because", "since", "before"];

/// How far back (words) from its "and" a coordinated verb's clause may begin.
const MAX_COORDINATED_CLAUSE_WORDS: usize = 16;

/// Whether `word` gives a person's age ("46-year-old"): "the 46-year-old said", as news
/// writing names someone it has just named, is a description any person of that age fits.
fn is_age(word: &str) -> bool {
    word.strip_suffix("-year-old")
        .is_some_and(|n| (1..=3).contains(&n.len()) && n.bytes().all(|b| b.is_ascii_digit()))
}

/// How far before a mention (bytes) the title it is given may begin ("Kremlin spokesman
/// Dmitry Peskov").
const TITLE_REACH: usize = 48;

/// How far back (bytes) a pronoun may reach for its speaker.
const PRONOUN_REACH: usize = 600;

// ----------------------------------------------------------------------------- quotes

/// How a quotation was attributed, for the statement stage.
#[derive(Clone, Debug, Default)]
struct Attribution {
    speaker: Speaker,
    verb: Option<SpeechVerb>,
    /// Whether any pattern attributed it (an anonymous source has no actor).
    found: bool,
}

fn attribute_quotes<L: ActorLookup + ?Sized>(
    text: &str,
    structure: &Structure,
    mentions: &[Mention],
    actors: &L,
) -> Vec<(Quote, Attribution)> {
    let sorted = sorted_mentions(mentions);
    let mut folded_buf = String::new();
    let article = ArticleWords::new(text, structure, &mut folded_buf);
    let mut out: Vec<(Quote, Attribution)> = Vec::new();
    let mut last = LastSpeaker::default();
    for (sentence_idx, sentence) in structure.sentences.iter().enumerate() {
        if quotations_in(structure, sentence.span).next().is_none() {
            continue;
        }
        let view = View::new(
            text,
            sentence_idx,
            *sentence,
            &article,
            structure,
            &sorted,
            actors,
        );
        attribute_sentence(&view, structure, sentence_idx, &mut last, &mut out);
    }
    continue_across_paragraphs(text, structure, &mut out);
    out
}

/// The index of the quotation of `items` (in text order) whose span is `span`.
fn index_by_span<T>(items: &[T], span: Span, span_of: impl Fn(&T) -> Span) -> Option<usize> {
    let k = items.partition_point(|item| span_of(item).start < span.start);
    items.get(k).filter(|item| span_of(item) == span).map(|_| k)
}

/// The statement an attributed quotation makes.
fn quote_statement(
    quote: &Quote,
    attribution: &Attribution,
    quote_idx: Option<usize>,
) -> Statement {
    let mode = if quote.kind == QuoteKind::Full {
        StatementMode::Direct
    } else {
        StatementMode::Partial
    };
    Statement {
        speakers: quote.speaker_ids.clone(),
        verb: quote.verb.clone(),
        verb_span: quote.verb_span,
        connotation: attribution
            .verb
            .map_or(Connotation::Neutral, |v| v.connotation),
        content: quote.span,
        mode,
        sourcing: own_sourcing(&attribution.speaker),
        sentence_idx: quote.sentence_idx,
        quote_idx,
    }
}

/// A quotation left open at the end of its paragraph, with the next paragraph opening on
/// a quotation mark, is one speech in two paragraphs (the press's convention): the part
/// with no attribution takes the speaker the next part gives. Taken from the last, so a
/// speech over three paragraphs gets its speaker from the third. Returns the indices of the
/// quotations it attributed, in order.
fn continue_across_paragraphs(
    text: &str,
    structure: &Structure,
    out: &mut [(Quote, Attribution)],
) -> Vec<usize> {
    let mut continued = Vec::new();
    for i in (1..out.len()).rev() {
        let (head, tail) = out.split_at_mut(i);
        let (quote, attribution) = &mut head[i - 1];
        let (next_quote, next_attr) = &tail[0];
        if attribution.found || !next_attr.found || next_quote.speaker_ids.is_empty() {
            continue;
        }
        if continues_in_next_paragraph(text, structure, quote, next_quote) {
            take_attribution((quote, attribution), (next_quote, next_attr));
            quote.kind = QuoteKind::Full;
            continued.push(i - 1);
        }
    }
    continued.reverse();
    // The other way round: `Watson said in a statement: "… ` left open at the end of its
    // paragraph, then `"That is why …"` opening the next one with no attribution of its
    // own goes on with the same speaker.
    for i in 1..out.len() {
        let (head, tail) = out.split_at_mut(i);
        let (quote, attribution) = &head[i - 1];
        let (next_quote, next_attr) = &mut tail[0];
        if !attribution.found || next_attr.found || quote.speaker_ids.is_empty() {
            continue;
        }
        if continues_in_next_paragraph(text, structure, quote, next_quote) {
            take_attribution((next_quote, next_attr), (quote, attribution));
            next_quote.kind = QuoteKind::Full;
            continued.push(i);
        }
    }
    continued.sort_unstable();
    continued.dedup();
    continued
}

/// Whether `quote` is left open at the end of its paragraph and `next` opens the next
/// paragraph: one speech over two paragraphs, as the convention of quotation marks writes it.
fn continues_in_next_paragraph(
    text: &str,
    structure: &Structure,
    quote: &Quote,
    next: &Quote,
) -> bool {
    let block_of = |quote: &Quote| {
        structure
            .sentences
            .get(quote.sentence_idx)
            .map(|s| s.block_idx)
    };
    let at = structure
        .quotations
        .partition_point(|q| q.inner.start < quote.span.start);
    let left_open = structure.quotations[at..]
        .iter()
        .take_while(|q| q.inner.start == quote.span.start)
        .any(|q| q.inner == quote.span && !q.closed);
    let (Some(block), Some(next_block)) = (block_of(quote), block_of(next)) else {
        return false;
    };
    let opens_next = structure.blocks.get(next_block).is_some_and(|b| {
        b.kind == BlockKind::Paragraph
            && text.get(b.span.start..next.span.start).is_some_and(|lead| {
                lead.chars()
                    .all(|c| c.is_whitespace() || text::is_quotation_mark(c))
            })
    });
    left_open && next_block == block + 1 && opens_next
}

/// The quotations of one sentence with their speakers and verbs, appended to `out`;
/// `last` is who was last quoted, for pronouns.
fn attribute_sentence<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    structure: &Structure,
    sentence_idx: usize,
    last: &mut LastSpeaker,
    out: &mut Vec<(Quote, Attribution)>,
) {
    let text = view.text;
    let qs: Vec<text::Quotation> = quotations_in(structure, view.span).copied().collect();
    if qs.is_empty() {
        return;
    }
    let verbs = view.verbs();
    let mut before = None;
    let mut found: Vec<(Quote, Attribution)> = Vec::new();
    for q in &qs {
        let inner = q.inner.text(text);
        if inner.trim().is_empty() || !inner.chars().any(char::is_alphanumeric) {
            continue;
        }
        // A subheading wholly in quotation marks is a title, not somebody's words.
        if view.block_kind == Some(BlockKind::Subheading)
            && text
                .get(view.span.start..q.span.start)
                .is_some_and(|s| s.trim().is_empty())
        {
            continue;
        }
        let mut attribution = attribute(view, q.span, &verbs, &mut before);
        resolve_pronoun(view, &mut attribution.speaker, view.mentions, last);
        found.push((make_quote(view, q, sentence_idx, &attribution), attribution));
    }
    // Shared: quotations of one sentence with no attribution take a sibling's.
    if let Some(donor) = found.iter().position(|(_, a)| a.found) {
        let (donor_quote, donor_attr) = found[donor].clone();
        for (quote, attribution) in found.iter_mut().filter(|(_, a)| !a.found) {
            take_attribution((quote, attribution), (&donor_quote, &donor_attr));
            if quote.kind == QuoteKind::Scare {
                quote.kind = QuoteKind::Partial;
            }
        }
    }
    // Subject: the sentence's subject is an actor.
    for (quote, attribution) in found.iter_mut().filter(|(_, a)| !a.found) {
        if let Some(mut subject) = view.main_subject(view.toks.len()) {
            resolve_pronoun(view, &mut subject, view.mentions, last);
            if !subject.actors.is_empty() {
                set_speakers(quote, &subject.actors, view.actors);
                quote.kind = QuoteKind::Partial;
                *attribution = Attribution {
                    speaker: subject,
                    verb: None,
                    found: true,
                };
            }
        }
    }
    // Continued: a sentence that is nothing but a quotation, right after a sentence whose
    // quotation was attributed, goes on with the same speaker (`"…," X told lawmakers.
    // "These must …"`), named or anonymous (`"…," said a senior diplomat. "…"`).
    let paragraph = |idx: usize| {
        structure
            .sentences
            .get(idx)
            .and_then(|p| structure.blocks.get(p.block_idx))
            .is_some_and(|b| b.kind == BlockKind::Paragraph)
    };
    let donor = sentence_idx
        .checked_sub(1)
        .filter(|&prev| paragraph(prev) && paragraph(sentence_idx))
        .and_then(|prev| {
            out.iter()
                .rev()
                .take_while(|(q, _)| q.sentence_idx == prev)
                .find(|(q, a)| a.found && (!q.speaker_ids.is_empty() || a.speaker.anonymous))
        });
    if let Some((donor_quote, donor_attr)) = donor {
        for (quote, attribution) in found.iter_mut().filter(|(_, a)| !a.found) {
            let Some(q) = qs.iter().find(|q| q.inner == quote.span) else {
                continue;
            };
            // (A quotation left open runs to its paragraph's end, past its first sentence.)
            let after = q.span.end.min(view.span.end)..view.span.end;
            let alone = text
                .get(view.span.start..q.span.start)
                .is_some_and(|s| s.trim().is_empty())
                && text.get(after.clone()).is_some_and(|s| {
                    s.chars()
                        .all(|c| c.is_whitespace() || c.is_ascii_punctuation())
                });
            let starts_upper = quote
                .text
                .chars()
                .find(|c| c.is_alphanumeric())
                .is_some_and(char::is_uppercase);
            // A sentence, not a title in quotation marks ("'Belligerence threshold'").
            let ends_sentence = quote.text.trim_end().ends_with(['.', '!', '?', '…'])
                || text
                    .get(after)
                    .is_some_and(|s| s.contains(['.', '!', '?', '…']));
            // "In the original French, the phrase was «…».", "The president's words in
            // French were even more blunt: «…»": the words just quoted, in the language
            // they were said in.
            let translated = verbs.is_empty()
                && text
                    .get(view.span.start..q.span.start)
                    .is_some_and(is_translation_note);
            if (alone && starts_upper && ends_sentence) || translated {
                take_attribution((quote, attribution), (donor_quote, donor_attr));
                quote.kind = QuoteKind::Full;
            }
        }
    }
    // Introduced: a paragraph that opens with a quotation and attributes it to no one,
    // right after a paragraph whose last sentence has a named speaker report what they
    // said (`Tan Weiming, a professor at …, said Macron was seeking …`, then `"What we
    // are seeing is …"`): the quotation is theirs, as the convention of the next
    // paragraph's quotation goes.
    if verbs.is_empty()
        && found.iter().any(|(_, a)| !a.found)
        && let Some(speaker) = introduced_speaker(view, structure, sentence_idx, &qs, last)
    {
        for (quote, attribution) in found.iter_mut().filter(|(_, a)| !a.found) {
            set_speakers(quote, &speaker.actors, view.actors);
            quote.kind = QuoteKind::Full;
            *attribution = Attribution {
                speaker: speaker.clone(),
                verb: None,
                found: true,
            };
        }
    }
    // Labelled: a paragraph opening on "Quote:" under one opening on "Source:" (`Source:
    // Macron at a press conference …`, `Quote: "…"`), a layout of labelled paragraphs:
    // the quotation is the source's, the first person it names (else its first actor);
    // or on "Quote from Macron:", the one the label names.
    let mentions_in = |span: Span| {
        let from = view.mentions.partition_point(|m| m.span.start < span.start);
        let to = view.mentions.partition_point(|m| m.span.start < span.end);
        &view.mentions[from..to]
    };
    let quote_from = opens_with_label(text, view.span, "quote from ")
        .then(|| text.get(view.span.start..view.span.end)?.find(':'))
        .flatten()
        .map(|colon| Span::new(view.span.start, view.span.start + colon));
    if found.iter().any(|(_, a)| !a.found)
        && (quote_from.is_some() || opens_with_label(text, view.span, "quote:"))
    {
        let source = (sentence_idx.saturating_sub(MAX_LABELLED_REACH)..sentence_idx)
            .rev()
            .filter_map(|i| structure.sentences.get(i))
            .find(|s| opens_with_label(text, s.span, "source:"));
        let named = match quote_from {
            Some(label) => mentions_in(label),
            None => source.map_or(&[][..], |s| mentions_in(s.span)),
        };
        let pick = named
            .iter()
            .find(|m| view.actors.is_person(m.actor))
            .or(named.first());
        if let Some(m) = pick {
            for (quote, attribution) in found.iter_mut().filter(|(_, a)| !a.found) {
                set_speakers(quote, &[m.actor], view.actors);
                quote.kind = QuoteKind::Full;
                *attribution = Attribution {
                    speaker: Speaker {
                        actors: vec![m.actor],
                        np: m.span,
                        ..Speaker::default()
                    },
                    verb: None,
                    found: true,
                };
            }
        }
    }
    for (quote, _) in &found {
        if !quote.speaker_ids.is_empty() {
            *last = LastSpeaker {
                actors: quote.speaker_ids.clone(),
                at: quote.span.end,
            };
        }
    }
    out.extend(found);
}

/// The named speaker the sentence before introduces, for a sentence (`sentence_idx`,
/// whose quotations are `qs`) that opens with a quotation and has no speech verb: the
/// subject of the last speech verb of the previous paragraph's last sentence, when the
/// quotation opens its paragraph, or of the sentence before it in its paragraph ("He
/// added that the jets mattered more. \"Jets, a trained brigade – this is what changes
/// things.\"").
fn introduced_speaker<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    structure: &Structure,
    sentence_idx: usize,
    qs: &[text::Quotation],
    last: &LastSpeaker,
) -> Option<Speaker> {
    let this = structure.sentences.get(sentence_idx)?;
    let prev = structure.sentences.get(sentence_idx.checked_sub(1)?)?;
    let paragraph = |block: usize| {
        structure
            .blocks
            .get(block)
            .is_some_and(|b| b.kind == BlockKind::Paragraph)
    };
    let block = structure.blocks.get(this.block_idx)?;
    let opens_sentence = qs.first().is_some_and(|q| {
        view.text
            .get(this.span.start..q.span.start)
            .is_some_and(|lead| {
                lead.chars()
                    .all(|c| c.is_whitespace() || text::is_quotation_mark(c))
            })
    });
    let opens_paragraph = block.span.start == this.span.start && opens_sentence;
    let follows = (opens_paragraph && prev.block_idx + 1 == this.block_idx)
        || (opens_sentence && prev.block_idx == this.block_idx);
    // A sentence, not a title in quotation marks ("'Belligerence threshold'").
    let ends_sentence = qs.first().is_some_and(|q| {
        q.inner
            .text(view.text)
            .trim_end()
            .ends_with(['.', '!', '?', '…', ','])
            || view
                .text
                .get(q.span.end..this.span.end)
                .is_some_and(|s| s.contains(['.', '!', '?', '…']))
    });
    if !follows || !ends_sentence || !paragraph(prev.block_idx) || !paragraph(this.block_idx) {
        return None;
    }
    let before = View::new(
        view.text,
        sentence_idx - 1,
        *prev,
        view.article,
        structure,
        view.mentions,
        view.actors,
    );
    let hit = before.verbs().into_iter().last()?;
    let mut speaker = before.subject_of(hit.k, None)?;
    // `"…," he said.` then `"…"`: the speaker the pronoun of that sentence was resolved
    // to, when it attributed a quotation there.
    if speaker.pronoun
        && speaker.actors.is_empty()
        && (prev.span.start..=prev.span.end).contains(&last.at)
    {
        speaker.actors.clone_from(&last.actors);
        speaker.pronoun = false;
    }
    (!speaker.actors.is_empty() && !speaker.pronoun).then_some(speaker)
}

/// Whether `lead` (a sentence up to its quotation) says the quotation gives words in the
/// language they were said in: "in French", "in the original German".
fn is_translation_note(lead: &str) -> bool {
    let words: Vec<String> = lead
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(text::fold)
        .collect();
    words.iter().enumerate().any(|(k, w)| {
        w == "in"
            && words[k + 1..]
                .iter()
                .map(String::as_str)
                .find(|w| !matches!(*w, "the" | "original" | "their" | "his" | "her"))
                .is_some_and(|language| LANGUAGES.contains(&language))
    })
}
/// Languages a quotation may be given in besides the article's (folded).
const LANGUAGES: &[&str] = &[
    "french",
    "german",
    "russian",
    "ukrainian",
    "polish",
    "italian",
    "spanish",
    "dutch",
    "czech",
    "slovak",
    "hungarian",
    "swedish",
];

/// Whether the text at `span` opens with `label` (lower case, any case in the text).
fn opens_with_label(text: &str, span: Span, label: &str) -> bool {
    text.get(span.start..span.end)
        .and_then(|s| s.get(..label.len()))
        .is_some_and(|head| head.eq_ignore_ascii_case(label))
}
/// How many sentences back a "Quote:" paragraph looks for its "Source:".
const MAX_LABELLED_REACH: usize = 6;

/// Gives `quote` the speakers, verb and attribution of `donor`.
fn take_attribution(
    (quote, attribution): (&mut Quote, &mut Attribution),
    (donor_quote, donor_attr): (&Quote, &Attribution),
) {
    *attribution = donor_attr.clone();
    quote.speakers = donor_quote.speakers.clone();
    quote.speaker_ids = donor_quote.speaker_ids.clone();
    quote.verb = donor_quote.verb.clone();
    quote.verb_span = donor_quote.verb_span;
}

fn set_speakers<L: ActorLookup + ?Sized>(quote: &mut Quote, ids: &[ActorId], actors: &L) {
    quote.speaker_ids = ids.to_vec();
    quote.speakers = ids
        .iter()
        .filter_map(|&a| actors.lookup(a).map(|x| x.0.to_owned()))
        .collect();
}

/// What [`attribute`] reads of a sentence whatever the quotation, worked out once per
/// sentence (a sentence may hold hundreds of quotations): its "according to"s, and for
/// each run of its speech verbs from the first, the last one with a usable subject.
struct VerbsBefore {
    according: Vec<(usize, usize)>,
    /// Speakers of the verbs whose subject names someone.
    speakers: Vec<(Speaker, VerbHit)>,
    /// For the verbs `..=i`: the index in `speakers` of the last usable one.
    best: Vec<Option<usize>>,
}

impl VerbsBefore {
    fn new<L: ActorLookup + ?Sized>(view: &View<'_, L>, verbs: &[VerbHit]) -> VerbsBefore {
        let mut prior: Option<Speaker> = None;
        let mut speakers = Vec::new();
        let mut best = Vec::with_capacity(verbs.len());
        let mut last = None;
        for hit in verbs {
            // A participle or coordinated verb takes the subject of the verb before it.
            if let Some(s) = view.subject_of(hit.k, prior.as_ref()) {
                if !s.actors.is_empty() || s.pronoun || s.anonymous {
                    speakers.push((s.clone(), *hit));
                    last = Some(speakers.len() - 1);
                }
                prior = Some(s);
            }
            best.push(last);
        }
        VerbsBefore {
            according: view.according_tos(),
            speakers,
            best,
        }
    }
}

/// Tries the attribution patterns in order (see the module docs). `before` holds the
/// sentence's [`VerbsBefore`] once a quotation has needed it.
fn attribute<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    q: Span,
    verbs: &[VerbHit],
    before: &mut Option<VerbsBefore>,
) -> Attribution {
    if let Some(speaker) = headline_speaker(view, q) {
        return Attribution {
            speaker,
            verb: None,
            found: true,
        };
    }
    let after = after_quote(view, q, verbs);
    // "Macron said « nothing should be excluded », according to Le Monde": the outlet is
    // the source of the report, the speaker is the subject of the verb right before.
    let reported = after
        .as_ref()
        .is_some_and(|a| a.verb.is_some_and(|v| v.lemma == ACCORDING_TO.lemma));
    if reported
        && let Some(a) = verb_right_before(view, q, verbs, before)
            // `Peskov called Macron's remarks "very dangerous", according to TASS`.
            .or_else(|| naming_verb_before(view, q))
    {
        return a;
    }
    // `Peskov called Macron's statement "very dangerous", saying …`: a participle after
    // the quotation goes on from the verb that named it, whose subject is the speaker.
    let participle_after = after.as_ref().is_some_and(|a| {
        a.speaker
            .verb_span
            .is_some_and(|v| lexicon::is_participle(&text::fold(v.text(view.text))))
    });
    if participle_after && let Some(a) = naming_verb_before(view, q) {
        return a;
    }
    if let Some(a) = after {
        return a;
    }
    if let Some(a) = naming_verb_before(view, q) {
        return a;
    }
    let before = before.get_or_insert_with(|| VerbsBefore::new(view, verbs));
    for &(k, len) in &before.according {
        if let Some(np) = view.source_np(k + len) {
            let speaker = view.speaker_np(np);
            if !speaker.actors.is_empty() || speaker.anonymous || speaker.pronoun {
                let verb = ACCORDING_TO;
                let span = view.span_of(k, k + len);
                return Attribution {
                    speaker: Speaker {
                        np: Span::new(span.start, speaker.np.end),
                        ..speaker
                    },
                    verb: Some(verb),
                    found: true,
                }
                .with_verb_span(span);
            }
        }
    }
    // The nearest speech verb before the quotation with a usable subject (verbs come in
    // text order, so those before the quotation are a run from the first).
    let n_before = verbs.partition_point(|h| view.toks[h.k].span.end <= q.start);
    let best = n_before
        .checked_sub(1)
        .and_then(|i| before.best.get(i).copied().flatten())
        .and_then(|i| before.speakers.get(i));
    // "Macron's troops remark: Moscow warns of 'inevitable' conflict": a speech verb after
    // a colon opens a clause of its own, and the quotation is not the earlier verb's.
    let claimed_after_colon = |hit: &VerbHit| {
        let verb_end = view.toks[hit.k + hit.n - 1].span.end;
        let colon = view
            .text
            .get(verb_end..q.start)
            .and_then(|gap| gap.find(':'))
            .map(|at| verb_end + at);
        colon.is_some_and(|colon| {
            verbs[..n_before]
                .iter()
                .any(|later| view.toks[later.k].span.start > colon)
        })
    };
    let best = best.filter(|(_, hit)| !claimed_after_colon(hit));
    // Someone's words the sentence speaks of ("Macron's statement that …"), after the
    // nearest speech verb if any: the quotation gives them.
    let from = best.map_or(0, |(_, hit)| hit.k + hit.n);
    if let Some(owner) = view.speech_owner_of_clause(from, q) {
        return Attribution {
            speaker: owner,
            verb: None,
            found: true,
        };
    }
    if let Some((speaker, hit)) = best {
        let span = view.verb_span(hit.k, hit.n, hit.verb);
        return Attribution {
            speaker: speaker.clone(),
            verb: Some(hit.verb),
            found: true,
        }
        .with_verb_span(span);
    }
    if let Some(speaker) = view
        .speech_owner(q)
        .or_else(|| view.possessor_right_before(q))
    {
        return Attribution {
            speaker,
            verb: None,
            found: true,
        };
    }
    sentence_tag(view, q, verbs).unwrap_or_default()
}

/// `If such a deployment took place, "we would need to talk … about the inevitability" of
/// a direct conflict, Peskov said.`: the speech tag that closes the sentence after a comma
/// gives it every quotation before it.
fn sentence_tag<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    q: Span,
    verbs: &[VerbHit],
) -> Option<Attribution> {
    let hit = verbs.last()?;
    let verb_end = view.toks[hit.k + hit.n - 1].span.end;
    // The verb ends the sentence, or a few words after it do ("he told reporters", "said
    // in a statement"), none of them quoted.
    let after = view.text.get(verb_end..view.span.end)?;
    let closes = !after.contains(|c: char| text::is_quotation_mark(c) && c != '\'' && c != '’')
        && !after.contains(',')
        && text::count_words_up_to(after, MAX_TAG_OBJECT_WORDS + 1) <= MAX_TAG_OBJECT_WORDS;
    if !closes || view.toks[hit.k].span.start < q.end {
        return None;
    }
    let np = view.np_back(view.skip_back(hit.k))?;
    if np.0 == 0 || !view.comma_before(np.0) || view.toks[np.0].span.start < q.end {
        return None;
    }
    let speaker = view.speaker_np(np);
    if speaker.actors.is_empty() && !speaker.pronoun && !speaker.anonymous {
        return None;
    }
    let span = view.verb_span(hit.k, hit.n, hit.verb);
    Some(
        Attribution {
            speaker,
            verb: Some(hit.verb),
            found: true,
        }
        .with_verb_span(span),
    )
}

/// The two ways a headline names whose words it quotes around a colon: `'Nothing is
/// excluded': Macron on troops` (the quotation first, the speaker right after the colon)
/// and `Peskov: Macron remarks 'very dangerous'` (the speaker first, then the colon:
/// whatever follows is what they said, whatever verbs it holds).
fn headline_speaker<L: ActorLookup + ?Sized>(view: &View<'_, L>, q: Span) -> Option<Speaker> {
    if view.block_kind != Some(BlockKind::Headline) {
        return None;
    }
    let lead = view.text.get(view.span.start..q.start)?;
    let quote_first = lead
        .chars()
        .all(|c| c.is_whitespace() || text::is_quotation_mark(c));
    let (named_at, colon_at) = if quote_first {
        // The colon right after the closing mark, then the speaker.
        let rest = view.text.get(q.end..view.span.end)?;
        let after_mark = rest.trim_start_matches(|c: char| text::is_quotation_mark(c) || c == ' ');
        let colon = after_mark.strip_prefix(':')?;
        let at = view.span.end - colon.len();
        (view.toks.partition_point(|t| t.span.start < at), None)
    } else {
        (0, Some(lead.find(':')? + view.span.start))
    };
    let mention = view.mentions.get(view.toks.get(named_at)?.mention?)?;
    if let Some(colon) = colon_at {
        // "Peskov:" — nothing but the name before the colon.
        let between = view.text.get(mention.span.end..colon)?;
        if !between.trim().is_empty() && between.trim() != "'s" {
            return None;
        }
    }
    let end = view
        .toks
        .partition_point(|t| t.span.start < mention.span.end);
    let speaker = view.speaker_np((named_at, end.max(named_at + 1)));
    (!speaker.actors.is_empty()).then_some(speaker)
}

/// `the Kremlin called it "dangerous"`, `Le Pen branded the plan "madness"`: a verb of
/// naming right before the quotation, with what it names between them (at most a few
/// words: "it", "the idea", "his remarks as"), gives the quotation to its subject.
fn naming_verb_before<L: ActorLookup + ?Sized>(view: &View<'_, L>, q: Span) -> Option<Attribution> {
    let n_before = view.toks.partition_point(|t| t.span.end <= q.start);
    let k = (n_before.saturating_sub(MAX_NAMED_WORDS + 1)..n_before.saturating_sub(1))
        .rev()
        .find(|&k| lexicon::NAMING_VERBS.contains(&view.word(k)))?;
    // What is named: a pronoun or a short noun phrase, then "as" or an article at most.
    let object_ok = n_before > k + 1
        && (k + 1..n_before).all(|j| !view.toks[j].in_quote && !view.punct_before(j));
    if !object_ok || view.punct_before(n_before) {
        return None;
    }
    let subject = view.subject_of(k, None)?;
    if subject.actors.is_empty() && !subject.pronoun && !subject.anonymous && !subject.outlet {
        return None;
    }
    let verb = SpeechVerb {
        lemma: "call",
        connotation: Connotation::Neutral,
        addressee: false,
    };
    Some(
        Attribution {
            speaker: subject,
            verb: Some(verb),
            found: true,
        }
        .with_verb_span(view.span_of(k, k + 1)),
    )
}
/// A passive verb of naming right before the quotation ("were described as", "was
/// branded"): its word index and lemma.
fn passive_naming_before<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    q: Span,
) -> Option<(usize, &'static str)> {
    let n_before = view.toks.partition_point(|t| t.span.end <= q.start);
    if n_before < 3 || view.punct_before(n_before) {
        return None;
    }
    let k = if view.word(n_before - 1) == "as" {
        n_before - 2
    } else {
        n_before - 1
    };
    let lemma = match view.word(k) {
        "described" => "describe",
        "called" | "dubbed" | "branded" | "labelled" | "labeled" | "termed" => "call",
        _ => return None,
    };
    let passive = k >= 1
        && matches!(
            view.word(k - 1),
            "was" | "were" | "is" | "are" | "been" | "be" | "being"
        );
    passive.then_some((k, lemma))
}

/// The longest object between a verb of naming and its quotation ("the French
/// president's remarks as").
const MAX_NAMED_WORDS: usize = 5;

impl Attribution {
    /// Records where the attribution verb is written.
    fn with_verb_span(mut self, span: Span) -> Attribution {
        self.speaker.verb_span = Some(span);
        self
    }
}

/// `Macron said « … »`: a speech verb with a named subject right before the quotation,
/// nothing but a colon or comma between them.
fn verb_right_before<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    q: Span,
    verbs: &[VerbHit],
    before: &mut Option<VerbsBefore>,
) -> Option<Attribution> {
    let n_before = verbs.partition_point(|h| view.toks[h.k].span.end <= q.start);
    let last = n_before.checked_sub(1)?;
    let hit = &verbs[last];
    let verb_end = view.toks[hit.k + hit.n - 1].span.end;
    let gap = view.text.get(verb_end..q.start)?;
    if !gap
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ':' | ','))
    {
        return None;
    }
    let before = before.get_or_insert_with(|| VerbsBefore::new(view, verbs));
    let (speaker, its_hit) = before
        .best
        .get(last)
        .copied()
        .flatten()
        .and_then(|i| before.speakers.get(i))?;
    // The subject of that very verb, not of an earlier one.
    if its_hit.k != hit.k || speaker.actors.is_empty() {
        return None;
    }
    let span = view.verb_span(hit.k, hit.n, hit.verb);
    Some(
        Attribution {
            speaker: speaker.clone(),
            verb: Some(hit.verb),
            found: true,
        }
        .with_verb_span(span),
    )
}

/// `"…," he said.` / `"…," said X.` / `"…", according to X.`
fn after_quote<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    q: Span,
    verbs: &[VerbHit],
) -> Option<Attribution> {
    let first = view.toks.partition_point(|t| t.span.start < q.end);
    if first == view.toks.len() {
        return None;
    }
    let gap = view
        .text
        .get(q.end..view.toks[first].span.start)
        .unwrap_or("x");
    if !gap
        .chars()
        .all(|c| c.is_whitespace() || matches!(c, ',' | '—' | '–' | '-'))
    {
        return None;
    }
    // "“We will not send troops.” – Olaf Scholz": a quotation signed with a dash, the
    // name ending the sentence.
    if gap.contains(['—', '–', '-'])
        && let Some(np) = view.np_forward(first)
        && np.1 == view.toks.len()
    {
        let speaker = view.speaker_np(np);
        if !speaker.actors.is_empty() {
            return Some(Attribution {
                speaker,
                verb: None,
                found: true,
            });
        }
    }
    // `"…", and Macron calls for …` starts a new clause, not an attribution.
    if matches!(
        view.word(first),
        "and" | "but" | "or" | "while" | "as" | "which" | "who"
    ) {
        return None;
    }
    if view.word(first) == "according" && view.word(first + 1) == "to" {
        let np = view.source_np(first + 2)?;
        let speaker = view.speaker_np(np);
        let verb = ACCORDING_TO;
        return Some(
            Attribution {
                speaker,
                verb: Some(verb),
                found: true,
            }
            .with_verb_span(view.span_of(first, first + 2)),
        );
    }
    // `Macron's comments were described as "very dangerous" by Dmitry Peskov`: a passive
    // verb of naming before the quotation, its agent after it.
    if view.word(first) == "by"
        && let Some((k, lemma)) = passive_naming_before(view, q)
        && let Some(np) = view.np_forward(first + 1)
    {
        let speaker = view.speaker_np(np);
        if !speaker.actors.is_empty() {
            let verb = SpeechVerb {
                lemma,
                connotation: Connotation::Neutral,
                addressee: false,
            };
            return Some(
                Attribution {
                    speaker,
                    verb: Some(verb),
                    found: true,
                }
                .with_verb_span(view.span_of(k, k + 1)),
            );
        }
    }
    let hit = verbs
        .get(verbs.partition_point(|h| h.k < first))
        .filter(|h| h.k < first + MAX_POST_QUOTE_WORDS + MAX_APPOSITIVE_WORDS)?;
    let verb_span = view.verb_span(hit.k, hit.n, hit.verb);
    let speaker = if hit.k == first {
        // "said Italian Foreign Minister Antonio Tajani"
        view.speaker_np(view.np_forward(hit.k + hit.n)?)
    } else {
        let between = (first..hit.k)
            .filter(|&k| !lexicon::BETWEEN_SET.contains(view.word(k)))
            .collect::<Vec<_>>();
        let (&a, &b) = (between.first()?, between.last()?);
        // (A title may run long: "White House National Security Council spokeswoman
        // Adrienne Watson said".)
        let plain = hit.k < first + MAX_NP_WORDS
            && (a..=b)
                .all(|k| view.np_word(k) || lexicon::SUBJECT_PRONOUNS.contains(&view.word(k)));
        if plain {
            view.speaker_np((a, b + 1))
        } else {
            named_before_appositive(view, first, hit.k)
                .or_else(|| named_after_continuation(view, first, hit))?
        }
    };
    if speaker.actors.is_empty() && !speaker.pronoun && !speaker.anonymous {
        return None;
    }
    Some(
        Attribution {
            speaker,
            verb: Some(hit.verb),
            found: true,
        }
        .with_verb_span(verb_span),
    )
}

/// `"…," Cui Hongjian, a professor at Beijing Foreign Studies University, told …`: a name
/// right after the quotation, then what they are between commas, then the verb at `verb`.
/// Only a named actor is taken: "…," the official, who asked not to be named, said` is
/// read by the anonymous-source rules.
fn named_before_appositive<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    first: usize,
    verb: usize,
) -> Option<Speaker> {
    let (a, b) = view.np_forward(first)?;
    let appositive = b..verb;
    let fits = !appositive.is_empty()
        && appositive.len() <= MAX_APPOSITIVE_WORDS
        && view.comma_before(b)
        && view.comma_before(verb)
        // Brackets may hold an acronym ("… International Studies (ZOiS) in Berlin").
        && appositive
            .clone()
            .skip(1)
            .all(|k| !view.punct_before(k) || view.only_brackets_before(k));
    if !fits {
        return None;
    }
    let speaker = view.speaker_np((a, b));
    (!speaker.actors.is_empty()).then_some(speaker)
}

/// `"…about the inevitability" of a direct conflict, Peskov said.`: the sentence the
/// quotation opens goes on for a few words outside it, then come a comma, the speaker and
/// the verb. Only a named actor is taken. (In `Macron said "…" sending troops, Scholz
/// warned` the quotation does not open the sentence: it is Macron's.)
fn named_after_continuation<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    first: usize,
    hit: &VerbHit,
) -> Option<Speaker> {
    let opens_sentence = first > 0 && view.toks[..first].iter().all(|t| t.in_quote);
    // A lower-case word right after the closing mark goes on with the sentence.
    if !opens_sentence || view.toks[first].cap {
        return None;
    }
    // The speaker: the words after the last comma before the verb.
    let a = (first + 1..hit.k).rev().find(|&k| view.comma_before(k))?;
    let fits = a - first <= MAX_CONTINUATION_WORDS
        && (first + 1..a).all(|k| !view.punct_before(k))
        && (a..hit.k).all(|k| view.np_word(k));
    if !fits {
        return None;
    }
    let speaker = view.speaker_np((a, hit.k));
    (!speaker.actors.is_empty()).then_some(speaker)
}
/// The most words of a sentence the quotation began, after its closing mark.
const MAX_CONTINUATION_WORDS: usize = 12;

fn make_quote<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    q: &text::Quotation,
    sentence_idx: usize,
    attribution: &Attribution,
) -> Quote {
    let inner = q.inner.text(view.text);
    let before = view
        .text
        .get(view.span.start..q.span.start)
        .unwrap_or("")
        .trim_end();
    let starts_upper = inner
        .chars()
        .find(|c| c.is_alphanumeric())
        .is_some_and(char::is_uppercase);
    let ends_punct = inner.trim_end().ends_with(['.', ',', '!', '?', '…']);
    let has_sentence_break = inner.char_indices().any(|(i, c)| {
        matches!(c, '.' | '!' | '?')
            && inner[i + 1..].starts_with(' ')
            && inner[i + 1..].trim_start().starts_with(char::is_uppercase)
    });
    let full = has_sentence_break
        || (starts_upper && (before.is_empty() || before.ends_with([':', ',']) || ends_punct));
    let verb_span = attribution.speaker.verb_span;
    let mut quote = Quote {
        text: inner.to_owned(),
        speakers: Vec::new(),
        verb: verb_span.map(|s| s.text(view.text).to_owned()),
        span: q.inner,
        speaker_ids: Vec::new(),
        verb_span,
        kind: if full {
            QuoteKind::Full
        } else {
            QuoteKind::Partial
        },
        sentence_idx,
    };
    set_speakers(&mut quote, &attribution.speaker.actors, view.actors);
    if !attribution.found {
        quote.kind = QuoteKind::Scare;
    }
    quote
}

// ------------------------------------------------------------------------- statements

/// A speech verb (or "according to") of a sentence with its subject and what it governs.
#[derive(Clone, Debug)]
struct Occurrence {
    speaker: Speaker,
    verb: SpeechVerb,
    verb_span: Span,
    /// What is said.
    content: Span,
    /// A source given after its clause (", US officials said"): it governs the clause
    /// before it.
    trailer: bool,
    /// Words of the sentence the occurrence reports on, for relaying statements inside.
    scope: Span,
    /// Where a participle's, coordinated verb's or trailer's clause begins: the clause of
    /// an earlier verb ends there.
    clause_start: Option<usize>,
}

fn sentence_statements<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    sentence_idx: usize,
    attributed: &[(Quote, Attribution)],
    quote_ks: &[usize],
    given_idx: &dyn Fn(&Quote) -> Option<usize>,
    last: &mut LastSpeaker,
    out: &mut Vec<Statement>,
) {
    let mut used_verbs: Vec<Span> = quote_ks
        .iter()
        .filter_map(|&k| attributed[k].0.verb_span)
        .collect();
    order::sort_by_key(&mut used_verbs, |s| (s.start, s.end));
    let occurrences = occurrences(view, &used_verbs, last);
    // The occurrences with a named speaker, by where their verb is (occurrences come in
    // text order), to find those inside another's scope by binary search.
    let named: Vec<usize> = (0..occurrences.len())
        .filter(|&j| !occurrences[j].speaker.actors.is_empty())
        .collect();
    let named_inside = |occ_idx: usize, scope: Span| {
        let from = named.partition_point(|&j| occurrences[j].verb_span.start < scope.start);
        named[from..]
            .iter()
            .take_while(|&&j| occurrences[j].verb_span.start <= scope.end)
            .any(|&j| j != occ_idx && scope.contains(occurrences[j].verb_span))
    };
    // The statements found so far by where their content starts, to find one inside an
    // occurrence's scope in logarithmic time: the least content end among those starting
    // in the scope is inside it when it ends in it.
    let mut starts: Vec<usize> = quote_ks
        .iter()
        .map(|&k| attributed[k].0.span.start)
        .chain(occurrences.iter().map(|o| o.content.start))
        .collect();
    order::sort_by(&mut starts, |a, b| b.cmp(a));
    starts.dedup();
    let starting_from = |at: usize| starts.partition_point(|&s| s >= at);
    let mut least_end = PrefixBest::new(starts.len(), usize::MAX, usize::min);
    let add_content = |least_end: &mut PrefixBest<usize>, content: Span| {
        least_end.add(starting_from(content.start) - 1, content.end);
    };
    let mut statements: Vec<(Statement, Option<usize>)> = Vec::new();
    for &k in quote_ks {
        let (quote, attribution) = &attributed[k];
        if !attribution.found {
            continue;
        }
        statements.push((quote_statement(quote, attribution, given_idx(quote)), None));
        add_content(&mut least_end, quote.span);
    }
    // Reported speech.
    for (occ_idx, occ) in occurrences.iter().enumerate() {
        let is_source_only = occ.speaker.actors.is_empty()
            || occ.speaker.outlet
            || occ.speaker.anonymous
            || occ.trailer;
        let inner = || {
            named_inside(occ_idx, occ.scope)
                || least_end.best(starting_from(occ.scope.start)) <= occ.scope.end
        };
        if is_source_only && inner() {
            continue;
        }
        if occ.speaker.actors.is_empty() && !occ.speaker.anonymous && !occ.speaker.outlet {
            continue;
        }
        if occ.content.is_empty() {
            continue;
        }
        statements.push((
            Statement {
                speakers: occ.speaker.actors.clone(),
                verb: Some(occ.verb_span.text(view.text).to_owned()),
                verb_span: Some(occ.verb_span),
                connotation: occ.verb.connotation,
                content: occ.content,
                mode: StatementMode::Indirect,
                sourcing: own_sourcing(&occ.speaker),
                sentence_idx,
                quote_idx: None,
            },
            Some(occ_idx),
        ));
        add_content(&mut least_end, occ.content);
    }
    // A headline's source tag is the source of what it reports.
    if let Some(tag) = view.source_tag() {
        for (statement, _) in &mut statements {
            if statement.sourcing.kind == SourceKind::OnRecord {
                statement.sourcing = Sourcing {
                    kind: SourceKind::Outlet,
                    actor: None,
                    span: Some(tag),
                };
                if statement.mode == StatementMode::Indirect {
                    statement.mode = StatementMode::Relayed;
                }
            }
        }
    }
    // Sources relay the statements inside their scope.
    let sources = relay_sources(&occurrences, &statements);
    for ((statement, _), source) in statements.iter_mut().zip(sources) {
        if let Some(source) = source.and_then(|j| occurrences.get(j)) {
            statement.sourcing = relay_sourcing(&source.speaker, source.verb_span);
            if statement.mode == StatementMode::Indirect {
                statement.mode = StatementMode::Relayed;
            }
        }
    }
    for (statement, _) in statements {
        if !statement.speakers.is_empty() {
            last.actors = statement.speakers.clone();
            last.at = statement.content.end;
        }
        out.push(statement);
    }
}

/// For each statement, the occurrence that relays it: the first (in text order) that can
/// be a source (an actor, anonymous officials or an outlet), whose scope holds the
/// statement's verb (or content) and whose speakers are not the statement's own.
///
/// Found for all statements in one sweep rather than by trying every occurrence for every
/// statement: statements are taken by where their verb starts, occurrences are added as
/// their scope starts at or before it, in a tree keyed by where the scope ends that keeps,
/// for scopes reaching far enough, the first occurrence and the first of other speakers.
fn relay_sources(
    occurrences: &[Occurrence],
    statements: &[(Statement, Option<usize>)],
) -> Vec<Option<usize>> {
    // Most sentences have no statement to relay.
    if statements.is_empty() {
        return Vec::new();
    }
    // Speakers as small ids, so "not the statement's own speakers" is an integer test.
    let mut groups: HashMap<&[ActorId], usize> = HashMap::new();
    fn group_of<'a>(groups: &mut HashMap<&'a [ActorId], usize>, actors: &'a [ActorId]) -> usize {
        let next = groups.len();
        *groups.entry(actors).or_insert(next)
    }
    let mut sources: Vec<(usize, usize)> = occurrences
        .iter()
        .enumerate()
        .filter(|(_, o)| {
            !o.scope.is_empty()
                && (o.speaker.anonymous || o.speaker.outlet || !o.speaker.actors.is_empty())
        })
        .map(|(j, o)| (j, group_of(&mut groups, &o.speaker.actors)))
        .collect();
    let queries: Vec<(Span, usize)> = statements
        .iter()
        .map(|(st, _)| {
            let at = st.verb_span.unwrap_or(st.content);
            (at, group_of(&mut groups, &st.speakers))
        })
        .collect();
    order::sort_by_key(&mut sources, |&(j, _)| occurrences[j].scope.start);
    let mut ends: Vec<usize> = sources
        .iter()
        .map(|&(j, _)| occurrences[j].scope.end)
        .collect();
    order::sort_by(&mut ends, |a, b| b.cmp(a));
    ends.dedup();
    let reaching = |at: usize| ends.partition_point(|&e| e >= at);
    let mut order: Vec<usize> = (0..queries.len()).collect();
    order::sort_by_key(&mut order, |&t| queries[t].0.start);
    let mut tree = PrefixBest::new(ends.len(), FirstTwo::default(), FirstTwo::merge);
    let mut added = 0;
    let mut found = vec![None; queries.len()];
    for t in order {
        let (at, own) = queries[t];
        while let Some(&(j, group)) = sources
            .get(added)
            .filter(|&&(j, _)| occurrences[j].scope.start <= at.start)
        {
            let one = FirstTwo {
                first: Some((j, group)),
                second: None,
            };
            tree.add(reaching(occurrences[j].scope.end) - 1, one);
            added += 1;
        }
        found[t] = tree.best(reaching(at.end)).first_not_of(own);
    }
    found
}

/// The first two occurrences (by index) of two different speaker groups: `(index, group)`.
#[derive(Clone, Copy, Debug, Default)]
struct FirstTwo {
    first: Option<(usize, usize)>,
    second: Option<(usize, usize)>,
}

impl FirstTwo {
    fn merge(a: FirstTwo, b: FirstTwo) -> FirstTwo {
        let all = [a.first, a.second, b.first, b.second];
        let first = all.iter().flatten().min_by_key(|&&(j, _)| j).copied();
        let second = first.and_then(|(_, g)| {
            all.iter()
                .flatten()
                .filter(|&&(_, other)| other != g)
                .min_by_key(|&&(j, _)| j)
                .copied()
        });
        FirstTwo { first, second }
    }

    /// The first occurrence whose group is not `group`.
    fn first_not_of(self, group: usize) -> Option<usize> {
        match self.first {
            Some((j, g)) if g != group => Some(j),
            _ => self.second.map(|(j, _)| j),
        }
    }
}

/// A Fenwick tree over positions `0..n` that keeps, for every prefix `..=i`, the best of
/// the values added at its positions under `merge` (associative and commutative; values
/// are only ever added). Both operations take `O(log n)`.
struct PrefixBest<T: Copy> {
    tree: Vec<T>,
    empty: T,
    merge: fn(T, T) -> T,
}

impl<T: Copy> PrefixBest<T> {
    fn new(n: usize, empty: T, merge: fn(T, T) -> T) -> PrefixBest<T> {
        PrefixBest {
            tree: vec![empty; n],
            empty,
            merge,
        }
    }

    fn add(&mut self, at: usize, value: T) {
        let mut i = at + 1;
        while i <= self.tree.len() {
            self.tree[i - 1] = (self.merge)(self.tree[i - 1], value);
            i += i & i.wrapping_neg();
        }
    }

    /// The best of the values at positions `..n_first` (the first `n_first` positions).
    fn best(&self, n_first: usize) -> T {
        let mut i = n_first.min(self.tree.len());
        let mut acc = self.empty;
        while i > 0 {
            acc = (self.merge)(acc, self.tree[i - 1]);
            i -= i & i.wrapping_neg();
        }
        acc
    }
}

/// Sourcing of a speaker's own words.
fn own_sourcing(speaker: &Speaker) -> Sourcing {
    if speaker.anonymous {
        Sourcing {
            kind: SourceKind::Anonymous,
            actor: None,
            span: Some(speaker.np),
        }
    } else if speaker.outlet {
        Sourcing {
            kind: SourceKind::Outlet,
            actor: speaker.media,
            span: Some(speaker.np),
        }
    } else if speaker.actors.is_empty() {
        Sourcing {
            kind: SourceKind::Unsourced,
            actor: None,
            span: None,
        }
    } else {
        Sourcing {
            kind: SourceKind::OnRecord,
            actor: None,
            span: None,
        }
    }
}

/// Sourcing of a statement relayed by `source`.
fn relay_sourcing(source: &Speaker, verb_span: Span) -> Sourcing {
    let start = source.np.start.min(verb_span.start);
    let end = source.np.end.max(verb_span.end);
    let span = Some(Span::new(start, end));
    if source.anonymous {
        Sourcing {
            kind: SourceKind::Anonymous,
            actor: None,
            span,
        }
    } else if source.outlet {
        Sourcing {
            kind: SourceKind::Outlet,
            actor: source.media,
            span,
        }
    } else {
        Sourcing {
            kind: SourceKind::NamedThirdParty,
            actor: source.actors.first().copied(),
            span,
        }
    }
}

/// Whether `verb_span` is among `used_verbs` (sorted): a verb a quotation already took.
fn used(used_verbs: &[Span], verb_span: Span) -> bool {
    used_verbs
        .binary_search_by_key(&(verb_span.start, verb_span.end), |s| (s.start, s.end))
        .is_ok()
}

/// Finds the speech verbs of a sentence with their subjects, content and scope.
/// `used_verbs` (sorted) are the verbs quotations already took.
fn occurrences<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    used_verbs: &[Span],
    last: &LastSpeaker,
) -> Vec<Occurrence> {
    let mut out: Vec<Occurrence> = Vec::new();
    let n = view.toks.len();
    let end_trim = sentence_content_end(view);
    let mut prior: Option<Speaker> = None;
    let mut hits: Vec<(usize, usize, SpeechVerb, bool)> = view
        .verbs()
        .into_iter()
        .map(|h| (h.k, h.n, h.verb, false))
        .collect();
    for (k, len) in view.according_tos() {
        hits.push((k, len, ACCORDING_TO, true));
    }
    order::sort_by_key(&mut hits, |h| h.0);
    if hits.is_empty()
        && let Some(occurrence) = headline_colon(view, end_trim)
    {
        out.push(occurrence);
    }
    for &(k, len, verb, according) in &hits {
        let verb_span = view.verb_span(k, len, verb);
        let occurrence = if according {
            if used(used_verbs, verb_span) {
                continue;
            }
            let Some(np) = view.source_np(k + len) else {
                continue;
            };
            let mut speaker = view.speaker_np(np);
            speaker.np = Span::new(verb_span.start, speaker.np.end);
            let leading = (0..k)
                .all(|j| view.np_word(j) || lexicon::INTRO_SET.contains(view.word(j)))
                && !view.comma_before(k);
            if leading {
                let content = view.span_of(np.1, n).min_end(end_trim);
                Occurrence {
                    speaker,
                    verb,
                    verb_span,
                    content,
                    trailer: false,
                    scope: content,
                    clause_start: None,
                }
            } else {
                let content =
                    Span::new(view.span.start, view.toks[k].span.start).trim_end_in(view.text);
                let clause_start = k.checked_sub(1).map(|p| view.toks[p].span.end);
                Occurrence {
                    speaker,
                    verb,
                    verb_span,
                    content,
                    trailer: true,
                    scope: content,
                    clause_start,
                }
            }
        } else {
            if verb.lemma == "cite" {
                continue;
            }
            let Some(mut speaker) = view.subject_of(k, prior.as_ref()) else {
                continue;
            };
            if speaker.pronoun {
                resolve_pronoun(view, &mut speaker, view.mentions, last);
            }
            prior = Some(speaker.clone());
            if used(used_verbs, verb_span) {
                continue;
            }
            let np_start = speaker.np_words.0;
            let attachment = view.attachment(k);
            if attachment.is_none()
                && np_start > 0
                && view.comma_before(np_start)
                && view.ends_clause(k + len)
            {
                let content = Span::new(view.span.start, view.toks[np_start].span.start)
                    .trim_end_in(view.text);
                let clause_start = Some(view.toks[np_start - 1].span.end);
                Occurrence {
                    speaker,
                    verb,
                    verb_span,
                    content,
                    trailer: true,
                    scope: content,
                    clause_start,
                }
            } else {
                let content = content_after(view, k + len, verb).min_end(end_trim);
                Occurrence {
                    speaker,
                    verb,
                    verb_span,
                    content,
                    trailer: false,
                    scope: content,
                    clause_start: attachment,
                }
            }
        };
        out.push(occurrence);
    }
    // ", citing unnamed US officials": the deeper source of a trailer. Occurrences come in
    // text order and their verbs do not overlap, so the trailers' verbs end in order too.
    let trailers: Vec<usize> = (0..out.len()).filter(|&j| out[j].trailer).collect();
    for k in 0..n {
        if view.word(k) != "citing" || view.toks[k].in_quote || !view.comma_before(k) {
            continue;
        }
        let Some(np) = view.np_forward(k + 1) else {
            continue;
        };
        let cited = view.speaker_np(np);
        let at = view.toks[k].span.start;
        let before = trailers.partition_point(|&j| out[j].verb_span.end <= at);
        if let Some(occ) = before
            .checked_sub(1)
            .and_then(|i| trailers.get(i))
            .and_then(|&j| out.get_mut(j))
        {
            occ.speaker.np = Span::new(occ.speaker.np.start, cited.np.end);
            if cited.anonymous {
                occ.speaker.anonymous = true;
                occ.speaker.outlet = false;
            }
        }
    }
    // A clause ends where a later participle, coordinated verb or trailer takes over.
    let mut bounds: Vec<usize> = out.iter().filter_map(|o| o.clause_start).collect();
    for o in &out {
        let (np_start, _) = o.speaker.np_words;
        let joined =
            np_start > 0 && (view.comma_before(np_start) || view.word(np_start - 1) == "and");
        if !o.trailer && o.clause_start.is_none() && joined {
            let before_and = if view.word(np_start - 1) == "and" {
                np_start - 1
            } else {
                np_start
            };
            bounds.push(view.toks[before_and].span.start);
        }
    }
    order::sort(&mut bounds);
    for occ in &mut out {
        if occ.trailer {
            continue;
        }
        if let Some(&b) = bounds.get(bounds.partition_point(|&b| b <= occ.content.start)) {
            let cut = b.min(occ.content.end);
            occ.content = Span::new(occ.content.start, cut).trim_end_in(view.text);
            occ.scope = occ.content;
        }
    }
    out
}

/// `X: …` in a headline: the actor named first says what follows the colon. Only when the
/// words before the colon are a short topic line that opens with a mention ("Minister On
/// Grain Deal: …"), and something is said after it.
fn headline_colon<L: ActorLookup + ?Sized>(view: &View<'_, L>, end: usize) -> Option<Occurrence> {
    if view.block_kind != Some(BlockKind::Headline) {
        return None;
    }
    let colon = view.text.get(view.span.start..end)?.find(':')? + view.span.start;
    let before = view.toks.partition_point(|t| t.span.end <= colon);
    let after = before;
    if before == 0 || before > MAX_HEADLINE_TOPIC_WORDS || view.toks.len() < after + 2 {
        return None;
    }
    let mention = view.toks[0].mention?;
    let mention_end = view.mentions.get(mention)?.span.end;
    let first_after = view.toks.partition_point(|t| t.span.start < mention_end);
    let speaker = view.speaker_np((0, first_after.clamp(1, before)));
    if speaker.actors.is_empty() {
        return None;
    }
    let content = Span::new(view.toks[after].span.start, end);
    Some(Occurrence {
        speaker,
        verb: HEADLINE_COLON,
        verb_span: Span::new(colon, colon + 1),
        content,
        trailer: false,
        scope: content,
        clause_start: None,
    })
}

/// Words a headline's topic before `X …:` may have.
const MAX_HEADLINE_TOPIC_WORDS: usize = 10;

/// The pseudo-verb of a headline's `X: …`.
const HEADLINE_COLON: SpeechVerb = SpeechVerb {
    lemma: ":",
    connotation: Connotation::Neutral,
    addressee: false,
};

/// The pseudo-verb of "according to" and "as per".
const ACCORDING_TO: SpeechVerb = SpeechVerb {
    lemma: "according to",
    connotation: Connotation::Neutral,
    addressee: false,
};

/// Where content ends: the sentence's end without its final punctuation, and a headline's
/// before its source tag ("… - Reports").
fn sentence_content_end<L: ActorLookup + ?Sized>(view: &View<'_, L>) -> usize {
    if let Some(tag) = view.source_tag() {
        let before = view.text.get(view.span.start..tag.start).unwrap_or("");
        return view.span.start + before.trim_end().len();
    }
    view.toks.last().map_or(view.span.start, |t| {
        let after = view.text.get(t.span.end..view.span.end).unwrap_or("");
        // Keep a closing quotation mark that belongs to the content.
        let keep = after.len()
            - after
                .trim_start_matches(|c: char| {
                    text::is_quotation_mark(c) || c == '.' || c == '!' || c == '?'
                })
                .len();
        let kept = &after[..keep];
        let marks = kept.trim_end_matches(['.', '!', '?']).len();
        t.span.end + marks
    })
}

/// The reported clause after a verb: after "that" when it comes soon, else after the
/// addressee of verbs that take one ("told allies there would be …").
fn content_after<L: ActorLookup + ?Sized>(
    view: &View<'_, L>,
    from: usize,
    verb: SpeechVerb,
) -> Span {
    let n = view.toks.len();
    let that = (from..n.min(from + MAX_NP_WORDS))
        .take_while(|&j| !view.toks[j].in_quote && (j == from || !view.comma_before(j)))
        .take_while(|&j| view.verb_at(j).is_none())
        .find(|&j| view.word(j) == "that");
    let start = match that {
        Some(j) => j + 1,
        // In a title every word is capitalised, so an addressee cannot be told from what
        // is said ("X Warns Europe Must …"): what follows the verb is what is said.
        None if verb.addressee && !view.title_case() => {
            let mut j = from;
            if view.word(j) == "to" {
                j += 1;
            }
            let addressee_start = j;
            while j < n
                && j - addressee_start < 5
                && !view.toks[j].in_quote
                && (j == addressee_start || !view.punct_before(j))
                && (view.np_word(j) || lexicon::ADDRESSEE_SET.contains(view.word(j)))
                && view.word(j) != "of"
            {
                j += 1;
            }
            if j > addressee_start { j } else { from }
        }
        None => from,
    };
    match view.toks.get(start) {
        Some(t) => Span::new(t.span.start, view.span.end),
        None => Span::new(view.span.end, view.span.end),
    }
}

trait SpanExt {
    fn min_end(self, end: usize) -> Span;
    fn trim_end_in(self, text: &str) -> Span;
}

impl SpanExt for Span {
    fn min_end(self, end: usize) -> Span {
        Span::new(self.start, self.end.min(end).max(self.start))
    }
    /// Drops trailing spaces, commas and a dangling "and".
    fn trim_end_in(self, text: &str) -> Span {
        let slice = self.text(text);
        let trim = |s: &str| -> usize {
            s.trim_end_matches(|c: char| c.is_whitespace() || matches!(c, ',' | ';' | '—' | '–'))
                .len()
        };
        let mut kept = &slice[..trim(slice)];
        if let Some(stripped) = kept.strip_suffix(" and") {
            kept = &stripped[..trim(stripped)];
        }
        Span::new(self.start, self.start + kept.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{Actor, MentionVia};
    use serde::Deserialize;

    /// A test case of `testdata/quotes.toml`.
    #[derive(Deserialize)]
    struct Case {
        name: String,
        text: String,
        /// `"Canonical Name|kind|alias|alias…"`: matched as whole words, case-sensitive.
        #[serde(default)]
        actors: Vec<String>,
        expected: Expected,
    }

    #[derive(Deserialize)]
    struct Expected {
        quotes: Option<Vec<ExpectedQuote>>,
        statements: Option<Vec<ExpectedStatement>>,
    }

    #[derive(Deserialize)]
    struct ExpectedQuote {
        text: String,
        #[serde(default)]
        speakers: Vec<String>,
        verb: Option<String>,
        kind: Option<QuoteKind>,
    }

    #[derive(Deserialize)]
    struct ExpectedStatement {
        speakers: Vec<String>,
        mode: Option<StatementMode>,
        verb: Option<String>,
        connotation: Option<Connotation>,
        content: Option<String>,
        sourcing: Option<SourceKind>,
        /// The words of the sourcing span.
        source: Option<String>,
    }

    #[derive(Deserialize)]
    struct Cases {
        case: Vec<Case>,
    }

    /// Mentions of the case's actors by exact name or alias (the actor stage is tested on
    /// its own; these tests pin the attribution patterns).
    fn mentions_of(
        text: &str,
        structure: &Structure,
        specs: &[String],
    ) -> (Vec<Actor>, Vec<Mention>) {
        let mut actors = Vec::new();
        let mut names: Vec<(String, ActorId)> = Vec::new();
        for spec in specs {
            let mut parts = spec.split('|');
            let name = parts.next().unwrap_or_default().to_owned();
            let kind = match parts.next().unwrap_or_default() {
                "person" => ActorKind::Person,
                "government" => ActorKind::Government,
                "media" => ActorKind::Media,
                _ => ActorKind::Organization,
            };
            let id = actors.len();
            names.push((name.clone(), id));
            names.extend(parts.map(|alias| (alias.to_owned(), id)));
            actors.push(Actor {
                name,
                kind,
                role: None,
                affiliation: None,
                discovered: false,
                native_name: None,
            });
        }
        names.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
        let mut mentions: Vec<Mention> = Vec::new();
        for (name, actor) in &names {
            for (at, _) in text.match_indices(name.as_str()) {
                let span = Span::new(at, at + name.len());
                let before = text[..at].chars().next_back();
                let after = text[span.end..].chars().next();
                let bounded = !before.is_some_and(char::is_alphanumeric)
                    && !after.is_some_and(char::is_alphanumeric);
                if !bounded || mentions.iter().any(|m| m.span.overlaps(span)) {
                    continue;
                }
                let Some(sentence_idx) = structure
                    .sentences
                    .iter()
                    .position(|s| s.span.contains(span))
                else {
                    continue;
                };
                mentions.push(Mention {
                    actor: *actor,
                    span,
                    via: MentionVia::Name,
                    sentence_idx,
                });
            }
        }
        mentions.sort_by_key(|m| m.span.start);
        (actors, mentions)
    }

    fn names(ids: &[ActorId], actors: &[Actor]) -> Vec<String> {
        ids.iter().map(|&a| actors[a].name.clone()).collect()
    }

    #[test]
    fn quote_and_statement_cases_hold() {
        let cases: Cases = toml::from_str(include_str!("../testdata/quotes.toml"))
            .unwrap_or_else(|e| panic!("testdata/quotes.toml: {e}"));
        let mut failures = Vec::new();
        for case in &cases.case {
            let text = case.text.as_str();
            let structure = crate::structure::parse(text);
            let (actors, mentions) = mentions_of(text, &structure, &case.actors);
            let quotes = find_quotes_with(text, &structure, &mentions, actors.as_slice());
            let statements =
                find_statements_with(text, &structure, &mentions, &quotes, actors.as_slice());
            for q in &quotes {
                assert_eq!(q.span.text(text), q.text, "{}: quote span", case.name);
            }
            if let Some(expected) = &case.expected.quotes {
                let got: Vec<String> = quotes
                    .iter()
                    .map(|q| format!("{:?} {:?} {:?} {:?}", q.text, q.speakers, q.verb, q.kind))
                    .collect();
                let ok = expected.len() == quotes.len()
                    && expected.iter().zip(&quotes).all(|(e, q)| {
                        e.text == q.text
                            && e.speakers == q.speakers
                            && e.verb.as_ref().is_none_or(|v| Some(v) == q.verb.as_ref())
                            && e.kind.is_none_or(|k| k == q.kind)
                    });
                if !ok {
                    failures.push(format!("{}: quotes were {got:#?}", case.name));
                }
            }
            if let Some(expected) = &case.expected.statements {
                let show = |s: &Statement| {
                    format!(
                        "{:?} {:?} {:?} {:?} content={:?} sourcing={:?} {:?}",
                        names(&s.speakers, &actors),
                        s.mode,
                        s.verb,
                        s.connotation,
                        s.content.text(text),
                        s.sourcing.kind,
                        s.sourcing.span.map(|sp| sp.text(text)),
                    )
                };
                let ok = expected.len() == statements.len()
                    && expected.iter().zip(&statements).all(|(e, s)| {
                        e.speakers == names(&s.speakers, &actors)
                            && e.mode.is_none_or(|m| m == s.mode)
                            && e.verb.as_ref().is_none_or(|v| Some(v) == s.verb.as_ref())
                            && e.connotation.is_none_or(|c| c == s.connotation)
                            && e.content.as_ref().is_none_or(|c| c == s.content.text(text))
                            && e.sourcing.is_none_or(|k| k == s.sourcing.kind)
                            && e.source.as_ref().is_none_or(|w| {
                                s.sourcing.span.map(|sp| sp.text(text)) == Some(w.as_str())
                            })
                    });
                if !ok {
                    let got: Vec<String> = statements.iter().map(show).collect();
                    failures.push(format!("{}: statements were {got:#?}", case.name));
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

    #[test]
    fn odd_text_never_panics_and_every_span_lies_on_char_boundaries() {
        let long = format!("\"{}", "é said “x” ".repeat(2000));
        let texts = [
            "",
            "\"",
            "\"\"\"\"",
            "« « » »",
            "‘’‘’ ' '' '",
            "He said: \"",
            "\u{202e}“مرحبا,” he said.\r\n\"Ok\"",
            "a\u{301}\u{200b} “é”, said Zoë, according to",
            ", said , according to , US officials said.",
            long.as_str(),
        ];
        for text in texts {
            let structure = crate::structure::parse(text);
            let specs = ["Zoë Roy|person|Zoë".to_owned()];
            let (actors, mentions) = mentions_of(text, &structure, &specs);
            let quotes = find_quotes_with(text, &structure, &mentions, actors.as_slice());
            let statements =
                find_statements_with(text, &structure, &mentions, &quotes, actors.as_slice());
            let fits = |s: Span| s.start <= s.end && text.get(s.start..s.end).is_some();
            for q in &quotes {
                assert!(fits(q.span) && q.verb_span.is_none_or(fits), "{text:?}");
            }
            for st in &statements {
                assert!(
                    fits(st.content) && st.verb_span.is_none_or(fits),
                    "{text:?}"
                );
                assert!(st.sourcing.span.is_none_or(fits), "{text:?}");
            }
        }
    }
}
