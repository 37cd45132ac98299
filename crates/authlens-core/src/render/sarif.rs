//! SARIF 2.1.0, for code-scanning services (GitHub code scanning, GitLab, Azure DevOps).
//!
//! One run, `tool.driver.rules` from the finding documentation ([`crate::secrets::FINDING_DOCS`]),
//! one result per finding. For a HAR the artifact is the HAR file, the region is the line where
//! the entry starts, and the entry and the place in it are a logical location
//! (`log.entries[3].request.header.Authorization`). For `authlens scan` each result points at its
//! file, line and column. Only redacted values appear, as everywhere.

use serde_json::{json, Value};

use crate::report::{Finding, Report, Severity};
use crate::secrets::{ScanReport, FINDING_DOCS};

const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn level(s: Severity) -> &'static str {
    match s {
        Severity::Critical | Severity::High => "error",
        Severity::Medium => "warning",
        Severity::Low => "note",
    }
}

/// GitHub's `security-severity` (a CVSS-like score) for a severity.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn security_severity(s: Severity) -> &'static str {
    match s {
        Severity::Critical => "9.5",
        Severity::High => "8.0",
        Severity::Medium => "5.0",
        Severity::Low => "2.0",
    }
}

/// The paragraph after a `## heading` of a finding's documentation.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn section<'a>(doc: &'a str, heading: &str) -> &'a str {
    doc.split("\n## ").find_map(|s| s.strip_prefix(heading)).map(|s| s.trim()).unwrap_or("")
}

