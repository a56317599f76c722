//! Bytes to text: UTF-8 (with or without a byte-order mark), UTF-16 with a byte-order mark,
//! else Windows-1252, each but plain UTF-8 with a warning saying which. Control characters an
//! article has no use for are neutralised here, before anything reads the text, so that no
//! report ever writes them to a terminal: see [`neutralize`].

use crate::{Diagnostic, SourceEncoding};

/// Why a file is not read as an article.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unreadable {
    /// It holds NUL bytes outside UTF-16: not text.
    Binary,
    /// It is empty.
    Empty,
    /// It holds only whitespace.
    Blank,
}

impl Unreadable {
    /// The reason, as a run's summary names it.
    pub fn reason(self) -> &'static str {
        match self {
            Unreadable::Binary => "binary",
            Unreadable::Empty => "empty",
            Unreadable::Blank => "whitespace only",
        }
    }
}

/// Whether `bytes` can be read as an article at all: a file with a NUL byte in its first 8 KB
/// that is not UTF-16 is binary; an empty or whitespace-only file has nothing to read.
pub fn sniff(bytes: &[u8]) -> Option<Unreadable> {
    if bytes.is_empty() {
        return Some(Unreadable::Empty);
    }
    if utf16_bom(bytes).is_some() {
        return None;
    }
    let head = &bytes[..bytes.len().min(8192)];
    if memchr::memchr(0, head).is_some() {
        return Some(Unreadable::Binary);
    }
    let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    if body.iter().all(u8::is_ascii_whitespace) {
        return Some(Unreadable::Blank);
    }
    None
}

fn utf16_bom(bytes: &[u8]) -> Option<&'static encoding_rs::Encoding> {
    match bytes {
        [0xFF, 0xFE, ..] => Some(encoding_rs::UTF_16LE),
        [0xFE, 0xFF, ..] => Some(encoding_rs::UTF_16BE),
        _ => None,
    }
}

/// Decodes `bytes`, dropping a byte-order mark, and neutralises control characters.
pub fn decode(bytes: &[u8]) -> (String, SourceEncoding, Vec<Diagnostic>) {
    let mut notes = Vec::new();
    let (mut text, encoding) = if let Some(enc) = utf16_bom(bytes) {
        let (text, _, malformed) = enc.decode(bytes);
        let (name, which) = if enc == encoding_rs::UTF_16LE {
            ("UTF-16 LE", SourceEncoding::Utf16Le)
        } else {
            ("UTF-16 BE", SourceEncoding::Utf16Be)
        };
        notes.push(Diagnostic::warning(
            None,
            format!(
                "decoded as {name} (its byte-order mark says so){}; spans refer to the decoded text",
                if malformed {
                    ", with malformed sequences replaced"
                } else {
                    ""
                }
            ),
        ));
        (text.into_owned(), which)
    } else {
        let body = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
        match std::str::from_utf8(body) {
            Ok(s) => (s.to_owned(), SourceEncoding::Utf8),
            Err(e) => {
                let (text, _, _) = encoding_rs::WINDOWS_1252.decode(body);
                notes.push(Diagnostic::warning(
                    None,
                    format!(
                        "not valid UTF-8 (byte {} is not), decoded as Windows-1252; spans refer to the decoded text",
                        e.valid_up_to()
                    ),
                ));
                (text.into_owned(), SourceEncoding::Windows1252)
            }
        }
    };
    let replaced = neutralize(&mut text);
    if replaced > 0 {
        notes.push(Diagnostic::warning(
            None,
            format!(
                "{replaced} control character{} (terminal escapes, bidirectional overrides) read as spaces",
                if replaced == 1 { "" } else { "s" }
            ),
        ));
    }
    (text, encoding, notes)
}

