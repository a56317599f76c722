//! One test per phenomenon of French news, each with a real-looking sentence. `check` is the
//! only place these tests call the extractor.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use recoupe_extractor::{Claim, ClaimKind, Extractor, Qualifier};
use recoupe_parser::{ArticleId, parse_seed};

/// The claims of a one-paragraph article dated `date`, as (written, value, qualifier, noun).
fn check(date: &str, text: &str) -> Vec<Claim> {
    let extractor = Extractor::french().unwrap();
    let (article, diagnostics) = parse_seed(
        ArticleId("t".into()),
        format!(" date {date} Titre\n\n{text}\n").as_bytes(),
    );
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let claims = extractor.extract(&article);
    for c in &claims {
        assert_eq!(article.slice(c.number), c.text, "span slices to its text");
    }
    claims
}

fn summary(claims: &[Claim]) -> Vec<(String, f64, Qualifier, Option<String>)> {
    claims
        .iter()
        .map(|c| (c.written.clone(), c.value, c.qualifier, c.noun.clone()))
        .collect()
}

fn one(date: &str, text: &str) -> Claim {
    let claims = check(date, text);
    assert_eq!(claims.len(), 1, "{:?}", summary(&claims));
    claims.into_iter().next().unwrap()
}

#[test]
fn digits_with_separators_and_decimal_scales() {
    let c = one(
        "2024-03",
        "Le gouvernement a débloqué 2,5 milliards d'euros pour les hôpitaux.",
    );
    assert_eq!(
        (c.value, c.noun.as_deref()),
        (2_500_000_000.0, Some("euro"))
    );
    let c = one(
        "2024-03",
        "Environ 1\u{202f}200 manifestants ont défilé à Paris.",
    );
    assert_eq!(
        (c.value, c.qualifier, c.noun.as_deref()),
        (1200.0, Qualifier::Approx, Some("manifestant"))
    );
}

#[test]
fn words_and_approximate_nouns() {
    let c = one(
        "2024-03",
        "Vingt et un migrants ont été secourus au large de Lampedusa.",
    );
    assert_eq!(c.value, 21.0);
    let c = one(
        "2024-03",
        "Une centaine de policiers ont été déployés autour du stade.",
    );
    assert_eq!(
        (c.value, c.qualifier, c.noun.as_deref()),
        (100.0, Qualifier::Approx, Some("policier"))
    );
    let c = one("2024-03", "Des centaines de familles ont fui les combats.");
    assert_eq!(
        (c.qualifier, c.interval.low, c.interval.high),
        (Qualifier::Vague, 200.0, Some(999.0))
    );
}

#[test]
fn article_un_is_not_one_but_a_toll_is() {
    assert!(check("2024-03", "Un soldat a visité une base près de Mossoul.").is_empty());
    let claims = check(
        "2024-03",
        "L'attaque a fait un mort et trois blessés, selon la police.",
    );
    assert_eq!(
        claims.iter().map(|c| c.value).collect::<Vec<_>>(),
        vec![1.0, 3.0]
    );
    let c = one("2024-03", "Au moins un civil a été tué dans la frappe.");
    assert_eq!(
        (c.value, c.qualifier, c.noun.as_deref()),
        (1.0, Qualifier::AtLeast, Some("mort"))
    );
}

#[test]
fn zero_counts() {
    let c = one(
        "2023-12",
        "La roquette est tombée près de l'ambassade, sans faire de victime.",
    );
    assert_eq!((c.value, c.noun.as_deref()), (0.0, Some("victime")));
    let c = one("2023-12", "Aucun blessé n'a été signalé.");
    assert_eq!((c.value, c.noun.as_deref()), (0.0, Some("blessé")));
    assert!(check("2023-12", "Une attaque sans précédent a frappé la ville.").is_empty());
}

#[test]
fn not_claims_years_dates_ordinals_ids_durations() {
    let text = "Lancée en 2014, la coalition a mené sa deuxième phase le 3 novembre 2023, dix jours après l'appel, https://x.com/i/status/1714651248312373312 pour un coût inconnu.";
    assert!(
        check("2023-11", text).is_empty(),
        "{:?}",
        summary(&check("2023-11", text))
    );
    assert!(check("2023-11", "Le tweet 1714651248312373312 a été supprimé.").is_empty());
}

#[test]
fn two_comma_five_is_not_twenty_five() {
    let claims = check(
        "2024-03",
        "Le taux de chômage a atteint 7,5 points, avec 2,5 millions de chômeurs.",
    );
    assert_eq!(summary(&claims).len(), 2);
    assert_eq!(
        (claims[0].value, claims[0].unit),
        (7.5, Some(recoupe_extractor::Unit::Point))
    );
    assert_eq!((claims[1].value, claims[1].unit), (2_500_000.0, None));
}

