//! Claims and rules to findings: match claims to metrics, set aside what cannot be checked,
//! run each metric's model, and list every claim no rule matched.

use std::collections::BTreeMap;

use recoupe_extractor::{Claim, PredicateClass, Qualifier, ValueInterval};
use recoupe_parser::DayInterval;

use crate::finding::{Finding, FindingKind, Point, PointOrigin, Verdict, num};
use crate::models;
use crate::models::event::{Scope, When, compatible, scope, when};
use crate::rules::{Metric, Model, RuleSet, Series};

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
    /// How many of its points could be checked (not set aside as vague, undated or about
    /// something else).
    pub usable: usize,
    /// The verdict.
    pub verdict: Verdict,
    /// Contradictions a baseline knew, left out of `findings` (see
    /// [`MetricOutcome::retain_findings`]).
    pub known: usize,
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

/// A metric's verdict from its findings: its most serious one; else whether it had usable
/// points, points at all, or only points about something else.
fn verdict_of(findings: &[Finding], usable: usize, has_points: bool) -> Verdict {
    let has = |k: FindingKind| findings.iter().any(|f| f.kind == k);
    [
        (FindingKind::Contradiction, Verdict::Contradiction),
        (FindingKind::RevisedDown, Verdict::RevisedDown),
        (FindingKind::Disagreement, Verdict::Disagreement),
        (FindingKind::Revision, Verdict::Revision),
        (FindingKind::Progression, Verdict::Progression),
        (FindingKind::Stale, Verdict::Stale),
        (FindingKind::Agreement, Verdict::Agreement),
    ]
    .into_iter()
    .find(|(k, _)| has(*k))
    .map(|(_, v)| v)
    .unwrap_or(if usable > 0 {
        Verdict::Unconfirmed
    } else if !has_points {
        Verdict::NoClaims
    } else if findings
        .iter()
        .all(|f| f.kind == FindingKind::NotComparable)
    {
        Verdict::NotComparable
    } else {
        Verdict::Uncheckable
    })
}

impl MetricOutcome {
    /// Leaves out the contradictions `known` recognises, counting them in [`Self::known`], and
    /// judges the verdict again without them (a baseline's contradictions).
    pub fn leave_out_known(&mut self, mut known: impl FnMut(&Finding) -> bool) {
        let before = self.findings.len();
        self.findings
            .retain(|f| f.kind != FindingKind::Contradiction || !known(f));
        self.known += before - self.findings.len();
        self.verdict = verdict_of(&self.findings, self.usable, !self.points.is_empty());
    }
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

/// A set of places as an index key: lower-cased, sorted, without repeats.
fn place_key<S: AsRef<str>>(places: &[S]) -> Vec<String> {
    let mut key: Vec<String> = places.iter().map(|p| p.as_ref().to_lowercase()).collect();
    key.sort();
    key.dedup();
    key
}

/// Claims that share a set of places (or all claims), by day: dated ones sorted by their first
/// day, for looking up those a period may admit.
#[derive(Debug, Default)]
struct Bucket {
    /// (first day, claim), sorted. (Claims are counted in `u32`: a corpus of four billion
    /// claims is not read in one run.)
    dated: Vec<(chrono::NaiveDate, u32)>,
    /// The longest as-of of the bucket, in days: how far before a period a claim can start and
    /// still reach into it.
    longest: i64,
    /// Claims without an as-of: any period may admit them.
    undated: Vec<u32>,
}

impl Bucket {
    fn push(&mut self, i: usize, as_of: Option<DayInterval>) {
        match as_of {
            Some(d) => {
                self.dated.push((d.first, i as u32));
                self.longest = self.longest.max((d.last - d.first).num_days());
            }
            None => self.undated.push(i as u32),
        }
    }

    /// The claims `period` may admit (a superset: the matcher decides), undated ones first.
    fn candidates(&self, period: crate::rules::Period) -> impl Iterator<Item = usize> + '_ {
        // A claim starting after the period's end, or ending before its start, is out of it.
        let start = period
            .from
            .and_then(|f| f.checked_sub_signed(chrono::Duration::days(self.longest)))
            .map_or(0, |f| self.dated.partition_point(|&(d, _)| d < f));
        let end = period.to.map_or(self.dated.len(), |t| {
            self.dated.partition_point(|&(d, _)| d <= t)
        });
        let dated = self.dated.get(start..end.max(start)).unwrap_or(&[]);
        self.undated
            .iter()
            .map(|&i| i as usize)
            .chain(dated.iter().map(|&(_, i)| i as usize))
    }
}