/// Replaces, in place and byte for byte, the characters an article has no use for and a
/// terminal would obey: C0 controls but tab, line feed and carriage return (ESC, BEL, form
/// feed…), DEL and the C1 controls become spaces of the same length in bytes (" ", and U+00A0
/// for the two-byte C1 controls); a terminal escape sequence is blanked whole (`ESC [ 2 J`,
/// `ESC ] 0 ; title BEL`), so that no "[2J" or "0;title" is left to read as text; bidirectional
/// overrides and isolates become U+FFFD. Spans stay valid. Returns how many control characters
/// were replaced.
pub fn neutralize(text: &mut String) -> usize {
    let needs = |c: char| {
        (c.is_control() && !matches!(c, '\t' | '\n' | '\r'))
            || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(needs) {
        return 0;
    }
    let mut out = String::with_capacity(text.len());
    let mut n = 0;
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        if !needs(c) {
            out.push(c);
            continue;
        }
        n += 1;
        match c.len_utf8() {
            1 => out.push(' '),
            2 => out.push('\u{a0}'),
            _ => out.push('\u{fffd}'),
        }
        if c != '\u{1b}' {
            continue;
        }
        match chars.peek() {
            // CSI: parameters and intermediates, then one final byte.
            Some('[') => {
                out.push(' ');
                chars.next();
                while let Some(&d) = chars.peek() {
                    if !d.is_ascii() {
                        break;
                    }
                    chars.next();
                    out.push(' ');
                    if ('\u{40}'..='\u{7e}').contains(&d) {
                        break;
                    }
                }
            }
            // OSC: up to BEL or ESC \, within one line.
            Some(']') => {
                out.push(' ');
                chars.next();
                while let Some(&d) = chars.peek() {
                    if !d.is_ascii() || d == '\n' || d == '\u{1b}' {
                        break;
                    }
                    chars.next();
                    out.push(' ');
                    if d == '\u{7}' {
                        n += 1;
                        break;
                    }
                }
            }
            _ => {}
        }
    }
    *text = out;
    n
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_passes_and_bom_is_dropped() {
        let (t, enc, d) = decode("\u{feff}déjà".as_bytes());
        assert_eq!(t, "déjà");
        assert_eq!(enc, SourceEncoding::Utf8);
        assert!(d.is_empty());
    }

    #[test]
    fn windows_1252_is_decoded_with_a_warning() {
        // "déployés" with é as 0xE9 and a no-break space 0xA0 and ’ as 0x92.
        let (t, enc, d) = decode(b"d\xE9ploy\xE9s 2\xA0500 l\x92Irak");
        assert_eq!(t, "déployés 2\u{a0}500 l\u{2019}Irak");
        assert_eq!(enc, SourceEncoding::Windows1252);
        assert!(d.iter().any(|d| d.message.contains("Windows-1252")));
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_and_said_so() {
        let le: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain("12 morts".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let (t, enc, d) = decode(&le);
        assert_eq!((t.as_str(), enc), ("12 morts", SourceEncoding::Utf16Le));
        assert!(d.iter().any(|d| d.message.contains("UTF-16 LE")));
        let be: Vec<u8> = [0xFE, 0xFF]
            .into_iter()
            .chain("12 morts".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        let (t, enc, _) = decode(&be);
        assert_eq!((t.as_str(), enc), ("12 morts", SourceEncoding::Utf16Be));
        assert_eq!(sniff(&le), None, "UTF-16 has NUL bytes and is text");
    }

    #[test]
    fn binary_empty_and_blank_files_are_not_read() {
        assert_eq!(sniff(b"\x7fELF\x02\x01\x00\x00"), Some(Unreadable::Binary));
        assert_eq!(sniff(b""), Some(Unreadable::Empty));
        assert_eq!(sniff(b" \n\t\r\n"), Some(Unreadable::Blank));
        assert_eq!(sniff(b"\xEF\xBB\xBF\n"), Some(Unreadable::Blank));
        assert_eq!(sniff(b" date 2024-01 Titre"), None);
    }

    #[test]
    fn terminal_escapes_and_bidi_overrides_are_neutralised_byte_for_byte() {
        let raw = "12 morts\u{1b}[2J\u{1b}]0;titre\u{7} \u{9b}31m \u{202e}txt\t\r\n";
        let (t, _, d) = decode(raw.as_bytes());
        assert_eq!(t.len(), raw.len(), "spans stay valid");
        assert!(
            t.starts_with("12 morts            "),
            "escape sequences blanked whole: {t:?}"
        );
        assert!(!t.contains('\u{1b}') && !t.contains('\u{7}') && !t.contains('\u{9b}'));
        assert!(!t.contains('\u{202e}'));
        assert!(t.ends_with("txt\t\r\n"), "tab and line breaks stay");
        assert!(d.iter().any(|d| d.message.contains("5 control characters")));
    }
}
