//! The corpus: article texts with what is known of each (outlet, date, URL, evidence).
//!
//! This module is the only place a `seeds/` folder is read (behind the `load` feature),
//! so the build script that bundles the app, the `analyze` command and the tests all
//! accept and reject exactly the same corpora. Loading is strict, since a curator can fix
//! the folder: every error names the file and, where there is one, the line.

use serde::{Deserialize, Serialize};

/// The articles to analyse, in manifest order.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub articles: Vec<Article>,
}

/// One article: its raw text, exactly as in its file, and what is known of it.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Article {
    /// The file stem (`000_f56fb9289bcd3499`), or an id given to a reader's own article.
    pub id: String,
    pub text: String,
    pub meta: ArticleMeta,
}

/// What the manifest (or the reader) says of an article. Every field is optional: an
/// unknown outlet stays unknown rather than guessed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ArticleMeta {
    /// Short outlet name shown as the column title ("Sputnik").
    pub outlet: Option<String>,
    /// Sourced facts about the outlet: owner, country, kind ("Russian state-owned news agency").
    pub outlet_about: Option<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub url: Option<String>,
    /// How the outlet, date and URL were established.
    pub evidence: Option<String>,
    /// "certain", "high", …, as the evidence allows.
    pub confidence: Option<String>,
}

/// What the build script bundles into the app: the corpus and the gazetteer, checked.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub corpus: Corpus,
    pub gazetteer: crate::gazetteer::Gazetteer,
    /// Visible, non-fatal warnings about the corpus (for example a very long article).
    pub warnings: Vec<String>,
}

/// Whether `date` is a real calendar date written `YYYY-MM-DD`.
pub fn is_valid_date(date: &str) -> bool {
    let b = date.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let digits = |r: std::ops::Range<usize>| -> Option<u32> {
        let s = &date[r];
        s.bytes()
            .all(|c| c.is_ascii_digit())
            .then(|| s.parse().ok())?
    };
    let (Some(y), Some(m), Some(d)) = (digits(0..4), digits(5..7), digits(8..10)) else {
        return false;
    };
    let leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    let days = match m {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days).contains(&d)
}

/// Whether `url` is an absolute `http:` or `https:` URL with a host: the only links the
/// viewer will ever make clickable.
pub fn is_web_url(url: &str) -> bool {
    let rest = if let Some(r) = url.strip_prefix("https://") {
        r
    } else if let Some(r) = url.strip_prefix("http://") {
        r
    } else {
        return false;
    };
    let host = rest.split(['/', '?', '#']).next().unwrap_or("");
    !host.is_empty()
        && !url
            .chars()
            .any(|c| c.is_whitespace() || c.is_control() || c == '"' || c == '<' || c == '>')
}

/// The optional first line of an article file: ` date 2024-04-03 https://…`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct HeaderLine {
    pub date: Option<String>,
    pub url: Option<String>,
    /// Byte length of the line, without its line break.
    pub len: usize,
    /// What was wrong with it, if anything (a bad date or URL): shown, never fatal.
    pub problems: Vec<String>,
}

/// Reads the header line if the text starts with one (`date` as the first word).
pub fn parse_header_line(text: &str) -> Option<HeaderLine> {
    let line = text.split('\n').next().unwrap_or("");
    let line = line.strip_suffix('\r').unwrap_or(line);
    let mut words = line.split_whitespace();
    if words.next() != Some("date") {
        return None;
    }
    let mut header = HeaderLine {
        date: None,
        url: None,
        len: line.len(),
        problems: Vec::new(),
    };
    for word in words {
        if word.starts_with("http:") || word.starts_with("https:") || word.contains("://") {
            if is_web_url(word) {
                header.url = Some(word.to_owned());
            } else {
                header
                    .problems
                    .push(format!("header line: `{word}` is not an http(s) URL"));
            }
        } else if header.date.is_none() && word.as_bytes().first().is_some_and(u8::is_ascii_digit) {
            if is_valid_date(word) {
                header.date = Some(word.to_owned());
            } else {
                header
                    .problems
                    .push(format!("header line: `{word}` is not a date (YYYY-MM-DD)"));
            }
        } else {
            header
                .problems
                .push(format!("header line: unexpected `{word}`"));
        }
    }
    Some(header)
}

#[cfg(feature = "load")]
pub use load::{CorpusError, MAX_ARTICLE_BYTES, load_bundle, load_dir};

