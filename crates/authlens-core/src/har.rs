//! A lenient model of HAR 1.2 as Chromium and Firefox write it.
//!
//! Every field is optional with a default: browsers disagree on what they fill in (Firefox has no
//! `_resourceType`, Chromium sorts headers), and a HAR attached to a bug ticket may have been
//! edited by hand. Only a value of the wrong *type* is an error, and [`parse`] names its path
//! (`log.entries[12].request.headers`) and the line and column.

use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::limits;

/// The top-level HAR document.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Har {
    /// The `log` object.
    #[serde(default)]
    pub log: Log,
}

/// `log`: the list of entries.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
pub struct Log {
    /// HAR version, kept so a redacted export is still a valid HAR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<serde_json::Value>,
    /// The tool that wrote the HAR.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub creator: Option<serde_json::Value>,
    /// Pages (their titles are URLs, redacted on export).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pages: Option<serde_json::Value>,
    /// Captured exchanges, in the order the browser recorded them.
    #[serde(default, deserialize_with = "lenient::list")]
    pub entries: Vec<Entry>,
}

/// One request/response exchange.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Entry {
    /// RFC 3339 time the request started (`…Z` in Chromium, `…+00:00` in Firefox).
    #[serde(default, deserialize_with = "lenient::string")]
    pub started_date_time: String,
    /// Total time in ms, kept for exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<serde_json::Value>,
    /// Timing breakdown, kept for exports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub timings: Option<serde_json::Value>,
    /// Page this entry belongs to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pageref: Option<serde_json::Value>,
    /// The request.
    #[serde(default)]
    pub request: Request,
    /// The response.
    #[serde(default)]
    pub response: Response,
    /// Chromium's resource type (`fetch`, `xhr`, `script`, `preflight`, …).
    #[serde(default, rename = "_resourceType", skip_serializing_if = "Option::is_none")]
    pub resource_type: Option<String>,
    /// Chromium's network error for a request that got no response (`net::ERR_FAILED`).
    #[serde(default, rename = "_error", skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// HAR's free-text comment; a redacted export says here what it cut or dropped.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// Building an entry in code (tools that make captures, and the tests): one builder instead of a
/// struct literal per test file.
///
/// ```
/// use authlens_core::har::Entry;
/// let e = Entry::new("GET", "https://api.example.test/me").header("Authorization", "Bearer undefined").status(401);
/// assert_eq!(e.request.headers[0].value, "Bearer undefined");
/// ```
impl Entry {
    /// A request to `url` with `method`, no headers, and no response yet (status 0).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn new(method: &str, url: &str) -> Entry {
        Entry { request: Request { method: method.into(), url: url.into(), ..Default::default() }, ..Default::default() }
    }

    /// When the request started (RFC 3339).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn started(mut self, at: &str) -> Entry {
        self.started_date_time = at.into();
        self
    }

    /// Add a request header.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn header(mut self, name: &str, value: &str) -> Entry {
        self.request.headers.push(NameValue { name: name.into(), value: value.into() });
        self
    }

    /// Add request headers.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn headers(self, headers: &[(&str, &str)]) -> Entry {
        headers.iter().fold(self, |e, (n, v)| e.header(n, v))
    }

    /// The request body.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn body(mut self, mime: &str, text: &str) -> Entry {
        self.request.post_data = Some(PostData { mime_type: mime.into(), text: Some(text.into()), params: Vec::new() });
        self
    }

    /// The response status.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn status(mut self, status: i64) -> Entry {
        self.response.status = status;
        self
    }

    /// Add a response header.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn response_header(mut self, name: &str, value: &str) -> Entry {
        self.response.headers.push(NameValue { name: name.into(), value: value.into() });
        self
    }

    /// The response body.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn response_body(mut self, mime: &str, text: &str) -> Entry {
        self.response.content.mime_type = mime.into();
        self.response.content.text = Some(text.into());
        self
    }
}

