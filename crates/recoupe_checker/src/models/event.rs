//! # event
//!
//! **What it checks.** The count of one event (the toll of one strike): every claim about the
//! same event (same day and same places) must agree, except that a toll may be revised upward
//! as days pass.
//!
//! **Why.** "L'attaque de dimanche a fait 25 blessés" on Monday, then 34 on Tuesday, then
//! "une quarantaine" on Wednesday from the same command is a revision; 25 and 40 reported the
//! same day by two sources contradict each other; a toll reported lower after a higher one
//! does too.
//!
//! **Example.** Claims are grouped by event day (their as-of, when it is one day) and places,
//! then ordered by the date of the article that reports them.
//!
//! **Rule keys read.** `tolerance` (default 10 %); `match` (kinds default to `event`).
//!
//! **Limits.** Two events of the same day in the same places are taken for one; an event
//! whose day is not known to the day cannot be identified and is uncheckable.

use std::collections::BTreeMap;

use crate::finding::{Finding, FindingKind, Point, show};
use crate::{Claim, Metric};

/// Judges the usable points of an event metric.
pub(crate) fn check(metric: &Metric, points: &[Point], claims: &[Claim]) -> Vec<Finding> {
    type Key = (chrono::NaiveDate, Vec<String>);
    let mut events: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, p) in points.iter().enumerate() {
        let Some(claim) = p.claims.first().and_then(|&c| claims.get(c)) else {
            continue;
        };
        match p.as_of.filter(|d| d.is_day()) {
            Some(day) => {
                let mut places = claim.places.clone();
                places.sort();
                events.entry((day.first, places)).or_default().push(i);
            }
            None => out.push(Finding {
                kind: FindingKind::Uncheckable,
                claims: p.claims.clone(),
                message: format!(
                    "{} has no event day to tell which event it counts",
                    p.describe(claims)
                ),
            }),
        }
    }
    for members in events.values() {
        // Order by when it was reported: the article's date, then position.
        let reported = |i: usize| {
            points[i]
                .claims
                .first()
                .and_then(|&c| claims.get(c))
                .and_then(|c| c.article_date)
                .map(|d| d.interval())
        };
        let mut order = members.clone();
        order.sort_by_key(|&i| {
            (
                reported(i).map(|d| (d.midpoint(), d.first)),
                points[i].claims.clone(),
            )
        });
        // Each report is compared with those before it: a contradiction is named once per
        // claim, against the first earlier report it conflicts with; a revision is named
        // between consecutive reports.
        for (b, &j) in order.iter().enumerate() {
            let before = &order[..b];
            let source = |k: usize| {
                points[k]
                    .claims
                    .first()
                    .and_then(|&c| claims.get(c))
                    .and_then(|c| c.source.clone())
            };
            let conflict = before.iter().copied().find(|&i| {
                let agree = metric
                    .tolerance
                    .widen(points[i].interval)
                    .intersects(points[j].interval);
                let later =
                    matches!((reported(i), reported(j)), (Some(x), Some(y)) if x.surely_before(y));
                let higher =
                    points[j].interval.low > points[i].interval.high.unwrap_or(f64::INFINITY);
                !(agree || later && higher)
            });
            let finding = if let Some(i) = conflict {
                let later =
                    matches!((reported(i), reported(j)), (Some(x), Some(y)) if x.surely_before(y));
                let why = if later {
                    format!(
                        "a toll does not go down: {} was reported after {}",
                        show(points[j].interval),
                        show(points[i].interval)
                    )
                } else {
                    format!(
                        "reported at the same time, {} and {} do not meet even widened by {}",
                        show(points[i].interval),
                        show(points[j].interval),
                        metric.tolerance
                    )
                };
                Some((FindingKind::Contradiction, i, why))
            } else if let Some(&i) = before.last() {
                let agree = metric
                    .tolerance
                    .widen(points[i].interval)
                    .intersects(points[j].interval);
                (!agree).then(|| {
                    let who = if source(i) == source(j) {
                        "the same source"
                    } else {
                        "a later report"
                    };
                    (
                        FindingKind::Revision,
                        i,
                        format!(
                            "{who} revised the toll upward, from {} to {}",
                            show(points[i].interval),
                            show(points[j].interval)
                        ),
                    )
                })
            } else {
                None
            };
            if let Some((kind, i, why)) = finding {
                let ids = points[i].claims_with(&points[j]);
                out.push(Finding {
                    kind,
                    claims: ids,
                    message: format!(
                        "{} and {}: {why}",
                        points[i].describe(claims),
                        points[j].describe(claims)
                    ),
                });
            }
        }
    }
    out
}