#[cfg(feature = "load")]
mod load {
    use super::*;
    use std::fmt;
    use std::path::{Path, PathBuf};

    /// Articles above this size are refused: ten times the longest plausible news story,
    /// and the point past which the in-browser analysis stops feeling instant.
    pub const MAX_ARTICLE_BYTES: usize = 2 * 1024 * 1024;

    /// A corpus that cannot be bundled, with where to look.
    #[derive(Debug, Clone, PartialEq, Eq)]
    pub struct CorpusError {
        pub file: PathBuf,
        /// 1-based line, where the problem has one.
        pub line: Option<usize>,
        pub message: String,
    }

    impl fmt::Display for CorpusError {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            match self.line {
                Some(line) => write!(f, "{}:{}: {}", self.file.display(), line, self.message),
                None => write!(f, "{}: {}", self.file.display(), self.message),
            }
        }
    }

    impl std::error::Error for CorpusError {}

    fn err(file: &Path, line: Option<usize>, message: impl Into<String>) -> CorpusError {
        CorpusError {
            file: file.to_path_buf(),
            line,
            message: message.into(),
        }
    }

    /// 1-based line of byte offset `at` in `text`.
    fn line_of(text: &str, at: usize) -> usize {
        text.as_bytes()[..at.min(text.len())]
            .iter()
            .filter(|&&b| b == b'\n')
            .count()
            + 1
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct Manifest {
        #[serde(default)]
        article: Vec<ManifestEntry>,
    }

    #[derive(Deserialize)]
    #[serde(deny_unknown_fields)]
    struct ManifestEntry {
        file: toml::Spanned<String>,
        outlet: Option<String>,
        outlet_about: Option<String>,
        date: Option<toml::Spanned<String>>,
        url: Option<toml::Spanned<String>>,
        evidence: Option<String>,
        confidence: Option<String>,
    }

    /// Loads `dir/corpus.toml` and every `dir/*.txt` it lists, in manifest order.
    ///
    /// Fails, naming the file and line, on: a malformed manifest, an entry for a missing
    /// file, an article file with no entry, a file listed twice, invalid UTF-8, an empty
    /// article, an article over [`MAX_ARTICLE_BYTES`], a bad date or URL in the manifest.
    /// Problems in an article's own header line are returned as warnings.
    pub fn load_dir(dir: &Path) -> Result<(Corpus, Vec<String>), CorpusError> {
        let manifest_path = dir.join("corpus.toml");
        let manifest_text = read_utf8(&manifest_path)?;
        let manifest: Manifest = toml::from_str(&manifest_text).map_err(|e| {
            let line = e.span().map(|s| line_of(&manifest_text, s.start));
            err(
                &manifest_path,
                line,
                format!("malformed manifest: {}", e.message()),
            )
        })?;

        let mut on_disk: Vec<String> = std::fs::read_dir(dir)
            .map_err(|e| err(dir, None, format!("cannot read the corpus folder: {e}")))?
            .filter_map(|entry| entry.ok())
            .map(|entry| entry.file_name().to_string_lossy().into_owned())
            .filter(|name| name.ends_with(".txt"))
            .collect();
        on_disk.sort();

        let mut articles = Vec::with_capacity(manifest.article.len());
        let mut warnings = Vec::new();
        let mut seen: Vec<(String, usize)> = Vec::new();
        for entry in manifest.article {
            let file_line = line_of(&manifest_text, entry.file.span().start);
            let file = entry.file.into_inner();
            if file.contains(['/', '\\']) || !file.ends_with(".txt") {
                return Err(err(
                    &manifest_path,
                    Some(file_line),
                    format!("`{file}` must be the name of a .txt file in the corpus folder"),
                ));
            }
            let id = file.trim_end_matches(".txt").to_owned();
            if let Some((_, first)) = seen.iter().find(|(seen_id, _)| *seen_id == id) {
                return Err(err(
                    &manifest_path,
                    Some(file_line),
                    format!(
                        "`{file}` is listed twice (first at line {first}); article ids must be unique"
                    ),
                ));
            }
            seen.push((id.clone(), file_line));
            if !on_disk.contains(&file) {
                return Err(err(
                    &manifest_path,
                    Some(file_line),
                    format!(
                        "entry for a missing file: `{file}` is not in {}",
                        dir.display()
                    ),
                ));
            }
            let path = dir.join(&file);
            let text = read_utf8(&path)?;
            if text.trim().is_empty() {
                return Err(err(&path, Some(1), "empty article: the file has no text"));
            }
            if text.len() > MAX_ARTICLE_BYTES {
                return Err(err(
                    &path,
                    None,
                    format!(
                        "article too large: {} bytes, the limit is {} bytes",
                        text.len(),
                        MAX_ARTICLE_BYTES
                    ),
                ));
            }
            if let Some(header) = parse_header_line(&text) {
                for problem in header.problems {
                    warnings.push(format!("{}:1: {problem}", path.display()));
                }
            }
            let checked = |field: Option<toml::Spanned<String>>,
                           ok: fn(&str) -> bool,
                           what: &str|
             -> Result<Option<String>, CorpusError> {
                match field {
                    None => Ok(None),
                    Some(value) => {
                        let line = line_of(&manifest_text, value.span().start);
                        let value = value.into_inner();
                        if ok(&value) {
                            Ok(Some(value))
                        } else {
                            Err(err(
                                &manifest_path,
                                Some(line),
                                format!("`{value}` is not {what}"),
                            ))
                        }
                    }
                }
            };
            let meta = ArticleMeta {
                outlet: entry.outlet.filter(|o| !o.trim().is_empty()),
                outlet_about: entry.outlet_about,
                date: checked(entry.date, is_valid_date, "a date (YYYY-MM-DD)")?,
                url: checked(entry.url, is_web_url, "an http(s) URL")?,
                evidence: entry.evidence,
                confidence: entry.confidence,
            };
            articles.push(Article { id, text, meta });
        }
        for file in &on_disk {
            let id = file.trim_end_matches(".txt");
            if !seen.iter().any(|(seen_id, _)| seen_id == id) {
                return Err(err(
                    &dir.join(file),
                    None,
                    format!(
                        "article file with no manifest entry: add an [[article]] with file = \"{file}\" to corpus.toml"
                    ),
                ));
            }
        }
        Ok((Corpus { articles }, warnings))
    }

    /// Loads the corpus and the gazetteer (`dir/actors.toml`) of a corpus folder.
    pub fn load_bundle(dir: &Path) -> Result<Bundle, CorpusError> {
        let (corpus, warnings) = load_dir(dir)?;
        let gazetteer_path = dir.join("actors.toml");
        let gazetteer_text = read_utf8(&gazetteer_path)?;
        let gazetteer =
            crate::gazetteer::Gazetteer::from_toml(&gazetteer_text).map_err(|e| CorpusError {
                file: gazetteer_path.clone(),
                line: e.line,
                message: e.message,
            })?;
        Ok(Bundle {
            corpus,
            gazetteer,
            warnings,
        })
    }

    fn read_utf8(path: &Path) -> Result<String, CorpusError> {
        let bytes =
            std::fs::read(path).map_err(|e| err(path, None, format!("cannot read: {e}")))?;
        String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = line_of(std::str::from_utf8(&e.as_bytes()[..at]).unwrap_or(""), at);
            err(path, Some(line), format!("invalid UTF-8 at byte {at}"))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_checked_against_the_calendar() {
        for (date, ok) in [
            ("2024-04-03", true),
            ("2024-02-29", true),
            ("2023-02-29", false),
            ("2024-13-01", false),
            ("2024-4-3", false),
            ("yesterday", false),
            ("", false),
        ] {
            assert_eq!(is_valid_date(date), ok, "{date}");
        }
    }

    #[test]
    fn only_http_and_https_urls_are_web_urls() {
        for (url, ok) in [
            ("https://sputnikglobe.com/x.html", true),
            ("http://example.org", true),
            ("javascript:alert(1)", false),
            ("https://", false),
            ("ftp://example.org", false),
            ("https://exa mple.org", false),
            ("data:text/html,<b>", false),
        ] {
            assert_eq!(is_web_url(url), ok, "{url}");
        }
    }

    #[test]
    fn a_header_line_gives_date_and_url() {
        let h = parse_header_line(" date 2024-04-03 https://example.org/a\n\nHeadline").unwrap();
        assert_eq!(h.date.as_deref(), Some("2024-04-03"));
        assert_eq!(h.url.as_deref(), Some("https://example.org/a"));
        assert!(h.problems.is_empty());
        assert!(parse_header_line("Headline\ntext").is_none());
        let bad = parse_header_line("date 2024-02-30 javascript:alert(1)").unwrap();
        assert_eq!((bad.date, bad.url), (None, None));
        assert_eq!(bad.problems.len(), 2);
    }
}
