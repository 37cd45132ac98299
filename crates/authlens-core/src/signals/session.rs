//! Reading the session: what earlier exchanges tell about the current one.
//!
//! Causes that reason over history (redirects, cookies, token responses, preflights) share these
//! helpers. The per-response parts (tokens a response handed out, cookies it set) are digested
//! once in [`Exchange::new`](crate::exchange::Exchange::new), so a cause that looks back over
//! hundreds of exchanges never re-parses a body. Every look-back is bounded by [`LOOKBACK`].

use serde_json::Value;

use crate::exchange::Exchange;
use crate::har::NameValue;
use crate::parse::jwt::{self, Jwt};
use crate::parse::url::Url;

/// How many earlier exchanges a cause may look at.
pub const LOOKBACK: usize = 500;

/// The earlier exchanges a cause may look at, oldest first (at most [`LOOKBACK`]).
pub fn recent(before: &[Exchange]) -> &[Exchange] {
    &before[before.len().saturating_sub(LOOKBACK)..]
}

/// Seconds since the epoch at which the request started, when recorded.
pub fn at(ex: &Exchange) -> Option<f64> {
    ex.started.map(|t| t.unix_timestamp() as f64 + f64::from(t.millisecond()) / 1000.0)
}

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
    /// Its claims, when it is a JWT.
    pub jwt: Option<Jwt>,
}

/// Tokens in a successful JSON response body. Cheap when the body holds none.
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

fn collect_tokens(o: &serde_json::Map<String, Value>, out: &mut Vec<IssuedToken>) {
    let expires_in = ["expires_in", "expiresIn"].iter().find_map(|k| match o.get(*k) {
        Some(Value::Number(n)) => n.as_f64(),
        Some(Value::String(s)) => crate::parse::number(s),
        _ => None,
    });
    for f in TOKEN_FIELDS {
        let Some(Value::String(v)) = o.get(*f) else { continue };
        let v = v.trim();
        if v.len() < 16 || v.len() > crate::limits::MAX_HEADER_VALUE || v.contains(char::is_whitespace) {
            continue;
        }
        out.push(IssuedToken { field: (*f).to_string(), value: v.to_string(), expires_in: expires_in.filter(|e| e.is_finite() && *e > 0.0), jwt: jwt::decode(v) });
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

/// Cookie names that say nothing about a login: analytics, bot protection, CSRF.
const NOT_SESSION: &[&str] = &["_ga", "_gid", "_gcl", "_fbp", "_hj", "ajs_", "amplitude", "optimizely", "__cf", "cf_", "_cfuvid", "__stripe", "csrf", "xsrf", "consent", "locale", "lang", "theme", "_pk_"];
/// Fragments of cookie names that hold a login session.
const SESSION_MARKS: &[&str] = &["sess", "sid", "auth", "token", "jwt", "login", "remember", "identity"];

impl SetCookie {
    /// True when the cookie probably carries a login session.
    pub fn is_session(&self) -> bool {
        let n = self.name.to_ascii_lowercase();
        if self.removed || NOT_SESSION.iter().any(|m| n.starts_with(m) || n.contains(m)) {
            return false;
        }
        self.http_only || SESSION_MARKS.iter().any(|m| n.contains(m))
    }

    /// True when a browser would attach the cookie to a request for `host` and `path`, judging by
    /// `Domain` and `Path` only (`setter_host` is the host that set it).
    pub fn domain_matches(&self, setter_host: &str, host: &str) -> bool {
        match &self.domain {
            Some(d) => host == d || host.strip_suffix(d.as_str()).is_some_and(|r| r.ends_with('.')),
            None => host == setter_host,
        }
    }

    /// True when the `Path` attribute covers `path`.
    pub fn path_matches(&self, path: &str) -> bool {
        match &self.path {
            Some(p) => path == p || (path.starts_with(p.as_str()) && (p.ends_with('/') || path[p.len()..].starts_with('/'))),
            None => true,
        }
    }
}

/// Names of the cookies a request sent.
pub fn sent_cookie_names(ex: &Exchange) -> Vec<String> {
    ex.req_headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("cookie"))
        .flat_map(|h| h.value.split(';'))
        .filter_map(|p| p.split_once('=').map(|(n, _)| n.trim().to_string()))
        .take(128)
        .collect()
}

/// Second-level labels under which registrable names sit one level deeper (`example.co.uk`).
const SECOND_LEVEL: &[&str] = &["co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go", "web"];

/// The registrable domain ("site") of a host, approximately: the last two labels, or three under
/// a known second-level label of a two-letter country (`shop.example.co.id` → `example.co.id`).
pub fn site(host: &str) -> String {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    if host.parse::<std::net::IpAddr>().is_ok() || host.starts_with('[') {
        return host;
    }
    let labels: Vec<&str> = host.rsplit('.').take(3).collect();
    let keep = if labels.len() >= 3 && labels[0].len() == 2 && SECOND_LEVEL.contains(&labels[1]) { 3 } else { 2 };
    let mut l: Vec<&str> = labels.into_iter().take(keep).collect();
    l.reverse();
    l.join(".")
}

/// A request path fit for evidence: clipped, with any segment that looks like a credential (a
/// known key format or a JWT) redacted — some APIs put tokens in the path.
pub fn shown_path(path: &str) -> String {
    let shown: Vec<String> = path
        .split('/')
        .take(32)
        .map(|seg| {
            if seg.len() >= 16 && (crate::providers::classify(seg, None).is_some() || jwt::looks_like_jwt(seg) || seg.len() >= 40) {
                crate::redact::Redacted::new(seg).to_string()
            } else {
                seg.to_string()
            }
        })
        .collect();
    crate::redact::clip(&shown.join("/"), 128)
}

/// A value quoted from a server's message, unless it looks like a credential.
pub fn quotable(v: &str) -> Option<String> {
    let v = v.trim();
    if v.is_empty() || crate::providers::classify(v, None).is_some() || jwt::looks_like_jwt(v) {
        return None;
    }
    Some(crate::redact::escape(&crate::redact::clip(v, 128)))
}

/// The origin (`https://api.example.com`) of a URL.
pub fn origin_of(u: &Url) -> String {
    u.origin()
}

/// The origin of the page that sent the request: `Origin`, else the `Referer`'s origin.
pub fn page_origin(ex: &Exchange) -> Option<Url> {
    let from_origin = ex.req_header("origin").filter(|o| !o.trim().is_empty() && o.trim() != "null").and_then(|o| Url::parse(o.trim()).ok());
    from_origin.or_else(|| ex.req_header("referer").and_then(|r| Url::parse(r.trim()).ok()))
}

/// Where a redirect response sends the client, resolved against the request URL.
pub fn redirect_target(ex: &Exchange) -> Option<Url> {
    if !(300..400).contains(&ex.http_status) {
        return None;
    }
    let loc = if ex.redirect_url.trim().is_empty() { ex.resp_header("location")? } else { ex.redirect_url.as_str() };
    match &ex.parsed {
        Some(base) => base.join(loc.trim()).ok(),
        None => Url::parse(loc.trim()).ok(),
    }
}

/// True when two URLs name the same resource (fragment ignored).
pub fn same_resource(a: &Url, b: &Url) -> bool {
    let (mut a, mut b) = (a.clone(), b.clone());
    a.set_fragment(None);
    b.set_fragment(None);
    a == b
}

/// How a CORS preflight stopped the request it was made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PreflightProblem {
    /// The preflight was answered with this status (401 or 403) instead of 2xx.
    Status(i64),
    /// The preflight asked for `Authorization` and the answer's `Access-Control-Allow-Headers`
    /// does not name it (`wildcard`: it says `*`, which does not cover `Authorization`).
    AuthorizationNotAllowed {
        /// The answer allowed `*`.
        wildcard: bool,
    },
}

