use super::{declare_cause, Ctx, Hit};
use crate::exchange::server_says::Says;

declare_cause! {
    /// ## What it means
    /// The server refused the request because its cross-site request forgery (CSRF) check failed:
    /// the CSRF token was missing or did not match, the CSRF cookie was not sent, or the
    /// `Origin` is not trusted. The login itself may be fine: this is not a credential or scope
    /// problem, and a new token or a wider scope will not fix it.
    ///
    /// ## Why it happens
    /// Frameworks that authenticate with a session cookie (Django and Django REST framework's
    /// `SessionAuthentication`, Laravel and Sanctum, Rails, Express `csurf`, Spring Security)
    /// require a CSRF token on unsafe methods (POST, PUT, PATCH, DELETE). A single-page app that
    /// does not read the token from its cookie (`csrftoken`, `XSRF-TOKEN`) and echo it in a header
    /// (`X-CSRFToken`, `X-XSRF-TOKEN`), a session that expired (Laravel answers 419), a cookie the
    /// browser did not store or send (cross-site, SameSite), or a page served from an origin the
    /// server does not trust (`CSRF_TRUSTED_ORIGINS`) all end here.
    ///
    /// ## How to fix
    /// 1. Send the CSRF token on every unsafe request: read it from the CSRF cookie (or the
    ///    page's meta tag) and send it in the header the framework expects.
    /// 2. Laravel Sanctum SPAs: call `GET /sanctum/csrf-cookie` first, and send requests with
    ///    credentials so the `XSRF-TOKEN` cookie comes back as `X-XSRF-TOKEN`.
    /// 3. Django behind a proxy or on another origin: add the page's origin to
    ///    `CSRF_TRUSTED_ORIGINS`; make sure the `csrftoken` cookie reaches the browser.
    /// 4. If the session expired, reload the page to get a fresh token.
    ///
    /// ## Example
    /// `POST /api/orders` with `Cookie: sessionid=…` and no `X-CSRFToken` → `403 {"detail":"CSRF
    /// Failed: CSRF token missing."}`. Fixed: send `X-CSRFToken` with the `csrftoken` cookie's value.
    ///
    /// ## Known limits
    /// Most frameworks say so ("CSRF Failed", "CSRF token mismatch"). Spring Security does not: its
    /// 403 reads only `Forbidden`. authlens then goes by the request's shape (an unsafe method, a
    /// session cookie as the only credential, no CSRF header, a 403 with no reason) and says so
    /// with a lower confidence; a permission check that answers the same way looks alike.
    ///
    /// ## References
    /// Django CSRF protection; Laravel CSRF protection (419); Spring Security CSRF; OWASP CSRF
    /// Prevention Cheat Sheet.
    pub static CAUSE = {
        id: "csrf_failed",
        category: Session,
        since: "0.2.0",
        title: "the server's CSRF check failed (not a credential or scope problem)",
        check: check,
    };
}

