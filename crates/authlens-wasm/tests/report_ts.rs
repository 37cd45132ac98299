//! The committed TypeScript report types (`ts/report.ts`) are what the generator makes of the
//! Rust types today: a field added to the report without regenerating fails here.

#[path = "../tsgen/mod.rs"]
mod tsgen;

use std::path::Path;

#[test]
fn report_ts_is_fresh() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let generated = tsgen::generate(&here.join("../authlens-core/src")).expect("the generator reads the core's report types");
    let committed = std::fs::read_to_string(here.join("ts/report.ts")).expect("ts/report.ts exists");
    assert!(
        generated == committed,
        "crates/authlens-wasm/ts/report.ts is stale: run `cargo run -p authlens-wasm --example report_ts` and commit the file (the npm build generates its own copy from the same types)"
    );
}

#[test]
fn generator_follows_serde_attributes() {
    let here = Path::new(env!("CARGO_MANIFEST_DIR"));
    let ts = tsgen::generate(&here.join("../authlens-core/src")).expect("generated");
    // Option → `| null`, skip_serializing_if → optional, flatten → extends, rename_all → literals.
    assert!(ts.contains("  started: string | null;"), "{ts}");
    assert!(ts.contains("  server_said?: string;"), "{ts}");
    assert!(ts.contains("export interface FileFinding extends Finding {"), "{ts}");
    assert!(ts.contains("export type Severity = \"low\" | \"medium\" | \"high\" | \"critical\";"), "{ts}");
    assert!(ts.contains("export type KeyKind = \"secret\" | \"publishable\" | \"token\";"), "{ts}");
    assert!(ts.contains("export type Redacted = string;"), "{ts}");
}
