//! A metric's timeline as inline SVG, for the HTML report: as wide as the page, time across
//! with month ticks (week or day ticks over a short span), values up from zero.
//!
//! Each dated point is a mark: a dot at its value, a bar over the values it allows, an arrow
//! for an open bound ("au moins 102"), a thin line over the days it may hold at. Hovering a
//! mark shows its quote, source and article (`<title>`). Contradictions are red and joined by
//! a red line; the band a stable metric's figures agree on and the running total a
//! cumulative one cannot fall below are shaded. Labels are written only where they overlap
//! nothing; the table under the chart has every point. A legend says what each sign means.
//! The same input gives the same bytes.

use std::fmt::Write as _;

use chrono::{Datelike, NaiveDate};
use recoupe_checker::{FindingKind, MetricOutcome, Model, Point};

use crate::Report;
use crate::excerpt::excerpt;

/// The drawing's coordinate system: it scales to the page's width.
const WIDTH: f64 = 960.0;
const HEIGHT: f64 = 300.0;
const LEFT: f64 = 64.0;
const RIGHT: f64 = 24.0;
const TOP: f64 = 34.0;
const BOTTOM: f64 = 40.0;
/// The most points a chart labels; a longer timeline is marks only, its table has the figures.
const MAX_LABELLED: usize = 400;
/// About how wide a character of a label is, in the drawing's units (11 px text).
const CHAR: f64 = 6.4;

