//! Things people copy out of authlens: a cURL reproduction with the credential replaced by an
//! environment variable, and a redacted HAR. Both go through the same redaction as reports, and
//! neither can contain a credential the engine recognised.

use crate::exchange::{Credential, Exchange, Location, CREDENTIAL_HEADERS};
use crate::har::{Entry, Har};
use crate::redact::{self, Redacted};

/// Headers worth keeping in a reproduction besides the credential ones (and each provider's
/// `repro_headers`).
const KEPT_HEADERS: &[&str] = &["content-type", "accept", "origin", "idempotency-key", "x-idempotency-key", "x-requested-with", "x-api-version"];

/// Name of the environment variable a reproduction uses for a credential.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn env_var(c: &Credential) -> String {
    if let Some(k) = c.key {
        return k.rule.env_var();
    }
    match &c.location {
        Location::Header(h) => h.to_ascii_uppercase().replace(['-', ' '], "_"),
        Location::Query(q) | Location::Body(q) => {
            // A shell variable name: letters, digits and `_` only (a JSON path's `$.`, dots,
            // brackets and quotes become `_`).
            let name: String = q.chars().map(|c| if c.is_ascii_alphanumeric() { c.to_ascii_uppercase() } else { '_' }).collect();
            let name = name.trim_matches('_');
            match name.chars().next() {
                None => "API_TOKEN".into(),
                Some(c) if c.is_ascii_digit() => format!("API_{name}"),
                Some(_) => name.to_string(),
            }
        }
        _ if c.jwt.is_some() => "ACCESS_TOKEN".into(),
        _ => "API_TOKEN".into(),
    }
}

/// Escape for a POSIX double-quoted string (the URL must stay double-quoted so `${VAR}` expands),
/// then turn the NUL-delimited variable markers into `${VAR}`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn dq(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut parts = s.split('\u{0}');
    let mut in_var = false;
    for p in parts.by_ref() {
        if in_var {
            out.push_str(&format!("${{{}}}", p.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '_').collect::<String>()));
        } else {
            for c in p.chars() {
                if matches!(c, '\\' | '"' | '`' | '$') {
                    out.push('\\');
                }
                out.push(c);
            }
        }
        in_var = !in_var;
    }
    out
}

/// Quote for a POSIX shell, single quotes.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn sq(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A cURL command that reproduces the request outside the app: method, URL, the headers that
/// matter, the body, and every credential replaced by an environment variable.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn curl(entry: &Entry) -> String {
    let ex = Exchange::new(0, entry);
    let use_var = env_var;
    let mut parts: Vec<String> = vec!["curl".into(), "-i".into()];
    if ex.method != "GET" && !ex.method.is_empty() {
        parts.push(format!("-X {}", sq(&crate::redact::clip(&ex.method, 16))));
    }
    // URL: credential query values become "$VAR" (double-quoted so the shell expands them), other
    // key-shaped values are redacted, and so is userinfo.
    let url = match &ex.parsed {
        Some(u) => {
            let mut u = u.clone();
            u.set_fragment(None);
            if u.password().is_some() {
                let _ = u.set_password(Some("REDACTED"));
            }
            if !u.username().is_empty() {
                let _ = u.set_username("REDACTED");
            }
            let vars: Vec<(&str, String)> = ex
                .credentials
                .iter()
                .filter_map(|c| match &c.location {
                    Location::Query(n) => Some((n.as_str(), use_var(c))),
                    _ => None,
                })
                .collect();
            let enc = |s: &str| form_urlencoded::byte_serialize(s.as_bytes()).collect::<String>();
            if !vars.is_empty() || u.query_pairs().any(|(k, v)| crate::redact::query_is_sensitive(&k, &v)) {
                let pairs: Vec<(String, String)> = u.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
                let mut q = String::new();
                for (k, v) in pairs {
                    if !q.is_empty() {
                        q.push('&');
                    }
                    if let Some((_, var)) = vars.iter().find(|(n, _)| *n == k) {
                        // A NUL marker survives the escaping below and becomes `${VAR}` after it.
                        q.push_str(&format!("{}=\u{0}{var}\u{0}", enc(&k)));
                    } else if crate::redact::query_is_sensitive(&k, &v) {
                        q.push_str(&format!("{}={}", enc(&k), enc(Redacted::new(&v).as_str())));
                    } else {
                        q.push_str(&format!("{}={}", enc(&k), enc(&v)));
                    }
                }
                u.set_query(None);
                format!("{u}?{q}")
            } else {
                u.to_string()
            }
        }
        None => crate::redact::url(&ex.url),
    };
    // Keys in parameters with innocent names (`?ref=sk_live_…`) are redacted too.
    parts.push(format!("\"{}\"", dq(&redact::free_text(&url))));
    // Authorization.
    if let Some(a) = &ex.authorization {
        if a.is_scheme("basic") {
            let user = ex.credentials.iter().find(|c| c.location == Location::BasicUser);
            let pass = ex.credentials.iter().find(|c| c.location == Location::BasicPassword);
            let u = user.map(|c| format!("${{{}}}", use_var(c))).unwrap_or_default();
            let p = pass.map(|c| {
                let v = use_var(c);
                format!("${{{}}}", if user.is_some_and(|u| env_var(u) == v) { format!("{v}_SECRET") } else { v })
            });
            parts.push(format!("-u \"{u}:{}\"", p.unwrap_or_default()));
        } else if let Some(c) = ex.credentials.iter().find(|c| c.location == Location::Authorization) {
            let scheme = a.scheme.as_deref().map(|s| format!("{} ", crate::redact::clip(s, 32))).unwrap_or_default();
            parts.push(format!("-H \"Authorization: {scheme}${{{}}}\"", use_var(c)));
        } else {
            parts.push(format!("-H {}", sq(&format!("Authorization: {}", Redacted::new(&a.credential)))));
        }
    }
    for h in &ex.req_headers {
        let lname = h.name.to_ascii_lowercase();
        if CREDENTIAL_HEADERS.contains(&lname.as_str()) {
            if let Some(c) = ex.credentials.iter().find(|c| matches!(&c.location, Location::Header(n) if n.eq_ignore_ascii_case(&h.name))) {
                parts.push(format!("-H \"{}: ${{{}}}\"", sanitize_name(&h.name), use_var(c)));
            }
        } else if lname == "cookie" {
            parts.push("-H \"Cookie: ${COOKIE}\"".into());
        } else if KEPT_HEADERS.contains(&lname.as_str()) || crate::providers::ALL.iter().any(|p| p.facts.repro_headers.contains(&lname.as_str())) {
            parts.push(format!("-H {}", sq(&format!("{}: {}", sanitize_name(&h.name), crate::redact::clip(&h.value, 256)))));
        }
    }
    if !ex.req_body.is_empty() {
        parts.push(format!("--data-raw {}", sq(&redact_text_body(&ex.req_body, &ex))));
    }
    let cmd = parts.join(" \\\n  ");
    // The variables the command expects, in order of first use.
    let mut vars: Vec<&str> = Vec::new();
    for (i, _) in cmd.match_indices("${") {
        if i > 0 && cmd.as_bytes()[i - 1] == b'\\' {
            continue;
        }
        if let Some(end) = cmd[i + 2..].find('}') {
            let v = &cmd[i + 2..i + 2 + end];
            if !vars.contains(&v) {
                vars.push(v);
            }
        }
    }
    let mut out = String::new();
    if !vars.is_empty() {
        out.push_str(&format!("# set first: {}\n", vars.iter().map(|v| format!("export {v}=…")).collect::<Vec<_>>().join("; ")));
    }
    out.push_str(&cmd);
    out
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn sanitize_name(n: &str) -> String {
    n.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').take(64).collect()
}

