//! The date reader: dates a sentence writes, resolved against the article's date and kept
//! partial when they are partial (an interval of days, never a guessed day).
//!
//! Absolute: "le 17 octobre", "17 octobre 2023", "le 1er mars", "7 févr. 2023", "14/05/2023",
//! "2023-05-14", "mi-octobre", "début novembre", "décembre 2023", lists of days sharing a
//! month ("les 14, 15 et 16 juillet", "des 7 et 15 mars", "du 3 au 5 mars"), a weekday and
//! its day ("jeudi 12", "lundi 13/03/2023"). Relative to the article's day: weekdays ("jeudi"
//! is the last Thursday not after it; "jeudi dernier" the one before it), "hier",
//! "avant-hier", "la veille", "la semaine dernière", "ce week-end", "il y a trois jours".
//!
//! A date that is only compared with ("autant que le 19 janvier", "par rapport aux 19 et 31
//! janvier") is marked so: its numbers are not counts, and it is not when the figure holds.

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
    /// A date named to compare with ("autant que le 19 janvier"), not the figure's own.
    pub comparison: bool,
    /// The weekday written with a day ("mercredi 6 mars"): a bare "mercredi" elsewhere in the
    /// article is that day.
    pub weekday: Option<Weekday>,
    /// Whether it is the text's present: "ce mercredi 6 mars", "ce lundi".
    pub present: bool,
    /// The weekday, when the text gives only that ("samedi matin"): which one it is may be
    /// known from the days the corpus dates its events on.
    pub bare_weekday: Option<Weekday>,
    /// Whether it stands for an event the text names by a phrase, not a date ("au lendemain
    /// de cette journée": the journée is the day before).
    pub of_event: bool,
}

/// What resolves the dates of a sentence: the article's days, and the weekdays its text dates.
#[derive(Debug, Clone, Default)]
pub(crate) struct DateContext {
    /// The days the article may be from.
    pub reference: Option<DayInterval>,
    /// Weekdays the article writes with their day ("mercredi 6 mars").
    pub named_weekdays: Vec<(Weekday, NaiveDate)>,
    /// The last day the article named before the sentence: "au lendemain" is the day after.
    pub last_day: Option<NaiveDate>,
}

