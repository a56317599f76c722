//! # event
//!
//! **What it checks.** The count of one event (the toll of an earthquake, the wounded of one
//! strike): reports of it agree, or a later report revises it upward. Two reports that cannot
//! both be true and were given at the same time contradict each other; a later, lower report
//! is revised down (`revised_down`): a source lowering its own count, or another giving less,
//! which a fact-checker must see but which is not two figures of the same moment.
//!
//! **Why.** "L'attaque de dimanche a fait 25 blessés" on Monday, then 34 on Tuesday from the
//! same command is a revision; 25 and 40 reported the same day by two sources contradict each
//! other; a UN agency that lowers its toll from 11 300 to 3 958 has revised it down, which a
//! fact-checker must see.
//!
//! **Which event.** With `event = { on = "2023-09-08", places = ["Maroc"] }` every claim
//! reported from that day on, in those places, counts that one event, whatever the day
//! precision of its article. Without it, claims are grouped by their event day (their as-of,
//! when it is one day) and places; a claim without one is uncheckable.
//!
//! **When a report was given.** Its as-of (from the event's first day on); a figure the text
//! gives as an earlier state ("un précédent bilan") precedes the article's own. Reports whose
//! days overlap are given at the same time, unless `reported_with` orders them: the toll each
//! was published with (632 dead, then 820, then 1 037 on the same Saturday) tells which bilan
//! it belongs to, and reports of one bilan are given at the same time.
//!
//! **Places.** Reports of the same places are compared; a figure for a place within another
//! (Derna in Libye) may not exceed the other's figure at the same time; places that are parts
//! of one whole (Derna and Benghazi in Libye) are not compared. Within an event the metric
//! names, places that share nothing (the golfe d'Aden where a ship was hit, the Yémen whose
//! rebels hit it) are two ways of placing the one event, and are compared as the same.
//!
//! **Rule keys read.** `event`, `reported_with`, `tolerance` (default 10 %), `match` (kinds
//! default to `event`, and `cumulative` too with `event`: a toll is often written as a
//! running total).
//!
//! **Limits.** Two events of the same day in the same places are taken for one without
//! `event`. A figure revised within one day without `reported_with` reads as two reports at
//! the same time.

use std::collections::BTreeMap;

use recoupe_extractor::ValueInterval;

use crate::finding::{Finding, FindingKind, Point, num, show};
use crate::{Claim, Metric};

/// Judges the usable points of an event metric.
pub(crate) fn check(metric: &Metric, points: &[Point], claims: &[Claim]) -> Vec<Finding> {
    let facts: Vec<Facts> = points.iter().map(|p| Facts::of(p, claims)).collect();
    let cx = Judged {
        metric,
        points,
        claims,
        facts: &facts,
    };
    if metric.event.is_some() {
        let all: Vec<usize> = (0..points.len()).collect();
        return judge(&cx, &all, true);
    }
    type Key = (chrono::NaiveDate, Vec<String>);
    let mut events: BTreeMap<Key, Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        let (Some(claim), Some(day)) = (first_claim(p, claims), p.as_of.filter(|d| d.is_day()))
        else {
            continue;
        };
        let mut places: Vec<String> = claim.places.iter().map(|p| p.to_string()).collect();
        places.sort();
        events.entry((day.first, places)).or_default().push(i);
    }
    events
        .values()
        .flat_map(|members| judge(&cx, members, false))
        .collect()
}

/// What the comparisons of two reports need of each, read once per report rather than once
/// per pair: a metric of many reports compares each with many others.
struct Facts {
    /// Its places, lower-cased, sorted, without repeats.
    places: Vec<String>,
    /// The places they lie within, the same way.
    within: Vec<String>,
    /// Who gave it, for messages and for telling sources apart.
    who: String,
}

impl Facts {
    fn of(p: &Point, claims: &[Claim]) -> Self {
        let set = |v: &[recoupe_extractor::Name]| {
            let mut v: Vec<String> = v.iter().map(|p| p.to_lowercase()).collect();
            v.sort();
            v.dedup();
            v
        };
        let c = first_claim(p, claims);
        Facts {
            places: c.map_or_else(Vec::new, |c| set(&c.places)),
            within: c.map_or_else(Vec::new, |c| set(&c.within)),
            who: who(p, claims),
        }
    }

    /// How the places of `self` relate to those of `other` (see [`scope`]).
    fn scope(&self, other: &Facts) -> Scope {
        let (px, py) = (&self.places, &other.places);
        if px == py {
            return Scope::Same;
        }
        if !py.is_empty() && py.iter().all(|p| self.within.contains(p)) {
            return Scope::Within;
        }
        if !px.is_empty() && px.iter().all(|p| other.within.contains(p)) {
            return Scope::Contains;
        }
        Scope::Other
    }

