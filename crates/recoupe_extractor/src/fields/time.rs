//! What a sentence says about time, resolved against the article's date: windows of running
//! totals ("depuis le 17 octobre", "entre … et …", "en trois mois"), the as-of date a window
//! closes on, the days of its events, and the marks of a running total ("jusqu'à présent")
//! or of a sum ("au total").

use chrono::Duration;
use recoupe_parser::{DayInterval, Span};

use crate::Lexicon;
use crate::dates::DateMention;
use crate::lexicon::phrase_at;
use crate::tokens::{Token, TokenKind};

/// What a sentence says about time.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct SentenceTime {
    /// Start of a running total's window, and the words that gave it.
    pub window_start: Option<(DayInterval, Span)>,
    /// The date the figures hold at, when the sentence fixes it ("… et le 3 novembre").
    pub as_of: Option<(DayInterval, Span)>,
    /// Days the sentence's events happened ("jeudi", "le 8 décembre"), in order, with the
    /// token they start at and whether a reporting verb stands by them ("a déclaré jeudi"):
    /// the day a figure was given, not the day it is about.
    pub event_days: Vec<EventDay>,
    /// A mark of a running total over time ("jusqu'à présent", "le bilan est passé à").
    pub cumulative_marker: Option<Span>,
    /// A mark of a sum ("au total", "en tout"): a running total when events are counted.
    pub sum_marker: Option<Span>,
    /// Token ranges that are dates (so their numbers are not counts).
    pub date_tokens: Vec<(usize, usize)>,
}

/// A day a sentence names for its events.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct EventDay {
    pub days: DayInterval,
    pub span: Span,
    pub first: usize,
    /// Whether a reporting verb stands by it: the day the figure was given.
    pub report: bool,
    /// Whether it dates an event the sentence names ("la crue du 14 mai", "l'attaque de
    /// dimanche", "le séisme qui a frappé le Maroc vendredi soir"): when what is counted
    /// happened, not when a toll of it held.
    pub of_event: bool,
    /// Whether the text writes its year.
    pub explicit_year: bool,
    /// The weekday, when the text gives only that.
    pub bare_weekday: Option<chrono::Weekday>,
    /// The participle it qualifies a noun through, without an auxiliary ("la coalition
    /// lancée en 2014"): it dates that noun, not a figure before it.
    pub attributive: Option<usize>,
}

impl SentenceTime {
    /// The sentence's time for a figure whose noun is at `noun`: without the dates of a year
    /// the text writes that qualify another noun after it ("900 soldats … avec la coalition
    /// lancée en 2014"): history of that noun, not the figure's time. A participle right
    /// after the figure's noun, or after one adjective, still dates it ("900 soldats
    /// américains déployés en 2014").
    pub fn for_figure(&self, noun: usize) -> SentenceTime {
        let mut t = self.clone();
        t.event_days
            .retain(|d| !d.explicit_year || d.attributive.is_none_or(|p| p <= noun + 2));
        t
    }

    /// The weekday of the date written at `span`, when the text gives only that.
    pub fn bare_weekday(&self, span: Span) -> Option<chrono::Weekday> {
        self.event_days
            .iter()
            .find(|d| d.span == span)
            .and_then(|d| d.bare_weekday)
    }

    /// The day a toll holds at: a date of its clause that is not its event's ("à 22 heures
    /// samedi soir", "communiqués samedi matin"), a reported one first; else such a date of
    /// the sentence.
    pub fn toll_day(&self, clause: (usize, usize)) -> Option<(DayInterval, Span)> {
        let of = |d: &EventDay| (d.days, d.span);
        let held = |d: &&EventDay| !d.of_event;
        let in_clause = |d: &&EventDay| d.first >= clause.0 && d.first < clause.1;
        self.event_days
            .iter()
            .filter(held)
            .filter(in_clause)
            .find(|d| d.report)
            .or_else(|| self.event_days.iter().filter(held).find(in_clause))
            .or_else(|| self.event_days.iter().filter(held).find(|d| d.report))
            .or_else(|| self.event_days.iter().find(held))
            .map(of)
    }

