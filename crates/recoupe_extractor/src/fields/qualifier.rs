//! The qualifier of a figure: the phrase right before it ("au moins", "près de", "environ")
//! and ranges ("entre 10 et 20").

use crate::lexicon::phrase_at;
use crate::numbers::{NumberForm, NumberMention};
use crate::tokens::Token;
use crate::{Lexicon, Qualifier};

/// The qualifier phrase right before `m` ("au moins 102"), and where it starts. A fraction
/// may have its article between ("plus de la moitié").
pub(crate) fn qualifier_before(
    lx: &Lexicon,
    tokens: &[Token],
    m: &NumberMention,
) -> Option<(Qualifier, usize)> {
    let mut end = m.first;
    if m.form == NumberForm::Fraction
        && end
            .checked_sub(1)
            .is_some_and(|p| matches!(tokens[p].lower.as_str(), "la" | "le" | "l'"))
    {
        end -= 1;
    }
    lx.qualifiers.iter().find_map(|p| {
        let n = p.words.len();
        let start = end.checked_sub(n)?;
        phrase_at(tokens, start, &p.words).then_some((p.value, start))
    })
}

/// The upper end of a range that opens at `m` ("entre 10 et 20", "de 10 à 20").
pub(crate) fn range_end<'m>(
    lx: &Lexicon,
    tokens: &[Token],
    m: &NumberMention,
    next: Option<&'m NumberMention>,
) -> Option<&'m NumberMention> {
    let next = next?;
    let opener = m.first.checked_sub(1).and_then(|p| tokens.get(p))?;
    let joiner = tokens.get(m.last + 1)?;
    (lx.range_openers.contains(opener.lower.as_str())
        && lx.range_joiners.contains(joiner.lower.as_str())
        && next.first == m.last + 2
        && next.value >= m.value
        && qualifier_before(lx, tokens, m).is_none())
    .then_some(next)
}
