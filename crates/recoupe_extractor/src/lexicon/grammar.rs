//! The grammatical words of a language (`grammar.toml`): articles, "de", coordination,
//! relatives, the words that mark the extractor's constructions.

use std::collections::BTreeMap;

use rustc_hash::FxHashSet as HashSet;

use serde::Deserialize;

use super::words_of;
use crate::lexicon::phrase_at;
use crate::tokens::Token;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct GrammarFile {
    articles: Vec<String>,
    determiners: Vec<String>,
    demonstratives: Vec<String>,
    de: Vec<String>,
    and: Vec<String>,
    or: Vec<String>,
    neither: Vec<String>,
    also: Vec<String>,
    negation: Vec<String>,
    relatives: Vec<String>,
    new_clause: Vec<String>,
    agent: Vec<String>,
    prepositions: Vec<String>,
    elisions: Vec<String>,
    that: Vec<String>,
    comparatives: Vec<String>,
    respectively: Vec<String>,
    in_the_street: Vec<String>,
    distributive: Vec<String>,
    hour_marks: Vec<String>,
    partitive: Vec<String>,
    place_owners: Vec<String>,
    indefinite: Vec<String>,
    addressee: Vec<String>,
    instead: Vec<String>,
    source_clause: Vec<String>,
    part_openers: Vec<String>,
    object_skips: Vec<String>,
    capital_a: Vec<String>,
    whole_of: Vec<String>,
    been: Vec<String>,
    auxiliaries: Vec<String>,
    count_nouns: Vec<String>,
    among: Vec<String>,
    object_stops: Vec<String>,
    source_markers: Vec<String>,
    noun_phrase_ends: Vec<String>,
    passive: Vec<String>,
    inverted_pronouns: Vec<String>,
    adverb_ending: String,
    participle_endings: Vec<String>,
    ordinal_suffixes: Vec<String>,
    ordinal_word_endings: Vec<String>,
    ordinal_stems: Vec<[String; 2]>,
    ordinal_words: BTreeMap<String, u32>,
}

/// Words that mark a construction: one word, or a phrase of several.
#[derive(Debug, Clone, Default)]
pub(crate) struct Words {
    words: Vec<Vec<String>>,
}

impl Words {
    fn new(list: &[String]) -> Self {
        let mut words: Vec<Vec<String>> = list.iter().map(|w| words_of(w)).collect();
        words.sort_by_key(|w| std::cmp::Reverse(w.len()));
        Words { words }
    }

    /// Whether token `t` is one of the one-word entries.
    pub fn is(&self, t: &Token) -> bool {
        self.words.iter().any(|w| w.len() == 1 && w[0] == t.lower)
    }

    /// The length of the entry standing at `tokens[at..]`, if one does.
    pub fn at(&self, tokens: &[Token], at: usize) -> Option<usize> {
        self.words
            .iter()
            .find(|w| phrase_at(tokens, at, w))
            .map(Vec::len)
    }

    /// Whether `word` (as written in a text, any case) is one of the one-word entries.
    pub fn has(&self, word: &str) -> bool {
        let lower = word.to_lowercase();
        self.words.iter().any(|w| w.len() == 1 && w[0] == lower)
    }

    /// Whether the words of a text (split on whitespace) hold an entry anywhere.
    pub fn in_words(&self, words: &[&str]) -> bool {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        self.words
            .iter()
            .any(|w| lower.windows(w.len()).any(|win| win == w.as_slice()))
    }

    /// Whether the words of a text (split on whitespace) end with an entry.
    pub fn ends_words(&self, words: &[&str]) -> bool {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        self.words.iter().any(|w| lower.ends_with(w))
    }

    /// Whether an entry ends right before `end` (its last word is `tokens[end - 1]`).
    pub fn ends_before(&self, tokens: &[Token], end: usize) -> bool {
        self.words.iter().any(|w| {
            end.checked_sub(w.len())
                .is_some_and(|start| phrase_at(tokens, start, w))
        })
    }
}

