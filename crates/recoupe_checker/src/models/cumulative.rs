//! # cumulative
//!
//! **What it checks.** A running total since a start day (`since`): attacks since 17
//! October, wounded since the war began. It may grow, never shrink. Claims are ordered by
//! their as-of, an interval of days: when one is surely earlier than another, the later
//! one's upper bound must not be below the earlier one's lower bound. Every pair is
//! checked, not only neighbours.
//!
//! **Why.** "au moins 40" in November then "au moins 102" in December is a progression;
//! "24 blessés" on the 3rd then "21 blessés" on the 4th cannot both be right.
//!
//! **Example.** ≥ 5 (2023-10) → 29 (2023-11-03) → ≥ 102 (2023-12): progression, with the
//! growth and the rate per day between surely ordered claims. Two claims in the same month
//! have an unknown order: never a contradiction for each other.
//!
//! **Rule keys read.** `since`, `window_slack_days` (default 14: a claim whose window starts
//! further from `since` counts something else and is "not comparable"), `tolerance` is not
//! used; `match` (kinds default to `cumulative`).
//!
//! **Limits.** Pairwise ordering only: three claims with overlapping dates that no
//! non-decreasing curve can pass through are not yet detected.

use crate::finding::{Finding, FindingKind, Point, num, show};
use crate::{Claim, Metric};

/// Judges the usable points of a cumulative metric.
pub(crate) fn check(_metric: &Metric, points: &[Point], claims: &[Claim]) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut order: Vec<usize> = (0..points.len())
        .filter(|&i| points[i].as_of.is_some())
        .collect();
    order.sort_by_key(|&i| {
        (
            points[i].as_of.map(|d| (d.midpoint(), d.first, d.last)),
            points[i].claims.clone(),
        )
    });
    let mut contradicting: Vec<(usize, usize)> = Vec::new();
    for (a, &i) in order.iter().enumerate() {
        for &j in &order[a + 1..] {
            let (Some(di), Some(dj)) = (points[i].as_of, points[j].as_of) else {
                continue;
            };
            let (early, late) = if di.surely_before(dj) {
                (i, j)
            } else if dj.surely_before(di) {
                (j, i)
            } else {
                continue;
            };
            if let Some(high) = points[late].interval.high
                && high < points[early].interval.low
            {
                contradicting.push((early, late));
                let mut ids = points[early].claims.clone();
                ids.extend(points[late].claims.iter().copied());
                out.push(Finding {
                    kind: FindingKind::Contradiction,
                    claims: ids,
                    message: format!(
                        "{} then {}: a running total cannot go down, from {} to {}",
                        points[early].describe(claims),
                        points[late].describe(claims),
                        show(points[early].interval),
                        show(points[late].interval)
                    ),
                });
            }
        }
    }
    for pair in order.windows(2) {
        let (i, j) = (pair[0], pair[1]);
        let (Some(di), Some(dj)) = (points[i].as_of, points[j].as_of) else {
            continue;
        };
        if !di.surely_before(dj) || contradicting.contains(&(i, j)) {
            continue;
        }
        let growth = points[j].value - points[i].value;
        let days = (dj.midpoint() - di.midpoint()).num_days().max(1);
        let rate = growth / days as f64;
        let sign = if growth >= 0.0 { "+" } else { "" };
        let mut ids = points[i].claims.clone();
        ids.extend(points[j].claims.iter().copied());
        out.push(Finding {
            kind: FindingKind::Progression,
            claims: ids,
            message: format!(
                "{} → {}: {sign}{} in about {days} days ({} a day)",
                points[i].describe(claims),
                points[j].describe(claims),
                num(growth),
                num(rate)
            ),
        });
    }
    out
}
