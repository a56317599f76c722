//! Which numbers are counts. A number is not a claim when it is part of a date, a year, an
//! ordinal that ranks rather than counts, a duration or an age, a measure ("69 mètres"), a
//! threshold ("la barre des 100 000"), a rank or label, an identifier or a time of day, the
//! article "un", an anaphora ("ces deux pays", "les deux armées"), an indefinite quantity, a
//! negation that counts nothing ("aucune information"), or part of a place name;
//! [`NotAClaim`] says which.
//!
//! Besides the numbers the number reader finds, two constructions are figures here: an
//! ordinal that numbers an event ("la vingt-sixième attaque depuis le 19 novembre" counts 26
//! attacks) and a "ni" of a negated verb ("n'a causé ni blessures ni dommages" counts no
//! wounded).

use rustc_hash::FxHashSet as HashSet;

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
    /// A measure of distance, height or magnitude ("69 mètres", "magnitude 7").
    Measure,
    /// A threshold named, not a count ("la barre des 100 000 manifestants").
    Threshold,
    /// A negation of something that is not counted ("aucune information").
    Negation,
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

/// What deciding needs besides the number: the sentence's tokens, the token ranges that are
/// dates or place names, and what the sentences before it named.
pub(crate) struct MentionContext<'a> {
    pub lx: &'a Lexicon,
    pub tokens: &'a [Token],
    pub date_tokens: &'a [(usize, usize)],
    pub place_names: &'a [(usize, usize, crate::lexicon::PlaceId)],
    /// Lemmas of the words of the two sentences before (for "les deux armées").
    pub recent_words: &'a HashSet<&'a str>,
    /// Whether the sentence before joins two places or actors with "et" ("Les États-Unis
    /// et la Grande-Bretagne"), which a later "les deux" points back to.
    pub pair_before: bool,
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
    if m.form == NumberForm::Ordinal {
        return None;
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
        // "8 h 30": minutes after an hour.
        if prev.is_some_and(|p| lx.grammar.hour_marks.is(p))
            && m.first >= 2
            && tokens[m.first - 2].kind == TokenKind::Digits
        {
            return Some(NotAClaim::Identifier);
        }
        if let Some(n) = next.filter(|n| !n.space_before) {
            if n.kind == TokenKind::Word && lx.grammar.ordinal_suffixes.contains(n.lower.as_str()) {
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
            // "de l'ordre de 2000 soldats", "en 2000 soldats": a plural noun after it, or a
            // qualifier before it, makes it a count.
            let counted_after = next.is_some_and(|n| {
                n.kind == TokenKind::Word
                    && n.space_before
                    && !n.upper
                    && (n.lower.ends_with('s') || n.lower.ends_with('x'))
                    && !lx.function_words.contains(n.lower.as_str())
                    && !lx.indefinite.contains(n.lower.as_str())
                    && !lx.cardinals.contains(n.lower.as_str())
            });
            // Without a plural noun after it or a qualifier before it, a number that could be
            // a year is one ("puisque 2023 devrait afficher", "remonte à 1989").
            if !counted_after && qualifier_before(lx, tokens, m).is_none() {
                return Some(NotAClaim::Year);
            }
        }
    }
    if lx.dimensions.at(tokens, m.last + 1).is_some()
        || m.first.checked_sub(1).is_some_and(|p| {
            lx.dimension_openers.contains(tokens[p].lower.as_str())
                || (lx.grammar.de.is(&tokens[p])
                    && p > 0
                    && lx.dimension_openers.contains(tokens[p - 1].lower.as_str()))
        })
        || (m.takes_de
            && tokens
                .get(m.last + 1)
                .is_some_and(|t| t.is("de") || t.is("d'"))
            && lx.dimensions.at(tokens, m.last + 2).is_some())
    {
        return Some(NotAClaim::Measure);
    }
    // "la barre des 100 000 manifestants", "le seuil de 1 000 morts"
    if (1..=3).any(|back| {
        m.first
            .checked_sub(back)
            .is_some_and(|p| lx.thresholds.contains(tokens[p].lower.as_str()))
    }) && prev.is_some_and(|p| lx.grammar.de.is(p))
    {
        return Some(NotAClaim::Threshold);
    }
    if prev.is_some_and(|p| lx.rank_nouns.contains(p.lower.as_str())) {
        return Some(NotAClaim::Rank);
    }
    // "ces deux pays"; a demonstrative before digits repeats a figure ("ces 10 milliards
    // d'euros"), which is a claim again.
    if prev.is_some_and(|p| lx.grammar.demonstratives.is(p)) && m.form != NumberForm::Digits {
        return Some(NotAClaim::Anaphora);
    }
    // "les deux armées", "des deux pays": both, pointing back to two things just named.
    // Unless the text says what happened to them: "Les deux drones ont été détruits".
    if m.value == 2.0
        && m.form == NumberForm::Words
        && prev.is_some_and(|p| lx.both.contains(p.lower.as_str()))
        && (cx.pair_before
            || noun_index(lx, tokens, m)
                .is_some_and(|k| cx.recent_words.contains(lx.lemma(&tokens[k].lower))))
        && said_to_happen(lx, tokens, m).is_none()
    {
        return Some(NotAClaim::Anaphora);
    }
    // "à Al-Haouz et à Taroudant, deux zones rurales": an apposition restating the places.
    if prev.is_some_and(|p| p.is(","))
        && m.form == NumberForm::Words
        && noun_index(lx, tokens, m).is_some_and(|k| {
            lx.gazetteer
                .place_nouns
                .iter()
                .any(|p| p == lx.lemma(&tokens[k].lower))
        })
        && cx.place_names.iter().filter(|p| p.1 < m.first).count() >= 2
    {
        return Some(NotAClaim::Anaphora);
    }
    if m.form == NumberForm::One && !one_is_licensed(cx, m, mentions, mi) {
        return Some(NotAClaim::Article);
    }
    // The noun of a range's end counts for its start too: "de 62 à 64 ans".
    let range_noun = mentions
        .get(mi + 1)
        .filter(|n| {
            n.first == m.last + 2 && lx.range_joiners.contains(tokens[m.last + 1].lower.as_str())
        })
        .and_then(|n| noun_index(lx, tokens, n));
    if let Some(noun) = noun_index(lx, tokens, m).or(range_noun) {
        let lemma = lx.lemma(&tokens[noun].lower);
        if lx.time_units.contains(lemma) || lx.time_units.contains(tokens[noun].lower.as_str()) {
            return Some(NotAClaim::Duration);
        }
    }
    if m.form == NumberForm::Zero && !negates_a_count(lx, tokens, m) {
        return Some(NotAClaim::Negation);
    }
    None
}

