//! `analyze FILE…`: prints the analysis of article files as pretty JSON, the same JSON the
//! viewer exports (see [`parallax_engine::export::analysis_json`]).
//!
//! This is the imperative shell around [`parallax_engine::analyze`]: it reads files,
//! finds what is known of them and reports errors; the engine does the rest. Metadata
//! comes from the `corpus.toml` of each file's folder (by file name) when there is an
//! entry, otherwise from the article's own header line. Every error names the file and
//! exits with status 2; the command never panics on bad input.

use parallax_engine::corpus::{Article, ArticleMeta, Corpus, is_valid_date, is_web_url};
use parallax_engine::gazetteer::Gazetteer;
use parallax_engine::{analyze, export};
use serde::Deserialize;
use std::collections::HashMap;
use std::ffi::OsString;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "\
Usage: analyze [--gazetteer PATH] FILE...

Prints the analysis of the given article files (UTF-8 text) as JSON: per article its
id (the file stem), outlet, date, url, headline, removed lines, actors and quotes, and
the claims shared across the articles.

Metadata is taken from the corpus.toml of a file's folder when it has an entry for the
file (by file name), otherwise from the article's header line ` date YYYY-MM-DD URL`.

Options:
  --gazetteer PATH  the actors to recognise (default: actors.toml next to the first file,
                    else the repository's seeds/actors.toml)
  -h, --help        show this help

Exit status: 0 on success, 2 on bad usage or a file that cannot be read.";

/// What went wrong, already worded for the reader; `main` prints it and exits with 2.
type Failure = String;

/// The command line, parsed.
struct Options {
    gazetteer: Option<PathBuf>,
    files: Vec<PathBuf>,
}

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    let options = match parse_args(args) {
        Ok(Some(options)) => options,
        Ok(None) => {
            println!("{USAGE}");
            return ExitCode::SUCCESS;
        }
        Err(message) => {
            let usage = USAGE.lines().next().unwrap_or_default();
            eprintln!("analyze: {message}\n{usage}\nTry `analyze --help` for more.");
            return ExitCode::from(2);
        }
    };
    let json = match run(&options) {
        Ok(json) => json,
        Err(message) => {
            eprintln!("analyze: {message}");
            return ExitCode::from(2);
        }
    };
    let mut stdout = std::io::stdout().lock();
    match stdout
        .write_all(json.as_bytes())
        .and_then(|()| stdout.write_all(b"\n"))
    {
        Ok(()) => ExitCode::SUCCESS,
        // A reader that stopped early (`analyze … | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("analyze: cannot write the analysis: {e}");
            ExitCode::from(2)
        }
    }
}

/// `Ok(None)` when help was asked for.
fn parse_args(args: Vec<OsString>) -> Result<Option<Options>, Failure> {
    let mut options = Options {
        gazetteer: None,
        files: Vec::new(),
    };
    let mut args = args.into_iter();
    let mut only_files = false;
    while let Some(arg) = args.next() {
        let text = arg.to_string_lossy();
        if only_files || !text.starts_with('-') || text == "-" {
            options.files.push(PathBuf::from(arg));
        } else if text == "--" {
            only_files = true;
        } else if text == "-h" || text == "--help" {
            return Ok(None);
        } else if text == "--gazetteer" {
            let path = args.next().ok_or("--gazetteer needs a PATH")?;
            options.gazetteer = Some(PathBuf::from(path));
        } else if let Some(path) = text.strip_prefix("--gazetteer=") {
            options.gazetteer = Some(PathBuf::from(path));
        } else {
            return Err(format!("unknown option `{text}`"));
        }
    }
    if options.files.is_empty() {
        return Err("no article file given".into());
    }
    Ok(Some(options))
}

/// Reads the files, their metadata and the gazetteer, and returns the analysis as JSON.
fn run(options: &Options) -> Result<String, Failure> {
    let mut manifests: HashMap<PathBuf, HashMap<String, ArticleMeta>> = HashMap::new();
    let mut articles: Vec<Article> = Vec::with_capacity(options.files.len());
    for path in &options.files {
        let text = read_utf8(path)?;
        let dir = folder_of(path);
        if !manifests.contains_key(&dir) {
            let manifest = read_manifest(&dir)?;
            manifests.insert(dir.clone(), manifest);
        }
        let file_name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let meta = manifests
            .get(&dir)
            .and_then(|m| m.get(&file_name))
            .cloned()
            .unwrap_or_default();
        let stem = path
            .file_stem()
            .map(|s| s.to_string_lossy().into_owned())
            .unwrap_or_default();
        let id = unique_id(&stem, &articles);
        articles.push(Article { id, text, meta });
    }
    let gazetteer = load_gazetteer(options)?;
    let analysis = analyze(&Corpus { articles }, &gazetteer);
    Ok(export::analysis_json(&analysis))
}

