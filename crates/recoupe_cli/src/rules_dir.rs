//! Reading the rule files of a folder: the only place that reads rules from disk.

use std::path::{Path, PathBuf};

use recoupe_checker::{RuleError, RuleSet};

/// Why rules could not be loaded.
pub enum RulesProblem {
    /// The folder is missing, unreadable or holds no rule file.
    Folder(String),
    /// The files have errors; all of them.
    Invalid(Vec<RuleError>),
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> std::io::Result<()> {
    for entry in std::fs::read_dir(dir)? {
        let path = entry?.path();
        if path.is_dir() {
            walk(&path, out)?;
        } else if path.extension().is_some_and(|e| e == "toml") {
            out.push(path);
        }
    }
    Ok(())
}

/// Loads every `*.toml` under `dir`, in path order, checking places and actors against
/// `lexicon`.
pub fn load(dir: &Path, lexicon: &recoupe_extractor::Lexicon) -> Result<RuleSet, RulesProblem> {
    if !dir.is_dir() {
        return Err(RulesProblem::Folder(format!(
            "rules folder `{}` does not exist",
            dir.display()
        )));
    }
    let mut paths = Vec::new();
    walk(dir, &mut paths).map_err(|e| {
        RulesProblem::Folder(format!("cannot read rules folder `{}`: {e}", dir.display()))
    })?;
    paths.sort();
    if paths.is_empty() {
        return Err(RulesProblem::Folder(format!(
            "no rule files (*.toml) in `{}`: a run without rules would check nothing",
            dir.display()
        )));
    }
    let mut files = Vec::new();
    for p in &paths {
        match std::fs::read_to_string(p) {
            Ok(text) => files.push((p.display().to_string(), text)),
            Err(e) => {
                return Err(RulesProblem::Folder(format!(
                    "cannot read `{}`: {e}",
                    p.display()
                )));
            }
        }
    }
    let vocabulary = recoupe_checker::Vocabulary::of(lexicon);
    let rules = recoupe_checker::load(&files, &vocabulary).map_err(RulesProblem::Invalid)?;
    if rules.metrics.is_empty() {
        return Err(RulesProblem::Folder(format!(
            "the rule files in `{}` define no `[[metric]]`",
            dir.display()
        )));
    }
    Ok(rules)
}

/// Loads rules, or prints why they cannot be used (every error) and returns `None`.
///
/// # Errors
/// Errors of the writer.
pub fn load_or_report(
    dir: &Path,
    lexicon: &recoupe_extractor::Lexicon,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Option<RuleSet>> {
    match load(dir, lexicon) {
        Ok(r) => Ok(Some(r)),
        Err(RulesProblem::Folder(message)) => {
            writeln!(err, "error: {message}")?;
            Ok(None)
        }
        Err(RulesProblem::Invalid(errors)) => {
            for e in &errors {
                writeln!(err, "{e}\n")?;
            }
            let files: std::collections::BTreeSet<&str> =
                errors.iter().map(|e| e.file.as_str()).collect();
            let s = |n: usize| if n == 1 { "" } else { "s" };
            writeln!(
                err,
                "recoupe: {} error{} in {} rule file{}; nothing was checked",
                errors.len(),
                s(errors.len()),
                files.len(),
                s(files.len())
            )?;
            Ok(None)
        }
    }
}
