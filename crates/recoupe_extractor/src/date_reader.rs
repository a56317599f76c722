//! The date reader on its own: every date of a text with its span and its days, as
//! `recoupe dates` prints them. The same reader dates claims; here its mentions are shown
//! as a reader sees them: "du 3 au 5 mars" and "entre le 17 octobre et le 3 novembre" are
//! one period, "depuis la mi-octobre" a period running to the reference day. A date whose
//! day the text does not fix stays an interval of days ("mi-octobre", "mars 2023", "mardi"
//! in an article known to its month), never a guessed day.

use recoupe_parser::{DayInterval, NormText, Span};

use crate::Lexicon;
use crate::dates::{DateContext, DateMention, find_dates_in};
use crate::tokens::{Token, tokenize};

/// What a date read from a text stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DateKind {
    /// One day, known or known only to an interval ("le 14 mai", "mi-octobre", "mardi").
    Date,
    /// Days from one to another ("du 3 au 5 mars", "depuis le 17 octobre").
    Period,
}

impl DateKind {
    /// Its name in JSON: `date` or `period`.
    pub fn as_str(self) -> &'static str {
        match self {
            DateKind::Date => "date",
            DateKind::Period => "period",
        }
    }
}

/// A date read from a text.
#[derive(Debug, Clone, PartialEq)]
pub struct ReadDate {
    /// Byte span in the text as given.
    pub span: Span,
    /// The date as written.
    pub text: String,
    /// The days it may be (a date) or covers (a period).
    pub days: DayInterval,
    /// A date or a period.
    pub kind: DateKind,
}

/// What a text says of its own present, which can tell its header date wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PresentEvidence {
    /// A dateline: "WASHINGTON, 20 décembre 2023 (Reuters) -".
    Dateline,
    /// A publication line: "Publié le 13/03/2023 à 14h05".
    Publication,
    /// A timestamp line: "2023-09-18T11:36:42Z".
    Stamp,
    /// A date the text gives as its present: "ce mercredi 6 mars 2024".
    Present,
    /// A weekday and its day, which fix the year: "lundi 13 mars" is a Monday in 2023.
    Weekday,
}

impl PresentEvidence {
    /// Its name in a sentence: "dateline", "publication line", …
    pub fn describe(self) -> &'static str {
        match self {
            PresentEvidence::Dateline => "dateline",
            PresentEvidence::Publication => "publication line",
            PresentEvidence::Stamp => "timestamp",
            PresentEvidence::Present => "present",
            PresentEvidence::Weekday => "weekday and day",
        }
    }
}

/// A date an article gives for its own present.
#[derive(Debug, Clone, PartialEq)]
pub struct PresentDate {
    /// The days it says.
    pub days: DayInterval,
    /// Where the text says it (original text).
    pub span: Span,
    /// The words.
    pub quote: String,
    /// What kind of evidence it is.
    pub evidence: PresentEvidence,
}

/// Reads every date of `text`, relative ones resolved against `reference` (the day the text
/// speaks from).
pub fn read_dates(lx: &Lexicon, text: &str, reference: DayInterval) -> Vec<ReadDate> {
    let norm = NormText::new(text);
    let tokens = tokenize(&norm.text, 0);
    let ctx = DateContext {
        reference: Some(reference),
        named_weekdays: Vec::new(),
        last_day: None,
    };
    let mentions = find_dates_in(lx, &tokens, &ctx);
    let mut out = Vec::new();
    let mut k = 0;
    while k < mentions.len() {
        let m = &mentions[k];
        let span_of = |first: usize, last: usize| {
            norm.to_original(tokens[first].span.cover(tokens[last].span))
        };
        let read = |first: usize, last: usize, days: DayInterval, kind: DateKind| {
            let span = span_of(first, last);
            ReadDate {
                span,
                text: span.slice(text).to_owned(),
                days,
                kind,
            }
        };
        // "du 3 au 5 mars", "entre le 17 octobre et le 3 novembre": one period.
        if let Some(next) = mentions.get(k + 1)
            && let Some(opener) = period_opener(&tokens, m, next)
            && m.days.first <= next.days.last
        {
            let days = DayInterval::new(m.days.first, next.days.last);
            out.push(read(opener, next.last, days, DateKind::Period));
            k += 2;
            continue;
        }
        // "depuis le 17 octobre", "depuis la mi-octobre": to the reference day.
        if let Some(opener) = since(lx, &tokens, m)
            && m.days.first <= reference.last
        {
            let days = DayInterval::new(m.days.first, reference.last.max(m.days.last));
            out.push(read(opener, m.last, days, DateKind::Period));
            k += 1;
            continue;
        }
        out.push(read(m.first, m.last, m.days, DateKind::Date));
        k += 1;
    }
    out
}

