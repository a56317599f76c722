//! What the extractor produces: a [`Claim`], a count of something as written, with the
//! interval of values it allows and the evidence it was read from.

use std::fmt;

use recoupe_parser::{ArticleId, DayInterval, Span};

use crate::name::{Name, Names};

/// How a figure is qualified in the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Qualifier {
    /// As written: "2 500 soldats".
    Exact,
    /// "environ", "quelque", "une dizaine".
    Approx,
    /// "près de", "presque".
    Nearly,
    /// "au moins".
    AtLeast,
    /// "plus de".
    MoreThan,
    /// "au plus", "jusqu'à".
    AtMost,
    /// "moins de".
    LessThan,
    /// "entre 10 et 20".
    Range,
    /// "des dizaines": an order of magnitude.
    Vague,
}

impl Qualifier {
    /// All qualifiers, in order.
    pub const ALL: [Qualifier; 9] = [
        Qualifier::Exact,
        Qualifier::Approx,
        Qualifier::Nearly,
        Qualifier::AtLeast,
        Qualifier::MoreThan,
        Qualifier::AtMost,
        Qualifier::LessThan,
        Qualifier::Range,
        Qualifier::Vague,
    ];

    /// The name used in data files, rules and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Qualifier::Exact => "exact",
            Qualifier::Approx => "approx",
            Qualifier::Nearly => "nearly",
            Qualifier::AtLeast => "at_least",
            Qualifier::MoreThan => "more_than",
            Qualifier::AtMost => "at_most",
            Qualifier::LessThan => "less_than",
            Qualifier::Range => "range",
            Qualifier::Vague => "vague",
        }
    }

    /// The qualifier named `name`.
    pub fn from_name(name: &str) -> Option<Qualifier> {
        Qualifier::ALL.into_iter().find(|q| q.name() == name)
    }

    /// Whether the interval excludes the value itself ("plus de 40" is not 40).
    pub fn is_strict(self) -> bool {
        matches!(self, Qualifier::MoreThan | Qualifier::LessThan)
    }
}

impl fmt::Display for Qualifier {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// The values a claim allows: `low..=high`, `high` unbounded when `None`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ValueInterval {
    /// Smallest value allowed.
    pub low: f64,
    /// Largest value allowed; `None` is no upper bound.
    pub high: Option<f64>,
}

impl ValueInterval {
    /// One value.
    pub fn exact(v: f64) -> Self {
        ValueInterval {
            low: v,
            high: Some(v),
        }
    }

    /// Whether `v` is allowed.
    pub fn contains(self, v: f64) -> bool {
        v >= self.low && self.high.is_none_or(|h| v <= h)
    }

    /// Whether the two intervals share a value.
    pub fn intersects(self, other: ValueInterval) -> bool {
        self.low <= other.high.unwrap_or(f64::INFINITY)
            && other.low <= self.high.unwrap_or(f64::INFINITY)
    }

    /// Widened by a relative tolerance `t` (0.1 is 10 %) on both sides.
    pub fn widen(self, t: f64) -> Self {
        ValueInterval {
            low: self.low * (1.0 - t),
            high: self.high.map(|h| h * (1.0 + t)),
        }
    }
}

impl fmt::Display for ValueInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.high {
            Some(h) if h == self.low => write!(f, "[{}]", fmt_value(h)),
            Some(h) => write!(f, "[{}, {}]", fmt_value(self.low), fmt_value(h)),
            None => write!(f, "[{}, ∞)", fmt_value(self.low)),
        }
    }
}

/// A value for people: integers without decimals and with thin grouping ("2 500"),
/// others with a decimal comma.
pub fn fmt_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        let digits = format!("{}", v.abs() as u64);
        let mut out = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i) % 3 == 0 {
                out.push(' ');
            }
            out.push(c);
        }
        if v < 0.0 {
            out.insert(0, '-');
        }
        out
    } else {
        format!("{v}").replace('.', ",")
    }
}