/// A name/value pair (headers, query string, cookies, form params).
#[derive(Debug, Clone, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct NameValue {
    /// Name as sent.
    #[serde(default, deserialize_with = "lenient::string")]
    pub name: String,
    /// Value as sent.
    #[serde(default, deserialize_with = "lenient::string")]
    pub value: String,
}

/// The request half of an entry.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Request {
    /// HTTP method.
    #[serde(default, deserialize_with = "lenient::string")]
    pub method: String,
    /// Absolute URL.
    #[serde(default, deserialize_with = "lenient::string")]
    pub url: String,
    /// Request headers in the order the browser recorded them.
    #[serde(default, deserialize_with = "lenient::list")]
    pub headers: Vec<NameValue>,
    /// Parsed query string (informative; the URL is authoritative).
    #[serde(default, deserialize_with = "lenient::list")]
    pub query_string: Vec<NameValue>,
    /// Request body, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub post_data: Option<PostData>,
}

/// A request body.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct PostData {
    /// Content type of the body.
    #[serde(default, deserialize_with = "lenient::string")]
    pub mime_type: String,
    /// Body text.
    #[serde(default)]
    pub text: Option<String>,
    /// Form fields, for `application/x-www-form-urlencoded` and multipart bodies.
    #[serde(default, deserialize_with = "lenient::list")]
    pub params: Vec<NameValue>,
}

/// The response half of an entry.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Response {
    /// HTTP status; 0 when the browser got no response (blocked, CORS failure).
    #[serde(default, deserialize_with = "lenient::int")]
    pub status: i64,
    /// Reason phrase.
    #[serde(default, deserialize_with = "lenient::string")]
    pub status_text: String,
    /// Response headers.
    #[serde(default, deserialize_with = "lenient::list")]
    pub headers: Vec<NameValue>,
    /// The body.
    #[serde(default)]
    pub content: Content,
    /// `Location` of a redirect, as the browser resolved it.
    #[serde(default, rename = "redirectURL", deserialize_with = "lenient::string")]
    pub redirect_url: String,
}

/// A response body.
#[derive(Debug, Clone, Default, Deserialize, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Content {
    /// Size in bytes, as the browser reported it.
    #[serde(default, deserialize_with = "lenient::int")]
    pub size: i64,
    /// MIME type.
    #[serde(default, deserialize_with = "lenient::string")]
    pub mime_type: String,
    /// Body text (base64 when `encoding` is `base64`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// `base64` for binary bodies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub encoding: Option<String>,
}

/// Browsers and hand-edited HARs put `null` where a string belongs, or a number as a string.
/// These accept such values instead of rejecting the whole file; a value of a wholly different
/// type (an object where a string belongs) is still an error with its path.
mod lenient {
    use serde::de::{self, Deserializer, Visitor};
    use serde::Deserialize;

    /// A JSON scalar, read with a visitor (no buffering, and an error that says what was
    /// expected rather than naming an internal type).
    enum Scalar {
        S(String),
        I(i64),
        F(f64),
        B(bool),
        Null,
    }

    struct ScalarVisitor;

