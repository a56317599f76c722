//! What the checker concludes: timeline points, findings with their evidence, verdicts.

use std::fmt;

use recoupe_extractor::{Claim, ValueInterval, fmt_value};
use recoupe_parser::DayInterval;

use crate::MetricId;

/// The kind of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    /// Two figures cannot both be true.
    Contradiction,
    /// A running total grew between two surely ordered claims.
    Progression,
    /// A later, higher toll of one event: the figure was revised.
    Revision,
    /// Figures agree.
    Agreement,
    /// Too vague or undated to check.
    Uncheckable,
    /// Measures something else (a window far from the metric's start).
    NotComparable,
}

impl FindingKind {
    /// All kinds.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::Contradiction,
        FindingKind::Progression,
        FindingKind::Revision,
        FindingKind::Agreement,
        FindingKind::Uncheckable,
        FindingKind::NotComparable,
    ];

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            FindingKind::Contradiction => "contradiction",
            FindingKind::Progression => "progression",
            FindingKind::Revision => "revision",
            FindingKind::Agreement => "agreement",
            FindingKind::Uncheckable => "uncheckable",
            FindingKind::NotComparable => "not_comparable",
        }
    }
}

/// A conclusion about some claims of a metric, with one sentence saying why.
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    /// What it is.
    pub kind: FindingKind,
    /// The claims it rests on (indices into the claims given to [`crate::check`]).
    pub claims: Vec<usize>,
    /// Why, in one sentence.
    pub message: String,
}

/// A metric's overall verdict.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// At least one contradiction: fails CI.
    Contradiction,
    /// A running total progresses consistently.
    Progression,
    /// An event's toll was revised upward, consistently.
    Revision,
    /// The figures agree.
    Agreement,
    /// Only one usable figure: nothing to cross-check it with.
    Unconfirmed,
    /// Figures exist but none can be checked (vague, undated, date in doubt).
    Uncheckable,
    /// Every figure counts something else than the metric (a window far from `since`).
    NotComparable,
    /// No claim matched.
    NoClaims,
}

impl Verdict {
    /// All verdicts.
    pub const ALL: [Verdict; 8] = [
        Verdict::Contradiction,
        Verdict::Progression,
        Verdict::Revision,
        Verdict::Agreement,
        Verdict::Unconfirmed,
        Verdict::Uncheckable,
        Verdict::NotComparable,
        Verdict::NoClaims,
    ];

    /// The verdict named `name`.
    pub fn from_name(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|v| v.name() == name)
    }

    /// The name used in output.
    pub fn name(self) -> &'static str {
        match self {
            Verdict::Contradiction => "contradiction",
            Verdict::Progression => "progression",
            Verdict::Revision => "revision",
            Verdict::Agreement => "agreement",
            Verdict::Unconfirmed => "unconfirmed",
            Verdict::Uncheckable => "uncheckable",
            Verdict::NotComparable => "not_comparable",
            Verdict::NoClaims => "no_claims",
        }
    }
}

impl fmt::Display for Verdict {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Where a timeline point comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum PointOrigin {
    /// A claim of the metric itself.
    Claim,
    /// The sum of the parts' claims of one article at one as-of.
    Sum,
    /// One part's claim: a lower bound of the total.
    PartBound(MetricId),
}

/// One point of a metric's timeline: a claim, or figures derived from its parts.
#[derive(Debug, Clone, PartialEq)]
pub struct Point {
    /// The claims it stands for.
    pub claims: Vec<usize>,
    /// Values allowed.
    pub interval: ValueInterval,
    /// Nominal value.
    pub value: f64,
    /// When it holds.
    pub as_of: Option<DayInterval>,
    /// The running total's start, if known.
    pub window_start: Option<DayInterval>,
    /// How it was made.
    pub origin: PointOrigin,
    /// The figure as people read it ("au moins 102", "17 + 12").
    pub label: String,
}

impl Point {
    /// The point of one claim.
    pub fn of_claim(index: usize, claim: &Claim) -> Self {
        Point {
            claims: vec![index],
            interval: claim.interval,
            value: claim.value,
            as_of: claim.as_of,
            window_start: claim.window_start,
            origin: PointOrigin::Claim,
            label: claim.written.clone(),
        }
    }

    /// The claims of this point and then of `other`: the evidence of a finding about both.
    pub fn claims_with(&self, other: &Point) -> Vec<usize> {
        self.claims.iter().chain(&other.claims).copied().collect()
    }

    /// "«au moins 102» (001_fa3e…, 2023-12)".
    pub fn describe(&self, claims: &[Claim]) -> String {
        let articles: Vec<String> = self
            .claims
            .iter()
            .filter_map(|&i| claims.get(i))
            .map(|c| c.id.article.0.clone())
            .fold(Vec::new(), |mut v, a| {
                if !v.contains(&a) {
                    v.push(a);
                }
                v
            });
        let when = self.as_of.map_or("undated".to_owned(), |d| d.to_string());
        let via = match &self.origin {
            PointOrigin::PartBound(p) => format!(", part {p}"),
            _ => String::new(),
        };
        format!("«{}» ({}, {when}{via})", self.label, articles.join(", "))
    }
}

/// "[2 250, 2 750]" for messages.
pub(crate) fn show(i: ValueInterval) -> String {
    i.to_string()
}

/// "2 500" for messages.
pub(crate) fn num(v: f64) -> String {
    fmt_value((v * 10.0).round() / 10.0)
}
