//! Runs the number reader on a public French number-recognition suite (Recognizers-Text's
//! `Number/NumberModel.json`, MIT, kept in `../shared/conformance/`; set
//! `RECOUPE_CONFORMANCE_DIR` to read it elsewhere) and prints the pass rate.
//!
//! A case passes when the numbers found, in order, have the expected texts (compared
//! without case) and values (to 1e-9 relative). Every case counts, including those the suite
//! marks as unsupported on its own platforms. Run with `--nocapture` to see the failures.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

use recoupe_extractor::Extractor;
use serde_json::Value;

/// The bar: fails if the pass rate drops below what the reader reaches today.
const MIN_PASS_RATE: f64 = 0.915;

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
    let path = suite_dir().join("Number/NumberModel.json");
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
        return;
    };
    let cases: Vec<Value> = serde_json::from_str(raw.trim_start_matches('\u{feff}')).unwrap();
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