/// Bytes of each body a redacted HAR keeps.
pub const EXPORT_BODY_MAX: usize = 64 * 1024;

/// A body with every credential the engine recognises replaced by its redacted form.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_text_body(body: &str, ex: &Exchange) -> String {
    let out = redact::known_values(crate::exchange::truncate(body, EXPORT_BODY_MAX), ex.credential_values().iter().copied(), 4);
    redact::free_text(&out)
}

/// A copy of the HAR that is safe to attach to a ticket ([`redact_har_document`] over the typed
/// model; vendor fields the model does not keep are not in it).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn redact_har(har: Har) -> Har {
    // Through JSON text, not `to_value`/`from_value`: those would compile a second copy of the HAR
    // model's (de)serialization into the wasm module.
    let doc = serde_json::to_string(&har).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
    serde_json::to_string(&redact_har_document(doc)).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default()
}

/// Read HAR text and write its redacted copy ([`redact_har_document`]): what `authlens redact`
/// and the panel's export produce. Text that is not a HAR document is an error, as for analysis.
/// A document too deeply nested to keep whole is exported through the HAR model (without the
/// vendor fields it does not keep).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn redact_har_text(text: &str) -> Result<serde_json::Value, crate::error::Error> {
    match crate::har::document(text) {
        Ok(doc) => Ok(redact_har_document(doc)),
        Err(e @ (crate::error::Error::NotHar(_) | crate::error::Error::Truncated { .. } | crate::error::Error::TooLarge { .. })) => Err(e),
        Err(_) => {
            let har = crate::har::read(text)?.into_har();
            let doc = serde_json::to_string(&har).ok().and_then(|t| serde_json::from_str(&t).ok()).unwrap_or_default();
            Ok(redact_har_document(doc))
        }
    }
}

/// Names the public HAR sanitizers (Cloudflare's and Google's har-sanitizer) also scrub by default
/// although they hold no credential of their own (OAuth `state`, PKCE challenges, `client_id`,
/// WebAuthn and Google sign-in fields, e-mail addresses): an export removes them too, so that it
/// removes at least what those tools remove. Normalised as [`crate::redact::normalise_name`].
const SANITIZER_NAMES: &[&str] = &[
    "state", "email", "code", "codeverifier", "codechallenge", "clientid", "challenge", "appid", "facetid", "assertion",
    "fcparams", "serverdata", "xclientdata", "samlrequest", "samlresponse", "shdf", "usg", "vses2",
];

/// True when an export removes the value of a field with this name: a credential, or a name the
/// HAR sanitizers scrub.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn export_name(name: &str) -> bool {
    crate::redact::credential_name(name) || SANITIZER_NAMES.contains(&crate::redact::normalise_name(name).as_str())
}

/// Shortest value looked for everywhere in the capture once seen as a credential somewhere
/// (shorter ones are redacted where they were seen, not searched for in other text).
const SPREAD_MIN: usize = 8;

/// Every credential value seen anywhere in a capture, and what replaces it.
#[derive(Default)]
struct Vault {
    values: std::collections::BTreeMap<String, String>,
}

impl Vault {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn add(&mut self, raw: &str) {
        let v = raw.trim();
        if v.len() < SPREAD_MIN || v.len() > 64 * 1024 || crate::redact::is_showable_placeholder(v) {
            return;
        }
        let shown = redact::credential(v);
        // The forms the value takes in other places: as sent, form- or percent-encoded, JSON-escaped.
        let form: String = form_urlencoded::byte_serialize(v.as_bytes()).collect();
        let pct = percent_encoding::utf8_percent_encode(v, percent_encoding::NON_ALPHANUMERIC).to_string();
        let json = serde_json::to_string(v).unwrap_or_default();
        let json = json.get(1..json.len().saturating_sub(1)).unwrap_or_default().to_string();
        for shape in [v.to_string(), form, pct, json] {
            if shape.len() >= SPREAD_MIN {
                self.values.entry(shape).or_insert_with(|| shown.clone());
            }
        }
    }

    /// One automaton over every shape (the DFA alone, walked by `crate::dfa::occurrences` as the
    /// secret scanner's is: the `AhoCorasick` wrapper would add its other searchers to the module).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn matcher(&self) -> Option<Matcher> {
        if self.values.is_empty() {
            return None;
        }
        let needles: Vec<String> = self.values.keys().cloned().collect();
        let dfa = aho_corasick::dfa::Builder::new().match_kind(aho_corasick::MatchKind::Standard).prefilter(false).build(&needles).ok()?;
        Some(Matcher { dfa, needles })
    }
}

/// The vault's shapes as an automaton.
struct Matcher {
    dfa: aho_corasick::dfa::DFA,
    needles: Vec<String>,
}

