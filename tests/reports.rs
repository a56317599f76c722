//! The report as tools and CI read it: every format of the seeds and of contradiction
//! fixtures (stdout, stderr and exit status in one snapshot), SARIF's required structure,
//! markup in articles shown as text, baselines, standard input, `-o`, `--summary`,
//! `--fail-on` and `--exit-zero`.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod common;

use std::path::{Path, PathBuf};

use common::{path, recoupe, recoupe_with_input, root};

fn fixture(case: &str) -> PathBuf {
    root().join("tests/fixtures").join(case)
}

/// `report` over a fixture's articles and rules, with more arguments.
fn report(case: &Path, more: &[&str]) -> (u8, String, String) {
    let (articles, rules) = (path(&case.join("articles")), path(&case.join("rules")));
    let mut args = vec!["report", &articles, "--rules", &rules, "--color", "never"];
    args.extend_from_slice(more);
    recoupe(&args)
}

fn shown((code, out, err): (u8, String, String)) -> String {
    format!("exit status: {code}\n--- stdout\n{out}--- stderr\n{err}")
}

#[test]
fn every_format_of_the_seeds_and_of_contradictions() {
    let seeds = root();
    let seeds_report = |more: &[&str]| {
        let (s, r) = (path(&seeds.join("seeds")), path(&seeds.join("rules")));
        let mut args = vec!["report", &s, "--rules", &r, "--color", "never"];
        args.extend_from_slice(more);
        recoupe(&args)
    };
    insta::assert_snapshot!("seeds_sarif", shown(seeds_report(&["--format", "sarif"])));
    insta::assert_snapshot!("seeds_summary", shown(seeds_report(&["--summary"])));
    // No contradiction in the seeds: no annotation, exit 0. (Text, JSON, Markdown and HTML of
    // the seeds are the e2e snapshots `seeds_report_*`.)
    insta::assert_snapshot!("seeds_github", shown(seeds_report(&["--format", "github"])));
    // `md` is `markdown` for short.
    assert_eq!(
        seeds_report(&["--format", "md"]),
        seeds_report(&["--format", "markdown"])
    );
    for case in ["event-contradiction", "stable-contradiction"] {
        for format in ["json", "markdown", "github", "html", "sarif"] {
            insta::assert_snapshot!(
                format!("{case}_{format}"),
                shown(report(&fixture(case), &["--format", format]))
            );
        }
        insta::assert_snapshot!(
            format!("{case}_summary"),
            shown(report(&fixture(case), &["--summary"]))
        );
    }
    let (code, _, err) = report(
        &fixture("event-contradiction"),
        &["--summary", "--format", "json"],
    );
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot be combined with --format json"),
        "{err}"
    );
}

/// The properties SARIF 2.1.0 requires of what we write (§3.13 sarifLog, §3.14 run, §3.19
/// toolComponent, §3.27 result, §3.28 location, §3.30 region), and that each contradiction
/// is one result with both quotes as locations.
#[test]
fn sarif_has_the_required_structure() {
    for case in ["event-contradiction", "stable-contradiction"] {
        sarif_structure(case);
    }
}

