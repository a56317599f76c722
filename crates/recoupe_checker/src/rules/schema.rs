//! The rule files as written: serde types that reject unknown keys. Nothing here is
//! validated beyond its TOML type; [`super::load`] turns them into [`super::Metric`]s.

use serde::Deserialize;
use toml::Spanned;

/// One rule file.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct RuleFile {
    #[serde(default)]
    pub metric: Vec<Spanned<MetricSpec>>,
    #[serde(default)]
    pub case: Vec<Spanned<CaseSpec>>,
}

/// A `[[case]]`: small articles and the verdict a metric must give on them.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseSpec {
    pub name: Spanned<String>,
    pub metric: Spanned<String>,
    pub articles: Vec<Spanned<CaseArticleSpec>>,
    pub verdict: Spanned<String>,
    pub findings: Option<Vec<Spanned<String>>>,
}

/// One article of a case.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct CaseArticleSpec {
    pub id: String,
    pub date: Spanned<String>,
    pub text: String,
}

/// A `[[metric]]` table.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MetricSpec {
    pub id: Spanned<String>,
    pub title: Spanned<String>,
    pub model: Spanned<String>,
    pub tolerance: Option<Spanned<String>>,
    pub since: Option<Spanned<String>>,
    pub window_slack_days: Option<Spanned<i64>>,
    #[serde(default)]
    pub parts: Vec<Spanned<String>>,
    pub qualifiers: Option<Spanned<QualifierSpec>>,
    pub period: Option<Spanned<PeriodSpec>>,
    pub event: Option<Spanned<EventSpec>>,
    pub series: Option<Spanned<String>>,
    pub reported_with: Option<Spanned<String>>,
    #[serde(rename = "match")]
    pub matcher: Spanned<MatchSpec>,
}

/// A metric's `period`: the days it covers.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct PeriodSpec {
    pub from: Option<Spanned<String>>,
    pub to: Option<Spanned<String>>,
}

/// A metric's `event`: the one event an event metric tracks.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct EventSpec {
    pub on: Spanned<String>,
    #[serde(default)]
    pub places: Vec<Spanned<String>>,
}

/// A metric's `qualifiers` table: widths of approximate qualifiers for this metric.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct QualifierSpec {
    pub approx: Option<Spanned<String>>,
    pub nearly: Option<Spanned<String>>,
}

/// A metric's `match` table.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct MatchSpec {
    #[serde(default)]
    pub nouns: Vec<Spanned<String>>,
    #[serde(default)]
    pub heads: Vec<Spanned<String>>,
    #[serde(default)]
    pub actors: Vec<Spanned<String>>,
    #[serde(default)]
    pub places: Vec<Spanned<String>>,
    #[serde(default)]
    pub places_any: Vec<Spanned<String>>,
    #[serde(default)]
    pub places_none: Vec<Spanned<String>>,
    #[serde(default)]
    pub places_within: Vec<Spanned<String>>,
    #[serde(default)]
    pub predicates: Vec<Spanned<String>>,
    #[serde(default)]
    pub units: Vec<Spanned<String>>,
    #[serde(default)]
    pub kinds: Vec<Spanned<String>>,
    #[serde(default)]
    pub words: Vec<Spanned<String>>,
    #[serde(default)]
    pub not_words: Vec<Spanned<String>>,
    #[serde(default)]
    pub sources: Vec<String>,
}

/// Keys of `[[metric]]`, for "did you mean".
pub(crate) const METRIC_KEYS: &[&str] = &[
    "id",
    "title",
    "model",
    "tolerance",
    "since",
    "window_slack_days",
    "parts",
    "qualifiers",
    "period",
    "event",
    "series",
    "reported_with",
    "match",
];

/// Keys of `event`, for "did you mean".
pub(crate) const EVENT_KEYS: &[&str] = &["on", "places"];

/// Keys of `period`, for "did you mean".
pub(crate) const PERIOD_KEYS: &[&str] = &["from", "to"];

/// Keys of `[[case]]`, for "did you mean".
pub(crate) const CASE_KEYS: &[&str] = &[
    "name", "metric", "articles", "verdict", "findings", "id", "date", "text",
];

/// Keys of `qualifiers`, for "did you mean".
pub(crate) const QUALIFIER_KEYS: &[&str] = &["approx", "nearly"];

/// Keys of `match`, for "did you mean".
pub(crate) const MATCH_KEYS: &[&str] = &[
    "nouns",
    "heads",
    "actors",
    "places",
    "places_any",
    "places_none",
    "places_within",
    "predicates",
    "units",
    "kinds",
    "words",
    "not_words",
    "sources",
];
