//! One test per phenomenon of French news, each with a real-looking sentence. `check` is the
//! only place these tests call the extractor.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use recoupe_extractor::{Claim, ClaimKind, Extractor, Names, PredicateClass, Qualifier, Unit};
use recoupe_parser::{ArticleId, parse_seed};

/// The claims of a one-paragraph article dated `date`, as (written, value, qualifier, noun).
fn check(date: &str, text: &str) -> Vec<Claim> {
    let extractor = Extractor::french().unwrap().with_explanations(true);
    let (article, diagnostics) = parse_seed(
        ArticleId("t".into()),
        format!(" date {date} Titre\n\n{text}\n").as_bytes(),
    );
    assert!(diagnostics.is_empty(), "{diagnostics:?}");
    let claims = extractor.extract(&article);
    for c in &claims {
        assert_eq!(article.slice(c.number), c.text(), "span slices to its text");
    }
    claims
}

fn summary(claims: &[Claim]) -> Vec<(String, f64, Qualifier, Option<String>)> {
    claims
        .iter()
        .map(|c| {
            (
                c.written().to_owned(),
                c.value,
                c.qualifier,
                c.noun.map(|n| n.to_string()),
            )
        })
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
        (c.places, c.countries),
        (Names::of(["Aïn al-Assad"]), Names::of(["Irak"]))
    );
    let c = one(
        "2024-01",
        "Trois soldats ont été tués à la Tour 22, en Jordanie.",
    );
    // "en Jordanie" says where the Tower lies: the figure's place is the Tower.
    assert_eq!(c.places, ["Tour 22"]);
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

/// The predicate and its class of the only claim of `text`.
fn predicate_of(date: &str, text: &str) -> (Option<String>, Option<PredicateClass>) {
    let c = one(date, text);
    (c.predicate.map(|p| p.to_string()), c.predicate_class)
}

#[test]
fn what_happened_to_the_counted_thing() {
    use PredicateClass::*;
    let cases = [
        (
            "Quarante gendarmes ont été blessés lors des heurts.",
            "blessé",
            Wounded,
        ),
        (
            "Onze pompiers légèrement blessés ont été soignés sur place.",
            "blessé",
            Wounded,
        ),
        ("L'avalanche a fait 14 morts dans la vallée.", "tué", Death),
        (
            "Dix-huit marins ont reçu un diagnostic de commotion cérébrale.",
            "commotion",
            Wounded,
        ),
        (
            "Six blessés ont été évacués vers l'hôpital de Nice.",
            "évacué",
            Evacuated,
        ),
        (
            "Quelque 1 200 soldats sont stationnés au Niger.",
            "stationné",
            Deployed,
        ),
        (
            "Trente-deux personnes ont été interpellées à Nantes.",
            "interpellé",
            Arrested,
        ),
        (
            "Plus de 300 000 personnes ont défilé à Marseille.",
            "défilé",
            Demonstrated,
        ),
        (
            "La marine a intercepté 14 drones au-dessus du golfe.",
            "intercepté",
            Intercepted,
        ),
        (
            "Deux randonneurs sont toujours portés disparus.",
            "disparu",
            Missing,
        ),
        (
            "Les raids ont visé 40 positions ennemies.",
            "visé",
            Attacked,
        ),
    ];
    for (text, lemma, class) in cases {
        assert_eq!(
            predicate_of("2024-02-10", text),
            (Some(lemma.to_owned()), Some(class)),
            "{text}"
        );
    }
    // A reporting verb says who counts; a participle the lexicon does not list has no class.
    assert_eq!(
        predicate_of("2024-02-10", "La préfecture a recensé 4 000 manifestants."),
        (None, None)
    );
    assert_eq!(
        predicate_of("2024-02-10", "Quelque 120 maisons ont été inondées."),
        (Some("inondé".to_owned()), None)
    );
    // The verb of the clause is what happened to each of the coordinated figures.
    let claims = check(
        "2024-02-10",
        "Neuf drones, deux missiles et un avion ont été abattus au-dessus de la Crimée.",
    );
    assert_eq!(claims.len(), 3, "{:?}", summary(&claims));
    assert!(
        claims
            .iter()
            .all(|c| c.predicate.as_deref() == Some("abattu"))
    );
}

