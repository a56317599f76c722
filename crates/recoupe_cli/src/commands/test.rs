//! `recoupe test`: runs the cases rules ship and says, for each, whether it is validated,
//! missing something it expects, or noisy with something it does not.

use std::io::Write;
use std::path::Path;

use recoupe_extractor::Extractor;

use crate::{ExitStatus, rules_dir};

/// Runs every case of the rules under `dir`; with `coverage`, also fails when a metric
/// matched no claim in any case.
pub fn run(
    dir: &Path,
    coverage: bool,
    extractor: &Extractor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    let Some(rules) = rules_dir::load_or_report(dir, extractor.lexicon(), err)? else {
        return Ok(ExitStatus::Failure);
    };
    let mut failed = 0;
    let mut matched = std::collections::BTreeSet::new();
    let mut lines = Vec::new();
    for case in &rules.cases {
        let outcome = recoupe_checker::run_case(case, &rules, extractor);
        matched.extend(outcome.matched.iter().cloned());
        let place = format!("{}:{}", case.file, case.line);
        if outcome.validated() {
            lines.push(format!(
                "  ✓ validated  {} · {} ({place})",
                case.metric, case.name
            ));
        } else {
            failed += 1;
            let status = if outcome.missing.is_empty() {
                "noisy    "
            } else {
                "missing  "
            };
            lines.push(format!(
                "  ✗ {status} {} · {} ({place})",
                case.metric, case.name
            ));
            for m in &outcome.missing {
                lines.push(format!("      missing: {m}"));
            }
            for n in &outcome.noisy {
                lines.push(format!("      noisy:   {n}"));
            }
        }
    }
    writeln!(
        out,
        "recoupe test: {} cases, {} validated, {} failed",
        rules.cases.len(),
        rules.cases.len() - failed,
        failed
    )?;
    for l in &lines {
        writeln!(out, "{l}")?;
    }
    let uncovered: Vec<&str> = rules
        .metrics
        .iter()
        .filter(|m| !matched.contains(&m.id))
        .map(|m| m.id.0.as_str())
        .collect();
    if coverage {
        writeln!(
            out,
            "coverage: {}/{} metrics matched a claim in some case",
            rules.metrics.len() - uncovered.len(),
            rules.metrics.len()
        )?;
        for u in &uncovered {
            writeln!(out, "  ✗ uncovered  {u}: no case gives it a claim")?;
        }
    }
    Ok(if failed > 0 || (coverage && !uncovered.is_empty()) {
        ExitStatus::Contradictions
    } else {
        ExitStatus::Clean
    })
}