impl DateMention {
    /// Whether it names one day with its own number ("le 19 janvier", "lundi 13/03/2023"), not
    /// a weekday or a span resolved against the article: what can narrow an article's day.
    pub fn first_day_only(&self) -> bool {
        self.days.first == self.days.last && !self.comparison
    }
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

/// A day of the month at `at`: "17", "1er", "premier".
fn day_at(tokens: &[Token], at: usize) -> Option<(u32, usize)> {
    let t = tokens.get(at)?;
    let day = match t.kind {
        TokenKind::Digits if !t.grouped => t
            .value
            .filter(|v| (1.0..=31.0).contains(v) && v.fract() == 0.0)?,
        TokenKind::Word if t.is("premier") => 1.0,
        _ => return None,
    };
    let mut last = at;
    if tokens
        .get(at + 1)
        .is_some_and(|s| !s.space_before && (s.is("er") || s.is("re")))
    {
        last += 1;
    }
    Some((day as u32, last))
}

/// A month name or abbreviation at `at` ("mars", "févr."), with its last token.
fn month_at(lx: &Lexicon, tokens: &[Token], at: usize) -> Option<(u32, usize)> {
    let t = tokens.get(at)?;
    let month = *lx.months.get(t.lower.as_str())?;
    let dotted = tokens
        .get(at + 1)
        .is_some_and(|d| d.is(".") && !d.space_before);
    // An abbreviation takes its dot, unless the dot ends the sentence.
    let abbreviated = t.lower.len() <= 5 && !matches!(t.lower.as_str(), "mars" | "mai" | "juin");
    Some((
        month,
        if dotted && abbreviated && at + 2 < tokens.len() {
            at + 1
        } else {
            at
        },
    ))
}

/// A day and its month at `at`, with the year when written: "17 octobre", "1er novembre
/// 2023". Returns the days, the last token and whether the year is written.
fn day_and_month(
    lx: &Lexicon,
    tokens: &[Token],
    at: usize,
    reference: DayInterval,
) -> Option<(DayInterval, usize, bool)> {
    let (day, day_last) = day_at(tokens, at)?;
    // "le 1er-Mai": the day, its ordinal and the month in one word.
    let joined = tokens
        .get(at + 1)
        .filter(|t| !t.space_before)
        .and_then(|t| {
            let rest = t
                .lower
                .strip_prefix("er-")
                .or(t.lower.strip_prefix("re-"))?;
            lx.months.get(rest).map(|&m| (m, at + 1))
        });
    let (month, m_last) = match joined {
        Some(j) => j,
        None => month_at(lx, tokens, day_last + 1)?,
    };
    // "12 janvier 2018", or "12 janvier, 2018" when the year ends the phrase.
    let year = year_after(tokens, m_last + 1)
        .map(|y| (y, m_last + 1))
        .or_else(|| {
            let comma = tokens.get(m_last + 1).is_some_and(|t| t.is(","));
            year_after(tokens, m_last + 2)
                .filter(|_| comma && closes_phrase(tokens, m_last + 3))
                .map(|y| (y, m_last + 2))
        })
        // "1er avril 78": a year of two digits, when it ends the phrase.
        .or_else(|| {
            let t = tokens.get(m_last + 1)?;
            let yy = t
                .value
                .filter(|v| t.kind == TokenKind::Digits && t.lower.len() == 2 && v.fract() == 0.0)?
                as i32;
            closes_phrase(tokens, m_last + 2).then(|| (two_digit_year(yy, reference), m_last + 1))
        });
    let days = resolve_day(day, month, year.map(|y| y.0), reference)?;
    let last = year.map_or(m_last, |y| y.1);
    Some((days, last, year.is_some()))
}

/// Numeric dates: "14/05/2023", "14.5.2023", "2023-05-14", "21/04/16" (a two-digit year is
/// the one within twenty years after the reference's), "02/22/2016" (month first only when
/// the day cannot be the month), and "22/04" without its year when written with two digits
/// each or after "le"/"du"/"au" ("le 2/10"): the latest such day not after the reference.
fn numeric_date(
    tokens: &[Token],
    at: usize,
    reference: DayInterval,
) -> Option<(DayInterval, usize)> {
    let num = |k: usize| {
        tokens
            .get(k)
            .filter(|t| {
                t.kind == TokenKind::Digits
                    && !t.grouped
                    && t.value.is_some_and(|v| v.fract() == 0.0)
            })
            .and_then(|t| Some((t.value? as i64, t.lower.len())))
    };
    let sep = |k: usize, c: &str| tokens.get(k).is_some_and(|t| t.is(c) && !t.space_before);
    let (a, a_len) = num(at)?;
    let (b, b_len) = num(at + 2).filter(|_| ["/", "-", "."].iter().any(|s| sep(at + 1, s)))?;
    let chained = |s: &&str| sep(at + 1, s) && sep(at + 3, s);
    if ["/", "-", "."].iter().any(chained) {
        let (c, c_len) = num(at + 4)?;
        let (y, m, d) = if a > 31 {
            (a, b, c)
        } else {
            let year = match c_len {
                4 => c,
                2 => i64::from(two_digit_year(i32::try_from(c).ok()?, reference)),
                _ => return None,
            };
            // "02/22/2016": the month first, when the day cannot be the month.
            if b > 12 && a <= 12 {
                (year, a, b)
            } else {
                (year, b, a)
            }
        };
        if !(1000..=2100).contains(&y) {
            return None;
        }
        let date = NaiveDate::from_ymd_opt(
            i32::try_from(y).ok()?,
            u32::try_from(m).ok()?,
            u32::try_from(d).ok()?,
        )?;
        return Some((DayInterval::day(date), at + 4));
    }
    // "22/04", "le 2/10": a day and its month, the year left to the reference.
    let anchored = at
        .checked_sub(1)
        .and_then(|k| tokens.get(k))
        .is_some_and(|t| matches!(t.lower.as_str(), "le" | "du" | "au" | "depuis" | "dès"));
    let followed = tokens.get(at + 3).is_some_and(|t| {
        !t.space_before
            && (t.kind == TokenKind::Digits || matches!(t.lower.as_str(), "/" | "-" | "."))
    });
    if sep(at + 1, "/") && !followed && (anchored || (a_len == 2 && b_len == 2)) {
        let day = u32::try_from(a).ok().filter(|d| (1..=31).contains(d))?;
        let month = u32::try_from(b).ok().filter(|m| (1..=12).contains(m))?;
        // "le 12/08, 2015": its year after a comma, when the year ends the phrase.
        let year = tokens
            .get(at + 3)
            .filter(|t| t.is(","))
            .and_then(|_| year_after(tokens, at + 4))
            .filter(|_| closes_phrase(tokens, at + 5));
        let last = if year.is_some() { at + 4 } else { at + 2 };
        return resolve_day(day, month, year, reference).map(|d| (d, last));
    }
    None
}

/// A year written with two digits: the one of that century within twenty years after the
/// reference's ("07" → 2007, "27" → 2027, "89" → 1989 in 2016).
fn two_digit_year(yy: i32, reference: DayInterval) -> i32 {
    let century = 2000 + yy;
    if century > reference.last.year() + 20 {
        1900 + yy
    } else {
        century
    }
}

/// Whether the phrase ends at `at`: the end of the text or a mark of punctuation.
fn closes_phrase(tokens: &[Token], at: usize) -> bool {
    tokens.get(at).is_none_or(|t| {
        t.kind == TokenKind::Punct && !matches!(t.lower.as_str(), "/" | "-" | "%" | "'")
    })
}

/// A month then its day, the order some texts copy from English: "Oct-2", "Jan/1", "oct. 2",
/// "mai vingt et un", only when the day ends the phrase (so "en mars 2 attaques" is not
/// a date). The day and the last token.
fn month_then_day(
    lx: &Lexicon,
    tokens: &[Token],
    at: usize,
    reference: DayInterval,
) -> Option<(DayInterval, usize)> {
    let (month, m_last) = month_at(lx, tokens, at)?;
    let mut k = m_last + 1;
    // "Oct-2", "Oct/2": glued to its day.
    if tokens
        .get(k)
        .is_some_and(|t| matches!(t.lower.as_str(), "-" | "/") && !t.space_before)
    {
        k += 1;
    }
    let t = tokens.get(k)?;
    let (day, last) = match t.kind {
        TokenKind::Digits if !t.grouped => (t.value?, k),
        TokenKind::Word => {
            // "vingt et un": the longest run of number words.
            (k..tokens.len().min(k + 4)).rev().find_map(|end| {
                let words: Vec<&str> = tokens[k..=end].iter().map(|w| w.lower.as_str()).collect();
                crate::numbers::words_value(&words).map(|v| (v, end))
            })?
        }
        _ => return None,
    };
    if !(1.0..=31.0).contains(&day) || day.fract() != 0.0 || !closes_phrase(tokens, last + 1) {
        return None;
    }
    resolve_day(day as u32, month, None, reference).map(|d| (d, last))
}

/// "le 20 du mois prochain", "le 3 de ce mois": a day of a month named from the reference's.
fn day_of_relative_month(
    lx: &Lexicon,
    tokens: &[Token],
    at: usize,
    reference: DayInterval,
) -> Option<(DayInterval, usize)> {
    let (day, day_last) = day_at(tokens, at)?;
    if !tokens
        .get(day_last + 1)
        .is_some_and(|t| matches!(t.lower.as_str(), "de" | "du"))
    {
        return None;
    }
    let p = lx.months_relative.at(tokens, day_last + 2)?;
    let moved = month_from(reference, p.value)?;
    let date = NaiveDate::from_ymd_opt(moved.year(), moved.month(), day)?;
    Some((DayInterval::day(date), day_last + 1 + p.words.len()))
}

/// A year alone at `at`, written after a word that makes it a date ("la crue de 2002",
/// "lancée en 2014", "depuis 2014") and not followed by what it would count.
fn lone_year(lx: &Lexicon, tokens: &[Token], at: usize) -> Option<DayInterval> {
    let y = year_after(tokens, at)?;
    let opened = at
        .checked_sub(1)
        .is_some_and(|k| lx.year_openers.contains(tokens[k].lower.as_str()));
    let free = tokens
        .get(at + 1)
        .is_none_or(|t| t.kind != TokenKind::Word || lx.year_followers.contains(t.lower.as_str()));
    if !(opened && free) {
        return None;
    }
    let first = NaiveDate::from_ymd_opt(y, 1, 1)?;
    let last = NaiveDate::from_ymd_opt(y, 12, 31)?;
    Some(DayInterval::new(first, last))
}

/// "début 2024", "mi-2023", "fin 2023" ending at `at` (the year): its months, and the first
/// token.
fn year_part(lx: &Lexicon, tokens: &[Token], at: usize) -> Option<(DayInterval, usize)> {
    let y = year_after(tokens, at)?;
    let prev = tokens.get(at.checked_sub(1)?)?;
    // "mi-2023" is one word and a number: "mi", "-", "2023".
    let (part, first) = if prev.is("-") && !prev.space_before {
        let k = at.checked_sub(2)?;
        (lx.year_parts.get(tokens[k].lower.as_str())?, k)
    } else {
        (lx.year_parts.get(prev.lower.as_str())?, at - 1)
    };
    let first_day = NaiveDate::from_ymd_opt(y, part.0, 1)?;
    let last_day = recoupe_parser::PartialDate::month(y, part.1)?
        .interval()
        .last;
    Some((DayInterval::new(first_day, last_day), first))
}

/// "24 heures après", "trois jours plus tard", "deux semaines après" at `at`: that long after
/// `last_day` (the last day the text named), else after the reference. Hours that do not
/// make whole days leave the day partial ("12 heures après": that day or the next).
fn later(
    lx: &Lexicon,
    tokens: &[Token],
    at: usize,
    last_day: Option<NaiveDate>,
    reference: DayInterval,
) -> Option<(DayInterval, usize)> {
    let n = tokens.get(at)?;
    let unit = tokens.get(at + 1)?;
    let marker = lx
        .later
        .iter()
        .find(|w| crate::lexicon::phrase_at(tokens, at + 2, w))?;
    // "une semaine après la catastrophe": after an event the phrase names, whose day it does
    // not give.
    let end = at + 2 + marker.len();
    let g = &lx.grammar;
    if tokens.get(end).is_some_and(|t| {
        g.articles.is(t) || g.determiners.is(t) || g.de.is(t) || g.indefinite.is(t)
    }) {
        return None;
    }
    let count = n
        .value
        .or_else(|| crate::numbers::words_value(&[n.lower.as_str()]))
        .filter(|c| (0.0..=1000.0).contains(c))?;
    let (low, high) = if lx.hours.contains(unit.lower.as_str()) {
        ((count / 24.0).floor() as i64, (count / 24.0).ceil() as i64)
    } else {
        let per = *lx.durations.get(unit.lower.as_str())?;
        let d = count as i64 * per;
        (d, d)
    };
    let (first, last) = match last_day {
        Some(d) => (d, d),
        None => (reference.first, reference.last),
    };
    let days = DayInterval::new(
        first.checked_add_signed(Duration::try_days(low)?)?,
        last.checked_add_signed(Duration::try_days(high)?)?,
    );
    Some((days, at + 1 + marker.len()))
}

/// The first day of the month `offset` months from the reference's.
fn month_from(reference: DayInterval, offset: i64) -> Option<NaiveDate> {
    let first = NaiveDate::from_ymd_opt(reference.last.year(), reference.last.month(), 1)?;
    let months = chrono::Months::new(u32::try_from(offset.unsigned_abs()).ok()?);
    if offset < 0 {
        first.checked_sub_months(months)
    } else {
        first.checked_add_months(months)
    }
}

/// Words before a date that make it a date to compare with.
fn compared(tokens: &[Token], first: usize) -> bool {
    let before = |back: usize| first.checked_sub(back).and_then(|k| tokens.get(k));
    let w = |back: usize, word: &str| before(back).is_some_and(|t| t.is(word));
    let article = |back: usize| {
        before(back).is_some_and(|t| matches!(t.lower.as_str(), "le" | "la" | "l'" | "les"))
    };
    let lead = if article(1) { 2 } else { 1 };
    w(lead, "que") && w(lead + 1, "autant")
        || w(lead, "qu'") && w(lead + 1, "autant")
        || (w(1, "aux") || w(1, "au") || w(lead, "à"))
            && (w(2, "rapport") || w(lead + 1, "rapport"))
        || w(lead, "comme")
}

/// The dates written in `tokens`, resolved against the article's days.
pub(crate) fn find_dates(
    lx: &Lexicon,
    tokens: &[Token],
    reference: Option<DayInterval>,
) -> Vec<DateMention> {
    find_dates_in(
        lx,
        tokens,
        &DateContext {
            reference,
            named_weekdays: Vec::new(),
            last_day: None,
        },
    )
}

/// The dates written in `tokens`, resolved in `ctx`.
pub(crate) fn find_dates_in(lx: &Lexicon, tokens: &[Token], ctx: &DateContext) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let Some(reference) = ctx.reference else {
        return out;
    };
    let push = |out: &mut Vec<DateMention>, first, last, days, explicit_year| {
        out.push(DateMention {
            first,
            last,
            days,
            explicit_year,
            comparison: false,
            weekday: None,
            present: false,
            bare_weekday: None,
            of_event: false,
        });
    };
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        // "14/05/2023", "17 octobre [2023]", "le 20 du mois prochain", "Oct-2".
        let dated = numeric_date(tokens, i, reference)
            .map(|(d, l)| (d, l, true))
            .or_else(|| day_and_month(lx, tokens, i, reference))
            .or_else(|| {
                day_of_relative_month(lx, tokens, i, reference)
                    .or_else(|| month_then_day(lx, tokens, i, reference))
                    .map(|(d, l)| (d, l, false))
            });
        if let Some((days, last, explicit)) = dated {
            push(&mut out, i, last, days, explicit);
            i = last + 1;
            continue;
        }
        if day_at(tokens, i).is_some() {
            // "les 14, 15 et 16 juillet", "des 7 et 15 mars", "du 3 au 5 mars", "entre le 4
            // et le 6 septembre": days sharing the month written after the last of them.
            if let Some(list) = day_list(lx, tokens, i, reference) {
                let n = list.len();
                for (k, (first, last, days, explicit)) in list.into_iter().enumerate() {
                    push(&mut out, first, last, days, explicit);
                    if k + 1 == n {
                        i = last + 1;
                    }
                }
                continue;
            }
        }
        // "le premier vendredi de juillet", "le deuxième lundi du mois prochain".
        if let Some((days, last)) = weekday_of_month(lx, tokens, i, reference) {
            push(&mut out, i, last, days, false);
            i = last + 1;
            continue;
        }
        // "le 27", "le vingt-sept," ending its phrase: that day of the month, the latest not
        // after the reference.
        if t.is("le")
            && let Some((day, last)) = lone_day(tokens, i + 1)
            && let Some(days) = latest_day_of_month(day, reference)
        {
            push(&mut out, i, last, days, false);
            i = last + 1;
            continue;
        }
        if t.kind == TokenKind::Word {
            // "mi-octobre", "début novembre", "fin décembre [2023]"
            if let Some((prefix, month)) = t.lower.split_once('-')
                && let (Some(part), Some(&m)) = (lx.month_parts.get(prefix), lx.months.get(month))
            {
                let year = year_after(tokens, i + 1);
                if let Some(days) = resolve_month_part(m, *part, year, reference) {
                    let last = if year.is_some() { i + 1 } else { i };
                    push(&mut out, i, last, days, year.is_some());
                    i = last + 1;
                    continue;
                }
            }
            if let Some(part) = lx.month_parts.get(t.lower.as_str())
                && let Some(&m) = tokens
                    .get(i + 1)
                    .and_then(|n| lx.months.get(n.lower.as_str()))
            {
                let year = year_after(tokens, i + 2);
                if let Some(days) = resolve_month_part(m, *part, year, reference) {
                    let last = if year.is_some() { i + 2 } else { i + 1 };
                    push(&mut out, i, last, days, year.is_some());
                    i = last + 1;
                    continue;
                }
            }
            // "décembre 2023"
            if let (Some(&m), Some(year)) =
                (lx.months.get(t.lower.as_str()), year_after(tokens, i + 1))
                && let Some(month) = recoupe_parser::PartialDate::month(year, m)
            {
                push(&mut out, i, i + 1, month.interval(), true);
                i += 2;
                continue;
            }
            if let Some(&wd) = lx.weekdays.get(t.lower.as_str()) {
                // "ce mercredi", "ce lundi 6 mars": the text's present.
                let present = i > 0 && lx.grammar.demonstratives.is(&tokens[i - 1]);
                // "lundi 13/03/2023", "mercredi 6 mars": the date names the day.
                let dated = numeric_date(tokens, i + 1, reference)
                    .map(|(d, l)| (d, l, true))
                    .or_else(|| day_and_month(lx, tokens, i + 1, reference));
                if let Some((days, last, explicit)) = dated {
                    push(&mut out, i, last, days, explicit);
                    if let Some(m) = out.last_mut() {
                        m.weekday = Some(wd);
                        m.present = present;
                    }
                    i = last + 1;
                    continue;
                }
                // "mercredi", when the article writes "mercredi 6 mars" elsewhere.
                if let Some(&(_, day)) = ctx.named_weekdays.iter().find(|(w, d)| {
                    *w == wd && *d <= reference.last && reference.first - Duration::days(13) <= *d
                }) {
                    let past = tokens
                        .get(i + 1)
                        .is_some_and(|n| lx.weekday_past.contains(n.lower.as_str()));
                    if !past {
                        push(&mut out, i, i, DayInterval::day(day), false);
                        if let Some(m) = out.last_mut() {
                            m.present = present;
                        }
                        i += 1;
                        continue;
                    }
                }
                // "vendredi de la semaine prochaine", "dimanche cette semaine", "vendredi
                // prochain", "ce vendredi": that day of the week named (Monday to Sunday).
                let of = usize::from(
                    tokens
                        .get(i + 1)
                        .is_some_and(|t| matches!(t.lower.as_str(), "de" | "du")),
                );
                let week = lx
                    .weeks
                    .at(tokens, i + 1 + of)
                    .map(|p| (p.value, i + of + p.words.len()))
                    .or_else(|| {
                        tokens
                            .get(i + 1)
                            .is_some_and(|n| lx.weekday_next.contains(n.lower.as_str()))
                            .then_some((1, i + 1))
                    })
                    .or_else(|| present.then_some((0, i)));
                let in_week = week.and_then(|(offset, last)| {
                    weekday_of_week(reference, wd, offset).map(|d| (d, last))
                });
                let (days, last) = match in_week {
                    Some(found) => found,
                    None => {
                        if let Some((day, day_last)) = day_at(tokens, i + 1)
                            && let Some(days) = day_of_weekday(day, wd, reference)
                        {
                            // "jeudi 12": the 12th of the article's month, or of the month
                            // before.
                            push(&mut out, i, day_last, days, false);
                            i = day_last + 1;
                            continue;
                        }
                        // "jeudi dernier": strictly before the article's day.
                        let past = tokens
                            .get(i + 1)
                            .is_some_and(|n| lx.weekday_past.contains(n.lower.as_str()));
                        let shift = |d: NaiveDate| {
                            if past {
                                last_on_or_before(d - Duration::days(1), wd)
                            } else {
                                last_on_or_before(d, wd)
                            }
                        };
                        let days = DayInterval::new(shift(reference.first), shift(reference.last));
                        (days, if past { i + 1 } else { i })
                    }
                };
                push(&mut out, i, last, days, false);
                if let Some(m) = out.last_mut() {
                    m.present = present;
                    m.bare_weekday = (!days.is_day()).then_some(wd);
                }
                i = last + 1;
                continue;
            }
        }
        // "au lendemain du 1er mai": the day after that date; "au lendemain de cette
        // journée": the day after the last day the article named, which the phrase names.
        if lx.next_day.contains(t.lower.as_str())
            && i > 0
            && matches!(tokens[i - 1].lower.as_str(), "au" | "le")
        {
            let of = tokens
                .get(i + 1)
                .is_some_and(|t| matches!(t.lower.as_str(), "de" | "du" | "d'"));
            let dated = of
                .then(|| {
                    let at =
                        i + 2 + usize::from(tokens.get(i + 2).is_some_and(|t| t.lower == "la"));
                    day_and_month(lx, tokens, at, reference)
                        .filter(|(d, ..)| d.is_day())
                        .map(|(d, last, explicit)| (at, d, last, explicit))
                })
                .flatten();
            let (event, day) = match dated {
                Some((at, d, last, explicit)) => (Some((at, last, explicit)), Some(d.first)),
                None => {
                    // The phrase after it: a determiner and its noun, or a noun.
                    let det = tokens.get(i + 2).is_some_and(|t| {
                        matches!(
                            t.lower.as_str(),
                            "ce" | "cette" | "ces" | "la" | "le" | "l'"
                        )
                    });
                    let noun = i + 2 + usize::from(det);
                    let phrase = (of
                        && tokens.get(noun).is_some_and(|t| t.kind == TokenKind::Word))
                    .then_some((i + 2, noun, false));
                    (phrase, ctx.last_day)
                }
            };
            if let Some(day) = day {
                push(
                    &mut out,
                    i - 1,
                    i,
                    DayInterval::day(day + Duration::days(1)),
                    false,
                );
                i += 1;
                if let Some((first, last, explicit)) = event {
                    push(&mut out, first, last, DayInterval::day(day), explicit);
                    if let Some(m) = out.last_mut() {
                        m.of_event = true;
                    }
                    i = last + 1;
                }
                continue;
            }
        }
        // "24 heures après" (after the last day named, else the reference), "hier", "il y a
        // trois jours", "début 2024", "la crue de 2002".
        let relative_date = later(lx, tokens, i, ctx.last_day, reference)
            .or_else(|| relative(lx, tokens, i, reference))
            .map(|(d, l)| (i, l, d, false))
            .or_else(|| {
                year_part(lx, tokens, i)
                    .or_else(|| lone_year(lx, tokens, i).map(|d| (d, i)))
                    .map(|(d, first)| (first, i, d, true))
            });
        if let Some((first, last, days, explicit)) = relative_date {
            push(&mut out, first, last, days, explicit);
            i = last + 1;
            continue;
        }
        i += 1;
    }
    // "par rapport au 31 janvier, où le syndicat avait recensé 2,8 millions": the figures of
    // a clause opened by "où" after the date hold at it, compared or not.
    let opens_clause = |last: usize| {
        let mut k = last + 1;
        if tokens.get(k).is_some_and(|t| t.is(",")) {
            k += 1;
        }
        tokens.get(k).is_some_and(|t| t.is("où"))
    };
    for k in 0..out.len() {
        // A date listed after another shares its role: "par rapport aux 19 et 31 janvier".
        let listed = k > 0
            && out[k - 1].last < out[k].first
            && tokens[out[k - 1].last + 1..out[k].first]
                .iter()
                .all(|t| matches!(t.lower.as_str(), "," | "et" | "au" | "à" | "le" | "l'"));
        out[k].comparison = if listed {
            out[k - 1].comparison
        } else {
            compared(tokens, out[k].first)
        };
    }
    // The dates of a list share the clause after the last of them.
    for k in (0..out.len()).rev() {
        if opens_clause(out[k].last) {
            let mut j = k;
            loop {
                out[j].comparison = false;
                let listed = j > 0
                    && out[j - 1].last < out[j].first
                    && tokens[out[j - 1].last + 1..out[j].first]
                        .iter()
                        .all(|t| matches!(t.lower.as_str(), "," | "et" | "au" | "à" | "le" | "l'"));
                if !listed {
                    break;
                }
                j -= 1;
            }
        }
    }
    out
}

