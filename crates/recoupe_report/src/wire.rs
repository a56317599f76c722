//! The JSON interface: versioned output types, apart from the domain types, so the
//! internals can change without breaking the tools that read `recoupe`'s JSON.
//!
//! Schema `recoupe.report/1` (report) and `recoupe.claim/1` (one claim a line). Fields may be
//! added within a version; none is renamed or removed without a new version.

use serde::Serialize;

use recoupe_checker::{Finding, MetricOutcome, Point, PointOrigin};
use recoupe_extractor::Claim;

use crate::Report;

/// Version of the report schema.
pub const REPORT_SCHEMA: &str = "recoupe.report/1";
/// Version of the claim schema.
pub const CLAIM_SCHEMA: &str = "recoupe.claim/1";

/// A claim as JSON.
#[derive(Serialize)]
pub struct WireClaim<'a> {
    /// `article:offset`.
    pub id: String,
    /// Article id (file stem).
    pub article: &'a str,
    /// Byte offset of the number in the article's text.
    pub start: usize,
    /// End byte offset of the number.
    pub end: usize,
    /// The number as written.
    pub text: &'a str,
    /// Qualifier and number as written.
    pub written: &'a str,
    /// Value read.
    pub value: f64,
    /// Smallest value allowed.
    pub low: f64,
    /// Largest value allowed, `null` when unbounded.
    pub high: Option<f64>,
    /// exact | approx | nearly | at_least | more_than | at_most | less_than | range | vague.
    pub qualifier: &'static str,
    /// Lemma of the counted thing.
    pub noun: Option<&'a str>,
    /// Head noun when a participle changed what is counted.
    pub head: Option<&'a str>,
    /// The other things counted together with `noun` ("21 missiles et drones": ["drone"]);
    /// left out when it counts one thing.
    #[serde(skip_serializing_if = "<[recoupe_extractor::Name]>::is_empty")]
    pub counted_with: &'a [recoupe_extractor::Name],
    /// The places the figure covers, at the level the text names them ("Paris", "Al Haouz").
    pub places: &'a [recoupe_extractor::Name],
    /// The countries or regions of `places` ("France", "Maroc").
    pub countries: &'a [recoupe_extractor::Name],
    /// Every place the figure lies within ("Erbil", "Irak").
    pub within: &'a [recoupe_extractor::Name],
    /// What the text says happened to the counted thing, as a lemma ("blessé").
    pub predicate: Option<&'a str>,
    /// death | wounded | missing | displaced | evacuated | arrested | demonstrated |
    /// deployed | attacked | intercepted, when the predicate has a class.
    pub predicate_class: Option<&'static str>,
    /// EUR | USD | % | point | share, for money and shares; `null` for counts.
    pub unit: Option<&'static str>,
    /// The first actor, or `null`.
    pub actor: Option<&'a str>,
    /// All actors.
    pub actors: &'a [recoupe_extractor::Name],
    /// `YYYY-MM`, `YYYY-MM-DD`, or `YYYY-MM-DD..YYYY-MM-DD`.
    pub as_of: Option<String>,
    /// The day of the event it counts, when the text names it ("la crue du 14 mai"); same
    /// forms as `as_of`.
    pub event_date: Option<String>,
    /// When the text says the figure was given ("a déclaré jeudi soir"); same forms.
    pub reported: Option<String>,
    /// Same forms as `as_of`.
    pub window_start: Option<String>,
    /// The days the article may be from: its header, narrowed by the full dates its text
    /// writes when the header gives only a month. Same forms as `as_of`.
    pub article_date: Option<String>,
    /// cumulative | event | level | change.
    pub kind: &'static str,
    /// Whether it is a running total.
    pub cumulative: bool,
    /// Who gives it.
    pub source: Option<&'a str>,
    /// authorities | organisers | independent | international | ngo | military | media |
    /// company, when the lexicon can tell.
    pub source_kind: Option<&'static str>,
    /// Whether the text gives it as an earlier state ("un précédent bilan").
    pub previous: bool,
    /// The sentence.
    pub sentence: &'a str,
    /// Byte offset of the sentence.
    pub sentence_start: usize,
    /// End byte offset of the sentence.
    pub sentence_end: usize,
}

