//! Structure of an article: header line, headline, subheadings, paragraphs, list items,
//! sentences, and the page furniture set aside as removed.
//!
//! This is the first stage: every later stage reads only the blocks and sentences found
//! here, so a line set aside as removed (an ad slot, a "Read more" link, a link to another
//! story such as "Related: …", a trailing list of unrelated teasers) never yields an
//! actor, a quote or a claim. It works on general layout cues only — line shape, position,
//! blank-line grouping, title case — never on the words of particular articles, because
//! the same rules run on articles nobody has seen.
//!
//! The text is read line by line: a line is the unit of layout in every article file we get
//! (a paragraph is one line, whether paragraphs are separated by blank lines or not).
//! Sentences are then split inside each block by a scanner that knows abbreviations,
//! numbers, ellipses and quotations (see [`split_sentences`]). All of it is linear in the
//! length of the text and never panics.

use crate::corpus::parse_header_line;
use crate::lexicon;
use crate::model::{Block, BlockKind, Removed, Sentence, Span};
use crate::text::{self, Quotation};
use std::borrow::Cow;

/// The layout of one article's text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    /// The optional first line ` date YYYY-MM-DD URL` (trimmed).
    pub header: Option<Span>,
    /// The headline line; also `blocks[0]` (kind [`BlockKind::Headline`]) when present.
    pub headline: Option<Span>,
    /// Headline, subheadings, paragraphs and list items in text order. A list item's span
    /// leaves out its marker (`- `, `• `, `1. `).
    pub blocks: Vec<Block>,
    /// Sentences of all blocks, in text order; the headline and each subheading are one
    /// sentence each.
    pub sentences: Vec<Sentence>,
    /// Lines set aside as not part of the article, in text order, one per line.
    pub removed: Vec<Removed>,
    /// Quotations of all blocks, in text order (see [`text::quotations`]); an unbalanced
    /// mark is capped at the end of its block.
    pub quotations: Vec<Quotation>,
    /// Messy input noticed on the way: a bad header line, unbalanced quotation marks.
    pub diagnostics: Vec<String>,
    /// The words of every sentence ([`text::words`] of its span), in text order, and the
    /// range of each sentence's: every later stage reads a sentence word by word, and
    /// scanning the text for words once here spares each stage doing it again.
    words: Vec<Span>,
    sentence_words: Vec<(usize, usize)>,
}

impl Structure {
    /// The words of sentence `sentence_idx` (as [`text::words`] finds them in its span).
    /// Read from the index [`parse`] builds; a sentence added by hand is scanned here.
    pub fn sentence_words<'s>(&'s self, text: &str, sentence_idx: usize) -> Cow<'s, [Span]> {
        match self.sentence_words.get(sentence_idx) {
            Some(&(from, to)) if self.sentence_words.len() == self.sentences.len() => {
                Cow::Borrowed(self.words.get(from..to).unwrap_or(&[]))
            }
            _ => self
                .sentences
                .get(sentence_idx)
                .map_or(Cow::Borrowed(&[][..]), |s| {
                    Cow::Owned(text::words(text, s.span))
                }),
        }
    }

    /// Number of words in all blocks, as [`text::count_words`] counts each block's text:
    /// read from the index of sentence words rather than by scanning every block again.
    /// The two agree because a block's sentences cover it, and [`split_sentences`] cuts it
    /// only between a mark (terminal, closing quote or bracket) and a space, or at its end:
    /// no word runs across a cut, and what sits between sentences is space, which holds
    /// none. A structure whose index does not fit its sentences is counted block by block.
    pub fn n_words(&self, text: &str) -> usize {
        if self.sentence_words.len() == self.sentences.len() {
            self.words.len()
        } else {
            self.blocks
                .iter()
                .map(|b| text::count_words(b.span.text(text)))
                .sum()
        }
    }

    /// Indexes the words of every sentence (see [`Structure::sentence_words`]).
    fn index_words(&mut self, text: &str) {
        self.words.clear();
        self.sentence_words.clear();
        for sentence in &self.sentences {
            let from = self.words.len();
            self.words.extend(text::word_spans(text, sentence.span));
            self.sentence_words.push((from, self.words.len()));
        }
    }
}

/// Diagnostics about unbalanced quotation marks beyond this many are summed up in one line,
/// so a hostile text full of stray marks cannot flood the viewer.
const MAX_QUOTE_DIAGNOSTICS: usize = 5;

/// Splits `text` into header, headline, blocks and sentences, and sets page furniture
/// aside. Never panics; every span lies on char boundaries of `text`.
pub fn parse(text: &str) -> Structure {
    parse_with(text, &|_| false)
}

/// [`parse`], knowing which short lines are only the name of a news outlet (a masthead:
/// "Sputnik", "Ukrinform"), set aside rather than taken for the headline or a subheading.
pub fn parse_with(text: &str, is_outlet_name: &dyn Fn(&str) -> bool) -> Structure {
    parse_with_sources(text, is_outlet_name, &|name| vec![name.to_owned()])
}

/// [`parse_with`], told also every name of the outlet a name stands for (`names_of`), so
/// that a headline closed by the outlet it reports from ("… on Ukraine – WSJ", the body
/// citing "The Wall Street Journal") keeps it: only the site's own name is set aside.
pub fn parse_with_sources(
    text: &str,
    is_outlet_name: &dyn Fn(&str) -> bool,
    names_of: &dyn Fn(&str) -> Vec<String>,
) -> Structure {
    let mut structure = Structure::default();
    let mut lines = lines(text);
    let mut kinds: Vec<LineKind> = lines
        .iter()
        .map(|span| {
            let line = span.text(text);
            if line.is_empty() {
                LineKind::Blank
            } else if let Some(reason) = furniture_reason(line) {
                LineKind::Removed(reason)
            } else if line.len() <= MAX_SECTION_LABEL_BYTES && is_outlet_name(line) {
                LineKind::Removed("page furniture: the outlet's name")
            } else if is_outlet_and_place(line, is_outlet_name) {
                LineKind::Removed(CREDITS_REASON)
            } else if is_place_and_outlet_dateline(line, is_outlet_name) {
                LineKind::Removed("page furniture: a dateline")
            } else {
                LineKind::Text
            }
        })
        .collect();

    if let Some(header) = parse_header_line(text) {
        if let (Some(first), Some(kind)) = (lines.first(), kinds.first_mut()) {
            structure.header = Some(*first);
            *kind = LineKind::Header;
        }
        structure.diagnostics.extend(header.problems);
    }

    mark_top_menu(text, &lines, &mut kinds);
    let mut headline_idx = find_headline(text, &lines, &kinds);
    // A section label above the headline ("Europe", "RUSSIA-UKRAINE WAR") is the page's,
    // and the headline, if any, comes after it.
    // A line in capitals alone ("MACRON: NO TROOPS") is a label only above another headline.
    // Labels may stack ("World", then "Europe").
    // A byline may come first ("By John Doe", then the headline): it is no headline when
    // one follows it.
    if let Some(idx) = headline_idx.filter(|&idx| is_byline(lines[idx].text(text))) {
        kinds[idx] = LineKind::Removed(CREDITS_REASON);
        match find_headline(text, &lines, &kinds) {
            Some(below) => headline_idx = Some(below),
            None => kinds[idx] = LineKind::Text,
        }
    }
    // A box of key points first ("KEY POINTS", then its lines up to a blank line) is the
    // outlet's summary of the story. It is never the headline. When a headline follows it,
    // the box is set aside (it comes before the headline and repeats the article);
    // otherwise it is the article's opening text.
    if let Some(idx) = headline_idx.filter(|&idx| is_summary_label(lines[idx].text(text))) {
        let end = (idx + 1..kinds.len())
            .find(|&i| kinds[i] == LineKind::Blank)
            .unwrap_or(kinds.len());
        let boxed = kinds[idx..end].to_vec();
        for kind in &mut kinds[idx..end] {
            if *kind == LineKind::Text {
                *kind = LineKind::Removed("the story's key points, above its headline");
            }
        }
        headline_idx = find_headline(text, &lines, &kinds);
        if headline_idx.is_none() {
            kinds[idx..end].copy_from_slice(&boxed);
        }
    }
    for _ in 0..MAX_SECTION_LABELS {
        let Some((idx, label)) = headline_idx
            .and_then(|idx| section_label(lines[idx].text(text)).map(|label| (idx, label)))
        else {
            break;
        };
        kinds[idx] = LineKind::Removed("page furniture: a section label above the headline");
        let below = find_headline(text, &lines, &kinds);
        if below.is_some() || label == SectionLabel::Named {
            headline_idx = below;
        } else {
            kinds[idx] = LineKind::Text;
            break;
        }
    }
    // The site's name after the headline, as a page title gives it ("… | Euronews").
    let mut headline_suffix = None;
    if let Some(idx) = headline_idx {
        kinds[idx] = LineKind::Headline;
        let cited = |site: &str| {
            let body = &text[lines[idx].end..];
            names_of(site)
                .iter()
                .any(|name| body.contains(name.as_str()))
        };
        if let Some(kept) = without_site_suffix(lines[idx].text(text), is_outlet_name, &cited) {
            let line = lines[idx];
            let rest = &text[line.start + kept..line.end];
            let spaces = rest.len() - rest.trim_start().len();
            headline_suffix = Some(Span::new(line.start + kept + spaces, line.end));
            lines[idx] = Span::new(line.start, line.start + kept);
        }
        // A badge or kicker right below it ("LIVE", "Analysis").
        let below = (idx + 1..kinds.len()).find(|&i| kinds[i] != LineKind::Blank);
        if let Some(below) = below.filter(|&i| kinds[i] == LineKind::Text)
            && section_label(lines[below].text(text)) == Some(SectionLabel::Named)
        {
            kinds[below] = LineKind::Removed("page furniture: a section label below the headline");
        }
    }
    // Scraped pages often give the headline twice (the page's title, then the article's).
    // When the first is the page's title, with the site's name after it ("… | Euronews"),
    // the article's own line below is the headline and the title line goes whole.
    if let (Some(idx), Some(_)) = (headline_idx, headline_suffix) {
        let headline = lines[idx].text(text);
        let own = (idx + 1..kinds.len())
            .find(|&i| kinds[i] == LineKind::Text && lines[i].text(text) == headline);
        if let Some(own) = own {
            lines[idx] = Span::new(
                lines[idx].start,
                headline_suffix.map_or(lines[idx].end, |s| s.end),
            );
            kinds[idx] =
                LineKind::Removed("page furniture: the page's title, with the site's name");
            kinds[own] = LineKind::Headline;
            headline_idx = Some(own);
            headline_suffix = None;
        }
    }
    if let Some(headline) = headline_idx.map(|idx| lines[idx].text(text)) {
        for (span, kind) in lines.iter().zip(kinds.iter_mut()) {
            if *kind == LineKind::Text && span.text(text) == headline {
                *kind = LineKind::Removed("page furniture: the headline repeated");
            }
        }
    }
    // A byline reads like a short title-case line, so it is told apart only once the
    // headline has been found: a headline is never taken for one.
    for (span, kind) in lines.iter().zip(kinds.iter_mut()) {
        if *kind == LineKind::Text && is_credit_line(span.text(text)) {
            *kind = LineKind::Removed(CREDITS_REASON);
        }
    }
    mark_names_over_credits(text, &lines, &mut kinds);
    mark_writer_under_label(text, &lines, &mut kinds);
    mark_caption_after_label(text, &lines, &mut kinds);
    mark_caption_before_credit(text, &lines, &mut kinds);
    mark_tag_block(text, &lines, &mut kinds);
    mark_story_links_under_label(text, &lines, &mut kinds);
    mark_noted_list(text, &lines, &mut kinds);
    mark_video_titles(text, &lines, &mut kinds);
    mark_sponsored_titles(text, &lines, &mut kinds);
    mark_video_box(text, &lines, &mut kinds);
    mark_story_cards(text, &lines, &mut kinds);
    mark_labels_in_boxes(text, &lines, &mut kinds);
    mark_writer_block(text, &lines, &mut kinds);
    mark_writer_biography(text, &lines, &mut kinds);
    let appeals_read_from = mark_appeal_block(text, &lines, &mut kinds, lines.len());
    mark_trailing_teasers(text, &lines, &mut kinds);
    mark_trailing_labelled_list(text, &lines, &mut kinds);
    // Once the lists after it are set aside, an appeal may be among the last lines (those
    // read already are not read again).
    mark_appeal_block(text, &lines, &mut kinds, appeals_read_from);
    mark_trailing_boxed_lines(text, &lines, &mut kinds);
    mark_footer_block(text, &lines, &mut kinds);
    // Once the lists after it are set aside, the writer's biography may be the last line.
    mark_writer_biography(text, &lines, &mut kinds);

    let mut n_unclosed = 0;
    for (line_idx, (&span, kind)) in lines.iter().zip(&kinds).enumerate() {
        let block_kind = match kind {
            LineKind::Blank | LineKind::Header => continue,
            LineKind::Removed(reason) => {
                structure.removed.push(Removed {
                    text: span.text(text).to_owned(),
                    reason: (*reason).to_owned(),
                    span,
                });
                continue;
            }
            LineKind::Headline => {
                if let Some(suffix) = headline_suffix {
                    structure.removed.push(Removed {
                        text: suffix.text(text).to_owned(),
                        reason: "page furniture: the site's name after the headline".to_owned(),
                        span: suffix,
                    });
                }
                BlockKind::Headline
            }
            LineKind::Text => body_block_kind(text, &lines, &kinds, line_idx),
        };
        let span = match block_kind {
            BlockKind::ListItem => list_item_text(text, span),
            _ => span,
        };
        let block_idx = structure.blocks.len();
        structure.blocks.push(Block {
            kind: block_kind,
            span,
        });
        let quotations = text::quotations(text, span);
        for quotation in quotations.iter().filter(|q| !q.closed) {
            n_unclosed += 1;
            if n_unclosed <= MAX_QUOTE_DIAGNOSTICS {
                structure.diagnostics.push(format!(
                    "quotation mark {} at byte {} is not closed in its paragraph; \
                     the quotation is taken to end with the paragraph",
                    quotation.open, quotation.span.start
                ));
            }
        }
        if block_kind == BlockKind::Paragraph || block_kind == BlockKind::ListItem {
            for sentence in split_sentences(text, span, &quotations) {
                structure.sentences.push(Sentence {
                    span: sentence,
                    block_idx,
                });
            }
        } else {
            structure.sentences.push(Sentence { span, block_idx });
        }
        structure.quotations.extend(quotations);
    }
    if n_unclosed > MAX_QUOTE_DIAGNOSTICS {
        structure.diagnostics.push(format!(
            "{} more unclosed quotation marks",
            n_unclosed - MAX_QUOTE_DIAGNOSTICS
        ));
    }
    structure.headline = headline_idx.map(|idx| lines[idx]);
    structure.index_words(text);
    structure
}

const CREDITS_REASON: &str = "page furniture: the byline or the reporting credits";
const CAPTION_REASON: &str = "page furniture: a picture caption or credit";
const TIMESTAMP_REASON: &str = "page furniture: a timestamp";

/// A line of names alone right above a credit line or a timestamp is the byline without
/// its "By": "Paul Kirby" over "Europe digital editor", "Aurelien Breeden and Roger Cohen"
/// over "Reporting from Paris", "Le Monde with AFP" over "Published on …".
fn mark_names_over_credits(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    for idx in 0..kinds.len() {
        let line = lines[idx].text(text);
        if kinds[idx] != LineKind::Text {
            continue;
        }
        let next = kinds[idx + 1..]
            .iter()
            .find(|k| **k != LineKind::Blank)
            .copied();
        let over_credits = next == Some(LineKind::Removed(CREDITS_REASON))
            || next == Some(LineKind::Removed(TIMESTAMP_REASON));
        if over_credits && (is_names_line(line) || is_names_with_places(line)) {
            kinds[idx] = LineKind::Removed(CREDITS_REASON);
        }
        // "Russia", right over "27 Feb, 2024 11:52": the page's section, over the date.
        // "RUSSIAN POLITICS & DIPLOMACY", in capitals, too.
        let one_word = line.len() <= MAX_TAG_BYTES
            && line.starts_with(char::is_uppercase)
            && (line.chars().all(|c| c.is_alphabetic() || c == '-')
                || (text::count_words_up_to(line, MAX_TAG_WORDS + 1) <= MAX_TAG_WORDS
                    && line
                        .chars()
                        .all(|c| c.is_uppercase() || matches!(c, ' ' | '&' | '-' | ','))));
        if one_word && kinds.get(idx + 1) == Some(&LineKind::Removed(TIMESTAMP_REASON)) {
            kinds[idx] = LineKind::Removed("page furniture: a section label over the date");
        }
    }
    // "By Jane Doe", "and", "John Roe": the "and" of two writers' names on lines of their
    // own; "DAILY SABAH WITH AGENCIES", "ISTANBUL", "Published …": the city filed from.
    let city = |line: &str| {
        line.len() >= 3
            && line.len() <= MAX_SECTION_LABEL_BYTES
            && line.chars().all(|c| c.is_uppercase() || c == '-')
    };
    for idx in 1..kinds.len() {
        let next = kinds[idx + 1..].iter().find(|k| **k != LineKind::Blank);
        let before = kinds[..idx].iter().rev().find(|k| **k != LineKind::Blank);
        let after_credits = before == Some(&LineKind::Removed(CREDITS_REASON));
        let after_dated_credits = before == Some(&LineKind::Removed(TIMESTAMP_REASON));
        // Over the date, or alone between the credits and the text ("Anadolu staff |…",
        // "MOSCOW", then the lede): one word.
        let city_line = kinds[idx] == LineKind::Text
            && (after_credits || after_dated_credits)
            && (next == Some(&LineKind::Removed(TIMESTAMP_REASON))
                || !lines[idx].text(text).contains(' '))
            && city(lines[idx].text(text));
        if city_line {
            kinds[idx] = LineKind::Removed(CREDITS_REASON);
        }
    }
    for idx in 1..kinds.len() {
        let between_credits = kinds[idx] == LineKind::Text
            && lines[idx].text(text).eq_ignore_ascii_case("and")
            && kinds[..idx].iter().rev().find(|k| **k != LineKind::Blank)
                == Some(&LineKind::Removed(CREDITS_REASON))
            && kinds[idx + 1..].iter().find(|k| **k != LineKind::Blank)
                == Some(&LineKind::Removed(CREDITS_REASON));
        if between_credits {
            kinds[idx] = LineKind::Removed(CREDITS_REASON);
        }
    }
}

/// "Oliver Haynes in Paris and Tom Adler in Berlin": writers' names, each with the city
/// they write from.
fn is_names_with_places(line: &str) -> bool {
    // "Matthew Lacey, Paris": one writer, then the city after a comma.
    if let Some((name, place)) = line.split_once(", ")
        && is_names_line(name)
        && !name.contains(" and ")
        && (1..=MAX_PLACE_WORDS).contains(&place.split_whitespace().count())
        && place
            .split_whitespace()
            .all(|w| w.starts_with(char::is_uppercase) && w.chars().all(char::is_alphabetic))
    {
        return true;
    }
    // "Tom Ambrose (now) and Martin Belam (earlier)": a live page's writers by shift.
    let shifts = [" (now)", " (earlier)", " (later)"];
    let by_shift = shifts.iter().any(|s| line.contains(s));
    (line.contains(" in ") || by_shift)
        && line.len() <= MAX_FURNITURE_BYTES
        && line
            .split(" and ")
            .flat_map(|part| part.split(", "))
            .all(|part| {
                let part = shifts
                    .iter()
                    .find_map(|s| part.strip_suffix(s))
                    .unwrap_or(part);
                let (name, place) = part.split_once(" in ").unwrap_or((part, ""));
                is_names_line(name)
                    && (place.is_empty()
                        || (place.split_whitespace().count() <= MAX_PLACE_WORDS
                            && place
                                .split_whitespace()
                                .all(|w| w.starts_with(char::is_uppercase))))
            })
}

/// "Author" or "Written by" alone on its line, the writer's name on the next, and their
/// title and institution on the one after, if it reads as one ("Senior Lecturer in
/// International Relations, University of Example"): the byline.
fn mark_writer_under_label(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    for idx in 0..kinds.len() {
        let label = lines[idx].text(text).trim_end_matches(':').trim_end();
        let is_label = matches!(
            kinds[idx],
            LineKind::Text | LineKind::Removed(CREDITS_REASON)
        ) && ["author", "authors", "written by"]
            .iter()
            .any(|l| label.eq_ignore_ascii_case(l));
        if !is_label {
            continue;
        }
        let after: Vec<usize> = (idx + 1..kinds.len())
            .filter(|&i| kinds[i] != LineKind::Blank)
            .take(2)
            .collect();
        let Some(&name) = after.first() else {
            continue;
        };
        if kinds[name] != LineKind::Text || !is_names_line(lines[name].text(text)) {
            continue;
        }
        kinds[idx] = LineKind::Removed(CREDITS_REASON);
        kinds[name] = LineKind::Removed(CREDITS_REASON);
        if let Some(&title) = after.get(1) {
            let line = lines[title].text(text);
            let reads_as_title = kinds[title] == LineKind::Text
                && !ends_like_a_sentence_or_lead_in(line)
                && !line.ends_with(['!', '?'])
                && (line.contains(", ") || line.contains(" at ") || line.contains(" of "))
                && text::count_words_up_to(line, MAX_WRITER_TITLE_WORDS + 1)
                    <= MAX_WRITER_TITLE_WORDS;
            if reads_as_title {
                kinds[title] = LineKind::Removed(CREDITS_REASON);
            }
        }
    }
}
/// The longest title and institution under a writer's name.
const MAX_WRITER_TITLE_WORDS: usize = 14;

/// "BBC News, Paris" under a byline: the outlet and where the writer files from.
fn is_outlet_and_place(line: &str, is_outlet_name: &dyn Fn(&str) -> bool) -> bool {
    if line.len() > MAX_SECTION_LABEL_BYTES {
        return false;
    }
    // "Reuters, Paris", or the two run together when copied ("Press Trust of India  Moscow").
    let Some((outlet, place)) = line.split_once(", ").or_else(|| line.split_once("  ")) else {
        return false;
    };
    let place_words: Vec<&str> = place.split_whitespace().collect();
    (1..=MAX_PLACE_WORDS).contains(&place_words.len())
        && place_words.iter().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && is_outlet_name(outlet)
}
/// "Paris CNN —": a dateline alone on its line, the place, then the outlet, then a dash.
fn is_place_and_outlet_dateline(line: &str, is_outlet_name: &dyn Fn(&str) -> bool) -> bool {
    if line.len() > MAX_SECTION_LABEL_BYTES {
        return false;
    }
    let Some(rest) = ["—", "–", "-"]
        .iter()
        .find_map(|dash| line.trim_end().strip_suffix(dash))
    else {
        return false;
    };
    let words: Vec<&str> = rest.split_whitespace().collect();
    (1..words.len()).any(|n_place| {
        let (place, outlet) = words.split_at(n_place);
        place.len() <= MAX_PLACE_WORDS
            && place.iter().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars().all(|c| c.is_alphabetic() || c == '-')
            })
            && is_outlet_name(&outlet.join(" "))
    })
}

/// The longest place a writer files from ("Rio de Janeiro" aside: capitalised words).
const MAX_PLACE_WORDS: usize = 3;

