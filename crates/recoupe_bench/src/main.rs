//! `recoupe-bench`: write a generated corpus, or run the end-to-end benchmark over one.
//!
//! ```sh
//! cargo run --release -p recoupe_bench -- generate 10000 --seed 1 --out /tmp/corpus-10k
//! cargo run --release -p recoupe_bench -- run /tmp/corpus-10k
//! ```

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::time::Instant;

use rayon::prelude::*;
use recoupe_bench::generate;

fn usage() -> ExitCode {
    eprintln!(
        "usage: recoupe-bench generate N [--seed S] --out DIR [--jsonl]\n       recoupe-bench run DIR [--threads T]"
    );
    ExitCode::from(2)
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let flag = |name: &str| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .cloned()
    };
    match args.first().map(String::as_str) {
        Some("generate") => {
            let (Some(n), Some(out)) = (
                args.get(1).and_then(|n| n.parse::<usize>().ok()),
                flag("--out"),
            ) else {
                return usage();
            };
            let seed = flag("--seed").and_then(|s| s.parse().ok()).unwrap_or(1);
            match write_corpus(
                n,
                seed,
                Path::new(&out),
                args.iter().any(|a| a == "--jsonl"),
            ) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {out}: {e}");
                    ExitCode::from(2)
                }
            }
        }
        Some("run") => {
            let Some(dir) = args.get(1) else {
                return usage();
            };
            if let Some(t) = flag("--threads").and_then(|t| t.parse::<usize>().ok()) {
                let _ = rayon::ThreadPoolBuilder::new()
                    .num_threads(t)
                    .build_global();
            }
            match run(Path::new(dir)) {
                Ok(()) => ExitCode::SUCCESS,
                Err(e) => {
                    eprintln!("error: {dir}: {e}");
                    ExitCode::from(2)
                }
            }
        }
        _ => usage(),
    }
}

/// Writes `n` articles (in folders of 1 000), the rules and the truth under `out`.
fn write_corpus(n: usize, seed: u64, out: &Path, jsonl: bool) -> std::io::Result<()> {
    let corpus = generate::generate(n, seed);
    let articles = out.join("articles");
    std::fs::create_dir_all(&articles)?;
    std::fs::create_dir_all(out.join("rules"))?;
    if jsonl {
        std::fs::write(articles.join("corpus.jsonl"), generate::jsonl(&corpus))?;
    } else {
        corpus.articles.par_chunks(1000).enumerate().try_for_each(
            |(i, chunk)| -> std::io::Result<()> {
                let dir = articles.join(format!("{i:04}"));
                std::fs::create_dir_all(&dir)?;
                for a in chunk {
                    std::fs::write(dir.join(format!("{}.txt", a.id)), a.seed_text())?;
                }
                Ok(())
            },
        )?;
    }
    std::fs::write(out.join("rules/generated.toml"), generate::rules(&corpus))?;
    std::fs::write(
        out.join("truth.json"),
        serde_json::to_string_pretty(&generate::truth(&corpus)).unwrap_or_default(),
    )?;
    eprintln!(
        "wrote {} articles, {} metrics to {}",
        corpus.articles.len(),
        corpus.topics.len(),
        out.display()
    );
    Ok(())
}

/// Peak resident memory of this process so far, in MiB (Linux; 0 elsewhere).
fn peak_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(0.0, |kb| kb / 1024.0)
}

fn files_under(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            files_under(&p, out);
        } else {
            out.push(p);
        }
    }
}