/// Checks `claims` against `rules`; the claims of the articles in `date_problems` are not
/// used to order timelines. Deterministic: the result depends only on the order of `claims`,
/// which callers sort by article id and offset.
pub fn check(claims: &[Claim], rules: &RuleSet, date_problems: &[crate::DateProblem]) -> Outcome {
    // Claims by their set of places, and within it by day: a metric that names its places and
    // a period looks only at the claims of those places dated near that period, so that
    // matching a corpus against thousands of event rules is not claims × rules.
    let mut by_places: BTreeMap<Vec<String>, Bucket> = BTreeMap::new();
    let mut all = Bucket::default();
    // The bucket of all claims only when a rule names no places.
    let any_unplaced = rules
        .metrics
        .iter()
        .any(|m| m.matcher.exact_places().is_none());
    // Claims share a few place lists (interned): each list's key is made once, not per claim.
    let mut keys: rustc_hash::FxHashMap<recoupe_extractor::Names, Vec<String>> =
        rustc_hash::FxHashMap::default();
    for (i, c) in claims.iter().enumerate() {
        let key = keys
            .entry(c.places)
            .or_insert_with(|| place_key(&c.places[..]));
        match by_places.get_mut(key) {
            Some(b) => b.push(i, c.as_of),
            None => {
                let mut b = Bucket::default();
                b.push(i, c.as_of);
                by_places.insert(key.clone(), b);
            }
        }
        if any_unplaced {
            all.push(i, c.as_of);
        }
    }
    for b in by_places.values_mut().chain(std::iter::once(&mut all)) {
        b.dated.sort_unstable();
    }
    let matched: Vec<Vec<usize>> = rules
        .metrics
        .iter()
        .map(|m| {
            let bucket = match m.matcher.exact_places() {
                Some(places) => by_places.get(&place_key(places)),
                None => Some(&all),
            };
            let mut found: Vec<usize> = bucket
                .map(|b| b.candidates(m.matcher.period()))
                .into_iter()
                .flatten()
                .filter(|&c| m.matcher.matches(&claims[c]))
                .collect();
            found.sort_unstable();
            found
        })
        .collect();
    let mut is_matched = vec![false; claims.len()];
    for &c in matched.iter().flatten() {
        is_matched[c] = true;
    }
    let unmatched = (0..claims.len()).filter(|&c| !is_matched[c]).collect();
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
        let claim = p.claims.first().and_then(|&c| claims.get(c));
        let vague = p.claims.len() == 1
            && p.origin == PointOrigin::Claim
            && claim.is_some_and(|c| c.qualifier == Qualifier::Vague);
        let set_aside = |kind: FindingKind, why: String| Finding {
            kind,
            claims: p.claims.clone(),
            message: why,
        };
        if vague {
            findings.push(set_aside(
                FindingKind::Uncheckable,
                format!(
                    "{} is too vague to check: it only says {}",
                    p.describe(claims),
                    p.interval
                ),
            ));
            continue;
        }
        let doubtful = p
            .claims
            .iter()
            .filter_map(|&c| claims.get(c))
            .any(|c| date_problems.iter().any(|d| d.article == c.id.article));
        if doubtful && metric.model != Model::Stable {
            findings.push(set_aside(
                FindingKind::Uncheckable,
                format!(
                    "{}: its article's date is in doubt, so it is not placed on the timeline",
                    p.describe(claims)
                ),
            ));
            continue;
        }
        let mut p = p.clone();
        match metric.model {
            Model::Cumulative => {
                if p.as_of.is_none() {
                    findings.push(set_aside(
                        FindingKind::Uncheckable,
                        format!("{} has no date to order it by", p.describe(claims)),
                    ));
                    continue;
                }
                if let (Some(since), Some(w)) = (metric.since, p.window_start) {
                    let gap = w.gap_days(DayInterval::day(since));
                    if gap > metric.window_slack_days {
                        findings.push(set_aside(
                            FindingKind::NotComparable,
                            format!(
                                "{} counts from {w}, {gap} days from the metric's start {} (more than {} days): it counts something else",
                                p.describe(claims),
                                since.format("%Y-%m-%d"),
                                metric.window_slack_days
                            ),
                        ));
                        continue;
                    }
                }
            }
            Model::Event => match (&metric.event, claim) {
                (Some(event), Some(c)) => {
                    if !event.covers_places(c) {
                        findings.push(set_aside(
                            FindingKind::NotComparable,
                            format!(
                                "{} is about {}, not the event's {}",
                                p.describe(claims),
                                if c.places.is_empty() {
                                    "no place".to_owned()
                                } else {
                                    c.places.join(", ")
                                },
                                event.places.join(", ")
                            ),
                        ));
                        continue;
                    }
                    // An act whose text dates it to other days belongs to another event:
                    // "36 cibles" hit in a raid of February are not the raid of 12 January. (A
                    // toll's date may be the day it was given: it stays.)
                    if let Some(e) = c
                        .event_date
                        .filter(|e| e.last < event.days.first || e.first > event.days.last)
                        .filter(|_| c.predicate_class.is_some_and(PredicateClass::is_act))
                    {
                        findings.push(set_aside(
                            FindingKind::NotComparable,
                            format!(
                                "{} counts an event of {e}, not the event of {}",
                                p.describe(claims),
                                event.days
                            ),
                        ));
                        continue;
                    }
                    // When it was reported: its as-of, from the event's first day on; an
                    // earlier state of its article, any time up to the article's date.
                    let reported = if c.previous {
                        c.article_days
                    } else {
                        p.as_of.or(c.article_days)
                    };
                    match reported {
                        Some(d) if d.last < event.days.first => {
                            findings.push(set_aside(
                                FindingKind::NotComparable,
                                format!(
                                    "{} was reported on {d}, before the event of {}",
                                    p.describe(claims),
                                    event.days
                                ),
                            ));
                            continue;
                        }
                        Some(d) => {
                            let first = d.first.max(event.days.first);
                            p.when = Some(DayInterval::new(first, d.last.max(first)));
                        }
                        // No date of its own and none from its article (a missing or
                        // malformed date line): it cannot be placed in time.
                        None => {
                            findings.push(set_aside(
                                FindingKind::Uncheckable,
                                format!(
                                    "{} is undated (its article has no date): it cannot be placed in time",
                                    p.describe(claims)
                                ),
                            ));
                            continue;
                        }
                    }
                }
                _ => {
                    if !p.as_of.is_some_and(|d| d.is_day()) {
                        findings.push(set_aside(
                            FindingKind::Uncheckable,
                            format!(
                                "{} has no event day to tell which event it counts",
                                p.describe(claims)
                            ),
                        ));
                        continue;
                    }
                    // When it was given: the day its text says, else its article's.
                    p.when = claim.and_then(|c| c.reported.or(c.article_days));
                }
            },
            Model::Stable => {}
        }
        p.anchor = anchor_of(metric, rules, matched, mi, &p, claims);
        usable.push(p);
    }
    let judge = |usable: &[Point]| -> Vec<Finding> {
        match metric.series {
            None => models::run(metric, usable, claims),
            Some(Series::Source) => {
                let mut out = Vec::new();
                let series = series_of(usable, claims);
                for (name, members) in &series {
                    let pts: Vec<Point> = members.iter().map(|&i| usable[i].clone()).collect();
                    for mut f in models::run(metric, &pts, claims) {
                        f.message = format!("[{name}] {}", f.message);
                        out.push(f);
                    }
                }
                out.extend(disagreements(metric, usable, &series, claims));
                out
            }
        }
    };
    // Figures of different units (a count, a percentage, euros) are never set against each
    // other: a metric that matches several is judged unit by unit.
    let usable_count = usable.len();
    let mut by_unit: BTreeMap<&'static str, Vec<Point>> = BTreeMap::new();
    for p in usable {
        let unit = p
            .claims
            .first()
            .and_then(|&i| claims.get(i))
            .map_or("count", |c| c.unit.map_or("count", |u| u.name()));
        by_unit.entry(unit).or_default().push(p);
    }
    if by_unit.len() <= 1 {
        for pts in by_unit.values() {
            findings.extend(judge(pts));
        }
    } else {
        for (unit, pts) in &by_unit {
            for mut f in judge(pts) {
                f.message = format!("[{unit}] {}", f.message);
                findings.push(f);
            }
        }
    }
    // Contradictions first; within a kind, the models' order (a stable sort).
    findings.sort_by_key(|f| f.kind);

    let verdict = verdict_of(&findings, usable_count, !points.is_empty());
    MetricOutcome {
        metric: mi,
        claims: {
            let mut c = own.clone();
            c.sort_by_key(|&i| timeline_key(&Point::of_claim(i, &claims[i]), claims));
            c
        },
        points,
        findings,
        usable: usable_count,
        verdict,
        known: 0,
    }
}

