//! The number reader on its own: every number of a text with its span and value, as
//! `recoupe numbers` prints them. Unlike claims, it keeps years, signs and fractions: it
//! answers "what numbers does this text write", not "what does it count". A lone "un"/"une"
//! is read as the article it almost always is, and a day before a month name ("le 4 mai") is
//! a date, not a number.

use recoupe_parser::{NormText, Span};

use crate::Lexicon;
use crate::numbers::{NumberForm, find_numbers};
use crate::tokens::tokenize;

/// A number read from a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadNumber {
    /// Byte span in the text as given.
    pub span: Span,
    /// The number as written.
    pub text: String,
    /// Its value (negative when a sign says so).
    pub value: f64,
}

/// Reads every number of `text`.
pub fn read_numbers(lx: &Lexicon, text: &str) -> Vec<ReadNumber> {
    let norm = NormText::new(text);
    let tokens = tokenize(&norm.text, 0);
    find_numbers(lx, &tokens)
        .into_iter()
        .filter(|m| {
            m.form != NumberForm::One
                && !matches!(
                    m.form,
                    NumberForm::Indefinite | NumberForm::Vague { .. } | NumberForm::Zero
                )
        })
        .filter(|m| {
            let day =
                m.value.fract() == 0.0 && (1.0..=31.0).contains(&m.value) && m.first == m.last;
            !(day
                && tokens
                    .get(m.last + 1)
                    .is_some_and(|t| lx.months.contains_key(t.lower.as_str())))
        })
        .map(|m| {
            let first = m.sign.unwrap_or(m.first);
            let nspan = tokens[first].span.cover(tokens[m.last].span);
            let span = norm.to_original(nspan);
            let value = if m.negative { -m.value } else { m.value };
            ReadNumber {
                span,
                text: span.slice(text).to_owned(),
                value,
            }
        })
        .collect()
}
