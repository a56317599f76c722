//! Measures the extractor against hand annotations: the seeds (`tests/gold/seeds.toml`, a copy
//! of the shared gold) and each French topic of the development corpus (`../shared/dev/<topic>/`,
//! read in place, never copied; set `RECOUPE_DEV_DIR` to read it elsewhere). Neither gold is
//! ever edited to fit the code.
//!
//! A gold claim is found when an extracted claim's number lies inside an occurrence of the gold
//! quote and has the gold value. An extracted claim is correct when it is such a match (a figure
//! repeated word for word later in the same article counts as correct again); any other
//! extracted claim is a false positive. Fields are measured on the matched claims. Run with
//! `--nocapture` to see the tables and every miss.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use recoupe_extractor::{Claim, Extractor, Unit};
use recoupe_parser::{ArticleId, DayInterval, Span, parse_seed};
use serde::Deserialize;

#[derive(Deserialize)]
struct Gold {
    claim: Vec<GoldClaim>,
    #[serde(default)]
    non_claim: Vec<NonClaim>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct GoldClaim {
    article: String,
    quote: String,
    metric: String,
    value: f64,
    qualifier: String,
    #[serde(default)]
    counted: String,
    /// Absent from the seed gold: not measured there.
    predicate: Option<String>,
    place: Vec<String>,
    #[serde(default)]
    actor: String,
    window_start: String,
    as_of: String,
    cumulative: bool,
    source: String,
    note: Option<String>,
}

#[derive(Deserialize)]
#[allow(dead_code)]
struct NonClaim {
    article: String,
    quote: String,
    why: String,
}

/// Floors: the test fails if a figure drops below what the extractor reaches today.
struct Floors {
    recall: f64,
    precision: f64,
    /// Per measured field; a field not listed has no floor.
    fields: &'static [(&'static str, f64)],
    /// Gold non-claims that may be extracted.
    non_claims: usize,
}

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn dev_dir() -> PathBuf {
    match std::env::var_os("RECOUPE_DEV_DIR") {
        Some(d) => PathBuf::from(d),
        None => root().join("../shared/dev"),
    }
}

fn occurrences(text: &str, quote: &str) -> Vec<Span> {
    text.match_indices(quote)
        .map(|(i, q)| Span::new(i, i + q.len()))
        .collect()
}

fn same_value(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

/// The seed gold's English place names in the lexicon's spelling.
fn english_place(gold: &str) -> &str {
    match gold {
        "Iraq" => "Irak",
        "Syria" => "Syrie",
        "Middle East" => "Moyen-Orient",
        other => other,
    }
}

/// Nouns that fit a seed gold metric, to pair "deux martyrs et deux blessés" the right way round.
fn fits(metric: &str, claim: &Claim) -> bool {
    let noun = claim.noun.as_deref().unwrap_or("");
    match metric {
        "killed" => matches!(noun, "martyr" | "mort" | "tué"),
        "injured" => noun == "blessé",
        _ => true,
    }
}

/// Whether the gold day lies in the interval.
fn day_in(gold: &str, interval: Option<DayInterval>) -> bool {
    let (Ok(day), Some(i)) = (
        chrono::NaiveDate::parse_from_str(gold, "%Y-%m-%d"),
        interval,
    ) else {
        return false;
    };
    i.first <= day && day <= i.last
}

/// The month most of the interval's days fall in, as `YYYY-MM`.
fn main_month(i: DayInterval) -> String {
    let mut counts: BTreeMap<String, i64> = BTreeMap::new();
    let mut d = i.first;
    while d <= i.last {
        *counts.entry(d.format("%Y-%m").to_string()).or_default() += 1;
        d = d.succ_opt().unwrap();
    }
    counts
        .into_iter()
        .max_by_key(|(_, n)| *n)
        .map(|(m, _)| m)
        .unwrap_or_default()
}

/// The unit a gold quote writes (the gold has no unit column: the quote says it).
fn gold_unit(quote: &str) -> Option<Unit> {
    let q = quote.to_lowercase();
    if q.contains('%') || q.contains("pour cent") || q.contains("pourcent") {
        Some(Unit::Percent)
    } else if q.contains("euro") || q.contains('€') {
        Some(Unit::Eur)
    } else if q.contains("dollar") || q.contains('$') {
        Some(Unit::Usd)
    } else if q.contains(" point") {
        Some(Unit::Point)
    } else if ["tiers", "moitié", "quart", "cinquième", "dixième"]
        .iter()
        .any(|f| q.contains(f))
    {
        // A fraction of a whole, written in words.
        Some(Unit::Share)
    } else {
        None
    }
}

struct Field {
    right: usize,
    total: usize,
    misses: Vec<String>,
}

impl Field {
    fn rate(&self) -> f64 {
        self.right as f64 / self.total.max(1) as f64
    }
}

/// Articles of a folder of seed-format files, parsed and extracted.
fn read_articles(
    extractor: &Extractor,
    dir: &Path,
) -> BTreeMap<String, (recoupe_parser::Article, Vec<Claim>)> {
    let mut articles = BTreeMap::new();
    let mut days = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_none_or(|e| e != "txt") {
            continue;
        }
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (article, _) = parse_seed(ArticleId::from(id.as_str()), &std::fs::read(&path).unwrap());
        let read = extractor.read(&article);
        days.extend(read.days);
        articles.insert(id, (article, read.claims));
    }
    // The corpus's calendar fixes the weekdays of month-dated articles, as a run does.
    let all: Vec<Claim> = articles.values().flat_map(|(_, c)| c.clone()).collect();
    let calendar = recoupe_extractor::calendar::Calendar::of(&all, &days);
    for (_, claims) in articles.values_mut() {
        calendar.refine(claims);
    }
    articles
}

