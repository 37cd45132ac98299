//! `authlens redact`: a capture attached to a ticket keeps no credential. Over a HAR that holds
//! every kind of credential the public HAR sanitizers remove and more (`tests/redaction/`), a
//! property test over generated values spread across entries, and the command's input handling.

mod common;

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use proptest::prelude::*;

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn authlens(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_authlens"))
        .args(args)
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run authlens");
    {
        use std::io::Write;
        let mut input = child.stdin.take().unwrap();
        if let Some(b) = stdin {
            input.write_all(b).unwrap();
        }
    }
    child.wait_with_output().unwrap()
}

/// The forms a value takes in a HAR: as is, percent-, form- and JSON-encoded.
fn forms(v: &str) -> Vec<String> {
    let pct: String = v.bytes().map(|b| if b.is_ascii_alphanumeric() { (b as char).to_string() } else { format!("%{b:02X}") }).collect();
    let form: String = url::form_urlencoded::byte_serialize(v.as_bytes()).collect();
    let json = serde_json::to_string(v).unwrap();
    vec![v.to_string(), pct, form, json[1..json.len() - 1].to_string()]
}

fn leaks(out: &str, values: &[(String, String)]) -> Vec<String> {
    let mut found = Vec::new();
    for (what, v) in values {
        for f in forms(v) {
            if out.contains(&f) {
                found.push(format!("{what}: `{f}`"));
            }
        }
    }
    found
}

fn every_kind() -> (String, Vec<(String, String)>) {
    let template = std::fs::read_to_string(root().join("tests/redaction/every_kind.har")).unwrap();
    let case = common::fill("every_kind.har", "har", true, &template, 7);
    let listed: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(root().join("tests/redaction/every_kind.secrets.json")).unwrap()).unwrap();
    let mut values: Vec<(String, String)> = listed.into_iter().map(|(k, v)| (k, v.as_str().unwrap().to_string())).collect();
    values.extend(case.secrets.iter().map(|(v, _)| ("provider key in a bundle".to_string(), v.clone())));
    (case.text, values)
}

#[test]
fn a_capture_of_every_kind_keeps_no_credential() {
    let (har, values) = every_kind();
    // Every value is really in the capture, so the test can fail.
    for (what, v) in &values {
        // The Basic halves are in the capture only base64-encoded, inside the Authorization header.
        assert!(what.starts_with("Basic") || forms(v).iter().any(|f| har.contains(f.as_str())), "{what} is not in the fixture");
    }
    let out = authlens(&["redact", "-"], Some(har.as_bytes()));
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    let found = leaks(&text, &values);
    assert!(found.is_empty(), "credentials survive the redacted export:\n{}", found.join("\n"));

    // What stays: names of headers and cookies, schemes, Set-Cookie attributes, error codes,
    // token types, and the request/response structure of a HAR that still analyses.
    let doc: serde_json::Value = serde_json::from_str(&text).unwrap();
    for kept in ["\"Authorization\"", "Basic …[redacted", "Bearer JWT…[redacted", "session=…[redacted", "; Path=/; HttpOnly; SameSite=Lax", "theme=", "\"token_type\": \"Bearer\"", "token_expired", "sk_live_…[redacted"] {
        assert!(text.contains(kept) || text.replace("\\\"", "\"").contains(kept), "`{kept}` should stay:\n{text}");
    }
    let entries = doc["log"]["entries"].as_array().unwrap();
    assert_eq!(entries.len(), 8);
    // The entries that held credentials say where they were removed.
    for (i, e) in entries.iter().enumerate() {
        let c = e["comment"].as_str().unwrap_or_default();
        assert!(c.contains("authlens redacted export: credentials redacted in"), "entry {i}: {c:?}");
    }
    assert!(entries[4]["comment"].as_str().unwrap().starts_with("QA: token was JWT…[redacted"), "{}", entries[4]["comment"]);
    assert!(entries[4]["_initiator"]["stack"]["callFrames"].is_array(), "vendor fields are kept, redacted");
    let again = authlens(&["analyze", "-", "--format", "json"], Some(text.as_bytes()));
    assert!(again.status.success(), "{}", String::from_utf8_lossy(&again.stderr));
}

/// The pieces of a value that must not show, whatever escapes a writer used: the runs between
/// characters JSON, URL or HTML escaping may rewrite, of 12 characters or more.
fn pieces(v: &str) -> Vec<&str> {
    v.split(|c: char| !c.is_ascii_alphanumeric() && c != '-' && c != '_').filter(|p| p.len() >= 12).collect()
}

#[test]
fn the_places_a_redaction_audit_found_keep_no_credential() {
    // tests/redaction/audit_places.har: one credential in each place an audit of the export and
    // the reports found leaking (token path segments, fragments, URLs in Location and Referer,
    // escaped JSON, JSON cut at 64 KiB, an XSSI prefix, comma-joined Set-Cookie, a server echoing
    // the session cookie, multipart, XML, `.env`, HTML meta and hidden inputs, event streams,
    // WebSocket frames, keys in scripts, Postman header lists, GraphQL documents, presigned URLs
    // in JSON, the log's and a page's comments).
    let template = std::fs::read_to_string(root().join("tests/redaction/audit_places.har")).unwrap();
    let case = common::fill("audit_places.har", "har", true, &template, 11);
    let listed: serde_json::Map<String, serde_json::Value> = serde_json::from_str(&std::fs::read_to_string(root().join("tests/redaction/audit_places.secrets.json")).unwrap()).unwrap();
    let mut values: Vec<(String, String)> = listed.into_iter().map(|(k, v)| (k, v.as_str().unwrap().to_string())).collect();
    values.extend(case.secrets.iter().map(|(v, _)| ("provider key in a URL path inside a script".to_string(), v.clone())));
    let har = case.text;
    for (what, v) in &values {
        assert!(!pieces(v).is_empty() && pieces(v).iter().all(|p| har.contains(p)), "{what} is not in the fixture");
    }
    let mut outputs = vec![("redact".to_string(), authlens(&["redact", "-"], Some(har.as_bytes())))];
    for f in ["json", "text", "markdown", "sarif"] {
        outputs.push((format!("analyze --format {f}"), authlens(&["analyze", "-", "--format", f], Some(har.as_bytes()))));
    }
    let mut found = Vec::new();
    for (name, out) in &outputs {
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.len() > 1000, "{name} wrote nothing: {}", String::from_utf8_lossy(&out.stderr));
        for (what, v) in &values {
            for p in pieces(v) {
                if text.contains(p) {
                    found.push(format!("{name}: {what}: `{p}`"));
                }
            }
        }
    }
    assert!(found.is_empty(), "credentials survive:\n{}", found.join("\n"));
}

