//! Which numbers are counts. A number is not a claim when it is part of a date, a year, an
//! ordinal, a percentage written as a share, a duration or an age, a rank or label, an
//! identifier, the article "un", an anaphora ("ces deux pays"), an indefinite quantity, or
//! part of a place name; [`NotAClaim`] says which.

use crate::Lexicon;
use crate::fields::counted::noun_index;
use crate::fields::qualifier::qualifier_before;
use crate::numbers::{NumberForm, NumberMention};
use crate::tokens::{Token, TokenKind};

/// Why a number is not a claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotAClaim {
    /// Part of a date ("le 17 octobre").
    Date,
    /// A year ("en 2014").
    Year,
    /// An ordinal ("1er", "2e").
    Ordinal,
    /// A percentage.
    Percent,
    /// A duration or an age ("dix jours").
    Duration,
    /// A rank or label ("la numéro deux").
    Rank,
    /// Digits stuck to letters or slashes: an identifier, a time, a unit.
    Identifier,
    /// "un"/"une" used as an article or pronoun.
    Article,
    /// A demonstrative points back to things already counted ("ces deux pays").
    Anaphora,
    /// "plusieurs", "quelques": not a figure.
    Indefinite,
    /// Part of a place name ("Tour 22").
    PlaceName,
    /// Counts nothing written, not even by ellipsis: a score or a label ("2 à 0", "Ligue 1").
    Uncounted,
}

/// Words before a bare four-digit number that make it a year.
const YEAR_CONTEXT: &[&str] = &[
    "en",
    "depuis",
    "de",
    "d'",
    "année",
    "années",
    "an",
    "jusqu'en",
    "dès",
    "avant",
    "après",
    "fin",
    "début",
    "mi",
    "été",
    "printemps",
    "automne",
    "hiver",
    "l'an",
    "courant",
    "vers",
];

const DEMONSTRATIVES: &[&str] = &["ces", "cette", "ce", "cet"];

pub(crate) const AUXILIARIES: &[&str] = &[
    "a", "ont", "sont", "est", "été", "était", "étaient", "avait", "avaient", "sera", "seront",
    "furent", "fut", "auraient", "aurait", "ont-ils", "qui", "que", "dont", "où",
];

pub(crate) const PASSIVE: &[&str] = &[
    "été", "sont", "est", "étaient", "était", "furent", "seront", "sera", "fut",
];

const ORDINAL_SUFFIXES: &[&str] = &[
    "e", "er", "ère", "re", "ème", "eme", "è", "es", "ers", "ères", "èmes",
];

/// What deciding needs besides the number: the sentence's tokens, and the token ranges that
/// are dates or place names.
pub(crate) struct MentionContext<'a> {
    pub lx: &'a Lexicon,
    pub tokens: &'a [Token],
    pub date_tokens: &'a [(usize, usize)],
    pub place_names: &'a [(usize, usize, String)],
}