    /// Whether the places of the two, or what they lie within, have one in common (Derna and
    /// Benghazi, both in Libye).
    fn share_a_place(&self, other: &Facts) -> bool {
        let mine = || self.places.iter().chain(&self.within);
        mine().any(|p| other.places.contains(p) || other.within.contains(p))
    }
}

/// One metric's reports and what is read of each, for [`judge`].
struct Judged<'a> {
    metric: &'a Metric,
    points: &'a [Point],
    claims: &'a [Claim],
    facts: &'a [Facts],
}

fn first_claim<'a>(p: &Point, claims: &'a [Claim]) -> Option<&'a Claim> {
    p.claims.first().and_then(|&c| claims.get(c))
}

/// When two reports were given, one relative to the other.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum When {
    /// Surely earlier.
    Before,
    /// Surely at the same time: nothing but a contradiction explains two figures.
    Same,
    /// Their times overlap but neither order nor sameness is sure: a lower figure may be the
    /// earlier one.
    Unordered,
    /// Surely later.
    After,
}

/// When `a` was given relative to `b`: by their days; then by the toll they were published
/// with (the same toll is the same bilan, a lower toll an earlier one); then, within one
/// article, an earlier state before the article's own figure. Without a toll, reports are at
/// the same time when they are dated alike (the same day, or the same undated month).
pub(crate) fn when(a: &Point, b: &Point, claims: &[Claim]) -> When {
    if let (Some(x), Some(y)) = (a.when, b.when) {
        if x.surely_before(y) {
            return When::Before;
        }
        if y.surely_before(x) {
            return When::After;
        }
    }
    if let (Some(x), Some(y)) = (first_claim(a, claims), first_claim(b, claims))
        && x.id.article == y.id.article
        && x.previous != y.previous
    {
        return if x.previous {
            When::Before
        } else {
            When::After
        };
    }
    if let (Some(x), Some(y)) = (a.anchor, b.anchor) {
        if x.high.is_some_and(|h| h < y.low) {
            return When::Before;
        }
        if y.high.is_some_and(|h| h < x.low) {
            return When::After;
        }
        // "plus d'un millier" may stand for any bilan above a thousand.
        return if x.high.is_some() && y.high.is_some() {
            When::Same
        } else {
            When::Unordered
        };
    }
    if a.when == b.when {
        When::Same
    } else {
        When::Unordered
    }
}

/// How the places of two reports relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Scope {
    /// The same places.
    Same,
    /// The first lies within the second (Derna, Libye).
    Within,
    /// The second lies within the first.
    Contains,
    /// Places that cannot be compared.
    Other,
}

pub(crate) fn scope(a: &Point, b: &Point, claims: &[Claim]) -> Scope {
    Facts::of(a, claims).scope(&Facts::of(b, claims))
}

/// Whether `a` and `b` can both be true, given their scopes: the same figure when their
/// places are the same, a part no larger than its whole otherwise.
pub(crate) fn compatible(metric: &Metric, a: &Point, b: &Point, scope: Scope) -> bool {
    let wa = metric.tolerance.widen(a.rounded);
    let wb = metric.tolerance.widen(b.rounded);
    match scope {
        Scope::Same => wa.intersects(wb),
        Scope::Within => wa.low <= wb.high.unwrap_or(f64::INFINITY),
        Scope::Contains => wb.low <= wa.high.unwrap_or(f64::INFINITY),
        Scope::Other => true,
    }
}

/// Who gave a report, for messages: "ministère de l'Intérieur", or "no source named".
pub(crate) fn who(p: &Point, claims: &[Claim]) -> String {
    first_claim(p, claims)
        .and_then(|c| c.source)
        .map_or_else(|| "no source named".into(), |s| s.to_string())
}

/// Whether two reports come from the same kind of source (both unnamed counts as the same).
fn same_kind_of_source(a: &Point, b: &Point, claims: &[Claim]) -> bool {
    let (Some(x), Some(y)) = (first_claim(a, claims), first_claim(b, claims)) else {
        return false;
    };
    match (x.source_kind, y.source_kind) {
        (Some(k), Some(l)) => k == l,
        _ => x.source.is_some() && x.source == y.source,
    }
}

/// The bilan a report belongs to, for messages.
fn bilan(p: &Point) -> String {
    p.anchor
        .map_or(String::new(), |a| format!(" (published with {})", show(a)))
}