/// The one-line summary of a finding's documentation (the paragraph under its title).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn summary(doc: &str) -> &str {
    doc.split("\n\n").nth(1).unwrap_or("").trim()
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn rules() -> Value {
    Value::Array(
        FINDING_DOCS
            .iter()
            .map(|(id, doc)| {
                let default = if *id == crate::secrets::SECRET_KEY_EXPOSED { Severity::Critical } else { Severity::Medium };
                json!({
                    "id": id,
                    "name": id.split('_').map(|w| { let mut c = w.chars(); c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default() }).collect::<String>(),
                    "shortDescription": { "text": summary(doc) },
                    "fullDescription": { "text": section(doc, "What it means") },
                    "help": { "text": doc, "markdown": doc },
                    "defaultConfiguration": { "level": level(default) },
                    "properties": { "tags": ["security", "secrets"], "security-severity": security_severity(default), "precision": "high" },
                })
            })
            .collect(),
    )
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn rule_index(id: &str) -> usize {
    FINDING_DOCS.iter().position(|(i, _)| *i == id).unwrap_or(0)
}

/// Rule id of an authentication failure no specific cause explains.
pub const UNEXPLAINED_RULE: &str = "auth_failure_unexplained";

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn camel(id: &str) -> String {
    id.split('_').map(|w| { let mut c = w.chars(); c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default() }).collect()
}

/// The finding rules, then one rule per cause, then the rule of unexplained failures.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn rules_with_causes() -> Value {
    let mut all = match rules() {
        Value::Array(a) => a,
        _ => Vec::new(),
    };
    for c in crate::causes::ALL {
        // The documentation as `authlens explain ID` prints it (paragraphs unwrapped): the same text
        // the npm package fills in from docs.json, since its module carries no documentation.
        #[cfg(feature = "docs")]
        let doc = crate::causes::explain(c);
        #[cfg(not(feature = "docs"))]
        let doc = String::new();
        let full = section(&doc, "What it means");
        all.push(json!({
            "id": c.info.id,
            "name": camel(c.info.id),
            "shortDescription": { "text": c.info.title },
            "fullDescription": { "text": if full.is_empty() { c.info.title } else { full } },
            "help": if doc.is_empty() { json!({ "text": c.info.title }) } else { json!({ "markdown": doc, "text": doc }) },
            "defaultConfiguration": { "level": "warning" },
            "properties": { "tags": ["authentication", crate::causes::category_name(c.info.category)] },
        }));
    }
    all.push(json!({
        "id": UNEXPLAINED_RULE,
        "name": "AuthFailureUnexplained",
        "shortDescription": { "text": "an authentication failure without a recognised cause" },
        "fullDescription": { "text": "The request failed authentication (401, or a 403 about credentials or permissions) and no specific cause was recognised; the result lists what was checked and what to check." },
        "defaultConfiguration": { "level": "warning" },
        "properties": { "tags": ["authentication"] },
    }));
    Value::Array(all)
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn auth_rule_index(id: &str) -> usize {
    FINDING_DOCS.len() + crate::causes::ALL.iter().position(|c| c.info.id == id).unwrap_or(crate::causes::ALL.len())
}

/// A stable fingerprint of a finding (FNV-1a over its public parts), so services can follow a
/// result across runs.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn fingerprint(parts: &[&str]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for p in parts {
        for b in p.bytes().chain(std::iter::once(0)) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

/// A URI reference for a path: forward slashes, and the few characters a URI cannot hold as
/// they are percent-encoded.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn path_uri(path: &str) -> String {
    let p = path.replace('\\', "/");
    let p = p.strip_prefix("./").unwrap_or(&p);
    let mut out = String::with_capacity(p.len());
    for c in p.chars() {
        match c {
            ' ' => out.push_str("%20"),
            '%' => out.push_str("%25"),
            '#' => out.push_str("%23"),
            '?' => out.push_str("%3F"),
            c if c.is_control() => out.push_str(&format!("%{:02X}", c as u32 & 0xff)),
            c => out.push(c),
        }
    }
    out
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn properties(f: &Finding) -> Value {
    json!({ "severity": f.severity.as_str(), "provider": f.provider, "secretRule": f.rule, "redacted": f.redacted.as_str() })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn document(results: Vec<Value>, artifacts: Vec<Value>) -> String {
    document_with(results, artifacts, rules())
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn document_with(results: Vec<Value>, artifacts: Vec<Value>, rules: Value) -> String {
    let doc = json!({
        "$schema": SCHEMA,
        "version": "2.1.0",
        "runs": [{
            "tool": { "driver": {
                "name": "authlens",
                "version": crate::meta::VERSION,
                "semanticVersion": crate::meta::VERSION,
                "rules": rules,
            }},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": results,
        }]
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

/// SARIF for a HAR analysis. `artifact` is the HAR file's path as given; `entry_lines[i]` is the
/// 1-based line where entry `i` starts, when known.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn render_report(report: &Report, artifact: &str, entry_lines: &[usize]) -> String {
    let uri = path_uri(artifact);
    let mut results = Vec::new();
    for e in &report.entries {
        for f in &e.findings {
            let mut physical = json!({ "artifactLocation": { "uri": uri, "index": 0 } });
            if let Some(line) = entry_lines.get(e.index) {
                physical["region"] = json!({ "startLine": line });
            }
            let mut props = properties(f);
            props["entry"] = json!(e.index);
            props["url"] = json!(e.url);
            results.push(json!({
                "ruleId": f.id,
                "ruleIndex": rule_index(f.id),
                "level": level(f.severity),
                "message": { "text": format!("{}: {} at {} (entry {}, {} {})", f.title, f.redacted, f.location, e.index, e.method, e.url) },
                "locations": [{
                    "physicalLocation": physical,
                    "logicalLocations": [{
                        "name": f.location,
                        "fullyQualifiedName": format!("log.entries[{}].{}", e.index, f.location),
                        "kind": "member",
                    }],
                }],
                "partialFingerprints": { "authlensFinding/v1": fingerprint(&[f.id, f.rule, &e.url, &f.location, f.redacted.as_str()]) },
                "properties": props,
            }));
        }
    }
    for e in report.entries.iter().filter(|e| e.auth_failure) {
        let mut physical = json!({ "artifactLocation": { "uri": uri, "index": 0 } });
        if let Some(line) = entry_lines.get(e.index) {
            physical["region"] = json!({ "startLine": line });
        }
        let (rule, text) = match (e.causes.first(), &e.unexplained) {
            (Some(c), _) => (c.id, format!("authentication failure: {} ({}%) — {} {} → {} (entry {})", c.title, super::percent(c.confidence), e.method, e.url, e.status, e.index)),
            (None, Some(u)) => (UNEXPLAINED_RULE, format!("authentication failure: {} — {} {} → {} (entry {})", u.summary, e.method, e.url, e.status, e.index)),
            (None, None) => (UNEXPLAINED_RULE, format!("authentication failure — {} {} → {} (entry {})", e.method, e.url, e.status, e.index)),
        };
        results.push(json!({
            "ruleId": rule,
            "ruleIndex": auth_rule_index(rule),
            "level": "warning",
            "message": { "text": text },
            "locations": [{
                "physicalLocation": physical,
                "logicalLocations": [{ "name": "response", "fullyQualifiedName": format!("log.entries[{}].response", e.index), "kind": "member" }],
            }],
            "partialFingerprints": { "authlensAuthFailure/v1": fingerprint(&[rule, &e.method, &e.endpoint, &e.status.to_string()]) },
            "properties": {
                "entry": e.index,
                "url": e.url,
                "status": e.status,
                "causes": e.causes.iter().map(|c| c.id).collect::<Vec<_>>(),
                "evidence": e.causes.first().map(|c| c.evidence.clone()).unwrap_or_default(),
                "fix": e.causes.first().map(|c| c.fix.clone()).or_else(|| e.unexplained.as_ref().map(|u| u.checklist.clone())).unwrap_or_default(),
                "serverSaid": e.server_said,
            },
        }));
    }
    document_with(results, vec![json!({ "location": { "uri": uri } })], rules_with_causes())
}

/// SARIF for `authlens scan`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn render_scan(report: &ScanReport) -> String {
    let mut results = Vec::new();
    let mut artifacts = Vec::new();
    for (i, file) in report.files.iter().enumerate() {
        let uri = path_uri(&file.path);
        artifacts.push(json!({ "location": { "uri": uri } }));
        for ff in &file.findings {
            let f = &ff.finding;
            results.push(json!({
                "ruleId": f.id,
                "ruleIndex": rule_index(f.id),
                "level": level(f.severity),
                "message": { "text": format!("{}: {} at {}", f.title, f.redacted, f.location) },
                "locations": [{
                    "physicalLocation": {
                        "artifactLocation": { "uri": uri, "index": i },
                        "region": { "startLine": ff.line, "startColumn": ff.column },
                    },
                }],
                "partialFingerprints": { "authlensFinding/v1": fingerprint(&[f.id, f.rule, &file.path, f.redacted.as_str()]) },
                "properties": properties(f),
            }));
        }
    }
    document(results, artifacts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris() {
        assert_eq!(path_uri(".\\dist\\my app#1.js"), "dist/my%20app%231.js");
    }

    #[test]
    #[cfg(feature = "docs")]
    fn rules_carry_the_docs() {
        let r = rules();
        assert_eq!(r[0]["id"], "secret_key_exposed");
        assert!(r[0]["shortDescription"]["text"].as_str().unwrap().starts_with("a server-side secret"));
        assert!(r[0]["fullDescription"]["text"].as_str().unwrap().starts_with("A key that must only live"));
        assert_eq!(r[1]["name"], "CredentialInUrl");
    }
}