/// "Image caption," alone, then the caption on the line below it: that line is the
/// caption too ("Mr Macron has repeatedly refused to rule out sending troops").
fn mark_caption_after_label(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    for idx in 0..kinds.len() {
        let label = lines[idx].text(text).trim_end();
        if kinds[idx] != LineKind::Removed(CAPTION_REASON) || !label.ends_with([',', ':']) {
            continue;
        }
        let Some(next) = (idx + 1..kinds.len()).find(|&i| kinds[i] != LineKind::Blank) else {
            continue;
        };
        let caption = lines[next].text(text);
        if kinds[next] == LineKind::Text
            && text::count_words_up_to(caption, MAX_CAPTION_WORDS + 1) <= MAX_CAPTION_WORDS
        {
            kinds[next] = LineKind::Removed(CAPTION_REASON);
        }
    }
}
/// The longest caption taken from below its label.
const MAX_CAPTION_WORDS: usize = 30;

/// A picture's credit ("Image: Kay Nietfeld/dpa/picture alliance") right below a line,
/// with no blank line between: that line is its caption ("Scholz said there would be no
/// troops from European states or NATO"), unless it ends like a sentence, as a paragraph
/// of a text without blank lines would.
fn mark_caption_before_credit(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    for idx in 1..kinds.len() {
        let credit = lines[idx].text(text);
        let labelled = [
            "Image:",
            "Photo:",
            "Picture:",
            "Photograph:",
            "(photo credit:",
            "©",
        ]
        .iter()
        .any(|label| credit.starts_with(label));
        // "Ludovic Marin / AFP / Scanpix / LETA" under a caption that stands apart from the
        // text before it: a blank line (or the start) above the caption.
        let apart = idx < 2 || matches!(kinds[idx - 2], LineKind::Blank | LineKind::Removed(_));
        let unlabelled = apart && is_agency_slash_credit(credit);
        // "© Valery Sharifulin/TASS" reads as a copyright notice too; with no year, it is a
        // picture's credit.
        let signed_credit = credit.starts_with('©')
            && !credit
                .split_whitespace()
                .any(|w| w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()))
            && text::count_words_up_to(credit, MAX_CREDIT_WORDS + 1) <= MAX_CREDIT_WORDS;
        let credit_kind = kinds[idx] == LineKind::Removed(CAPTION_REASON)
            || (signed_credit && matches!(kinds[idx], LineKind::Removed(_)));
        if !(labelled || unlabelled) || !credit_kind {
            continue;
        }
        let caption = lines[idx - 1].text(text).trim_end();
        // A credit in brackets on a line of its own only ever follows its caption, which
        // may end like a sentence; so does a credit under a caption that stands apart.
        let bracketed = credit.starts_with('(');
        if kinds[idx - 1] == LineKind::Text
            && (bracketed || unlabelled || !caption.ends_with(['.', '!', '?', ':', '"', '”', '»']))
            && text::count_words_up_to(caption, MAX_CAPTION_WORDS + 1) <= MAX_CAPTION_WORDS
        {
            kinds[idx - 1] = LineKind::Removed(CAPTION_REASON);
        }
    }
}

/// A writer's name alone on its line over their biography, anywhere: "Juliette Arnaud",
/// then "Juliette covers French politics and diplomacy from Paris …"; an outlet's name may
/// stand between them ("Thomson Reuters"). The biography opens with the name or its first
/// word, goes on as one does ([`BIOGRAPHY_VERBS`]) and speaks of a newsroom's work
/// ([`NEWSROOM_WORK`]): a subheading naming a politician over a paragraph on them is kept.
fn mark_writer_block(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    const REASON: &str = "page furniture: the writer's biography";
    let next_line = |kinds: &[LineKind], idx: usize| {
        (idx + 1..kinds.len()).find(|&i| kinds[i] != LineKind::Blank)
    };
    for idx in 0..kinds.len() {
        let name = lines[idx].text(text).trim();
        if kinds[idx] != LineKind::Text || !is_names_line(name) || name.contains(" and ") {
            continue;
        }
        let Some(mut bio) = next_line(kinds, idx) else {
            continue;
        };
        let mut outlet = None;
        if text::count_words_up_to(lines[bio].text(text), 4) <= 3
            && is_names_line(lines[bio].text(text))
        {
            outlet = Some(bio);
            match next_line(kinds, bio) {
                Some(after) => bio = after,
                None => continue,
            }
        }
        let first = name.split(' ').next().unwrap_or(name);
        let last = name.rsplit(' ').next().unwrap_or(name);
        if kinds[bio] == LineKind::Text
            && is_writer_biography(lines[bio].text(text), &[name, first, last])
        {
            for i in [Some(idx), outlet, Some(bio)].into_iter().flatten() {
                kinds[i] = LineKind::Removed(REASON);
            }
        }
    }
}

/// A writer's biography that opens with one of `names` (in any case: "CLAIRE DUVAL" over
/// "Duval covers …") and says, right after it, what they do in a newsroom: "Juliette
/// covers French politics …", "Anja Brenner reports on French politics and European
/// security for DW.", "Rachel Ambrose is a CBS News digital reporter …". ("Olaf Scholz has
/// said …, and he repeated it to a reporter" is not one.)
fn is_writer_biography(line: &str, names: &[&str]) -> bool {
    if line.len() > 2 * MAX_FURNITURE_BYTES {
        return false;
    }
    names.iter().any(|name| {
        let Some(rest) = line
            .get(..name.len())
            .filter(|opening| opening.eq_ignore_ascii_case(name))
            .and_then(|_| line[name.len()..].strip_prefix(' '))
        else {
            return false;
        };
        let words: Vec<String> = rest
            .split_whitespace()
            .take(MAX_ROLE_AFTER_IS + 1)
            .map(text::fold)
            .collect();
        match words.first().map(String::as_str) {
            Some("covers" | "reports" | "writes") => true,
            Some("has") => words
                .get(1)
                .is_some_and(|w| matches!(w.as_str(), "covered" | "reported" | "written")),
            Some("is" | "was") => words[1..]
                .iter()
                .any(|w| NEWSROOM_ROLES.contains(&w.trim_end_matches([',', '.']))),
            _ => false,
        }
    })
}
/// How far after "is" a biography names the writer's role ("is a CBS News digital
/// reporter").
const MAX_ROLE_AFTER_IS: usize = 6;

/// Short lines among the page's boxes: "Summary" over the story's key points, one per line
/// right under it ("Scholz says no soldiers will be sent by European or NATO states"; the
/// label goes, the points stay); a short line between two lines of a newsletter's or an
/// app's box ("Daily newsletter", "Receive essential international news every morning",
/// "Subscribe"); and a writer's name alone between lines of the page's furniture.
fn mark_labels_in_boxes(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    const PROMPT: LineKind = LineKind::Removed("page furniture: a prompt to the reader");
    for idx in 0..kinds.len() {
        let line = lines[idx].text(text);
        if kinds[idx] != LineKind::Text {
            continue;
        }
        let next = lines.get(idx + 1).map(|s| s.text(text));
        // (Points may be sentences when several stand one under the other: "Key Points",
        // then "Macron said Friday that …", "Lavrov said this week that …".)
        let listed = kinds.get(idx + 2) == Some(&LineKind::Text);
        let points = is_summary_label(line)
            && kinds.get(idx + 1) == Some(&LineKind::Text)
            && next.is_some_and(|point| {
                let limit = if listed {
                    MAX_CAPTION_WORDS * 2
                } else {
                    MAX_STORY_TITLE_WORDS
                };
                (listed || !point.ends_with(['.', ':']))
                    && text::count_words_up_to(point, limit + 1) <= limit
            });
        if points {
            kinds[idx] = LineKind::Removed("page furniture: the label of the story's key points");
            continue;
        }
        let removed = |i: usize| matches!(kinds.get(i), Some(LineKind::Removed(_)));
        let in_box = idx > 0
            && removed(idx - 1)
            && removed(idx + 1)
            && (kinds[idx - 1] == PROMPT || kinds[idx + 1] == PROMPT)
            && !line.ends_with(['.', '!', '?', ':'])
            && text::count_words_up_to(line, MAX_FURNITURE_WORDS * 2) < MAX_FURNITURE_WORDS * 2;
        if in_box {
            kinds[idx] = PROMPT;
            continue;
        }
        // A writer's name alone between the page's furniture ("Heard on Morning Edition",
        // "Juliette Moreau", then the player's title), blank lines between.
        let removed =
            |i: Option<usize>| i.is_some_and(|i| matches!(kinds[i], LineKind::Removed(_)));
        let above = (0..idx).rev().find(|&i| kinds[i] != LineKind::Blank);
        let below = (idx + 1..kinds.len()).find(|&i| kinds[i] != LineKind::Blank);
        if is_names_line(line) && !line.contains(" and ") && removed(above) && removed(below) {
            kinds[idx] = LineKind::Removed(CREDITS_REASON);
        }
    }
}

/// "Daniel Hartmann is a senior fellow at the Atlantic Council.": among the last lines of
/// the article, a line that opens with a name of its byline and says who they are.
fn mark_writer_biography(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    let mut names: Vec<&str> = Vec::new();
    for (span, kind) in lines.iter().zip(kinds.iter()) {
        if *kind != LineKind::Removed(CREDITS_REASON) {
            continue;
        }
        let line = span.text(text);
        let Some(byline) = ["By ", "BY ", "by "]
            .iter()
            .find_map(|by| line.strip_prefix(by))
            .or_else(|| is_names_line(line).then_some(line))
        else {
            continue;
        };
        let byline = byline.split(',').next().unwrap_or(byline);
        names.extend(
            byline
                .split(" and ")
                .map(str::trim)
                .filter(|name| name.contains(' ')),
        );
    }
    let last_lines = (0..kinds.len())
        .rev()
        .filter(|&idx| kinds[idx] == LineKind::Text)
        .take(MAX_BIOGRAPHY_LINES);
    // A biography right under its byline ("By Benjamin Sadler", then "Benjamin Sadler is a
    // reporter on …"), wherever it stands.
    let under_byline = (1..kinds.len()).filter(|&idx| {
        kinds[idx] == LineKind::Text && kinds[idx - 1] == LineKind::Removed(CREDITS_REASON)
    });
    let candidates: Vec<(usize, bool)> = last_lines
        .map(|idx| (idx, true))
        .chain(under_byline.map(|idx| (idx, false)))
        .collect();
    for (idx, last) in candidates {
        let line = lines[idx].text(text);
        let about_writer = (last && is_journalist_biography(line))
            || names.iter().any(|name| {
                line.strip_prefix(name).is_some_and(|rest| {
                    BIOGRAPHY_VERBS
                        .iter()
                        .any(|verb| rest.starts_with(' ') && rest[1..].starts_with(verb))
                })
            });
        if about_writer && line.len() <= 2 * MAX_FURNITURE_BYTES {
            kinds[idx] = LineKind::Removed("page furniture: the writer's biography");
        }
    }
}
/// "Greg Norman is a reporter for Fox News Digital.": a name, then "is a/an" and a
/// newsroom's role "for", "at" or "with" an outlet, in one short sentence. Read only among
/// the last lines of an article, where a writer's biography stands, byline or not.
fn is_journalist_biography(line: &str) -> bool {
    if line.len() > MAX_FURNITURE_BYTES || line.ends_with(['!', '?', ':', '"', '”']) {
        return false;
    }
    let Some((name, role)) = [" is a ", " is an "]
        .iter()
        .find_map(|is| line.split_once(is))
    else {
        return false;
    };
    let name_words = text::words(name, Span::new(0, name.len()));
    let role = text::fold(role);
    (2..=4).contains(&name_words.len())
        && name_words
            .iter()
            .all(|w| w.text(name).starts_with(char::is_uppercase))
        && role.split(' ').take(4).any(|w| NEWSROOM_ROLES.contains(&w))
        && [" for ", " at ", " with ", " of "]
            .iter()
            .any(|p| role.contains(p))
}
/// The roles of a newsroom a writer's biography gives.
const NEWSROOM_ROLES: &[&str] = &[
    "reporter",
    "correspondent",
    "journalist",
    "writer",
    "editor",
    "producer",
    "columnist",
    "contributor",
];

/// The outlet asking its readers for support, among the last lines of the article: a line
/// that says so ([`is_appeal_for_support`]), or, after "A Message from The Moscow
/// Times:" or "Dear readers,", everything from that opening on, whatever it says.
///
/// Lines from `read_from` on were read by an earlier call: they are not read for an
/// appeal's words again. Returns the first line this call read.
fn mark_appeal_block(
    text: &str,
    lines: &[Span],
    kinds: &mut [LineKind],
    read_from: usize,
) -> usize {
    // The page's furniture already set aside below it does not count: "Explore more on
    // these topics", the tags and the most viewed stories under the Guardian's appeal.
    let last_lines: Vec<usize> = (0..kinds.len())
        .rev()
        .filter(|&idx| matches!(kinds[idx], LineKind::Text | LineKind::Headline))
        .take(MAX_APPEAL_LINES)
        .collect();
    let opens_appeal = |idx: usize| {
        let line = lines[idx].text(text).trim();
        if line.len() > MAX_APPEAL_OPENING_BYTES {
            return false;
        }
        let words = text::fold(line);
        ((words.starts_with("a message from") || words.starts_with("note from the author"))
            && line.ends_with(':'))
            || matches!(
                words.trim_end_matches([',', ':', '!']),
                "dear readers" | "dear reader"
            )
    };
    let first_read = last_lines.last().copied().unwrap_or(kinds.len());
    for &idx in last_lines.iter().filter(|&&idx| idx < read_from) {
        if kinds[idx] == LineKind::Text && is_appeal_for_support(lines[idx].text(text)) {
            kinds[idx] = LineKind::Removed(APPEAL_REASON);
            // Its button, on the next line, a blank line between at most: "Support
            // Meduza", "Donate now".
            let next = (idx + 1..kinds.len().min(idx + 3)).find(|&i| kinds[i] != LineKind::Blank);
            if let Some(next) = next
                && kinds[next] == LineKind::Text
                && text::count_words_up_to(lines[next].text(text), 5) <= 4
                && !lines[next].text(text).ends_with(['.', ':'])
            {
                kinds[next] = LineKind::Removed(APPEAL_REASON);
            }
        }
    }
    let Some(&first) = last_lines.iter().rev().find(|&&idx| opens_appeal(idx)) else {
        return first_read;
    };
    for kind in &mut kinds[first..] {
        if *kind == LineKind::Text
            || *kind == LineKind::Removed("page furniture: a prompt to the reader")
        {
            *kind = LineKind::Removed(APPEAL_REASON);
        }
    }
    first_read
}
/// The longest opening of an appeal ("A Message from The Moscow Times:").
const MAX_APPEAL_OPENING_BYTES: usize = 60;
/// The lines at the end of an article that an appeal for support may take.
const MAX_APPEAL_LINES: usize = 12;

/// The lines at the end of an article that may hold the writer's biography.
const MAX_BIOGRAPHY_LINES: usize = 2;
/// How a writer's biography goes on after their name.
const BIOGRAPHY_VERBS: &[&str] = &["is ", "was ", "has ", "writes ", "covers ", "reports "];

/// Two to [`MAX_BYLINE_NAME_WORDS`] capitalised words (a name's particles and "and"
/// between them), with nothing else on the line.
fn is_names_line(line: &str) -> bool {
    if line.len() > MAX_SECTION_LABEL_BYTES * 2
        || !line
            .chars()
            .all(|c| c.is_alphabetic() || matches!(c, ' ' | '-' | '\'' | '’' | ','))
    {
        return false;
    }
    let words = text::words(line, Span::new(0, line.len()));
    (2..=MAX_BYLINE_NAME_WORDS).contains(&words.len())
        && words.iter().all(|w| {
            let word = w.text(line);
            word.starts_with(char::is_uppercase)
                || word == "and"
                || word == "with"
                || lexicon::NAME_PARTICLES.contains(&word)
        })
}

/// What a line is, decided before blocks are built.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum LineKind {
    Blank,
    Header,
    Headline,
    /// Set aside, with the reason.
    Removed(&'static str),
    /// Article text: a paragraph, subheading or list item.
    Text,
}

/// The trimmed span of every line of `text` (split at `\n`; a `\r` before it is trimmed).
fn lines(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let trimmed_start = line.trim_start();
        let start = at + (line.len() - trimmed_start.len());
        out.push(Span::new(start, start + trimmed_start.trim_end().len()));
        at += line.len() + 1;
    }
    out
}

// ------------------------------------------------------------------------- page furniture

/// Words a line of ad-slot furniture is made of ("ARTICLE AD BOX", "Advertisement").
const AD_WORDS: &[&str] = &[
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertisements",
    "advertising",
    "sponsored",
    "article",
    "box",
    "content",
    "story",
    "continues",
    "below",
    "after",
    "this",
    "scroll",
    "to",
    "continue",
    "reading",
    "slot",
    "banner",
    "promoted",
    "partner",
    "paid",
    "links",
    "link",
    "adchoices",
];
/// The words that make a line an ad slot, among [`AD_WORDS`].
const AD_MARKERS: &[&str] = &[
    "adchoices",
    "ad",
    "ads",
    "advert",
    "advertisement",
    "advertisements",
    "advertising",
    "sponsored",
];
/// Words a read-more, share or subscribe link is made of ("Read Entire Article").
const LINK_WORDS: &[&str] = &[
    "read",
    "more",
    "entire",
    "full",
    "whole",
    "the",
    "this",
    "article",
    "story",
    "stories",
    "original",
    "source",
    "at",
    "on",
    "in",
    "here",
    "continue",
    "reading",
    "share",
    "via",
    "subscribe",
    "to",
    "our",
    "newsletter",
    "newsletters",
    "channel",
    "sign",
    "up",
    "follow",
    "us",
    "click",
    "tap",
    "see",
    "also",
    "view",
    "comments",
    "comment",
    "print",
    "copy",
    "link",
    "related",
    "articles",
    "news",
    "watch",
    "video",
    "listen",
    "audio",
    "download",
    "app",
    "now",
    "for",
    "free",
    "page",
    "website",
    "site",
    "all",
    "latest",
    "next",
    "previous",
    "and",
    "or",
    "post",
    "tweet",
    "it",
    "main",
    "google",
    "from",
    "author",
    "reply",
    "cancel",
    "join",
    "daily",
    "weekly",
    "leave",
    "a",
    "show",
    "hide",
    "original",
    "save",
    "later",
    "social",
    "media",
];
/// The first word of a link line, among [`LINK_WORDS`].
const LINK_VERBS: &[&str] = &[
    "read",
    "continue",
    "share",
    "subscribe",
    "sign",
    "follow",
    "click",
    "tap",
    "see",
    "view",
    "comments",
    "print",
    "copy",
    "related",
    "watch",
    "listen",
    "download",
    "more",
    "tweet",
    "join",
    "leave",
    "show",
    "hide",
    "source",
    "original",
    "save",
];
/// Networks a share button names: words of a link line besides [`LINK_WORDS`], and its
/// first word too when the button is alone on its line ("Facebook").
const SHARE_NETWORKS: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "email",
    "e-mail",
    "reddit",
    "pinterest",
    "bluesky",
    "messenger",
    "flipboard",
    "sms",
    "mailto",
];
/// A word of a link line: [`LINK_WORDS`] or [`SHARE_NETWORKS`].
fn is_link_word(word: &str) -> bool {
    LINK_WORDS.contains(&word) || SHARE_NETWORKS.contains(&word)
}
/// The first word of a link line: [`LINK_VERBS`] or [`SHARE_NETWORKS`].
fn is_link_verb(word: &str) -> bool {
    LINK_VERBS.contains(&word) || SHARE_NETWORKS.contains(&word)
}
/// Units of a relative timestamp ("8 months ago").
const TIME_UNITS: &[&str] = &[
    "second", "seconds", "sec", "secs", "minute", "minutes", "min", "mins", "hour", "hours", "hr",
    "hrs", "h", "day", "days", "d", "week", "weeks", "wk", "wks", "month", "months", "mo", "year",
    "years", "yr", "yrs", "y",
];
/// Words that may sit around a relative timestamp ("Updated 2 hours ago").
const TIMESTAMP_WORDS: &[&str] = &[
    "updated",
    "published",
    "posted",
    "last",
    "edited",
    "comments",
    "views",
    "read",
    "min",
];
/// What a page counts next to an article ("0 Comments", "1,204 shares").
const COUNTED: &[&str] = &[
    "comments",
    "comment",
    "shares",
    "share",
    "views",
    "likes",
    "reactions",
    "replies",
];

/// "Tags: Macron, Ukraine, NATO", "Topics: …", "Filed under: …".
fn is_tag_list(line: &str) -> bool {
    if is_labelled_list(
        line,
        TAG_LABELS,
        0..=MAX_STORY_TITLE_WORDS,
        &['.', '!', '?'],
    ) {
        return true;
    }
    // "Tags Adrienne Watson Emmanuel Macron Russia Ukraine": the label run into its tags,
    // capitalised words only.
    line.strip_prefix("Tags ").is_some_and(|tags| {
        line.len() <= MAX_FURNITURE_BYTES
            && tags.split_whitespace().all(|w| {
                w.starts_with(char::is_uppercase)
                    && w.chars()
                        .all(|c| c.is_alphanumeric() || matches!(c, '-' | '\'' | '’' | '.'))
            })
            && (2..=MAX_STORY_TITLE_WORDS).contains(&tags.split_whitespace().count())
    })
}

/// "<label>: <a few words>": `line`'s words before its first colon are one of `labels`, and
/// after it come `n_words` words that do not end like a sentence (`sentence_ends`).
fn is_labelled_list(
    line: &str,
    labels: &[&str],
    n_words: std::ops::RangeInclusive<usize>,
    sentence_ends: &[char],
) -> bool {
    let Some((lead, list)) = line.split_once(':') else {
        return false;
    };
    is_one_of(lead.trim(), labels)
        && list.len() <= MAX_FURNITURE_BYTES
        && !list.trim_end().ends_with(sentence_ends)
        && n_words.contains(&text::count_words_up_to(list, n_words.end() + 1))
}

/// The longest terms of reuse a page gives under its article.
const MAX_REUSE_TERMS_BYTES: usize = 800;

