//! The full value of a secret never leaves the core: a property test over generated keys of every
//! secret rule, at every location, through every output format (JSON, text, Markdown, SARIF) of
//! both `analyze` (HAR) and `scan` (files). It also checks that each generated key is found.
//!
//! `PROPTEST_CASES=2000 cargo test -p authlens-cli --test secrets_redaction` runs more cases.

mod common;

use authlens_core::providers::{self, KeyKind};
use authlens_core::render;
use authlens_core::secrets::{scan_source, ScanReport};
use proptest::prelude::*;

/// Shortest piece of a secret that must never be shown.
const WINDOW: usize = 12;

fn combos() -> &'static [(&'static str, &'static str)] {
    static ALL: std::sync::OnceLock<Vec<(&'static str, &'static str)>> = std::sync::OnceLock::new();
    ALL.get_or_init(build_combos)
}

fn build_combos() -> Vec<(&'static str, &'static str)> {
    let mut v = Vec::new();
    for (p, r) in providers::all_rules().filter(|(_, r)| r.kind == KeyKind::Secret) {
        for loc in common::LOCATIONS {
            if common::place(p, r, 0, loc).is_some() {
                v.push((r.id, *loc));
            }
        }
    }
    v
}

/// Every rendering of a case.
fn outputs(case: &common::Case) -> Vec<(&'static str, String)> {
    if case.har {
        let report = authlens_core::analyze_har_text(&case.text).expect("HAR parses");
        vec![
            ("json", render::json::render(&report)),
            ("text", render::text::render(&report)),
            ("markdown", render::markdown::render(&report)),
            ("sarif", render::sarif::render_report(&report, "capture.har", &[1])),
        ]
    } else {
        let mut r = ScanReport::default();
        r.add_file("dist/app.js", case.text.len(), scan_source("dist/app.js", &case.text));
        vec![
            ("json", serde_json::to_string_pretty(&r).unwrap()),
            ("text", render::scan::text(&r)),
            ("markdown", render::scan::markdown(&r)),
            ("sarif", render::sarif::render_scan(&r)),
        ]
    }
}

/// The part of a value that is secret: what follows its public prefix (a PEM key's body).
fn secret_part<'a>(value: &'a str, prefix: &str) -> &'a str {
    value.strip_prefix(prefix).unwrap_or(value)
}

proptest! {
    #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

    #[test]
    fn no_secret_reaches_any_output(i in 0usize..10_000, seed in 1u64..u64::MAX / 4) {
        let all = combos();
        let (id, loc) = all[i % all.len()];
        let (p, r) = providers::rule_by_id(id).unwrap();
        let case = common::place(p, r, seed, loc).unwrap();
        let found = common::run(&case);
        prop_assert!(found.iter().any(|f| f.rule == id), "{id} at {loc} not found (seed {seed}): {:?}", found.iter().map(|f| (f.rule, f.location.clone())).collect::<Vec<_>>());
        for (format, out) in outputs(&case) {
            for (value, prefix) in &case.secrets {
                let secret = secret_part(value, prefix);
                prop_assert!(!out.contains(value.as_str()), "{id} at {loc}: the full value reaches {format}");
                let b = secret.as_bytes();
                for w in b.windows(WINDOW.min(b.len())) {
                    let piece = std::str::from_utf8(w).unwrap_or("");
                    // Line breaks inside a PEM body are not secret.
                    if piece.contains('\n') || piece.contains("\\n") {
                        continue;
                    }
                    prop_assert!(!out.contains(piece), "{id} at {loc}: `{piece}` of the secret reaches {format}:\n{out}");
                }
            }
        }
    }
}

#[test]
fn every_secret_rule_is_covered_by_the_property() {
    let ids: std::collections::BTreeSet<&str> = combos().iter().map(|(id, _)| *id).collect();
    let secret = providers::all_rules().filter(|(_, r)| r.kind == KeyKind::Secret).count();
    assert_eq!(ids.len(), secret);
}
