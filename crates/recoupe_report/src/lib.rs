//! `recoupe_report` owns output: one file per format, each taking the data and a writer and
//! knowing nothing of extraction or judgement beyond their results. The JSON formats go
//! through [`wire`], the versioned interface other tools read.

pub mod claims_jsonl;
pub mod claims_table;
pub mod dates_json;
mod excerpt;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod numbers_json;
pub mod text;
pub mod wire;

pub use excerpt::excerpt;

use recoupe_checker::{Outcome, RuleSet};
use recoupe_extractor::Claim;

/// Where an article was read from, to point at its claims in the files (GitHub annotations).
/// It holds no text: a corpus of a million articles is not kept in memory for the few places a
/// report points at ([`Positions`] finds them).
#[derive(Debug, Clone)]
pub struct ArticleLocation {
    /// The article.
    pub id: recoupe_parser::ArticleId,
    /// The file, as given on the command line (shown lossily when its name is not UTF-8).
    pub file: std::path::PathBuf,
    /// For a JSON Lines record, its line in the file (its spans point into its text, not the
    /// file).
    pub line: Option<usize>,
}

/// Line and column (1-based) in its file of a byte offset of an article's text. The caller
/// knows how to get the text again (the command line re-reads the few files a report points
/// at); a report only asks.
pub trait Positions {
    /// Where byte `offset` of `location`'s article is in its file.
    fn line_col(&self, location: &ArticleLocation, offset: usize) -> (usize, usize);
}

/// Everything a report shows.
#[derive(Clone, Copy)]
pub struct Report<'a> {
    /// How many articles were read.
    pub articles: usize,
    /// All claims, sorted by article and offset.
    pub claims: &'a [Claim],
    /// The rules.
    pub rules: &'a RuleSet,
    /// The checker's conclusions.
    pub outcome: &'a Outcome,
    /// Where each article was read from, sorted by id.
    pub locations: &'a [ArticleLocation],
    /// Where offsets of the articles are in their files.
    pub positions: &'a dyn Positions,
}

impl std::fmt::Debug for Report<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Report")
            .field("articles", &self.articles)
            .field("claims", &self.claims.len())
            .field("metrics", &self.rules.metrics.len())
            .finish_non_exhaustive()
    }
}

/// "s" unless `n` is one, for counts in prose.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

/// The counts a report opens with: articles, claims, metrics, contradictions, unmatched
/// claims, each with its noun ("1 metric", "29 claims").
pub(crate) fn summary(report: &Report<'_>) -> [String; 5] {
    let count = |n: usize, noun: &str| format!("{n} {noun}{}", plural(n));
    [
        count(report.articles, "article"),
        count(report.claims.len(), "claim"),
        count(report.rules.metrics.len(), "metric"),
        count(report.outcome.contradictions(), "contradiction"),
        count(report.outcome.unmatched.len(), "unmatched claim"),
    ]
}

/// What a metric's rule adds to its model, for the line under its title: its event, its
/// series, the figure its claims are published with ("event 2023-09-08 in Maroc, series by
/// source, reported with quake-deaths"); empty when it has none of these.
pub(crate) fn model_extras(rule: &recoupe_checker::Metric) -> String {
    let mut out = Vec::new();
    if let Some(e) = &rule.event {
        if e.places.is_empty() {
            out.push(format!("event {}", e.days));
        } else {
            out.push(format!("event {} in {}", e.days, e.places.join(", ")));
        }
    }
    if let Some(s) = rule.series {
        out.push(format!("series by {}", s.name()));
    }
    if let Some(w) = &rule.reported_with {
        out.push(format!("reported with {w}"));
    }
    out.into_iter().map(|x| format!(", {x}")).collect()
}

/// Why a metric has no finding to show, for its verdict line.
pub(crate) fn verdict_reason(m: &recoupe_checker::MetricOutcome) -> &'static str {
    match m.verdict {
        recoupe_checker::Verdict::Unconfirmed if m.usable == 1 => {
            " (one usable claim: nothing to cross-check it with)"
        }
        recoupe_checker::Verdict::Unconfirmed => " (no two usable claims could be compared)",
        recoupe_checker::Verdict::NoClaims => " (no claim matched this metric)",
        _ => "",
    }
}
