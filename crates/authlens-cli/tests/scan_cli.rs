//! `authlens scan` and `--format sarif` end to end: walking rules, skips, exit codes, formats.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use authlens_core::secrets::samples::{self, sample_id};
use serde_json::Value;

fn authlens(dir: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_authlens")).args(args).current_dir(dir).output().expect("run authlens")
}

fn write(path: PathBuf, bytes: &[u8]) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, bytes).unwrap();
}

/// A built frontend with a leak in a bundle and in a public .env, plus what must be skipped.
fn site(name: &str) -> PathBuf {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&root);
    let live = sample_id("stripe_secret_key_live", 1);
    let test = sample_id("stripe_secret_key_test", 2);
    write(root.join("dist/assets/main.js"), format!("!function(){{var k=\"{live}\";window.k=k}}();\n").as_bytes());
    write(root.join("dist/assets/vendor.js"), b"export const pk = 'not a key';\n");
    write(root.join("dist/node_modules/dep/index.js"), format!("var k=\"{test}\";").as_bytes());
    write(root.join("node_modules/dep/index.js"), format!("var k=\"{test}\";").as_bytes());
    let mut png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    png.extend_from_slice(live.as_bytes());
    write(root.join("dist/logo.png"), &png);
    write(root.join("dist/big.js"), format!("{}var k=\"{live}\";", " ".repeat(1024 * 1024 + 10)).as_bytes());
    write(root.join("public/.env"), format!("API=https://api.shop.example\nSTRIPE_SECRET_KEY={test}\n").as_bytes());
    root
}

#[test]
fn walks_skips_and_reports_file_line_column() {
    let root = site("scan-walk");
    let out = authlens(&root, &["scan", "dist", "public", "--max-file-size", "1"]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(text.contains("dist/assets/main.js:1:20: secret_key_exposed [critical] Stripe live secret key"), "{text}");
    assert!(text.contains("public/.env:2:19: secret_key_exposed [high]"), "{text}");
    assert!(!text.contains("node_modules"), "node_modules is skipped while walking: {text}");
    assert!(!text.contains("logo.png"), "binary files are skipped silently: {text}");
    assert!(text.contains("note: dist/big.js skipped: larger than the 1 MiB limit"), "{text}");
    assert!(text.contains("2 exposed secrets (1 critical, 1 high)"), "{text}");
    assert!(!text.contains(&sample_id("stripe_secret_key_live", 1)[8..]), "redacted");

    // node_modules given directly is scanned.
    let out = authlens(&root, &["scan", "node_modules"]);
    assert!(String::from_utf8_lossy(&out.stdout).contains("node_modules/dep/index.js:1:8"));
}

#[test]
fn fail_on_and_exit_codes() {
    let root = site("scan-exit");
    assert_eq!(authlens(&root, &["scan", "public", "--fail-on", "critical"]).status.code(), Some(0));
    assert_eq!(authlens(&root, &["scan", "public", "--fail-on", "high"]).status.code(), Some(1));
    assert_eq!(authlens(&root, &["scan", "dist", "--fail-on", "critical"]).status.code(), Some(1));
    assert_eq!(authlens(&root, &["scan", "missing-folder"]).status.code(), Some(2));
}

#[test]
fn json_markdown_and_sarif() {
    let root = site("scan-formats");
    let out = authlens(&root, &["scan", "dist", "public", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["summary"]["findings"], 3, "big.js is within the default size limit");
    assert_eq!(v["summary"]["files_skipped"], 1, "logo.png");
    assert_eq!(v["files"][0]["findings"][0]["line"], 1);
    assert_eq!(v["files"][0]["findings"][0]["rule"], "stripe_secret_key_live");

    let md = String::from_utf8(authlens(&root, &["scan", "dist", "--format", "markdown"]).stdout).unwrap();
    assert!(md.contains("| dist/assets/main.js | 1:20 | critical |"), "{md}");

    let out = authlens(&root, &["scan", "dist", "public", "--format", "sarif"]);
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(s["version"], "2.1.0");
    let run = &s["runs"][0];
    assert_eq!(run["tool"]["driver"]["name"], "authlens");
    let rules = run["tool"]["driver"]["rules"].as_array().unwrap();
    assert!(rules.iter().all(|r| r["id"].is_string() && r["shortDescription"]["text"].is_string() && r["help"]["markdown"].is_string()));
    let r0 = &run["results"][0];
    assert_eq!(r0["ruleId"], "secret_key_exposed");
    assert_eq!(r0["level"], "error");
    assert_eq!(r0["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "dist/assets/main.js");
    assert_eq!(r0["locations"][0]["physicalLocation"]["region"]["startLine"], 1);
    assert_eq!(r0["locations"][0]["physicalLocation"]["region"]["startColumn"], 20);
    assert!(rules[r0["ruleIndex"].as_u64().unwrap() as usize]["id"] == r0["ruleId"]);
}

#[test]
fn analyze_sarif_points_at_the_entry() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("analyze-sarif");
    let key = sample_id("midtrans_server_key_sandbox", 3);
    let token = samples::user_jwt(4);
    let har = serde_json::json!({"log": {"entries": [
        {"request": {"method": "GET", "url": "https://shop.example/", "headers": []}, "response": {"status": 200}},
        {"request": {"method": "POST", "url": "https://app.sandbox.midtrans.com/snap/v1/transactions",
            "headers": [{"name": "Authorization", "value": format!("Basic {}", samples::basic(&key, ""))}]}, "response": {"status": 201}},
        {"request": {"method": "GET", "url": format!("https://api.shop.example/me?access_token={token}"), "headers": []}, "response": {"status": 200}}
    ]}});
    write(root.join("capture.har"), serde_json::to_string_pretty(&har).unwrap().as_bytes());
    let out = authlens(&root, &["analyze", "capture.har", "--format", "sarif"]);
    let s: Value = serde_json::from_slice(&out.stdout).unwrap();
    let results = s["runs"][0]["results"].as_array().unwrap();
    assert_eq!(results.len(), 2);
    let secret = results.iter().find(|r| r["ruleId"] == "secret_key_exposed").unwrap();
    assert_eq!(secret["level"], "error");
    assert_eq!(secret["locations"][0]["physicalLocation"]["artifactLocation"]["uri"], "capture.har");
    assert_eq!(secret["locations"][0]["physicalLocation"]["region"]["startLine"], 14, "the line where entry 1 starts");
    assert_eq!(secret["locations"][0]["logicalLocations"][0]["fullyQualifiedName"], "log.entries[1].request.header.Authorization (Basic user)");
    let url = results.iter().find(|r| r["ruleId"] == "credential_in_url").unwrap();
    assert_eq!(url["level"], "warning");
    let all = String::from_utf8_lossy(&out.stdout);
    assert!(!all.contains(&key[14..]) && !all.contains(&token[40..60]));

    // --fail-on sees every finding: the medium credential_in_url too.
    assert_eq!(authlens(&root, &["analyze", "capture.har", "--fail-on", "critical"]).status.code(), Some(0));
    assert_eq!(authlens(&root, &["analyze", "capture.har", "--fail-on", "high"]).status.code(), Some(1));
}

#[test]
fn list_secrets_is_the_generated_doc() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let out = authlens(&root, &["explain", "--list-secrets"]);
    let doc = std::fs::read_to_string(root.join("docs/secrets.md")).unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), doc);
    let out = authlens(&root, &["explain", "paypal_client_secret"]);
    assert!(String::from_utf8(out.stdout).unwrap().contains("the password of a Basic credential sent to this provider"));
}

