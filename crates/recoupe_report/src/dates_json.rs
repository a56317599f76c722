//! Dates as JSON: one object a line for a whole text, or one array a line per input line.

use std::io::{self, Write};

use recoupe_extractor::ReadDate;

use crate::wire::WireDate;

/// Writes one JSON object per date, a line each.
///
/// # Errors
/// Errors of the writer.
pub fn render_objects(dates: &[ReadDate], w: &mut dyn Write) -> io::Result<()> {
    for d in dates {
        serde_json::to_writer(&mut *w, &WireDate::new(d)).map_err(io::Error::other)?;
        writeln!(w)?;
    }
    Ok(())
}

/// Writes the dates of one input line as one JSON array on one line.
///
/// # Errors
/// Errors of the writer.
pub fn render_array(dates: &[ReadDate], w: &mut dyn Write) -> io::Result<()> {
    let wire: Vec<WireDate<'_>> = dates.iter().map(WireDate::new).collect();
    serde_json::to_writer(&mut *w, &wire).map_err(io::Error::other)?;
    writeln!(w)
}