/// The token that opens a period of two dates, when `a` and `b` are its ends: "du … au …",
/// "entre … et …", "de … à …".
fn period_opener(tokens: &[Token], a: &DateMention, b: &DateMention) -> Option<usize> {
    let between: Vec<&str> = tokens
        .get(a.last + 1..b.first)?
        .iter()
        .map(|t| t.lower.as_str())
        .collect();
    let before = |back: usize| {
        a.first
            .checked_sub(back)
            .map(|k| (k, tokens[k].lower.as_str()))
    };
    let article = |w: &str| matches!(w, "le" | "la" | "l'");
    let opener = match before(1) {
        Some((k, w)) if article(w) => before(2).filter(|(_, w)| *w == "entre").map(|_| k - 1),
        Some((k, "du" | "de" | "entre")) => Some(k),
        _ => None,
    }?;
    let joined = match tokens[opener].lower.as_str() {
        "entre" => matches!(between.as_slice(), ["et"] | ["et", "le" | "la" | "l'"]),
        _ => matches!(between.as_slice(), ["au"] | ["à"] | ["à", "la" | "l'"]),
    };
    joined.then_some(opener)
}

/// The token of "depuis" before `m` ("depuis le 17 octobre", "depuis la mi-octobre").
fn since(lx: &Lexicon, tokens: &[Token], m: &DateMention) -> Option<usize> {
    let mut k = m.first.checked_sub(1)?;
    if matches!(tokens[k].lower.as_str(), "le" | "la" | "l'") {
        k = k.checked_sub(1)?;
    }
    lx.window_openers
        .contains(tokens[k].lower.as_str())
        .then_some(k)
}

#[cfg(test)]
mod tests {
    use super::*;
    use recoupe_parser::PartialDate;

    fn read(text: &str, reference: &str) -> Vec<(String, String, &'static str)> {
        let (Ok(lx), Ok(r)) = (Lexicon::french(), PartialDate::parse(reference)) else {
            return Vec::new();
        };
        read_dates(&lx, text, r.interval())
            .into_iter()
            .map(|d| (d.text, d.days.to_string(), d.kind.as_str()))
            .collect()
    }

    fn one(expected: &str, written: &str) -> (String, String, &'static str) {
        (written.to_owned(), expected.to_owned(), "date")
    }

    #[test]
    fn absolute_dates() {
        for (text, want, written) in [
            ("le 14 mai", "2023-05-14", "14 mai"),
            ("14 mai 2023", "2023-05-14", "14 mai 2023"),
            ("14/05/2023", "2023-05-14", "14/05/2023"),
            ("14.5.2023", "2023-05-14", "14.5.2023"),
            ("2023-05-14", "2023-05-14", "2023-05-14"),
            ("lundi 13/03/2023", "2023-03-13", "lundi 13/03/2023"),
            ("le 1er mars", "2023-03-01", "1er mars"),
            ("mi-octobre", "2022-10-11..2022-10-20", "mi-octobre"),
            ("fin janvier", "2023-01-21..2023-01-31", "fin janvier"),
        ] {
            assert_eq!(read(text, "2023-05-20"), [one(want, written)], "{text}");
        }
    }

    #[test]
    fn relative_dates() {
        for (text, want, written) in [
            ("hier", "2023-05-19", "hier"),
            ("avant-hier", "2023-05-18", "avant-hier"),
            ("la veille", "2023-05-19", "la veille"),
            ("lundi", "2023-05-15", "lundi"),
            ("lundi dernier", "2023-05-15", "lundi dernier"),
            (
                "la semaine dernière",
                "2023-05-08..2023-05-14",
                "la semaine dernière",
            ),
            ("il y a trois jours", "2023-05-17", "il y a trois jours"),
            ("ce week-end", "2023-05-14..2023-05-20", "ce week-end"),
        ] {
            assert_eq!(read(text, "2023-05-20"), [one(want, written)], "{text}");
        }
    }

