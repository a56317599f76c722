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
//! **Cost.** A sweep in report order ([`judge`]): reports surely earlier are summarised by
//! place class, so a metric of n reports costs O(n log n) plus the pairs of reports given at
//! overlapping times.
//!
//! **Limits.** Two events of the same day in the same places are taken for one without
//! `event`. A figure revised within one day without `reported_with` reads as two reports at
//! the same time.

use std::cell::RefCell;
use std::cmp::{Ordering, Reverse};
use std::collections::{BTreeMap, BinaryHeap};

use recoupe_extractor::ValueInterval;
use rustc_hash::FxHashMap;

use crate::finding::{Finding, FindingKind, Point, num, show};
use crate::{Claim, Metric};

/// Judges the usable points of an event metric.
pub(crate) fn check(metric: &Metric, points: &[Point], claims: &[Claim]) -> Vec<Finding> {
    let facts: Vec<Facts> = points.iter().map(|p| Facts::of(p, claims)).collect();
    // Reports of the same places and what they lie within are one class: how two reports'
    // places relate is a question about their classes, asked once per pair of classes.
    let mut classes: FxHashMap<(&[String], &[String]), u32> = FxHashMap::default();
    let class: Vec<u32> = facts
        .iter()
        .map(|f| {
            let next = u32::try_from(classes.len()).unwrap_or(u32::MAX);
            *classes
                .entry((f.places.as_slice(), f.within.as_slice()))
                .or_insert(next)
        })
        .collect();
    let cx = Judged {
        metric,
        points,
        claims,
        facts: &facts,
        class: &class,
    };
    let named = metric.event.is_some();
    events(metric, points, claims)
        .iter()
        .flat_map(|members| judge(&cx, members, named))
        .collect()
}

/// The reports of each event: all of them for an event the rule names; else grouped by their
/// event day and places, a report without a day of its own being uncheckable.
fn events(metric: &Metric, points: &[Point], claims: &[Claim]) -> Vec<Vec<usize>> {
    if metric.event.is_some() {
        return vec![(0..points.len()).collect()];
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
    events.into_values().collect()
}

/// The order reports are judged in: by when they were given, the bilan they were published
/// with, an earlier state before the article's own figure, then their claims.
fn report_order(points: &[Point], claims: &[Claim], members: &[usize]) -> Vec<usize> {
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
    order
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
    /// Each report's place class (see [`check`]).
    class: &'a [u32],
}

/// How the places of an earlier report relate to a later one's, within one event, memoised
/// by their place classes. Within an event the rule names, places that share nothing are two
/// ways of placing the one event: the same.
struct Scopes<'a> {
    cx: &'a Judged<'a>,
    named: bool,
    /// The scope of reports of one class against reports of another, by (earlier, later) class.
    memo: RefCell<FxHashMap<(u32, u32), Scope>>,
    /// A report of each class, to ask its facts.
    of_class: FxHashMap<u32, usize>,
}

impl<'a> Scopes<'a> {
    fn new(cx: &'a Judged<'a>, members: &[usize], named: bool) -> Self {
        let mut of_class = FxHashMap::default();
        for &i in members {
            of_class.entry(cx.class[i]).or_insert(i);
        }
        Scopes {
            cx,
            named,
            memo: RefCell::default(),
            of_class,
        }
    }

    /// The scope of reports of class `a` against reports of class `b`.
    fn of_classes(&self, a: u32, b: u32) -> Scope {
        if let Some(&s) = self.memo.borrow().get(&(a, b)) {
            return s;
        }
        let (Some(&i), Some(&j)) = (self.of_class.get(&a), self.of_class.get(&b)) else {
            return Scope::Other;
        };
        let facts = self.cx.facts;
        let s = match facts[i].scope(&facts[j]) {
            Scope::Other if self.named && !facts[i].share_a_place(&facts[j]) => Scope::Same,
            s => s,
        };
        self.memo.borrow_mut().insert((a, b), s);
        s
    }

    /// The scope of report `i` against report `j`.
    fn of(&self, i: usize, j: usize) -> Scope {
        self.of_classes(self.cx.class[i], self.cx.class[j])
    }
}

/// The reports of one place class known to be earlier than the report being judged (their
/// days end before its days begin), summarised for the questions asked of them.
#[derive(Default)]
struct Settled {
    /// Every one of them, in order.
    all: Vec<usize>,
    /// The one with the highest rounded low bound, the last in order among equals.
    highest: Option<usize>,
    /// The one with the highest low bound, the last in order among equals.
    strongest: Option<usize>,
}

