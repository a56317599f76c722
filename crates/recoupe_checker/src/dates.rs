//! Date problems: an article whose header date disagrees by more than a year with what its
//! own text says of its present: a dateline, a publication line, a date it gives as its
//! present, a weekday with its day (a 2025 header on a text whose dateline is "WASHINGTON, 20
//! décembre 2023"). History a text recalls ("la crue de 2002") says nothing against it. The
//! claims of a misdated article are not used to order timelines.

use recoupe_extractor::{PresentDate, PresentEvidence};
use recoupe_parser::{ArticleId, DayInterval, PartialDate, Span};

/// What an article says about when it is.
#[derive(Debug, Clone)]
pub struct ArticleDates {
    /// The article.
    pub id: ArticleId,
    /// Its header date.
    pub header: Option<PartialDate>,
    /// What its text says of its own present.
    pub present: Vec<PresentDate>,
}

/// An article whose header date is in doubt.
#[derive(Debug, Clone, PartialEq)]
pub struct DateProblem {
    /// The article.
    pub article: ArticleId,
    /// Its header date.
    pub header: PartialDate,
    /// The date its text gives for its present.
    pub text_date: DayInterval,
    /// Where the text gives it.
    pub span: Span,
    /// What kind of evidence it is.
    pub evidence: PresentEvidence,
    /// Why, in one sentence.
    pub message: String,
}

/// Days apart that make a header doubtful.
const MAX_GAP_DAYS: i64 = 365;

/// The articles whose text gives its present more than a year from its header, unless a
/// dateline or a publication line of the text agrees with the header.
pub fn date_problems(articles: &[ArticleDates]) -> Vec<DateProblem> {
    let mut out = Vec::new();
    for a in articles {
        let Some(header) = a.header else { continue };
        let h = header.interval();
        let line = |e: PresentEvidence| {
            matches!(
                e,
                PresentEvidence::Dateline | PresentEvidence::Publication | PresentEvidence::Stamp
            )
        };
        let confirmed = a
            .present
            .iter()
            .any(|p| line(p.evidence) && p.days.gap_days(h) <= MAX_GAP_DAYS);
        if confirmed {
            continue;
        }
        let Some(far) = a.present.iter().find(|p| p.days.gap_days(h) > MAX_GAP_DAYS) else {
            continue;
        };
        let gap = far.days.gap_days(h);
        let says = match far.evidence {
            PresentEvidence::Weekday => format!(
                "its text writes «{}», a day that falls on that weekday in {}",
                far.quote,
                chrono::Datelike::year(&far.days.first)
            ),
            e => format!("its {} «{}» says {}", e.describe(), far.quote, far.days),
        };
        out.push(DateProblem {
            article: a.id.clone(),
            header,
            text_date: far.days,
            span: far.span,
            evidence: far.evidence,
            message: format!(
                "{} is dated {header} but {says} ({gap} days apart, more than a year): its figures are not used to order timelines",
                a.id
            ),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(header: &str, present: &[(&str, PresentEvidence)]) -> ArticleDates {
        ArticleDates {
            id: ArticleId("a".into()),
            header: PartialDate::parse(header).ok(),
            present: present
                .iter()
                .filter_map(|(d, e)| {
                    Some(PresentDate {
                        days: PartialDate::parse(d).ok()?.interval(),
                        span: Span::default(),
                        quote: (*d).to_owned(),
                        evidence: *e,
                    })
                })
                .collect(),
        }
    }

    #[test]
    fn a_header_far_from_the_texts_present_is_a_problem() {
        let dateline = PresentEvidence::Dateline;
        let problems = date_problems(&[article("2025-06", &[("2023-12-20", dateline)])]);
        assert_eq!(problems.len(), 1);
        assert!(problems[0].message.contains("its dateline «2023-12-20»"));
        assert!(date_problems(&[article("2024-01", &[("2023-12-20", dateline)])]).is_empty());
        assert!(
            date_problems(&[article("2025-06", &[])]).is_empty(),
            "a text that says nothing of its present (only history) is not misdated"
        );
        assert!(
            date_problems(&[article(
                "2025-06",
                &[
                    ("2023-03-13", PresentEvidence::Weekday),
                    ("2025-06-02", PresentEvidence::Publication)
                ]
            )])
            .is_empty(),
            "a publication line that agrees with the header outweighs a weekday"
        );
    }
}
