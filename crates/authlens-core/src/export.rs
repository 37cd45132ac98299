//! Things people copy out of authlens: a cURL reproduction with the credential replaced by an
//! environment variable, and a redacted HAR. Both go through the same redaction as reports, and
//! neither can contain a credential the engine recognised.

use crate::exchange::{Credential, Exchange, Location, CREDENTIAL_HEADERS, CREDENTIAL_PARAMS};
use crate::har::{Entry, Har, NameValue};
use crate::parse::jwt;
use crate::providers::{self, KeyKind};
use crate::redact::Redacted;

/// Headers worth keeping in a reproduction besides the credential ones.
const KEPT_HEADERS: &[&str] = &["content-type", "accept", "origin", "idempotency-key", "x-idempotency-key", "cko-idempotency-key", "x-requested-with", "openai-organization", "openai-project", "stripe-account", "stripe-version", "x-api-version"];

/// Name of the environment variable a reproduction uses for a credential.
fn env_var(c: &Credential) -> String {
    if let Some(k) = c.key {
        return k.rule.env_var.to_string();
    }
    match &c.location {
        Location::Header(h) => h.to_ascii_uppercase().replace(['-', ' '], "_"),
        Location::Query(q) | Location::Body(q) => q.trim_start_matches("$.").to_ascii_uppercase().replace(['-', '.', '[', ']', ' ', '$'], "_"),
        _ if c.jwt.is_some() => "ACCESS_TOKEN".into(),
        _ => "API_TOKEN".into(),
    }
}

/// Escape for a POSIX double-quoted string (the URL must stay double-quoted so `${VAR}` expands),
/// then turn the NUL-delimited variable markers into `${VAR}`.
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
fn sq(s: &str) -> String {
    format!("'{}'", s.replace('\'', "'\\''"))
}