/// What kind of line gives an article its own day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DatelineKind {
    /// "LONDRES, 7 mars (Reuters) -", "PARIS, 13/03/2023".
    Dateline,
    /// "Publié le 13/03/2023 à 14h05", "Mis à jour le 14 mai", "Par franceinfo avec AFP (17
    /// septembre 2023)".
    Publication,
    /// A line that is nothing but dates and times ("2023-09-18T11:36:42Z").
    Stamp,
}

/// The day a sentence gives the article itself, when it is a dateline ("LONDRES, 7 mars
/// (Reuters) -", "PARIS, 13/03/2023"), a publication line ("Publié le 13/03/2023 à 14h05",
/// "Mis à jour le 14 mai") or a bare timestamp ("2023-09-18T11:36:42Z").
pub(crate) fn dateline(
    lx: &Lexicon,
    tokens: &[Token],
    dates: &[DateMention],
) -> Option<DayInterval> {
    dateline_of(lx, tokens, dates).map(|(d, _)| d.days)
}

/// The date of a dateline, a publication line or a timestamp, and which it is.
pub(crate) fn dateline_of<'a>(
    lx: &Lexicon,
    tokens: &[Token],
    dates: &'a [DateMention],
) -> Option<(&'a DateMention, DatelineKind)> {
    let d = dates.iter().find(|d| d.first_day_only())?;
    // "LONDRES, 7 mars": capitalised words, a comma, the date.
    let comma = d.first.checked_sub(1)?;
    let place = comma > 0
        && comma <= 4
        && tokens[comma].is(",")
        && tokens[..comma]
            .iter()
            .all(|t| t.kind == TokenKind::Word && t.upper);
    // "Publié le 13/03/2023", "Mis à jour le 14 mai", "Par franceinfo avec AFP (17
    // septembre 2023)".
    let published = (d.first <= 4
        && tokens
            .first()
            .is_some_and(|t| lx.publication_words.contains(t.lower.as_str())))
        || (tokens.len() <= 14
            && tokens.first().is_some_and(|t| lx.grammar.agent.is(t))
            && d.first > 0
            && tokens[d.first - 1].is("("));
    // A line that is nothing but dates and times.
    let stamp = tokens.len() <= 16
        && tokens.iter().all(|t| {
            t.kind != TokenKind::Word
                || t.lower.len() <= 3
                || lx.months.contains_key(t.lower.as_str())
        });
    let kind = if place {
        DatelineKind::Dateline
    } else if published {
        DatelineKind::Publication
    } else if stamp {
        DatelineKind::Stamp
    } else {
        return None;
    };
    Some((d, kind))
}

