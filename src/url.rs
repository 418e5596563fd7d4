//! The reader's choices in the page URL's query, so a link reproduces the view and Back and
//! Forward work: `?view=claims&actors=olaf-scholz,emmanuel-macron&match=all&others=dim`
//! `&cues=quotes,hedged&outlets=000,002&focal=olaf-scholz`.
//!
//! Reading and writing the query are pure functions ([`from_pairs`], [`to_query`]); the
//! browser glue ([`read_search`], [`write_search`]) only moves strings in and out of the
//! History API. Query parameters this module does not own (an `embed` flag, a host
//! page's own) are kept as they are.

use crate::state::actors::{ActorSelection, Match, Others};
use crate::state::cues::{CueChoice, CueFilter};
use crate::state::outlets::OutletFilter;
use crate::state::view::ViewKind;
use crate::view_model::ViewModel;
use parallax_engine::ActorId;

/// Query parameters owned by the viewer.
pub const PARAMS: [&str; 7] = [
    "view", "actors", "match", "others", "cues", "outlets", "focal",
];

/// Everything the URL holds.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Snapshot {
    pub view: ViewKind,
    pub actors: ActorSelection,
    pub cues: CueFilter,
    pub outlets: OutletFilter,
    pub focal: Option<ActorId>,
}

/// Reads the viewer's parameters from decoded query pairs. Unknown or invalid values are
/// left out and described in the returned notices; the rest still applies.
pub fn from_pairs(pairs: &[(String, String)], vm: &ViewModel) -> (Snapshot, Vec<String>) {
    let mut snap = Snapshot::default();
    let mut notices = Vec::new();
    let mut ignored = |what: &str, value: &str| {
        notices.push(format!(
            "The link’s {what} “{value}” is not known here and was ignored."
        ));
    };
    for (name, value) in pairs {
        let value = value.trim();
        match name.as_str() {
            "view" => match ViewKind::parse(value) {
                Some(v) => snap.view = v,
                None => ignored("view", value),
            },
            "actors" => {
                for slug in list(value) {
                    match vm.actor_by_slug(slug) {
                        Some(id) => snap.actors.set(id, true),
                        None => ignored("actor", slug),
                    }
                }
            }
            "match" => match Match::parse(value) {
                Some(m) => snap.actors.mode = m,
                None => ignored("match setting", value),
            },
            "others" => match Others::parse(value) {
                Some(o) => snap.actors.others = o,
                None => ignored("setting for other passages", value),
            },
            "cues" => {
                for token in list(value) {
                    match CueChoice::parse(token) {
                        Some(c) => snap.cues.set(c, true),
                        None => ignored("cue filter", token),
                    }
                }
            }
            "outlets" => {
                let mut shown: Vec<usize> = Vec::new();
                for key in list(value) {
                    match vm.article_by_key(key) {
                        Some(idx) => shown.push(idx),
                        None => ignored("outlet", key),
                    }
                }
                if !shown.is_empty() {
                    snap.outlets.hidden = (0..vm.articles.len())
                        .filter(|i| !shown.contains(i))
                        .collect();
                }
            }
            "focal" => match vm.actor_by_slug(value) {
                Some(id) => snap.focal = Some(id),
                None if value.is_empty() => {}
                None => ignored("focal actor", value),
            },
            _ => {}
        }
    }
    (snap, notices)
}

/// The viewer's parameters for `snap`, defaults left out, in a fixed order.
pub fn to_pairs(snap: &Snapshot, vm: &ViewModel) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    if snap.view != ViewKind::default() {
        out.push(("view", snap.view.as_str().to_owned()));
    }
    if !snap.actors.chosen.is_empty() {
        let slugs: Vec<&str> = snap
            .actors
            .chosen
            .iter()
            .filter_map(|&a| vm.actors.get(a))
            .map(|a| a.slug.as_str())
            .collect();
        out.push(("actors", slugs.join(",")));
    }
    if snap.actors.mode != Match::default() {
        out.push(("match", snap.actors.mode.as_str().to_owned()));
    }
    if snap.actors.others != Others::default() {
        out.push(("others", snap.actors.others.as_str().to_owned()));
    }
    if !snap.cues.0.is_empty() {
        let tokens: Vec<&str> = snap.cues.choices().map(CueChoice::as_str).collect();
        out.push(("cues", tokens.join(",")));
    }
    if !snap.outlets.hidden.is_empty() {
        let keys: Vec<&str> = vm
            .articles
            .iter()
            .filter(|a| snap.outlets.shows(a.idx))
            .map(|a| a.key.as_str())
            .collect();
        out.push(("outlets", keys.join(",")));
    }
    if let Some(slug) = snap
        .focal
        .and_then(|a| vm.actors.get(a))
        .map(|a| a.slug.clone())
    {
        out.push(("focal", slug));
    }
    out
}

