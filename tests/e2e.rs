//! End-to-end tests: `recoupe` run in process on the seeds and on every fixture under
//! `tests/fixtures/<case>/` (articles + rules), with insta snapshots of the output and the
//! exit status. Adding a case is adding a folder.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::PathBuf;

mod common;

use common::{path, recoupe, root};

fn seeds_report(format: &str) -> (u8, String, String) {
    let r = root();
    recoupe(&[
        "report",
        &path(&r.join("seeds")),
        "--rules",
        &path(&r.join("rules")),
        "--format",
        format,
        "--color",
        "never",
    ])
}

#[test]
fn seeds_report_text() {
    let (code, out, err) = seeds_report("text");
    assert_eq!(code, 0, "{err}");
    // Nothing on stderr but the run's last line.
    assert_eq!(
        err,
        "recoupe: 5 files read, 0 skipped, 5 articles, 29 claims, 6 rules loaded, 0 rejected\n"
    );
    insta::assert_snapshot!("seeds_report_text", out);
}

#[test]
fn seeds_report_json() {
    let (code, out, err) = seeds_report("json");
    assert_eq!(code, 0, "{err}");
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["schema"], "recoupe.report/1");
    assert_eq!(json["summary"]["contradictions"], 0);
    insta::assert_snapshot!("seeds_report_json", out);
}