/// A cURL command that reproduces the request outside the app: method, URL, the headers that
/// matter, the body, and every credential replaced by an environment variable.
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
            if !vars.is_empty() || u.query_pairs().any(|(k, v)| crate::exchange::sensitive_query(&k, &v)) {
                let pairs: Vec<(String, String)> = u.query_pairs().map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
                let mut q = String::new();
                for (k, v) in pairs {
                    if !q.is_empty() {
                        q.push('&');
                    }
                    if let Some((_, var)) = vars.iter().find(|(n, _)| *n == k) {
                        // A NUL marker survives the escaping below and becomes `${VAR}` after it.
                        q.push_str(&format!("{}=\u{0}{var}\u{0}", enc(&k)));
                    } else if crate::exchange::sensitive_query(&k, &v) {
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
        None => crate::exchange::redact_url(&ex.url),
    };
    // Keys in parameters with innocent names (`?ref=sk_live_…`) are redacted too.
    parts.push(format!("\"{}\"", dq(&redact_free_text(&url))));
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
        } else if KEPT_HEADERS.contains(&lname.as_str()) {
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

fn sanitize_name(n: &str) -> String {
    n.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').take(64).collect()
}

/// Bytes of each body a redacted HAR keeps.
pub const EXPORT_BODY_MAX: usize = 64 * 1024;

/// A body with every credential the engine recognises replaced by its redacted form.
fn redact_text_body(body: &str, ex: &Exchange) -> String {
    let out = replace_credentials(crate::exchange::truncate(body, EXPORT_BODY_MAX), ex, 4);
    redact_free_text(&out)
}

/// Replace every credential the request carried (at least `min_len` bytes long) wherever the text
/// holds it: as sent, trimmed, form-encoded (`$` → `%24`) or JSON-escaped. Servers echo keys
/// back, and bodies hold them in any of these forms.
pub(crate) fn replace_credentials(text: &str, ex: &Exchange, min_len: usize) -> String {
    let mut out = text.to_string();
    for c in &ex.credentials {
        let raw = c.raw();
        if raw.trim().len() < min_len {
            continue;
        }
        let form: String = form_urlencoded::byte_serialize(raw.as_bytes()).collect();
        let json = serde_json::to_string(raw).unwrap_or_default();
        let json = json.get(1..json.len().saturating_sub(1)).unwrap_or_default().to_string();
        for shape in [raw.to_string(), raw.trim().to_string(), form, json] {
            if shape.len() >= min_len && out.contains(&shape) {
                out = out.replace(&shape, Redacted::new(raw).as_str());
            }
        }
    }
    out
}

/// Replace key- or JWT-shaped words in free text.
pub fn redact_free_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let secret = |w: &str| w.len() >= 16 && (providers::classify(w, None).is_some_and(|m| m.rule.kind != KeyKind::Publishable) || jwt::looks_like_jwt(w));
    let flush = |word: &mut String, out: &mut String| {
        if secret(word) {
            out.push_str(Redacted::new(word).as_str());
        } else if let Some((name, value)) = word.rsplit_once('=').filter(|(_, v)| secret(v)) {
            // `key=sk_live_…`: '=' is a word character (base64 padding), so try the value alone.
            out.push_str(name);
            out.push('=');
            out.push_str(Redacted::new(value).as_str());
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() || "-_.~+/=#$*".contains(ch) {
            word.push(ch);
        } else {
            flush(&mut word, &mut out);
            out.push(ch);
        }
    }
    flush(&mut word, &mut out);
    out
}

fn redact_pairs(list: &mut [NameValue], sensitive: &dyn Fn(&str) -> bool) {
    for nv in list.iter_mut() {
        if sensitive(&nv.name) {
            nv.value = Redacted::new(&nv.value).to_string();
        } else {
            nv.value = redact_free_text(&nv.value);
        }
    }
}

/// A copy of the HAR that is safe to attach to a ticket: credentials in headers, cookies, URLs,
/// query strings and bodies are redacted; everything else is kept.
pub fn redact_har(mut har: Har) -> Har {
    let header_sensitive = |n: &str| {
        let l = n.to_ascii_lowercase();
        l == "authorization" || l == "proxy-authorization" || l == "cookie" || l == "set-cookie" || CREDENTIAL_HEADERS.contains(&l.as_str())
    };
    let param_sensitive = |n: &str| CREDENTIAL_PARAMS.iter().any(|c| n.eq_ignore_ascii_case(c));
    // Page titles are the pages' URLs.
    if let Some(serde_json::Value::Array(pages)) = har.log.pages.as_mut() {
        for p in pages.iter_mut() {
            if let Some(serde_json::Value::String(t)) = p.get_mut("title") {
                *t = crate::exchange::redact_url(t);
            }
        }
    }
    for e in &mut har.log.entries {
        let ex = Exchange::new(0, e);
        // What this export leaves out is said in the entry's comment, not silently.
        let mut said: Vec<String> = Vec::new();
        let cut = |side: &str, t: &str| (t.len() > EXPORT_BODY_MAX).then(|| format!("{side} body cut to its first {} KiB of {} KiB", EXPORT_BODY_MAX / 1024, t.len().div_ceil(1024)));
        e.request.url = crate::exchange::redact_url(&e.request.url);
        redact_pairs(&mut e.request.headers, &header_sensitive);
        redact_pairs(&mut e.response.headers, &header_sensitive);
        redact_pairs(&mut e.request.query_string, &param_sensitive);
        if let Some(p) = e.request.post_data.as_mut() {
            redact_pairs(&mut p.params, &param_sensitive);
            if let Some(t) = p.text.as_mut() {
                said.extend(cut("request", t));
                *t = redact_text_body(t, &ex);
            }
        }
        if let Some(t) = e.response.content.text.as_mut() {
            if e.response.content.encoding.as_deref().is_some_and(|x| x.eq_ignore_ascii_case("base64")) {
                // Binary or encoded bodies cannot be redacted piecewise: drop them.
                if !t.is_empty() {
                    said.push("response body (base64) dropped: an encoded body cannot be redacted".into());
                }
                *t = String::new();
                e.response.content.encoding = None;
            } else {
                said.extend(cut("response", t));
                *t = redact_text_body(t, &ex);
            }
        }
        e.response.redirect_url = crate::exchange::redact_url(&e.response.redirect_url);
        // The entry's own comment is free text from the capture: redacted like a body.
        let own = e.comment.take().map(|c| redact_text_body(&c, &ex)).filter(|c| !c.trim().is_empty());
        if !said.is_empty() {
            said.insert(0, "authlens redacted export".into());
        }
        let ours = (!said.is_empty()).then(|| said.join("; "));
        e.comment = match (own, ours) {
            (Some(a), Some(b)) => Some(format!("{a} — {b}")),
            (a, b) => a.or(b),
        };
    }
    har
}

/// The endpoint of a path with ids collapsed: `/v2/order-1001/status` → `/v2/{id}/status`.
pub fn endpoint_template(path: &str) -> String {
    let segs: Vec<String> = path
        .split('/')
        .take(32)
        .map(|s| if looks_like_id(s) { "{id}".to_string() } else { crate::redact::clip(s, 64) })
        .collect();
    let t = segs.join("/");
    if t.is_empty() { "/".into() } else { t }
}

fn looks_like_id(s: &str) -> bool {
    if s.is_empty() {
        return false;
    }
    let digits = s.bytes().filter(u8::is_ascii_digit).count();
    let alnum = s.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
    digits == s.len()
        || providers::is_uuid(s)
        || (s.len() >= 16 && s.bytes().all(|b| b.is_ascii_hexdigit()))
        || (alnum && digits >= 3 && s.len() >= 6)
        || (alnum && s.len() >= 20)
        || s.contains('@')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::har::{Request, Response};

    fn entry(method: &str, url: &str, headers: &[(&str, &str)], body: Option<&str>) -> Entry {
        Entry {
            request: Request {
                method: method.into(),
                url: url.into(),
                headers: headers.iter().map(|(n, v)| NameValue { name: (*n).into(), value: (*v).into() }).collect(),
                post_data: body.map(|b| crate::har::PostData { mime_type: "application/json".into(), text: Some(b.into()), params: vec![] }),
                ..Default::default()
            },
            response: Response { status: 401, ..Default::default() },
            ..Default::default()
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
    fn templates() {
        assert_eq!(endpoint_template("/v2/order-1001/status"), "/v2/{id}/status");
        assert_eq!(endpoint_template("/v1/customers/cus_9s6XKzkNRiz8i3"), "/v1/customers/{id}");
        assert_eq!(endpoint_template("/payments/0b1e7d5c-1a2b-4c3d-8e9f-a1b2c3d4e5f6/refunds"), "/payments/{id}/refunds");
        assert_eq!(endpoint_template("/snap/v1/transactions"), "/snap/v1/transactions");
    }
}
