//! `recoupe claims`: the claims read from a corpus.

use std::io::Write;
use std::path::PathBuf;

use recoupe_extractor::Extractor;

use crate::args::ClaimsFormat;
use crate::{ExitStatus, corpus, print_problems};

/// What `claims` needs, resolved from the arguments.
pub struct ClaimsConfig {
    /// Article files and folders.
    pub paths: Vec<PathBuf>,
    /// Output format.
    pub format: ClaimsFormat,
    /// Show what gave each field.
    pub explain: bool,
    /// How the corpus is read.
    pub input: crate::args::InputArgs,
}

/// Runs `claims`.
pub fn run(
    config: &ClaimsConfig,
    extractor: &Extractor,
    out: &mut dyn Write,
    err: &mut dyn Write,
) -> std::io::Result<ExitStatus> {
    let (files, mut problems) = corpus::collect(&config.paths, config.input.no_ignore);
    let corpus = corpus::read(&files, extractor, config.explain);
    problems.extend(corpus.problems.iter().cloned());
    match config.format {
        ClaimsFormat::Jsonl => recoupe_report::claims_jsonl::render(&corpus.claims, out)?,
        ClaimsFormat::Table => {
            let text_of = |c: &recoupe_extractor::Claim| {
                corpus
                    .locations
                    .binary_search_by(|l| l.id.cmp(&c.id.article))
                    .ok()
                    .and_then(|i| corpus.texts.get(i))
                    .map(String::as_str)
            };
            recoupe_report::claims_table::render(&corpus.claims, config.explain, &text_of, out)?;
        }
    }
    // The report first, then the problems and the run's last line: stdout is buffered, and a
    // terminal shows both streams.
    out.flush()?;
    let bad = print_problems(&problems, corpus.bad_files, err)?;
    writeln!(err, "recoupe: {}", corpus.summary())?;
    Ok(
        if bad || (config.input.strict && corpus.skipped_files() > 0) {
            ExitStatus::Failure
        } else {
            ExitStatus::Clean
        },
    )
}
