//! Numbers as JSON: one object a line for a whole text, or one array a line per input line.

use std::io::{self, Write};

use recoupe_extractor::ReadNumber;

use crate::wire::WireNumber;

/// Writes one JSON object per number, a line each.
///
/// # Errors
/// Errors of the writer.
pub fn render_objects(numbers: &[ReadNumber], w: &mut dyn Write) -> io::Result<()> {
    for n in numbers {
        serde_json::to_writer(&mut *w, &WireNumber::new(n)).map_err(io::Error::other)?;
        writeln!(w)?;
    }
    Ok(())
}

/// Writes the numbers of one input line as one JSON array on one line.
///
/// # Errors
/// Errors of the writer.
pub fn render_array(numbers: &[ReadNumber], w: &mut dyn Write) -> io::Result<()> {
    let wire: Vec<WireNumber<'_>> = numbers.iter().map(WireNumber::new).collect();
    serde_json::to_writer(&mut *w, &wire).map_err(io::Error::other)?;
    writeln!(w)
}
