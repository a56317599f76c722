//! Each stage of the pipeline on its own, over 1 000 generated articles held in memory (divan):
//! parsing, extraction, checking against the corpus's rules, and rendering the JSON and text
//! reports. `cargo bench -p recoupe_bench --bench stages`. Throughput is in bytes of article
//! text; the end-to-end run over files is `recoupe-bench run` (docs/performance.md).
#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]

use std::sync::LazyLock;

use divan::{Bencher, counter::BytesCount};
use recoupe_checker::{RuleSet, Vocabulary};
use recoupe_extractor::{Claim, Extractor};
use recoupe_parser::{Article, ArticleId, parse_seed};

const ARTICLES: usize = 1_000;

struct Fixture {
    texts: Vec<(String, String)>,
    extractor: Extractor,
    articles: Vec<Article>,
    claims: Vec<Claim>,
    rules: RuleSet,
}

static FIXTURE: LazyLock<Fixture> = LazyLock::new(|| {
    let corpus = recoupe_bench::generate::generate(ARTICLES, 1);
    let texts: Vec<(String, String)> = corpus
        .articles
        .iter()
        .map(|a| (a.id.clone(), a.seed_text()))
        .collect();
    let extractor = Extractor::french().unwrap();
    let articles: Vec<Article> = texts
        .iter()
        .map(|(id, t)| parse_seed(ArticleId::from(id.as_str()), t.as_bytes()).0)
        .collect();
    let mut claims: Vec<Claim> = articles.iter().flat_map(|a| extractor.extract(a)).collect();
    claims.sort_by(|a, b| a.id.cmp(&b.id));
    let rules = recoupe_checker::load(
        &[("bench.toml".into(), recoupe_bench::generate::rules(&corpus))],
        &Vocabulary::of(extractor.lexicon()),
    )
    .unwrap();
    Fixture {
        texts,
        extractor,
        articles,
        claims,
        rules,
    }
});

fn bytes() -> BytesCount {
    BytesCount::new(FIXTURE.texts.iter().map(|(_, t)| t.len()).sum::<usize>())
}

fn main() {
    divan::main();
}

#[divan::bench]
fn parse(b: Bencher) {
    let f = &*FIXTURE;
    b.counter(bytes()).bench(|| {
        f.texts
            .iter()
            .map(|(id, t)| {
                parse_seed(ArticleId::from(id.as_str()), t.as_bytes())
                    .0
                    .sentences
                    .len()
            })
            .sum::<usize>()
    });
}

#[divan::bench]
fn extract(b: Bencher) {
    let f = &*FIXTURE;
    b.counter(bytes()).bench(|| {
        f.articles
            .iter()
            .map(|a| f.extractor.extract(a).len())
            .sum::<usize>()
    });
}

#[divan::bench]
fn check(b: Bencher) {
    let f = &*FIXTURE;
    b.counter(bytes())
        .bench(|| recoupe_checker::check(&f.claims, &f.rules, &[]).contradictions());
}

struct NoPositions;

impl recoupe_report::Positions for NoPositions {
    fn line_col(&self, _: &recoupe_report::ArticleLocation, _: usize) -> (usize, usize) {
        (1, 1)
    }
}

fn render(b: Bencher, json: bool) {
    let f = &*FIXTURE;
    let outcome = recoupe_checker::check(&f.claims, &f.rules, &[]);
    let report = recoupe_report::Report {
        articles: f.articles.len(),
        claims: &f.claims,
        rules: &f.rules,
        outcome: &outcome,
        locations: &[],
        positions: &NoPositions,
    };
    // A report holds a `&dyn Positions`, which need not be `Sync`: run on this thread.
    b.counter(bytes()).bench_local(|| {
        let mut out = Vec::new();
        if json {
            recoupe_report::json::render(&report, &mut out).unwrap();
        } else {
            recoupe_report::text::render(&report, &mut out, false).unwrap();
        }
        out.len()
    });
}

#[divan::bench]
fn render_json(b: Bencher) {
    render(b, true);
}

#[divan::bench]
fn render_text(b: Bencher) {
    render(b, false);
}
