//! Whatever a rule file holds, loading it returns rules or located errors: no panic. 10 000
//! cases per target in the normal test run (`PROPTEST_CASES` for a longer campaign, see
//! docs/testing.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use proptest::prelude::*;
use recoupe_checker::{Vocabulary, load};

fn lexicon() -> &'static recoupe_extractor::Lexicon {
    static L: OnceLock<recoupe_extractor::Lexicon> = OnceLock::new();
    L.get_or_init(|| recoupe_extractor::Lexicon::french().unwrap())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// Pieces of rule files, valid and not, glued at random.
fn rule_pieces() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "[[metric]]\n",
        "[[case]]\n",
        "id = \"a\"\n",
        "id = \"B b\"\n",
        "title = \"T\"\n",
        "title = \"\\u001b[2J\"\n",
        "model = \"stable\"\n",
        "model = \"event\"\n",
        "model = \"cumulative\"\n",
        "model = \"levl\"\n",
        "tolerance = \"10%\"\n",
        "tolerance = \"-5%\"\n",
        "tolerance = \"abc\"\n",
        "since = \"2023-10-17\"\n",
        "since = \"2023-02-30\"\n",
        "parts = [\"a\"]\n",
        "parts = [\"zz\"]\n",
        "event = { on = \"2023-09-08..2023-09-01\" }\n",
        "event = { on = \"2023-09-08\", places = [\"Maroc\", \"Atlantide\"] }\n",
        "series = \"source\"\n",
        "reported_with = \"a\"\n",
        "period = { from = \"2024-01-01\", to = \"2023-01-01\" }\n",
        "match = {}\n",
        "match = { nouns = [\"drone + \", \"soldats\", \"injury\"] }\n",
        "match = { predicates = [\"none\", \"tué\", \"x\"], units = [\"EUR\", \"$\"] }\n",
        "match = { words = [\"(\", \"\\\\w{9999}\"], kinds = [\"level\", \"lvl\"] }\n",
        "match = { places = [\"Irak\"], places_within = [\"Irac\"] }\n",
        "metric = \"a\"\nverdict = \"agreement\"\narticles = [{ id = \"x\", date = \"2024-01\", text = \"12 morts.\" }]\n",
        "articles = [{ id = \"x\", date = \"hier\", text = \"\" }]\n",
        "qualifiers = { approx = \"5%\", nearly = \"50\" }\n",
        "= = =\n",
        "[\n",
        "\"\n",
        "\u{0}",
        "é",
    ]);
    prop::collection::vec(atoms, 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_rule_text_loads_or_fails_with_located_errors(text in rule_pieces(), noise in "\\PC{0,80}") {
        let vocabulary = Vocabulary::of(lexicon());
        for t in [text.clone(), format!("{text}{noise}"), noise.clone()] {
            if let Err(errors) = load(&[("r.toml".into(), t)], &vocabulary) {
                prop_assert!(!errors.is_empty());
                for e in &errors {
                    prop_assert!(e.line >= 1);
                    let _ = e.to_string();
                }
            }
        }
    }
}
