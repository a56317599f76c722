//! The predicate lexicon: what the text says happened to the counted thing (`predicates.toml`),
//! with the classes rules match, and the verbs that are not predicates (reporting, light).

use std::collections::BTreeMap;

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use super::phrases::{Phrase, Phrases};
use super::{LexiconError, words_of};
use crate::PredicateClass;
use crate::tokens::Token;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PredicatesFile {
    reporting: Vec<String>,
    intransitive: Vec<String>,
    target_links: Vec<String>,
    target: String,
    avoir: Vec<String>,
    light: Vec<String>,
    carriers: Vec<String>,
    auxiliaries: Vec<String>,
    classes: BTreeMap<String, Vec<String>>,
    carried: BTreeMap<String, String>,
    governing: BTreeMap<String, String>,
    finite: BTreeMap<String, String>,
    causatives: Vec<String>,
    modals: Vec<String>,
    forecast_modals: Vec<String>,
    forecast_copulas: Vec<String>,
    forecast: String,
    infinitives: BTreeMap<String, String>,
    same: BTreeMap<String, String>,
    idioms: BTreeMap<String, String>,
}

/// What a word or phrase of the predicate lexicon is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum VerbKind {
    /// A predicate, as its lemma.
    Predicate(String),
    /// A reporting verb ("recensé"): says who counts, not what happened.
    Reporting,
    /// A light verb ("fait", "réalisé"): the noun says what happened.
    Light,
    /// A participle that carries the next one ("portés disparus").
    Carrier,
}

/// The predicate lexicon of a language.
#[derive(Debug, Clone)]
pub(crate) struct PredicateLexicon {
    classes: HashMap<String, PredicateClass>,
    /// Phrases of participles, verbs and their finite forms, compared after agreement is
    /// taken off each word ("portées disparues" is "porté disparu").
    verbs: Phrases<VerbKind>,
    pub carried: HashMap<String, String>,
    pub governing: HashMap<String, String>,
    pub auxiliaries: HashSet<String>,
    pub avoir: HashSet<String>,
    pub intransitive: HashSet<String>,
    pub target_links: HashSet<String>,
    pub target: String,
    /// "forcé", "contraint": their object does what the infinitive after says.
    pub causatives: HashSet<String>,
    /// "dû", "pu": the infinitive after says what happened.
    pub modals: HashSet<String>,
    /// "devrait", "pourrait" before "être": the figure is a forecast.
    pub forecast_modals: HashSet<String>,
    pub forecast_copulas: HashSet<String>,
    /// The lemma of a forecast ("prévu").
    pub forecast: String,
    infinitives: Phrases<String>,
    /// Lemmas that say the same thing, and the one claims carry.
    same: HashMap<String, String>,
    /// Phrases right before a figure that say what happened to it ("a coûté la vie à").
    idioms: Phrases<String>,
}

impl PredicateLexicon {
    pub(super) fn load(file: PredicatesFile) -> Result<Self, LexiconError> {
        let mut classes = HashMap::default();
        let mut verbs: Vec<(String, VerbKind)> = Vec::new();
        for (name, lemmas) in file.classes {
            let class = PredicateClass::from_name(&name).ok_or_else(|| LexiconError {
                file: "predicates.toml".into(),
                message: format!(
                    "unknown predicate class `{name}` in [classes]; the classes are {}",
                    PredicateClass::ALL.map(PredicateClass::name).join(", ")
                ),
            })?;
            for lemma in lemmas {
                classes.insert(lemma.clone(), class);
                verbs.push((lemma.clone(), VerbKind::Predicate(lemma)));
            }
        }
        for (form, lemma) in file.finite {
            classes
                .get(&lemma)
                .copied()
                .map(|c| classes.insert(form.clone(), c));
            verbs.push((form, VerbKind::Predicate(lemma)));
        }
        // Reporting and light verbs come after predicates: a word that is both keeps the
        // first reading ("touché" is a predicate, "déclaré" a carrier and a reporting verb).
        verbs.extend(file.carriers.into_iter().map(|w| (w, VerbKind::Carrier)));
        verbs.extend(file.reporting.into_iter().map(|w| (w, VerbKind::Reporting)));
        verbs.extend(file.light.into_iter().map(|w| (w, VerbKind::Light)));
        let mut seen = HashSet::default();
        verbs.retain(|(w, _)| seen.insert(words_of(w)));
        Ok(PredicateLexicon {
            classes,
            verbs: super::phrases(verbs),
            carried: file.carried.into_iter().collect(),
            governing: file.governing.into_iter().collect(),
            auxiliaries: file.auxiliaries.into_iter().collect(),
            avoir: file.avoir.into_iter().collect(),
            intransitive: file.intransitive.into_iter().collect(),
            target_links: file.target_links.into_iter().collect(),
            target: file.target,
            causatives: file.causatives.into_iter().collect(),
            modals: file.modals.into_iter().collect(),
            forecast_modals: file.forecast_modals.into_iter().collect(),
            forecast_copulas: file.forecast_copulas.into_iter().collect(),
            forecast: file.forecast,
            infinitives: super::phrases(file.infinitives),
            same: file.same.into_iter().collect(),
            idioms: super::phrases(file.idioms),
        })
    }