#[test]
fn qualifiers_to_intervals() {
    let cases = [
        (
            "Près de 900 soldats sont déployés.",
            Qualifier::Nearly,
            810.0,
            Some(900.0),
        ),
        (
            "Plus de 40 attaques ont eu lieu.",
            Qualifier::MoreThan,
            41.0,
            None,
        ),
        (
            "Au moins 102 attaques ont eu lieu.",
            Qualifier::AtLeast,
            102.0,
            None,
        ),
        (
            "Moins de 10 soldats sont restés.",
            Qualifier::LessThan,
            0.0,
            Some(9.0),
        ),
        (
            "Au maximum 300 soldats seront envoyés.",
            Qualifier::AtMost,
            0.0,
            Some(300.0),
        ),
        (
            "Pas moins de 50 frappes ont visé la ville.",
            Qualifier::AtLeast,
            50.0,
            None,
        ),
        (
            "De l'ordre de 2000 soldats sont sur place.",
            Qualifier::Approx,
            1800.0,
            Some(2200.0),
        ),
        (
            "Entre 10 et 20 attaques ont eu lieu.",
            Qualifier::Range,
            10.0,
            Some(20.0),
        ),
    ];
    for (text, q, low, high) in cases {
        let c = one("2023-11", text);
        assert_eq!(
            (c.qualifier, c.interval.low, c.interval.high),
            (q, low, high),
            "{text}"
        );
    }
}

#[test]
fn ellipsis_takes_the_noun_and_qualifier_of_the_figure_before() {
    let claims = check(
        "2023-12",
        "Washington compte environ 2500 soldats en Irak et près de 900 en Syrie.",
    );
    assert_eq!(claims[1].noun.as_deref(), Some("soldat"));
    assert_eq!(claims[1].qualifier, Qualifier::Nearly);
    assert_eq!(claims[1].places, ["Syrie"]);
    let claims = check(
        "2023-11",
        "Quelque 17 attaques ont eu lieu en Irak et 12 en Syrie.",
    );
    assert_eq!(
        (claims[1].noun.as_deref(), claims[1].qualifier),
        (Some("attaque"), Qualifier::Approx)
    );
}

#[test]
fn counts_of_times_are_counts_of_what_the_verb_does() {
    let c = one(
        "2023-11",
        "Les troupes américaines ont été attaquées au moins 40 fois en Irak et en Syrie depuis le 17 octobre.",
    );
    assert_eq!(
        (c.noun.as_deref(), c.kind),
        (Some("attaque"), ClaimKind::Cumulative)
    );
    let c = one(
        "2023-11",
        "La base a été visée à 14 reprises depuis le 17 octobre.",
    );
    assert_eq!(c.noun.as_deref(), Some("attaque"));
}

#[test]
fn participles_change_what_is_counted() {
    let c = one(
        "2023-11",
        "Jusqu'à présent, 56 militaires américains ont été blessés, selon le Pentagone.",
    );
    assert_eq!(
        (c.noun.as_deref(), c.head.as_deref(), c.kind),
        (Some("blessé"), Some("militaire"), ClaimKind::Cumulative)
    );
    let c = one("2023-11", "Trois civils ont été tués jeudi.");
    assert_eq!(c.noun.as_deref(), Some("mort"));
    let claims = check("2023-11", "Deux soldats ont tué un suspect.");
    assert_eq!(claims.len(), 2, "{:?}", summary(&claims));
    // The suspect, object of "tué", is one death.
    assert_eq!(
        (claims[1].value, claims[1].predicate_class),
        (1.0, Some(recoupe_extractor::PredicateClass::Death))
    );
    let c = claims.into_iter().next().unwrap();
    assert_eq!(
        c.noun.as_deref(),
        Some("soldat"),
        "active voice: the soldiers are not dead"
    );
}

#[test]
fn places_from_the_gazetteer() {
    // A place at its own level, with its country.
    let c = one("2024-01", "Trois drones ont visé la base d'Aïn al-Assad.");
    assert_eq!(
        (c.places.as_slice(), c.countries.as_slice()),
        (&["Aïn al-Assad".to_owned()][..], &["Irak".to_owned()][..])
    );
    let c = one(
        "2024-01",
        "Trois soldats ont été tués à la Tour 22, en Jordanie.",
    );
    assert_eq!(c.places, ["Tour 22", "Jordanie"]);
    assert_eq!(c.countries, ["Jordanie"]);
    let c = one(
        "2024-01",
        "Plus de 150 attaques ont visé les forces américaines au Moyen-Orient.",
    );
    assert_eq!(c.places, ["Moyen-Orient"]);
}

