use super::{declare_cause, Ctx, Hit};
use crate::exchange::Exchange;
use crate::redact::clip;
use crate::signals::session::{self, SetCookie};

declare_cause! {
    /// ## What it means
    /// Earlier in the session a response set a session cookie (`Set-Cookie: sid=…`), and this
    /// request went out without it. The API authenticates by that cookie, so it saw an anonymous
    /// request.
    ///
    /// ## Why it happens
    /// - **Credentials mode.** `fetch` sends cookies only to the page's own origin unless called
    ///   with `credentials: 'include'` (XHR and axios: `withCredentials: true`). A cross-origin
    ///   login response's `Set-Cookie` is even ignored without it.
    /// - **SameSite.** A cookie marked `SameSite=Lax` or `Strict` — or with no `SameSite`, which
    ///   Chromium treats as `Lax` — is not sent on a cross-site `fetch`, whatever the credentials
    ///   mode. `SameSite=None` requires `Secure`.
    /// - **Scope.** A cookie set without `Domain` belongs to the exact host that set it; a `Path`
    ///   limits it to that path; a `Secure` cookie is never sent over `http`.
    ///
    /// ## How to fix
    /// 1. Send the request with `credentials: 'include'` (or `withCredentials: true`), and answer
    ///    it with `Access-Control-Allow-Credentials: true` and the exact page origin in
    ///    `Access-Control-Allow-Origin` (not `*`).
    /// 2. For a cross-site API, set the cookie with `SameSite=None; Secure`, or serve the API from
    ///    the page's own site (`api.shop.example` for `shop.example`).
    /// 3. Give the cookie the `Domain` and `Path` that cover the API.
    ///
    /// ## Example
    /// `POST https://api.example.com/login` → `Set-Cookie: sid=…; HttpOnly; Secure; SameSite=None`;
    /// then `GET https://api.example.com/me` from `https://app.example.com` with no `Cookie` →
    /// `401`. Fixed: `fetch(url, { credentials: 'include' })`.
    ///
    /// ## Known limits
    /// A HAR does not say which cookies the browser holds, only what was set and what was sent;
    /// a cookie that expired or was cleared between the two looks the same. Browsers export
    /// `HttpOnly` cookies in HARs, but privacy settings and extensions can block cookies too.
    pub static CAUSE = {
        id: "cookie_not_sent",
        category: Transport,
        since: "0.1.0",
        title: "a session cookie set earlier was not sent with the request",
        check: check,
    };
}