impl<'a> WireClaim<'a> {
    /// The wire form of `c`.
    pub fn new(c: &'a Claim) -> Self {
        WireClaim {
            id: c.id.to_string(),
            article: &c.id.article.0,
            start: c.number.start,
            end: c.number.end,
            text: c.text(),
            written: c.written(),
            value: c.value,
            low: c.interval.low,
            high: c.interval.high,
            qualifier: c.qualifier.name(),
            noun: c.noun.as_deref(),
            head: c.head.as_deref(),
            counted_with: &c.counted_with,
            places: &c.places,
            countries: &c.countries,
            within: &c.within,
            predicate: c.predicate.as_deref(),
            predicate_class: c.predicate_class.map(|p| p.name()),
            unit: c.unit.map(|u| u.name()),
            actor: c.actors.first().map(|a| a.as_str()),
            actors: &c.actors,
            as_of: c.as_of.map(|d| d.to_string()),
            event_date: c.event_date.map(|d| d.to_string()),
            reported: c.reported.map(|d| d.to_string()),
            window_start: c.window_start.map(|d| d.to_string()),
            article_date: c.article_days.map(|d| d.to_string()),
            kind: c.kind.name(),
            cumulative: c.is_cumulative(),
            source: c.source.as_deref(),
            source_kind: c.source_kind.map(|k| k.name()),
            previous: c.previous,
            sentence: &c.quote,
            sentence_start: c.sentence().start,
            sentence_end: c.sentence().end,
        }
    }
}

/// A list written as it is produced, never held whole: a report of a million claims is
/// serialised claim by claim.
pub struct Streamed<'a, T>(Box<dyn Fn() -> Box<dyn Iterator<Item = T> + 'a> + 'a>);

impl<'a, T> Streamed<'a, T> {
    /// The list `items` produces, each time it is serialised.
    pub fn new<I: Iterator<Item = T> + 'a>(items: impl Fn() -> I + 'a) -> Self {
        Streamed(Box::new(move || Box::new(items())))
    }
}

impl<T: Serialize> Serialize for Streamed<'_, T> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq((self.0)())
    }
}

/// The report as JSON.
#[derive(Serialize)]
pub struct WireReport<'a> {
    /// [`REPORT_SCHEMA`].
    pub schema: &'static str,
    /// Counts.
    pub summary: WireSummary,
    /// One per metric, in rule order.
    pub metrics: Streamed<'a, WireMetric<'a>>,
    /// Claims no metric matched.
    pub unmatched: Streamed<'a, WireClaim<'a>>,
    /// Articles whose header date is in doubt.
    pub date_problems: Vec<WireDateProblem<'a>>,
}

/// An article whose header date disagrees with its text.
#[derive(Serialize)]
pub struct WireDateProblem<'a> {
    /// Article id.
    pub article: &'a str,
    /// Its header date.
    pub header: String,
    /// The date its text gives for its present.
    pub text_date: String,
    /// What says so: `dateline`, `publication line`, `timestamp`, `present`, `weekday and day`.
    pub evidence: &'static str,
    /// Byte offset of that date in the article.
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Why.
    pub message: &'a str,
}

/// Counts of a run.
#[derive(Serialize)]
pub struct WireSummary {
    /// Articles read.
    pub articles: usize,
    /// Claims extracted.
    pub claims: usize,
    /// Metrics checked.
    pub metrics: usize,
    /// Contradiction findings.
    pub contradictions: usize,
    /// Claims no metric matched.
    pub unmatched: usize,
    /// Articles whose header date is in doubt.
    pub date_problems: usize,
}

