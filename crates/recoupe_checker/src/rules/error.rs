//! Errors in rule files: each names the file, the line and column, the key, and a fix.

use std::fmt;

/// One problem in one rule file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RuleError {
    /// The file, as given to the loader.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column.
    pub column: usize,
    /// The text of that line, for display.
    pub source_line: String,
    /// How many characters to underline from `column`.
    pub width: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, when we know.
    pub help: Option<String>,
}

impl fmt::Display for RuleError {
    /// Renders like rustc (with `annotate-snippets`, as cargo does): message, location, the
    /// line with the offending text underlined, and a help line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        use annotate_snippets::{Level, Renderer, Snippet};
        // The underline, from characters to bytes of the line.
        let byte = |chars: usize| {
            self.source_line
                .char_indices()
                .nth(chars)
                .map_or(self.source_line.len(), |(i, _)| i)
        };
        let start = byte(self.column.saturating_sub(1));
        let end = byte(self.column.saturating_sub(1) + self.width.max(1)).max(start);
        let snippet = Snippet::source(&self.source_line)
            .line_start(self.line)
            .origin(&self.file)
            .annotation(Level::Error.span(start..end));
        let mut message = Level::Error.title(&self.message).snippet(snippet);
        if let Some(help) = &self.help {
            message = message.footer(Level::Help.title(help));
        }
        write!(f, "{}", Renderer::plain().render(message))
    }
}

impl std::error::Error for RuleError {}

/// Builds errors located in one file's text.
pub(crate) struct Locator<'a> {
    pub file: &'a str,
    pub text: &'a str,
    /// The text's lines, indexed on first use: a 10 MB rule file locates each of its metrics
    /// without scanning it from the start.
    lines: std::cell::OnceCell<recoupe_parser::LineIndex>,
}

impl<'a> Locator<'a> {
    /// A locator for the file `file` whose text is `text`.
    pub fn new(file: &'a str, text: &'a str) -> Self {
        Locator {
            file,
            text,
            lines: std::cell::OnceCell::new(),
        }
    }

    /// 1-based line and column of byte `offset`.
    pub fn line_col(&self, offset: usize) -> (usize, usize) {
        self.lines
            .get_or_init(|| recoupe_parser::LineIndex::new(self.text))
            .line_col(self.text, offset)
    }

    /// An error at byte range `span` of the file.
    pub fn error(
        &self,
        span: std::ops::Range<usize>,
        message: impl Into<String>,
        help: Option<String>,
    ) -> RuleError {
        let start = span.start.min(self.text.len());
        let (line, column) = self.line_col(start);
        let line_start = self
            .text
            .get(..start)
            .and_then(|b| b.rfind('\n'))
            .map_or(0, |i| i + 1);
        let source_line = self
            .text
            .get(line_start..)
            .and_then(|s| s.lines().next())
            .unwrap_or("")
            .to_owned();
        let line_rest = source_line.chars().count().saturating_sub(column - 1);
        let width = self
            .text
            .get(start..span.end.min(self.text.len()))
            .map_or(1, |s| s.lines().next().unwrap_or("").chars().count())
            .clamp(1, line_rest.max(1));
        RuleError {
            file: self.file.to_owned(),
            line,
            column,
            source_line,
            width,
            message: message.into(),
            help,
        }
    }
}

/// The closest of `candidates` to `word`, if close enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(word: &str, candidates: &[&'a str]) -> Option<&'a str> {
    candidates
        .iter()
        .map(|c| (strsim::levenshtein(word, c), *c))
        .filter(|(d, c)| *d <= 2.max(c.len() / 3))
        .min_by_key(|(d, _)| *d)
        .map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_for_typos_only() {
        let keys = ["tolerance", "title", "model"];
        assert_eq!(did_you_mean("tolerence", &keys), Some("tolerance"));
        assert_eq!(did_you_mean("modle", &keys), Some("model"));
        assert_eq!(did_you_mean("zzz", &keys), None);
    }

    #[test]
    fn renders_like_rustc() {
        let text = "[[metric]]\ntolerence = \"10%\"\n";
        let e = Locator::new("rules/x.toml", text).error(
            11..20,
            "unknown key `tolerence`",
            Some("did you mean `tolerance`?".into()),
        );
        assert_eq!(
            e.to_string(),
            "error: unknown key `tolerence`\n --> rules/x.toml:2:1\n  |\n2 | tolerence = \"10%\"\n  | ^^^^^^^^^\n  |\n  = help: did you mean `tolerance`?"
        );
    }
}
