//! # parts
//!
//! **What it checks.** A total and its parts (`parts = ["attacks-iraq", "attacks-syria"]`):
//! the parts' figures from one article at one as-of add up to the total at that as-of.
//!
//! **Why.** "17 attaques en Irak et 12 en Syrie" is a total of 29; a report of 35 for the
//! same day contradicts it, a report of 29 agrees.
//!
//! **Example.** The sum stands in for a missing total on the total's timeline; a part
//! alone ("au moins 5 attaques en Irak") is a lower bound of the total.
//!
//! **Rule keys read.** `parts` (metric ids), the total's `tolerance`.
//!
//! **Limits.** Parts are summed only within one article and one as-of.

use std::collections::BTreeMap;

use recoupe_extractor::ValueInterval;
use recoupe_parser::DayInterval;

use crate::finding::{Finding, FindingKind, Point, PointOrigin, show};
use crate::{Claim, Metric, MetricId};

/// Points the parts give the total: sums where every part has a figure in one article at
/// one as-of, and lower bounds for the other part figures.
pub(crate) fn derive(parts: &[(MetricId, Vec<usize>)], claims: &[Claim]) -> Vec<Point> {
    type Key = (
        std::sync::Arc<str>,
        Option<(chrono::NaiveDate, chrono::NaiveDate)>,
    );
    let mut groups: BTreeMap<Key, Vec<(usize, usize)>> = BTreeMap::new();
    for (pi, (_, ids)) in parts.iter().enumerate() {
        for &c in ids {
            let claim = &claims[c];
            let key = (
                claim.id.article.0.clone(),
                claim.as_of.map(|d| (d.first, d.last)),
            );
            groups.entry(key).or_default().push((pi, c));
        }
    }
    let mut out = Vec::new();
    for members in groups.values() {
        let complete = (0..parts.len()).all(|pi| members.iter().any(|(p, _)| *p == pi));
        if complete && parts.len() > 1 {
            let chosen: Vec<usize> = (0..parts.len())
                .filter_map(|pi| members.iter().find(|(p, _)| *p == pi).map(|(_, c)| *c))
                .collect();
            let low = chosen.iter().map(|&c| claims[c].interval.low).sum();
            let high = chosen
                .iter()
                .map(|&c| claims[c].interval.high)
                .sum::<Option<f64>>();
            let first = &claims[chosen[0]];
            out.push(Point {
                claims: chosen.clone(),
                interval: ValueInterval { low, high },
                value: chosen.iter().map(|&c| claims[c].value).sum(),
                as_of: first.as_of,
                window_start: first.window_start,
                origin: PointOrigin::Sum,
                label: chosen
                    .iter()
                    .map(|&c| claims[c].written())
                    .collect::<Vec<_>>()
                    .join(" + "),
                rounded: ValueInterval { low, high },
                when: None,
                anchor: None,
            });
        } else {
            for &(pi, c) in members {
                let claim = &claims[c];
                out.push(Point {
                    claims: vec![c],
                    interval: ValueInterval {
                        low: claim.interval.low,
                        high: None,
                    },
                    value: claim.interval.low,
                    as_of: claim.as_of,
                    window_start: claim.window_start,
                    origin: PointOrigin::PartBound(parts[pi].0.clone()),
                    label: claim.written().to_owned(),
                    rounded: ValueInterval {
                        low: claim.interval.low,
                        high: None,
                    },
                    when: None,
                    anchor: None,
                });
            }
        }
    }
    out
}

fn same_as_of(a: Option<DayInterval>, b: Option<DayInterval>) -> bool {
    matches!((a, b), (Some(a), Some(b)) if a == b && a.is_day())
}

/// Compares each sum with the total's own claims at the same as-of (the same day, or the
/// same article).
pub(crate) fn check_sums(
    metric: &Metric,
    sums: &[Point],
    totals: &[Point],
    claims: &[Claim],
) -> Vec<Finding> {
    let mut out = Vec::new();
    for s in sums.iter().filter(|p| p.origin == PointOrigin::Sum) {
        for t in totals.iter().filter(|p| p.origin == PointOrigin::Claim) {
            let same_article = s
                .claims
                .first()
                .zip(t.claims.first())
                .is_some_and(|(a, b)| {
                    claims[*a].id.article == claims[*b].id.article
                        && claims[*a].as_of == claims[*b].as_of
                });
            if !(same_as_of(s.as_of, t.as_of) || same_article) {
                continue;
            }
            let agree = metric.tolerance.widen(s.interval).intersects(t.interval);
            let ids = t.claims_with(s);
            out.push(Finding {
                kind: if agree { FindingKind::Agreement } else { FindingKind::Contradiction },
                claims: ids,
                message: if agree {
                    format!("the parts {} add up to {}, which agrees with the total {}", s.describe(claims), show(s.interval), t.describe(claims))
                } else {
                    format!(
                        "the parts {} add up to {}, but the total {} says {}: they do not meet even widened by {}",
                        s.describe(claims),
                        show(s.interval),
                        t.describe(claims),
                        show(t.interval),
                        metric.tolerance
                    )
                },
            });
        }
    }
    out
}
