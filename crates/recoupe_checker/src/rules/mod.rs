//! Rules: metrics worth tracking, loaded from TOML in two stages (ast-grep's way): serde types
//! that reject unknown keys ([`schema`]), then validation into [`Metric`]s whose errors name
//! the file, the line, the key and a fix. Every error of every file is reported at once.

mod error;
mod schema;

use std::collections::BTreeMap;
use std::fmt;

use chrono::NaiveDate;
use recoupe_extractor::{Claim, ClaimKind, Name, PredicateClass, Unit};
use regex::Regex;

pub use error::RuleError;
use error::{Locator, did_you_mean};
use schema::{
    CASE_KEYS, CaseSpec, EVENT_KEYS, MATCH_KEYS, METRIC_KEYS, MatchSpec, MetricSpec, PERIOD_KEYS,
    QUALIFIER_KEYS, RuleFile,
};

/// A metric's id, unique across all rule files.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct MetricId(pub String);

impl fmt::Display for MetricId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// The consistency model a metric obeys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Model {
    /// A level: every claim should agree ([`crate::models::stable`]).
    Stable,
    /// A running total: may grow, never shrink ([`crate::models::cumulative`]).
    Cumulative,
    /// One event's count: reports agree, or revise it upward ([`crate::models::event`]).
    Event,
}

impl Model {
    /// All models, with their names in rule files.
    pub const ALL: [(Model, &'static str); 3] = [
        (Model::Stable, "stable"),
        (Model::Cumulative, "cumulative"),
        (Model::Event, "event"),
    ];

    /// The name used in rule files.
    pub fn name(self) -> &'static str {
        match self {
            Model::Stable => "stable",
            Model::Cumulative => "cumulative",
            Model::Event => "event",
        }
    }

    /// The claim kinds a model reads unless the rule says otherwise.
    fn default_kinds(self) -> Vec<ClaimKind> {
        match self {
            Model::Stable => vec![ClaimKind::Level],
            Model::Cumulative => vec![ClaimKind::Cumulative],
            Model::Event => vec![ClaimKind::Event],
        }
    }
}

/// How far apart two figures may be and still agree.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Tolerance {
    /// A fraction of the value ("10%" is 0.1).
    Relative(f64),
    /// An absolute difference ("50").
    Absolute(f64),
}

impl Tolerance {
    /// Widens `interval` by the tolerance on both sides.
    pub fn widen(
        self,
        interval: recoupe_extractor::ValueInterval,
    ) -> recoupe_extractor::ValueInterval {
        match self {
            Tolerance::Relative(t) => interval.widen(t),
            Tolerance::Absolute(a) => recoupe_extractor::ValueInterval {
                low: interval.low - a,
                high: interval.high.map(|h| h + a),
            },
        }
    }
}

impl fmt::Display for Tolerance {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Tolerance::Relative(t) => write!(f, "{}%", recoupe_extractor::fmt_value(t * 100.0)),
            Tolerance::Absolute(a) => write!(f, "±{}", recoupe_extractor::fmt_value(*a)),
        }
    }
}

/// A rule's overrides of the widths of approximate qualifiers.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct QualifierOverrides {
    /// For "environ", "quelque".
    pub approx: Option<f64>,
    /// For "près de".
    pub nearly: Option<f64>,
}

impl QualifierOverrides {
    /// The interval of `claim` under these overrides: recomputed for approximate qualifiers
    /// when the rule sets their width, as extracted otherwise.
    pub fn interval(self, claim: &Claim) -> recoupe_extractor::ValueInterval {
        use recoupe_extractor::{IntervalRules, Qualifier};
        let rules = IntervalRules {
            approx: self.approx.unwrap_or(0.0),
            nearly: self.nearly.unwrap_or(0.0),
        };
        match claim.qualifier {
            Qualifier::Approx if self.approx.is_some() => {
                rules.interval(claim.qualifier, claim.value, None, None)
            }
            Qualifier::Nearly if self.nearly.is_some() => {
                rules.interval(claim.qualifier, claim.value, None, None)
            }
            _ => claim.interval,
        }
    }
}

/// Which claims feed a metric.
#[derive(Debug, Clone)]
pub struct Matcher {
    nouns: Vec<String>,
    /// Who the figure counts, as the text writes them before a participle changes what is
    /// counted ("406 policiers ont été blessés": head `policier`, noun `blessé`).
    heads: Vec<String>,
    actors: Vec<String>,
    places: Vec<String>,
    places_any: Vec<String>,
    places_none: Vec<String>,
    places_within: Vec<String>,
    predicates: Vec<PredicateWanted>,
    /// Nouns that name an action `predicates` accepts ("interpellation" for `arrested`): a
    /// claim counting one without a verb ("540 interpellations") counts that action.
    action_nouns: Vec<String>,
    /// Units asked for; `None` in the list is a plain count (`units = ["count"]`).
    units: Vec<Option<Unit>>,
    kinds: Vec<ClaimKind>,
    /// Whether the rule wrote `kinds` (else they are the model's defaults).
    kinds_written: bool,
    words: Vec<Regex>,
    not_words: Vec<Regex>,
    sources: Vec<String>,
    period: Period,
    /// The places of the metric's event: a claim elsewhere is not about it.
    event_places: Vec<String>,
}

/// The days a metric covers; a claim whose as-of lies wholly outside is not its concern.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Period {
    /// First day covered.
    pub from: Option<NaiveDate>,
    /// Last day covered.
    pub to: Option<NaiveDate>,
}

impl Period {
    /// Whether a claim holding at `as_of` may fall in the period (undated claims may).
    pub fn admits(self, as_of: Option<recoupe_parser::DayInterval>) -> bool {
        as_of.is_none_or(|d| {
            self.from.is_none_or(|f| d.last >= f) && self.to.is_none_or(|t| d.first <= t)
        })
    }
}

/// What a `predicates` entry asks for: a class ("wounded", or a lemma of that class, "blessé"),
/// or a lemma without a class ("inondé").
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PredicateWanted {
    /// Any predicate of the class.
    Class(PredicateClass),
    /// No predicate: the text says nothing of what happened ("1,2 million de manifestants").
    Nothing,
    /// This lemma.
    Lemma(String),
}

impl PredicateWanted {
    /// Whether a claim whose predicate is `lemma` (of `class`) is wanted.
    fn accepts_lemma(&self, lemma: &str, class: Option<PredicateClass>) -> bool {
        match self {
            PredicateWanted::Class(c) => class == Some(*c),
            PredicateWanted::Nothing => false,
            PredicateWanted::Lemma(l) => lemma.to_lowercase() == *l,
        }
    }

    fn accepts(&self, claim: &Claim) -> bool {
        match self {
            PredicateWanted::Class(c) => claim.predicate_class == Some(*c),
            PredicateWanted::Nothing => claim.predicate.is_none(),
            PredicateWanted::Lemma(l) => claim
                .predicate
                .as_deref()
                .is_some_and(|p| p.to_lowercase() == *l),
        }
    }

    fn name(&self) -> String {
        match self {
            PredicateWanted::Class(c) => c.name().to_owned(),
            PredicateWanted::Nothing => "none".to_owned(),
            PredicateWanted::Lemma(l) => l.clone(),
        }
    }
}

/// Who a claim counts: its head noun, or its noun when the text names no other.
/// Whether `wanted` (a rule's `nouns` or `heads`) accepts a claim counting `first` together
/// with `with`: one thing is accepted when the list names it; several together ("21 missiles et
/// drones") when an entry names them all with `+` ("drone + missile", in any order), or when the
/// list names each ("policier", "gendarme").
fn nouns_accept(wanted: &[String], first: &str, with: &[Name]) -> bool {
    if with.is_empty() {
        return wanted.iter().any(|w| w == first);
    }
    let mut all: Vec<String> = std::iter::once(first.to_lowercase())
        .chain(with.iter().map(|w| w.to_lowercase()))
        .collect();
    all.sort();
    all.dedup();
    wanted.iter().any(|w| {
        w.contains('+') && {
            let mut parts: Vec<&str> = w.split('+').map(str::trim).collect();
            parts.sort_unstable();
            parts.dedup();
            parts == all
        }
    }) || all.iter().all(|n| wanted.contains(n))
}

