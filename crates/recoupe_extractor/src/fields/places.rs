//! Places a figure covers, from the gazetteer: a place counts when a locative preposition
//! introduces it ("en Irak", "à Erbil", "au Moyen-Orient", "la base d'Aïn al-Assad").

use recoupe_parser::Span;

use crate::Lexicon;
use crate::tokens::Token;

/// A place read in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlaceMention {
    /// First token of the name.
    pub first: usize,
    /// Span of the name.
    pub span: Span,
    /// The country or region it lies in.
    pub country: String,
}

/// Nouns after which "de"/"d'" introduces a place ("la base d'Aïn al-Assad").
const PLACE_NOUNS: &[&str] = &[
    "base",
    "ville",
    "région",
    "province",
    "secteur",
    "localité",
    "camp",
    "village",
    "quartier",
    "aéroport",
    "port",
    "frontière",
    "ouest",
    "est",
    "nord",
    "sud",
    "centre",
    "banlieue",
];

/// The places named in `tokens` behind a locative word, in order.
pub(crate) fn find_places(lx: &Lexicon, tokens: &[Token]) -> Vec<PlaceMention> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(p) = lx.places.at(tokens, i) {
            let last = i + p.words.len() - 1;
            if introduced(lx, tokens, i) {
                let span = tokens[i].span.cover(tokens[last].span);
                out.push(PlaceMention {
                    first: i,
                    span,
                    country: p.value.country.clone(),
                });
            }
            i = last + 1;
        } else {
            i += 1;
        }
    }
    out
}

/// Whether the name at `i` is introduced as a location: by a preposition, possibly with an
/// article ("en Irak", "à l'Irak"), or by "de" after a place noun ("base d'Aïn al-Assad"),
/// or as the second of a coordination ("en Irak et en Syrie", "en Irak et Syrie").
fn introduced(lx: &Lexicon, tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 && matches!(tokens[k - 1].lower.as_str(), "l'" | "la" | "le" | "les") {
        k -= 1;
    }
    let Some(prev) = k.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    if lx.place_prepositions.contains(&prev.lower) {
        return true;
    }
    if matches!(prev.lower.as_str(), "de" | "d'" | "du") {
        return k
            .checked_sub(2)
            .and_then(|p| tokens.get(p))
            .is_some_and(|n| {
                PLACE_NOUNS.contains(&n.lower.as_str()) || n.lower.ends_with("ienne")
            });
    }
    if prev.lower == "et" || prev.lower == "," {
        return k >= 2 && match_phrase_ends(lx, tokens, k - 2);
    }
    false
}

fn match_phrase_ends(lx: &Lexicon, tokens: &[Token], end: usize) -> bool {
    (0..=end).any(|start| {
        lx.places
            .at(tokens, start)
            .is_some_and(|p| start + p.words.len() - 1 == end && introduced(lx, tokens, start))
    })
}

/// The countries of `mentions`, without repeats, in order.
pub(crate) fn countries<'a>(mentions: impl IntoIterator<Item = &'a PlaceMention>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for m in mentions {
        if !out.contains(&m.country) {
            out.push(m.country.clone());
        }
    }
    out
}

/// Token ranges of every gazetteer name in `tokens`, introduced or not ("Tour 22"), with the
/// country or region each lies in.
pub(crate) fn find_places_raw(lx: &Lexicon, tokens: &[Token]) -> Vec<(usize, usize, String)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match lx.places.at(tokens, i) {
            Some(p) => {
                out.push((i, i + p.words.len() - 1, p.value.country.clone()));
                i += p.words.len();
            }
            None => i += 1,
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    #[allow(unused_imports)]
    use crate::LexiconError;
    use crate::tokens::tokenize;

    fn places(text: &str) -> Result<Vec<String>, LexiconError> {
        let lx = Lexicon::french()?;
        let t = tokenize(text, 0);
        Ok(find_places(&lx, &t)
            .into_iter()
            .map(|p| format!("{}={}", p.span.slice(text), p.country))
            .collect())
    }

    #[test]
    fn locative_places_map_to_their_country() -> Result<(), LexiconError> {
        assert_eq!(
            places("en Irak et en Syrie")?,
            vec!["Irak=Irak", "Syrie=Syrie"]
        );
        assert_eq!(
            places("en Irak et Syrie")?,
            vec!["Irak=Irak", "Syrie=Syrie"]
        );
        assert_eq!(
            places("sur la base aérienne d'Ain al-Asad à l'ouest de Bagdad")?,
            vec!["Ain al-Asad=Irak", "Bagdad=Irak"]
        );
        assert_eq!(
            places("basées au Moyen-Orient")?,
            vec!["Moyen-Orient=Moyen-Orient"]
        );
        assert_eq!(
            places("la guerre entre Israël et le Hamas")?,
            Vec::<String>::new()
        );
        Ok(())
    }
}
