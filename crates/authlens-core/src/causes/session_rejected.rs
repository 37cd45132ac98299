use super::{declare_cause, Ctx, Failure, Hit};
use crate::exchange::response::session_cookie_name;
use crate::exchange::server_says::Says;
use crate::exchange::Exchange;
use crate::redact::{clip, path};
use crate::signals::session;

declare_cause! {
    /// ## What it means
    /// The request carried the app's session cookie and no other credential, and the server
    /// answered as if nobody were signed in ("Unauthenticated.", "Not authenticated",
    /// "Authentication credentials were not provided."). The browser did its part; the server no
    /// longer knows a signed-in user for that session.
    ///
    /// ## Why it happens
    /// - The session ended on the server: an idle or absolute timeout, a logout in another tab, an
    ///   administrator or a password change that ends every session.
    /// - The server lost it: sessions kept in the process's memory vanish on a restart or deploy,
    ///   and are not shared between two instances behind a load balancer.
    /// - The server cannot read it any more: the secret that signs or encrypts session cookies
    ///   changed (Express's session `secret`, Django's `SECRET_KEY`, Laravel's `APP_KEY`, Rails's
    ///   `secret_key_base`, ASP.NET's data-protection keys not persisted).
    /// - The cookie never stood for a login: the login request did not save the user into the
    ///   session, or a single-page app on another origin is not treated as first-party (Laravel
    ///   Sanctum's `SANCTUM_STATEFUL_DOMAINS` and `SESSION_DOMAIN`), so the server ignores the cookie.
    ///
    /// ## How to fix
    /// 1. Sign in again. If the next requests work, the session had ended: handle `401` in the app
    ///    by sending the user to the login page (or renewing the session) instead of failing.
    /// 2. If it fails right after a successful login, look at the server: a shared session store
    ///    (Redis, the database) instead of memory when there are several instances or restarts;
    ///    the same session secret on every instance and across deploys.
    /// 3. For a single-page app calling an API on another origin, configure the API to accept the
    ///    app's origin as a stateful (cookie) client, and send requests with credentials.
    ///
    /// ## Example
    /// `POST /api/login` → `200` with `Set-Cookie: connect.sid=…; HttpOnly`, `GET /api/me` → `200`;
    /// after the API restarted, `GET /api/me` with the same `connect.sid` → `401 {"error":"Not
    /// authenticated"}`. Fixed: sessions in Redis (`connect-redis`), and the app redirects to the
    /// login page on a `401`.
    ///
    /// ## Known limits
    /// Cookies are recognised by name (`session`, `sid`, `auth`, `token`…) or by `HttpOnly` on the
    /// response that set them; a session cookie with an unusual name set outside the capture is not
    /// seen as one. When the capture holds no earlier success with the same cookie, authlens cannot
    /// tell an ended session from one that never held a login, and says so.
    pub static CAUSE = {
        id: "session_rejected",
        category: Session,
        since: "0.2.0",
        title: "the session cookie was sent, but the server no longer knows a signed-in user for it",
        check: check,
    };
}