#[test]
fn casualties_and_events_are_never_levels() {
    // A handful of wounded soldiers is not a troop level.
    let c = one(
        "2024-02-10",
        "Trois soldats américains ont été blessés en Irak.",
    );
    assert_eq!(
        (c.noun.as_deref(), c.kind),
        (Some("blessé"), ClaimKind::Event)
    );
    let c = one(
        "2024-02-10",
        "Environ 2 500 soldats américains sont déployés en Irak.",
    );
    assert_eq!(c.kind, ClaimKind::Level);
}

#[test]
fn places_per_item_and_at_their_own_level() {
    let claims = check(
        "2024-02-10",
        "La tempête a fait 7 morts dans le Finistère et 2 dans le Morbihan.",
    );
    let places: Vec<Names> = claims.iter().map(|c| c.places).collect();
    assert_eq!(places, [Names::of(["Finistère"]), Names::of(["Morbihan"])]);
    assert!(claims.iter().all(|c| c.countries == ["France"]));
    // A city's figure is not the country's.
    let claims = check(
        "2024-02-10",
        "Quelque 640 000 grévistes ont manifesté en France, dont 52 000 à Lyon.",
    );
    assert_eq!(claims[0].places, ["France"]);
    assert_eq!(
        (claims[1].places, claims[1].within),
        (Names::of(["Lyon"]), Names::of(["Lyon", "France"]))
    );
    // A total followed by its parts covers their places.
    let claims = check(
        "2024-02-10",
        "Les rebelles ont mené au moins 45 attaques : 20 en mer Rouge, 25 dans le golfe d'Aden.",
    );
    assert_eq!(claims[0].places, ["mer Rouge", "golfe d'Aden"]);
    // "la capitale" and "au niveau national" are the article's country.
    let claims = check(
        "2024-02-10",
        "À Paris et à Lyon, la police a compté 31 000 manifestants au niveau national, dont 9 000 dans la capitale.",
    );
    assert_eq!(
        (claims[0].places, claims[1].places),
        (Names::of(["France"]), Names::of(["Paris"]))
    );
}

#[test]
fn an_attack_on_a_sides_targets_struck_where_that_side_holds_ground() {
    let claims = check(
        "2024-02-10",
        "En mer Rouge, la tension monte. Dans la nuit, les chasseurs ont mené 14 frappes contre des sites houthis.",
    );
    assert_eq!(claims[0].places, ["Yémen"]);
    // A place the text attaches wins.
    let claims = check(
        "2024-02-10",
        "Les chasseurs ont mené 14 frappes contre des positions iraniennes en Syrie.",
    );
    assert_eq!(claims[0].places, ["Syrie"]);
    // Not an attack: the targets' side says nothing of where the figure is.
    let claims = check(
        "2024-02-10",
        "À Paris, 300 manifestants ont défilé contre les frappes israéliennes.",
    );
    assert_eq!(claims[0].places, ["Paris"]);
}

#[test]
fn a_whole_spread_over_places_is_where_they_are() {
    let claims = check(
        "2024-02-10",
        "Au total, 40 écoles réparties sur 12 sites en Gironde ont été fermées.",
    );
    assert_eq!(
        (claims[0].places, claims[1].places),
        (Names::of(["Gironde"]), Names::of(["Gironde"]))
    );
    assert_eq!(claims[0].predicate.as_deref(), Some("fermé"));
}

#[test]
fn days_of_the_month_are_not_counts() {
    for text in [
        "Les grèves des 9 et 23 février ont rassemblé 300 000 personnes.",
        "Du 3 au 5 mars, 300 000 personnes ont été évacuées.",
        "Les 14, 15 et 16 juillet, 300 000 personnes ont été évacuées.",
        "Vendredi 9, 300 000 personnes ont été évacuées.",
        "Le 1er mai, 300 000 personnes ont défilé.",
    ] {
        let claims = check("2024-07-20", text);
        assert_eq!(summary(&claims).len(), 1, "{text}: {:?}", summary(&claims));
        assert_eq!(claims[0].value, 300_000.0, "{text}");
    }
}