/// The folder a file sits in (`.` for a bare file name).
fn folder_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// `stem`, or `stem-2`, `stem-3`… when two files share a stem (ids must be unique).
fn unique_id(stem: &str, taken: &[Article]) -> String {
    let stem = if stem.is_empty() { "article" } else { stem };
    let mut id = stem.to_owned();
    let mut n = 1;
    while taken.iter().any(|a| a.id == id) {
        n += 1;
        id = format!("{stem}-{n}");
    }
    id
}

fn read_utf8(path: &Path) -> Result<String, Failure> {
    let bytes = std::fs::read(path).map_err(|e| format!("cannot read {}: {e}", path.display()))?;
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        format!(
            "{}:{line}: not valid UTF-8 (invalid byte at offset {at})",
            path.display()
        )
    })
}

/// One entry of a `corpus.toml`, read leniently (see [`read_manifest`]).
#[derive(Deserialize)]
struct ManifestEntry {
    file: String,
    outlet: Option<String>,
    outlet_about: Option<String>,
    date: Option<String>,
    url: Option<String>,
    evidence: Option<String>,
    confidence: Option<String>,
}

#[derive(Deserialize)]
struct Manifest {
    #[serde(default)]
    article: Vec<ManifestEntry>,
}

/// The metadata of `dir/corpus.toml` by file name; empty when the folder has none.
///
/// Unlike [`parallax_engine::corpus::load_dir`], which refuses a folder holding an article
/// that the manifest does not list (right for bundling), this reads only the entries:
/// the command must also work on a file that has no entry yet. A manifest that cannot be
/// parsed is still an error, naming it; a bad date or URL in an entry is left out with a
/// warning, as the viewer would never show it.
fn read_manifest(dir: &Path) -> Result<HashMap<String, ArticleMeta>, Failure> {
    let path = dir.join("corpus.toml");
    if !path.is_file() {
        return Ok(HashMap::new());
    }
    let text = read_utf8(&path)?;
    let manifest: Manifest = toml::from_str(&text).map_err(|e| {
        let line = e
            .span()
            .map(|s| text[..s.start.min(text.len())].matches('\n').count() + 1);
        let at = line.map(|l| format!(":{l}")).unwrap_or_default();
        format!(
            "{}{at}: malformed manifest: {}",
            path.display(),
            e.message()
        )
    })?;
    let mut out = HashMap::new();
    for entry in manifest.article {
        let date = entry.date.filter(|d| {
            let ok = is_valid_date(d);
            if !ok {
                eprintln!(
                    "analyze: warning: {}: `{d}` is not a date, left out",
                    path.display()
                );
            }
            ok
        });
        let url = entry.url.filter(|u| {
            let ok = is_web_url(u);
            if !ok {
                eprintln!(
                    "analyze: warning: {}: `{u}` is not an http(s) URL, left out",
                    path.display()
                );
            }
            ok
        });
        let meta = ArticleMeta {
            outlet: entry.outlet.filter(|o| !o.trim().is_empty()),
            outlet_about: entry.outlet_about,
            date,
            url,
            evidence: entry.evidence,
            confidence: entry.confidence,
        };
        out.insert(entry.file, meta);
    }
    Ok(out)
}

/// The gazetteer of `--gazetteer`, else the `actors.toml` next to the first file, else the
/// repository's `seeds/actors.toml`. Without any, the analysis still runs (discovered
/// actors only), with a warning.
fn load_gazetteer(options: &Options) -> Result<Gazetteer, Failure> {
    let path = match &options.gazetteer {
        Some(path) => path.clone(),
        None => {
            let beside = options
                .files
                .first()
                .map(|f| folder_of(f).join("actors.toml"));
            let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../seeds/actors.toml");
            match beside.filter(|p| p.is_file()) {
                Some(path) => path,
                None if repo.is_file() => repo,
                None => {
                    eprintln!(
                        "analyze: warning: no gazetteer found (looked for actors.toml next to the \
                         files and at {}); use --gazetteer PATH",
                        repo.display()
                    );
                    return Ok(Gazetteer::default());
                }
            }
        }
    };
    let text = read_utf8(&path)?;
    Gazetteer::from_toml(&text).map_err(|e| {
        let at = e.line.map(|l| format!(":{l}")).unwrap_or_default();
        format!("{}{at}: {}", path.display(), e.message)
    })
}