/// How wide the intervals of approximate qualifiers are: defaults in the lexicon
/// (`qualifiers.toml`), overridable per rule.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct IntervalRules {
    /// "environ", "quelque": [v(1-t), v(1+t)].
    pub approx: f64,
    /// "près de": [v(1-t), v].
    pub nearly: f64,
}

impl IntervalRules {
    /// The values a figure `v` qualified by `q` allows. `vague` gives the bounds of a vague
    /// quantity, `range_high` the upper end of a range. Integer values round outward.
    pub fn interval(
        self,
        q: Qualifier,
        v: f64,
        vague: Option<(f64, f64)>,
        range_high: Option<f64>,
    ) -> ValueInterval {
        let integral = v.fract() == 0.0;
        // Round outward, but not past binary noise: 350 × 1.1 is 385.00000000000006, not 386.
        let clean = |x: f64| (x * 1e6).round() / 1e6;
        let down = |x: f64| if integral { clean(x).floor() } else { x };
        let up = |x: f64| if integral { clean(x).ceil() } else { x };
        match q {
            Qualifier::Exact => ValueInterval::exact(v),
            Qualifier::Approx => ValueInterval {
                low: down(v * (1.0 - self.approx)),
                high: Some(up(v * (1.0 + self.approx))),
            },
            Qualifier::Nearly => ValueInterval {
                low: down(v * (1.0 - self.nearly)),
                high: Some(v),
            },
            Qualifier::AtLeast => ValueInterval { low: v, high: None },
            Qualifier::MoreThan => ValueInterval {
                low: if integral { v + 1.0 } else { v },
                high: None,
            },
            Qualifier::AtMost => ValueInterval {
                low: 0.0,
                high: Some(v),
            },
            Qualifier::LessThan => ValueInterval {
                low: 0.0,
                high: Some(if integral { (v - 1.0).max(0.0) } else { v }),
            },
            Qualifier::Range => ValueInterval {
                low: v,
                high: Some(range_high.unwrap_or(v)),
            },
            Qualifier::Vague => {
                let (low, high) = vague.unwrap_or((v, v));
                ValueInterval {
                    low,
                    high: Some(high),
                }
            }
        }
    }
}

/// The unit of a figure that is not a plain count: money and shares. Counts have none.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Unit {
    /// Euros: "10 milliards d'euros", "15 €".
    Eur,
    /// US dollars: "3 millions de dollars", "$40".
    Usd,
    /// A percentage: "85 %", "12 pour cent".
    Percent,
    /// Percentage points: "en hausse de 3 points".
    Point,
    /// A fraction of a whole, as a number between 0 and 1: "un tiers des morts", "la moitié
    /// du pays".
    Share,
}

impl Unit {
    /// All units, in order.
    pub const ALL: [Unit; 5] = [
        Unit::Eur,
        Unit::Usd,
        Unit::Percent,
        Unit::Point,
        Unit::Share,
    ];

    /// The name used in data files, rules and JSON.
    pub fn name(self) -> &'static str {
        match self {
            Unit::Eur => "EUR",
            Unit::Usd => "USD",
            Unit::Percent => "%",
            Unit::Point => "point",
            Unit::Share => "share",
        }
    }

    /// The unit named `name`.
    pub fn from_name(name: &str) -> Option<Unit> {
        Unit::ALL.into_iter().find(|u| u.name() == name)
    }
}

impl fmt::Display for Unit {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// What a predicate says happened to the counted thing, as a class: lemmas of one class
/// ("tué", "mort", "péri") are the same fact for a rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PredicateClass {
    /// Killed, dead: "tué", "mort", "décès".
    Death,
    /// Wounded: "blessé", "commotion".
    Wounded,
    /// Missing: "disparu".
    Missing,
    /// Displaced or left homeless: "déplacé", "sinistré".
    Displaced,
    /// Evacuated: "évacué".
    Evacuated,
    /// Arrested: "interpellé", "arrêté".
    Arrested,
    /// Took part in a demonstration: "manifesté", "défilé".
    Demonstrated,
    /// Deployed or stationed: "déployé", "stationné".
    Deployed,
    /// Attacked or targeted: "attaqué", "visé", "frappé".
    Attacked,
    /// Shot down or destroyed in flight: "abattu", "intercepté".
    Intercepted,
}

