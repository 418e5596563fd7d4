//! Short notices shown above the views: URL values that were ignored, corpus warnings.

use leptos::prelude::*;

/// One notice, with a stable id for keyed lists.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Notice {
    pub id: usize,
    pub text: String,
}

/// Context handle for the notice list.
#[derive(Clone, Copy, Debug)]
pub struct Notices(pub RwSignal<Vec<Notice>>);

impl Notices {
    /// Shows `text`, unless the same notice is already shown.
    pub fn push(self, text: String) {
        if self
            .0
            .with_untracked(|list| list.iter().any(|n| n.text == text))
        {
            return;
        }
        self.0.update(|list| {
            let id = list.iter().map(|n| n.id + 1).max().unwrap_or(0);
            list.push(Notice { id, text });
        });
    }
    pub fn dismiss(self, id: usize) {
        self.0.update(|list| list.retain(|n| n.id != id));
    }
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}