    /// When the sentence says its figures were given: a date by a reporting verb ("a déclaré
    /// jeudi soir", "a fait état vendredi de"), the one of the figure's clause first.
    pub fn reported_day(&self, clause: (usize, usize)) -> Option<EventDay> {
        let in_clause = |d: &&EventDay| d.first >= clause.0 && d.first < clause.1;
        self.event_days
            .iter()
            .filter(|d| d.report)
            .find(in_clause)
            .or_else(|| self.event_days.iter().find(|d| d.report))
            .copied()
    }

    /// The date of the event a figure counts, when the sentence names it ("l'attaque de
    /// dimanche").
    pub fn event_date(&self, clause: (usize, usize)) -> Option<(DayInterval, Span)> {
        let of = |d: &EventDay| (d.days, d.span);
        self.event_days
            .iter()
            .filter(|d| d.of_event)
            .find(|d| d.first >= clause.0 && d.first < clause.1)
            .or_else(|| self.event_days.iter().find(|d| d.of_event))
            .map(of)
    }

    /// The day the count of one event holds at: a date of its own clause that is not only
    /// when it was reported ("blessés lundi, a indiqué ce mardi"), else such a date of the
    /// sentence, else a reported one.
    pub fn event_day(&self, clause: (usize, usize)) -> Option<(DayInterval, Span)> {
        let of = |d: &EventDay| (d.days, d.span);
        let in_clause = |d: &&EventDay| d.first >= clause.0 && d.first < clause.1;
        self.event_days
            .iter()
            .filter(in_clause)
            .find(|d| !d.report)
            .or_else(|| self.event_days.iter().find(|d| !d.report))
            .or_else(|| self.event_days.iter().find(in_clause))
            .or_else(|| self.event_days.first())
            .map(of)
    }
}