/// What the text says happened to the things a figure counts, by a verb or a participle (not
/// by the counted noun itself), with its class.
fn said_to_happen(
    lx: &Lexicon,
    tokens: &[Token],
    m: &NumberMention,
) -> Option<crate::PredicateClass> {
    use crate::fields::predicate::{Figure, PredicateFrom, read};
    let noun = noun_index(lx, tokens, m);
    // The clause ends at the next figure's number.
    let clause_end = (m.last + 1..tokens.len())
        .find(|&k| {
            tokens[k].kind == TokenKind::Digits || lx.cardinals.contains(tokens[k].lower.as_str())
        })
        .unwrap_or(tokens.len());
    let fig = Figure {
        first: m.first,
        noun_end: noun.unwrap_or(m.last),
        noun,
        count_noun: None,
        clause_start: 0,
        clause_end,
    };
    read(lx, tokens, fig, None, None)
        .filter(|p| matches!(p.from, PredicateFrom::Verb | PredicateFrom::After))
        .and_then(|p| lx.predicates.class(&p.lemma))
}

/// Whether a zero counts something a claim can be about: an event, a casualty, something that
/// happened ("aucune blessure", "aucun dégât ni blessé"), not "aucune information".
fn negates_a_count(lx: &Lexicon, tokens: &[Token], m: &NumberMention) -> bool {
    let counts = |k: usize| {
        let lemma = lx.lemma(&tokens[k].lower);
        lx.events.contains(lemma)
            || crate::fields::predicate::carried(lx, &tokens[k].lower).is_some()
    };
    let Some(k) = crate::fields::counted::zero_noun(lx, tokens, m) else {
        return false;
    };
    counts(k)
}

