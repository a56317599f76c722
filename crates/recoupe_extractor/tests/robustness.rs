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

/// The same extractor, tokenising each sentence again at each pass, as it does for an article
/// too long to hold its tokens.
fn by_sentence() -> &'static Extractor {
    static X: OnceLock<Extractor> = OnceLock::new();
    X.get_or_init(|| Extractor::french().unwrap().with_hold_tokens(0))
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
        prop_assert_eq!(&read.present, &extractor.present_dates(&article));
        // Holding the tokens or making them again at each pass reads the same.
        let again = by_sentence().read(&article);
        prop_assert_eq!(&again.claims, &read.claims);
        prop_assert_eq!(&again.present, &read.present);
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

/// Every seed and development article reads the same whether its tokens are held between the
/// passes over it or made again at each pass (what an article over `HOLD_TOKENS` gets).
#[test]
fn tokens_made_again_at_each_pass_read_the_same_claims() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut dirs = vec![root.join("seeds")];
    let dev = std::env::var_os("RECOUPE_DEV_DIR")
        .map_or_else(|| root.join("../shared/dev"), std::path::PathBuf::from);
    for topic in ["maroc", "retraites", "merrouge"] {
        dirs.push(dev.join(topic).join("articles"));
    }
    let mut read = 0;
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        let mut files: Vec<_> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        files.sort();
        for file in files {
            let bytes = std::fs::read(&file).unwrap();
            let (article, _) = parse_seed(ArticleId(file.display().to_string().into()), &bytes);
            let held = extractor().read(&article);
            let again = by_sentence().read(&article);
            assert_eq!(held.claims, again.claims, "{}", file.display());
            assert_eq!(held.days, again.days, "{}", file.display());
            read += 1;
        }
    }
    assert!(read >= 5, "only {read} articles read");
}