fn head_of(claim: &Claim) -> String {
    claim
        .head
        .as_deref()
        .or(claim.noun.as_deref())
        .unwrap_or("")
        .to_lowercase()
}

fn unit_name(u: Option<Unit>) -> &'static str {
    u.map_or("count", Unit::name)
}

/// Whether `s`, lower-cased, is `lowered`, without allocating.
fn lower_eq(s: &str, lowered: &str) -> bool {
    s.chars().flat_map(char::to_lowercase).eq(lowered.chars())
}

fn lower_all<S: AsRef<str>>(v: &[S]) -> Vec<String> {
    v.iter().map(|s| s.as_ref().to_lowercase()).collect()
}

/// One key of a matcher checked against a claim.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyCheck {
    /// The `match` key.
    pub key: &'static str,
    /// Whether the claim passes it.
    pub ok: bool,
    /// What the claim has, and what the key wants when it fails.
    pub detail: String,
}

impl Matcher {
    /// Whether `claim`'s predicate is one `predicates` asks for, or, without a verb, its noun
    /// names such an action ("540 interpellations" for `arrested`).
    fn predicate_accepts(&self, claim: &Claim) -> bool {
        self.predicates.iter().any(|w| w.accepts(claim))
            || (claim.predicate.is_none()
                && claim
                    .noun
                    .as_deref()
                    .is_some_and(|n| self.action_nouns.iter().any(|a| a == &n.to_lowercase())))
    }

    /// Each key of the matcher checked against `claim`, for `recoupe rules explain`.
    pub fn explain(&self, claim: &Claim) -> Vec<KeyCheck> {
        let noun = claim.noun.as_deref().map(str::to_lowercase);
        let places = lower_all(&claim.places[..]);
        let actors = lower_all(&claim.actors[..]);
        let show = |v: &[String]| {
            if v.is_empty() {
                "none".to_owned()
            } else {
                v.join(", ")
            }
        };
        let mut out = Vec::new();
        let mut add = |key: &'static str, ok: bool, has: String, wants: String| {
            out.push(KeyCheck {
                key,
                ok,
                detail: if ok {
                    has
                } else {
                    format!("{has}, wants {wants}")
                },
            });
        };
        // "missile + drone" when the claim counts several things together.
        let counted = |first: &str| {
            std::iter::once(first.to_owned())
                .chain(claim.counted_with.iter().map(|n| n.to_string()))
                .collect::<Vec<_>>()
                .join(" + ")
        };
        if !self.nouns.is_empty() {
            let ok = noun
                .as_ref()
                .is_some_and(|n| nouns_accept(&self.nouns, n, &claim.counted_with));
            add(
                "nouns",
                ok,
                noun.as_deref().map_or_else(|| "none".into(), counted),
                show(&self.nouns),
            );
        }
        if !self.heads.is_empty() {
            let head = head_of(claim);
            add(
                "heads",
                nouns_accept(&self.heads, &head, &claim.counted_with),
                counted(&head),
                show(&self.heads),
            );
        }
        if !self.actors.is_empty() {
            add(
                "actors",
                actors.iter().any(|a| self.actors.contains(a)),
                show(&actors),
                format!("one of {}", show(&self.actors)),
            );
        }
        if !self.places.is_empty() {
            let ok =
                places.len() == self.places.len() && places.iter().all(|p| self.places.contains(p));
            add(
                "places",
                ok,
                show(&places),
                format!("exactly {}", show(&self.places)),
            );
        }
        if !self.places_any.is_empty() {
            add(
                "places_any",
                places.iter().any(|p| self.places_any.contains(p)),
                show(&places),
                format!("one of {}", show(&self.places_any)),
            );
        }
        if !self.places_none.is_empty() {
            add(
                "places_none",
                !places.iter().any(|p| self.places_none.contains(p)),
                show(&places),
                format!("none of {}", show(&self.places_none)),
            );
        }
        if !self.places_within.is_empty() {
            let within = lower_all(&claim.within[..]);
            add(
                "places_within",
                within.iter().any(|p| self.places_within.contains(p)),
                show(&places),
                format!("a place within {}", show(&self.places_within)),
            );
        }
        if !self.predicates.is_empty() {
            let has = match (&claim.predicate, claim.predicate_class) {
                (Some(p), Some(c)) => format!("{p} ({c})"),
                (Some(p), None) => p.to_string(),
                (None, _) => "none".into(),
            };
            let wants: Vec<String> = self.predicates.iter().map(PredicateWanted::name).collect();
            add(
                "predicates",
                self.predicate_accepts(claim),
                has,
                format!("one of {}", show(&wants)),
            );
        }
        if !self.units.is_empty() {
            let wants: Vec<String> = self
                .units
                .iter()
                .map(|u| unit_name(*u).to_owned())
                .collect();
            add(
                "units",
                self.units.contains(&claim.unit),
                unit_name(claim.unit).to_owned(),
                format!("one of {}", show(&wants)),
            );
        }
        let kinds: Vec<String> = self.kinds.iter().map(|k| k.name().to_owned()).collect();
        add(
            "kinds",
            self.kinds.contains(&claim.kind),
            claim.kind.name().to_owned(),
            show(&kinds),
        );
        if !self.event_places.is_empty() {
            let within = lower_all(&claim.within[..]);
            add(
                "event",
                self.in_event_places(claim),
                show(&within),
                format!("a place within {}", show(&self.event_places)),
            );
        }
        for w in &self.words {
            add(
                "words",
                w.is_match(&claim.quote),
                format!("/{}/", w.as_str().trim_start_matches("(?i)")),
                "it in the sentence".into(),
            );
        }
        for w in &self.not_words {
            add(
                "not_words",
                !w.is_match(&claim.quote),
                format!("/{}/", w.as_str().trim_start_matches("(?i)")),
                "it not in the sentence".into(),
            );
        }
        out
    }

    /// The places a claim must have exactly (`places`), lower-cased, when the metric names
    /// them: only claims with that set of places can match.
    pub fn exact_places(&self) -> Option<&[String]> {
        (!self.places.is_empty()).then_some(&self.places[..])
    }

    /// The days a claim's as-of must meet (`period`): only claims dated near them, or undated,
    /// can match.
    pub fn period(&self) -> Period {
        self.period
    }

    /// Whether `claim` feeds the metric.
    pub fn matches(&self, claim: &Claim) -> bool {
        // Cheap keys first; names compared without case and without allocating: this runs
        // for every claim against every metric.
        let has = |list: &[String], s: &str| list.iter().any(|l| lower_eq(s, l));
        self.kinds.contains(&claim.kind)
            && (self.units.is_empty() || self.units.contains(&claim.unit))
            && self.period.admits(claim.as_of)
            && (self.places.is_empty()
                || (claim.places.len() == self.places.len()
                    && claim.places.iter().all(|p| has(&self.places, p))))
            && (self.places_any.is_empty() || claim.places.iter().any(|p| has(&self.places_any, p)))
            && !claim.places.iter().any(|p| has(&self.places_none, p))
            && (self.places_within.is_empty()
                || claim.within.iter().any(|p| has(&self.places_within, p)))
            && (self.predicates.is_empty() || self.predicate_accepts(claim))
            && (self.nouns.is_empty()
                || claim.noun.as_deref().is_some_and(|n| {
                    nouns_accept(&self.nouns, &n.to_lowercase(), &claim.counted_with)
                }))
            && (self.heads.is_empty()
                || nouns_accept(&self.heads, &head_of(claim), &claim.counted_with))
            && (self.actors.is_empty() || claim.actors.iter().any(|a| has(&self.actors, a)))
            && self.source_ok(claim)
            && self.in_event_places(claim)
            && self.words.iter().all(|w| w.is_match(&claim.quote))
            && !self.not_words.iter().any(|w| w.is_match(&claim.quote))
    }

    /// Whether the claim lies in the places of the metric's event, if it names some.
    fn in_event_places(&self, claim: &Claim) -> bool {
        self.event_places.is_empty()
            || claim
                .within
                .iter()
                .any(|p| self.event_places.iter().any(|e| lower_eq(p, e)))
    }

    /// Whether the claim's source is one the metric asks for ("Pentagone" matches "des
    /// chiffres du Pentagone"); any source when the metric names none.
    fn source_ok(&self, claim: &Claim) -> bool {
        self.sources.is_empty()
            || claim
                .source
                .as_deref()
                .map(str::to_lowercase)
                .is_some_and(|s| self.sources.iter().any(|w| s.contains(w.as_str())))
    }
}

