//! Whatever the text, the parser, the number and date readers and the extractor return: no
//! panic, and every span slices to the text it claims. 10 000 cases per target in the normal
//! test run; `PROPTEST_CASES=1000000 cargo test --release -p recoupe_extractor --test
//! robustness` runs a longer campaign (docs/testing.md).
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::sync::OnceLock;

use proptest::prelude::*;
use recoupe_extractor::Extractor;
use recoupe_parser::{ArticleId, DayInterval, PartialDate, parse_jsonl, parse_seed};

/// One extractor for every case: loading the lexicon is what costs.
fn extractor() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::french().unwrap())
}

/// Cases per target: 10 000, or `PROPTEST_CASES`.
fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(10_000)
}

/// Words and signs news text is made of, numbers and dates included, glued at random.
fn pieces() -> impl Strategy<Value = String> {
    let atoms = prop::sample::select(vec![
        "2 500",
        "2.500",
        "2,5",
        "1e10",
        "3/4",
        "-",
        "—",
        "\u{a0}",
        "\u{202f}",
        "’",
        "«",
        "»",
        "depuis",
        "le",
        "17",
        "octobre",
        "mi-octobre",
        "entre",
        "et",
        "au moins",
        "plus de",
        "près de",
        "environ",
        "quelque",
        "des dizaines",
        "une centaine",
        "un",
        "une",
        "deux",
        "vingt et un",
        "quatre-vingt-dix-neuf",
        "mille",
        "millions",
        "milliard",
        "soldats",
        "attaques",
        "blessés",
        "ont été",
        "tués",
        "fois",
        "reprises",
        "en Irak",
        "en Syrie",
        "à la Tour 22",
        "selon le Pentagone",
        "a indiqué",
        "jeudi",
        "en trois mois",
        "depuis 99999999999999 jours",
        "sur",
        "virgule",
        "négatif",
        "cinquièmes",
        "demi",
        "et demi",
        "aucun",
        "sans faire de",
        "%",
        "points",
        ".",
        ",",
        ";",
        "\n",
        "\n\n",
        "https://t.co/123",
        "(Bagdad)",
        "M.",
        "Mme",
        "2014",
        "2025",
        "99999999999999999999",
        "é",
        "œ",
        "ﬁ",
        "\u{0301}",
    ]);
    prop::collection::vec(atoms, 0..40).prop_map(|v| v.join(" "))
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(cases()))]

    #[test]
    fn any_text_is_read_without_panic(body in pieces(), date in prop::sample::select(vec!["2023-11", "2024-01-24", "1999-12", "garbage", ""])) {
        let extractor = extractor();
        let text = format!(" date {date} {body}");
        let (article, _) = parse_seed(ArticleId("p".into()), text.as_bytes());
        let read = extractor.read(&article);
        for c in &read.claims {
            prop_assert_eq!(article.slice(c.number), c.text());
            prop_assert!(c.sentence().contains(c.number));
        }
        // The extraction pass reads the article's present dates as reading them alone does.
        prop_assert_eq!(read.present, extractor.present_dates(&article));
        let (articles, _) = parse_jsonl(body.as_bytes());
        for a in &articles {
            let _ = extractor.extract(a);
        }
    }

    #[test]
    fn arbitrary_bytes_are_parsed_and_read_without_panic(bytes in prop::collection::vec(any::<u8>(), 0..600)) {
        let extractor = extractor();
        let (article, _) = parse_seed(ArticleId("b".into()), &bytes);
        for c in extractor.extract(&article) {
            prop_assert_eq!(article.slice(c.number), c.text());
        }
        let (articles, _) = parse_jsonl(&bytes);
        for a in &articles {
            let _ = extractor.extract(a);
        }
        let _ = recoupe_parser::sniff(&bytes);
    }

    #[test]
    fn any_string_is_read_as_numbers_and_dates_without_panic(text in "\\PC{0,200}", pieces in pieces()) {
        let extractor = extractor();
        let reference: DayInterval = PartialDate::parse("2023-11-07").unwrap().interval();
        for t in [text.as_str(), pieces.as_str()] {
            for n in extractor.read_numbers(t) {
                prop_assert!(t.get(n.span.range()).is_some());
            }
            for d in extractor.read_dates(t, reference) {
                prop_assert!(t.get(d.span.range()).is_some());
            }
        }
    }
}
