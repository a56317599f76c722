//! `recoupe_parser` owns the way from bytes to an [`Article`]: decoding (UTF-8, or
//! Windows-1252 with a warning), the input formats (the seed format, JSON Lines), French
//! typography normalised with a map back to the original bytes ([`NormText`]), paragraphs,
//! sentences, and boilerplate that is not the article (embedded-post URLs, cookie notices,
//! bylines, datelines, a repeated lede).
//!
//! It does no I/O and never fails: every entry point returns what it could read plus
//! [`Diagnostic`]s. Every [`Span`] it hands out is a byte range of [`Article::text`].

mod article;
mod body;
mod boilerplate;
mod date;
mod decode;
pub use decode::{Unreadable, neutralize, sniff};
mod diagnostic;
mod jsonl;
mod normalize;
mod seed;
mod sentences;
mod span;

pub use article::{
    Article, ArticleId, Boilerplate, BoilerplateKind, Paragraph, ParagraphKind, Sentence,
    SourceEncoding,
};
pub use date::{DayInterval, PartialDate};
pub use diagnostic::{Diagnostic, Severity};
pub use jsonl::{parse_jsonl, parse_text};
pub use normalize::NormText;
pub use seed::parse_seed;
pub use sentences::MAX_SENTENCE_BYTES;
pub use span::{LineIndex, Span, line_col};
