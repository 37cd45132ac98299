//! WebAssembly bindings for authlens-core. Conversions at the boundary only: every value crosses
//! as a JS value through serde-wasm-bindgen, every error becomes a JS `Error`, nothing panics.

use serde::Serialize;
use wasm_bindgen::prelude::*;

#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = r#"
/** See docs/report.md for every field. */
export interface EntryReport {
  index: number; started: string | null; method: string; url: string; status: number; endpoint: string;
  provider: string | null; environment: "sandbox" | "production" | null;
  causes: { id: string; confidence: number; title: string; evidence: string[]; fix: string[] }[];
  findings: { id: string; severity: "low" | "medium" | "high" | "critical"; provider: string | null;
              location: string; redacted: string; title: string; rule: string }[];
  credentials: { location: string; scheme?: string; redacted: string; kind: "secret" | "publishable" | "token" | null;
                 provider: string | null; environment: "sandbox" | "production" | null; description: string;
                 jwt?: { alg: string | null; exp: string | null; iat: string | null; nbf: string | null;
                         aud: string[]; iss: string | null; scopes: string[]; role: string | null } }[];
  server_said?: string; notes?: string[];
}
export interface Report { tool: string; version: string; entries: EntryReport[];
  summary: { entries: number; auth_failures: number; findings: number; critical: number; high: number } }
"#;

/// serde errors quote the offending value, which may be a credential: drop quoted parts.
fn entry_error(e: impl std::fmt::Display) -> JsError {
    let msg = e.to_string();
    let mut out = String::new();
    let mut quoted = false;
    for c in msg.chars() {
        match c {
            '"' | '`' => {
                if !quoted {
                    out.push('…');
                }
                quoted = !quoted;
            }
            c if !quoted => out.push(c),
            _ => {}
        }
    }
    JsError::new(&format!("authlens: unusable HAR entry: {out}"))
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("authlens: could not convert the report: {e}")))
}

/// A live session: entries are analysed one by one, each with the earlier ones as context.
#[wasm_bindgen]
pub struct Engine {
    session: authlens_core::Session,
}

#[wasm_bindgen]
impl Engine {
    /// An empty session.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Engine {
        Engine { session: authlens_core::Session::new() }
    }

    /// Analyse one HAR entry (a JS object as `devtools.network` hands it over) and return its
    /// `EntryReport`. A malformed entry throws; the session stays usable.
    #[wasm_bindgen(js_name = analyzeEntry, unchecked_return_type = "EntryReport")]
    pub fn analyze_entry(&mut self, entry: JsValue) -> Result<JsValue, JsError> {
        let entry: authlens_core::har::Entry = serde_wasm_bindgen::from_value(entry)
            .map_err(entry_error)?;
        to_js(&self.session.push(entry))
    }

    /// Forget every entry.
    pub fn clear(&mut self) {
        self.session = authlens_core::Session::new();
    }

    /// Number of entries in the session.
    #[wasm_bindgen(getter)]
    pub fn length(&self) -> usize {
        self.session.len()
    }
}

impl Default for Engine {
    fn default() -> Self {
        Engine::new()
    }
}

/// Analyse a whole HAR document (text), e.g. a file dropped on the panel.
#[wasm_bindgen(js_name = analyzeHar, unchecked_return_type = "Report")]
pub fn analyze_har(text: &str) -> Result<JsValue, JsError> {
    let report = authlens_core::analyze_har_text(text).map_err(|e| JsError::new(&e.to_string()))?;
    to_js(&report)
}

/// A cURL command reproducing a HAR entry, every credential replaced by an environment variable.
#[wasm_bindgen(js_name = curlCommand)]
pub fn curl_command(entry: JsValue) -> Result<String, JsError> {
    let entry: authlens_core::har::Entry = serde_wasm_bindgen::from_value(entry)
        .map_err(entry_error)?;
    Ok(authlens_core::export::curl(&entry))
}

/// A redacted copy of a HAR document (a JS object `{log: {entries: [...]}}`), safe to attach to a ticket.
#[wasm_bindgen(js_name = redactHar)]
pub fn redact_har(har: JsValue) -> Result<JsValue, JsError> {
    let har: authlens_core::har::Har = serde_wasm_bindgen::from_value(har)
        .map_err(|e| JsError::new(&format!("authlens: unusable HAR: {e}")))?;
    to_js(&authlens_core::export::redact_har(har))
}

/// Analyse HAR entries as one session and render the report as `markdown`, `json` or `text`.
#[wasm_bindgen(js_name = renderReport)]
pub fn render_report(entries: JsValue, format: &str) -> Result<String, JsError> {
    let entries: Vec<authlens_core::har::Entry> = serde_wasm_bindgen::from_value(entries)
        .map_err(|e| JsError::new(&format!("authlens: unusable HAR entries: {e}")))?;
    let report = authlens_core::analyze_har(authlens_core::har::Har { log: authlens_core::har::Log { entries, ..Default::default() } });
    match format {
        "markdown" => Ok(authlens_core::render::markdown::render(&report)),
        "json" => Ok(authlens_core::render::json::render(&report)),
        "text" => Ok(authlens_core::render::text::render(&report)),
        other => Err(JsError::new(&format!("authlens: unknown report format `{other}`"))),
    }
}

/// The documentation of a cause or finding id, as Markdown; `undefined` for an unknown id.
#[wasm_bindgen]
pub fn explain(id: &str) -> Option<String> {
    authlens_core::explain(id)
}

/// authlens version.
#[wasm_bindgen]
pub fn version() -> String {
    authlens_core::VERSION.to_string()
}
