//! What the text says happened to the counted thing: the predicate of a claim, as a lemma
//! ("blessé", "déployé", "manifesté") with its class (wounded, deployed, demonstrated).
//!
//! Read, in this order, from
//! 1. the verb whose object the figure is: "ont abattu 21 missiles", "a réuni 400 000
//!    personnes" (a reporting verb, "la police a compté 806 000 manifestants", gives none; a
//!    light verb, "a fait 820 morts", leaves it to the noun);
//! 2. the verb or participle after the figure's noun: "300 soldats ont été blessés", "12
//!    policiers légèrement blessés", "1,12 million de personnes ont manifesté", "51 personnes
//!    se trouvent dans un état grave" (a verb after an auxiliary wins over a bare participle:
//!    in "12 soldats déployés à Erbil ont été blessés" they were wounded);
//! 3. the counted noun when it names what happened: "632 morts", "27 attaques";
//! 4. an action noun that governs the figure: "la participation de 80 000 personnes";
//! 5. the figure it elides, passed in by the assembly: "36 000 personnes ont défilé à
//!    Toulouse, 26 000 à Marseille".
//!
//! The words are lexicon data (`predicates.toml`); a participle the lexicon does not list is
//! still read after an auxiliary ("12 maisons ont été inondées" → inondé, no class).

use recoupe_parser::Span;

use crate::Lexicon;
use crate::lexicon::{VerbKind, participle_lemma};
use crate::tokens::{Token, TokenKind};

/// Where a predicate was read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum PredicateFrom {
    /// The verb whose object the figure is.
    Verb,
    /// A verb or participle after the figure's noun.
    After,
    /// The counted noun.
    Noun,
    /// An action noun governing the figure.
    Governing,
    /// The figure it elides.
    Inherited,
}

/// A predicate read for a figure.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct PredicateRead {
    /// The lemma ("blessé").
    pub lemma: String,
    /// The words it was read from, in the normalised text (`None` when inherited).
    pub span: Option<Span>,
    /// Where.
    pub from: PredicateFrom,
    /// Whether an auxiliary stood before it ("ont été abattus"): a verb of the clause, which
    /// coordinated figures before it share, not a participle of one noun ("149 policiers
    /// blessés").
    pub with_aux: bool,
}

/// Where the figure stands in its sentence.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Figure {
    /// First token of the figure with its qualifier ("au moins 102").
    pub first: usize,
    /// Last token of the figure's noun, or of the figure when it has none.
    pub noun_end: usize,
    /// The counted noun's token, if written.
    pub noun: Option<usize>,
    /// The noun of "le nombre de morts a atteint 1 293" before the figure, if any.
    pub count_noun: Option<usize>,
    /// Where the figure's clause starts (after the figure before it).
    pub clause_start: usize,
    /// Where it ends (the next figure).
    pub clause_end: usize,
}

/// The auxiliary before a participle: "ont été blessés" and "sont morts" say what happened
/// to the subject; "ont détruit" what the subject did, unless the verb takes no object ("ont
/// manifesté").
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Aux {
    None,
    Etre,
    Avoir,
}

/// The auxiliary within three words before `k` (adverbs may stand between).
fn aux_before(lx: &Lexicon, tokens: &[Token], k: usize, floor: usize) -> Aux {
    for j in (k.saturating_sub(3).max(floor)..k).rev() {
        let w = tokens[j].lower.as_str();
        if lx.grammar.been.is(&tokens[j]) {
            return Aux::Etre;
        }
        if lx.predicates.auxiliaries.contains(w) {
            return if lx.predicates.avoir.contains(w) {
                Aux::Avoir
            } else {
                Aux::Etre
            };
        }
    }
    Aux::None
}

/// What one token of the sentence is to the predicate reader.
enum Word {
    /// A predicate, with its lemma and its last token.
    Predicate(String, usize),
    Reporting,
    Light,
    /// Something else.
    Other,
}

