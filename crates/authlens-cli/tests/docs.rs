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

/// `authlens explain --json` (the extension's docs.json): every id `explain` accepts (causes,
/// findings, secret rules) with exactly the Markdown `authlens explain ID` prints.
#[test]
fn explain_json_documents_every_id() {
    let out = Command::new(env!("CARGO_BIN_EXE_authlens")).args(["explain", "--json"]).output().expect("run authlens");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let docs: serde_json::Map<String, serde_json::Value> = serde_json::from_slice(&out.stdout).expect("a JSON object");
    let mut want: Vec<&str> = authlens_core::causes::ALL.iter().map(|c| c.info.id).collect();
    want.extend(authlens_core::secrets::FINDING_DOCS.iter().map(|(id, _)| *id));
    want.extend(authlens_core::providers::all_rules().map(|(_, r)| r.id));
    for id in &want {
        let text = docs.get(*id).and_then(|v| v.as_str()).unwrap_or_else(|| panic!("{id} is missing"));
        assert_eq!(Some(text.to_string()), authlens_core::explain(id), "{id}");
        assert!(text.starts_with(&format!("# {id}\n")), "{id}");
    }
    assert!(docs.keys().all(|k| want.contains(&k.as_str())), "ids explain does not accept");
    for id in ["expired_token", "secret_key_exposed", "credential_in_url"] {
        assert!(docs[id].as_str().is_some_and(|t| t.contains("## How to fix")), "{id}");
    }
    // The same text as `authlens explain ID` prints (plus its newline).
    let one = Command::new(env!("CARGO_BIN_EXE_authlens")).args(["explain", "stripe_secret_key_live"]).output().expect("run authlens");
    assert_eq!(String::from_utf8_lossy(&one.stdout), format!("{}\n", docs["stripe_secret_key_live"].as_str().unwrap_or_default()));
    // --json documents everything; it takes no id.
    let both = Command::new(env!("CARGO_BIN_EXE_authlens")).args(["explain", "--json", "expired_token"]).output().expect("run authlens");
    assert_eq!(both.status.code(), Some(2));
}
