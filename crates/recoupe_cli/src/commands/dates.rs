//! `recoupe dates`: every date of a text read on standard input, as JSON.

use std::io::{Read, Write};

use recoupe_extractor::Extractor;
use recoupe_parser::{DayInterval, PartialDate};

use crate::ExitStatus;

/// Runs `dates` on `input`: the whole text, or each line apart with `lines`. Relative dates
/// ("hier", "lundi dernier") are resolved against `reference` (`YYYY-MM-DD`, or `YYYY-MM` for
/// a text known only to its month), today (UTC) when it is not given.
pub fn run(
    input: &mut dyn Read,
    lines: bool,
    reference: Option<&str>,
    extractor: &Extractor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    let reference = match reference {
        Some(r) => match PartialDate::parse(r) {
            Ok(d) => d.interval(),
            Err(e) => {
                writeln!(
                    err,
                    "error: --reference {e} (write the day as YYYY-MM-DD, or a month as YYYY-MM)"
                )?;
                return Ok(ExitStatus::Failure);
            }
        },
        None => today(),
    };
    let Some(text) = super::read_text(input, err)? else {
        return Ok(ExitStatus::Failure);
    };
    if lines {
        for line in text.lines() {
            recoupe_report::dates_json::render_array(&extractor.read_dates(line, reference), out)?;
        }
    } else {
        recoupe_report::dates_json::render_objects(&extractor.read_dates(&text, reference), out)?;
    }
    Ok(ExitStatus::Clean)
}

/// Today, in UTC.
fn today() -> DayInterval {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_secs());
    let day = chrono::DateTime::from_timestamp(i64::try_from(secs).unwrap_or(0), 0)
        .map(|t| t.date_naive())
        .unwrap_or_default();
    DayInterval::day(day)
}