/// Reads the predicate of a figure; `inherited` is that of the figure it elides, `shared`
/// that of the figure it is coordinated with ("ont abattu 21 missiles et 18 drones": the
/// verb governs both).
pub(crate) fn read(
    lx: &Lexicon,
    tokens: &[Token],
    fig: Figure,
    inherited: Option<&PredicateRead>,
    shared: Option<&PredicateRead>,
) -> Option<PredicateRead> {
    let span = |a: usize, b: usize| Some(tokens[a].span.cover(tokens[b].span));
    let noun_says = fig
        .noun
        .is_some_and(|k| carried(lx, &tokens[k].lower).is_some());
    if !noun_says && let Some((a, b)) = forecast(lx, tokens, fig) {
        return Some(PredicateRead {
            lemma: lx.predicates.forecast.clone(),
            span: span(a, b),
            from: PredicateFrom::Verb,
            with_aux: true,
        });
    }
    // "a coûté la vie à 15 personnes": an idiom before the figure says it.
    if let Some((lemma, k)) = lx.predicates.idiom_before(tokens, fig.first) {
        return Some(PredicateRead {
            lemma,
            span: span(k, fig.first.saturating_sub(1)),
            from: PredicateFrom::Verb,
            with_aux: true,
        });
    }
    if let Some((lemma, a, b)) = object_verb(lx, tokens, fig) {
        return Some(PredicateRead {
            lemma,
            span: span(a, b),
            from: PredicateFrom::Verb,
            with_aux: true,
        });
    }
    if let Some(p) = shared.filter(|p| p.from != PredicateFrom::Noun) {
        return Some(PredicateRead {
            lemma: p.lemma.clone(),
            span: p.span,
            from: PredicateFrom::Verb,
            with_aux: p.with_aux,
        });
    }
    if let Some((lemma, a, b, with_aux)) = verb_after(lx, tokens, fig) {
        return Some(PredicateRead {
            lemma,
            span: span(a, b),
            from: PredicateFrom::After,
            with_aux,
        });
    }
    if let Some(k) = fig.noun
        && let Some(lemma) = carried(lx, &tokens[k].lower)
    {
        return Some(PredicateRead {
            lemma,
            span: span(k, k),
            from: PredicateFrom::Noun,
            with_aux: false,
        });
    }
    // "le nombre de morts pourrait atteindre 20 000 personnes": the count's noun says it.
    if let Some(k) = fig.count_noun
        && let Some(lemma) = carried(lx, &tokens[k].lower)
    {
        return Some(PredicateRead {
            lemma,
            span: span(k, k),
            from: PredicateFrom::Noun,
            with_aux: false,
        });
    }
    if let Some((lemma, k)) = governing(lx, tokens, fig.first) {
        return Some(PredicateRead {
            lemma,
            span: span(k, k),
            from: PredicateFrom::Governing,
            with_aux: false,
        });
    }
    inherited.map(|p| PredicateRead {
        lemma: p.lemma.clone(),
        span: None,
        from: PredicateFrom::Inherited,
        with_aux: p.with_aux,
    })
}

/// The predicate a counted noun names ("morts" → tué), if it names one.
pub(crate) fn carried(lx: &Lexicon, word: &str) -> Option<String> {
    let lemma = lx.lemma(word);
    lx.predicates
        .carried
        .get(word)
        .or_else(|| lx.predicates.carried.get(lemma))
        .cloned()
}

/// What the word at `k` is, reading it as a verb: a lexicon entry, or an unlisted participle
/// after an auxiliary.
fn word_at(lx: &Lexicon, tokens: &[Token], k: usize, after_aux: bool) -> Word {
    if let Some(p) = lx.predicates.verb_at(tokens, k) {
        let last = k + p.words.len() - 1;
        return match &p.value {
            VerbKind::Predicate(lemma) => Word::Predicate(lemma.clone(), last),
            VerbKind::Reporting => Word::Reporting,
            VerbKind::Light => Word::Light,
            // "portés disparus": the carried predicate, or the carrier itself.
            VerbKind::Carrier => match word_at(lx, tokens, last + 1, true) {
                Word::Predicate(lemma, end) => Word::Predicate(lemma, end),
                _ => Word::Reporting,
            },
        };
    }
    let t = &tokens[k];
    if after_aux
        && t.kind == TokenKind::Word
        && !lx.function_words.contains(t.lower.as_str())
        && !lx.weekdays.contains_key(t.lower.as_str())
        && !lx.months.contains_key(t.lower.as_str())
        && !lx.predicates.auxiliaries.contains(t.lower.as_str())
        && let Some(lemma) = participle_lemma(&t.lower)
    {
        return Word::Predicate(lemma, k);
    }
    Word::Other
}

