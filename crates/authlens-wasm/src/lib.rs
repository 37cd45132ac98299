//! WebAssembly bindings for authlens-core. Conversions at the boundary only: entries and reports
//! cross as JSON text (the browser's `JSON.stringify`/`JSON.parse` on the JS side, serde_json on
//! this side), bodies and texts as UTF-8 bytes (`src/entry.js`), every error becomes a JS
//! `Error`, nothing panics. See README.md for the exports and the figures behind these choices.
//!
//! Why JSON text rather than serde-wasm-bindgen's object walking: no JS call per field, and the
//! module carries one serializer (serde_json's, which the core needs anyway), not two. Measured in
//! Chromium (README.md): serde-wasm-bindgen makes each report crossing ~3.4 µs slower and the
//! module 15 kB larger; web-sys cannot read a JS string (its TextEncoder takes a Rust `&str`).
//! Both stay as off-by-default experiment features (`exp-swb`, `exp-bindgen-text`, `exp-bench`)
//! so that `tests/bench/boundary.sh` can measure them again.

// Under `exp-bindgen-text`, `entry.js`'s text imports are declared but unused.
#![cfg_attr(feature = "exp-bindgen-text", allow(dead_code))]

use serde::Serialize;
use wasm_bindgen::prelude::*;

// The report types in the module's .d.ts are the ones generated from the Rust types (ts/report.ts,
// kept fresh by tests/report_ts.rs): one contract for the glue, the npm package and the extension.
#[wasm_bindgen(typescript_custom_section)]
const TS_TYPES: &'static str = include_str!("../ts/report.ts");

/// The JSON text of a JS value (`JSON.stringify`); a value JSON cannot hold (a cycle, a BigInt,
/// `undefined`) is an error that names `what`.
fn json_of(value: &JsValue, what: &str) -> Result<String, JsError> {
    // The JSON of a whole export can be large: it crosses as bytes, like bodies (`utf8`).
    js_sys::JSON::stringify(value)
        .ok()
        .and_then(|s| text_of(&s))
        .ok_or_else(|| JsError::new(&format!("authlens: unusable {what}: not a JSON value")))
}

/// A report as a JS object (`JSON.parse` of its JSON).
#[cfg(not(feature = "exp-swb"))]
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    let text = serde_json::to_string(value).map_err(|e| JsError::new(&format!("authlens: could not convert the report: {e}")))?;
    js_sys::JSON::parse(&text).map_err(|_| JsError::new("authlens: could not convert the report"))
}

/// A report as a JS object built field by field by serde-wasm-bindgen, in the JSON-compatible
/// mode (`null` for `None`, plain objects for maps): the object `JSON.parse` would give.
#[cfg(feature = "exp-swb")]
fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("authlens: could not convert the report: {e}")))
}

#[wasm_bindgen(module = "/src/entry.js")]
extern "C" {
    /// The entry's JSON without its bodies (only the fields the engine reads); `undefined` for
    /// a value that is not an object.
    #[wasm_bindgen(js_name = entryJson, catch)]
    fn entry_json(entry: &JsValue) -> Result<Option<String>, JsValue>;
    #[wasm_bindgen(js_name = responseText)]
    fn response_text(entry: &JsValue) -> Option<Vec<u8>>;
    #[wasm_bindgen(js_name = requestText)]
    fn request_text(entry: &JsValue) -> Option<Vec<u8>>;
    /// A JS string as UTF-8 bytes (TextEncoder); `undefined` for anything else.
    fn utf8(s: &JsValue) -> Option<Vec<u8>>;
}

// The experiment `exp-bindgen-text`: bodies and texts as JS strings, brought in by wasm-bindgen's
// own string conversion (`as_string`) instead of `utf8` above. Its own snippet, which
// wasm-bindgen copies only into the builds that use it.
#[cfg(feature = "exp-bindgen-text")]
#[wasm_bindgen(module = "/src/exp_bindgen_text.js")]
extern "C" {
    /// `response.content.text`, as it is.
    #[wasm_bindgen(js_name = responseBody)]
    fn response_body(entry: &JsValue) -> JsValue;
    /// `request.postData.text`, as it is.
    #[wasm_bindgen(js_name = requestBody)]
    fn request_body(entry: &JsValue) -> JsValue;
}

/// Bytes from TextEncoder as a String (always valid UTF-8; checked anyway, never trusted).
fn string_of(bytes: Vec<u8>) -> String {
    String::from_utf8(bytes).unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned())
}

/// A JS string as a Rust `String`, through `utf8`; `None` for anything that is not a string.
#[cfg(not(feature = "exp-bindgen-text"))]
fn text_of(value: &JsValue) -> Option<String> {
    utf8(value).map(string_of)
}

#[cfg(feature = "exp-bindgen-text")]
fn text_of(value: &JsValue) -> Option<String> {
    value.as_string()
}