/// The one event an event metric tracks (`event = { on = "2023-09-08", places = ["Maroc"] }`):
/// every claim reported from that day on, in those places, counts it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventWindow {
    /// The day, or the days, it happened.
    pub days: recoupe_parser::DayInterval,
    /// Where, as written in the rule; empty when the rule names no place.
    pub places: Vec<String>,
}

impl EventWindow {
    /// Whether a claim lies in the event's places (any claim when it names none).
    pub fn covers_places(&self, claim: &Claim) -> bool {
        self.places.is_empty()
            || claim.within.iter().any(|w| {
                let w = w.to_lowercase();
                self.places.iter().any(|p| p.to_lowercase() == w)
            })
    }
}

/// How a metric splits its claims before judging them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Series {
    /// One series per kind of source (authorities, organisers…), or per source when its kind
    /// is unknown: organisers and police count differently, and the gap between them is a
    /// disagreement, not a contradiction.
    Source,
}

impl Series {
    /// The name used in rule files.
    pub fn name(self) -> &'static str {
        match self {
            Series::Source => "source",
        }
    }
}

/// A validated metric.
#[derive(Debug, Clone)]
pub struct Metric {
    /// Unique id.
    pub id: MetricId,
    /// What it tracks, for people.
    pub title: String,
    /// Its consistency model.
    pub model: Model,
    /// How far apart figures may be and still agree.
    pub tolerance: Tolerance,
    /// For a running total, the day it counts from.
    pub since: Option<NaiveDate>,
    /// How many days a claim's window start may be from `since` and still be comparable.
    pub window_slack_days: i64,
    /// Metrics that add up to this one.
    pub parts: Vec<MetricId>,
    /// Widths of approximate qualifiers for this metric ("environ 2 500" is ±5 % here), when
    /// the rule overrides the lexicon's defaults.
    pub qualifiers: QualifierOverrides,
    /// Which claims feed it.
    pub matcher: Matcher,
    /// For an event metric, the event it tracks.
    pub event: Option<EventWindow>,
    /// How its claims split into series, if they do.
    pub series: Option<Series>,
    /// The metric whose figure each claim was published with ("quake-deaths" for the injured
    /// of the same bilan): it orders reports within a day and tells which belong together.
    pub reported_with: Option<MetricId>,
    /// The file it was read from.
    pub file: String,
    /// Its line in the file.
    pub line: usize,
}

/// One article of a rule case.
#[derive(Debug, Clone)]
pub struct CaseArticle {
    /// Its id.
    pub id: String,
    /// Its date.
    pub date: recoupe_parser::PartialDate,
    /// Its text: paragraphs separated by blank lines.
    pub text: String,
}

/// A test a rule ships: small articles and the verdict its metric must give on them.
#[derive(Debug, Clone)]
pub struct RuleCase {
    /// What it shows.
    pub name: String,
    /// The metric it tests.
    pub metric: MetricId,
    /// The articles.
    pub articles: Vec<CaseArticle>,
    /// The verdict the metric must give.
    pub verdict: crate::Verdict,
    /// The kinds of findings it must give, all and only these; unchecked when absent.
    pub findings: Option<Vec<crate::FindingKind>>,
    /// The file it was read from.
    pub file: String,
    /// Its line.
    pub line: usize,
}

/// All metrics and cases of all rule files, in file order then order of appearance.
#[derive(Debug, Clone, Default)]
pub struct RuleSet {
    /// The metrics.
    pub metrics: Vec<Metric>,
    /// The cases rules ship.
    pub cases: Vec<RuleCase>,
}

impl RuleSet {
    /// The metric with id `id`.
    pub fn get(&self, id: &MetricId) -> Option<&Metric> {
        self.metrics.iter().find(|m| &m.id == id)
    }
}

/// The places and actors the extractor can put on a claim: a rule naming anything else would
/// match nothing, so loading says so.
#[derive(Debug, Clone, Default)]
pub struct Vocabulary<'a> {
    regions: Vec<String>,
    /// `regions`, lower-cased, for looking a place up without case.
    regions_lower: rustc_hash::FxHashSet<String>,
    actors: Vec<String>,
    /// The lexicon's action nouns and the predicate lemma each names, sorted.
    action_nouns: Vec<(String, String)>,
    lexicon: Option<&'a recoupe_extractor::Lexicon>,
}

impl<'a> Vocabulary<'a> {
    /// The nouns that name an action one of `wanted` accepts ("interpellation" for
    /// `arrested`).
    fn action_nouns(&self, wanted: &[PredicateWanted]) -> Vec<String> {
        let Some(lx) = self.lexicon else {
            return Vec::new();
        };
        self.action_nouns
            .iter()
            .filter(|(_, lemma)| {
                let class = lx.predicate_class(lemma);
                wanted.iter().any(|w| w.accepts_lemma(lemma, class))
            })
            .map(|(noun, _)| noun.clone())
            .collect()
    }

    /// The vocabulary of a lexicon.
    pub fn of(lexicon: &'a recoupe_extractor::Lexicon) -> Self {
        let regions = lexicon.place_names();
        Vocabulary {
            regions_lower: regions.iter().map(|r| r.to_lowercase()).collect(),
            regions,
            actors: lexicon.actor_names(),
            action_nouns: lexicon.action_nouns(),
            lexicon: Some(lexicon),
        }
    }

    /// No check: any place and actor is accepted (for tests of other keys).
    pub fn unchecked() -> Self {
        Vocabulary::default()
    }

    /// Why `place` can never match, and the fix; `None` when it can.
    fn place_problem(&self, place: &str) -> Option<(String, String)> {
        let lx = self.lexicon?;
        if self.regions_lower.contains(&place.to_lowercase()) {
            return None;
        }
        if let Some(name) = lx.place_name(place) {
            return Some((
                format!("place `{place}` is never on a claim: claims write it `{name}`"),
                format!("write `{name}`"),
            ));
        }
        let names: Vec<&str> = self.regions.iter().map(String::as_str).collect();
        Some((
            format!("unknown place `{place}`: the gazetteer does not know it"),
            match did_you_mean(place, &names) {
                Some(s) => format!(
                    "did you mean `{s}`? Places are listed in the extractor's lexicon/fr/places.toml"
                ),
                None => {
                    "add it to the extractor's lexicon/fr/places.toml, with the country it lies in"
                        .into()
                }
            },
        ))
    }

    /// What a `predicates` entry asks for, or why no claim can carry it and the fix: a class
    /// name ("wounded": any of its lemmas), a lemma as claims carry it ("blessé", "grièvement
    /// blessé", "tué"), or a French participle the lexicon does not list ("inondé").
    fn predicate(&self, written: &str) -> Result<PredicateWanted, (String, String)> {
        let lower = written.to_lowercase();
        if let Some(c) = PredicateClass::from_name(&lower) {
            return Ok(PredicateWanted::Class(c));
        }
        if lower == "none" {
            return Ok(PredicateWanted::Nothing);
        }
        let classes = PredicateClass::ALL.map(PredicateClass::name).join(", ");
        let Some(lx) = self.lexicon else {
            return Ok(PredicateWanted::Lemma(lower));
        };
        if let Some(same) = lx.predicate_synonym_of(&lower) {
            return Err((
                format!("predicate `{written}` is never on a claim: claims write it `{same}`"),
                format!(
                    "write `{same}`, or the class `{}` for all its lemmas",
                    lx.predicate_class(same).map_or("-", PredicateClass::name)
                ),
            ));
        }
        if lx.is_reporting_verb(&lower) {
            return Err((
                format!(
                    "predicate `{written}` is never on a claim: a reporting verb says who counts, not what happened"
                ),
                format!("match the source with `sources`, or use a class: {classes}"),
            ));
        }
        if lx.is_predicate_lemma(&lower) {
            return Ok(PredicateWanted::Lemma(lower));
        }
        let lemmas = lx.predicate_lemmas();
        let names: Vec<&str> = PredicateClass::ALL
            .iter()
            .map(|c| c.name())
            .chain(lemmas.iter().map(String::as_str))
            .collect();
        Err((
            format!(
                "unknown predicate `{written}`: claims carry a French participle (\"blessé\", \"inondé\") or a class"
            ),
            match did_you_mean(&lower, &names) {
                Some(s) => format!("did you mean `{s}`? classes: {classes}"),
                None => {
                    format!("write a participle in the masculine singular, or a class: {classes}")
                }
            },
        ))
    }