/// The figure a point was published with, for a metric with `reported_with`: the claim of that
/// metric in the same article and sentence, else the nearest one before it in the article,
/// else the nearest after; of the same state (an earlier bilan's figure goes with the earlier
/// toll). A claim of the anchor metric itself is its own anchor.
fn anchor_of(
    metric: &Metric,
    rules: &RuleSet,
    matched: &[Vec<usize>],
    mi: usize,
    p: &Point,
    claims: &[Claim],
) -> Option<ValueInterval> {
    let with = metric.reported_with.as_ref()?;
    let ai = rules.metrics.iter().position(|m| &m.id == with)?;
    let claim = claims.get(*p.claims.first()?)?;
    if ai == mi {
        return Some(claim.interval);
    }
    let candidates: Vec<&Claim> = matched
        .get(ai)?
        .iter()
        .filter_map(|&c| claims.get(c))
        .filter(|c| c.id.article == claim.id.article && c.previous == claim.previous)
        .collect();
    let same_sentence = candidates.iter().find(|c| c.sentence() == claim.sentence());
    let before = candidates
        .iter()
        .filter(|c| c.id.offset < claim.id.offset)
        .max_by_key(|c| c.id.offset);
    let after = candidates
        .iter()
        .filter(|c| c.id.offset > claim.id.offset)
        .min_by_key(|c| c.id.offset);
    same_sentence.or(before).or(after).map(|c| c.interval)
}

