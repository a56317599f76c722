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

/// Colours, from `anstyle`: the caller decides whether to use them (`--color`, a terminal,
/// `NO_COLOR` and `CLICOLOR`, through `anstream`).
struct Style {
    color: bool,
}

const BOLD: anstyle::Style = anstyle::Style::new().bold();
const DIM: anstyle::Style = anstyle::Style::new().dimmed();
const fn colour(c: anstyle::AnsiColor) -> anstyle::Style {
    anstyle::Style::new().fg_color(Some(anstyle::Color::Ansi(c)))
}
const RED: anstyle::Style = colour(anstyle::AnsiColor::Red).bold();
const GREEN: anstyle::Style = colour(anstyle::AnsiColor::Green);
const YELLOW: anstyle::Style = colour(anstyle::AnsiColor::Yellow);

impl Style {
    fn paint(&self, style: anstyle::Style, text: &str) -> String {
        if self.color {
            format!("{style}{text}{style:#}")
        } else {
            text.to_owned()
        }
    }

    fn verdict(&self, v: Verdict) -> String {
        let style = match v {
            Verdict::Contradiction => RED,
            Verdict::Progression | Verdict::Agreement => GREEN.bold(),
            Verdict::Revision
            | Verdict::RevisedDown
            | Verdict::Disagreement
            | Verdict::Stale
            | Verdict::Unconfirmed => YELLOW.bold(),
            Verdict::Uncheckable | Verdict::NotComparable | Verdict::NoClaims => DIM,
        };
        self.paint(style, &v.name().to_uppercase())
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
                YELLOW.bold(),
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
                BOLD,
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
    writeln!(w, "{}  {}", style.paint(BOLD, &rule.id.0), rule.title)?;
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
            FindingKind::Contradiction => style.paint(RED, "✗ contradiction"),
            FindingKind::Progression => style.paint(GREEN, "↗ progression"),
            FindingKind::Revision => style.paint(YELLOW, "↻ revision"),
            FindingKind::RevisedDown => style.paint(YELLOW.bold(), "↘ revised down"),
            FindingKind::Disagreement => style.paint(YELLOW, "↔ disagreement"),
            FindingKind::Stale => style.paint(DIM, "⌛ stale"),
            FindingKind::Agreement => style.paint(GREEN, "= agreement"),
            FindingKind::Uncheckable => style.paint(DIM, "? uncheckable"),
            FindingKind::NotComparable => style.paint(DIM, "≠ not comparable"),
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