    /// Why no claim can count `noun`, and the fix; `None` when one can.
    fn noun_problem(&self, noun: &str) -> Option<(String, String)> {
        let lx = self.lexicon?;
        // "drone + missile": things counted together, each a noun of its own.
        if noun.contains('+') {
            let parts: Vec<&str> = noun.split('+').map(str::trim).collect();
            if parts.iter().any(|p| p.is_empty()) {
                return Some((
                    format!("`{noun}` leaves out a noun around `+`"),
                    "write the nouns counted together as `drone + missile`".to_owned(),
                ));
            }
            return parts.iter().find_map(|p| lx.noun_problem(p));
        }
        lx.noun_problem(noun)
    }

    /// Why `actor` can never match, and the fix; `None` when it can.
    fn actor_problem(&self, actor: &str) -> Option<(String, String)> {
        let lx = self.lexicon?;
        if self
            .actors
            .iter()
            .any(|a| a.to_lowercase() == actor.to_lowercase())
        {
            return None;
        }
        if let Some(name) = lx.actor_of(actor) {
            return Some((
                format!(
                    "actor `{actor}` is never on a claim: the text's `{actor}` is read as `{name}`"
                ),
                format!("write `{name}`"),
            ));
        }
        let names: Vec<&str> = self.actors.iter().map(String::as_str).collect();
        Some((
            format!("unknown actor `{actor}`"),
            match did_you_mean(actor, &names) {
                Some(s) => format!("did you mean `{s}`? actors: {}", names.join(", ")),
                None => format!("actors: {}", names.join(", ")),
            },
        ))
    }
}

/// The most a `words` or `not_words` pattern may compile to, in bytes.
pub const REGEX_SIZE_LIMIT: usize = 4 << 20;

/// Default tolerance when a metric names none.
pub const DEFAULT_TOLERANCE: Tolerance = Tolerance::Relative(0.10);
/// Default slack between a claim's window start and `since`, in days.
pub const DEFAULT_WINDOW_SLACK_DAYS: i64 = 14;

/// Loads rule files given as `(name, text)`, in the order given.
///
/// # Errors
/// Every problem of every file, each located; no metric is returned if any file is wrong.
pub fn load(
    files: &[(String, String)],
    vocabulary: &Vocabulary<'_>,
) -> Result<RuleSet, Vec<RuleError>> {
    let mut errors = Vec::new();
    let mut metrics: Vec<Metric> = Vec::new();
    // Every metric as written, valid or not, so ids and parts are checked on all of them.
    let mut declared: Vec<Declared> = Vec::new();
    let mut cases: Vec<(toml::Spanned<CaseSpec>, usize)> = Vec::new();
    let mut regexes = Regexes::default();
    for (fi, (name, text)) in files.iter().enumerate() {
        let loc = Locator::new(name, text);
        match toml::from_str::<RuleFile>(text) {
            Ok(file) => {
                for spec in file.metric {
                    let span = spec.span();
                    let raw = spec.get_ref();
                    declared.push(Declared {
                        reported_with: raw
                            .reported_with
                            .as_ref()
                            .map(|r| (MetricId(r.get_ref().trim().to_owned()), r.span())),
                        id: MetricId(raw.id.get_ref().trim().to_owned()),
                        parts: raw
                            .parts
                            .iter()
                            .map(|p| MetricId(p.get_ref().clone()))
                            .collect(),
                        span,
                        file: fi,
                        line: loc.line_col(raw.id.span().start).0,
                    });
                    match validate(&loc, spec.into_inner(), vocabulary, &mut regexes) {
                        Ok(m) => metrics.push(m),
                        // A metric's problems in the order the file writes them.
                        Err(mut e) => {
                            e.sort_by_key(|x| (x.line, x.column));
                            errors.append(&mut e);
                        }
                    }
                }
                cases.extend(file.case.into_iter().map(|c| (c, fi)));
            }
            Err(e) => errors.push(toml_error(&loc, &e)),
        }
    }
    // Ids are unique across files.
    let mut seen: BTreeMap<MetricId, (String, usize)> = BTreeMap::new();
    for m in &declared {
        let (span, fi) = (&m.span, &m.file);
        if let Some((file, line)) = seen.get(&m.id) {
            let (name, text) = &files[*fi];
            let loc = Locator::new(name, text);
            errors.push(loc.error(
                span.clone(),
                format!("duplicate metric id `{}`", m.id),
                Some(format!("`{}` is already defined at {file}:{line}; ids must be unique across rule files", m.id)),
            ));
        } else {
            seen.insert(m.id.clone(), (files[*fi].0.clone(), m.line));
        }
    }
    // Parts name known metrics and form no cycle. (The first of duplicate ids, as `seen`.)
    let mut by_id: BTreeMap<&MetricId, &Declared> = BTreeMap::new();
    for m in &declared {
        by_id.entry(&m.id).or_insert(m);
    }
    for m in &declared {
        let (span, fi) = (&m.span, &m.file);
        let (name, text) = &files[*fi];
        let loc = Locator::new(name, text);
        for part in &m.parts {
            if !seen.contains_key(part) {
                let ids: Vec<&str> = seen.keys().map(|k| k.0.as_str()).collect();
                errors.push(loc.error(
                    span.clone(),
                    format!("`parts` of `{}` names unknown metric `{part}`", m.id),
                    Some(match did_you_mean(&part.0, &ids) {
                        Some(s) => format!("did you mean `{s}`?"),
                        None => format!("known metrics: {}", ids.join(", ")),
                    }),
                ));
            }
        }
        if let Some((with, span)) = &m.reported_with
            && with != &m.id
            && !seen.contains_key(with)
        {
            let ids: Vec<&str> = seen.keys().map(|k| k.0.as_str()).collect();
            errors.push(loc.error(
                span.clone(),
                format!(
                    "`reported_with` of `{}` names unknown metric `{with}`",
                    m.id
                ),
                Some(match did_you_mean(&with.0, &ids) {
                    Some(s) => format!("did you mean `{s}`?"),
                    None => format!("known metrics: {}", ids.join(", ")),
                }),
            ));
        }
        if reaches(&by_id, &m.id, &m.id, 0) {
            errors.push(loc.error(
                span.clone(),
                format!("`parts` of `{}` form a cycle", m.id),
                Some("a metric cannot be, directly or not, a part of itself".into()),
            ));
        }
    }
    let ids: Vec<&str> = seen.keys().map(|k| k.0.as_str()).collect();
    let mut rule_cases = Vec::new();
    for (spec, fi) in cases {
        let (name, text) = &files[fi];
        let loc = Locator::new(name, text);
        match validate_case(&loc, spec, &ids) {
            Ok(c) => rule_cases.push(c),
            Err(mut e) => errors.append(&mut e),
        }
    }
    if errors.is_empty() {
        Ok(RuleSet {
            metrics,
            cases: rule_cases,
        })
    } else {
        Err(errors)
    }
}