/// "jeudi 12": the latest 12th not after the article whose weekday fits, else the latest 12th.
fn day_of_weekday(day: u32, wd: Weekday, reference: DayInterval) -> Option<DayInterval> {
    let mut y = reference.last.year();
    let mut m = reference.last.month();
    let mut fallback = None;
    for _ in 0..12 {
        if let Some(d) = NaiveDate::from_ymd_opt(y, m, day).filter(|d| *d <= reference.last) {
            if d.weekday() == wd {
                return Some(DayInterval::day(d));
            }
            fallback.get_or_insert(DayInterval::day(d));
        }
        if m == 1 {
            m = 12;
            y -= 1;
        } else {
            m -= 1;
        }
    }
    fallback
}

/// Days sharing a month written after the last of them: "les 14, 15 et 16 juillet", "des 7
/// et 15 mars", "du 3 au 5 mars", "entre le 4 et le 6 septembre".
fn day_list(
    lx: &Lexicon,
    tokens: &[Token],
    at: usize,
    reference: DayInterval,
) -> Option<Vec<(usize, usize, DayInterval, bool)>> {
    let mut days = vec![(at, day_at(tokens, at)?)];
    let mut k = days[0].1.1 + 1;
    loop {
        let sep = tokens.get(k)?;
        if !matches!(sep.lower.as_str(), "," | "et" | "au" | "à") {
            return None;
        }
        k += 1;
        if tokens
            .get(k)
            .is_some_and(|t| matches!(t.lower.as_str(), "le" | "l'"))
        {
            k += 1;
        }
        let (day, last) = day_at(tokens, k)?;
        days.push((k, (day, last)));
        k = last + 1;
        if let Some((month, m_last)) = month_at(lx, tokens, k) {
            let year = year_after(tokens, m_last + 1);
            let end = if year.is_some() { m_last + 1 } else { m_last };
            let n = days.len();
            return days
                .into_iter()
                .enumerate()
                .map(|(j, (first, (day, last)))| {
                    let days = resolve_day(day, month, year, reference)?;
                    Some((
                        first,
                        if j + 1 == n { end } else { last },
                        days,
                        year.is_some(),
                    ))
                })
                .collect();
        }
        if days.len() > 10 {
            return None;
        }
    }
}

