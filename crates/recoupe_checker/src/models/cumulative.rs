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
//! Between surely ordered claims that do not contradict each other, a higher figure is a
//! progression, the same figure an agreement, and a lower one (a weaker bound: "au moins 120"
//! after "plus de 200") is stale: out of date, never a negative progression. Claims whose
//! days overlap agree when their values meet.
//!
//! **Rule keys read.** `since`, `window_slack_days` (default 14: a claim whose window starts
//! further from `since` counts something else and is "not comparable"), `tolerance` is not
//! used; `match` (kinds default to `cumulative`).
//!
//! Checking every pair is checking the whole timeline: a non-decreasing curve passes through
//! every claim's box (days × values) exactly when no pair is surely ordered the wrong way (a
//! property test below holds it against an exhaustive search).
//!
//! **Limits.** Days are the unit of time: two reports of the same day are never ordered.

use crate::finding::{Finding, FindingKind, Point, PointOrigin, num, show};
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
    // Each claim that goes below an earlier one is named once, against the surely earlier
    // claim with the highest lower bound: the strongest witness. Findings stay linear in the
    // number of claims however many pairs conflict.
    let mut contradicting: Vec<(usize, usize)> = Vec::new();
    for &late in &order {
        let (Some(dl), Some(high)) = (points[late].as_of, points[late].interval.high) else {
            continue;
        };
        let witness = order
            .iter()
            .copied()
            .filter(|&e| points[e].as_of.is_some_and(|de| de.surely_before(dl)))
            .filter(|&e| high < points[e].interval.low)
            .max_by(|&a, &b| {
                points[a]
                    .interval
                    .low
                    .total_cmp(&points[b].interval.low)
                    .then(b.cmp(&a))
            });
        let Some(early) = witness else { continue };
        contradicting.push((early, late));
        let others = order
            .iter()
            .filter(|&&e| {
                e != early
                    && points[e].as_of.is_some_and(|de| de.surely_before(dl))
                    && high < points[e].interval.low
            })
            .count();
        let more = match others {
            0 => String::new(),
            1 => " (and 1 other earlier claim)".to_owned(),
            n => format!(" (and {n} other earlier claims)"),
        };
        let ids = points[early].claims_with(&points[late]);
        out.push(Finding {
            kind: FindingKind::Contradiction,
            claims: ids,
            message: format!(
                "{} then {}: a running total cannot go down, from {} to {}{more}",
                points[early].describe(claims),
                points[late].describe(claims),
                show(points[early].interval),
                show(points[late].interval)
            ),
        });
    }
    // Each claim against the claim before it, when that one is surely earlier: higher is a
    // progression, the same an agreement, lower (without contradiction, a weaker bound) is
    // stale, and a stale claim passes the figure it is below to the next comparison.
    let mut agreeing: Vec<Vec<usize>> = Vec::new();
    let mut stronger_than: Vec<Option<usize>> = vec![None; points.len()];
    // (A total and the sum of its parts are checked by the parts, not here.)
    let own = |k: usize| points[k].origin == PointOrigin::Claim;
    for (b, &j) in order.iter().enumerate() {
        let Some(dj) = points[j].as_of else { continue };
        // Claims whose days overlap: unordered, they agree when their values meet.
        for &e in &order[..b] {
            let overlap = points[e].as_of.is_some_and(|de| de.overlaps(dj));
            if own(e) && own(j) && overlap && points[e].rounded.intersects(points[j].rounded) {
                join(&mut agreeing, e, j);
            }
        }
        let Some(&before) = b.checked_sub(1).and_then(|p| order.get(p)) else {
            continue;
        };
        let i = stronger_than[before].unwrap_or(before);
        let Some(di) = points[i].as_of else { continue };
        if !di.surely_before(dj) || contradicting.iter().any(|&(_, late)| late == j) {
            continue;
        }
        let growth = points[j].value - points[i].value;
        let ids = points[i].claims_with(&points[j]);
        if growth > 0.0 {
            let days = (dj.midpoint() - di.midpoint()).num_days().max(1);
            let rate = growth / days as f64;
            out.push(Finding {
                kind: FindingKind::Progression,
                claims: ids,
                message: format!(
                    "{} → {}: +{} in about {days} day{} ({} a day)",
                    points[i].describe(claims),
                    points[j].describe(claims),
                    num(growth),
                    if days == 1 { "" } else { "s" },
                    num(rate)
                ),
            });
        } else if growth == 0.0 {
            if own(i) && own(j) {
                join(&mut agreeing, i, j);
            }
        } else {
            stronger_than[j] = Some(i);
            out.push(Finding {
                kind: FindingKind::Stale,
                claims: ids,
                message: format!(
                    "{} then {}: {} is below {} already known: an out-of-date figure, not a decrease",
                    points[i].describe(claims),
                    points[j].describe(claims),
                    show(points[j].interval),
                    show(points[i].interval)
                ),
            });
        }
    }
    for group in agreeing.into_iter().filter(|g| g.len() > 1) {
        out.push(Finding {
            kind: FindingKind::Agreement,
            claims: group
                .iter()
                .flat_map(|&i| points[i].claims.clone())
                .collect(),
            message: format!(
                "{} claims agree: {}",
                group.len(),
                group
                    .iter()
                    .map(|&i| points[i].describe(claims))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        });
    }
    out
}