/// Figures the number reader does not read as such: an ordinal that numbers an event ("la
/// vingt-sixième attaque menée depuis le 19 novembre", "la 26e menée par les rebelles" after
/// an attack was named), and the "ni" of a negated verb ("n'a causé ni blessures").
/// `recent_event` is the last event noun named before the sentence.
pub(crate) fn constructions(
    lx: &Lexicon,
    tokens: &[Token],
    recent_event: Option<&str>,
) -> Vec<(NumberMention, Option<String>)> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        // "la vingt-sixième attaque", "la 26e menée", "le premier incident meurtrier"
        let determiner = k > 0
            && matches!(
                tokens[k - 1].lower.as_str(),
                "la" | "le" | "l'" | "du" | "au"
            );
        if determiner && let Some((value, last)) = ordinal_at(lx, tokens, k) {
            let mut n = last + 1;
            while tokens
                .get(n)
                .is_some_and(|a| lx.adjectives_before.contains(a.lower.as_str()))
            {
                n += 1;
            }
            let noun = tokens.get(n).map(|a| lx.lemma(&a.lower));
            let event_noun = noun.as_ref().filter(|l| {
                lx.events.contains(**l) && !lx.times.contains(tokens[n].lower.as_str())
            });
            // "la 26e menée par les rebelles": the event noun named before is left out.
            let elided = tokens
                .get(n)
                .and_then(|a| crate::lexicon::participle_lemma(&a.lower))
                .filter(|l| l.ends_with('é'))
                .filter(|_| tokens.get(n + 1).is_some_and(|a| lx.grammar.agent.is(a)))
                .and(recent_event)
                .filter(|_| event_noun.is_none());
            if let Some(counted) = event_noun.copied().or(elided).map(str::to_owned) {
                let mut m = NumberMention::ordinal(k, last, value);
                m.first = k;
                out.push((m, Some(counted)));
            }
        }
        // "n'a causé ni blessures ni dommages"
        if lx.grammar.neither.is(t)
            && (k.saturating_sub(6)..k).any(|j| lx.grammar.negation.is(&tokens[j]))
            && !(k.saturating_sub(6)..k)
                .any(|j| lx.zero_determiners.contains(tokens[j].lower.as_str()))
            && tokens.get(k + 1).is_some_and(|n| n.kind == TokenKind::Word)
        {
            out.push((NumberMention::zero(k), None));
        }
    }
    out
}

/// An ordinal at `k` ("vingt-sixième", "26e", "première"): its value and last token.
fn ordinal_at(lx: &Lexicon, tokens: &[Token], k: usize) -> Option<(f64, usize)> {
    let g = &lx.grammar;
    let t = &tokens[k];
    if t.kind == TokenKind::Digits {
        let suffix = tokens.get(k + 1).filter(|s| !s.space_before)?;
        let v = t.value.filter(|v| v.fract() == 0.0 && *v >= 1.0)?;
        return g
            .ordinal_suffixes
            .contains(suffix.lower.as_str())
            .then_some((v, k + 1));
    }
    if let Some(&v) = g.ordinal_words.get(t.lower.as_str()) {
        return Some((f64::from(v), k));
    }
    let stem = g
        .ordinal_word_endings
        .iter()
        .find_map(|e| t.lower.strip_suffix(e.as_str()))?;
    // "cinquième" is "cinq", "neuvième" "neuf", "quatrième" "quatre", "onzième" "onze".
    let mut candidates = vec![stem.to_owned(), format!("{stem}e")];
    for (from, to) in &g.ordinal_stems {
        if let Some(s) = stem.strip_suffix(from.as_str()) {
            candidates.push(format!("{s}{to}"));
        }
    }
    candidates.iter().find_map(|c| {
        let parts: Vec<&str> = c.split('-').collect();
        let joined = |p: &&str| lx.cardinals.contains(*p) || lx.joiners.contains(*p);
        if !parts.iter().all(joined) {
            return None;
        }
        crate::numbers::words_value(&parts).map(|v| (v, k))
    })
}

