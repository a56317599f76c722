//! The language's lexicons, loaded once from the data files under `lexicon/<lang>/`.
//!
//! The extractor knows French through these files only: number words, qualifiers, nouns,
//! predicates, units, places (the gazetteer), actors, sources and words of time. Adding a
//! word is editing a TOML file; adding a language is adding a folder with the same files.
//! The phrase matcher (`phrases.rs`) looks multi-word entries up at a token.

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};
use std::fmt;

use chrono::Weekday;
use serde::Deserialize;

mod gazetteer;
mod grammar;
pub mod language;
mod phrases;
mod predicates;

pub(crate) use gazetteer::{Gazetteer, PlaceId};
pub(crate) use grammar::Grammar;
pub(crate) use phrases::{Phrase, Phrases, phrase_at};
pub(crate) use predicates::{PredicateLexicon, VerbKind, participle_lemma};

use crate::tokens::{TokenKind, tokenize};
use crate::{PredicateClass, Qualifier, Unit};

/// The data files of French.
const FRENCH: [(&str, &str); 10] = [
    (
        "numbers.toml",
        include_str!("../../lexicon/fr/numbers.toml"),
    ),
    (
        "qualifiers.toml",
        include_str!("../../lexicon/fr/qualifiers.toml"),
    ),
    ("nouns.toml", include_str!("../../lexicon/fr/nouns.toml")),
    ("places.toml", include_str!("../../lexicon/fr/places.toml")),
    ("actors.toml", include_str!("../../lexicon/fr/actors.toml")),
    (
        "sources.toml",
        include_str!("../../lexicon/fr/sources.toml"),
    ),
    ("time.toml", include_str!("../../lexicon/fr/time.toml")),
    (
        "predicates.toml",
        include_str!("../../lexicon/fr/predicates.toml"),
    ),
    ("units.toml", include_str!("../../lexicon/fr/units.toml")),
    (
        "grammar.toml",
        include_str!("../../lexicon/fr/grammar.toml"),
    ),
];

/// A lexicon file that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LexiconError {
    /// The file.
    pub file: String,
    /// What is wrong.
    pub message: String,
}

impl fmt::Display for LexiconError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "lexicon {}: {}", self.file, self.message)
    }
}

