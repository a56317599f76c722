//! What the end-to-end tests share: the repository's root, and `recoupe` run in process.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Runs `recoupe` with `args` and nothing on standard input; returns (exit code, stdout,
/// stderr) with the repository's absolute path removed so snapshots hold no machine-specific
/// path.
pub fn recoupe(args: &[&str]) -> (u8, String, String) {
    recoupe_with_input(args, "")
}

pub fn path(p: &Path) -> String {
    p.display().to_string()
}

/// [`recoupe`] with `stdin` as standard input.
pub fn recoupe_with_input(args: &[&str], stdin: &str) -> (u8, String, String) {
    let mut out = Vec::new();
    let mut err = Vec::new();
    let mut all = vec!["recoupe"];
    all.extend_from_slice(args);
    let status = recoupe_cli::run_with_input(all, &mut stdin.as_bytes(), &mut out, &mut err);
    let prefix = format!("{}/", root().display());
    let clean = |b: Vec<u8>| String::from_utf8(b).unwrap().replace(&prefix, "");
    (status.code(), clean(out), clean(err))
}
