//! GitHub Actions annotations: every claim of a contradiction becomes an `::error` at its
//! place in its file, and every date problem a `::warning`, so a pull request that adds an
//! article shows the figures it contradicts where they are written.

use std::io::{self, Write};

use crate::Report;

/// Escapes a message for a workflow command.
fn data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

/// Escapes a property value for a workflow command.
fn property(text: &str) -> String {
    data(text).replace(':', "%3A").replace(',', "%2C")
}

/// Writes one annotation per claim of each contradiction and per date problem.
///
/// # Errors
/// Errors of the writer.
pub fn render(report: &Report<'_>, w: &mut dyn Write) -> io::Result<()> {
    for d in &report.outcome.date_problems {
        if let Some(loc) = report.location(&d.article) {
            let (line, col) = report.positions.line_col(loc, d.span.start);
            writeln!(
                w,
                "::warning file={},line={line},col={col},title={}::{}",
                property(&loc.file.to_string_lossy()),
                property("recoupe: date problem"),
                data(&d.message)
            )?;
        }
    }
    for (_, rule, f) in crate::contradictions(report.outcome, report.rules) {
        let mut seen = Vec::new();
        for c in f.claims.iter().filter_map(|&i| report.claims.get(i)) {
            if seen.contains(&&c.id) {
                continue;
            }
            seen.push(&c.id);
            let Some(loc) = report.location(&c.id.article) else {
                continue;
            };
            let (line, col) = report.positions.line_col(loc, c.number.start);
            writeln!(
                w,
                "::error file={},line={line},col={col},title={}::{}",
                property(&loc.file.to_string_lossy()),
                property(&format!("recoupe {}: contradiction", rule.id)),
                data(&f.message)
            )?;
        }
    }
    Ok(())
}
