//! HAR/JSON intake: `har::parse` (a whole document) and `har::parse_entry` (one entry, as the
//! extension hands them over). Any bytes: invalid UTF-8 goes through the lossy conversion the CLI
//! refuses, so the parser still sees replacement characters.
#![no_main]

use authlens_core::har;
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    match har::parse(&text) {
        // An error is a value with a place; rendering it must not fail either.
        Err(e) => drop(e.to_string()),
        Ok(h) => assert!(h.log.entries.len() <= text.len()),
    }
    if let Err(e) = har::parse_entry(&text) {
        drop(e.to_string());
    }
});
