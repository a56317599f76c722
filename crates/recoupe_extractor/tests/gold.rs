//! Measures the extractor against the hand annotations of the seeds (`tests/gold/seeds.toml`,
//! copied from the shared gold and never edited to fit the code).
//!
//! A gold claim is found when an extracted claim's number lies inside an occurrence of the
//! gold quote and has the gold value. An extracted claim is correct when it is such a match
//! (a figure repeated word for word later in the same article counts as correct again); any
//! other extracted claim is a false positive. Run with `--nocapture` to see the tables.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::collections::BTreeMap;
use std::path::PathBuf;

use recoupe_extractor::{Claim, Extractor};
use recoupe_parser::{ArticleId, Span, parse_seed};
use serde::Deserialize;

/// The bar: the test fails if a figure drops below what the extractor reaches today.
const MIN_RECALL: f64 = 1.0;
const MIN_PRECISION: f64 = 1.0;
const MIN_FIELD: f64 = 1.0;

#[derive(Deserialize)]
struct Gold {
    claim: Vec<GoldClaim>,
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
    place: Vec<String>,
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

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn occurrences(text: &str, quote: &str) -> Vec<Span> {
    text.match_indices(quote)
        .map(|(i, q)| Span::new(i, i + q.len()))
        .collect()
}

/// The gold's English place names in the lexicon's spelling.
fn place(gold: &str) -> &str {
    match gold {
        "Iraq" => "Irak",
        "Syria" => "Syrie",
        "Middle East" => "Moyen-Orient",
        other => other,
    }
}

/// Nouns that fit a gold metric, to pair "deux martyrs et deux blessés" the right way round.
fn fits(metric: &str, claim: &Claim) -> bool {
    let noun = claim.noun.as_deref().unwrap_or("");
    match metric {
        "killed" => matches!(noun, "martyr" | "mort" | "tué"),
        "injured" => noun == "blessé",
        _ => true,
    }
}

/// Whether the gold day lies in the interval.
fn day_in(gold: &str, interval: Option<recoupe_parser::DayInterval>) -> bool {
    let (Ok(day), Some(i)) = (
        chrono::NaiveDate::parse_from_str(gold, "%Y-%m-%d"),
        interval,
    ) else {
        return false;
    };
    i.first <= day && day <= i.last
}

/// The month most of the interval's days fall in, as `YYYY-MM`.
fn main_month(i: recoupe_parser::DayInterval) -> String {
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

/// As-of is right when the claim's interval holds the gold day and lies mostly in its month
/// (the gold accepts a month taken from the article header).
fn as_of_right(gold: &str, interval: Option<recoupe_parser::DayInterval>) -> bool {
    interval.is_some_and(|i| gold.starts_with(&main_month(i)))
        && (day_in(gold, interval) || gold.len() == 7)
}

struct Field {
    right: usize,
    total: usize,
    misses: Vec<String>,
}

#[test]
fn extractor_against_the_seed_gold() {
    let gold: Gold =
        toml::from_str(&std::fs::read_to_string(root().join("tests/gold/seeds.toml")).unwrap())
            .unwrap();
    let extractor = Extractor::french().unwrap();
    let mut articles = BTreeMap::new();
    for entry in std::fs::read_dir(root().join("seeds")).unwrap() {
        let path = entry.unwrap().path();
        let id = path.file_stem().unwrap().to_string_lossy().into_owned();
        let (article, diagnostics) =
            parse_seed(ArticleId(id.clone()), &std::fs::read(&path).unwrap());
        assert!(diagnostics.is_empty(), "{id}: {diagnostics:?}");
        let claims = extractor.extract(&article);
        articles.insert(id, (article, claims));
    }

    let mut used: BTreeMap<(String, usize), bool> = BTreeMap::new();
    let mut found = 0;
    let mut fields: BTreeMap<&str, Field> =
        ["qualifier", "places", "cumulative", "as_of", "window_start"]
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
    for g in &gold.claim {
        let (article, claims) = &articles[&g.article];
        let spans = occurrences(&article.text, &g.quote);
        let candidates: Vec<usize> = (0..claims.len())
            .filter(|&k| {
                claims[k].value == g.value && spans.iter().any(|s| s.contains(claims[k].number))
            })
            .collect();
        let pick = candidates
            .iter()
            .copied()
            .filter(|&k| !used.contains_key(&(g.article.clone(), k)))
            .max_by_key(|&k| (fits(&g.metric, &claims[k]), std::cmp::Reverse(k)));
        let Some(k) = pick else {
            missed.push(format!("{} «{}» = {}", g.article, g.quote, g.value));
            continue;
        };
        used.insert((g.article.clone(), k), true);
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
            c.qualifier.name().to_owned(),
        );
        let mut want: Vec<&str> = g.place.iter().map(|p| place(p)).collect();
        let mut got: Vec<&str> = c.places.iter().map(String::as_str).collect();
        want.sort();
        got.sort();
        check("places", want == got, format!("{got:?}, want {want:?}"));
        check(
            "cumulative",
            c.is_cumulative() == g.cumulative,
            format!("{:?}", c.kind),
        );
        check(
            "as_of",
            as_of_right(&g.as_of, c.as_of),
            format!("{:?}", c.as_of.map(|i| i.to_string())),
        );
        if g.cumulative && !g.window_start.is_empty() {
            check(
                "window_start",
                day_in(&g.window_start, c.window_start),
                format!("{:?}", c.window_start.map(|i| i.to_string())),
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
                    && g.value == c.value
                    && occurrences(&article.text, &g.quote)
                        .iter()
                        .any(|s| s.contains(c.number))
            });
            if ok {
                correct += 1;
            } else {
                false_positives.push(format!(
                    "{id} «{}» in «{}»",
                    c.text,
                    article.slice(c.sentence)
                ));
            }
        }
    }
    let mut non_claims = Vec::new();
    for n in &gold.non_claim {
        let (article, claims) = &articles[&n.article];
        for s in occurrences(&article.text, &n.quote) {
            for c in claims.iter().filter(|c| s.contains(c.number)) {
                non_claims.push(format!(
                    "{} «{}» ({}) read as «{}»",
                    n.article, n.quote, n.why, c.text
                ));
            }
        }
    }

    let recall = found as f64 / gold.claim.len() as f64;
    let precision = correct as f64 / extracted.max(1) as f64;
    println!("extractor vs tests/gold/seeds.toml");
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
    println!("  field (on matched claims)   right/total   rate");
    for (name, f) in &fields {
        println!(
            "  {name:<27} {:>5}/{:<5}   {:.3}",
            f.right,
            f.total,
            f.right as f64 / f.total.max(1) as f64
        );
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

    assert!(recall >= MIN_RECALL, "recall {recall:.3} < {MIN_RECALL}");
    assert!(
        precision >= MIN_PRECISION,
        "precision {precision:.3} < {MIN_PRECISION}"
    );
    assert!(
        non_claims.is_empty(),
        "non-claims extracted: {non_claims:?}"
    );
    for (name, f) in &fields {
        let rate = f.right as f64 / f.total.max(1) as f64;
        if matches!(*name, "qualifier" | "places" | "cumulative" | "as_of") {
            assert!(rate >= MIN_FIELD, "{name}: {rate:.3} < {MIN_FIELD}");
        }
    }
}
