//! URLs and paths: what of a request's address may be shown.

use super::{clip, credential, credential_name, credential_param, free_text, secret_name, secret_value, secret_word, Redacted};
use crate::parse::url::Url;
use crate::providers::{self, KeyKind};

/// Redact credentials in a URL: the userinfo, credential-like query values, the parameters of
/// its fragment (`#access_token=…`, `#/callback?code=…`), path segments that hold a token
/// (`/verify-email/<JWT>`, `/reset-password/<token>`), and the secret part of a URL that is a
/// key itself (a Slack or Discord webhook).
pub fn url(raw: &str) -> String {
    let base = raw.split(['?', '#']).next().unwrap_or(raw);
    if base.len() > 16 && secret_value(base) {
        return clip(&credential(base), 2048);
    }
    let Ok(mut u) = Url::parse(raw) else {
        // Not an absolute URL (a hand-edited HAR, a relative path, a Location header): redact
        // its path, query and fragment, and any key-shaped word, rather than show it as it is.
        let (rest, frag) = raw.split_once('#').map_or((raw, None), |(a, b)| (a, Some(b)));
        let (path_part, query) = rest.split_once('?').map_or((rest, None), |(a, b)| (a, Some(b)));
        let mut shown = redact_path(path_part).unwrap_or_else(|| path_part.to_string());
        if let Some(q) = query {
            shown.push('?');
            shown.push_str(&redact_query(q, &[]).unwrap_or_else(|| q.to_string()));
        }
        if let Some(f) = frag {
            shown.push('#');
            shown.push_str(&redact_fragment(f).unwrap_or_else(|| f.to_string()));
        }
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
    // The path and the fragment, rebuilt around the (already redacted) authority and query.
    let whole = u.as_str().to_string();
    // The serialisation ends with path, `?query`, `#fragment`: the path's place counted from the end.
    let tail = u.query().map_or(0, |q| q.len() + 1) + u.fragment().map_or(0, |f| f.len() + 1);
    let path_span = whole.len().checked_sub(tail).and_then(|pe| Some((pe.checked_sub(u.path().len())?, pe))).filter(|(ps, pe)| whole.get(*ps..*pe) == Some(u.path()));
    let mut shown = whole.clone();
    if let Some((ps, pe)) = path_span {
        let new_path = redact_path(&whole[ps..pe]);
        let new_frag = u.fragment().and_then(redact_fragment);
        if new_path.is_some() || new_frag.is_some() {
            let mut out = whole[..ps].to_string();
            out.push_str(new_path.as_deref().unwrap_or(&whole[ps..pe]));
            if let Some(q) = u.query() {
                out.push('?');
                out.push_str(q);
            }
            if let Some(f) = new_frag.as_deref().or(u.fragment()) {
                out.push('#');
                out.push_str(f);
            }
            shown = out;
        }
    }
    // `;jsessionid=…` written into the path (Java servlets when cookies are off).
    if shown.contains(';') {
        let cut = shown.find(['?', '#']).unwrap_or(shown.len());
        let (before, after) = shown.split_at(cut);
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
    clip(&shown, 2048)
}

/// Words of a path segment that announce a token in the next one (`/reset-password/<token>`,
/// `/invite/<token>`, `/magic-link/<token>`), normalised like field names.
const TOKEN_PATH_WORDS: &[&str] = &[
    "reset", "verify", "verification", "confirm", "invite", "invitation", "magic", "token", "activate", "activation",
    "unsubscribe", "signin", "login", "auth", "callback", "session", "share", "secret", "password", "otp", "accept",
    "claim", "recover", "download", "link", "key",
];

/// True when a path segment holds a credential: a key or a JWT; a long random-looking word
/// (upper and lower case and digits, 32 characters or more); or, after a segment that names a
/// token, any opaque word of 20 characters or more (hex and UUIDs included).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn secret_segment(prev: &str, seg: &str) -> bool {
    if seg.len() < 16 {
        return false;
    }
    if secret_word(seg) {
        return true;
    }
    let plain = seg.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_~%=".contains(&b));
    if !plain || !seg.bytes().any(|b| b.is_ascii_digit()) {
        return false;
    }
    let named = {
        let p = super::normalise_name(prev);
        TOKEN_PATH_WORDS.iter().any(|w| p.contains(w))
    };
    random_token(seg) || named && seg.len() >= 20
}

/// The path with its credential segments redacted, or `None` when it holds none.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_path(path: &str) -> Option<String> {
    let segs: Vec<&str> = path.split('/').collect();
    let hide: Vec<bool> = segs.iter().enumerate().map(|(i, s)| secret_segment(if i > 0 { segs[i - 1] } else { "" }, s)).collect();
    if !hide.contains(&true) {
        return None;
    }
    Some(segs.iter().zip(&hide).map(|(s, h)| if *h { credential(s) } else { (*s).to_string() }).collect::<Vec<_>>().join("/"))
}

/// A fragment with its parameters redacted (`access_token=…&state=…`, or a single-page app's
/// route `/callback?code=…`), or `None` when it holds none.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_fragment(frag: &str) -> Option<String> {
    if let Some((route, q)) = frag.split_once('?') {
        return redact_query(q, &[]).map(|q| format!("{route}?{q}"));
    }
    if frag.contains('=') {
        return redact_query(frag, &[]);
    }
    secret_value(frag).then(|| credential(frag))
}

