use super::{declare_cause, Ctx, Hit};
use crate::exchange::Exchange;
use crate::redact::url as redact_url;
use crate::parse::url::Url;
use crate::signals::session;

declare_cause! {
    /// ## What it means
    /// The request was sent with an `Authorization` header, the server redirected it, and the
    /// follow-up request to the new URL arrived without the header. The server at the end of the
    /// redirect saw no credential and answered `401`.
    ///
    /// ## Why it happens
    /// When a redirect leads to another origin (another host, port, or scheme — `https` to `http`
    /// counts), the Fetch standard removes `Authorization` from the follow-up request, so that a
    /// token cannot leak to a host it was not meant for. Python `requests`, `httpx` and other
    /// clients do the same. Common triggers: an API moved to a regional host, a trailing-slash
    /// redirect (`/items` → `/items/`) whose `Location` says `http://` because the app behind a
    /// TLS proxy does not trust `X-Forwarded-Proto`, or a bare domain redirecting to `www.`.
    ///
    /// ## How to fix
    /// 1. Call the final URL directly: update the base URL or the path (trailing slash included).
    /// 2. If the redirect downgrades to `http://`, make the app trust the proxy's
    ///    `X-Forwarded-Proto` (e.g. `uvicorn --proxy-headers`, Express `trust proxy`).
    /// 3. Turn off automatic slash redirects for API routes (FastAPI `redirect_slashes=False`).
    ///
    /// ## Example
    /// `GET https://api.example.com/v1/items` with `Authorization: Bearer …` → `301 Location:
    /// https://api-eu.example.com/v1/items`; the browser follows without the header → `401`.
    /// Fixed: request `https://api-eu.example.com/v1/items` directly.
    ///
    /// ## Known limits
    /// Browsers adopted the removal at different times (Firefox 111, Safari 16.1; Chromium
    /// later). A same-origin redirect keeps the header in browsers; when it was lost anyway, a
    /// client library or a proxy dropped it, and authlens says so with lower confidence.
    ///
    /// ## References
    /// Fetch standard, HTTP-redirect fetch (removal of CORS non-wildcard request headers).
    pub static CAUSE = {
        id: "authorization_dropped_on_redirect",
        category: Transport,
        since: "0.1.0",
        title: "the Authorization header was dropped when a redirect was followed",
        check: check,
    };
}

/// How far back a redirect may be (exchanges and seconds).
const WITHIN: usize = 50;
const WITHIN_SECS: f64 = 120.0;

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if ex.authorization.is_some() {
        return None;
    }
    let here = ex.parsed.as_ref()?;
    let now = session::at(ex);
    let recent = session::recent(ctx.before);
    let recent = &recent[recent.len().saturating_sub(WITHIN)..];
    // The redirect that led here, then walk the chain back to the first request (at most 10 hops).
    let mut hops: Vec<(&Exchange, Url)> = Vec::new();
    let mut want = here.clone();
    for _ in 0..10 {
        let found = recent.iter().rev().find(|r| {
            !hops.iter().any(|(h, _)| std::ptr::eq(*h, *r))
                && session::redirect_target(r).is_some_and(|t| session::same_resource(&t, &want))
                && match (now, session::at(r)) {
                    (Some(a), Some(b)) => a - b <= WITHIN_SECS && b <= a + 1.0,
                    _ => true,
                }
        });
        let Some(r) = found else { break };
        let Some(target) = session::redirect_target(r) else { break };
        hops.push((r, target));
        match &r.parsed {
            Some(u) => want = u.clone(),
            None => break,
        }
    }
    // The hop where the header was last present, and whether the chain left its origin after it.
    let with_auth = hops.iter().position(|(r, _)| r.authorization.is_some())?;
    let (first, _) = hops[with_auth];
    let first_url = first.parsed.as_ref()?;
    let cross = hops[..=with_auth].iter().find(|(r, t)| r.parsed.as_ref().is_some_and(|u| session::origin_of(u) != session::origin_of(t)));
    let (r, target) = &hops[0];
    let mut evidence = vec![format!(
        "entry #{} ({} {}) carried Authorization and was redirected {} to {}",
        first.index,
        crate::redact::clip(&first.method, 16),
        redact_url(first_url.as_str()),
        r.http_status,
        redact_url(target.as_str())
    )];
    if hops.len() > 1 {
        evidence.push(format!("the redirect chain has {} hops", hops.len()));
    }
    evidence.push("this request, at the end of the redirect, carried no Authorization header".into());
    let downgraded = first_url.scheme() == "https" && target.scheme() == "http";
    let only_slash = first_url.host_str() == target.host_str() && first_url.path().trim_end_matches('/') == target.path().trim_end_matches('/') && first_url.path() != target.path();
    if downgraded {
        evidence.push("the redirect downgrades https to http, which changes the origin".into());
    }
    if only_slash {
        evidence.push("the redirect only adds or removes a trailing slash".into());
    }
    let confidence = if let Some((cr, ct)) = cross {
        let from = cr.parsed.as_ref().map(session::origin_of).unwrap_or_default();
        evidence.push(format!("the redirect goes from origin {} to {}: browsers (Fetch standard) and most HTTP clients remove Authorization when the origin changes", crate::redact::clip(&from, 128), crate::redact::clip(&session::origin_of(ct), 128)));
        0.95
    } else {
        evidence.push("the redirect stays on the same origin, where browsers keep Authorization: a client library or a proxy dropped it".into());
        0.92
    };
    let mut fix = vec![format!("call {} directly instead of relying on the redirect", redact_url(target.as_str()))];
    if downgraded {
        fix.push("make the app trust the proxy's X-Forwarded-Proto so its redirects stay on https (uvicorn --proxy-headers, Express `trust proxy`)".into());
    }
    if only_slash {
        fix.push("use the path exactly as the API routes it (trailing slash included), or disable automatic slash redirects (FastAPI `redirect_slashes=False`)".into());
    }
    if cross.is_some() {
        fix.push("if the redirect must stay, re-attach the credential yourself after checking the new host is yours".into());
    }
    Some(Hit { confidence, evidence, fix })
}

