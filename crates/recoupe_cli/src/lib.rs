//! `recoupe_cli` owns everything that touches the outside: arguments (clap), files, the
//! terminal and the exit status. It resolves arguments into a command's configuration, reads
//! the corpus and the rules, and hands plain data to the library crates.
//!
//! [`run`] is the whole program, callable in process by tests.

pub mod args;
pub mod commands;
pub mod corpus;
pub mod rules_dir;

use std::ffi::OsString;
use std::io::Write;
use std::path::PathBuf;

use clap::Parser;
use recoupe_parser::Severity;

use args::{Cli, Command, RulesCommand};
use commands::claims::ClaimsConfig;
use commands::report::ReportConfig;
use corpus::InputProblem;

/// The exit status: 0 clean, 1 contradictions found, 2 bad input or bad rules.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExitStatus {
    /// No contradiction.
    Clean,
    /// At least one contradiction.
    Contradictions,
    /// Bad input, bad rules, or an error.
    Failure,
}

impl ExitStatus {
    /// The process exit code.
    pub fn code(self) -> u8 {
        match self {
            ExitStatus::Clean => 0,
            ExitStatus::Contradictions => 1,
            ExitStatus::Failure => 2,
        }
    }
}

/// Prints input problems and a count; returns whether any was an error.
pub(crate) fn print_problems(
    problems: &[InputProblem],
    bad_files: usize,
    err: &mut dyn Write,
) -> std::io::Result<bool> {
    for p in problems {
        writeln!(err, "{}: {}", p.severity, p.message)?;
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    if errors > 0 {
        let unreadable = errors.saturating_sub(bad_files) + bad_files;
        writeln!(
            err,
            "recoupe: {unreadable} input problem{} (see above); what could be read was reported",
            if unreadable == 1 { "" } else { "s" }
        )?;
    }
    Ok(errors > 0)
}

/// Runs `recoupe` with `args` (the first is the program name), reading standard input when a
/// command needs it.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> ExitStatus
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    run_with_input(args, &mut std::io::stdin(), out, err)
}

/// [`run`] with standard input given.
pub fn run_with_input<I, T>(
    args: I,
    input: &mut dyn std::io::Read,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> ExitStatus
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(e) => {
            let status = if e.use_stderr() {
                ExitStatus::Failure
            } else {
                ExitStatus::Clean
            };
            let text = e.render().to_string();
            let _ = if e.use_stderr() {
                write!(err, "{text}")
            } else {
                write!(out, "{text}")
            };
            return status;
        }
    };
    // What gave each field is kept only where it is shown: it is most of a claim's memory.
    let explain = matches!(cli.command, Command::Claims { explain: true, .. });
    let extractor = match recoupe_extractor::Extractor::french() {
        Ok(x) => x.with_explanations(explain),
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            return ExitStatus::Failure;
        }
    };
    let default_paths = |paths: Vec<PathBuf>| {
        if paths.is_empty() {
            vec![PathBuf::from("seeds")]
        } else {
            paths
        }
    };
    let result = match cli.command {
        Command::Report(args) => {
            let config = ReportConfig {
                paths: default_paths(args.paths.clone()),
                rules: args.rules.clone().unwrap_or_else(|| PathBuf::from("rules")),
                args,
            };
            commands::report::run(&config, &extractor, input, out, err)
        }
        Command::Claims {
            paths,
            format,
            explain,
            input,
        } => {
            let config = ClaimsConfig {
                paths: default_paths(paths),
                format,
                explain,
                input,
            };
            commands::claims::run(&config, &extractor, out, err)
        }
        Command::Numbers { lines } => commands::numbers::run(input, lines, &extractor, out, err),
        Command::Dates { lines, reference } => {
            commands::dates::run(input, lines, reference.as_deref(), &extractor, out, err)
        }
        Command::Rules { command } => match command {
            RulesCommand::Check { dir } => commands::rules::check(
                &dir.unwrap_or_else(|| PathBuf::from("rules")),
                &extractor,
                out,
                err,
            ),
            RulesCommand::Explain {
                metric,
                paths,
                rules,
            } => commands::rules::explain(
                &metric,
                &default_paths(paths),
                &rules.unwrap_or_else(|| PathBuf::from("rules")),
                &extractor,
                out,
                err,
            ),
        },
        Command::Test { dir, coverage } => commands::test::run(
            &dir.unwrap_or_else(|| PathBuf::from("rules")),
            coverage,
            &extractor,
            out,
            err,
        ),
    };
    match result {
        Ok(status) => status,
        // A closed pipe (`recoupe report | head`) is not an error.
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitStatus::Clean,
        Err(e) => {
            let _ = writeln!(err, "error: {e}");
            ExitStatus::Failure
        }
    }
}
