//! The date reader: dates a sentence writes ("le 17 octobre", "17 octobre 2023",
//! "mi-octobre", "début novembre", "décembre 2023", "jeudi"), resolved against the article's
//! date and kept partial when they are partial (an interval of days, never a guessed day).

use chrono::{Datelike, Duration, NaiveDate, Weekday};
use recoupe_parser::DayInterval;

use crate::Lexicon;
use crate::tokens::{Token, TokenKind};

/// A date written in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct DateMention {
    pub first: usize,
    pub last: usize,
    pub days: DayInterval,
    /// Whether the text writes the year ("le 8 décembre 2023", "décembre 2023").
    pub explicit_year: bool,
}

pub(crate) fn last_on_or_before(day: NaiveDate, wd: Weekday) -> NaiveDate {
    let back = (7 + day.weekday().num_days_from_monday() - wd.num_days_from_monday()) % 7;
    day - Duration::days(i64::from(back))
}

/// The day `day`/`month` (year unknown) resolved as the latest such day not after `reference`.
fn resolve_day(
    day: u32,
    month: u32,
    year: Option<i32>,
    reference: DayInterval,
) -> Option<DayInterval> {
    if let Some(y) = year {
        return NaiveDate::from_ymd_opt(y, month, day).map(DayInterval::day);
    }
    let at_last = NaiveDate::from_ymd_opt(reference.last.year(), month, day)?;
    let d = if at_last > reference.last {
        NaiveDate::from_ymd_opt(reference.last.year() - 1, month, day)?
    } else {
        at_last
    };
    Some(DayInterval::day(d))
}

fn resolve_month_part(
    month: u32,
    (a, b): (u32, u32),
    year: Option<i32>,
    reference: DayInterval,
) -> Option<DayInterval> {
    let y = match year {
        Some(y) => y,
        None if month > reference.last.month() => reference.last.year() - 1,
        None => reference.last.year(),
    };
    let first = NaiveDate::from_ymd_opt(y, month, a)?;
    let month_end = recoupe_parser::PartialDate::month(y, month)?
        .interval()
        .last;
    let last = NaiveDate::from_ymd_opt(y, month, b).map_or(month_end, |d| d.min(month_end));
    Some(DayInterval::new(first, last))
}

fn year_after(tokens: &[Token], at: usize) -> Option<i32> {
    let t = tokens.get(at)?;
    let v = t.value?;
    (t.kind == TokenKind::Digits
        && !t.grouped
        && (1800.0..=2100.0).contains(&v)
        && v.fract() == 0.0)
        .then_some(v as i32)
}

/// The dates written in `tokens`.
pub(crate) fn find_dates(
    lx: &Lexicon,
    tokens: &[Token],
    reference: Option<DayInterval>,
) -> Vec<DateMention> {
    let mut out = Vec::new();
    let Some(reference) = reference else {
        return out;
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // "17 octobre [2023]", "1er novembre"
        let day = match t.kind {
            TokenKind::Digits if !t.grouped => t
                .value
                .filter(|v| (1.0..=31.0).contains(v) && v.fract() == 0.0),
            TokenKind::Word if t.is("premier") => Some(1.0),
            _ => None,
        };
        if let Some(day) = day {
            let mut m = i + 1;
            if tokens
                .get(m)
                .is_some_and(|s| !s.space_before && (s.is("er") || s.is("re")))
            {
                m += 1;
            }
            if let Some(&month) = tokens.get(m).and_then(|mt| lx.months.get(&mt.lower)) {
                let year = year_after(tokens, m + 1);
                if let Some(days) = resolve_day(day as u32, month, year, reference) {
                    let last = if year.is_some() { m + 1 } else { m };
                    out.push(DateMention {
                        first: i,
                        last,
                        days,
                        explicit_year: year.is_some(),
                    });
                    i = last + 1;
                    continue;
                }
            }
        }
        // "mi-octobre", "début novembre", "fin décembre [2023]", "en octobre"
        if t.kind == TokenKind::Word {
            if let Some((prefix, month)) = t.lower.split_once('-')
                && let (Some(part), Some(&m)) = (lx.month_parts.get(prefix), lx.months.get(month))
            {
                let year = year_after(tokens, i + 1);
                if let Some(days) = resolve_month_part(m, *part, year, reference) {
                    let last = if year.is_some() { i + 1 } else { i };
                    out.push(DateMention {
                        first: i,
                        last,
                        days,
                        explicit_year: year.is_some(),
                    });
                    i = last + 1;
                    continue;
                }
            }
            if let Some(part) = lx.month_parts.get(&t.lower)
                && let Some(&m) = tokens.get(i + 1).and_then(|n| lx.months.get(&n.lower))
            {
                let year = year_after(tokens, i + 2);
                if let Some(days) = resolve_month_part(m, *part, year, reference) {
                    let last = if year.is_some() { i + 2 } else { i + 1 };
                    out.push(DateMention {
                        first: i,
                        last,
                        days,
                        explicit_year: year.is_some(),
                    });
                    i = last + 1;
                    continue;
                }
            }
            // "décembre 2023"
            if let (Some(&m), Some(year)) = (lx.months.get(&t.lower), year_after(tokens, i + 1))
                && let Some(month) = recoupe_parser::PartialDate::month(year, m)
            {
                out.push(DateMention {
                    first: i,
                    last: i + 1,
                    days: month.interval(),
                    explicit_year: true,
                });
                i += 2;
                continue;
            }
            if let Some(&wd) = lx.weekdays.get(&t.lower) {
                let days = DayInterval::new(
                    last_on_or_before(reference.first, wd),
                    last_on_or_before(reference.last, wd),
                );
                out.push(DateMention {
                    first: i,
                    last: i,
                    days,
                    explicit_year: false,
                });
            }
        }
        i += 1;
    }
    out
}
