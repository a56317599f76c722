//! `recoupe_report` owns output: one file per format, each taking the data and a writer and
//! knowing nothing of extraction or judgement beyond their results. The JSON formats go
//! through [`wire`], the versioned interface other tools read.

pub mod baseline;
mod chart;
pub mod claims_jsonl;
pub mod claims_table;
pub mod dates_json;
mod excerpt;
pub mod github;
pub mod html;
pub mod json;
pub mod markdown;
pub mod numbers_json;
pub mod sarif;
pub mod summary;
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

/// Every contradiction of `outcome`, with the index and the rule of the metric that found
/// it, in rule order.
pub fn contradictions<'a>(
    outcome: &'a Outcome,
    rules: &'a RuleSet,
) -> impl Iterator<
    Item = (
        usize,
        &'a recoupe_checker::Metric,
        &'a recoupe_checker::Finding,
    ),
> {
    outcome.metrics.iter().flat_map(move |m| {
        let rule = rules.metrics.get(m.metric);
        m.findings
            .iter()
            .filter(|f| f.kind == recoupe_checker::FindingKind::Contradiction)
            .filter_map(move |f| Some((m.metric, rule?, f)))
    })
}

impl Report<'_> {
    /// Where article `id` was read from.
    pub fn location(&self, id: &recoupe_parser::ArticleId) -> Option<&ArticleLocation> {
        self.locations
            .binary_search_by(|l| l.id.cmp(id))
            .ok()
            .and_then(|i| self.locations.get(i))
    }
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

/// How many points of one metric's timeline a report for people (text, Markdown, HTML) prints
/// before it summarises the middle: a metric of 100 000 claims reads as its first and last
/// reports and its findings, which are always complete. `--format json` has every point.
pub const TIMELINE_SHOWN: usize = 40;

/// How many unmatched claims a report for people lists; `recoupe claims` and `--format json`
/// list them all.
pub const UNMATCHED_SHOWN: usize = 200;

/// An item of a list as a report prints it: the item, or a line for those left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Shown<T> {
    /// An item printed.
    Item(T),
    /// How many items are left out here.
    Omitted(usize),
}

/// The items of `items` a report prints: all of them when there are at most `shown`, else the
/// first and the last halves, with one `Omitted` between them.
pub(crate) fn elide<T>(items: &[T], shown: usize) -> impl Iterator<Item = Shown<&T>> {
    let (head, omitted) = if items.len() <= shown {
        (items.len(), 0)
    } else {
        (shown.div_ceil(2), items.len() - shown)
    };
    let (first, rest) = items.split_at(head);
    let last = rest.get(omitted..).unwrap_or(&[]);
    first
        .iter()
        .map(Shown::Item)
        .chain((omitted > 0).then_some(Shown::Omitted(omitted)))
        .chain(last.iter().map(Shown::Item))
}

/// The unmatched claims a report for people lists (see [`UNMATCHED_SHOWN`]).
pub(crate) fn unmatched_shown<'a>(
    report: &Report<'a>,
) -> impl Iterator<Item = Shown<&'a Claim>> + use<'a> {
    let claims = report.claims;
    elide(&report.outcome.unmatched, UNMATCHED_SHOWN).filter_map(move |s| match s {
        Shown::Item(&i) => claims.get(i).map(Shown::Item),
        Shown::Omitted(n) => Some(Shown::Omitted(n)),
    })
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

/// Why a metric has no finding to show, for its verdict line, and the contradictions a
/// baseline left out of it.
pub(crate) fn verdict_reason(m: &recoupe_checker::MetricOutcome) -> String {
    let why = match m.verdict {
        _ if m.known > 0 => "",
        recoupe_checker::Verdict::Unconfirmed if m.usable == 1 => {
            " (one usable claim: nothing to cross-check it with)"
        }
        recoupe_checker::Verdict::Unconfirmed => " (no two usable claims could be compared)",
        recoupe_checker::Verdict::NoClaims => " (no claim matched this metric)",
        _ => "",
    };
    if m.known > 0 {
        format!(
            "{why} ({} known contradiction{} left out: in the baseline)",
            m.known,
            plural(m.known)
        )
    } else {
        why.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::{Shown, elide};

    #[test]
    fn long_lists_keep_their_ends() {
        let items: Vec<usize> = (0..10).collect();
        let shown: Vec<Shown<&usize>> = elide(&items, 4).collect();
        assert_eq!(
            shown,
            [
                Shown::Item(&0),
                Shown::Item(&1),
                Shown::Omitted(6),
                Shown::Item(&8),
                Shown::Item(&9)
            ]
        );
        assert_eq!(elide(&items[..4], 4).count(), 4);
        assert!(elide(&items[..4], 4).all(|s| matches!(s, Shown::Item(_))));
    }
}