/// Header names that carry a CSRF token.
const CSRF_HEADERS: &[&str] = &["x-csrftoken", "x-csrf-token", "x-xsrf-token", "csrf-token", "xsrf-token"];

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if !ex.says(Says::Csrf) {
        return unsaid(ctx);
    }
    let said = ex.server_said().quote(ex, Says::Csrf, 160);
    let mut evidence = vec![format!("the server says the CSRF check failed: \"{}\"", said)];
    let sent: Vec<&str> = ex.req_headers.iter().filter(|h| CSRF_HEADERS.iter().any(|c| h.name.eq_ignore_ascii_case(c))).map(|h| h.name.as_str()).take(4).collect();
    if sent.is_empty() {
        evidence.push(format!("the {} request carried no CSRF header (`X-CSRFToken`, `X-XSRF-TOKEN`)", crate::redact::clip(&ex.method, 16)));
    } else {
        evidence.push(format!("it carried {}, whose value the server did not accept (stale, or not the cookie's)", sent.iter().map(|s| format!("`{}`", crate::redact::clip(s, 32))).collect::<Vec<_>>().join(", ")));
    }
    let cookies = crate::signals::session::sent_cookie_names(ex);
    if !cookies.iter().any(|c| { let l = c.to_ascii_lowercase(); l.contains("csrf") || l.contains("xsrf") }) {
        evidence.push("no CSRF cookie (`csrftoken`, `XSRF-TOKEN`) was sent with it".into());
    }
    if ex.http_status == 419 {
        evidence.push("419 is Laravel's answer for a CSRF token mismatch, often an expired session".into());
    }
    Some(Hit {
        confidence: 0.96,
        evidence,
        fix: vec![
            "send the CSRF token on unsafe requests: read it from the CSRF cookie (or meta tag) and send it in the header the framework expects (`X-CSRFToken` for Django, `X-XSRF-TOKEN` for Laravel/Angular)".into(),
            "Laravel Sanctum: call `GET /sanctum/csrf-cookie` before the first POST and send requests with credentials".into(),
            "if the page runs on another origin or behind a proxy, add that origin to the trusted origins (`CSRF_TRUSTED_ORIGINS`) and make sure the CSRF cookie is stored and sent".into(),
            "a new token or a wider scope will not fix this: the credential is not the problem".into(),
        ],
    })
}

