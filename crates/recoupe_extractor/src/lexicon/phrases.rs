//! The phrase matcher: multi-word lexicon entries ("au moins", "mer Rouge", "jusqu'à
//! présent") looked up at a token, longest first, indexed by their first word.

use rustc_hash::FxHashMap as HashMap;

use crate::tokens::Token;

/// Whether `words` stand at `tokens[at..]`.
pub(crate) fn phrase_at(tokens: &[Token], at: usize, words: &[String]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(at + k).is_some_and(|t| t.lower == w))
}

/// A phrase as the tokens it is made of, with what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Phrase<T> {
    pub words: Vec<String>,
    /// Which words the lexicon writes with a capital: those match only a capitalised word
    /// ("Var" the département, not "var"; "US", not "us").
    pub caps: Vec<bool>,
    pub value: T,
}

impl<T> Phrase<T> {
    /// Whether the phrase stands at `tokens[at..]`, capitals included.
    fn stands_at(&self, tokens: &[Token], at: usize) -> bool {
        phrase_at(tokens, at, &self.words)
            && self
                .caps
                .iter()
                .enumerate()
                .all(|(k, &cap)| !cap || tokens.get(at + k).is_some_and(|t| t.upper))
    }
}

/// Phrases indexed by their first word, longest first within each: looking one up at a token
/// costs the phrases that start with that word, not the whole lexicon.
#[derive(Debug, Clone)]
pub(crate) struct Phrases<T> {
    all: Vec<Phrase<T>>,
    by_first: HashMap<String, Vec<usize>>,
}

impl<T> Phrases<T> {
    pub(super) fn new(all: Vec<Phrase<T>>) -> Self {
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::default();
        for (i, p) in all.iter().enumerate() {
            if let Some(first) = p.words.first() {
                by_first.entry(first.clone()).or_default().push(i);
            }
        }
        Phrases { all, by_first }
    }

    /// The longest phrase standing at `tokens[at..]`.
    pub(crate) fn at(&self, tokens: &[Token], at: usize) -> Option<&Phrase<T>> {
        let first = tokens.get(at)?;
        self.by_first
            .get(first.lower.as_str())?
            .iter()
            .map(|&i| &self.all[i])
            .find(|p| p.stands_at(tokens, at))
    }

    /// The phrases whose first word is one of `firsts`, longest first.
    pub(crate) fn starting_with(&self, firsts: &[String]) -> Vec<&Phrase<T>> {
        let mut out: Vec<&Phrase<T>> = firsts
            .iter()
            .filter_map(|f| self.by_first.get(f))
            .flatten()
            .map(|&i| &self.all[i])
            .collect();
        out.sort_by_key(|p| std::cmp::Reverse(p.words.len()));
        out
    }

    /// Every phrase, longest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Phrase<T>> {
        self.all.iter()
    }
}
