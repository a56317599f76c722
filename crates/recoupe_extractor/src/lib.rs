//! `recoupe_extractor` owns reading claims: from a parsed [`recoupe_parser::Article`] to
//! [`Claim`]s, each a count of something as written, with its qualifier and value interval,
//! counted noun, actors, places, time (as-of, window start, running total or event) and
//! source, and the spans of the words that gave each field.
//!
//! It knows the language, not the topic: everything French lives in the data files under
//! `lexicon/fr/`, loaded once into a [`Lexicon`]. It does no I/O and never fails on input.
//!
//! ```
//! use recoupe_extractor::Extractor;
//! use recoupe_parser::{ArticleId, parse_seed};
//!
//! let extractor = Extractor::french()?;
//! let (article, _) = parse_seed(
//!     ArticleId("a".into()),
//!     " date 2023-12 Titre\n\nAu total, Washington a recensé au moins 102 attaques en Irak et en Syrie depuis le 17 octobre.".as_bytes(),
//! );
//! let claims = extractor.extract(&article);
//! assert_eq!(claims.len(), 1);
//! assert_eq!(claims[0].value, 102.0);
//! assert_eq!(claims[0].noun.as_deref(), Some("attaque"));
//! assert_eq!(claims[0].places, ["Irak", "Syrie"]);
//! # Ok::<(), recoupe_extractor::LexiconError>(())
//! ```

mod assemble;
pub mod calendar;
mod claim;
mod date_reader;
mod dates;
mod fields;
mod lexicon;
mod mentions;
pub mod name;
mod numbers;
mod reader;
pub mod tokens;

pub use assemble::Extraction;
pub use claim::{
    Claim, ClaimId, ClaimKind, Explanation, IntervalRules, PlacesFrom, PredicateClass, Qualifier,
    SourceKind, Unit, ValueInterval, fmt_value,
};
pub use date_reader::{DateKind, PresentDate, PresentEvidence, ReadDate};
pub use lexicon::language::Language;
pub use lexicon::{Lexicon, LexiconError};
pub use mentions::NotAClaim;
pub use name::{Name, Names};
pub use numbers::{NumberForm, NumberMention, find_numbers};
pub use reader::ReadNumber;

use recoupe_parser::Article;

/// Reads claims with one language's lexicon. Build it once; it is cheap to share across threads.
#[derive(Debug, Clone)]
pub struct Extractor {
    lexicon: Lexicon,
    explain: bool,
    hold_tokens: usize,
}

/// The longest article (in bytes of text) whose tokens are held between the passes over it,
/// by default: 1 MiB, some fifty times a long news story.
pub const HOLD_TOKENS: usize = 1 << 20;

impl Extractor {
    /// An extractor for French.
    ///
    /// # Errors
    /// A lexicon data file that does not parse.
    pub fn french() -> Result<Self, LexiconError> {
        Ok(Extractor {
            lexicon: Lexicon::french()?,
            explain: false,
            hold_tokens: HOLD_TOKENS,
        })
    }

    /// The same extractor, keeping with each claim which words gave each field
    /// ([`Claim::explanation`], `--explain`). Off by default: it is most of a claim's memory.
    pub fn with_explanations(mut self, explain: bool) -> Self {
        self.explain = explain;
        self
    }

    /// The same extractor, holding an article's tokens between the passes over it only when
    /// its text is at most `bytes` long ([`HOLD_TOKENS`] by default). A longer article is
    /// tokenised again, a sentence at a time, at each pass: the same claims, a little more
    /// time, and memory bounded by the sentence instead of the article.
    pub fn with_hold_tokens(mut self, bytes: usize) -> Self {
        self.hold_tokens = bytes;
        self
    }

    /// The lexicon in use.
    pub fn lexicon(&self) -> &Lexicon {
        &self.lexicon
    }

    /// Every number written in `text`, with its byte span and value (`recoupe numbers`).
    pub fn read_numbers(&self, text: &str) -> Vec<ReadNumber> {
        reader::read_numbers(&self.lexicon, text)
    }

    /// Every date written in `text`, relative ones resolved against `reference` (`recoupe
    /// dates`).
    pub fn read_dates(&self, text: &str, reference: recoupe_parser::DayInterval) -> Vec<ReadDate> {
        date_reader::read_dates(&self.lexicon, text, reference)
    }

    /// What `article`'s text says of its own present (datelines, publication lines, "ce
    /// mercredi 6 mars 2024", a weekday with its day): to check its header date.
    pub fn present_dates(&self, article: &Article) -> Vec<PresentDate> {
        assemble::present_dates(&self.lexicon, article)
    }

    /// The claims of `article`, in text order.
    pub fn extract(&self, article: &Article) -> Vec<Claim> {
        self.read(article).claims
    }

    /// The claims of `article`, with what the reader has to say about it: an article or a
    /// sentence in a language it has no lexicon for is skipped, with a warning naming the
    /// language.
    pub fn read(&self, article: &Article) -> Extraction {
        assemble::extract(&self.lexicon, article, self.explain, self.hold_tokens)
    }
}