fn sarif_structure(case: &str) {
    let (code, out, _) = report(&fixture(case), &["--format", "sarif"]);
    assert_eq!(code, 1);
    let log: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(log["version"], "2.1.0");
    assert_eq!(
        log["$schema"],
        "https://json.schemastore.org/sarif-2.1.0.json"
    );
    let runs = log["runs"].as_array().unwrap();
    assert_eq!(runs.len(), 1);
    let driver = &runs[0]["tool"]["driver"];
    assert_eq!(driver["name"], "recoupe");
    let rules = driver["rules"].as_array().unwrap();
    for r in rules {
        assert!(r["id"].is_string());
        assert!(r["shortDescription"]["text"].is_string());
        assert!(r["help"]["text"].is_string());
    }
    let results = runs[0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 1, "one result per contradiction");
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(
            r["ruleId"], rules[index]["id"],
            "ruleIndex points at its rule"
        );
        assert!(r["message"]["text"].as_str().is_some_and(|t| !t.is_empty()));
        assert_eq!(r["level"], "error");
        let locations = r["locations"].as_array().unwrap();
        assert_eq!(locations.len(), 2, "both quotes");
        for l in locations {
            let p = &l["physicalLocation"];
            let uri = p["artifactLocation"]["uri"].as_str().unwrap();
            assert!(
                uri.starts_with(&format!("tests/fixtures/{case}/articles/")),
                "{uri}"
            );
            let region = &p["region"];
            let start = region["startLine"].as_u64().unwrap();
            assert!(start >= 1 && region["startColumn"].as_u64().unwrap() >= 1);
            assert!(region["endLine"].as_u64().unwrap() >= start);
            // The region is the figure as written in the file.
            let text = std::fs::read_to_string(root().join(uri)).unwrap();
            let line = text.lines().nth(start as usize - 1).unwrap();
            let col = region["startColumn"].as_u64().unwrap() as usize - 1;
            let end = region["endColumn"].as_u64().unwrap() as usize - 1;
            let figure: String = line.chars().skip(col).take(end - col).collect();
            assert_eq!(figure, region["snippet"]["text"].as_str().unwrap());
        }
        assert!(r["partialFingerprints"]["recoupeContradiction/v1"].is_string());
    }
}

#[test]
fn markup_in_articles_and_titles_is_text() {
    let case = fixture("markup-in-text");
    let (code, html, _) = report(&case, &["--format", "html"]);
    assert_eq!(code, 1);
    for raw in ["<script>", "<img", "<i>", "onerror=alert('y')>"] {
        assert!(!html.contains(raw), "html holds {raw}");
    }
    assert!(html.contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"));
    assert!(html.contains("&amp; ses alliés"));
    let (_, md, _) = report(&case, &["--format", "markdown"]);
    for raw in ["<script>", "<img", "<i>"] {
        assert!(!md.contains(raw), "markdown holds {raw}");
    }
    assert!(md.contains("\\|"), "a pipe does not end a table cell");
    let (_, sarif, _) = report(&case, &["--format", "sarif"]);
    let log: serde_json::Value = serde_json::from_str(&sarif).unwrap();
    // SARIF's `text` properties are plain text, never rendered: the words as written.
    let quote = log["runs"][0]["results"][0]["locations"][0]["message"]["text"]
        .as_str()
        .unwrap();
    assert!(quote.contains("<script>alert(\"x\")</script>"), "{quote}");
    assert!(sarif.contains("\"message\""));
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), to.join(e.file_name())).unwrap();
    }
}