#[test]
fn actors_from_the_noun_phrase() {
    let c = one("2024-01", "Deux combattants pro-iraniens ont été tués.");
    assert_eq!(c.actors, ["pro-iranien"]);
    let c = one(
        "2024-01",
        "Quelque 2 500 soldats américains sont déployés en Irak.",
    );
    assert_eq!(c.actors, ["américain"]);
}

#[test]
fn time_windows_and_weekdays() {
    let c = one("2023-11-10", "Trois attaques ont eu lieu jeudi.");
    assert_eq!(
        (c.kind, c.as_of.map(|d| d.to_string())),
        (ClaimKind::Event, Some("2023-11-09".into()))
    );
    let c = one(
        "2023-11-15",
        "Depuis deux semaines, 20 attaques ont visé la base.",
    );
    assert_eq!(
        c.window_start.map(|d| d.to_string()).as_deref(),
        Some("2023-11-01")
    );
    let c = one(
        "2024-01-15",
        "En trois mois, 150 attaques ont visé les troupes.",
    );
    assert_eq!(
        (c.kind, c.window_start.map(|d| d.to_string())),
        (ClaimKind::Cumulative, Some("2023-10-17".into()))
    );
    let c = one(
        "2023-11",
        "Entre le 17 octobre et le 3 novembre, 29 attaques ont eu lieu.",
    );
    assert_eq!(
        (
            c.window_start.map(|d| d.to_string()),
            c.as_of.map(|d| d.to_string())
        ),
        (Some("2023-10-17".into()), Some("2023-11-03".into()))
    );
}

#[test]
fn running_totals_events_and_levels() {
    assert_eq!(
        one("2023-12", "Au total, 102 attaques ont été recensées.").kind,
        ClaimKind::Cumulative
    );
    assert_eq!(
        one("2023-12", "Deux attaques ont visé la base mardi soir.").kind,
        ClaimKind::Event
    );
    assert_eq!(
        one("2023-12", "Quelque 900 soldats sont stationnés en Syrie.").kind,
        ClaimKind::Level
    );
}

#[test]
fn sources() {
    let cases = [
        (
            "Selon le Pentagone, 56 soldats ont été blessés.",
            "Pentagone",
        ),
        (
            "Trois attaques ont eu lieu, a indiqué à l'AFP un responsable militaire.",
            "AFP",
        ),
        (
            "Trois attaques ont eu lieu, ont indiqué les sources à Reuters.",
            "Reuters",
        ),
        (
            "Trois attaques ont eu lieu, a déclaré le porte-parole du gouvernement.",
            "porte-parole du gouvernement",
        ),
    ];
    for (text, source) in cases {
        assert_eq!(
            one("2023-11", text).source.as_deref(),
            Some(source),
            "{text}"
        );
    }
}

#[test]
fn intervals_do_not_round_past_binary_noise() {
    let c = one(
        "2024-01",
        "Environ 350 militaires américains sont déployés à la Tour 22.",
    );
    assert_eq!((c.interval.low, c.interval.high), (315.0, Some(385.0)));
}

#[test]
fn a_noun_left_out_after_a_scale_is_the_one_before() {
    let claims = check(
        "2024-03",
        "Le budget s'élève à 800 millions d'euros, dont 250 millions consacrés aux salaires.",
    );
    assert_eq!(claims[1].noun.as_deref(), Some("euro"));
}

#[test]
fn unrelated_topics_stay_sensible() {
    // Football: a score is two numbers of goals, not a range.
    let claims = check(
        "2024-03",
        "Le PSG a battu Lyon 3 à 1 devant 45 000 spectateurs.",
    );
    assert!(
        claims.iter().all(|c| c.qualifier != Qualifier::Range),
        "{:?}",
        summary(&claims)
    );
    assert!(
        claims
            .iter()
            .any(|c| c.value == 45_000.0 && c.noun.as_deref() == Some("spectateur"))
    );
    // Budget.
    let c = one(
        "2024-03",
        "Le budget de la Défense atteindra 413 milliards d'euros sur sept ans.",
    );
    assert_eq!((c.value, c.noun.as_deref()), (413e9, Some("euro")));
    // Election: a share of the vote is a percentage of the votes; the votes are a count.
    let claims = check(
        "2024-03",
        "Le candidat a obtenu 52,3 % des voix, soit 1,2 million de suffrages.",
    );
    assert_eq!(summary(&claims).len(), 2);
    assert_eq!(
        (claims[0].value, claims[0].unit, claims[0].noun.as_deref()),
        (52.3, Some(recoupe_extractor::Unit::Percent), Some("voix"))
    );
    assert_eq!(
        (claims[1].value, claims[1].unit, claims[1].noun.as_deref()),
        (1_200_000.0, None, Some("suffrage"))
    );
}
