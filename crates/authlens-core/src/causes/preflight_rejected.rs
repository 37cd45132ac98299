use super::{declare_cause, Ctx, Hit};
use crate::exchange::Exchange;
use crate::redact::clip;
use crate::signals::session::{self, PreflightProblem};

declare_cause! {
    /// ## What it means
    /// The browser asked the server for permission to send a cross-origin request (a CORS
    /// preflight: `OPTIONS` with `Access-Control-Request-Method`) and the server refused: it
    /// answered the preflight `401`/`403`, or its `Access-Control-Allow-Headers` did not name
    /// `Authorization`. The browser then never sent the real request; the page sees a network
    /// error, and Chromium records the blocked request with status 0.
    ///
    /// ## Why it happens
    /// A preflight never carries credentials (Fetch standard), so an authentication middleware
    /// that runs before the CORS handler rejects every preflight. `Access-Control-Allow-Headers: *`
    /// does not help: `Authorization` is the one header the wildcard does not cover, it must be
    /// listed by name. Calling a provider's server-side API straight from a web page ends the same
    /// way, because such APIs are not meant to answer browsers.
    ///
    /// ## How to fix
    /// 1. Let `OPTIONS` requests through before the authentication check, and answer them `204`.
    /// 2. Answer with `Access-Control-Allow-Origin: <the page origin>`,
    ///    `Access-Control-Allow-Methods: <the method>` and
    ///    `Access-Control-Allow-Headers: Authorization, Content-Type` (by name, not `*`).
    /// 3. For a provider's secret-key API, make the call from your backend instead of the page.
    ///
    /// ## Example
    /// `OPTIONS https://api.example.com/orders` (no credentials, as always) → `401`; the `POST`
    /// that should follow shows status 0 and `net::ERR_FAILED`. Fixed: the server answers the
    /// `OPTIONS` with `204` and the CORS headers before checking the token.
    ///
    /// ## Known limits
    /// Firefox records only the preflight (stamped a few milliseconds after the request it
    /// guards), never the blocked request; authlens then reports the preflight itself. A request
    /// blocked by a preflight that Chromium recorded after it cannot be linked to it.
    ///
    /// ## References
    /// Fetch standard: CORS-preflight fetch, CORS non-wildcard request-header name.
    pub static CAUSE = {
        id: "preflight_rejected",
        category: Transport,
        since: "0.1.0",
        title: "the CORS preflight was refused, so the real request was never sent",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if ex.is_preflight() {
        let PreflightProblem::Status(status) = session::preflight_problem(ex)? else { return None };
        let mut evidence = vec![format!(
            "this is a CORS preflight (OPTIONS {}{}) and it was answered {status}: a preflight never carries credentials, so it must be answered 2xx without them",
            crate::redact::path(&ex.path),
            requested(ex)
        )];
        if let Some(c) = ex.challenges.first() {
            evidence.push(format!("the server challenged the preflight with WWW-Authenticate: {}", clip(&c.scheme, 32)));
        }
        if ex.resource_type.is_none() {
            evidence.push("Firefox records only the preflight; the request it guarded was never sent".into());
        }
        return Some(Hit { confidence: 0.97, evidence, fix: fixes(ex, None) });
    }
    if !session::got_no_response(ex) {
        return None;
    }
    let pf = session::preflight_for(ex, ctx.before)?;
    let problem = session::preflight_problem(pf)?;
    let mut evidence = vec![format!(
        "the request got no response (status 0{}) and its CORS preflight (entry #{}, OPTIONS {}) {}",
        ex.net_error.as_deref().map(|e| format!(", {}", clip(e, 64))).unwrap_or_default(),
        pf.index,
        crate::redact::path(&pf.path),
        match problem {
            PreflightProblem::Status(s) => format!("was answered {s}"),
            PreflightProblem::AuthorizationNotAllowed { wildcard: true } =>
                "allowed `*` headers but not `Authorization` by name: the wildcard does not cover it".into(),
            PreflightProblem::AuthorizationNotAllowed { wildcard: false } =>
                "did not list `Authorization` in Access-Control-Allow-Headers".into(),
        }
    )];
    evidence.push("the browser therefore never sent this request; the server did not see its credentials".into());
    let confidence = match problem {
        PreflightProblem::Status(_) => 0.95,
        PreflightProblem::AuthorizationNotAllowed { .. } => 0.85,
    };
    Some(Hit { confidence, evidence, fix: fixes(pf, Some(problem)) })
}

/// "(asking for POST with authorization, content-type)".
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn requested(pf: &Exchange) -> String {
    let m = pf.req_header("access-control-request-method").map(|m| clip(m.trim(), 16));
    let h = pf.req_header("access-control-request-headers").map(|h| clip(h.trim(), 96));
    match (m, h) {
        (Some(m), Some(h)) => format!(", asking for {m} with {h}"),
        (Some(m), None) => format!(", asking for {m}"),
        _ => String::new(),
    }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn fixes(pf: &Exchange, problem: Option<PreflightProblem>) -> Vec<String> {
    let origin = pf.req_header("origin").map(|o| clip(o.trim(), 128)).unwrap_or_else(|| "<page origin>".into());
    let method = pf.req_header("access-control-request-method").map(|m| clip(m.trim(), 16)).unwrap_or_else(|| "<method>".into());
    let mut fix = Vec::new();
    if let Some(p) = pf.provider {
        fix.push(format!(
            "{} is not meant to be called from a web page with this credential: make the call from your backend, and keep the key there",
            p.name
        ));
    }
    if !matches!(problem, Some(PreflightProblem::AuthorizationNotAllowed { .. })) {
        fix.push(format!("on {}, answer OPTIONS before the authentication check, with 204 and no credential required", clip(&pf.host, 128)));
    }
    fix.push(format!(
        "send `Access-Control-Allow-Origin: {origin}`, `Access-Control-Allow-Methods: {method}` and `Access-Control-Allow-Headers: Authorization, Content-Type` (Authorization by name: `*` does not cover it)"
    ));
    fix
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::with_status;
    use crate::exchange::Exchange;
    use crate::har::{Entry, NameValue, Request, Response};

    fn preflight(status: i64, allow: &str, rtype: Option<&str>) -> Exchange {
        preflight_body(status, allow, rtype, "")
    }

    fn preflight_body(status: i64, allow: &str, rtype: Option<&str>, body: &str) -> Exchange {
        let mut resp_headers = vec![];
        if !allow.is_empty() {
            resp_headers.push(NameValue { name: "Access-Control-Allow-Headers".into(), value: allow.into() });
        }
        let e = Entry {
            started_date_time: "2026-10-14T09:30:00.002Z".into(),
            request: Request {
                method: "OPTIONS".into(),
                url: "https://api.example.test/orders".into(),
                headers: vec![
                    NameValue { name: "Origin".into(), value: "https://app.example.test".into() },
                    NameValue { name: "Access-Control-Request-Method".into(), value: "POST".into() },
                    NameValue { name: "Access-Control-Request-Headers".into(), value: "authorization,content-type".into() },
                ],
                ..Default::default()
            },
            response: Response { status, headers: resp_headers, content: crate::har::Content { text: Some(body.into()), ..Default::default() }, ..Default::default() },
            resource_type: rtype.map(str::to_string),
            ..Default::default()
        };
        Exchange::new(0, &e)
    }

    fn blocked() -> Exchange {
        let e = Entry {
            started_date_time: "2026-10-14T09:30:00.010Z".into(),
            request: Request {
                method: "POST".into(),
                url: "https://api.example.test/orders".into(),
                headers: vec![NameValue { name: "Authorization".into(), value: "Bearer abcdefghijklmnop123".into() }],
                ..Default::default()
            },
            response: Response { status: 0, ..Default::default() },
            error: Some("net::ERR_FAILED".into()),
            ..Default::default()
        };
        Exchange::new(1, &e)
    }

    fn top(ex: &Exchange, before: &[Exchange]) -> Option<&'static str> {
        crate::causes::diagnose(ex, before).first().map(|(c, _)| c.info.id)
    }

    #[test]
    fn preflight_answered_401_is_the_cause_not_missing_credentials() {
        let pf = preflight(401, "", None);
        assert_eq!(top(&pf, &[]), Some("preflight_rejected"));
        let ids: Vec<_> = crate::causes::diagnose(&pf, &[]).iter().map(|(c, _)| c.info.id).collect();
        assert!(!ids.contains(&"missing_credentials"), "{ids:?}");
        // a 403 with an empty body still counts for a preflight
        assert_eq!(top(&preflight(403, "", Some("preflight")), &[]), Some("preflight_rejected"));
        // Starlette's CORSMiddleware refuses a header it was not told to allow with a 400
        // (starlette/middleware/cors.py); a bare 400 says nothing.
        assert_eq!(top(&preflight_body(400, "", None, "Disallowed CORS headers"), &[]), Some("preflight_rejected"));
        assert_eq!(top(&preflight(400, "", None), &[]), None);
    }

    #[test]
    fn blocked_request_after_rejected_preflight() {
        let pf = preflight(401, "", Some("preflight"));
        assert_eq!(top(&blocked(), std::slice::from_ref(&pf)), Some("preflight_rejected"));
        let pf = preflight(204, "*", Some("preflight"));
        let hits = crate::causes::diagnose(&blocked(), std::slice::from_ref(&pf));
        assert_eq!(hits[0].0.info.id, "preflight_rejected");
        assert!(hits[0].1.evidence[0].contains("wildcard"), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn near_misses() {
        // a good preflight, then a request that failed for another reason: nothing to say
        let pf = preflight(204, "authorization, content-type", Some("preflight"));
        assert_eq!(top(&blocked(), std::slice::from_ref(&pf)), None);
        // status 0 with no preflight: no failure to explain
        assert_eq!(top(&blocked(), &[]), None);
        // an ordinary 401 is not a preflight
        let ex = with_status("https://api.example.test/orders", &[("Authorization", "Bearer abcdefghijklmnop123")], 401, "");
        assert!(crate::causes::diagnose(&ex, &[]).iter().all(|(c, _)| c.info.id != "preflight_rejected"));
    }
}
