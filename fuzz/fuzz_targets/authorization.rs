//! `Authorization` header values: parsing, the intended credential, and what the exchange does
//! with it next (Basic decoding, JWT decoding).
#![no_main]

use authlens_core::parse::{authorization, basic, jwt};
use libfuzzer_sys::fuzz_target;

// The targets look for debug-assertion and overflow failures too (fuzz/Cargo.toml turns them on).
const _: () = assert!(cfg!(debug_assertions), "build the fuzz targets with fuzz/run.sh");

fuzz_target!(|data: &[u8]| {
    let value = String::from_utf8_lossy(data);
    let a = authorization::parse(&value);
    let c = a.intended_credential();
    assert!(c.len() <= value.len());
    let _ = a.is_scheme("basic");
    let _ = authorization::contains_encoded_newline(&value);
    let _ = basic::decode(&c);
    let _ = jwt::decode(&c);
});
