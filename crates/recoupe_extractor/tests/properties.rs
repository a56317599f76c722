//! Properties of the number reader: any integer written with any thousands separator, or in
//! French words, reads back to itself.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use proptest::prelude::*;
use recoupe_extractor::Extractor;

/// `n` with `sep` between groups of three digits ("2 500", "2.500", "2\u{202f}500").
fn grouped(n: u64, sep: &str) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push_str(sep);
        }
        out.push(c);
    }
    out
}

const UNITS: [&str; 17] = [
    "zéro", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
    "douze", "treize", "quatorze", "quinze", "seize",
];
const TENS: [&str; 7] = [
    "",
    "dix",
    "vingt",
    "trente",
    "quarante",
    "cinquante",
    "soixante",
];

/// French words for 0..=99, as the French Academy's traditional spelling has them.
fn below_hundred(n: u64) -> String {
    match n {
        0..=16 => UNITS[n as usize].to_owned(),
        17..=19 => format!("dix-{}", UNITS[(n - 10) as usize]),
        20..=69 => {
            let (t, u) = (n / 10, n % 10);
            match u {
                0 => TENS[t as usize].to_owned(),
                1 => format!("{} et un", TENS[t as usize]),
                _ => format!("{}-{}", TENS[t as usize], UNITS[u as usize]),
            }
        }
        70..=79 => match n - 60 {
            11 => "soixante et onze".to_owned(),
            r => format!("soixante-{}", below_hundred(r)),
        },
        80 => "quatre-vingts".to_owned(),
        _ => format!("quatre-vingt-{}", below_hundred(n - 80)),
    }
}

/// French words for 0..=999; `last` says whether "cents" may take its plural s.
fn below_thousand(n: u64, last: bool) -> String {
    let (h, r) = (n / 100, n % 100);
    let hundreds = match h {
        0 => String::new(),
        1 => "cent".to_owned(),
        _ if r == 0 && last => format!("{} cents", UNITS[h as usize]),
        _ => format!("{} cent", UNITS[h as usize]),
    };
    let mut rest = if r == 0 && h > 0 {
        String::new()
    } else {
        below_hundred(r)
    };
    if !last && rest.ends_with("quatre-vingts") {
        rest.pop();
    }
    [hundreds, rest]
        .into_iter()
        .filter(|s| !s.is_empty())
        .collect::<Vec<_>>()
        .join(" ")
}

/// French words for any `n` below a billion (10^12 in French).
fn french(n: u64) -> String {
    if n == 0 {
        return "zéro".to_owned();
    }
    let (millions, thousands, rest) = (n / 1_000_000, n / 1_000 % 1_000, n % 1_000);
    let mut parts = Vec::new();
    if millions > 0 {
        let unit = if millions == 1 { "million" } else { "millions" };
        parts.push(format!("{} {unit}", below_thousand(millions, true)));
    }
    if thousands > 0 {
        parts.push(if thousands == 1 {
            "mille".to_owned()
        } else {
            format!("{} mille", below_thousand(thousands, false))
        });
    }
    if rest > 0 {
        parts.push(below_thousand(rest, true));
    }
    parts.join(" ")
}

fn read(text: &str) -> Vec<f64> {
    thread_local! {
        static EXTRACTOR: Extractor = Extractor::french().unwrap();
    }
    EXTRACTOR.with(|x| x.read_numbers(text).into_iter().map(|n| n.value).collect())
}

#[test]
fn the_speller_spells_french() {
    assert_eq!(french(71), "soixante et onze");
    assert_eq!(french(80), "quatre-vingts");
    assert_eq!(french(99), "quatre-vingt-dix-neuf");
    assert_eq!(french(2500), "deux mille cinq cents");
    assert_eq!(french(80_000), "quatre-vingt mille");
    assert_eq!(french(1_200_021), "un million deux cent mille vingt et un");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn digits_with_any_separator_read_back(n in 0u64..10_000_000_000, sep in prop::sample::select(vec!["", " ", "\u{a0}", "\u{202f}", "."])) {
        let text = format!("soit {} soldats", grouped(n, sep));
        prop_assert_eq!(read(&text), vec![n as f64], "{}", text);
    }

    /// Every integer but 1: a lone "un" is the article, not the number (a claim licenses it by
    /// context: "au moins un", "un seul").
    #[test]
    fn french_words_read_back(n in 0u64..1_000_000_000) {
        prop_assume!(n != 1);
        let text = format!("soit {} soldats", french(n));
        prop_assert_eq!(read(&text), vec![n as f64], "{}", text);
    }
}
