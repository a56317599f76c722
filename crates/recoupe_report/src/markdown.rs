//! The report as Markdown, for editors and for pasting into a ticket or a pull request: a
//! summary, then per metric its verdict, a timeline table and its findings.

use std::io::{self, Write};

use recoupe_checker::{FindingKind, PointOrigin, Verdict};

use crate::Shown;
use crate::excerpt::excerpt;
use crate::{Report, summary};

/// Text from an article or a rule, as Markdown prose or a table cell: what Markdown or HTML
/// would read as markup (`<b>`, `*`, `[`, `|`…) is escaped, lines are joined, so that a quote
/// shows as written and never as a link, a heading or a tag.
fn md(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '&' => out.push_str("&amp;"),
            '\n' | '\r' => out.push(' '),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '#' | '~' | '!' => {
                out.push('\\');
                out.push(c);
            }
            _ => out.push(c),
        }
    }
    out
}

/// A code span: backticks inside it would close it.
fn code(text: &str) -> String {
    format!("`{}`", text.replace('`', "'").replace(['\n', '\r'], " "))
}

fn verdict(v: Verdict) -> &'static str {
    match v {
        Verdict::Contradiction => "❌ **Contradiction**",
        Verdict::Progression => "✅ Progression",
        Verdict::RevisedDown => "⚠️ **Revised down**",
        Verdict::Disagreement => "↔️ Disagreement between sources",
        Verdict::Revision => "🔁 Revision",
        Verdict::Stale => "⌛ Stale figure",
        Verdict::Agreement => "✅ Agreement",
        Verdict::Unconfirmed => "⚠️ Unconfirmed",
        Verdict::Uncheckable => "❔ Uncheckable",
        Verdict::NotComparable => "≠ Not comparable",
        Verdict::NoClaims => "∅ No claims",
    }
}

/// Writes the report as Markdown.
///
/// # Errors
/// Errors of the writer.
pub fn render(report: &Report<'_>, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "# recoupe report")?;
    writeln!(w)?;
    let [articles, claims, metrics, contradictions, unmatched] = summary(report);
    writeln!(
        w,
        "{articles} · {claims} · {metrics} · **{contradictions}** · {unmatched}"
    )?;
    if !report.outcome.date_problems.is_empty() {
        writeln!(w)?;
        writeln!(w, "## Date problems")?;
        writeln!(w)?;
        for d in &report.outcome.date_problems {
            writeln!(w, "- {}", md(&d.message))?;
        }
    }
    for m in &report.outcome.metrics {
        let Some(rule) = report.rules.metrics.get(m.metric) else {
            continue;
        };
        writeln!(w)?;
        writeln!(w, "## {}: {}", code(&rule.id.0), md(&rule.title))?;
        writeln!(w)?;
        writeln!(
            w,
            "{}{} · model {}, tolerance {}{} · {} claim{}",
            verdict(m.verdict),
            crate::verdict_reason(m),
            rule.model.name(),
            rule.tolerance,
            crate::model_extras(rule),
            m.claims.len(),
            crate::plural(m.claims.len())
        )?;
        if !m.points.is_empty() {
            writeln!(w)?;
            writeln!(w, "| as of | figure | values | source | article | quote |")?;
            writeln!(w, "| --- | --- | --- | --- | --- | --- |")?;
            for item in crate::elide(&m.points, crate::TIMELINE_SHOWN) {
                let p = match item {
                    Shown::Item(p) => p,
                    Shown::Omitted(n) => {
                        writeln!(
                            w,
                            "| … | {n} more points of the timeline (`--format json` has them all) | | | | |"
                        )?;
                        continue;
                    }
                };
                let first = p.claims.first().and_then(|&i| report.claims.get(i));
                // Already Markdown: the label escaped, the part's id a code span.
                let label = match &p.origin {
                    PointOrigin::Claim => md(&p.label),
                    PointOrigin::Sum => format!("{} (sum of parts)", md(&p.label)),
                    PointOrigin::PartBound(part) => {
                        format!("{} (part {})", md(&p.label), code(&part.0))
                    }
                };
                writeln!(
                    w,
                    "| {} | {} | {} | {} | {} | «{}» |",
                    p.as_of.map_or("undated".to_owned(), |d| d.to_string()),
                    label,
                    p.interval,
                    md(first.and_then(|c| c.source.as_deref()).unwrap_or("-")),
                    first.map_or(String::new(), |c| code(&c.id.article.0)),
                    md(&first.map_or(String::new(), |c| excerpt(c, 120)))
                )?;
            }
        }
        if !m.findings.is_empty() {
            writeln!(w)?;
            for f in &m.findings {
                let kind = if f.kind == FindingKind::Contradiction {
                    "**contradiction**"
                } else {
                    f.kind.name()
                };
                writeln!(w, "- {kind}: {}", md(&f.message))?;
            }
        }
    }
    if !report.outcome.unmatched.is_empty() {
        writeln!(w)?;
        writeln!(w, "## Unmatched claims")?;
        writeln!(w)?;
        writeln!(
            w,
            "| as of | figure | noun | kind | places | claim | quote |"
        )?;
        writeln!(w, "| --- | --- | --- | --- | --- | --- | --- |")?;
        for item in crate::unmatched_shown(report) {
            let c = match item {
                Shown::Item(c) => c,
                Shown::Omitted(n) => {
                    writeln!(
                        w,
                        "| … | {n} more unmatched claims (`recoupe claims` and `--format json` list them all) | | | | | |"
                    )?;
                    continue;
                }
            };
            writeln!(
                w,
                "| {} | {} | {} | {} | {} | {} | «{}» |",
                c.as_of.map_or("undated".to_owned(), |d| d.to_string()),
                md(c.written()),
                md(c.noun.as_deref().unwrap_or("-")),
                c.kind.name(),
                if c.places.is_empty() {
                    "-".to_owned()
                } else {
                    md(&c.places.join(", "))
                },
                code(&c.id.to_string()),
                md(&excerpt(c, 120))
            )?;
        }
    }
    Ok(())
}
