//! Structure of an article: header line, headline, subheadings, paragraphs, sentences,
//! and the page furniture set aside as removed.

use crate::model::{Block, BlockKind, Removed, Sentence, Span};

/// The layout of one article's text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Structure {
    pub header: Option<Span>,
    pub headline: Option<Span>,
    pub blocks: Vec<Block>,
    pub sentences: Vec<Sentence>,
    pub removed: Vec<Removed>,
    pub diagnostics: Vec<String>,
}

/// Splits `text` into blocks and sentences. Never panics.
pub fn parse(text: &str) -> Structure {
    let mut structure = Structure::default();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let trimmed = line.trim();
        let start = at + (line.len() - line.trim_start().len());
        at += line.len();
        if trimmed.is_empty() {
            continue;
        }
        let span = Span::new(start, start + trimmed.len());
        structure.blocks.push(Block { kind: BlockKind::Paragraph, span });
        structure.sentences.push(Sentence { span, block_idx: structure.blocks.len() - 1 });
    }
    structure
}
