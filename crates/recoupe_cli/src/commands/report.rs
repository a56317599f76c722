//! `recoupe report`: corpus and rules to a consistency report.

use std::io::{IsTerminal, Write};
use std::path::PathBuf;

use recoupe_extractor::Extractor;
use recoupe_report::Report;

use crate::args::{ColorChoice, InputArgs, ReportFormat};
use crate::rules_dir;
use crate::{ExitStatus, corpus, print_problems};

/// What `report` needs, resolved from the arguments.
pub struct ReportConfig {
    /// Article files and folders.
    pub paths: Vec<PathBuf>,
    /// Rules folder.
    pub rules: PathBuf,
    /// Output format.
    pub format: ReportFormat,
    /// Colour choice.
    pub color: ColorChoice,
    /// How the corpus is read.
    pub input: InputArgs,
}

/// Runs `report`.
pub fn run(
    config: &ReportConfig,
    extractor: &Extractor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    // Rules are validated before any work starts.
    let Some(rules) = rules_dir::load_or_report(&config.rules, extractor.lexicon(), err)? else {
        return Ok(ExitStatus::Failure);
    };
    let (files, mut problems) = corpus::collect(&config.paths, config.input.no_ignore);
    let corpus = corpus::read(&files, extractor, false);
    problems.extend(corpus.problems.iter().cloned());
    let date_problems = recoupe_checker::date_problems(&corpus.dates);
    let outcome = recoupe_checker::check(&corpus.claims, &rules, &date_problems);
    let report = Report {
        articles: corpus.articles,
        claims: &corpus.claims,
        rules: &rules,
        outcome: &outcome,
        locations: &corpus.locations,
        positions: &corpus::FilePositions::default(),
    };
    match config.format {
        ReportFormat::Text => {
            let color = match config.color {
                ColorChoice::Always => true,
                ColorChoice::Never => false,
                ColorChoice::Auto => {
                    std::io::stdout().is_terminal()
                        && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                }
            };
            recoupe_report::text::render(&report, out, color)?;
        }
        ReportFormat::Json => recoupe_report::json::render(&report, out)?,
        ReportFormat::Md => recoupe_report::markdown::render(&report, out)?,
        ReportFormat::Github => recoupe_report::github::render(&report, out)?,
        ReportFormat::Html => recoupe_report::html::render(&report, out)?,
    }
    // The report first, then the problems and the run's last line: stdout is buffered, and a
    // terminal shows both streams.
    out.flush()?;
    let bad = print_problems(&problems, corpus.bad_files, err)?;
    let n = rules.metrics.len();
    writeln!(
        err,
        "recoupe: {}, {n} rule{} loaded, 0 rejected",
        corpus.summary(),
        if n == 1 { "" } else { "s" }
    )?;
    Ok(
        if bad || (config.input.strict && corpus.skipped_files() > 0) {
            ExitStatus::Failure
        } else if outcome.contradictions() > 0 {
            ExitStatus::Contradictions
        } else {
            ExitStatus::Clean
        },
    )
}
