//! URLs and paths: what of a request's address may be shown.

use super::{clip, credential, credential_name, credential_param, free_text, secret_name, secret_value, secret_word, Redacted};
use crate::parse::url::Url;
use crate::providers::{self, KeyKind};

/// Redact credentials in a URL: the userinfo password and credential-like query values.
pub fn url(raw: &str) -> String {
    let Ok(mut u) = Url::parse(raw) else {
        // Not an absolute URL (a hand-edited HAR, a relative path): redact its query and any
        // key-shaped word rather than show it as it is.
        let shown = match raw.split_once('?') {
            Some((path, query)) => match redact_query(query, &[]) {
                Some(q) => format!("{path}?{q}"),
                None => raw.to_string(),
            },
            None => raw.to_string(),
        };
        return clip(&free_text(&shown), 2048);
    };
    if u.password().is_some() {
        let _ = u.set_password(Some("REDACTED"));
    }
    // `https://KEY:@host/` (a key as the Basic user, as Stripe accepts) is a credential too.
    if !u.username().is_empty() {
        let _ = u.set_username("REDACTED");
    }
    // The destination's documented query names hold keys whatever they are called (`appid=`).
    let documented = |h: Option<&str>| h.and_then(providers::for_host).map_or(&[][..], |(p, _)| p.facts.query_keys);
    if let Some(q) = u.query().and_then(|q| redact_query(q, documented(u.host_str()))) {
        u.set_query(Some(&q));
    }
    // `;jsessionid=…` written into the path (Java servlets when cookies are off).
    if u.path().contains(';') {
        let whole = u.as_str();
        let cut = whole.find(['?', '#']).unwrap_or(whole.len());
        let (before, after) = whole.split_at(cut);
        let path: Vec<String> = before
            .split('/')
            .map(|seg| {
                let mut parts = seg.split(';');
                let head = parts.next().unwrap_or("").to_string();
                parts.fold(head, |acc, p| match p.split_once('=') {
                    Some((k, v)) if !v.is_empty() && credential_name(k) => format!("{acc};{k}={}", Redacted::new(v)),
                    _ => format!("{acc};{p}"),
                })
            })
            .collect();
        return clip(&format!("{}{after}", path.join("/")), 2048);
    }
    clip(u.as_str(), 2048)
}

/// The query with credential values redacted, or `None` when it holds none.
fn redact_query(query: &str, documented: &[&str]) -> Option<String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    // Session ids (`sid=`, `PHPSESSID=`) and other credential-named parameters are redacted
    // in what is shown, though they are not all reported as findings.
    // A publishable key (`client_key=SB-Mid-client-…`) is made to be seen: shown as it is.
    let hide = |k: &str, v: &str| {
        query_is_sensitive(k, v)
            || (!v.is_empty() && documented.iter().any(|d| d.eq_ignore_ascii_case(k)))
            || (!v.is_empty() && credential_name(k) && !providers::classify(v, None).is_some_and(|m| m.rule.kind == KeyKind::Publishable))
    };
    if !pairs.iter().any(|(k, v)| hide(k, v)) {
        return None;
    }
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in &pairs {
        if hide(k, v) {
            q.append_pair(k, Redacted::new(v).as_str());
        } else {
            q.append_pair(k, v);
        }
    }
    Some(q.finish())
}

/// True when a query parameter holds a credential: by its name, or a key- or JWT-shaped value.
pub fn query_is_sensitive(k: &str, v: &str) -> bool {
    !v.is_empty()
        && (credential_param(k)
            || secret_value(v)
            // `?app_secret=…`: the secret scanner reports it; the URL must not show it either.
            || secret_name(k))
}

/// A request path fit for evidence: clipped, with any segment that looks like a credential (a
/// known key format or a JWT) redacted — some APIs put tokens in the path.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn path(path: &str) -> String {
    let shown: Vec<String> = path
        .split('/')
        .take(32)
        .map(|seg| {
            if secret_word(seg) || seg.len() >= 40 {
                credential(seg)
            } else {
                seg.to_string()
            }
        })
        .collect();
    clip(&shown.join("/"), 128)
}

/// The endpoint of a path with ids collapsed: `/v2/order-1001/status` → `/v2/{id}/status`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn endpoint(path: &str) -> String {
    let segs: Vec<String> = path
        .split('/')
        .take(32)
        .map(|s| if looks_like_id(s) { "{id}".to_string() } else { clip(s, 64) })
        .collect();
    let t = segs.join("/");
    if t.is_empty() { "/".into() } else { t }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
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

    #[test]
    fn url_redaction() {
        let r = url("https://x.test/a?access_token=abcdefghijklmnopqrstuvwxyz123456&page=2");
        assert!(!r.contains("abcdefghijklmnop"), "{r}");
        assert!(r.contains("page=2"));
        let r = url("https://user:hunter2secret@x.test/");
        assert!(!r.contains("hunter2secret"), "{r}");
    }

    #[test]
    fn paths() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2ln";
        let p = path(&format!("/v1/tokens/{jwt}/info"));
        assert!(!p.contains(jwt) && p.starts_with("/v1/tokens/JWT…[redacted") && p.ends_with("/info"), "{p}");
        // An opaque 40+ character segment is redacted whatever its shape; ids stay.
        let p = path("/users/42/reset/0123456789abcdefghij0123456789abcdefghijXY");
        assert_eq!(p, "/users/42/reset/…[redacted, 42 chars]");
        assert_eq!(path("/api/orders/ord_12345"), "/api/orders/ord_12345");
    }

    #[test]
    fn sensitive_query_values() {
        assert!(query_is_sensitive("access_token", "abc"));
        assert!(query_is_sensitive("app_secret", "abc"));
        assert!(query_is_sensitive("q", "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2ln"));
        assert!(!query_is_sensitive("page", "2"));
        assert!(!query_is_sensitive("access_token", ""));
    }

    #[test]
    fn templates() {
        assert_eq!(endpoint("/v2/order-1001/status"), "/v2/{id}/status");
        assert_eq!(endpoint("/v1/customers/cus_9s6XKzkNRiz8i3"), "/v1/customers/{id}");
        assert_eq!(endpoint("/payments/0b1e7d5c-1a2b-4c3d-8e9f-a1b2c3d4e5f6/refunds"), "/payments/{id}/refunds");
        assert_eq!(endpoint("/snap/v1/transactions"), "/snap/v1/transactions");
    }
}