/// A metric's outcome.
#[derive(Serialize)]
pub struct WireMetric<'a> {
    /// Id.
    pub id: &'a str,
    /// Title.
    pub title: &'a str,
    /// stable | cumulative.
    pub model: &'static str,
    /// "10%" or "±50".
    pub tolerance: String,
    /// Rule file.
    pub file: &'a str,
    /// contradiction | progression | agreement | unconfirmed | uncheckable | no_claims.
    pub verdict: &'static str,
    /// Its claims, in timeline order.
    pub claims: Streamed<'a, WireClaim<'a>>,
    /// Its timeline, with points derived from parts.
    pub timeline: Streamed<'a, WirePoint>,
    /// Findings, contradictions first.
    pub findings: Vec<WireFinding>,
    /// Contradictions a baseline knew, left out of `findings` (only with `--baseline`).
    #[serde(skip_serializing_if = "is_zero")]
    pub known_contradictions: usize,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// A timeline point.
#[derive(Serialize)]
pub struct WirePoint {
    /// claim | sum | part.
    pub origin: &'static str,
    /// For `part`, the part metric.
    pub part: Option<String>,
    /// The figure as written.
    pub label: String,
    /// Nominal value.
    pub value: f64,
    /// Smallest value.
    pub low: f64,
    /// Largest value or `null`.
    pub high: Option<f64>,
    /// When it holds.
    pub as_of: Option<String>,
    /// Claim ids.
    pub claims: Vec<String>,
}

/// A finding.
#[derive(Serialize)]
pub struct WireFinding {
    /// contradiction | progression | revision | agreement | uncheckable | not_comparable.
    pub kind: &'static str,
    /// Claim ids.
    pub claims: Vec<String>,
    /// Why.
    pub message: String,
    /// The claims' quotes, with where and when they were written and by whom.
    pub evidence: Vec<WireEvidence>,
}

/// One claim behind a finding.
#[derive(Serialize)]
pub struct WireEvidence {
    /// Claim id.
    pub claim: String,
    /// Article id.
    pub article: String,
    /// The article's header date.
    pub article_date: Option<String>,
    /// When the figure holds.
    pub as_of: Option<String>,
    /// Who gives it.
    pub source: Option<String>,
    /// The figure as written.
    pub written: String,
    /// Byte offset of the number in the article.
    pub start: usize,
    /// End byte offset of the number.
    pub end: usize,
    /// The sentence.
    pub quote: String,
}

fn ids(indices: &[usize], claims: &[Claim]) -> Vec<String> {
    indices
        .iter()
        .filter_map(|&i| claims.get(i))
        .map(|c| c.id.to_string())
        .collect()
}

fn point(p: &Point, claims: &[Claim]) -> WirePoint {
    let (origin, part) = match &p.origin {
        PointOrigin::Claim => ("claim", None),
        PointOrigin::Sum => ("sum", None),
        PointOrigin::PartBound(m) => ("part", Some(m.0.clone())),
    };
    WirePoint {
        origin,
        part,
        label: p.label.clone(),
        value: p.value,
        low: p.interval.low,
        high: p.interval.high,
        as_of: p.as_of.map(|d| d.to_string()),
        claims: ids(&p.claims, claims),
    }
}

fn finding(f: &Finding, claims: &[Claim]) -> WireFinding {
    WireFinding {
        kind: f.kind.name(),
        claims: ids(&f.claims, claims),
        message: f.message.clone(),
        evidence: f
            .claims
            .iter()
            .filter_map(|&i| claims.get(i))
            .map(|c| WireEvidence {
                claim: c.id.to_string(),
                article: c.id.article.0.to_string(),
                article_date: c.article_date.map(|d| d.to_string()),
                as_of: c.as_of.map(|d| d.to_string()),
                source: c.source.map(|s| s.to_string()),
                written: c.written().to_owned(),
                start: c.number.start,
                end: c.number.end,
                quote: c.quote.to_string(),
            })
            .collect(),
    }
}