fn validate_case(
    loc: &Locator<'_>,
    spec: toml::Spanned<CaseSpec>,
    ids: &[&str],
) -> Result<RuleCase, Vec<RuleError>> {
    let span = spec.span();
    let spec = spec.into_inner();
    let mut errors = Vec::new();
    if !ids.contains(&spec.metric.get_ref().as_str()) {
        errors.push(loc.error(
            spec.metric.span(),
            format!(
                "case `{}` tests unknown metric `{}`",
                spec.name.get_ref(),
                spec.metric.get_ref()
            ),
            Some(match did_you_mean(spec.metric.get_ref(), ids) {
                Some(s) => format!("did you mean `{s}`?"),
                None => format!("known metrics: {}", ids.join(", ")),
            }),
        ));
    }
    let verdict = crate::Verdict::from_name(spec.verdict.get_ref());
    if verdict.is_none() {
        let names: Vec<&str> = crate::Verdict::ALL.iter().map(|v| v.name()).collect();
        errors.push(loc.error(
            spec.verdict.span(),
            format!("unknown verdict `{}`", spec.verdict.get_ref()),
            Some(format!("verdicts: {}", names.join(", "))),
        ));
    }
    let mut findings = None;
    if let Some(list) = &spec.findings {
        let mut kinds = Vec::new();
        for f in list {
            match crate::FindingKind::from_name(f.get_ref()) {
                Some(k) => kinds.push(k),
                None => {
                    let names: Vec<&str> =
                        crate::FindingKind::ALL.iter().map(|k| k.name()).collect();
                    errors.push(loc.error(
                        f.span(),
                        format!("unknown finding kind `{}`", f.get_ref()),
                        Some(format!("kinds: {}", names.join(", "))),
                    ));
                }
            }
        }
        findings = Some(kinds);
    }
    let mut articles = Vec::new();
    for a in spec.articles {
        let a = a.into_inner();
        match recoupe_parser::PartialDate::parse(a.date.get_ref()) {
            Ok(date) => articles.push(CaseArticle {
                id: a.id,
                date,
                text: a.text,
            }),
            Err(why) => errors.push(loc.error(
                a.date.span(),
                format!("invalid date: {why}"),
                Some("write YYYY-MM or YYYY-MM-DD".into()),
            )),
        }
    }
    if articles.is_empty() && errors.is_empty() {
        errors.push(loc.error(
            span.clone(),
            format!("case `{}` has no article", spec.name.get_ref()),
            None,
        ));
    }
    let (line, _) = loc.line_col(span.start);
    match (errors.is_empty(), verdict) {
        (true, Some(verdict)) => Ok(RuleCase {
            name: spec.name.into_inner(),
            metric: MetricId(spec.metric.into_inner()),
            articles,
            verdict,
            findings,
            file: loc.file.to_owned(),
            line,
        }),
        _ => Err(errors),
    }
}

/// A metric as declared, before validation: enough to check ids and parts across files.
struct Declared {
    id: MetricId,
    reported_with: Option<(MetricId, std::ops::Range<usize>)>,
    parts: Vec<MetricId>,
    span: std::ops::Range<usize>,
    file: usize,
    line: usize,
}

/// Whether `target` is reached from `from` by following `parts`.
fn reaches(
    metrics: &BTreeMap<&MetricId, &Declared>,
    from: &MetricId,
    target: &MetricId,
    depth: usize,
) -> bool {
    if depth > metrics.len() {
        return false;
    }
    let Some(m) = metrics.get(from) else {
        return false;
    };
    m.parts
        .iter()
        .any(|p| p == target || reaches(metrics, p, target, depth + 1))
}

fn toml_error(loc: &Locator<'_>, e: &toml::de::Error) -> RuleError {
    let span = e.span().unwrap_or(0..0);
    let message = e.message().trim().to_owned();
    if let Some(rest) = message.strip_prefix("unknown field `") {
        let key = rest.split('`').next().unwrap_or("");
        let all: Vec<&str> = METRIC_KEYS
            .iter()
            .chain(MATCH_KEYS)
            .chain(QUALIFIER_KEYS)
            .chain(CASE_KEYS)
            .chain(PERIOD_KEYS)
            .chain(EVENT_KEYS)
            .copied()
            .collect();
        let help = match did_you_mean(key, &all) {
            Some(s) => format!("did you mean `{s}`?"),
            None => format!(
                "`[[metric]]` takes {}; `match` takes {}",
                METRIC_KEYS.join(", "),
                MATCH_KEYS.join(", ")
            ),
        };
        return loc.error(span, format!("unknown key `{key}`"), Some(help));
    }
    if let Some(rest) = message.strip_prefix("missing field `") {
        let key = rest.split('`').next().unwrap_or("");
        return loc.error(
            span,
            format!("missing key `{key}`"),
            Some(format!("every `[[metric]]` needs `{key}`")),
        );
    }
    loc.error(span, message, None)
}

/// The `words` and `not_words` patterns compiled so far in a load, by pattern: a pattern many
/// metrics share (a generated rule file repeats one for thousands) is compiled once, and its
/// compiled form shared.
type Regexes = rustc_hash::FxHashMap<String, Regex>;

