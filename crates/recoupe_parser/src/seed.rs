//! The seed format: a first line ` date YYYY-MM <lede>` (or `YYYY-MM-DD`), then paragraphs
//! separated by blank lines.

use crate::body::{self, Header};
use crate::{Article, ArticleId, Diagnostic, PartialDate, Span, decode};

/// Parses one article in the seed format. Never fails: problems come back as diagnostics.
///
/// ```
/// use recoupe_parser::{ArticleId, parse_seed};
/// let (article, diagnostics) = parse_seed(ArticleId("a".into()), " date 2023-11 Titre\n\nUn texte.".as_bytes());
/// assert!(diagnostics.is_empty());
/// assert_eq!(article.date.map(|d| d.to_string()), Some("2023-11".into()));
/// assert_eq!(article.sentences.len(), 2);
/// ```
pub fn parse_seed(id: ArticleId, bytes: &[u8]) -> (Article, Vec<Diagnostic>) {
    let (text, encoding, mut diagnostics) = decode::decode(bytes);
    let first_end = text.find('\n').unwrap_or(text.len());
    let first = text.get(..first_end).unwrap_or("");
    let (date, lede, body_start) = match read_date_line(first) {
        Ok((date, lede)) => (Some(date), Some(lede), first_end),
        Err(problem) => {
            diagnostics.push(problem);
            (None, None, 0)
        }
    };
    let header = Header {
        id,
        date,
        url: None,
        lede,
        body_start,
    };
    (body::build(header, text, encoding), diagnostics)
}

/// Reads ` date YYYY-MM[-DD] <lede>`; returns the date and the lede's span.
fn read_date_line(line: &str) -> Result<(PartialDate, Span), Diagnostic> {
    let lead = line.len() - line.trim_start().len();
    let rest = line.get(lead..).unwrap_or("");
    let Some(after_kw) = rest.strip_prefix("date ") else {
        let shown: String = line.chars().take(40).collect();
        return Err(Diagnostic::warning(
            Some(Span::new(0, line.len())),
            format!(
                "the first line should be ` date YYYY-MM <lede>` (or YYYY-MM-DD), found `{shown}`: its claims are read undated"
            ),
        ));
    };
    let date_start = lead + 5 + (after_kw.len() - after_kw.trim_start().len());
    let date_text = line
        .get(date_start..)
        .unwrap_or("")
        .split_whitespace()
        .next()
        .unwrap_or("");
    let date_span = Span::new(date_start, date_start + date_text.len());
    let date = PartialDate::parse(date_text).map_err(|why| {
        Diagnostic::warning(
            Some(date_span),
            format!("invalid date: {why}: its claims are read undated"),
        )
    })?;
    let lede_raw = line.get(date_span.end..).unwrap_or("");
    let lede_start = date_span.end + (lede_raw.len() - lede_raw.trim_start().len());
    let lede_end = date_span.end + lede_raw.trim_end().len();
    Ok((date, Span::new(lede_start, lede_end.max(lede_start))))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BoilerplateKind, ParagraphKind};

    fn parse(text: &str) -> (Article, Vec<Diagnostic>) {
        parse_seed(ArticleId("t".into()), text.as_bytes())
    }

    #[test]
    fn reads_date_lede_and_paragraphs() {
        let (a, d) =
            parse(" date 2023-11-05 Le titre\n\nPremier paragraphe. Deuxième phrase.\n\nFin.\n");
        assert!(d.is_empty(), "{d:?}");
        assert_eq!(a.date.map(|d| d.to_string()).as_deref(), Some("2023-11-05"));
        assert_eq!(a.paragraphs.len(), 3);
        assert_eq!(a.paragraphs[0].kind, ParagraphKind::Lede);
        assert_eq!(a.slice(a.paragraphs[0].span), "Le titre");
        let s: Vec<&str> = a.sentences.iter().map(|s| a.slice(s.span)).collect();
        assert_eq!(
            s,
            vec![
                "Le titre",
                "Premier paragraphe.",
                "Deuxième phrase.",
                "Fin."
            ]
        );
    }

    #[test]
    fn missing_or_bad_date_is_an_error_with_a_span_and_nothing_is_lost() {
        let (a, d) = parse("Pas de date ici.\n\nMais du texte.");
        assert_eq!(d.len(), 1);
        assert!(d[0].message.contains("first line"));
        assert_eq!(a.sentences.len(), 2, "the text is still read");

        let (_, d) = parse(" date 2023-13 Titre\n\nTexte.");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].span, Some(Span::new(6, 13)));
        assert!(d[0].message.contains("no month 13"), "{}", d[0].message);
    }

    #[test]
    fn repeated_lede_is_marked_and_not_read_twice() {
        let lede = "Washington compte environ 2500 soldats en Irak.";
        let text = format!(" date 2023-12 {lede}\n\nAutre chose.\n\n{lede}\n");
        let (a, _) = parse(&text);
        assert_eq!(a.boilerplate.len(), 1);
        assert_eq!(a.boilerplate[0].kind, BoilerplateKind::RepeatedLede);
        assert_eq!(
            a.sentences
                .iter()
                .filter(|s| a.slice(s.span) == lede)
                .count(),
            1
        );
    }

    #[test]
    fn sentences_skip_boilerplate_and_spans_slice_to_original() {
        let text = " date 2023-10 Titre\n\n(Bagdad) Les États\u{2011}Unis ont 2\u{202F}500 soldats. https://twitter.com/i/web/status/1714651248312373312 Ce post ne peut être affiché car les cookies sont désactivés. Vous pouvez les réactiver en cliquant sur gérer mes préférences .\n\nAgence France-Presse\n";
        let (a, _) = parse(text);
        let kinds: Vec<BoilerplateKind> = a.boilerplate.iter().map(|b| b.kind).collect();
        assert_eq!(
            kinds,
            vec![
                BoilerplateKind::Dateline,
                BoilerplateKind::Url,
                BoilerplateKind::CookieNotice,
                BoilerplateKind::Byline
            ]
        );
        assert_eq!(a.byline.as_deref(), Some("Agence France-Presse"));
        let s: Vec<&str> = a.sentences.iter().map(|s| a.slice(s.span)).collect();
        assert_eq!(
            s,
            vec!["Titre", "Les États\u{2011}Unis ont 2\u{202F}500 soldats."]
        );
        for s in &a.sentences {
            assert_eq!(a.norm.to_original(s.norm_span), s.span);
        }
    }
}
