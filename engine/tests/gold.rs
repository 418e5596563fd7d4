//! Measures the whole analysis of the seeds against the hand-made reference annotations
//! in `../shared/gold/seeds.toml` (or the file named by `PARALLAX_GOLD`), prints the figures
//! as a table and asserts the thresholds of issue #3.
//!
//! The same measures can be taken on other annotated articles: `PARALLAX_GOLD_ARTICLES`
//! names their folder (a corpus folder like `seeds/`, with its `corpus.toml`; the seeds'
//! `actors.toml` is used where it has none).
//!
//! The gold file only measures the engine: nothing here feeds it back into the analysis.
//! Run `cargo test -p parallax-engine --test gold -- --nocapture` to see the table; it is
//! also printed (on stderr) whenever a measure fails.

use parallax_engine::{Analysis, ArticleAnalysis, analyze, corpus, text::fold};
use serde::Deserialize;
use std::collections::{BTreeSet, HashMap};
use std::fmt::Write as _;
use std::path::PathBuf;
use std::sync::OnceLock;

// ------------------------------------------------------------------------ the gold file

#[derive(Deserialize)]
struct Gold {
    #[serde(default)]
    article: Vec<GoldArticle>,
    #[serde(default)]
    quote: Vec<GoldQuote>,
    #[serde(default)]
    claim: Vec<GoldClaim>,
}

#[derive(Deserialize)]
struct GoldArticle {
    id: String,
    /// "" where the article has no headline.
    headline: String,
    #[serde(default)]
    boilerplate: Vec<String>,
    #[serde(default)]
    persons: Vec<String>,
    #[serde(default)]
    titled_only: Vec<String>,
}

#[derive(Deserialize)]
#[serde(untagged)]
enum Speakers {
    One(String),
    Many(Vec<String>),
}

#[derive(Deserialize)]
struct GoldQuote {
    article: String,
    text: String,
    speaker: Speakers,
}

#[derive(Deserialize)]
struct GoldClaim {
    id: String,
    members: Vec<GoldMember>,
}

#[derive(Deserialize)]
struct GoldMember {
    article: String,
    snippet: String,
}

fn repo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn gold_path() -> PathBuf {
    std::env::var_os("PARALLAX_GOLD")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_dir().join("../shared/gold/seeds.toml"))
}

// --------------------------------------------------------------------------- measures

/// A ratio that reads 1.0 when there was nothing to get right.
#[derive(Clone, Copy, Default)]
struct Ratio {
    hits: usize,
    total: usize,
}

impl Ratio {
    fn value(self) -> f64 {
        if self.total == 0 {
            1.0
        } else {
            self.hits as f64 / self.total as f64
        }
    }
    fn add(&mut self, other: Ratio) {
        self.hits += other.hits;
        self.total += other.total;
    }
}

/// The figures of one article (or of all, summed).
#[derive(Default)]
struct Figures {
    headlines: Ratio,
    removed_recall: Ratio,
    removed_precision: Ratio,
    persons_precision: Ratio,
    persons_recall: Ratio,
    quotes_found: Ratio,
    speakers_right: Ratio,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.headlines.add(o.headlines);
        self.removed_recall.add(o.removed_recall);
        self.removed_precision.add(o.removed_precision);
        self.persons_precision.add(o.persons_precision);
        self.persons_recall.add(o.persons_recall);
        self.quotes_found.add(o.quotes_found);
        self.speakers_right.add(o.speakers_right);
    }
}

/// Pairwise agreement of the engine's claims with the gold claims.
#[derive(Default)]
struct ClaimFigures {
    true_pairs: usize,
    false_pairs: usize,
    missed_pairs: usize,
}

impl ClaimFigures {
    fn precision(&self) -> f64 {
        let found = self.true_pairs + self.false_pairs;
        if found == 0 {
            0.0
        } else {
            self.true_pairs as f64 / found as f64
        }
    }
    fn recall(&self) -> f64 {
        let wanted = self.true_pairs + self.missed_pairs;
        if wanted == 0 {
            1.0
        } else {
            self.true_pairs as f64 / wanted as f64
        }
    }
    fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Everything measured, with the printed table and the details of what went wrong.
struct Report {
    per_article: Vec<(String, Figures)>,
    overall: Figures,
    claims: ClaimFigures,
    table: String,
    /// Per measure, what was missed or wrong, for the failure messages.
    details: HashMap<&'static str, Vec<String>>,
}

fn folded_set<'a>(names: impl IntoIterator<Item = &'a String>) -> BTreeSet<String> {
    names.into_iter().map(|name| fold(name.trim())).collect()
}

