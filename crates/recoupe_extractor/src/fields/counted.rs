//! What a figure counts: the noun after it ("17 attaques"), a count of times and the verb it
//! counts ("attaquées au moins 40 fois"), a participle that changes what is counted ("56
//! militaires ont été blessés"), and where the noun phrase ends.

use recoupe_parser::Span;

use crate::Lexicon;
use crate::fields::actors::find_actors;
use crate::mentions::{AUXILIARIES, PASSIVE};
use crate::numbers::{NumberForm, NumberMention};
use crate::tokens::{Token, TokenKind};

/// The index of the token the number counts, if one follows it.
pub(crate) fn noun_index(lx: &Lexicon, tokens: &[Token], m: &NumberMention) -> Option<usize> {
    let mut k = m.last + 1;
    if m.takes_de {
        // "2 millions d'euros"; in "dont 250 millions consacrés" the noun was left out.
        if tokens.get(k).is_some_and(|t| t.is("de") || t.is("d'")) {
            k += 1;
        } else if !matches!(m.form, NumberForm::ApproxNoun | NumberForm::Vague { .. }) {
            return None;
        }
    }
    while tokens
        .get(k)
        .is_some_and(|t| t.is("\"") || lx.adjectives_before.contains(&t.lower))
    {
        k += 1;
    }
    let t = tokens.get(k)?;
    let is_noun = t.kind == TokenKind::Word
        && !lx.function_words.contains(&t.lower)
        && !lx.cardinals.contains(&t.lower)
        && !lx.months.contains_key(&t.lower)
        && !lx.weekdays.contains_key(&t.lower);
    is_noun.then_some(k)
}

/// For a count of times ("attaquées au moins 40 fois"), the noun of the verb it counts.
pub(crate) fn verb_noun(lx: &Lexicon, tokens: &[Token], m: &NumberMention) -> Option<String> {
    let before = (0..m.first).rev();
    let after = m.last + 1..tokens.len();
    before
        .chain(after)
        .find_map(|k| lx.participle(&tokens[k].lower, &lx.verb_nouns).cloned())
}

/// A participle that changes what is counted: "56 militaires … ont été blessés".
pub(crate) fn state(
    lx: &Lexicon,
    tokens: &[Token],
    noun: usize,
    until: usize,
) -> Option<(String, Span)> {
    let mut k = noun + 1;
    while k < until.min(noun + 10) {
        let t = &tokens[k];
        if t.kind == TokenKind::Punct && t.lower != "\"" {
            return None;
        }
        if let Some(state) = lx.participle(&t.lower, &lx.states) {
            let mut p = k - 1;
            while p > noun && tokens[p].lower.ends_with("ment") {
                p -= 1;
            }
            let passive = PASSIVE.contains(&tokens[p].lower.as_str());
            let right_after =
                p == noun || find_actors(lx, tokens, noun + 1, p + 1).len() == p - noun;
            if passive || right_after {
                return Some((state.clone(), t.span));
            }
            return None;
        }
        k += 1;
    }
    None
}

/// Where the noun phrase starting after `from` ends: punctuation, a verb, the next number.
pub(crate) fn noun_phrase_end(tokens: &[Token], from: usize, until: usize) -> usize {
    let mut k = from + 1;
    while k < until.min(from + 8) {
        let t = &tokens[k];
        if t.kind == TokenKind::Punct && t.lower != "-" || AUXILIARIES.contains(&t.lower.as_str()) {
            break;
        }
        k += 1;
    }
    k
}