/// Which of a claim's place fields a gold's `place` column is written at.
#[derive(Clone, Copy, PartialEq)]
enum PlaceLevel {
    /// The seed gold names the countries or regions a figure covers ("Iraq" for Erbil).
    Country,
    /// The dev gold names the scope at its own level ("Paris", not France).
    Scope,
}

/// Whether claim `c` has the gold value: its value, or for a range either end (the gold
/// writes "entre 600 000 et 800 000" as two claims, one for each end).
fn has_value(c: &Claim, v: f64) -> bool {
    same_value(c.value, v)
        || (c.qualifier.name() == "range" && c.interval.high.is_some_and(|h| same_value(h, v)))
}

/// Measures one corpus against its gold, prints the tables and checks the floors.
fn measure(name: &str, articles_dir: &Path, gold_path: &Path, level: PlaceLevel, floors: &Floors) {
    let gold: Gold = toml::from_str(&std::fs::read_to_string(gold_path).unwrap()).unwrap();
    let extractor = Extractor::french().unwrap();
    let lexicon = extractor.lexicon();
    let articles = read_articles(&extractor, articles_dir);

    let canonical_place = |p: &str| {
        let p = english_place(p);
        lexicon.place_name(p).unwrap_or_else(|| p.to_owned())
    };
    let class_of = |lemma: &str| -> Option<String> {
        if lemma.is_empty() || lexicon.is_reporting_verb(lemma) {
            return None;
        }
        Some(
            lexicon
                .predicate_class(lemma)
                .map_or_else(|| lemma.to_owned(), |c| c.name().to_owned()),
        )
    };

    let mut used: BTreeMap<(String, usize, usize), bool> = BTreeMap::new();
    let mut found = 0;
    let field_names = [
        "qualifier",
        "places",
        "cumulative",
        "as_of month",
        "as_of day",
        "window_start",
        "predicate",
        "unit",
        "counted",
    ];
    let mut fields: BTreeMap<&str, Field> = field_names
        .into_iter()
        .map(|f| {
            (
                f,
                Field {
                    right: 0,
                    total: 0,
                    misses: Vec::new(),
                },
            )
        })
        .collect();
    let mut missed = Vec::new();
    let mut english_skipped = 0;
    for g in &gold.claim {
        let Some((article, claims)) = articles.get(&g.article) else {
            missed.push(format!("{}: no such article", g.article));
            continue;
        };
        let spans = occurrences(&article.text, &g.quote);
        let candidates: Vec<usize> = (0..claims.len())
            .filter(|&k| {
                has_value(&claims[k], g.value) && spans.iter().any(|s| s.contains(claims[k].number))
            })
            .collect();
        let end = |k: usize| usize::from(!same_value(claims[k].value, g.value));
        let pick = candidates
            .iter()
            .copied()
            .filter(|&k| !used.contains_key(&(g.article.clone(), k, end(k))))
            .max_by_key(|&k| (fits(&g.metric, &claims[k]), std::cmp::Reverse(k)));
        let Some(k) = pick else {
            if claims.is_empty() {
                english_skipped += 1;
            }
            missed.push(format!("{} «{}» = {}", g.article, g.quote, g.value));
            continue;
        };
        used.insert((g.article.clone(), k, end(k)), true);
        found += 1;
        let c = &claims[k];
        let label = format!("{} «{}»", g.article, g.quote);
        let mut check = |name: &str, ok: bool, got: String| {
            let f = fields.get_mut(name).unwrap();
            f.total += 1;
            if ok {
                f.right += 1;
            } else {
                f.misses.push(format!("{label}: got {got}"));
            }
        };
        check(
            "qualifier",
            c.qualifier.name() == g.qualifier,
            format!("{}, want {}", c.qualifier.name(), g.qualifier),
        );
        let mut want: Vec<String> = g.place.iter().map(|p| canonical_place(p)).collect();
        let mut got: Vec<String> = match level {
            PlaceLevel::Country => c.countries.iter().map(|p| p.to_string()).collect(),
            PlaceLevel::Scope => c.places.iter().map(|p| p.to_string()).collect(),
        };
        want.sort();
        want.dedup();
        got.sort();
        got.dedup();
        check("places", want == got, format!("{got:?}, want {want:?}"));
        check(
            "cumulative",
            c.is_cumulative() == g.cumulative,
            format!("{:?}, want cumulative={}", c.kind, g.cumulative),
        );
        // The month most of the claim's days fall in; the gold may give a year ("1989").
        let month = c.as_of.map(main_month).unwrap_or_default();
        let gold_month: String = g.as_of.chars().take(7).collect();
        check(
            "as_of month",
            !month.is_empty() && (month == gold_month || month.starts_with(&gold_month)),
            format!("{month:?}, want {}", g.as_of),
        );
        if g.as_of.len() == 10 {
            check(
                "as_of day",
                c.as_of.is_some_and(|i| i.first == i.last) && day_in(&g.as_of, c.as_of),
                format!("{:?}, want {}", c.as_of.map(|i| i.to_string()), g.as_of),
            );
        }
        if g.cumulative && !g.window_start.is_empty() {
            let ok = if g.window_start.len() == 7 {
                c.window_start
                    .is_some_and(|i| main_month(i) == g.window_start)
            } else {
                day_in(&g.window_start, c.window_start)
            };
            check(
                "window_start",
                ok,
                format!(
                    "{:?}, want {}",
                    c.window_start.map(|i| i.to_string()),
                    g.window_start
                ),
            );
        }
        if let Some(p) = &g.predicate {
            let want = class_of(p);
            let got = c.predicate.as_deref().and_then(class_of);
            check(
                "predicate",
                want == got,
                format!("{:?} ({got:?}), want {p:?} ({want:?})", c.predicate),
            );
        }
        let want_unit = gold_unit(&g.quote);
        check(
            "unit",
            want_unit == c.unit,
            format!("{:?}, want {want_unit:?}", c.unit),
        );
        if !g.counted.is_empty() {
            // A claim's noun is the head lemma of what it counts: the gold's "missile de
            // croisière" is measured on "missile", its "missile et drone" on both heads
            // (`noun` and `counted_with`).
            let lower = g.counted.to_lowercase();
            let mut want: Vec<String> = lower
                .split(" et ")
                .filter_map(|part| part.split([' ', '\'']).next())
                .map(|head| lexicon.noun_lemma(head))
                .collect();
            want.sort();
            want.dedup();
            let got_with = |first: &str| {
                let mut all: Vec<String> = std::iter::once(first.to_owned())
                    .chain(c.counted_with.iter().map(|n| n.to_string()))
                    .collect();
                all.sort();
                all.dedup();
                all
            };
            let ok = [c.noun.as_deref(), c.head.as_deref()]
                .into_iter()
                .flatten()
                // The retraites gold names the first head of "policiers et gendarmes" alone.
                .any(|n| got_with(n) == want || (want.len() == 1 && want[0] == n));
            check(
                "counted",
                ok,
                format!(
                    "{:?}/{:?} with {:?}, want {}",
                    c.noun,
                    c.head,
                    c.counted_with,
                    want.join(" + ")
                ),
            );
        }
    }

    // Precision: every extracted claim must sit in a gold quote with the gold value.
    let mut extracted = 0;
    let mut correct = 0;
    let mut false_positives = Vec::new();
    for (id, (article, claims)) in &articles {
        for c in claims {
            extracted += 1;
            let ok = gold.claim.iter().any(|g| {
                &g.article == id
                    && has_value(c, g.value)
                    && occurrences(&article.text, &g.quote)
                        .iter()
                        .any(|s| s.contains(c.number))
            });
            if ok {
                correct += 1;
            } else {
                false_positives.push(format!(
                    "{id} «{}» = {} in «{}»",
                    c.text(),
                    c.value,
                    article.slice(c.sentence())
                ));
            }
        }
    }
    let mut non_claims = Vec::new();
    for n in &gold.non_claim {
        let Some((article, claims)) = articles.get(&n.article) else {
            continue;
        };
        for s in occurrences(&article.text, &n.quote) {
            for c in claims.iter().filter(|c| s.contains(c.number)) {
                // A non-claim quote may hold a claim of its own ("le 1er mai, 782 000
                // manifestants"): only a claim no gold claim explains is a non-claim read.
                let explained = gold.claim.iter().any(|g| {
                    g.article == n.article
                        && has_value(c, g.value)
                        && occurrences(&article.text, &g.quote)
                            .iter()
                            .any(|s| s.contains(c.number))
                });
                if !explained {
                    non_claims.push(format!(
                        "{} «{}» ({}) read as «{}»",
                        n.article,
                        n.quote,
                        n.why,
                        c.text()
                    ));
                }
            }
        }
    }
    non_claims.sort();
    non_claims.dedup();

    let recall = found as f64 / gold.claim.len() as f64;
    let precision = correct as f64 / extracted.max(1) as f64;
    println!("extractor vs {name}");
    println!(
        "  recall     {recall:.3}  ({found}/{} gold claims found)",
        gold.claim.len()
    );
    println!("  precision  {precision:.3}  ({correct}/{extracted} extracted claims correct)");
    println!(
        "  non-claims {} extracted of {}",
        non_claims.len(),
        gold.non_claim.len()
    );
    if english_skipped > 0 {
        println!("  ({english_skipped} gold claims in articles with no claim read)");
    }
    println!("  field (on matched claims)   right/total   rate");
    for (name, f) in &fields {
        if f.total > 0 {
            println!(
                "  {name:<27} {:>5}/{:<5}   {:.3}",
                f.right,
                f.total,
                f.rate()
            );
        }
    }
    for m in &missed {
        println!("  missed: {m}");
    }
    for fp in &false_positives {
        println!("  false positive: {fp}");
    }
    for n in &non_claims {
        println!("  non-claim extracted: {n}");
    }
    for (name, f) in &fields {
        for m in &f.misses {
            println!("  {name} wrong: {m}");
        }
    }

    assert!(
        recall >= floors.recall,
        "{name}: recall {recall:.3} < {}",
        floors.recall
    );
    assert!(
        precision >= floors.precision,
        "{name}: precision {precision:.3} < {}",
        floors.precision
    );
    assert!(
        non_claims.len() <= floors.non_claims,
        "{name}: {} non-claims extracted (at most {}): {non_claims:#?}",
        non_claims.len(),
        floors.non_claims
    );
    for (field, floor) in floors.fields {
        let rate = fields[field].rate();
        assert!(rate >= *floor, "{name}: {field} {rate:.3} < {floor}");
    }
}