/// The session cookies a request sent (by name, or set `HttpOnly` earlier in the capture).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn session_cookies<'a>(ex: &'a Exchange, before: &[Exchange]) -> Vec<(&'a str, &'a str)> {
    let set_http_only = |name: &str| session::recent(before).iter().any(|b| b.set_cookies.iter().any(|c| c.name == name && c.http_only && !c.removed));
    ex.sent_cookies().filter(|(n, v)| !v.is_empty() && session_cookie_name(n).unwrap_or_else(|| set_http_only(n))).collect()
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    // Another credential in the request (a header, the query, the body) is what the other causes
    // examine; a session cookie is the only credential here.
    if ex.authorization.is_some() || !ex.credentials.is_empty() {
        return None;
    }
    let words = [Says::Missing, Says::Invalid, Says::Expired].into_iter().any(|s| ex.says(s));
    if ctx.failure == Failure::Forbidden && !words || [Says::Csrf, Says::Scope, Says::Restricted, Says::Sso].into_iter().any(|s| ex.says(s)) {
        return None; // a refused permission or a CSRF check, not a lost login
    }
    let cookies = session_cookies(ex, ctx.before);
    let &(name, value) = cookies.first()?;
    let site = session::site(&ex.host);
    let mut evidence = vec![format!(
        "the request carried the session cookie `{}` and no other credential{}",
        clip(name, 64),
        if words { ", and the server answered as if nobody were signed in" } else { "" }
    )];
    let ago = |b: &Exchange| session::earlier(ex, b);
    let recent = session::recent(ctx.before);
    let same_site = |b: &&Exchange| session::site(&b.host) == site;
    // The same cookie value was accepted before: the session ended since.
    let accepted = recent.iter().rev().filter(same_site).find(|b| (200..300).contains(&b.http_status) && b.sent_cookies().any(|(n, v)| n == name && v == value));
    // A response cleared the cookie (a logout).
    let cleared = recent.iter().rev().filter(same_site).find(|b| b.set_cookies.iter().any(|c| c.name == name && c.removed));
    let mut confidence = if words { 0.62 } else { 0.5 };
    if let Some(b) = cleared {
        evidence.push(format!("entry #{} ({} {}{}) cleared `{}`: the session was ended there (a logout)", b.index, clip(&b.method, 16), path(&b.path), ago(b), clip(name, 64)));
        confidence = 0.85;
    } else if let Some(b) = accepted {
        evidence.push(format!(
            "the same `{}` was accepted at entry #{} ({} {}{}): the session has since ended or been lost on the server",
            clip(name, 64),
            b.index,
            clip(&b.method, 16),
            path(&b.path),
            ago(b)
        ));
        confidence = 0.85;
    } else if ex.says(Says::Expired) && ex.resp_body_mentions(&["session expired", "session has expired", "session timed out", "session timeout", "session has timed out", "session is expired"]) {
        // Devise's timeoutable: "Your session expired. Please sign in again to continue."
        evidence.push("the server says the login session expired (an idle or absolute session timeout)".into());
        confidence = 0.85;
    } else {
        evidence.push("no earlier request of this capture succeeded with this cookie: the session may have ended before the capture, or never held a login".into());
    }
    let mut fix = vec!["sign in again; if that works, the session had ended: answer a `401` in the app by renewing the session or sending the user to the login page".to_string()];
    if accepted.is_some() && cleared.is_none() {
        fix.push("if the session was lost quickly: keep sessions in a shared store (Redis, the database), not in one process's memory, and keep the session secret the same across instances and deploys".into());
    } else if cleared.is_none() {
        fix.push("if it fails right after a successful login: check that the login saves the user into the session, that the session store is shared between instances, and that the session secret did not change".into());
        let page = session::page_origin(ex).map(|o| session::origin_of(&o));
        if let Some(o) = page.filter(|o| !o.contains(&format!("//{}", ex.host))) {
            fix.push(format!("the page ({}) is on another origin than the API: configure the API to accept that origin as a cookie (stateful) client, e.g. Laravel Sanctum's `SANCTUM_STATEFUL_DOMAINS`", clip(&o, 96)));
        }
    }
    Some(Hit { confidence, evidence, fix })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids, with_status};
    use crate::exchange::Exchange;
    use crate::har::Entry;

    const SID: &str = "connect.sid=s%3AaBcDeFgHiJkLmNoPqRsTuVwXyZ012345.Qw1Er2Ty3Ui4Op5As6Df7Gh8Jk9Lz0Xc1Vb2Nm3Qw4E";

    #[test]
    fn framework_answers_with_a_session_cookie() {
        // Laravel's JSON answer to an unauthenticated request (Illuminate\Auth\AuthenticationException).
        let laravel = with_status("https://app.example.test/api/user", &[("Cookie", "XSRF-TOKEN=eyJpdiI6IkF; laravel_session=eyJpdiI6Ik1")], 401, r#"{"message":"Unauthenticated."}"#);
        assert_eq!(ids(&laravel), vec!["session_rejected"]);
        // Django REST framework's 403 when no authentication class authenticated the request.
        let drf = with_status("https://app.example.test/api/me/", &[("Cookie", "csrftoken=AbCdEf0123; sessionid=k3j4h5g6f7d8s9a0q1w2e3r4t5y6u7i8")], 403, r#"{"detail":"Authentication credentials were not provided."}"#);
        assert_eq!(ids(&drf), vec!["session_rejected"]);
    }

    #[test]
    fn an_earlier_success_with_the_same_cookie() {
        let ok = Exchange::new(0, &Entry::new("GET", "https://app.example.test/api/me").started("2026-10-14T07:00:00Z").header("Cookie", SID).status(200));
        let mut e = Entry::new("GET", "https://app.example.test/api/me").started("2026-10-14T09:30:00Z").header("Cookie", SID).status(401);
        e.response.content.text = Some(r#"{"error":"Not authenticated"}"#.into());
        let me = Exchange::new(1, &e);
        let hits = crate::causes::diagnose(&me, std::slice::from_ref(&ok));
        assert_eq!(hits[0].0.info.id, "session_rejected");
        assert!(hits[0].1.confidence >= 0.85);
        assert!(hits[0].1.evidence.iter().any(|l| l.contains("entry #0") && l.contains("earlier")), "{:?}", hits[0].1.evidence);
        // the cookie's value is never quoted
        assert!(hits[0].1.evidence.iter().chain(&hits[0].1.fix).all(|l| !l.contains("aBcDeFgH")), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn a_logout_cleared_it() {
        let out = Exchange::new(0, &Entry::new("POST", "https://app.example.test/api/logout").started("2026-10-14T09:00:00Z").header("Cookie", SID).status(204).response_header("Set-Cookie", "connect.sid=; Path=/; Expires=Thu, 01 Jan 1970 00:00:00 GMT"));
        let me = Exchange::new(1, &Entry::new("GET", "https://app.example.test/api/me").started("2026-10-14T09:30:00Z").header("Cookie", SID).status(401));
        let hits = crate::causes::diagnose(&me, std::slice::from_ref(&out));
        assert_eq!(hits[0].0.info.id, "session_rejected");
        assert!(hits[0].1.evidence.iter().any(|l| l.contains("cleared")), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn near_misses() {
        // a bearer token is what the other causes examine
        assert!(!ids(&failing("https://app.example.test/api/me", &[("Cookie", SID), ("Authorization", "Bearer abcdefghijklmnop123")])).contains(&"session_rejected"));
        // only analytics cookies: no session
        assert!(!ids(&failing("https://app.example.test/api/me", &[("Cookie", "_ga=GA1.2.3; _gid=GA1.2.4")])).contains(&"session_rejected"));
        // a CSRF refusal is csrf_failed's
        let csrf = with_status("https://app.example.test/api/items/", &[("Cookie", "csrftoken=AbCdEf; sessionid=k3j4h5g6f7d8s9a0")], 403, r#"{"detail":"CSRF Failed: CSRF token missing."}"#);
        assert!(!ids(&csrf).contains(&"session_rejected"), "{:?}", ids(&csrf));
        // a 403 about permissions
        let perm = with_status("https://app.example.test/api/admin", &[("Cookie", "sessionid=k3j4h5g6f7d8s9a0")], 403, r#"{"detail":"You do not have permission to perform this action."}"#);
        assert!(!ids(&perm).contains(&"session_rejected"), "{:?}", ids(&perm));
    }
}