impl std::error::Error for LexiconError {}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NumbersFile {
    cardinals: Vec<String>,
    joiners: Vec<String>,
    scales: BTreeMap<String, f64>,
    approx_nouns: BTreeMap<String, f64>,
    vague_determiners: Vec<String>,
    indefinite: Vec<String>,
    zero_determiners: Vec<String>,
    zero_verbs: Vec<String>,
    one_after: Vec<String>,
    extra_scales: BTreeMap<String, f64>,
    suffixes: BTreeMap<String, f64>,
    denominators: BTreeMap<String, f64>,
    words: NumberWords,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NumberWords {
    decimal_point: Vec<String>,
    minus: Vec<String>,
    ratio: Vec<String>,
    half: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QualifiersFile {
    tolerance: ToleranceTable,
    vague: VagueTable,
    phrases: BTreeMap<String, Vec<String>>,
    range: RangeTable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RangeTable {
    openers: Vec<String>,
    joiners: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ToleranceTable {
    approx: f64,
    nearly: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct VagueTable {
    low_factor: f64,
    high_factor: f64,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NounsFile {
    events: Vec<String>,
    plurals: BTreeMap<String, String>,
    times: TimesTable,
    verb_nouns: BTreeMap<String, String>,
    states: BTreeMap<String, String>,
    things: Vec<String>,
    time_units: Vec<String>,
    change_markers: Vec<String>,
    adjectives_before: Vec<String>,
    function_words: Vec<String>,
    participants: Vec<String>,
    dimensions: Vec<String>,
    dimension_openers: Vec<String>,
    thresholds: Vec<String>,
    count_nouns: Vec<String>,
    tolls: Vec<String>,
    group_members: Vec<String>,
    group_openers: Vec<String>,
    clitic_en: Vec<String>,
    subject_pronouns: Vec<String>,
    rank_nouns: Vec<String>,
    both: Vec<String>,
    english: BTreeMap<String, String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimesTable {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorsFile {
    targets: Vec<String>,
    actor: Vec<ActorEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActorEntry {
    name: String,
    forms: Vec<String>,
    /// Where the actor holds ground, a gazetteer name: its targets lie there.
    #[serde(default)]
    home: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourcesFile {
    agencies: Vec<String>,
    source: Vec<SourceEntry>,
    openers: Vec<String>,
    verbs: Vec<String>,
    kinds: Vec<String>,
    kind_words: BTreeMap<String, String>,
    documents: Vec<String>,
    anaphoric_documents: Vec<String>,
    anaphora: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SourceEntry {
    name: String,
    forms: Vec<String>,
    kind: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TimeFile {
    months: Vec<String>,
    months_plain: Vec<String>,
    weekdays: Vec<String>,
    month_abbreviations: Vec<[String; 2]>,
    weekday_past: Vec<String>,
    weekday_next: Vec<String>,
    pluperfect: Vec<String>,
    ahead: Vec<String>,
    later: Vec<String>,
    hours: Vec<String>,
    month_parts: BTreeMap<String, [u32; 2]>,
    window_openers: Vec<String>,
    span_durations: Vec<String>,
    window_closers: Vec<String>,
    span_openers: Vec<String>,
    occasions: Vec<String>,
    cumulative_markers: Vec<String>,
    sum_markers: Vec<String>,
    previous: Vec<String>,
    publication: Vec<String>,
    next_day: Vec<String>,
    durations: BTreeMap<String, i64>,
    relative_days: BTreeMap<String, i64>,
    relative_spans: BTreeMap<String, [i64; 2]>,
    weeks: BTreeMap<String, i64>,
    calendar_months: BTreeMap<String, u32>,
    year_parts: BTreeMap<String, [u32; 2]>,
    year_openers: YearOpeners,
    weekday_ordinals: BTreeMap<String, i64>,
    months_relative: BTreeMap<String, i64>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct YearOpeners {
    words: Vec<String>,
    after: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitsFile {
    unit: Vec<UnitEntry>,
    changes: ChangesTable,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct UnitEntry {
    name: String,
    forms: Vec<String>,
    #[serde(default)]
    before: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ChangesTable {
    openers: Vec<String>,
}

/// Everything the extractor knows about a language.
#[derive(Debug, Clone)]
pub struct Lexicon {
    /// The language it reads.
    pub language: language::Language,
    pub(crate) cardinals: HashSet<String>,
    pub(crate) joiners: HashSet<String>,
    pub(crate) scales: HashMap<String, f64>,
    pub(crate) approx_nouns: HashMap<String, f64>,
    pub(crate) vague_determiners: HashSet<String>,
    pub(crate) indefinite: HashSet<String>,
    pub(crate) zero_determiners: HashSet<String>,
    pub(crate) zero_verbs: HashSet<String>,
    pub(crate) one_after: HashSet<String>,
    pub(crate) extra_scales: HashMap<String, f64>,
    pub(crate) suffixes: HashMap<String, f64>,
    pub(crate) denominators: HashMap<String, f64>,
    pub(crate) decimal_point: HashSet<String>,
    pub(crate) minus: HashSet<String>,
    pub(crate) ratio: HashSet<String>,
    pub(crate) half: HashSet<String>,
    pub(crate) tolerance_approx: f64,
    pub(crate) tolerance_nearly: f64,
    pub(crate) vague_low_factor: f64,
    pub(crate) vague_high_factor: f64,
    pub(crate) qualifiers: Phrases<Qualifier>,
    pub(crate) range_openers: HashSet<String>,
    pub(crate) range_joiners: HashSet<String>,
    pub(crate) events: HashSet<String>,
    pub(crate) plurals: HashMap<String, String>,
    pub(crate) times: HashSet<String>,
    pub(crate) verb_nouns: HashMap<String, String>,
    pub(crate) states: HashMap<String, String>,
    /// Nouns of things, not people: states do not apply to them.
    pub(crate) things: HashSet<String>,
    pub(crate) time_units: HashSet<String>,
    pub(crate) change_markers: Vec<Vec<String>>,
    pub(crate) adjectives_before: HashSet<String>,
    pub(crate) function_words: HashSet<String>,
    pub(crate) participants: HashSet<String>,
    pub(crate) dimensions: Phrases<()>,
    pub(crate) dimension_openers: HashSet<String>,
    pub(crate) thresholds: HashSet<String>,
    pub(crate) count_nouns: HashSet<String>,
    pub(crate) tolls: Vec<Vec<String>>,
    pub(crate) both: HashSet<String>,
    /// English nouns rule authors write, and the French noun claims carry instead.
    english_nouns: HashMap<String, String>,
    pub(crate) group_members: HashSet<String>,
    pub(crate) group_openers: HashSet<String>,
    pub(crate) clitic_en: HashSet<String>,
    pub(crate) subject_pronouns: HashSet<String>,
    pub(crate) rank_nouns: HashSet<String>,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) grammar: Grammar,
    pub(crate) predicates: PredicateLexicon,
    pub(crate) units: Phrases<Unit>,
    pub(crate) units_before: Phrases<Unit>,
    pub(crate) change_openers: Vec<Vec<String>>,
    pub(crate) actors: Phrases<String>,
    /// Where an actor holds ground ("houthi" → Yémen): an attack on its targets struck there.
    pub(crate) actor_homes: HashMap<String, PlaceId>,
    /// Nouns of what an attack hits ("cible", "site", "position"), as lemmas.
    pub(crate) target_nouns: HashSet<String>,
    pub(crate) sources: Phrases<String>,
    /// The kind of each known source, by name.
    pub(crate) source_kinds: HashMap<String, crate::SourceKind>,
    /// Words that give an unnamed source its kind ("ministre").
    pub(crate) source_kind_words: Phrases<crate::SourceKind>,
    /// Words that name a document, not who wrote it ("bilan", "communiqué").
    pub(crate) source_documents: HashSet<String>,
    /// Documents that point back to the source named before ("le communiqué").
    pub(crate) anaphoric_documents: HashSet<String>,
    /// Words that point back to the source named before ("la même source").
    pub(crate) source_anaphora: Phrases<()>,
    /// Words that give a figure as an earlier state ("un précédent bilan", "au lieu de").
    pub(crate) previous_markers: Phrases<()>,
    /// Words that open a publication line ("Publié le …").
    pub(crate) publication_words: HashSet<String>,
    /// "lendemain": the day after the last day named.
    pub(crate) next_day: HashSet<String>,
    pub(crate) source_openers: Vec<Vec<String>>,
    pub(crate) source_verbs: HashSet<String>,
    /// Reporting verbs of several words ("fait état", "fait savoir"), as words.
    pub(crate) source_verb_phrases: Vec<Vec<String>>,
    pub(crate) agencies: Vec<String>,
    pub(crate) months: HashMap<String, u32>,
    pub(crate) weekdays: HashMap<String, Weekday>,
    pub(crate) weekday_past: HashSet<String>,
    /// "vendredi prochain": that day of the next week.
    pub(crate) weekday_next: HashSet<String>,
    /// "dans deux semaines": ahead of the reference.
    pub(crate) ahead: HashSet<String>,
    /// Auxiliaries of the pluperfect: "avait recensé".
    pub(crate) pluperfect: HashSet<String>,
    /// "24 heures après", "trois jours plus tard": after the last day named.
    pub(crate) later: Vec<Vec<String>>,
    /// Words for hours.
    pub(crate) hours: HashSet<String>,
    pub(crate) month_parts: HashMap<String, (u32, u32)>,
    pub(crate) window_openers: HashSet<String>,
    pub(crate) span_durations: HashSet<String>,
    pub(crate) window_closers: Vec<Vec<String>>,
    pub(crate) span_openers: HashSet<String>,
    pub(crate) occasions: HashSet<String>,
    pub(crate) cumulative_markers: Vec<Vec<String>>,
    pub(crate) sum_markers: Vec<Vec<String>>,
    pub(crate) durations: HashMap<String, i64>,
    pub(crate) relative_days: Phrases<i64>,
    pub(crate) relative_spans: Phrases<(i64, i64)>,
    pub(crate) weeks: Phrases<i64>,
    /// Units counted in calendar months: "mois" 1, "ans" 12.
    pub(crate) calendar_months: HashMap<String, u32>,
    /// "début 2024": which months of the year.
    pub(crate) year_parts: HashMap<String, (u32, u32)>,
    /// Words before a year alone that make it a date ("en 2014").
    pub(crate) year_openers: HashSet<String>,
    /// Words that may follow a year alone.
    pub(crate) year_followers: HashSet<String>,
    /// "le premier vendredi de juillet": which of the month's weekdays (-1 the last).
    pub(crate) weekday_ordinals: HashMap<String, i64>,
    /// "ce mois", "le mois prochain": months from the reference's.
    pub(crate) months_relative: Phrases<i64>,
}

fn load<T: serde::de::DeserializeOwned>(name: &str, text: &str) -> Result<T, LexiconError> {
    toml::from_str(text).map_err(|e| LexiconError {
        file: name.to_owned(),
        message: e.to_string(),
    })
}

/// The lowercase tokens of a phrase, as the tokenizer reads it in a text.
pub(crate) fn words_of(phrase: &str) -> Vec<String> {
    phrase_tokens(phrase)
        .into_iter()
        .map(|t| t.lower.into_string())
        .collect()
}

/// The tokens of a phrase as a text would give them: a phrase that ends with an elision
/// ("plus d'") ends with the elided word, as it does before the next word in a text.
fn phrase_tokens(phrase: &str) -> Vec<crate::tokens::Token> {
    let elided = phrase.ends_with('\'') || phrase.ends_with('’');
    let text = if elided {
        format!("{phrase}x")
    } else {
        phrase.to_owned()
    };
    let mut tokens: Vec<_> = tokenize(&text, 0)
        .into_iter()
        .filter(|t| t.kind != TokenKind::Punct || t.lower != ",")
        .collect();
    if elided {
        tokens.pop();
    }
    tokens
}

fn set(words: Vec<String>) -> HashSet<String> {
    words.into_iter().map(|w| w.to_lowercase()).collect()
}

/// Phrases sorted longest first, so the longest match wins.
fn phrases<T: Clone>(items: impl IntoIterator<Item = (String, T)>) -> Phrases<T> {
    let mut out: Vec<Phrase<T>> = items
        .into_iter()
        .map(|(form, value)| {
            let tokens = phrase_tokens(&form);
            Phrase {
                words: tokens.iter().map(|t| t.lower.to_string()).collect(),
                caps: tokens.iter().map(|t| t.upper).collect(),
                value,
            }
        })
        .filter(|p| !p.words.is_empty())
        .collect();
    out.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
    Phrases::new(out)
}

impl Lexicon {
    /// The French lexicon, from the data files compiled into the crate.
    ///
    /// # Errors
    /// A data file that does not parse, named with the reason.
    pub fn french() -> Result<Self, LexiconError> {
        let [
            numbers,
            qualifiers,
            nouns,
            places,
            actors,
            sources,
            time,
            predicates,
            units,
            grammar,
        ] = FRENCH;
        let numbers: NumbersFile = load(numbers.0, numbers.1)?;
        let qualifiers: QualifiersFile = load(qualifiers.0, qualifiers.1)?;
        let nouns: NounsFile = load(nouns.0, nouns.1)?;
        let gazetteer = Gazetteer::load(load(places.0, places.1)?)?;
        let grammar = Grammar::load(load(grammar.0, grammar.1)?);
        let predicates = PredicateLexicon::load(load(predicates.0, predicates.1)?)?;
        let units: UnitsFile = load(units.0, units.1)?;
        let mut unit_forms = Vec::new();
        let mut unit_before = Vec::new();
        for u in units.unit {
            let unit = Unit::from_name(&u.name).ok_or_else(|| LexiconError {
                file: "units.toml".into(),
                message: format!(
                    "unknown unit `{}`; the units are {}",
                    u.name,
                    Unit::ALL.map(Unit::name).join(", ")
                ),
            })?;
            unit_forms.extend(u.forms.into_iter().map(|f| (f, unit)));
            unit_before.extend(u.before.into_iter().map(|f| (f, unit)));
        }
        let actors: ActorsFile = load(actors.0, actors.1)?;
        let mut actor_homes = HashMap::default();
        for a in &actors.actor {
            if let Some(home) = &a.home {
                let id = gazetteer.find(home).ok_or_else(|| LexiconError {
                    file: "actors.toml".into(),
                    message: format!(
                        "actor `{}` has home `{home}`, which places.toml does not name",
                        a.name
                    ),
                })?;
                actor_homes.insert(a.name.clone(), id);
            }
        }
        let sources: SourcesFile = load(sources.0, sources.1)?;
        let source_kind = |k: &str, what: &str| {
            crate::SourceKind::from_name(k)
                .filter(|_| sources.kinds.iter().any(|n| n == k))
                .ok_or_else(|| LexiconError {
                    file: "sources.toml".into(),
                    message: format!(
                        "{what} has kind `{k}`, which is not one of the kinds: {}",
                        sources.kinds.join(", ")
                    ),
                })
        };
        let mut source_kinds = HashMap::default();
        for s in &sources.source {
            if let Some(k) = &s.kind {
                source_kinds.insert(
                    s.name.clone(),
                    source_kind(k, &format!("source `{}`", s.name))?,
                );
            }
        }
        let mut kind_words = Vec::new();
        for (w, k) in &sources.kind_words {
            kind_words.push((w.clone(), source_kind(k, &format!("word `{w}`"))?));
        }
        let time: TimeFile = load(time.0, time.1)?;

        let mut qualifier_items = Vec::new();
        for (kind, forms) in qualifiers.phrases {
            let q = Qualifier::from_name(&kind).ok_or_else(|| LexiconError {
                file: "qualifiers.toml".into(),
                message: format!("unknown qualifier `{kind}` in [phrases]"),
            })?;
            qualifier_items.extend(forms.into_iter().map(|f| (f, q)));
        }

        let weekday_order = [
            Weekday::Mon,
            Weekday::Tue,
            Weekday::Wed,
            Weekday::Thu,
            Weekday::Fri,
            Weekday::Sat,
            Weekday::Sun,
        ];
        if time.months.len() != 12 || time.months_plain.len() != 12 || time.weekdays.len() != 7 {
            return Err(LexiconError {
                file: "time.toml".into(),
                message: "expected 12 `months`, 12 `months_plain` and 7 `weekdays`".into(),
            });
        }
        let mut months = HashMap::default();
        for (i, (m, p)) in time.months.iter().zip(&time.months_plain).enumerate() {
            months.insert(m.to_lowercase(), i as u32 + 1);
            months.insert(p.to_lowercase(), i as u32 + 1);
        }
        for [abbr, number] in &time.month_abbreviations {
            let month = number
                .parse::<u32>()
                .ok()
                .filter(|m| (1..=12).contains(m))
                .ok_or_else(|| LexiconError {
                    file: "time.toml".into(),
                    message: format!("month abbreviation `{abbr}`: `{number}` is not a month"),
                })?;
            months.insert(abbr.to_lowercase(), month);
        }

        Ok(Lexicon {
            language: language::Language {
                code: "fra",
                name: "French",
            },
            cardinals: set(numbers.cardinals),
            joiners: set(numbers.joiners),
            scales: numbers.scales.into_iter().collect(),
            approx_nouns: numbers.approx_nouns.into_iter().collect(),
            vague_determiners: set(numbers.vague_determiners),
            indefinite: set(numbers.indefinite),
            zero_determiners: set(numbers.zero_determiners),
            zero_verbs: set(numbers.zero_verbs),
            one_after: set(numbers.one_after),
            extra_scales: numbers.extra_scales.into_iter().collect(),
            suffixes: numbers.suffixes.into_iter().collect(),
            denominators: numbers.denominators.into_iter().collect(),
            decimal_point: set(numbers.words.decimal_point),
            minus: set(numbers.words.minus),
            ratio: set(numbers.words.ratio),
            half: set(numbers.words.half),
            tolerance_approx: qualifiers.tolerance.approx,
            tolerance_nearly: qualifiers.tolerance.nearly,
            vague_low_factor: qualifiers.vague.low_factor,
            vague_high_factor: qualifiers.vague.high_factor,
            qualifiers: phrases(qualifier_items),
            range_openers: set(qualifiers.range.openers),
            range_joiners: set(qualifiers.range.joiners),
            events: set(nouns.events),
            plurals: nouns.plurals.into_iter().collect(),
            times: set(nouns.times.words),
            verb_nouns: nouns.verb_nouns.into_iter().collect(),
            states: nouns.states.into_iter().collect(),
            things: set(nouns.things),
            time_units: set(nouns.time_units),
            change_markers: nouns.change_markers.iter().map(|w| words_of(w)).collect(),
            adjectives_before: set(nouns.adjectives_before),
            function_words: set(nouns.function_words),
            participants: set(nouns.participants),
            dimensions: phrases(nouns.dimensions.into_iter().map(|d| (d, ()))),
            dimension_openers: set(nouns.dimension_openers),
            thresholds: set(nouns.thresholds),
            count_nouns: set(nouns.count_nouns),
            tolls: nouns.tolls.iter().map(|w| words_of(w)).collect(),
            both: set(nouns.both),
            english_nouns: nouns.english.into_iter().collect(),
            group_members: set(nouns.group_members),
            group_openers: set(nouns.group_openers),
            clitic_en: set(nouns.clitic_en),
            subject_pronouns: set(nouns.subject_pronouns),
            rank_nouns: set(nouns.rank_nouns),
            gazetteer,
            grammar,
            predicates,
            units: phrases(unit_forms),
            units_before: phrases(unit_before),
            change_openers: units.changes.openers.iter().map(|w| words_of(w)).collect(),
            target_nouns: actors.targets.iter().cloned().collect(),
            actor_homes,
            actors: phrases(
                actors
                    .actor
                    .into_iter()
                    .flat_map(|a| a.forms.into_iter().map(move |f| (f, a.name.clone()))),
            ),
            sources: phrases(
                sources
                    .source
                    .into_iter()
                    .flat_map(|s| s.forms.into_iter().map(move |f| (f, s.name.clone()))),
            ),
            source_kinds,
            source_kind_words: phrases(kind_words),
            source_documents: sources.documents.iter().cloned().collect(),
            anaphoric_documents: sources.anaphoric_documents.iter().cloned().collect(),
            source_anaphora: phrases(sources.anaphora.iter().map(|a| (a.clone(), ()))),
            previous_markers: phrases(time.previous.iter().map(|a| (a.clone(), ()))),
            publication_words: time.publication.iter().cloned().collect(),
            next_day: time.next_day.iter().cloned().collect(),
            source_openers: sources.openers.iter().map(|o| words_of(o)).collect(),
            source_verb_phrases: sources
                .verbs
                .iter()
                .map(|v| words_of(v))
                .filter(|w| w.len() > 1)
                .collect(),
            source_verbs: set(sources.verbs),
            agencies: sources.agencies,
            months,
            weekdays: time
                .weekdays
                .iter()
                .map(|w| w.to_lowercase())
                .zip(weekday_order)
                .collect(),
            weekday_past: set(time.weekday_past),
            weekday_next: set(time.weekday_next),
            ahead: set(time.ahead),
            pluperfect: set(time.pluperfect),
            later: time.later.iter().map(|w| words_of(w)).collect(),
            hours: set(time.hours),
            month_parts: time
                .month_parts
                .into_iter()
                .map(|(k, [a, b])| (k, (a, b)))
                .collect(),
            window_openers: set(time.window_openers),
            span_durations: set(time.span_durations),
            window_closers: time.window_closers.iter().map(|w| words_of(w)).collect(),
            span_openers: set(time.span_openers),
            occasions: set(time.occasions),
            cumulative_markers: time
                .cumulative_markers
                .iter()
                .map(|w| words_of(w))
                .collect(),
            sum_markers: time.sum_markers.iter().map(|w| words_of(w)).collect(),
            durations: time.durations.into_iter().collect(),
            relative_days: phrases(time.relative_days),
            relative_spans: phrases(
                time.relative_spans
                    .into_iter()
                    .map(|(k, [a, b])| (k, (a, b))),
            ),
            weeks: phrases(time.weeks),
            calendar_months: time.calendar_months.into_iter().collect(),
            year_parts: time
                .year_parts
                .into_iter()
                .map(|(k, [a, b])| (k, (a, b)))
                .collect(),
            year_openers: set(time.year_openers.words),
            year_followers: set(time.year_openers.after),
            weekday_ordinals: time.weekday_ordinals.into_iter().collect(),
            months_relative: phrases(time.months_relative),
        })
    }

    /// Every place a claim can carry, by its gazetteer name ("Irak", "Erbil", "mer Rouge").
    pub fn place_names(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .gazetteer
            .places
            .iter()
            .map(|p| p.name.clone())
            .collect();
        out.sort();
        out.dedup();
        out
    }

    /// The gazetteer's name of a place written `name` ("Al-Haouz" → "Al Haouz", "Iraq" → "Irak").
    pub fn place_name(&self, name: &str) -> Option<String> {
        self.gazetteer
            .find(name)
            .map(|id| self.gazetteer.name(id).to_owned())
    }

    /// The country (or world region) a place lies in ("Erbil" → "Irak"; "Irak" → "Irak").
    pub fn country_of(&self, name: &str) -> Option<String> {
        self.gazetteer
            .find(name)
            .map(|id| self.gazetteer.name(self.gazetteer.country(id)).to_owned())
    }

    /// Place `name` and every place it lies in, nearest first ("Erbil" → Erbil, Irak).
    pub fn enclosing(&self, name: &str) -> Vec<String> {
        let Some(mut at) = self.gazetteer.find(name) else {
            return vec![name.to_owned()];
        };
        let mut out = vec![self.gazetteer.name(at).to_owned()];
        while let Some(p) = self.gazetteer.places[at].parent {
            if out.len() > self.gazetteer.places.len() {
                break;
            }
            out.push(self.gazetteer.name(p).to_owned());
            at = p;
        }
        out
    }

    /// Whether place `name` is `within` or lies inside it ("Erbil" within "Irak"). Unknown
    /// names are within nothing but themselves.
    pub fn is_within(&self, name: &str, within: &str) -> bool {
        match (self.gazetteer.find(name), self.gazetteer.find(within)) {
            (Some(a), Some(b)) => self.gazetteer.is_within(a, b),
            _ => name.eq_ignore_ascii_case(within),
        }
    }

    /// Whether `lemma` is a reporting verb ("recensé", "annoncé"): it says who counts, not what
    /// happened to what is counted.
    pub fn is_reporting_verb(&self, lemma: &str) -> bool {
        self.source_verbs.contains(lemma)
            || matches!(
                self.predicates
                    .verb_at(&tokenize(lemma, 0), 0)
                    .map(|p| &p.value),
                Some(VerbKind::Reporting)
            )
    }

    /// The lemma claims carry instead of `lemma`, when the lexicon says they mean the same
    /// ("péri" → "tué").
    pub fn predicate_synonym_of(&self, lemma: &str) -> Option<&str> {
        self.predicates.synonym_of(lemma)
    }

    /// The predicate lemmas the lexicon lists, as claims carry them.
    pub fn predicate_lemmas(&self) -> Vec<String> {
        self.predicates.lemmas()
    }

    /// Whether `lemma` can be a claim's predicate: a lemma of the lexicon, or a French past
    /// participle in the masculine singular ("inondé").
    pub fn is_predicate_lemma(&self, lemma: &str) -> bool {
        self.predicates.class(lemma).is_some()
            || matches!(
                self.predicates
                    .verb_at(&tokenize(lemma, 0), 0)
                    .map(|p| &p.value),
                Some(VerbKind::Predicate(_))
            )
            || participle_lemma(lemma).as_deref() == Some(lemma)
    }

    /// The unit a word written in a text stands for ("euros" → EUR), if it is one.
    pub fn unit_of(&self, word: &str) -> Option<Unit> {
        self.units.at(&tokenize(word, 0), 0).map(|p| p.value)
    }

    /// The class of a predicate lemma, if the lexicon knows it ("péri" → death).
    pub fn predicate_class(&self, lemma: &str) -> Option<PredicateClass> {
        self.predicates.class(lemma)
    }

    /// Nouns that name an action, with the predicate lemma of that action: "interpellation"
    /// is an arrest ("interpellé"), "participation" a taking part ("participé"). A claim that
    /// counts such a noun without a verb ("540 interpellations") counts that action.
    pub fn action_nouns(&self) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = self
            .predicates
            .governing
            .iter()
            .map(|(n, l)| (n.clone(), l.clone()))
            .collect();
        v.sort();
        v
    }

    /// The lemma of a noun as written ("manifestants" → "manifestant").
    pub fn noun_lemma(&self, word: &str) -> String {
        self.lemma(word).to_owned()
    }

    /// Why no claim can carry `noun` as its counted noun, and the fix; `None` when one can.
    /// Claims carry the lemma of a French noun of the text: not a plural, not a word of
    /// another kind (a place, a unit, a grammatical word), not an English noun.
    pub fn noun_problem(&self, noun: &str) -> Option<(String, String)> {
        let lower = noun.trim().to_lowercase();
        // "drone" is English and French alike: only a word French writes otherwise is wrong.
        if let Some(fr) = self.english_nouns.get(&lower).filter(|fr| **fr != lower) {
            return Some((
                format!("unknown noun `{noun}`: claims carry the French noun of the text"),
                format!("did you mean `{fr}`?"),
            ));
        }
        if lower.is_empty()
            || self.function_words.contains(&lower)
            || self.cardinals.contains(&lower)
        {
            return Some((
                format!("noun `{noun}` is never on a claim: it is a grammatical word or a number"),
                "write the lemma of the counted noun, e.g. `soldat`".into(),
            ));
        }
        if let Some(place) = self.place_name(noun) {
            return Some((
                format!("`{noun}` is a place, not a counted noun"),
                format!("match it with `places = [\"{place}\"]`"),
            ));
        }
        if let Some(unit) = self.unit_of(&lower) {
            return Some((
                format!("`{noun}` is a unit, not a counted noun"),
                format!("match it with `units = [\"{unit}\"]`"),
            ));
        }
        let lemma = self.lemma(&lower);
        if lemma != lower {
            return Some((
                format!("noun `{noun}` is never on a claim: claims write it `{lemma}`"),
                format!("write `{lemma}`"),
            ));
        }
        None
    }

    /// The actor names claims carry ("américain", "coalition").
    pub fn actor_names(&self) -> Vec<String> {
        let mut out: Vec<String> = self.actors.iter().map(|p| p.value.clone()).collect();
        out.sort();
        out.dedup();
        out
    }

    /// The actor a word written in a rule is read as ("américains" → "américain").
    pub fn actor_of(&self, word: &str) -> Option<String> {
        let words = words_of(word);
        self.actors
            .iter()
            .find(|p| p.words == words)
            .map(|p| p.value.clone())
    }

    /// The default widths of approximate qualifiers.
    pub fn interval_rules(&self) -> crate::IntervalRules {
        crate::IntervalRules {
            approx: self.tolerance_approx,
            nearly: self.tolerance_nearly,
        }
    }

    /// The lemma of a noun: irregular plurals from the lexicon, else without its final -s/-x.
    pub(crate) fn lemma<'a>(&'a self, word: &'a str) -> &'a str {
        if let Some(l) = self.plurals.get(word) {
            return l;
        }
        if self.times.contains(word) {
            return if word == "fois" { "fois" } else { "reprise" };
        }
        if word.chars().nth(3).is_some()
            && (word.ends_with('s') || word.ends_with('x'))
            && !word.ends_with("ss")
        {
            // One byte: "s" and "x" are ASCII.
            return &word[..word.len() - 1];
        }
        word
    }

    /// A participle reduced to its masculine singular ("blessées" → "blessé") when the
    /// reduced form is in `table`.
    pub(crate) fn participle<'a>(
        &self,
        word: &str,
        table: &'a HashMap<String, String>,
    ) -> Option<&'a String> {
        let mut candidates = vec![word.to_owned()];
        for suffix in ["s", "es", "e"] {
            if let Some(stem) = word.strip_suffix(suffix) {
                candidates.push(stem.to_owned());
            }
        }
        candidates.iter().find_map(|c| table.get(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn french_loads_and_lemmatises() -> Result<(), LexiconError> {
        let lx = Lexicon::french()?;
        assert!(lx.cardinals.contains("quatre"));
        assert_eq!(lx.lemma("attaques"), "attaque");
        assert_eq!(lx.lemma("travaux"), "travail");
        assert_eq!(lx.lemma("fois"), "fois");
        assert_eq!(
            lx.participle("blessées", &lx.states).map(String::as_str),
            Some("blessé")
        );
        assert_eq!(
            lx.participle("attaquées", &lx.verb_nouns)
                .map(String::as_str),
            Some("attaque")
        );
        assert_eq!(lx.months.get("décembre"), Some(&12));
        assert!(
            lx.qualifiers
                .iter()
                .next()
                .is_some_and(|p| p.words.len() >= 3),
            "longest first"
        );
        assert_eq!(lx.country_of("Aïn al-Assad").as_deref(), Some("Irak"));
        assert_eq!(lx.place_name("Al-Haouz").as_deref(), Some("Al Haouz"));
        assert!(lx.is_within("Erbil", "Irak") && !lx.is_within("Irak", "Erbil"));
        Ok(())
    }
}