/// "un"/"une" is the number one only after a qualifier ("au moins un"), before "seul"
/// ("un seul"), or in a list of tolls ("un mort et deux blessés": events or casualties,
/// not "un convoi et deux bases", where "un" is the article).
fn one_is_licensed(
    cx: &MentionContext<'_>,
    m: &NumberMention,
    mentions: &[NumberMention],
    mi: usize,
) -> bool {
    let (lx, tokens) = (cx.lx, cx.tokens);
    let in_date = |n: &NumberMention| {
        cx.date_tokens
            .iter()
            .any(|&(a, b)| n.first <= b && a <= n.last)
    };
    // Two figures joined in a list; the other one must be a figure written as such.
    let coordinated = |a: &NumberMention, b: &NumberMention| {
        let other = if std::ptr::eq(a, m) { b } else { a };
        // The joiner stands right before the later figure: "deux du Sri Lanka et un du
        // Népal", not "632 morts, selon un bilan".
        b.first > a.last
            && b.first - a.last <= 6
            && (lx.grammar.and.is(&tokens[b.first - 1])
                || tokens[b.first - 1].is(",")
                || lx.grammar.also.ends_before(tokens, b.first))
            && matches!(other.form, NumberForm::Words | NumberForm::Digits)
            && !in_date(other)
    };
    // After a comma, only an elided noun or the same noun continues the list ("deux du Sri
    // Lanka, un du Népal"); "87 000 dans la capitale, une participation record" does not.
    let same_noun = |p: &NumberMention| match (noun_index(lx, tokens, m), noun_index(lx, tokens, p))
    {
        (None, _) => true,
        (Some(a), Some(b)) => lx.lemma(&tokens[a].lower) == lx.lemma(&tokens[b].lower),
        (Some(_), None) => false,
    };
    let after_a_figure = mi
        .checked_sub(1)
        .and_then(|p| mentions.get(p))
        .is_some_and(|p| coordinated(p, m) && (!tokens[m.first - 1].is(",") || same_noun(p)));
    // "21 missiles ainsi qu'un drone": "ainsi qu'" coordinates.
    if lx.grammar.also.ends_before(tokens, m.first) {
        return after_a_figure;
    }
    // "précise qu'un policier a été blessé": one casualty after a conjunction.
    let casualty = || {
        said_to_happen(lx, tokens, m).is_some_and(|c| {
            use crate::PredicateClass::*;
            matches!(
                c,
                Death | Wounded | Missing | Arrested | Evacuated | Intercepted
            )
        })
    };
    if m.first > 0
        && lx.grammar.elisions.is(&tokens[m.first - 1])
        && qualifier_before(lx, tokens, m).is_none()
        && !(lx.grammar.that.is(&tokens[m.first - 1]) && casualty())
    {
        return false;
    }
    // "au moins un", "plus d'un mort"; but "bien au-delà d'une fête" compares.
    if let Some((_, start)) = qualifier_before(lx, tokens, m) {
        let elided_de = lx.grammar.de.is(&tokens[m.first - 1]);
        let happens = noun_index(lx, tokens, m).is_some_and(|k| {
            lx.events.contains(lx.lemma(&tokens[k].lower))
                || crate::fields::predicate::carried(lx, &tokens[k].lower).is_some()
        });
        let _ = start;
        return !elided_de || happens;
    }
    // "dans un état grave", "par un missile": an article in a prepositional phrase.
    if m.first > 0 && lx.grammar.prepositions.is(&tokens[m.first - 1]) {
        return false;
    }
    if tokens
        .get(m.last + 1)
        .is_some_and(|n| lx.one_after.contains(n.lower.as_str()))
    {
        return true;
    }
    // "deux missiles de croisière et un missile balistique": the last of a list of figures.
    if after_a_figure {
        return true;
    }
    let noun = noun_index(lx, tokens, m);
    // "un membre d'une compagnie": one of a group, not a figure; "un total de 21 missiles":
    // the article of a count.
    if noun.is_some_and(|k| {
        lx.group_members.contains(tokens[k].lower.as_str())
            || lx.count_nouns.contains(tokens[k].lower.as_str())
    }) {
        return false;
    }
    // "un CRS a été blessé", "ont détruit un missile de croisière": one, as a casualty or a
    // thing shot down.
    if said_to_happen(lx, tokens, m).is_some_and(|c| {
        use crate::PredicateClass::*;
        matches!(
            c,
            Death | Wounded | Missing | Arrested | Evacuated | Intercepted
        )
    }) {
        return true;
    }
    let counts_events = noun.is_some_and(|k| lx.events.contains(lx.lemma(&tokens[k].lower)));
    // "un Indien, 15 Philippins et quatre Vietnamiens": the first of a list of three or more.
    let list_of_three = mentions.get(mi + 1).is_some_and(|n| coordinated(m, n))
        && mentions
            .get(mi + 2)
            .is_some_and(|n| coordinated(&mentions[mi + 1], n));
    counts_events && mentions.get(mi + 1).is_some_and(|n| coordinated(m, n)) || list_of_three
}