/// Runs the benchmark over the corpus in `dir` and prints one table row per measure.
fn run(dir: &Path) -> Result<(), String> {
    let articles = dir.join("articles");
    let mut files = Vec::new();
    files_under(&articles, &mut files);
    files.sort();
    if files.is_empty() {
        return Err("no articles".into());
    }
    let threads = rayon::current_num_threads();

    // grep over the same files, in the same run, once the files are in the page cache (as
    // they are for the reads below): a cold first pass would measure the disk, not grep.
    for f in &files {
        let _ = std::fs::read(f);
    }
    let t = Instant::now();
    let grep = std::process::Command::new("grep")
        .args(["-rc", "[0-9]"])
        .arg(&articles)
        .output();
    let grep_s = t.elapsed().as_secs_f64();
    let grep_ok = grep.is_ok_and(|o| o.status.success() || o.status.code() == Some(1));

    // Read, then parse and extract in parallel.
    let t = Instant::now();
    // (id, whether JSON Lines, bytes)
    let bytes: Vec<(String, bool, Vec<u8>)> = files
        .par_iter()
        .filter_map(|f| {
            let id = f.file_stem()?.to_string_lossy().into_owned();
            let jsonl = f.extension().is_some_and(|e| e == "jsonl");
            Some((id, jsonl, std::fs::read(f).ok()?))
        })
        .collect();
    let read_s = t.elapsed().as_secs_f64();
    let total_bytes: usize = bytes.iter().map(|(_, _, b)| b.len()).sum();
    let extractor = recoupe_extractor::Extractor::french().map_err(|e| e.to_string())?;
    let t = Instant::now();
    let (n_articles, n_claims) = bytes
        .par_iter()
        .map(|(id, jsonl, b)| {
            if *jsonl {
                let (articles, _) = recoupe_parser::parse_jsonl(b);
                let claims: usize = articles.iter().map(|a| extractor.extract(a).len()).sum();
                (articles.len(), claims)
            } else {
                let (a, _) =
                    recoupe_parser::parse_seed(recoupe_parser::ArticleId::from(id.as_str()), b);
                (1, extractor.extract(&a).len())
            }
        })
        .reduce(|| (0, 0), |a, b| (a.0 + b.0, a.1 + b.1));
    let extract_s = t.elapsed().as_secs_f64();
    drop(bytes);

    // The whole report, as a user runs it, written to a file: at a million articles it is
    // gigabytes, not to be held in memory by the benchmark.
    let report_path =
        std::env::temp_dir().join(format!("recoupe-bench-{}.json", std::process::id()));
    let t = Instant::now();
    let mut err = Vec::new();
    let status = {
        let file = std::fs::File::create(&report_path).map_err(|e| e.to_string())?;
        let mut out = std::io::BufWriter::new(file);
        let status = recoupe_cli::run(
            [
                "recoupe".to_owned(),
                "report".to_owned(),
                articles.display().to_string(),
                "--rules".to_owned(),
                dir.join("rules").display().to_string(),
                "--format".to_owned(),
                "json".to_owned(),
            ],
            &mut out,
            &mut err,
        );
        out.flush().map_err(|e| e.to_string())?;
        status
    };
    let report_s = t.elapsed().as_secs_f64();
    // The peak so far: extraction and the report; reading the report back below is ours.
    let peak = peak_mib();
    if status.code() > 1 {
        return Err(String::from_utf8_lossy(&err).into_owned());
    }

    // Planted findings against the report's verdicts, read back keeping only each metric's id
    // and verdict (serde skips the rest as it streams by).
    #[derive(serde::Deserialize)]
    struct ReportVerdicts {
        metrics: Vec<MetricVerdict>,
    }
    #[derive(serde::Deserialize)]
    struct MetricVerdict {
        id: String,
        verdict: String,
    }
    let truth: serde_json::Value = std::fs::read_to_string(dir.join("truth.json"))
        .ok()
        .and_then(|t| serde_json::from_str(&t).ok())
        .unwrap_or_default();
    let read_back: Result<ReportVerdicts, String> = std::fs::File::open(&report_path)
        .map_err(|e| e.to_string())
        .and_then(|f| {
            serde_json::from_reader(std::io::BufReader::new(f)).map_err(|e| e.to_string())
        });
    let _ = std::fs::remove_file(&report_path);
    let report = read_back?;
    let verdicts: std::collections::BTreeMap<&str, &str> = report
        .metrics
        .iter()
        .map(|m| (m.id.as_str(), m.verdict.as_str()))
        .collect();
    let planted = |v: &str| -> Vec<&str> {
        truth
            .as_object()
            .map(|t| {
                t.iter()
                    .filter(|(_, w)| w.as_str() == Some(v))
                    .map(|(k, _)| k.as_str())
                    .collect()
            })
            .unwrap_or_default()
    };
    let planted_c = planted("contradiction");
    let found_c: Vec<&str> = verdicts
        .iter()
        .filter(|(_, v)| **v == "contradiction")
        .map(|(k, _)| *k)
        .collect();
    let hits = planted_c.iter().filter(|m| found_c.contains(m)).count();
    let recall = hits as f64 / planted_c.len().max(1) as f64;
    let precision = hits as f64 / found_c.len().max(1) as f64;
    let verdicts_right = truth.as_object().map_or(0, |t| {
        t.iter()
            .filter(|(k, v)| verdicts.get(k.as_str()).copied() == v.as_str())
            .count()
    });

    let mb = total_bytes as f64 / 1e6;
    let mut w = std::io::stdout().lock();
    let _ = writeln!(w, "corpus              {}", dir.display());
    let _ = writeln!(w, "threads             {threads}");
    let _ = writeln!(w, "articles            {n_articles}");
    let _ = writeln!(w, "bytes               {mb:.1} MB in {} files", files.len());
    let _ = writeln!(w, "claims              {n_claims}");
    let _ = writeln!(w, "read                {read_s:.2} s");
    let _ = writeln!(
        w,
        "parse+extract       {extract_s:.2} s: {:.1} MB/s, {:.0} articles/s",
        mb / extract_s,
        n_articles as f64 / extract_s
    );
    let _ = writeln!(
        w,
        "report (end to end) {report_s:.2} s: read, extract, check, render as JSON"
    );
    if grep_ok {
        let _ = writeln!(
            w,
            "grep -rc '[0-9]'    {grep_s:.2} s: parse+extract is {:.1}x grep",
            extract_s / grep_s
        );
    }
    let _ = writeln!(
        w,
        "peak memory         {peak:.0} MiB (resident, extraction and report)"
    );
    let _ = writeln!(
        w,
        "planted             contradictions recall {recall:.3} ({hits}/{}), precision {precision:.3} ({hits}/{}); verdicts right {verdicts_right}/{}",
        planted_c.len(),
        found_c.len(),
        truth.as_object().map_or(0, serde_json::Map::len)
    );
    Ok(())
}
