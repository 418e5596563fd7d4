//! The reader's own articles: what is in memory, what the browser keeps, and the outcome of
//! the last thing the reader did with them.
//!
//! The list in memory is the truth for this visit; every change is then kept in storage
//! ([`crate::reader_store`]). When storage fails the change stays in memory and the reader
//! is told; when storage holds unreadable data it is never written over (see
//! [`ReaderState::unreadable`]).

use crate::reader_store::{self, Loaded};
use crate::state::notices::Notices;
use leptos::prelude::*;
use parallax_engine::corpus::Article;
use parallax_engine::reader::{self, Draft};

/// Context handle for the reader's articles.
#[derive(Clone, Copy, Debug)]
pub struct ReaderState {
    pub articles: RwSignal<Vec<Article>>,
    /// Data found in storage that this version cannot read, kept untouched (and nothing
    /// saved over it) until the reader downloads it or clears it.
    pub unreadable: RwSignal<Option<String>>,
    /// Sentences saying how the reader's last action went, for the dialog's live region.
    pub status: RwSignal<Vec<String>>,
    /// Whether the "Your articles" dialog is open.
    pub open: RwSignal<bool>,
    notices: Notices,
}

impl ReaderState {
    /// No articles of the reader's: the state of a page that has not looked at storage
    /// (the first view prerendered at build time, `crate::prerender`).
    pub fn empty(notices: Notices) -> ReaderState {
        ReaderState {
            articles: RwSignal::new(Vec::new()),
            unreadable: RwSignal::new(None),
            status: RwSignal::new(Vec::new()),
            open: RwSignal::new(false),
            notices,
        }
    }

    /// Loads what the browser kept; storage problems become notices.
    pub fn load(notices: Notices) -> ReaderState {
        let state = ReaderState::empty(notices);
        match reader_store::load() {
            Loaded::Empty => {}
            Loaded::Articles(articles) => state.articles.set(articles),
            Loaded::Unavailable => notices.push(reader_store::UNAVAILABLE.to_owned()),
            Loaded::Unreadable { raw, why } => {
                notices.push(format!(
                    "The articles this browser kept for Parallax could not be read ({why}). \
                     They are left as they are; open “Your articles” to download or clear them."
                ));
                state.unreadable.set(Some(raw));
            }
        }
        state
    }

    /// The ids in use, for new articles to avoid.
    fn taken(&self) -> Vec<String> {
        self.articles
            .with_untracked(|list| list.iter().map(|a| a.id.clone()).collect())
    }

    /// Checks and adds each draft (`label` names it in messages: "the pasted text", a file
    /// name). Reports every outcome; keeps the new list if anything was added.
    pub fn add(&self, drafts: Vec<(String, Draft)>) {
        let mut taken = self.taken();
        let mut added = Vec::new();
        let mut lines = Vec::new();
        for (label, draft) in drafts {
            let ids: Vec<&str> = taken.iter().map(String::as_str).collect();
            match reader::article_from_draft(&draft, &ids) {
                Ok(article) => {
                    lines.push(format!("Added {label} as a new column."));
                    taken.push(article.id.clone());
                    added.push(article);
                }
                Err(why) => lines.push(format!("Could not add {label}: {why}")),
            }
        }
        if !added.is_empty() {
            self.articles.update(|list| list.extend(added));
            lines.extend(self.persist());
        }
        self.status.set(lines);
    }

    /// Removes one article.
    pub fn remove(&self, id: &str, name: &str) {
        self.articles.update(|list| list.retain(|a| a.id != id));
        let mut lines = vec![format!("Removed {name}.")];
        lines.extend(self.persist());
        self.status.set(lines);
    }

    /// Adds the articles of an exported file (`file` names it), skipping those already
    /// here (same text) and renaming ids that are taken.
    pub fn import(&self, file: &str, json: &str) {
        let incoming = match reader::decode(json) {
            Ok(articles) => articles,
            Err(why) => {
                self.status
                    .set(vec![format!("Could not import “{file}”: {why}")]);
                return;
            }
        };
        let mut taken = self.taken();
        let (mut n_new, mut n_known) = (0, 0);
        let mut added = Vec::new();
        let known: Vec<String> = self
            .articles
            .with_untracked(|list| list.iter().map(|a| a.text.clone()).collect());
        for mut article in incoming {
            if known.contains(&article.text)
                || added.iter().any(|a: &Article| a.text == article.text)
            {
                n_known += 1;
                continue;
            }
            if taken.contains(&article.id) {
                article.id = (1..)
                    .map(|n| format!("own-{n}"))
                    .find(|id| !taken.contains(id))
                    .unwrap_or_default();
            }
            taken.push(article.id.clone());
            added.push(article);
            n_new += 1;
        }
        let mut lines = vec![format!(
            "Imported “{file}”: {n_new} {} added, {n_known} already here.",
            if n_new == 1 { "article" } else { "articles" }
        )];
        if !added.is_empty() {
            self.articles.update(|list| list.extend(added));
            lines.extend(self.persist());
        }
        self.status.set(lines);
    }

    /// Forgets the unreadable data in storage (the reader asked), then keeps the list.
    pub fn clear_unreadable(&self) {
        let mut lines = Vec::new();
        match reader_store::clear() {
            Ok(()) => {
                self.unreadable.set(None);
                lines.push("The unreadable data was cleared.".to_owned());
                lines.extend(self.persist());
            }
            Err(why) => lines.push(why),
        }
        self.status.set(lines);
    }

    /// Keeps the current list in storage; returns what the reader must know if that failed.
    fn persist(&self) -> Option<String> {
        if self.unreadable.with_untracked(Option::is_some) {
            return Some(
                "Not saved in this browser: it holds articles Parallax cannot read, which are \
                 not written over. Download or clear them first; until then your changes last \
                 until you close the page."
                    .to_owned(),
            );
        }
        let result = self
            .articles
            .with_untracked(|list| reader_store::save(list));
        result.err().inspect(|why| self.notices.push(why.clone()))
    }
}

pub fn use_reader() -> ReaderState {
    expect_context::<ReaderState>()
}
