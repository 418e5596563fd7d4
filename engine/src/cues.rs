//! Framing cues (hedges, evidentials, loaded words, attribution verbs) and frames.

use crate::model::{Cue, FrameTag};
use crate::structure::Structure;

pub fn find_cues(_text: &str, _structure: &Structure) -> Vec<Cue> {
    Vec::new()
}

pub fn find_frames(_text: &str, _structure: &Structure) -> Vec<FrameTag> {
    Vec::new()
}
