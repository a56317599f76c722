//! JSON Lines input: one article a line, `{"id", "date", "text", "url"?}`.

use serde_json::Value;

use crate::body::{self, Header};
use crate::{Article, ArticleId, Diagnostic, PartialDate, SourceEncoding, Span, decode};

/// Parses a JSON Lines file. Each good line gives an article whose spans point into its `text`;
/// each bad line gives an error located at that line of the file, and the other lines are
/// still read.
pub fn parse_jsonl(bytes: &[u8]) -> (Vec<Article>, Vec<Diagnostic>) {
    let (text, _, mut diagnostics) = decode::decode(bytes);
    let mut articles = Vec::new();
    let mut offset = 0;
    for (index, line) in text.split_inclusive('\n').enumerate() {
        let span = Span::new(offset, offset + line.trim_end().len());
        offset += line.len();
        if line.trim().is_empty() {
            continue;
        }
        match read_record(line, index + 1) {
            Ok((article, problems)) => {
                articles.push(article);
                diagnostics.extend(
                    problems
                        .into_iter()
                        .map(|m| Diagnostic::error(Some(span), m)),
                );
            }
            Err(message) => diagnostics.push(Diagnostic::error(Some(span), message)),
        }
    }
    (articles, diagnostics)
}

fn read_record(line: &str, number: usize) -> Result<(Article, Vec<String>), String> {
    let value: Value =
        serde_json::from_str(line).map_err(|e| format!("line {number}: not valid JSON: {e}"))?;
    let Value::Object(map) = value else {
        return Err(format!("line {number}: expected a JSON object"));
    };
    let field = |key: &str| -> Result<Option<String>, String> {
        match map.get(key) {
            None | Some(Value::Null) => Ok(None),
            Some(Value::String(s)) => Ok(Some(s.clone())),
            Some(other) => Err(format!(
                "line {number}: `{key}` should be a string, found {other}"
            )),
        }
    };
    for key in map.keys() {
        if !matches!(key.as_str(), "id" | "date" | "text" | "url") {
            return Err(format!(
                "line {number}: unknown key `{key}` (expected `id`, `date`, `text`, `url`)"
            ));
        }
    }
    let mut id = field("id")?.ok_or_else(|| format!("line {number}: missing `id`"))?;
    decode::neutralize(&mut id);
    let text = field("text")?.ok_or_else(|| format!("line {number}: missing `text`"))?;
    let mut problems = Vec::new();
    let date = match field("date")? {
        Some(d) => match PartialDate::parse(&d) {
            Ok(date) => Some(date),
            Err(why) => {
                problems.push(format!("line {number}: invalid date: {why}"));
                None
            }
        },
        None => {
            problems.push(format!("line {number}: missing `date`"));
            None
        }
    };
    let mut article = parse_text(ArticleId::from(id), date, text);
    article.url = field("url")?;
    article.record_line = Some(number);
    Ok((article, problems))
}

/// An article given as its id, date and text (paragraphs separated by blank lines), as JSON
/// Lines records and rule cases give them. Spans point into `text`.
///
/// ```
/// use recoupe_parser::{ArticleId, PartialDate, parse_text};
/// let a = parse_text(ArticleId("a".into()), PartialDate::parse("2023-11").ok(), "Une phrase. Deux.".into());
/// assert_eq!(a.sentences.len(), 2);
/// ```
pub fn parse_text(id: ArticleId, date: Option<PartialDate>, mut text: String) -> Article {
    // JSON escapes ("\u001b") reach the text only once the record is read.
    decode::neutralize(&mut text);
    let header = Header {
        id,
        date,
        url: None,
        lede: None,
        body_start: 0,
    };
    body::build(header, text, SourceEncoding::Utf8)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_records_and_reports_bad_lines() {
        let input = concat!(
            r#"{"id":"a","date":"2023-11","text":"Trois attaques. Fin."}"#,
            "\n",
            "not json\n",
            r#"{"id":"b","date":"2023-13","text":"Texte."}"#,
            "\n",
            r#"{"id":"c","text":"x","extra":1}"#,
            "\n",
        );
        let (articles, diags) = parse_jsonl(input.as_bytes());
        assert_eq!(articles.len(), 2);
        assert_eq!(articles[0].id.as_str(), "a");
        assert_eq!(articles[0].sentences.len(), 2);
        assert!(articles[1].date.is_none());
        assert_eq!(diags.len(), 3, "{diags:?}");
        assert!(diags[0].message.starts_with("line 2: not valid JSON"));
        assert!(diags[1].message.contains("no month 13"));
        assert!(diags[2].message.contains("unknown key `extra`"));
    }
}
