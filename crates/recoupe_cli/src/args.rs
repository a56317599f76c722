//! Command-line arguments as clap parses them. [`crate::config`] resolves them into what a
//! command needs before any work starts.

use std::path::PathBuf;

use clap::{Parser, Subcommand, ValueEnum};

/// Cross-checks the figures in news articles against each other.
#[derive(Debug, Parser)]
#[command(name = "recoupe", version, about, long_about = None)]
pub struct Cli {
    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// How a corpus is read.
#[derive(Debug, Clone, Copy, Default, clap::Args)]
pub struct InputArgs {
    /// Read hidden files and files that `.gitignore`, `.ignore` or `.rgignore` exclude.
    #[arg(long)]
    pub no_ignore: bool,
    /// Exit with status 2 when any file is skipped (binary, empty, unreadable), not only warn.
    #[arg(long)]
    pub strict: bool,
}

/// The commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check the claims of a corpus against the rules and print a consistency report.
    ///
    /// Exit status: 0 nothing to fail on, 1 findings `--fail-on` fails on (new contradictions
    /// by default), 2 bad input or bad rules.
    Report(ReportArgs),
    /// List the claims read from a corpus.
    Claims {
        /// Article files or folders; default `seeds/`.
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ClaimsFormat::Table)]
        format: ClaimsFormat,
        /// Show which words gave each claim's qualifier, noun, places, time and source.
        #[arg(long)]
        explain: bool,
        /// How the corpus is read.
        #[command(flatten)]
        input: InputArgs,
    },
    /// Read text on standard input and print every number found, as JSON (`text`, `start`,
    /// `end`, `value`), one object a line.
    Numbers {
        /// Read each input line as a separate text and print one JSON array per line.
        #[arg(long)]
        lines: bool,
    },
    /// Read text on standard input and print every date found, as JSON (`text`, `start`,
    /// `end`, `kind`, `first`, `last`, `days`), one object a line.
    ///
    /// Relative dates ("hier", "lundi dernier", "il y a trois jours") are resolved against
    /// the reference day; a date the text does not fix to a day stays an interval of days.
    Dates {
        /// Read each input line as a separate text and print one JSON array per line.
        #[arg(long)]
        lines: bool,
        /// The day the text speaks from, `YYYY-MM-DD` (or `YYYY-MM` when only the month is
        /// known); default today (UTC).
        #[arg(long, value_name = "DATE")]
        reference: Option<String>,
    },
    /// Validate rules, or show what a metric matches.
    Rules {
        /// What to do with the rules.
        #[command(subcommand)]
        command: RulesCommand,
    },
    /// Run the cases rules ship (`[[case]]` in rule files): each is validated, missing an
    /// expected finding, or noisy with an unexpected one. Exit status 1 on any failure.
    Test {
        /// Folder of rule files; default `rules/`.
        dir: Option<PathBuf>,
        /// Also fail when a metric matched no claim in any case.
        #[arg(long)]
        coverage: bool,
    },
}

/// The arguments of `recoupe report`.
#[derive(Debug, Clone, clap::Args)]
pub struct ReportArgs {
    /// Article files or folders (seed format `.txt`, JSON Lines `.jsonl`); `-` reads JSON
    /// Lines on standard input; default `seeds/`.
    pub paths: Vec<PathBuf>,
    /// Folder of rule files (`*.toml`, read recursively); default `rules/`.
    #[arg(long, value_name = "DIR")]
    pub rules: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
    pub format: ReportFormat,
    /// Write the report to FILE instead of standard output.
    #[arg(short, long, value_name = "FILE")]
    pub output: Option<PathBuf>,
    /// One line per metric with its verdict, instead of the whole report (text only).
    #[arg(long)]
    pub summary: bool,
    /// What makes the exit status 1.
    #[arg(long, value_enum, default_value_t = FailOn::Contradiction)]
    pub fail_on: FailOn,
    /// Exit 0 whatever the findings (bad input and bad rules still exit 2).
    #[arg(long)]
    pub exit_zero: bool,
    /// Leave out the contradictions this baseline file knows, fail only on new ones, and
    /// list its entries that no longer match as resolved.
    #[arg(long, value_name = "FILE")]
    pub baseline: Option<PathBuf>,
    /// Write today's contradictions to FILE as a baseline (sorted JSON, for gating CI).
    #[arg(long, value_name = "FILE")]
    pub write_baseline: Option<PathBuf>,
    /// When to use colours in text output.
    #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
    pub color: ColorChoice,
    /// How the corpus is read.
    #[command(flatten)]
    pub input: InputArgs,
}

/// `recoupe rules …`
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Validate every rule file and list the metrics (exit status 2 on any error).
    Check {
        /// Folder of rule files; default `rules/`.
        dir: Option<PathBuf>,
    },
    /// Show which claims of a corpus a metric matches, and the near misses, key by key.
    Explain {
        /// The metric's id.
        metric: String,
        /// Article files or folders; default `seeds/`.
        paths: Vec<PathBuf>,
        /// Folder of rule files; default `rules/`.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
    },
}

/// Formats of `report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// For people, in a terminal.
    Text,
    /// For tools: schema `recoupe.report/1`.
    Json,
    /// For editors, tickets and pull requests (`md` for short).
    #[value(alias = "md")]
    Markdown,
    /// GitHub Actions annotations: each contradicted claim at its place in its file.
    Github,
    /// One self-contained HTML page with a timeline chart per metric.
    Html,
    /// SARIF 2.1.0 for code-scanning tools: one result per contradiction.
    Sarif,
}

impl ReportFormat {
    /// Whether people read it (a progress bar may show while it is made).
    pub fn for_people(self) -> bool {
        matches!(
            self,
            ReportFormat::Text | ReportFormat::Markdown | ReportFormat::Html
        )
    }
}

/// What makes `report` exit with status 1.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FailOn {
    /// A contradiction (new, with `--baseline`).
    Contradiction,
    /// A contradiction, a figure revised down, an out-of-date figure or a date problem.
    Any,
    /// Nothing: findings are reported, the status is 0.
    None,
}

/// Formats of `claims`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ClaimsFormat {
    /// An aligned table.
    Table,
    /// One JSON object a line: schema `recoupe.claim/1`.
    Jsonl,
}

/// Colour choice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// Colours on a terminal, unless `NO_COLOR` (or `CLICOLOR=0`) is set; `CLICOLOR_FORCE` forces them.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