/// Reads the time of a sentence. `anchors` resolves "depuis le début de la guerre" when the
/// date was given elsewhere in the article.
pub(crate) fn read_sentence_time(
    lx: &Lexicon,
    tokens: &[Token],
    dates: &[DateMention],
    reference: Option<DayInterval>,
    anchors: &[(String, DayInterval)],
) -> SentenceTime {
    let mut st = SentenceTime {
        date_tokens: dates.iter().map(|d| (d.first, d.last)).collect(),
        ..SentenceTime::default()
    };
    let span_of = |a: usize, b: usize| -> Span {
        let s = tokens.get(a).map_or(Span::default(), |t| t.span);
        let e = tokens.get(b).map_or(s, |t| t.span);
        s.cover(e)
    };
    let date_at = |from: usize, within: usize| {
        dates
            .iter()
            .find(|d| d.first >= from && d.first <= from + within)
    };
    let mut used: Vec<usize> = Vec::new();
    for (i, t) in tokens.iter().enumerate() {
        // "entre le 17 octobre et le 3 novembre", "du 17 octobre au 3 novembre"
        let occasion = i > 0 && lx.occasions.contains(tokens[i - 1].lower.as_str());
        if lx.span_openers.contains(t.lower.as_str())
            && !occasion
            && st.as_of.is_none()
            && let Some(a) = date_at(i + 1, 1)
        {
            let joiner = tokens.get(a.last + 1).map(|j| j.lower.as_str());
            if matches!(joiner, Some("et") | Some("au"))
                && let Some(b) = date_at(a.last + 2, 1)
            {
                st.window_start = Some((a.days, span_of(i, a.last)));
                st.as_of = Some((b.days, span_of(a.last + 1, b.last)));
                used.extend([a.first, b.first]);
                continue;
            }
        }
        if lx.window_closers.iter().any(|w| phrase_at(tokens, i, w))
            && st.as_of.is_none()
            && let Some(b) = date_at(i + 1, 2)
        {
            st.as_of = Some((b.days, span_of(i, b.last)));
            used.push(b.first);
        }
        if lx.window_openers.contains(t.lower.as_str()) && st.window_start.is_none() {
            // "depuis le début de la guerre … le 7 octobre"
            let debut = (i + 1..=i + 2).find(|&k| tokens.get(k).is_some_and(|d| d.is("début")));
            if let Some(k) = debut {
                let key = anchor_key(tokens, k);
                if let Some(d) = dates.iter().find(|d| d.first > k && d.first <= k + 14) {
                    st.window_start = Some((d.days, span_of(i, d.last)));
                    used.push(d.first);
                } else if let Some((_, days)) = key
                    .as_ref()
                    .and_then(|key| anchors.iter().find(|(a, _)| a == key))
                {
                    st.window_start = Some((*days, span_of(i, k + 3)));
                } else {
                    // A start the text does not date still makes a running total.
                    st.cumulative_marker.get_or_insert(span_of(i, k));
                }
                continue;
            }
            if let Some(d) = date_at(i + 1, 2) {
                st.window_start = Some((d.days, span_of(i, d.last)));
                used.push(d.first);
                continue;
            }
            // "depuis l'attaque du Hamas contre Israël, le 7 octobre": an event, then its date.
            if let Some(d) = dates.iter().find(|d| {
                d.first > i + 2
                    && d.first <= i + 12
                    && tokens[i + 1..d.first]
                        .iter()
                        .any(|w| lx.events.contains(lx.lemma(&w.lower)))
                    && !tokens[i + 1..d.first]
                        .iter()
                        .any(|w| w.kind == TokenKind::Digits)
            }) {
                st.window_start = Some((d.days, span_of(i, d.last)));
                used.push(d.first);
                continue;
            }
            // "depuis deux semaines", "depuis 10 jours"
            if let (Some((back, last)), Some(r)) = (duration_at(lx, tokens, i + 1), reference)
                && let Some(window) = before(r, back)
            {
                st.window_start = Some((window, span_of(i, last)));
            }
        }
        // "en trois mois", "sur deux semaines": a running total over that span.
        if lx.span_durations.contains(t.lower.as_str())
            && st.window_start.is_none()
            && let Some((back, last)) = duration_at(lx, tokens, i + 1)
            && let Some(r) = reference
            && let Some(window) = before(r, back)
        {
            st.window_start = Some((window, span_of(i, last)));
            st.cumulative_marker.get_or_insert(span_of(i, last));
        }
        if st.cumulative_marker.is_none()
            && let Some(m) = lx
                .cumulative_markers
                .iter()
                .find(|m| phrase_at(tokens, i, m))
        {
            st.cumulative_marker = Some(span_of(i, i + m.len() - 1));
        }
        if st.sum_marker.is_none()
            && let Some(m) = lx.sum_markers.iter().find(|m| phrase_at(tokens, i, m))
        {
            st.sum_marker = Some(span_of(i, i + m.len() - 1));
        }
    }
    let reporting = |k: usize| {
        tokens.get(k).is_some_and(|t| {
            lx.source_verbs.contains(t.lower.as_str())
                || matches!(
                    lx.predicates.verb_at(tokens, k).map(|p| &p.value),
                    Some(crate::lexicon::VerbKind::Reporting)
                )
        })
    };
    // A date dates an event when an event noun stands before it in its phrase: "la crue du
    // 14 mai", "le séisme qui a frappé le Maroc vendredi soir" (not past a comma or a figure).
    let of_event = |first: usize| {
        (first.saturating_sub(16)..first)
            .rev()
            .take_while(|&k| {
                let t = &tokens[k];
                !(t.kind == TokenKind::Digits
                    || (t.kind == TokenKind::Punct
                        && matches!(t.lower.as_str(), "," | ";" | ":" | "." | "(" | ")")))
            })
            .any(|k| {
                let w = &tokens[k].lower;
                lx.events.contains(lx.lemma(w)) || lx.gazetteer.event_nouns.contains(w.as_str())
            })
    };
    st.event_days = dates
        .iter()
        .filter(|d| !used.contains(&d.first) && !d.comparison)
        .map(|d| EventDay {
            days: d.days,
            span: span_of(d.first, d.last),
            first: d.first,
            // A reporting verb just before it ("a déclaré jeudi"), or after it in the clause
            // it opens ("Au lendemain de cette journée, le ministre annonce …").
            report: !d.of_event
                && ((d.first.saturating_sub(3)..d.first).any(reporting)
                    || (d.first <= 2
                        && (d.last + 1..tokens.len())
                            .take_while(|&k| {
                                tokens[k].kind != TokenKind::Digits
                                    || dates.iter().any(|m| m.first <= k && k <= m.last)
                            })
                            .any(reporting))),
            of_event: d.of_event || of_event(d.first),
            explicit_year: d.explicit_year,
            bare_weekday: d.bare_weekday,
            attributive: attributive(lx, tokens, d.first),
        })
        .collect();
    // "dans la nuit de vendredi à samedi": a date listed after another shares its role.
    for k in 1..st.event_days.len() {
        let (a, b) = (st.event_days[k - 1], st.event_days[k]);
        let joined = dates.iter().find(|d| d.first == a.first).is_some_and(|d| {
            b.first > d.last
                && tokens[d.last + 1..b.first]
                    .iter()
                    .all(|t| matches!(t.lower.as_str(), "à" | "au" | "et" | "," | "de"))
        });
        if joined && a.of_event {
            st.event_days[k].of_event = true;
        }
    }
    st
}