fn validate(
    loc: &Locator<'_>,
    spec: MetricSpec,
    vocabulary: &Vocabulary<'_>,
    compiled: &mut Regexes,
) -> Result<Metric, Vec<RuleError>> {
    let mut errors = Vec::new();
    let id = spec.id.get_ref().trim().to_owned();
    if id.is_empty()
        || !id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '_')
    {
        errors.push(loc.error(
            spec.id.span(),
            format!("invalid metric id `{id}`"),
            Some("use lowercase letters, digits, `-` and `_`, e.g. `us-troops-iraq`".into()),
        ));
    }
    let model = Model::ALL
        .iter()
        .find(|(_, n)| n == spec.model.get_ref())
        .map(|(m, _)| *m);
    if model.is_none() {
        let names: Vec<&str> = Model::ALL.iter().map(|(_, n)| *n).collect();
        errors.push(loc.error(
            spec.model.span(),
            format!("unknown model `{}`", spec.model.get_ref()),
            Some(match did_you_mean(spec.model.get_ref(), &names) {
                Some(s) => format!("did you mean `{s}`? models: {}", names.join(", ")),
                None => format!("models: {}", names.join(", ")),
            }),
        ));
    }
    let tolerance = match &spec.tolerance {
        None => DEFAULT_TOLERANCE,
        Some(t) => parse_tolerance(t.get_ref()).unwrap_or_else(|why| {
            errors.push(loc.error(
                t.span(),
                format!("invalid tolerance `{}`: {why}", t.get_ref()),
                Some(
                    "write a percentage like \"10%\" or an absolute difference like \"50\"".into(),
                ),
            ));
            DEFAULT_TOLERANCE
        }),
    };
    let since = spec.since.as_ref().and_then(|s| {
        match NaiveDate::parse_from_str(s.get_ref(), "%Y-%m-%d") {
            Ok(d) => Some(d),
            Err(_) => {
                errors.push(loc.error(
                    s.span(),
                    format!("invalid date `{}` for `since`", s.get_ref()),
                    Some("write a day as YYYY-MM-DD, e.g. \"2023-10-17\"".into()),
                ));
                None
            }
        }
    });
    if let (Some(s), Some(Model::Stable)) = (&spec.since, model) {
        errors.push(loc.error(
            s.span(),
            "`since` only applies to model = \"cumulative\"",
            Some("remove `since`, or use model = \"cumulative\" for a running total".into()),
        ));
    }
    let window_slack_days = match &spec.window_slack_days {
        None => DEFAULT_WINDOW_SLACK_DAYS,
        Some(w) if *w.get_ref() >= 0 => *w.get_ref(),
        Some(w) => {
            errors.push(loc.error(
                w.span(),
                format!(
                    "`window_slack_days` must be 0 or more, found {}",
                    w.get_ref()
                ),
                None,
            ));
            DEFAULT_WINDOW_SLACK_DAYS
        }
    };
    let mut qualifiers = QualifierOverrides::default();
    if let Some(q) = spec.qualifiers.as_ref().map(|q| q.get_ref()) {
        let mut width = |w: &Option<toml::Spanned<String>>| -> Option<f64> {
            let w = w.as_ref()?;
            match parse_tolerance(w.get_ref()) {
                Ok(Tolerance::Relative(t)) => Some(t),
                Ok(Tolerance::Absolute(_)) => {
                    errors.push(loc.error(
                        w.span(),
                        format!("qualifier width `{}` must be a percentage", w.get_ref()),
                        Some(
                            "write e.g. \"5%\": \"environ 2 500\" then means 2 375 to 2 625".into(),
                        ),
                    ));
                    None
                }
                Err(why) => {
                    errors.push(loc.error(
                        w.span(),
                        format!("invalid qualifier width `{}`: {why}", w.get_ref()),
                        Some("write a percentage like \"5%\"".into()),
                    ));
                    None
                }
            }
        };
        qualifiers.approx = width(&q.approx);
        qualifiers.nearly = width(&q.nearly);
    }
    // A title is printed to terminals and pages: no control character may ride in it.
    if let Some(c) = spec.title.get_ref().chars().find(|c| c.is_control()) {
        errors.push(loc.error(
            spec.title.span(),
            format!(
                "`title` holds a control character (U+{:04X}), which a terminal would obey",
                u32::from(c)
            ),
            Some("write the title as plain text".into()),
        ));
    }
    let mut period = Period::default();
    if let Some(p) = spec.period.as_ref().map(|p| p.get_ref()) {
        let mut day = |d: &Option<toml::Spanned<String>>, key: &str| -> Option<NaiveDate> {
            let d = d.as_ref()?;
            match NaiveDate::parse_from_str(d.get_ref(), "%Y-%m-%d") {
                Ok(day) => Some(day),
                Err(_) => {
                    errors.push(loc.error(
                        d.span(),
                        format!("invalid date `{}` for `period.{key}`", d.get_ref()),
                        Some("write a day as YYYY-MM-DD".into()),
                    ));
                    None
                }
            }
        };
        period.from = day(&p.from, "from");
        period.to = day(&p.to, "to");
        if let (Some(f), Some(t)) = (period.from, period.to)
            && f > t
            && let Some(span) = spec.period.as_ref().map(|p| p.span())
        {
            errors.push(loc.error(
                span,
                "`period` ends before it starts",
                Some("`from` must be on or before `to`".into()),
            ));
        }
    }
    let mut event = None;
    if let Some(e) = &spec.event {
        if model.is_some_and(|m| m != Model::Event) {
            errors.push(loc.error(
                e.span(),
                "`event` only applies to model = \"event\"",
                Some("remove `event`, or use model = \"event\" for the count of one event".into()),
            ));
        }
        let e = e.get_ref();
        let days = parse_days(e.on.get_ref());
        if days.is_none() {
            errors.push(loc.error(
                e.on.span(),
                format!("invalid day `{}` for `event.on`", e.on.get_ref()),
                Some("write a day as YYYY-MM-DD, or days as YYYY-MM-DD..YYYY-MM-DD".into()),
            ));
        }
        named(
            &e.places,
            &|p| vocabulary.place_problem(p),
            loc,
            &mut errors,
        );
        event = days.map(|days| EventWindow {
            days,
            places: e.places.iter().map(|p| p.get_ref().clone()).collect(),
        });
    }
    let series = spec.series.as_ref().and_then(|s| match s.get_ref().as_str() {
        "source" => Some(Series::Source),
        other => {
            errors.push(loc.error(
                s.span(),
                format!("unknown series `{other}`"),
                Some(
                    "write series = \"source\": each kind of source (authorities, organisers…) is its own series"
                        .into(),
                ),
            ));
            None
        }
    });
    let mut matcher = build_matcher(
        loc,
        spec.matcher.into_inner(),
        model.unwrap_or(Model::Stable),
        vocabulary,
        compiled,
        &mut errors,
    );
    // The toll of one event is often written as a running total ("le bilan s'élève à").
    if event.is_some() && matcher.kinds == [ClaimKind::Event] && !matcher.kinds_written {
        matcher.kinds.push(ClaimKind::Cumulative);
    }
    matcher.period = period;
    if let Some(e) = &event {
        matcher.event_places = lower_all(&e.places);
    }
    let (line, _) = loc.line_col(spec.id.span().start);
    if !errors.is_empty() {
        return Err(errors);
    }
    Ok(Metric {
        id: MetricId(id),
        title: spec.title.into_inner(),
        model: model.unwrap_or(Model::Stable),
        tolerance,
        since,
        window_slack_days,
        parts: spec
            .parts
            .into_iter()
            .map(|p| MetricId(p.into_inner()))
            .collect(),
        qualifiers,
        matcher,
        event,
        series,
        reported_with: spec
            .reported_with
            .map(|r| MetricId(r.into_inner().trim().to_owned())),
        file: loc.file.to_owned(),
        line,
    })
}

/// "2023-09-08" or "2023-09-08..2023-09-09".
fn parse_days(text: &str) -> Option<recoupe_parser::DayInterval> {
    let day = |t: &str| NaiveDate::parse_from_str(t.trim(), "%Y-%m-%d").ok();
    match text.split_once("..") {
        Some((a, b)) => {
            let (a, b) = (day(a)?, day(b)?);
            (a <= b).then(|| recoupe_parser::DayInterval::new(a, b))
        }
        None => day(text).map(recoupe_parser::DayInterval::day),
    }
}

fn parse_tolerance(text: &str) -> Result<Tolerance, String> {
    let t = text.trim();
    let (number, relative) = match t.strip_suffix('%') {
        Some(n) => (n.trim(), true),
        None => (t, false),
    };
    let v: f64 = number
        .replace(',', ".")
        .parse()
        .map_err(|_| "not a number".to_owned())?;
    if !v.is_finite() || v < 0.0 {
        return Err("it must be 0 or more".into());
    }
    if relative {
        if v > 100.0 {
            return Err("a percentage above 100% lets any figure agree".into());
        }
        Ok(Tolerance::Relative(v / 100.0))
    } else {
        Ok(Tolerance::Absolute(v))
    }
}

/// Names a rule gives (places, actors), lowercased, with an error for each that no claim can
/// carry.
fn named(
    list: &[toml::Spanned<String>],
    problem: &dyn Fn(&str) -> Option<(String, String)>,
    loc: &Locator<'_>,
    errors: &mut Vec<RuleError>,
) -> Vec<String> {
    for n in list {
        if let Some((message, help)) = problem(n.get_ref()) {
            errors.push(loc.error(n.span(), message, Some(help)));
        }
    }
    list.iter().map(|n| n.get_ref().to_lowercase()).collect()
}