/// Puts `a` and `b` in one group of agreeing claims.
fn join(groups: &mut Vec<Vec<usize>>, a: usize, b: usize) {
    let ga = groups.iter().position(|g| g.contains(&a));
    let gb = groups.iter().position(|g| g.contains(&b));
    match (ga, gb) {
        (Some(x), Some(y)) if x != y => {
            let moved = groups.remove(x.max(y));
            groups[x.min(y)].extend(moved);
        }
        (Some(_), Some(_)) => {}
        (Some(x), None) => groups[x].push(b),
        (None, Some(y)) => groups[y].push(a),
        (None, None) => groups.push(vec![a, b]),
    }
    for g in groups.iter_mut() {
        g.sort_unstable();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::finding::PointOrigin;
    use chrono::NaiveDate;
    use proptest::prelude::*;
    use recoupe_extractor::ValueInterval;
    use recoupe_parser::DayInterval;

    fn point(first: u32, last: u32, low: f64, high: f64) -> Point {
        let d = |day: u32| NaiveDate::from_ymd_opt(2023, 10, day).unwrap_or_default();
        Point {
            claims: Vec::new(),
            interval: ValueInterval {
                low,
                high: Some(high),
            },
            value: low,
            as_of: Some(DayInterval::new(d(first), d(last))),
            window_start: None,
            origin: PointOrigin::Claim,
            label: String::new(),
            rounded: ValueInterval {
                low,
                high: Some(high),
            },
            when: None,
            anchor: None,
        }
    }

    /// The oracle: placing boxes one after another, the curve is at its latest the largest
    /// first day and at its lowest the largest lower bound placed so far, so whether a
    /// non-decreasing curve passes through all boxes is a search over subsets.
    fn curve_exists(points: &[Point]) -> bool {
        let n = points.len();
        let mut reachable = vec![false; 1 << n];
        reachable[0] = true;
        for mask in 0..(1usize << n) {
            if !reachable[mask] {
                continue;
            }
            let placed = || (0..n).filter(move |k| mask & (1 << k) != 0);
            let t = placed()
                .filter_map(|k| points[k].as_of.map(|d| d.first))
                .max();
            let v = placed()
                .map(|k| points[k].interval.low)
                .fold(f64::MIN, f64::max);
            for j in (0..n).filter(|j| mask & (1 << j) == 0) {
                let Some(d) = points[j].as_of else { continue };
                let time_ok = t.is_none_or(|t| t.max(d.first) <= d.last);
                let value_ok = points[j]
                    .interval
                    .high
                    .is_none_or(|h| v.max(points[j].interval.low) <= h);
                if time_ok && value_ok {
                    reachable[mask | (1 << j)] = true;
                }
            }
        }
        reachable[(1 << n) - 1]
    }

    #[test]
    fn a_curve_can_bend_through_overlapping_dates() {
        // 50 some day in October, 10 on the 5th, 100 on the 6th: 50 fits between them.
        let p = [
            point(1, 31, 50.0, 50.0),
            point(5, 5, 10.0, 10.0),
            point(6, 6, 100.0, 100.0),
        ];
        assert!(curve_exists(&p));
        assert!(
            check_points(&p)
                .iter()
                .all(|f| f.kind != FindingKind::Contradiction)
        );
    }

    fn check_points(points: &[Point]) -> Vec<Finding> {
        let rules = crate::load(
            &[(
                "t.toml".into(),
                "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"cumulative\"\nmatch = {}\n"
                    .into(),
            )],
            &crate::rules::Vocabulary::unchecked(),
        );
        let Ok(rules) = rules else {
            panic!("the test rule does not load: {rules:?}")
        };
        check(&rules.metrics[0], points, &[])
    }

    proptest! {
        /// No contradiction found exactly when a non-decreasing curve passes through every box.
        #[test]
        fn pairs_decide_the_whole_timeline(boxes in prop::collection::vec((1u32..20, 0u32..6, 0u32..50, 0u32..10), 1..6)) {
            let points: Vec<Point> = boxes
                .iter()
                .map(|&(a, w, l, h)| point(a, a + w, f64::from(l), f64::from(l + h)))
                .collect();
            let contradiction = check_points(&points).iter().any(|f| f.kind == FindingKind::Contradiction);
            prop_assert_eq!(!contradiction, curve_exists(&points));
        }
    }
}
