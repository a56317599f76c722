//! # stable
//!
//! **What it checks.** A level that every report should give alike: troops deployed, a
//! population. Claims agree when their value intervals, each widened by the metric's
//! tolerance, share a value.
//!
//! **Why.** "2 500", "quelque 2 500", "environ 2500" and "près de 2 500" are one figure
//! worded four ways; "2 500" and "4 000" are not.
//!
//! **Example.** `quelque 2 500` → [2 250, 2 750] and `environ 2500` → [2 250, 2 750]
//! agree; `3 500` → [3 500] widened by 10 % is [3 150, 3 850] and meets neither: it is
//! the outlier, and the consensus is named.
//!
//! **Rule keys read.** `tolerance` (default 10 %); `match` (kinds default to `level`).
//!
//! **Limits.** A level that really changed over time (a reinforcement) reads as a
//! contradiction: restrict the metric with `words` or split it by period.

use crate::finding::{Finding, FindingKind, Point, num, show};
use crate::{Claim, Metric};

/// Judges the points of a stable metric.
pub(crate) fn check(metric: &Metric, points: &[Point], claims: &[Claim]) -> Vec<Finding> {
    let widened: Vec<_> = points
        .iter()
        .map(|p| metric.tolerance.widen(p.interval))
        .collect();
    if points.len() < 2 {
        return Vec::new();
    }
    // The value most widened intervals share: the consensus. Ties go to the smaller value.
    let mut best: Option<(usize, f64)> = None;
    for w in &widened {
        let at = w.low;
        let n = widened.iter().filter(|x| x.contains(at)).count();
        if best.is_none_or(|(bn, bv)| n > bn || (n == bn && at < bv)) {
            best = Some((n, at));
        }
    }
    let Some((_, at)) = best else {
        return Vec::new();
    };
    let consensus: Vec<usize> = (0..points.len())
        .filter(|&i| widened[i].contains(at))
        .collect();
    let outliers: Vec<usize> = (0..points.len())
        .filter(|i| !consensus.contains(i))
        .collect();
    let consensus_claims: Vec<usize> = consensus
        .iter()
        .flat_map(|&i| points[i].claims.clone())
        .collect();
    // What the consensus says, as the common part of its raw intervals when there is one.
    let low = consensus
        .iter()
        .map(|&i| points[i].interval.low)
        .fold(f64::MIN, f64::max);
    let high = consensus
        .iter()
        .filter_map(|&i| points[i].interval.high)
        .fold(f64::MAX, f64::min);
    let said = if low <= high {
        if low == high {
            num(low)
        } else {
            format!("{}–{}", num(low), num(high))
        }
    } else {
        format!("about {}", num(at))
    };
    let mut out = Vec::new();
    if outliers.is_empty() {
        out.push(Finding {
            kind: FindingKind::Agreement,
            claims: consensus_claims,
            message: format!(
                "{} claims agree on {said} (within {}): {}",
                consensus.len(),
                metric.tolerance,
                consensus
                    .iter()
                    .map(|&i| points[i].label.as_str())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
        return out;
    }
    // Without a majority there is no consensus to name: the claims simply disagree.
    let majority = consensus.len() * 2 > points.len();
    for &o in &outliers {
        // Show the outlier against the consensus claim closest to it.
        let Some(&nearest) = consensus.iter().min_by(|&&a, &&b| {
            let d = |i: usize| (points[i].value - points[o].value).abs();
            d(a).total_cmp(&d(b))
        }) else {
            continue;
        };
        let ids = points[o].claims_with(&points[nearest]);
        let message = if majority {
            format!(
                "{} says {} but {} of {} claims agree on {said}: {} and {} do not meet even widened by {}",
                points[o].describe(claims),
                show(points[o].interval),
                consensus.len(),
                points.len(),
                show(points[o].interval),
                show(points[nearest].interval),
                metric.tolerance
            )
        } else {
            format!(
                "{} says {} and {} says {}: they do not meet even widened by {}, and no figure has a majority",
                points[o].describe(claims),
                show(points[o].interval),
                points[nearest].describe(claims),
                show(points[nearest].interval),
                metric.tolerance
            )
        };
        out.push(Finding {
            kind: FindingKind::Contradiction,
            claims: ids,
            message,
        });
    }
    if consensus.len() > 1 {
        out.push(Finding {
            kind: FindingKind::Agreement,
            claims: consensus_claims,
            message: format!(
                "{} claims agree on {said} (within {})",
                consensus.len(),
                metric.tolerance
            ),
        });
    }
    out
}
