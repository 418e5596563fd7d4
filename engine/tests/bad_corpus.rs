//! Every way a corpus folder can be wrong is refused, or warned about, naming the file and
//! the line a curator has to fix.
//!
//! The cases are data: each folder of `testdata/bad_corpus/` is a corpus with one fault and
//! a `case.toml` saying what loading it must report (the loader reads only `corpus.toml`,
//! `actors.toml` and `*.txt`, so `case.toml` is invisible to it). A case may ask for a file
//! to be generated at test time, so that a 10 MB article is not committed. The build's own
//! check (`scripts/check-bad-corpus-build.sh`) bundles one of these folders for real.

use parallax_engine::corpus::{CorpusError, load_bundle};
use serde::Deserialize;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// What loading a case folder must report.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Case {
    /// The behaviour, as a sentence.
    name: String,
    kind: Kind,
    /// Name of the file at fault, inside the case folder.
    file: String,
    /// 1-based line at fault; absent when the fault has no line (a whole file).
    line: Option<usize>,
    /// Part of the message that says what is wrong.
    message: String,
    generate: Option<Generate>,
}

#[derive(Debug, Deserialize, PartialEq)]
#[serde(rename_all = "lowercase")]
enum Kind {
    /// Loading fails with a `CorpusError`.
    Error,
    /// Loading succeeds and returns the problem among its warnings.
    Warning,
}

/// A file written into the case folder before loading.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    file: String,
    /// Size in bytes: lines of plain article text.
    bytes: usize,
}

fn cases_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("testdata/bad_corpus")
}

/// A copy of the case folder in Cargo's scratch space, with any generated file written.
fn prepare(case_dir: &Path, case: &Case) -> PathBuf {
    let name = case_dir.file_name().expect("a case folder has a name");
    let work = Path::new(env!("CARGO_TARGET_TMPDIR"))
        .join("bad_corpus")
        .join(name);
    if work.exists() {
        std::fs::remove_dir_all(&work).expect("remove the previous copy");
    }
    std::fs::create_dir_all(&work).expect("create the scratch folder");
    for entry in std::fs::read_dir(case_dir).expect("read the case folder") {
        let entry = entry.expect("list the case folder");
        std::fs::copy(entry.path(), work.join(entry.file_name())).expect("copy a case file");
    }
    if let Some(generate) = &case.generate {
        let line = "French President Emmanuel Macron said allies were discussing the idea.\n";
        let text: String = line.repeat(generate.bytes / line.len() + 1);
        std::fs::write(work.join(&generate.file), &text[..generate.bytes]).expect("generate");
    }
    work
}

/// What is wrong with the outcome of one case, if anything.
fn check(case: &Case, dir: &Path) -> Result<(), String> {
    let at = match case.line {
        Some(line) => format!("{}:{line}: ", case.file),
        None => format!("{}: ", case.file),
    };
    match (load_bundle(dir), &case.kind) {
        (Err(error), Kind::Error) => check_error(case, &error, &at),
        (Ok(bundle), Kind::Warning) => {
            let named = bundle
                .warnings
                .iter()
                .any(|w| w.contains(&at) && w.contains(&case.message));
            if !named {
                return Err(format!(
                    "no warning with `{at}…{}` in {:?}",
                    case.message, bundle.warnings
                ));
            }
            if bundle.corpus.articles.is_empty() {
                return Err("the corpus should still load despite the warning".into());
            }
            Ok(())
        }
        (Ok(bundle), Kind::Error) => Err(format!("loaded, with warnings {:?}", bundle.warnings)),
        (Err(error), Kind::Warning) => Err(format!("failed instead of warning: {error}")),
    }
}

fn check_error(case: &Case, error: &CorpusError, at: &str) -> Result<(), String> {
    let shown = error.to_string();
    let file_named = error
        .file
        .file_name()
        .is_some_and(|f| f == case.file.as_str());
    if !file_named || error.line != case.line {
        return Err(format!(
            "expected {at}, got {:?} line {:?}: {shown}",
            error.file, error.line
        ));
    }
    // What the build prints: the path of the file, the line, then what is wrong.
    let path_at = format!("{}{}", error.file.display(), &at[case.file.len()..]);
    if !shown.starts_with(&path_at) || !shown.contains(&case.message) {
        return Err(format!(
            "expected `{path_at}…{}`, shown as `{shown}`",
            case.message
        ));
    }
    Ok(())
}

#[test]
fn every_bad_corpus_case_reports_its_file_and_line() {
    let mut case_dirs: Vec<PathBuf> = std::fs::read_dir(cases_dir())
        .expect("testdata/bad_corpus exists")
        .map(|entry| entry.expect("list testdata/bad_corpus").path())
        .filter(|path| path.is_dir())
        .collect();
    case_dirs.sort();
    assert!(
        case_dirs.len() >= 12,
        "only {} bad-corpus cases found",
        case_dirs.len()
    );

    let mut failures = String::new();
    for case_dir in &case_dirs {
        let case_path = case_dir.join("case.toml");
        let case_text = std::fs::read_to_string(&case_path)
            .unwrap_or_else(|e| panic!("{}: {e}", case_path.display()));
        let case: Case =
            toml::from_str(&case_text).unwrap_or_else(|e| panic!("{}: {e}", case_path.display()));
        let outcome = check(&case, &prepare(case_dir, &case));
        let folder = case_dir.file_name().unwrap_or_default().to_string_lossy();
        match outcome {
            Ok(()) => println!("ok      {folder}: {}", case.name),
            Err(why) => {
                println!("FAILED  {folder}: {}", case.name);
                writeln!(failures, "{folder}: {}\n    {why}", case.name)
                    .expect("write to a String");
            }
        }
    }
    assert!(
        failures.is_empty(),
        "bad-corpus cases that did not report as expected:\n{failures}"
    );
}
