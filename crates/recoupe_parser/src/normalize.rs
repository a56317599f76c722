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
    /// The map back, as the places where it changes: most text is left as written, so a map
    /// is a few segments per replaced character, not four bytes per byte of the article.
    segments: Vec<Segment>,
}

/// From normalised byte `norm` up to the next segment, the original bytes: `orig + k` for
/// normalised byte `norm + k` (text left as written), or `orig` for every byte (the
/// spelling of one replaced character).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    norm: u32,
    orig: u32,
    replaced: bool,
}

impl Segment {
    fn map(self, i: u32) -> u32 {
        if self.replaced {
            self.orig
        } else {
            self.orig + (i - self.norm)
        }
    }
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

/// Text left as written from normalised `norm` and original `orig` on: the last segment goes
/// on when it maps there already, else a segment starts.
fn as_written(segments: &mut Vec<Segment>, norm: u32, orig: u32) {
    let continues = segments
        .last()
        .is_some_and(|s| !s.replaced && s.map(norm) == orig);
    if !continues {
        segments.push(Segment {
            norm,
            orig,
            replaced: false,
        });
    }
}

impl NormText {
    /// Normalises `original`.
    pub fn new(original: &str) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut segments: Vec<Segment> = Vec::new();
        // Offsets past 4 GiB saturate: an article is read whole, and none is that long.
        let at = |i: usize| u32::try_from(i).unwrap_or(u32::MAX);
        let bytes = original.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // A run of ASCII read as written (most of any text) is copied whole.
            let run = bytes[i..]
                .iter()
                .position(|&b| b >= 0x80 || b == b'`' || b == b'\r')
                .unwrap_or(bytes.len() - i);
            if run > 0 {
                as_written(&mut segments, at(text.len()), at(i));
                text.push_str(original.get(i..i + run).unwrap_or(""));
                i += run;
                continue;
            }
            let Some(c) = original.get(i..).and_then(|rest| rest.chars().next()) else {
                break;
            };
            let (norm, orig) = (at(text.len()), at(i));
            match replacement(c) {
                Some(rep) => {
                    if !rep.is_empty() {
                        segments.push(Segment {
                            norm,
                            orig,
                            replaced: true,
                        });
                    }
                    text.push_str(rep);
                }
                None => {
                    as_written(&mut segments, norm, orig);
                    text.push(c);
                }
            }
            i += c.len_utf8();
        }
        // The end maps to the end, whatever the last character was read as.
        let end = Segment {
            norm: at(text.len()),
            orig: at(original.len()),
            replaced: false,
        };
        match segments.last_mut() {
            Some(last) if !last.replaced && last.map(end.norm) == end.orig => {}
            Some(last) if last.norm == end.norm => *last = end,
            _ => segments.push(end),
        }
        NormText { text, segments }
    }

    fn map(&self, i: usize) -> usize {
        let i = u32::try_from(i.min(self.text.len())).unwrap_or(u32::MAX);
        let k = self.segments.partition_point(|s| s.norm <= i);
        k.checked_sub(1)
            .and_then(|k| self.segments.get(k))
            .map_or(0, |s| s.map(i) as usize)
    }

    /// Original byte offset of normalised offset `i` (clamped to the end).
    pub fn original_offset(&self, i: usize) -> usize {
        self.map(i)
    }

    /// The span of the original text that normalised span `span` was read from.
    pub fn to_original(&self, span: Span) -> Span {
        Span::new(self.map(span.start), self.map(span.end))
    }

    /// The first normalised offset whose original offset is at or past `target` (the map
    /// never goes back): the first segment that reaches it, then the place in it.
    fn first_at(&self, target: usize) -> usize {
        let len = self.text.len();
        let target = u32::try_from(target).unwrap_or(u32::MAX);
        // The last original offset a segment maps to: its end is where the next one starts,
        // or one past the text for the last.
        let last_of = |k: usize| -> u32 {
            let s = self.segments[k];
            let end = self
                .segments
                .get(k + 1)
                .map_or(u32::try_from(len).unwrap_or(u32::MAX) + 1, |n| n.norm);
            s.map(end.saturating_sub(1).max(s.norm))
        };
        let (mut lo, mut hi) = (0, self.segments.len());
        while lo < hi {
            let mid = lo + (hi - lo) / 2;
            if last_of(mid) < target {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        match self.segments.get(lo) {
            Some(s) if s.replaced || s.orig >= target => s.norm as usize,
            Some(s) => (s.norm + (target - s.orig)) as usize,
            None => len + 1,
        }
    }

    /// The normalised span whose original is `span` (the smallest one covering it).
    pub fn from_original(&self, span: Span) -> Span {
        let len = self.text.len();
        Span::new(
            self.first_at(span.start).min(len),
            self.first_at(span.end).min(len),
        )
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

    /// The map as it was first written, a byte for every byte: the segments must agree with it
    /// at every character boundary.
    fn byte_map(original: &str) -> Vec<usize> {
        let mut origin = Vec::new();
        for (i, c) in original.char_indices() {
            let n = replacement(c).map_or(c.len_utf8(), str::len);
            origin.extend(std::iter::repeat_n(i, n));
        }
        origin.push(original.len());
        origin
    }

    #[test]
    fn segments_agree_with_a_byte_for_every_byte() {
        let alphabet = [
            'a', '\u{00A0}', '\u{2019}', 'é', '\r', '\u{0153}', '\u{2026}', '\u{200B}',
        ];
        let mut checked = 0;
        for len in 0..=4u32 {
            for mut code in 0..alphabet.len().pow(len) {
                let mut original = String::new();
                for _ in 0..len {
                    original.push(alphabet[code % alphabet.len()]);
                    code /= alphabet.len();
                }
                let n = NormText::new(&original);
                let bytes = byte_map(&original);
                for (j, _) in n.text.char_indices().chain([(n.text.len(), ' ')]) {
                    assert_eq!(n.original_offset(j), bytes[j], "{original:?} at {j}");
                }
                for (i, _) in original.char_indices().chain([(original.len(), ' ')]) {
                    let expected = bytes.partition_point(|&o| o < i).min(n.text.len());
                    assert_eq!(
                        n.from_original(Span::new(i, i)).start,
                        expected,
                        "{original:?} from {i}"
                    );
                }
                checked += 1;
            }
        }
        assert_eq!(checked, 4681);
    }

    #[test]
    fn a_long_plain_text_is_one_segment() {
        let n = NormText::new(&"12 attaques, ".repeat(10_000));
        assert_eq!(n.segments.len(), 1);
    }
}