/// Why the browser did not attach the cookie, most specific first.
enum Why {
    OtherHost,
    Path,
    SecureOverHttp,
    SameSiteNoneWithoutSecure,
    SameSite { stated: bool },
    CredentialsMode,
    Unknown,
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if ex.authorization.is_some() || ex.credentials.iter().any(|c| matches!(c.location, crate::exchange::Location::Header(_))) {
        return None;
    }
    let sent = session::sent_cookie_names(ex);
    let recent = session::recent(ctx.before);
    // The latest Set-Cookie per name among cookies of the same site, with the exchange that set it.
    let mut latest: Vec<(&Exchange, &SetCookie)> = Vec::new();
    let site = session::site(&ex.host);
    // `localhost` and `127.0.0.1` are one machine but two hosts to the cookie jar: a cookie one
    // set is not sent to the other (a dev server on one, the API called on the other).
    let loopback = |h: &str| h == "localhost" || h.ends_with(".localhost") || h == "127.0.0.1" || h == "[::1]" || h == "::1";
    let now = session::at(ex);
    for r in recent {
        if r.set_cookies.is_empty() || session::site(&r.host) != site && !(loopback(&r.host) && loopback(&ex.host)) {
            continue;
        }
        // A response that arrived after this request left could not have given it the cookie
        // (two requests in flight at once: React StrictMode's double effect).
        if let (Some(t), Some(took), Some(now)) = (session::at(r), r.took_ms, now) {
            if t + took / 1000.0 > now {
                continue;
            }
        }
        for c in &r.set_cookies {
            latest.retain(|(_, k)| k.name != c.name);
            latest.push((r, c));
        }
    }
    let (setter, cookie) = latest.iter().rev().copied().find(|(_, c)| c.is_session() && !sent.contains(&c.name))?;
    let page = session::page_origin(ex);
    let here = ex.parsed.as_ref()?;
    let cross_origin = page.as_ref().is_some_and(|p| session::origin_of(p) != session::origin_of(here))
        || ex.req_header("sec-fetch-site").is_some_and(|s| s.trim() != "same-origin" && s.trim() != "none");
    let cross_site = ex.req_header("sec-fetch-site").map(|s| s.trim() == "cross-site").unwrap_or_else(|| {
        page.as_ref().and_then(|p| p.host_str().map(|h| session::site(h) != site)).unwrap_or(false)
    });
    let why = if !cookie.domain_matches(&setter.host, &ex.host) {
        Why::OtherHost
    } else if !cookie.path_matches(&ex.path) {
        Why::Path
    } else if cookie.secure && here.scheme() == "http" {
        Why::SecureOverHttp
    } else if cookie.same_site.as_deref() == Some("none") && !cookie.secure {
        Why::SameSiteNoneWithoutSecure
    } else if cross_site && cookie.same_site.as_deref() != Some("none") {
        Why::SameSite { stated: cookie.same_site.is_some() }
    } else if cross_origin {
        Why::CredentialsMode
    } else {
        Why::Unknown
    };
    let mut evidence = vec![format!(
        "entry #{} ({} {}) set the session cookie `{}`{}; this request sent {}",
        setter.index,
        clip(&setter.method, 16),
        crate::redact::url(setter.parsed.as_ref().map(|u| u.as_str()).unwrap_or("")),
        clip(&cookie.name, 64),
        attrs(cookie),
        if sent.is_empty() { "no Cookie header at all".to_string() } else { format!("other cookies ({}) but not that one", sent.len()) }
    )];
    if let Some(ok) = recent.iter().rev().find(|r| r.host == ex.host && (200..300).contains(&r.status) && session::sent_cookie_names(r).contains(&cookie.name)) {
        evidence.push(format!("entry #{} to the same host sent `{}` and succeeded", ok.index, clip(&cookie.name, 64)));
    }
    let page_txt = page.as_ref().map(session::origin_of).map(|o| clip(&o, 128)).unwrap_or_else(|| "the page".into());
    let host = clip(&ex.host, 128);
    let (confidence, fix): (f64, Vec<String>) = match why {
        Why::OtherHost => {
            evidence.push(format!("it was set by {} without a Domain attribute, so browsers send it only to that host, not to {host}", clip(&setter.host, 128)));
            if loopback(&setter.host) && loopback(&ex.host) {
                evidence.push("both name this machine, but cookies are kept per host name".into());
                (0.91, vec![format!("use one host name everywhere (the page, the API base URL, the login): send this request to {} as well", clip(&setter.host, 128))])
            } else {
                (0.91, vec![format!("set the cookie with `Domain={site}` so it covers {host}, or send the request to {}", clip(&setter.host, 128))])
            }
        }
        Why::Path => {
            evidence.push(format!("its Path does not cover {}", crate::redact::path(&ex.path)));
            (0.91, vec!["set the cookie with `Path=/` (or a path that covers this endpoint)".into()])
        }
        Why::SecureOverHttp => {
            evidence.push("it is Secure and this request went over plain http".into());
            (0.92, vec![format!("call {host} over https")])
        }
        Why::SameSiteNoneWithoutSecure => {
            evidence.push("it says SameSite=None without Secure, which browsers reject".into());
            (0.92, vec!["set the cookie with `SameSite=None; Secure`".into()])
        }
        Why::SameSite { stated } => {
            evidence.push(format!(
                "the page ({page_txt}) is on another site than {host}, and the cookie is {}: browsers do not send it on cross-site requests",
                if stated { format!("SameSite={}", clip(cookie.same_site.as_deref().unwrap_or(""), 16)) } else { "without SameSite, which Chromium treats as Lax".into() }
            ));
            (if stated { 0.93 } else { 0.91 }, vec![
                "set the cookie with `SameSite=None; Secure` if the API must be called from another site".into(),
                "or serve the API from the page's own site, or send a token in Authorization instead of the cookie".into(),
                format!("keep `credentials: 'include'` on the request, with `Access-Control-Allow-Credentials: true` and `Access-Control-Allow-Origin: {page_txt}`"),
            ])
        }
        Why::CredentialsMode => {
            evidence.push(format!("the request is cross-origin ({page_txt} → {}): fetch sends cookies cross-origin only with `credentials: 'include'`", clip(&session::origin_of(here), 128)));
            if !setter.resp_header("access-control-allow-credentials").is_some_and(|v| v.trim().eq_ignore_ascii_case("true")) && setter.req_header("origin").is_some() {
                evidence.push("the response that set it had no `Access-Control-Allow-Credentials: true`, so the browser may not have stored it either".into());
            }
            (0.93, vec![
                "call fetch with `credentials: 'include'` (axios/XHR: `withCredentials: true`) — for the login request too".into(),
                format!("have {host} answer with `Access-Control-Allow-Credentials: true` and `Access-Control-Allow-Origin: {page_txt}` (not `*`)"),
            ])
        }
        Why::Unknown => {
            evidence.push("nothing in the capture explains why the browser dropped it: it may have expired or been cleared".into());
            (0.55, vec!["check in the browser's storage that the cookie still exists and has not expired (Max-Age/Expires)".into(), "log in again and retry".into()])
        }
    };
    Some(Hit { confidence, evidence, fix })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn attrs(c: &SetCookie) -> String {
    let mut a = Vec::new();
    if c.http_only {
        a.push("HttpOnly".to_string());
    }
    if c.secure {
        a.push("Secure".into());
    }
    if let Some(s) = &c.same_site {
        a.push(format!("SameSite={}", clip(s, 16)));
    }
    if let Some(d) = &c.domain {
        a.push(format!("Domain={}", clip(d, 64)));
    }
    if a.is_empty() {
        String::new()
    } else {
        format!(" ({})", a.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use crate::exchange::Exchange;
    use crate::har::{Entry, NameValue, Request, Response};

    fn ex(i: usize, url: &str, req: &[(&str, &str)], status: i64, resp: &[(&str, &str)]) -> Exchange {
        let nv = |h: &[(&str, &str)]| h.iter().map(|(n, v)| NameValue { name: (*n).into(), value: (*v).into() }).collect();
        let e = Entry {
            started_date_time: format!("2026-10-14T09:30:0{i}Z"),
            request: Request { method: "GET".into(), url: url.into(), headers: nv(req), ..Default::default() },
            response: Response { status, headers: nv(resp), ..Default::default() },
            ..Default::default()
        };
        Exchange::new(i, &e)
    }

    fn top(last: &Exchange, before: &[Exchange]) -> Option<&'static str> {
        crate::causes::diagnose(last, before).first().map(|(c, _)| c.info.id)
    }

    const PAGE: (&str, &str) = ("Origin", "https://app.example.test");

    #[test]
    fn cross_origin_without_credentials_mode() {
        let login = ex(0, "https://api.example.test/login", &[PAGE], 200, &[("Set-Cookie", "sid=s3cr3tsession; Path=/; HttpOnly; Secure; SameSite=None")]);
        let me = ex(1, "https://api.example.test/me", &[PAGE], 401, &[]);
        let hits = crate::causes::diagnose(&me, std::slice::from_ref(&login));
        assert_eq!(hits[0].0.info.id, "cookie_not_sent");
        assert!(hits[0].1.fix[0].contains("credentials: 'include'"), "{:?}", hits[0].1.fix);
        assert!(!format!("{:?}", hits[0].1).contains("s3cr3tsession"));
    }

    #[test]
    fn a_response_that_arrived_after_the_request_left_set_nothing_for_it() {
        // Two requests in flight at once: the first one's Set-Cookie arrived 1.5 s after it
        // started, the second left 1 s after the first.
        let mut login = ex(0, "https://api.example.test/login", &[PAGE], 200, &[("Set-Cookie", "sid=s3cr3tsession; Path=/; HttpOnly; Secure; SameSite=None")]);
        let me = ex(1, "https://api.example.test/me", &[PAGE], 401, &[]);
        login.took_ms = Some(1500.0);
        assert_ne!(top(&me, std::slice::from_ref(&login)), Some("cookie_not_sent"));
        login.took_ms = Some(400.0);
        assert_eq!(top(&me, std::slice::from_ref(&login)), Some("cookie_not_sent"));
    }

    #[test]
    fn localhost_and_127_0_0_1_keep_separate_cookies() {
        let login = ex(0, "http://localhost:8000/auth/jwt/login", &[], 204, &[("Set-Cookie", "fastapiusersauth=abc123; HttpOnly; Path=/; SameSite=lax")]);
        let me = ex(1, "http://127.0.0.1:8000/users/me", &[], 401, &[]);
        let hits = crate::causes::diagnose(&me, std::slice::from_ref(&login));
        assert_eq!(hits[0].0.info.id, "cookie_not_sent");
        assert!(hits[0].1.fix[0].contains("send this request to localhost"), "{:?}", hits[0].1.fix);
        // Two unrelated hosts are no such pair.
        let me = ex(1, "http://10.0.0.2:8000/users/me", &[], 401, &[]);
        assert_ne!(top(&me, std::slice::from_ref(&login)), Some("cookie_not_sent"));
    }

    #[test]
    fn samesite_lax_cross_site() {
        let login = ex(0, "https://api.other.test/login", &[("Origin", "https://shop.example.test")], 200, &[("Set-Cookie", "session=abc; Path=/; HttpOnly; Secure; SameSite=Lax")]);
        let me = ex(1, "https://api.other.test/me", &[("Origin", "https://shop.example.test")], 401, &[]);
        let hits = crate::causes::diagnose(&me, std::slice::from_ref(&login));
        assert_eq!(hits[0].0.info.id, "cookie_not_sent");
        assert!(hits[0].1.evidence.iter().any(|e| e.contains("SameSite=lax")), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn near_misses() {
        // cookie sent: not this cause
        let login = ex(0, "https://api.example.test/login", &[PAGE], 200, &[("Set-Cookie", "sid=abc; HttpOnly")]);
        let me = ex(1, "https://api.example.test/me", &[PAGE, ("Cookie", "sid=abc")], 401, &[]);
        assert_ne!(top(&me, std::slice::from_ref(&login)), Some("cookie_not_sent"));
        // the page logged out itself: the 401 after it is expected, no cause at all
        let logout = ex(1, "https://api.example.test/logout", &[PAGE], 200, &[("Set-Cookie", "sid=; Max-Age=0")]);
        let me = ex(2, "https://api.example.test/me", &[PAGE], 401, &[]);
        assert_eq!(top(&me, &[login, logout]), None);
        // an analytics cookie is no session
        let page = ex(0, "https://api.example.test/", &[], 200, &[("Set-Cookie", "_ga=GA1.1; Path=/")]);
        let me = ex(1, "https://api.example.test/me", &[PAGE], 401, &[]);
        assert_eq!(top(&me, &[page]), Some("missing_credentials"));
    }
}