/// A file dense with keys stops the scanner at its caps: the report names it as scanned in part
/// (JSON `partial`, a text note, a Markdown list) instead of implying the rest is clean.
#[test]
fn a_file_past_the_scanner_caps_is_reported_as_scanned_in_part() {
    let root = Path::new(env!("CARGO_TARGET_TMPDIR")).join("scan-partial");
    let _ = std::fs::remove_dir_all(&root);
    let dense: String = (0..400).map(|i| format!("\"{}\",\n", sample_id("stripe_secret_key_live", i))).collect();
    write(root.join("dist/keys.js"), dense.as_bytes());
    write(root.join("dist/one.js"), format!("var k=\"{}\";", sample_id("stripe_secret_key_live", 1)).as_bytes());
    let out = authlens(&root, &["scan", "dist", "--format", "json"]);
    let v: Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert_eq!(v["partial"], serde_json::json!(["dist/keys.js"]), "{v}");
    assert!(v["summary"]["findings"].as_u64().unwrap_or(0) > 1);
    let text = String::from_utf8_lossy(&authlens(&root, &["scan", "dist"]).stdout).to_string();
    assert!(text.contains("note: dist/keys.js: the scan stopped early"), "{text}");
    assert!(!text.contains("note: dist/one.js"), "{text}");
    let md = String::from_utf8_lossy(&authlens(&root, &["scan", "dist", "--format", "markdown"]).stdout).to_string();
    assert!(md.contains("**Scanned in part:**") && md.contains("dist/keys.js"), "{md}");
}

/// A reader that stops early (`authlens explain --json | head`) closes the pipe: the program ends
/// quietly instead of panicking on the failed write. The output (~300 kB) is larger than a pipe's
/// buffer, so the write is still under way when the reader goes.
#[test]
fn a_closed_pipe_ends_the_program_quietly() {
    use std::io::Read;
    use std::process::Stdio;
    let mut child = Command::new(env!("CARGO_BIN_EXE_authlens"))
        .args(["explain", "--json"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run authlens");
    let mut first = [0u8; 64];
    child.stdout.as_mut().expect("stdout").read_exact(&mut first).expect("some output");
    drop(child.stdout.take()); // the reader goes away with most of the output unread
    let out = child.wait_with_output().expect("wait");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_eq!(out.status.code(), Some(0), "{stderr}");
}
