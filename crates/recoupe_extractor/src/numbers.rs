//! The number reader: digits ("2 500", "2,5 millions"), words ("deux mille cinq cents"),
//! approximate nouns ("une dizaine", "des dizaines"), indefinites ("plusieurs") and zeros
//! ("aucun", "sans faire de"). It finds numbers; whether one is a claim is decided later.

use text2num::{Language, text2digits};

use crate::Lexicon;
use crate::tokens::{Token, TokenKind};

/// How a number is written.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumberForm {
    /// In digits, possibly with a scale word ("2,5 millions").
    Digits,
    /// In words ("deux mille cinq cents").
    Words,
    /// A lone "un"/"une": an article unless something licenses it as the number one.
    One,
    /// An approximate noun ("une dizaine", "deux douzaines").
    ApproxNoun,
    /// A plural approximate noun ("des dizaines"), with the interval it stands for.
    Vague {
        /// Smallest value.
        low: f64,
        /// Largest value.
        high: f64,
    },
    /// "plusieurs", "quelques": a quantity, but not a figure.
    Indefinite,
    /// "aucun", "sans faire de".
    Zero,
}

/// A number found in a token slice.
#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// Index of its first token.
    pub first: usize,
    /// Index of its last token (inclusive).
    pub last: usize,
    /// Its value (the nominal value for vague forms).
    pub value: f64,
    /// How it is written.
    pub form: NumberForm,
    /// Whether a scale or approximate noun ends it, so its noun follows "de" ("millions d'euros").
    pub takes_de: bool,
}

/// The number words of a hyphenated or plain token, if every part is one.
fn number_word_parts<'a>(lx: &Lexicon, word: &'a str) -> Option<Vec<&'a str>> {
    let parts: Vec<&str> = word.split('-').collect();
    let ok = parts
        .iter()
        .all(|p| lx.cardinals.contains(*p) || lx.joiners.contains(*p))
        && parts.first().is_some_and(|p| lx.cardinals.contains(*p));
    ok.then_some(parts)
}

/// Converts number words to a value with text2num.
pub(crate) fn words_value(words: &[&str]) -> Option<f64> {
    let text = words.join(" ");
    let digits = text2digits(&text, &Language::french()).ok()?;
    digits.parse::<f64>().ok()
}

fn approx_base(lx: &Lexicon, word: &str) -> Option<(f64, bool)> {
    if let Some(v) = lx.approx_nouns.get(word) {
        return Some((*v, false));
    }
    let singular = word.strip_suffix('s')?;
    lx.approx_nouns.get(singular).map(|v| (*v, true))
}

/// Finds the numbers in `tokens`, in order, without overlap.
pub fn find_numbers(lx: &Lexicon, tokens: &[Token]) -> Vec<NumberMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let next = tokens.get(i + 1);
        match t.kind {
            TokenKind::Digits => {
                let Some(mut value) = t.value else {
                    i += 1;
                    continue;
                };
                let mut last = i;
                let mut takes_de = false;
                if let Some(n) = next.filter(|n| n.kind == TokenKind::Word && n.space_before) {
                    if let Some(scale) = lx.scales.get(&n.lower) {
                        value *= scale;
                        last = i + 1;
                        takes_de = true;
                    } else if let Some((base, plural)) = approx_base(lx, &n.lower)
                        && (plural || value == 1.0)
                    {
                        out.push(NumberMention {
                            first: i,
                            last: i + 1,
                            value: value * base,
                            form: NumberForm::ApproxNoun,
                            takes_de: true,
                        });
                        i += 2;
                        continue;
                    }
                }
                out.push(NumberMention {
                    first: i,
                    last,
                    value,
                    form: NumberForm::Digits,
                    takes_de,
                });
                i = last + 1;
            }
            TokenKind::Word => {
                if let Some(m) = read_word_number(lx, tokens, i) {
                    i = m.last + 1;
                    out.push(m);
                } else {
                    i += 1;
                }
            }
            TokenKind::Punct => i += 1,
        }
    }
    out
}

