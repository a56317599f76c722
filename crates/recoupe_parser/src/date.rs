//! Partial dates ("2023-11", "2023-11-05") and the day intervals they stand for.
//!
//! A date the text gives only partly stays partial: "2023-11" is every day of November 2023,
//! never a guessed day.

use std::fmt;

use chrono::{Datelike, Duration, NaiveDate};

/// A calendar date known to the day or only to the month.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum PartialDate {
    /// A whole month.
    Month {
        /// Year, e.g. 2023.
        year: i32,
        /// Month, 1–12.
        month: u32,
    },
    /// One day.
    Day(NaiveDate),
}

impl PartialDate {
    /// Parses `YYYY-MM` or `YYYY-MM-DD`.
    ///
    /// # Errors
    /// Returns a message saying what is wrong when the text is neither form or names no real date.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let num = |s: &str, what: &str| -> Result<u32, String> {
            if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
                return Err(format!("`{text}`: {what} `{s}` is not a number"));
            }
            s.parse::<u32>()
                .map_err(|_| format!("`{text}`: {what} `{s}` is out of range"))
        };
        match parts.as_slice() {
            [y, m] if y.len() == 4 && m.len() == 2 => {
                let year = num(y, "year")? as i32;
                let month = num(m, "month")?;
                PartialDate::month(year, month)
                    .ok_or_else(|| format!("`{text}`: there is no month {month}"))
            }
            [y, m, d] if y.len() == 4 && m.len() == 2 && d.len() == 2 => {
                let year = num(y, "year")? as i32;
                let month = num(m, "month")?;
                let day = num(d, "day")?;
                NaiveDate::from_ymd_opt(year, month, day)
                    .map(PartialDate::Day)
                    .ok_or_else(|| format!("`{text}`: no such day in the calendar"))
            }
            _ => Err(format!(
                "`{text}` is not a date of the form YYYY-MM or YYYY-MM-DD"
            )),
        }
    }

    /// A month, if `month` is 1–12.
    pub fn month(year: i32, month: u32) -> Option<Self> {
        NaiveDate::from_ymd_opt(year, month, 1).map(|_| PartialDate::Month { year, month })
    }

    /// The days this date may be.
    pub fn interval(self) -> DayInterval {
        match self {
            PartialDate::Day(d) => DayInterval::day(d),
            PartialDate::Month { year, month } => {
                let first = NaiveDate::from_ymd_opt(year, month, 1).unwrap_or(NaiveDate::MIN);
                let next = if month == 12 {
                    NaiveDate::from_ymd_opt(year + 1, 1, 1)
                } else {
                    NaiveDate::from_ymd_opt(year, month + 1, 1)
                };
                let last = next.and_then(|n| n.pred_opt()).unwrap_or(first);
                DayInterval { first, last }
            }
        }
    }

    /// Year of the date.
    pub fn year(self) -> i32 {
        match self {
            PartialDate::Day(d) => d.year(),
            PartialDate::Month { year, .. } => year,
        }
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PartialDate::Day(d) => write!(f, "{}", d.format("%Y-%m-%d")),
            PartialDate::Month { year, month } => write!(f, "{year:04}-{month:02}"),
        }
    }
}

/// A closed interval of days `first..=last`: what a partial or vague date can be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct DayInterval {
    /// First possible day.
    pub first: NaiveDate,
    /// Last possible day (inclusive).
    pub last: NaiveDate,
}

impl DayInterval {
    /// The interval of one day.
    pub fn day(d: NaiveDate) -> Self {
        DayInterval { first: d, last: d }
    }

    /// An interval, with its bounds put in order.
    pub fn new(a: NaiveDate, b: NaiveDate) -> Self {
        DayInterval {
            first: a.min(b),
            last: a.max(b),
        }
    }

    /// Whether every day of `self` is before every day of `other`.
    pub fn surely_before(self, other: DayInterval) -> bool {
        self.last < other.first
    }

    /// Whether the two intervals share a day.
    pub fn overlaps(self, other: DayInterval) -> bool {
        self.first <= other.last && other.first <= self.last
    }

    /// Days between the two intervals (0 when they overlap).
    pub fn gap_days(self, other: DayInterval) -> i64 {
        if self.overlaps(other) {
            0
        } else if self.last < other.first {
            (other.first - self.last).num_days()
        } else {
            (self.first - other.last).num_days()
        }
    }

    /// The middle day (rounded down).
    pub fn midpoint(self) -> NaiveDate {
        let half = (self.last - self.first).num_days() / 2;
        self.first + Duration::days(half)
    }

    /// Whether the interval is a single day.
    pub fn is_day(self) -> bool {
        self.first == self.last
    }

    /// The most precise [`PartialDate`] describing the interval, when it is a day or a whole month.
    pub fn as_partial(self) -> Option<PartialDate> {
        if self.is_day() {
            return Some(PartialDate::Day(self.first));
        }
        let month = PartialDate::month(self.first.year(), self.first.month())?;
        (month.interval() == self).then_some(month)
    }
}

impl fmt::Display for DayInterval {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.as_partial() {
            Some(p) => write!(f, "{p}"),
            None => write!(
                f,
                "{}..{}",
                self.first.format("%Y-%m-%d"),
                self.last.format("%Y-%m-%d")
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    #[test]
    fn parses_month_and_day() {
        assert_eq!(
            PartialDate::parse("2023-11"),
            Ok(PartialDate::Month {
                year: 2023,
                month: 11
            })
        );
        assert_eq!(
            PartialDate::parse("2024-02-29"),
            Ok(PartialDate::Day(d(2024, 2, 29)))
        );
        assert!(PartialDate::parse("2023-02-30").is_err());
        assert!(PartialDate::parse("2023-13").is_err());
        assert!(PartialDate::parse("23-11").is_err());
        assert!(PartialDate::parse("2023-1a").is_err());
    }

    #[test]
    fn month_interval_covers_the_month() -> Result<(), String> {
        let i = PartialDate::parse("2023-12")?.interval();
        assert_eq!(i.first, d(2023, 12, 1));
        assert_eq!(i.last, d(2023, 12, 31));
        assert_eq!(i.to_string(), "2023-12");
        let feb = PartialDate::parse("2024-02")?.interval();
        assert_eq!(feb.last, d(2024, 2, 29));
        Ok(())
    }

    #[test]
    fn ordering_of_intervals() -> Result<(), String> {
        let oct = PartialDate::parse("2023-10")?.interval();
        let nov3 = DayInterval::day(d(2023, 11, 3));
        let nov = PartialDate::parse("2023-11")?.interval();
        assert!(oct.surely_before(nov3));
        assert!(!nov3.surely_before(nov));
        assert!(nov.overlaps(nov3));
        assert_eq!(oct.gap_days(nov3), 3);
        assert_eq!(
            DayInterval::new(d(2023, 10, 11), d(2023, 10, 20)).to_string(),
            "2023-10-11..2023-10-20"
        );
        Ok(())
    }
}