impl Matcher {
    /// Non-overlapping occurrences, leftmost first and the longest at a position, as byte ranges
    /// with the needle's index.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn find(&self, s: &str) -> Vec<(usize, usize, usize)> {
        let mut all: Vec<(usize, usize, usize)> = crate::dfa::occurrences(&self.dfa, s.as_bytes(), 1 << 20)
            .into_iter()
            .filter_map(|(p, end)| {
                let len = self.needles.get(p as usize)?.len();
                let end = end as usize;
                Some((end.checked_sub(len)?, end, p as usize))
            })
            .collect();
        all.sort_by(|a, b| a.0.cmp(&b.0).then(b.1.cmp(&a.1)));
        let mut out: Vec<(usize, usize, usize)> = Vec::new();
        for m in all {
            if out.last().is_none_or(|l| m.0 >= l.1) && s.is_char_boundary(m.0) && s.is_char_boundary(m.1) {
                out.push(m);
            }
        }
        out
    }
}

/// `name=value; name2=value2` with every value redacted, the names kept (they say which cookies
/// were sent, which matters for cookie problems).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_cookie_header(v: &str, vault: &mut Vault) -> String {
    v.split(';')
        .map(|part| match part.split_once('=') {
            Some((n, val)) if !val.trim().is_empty() => {
                vault.add(val);
                format!("{n}={}", Redacted::new(val.trim()))
            }
            _ => part.to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

/// A `Set-Cookie` value (Firefox joins several with newlines): each cookie's value redacted, its
/// name and attributes (Path, Domain, SameSite, …) kept.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_set_cookie(v: &str, vault: &mut Vault) -> String {
    // Several cookies in one value: one per line (Chromium), or joined with `, ` (fetch's
    // `headers.get`), told from an `Expires=Wed, 21 Oct …` date by the `name=` that follows.
    let mut parts: Vec<(&str, &str)> = Vec::new();
    for line in v.split('\n') {
        let mut rest = line;
        let mut sep = if parts.is_empty() { "" } else { "\n" };
        while let Some(at) = rest.match_indices(", ").map(|(i, _)| i).find(|&i| {
            let next = &rest[i + 2..];
            next.find('=').is_some_and(|e| e > 0 && !next[..e].contains([' ', ';', ',']))
        }) {
            parts.push((sep, &rest[..at]));
            sep = ", ";
            rest = &rest[at + 2..];
        }
        parts.push((sep, rest));
    }
    parts
        .into_iter()
        .map(|(sep, line)| {
            let (first, attrs) = line.split_once(';').map_or((line, None), |(a, b)| (a, Some(b)));
            let first = match first.split_once('=') {
                Some((n, val)) if !val.trim().is_empty() => {
                    vault.add(val);
                    format!("{n}={}", Redacted::new(val.trim()))
                }
                _ => first.to_string(),
            };
            match attrs {
                Some(a) => format!("{sep}{first};{a}"),
                None => format!("{sep}{first}"),
            }
        })
        .collect::<String>()
}

/// An `Authorization` value with its credential redacted and the scheme kept.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_authorization(v: &str, vault: &mut Vault) -> String {
    let t = v.trim();
    match t.split_once(' ') {
        Some((scheme, cred)) if !scheme.is_empty() && scheme.len() <= 32 && scheme.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') => {
            vault.add(cred);
            if scheme.eq_ignore_ascii_case("basic") {
                match crate::parse::basic::decode(cred.trim()) {
                    crate::parse::basic::Basic::Pair { user, password } => {
                        vault.add(&user);
                        vault.add(&password);
                    }
                    crate::parse::basic::Basic::NoColon { decoded } => vault.add(&decoded),
                    crate::parse::basic::Basic::NotBase64 => {}
                }
            }
            format!("{scheme} {}", redact::credential(cred.trim()))
        }
        _ => {
            vault.add(t);
            redact::credential(t)
        }
    }
}

/// A header, cookie or parameter value by its name: the whole value when the name says
/// credential, cookies value by value; `None` when the name says nothing.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_named(name: &str, value: &str, in_cookies: bool, vault: &mut Vault) -> Option<String> {
    if value.is_empty() {
        return None;
    }
    let n = crate::redact::normalise_name(name);
    if in_cookies {
        vault.add(value);
        return Some(Redacted::new(value).to_string());
    }
    match n.as_str() {
        "cookie" => Some(redact_cookie_header(value, vault)),
        "setcookie" => Some(redact_set_cookie(value, vault)),
        "authorization" | "proxyauthorization" => Some(redact_authorization(value, vault)),
        _ if export_name(name) => {
            vault.add(value);
            Some(redact::credential(value.trim()))
        }
        _ => None,
    }
}

/// Credential-named fields of a JSON value at any depth (`access_token`, `refresh_token`,
/// `client_secret`, a code exchange's `code`, …): `(name, value)` for each string.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn json_credentials(v: &serde_json::Value, out: &mut Vec<String>, depth: usize) {
    if depth > crate::limits::MAX_JSON_DEPTH || out.len() > 4096 {
        return;
    }
    match v {
        serde_json::Value::Object(o) => {
            let code_ok = crate::redact::code_is_credential(o.keys().map(String::as_str));
            for (k, x) in o {
                match x {
                    serde_json::Value::String(s) if !s.is_empty() => {
                        let n = crate::redact::normalise_name(k);
                        // `code` in a JSON body is usually an error code: only beside a code exchange.
                        if (export_name(k) && n != "code") || (code_ok && n == "code") {
                            out.push(s.clone());
                        }
                    }
                    other => json_credentials(other, out, depth + 1),
                }
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| json_credentials(x, out, depth + 1)),
        _ => {}
    }
}

/// Credential values held by a body's text: JSON fields at any depth, or form fields.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn body_credentials(text: &str) -> Vec<String> {
    let t = text.trim_start();
    let mut out = Vec::new();
    if t.starts_with('{') || t.starts_with('[') {
        if let Ok(v) = serde_json::from_str::<serde_json::Value>(t) {
            json_credentials(&v, &mut out, 0);
        }
    } else if t.contains('=') && !t.contains(char::is_whitespace) && t.len() <= 64 * 1024 {
        out.extend(query_credentials(t));
    }
    out
}

