//! The text report for terminals: a summary line, then per metric its verdict, its timeline
//! (date, figure as written, interval, source, article, quote) and its findings; contradictions
//! show both quotes one above the other and say why they cannot both be true.

use std::io::{self, Write};

use recoupe_checker::{FindingKind, MetricOutcome, PointOrigin, Verdict};
use recoupe_extractor::Claim;

use crate::Shown;
use crate::excerpt::excerpt;
use crate::{Report, summary};

const QUOTE_WIDTH: usize = 110;

struct Style {
    color: bool,
}

impl Style {
    fn paint(&self, code: &str, text: &str) -> String {
        if self.color {
            format!("\x1b[{code}m{text}\x1b[0m")
        } else {
            text.to_owned()
        }
    }

    fn verdict(&self, v: Verdict) -> String {
        let code = match v {
            Verdict::Contradiction => "1;31",
            Verdict::Progression | Verdict::Agreement => "1;32",
            Verdict::Revision | Verdict::RevisedDown | Verdict::Disagreement | Verdict::Stale => {
                "1;33"
            }
            Verdict::Unconfirmed => "1;33",
            Verdict::Uncheckable | Verdict::NotComparable | Verdict::NoClaims => "2",
        };
        self.paint(code, &v.name().to_uppercase())
    }
}

/// Writes the text report. `color` adds ANSI colours (the caller decides: a TTY and no `NO_COLOR`).
///
/// # Errors
/// Errors of the writer.
pub fn render(report: &Report<'_>, w: &mut dyn Write, color: bool) -> io::Result<()> {
    let style = Style { color };
    let [articles, claims, metrics, contradictions, unmatched] = summary(report);
    writeln!(
        w,
        "recoupe: {articles}, {claims}, {metrics}, {contradictions}, {unmatched}"
    )?;
    if !report.outcome.date_problems.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            style.paint(
                "1;33",
                &format!("date problems ({})", report.outcome.date_problems.len())
            )
        )?;
        for d in &report.outcome.date_problems {
            writeln!(w, "  ! {}", d.message)?;
        }
    }
    for m in &report.outcome.metrics {
        writeln!(w)?;
        metric(report, m, w, &style)?;
    }
    if !report.outcome.unmatched.is_empty() {
        writeln!(w)?;
        writeln!(
            w,
            "{}",
            style.paint(
                "1",
                &format!(
                    "unmatched claims ({}): no rule reads them",
                    report.outcome.unmatched.len()
                )
            )
        )?;
        for item in crate::unmatched_shown(report) {
            let c = match item {
                Shown::Item(c) => c,
                Shown::Omitted(n) => {
                    writeln!(
                        w,
                        "  … {n} more unmatched claims (`recoupe claims` and `--format json` list them all)"
                    )?;
                    continue;
                }
            };
            let noun = c.noun.as_deref().unwrap_or("?");
            let places = if c.places.is_empty() {
                "-".to_owned()
            } else {
                c.places.join("+")
            };
            writeln!(
                w,
                "  {:<23} {:<20} {:<12} {:<10} {:<14} {:<28} «{}»",
                when(c),
                c.written(),
                noun,
                c.kind.name(),
                places,
                c.id,
                excerpt(c, QUOTE_WIDTH)
            )?;
        }
    }
    Ok(())
}

fn when(c: &Claim) -> String {
    c.as_of.map_or("undated".to_owned(), |d| d.to_string())
}

fn metric(
    report: &Report<'_>,
    m: &MetricOutcome,
    w: &mut dyn Write,
    style: &Style,
) -> io::Result<()> {
    let Some(rule) = report.rules.metrics.get(m.metric) else {
        return Ok(());
    };
    writeln!(w, "{}  {}", style.paint("1", &rule.id.0), rule.title)?;
    let since = rule
        .since
        .map(|d| format!(", since {}", d.format("%Y-%m-%d")))
        .unwrap_or_default();
    let why = crate::verdict_reason(m);
    writeln!(
        w,
        "  {}{why} · model {} (tolerance {}{since}{}) · {} claim{}",
        style.verdict(m.verdict),
        rule.model.name(),
        rule.tolerance,
        crate::model_extras(rule),
        m.claims.len(),
        if m.claims.len() == 1 { "" } else { "s" }
    )?;
    for item in crate::elide(&m.points, crate::TIMELINE_SHOWN) {
        let p = match item {
            Shown::Item(p) => p,
            Shown::Omitted(n) => {
                writeln!(
                    w,
                    "  {:<23} … {n} more points of the timeline (`--format json` has them all)",
                    ""
                )?;
                continue;
            }
        };
        let date = p.as_of.map_or("undated".to_owned(), |d| d.to_string());
        let first = p.claims.first().and_then(|&i| report.claims.get(i));
        let source = first.and_then(|c| c.source.as_deref()).unwrap_or("-");
        let article = first.map_or(String::new(), |c| c.id.article.0.to_string());
        let origin = match &p.origin {
            PointOrigin::Claim => String::new(),
            PointOrigin::Sum => " (sum of parts)".to_owned(),
            PointOrigin::PartBound(part) => format!(" (part {part}: lower bound)"),
        };
        writeln!(
            w,
            "  {date:<23} {:<24} {:<14} {:<20} {article}{origin}",
            p.label,
            p.interval.to_string(),
            source
        )?;
        let mut shown: Vec<recoupe_parser::Span> = Vec::new();
        for &i in &p.claims {
            if let Some(c) = report.claims.get(i) {
                if shown.contains(&c.sentence()) {
                    continue;
                }
                shown.push(c.sentence());
                writeln!(w, "  {:<23} «{}»", "", excerpt(c, QUOTE_WIDTH))?;
            }
        }
    }
    for f in &m.findings {
        let mark = match f.kind {
            FindingKind::Contradiction => style.paint("1;31", "✗ contradiction"),
            FindingKind::Progression => style.paint("32", "↗ progression"),
            FindingKind::Revision => style.paint("33", "↻ revision"),
            FindingKind::RevisedDown => style.paint("1;33", "↘ revised down"),
            FindingKind::Disagreement => style.paint("33", "↔ disagreement"),
            FindingKind::Stale => style.paint("2", "⌛ stale"),
            FindingKind::Agreement => style.paint("32", "= agreement"),
            FindingKind::Uncheckable => style.paint("2", "? uncheckable"),
            FindingKind::NotComparable => style.paint("2", "≠ not comparable"),
        };
        writeln!(w, "  {mark}: {}", f.message)?;
        if f.kind == FindingKind::Contradiction {
            let mut shown: Vec<(&str, recoupe_parser::Span)> = Vec::new();
            for &i in &f.claims {
                if let Some(c) = report.claims.get(i) {
                    if shown.contains(&(c.id.article.as_str(), c.sentence())) {
                        continue;
                    }
                    shown.push((c.id.article.as_str(), c.sentence()));
                    writeln!(
                        w,
                        "      {:<22} {:<10} «{}»",
                        c.id.article.0,
                        when(c),
                        excerpt(c, QUOTE_WIDTH)
                    )?;
                }
            }
        }
    }
    Ok(())
}
