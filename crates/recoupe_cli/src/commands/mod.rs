//! One file per command.

pub mod claims;
pub mod dates;
pub mod numbers;
pub mod report;
pub mod rules;
pub mod test;

/// Standard input as text; `None` after saying why when it is not UTF-8.
pub(crate) fn read_text(
    input: &mut dyn std::io::Read,
    err: &mut dyn std::io::Write,
) -> std::io::Result<Option<String>> {
    let mut bytes = Vec::new();
    input.read_to_end(&mut bytes)?;
    match String::from_utf8(bytes) {
        Ok(t) => Ok(Some(t)),
        Err(e) => {
            writeln!(
                err,
                "error: standard input is not UTF-8 (byte {} is not)",
                e.utf8_error().valid_up_to()
            )?;
            Ok(None)
        }
    }
}