    impl<'de> Visitor<'de> for ScalarVisitor {
        type Value = Scalar;
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            f.write_str("a string, a number, a boolean or null")
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_str<E: de::Error>(self, v: &str) -> Result<Scalar, E> {
            Ok(Scalar::S(v.to_string()))
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_string<E: de::Error>(self, v: String) -> Result<Scalar, E> {
            Ok(Scalar::S(v))
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_i64<E: de::Error>(self, v: i64) -> Result<Scalar, E> {
            Ok(Scalar::I(v))
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_u64<E: de::Error>(self, v: u64) -> Result<Scalar, E> {
            Ok(i64::try_from(v).map_or(Scalar::F(v as f64), Scalar::I))
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_f64<E: de::Error>(self, v: f64) -> Result<Scalar, E> {
            Ok(Scalar::F(v))
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_bool<E: de::Error>(self, v: bool) -> Result<Scalar, E> {
            Ok(Scalar::B(v))
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_unit<E: de::Error>(self) -> Result<Scalar, E> {
            Ok(Scalar::Null)
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_none<E: de::Error>(self) -> Result<Scalar, E> {
            Ok(Scalar::Null)
        }
        #[cfg_attr(authlens_wasm_size, optimize(size))]
        fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Scalar, D::Error> {
            d.deserialize_any(ScalarVisitor)
        }
    }

    fn scalar<'de, D: Deserializer<'de>>(d: D) -> Result<Scalar, D::Error> {
        d.deserialize_any(ScalarVisitor)
    }

    pub fn string<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
        Ok(match scalar(d)? {
            Scalar::Null => String::new(),
            Scalar::S(s) => s,
            Scalar::I(i) => i.to_string(),
            // serde_json's float printing (shortest round-trip form), which the module carries
            // anyway; `f64`'s Display would add core's own (about 15 kB of wasm).
            Scalar::F(f) => serde_json::Number::from_f64(f).map(|n| n.to_string()).unwrap_or_default(),
            Scalar::B(b) => b.to_string(),
        })
    }

    pub fn int<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
        Ok(match scalar(d)? {
            Scalar::Null | Scalar::B(_) => 0,
            Scalar::S(s) => s.trim().parse().unwrap_or(0),
            Scalar::I(i) => i,
            Scalar::F(f) if f.is_finite() => f as i64,
            Scalar::F(_) => 0,
        })
    }

    pub fn list<'de, D: Deserializer<'de>, T: Deserialize<'de>>(d: D) -> Result<Vec<T>, D::Error> {
        Ok(Option::<Vec<T>>::deserialize(d)?.unwrap_or_default())
    }
}

/// serde_json quotes the offending value in "invalid type" messages; that value may be a
/// credential, so every quoted string is replaced before the message reaches a person.
/// A document that is empty, or whose top level is not a JSON object, gets a plain error (serde
/// would accept an array as a struct, and say "EOF while parsing a value" for an empty file).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn not_an_object(text: &str) -> Result<(), Error> {
    let start = text.trim_start();
    let what = match start.chars().next() {
        Some('{') => return Ok(()),
        None => "it is empty",
        Some('[') => "it is a JSON array",
        Some('"') => "it is a JSON string",
        Some('n') if start.starts_with("null") => "it is JSON null",
        Some(c) if c == '-' || c.is_ascii_digit() => "it is a JSON number",
        Some('t' | 'f') => "it is a JSON boolean",
        Some(_) => "it is not JSON",
    };
    let skipped = &text[..text.len() - start.len()];
    let line = skipped.matches('\n').count() + 1;
    let column = skipped.rsplit('\n').next().map_or(0, |l| l.chars().count()) + 1;
    Err(Error::Json {
        line,
        column,
        path: String::new(),
        message: format!("{what}; a HAR file is a JSON object: {{\"log\": {{\"entries\": [...]}}}}"),
    })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn scrub(message: &str) -> String {
    let mut out = String::with_capacity(message.len());
    let mut in_quote = false;
    for c in message.chars() {
        if c == '"' {
            if !in_quote {
                out.push_str("\"…\"");
            }
            in_quote = !in_quote;
        } else if !in_quote {
            out.push(c);
        }
    }
    // serde_json appends the position the error already carries; serde names Rust types.
    if let Some((head, tail)) = out.rsplit_once(" at line ") {
        if tail.split(" column ").all(|n| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit())) {
            out.truncate(head.len());
        }
    }
    while let Some(k) = out.find("expected struct ") {
        let name_end = out[k + 16..].find(|c: char| !c.is_ascii_alphanumeric()).map_or(out.len(), |e| k + 16 + e);
        out.replace_range(k..name_end, "expected an object");
    }
    out
}

/// Parse a HAR document from text, strictly: the document must be a HAR (`{"log":{"entries":[…]}}`)
/// and every entry readable. [`read`] is the lenient form analysis uses.
///
/// Errors name the JSON line and column, and the HAR path of the offending value.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn parse(text: &str) -> Result<Har, Error> {
    let text = document_text(text)?;
    let har: Har = from_json(text)?;
    if har.log.entries.is_empty() {
        // An empty session, or not a HAR at all.
        read_value(text)?;
    }
    Ok(har)
}

/// One entry of a document read by [`read`].
#[derive(Debug, Clone)]
pub enum Slot {
    /// The entry, and what was left out of it (a field of an unexpected shape, by HAR path).
    Read {
        /// The entry as read.
        entry: Box<Entry>,
        /// What was left out, in words with the HAR path.
        notes: Vec<String>,
    },
    /// The entry could not be read at all: why, with its HAR path.
    Skipped(String),
}

/// A HAR document read for analysis: every entry, read or skipped, and what was left out.
#[derive(Debug, Clone, Default)]
pub struct Intake {
    /// `log` without its entries (version, creator, pages).
    pub log: Log,
    /// One slot per element of `log.entries`, in order.
    pub slots: Vec<Slot>,
    /// Every note of the slots, in order: what was left out and where.
    pub notes: Vec<String>,
}

impl Intake {
    /// The HAR with the entries that could be read (skipped ones left out).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn into_har(self) -> Har {
        let mut log = self.log;
        log.entries = self
            .slots
            .into_iter()
            .filter_map(|s| match s {
                Slot::Read { entry, .. } => Some(*entry),
                Slot::Skipped(_) => None,
            })
            .collect();
        Har { log }
    }
}

/// Read a HAR document for analysis. The document itself must be a HAR: text that is not JSON,
/// JSON that is not an object, an object without `log.entries` (a package.json, `{}`, a HAR nested
/// under another key) and a file cut off in the middle are errors that say what was found. One odd
/// entry does not sink the file: a field of an unexpected shape (chrome-har writes
/// `postData.params[].value` as an object) is left out of that entry, an entry that cannot be read
/// at all is skipped, and both are noted with their HAR path.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn read(text: &str) -> Result<Intake, Error> {
    let text = document_text(text)?;
    // The common case first: one typed pass. Deeply nested JSON in a body field is only a string
    // to us, but a hostile HAR can nest the *document*; serde_json's own recursion limit (128)
    // turns that into an error, not a crash.
    match json_text::<Har>(text) {
        Ok(har) if !har.log.entries.is_empty() => {
            let slots = har.log.entries.into_iter().map(|entry| Slot::Read { entry: Box::new(entry), notes: Vec::new() }).collect();
            Ok(Intake { log: Log { entries: Vec::new(), ..har.log }, slots, notes: Vec::new() })
        }
        // No entries: a HAR of an empty session, or not a HAR at all. Look at the shape.
        Ok(_) => read_value(text),
        // A wrong type somewhere: read entry by entry.
        Err(e) if e.classify() == serde_json::error::Category::Data => read_value(text),
        Err(e) => Err(json_error(text, &e)),
    }
}

