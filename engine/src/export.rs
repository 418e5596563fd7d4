//! Exports a reader takes away: the analysis as JSON (the same JSON `analyze` prints), and
//! the claims matrix and the quotations as CSV.
//!
//! CSV follows RFC 4180 (every field quoted, quotes doubled, CRLF line ends) and starts
//! with a UTF-8 byte-order mark, so spreadsheet programs open it as UTF-8 and keep the
//! names' accents. A field that a spreadsheet would run as a formula (starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return) is prefixed with `'`, the usual defence
//! against formula injection: article text is untrusted input.

use crate::model::Analysis;

/// The byte-order mark that tells spreadsheet programs the file is UTF-8.
const BOM: &str = "\u{feff}";

/// The analysis as pretty-printed JSON.
pub fn analysis_json(analysis: &Analysis) -> String {
    // Serialising plain data with string keys cannot fail.
    serde_json::to_string_pretty(analysis).unwrap_or_default()
}

/// One row per claim, one column per article: the article's sentence(s), or empty.
///
/// Columns: `claim`, `outlets carrying it`, then one per article headed by its outlet (or
/// "Unattributed article <id>").
pub fn claims_csv(analysis: &Analysis) -> String {
    let mut out = String::from(BOM);
    let mut header = vec!["claim".to_owned(), "outlets carrying it".to_owned()];
    header.extend(
        analysis
            .articles
            .iter()
            .map(|a| column_name(a.outlet.as_deref(), &a.id)),
    );
    push_row(&mut out, &header);
    for claim in &analysis.claims {
        let mut row = vec![claim.label.clone(), claim.n_articles.to_string()];
        for (article_idx, _) in analysis.articles.iter().enumerate() {
            let sentences: Vec<&str> = claim
                .members
                .iter()
                .filter(|m| m.article_idx == article_idx)
                .map(|m| m.sentence.as_str())
                .collect();
            row.push(sentences.join("\n"));
        }
        push_row(&mut out, &row);
    }
    out
}

/// One row per quotation: outlet, article, speakers, verb, kind, the quoted words.
pub fn quotes_csv(analysis: &Analysis) -> String {
    let mut out = String::from(BOM);
    push_row(
        &mut out,
        &["outlet", "article", "speakers", "verb", "kind", "quotation"].map(str::to_owned),
    );
    for article in &analysis.articles {
        for quote in &article.quotes {
            let kind = match quote.kind {
                crate::model::QuoteKind::Full => "full",
                crate::model::QuoteKind::Partial => "partial",
                crate::model::QuoteKind::Scare => "scare quotes",
            };
            push_row(
                &mut out,
                &[
                    column_name(article.outlet.as_deref(), &article.id),
                    article.id.clone(),
                    speakers_shown(analysis, quote),
                    quote.verb.clone().unwrap_or_default(),
                    kind.to_owned(),
                    quote.text.clone(),
                ],
            );
        }
    }
    out
}

/// A quotation's speakers as a reader writes them: the accented spelling where the
/// analysis has one (the JSON keeps the ASCII names, for comparisons).
fn speakers_shown(analysis: &Analysis, quote: &crate::model::Quote) -> String {
    if quote.speaker_ids.len() != quote.speakers.len() {
        return quote.speakers.join("; ");
    }
    quote
        .speaker_ids
        .iter()
        .zip(&quote.speakers)
        .map(|(&id, name)| {
            analysis
                .actors
                .get(id)
                .map_or(name.as_str(), |a| a.display_name())
        })
        .collect::<Vec<&str>>()
        .join("; ")
}

/// The name a column or row gives an article: its outlet, or says the outlet is unknown.
pub fn column_name(outlet: Option<&str>, id: &str) -> String {
    match outlet {
        Some(outlet) if !outlet.trim().is_empty() => outlet.to_owned(),
        _ => format!("Unattributed article {}", short_id(id)),
    }
}

/// "003" for "003_fe0bddd215f79065": the numbered prefix curators give seed files.
pub fn short_id(id: &str) -> &str {
    match id.split_once('_') {
        Some((prefix, _)) if !prefix.is_empty() => prefix,
        _ => id,
    }
}

fn push_row(out: &mut String, fields: &[String]) {
    for (i, field) in fields.iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('"');
        if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            out.push('\'');
        }
        for c in field.chars() {
            if c == '"' {
                out.push('"');
            }
            out.push(c);
        }
        out.push('"');
    }
    out.push_str("\r\n");
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ArticleAnalysis, Claim, ClaimMember, Quote, QuoteKind, Span};

    fn sample() -> Analysis {
        let quote = Quote {
            text: "We are \"not\" at war, =1+1".into(),
            speakers: vec!["Stephane Sejourne".into()],
            verb: Some("said".into()),
            span: Span::new(0, 1),
            speaker_ids: vec![0],
            verb_span: None,
            kind: QuoteKind::Full,
            sentence_idx: 0,
        };
        Analysis {
            articles: vec![
                ArticleAnalysis {
                    id: "000_a".into(),
                    outlet: Some("Le Monde".into()),
                    quotes: vec![quote],
                    ..ArticleAnalysis::default()
                },
                ArticleAnalysis {
                    id: "003_b".into(),
                    ..ArticleAnalysis::default()
                },
            ],
            claims: vec![Claim {
                label: "Macron · troops".into(),
                members: vec![ClaimMember {
                    article: "003_b".into(),
                    sentence: "Line one,\nline two".into(),
                    article_idx: 1,
                    sentence_idx: 0,
                    span: Span::new(0, 1),
                }],
                n_articles: 1,
            }],
            actors: vec![crate::model::Actor {
                name: "Stephane Sejourne".into(),
                kind: crate::model::ActorKind::Person,
                role: None,
                affiliation: None,
                discovered: false,
                native_name: Some("Stéphane Séjourné".into()),
            }],
            ..Analysis::default()
        }
    }

    #[test]
    fn claims_csv_has_a_column_per_outlet_and_quotes_every_field() {
        let csv = claims_csv(&sample());
        assert!(csv.starts_with('\u{feff}'));
        let lines: Vec<&str> = csv.trim_start_matches('\u{feff}').split("\r\n").collect();
        assert_eq!(
            lines[0],
            "\"claim\",\"outlets carrying it\",\"Le Monde\",\"Unattributed article 003\""
        );
        assert_eq!(
            lines[1],
            "\"Macron · troops\",\"1\",\"\",\"Line one,\nline two\""
        );
    }

    #[test]
    fn quotes_csv_doubles_quotes_shows_names_with_their_accents_and_defuses_formulas() {
        let csv = quotes_csv(&sample());
        let row = csv.split("\r\n").nth(1).unwrap();
        assert_eq!(
            row,
            "\"Le Monde\",\"000_a\",\"Stéphane Séjourné\",\"said\",\"full\",\"We are \"\"not\"\" at war, =1+1\""
        );
        let mut analysis = sample();
        analysis.articles[0].quotes[0].text = "=HYPERLINK(\"x\")".into();
        assert!(quotes_csv(&analysis).contains("\"'=HYPERLINK(\"\"x\"\")\""));
    }

    #[test]
    fn json_export_round_trips() {
        let analysis = sample();
        let back: Analysis = serde_json::from_str(&analysis_json(&analysis)).unwrap();
        assert_eq!(back, analysis);
    }
}
