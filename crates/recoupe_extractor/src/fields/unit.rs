//! The unit of a figure that is not a plain count: money ("10 milliards d'euros", "$40"),
//! percentages ("85 %"), percentage points ("en hausse de 3 points") and fractions of a
//! whole ("un tiers des morts"). Counts have none.

use crate::lexicon::phrase_at;
use crate::numbers::{NumberForm, NumberMention};
use crate::tokens::Token;
use crate::{Lexicon, Unit};

/// A unit read around a figure: which, and the index of its last token.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct UnitRead {
    pub unit: Unit,
    /// Last token of the unit as written ("euros" in "10 milliards d'euros").
    pub last: usize,
}

/// The unit of `m`: written right after it (after "de" for a scale: "2 millions d'euros"), or
/// as a symbol before it ("$40"). Points are a unit only where they are a share: with
/// decimals, before "de pourcentage", or after a change ("en hausse de 3 points").
pub(crate) fn read(lx: &Lexicon, tokens: &[Token], m: &NumberMention) -> Option<UnitRead> {
    if m.form == NumberForm::Fraction {
        return Some(UnitRead {
            unit: Unit::Share,
            last: m.last,
        });
    }
    let mut k = m.last + 1;
    if m.takes_de && tokens.get(k).is_some_and(|t| t.is("de") || t.is("d'")) {
        k += 1;
    }
    if let Some(p) = lx.units.at(tokens, k) {
        let last = k + p.words.len() - 1;
        if p.value != Unit::Point || share_points(lx, tokens, m, last) {
            return Some(UnitRead {
                unit: p.value,
                last,
            });
        }
        return None;
    }
    let before = m.first.checked_sub(1)?;
    (0..=before.min(2)).find_map(|back| {
        let at = before - back;
        lx.units_before
            .at(tokens, at)
            .filter(|p| at + p.words.len() - 1 == before)
            .map(|p| UnitRead {
                unit: p.value,
                last: m.last,
            })
    })
}

/// Whether "points" after `m` are percentage points, not a count of points ("12 points
/// d'avance"): a decimal value, "de pourcentage" after, or a change before.
fn share_points(lx: &Lexicon, tokens: &[Token], m: &NumberMention, last: usize) -> bool {
    m.value.fract() != 0.0
        || tokens
            .get(last + 2)
            .is_some_and(|t| t.lower.starts_with("pourcentage"))
        || is_change(lx, tokens, m)
}

/// Whether a change opens before `m`: "en hausse de 3 points", "une baisse de 12 %".
pub(crate) fn is_change(lx: &Lexicon, tokens: &[Token], m: &NumberMention) -> bool {
    lx.change_openers.iter().any(|w| {
        m.first
            .checked_sub(w.len())
            .is_some_and(|start| phrase_at(tokens, start, w))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::numbers::find_numbers;
    use crate::tokens::tokenize;

    fn unit(text: &str) -> Option<Unit> {
        let lx = Lexicon::french().ok()?;
        let t = tokenize(text, 0);
        let m = find_numbers(&lx, &t).into_iter().next()?;
        read(&lx, &t, &m).map(|u| u.unit)
    }

    #[test]
    fn money_shares_and_points() {
        assert_eq!(unit("10 milliards d'euros d'économies"), Some(Unit::Eur));
        assert_eq!(unit("15 € par mois"), Some(Unit::Eur));
        assert_eq!(unit("3 millions de dollars"), Some(Unit::Usd));
        assert_eq!(unit("85 % de la population"), Some(Unit::Percent));
        assert_eq!(unit("12 pour cent des électeurs"), Some(Unit::Percent));
        assert_eq!(unit("en hausse de 3 points"), Some(Unit::Point));
        assert_eq!(unit("7,5 points"), Some(Unit::Point));
        assert_eq!(unit("12 points d'avance"), None);
        assert_eq!(unit("un tiers des morts"), Some(Unit::Share));
        assert_eq!(unit("300 soldats"), None);
    }
}