/// The query with credential values redacted, or `None` when it holds none.
fn redact_query(query: &str, documented: &[&str]) -> Option<String> {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes()).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    // Session ids (`sid=`, `PHPSESSID=`) and other credential-named parameters are redacted
    // in what is shown, though they are not all reported as findings.
    // A publishable key (`client_key=SB-Mid-client-…`) is made to be seen: shown as it is.
    // OAuth's `code` beside `state` or `redirect_uri` (an authorization response or exchange).
    let code_exchange = super::code_is_credential(pairs.iter().map(|(k, _)| k.as_str()));
    let hide = |k: &str, v: &str| {
        query_is_sensitive(k, v)
            || (code_exchange && !v.is_empty() && k == "code")
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
            // An opaque random value of 32 characters or more (`?k=…`): a token by its look.
            || random_token(v) && !providers::classify(v, None).is_some_and(|m| m.rule.kind == KeyKind::Publishable)
            // `?app_secret=…`: the secret scanner reports it; the URL must not show it either.
            || secret_name(k))
}

/// True for a value that looks like a generated token: 32 characters or more of letters in both
/// cases and digits (and `-_~.`), with no `.` run that makes it a host or file name.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn random_token(v: &str) -> bool {
    v.len() >= 32
        && v.bytes().all(|b| b.is_ascii_alphanumeric() || b"-_~".contains(&b))
        && v.bytes().any(|b| b.is_ascii_uppercase())
        && v.bytes().any(|b| b.is_ascii_lowercase())
        && v.bytes().filter(u8::is_ascii_digit).count() >= 2
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
    let raw: Vec<&str> = path.split('/').take(32).collect();
    let segs: Vec<String> = raw
        .iter()
        .enumerate()
        .map(|(i, s)| if looks_like_id(s) || secret_segment(if i > 0 { raw[i - 1] } else { "" }, s) { "{id}".to_string() } else { clip(s, 64) })
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
    fn tokens_in_paths_fragments_and_webhook_urls() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2ln";
        let r = url(&format!("https://app.example.test/auth/verify-email/{jwt}?lang=en"));
        assert!(!r.contains("c2lnbmF0dXJl") && r.contains("/auth/verify-email/JWT") && r.ends_with("?lang=en"), "{r}");
        let r = url("https://app.example.test/reset-password/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b");
        assert!(!r.contains("9f86d081884c7d659a2f"), "{r}");
        let r = url("https://app.example.test/invite/aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3z");
        assert!(!r.contains("aB3dE5fG7hJ9kL1m"), "{r}");
        // Fragments: an implicit-flow answer and a single-page app's route.
        let r = url("https://app.example.test/callback#access_token=uoiAuQvr9LkXw2ZtYp7Qm3&token_type=Bearer&state=xyz");
        assert!(!r.contains("uoiAuQvr9L") && r.contains("token_type=Bearer"), "{r}");
        let r = url("https://app.example.test/#/auth/callback?code=7PDB3OqLm2Xz9&state=abc");
        assert!(!r.contains("7PDB3OqLm2Xz9") && r.contains("#/auth/callback?"), "{r}");
        let r = url("/login/verify?token=6Q0nrhZk1Lm9Xq2Wv8#done");
        assert!(!r.contains("6Q0nrhZk1Lm9Xq2Wv8") && r.starts_with("/login/verify?token="), "{r}");
        // OAuth's code beside state; a `code` elsewhere is not a credential.
        let r = url("https://app.example.test/callback?code=tAaJdsnnv3Kq8Zx1&state=s1");
        assert!(!r.contains("tAaJdsnnv3Kq8Zx1"), "{r}");
        assert!(url("https://shop.example.test/promo?code=SUMMER2026").contains("SUMMER2026"));
        // A webhook URL is a key itself.
        let hook = "https://hooks.slack.com/services/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";
        assert!(!url(hook).contains("aB3dE5fG7hJ9kL1m"), "{}", url(hook));
        // Odd URLs the fuzzer found (a scheme-like word before another URL) do not panic.
        for odd in ["\0ttps:http://api./e", "hpsttps:-Control-Rewq9:30:0\u{fffd}\u{fffd}//api.exampttpsttps://api.example.test/x"] {
            let _ = url(odd);
        }
        // Ids, asset hashes and ordinary words stay.
        for keep in ["https://api.example.test/v1/orders/ord_12345/items", "https://cdn.example.test/static/js/main.8f3a2b1c9d4e5f60.js", "https://api.example.test/users/3f2b6c1e-8d4a-4b7e-9c21-5a6f0e9d7b13", "https://github.com/o/r/commit/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b"] {
            assert_eq!(url(keep), keep);
        }
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
        assert!(query_is_sensitive("k", "WXIBWdyqPQ7nLm2Zx8Rt5Kv3Hj9Bc4Df6Gs1Ap0Q"));
        assert!(!query_is_sensitive("q", "how to send a bearer token from fetch"));
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
