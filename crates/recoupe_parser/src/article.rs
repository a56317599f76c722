//! The parsed article: text, date, paragraphs, sentences and the parts that are not the article.

use std::fmt;

use crate::{NormText, PartialDate, Span};

/// An article's id: the file stem (`000_1ccb705131c11451`) or the `id` of a JSON Lines record.
/// Shared, not copied, by the claims of the article.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct ArticleId(pub std::sync::Arc<str>);

impl ArticleId {
    /// The id as written.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl From<&str> for ArticleId {
    fn from(s: &str) -> Self {
        ArticleId(s.into())
    }
}

impl From<String> for ArticleId {
    fn from(s: String) -> Self {
        ArticleId(s.into())
    }
}

impl fmt::Display for ArticleId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// How the bytes of the input were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SourceEncoding {
    /// UTF-8 (a leading byte-order mark is dropped).
    Utf8,
    /// Not valid UTF-8, decoded as Windows-1252; spans are into the decoded text.
    Windows1252,
    /// UTF-16, little-endian, by its byte-order mark; spans are into the decoded text.
    Utf16Le,
    /// UTF-16, big-endian, by its byte-order mark; spans are into the decoded text.
    Utf16Be,
}

/// What a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ParagraphKind {
    /// The text after the date on the first line (headline or standfirst).
    Lede,
    /// A paragraph of the body.
    Body,
}

/// A paragraph: a run of lines between blank lines.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Paragraph {
    /// Original span, trimmed of surrounding whitespace.
    pub span: Span,
    /// Lede or body.
    pub kind: ParagraphKind,
}

/// Text that is in the file but is not the article's own prose.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum BoilerplateKind {
    /// A URL, for instance of an embedded social-media post.
    Url,
    /// "Ce post ne peut être affiché car les cookies…".
    CookieNotice,
    /// An agency or author credit on its own line ("Agence France-Presse").
    Byline,
    /// The place-name that opens a dispatch ("(Bagdad)").
    Dateline,
    /// A lede repeated word for word in the body: read once, in the body.
    RepeatedLede,
    /// A line of the web page that is not the article: a paywall notice ("Il vous reste 85%
    /// à découvrir"), a counter ("2 commentaires").
    PageFurniture,
}

impl BoilerplateKind {
    /// A short lowercase name, for output.
    pub fn name(self) -> &'static str {
        match self {
            BoilerplateKind::Url => "url",
            BoilerplateKind::CookieNotice => "cookie-notice",
            BoilerplateKind::Byline => "byline",
            BoilerplateKind::Dateline => "dateline",
            BoilerplateKind::RepeatedLede => "repeated-lede",
            BoilerplateKind::PageFurniture => "page-furniture",
        }
    }
}

/// A marked piece of boilerplate.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Boilerplate {
    /// Original span.
    pub span: Span,
    /// What it is.
    pub kind: BoilerplateKind,
}

/// A sentence of the article's prose.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    /// Original span.
    pub span: Span,
    /// Span in [`NormText::text`].
    pub norm_span: Span,
    /// Index into [`Article::paragraphs`].
    pub paragraph: usize,
    /// Whether it was cut from a longer run of text without a full stop, at
    /// [`crate::MAX_SENTENCE_BYTES`].
    pub cut: bool,
}

/// A parsed article. Built by [`crate::parse_seed`] or [`crate::parse_jsonl`]; never fails.
#[derive(Debug, Clone)]
pub struct Article {
    /// Its id.
    pub id: ArticleId,
    /// The header date, if the article had a valid one.
    pub date: Option<PartialDate>,
    /// Where it was published, when known.
    pub url: Option<String>,
    /// The text as decoded: every [`Span`] of the article points into it.
    pub text: String,
    /// The normalised reading of `text`.
    pub norm: NormText,
    /// How the bytes were decoded.
    pub encoding: SourceEncoding,
    /// Paragraphs in order; the lede, if any, first.
    pub paragraphs: Vec<Paragraph>,
    /// Marked boilerplate, in order of position.
    pub boilerplate: Vec<Boilerplate>,
    /// Sentences of the prose, in order; they never overlap boilerplate.
    pub sentences: Vec<Sentence>,
    /// The agency or author credited on a line of its own, if any.
    pub byline: Option<String>,
    /// For an article read from JSON Lines, the line of the file it was on (1-based): its
    /// spans point into its `text`, not into the file.
    pub record_line: Option<usize>,
}

impl Article {
    /// The original text under `span`.
    pub fn slice(&self, span: Span) -> &str {
        span.slice(&self.text)
    }

    /// The normalised text under normalised span `span`.
    pub fn norm_slice(&self, span: Span) -> &str {
        span.slice(&self.norm.text)
    }

    /// The boilerplate covering original span `span`, if any.
    pub fn boilerplate_at(&self, span: Span) -> Option<&Boilerplate> {
        self.boilerplate.iter().find(|b| b.span.overlaps(span))
    }
}