/// The HAR document as JSON, whole (vendor fields included), for a redacted export: an error when
/// the text is not a HAR document, as with [`read`].
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn document(text: &str) -> Result<serde_json::Value, Error> {
    let text = document_text(text)?;
    let doc: serde_json::Value = from_json(text)?;
    if doc.pointer("/log/entries").is_some_and(serde_json::Value::is_array) {
        Ok(doc)
    } else {
        // The same words as `read` for a document that is not a HAR.
        read_value(text).map(|_| doc)
    }
}

/// `read` the slow way, through a `serde_json::Value`: the document's shape is checked and each
/// entry is read on its own.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn read_value(text: &str) -> Result<Intake, Error> {
    let doc: serde_json::Value = from_json(text)?;
    let serde_json::Value::Object(mut top) = doc else {
        return Err(Error::NotHar("the top level is not a JSON object".into()));
    };
    let Some(log) = top.remove("log") else { return Err(Error::NotHar(describe_non_har(&top))) };
    let serde_json::Value::Object(mut log) = log else {
        return Err(Error::NotHar(format!("its `log` is {}, not an object", json_kind(&log))));
    };
    let entries = match log.remove("entries") {
        Some(serde_json::Value::Array(list)) => list,
        Some(other) => return Err(Error::NotHar(format!("its `log.entries` is {}, not a list", json_kind(&other)))),
        None => return Err(Error::NotHar("its `log` has no `entries` list".into())),
    };
    // The rest of `log` (version, creator, pages) is informative: kept when readable.
    // Through text: `from_value` would compile a second copy of the model's deserializer into wasm.
    let meta: Log = serde_json::to_string(&log).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    let mut intake = Intake { log: meta, slots: Vec::with_capacity(entries.len()), notes: Vec::new() };
    for (i, value) in entries.into_iter().enumerate() {
        let slot = read_entry_value(value, &format!("log.entries[{i}]"));
        match &slot {
            Slot::Read { notes, .. } => intake.notes.extend(notes.iter().cloned()),
            Slot::Skipped(why) => intake.notes.push(why.clone()),
        }
        intake.slots.push(slot);
    }
    Ok(intake)
}