#[test]
fn parts_of_a_whole_count_the_whole() {
    let claims = check("2024-02-10", "12 des 45 frappes ont visé la capitale.");
    let read: Vec<(f64, Option<&str>)> = claims
        .iter()
        .map(|c| (c.value, c.noun.as_deref()))
        .collect();
    assert_eq!(read, [(12.0, Some("frappe")), (45.0, Some("frappe"))]);
    let claims = check(
        "2024-02-10",
        "Sept alpinistes étaient encordés. Deux d'entre eux ont été blessés.",
    );
    assert_eq!(claims[1].noun.as_deref(), Some("alpiniste"));
    let claims = check(
        "2024-02-10",
        "La police a saisi 60 armes. Quarante et une d'entre elles étaient volées.",
    );
    assert_eq!(
        (claims[1].value, claims[1].noun.as_deref()),
        (41.0, Some("arme"))
    );
}

#[test]
fn running_totals_from_the_language() {
    let cumulative = [
        "Au total, 61 attaques ont été recensées.",
        "En tout, 61 incidents ont été signalés.",
        "Jusqu'à présent, 61 personnes ont été tuées.",
        "À ce jour, 61 personnes ont été tuées.",
        "Le bilan s'élève à 61 morts.",
        "Le bilan est passé à 61 morts.",
        "Cette attaque porte le nombre total d'attaques à 61.",
        "Depuis le début de la guerre, 61 attaques ont visé la base.",
        "La vingt-sixième attaque depuis janvier a visé un cargo.",
    ];
    for text in cumulative {
        let c = check("2024-02-10", text)
            .into_iter()
            .last()
            .unwrap_or_else(|| panic!("no claim in {text}"));
        assert_eq!(c.kind, ClaimKind::Cumulative, "{text}");
    }
    let c = one("2024-02-10", "Jeudi, trois attaques ont visé la base.");
    assert_eq!(c.kind, ClaimKind::Event);
    // A toll in an article that gives one is a running total; a sum of one day's wounded is not.
    let c = one(
        "2024-02-10",
        "Selon un nouveau bilan, la crue a fait 23 morts.",
    );
    assert_eq!(c.kind, ClaimKind::Cumulative);
    let c = one(
        "2024-02-10",
        "Au total, 24 policiers ont été blessés samedi.",
    );
    assert_eq!(c.kind, ClaimKind::Event);
}

#[test]
fn relative_days_from_the_article_day() {
    let day = |text: &str| {
        one("2024-02-14", text)
            .as_of
            .map(|d| d.to_string())
            .unwrap_or_default()
    };
    assert_eq!(day("Hier, trois attaques ont visé la base."), "2024-02-13");
    assert_eq!(
        day("Avant-hier, trois attaques ont visé la base."),
        "2024-02-12"
    );
    assert_eq!(
        day("La veille, trois attaques ont visé la base."),
        "2024-02-13"
    );
    assert_eq!(
        day("Dimanche, trois attaques ont visé la base."),
        "2024-02-11"
    );
    assert_eq!(
        day("Mardi soir, trois attaques ont visé la base."),
        "2024-02-13"
    );
    assert_eq!(
        day("Il y a trois jours, trois attaques ont visé la base."),
        "2024-02-11"
    );
    assert_eq!(
        day("La semaine dernière, trois attaques ont visé la base."),
        "2024-02-05..2024-02-11"
    );
    assert_eq!(
        day("Le week-end dernier, trois attaques ont visé la base."),
        "2024-02-06..2024-02-13"
    );
}

#[test]
fn a_month_header_is_narrowed_by_the_dates_the_text_writes() {
    let c = one(
        "2024-02",
        "Le 12 février, trois attaques ont visé la base, a indiqué l'armée.",
    );
    assert_eq!(
        c.article_days.map(|d| d.to_string()).as_deref(),
        Some("2024-02-12..2024-02-29")
    );
    assert!(c.ex().article_date.is_some(), "said so in --explain");
    // Never more precise than the text: a header day stays as it is.
    let c = one(
        "2024-02-20",
        "Le 12 février, trois attaques ont visé la base.",
    );
    assert_eq!(
        c.article_days.map(|d| d.to_string()).as_deref(),
        Some("2024-02-20")
    );
}