#[test]
fn passwords_show_no_character_of_themselves() {
    let (har, _) = every_kind();
    let report = authlens_core::analyze_har_text(&har).unwrap();
    let all = authlens_core::render::json::render(&report) + &authlens_core::render::text::render(&report);
    assert!(!all.contains("corr…") && !all.contains("hunt…"), "{all}");
    let text = String::from_utf8(authlens(&["redact", "-"], Some(har.as_bytes())).stdout).unwrap();
    assert!(text.contains("…[redacted, 28 chars]"), "the password keeps only its length");
}

#[test]
fn redact_writes_a_file_and_refuses_what_is_not_a_har() {
    let dir = std::env::temp_dir().join(format!("authlens-redact-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (har, values) = every_kind();
    let input = dir.join("ticket.har");
    std::fs::write(&input, &har).unwrap();
    let output = dir.join("ticket.redacted.har");
    let out = authlens(&["redact", input.to_str().unwrap(), "-o", output.to_str().unwrap()], None);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(out.stdout.is_empty(), "-o writes the file, not standard output");
    let written = std::fs::read_to_string(&output).unwrap();
    assert!(leaks(&written, &values).is_empty());
    for bad in ["{}", "{\"log\":{}}", "{\"name\":\"shop\",\"version\":\"1.0.0\",\"dependencies\":{}}", "[]", "{\"log\":{\"entries\":[{"] {
        let out = authlens(&["redact", "-"], Some(bad.as_bytes()));
        assert_eq!(out.status.code(), Some(2), "{bad}");
        assert!(out.stdout.is_empty(), "{bad}: nothing is written for a file that is not a HAR");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// A credential-ish value: letters, digits and a few symbols, 8 to 40 characters.
fn value() -> impl Strategy<Value = String> {
    "[A-Za-z0-9][A-Za-z0-9._~-]{7,39}".prop_filter("not a placeholder", |v| !authlens_core::redact::is_showable_placeholder(v))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, failure_persistence: None, ..ProptestConfig::default() })]

    /// A credential seen in one entry (a header, a token response, a cookie, a password field, a
    /// session id in a URL) is removed from every other place of the capture: other entries'
    /// bodies and URLs, scripts, `_initiator` stacks, comments.
    #[test]
    fn a_credential_seen_once_is_removed_everywhere(bearer in value(), refresh in value(), cookie in value(), password in value(), sid in value(), code in value()) {
        let esc = |s: &str| serde_json::to_string(s).unwrap();
        let token_response = esc(&format!("{{\"access_token\":{},\"refresh_token\":{},\"token_type\":\"Bearer\"}}", esc(&bearer), esc(&refresh)));
        let login_body = esc(&format!("{{\"user\":\"ana\",\"password\":{}}}", esc(&password)));
        let bundle = esc(&format!("var a={};var r={};var c={};var p={};var s={};var k={};", esc(&bearer), esc(&refresh), esc(&cookie), esc(&password), esc(&sid), esc(&code)));
        let har = format!(r#"{{"log":{{"entries":[
 {{"request":{{"method":"POST","url":"https://auth.example.test/token","headers":[],"postData":{{"mimeType":"application/json","text":{login_body}}}}},"response":{{"status":200,"headers":[{{"name":"Set-Cookie","value":{setc}}}],"content":{{"mimeType":"application/json","text":{token_response}}}}}}},
 {{"request":{{"method":"GET","url":"https://app.example.test/cb?code={code}&state=xyz&sid={sid}","headers":[{{"name":"Authorization","value":{auth}}}]}},"response":{{"status":200}}}},
 {{"request":{{"method":"GET","url":"https://app.example.test/main.js?t={cookie}","headers":[]}},"response":{{"status":200,"content":{{"mimeType":"application/javascript","text":{bundle}}}}},"_initiator":{{"stack":{{"description":{desc}}}}},"comment":{comment}}}
]}}}}"#,
            setc = esc(&format!("sess={cookie}; Path=/")),
            auth = esc(&format!("Bearer {bearer}")),
            desc = esc(&format!("at {bearer} {sid}")),
            comment = esc(&format!("refresh was {refresh}")),
        );
        prop_assume!(authlens_core::har::read(&har).is_ok());
        let out = serde_json::to_string(&authlens_core::export::redact_har_text(&har).unwrap()).unwrap();
        let values: Vec<(String, String)> = [("bearer", &bearer), ("refresh", &refresh), ("cookie", &cookie), ("password", &password), ("sid", &sid), ("code", &code)]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let found = leaks(&out, &values);
        prop_assert!(found.is_empty(), "{found:?}\n{out}");
    }
}