impl PredicateClass {
    /// Whether the class counts what was done in the event itself, on its day (strikes,
    /// targets hit, drones shot down, marchers, arrests), rather than a toll of its
    /// consequences that is counted and revised for days after it (the dead, the missing).
    pub fn is_act(self) -> bool {
        matches!(
            self,
            PredicateClass::Attacked
                | PredicateClass::Intercepted
                | PredicateClass::Demonstrated
                | PredicateClass::Arrested
        )
    }

    /// All classes, in order.
    pub const ALL: [PredicateClass; 10] = [
        PredicateClass::Death,
        PredicateClass::Wounded,
        PredicateClass::Missing,
        PredicateClass::Displaced,
        PredicateClass::Evacuated,
        PredicateClass::Arrested,
        PredicateClass::Demonstrated,
        PredicateClass::Deployed,
        PredicateClass::Attacked,
        PredicateClass::Intercepted,
    ];

    /// The name used in data files, rules and JSON.
    pub fn name(self) -> &'static str {
        match self {
            PredicateClass::Death => "death",
            PredicateClass::Wounded => "wounded",
            PredicateClass::Missing => "missing",
            PredicateClass::Displaced => "displaced",
            PredicateClass::Evacuated => "evacuated",
            PredicateClass::Arrested => "arrested",
            PredicateClass::Demonstrated => "demonstrated",
            PredicateClass::Deployed => "deployed",
            PredicateClass::Attacked => "attacked",
            PredicateClass::Intercepted => "intercepted",
        }
    }

    /// The class named `name`.
    pub fn from_name(name: &str) -> Option<PredicateClass> {
        PredicateClass::ALL.into_iter().find(|c| c.name() == name)
    }

    /// Whether a count of this class is a casualty or an event, never a level.
    pub fn is_level(self) -> bool {
        matches!(self, PredicateClass::Deployed)
    }
}

impl fmt::Display for PredicateClass {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Who a source is: its kind decides whose figures form one series (`series = "source"` in a
/// rule) and whether a lower figure is a source revising its own count or a contradiction.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SourceKind {
    /// Governments, ministries, police, prefectures, mayors.
    Authorities,
    /// Organisers of a protest: unions, the intersyndicale.
    Organisers,
    /// Independent counters (a counting firm for the media).
    Independent,
    /// International bodies: the UN and its agencies.
    International,
    /// Non-governmental organisations: the Red Cross and Red Crescent.
    Ngo,
    /// Armed forces and their commands.
    Military,
    /// News agencies and outlets.
    Media,
    /// Companies: a ship's owner, an operator.
    Company,
}

impl SourceKind {
    /// All kinds, in order.
    pub const ALL: [SourceKind; 8] = [
        SourceKind::Authorities,
        SourceKind::Organisers,
        SourceKind::Independent,
        SourceKind::International,
        SourceKind::Ngo,
        SourceKind::Military,
        SourceKind::Media,
        SourceKind::Company,
    ];

    /// The name used in data files, rules and JSON.
    pub fn name(self) -> &'static str {
        match self {
            SourceKind::Authorities => "authorities",
            SourceKind::Organisers => "organisers",
            SourceKind::Independent => "independent",
            SourceKind::International => "international",
            SourceKind::Ngo => "ngo",
            SourceKind::Military => "military",
            SourceKind::Media => "media",
            SourceKind::Company => "company",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<SourceKind> {
        SourceKind::ALL.into_iter().find(|k| k.name() == name)
    }
}

impl fmt::Display for SourceKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

/// Whether a claim is a running total, one event's count, or a level.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum ClaimKind {
    /// A running total since a window start: "au moins 102 attaques depuis le 17 octobre".
    Cumulative,
    /// The count of one event: "Trois attaques ont eu lieu jeudi".
    Event,
    /// A level or stock: "2 500 soldats sont déployés".
    Level,
    /// A change to a level: "300 soldats supplémentaires", "en renfort".
    Change,
}

impl ClaimKind {
    /// The name used in rules and JSON.
    pub fn name(self) -> &'static str {
        match self {
            ClaimKind::Cumulative => "cumulative",
            ClaimKind::Event => "event",
            ClaimKind::Level => "level",
            ClaimKind::Change => "change",
        }
    }

