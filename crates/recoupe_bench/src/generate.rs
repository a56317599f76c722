//! A corpus of French news written from sentence templates, deterministic from a seed, with
//! planted findings and their ground truth.
//!
//! The corpus follows *topics*: an explosion, a fire or a collapse in a city on a day. Each
//! topic is covered by several articles over the following days, whose tolls are given by
//! sources (a ministry, a prefecture, the Red Cross…) in varied words, among boilerplate and
//! other figures (rescuers deployed, ages, budgets, dates). Each topic is planted as one of:
//!
//! - `revision`: one source's toll grows from day to day;
//! - `contradiction`: two sources give tolls that cannot both be true on the same day;
//! - `agreement`: every article gives the same toll.
//!
//! The rules hold one `event` metric per topic; `truth.json` says what each metric's verdict
//! must be. The same articles can be written as one JSON Lines file.

use std::fmt::Write as _;

/// SplitMix64: small, fast, and the same numbers on every platform and version.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0).
    pub fn below(&mut self, n: u64) -> u64 {
        self.next_u64() % n.max(1)
    }

    /// One of `items`.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.below(items.len() as u64) as usize]
    }
}

/// What a topic is planted as.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Planted {
    /// One source's toll grows.
    Revision,
    /// Two sources give incompatible tolls the same day.
    Contradiction,
    /// Every report agrees.
    Agreement,
}

impl Planted {
    /// The verdict the report must give.
    pub fn verdict(self) -> &'static str {
        match self {
            Planted::Revision => "revision",
            Planted::Contradiction => "contradiction",
            Planted::Agreement => "agreement",
        }
    }
}

/// One article of the corpus.
#[derive(Debug, Clone)]
pub struct Article {
    /// Its id (the file stem).
    pub id: String,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// Title and paragraphs, without the date line.
    pub title: String,
    /// Paragraphs separated by blank lines.
    pub body: String,
}

impl Article {
    /// The article in the seed format.
    pub fn seed_text(&self) -> String {
        format!(" date {} {}\n\n{}\n", self.date, self.title, self.body)
    }
}

/// A topic: its metric and what it is planted as.
#[derive(Debug, Clone)]
pub struct Topic {
    /// The metric's id.
    pub metric: String,
    /// The city.
    pub city: &'static str,
    /// The event's day.
    pub day: String,
    /// The last day its reports are read (a week after).
    pub until: String,
    /// What it is planted as.
    pub planted: Planted,
}

/// A generated corpus.
#[derive(Debug, Clone, Default)]
pub struct Corpus {
    /// The articles, in id order.
    pub articles: Vec<Article>,
    /// The topics, one metric each.
    pub topics: Vec<Topic>,
}

const CITIES: &[&str] = &[
    "Lyon",
    "Marseille",
    "Toulouse",
    "Nice",
    "Nantes",
    "Montpellier",
    "Strasbourg",
    "Bordeaux",
    "Lille",
    "Rennes",
    "Reims",
    "Toulon",
    "Grenoble",
    "Dijon",
    "Angers",
    "Brest",
    "Limoges",
    "Amiens",
    "Perpignan",
    "Metz",
    "Rouen",
    "Mulhouse",
    "Caen",
    "Nancy",
    "Avignon",
    "Poitiers",
    "Pau",
    "Calais",
    "Bayonne",
    "Lorient",
    "Ajaccio",
    "Bastia",
    "Cherbourg",
    "Quimper",
    "Vannes",
    "Valence",
    "Annecy",
    "Troyes",
    "Dunkerque",
    "Colmar",
    "Cannes",
    "Arles",
    "Casablanca",
    "Marrakech",
    "Tanger",
    "Agadir",
    "Oujda",
    "Alger",
    "Oran",
    "Tunis",
    "Sfax",
    "Alexandrie",
    "Beyrouth",
    "Amman",
    "Bagdad",
    "Erbil",
    "Mossoul",
    "Damas",
    "Alep",
    "Homs",
];

const EVENTS: &[(&str, &str)] = &[
    ("l'explosion", "Explosion"),
    ("l'incendie", "Incendie"),
    ("l'effondrement de l'immeuble", "Effondrement"),
    ("la collision", "Collision"),
    ("le glissement de terrain", "Glissement de terrain"),
];