fn is_adverb(lx: &Lexicon, t: &Token) -> bool {
    lx.grammar.is_adverb(&t.lower) && !lx.predicates.carried.contains_key(t.lower.as_str())
}

/// 1. The verb before the figure whose object it is, scanning back over what may stand
///    between ("a abattu au total 21", "ont été visés sur 16 sites", "n'avait rassemblé
///    « que » 480 000"). Stops at a comma, at another figure, and at a noun.
fn object_verb(lx: &Lexicon, tokens: &[Token], fig: Figure) -> Option<(String, usize, usize)> {
    let mut k = fig.first;
    let floor = fig.clause_start;
    let mut steps = 0;
    while k > floor && steps < 8 {
        k -= 1;
        steps += 1;
        let t = &tokens[k];
        // "par 18 drones": an agent, not an object. "parmi les 100 000 habitants", "selon",
        // "et": another phrase, or another figure's ("3 958 corps retrouvés et 9 000 disparus").
        if lx.grammar.agent.is(t) && k + 1 == fig.first || lx.grammar.object_stops.is(t) {
            return None;
        }
        if t.kind == TokenKind::Punct {
            if is_quote(t) {
                continue;
            }
            return None;
        }
        // Reading a verb: a finite form of the lexicon, a participle after an auxiliary, or a
        // participle that opens the sentence or follows a noun ("un cargo chargé de 21 000").
        // A participle after an auxiliary, at the start of the sentence, or after a noun ("un
        // cargo chargé de 21 000 tonnes").
        let after_aux = aux_before(lx, tokens, k, floor) != Aux::None
            || k == 0
            || (tokens[k - 1].kind == TokenKind::Word
                && !lx.function_words.contains(tokens[k - 1].lower.as_str())
                && tokens.get(k + 1).is_some_and(|d| lx.grammar.de.is(d)));
        // "ont forcé 2 000 navires à changer de route": the infinitive says what happened.
        if lx.predicates.causatives.contains(t.lower.as_str()) {
            return caused(lx, tokens, fig);
        }
        match word_at(lx, tokens, k, after_aux) {
            Word::Predicate(lemma, end) => {
                // "632 morts et 329 blessés": a noun of the figure before, not a verb.
                let noun_like = k > 0 && tokens[k - 1].kind == TokenKind::Digits;
                // "ont défilé dans 300 villes": a verb without an object has no patient.
                if noun_like || lx.predicates.intransitive.contains(&lemma) {
                    return None;
                }
                return Some((lemma, k, end));
            }
            Word::Reporting | Word::Light => return None,
            Word::Other => {}
        }
        let skippable = lx.function_words.contains(t.lower.as_str())
            || lx.qualifiers.at(tokens, k).is_some()
            || is_adverb(lx, t)
            || lx.count_nouns.contains(t.lower.as_str())
            || lx.predicates.auxiliaries.contains(t.lower.as_str())
            || lx.grammar.object_skips.is(t);
        if !skippable {
            return None;
        }
    }
    None
}