/// Measures a dev topic, or says plainly that the corpus is absent (CI always has it).
fn measure_dev(topic: &str, floors: &Floors) {
    let dir = dev_dir().join(topic);
    if !dir.join("gold.toml").is_file() {
        println!(
            "dev corpus absent: {} not found (set RECOUPE_DEV_DIR); nothing measured",
            dir.display()
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the dev corpus at {}",
            dir.display()
        );
        return;
    }
    measure(
        &format!("dev/{topic}"),
        &dir.join("articles"),
        &dir.join("gold.toml"),
        PlaceLevel::Scope,
        floors,
    );
}

#[test]
fn seeds() {
    measure(
        "tests/gold/seeds.toml",
        &root().join("seeds"),
        &root().join("tests/gold/seeds.toml"),
        PlaceLevel::Country,
        &Floors {
            recall: 1.0,
            precision: 1.0,
            fields: &[
                ("qualifier", 1.0),
                ("places", 1.0),
                ("cumulative", 1.0),
                ("as_of month", 1.0),
                ("unit", 1.0),
            ],
            non_claims: 0,
        },
    );
}

#[test]
fn dev_maroc() {
    measure_dev(
        "maroc",
        &Floors {
            recall: 1.0,
            precision: 1.0,
            fields: &[
                ("qualifier", 1.0),
                ("places", 0.935),
                ("cumulative", 0.962),
                ("as_of day", 0.962),
                ("as_of month", 1.0),
                ("predicate", 0.935),
                ("counted", 0.99),
                ("unit", 1.0),
            ],
            non_claims: 0,
        },
    );
}

#[test]
fn dev_retraites() {
    measure_dev(
        "retraites",
        &Floors {
            recall: 0.967,
            precision: 1.0,
            fields: &[
                ("qualifier", 0.958),
                ("places", 0.966),
                ("cumulative", 0.991),
                ("as_of day", 0.923),
                ("as_of month", 0.958),
                ("predicate", 0.975),
                ("counted", 0.941),
                ("unit", 1.0),
            ],
            non_claims: 0,
        },
    );
}

#[test]
fn dev_merrouge() {
    measure_dev(
        "merrouge",
        &Floors {
            recall: 0.987,
            precision: 1.0,
            fields: &[
                ("qualifier", 1.0),
                ("places", 0.842),
                ("cumulative", 0.973),
                ("as_of day", 0.883),
                ("as_of month", 0.934),
                ("predicate", 0.934),
                ("counted", 0.868),
                ("unit", 1.0),
            ],
            non_claims: 0,
        },
    );
}
