//! Words, digit groups and punctuation of normalised text, with their spans.
//!
//! Elided articles are their own tokens ("d'attaques" is `d'` + `attaques`), hyphenated
//! compounds stay whole ("quatre-vingt-dix", "Moyen-Orient"), and a digit group keeps its
//! thousands separators ("2 500", "2.500") and decimal comma ("2,5").

use recoupe_parser::Span;

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TokenKind {
    /// Letters, with inner hyphens, or an elided word ending in `'`.
    Word,
    /// Digits, with thousands separators and a decimal comma.
    Digits,
    /// Any other single character.
    Punct,
}

/// One token.
#[derive(Debug, Clone, PartialEq)]
pub struct Token {
    /// Span in the normalised text.
    pub span: Span,
    /// Lowercased text.
    pub lower: compact_str::CompactString,
    /// Word, digits or punctuation.
    pub kind: TokenKind,
    /// Whether whitespace (or the start of text) comes right before it.
    pub space_before: bool,
    /// Whether it starts with a capital letter as written.
    pub upper: bool,
    /// For digits, the value read.
    pub value: Option<f64>,
    /// For digits, whether separators group thousands ("2 500", "2.500").
    pub grouped: bool,
}

impl Token {
    /// Whether this is the word `w` (lowercase).
    pub fn is(&self, w: &str) -> bool {
        self.lower == w
    }

    /// Whether the original starts with a capital letter.
    pub fn capitalised(&self, text: &str) -> bool {
        self.span
            .slice(text)
            .chars()
            .next()
            .is_some_and(char::is_uppercase)
    }
}

const ELISIONS: &[&str] = &[
    "l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu", "presqu",
    "quelqu",
];

/// Tokenises `text`; spans are offset by `base`.
pub fn tokenize(text: &str, base: usize) -> Vec<Token> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let at = |i: usize| chars.get(i).map(|&(_, c)| c);
    let pos = |i: usize| chars.get(i).map_or(text.len(), |&(p, _)| p);
    let mut out = Vec::new();
    let mut i = 0;
    let mut space_before = true;
    while i < chars.len() {
        let c = chars[i].1;
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let (kind, value, grouped);
        let leading_comma =
            c == ',' && space_before && at(i + 1).is_some_and(|d| d.is_ascii_digit());
        if c.is_ascii_digit() || leading_comma {
            let mut j = i;
            let mut is_grouped = false;
            if !leading_comma {
                while at(j).is_some_and(|c| c.is_ascii_digit()) {
                    j += 1;
                }
                if j - i <= 3 {
                    // Thousands groups: a separator then exactly three digits, not followed by a digit.
                    loop {
                        let sep = at(j);
                        let three = (1..=3).all(|k| at(j + k).is_some_and(|c| c.is_ascii_digit()));
                        let fourth = at(j + 4).is_some_and(|c| c.is_ascii_digit());
                        // A space (a thin one too), a dot, or the apostrophe Swiss
                        // French writes ("12'480", "12’480").
                        if sep.is_some_and(is_group_separator) && three && !fourth {
                            j += 4;
                            is_grouped = true;
                        } else {
                            break;
                        }
                    }
                }
            }
            // Decimal comma ("2,5", ",08"), or a decimal point after ungrouped digits ("5.00").
            // Not after a dot ("192.168.1.2" is a chain of numbers, not 1.2).
            // Nor before another dot ("14.5.2023" is a date).
            let after_dot = i > 0 && at(i - 1) == Some('.');
            let chained = {
                let mut k = j + 1;
                while at(k).is_some_and(|c| c.is_ascii_digit()) {
                    k += 1;
                }
                at(k) == Some('.') && at(k + 1).is_some_and(|c| c.is_ascii_digit())
            };
            let point =
                at(j) == Some('.') && !is_grouped && !leading_comma && !after_dot && !chained;
            if (at(j) == Some(',') || point) && at(j + 1).is_some_and(|c| c.is_ascii_digit()) {
                j += 1;
                while at(j).is_some_and(|c| c.is_ascii_digit()) {
                    j += 1;
                }
            }
            let raw = text.get(pos(i)..pos(j)).unwrap_or("");
            let cleaned: String = raw
                .chars()
                .filter(|c| !(is_grouped && is_group_separator(*c)))
                .map(|c| if c == ',' { '.' } else { c })
                .collect();
            let mut v = cleaned.parse::<f64>().ok();
            // Exponents: "1e10", "12,32e+14", "2,5^-1", "1,1^--23".
            if let Some((exp, len)) = exponent(&chars[j..]) {
                v = v.map(|b| match exp {
                    Exponent::Ten(e) => b * 10f64.powi(e),
                    Exponent::Power(e) => b.powi(e),
                });
                j += len;
            }
            kind = TokenKind::Digits;
            value = v;
            grouped = is_grouped;
            i = j;
        } else if c.is_alphabetic() {
            let mut j = i;
            loop {
                while at(j).is_some_and(|c| c.is_alphabetic() || is_mark(c)) {
                    j += 1;
                }
                match at(j) {
                    Some('-') if at(j + 1).is_some_and(char::is_alphabetic) => j += 1,
                    Some('\'') if at(j + 1).is_some_and(char::is_alphabetic) => {
                        let word = text.get(pos(start)..pos(j)).unwrap_or("").to_lowercase();
                        let last = word.rsplit('-').next().unwrap_or("");
                        if ELISIONS.contains(&last) && !word.contains('-') {
                            j += 1; // the elided word ends with its apostrophe
                            break;
                        }
                        j += 1;
                    }
                    _ => break,
                }
            }
            kind = TokenKind::Word;
            value = None;
            grouped = false;
            i = j;
        } else {
            kind = TokenKind::Punct;
            value = None;
            grouped = false;
            i += 1;
        }
        let span = Span::new(base + pos(start), base + pos(i));
        let written = text.get(pos(start)..pos(i)).unwrap_or("");
        // Inline up to 24 bytes: a token allocates nothing of its own.
        let lower =
            compact_str::CompactString::from_iter(written.chars().flat_map(char::to_lowercase));
        out.push(Token {
            span,
            upper: written.chars().next().is_some_and(char::is_uppercase),
            lower,
            kind,
            space_before,
            value,
            grouped,
        });
        space_before = false;
    }
    out
}