/// What a JSON object that is not a HAR looks like, in words.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn describe_non_har(top: &serde_json::Map<String, serde_json::Value>) -> String {
    if top.is_empty() {
        return "it is an empty JSON object, with no `log`".into();
    }
    if let Some(path) = nested_har(top, 0) {
        return format!("a HAR is nested under `{path}`; authlens reads a HAR document itself (e.g. `jq '.{path}' FILE > session.har`)");
    }
    let has = |k: &str| top.contains_key(k);
    if has("name") && (has("dependencies") || has("devDependencies") || has("scripts")) {
        return "it looks like a package.json (name, dependencies, scripts), not a HAR".into();
    }
    let mut keys: Vec<String> = top.keys().take(6).map(|k| format!("`{}`", crate::redact::clip(k, 32))).collect();
    if top.len() > 6 {
        keys.push(format!("and {} more", top.len() - 6));
    }
    format!("it is a JSON object with {} and no `log`", keys.join(", "))
}

/// The dotted path of a HAR (`{"log":{"entries":[…]}}`) nested in `o`, a few levels down.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn nested_har(o: &serde_json::Map<String, serde_json::Value>, depth: usize) -> Option<String> {
    if depth > 3 {
        return None;
    }
    for (k, v) in o.iter().take(64) {
        let serde_json::Value::Object(inner) = v else { continue };
        let key = crate::redact::clip(k, 32);
        if inner.get("log").and_then(|l| l.get("entries")).is_some_and(serde_json::Value::is_array) {
            return Some(key);
        }
        if let Some(rest) = nested_har(inner, depth + 1) {
            return Some(format!("{key}.{rest}"));
        }
    }
    None
}

/// "a JSON number", "a list", … for messages.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn json_kind(v: &serde_json::Value) -> &'static str {
    match v {
        serde_json::Value::Null => "null",
        serde_json::Value::Bool(_) => "a boolean",
        serde_json::Value::Number(_) => "a number",
        serde_json::Value::String(_) => "a string",
        serde_json::Value::Array(_) => "a list",
        serde_json::Value::Object(_) => "an object",
    }
}

/// Read one entry from its JSON value. A field of the wrong shape is left out (removed, so its
/// default applies) and noted with its path; the entry is tried again, a few times at most. `at` is the entry's own HAR path (`log.entries[3]`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn read_entry_value(mut value: serde_json::Value, at: &str) -> Slot {
    if !value.is_object() {
        return Slot::Skipped(format!("{at}: {} where an entry (an object) belongs; skipped", json_kind(&value)));
    }
    let mut notes = Vec::new();
    for _ in 0..8 {
        // Read through the entry's JSON text (one deserializer in the wasm module, not a second
        // one for `Value`); the error's position there gives the path of the failure.
        let text = serde_json::to_string(&value).unwrap_or_default();
        let err = match serde_json::from_str::<Entry>(&text) {
            Ok(entry) => return Slot::Read { entry: Box::new(entry), notes },
            Err(e) => e,
        };
        let path = json_path_at(&text, offset_of(&text, err.line(), err.column()));
        if path.is_empty() || !remove_at(&mut value, &path) {
            return Slot::Skipped(format!("{at}: {}; skipped", plain_type_error(&err.to_string())));
        }
        notes.push(format!("{at}.{path}: {}; the entry was analysed without it", plain_type_error(&err.to_string())));
    }
    Slot::Skipped(format!("{at}: too many fields of an unexpected shape; skipped"))
}