/// What is wrong with a preflight, as far as authentication goes.
pub fn preflight_problem(pf: &Exchange) -> Option<PreflightProblem> {
    if !pf.is_preflight() {
        return None;
    }
    if pf.http_status == 401 || pf.http_status == 403 {
        return Some(PreflightProblem::Status(pf.http_status));
    }
    if !(200..300).contains(&pf.http_status) {
        return None;
    }
    let asked = pf.req_header("access-control-request-headers").unwrap_or("");
    if !asked.split(',').any(|h| h.trim().eq_ignore_ascii_case("authorization")) {
        return None;
    }
    let allowed: Vec<String> = pf
        .resp_headers
        .iter()
        .filter(|h| h.name.eq_ignore_ascii_case("access-control-allow-headers"))
        .flat_map(|h| h.value.split(','))
        .map(|v| v.trim().to_ascii_lowercase())
        .take(256)
        .collect();
    if allowed.iter().any(|h| h == "authorization") {
        return None;
    }
    Some(PreflightProblem::AuthorizationNotAllowed { wildcard: allowed.iter().any(|h| h == "*") })
}

/// The preflight made for this request: the latest OPTIONS preflight for the same URL (and the
/// method it announced), among the last few exchanges and within 30 s.
pub fn preflight_for<'a>(ex: &Exchange, before: &'a [Exchange]) -> Option<&'a Exchange> {
    let target = ex.parsed.as_ref()?;
    let t = at(ex);
    before.iter().rev().take(20).find(|p| {
        p.is_preflight()
            && p.parsed.as_ref().is_some_and(|u| same_resource(u, target))
            && p.req_header("access-control-request-method").is_none_or(|m| m.trim().eq_ignore_ascii_case(&ex.method))
            && match (t, at(p)) {
                (Some(a), Some(b)) => (a - b).abs() <= 30.0,
                _ => true,
            }
    })
}

/// True when the request got no response at all (status 0; Chromium adds `_error`).
pub fn got_no_response(ex: &Exchange) -> bool {
    ex.http_status == 0
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn sites() {
        assert_eq!(site("api.example.com"), "example.com");
        assert_eq!(site("shop.example.co.id"), "example.co.id");
        assert_eq!(site("127.0.0.1"), "127.0.0.1");
        assert_eq!(site("localhost"), "localhost");
        assert_eq!(site(""), "");
    }
}
