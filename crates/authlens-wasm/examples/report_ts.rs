//! Writes `crates/authlens-wasm/ts/report.ts`, the TypeScript report types generated from the
//! Rust ones (see `tsgen/mod.rs`). `--out PATH` writes them to PATH instead (the npm build
//! generates its own copy, so a build never rewrites the committed file that
//! `tests/report_ts.rs` checks); `--check` only compares, exiting 1 when the file is stale.

#[path = "../tsgen/mod.rs"]
mod tsgen;

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ts = match tsgen::generate(&here.join("../authlens-core/src")) {
        Ok(ts) => ts,
        Err(e) => {
            eprintln!("report_ts: {e}");
            return ExitCode::from(2);
        }
    };
    let args: Vec<String> = std::env::args().collect();
    let target = match args.iter().position(|a| a == "--out") {
        Some(i) => match args.get(i + 1) {
            Some(p) => std::path::PathBuf::from(p),
            None => {
                eprintln!("report_ts: --out needs a path");
                return ExitCode::from(2);
            }
        },
        None => here.join("ts/report.ts"),
    };
    let current = std::fs::read_to_string(&target).unwrap_or_default();
    if args.iter().any(|a| a == "--check") {
        if current != ts {
            eprintln!("report_ts: {} is stale: run `cargo run -p authlens-wasm --example report_ts`", target.display());
            return ExitCode::from(1);
        }
        return ExitCode::SUCCESS;
    }
    if current != ts {
        if let Err(e) = std::fs::write(&target, ts) {
            eprintln!("report_ts: {}: {e}", target.display());
            return ExitCode::from(2);
        }
        eprintln!("report_ts: wrote {}", target.display());
    }
    ExitCode::SUCCESS
}