    /// The kind named `name`.
    pub fn from_name(name: &str) -> Option<ClaimKind> {
        [
            ClaimKind::Cumulative,
            ClaimKind::Event,
            ClaimKind::Level,
            ClaimKind::Change,
        ]
        .into_iter()
        .find(|k| k.name() == name)
    }
}

/// A claim's id: its article and the byte offset of its number. Stable across runs.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ClaimId {
    /// The article.
    pub article: ArticleId,
    /// Start of the number in the article's text.
    pub offset: usize,
}

impl fmt::Display for ClaimId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}", self.article, self.offset)
    }
}

/// Which words of the sentence gave each field of a claim (for `--explain`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Explanation {
    /// The qualifier phrase ("au moins"), if written.
    pub qualifier: Option<Span>,
    /// The counted noun as written, or the antecedent it was taken from.
    pub noun: Option<Span>,
    /// Whether the noun was left out and taken from an earlier figure ("et 12 en Syrie").
    pub noun_inherited: bool,
    /// The place names read.
    pub places: Vec<Span>,
    /// Where the places came from.
    pub places_from: PlacesFrom,
    /// The actor words read.
    pub actors: Vec<Span>,
    /// The time expressions read (window, as-of, event day).
    pub time: Vec<Span>,
    /// The words that gave the event's date.
    pub event_date: Option<Span>,
    /// The source phrase, if one was written.
    pub source: Option<Span>,
    /// The words that gave the predicate ("ont été blessés"), unless it was taken from the
    /// figure this one elides.
    pub predicate: Option<Span>,
    /// The unit as written ("milliards d'euros", "%").
    pub unit: Option<Span>,
    /// The words that mark the figure as an earlier state ("un précédent bilan").
    pub previous: Option<Span>,
    /// The full date of the text that narrowed the article's day, when its header gives only
    /// a month ("jeudi 19 janvier 2023" under "2023-01").
    pub article_date: Option<Span>,
    /// Whether the claim's sentence was cut from a longer run of text without a full stop
    /// (at [`recoupe_parser::MAX_SENTENCE_BYTES`]): what it reads stops at the cut.
    pub sentence_cut: bool,
}

impl Explanation {
    /// Nothing explained.
    pub const NONE: Explanation = Explanation {
        qualifier: None,
        noun: None,
        noun_inherited: false,
        places: Vec::new(),
        places_from: PlacesFrom::Clause,
        actors: Vec::new(),
        time: Vec::new(),
        event_date: None,
        source: None,
        predicate: None,
        unit: None,
        previous: None,
        article_date: None,
        sentence_cut: false,
    };
}

/// Where a claim's places were read.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum PlacesFrom {
    /// The claim's own clause.
    #[default]
    Clause,
    /// Elsewhere in its sentence.
    Sentence,
    /// The sentence before, in the same paragraph.
    PreviousSentence,
    /// The parts that follow it ("80 attaques – 30 en mer Rouge, 50 dans le golfe d'Aden").
    Parts,
    /// The country the article is about.
    Article,
    /// No place found.
    Nowhere,
}

impl PlacesFrom {
    /// A short name, for output.
    pub fn name(self) -> &'static str {
        match self {
            PlacesFrom::Clause => "clause",
            PlacesFrom::Sentence => "sentence",
            PlacesFrom::PreviousSentence => "previous sentence",
            PlacesFrom::Parts => "its parts",
            PlacesFrom::Article => "article",
            PlacesFrom::Nowhere => "nowhere",
        }
    }
}

