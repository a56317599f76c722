//! Reading the corpus: files and folders to articles, in parallel, in a deterministic order.
//! The only place that reads article files.

use std::path::{Path, PathBuf};

use rayon::prelude::*;
use recoupe_extractor::{Claim, Extractor};
use recoupe_parser::{ArticleId, Diagnostic, Severity, line_col, parse_jsonl, parse_seed};

/// A problem with an input file, ready to print.
#[derive(Debug, Clone)]
pub struct InputProblem {
    /// `error` or `warning`.
    pub severity: Severity,
    /// `path:line:col: message`.
    pub message: String,
}

/// What reading a corpus gives.
#[derive(Debug, Default)]
pub struct Corpus {
    /// Articles read.
    pub articles: usize,
    /// Claims of all articles, sorted by article id then offset.
    pub claims: Vec<Claim>,
    /// Where each article was read from, and its text, sorted by id.
    pub locations: Vec<recoupe_report::ArticleLocation>,
    /// What each article says about its own date.
    pub dates: Vec<recoupe_checker::ArticleDates>,
    /// Problems, in path order.
    pub problems: Vec<InputProblem>,
    /// Files with at least one error.
    pub bad_files: usize,
}

/// The article files under `paths`: files as given, folders searched recursively for `.txt`
/// and `.jsonl`, sorted.
pub fn collect(paths: &[PathBuf]) -> (Vec<PathBuf>, Vec<InputProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut files, &mut problems);
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            problems.push(InputProblem {
                severity: Severity::Error,
                message: format!("{}: no such file or folder", p.display()),
            });
        }
    }
    files.sort();
    files.dedup();
    (files, problems)
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>, problems: &mut Vec<InputProblem>) {
    let entries = match std::fs::read_dir(dir) {
        Ok(e) => e,
        Err(e) => {
            problems.push(InputProblem {
                severity: Severity::Error,
                message: format!("{}: cannot read folder: {e}", dir.display()),
            });
            return;
        }
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            walk(&path, files, problems);
        } else if matches!(
            path.extension().and_then(|e| e.to_str()),
            Some("txt" | "jsonl")
        ) {
            files.push(path);
        }
    }
}

struct FileResult {
    articles: Vec<recoupe_report::ArticleLocation>,
    dates: Vec<recoupe_checker::ArticleDates>,
    claims: Vec<Claim>,
    /// The days its articles write, by country: the corpus's calendar.
    days: Vec<(String, chrono::NaiveDate)>,
    problems: Vec<InputProblem>,
    bad: bool,
}

fn located(path: &Path, text: &str, d: &Diagnostic) -> InputProblem {
    let place = match d.span {
        Some(s) => {
            let (l, c) = line_col(text, s.start);
            format!("{}:{l}:{c}", path.display())
        }
        None => path.display().to_string(),
    };
    InputProblem {
        severity: d.severity,
        message: format!("{place}: {}", d.message),
    }
}

fn read_file(path: &Path, extractor: &Extractor) -> FileResult {
    let bytes = match std::fs::read(path) {
        Ok(b) => b,
        Err(e) => {
            return FileResult {
                articles: Vec::new(),
                dates: Vec::new(),
                claims: Vec::new(),
                days: Vec::new(),
                problems: vec![InputProblem {
                    severity: Severity::Error,
                    message: format!("{}: cannot read: {e}", path.display()),
                }],
                bad: true,
            };
        }
    };
    let (articles, diagnostics, text) = if path.extension().is_some_and(|e| e == "jsonl") {
        let (articles, d) = parse_jsonl(&bytes);
        (articles, d, String::from_utf8_lossy(&bytes).into_owned())
    } else {
        let id = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let (article, d) = parse_seed(ArticleId(id), &bytes);
        let text = article.text.clone();
        (vec![article], d, text)
    };
    let mut problems: Vec<InputProblem> = diagnostics
        .iter()
        .map(|d| located(path, &text, d))
        .collect();
    let bad = diagnostics.iter().any(|d| d.severity == Severity::Error);
    let mut claims = Vec::new();
    let mut days = Vec::new();
    for a in &articles {
        let read = extractor.read(a);
        claims.extend(read.claims);
        days.extend(read.days);
        // What the reader says of an article (a language it has no lexicon for): located in
        // the file, or at the record's line for JSON Lines.
        problems.extend(read.diagnostics.iter().map(|d| match a.record_line {
            Some(line) => InputProblem {
                severity: d.severity,
                message: format!("{}:{line}: {}", path.display(), d.message),
            },
            None => located(path, &a.text, d),
        }));
    }
    let dates = articles
        .iter()
        .map(|a| recoupe_checker::ArticleDates {
            id: a.id.clone(),
            header: a.date,
            present: extractor.present_dates(a),
        })
        .collect();
    let shown = path.display().to_string();
    FileResult {
        days,
        dates,
        articles: articles
            .into_iter()
            .map(|a| recoupe_report::ArticleLocation {
                id: a.id,
                path: shown.clone(),
                line: a.record_line,
                text: a.text,
            })
            .collect(),
        claims,
        problems,
        bad,
    }
}

/// Reads, parses and extracts every file, in parallel; the result does not depend on the
/// number of threads.
pub fn read(files: &[PathBuf], extractor: &Extractor) -> Corpus {
    let results: Vec<FileResult> = files.par_iter().map(|f| read_file(f, extractor)).collect();
    let mut corpus = Corpus::default();
    let mut days = Vec::new();
    for r in results {
        days.extend(r.days);
        corpus.articles += r.articles.len();
        corpus.locations.extend(r.articles);
        corpus.dates.extend(r.dates);
        corpus.claims.extend(r.claims);
        corpus.problems.extend(r.problems);
        corpus.bad_files += usize::from(r.bad);
    }
    corpus.claims.sort_by(|a, b| a.id.cmp(&b.id));
    // Weekdays of month-dated articles, fixed by the days the corpus dates its figures on.
    let calendar = recoupe_extractor::calendar::Calendar::of(&corpus.claims, &days);
    calendar.refine(&mut corpus.claims);
    corpus.locations.sort_by(|a, b| a.id.cmp(&b.id));
    corpus.dates.sort_by(|a, b| a.id.cmp(&b.id));
    corpus
}
