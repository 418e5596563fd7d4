//! Actors: gazetteer matching, roles resolved in the article's time, pronouns that
//! attribute speech, and discovery of people and bodies the gazetteer lacks.

use crate::gazetteer::Gazetteer;
use crate::model::{Actor, ActorId, Mention};
use crate::structure::Structure;

/// The gazetteer compiled for matching, built once per analysis.
pub struct ActorIndex<'g> {
    #[allow(dead_code)]
    gazetteer: &'g Gazetteer,
}

/// The corpus-wide table of actors, filled as articles are analysed.
#[derive(Default)]
pub struct Registry {
    actors: Vec<Actor>,
}

impl Registry {
    pub fn actor(&self, id: ActorId) -> &Actor {
        &self.actors[id]
    }
    pub fn into_actors(self) -> Vec<Actor> {
        self.actors
    }
}

impl<'g> ActorIndex<'g> {
    pub fn new(gazetteer: &'g Gazetteer) -> ActorIndex<'g> {
        ActorIndex { gazetteer }
    }

    /// Every mention of an actor in the article's own text.
    pub fn find_mentions(
        &self,
        _text: &str,
        _structure: &Structure,
        _date: Option<&str>,
        _registry: &mut Registry,
    ) -> Vec<Mention> {
        Vec::new()
    }
}
