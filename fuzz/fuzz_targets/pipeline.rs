//! The whole pipeline on a HAR document: parse, analyse (causes, findings, credentials), every
//! renderer and every export (redacted HAR, cURL reproduction).
#![no_main]

use authlens_core::{analyze_har_text, export, har, render};
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let Ok(report) = analyze_har_text(text) else { return };
    assert_eq!(report.entries.len(), report.summary.entries);
    let _ = render::json::render(&report);
    let _ = render::text::render(&report);
    let _ = render::markdown::render(&report);
    if let Ok(h) = har::parse(text) {
        for e in h.log.entries.iter().take(4) {
            let _ = export::curl(e);
        }
        let _ = export::redact_har(h);
    }
    // The redacted export of the whole document (vendor fields included).
    if let Ok(doc) = export::redact_har_text(text) {
        let _ = doc.to_string();
    }
});
