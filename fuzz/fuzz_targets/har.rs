//! HAR/JSON intake: `har::parse` (a whole document) and `har::parse_entry` (one entry, as the
//! extension hands them over), and the timestamp parsers the entries' dates go through. Any bytes: invalid UTF-8 goes through the lossy conversion the CLI
//! refuses, so the parser still sees replacement characters.
#![no_main]

use authlens_core::har;
use authlens_core::parse::date;
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
    // The lenient readers: whatever they accept keeps one slot per entry and notes what it left out.
    match har::read(&text) {
        Err(e) => drop(e.to_string()),
        Ok(i) => assert!(i.slots.len() <= text.len()),
    }
    if let Err(e) = har::read_entry(&text) {
        drop(e.to_string());
    }
    // Whatever a date parser accepts is a real time that formats and reads back the same.
    for t in [date::rfc3339(&text), date::http_date(&text), date::amz_date(&text)].into_iter().flatten() {
        let again = date::format_rfc3339(t).and_then(|s| date::rfc3339(&s));
        assert_eq!(again.map(|a| a.unix_timestamp()), Some(t.unix_timestamp()));
    }
});