#[test]
fn money_shares_and_points_carry_a_unit() {
    let c = one(
        "2024-02-10",
        "Le gouvernement annonce 12 milliards d'euros d'économies.",
    );
    assert_eq!(
        (c.value, c.unit, c.noun.as_deref()),
        (12e9, Some(Unit::Eur), Some("euro"))
    );
    let c = one("2024-02-10", "Près de 85 % de la population a voté.");
    assert_eq!(
        (c.value, c.unit, c.qualifier),
        (85.0, Some(Unit::Percent), Qualifier::Nearly)
    );
    let c = one("2024-02-10", "Le chômage est en hausse de 3 points.");
    assert_eq!((c.unit, c.kind), (Some(Unit::Point), ClaimKind::Change));
    let c = one(
        "2024-02-10",
        "Plus d'un tiers des électeurs se sont abstenus.",
    );
    assert_eq!(
        (c.unit, c.qualifier, c.noun.as_deref()),
        (Some(Unit::Share), Qualifier::MoreThan, Some("électeur"))
    );
    // Counts keep no unit.
    assert_eq!(
        one("2024-02-10", "Quelque 300 soldats ont été envoyés.").unit,
        None
    );
}

#[test]
fn another_language_is_skipped_with_a_warning() {
    let extractor = Extractor::french().unwrap();
    let english = " date 2023-08-10 Wildfires\n\nOfficials in Maui County said Thursday at least 36 people have died as wildfires sweep across the island, forcing authorities to evacuate thousands of residents.\n";
    let (article, _) = parse_seed(ArticleId("en".into()), english.as_bytes());
    let read = extractor.read(&article);
    assert!(read.claims.is_empty());
    assert_eq!(read.diagnostics.len(), 1);
    assert!(
        read.diagnostics[0].message.contains("English"),
        "{:?}",
        read.diagnostics
    );
    // One English sentence in a French article: that sentence only.
    let mixed = " date 2024-03 Titre\n\nPlease rewrite this article in French and create at least 700 words for our readers today.\n\nTrois marins ont été blessés lors de l'attaque du cargo.\n";
    let (article, _) = parse_seed(ArticleId("mixed".into()), mixed.as_bytes());
    let read = extractor.read(&article);
    assert_eq!(read.claims.len(), 1);
    assert_eq!(read.claims[0].value, 3.0);
    assert!(read.diagnostics[0].message.contains("English"));
}

#[test]
fn places_by_apposition_impact_and_anaphora() {
    // A place said to lie in another is the figure's, not both.
    let c = one(
        "2024-02-10",
        "Selon le bilan, la crue qui a frappé la ville de Séville, dans le sud de l'Espagne, a fait 62 morts.",
    );
    assert_eq!(c.places, ["Séville"]);
    // The object of a verb of impact is where it struck.
    let c = one(
        "2024-02-10",
        "Les pluies qui ont ravagé Benghazi, dans l'est de la Libye, ont fait 14 morts.",
    );
    assert_eq!(c.places, ["Benghazi"]);
    // "la ville" is the city named last; a figure set against another shares its place.
    let claims = check(
        "2024-02-10",
        "Le maire de Bastia a revu le nombre de sinistrés dans la ville à 1 200 au lieu de 900.",
    );
    assert_eq!(
        claims.iter().map(|c| c.places).collect::<Vec<_>>(),
        [vec!["Bastia".to_owned()], vec!["Bastia".to_owned()]]
    );
}

#[test]
fn whom_a_source_speaks_to_is_not_the_source() {
    let c = one(
        "2024-02-10",
        "Plus de 2 000 grévistes ont été recensés, a déclaré à l'AFP la secrétaire générale de la CGT.",
    );
    assert_eq!(c.source.as_deref(), Some("CGT"));
    // Unnamed speakers through an agency: the agency's.
    let c = one(
        "2024-02-10",
        "Trois roquettes ont visé la base, ont indiqué des sources à Reuters.",
    );
    assert_eq!(c.source.as_deref(), Some("Reuters"));
}

#[test]
fn people_at_an_event_are_one_event_not_a_level() {
    let c = one(
        "2024-02-10",
        "La CGT a compté 40 000 manifestants à Rennes.",
    );
    assert_eq!(c.kind, ClaimKind::Event);
}

/// The source of each figure of `text`.
fn sources_of(text: &str) -> Vec<Option<String>> {
    check("2023-03-08", text)
        .into_iter()
        .map(|c| c.source.map(|s| s.to_string()))
        .collect()
}