/// An entry from its JS object, read as the CLI reads a HAR's entries (a field of an unexpected
/// shape is left out and noted); errors say where, never what (core errors quote no values).
fn entry_of(entry: &JsValue) -> Result<(authlens_core::har::Entry, Vec<String>), JsError> {
    let text = entry_json(entry)
        .ok()
        .flatten()
        .ok_or_else(|| JsError::new("authlens: unusable HAR entry: not a JSON object"))?;
    let (mut e, notes) = authlens_core::har::read_entry(&text)
        .map_err(|e| JsError::new(&format!("authlens: unusable HAR entry: {}", entry_error(&e))))?;
    #[cfg(not(feature = "exp-bindgen-text"))]
    {
        e.response.content.text = response_text(entry).map(string_of);
        if let Some(post) = e.request.post_data.as_mut() {
            post.text = request_text(entry).map(string_of);
        }
    }
    #[cfg(feature = "exp-bindgen-text")]
    {
        e.response.content.text = response_body(entry).as_string();
        if let Some(post) = e.request.post_data.as_mut() {
            post.text = request_body(entry).as_string();
        }
    }
    Ok((e, notes))
}

/// Core errors describe a position in the JSON text this module made, not in anything the user
/// has: keep only the path and what was wrong.
fn entry_error(e: &authlens_core::Error) -> String {
    match e {
        authlens_core::Error::Json { path, message, .. } if !path.is_empty() => format!("{path}: {message}"),
        authlens_core::Error::Json { message, .. } => message.clone(),
        other => other.to_string(),
    }
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
        let (entry, notes) = entry_of(&entry)?;
        to_js(&self.session.push_read(entry, notes))
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

/// Why a text cannot be read as a HAR document, in the words `authlens analyze` uses (what was
/// found, and where: line, column, HAR path, never the text there), or `undefined` when the CLI
/// would read it. The extension asks when a file dropped on the panel is not a HAR; it then feeds
/// the entries to an `Engine` one by one.
#[wasm_bindgen(js_name = harError)]
pub fn har_error(#[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue) -> Option<String> {
    let Some(text) = text_of(text) else { return Some("authlens: harError needs the HAR text".into()) };
    authlens_core::har::read(&text).err().map(|e| e.to_string())
}

/// A cURL command reproducing a HAR entry, every credential replaced by an environment variable.
#[wasm_bindgen(js_name = curlCommand)]
pub fn curl_command(entry: JsValue) -> Result<String, JsError> {
    Ok(authlens_core::export::curl(&entry_of(&entry)?.0))
}

/// A redacted copy of a HAR document (a JS object `{log: {entries: [...]}}`), safe to attach to a ticket.
#[wasm_bindgen(js_name = redactHar)]
pub fn redact_har(har: JsValue) -> Result<JsValue, JsError> {
    let text = json_of(&har, "HAR")?;
    let doc = authlens_core::export::redact_har_text(&text).map_err(|e| JsError::new(&format!("authlens: unusable HAR: {}", entry_error(&e))))?;
    to_js(&doc)
}

/// Analyse HAR entries as one session and render the report as `markdown` or `json`. The JSON is
/// compact (the CLI's `--format json` is the same document, indented): pretty-printing is left to
/// the caller's `JSON.stringify(JSON.parse(json), null, 2)`, which keeps serde_json's indenting
/// serializer, a second copy of every report type's serialization, out of the module.
#[wasm_bindgen(js_name = renderReport)]
pub fn render_report(entries: JsValue, format: &str) -> Result<String, JsError> {
    // Read as the entries of a HAR document: one parser, and errors name `log.entries[N]`.
    let text = format!("{{\"log\":{{\"entries\":{}}}}}", json_of(&entries, "HAR entries")?);
    let report = authlens_core::analyze_har_text(&text).map_err(|e| JsError::new(&format!("authlens: unusable HAR entries: {}", entry_error(&e))))?;
    match format {
        "markdown" => Ok(authlens_core::render::markdown::render(&report)),
        "json" => serde_json::to_string(&report).map_err(|e| JsError::new(&format!("authlens: could not convert the report: {e}"))),
        // `text` is the CLI's terminal rendering; the extension shows reports itself.
        other => Err(JsError::new(&format!("authlens: unknown report format `{other}`"))),
    }
}

/// The server-side secrets in a file's text (a JS bundle, a source map, a JSON body), as
/// `authlens scan` reports them for one file: findings with line, column and, for JSON, a path.
#[wasm_bindgen(js_name = scanText, unchecked_return_type = "FileFinding[]")]
pub fn scan_text(name: &str, #[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue) -> Result<JsValue, JsError> {
    let text = text_of(text).ok_or_else(|| JsError::new("authlens: scanText needs a string"))?;
    to_js(&authlens_core::secrets::files::scan_source(name, &text))
}

/// `scanText` for a file's bytes (a `Uint8Array`, e.g. from `File.arrayBuffer()`), copied into
/// the module in one go with no string conversion; invalid UTF-8 is read as U+FFFD.
#[wasm_bindgen(js_name = scanBytes, unchecked_return_type = "FileFinding[]")]
pub fn scan_bytes(name: &str, bytes: &[u8]) -> Result<JsValue, JsError> {
    to_js(&authlens_core::secrets::files::scan_source(name, &String::from_utf8_lossy(bytes)))
}

/// What `authlens analyze FILE --format FORMAT` prints for a HAR document's text (`text`, `json`,
/// `markdown` or `sarif`; `artifact` is the file name SARIF names), without the final newline the
/// CLI adds when missing. A text that is not a HAR throws the message the CLI prints after
/// `authlens: FILE: ` (line, column and HAR path, never the text).
#[cfg(feature = "cli-renderers")]
#[wasm_bindgen(js_name = renderHar)]
pub fn render_har(#[wasm_bindgen(unchecked_param_type = "string")] text: &JsValue, format: &str, artifact: &str) -> Result<String, JsError> {
    let text = text_of(text).ok_or_else(|| JsError::new("authlens: renderHar needs the HAR text"))?;
    let report = authlens_core::analyze_har_text(&text).map_err(|e| JsError::new(&e.to_string()))?;
    use authlens_core::render;
    match format {
        "text" => Ok(render::text::render(&report)),
        "json" => Ok(render::json::render(&report)),
        "markdown" => Ok(render::markdown::render(&report)),
        "sarif" => {
            let offsets = authlens_core::secrets::locate::har_entry_offsets(&text);
            let lines: Vec<usize> = authlens_core::secrets::locate::line_cols(&text, &offsets).into_iter().map(|(l, _)| l).collect();
            Ok(render::sarif::render_report(&report, artifact, &lines))
        }
        other => Err(JsError::new(&format!("authlens: unknown report format `{other}`"))),
    }
}

/// `authlens scan` over files the caller reads (the walking, reading and skipping are I/O, on the
/// JS side): files are added in order, then the report is rendered as the CLI prints it.
#[cfg(feature = "cli-renderers")]
#[wasm_bindgen]
pub struct Scan {
    report: authlens_core::secrets::ScanReport,
}

#[cfg(feature = "cli-renderers")]
#[wasm_bindgen]
impl Scan {
    /// An empty scan report.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Scan {
        Scan { report: authlens_core::secrets::ScanReport::default() }
    }

    /// Scan one file's bytes (invalid UTF-8 is read as U+FFFD) and add its findings.
    #[wasm_bindgen(js_name = addFile)]
    pub fn add_file(&mut self, name: &str, bytes: &[u8]) {
        let (findings, partial) = authlens_core::secrets::scan_source_bounded(name, &String::from_utf8_lossy(bytes));
        if partial {
            self.report.partial(name);
        }
        self.report.add_file(name, bytes.len(), findings);
    }

    /// Note a file that was not scanned, and why.
    pub fn skip(&mut self, name: &str, reason: &str) {
        self.report.skip(name, reason);
    }

    /// The report as `authlens scan --format FORMAT` prints it (`text`, `json`, `markdown`, `sarif`).
    pub fn render(&self, format: &str) -> Result<String, JsError> {
        use authlens_core::render;
        match format {
            "text" => Ok(render::scan::text(&self.report)),
            "json" => serde_json::to_string_pretty(&self.report)
                .map(|s| s + "\n")
                .map_err(|e| JsError::new(&format!("authlens: could not convert the report: {e}"))),
            "markdown" => Ok(render::scan::markdown(&self.report)),
            "sarif" => Ok(render::sarif::render_scan(&self.report)),
            other => Err(JsError::new(&format!("authlens: unknown report format `{other}`"))),
        }
    }
}

