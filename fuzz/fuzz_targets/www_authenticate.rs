//! `WWW-Authenticate` header values: challenges, auth-params, quoted strings.
#![no_main]

use authlens_core::parse::www_authenticate;
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fuzz_target!(|data: &[u8]| {
    let value = String::from_utf8_lossy(data);
    let challenges = www_authenticate::parse(&value);
    assert!(challenges.len() <= 32);
    for c in &challenges {
        assert!(c.params.len() <= 32);
        let _ = c.param("error");
    }
});
