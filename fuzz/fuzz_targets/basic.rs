//! HTTP Basic credentials: base64 (padded or not) of `user:password`, or junk.
#![no_main]

use authlens_core::parse::basic::{self, Basic};
use base64::Engine as _;
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fuzz_target!(|data: &[u8]| {
    // The raw bytes as a credential, and the bytes encoded, so the fuzzer also explores the
    // decoded side (invalid UTF-8, colons, newlines).
    let _ = basic::decode(&String::from_utf8_lossy(data));
    let encoded = base64::engine::general_purpose::STANDARD.encode(data);
    match basic::decode(&encoded) {
        Basic::NotBase64 => panic!("valid base64 was refused"),
        Basic::Pair { user, password } => assert!(user.len() + password.len() < 4 * data.len() + 4),
        Basic::NoColon { decoded } => assert!(!decoded.contains(':')),
    }
});