/// "Copyright 2024 The Associated Press. All rights reserved.", "© 2024 Reuters".
fn is_copyright_notice(line: &str) -> bool {
    if line.len() > MAX_REUSE_TERMS_BYTES {
        return false;
    }
    let mut tokens = line.split_whitespace();
    let (first, second) = (tokens.next().unwrap_or(""), tokens.next().unwrap_or(""));
    let year = |t: &str| {
        let t = t.trim_end_matches([',', '.']);
        t.len() == 4 && t.chars().all(|c| c.is_ascii_digit())
    };
    // "Copyright laws …" is a sentence: the notice has the sign or a year after the word.
    let third = tokens.next().unwrap_or("");
    let sign = |t: &str| t.starts_with('©') || t.eq_ignore_ascii_case("(c)");
    // "Ukrainska Pravda © 2000-2024. Use of materials …": the site's name, then the sign
    // and its years.
    let named_sign = line
        .get(..line.len().min(MAX_SECTION_LABEL_BYTES))
        .and_then(|head| find_by_key(head, "© ", '©'))
        .is_some_and(|at| {
            let years = line[at + "© ".len()..]
                .split_whitespace()
                .next()
                .unwrap_or("");
            let years = years.trim_end_matches(['.', ',']);
            years.len() >= 4
                && years
                    .split('-')
                    .all(|y| y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
        });
    let opens = first.starts_with('©')
        || named_sign
        || ((first.eq_ignore_ascii_case("copyright") || first.eq_ignore_ascii_case("(c)"))
            && (year(second) || second.starts_with('©')))
        // "Copyright (c) 2024. RFE/RL, Inc. Used with the permission of …"
        || (first.eq_ignore_ascii_case("copyright") && sign(second) && year(third));
    // "When citing … materials …, hyperlinks … to "ukrinform.net" are mandatory": the
    // terms of reuse.
    let reuse_terms = (opens_with(line, "when citing") || opens_with(line, "when quoting"))
        && contains_ignoring_ascii_case(line, "hyperlink")
        && ["mandatory", "required", "obligatory"]
            .iter()
            .any(|w| contains_ignoring_ascii_case(line, w));
    if line.len() > 2 * MAX_FURNITURE_BYTES {
        return reuse_terms;
    }
    // "All rights reserved", in any of its usual cases.
    opens
        || reuse_terms
        || (line.len() <= MAX_FURNITURE_BYTES
            && (line.contains("ights reserved")
                || line.contains("ights Reserved")
                || line.contains("IGHTS RESERVED")))
}

/// A line of the page's own interface addressed to the reader: "Press play to listen to
/// this article", "Please turn on JavaScript to use this feature", "Show key events
/// only", "Become a member". Whole lines of [`PROMPT_LINES`], or short lines opening with
/// one of [`PROMPT_OPENINGS`].
fn is_reader_prompt(line: &str) -> bool {
    // A disclaimer or a promotion may run to a few sentences.
    if line.len() > 3 * MAX_FURNITURE_BYTES {
        return false;
    }
    if opens_like_one_of(line, PROMPT_PREFIXES)
        && PROMPT_PREFIXES.iter().any(|o| opens_with(line, o))
    {
        return true;
    }
    // "Disclaimer: NewsHub Daily aggregates headlines from third-party sources."
    if opens_with(line, "disclaimer:") {
        return true;
    }
    // "Follow AP's coverage of the war in Ukraine at https://apnews.com/hub/…": an
    // invitation to the site's own pages, closed by their address.
    if opens_with_one_of(line, &["follow", "visit", "read", "watch", "listen", "see"])
        && line.len() <= MAX_FURNITURE_BYTES
        && line
            .split_whitespace()
            .last()
            .is_some_and(|w| w.starts_with("https://") || w.starts_with("http://"))
    {
        return true;
    }
    // "Download the NBC News app for full coverage of the war in Ukraine" (a shorter line,
    // "Download the Euronews app", is a link line of the page's vocabulary).
    if opens_with(line, "download ")
        && line.len() <= MAX_FURNITURE_BYTES
        && text::count_words_up_to(line, MAX_FURNITURE_WORDS + 1) > MAX_FURNITURE_WORDS
        && line
            .split_whitespace()
            .any(|w| w.trim_end_matches(['.', ',']).eq_ignore_ascii_case("app"))
    {
        return true;
    }
    // "Subscribe to Wider Europe, RFE/RL's newsletter on the EU, NATO, and their neighbors".
    if opens_with(line, "subscribe to ")
        && line.len() <= MAX_FURNITURE_BYTES
        && contains_ignoring_ascii_case(line, "newsletter")
    {
        return true;
    }
    // "Sign up to The Local France's free newsletter for the latest news and analysis".
    if opens_with(line, "sign up ")
        && line.len() <= MAX_FURNITURE_BYTES
        && contains_ignoring_ascii_case(line, "newsletter")
    {
        return true;
    }
    if line.len() > 2 * MAX_FURNITURE_BYTES {
        return false;
    }
    // The comments' box: "… Please review our commenting policy.", "Please note that
    // comments are open for registered users."; an outlet's membership of the Trust Project.
    let end = line.trim_end_matches(['.', '!', ' ', '>']);
    // (The last letters first: most lines end otherwise.)
    let last = |s: &str| s.as_bytes().last().map(u8::to_ascii_lowercase);
    let ends_with = |phrase: &str| {
        last(end) == last(phrase)
            && end.len() >= phrase.len()
            && end
                .get(end.len() - phrase.len()..)
                .is_some_and(|tail| tail.eq_ignore_ascii_case(phrase))
    };
    if PAGE_NOTICE_ENDINGS.iter().any(|p| ends_with(p)) {
        return true;
    }
    // "Get a look at the day ahead … with our Morning Bid U.S. newsletter. Sign up here."
    if (ends_with("sign up here") || ends_with("subscribe here"))
        && contains_ignoring_ascii_case(line, "newsletter")
    {
        return true;
    }
    if line.len() > MAX_FURNITURE_BYTES {
        return false;
    }
    // "Daily Sabah Newsletter": a newsletter's box, by its title.
    if let Some(name) = line
        .strip_suffix(" Newsletter")
        .or_else(|| line.strip_suffix(" newsletter"))
        && name.starts_with(char::is_uppercase)
        && (1..=MAX_SITE_NAME_WORDS + 2).contains(&name.split_whitespace().count())
    {
        return true;
    }
    // "Join ST's Telegram channel and get the latest news": an invitation to a channel.
    // "Find The Irish Times on WhatsApp and stay up to date".
    if opens_with_one_of(line, &["join", "follow", "subscribe", "find"]) {
        let folded = text::fold(line);
        let on_app = MESSAGING_APPS
            .iter()
            .any(|app| folded.contains(&format!(" on {app}")));
        let channel = folded.contains(" channel") || (on_app && opens_with(line, "find "));
        if channel && MESSAGING_APPS.iter().any(|app| folded.contains(app)) {
            return true;
        }
    }
    if !opens_like_one_of(line, PROMPT_LINES) && !opens_like_one_of(line, PROMPT_OPENINGS) {
        return false;
    }
    let words: Vec<String> = text::words(line, Span::new(0, line.len()))
        .iter()
        .map(|w| text::fold(w.text(line)))
        .collect();
    let joined = words.join(" ");
    words.len() <= MAX_PROMPT_WORDS
        && (PROMPT_LINES.contains(&joined.as_str())
            || PROMPT_OPENINGS.iter().any(|p| {
                joined == *p
                    || joined
                        .strip_prefix(p)
                        .is_some_and(|rest| rest.starts_with(' '))
            }))
}
const MAX_PROMPT_WORDS: usize = 24;
/// How only the page's notes around the article end (any ASCII case): the comments'
/// rules, the outlet's credentials.
const PAGE_NOTICE_ENDINGS: &[&str] = &[
    "our commenting policy",
    "our community guidelines",
    "comments are open for registered users",
    "is a trust project member",
    "is part of the trust project",
    // The Trust Project's definition of a news story, under the story's type.
    "reported and verified from knowledgeable sources",
    "find the latest episode here",
    "join the conversation below",
    "delivered to your inbox",
];
/// Where an outlet invites its readers to a channel of its own (folded).
const MESSAGING_APPS: &[&str] = &["telegram", "whatsapp", "youtube", "viber", "signal"];
/// Whole lines that are the page talking to the reader (folded, punctuation aside).
const PROMPT_LINES: &[&str] = &[
    "join the conversation",
    "start a conversation",
    "end of article",
    "by",
    "short url",
    "resize",
    "author bio",
    "why join",
    "share by email",
    "get it",
    "share your thoughts",
    "thumbnail",
    "join our community",
    "newsletter email address",
    "send by email",
    "play",
    "social sharing",
    "larger text size",
    "normal text size",
    "very large text size",
    "gift this article",
    "comments are closed",
    "featured video of the day",
    "photo gallery click to enlarge",
    "what's next",
    "whats next",
    "translate",
    "listen in english",
    "listen in arabic",
    "this blog is now closed",
    "this live blog is now closed",
    "this blog is closed",
    "subscribers only",
    "article reserve aux abonnes",
    "key events",
    "show key events only",
    "voiced by artificial intelligence",
    "send us your feedback",
    "listen to article",
    "loading",
    "views expressed are personal",
    "about the author",
    "font size",
    "report an error",
    "report a correction",
    "subscribers only",
    "subscriber only",
    "for subscribers",
    "subscriber exclusive",
    "lire en francais",
    "read in french",
    "read in english",
    "english version",
    "version francaise",
    "story continues",
    "request reprint licensing",
    "submit correction",
    "view editorial guidelines",
    "join our commenting forum",
    "dear readers",
    "dear reader",
    "our standards the thomson reuters trust principles",
    "reuse this content",
    "discover more",
    // The page's controls, alone on their lines: a player's, a carousel's, the text size.
    "close",
    "video",
    "previous",
    "next",
    "text size",
    "aa",
    "small",
    "medium",
    "large",
    // Under the article, the comments' box.
    "share what you think",
    "the comments below have not been moderated",
    "link copied",
    "bookmark",
    // An academic outlet's notes on its writer ("Disclosure statement", "Partners").
    "disclosure statement",
    "partners",
    "comment",
    "comment on this story",
    "add to your saved stories",
    // A newsletter's sign-up box.
    "sign up",
    "invalid email",
    "thank you for subscribing",
    "something went wrong please try again later",
    // A page's buttons and notes around the article: feedback, short link, share, back
    // to the top, the app stores, a label of the page's kind.
    "your feedback",
    "get short url",
    "post",
    "back to top",
    "google play",
    "app store",
    "get it on google play",
    "download on the app store",
    "news article",
    "view editorial ethics guidelines",
    "purchase licensing rights opens new tab",
    // The page's links, players and comment box around the article.
    "terms of use",
    "privacy policy",
    "discover pro",
    "jump to comments section",
    "stay informed with free updates",
    "live feed",
    "playlist",
    "embed",
    "sponsor message",
    "become an npr sponsor",
    "npr thanks our sponsors",
    "heard on morning edition",
    "heard on all things considered",
    "heard on weekend edition",
    "hide caption",
    "toggle caption",
    "add your comment",
    "best rated",
    "worst rated",
    "newest",
    "oldest",
    "shares",
    "subscribed",
    "ad feedback",
    "bookmark popover",
    "feedback",
    "explore news",
    "removed from bookmarks",
    "next article",
    "previous article",
    // The same story in the outlet's other language.
    "article in lithuanian",
    "article in latvian",
    "article in estonian",
    "article in russian",
    "article in ukrainian",
    "article in polish",
    "discussion",
    "member comments",
    // A page's buttons to keep the story for later.
    "add to myft",
    "add to reading list",
    "add to favourites",
    "add to favorites",
];
/// How lines of the page's interface or disclaimers begin, as written (plain ASCII, any
/// case): openings with a common first word ("The …"), so that most lines beginning with
/// it need not be read word by word.
const PROMPT_PREFIXES: &[&str] = &[
    // "Content-Type: News": the story's type, as the Trust Project's members label it.
    "content-type",
    "content type:",
    "the views expressed in this article",
    "the views expressed in this column",
    "the views expressed in this piece",
    "the views expressed in this commentary",
    "the views expressed in this opinion",
    "the opinions expressed in this article",
    "the opinions expressed in this column",
    "the opinions expressed in this piece",
    "views expressed in this article",
    "this article is reserved for",
    "this interview has been edited",
    "this article was translated from",
    "this article was originally published",
    "this article originally appeared",
    "this story was originally published",
    "this story originally appeared",
    "this article has been translated from",
    "this story was translated from",
    "translated from the",
    "this interview has been condensed",
    "this conversation has been edited",
    "this article is also available in",
    "this article is available in",
    "the rest of this article is reserved",
    "article reserved for",
    "we use your sign-up to provide content",
    "support up or become our patron",
    "you can unsubscribe at any time",
    "before it's here, it's on the bloomberg terminal",
    "(except for the headline, this story has not been edited",
    "except for the headline, this story has not been edited",
    "translation of an original article",
    "join the conversation in our comments",
    "(only the headline and picture of this report",
    "only the headline and picture of this report",
    "this article is part of",
    "by posting your comment you agree",
    "the views expressed in the contents above",
    "simply sign up to the",
    "sign up for push alerts",
    "fox news flash top headlines",
    "you've successfully subscribed",
    "the anadolu website contains only",
    "(this story has not been edited by",
    "this story has not been edited by",
    "comment via ",
    "to participate in the discussion",
    "log in here to leave a comment",
    "log in to comment",
    "want more analysis from",
    "to view this video please enable javascript",
];
/// How longer lines of the page's interface begin (folded).
const PROMPT_OPENINGS: &[&str] = &[
    "press play to listen",
    "please turn on javascript",
    "please enable javascript",
    "you need to enable javascript",
    "save articles to read later",
    "skip next section",
    "skip to main content",
    "skip to content",
    "listen to this article",
    "become a member",
    "support independent journalism",
    "support our journalism",
    "download our app",
    "download the app",
    "sign up for our newsletter",
    "sign up to our newsletter",
    "we use cookies",
    "your email address will not be published",
    "you can share this story",
    "you can share this article",
    "if you notice an error",
    "if you spot an error",
    "if you find an error",
    "sign up to our free",
    "sign up for our free",
    "get our free",
    "join thought provoking conversations",
    "join thought-provoking conversations",
    "get latest news",
    "get latest world news",
    "get the latest news",
    "read more with",
    "why you can trust",
    "please use chrome browser",
    "you can now listen to",
    "new you can now listen to",
    "click here",
    "sign up for free",
    "track latest news",
    "catch all the latest",
    "get current updates on",
    "our newsletter",
    "keep up to date with",
    "get the latest updates on",
    "keep up with all the latest news",
    "please keep comments civil",
    "please log in here to leave a comment",
    "i would like to be emailed",
    "newyou can now listen to",
    "read more at",
    "click to subscribe",
    "log in register or subscribe",
    "help keep family friends informed",
    "get breaking news alerts",
    "stay informed with",
    "by signing up you agree",
    "already a member sign in",
    "click to share on",
    "comments are subject to",
    "discover more stories",
    "remind me in",
    "get the latest",
    "have a confidential tip",
];

const APPEAL_REASON: &str = "page furniture: an appeal for the outlet's support";

/// "We've been working hard to bring you independent news from Ukraine. Consider
/// supporting the Kyiv Independent.": the outlet asking its readers for money. A line
/// with quotation marks is someone's words, not the page's.
fn is_appeal_for_support(line: &str) -> bool {
    if line.len() > 2 * MAX_FURNITURE_BYTES {
        return false;
    }
    // Every phrase holds one of these words: most lines are turned away without a copy,
    // in one pass over the line. The words start with different letters, so a byte is
    // compared with the one word its letter may start, if any, and its second letter
    // (in either case, as `| 0x20` folds an ASCII letter) before the whole word.
    let bytes = line.as_bytes();
    let gated = (0..bytes.len()).any(|i| {
        let word: &[u8] = match bytes[i] | 0x20 {
            b's' => b"support",
            b'c' => b"contribut",
            b'd' => b"donat",
            b'm' => b"member",
            b'r' => b"readers like",
            _ => return false,
        };
        bytes.get(i + 1).is_some_and(|&b| (b | 0x20) == word[1])
            && bytes
                .get(i..i + word.len())
                .is_some_and(|part| part.eq_ignore_ascii_case(word))
    });
    if !gated {
        return false;
    }
    // What the outlet says, not what it quotes ("… urged people to "make a donation"").
    let folded = if line.contains(is_double_quote_mark) {
        let mut quoted = false;
        let own: String = line
            .chars()
            .filter(|&c| {
                if is_double_quote_mark(c) {
                    quoted = !quoted;
                }
                !quoted
            })
            .collect();
        text::fold(&own)
    } else {
        text::fold(line)
    };
    APPEAL_PHRASES.iter().any(|p| folded.contains(p))
}
/// What only an appeal for support says (folded; each holds one of the words
/// [`is_appeal_for_support`] looks for first).
const APPEAL_PHRASES: &[&str] = &[
    "consider supporting",
    "please support us",
    "support us monthly",
    "support our journalism",
    "support independent journalism",
    "every contribution",
    "make a contribution",
    "make a donation",
    "donate now",
    "consider becoming a member",
    "every donation",
    "we depend on readers like you",
    "support our independent journalism",
    "consider taking the step of supporting",
    "help us keep going",
    "become our patron",
    "donations from our readers",
];

/// Whether `hay` holds `needle` (plain ASCII, lower case) in any ASCII case: a check that
/// needs no folded copy of the line, for phrases of the page's own furniture.
fn contains_ignoring_ascii_case(hay: &str, needle: &str) -> bool {
    let (hay, needle) = (hay.as_bytes(), needle.as_bytes());
    let Some((&first, rest)) = needle.split_first() else {
        return true;
    };
    let Some(last_start) = hay.len().checked_sub(needle.len()) else {
        return false;
    };
    // Only where the first letter matches is the rest compared.
    let upper = first.to_ascii_uppercase();
    (0..=last_start).any(|i| {
        (hay[i] == first || hay[i] == upper)
            && hay[i + 1..i + needle.len()].eq_ignore_ascii_case(rest)
    })
}

/// Where `needle` first stands in `hay`, found by a byte search for `key`, a rare char of
/// the needle, and a comparison wherever it stands: on a line, quicker than a string
/// search, whose setup alone costs more than a line takes to read.
fn find_by_key(hay: &str, needle: &str, key: char) -> Option<usize> {
    let k = needle.find(key)?;
    hay.match_indices(key)
        .filter_map(|(p, _)| p.checked_sub(k))
        .find(|&at| hay.as_bytes()[at..].starts_with(needle.as_bytes()))
}

/// `hay.split_once(needle)`, found by [`find_by_key`].
fn split_once_by_key<'a>(hay: &'a str, needle: &str, key: char) -> Option<(&'a str, &'a str)> {
    let at = find_by_key(hay, needle, key)?;
    Some((&hay[..at], &hay[at + needle.len()..]))
}

/// A double quotation mark: where someone's words are quoted. Not the single marks, which
/// are also apostrophes ("We've", "Ukraine’s").
fn is_double_quote_mark(c: char) -> bool {
    matches!(c, '"' | '“' | '”' | '„' | '«' | '»')
}

/// "Kremlin spokesman Dmitry Peskov. Kremlin.ru": a picture's caption, then the site the
/// picture comes from.
fn is_caption_with_site_credit(line: &str) -> bool {
    if line.len() > MAX_FURNITURE_BYTES {
        return false;
    }
    let Some((caption, site)) = line.trim_end().rsplit_once(' ') else {
        return false;
    };
    let is_site = site.split('.').count() >= 2
        && site
            .split('.')
            .all(|part| !part.is_empty() && part.chars().all(|c| c.is_alphanumeric() || c == '-'))
        && site.rsplit('.').next().is_some_and(|tld| {
            (2..=4).contains(&tld.len()) && tld.chars().all(|c| c.is_ascii_lowercase())
        });
    is_site && caption.ends_with('.') && !caption.contains(is_double_quote_mark)
}

/// "(Updates with comments in fourth paragraph.)", "This article has been updated.",
/// "This story was updated with new comments.",
/// "Editor's note: This story has been corrected to …": a note about the story itself.
fn is_update_notice(line: &str) -> bool {
    // A wire story's "(Updates with Tusk comments in fourth paragraph.)", "(Adds quotes)".
    if line.len() <= MAX_FURNITURE_BYTES
        && let Some(inner) = line.strip_prefix('(').and_then(|l| l.strip_suffix(')'))
        && opens_with_one_of(
            inner,
            &[
                "updates", "adds", "recasts", "corrects", "changes", "rewrites",
            ],
        )
    {
        return true;
    }
    if line.len() > MAX_FURNITURE_BYTES
        || !opens_with_one_of(
            line,
            &["this", "editor's", "editorʼs", "editor’s", "update", "note"],
        )
    {
        return false;
    }
    // "Update 05/02/24, 10:15 a.m. ET: This article has been updated with …": the lead
    // may give the update's date and time.
    let dated_lead = |lead: &str| {
        opens_with_one_of(lead, &["update", "updated"])
            && lead.split_whitespace().count() <= MAX_DATED_WORDS
            && lead.contains(|c: char| c.is_ascii_digit())
    };
    let body = match line.split_once(": ").or_else(|| line.split_once(':')) {
        Some((lead, rest)) if lead.split_whitespace().count() <= 2 || dated_lead(lead) => rest,
        _ => line,
    };
    let words: Vec<String> = text::words(body, Span::new(0, body.len()))
        .iter()
        .take(MAX_UPDATE_NOTICE_WORDS + 1)
        .map(|w| text::fold(w.text(body)))
        .collect();
    let noun = |w: &String| {
        matches!(
            w.as_str(),
            "article" | "story" | "report" | "post" | "piece" | "page"
        )
    };
    words.len() <= MAX_UPDATE_NOTICE_WORDS
        && words.first().is_some_and(|w| w == "this")
        && words.get(1).is_some_and(noun)
        && words
            .iter()
            .skip(2)
            .take(3)
            .any(|w| matches!(w.as_str(), "updated" | "corrected" | "amended"))
}
const MAX_UPDATE_NOTICE_WORDS: usize = 20;

/// A site's navigation path: "Home » World » Europe", "News > Europe > …": two
/// separators or more, or one after "Home".
fn is_breadcrumb(line: &str) -> bool {
    // Every separator holds one of these marks, so lines without any are turned away
    // first: by byte searches for `>` and the last bytes of `»` and `›`, quicker than
    // decoding the line char by char.
    let bytes = line.as_bytes();
    if line.len() > 2 * MAX_FURNITURE_BYTES || ![b'>', 0xBB, 0xBA].iter().any(|b| bytes.contains(b))
    {
        return false;
    }
    let n_separators =
        line.matches(" » ").count() + line.matches(" › ").count() + line.matches(" > ").count();
    let path = n_separators >= 2 || (n_separators == 1 && opens_with_one_of(line, &["home"]));
    // Each step is a section's or a story's title: capitalised, no sentence after it.
    path && !line.ends_with('.')
        && line
            .split(['»', '›', '>'])
            .all(|step| step.trim_start().starts_with(char::is_uppercase))
}

/// "A version of this article appears in print on Feb. 28, 2024, Section A, Page 8 of
/// the New York edition with the headline: …": where the story was printed.
fn is_print_edition_note(line: &str) -> bool {
    const OPENINGS: &[&str] = &[
        "a version of this article appears in print",
        "a version of this article appeared in print",
        "a version of this story appears in print",
        "a version of this story appeared in print",
        "this article appeared in print",
        "this story appeared in print",
    ];
    // "Appeared in the March 9, 2024, print edition as '…'."
    let appeared = opens_with(line, "appeared in the ")
        && contains_ignoring_ascii_case(line, " print edition");
    line.len() <= 3 * MAX_FURNITURE_BYTES
        && (appeared
            || (opens_with_one_of(line, &["a", "this"])
                && OPENINGS.iter().any(|o| opens_with(line, o))))
}

/// A line that is only a web address ("https://p.dw.com/p/4dXyZ").
fn is_bare_link(line: &str) -> bool {
    !line.contains(char::is_whitespace)
        && ["http://", "https://", "www."]
            .iter()
            .any(|p| line.len() > p.len() && opens_with(line, p))
}

