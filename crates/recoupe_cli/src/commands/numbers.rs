//! `recoupe numbers`: every number of a text read on standard input, as JSON.

use std::io::{Read, Write};

use recoupe_extractor::Extractor;

use crate::ExitStatus;

/// Runs `numbers` on `input`: the whole text, or each line apart with `lines`.
pub fn run(
    input: &mut dyn Read,
    lines: bool,
    extractor: &Extractor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    let Some(text) = super::read_text(input, err)? else {
        return Ok(ExitStatus::Failure);
    };
    if lines {
        for line in text.lines() {
            recoupe_report::numbers_json::render_array(&extractor.read_numbers(line), out)?;
        }
    } else {
        recoupe_report::numbers_json::render_objects(&extractor.read_numbers(&text), out)?;
    }
    Ok(ExitStatus::Clean)
}