#[test]
fn a_baseline_fails_only_on_new_contradictions() {
    let dir = std::env::temp_dir().join(format!("recoupe-baseline-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let (articles, rules) = (dir.join("articles"), dir.join("rules"));
    copy_dir(&fixture("event-contradiction").join("articles"), &articles);
    copy_dir(&fixture("event-contradiction").join("rules"), &rules);
    let baseline = dir.join("baseline.json");
    let (a, r, b) = (path(&articles), path(&rules), path(&baseline));
    let run = |more: &[&str]| {
        let mut args = vec![
            "report",
            a.as_str(),
            "--rules",
            r.as_str(),
            "--color",
            "never",
        ];
        args.extend_from_slice(more);
        recoupe(&args)
    };
    // Written: today's contradiction, sorted JSON.
    let (code, _, err) = run(&["--write-baseline", &b]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("baseline of 1 contradiction written"), "{err}");
    let written = std::fs::read_to_string(&baseline).unwrap();
    insta::assert_snapshot!("baseline_file", written);
    // Re-run: known, exit 0.
    let (code, out, err) = run(&["--baseline", &b]);
    assert_eq!(code, 0, "{out}{err}");
    assert!(
        out.contains("1 known contradiction left out: in the baseline"),
        "{out}"
    );
    assert!(
        err.contains("1 known contradiction left out, 0 resolved"),
        "{err}"
    );
    // An unrelated paragraph edited (and the sentence moved down): still known.
    let a_centcom = articles.join("a_centcom.txt");
    let text = std::fs::read_to_string(&a_centcom).unwrap();
    let edited = text.replacen(
        "\n\n",
        "\n\nUn paragraphe ajouté sur le contexte régional, sans chiffre.\n\n",
        1,
    );
    assert_ne!(edited, text);
    std::fs::write(&a_centcom, edited).unwrap();
    let (code, _, err) = run(&["--baseline", &b]);
    assert_eq!(
        code, 0,
        "editing another paragraph keeps the contradiction known: {err}"
    );
    // A new contradicting article: exit 1, and only the new contradictions reported.
    std::fs::write(
        articles.join("c_ong.txt"),
        " date 2024-01-29 Tour 22\n\nL'attaque de dimanche contre la Tour 22 a fait 90 blessés, selon une ONG.\n",
    )
    .unwrap();
    let (code, out, err) = run(&["--baseline", &b]);
    assert_eq!(code, 1, "{err}");
    let contradictions: Vec<&str> = out
        .lines()
        .filter(|l| l.contains("✗ contradiction"))
        .collect();
    assert!(!contradictions.is_empty());
    assert!(
        contradictions.iter().all(|l| l.contains("«90»")),
        "only the new article's contradictions: {contradictions:?}"
    );
    // An article removed: its baseline entry is resolved.
    std::fs::remove_file(articles.join("b_milice.txt")).unwrap();
    let (_, _, err) = run(&["--baseline", &b]);
    assert!(
        err.contains("0 known contradictions left out, 1 resolved"),
        "{err}"
    );
    assert!(
        err.contains("  resolved: tower22-wounded (a_centcom: 25, b_milice: 60)"),
        "{err}"
    );
    // A file that is not a baseline is an error before any work.
    std::fs::write(&baseline, "{\"contradictions\": 3}").unwrap();
    let (code, _, err) = run(&["--baseline", &b]);
    assert_eq!(code, 2);
    assert!(err.contains("not a baseline: line 1"), "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn standard_input_is_read_as_json_lines() {
    let case = fixture("jsonl-input");
    let file = std::fs::read_dir(case.join("articles"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|x| x == "jsonl"))
        .unwrap();
    let lines = std::fs::read_to_string(&file).unwrap();
    let rules = path(&case.join("rules"));
    let (code, out, err) = recoupe_with_input(
        &["report", "-", "--rules", &rules, "--format", "json"],
        &lines,
    );
    let (code_file, out_file, _) = recoupe(&[
        "report",
        &path(&file),
        "--rules",
        &rules,
        "--format",
        "json",
    ]);
    assert_eq!(code, code_file, "{err}");
    // The same claims and verdicts as from the file.
    let verdicts = |json: &str| {
        let v: serde_json::Value = serde_json::from_str(json).unwrap();
        (
            v["summary"].clone(),
            v["metrics"]
                .as_array()
                .unwrap()
                .iter()
                .map(|m| m["verdict"].clone())
                .collect::<Vec<_>>(),
        )
    };
    assert_eq!(verdicts(&out), verdicts(&out_file));
    assert!(err.contains("1 file read"), "{err}");
}

#[test]
fn output_file_summary_and_exit_policy() {
    let case = fixture("event-contradiction");
    let dir = std::env::temp_dir().join(format!("recoupe-output-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("report.md");
    let (code, out, _) = report(&case, &["--format", "markdown", "-o", &path(&file)]);
    assert_eq!(code, 1);
    assert_eq!(out, "", "the report goes to the file");
    let (_, md, _) = report(&case, &["--format", "markdown"]);
    assert_eq!(std::fs::read_to_string(&file).unwrap(), md);
    assert_eq!(report(&case, &["--fail-on", "none"]).0, 0);
    assert_eq!(report(&case, &["--exit-zero"]).0, 0);
    assert_eq!(report(&case, &["--fail-on", "contradiction"]).0, 1);
    // `any` also fails on a date problem, a figure revised down, an out-of-date one.
    assert_eq!(report(&fixture("date-problem"), &[]).0, 0);
    assert_eq!(report(&fixture("date-problem"), &["--fail-on", "any"]).0, 1);
    assert_eq!(
        report(&fixture("stale-lower-bound"), &["--fail-on", "any"]).0,
        1
    );
    assert_eq!(report(&fixture("revised-down"), &["--fail-on", "any"]).0, 1);
    let (code, _, err) = report(&case, &["-o", "/no/such/folder/report.txt"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("cannot write the report to /no/such/folder/report.txt"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}

/// The chart of a long timeline (45 claims): as wide as the page, a tick per month or week,
/// a `<title>` with the quote on every mark, labels that never overlap each other, a legend;
/// and nothing loaded from elsewhere.
#[test]
fn the_html_chart_reads_at_a_glance() {
    let (_, html, _) = report(&fixture("long-timeline"), &["--format", "html"]);
    assert!(html.contains("svg.chart{width:100%"));
    assert!(!html.contains("src=") && !html.contains("href=") && !html.contains("<script"));
    let svg = &html[html.find("<svg").unwrap()..html.find("</svg>").unwrap()];
    let marks = svg.matches(r#"<g class="mark"#).count();
    let legend = svg.matches(r#"<g transform="#).count();
    assert!(marks - legend >= 40, "{marks} marks");
    for mark in svg
        .split(r#"<g class="mark"#)
        .skip(1)
        .filter(|m| !m.contains("translate"))
    {
        let title = &mark[mark.find("<title>").unwrap() + 7..mark.find("</title>").unwrap()];
        assert!(
            title.contains('«'),
            "a mark's title holds its quote: {title}"
        );
    }
    // Label boxes: 11 px text, about 6.4 units a character, as the chart reckons them.
    let mut boxes: Vec<(f64, f64, f64, f64)> = Vec::new();
    for label in svg
        .split(r#"<text x=""#)
        .skip(1)
        .filter(|t| t.contains(r#"class="label""#))
    {
        let x: f64 = label[..label.find('"').unwrap()].parse().unwrap();
        let rest = &label[label.find("y=\"").unwrap() + 3..];
        let y: f64 = rest[..rest.find('"').unwrap()].parse().unwrap();
        let text = &label[label.find('>').unwrap() + 1..label.find("</text>").unwrap()];
        let w = text.chars().count() as f64 * 6.4;
        boxes.push((x, y - 11.0, x + w, y + 2.0));
    }
    assert!(!boxes.is_empty());
    for (i, a) in boxes.iter().enumerate() {
        for b in &boxes[i + 1..] {
            let overlap = a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3;
            assert!(!overlap, "labels overlap: {a:?} {b:?}");
        }
    }
    let ticks = svg.matches(r#"text-anchor="middle""#).count();
    assert!(ticks >= 2, "time ticks");
    assert!(svg.contains("a claim (hover: its quote)"), "a legend");
}

/// `--color always` paints the text report with ANSI styles, `never` writes none, and the
/// formats tools read never hold one.
#[test]
fn colours_only_when_asked_or_on_a_terminal() {
    let case = fixture("event-contradiction");
    let (articles, rules) = (path(&case.join("articles")), path(&case.join("rules")));
    let run = |more: &[&str]| {
        let mut args = vec!["report", articles.as_str(), "--rules", rules.as_str()];
        args.extend_from_slice(more);
        recoupe(&args).1
    };
    let painted = run(&["--color", "always"]);
    assert!(
        painted.contains("\u{1b}[1m\u{1b}[31mCONTRADICTION\u{1b}[0m"),
        "{painted}"
    );
    assert!(!run(&["--color", "never"]).contains('\u{1b}'));
    // In tests standard output is no terminal: auto is plain.
    assert!(!run(&[]).contains('\u{1b}'));
    for format in ["json", "markdown", "html", "sarif", "github"] {
        assert!(
            !run(&["--color", "always", "--format", format]).contains('\u{1b}'),
            "{format}"
        );
    }
}
