//! The analysis of a bundled corpus, made once when the app is built.
//!
//! The articles bundled into the app are known at build time, so their analysis is too:
//! the build script runs [`crate::analyze`] on them and stores the result with
//! [`encode`], and the app decodes it with a [`Decoder`] instead of analysing the same
//! text again in every reader's browser. (A reader's own articles are analysed in the
//! browser, together with the bundled ones, since claims and actors are corpus-wide.)
//!
//! The encoding is [postcard](https://docs.rs/postcard)'s, a compact binary form of the
//! same serde types: first the corpus-wide part (actors, claims, diagnostics, and the
//! number of articles), then each article after the other, so that a decoder can take one
//! article per step: a large corpus decodes in slices, like the analysis it replaces. For
//! the five seeds it is a third of the analysis's JSON, and decodes several times faster.
//! Postcard does not name fields, so every field of the model is always written: no
//! `skip_serializing_if` in `model.rs` (a test reads back every optional field).
//!
//! ```
//! use parallax_engine::{analyze, prepared, corpus::{Article, Corpus}, gazetteer::Gazetteer};
//!
//! let article = |id: &str| Article { id: id.into(), text: "Leaders met.\n\nThey \"agreed\".".into(), ..Article::default() };
//! let corpus = Corpus { articles: vec![article("a"), article("b")] };
//! let analysis = analyze(&corpus, &Gazetteer::default());
//! let bytes = prepared::encode(&analysis);
//! let mut decoder = prepared::Decoder::new(&bytes).unwrap();
//! assert_eq!(decoder.total(), 2);
//! while decoder.step().unwrap() {}
//! assert_eq!(decoder.finish().unwrap(), analysis);
//! ```

use crate::model::{Actor, Analysis, ArticleAnalysis, Claim, Diagnostic};
use serde::{Deserialize, Serialize};

/// The corpus-wide part, first: everything but the articles.
#[derive(Serialize, Deserialize)]
struct Head {
    n_articles: usize,
    actors: Vec<Actor>,
    claims: Vec<Claim>,
    diagnostics: Vec<Diagnostic>,
}

/// `analysis` encoded for [`Decoder`] (see the module's documentation).
pub fn encode(analysis: &Analysis) -> Vec<u8> {
    let head = Head {
        n_articles: analysis.articles.len(),
        actors: analysis.actors.clone(),
        claims: analysis.claims.clone(),
        diagnostics: analysis.diagnostics.clone(),
    };
    let mut out = postcard::to_allocvec(&head).unwrap_or_default();
    for article in &analysis.articles {
        out.extend(postcard::to_allocvec(article).unwrap_or_default());
    }
    out
}

/// Decodes what [`encode`] wrote, an article per [`step`](Decoder::step).
///
/// Errors name the part at fault. The bytes were written by the same types when the app
/// was built, so an error means a broken build; the app then analyses the corpus itself.
pub struct Decoder<'a> {
    rest: &'a [u8],
    head: Head,
    articles: Vec<ArticleAnalysis>,
}

impl<'a> Decoder<'a> {
    /// Reads the corpus-wide part; no article is decoded yet.
    pub fn new(bytes: &'a [u8]) -> Result<Decoder<'a>, String> {
        let (head, rest): (Head, _) = postcard::take_from_bytes(bytes).map_err(|e| {
            format!("the prepared analysis is unreadable (its corpus-wide part): {e}")
        })?;
        Ok(Decoder {
            rest,
            articles: Vec::with_capacity(head.n_articles.min(1 << 16)),
            head,
        })
    }

    /// Decodes the next article; `false` once every article is decoded.
    pub fn step(&mut self) -> Result<bool, String> {
        if self.articles.len() >= self.head.n_articles {
            return Ok(false);
        }
        let n = self.articles.len() + 1;
        if self.rest.is_empty() {
            return Err(format!(
                "the prepared analysis ends after {} of its {} articles",
                self.articles.len(),
                self.head.n_articles
            ));
        }
        let (article, rest) = postcard::take_from_bytes(self.rest)
            .map_err(|e| format!("the prepared analysis is unreadable (article {n}): {e}"))?;
        self.rest = rest;
        self.articles.push(article);
        Ok(true)
    }

    /// Articles decoded so far.
    pub fn done(&self) -> usize {
        self.articles.len()
    }

    /// Articles in the analysis.
    pub fn total(&self) -> usize {
        self.head.n_articles
    }

    /// Decodes the articles left and returns the analysis.
    pub fn finish(mut self) -> Result<Analysis, String> {
        while self.step()? {}
        if !self.rest.is_empty() {
            return Err(format!(
                "the prepared analysis has more than its {} articles",
                self.head.n_articles
            ));
        }
        Ok(Analysis {
            articles: self.articles,
            actors: self.head.actors,
            claims: self.head.claims,
            diagnostics: self.head.diagnostics,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seeds() -> Analysis {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds");
        let bundle = crate::corpus::load_bundle(&root).expect("the seeds load");
        crate::analyze(&bundle.corpus, &bundle.gazetteer)
    }

    #[test]
    fn the_seeds_analysis_comes_back_whole() {
        let analysis = seeds();
        // Every optional field is there to be read back, a native spelling among them.
        assert!(analysis.actors.iter().any(|a| a.native_name.is_some()));
        let bytes = encode(&analysis);
        let mut decoder = Decoder::new(&bytes).unwrap();
        assert_eq!(decoder.total(), analysis.articles.len());
        let mut steps = 0;
        while decoder.step().unwrap() {
            steps += 1;
            assert_eq!(decoder.done(), steps);
        }
        assert_eq!(steps, analysis.articles.len());
        assert_eq!(decoder.finish().unwrap(), analysis);
        // Far smaller than the same analysis in JSON, which spells out every field's name.
        let json = serde_json::to_string(&analysis).unwrap();
        assert!(
            bytes.len() * 2 < json.len(),
            "{} against {}",
            bytes.len(),
            json.len()
        );
    }

    #[test]
    fn a_broken_encoding_is_an_error_naming_the_part_at_fault() {
        let analysis = seeds();
        let bytes = encode(&analysis);
        let head_len = {
            let (_, rest): (Head, _) = postcard::take_from_bytes(&bytes).unwrap();
            bytes.len() - rest.len()
        };

        for broken in [&b""[..], &b"\xff\xff"[..], &bytes[..head_len - 1]] {
            let error = Decoder::new(broken).err().expect("an error");
            assert!(error.contains("corpus-wide part"), "{error}");
        }

        // An article cut short.
        let error = Decoder::new(&bytes[..head_len + 10])
            .unwrap()
            .finish()
            .unwrap_err();
        assert!(error.contains("article 1"), "{error}");

        // Articles missing, or one too many.
        let one = Decoder::new(&bytes).unwrap();
        let first_len = {
            let (_, rest): (ArticleAnalysis, _) = postcard::take_from_bytes(one.rest).unwrap();
            one.rest.len() - rest.len()
        };
        let error = Decoder::new(&bytes[..head_len + first_len])
            .unwrap()
            .finish()
            .unwrap_err();
        assert!(error.contains("ends after 1 of its 5"), "{error}");
        let mut long = bytes.clone();
        long.extend_from_slice(&bytes[head_len..head_len + first_len]);
        let error = Decoder::new(&long).unwrap().finish().unwrap_err();
        assert!(error.contains("more than its 5"), "{error}");
    }
}