#[test]
fn seeds_claims_jsonl() {
    let r = root();
    let (code, out, err) = recoupe(&["claims", &path(&r.join("seeds")), "--format", "jsonl"]);
    assert_eq!(code, 0, "{err}");
    // Every span slices, in the file as written, to the text it claims.
    for line in out.lines() {
        let c: serde_json::Value = serde_json::from_str(line).unwrap();
        let article = c["article"].as_str().unwrap();
        let file = std::fs::read_to_string(r.join("seeds").join(format!("{article}.txt"))).unwrap();
        let (s, e) = (
            c["start"].as_u64().unwrap() as usize,
            c["end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&file[s..e], c["text"].as_str().unwrap(), "{line}");
        let (ss, se) = (
            c["sentence_start"].as_u64().unwrap() as usize,
            c["sentence_end"].as_u64().unwrap() as usize,
        );
        assert_eq!(&file[ss..se], c["sentence"].as_str().unwrap());
        assert!(ss <= s && e <= se);
    }
    insta::assert_snapshot!("seeds_claims_jsonl", out);
}

#[test]
fn seeds_claims_table_explain() {
    let r = root();
    let (code, out, _) = recoupe(&["claims", &path(&r.join("seeds")), "--explain"]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("seeds_claims_explain", out);
}

#[test]
fn output_does_not_depend_on_threads_or_argument_order() {
    let r = root();
    let mut files: Vec<String> = std::fs::read_dir(r.join("seeds"))
        .unwrap()
        .map(|e| path(&e.unwrap().path()))
        .collect();
    files.sort();
    let rules = path(&r.join("rules"));
    let run = |files: &[String]| {
        let mut args = vec!["report", "--format", "json", "--rules", rules.as_str()];
        args.extend(files.iter().map(String::as_str));
        recoupe(&args).1
    };
    let forward = run(&files);
    files.reverse();
    let backward = run(&files);
    assert_eq!(forward, backward);
    let single = rayon::ThreadPoolBuilder::new()
        .num_threads(1)
        .build()
        .unwrap()
        .install(|| run(&files));
    assert_eq!(forward, single);
}

/// Every folder under `tests/fixtures/`: its report (or its errors) and exit status.
#[test]
fn fixtures() {
    let dir = root().join("tests/fixtures");
    let mut cases: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 5, "fixtures went missing");
    for case in cases {
        let name = case.file_name().unwrap().to_string_lossy().into_owned();
        let (code, out, err) = recoupe(&[
            "report",
            &path(&case.join("articles")),
            "--rules",
            &path(&case.join("rules")),
            "--color",
            "never",
        ]);
        let shown = format!("exit status: {code}\n--- stdout\n{out}--- stderr\n{err}");
        insta::assert_snapshot!(format!("fixture_{name}"), shown);
    }
}

#[test]
fn contradiction_fixtures_exit_1_and_name_both_quotes() {
    for case in ["stable-contradiction", "cumulative-drop"] {
        let c = root().join("tests/fixtures").join(case);
        let (code, out, _) = recoupe(&[
            "report",
            &path(&c.join("articles")),
            "--rules",
            &path(&c.join("rules")),
            "--color",
            "never",
        ]);
        assert_eq!(code, 1, "{case}");
        let block: Vec<&str> = out
            .lines()
            .skip_while(|l| !l.contains("✗ contradiction"))
            .take(3)
            .collect();
        assert_eq!(block.len(), 3, "{case}: {out}");
        assert!(
            block[1].contains('«') && block[2].contains('«'),
            "{case}: both quotes shown: {block:?}"
        );
    }
}

#[test]
fn bad_input_and_missing_rules_exit_2() {
    let r = root();
    let (code, _, err) = recoupe(&[
        "report",
        &path(&r.join("seeds")),
        "--rules",
        &path(&r.join("tests/fixtures/no-such-folder")),
    ]);
    assert_eq!(code, 2);
    insta::assert_snapshot!("missing_rules_folder", err);
    let empty = r.join("target/e2e-empty-rules");
    std::fs::create_dir_all(&empty).unwrap();
    let (code, _, err) = recoupe(&["report", &path(&r.join("seeds")), "--rules", &path(&empty)]);
    assert_eq!(code, 2);
    assert!(err.contains("no rule files"), "{err}");
    let (code, _, err) = recoupe(&[
        "report",
        &path(&r.join("tests/fixtures/no-such-article.txt")),
        "--rules",
        &path(&r.join("rules")),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no such file or folder"), "{err}");
}

#[test]
fn numbers_reads_stdin_as_json() {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let input =
        "Quelque 2\u{202f}500 soldats, un million et demi, le 4 mai, 3/4.\nplus de 150 attaques\n";
    let status = recoupe_cli::run_with_input(
        ["recoupe", "numbers"],
        &mut input.as_bytes(),
        &mut out,
        &mut err,
    );
    assert_eq!(status.code(), 0);
    let mut lines_out = Vec::new();
    let status = recoupe_cli::run_with_input(
        ["recoupe", "numbers", "--lines"],
        &mut input.as_bytes(),
        &mut lines_out,
        &mut err,
    );
    assert_eq!(status.code(), 0);
    let shown = format!(
        "--- numbers\n{}--- numbers --lines\n{}",
        String::from_utf8(out).unwrap(),
        String::from_utf8(lines_out).unwrap()
    );
    insta::assert_snapshot!("numbers_stdin", shown);
}

#[test]
fn dates_reads_stdin_as_json() {
    let run = |args: &[&str], input: &str| {
        let mut out = Vec::new();
        let mut err = Vec::new();
        let status = recoupe_cli::run_with_input(
            args.iter().copied(),
            &mut input.as_bytes(),
            &mut out,
            &mut err,
        );
        format!(
            "exit status: {}\n--- stdout\n{}--- stderr\n{}",
            status.code(),
            String::from_utf8(out).unwrap(),
            String::from_utf8(err).unwrap()
        )
    };
    let input = "Publié le 13/03/2023 à 14h05. Lundi dernier, la crue du 14 mai a fait 12'480 morts.\n\
                 Depuis la mi-octobre, du 3 au 5 mars, hier et il y a trois jours.\n";
    let shown = format!(
        "--- dates --reference 2023-05-20\n{}\n--- dates --lines --reference 2023-05\n{}\n--- dates --reference 2023-13-01\n{}",
        run(&["recoupe", "dates", "--reference", "2023-05-20"], input),
        run(
            &["recoupe", "dates", "--lines", "--reference", "2023-05"],
            input
        ),
        run(&["recoupe", "dates", "--reference", "2023-13-01"], input),
    );
    insta::assert_snapshot!("dates_stdin", shown);
}

#[test]
fn rule_cases_pass_and_cover_every_rule() {
    let r = root();
    let (code, out, err) = recoupe(&["test", &path(&r.join("rules")), "--coverage"]);
    assert_eq!(code, 0, "{out}{err}");
    insta::assert_snapshot!("rules_test", out);
}

#[test]
fn failing_rule_cases_are_missing_or_noisy_and_exit_1() {
    let r = root();
    let (code, out, _) = recoupe(&["test", &path(&r.join("tests/cases/failing")), "--coverage"]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("rules_test_failing", out);
}

#[test]
fn rules_check_lists_metrics_and_explain_shows_matches_and_near_misses() {
    let r = root();
    let (code, out, _) = recoupe(&["rules", "check", &path(&r.join("rules"))]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("rules_check", out);
    let (code, out, _) = recoupe(&[
        "rules",
        "explain",
        "us-troops-syria",
        &path(&r.join("seeds")),
        "--rules",
        &path(&r.join("rules")),
    ]);
    assert_eq!(code, 0);
    insta::assert_snapshot!("rules_explain", out);
    let (code, _, err) = recoupe(&[
        "rules",
        "explain",
        "us-troops-syra",
        &path(&r.join("seeds")),
        "--rules",
        &path(&r.join("rules")),
    ]);
    assert_eq!(code, 2);
    assert!(err.contains("no metric `us-troops-syra`"), "{err}");
}

#[test]
fn markdown_reports() {
    let (code, out, _) = seeds_report("md");
    assert_eq!(code, 0);
    insta::assert_snapshot!("seeds_report_md", out);
    let c = root().join("tests/fixtures/stable-contradiction");
    let (code, out, _) = recoupe(&[
        "report",
        &path(&c.join("articles")),
        "--rules",
        &path(&c.join("rules")),
        "--format",
        "md",
    ]);
    assert_eq!(code, 1);
    insta::assert_snapshot!("stable_contradiction_md", out);
}

#[test]
fn github_annotations_point_at_each_contradicted_claim() {
    let mut shown = String::new();
    for case in ["stable-contradiction", "jsonl-input", "date-problem"] {
        let c = root().join("tests/fixtures").join(case);
        let (_, out, _) = recoupe(&[
            "report",
            &path(&c.join("articles")),
            "--rules",
            &path(&c.join("rules")),
            "--format",
            "github",
        ]);
        shown.push_str(&format!("--- {case}\n{out}"));
    }
    insta::assert_snapshot!("github_annotations", shown);
}

#[test]
fn html_reports_are_one_self_contained_page() {
    let (code, out, _) = seeds_report("html");
    assert_eq!(code, 0);
    assert!(out.starts_with("<!doctype html>") && out.trim_end().ends_with("</html>"));
    assert!(
        !out.contains("<script") && !out.contains("src=\"http"),
        "no script, no external file"
    );
    assert_eq!(out.matches("<svg").count(), 6, "one chart per metric");
    insta::assert_snapshot!("seeds_report_html", out);
}

/// The hostile files a fixture cannot hold (links, a loop, names that are not UTF-8, a long
/// run-on text, files a `.gitignore` excludes), with the committed hostile fixture, in a
/// scratch folder: each file read once, the loop reported once, hidden and ignored files left
/// out unless `--no-ignore`, no control character in any output, `--strict` failing on a
/// skipped file.
#[cfg(unix)]
#[test]
fn hostile_files_generated() {
    use std::os::unix::ffi::OsStrExt;
    let dir = std::env::temp_dir().join(format!("recoupe-hostile-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let articles = dir.join("articles");
    std::fs::create_dir_all(articles.join("sub")).unwrap();
    for e in std::fs::read_dir(root().join("tests/fixtures/hostile/articles")).unwrap() {
        let e = e.unwrap();
        std::fs::copy(e.path(), articles.join(e.file_name())).unwrap();
    }
    // A loop, and a second path to a file already read.
    std::os::unix::fs::symlink(&articles, articles.join("sub/loop")).unwrap();
    std::os::unix::fs::symlink(articles.join("utf16.txt"), articles.join("sub/again.txt")).unwrap();
    // A name that is not UTF-8; a hidden file; a file .gitignore excludes (ripgrep reads
    // .gitignore inside a git repository, .ignore everywhere).
    let odd = std::ffi::OsStr::from_bytes(b"caf\xe9.txt");
    std::fs::write(
        articles.join(odd),
        " date 2024-01-15 Le port\n\nLe bilan est de 15 morts.\n",
    )
    .unwrap();
    std::fs::write(
        articles.join(".hidden.txt"),
        " date 2024-01-15 T\n\n99 morts.\n",
    )
    .unwrap();
    std::fs::write(articles.join(".ignore"), "ignored.txt\n").unwrap();
    std::fs::write(
        articles.join("ignored.txt"),
        " date 2024-01-15 T\n\n98 morts.\n",
    )
    .unwrap();
    // 20 000 figures in one line without a full stop.
    let long = format!(
        " date 2024-01-15 T\n\n{}\n",
        vec!["12 attaques"; 20_000].join(", ")
    );
    std::fs::write(articles.join("sub/long.txt"), long).unwrap();

    let rules = path(&root().join("tests/fixtures/hostile/rules"));
    let a = path(&articles);
    let (code, out, err) = recoupe(&["report", &a, "--rules", &rules, "--color", "never"]);
    assert_eq!(code, 2, "the bad JSON Lines line is an input error: {err}");
    assert_eq!(err.matches("symbolic link loop").count(), 1, "{err}");
    assert!(
        out.contains("caf\u{fffd}"),
        "a non-UTF-8 name is shown lossily: {out}"
    );
    let last = err.lines().last().unwrap();
    assert_eq!(
        last,
        "recoupe: 9 files read, 3 skipped (1 binary, 1 empty, 1 whitespace only), 10 articles, 20011 claims, 1 rule loaded, 0 rejected",
        "each file once (utf16.txt not twice), hidden and ignored files left out"
    );
    assert!(!out.contains("99 morts") && !out.contains("98 morts"));
    for format in ["text", "md", "html", "json", "github"] {
        let (_, out, _) = recoupe(&["report", &a, "--rules", &rules, "--format", format]);
        assert!(
            !out.chars()
                .any(|c| c.is_control() && !matches!(c, '\n' | '\t')),
            "{format}: a control character reached the output"
        );
    }
    // --no-ignore reads hidden and ignored files too; --strict fails on a skipped file.
    let (_, _, err) = recoupe(&["claims", &a, "--no-ignore"]);
    assert!(
        err.lines()
            .last()
            .unwrap()
            .starts_with("recoupe: 11 files read"),
        "{err}"
    );
    // A rule that matches every claim: the 20 000 figures of the long line and the rest, in
    // one metric, reported and summarised.
    let all = dir.join("all-rules");
    std::fs::create_dir_all(&all).unwrap();
    std::fs::write(
        all.join("all.toml"),
        "[[metric]]\nid = \"everything\"\ntitle = \"Every figure\"\nmodel = \"stable\"\nmatch = { kinds = [\"level\", \"event\", \"cumulative\", \"change\"] }\n",
    )
    .unwrap();
    let (_, out, err) = recoupe(&["report", &a, "--rules", &path(&all), "--color", "never"]);
    assert!(
        out.contains("CONTRADICTION · model stable (tolerance 10%) · 20011 claims"),
        "{out}\n{err}"
    );
    assert!(
        out.contains("19971 more points of the timeline"),
        "a timeline of 20 000 points is summarised: {out}"
    );
    let binary = path(&articles.join("binary.txt"));
    let (code, _, err) = recoupe(&["claims", &binary]);
    assert_eq!(code, 0, "a skipped file is a warning: {err}");
    let (code, _, _) = recoupe(&["claims", &binary, "--strict"]);
    assert_eq!(code, 2, "--strict fails on a skipped file");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A 10 MB rule file of 52 000 metrics loads; an id declared again in another file is one
/// error naming both places, and nothing else is reported.
#[test]
fn a_ten_megabyte_rule_file_and_a_duplicate_id_across_files() {
    let dir = std::env::temp_dir().join(format!("recoupe-bigrules-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut big = String::new();
    for i in 0..52_000 {
        big.push_str(&format!(
            "[[metric]]\nid = \"m{i}\"\ntitle = \"Metric {i}: soldiers deployed, padded to a realistic length of title\"\nmodel = \"stable\"\nmatch = {{ nouns = [\"soldat\"], places = [\"Irak\"], words = [\"d[eé]ploy\"] }}\n\n"
        ));
    }
    assert!(big.len() > 10_000_000, "{} bytes", big.len());
    std::fs::write(dir.join("big.toml"), &big).unwrap();
    let (code, out, err) = recoupe(&["rules", "check", &path(&dir)]);
    assert_eq!(code, 0, "{err}");
    assert_eq!(out.matches("stable     tolerance 10%").count(), 52_000);
    std::fs::write(
        dir.join("dup.toml"),
        "[[metric]]\nid = \"m17\"\ntitle = \"Again\"\nmodel = \"stable\"\nmatch = { nouns = [\"soldat\"] }\n",
    )
    .unwrap();
    let (code, _, err) = recoupe(&["rules", "check", &path(&dir)]);
    assert_eq!(code, 2);
    assert_eq!(err.matches("error:").count(), 1, "{err}");
    assert!(err.contains("duplicate metric id `m17`"), "{err}");
    assert!(err.contains("dup.toml:1:1"), "{err}");
    assert!(
        err.contains("big.toml:104; ids must be unique across rule files"),
        "{err}"
    );
    let _ = std::fs::remove_dir_all(&dir);
}
