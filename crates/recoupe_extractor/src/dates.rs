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
    let month = *lx.months.get(&t.lower)?;
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
    let year = year_after(tokens, m_last + 1);
    let days = resolve_day(day, month, year, reference)?;
    let last = if year.is_some() { m_last + 1 } else { m_last };
    Some((days, last, year.is_some()))
}

/// "14/05/2023", "2023-05-14", "13/03/2023": numeric dates with their year.
fn numeric_date(tokens: &[Token], at: usize) -> Option<(DayInterval, usize)> {
    let num = |k: usize| {
        tokens
            .get(k)
            .filter(|t| {
                t.kind == TokenKind::Digits
                    && !t.grouped
                    && t.value.is_some_and(|v| v.fract() == 0.0)
            })
            .and_then(|t| t.value)
            .map(|v| v as i64)
    };
    let sep = |k: usize, c: &str| tokens.get(k).is_some_and(|t| t.is(c) && !t.space_before);
    let (a, b, c) = (num(at)?, num(at + 2), num(at + 4));
    for s in ["/", "-", "."] {
        if sep(at + 1, s) && sep(at + 3, s) {
            let (b, c) = (b?, c?);
            let (y, m, d) = if a > 31 { (a, b, c) } else { (c, b, a) };
            if !(1800..=2100).contains(&y) {
                return None;
            }
            let date = NaiveDate::from_ymd_opt(y as i32, m as u32, d as u32)?;
            return Some((DayInterval::day(date), at + 4));
        }
    }
    None
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
        if let Some((days, last)) = numeric_date(tokens, i) {
            push(&mut out, i, last, days, true);
            i = last + 1;
            continue;
        }
        // "17 octobre [2023]", "1er novembre"
        if let Some((days, last, explicit)) = day_and_month(lx, tokens, i, reference) {
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
            if let Some(part) = lx.month_parts.get(&t.lower)
                && let Some(&m) = tokens.get(i + 1).and_then(|n| lx.months.get(&n.lower))
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
            if let (Some(&m), Some(year)) = (lx.months.get(&t.lower), year_after(tokens, i + 1))
                && let Some(month) = recoupe_parser::PartialDate::month(year, m)
            {
                push(&mut out, i, i + 1, month.interval(), true);
                i += 2;
                continue;
            }
            if let Some(&wd) = lx.weekdays.get(&t.lower) {
                // "ce mercredi", "ce lundi 6 mars": the text's present.
                let present = i > 0 && lx.grammar.demonstratives.is(&tokens[i - 1]);
                // "lundi 13/03/2023", "mercredi 6 mars": the date names the day.
                let dated = numeric_date(tokens, i + 1)
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
                        .is_some_and(|n| lx.weekday_past.contains(&n.lower));
                    if !past {
                        push(&mut out, i, i, DayInterval::day(day), false);
                        if let Some(m) = out.last_mut() {
                            m.present = present;
                        }
                        i += 1;
                        continue;
                    }
                }
                if let Some((day, day_last)) = day_at(tokens, i + 1) {
                    // "jeudi 12": the 12th of the article's month, or of the month before.
                    if let Some(days) = day_of_weekday(day, wd, reference) {
                        push(&mut out, i, day_last, days, false);
                        i = day_last + 1;
                        continue;
                    }
                }
                // "jeudi dernier": strictly before the article's day.
                let past = tokens
                    .get(i + 1)
                    .is_some_and(|n| lx.weekday_past.contains(&n.lower));
                let shift = |d: NaiveDate| {
                    if past {
                        last_on_or_before(d - Duration::days(1), wd)
                    } else {
                        last_on_or_before(d, wd)
                    }
                };
                let days = DayInterval::new(shift(reference.first), shift(reference.last));
                let last = if past { i + 1 } else { i };
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
        if lx.next_day.contains(&t.lower)
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
        if let Some((days, last)) = relative(lx, tokens, i, reference) {
            push(&mut out, i, last, days, false);
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

/// The day a sentence gives the article itself, when it is a dateline ("LONDRES, 7 mars
/// (Reuters) -", "PARIS, 13/03/2023"), a publication line ("Publié le 13/03/2023 à 14h05",
/// "Mis à jour le 14 mai") or a bare timestamp ("2023-09-18T11:36:42Z").
pub(crate) fn dateline(
    lx: &Lexicon,
    tokens: &[Token],
    dates: &[DateMention],
) -> Option<DayInterval> {
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
            .is_some_and(|t| lx.publication_words.contains(&t.lower)))
        || (tokens.len() <= 14
            && tokens.first().is_some_and(|t| lx.grammar.agent.is(t))
            && d.first > 0
            && tokens[d.first - 1].is("("));
    // A line that is nothing but dates and times.
    let stamp = tokens.len() <= 16
        && tokens.iter().all(|t| {
            t.kind != TokenKind::Word || t.lower.len() <= 3 || lx.months.contains_key(&t.lower)
        });
    (place || published || stamp).then_some(d.days)
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
    // "il y a trois jours", "il y a deux semaines"
    if tokens.get(at).is_some_and(|t| t.is("il"))
        && tokens.get(at + 1).is_some_and(|t| t.is("y"))
        && tokens.get(at + 2).is_some_and(|t| t.is("a"))
    {
        let n = tokens.get(at + 3)?;
        let unit = tokens.get(at + 4)?;
        let per = *lx.durations.get(&unit.lower)?;
        let count = n
            .value
            .or_else(|| crate::numbers::words_value(&[n.lower.as_str()]))
            .filter(|c| (0.0..=1000.0).contains(c))?;
        let back = -(count as i64) * per;
        return Some((shift(back, back)?, at + 4));
    }
    None
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