/// "trois mois", "10 jours" at `at`: the span and the index of its last token. None when
/// the span is not a count of days the calendar can hold.
fn duration_at(lx: &Lexicon, tokens: &[Token], at: usize) -> Option<(Duration, usize)> {
    let n = tokens.get(at)?;
    let unit = tokens.get(at + 1)?;
    let days = lx.durations.get(unit.lower.as_str())?;
    let count = n
        .value
        .or_else(|| crate::numbers::words_value(&[n.lower.as_str()]))?;
    if !(0.0..=1e6).contains(&count) {
        return None;
    }
    let total = (count as i64).checked_mul(*days)?;
    Some((Duration::try_days(total)?, at + 1))
}

/// The days `back` before `r`, if the calendar holds them.
fn before(r: DayInterval, back: Duration) -> Option<DayInterval> {
    Some(DayInterval::new(
        r.first.checked_sub_signed(back)?,
        r.last.checked_sub_signed(back)?,
    ))
}

/// The noun after "début de (la|l')" that names what began ("guerre").
pub(crate) fn anchor_key(tokens: &[Token], debut: usize) -> Option<String> {
    let mut k = debut + 1;
    while tokens.get(k).is_some_and(|t| {
        matches!(
            t.lower.as_str(),
            "de" | "du" | "des" | "la" | "l'" | "le" | "d'"
        )
    }) {
        k += 1;
    }
    tokens
        .get(k)
        .filter(|t| t.kind == TokenKind::Word)
        .map(|t| t.lower.to_string())
}

/// "début de la guerre … le 7 octobre" anywhere in a sentence: what began, and when.
pub(crate) fn find_anchors(tokens: &[Token], dates: &[DateMention]) -> Vec<(String, DayInterval)> {
    let mut out = Vec::new();
    for (k, t) in tokens.iter().enumerate() {
        if t.is("début")
            && let (Some(key), Some(d)) = (
                anchor_key(tokens, k),
                dates.iter().find(|d| d.first > k && d.first <= k + 14),
            )
        {
            out.push((key, d.days));
        }
    }
    out
}

