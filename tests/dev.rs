//! The checker on a real corpus: for each topic of the development corpus
//! (`../shared/dev/<topic>/articles`, read in place, never copied; `RECOUPE_DEV_DIR` reads it
//! elsewhere), `recoupe report` runs with the rules a user would write for it
//! (`tests/dev/<topic>/rules/`) and its JSON report is held against what the topic's
//! `findings.md` says (`tests/dev/<topic>/expected.toml`): each metric's verdict, every
//! certain contradiction found with its claims, no contradiction findings.md does not make,
//! and the downward revisions. The articles are third-party text: these tests compare
//! verdicts, values and article ids, never quotes.
//!
//! Run with `cargo test --test dev -- --nocapture` for the table per topic.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

use serde::Deserialize;

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

fn dev_dir() -> PathBuf {
    match std::env::var_os("RECOUPE_DEV_DIR") {
        Some(d) => PathBuf::from(d),
        None => root().join("../shared/dev"),
    }
}

/// A claim as an expectation names it: its article and value.
#[derive(Debug, Clone, Deserialize, PartialEq)]
struct ClaimRef {
    article: String,
    value: f64,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Expected {
    topic: String,
    #[serde(default)]
    not_numbers: Vec<u32>,
    /// Parts of certain contradictions the rules cannot check, each with why.
    #[serde(default)]
    unchecked_parts: Vec<String>,
    #[serde(default)]
    metric: Vec<MetricExpected>,
    #[serde(default)]
    contradiction: Vec<Pair>,
    #[serde(default)]
    revised_down: Vec<Pair>,
    #[serde(default)]
    disagreement: Vec<Pair>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct MetricExpected {
    id: String,
    verdict: String,
    #[serde(default)]
    #[allow(dead_code)]
    why: Option<String>,
}

/// Two (or more) claims a finding of one metric must name; `certain` is the number of the
/// certain contradiction of findings.md it shows, when it shows one.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct Pair {
    #[serde(default)]
    certain: Option<u32>,
    metric: String,
    claims: Vec<ClaimRef>,
    #[serde(default)]
    #[allow(dead_code)]
    why: Option<String>,
}

/// A finding of the report, with its claims as (article, value).
#[derive(Debug)]
struct Found {
    metric: String,
    kind: String,
    claims: Vec<ClaimRef>,
    message: String,
}

fn same(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-6
}

impl Pair {
    /// Whether `f` names every claim of the pair.
    fn shown_by(&self, f: &Found) -> bool {
        f.metric == self.metric
            && self.claims.iter().all(|c| {
                f.claims
                    .iter()
                    .any(|d| d.article == c.article && same(d.value, c.value))
            })
    }
}

/// Runs the report of `topic` and reads its verdicts and findings.
fn report(topic: &str, articles: &Path) -> (BTreeMap<String, String>, Vec<Found>) {
    let rules = root().join("tests/dev").join(topic).join("rules");
    let mut out = Vec::new();
    let mut err = Vec::new();
    let args = vec![
        "recoupe".to_owned(),
        "report".to_owned(),
        articles.display().to_string(),
        "--rules".to_owned(),
        rules.display().to_string(),
        "--format".to_owned(),
        "json".to_owned(),
    ];
    let status = recoupe_cli::run(args, &mut out, &mut err);
    assert!(
        status.code() <= 1,
        "{topic}: report failed: {}",
        String::from_utf8_lossy(&err)
    );
    let json: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let mut verdicts = BTreeMap::new();
    let mut found = Vec::new();
    for m in json["metrics"].as_array().unwrap() {
        let id = m["id"].as_str().unwrap().to_owned();
        verdicts.insert(id.clone(), m["verdict"].as_str().unwrap().to_owned());
        let values: BTreeMap<&str, ClaimRef> = m["claims"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| {
                (
                    c["id"].as_str().unwrap(),
                    ClaimRef {
                        article: c["article"].as_str().unwrap().to_owned(),
                        value: c["value"].as_f64().unwrap(),
                    },
                )
            })
            .collect();
        for f in m["findings"].as_array().unwrap() {
            found.push(Found {
                metric: id.clone(),
                kind: f["kind"].as_str().unwrap().to_owned(),
                claims: f["claims"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .filter_map(|c| values.get(c.as_str().unwrap()).cloned())
                    .collect(),
                message: f["message"].as_str().unwrap().to_owned(),
            });
        }
    }
    (verdicts, found)
}

/// Runs the `[[case]]`s of `topic`'s rules (invented articles, so they run without the
/// corpus): every case validated, every metric covered.
fn check_cases(topic: &str) {
    let rules = root().join("tests/dev").join(topic).join("rules");
    let mut out = Vec::new();
    let mut err = Vec::new();
    let args = vec![
        "recoupe".to_owned(),
        "test".to_owned(),
        rules.display().to_string(),
        "--coverage".to_owned(),
    ];
    let status = recoupe_cli::run(args, &mut out, &mut err);
    assert_eq!(
        status.code(),
        0,
        "{topic}: cases of its rules fail:\n{}{}",
        String::from_utf8_lossy(&out),
        String::from_utf8_lossy(&err)
    );
}

/// Holds the report of `topic` against its expectations; prints what it measured.
fn check_topic(topic: &str) {
    check_cases(topic);
    let articles = dev_dir().join(topic).join("articles");
    if !articles.is_dir() {
        eprintln!(
            "dev corpus absent: {} not found (set RECOUPE_DEV_DIR); nothing checked",
            articles.display()
        );
        return;
    }
    let path = root().join("tests/dev").join(topic).join("expected.toml");
    let expected: Expected = toml::from_str(&std::fs::read_to_string(&path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    assert_eq!(expected.topic, topic);
    let (verdicts, found) = report(topic, &articles);
    let mut problems = Vec::new();

    // Verdicts.
    for m in &expected.metric {
        match verdicts.get(&m.id) {
            Some(v) if *v == m.verdict => {}
            Some(v) => problems.push(format!("{}: verdict {v}, expected {}", m.id, m.verdict)),
            None => problems.push(format!("{}: no such metric in the rules", m.id)),
        }
    }
    // Every expected contradiction, revision down and disagreement is found.
    let mut certain_expected = BTreeSet::new();
    let mut certain_found = BTreeSet::new();
    for (kind, pairs) in [
        ("contradiction", &expected.contradiction),
        ("revised_down", &expected.revised_down),
        ("disagreement", &expected.disagreement),
    ] {
        for p in pairs {
            if let Some(n) = p.certain {
                certain_expected.insert(n);
            }
            if found.iter().any(|f| f.kind == kind && p.shown_by(f)) {
                if let Some(n) = p.certain {
                    certain_found.insert(n);
                }
            } else {
                problems.push(format!("{} not found: {} {:?}", kind, p.metric, p.claims));
            }
        }
    }
    // No contradiction findings.md does not make.
    let false_contradictions: Vec<&Found> = found
        .iter()
        .filter(|f| f.kind == "contradiction")
        .filter(|f| !expected.contradiction.iter().any(|p| p.shown_by(f)))
        .collect();
    for f in &false_contradictions {
        problems.push(format!(
            "false contradiction in {}: {}",
            f.metric, f.message
        ));
    }
    let contradictions = found.iter().filter(|f| f.kind == "contradiction").count();
    eprintln!(
        "{topic}: certain contradictions found {}/{} (of findings.md's {}; {} are not two figures: {:?}), {} contradiction findings, {} false, {} verdicts checked",
        certain_found.len(),
        certain_expected.len(),
        certain_expected.len() + expected.not_numbers.len(),
        expected.not_numbers.len(),
        expected.not_numbers,
        contradictions,
        false_contradictions.len(),
        expected.metric.len(),
    );
    for u in &expected.unchecked_parts {
        eprintln!("  not checked: {u}");
    }
    for p in &problems {
        eprintln!("  {p}");
    }
    assert!(problems.is_empty(), "{topic}: {} problems", problems.len());
}

#[test]
fn dev_maroc() {
    check_topic("maroc");
}

#[test]
fn dev_retraites() {
    check_topic("retraites");
}

#[test]
fn dev_merrouge() {
    check_topic("merrouge");
}