/// Whether `line` begins with `prefix` (plain ASCII), in any case.
fn opens_with(line: &str, prefix: &str) -> bool {
    line.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// Whether the first word of `line` is the first word of one of `phrases` (written in
/// lower case, words joined by spaces): the cheap test before a line is read word by word
/// against them.
fn opens_like_one_of(line: &str, phrases: &[&str]) -> bool {
    // "« Previous article": marks before the first word are not part of it.
    let bare = line.trim_start_matches(|c: char| !c.is_alphanumeric() && c != '(');
    if bare.len() < line.len() && opens_like_one_of(bare, phrases) {
        return true;
    }
    let first = line.split_whitespace().next().unwrap_or("");
    let first = first.trim_end_matches([':', ',', '.', '…']);
    let Some(&initial) = first.as_bytes().first() else {
        return false;
    };
    let initial = initial.to_ascii_lowercase();
    phrases.iter().any(|p| {
        p.as_bytes().first() == Some(&initial)
            && p.as_bytes().get(first.len()).is_none_or(|&b| b == b' ')
            && p.get(..first.len())
                .is_some_and(|word| first.eq_ignore_ascii_case(word))
    })
}

/// Whether the first word of `line` (before any `:` or `,` after it) is one of `words`,
/// in any case: the cheap test that turns most lines away from a furniture check.
fn opens_with_one_of(line: &str, words: &[&str]) -> bool {
    is_one_of(first_word(line), words)
}

/// The first word of `line` as [`opens_with_one_of`] reads it, for a test against several
/// lists that finds it once.
fn first_word(line: &str) -> &str {
    let first = line.split_whitespace().next().unwrap_or("");
    first.trim_end_matches([':', ',', '.', '…'])
}

/// A timestamp line: "Published 27 February 2024", "Updated on Tuesday 27 February
/// 2024 at 10:32 GMT", "First published Feb 27, 2024", "27 Feb 2024", a live report's
/// "14.32 GMT" and "Updated at 14.40 GMT", after the place it is filed from ("Brussels, 27
/// Feb 2024"). It names a month, or a time with its zone.
fn is_dated_line(line: &str) -> bool {
    if line.len() > MAX_FURNITURE_BYTES {
        return false;
    }
    // "Brussels, 27 Feb 2024": the place the story is filed from, then the date.
    if let Some((place, date)) = split_once_by_key(line, ", ", ',')
        && place.split_whitespace().count() <= MAX_PLACE_WORDS
        && place.split_whitespace().all(|w| {
            w.starts_with(char::is_uppercase) && w.chars().all(|c| c.is_alphabetic() || c == '-')
        })
        && is_dated_line(date)
    {
        return true;
    }
    // "Published" alone, over the date on the next line.
    let bare = line.trim().trim_end_matches(':');
    if bare.len() <= 16
        && [
            "published",
            "updated",
            "posted",
            "last updated",
            "first published",
        ]
        .iter()
        .any(|w| bare.eq_ignore_ascii_case(w))
    {
        return true;
    }
    let first = first_word(line);
    let opens = is_one_of(
        first,
        &[
            "published",
            "updated",
            "update",
            "posted",
            "first",
            "last",
            "issued",
            "modified",
        ],
    ) || line.starts_with(|c: char| c.is_ascii_digit())
        || is_one_of(first, lexicon::MONTH_NAMES)
        || is_one_of(first, MONTH_ABBREVIATIONS)
        || is_one_of(first, lexicon::WEEKDAY_NAMES)
        || is_one_of(first, WEEKDAY_ABBREVIATIONS);
    if !opens {
        return false;
    }
    // "February 27, 20244:21 PM GMT+1Updated 2 hours ago", "05/02/2024May 2, 2024": a
    // page's date, time and update note, each its own element, run together when copied.
    if let Some(apart) = unglued(line) {
        return is_dated_line(&apart);
    }
    // "at 8:40 am (Paris)": the place a time is given in.
    let in_brackets = |w: &Span| {
        line[..w.start]
            .rfind('(')
            .is_some_and(|open| !line[open..w.start].contains(')') && line[w.end..].contains(')'))
    };
    let words: Vec<String> = text::words(line, Span::new(0, line.len()))
        .iter()
        .filter(|w| !in_brackets(w))
        .map(|w| text::fold(w.text(line)))
        .collect();
    // "10:32", "14.32", and dates in figures ("2024-02-28").
    // "2:14pm": a time with its half of the day.
    let number = |w: &str| {
        let w = w
            .strip_suffix("am")
            .or_else(|| w.strip_suffix("pm"))
            // "March 9th".
            .or_else(|| {
                ["st", "nd", "rd", "th"]
                    .iter()
                    .find_map(|o| w.strip_suffix(o))
                    .filter(|n| n.len() <= 2)
            })
            .unwrap_or(w);
        w.starts_with(|c: char| c.is_ascii_digit())
            && w.chars()
                .all(|c| c.is_ascii_digit() || matches!(c, '.' | ':' | '-' | '/'))
    };
    let month = |w: &str| lexicon::MONTH_NAMES.contains(&w) || MONTH_ABBREVIATIONS.contains(&w);
    // "Updated at 17:05": a time of the update, with no zone.
    let update_time = opens_with_one_of(line, &["updated", "published", "posted"])
        && line.contains(':')
        && words.iter().any(|w| number(w));
    let timed = update_time
        || (words.iter().any(|w| number(w))
            && words.iter().any(|w| TIME_ZONES.contains(&w.as_str())));
    words.len() <= MAX_DATED_WORDS
        && (timed || words.iter().any(|w| month(w)) || has_numeric_date(line))
        && words.iter().all(|w| {
            number(w)
                || month(w)
                || lexicon::WEEKDAY_NAMES.contains(&w.as_str())
                || WEEKDAY_ABBREVIATIONS.contains(&w.as_str())
                || DATED_WORDS.contains(&w.as_str())
        })
}
const MAX_DATED_WORDS: usize = 16;

/// `line` with a space put back where a copy ran a page's elements together: between a
/// figure and a capital ("2024May", "GMT+1Updated") and between a year and the time after
/// it ("20244:21 PM"); `None` if nothing was run together.
fn unglued(line: &str) -> Option<String> {
    let bytes = line.as_bytes();
    let mut cuts = Vec::new();
    for (i, pair) in bytes.windows(2).enumerate() {
        if pair[0].is_ascii_digit() && pair[1].is_ascii_uppercase() {
            cuts.push(i + 1);
        }
    }
    // A year then a time: four figures from 19xx or 20xx, run into "h:mm" or "hh:mm".
    let timed = line.contains(':');
    for token in line.split(' ').filter(|_| timed) {
        let start = token.as_ptr() as usize - line.as_ptr() as usize;
        let t = token.as_bytes();
        let colon = t.iter().position(|&b| b == b':');
        if let Some(colon @ 5..=6) = colon
            && t.len() >= colon + 3
            && t[..colon + 3]
                .iter()
                .enumerate()
                .all(|(i, b)| i == colon || b.is_ascii_digit())
            && (t.starts_with(b"19") || t.starts_with(b"20"))
        {
            cuts.push(start + 4);
        }
    }
    if cuts.is_empty() {
        return None;
    }
    cuts.sort_unstable();
    let mut apart = String::with_capacity(line.len() + cuts.len());
    let mut from = 0;
    for cut in cuts {
        apart.push_str(&line[from..cut]);
        apart.push(' ');
        from = cut;
    }
    apart.push_str(&line[from..]);
    Some(apart)
}

/// A line of credits and a timestamp, in parts split by " / ", " | " or " — ": "TOI World
/// Desk / TIMESOFINDIA.COM / Updated: Feb 27, 2024, 11:36 IST", "Oleh Pavliuk — 27
/// February, 00:43". One part at least is a
/// timestamp ([`is_dated_line`]), the others are a few capitalised words each (a desk, a
/// writer, the site).
fn is_credits_and_timestamp(line: &str) -> bool {
    const SEPARATORS: [&str; 4] = [" / ", "|", " — ", " - "];
    if line.len() > MAX_FURNITURE_BYTES || !SEPARATORS.iter().any(|s| line.contains(s)) {
        return false;
    }
    let parts: Vec<&str> = line
        .split(SEPARATORS[0])
        .flat_map(|part| part.split(SEPARATORS[1]))
        .flat_map(|part| part.split(SEPARATORS[2]))
        .flat_map(|part| part.split(SEPARATORS[3]))
        .map(str::trim)
        .collect();
    let credit = |part: &str| {
        let words = text::words(part, Span::new(0, part.len()));
        (1..=MAX_CREDIT_WORDS).contains(&words.len())
            && !ends_like_a_sentence_or_lead_in(part)
            && words.iter().all(|w| {
                w.text(part)
                    .starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                    // "Anadolu staff |03.05.2024".
                    || w.text(part) == "staff"
            })
    };
    parts.iter().any(|part| is_dated_line(part))
        && parts.iter().all(|part| is_dated_line(part) || credit(part))
}

/// An academic writer's disclosure, or their university's funding of the outlet: "Jane Doe
/// does not work for, consult, own shares in or receive funding from any company …",
/// "University of Example provides funding as a member of The Conversation UK."
fn is_funding_disclosure(line: &str) -> bool {
    line.len() <= 2 * MAX_FURNITURE_BYTES
        && line.contains("fund")
        && DISCLOSURE_PHRASES.iter().any(|p| line.contains(p))
}
const DISCLOSURE_PHRASES: &[&str] = &[
    "does not work for, consult, own shares in or receive funding from",
    "do not work for, consult, own shares in or receive funding from",
    "provides funding as a member of",
    "receives funding from",
];

/// An agency's editors' initials closing a wire story ("bur-jbr/rlp", "jm/dc"): lower-case
/// letters joined by slashes and hyphens, with no space.
fn is_desk_codes(line: &str) -> bool {
    line.len() <= MAX_DESK_CODES_BYTES
        && line.contains('/')
        && line.split(['/', '-']).all(|code| {
            (2..=4).contains(&code.len()) && code.bytes().all(|b| b.is_ascii_lowercase())
        })
}
const MAX_DESK_CODES_BYTES: usize = 40;

/// Whether `line` holds a date in figures: "27/02/2024", "28.02.2024", "2024-02-27".
fn has_numeric_date(line: &str) -> bool {
    line.split(|c: char| c.is_whitespace() || matches!(c, ',' | '•' | '|' | '(' | ')'))
        .any(|token| {
            let token = token.trim_end_matches('.');
            let Some(sep) = token.chars().find(|c| matches!(c, '/' | '.' | '-')) else {
                return false;
            };
            let parts: Vec<&str> = token.split(sep).collect();
            let digits = |p: &str, n: std::ops::RangeInclusive<usize>| {
                n.contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit())
            };
            match parts.as_slice() {
                [y, m, d] if y.len() == 4 => {
                    digits(y, 4..=4) && digits(m, 2..=2) && digits(d, 2..=2)
                }
                // "28-02-2024", but not "2-3-4": with dashes, only a year of four figures.
                [d, m, y] => {
                    digits(d, 1..=2)
                        && digits(m, 1..=2)
                        && digits(y, 2..=4)
                        && (sep != '-' || y.len() == 4)
                }
                _ => false,
            }
        })
}
/// Words of a dated timestamp line besides numbers and months ("Updated on Tuesday 27
/// February 2024 at 10:32 GMT").
const DATED_WORDS: &[&str] = &[
    "published",
    "updated",
    "update",
    "issued",
    "modified",
    "posted",
    "first",
    "last",
    "on",
    "at",
    "mon",
    "tue",
    "wed",
    "thu",
    "fri",
    "sat",
    "sun",
    "am",
    "pm",
    "gmt",
    "utc",
    "cet",
    "cest",
    "bst",
    "est",
    "edt",
    "et",
    "msk",
    "eet",
    "eest",
    "ist",
    "pst",
    "pdt",
    "cst",
    "cdt",
    "aest",
    "aedt",
    // "27.02.2024, 19.12 Uhr": German time.
    "uhr",
    // "Published date: 8 June 2024 15:42 BST".
    "date",
    // "Tuesday 27 February 2024 14:25, UK": the country whose time it is.
    "uk",
    // "February 27, 2024 12:24 AM 2 min read": the reading time after the date.
    "min",
    // "4:21 PM GMT+1 Updated 2 hours ago": how long ago it was updated.
    "hour",
    "hours",
    "minutes",
    "ago",
    "mins",
    "read",
    // "6:14 p.m. ET" ("p.m." is two words).
    "a",
    "p",
    "m",
];
/// Words that make a number a time of day ("14.32 GMT", "10:05 am").
const TIME_ZONES: &[&str] = &[
    "am", "pm", "gmt", "utc", "cet", "cest", "bst", "est", "edt", "et", "msk", "eet", "eest",
    "ist", "pst", "pdt", "cst", "cdt", "aest", "aedt", "uhr",
];
/// Abbreviated month names (the full names are [`lexicon::MONTH_NAMES`]).
/// Weekdays as timestamps shorten them ("Tue, February 27, 2024 at 6:12 AM EST"), folded.
const WEEKDAY_ABBREVIATIONS: &[&str] = &[
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
];
const MONTH_ABBREVIATIONS: &[&str] = &[
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
];
/// Lines longer than this are article text, whatever words they use.
const MAX_FURNITURE_WORDS: usize = 8;
/// A quick bound on [`MAX_FURNITURE_WORDS`] words, so long lines are not scanned for words.
const MAX_FURNITURE_BYTES: usize = 160;

/// A link to another story, a link's words before a colon and the story's title after it
/// ("Read more: Ukraine war latest", "RELATED: …", "Also read: …").
fn is_story_link(line: &str) -> bool {
    // "Read more Subscribers only Macron's strategic ambiguity on Ukraine": the lead, a
    // paywall label at most, then a title, with no colon.
    if let Some(rest) = ["read more ", "related article ", "related story "]
        .iter()
        .find(|lead| opens_with(line, lead))
        .map(|lead| &line[lead.len()..])
    {
        let title = rest.strip_prefix("Subscribers only ").unwrap_or(rest);
        // A title may open with a quotation: "'Our Europe could die': Macron calls …".
        if title
            .trim_start_matches(['\'', '‘', '"', '“'])
            .starts_with(char::is_uppercase)
            && title.len() <= MAX_FURNITURE_BYTES
            && !ends_like_a_sentence_or_lead_in(title)
            && (1..=MAX_STORY_TITLE_WORDS)
                .contains(&text::count_words_up_to(title, MAX_STORY_TITLE_WORDS + 1))
        {
            return true;
        }
    }
    let Some((lead, title)) = line.split_once(':') else {
        return false;
    };
    if lead.len() > MAX_STORY_LINK_LEAD_BYTES
        || title.len() > MAX_FURNITURE_BYTES
        || !opens_with_one_of(lead, STORY_LINK_LEADS)
    {
        return false;
    }
    let lead_words = text::words(lead, Span::new(0, lead.len()));
    let n_title_words = text::count_words_up_to(title, MAX_STORY_TITLE_WORDS + 1);
    let folded = |w: &Span| text::fold(w.text(lead));
    (1..=MAX_STORY_LINK_LEAD_WORDS).contains(&lead_words.len())
        && (1..=MAX_STORY_TITLE_WORDS).contains(&n_title_words)
        && lead_words
            .first()
            .is_some_and(|w| STORY_LINK_LEADS.contains(&folded(w).as_str()))
        && lead_words.iter().all(|w| is_link_word(&folded(w)))
}
/// A picture's caption or credit line: "Image caption, …", "Image source, Getty Images",
/// "Photo: …", "Photograph: …", or a short credit ending in "Images" ("AFP via Getty
/// Images").
fn is_picture_caption_or_credit(line: &str) -> bool {
    if is_photo_credit(line) {
        return true;
    }
    // "German Chancellor Olaf Scholz (pictured) was among the first to pour cold water on
    // the suggestion": a tabloid's caption, which never ends like a sentence.
    if line.contains("(pictured)")
        && line.len() <= MAX_CAPTION_BYTES
        && !line.trim_end().ends_with(['.', '"', '”', '!', '?'])
    {
        return true;
    }
    // Most lines are turned away by their first word, before any word is collected.
    let may_be = opens_with_one_of(
        line,
        &[
            "image",
            "media",
            "video",
            "photo",
            "photos",
            "photograph",
            "picture",
            "caption",
            "credit",
        ],
    ) || line.ends_with("Images");
    if !may_be || line.len() > MAX_CAPTION_BYTES {
        return false;
    }
    let words = text::words(line, Span::new(0, line.len()));
    let folded = |k: usize| words.get(k).map(|w| text::fold(w.text(line)));
    let (Some(first), second) = (folded(0), folded(1)) else {
        return false;
    };
    let after_first = words.first().map_or("", |w| &line[w.end..]);
    let labelled = matches!(first.as_str(), "image" | "media" | "video")
        && second
            .as_deref()
            .is_some_and(|w| matches!(w, "caption" | "source" | "copyright" | "credit"));
    let with_colon = matches!(
        first.as_str(),
        "image" | "photo" | "photos" | "photograph" | "picture" | "caption" | "credit"
    ) && after_first.starts_with(':');
    let credit =
        words.len() <= MAX_CREDIT_WORDS && words.last().is_some_and(|w| w.text(line) == "Images");
    labelled || with_colon || credit
}
const MAX_CAPTION_BYTES: usize = 400;

/// A photograph's credit, alone or closing its caption: "(Photo by Ludovic Marin / AFP)",
/// "AFP/File", "… at the Elysee Palace in Paris, Monday, Feb. 26, 2024. (AP
/// Photo/Gonzalo Fuentes, Pool)".
fn is_photo_credit(line: &str) -> bool {
    if line.len() > MAX_CAPTION_BYTES {
        return false;
    }
    let tail = CreditTail::new(line);
    // "… at the Élysée Palace in Paris late Monday.Credit...Camille Dorval for The New York
    // Times": the caption and its credit run together as copied.
    if let Some((caption, credit)) = tail.rsplit("Credit...")
        && !caption.is_empty()
        && !credit.is_empty()
        && text::count_words_up_to(credit, MAX_CREDIT_WORDS * 2 + 1) <= MAX_CREDIT_WORDS * 2
    {
        return true;
    }
    // A caption closed by its credit in brackets: "(AP Photo/…)", "[Gonzalo
    // Fuentes/Reuters]", "[File: Ludovic Marin/AFP]".
    let bracketed = line
        .strip_suffix(')')
        .and_then(|l| l.rfind('('))
        .or_else(|| line.strip_suffix(']').and_then(|l| l.rfind('[')));
    if let Some(open) = bracketed {
        let credit = &line[open + 1..line.len() - 1];
        // "(Reuters Photo)", "(AA Photo)": an agency's picture.
        if open > 0
            && let Some(agency) = credit
                .strip_suffix(" Photo")
                .or_else(|| credit.strip_suffix(" Photos"))
            && (1..=2).contains(&agency.split_whitespace().count())
            && agency.starts_with(char::is_uppercase)
        {
            return true;
        }
        // "… after the Paris conference on Ukraine (Reuters)": an agency's name alone;
        // "LUDOVIC VERNE (AFP)": the photographer's name before it.
        if open > 0
            && PICTURE_AGENCIES.contains(&credit)
            && (text::count_words_up_to(&line[..open], 4) >= 4
                || is_names_line(line[..open].trim()))
        {
            return true;
        }
        // "(photo credit: GONZALO FUENTES/POOL VIA REUTERS)", alone under its caption or
        // closing it ("… in Moscow, May 4, 2024. (photo credit: REUTERS/…)").
        if (open == 0 || text::count_words_up_to(&line[..open], 3) >= 3)
            && opens_with(credit, "photo credit:")
            && text::count_words_up_to(credit, MAX_CREDIT_WORDS * 2 + 1) <= MAX_CREDIT_WORDS * 2
        {
            return true;
        }
        let photo = [
            "AP Photo",
            "Photo by ",
            "Photo: ",
            "Photo/",
            "Photograph by ",
            "Image: ",
            "Picture: ",
            "File photo: ",
            "File Photo: ",
        ]
        .iter()
        .any(|p| credit.starts_with(p))
            // "(AFP via Getty Images)", "(Ludovic Marin/Pool via Getty Images)".
            || (open > 0 && credit.ends_with(" Getty Images"));
        if photo
            && text::count_words_up_to(credit, MAX_CREDIT_WORDS * 2 + 1) <= MAX_CREDIT_WORDS * 2
        {
            return true;
        }
        if open > 0 && is_agency_slash_credit(credit.strip_prefix("File: ").unwrap_or(credit)) {
            return true;
        }
    }
    // Reuters' pages close a caption with the link to license the picture.
    let line = line.strip_suffix(LICENSING_LINK).unwrap_or(line).trim_end();
    // (A prefix of the line as long as it is the same line.)
    let tail = if line.len() == tail.line.len() {
        tail
    } else {
        CreditTail::new(line)
    };
    // "… on sending troops to Ukraine. PHOTO: REUTERS", "French President Emmanuel Macron.
    // Photo: VCG", "… in Paris. - Copyright Gonzalo Fuentes/AP": a caption closed by its
    // credit after a label.
    let short = |credit: &str| {
        (1..=MAX_CREDIT_WORDS).contains(&text::count_words_up_to(credit, MAX_CREDIT_WORDS + 1))
            && !credit.trim_end().ends_with('.')
    };
    if let Some((caption, credit)) = [" PHOTO: ", " PHOTOS: ", " Photo: ", " Photograph: "]
        .iter()
        .find_map(|label| tail.rsplit(label))
        && caption.trim_end().ends_with(['.', '"', '”'])
        && short(credit)
    {
        return true;
    }
    // "French President Emmanuel Macron. Source: Facebook/Emmanuel Macron": a picture's
    // source, named as a site and an account.
    if let Some((caption, credit)) = tail.rsplit(" Source: ")
        && caption.trim_end().ends_with('.')
        && text::count_words_up_to(caption, MAX_CAPTION_WORDS + 1) <= MAX_CAPTION_WORDS
        && credit.contains('/')
        && short(credit)
    {
        return true;
    }
    // Labels that never close a sentence of the text: "… threat from Russia Image: Ludovic
    // Marin/AFP", "… 'no option is excluded' Credit: Gonzalo Fuentes/Pool via AFP",
    // "… Dmitry Peskov. © Sputnik / Vyacheslav Prokofyev", "… 26 February 2024 - Copyright
    // Christophe Ena/AP".
    if let Some((caption, credit)) = [" Image: ", " Credit: ", " Pic: ", " © ", " - Copyright "]
        .iter()
        .find_map(|label| tail.rsplit(label))
        && text::count_words_up_to(caption, 3) >= 3
        && short(credit)
    {
        return true;
    }
    // "… to Ukraine. | Ludovic Marin/AFP via Getty Images", "… in Paris. GONZALO FUENTES /
    // AFP": a caption's last sentence, then an agency's credit.
    if line.contains('/')
        && [" | ", ". ", " / "].iter().any(|separator| {
            tail.rsplit(separator).is_some_and(|(caption, credit)| {
                let credit = credit.strip_prefix("Photo: ").unwrap_or(credit);
                text::count_words_up_to(caption, 3) >= 3
                    && (is_agency_slash_credit(credit) || PICTURE_AGENCIES.contains(&credit.trim()))
            })
        })
    {
        return true;
    }
    // "… at the Sorbonne University in Paris last week. AFP": a one-sentence caption, then
    // the agency's name alone.
    // (The line ends with the agency's name, which no search for ". " need find first.)
    if PICTURE_AGENCIES.iter().any(|agency| line.ends_with(agency))
        && let Some((caption, agency)) = line.rsplit_once(". ")
        && PICTURE_AGENCIES.contains(&agency.trim())
        && !caption.contains(". ")
        && text::count_words_up_to(caption, MAX_CAPTION_WORDS + 1) <= MAX_CAPTION_WORDS
        && text::count_words_up_to(caption, 3) >= 3
    {
        return true;
    }
    is_agency_slash_credit(line)
}