fn metric<'a>(m: &'a MetricOutcome, report: &Report<'a>) -> Option<WireMetric<'a>> {
    let rule = report.rules.metrics.get(m.metric)?;
    let claims = report.claims;
    Some(WireMetric {
        id: &rule.id.0,
        title: &rule.title,
        model: rule.model.name(),
        tolerance: rule.tolerance.to_string(),
        file: &rule.file,
        verdict: m.verdict.name(),
        claims: Streamed::new(move || {
            m.claims
                .iter()
                .filter_map(move |&i| claims.get(i))
                .map(WireClaim::new)
        }),
        timeline: Streamed::new(move || m.points.iter().map(move |p| point(p, claims))),
        known_contradictions: m.known,
        findings: m
            .findings
            .iter()
            .map(|f| finding(f, report.claims))
            .collect(),
    })
}

impl<'a> WireReport<'a> {
    /// The wire form of `report`.
    pub fn new(report: &Report<'a>) -> Self {
        let report = *report;
        WireReport {
            schema: REPORT_SCHEMA,
            summary: WireSummary {
                articles: report.articles,
                claims: report.claims.len(),
                metrics: report.rules.metrics.len(),
                contradictions: report.outcome.contradictions(),
                unmatched: report.outcome.unmatched.len(),
                date_problems: report.outcome.date_problems.len(),
            },
            metrics: Streamed::new(move || {
                report
                    .outcome
                    .metrics
                    .iter()
                    .filter_map(move |m| metric(m, &report))
            }),
            unmatched: Streamed::new(move || {
                report
                    .outcome
                    .unmatched
                    .iter()
                    .filter_map(move |&i| report.claims.get(i))
                    .map(WireClaim::new)
            }),
            date_problems: report
                .outcome
                .date_problems
                .iter()
                .map(|d| WireDateProblem {
                    article: &d.article.0,
                    header: d.header.to_string(),
                    text_date: d.text_date.to_string(),
                    evidence: d.evidence.describe(),
                    start: d.span.start,
                    end: d.span.end,
                    message: &d.message,
                })
                .collect(),
        }
    }
}

/// A number read by `recoupe numbers`.
#[derive(Serialize)]
pub struct WireNumber<'a> {
    /// The number as written.
    pub text: &'a str,
    /// Byte offset in the input text (the line, with `--lines`).
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// Its value.
    pub value: f64,
}

impl<'a> WireNumber<'a> {
    /// The wire form of `n`.
    pub fn new(n: &'a recoupe_extractor::ReadNumber) -> Self {
        WireNumber {
            text: &n.text,
            start: n.span.start,
            end: n.span.end,
            value: n.value,
        }
    }
}

/// A date read by `recoupe dates`.
#[derive(Serialize)]
pub struct WireDate<'a> {
    /// The date as written.
    pub text: &'a str,
    /// Byte offset in the input text (the line, with `--lines`).
    pub start: usize,
    /// End byte offset.
    pub end: usize,
    /// `date` (one day, perhaps known only to an interval) or `period` (days from one to
    /// another).
    pub kind: &'static str,
    /// The first day it may be or covers, `YYYY-MM-DD`.
    pub first: String,
    /// The last day it may be or covers, `YYYY-MM-DD`.
    pub last: String,
    /// The days in short: `2023-05-14`, `2023-05` for a whole month, or `first..last`.
    pub days: String,
}

impl<'a> WireDate<'a> {
    /// The wire form of `d`.
    pub fn new(d: &'a recoupe_extractor::ReadDate) -> Self {
        WireDate {
            text: &d.text,
            start: d.span.start,
            end: d.span.end,
            kind: d.kind.as_str(),
            first: d.days.first.format("%Y-%m-%d").to_string(),
            last: d.days.last.format("%Y-%m-%d").to_string(),
            days: d.days.to_string(),
        }
    }
}
