//! The report as one self-contained HTML page: per metric its verdict, a timeline chart (each
//! claim a box: the days it may hold at × the values it allows; contradictions in red), the
//! timeline table and the findings. No script, no external file, the same bytes for the same
//! input.

use std::fmt::Write as _;
use std::io::{self, Write};

use chrono::NaiveDate;
use recoupe_checker::{FindingKind, MetricOutcome, Point, Verdict};

use crate::Shown;
use crate::excerpt::excerpt;
use crate::{Report, plural, summary};

const WIDTH: f64 = 760.0;
const HEIGHT: f64 = 240.0;
const LEFT: f64 = 70.0;
const RIGHT: f64 = 120.0;
const TOP: f64 = 16.0;
const BOTTOM: f64 = 34.0;

/// Escapes text for HTML.
fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

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

/// The chart of a metric's dated points, as inline SVG.
fn chart(m: &MetricOutcome, report: &Report<'_>) -> String {
    let dated: Vec<&Point> = m.points.iter().filter(|p| p.as_of.is_some()).collect();
    let (Some(first), Some(last)) = (
        dated.iter().filter_map(|p| p.as_of.map(|d| d.first)).min(),
        dated.iter().filter_map(|p| p.as_of.map(|d| d.last)).max(),
    ) else {
        return String::new();
    };
    let span_days = ((last - first).num_days() + 1).max(1) as f64;
    let highest = dated
        .iter()
        .map(|p| p.interval.high.unwrap_or(p.interval.low))
        .fold(0.0f64, f64::max)
        .max(1.0);
    // Round ticks: a step of 1, 2 or 5 times a power of ten, three or four of them.
    let magnitude = 10f64.powf((highest / 3.0).log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * magnitude)
        .find(|s| highest / s <= 4.0)
        .unwrap_or(magnitude * 10.0);
    let top_value = (highest * 1.2).max(step * (highest / step).ceil());
    let x =
        |d: NaiveDate| LEFT + (d - first).num_days() as f64 / span_days * (WIDTH - LEFT - RIGHT);
    let y = |v: f64| TOP + (1.0 - (v / top_value).clamp(0.0, 1.0)) * (HEIGHT - TOP - BOTTOM);
    let contradicted: Vec<usize> = m
        .findings
        .iter()
        .filter(|f| f.kind == FindingKind::Contradiction)
        .flat_map(|f| f.claims.iter().copied())
        .collect();
    let set_aside: Vec<usize> = m
        .findings
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::Uncheckable | FindingKind::NotComparable
            )
        })
        .flat_map(|f| f.claims.iter().copied())
        .collect();
    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg viewBox="0 0 {WIDTH} {HEIGHT}" width="{WIDTH}" height="{HEIGHT}" role="img" aria-label="timeline">"#
    );
    // Axes, with the value scale at four levels and the first and last day.
    let base = HEIGHT - BOTTOM;
    let _ = write!(
        svg,
        r#"<line x1="{LEFT}" y1="{base}" x2="{}" y2="{base}" class="axis"/>"#,
        WIDTH - RIGHT
    );
    let _ = write!(
        svg,
        r#"<line x1="{LEFT}" y1="{TOP}" x2="{LEFT}" y2="{base}" class="axis"/>"#
    );
    for k in 0..=((top_value / step).floor() as u32).min(10) {
        let v = step * f64::from(k);
        let _ = write!(
            svg,
            r#"<text x="{}" y="{:.1}" class="tick" text-anchor="end">{}</text>"#,
            LEFT - 6.0,
            y(v) + 4.0,
            esc(&recoupe_extractor::fmt_value(v.round()))
        );
    }
    let _ = write!(
        svg,
        r#"<text x="{LEFT}" y="{}" class="tick">{}</text>"#,
        HEIGHT - 10.0,
        first.format("%Y-%m-%d")
    );
    let _ = write!(
        svg,
        r#"<text x="{}" y="{}" class="tick" text-anchor="end">{}</text>"#,
        WIDTH - RIGHT,
        HEIGHT - 10.0,
        last.format("%Y-%m-%d")
    );
    for p in &dated {
        let Some(d) = p.as_of else { continue };
        let x0 = x(d.first);
        let x1 = x(d.last + chrono::Duration::days(1)).max(x0 + 3.0);
        // An open-ended figure ("au moins 102") is a bar at its lower bound with an arrow.
        let high = p.interval.high.unwrap_or(p.interval.low);
        let (y0, y1) = (y(high).min(y(p.interval.low) - 3.0), y(p.interval.low));
        let class = if p.claims.iter().any(|c| contradicted.contains(c)) {
            "box contradiction"
        } else if p.claims.iter().any(|c| set_aside.contains(c)) {
            "box aside"
        } else {
            "box"
        };
        let who = p
            .claims
            .first()
            .and_then(|&i| report.claims.get(i))
            .map_or(String::new(), |c| c.id.article.0.to_string());
        let _ = write!(
            svg,
            r#"<rect x="{x0:.1}" y="{y0:.1}" width="{:.1}" height="{:.1}" class="{class}"><title>{} · {} · {} · {}</title></rect>"#,
            x1 - x0,
            y1 - y0,
            esc(&p.label),
            esc(&p.interval.to_string()),
            d,
            esc(&who)
        );
        if p.interval.high.is_none() {
            let mid = (x0 + x1) / 2.0;
            let _ = write!(
                svg,
                r#"<path d="M{mid:.1} {:.1} V{:.1} M{:.1} {:.1} L{mid:.1} {:.1} L{:.1} {:.1}" class="arrow {}"/>"#,
                y0,
                y0 - 18.0,
                mid - 4.0,
                y0 - 12.0,
                y0 - 18.0,
                mid + 4.0,
                y0 - 12.0,
                class.trim_start_matches("box").trim()
            );
        }
        let _ = write!(
            svg,
            r#"<text x="{:.1}" y="{:.1}" class="label">{}</text>"#,
            x1 + 3.0,
            y(p.interval.low) - 2.0,
            esc(&p.label)
        );
    }
    svg.push_str("</svg>");
    svg
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
        "<style>body{{font:15px/1.45 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222}}\
table{{border-collapse:collapse;width:100%;font-size:13px}}td,th{{border-bottom:1px solid #ddd;padding:.3rem;text-align:left;vertical-align:top}}\
.verdict{{display:inline-block;padding:.1rem .5rem;border-radius:.3rem;font-weight:600}}.good{{background:#dcf5e3}}.bad{{background:#fbdada}}\
.warn{{background:#fcf0cf}}.none{{background:#eee}}.axis{{stroke:#888}}.tick,.label{{font-size:11px;fill:#555}}.open{{font-size:12px;fill:#2b5fab}}\
.arrow{{stroke:#2b5fab;fill:none;stroke-width:1.5}}.arrow.contradiction{{stroke:#c62828}}.arrow.aside{{stroke:#999}}.box{{fill:#2b5fab;fill-opacity:.35;stroke:#2b5fab}}.box.contradiction{{fill:#c62828;stroke:#c62828}}.box.aside{{fill:#999;stroke:#999}}\
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
        writeln!(w, "{}", chart(m, report))?;
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
