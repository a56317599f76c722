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
    /// Where each article was read from, sorted by id.
    pub locations: Vec<recoupe_report::ArticleLocation>,
    /// The articles' texts, in the order of `locations`, when [`read`] was asked to keep them
    /// (`claims --explain` shows words by their spans); empty otherwise.
    pub texts: Vec<String>,
    /// What each article says about its own date.
    pub dates: Vec<recoupe_checker::ArticleDates>,
    /// Problems, in path order.
    pub problems: Vec<InputProblem>,
    /// Files with at least one error.
    pub bad_files: usize,
    /// Files read as articles.
    pub files_read: usize,
    /// Files skipped, by reason ("binary", "empty", "whitespace only", "unreadable").
    pub skipped: std::collections::BTreeMap<&'static str, usize>,
}

impl Corpus {
    /// How many files were skipped, for any reason.
    pub fn skipped_files(&self) -> usize {
        self.skipped.values().sum()
    }

    /// "12 files read, 2 skipped (1 binary, 1 empty), 12 articles, 340 claims": the part of a
    /// run's last line about its input.
    pub fn summary(&self) -> String {
        let s = |n: usize| if n == 1 { "" } else { "s" };
        let skipped = if self.skipped.is_empty() {
            "0 skipped".to_owned()
        } else {
            let reasons: Vec<String> = self
                .skipped
                .iter()
                .map(|(why, n)| format!("{n} {why}"))
                .collect();
            format!("{} skipped ({})", self.skipped_files(), reasons.join(", "))
        };
        format!(
            "{} file{} read, {skipped}, {} article{}, {} claim{}",
            self.files_read,
            s(self.files_read),
            self.articles,
            s(self.articles),
            self.claims.len(),
            s(self.claims.len())
        )
    }
}

/// The article files under `paths`: files as given (whatever their name), folders searched
/// recursively for `.txt` and `.jsonl` as ripgrep searches them: hidden files and what
/// `.gitignore`, `.ignore` and `.rgignore` exclude are left out unless `no_ignore`; symbolic
/// links are followed, a loop is reported once and not entered; a file reached by two paths is
/// read once. Sorted; non-UTF-8 names are shown lossily.
pub fn collect(paths: &[PathBuf], no_ignore: bool) -> (Vec<PathBuf>, Vec<InputProblem>) {
    let mut files = Vec::new();
    let mut problems = Vec::new();
    let mut loops = std::collections::BTreeSet::new();
    for p in paths {
        if p.is_dir() {
            let walker = ignore::WalkBuilder::new(p)
                .standard_filters(!no_ignore)
                .follow_links(true)
                .sort_by_file_path(|a, b| a.cmp(b))
                .build();
            for entry in walker {
                match entry {
                    Ok(e) => {
                        let path = e.path();
                        if e.file_type().is_some_and(|t| t.is_file())
                            && matches!(
                                path.extension().and_then(|x| x.to_str()),
                                Some("txt" | "jsonl")
                            )
                        {
                            files.push(path.to_path_buf());
                        }
                    }
                    Err(e) => {
                        let message = walk_error(&e);
                        if message.contains("symbolic link loop") {
                            if loops.insert(message.clone()) {
                                problems.push(InputProblem {
                                    severity: Severity::Warning,
                                    message,
                                });
                            }
                        } else {
                            problems.push(InputProblem {
                                severity: Severity::Error,
                                message,
                            });
                        }
                    }
                }
            }
        } else if p.is_file() {
            files.push(p.clone());
        } else {
            problems.push(InputProblem {
                severity: Severity::Error,
                message: format!("{}: no such file or folder", p.display()),
            });
        }
    }
    // One file reached by two paths (a link to it, a folder given twice) is read once, under
    // its first path in order.
    files.sort();
    let mut seen = std::collections::HashSet::new();
    files.retain(|f| seen.insert(std::fs::canonicalize(f).unwrap_or_else(|_| f.clone())));
    (files, problems)
}