/// The grammatical words of a language.
#[derive(Debug, Clone)]
pub(crate) struct Grammar {
    pub articles: Words,
    pub determiners: Words,
    pub demonstratives: Words,
    pub de: Words,
    pub and: Words,
    pub or: Words,
    pub neither: Words,
    pub also: Words,
    pub negation: Words,
    pub relatives: Words,
    pub new_clause: Words,
    pub agent: Words,
    pub prepositions: Words,
    pub elisions: Words,
    pub that: Words,
    pub comparatives: Words,
    pub respectively: Words,
    pub in_the_street: Words,
    pub distributive: Words,
    pub hour_marks: Words,
    pub partitive: Words,
    pub place_owners: Words,
    pub indefinite: Words,
    pub addressee: Words,
    pub instead: Words,
    pub source_clause: Words,
    pub part_openers: Words,
    pub object_skips: Words,
    pub capital_a: Words,
    pub whole_of: Words,
    /// Auxiliaries: a participle after one is the verb of its clause ("a été lancée"),
    /// without one it qualifies the noun before it ("la coalition lancée en 2014").
    pub auxiliaries: Words,
    /// Nouns of a count: "le chiffre de 550 000 personnes" restates a count made before.
    pub count_nouns: Words,
    pub been: Words,
    pub among: Words,
    pub object_stops: Words,
    pub source_markers: Words,
    pub noun_phrase_ends: Words,
    pub passive: Words,
    pub inverted_pronouns: Vec<String>,
    pub adverb_ending: String,
    pub participle_endings: Vec<String>,
    pub ordinal_suffixes: HashSet<String>,
    pub ordinal_word_endings: Vec<String>,
    pub ordinal_stems: Vec<(String, String)>,
    pub ordinal_words: BTreeMap<String, u32>,
}

impl Grammar {
    pub(super) fn load(f: GrammarFile) -> Self {
        Grammar {
            articles: Words::new(&f.articles),
            determiners: Words::new(&f.determiners),
            demonstratives: Words::new(&f.demonstratives),
            de: Words::new(&f.de),
            and: Words::new(&f.and),
            or: Words::new(&f.or),
            neither: Words::new(&f.neither),
            also: Words::new(&f.also),
            negation: Words::new(&f.negation),
            relatives: Words::new(&f.relatives),
            new_clause: Words::new(&f.new_clause),
            agent: Words::new(&f.agent),
            prepositions: Words::new(&f.prepositions),
            elisions: Words::new(&f.elisions),
            that: Words::new(&f.that),
            comparatives: Words::new(&f.comparatives),
            respectively: Words::new(&f.respectively),
            in_the_street: Words::new(&f.in_the_street),
            distributive: Words::new(&f.distributive),
            hour_marks: Words::new(&f.hour_marks),
            partitive: Words::new(&f.partitive),
            place_owners: Words::new(&f.place_owners),
            indefinite: Words::new(&f.indefinite),
            addressee: Words::new(&f.addressee),
            instead: Words::new(&f.instead),
            source_clause: Words::new(&f.source_clause),
            part_openers: Words::new(&f.part_openers),
            object_skips: Words::new(&f.object_skips),
            capital_a: Words::new(&f.capital_a),
            whole_of: Words::new(&f.whole_of),
            been: Words::new(&f.been),
            auxiliaries: Words::new(&f.auxiliaries),
            count_nouns: Words::new(&f.count_nouns),
            among: Words::new(&f.among),
            object_stops: Words::new(&f.object_stops),
            source_markers: Words::new(&f.source_markers),
            noun_phrase_ends: Words::new(&f.noun_phrase_ends),
            passive: Words::new(&f.passive),
            inverted_pronouns: f.inverted_pronouns,
            adverb_ending: f.adverb_ending,
            participle_endings: f.participle_endings,
            ordinal_suffixes: f.ordinal_suffixes.into_iter().collect(),
            ordinal_word_endings: f.ordinal_word_endings,
            ordinal_stems: f.ordinal_stems.into_iter().map(|[a, b]| (a, b)).collect(),
            ordinal_words: f.ordinal_words,
        }
    }

    /// Whether `t` is an article or a determiner that stands where one does.
    pub fn is_determiner(&self, t: &Token) -> bool {
        self.articles.is(t) || self.determiners.is(t)
    }

    /// Whether `word` is an adverb by its ending ("légèrement").
    pub fn is_adverb(&self, word: &str) -> bool {
        word.len() > self.adverb_ending.len() + 3 && word.ends_with(&self.adverb_ending)
    }

    /// Whether `word` is a past participle by its ending ("lancée", "remontés"), with a stem
    /// of at least three letters.
    pub fn is_participle(&self, word: &str) -> bool {
        self.participle_endings
            .iter()
            .any(|e| word.ends_with(e.as_str()) && word.chars().count() > e.chars().count() + 2)
    }
}
