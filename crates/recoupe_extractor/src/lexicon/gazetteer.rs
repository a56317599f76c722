//! The gazetteer: every place a figure can cover, the forms texts write it in, and where it
//! lies (a city in its country, a province in its region). Loaded from `places.toml`.

use rustc_hash::{FxHashMap as HashMap, FxHashSet as HashSet};

use serde::Deserialize;

use super::phrases::{Phrase, Phrases};
use super::{LexiconError, words_of};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct PlacesFile {
    prepositions: WordsTable,
    weak_prepositions: WordsTable,
    impact_verbs: WordsTable,
    place_nouns: WordsTable,
    event_nouns: WordsTable,
    national: WordsTable,
    country_words: WordsTable,
    city_words: WordsTable,
    partial: WordsTable,
    capital: WordsTable,
    #[serde(default)]
    country: Vec<CountryEntry>,
    #[serde(default)]
    region: Vec<RegionEntry>,
    #[serde(default)]
    place: Vec<PlaceEntry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct WordsTable {
    words: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CountryEntry {
    name: String,
    forms: Vec<String>,
    capital: String,
    #[serde(default)]
    places: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RegionEntry {
    name: String,
    forms: Vec<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PlaceEntry {
    name: String,
    forms: Vec<String>,
    #[serde(rename = "in")]
    within: String,
    #[serde(default)]
    adjectives: Vec<String>,
}

/// An index into the gazetteer.
pub(crate) type PlaceId = usize;

/// A place of the gazetteer.
#[derive(Debug, Clone)]
pub(crate) struct Place {
    /// Its name, as claims carry it.
    pub name: String,
    /// The place it lies in, if any.
    pub parent: Option<PlaceId>,
    /// For a country, its capital.
    pub capital: Option<PlaceId>,
}

/// What a written form stands for.
#[derive(Debug, Clone, Copy)]
pub(crate) struct PlaceForm {
    pub place: PlaceId,
    /// An adjective ("parisienne"): it names the place only right after a noun.
    pub adjective: bool,
}

/// Every place, its forms, and the words that introduce a place as a figure's scope.
#[derive(Debug, Clone)]
pub(crate) struct Gazetteer {
    pub places: Vec<Place>,
    pub forms: Phrases<PlaceForm>,
    by_name: HashMap<String, PlaceId>,
    pub prepositions: rustc_hash::FxHashSet<String>,
    pub weak_prepositions: rustc_hash::FxHashSet<String>,
    pub impact_verbs: rustc_hash::FxHashSet<String>,
    pub place_nouns: rustc_hash::FxHashSet<String>,
    /// Nouns of an event after which "de" introduces where it happened ("les crues du Gard").
    pub event_nouns: rustc_hash::FxHashSet<String>,
    pub national: Vec<Vec<String>>,
    pub country_words: rustc_hash::FxHashSet<String>,
    pub city_words: rustc_hash::FxHashSet<String>,
    pub partial: Vec<Vec<String>>,
    pub capital_words: rustc_hash::FxHashSet<String>,
}

fn places_err(message: String) -> LexiconError {
    LexiconError {
        file: "places.toml".into(),
        message,
    }
}

/// Collects places and forms while the file is read.
#[derive(Default)]
struct Builder {
    places: Vec<Place>,
    by_name: HashMap<String, PlaceId>,
    forms: Vec<(String, PlaceForm)>,
}

impl Builder {
    /// Adds a place (or more forms of one already listed) and returns its id.
    fn add(
        &mut self,
        name: &str,
        parent: Option<PlaceId>,
        written: &[String],
    ) -> Result<PlaceId, LexiconError> {
        let id = match self.by_name.get(&name.to_lowercase()) {
            Some(&id) => {
                if parent.is_some() && self.places[id].parent != parent {
                    return Err(places_err(format!(
                        "place `{name}` is listed twice, in two different places"
                    )));
                }
                id
            }
            None => {
                let id = self.places.len();
                self.places.push(Place {
                    name: name.to_owned(),
                    parent,
                    capital: None,
                });
                self.by_name.insert(name.to_lowercase(), id);
                self.form(name, id, false);
                id
            }
        };
        for f in written {
            self.form(f, id, false);
        }
        Ok(id)
    }

    fn form(&mut self, written: &str, place: PlaceId, adjective: bool) {
        self.forms
            .push((written.to_owned(), PlaceForm { place, adjective }));
    }
}

impl Gazetteer {
    pub(super) fn load(file: PlacesFile) -> Result<Self, LexiconError> {
        let mut b = Builder::default();
        for r in &file.region {
            b.add(&r.name, None, &r.forms)?;
        }
        let mut capitals = Vec::new();
        for c in &file.country {
            let country = b.add(&c.name, None, &c.forms)?;
            for p in &c.places {
                // "Derna/Darna": one place, two forms.
                let mut written = p.split('/').map(str::to_owned);
                let Some(name) = written.next() else { continue };
                let others: Vec<String> = written.collect();
                b.add(&name, Some(country), &others)?;
            }
            capitals.push((country, c.capital.clone()));
        }
        for p in &file.place {
            let Some(&parent) = b.by_name.get(&p.within.to_lowercase()) else {
                return Err(places_err(format!(
                    "place `{}` lies in `{}`, which the gazetteer does not list",
                    p.name, p.within
                )));
            };
            let id = b.add(&p.name, Some(parent), &p.forms)?;
            for a in &p.adjectives {
                b.form(a, id, true);
            }
        }
        for (country, capital) in capitals {
            // A city-state is its own capital.
            let id = if capital.eq_ignore_ascii_case(&b.places[country].name) {
                country
            } else {
                b.add(&capital, Some(country), &[])?
            };
            b.places[country].capital = Some(id);
        }
        let Builder {
            places,
            by_name,
            mut forms,
        } = b;
        // No place may lie in itself, however far up.
        for start in 0..places.len() {
            let mut steps = 0;
            let mut at = places[start].parent;
            while let Some(p) = at {
                steps += 1;
                if p == start || steps > places.len() {
                    return Err(places_err(format!(
                        "place `{}` lies in itself",
                        places[start].name
                    )));
                }
                at = places[p].parent;
            }
        }
        let mut seen = HashSet::default();
        forms.retain(|(f, p)| seen.insert((f.to_lowercase(), p.place)));
        Ok(Gazetteer {
            places,
            forms: super::phrases(forms),
            by_name,
            prepositions: file.prepositions.words.into_iter().collect(),
            weak_prepositions: file.weak_prepositions.words.into_iter().collect(),
            impact_verbs: file.impact_verbs.words.into_iter().collect(),
            place_nouns: file.place_nouns.words.into_iter().collect(),
            event_nouns: file.event_nouns.words.into_iter().collect(),
            national: file.national.words.iter().map(|w| words_of(w)).collect(),
            country_words: file.country_words.words.into_iter().collect(),
            city_words: file.city_words.words.into_iter().collect(),
            partial: file.partial.words.iter().map(|w| words_of(w)).collect(),
            capital_words: file.capital.words.into_iter().collect(),
        })
    }

    /// The place a name or form written in a rule stands for ("Al-Haouz" → Al Haouz).
    pub fn find(&self, written: &str) -> Option<PlaceId> {
        if let Some(&id) = self.by_name.get(&written.to_lowercase()) {
            return Some(id);
        }
        let words = words_of(written);
        self.forms
            .iter()
            .find(|p: &&Phrase<PlaceForm>| p.words == words && !p.value.adjective)
            .map(|p| p.value.place)
    }

    /// The top of the chain `id` lies in: its country, or the region itself.
    pub fn country(&self, id: PlaceId) -> PlaceId {
        let mut at = id;
        let mut steps = 0;
        while let Some(p) = self.places[at].parent {
            at = p;
            steps += 1;
            if steps > self.places.len() {
                break;
            }
        }
        at
    }

    /// Whether `id` is `within` or lies in it, however far down.
    pub fn is_within(&self, id: PlaceId, within: PlaceId) -> bool {
        let mut at = Some(id);
        let mut steps = 0;
        while let Some(p) = at {
            if p == within {
                return true;
            }
            at = self.places[p].parent;
            steps += 1;
            if steps > self.places.len() {
                break;
            }
        }
        false
    }

    /// Whether `id` is a country (it has a capital).
    pub fn is_country(&self, id: PlaceId) -> bool {
        self.places[id].capital.is_some()
    }

    /// The name of `id`.
    pub fn name(&self, id: PlaceId) -> &str {
        &self.places[id].name
    }
}
