//! URL and free-text redaction: `redact::url` (userinfo, credential query parameters),
//! the clipping and escaping every report string goes through, and the exports' free-text
//! redaction and endpoint templates.
#![no_main]

use authlens_core::redact::{self, Redacted};
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fuzz_target!(|data: &[u8]| {
    let s = String::from_utf8_lossy(data);
    let r = redact::url(&s);
    // Clipped to 2048 characters, each escaped to at most 10 (`\u{10ffff}`), plus the ellipsis.
    assert!(r.chars().count() <= 2049 * 10, "{}", r.len());
    let clipped = redact::clip(&s, 64);
    assert!(!clipped.contains(['\n', '\r', '\u{1b}']));
    // A redacted value shows 4 characters at most (or a short placeholder), whatever its length.
    let red = Redacted::new(&s);
    assert!(red.as_str().len() <= 256, "{red}");
    let _ = Redacted::jwt(&s);
    let _ = redact::free_text(&s);
    let _ = redact::endpoint(&s);
    let _ = redact::path(&s);
    let _ = redact::quotable(&s);
    let _ = redact::quote(&s, [s.as_ref()]);
});
