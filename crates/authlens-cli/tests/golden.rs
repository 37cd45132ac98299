//! Golden tests: the CLI over every `tests/fixtures/*.har`, compared with `<name>.expected.json`
//! beside it. `UPDATE_GOLDEN=1 cargo test -p authlens-cli` rewrites the expected files; review the
//! diff before committing.

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn authlens(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_authlens")).args(args).current_dir(root()).output().expect("run authlens")
}

#[test]
fn fixtures_match_expected_json() {
    let dir = root().join("tests/fixtures");
    let mut hars: Vec<PathBuf> = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().path()).filter(|p| p.extension().is_some_and(|e| e == "har")).collect();
    hars.sort();
    assert!(hars.len() >= 10, "expected the foundation fixtures in {}", dir.display());
    let update = std::env::var_os("UPDATE_GOLDEN").is_some();
    let mut mismatches = Vec::new();
    for har in &hars {
        let out = authlens(&["analyze", har.to_str().unwrap(), "--format", "json"]);
        assert!(out.status.success(), "{}: {}", har.display(), String::from_utf8_lossy(&out.stderr));
        let got = String::from_utf8(out.stdout).unwrap();
        let expected_path = har.with_extension("expected.json");
        if update {
            std::fs::write(&expected_path, &got).unwrap();
            continue;
        }
        let expected = std::fs::read_to_string(&expected_path).unwrap_or_default();
        if expected != got {
            mismatches.push(format!("{} differs from {}", har.display(), expected_path.display()));
        }
    }
    assert!(mismatches.is_empty(), "{}\n(UPDATE_GOLDEN=1 to accept, then review the diff)", mismatches.join("\n"));
}

fn top_cause(report: &serde_json::Value, entry: usize) -> &str {
    report["entries"][entry]["causes"][0]["id"].as_str().unwrap_or("<none>")
}

#[test]
fn foundation_scenarios_get_the_right_top_cause() {
    let cases = [
        ("midtrans_sandbox_key_on_production", 1, "environment_mismatch"),
        ("midtrans_production_key_on_sandbox", 0, "environment_mismatch"),
        ("midtrans_server_key_not_base64", 0, "malformed_authorization"),
        ("midtrans_colon_missing", 0, "malformed_authorization"),
        ("midtrans_trailing_newline", 0, "whitespace_in_credentials"),
        ("checkout_sandbox_key_on_production", 0, "environment_mismatch"),
        ("checkout_missing_authorization", 0, "missing_credentials"),
        ("bearer_undefined", 0, "placeholder_credentials"),
        ("bearer_doubled", 0, "malformed_authorization"),
        ("expired_jwt", 0, "expired_token"),
    ];
    for (name, entry, want) in cases {
        let out = authlens(&["analyze", &format!("tests/fixtures/{name}.har"), "--format", "json"]);
        let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!(top_cause(&report, entry), want, "{name}");
    }
    let out = authlens(&["analyze", "tests/fixtures/healthy_control.har", "--format", "json"]);
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    for e in report["entries"].as_array().unwrap() {
        assert_eq!(e["causes"].as_array().unwrap().len(), 0, "control entry {} got causes", e["index"]);
        assert_eq!(e["findings"].as_array().unwrap().len(), 0, "control entry {} got findings", e["index"]);
    }
}

#[test]
fn json_report_contract_fields() {
    let out = authlens(&["analyze", "tests/fixtures/midtrans_sandbox_key_on_production.har", "--format", "json"]);
    let r: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let e = &r["entries"][1];
    for k in ["index", "method", "url", "status", "provider", "environment", "causes", "findings"] {
        assert!(e.get(k).is_some(), "entry lacks {k}");
    }
    assert_eq!(e["provider"], "midtrans");
    assert_eq!(e["environment"], "production");
    let c = &e["causes"][0];
    for k in ["id", "confidence", "title", "evidence", "fix"] {
        assert!(c.get(k).is_some(), "cause lacks {k}");
    }
    let f = &e["findings"][0];
    assert_eq!(f["id"], "secret_key_exposed");
    assert_eq!(f["severity"], "high");
    assert_eq!(f["provider"], "midtrans");
    assert_eq!(f["location"], "request.header.Authorization (Basic user)");
    assert_eq!(r["entries"][0]["causes"].as_array().unwrap().len(), 0);
}