/// A walking error as a message: "path: why".
fn walk_error(e: &ignore::Error) -> String {
    match e {
        ignore::Error::WithPath { path, err } => match err.as_ref() {
            ignore::Error::Loop { ancestor, child } => format!(
                "{}: symbolic link loop (back to {}): not followed",
                child.display(),
                ancestor.display()
            ),
            other => format!("{}: {}", path.display(), walk_error(other)),
        },
        ignore::Error::WithDepth { err, .. } | ignore::Error::WithLineNumber { err, .. } => {
            walk_error(err)
        }
        ignore::Error::Loop { ancestor, child } => format!(
            "{}: symbolic link loop (back to {}): not followed",
            child.display(),
            ancestor.display()
        ),
        other => other.to_string(),
    }
}

struct FileResult {
    articles: Vec<(recoupe_report::ArticleLocation, Option<String>)>,
    dates: Vec<recoupe_checker::ArticleDates>,
    claims: Vec<Claim>,
    /// The days its articles write, by country: the corpus's calendar.
    days: Vec<(String, chrono::NaiveDate)>,
    problems: Vec<InputProblem>,
    bad: bool,
    /// Why the file was not read, when it was not.
    skipped: Option<&'static str>,
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

impl FileResult {
    /// A file not read as an article: why, and how loudly.
    fn skipped(severity: Severity, message: String, reason: &'static str) -> Self {
        FileResult {
            articles: Vec::new(),
            dates: Vec::new(),
            claims: Vec::new(),
            days: Vec::new(),
            problems: vec![InputProblem { severity, message }],
            bad: severity == Severity::Error,
            skipped: Some(reason),
        }
    }
}

fn read_file(path: &Path, extractor: &Extractor, keep_texts: bool) -> FileResult {
    match std::fs::read(path) {
        Ok(bytes) => {
            let jsonl = path.extension().is_some_and(|e| e == "jsonl");
            read_bytes(path, bytes, jsonl, extractor, keep_texts)
        }
        Err(e) => FileResult::skipped(
            Severity::Error,
            format!("{}: cannot read: {e}", path.display()),
            "unreadable",
        ),
    }
}

/// The name standard input goes by in messages and reports.
pub const STDIN: &str = "<stdin>";

/// Reads the bytes of one input: a file's, or standard input's (`path` [`STDIN`]).
fn read_bytes(
    path: &Path,
    bytes: Vec<u8>,
    jsonl: bool,
    extractor: &Extractor,
    keep_texts: bool,
) -> FileResult {
    if let Some(why) = recoupe_parser::sniff(&bytes) {
        return FileResult::skipped(
            Severity::Warning,
            format!("{}: skipped: {}", path.display(), why.reason()),
            why.reason(),
        );
    }
    let (articles, diagnostics) = if jsonl {
        parse_jsonl(&bytes)
    } else {
        let id = path
            .file_stem()
            .map_or_else(String::new, |s| s.to_string_lossy().into_owned());
        let (article, d) = parse_seed(ArticleId::from(id), &bytes);
        (vec![article], d)
    };
    // Diagnostics point into the file: a JSON Lines file as read, a seed file as decoded.
    let lossy = jsonl.then(|| String::from_utf8_lossy(&bytes));
    let file_text = match (&lossy, articles.first()) {
        (Some(t), _) => t.as_ref(),
        (None, Some(a)) => a.text.as_str(),
        (None, None) => "",
    };
    let mut problems: Vec<InputProblem> = diagnostics
        .iter()
        .map(|d| located(path, file_text, d))
        .collect();
    let bad = diagnostics.iter().any(|d| d.severity == Severity::Error);
    // The file's bytes are not needed past its diagnostics: not held through extraction.
    drop(lossy);
    drop(bytes);
    let mut claims = Vec::new();
    let mut days = Vec::new();
    let mut dates = Vec::with_capacity(articles.len());
    for a in &articles {
        let read = extractor.read(a);
        dates.push(recoupe_checker::ArticleDates {
            id: a.id.clone(),
            header: a.date,
            present: read.present,
        });
        if claims.is_empty() {
            claims = read.claims;
        } else {
            claims.extend(read.claims);
        }
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
    FileResult {
        days,
        dates,
        articles: articles
            .into_iter()
            .map(|a| {
                let location = recoupe_report::ArticleLocation {
                    id: a.id,
                    file: path.to_path_buf(),
                    line: a.record_line,
                };
                (location, keep_texts.then_some(a.text))
            })
            .collect(),
        claims,
        problems,
        bad,
        skipped: None,
    }
}

/// How many files are read at once: their texts and claims are in memory together before the
/// claims join the corpus and the texts are dropped.
const FILES_IN_FLIGHT: usize = 512;

/// Reads, parses and extracts every file, in parallel, a bounded number at a time; the result
/// does not depend on the number of threads. The articles' texts are dropped once read,
/// unless `keep_texts`.
pub fn read(files: &[PathBuf], extractor: &Extractor, keep_texts: bool) -> Corpus {
    read_with(files, None, extractor, keep_texts, &|| {})
}

/// [`read`], with the JSON Lines of standard input (read after the files), calling `done`
/// as each file is read (a progress bar).
pub fn read_with(
    files: &[PathBuf],
    stdin: Option<Vec<u8>>,
    extractor: &Extractor,
    keep_texts: bool,
    done: &(dyn Fn() + Sync),
) -> Corpus {
    let mut corpus = Corpus::default();
    let mut days = Vec::new();
    let mut located = Vec::new();
    let from_stdin =
        stdin.map(|bytes| read_bytes(Path::new(STDIN), bytes, true, extractor, keep_texts));
    let chunks = files.chunks(FILES_IN_FLIGHT).map(|chunk| {
        chunk
            .par_iter()
            .map(|f| {
                let r = read_file(f, extractor, keep_texts);
                done();
                r
            })
            .collect::<Vec<FileResult>>()
    });
    for results in chunks.chain(from_stdin.map(|r| vec![r])) {
        for r in results {
            days.extend(r.days);
            corpus.articles += r.articles.len();
            located.extend(r.articles);
            corpus.dates.extend(r.dates);
            // The claims of a file are moved, not copied, when they are the first: a single
            // article of millions of figures is held once.
            if corpus.claims.is_empty() {
                corpus.claims = r.claims;
            } else {
                corpus.claims.extend(r.claims);
            }
            corpus.problems.extend(r.problems);
            corpus.bad_files += usize::from(r.bad);
            match r.skipped {
                Some(why) => *corpus.skipped.entry(why).or_default() += 1,
                None => corpus.files_read += 1,
            }
        }
    }
    // In place: ids are unique within a file, and files come in a fixed order, so the order
    // of equal ids (the same id in two files) is fixed too.
    corpus.claims.sort_unstable_by(|a, b| a.id.cmp(&b.id));
    corpus.claims.shrink_to_fit();
    // Weekdays of month-dated articles, fixed by the days the corpus dates its figures on.
    let calendar = recoupe_extractor::calendar::Calendar::of(&corpus.claims, &days);
    calendar.refine(&mut corpus.claims);
    located.sort_by(|a, b| a.0.id.cmp(&b.0.id));
    for (location, text) in located {
        corpus.locations.push(location);
        corpus.texts.extend(text);
    }
    corpus.dates.sort_by(|a, b| a.id.cmp(&b.id));
    corpus
}

/// Positions in the files of a corpus read without its texts: the few files a report points
/// at are read again, once each.
#[derive(Default)]
pub struct FilePositions {
    texts: std::cell::RefCell<std::collections::HashMap<PathBuf, Option<String>>>,
}

impl recoupe_report::Positions for FilePositions {
    fn line_col(
        &self,
        location: &recoupe_report::ArticleLocation,
        offset: usize,
    ) -> (usize, usize) {
        if let Some(line) = location.line {
            return (line, 1);
        }
        let mut texts = self.texts.borrow_mut();
        let text = texts.entry(location.file.clone()).or_insert_with(|| {
            // The text exactly as the article was read: decoded and parsed the same way.
            let bytes = std::fs::read(&location.file).ok()?;
            let (article, _) = parse_seed(location.id.clone(), &bytes);
            Some(article.text)
        });
        text.as_deref()
            .map_or((1, 1), |t| recoupe_parser::line_col(t, offset))
    }
}