const SOURCES: &[&str] = &[
    "le ministère de l'Intérieur",
    "la préfecture",
    "la Croix-Rouge",
    "les pompiers",
    "la protection civile",
];

const MONTHS: &[&str] = &[
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// The day `day_index` days after 2000-01-01, as `(year, month index, day)`.
fn date_of(day_index: u64) -> (u32, usize, u32) {
    let leap = |y: u32| y.is_multiple_of(4) && (!y.is_multiple_of(100) || y.is_multiple_of(400));
    let mut d = day_index;
    let mut year = 2000;
    loop {
        let days = if leap(year) { 366 } else { 365 };
        if d < days {
            break;
        }
        d -= days;
        year += 1;
    }
    let lengths = [
        31,
        if leap(year) { 29 } else { 28 },
        31,
        30,
        31,
        30,
        31,
        31,
        30,
        31,
        30,
        31,
    ];
    for (m, len) in lengths.iter().enumerate() {
        if d < *len {
            return (year, m, d as u32 + 1);
        }
        d -= len;
    }
    (year, 11, 31)
}

fn iso(day_index: u64) -> String {
    let (y, m, d) = date_of(day_index);
    format!("{y}-{:02}-{d:02}", m + 1)
}

fn spelled(day_index: u64) -> String {
    let (_, m, d) = date_of(day_index);
    let day = if d == 1 {
        "1er".to_owned()
    } else {
        d.to_string()
    };
    format!("{day} {}", MONTHS[m])
}

/// Writes `n` articles from `seed`: about 8 articles a topic.
pub fn generate(n: usize, seed: u64) -> Corpus {
    let mut rng = Rng::new(seed);
    let mut corpus = Corpus::default();
    let topics = n.div_ceil(8).max(1);
    let mut written = 0;
    for t in 0..topics {
        // Each city in turn; a city's topics are nine days apart, and each metric covers the
        // week after its event, so that no two topics share a claim.
        let city = CITIES[t % CITIES.len()];
        let (what, headline) = *rng.pick(EVENTS);
        let day = (t / CITIES.len()) as u64 * 9 + rng.below(2);
        let planted = match rng.below(10) {
            0..=3 => Planted::Revision,
            4..=5 => Planted::Contradiction,
            _ => Planted::Agreement,
        };
        let metric = format!("toll-{t:06}");
        let base = 3 + rng.below(60);
        let source = *rng.pick(SOURCES);
        let other = SOURCES
            .iter()
            .copied()
            .find(|s| *s != source)
            .unwrap_or(SOURCES[0]);
        let articles_here = (n - written).min(8);
        // A contradiction needs two reports: the corpus's last topic may have one.
        let planted = if planted == Planted::Contradiction && articles_here < 2 {
            Planted::Agreement
        } else {
            planted
        };
        for k in 0..articles_here {
            // Two reports a day; the contradicting one, last, from the second source, far lower
            // and the same day as the one before it.
            let contradicting = planted == Planted::Contradiction && k + 1 == articles_here;
            let (toll, by, report_day) = match planted {
                Planted::Revision => (base + 4 * (k as u64 / 2), source, day + 1 + k as u64 / 2),
                _ if contradicting => (base / 3 + 1, other, day + 1 + (k as u64 - 1) / 2),
                _ => (base, source, day + 1 + k as u64 / 2),
            };
            let id = format!("a{:07}", written);
            written += 1;
            corpus.articles.push(write_article(
                &mut rng, id, report_day, day, city, what, headline, toll, by,
            ));
        }
        corpus.topics.push(Topic {
            metric,
            city,
            day: iso(day),
            until: iso(day + 6),
            planted,
        });
        if written >= n {
            break;
        }
    }
    corpus
}

#[allow(clippy::too_many_arguments)]
fn write_article(
    rng: &mut Rng,
    id: String,
    report_day: u64,
    event_day: u64,
    city: &str,
    what: &str,
    headline: &str,
    toll: u64,
    by: &str,
) -> Article {
    let title = format!("{headline} à {city} : le point sur la situation");
    let mut body = String::new();
    let toll_sentence = match rng.below(4) {
        0 => format!(
            "Le bilan de {what} survenue le {} à {city} s'élève désormais à {toll} morts, selon {by}.",
            spelled(event_day)
        ),
        1 => format!(
            "Selon {by}, {what} du {} a fait {toll} morts à {city}.",
            spelled(event_day)
        ),
        2 => format!(
            "À {city}, {what} du {} a coûté la vie à {toll} personnes, a indiqué {by}.",
            spelled(event_day)
        ),
        _ => format!(
            "{toll} personnes ont été tuées dans {what} survenue le {} à {city}, selon {by}.",
            spelled(event_day)
        ),
    };
    let _ = writeln!(body, "{toll_sentence}");
    body.push('\n');
    let rescuers = 20 + rng.below(400);
    let vehicles = 5 + rng.below(80);
    let _ = writeln!(
        body,
        "Les secours ont mobilisé {rescuers} pompiers et {vehicles} véhicules. Une cellule d'aide psychologique a été ouverte à la mairie, qui a débloqué {} 000 euros.",
        10 + rng.below(900)
    );
    body.push('\n');
    let _ = writeln!(
        body,
        "Le maire, âgé de {} ans, a appelé au calme et annoncé une journée de deuil le {}. Une enquête a été ouverte par le parquet.",
        30 + rng.below(40),
        spelled(report_day + 2)
    );
    if rng.below(3) == 0 {
        body.push('\n');
        let _ = writeln!(
            body,
            "En 2019, un accident semblable avait fait {} blessés dans la région.",
            2 + rng.below(30)
        );
    }
    Article {
        id,
        date: iso(report_day),
        title,
        body,
    }
}

/// The rules of a corpus: one event metric per topic.
pub fn rules(corpus: &Corpus) -> String {
    let mut out =
        String::from("# Generated by recoupe-bench: one event metric per planted topic.\n");
    for t in &corpus.topics {
        let _ = write!(
            out,
            "\n[[metric]]\nid = \"{}\"\ntitle = \"Dead in {}, {}\"\nmodel = \"event\"\ntolerance = \"0%\"\nevent = {{ on = \"{}\", places = [\"{}\"] }}\nperiod = {{ from = \"{}\", to = \"{}\" }}\nmatch = {{ predicates = [\"tué\"], places = [\"{}\"] }}\n",
            t.metric, t.city, t.day, t.day, t.city, t.day, t.until, t.city
        );
    }
    out
}

/// The ground truth: each metric's expected verdict, as JSON.
pub fn truth(corpus: &Corpus) -> serde_json::Value {
    serde_json::Value::Object(
        corpus
            .topics
            .iter()
            .map(|t| {
                (
                    t.metric.clone(),
                    serde_json::Value::from(t.planted.verdict()),
                )
            })
            .collect(),
    )
}

/// The articles as JSON Lines.
pub fn jsonl(corpus: &Corpus) -> String {
    let mut out = String::new();
    for a in &corpus.articles {
        let record = serde_json::json!({
            "id": a.id,
            "date": a.date,
            "text": format!("{}\n\n{}", a.title, a.body),
        });
        let _ = writeln!(out, "{record}");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_corpus() {
        let a = generate(50, 7);
        let b = generate(50, 7);
        assert_eq!(a.articles.len(), 50);
        let texts = |c: &Corpus| {
            c.articles
                .iter()
                .map(Article::seed_text)
                .collect::<Vec<_>>()
        };
        assert_eq!(texts(&a), texts(&b));
        assert_ne!(texts(&a), texts(&generate(50, 8)));
        assert_eq!(rules(&a), rules(&b));
    }

    #[test]
    fn dates_are_real_days() {
        assert_eq!(iso(0), "2000-01-01");
        assert_eq!(iso(59), "2000-02-29");
        assert_eq!(iso(366 + 365 + 365 + 365 + 59), "2004-02-29");
        assert_eq!(iso(366 + 58), "2001-02-28");
        assert_eq!(spelled(0), "1er janvier");
    }
}