/// A credential value found in a text where it stands: its byte range (without quotes) and its
/// value as written there, or decoded when the writer escaped it (JSON's `\/`, `\u002B`).
struct Span {
    start: usize,
    end: usize,
    value: String,
}

/// True for a field name whose value an export hides when it reads it in free text: a
/// credential or sanitizer name, except OAuth's `code` (an error code, out of a code exchange).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn text_field_name(n: &str) -> bool {
    export_name(n) && crate::redact::normalise_name(n) != "code"
}

/// Credential values in text that is not a whole JSON document or form: JSON strings under a
/// credential name anywhere (a cut body, an XSSI prefix, an event stream, a WebSocket frame, a
/// script), the `value` beside a `"name": "<credential name>"`, markup (`<AccessToken>…<`,
/// `name="api_key" value="…"`, a multipart part named `password`) and `NAME=value` /
/// `name: value` lines. Strings holding escaped JSON are read too; what they hold is returned in
/// `nested` (no span: the vault finds those values in their escaped form).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn text_spans(text: &str, nested: &mut Vec<String>, depth: usize) -> Vec<Span> {
    let mut out = Vec::new();
    let b = text.as_bytes();
    // JSON strings.
    let (mut i, mut key, mut pair_credential): (usize, Option<String>, bool) = (0, None, false);
    while i < b.len() && out.len() < 4096 {
        match b[i] {
            b'"' => {
                let start = i;
                i = crate::parse::json_path::string_end(b, start);
                if i >= b.len() {
                    break;
                }
                i += 1;
                let lit = &text[start..i];
                let decoded: Option<String> = if lit.contains('\\') { serde_json::from_str(lit).ok() } else { Some(lit[1..lit.len() - 1].to_string()) };
                let mut j = i;
                while j < b.len() && b[j].is_ascii_whitespace() {
                    j += 1;
                }
                if b.get(j) == Some(&b':') {
                    key = decoded;
                    continue;
                }
                // An unquoted name before it: `API_KEY="…"`, `{apiToken: "…"}` in a script.
                let k = key.take().or_else(|| {
                    let before = text[..start].trim_end();
                    let rest = before.strip_suffix('=').filter(|r| !r.ends_with(['=', '!', '<', '>'])).or_else(|| before.strip_suffix(':'))?.trim_end();
                    let ident_start = rest.rfind(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '$')).map_or(0, |p| p + rest[p..].chars().next().map_or(1, char::len_utf8));
                    let ident = &rest[ident_start..];
                    (!ident.is_empty() && ident.len() <= 64).then(|| ident.to_string())
                });
                let Some(v) = decoded else { continue };
                // `{"name": "password", "value": …}`, `{"key": "Authorization", "value": …}`,
                // `{"type": "api_key", "value": …}`.
                if matches!(k.as_deref(), Some("name" | "key" | "type" | "header")) {
                    pair_credential = text_field_name(&v);
                }
                let named = k.as_deref().is_some_and(text_field_name) || pair_credential && k.as_deref() == Some("value");
                if named && !v.trim().is_empty() && !v.contains("[redacted") {
                    out.push(Span { start: start + 1, end: i - 1, value: v });
                } else if depth < 2 && v.len() > 8 && v.contains('"') {
                    // Escaped JSON, or a GraphQL document (`login(password: \"…\")`), in a string.
                    for sp in text_spans(&v, nested, depth + 1) {
                        nested.push(sp.value);
                    }
                } else if v.starts_with("https://") || v.starts_with("http://") {
                    // A URL in a body (a presigned link's `X-Amz-Signature`).
                    nested.extend(url_credentials(&v));
                }
            }
            b'{' | b'}' => {
                pair_credential = false;
                key = None;
                i += 1;
            }
            b',' | b'[' => {
                key = None;
                i += 1;
            }
            _ => i += 1,
        }
    }
    markup_spans(text, &mut out);
    line_spans(text, &mut out);
    out
}

/// `<AccessToken>v</AccessToken>`, `<wsse:Password>v</…>`, `<meta name="api-token" content="v">`,
/// `<input name="api_key" value="v">`, and multipart parts (`name="password"`, blank line, value).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn markup_spans(text: &str, out: &mut Vec<Span>) {
    let b = text.as_bytes();
    let name_char = |c: u8| c.is_ascii_alphanumeric() || b"_-:.".contains(&c);
    for (lt, _) in text.match_indices('<').take(20_000) {
        let mut e = lt + 1;
        while e < b.len() && name_char(b[e]) {
            e += 1;
        }
        let tag = &text[lt + 1..e];
        let Some(close) = text[e..].find('>').map(|c| e + c) else { break };
        let local = tag.rsplit(':').next().unwrap_or(tag);
        // An element whose name is a credential's, holding text only.
        if !local.is_empty() && text_field_name(local) && b[close - 1] != b'/' {
            let inner_end = text[close + 1..].find('<').map_or(text.len(), |n| close + 1 + n);
            let v = text[close + 1..inner_end].trim();
            if !v.is_empty() && inner_end - close < 8192 && text[inner_end..].starts_with("</") {
                let start = close + 1 + text[close + 1..inner_end].find(v).unwrap_or(0);
                out.push(Span { start, end: start + v.len(), value: v.to_string() });
            }
        }
        // Attributes: `name="<credential name>"` beside `content="…"` or `value="…"`.
        let attrs = &text[e..close];
        let attr = |n: &str| -> Option<(usize, &str)> {
            let at = attrs.find(&format!("{n}=\""))? + n.len() + 2;
            let len = attrs[at..].find('"')?;
            Some((e + at, &attrs[at..at + len]))
        };
        if let Some((_, n)) = attr("name") {
            if text_field_name(n) {
                for a in ["content", "value"] {
                    if let Some((at, v)) = attr(a).filter(|(_, v)| !v.trim().is_empty()) {
                        out.push(Span { start: at, end: at + v.len(), value: v.to_string() });
                    }
                }
            }
        }
    }
    // multipart/form-data: `Content-Disposition: form-data; name="password"`, a blank line, the value.
    for (at, _) in text.match_indices("form-data; name=\"").take(1000) {
        let n0 = at + 17;
        let Some(n_len) = text[n0..].find('"') else { continue };
        if !text_field_name(&text[n0..n0 + n_len]) {
            continue;
        }
        let Some(blank) = text[n0..].find("\r\n\r\n").map(|x| n0 + x + 4).or_else(|| text[n0..].find("\n\n").map(|x| n0 + x + 2)) else { continue };
        let end = text[blank..].find("\r\n--").or_else(|| text[blank..].find("\n--")).map_or(text.len(), |x| blank + x);
        let v = &text[blank..end];
        if !v.trim().is_empty() && v.len() < 8192 {
            out.push(Span { start: blank, end, value: v.to_string() });
        }
    }
}