/// Days named relative to the article's: "hier", "la semaine dernière", "ce week-end",
/// "il y a trois jours".
fn relative(
    lx: &Lexicon,
    tokens: &[Token],
    at: usize,
    reference: DayInterval,
) -> Option<(DayInterval, usize)> {
    let shift = |a: i64, b: i64| -> Option<DayInterval> {
        Some(DayInterval::new(
            reference.first.checked_add_signed(Duration::try_days(a)?)?,
            reference.last.checked_add_signed(Duration::try_days(b)?)?,
        ))
    };
    if let Some(p) = lx.relative_days.at(tokens, at) {
        return Some((shift(p.value, p.value)?, at + p.words.len() - 1));
    }
    if let Some(p) = lx.relative_spans.at(tokens, at) {
        let (a, b) = p.value;
        return Some((shift(a, b)?, at + p.words.len() - 1));
    }
    if let Some(p) = lx.weeks.at(tokens, at) {
        let monday = |d: NaiveDate| last_on_or_before(d, Weekday::Mon);
        let offset = Duration::try_days(7 * p.value)?;
        let first = monday(reference.first).checked_add_signed(offset)?;
        let last = monday(reference.last)
            .checked_add_signed(offset)?
            .checked_add_signed(Duration::try_days(6)?)?;
        return Some((DayInterval::new(first, last), at + p.words.len() - 1));
    }
    // "il y a trois jours", "il y a deux ans", "dans deux semaines"
    let (sign, n_at) = if tokens.get(at).is_some_and(|t| t.is("il"))
        && tokens.get(at + 1).is_some_and(|t| t.is("y"))
        && tokens.get(at + 2).is_some_and(|t| t.is("a"))
    {
        (-1, at + 3)
    } else if tokens
        .get(at)
        .is_some_and(|t| lx.ahead.contains(t.lower.as_str()))
    {
        (1, at + 1)
    } else {
        return None;
    };
    let n = tokens.get(n_at)?;
    let unit = tokens.get(n_at + 1)?;
    let count = n
        .value
        .or_else(|| crate::numbers::words_value(&[n.lower.as_str()]))
        .filter(|c| (0.0..=1000.0).contains(c) && c.fract() == 0.0)? as i64;
    if let Some(&per) = lx.calendar_months.get(unit.lower.as_str()) {
        let months = chrono::Months::new(u32::try_from(count).ok()? * per);
        let moved = |d: NaiveDate| {
            if sign < 0 {
                d.checked_sub_months(months)
            } else {
                d.checked_add_months(months)
            }
        };
        let days = DayInterval::new(moved(reference.first)?, moved(reference.last)?);
        return Some((days, n_at + 1));
    }
    let per = *lx.durations.get(unit.lower.as_str())?;
    let by = sign * count * per;
    Some((shift(by, by)?, n_at + 1))
}

