//! Renderers: a report in, text out. Renderers never analyse, and only see redacted values.

pub mod json;
pub mod markdown;
pub mod sarif;
pub mod scan;
pub mod text;

/// A confidence (0–1) as a whole percentage. Integer formatting: `{:.0}` on a float would pull
/// the float-printing code of `core` (about 15 kB) into the wasm module for this alone.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn percent(confidence: f64) -> i64 {
    (confidence * 100.0).round().clamp(0.0, 100.0) as i64
}

/// `, 3 credentials in URLs` for a summary line (empty when there is none): counted apart from
/// exposed secrets, which they are not.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn in_url_suffix(n: usize) -> String {
    match n {
        0 => String::new(),
        1 => ", 1 credential in a URL".to_string(),
        n => format!(", {n} credentials in URLs"),
    }
}
