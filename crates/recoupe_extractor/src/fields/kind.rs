//! Running total, one event's count, a level, or a change, from the language:
//!
//! - a figure of something that happens (an event noun, "27 attaques"; people at an event,
//!   "1,2 million de manifestants"; a casualty or an event as predicate, "56 militaires ont
//!   été blessés") is never a level;
//! - it is a running total with a window ("depuis le 17 octobre", "en trois mois"), a mark of
//!   time ("jusqu'à présent", "le bilan est passé à", "porte le nombre total de … à 61"), as
//!   the n-th of its kind ("la vingt-sixième attaque"), or as a casualty toll in an article
//!   that gives one ("le bilan provisoire… 632 morts");
//! - a sum ("au total", "en tout") is a running total when events are counted ("au total, 27
//!   attaques"), the total of one occasion otherwise ("au total, 24 policiers ont été blessés"
//!   that day);
//! - "300 soldats supplémentaires", "en hausse de 3 points" are changes; the rest are levels.
//!
//! A window with a mark of a total makes any figure a running total ("entre le 1er et le 16
//! février, le cumul des précipitations a atteint 2,7 mm").

use crate::{ClaimKind, PredicateClass};

/// What decides a figure's kind.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct KindSigns {
    /// The counted noun names an event ("attaque", "frappe", "mort").
    pub event_noun: bool,
    /// The counted noun names people at an event ("manifestant", "spectateur").
    pub participants: bool,
    /// The predicate's class, if any.
    pub predicate: Option<PredicateClass>,
    /// Counted by an ordinal ("la vingt-sixième attaque").
    pub ordinal: bool,
    /// The sentence opens a window ("depuis le 17 octobre").
    pub window: bool,
    /// A mark of a running total over time.
    pub cumulative_marker: bool,
    /// A mark of a sum.
    pub sum_marker: bool,
    /// The article reports a toll ("bilan").
    pub toll: bool,
    /// A change marker in the figure's noun phrase, or a change before it.
    pub change: bool,
    /// The sentence dates its figures well before the article ("Le 24 février 2004, un
    /// séisme… faisant 628 morts"): a past event, not today's toll.
    pub historic: bool,
}

/// The kind the signs give.
pub(crate) fn kind(s: KindSigns) -> ClaimKind {
    let casualty = matches!(
        s.predicate,
        Some(
            PredicateClass::Death
                | PredicateClass::Wounded
                | PredicateClass::Missing
                | PredicateClass::Displaced
        )
    );
    // What a running total can count: events, and people things happened to. Targets hit,
    // missiles shot down and marchers are counted per operation ("ont frappé trois bases").
    let tallied = s.event_noun
        || casualty
        || matches!(
            s.predicate,
            Some(PredicateClass::Evacuated | PredicateClass::Arrested)
        );
    let eventive = s.event_noun || s.participants || s.predicate.is_some_and(|c| !c.is_level());
    if s.ordinal {
        return ClaimKind::Cumulative;
    }
    if eventive {
        // A toll of today's disaster, not of one the article recalls.
        if (tallied && (s.window || s.cumulative_marker))
            || (s.sum_marker && s.event_noun)
            || (s.toll && casualty && !s.historic)
        {
            return ClaimKind::Cumulative;
        }
        return ClaimKind::Event;
    }
    if s.window && s.cumulative_marker {
        return ClaimKind::Cumulative;
    }
    if s.change {
        return ClaimKind::Change;
    }
    ClaimKind::Level
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn casualties_and_events_are_never_levels() {
        let wounded = KindSigns {
            predicate: Some(PredicateClass::Wounded),
            ..KindSigns::default()
        };
        assert_eq!(kind(wounded), ClaimKind::Event);
        assert_eq!(
            kind(KindSigns {
                toll: true,
                ..wounded
            }),
            ClaimKind::Cumulative
        );
        assert_eq!(
            kind(KindSigns {
                sum_marker: true,
                ..wounded
            }),
            ClaimKind::Event,
            "au total, 24 policiers ont été blessés: that day's total"
        );
        let attacks = KindSigns {
            event_noun: true,
            sum_marker: true,
            ..KindSigns::default()
        };
        assert_eq!(kind(attacks), ClaimKind::Cumulative);
        let deployed = KindSigns {
            predicate: Some(PredicateClass::Deployed),
            ..KindSigns::default()
        };
        assert_eq!(kind(deployed), ClaimKind::Level);
        assert_eq!(
            kind(KindSigns {
                change: true,
                ..deployed
            }),
            ClaimKind::Change
        );
    }
}