/// The end of a line, within the length of a credit, where a picture's credit stands
/// after its caption. (A credit is short: looking only there keeps this cheap on every
/// paragraph.)
struct CreditTail<'a> {
    line: &'a str,
    /// Where the tail starts in `line`.
    from: usize,
    /// Bit `b % 64` of `held[b / 64]` is set when the tail holds the byte `b`.
    held: [u64; 4],
}

impl<'a> CreditTail<'a> {
    fn new(line: &'a str) -> CreditTail<'a> {
        let from = text::floor_boundary(line, line.len().saturating_sub(MAX_CREDIT_BYTES));
        let mut held = [0; 4];
        for b in line[from..].bytes() {
            held[usize::from(b >> 6)] |= 1 << (b & 63);
        }
        CreditTail { line, from, held }
    }

    /// `line` split at the last `separator` in the tail: the caption and the credit after
    /// it. Most lines are no caption, and a dozen separators are tried on each: one the
    /// tail lacks a byte of is turned away without setting up a string search, the set of
    /// its bytes read once for all of them.
    fn rsplit(&self, separator: &str) -> Option<(&'a str, &'a str)> {
        let held = |b: u8| self.held[usize::from(b >> 6)] & (1 << (b & 63)) != 0;
        if !separator.bytes().all(held) {
            return None;
        }
        let at = self.from + self.line[self.from..].rfind(separator)?;
        Some((&self.line[..at], &self.line[at + separator.len()..]))
    }
}
/// The longest credit with its label ("Credit: Christophe Petit Tesson/Pool/AFP via Getty
/// Images").
const MAX_CREDIT_BYTES: usize = 96;

/// The link Reuters' pages put after a picture's caption and credit.
const LICENSING_LINK: &str = "Purchase Licensing Rights, opens new tab";

/// "AFP/File", "Ludovic Marin/AFP", "EPA/Olivier Hoslet": names joined by a slash, one of
/// them a picture agency.
fn is_agency_slash_credit(line: &str) -> bool {
    // "Gonzalo Fuentes/Pool via REUTERS", "Ludovic Marin/AFP via Getty Images": an agency
    // may hand on another's picture.
    let parts = || line.split('/').flat_map(|part| part.split(" via "));
    line.contains('/')
        && !line.ends_with(['.', '!', '?', ':'])
        && text::count_words_up_to(line, MAX_CREDIT_WORDS + 3) <= MAX_CREDIT_WORDS + 2
        && parts().all(|part| part.trim_start().starts_with(char::is_uppercase))
        && parts().any(|part| {
            PICTURE_AGENCIES
                .iter()
                .any(|agency| part.trim().eq_ignore_ascii_case(agency))
        })
}
/// Picture agencies and the words of their credits ("AFP/File").
const PICTURE_AGENCIES: &[&str] = &[
    "AFP",
    "AP",
    "Reuters",
    "EPA",
    "Getty Images",
    "Getty",
    "File",
    "Pool",
    "Shutterstock",
    "Sipa",
    "Anadolu",
    "TASS",
    "Sputnik",
    "dpa",
    "ANP",
    "Xinhua",
    "Bloomberg",
    "ANSA",
    "ČTK",
    "CTK",
    "AAP",
    "PTI",
    "PAP",
];
/// The longest credit line ("Ludovic Marin / AFP via Getty Images").
const MAX_CREDIT_WORDS: usize = 7;

/// A byline or another line of credits: see [`is_byline`], [`is_contribution_credit`] and
/// [`is_source_credit`].
fn is_credit_line(line: &str) -> bool {
    // Wire credits often come in brackets: "(Reporting by …; Editing by …)", "[Edited by
    // Alice Taylor]".
    let line = line
        .strip_prefix('(')
        .and_then(|l| l.strip_suffix(')'))
        .or_else(|| line.strip_prefix('[').and_then(|l| l.strip_suffix(']')))
        .unwrap_or(line);
    // "— CNBC's Tom Aldridge contributed to this report.": a dash before the credit.
    let line = ["— ", "– ", "- "]
        .iter()
        .find_map(|dash| line.strip_prefix(dash))
        .unwrap_or(line);
    is_byline(line)
        || is_filed_from(line)
        || is_byline_with_places(line)
        || is_byline_with_dotted_parts(line)
        || is_agencies_line(line)
        || is_byline_with_site(line)
        || is_reporting_credits(line)
        || is_agency_inputs(line)
        || is_outlet_with_agency(line)
        || is_reporting_from(line)
        || is_staff_role(line)
        || is_posted_by(line)
        || is_contribution_credit(line)
        || is_source_credit(line)
        || is_files_credit(line)
        || is_labelled_credit(line)
        || is_assistance_credit(line)
}

/// "By Théo Lemaire | Euractiv.com": a byline, then the site.
fn is_byline_with_site(line: &str) -> bool {
    line.split_once(" | ").is_some_and(|(byline, site)| {
        is_byline(byline)
            && !site.contains(' ')
            && site.contains('.')
            && site.starts_with(char::is_alphanumeric)
    })
}

/// "— With assistance from Natalia Drozdiak and Daryna Krasnolutska": a wire story's
/// helpers, named after its text.
fn is_assistance_credit(line: &str) -> bool {
    let line = line.trim_start_matches(['—', '–', '-', ' ']);
    opens_with(line, "with assistance from ")
        && !line.ends_with(['!', '?', ':'])
        && is_names_line(line["with assistance from ".len()..].trim_end_matches('.'))
}

/// "Editor: Wang Li", "Author: Jane Doe", "Written by: …": a newsroom label and a name or
/// two after its colon.
fn is_labelled_credit(line: &str) -> bool {
    is_labelled_list(
        line,
        &[
            "editor",
            "editors",
            "edited by",
            "author",
            "authors",
            "written by",
            "text by",
            "video by",
            "words by",
            "reporter",
            "reporters",
        ],
        1..=MAX_BYLINE_NAME_WORDS,
        &['.', '!', '?', '"', '”'],
    )
}

/// "Reporting from Paris", "Reporting from Kyiv and Brussels": where the writers are.
fn is_reporting_from(line: &str) -> bool {
    opens_with(line, "reporting from ")
        && !line.ends_with(['.', '!', '?', ':'])
        && text::count_words_up_to(line, MAX_POSTED_BY_WORDS + 1) <= MAX_POSTED_BY_WORDS
        && line[15..].starts_with(char::is_uppercase)
}

/// A writer's post under their name: "Europe digital editor", "Political correspondent",
/// "Senior reporter, BBC News". A few words, no article ("the editor" is prose), ending
/// in a newsroom role.
fn is_staff_role(line: &str) -> bool {
    if line.len() > MAX_SECTION_LABEL_BYTES
        || !line.starts_with(char::is_uppercase)
        || line.ends_with(['.', '!', '?', ':'])
    {
        return false;
    }
    let role = line.split(',').next().unwrap_or(line);
    // "Moscow correspondent @alexhale_sky": the writer's handle after the role.
    let role = match role.rsplit_once(" @") {
        Some((role, handle)) if !handle.contains(' ') => role,
        _ => role,
    };
    let words: Vec<String> = text::words(role, Span::new(0, role.len()))
        .iter()
        .map(|w| text::fold(w.text(role)))
        .collect();
    (1..=MAX_STAFF_ROLE_WORDS).contains(&words.len())
        && words
            .last()
            .is_some_and(|w| lexicon::NEWSROOM_ROLES.contains(&w.as_str()))
        && !words
            .iter()
            .any(|w| lexicon::INDEFINITE_DETERMINERS.contains(&w.as_str()) || w == "the")
}
const MAX_STAFF_ROLE_WORDS: usize = 4;

/// "Posted by admin", "Posted by Jane Doe": a blog's byline.
fn is_posted_by(line: &str) -> bool {
    opens_with(line, "posted by ")
        && !line.ends_with(['.', '!', '?', ':'])
        && text::count_words_up_to(line, MAX_POSTED_BY_WORDS + 1) <= MAX_POSTED_BY_WORDS
}
const MAX_POSTED_BY_WORDS: usize = 6;

/// "— With files from Reuters", "With reporting by AFP".
fn is_files_credit(line: &str) -> bool {
    let core = line.trim_start_matches(['—', '–', '-', ' ']);
    let opens = [
        "with files from ",
        "with reporting by ",
        "with additional reporting by ",
    ]
    .iter()
    .any(|o| opens_with(core, o));
    opens
        && core.len() <= MAX_FURNITURE_BYTES
        && !core.ends_with(['!', '?'])
        && text::count_words_up_to(core, MAX_BYLINE_WORDS + 1) <= MAX_BYLINE_WORDS
}

/// "Jane Doe contributed reporting.", "John Roe in Kyiv contributed to this report."
fn is_contribution_credit(line: &str) -> bool {
    if line.len() > 2 * MAX_FURNITURE_BYTES || !line.contains("contributed") {
        return false;
    }
    // An AP story's credits may open with where its writer filed from: "Cook reported
    // from Brussels. Associated Press writers … contributed."
    let line = match line.split_once(". ") {
        Some((first, rest)) if is_filed_from(first) => rest,
        _ => line,
    };
    let mut core = text::fold(line.trim_end_matches(['.', ' ']));
    // "Steven Erlanger contributed reporting from Berlin."
    if let Some((head, place)) = core.rsplit_once(" from ")
        && head.ends_with(" contributed reporting")
        && place.split(' ').count() <= MAX_PLACE_WORDS
    {
        core = head.to_owned();
    }
    // "Reuters and The Associated Press contributed.": agencies alone.
    let agencies = core.strip_suffix(" contributed").is_some_and(|who| {
        who.split(" and ")
            .flat_map(|part| part.split(", "))
            .all(|agency| CONTRIBUTING_AGENCIES.contains(&agency.trim()))
    });
    let credits = agencies
        || CONTRIBUTION_ENDINGS.iter().any(|e| core.ends_with(e))
        || (core.ends_with(" contributed")
            && !line.contains(". ")
            && core
                .split(' ')
                .any(|w| ["writer", "writers", "correspondent", "correspondents"].contains(&w)));
    credits
        && line.starts_with(char::is_uppercase)
        && text::count_words_up_to(line, MAX_CONTRIBUTION_WORDS + 1) <= MAX_CONTRIBUTION_WORDS
}

/// "By Jonas Reinhardt in Berlin and Mathilde Kessler in Paris".
fn is_byline_with_places(line: &str) -> bool {
    ["By ", "BY "]
        .iter()
        .find_map(|by| line.strip_prefix(by))
        .is_some_and(is_names_with_places)
}

/// "Daniel Kowalczuk · CBC News · Posted: Feb 27, 2024 4:00 AM EST | Last Updated: …": the
/// writer, the site and the date, between dots.
fn is_byline_with_dotted_parts(line: &str) -> bool {
    let mut parts = line.split(" · ");
    let (Some(name), Some(rest)) = (parts.next(), parts.last()) else {
        return false;
    };
    let dated = rest.split(" | ").next().unwrap_or(rest);
    line.len() <= 2 * MAX_FURNITURE_BYTES && is_names_line(name) && is_dated_line(dated)
}

/// "AFP | Reuters", "ABC/wires": agencies alone, the story's sources.
fn is_agencies_line(line: &str) -> bool {
    if line.len() > MAX_SECTION_LABEL_BYTES || !line.contains(['|', '/']) {
        return false;
    }
    let parts: Vec<&str> = line.split(['|', '/']).map(str::trim).collect();
    let wires = |p: &str| ["wires", "agencies", "newswires"].contains(&p);
    parts.len() >= 2
        && (parts.iter().all(|p| PICTURE_AGENCIES.contains(p))
            || (parts.len() == 2
                && wires(parts[1])
                && (1..=2).contains(&parts[0].split_whitespace().count())
                && parts[0].starts_with(char::is_uppercase)))
}

/// News agencies as a story's credits name them (folded).
const CONTRIBUTING_AGENCIES: &[&str] = &[
    "reuters",
    "the associated press",
    "associated press",
    "ap",
    "afp",
    "agence france-presse",
    "dpa",
    "bloomberg",
];

/// "Cook reported from Brussels", "Corbet and Cook reported from Paris": writers' names,
/// then where they filed from.
fn is_filed_from(sentence: &str) -> bool {
    let Some((names, place)) = split_once_by_key(sentence, " reported from ", 'p') else {
        return false;
    };
    let capitalised = |part: &str| {
        !part.is_empty()
            && part
                .split_whitespace()
                .all(|w| w == "and" || w.starts_with(char::is_uppercase))
    };
    // "Claire Moutet reported from Paris, and Daniel Hersh from Berlin."
    let mut places = place.trim_end_matches('.').split(", and ");
    let first_place = places.next().unwrap_or("");
    let others_filed = places.all(|other| {
        other
            .split_once(" from ")
            .is_some_and(|(who, place)| capitalised(who) && capitalised(place))
    });
    text::count_words_up_to(sentence, MAX_FILED_FROM_WORDS + 1) <= MAX_FILED_FROM_WORDS
        && capitalised(names)
        && capitalised(first_place)
        && others_filed
}
const MAX_FILED_FROM_WORDS: usize = 16;
/// A credit may name several writers with their cities ("Associated Press writers Lorne
/// Cook in Brussels and Sylvie Corbet in Paris contributed to this report.").
const MAX_CONTRIBUTION_WORDS: usize = 30;
/// How a contribution credit ends.
const CONTRIBUTION_ENDINGS: &[&str] = &[
    "contributed reporting",
    "contributed to this report",
    "contributed to this story",
    "contributed to this article",
    "contributed to this reporting",
    "contributed reporting to this story",
    "contributed reporting to this article",
];

/// "With inputs from agencies", "With inputs from PTI and Reuters": the agencies an
/// Indian outlet's story draws on.
fn is_agency_inputs(line: &str) -> bool {
    let lower = line.trim_end_matches('.');
    // "(With newswires)", "(With agencies)".
    if let Some(rest) = lower
        .strip_prefix("With ")
        .or_else(|| lower.strip_prefix("with "))
        && ["newswires", "agencies", "wires", "wire services"].contains(&rest)
    {
        return true;
    }
    ["with inputs from ", "with input from ", "inputs from "]
        .iter()
        .any(|o| opens_with(lower, o))
        && text::count_words_up_to(lower, MAX_FURNITURE_WORDS + 1) <= MAX_FURNITURE_WORDS
}

/// "FRANCE 24 with AFP", "Euronews with AP and Reuters": the outlet and the agencies its
/// story draws on (usually in brackets, which [`is_credit_line`] takes off).
fn is_outlet_with_agency(line: &str) -> bool {
    if line.len() > MAX_OUTLET_WITH_AGENCY_BYTES {
        return false;
    }
    let line = line.trim_end_matches('.');
    let Some((outlet, agencies)) = line
        .split_once(" with ")
        .or_else(|| line.split_once(" WITH "))
    else {
        return false;
    };
    // "DAILY SABAH WITH AGENCIES": agencies not named.
    if agencies.eq_ignore_ascii_case("agencies") {
        return outlet.starts_with(char::is_uppercase)
            && (1..=MAX_SITE_NAME_WORDS + 2).contains(&outlet.split_whitespace().count());
    }
    let n_outlet_words = outlet.split_whitespace().count();
    (1..=MAX_SITE_NAME_WORDS + 2).contains(&n_outlet_words)
        && outlet.starts_with(char::is_uppercase)
        && agencies
            .split([',', '&'])
            .flat_map(|part| part.split(" and "))
            .all(|agency| NEWS_AGENCIES.contains(&agency.trim()))
}
const MAX_OUTLET_WITH_AGENCY_BYTES: usize = 64;
/// Wire agencies as outlets credit them.
const NEWS_AGENCIES: &[&str] = &[
    "AFP", "AP", "Reuters", "dpa", "DPA", "EFE", "ANSA", "agencies",
];

/// "FacebookTwitterLinkedinEMail": share buttons whose names the page ran together.
fn is_joined_share_buttons(line: &str) -> bool {
    let mut rest = line.trim();
    if rest.len() > MAX_SECTION_LABEL_BYTES || rest.contains(char::is_whitespace) {
        return false;
    }
    let mut n = 0;
    while !rest.is_empty() {
        let Some(len) = SHARE_NETWORKS
            .iter()
            .chain(["mail", "print", "copy", "link", "share"].iter())
            .filter(|name| name.len() > 1 && opens_with(rest, name))
            .map(|name| name.len())
            .max()
        else {
            return false;
        };
        rest = &rest[len..];
        n += 1;
    }
    n >= 2
}

/// "Source: Al Jazeera and news agencies", "Sources: AFP, Reuters": a short list of
/// sources after the label, not a sentence.
fn is_source_credit(line: &str) -> bool {
    is_labelled_list(
        line,
        &["source", "sources"],
        1..=MAX_FURNITURE_WORDS,
        &['.', '!', '?', '"', '”'],
    )
}

/// A byline or the reporting credits: "By Jane Doe", "By Jane Doe and John Roe, Paris
/// correspondent", "BY REUTERS", "Reporting by Jane Doe; Editing by John Roe".
fn is_byline(line: &str) -> bool {
    let first = first_word(line);
    let may_be = is_one_of(first, &["by"]) || is_one_of(first, CREDIT_WORDS);
    if !may_be || line.len() > MAX_FURNITURE_BYTES || line.ends_with(['.', '!', '?', ':']) {
        return false;
    }
    let words = text::words(line, Span::new(0, line.len()));
    if words.len() > MAX_BYLINE_WORDS {
        return false;
    }
    let word = |k: usize| words.get(k).map_or("", |w| w.text(line));
    let folded: Vec<String> = words.iter().map(|w| text::fold(w.text(line))).collect();
    // "Reporting by …", "Additional reporting by …", "Editing by …", "Writing by …".
    let credits = folded.iter().position(|w| w == "by").is_some_and(|by| {
        (1..=2).contains(&by)
            && folded[..by]
                .iter()
                .all(|w| CREDIT_WORDS.contains(&w.as_str()))
    });
    if credits {
        return true;
    }
    // "By" and the names, up to a comma: every word capitalised but a name's particles.
    if !matches!(word(0), "By" | "BY" | "by") {
        return false;
    }
    let comma = line.find(',').unwrap_or(line.len());
    let names: Vec<usize> = (1..words.len())
        .filter(|&k| words[k].start < comma)
        .collect();
    !names.is_empty()
        && names.len() <= MAX_BYLINE_NAME_WORDS
        && names.iter().all(|&k| {
            word(k).starts_with(char::is_uppercase)
                // "By Jane Doe and John Roe", "By Euronews with AP", "By GT staff
                // reporters".
                || matches!(folded[k].as_str(), "staff" | "reporter" | "reporters")
                || folded[k] == "and"
                || folded[k] == "with"
                || lexicon::NAME_PARTICLES.contains(&folded[k].as_str())
        })
        && word(1).starts_with(char::is_uppercase)
}
const MAX_BYLINE_WORDS: usize = 14;

/// A wire story's credits, however many: "Reporting by John Irish, Elizabeth Pineau and
/// Michel Rose; Additional reporting by Andrew Gray in Brussels; Editing by Alex
/// Richardson". Every part between semicolons is a credit word, "by" and names.
fn is_reporting_credits(line: &str) -> bool {
    let line_opens = line.trim_start_matches('(');
    opens_with_one_of(line_opens, CREDIT_WORDS)
        && line.len() <= 2 * MAX_FURNITURE_BYTES
        && !line.ends_with(['!', '?', ':'])
        && line
            .trim_end_matches('.')
            .split(';')
            .flat_map(|part| part.split(", "))
            .all(|part| is_credit_part(part.trim()) || is_credit_place(part.trim()))
}

/// What follows a comma inside a part of a wire story's credits: another part ("Additional
/// reporting by …"), or more names with their city ("Tobias Kessler in Berlin").
fn is_credit_place(part: &str) -> bool {
    !part.is_empty()
        && part.split(' ').all(|w| {
            w.starts_with(char::is_uppercase)
                || matches!(w, "in" | "and" | "from" | "bureau" | "bureaus" | "staff")
        })
}

fn is_credit_part(part: &str) -> bool {
    let words = text::words(part, Span::new(0, part.len()));
    let folded: Vec<String> = words
        .iter()
        .take(MAX_CREDIT_PART_WORDS + 1)
        .map(|w| text::fold(w.text(part)))
        .collect();
    let Some(by) = folded.iter().position(|w| w == "by") else {
        return false;
    };
    let names = &words[by + 1..];
    (1..=2).contains(&by)
        && folded.len() <= MAX_CREDIT_PART_WORDS
        && folded[..by]
            .iter()
            .all(|w| CREDIT_WORDS.contains(&w.as_str()))
        && names
            .first()
            .is_some_and(|w| w.text(part).starts_with(char::is_uppercase))
        && names.iter().zip(&folded[by + 1..]).all(|(w, f)| {
            w.text(part).starts_with(char::is_uppercase)
                || matches!(f.as_str(), "and" | "in" | "with")
                // "… and Reuters bureaus", "… and AFP staff".
                || (matches!(f.as_str(), "bureau" | "bureaus" | "staff")
                    && names.last().is_some_and(|last| std::ptr::eq(last, w)))
                || lexicon::NAME_PARTICLES.contains(&f.as_str())
        })
}
/// The words before "by" in a wire story's credits.
const CREDIT_WORDS: &[&str] = &[
    "reporting",
    "additional",
    "editing",
    "writing",
    "compiled",
    "compiling",
    "interview",
    "edited",
    "written",
    "reported",
    "translated",
    "graphics",
    "research",
    "story",
    "translation",
    "video",
    "photos",
    "text",
];
/// The longest part of a wire story's credits ("Reporting by Juliette Arnaud and Mathieu
/// Rosier in Paris, Tobias Kessler in Berlin, Karol Badowski in Warsaw and Reuters bureaus").
const MAX_CREDIT_PART_WORDS: usize = 24;
/// Two authors' names joined by "and", at most.
const MAX_BYLINE_NAME_WORDS: usize = 7;

/// The first word of a link to another story: not "Watch:", which may head a video
/// story of its own.
const STORY_LINK_LEADS: &[&str] = &["read", "related", "more", "see", "also"];
/// The longest link lead before a story's title ("Read more on this story").
const MAX_STORY_LINK_LEAD_WORDS: usize = 4;
const MAX_STORY_LINK_LEAD_BYTES: usize = 40;
/// The longest title of a story linked to.
const MAX_STORY_TITLE_WORDS: usize = 20;

/// A test of a whole line.
type LineTest = fn(&str) -> bool;

/// Whole-line furniture tests, each with its reason, tried in this order before the
/// vocabulary tests of [`furniture_reason`].
const LINE_RULES: &[(LineTest, &str)] = &[
    (is_list_note, LIST_NOTE_REASON),
    (is_player_line, PLAYER_REASON),
    (is_sponsor_line, AD_SLOT_REASON),
    (is_publisher_line, "page furniture: the publisher's name"),
    (is_line_with_address, CREDITS_REASON),
    (
        is_tagged_story_link,
        "page furniture: a link to another story",
    ),
    (is_imperative_appeal, APPEAL_REASON),
    (is_key_event_link, "page furniture: a link to a key event"),
    (is_story_link, "page furniture: a link to another story"),
    (is_picture_caption_or_credit, CAPTION_REASON),
    (is_dated_line, TIMESTAMP_REASON),
    (is_dated_line_with_site, TIMESTAMP_REASON),
    (is_credits_and_timestamp, TIMESTAMP_REASON),
    (is_tag_list, TAG_LIST_REASON),
    (is_copyright_notice, "page furniture: a copyright notice"),
    (is_reader_prompt, "page furniture: a prompt to the reader"),
    (
        is_joined_share_buttons,
        "page furniture: a read-more, share or subscribe link",
    ),
    (is_caption_with_site_credit, CAPTION_REASON),
    (
        is_update_notice,
        "page furniture: a notice that the story was updated",
    ),
    (is_bare_link, "page furniture: a bare link"),
    (
        is_print_edition_note,
        "page furniture: a note on the story's print edition",
    ),
    (is_breadcrumb, "page furniture: the site's navigation path"),
    (is_desk_codes, "page furniture: the editors' initials"),
    (
        is_funding_disclosure,
        "page furniture: the writer's disclosure",
    ),
];

const LIST_NOTE_REASON: &str = "page furniture: a screen reader's note on a list";
const AD_SLOT_REASON: &str = "page furniture: an ad slot";

/// "Published by Associated Newspapers Ltd", "Part of the Daily Mail, The Mail on Sunday &
/// Metro Media Group": the company behind the site, in its footer.
fn is_publisher_line(line: &str) -> bool {
    line.len() <= MAX_FURNITURE_BYTES
        && opens_like_one_of(line, &["published by ", "part of the ", "a member of the "])
        && line
            .trim_end_matches('.')
            .rsplit(' ')
            .next()
            .is_some_and(|last| COMPANY_ENDINGS.iter().any(|e| last.eq_ignore_ascii_case(e)))
}
/// "The Local (news@thelocal.de) + AFP", "Novinite.com (Sofia News Agency -
/// www.novinite.com)": a writer or a site given with its address, a few words that do not
/// end like a sentence.
fn is_line_with_address(line: &str) -> bool {
    // "Write to Tomasz Wiśniewski at tomasz.wisniewski@wsj.com and Margaret Leclerc at …":
    // the writers' addresses, however many.
    let write_to = opens_with(line, "write to ") || opens_with(line, "contact ");
    line.len() <= 2 * MAX_FURNITURE_BYTES
        && (line.contains('@') || line.contains("www."))
        && (write_to
            || (line.len() <= MAX_FURNITURE_BYTES
                && !line.trim_end().ends_with(['.', '!', '?', ':', '"', '”'])
                && text::count_words_up_to(line, MAX_FURNITURE_WORDS + 1) <= MAX_FURNITURE_WORDS))
        && line.split_whitespace().any(|w| {
            let w = w.trim_matches(|c: char| !c.is_alphanumeric());
            (w.contains('@') || w.starts_with("www.")) && w.contains('.') && !w.ends_with('.')
        })
}

/// "Monday March 18 2024, 12.01am GMT, The Times": a timestamp, then the site's name.
fn is_dated_line_with_site(line: &str) -> bool {
    // Most lines are turned away by their length or for having no figure at all.
    if line.len() > MAX_FURNITURE_BYTES || !line.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    // "Hungary Today 2024.06.07.": the site's name, then the date in figures.
    let site_first = line.rsplit_once(' ').is_some_and(|(site, date)| {
        date.starts_with(|c: char| c.is_ascii_digit())
            && (1..=MAX_SITE_WORDS).contains(&site.split_whitespace().count())
            && site
                .split_whitespace()
                .all(|w| w.starts_with(char::is_uppercase))
            && has_numeric_date(date)
    });
    site_first
        || line.rsplit_once(", ").is_some_and(|(dated, site)| {
            (1..=MAX_SITE_WORDS).contains(&site.split_whitespace().count())
                && site
                    .split_whitespace()
                    .all(|w| w.starts_with(char::is_uppercase))
                && is_dated_line(dated)
        })
}
/// The longest site name after a timestamp.
const MAX_SITE_WORDS: usize = 3;

/// The last word of a company's name.
const COMPANY_ENDINGS: &[&str] = &["Ltd", "Limited", "Inc", "plc", "LLC", "Group", "GmbH", "SA"];

/// Sets aside an advertisement's title right above its sponsor ("The 10 Most Reliable SUVs
/// Under $40,000", then "AutoVerdict · Sponsored").
fn mark_sponsored_titles(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    for idx in 1..kinds.len() {
        if kinds[idx] == LineKind::Removed(AD_SLOT_REASON)
            && kinds[idx - 1] == LineKind::Text
            && is_sponsor_line(lines[idx].text(text))
            && is_story_title(lines[idx - 1].text(text))
        {
            kinds[idx - 1] = LineKind::Removed(AD_SLOT_REASON);
        }
    }
}

/// "list of 4 items", "list 2 of 4", "end of list": what a page tells screen readers about
/// a list of links it inserts in the article.
fn is_list_note(line: &str) -> bool {
    if line.len() > MAX_SECTION_LABEL_BYTES || !opens_with_one_of(line, &["list", "end"]) {
        return false;
    }
    let words: Vec<&str> = line.split_whitespace().collect();
    let number = |w: &str| !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit());
    match words.as_slice() {
        // "list of 4 items", "list 2 of 4".
        [list, a, b, c] if list.eq_ignore_ascii_case("list") => {
            (*a == "of" && number(b) && matches!(*c, "items" | "item"))
                || (number(a) && *b == "of" && number(c))
        }
        [end, of, list] => end.eq_ignore_ascii_case("end") && *of == "of" && *list == "list",
        _ => false,
    }
}