/// Remove the value at `path` (`request.postData.params[0].value`): an object member is removed
/// (its default applies), a list element is taken out of the list; false when there is none.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn remove_at(value: &mut serde_json::Value, path: &str) -> bool {
    let mut steps: Vec<Result<&str, usize>> = Vec::new();
    for part in path.split('.') {
        let (key, indexes) = match part.find('[') {
            Some(i) => (&part[..i], &part[i..]),
            None => (part, ""),
        };
        if !key.is_empty() {
            steps.push(Ok(key));
        }
        for ix in indexes.split(['[', ']']).filter(|s| !s.is_empty()) {
            match ix.parse::<usize>() {
                Ok(n) => steps.push(Err(n)),
                Err(_) => return false,
            }
        }
    }
    let Some((last, parents)) = steps.split_last() else { return false };
    let mut cur = value;
    for step in parents {
        let next = match step {
            Ok(k) => cur.get_mut(*k),
            Err(n) => cur.get_mut(*n),
        };
        let Some(next) = next else { return false };
        cur = next;
    }
    match (last, cur) {
        (Ok(k), serde_json::Value::Object(o)) => o.remove(*k).is_some(),
        (Err(n), serde_json::Value::Array(a)) if *n < a.len() => {
            a.remove(*n);
            true
        }
        _ => false,
    }
}

/// serde's words for a wrong type, in ours.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn plain_type_error(message: &str) -> String {
    let mut m = scrub(message);
    for (theirs, ours) in [
        ("invalid type: map", "found an object"),
        ("invalid type: sequence", "found a list"),
        ("invalid type: null", "found null"),
        ("invalid type: integer", "found a number"),
        ("invalid type: floating point", "found a number"),
        ("invalid type: string", "found a string"),
        ("invalid type: boolean", "found a boolean"),
    ] {
        m = m.replace(theirs, ours);
    }
    m
}

/// Parse one entry (the extension hands the engine one entry at a time, as JSON text), leniently
/// as [`read`] does: a field of an unexpected shape is left out and noted.
pub fn read_entry(text: &str) -> Result<(Entry, Vec<String>), Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    not_an_object(text)?;
    match from_json::<Entry>(text) {
        Ok(e) => Ok((e, Vec::new())),
        Err(first) => {
            let Ok(value) = serde_json::from_str::<serde_json::Value>(text) else { return Err(first) };
            match read_entry_value(value, "entry") {
                Slot::Read { entry, notes } => Ok((*entry, notes)),
                Slot::Skipped(_) => Err(first),
            }
        }
    }
}

/// Parse one entry strictly (any field of the wrong type is an error naming its path).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn parse_entry(text: &str) -> Result<Entry, Error> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    not_an_object(text)?;
    from_json(text)
}

/// One plain serde_json pass; only when it fails is the text walked again to name the path.
fn from_json<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, Error> {
    json_text(text).map_err(|e| json_error(text, &e))
}

/// serde_json over `text`, once more with lone surrogates replaced when it fails: `JSON.stringify`
/// writes a lone surrogate (a string cut in the middle of an emoji) as `\ud83d`, which Rust
/// strings cannot hold, and it is read as U+FFFD rather than lose the entry. (serde_json's message
/// for it varies: "lone leading surrogate", "unexpected end of hex escape", …, so any failure
/// tries again.) The error is the first attempt's.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn json_text<T: serde::de::DeserializeOwned>(text: &str) -> Result<T, serde_json::Error> {
    serde_json::from_str(text).or_else(|e: serde_json::Error| match replace_lone_surrogates(text).map(|fixed| serde_json::from_str(&fixed)) {
        Some(Ok(v)) => Ok(v),
        _ => Err(e),
    })
}