enum Exponent {
    Ten(i32),
    Power(i32),
}

/// An exponent right after a number: `e`/`E` then an optional sign and digits, or `^` then
/// signs and digits (the signs multiply). Returns it and how many characters it takes.
fn exponent(rest: &[(usize, char)]) -> Option<(Exponent, usize)> {
    let c = |k: usize| rest.get(k).map(|&(_, c)| c);
    let (power, mut k) = match c(0)? {
        'e' | 'E' => (false, 1),
        '^' => (true, 1),
        _ => return None,
    };
    let mut negative = false;
    while let Some(s @ ('+' | '-')) = c(k) {
        if s == '-' {
            negative = !negative;
        }
        k += 1;
        if !power {
            break;
        }
    }
    let digits_start = k;
    while c(k).is_some_and(|d| d.is_ascii_digit()) {
        k += 1;
    }
    if k == digits_start || c(k).is_some_and(char::is_alphanumeric) {
        return None;
    }
    let digits: String = rest[digits_start..k].iter().map(|&(_, d)| d).collect();
    let e: i32 = digits.parse().ok()?;
    let e = if negative { -e } else { e };
    Some((
        if power {
            Exponent::Power(e)
        } else {
            Exponent::Ten(e)
        },
        k,
    ))
}

fn is_mark(c: char) -> bool {
    ('\u{0300}'..='\u{036F}').contains(&c)
}

/// A character that separates groups of three digits: "28 000", "28.000", "12'480", "12’480",
/// and the no-break and thin spaces typesetting puts there.
fn is_group_separator(c: char) -> bool {
    matches!(
        c,
        ' ' | '.' | '\'' | '’' | '\u{a0}' | '\u{202f}' | '\u{2009}'
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn words(text: &str) -> Vec<String> {
        tokenize(text, 0)
            .into_iter()
            .map(|t| t.lower.into_string())
            .collect()
    }

    #[test]
    fn digits_keep_separators_and_decimals() {
        let t = tokenize("2 500 soldats, 2.500 ou 2500 et 2,5 millions; 2014 200", 0);
        let digits: Vec<(&str, Option<f64>)> = t
            .iter()
            .filter(|t| t.kind == TokenKind::Digits)
            .map(|t| (t.lower.as_str(), t.value))
            .collect();
        assert_eq!(
            digits,
            vec![
                ("2 500", Some(2500.0)),
                ("2.500", Some(2500.0)),
                ("2500", Some(2500.0)),
                ("2,5", Some(2.5)),
                ("2014", Some(2014.0)),
                ("200", Some(200.0)),
            ]
        );
    }

    #[test]
    fn decimals_and_exponents() {
        let v = |t: &str| {
            tokenize(t, 0)
                .into_iter()
                .filter(|t| t.kind == TokenKind::Digits)
                .map(|t| (t.lower, t.value))
                .collect::<Vec<_>>()
        };
        assert_eq!(v(" ,08"), vec![(",08".into(), Some(0.08))]);
        assert_eq!(
            v("5.00 1234567.0"),
            vec![
                ("5.00".into(), Some(5.0)),
                ("1234567.0".into(), Some(1234567.0))
            ]
        );
        assert_eq!(
            v("192.168.1"),
            vec![("192.168".into(), Some(192168.0)), ("1".into(), Some(1.0))]
        );
        assert_eq!(
            v("1e10 2,5^-1"),
            vec![("1e10".into(), Some(1e10)), ("2,5^-1".into(), Some(0.4))]
        );
        assert_eq!(v("192,"), vec![("192".into(), Some(192.0))]);
    }

    #[test]
    fn elisions_and_compounds() {
        assert_eq!(
            words("d'attaques l'Irak aujourd'hui"),
            vec!["d'", "attaques", "l'", "irak", "aujourd'hui"]
        );
        assert_eq!(
            words("quatre-vingt-dix Moyen-Orient jusqu'à a-t-il"),
            vec!["quatre-vingt-dix", "moyen-orient", "jusqu'", "à", "a-t-il"]
        );
    }

    #[test]
    fn attachment_is_recorded() {
        let t = tokenize("le 1er, 14h30", 0);
        assert_eq!(t[1].lower, "1");
        assert_eq!(t[2].lower, "er");
        assert!(!t[2].space_before);
        assert!(t[4].space_before && !t[5].space_before);
    }
}