fn measure_article(
    gold: &GoldArticle,
    quotes: &[&GoldQuote],
    engine: &ArticleAnalysis,
    details: &mut HashMap<&'static str, Vec<String>>,
) -> Figures {
    let id = &gold.id;
    let mut f = Figures::default();

    let want_headline = (!gold.headline.is_empty()).then_some(gold.headline.as_str());
    let right = engine.headline.as_deref() == want_headline;
    f.headlines = Ratio {
        hits: usize::from(right),
        total: 1,
    };
    if !right {
        details.entry("headline").or_default().push(format!(
            "{id}: expected {want_headline:?}, got {:?}",
            engine.headline
        ));
    }

    let gold_removed: BTreeSet<&str> = gold.boilerplate.iter().map(|l| l.trim()).collect();
    let engine_removed: BTreeSet<&str> = engine.removed.iter().map(|r| r.text.trim()).collect();
    let n_common = gold_removed.intersection(&engine_removed).count();
    f.removed_recall = Ratio {
        hits: n_common,
        total: gold_removed.len(),
    };
    f.removed_precision = Ratio {
        hits: n_common,
        total: engine_removed.len(),
    };
    for missed in gold_removed.difference(&engine_removed) {
        details
            .entry("removed")
            .or_default()
            .push(format!("{id}: not removed: {missed:?}"));
    }
    for wrong in engine_removed.difference(&gold_removed) {
        details
            .entry("removed")
            .or_default()
            .push(format!("{id}: article line removed: {wrong:?}"));
    }

    let gold_persons = folded_set(gold.persons.iter().chain(&gold.titled_only));
    let engine_persons = folded_set(
        engine
            .actors
            .iter()
            .filter(|a| a.kind == parallax_engine::ActorKind::Person)
            .map(|a| &a.name),
    );
    let n_common = gold_persons.intersection(&engine_persons).count();
    f.persons_precision = Ratio {
        hits: n_common,
        total: engine_persons.len(),
    };
    f.persons_recall = Ratio {
        hits: n_common,
        total: gold_persons.len(),
    };
    for missed in gold_persons.difference(&engine_persons) {
        details
            .entry("persons")
            .or_default()
            .push(format!("{id}: person not found: {missed}"));
    }
    for wrong in engine_persons.difference(&gold_persons) {
        details
            .entry("persons")
            .or_default()
            .push(format!("{id}: not a person of the article: {wrong}"));
    }

    for quote in quotes {
        let found: Vec<_> = engine
            .quotes
            .iter()
            .filter(|q| q.text == quote.text)
            .collect();
        f.quotes_found.total += 1;
        if found.is_empty() {
            details
                .entry("quotes")
                .or_default()
                .push(format!("{id}: quote not found: {:?}", quote.text));
            continue;
        }
        f.quotes_found.hits += 1;
        let want = match &quote.speaker {
            Speakers::One(name) => folded_set([name]),
            Speakers::Many(names) => folded_set(names),
        };
        f.speakers_right.total += 1;
        if found.iter().any(|q| folded_set(&q.speakers) == want) {
            f.speakers_right.hits += 1;
        } else {
            details.entry("speakers").or_default().push(format!(
                "{id}: {:?}: expected {want:?}, got {:?}",
                quote.text,
                found.iter().map(|q| &q.speakers).collect::<Vec<_>>()
            ));
        }
    }
    f
}

/// Pairwise agreement over every pair of gold members: two members of one gold claim
/// should share an engine claim, members of different gold claims should not. A member is
/// in the engine claims whose member sentence, in the same article, contains its snippet.
fn measure_claims(
    gold: &Gold,
    analysis: &Analysis,
    details: &mut HashMap<&'static str, Vec<String>>,
) -> ClaimFigures {
    let mut members: Vec<(&str, &GoldMember, BTreeSet<usize>)> = Vec::new();
    for claim in &gold.claim {
        for member in &claim.members {
            let clusters: BTreeSet<usize> = analysis
                .claims
                .iter()
                .enumerate()
                .filter(|(_, c)| {
                    c.members.iter().any(|m| {
                        m.article == member.article && m.sentence.contains(&member.snippet)
                    })
                })
                .map(|(idx, _)| idx)
                .collect();
            if clusters.is_empty() {
                details.entry("claims").or_default().push(format!(
                    "{} / {}: in no claim: {:?}",
                    claim.id, member.article, member.snippet
                ));
            }
            members.push((&claim.id, member, clusters));
        }
    }
    let mut figures = ClaimFigures::default();
    for (i, (claim_a, member_a, clusters_a)) in members.iter().enumerate() {
        for (claim_b, member_b, clusters_b) in &members[i + 1..] {
            let same_gold = claim_a == claim_b;
            let same_engine = !clusters_a.is_disjoint(clusters_b);
            match (same_gold, same_engine) {
                (true, true) => figures.true_pairs += 1,
                (false, true) => {
                    figures.false_pairs += 1;
                    details.entry("claims").or_default().push(format!(
                        "grouped although in different claims ({claim_a} / {claim_b}): {:?} + {:?}",
                        member_a.snippet, member_b.snippet
                    ));
                }
                (true, false) => {
                    figures.missed_pairs += 1;
                    details.entry("claims").or_default().push(format!(
                        "not grouped although both in {claim_a}: {:?} + {:?}",
                        member_a.snippet, member_b.snippet
                    ));
                }
                (false, false) => {}
            }
        }
    }
    figures
}