#[test]
fn each_figure_has_the_source_written_for_it() {
    let s = |v: &[&str]| v.iter().map(|x| Some((*x).to_owned())).collect::<Vec<_>>();
    assert_eq!(
        sources_of(
            "Quelque 1,2 million de manifestants ont défilé selon le ministère de l'Intérieur, 3 millions selon la CGT."
        ),
        s(&["ministère de l'Intérieur", "CGT"])
    );
    assert_eq!(
        sources_of(
            "Quelque 800 000 personnes ont défilé mardi, dont 60 000 à Paris, selon la préfecture de police, des chiffres en baisse."
        ),
        s(&["préfecture de police", "préfecture de police"])
    );
    assert_eq!(
        sources_of("La police avait compté 500 000 manifestants, la CGT 1,2 million."),
        s(&["police", "CGT"])
    );
    // "le syndicat", after the CGT, is the CGT; "la même source" the one before.
    assert_eq!(
        sources_of(
            "La CGT revendique 2 millions de manifestants. Un chiffre en baisse, le 31 janvier le syndicat avait recensé 2,5 millions de manifestants."
        ),
        s(&["CGT", "CGT"])
    );
    // A document names who wrote it, or no one.
    assert_eq!(
        sources_of(
            "Selon les chiffres du ministère de l'Intérieur, 12 policiers ont été blessés. Selon un dernier bilan, 30 personnes ont été interpellées."
        ),
        vec![Some("ministère de l'Intérieur".to_owned()), None]
    );
}

#[test]
fn a_figure_given_as_an_earlier_state_is_marked_previous() {
    let claims = check(
        "2023-09-10",
        "Le séisme a fait 1 200 morts, alors que quelques heures plus tôt il y avait eu 800 morts. Un précédent bilan faisait état de 600 morts et 300 blessés. L'agence a ramené son bilan à 3 900 morts au lieu de 11 000.",
    );
    let previous: Vec<(&str, bool)> = claims.iter().map(|c| (c.written(), c.previous)).collect();
    assert_eq!(
        previous,
        [
            ("1 200", false),
            ("800", true),
            ("600", true),
            ("300", true),
            ("3 900", false),
            ("11 000", true)
        ]
    );
}

/// The as-of and event date of each claim of `text`, as strings.
fn times(date: &str, text: &str) -> Vec<(String, Option<String>, Option<String>)> {
    check(date, text)
        .into_iter()
        .map(|c| {
            (
                c.written().to_owned(),
                c.as_of.map(|d| d.to_string()),
                c.event_date.map(|d| d.to_string()),
            )
        })
        .collect()
}

#[test]
fn a_toll_holds_when_given_and_its_event_keeps_its_own_date() {
    // "la crue du 14 mai": the event's date; the toll holds at the report.
    assert_eq!(
        times(
            "2024-05-20",
            "Selon un bilan communiqué lundi, la crue du 14 mai a fait au total 312 morts.",
        ),
        [(
            "312".to_owned(),
            Some("2024-05-20".to_owned()),
            Some("2024-05-14".to_owned())
        )]
    );
    // "à 22 heures samedi soir": a time adverbial of the toll.
    assert_eq!(
        times(
            "2024-05-20",
            "Le séisme qui a frappé la région vendredi avait fait au total, à 22 heures samedi soir, 1 200 morts.",
        )[0]
        .1
        .as_deref(),
        Some("2024-05-18")
    );
}

#[test]
fn the_article_speaks_from_its_dateline_or_its_present() {
    // A dateline under a month header.
    assert_eq!(
        times(
            "2024-03",
            "LONDRES, 7 mars (Reuters) - Le propriétaire du navire a déclaré que 20 marins étaient à bord.",
        )[0]
        .1
        .as_deref(),
        Some("2024-03-07")
    );
    // "ce mercredi 6 mars", then "mercredi" alone: the same day.
    assert_eq!(
        times(
            "2024-03",
            "Trois marins ont été tués ce mercredi 6 mars. Mercredi, quatre autres marins ont été blessés.",
        )
        .iter()
        .map(|t| t.1.clone())
        .collect::<Vec<_>>(),
        [Some("2024-03-06".to_owned()), Some("2024-03-06".to_owned())]
    );
}

#[test]
fn dates_listed_respectively_and_clauses_opened_by_ou() {
    let t = times(
        "2023-02-07",
        "Les chiffres sont en baisse par rapport aux 19 et 31 janvier où les autorités avaient recensé respectivement 1,12 et 1,27 million de manifestants.",
    );
    assert_eq!(
        t.iter().map(|x| x.1.clone()).collect::<Vec<_>>(),
        [Some("2023-01-19".to_owned()), Some("2023-01-31".to_owned())]
    );
}

