//! The `analyze` command, run as a built binary: the JSON it prints on a seed and on a file
//! with no manifest entry has the fields issue #3 documents, with their types, and bad
//! input gives a message naming the file and exit status 2, never a panic.

use serde_json::Value;
use std::path::PathBuf;
use std::process::{Command, Output};

fn repo_dir() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("..")
}

fn run(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_analyze"))
        .args(args)
        .output()
        .unwrap_or_else(|e| panic!("cannot run analyze: {e}"))
}

/// A fresh folder under the system's temporary folder, removed when dropped.
struct TempDir(PathBuf);

impl TempDir {
    fn new(name: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("parallax-analyze-{}-{name}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
        TempDir(dir)
    }
    fn write(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.0.join(name);
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
        path.to_string_lossy().into_owned()
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// The JSON printed by a successful run.
fn analysis_of(args: &[&str]) -> Value {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "analyze {args:?} failed ({}): {stderr}",
        out.status
    );
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("analyze printed no JSON: {e}"))
}

fn is_str_or_null(v: &Value) -> bool {
    v.is_string() || v.is_null()
}

/// Checks the documented JSON fields and their types; returns the problems found.
fn shape_problems(analysis: &Value) -> Vec<String> {
    let mut problems = Vec::new();
    let mut check = |ok: bool, what: String| {
        if !ok {
            problems.push(what);
        }
    };
    let empty = Vec::new();
    let articles = analysis["articles"].as_array();
    check(articles.is_some(), "articles is not an array".into());
    for (i, a) in articles.unwrap_or(&empty).iter().enumerate() {
        check(
            a["id"].is_string(),
            format!("articles[{i}].id is not a string"),
        );
        for field in ["outlet", "url", "headline"] {
            check(
                is_str_or_null(&a[field]),
                format!("articles[{i}].{field} is not str|null"),
            );
        }
        let date_ok = match &a["date"] {
            Value::Null => true,
            Value::String(d) => parallax_engine::corpus::is_valid_date(d),
            _ => false,
        };
        check(
            date_ok,
            format!("articles[{i}].date is not YYYY-MM-DD|null"),
        );
        for (j, r) in a["removed"].as_array().unwrap_or(&empty).iter().enumerate() {
            check(
                r["text"].is_string() && r["reason"].is_string(),
                format!("articles[{i}].removed[{j}] lacks text or reason"),
            );
        }
        check(
            a["removed"].is_array(),
            format!("articles[{i}].removed is not an array"),
        );
        check(
            a["actors"].is_array(),
            format!("articles[{i}].actors is not an array"),
        );
        for (j, actor) in a["actors"].as_array().unwrap_or(&empty).iter().enumerate() {
            let kind_ok = matches!(
                actor["kind"].as_str(),
                Some("person" | "government" | "organization" | "media")
            );
            check(
                actor["name"].is_string()
                    && kind_ok
                    && actor["mentions"].is_u64()
                    && actor["discovered"].is_boolean(),
                format!("articles[{i}].actors[{j}] is not {{name, kind, mentions, discovered}}"),
            );
        }
        check(
            a["quotes"].is_array(),
            format!("articles[{i}].quotes is not an array"),
        );
        for (j, q) in a["quotes"].as_array().unwrap_or(&empty).iter().enumerate() {
            let speakers_ok = q["speakers"]
                .as_array()
                .is_some_and(|s| s.iter().all(Value::is_string));
            check(
                q["text"].is_string() && speakers_ok && is_str_or_null(&q["verb"]),
                format!("articles[{i}].quotes[{j}] is not {{text, speakers, verb}}"),
            );
        }
    }
    check(
        analysis["claims"].is_array(),
        "claims is not an array".into(),
    );
    for (k, c) in analysis["claims"]
        .as_array()
        .unwrap_or(&empty)
        .iter()
        .enumerate()
    {
        let members_ok = c["members"].as_array().is_some_and(|members| {
            members
                .iter()
                .all(|m| m["article"].is_string() && m["sentence"].is_string())
        });
        check(
            c["label"].is_string() && members_ok,
            format!("claims[{k}] is not {{label, members}}"),
        );
    }
    problems
}

#[test]
fn a_seed_is_analysed_with_its_manifest_metadata_and_the_documented_fields() {
    let seeds = repo_dir().join("seeds");
    let (corpus, _) = parallax_engine::corpus::load_dir(&seeds).expect("the seeds load");
    // The seed with page furniture, so `removed` is exercised.
    let seed = corpus
        .articles
        .iter()
        .find(|a| parallax_engine::structure::parse(&a.text).removed.len() >= 2)
        .expect("a seed with removed lines");
    let path = seeds.join(format!("{}.txt", seed.id));
    let analysis = analysis_of(&[path.to_str().expect("a UTF-8 path")]);
    assert_eq!(shape_problems(&analysis), Vec::<String>::new());
    let article = &analysis["articles"][0];
    assert_eq!(article["id"], seed.id.as_str());
    assert_eq!(article["outlet"].as_str(), seed.meta.outlet.as_deref());
    assert!(!article["removed"].as_array().unwrap().is_empty());
}

#[test]
fn every_seed_at_once_gives_one_article_each_in_the_given_order() {
    let seeds = repo_dir().join("seeds");
    let (corpus, _) = parallax_engine::corpus::load_dir(&seeds).expect("the seeds load");
    let paths: Vec<String> = corpus
        .articles
        .iter()
        .map(|a| {
            seeds
                .join(format!("{}.txt", a.id))
                .to_string_lossy()
                .into_owned()
        })
        .collect();
    let args: Vec<&str> = paths.iter().map(String::as_str).collect();
    let analysis = analysis_of(&args);
    assert_eq!(shape_problems(&analysis), Vec::<String>::new());
    let ids: Vec<&str> = analysis["articles"]
        .as_array()
        .unwrap()
        .iter()
        .filter_map(|a| a["id"].as_str())
        .collect();
    let want: Vec<&str> = corpus.articles.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, want);
}