/// Judges the reports `members` of one event. Only an event the rule names (`named`) is
/// followed long enough for a figure to be revised down; without it, a day's count reported
/// lower later is a contradiction, as it always was.
fn judge(cx: &Judged<'_>, members: &[usize], named: bool) -> Vec<Finding> {
    let (metric, points, claims, facts) = (cx.metric, cx.points, cx.claims, cx.facts);
    let mut order = members.to_vec();
    order.sort_by(|&a, &b| {
        let key = |i: usize| {
            let p = &points[i];
            (
                p.when.map(|d| (d.first, d.last)),
                p.anchor.map(|a| a.low),
                first_claim(p, claims).map(|c| !c.previous),
            )
        };
        key(a)
            .partial_cmp(&key(b))
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| points[a].claims.cmp(&points[b].claims))
    });
    let mut out = Vec::new();
    let mut agreeing: Vec<(usize, usize)> = Vec::new();
    for (b, &j) in order.iter().enumerate() {
        let earlier = &order[..b];
        let pj = &points[j];
        // Reports whose order is unknown (an article known to its month against one known to
        // its day) are not set against each other: only reports of the same time conflict.
        let rel = |i: usize| when(&points[i], pj, claims);
        let sc = |i: usize| match facts[i].scope(&facts[j]) {
            Scope::Other if named && !facts[i].share_a_place(&facts[j]) => Scope::Same,
            s => s,
        };
        let describe = |i: usize| points[i].describe(claims);
        // Reported at the same time, they cannot both be true: named once against each
        // earlier source it conflicts with. Two figures whose digits are the same in another
        // order ("3 958" and "3 985") are one figure mistyped, whatever their places.
        let conflicts: Vec<usize> = earlier
            .iter()
            .copied()
            .filter(|&i| {
                rel(i) == When::Same
                    && (!compatible(metric, &points[i], pj, sc(i))
                        || transposed(points[i].value, pj.value))
            })
            .fold(Vec::new(), |mut kept: Vec<usize>, i| {
                if !kept.iter().any(|&k| facts[k].who == facts[i].who) {
                    kept.push(i);
                }
                kept
            });
        for &i in &conflicts {
            let pi = &points[i];
            let why = if transposed(pi.value, pj.value) {
                format!(
                    "reported at the same time{}, {} and {} are the same digits in another order: one of them is mistyped",
                    bilan(pj),
                    num(pi.value),
                    num(pj.value)
                )
            } else if sc(i) == Scope::Same {
                format!(
                    "reported at the same time{}, {} and {} do not meet even widened by {}",
                    bilan(pj),
                    show(pi.interval),
                    show(pj.interval),
                    metric.tolerance
                )
            } else {
                let (part, whole) = if sc(i) == Scope::Within {
                    (pi.interval, pj.interval)
                } else {
                    (pj.interval, pi.interval)
                };
                format!(
                    "reported at the same time{}, a part ({}) cannot exceed its whole ({})",
                    bilan(pj),
                    show(part),
                    show(whole)
                )
            };
            out.push(Finding {
                kind: FindingKind::Contradiction,
                claims: pi.claims_with(pj),
                message: format!(
                    "{} ({}) and {} ({}): {why}",
                    describe(i),
                    facts[i].who,
                    describe(j),
                    facts[j].who
                ),
            });
        }
        if !conflicts.is_empty() {
            continue;
        }
        let before: Vec<usize> = earlier
            .iter()
            .copied()
            .filter(|&i| rel(i) == When::Before && sc(i) == Scope::Same)
            .collect();
        // Reported later and lower.
        let higher_before = before
            .iter()
            .copied()
            .filter(|&i| !compatible(metric, &points[i], pj, Scope::Same))
            .filter(|&i| pj.rounded.low < points[i].rounded.low)
            .max_by(|&x, &y| points[x].rounded.low.total_cmp(&points[y].rounded.low));
        if let Some(i) = higher_before {
            let pi = &points[i];
            if !named {
                // Without a named event, a day's count reported lower later contradicts it.
                out.push(Finding {
                    kind: FindingKind::Contradiction,
                    claims: pi.claims_with(pj),
                    message: format!(
                        "{} then {}: the count of one event does not go down: {} reported {} after {} gave {}",
                        describe(i),
                        describe(j),
                        facts[j].who,
                        show(pj.interval),
                        facts[i].who,
                        show(pi.interval)
                    ),
                });
                continue;
            }
            // Only the kind of source that gave a figure can revise it down; another source
            // giving less for the same event says something that cannot also be true.
            let (kind, by) = if same_kind_of_source(pi, pj, claims) {
                (
                    FindingKind::RevisedDown,
                    format!("{} revised the figure down", facts[j].who),
                )
            } else {
                (
                    FindingKind::Contradiction,
                    format!(
                        "a later report ({}) gives less for the same event than another source ({}) did",
                        facts[j].who, facts[i].who
                    ),
                )
            };
            out.push(Finding {
                kind,
                claims: pi.claims_with(pj),
                message: format!(
                    "{} then {}: {by}, from {} to {}",
                    describe(i),
                    describe(j),
                    show(pi.interval),
                    show(pj.interval)
                ),
            });
            continue;
        }
        // A lower bound weaker than one already known.
        let stronger = before
            .iter()
            .copied()
            .filter(|&i| pj.interval.high.is_none() && points[i].interval.low > pj.interval.low)
            .max_by(|&x, &y| points[x].interval.low.total_cmp(&points[y].interval.low));
        if let Some(i) = stronger {
            let pi = &points[i];
            out.push(Finding {
                kind: FindingKind::Stale,
                claims: pi.claims_with(pj),
                message: format!(
                    "{} then {}: {} is below {} already known: an out-of-date figure, not a decrease",
                    describe(i),
                    describe(j),
                    show(pj.interval),
                    show(pi.interval)
                ),
            });
            continue;
        }
        // Reported later and higher: a revision, against the highest figure before it, unless
        // a report of the same time already gave it (then they agree).
        let given = earlier.iter().any(|&i| {
            rel(i) == When::Same
                && sc(i) == Scope::Same
                && compatible(metric, &points[i], pj, Scope::Same)
        });
        let latest = before
            .iter()
            .copied()
            .max_by(|&x, &y| points[x].rounded.low.total_cmp(&points[y].rounded.low));
        if let Some(i) = latest
            && !given
            && !compatible(metric, &points[i], pj, Scope::Same)
        {
            let pi = &points[i];
            let named = first_claim(pj, claims).is_some_and(|c| c.source.is_some());
            let who_j = &facts[j].who;
            let by = if !named {
                "a later report revised the figure upward".to_owned()
            } else if &facts[i].who == who_j {
                format!("{who_j} revised the figure upward")
            } else {
                format!("a later report ({who_j}) revised the figure upward")
            };
            out.push(Finding {
                kind: FindingKind::Revision,
                claims: pi.claims_with(pj),
                message: format!(
                    "{} → {}: {by}, from {} to {} ({})",
                    describe(i),
                    describe(j),
                    show(pi.interval),
                    show(pj.interval),
                    growth(pi.value, pj.value)
                ),
            });
            continue;
        }
        // What it agrees with.
        for &i in earlier {
            if matches!(rel(i), When::Same | When::Before | When::Unordered)
                && sc(i) == Scope::Same
                && compatible(metric, &points[i], pj, Scope::Same)
            {
                agreeing.push((i, j));
            }
        }
    }
    out.extend(agreements(metric, points, &order, &agreeing));
    out
}

