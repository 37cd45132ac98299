//! # authlens-core
//!
//! Explains why HTTP requests fail authentication (401, auth-related 403) and finds server-side
//! secrets sent from a web page, over HAR data. Pure Rust with no I/O: the CLI and the
//! WebAssembly build in the DevTools extension share it.
//!
//! Data flows one way: [`har`] (lenient HAR model) → [`exchange::Exchange`] (each entry digested
//! once: credentials found and classified by [`providers`], challenges parsed by [`parse`]) →
//! [`causes`] and [`secrets`] → [`report`] → [`render`]. Nothing in a report can hold a raw
//! credential: every value shown goes through [`redact::Redacted`].
//!
//! ```
//! let har = r#"{"log":{"entries":[{"startedDateTime":"2026-10-14T09:30:00Z",
//!   "request":{"method":"GET","url":"https://api.example.test/me",
//!              "headers":[{"name":"Authorization","value":"Bearer undefined"}]},
//!   "response":{"status":401}}]}}"#;
//! let report = authlens_core::analyze_har_text(har).unwrap();
//! assert_eq!(report.entries[0].causes[0].id, "placeholder_credentials");
//! ```
#![deny(missing_docs)]
#![forbid(unsafe_code)]
// The wasm build (build.sh, build_wasm) sets `--cfg authlens_wasm_size`: functions off the hot
// paths are then marked `#[cfg_attr(authlens_wasm_size, optimize(size))]` (opt-level "z" for that
// function alone; the crate stays at "s"). An unstable attribute, allowed in that one build by the
// RUSTC_BOOTSTRAP it already needs for -Z build-std. Mark a new function the same way unless a
// profile shows it on the per-exchange or bundle-scan path (README, Performance).
#![cfg_attr(authlens_wasm_size, feature(optimize_attribute))]
// A panic in WebAssembly kills the engine for the rest of the DevTools session: no unwrap/expect
// outside tests (`cargo clippy -p authlens-core --lib` enforces it; the fuzz targets in `fuzz/`
// look for the panics lints cannot see).
#![cfg_attr(not(test), deny(clippy::unwrap_used, clippy::expect_used))]

mod analyze;
pub mod causes;
mod dfa;
pub mod error;
pub mod exchange;
pub mod export;
pub mod har;
pub mod limits;
mod meta;
mod order;
pub mod parse;
pub mod providers;
pub mod redact;
pub mod render;
pub mod report;
pub mod secrets;
pub mod signals;

pub use error::Error;
pub use meta::VERSION;

pub use analyze::{analyze_exchange, analyze_har, analyze_har_text, analyze_intake, Session};
#[cfg(feature = "docs")]
pub use analyze::{explain, explained_ids};