/// A whole document's text, checked before it is parsed: within the size limit, its byte order
/// mark (Windows tools write one) dropped, and a JSON object at the top.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn document_text(text: &str) -> Result<&str, Error> {
    if text.len() > limits::MAX_HAR_BYTES {
        return Err(Error::TooLarge { bytes: text.len(), limit: limits::MAX_HAR_BYTES });
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    not_an_object(text)?;
    Ok(text)
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn json_error(text: &str, e: &serde_json::Error) -> Error {
    if e.is_eof() {
        return Error::Truncated { line: e.line(), column: e.column() };
    }
    let (line, column) = (e.line(), e.column());
    Error::Json { line, column, path: json_path_at(text, offset_of(text, line, column)), message: scrub(&e.to_string()) }
}

/// Byte offset of a serde_json position (1-based line, 1-based byte column).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let mut start = 0;
    for _ in 1..line {
        match memchr::memchr(b'\n', &text.as_bytes()[start..]) {
            Some(i) => start += i + 1,
            None => return text.len(),
        }
    }
    (start + column.saturating_sub(1)).min(text.len())
}

/// The path (`log.entries[12].request.headers`) of the value being read at byte `offset`,
/// found by walking the JSON text up to there: containers, keys and array indexes only.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn json_path_at(text: &str, offset: usize) -> String {
    enum Frame<'a> {
        Object(Option<&'a str>),
        Array(usize),
    }
    let b = text.as_bytes();
    let end = offset.min(b.len());
    let mut stack: Vec<Frame> = Vec::new();
    // In an object, the next string is a key until its `:` is seen.
    let mut want_key = false;
    let mut i = 0;
    while i < end {
        match b[i] {
            b'{' => {
                stack.push(Frame::Object(None));
                want_key = true;
            }
            b'[' => {
                stack.push(Frame::Array(0));
                want_key = false;
            }
            b'}' | b']' => {
                stack.pop();
                want_key = false;
            }
            b',' => match stack.last_mut() {
                Some(Frame::Array(n)) => *n += 1,
                Some(Frame::Object(k)) => {
                    *k = None;
                    want_key = true;
                }
                None => {}
            },
            b':' => want_key = false,
            b'"' => {
                let s = i + 1;
                let mut j = s;
                while j < b.len() && b[j] != b'"' {
                    j += if b[j] == b'\\' { 2 } else { 1 };
                }
                if want_key {
                    if let Some(Frame::Object(k)) = stack.last_mut() {
                        *k = text.get(s..j.min(b.len()));
                    }
                }
                i = j;
            }
            _ => {}
        }
        i += 1;
    }
    let mut path = String::new();
    for f in &stack {
        match f {
            Frame::Object(Some(k)) => {
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
            }
            Frame::Object(None) => {}
            Frame::Array(n) => {
                path.push('[');
                path.push_str(&n.to_string());
                path.push(']');
            }
        }
    }
    path
}

/// `text` with every `\uD800`–`\uDFFF` escape that is not half of a pair replaced by `\uFFFD`;
/// `None` when there is none.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn replace_lone_surrogates(text: &str) -> Option<String> {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn escape_at(b: &[u8], i: usize) -> Option<u16> {
        let h = b.get(i + 2..i + 6)?;
        if b.get(i..i + 2)? != b"\\u" {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(h).ok()?, 16).ok()
    }
    let b = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    let (mut copied, mut i, mut changed) = (0, 0, false);
    while let Some(k) = memchr::memchr(b'\\', &b[i..]) {
        let at = i + k;
        match escape_at(b, at) {
            Some(0xD800..=0xDBFF) if matches!(escape_at(b, at + 6), Some(0xDC00..=0xDFFF)) => i = at + 12,
            Some(0xD800..=0xDFFF) => {
                out.push_str(&text[copied..at]);
                out.push_str("\\ufffd");
                changed = true;
                i = at + 6;
                copied = i;
            }
            // Any other escape (`\\` included) is skipped whole.
            _ => i = at + 2,
        }
        if i >= b.len() {
            break;
        }
    }
    out.push_str(text.get(copied..)?);
    changed.then_some(out)
}