/// Lines `NAME=value` (a `.env` file) and `name: value` (STOMP frames, YAML, a header written out)
/// whose name is a credential's.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn line_spans(text: &str, out: &mut Vec<Span>) {
    let mut at = 0;
    for line in text.split_inclusive('\n').take(100_000) {
        let start = at;
        at += line.len();
        let l = line.trim_end_matches(['\r', '\n']);
        let body = l.trim_start().strip_prefix("export ").unwrap_or(l.trim_start());
        let skip = l.len() - body.len();
        let Some(sep) = body.find(['=', ':']) else { continue };
        let name = body[..sep].trim_end();
        if !name.starts_with(|c: char| c.is_ascii_alphabetic()) || name.len() > 64 || !name.bytes().all(|c| c.is_ascii_alphanumeric() || b"_-.".contains(&c)) || !text_field_name(name) {
            continue;
        }
        let raw = &body[sep + 1..];
        let v = raw.trim().trim_matches(['"', '\'']);
        if v.is_empty() || v.contains("[redacted") {
            continue;
        }
        let vs = start + skip + sep + 1 + raw.find(v).unwrap_or(0);
        out.push(Span { start: vs, end: vs + v.len(), value: v.to_string() });
    }
}

/// `text` with every span replaced by its redacted form (JSON-escaped when the span sat in a
/// JSON string), or `None` when there is none.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_spans(text: &str, mut spans: Vec<Span>) -> Option<String> {
    if spans.is_empty() {
        return None;
    }
    // Leftmost first, the longest at a position (the shared sort: no monomorphised copy).
    crate::order::sort_by_u64_key(&mut spans, |s| (s.start as u64) << 32 | u64::from(u32::MAX - s.end.min(u32::MAX as usize) as u32));
    let mut out = String::with_capacity(text.len());
    let mut last = 0;
    for sp in spans {
        if sp.start < last || sp.end > text.len() || !text.is_char_boundary(sp.start) || !text.is_char_boundary(sp.end) {
            continue;
        }
        out.push_str(&text[last..sp.start]);
        out.push_str(&redact::credential(&sp.value));
        last = sp.end;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// Credential values of a query string or form body (`a=1&refresh_token=…`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn query_credentials(q: &str) -> Vec<String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(q.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    let code_ok = crate::redact::code_is_credential(pairs.iter().map(|(k, _)| k.as_str()));
    pairs
        .into_iter()
        .filter(|(k, v)| {
            let n = crate::redact::normalise_name(k);
            !v.is_empty() && (export_name(k) || (code_ok && n == "code") || crate::redact::query_is_sensitive(k, v))
        })
        .map(|(_, v)| v)
        .collect()
}

/// Credential values in a URL: query parameters, a `;jsessionid=` path parameter, the userinfo.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn url_credentials(url: &str) -> Vec<String> {
    let mut out = Vec::new();
    let no_frag = url.split('#').next().unwrap_or(url);
    if let Some((head, q)) = no_frag.split_once('?') {
        out.extend(query_credentials(q));
        out.extend(path_session_ids(head));
    } else {
        out.extend(path_session_ids(no_frag));
    }
    if let Some(frag) = url.split_once('#').map(|(_, f)| f) {
        // Implicit-flow redirects carry `#access_token=…&id_token=…`.
        out.extend(query_credentials(frag));
    }
    if let Ok(u) = crate::parse::url::Url::parse(url) {
        if !u.username().is_empty() {
            out.push(u.username().to_string());
        }
        if let Some(p) = u.password() {
            out.push(p.to_string());
        }
    }
    out
}

/// `;jsessionid=…` (Java servlets) and similar session ids written into the path.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn path_session_ids(path: &str) -> Vec<String> {
    path.split('/')
        .flat_map(|seg| seg.split(';').skip(1))
        .filter_map(|p| p.split_once('='))
        .filter(|(k, v)| !v.is_empty() && crate::redact::credential_name(k))
        .map(|(_, v)| v.to_string())
        .collect()
}

/// Harvest every credential value an entry holds (its digested credentials, named fields, body
/// fields, URL parameters), walking the entry's JSON as it is.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn harvest(entry: &serde_json::Value, vault: &mut Vault) {
    if let crate::har::Slot::Read { entry: typed, .. } = crate::har::read_entry_value(entry.clone(), "entry") {
        let ex = Exchange::new(0, &typed);
        for c in &ex.credentials {
            vault.add(c.raw());
        }
    }
    harvest_value(entry, "", vault, 0);
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn harvest_value(v: &serde_json::Value, key: &str, vault: &mut Vault, depth: usize) {
    if depth > 64 {
        return;
    }
    match v {
        serde_json::Value::Object(o) => {
            if let (Some(serde_json::Value::String(n)), Some(serde_json::Value::String(val))) = (o.get("name"), o.get("value")) {
                let mut scratch = Vault::default();
                if redact_named(n, val, key == "cookies", &mut scratch).is_some() {
                    vault.values.append(&mut scratch.values);
                }
            }
            for (k, x) in o {
                harvest_value(x, k, vault, depth + 1);
            }
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| harvest_value(x, key, vault, depth + 1)),
        serde_json::Value::String(s) => match key {
            // `data`: a WebSocket message in Chromium's `_webSocketMessages` (an auth frame's token).
            "text" | "comment" | "data" => {
                let t = crate::exchange::truncate(s, EXPORT_BODY_MAX);
                body_credentials(t).iter().for_each(|c| vault.add(c));
                let mut nested = Vec::new();
                for sp in text_spans(t, &mut nested, 0) {
                    vault.add(&sp.value);
                }
                nested.iter().for_each(|c| vault.add(c));
            }
            "url" | "redirectURL" | "title" => url_credentials(s).iter().for_each(|c| vault.add(c)),
            _ => {}
        },
        _ => {}
    }
}