/// The annotated articles' corpus; the seeds' gazetteer where their folder has none.
fn load_articles(dir: &std::path::Path) -> Result<corpus::Bundle, String> {
    let cannot = |e: &dyn std::fmt::Display| format!("cannot load {}: {e}", dir.display());
    if dir.join("actors.toml").exists() {
        return corpus::load_bundle(dir).map_err(|e| cannot(&e));
    }
    let (corpus, warnings) = corpus::load_dir(dir).map_err(|e| cannot(&e))?;
    let gazetteer = corpus::load_bundle(&repo_dir().join("seeds"))
        .map_err(|e| cannot(&e))?
        .gazetteer;
    Ok(corpus::Bundle {
        corpus,
        gazetteer,
        warnings,
    })
}

fn build_report() -> Result<Report, String> {
    let path = gold_path();
    let path = std::fs::canonicalize(&path).unwrap_or(path);
    let gold_text = std::fs::read_to_string(&path).map_err(|e| {
        format!(
            "cannot read the gold annotations at {} ({e}); they are looked for at \
             <repo>/../shared/gold/seeds.toml, or set PARALLAX_GOLD to their path",
            path.display()
        )
    })?;
    let gold: Gold = toml::from_str(&gold_text)
        .map_err(|e| format!("{}: malformed gold file: {e}", path.display()))?;
    let seeds = std::env::var_os("PARALLAX_GOLD_ARTICLES")
        .map(PathBuf::from)
        .unwrap_or_else(|| repo_dir().join("seeds"));
    let bundle = load_articles(&seeds)?;
    let analysis = analyze(&bundle.corpus, &bundle.gazetteer);

    let mut details: HashMap<&'static str, Vec<String>> = HashMap::new();
    let mut per_article = Vec::new();
    let mut overall = Figures::default();
    for gold_article in &gold.article {
        let Some(engine) = analysis.articles.iter().find(|a| a.id == gold_article.id) else {
            return Err(format!(
                "article {} of the gold file is not in {}",
                gold_article.id,
                seeds.display()
            ));
        };
        let quotes: Vec<&GoldQuote> = gold
            .quote
            .iter()
            .filter(|q| q.article == gold_article.id)
            .collect();
        let figures = measure_article(gold_article, &quotes, engine, &mut details);
        overall.add(&figures);
        per_article.push((gold_article.id.clone(), figures));
    }
    let claims = measure_claims(&gold, &analysis, &mut details);

    let mut table = String::new();
    let _ = writeln!(table, "\nGold measures ({})", path.display());
    let _ = writeln!(
        table,
        "{:<10} {:>8} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
        "article",
        "headline",
        "removed R",
        "removed P",
        "persons P",
        "persons R",
        "quotes found",
        "speakers ok"
    );
    let row = |table: &mut String, name: &str, f: &Figures| {
        let cell = |r: Ratio| format!("{:.2} {:>5}", r.value(), format!("{}/{}", r.hits, r.total));
        let _ = writeln!(
            table,
            "{:<10} {:>8} {:>12} {:>12} {:>12} {:>12} {:>12} {:>12}",
            name,
            format!("{}/{}", f.headlines.hits, f.headlines.total),
            cell(f.removed_recall),
            cell(f.removed_precision),
            cell(f.persons_precision),
            cell(f.persons_recall),
            cell(f.quotes_found),
            cell(f.speakers_right),
        );
    };
    for (id, figures) in &per_article {
        row(&mut table, id.get(..3).unwrap_or(id), figures);
    }
    row(&mut table, "overall", &overall);
    let _ = writeln!(
        table,
        "claims (pairwise over {} gold members): P {:.2}  R {:.2}  F1 {:.2}  ({} pairs right, {} wrongly grouped, {} missed)",
        gold.claim.iter().map(|c| c.members.len()).sum::<usize>(),
        claims.precision(),
        claims.recall(),
        claims.f1(),
        claims.true_pairs,
        claims.false_pairs,
        claims.missed_pairs
    );
    let _ = writeln!(
        table,
        "thresholds: headlines all right; removed R = P = 1.0; persons P, R >= 0.95; \
         quotes found >= 0.95, speakers right >= 0.9; claims F1 >= 0.8"
    );
    Ok(Report {
        per_article,
        overall,
        claims,
        table,
        details,
    })
}

