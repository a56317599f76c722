//! `recoupe_report` owns output: one file per format, each taking the data and a writer and
//! knowing nothing of extraction or judgement beyond their results. The JSON formats go
//! through [`wire`], the versioned interface other tools read.

pub mod claims_jsonl;
pub mod claims_table;
mod excerpt;
pub mod json;
pub mod markdown;
pub mod numbers_json;
pub mod text;
pub mod wire;

pub use excerpt::excerpt;

use recoupe_checker::{Outcome, RuleSet};
use recoupe_extractor::Claim;

/// Everything a report shows.
#[derive(Debug, Clone, Copy)]
pub struct Report<'a> {
    /// How many articles were read.
    pub articles: usize,
    /// All claims, sorted by article and offset.
    pub claims: &'a [Claim],
    /// The rules.
    pub rules: &'a RuleSet,
    /// The checker's conclusions.
    pub outcome: &'a Outcome,
}

/// "s" unless `n` is one, for counts in prose.
pub(crate) fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}
