//! `docs/causes.md` is generated from the cause declarations (`authlens explain --all`); this
//! test fails when it is out of date. `UPDATE_DOCS=1 cargo test -p authlens-cli --test docs`
//! rewrites it.

use std::path::Path;
use std::process::Command;

#[test]
fn docs_causes_md_is_up_to_date() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = Command::new(env!("CARGO_BIN_EXE_authlens")).args(["explain", "--all"]).output().expect("run authlens");
    assert!(out.status.success());
    let got = String::from_utf8(out.stdout).unwrap();
    for heading in ["## What it means", "## Why it happens", "## How to fix", "## Example"] {
        assert!(got.contains(&format!("#{heading}")), "{heading} missing");
    }
    let path = root.join("docs/causes.md");
    if std::env::var_os("UPDATE_DOCS").is_some() {
        std::fs::write(&path, &got).unwrap();
        return;
    }
    let have = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(have == got, "docs/causes.md is out of date: run UPDATE_DOCS=1 cargo test -p authlens-cli --test docs");
}
