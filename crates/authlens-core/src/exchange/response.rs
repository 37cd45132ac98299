//! What one response hands out, digested once when its exchange is built: the tokens in a
//! login or token-endpoint answer, and the cookies it sets. Causes that look back over the session
//! read these instead of re-parsing bodies.

use serde_json::Value;

use crate::har::NameValue;
use crate::parse::jwt::{self, Jwt};

/// Response fields that hand out a bearer token.
const TOKEN_FIELDS: &[&str] = &["access_token", "accessToken", "token", "jwt", "id_token", "idToken", "auth_token", "authToken", "bearer_token"];
/// Objects a token may sit in (`{"data":{"token":…}}`).
const TOKEN_CONTAINERS: &[&str] = &["data", "session", "result", "tokens", "auth", "user"];

/// A token a response handed out (login, refresh, OAuth token endpoint).
#[derive(Debug, Clone)]
pub struct IssuedToken {
    /// The JSON field it came in (`access_token`).
    pub field: String,
    pub(crate) value: String,
    /// `expires_in`, in seconds, when the response gave it.
    pub expires_in: Option<f64>,
    /// An absolute expiry the response gave beside it (django-rest-knox's `expiry`, `expires_at`,
    /// `expiresAt`: an RFC 3339 time or Unix seconds), as Unix seconds.
    pub expires_at: Option<f64>,
    /// Its claims, when it is a JWT.
    pub jwt: Option<Jwt>,
}

/// Tokens in a successful JSON response body. Cheap when the body holds none.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn issued_tokens(status: i64, body: &str) -> Vec<IssuedToken> {
    let body = body.trim_start();
    if !(200..300).contains(&status) || !body.starts_with('{') {
        return Vec::new();
    }
    let b = body.as_bytes();
    if memchr::memmem::find(b, b"oken").is_none() && memchr::memmem::find(b, b"jwt").is_none() {
        return Vec::new();
    }
    let Ok(Value::Object(o)) = serde_json::from_str::<Value>(body) else { return Vec::new() };
    let mut out = Vec::new();
    collect_tokens(&o, &mut out);
    for c in TOKEN_CONTAINERS {
        if let Some(Value::Object(inner)) = o.get(*c) {
            collect_tokens(inner, &mut out);
        }
    }
    out.truncate(8);
    out
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn collect_tokens(o: &serde_json::Map<String, Value>, out: &mut Vec<IssuedToken>) {
    let expires_in = ["expires_in", "expiresIn"].iter().find_map(|k| match o.get(*k) {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => crate::parse::number(s),
        _ => None,
    });
    let expires_at = ["expiry", "expires_at", "expiresAt", "expires"].iter().find_map(|k| match o.get(*k) {
        Some(Value::Number(n)) => n.as_f64().map(|x| if x > 1.0e11 { x / 1000.0 } else { x }),
        Some(Value::String(s)) => crate::parse::date::rfc3339(s).map(|t| t.unix_timestamp() as f64).or_else(|| crate::parse::number(s)),
        _ => None,
    }).filter(|t| *t > 1.0e9);
    for f in TOKEN_FIELDS {
        let Some(Value::String(v)) = o.get(*f) else { continue };
        let v = v.trim();
        if v.len() < 16 || v.len() > crate::limits::MAX_HEADER_VALUE || v.contains(char::is_whitespace) {
            continue;
        }
        out.push(IssuedToken { field: (*f).to_string(), value: v.to_string(), expires_in: expires_in.filter(|e| e.is_finite() && *e > 0.0), expires_at, jwt: jwt::decode(v) });
    }
}

/// A cookie a response set.
#[derive(Debug, Clone)]
pub struct SetCookie {
    /// Cookie name.
    pub name: String,
    /// `Domain` attribute, lowercase without a leading dot.
    pub domain: Option<String>,
    /// `Path` attribute.
    pub path: Option<String>,
    /// `SameSite` attribute, lowercase (`lax`, `strict`, `none`).
    pub same_site: Option<String>,
    /// `Secure`.
    pub secure: bool,
    /// `HttpOnly`.
    pub http_only: bool,
    /// True when the header deletes the cookie (empty value, `Max-Age=0`, an expiry in the past).
    pub removed: bool,
}

/// The cookies set by these response headers (one per `Set-Cookie`, or per line when a HAR joined
/// several with newlines, as Firefox does).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn set_cookies(headers: &[NameValue]) -> Vec<SetCookie> {
    let mut out = Vec::new();
    for h in headers.iter().filter(|h| h.name.eq_ignore_ascii_case("set-cookie")) {
        for line in h.value.split('\n').take(32) {
            if out.len() >= 32 {
                return out;
            }
            if let Some(c) = parse_set_cookie(line) {
                out.push(c);
            }
        }
    }
    out
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn parse_set_cookie(line: &str) -> Option<SetCookie> {
    let mut parts = line.split(';');
    let (name, value) = parts.next()?.split_once('=')?;
    let name = name.trim();
    if name.is_empty() {
        return None;
    }
    let value = value.trim().trim_matches('"');
    let mut c = SetCookie { name: crate::redact::clip(name, 64), domain: None, path: None, same_site: None, secure: false, http_only: false, removed: value.is_empty() || value.eq_ignore_ascii_case("deleted") };
    for attr in parts.take(16) {
        let (k, v) = attr.split_once('=').map_or((attr.trim(), ""), |(k, v)| (k.trim(), v.trim()));
        match k.to_ascii_lowercase().as_str() {
            "domain" if !v.is_empty() => c.domain = Some(v.trim_start_matches('.').to_ascii_lowercase()),
            "path" if v.starts_with('/') => c.path = Some(v.to_string()),
            "samesite" => c.same_site = Some(v.to_ascii_lowercase()),
            "secure" => c.secure = true,
            "httponly" => c.http_only = true,
            "max-age" => c.removed |= v.parse::<i64>().is_ok_and(|n| n <= 0),
            "expires" => c.removed |= v.contains("1970") || v.contains("1969"),
            _ => {}
        }
    }
    Some(c)
}

