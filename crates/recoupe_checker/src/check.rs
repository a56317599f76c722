//! Claims and rules to findings: match claims to metrics, set aside what cannot be checked,
//! run each metric's model, and list every claim no rule matched.

use recoupe_extractor::{Claim, Qualifier};

use crate::finding::{Finding, FindingKind, Point, PointOrigin, Verdict};
use crate::models;
use crate::rules::{Metric, Model, RuleSet};

/// What the checker concludes about one metric.
#[derive(Debug, Clone)]
pub struct MetricOutcome {
    /// Index into [`RuleSet::metrics`].
    pub metric: usize,
    /// The claims the metric matched, in timeline order (indices into the claims).
    pub claims: Vec<usize>,
    /// The timeline: its claims and the points its parts give, in order of as-of.
    pub points: Vec<Point>,
    /// Findings, contradictions first.
    pub findings: Vec<Finding>,
    /// The verdict.
    pub verdict: Verdict,
}

/// Everything the checker concludes.
#[derive(Debug, Clone, Default)]
pub struct Outcome {
    /// One per metric, in rule order.
    pub metrics: Vec<MetricOutcome>,
    /// Claims no metric matched, in input order.
    pub unmatched: Vec<usize>,
    /// Articles whose header date is in doubt.
    pub date_problems: Vec<crate::DateProblem>,
}

impl Outcome {
    /// How many contradiction findings there are.
    pub fn contradictions(&self) -> usize {
        self.metrics
            .iter()
            .flat_map(|m| &m.findings)
            .filter(|f| f.kind == FindingKind::Contradiction)
            .count()
    }
}

/// Timeline order: as-of (undated last), then article and offset.
type TimelineKey = (
    bool,
    Option<(chrono::NaiveDate, chrono::NaiveDate, chrono::NaiveDate)>,
    Option<recoupe_extractor::ClaimId>,
);

fn timeline_key(p: &Point, claims: &[Claim]) -> TimelineKey {
    let first = p
        .claims
        .first()
        .and_then(|&c| claims.get(c))
        .map(|c| c.id.clone());
    (
        p.as_of.is_none(),
        p.as_of.map(|d| (d.midpoint(), d.first, d.last)),
        first,
    )
}

/// Checks `claims` against `rules`; the claims of the articles in `date_problems` are not
/// used to order timelines. Deterministic: the result depends only on the order of `claims`,
/// which callers sort by article id and offset.
pub fn check(claims: &[Claim], rules: &RuleSet, date_problems: &[crate::DateProblem]) -> Outcome {
    let matched: Vec<Vec<usize>> = rules
        .metrics
        .iter()
        .map(|m| {
            (0..claims.len())
                .filter(|&c| m.matcher.matches(&claims[c]))
                .collect()
        })
        .collect();
    let unmatched = (0..claims.len())
        .filter(|&c| !matched.iter().any(|ids| ids.contains(&c)))
        .collect();
    let metrics = rules
        .metrics
        .iter()
        .enumerate()
        .map(|(mi, metric)| judge(mi, metric, rules, &matched, claims, date_problems))
        .collect();
    Outcome {
        metrics,
        unmatched,
        date_problems: date_problems.to_vec(),
    }
}

fn judge(
    mi: usize,
    metric: &Metric,
    rules: &RuleSet,
    matched: &[Vec<usize>],
    claims: &[Claim],
    date_problems: &[crate::DateProblem],
) -> MetricOutcome {
    let own = &matched[mi];
    let mut points: Vec<Point> = own
        .iter()
        .map(|&c| {
            let mut p = Point::of_claim(c, &claims[c]);
            p.interval = metric.qualifiers.interval(&claims[c]);
            p
        })
        .collect();
    let parts: Vec<(crate::MetricId, Vec<usize>)> = metric
        .parts
        .iter()
        .filter_map(|p| {
            rules
                .metrics
                .iter()
                .position(|m| &m.id == p)
                .map(|i| (p.clone(), matched[i].clone()))
        })
        .collect();
    let derived = if parts.is_empty() {
        Vec::new()
    } else {
        models::parts::derive(&parts, claims)
    };
    let mut findings = models::parts::check_sums(metric, &derived, &points, claims);
    points.extend(derived);
    points.sort_by_key(|p| timeline_key(p, claims));

    // Set aside what cannot be checked, saying why.
    let mut usable = Vec::new();
    for p in &points {
        let vague = p.claims.len() == 1
            && p.origin == PointOrigin::Claim
            && claims
                .get(p.claims[0])
                .is_some_and(|c| c.qualifier == Qualifier::Vague);
        if vague {
            findings.push(Finding {
                kind: FindingKind::Uncheckable,
                claims: p.claims.clone(),
                message: format!(
                    "{} is too vague to check: it only says {}",
                    p.describe(claims),
                    p.interval
                ),
            });
            continue;
        }
        let doubtful = p
            .claims
            .iter()
            .filter_map(|&c| claims.get(c))
            .any(|c| date_problems.iter().any(|d| d.article == c.id.article));
        if doubtful && metric.model != Model::Stable {
            findings.push(Finding {
                kind: FindingKind::Uncheckable,
                claims: p.claims.clone(),
                message: format!(
                    "{}: its article's date is in doubt, so it is not placed on the timeline",
                    p.describe(claims)
                ),
            });
            continue;
        }
        if metric.model == Model::Cumulative {
            if p.as_of.is_none() {
                findings.push(Finding {
                    kind: FindingKind::Uncheckable,
                    claims: p.claims.clone(),
                    message: format!("{} has no date to order it by", p.describe(claims)),
                });
                continue;
            }
            if let (Some(since), Some(w)) = (metric.since, p.window_start) {
                let gap = w.gap_days(recoupe_parser::DayInterval::day(since));
                if gap > metric.window_slack_days {
                    findings.push(Finding {
                        kind: FindingKind::NotComparable,
                        claims: p.claims.clone(),
                        message: format!(
                            "{} counts from {w}, {gap} days from the metric's start {} (more than {} days): it counts something else",
                            p.describe(claims),
                            since.format("%Y-%m-%d"),
                            metric.window_slack_days
                        ),
                    });
                    continue;
                }
            }
        }
        usable.push(p.clone());
    }
    findings.extend(models::run(metric, &usable, claims));
    // Contradictions first; within a kind, the models' order (a stable sort).
    findings.sort_by_key(|f| f.kind);

    let has = |k: FindingKind| findings.iter().any(|f| f.kind == k);
    let verdict = if has(FindingKind::Contradiction) {
        Verdict::Contradiction
    } else if has(FindingKind::Revision) {
        Verdict::Revision
    } else if has(FindingKind::Progression) {
        Verdict::Progression
    } else if usable.len() >= 2 {
        Verdict::Agreement
    } else if usable.len() == 1 {
        Verdict::Unconfirmed
    } else if points.is_empty() {
        Verdict::NoClaims
    } else if findings
        .iter()
        .all(|f| f.kind == FindingKind::NotComparable)
    {
        Verdict::NotComparable
    } else {
        Verdict::Uncheckable
    };
    MetricOutcome {
        metric: mi,
        claims: {
            let mut c = own.clone();
            c.sort_by_key(|&i| timeline_key(&Point::of_claim(i, &claims[i]), claims));
            c
        },
        points,
        findings,
        verdict,
    }
}