/// The server's words are generic (Spring Security's `{"status":403,"error":"Forbidden"}`), but
/// the request has the shape a CSRF check refuses: an unsafe method, a session cookie as its only
/// credential, and no CSRF header.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn unsaid(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let unsafe_method = ["POST", "PUT", "PATCH", "DELETE"].iter().any(|m| ex.method.eq_ignore_ascii_case(m));
    if ex.http_status != 403 || !unsafe_method || ex.authorization.is_some() || !ex.credentials.is_empty() || !ex.has_session_cookie() {
        return None;
    }
    if !ex.server_said().says.is_empty() {
        return None; // the server said what it refused
    }
    let cookies = crate::signals::session::sent_cookie_names(ex);
    let csrf_cookie = cookies.iter().find(|c| {
        let l = c.to_ascii_lowercase();
        l.contains("csrf") || l.contains("xsrf")
    });
    if let Some(h) = ex.req_headers.iter().find(|h| CSRF_HEADERS.iter().any(|c| h.name.eq_ignore_ascii_case(c))) {
        // A token was sent and refused. Spring Security 6 masks the token it expects (its
        // XorCsrfTokenRequestAttributeHandler), so the raw `XSRF-TOKEN` cookie value that axios
        // and Angular copy into the header is refused (spring-security#12869).
        // Another value sent is no telling shape: the 403 may as well refuse a role.
        let raw_copy = ex.sent_cookies().any(|(n, v)| (n.to_ascii_lowercase().contains("xsrf") || n.to_ascii_lowercase().contains("csrf")) && !v.is_empty() && v == h.value.trim());
        if !raw_copy {
            return None;
        }
        let evidence = vec![
            format!("a {} with the session cookie as its only credential was refused with a 403 that gives no reason, although it carried `{}`", crate::redact::clip(&ex.method, 16), crate::redact::clip(&h.name, 32)),
            "the header holds the CSRF cookie's raw value: Spring Security 6 expects the masked token it renders (it refuses the raw cookie value unless configured with CsrfTokenRequestAttributeHandler)".into(),
        ];
        return Some(Hit {
            confidence: 0.75,
            evidence,
            fix: vec![
                "Spring Security 6 with a JavaScript client: configure `csrf.csrfTokenRequestHandler(new CsrfTokenRequestAttributeHandler())` (or the SPA handler of its docs) so the raw cookie value is accepted".into(),
                "or send the masked token the server renders (a hidden form field or meta tag), not the cookie's value".into(),
            ],
        });
    }
    let mut evidence = vec![format!(
        "a {} with the session cookie as its only credential and no CSRF header was refused with a 403 that gives no reason: the shape of a failed CSRF check (Spring Security, Django, Rails and Laravel check every unsafe request)",
        crate::redact::clip(&ex.method, 16)
    )];
    let confidence = match csrf_cookie {
        Some(name) => {
            evidence.push(format!("the CSRF cookie `{}` was sent, but its value was not copied into a header (`X-XSRF-TOKEN`, `X-CSRFToken`)", crate::redact::clip(name, 48)));
            0.85
        }
        None => 0.7,
    };
    Some(Hit {
        confidence,
        evidence,
        fix: vec![
            "send the CSRF token on unsafe requests: read it from the CSRF cookie (or meta tag) and send it in the header the framework expects (`X-XSRF-TOKEN` for Spring Security and Angular, `X-CSRFToken` for Django)".into(),
            "axios copies `XSRF-TOKEN` into `X-XSRF-TOKEN` only for same-origin requests unless `withXSRFToken` is set; Spring Security 6 also needs the token handler that accepts the raw cookie value".into(),
            "a new token or a wider scope will not fix this: the credential is not the problem".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{ids, with_status};

    #[test]
    fn django_and_laravel() {
        let ex = with_status("https://app.example.test/api/orders/", &[("Cookie", "sessionid=abc123def456")], 403, r#"{"detail":"CSRF Failed: CSRF token missing."}"#);
        assert_eq!(ids(&ex)[0], "csrf_failed");
        let ex = with_status("https://app.example.test/logout", &[("Cookie", "laravel_session=abc")], 419, r#"{"message":"CSRF token mismatch."}"#);
        assert_eq!(ids(&ex)[0], "csrf_failed");
    }

    #[test]
    fn a_generic_403_to_an_unsafe_request_with_a_session() {
        // Spring Security's default error body for a 403 (Spring Boot's /error JSON)
        let body = r#"{"timestamp":"2026-10-14T09:30:00.000+00:00","status":403,"error":"Forbidden","path":"/api/orders"}"#;
        let ex = with_status("http://localhost:8080/api/orders", &[("Cookie", "JSESSIONID=5F4DCC3B5AA765D61D8327DEB882CF99"), ("Content-Type", "application/json")], 403, body);
        assert_eq!(ids(&ex)[0], "csrf_failed");
        let with_cookie = with_status("http://localhost:8080/api/orders", &[("Cookie", "JSESSIONID=5F4DCC3B5AA765D61D8327DEB882CF99; XSRF-TOKEN=4a3b2c1d")], 403, body);
        assert_eq!(ids(&with_cookie)[0], "csrf_failed");
        // Spring Security 6 refuses the raw cookie value copied into the header (spring-security#12869)
        let raw = with_status("http://localhost:8080/api/orders", &[("Cookie", "JSESSIONID=5F4DCC3B5AA765D61D8327DEB882CF99; XSRF-TOKEN=4a3b2c1d-0000-4e5f-9a8b-7c6d5e4f3a2b"), ("X-XSRF-TOKEN", "4a3b2c1d-0000-4e5f-9a8b-7c6d5e4f3a2b")], 403, body);
        assert_eq!(ids(&raw)[0], "csrf_failed");
        // a header was sent, or the method is safe: not this shape
        assert!(!ids(&with_status("http://localhost:8080/api/orders", &[("Cookie", "JSESSIONID=5F4DCC3B"), ("X-XSRF-TOKEN", "4a3b2c1d")], 403, body)).contains(&"csrf_failed"));
        let mut get = crate::har::Entry::new("GET", "http://localhost:8080/api/orders").started("2026-10-14T09:30:00Z").header("Cookie", "JSESSIONID=5F4DCC3B").status(403);
        get.response.content.text = Some(body.into());
        assert!(!ids(&crate::exchange::Exchange::new(0, &get)).contains(&"csrf_failed"));
    }

    #[test]
    fn not_for_other_403s() {
        let ex = with_status("https://api.example.test/x", &[("Authorization", "Bearer abcdefghijklmnop123")], 403, r#"{"error":"insufficient_scope"}"#);
        assert!(!ids(&ex).contains(&"csrf_failed"));
    }
}
