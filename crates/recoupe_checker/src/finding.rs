//! What the checker concludes: timeline points, findings with their evidence, verdicts.

use std::fmt;

use recoupe_extractor::{Claim, ValueInterval, fmt_value};
use recoupe_parser::DayInterval;

use crate::MetricId;

/// The kind of a finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum FindingKind {
    /// Two figures cannot both be true: fails CI.
    Contradiction,
    /// A source gave a figure lower than one it, or its kind of source, gave earlier: a
    /// downward revision a fact-checker must see.
    RevisedDown,
    /// Series of different sources give incompatible figures for the same day (organisers
    /// and police): reported once a day, with the ratio; not a contradiction.
    Disagreement,
    /// A later, higher toll of one event: the figure was revised.
    Revision,
    /// A running total grew between two surely ordered claims.
    Progression,
    /// A lower bound weaker than one already known: out of date, not a decrease.
    Stale,
    /// Figures agree.
    Agreement,
    /// Too vague or undated to check.
    Uncheckable,
    /// Measures something else (a window far from the metric's start, another event).
    NotComparable,
}

impl FindingKind {
    /// All kinds.
    pub const ALL: [FindingKind; 9] = [
        FindingKind::Contradiction,
        FindingKind::RevisedDown,
        FindingKind::Disagreement,
        FindingKind::Revision,
        FindingKind::Progression,
        FindingKind::Stale,
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
            FindingKind::RevisedDown => "revised_down",
            FindingKind::Disagreement => "disagreement",
            FindingKind::Revision => "revision",
            FindingKind::Progression => "progression",
            FindingKind::Stale => "stale",
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

/// A metric's overall verdict: its most serious finding, or what kept it from having one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Verdict {
    /// At least one contradiction: fails CI.
    Contradiction,
    /// A source revised a figure down.
    RevisedDown,
    /// Sources counted differently (organisers and police), each consistent with itself.
    Disagreement,
    /// An event's toll was revised upward, consistently.
    Revision,
    /// A running total progresses consistently.
    Progression,
    /// Consistent, but a later lower bound is weaker than one already known.
    Stale,
    /// At least two figures were compared and they agree.
    Agreement,
    /// Usable figures, but none could be checked against another.
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
    pub const ALL: [Verdict; 11] = [
        Verdict::Contradiction,
        Verdict::RevisedDown,
        Verdict::Disagreement,
        Verdict::Revision,
        Verdict::Progression,
        Verdict::Stale,
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
            Verdict::RevisedDown => "revised_down",
            Verdict::Disagreement => "disagreement",
            Verdict::Revision => "revision",
            Verdict::Progression => "progression",
            Verdict::Stale => "stale",
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
    /// The values it stands for when compared: its interval, and for a round figure ("11
    /// 000", "2 millions") every value that rounds to it.
    pub rounded: ValueInterval,
    /// When it was reported, for the models that order reports (an event's).
    pub when: Option<DayInterval>,
    /// The figure it was published with, for `reported_with` (the toll of its bilan).
    pub anchor: Option<ValueInterval>,
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
            label: claim.written().to_owned(),
            rounded: rounded(claim),
            when: None,
            anchor: None,
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
            .map(|c| c.id.article.0.to_string())
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

/// The values a claim stands for when compared: its interval, and for an exact round figure
/// of a thousand or more every value that rounds to it ("11 000" is 10 500 to 11 500; "1,27
/// million" is 1 265 000 to 1 275 000). A figure written to the unit ("3 958") is exact.
pub fn rounded(claim: &Claim) -> ValueInterval {
    let v = claim.value;
    if claim.qualifier != recoupe_extractor::Qualifier::Exact
        || v < 1000.0
        || v.fract() != 0.0
        || v > 1e15
    {
        return claim.interval;
    }
    let mut unit = 1.0;
    while (v / (unit * 10.0)).fract() == 0.0 {
        unit *= 10.0;
    }
    if unit < 100.0 {
        return claim.interval;
    }
    ValueInterval {
        low: v - unit / 2.0,
        high: Some(v + unit / 2.0),
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
