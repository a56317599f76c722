//! Claims as JSON Lines: one [`crate::wire::WireClaim`] a line.

use std::io::{self, Write};

use recoupe_extractor::Claim;

use crate::wire::WireClaim;

/// Writes one JSON object a claim.
///
/// # Errors
/// Errors of the writer.
pub fn render(claims: &[Claim], w: &mut dyn Write) -> io::Result<()> {
    for c in claims {
        serde_json::to_writer(&mut *w, &WireClaim::new(c)).map_err(io::Error::other)?;
        writeln!(w)?;
    }
    Ok(())
}