/// The query string (without `?`) for `snap`, keeping the parameters of `current` that
/// the viewer does not own, in their place before the viewer's own.
pub fn to_query(current: &str, snap: &Snapshot, vm: &ViewModel) -> String {
    let mut parts: Vec<String> = current
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .filter(|p| !PARAMS.contains(&decode(p.split('=').next().unwrap_or("")).as_str()))
        .map(str::to_owned)
        .collect();
    for (name, value) in to_pairs(snap, vm) {
        parts.push(format!("{name}={}", encode(&value)));
    }
    parts.join("&")
}

/// Decoded `name=value` pairs of a query string (with or without its `?`).
pub fn parse_query(search: &str) -> Vec<(String, String)> {
    search
        .trim_start_matches('?')
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (n, v) = p.split_once('=').unwrap_or((p, ""));
            (decode(n), decode(v))
        })
        .collect()
}

fn list(value: &str) -> impl Iterator<Item = &str> {
    value.split(',').map(str::trim).filter(|s| !s.is_empty())
}

/// Percent-encodes all but unreserved characters and the comma that separates lists.
fn encode(value: &str) -> String {
    let mut out = String::new();
    for b in value.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~' | b',') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes `%XX` escapes and `+`; malformed escapes stay as written.
fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => {
                let hex = std::str::from_utf8(&bytes[i + 1..i + 3]).ok();
                match hex.and_then(|h| u8::from_str_radix(h, 16).ok()) {
                    Some(b) => {
                        out.push(b);
                        i += 2;
                    }
                    None => out.push(b'%'),
                }
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The page's current query string, with its `?`.
pub fn read_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// Puts `query` in the address bar if it differs: a new history entry when `push`,
/// otherwise in place (used to tidy the URL the page was opened with).
pub fn write_search(query: &str, push: bool) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let location = window.location();
    let current = location.search().unwrap_or_default();
    if current.trim_start_matches('?') == query {
        return;
    }
    let path = location.pathname().unwrap_or_default();
    let hash = location.hash().unwrap_or_default();
    let url = if query.is_empty() {
        format!("{path}{hash}")
    } else {
        format!("{path}?{query}{hash}")
    };
    let Ok(history) = window.history() else {
        return;
    };
    let state = wasm_bindgen::JsValue::NULL;
    // A refused history update (sandboxed iframe) leaves the view working, only unlinked.
    let _ = if push {
        history.push_state_with_url(&state, "", Some(&url))
    } else {
        history.replace_state_with_url(&state, "", Some(&url))
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_strings_decode_as_the_table_says() {
        let cases = [
            ("?view=claims", vec![("view", "claims")]),
            (
                "actors=olaf-scholz%2Cnato&x",
                vec![("actors", "olaf-scholz,nato"), ("x", "")],
            ),
            (
                "q=a+b&bad=%zz&end=%4",
                vec![("q", "a b"), ("bad", "%zz"), ("end", "%4")],
            ),
            ("", vec![]),
        ];
        for (search, expected) in cases {
            let got = parse_query(search);
            let expected: Vec<(String, String)> = expected
                .into_iter()
                .map(|(a, b)| (a.to_owned(), b.to_owned()))
                .collect();
            assert_eq!(got, expected, "{search}");
        }
    }

    #[test]
    fn encoding_keeps_commas_and_escapes_the_rest() {
        assert_eq!(encode("a-b,c d&é"), "a-b,c%20d%26%C3%A9");
        assert_eq!(decode(&encode("a-b,c d&é")), "a-b,c d&é");
    }
}