fn read_word_number(lx: &Lexicon, tokens: &[Token], i: usize) -> Option<NumberMention> {
    let t = &tokens[i];
    let next = tokens.get(i + 1);
    // Zero: "aucun blessé", "sans faire de blessé".
    if lx.zero_determiners.contains(&t.lower) && t.lower != "zéro" {
        let noun_follows = next.is_some_and(|n| n.kind == TokenKind::Word);
        return noun_follows.then_some(NumberMention {
            first: i,
            last: i,
            value: 0.0,
            form: NumberForm::Zero,
            takes_de: false,
        });
    }
    if t.is("sans") {
        let verb = next.filter(|n| lx.zero_verbs.contains(&n.lower))?;
        let _ = verb;
        let de = tokens.get(i + 2).filter(|d| d.is("de") || d.is("d'"))?;
        let _ = de;
        tokens.get(i + 3).filter(|n| n.kind == TokenKind::Word)?;
        return Some(NumberMention {
            first: i,
            last: i + 2,
            value: 0.0,
            form: NumberForm::Zero,
            takes_de: false,
        });
    }
    // Vague and indefinite: "des dizaines (de milliers)", "plusieurs centaines", "plusieurs".
    if lx.vague_determiners.contains(&t.lower)
        && let Some((base, true)) = next.and_then(|n| approx_base(lx, &n.lower))
    {
        let mut low = lx.vague_low_factor * base;
        let mut high = lx.vague_high_factor * base - 1.0;
        let mut last = i + 1;
        // "des dizaines de milliers"
        let de = tokens.get(i + 2).is_some_and(|d| d.is("de") || d.is("d'"));
        if let Some((mult, true)) = tokens
            .get(i + 3)
            .filter(|_| de)
            .and_then(|m| approx_base(lx, &m.lower))
        {
            low *= mult;
            high = (high + 1.0) * mult - 1.0;
            last = i + 3;
        }
        return Some(NumberMention {
            first: i,
            last,
            value: low,
            form: NumberForm::Vague { low, high },
            takes_de: true,
        });
    }
    if lx.indefinite.contains(&t.lower) {
        return Some(NumberMention {
            first: i,
            last: i,
            value: 2.0,
            form: NumberForm::Indefinite,
            takes_de: false,
        });
    }
    // Words: a run of number words, hyphenated or joined by "et".
    number_word_parts(lx, &t.lower)?;
    let mut words: Vec<&str> = Vec::new();
    let mut last = i;
    let mut j = i;
    while let Some(tok) = tokens.get(j) {
        if tok.kind != TokenKind::Word {
            break;
        }
        if let Some(parts) = number_word_parts(lx, &tok.lower) {
            words.extend(parts);
            last = j;
            j += 1;
        } else if lx.joiners.contains(&tok.lower)
            && tokens
                .get(j + 1)
                .is_some_and(|n| number_word_parts(lx, &n.lower).is_some())
            && !words.is_empty()
            && joinable(
                &words,
                tokens.get(j + 1).map(|n| n.lower.as_str()).unwrap_or(""),
            )
        {
            words.push(tok.lower.as_str());
            j += 1;
        } else {
            break;
        }
    }
    // The longest prefix of the run that reads as one number.
    let mut n = words.len();
    let mut value = None;
    while n > 0 {
        if let Some(v) = words_value(&words[..n]) {
            value = Some(v);
            break;
        }
        n -= 1;
    }
    let value = value?;
    if n < words.len() {
        // Re-find the last token of the shorter run.
        let mut count = 0;
        last = i;
        for (k, tok) in tokens.iter().enumerate().skip(i) {
            let parts = number_word_parts(lx, &tok.lower).map_or(1, |p| p.len());
            if count + parts > n {
                break;
            }
            count += parts;
            last = k;
            if count == n {
                break;
            }
        }
    }
    let mut value = value;
    // "un million et demi"
    if tokens.get(last + 1).is_some_and(|t| t.is("et"))
        && tokens
            .get(last + 2)
            .is_some_and(|t| t.is("demi") || t.is("demie"))
    {
        let unit = tokens
            .get(last)
            .and_then(|t| lx.scales.get(&t.lower))
            .copied()
            .unwrap_or(1.0);
        value += unit / 2.0;
        last += 2;
    }
    // "deux douzaines", "trois centaines": a count of approximate nouns.
    if let Some((base, _)) = tokens.get(last + 1).and_then(|n| approx_base(lx, &n.lower))
        && (!lx.scales.contains_key(
            &tokens
                .get(last + 1)
                .map(|t| t.lower.clone())
                .unwrap_or_default(),
        ) || value == 1.0)
    {
        return Some(NumberMention {
            first: i,
            last: last + 1,
            value: value * base,
            form: NumberForm::ApproxNoun,
            takes_de: true,
        });
    }
    let lone_one = first_is_one(&t.lower) && last == i;
    let takes_de = tokens
        .get(last)
        .is_some_and(|t| lx.scales.contains_key(&t.lower));
    Some(NumberMention {
        first: i,
        last,
        value,
        form: if lone_one {
            NumberForm::One
        } else {
            NumberForm::Words
        },
        takes_de,
    })
}