/// Whether two whole figures of three digits or more are the same digits in another order.
pub(crate) fn transposed(a: f64, b: f64) -> bool {
    let digits = |v: f64| {
        if v.fract() != 0.0 || !(100.0..1e15).contains(&v) {
            return None;
        }
        let mut d: Vec<char> = format!("{}", v as u64).chars().collect();
        d.sort_unstable();
        Some(d)
    };
    a != b && digits(a).is_some() && digits(a) == digits(b)
}

fn growth(from: f64, to: f64) -> String {
    let d = to - from;
    if d >= 0.0 {
        format!("+{}", num(d))
    } else {
        num(d)
    }
}

/// One agreement finding per group of reports that all agree with one another: each report,
/// in order, joins the first group it agrees with wholly, else starts one.
fn agreements(
    metric: &Metric,
    points: &[Point],
    order: &[usize],
    pairs: &[(usize, usize)],
) -> Vec<Finding> {
    let pairs: rustc_hash::FxHashSet<(usize, usize)> = pairs.iter().copied().collect();
    let agree = |a: usize, b: usize| pairs.contains(&(a, b)) || pairs.contains(&(b, a));
    let mut groups: Vec<Vec<usize>> = Vec::new();
    for &i in order {
        match groups.iter_mut().find(|g| g.iter().all(|&j| agree(i, j))) {
            Some(g) => g.push(i),
            None => groups.push(vec![i]),
        }
    }
    groups
        .into_iter()
        .filter(|m| m.len() > 1)
        .map(|m| {
            let common = m.iter().fold(
                ValueInterval {
                    low: f64::MIN,
                    high: None,
                },
                |acc, &i| ValueInterval {
                    low: acc.low.max(points[i].interval.low),
                    high: match (acc.high, points[i].interval.high) {
                        (Some(a), Some(b)) => Some(a.min(b)),
                        (a, b) => a.or(b),
                    },
                },
            );
            let said = if common.high.is_none_or(|h| common.low <= h) {
                show(common)
            } else {
                format!("about {}", num(points[m[0]].value))
            };
            Finding {
                kind: FindingKind::Agreement,
                claims: m.iter().flat_map(|&i| points[i].claims.clone()).collect(),
                message: format!(
                    "{} reports agree on {said} (within {}): {}",
                    m.len(),
                    metric.tolerance,
                    m.iter()
                        .map(|&i| points[i].label.as_str())
                        .collect::<Vec<_>>()
                        .join(", ")
                ),
            }
        })
        .collect()
}
