//! The gazetteer: a curated knowledge base of actors (people, governments, organisations,
//! media) with their aliases and dated roles, plus the general knowledge that resolves a
//! role to a person at a date — countries with their adjectives, titles with the words
//! that name them, and kinds of national bodies ("<Adjective> Defence Ministry").
//!
//! It is read from `seeds/actors.toml` (whose header documents the schema) by
//! [`Gazetteer::from_toml`] behind the `load` feature, checked there, and bundled into the
//! app as plain serde data: the browser deserialises it and never parses TOML. Matching
//! lives in [`crate::actors`]; this module only holds and checks the data.

use crate::model::ActorKind;
use serde::{Deserialize, Serialize};

/// The whole knowledge base.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Gazetteer {
    /// The date (`YYYY-MM-DD`) at which roles are resolved in an article with no date.
    #[serde(default)]
    pub default_date: Option<String>,
    #[serde(default, rename = "actor")]
    pub actors: Vec<Entry>,
    #[serde(default, rename = "country")]
    pub countries: Vec<Country>,
    #[serde(default, rename = "title")]
    pub titles: Vec<Title>,
    #[serde(default, rename = "body")]
    pub bodies: Vec<Body>,
}

/// One known actor.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Entry {
    /// Canonical full name, with its proper accents.
    pub name: String,
    pub kind: ActorKind,
    /// Persons only: lets "she said" skip a man and "he said" a woman.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub gender: Option<Gender>,
    /// Other names that always mean this actor (surname, acronym, spelling variant).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// Short forms that count only once the actor was named earlier in the same article.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub once_named: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub affiliation: Option<String>,
    /// What the actor is when no dated role applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Bodies: the title that "the <body> chief" or "the <body> leader" means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Gender {
    Female,
    Male,
}

/// A role held between two dates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Role {
    /// A [`Title`] name ("Foreign Minister").
    pub title: String,
    /// A [`Country`] name or an [`Entry`] name: the scope of the title.
    pub of: String,
    /// First day held, `YYYY-MM-DD`; none when long before any article.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub from: Option<String>,
    /// Last day held, `YYYY-MM-DD`; none while still held.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub to: Option<String>,
    /// How to show the role when "<title> of <of>" reads badly.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

impl Role {
    /// Whether the role was held on `date` (`YYYY-MM-DD`, compared as text, which orders
    /// ISO dates correctly). With no date, every role counts.
    pub fn held_on(&self, date: Option<&str>) -> bool {
        let Some(date) = date else {
            return true;
        };
        self.from.as_deref().is_none_or(|from| from <= date)
            && self.to.as_deref().is_none_or(|to| date <= to)
    }

    /// "Chancellor of Germany", or the label.
    pub fn display(&self) -> String {
        match &self.label {
            Some(label) => label.clone(),
            None => format!("{} of {}", self.title, self.of),
        }
    }
}

/// A country: the scope of roles and bodies, never an actor itself.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Country {
    pub name: String,
    /// "German"; the first one names the country's bodies ("German Government").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub adjectives: Vec<String>,
    /// Other names: short forms, capitals used as metonyms ("Berlin").
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub aliases: Vec<String>,
    /// The title "the German leader" means.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub leader: Option<String>,
}

/// A title and the phrases that name it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Title {
    pub name: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
    /// Broader titles this one answers to (a Secretary of State is a foreign minister).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub counts_as: Vec<String>,
}

/// The title that stands for a country's or body's leader ("the French leader").
pub const LEADER_TITLE: &str = "Leader";

/// A kind of national body named with a country ("the Estonian Defence Ministry").
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Body {
    pub name: String,
    pub kind: ActorKind,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub phrases: Vec<String>,
}

/// A gazetteer that could not be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GazetteerError {
    /// 1-based line in the TOML text, where known.
    pub line: Option<usize>,
    pub message: String,
}

impl Gazetteer {
    /// Parses and checks `seeds/actors.toml`. Errors carry the 1-based line.
    #[cfg(feature = "load")]
    pub fn from_toml(text: &str) -> Result<Gazetteer, GazetteerError> {
        let gazetteer: Gazetteer = toml::from_str(text).map_err(|e| GazetteerError {
            line: e.span().map(|s| line_of(text, s.start)),
            message: format!("malformed gazetteer: {}", e.message()),
        })?;
        gazetteer
            .check()
            .map_err(|(needle, message)| GazetteerError {
                line: text.find(&needle).map(|at| line_of(text, at)),
                message,
            })?;
        Ok(gazetteer)
    }

