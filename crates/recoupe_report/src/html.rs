//! The report as one self-contained HTML page: per metric its verdict, a timeline chart
//! ([`crate::chart`]), the timeline table and the findings. No script, no external file, the
//! same bytes for the same input.

use std::io::{self, Write};

use recoupe_checker::Verdict;

use crate::Shown;
use crate::chart::esc;
use crate::excerpt::excerpt;
use crate::{Report, plural, summary};

fn verdict_class(v: Verdict) -> &'static str {
    match v {
        Verdict::Contradiction => "bad",
        Verdict::Progression | Verdict::Agreement => "good",
        Verdict::Revision
        | Verdict::Unconfirmed
        | Verdict::RevisedDown
        | Verdict::Disagreement
        | Verdict::Stale => "warn",
        Verdict::Uncheckable | Verdict::NotComparable | Verdict::NoClaims => "none",
    }
}

/// Writes the report as one HTML page.
///
/// # Errors
/// Errors of the writer.
pub fn render(report: &Report<'_>, w: &mut dyn Write) -> io::Result<()> {
    writeln!(w, "<!doctype html>")?;
    writeln!(
        w,
        r#"<html lang="fr"><head><meta charset="utf-8"><title>recoupe report</title>"#
    )?;
    writeln!(
        w,
        "<style>body{{font:15px/1.45 system-ui,sans-serif;max-width:72rem;margin:2rem auto;padding:0 1rem;color:#222}}\
table{{border-collapse:collapse;width:100%;font-size:13px}}td,th{{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}}\
.verdict{{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-weight:600}}.good{{background:#dcf5e3}}.bad{{background:#fbdada}}\
.warn{{background:#fcf0cf}}.none{{background:#eee}}.note{{color:#666;font-size:13px}}\
svg.chart{{width:100%;height:auto;display:block;margin:.5rem 0}}.grid{{stroke:#eee}}.axis{{stroke:#888}}.tick,.label{{font-size:11px;fill:#555}}\
.mark circle{{fill:#2b5fab}}.mark .range{{stroke:#2b5fab;stroke-width:2;fill:none}}.mark .days{{stroke:#2b5fab;stroke-opacity:.35;stroke-width:3}}\
.mark.contradiction circle{{fill:#c62828}}.mark.contradiction .range,.mark.contradiction .days{{stroke:#c62828}}\
.mark.aside circle{{fill:#aaa}}.mark.aside .range,.mark.aside .days{{stroke:#aaa}}\
.conflict{{stroke:#c62828;stroke-width:1.5;stroke-dasharray:5 3}}.band{{fill:#2e7d32;fill-opacity:.15}}.envelope{{fill:#2b5fab;fill-opacity:.1}}\
li.contradiction{{color:#a01515}}</style></head><body>"
    )?;
    writeln!(w, "<h1>recoupe report</h1>")?;
    let [articles, claims, metrics, contradictions, unmatched] = summary(report);
    writeln!(
        w,
        "<p>{articles} · {claims} · {metrics} · <strong>{contradictions}</strong> · {unmatched}</p>"
    )?;
    if !report.outcome.date_problems.is_empty() {
        writeln!(w, "<h2>Date problems</h2><ul>")?;
        for d in &report.outcome.date_problems {
            writeln!(w, "<li>{}</li>", esc(&d.message))?;
        }
        writeln!(w, "</ul>")?;
    }
    for m in &report.outcome.metrics {
        let Some(rule) = report.rules.metrics.get(m.metric) else {
            continue;
        };
        writeln!(
            w,
            "<section><h2><code>{}</code> {}</h2>",
            esc(&rule.id.0),
            esc(&rule.title)
        )?;
        writeln!(
            w,
            r#"<p><span class="verdict {}">{}</span> model {}, tolerance {} · {} claim{}</p>"#,
            verdict_class(m.verdict),
            m.verdict.name(),
            rule.model.name(),
            esc(&rule.tolerance.to_string()),
            m.claims.len(),
            plural(m.claims.len())
        )?;
        writeln!(w, "{}", crate::chart::chart(m, rule.model, report))?;
        let undated = m.points.iter().filter(|p| p.as_of.is_none()).count();
        if undated > 0 && undated < m.points.len() {
            writeln!(
                w,
                r#"<p class="note">{undated} undated point{} not in the chart (in the table).</p>"#,
                plural(undated)
            )?;
        }
        if !m.points.is_empty() {
            writeln!(
                w,
                "<table><tr><th>as of</th><th>figure</th><th>values</th><th>source</th><th>article</th><th>quote</th></tr>"
            )?;
            for item in crate::elide(&m.points, crate::TIMELINE_SHOWN) {
                let p = match item {
                    Shown::Item(p) => p,
                    Shown::Omitted(n) => {
                        writeln!(
                            w,
                            "<tr><td>…</td><td colspan=\"5\">{n} more points of the timeline (<code>--format json</code> has them all)</td></tr>"
                        )?;
                        continue;
                    }
                };
                let first = p.claims.first().and_then(|&i| report.claims.get(i));
                writeln!(
                    w,
                    "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>«{}»</td></tr>",
                    p.as_of.map_or("undated".to_owned(), |d| d.to_string()),
                    esc(&p.label),
                    esc(&p.interval.to_string()),
                    esc(first.and_then(|c| c.source.as_deref()).unwrap_or("-")),
                    esc(&first.map_or(String::new(), |c| c.id.article.0.to_string())),
                    esc(&first.map_or(String::new(), |c| excerpt(c, 140)))
                )?;
            }
            writeln!(w, "</table>")?;
        }
        if !m.findings.is_empty() {
            writeln!(w, "<ul>")?;
            for f in &m.findings {
                writeln!(
                    w,
                    r#"<li class="{}"><strong>{}</strong>: {}</li>"#,
                    f.kind.name(),
                    f.kind.name(),
                    esc(&f.message)
                )?;
            }
            writeln!(w, "</ul>")?;
        }
        writeln!(w, "</section>")?;
    }
    if !report.outcome.unmatched.is_empty() {
        writeln!(
            w,
            "<h2>Unmatched claims</h2><table><tr><th>as of</th><th>figure</th><th>noun</th><th>kind</th><th>claim</th><th>quote</th></tr>"
        )?;
        for item in crate::unmatched_shown(report) {
            let c = match item {
                Shown::Item(c) => c,
                Shown::Omitted(n) => {
                    writeln!(
                        w,
                        "<tr><td>…</td><td colspan=\"5\">{n} more unmatched claims (<code>recoupe claims</code> and <code>--format json</code> list them all)</td></tr>"
                    )?;
                    continue;
                }
            };
            writeln!(
                w,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td>{}</td><td><code>{}</code></td><td>«{}»</td></tr>",
                c.as_of.map_or("undated".to_owned(), |d| d.to_string()),
                esc(c.written()),
                esc(c.noun.as_deref().unwrap_or("-")),
                c.kind.name(),
                esc(&c.id.to_string()),
                esc(&excerpt(c, 140))
            )?;
        }
        writeln!(w, "</table>")?;
    }
    writeln!(w, "</body></html>")
}
