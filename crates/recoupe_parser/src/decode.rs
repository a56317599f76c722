//! Bytes to text: UTF-8 when it is, Windows-1252 when it is not (and a warning says so).

use crate::{Diagnostic, SourceEncoding};

/// Decodes `bytes`, dropping a UTF-8 byte-order mark.
pub fn decode(bytes: &[u8]) -> (String, SourceEncoding, Option<Diagnostic>) {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    match std::str::from_utf8(bytes) {
        Ok(s) => (s.to_owned(), SourceEncoding::Utf8, None),
        Err(e) => {
            let (text, _, _) = encoding_rs::WINDOWS_1252.decode(bytes);
            let note = Diagnostic::warning(
                None,
                format!(
                    "not valid UTF-8 (byte {} is not), decoded as Windows-1252; spans refer to the decoded text",
                    e.valid_up_to()
                ),
            );
            (text.into_owned(), SourceEncoding::Windows1252, Some(note))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_and_bom_is_dropped() {
        let (t, enc, d) = decode("\u{feff}déjà".as_bytes());
        assert_eq!(t, "déjà");
        assert_eq!(enc, SourceEncoding::Utf8);
        assert!(d.is_none());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        // "déployés" with é as 0xE9 and a no-break space 0xA0 and ’ as 0x92.
        let (t, enc, d) = decode(b"d\xE9ploy\xE9s 2\xA0500 l\x92Irak");
        assert_eq!(t, "déployés 2\u{a0}500 l\u{2019}Irak");
        assert_eq!(enc, SourceEncoding::Windows1252);
        assert!(d.is_some_and(|d| d.message.contains("Windows-1252")));
    }
}
