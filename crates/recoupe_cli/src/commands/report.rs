//! `recoupe report`: corpus and rules to a consistency report.

use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};

use recoupe_checker::FindingKind;
use recoupe_extractor::Extractor;
use recoupe_report::Report;
use recoupe_report::baseline::Baseline;

use crate::args::{ColorChoice, FailOn, ReportArgs, ReportFormat};
use crate::rules_dir;
use crate::{ExitStatus, corpus, print_problems};

/// What `report` needs, resolved from the arguments.
pub struct ReportConfig {
    /// Article files and folders; `-` is standard input.
    pub paths: Vec<PathBuf>,
    /// Rules folder.
    pub rules: PathBuf,
    /// The rest of the arguments, as given.
    pub args: ReportArgs,
}

/// Reads a baseline file, or says why it cannot.
fn read_baseline(path: &Path) -> Result<Baseline, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|e| format!("cannot read baseline {}: {e}", path.display()))?;
    Baseline::parse(&text).map_err(|e| format!("{}: not a baseline: {e}", path.display()))
}

/// A progress bar on standard error for a run over many files, when a person watches a
/// terminal: never in CI logs, when standard error is piped, or for formats tools read.
fn progress_bar(files: usize, format: ReportFormat) -> Option<indicatif::ProgressBar> {
    const MANY_FILES: usize = 200;
    let watched = std::io::stderr().is_terminal() && std::env::var_os("CI").is_none();
    if files < MANY_FILES || !format.for_people() || !watched {
        return None;
    }
    let bar = indicatif::ProgressBar::new(files as u64);
    let style = indicatif::ProgressStyle::with_template(
        "{bar:40} {pos}/{len} files · {elapsed} · {eta} left",
    )
    .ok()?;
    bar.set_style(style);
    Some(bar)
}

