//! Articles a reader adds in the browser: checked when added, and kept as a small,
//! versioned JSON document (browser storage and the export/import file use the same one).
//!
//! Everything a reader types is untrusted: it is checked here and only ever rendered as
//! text by the viewer. A link to an original is kept only if it is an `http(s)` URL.

use crate::corpus::{Article, ArticleMeta, is_valid_date, is_web_url, parse_header_line};
use serde::{Deserialize, Serialize};

/// Largest article a reader can add: the same limit as the bundled corpus.
pub const MAX_READER_ARTICLE_BYTES: usize = 2 * 1024 * 1024;
/// The format marker and version of the saved document.
pub const FORMAT: &str = "parallax-reader-articles";
pub const VERSION: u32 = 1;

/// What a reader typed or dropped, before checking.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub text: String,
    pub outlet: String,
    pub date: String,
    pub url: String,
}

/// Checks a draft and turns it into an article with an id not in `taken`.
///
/// Outlet, date and URL the reader typed win; otherwise the text's own header line
/// (` date 2024-04-03 https://…`) provides date and URL. Errors are sentences for the reader.
pub fn article_from_draft(draft: &Draft, taken: &[&str]) -> Result<Article, String> {
    if draft.text.trim().is_empty() {
        return Err("The article is empty: paste or drop its text first.".into());
    }
    if draft.text.len() > MAX_READER_ARTICLE_BYTES {
        return Err(format!(
            "The article is too long ({} KB); the limit is {} KB.",
            draft.text.len() / 1024,
            MAX_READER_ARTICLE_BYTES / 1024
        ));
    }
    let header = parse_header_line(&draft.text);
    let date = match draft.date.trim() {
        "" => header.as_ref().and_then(|h| h.date.clone()),
        d if is_valid_date(d) => Some(d.to_owned()),
        d => return Err(format!("“{d}” is not a date: write it as YYYY-MM-DD.")),
    };
    let url = match draft.url.trim() {
        "" => header.as_ref().and_then(|h| h.url.clone()),
        u if is_web_url(u) => Some(u.to_owned()),
        _ => {
            return Err("The link must be a web address starting with http:// or https://.".into());
        }
    };
    let outlet = Some(draft.outlet.trim().to_owned()).filter(|o| !o.is_empty());
    let id = (1..)
        .map(|n| format!("own-{n}"))
        .find(|id| !taken.contains(&id.as_str()))
        .unwrap_or_default();
    Ok(Article {
        id,
        text: draft.text.replace("\r\n", "\n"),
        meta: ArticleMeta {
            outlet,
            date,
            url,
            ..ArticleMeta::default()
        },
    })
}

#[derive(Serialize, Deserialize)]
struct Document {
    format: String,
    version: u32,
    articles: Vec<Article>,
}

/// The reader's articles as the saved JSON document.
pub fn encode(articles: &[Article]) -> String {
    let doc = Document {
        format: FORMAT.into(),
        version: VERSION,
        articles: articles.to_vec(),
    };
    serde_json::to_string(&doc).unwrap_or_default()
}

/// Reads a saved document back, checking every article as if it had just been added.
/// The error is a sentence for the reader; nothing is partially accepted.
pub fn decode(json: &str) -> Result<Vec<Article>, String> {
    let doc: Document = serde_json::from_str(json).map_err(|e| {
        format!(
            "This is not a Parallax articles file (line {}, column {}).",
            e.line(),
            e.column()
        )
    })?;
    if doc.format != FORMAT {
        return Err("This is not a Parallax articles file.".into());
    }
    if doc.version > VERSION {
        return Err(format!(
            "This file was saved by a newer Parallax (format version {}); this one reads version {}.",
            doc.version, VERSION
        ));
    }
    let mut ids: Vec<String> = Vec::with_capacity(doc.articles.len());
    for (n, article) in doc.articles.iter().enumerate() {
        let bad = |why: &str| format!("Article {} in the file {why}.", n + 1);
        if article.text.trim().is_empty() {
            return Err(bad("is empty"));
        }
        if article.text.len() > MAX_READER_ARTICLE_BYTES {
            return Err(bad("is too long"));
        }
        if article.id.is_empty() || ids.contains(&article.id) {
            return Err(bad("has a missing or repeated id"));
        }
        if article
            .meta
            .date
            .as_deref()
            .is_some_and(|d| !is_valid_date(d))
        {
            return Err(bad("has a date that is not YYYY-MM-DD"));
        }
        if article.meta.url.as_deref().is_some_and(|u| !is_web_url(u)) {
            return Err(bad("has a link that is not an http(s) address"));
        }
        ids.push(article.id.clone());
    }
    Ok(doc.articles)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn draft(text: &str, outlet: &str, date: &str, url: &str) -> Draft {
        Draft {
            text: text.into(),
            outlet: outlet.into(),
            date: date.into(),
            url: url.into(),
        }
    }

    #[test]
    fn typed_fields_win_and_the_header_line_fills_the_gaps() {
        let text = " date 2024-04-03 https://example.org/a\n\nHeadline\n\nBody.";
        let a = article_from_draft(&draft(text, " Le Monde ", "", ""), &["own-1"]).unwrap();
        assert_eq!(a.id, "own-2");
        assert_eq!(a.meta.outlet.as_deref(), Some("Le Monde"));
        assert_eq!(a.meta.date.as_deref(), Some("2024-04-03"));
        assert_eq!(a.meta.url.as_deref(), Some("https://example.org/a"));
        let b = article_from_draft(&draft(text, "", "2024-02-27", ""), &[]).unwrap();
        assert_eq!(
            (b.id.as_str(), b.meta.outlet, b.meta.date.as_deref()),
            ("own-1", None, Some("2024-02-27"))
        );
    }

    #[test]
    fn bad_drafts_are_refused_with_a_sentence() {
        for (d, needle) in [
            (draft("  \n", "", "", ""), "empty"),
            (draft("Text.", "", "27/02/2024", ""), "YYYY-MM-DD"),
            (draft("Text.", "", "", "javascript:alert(1)"), "http"),
            (
                draft(&"a".repeat(MAX_READER_ARTICLE_BYTES + 1), "", "", ""),
                "too long",
            ),
        ] {
            let err = article_from_draft(&d, &[]).unwrap_err();
            assert!(err.contains(needle), "{err}");
        }
    }

    #[test]
    fn documents_round_trip_and_bad_ones_are_refused_whole() {
        let a = article_from_draft(&draft("<script>alert(1)</script>", "<b>x</b>", "", ""), &[])
            .unwrap();
        let json = encode(std::slice::from_ref(&a));
        assert_eq!(decode(&json).unwrap(), vec![a.clone()]);
        for (json, needle) in [
            ("not json", "not a Parallax articles file"),
            (
                r#"{"format":"other","version":1,"articles":[]}"#,
                "not a Parallax",
            ),
            (
                r#"{"format":"parallax-reader-articles","version":9,"articles":[]}"#,
                "newer",
            ),
        ] {
            assert!(decode(json).unwrap_err().contains(needle), "{json}");
        }
        let dup = encode(&[a.clone(), a]);
        assert!(decode(&dup).unwrap_err().contains("repeated id"));
    }
}
