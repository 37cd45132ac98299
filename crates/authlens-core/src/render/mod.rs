//! Renderers: a report in, text out. Renderers never analyse, and only see redacted values.

pub mod json;
pub mod markdown;
pub mod sarif;
pub mod scan;
pub mod text;

/// A confidence (0–1) as a whole percentage. Integer formatting: `{:.0}` on a float would pull
/// the float-printing code of `core` (about 15 kB) into the wasm module for this alone.
pub(crate) fn percent(confidence: f64) -> i64 {
    (confidence * 100.0).round().clamp(0.0, 100.0) as i64
}