    #[test]
    fn dates_as_the_week_and_the_month_name_them() {
        // 2016-11-07 is a Monday.
        for (text, want, written) in [
            ("ce vendredi", "2016-11-11", "vendredi"),
            ("vendredi prochain", "2016-11-18", "vendredi prochain"),
            (
                "dimanche de la semaine dernière",
                "2016-11-06",
                "dimanche de la semaine dernière",
            ),
            (
                "le premier vendredi de juillet",
                "2016-07-01",
                "premier vendredi de juillet",
            ),
            (
                "le dernier lundi du mois prochain",
                "2016-12-26",
                "dernier lundi du mois prochain",
            ),
            (
                "le 20 du mois prochain",
                "2016-12-20",
                "20 du mois prochain",
            ),
            ("Il est revenu le 27.", "2016-10-27", "le 27"),
            ("le vingt-deux,", "2016-10-22", "le vingt-deux"),
            ("il y a un mois", "2016-10-07", "il y a un mois"),
            ("dans deux semaines", "2016-11-21", "dans deux semaines"),
            ("24 heures après", "2016-11-08", "24 heures après"),
            ("après-demain", "2016-11-09", "après-demain"),
        ] {
            assert_eq!(read(text, "2016-11-07"), [one(want, written)], "{text}");
        }
    }

    #[test]
    fn numeric_dates_in_every_order_a_text_can_mean() {
        for (text, want) in [
            ("21/04/16", "2016-04-21"),
            ("05/05/89", "1989-05-05"),
            ("02/22/2016", "2016-02-22"),
            ("2015/08/12", "2015-08-12"),
            ("le 22/04", "2016-04-22"),
            ("1er avril 78.", "1978-04-01"),
            ("12 janvier, 2018", "2018-01-12"),
        ] {
            let got = read(text, "2016-11-07");
            assert_eq!(got.len(), 1, "{text}: {got:?}");
            assert_eq!(got[0].1, want, "{text}");
        }
        // A fraction, a ratio and a count are not dates.
        assert!(read("les 3/4 des votants", "2016-11-07").is_empty());
        assert!(read("ouvert 24/7", "2016-11-07").is_empty());
        assert!(read("en mars 2 attaques", "2016-11-07").len() <= 1);
        assert!(read("2014 personnes", "2016-11-07").is_empty());
    }

    #[test]
    fn years_and_parts_of_years() {
        for (text, want, written) in [
            (
                "la crue de 2002 avait fait",
                "2002-01-01..2002-12-31",
                "2002",
            ),
            ("lancée en 2014.", "2014-01-01..2014-12-31", "2014"),
            ("début 2024", "2024-01-01..2024-04-30", "début 2024"),
            ("mi-2023", "2023-05-01..2023-08-31", "mi-2023"),
        ] {
            assert_eq!(read(text, "2024-01-10"), [one(want, written)], "{text}");
        }
        assert!(read("de 2002 morts", "2024-01-10").is_empty());
        assert!(
            read("une semaine après la catastrophe", "2024-01-10").is_empty(),
            "after an event whose day the phrase does not give"
        );
    }

    #[test]
    fn periods() {
        assert_eq!(
            read("du 3 au 5 mars", "2023-03-20"),
            [(
                "du 3 au 5 mars".to_owned(),
                "2023-03-03..2023-03-05".to_owned(),
                "period"
            )]
        );
        assert_eq!(
            read("entre le 17 octobre et le 3 novembre", "2023-11-10"),
            [(
                "entre le 17 octobre et le 3 novembre".to_owned(),
                "2023-10-17..2023-11-03".to_owned(),
                "period"
            )]
        );
        assert_eq!(
            read("depuis la mi-octobre", "2023-11-10"),
            [(
                "depuis la mi-octobre".to_owned(),
                "2023-10-11..2023-11-10".to_owned(),
                "period"
            )]
        );
    }
}
