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
    /// ## References
    /// Django CSRF protection; Laravel CSRF protection (419); OWASP CSRF Prevention Cheat Sheet.
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
        return None;
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
    fn not_for_other_403s() {
        let ex = with_status("https://api.example.test/x", &[("Authorization", "Bearer abcdefghijklmnop123")], 403, r#"{"error":"insufficient_scope"}"#);
        assert!(!ids(&ex).contains(&"csrf_failed"));
    }
}