/// The day `wd` of the week `offset` weeks from the reference's (Monday to Sunday).
fn weekday_of_week(reference: DayInterval, wd: Weekday, offset: i64) -> Option<DayInterval> {
    let day = |d: NaiveDate| {
        last_on_or_before(d, Weekday::Mon).checked_add_signed(Duration::try_days(
            7 * offset + i64::from(wd.num_days_from_monday()),
        )?)
    };
    Some(DayInterval::new(
        day(reference.first)?,
        day(reference.last)?,
    ))
}

/// "premier vendredi de juillet", "deuxième lundi du mois prochain", "dernier dimanche de
/// mars" at `at` (after its article): the days and the last token. A month without its year
/// is the latest not after the reference.
fn weekday_of_month(
    lx: &Lexicon,
    tokens: &[Token],
    at: usize,
    reference: DayInterval,
) -> Option<(DayInterval, usize)> {
    let nth = *lx.weekday_ordinals.get(tokens.get(at)?.lower.as_str())?;
    let wd = *lx.weekdays.get(tokens.get(at + 1)?.lower.as_str())?;
    let of = tokens.get(at + 2)?;
    if !matches!(of.lower.as_str(), "de" | "du" | "en") {
        return None;
    }
    let (year, month, last) = if let Some(p) = lx.months_relative.at(tokens, at + 3) {
        let moved = month_from(reference, p.value)?;
        (moved.year(), moved.month(), at + 2 + p.words.len())
    } else {
        let (month, m_last) = month_at(lx, tokens, at + 3)?;
        match year_after(tokens, m_last + 1) {
            Some(y) => (y, month, m_last + 1),
            None if month > reference.last.month() => (reference.last.year() - 1, month, m_last),
            None => (reference.last.year(), month, m_last),
        }
    };
    let first = NaiveDate::from_ymd_opt(year, month, 1)?;
    let day = if nth > 0 {
        let back = (7 + wd.num_days_from_monday() - first.weekday().num_days_from_monday()) % 7;
        first + Duration::days(i64::from(back) + 7 * (nth - 1))
    } else {
        let end = first.checked_add_months(chrono::Months::new(1))? - Duration::days(1);
        last_on_or_before(end, wd)
    };
    (day.month() == month).then_some((DayInterval::day(day), last))
}