/// Runs `report`.
pub fn run(
    config: &ReportConfig,
    extractor: &Extractor,
    stdin: &mut dyn std::io::Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    if config.args.summary && config.args.format != ReportFormat::Text {
        writeln!(
            err,
            "error: --summary prints one line of text per metric; it cannot be combined with --format {}",
            clap::ValueEnum::to_possible_value(&config.args.format)
                .map_or_else(String::new, |v| v.get_name().to_owned())
        )?;
        return Ok(ExitStatus::Failure);
    }
    // Everything that can fail on the command line's own files fails before any work starts.
    let baseline = match config
        .args
        .baseline
        .as_deref()
        .map(read_baseline)
        .transpose()
    {
        Ok(b) => b,
        Err(message) => {
            writeln!(err, "error: {message}")?;
            return Ok(ExitStatus::Failure);
        }
    };
    let Some(rules) = rules_dir::load_or_report(&config.rules, extractor.lexicon(), err)? else {
        return Ok(ExitStatus::Failure);
    };
    let mut file = match &config.args.output {
        Some(path) => match std::fs::File::create(path) {
            Ok(f) => Some(std::io::BufWriter::new(f)),
            Err(e) => {
                writeln!(
                    err,
                    "error: cannot write the report to {}: {e}",
                    path.display()
                )?;
                return Ok(ExitStatus::Failure);
            }
        },
        None => None,
    };
    let from_stdin = config.paths.iter().any(|p| p.as_os_str() == "-");
    let paths: Vec<PathBuf> = config
        .paths
        .iter()
        .filter(|p| p.as_os_str() != "-")
        .cloned()
        .collect();
    let (files, mut problems) = corpus::collect(&paths, config.args.input.no_ignore);
    let stdin_bytes = if from_stdin {
        let mut bytes = Vec::new();
        stdin.read_to_end(&mut bytes)?;
        Some(bytes)
    } else {
        None
    };
    let bar = progress_bar(files.len(), config.args.format);
    let corpus = corpus::read_with(&files, stdin_bytes, extractor, false, &|| {
        if let Some(b) = &bar {
            b.inc(1);
        }
    });
    if let Some(b) = bar {
        b.finish_and_clear();
    }
    problems.extend(corpus.problems.iter().cloned());
    let date_problems = recoupe_checker::date_problems(&corpus.dates);
    let mut outcome = recoupe_checker::check(&corpus.claims, &rules, &date_problems);
    // Today's contradictions are the baseline to write, whatever a baseline read leaves out.
    let written = config.args.write_baseline.as_ref().map(|path| {
        let b = Baseline::of(&outcome, &rules, &corpus.claims);
        (
            path,
            b.contradictions.len(),
            std::fs::write(path, b.to_json()),
        )
    });
    let applied = baseline
        .as_ref()
        .map(|b| b.apply(&mut outcome, &rules, &corpus.claims));
    let report = Report {
        articles: corpus.articles,
        claims: &corpus.claims,
        rules: &rules,
        outcome: &outcome,
        locations: &corpus.locations,
        positions: &corpus::FilePositions::default(),
    };
    {
        let w: &mut dyn Write = match &mut file {
            Some(f) => f,
            None => out,
        };
        if config.args.summary {
            recoupe_report::summary::render(&report, w)?;
        } else {
            match config.args.format {
                ReportFormat::Text => {
                    let color = match config.args.color {
                        ColorChoice::Always => true,
                        ColorChoice::Never => false,
                        // A terminal, unless NO_COLOR, CLICOLOR=0 or TERM=dumb say otherwise
                        // (or CLICOLOR_FORCE says yes): anstream reads them as other tools do.
                        ColorChoice::Auto => {
                            config.args.output.is_none()
                                && anstream::AutoStream::choice(&std::io::stdout())
                                    != anstream::ColorChoice::Never
                        }
                    };
                    recoupe_report::text::render(&report, w, color)?;
                }
                ReportFormat::Json => recoupe_report::json::render(&report, w)?,
                ReportFormat::Markdown => recoupe_report::markdown::render(&report, w)?,
                ReportFormat::Github => recoupe_report::github::render(&report, w)?,
                ReportFormat::Html => recoupe_report::html::render(&report, w)?,
                ReportFormat::Sarif => recoupe_report::sarif::render(&report, w)?,
            }
        }
        // The report first, then the problems and the run's last line: stdout is buffered,
        // and a terminal shows both streams.
        w.flush()?;
    }
    let mut failed = false;
    if let Some((path, n, result)) = written {
        match result {
            Ok(()) => writeln!(
                err,
                "recoupe: baseline of {n} contradiction{} written to {}",
                if n == 1 { "" } else { "s" },
                path.display()
            )?,
            Err(e) => {
                writeln!(
                    err,
                    "error: cannot write the baseline to {}: {e}",
                    path.display()
                )?;
                failed = true;
            }
        }
    }
    if let (Some(applied), Some(path)) = (&applied, &config.args.baseline) {
        writeln!(
            err,
            "recoupe: baseline {}: {} known contradiction{} left out, {} resolved",
            path.display(),
            applied.known,
            if applied.known == 1 { "" } else { "s" },
            applied.resolved.len()
        )?;
        for k in &applied.resolved {
            writeln!(err, "  resolved: {} ({})", k.metric, k.claims.join(", "))?;
        }
    }
    let bad = print_problems(&problems, corpus.bad_files, err)?;
    let n = rules.metrics.len();
    writeln!(
        err,
        "recoupe: {}, {n} rule{} loaded, 0 rejected",
        corpus.summary(),
        if n == 1 { "" } else { "s" }
    )?;
    let fails = match config.args.fail_on {
        FailOn::Contradiction => outcome.contradictions() > 0,
        FailOn::Any => {
            !outcome.date_problems.is_empty()
                || outcome.metrics.iter().flat_map(|m| &m.findings).any(|f| {
                    matches!(
                        f.kind,
                        FindingKind::Contradiction | FindingKind::RevisedDown | FindingKind::Stale
                    )
                })
        }
        FailOn::None => false,
    };
    Ok(
        if failed || bad || (config.args.input.strict && corpus.skipped_files() > 0) {
            ExitStatus::Failure
        } else if fails && !config.args.exit_zero {
            ExitStatus::Contradictions
        } else {
            ExitStatus::Clean
        },
    )
}
