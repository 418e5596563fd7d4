//! Quotations and statements: who is reported saying what, with which verb, on whose
//! authority.

use crate::actors::Registry;
use crate::model::{Mention, Quote, Statement};
use crate::structure::Structure;

pub fn find_quotes(_text: &str, _structure: &Structure, _mentions: &[Mention], _registry: &Registry) -> Vec<Quote> {
    Vec::new()
}

pub fn find_statements(
    _text: &str,
    _structure: &Structure,
    _mentions: &[Mention],
    _quotes: &[Quote],
    _registry: &Registry,
) -> Vec<Statement> {
    Vec::new()
}
