//! The `recoupe` binary: everything is in the library, so tests run it in process.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    // Buffered: a report of a million claims is not written a line (and a system call) at a
    // time.
    let mut stdout = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    // Not locked for the whole run: the progress bar writes to standard error from the
    // threads that read the corpus.
    let status = recoupe_cli::run(std::env::args_os(), &mut stdout, &mut std::io::stderr());
    // A closed pipe (`recoupe report | head`) is not an error.
    let _ = stdout.flush();
    ExitCode::from(status.code())
}