#[cfg(test)]
mod tests {
    use crate::exchange::Exchange;
    use crate::har::{Entry, NameValue, Request, Response};

    fn ex(i: usize, url: &str, auth: bool, status: i64, location: &str) -> Exchange {
        let mut headers = vec![];
        if auth {
            headers.push(NameValue { name: "Authorization".into(), value: "Bearer abcdefghijklmnop123".into() });
        }
        let e = Entry {
            started_date_time: format!("2026-10-14T09:30:0{i}Z"),
            request: Request { method: "GET".into(), url: url.into(), headers, ..Default::default() },
            response: Response { status, redirect_url: location.into(), ..Default::default() },
            ..Default::default()
        };
        Exchange::new(i, &e)
    }

    fn top(last: &Exchange, before: &[Exchange]) -> Option<&'static str> {
        crate::causes::diagnose(last, before).first().map(|(c, _)| c.info.id)
    }

    #[test]
    fn cross_origin_redirect_then_401_without_header() {
        let r = ex(0, "https://api.example.test/v1/items", true, 301, "https://api-eu.example.test/v1/items");
        let last = ex(1, "https://api-eu.example.test/v1/items", false, 401, "");
        assert_eq!(top(&last, &[r]), Some("authorization_dropped_on_redirect"));
    }

    #[test]
    fn slash_redirect_to_http_and_relative_location() {
        let r = ex(0, "https://api.example.test/v1/portfolios", true, 307, "http://api.example.test/v1/portfolios/");
        let last = ex(1, "http://api.example.test/v1/portfolios/", false, 401, "");
        let hits = crate::causes::diagnose(&last, &[r]);
        assert_eq!(hits[0].0.info.id, "authorization_dropped_on_redirect");
        assert!(hits[0].1.evidence.iter().any(|e| e.contains("downgrades")), "{:?}", hits[0].1.evidence);
        // a relative Location on the same origin: lower confidence, still reported
        let r = ex(0, "https://api.example.test/v1/a", true, 308, "/v1/a/");
        let last = ex(1, "https://api.example.test/v1/a/", false, 401, "");
        let hits = crate::causes::diagnose(&last, &[r]);
        assert_eq!(hits[0].0.info.id, "authorization_dropped_on_redirect");
        assert!(hits[0].1.confidence < 0.95);
    }

    #[test]
    fn near_misses() {
        // the header survived the redirect: another cause
        let r = ex(0, "https://api.example.test/v1/items", true, 301, "https://api-eu.example.test/v1/items");
        let last = ex(1, "https://api-eu.example.test/v1/items", true, 401, "");
        assert_ne!(top(&last, std::slice::from_ref(&r)), Some("authorization_dropped_on_redirect"));
        // the redirected request never had one
        let r = ex(0, "https://api.example.test/v1/items", false, 301, "https://api-eu.example.test/v1/items");
        let last = ex(1, "https://api-eu.example.test/v1/items", false, 401, "");
        assert_eq!(top(&last, &[r]), Some("missing_credentials"));
        // a redirect to somewhere else
        let r = ex(0, "https://api.example.test/v1/items", true, 301, "https://api-eu.example.test/v1/other");
        let last = ex(1, "https://api-eu.example.test/v1/items", false, 401, "");
        assert_eq!(top(&last, &[r]), Some("missing_credentials"));
    }
}