#[test]
fn no_format_prints_a_full_secret() {
    // The fixtures' secret-shaped values, as generate.py assembles them.
    let secrets = ["SB-Mid-server-abc123cde456Fx9Kq2Lm7Np4", "Mid-server-Zy8Wx7Vu6Ts5Rq4Po3Nm2Lk1", "sk_sbox_m3vd5ejbqxqzsgsf6fb2nwrkqam"];
    for fmt in ["text", "json", "markdown"] {
        for name in ["midtrans_sandbox_key_on_production", "midtrans_production_key_on_sandbox", "checkout_sandbox_key_on_production", "midtrans_server_key_not_base64"] {
            let out = authlens(&["analyze", &format!("tests/fixtures/{name}.har"), "--format", fmt]);
            let text = String::from_utf8_lossy(&out.stdout);
            for s in secrets {
                assert!(!text.contains(s), "{fmt} output of {name} reveals {s}");
                assert!(!text.contains(&s[..s.len() - 4]), "{fmt} output of {name} reveals most of {s}");
            }
        }
    }
}

#[test]
fn stdin_and_formats() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_authlens"))
        .args(["analyze", "-", "--format", "markdown"])
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let har = std::fs::read(root().join("tests/fixtures/bearer_undefined.har")).unwrap();
    {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(&har).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    assert!(out.status.success());
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# authlens report"), "{md}");
    assert!(md.contains("`placeholder_credentials`"), "{md}");
}

#[test]
fn unusable_input_exits_2_naming_file_and_place() {
    let dir = std::env::temp_dir().join(format!("authlens-golden-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("broken.har");
    // One field of an unexpected shape: the entry is analysed without it, and the output says so.
    std::fs::write(&bad, "{\"log\":{\"entries\":[\n{\"request\": {\"headers\": 7}, \"response\": {\"status\": 401}}]}}").unwrap();
    let out = authlens(&["analyze", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("note: log.entries[0].request.headers: found a number"), "{text}");

    // Not a HAR: exit 2 with what was found, never "0 entries".
    for (doc, says) in [("{}", "empty JSON object"), ("{\"foo\":1}", "`foo`"), ("{\"log\":{}}", "no `entries`"), ("{\"name\":\"shop\",\"dependencies\":{}}", "package.json"), ("{\"har\":{\"log\":{\"entries\":[]}}}", "nested under `har`")] {
        std::fs::write(&bad, doc).unwrap();
        let out = authlens(&["analyze", bad.to_str().unwrap()]);
        assert_eq!(out.status.code(), Some(2), "{doc}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("broken.har") && err.contains(says) && err.contains("not a HAR file"), "{doc}: {err}");
        assert!(out.stdout.is_empty(), "{doc}");
    }

    std::fs::write(&bad, "{\"log\": ").unwrap();
    let out = authlens(&["analyze", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("looks truncated"));
    assert!(String::from_utf8_lossy(&out.stderr).contains("line 1"));

    std::fs::write(&bad, [0xffu8, 0xfe, 0x00, 0x01]).unwrap();
    let out = authlens(&["analyze", bad.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not UTF-8"));

    let out = authlens(&["analyze", dir.join("missing.har").to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("missing.har"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn fail_on_sets_exit_code() {
    let out = authlens(&["analyze", "tests/fixtures/midtrans_sandbox_key_on_production.har", "--fail-on", "high"]);
    assert_eq!(out.status.code(), Some(1));
    let out = authlens(&["analyze", "tests/fixtures/midtrans_sandbox_key_on_production.har", "--fail-on", "critical"]);
    assert_eq!(out.status.code(), Some(0));
    let out = authlens(&["analyze", "tests/fixtures/healthy_control.har", "--fail-on", "low"]);
    assert_eq!(out.status.code(), Some(0));
}

#[test]
fn explain_prints_docs() {
    let out = authlens(&["explain", "expired_token"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("## How to fix"), "{text}");
    assert_eq!(authlens(&["explain", "no_such_cause"]).status.code(), Some(2));
}
