//! JWT decoding: the raw input as a token, and the input as the payload (then the header) of a
//! well-formed token, so the claim handling sees arbitrary JSON.
#![no_main]

use authlens_core::parse::jwt;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fuzz_target!(|data: &[u8]| {
    let _ = jwt::decode(&String::from_utf8_lossy(data));
    let as_payload = format!("eyJhbGciOiJIUzI1NiJ9.{}.c2ln", URL_SAFE_NO_PAD.encode(data));
    if let Some(j) = jwt::decode(&as_payload) {
        assert!(j.aud.len() <= 16 && j.scopes.len() <= 64);
        for t in [j.exp, j.nbf, j.iat].into_iter().flatten() {
            assert!(t.is_finite());
            let _ = authlens_core::exchange::fmt_unix(t);
            let _ = authlens_core::exchange::rfc3339_unix(t);
            let _ = authlens_core::exchange::fmt_duration(t);
        }
    }
    let as_header = format!("{}.e30.c2ln", URL_SAFE_NO_PAD.encode(data));
    let _ = jwt::looks_like_jwt(&as_header);
});