const PLAYER_REASON: &str = "page furniture: a player's controls";

/// "Support Kyiv Post’s independent journalism. Become a member of the Kyiv Post community
/// today.": an appeal for support that opens by asking, wherever it stands (others are
/// looked for only among the last lines, [`mark_appeal_block`]).
fn is_imperative_appeal(line: &str) -> bool {
    opens_with_one_of(line, &["support", "donate", "become"])
        && (is_appeal_for_support(line)
            // "Support <outlet>'s independent journalism." (not "Support for journalism …")
            || (opens_with(line, "support ")
                && line.len() <= 2 * MAX_FURNITURE_BYTES
                && line
                    .split_whitespace()
                    .skip(1)
                    .take(3)
                    .any(|w| w.ends_with("'s") || w.ends_with("’s") || w == "our")
                && contains_ignoring_ascii_case(line, "journalism")))
}

/// "Ukraine war map shows Russia's creeping gains near Avdiivka [MAPS]": another story's
/// title with the kind of story in capitals between square brackets.
fn is_tagged_story_link(line: &str) -> bool {
    line.strip_suffix(']')
        .and_then(|l| l.rsplit_once(" ["))
        .is_some_and(|(title, kind)| {
            (1..=2).contains(&kind.split(' ').count())
                && kind.chars().all(|c| c.is_ascii_uppercase() || c == ' ')
                && !kind.is_empty()
                && is_story_title(title)
        })
}

/// "HearWell Insider · Sponsored": an advertiser's name over its promotion.
fn is_sponsor_line(line: &str) -> bool {
    line.len() <= MAX_SECTION_LABEL_BYTES * 2
        && ["· Sponsored", "| Sponsored", "- Sponsored"]
            .iter()
            .any(|tail| line.ends_with(tail))
}

/// "Listen · 4:12", "4-Minute Listen": an audio player's controls.
fn is_player_line(line: &str) -> bool {
    if line.len() > MAX_SECTION_LABEL_BYTES {
        return false;
    }
    // "VIDEO03:12", "Video 3:12": a video's label and its length.
    if let Some(length) = ["VIDEO", "Video"].iter().find_map(|v| line.strip_prefix(v))
        && is_duration(length.trim())
    {
        return true;
    }
    // "Listen · 4:12": the word, then the length after any marks.
    if opens_with(line, "listen") {
        let length = line["listen".len()..].trim_start_matches(|c: char| !c.is_ascii_digit());
        return !length.is_empty() && is_duration(length.trim_end());
    }
    // "4-Minute Listen".
    line.split_once("-Minute ")
        .or_else(|| line.split_once("-minute "))
        .is_some_and(|(n, what)| {
            !n.is_empty()
                && n.bytes().all(|b| b.is_ascii_digit())
                && ["listen", "read", "watch"]
                    .iter()
                    .any(|w| what.eq_ignore_ascii_case(w))
        })
}

/// "3h ago Kremlin says troops would make war with Nato a certainty": a live page's link
/// to one of its entries, with how long ago it was posted.
fn is_key_event_link(line: &str) -> bool {
    let mut words = line.split(' ');
    let (Some(age), Some(ago)) = (words.next(), words.next()) else {
        return false;
    };
    let digits = age.trim_end_matches(['h', 'm', 'd']);
    line.len() <= MAX_FURNITURE_BYTES
        && ago == "ago"
        && digits.len() < age.len()
        && !digits.is_empty()
        && digits.bytes().all(|b| b.is_ascii_digit())
        && words.count() >= 2
}

/// The titles of other stories between a screen reader's "list of 4 items" and its "end
/// of list", wherever the list stands.
fn mark_noted_list(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    let mut open: Option<usize> = None;
    for idx in 0..kinds.len() {
        let line = lines[idx].text(text);
        if kinds[idx] == LineKind::Removed(LIST_NOTE_REASON) {
            if opens_with(line, "end of list") {
                if let Some(start) = open.take() {
                    for i in start..idx {
                        if kinds[i] == LineKind::Text && is_story_title(lines[i].text(text)) {
                            kinds[i] = LineKind::Removed(STORY_LIST_REASON);
                        }
                    }
                }
            } else if text::fold(line).ends_with("items") || text::fold(line).ends_with("item") {
                open = Some(idx);
            }
        }
    }
}

/// A video's title, over the page's notice that it needs JavaScript, or given again with
/// the video's length ("Macron says … can't be ruled out", then "Macron says … can't be
/// ruled out 00:42"): both are the player's, not the article's.
fn mark_video_titles(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    const REASON: &str = "page furniture: a video's title";
    for idx in 1..kinds.len() {
        let line = lines[idx].text(text);
        // The title may stand a blank line above the player.
        let Some(above_idx) = (0..idx).rev().find(|&i| kinds[i] != LineKind::Blank) else {
            continue;
        };
        let above = lines[above_idx].text(text);
        if kinds[above_idx] != LineKind::Text || !is_story_title(above) {
            continue;
        }
        let notice = opens_with(line, "to view this video")
            || kinds[idx] == LineKind::Removed(PLAYER_REASON);
        let timed = kinds[idx] == LineKind::Text
            && line
                .rsplit_once(' ')
                .is_some_and(|(title, length)| title == above && is_duration(length));
        if notice || timed {
            kinds[above_idx] = LineKind::Removed(REASON);
            if timed {
                kinds[idx] = LineKind::Removed(REASON);
            }
        }
    }
}

/// A card that links to another story, a block of its own in the body: its title over
/// its date ("Two years into Ukraine war, Beijing's 'neutral' stance faces fresh test",
/// "24 Feb 2024"), or under its section in capitals ("WORLD", "Ukrainian drones strike
/// Russian oil refineries …").
fn mark_story_cards(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    const REASON: &str = "page furniture: a link to another story";
    let blank = |kinds: &[LineKind], i: Option<usize>| {
        i.is_none_or(|i| i >= kinds.len() || kinds[i] == LineKind::Blank)
    };
    let section = |line: &str| {
        line.len() <= MAX_SECTION_LABEL_BYTES
            && line.chars().any(char::is_alphabetic)
            && !line.chars().any(|c| c.is_lowercase() || c.is_ascii_digit())
            && text::count_words_up_to(line, 3) <= 2
    };
    for idx in 0..kinds.len().saturating_sub(1) {
        if !blank(kinds, idx.checked_sub(1)) || !blank(kinds, Some(idx + 2)) {
            continue;
        }
        let (first, second) = (lines[idx].text(text), lines[idx + 1].text(text));
        let dated = kinds[idx] == LineKind::Text
            && is_story_title(first)
            && kinds[idx + 1] == LineKind::Removed(TIMESTAMP_REASON);
        let filed = matches!(kinds[idx], LineKind::Text | LineKind::Removed(_))
            && section(first)
            && kinds[idx + 1] == LineKind::Text
            && is_story_title(second)
            && text::count_words_up_to(second, 5) >= 5;
        if dated {
            kinds[idx] = LineKind::Removed(REASON);
        } else if filed {
            kinds[idx] = LineKind::Removed(REASON);
            kinds[idx + 1] = LineKind::Removed(REASON);
        }
    }
}

/// A video's box under its label: "Video", then the video's title and, right under it, a
/// line that describes it, closed by the page's next piece of furniture ("Video", "Macron
/// says …", "Our foreign desk reports on …", "You can now listen to …"). Lines one under
/// the other only: the article's paragraphs are not.
fn mark_video_box(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    const REASON: &str = "page furniture: a video's title";
    for idx in 0..kinds.len().saturating_sub(2) {
        if !matches!(kinds[idx], LineKind::Removed(_) | LineKind::Text)
            || !lines[idx].text(text).eq_ignore_ascii_case("video")
            || kinds[idx + 1] != LineKind::Text
            || !is_story_title(lines[idx + 1].text(text))
        {
            continue;
        }
        let described = kinds[idx + 2] == LineKind::Text
            && matches!(kinds.get(idx + 3), Some(LineKind::Removed(_)))
            && text::count_words_up_to(lines[idx + 2].text(text), MAX_CAPTION_WORDS + 1)
                <= MAX_CAPTION_WORDS;
        kinds[idx] = LineKind::Removed(REASON);
        kinds[idx + 1] = LineKind::Removed(REASON);
        if described {
            kinds[idx + 2] = LineKind::Removed(REASON);
        }
    }
}

/// "00:42", "3:15", "1:02:37": a video's length.
fn is_duration(word: &str) -> bool {
    let parts: Vec<&str> = word.split(':').collect();
    (2..=3).contains(&parts.len())
        && parts
            .iter()
            .all(|p| (1..=2).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_digit()))
        && parts[1..].iter().all(|p| p.len() == 2)
}

/// Why `line` (trimmed, non-empty) is page furniture, if it is.
fn furniture_reason(line: &str) -> Option<&'static str> {
    if !line.chars().any(char::is_alphanumeric) {
        return Some("page furniture: a line with no words");
    }
    if let Some(&(_, reason)) = LINE_RULES.iter().find(|(is, _)| is(line)) {
        return Some(reason);
    }
    // Each whitespace-separated token with a letter or digit holds at least one word: a
    // cheap, exact way to turn long lines away before collecting words.
    let n_tokens = line
        .split_whitespace()
        .filter(|t| t.chars().any(char::is_alphanumeric));
    if line.len() > MAX_FURNITURE_BYTES || n_tokens.count() > MAX_FURNITURE_WORDS {
        return None;
    }
    let spans = text::words(line, Span::new(0, line.len()));
    if spans.len() > MAX_FURNITURE_WORDS {
        return None;
    }
    // "1,204", "3.5", and counters shortened to thousands or millions ("1.2K").
    let is_number = |w: &str| {
        let digits = w.strip_suffix(['k', 'K', 'm', 'M']).unwrap_or(w);
        digits.starts_with(|c: char| c.is_ascii_digit())
            && digits
                .chars()
                .all(|c| c.is_ascii_digit() || c == ',' || c == '.')
    };
    // Every kind of furniture below starts with a number or a word of its vocabulary: most
    // article lines are turned away here, before any word is folded into a new string.
    let first = spans.first().map_or("", |w| w.text(line));
    let in_vocabulary =
        |vocabulary: &[&str]| vocabulary.iter().any(|v| first.eq_ignore_ascii_case(v));
    // "3h", "45m", "2d": how long ago, as a feed writes it.
    let is_compact_age = |w: &str| {
        w.strip_suffix(['h', 'm', 'd', 'w'])
            .is_some_and(|n| !n.is_empty() && n.len() <= 3 && n.bytes().all(|b| b.is_ascii_digit()))
    };
    let may_be_furniture = is_number(first)
        || is_compact_age(first)
        || ["a", "an", "one", "time", "reading", "read", "est"]
            .iter()
            .any(|v| first.eq_ignore_ascii_case(v))
        || in_vocabulary(COUNTED)
        || in_vocabulary(TIMESTAMP_WORDS)
        || in_vocabulary(AD_WORDS)
        || in_vocabulary(LINK_VERBS)
        || in_vocabulary(SHARE_NETWORKS);
    // A widget's label alone ("Most popular", "Recommended"), unless a link rule below
    // reads it ("Read more").
    let label =
        || is_story_list_label(line.trim_end_matches(':').trim_end()).then_some(STORY_LIST_REASON);
    if !may_be_furniture {
        return label();
    }
    let words: Vec<String> = spans.iter().map(|w| text::fold(w.text(line))).collect();
    if words.iter().all(|w| is_number(w)) && words.len() <= 3 {
        return Some("page furniture: a counter");
    }
    // "2 min read", "5 minute read", "3 min".
    let reading_time =
        |n: &str, unit: &str| is_number(n) && matches!(unit, "min" | "mins" | "minute" | "minutes");
    match words.as_slice() {
        [n, unit, read] if reading_time(n, unit) && read == "read" => {
            return Some("page furniture: a reading time");
        }
        // "Est. 5min", "Est. 5 min": an estimated reading time.
        [est, n] if est == "est" && n.strip_suffix("min").is_some_and(is_number) => {
            return Some("page furniture: a reading time");
        }
        [est, n, unit] if est == "est" && reading_time(n, unit) => {
            return Some("page furniture: a reading time");
        }
        // "• 3h • 2 min read": how long ago, then the reading time.
        [age, n, unit, read] if is_compact_age(age) && reading_time(n, unit) && read == "read" => {
            return Some("page furniture: a reading time");
        }
        [n, unit] if reading_time(n, unit) => return Some("page furniture: a reading time"),
        // "Time to read 2 min.", "Reading time: 3 minutes".
        [time, to, read, n, unit]
            if time == "time" && to == "to" && read == "read" && reading_time(n, unit) =>
        {
            return Some("page furniture: a reading time");
        }
        [reading, time, n, unit]
            if (reading == "reading" || reading == "read")
                && time == "time"
                && reading_time(n, unit) =>
        {
            return Some("page furniture: a reading time");
        }
        _ => {}
    }
    // "0 Comments", "1,204 shares", "Comments 214".
    let counter = |n: &String, what: &String| is_number(n) && COUNTED.contains(&what.as_str());
    if let [a, b] = words.as_slice()
        && (counter(a, b) || counter(b, a))
    {
        return Some("page furniture: a counter");
    }
    let ago = words.iter().position(|w| w == "ago");
    if let Some(ago) = ago.filter(|&i| i >= 2) {
        let count = words[ago - 2].as_str();
        let counts = is_number(count) || matches!(count, "a" | "an" | "one");
        let rest_is_furniture = words.iter().enumerate().all(|(i, w)| {
            i + 2 >= ago && i <= ago || is_number(w) || TIMESTAMP_WORDS.contains(&w.as_str())
        });
        if counts && TIME_UNITS.contains(&words[ago - 1].as_str()) && rest_is_furniture {
            return Some("page furniture: a relative timestamp with counters");
        }
    }
    let all_in = |vocabulary: &[&str]| words.iter().all(|w| vocabulary.contains(&w.as_str()));
    if all_in(AD_WORDS) && words.iter().any(|w| AD_MARKERS.contains(&w.as_str())) {
        return Some("page furniture: an ad slot");
    }
    let link_verb = words.first().is_some_and(|w| is_link_verb(w));
    if link_verb && (words.iter().all(|w| is_link_word(w)) || names_the_site(&spans, &words, line))
    {
        return Some("page furniture: a read-more, share or subscribe link");
    }
    label()
}

/// "Follow RT on Telegram", "Subscribe to Ukrinform on YouTube", "Download the Euronews app": a
/// link line in the page's vocabulary but for the site's own name (a word or two, each
/// capitalised). `words` are `spans` folded.
fn names_the_site(spans: &[Span], words: &[String], line: &str) -> bool {
    let asks = words
        .first()
        .is_some_and(|w| matches!(w.as_str(), "follow" | "subscribe" | "download"));
    let mut n_name = 0;
    let mut where_to = false;
    for (span, word) in spans.iter().zip(words).skip(1) {
        if is_link_word(word) {
            // Where the reader is sent: "on Telegram", "the … app" ("Follow the Money" is
            // a title).
            where_to |= matches!(word.as_str(), "on" | "app" | "channel" | "newsletter");
        } else if span.text(line).starts_with(char::is_uppercase) {
            n_name += 1;
        } else {
            return false;
        }
    }
    asks && (1..=MAX_SITE_NAME_WORDS).contains(&n_name) && where_to
}
/// The longest site name in a link line ("Follow Kyiv Independent on X").
const MAX_SITE_NAME_WORDS: usize = 2;

// ---------------------------------------------------------------------------- headline

/// A headline is rarely longer than this; a longer first line is the lede.
const MAX_HEADLINE_WORDS: usize = 40;
const MAX_HEADLINE_CHARS: usize = 250;

/// The line index of the headline: the first text line after the header when it reads as
/// one (short, no sentence-final period) and article text follows it. Articles that open
/// straight with their lede have none: the lede is never promoted.
fn find_headline(text: &str, lines: &[Span], kinds: &[LineKind]) -> Option<usize> {
    let idx = kinds.iter().position(|k| *k == LineKind::Text)?;
    let has_body = kinds[idx + 1..].contains(&LineKind::Text);
    (has_body && reads_as_headline(lines[idx].text(text))).then_some(idx)
}

/// Whether `line` reads as a headline: a few words that do not end like a sentence.
fn reads_as_headline(line: &str) -> bool {
    let n_words = text::count_words_up_to(line, MAX_HEADLINE_WORDS + 1);
    (1..=MAX_HEADLINE_WORDS).contains(&n_words)
        && line.chars().count() <= MAX_HEADLINE_CHARS
        && !ends_like_a_sentence_or_lead_in(line)
        && list_marker_len(line).is_none()
        && !line.chars().next().is_some_and(char::is_lowercase)
        // A wire dateline alone on its line ("Paris CNN —", "PARIS (Reuters) -") opens
        // the lede.
        && !line.ends_with(['—', '–', '-'])
}

/// The length of `line` without a site's name after it (`"Macron speaks | Euronews"`,
/// `"… - BBC News"`), the separator and its spaces included; `None` when it ends with none.
/// After a dash, an outlet the body cites (`cited`) is the headline's source, not the
/// site: it stays.
fn without_site_suffix(
    line: &str,
    is_outlet_name: &dyn Fn(&str) -> bool,
    cited: &dyn Fn(&str) -> bool,
) -> Option<usize> {
    let (at, sep) = [" | ", " - ", " – ", " — "]
        .iter()
        .filter_map(|sep| line.rfind(sep).map(|at| (at, sep)))
        .max_by_key(|&(at, _)| at)?;
    let site = line[at + sep.len()..].trim();
    let kept = line[..at].trim_end();
    let source = *sep != " | " && cited(site);
    (!kept.is_empty() && !site.is_empty() && is_outlet_name(site) && !source).then_some(kept.len())
}