/// Where an export changed things in one entry, for its comment.
#[derive(Default)]
struct Cuts {
    places: Vec<String>,
    said: Vec<String>,
}

impl Cuts {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn mark(&mut self, place: &str) {
        if self.places.len() < 16 && !self.places.iter().any(|p| p == place) {
            self.places.push(place.to_string());
        }
    }
}

/// Replace every harvested value in `s`, then key- and JWT-shaped words.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn scrub_text(s: &str, ac: Option<&Matcher>, vault: &Vault) -> String {
    let found = ac.map(|m| m.find(s)).unwrap_or_default();
    let replaced = if found.is_empty() {
        s.to_string()
    } else {
        let mut out = String::with_capacity(s.len());
        let mut last = 0;
        for (start, end, _) in found {
            out.push_str(s.get(last..start).unwrap_or(""));
            let needle = s.get(start..end).unwrap_or("");
            out.push_str(vault.values.get(needle).map_or("…[redacted]", String::as_str));
            last = end;
        }
        out.push_str(s.get(last..).unwrap_or(""));
        out
    };
    redact::free_text(&replaced)
}

/// A body's text with its own credential fields redacted where they stand (a short password
/// too), then every harvested value and key-shaped word.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn scrub_body(s: &str, ac: Option<&Matcher>, vault: &Vault) -> String {
    let mut text = s.to_string();
    let t = s.trim_start();
    if t.starts_with('{') || t.starts_with('[') {
        for v in body_credentials(s) {
            let quoted = serde_json::to_string(&v).unwrap_or_default();
            if quoted.len() > 2 {
                let shown = serde_json::to_string(&redact::credential(&v)).unwrap_or_default();
                text = text.replace(&quoted, &shown);
            }
        }
    } else if t.contains('=') && !t.contains(char::is_whitespace) {
        let creds = body_credentials(s);
        if !creds.is_empty() {
            let pairs: Vec<(String, String)> = form_urlencoded::parse(t.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
            let mut ser = form_urlencoded::Serializer::new(String::new());
            for (k, v) in &pairs {
                if creds.contains(v) {
                    ser.append_pair(k, &redact::credential(v));
                } else {
                    ser.append_pair(k, v);
                }
            }
            text = ser.finish();
        }
    }
    // Credentials where they stand in any text (escaped JSON, cut JSON, markup, `.env` lines).
    if let Some(t) = redact_spans(&text, text_spans(&text, &mut Vec::new(), 0)) {
        text = t;
    }
    // And every secret the scanner reports in it (a key inside a URL in a script, before a full
    // stop, after a `$`): what `analyze` flags, the export never keeps.
    scrub_text(&crate::secrets::redact_secrets(&text), ac, vault)
}

/// A URL with its credentials redacted (userinfo, query, fragment, token path segments, path
/// session ids): `redact::url` after the harvested values.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn scrub_url(s: &str, ac: Option<&Matcher>, vault: &Vault) -> String {
    let once = scrub_text(s, ac, vault);
    if looks_like_url(&once) {
        crate::redact::url(&once)
    } else {
        once
    }
}

/// An absolute URL, or a path with a query or fragment (a relative `Location`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn looks_like_url(s: &str) -> bool {
    let scheme = s.split_once("://").map_or("", |(a, _)| a);
    ["http", "https", "ws", "wss"].iter().any(|p| scheme.eq_ignore_ascii_case(p)) || s.starts_with('/') && !s.starts_with("//") && s.contains(['?', '#']) && !s.contains(' ')
}

/// Walk an entry (or any part of the document) and redact every string in it.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn scrub_value(v: &mut serde_json::Value, path: &str, key: &str, ac: Option<&Matcher>, vault: &mut Vault, cuts: &mut Cuts, depth: usize) {
    match v {
        serde_json::Value::Object(o) => {
            // A name/value pair (header, cookie, query parameter, form field).
            let named = match (o.get("name"), o.get("value")) {
                (Some(serde_json::Value::String(n)), Some(serde_json::Value::String(val))) => {
                    let n = n.clone();
                    redact_named(&n, val, key == "cookies", vault).map(|r| (n, r))
                }
                _ => None,
            };
            if let Some((n, r)) = named {
                o.insert("value".into(), serde_json::Value::String(r));
                cuts.mark(&format!("{path}.{}", crate::redact::clip(&n, 48)));
            }
            // A body: cut to the export limit, dropped when base64.
            if key == "content" || key == "postData" {
                let what = if key == "content" { "response body" } else { "request body" };
                let b64 = o.get("encoding").and_then(|e| e.as_str()).is_some_and(|e| e.eq_ignore_ascii_case("base64"));
                if let Some(serde_json::Value::String(t)) = o.get_mut("text") {
                    if b64 {
                        if !t.is_empty() {
                            cuts.said.push(format!("{what} (base64) dropped: an encoded body cannot be redacted"));
                        }
                        t.clear();
                    } else if t.len() > EXPORT_BODY_MAX {
                        cuts.said.push(format!("{what} cut to its first {} KiB of {} KiB", EXPORT_BODY_MAX / 1024, t.len().div_ceil(1024)));
                        *t = crate::exchange::truncate(t, EXPORT_BODY_MAX).to_string();
                    }
                }
                if b64 {
                    o.remove("encoding");
                }
            }
            // A binary WebSocket frame (opcode 2) is base64 in `data`: it cannot be redacted.
            if o.get("opcode").and_then(serde_json::Value::as_u64) == Some(2) {
                if let Some(serde_json::Value::String(d)) = o.get_mut("data") {
                    if !d.is_empty() {
                        d.clear();
                        if !cuts.said.iter().any(|s| s.starts_with("binary WebSocket")) {
                            cuts.said.push("binary WebSocket messages dropped: they cannot be redacted".into());
                        }
                    }
                }
            }
            let keys: Vec<String> = o.keys().cloned().collect();
            let pair_name = match (o.get("name"), o.get("value")) {
                (Some(serde_json::Value::String(n)), Some(serde_json::Value::String(_))) => Some(crate::redact::clip(n, 48)),
                _ => None,
            };
            for k in keys {
                if named_value_done(o, &k) {
                    continue;
                }
                if let Some(x) = o.get_mut(&k) {
                    let sub = match (&pair_name, k.as_str()) {
                        (Some(n), "value") => format!("{path}.{n}"),
                        _ if path.is_empty() => k.clone(),
                        _ => format!("{path}.{k}"),
                    };
                    if depth < 128 {
                        scrub_value(x, &sub, &k, ac, vault, cuts, depth + 1);
                    } else {
                        *x = serde_json::Value::Null;
                    }
                }
            }
        }
        serde_json::Value::Array(a) => {
            for x in a.iter_mut() {
                scrub_value(x, path, key, ac, vault, cuts, depth + 1);
            }
        }
        serde_json::Value::String(s) => {
            let out = match key {
                "url" | "redirectURL" | "title" => scrub_url(s, ac, vault),
                // A header's value that is a URL (Location, Referer, X-Original-URL).
                "value" if looks_like_url(s) => scrub_url(s, ac, vault),
                "text" | "data" => scrub_body(s, ac, vault),
                _ => scrub_text(s, ac, vault),
            };
            if out != *s {
                cuts.mark(path);
                *s = out;
            }
        }
        _ => {}
    }
}

