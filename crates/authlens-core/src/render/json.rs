//! The JSON report (the contract documented in `docs/report.md`).

use crate::report::Report;

/// Pretty-printed JSON.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn render(report: &Report) -> String {
    // Serializing plain structs of strings and numbers cannot fail; fall back to an error object
    // rather than panic if it ever does.
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}