/// 2. The verb or participle after the figure's noun, before the next figure. A predicate
///    the lexicon knows, after an auxiliary, wins; then one it knows standing bare ("policiers
///    blessés", "diagnostic de commotion"); then any participle after an auxiliary.
fn verb_after(lx: &Lexicon, tokens: &[Token], fig: Figure) -> Option<(String, usize, usize, bool)> {
    let end = fig.clause_end.min(tokens.len()).min(fig.noun_end + 14);
    let mut best: Option<(u8, (String, usize, usize, bool))> = None;
    let mut k = fig.noun_end + 1;
    while k < end {
        let t = &tokens[k];
        if t.kind == TokenKind::Punct && matches!(t.lower.as_str(), ";" | ":" | "(" | ")" | ".") {
            break;
        }
        // ", a déclaré le maire": an incise gives the source, not the predicate; ", qui ont
        // défilé" says what the noun before the comma did.
        if t.kind == TokenKind::Punct
            && t.lower == ","
            && (best.is_some()
                || tokens.get(k + 1).is_some_and(|n| {
                    lx.predicates.auxiliaries.contains(n.lower.as_str())
                        || lx.grammar.relatives.is(n)
                }))
        {
            break;
        }
        if lx.grammar.new_clause.at(tokens, k).is_some() {
            break;
        }
        // "beaucoup plus qu'anticipé": a comparison, not what happened.
        if k >= 2
            && lx.grammar.that.is(&tokens[k - 1])
            && lx.grammar.comparatives.is(&tokens[k - 2])
        {
            k += 1;
            continue;
        }
        let aux = aux_before(lx, tokens, k, fig.noun_end + 1);
        let after_aux = aux != Aux::None;
        // "3 000 familles ont dû quitter leur maison": the infinitive says what happened.
        if after_aux
            && lx.predicates.modals.contains(t.lower.as_str())
            && let Some((lemma, last)) = lx.predicates.infinitive_at(tokens, k + 1)
        {
            best = Some((3, (lemma, k + 1, last, true)));
            break;
        }
        match word_at(lx, tokens, k, after_aux) {
            // "les deux armées ont détruit un missile": what the subject did; but in "les
            // 300 maisons qu'ont détruites les crues" the figure is the object.
            Word::Predicate(lemma, last)
                if aux == Aux::Avoir
                    && !lx.predicates.intransitive.contains(&lemma)
                    && !object_relative(lx, tokens, fig.noun_end + 1, k) =>
            {
                k = last + 1;
                continue;
            }
            Word::Predicate(lemma, last) => {
                let known = lx.predicates.class(&lemma).is_some()
                    || lx.predicates.verb_at(tokens, k).is_some();
                // "légèrement blessés": an adverb of a wound gives way to the participle; a
                // phrase that opens with one ("grièvement blessés") does not.
                let adverb = lx.grammar.is_adverb(&tokens[k].lower) && last == k;
                let rank = match (known && !adverb, after_aux) {
                    (true, true) => 3,
                    (true, false) => 2,
                    (false, _) => 1,
                };
                // A casualty found first stays: in "12 pompiers légèrement blessés ont été
                // soignés" they were wounded; in "12 soldats déployés à Erbil ont été blessés"
                // the wound comes second and wins.
                let casualty = |l: &str| {
                    use crate::PredicateClass::*;
                    !lx.grammar.is_adverb(l)
                        && matches!(lx.predicates.class(l), Some(Death | Wounded | Missing))
                };
                let settled = best.as_ref().is_some_and(|(_, b)| casualty(&b.0));
                if !settled
                    && best
                        .as_ref()
                        .is_none_or(|(r, _)| rank > *r || (casualty(&lemma) && known))
                {
                    best = Some((rank, (lemma, k, last, after_aux)));
                }
                if rank == 3 {
                    break;
                }
                k = last + 1;
                continue;
            }
            Word::Reporting | Word::Light if after_aux || k == fig.noun_end + 1 => break,
            _ => {}
        }
        k += 1;
    }
    best.map(|(_, b)| b)
}

/// A forecast: the figure is the value of "devrait être", "pourrait n'être que", "pourrait
/// être limitée à" before it in its clause. Gives the span from the modal to the copula.
fn forecast(lx: &Lexicon, tokens: &[Token], fig: Figure) -> Option<(usize, usize)> {
    let p = &lx.predicates;
    let floor = fig.clause_start.max(fig.first.saturating_sub(7));
    let copula = (floor..fig.first)
        .rev()
        .find(|&c| p.forecast_copulas.contains(tokens[c].lower.as_str()))?;
    // Nothing but words between the copula and the figure ("n'être que de", "être limitée à").
    if tokens[copula + 1..fig.first]
        .iter()
        .any(|t| t.kind != TokenKind::Word)
    {
        return None;
    }
    let mut m = copula;
    while m > floor {
        m -= 1;
        let w = &tokens[m].lower;
        if p.forecast_modals.contains(w.as_str()) {
            return Some((m, copula));
        }
        if !lx.grammar.negation.is(&tokens[m]) && !is_adverb(lx, &tokens[m]) {
            return None;
        }
    }
    None
}

