//! What a figure counts: the noun after it ("17 attaques", "2 millions d'euros", "un tiers
//! des morts"), the whole a part is of ("12 des 45 frappes"), the noun of "le nombre de morts
//! a atteint 1 293", what a zero negates ("aucun dégât ni blessé"), a count of times and the
//! verb it counts ("attaquées au moins 40 fois"), a participle that changes what is counted
//! ("56 militaires ont été blessés"), and where the noun phrase ends.

use recoupe_parser::Span;

use crate::Lexicon;
use crate::fields::actors::find_actors;
use crate::numbers::{NumberForm, NumberMention};
use crate::tokens::{Token, TokenKind};

fn is_quote(t: &Token) -> bool {
    matches!(t.lower.as_str(), "\"" | "«" | "»")
}

/// The index of the token the number counts, if one follows it.
pub(crate) fn noun_index(lx: &Lexicon, tokens: &[Token], m: &NumberMention) -> Option<usize> {
    let mut k = m.last + 1;
    if m.takes_de {
        // "2 millions d'euros", "« deux millions » de manifestants"; in "dont 250 millions
        // consacrés" the noun was left out.
        while tokens.get(k).is_some_and(is_quote) {
            k += 1;
        }
        if tokens.get(k).is_some_and(|t| lx.grammar.de.is(t)) {
            k += 1;
        } else if !matches!(m.form, NumberForm::ApproxNoun | NumberForm::Vague { .. }) {
            return None;
        }
    }
    // "un tiers des morts", "la moitié du pays", "un cinquième de la population"
    if m.form == NumberForm::Fraction {
        if !tokens.get(k).is_some_and(|t| lx.grammar.de.is(t)) {
            return None;
        }
        k += 1;
        if tokens.get(k).is_some_and(|t| lx.grammar.articles.is(t)) {
            k += 1;
        }
    }
    // "12 des 45 frappes": the part counts the whole's noun.
    if tokens.get(k).is_some_and(|t| lx.grammar.whole_of.is(t))
        && tokens
            .get(k + 1)
            .is_some_and(|t| t.kind == TokenKind::Digits || lx.cardinals.contains(t.lower.as_str()))
    {
        k += 2;
        while tokens
            .get(k)
            .is_some_and(|t| t.kind == TokenKind::Digits || lx.cardinals.contains(t.lower.as_str()))
        {
            k += 1;
        }
    }
    while tokens
        .get(k)
        .is_some_and(|t| is_quote(t) || lx.adjectives_before.contains(t.lower.as_str()))
    {
        k += 1;
    }
    let t = tokens.get(k)?;
    let is_noun = t.kind == TokenKind::Word
        && !lx.function_words.contains(t.lower.as_str())
        && !lx.cardinals.contains(t.lower.as_str())
        && !lx.months.contains_key(t.lower.as_str())
        && !lx.weekdays.contains_key(t.lower.as_str());
    is_noun.then_some(k)
}

/// The noun of a "de" complement after token `last`: "85 % de la population", "12 % du
/// commerce mondial".
pub(crate) fn noun_after(lx: &Lexicon, tokens: &[Token], last: usize) -> Option<usize> {
    let mut k = last + 1;
    if !tokens.get(k).is_some_and(|t| lx.grammar.de.is(t)) {
        return None;
    }
    k += 1;
    if tokens.get(k).is_some_and(|t| lx.grammar.is_determiner(t)) {
        k += 1;
    }
    let t = tokens.get(k)?;
    (t.kind == TokenKind::Word && !lx.function_words.contains(t.lower.as_str())).then_some(k)
}

/// Whether the figure is a part of a group named before: "deux d'entre eux", "quarante et une
/// d'entre elles". It counts what the group counts.
pub(crate) fn part_of_antecedent(lx: &Lexicon, tokens: &[Token], m: &NumberMention) -> bool {
    lx.grammar.among.at(tokens, m.last + 1).is_some()
}

/// What a zero negates: the noun after it ("aucune blessure", "sans faire de blessé", "ni
/// blessures"), or the one after "ni" when the first is not something that happens ("aucun
/// dégât ni blessé").
pub(crate) fn zero_noun(lx: &Lexicon, tokens: &[Token], m: &NumberMention) -> Option<usize> {
    let first = m.last + 1;
    let word = |k: usize| {
        tokens
            .get(k)
            .filter(|t| t.kind == TokenKind::Word && !lx.function_words.contains(t.lower.as_str()))
            .map(|_| k)
    };
    let noun = word(first)?;
    let happens = |k: usize| {
        lx.events.contains(lx.lemma(&tokens[k].lower))
            || crate::fields::predicate::carried(lx, &tokens[k].lower).is_some()
    };
    if happens(noun) {
        return Some(noun);
    }
    let mut k = noun + 1;
    while k < tokens.len().min(noun + 5) {
        if lx.grammar.neither.is(&tokens[k])
            && let Some(n) = word(k + 1).filter(|&n| happens(n))
        {
            return Some(n);
        }
        k += 1;
    }
    Some(noun)
}