    /// The idiom that ends right before token `first` ("a coûté la vie à 15 personnes"): its
    /// lemma and where it starts.
    pub fn idiom_before(&self, tokens: &[Token], first: usize) -> Option<(String, usize)> {
        (first.saturating_sub(6)..first).find_map(|k| {
            self.idioms
                .at(tokens, k)
                .filter(|p| k + p.words.len() == first)
                .map(|p| (p.value.clone(), k))
        })
    }

    /// The class of a lemma, if it has one.
    pub fn class(&self, lemma: &str) -> Option<PredicateClass> {
        self.classes.get(lemma).copied()
    }

    /// The verb phrase standing at `tokens[at..]`, longest first, each word compared as written
    /// or without its agreement ("blessées" is "blessé").
    pub fn verb_at(&self, tokens: &[Token], at: usize) -> Option<&Phrase<VerbKind>> {
        let first = tokens.get(at)?;
        let lead = agreement_free(&first.lower);
        self.verbs.starting_with(&lead).into_iter().find(|p| {
            p.words.iter().enumerate().all(|(k, w)| {
                tokens
                    .get(at + k)
                    .is_some_and(|t| agreement_free(&t.lower).iter().any(|c| c == w))
            })
        })
    }
}

impl PredicateLexicon {
    /// The lemma claims carry for `lemma`: itself, or the one the lexicon says it means
    /// ("péri" → "tué", "état critique" → "grièvement blessé").
    pub fn canonical(&self, lemma: &str) -> String {
        self.same
            .get(lemma)
            .cloned()
            .unwrap_or_else(|| lemma.to_owned())
    }

    /// Whether `lemma` is one claims never carry because another says the same.
    pub fn synonym_of(&self, lemma: &str) -> Option<&str> {
        self.same.get(lemma).map(String::as_str)
    }

    /// The lemmas claims can carry that the lexicon lists, for "did you mean".
    pub fn lemmas(&self) -> Vec<String> {
        let mut out: Vec<String> = self
            .classes
            .keys()
            .filter(|l| !self.same.contains_key(*l))
            .cloned()
            .collect();
        out.sort();
        out
    }

    /// The predicate of the infinitive at `tokens[at..]` and its last token: a listed phrase
    /// ("changer de route" → détourné), else the participle of an -er verb ("évacuer" →
    /// évacué). Other groups are not guessed: "finir", "venir", "prendre" differ too much.
    pub fn infinitive_at(&self, tokens: &[Token], at: usize) -> Option<(String, usize)> {
        let first = tokens.get(at)?;
        if let Some(p) = self.infinitives.at(tokens, at) {
            return Some((p.value.clone(), at + p.words.len() - 1));
        }
        let stem = first.lower.strip_suffix("er")?;
        (stem.chars().count() >= 3 && stem.chars().all(char::is_alphabetic))
            .then(|| (format!("{stem}é"), at))
    }
}

/// A word and the forms it has without a feminine or plural ending: "blessées" gives
/// "blessées", "blessée", "blessé".
pub(crate) fn agreement_free(word: &str) -> Vec<String> {
    let mut out = vec![word.to_owned()];
    for suffix in ["s", "es", "e"] {
        if let Some(stem) = word.strip_suffix(suffix)
            && !stem.is_empty()
        {
            out.push(stem.to_owned());
        }
    }
    out
}

/// The lemma of a participle the lexicon does not list: without its agreement, when what is
/// left ends like a French past participle ("inondées" → "inondé", "prises" → "pris").
pub(crate) fn participle_lemma(word: &str) -> Option<String> {
    if word.chars().count() < 4 || !word.chars().all(char::is_alphabetic) {
        return None;
    }
    // "devrait", "étaient": imperfects and conditionals end in -ait; "fait" is listed.
    if word.ends_with("ait") || word.ends_with("aient") || word.ends_with("ais") {
        return None;
    }
    if word.ends_with("que") || word.ends_with("ques") || word.ends_with("gue") {
        // "explique", "fabriques": verbs and nouns, never participles.
        return None;
    }
    // "pris", "mis", "acquis" end in -is as written; "réunis" is "réuni" plural.
    for suffix in ["es", "e", ""] {
        if let Some(stem) = word.strip_suffix(suffix)
            && ["mis", "pris", "quis"].iter().any(|e| stem.ends_with(e))
        {
            return Some(stem.to_owned());
        }
    }
    let ends_like = |w: &str| {
        ["é", "i", "u", "it", "ert", "int"]
            .iter()
            .any(|e| w.ends_with(e))
    };
    ["es", "s", "e", ""].iter().find_map(|suffix| {
        word.strip_suffix(suffix)
            .filter(|stem| stem.chars().count() >= 3 && ends_like(stem))
            .map(str::to_owned)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn participles_lose_their_agreement() {
        assert_eq!(participle_lemma("inondées").as_deref(), Some("inondé"));
        assert_eq!(participle_lemma("détruites").as_deref(), Some("détruit"));
        assert_eq!(participle_lemma("disparues").as_deref(), Some("disparu"));
        assert_eq!(participle_lemma("prises").as_deref(), Some("pris"));
        assert_eq!(participle_lemma("réunis").as_deref(), Some("réuni"));
        assert_eq!(participle_lemma("maison"), None);
        assert_eq!(participle_lemma("devrait"), None);
        assert_eq!(participle_lemma("explique"), None);
    }
}