fn build_matcher(
    loc: &Locator<'_>,
    spec: MatchSpec,
    model: Model,
    vocabulary: &Vocabulary<'_>,
    compiled: &mut Regexes,
    errors: &mut Vec<RuleError>,
) -> Matcher {
    let mut kinds = Vec::new();
    for k in &spec.kinds {
        match ClaimKind::from_name(k.get_ref()) {
            Some(kind) => kinds.push(kind),
            None => {
                let names = ["cumulative", "event", "level", "change"];
                errors.push(loc.error(
                    k.span(),
                    format!("unknown claim kind `{}`", k.get_ref()),
                    Some(match did_you_mean(k.get_ref(), &names) {
                        Some(s) => format!("did you mean `{s}`? kinds: {}", names.join(", ")),
                        None => format!("kinds: {}", names.join(", ")),
                    }),
                ))
            }
        }
    }
    if spec.kinds.is_empty() {
        kinds = model.default_kinds();
    }
    let predicates: Vec<PredicateWanted> = spec
        .predicates
        .iter()
        .filter_map(|p| match vocabulary.predicate(p.get_ref()) {
            Ok(w) => Some(w),
            Err((message, help)) => {
                errors.push(loc.error(p.span(), message, Some(help)));
                None
            }
        })
        .collect();
    let mut regexes = |list: &[toml::Spanned<String>]| -> Vec<Regex> {
        list.iter()
            .filter_map(|w| {
                if let Some(r) = compiled.get(w.get_ref()) {
                    return Some(r.clone());
                }
                // A bound on the compiled size: an enormous pattern is an error, not a hang.
                let built = regex::RegexBuilder::new(w.get_ref())
                    .case_insensitive(true)
                    .size_limit(REGEX_SIZE_LIMIT)
                    .dfa_size_limit(REGEX_SIZE_LIMIT)
                    .build();
                match built {
                    Ok(r) => {
                        compiled.insert(w.get_ref().clone(), r.clone());
                        Some(r)
                    }
                    Err(regex::Error::CompiledTooBig(_)) => {
                        // The pattern itself may be megabytes: show its start.
                        let shown: String = w.get_ref().chars().take(40).collect();
                        errors.push(loc.error(
                            w.span(),
                            format!(
                                "regex `{shown}…` is too large: it compiles to more than {} MB",
                                REGEX_SIZE_LIMIT >> 20
                            ),
                            Some("match fewer alternatives, or a shorter pattern".into()),
                        ));
                        None
                    }
                    Err(e) => {
                        let why = e.to_string().lines().last().unwrap_or("").trim().trim_start_matches("error: ").to_owned();
                        errors.push(loc.error(w.span(), format!("regex `{}` does not compile: {why}", w.get_ref()), Some("`words` and `not_words` are regular expressions (Rust regex syntax), matched without case".into())));
                        None
                    }
                }
            })
            .collect()
    };
    let words = regexes(&spec.words);
    let not_words = regexes(&spec.not_words);
    Matcher {
        nouns: named(&spec.nouns, &|n| vocabulary.noun_problem(n), loc, errors),
        heads: named(&spec.heads, &|n| vocabulary.noun_problem(n), loc, errors),
        actors: named(&spec.actors, &|a| vocabulary.actor_problem(a), loc, errors),
        places: named(&spec.places, &|p| vocabulary.place_problem(p), loc, errors),
        places_any: named(
            &spec.places_any,
            &|p| vocabulary.place_problem(p),
            loc,
            errors,
        ),
        places_none: named(
            &spec.places_none,
            &|p| vocabulary.place_problem(p),
            loc,
            errors,
        ),
        places_within: named(
            &spec.places_within,
            &|p| vocabulary.place_problem(p),
            loc,
            errors,
        ),
        action_nouns: vocabulary.action_nouns(&predicates),
        predicates,
        units: spec
            .units
            .iter()
            .filter_map(|u| {
                let name = u.get_ref();
                if name == "count" {
                    return Some(None);
                }
                let written_as = vocabulary.lexicon.and_then(|lx| lx.unit_of(name));
                match (Unit::from_name(name), written_as) {
                    (Some(unit), _) => Some(Some(unit)),
                    (None, Some(unit)) => {
                        errors.push(loc.error(
                            u.span(),
                            format!("unit `{name}` is never on a claim: claims write it `{unit}`"),
                            Some(format!("write `{unit}`")),
                        ));
                        None
                    }
                    (None, None) => {
                        let names: Vec<&str> = Unit::ALL
                            .iter()
                            .map(|u| u.name())
                            .chain(["count"])
                            .collect();
                        errors.push(loc.error(
                            u.span(),
                            format!("unknown unit `{name}`"),
                            Some(match did_you_mean(name, &names) {
                                Some(s) => {
                                    format!("did you mean `{s}`? units: {}", names.join(", "))
                                }
                                None => format!("units: {}", names.join(", ")),
                            }),
                        ));
                        None
                    }
                }
            })
            .collect(),
        kinds_written: !spec.kinds.is_empty(),
        kinds,
        words,
        not_words,
        sources: lower_all(&spec.sources),
        period: Period::default(),
        event_places: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn load_one(text: &str) -> Result<RuleSet, Vec<RuleError>> {
        load(
            &[("rules/t.toml".into(), text.into())],
            &Vocabulary::unchecked(),
        )
    }

    const GOOD: &str = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\ntolerance = \"5%\"\nmatch = { nouns = [\"soldat\"] }\n";

    #[test]
    fn loads_a_good_metric() {
        let Ok(rules) = load_one(GOOD) else {
            panic!("GOOD does not load");
        };
        assert_eq!(rules.metrics.len(), 1);
        assert_eq!(rules.metrics[0].tolerance, Tolerance::Relative(0.05));
        assert_eq!(rules.metrics[0].line, 2);
    }

    #[test]
    fn every_error_is_reported_with_its_place() {
        let text = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stabel\"\ntolerance = \"ten\"\nsince = \"2023-13-01\"\nmatch = { words = [\"(\"] }\n";
        let errors = load_one(text).unwrap_err();
        let lines: Vec<(usize, &str)> = errors
            .iter()
            .map(|e| (e.line, e.message.as_str()))
            .collect();
        assert_eq!(lines.len(), 4, "{lines:?}");
        assert_eq!(lines[0].0, 4);
        assert!(
            errors[0]
                .help
                .as_deref()
                .unwrap_or("")
                .contains("did you mean `stable`")
        );
        assert!(lines[1].1.starts_with("invalid tolerance"));
        assert!(lines[2].1.starts_with("invalid date"));
        assert!(lines[3].1.contains("does not compile"));
    }

    #[test]
    fn qualifier_widths_are_percentages() {
        let ok = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nqualifiers = { approx = \"5%\" }\nmatch = {}\n";
        let Ok(rules) = load_one(ok) else {
            panic!("valid rule rejected")
        };
        assert_eq!(
            rules.metrics[0].qualifiers,
            QualifierOverrides {
                approx: Some(0.05),
                nearly: None
            }
        );
        let bad = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nqualifiers = { approx = \"50\", environ = \"5%\" }\nmatch = {}\n";
        let errors = load_one(bad).unwrap_err();
        assert_eq!(errors[0].message, "unknown key `environ`");
    }

    #[test]
    fn places_and_actors_must_be_ones_a_claim_can_carry() {
        let Ok(lx) = recoupe_extractor::Lexicon::french() else {
            panic!("lexicon")
        };
        let text = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nmatch = { actors = [\"américains\", \"coalition\"], places = [\"Irac\", \"Iraq\", \"Syrie\", \"Erbil\"] }\n";
        let errors = load(&[("t.toml".into(), text.into())], &Vocabulary::of(&lx)).unwrap_err();
        let shown: Vec<(&str, Option<&str>)> = errors
            .iter()
            .map(|e| (e.message.as_str(), e.help.as_deref()))
            .collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].0.contains("actor `américains`") && shown[0].1 == Some("write `américain`")
        );
        assert!(
            shown[1].0.contains("unknown place `Irac`")
                && shown[1]
                    .1
                    .is_some_and(|h| h.contains("did you mean `Irak`"))
        );
        assert!(shown[2].0.contains("place `Iraq`") && shown[2].1 == Some("write `Irak`"));
    }

    #[test]
    fn predicates_units_and_places_within_are_checked() {
        let Ok(lx) = recoupe_extractor::Lexicon::french() else {
            panic!("lexicon")
        };
        let text = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nmatch = { predicates = [\"blessé\", \"inondé\", \"injury\", \"recensé\"], units = [\"EUR\", \"euros\"], places_within = [\"Maroc\"] }\n";
        let errors = load(&[("t.toml".into(), text.into())], &Vocabulary::of(&lx)).unwrap_err();
        let shown: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            shown,
            [
                "unknown predicate `injury`: claims carry a French participle (\"blessé\", \"inondé\") or a class",
                "predicate `recensé` is never on a claim: a reporting verb says who counts, not what happened",
                "unit `euros` is never on a claim: claims write it `EUR`",
            ]
        );
        let good = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nmatch = { predicates = [\"tué\", \"death\", \"grièvement blessé\"], places_within = [\"Maroc\"] }\n";
        let Ok(rules) = load(&[("t.toml".into(), good.into())], &Vocabulary::of(&lx)) else {
            panic!("valid rule rejected")
        };
        assert_eq!(
            rules.metrics[0].matcher.predicates,
            [
                PredicateWanted::Lemma("tué".into()),
                PredicateWanted::Class(PredicateClass::Death),
                PredicateWanted::Lemma("grièvement blessé".into())
            ],
            "a class asks for all its lemmas, a lemma for itself (and what the lexicon says means the same)"
        );
        let synonym = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nmatch = { predicates = [\"péri\", \"blesse\"] }\n";
        let errors = load(&[("t.toml".into(), synonym.into())], &Vocabulary::of(&lx)).unwrap_err();
        assert_eq!(
            errors[0].message,
            "predicate `péri` is never on a claim: claims write it `tué`"
        );
        assert!(
            errors[1]
                .help
                .as_deref()
                .is_some_and(|h| h.contains("did you mean `blessé`")),
            "{errors:?}"
        );
    }

    #[test]
    fn a_noun_that_names_an_action_counts_that_action() {
        let Ok(x) = recoupe_extractor::Extractor::french() else {
            panic!("lexicon")
        };
        let text = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"cumulative\"\nmatch = { predicates = [\"arrested\"], kinds = [\"event\", \"cumulative\", \"level\"] }\n";
        let Ok(rules) = load(
            &[("t.toml".into(), text.into())],
            &Vocabulary::of(x.lexicon()),
        ) else {
            panic!("rule does not load")
        };
        let (article, _) = recoupe_parser::parse_seed(
            recoupe_parser::ArticleId("t".into()),
            " date 2023-03-24 T\n\nLe ministre a annoncé 457 interpellations et 441 policiers blessés. La police a arrêté 12 personnes.\n".as_bytes(),
        );
        let matched: Vec<String> = x
            .extract(&article)
            .iter()
            .filter(|c| rules.metrics[0].matcher.matches(c))
            .map(|c| c.written().to_owned())
            .collect();
        // "457 interpellations" counts arrests without a verb; the wounded do not.
        assert_eq!(matched, ["457", "12"]);
    }

    #[test]
    fn an_enormous_regex_is_an_error_not_a_hang() {
        let text = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nmatch = { words = ['\\w{5000}'] }\n";
        let errors = load_one(text).unwrap_err();
        assert!(
            errors[0].message.contains("is too large"),
            "{}",
            errors[0].message
        );
    }

    #[test]
    fn a_title_with_a_control_character_is_an_error() {
        let text =
            "[[metric]]\nid = \"a\"\ntitle = \"A\\u001b[2J\"\nmodel = \"stable\"\nmatch = {}\n";
        let errors = load_one(text).unwrap_err();
        assert_eq!(
            errors[0].message,
            "`title` holds a control character (U+001B), which a terminal would obey"
        );
    }

    #[test]
    fn nouns_counted_together_are_written_with_a_plus() {
        let Ok(lx) = recoupe_extractor::Lexicon::french() else {
            panic!("lexicon")
        };
        // "drone" is French as well as English; "drone + missile" names two nouns.
        let good = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"event\"\nmatch = { nouns = [\"drone\", \"drone + missile\"] }\n";
        assert!(load(&[("t.toml".into(), good.into())], &Vocabulary::of(&lx)).is_ok());
        let bad = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"event\"\nmatch = { nouns = [\"drone + \", \"drone + missiles\"] }\n";
        let errors = load(&[("t.toml".into(), bad.into())], &Vocabulary::of(&lx)).unwrap_err();
        let shown: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            shown,
            [
                "`drone + ` leaves out a noun around `+`",
                "noun `missiles` is never on a claim: claims write it `missile`"
            ]
        );
        // One thing is accepted when the list names it; things counted together when an entry
        // names them all, or the list names each.
        let w = |v: &[&str]| v.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>();
        let n = |v: &[&str]| v.iter().map(|s| Name::new(s)).collect::<Vec<_>>();
        assert!(nouns_accept(&w(&["drone"]), "drone", &[]));
        assert!(!nouns_accept(&w(&["drone"]), "drone", &n(&["missile"])));
        assert!(nouns_accept(
            &w(&["drone + missile"]),
            "missile",
            &n(&["drone"])
        ));
        assert!(!nouns_accept(&w(&["drone + missile"]), "drone", &[]));
        assert!(nouns_accept(
            &w(&["policier", "gendarme"]),
            "policier",
            &n(&["gendarme"])
        ));
    }

    #[test]
    fn nouns_and_kinds_must_be_ones_a_claim_can_carry() {
        let Ok(lx) = recoupe_extractor::Lexicon::french() else {
            panic!("lexicon")
        };
        let text = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nmatch = { nouns = [\"soldat\", \"injury\", \"attaques\", \"Irak\", \"euros\"], kinds = [\"levl\"] }\n";
        let errors = load(&[("t.toml".into(), text.into())], &Vocabulary::of(&lx)).unwrap_err();
        let shown: Vec<(&str, &str)> = errors
            .iter()
            .map(|e| (e.message.as_str(), e.help.as_deref().unwrap_or("")))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    "unknown noun `injury`: claims carry the French noun of the text",
                    "did you mean `blessé`?"
                ),
                (
                    "noun `attaques` is never on a claim: claims write it `attaque`",
                    "write `attaque`"
                ),
                (
                    "`Irak` is a place, not a counted noun",
                    "match it with `places = [\"Irak\"]`"
                ),
                (
                    "`euros` is a unit, not a counted noun",
                    "match it with `units = [\"EUR\"]`"
                ),
                (
                    "unknown claim kind `levl`",
                    "did you mean `level`? kinds: cumulative, event, level, change"
                ),
            ]
        );
    }

    #[test]
    fn event_series_and_reported_with_are_checked() {
        let text = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\nevent = { on = \"2023-09-31\" }\nseries = \"sources\"\nreported_with = \"tol\"\nmatch = {}\n[[metric]]\nid = \"toll\"\ntitle = \"T\"\nmodel = \"event\"\nevent = { on = \"2023-09-08..2023-09-09\", places = [\"Maroc\"] }\nmatch = {}\n";
        let errors = load_one(text).unwrap_err();
        let shown: Vec<&str> = errors.iter().map(|e| e.message.as_str()).collect();
        assert_eq!(
            shown,
            [
                "`event` only applies to model = \"event\"",
                "invalid day `2023-09-31` for `event.on`",
                "unknown series `sources`",
                "`reported_with` of `a` names unknown metric `tol`",
            ]
        );
        assert!(errors[3].help.as_deref() == Some("did you mean `toll`?"));
        let good = "[[metric]]\nid = \"toll\"\ntitle = \"T\"\nmodel = \"event\"\nevent = { on = \"2023-09-08..2023-09-09\", places = [\"Maroc\"] }\nseries = \"source\"\nmatch = {}\n";
        let Ok(rules) = load_one(good) else {
            panic!("valid rule rejected")
        };
        let m = &rules.metrics[0];
        assert_eq!(m.series, Some(Series::Source));
        assert_eq!(
            m.event
                .as_ref()
                .map(|e| (e.days.to_string(), e.places.clone())),
            Some((
                "2023-09-08..2023-09-09".to_owned(),
                vec!["Maroc".to_owned()]
            ))
        );
        assert_eq!(
            m.matcher.kinds,
            [ClaimKind::Event, ClaimKind::Cumulative],
            "the toll of one event is often written as a running total"
        );
    }

    #[test]
    fn unknown_keys_duplicates_and_parts() {
        let e = load_one("[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"stable\"\ntolerence = \"5%\"\nmatch = {}\n").unwrap_err();
        assert_eq!(e[0].message, "unknown key `tolerence`");
        assert_eq!(e[0].line, 5);
        let e = load(
            &[
                ("a.toml".into(), GOOD.into()),
                ("b.toml".into(), GOOD.into()),
            ],
            &Vocabulary::unchecked(),
        )
        .unwrap_err();
        assert!(e[0].message.contains("duplicate metric id `a`") && e[0].file == "b.toml");
        let cyc = "[[metric]]\nid = \"a\"\ntitle = \"A\"\nmodel = \"cumulative\"\nparts = [\"b\"]\nmatch = {}\n[[metric]]\nid = \"b\"\ntitle = \"B\"\nmodel = \"cumulative\"\nparts = [\"a\", \"zz\"]\nmatch = {}\n";
        let e = load_one(cyc).unwrap_err();
        let msgs: Vec<&str> = e.iter().map(|e| e.message.as_str()).collect();
        assert!(
            msgs.iter().any(|m| m.contains("unknown metric `zz`")),
            "{msgs:?}"
        );
        assert_eq!(msgs.iter().filter(|m| m.contains("cycle")).count(), 2);
    }
}
