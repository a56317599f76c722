//! Who gives a figure: "selon des chiffres du Pentagone", "ont indiqué les sources à Reuters",
//! "a indiqué à l'AFP un responsable", "Washington a recensé".

use recoupe_parser::Span;

use crate::lexicon::phrase_at;
use crate::tokens::{Token, TokenKind};
use crate::{Lexicon, SourceKind};

/// Who a source phrase names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum SourceName {
    /// A source, by its canonical name or its words ("ministère de l'Intérieur", "le maire").
    Named(String),
    /// The source named before: "la même source", "selon le communiqué".
    Back,
}

/// A source a sentence names, with the tokens it spans.
#[derive(Debug, Clone)]
pub(crate) struct SourceMention {
    pub name: SourceName,
    /// The words that gave it, in the normalised text.
    pub span: Span,
    /// First and last token of the mention, opener or verb included.
    pub first: usize,
    pub last: usize,
    /// How it is written, which decides the figures it covers.
    pub role: SourceRole,
    /// Whether its phrase opens with a definite article ("le syndicat"): a source of a kind
    /// already named is that one.
    pub definite: bool,
    /// Sources coordinated with it in one subject ("les forces de l'ordre et les syndicats
    /// ont annoncé 119 000 et 800 000 manifestants"), in order after the first.
    pub others: Vec<String>,
}

impl SourceMention {
    /// A named source that is the subject of its clause, from token `first` to `last`.
    fn subject(name: String, tokens: &[Token], first: usize, last: usize) -> Self {
        SourceMention {
            name: SourceName::Named(name),
            span: tokens[first].span.cover(tokens[last].span),
            first,
            last,
            role: SourceRole::Subject,
            definite: false,
            others: Vec::new(),
        }
    }
}

/// How a source is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum SourceRole {
    /// "selon X", "d'après X": the figures before it in its clause, or after it when none
    /// stands before ("Selon X, …").
    Opener,
    /// "X a indiqué que …", "la CGT revendique 2 millions": the figures after it.
    Subject,
    /// ", a indiqué X": the figures before it.
    Inverted,
}