impl Request {
    /// First header with this name (case-insensitive).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

impl Response {
    /// First header with this name (case-insensitive).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn header(&self, name: &str) -> Option<&str> {
        find_header(&self.headers, name)
    }
}

/// First header with this name (case-insensitive), skipping HTTP/2 pseudo-headers.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn find_header<'a>(headers: &'a [NameValue], name: &str) -> Option<&'a str> {
    headers.iter().find(|h| h.name.eq_ignore_ascii_case(name)).map(|h| h.value.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minimal_and_vendor_fields() {
        let har = parse(r#"{"log":{"entries":[{"request":{"method":"GET","url":"https://a/"},"_resourceType":"preflight","response":{"status":401,"headers":[{"name":"WWW-Authenticate","value":"Bearer"}]}}]}}"#).unwrap();
        let e = &har.log.entries[0];
        assert_eq!(e.resource_type.as_deref(), Some("preflight"));
        assert_eq!(e.response.header("www-authenticate"), Some("Bearer"));
    }

    #[test]
    fn wrong_type_names_path_and_position() {
        let err = parse("{\"log\":{\"entries\":[{},\n{\"request\":{\"headers\":5}}]}}").unwrap_err();
        let msg = err.to_string();
        assert!(msg.contains("log.entries[1].request.headers"), "{msg}");
        assert!(msg.contains("line 2"), "{msg}");
    }

    #[test]
    fn errors_never_quote_values() {
        let err = parse(r#"{"log":{"entries":[{"request":{"headers":"Bearer sk_live_abcdefghijklmnopqrstuv"}}]}}"#).unwrap_err();
        assert!(!err.to_string().contains("sk_live_abc"), "{err}");
    }

    #[test]
    fn paths_match_serde_path_to_error() {
        let cases = [
            "{\"log\":{\"entries\":[{},\n{\"request\":{\"headers\":5}}]}}",
            r#"{"log":{"entries":[{"request":{"headers":[{"name":"a","value":"b"},{"name":{}}]}}]}}"#,
            r#"{"log":{"version":"1.2","entries":[{"response":{"content":{"size":"x\"}y","text":7}}}]}}"#,
            r#"{"log":{"entries":[{"request":{"url":"a,b:[{"},"response":{"status":[1]}}]}}"#,
            r#"{"log":{"entries":[{},{},{"request":{"postData":{"params":[{"name":"k","value":"v"},3]}}}]}}"#,
        ];
        for c in cases {
            let mut de = serde_json::Deserializer::from_str(c);
            let expected = match serde_path_to_error::deserialize::<_, Har>(&mut de) {
                Err(e) => e.path().to_string(),
                Ok(_) => panic!("{c} parsed"),
            };
            match parse(c) {
                Err(Error::Json { path, .. }) => assert_eq!(path, expected, "{c}"),
                other => panic!("{c}: {other:?}"),
            }
        }
    }

    #[test]
    fn lone_surrogates_become_replacement_characters() {
        let e = parse_entry(r#"{"request":{"url":"https://a/\ud83d","headers":[{"name":"X","value":"\ud83d\ude00 \\ud83d \udc00"}]}}"#).unwrap();
        assert_eq!(e.request.url, "https://a/\u{fffd}");
        assert_eq!(e.request.headers[0].value, "\u{1f600} \\ud83d \u{fffd}");
        assert!(parse_entry(r#"{"request":{"url":"\ud83d"#).is_err());
    }

    #[test]
    fn trailing_garbage_is_an_error() {
        assert!(parse("{} x").is_err());
        assert!(parse("").is_err());
    }
}