/// Cookie names that say nothing about a login: analytics, bot protection, CSRF. A provider's own
/// such cookies are its `non_session_cookies`.
const NOT_SESSION: &[&str] = &["_ga", "_gid", "_gcl", "_fbp", "_hj", "ajs_", "amplitude", "optimizely", "__cf", "cf_", "_cfuvid", "csrf", "xsrf", "consent", "locale", "lang", "theme", "_pk_",
    // An OAuth library's bookkeeping beside the session (Auth.js `next-auth.callback-url`,
    // `authjs.pkce.code_verifier`, `…nonce`): present before any login.
    "callback-url", "callback_url", "pkce", "nonce"];
/// Fragments of cookie names that hold a login session.
const SESSION_MARKS: &[&str] = &["sess", "sid", "auth", "token", "jwt", "login", "remember", "identity", ".aspnetcore.cookies"];

/// Whether a cookie's name tells about a login session: `Some(false)` for analytics, bot
/// protection, CSRF and a provider's own non-session cookies, `Some(true)` for names that hold one
/// (`connect.sid`, `JSESSIONID`, `laravel_session`, `.AspNetCore.Identity.Application`), `None`
/// when the name says neither.
pub fn session_cookie_name(name: &str) -> Option<bool> {
    let n = name.to_ascii_lowercase();
    let provider_cookie = || crate::providers::ALL.iter().any(|p| p.facts.non_session_cookies.iter().any(|m| n.contains(m)));
    if NOT_SESSION.iter().any(|m| n.contains(m)) || provider_cookie() {
        return Some(false);
    }
    SESSION_MARKS.iter().any(|m| n.contains(m)).then_some(true)
}

impl SetCookie {
    /// True when the cookie probably carries a login session.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn is_session(&self) -> bool {
        !self.removed && session_cookie_name(&self.name).unwrap_or(self.http_only)
    }

    /// True when a browser would attach the cookie to a request for `host` and `path`, judging by
    /// `Domain` and `Path` only (`setter_host` is the host that set it).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn domain_matches(&self, setter_host: &str, host: &str) -> bool {
        match &self.domain {
            Some(d) => host == d || host.strip_suffix(d.as_str()).is_some_and(|r| r.ends_with('.')),
            None => host == setter_host,
        }
    }

    /// True when the `Path` attribute covers `path`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn path_matches(&self, path: &str) -> bool {
        match &self.path {
            Some(p) => path == p || (path.starts_with(p.as_str()) && (p.ends_with('/') || path[p.len()..].starts_with('/'))),
            None => true,
        }
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_providers_fraud_cookie_is_not_a_session() {
        let c = |v: &str| parse_set_cookie(v).map(|c| c.is_session());
        assert_eq!(c("__stripe_mid=abc; Path=/; HttpOnly; Secure"), Some(false));
        assert_eq!(c("stripe_session=abc; Path=/; HttpOnly; Secure"), Some(true));
    }

    #[test]
    fn an_oauth_librarys_bookkeeping_is_not_a_session() {
        // Auth.js (NextAuth) sets these before any login; its session is `next-auth.session-token`.
        for n in ["next-auth.callback-url", "__Secure-next-auth.callback-url", "authjs.pkce.code_verifier", "next-auth.csrf-token", "oidc_nonce"] {
            assert_eq!(session_cookie_name(n), Some(false), "{n}");
        }
        assert_eq!(session_cookie_name("next-auth.session-token"), Some(true));
    }

    #[test]
    fn tokens_in_bodies() {
        let t = issued_tokens(200, r#"{"access_token":"A21AAabcdefghijklmnop","token_type":"Bearer","expires_in":32398}"#);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].expires_in, Some(32398.0));
        assert_eq!(issued_tokens(200, r#"{"data":{"token":"abcdefghijklmnopqrstu"}}"#).len(), 1);
        assert!(issued_tokens(401, r#"{"access_token":"A21AAabcdefghijklmnop"}"#).is_empty());
        assert!(issued_tokens(200, r#"{"token":"short"}"#).is_empty());
        assert!(issued_tokens(200, "not json token").is_empty());
    }

    #[test]
    fn cookies() {
        let h = vec![NameValue { name: "Set-Cookie".into(), value: "sid=abc; Path=/; HttpOnly; Secure; SameSite=Lax\n_ga=GA1; Path=/".into() }];
        let c = set_cookies(&h);
        assert_eq!(c.len(), 2);
        assert!(c[0].is_session());
        assert!(!c[1].is_session());
        assert_eq!(c[0].same_site.as_deref(), Some("lax"));
        let gone = set_cookies(&[NameValue { name: "set-cookie".into(), value: "sid=; Max-Age=0".into() }]);
        assert!(gone[0].removed && !gone[0].is_session());
        let d = parse_set_cookie("s=1; Domain=.example.com; Path=/api").unwrap();
        assert!(d.domain_matches("auth.example.com", "api.example.com"));
        assert!(!d.domain_matches("auth.example.com", "example.org"));
        assert!(d.path_matches("/api/me") && !d.path_matches("/apix") && !d.path_matches("/other"));
        let host_only = parse_set_cookie("s=1").unwrap();
        assert!(!host_only.domain_matches("auth.example.com", "api.example.com"));
    }
}
