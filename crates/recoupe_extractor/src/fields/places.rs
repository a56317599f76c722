//! Places a figure covers, from the gazetteer, at the level the text names them: a place
//! counts when a locative word introduces it ("en Irak", "à Paris", "dans la province d'Al
//! Haouz", "au large du Yémen"), when an adjective names it after a noun ("la manifestation
//! parisienne"), or as "la capitale" and "au niveau national" (the article's country).
//!
//! Which places belong to which figure is decided by the assembly: the places of a figure's
//! own clause first ("12 morts dans le Var et 3 dans les Alpes-Maritimes").

use recoupe_parser::Span;

use crate::Lexicon;
use crate::lexicon::{PlaceId, phrase_at};
use crate::tokens::{Token, TokenKind};

/// What a place mention names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PlaceRef {
    /// A place of the gazetteer.
    Named(PlaceId),
    /// "la capitale": the capital of the article's country.
    Capital,
    /// "au niveau national", "en régions": the whole of the article's country.
    National,
    /// "du pays": the article's country, as a place like any other.
    Country,
    /// "de la ville", "dans sa ville": the city the text named last.
    LastCity,
}

/// A place read in a sentence.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PlaceMention {
    /// First token of the name.
    pub first: usize,
    /// Span of the name.
    pub span: Span,
    /// What it names.
    pub place: PlaceRef,
    /// Named as only part of a figure's scope ("principalement à Marrakech"): never a scope.
    pub partial: bool,
}

/// The places named in `tokens` as locations, in order.
pub(crate) fn find_places(lx: &Lexicon, tokens: &[Token]) -> Vec<PlaceMention> {
    let gz = &lx.gazetteer;
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(words) = gz.national.iter().find(|w| phrase_at(tokens, i, w)) {
            let last = i + words.len() - 1;
            out.push(PlaceMention {
                first: i,
                span: tokens[i].span.cover(tokens[last].span),
                place: PlaceRef::National,
                partial: false,
            });
            i = last + 1;
            continue;
        }
        let word_place = if gz.capital_words.contains(tokens[i].lower.as_str()) {
            Some(PlaceRef::Capital)
        } else if gz.country_words.contains(tokens[i].lower.as_str()) {
            Some(PlaceRef::Country)
        } else if gz.city_words.contains(tokens[i].lower.as_str())
            && i > 0
            && lx.grammar.is_determiner(&tokens[i - 1])
            && !tokens.get(i + 1).is_some_and(|n| lx.grammar.de.is(n))
        {
            // "la ville" alone; "la ville de Derna" names its city.
            Some(PlaceRef::LastCity)
        } else {
            None
        };
        // "25 % de la ville", "dans l'est du pays": these words name a place after "de" too.
        let after_de = |i: usize| {
            let mut k = i;
            while k > 0 && lx.grammar.is_determiner(&tokens[k - 1]) {
                k -= 1;
            }
            k > 0 && lx.grammar.de.is(&tokens[k - 1])
        };
        if let Some(place) = word_place
            && (introduced(lx, tokens, i) || after_de(i))
        {
            out.push(PlaceMention {
                first: i,
                span: tokens[i].span,
                place,
                partial: false,
            });
            i += 1;
            continue;
        }
        if let Some(p) = gz.forms.at(tokens, i) {
            let last = i + p.words.len() - 1;
            let located = if p.value.adjective {
                // "la manifestation parisienne": right after a noun.
                i > 0
                    && tokens[i - 1].kind == TokenKind::Word
                    && !lx.function_words.contains(tokens[i - 1].lower.as_str())
            } else {
                introduced(lx, tokens, i)
                    || (weakly_introduced(lx, tokens, i) && !gz.is_country(p.value.place))
            };
            if located && !reference_point(lx, tokens, i) {
                out.push(PlaceMention {
                    first: i,
                    span: tokens[i].span.cover(tokens[last].span),
                    place: PlaceRef::Named(p.value.place),
                    partial: false,
                });
            }
            i = last + 1;
        } else {
            i += 1;
        }
    }
    // "principalement à Marrakech et dans cinq provinces": part of the scope, not all of it.
    for m in &mut out {
        let start = m.first.saturating_sub(4);
        let between_words = |k: usize| {
            tokens[k..m.first]
                .iter()
                .all(|t| t.kind == TokenKind::Word && !lx.cardinals.contains(t.lower.as_str()))
        };
        m.partial = (start..m.first).any(|k| {
            lx.gazetteer
                .partial
                .iter()
                .any(|w| phrase_at(tokens, k, w) && between_words(k))
        });
    }
    out
}

/// Whether a weak preposition introduces the name at `i` ("sur la mer Rouge").
fn weakly_introduced(lx: &Lexicon, tokens: &[Token], i: usize) -> bool {
    let mut k = i;
    while k > 0 && lx.grammar.articles.is(&tokens[k - 1]) {
        k -= 1;
    }
    k.checked_sub(1).is_some_and(|p| {
        lx.gazetteer
            .weak_prepositions
            .contains(tokens[p].lower.as_str())
    })
}

/// "400 km au nord-est de Rabat": a place a distance is measured from, not where anything is.
fn reference_point(lx: &Lexicon, tokens: &[Token], i: usize) -> bool {
    (2..=5).any(|back| {
        i.checked_sub(back).is_some_and(|k| {
            lx.dimensions.at(tokens, k).is_some()
                && tokens[k + 1..i]
                    .iter()
                    .any(|t| lx.gazetteer.place_nouns.contains(t.lower.as_str()))
        })
    })
}