/// A count of something, as written in one article.
///
/// Compact: names are interned ([`Name`], [`Names`]), the words as written are spans into the
/// sentence it shares with the other claims of that sentence, and the evidence of each field
/// ([`Explanation`]) is kept only when asked for.
#[derive(Debug, Clone, PartialEq)]
pub struct Claim {
    /// Article and offset.
    pub id: ClaimId,
    /// The article's header date, if any.
    pub article_date: Option<recoupe_parser::PartialDate>,
    /// The days the article may be from: its header, narrowed by the full dates its text
    /// writes when the header gives only a month.
    pub article_days: Option<DayInterval>,
    /// The number as written ("2 500", "quelque 17" is `17`, "des dizaines"): [`Claim::text`].
    pub number: Span,
    /// Where the qualifier and number as written start ("Quelque 2 500"): they end with the
    /// number ([`Claim::written`]).
    pub written_start: usize,
    /// The value read (the nominal value for vague and range claims).
    pub value: f64,
    /// The values the claim allows.
    pub interval: ValueInterval,
    /// How it is qualified.
    pub qualifier: Qualifier,
    /// The counted thing's lemma ("attaque"; "blessé" for "56 militaires ont été blessés").
    pub noun: Option<Name>,
    /// The head noun as written, lemmatised ("militaire"), when it differs from `noun`.
    pub head: Option<Name>,
    /// The other things counted together with `noun`, lemmatised and sorted: "21 missiles et
    /// drones" counts missiles and drones (`noun` "missile", `counted_with` ["drone"]).
    pub counted_with: Names,
    /// Whose forces or people ("américain", "coalition").
    pub actors: Names,
    /// The places the figure covers, at the level the text attaches them ("Paris", "Al Haouz",
    /// "Irak", "mer Rouge").
    pub places: Names,
    /// The countries or regions of `places`, from the gazetteer ("France", "Maroc", "Irak").
    pub countries: Names,
    /// Every place the figure lies within: its places and all the places they lie in
    /// ("Erbil", "Irak"), for rules that ask for any figure inside a place.
    pub within: Names,
    /// What the text says happened to the counted thing, as a lemma ("blessé", "déployé").
    pub predicate: Option<Name>,
    /// The class of `predicate`, when the lexicon knows it.
    pub predicate_class: Option<PredicateClass>,
    /// The unit of money and shares; `None` for counts.
    pub unit: Option<Unit>,
    /// The days the figure holds at: when it was given ("à 22 heures samedi soir, le bilan
    /// était de…"), or, for the count of one event, when that event happened.
    pub as_of: Option<DayInterval>,
    /// The weekday its as-of was read from, when the text gives only that ("samedi matin" in
    /// an article dated to its month): the corpus may tell which one it is.
    pub as_of_weekday: Option<chrono::Weekday>,
    /// Whether the corpus's calendar fixed the day of a weekday the text gives alone.
    pub as_of_by_calendar: bool,
    /// Whether the text gives the figure a time of its own (a window, an as-of, an event's
    /// day), rather than the article's.
    pub time_written: bool,
    /// When the text says the figure was given ("a déclaré jeudi soir", "a fait état vendredi
    /// de …"), when it says so.
    pub reported: Option<DayInterval>,
    /// The weekday `reported` was read from, when the text gives only that: the first such
    /// day after its event, once the corpus's calendar knows the event's day.
    pub reported_weekday: Option<chrono::Weekday>,
    /// The day of the event it counts, when the text names it ("la crue du 14 mai a fait 312
    /// morts", "l'attaque de dimanche").
    pub event_date: Option<DayInterval>,
    /// For a running total, the days it counts from.
    pub window_start: Option<DayInterval>,
    /// Running total, event or level.
    pub kind: ClaimKind,
    /// Who gives it.
    pub source: Option<Name>,
    /// What kind of source that is, when the lexicon can tell.
    pub source_kind: Option<SourceKind>,
    /// Whether the text gives the figure as an earlier state, superseded by the article's own
    /// ("un précédent bilan faisait état de 632 morts", "au lieu de 11 000").
    pub previous: bool,
    /// Where the sentence it stands in starts; it ends with [`Claim::quote`] ([`Claim::sentence`]).
    pub sentence_start: usize,
    /// The sentence's text as written: the quote a report shows. Shared by the claims of one
    /// sentence: a sentence of 20 000 figures is held once, not 20 000 times.
    pub quote: std::sync::Arc<str>,
    /// Which words gave which field, when the extractor was asked to keep it
    /// ([`crate::Extractor::with_explanations`]).
    pub explanation: Option<Box<Explanation>>,
}

