//! The phrase matcher: multi-word lexicon entries ("au moins", "mer Rouge", "jusqu'à
//! présent") looked up at a token, longest first, indexed by their first word.

use std::collections::HashMap;

use crate::tokens::Token;

/// Whether `words` stand at `tokens[at..]`.
pub(crate) fn phrase_at(tokens: &[Token], at: usize, words: &[String]) -> bool {
    words
        .iter()
        .enumerate()
        .all(|(k, w)| tokens.get(at + k).is_some_and(|t| &t.lower == w))
}

/// A phrase as the tokens it is made of, with what it stands for.
#[derive(Debug, Clone)]
pub(crate) struct Phrase<T> {
    pub words: Vec<String>,
    pub value: T,
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
        let mut by_first: HashMap<String, Vec<usize>> = HashMap::new();
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
            .get(&first.lower)?
            .iter()
            .map(|&i| &self.all[i])
            .find(|p| phrase_at(tokens, at, &p.words))
    }

    /// Every phrase, longest first.
    pub(crate) fn iter(&self) -> impl Iterator<Item = &Phrase<T>> {
        self.all.iter()
    }
}
