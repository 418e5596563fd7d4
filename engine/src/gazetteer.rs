//! The gazetteer: a curated knowledge base of actors (people, governments, organisations,
//! media) with their aliases and dated roles, read from `seeds/actors.toml`.

use crate::model::ActorKind;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Gazetteer {
    #[serde(default, rename = "actor")]
    pub actors: Vec<Entry>,
}

/// One known actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default)]
    pub aliases: Vec<String>,
}

/// A gazetteer that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError {
    pub line: Option<usize>,
    pub message: String,
}

impl Gazetteer {
    /// Parses `seeds/actors.toml`.
    #[cfg(feature = "load")]
    pub fn from_toml(text: &str) -> Result<Gazetteer, GazetteerError> {
        toml::from_str(text).map_err(|e| GazetteerError {
            line: e.span().map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1),
            message: format!("malformed gazetteer: {}", e.message()),
        })
    }
}