#[test]
fn a_part_holds_when_its_whole_does() {
    let t = times(
        "2023-05-02",
        "Au total, 540 personnes ont été interpellées en France, dont 305 à Paris, lors des manifestations du 1er-Mai, a dit mardi le ministre.",
    );
    assert_eq!(t[0].1, t[1].1);
}

#[test]
fn an_ordinal_holds_at_the_event_it_numbers() {
    let t = times(
        "2024-01-10",
        "La marine a abattu 21 missiles lancés par les rebelles mardi soir. Il s'agit de la vingt-sixième attaque depuis le 19 novembre.",
    );
    assert_eq!(t[1].1.as_deref(), Some("2024-01-09"));
}

#[test]
fn the_dead_of_one_attack_are_counted_when_reported() {
    // The attack is on Wednesday; its dead hold at Thursday's report, and the wounded the
    // next sentence adds hold with them.
    let t = times(
        "2024-03-07",
        "Deux pêcheurs ont péri dans une attaque au drone mercredi, a déclaré jeudi le port. Trois autres marins ont été blessés.",
    );
    assert_eq!(
        t,
        [
            (
                "Deux".to_owned(),
                Some("2024-03-07".to_owned()),
                Some("2024-03-06".to_owned())
            ),
            (
                "Trois".to_owned(),
                Some("2024-03-07".to_owned()),
                Some("2024-03-06".to_owned())
            ),
        ]
    );
    // The wounded of a day hold at that day, even reported the next.
    let t = times(
        "2024-03-07",
        "Douze policiers ont été blessés mercredi, a indiqué jeudi le ministre.",
    );
    assert_eq!(t[0].1.as_deref(), Some("2024-03-06"));
}

#[test]
fn the_day_after_an_event_the_text_names() {
    // "Au lendemain de cette journée": reported the day after the day named before, which is
    // when the arrests were made.
    let t = times(
        "2024-05",
        "Les manifestations du 1er-Mai ont réuni des milliers de personnes. Au lendemain de cette journée, le ministre annonce 120 interpellations.",
    );
    assert_eq!(
        t.last().and_then(|x| x.1.clone()).as_deref(),
        Some("2024-05-01")
    );
    // "au lendemain du 12 mars": the day after that date.
    let t = times(
        "2024-03",
        "Au lendemain du 12 mars, la préfecture a fait état de 40 blessés.",
    );
    assert_eq!(t[0].1.as_deref(), Some("2024-03-12"));
}

#[test]
fn thousands_as_swiss_and_belgian_french_write_them() {
    for text in [
        "La crue a fait 12'480 morts.",
        "La crue a fait 12’480 morts.",
        "La crue a fait 12\u{2009}480 morts.",
        "La crue a fait 12\u{202f}480 morts.",
    ] {
        let c = one("2024-05-20", text);
        assert_eq!(c.value, 12_480.0, "{text}");
    }
}

#[test]
fn a_year_that_dates_another_noun_does_not_date_the_figure() {
    // "lancée en 2014" dates the coalition, not the troops counted today.
    let t = times(
        "2023-12-20",
        "Washington compte 900 soldats en Syrie avec la coalition lancée en 2014.",
    );
    assert_eq!(t[0].1.as_deref(), Some("2023-12-20"));
    // "la crue de 2002" dates its own toll.
    let t = times(
        "2024-05-20",
        "La crue de 2002 avait fait 23 morts dans le Gard.",
    );
    assert_eq!(t[0].1.as_deref(), Some("2002-01-01..2002-12-31"));
}

#[test]
fn a_sentence_in_the_pluperfect_goes_on_at_the_past_day_set_before_it() {
    // The second sentence has no date of its own: in the pluperfect, it goes on at the 31st.
    let t = times(
        "2023-02-07",
        "Le 31 janvier, la police avait recensé 1,27 million de manifestants. Les syndicats avaient évoqué deux millions de manifestants. Mardi, 757 000 personnes ont défilé selon l'Intérieur.",
    );
    let as_of: Vec<Option<&str>> = t.iter().map(|x| x.1.as_deref()).collect();
    assert_eq!(
        as_of,
        [Some("2023-01-31"), Some("2023-01-31"), Some("2023-02-07")]
    );
    // A sentence in the present tense breaks the frame.
    let t = times(
        "2023-02",
        "Le 31 janvier, la police avait recensé 1,27 million de manifestants. La CGT compte 400 000 adhérents. Les syndicats avaient évoqué deux millions de manifestants.",
    );
    assert_eq!(t[2].1.as_deref(), Some("2023-02"));
}