/// The predicate a causative gives its object: the infinitive after "à" or "de" that
/// follows the figure's noun ("ont forcé 2 000 navires à changer de route" → détourné).
fn caused(lx: &Lexicon, tokens: &[Token], fig: Figure) -> Option<(String, usize, usize)> {
    let end = fig.clause_end.min(tokens.len()).min(fig.noun_end + 8);
    for link in fig.noun_end + 1..end {
        let t = &tokens[link];
        if t.kind == TokenKind::Punct && !is_quote(t) || t.kind == TokenKind::Digits {
            return None;
        }
        let links = t.is("à") || matches!(t.lower.as_str(), "de" | "d'");
        if links && let Some((lemma, last)) = lx.predicates.infinitive_at(tokens, link + 1) {
            return Some((lemma, link + 1, last));
        }
    }
    None
}

fn is_quote(t: &Token) -> bool {
    matches!(t.lower.as_str(), "\"" | "«" | "»" | "'")
}

/// Whether "que" stands before the verb at `k` with only auxiliaries and negation between:
/// the noun before is the verb's object ("les 300 maisons qu'ont détruites les crues").
fn object_relative(lx: &Lexicon, tokens: &[Token], from: usize, k: usize) -> bool {
    let mut j = k;
    while j > from {
        j -= 1;
        let t = &tokens[j];
        if lx.grammar.that.is(t) {
            return true;
        }
        if !lx.predicates.auxiliaries.contains(t.lower.as_str()) && !lx.grammar.negation.is(t) {
            return false;
        }
    }
    false
}

