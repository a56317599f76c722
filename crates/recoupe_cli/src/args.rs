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
    /// Exit status: 0 no contradiction, 1 contradictions found, 2 bad input or bad rules.
    Report {
        /// Article files or folders (seed format `.txt`, JSON Lines `.jsonl`); default `seeds/`.
        paths: Vec<PathBuf>,
        /// Folder of rule files (`*.toml`, read recursively); default `rules/`.
        #[arg(long, value_name = "DIR")]
        rules: Option<PathBuf>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = ReportFormat::Text)]
        format: ReportFormat,
        /// When to use colours in text output.
        #[arg(long, value_enum, default_value_t = ColorChoice::Auto)]
        color: ColorChoice,
        /// How the corpus is read.
        #[command(flatten)]
        input: InputArgs,
    },
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
    /// For editors, tickets and pull requests.
    Md,
    /// GitHub Actions annotations: each contradicted claim at its place in its file.
    Github,
    /// One self-contained HTML page with a timeline chart per metric.
    Html,
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
    /// Colours on a terminal, unless `NO_COLOR` is set.
    Auto,
    /// Always.
    Always,
    /// Never.
    Never,
}
