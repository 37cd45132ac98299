//! Reading the session: what earlier exchanges tell about the current one.
//!
//! Causes that reason over history (redirects, cookies, token responses, preflights) share these
//! helpers. The per-response parts (tokens a response handed out, cookies it set) are digested
//! once in [`Exchange::new`](crate::exchange::Exchange::new) ([`crate::exchange::response`]), so a
//! cause that looks back over hundreds of exchanges never re-parses a body. Every look-back is bounded by [`LOOKBACK`].

use crate::exchange::Exchange;
pub use crate::exchange::response::{IssuedToken, SetCookie};
use crate::parse::url::Url;

/// How many earlier exchanges a cause may look at.
pub const LOOKBACK: usize = 500;

/// The earlier exchanges a cause may look at, oldest first (at most [`LOOKBACK`]).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn recent(before: &[Exchange]) -> &[Exchange] {
    &before[before.len().saturating_sub(LOOKBACK)..]
}

/// Seconds since the epoch at which the request started, when recorded.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn at(ex: &Exchange) -> Option<f64> {
    ex.started.map(|t| t.unix_timestamp() as f64 + f64::from(t.millisecond()) / 1000.0)
}

/// `", 40 ms earlier"` / `", 2h 30m earlier"`: how long before `ex` the earlier exchange `b`
/// started, as evidence words; empty when either time is unknown or out of order.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn earlier(ex: &Exchange, b: &Exchange) -> String {
    match (at(ex), at(b)) {
        (Some(n), Some(t)) if n >= t && n - t < 1.0 => format!(", {} ms earlier", ((n - t) * 1000.0).round()),
        (Some(n), Some(t)) if n >= t => format!(", {} earlier", crate::exchange::fmt_duration(n - t)),
        _ => String::new(),
    }
}

/// Names of the cookies a request sent.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn sent_cookie_names(ex: &Exchange) -> Vec<String> {
    ex.sent_cookies().map(|(n, _)| n.to_string()).collect()
}

/// Second-level labels under which registrable names sit one level deeper (`example.co.uk`).
const SECOND_LEVEL: &[&str] = &["co", "com", "net", "org", "ac", "gov", "edu", "or", "ne", "go", "web"];

/// The registrable domain ("site") of a host, approximately: the last two labels, or three under
/// a known second-level label of a two-letter country (`shop.example.co.id` → `example.co.id`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
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

/// The origin (`https://api.example.com`) of a URL.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn origin_of(u: &Url) -> String {
    u.origin()
}

/// The origin of the page that sent the request: `Origin`, else the `Referer`'s origin.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn page_origin(ex: &Exchange) -> Option<Url> {
    let from_origin = ex.req_header("origin").filter(|o| !o.trim().is_empty() && o.trim() != "null").and_then(|o| Url::parse(o.trim()).ok());
    from_origin.or_else(|| ex.req_header("referer").and_then(|r| Url::parse(r.trim()).ok()))
}

/// Where a redirect response sends the client, resolved against the request URL.
#[cfg_attr(authlens_wasm_size, optimize(size))]
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
#[cfg_attr(authlens_wasm_size, optimize(size))]
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
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn preflight_problem(pf: &Exchange) -> Option<PreflightProblem> {
    if !pf.is_preflight() {
        return None;
    }
    // 401/403, or a 400 the exchange reads as refusing Authorization (Starlette's "Disallowed
    // CORS headers").
    if pf.http_status == 401 || pf.http_status == 403 || pf.http_status == 400 && pf.status == 403 {
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
#[cfg_attr(authlens_wasm_size, optimize(size))]
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
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn got_no_response(ex: &Exchange) -> bool {
    ex.http_status == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sites() {
        assert_eq!(site("api.example.com"), "example.com");
        assert_eq!(site("shop.example.co.id"), "example.co.id");
        assert_eq!(site("127.0.0.1"), "127.0.0.1");
        assert_eq!(site("localhost"), "localhost");
        assert_eq!(site(""), "");
    }
}
