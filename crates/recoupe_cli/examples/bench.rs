//! Throughput and peak memory of the pipeline over a generated corpus.
//!
//! ```sh
//! cargo run --release -p recoupe_cli --example bench -- 5000
//! ```
//!
//! The corpus is the five seeds repeated with their header dates spread over nine months
//! (deterministic). It is written to a temporary folder and read by `recoupe report`, as a
//! user would run it (parallel parsing and extraction), then extracted again in memory on one
//! thread. Peak memory is the process's high-water mark (VmHWM).
use std::path::PathBuf;
use std::time::Instant;

fn peak_rss_mib() -> f64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .map(str::to_owned)
        })
        .and_then(|l| {
            l.split_whitespace()
                .nth(1)
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map_or(f64::NAN, |kb| kb / 1024.0)
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(2000);
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let mut seeds = Vec::new();
    for entry in std::fs::read_dir(root.join("seeds"))? {
        seeds.push(std::fs::read_to_string(entry?.path())?);
    }
    seeds.sort();
    let dir = std::env::temp_dir().join(format!("recoupe-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir)?;
    let mut bytes = 0usize;
    let mut texts = Vec::with_capacity(n);
    for i in 0..n {
        let seed = &seeds[i % seeds.len()];
        let (_, rest) = seed.split_at(seed.find(' ').unwrap_or(0) + 13); // " date YYYY-MM "
        let month = 10 + (i / seeds.len()) % 9;
        let (year, month) = if month > 12 {
            (2024, month - 12)
        } else {
            (2023, month)
        };
        let text = format!(" date {year}-{month:02} {rest}");
        bytes += text.len();
        std::fs::write(dir.join(format!("{i:06}.txt")), &text)?;
        texts.push(text);
    }
    let mb = bytes as f64 / 1e6;

    let start = Instant::now();
    let mut out = Vec::new();
    let mut err = Vec::new();
    let rules = root.join("rules");
    let args = [
        "recoupe",
        "report",
        dir.to_str().ok_or("temporary folder is not UTF-8")?,
        "--rules",
        rules.to_str().ok_or("rules folder is not UTF-8")?,
        "--format",
        "json",
    ];
    let status = recoupe_cli::run(args, &mut out, &mut err);
    let cli = start.elapsed().as_secs_f64();
    let json: serde_json::Value = serde_json::from_slice(&out)?;

    let extractor = recoupe_extractor::Extractor::french()?;
    let start = Instant::now();
    let mut claims = 0;
    for (i, t) in texts.iter().enumerate() {
        let (article, _) =
            recoupe_parser::parse_seed(recoupe_parser::ArticleId(i.to_string()), t.as_bytes());
        claims += extractor.extract(&article).len();
    }
    let single = start.elapsed().as_secs_f64();
    std::fs::remove_dir_all(&dir).ok();

    println!(
        "corpus: {n} articles, {mb:.2} MB, {claims} claims (exit status {})",
        status.code()
    );
    println!(
        "recoupe report (read, parse, extract in parallel on {} threads, check, JSON): {cli:.2} s, {:.2} MB/s, {:.0} articles/s, {} contradictions",
        rayon::current_num_threads(),
        mb / cli,
        n as f64 / cli,
        json["summary"]["contradictions"]
    );
    println!(
        "parse + extract in memory, one thread: {single:.2} s, {:.2} MB/s, {:.0} articles/s",
        mb / single,
        n as f64 / single
    );
    println!("peak memory (VmHWM): {:.1} MiB", peak_rss_mib());
    Ok(())
}