fn first_is_one(word: &str) -> bool {
    word == "un" || word == "une"
}

/// Whether "et" may join `words` and the next number word ("vingt et un", "soixante et onze",
/// "un million et demi" is handled apart): only before "un"/"une"/"onze".
fn joinable(words: &[&str], next: &str) -> bool {
    matches!(next, "un" | "une" | "onze")
        && words.last().is_some_and(|w| {
            matches!(
                *w,
                "vingt" | "trente" | "quarante" | "cinquante" | "soixante"
            )
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::LexiconError;
    use crate::tokens::tokenize;

    fn read(text: &str) -> Result<Vec<(String, f64, NumberForm)>, LexiconError> {
        let lx = Lexicon::french()?;
        let tokens = tokenize(text, 0);
        Ok(find_numbers(&lx, &tokens)
            .into_iter()
            .map(|m| {
                let span = tokens[m.first].span.cover(tokens[m.last].span);
                (span.slice(text).to_owned(), m.value, m.form)
            })
            .collect())
    }

    #[test]
    fn digits_with_separators_and_scales() -> Result<(), LexiconError> {
        let r = read("2 500 soldats, 2.500, 2500 et 2,5 millions d'euros")?;
        let got: Vec<(&str, f64)> = r.iter().map(|(t, v, _)| (t.as_str(), *v)).collect();
        assert_eq!(
            got,
            vec![
                ("2 500", 2500.0),
                ("2.500", 2500.0),
                ("2500", 2500.0),
                ("2,5 millions", 2_500_000.0)
            ]
        );
        Ok(())
    }

    #[test]
    fn words_through_text2num() -> Result<(), LexiconError> {
        let r = read(
            "vingt et un, soixante-dix, quatre-vingt-dix-neuf, deux mille cinq cents, Cent trois",
        )?;
        let got: Vec<f64> = r.iter().map(|(_, v, _)| *v).collect();
        assert_eq!(got, vec![21.0, 70.0, 99.0, 2500.0, 103.0]);
        Ok(())
    }

    #[test]
    fn million_and_a_half_and_approximate_nouns() -> Result<(), LexiconError> {
        let r = read(
            "un million et demi, une dizaine, deux douzaines, des dizaines de milliers, des centaines",
        )?;
        assert_eq!(r[0].1, 1_500_000.0);
        assert_eq!(
            (r[1].0.as_str(), r[1].1, r[1].2),
            ("une dizaine", 10.0, NumberForm::ApproxNoun)
        );
        assert_eq!(r[2].1, 24.0);
        assert_eq!(
            r[3].2,
            NumberForm::Vague {
                low: 20_000.0,
                high: 99_999.0
            }
        );
        assert_eq!(
            r[4].2,
            NumberForm::Vague {
                low: 200.0,
                high: 999.0
            }
        );
        Ok(())
    }

    #[test]
    fn zero_indefinite_and_lone_one() -> Result<(), LexiconError> {
        let r = read(
            "sans faire de blessé, aucune victime, plusieurs frappes, une attaque, sans précédent",
        )?;
        let forms: Vec<NumberForm> = r.iter().map(|(_, _, f)| *f).collect();
        assert_eq!(
            forms,
            vec![
                NumberForm::Zero,
                NumberForm::Zero,
                NumberForm::Indefinite,
                NumberForm::One
            ]
        );
        assert_eq!(r[0].0, "sans faire de");
        Ok(())
    }
}
