//! French typography, normalised for reading while keeping every offset into the original.
//!
//! The extractor reads [`NormText::text`], where no-break spaces are spaces, typographic
//! apostrophes are `'`, guillemets are `"` and ligatures are spelled out. [`NormText::to_original`]
//! maps any span of that text back to the bytes of the article as written, so evidence always
//! points at the original.

use crate::Span;

/// The normalised text of an article and the map back to the original bytes.
#[derive(Debug, Clone, Default)]
pub struct NormText {
    /// The normalised text.
    pub text: String,
    /// `origin[i]` is the original byte offset of normalised byte `i`; one extra entry maps the
    /// end. Four bytes a byte, not eight: an article is read whole, and none is 4 GiB.
    origin: Vec<u32>,
}

/// What a character of the original is read as; `None` keeps it unchanged.
fn replacement(c: char) -> Option<&'static str> {
    Some(match c {
        // Spaces: no-break, narrow no-break, thin, figure, en/em quad spaces.
        '\u{00A0}' | '\u{202F}' | '\u{2009}' | '\u{2007}' | '\u{2002}' | '\u{2003}'
        | '\u{2008}' | '\u{200A}' => " ",
        // Zero-width characters vanish.
        '\u{200B}' | '\u{FEFF}' | '\u{00AD}' | '\u{2060}' => "",
        // Apostrophes and single quotes.
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{2032}' | '`' | '\u{00B4}' => "'",
        // Double quotes and guillemets.
        '\u{00AB}' | '\u{00BB}' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{2039}'
        | '\u{203A}' => "\"",
        // Dashes and minus.
        '\u{2010}' | '\u{2011}' => "-",
        '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2212}' => "-",
        '\u{2026}' => "...",
        // Ligatures.
        '\u{0153}' => "oe",
        '\u{0152}' => "Oe",
        '\u{00E6}' => "ae",
        '\u{00C6}' => "Ae",
        '\u{FB01}' => "fi",
        '\u{FB02}' => "fl",
        '\u{FB00}' => "ff",
        '\r' => "",
        _ => return None,
    })
}

impl NormText {
    /// Normalises `original`.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut origin = Vec::with_capacity(original.len() + 1);
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        for (i, c) in original.char_indices() {
            let i = at(i);
            match replacement(c) {
                Some(rep) => {
                    for _ in 0..rep.len() {
                        origin.push(i);
                    }
                    text.push_str(rep);
                }
                None => {
                    for _ in 0..c.len_utf8() {
                        origin.push(i);
                    }
                    text.push(c);
                }
            }
        }
        origin.push(at(original.len()));
        NormText { text, origin }
    }

    /// Original byte offset of normalised offset `i` (clamped to the end).
    pub fn original_offset(&self, i: usize) -> usize {
        let last = self.origin.len().saturating_sub(1);
        self.origin.get(i.min(last)).map_or(0, |&o| o as usize)
    }

    /// The span of the original text that normalised span `span` was read from.
    pub fn to_original(&self, span: Span) -> Span {
        Span::new(
            self.original_offset(span.start),
            self.original_offset(span.end),
        )
    }

    /// The normalised span whose original is `span` (the smallest one covering it).
    pub fn from_original(&self, span: Span) -> Span {
        let start = self.origin.partition_point(|&o| (o as usize) < span.start);
        let end = self.origin.partition_point(|&o| (o as usize) < span.end);
        Span::new(start.min(self.text.len()), end.min(self.text.len()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typography_is_normalised_and_spans_map_back() {
        let original = "«\u{00A0}2\u{202F}500 soldats\u{00A0}» l\u{2019}Irak, c\u{0153}ur";
        let n = NormText::new(original);
        assert_eq!(n.text, "\" 2 500 soldats \" l'Irak, coeur");
        let num = n.text.find("2 500").unwrap_or_default();
        let orig = n.to_original(Span::new(num, num + 5));
        assert_eq!(orig.slice(original), "2\u{202F}500");
        let ap = n.text.find("l'Irak").unwrap_or_default();
        assert_eq!(
            n.to_original(Span::new(ap, ap + 6)).slice(original),
            "l\u{2019}Irak"
        );
        let coeur = n.text.find("coeur").unwrap_or_default();
        assert_eq!(
            n.to_original(Span::new(coeur, coeur + 5)).slice(original),
            "c\u{0153}ur"
        );
        assert_eq!(n.from_original(orig), Span::new(num, num + 5));
    }

    #[test]
    fn plain_ascii_is_identity() {
        let n = NormText::new("abc def");
        assert_eq!(n.text, "abc def");
        assert_eq!(n.to_original(Span::new(4, 7)), Span::new(4, 7));
        assert_eq!(n.original_offset(100), 7);
    }
}
