//! Who gives a figure: "selon des chiffres du Pentagone", "ont indiqué les sources à Reuters",
//! "a indiqué à l'AFP un responsable", "Washington a recensé".

use recoupe_parser::Span;

use crate::Lexicon;
use crate::lexicon::phrase_at;
use crate::tokens::{Token, TokenKind};

/// The source a sentence names, with the words that gave it.
pub(crate) fn find_source(lx: &Lexicon, tokens: &[Token], text: &str) -> Option<(String, Span)> {
    for (i, _) in tokens.iter().enumerate() {
        if let Some(opener) = lx.source_openers.iter().find(|o| phrase_at(tokens, i, o)) {
            let from = i + opener.len();
            if let Some(found) = noun_phrase(lx, tokens, from, text) {
                return Some(found);
            }
        }
    }
    for (i, t) in tokens.iter().enumerate() {
        if !lx.source_verbs.contains(&t.lower) || t.is("selon") {
            continue;
        }
        let aux = i
            .checked_sub(1)
            .and_then(|p| tokens.get(p))
            .map(|p| p.lower.as_str());
        let inverted_aux = matches!(
            aux,
            Some("a") | Some("ont") | Some("avait") | Some("avaient")
        );
        let pronoun = aux.is_some_and(|a| a.starts_with("a-t-") || a.starts_with("ont-"));
        if pronoun {
            continue;
        }
        // "le Pentagone indiquait que …": the source is the subject before the verb.
        if tokens
            .get(i + 1)
            .is_some_and(|n| matches!(n.lower.as_str(), "que" | "qu'" | ":"))
        {
            let start = (0..i)
                .rev()
                .find(|&k| tokens[k].lower == ",")
                .map_or(0, |k| k + 1);
            if let Some(name) = known(lx, tokens, start, i) {
                return Some((name, tokens[start].span.cover(tokens[i].span)));
            }
            continue;
        }
        // Inverted subject after a comma or quote: ", ont indiqué les sources à Reuters".
        let before_aux = i.checked_sub(2).and_then(|p| tokens.get(p));
        let inverted = inverted_aux && before_aux.is_some_and(|b| b.kind == TokenKind::Punct);
        // ", précise le ministère", "rapporte la préfecture": a verb right after a comma
        // names its subject after it; "ont estimé le nombre de morts à 5 200" names an object.
        let after_punct = i
            .checked_sub(1)
            .is_some_and(|p| tokens[p].kind == TokenKind::Punct);
        if inverted || (!inverted_aux && after_punct) {
            if let Some(found) = noun_phrase(lx, tokens, i + 1, text) {
                return Some(found);
            }
        } else if let Some(subject) = subject_before(tokens, i.saturating_sub(2), text) {
            let name = known(lx, tokens, subject.1, subject.2).unwrap_or(subject.0);
            return Some((name, tokens[subject.1].span.cover(tokens[i].span)));
        }
    }
    None
}

/// The noun phrase from `from` to the next punctuation: a known source in it, or its words.
fn noun_phrase(lx: &Lexicon, tokens: &[Token], from: usize, text: &str) -> Option<(String, Span)> {
    let mut end = from;
    while end < tokens.len() && end < from + 16 {
        let t = &tokens[end];
        if t.kind == TokenKind::Punct
            && matches!(t.lower.as_str(), "," | "." | ";" | ":" | "\"" | "(" | ")")
        {
            break;
        }
        end += 1;
    }
    if end == from {
        return None;
    }
    let span = tokens[from].span.cover(tokens[end - 1].span);
    // "à l'AFP", "au Parisien": whom the source spoke to, not the source.
    let mut addressees = Vec::new();
    for k in from..end {
        if let Some(n) = lx.grammar.addressee.at(tokens, k) {
            let mut j = k + n;
            while j < end && lx.grammar.articles.is(&tokens[j]) {
                j += 1;
            }
            if let Some(p) = lx.sources.at(tokens, j) {
                addressees.push((k, j + p.words.len()));
            }
        }
    }
    let speaking = |k: usize| !addressees.iter().any(|&(a, b)| a <= k && k < b);
    if let Some(name) = (from..end)
        .filter(|&k| speaking(k))
        .find_map(|k| lx.sources.at(tokens, k).map(|p| p.value.clone()))
    {
        return Some((name, span));
    }
    // "ont indiqué les sources à Reuters", "a indiqué à l'AFP un responsable": unnamed
    // speakers through an agency are the agency's.
    if let Some(agency) = addressees.iter().find_map(|&(a, b)| {
        (a..b)
            .find_map(|k| lx.sources.at(tokens, k).map(|p| p.value.clone()))
            .filter(|name| lx.agencies.contains(name))
    }) {
        return Some((agency, span));
    }
    // Skip the time, the addressee and the article: "a indiqué mercredi la numéro deux" →
    // "la numéro deux"; "a déclaré quelques minutes plus tôt à l'AFP le secrétaire
    // général" → "secrétaire général".
    let start = (from..end)
        .rev()
        .take_while(|&k| speaking(k))
        .last()
        .unwrap_or(from);
    let mut start = addressees
        .iter()
        .map(|&(_, b)| b)
        .max()
        .unwrap_or(start)
        .max(from);
    while start < end
        && (lx.weekdays.contains_key(&tokens[start].lower)
            || lx.grammar.articles.is(&tokens[start])
            || lx.grammar.de.is(&tokens[start])
            || lx.grammar.indefinite.is(&tokens[start]))
    {
        start += 1;
    }
    if start >= end {
        return None;
    }
    let words = tokens[start]
        .span
        .cover(tokens[end - 1].span)
        .slice(text)
        .to_owned();
    Some((words, span))
}

/// A capitalised subject right before the auxiliary: "Washington a recensé".
fn subject_before(tokens: &[Token], at: usize, text: &str) -> Option<(String, usize, usize)> {
    let t = tokens.get(at)?;
    (t.kind == TokenKind::Word && t.capitalised(text))
        .then(|| (t.span.slice(text).to_owned(), at, at + 1))
}

/// A known source among `tokens[from..to]`.
fn known(lx: &Lexicon, tokens: &[Token], from: usize, to: usize) -> Option<String> {
    (from..to).find_map(|k| lx.sources.at(tokens, k).map(|p| p.value.clone()))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::LexiconError;
    use crate::tokens::tokenize;

    fn source(text: &str) -> Result<Option<String>, LexiconError> {
        let lx = Lexicon::french()?;
        Ok(find_source(&lx, &tokenize(text, 0), text).map(|(s, _)| s))
    }

    #[test]
    fn sources_from_selon_verbs_and_subjects() -> Result<(), LexiconError> {
        assert_eq!(
            source("Selon des chiffres du Pentagone datant de vendredi, 17 attaques")?.as_deref(),
            Some("Pentagone")
        );
        assert_eq!(
            source("Trois attaques ont eu lieu jeudi, ont indiqué les sources à Reuters.")?
                .as_deref(),
            Some("Reuters")
        );
        assert_eq!(
            source("Au total, Washington a recensé au moins 102 attaques")?.as_deref(),
            Some("Washington")
        );
        assert_eq!(
            source("Trois soldats ont été blessés, a ajouté le responsable.")?.as_deref(),
            Some("responsable")
        );
        assert_eq!(
            source("Il y a eu trois attaques, a-t-il ajouté.")?.as_deref(),
            None
        );
        Ok(())
    }
}
