//! The corpus's calendar: the days its articles date their figures on, by country. An article
//! dated only to its month that writes a weekday alone ("les chiffres communiqués samedi
//! matin") leaves open which Saturday it is; a reader of the whole corpus knows it is the
//! Saturday the other articles date the earthquake's bilans on. When exactly one day of the
//! calendar falls on that weekday within the claim's days, the claim holds at that day.
//!
//! This is the one step of extraction that reads across articles: run it once the corpus is
//! read ([`Calendar::of`] then [`Calendar::refine`]). It never guesses: no calendar day, or
//! two, leaves the claim as it was.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use recoupe_parser::DayInterval;

use crate::Claim;

/// The days a corpus dates its figures on, by country.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Calendar {
    days: BTreeMap<String, BTreeSet<NaiveDate>>,
}

impl Calendar {
    /// The days claims hold at or count events of, when their text fixes them to the day
    /// (not from a weekday alone), by the countries of their places; and the days the
    /// articles write ([`crate::Extraction::days`]: "après la journée du 23 mars").
    pub fn of(claims: &[Claim], written: &[(String, NaiveDate)]) -> Self {
        let mut days: BTreeMap<String, BTreeSet<NaiveDate>> = BTreeMap::new();
        for (country, day) in written {
            days.entry(country.clone()).or_default().insert(*day);
        }
        for c in claims.iter().filter(|c| c.as_of_weekday.is_none()) {
            for d in [c.as_of, c.event_date].into_iter().flatten() {
                if d.is_day() {
                    for country in &c.countries {
                        days.entry(country.to_string()).or_default().insert(d.first);
                    }
                }
            }
        }
        Calendar { days }
    }

    /// The one day of the calendar, in one of `countries`, within `within`, that falls on
    /// `weekday`; `None` when there is none or more than one.
    pub fn day_of(
        &self,
        countries: &[crate::Name],
        within: DayInterval,
        weekday: chrono::Weekday,
    ) -> Option<NaiveDate> {
        let found: BTreeSet<NaiveDate> = countries
            .iter()
            .filter_map(|c| self.days.get(c.as_str()))
            .flat_map(|days| days.range(within.first..=within.last))
            .filter(|d| d.weekday() == weekday)
            .copied()
            .collect();
        match found.len() {
            1 => found.into_iter().next(),
            _ => None,
        }
    }

    /// Narrows the as-of of each claim read from a weekday alone to the calendar's day of
    /// that weekday, when there is exactly one; dates the undated figures of month-dated
    /// articles at the day the calendar fixed for them; then narrows the day each was
    /// reported, read from a weekday alone ("a fait état vendredi"), to the first such weekday
    /// from its event's day on. Returns how many times it narrowed a date.
    pub fn refine(&self, claims: &mut [Claim]) -> usize {
        let mut n = self.refine_as_of(claims);
        n += settle_articles(claims);
        n += refine_reported(claims);
        n
    }

    fn refine_as_of(&self, claims: &mut [Claim]) -> usize {
        let mut n = 0;
        for c in claims.iter_mut() {
            let (Some(wd), Some(as_of)) = (c.as_of_weekday, c.as_of) else {
                continue;
            };
            if as_of.is_day() {
                continue;
            }
            // Within the article's own days: a Thursday of the month before that an article of
            // the 1st might mean is not evidence enough.
            let within = match c.article_days {
                Some(a) if a.overlaps(as_of) => {
                    DayInterval::new(a.first.max(as_of.first), a.last.min(as_of.last))
                }
                _ => as_of,
            };
            if let Some(day) = self.day_of(&c.countries, within, wd) {
                c.as_of = Some(DayInterval::day(day));
                if c.event_date == Some(as_of) {
                    c.event_date = c.as_of;
                }
                c.as_of_by_calendar = true;
                n += 1;
            }
        }
        n
    }
}

/// The day a figure was reported, read from a weekday alone ("a fait état vendredi"): the
/// first such weekday from the day of its event on. Returns how many it narrowed.
fn refine_reported(claims: &mut [Claim]) -> usize {
    let mut n = 0;
    for c in claims.iter_mut() {
        let (Some(wd), Some(reported), Some(event)) = (
            c.reported_weekday,
            c.reported,
            c.as_of.filter(|d| d.is_day()),
        ) else {
            continue;
        };
        if reported.is_day() {
            continue;
        }
        let first = (0..7)
            .map(|k| event.first + chrono::Duration::days(k))
            .find(|d| d.weekday() == wd);
        if let Some(day) = first.filter(|d| reported.first <= *d && *d <= reported.last) {
            c.reported = Some(DayInterval::day(day));
            n += 1;
        }
    }
    n
}

/// The day an article dated only to its month speaks from, once the calendar has fixed its
/// weekdays: the latest day the calendar fixed for its figures. Its tolls and counts that name no day
/// of their own ("632 morts et 329 blessés selon un dernier bilan provisoire" in the title)
/// hold at it. Returns how many claims it dated.
fn settle_articles(claims: &mut [Claim]) -> usize {
    let mut present: BTreeMap<recoupe_parser::ArticleId, NaiveDate> = BTreeMap::new();
    for c in claims.iter() {
        let (Some(days), Some(as_of)) = (c.article_days, c.as_of) else {
            continue;
        };
        // The article's present: a weekday of its own the calendar fixed.
        if days.is_day() || c.previous || !as_of.is_day() || !c.as_of_by_calendar {
            continue;
        }
        if days.first <= as_of.first && as_of.first <= days.last {
            let e = present.entry(c.id.article.clone()).or_insert(as_of.first);
            *e = (*e).max(as_of.first);
        }
    }
    let mut n = 0;
    for c in claims.iter_mut() {
        let undated = c.as_of.is_some() && c.as_of == c.article_days && !c.time_written;
        let counts = matches!(
            c.kind,
            crate::ClaimKind::Cumulative | crate::ClaimKind::Event
        );
        if let (true, true, Some(day)) = (undated, counts, present.get(&c.id.article)) {
            c.as_of = Some(DayInterval::day(*day));
            c.as_of_by_calendar = true;
            n += 1;
        }
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default()
    }

    #[test]
    fn one_calendar_day_on_the_weekday_fixes_it() {
        let cal = Calendar {
            days: [(
                "Maroc".to_owned(),
                [d("2023-09-09"), d("2023-09-12")].into_iter().collect(),
            )]
            .into_iter()
            .collect(),
        };
        let september = DayInterval::new(d("2023-09-01"), d("2023-09-30"));
        let maroc = [crate::Name::new("Maroc")];
        assert_eq!(
            cal.day_of(&maroc, september, chrono::Weekday::Sat),
            Some(d("2023-09-09"))
        );
        // No Sunday in the calendar: nothing is guessed.
        assert_eq!(cal.day_of(&maroc, september, chrono::Weekday::Sun), None);
        // Another country's days say nothing.
        assert_eq!(
            cal.day_of(
                &[crate::Name::new("Libye")],
                september,
                chrono::Weekday::Sat
            ),
            None
        );
    }
}
