//! `recoupe_checker` owns judgement: rule files loaded and validated into [`Metric`]s
//! ([`rules`]), claims matched to metrics, and the consistency models ([`models`]: one file
//! each) that turn a metric's claims into [`Finding`]s and a [`Verdict`]. A metric may name the
//! one event it tracks (`event =`) and split its claims by kind of source (`series =
//! "source"`, the gaps between sources being disagreements, not contradictions); articles whose
//! own present contradicts their header date are [`DateProblem`]s. Every claim no rule matched
//! is listed in [`Outcome::unmatched`].
//!
//! It reads no files: rule texts come in as strings, claims as values.

mod cases;
mod check;
mod dates;
mod finding;
mod models;
pub mod rules;

pub use cases::{CaseOutcome, run_case};
pub use check::{MetricOutcome, Outcome, check};
pub use dates::{ArticleDates, DateProblem, date_problems};
pub use finding::{Finding, FindingKind, Point, PointOrigin, Verdict};
pub use recoupe_extractor::Claim;
pub use rules::{
    CaseArticle, KeyCheck, Metric, MetricId, Model, Period, QualifierOverrides, RuleCase,
    RuleError, RuleSet, Tolerance, Vocabulary, load,
};
