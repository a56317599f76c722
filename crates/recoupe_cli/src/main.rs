//! The `recoupe` binary: everything is in the library, so tests run it in process.

use std::io::Write;
use std::process::ExitCode;

fn main() -> ExitCode {
    let stdout = std::io::stdout();
    let stderr = std::io::stderr();
    let status = recoupe_cli::run(std::env::args_os(), &mut stdout.lock(), &mut stderr.lock());
    let _ = std::io::stdout().flush();
    ExitCode::from(status.code())
}