/// Whether the name at `i` is introduced as a location: by a preposition, possibly with an
/// article ("en Irak", "à l'Irak"), by "de" after a place noun ("la province d'Al Haouz"), or
/// as the second of a coordination ("en Irak et en Syrie", "la mer Rouge et le golfe d'Aden").
fn introduced(lx: &Lexicon, tokens: &[Token], i: usize) -> bool {
    let gz = &lx.gazetteer;
    let mut k = i;
    while k > 0 && lx.grammar.is_determiner(&tokens[k - 1]) {
        k -= 1;
    }
    let Some(prev) = k.checked_sub(1).and_then(|p| tokens.get(p)) else {
        return false;
    };
    if gz.prepositions.contains(prev.lower.as_str())
        || gz.impact_verbs.contains(prev.lower.as_str())
    {
        return true;
    }
    // "A Rennes, cinq interpellations": "à" written without its accent, as a capital.
    if lx.grammar.capital_a.is(prev)
        && prev.upper
        && (k == 1 || tokens[k - 2].kind == TokenKind::Punct)
    {
        return true;
    }
    // "deux du Sri Lanka", "12 de Marseille": a figure and where its items come from.
    if lx.grammar.de.is(prev)
        && k >= 2
        && (tokens[k - 2].kind == TokenKind::Digits
            || lx.cardinals.contains(tokens[k - 2].lower.as_str()))
    {
        return true;
    }
    if lx.grammar.de.is(prev) {
        // "la province d'Al Haouz", "la zone de préfecture de Marrakech", "la région
        // montagneuse d'Al Haouz": a place noun, perhaps with words of its own before "de".
        // "les crues du Gard", "le séisme du Maroc": where the event happened.
        let event = k
            .checked_sub(2)
            .is_some_and(|p| gz.event_nouns.contains(tokens[p].lower.as_str()));
        return event
            || (2..=4).any(|back| {
                k.checked_sub(back)
                    .and_then(|p| tokens.get(p))
                    .is_some_and(|n| gz.place_nouns.contains(n.lower.as_str()))
            });
    }
    if lx.grammar.and.is(prev) || prev.lower == "," {
        return k >= 2 && place_ends_at(lx, tokens, k - 2);
    }
    false
}

/// Whether a place introduced as a location ends at token `end`.
fn place_ends_at(lx: &Lexicon, tokens: &[Token], end: usize) -> bool {
    (end.saturating_sub(6)..=end).any(|start| {
        lx.gazetteer.forms.at(tokens, start).is_some_and(|p| {
            start + p.words.len() - 1 == end && !p.value.adjective && introduced(lx, tokens, start)
        })
    })
}

/// Token ranges of every gazetteer name in `tokens`, introduced or not ("Tour 22"), with the
/// place each names.
pub(crate) fn find_places_raw(lx: &Lexicon, tokens: &[Token]) -> Vec<(usize, usize, PlaceId)> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        match lx.gazetteer.forms.at(tokens, i) {
            Some(p) if !p.value.adjective => {
                out.push((i, i + p.words.len() - 1, p.value.place));
                i += p.words.len();
            }
            _ => i += 1,
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
            .map(|p| {
                let name = match p.place {
                    PlaceRef::Named(id) => lx.gazetteer.name(id).to_owned(),
                    PlaceRef::Capital => "<capitale>".into(),
                    PlaceRef::National => "<national>".into(),
                    PlaceRef::Country => "<pays>".into(),
                    PlaceRef::LastCity => "<ville>".into(),
                };
                format!("{}={name}", p.span.slice(text))
            })
            .collect())
    }

    #[test]
    fn locative_places_at_their_own_level() -> Result<(), LexiconError> {
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
            vec!["Ain al-Asad=Aïn al-Assad", "Bagdad=Bagdad"]
        );
        assert_eq!(
            places("basées au Moyen-Orient")?,
            vec!["Moyen-Orient=Moyen-Orient"]
        );
        assert_eq!(
            places("la guerre entre Israël et le Hamas")?,
            Vec::<String>::new()
        );
        assert_eq!(
            places("dans la province d'Al-Haouz, dans la zone de préfecture de Marrakech")?,
            vec!["Al-Haouz=Al Haouz", "Marrakech=Marrakech"]
        );
        assert_eq!(
            places("dans la mer Rouge et le golfe d'Aden")?,
            vec!["mer Rouge=mer Rouge", "golfe d'Aden=golfe d'Aden"]
        );
        Ok(())
    }

    #[test]
    fn adjectives_capitals_and_the_whole_country() -> Result<(), LexiconError> {
        assert_eq!(
            places("la manifestation parisienne a réuni")?,
            vec!["parisienne=Paris"]
        );
        assert_eq!(
            places("dont 4 000 dans la capitale, 281 000 au niveau national")?,
            vec!["capitale=<capitale>", "au niveau national=<national>"]
        );
        Ok(())
    }

    #[test]
    fn capitalised_forms_need_a_capital() -> Result<(), LexiconError> {
        assert_eq!(places("dans le Var")?, vec!["Var=Var"]);
        assert_eq!(places("dans le var")?, Vec::<String>::new());
        Ok(())
    }
}