/// True for the `value` of a name/value pair already redacted by its name.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn named_value_done(o: &serde_json::Map<String, serde_json::Value>, k: &str) -> bool {
    k == "value"
        && o.get("value").and_then(|v| v.as_str()).is_some_and(|v| v.contains("[redacted"))
        && o.get("name").is_some_and(serde_json::Value::is_string)
}

/// A copy of a HAR document that is safe to attach to a ticket. Every credential value seen
/// anywhere in the capture (headers, cookies, Set-Cookie, URLs and their fragments, token
/// responses and requests, secret-named fields of JSON and form bodies, Basic halves) is looked for
/// and replaced everywhere else it appears: other entries, bodies, scripts, `_initiator` stacks,
/// comments, page titles, WebSocket messages. Provider keys and JWTs are redacted wherever they stand. Cookie and
/// header names, scheme names and Set-Cookie attributes are kept. Bodies are cut to 64 KiB and
/// base64 bodies dropped. Each entry's comment says what was redacted or cut.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn redact_har_document(mut doc: serde_json::Value) -> serde_json::Value {
    let mut vault = Vault::default();
    if let Some(entries) = doc.pointer("/log/entries").and_then(|e| e.as_array()) {
        for e in entries {
            harvest(e, &mut vault);
        }
    }
    // Pages, the log's comment and vendor fields: their values are looked for in the entries too.
    if let Some(top) = doc.as_object() {
        for (k, v) in top {
            match (k.as_str(), v) {
                ("log", serde_json::Value::Object(log)) => {
                    for (lk, lv) in log.iter().filter(|(lk, _)| lk.as_str() != "entries") {
                        harvest_value(lv, lk, &mut vault, 0);
                    }
                }
                _ => harvest_value(v, k, &mut vault, 0),
            }
        }
    }
    let ac = vault.matcher();
    if let Some(serde_json::Value::Array(entries)) = doc.pointer_mut("/log/entries") {
        for e in entries.iter_mut() {
            let mut cuts = Cuts::default();
            // The capture's own comment is redacted like everything else, then ours follows it.
            let own = e.get_mut("comment").map(serde_json::Value::take);
            scrub_value(e, "", "", ac.as_ref(), &mut vault, &mut cuts, 0);
            let own = own.and_then(|c| c.as_str().map(|c| scrub_text(&crate::secrets::redact_secrets(c), ac.as_ref(), &vault))).filter(|c| !c.trim().is_empty());
            let mut said = Vec::new();
            if !cuts.places.is_empty() {
                said.push(format!("credentials redacted in {}", cuts.places.join(", ")));
            }
            said.append(&mut cuts.said);
            let ours = (!said.is_empty()).then(|| format!("authlens redacted export: {}", said.join("; ")));
            let comment = match (own, ours) {
                (Some(a), Some(b)) => Some(format!("{a} — {b}")),
                (a, b) => a.or(b),
            };
            if let serde_json::Value::Object(o) = e {
                match comment {
                    Some(c) => o.insert("comment".into(), serde_json::Value::String(c)),
                    None => o.remove("comment"),
                };
            }
        }
    }
    // Everything outside the entries (pages and their titles, the creator, vendor fields).
    if let serde_json::Value::Object(top) = &mut doc {
        for (k, v) in top.iter_mut() {
            if k == "log" {
                if let serde_json::Value::Object(log) = v {
                    for (lk, lv) in log.iter_mut().filter(|(lk, _)| lk.as_str() != "entries") {
                        scrub_value(lv, lk, lk, ac.as_ref(), &mut vault, &mut Cuts::default(), 0);
                    }
                }
            } else {
                scrub_value(v, k, k, ac.as_ref(), &mut vault, &mut Cuts::default(), 0);
            }
        }
    }
    doc
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Entry {
        let e = Entry::new(method, url).headers(headers).status(401);
        match body {
            Some(b) => e.body("application/json", b),
            None => e,
        }
    }

    #[test]
    fn a_redacted_export_says_what_it_cut_or_dropped() {
        let big = format!("{{\"items\":\"{}\"}}", "x".repeat(100 * 1024));
        let mut small = entry("POST", "https://api.example.test/a", &[], Some("{}"));
        small.comment = Some("from QA".into());
        let mut cut = entry("POST", "https://api.example.test/b", &[], Some(&big));
        cut.response.content.text = Some(big.clone());
        let mut binary = entry("GET", "https://api.example.test/c.png", &[], None);
        binary.response.content.text = Some("iVBORw0KGgo=".into());
        binary.response.content.encoding = Some("base64".into());
        let out = redact_har(Har { log: crate::har::Log { entries: vec![small, cut, binary], ..Default::default() } });
        let e = &out.log.entries;
        assert_eq!(e[0].comment.as_deref(), Some("from QA"), "nothing cut: only the capture's own comment");
        let c = e[1].comment.as_deref().unwrap_or_default();
        assert!(c.contains("request body cut to its first 64 KiB of 101 KiB") && c.contains("response body cut"), "{c}");
        assert_eq!(e[1].response.content.text.as_ref().map(String::len), Some(EXPORT_BODY_MAX));
        assert!(e[2].comment.as_deref().unwrap_or_default().contains("base64) dropped"), "{:?}", e[2].comment);
        assert_eq!(e[2].response.content.text.as_deref(), Some(""));
    }

    #[test]
    fn curl_uses_env_vars() {
        // base64("SB-Mid-server-abc123cde456XYZ:")
        let e = entry("POST", "https://app.midtrans.com/snap/v1/transactions", &[("Authorization", "Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTZYWVo6"), ("Content-Type", "application/json"), ("User-Agent", "x")], Some("{\"a\":1}"));
        let c = curl(&e);
        assert!(c.contains("-u \"${MIDTRANS_SERVER_KEY}:\""), "{c}");
        assert!(c.contains("-X 'POST'"), "{c}");
        assert!(c.contains("Content-Type: application/json"), "{c}");
        assert!(!c.contains("User-Agent"), "{c}");
        assert!(!c.contains("abc123cde456"), "{c}");
        assert!(c.starts_with("# set first: export MIDTRANS_SERVER_KEY"), "{c}");
    }

    #[test]
    fn curl_bearer_and_query() {
        let e = entry("GET", "https://api.checkout.com/payments?access_token=zzzzzzzzzzzzzzzzzzzzzzzzz&x=1", &[("Authorization", "Bearer sk_sbox_abcdefghijklmnopqrstuvwxyz2")], None);
        let c = curl(&e);
        assert!(c.contains("Authorization: Bearer ${CHECKOUT_SECRET_KEY}"), "{c}");
        assert!(c.contains("access_token=${ACCESS_TOKEN}"), "{c}");
        assert!(!c.contains("zzzzzzzz") && !c.contains("abcdefghijklmnop"), "{c}");
    }

    #[test]
    fn variables_for_body_credentials_are_shell_names() {
        let body = r#"{"auth":{"access_token":"opaque-value-1234567890"},"x y":{"token":"opaque-value-0987654321"}}"#;
        let ex = Exchange::new(0, &entry("POST", "https://api.example.test/x", &[("Content-Type", "application/json")], Some(body)));
        let names: Vec<String> = ex.credentials.iter().filter(|c| matches!(c.location, Location::Body(_))).map(env_var).collect();
        assert_eq!(names, vec!["AUTH_ACCESS_TOKEN", "X_Y___TOKEN"], "{:?}", ex.credentials.iter().map(|c| c.location.describe()).collect::<Vec<_>>());
    }

    #[test]
    fn body_text_reader_never_panics() {
        // Quotes, separators and tags around multi-byte characters, cut anywhere.
        let parts = ["\"", ":", "=", "é", "ü€", "<", ">", "</", "password", "api_key", "name=\"", "value=\"", "\\", "\\u00", "{", "}", "[", ",", "\n", "\r\n\r\n", "form-data; name=\"", "--", "x", "😀"];
        let mut seed = 7u64;
        for _ in 0..4000 {
            let mut t = String::new();
            for _ in 0..(seed % 24) {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                t.push_str(parts[(seed >> 33) as usize % parts.len()]);
            }
            let mut nested = Vec::new();
            let spans = text_spans(&t, &mut nested, 0);
            let _ = redact_spans(&t, spans);
            let _ = crate::redact::url(&t);
            let _ = crate::redact::free_text(&t);
        }
    }

    #[test]
    fn hostile_url_cannot_run_commands() {
        let e = entry("GET", "https://x.test/$(touch%20pwned)/`id`?a=\"$HOME\"", &[], None);
        let c = curl(&e);
        assert!(!c.contains("$(") || c.contains("\\$("), "{c}");
        assert!(!c.contains(" `") , "{c}");
    }

    #[test]
    fn har_export_redacts() {
        let mut e = entry("POST", "https://api.stripe.com/v1/charges?key=sk_live_abcdefghijklmnopqrstuvwx", &[("Authorization", "Bearer sk_live_abcdefghijklmnopqrstuvwx"), ("Cookie", "sid=verysecretsessionvalue123")], Some("{\"client_secret\":\"pi_123_secret_abcdefghijklmnop\"}"));
        e.response.content.text = Some("var k = \"sk_live_abcdefghijklmnopqrstuvwx\";".into());
        let har = redact_har(Har { log: crate::har::Log { entries: vec![e], ..Default::default() } });
        let text = serde_json::to_string(&har).unwrap();
        assert!(!text.contains("abcdefghijklmnopqrstuvwx"), "{text}");
        assert!(!text.contains("verysecretsessionvalue123"), "{text}");
        assert!(!text.contains("pi_123_secret_abcdefghijklmnop"), "{text}");
    }


    #[test]
    fn websocket_messages_are_redacted() {
        // Chromium's HAR keeps a WebSocket's frames in `_webSocketMessages`; an auth frame carries
        // a token that appears nowhere else in the capture.
        let doc = serde_json::json!({"log": {"entries": [{
            "startedDateTime": "2026-10-14T09:30:00Z",
            "request": {"method": "GET", "url": "wss://app.example.test/socket", "headers": []},
            "response": {"status": 101, "headers": [], "content": {"text": ""}},
            "_webSocketMessages": [
                {"type": "send", "time": 1.0, "opcode": 1, "data": "{\"type\":\"auth\",\"token\":\"wsTok_Q9w8E7r6T5y4U3i2O1pAsDfGhJkL\"}"},
                {"type": "receive", "time": 1.1, "opcode": 1, "data": "{\"type\":\"ready\",\"echo\":\"wsTok_Q9w8E7r6T5y4U3i2O1pAsDfGhJkL\"}"},
                {"type": "receive", "time": 1.2, "opcode": 2, "data": "AAECAwQFBgcICQ=="}
            ]
        }]}});
        let out = redact_har_document(doc).to_string();
        assert!(!out.contains("wsTok_Q9w8E7r6"), "{out}");
        assert!(!out.contains("AAECAwQFBgcICQ"), "{out}");
        assert!(out.contains("\\\"type\\\":\\\"ready\\\""), "the rest of the message stays: {out}");
        assert!(out.contains("binary WebSocket messages dropped"), "{out}");
    }
}
