//! `report --summary`: one line per metric, its verdict first, for a glance or a CI log.

use std::io::{self, Write};

use crate::{Report, plural};

/// Writes one line per metric: verdict, id, claims and findings, title; then the counts the
/// full report opens with.
///
/// # Errors
/// Errors of the writer.
pub fn render(report: &Report<'_>, w: &mut dyn Write) -> io::Result<()> {
    let rules = &report.rules.metrics;
    let id_width = rules
        .iter()
        .map(|m| m.id.0.chars().count())
        .max()
        .unwrap_or(0);
    for m in &report.outcome.metrics {
        let Some(rule) = rules.get(m.metric) else {
            continue;
        };
        let claims = format!("{} claim{}", m.claims.len(), plural(m.claims.len()));
        let n = m.findings.len();
        let findings = format!("{n} finding{}", plural(n));
        writeln!(
            w,
            "{:<14} {:<id_width$}  {claims:>11}  {findings:>12}  {}",
            m.verdict.name(),
            rule.id.0,
            rule.title
        )?;
    }
    writeln!(w, "{}", crate::summary(report).join(", "))
}