/// The noun of "le nombre de morts a atteint 1 293", "ajuste les statistiques de décès à 3
/// 958", "le bilan des victimes s'élève à 820": a count noun before the figure, in its
/// sentence, names what a figure without a noun of its own counts.
pub(crate) fn count_noun_before(lx: &Lexicon, tokens: &[Token], first: usize) -> Option<usize> {
    (0..first).rev().find_map(|k| {
        if !lx.count_nouns.contains(tokens[k].lower.as_str()) {
            return None;
        }
        let de = tokens.get(k + 1)?;
        if !lx.grammar.de.is(de) {
            return None;
        }
        let n = k + 2;
        let t = tokens.get(n)?;
        (n < first && t.kind == TokenKind::Word && !lx.function_words.contains(t.lower.as_str()))
            .then_some(n)
    })
}

/// The group a figure without a noun is part of, named before it: "Parmi les policiers et
/// gendarmes blessés, trois sont dans une situation difficile".
pub(crate) fn group_noun_before(lx: &Lexicon, tokens: &[Token], first: usize) -> Option<usize> {
    (0..first).rev().find_map(|k| {
        if !lx.group_openers.contains(tokens[k].lower.as_str()) {
            return None;
        }
        let det = tokens.get(k + 1)?;
        if !(lx.grammar.is_determiner(det) || lx.grammar.de.is(det)) {
            return None;
        }
        let n = k + 2;
        let t = tokens.get(n).filter(|_| n < first)?;
        // The group phrase ends before the figure, at a comma.
        let closed = tokens[n..first].iter().any(|t| t.is(","));
        (closed && t.kind == TokenKind::Word && !lx.function_words.contains(t.lower.as_str()))
            .then_some(n)
    })
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
    // "16 drones ont été abattus": shot down, not dead.
    if lx.things.contains(lx.lemma(&tokens[noun].lower)) {
        return None;
    }
    let mut k = noun + 1;
    while k < until.min(noun + 10) {
        let t = &tokens[k];
        if t.kind == TokenKind::Punct && t.lower != "\"" {
            return None;
        }
        if let Some(state) = lx.participle(&t.lower, &lx.states) {
            let mut p = k - 1;
            while p > noun && lx.grammar.is_adverb(&tokens[p].lower) {
                p -= 1;
            }
            let passive = lx.grammar.passive.is(&tokens[p]);
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

/// The nouns coordinated with the counted noun at `k`, as token indices: "21 missiles et
/// drones", "18 drones, missiles de croisière et missiles balistiques". A noun after "et" or a
/// comma, with no determiner or number before it, is counted together with the first, when the
/// list ends with "et" (a comma alone is an apposition: "820 morts, alors que…"); a "de"
/// complement of a noun ("missiles de croisière") is passed over. Stops at anything else.
pub(crate) fn coordinated_nouns(
    lx: &Lexicon,
    tokens: &[Token],
    k: usize,
    until: usize,
) -> Vec<usize> {
    let is_noun = |t: &Token| {
        t.kind == TokenKind::Word
            && !t.upper
            && t.lower.chars().count() > 2
            && !lx.function_words.contains(t.lower.as_str())
            && !lx.cardinals.contains(t.lower.as_str())
            && !lx.months.contains_key(t.lower.as_str())
            && !lx.weekdays.contains_key(t.lower.as_str())
            && !lx.grammar.auxiliaries.is(t)
            && !lx.grammar.is_determiner(t)
            && !lx.indefinite.contains(t.lower.as_str())
            && !lx.vague_determiners.contains(t.lower.as_str())
            && !lx.grammar.is_participle(&t.lower)
            && !lx.grammar.is_adverb(&t.lower)
    };
    let mut out = Vec::new();
    // How many items of `out` a closing "et" has confirmed.
    let mut closed = 0;
    let mut at = k;
    loop {
        let mut j = at + 1;
        // "missiles de croisière": a complement of the noun.
        while j + 1 < until && lx.grammar.de.is(&tokens[j]) && is_noun(&tokens[j + 1]) {
            j += 2;
        }
        if j + 1 >= until || !(lx.grammar.and.is(&tokens[j]) || tokens[j].is(",")) {
            break;
        }
        if !is_noun(&tokens[j + 1]) {
            break;
        }
        out.push(j + 1);
        if lx.grammar.and.is(&tokens[j]) {
            closed = out.len();
        }
        at = j + 1;
    }
    out.truncate(closed);
    out
}

/// Where the noun phrase starting after `from` ends: punctuation, a verb, the next number.
pub(crate) fn noun_phrase_end(lx: &Lexicon, tokens: &[Token], from: usize, until: usize) -> usize {
    let mut k = from + 1;
    while k < until.min(from + 8) {
        let t = &tokens[k];
        if t.kind == TokenKind::Punct && t.lower != "-" || lx.grammar.noun_phrase_ends.is(t) {
            break;
        }
        k += 1;
    }
    k
}
