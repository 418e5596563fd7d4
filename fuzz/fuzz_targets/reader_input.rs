//! Fuzz target `reader_input`: what a reader or a curator hands the engine besides article
//! text — an article file's first line (`corpus::parse_header_line`), a saved document of
//! the reader's own articles (`reader::decode`) and the fields of the "add an article"
//! form (`reader::article_from_draft`).
//!
//! The bytes are read as UTF-8 (lossy). Beyond "never panics": a header line only keeps a
//! checked date and an http(s) URL and its length stays on a char boundary; a decoded
//! document only holds checked articles; an accepted draft survives its saved document.

#![no_main]

use libfuzzer_sys::fuzz_target;
use parallax_engine::corpus::{is_valid_date, is_web_url, parse_header_line};
use parallax_engine::reader::{Draft, article_from_draft, decode, encode};

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);

    if let Some(header) = parse_header_line(&input) {
        assert!(header.len <= input.len() && input.is_char_boundary(header.len));
        assert!(header.date.as_deref().is_none_or(is_valid_date));
        assert!(header.url.as_deref().is_none_or(is_web_url));
    }

    if let Ok(articles) = decode(&input) {
        for article in &articles {
            assert!(!article.text.trim().is_empty() && !article.id.is_empty());
            assert!(article.meta.date.as_deref().is_none_or(is_valid_date));
            assert!(article.meta.url.as_deref().is_none_or(is_web_url));
        }
    }

    // The form's four fields, separated by 0x1F (unit separator) in the input.
    let mut fields = input.splitn(4, '\u{1F}').map(str::to_owned);
    let draft = Draft {
        text: fields.next().unwrap_or_default(),
        outlet: fields.next().unwrap_or_default(),
        date: fields.next().unwrap_or_default(),
        url: fields.next().unwrap_or_default(),
    };
    if let Ok(article) = article_from_draft(&draft, &["own-1"]) {
        assert_eq!(decode(&encode(std::slice::from_ref(&article))), Ok(vec![article]));
    }
});
