//! `recoupe rules check` lists the metrics of valid rules; `recoupe rules explain` shows which
//! claims of a corpus a metric matches, and the near misses, key by key.

use std::io::Write;
use std::path::{Path, PathBuf};

use recoupe_extractor::Extractor;

use crate::{ExitStatus, corpus, print_problems, rules_dir};

/// Runs `rules check`.
pub fn check(
    dir: &Path,
    extractor: &Extractor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    let Some(rules) = rules_dir::load_or_report(dir, extractor.lexicon(), err)? else {
        return Ok(ExitStatus::Failure);
    };
    writeln!(
        out,
        "{} metrics, {} cases: rules are valid",
        rules.metrics.len(),
        rules.cases.len()
    )?;
    for m in &rules.metrics {
        let cases = rules.cases.iter().filter(|c| c.metric == m.id).count();
        let parts = if m.parts.is_empty() {
            String::new()
        } else {
            format!(
                " · parts {}",
                m.parts
                    .iter()
                    .map(|p| p.0.as_str())
                    .collect::<Vec<_>>()
                    .join(" + ")
            )
        };
        let since = m
            .since
            .map(|d| format!(" · since {}", d.format("%Y-%m-%d")))
            .unwrap_or_default();
        writeln!(
            out,
            "  {:<22} {:<10} tolerance {:<5}{since}{parts} · {cases} case{} · {}:{}",
            m.id.0,
            m.model.name(),
            m.tolerance.to_string(),
            if cases == 1 { "" } else { "s" },
            m.file,
            m.line
        )?;
        writeln!(out, "  {:<22} {}", "", m.title)?;
    }
    Ok(ExitStatus::Clean)
}

/// The keys a claim fails.
fn keys_failing(keys: &[recoupe_checker::KeyCheck]) -> Vec<&'static str> {
    keys.iter().filter(|k| !k.ok).map(|k| k.key).collect()
}

/// Runs `rules explain`.
pub fn explain(
    metric: &str,
    paths: &[PathBuf],
    dir: &Path,
    extractor: &Extractor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    let Some(rules) = rules_dir::load_or_report(dir, extractor.lexicon(), err)? else {
        return Ok(ExitStatus::Failure);
    };
    let Some(m) = rules.metrics.iter().find(|m| m.id.0 == metric) else {
        let ids: Vec<&str> = rules.metrics.iter().map(|m| m.id.0.as_str()).collect();
        writeln!(
            err,
            "error: no metric `{metric}` in {}; metrics: {}",
            dir.display(),
            ids.join(", ")
        )?;
        return Ok(ExitStatus::Failure);
    };
    let (files, mut problems) = corpus::collect(paths, false);
    let corpus = corpus::read(&files, extractor, false);
    problems.extend(corpus.problems.iter().cloned());
    writeln!(
        out,
        "{}  {} ({}:{}, model {})",
        m.id,
        m.title,
        m.file,
        m.line,
        m.model.name()
    )?;
    let checks: Vec<_> = corpus
        .claims
        .iter()
        .map(|c| (c, m.matcher.explain(c)))
        .collect();
    let matched: Vec<_> = checks
        .iter()
        .filter(|(_, k)| k.iter().all(|k| k.ok))
        .collect();
    // Claims that fail one key, then those that fail two: a rule one or two keys away.
    let failing = |k: &[recoupe_checker::KeyCheck]| k.iter().filter(|k| !k.ok).count();
    let mut near: Vec<_> = checks
        .iter()
        .filter(|(_, k)| (1..=2).contains(&failing(k)))
        .collect();
    near.sort_by_key(|(c, k)| (failing(k), c.id.clone()));
    let show = |c: &recoupe_extractor::Claim,
                keys: &[recoupe_checker::KeyCheck],
                out: &mut dyn Write|
     -> std::io::Result<()> {
        let fails: Vec<&str> = keys_failing(keys);
        let fails = if fails.is_empty() {
            String::new()
        } else {
            format!("fails {}: ", fails.join(", "))
        };
        let keys: Vec<String> = keys
            .iter()
            .map(|k| format!("{} {} {}", k.key, if k.ok { "✓" } else { "✗" }, k.detail))
            .collect();
        writeln!(
            out,
            "  {:<28} «{}»  {fails}{}",
            c.id.to_string(),
            c.written(),
            keys.join(" · ")
        )?;
        writeln!(out, "  {:<28} «{}»", "", recoupe_report::excerpt(c, 100))
    };
    writeln!(out, "matched ({}):", matched.len())?;
    for (c, k) in &matched {
        show(c, k, out)?;
    }
    writeln!(
        out,
        "near misses ({}): claims that fail one or two keys",
        near.len()
    )?;
    for (c, k) in &near {
        show(c, k, out)?;
    }
    // The report first, then the problems and the run's last line: stdout is buffered, and a
    // terminal shows both streams.
    out.flush()?;
    let bad = print_problems(&problems, corpus.bad_files, err)?;
    Ok(if bad {
        ExitStatus::Failure
    } else {
        ExitStatus::Clean
    })
}