    /// Checks what serde cannot: dates, scopes and names that must refer to something.
    /// On error, returns a snippet of the TOML to locate it and the message.
    pub fn check(&self) -> Result<(), (String, String)> {
        let quoted = |s: &str| format!("\"{s}\"");
        if let Some(date) = &self.default_date
            && !crate::corpus::is_valid_date(date)
        {
            return Err((
                quoted(date),
                format!("default_date {date:?} is not a YYYY-MM-DD date"),
            ));
        }
        let mut names = std::collections::HashSet::new();
        for entry in &self.actors {
            if entry.name.trim().is_empty() {
                return Err(("name = \"\"".into(), "an actor has an empty name".into()));
            }
            if !names.insert(crate::text::fold(&entry.name)) {
                return Err((
                    format!("name = {}", quoted(&entry.name)),
                    format!("actor {:?} is listed twice", entry.name),
                ));
            }
            for alias in entry.aliases.iter().chain(&entry.once_named) {
                if crate::text::count_words(alias) == 0 {
                    return Err((
                        format!("name = {}", quoted(&entry.name)),
                        format!("actor {:?} has an alias with no words", entry.name),
                    ));
                }
            }
        }
        for entry in &self.actors {
            for role in &entry.roles {
                for date in role.from.iter().chain(&role.to) {
                    if !crate::corpus::is_valid_date(date) {
                        return Err((
                            quoted(date),
                            format!("a role of {:?} has a bad date {date:?}", entry.name),
                        ));
                    }
                }
                if !self.is_scope(&role.of) {
                    return Err((
                        format!("of = {}", quoted(&role.of)),
                        format!(
                            "a role of {:?} is \"of\" {:?}, which is neither a country nor an actor",
                            entry.name, role.of
                        ),
                    ));
                }
            }
        }
        for title in &self.titles {
            for broader in &title.counts_as {
                if !self.titles.iter().any(|t| &t.name == broader) {
                    return Err((
                        quoted(broader),
                        format!("title {:?} counts as unknown title {broader:?}", title.name),
                    ));
                }
            }
        }
        Ok(())
    }

    /// Whether `name` is a country or an actor (something a role can be "of").
    pub fn is_scope(&self, name: &str) -> bool {
        self.countries.iter().any(|c| c.name == name) || self.actors.iter().any(|a| a.name == name)
    }

    /// The entry's role held on `date` (the first listed, if several), as shown to readers,
    /// else its description.
    pub fn role_on(&self, entry_idx: usize, date: Option<&str>) -> Option<String> {
        let entry = self.actors.get(entry_idx)?;
        entry
            .roles
            .iter()
            .rev()
            .find(|r| r.held_on(date))
            .map(Role::display)
            .or_else(|| entry.description.clone())
    }
}

#[cfg(feature = "load")]
fn line_of(text: &str, at: usize) -> usize {
    text.get(..at.min(text.len()))
        .unwrap_or(text)
        .matches('\n')
        .count()
        + 1
}

#[cfg(all(test, feature = "load"))]
mod tests {
    use super::*;

    #[test]
    fn the_bundled_gazetteer_loads_and_checks() {
        let text = include_str!("../../seeds/actors.toml");
        let gazetteer = Gazetteer::from_toml(text).expect("seeds/actors.toml loads");
        assert!(
            gazetteer.actors.len() >= 150,
            "{} actors",
            gazetteer.actors.len()
        );
        assert!(gazetteer.countries.iter().any(|c| c.name == "Germany"));
    }

    #[test]
    fn bad_gazetteers_are_refused_with_the_line() {
        let cases = [
            (
                "[[actor]]\nname = \"A\"\nkind = \"alien\"\n",
                3,
                "malformed",
            ),
            (
                "[[actor]]\nname = \"A\"\nkind = \"person\"\ncolour = 1\n",
                4,
                "malformed",
            ),
            (
                "[[actor]]\nname = \"A\"\nkind = \"person\"\nroles = [{ title = \"King\", \
                 of = \"Atlantis\" }]\n",
                4,
                "neither a country",
            ),
            (
                "[[country]]\nname = \"X\"\n\n[[actor]]\nname = \"A\"\nkind = \"person\"\n\
                 roles = [{ title = \"King\", of = \"X\", from = \"2024-13-01\" }]\n",
                7,
                "bad date",
            ),
            (
                "[[actor]]\nname = \"A\"\nkind = \"person\"\n\n[[actor]]\nname = \"A\"\n\
                 kind = \"media\"\n",
                2,
                "listed twice",
            ),
        ];
        for (text, line, message) in cases {
            let err = Gazetteer::from_toml(text).expect_err(text);
            assert_eq!(err.line, Some(line), "{text}: {err:?}");
            assert!(err.message.contains(message), "{text}: {err:?}");
        }
    }

    #[test]
    fn roles_are_held_between_their_dates_inclusive() {
        let role = Role {
            title: "Chancellor".into(),
            of: "Germany".into(),
            from: Some("2021-12-08".into()),
            to: Some("2025-05-06".into()),
            label: None,
        };
        for (date, held) in [
            (Some("2021-12-07"), false),
            (Some("2021-12-08"), true),
            (Some("2024-04-03"), true),
            (Some("2025-05-06"), true),
            (Some("2025-05-07"), false),
            (None, true),
        ] {
            assert_eq!(role.held_on(date), held, "{date:?}");
        }
        assert_eq!(role.display(), "Chancellor of Germany");
    }
}
