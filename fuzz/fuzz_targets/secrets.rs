//! Body and source scanning for exposed secrets: `secrets::scan_text` (a response or request
//! body) and `secrets::scan_source` (a file of a web bundle, by name). Every finding is redacted:
//! its shown value is short whatever the input.
#![no_main]

use authlens_core::secrets;
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    for f in secrets::scan_text(&text) {
        assert!(f.redacted.as_str().len() <= 256, "{}", f.redacted);
    }
    for name in ["bundle.js", "config.json", ".env", "app.js.map"] {
        let _ = secrets::scan_source(name, &text);
    }
});