#[cfg(feature = "cli-renderers")]
impl Default for Scan {
    fn default() -> Self {
        Scan::new()
    }
}

/// The boundary experiment: `entry`'s report (analysed once, in a new session) converted to a JS
/// value `n` times; the caller times it against `n = 0` to get the cost of one report crossing.
#[cfg(feature = "exp-bench")]
#[wasm_bindgen(js_name = benchReport)]
pub fn bench_report(entry: JsValue, n: u32) -> Result<JsValue, JsError> {
    let (entry, notes) = entry_of(&entry)?;
    let report = authlens_core::Session::new().push_read(entry, notes);
    let mut out = JsValue::UNDEFINED;
    for _ in 0..n {
        out = to_js(&report)?;
    }
    Ok(out)
}

/// The boundary experiment: a JS string brought in as Rust text `n` times (the way bodies cross);
/// returns the bytes brought in, so that nothing is optimised away.
#[cfg(feature = "exp-bench")]
#[wasm_bindgen(js_name = benchText)]
pub fn bench_text(text: &JsValue, n: u32) -> usize {
    (0..n).map(|_| text_of(text).map_or(0, |s| s.len())).sum()
}

/// authlens version.
#[wasm_bindgen]
pub fn version() -> String {
    authlens_core::VERSION.to_string()
}