/// 4. "la participation de 80 000 personnes", "l'interception de 18 drones"; an attack
///    "contre" its targets ("60 frappes contre 16 cibles": the targets were hit).
fn governing(lx: &Lexicon, tokens: &[Token], first: usize) -> Option<(String, usize)> {
    let link = first.checked_sub(1)?;
    let k = link.checked_sub(1)?;
    let lemma = lx.lemma(&tokens[k].lower);
    if lx.grammar.de.is(&tokens[link]) {
        if let Some(l) = lx.predicates.governing.get(lemma) {
            return Some((l.clone(), k));
        }
        // "la progression du PIB de 0,9 %": the action noun's own complement between.
        let mut j = k;
        while j > 0 && lx.grammar.is_determiner(&tokens[j - 1]) {
            j -= 1;
        }
        let complement = tokens[k].kind == TokenKind::Word
            && !lx.function_words.contains(tokens[k].lower.as_str())
            && j > 0
            && lx.grammar.de.is(&tokens[j - 1]);
        let head = j.checked_sub(2).filter(|_| complement)?;
        let lemma = lx.lemma(&tokens[head].lower);
        return lx
            .predicates
            .governing
            .get(lemma)
            .map(|l| (l.clone(), head));
    }
    let attack = carried(lx, &tokens[k].lower)
        .is_some_and(|p| lx.predicates.class(&p) == Some(crate::PredicateClass::Attacked));
    (lx.predicates
        .target_links
        .contains(tokens[link].lower.as_str())
        && attack)
        .then(|| (lx.predicates.target.clone(), k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::find_numbers;
    use crate::tokens::tokenize;

    /// The predicate of the first figure of `text`, whose noun follows it.
    fn predicate(text: &str) -> Option<String> {
        let lx = Lexicon::french().ok()?;
        let t = tokenize(text, 0);
        let m = find_numbers(&lx, &t).into_iter().next()?;
        let noun = crate::fields::counted::noun_index(&lx, &t, &m);
        let fig = Figure {
            first: m.first,
            noun_end: noun.unwrap_or(m.last),
            noun,
            count_noun: None,
            clause_start: 0,
            clause_end: t.len(),
        };
        read(&lx, &t, fig, None, None).map(|p| p.lemma)
    }

    #[test]
    fn participles_and_verbs_after_the_noun() {
        assert_eq!(
            predicate("300 soldats ont été blessés").as_deref(),
            Some("blessé")
        );
        assert_eq!(
            predicate("12 policiers légèrement blessés").as_deref(),
            Some("blessé")
        );
        assert_eq!(
            predicate("1,2 million de personnes ont manifesté mardi").as_deref(),
            Some("manifesté")
        );
        assert_eq!(
            predicate("trois personnes étaient toujours portées disparues").as_deref(),
            Some("disparu")
        );
        assert_eq!(
            predicate("12 soldats déployés à Erbil ont été blessés").as_deref(),
            Some("blessé")
        );
        assert_eq!(
            predicate("40 militaires ont reçu un diagnostic de commotion cérébrale").as_deref(),
            Some("commotion")
        );
        assert_eq!(
            predicate("12 maisons ont été inondées").as_deref(),
            Some("inondé")
        );
        assert_eq!(
            predicate("51 personnes se trouvent dans un état grave").as_deref(),
            Some("état grave")
        );
    }

    #[test]
    fn the_verb_of_an_object_and_the_noun_itself() {
        assert_eq!(
            predicate("la marine a abattu au total 21 missiles").as_deref(),
            Some("abattu")
        );
        assert_eq!(
            predicate("le séisme a fait 2 946 morts").as_deref(),
            Some("tué")
        );
        assert_eq!(
            predicate("la police avait compté 806 000 manifestants").as_deref(),
            None
        );
        assert_eq!(
            predicate("la participation de 80 000 personnes").as_deref(),
            Some("participé")
        );
        assert_eq!(
            predicate("huit blessés ont été évacués").as_deref(),
            Some("évacué")
        );
        assert_eq!(
            predicate("2 500 soldats sont déployés en Irak").as_deref(),
            Some("déployé")
        );
        assert_eq!(
            predicate("Les rebelles ont réalisé au moins 57 attaques").as_deref(),
            Some("mené")
        );
    }

    #[test]
    fn causatives_modals_and_relatives_give_the_verb_that_says_what_happened() {
        assert_eq!(
            predicate("La tempête a forcé 40 avions à se dérouter vers Lyon").as_deref(),
            Some("détourné")
        );
        assert_eq!(
            predicate("L'incendie a contraint les 120 passagers à abandonner le navire").as_deref(),
            Some("évacué")
        );
        assert_eq!(
            predicate("Les crues ont obligé 300 habitants à évacuer").as_deref(),
            Some("évacué")
        );
        assert_eq!(
            predicate("3 000 familles ont dû quitter leur maison").as_deref(),
            Some("déplacé")
        );
        assert_eq!(
            predicate("les 300 maisons qu'ont détruites les crues").as_deref(),
            Some("détruit")
        );
        // Without "que", what the subject did to something else.
        assert_eq!(
            predicate("les 12 soldats ont détruit un char").as_deref(),
            None
        );
    }

    #[test]
    fn forecasts_finite_verbs_and_action_nouns_with_a_complement() {
        assert_eq!(
            predicate("le déficit devrait être de 4,4 % en 2025").as_deref(),
            Some("prévu")
        );
        assert_eq!(
            predicate("la croissance pourrait n'être que de 0,8 % cette année").as_deref(),
            Some("prévu")
        );
        assert_eq!(
            predicate("un objectif de 2,1 % programmé par le ministère").as_deref(),
            Some("prévu")
        );
        // A count whose noun says what happened keeps it.
        assert_eq!(
            predicate("le bilan pourrait être de 3 000 morts").as_deref(),
            Some("tué")
        );
        assert_eq!(
            predicate("la police a compté 80 000 manifestants, bien plus qu'escompté").as_deref(),
            None
        );
        assert_eq!(
            predicate("chaque jour, 300 cargos transitent par le canal").as_deref(),
            Some("transité")
        );
        assert_eq!(
            predicate("la hausse des loyers de 3,5 % annoncée lundi").as_deref(),
            Some("augmenté")
        );
    }
}