/// Of two reports, the one `key` ranks higher, the later in order (`pos`) among equals: what
/// `Iterator::max_by` gives over reports taken in order.
fn later_max(
    a: Option<usize>,
    b: Option<usize>,
    key: impl Fn(usize) -> f64,
    pos: &[usize],
) -> Option<usize> {
    match (a, b) {
        (Some(x), Some(y)) => Some(match key(x).total_cmp(&key(y)).then(pos[x].cmp(&pos[y])) {
            Ordering::Less => y,
            _ => x,
        }),
        (x, y) => x.or(y),
    }
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
///
/// A sweep in report order. The reports whose days end before the judged one's begin are
/// *settled*: surely earlier, summarised by place class, never compared one by one. The
/// others, whose days overlap the judged one's (reports of the same time), are compared with
/// it one by one: their contradictions are findings to list. A metric of n reports over many
/// days costs O(n log n) plus the pairs of reports of the same days.
fn judge(cx: &Judged<'_>, members: &[usize], named: bool) -> Vec<Finding> {
    let (metric, points, claims, facts) = (cx.metric, cx.points, cx.claims, cx.facts);
    let order = report_order(points, claims, members);
    let scopes = Scopes::new(cx, members, named);
    // Whether the highest earlier report is the one a lower, incompatible report is set
    // against: widening keeps the order of low bounds (see `higher_before` below).
    let monotone = match metric.tolerance {
        crate::Tolerance::Relative(t) => (0.0..1.0).contains(&t),
        crate::Tolerance::Absolute(a) => a >= 0.0,
    };
    let mut pos = vec![0usize; points.len()];
    for (b, &i) in order.iter().enumerate() {
        pos[i] = b;
    }
    let mut out = Vec::new();
    let mut reached = vec![false; points.len()];
    // Earlier reports not settled, in order (settled ones are left out lazily).
    let mut active: Vec<usize> = Vec::new();
    let mut is_settled = vec![false; points.len()];
    let mut settled_in_active = 0usize;
    // Reports by the last day they may have been given, to settle them.
    let mut ending: BinaryHeap<Reverse<(chrono::NaiveDate, usize)>> = BinaryHeap::new();
    let mut settled: BTreeMap<u32, Settled> = BTreeMap::new();
    // The report judged before this one, which joins the earlier ones when this one starts.
    let mut previous: Option<usize> = None;
    for &j in &order {
        if let Some(p) = previous.replace(j) {
            active.push(p);
            if let Some(w) = points[p].when {
                ending.push(Reverse((w.last, p)));
            }
        }
        let pj = &points[j];
        if let Some(w) = pj.when {
            while let Some(&Reverse((last, i))) = ending.peek()
                && last < w.first
            {
                ending.pop();
                is_settled[i] = true;
                settled_in_active += 1;
                let s = settled.entry(cx.class[i]).or_default();
                s.all.push(i);
                s.highest = later_max(s.highest, Some(i), |k| points[k].rounded.low, &pos);
                s.strongest = later_max(s.strongest, Some(i), |k| points[k].interval.low, &pos);
            }
        }
        if settled_in_active * 2 > active.len() {
            active.retain(|&i| !is_settled[i]);
            settled_in_active = 0;
        }
        let open = || active.iter().copied().filter(|&i| !is_settled[i]);
        // The settled classes whose reports are of the same places as this one.
        let same_settled = || {
            settled
                .iter()
                .filter(|(c, _)| scopes.of_classes(**c, cx.class[j]) == Scope::Same)
                .map(|(_, s)| s)
        };
        // Reports whose order is unknown (an article known to its month against one known to
        // its day) are not set against each other: only reports of the same time conflict.
        let rel = |i: usize| when(&points[i], pj, claims);
        let sc = |i: usize| scopes.of(i, j);
        let describe = |i: usize| points[i].describe(claims);
        // Reported at the same time, they cannot both be true: named once against each
        // earlier source it conflicts with. Two figures whose digits are the same in another
        // order ("3 958" and "3 985") are one figure mistyped, whatever their places.
        let conflicts: Vec<usize> = open()
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
        // The earlier reports of the same places: the settled ones, and the open ones the
        // day, the bilan or the article orders before this one.
        let open_before: Vec<usize> = open()
            .filter(|&i| rel(i) == When::Before && sc(i) == Scope::Same)
            .collect();
        let best = |key: &dyn Fn(usize) -> f64, of: &dyn Fn(&Settled) -> Option<usize>| {
            let mut best = None;
            for &i in &open_before {
                best = later_max(best, Some(i), key, &pos);
            }
            for s in same_settled() {
                best = later_max(best, of(s), key, &pos);
            }
            best
        };
        let latest = best(&|k| points[k].rounded.low, &|s| s.highest);
        // Reported later and lower. The earlier report it is set against is the highest
        // one, when widening keeps the order of low bounds: an earlier figure wholly above
        // this one's widened figure lies at or below the highest, which is then above too.
        let higher = |i: usize| {
            !compatible(metric, &points[i], pj, Scope::Same)
                && pj.rounded.low < points[i].rounded.low
        };
        let higher_before = if monotone && pj.rounded.low >= 0.0 {
            latest.filter(|&i| higher(i))
        } else {
            let mut found = None;
            let settled_all = same_settled().flat_map(|s| s.all.iter().copied());
            for i in open_before.iter().copied().chain(settled_all) {
                if higher(i) {
                    found = later_max(found, Some(i), |k| points[k].rounded.low, &pos);
                }
            }
            found
        };
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
        let stronger = if pj.interval.high.is_none() {
            best(&|k| points[k].interval.low, &|s| s.strongest)
                .filter(|&i| points[i].interval.low > pj.interval.low)
        } else {
            None
        };
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
        let given = open().any(|i| {
            rel(i) == When::Same
                && sc(i) == Scope::Same
                && compatible(metric, &points[i], pj, Scope::Same)
        });
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
        // Neither contradicted, revised nor stale: it agrees with every earlier report of
        // the same places it is compatible with, unless the days set it before them.
        reached[j] = true;
    }
    out.extend(agreements(cx, &scopes, &order, &reached));
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

/// A group of reports that all agree with one another, with what a report must meet to join
/// it: compatible with every member, of places the same as every member's, and not set
/// before any of them.
struct Group {
    members: Vec<usize>,
    /// The highest widened low bound of its members, and the lowest widened high bound.
    max_low: f64,
    min_high: f64,
    /// The place classes of its members.
    classes: Vec<u32>,
    /// The highest low bound of the bilans its members were published with.
    max_anchor_low: f64,
}

impl Group {
    fn of(metric: &Metric, points: &[Point], class: u32, i: usize) -> Self {
        let mut g = Group {
            members: Vec::new(),
            max_low: f64::NEG_INFINITY,
            min_high: f64::INFINITY,
            classes: Vec::new(),
            max_anchor_low: f64::NEG_INFINITY,
        };
        g.add(metric, points, class, i);
        g
    }

    fn add(&mut self, metric: &Metric, points: &[Point], class: u32, i: usize) {
        let w = metric.tolerance.widen(points[i].rounded);
        self.max_low = self.max_low.max(w.low);
        self.min_high = self.min_high.min(w.high.unwrap_or(f64::INFINITY));
        if !self.classes.contains(&class) {
            self.classes.push(class);
        }
        if let Some(a) = points[i].anchor {
            self.max_anchor_low = self.max_anchor_low.max(a.low);
        }
        self.members.push(i);
    }
}

/// One agreement finding per group of reports that all agree with one another: each report,
/// in order, joins the first group it agrees with wholly, else starts one. A report agrees
/// with an earlier one when it `reached` the end of [`judge`] (nothing contradicted, revised
/// or outdated it), the earlier one is not set after it, their places are the same and their
/// figures compatible.
fn agreements(
    cx: &Judged<'_>,
    scopes: &Scopes<'_>,
    order: &[usize],
    reached: &[bool],
) -> Vec<Finding> {
    let (metric, points, claims) = (cx.metric, cx.points, cx.claims);
    let mut groups: Vec<Group> = Vec::new();
    for &i in order {
        let class = cx.class[i];
        let w = metric.tolerance.widen(points[i].rounded);
        // An earlier member is set after this report only by its article (this one an
        // earlier state of it) or by a higher bilan: then each member is asked.
        let previous = first_claim(&points[i], claims).is_some_and(|c| c.previous);
        let joins = |g: &Group| {
            if !(g.max_low <= w.high.unwrap_or(f64::INFINITY) && w.low <= g.min_high) {
                return false;
            }
            if !g
                .classes
                .iter()
                .all(|&c| scopes.of_classes(c, class) == Scope::Same)
            {
                return false;
            }
            let lower_bilan = points[i]
                .anchor
                .and_then(|a| a.high)
                .is_some_and(|h| h < g.max_anchor_low);
            !(previous || lower_bilan)
                || g.members
                    .iter()
                    .all(|&m| when(&points[m], &points[i], claims) != When::After)
        };
        let found = if reached[i] {
            groups.iter_mut().find(|g| joins(g))
        } else {
            None
        };
        match found {
            Some(g) => g.add(metric, points, class, i),
            None => groups.push(Group::of(metric, points, class, i)),
        }
    }
    let groups: Vec<Vec<usize>> = groups.into_iter().map(|g| g.members).collect();
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{Vocabulary, load};

    /// The judgement as first written, every report against every earlier one: what the
    /// sweep must find, finding for finding (without the messages).
    fn all_pairs(
        metric: &Metric,
        points: &[Point],
        claims: &[Claim],
        members: &[usize],
        named: bool,
    ) -> Vec<(FindingKind, Vec<usize>)> {
        let facts: Vec<Facts> = points.iter().map(|p| Facts::of(p, claims)).collect();
        let order = report_order(points, claims, members);
        let mut out = Vec::new();
        let mut pairs = rustc_hash::FxHashSet::default();
        for (b, &j) in order.iter().enumerate() {
            let (earlier, pj) = (&order[..b], &points[j]);
            let rel = |i: usize| when(&points[i], pj, claims);
            let sc = |i: usize| match facts[i].scope(&facts[j]) {
                Scope::Other if named && !facts[i].share_a_place(&facts[j]) => Scope::Same,
                s => s,
            };
            let mut conflicts: Vec<usize> = Vec::new();
            for &i in earlier {
                if rel(i) == When::Same
                    && (!compatible(metric, &points[i], pj, sc(i))
                        || transposed(points[i].value, pj.value))
                    && !conflicts.iter().any(|&k| facts[k].who == facts[i].who)
                {
                    conflicts.push(i);
                }
            }
            for &i in &conflicts {
                out.push((FindingKind::Contradiction, points[i].claims_with(pj)));
            }
            if !conflicts.is_empty() {
                continue;
            }
            let before: Vec<usize> = earlier
                .iter()
                .copied()
                .filter(|&i| rel(i) == When::Before && sc(i) == Scope::Same)
                .collect();
            let by_rounded =
                |&x: &usize, &y: &usize| points[x].rounded.low.total_cmp(&points[y].rounded.low);
            let higher = before
                .iter()
                .copied()
                .filter(|&i| !compatible(metric, &points[i], pj, Scope::Same))
                .filter(|&i| pj.rounded.low < points[i].rounded.low)
                .max_by(by_rounded);
            if let Some(i) = higher {
                let kind = if named && same_kind_of_source(&points[i], pj, claims) {
                    FindingKind::RevisedDown
                } else {
                    FindingKind::Contradiction
                };
                out.push((kind, points[i].claims_with(pj)));
                continue;
            }
            let stronger = before
                .iter()
                .copied()
                .filter(|&i| pj.interval.high.is_none() && points[i].interval.low > pj.interval.low)
                .max_by(|&x, &y| points[x].interval.low.total_cmp(&points[y].interval.low));
            if let Some(i) = stronger {
                out.push((FindingKind::Stale, points[i].claims_with(pj)));
                continue;
            }
            let given = earlier.iter().any(|&i| {
                rel(i) == When::Same
                    && sc(i) == Scope::Same
                    && compatible(metric, &points[i], pj, Scope::Same)
            });
            let latest = before.iter().copied().max_by(by_rounded);
            if let Some(i) = latest
                && !given
                && !compatible(metric, &points[i], pj, Scope::Same)
            {
                out.push((FindingKind::Revision, points[i].claims_with(pj)));
                continue;
            }
            for &i in earlier {
                if rel(i) != When::After
                    && sc(i) == Scope::Same
                    && compatible(metric, &points[i], pj, Scope::Same)
                {
                    pairs.insert((i, j));
                }
            }
        }
        let mut groups: Vec<Vec<usize>> = Vec::new();
        for &i in &order {
            let agree = |j: usize| pairs.contains(&(i, j)) || pairs.contains(&(j, i));
            match groups.iter_mut().find(|g| g.iter().all(|&j| agree(j))) {
                Some(g) => g.push(i),
                None => groups.push(vec![i]),
            }
        }
        for g in groups.into_iter().filter(|g| g.len() > 1) {
            let claims = g.iter().flat_map(|&i| points[i].claims.clone()).collect();
            out.push((FindingKind::Agreement, claims));
        }
        out
    }

    /// A small generator, the same every run.
    struct Rng(u64);
    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }
        fn pick<'a>(&mut self, from: &[&'a str]) -> &'a str {
            from[self.below(from.len())]
        }
    }

    /// Reports of one toll in invented articles: values that agree, conflict, are mistyped
    /// or open ("au moins"), places within others, sources of several kinds, days and months,
    /// earlier states of an article's own figure, bilans they were published with.
    fn reports(seed: u64, n: usize) -> (Vec<Claim>, Vec<Point>) {
        let Ok(x) = recoupe_extractor::Extractor::french() else {
            panic!("lexicon")
        };
        let mut rng = Rng(seed);
        let mut claims = Vec::new();
        for k in 0..n {
            let date = match rng.below(4) {
                0 => "2024-01".to_owned(),
                _ => format!("2024-01-{:02}", 1 + rng.below(6)),
            };
            let v = rng.pick(&[
                "10",
                "11",
                "12",
                "20",
                "21",
                "100",
                "120",
                "958",
                "985",
                "1000",
                "au moins 12",
                "au moins 100",
            ]);
            let place = rng.pick(&["Marrakech", "Agadir", "au Maroc", "Rabat"]);
            let place = if place.starts_with("au ") {
                place.to_owned()
            } else {
                format!("à {place}")
            };
            let source = rng.pick(&[
                "la préfecture",
                "les pompiers",
                "la Croix-Rouge",
                "le ministère de l'Intérieur",
            ]);
            let mut text = format!("Selon {source}, le séisme a fait {v} morts {place}.");
            if rng.below(5) == 0 {
                let w = rng.pick(&["8", "10", "100"]);
                text.push_str(&format!(" Un précédent bilan faisait état de {w} morts."));
            }
            let (article, _) = recoupe_parser::parse_seed(
                recoupe_parser::ArticleId(format!("a{k:03}").into()),
                format!(" date {date} T\n\n{text}\n").as_bytes(),
            );
            claims.extend(x.extract(&article));
        }
        let points = claims
            .iter()
            .enumerate()
            .map(|(i, c)| {
                let mut p = Point::of_claim(i, c);
                p.when = c.as_of;
                p.anchor = match rng.below(6) {
                    0 => Some(ValueInterval {
                        low: 50.0,
                        high: Some(50.0),
                    }),
                    1 => Some(ValueInterval {
                        low: 80.0,
                        high: None,
                    }),
                    _ => None,
                };
                p
            })
            .collect();
        (claims, points)
    }

    fn metric(keys: &str) -> Metric {
        let Ok(lx) = recoupe_extractor::Lexicon::french() else {
            panic!("lexicon")
        };
        let text = format!(
            "[[metric]]\nid = \"toll\"\ntitle = \"Toll\"\nmodel = \"event\"\n{keys}\nmatch = {{ predicates = [\"tué\"] }}\n"
        );
        match load(&[("t.toml".into(), text)], &Vocabulary::of(&lx)) {
            Ok(mut rules) => rules.metrics.remove(0),
            Err(e) => panic!("{e:?}"),
        }
    }

    #[test]
    fn the_sweep_finds_what_comparing_every_pair_finds() {
        let metrics = [
            metric("event = { on = \"2024-01-01\" }"),
            metric("event = { on = \"2024-01-01\" }\ntolerance = \"5\""),
            metric("event = { on = \"2024-01-01\" }\ntolerance = \"100%\""),
            metric(""),
        ];
        let mut compared = 0;
        for seed in 1..=12u64 {
            let (claims, points) = reports(seed * 7919, 60);
            for m in &metrics {
                let named = m.event.is_some();
                let swept: Vec<(FindingKind, Vec<usize>)> = check(m, &points, &claims)
                    .into_iter()
                    .map(|f| (f.kind, f.claims))
                    .collect();
                let expected: Vec<(FindingKind, Vec<usize>)> = events(m, &points, &claims)
                    .iter()
                    .flat_map(|members| all_pairs(m, &points, &claims, members, named))
                    .collect();
                assert_eq!(swept, expected, "seed {seed}, tolerance {}", m.tolerance);
                compared += expected.len();
            }
        }
        assert!(compared > 1000, "only {compared} findings compared");
    }
}
