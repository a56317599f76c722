//! Date problems: an article whose header date disagrees by more than a year with every date
//! its own text writes with a year (a 2025 header on a text about December 2023). Its claims
//! are not used to order timelines.

use recoupe_parser::{ArticleId, DayInterval, PartialDate, Span};

/// What an article says about when it is.
#[derive(Debug, Clone)]
pub struct ArticleDates {
    /// The article.
    pub id: ArticleId,
    /// Its header date.
    pub header: Option<PartialDate>,
    /// The dates its text writes with a year, with their spans.
    pub text_dates: Vec<(DayInterval, Span)>,
    /// When each of its claims holds (its as-of), for the claims that have one.
    pub claims_as_of: Vec<DayInterval>,
}

/// An article whose header date is in doubt.
#[derive(Debug, Clone, PartialEq)]
pub struct DateProblem {
    /// The article.
    pub article: ArticleId,
    /// Its header date.
    pub header: PartialDate,
    /// The text's date closest to the header.
    pub text_date: DayInterval,
    /// Where the text writes it.
    pub span: Span,
    /// Why, in one sentence.
    pub message: String,
}

/// Days apart that make a header doubtful.
const MAX_GAP_DAYS: i64 = 365;

/// The articles whose header is more than a year from every dated mention of their text,
/// when their text dates most of their figures far from the header too: an article about
/// today that recalls an earthquake of 2004 is not misdated, an archive dated 2025 about
/// December 2023 is.
pub fn date_problems(articles: &[ArticleDates]) -> Vec<DateProblem> {
    let mut out = Vec::new();
    for a in articles {
        let Some(header) = a.header else { continue };
        let h = header.interval();
        let Some((closest, span)) = a.text_dates.iter().min_by_key(|(d, _)| d.gap_days(h)) else {
            continue;
        };
        let gap = closest.gap_days(h);
        let near_header = a
            .claims_as_of
            .iter()
            .filter(|d| d.gap_days(h) <= MAX_GAP_DAYS)
            .count();
        if gap > MAX_GAP_DAYS && near_header * 2 <= a.claims_as_of.len() {
            out.push(DateProblem {
                article: a.id.clone(),
                header,
                text_date: *closest,
                span: *span,
                message: format!(
                    "{} is dated {header} but its text is about {closest} ({gap} days apart, more than a year): its figures are not used to order timelines",
                    a.id
                ),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn article(header: &str, text: &[&str]) -> ArticleDates {
        let text_dates: Vec<(DayInterval, Span)> = text
            .iter()
            .filter_map(|d| PartialDate::parse(d).ok())
            .map(|d| (d.interval(), Span::default()))
            .collect();
        ArticleDates {
            claims_as_of: text_dates.iter().map(|(d, _)| *d).collect(),
            id: ArticleId("a".into()),
            header: PartialDate::parse(header).ok(),
            text_dates,
        }
    }

    #[test]
    fn a_header_far_from_every_dated_mention_is_a_problem() {
        assert_eq!(
            date_problems(&[article("2025-06", &["2023-12-20"])]).len(),
            1
        );
        assert!(date_problems(&[article("2024-01", &["2023-12-20"])]).is_empty());
        assert!(
            date_problems(&[article("2025-06", &["2014-01", "2025-05-30"])]).is_empty(),
            "one near date is enough"
        );
        assert!(
            date_problems(&[article("2025-06", &[])]).is_empty(),
            "no dated mention, nothing to compare"
        );
        let mut recall = article("2023-09", &["2004-02-24"]);
        recall.claims_as_of = ["2023-09", "2023-09", "2004-02-24"]
            .iter()
            .filter_map(|d| PartialDate::parse(d).ok())
            .map(|d| d.interval())
            .collect();
        assert!(
            date_problems(&[recall]).is_empty(),
            "a text that recalls 2004 but dates most figures by its header is not misdated"
        );
    }
}