pub(crate) fn not_a_claim(
    cx: &MentionContext<'_>,
    m: &NumberMention,
    mentions: &[NumberMention],
    mi: usize,
) -> Option<NotAClaim> {
    let (lx, tokens) = (cx.lx, cx.tokens);
    let t = &tokens[m.first];
    let prev = m.first.checked_sub(1).and_then(|p| tokens.get(p));
    let next = tokens.get(m.last + 1);
    if m.form == NumberForm::Indefinite {
        return Some(NotAClaim::Indefinite);
    }
    if cx
        .date_tokens
        .iter()
        .any(|&(a, b)| m.first <= b && a <= m.last)
    {
        return Some(NotAClaim::Date);
    }
    if cx
        .place_names
        .iter()
        .any(|(a, b, _)| *a <= m.first && m.last <= *b)
    {
        return Some(NotAClaim::PlaceName);
    }
    if t.kind == TokenKind::Digits {
        if prev.is_some_and(|p| {
            !t.space_before
                && (p.kind == TokenKind::Word
                    || matches!(p.lower.as_str(), "/" | "#" | "-" | "_" | "@"))
        }) {
            return Some(NotAClaim::Identifier);
        }
        if let Some(n) = next.filter(|n| !n.space_before) {
            if n.kind == TokenKind::Word && ORDINAL_SUFFIXES.contains(&n.lower.as_str()) {
                return Some(NotAClaim::Ordinal);
            }
            if n.kind == TokenKind::Word || matches!(n.lower.as_str(), "/" | "-" | "_" | ":") {
                return Some(NotAClaim::Identifier);
            }
        }
        let digits = t.lower.chars().filter(char::is_ascii_digit).count();
        if digits >= 10 && !t.grouped {
            return Some(NotAClaim::Identifier);
        }
        let v = t.value.unwrap_or(0.0);
        if !t.grouped && m.first == m.last && v.fract() == 0.0 && (1800.0..=2100.0).contains(&v) {
            let year_before = prev.is_some_and(|p| {
                YEAR_CONTEXT.contains(&p.lower.as_str()) || lx.months.contains_key(&p.lower)
            });
            // "de l'ordre de 2000 soldats", "en 2000 soldats": a plural noun after it, or a
            // qualifier before it, makes it a count.
            let counted_after = next.is_some_and(|n| {
                n.kind == TokenKind::Word
                    && n.space_before
                    && !n.upper
                    && (n.lower.ends_with('s') || n.lower.ends_with('x'))
                    && !lx.function_words.contains(&n.lower)
                    && !lx.indefinite.contains(&n.lower)
                    && !lx.cardinals.contains(&n.lower)
            });
            let no_noun_after = next
                .is_none_or(|n| n.kind != TokenKind::Word || lx.function_words.contains(&n.lower));
            if (year_before || no_noun_after)
                && !counted_after
                && qualifier_before(lx, tokens, m).is_none()
            {
                return Some(NotAClaim::Year);
            }
        }
    }
    // "7,5 points" and "2 points de pourcentage" are shares; "12 points d'avance" is a count.
    let share_points = next.is_some_and(|n| n.is("points") || n.is("point"))
        && (m.value.fract() != 0.0
            || tokens
                .get(m.last + 3)
                .is_some_and(|p| p.lower.starts_with("pourcentage")));
    if share_points
        || next.is_some_and(|n| n.is("%"))
        || (next.is_some_and(|n| n.is("pour"))
            && tokens.get(m.last + 2).is_some_and(|n| n.is("cent")))
    {
        return Some(NotAClaim::Percent);
    }
    if prev.is_some_and(|p| {
        matches!(
            p.lower.as_str(),
            "numéro"
                | "n°"
                | "no"
                | "article"
                | "chapitre"
                | "tome"
                | "page"
                | "p"
                | "niveau"
                | "version"
                | "phase"
        )
    }) {
        return Some(NotAClaim::Rank);
    }
    if prev.is_some_and(|p| DEMONSTRATIVES.contains(&p.lower.as_str())) {
        return Some(NotAClaim::Anaphora);
    }
    if m.form == NumberForm::One && !one_is_licensed(lx, tokens, m, mentions, mi) {
        return Some(NotAClaim::Article);
    }
    if let Some(noun) = noun_index(lx, tokens, m) {
        let lemma = lx.lemma(&tokens[noun].lower);
        if lx.time_units.contains(&lemma) || lx.time_units.contains(&tokens[noun].lower) {
            return Some(NotAClaim::Duration);
        }
    }
    None
}

/// "un"/"une" is the number one only after a qualifier ("au moins un"), before "seul"
/// ("un seul"), or in a list of tolls ("un mort et deux blessés": events or casualties,
/// not "un convoi et deux bases", where "un" is the article).
fn one_is_licensed(
    lx: &Lexicon,
    tokens: &[Token],
    m: &NumberMention,
    mentions: &[NumberMention],
    mi: usize,
) -> bool {
    if m.first > 0
        && matches!(tokens[m.first - 1].lower.as_str(), "l'" | "d'" | "qu'")
        && qualifier_before(lx, tokens, m).is_none()
    {
        return false;
    }
    if qualifier_before(lx, tokens, m).is_some() {
        return true;
    }
    if tokens
        .get(m.last + 1)
        .is_some_and(|n| lx.one_after.contains(&n.lower))
    {
        return true;
    }
    let counts_events =
        noun_index(lx, tokens, m).is_some_and(|k| lx.events.contains(&lx.lemma(&tokens[k].lower)));
    if !counts_events {
        return false;
    }
    let coordinated = |a: &NumberMention, b: &NumberMention| {
        b.first > a.last
            && b.first - a.last <= 4
            && tokens[a.last + 1..b.first]
                .iter()
                .any(|t| t.is("et") || t.is(","))
            && matches!(b.form, NumberForm::Words | NumberForm::Digits)
    };
    mentions.get(mi + 1).is_some_and(|n| coordinated(m, n))
        || mi
            .checked_sub(1)
            .and_then(|p| mentions.get(p))
            .is_some_and(|p| coordinated(p, m) && p.form != NumberForm::One)
}