/// A day of the month standing alone at `at` and ending its phrase: "27" in "le 27.", "vingt-
/// sept" in "le vingt-sept,". The day and its last token.
fn lone_day(tokens: &[Token], at: usize) -> Option<(u32, usize)> {
    let t = tokens.get(at)?;
    let day = match t.kind {
        TokenKind::Digits if !t.grouped => t.value?,
        TokenKind::Word => crate::numbers::words_value(&[t.lower.as_str()])?,
        _ => return None,
    };
    let closes = tokens.get(at + 1).is_none_or(|n| {
        n.kind == TokenKind::Punct
            && !matches!(n.lower.as_str(), "/" | "-" | "%" | "'")
            && !tokens
                .get(at + 2)
                .is_some_and(|d| d.kind == TokenKind::Digits && !d.space_before)
    });
    ((1.0..=31.0).contains(&day) && day.fract() == 0.0 && closes).then_some((day as u32, at))
}

/// Day `day` of the reference's month, or of the month before when that is after it.
fn latest_day_of_month(day: u32, reference: DayInterval) -> Option<DayInterval> {
    let r = reference.last;
    let this = NaiveDate::from_ymd_opt(r.year(), r.month(), day).filter(|d| *d <= r);
    let d = match this {
        Some(d) => d,
        None => {
            let before = NaiveDate::from_ymd_opt(r.year(), r.month(), 1)?
                .checked_sub_months(chrono::Months::new(1))?;
            NaiveDate::from_ymd_opt(before.year(), before.month(), day)?
        }
    };
    Some(DayInterval::day(d))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::tokenize;
    use recoupe_parser::PartialDate;

    fn dates(text: &str, article: &str) -> Vec<(String, bool)> {
        let Ok(lx) = Lexicon::french() else {
            return Vec::new();
        };
        let tokens = tokenize(text, 0);
        let reference = PartialDate::parse(article).ok().map(|d| d.interval());
        find_dates(&lx, &tokens, reference)
            .into_iter()
            .map(|d| (d.days.to_string(), d.comparison))
            .collect()
    }

    fn days(text: &str, article: &str) -> Vec<String> {
        dates(text, article).into_iter().map(|(d, _)| d).collect()
    }

    #[test]
    fn absolute_dates_in_the_forms_news_prints() {
        assert_eq!(days("le 14 mai", "2023-05-20"), ["2023-05-14"]);
        assert_eq!(days("le 1er mars", "2023-03-20"), ["2023-03-01"]);
        assert_eq!(
            days("les manifestations du 1er-Mai", "2023-05-02"),
            ["2023-05-01"]
        );
        assert_eq!(days("7 févr. 2023 – La CGT", "2023-02"), ["2023-02-07"]);
        assert_eq!(days("lundi 13/03/2023", "2023-03"), ["2023-03-13"]);
        assert_eq!(days("le 2023-05-14", "2023-05"), ["2023-05-14"]);
        assert_eq!(days("vendredi 12", "2024-01-20"), ["2024-01-12"]);
        // The 12th that is a Thursday, not the nearest 12th.
        assert_eq!(days("jeudi 12", "2024-01-20"), ["2023-10-12"]);
    }

    #[test]
    fn days_that_share_a_month() {
        assert_eq!(
            days("les manifestations des 7 et 15 mars", "2023-03-20"),
            ["2023-03-07", "2023-03-15"]
        );
        assert_eq!(
            days("les 14, 15 et 16 juillet", "2023-07-20"),
            ["2023-07-14", "2023-07-15", "2023-07-16"]
        );
        assert_eq!(
            days("du 3 au 5 mars", "2023-03-20"),
            ["2023-03-03", "2023-03-05"]
        );
    }

    #[test]
    fn relative_days() {
        assert_eq!(days("hier", "2023-11-10"), ["2023-11-09"]);
        assert_eq!(days("avant-hier", "2023-11-10"), ["2023-11-08"]);
        assert_eq!(days("mardi soir", "2023-11-10"), ["2023-11-07"]);
        assert_eq!(days("vendredi dernier", "2023-11-10"), ["2023-11-03"]);
        assert_eq!(days("il y a trois jours", "2023-11-10"), ["2023-11-07"]);
        assert_eq!(
            days("la semaine dernière", "2023-11-10"),
            ["2023-10-30..2023-11-05"]
        );
    }

    #[test]
    fn dates_to_compare_with_are_marked() {
        assert_eq!(
            dates("400 000 personnes, autant que le 19 janvier", "2023-02-07"),
            [("2023-01-19".to_owned(), true)]
        );
        assert_eq!(
            dates(
                "en baisse par rapport au 31 janvier, où le syndicat avait recensé 2,8 millions",
                "2023-02-07"
            ),
            [("2023-01-31".to_owned(), false)],
            "the figures of a clause opened by «où» hold at the date"
        );
        assert_eq!(
            dates("par rapport aux 19 et 31 janvier", "2023-02-07"),
            [
                ("2023-01-19".to_owned(), true),
                ("2023-01-31".to_owned(), true)
            ]
        );
    }
}