/// The series of a `series = "source"` metric: each kind of source, or each source when its
/// kind is unknown, or the unattributed figures; by name, each with its points.
fn series_of(points: &[Point], claims: &[Claim]) -> BTreeMap<String, Vec<usize>> {
    let mut out: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (i, p) in points.iter().enumerate() {
        let c = p.claims.first().and_then(|&c| claims.get(c));
        let name = match c {
            Some(c) => match (c.source_kind, &c.source) {
                (Some(k), _) => k.name().to_owned(),
                (None, Some(s)) => s.to_string(),
                (None, None) => "unattributed".to_owned(),
            },
            None => "unattributed".to_owned(),
        };
        out.entry(name).or_default().push(i);
    }
    out
}

/// The gap between series on the same day and places: once a day, every series' figure and
/// the ratio of the highest to the lowest, when two series cannot both be right.
fn disagreements(
    metric: &Metric,
    points: &[Point],
    series: &BTreeMap<String, Vec<usize>>,
    claims: &[Claim],
) -> Vec<Finding> {
    let names: Vec<(&String, &Vec<usize>)> = series.iter().collect();
    // Days (and places) on which two series disagree, with the points involved.
    type Key = (String, String);
    let mut days: BTreeMap<Key, Vec<(usize, usize)>> = BTreeMap::new();
    for (a, (_, pa)) in names.iter().enumerate() {
        for (_, pb) in names.iter().skip(a + 1) {
            for &i in pa.iter() {
                for &j in pb.iter() {
                    let (x, y) = (&points[i], &points[j]);
                    // A named event: reports of the same time; otherwise, the same day.
                    let same_day = matches!(
                        (x.as_of, y.as_of),
                        (Some(d), Some(e)) if d == e && d.is_day()
                    );
                    let same_time = match (metric.model, &metric.event) {
                        (Model::Event, Some(_)) => when(x, y, claims) == When::Same,
                        _ => same_day,
                    };
                    if !same_time || scope(x, y, claims) != Scope::Same {
                        continue;
                    }
                    if compatible(metric, x, y, Scope::Same) {
                        continue;
                    }
                    let day = x
                        .as_of
                        .filter(|d| d.is_day())
                        .or(y.as_of)
                        .map_or("undated".to_owned(), |d| d.to_string());
                    let place = x
                        .claims
                        .first()
                        .and_then(|&c| claims.get(c))
                        .map_or(String::new(), |c| c.places.join(", "));
                    days.entry((day, place)).or_default().push((i, j));
                }
            }
        }
    }
    let series_name = |i: usize| {
        names
            .iter()
            .find(|(_, m)| m.contains(&i))
            .map_or("", |(n, _)| n.as_str())
    };
    days.into_iter()
        .map(|((day, place), pairs)| {
            let mut involved: Vec<usize> = pairs.iter().flat_map(|&(i, j)| [i, j]).collect();
            involved.sort_unstable();
            involved.dedup();
            // Each series once, with its figures, highest first.
            let mut by_series: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
            for &i in &involved {
                by_series.entry(series_name(i)).or_default().push(i);
            }
            let mut parts: Vec<(f64, String)> = by_series
                .iter()
                .map(|(name, members)| {
                    let value = members
                        .iter()
                        .map(|&i| points[i].value)
                        .fold(f64::MIN, f64::max);
                    let who: Vec<String> = members
                        .iter()
                        .filter_map(|&i| points[i].claims.first().and_then(|&c| claims.get(c)))
                        .filter_map(|c| c.source.map(|s| s.to_string()))
                        .fold(Vec::new(), |mut v, s| {
                            if !v.contains(&s) {
                                v.push(s);
                            }
                            v
                        });
                    let labels: Vec<String> = members
                        .iter()
                        .map(|&i| points[i].describe(claims))
                        .collect();
                    let who = if who.is_empty() {
                        String::new()
                    } else {
                        format!(" ({})", who.join(", "))
                    };
                    (value, format!("{name}{who} {}", labels.join(", ")))
                })
                .collect();
            parts.sort_by(|a, b| b.0.total_cmp(&a.0));
            let high = parts.first().map_or(0.0, |p| p.0);
            let low = parts.last().map_or(0.0, |p| p.0);
            let ratio = if low > 0.0 {
                format!(": ×{}", num(((high / low) * 10.0).round() / 10.0))
            } else {
                String::new()
            };
            let place = if place.is_empty() {
                String::new()
            } else {
                format!(" in {place}")
            };
            Finding {
                kind: FindingKind::Disagreement,
                claims: involved
                    .iter()
                    .flat_map(|&i| points[i].claims.clone())
                    .collect(),
                message: format!(
                    "on {day}{place}, sources disagree: {}{ratio}",
                    parts
                        .into_iter()
                        .map(|(_, s)| s)
                        .collect::<Vec<_>>()
                        .join(" vs ")
                ),
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::Period;

    fn day(s: &str) -> chrono::NaiveDate {
        s.parse().unwrap_or_default()
    }

    #[test]
    fn a_period_looks_only_at_claims_that_may_reach_into_it() {
        let mut b = Bucket::default();
        let on = |a: &str, z: &str| Some(DayInterval::new(day(a), day(z)));
        b.push(0, on("2023-01-01", "2023-01-01"));
        b.push(1, on("2023-03-01", "2023-03-31")); // a month, reaching into the period
        b.push(2, on("2023-03-20", "2023-03-20"));
        b.push(3, None); // undated: any period may admit it
        b.push(4, on("2023-06-01", "2023-06-01"));
        b.dated.sort_unstable();
        let period = Period {
            from: Some(day("2023-03-15")),
            to: Some(day("2023-03-22")),
        };
        let mut got: Vec<usize> = b.candidates(period).collect();
        got.sort_unstable();
        assert_eq!(got, [1, 2, 3]);
        // Without a period, every claim.
        assert_eq!(b.candidates(Period::default()).count(), 5);
        // A period at the edge of the calendar does not overflow.
        let edge = Period {
            from: Some(chrono::NaiveDate::MIN),
            to: None,
        };
        assert_eq!(b.candidates(edge).count(), 5);
    }
}