#[test]
fn a_file_with_no_manifest_takes_its_metadata_from_its_header_line() {
    let dir = TempDir::new("header");
    let file = dir.write(
        "my_article.txt",
        " date 2024-03-01 https://example.org/story\n\nLeaders Meet in Paris\n\n\
         \"We agreed,\" the president said. Read more\n"
            .as_bytes(),
    );
    let analysis = analysis_of(&[&file]);
    assert_eq!(shape_problems(&analysis), Vec::<String>::new());
    let article = &analysis["articles"][0];
    assert_eq!(article["id"], "my_article");
    assert_eq!(article["outlet"], Value::Null);
    assert_eq!(article["date"], "2024-03-01");
    assert_eq!(article["url"], "https://example.org/story");
    assert_eq!(article["headline"], "Leaders Meet in Paris");
}

#[test]
fn in_a_folder_with_a_manifest_listed_and_unlisted_files_both_work() {
    let dir = TempDir::new("manifest");
    dir.write(
        "corpus.toml",
        b"[[article]]\nfile = \"listed.txt\"\noutlet = \"Example Daily\"\ndate = \"2024-02-28\"\n",
    );
    let listed = dir.write("listed.txt", b"Title Here\n\nSome text. More text.\n");
    let unlisted = dir.write("unlisted.txt", b"Other text without a headline.\n");
    let analysis = analysis_of(&[&listed, &unlisted]);
    assert_eq!(shape_problems(&analysis), Vec::<String>::new());
    assert_eq!(analysis["articles"][0]["outlet"], "Example Daily");
    assert_eq!(analysis["articles"][0]["date"], "2024-02-28");
    assert_eq!(analysis["articles"][1]["id"], "unlisted");
    assert_eq!(analysis["articles"][1]["outlet"], Value::Null);
}

#[test]
fn bad_input_exits_with_status_2_and_a_message_naming_the_file() {
    let dir = TempDir::new("errors");
    let invalid = dir.write("invalid.txt", b"Valid start \xff\xfe then garbage\n");
    let good = dir.write("good.txt", b"Some text.\n");
    let missing = dir.0.join("missing.txt").to_string_lossy().into_owned();
    let bad_gazetteer = dir.write("bad_actors.toml", b"[[actor]]\nname = 3\n");
    let bad_manifest_dir = TempDir::new("bad-manifest");
    bad_manifest_dir.write("corpus.toml", b"[[article]\nfile = \n");
    let in_bad_folder = bad_manifest_dir.write("a.txt", b"Text.\n");
    // (what, arguments, text the error message must contain)
    let cases: Vec<(&str, Vec<&str>, &str)> = vec![
        ("a missing file", vec![&missing], "missing.txt"),
        ("invalid UTF-8", vec![&invalid], "invalid.txt"),
        ("no file at all", vec![], "no article file"),
        (
            "an unknown option",
            vec!["--frobnicate", &good],
            "--frobnicate",
        ),
        (
            "--gazetteer without a path",
            vec!["--gazetteer"],
            "--gazetteer",
        ),
        (
            "a gazetteer that is missing",
            vec!["--gazetteer", &missing, &good],
            "missing.txt",
        ),
        (
            "a malformed gazetteer",
            vec!["--gazetteer", &bad_gazetteer, &good],
            "bad_actors.toml",
        ),
        ("a malformed manifest", vec![&in_bad_folder], "corpus.toml"),
    ];
    let mut failures = Vec::new();
    for (what, args, needle) in &cases {
        let out = run(args);
        let stderr = String::from_utf8_lossy(&out.stderr);
        let ok = out.status.code() == Some(2)
            && stderr.contains(needle)
            && !stderr.contains("panicked")
            && out.stdout.is_empty();
        if !ok {
            failures.push(format!(
                "{what}: status {:?}, stderr {stderr:?}",
                out.status.code()
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn help_is_printed_with_status_0() {
    let out = run(&["--help"]);
    assert_eq!(out.status.code(), Some(0));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.starts_with("Usage: analyze"), "{stdout}");
    assert!(stdout.contains("--gazetteer"));
}

#[test]
fn hostile_text_is_analysed_without_a_panic() {
    let dir = TempDir::new("hostile");
    let mut text = String::from("\"\"\"'''“”«»‘’\r\n\r\n");
    text.push_str(&"He said \"no. 'yes ‘x « ".repeat(20_000));
    text.push_str("\n\u{202e}مرحبا 👍🏽 e\u{301}\n");
    let file = dir.write("hostile.txt", text.as_bytes());
    let analysis = analysis_of(&[&file]);
    assert_eq!(shape_problems(&analysis), Vec::<String>::new());
}