/// The participle through which the date at `first` qualifies a noun, when no auxiliary
/// makes it a verb: "la coalition lancée en 2014", "l'accord signé le 3 mars 2020".
fn attributive(lx: &Lexicon, tokens: &[Token], first: usize) -> Option<usize> {
    let k = first.checked_sub(1)?;
    let p = if matches!(
        tokens[k].lower.as_str(),
        "en" | "le" | "depuis" | "dès" | "de" | "du"
    ) {
        k.checked_sub(1)?
    } else {
        k
    };
    let w = &tokens[p].lower;
    let participle = lx.grammar.is_participle(w);
    (participle
        && p > 0
        && !lx.grammar.auxiliaries.is(&tokens[p - 1])
        && !lx.grammar.negation.is(&tokens[p - 1]))
    .then_some(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dates::find_dates;
    use crate::tokens::tokenize;
    use chrono::NaiveDate;
    use recoupe_parser::PartialDate;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap_or_default()
    }

    fn time_of(text: &str, article: &str) -> SentenceTime {
        let Ok(lx) = Lexicon::french() else {
            return SentenceTime::default();
        };
        let tokens = tokenize(text, 0);
        let reference = PartialDate::parse(article).ok().map(|d| d.interval());
        let dates = find_dates(&lx, &tokens, reference);
        read_sentence_time(&lx, &tokens, &dates, reference, &[])
    }

    #[test]
    fn window_and_as_of_from_entre() {
        let st = time_of(
            "entre le 17 octobre et le 3 novembre, quelque 17 attaques",
            "2023-11",
        );
        assert_eq!(
            st.window_start.map(|x| x.0),
            Some(DayInterval::day(d(2023, 10, 17)))
        );
        assert_eq!(
            st.as_of.map(|x| x.0),
            Some(DayInterval::day(d(2023, 11, 3)))
        );
    }

    #[test]
    fn depuis_a_date_a_mid_month_and_the_start_of_the_war() {
        let st = time_of("au moins 102 attaques depuis le 17 octobre", "2023-12");
        assert_eq!(
            st.window_start.map(|x| x.0),
            Some(DayInterval::day(d(2023, 10, 17)))
        );
        let st = time_of("depuis la mi-octobre, plus de 150 attaques", "2024-01");
        assert_eq!(
            st.window_start.map(|x| x.0),
            Some(DayInterval::new(d(2023, 10, 11), d(2023, 10, 20)))
        );
        let st = time_of(
            "depuis le début de la guerre entre Israël et le Hamas le 7 octobre",
            "2023-11",
        );
        assert_eq!(
            st.window_start.map(|x| x.0),
            Some(DayInterval::day(d(2023, 10, 7)))
        );
        let st = time_of("depuis deux semaines", "2023-11-15");
        assert_eq!(
            st.window_start.map(|x| x.0),
            Some(DayInterval::day(d(2023, 11, 1)))
        );
    }

    #[test]
    fn weekdays_are_intervals_when_the_article_date_is_a_month() {
        let st = time_of("Trois attaques ont eu lieu jeudi", "2023-11-10");
        assert_eq!(
            st.event_day((0, 99)).map(|x| x.0),
            Some(DayInterval::day(d(2023, 11, 9)))
        );
        let st = time_of("Trois attaques ont eu lieu jeudi", "2023-11");
        assert_eq!(
            st.event_day((0, 99)).map(|x| x.0),
            Some(DayInterval::new(d(2023, 10, 26), d(2023, 11, 30)))
        );
    }

    #[test]
    fn a_date_later_than_the_article_is_last_year() {
        let st = time_of("le 20 décembre", "2024-01");
        assert_eq!(
            st.event_day((0, 99)).map(|x| x.0),
            Some(DayInterval::day(d(2023, 12, 20)))
        );
    }

    #[test]
    fn markers_of_running_totals() {
        let st = time_of("Jusqu'à présent, 56 militaires ont été blessés", "2023-11");
        assert!(st.cumulative_marker.is_some());
        assert!(st.window_start.is_none());
    }
}
