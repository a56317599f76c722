//! Runs the number and date readers on public French recognition suites (Recognizers-Text's
//! `Number/NumberModel.json` and `DateTime/DateParser.json`, MIT, kept in
//! `../shared/conformance/`; set `RECOUPE_CONFORMANCE_DIR` to read them elsewhere) and prints
//! the pass rates.
//!
//! Numbers: a case passes when the numbers found, in order, have the expected texts (compared
//! without case) and values (to 1e-9 relative). Dates: a case passes when a date found
//! overlaps the expected text and is the expected day (the suite's past resolution; the
//! case's reference day, 2016-11-07 when it gives none); a case expecting nothing passes
//! when nothing is found. Every case counts, including those the suite marks as unsupported
//! on its own platforms. Run with `--nocapture` to see the failures; `docs/conformance.md`
//! says why each stays.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use recoupe_extractor::Extractor;
use serde_json::Value;

/// The bar: fails if the pass rate drops below what the reader reaches today.
const MIN_PASS_RATE: f64 = 0.915;

/// The bars of the date reader: on the cases the suite gives a reference day and supports on
/// its own reference platform (65), and on all 185 (120 of which give no reference day and
/// are marked unsupported on every platform of the suite: `docs/conformance.md`).
const MIN_DATE_PASS_RATE: f64 = 0.80;
const MIN_DATE_PASS_RATE_ALL: f64 = 0.68;

fn suite_dir() -> PathBuf {
    match std::env::var_os("RECOUPE_CONFORMANCE_DIR") {
        Some(d) => PathBuf::from(d),
        None => PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../../shared/conformance/recognizers-fr"),
    }
}

/// "0,2", "1E-12", "-1,2732E+15", "0.08" as a number.
fn expected_value(v: &str) -> Option<f64> {
    v.replace(',', ".").parse().ok()
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

#[test]
fn number_model_conformance() {
    let Some(cases) = suite("Number/NumberModel.json") else {
        return;
    };
    let extractor = Extractor::french().unwrap();
    let mut passed = 0;
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or("");
        let expected: Vec<(String, f64)> = case["Results"]
            .as_array()
            .map(|rs| {
                rs.iter()
                    .filter_map(|r| {
                        Some((
                            r["Text"].as_str()?.to_lowercase(),
                            expected_value(r["Resolution"]["value"].as_str()?)?,
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let got: Vec<(String, f64)> = extractor
            .read_numbers(input)
            .into_iter()
            .map(|n| (n.text.to_lowercase(), n.value))
            .collect();
        let ok = got.len() == expected.len()
            && got
                .iter()
                .zip(&expected)
                .all(|(g, e)| g.0 == e.0 && close(g.1, e.1));
        if ok {
            passed += 1;
        } else {
            failures.push(format!(
                "{input:?}\n      expected {expected:?}\n      got      {got:?}"
            ));
        }
    }
    let rate = passed as f64 / cases.len() as f64;
    println!(
        "NumberModel.json: {passed}/{} cases pass ({:.1} %)",
        cases.len(),
        rate * 100.0
    );
    for f in &failures {
        println!("  FAIL {f}");
    }
    assert!(
        rate >= MIN_PASS_RATE,
        "pass rate {rate:.3} < {MIN_PASS_RATE}"
    );
}

/// Reads a suite file, or says it is absent (which CI does not allow).
fn suite(file: &str) -> Option<Vec<Value>> {
    let path = suite_dir().join(file);
    let Ok(raw) = std::fs::read_to_string(&path) else {
        println!(
            "conformance suite absent: {} not found (set RECOUPE_CONFORMANCE_DIR); nothing measured",
            path.display()
        );
        assert!(
            std::env::var_os("CI").is_none(),
            "CI must have the conformance suite at {}",
            path.display()
        );
        return None;
    };
    Some(serde_json::from_str(raw.trim_start_matches('\u{feff}')).unwrap())
}

#[test]
fn date_parser_conformance() {
    let Some(cases) = suite("DateTime/DateParser.json") else {
        return;
    };
    let extractor = Extractor::french().unwrap();
    let mut passed = 0;
    let (mut supported, mut supported_passed) = (0, 0);
    let mut failures = Vec::new();
    for case in &cases {
        let input = case["Input"].as_str().unwrap_or("");
        // Cases the suite's own reference implementation (.NET) is not marked to fail.
        let is_supported = !case["NotSupported"]
            .as_str()
            .is_some_and(|p| p.contains("dotnet"));
        supported += usize::from(is_supported);
        let reference = case["Context"]["ReferenceDateTime"]
            .as_str()
            .and_then(|r| r.get(..10))
            .unwrap_or("2016-11-07");
        let day = recoupe_parser::PartialDate::parse(reference)
            .unwrap()
            .interval();
        let got = extractor.read_dates(input, day);
        // Character offsets of what was read.
        let chars = |byte: usize| input[..byte].chars().count();
        let got_view: Vec<(String, String)> = got
            .iter()
            .map(|d| (d.text.clone(), d.days.to_string()))
            .collect();
        let expected: Vec<(usize, usize, String, String)> = case["Results"]
            .as_array()
            .map(|rs| {
                rs.iter()
                    .filter_map(|r| {
                        let start = r["Start"].as_u64()? as usize;
                        let len = r["Length"].as_u64()? as usize;
                        let past = r["Value"]["PastResolution"]["date"].as_str()?;
                        Some((
                            start,
                            start + len,
                            r["Text"].as_str()?.to_owned(),
                            past.to_owned(),
                        ))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let ok = if expected.is_empty() {
            got.is_empty()
        } else {
            expected.iter().all(|(start, end, _, past)| {
                got.iter().any(|d| {
                    let (s, e) = (chars(d.span.start), chars(d.span.end));
                    s < *end && *start < e && d.days.to_string() == *past
                })
            })
        };
        if ok {
            passed += 1;
            supported_passed += usize::from(is_supported);
        } else {
            let want: Vec<(&str, &str)> = expected
                .iter()
                .map(|(_, _, t, p)| (t.as_str(), p.as_str()))
                .collect();
            let mark = if is_supported {
                ""
            } else {
                " [unsupported by the suite]"
            };
            failures.push(format!(
                "{input:?} (reference {reference}){mark}\n      expected {want:?}\n      got      {got_view:?}"
            ));
        }
    }
    let rate = passed as f64 / cases.len() as f64;
    let supported_rate = supported_passed as f64 / supported as f64;
    println!(
        "DateParser.json: {supported_passed}/{supported} supported cases with a reference day pass ({:.1} %); {passed}/{} of all cases ({:.1} %)",
        supported_rate * 100.0,
        cases.len(),
        rate * 100.0
    );
    for f in &failures {
        println!("  FAIL {f}");
    }
    assert!(
        supported_rate >= MIN_DATE_PASS_RATE,
        "pass rate on supported cases {supported_rate:.3} < {MIN_DATE_PASS_RATE}"
    );
    assert!(
        rate >= MIN_DATE_PASS_RATE_ALL,
        "pass rate on all cases {rate:.3} < {MIN_DATE_PASS_RATE_ALL}"
    );
}