#[test]
fn a_count_noun_restates_the_count_before_it() {
    // "le chiffre de 90 000 personnes", after a count of marchers, counts marchers too: one
    // event, not a level of people.
    let claims = check(
        "2024-02-10",
        "Samedi, 40 000 personnes ont manifesté à Rennes selon la police. De son côté, la CGT avance le chiffre de 90 000 personnes.",
    );
    assert_eq!(claims.len(), 2);
    assert_eq!(claims[1].kind, ClaimKind::Event);
    // Without a count of marchers before it, a count of people stays what it is.
    let c = one(
        "2024-02-10",
        "La mairie avance le chiffre de 90 000 habitants.",
    );
    assert_ne!(c.kind, ClaimKind::Event);
}

#[test]
fn a_document_opening_its_clause_speaks_for_the_figures_after_it() {
    assert_eq!(
        sources_of(
            "Localement, les chiffres remontés par la préfecture montrent une forte mobilisation : 36 000 personnes ont défilé à Toulouse."
        ),
        [Some("préfecture".to_owned())]
    );
    assert_eq!(
        sources_of(
            "Les données du ministère de l'Intérieur montrent que 12 000 personnes ont défilé à Lille."
        ),
        [Some("ministère de l'Intérieur".to_owned())]
    );
}

#[test]
fn people_in_the_street_are_marchers_only_inside_their_noun_phrase() {
    let c = one(
        "2023-01-19",
        "Jeudi, 1,12 million de personnes étaient dans la rue.",
    );
    assert_eq!(c.kind, ClaimKind::Event);
    // "la rue" far after the noun phrase does not make residents marchers.
    let c = one(
        "2023-01-19",
        "La ville compte 12 000 habitants, dont beaucoup vivent près de la rue principale.",
    );
    assert_ne!(c.kind, ClaimKind::Event);
}

#[test]
fn things_counted_together_and_things_shot_down() {
    let claims = check(
        "2024-01-10",
        "La marine a abattu 24 missiles et drones, puis un total de 19 drones, missiles de croisière et missiles balistiques. Au total, 16 drones ont été abattus.",
    );
    let counted: Vec<(String, Option<String>, Vec<String>)> = claims
        .iter()
        .map(|c| {
            (
                c.written().to_owned(),
                c.noun.map(|n| n.to_string()),
                c.counted_with.iter().map(|n| n.to_string()).collect(),
            )
        })
        .collect();
    assert_eq!(
        counted,
        [
            (
                "24".to_owned(),
                Some("missile".to_owned()),
                vec!["drone".to_owned()]
            ),
            (
                "19".to_owned(),
                Some("drone".to_owned()),
                vec!["missile".to_owned()]
            ),
            // A thing shot down stays a thing: "abattu" makes people dead, not drones.
            ("16".to_owned(), Some("drone".to_owned()), vec![]),
        ]
    );
    // A comma alone is an apposition, not a list; "et" before a determiner starts another
    // noun phrase.
    let c = one(
        "2023-09-10",
        "Le séisme a fait 820 morts, alors que les secours arrivaient.",
    );
    assert!(c.counted_with.is_empty());
    let claims = check(
        "2023-09-13",
        "Une quarantaine de sauveteurs et plusieurs tonnes de matériel sont arrivés.",
    );
    assert!(claims[0].counted_with.is_empty());
}

#[test]
fn an_idiom_before_the_figure_says_what_happened_and_accidents_are_events() {
    // "a coûté la vie à 15 personnes": killed, though "personnes" says nothing.
    let c = one(
        "2024-05-06",
        "À Grenoble, l'éboulement du 2 mai a coûté la vie à 15 personnes, a indiqué la préfecture.",
    );
    assert_eq!(c.predicate.as_deref(), Some("tué"));
    assert_eq!(c.predicate_class, Some(PredicateClass::Death));
    // "la collision survenue le 1er mai": the date is the accident's, the toll holds when
    // given.
    let t = times(
        "2024-05-04",
        "Le bilan de la collision survenue le 1er mai à Reims s'élève désormais à 37 morts.",
    );
    assert_eq!(t[0].1.as_deref(), Some("2024-05-04"));
    assert_eq!(t[0].2.as_deref(), Some("2024-05-01"));
}