/// Every source a sentence names, in order: "selon X", "d'après X", ", a indiqué X", "X a
/// déclaré que", "Washington a recensé".
pub(crate) fn find_sources(lx: &Lexicon, tokens: &[Token], text: &str) -> Vec<SourceMention> {
    let mut out: Vec<SourceMention> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if let Some(opener) = lx.source_openers.iter().find(|o| phrase_at(tokens, i, o)) {
            let from = i + opener.len();
            if let Some((name, span, end)) = noun_phrase(lx, tokens, from, text) {
                out.push(SourceMention {
                    name,
                    span,
                    first: i,
                    last: end - 1,
                    role: SourceRole::Opener,
                    definite: tokens.get(from).is_some_and(|t| lx.grammar.articles.is(t)),
                    others: Vec::new(),
                });
                i = end;
                continue;
            }
        }
        i += 1;
    }
    let taken = |out: &[SourceMention], k: usize| out.iter().any(|m| m.first <= k && k <= m.last);
    for (i, t) in tokens.iter().enumerate() {
        // "fait état de": the verb group's last word stands for it.
        let phrase_end = lx
            .source_verb_phrases
            .iter()
            .find(|p| i + 1 >= p.len() && phrase_at(tokens, i + 1 - p.len(), p));
        if !(lx.source_verbs.contains(t.lower.as_str()) || phrase_end.is_some())
            || t.is("selon")
            || taken(&out, i)
        {
            continue;
        }
        let i_verb = phrase_end.map_or(i, |p| i + 1 - p.len());
        let aux = i_verb
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
                out.push(SourceMention::subject(name, tokens, start, i));
            }
            continue;
        }
        // Inverted subject after a comma or quote: ", ont indiqué les sources à Reuters".
        let before_aux = i_verb.checked_sub(2).and_then(|p| tokens.get(p));
        let inverted = inverted_aux && before_aux.is_some_and(|b| b.kind == TokenKind::Punct);
        // ", précise le ministère", "rapporte la préfecture": a verb right after a comma
        // names its subject after it; "ont estimé le nombre de morts à 5 200" names an object.
        let after_punct = i_verb
            .checked_sub(1)
            .is_some_and(|p| tokens[p].kind == TokenKind::Punct);
        let first = if inverted { i_verb - 1 } else { i_verb };
        // The auxiliary, past adverbs between it and the participle ("ont jusqu'à présent
        // estimé").
        let group = (i_verb.saturating_sub(5)..i_verb)
            .rev()
            .find(|&k| matches!(tokens[k].lower.as_str(), "a" | "ont" | "avait" | "avaient"))
            .filter(|&k| {
                tokens[k + 1..i_verb]
                    .iter()
                    .all(|t| t.kind != TokenKind::Punct && t.kind != TokenKind::Digits)
            })
            .unwrap_or(if inverted_aux { i_verb - 1 } else { i_verb });
        let inverted_read = (inverted || (!inverted_aux && after_punct))
            .then(|| noun_phrase(lx, tokens, i + 1, text))
            .flatten();
        if let Some((name, span, end)) = inverted_read {
            out.push(SourceMention {
                name,
                span,
                first,
                last: end - 1,
                role: SourceRole::Inverted,
                definite: tokens.get(i + 1).is_some_and(|t| lx.grammar.articles.is(t)),
                others: Vec::new(),
            });
        } else if let Some((name, start, definite)) = subject_before(lx, tokens, group, text) {
            // "les forces de l'ordre et les syndicats ont annoncé": the others of the subject.
            let others: Vec<String> = (start + 1..group)
                .filter(|&k| lx.grammar.and.is(&tokens[k - 1]) || tokens[k - 1].is(","))
                .filter_map(|k| {
                    let mut j = k;
                    while j < group && lx.grammar.articles.is(&tokens[j]) {
                        j += 1;
                    }
                    lx.sources.at(tokens, j).map(|p| p.value.clone())
                })
                .collect();
            out.push(SourceMention {
                definite,
                others,
                ..SourceMention::subject(name, tokens, start, i)
            });
        }
    }
    // "la police avait compté 806 000 manifestants, la CGT 1,5 million": a known source
    // right before a figure, after a comma or "et", speaks for it with the verb left out.
    for k in 0..tokens.len() {
        if taken(&out, k) {
            continue;
        }
        let Some(p) = lx.sources.at(tokens, k) else {
            continue;
        };
        let end = k + p.words.len();
        let mut start = k;
        while start > 0 && lx.grammar.articles.is(&tokens[start - 1]) {
            start -= 1;
        }
        let after_break = start
            .checked_sub(1)
            .is_some_and(|b| tokens[b].is(",") || lx.grammar.and.is(&tokens[b]));
        let figure_next = tokens.get(end).is_some_and(|t| t.kind == TokenKind::Digits);
        if after_break && figure_next {
            out.push(SourceMention::subject(
                p.value.clone(),
                tokens,
                start,
                end - 1,
            ));
        }
    }
    // "Localement, les chiffres remontés par les autorités attestent …: 36 000 personnes",
    // "les données du ministère montrent que …": a document opening its clause, with who
    // gave it, speaks for the figures after it.
    for k in 0..tokens.len() {
        if taken(&out, k) || !lx.source_documents.contains(tokens[k].lower.as_str()) {
            continue;
        }
        let start = if k > 0 && lx.grammar.is_determiner(&tokens[k - 1]) {
            k - 1
        } else {
            k
        };
        let opens = start == 0 || tokens[start - 1].is(",");
        let mut j = k + 1;
        // "remontés par", "communiqués par", "fournis par".
        if tokens
            .get(j)
            .is_some_and(|t| t.kind == TokenKind::Word && lx.grammar.is_participle(&t.lower))
            && tokens.get(j + 1).is_some_and(|t| lx.grammar.agent.is(t))
        {
            j += 1;
        }
        if !opens
            || !tokens
                .get(j)
                .is_some_and(|t| lx.grammar.de.is(t) || lx.grammar.agent.is(t))
        {
            continue;
        }
        let mut o = j + 1;
        while o < tokens.len() && lx.grammar.is_determiner(&tokens[o]) {
            o += 1;
        }
        let owner = lx
            .sources
            .at(tokens, o)
            .map(|p| (p.value.clone(), p.words.len()))
            .or_else(|| {
                lx.source_kind_words.at(tokens, o).map(|p| {
                    let n = p.words.len();
                    (
                        tokens[o]
                            .span
                            .cover(tokens[o + n - 1].span)
                            .slice(text)
                            .to_owned(),
                        n,
                    )
                })
            });
        if let Some((name, n)) = owner {
            out.push(SourceMention::subject(name, tokens, start, o + n - 1));
        }
    }
    out.sort_by_key(|m| m.first);
    out
}