/// Escapes text for HTML and SVG.
pub(crate) fn esc(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A rectangle taken by a label, to keep the next ones off it.
#[derive(Clone, Copy)]
struct Taken {
    x0: f64,
    y0: f64,
    x1: f64,
    y1: f64,
}

impl Taken {
    fn overlaps(&self, o: &Taken) -> bool {
        self.x0 < o.x1 && o.x0 < self.x1 && self.y0 < o.y1 && o.y0 < self.y1
    }
}

/// The ticks of the time axis between `first` and `last`: the first of each month, or of
/// each week (Mondays) or day when the span is short; each with its label.
fn time_ticks(first: NaiveDate, last: NaiveDate) -> Vec<(NaiveDate, String)> {
    let days = (last - first).num_days();
    let mut out = Vec::new();
    if days > 60 {
        let (mut y, mut m) = (first.year(), first.month());
        while let Some(d) = NaiveDate::from_ymd_opt(y, m, 1) {
            if d > last {
                break;
            }
            if d >= first {
                out.push((d, d.format("%Y-%m").to_string()));
            }
            (y, m) = if m == 12 { (y + 1, 1) } else { (y, m + 1) };
        }
        // Over years, one tick a quarter or a year keeps the labels apart.
        let keep = match out.len() {
            0..=14 => 1,
            15..=40 => 3,
            _ => 12,
        };
        if keep > 1 {
            out.retain(|(d, _)| (d.month() - 1) % keep == 0);
        }
    } else {
        let step = if days > 14 { 7 } else { 1 };
        let mut d = first;
        while d <= last {
            if step == 1 || d.weekday() == chrono::Weekday::Mon {
                out.push((d, d.format("%m-%d").to_string()));
            }
            d += chrono::Duration::days(1);
        }
    }
    out
}

/// Round value ticks: a step of 1, 2 or 5 times a power of ten, three to five of them.
fn value_ticks(highest: f64) -> (f64, f64) {
    let magnitude = 10f64.powf((highest / 3.0).log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|k| k * magnitude)
        .find(|s| highest / s <= 5.0)
        .unwrap_or(magnitude * 10.0);
    (step, step * (highest * 1.15 / step).ceil())
}

/// The chart of a metric's dated points, or nothing when none is dated.
pub(crate) fn chart(m: &MetricOutcome, model: Model, report: &Report<'_>) -> String {
    let dated: Vec<(usize, &Point)> = m
        .points
        .iter()
        .enumerate()
        .filter(|(_, p)| p.as_of.is_some())
        .collect();
    let (Some(first), Some(last)) = (
        dated
            .iter()
            .filter_map(|(_, p)| p.as_of.map(|d| d.first))
            .min(),
        dated
            .iter()
            .filter_map(|(_, p)| p.as_of.map(|d| d.last))
            .max(),
    ) else {
        return String::new();
    };
    // A day of margin on each side, so that a mark is never on an axis.
    let (first, last) = (
        first - chrono::Duration::days(1),
        last + chrono::Duration::days(1),
    );
    let span = ((last - first).num_days()).max(1) as f64;
    let highest = dated
        .iter()
        .map(|(_, p)| p.interval.high.unwrap_or(p.interval.low).max(p.value))
        .fold(0.0f64, f64::max)
        .max(1.0);
    let (step, top) = value_ticks(highest);
    let plot_w = WIDTH - LEFT - RIGHT;
    let base = HEIGHT - BOTTOM;
    let x = |d: NaiveDate| LEFT + (d - first).num_days() as f64 / span * plot_w;
    let y = |v: f64| TOP + (1.0 - (v / top).clamp(0.0, 1.0)) * (base - TOP);
    let findings = |kinds: &[FindingKind]| -> Vec<&recoupe_checker::Finding> {
        m.findings
            .iter()
            .filter(|f| kinds.contains(&f.kind))
            .collect()
    };
    let contradicted: rustc_hash::FxHashSet<usize> = findings(&[FindingKind::Contradiction])
        .iter()
        .flat_map(|f| f.claims.iter().copied())
        .collect();
    let aside: rustc_hash::FxHashSet<usize> =
        findings(&[FindingKind::Uncheckable, FindingKind::NotComparable])
            .iter()
            .flat_map(|f| f.claims.iter().copied())
            .collect();

    // Where each dated point is drawn: the middle of its days, spread apart when several
    // share a day.
    let mut centre: Vec<(usize, f64)> = dated
        .iter()
        .map(|&(i, p)| {
            let d = p.as_of.map_or(first, |d| d.first);
            let e = p.as_of.map_or(first, |d| d.last) + chrono::Duration::days(1);
            (i, (x(d) + x(e)) / 2.0)
        })
        .collect();
    let mut k = 0;
    while k < centre.len() {
        let same = centre[k..]
            .iter()
            .take_while(|(_, cx)| (cx - centre[k].1).abs() < 0.5)
            .count();
        if same > 1 {
            let gap = (plot_w / span / same as f64).clamp(2.0, 7.0);
            for (j, c) in centre[k..k + same].iter_mut().enumerate() {
                c.1 += (j as f64 - (same - 1) as f64 / 2.0) * gap;
            }
        }
        k += same;
    }
    // By point: where it is drawn; by claim: its point. Looked up, not searched: a metric
    // may have a hundred thousand points.
    let mut x_of: Vec<Option<f64>> = vec![None; m.points.len()];
    for &(i, cx) in &centre {
        if let Some(slot) = x_of.get_mut(i) {
            *slot = Some(cx);
        }
    }
    let at = |i: usize| x_of.get(i).copied().flatten();
    let point_of: rustc_hash::FxHashMap<usize, usize> = m
        .points
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.claims.iter().map(move |&c| (c, i)))
        .collect();

    let mut svg = String::new();
    let _ = write!(
        svg,
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {HEIGHT}" preserveAspectRatio="xMinYMin meet" role="img" aria-label="timeline of {} dated claims">"#,
        dated.len()
    );
    // Grid and axes.
    let mut v = 0.0;
    while v <= top + step / 2.0 {
        let yv = y(v);
        let _ = write!(
            svg,
            r#"<line x1="{LEFT}" y1="{yv:.1}" x2="{:.1}" y2="{yv:.1}" class="grid"/><text x="{:.1}" y="{:.1}" class="tick" text-anchor="end">{}</text>"#,
            WIDTH - RIGHT,
            LEFT - 6.0,
            yv + 4.0,
            esc(&recoupe_extractor::fmt_value(v))
        );
        v += step;
    }
    let _ = write!(
        svg,
        r#"<line x1="{LEFT}" y1="{base}" x2="{:.1}" y2="{base}" class="axis"/>"#,
        WIDTH - RIGHT
    );
    for (d, label) in time_ticks(first, last) {
        let xd = x(d);
        let _ = write!(
            svg,
            r#"<line x1="{xd:.1}" y1="{base}" x2="{xd:.1}" y2="{:.1}" class="axis"/><text x="{xd:.1}" y="{:.1}" class="tick" text-anchor="middle">{label}</text>"#,
            base + 5.0,
            base + 18.0
        );
    }
    // Shading under the marks: the band a stable metric's figures agree on, the running total
    // a cumulative one cannot fall below.
    let index_of = |claim: usize| point_of.get(&claim).copied();
    if model == Model::Stable {
        for f in findings(&[FindingKind::Agreement]) {
            let pts: Vec<usize> = f.claims.iter().filter_map(|&c| index_of(c)).collect();
            let low = pts
                .iter()
                .map(|&i| m.points[i].interval.low)
                .fold(f64::MIN, f64::max);
            let high = pts
                .iter()
                .filter_map(|&i| m.points[i].interval.high)
                .fold(f64::INFINITY, f64::min);
            let xs: Vec<f64> = pts.iter().filter_map(|&i| at(i)).collect();
            let (Some(x0), Some(x1)) = (
                xs.iter().copied().reduce(f64::min),
                xs.iter().copied().reduce(f64::max),
            ) else {
                continue;
            };
            let (lo, hi) = if high.is_finite() && low <= high {
                (low, high)
            } else {
                (low, low)
            };
            let _ = write!(
                svg,
                r#"<rect x="{:.1}" y="{:.1}" width="{:.1}" height="{:.1}" class="band"><title>{}</title></rect>"#,
                x0 - 8.0,
                y(hi) - 2.0,
                x1 - x0 + 16.0,
                y(lo) - y(hi) + 4.0,
                esc(&f.message)
            );
        }
    }
    if model == Model::Cumulative {
        // The running total's floor: at each point, the highest lower bound known so far.
        let mut steps: Vec<(f64, f64)> = Vec::new();
        let mut floor = 0.0f64;
        let mut ordered: Vec<(f64, f64)> = dated
            .iter()
            .filter(|(i, _)| !m.points[*i].claims.iter().any(|c| aside.contains(c)))
            .filter_map(|&(i, p)| Some((at(i)?, p.interval.low)))
            .collect();
        ordered.sort_by(|a, b| a.0.total_cmp(&b.0));
        for (cx, low) in ordered {
            floor = floor.max(low);
            steps.push((cx, floor));
        }
        if !steps.is_empty() {
            let mut d = format!("M{:.1} {base}", steps[0].0);
            let mut prev: Option<f64> = None;
            for &(cx, fl) in &steps {
                if let Some(p) = prev {
                    let _ = write!(d, " L{cx:.1} {:.1}", y(p));
                }
                let _ = write!(d, " L{cx:.1} {:.1}", y(fl));
                prev = Some(fl);
            }
            let _ = write!(
                d,
                " L{:.1} {:.1} L{:.1} {base} Z",
                WIDTH - RIGHT,
                y(floor),
                WIDTH - RIGHT
            );
            let _ = write!(
                svg,
                r#"<path d="{d}" class="envelope"><title>the running total cannot fall below the highest figure already reported</title></path>"#
            );
        }
    }
    // Contradictions: a red line between the two figures.
    for f in findings(&[FindingKind::Contradiction]) {
        let ends: Vec<(f64, f64)> = f
            .claims
            .iter()
            .filter_map(|&c| index_of(c))
            .filter_map(|i| Some((at(i)?, y(m.points[i].value))))
            .collect();
        for pair in ends.windows(2) {
            let _ = write!(
                svg,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="conflict"><title>{}</title></line>"#,
                pair[0].0,
                pair[0].1,
                pair[1].0,
                pair[1].1,
                esc(&f.message)
            );
        }
    }
    // The marks, then the labels that fit.
    let mut taken: Vec<Taken> = Vec::new();
    let mut labels = String::new();
    // Every mark's dot, for labels to keep off; labels are placed only on a chart a reader
    // can label at all (the table has every figure).
    let label_marks = dated.len() <= MAX_LABELLED;
    let dots: Vec<(usize, Taken)> = if label_marks {
        centre
            .iter()
            .map(|&(j, ox)| {
                let oy = y(m.points[j].value);
                let dot = Taken {
                    x0: ox - 4.0,
                    y0: oy - 4.0,
                    x1: ox + 4.0,
                    y1: oy + 4.0,
                };
                (j, dot)
            })
            .collect()
    } else {
        Vec::new()
    };
    for &(i, p) in &dated {
        let Some(cx) = at(i) else { continue };
        let class = if p.claims.iter().any(|c| contradicted.contains(c)) {
            "mark contradiction"
        } else if p.claims.iter().any(|c| aside.contains(c)) {
            "mark aside"
        } else {
            "mark"
        };
        let c = p.claims.first().and_then(|&ci| report.claims.get(ci));
        let tip = format!(
            "{} · {} · as of {}\n«{}»\n{} · {}",
            p.label,
            p.interval,
            p.as_of.map_or_else(String::new, |d| d.to_string()),
            c.map_or_else(String::new, |c| excerpt(c, 200)),
            c.and_then(|c| c.source.as_deref())
                .unwrap_or("no source named"),
            c.map_or_else(String::new, |c| c.id.article.to_string())
        );
        let _ = write!(svg, r#"<g class="{class}"><title>{}</title>"#, esc(&tip));
        if let Some(d) = p.as_of.filter(|d| d.first != d.last) {
            let _ = write!(
                svg,
                r#"<line x1="{:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" class="days"/>"#,
                x(d.first),
                y(p.value),
                x(d.last + chrono::Duration::days(1)),
                y(p.value)
            );
        }
        let y_low = y(p.interval.low);
        match p.interval.high {
            Some(h) if h > p.interval.low => {
                let _ = write!(
                    svg,
                    r#"<line x1="{cx:.1}" y1="{:.1}" x2="{cx:.1}" y2="{y_low:.1}" class="range"/>"#,
                    y(h)
                );
            }
            Some(_) => {}
            None => {
                // An open bound: an arrow up from the lowest value it allows.
                let tip_y = (y_low - 22.0).max(TOP - 14.0);
                let _ = write!(
                    svg,
                    r#"<path d="M{cx:.1} {y_low:.1} V{tip_y:.1} M{:.1} {:.1} L{cx:.1} {tip_y:.1} L{:.1} {:.1}" class="range"/>"#,
                    cx - 4.0,
                    tip_y + 6.0,
                    cx + 4.0,
                    tip_y + 6.0
                );
            }
        }
        let _ = write!(
            svg,
            r#"<circle cx="{cx:.1}" cy="{:.1}" r="4"/></g>"#,
            y(p.value)
        );
        // The figure as written beside its mark, where it overlaps no other label or mark.
        let text = if p.label.chars().count() > 24 {
            format!("{}…", p.label.chars().take(23).collect::<String>())
        } else {
            p.label.clone()
        };
        let w = text.chars().count() as f64 * CHAR;
        let yv = y(p.value);
        // Above the mark: over its bar or its arrow.
        let top_of_mark = match p.interval.high {
            None => (y(p.interval.low) - 22.0).max(TOP - 14.0),
            Some(h) => y(h).min(yv - 4.0),
        };
        // Beside it on the right, on the left, then above it: the first place that overlaps
        // no other label and no other mark; else no label (the table has it).
        let candidates = [
            (cx + 7.0, yv + 4.0),
            (cx - 7.0 - w, yv + 4.0),
            (cx - w / 2.0, top_of_mark - 4.0),
        ];
        let place = candidates.into_iter().find_map(|(lx, ly)| {
            let b = Taken {
                x0: lx,
                y0: ly - 11.0,
                x1: lx + w,
                y1: ly + 2.0,
            };
            let inside = b.x0 >= LEFT && b.x1 <= WIDTH - 2.0 && b.y0 >= 22.0 && b.y1 <= base;
            let free = !taken.iter().any(|t| t.overlaps(&b))
                && !dots.iter().any(|(j, t)| *j != i && t.overlaps(&b));
            (label_marks && inside && free).then_some((lx, ly, b))
        });
        if let Some((lx, ly, b)) = place {
            taken.push(b);
            let _ = write!(
                labels,
                r#"<text x="{lx:.1}" y="{ly:.1}" class="label">{}</text>"#,
                esc(&text)
            );
        }
    }
    svg.push_str(&labels);
    // The legend, along the top.
    let mut lx = LEFT;
    let ly = 14.0;
    let mut item = |svg: &mut String, sign: &str, text: &str| {
        let _ = write!(
            svg,
            r#"<g transform="translate({lx:.1} {ly})">{sign}<text x="16" y="4" class="tick">{text}</text></g>"#
        );
        lx += 26.0 + text.chars().count() as f64 * CHAR;
    };
    item(
        &mut svg,
        r#"<g class="mark"><circle cx="5" cy="0" r="4"/></g>"#,
        "a claim (hover: its quote)",
    );
    item(
        &mut svg,
        r#"<g class="mark"><line x1="5" y1="-7" x2="5" y2="7" class="range"/></g>"#,
        "values it allows",
    );
    item(
        &mut svg,
        r#"<g class="mark"><path d="M5 7 V-7 M1 -2 L5 -7 L9 -2" class="range"/></g>"#,
        "at least",
    );
    if !contradicted.is_empty() {
        item(
            &mut svg,
            r#"<g class="mark contradiction"><circle cx="5" cy="0" r="4"/></g>"#,
            "contradiction",
        );
    }
    match model {
        Model::Stable => item(
            &mut svg,
            r#"<rect x="0" y="-6" width="12" height="12" class="band"/>"#,
            "values they agree on",
        ),
        Model::Cumulative => item(
            &mut svg,
            r#"<rect x="0" y="-6" width="12" height="12" class="envelope"/>"#,
            "floor of the running total",
        ),
        Model::Event => {}
    }
    svg.push_str("</svg>");
    svg
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn ticks_follow_the_span() {
        let months: Vec<String> = time_ticks(day("2023-10-15"), day("2024-01-20"))
            .into_iter()
            .map(|(_, l)| l)
            .collect();
        assert_eq!(months, ["2023-11", "2023-12", "2024-01"]);
        let weeks = time_ticks(day("2024-01-01"), day("2024-01-31"));
        assert!(
            weeks
                .iter()
                .all(|(d, _)| d.weekday() == chrono::Weekday::Mon)
        );
        assert_eq!(time_ticks(day("2024-01-27"), day("2024-01-30")).len(), 4);
        assert_eq!(value_ticks(102.0), (50.0, 150.0));
        assert_eq!(value_ticks(2500.0), (500.0, 3000.0));
    }
}