impl Claim {
    /// The words of `span` (within the claim's sentence), as written.
    fn in_sentence(&self, span: Span) -> &str {
        let start = span.start.wrapping_sub(self.sentence_start);
        let end = span.end.wrapping_sub(self.sentence_start);
        self.quote.get(start..end).unwrap_or("")
    }

    /// The sentence it stands in.
    pub fn sentence(&self) -> Span {
        Span::new(self.sentence_start, self.sentence_start + self.quote.len())
    }

    /// The number as written ("2 500", "dizaines").
    pub fn text(&self) -> &str {
        self.in_sentence(self.number)
    }

    /// The qualifier and number as written ("Quelque 2 500").
    pub fn written(&self) -> &str {
        self.in_sentence(Span::new(self.written_start, self.number.end))
    }

    /// Which words gave which field, or nothing when the extractor did not keep it.
    pub fn ex(&self) -> &Explanation {
        static NONE: Explanation = Explanation::NONE;
        self.explanation.as_deref().unwrap_or(&NONE)
    }

    /// The explanation, to fill in while the claim is read.
    pub(crate) fn ex_mut(&mut self) -> &mut Explanation {
        self.explanation.get_or_insert_with(Default::default)
    }

    /// Whether the claim is a running total.
    pub fn is_cumulative(&self) -> bool {
        self.kind == ClaimKind::Cumulative
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_print_like_a_newspaper() {
        assert_eq!(fmt_value(2500.0), "2 500");
        assert_eq!(fmt_value(17.0), "17");
        assert_eq!(fmt_value(1_000_000.0), "1 000 000");
        assert_eq!(fmt_value(2.5), "2,5");
        assert_eq!(
            ValueInterval {
                low: 40.0,
                high: None
            }
            .to_string(),
            "[40, ∞)"
        );
        assert_eq!(
            ValueInterval {
                low: 15.0,
                high: Some(19.0)
            }
            .to_string(),
            "[15, 19]"
        );
    }

    #[test]
    fn intervals_intersect_and_widen() {
        let a = ValueInterval {
            low: 2250.0,
            high: Some(2750.0),
        };
        let b = ValueInterval::exact(2500.0);
        let c = ValueInterval::exact(3000.0);
        assert!(a.intersects(b));
        assert!(!a.intersects(c));
        assert!(a.widen(0.1).intersects(c));
        assert!(
            ValueInterval {
                low: 102.0,
                high: None
            }
            .intersects(c)
        );
    }

    #[test]
    fn a_claim_stays_small() {
        // Claims are most of a run's memory (4.3 M of them for a million articles): a field
        // added here costs that many times its size. Names are interned, words as written are
        // spans into the shared sentence, the explanation is boxed and optional.
        assert!(std::mem::size_of::<Claim>() <= 248);
        assert_eq!(std::mem::size_of::<Option<Box<Explanation>>>(), 8);
    }

    #[test]
    fn qualifier_names_round_trip() {
        for q in Qualifier::ALL {
            assert_eq!(Qualifier::from_name(q.name()), Some(q));
        }
        assert!(Qualifier::MoreThan.is_strict());
    }
}