/// The report, computed once for all the tests of this file.
fn report() -> &'static Report {
    static REPORT: OnceLock<Result<Report, String>> = OnceLock::new();
    match REPORT.get_or_init(build_report) {
        Ok(report) => report,
        Err(message) => panic!("{message}"),
    }
}

/// Checks `(measure, detail key, value, threshold)` rows; panics naming every measure below
/// its threshold, with what was missed. The table is printed when a measure fails, and
/// always by the test of the whole analysis (so `--nocapture` shows it once).
fn assert_measures(report: &Report, rows: &[(&str, &'static str, f64, f64)], always_print: bool) {
    let mut failures = Vec::new();
    for &(name, detail_key, value, threshold) in rows {
        if value < threshold {
            let mut message = format!("{name} is {value:.3}, below {threshold}");
            for line in report
                .details
                .get(detail_key)
                .into_iter()
                .flatten()
                .take(40)
            {
                let _ = write!(message, "\n    {line}");
            }
            failures.push(message);
        }
    }
    if always_print || !failures.is_empty() {
        eprintln!("{}", report.table);
    }
    assert!(
        failures.is_empty(),
        "gold measures below threshold:\n  {}",
        failures.join("\n  ")
    );
}

// ------------------------------------------------------------------------------ tests

#[test]
fn every_headline_matches_the_gold() {
    let r = report();
    assert_measures(
        r,
        &[(
            "headline exact match",
            "headline",
            r.overall.headlines.value(),
            1.0,
        )],
        false,
    );
}

#[test]
fn removed_lines_are_exactly_the_gold_boilerplate() {
    let r = report();
    assert_measures(
        r,
        &[
            (
                "removed lines recall",
                "removed",
                r.overall.removed_recall.value(),
                1.0,
            ),
            (
                "removed lines precision",
                "removed",
                r.overall.removed_precision.value(),
                1.0,
            ),
        ],
        false,
    );
}

#[test]
fn persons_named_reach_precision_and_recall_of_0_95() {
    let r = report();
    assert_measures(
        r,
        &[
            (
                "persons precision",
                "persons",
                r.overall.persons_precision.value(),
                0.95,
            ),
            (
                "persons recall",
                "persons",
                r.overall.persons_recall.value(),
                0.95,
            ),
        ],
        false,
    );
}

#[test]
fn quotations_are_found_and_attributed_to_the_right_speakers() {
    let r = report();
    assert_measures(
        r,
        &[
            (
                "quotations found",
                "quotes",
                r.overall.quotes_found.value(),
                0.95,
            ),
            (
                "speakers right among found quotations",
                "speakers",
                r.overall.speakers_right.value(),
                0.9,
            ),
        ],
        false,
    );
}

#[test]
fn claims_group_the_gold_members_with_pairwise_f1_of_0_8() {
    let r = report();
    assert_measures(
        r,
        &[("claims pairwise F1", "claims", r.claims.f1(), 0.8)],
        false,
    );
}

#[test]
fn the_whole_analysis_meets_every_threshold_of_issue_3() {
    let r = report();
    assert!(
        !r.per_article.is_empty(),
        "the gold file annotates no article"
    );
    let o = &r.overall;
    assert_measures(
        r,
        &[
            ("headline exact match", "headline", o.headlines.value(), 1.0),
            (
                "removed lines recall",
                "removed",
                o.removed_recall.value(),
                1.0,
            ),
            (
                "removed lines precision",
                "removed",
                o.removed_precision.value(),
                1.0,
            ),
            (
                "persons precision",
                "persons",
                o.persons_precision.value(),
                0.95,
            ),
            ("persons recall", "persons", o.persons_recall.value(), 0.95),
            ("quotations found", "quotes", o.quotes_found.value(), 0.95),
            (
                "speakers right among found quotations",
                "speakers",
                o.speakers_right.value(),
                0.9,
            ),
            ("claims pairwise F1", "claims", r.claims.f1(), 0.8),
        ],
        true,
    );
}