/// The kind of a source: the lexicon's for a known one, else the first word of its name that
/// tells ("le ministre de la Santé" → authorities).
pub(crate) fn kind_of(lx: &Lexicon, name: &str) -> Option<SourceKind> {
    if let Some(k) = lx.source_kinds.get(name) {
        return Some(*k);
    }
    let t = crate::tokens::tokenize(name, 0);
    (0..t.len()).find_map(|k| lx.source_kind_words.at(&t, k).map(|p| p.value))
}

/// The first source in the sentence, as the original single-source reading gave it (kept for
/// tests of the phrase reader).
#[cfg(test)]
pub(crate) fn find_source(lx: &Lexicon, tokens: &[Token], text: &str) -> Option<(String, Span)> {
    find_sources(lx, tokens, text)
        .into_iter()
        .find_map(|m| match m.name {
            SourceName::Named(n) => Some((n, m.span)),
            SourceName::Back => None,
        })
}

/// The noun phrase from `from` to the next punctuation: a known source in it, or its words; a
/// document names who wrote it ("les chiffres du ministère"), the source named before ("le
/// communiqué", "la même source") or no one ("un dernier bilan provisoire"). Gives the name,
/// the words and where the phrase ends (exclusive).
fn noun_phrase(
    lx: &Lexicon,
    tokens: &[Token],
    from: usize,
    text: &str,
) -> Option<(SourceName, Span, usize)> {
    let mut end = from;
    while end < tokens.len() && end < from + 16 {
        let t = &tokens[end];
        // "selon le ministère et 3,5 millions d'après les syndicats": the next figure ends it.
        if t.kind == TokenKind::Digits
            || (t.kind == TokenKind::Punct
                && matches!(t.lower.as_str(), "," | "." | ";" | ":" | "\"" | "(" | ")"))
        {
            break;
        }
        end += 1;
    }
    // (A conjunction left before the next figure is not the source's.)
    while end > from && (lx.grammar.and.is(&tokens[end - 1]) || lx.grammar.or.is(&tokens[end - 1]))
    {
        end -= 1;
    }
    // A phrase with a figure in it ("le chiffre de 6 000 morts") is what was said, not who.
    if end == from
        || tokens[from..end]
            .iter()
            .any(|t| t.kind == TokenKind::Digits)
    {
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
        return Some((SourceName::Named(name), span, end));
    }
    // "ont indiqué les sources à Reuters", "a indiqué à l'AFP un responsable": unnamed
    // speakers through an agency are the agency's.
    if let Some(agency) = addressees.iter().find_map(|&(a, b)| {
        (a..b)
            .find_map(|k| lx.sources.at(tokens, k).map(|p| p.value.clone()))
            .filter(|name| lx.agencies.contains(name))
    }) {
        return Some((SourceName::Named(agency), span, end));
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
        && (lx.weekdays.contains_key(tokens[start].lower.as_str())
            || lx.grammar.articles.is(&tokens[start])
            || lx.grammar.de.is(&tokens[start])
            || lx.grammar.indefinite.is(&tokens[start]))
    {
        start += 1;
    }
    if start >= end {
        return None;
    }
    // "la même source", "ce dernier": the source named before.
    if (start..end).any(|k| lx.source_anaphora.at(tokens, k).is_some()) {
        return Some((SourceName::Back, span, end));
    }
    // "un dernier bilan provisoire", "les chiffres du ministère", "le communiqué".
    if let Some(doc) =
        (start..end).find(|&k| lx.source_documents.contains(tokens[k].lower.as_str()))
    {
        let owner = (doc + 1..end)
            .find(|&k| lx.grammar.de.is(&tokens[k]) || lx.grammar.agent.is(&tokens[k]))
            .map(|k| {
                let mut o = k + 1;
                while o < end && lx.grammar.is_determiner(&tokens[o]) {
                    o += 1;
                }
                o
            });
        if let Some(o) = owner.filter(|&o| o < end) {
            let words = tokens[o].span.cover(tokens[end - 1].span).slice(text);
            return Some((SourceName::Named(words.to_owned()), span, end));
        }
        if lx.anaphoric_documents.contains(tokens[doc].lower.as_str()) {
            return Some((SourceName::Back, span, end));
        }
        return None;
    }
    let words = tokens[start]
        .span
        .cover(tokens[end - 1].span)
        .slice(text)
        .to_owned();
    Some((SourceName::Named(words), span, end))
}

/// The subject before a verb group starting at `verb`: a known source ("la CGT revendique",
/// "le ministère de l'Intérieur avait recensé"), a phrase with a word of a kind of source ("le
/// syndicat avait recensé"), or a capitalised word right before it ("Washington a recensé").
/// Gives the name, its first token and whether a definite article opens it.
fn subject_before(
    lx: &Lexicon,
    tokens: &[Token],
    verb: usize,
    text: &str,
) -> Option<(String, usize, bool)> {
    // The subject's phrase: back to a relative word or the start of the sentence, across
    // appositions between commas ("des sources du gouvernement de la Libye, basé à Tripoli,
    // la capitale, ont avancé") and parentheses ("le Bureau … (Ocha) a rapporté"), at most
    // sixteen words.
    // "Le cabinet Occurrence, qui a réalisé un comptage pour des médias, a lui dénombré": the
    // subject stands before the relative clause set between commas.
    if verb > 0
        && tokens[verb - 1].is(",")
        && let Some(opener) = (verb.saturating_sub(30)..verb - 1)
            .rev()
            .find(|&k| k > 0 && tokens[k - 1].is(",") && lx.grammar.relatives.is(&tokens[k]))
        && let Some(found) = subject_before(lx, tokens, opener - 1, text)
    {
        return Some(found);
    }
    let floor = (verb.saturating_sub(16)..verb)
        .rev()
        .find(|&k| {
            let t = &tokens[k];
            lx.grammar.relatives.is(t)
                || t.kind == TokenKind::Digits
                || (t.kind == TokenKind::Punct && !matches!(t.lower.as_str(), "," | "(" | ")"))
        })
        .map_or(verb.saturating_sub(16), |k| k + 1);
    // Segments between commas, nearest the verb first.
    let mut ends = vec![verb];
    ends.extend(
        (floor..verb)
            .rev()
            .filter(|&k| tokens[k].is(","))
            .collect::<Vec<_>>(),
    );
    let definite = |k: usize, from: usize| {
        k.checked_sub(1)
            .is_some_and(|d| d >= from && lx.grammar.articles.is(&tokens[d]))
    };
    for (n, &end) in ends.iter().enumerate() {
        let from = ends.get(n + 1).map_or(floor, |&c| c + 1);
        for k in from..end {
            if let Some(p) = lx.sources.at(tokens, k) {
                return Some((p.value.clone(), k, false));
            }
        }
        for k in from..end {
            if let Some(p) = lx.source_kind_words.at(tokens, k) {
                let last = (k + p.words.len()).min(end) - 1;
                let words = tokens[k].span.cover(tokens[last].span).slice(text);
                return Some((words.to_owned(), k, definite(k, from)));
            }
        }
        // Only the segment right before the verb may be a bare capitalised name.
        if n == 0 {
            let at = verb.checked_sub(1)?;
            let t = &tokens[at];
            if at >= from
                && t.kind == TokenKind::Word
                && t.capitalised(text)
                && !lx.function_words.contains(t.lower.as_str())
            {
                return Some((t.span.slice(text).to_owned(), at, false));
            }
        }
    }
    None
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
