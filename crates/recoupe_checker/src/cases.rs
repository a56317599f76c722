//! Running the cases rules ship: each case's articles go through the extractor and the
//! checker with every rule, and the case's metric must give the verdict and findings the case
//! expects. No I/O: the articles are in the rule file.

use recoupe_extractor::{Claim, Extractor};
use recoupe_parser::{ArticleId, parse_text};

use crate::rules::{RuleCase, RuleSet};
use crate::{ArticleDates, FindingKind, MetricId, Verdict, check, date_problems};

/// What a case gave.
#[derive(Debug, Clone)]
pub struct CaseOutcome {
    /// The verdict its metric gave.
    pub verdict: Verdict,
    /// What the case expected and did not get (a verdict, finding kinds).
    pub missing: Vec<String>,
    /// What the metric gave that the case did not expect.
    pub noisy: Vec<String>,
    /// The metrics that matched at least one claim of the case's articles.
    pub matched: Vec<MetricId>,
}

impl CaseOutcome {
    /// Whether the case is validated.
    pub fn validated(&self) -> bool {
        self.missing.is_empty() && self.noisy.is_empty()
    }
}

/// Runs one case.
pub fn run_case(case: &RuleCase, rules: &RuleSet, extractor: &Extractor) -> CaseOutcome {
    let articles: Vec<_> = case
        .articles
        .iter()
        .map(|a| parse_text(ArticleId::from(a.id.as_str()), Some(a.date), a.text.clone()))
        .collect();
    let mut claims: Vec<Claim> = Vec::new();
    let mut days = Vec::new();
    let mut dates: Vec<ArticleDates> = Vec::new();
    for a in &articles {
        let read = extractor.read(a);
        claims.extend(read.claims);
        days.extend(read.days);
        dates.push(ArticleDates {
            id: a.id.clone(),
            header: a.date,
            present: read.present,
        });
    }
    claims.sort_by(|a, b| a.id.cmp(&b.id));
    let calendar = recoupe_extractor::calendar::Calendar::of(&claims, &days);
    calendar.refine(&mut claims);
    let outcome = check(&claims, rules, &date_problems(&dates));
    let matched = outcome
        .metrics
        .iter()
        .filter(|m| !m.claims.is_empty())
        .filter_map(|m| rules.metrics.get(m.metric).map(|r| r.id.clone()))
        .collect();
    let Some(m) = outcome.metrics.iter().find(|m| {
        rules
            .metrics
            .get(m.metric)
            .is_some_and(|r| r.id == case.metric)
    }) else {
        return CaseOutcome {
            verdict: Verdict::NoClaims,
            missing: vec![format!("metric `{}`", case.metric)],
            noisy: Vec::new(),
            matched,
        };
    };
    let mut missing = Vec::new();
    let mut noisy = Vec::new();
    if m.verdict != case.verdict {
        missing.push(format!("verdict {}", case.verdict.name()));
        noisy.push(format!("verdict {}", m.verdict.name()));
    }
    if let Some(expected) = &case.findings {
        let mut got: Vec<FindingKind> = m.findings.iter().map(|f| f.kind).collect();
        for e in expected {
            match got.iter().position(|g| g == e) {
                Some(i) => {
                    got.remove(i);
                }
                None => missing.push(format!("finding {}", e.name())),
            }
        }
        for g in got {
            let message = m
                .findings
                .iter()
                .find(|f| f.kind == g)
                .map(|f| f.message.as_str())
                .unwrap_or("");
            noisy.push(format!("finding {}: {message}", g.name()));
        }
    }
    CaseOutcome {
        verdict: m.verdict,
        missing,
        noisy,
        matched,
    }
}
