//! Baselines, for gating: the contradictions a corpus is known to have, so that CI fails only
//! on new ones.
//!
//! A contradiction is known by a fingerprint of what it says, never of where it is: its metric,
//! and for each of its claims the article, the value, the qualifier and the sentence with its
//! spacing collapsed. Editing another paragraph of an article, or moving the sentence, keeps
//! the fingerprint; editing the figure or its sentence makes it a new contradiction. A
//! baseline file is small, sorted JSON (schema [`BASELINE_SCHEMA`]), one entry per
//! contradiction, so that its diffs read in review.

use std::collections::{BTreeMap, BTreeSet};

use recoupe_checker::{Finding, Metric, Outcome, RuleSet};
use recoupe_extractor::Claim;
use serde::{Deserialize, Serialize};

/// The schema name a baseline file carries.
pub const BASELINE_SCHEMA: &str = "recoupe.baseline/1";

/// A baseline file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    /// [`BASELINE_SCHEMA`].
    pub schema: String,
    /// The contradictions known, sorted by metric and fingerprint.
    pub contradictions: Vec<Known>,
}

/// One contradiction a baseline knows.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Known {
    /// The metric that found it.
    pub metric: String,
    /// Its fingerprint (see the module documentation).
    pub fingerprint: String,
    /// Its claims, for people reading the file: `article: figure as written`.
    pub claims: Vec<String>,
}

/// What applying a baseline did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Applied {
    /// Contradictions left out of the report as known.
    pub known: usize,
    /// Baseline entries no contradiction matches any more: fixed, or their articles gone.
    pub resolved: Vec<Known>,
}

/// FNV-1a, 64 bits: a fingerprint must not change with the toolchain or the platform.
fn fnv1a(parts: &[&str]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for part in parts {
        for &b in part.as_bytes().iter().chain(&[0u8]) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    h
}

/// What identifies a claim in a fingerprint.
fn claim_key(c: &Claim) -> String {
    let sentence: Vec<&str> = c.quote.split_whitespace().collect();
    format!(
        "{}\u{1f}{}\u{1f}{}\u{1f}{}",
        c.id.article,
        recoupe_extractor::fmt_value(c.value),
        c.qualifier.name(),
        sentence.join(" ")
    )
}

/// The fingerprint of a finding of `metric` over `claims`.
pub fn fingerprint(metric: &Metric, finding: &Finding, claims: &[Claim]) -> String {
    let keys: BTreeSet<String> = finding
        .claims
        .iter()
        .filter_map(|&i| claims.get(i))
        .map(claim_key)
        .collect();
    let mut parts: Vec<&str> = vec![&metric.id.0];
    parts.extend(keys.iter().map(String::as_str));
    format!("{:016x}", fnv1a(&parts))
}

fn known(metric: &Metric, finding: &Finding, claims: &[Claim]) -> Known {
    let mut shown: Vec<String> = finding
        .claims
        .iter()
        .filter_map(|&i| claims.get(i))
        .map(|c| format!("{}: {}", c.id.article, c.written()))
        .collect();
    shown.dedup();
    Known {
        metric: metric.id.0.clone(),
        fingerprint: fingerprint(metric, finding, claims),
        claims: shown,
    }
}

impl Baseline {
    /// The contradictions of `outcome`, as a baseline.
    pub fn of(outcome: &Outcome, rules: &RuleSet, claims: &[Claim]) -> Self {
        let mut all: BTreeMap<(String, String), Known> = BTreeMap::new();
        for (_, rule, f) in crate::contradictions(outcome, rules) {
            let k = known(rule, f, claims);
            all.entry((k.metric.clone(), k.fingerprint.clone()))
                .or_insert(k);
        }
        Baseline {
            schema: BASELINE_SCHEMA.to_owned(),
            contradictions: all.into_values().collect(),
        }
    }

    /// Reads a baseline file's text.
    ///
    /// # Errors
    /// Text that is not a baseline, with the line and column where it stops being one.
    pub fn parse(text: &str) -> Result<Self, String> {
        let b: Baseline = serde_json::from_str(text)
            .map_err(|e| format!("line {}, column {}: {e}", e.line(), e.column()))?;
        if b.schema != BASELINE_SCHEMA {
            return Err(format!("schema `{}` is not `{BASELINE_SCHEMA}`", b.schema));
        }
        Ok(b)
    }

    /// The baseline as its file holds it: pretty JSON, one trailing newline.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).unwrap_or_default();
        s.push('\n');
        s
    }

    /// Leaves the contradictions the baseline knows out of `outcome` (metrics' verdicts judged
    /// again without them), and says which of its entries no longer match.
    pub fn apply(&self, outcome: &mut Outcome, rules: &RuleSet, claims: &[Claim]) -> Applied {
        let known: BTreeSet<(&str, &str)> = self
            .contradictions
            .iter()
            .map(|k| (k.metric.as_str(), k.fingerprint.as_str()))
            .collect();
        let mut matched: BTreeSet<(String, String)> = BTreeSet::new();
        let mut left_out = 0;
        for m in &mut outcome.metrics {
            let Some(rule) = rules.metrics.get(m.metric) else {
                continue;
            };
            m.leave_out_known(|f| {
                let fp = fingerprint(rule, f, claims);
                let hit = known.contains(&(rule.id.0.as_str(), fp.as_str()));
                if hit {
                    left_out += 1;
                    matched.insert((rule.id.0.clone(), fp));
                }
                hit
            });
        }
        Applied {
            known: left_out,
            resolved: self
                .contradictions
                .iter()
                .filter(|k| !matched.contains(&(k.metric.clone(), k.fingerprint.clone())))
                .cloned()
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fingerprints_are_stable_and_files_round_trip() {
        // FNV-1a of known input: a fingerprint never changes from one build to the next.
        assert_eq!(fnv1a(&["a"]), 0x089b_e207_b544_f1e4);
        let b = Baseline {
            schema: BASELINE_SCHEMA.into(),
            contradictions: vec![Known {
                metric: "m".into(),
                fingerprint: "00000000000000ff".into(),
                claims: vec!["a: 12".into(), "b: 40".into()],
            }],
        };
        assert_eq!(Baseline::parse(&b.to_json()), Ok(b));
        let bad = Baseline::parse("{\"schema\": \"x\", \"contradictions\": []}");
        assert_eq!(bad, Err("schema `x` is not `recoupe.baseline/1`".into()));
        assert!(Baseline::parse("{").is_err_and(|e| e.starts_with("line 1, column 1")));
    }
}