/// The site's name and menu at the top of a copied page, one entry per line ("Novinite.com",
/// "Sofia News Agency", "Home", "Bulgaria", "Business", …): the first run of lines, with
/// nothing between them, when it holds at least [`MIN_MENU_LINES`] short entries and
/// nothing else, and text follows it.
fn mark_top_menu(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    let Some(first) = kinds
        .iter()
        .position(|k| matches!(k, LineKind::Text | LineKind::Removed(_)))
    else {
        return;
    };
    let end = (first..kinds.len())
        .find(|&i| kinds[i] == LineKind::Blank)
        .unwrap_or(kinds.len());
    let entry = |line: &str| {
        line.len() <= MAX_SECTION_LABEL_BYTES
            && !line.ends_with(['.', '!', '?', ':', ',', ';'])
            && line.starts_with(char::is_uppercase)
            && (1..=MAX_SECTION_LABEL_WORDS)
                .contains(&text::count_words_up_to(line, MAX_SECTION_LABEL_WORDS + 1))
    };
    let in_menu = |i: usize| matches!(kinds[i], LineKind::Removed(_)) || entry(lines[i].text(text));
    let mut menu = end - first >= MIN_MENU_LINES
        && (first..end).all(in_menu)
        && kinds[end..].contains(&LineKind::Text);
    // The menu run straight into the headline, with no blank line between ("Skip to
    // content", "News Feed", "Ukraine", "Business", "Become a member", then the headline
    // and its byline): the entries up to the first line that is longer than any entry and
    // reads as a headline.
    let mut end = end;
    if !menu {
        let stop = (first..end).find(|&i| !in_menu(i));
        if let Some(stop) = stop
            && stop - first >= MIN_MENU_LINES
            && kinds[stop] == LineKind::Text
            && reads_as_headline(lines[stop].text(text))
            && text::count_words_up_to(lines[stop].text(text), MAX_SECTION_LABEL_WORDS + 1)
                > MAX_SECTION_LABEL_WORDS
        {
            menu = true;
            end = stop;
        }
    }
    if menu {
        for kind in &mut kinds[first..end] {
            if *kind == LineKind::Text {
                *kind = LineKind::Removed("page furniture: the site's name and menu");
            }
        }
    }
}
/// The fewest entries of a site's menu at the top of a page.
const MIN_MENU_LINES: usize = 3;

/// A line that heads a box of key points: "Key points", "KEY TAKEAWAYS:", "In brief".
fn is_summary_label(line: &str) -> bool {
    line.len() <= MAX_SECTION_LABEL_BYTES
        && SUMMARY_LABELS.contains(&text::fold(line.trim().trim_end_matches(':')).as_str())
}
/// Labels of a story's summary box (folded).
const SUMMARY_LABELS: &[&str] = &[
    "key points",
    "key takeaways",
    "takeaways",
    "highlights",
    "story highlights",
    "in brief",
    "in short",
    "at a glance",
    "summary",
    "what you need to know",
    "the essentials",
];

/// How a line reads as a section label or kicker of the page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SectionLabel {
    /// A few words of [`SECTION_LABELS`] ("Europe", "Analysis").
    Named,
    /// A few words in capitals ("RUSSIA-UKRAINE WAR").
    Capitals,
}

fn section_label(line: &str) -> Option<SectionLabel> {
    if line.len() > MAX_SECTION_LABEL_BYTES {
        return None;
    }
    let words: Vec<String> = text::words(line, Span::new(0, line.len()))
        .iter()
        .map(|w| text::fold(w.text(line)))
        .collect();
    if words.is_empty() || words.len() > MAX_SECTION_LABEL_WORDS {
        return None;
    }
    if SECTION_LABELS.contains(&words.join(" ").as_str()) {
        return Some(SectionLabel::Named);
    }
    // "Nation & World", "Business & Economy": a section of two joined by an ampersand.
    if line.contains(" & ")
        && line
            .split(" & ")
            .all(|part| part.starts_with(char::is_uppercase) && !part.contains(' '))
    {
        return Some(SectionLabel::Named);
    }
    let capitals = !line.chars().any(char::is_lowercase)
        && line.chars().filter(|c| c.is_alphabetic()).count() >= 4;
    capitals.then_some(SectionLabel::Capitals)
}
const MAX_SECTION_LABEL_WORDS: usize = 4;
/// Section labels stacked above a headline ("News", "World", "Europe").
const MAX_SECTION_LABELS: usize = 10;
const MAX_SECTION_LABEL_BYTES: usize = 40;
/// Names of a news site's sections and kickers (folded, words joined by a space).
const SECTION_LABELS: &[&str] = &[
    "home",
    "world",
    "world news",
    "europe",
    "europe news",
    "politics",
    "news",
    "latest",
    "latest news",
    "analysis",
    "news analysis",
    "opinion",
    "comment",
    "commentary",
    "exclusive",
    "breaking",
    "breaking news",
    "live",
    "explainer",
    "interview",
    "in depth",
    "special report",
    "international",
    "foreign affairs",
    "diplomacy",
    "defence",
    "defense",
    "security",
    "war",
    "ukraine",
    "russia",
    "france",
    "europe and central asia",
    "ukraine war",
    "war in ukraine",
    "russia-ukraine war",
    "russia ukraine war",
    "ukraine crisis",
    "russia-ukraine conflict",
    "middle east",
    "africa",
    "asia",
    "americas",
    "business",
    "top stories",
    "featured",
];

/// Whether `line` ends with a period, comma, colon or semicolon (closing quotes and
/// brackets aside): the end of a sentence or of a lead-in, not of a title. An ellipsis,
/// `?` and `!` may end a title.
fn ends_like_a_sentence_or_lead_in(line: &str) -> bool {
    let core = line.trim_end_matches(|c: char| is_closing_mark(c) || c.is_whitespace());
    if core.ends_with("...") || core.ends_with('…') {
        return false;
    }
    core.ends_with(['.', ',', ':', ';'])
}

fn is_closing_mark(c: char) -> bool {
    matches!(c, '"' | '\'' | '”' | '’' | '»' | ')' | ']')
}

/// Sets aside the short lines among the page's furniture after the article's last long
/// paragraph: a line with at least [`MIN_BOXED_FURNITURE_ABOVE`] removed lines above it
/// (since that paragraph) and one below, as a site's slogan or its promotion stands in
/// the boxes under an article ("Support Meduza", then "The Real Russia. Today.", then "Sign
/// up for our daily newsletter"); and a title alone right after the last paragraph, with
/// only furniture below it ("Ukraine war: latest news and analysis", a link to the site's
/// page on the story).
fn mark_trailing_boxed_lines(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    let Some(last_long) = last_long_paragraph(text, lines, kinds) else {
        return;
    };
    let short = |i: usize| {
        text::count_words_up_to(lines[i].text(text), MAX_CAPTION_WORDS + 1) <= MAX_CAPTION_WORDS
    };
    let text_lines: Vec<usize> = (last_long + 1..kinds.len())
        .filter(|&i| kinds[i] == LineKind::Text)
        .collect();
    // The title alone after the last paragraph.
    if let [only] = text_lines.as_slice()
        && ends_like_a_sentence_or_lead_in(lines[last_long].text(text))
        && is_story_title(lines[*only].text(text))
        && (last_long + 1..*only).all(|i| kinds[i] == LineKind::Blank)
        && (*only + 1..kinds.len()).any(|i| matches!(kinds[i], LineKind::Removed(_)))
    {
        kinds[*only] = LineKind::Removed("page furniture: a link to another story");
        return;
    }
    let removed = |i: &usize| matches!(kinds[*i], LineKind::Removed(_));
    let mut boxed = Vec::new();
    for &idx in &text_lines {
        let above = (last_long + 1..idx)
            .rev()
            .filter(|&i| kinds[i] != LineKind::Blank)
            .take_while(removed)
            .count();
        let below = (idx + 1..kinds.len()).find(|&i| kinds[i] != LineKind::Blank);
        if above >= MIN_BOXED_FURNITURE_ABOVE && below.as_ref().is_some_and(removed) && short(idx) {
            boxed.push(idx);
        }
    }
    for idx in boxed {
        kinds[idx] = LineKind::Removed("page furniture: a line among the page's boxes");
    }
}
/// Sets aside the site's footer after the article's last long paragraph: a run of lines
/// one under the other, at least [`MIN_FOOTER_LINES`], most of them short entries that do
/// not end like a sentence ("Subscribe to CNBC PRO", "Licensing & Reprints", "Site Map",
/// "Careers", "Help", with a sentence or two among them: "Got a confidential news tip? We
/// want to hear from you."). A list the text introduces with a colon is not one.
fn mark_footer_block(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    const REASON: &str = "page furniture: the site's footer";
    let Some(last_long) = last_long_paragraph(text, lines, kinds) else {
        return;
    };
    let entry = |line: &str| {
        !line.ends_with(['.', '!', '?', ':', ',', ';'])
            && text::count_words_up_to(line, MAX_FOOTER_ENTRY_WORDS + 1) <= MAX_FOOTER_ENTRY_WORDS
    };
    let mut start = last_long + 1;
    while start < kinds.len() {
        if kinds[start] == LineKind::Blank {
            start += 1;
            continue;
        }
        let end = (start..kinds.len())
            .find(|&i| kinds[i] == LineKind::Blank)
            .unwrap_or(kinds.len());
        let texts: Vec<usize> = (start..end)
            .filter(|&i| kinds[i] == LineKind::Text)
            .collect();
        let n_entries = texts
            .iter()
            .filter(|&&i| entry(lines[i].text(text)))
            .count();
        let introduced = (0..start)
            .rev()
            .find(|&i| kinds[i] != LineKind::Blank)
            .is_some_and(|i| lines[i].text(text).ends_with(':'));
        let heads_a_list = texts.iter().any(|&i| lines[i].text(text).ends_with(':'));
        if end - start >= MIN_FOOTER_LINES
            && 3 * n_entries >= 2 * texts.len()
            && !introduced
            && !heads_a_list
        {
            for &i in &texts {
                let short = text::count_words_up_to(lines[i].text(text), MAX_CAPTION_WORDS + 1)
                    <= MAX_CAPTION_WORDS;
                if short {
                    kinds[i] = LineKind::Removed(REASON);
                }
            }
        }
        start = end;
    }
}
/// The fewest lines of a site's footer after the article.
const MIN_FOOTER_LINES: usize = 6;
/// The longest entry of a site's footer ("Do Not Sell My Personal Information").
const MAX_FOOTER_ENTRY_WORDS: usize = 6;

/// The article's last long paragraph: the last text line of at least
/// [`MIN_LONG_PARAGRAPH_WORDS`] words, after which only the page's furniture may stand.
fn last_long_paragraph(text: &str, lines: &[Span], kinds: &[LineKind]) -> Option<usize> {
    (0..kinds.len()).rev().find(|&i| {
        kinds[i] == LineKind::Text
            && text::count_words_up_to(lines[i].text(text), MIN_LONG_PARAGRAPH_WORDS)
                >= MIN_LONG_PARAGRAPH_WORDS
    })
}

/// Words from which a line is the article's own paragraph, never the page's furniture.
const MIN_LONG_PARAGRAPH_WORDS: usize = 25;
/// Removed lines right above a short line after the article that make it one of the boxes.
const MIN_BOXED_FURNITURE_ABOVE: usize = 2;

// ----------------------------------------------------------------- trailing teaser lists

/// Words of four letters or more that title case leaves in lower case.
const TITLE_CASE_SMALL_WORDS: &[&str] = &[
    "with", "from", "into", "onto", "over", "upon", "than", "that", "this", "amid", "near", "past",
];

/// Whether most of the longer words of `line` are capitalised, as in a title
/// ("Russia Rejects Talks on Land Swap with Ukraine").
fn is_title_case(line: &str) -> bool {
    let (mut n_long, mut n_capitalised) = (0, 0);
    for word in text::words(line, Span::new(0, line.len())) {
        let word = word.text(line);
        let Some(first) = word.chars().next() else {
            continue;
        };
        if !first.is_alphabetic()
            || word.chars().count() < 4
            || TITLE_CASE_SMALL_WORDS.contains(&word)
        {
            continue;
        }
        n_long += 1;
        if first.is_uppercase() {
            n_capitalised += 1;
        }
    }
    n_long >= 2 && n_capitalised * 10 >= n_long * 7
}

/// A teaser title: a short title-case line that does not end like a sentence.
fn is_teaser_title(line: &str) -> bool {
    let n_words = text::count_words_up_to(line, 21);
    (2..=20).contains(&n_words)
        && line.chars().count() <= 160
        && !ends_like_a_sentence_or_lead_in(line)
        && list_marker_len(line).is_none()
        && is_title_case(line)
}

/// A teaser blurb: one line of prose (not title case) of some length.
fn is_teaser_blurb(line: &str) -> bool {
    text::count_words_up_to(line, 6) >= 6 && list_marker_len(line).is_none() && !is_title_case(line)
}

/// Sets aside a trailing list of unrelated teasers: at the end of the article, a run of two
/// or more blank-line-separated groups, each a title-case title and a one-line blurb. Such
/// a run is only taken for teasers when something else sets it apart from the body too:
/// the body's paragraphs are grouped differently (several lines between blank lines), or
/// most blurbs are cut off mid-sentence, as teaser blurbs are. An article whose last
/// sections happen to be "Title\nParagraph." in a body laid out the same way keeps them.
fn mark_trailing_teasers(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    /// A run of text lines between blank lines: its first two lines and its size.
    struct Group {
        first: usize,
        second: Option<usize>,
        n_lines: usize,
    }
    // Blank lines (and the header and headline) separate groups; a removed line (a
    // timestamp under a teaser, say) neither joins nor splits them.
    let mut groups: Vec<Group> = Vec::new();
    let mut open = false;
    for (idx, kind) in kinds.iter().enumerate() {
        match kind {
            LineKind::Text => match groups.last_mut().filter(|_| open) {
                Some(group) => {
                    group.n_lines += 1;
                    group.second.get_or_insert(idx);
                }
                None => {
                    groups.push(Group {
                        first: idx,
                        second: None,
                        n_lines: 1,
                    });
                    open = true;
                }
            },
            LineKind::Removed(_) => {}
            _ => open = false,
        }
    }
    let is_teaser = |g: &Group| {
        g.n_lines == 2
            && g.second.is_some_and(|second| {
                is_teaser_title(lines[g.first].text(text))
                    && is_teaser_blurb(lines[second].text(text))
            })
    };
    let n_teasers = groups.iter().rev().take_while(|g| is_teaser(g)).count();
    let first_teaser = groups.len() - n_teasers;
    if n_teasers < 2 || first_teaser == 0 {
        return;
    }
    let teasers = &groups[first_teaser..];
    let body_has_multiline_groups = groups[..first_teaser].iter().any(|g| g.n_lines >= 3);
    let n_cut_blurbs = teasers
        .iter()
        .filter_map(|g| g.second)
        .filter(|&second| {
            lines[second]
                .text(text)
                .chars()
                .last()
                .is_some_and(char::is_alphanumeric)
        })
        .count();
    if !body_has_multiline_groups && n_cut_blurbs * 2 <= teasers.len() {
        return;
    }
    for group in teasers {
        kinds[group.first] =
            LineKind::Removed("unrelated teaser: a headline in a trailing list of other stories");
        if let Some(second) = group.second {
            kinds[second] = LineKind::Removed("unrelated teaser: the blurb of a trailing teaser");
        }
    }
}

/// A label of links to other stories or of tags, alone on its line and ending with a
/// colon ("Read more:", "Related:", "In this article:"), anywhere in the article, and the
/// stories' titles ([`is_story_title`]) or the tags ([`is_tag`]) right under it, one per
/// line, up to [`MAX_STORY_LINKS_UNDER_LABEL`]: the article goes on after them. (At the end of the article, lists under any label are
/// [`mark_trailing_labelled_list`]'s.)
fn mark_story_links_under_label(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    for idx in 0..kinds.len() {
        let line = lines[idx].text(text);
        if !matches!(kinds[idx], LineKind::Text | LineKind::Removed(_)) {
            continue;
        }
        // "Read More »" under a story's title is the card's button: the title above is the
        // link, and what follows is the article's own text.
        if line.ends_with(['»', '›', '→']) {
            if opens_with(line, "read more")
                && idx > 0
                && kinds[idx - 1] == LineKind::Text
                && is_story_title(lines[idx - 1].text(text))
            {
                kinds[idx - 1] = LineKind::Removed(STORY_LINK_REASON);
                kinds[idx] = LineKind::Removed(STORY_LINK_REASON);
            }
            continue;
        }
        // "Read more:", "Don't miss...", and the read-more links that need no colon.
        let Some(label) = line
            .strip_suffix(':')
            .or_else(|| line.strip_suffix("..."))
            .or_else(|| line.strip_suffix('…'))
            .or_else(|| {
                (is_one_of(line, READ_MORE_LABELS)
                    // In capitals ("RELATED ARTICLES"), a widget's label, not a subheading.
                    || (is_one_of(line, STORY_LIST_LABELS)
                        && line.contains(' ')
                        && !line.chars().any(char::is_lowercase))
                    || (opens_with(line, "read more ")
                        && text::count_words_up_to(line, MAX_LIST_LABEL_WORDS + 1)
                            <= MAX_LIST_LABEL_WORDS))
                    .then_some(line)
            })
        else {
            continue;
        };
        let label = label.trim_end();
        let Some((reason, fits)) = labelled_list(label) else {
            continue;
        };
        // One item per line, a story's blurb right under its title; a story's date under
        // its title is set aside already. Items one under the other end at a blank line.
        let mut items: Vec<usize> = Vec::new();
        let mut tight = None;
        for i in idx + 1..kinds.len() {
            match kinds[i] {
                LineKind::Removed(TIMESTAMP_REASON) => continue,
                // A carousel's buttons ("Previous", "1", "Next").
                LineKind::Removed(_)
                    if text::count_words_up_to(lines[i].text(text), 2) <= 1 && items.is_empty() =>
                {
                    continue;
                }
                LineKind::Blank if tight == Some(true) => break,
                LineKind::Blank => continue,
                LineKind::Text => {}
                _ => break,
            }
            let line = lines[i].text(text);
            let blurb = items.last() == Some(&(i - 1))
                && reason == STORY_LIST_REASON
                && is_teaser_blurb(line)
                && line.len() <= MAX_FURNITURE_BYTES;
            // A line over a paragraph of the text, after the first item, is the text's
            // subheading ("Read more:", a title, "Warsaw's position unchanged", then the
            // next paragraph).
            let separate = items.last().is_some_and(|&last| last + 1 != i);
            let short = text::count_words_up_to(line, MAX_SHORT_SUBHEADING_WORDS + 1)
                <= MAX_SHORT_SUBHEADING_WORDS;
            let heads_text = !items.is_empty()
                && reason == STORY_LIST_REASON
                && (separate || short)
                && (i + 1..kinds.len())
                    .find(|&j| kinds[j] != LineKind::Blank)
                    .is_some_and(|j| {
                        kinds[j] == LineKind::Text
                            && text::count_words_up_to(
                                lines[j].text(text),
                                MIN_LONG_PARAGRAPH_WORDS,
                            ) >= MIN_LONG_PARAGRAPH_WORDS
                    });
            if !(fits(line) || blurb) || heads_text || items.len() == MAX_STORY_LINKS_UNDER_LABEL {
                break;
            }
            if let Some(&last) = items.last() {
                tight.get_or_insert(last + 1 == i);
            }
            items.push(i);
        }
        if items.is_empty() {
            continue;
        }
        kinds[idx] = LineKind::Removed(reason);
        for i in items {
            kinds[i] = LineKind::Removed(reason);
        }
    }
}
const STORY_LINK_REASON: &str = "page furniture: a link to another story";
/// The longest subheading told apart from a story's title by its length alone.
const MAX_SHORT_SUBHEADING_WORDS: usize = 5;

/// Labels of links to other stories that need no colon to be read as such.
const READ_MORE_LABELS: &[&str] = &[
    "read more",
    "read next",
    "also read",
    "read also",
    "see also",
    "explore more",
    "recommended",
];
/// The most titles [`mark_story_links_under_label`] reads under one label.
const MAX_STORY_LINKS_UNDER_LABEL: usize = 8;

/// The list a label heads, if it heads one: why its lines are set aside, and what each of
/// its items must read as (tags, or other stories' titles).
fn labelled_list(label: &str) -> Option<(&'static str, LineTest)> {
    if is_one_of(label, TAG_LABELS) {
        Some((TAG_LIST_REASON, is_tag))
    } else if is_story_list_label(label) {
        Some((STORY_LIST_REASON, is_story_title))
    } else {
        None
    }
}

/// The fewest tags that need no label at the end of a page.
const MIN_UNLABELLED_TAGS: usize = 3;

/// Sets aside the lists laid out one item per line at the end of the article, each under
/// its label: tags ("Tags", "Topics:") or other stories ("Most read", "Recommended",
/// "More from Europe"). Each item must read as one ([`is_tag`], [`is_story_title`]).
/// Lists may follow one another ("Related", then "Related topics"), and a label may close
/// the page with nothing under it ("More on this story").
fn mark_trailing_labelled_list(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    let mut items: Vec<usize> = Vec::new();
    // A story's blurb right under its title ("Explore more", then title, blurb, title, …):
    // an item too, which need not read as a title.
    let mut blurbs: Vec<usize> = Vec::new();
    // (A story's date may stand between its title and its blurb.)
    let under_title = |kinds: &[LineKind], idx: usize| {
        (0..idx)
            .rev()
            .find(|&i| !matches!(kinds[i], LineKind::Removed(_)))
            .is_some_and(|i| {
                i + 2 >= idx && kinds[i] == LineKind::Text && is_story_title(lines[i].text(text))
            })
    };
    for idx in (0..kinds.len()).rev() {
        // A label may already be set aside on its own ("Read more", "Tags:").
        match kinds[idx] {
            LineKind::Text | LineKind::Removed(_) => {}
            LineKind::Blank => continue,
            LineKind::Header | LineKind::Headline => return,
        }
        let line = lines[idx].text(text);
        let label = line.trim_end_matches(':').trim_end();
        let Some((reason, fits)) = labelled_list(label) else {
            match kinds[idx] {
                LineKind::Text if is_story_title(line) => items.push(idx),
                LineKind::Text
                    if line.len() <= 2 * MAX_FURNITURE_BYTES
                        && under_title(kinds, idx)
                        && is_teaser_blurb(line) =>
                {
                    blurbs.push(idx);
                }
                LineKind::Text => {
                    // Tags with no label, one per line, last on the page after the
                    // article's last paragraph: three or more names of a few words.
                    let tags = items.len() >= MIN_UNLABELLED_TAGS
                        && !line.ends_with(':')
                        && blurbs.is_empty()
                        && items.iter().all(|&i| {
                            let tag = lines[i].text(text);
                            is_tag(tag) && tag.starts_with(char::is_uppercase)
                        });
                    if tags {
                        for item in items.drain(..) {
                            kinds[item] = LineKind::Removed(TAG_LIST_REASON);
                        }
                    }
                    return;
                }
                _ => {}
            }
            continue;
        };
        if items.is_empty() {
            // A label alone at the end: set aside only if a rule read it already.
            if kinds[idx] == LineKind::Text {
                return;
            }
            continue;
        }
        if !items.iter().all(|&i| fits(lines[i].text(text))) {
            return;
        }
        kinds[idx] = LineKind::Removed(reason);
        for item in items.drain(..).chain(blurbs.drain(..)) {
            kinds[item] = LineKind::Removed(reason);
        }
    }
}

