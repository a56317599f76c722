//! The JSON report: the [`crate::wire`] types, pretty-printed, one trailing newline.

use std::io::{self, Write};

use crate::Report;
use crate::wire::WireReport;

/// Writes the report as JSON (schema [`crate::wire::REPORT_SCHEMA`]).
///
/// # Errors
/// Errors of the writer.
pub fn render(report: &Report<'_>, w: &mut dyn Write) -> io::Result<()> {
    serde_json::to_writer_pretty(&mut *w, &WireReport::new(report)).map_err(io::Error::other)?;
    writeln!(w)
}
