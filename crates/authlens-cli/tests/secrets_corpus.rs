//! The secret corpus (`tests/secrets/`): recall must be 100 % and false findings zero.
//!
//! - `exposure/`: templates (a bundle, `env.js`, a config JSON, a source map, a `.env` in
//!   `public/`, HTML, a service-account file, a PEM file, a HAR capture) whose `{{…}}` markers
//!   become fake keys at run time; each marker must be reported with its rule.
//! - a generated matrix: every secret rule at every location it can be exposed at.
//! - `benign/`: real minified bundles, base64 images and wasm, publishable keys, users' tokens,
//!   ids and hashes: nothing may be reported.
//!
//! `cargo test -p authlens-cli --test secrets_corpus -- --nocapture` prints the figures.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::{fill, matrix, run, score, Case};

fn dir(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/secrets").join(name)
}

fn files(name: &str) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir(name)).unwrap().map(|e| e.unwrap().path()).filter(|p| p.is_file()).collect();
    v.sort();
    v
}

fn template_cases(name: &str) -> Vec<Case> {
    files(name)
        .iter()
        .filter(|p| !p.extension().is_some_and(|e| e == "py" || e == "md"))
        .enumerate()
        .map(|(i, p)| {
            let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
            let file = p.file_name().unwrap().to_string_lossy().into_owned();
            let har = file.ends_with(".har");
            let kind = format!("template .{}", p.extension().map_or("", |e| e.to_str().unwrap_or("")));
            fill(&file, &kind, har, &text, 17 + i as u64)
        })
        .collect()
}

#[derive(Default)]
struct Tally {
    cases: usize,
    expected: usize,
    found: usize,
    false_findings: usize,
    bytes: usize,
}

fn evaluate(cases: &[Case], by_kind: &mut BTreeMap<String, Tally>, failures: &mut Vec<String>) -> Tally {
    let mut t = Tally::default();
    for c in cases {
        let found = run(c);
        let (ok, missed, extra) = score(c, &found);
        let k = by_kind.entry(c.kind.clone()).or_default();
        for x in [&mut t, k] {
            x.cases += 1;
            x.expected += c.expected.len() + c.in_url;
            x.found += ok;
            x.false_findings += extra.len();
            x.bytes += c.text.len();
        }
        if !missed.is_empty() || !extra.is_empty() {
            failures.push(format!("{}: missed {missed:?}, unexpected {extra:?}", c.name));
        }
    }
    t
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 { 100.0 } else { a as f64 * 100.0 / b as f64 }
}

#[test]
fn corpus_recall_is_total_and_false_findings_zero() {
    let mut failures = Vec::new();
    let mut by_kind = BTreeMap::new();

    let templates = template_cases("exposure");
    assert!(templates.len() >= 8, "exposure templates missing");
    let t1 = evaluate(&templates, &mut by_kind, &mut failures);

    let generated = matrix(1);
    let t2 = evaluate(&generated, &mut by_kind, &mut failures);
    let rules: std::collections::BTreeSet<&str> = generated.iter().chain(&templates).flat_map(|c| c.expected.iter().copied()).collect();

    let benign = template_cases("benign");
    assert!(benign.len() >= 6, "benign corpus missing");
    let mut by_kind_benign = BTreeMap::new();
    let t3 = evaluate(&benign, &mut by_kind_benign, &mut failures);

    println!("secret corpus");
    println!("  exposure templates: {} files, {} KiB, {} exposures, {} found ({:.1} %), {} false findings", t1.cases, t1.bytes / 1024, t1.expected, t1.found, pct(t1.found, t1.expected), t1.false_findings);
    println!("  generated matrix:   {} cases, {} exposures, {} found ({:.1} %), {} false findings", t2.cases, t2.expected, t2.found, pct(t2.found, t2.expected), t2.false_findings);
    println!("  secret rules exercised: {} of {}", rules.len(), authlens_core::providers::all_rules().filter(|(_, r)| r.kind == authlens_core::providers::KeyKind::Secret).count());
    println!("  by location kind:");
    for (k, t) in &by_kind {
        println!("    {k:<16} {:>4} cases {:>4}/{:<4} found, {} false", t.cases, t.found, t.expected, t.false_findings);
    }
    println!("  benign: {} files, {} KiB, {} false findings", t3.cases, t3.bytes / 1024, t3.false_findings);
    let expected = t1.expected + t2.expected;
    let found = t1.found + t2.found;
    println!("  TOTAL recall {found}/{expected} = {:.1} %, false findings {}", pct(found, expected), t1.false_findings + t2.false_findings + t3.false_findings);

    assert!(failures.is_empty(), "{} failures:\n{}", failures.len(), failures.join("\n"));
    assert_eq!(found, expected);
}

#[test]
fn benign_corpus_is_within_budget() {
    let total: u64 = files("benign").iter().chain(files("exposure").iter()).map(|p| std::fs::metadata(p).unwrap().len()).sum();
    assert!(total < 2 * 1024 * 1024, "the committed corpus should stay under ~2 MiB ({total} bytes)");
}

#[test]
fn no_secret_shaped_literal_is_committed() {
    // The templates hold markers, not keys: scanning them as they are finds nothing.
    for p in files("exposure").iter().chain(files("benign").iter()) {
        let text = String::from_utf8_lossy(&std::fs::read(p).unwrap()).into_owned();
        let f = authlens_core::secrets::scan_source(&p.to_string_lossy(), &text);
        assert!(f.is_empty(), "{}: {:?}", p.display(), f.iter().map(|x| &x.finding.location).collect::<Vec<_>>());
    }
}