/// A label of tags alone on its line ("Related Topics"), then the tags on one line,
/// comma-separated ("Emmanuel Macron, Ukraine, Russia"): page furniture wherever it stands
/// (tags at the end of the article, one per line, are [`mark_trailing_labelled_list`]'s).
fn mark_tag_block(text: &str, lines: &[Span], kinds: &mut [LineKind]) {
    for idx in 0..kinds.len() {
        let label = lines[idx].text(text).trim_end_matches(':').trim_end();
        if kinds[idx] != LineKind::Text || !is_one_of(label, TAG_LABELS) {
            continue;
        }
        let Some(next) = (idx + 1..kinds.len()).find(|&i| kinds[i] != LineKind::Blank) else {
            continue;
        };
        let tags = lines[next].text(text);
        let items: Vec<&str> = tags.split(',').map(str::trim).collect();
        let is_tag_list = kinds[next] == LineKind::Text
            && items.len() >= 2
            && items
                .iter()
                .all(|item| is_tag(item) && item.starts_with(char::is_uppercase));
        if is_tag_list {
            kinds[idx] = LineKind::Removed(TAG_LIST_REASON);
            kinds[next] = LineKind::Removed(TAG_LIST_REASON);
        }
    }
}

/// The label of a page's list of other stories ("Most read", "Recommended", "More from
/// Europe"), alone on its line.
fn is_story_list_label(label: &str) -> bool {
    label.len() <= MAX_SECTION_LABEL_BYTES
        && (is_one_of(label, STORY_LIST_LABELS)
            || STORY_LIST_LABEL_OPENINGS.iter().any(|o| {
                label.len() > o.len()
                    && opens_with(label, o)
                    && text::count_words_up_to(label, MAX_LIST_LABEL_WORDS + 1)
                        <= MAX_LIST_LABEL_WORDS
            }))
}

fn is_one_of(label: &str, labels: &[&str]) -> bool {
    labels.iter().any(|l| label.eq_ignore_ascii_case(l))
}

/// A tag: a few words without sentence punctuation.
fn is_tag(line: &str) -> bool {
    line.len() <= MAX_TAG_BYTES
        && !line.ends_with(['.', '!', '?', ':', ',', ';', '"', '”'])
        && (1..=MAX_TAG_WORDS).contains(&text::count_words_up_to(line, MAX_TAG_WORDS + 1))
}

/// The title of another story: a line of a few words that does not end like a sentence
/// (a title may end with "?" or "!").
fn is_story_title(line: &str) -> bool {
    line.len() <= MAX_FURNITURE_BYTES
        && !ends_like_a_sentence_or_lead_in(line)
        && (1..=MAX_STORY_TITLE_WORDS)
            .contains(&text::count_words_up_to(line, MAX_STORY_TITLE_WORDS + 1))
}

/// Labels of a list of tags.
const TAG_LABELS: &[&str] = &[
    "tags",
    "tag",
    "topics",
    "related topics",
    "filed under",
    "filed in",
    "category",
    "section",
    "categories",
    "keywords",
    "read more about",
    "more about",
    "explore more on these topics",
    "more on these topics",
    "in this article",
    "topics in this article",
    // "In:", then the story's topics, one per line.
    "in",
    "related tags",
    "follow the topics in this article",
    "country",
    "countries",
];
/// Labels of a list of other stories.
const STORY_LIST_LABELS: &[&str] = &[
    "most read",
    "most popular",
    "most viewed",
    "popular",
    "trending",
    "trending now",
    "recommended",
    "recommended for you",
    "related",
    "related stories",
    "related articles",
    "related content",
    "related coverage",
    "read more",
    "read next",
    "other news",
    "other stories",
    "other topics of interest",
    "topics of interest",
    "in other news",
    "more headlines",
    "more like this",
    "don't miss",
    "we recommend",
    "more stories",
    "more news",
    "top stories",
    "latest news",
    "latest stories",
    "editor's picks",
    "visual stories",
    "web stories",
    "you may also like",
    "you might also like",
    "also read",
    "see also",
    "explore more",
    "read more on the subject",
    "read also",
    "related posts",
    "recent articles",
    "more for you",
    "top articles",
    "see other headlines",
    "other headlines",
    "in this section",
    "all news",
    "what to read next",
    "on the same topic",
    "you might like",
    "you may like",
];
/// How a longer label of a list of other stories begins ("More from Europe").
const STORY_LIST_LABEL_OPENINGS: &[&str] = &[
    "read more ",
    "most read in ",
    "more from ",
    "more on ",
    "more about ",
    "most read from ",
    "also on ",
    "more stories from ",
    "top news ",
];
const STORY_LIST_REASON: &str = "unrelated teaser: a list of other stories under its label";
const TAG_LIST_REASON: &str = "page furniture: a list of tags";
const MAX_TAG_WORDS: usize = 4;
/// The longest label of a list of other stories that opens like one ("Read more from Sky
/// News").
const MAX_LIST_LABEL_WORDS: usize = 6;
const MAX_TAG_BYTES: usize = 60;

// ------------------------------------------------------------------------------- blocks

/// Subheadings are short: longer lines without a final period are paragraphs.
const MAX_SUBHEADING_WORDS: usize = 12;
const MAX_SUBHEADING_CHARS: usize = 100;

/// Byte length of a list marker at the start of `line` (`- `, `• `, `* `, `1. `, `2) `).
fn list_marker_len(line: &str) -> Option<usize> {
    for marker in ["- ", "– ", "• ", "* ", "· ", "▪ "] {
        if line.starts_with(marker) {
            return Some(marker.len());
        }
    }
    let digits = line.bytes().take_while(u8::is_ascii_digit).count();
    let rest = line.as_bytes().get(digits..digits + 2)?;
    ((1..=2).contains(&digits) && matches!(rest, [b'.' | b')', b' '])).then_some(digits + 2)
}

/// The text of a list item, without its marker.
fn list_item_text(text: &str, span: Span) -> Span {
    let line = span.text(text);
    let marker = list_marker_len(line).unwrap_or(0);
    let rest = line.get(marker..).unwrap_or("");
    let start = span.start + marker + (rest.len() - rest.trim_start().len());
    Span::new(start.min(span.end), span.end)
}

/// The kind of the body text line `line_idx`: a list item, a subheading (a short line
/// without final punctuation, or a short line wholly in quotation marks, that has article
/// text after it), or a paragraph. Lead-ins such as "Keep in mind:" are paragraphs.
fn body_block_kind(text: &str, lines: &[Span], kinds: &[LineKind], line_idx: usize) -> BlockKind {
    let line = lines[line_idx].text(text);
    if list_marker_len(line).is_some() {
        return BlockKind::ListItem;
    }
    let next_text = kinds[line_idx + 1..]
        .iter()
        .position(|k| *k == LineKind::Text)
        .map(|offset| lines[line_idx + 1 + offset].text(text));
    let Some(next) = next_text else {
        return BlockKind::Paragraph;
    };
    if list_marker_len(next).is_some() {
        return BlockKind::Paragraph;
    }
    // Byte length bounds the char count: long paragraphs are not scanned any further.
    if line.len() > 4 * MAX_SUBHEADING_CHARS + 8 {
        return BlockKind::Paragraph;
    }
    let core = wholly_quoted(line).unwrap_or(line);
    let short = core.chars().count() <= MAX_SUBHEADING_CHARS
        && text::count_words_up_to(core, MAX_SUBHEADING_WORDS + 1) <= MAX_SUBHEADING_WORDS;
    let starts_like_a_title = core
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_numeric());
    let ends_open = !ends_like_a_sentence_or_lead_in(core) && !core.ends_with(['!', '?', '…']);
    if short && starts_like_a_title && ends_open {
        BlockKind::Subheading
    } else {
        BlockKind::Paragraph
    }
}

/// The words inside the marks when `line` is one quotation from end to end.
fn wholly_quoted(line: &str) -> Option<&str> {
    if !line.starts_with(['"', '\'', '“', '„', '«', '‘']) {
        return None;
    }
    let quotations = text::quotations(line, Span::new(0, line.len()));
    match quotations.as_slice() {
        [q] if q.closed && q.span == Span::new(0, line.len()) => Some(q.inner.text(line)),
        _ => None,
    }
}

// ---------------------------------------------------------------------------- sentences

/// Titles before a name: their period never ends a sentence.
const TITLES: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Adm", "Sgt",
    "Cpl", "Gov", "Sen", "Rep", "Rev", "Hon", "Pres", "Amb", "Supt", "St", "Mt", "Ft", "Mme",
    "Mlle", "Messrs",
];

/// Other words whose period does not end a sentence unless a sentence opener follows:
/// months, company suffixes and the like. "No" only counts before a number ("No. 10").
const ABBREVIATIONS: &[&str] = &[
    "Jr", "Sr", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov",
    "Dec", "Inc", "Ltd", "Corp", "Co", "Bros", "Dept", "Univ", "Ave", "Blvd", "Rd", "Fig", "Vol",
    "vs", "approx", "cf", "ca",
];

/// What kind of abbreviation a period closes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Abbreviation {
    /// A title or an initial ("Gen.", "J."): a name follows, the sentence goes on.
    BeforeName,
    /// A dotted acronym, a month and the like ("U.S.", "Feb."): the sentence goes on unless
    /// a word that opens sentences follows ("… in the U.S. The …").
    Other,
}

/// Whether the period at `dot` (a byte offset in `text`) ends an abbreviation, and which:
/// a dotted acronym ("U.S.", "e.g."), an initial ("J."), a word of [`TITLES`] or of
/// [`ABBREVIATIONS`].
fn abbreviation_at(
    text: &str,
    block_start: usize,
    dot: usize,
    next_word: Option<char>,
) -> Option<Abbreviation> {
    let before = text.get(block_start..dot).unwrap_or("");
    let word_start = before
        .char_indices()
        .rev()
        .take_while(|&(_, c)| c.is_alphabetic())
        .last()
        .map_or(before.len(), |(i, _)| i);
    let word = &before[word_start..];
    if word.is_empty() {
        return None;
    }
    let n_chars = word.chars().count();
    if before[..word_start].ends_with('.') && n_chars <= 2 {
        return Some(Abbreviation::Other);
    }
    let starts_token = before[..word_start]
        .chars()
        .next_back()
        .is_none_or(|c| !c.is_alphanumeric() && c != '.');
    if !starts_token {
        return None;
    }
    if (n_chars == 1 && word.chars().all(char::is_uppercase)) || TITLES.contains(&word) {
        return Some(Abbreviation::BeforeName);
    }
    let is_number_sign = matches!(word, "No" | "no" | "Nos");
    let listed = ABBREVIATIONS.contains(&word);
    (listed || is_number_sign && next_word.is_some_and(|c| c.is_ascii_digit()))
        .then_some(Abbreviation::Other)
}

/// Words that open a sentence and hardly ever follow a dotted acronym or a month: after
/// "the U.S." they show that the abbreviation's period also ends the sentence.
const SENTENCE_OPENERS: &[&str] = &[
    "The",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "But",
    "However",
    "Meanwhile",
    "And",
    "Yet",
    "So",
    "Still",
    "Moreover",
    "Earlier",
    "Later",
];

/// Whether `rest` starts with one of [`SENTENCE_OPENERS`] as a whole word.
fn starts_with_sentence_opener(rest: &str) -> bool {
    let word_len = rest
        .find(|c: char| !c.is_alphabetic())
        .unwrap_or(rest.len());
    rest.get(..word_len)
        .is_some_and(|word| SENTENCE_OPENERS.contains(&word))
}

/// Whether a sentence may start with `c`: not with a lower-case letter or a mark that
/// continues a phrase.
fn may_start_sentence(c: char) -> bool {
    !c.is_lowercase() && !matches!(c, ',' | ';' | ':' | ')' | ']' | '}' | '.' | '-' | '–' | '—')
}

fn is_terminal(c: char) -> bool {
    matches!(c, '.' | '!' | '?' | '…' | '。' | '！' | '？')
}

/// Sentences of the block `block`, in order, trimmed.
///
/// A sentence ends after `.`, `!` or `?` (and any closing quotes and brackets) when the next
/// word may start a sentence. It does not end at an abbreviation or initial, inside a
/// number ("3.5"), at an ellipsis, or inside a closed quotation: a quotation of several
/// sentences stays in the one sentence that carries it, and a sentence may end right after
/// a quotation that ends with its own period (`… war." Next`). `quotations` are the
/// block's own, from [`text::quotations`]; unclosed ones (capped at the block's end) do
/// not hold sentences together.
pub fn split_sentences(text: &str, block: Span, quotations: &[Quotation]) -> Vec<Span> {
    let Some(slice) = text.get(block.start..block.end) else {
        return Vec::new();
    };
    let closed: Vec<&Quotation> = quotations.iter().filter(|q| q.closed).collect();
    let mut quote_k = 0;
    let mut out = Vec::new();
    let mut sentence_start = 0;
    let bytes = slice.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        // Eight ASCII bytes without a terminal mark at once: most of a block.
        if text::eight_ascii_without(bytes, i, b".!?") {
            i += 8;
            continue;
        }
        // Terminal marks start with one of these bytes, never a UTF-8 continuation byte, so
        // `i` is a char boundary wherever a char is decoded.
        if !matches!(bytes[i], b'.' | b'!' | b'?' | 0xE2 | 0xE3 | 0xEF) {
            i += 1;
            continue;
        }
        let Some(c) = slice.get(i..).and_then(|rest| rest.chars().next()) else {
            break;
        };
        if !is_terminal(c) {
            i += c.len_utf8();
            continue;
        }
        // The run of terminal marks ("?!", "...").
        let mut run_end = i + c.len_utf8();
        let (mut n_dots, mut ellipsis) = (usize::from(c == '.'), c == '…');
        let mut single_dot = c == '.';
        while let Some(n) = slice.get(run_end..).and_then(|rest| rest.chars().next()) {
            if !is_terminal(n) {
                break;
            }
            n_dots += usize::from(n == '.');
            ellipsis |= n == '…';
            single_dot = false;
            run_end += n.len_utf8();
        }
        let at = block.start + i;
        i = run_end;
        if ellipsis || n_dots >= 2 {
            continue;
        }
        while quote_k < closed.len() && closed[quote_k].span.end <= at {
            quote_k += 1;
        }
        let mut end = run_end;
        if let Some(q) = closed.get(quote_k).filter(|q| q.span.start < at) {
            // Inside a quotation: only its last words may end the sentence, after the mark.
            let rest = text.get(block.start + run_end..q.inner.end).unwrap_or("x");
            if !rest.trim().is_empty() {
                continue;
            }
            end = q.span.end - block.start;
        }
        // Closing quotes and brackets right after the mark belong to the sentence.
        let after = &slice[end..];
        let closers = after.len() - after.trim_start_matches(is_closing_mark).len();
        // Quotations are sorted and do not overlap: one starting here is one of the next two.
        let starts_quotation = |offset: usize| {
            closed
                .iter()
                .skip(quote_k)
                .take(2)
                .any(|q| q.span.start == block.start + offset)
        };
        if !(closers > 0 && starts_quotation(end)) {
            end += closers;
        }
        let after = &slice[end..];
        let next = after.trim_start().chars().next();
        let spaced = after.starts_with(char::is_whitespace);
        let ends = match next {
            None => true,
            Some(n) => spaced && may_start_sentence(n),
        };
        if !ends {
            continue;
        }
        if single_dot && end == run_end {
            let goes_on = match abbreviation_at(text, block.start, at, next) {
                None => false,
                Some(Abbreviation::BeforeName) => true,
                Some(Abbreviation::Other) => !starts_with_sentence_opener(after.trim_start()),
            };
            if goes_on {
                continue;
            }
        }
        push_trimmed(&mut out, block.start, slice, sentence_start, end);
        sentence_start = end;
        // Go on after what the sentence took (quotation marks, closers).
        i = end;
    }
    push_trimmed(&mut out, block.start, slice, sentence_start, slice.len());
    out
}

/// Pushes `slice[start..end]`, trimmed, as a span of the text if it is not empty.
fn push_trimmed(out: &mut Vec<Span>, offset: usize, slice: &str, start: usize, end: usize) {
    let Some(part) = slice.get(start..end) else {
        return;
    };
    let lead = part.len() - part.trim_start().len();
    let trimmed = part.trim();
    if !trimmed.is_empty() {
        let from = offset + start + lead;
        out.push(Span::new(from, from + trimmed.len()));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::Deserialize;

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Cases {
        case: Vec<Case>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Case {
        name: String,
        text: String,
        repeat: Option<usize>,
        /// Names of news outlets the parse knows (as the analysis gives it the gazetteer's).
        #[serde(default)]
        outlets: Vec<String>,
        #[serde(default)]
        expected: Expected,
    }

    /// What a case checks; fields left out are not checked.
    #[derive(Default, Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Expected {
        header: Option<String>,
        headline: Option<String>,
        subheadings: Option<Vec<String>>,
        list_items: Option<Vec<String>>,
        removed: Option<Vec<String>>,
        removed_reasons: Option<Vec<String>>,
        sentences: Option<Vec<String>>,
        n_sentences: Option<usize>,
        n_blocks: Option<usize>,
        n_diagnostics: Option<usize>,
        quotations: Option<Vec<String>>,
    }

    /// What every parse must satisfy, whatever the input.
    fn check_invariants(
        text: &str,
        s: &Structure,
        is_outlet_name: &dyn Fn(&str) -> bool,
    ) -> Result<(), String> {
        let fits = |span: Span| {
            span.start <= span.end
                && span.end <= text.len()
                && text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end)
        };
        let spans = s
            .header
            .iter()
            .chain(&s.headline)
            .copied()
            .chain(s.blocks.iter().map(|b| b.span))
            .chain(s.sentences.iter().map(|x| x.span))
            .chain(s.removed.iter().map(|r| r.span))
            .chain(s.quotations.iter().flat_map(|q| [q.span, q.inner]));
        for span in spans {
            if !fits(span) {
                return Err(format!(
                    "span {span:?} is not on char boundaries inside the text"
                ));
            }
        }
        for pair in s.blocks.windows(2) {
            if pair[0].span.end > pair[1].span.start {
                return Err(format!("blocks {:?} and {:?} overlap", pair[0], pair[1]));
            }
        }
        for pair in s.sentences.windows(2) {
            if pair[0].span.end > pair[1].span.start || pair[0].block_idx > pair[1].block_idx {
                return Err(format!(
                    "sentences {:?} and {:?} out of order",
                    pair[0], pair[1]
                ));
            }
        }
        for sentence in &s.sentences {
            let block = s
                .blocks
                .get(sentence.block_idx)
                .ok_or("sentence of no block")?;
            if !block.span.contains(sentence.span) || sentence.span.is_empty() {
                return Err(format!("sentence {sentence:?} is not inside its block"));
            }
        }
        for removed in &s.removed {
            if s.blocks.iter().any(|b| b.span.overlaps(removed.span)) {
                return Err(format!("removed line {:?} overlaps a block", removed.text));
            }
            if removed.text != removed.span.text(text) || removed.reason.is_empty() {
                return Err(format!(
                    "removed line {:?} lacks its text or reason",
                    removed.text
                ));
            }
        }
        if s.headline.is_some()
            != s.blocks
                .first()
                .is_some_and(|b| b.kind == BlockKind::Headline)
        {
            return Err("the headline is not blocks[0]".into());
        }
        if parse_with(text, is_outlet_name) != *s {
            return Err("parsing twice gives different results".into());
        }
        Ok(())
    }

    fn texts_of(text: &str, spans: impl Iterator<Item = Span>) -> Vec<String> {
        spans.map(|span| span.text(text).to_owned()).collect()
    }

    fn check_case(case: &Case) -> Vec<String> {
        let text = case.text.repeat(case.repeat.unwrap_or(1));
        let is_outlet_name = |line: &str| case.outlets.iter().any(|o| o == line);
        let s = parse_with(&text, &is_outlet_name);
        let mut problems = Vec::new();
        if let Err(problem) = check_invariants(&text, &s, &is_outlet_name) {
            problems.push(problem);
        }
        let e = &case.expected;
        let mut compare =
            |what: &str, expected: &dyn std::fmt::Debug, got: &dyn std::fmt::Debug| {
                let (expected, got) = (format!("{expected:?}"), format!("{got:?}"));
                if expected != got {
                    problems.push(format!(
                        "{what}:\n    expected {expected}\n    got      {got}"
                    ));
                }
            };
        let optional = |span: Option<Span>| span.map_or("", |span| span.text(&text)).to_owned();
        let of_kind = |kind: BlockKind| {
            texts_of(
                &text,
                s.blocks.iter().filter(|b| b.kind == kind).map(|b| b.span),
            )
        };
        if let Some(header) = &e.header {
            compare("header", header, &optional(s.header));
        }
        if let Some(headline) = &e.headline {
            compare("headline", headline, &optional(s.headline));
        }
        if let Some(subheadings) = &e.subheadings {
            compare("subheadings", subheadings, &of_kind(BlockKind::Subheading));
        }
        if let Some(list_items) = &e.list_items {
            compare("list items", list_items, &of_kind(BlockKind::ListItem));
        }
        if let Some(removed) = &e.removed {
            let got: Vec<&str> = s.removed.iter().map(|r| r.text.as_str()).collect();
            compare("removed", removed, &got);
        }
        if let Some(reasons) = &e.removed_reasons {
            let fits = reasons.len() == s.removed.len()
                && reasons
                    .iter()
                    .zip(&s.removed)
                    .all(|(word, r)| r.reason.contains(word.as_str()));
            let got: Vec<&str> = s.removed.iter().map(|r| r.reason.as_str()).collect();
            if !fits {
                compare("removed reasons", reasons, &got);
            }
        }
        if let Some(sentences) = &e.sentences {
            compare(
                "sentences",
                sentences,
                &texts_of(&text, s.sentences.iter().map(|x| x.span)),
            );
        }
        if let Some(n) = e.n_sentences {
            compare("number of sentences", &n, &s.sentences.len());
        }
        if let Some(n) = e.n_blocks {
            compare("number of blocks", &n, &s.blocks.len());
        }
        if let Some(n) = e.n_diagnostics {
            compare("number of diagnostics", &n, &s.diagnostics.len());
        }
        if let Some(quotations) = &e.quotations {
            compare(
                "quotations",
                quotations,
                &texts_of(&text, s.quotations.iter().map(|q| q.inner)),
            );
        }
        problems
    }

    #[test]
    fn structure_cases_hold() {
        let cases: Cases = toml::from_str(include_str!("../testdata/structure.toml"))
            .unwrap_or_else(|e| panic!("testdata/structure.toml: {e}"));
        let mut failures = Vec::new();
        for case in &cases.case {
            let problems = check_case(case);
            if !problems.is_empty() {
                failures.push(format!(
                    "case `{}`:\n  {}",
                    case.name,
                    problems.join("\n  ")
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{} of {} cases fail:\n{}",
            failures.len(),
            cases.case.len(),
            failures.join("\n")
        );
    }
}
