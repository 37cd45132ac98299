use super::{declare_cause, Ctx, Hit};
use crate::exchange::{fmt_duration, fmt_unix};
use crate::parse::date::{amz_date, http_date};

declare_cause! {
    /// ## What it means
    /// The request carried a JWT whose `exp` claim lies before the moment the request was sent.
    /// Servers must reject a token on or after its expiry time (RFC 7519 §4.1.4).
    ///
    /// ## Why it happens
    /// The app keeps using a token from storage without checking `exp`, the refresh flow did not
    /// run (or failed silently), or the tab stayed open longer than the token lives. authlens
    /// compares `exp` with the time the request started, as the browser recorded it, not with
    /// the clock of whoever reads the report.
    ///
    /// ## How to fix
    /// 1. Refresh the token before `exp` (or on the first 401, then retry the request once).
    /// 2. When reading a token from storage, check `exp` before using it.
    /// 3. If tokens expire sooner than expected, check the `expires_in` unit (seconds, not milliseconds).
    ///
    /// ## Example
    /// `Authorization: Bearer eyJ…` with `exp` = 06:28 UTC, sent at 09:30 UTC → `401`
    /// `WWW-Authenticate: Bearer error="invalid_token"`. Fixed: refresh, then send the new token.
    pub static CAUSE = {
        id: "expired_token",
        category: Token,
        since: "0.1.0",
        title: "the token had expired when the request was sent",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let mut hit = expired(ctx)?;
    // A refresh token the token endpoint calls expired (AADSTS700082, Google's "Token has been
    // expired or revoked", Keycloak's "Token is not active") is a refused grant: refreshing again
    // cannot help, a new login can. grant_rejected says so; this cause stays below it.
    if ctx.ex.grant_type().as_deref() == Some("refresh_token") {
        hit.confidence = hit.confidence.min(0.6);
    }
    Some(hit)
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn expired(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let now = ex.started.or_else(|| ex.resp_header("date").and_then(http_date))?;
    let client_now = now.unix_timestamp() as f64;
    // The server's clock (Date header) decides: a client whose clock runs behind sends a token it
    // believes is still valid.
    let server_now = ex.resp_header("date").and_then(http_date).map(|t| t.unix_timestamp() as f64);
    // JWTs the request carried: as credentials, and in cookies (an `access_token` or `jwt`
    // cookie an API reads instead of a header).
    let cookie_jwts: Vec<(String, crate::parse::jwt::Jwt)> = ex
        .sent_cookies()
        .filter(|(_, v)| v.starts_with("eyJ"))
        .filter_map(|(n, v)| crate::parse::jwt::decode(v).map(|j| (format!("the cookie `{}`", crate::redact::clip(n, 64)), j)))
        .take(8)
        .collect();
    let sent = ex.credentials.iter().filter_map(|c| c.jwt.as_ref().map(|j| (c.location.describe(), j))).chain(cookie_jwts.iter().map(|(n, j)| (n.clone(), j)));
    for (at, j) in sent {
        let Some(exp) = j.exp else { continue };
        let by_server = server_now.is_some_and(|s| exp <= s) && exp > client_now;
        if exp > client_now && !by_server {
            continue;
        }
        let now = if by_server { server_now.unwrap_or(client_now) } else { client_now };
        let ago = now - exp;
        let mut evidence = vec![format!("the token at {at} expired {} before the request (exp {})", fmt_duration(ago), fmt_unix(exp))];
        if by_server {
            evidence[0] = format!("by the server's clock (Date header) the token at {at} expired {} before the request (exp {})", fmt_duration(ago), fmt_unix(exp));
            evidence.push(format!("the client's clock runs {} behind the server's: by the client's own clock the token still looked valid", fmt_duration(server_now.unwrap_or(client_now) - client_now)));
        }
        if let (Some(iat), true) = (j.iat, j.iat.is_some_and(|i| i < exp)) {
            evidence.push(format!("it was issued at {} and lived {}", fmt_unix(iat), fmt_duration(exp - iat)));
        }
        let server_says_expired = ex.challenges.iter().any(|ch| ch.param("error_description").is_some_and(|d| d.to_ascii_lowercase().contains("expired")))
            || ex.resp_body_mentions(&["expired"]);
        if server_says_expired {
            evidence.push("the server's answer mentions expiry".into());
        }
        let confidence = if server_says_expired { 0.97 } else if ago > 60.0 { 0.92 } else { 0.6 };
        if ago <= 60.0 {
            evidence.push("it expired less than a minute before: clock skew between client and server may matter".into());
        }
        return Some(Hit {
            confidence,
            evidence,
            fix: vec![
                "refresh the token before `exp`, or on the first 401 refresh and retry the request once".into(),
                "when reading a token from storage, check its `exp` before using it".into(),
                "if tokens die sooner than expected, check that `expires_in` is treated as seconds".into(),
            ],
        });
    }
    let now = server_now.unwrap_or(client_now);
    expired_by_session(ctx, client_now).or_else(|| expired_presigned_url(ctx, now)).or_else(|| expired_sas(ctx, now)).or_else(|| expired_signed_link(ctx, now)).or_else(|| expired_by_word(ctx))
}

/// A signed link whose own `expires` (Unix seconds) is past: Laravel's temporary signed routes
/// (`?expires=…&signature=…`, refused as "Invalid signature." whatever the reason), and links of
/// the same make (`Expires=` of CloudFront's canned policy, a `sig`/`token` beside `expires`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn expired_signed_link(ctx: &Ctx, now: f64) -> Option<Hit> {
    let u = ctx.ex.parsed.as_ref()?;
    let (mut expires, mut signed) = (None, false);
    for (k, v) in u.query_pairs().take(64) {
        let k = k.to_ascii_lowercase();
        if matches!(k.as_str(), "expires" | "expires_at" | "expiry") {
            // Unix seconds of this century only: a duration (`expires=3600`) is no instant.
            expires = crate::parse::number(&v).filter(|e| *e > 1.0e9 && *e < 4.0e9);
        } else if matches!(k.as_str(), "signature" | "sig" | "token" | "hmac") && !v.is_empty() {
            signed = true;
        }
    }
    let ago = now - expires?;
    if !signed || ago <= 0.0 {
        return None;
    }
    Some(Hit {
        confidence: 0.92,
        evidence: vec![format!("the signed link carries `expires` {}: it had expired {} before the request", fmt_unix(expires?), fmt_duration(ago))],
        fix: vec![
            "ask the server for a fresh link (a new e-mail, a new signed URL): the signature covers `expires`, which cannot be extended by hand".into(),
            "if links die too early, make their lifetime longer where the server signs them".into(),
        ],
    })
}

/// A pre-signed URL (AWS SigV4 in the query) used after `X-Amz-Date` + `X-Amz-Expires`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn expired_presigned_url(ctx: &Ctx, now: f64) -> Option<Hit> {
    let u = ctx.ex.parsed.as_ref()?;
    let (mut date, mut expires) = (None, None);
    for (k, v) in u.query_pairs().take(64) {
        if k.eq_ignore_ascii_case("x-amz-date") {
            date = amz_date(&v).map(|t| t.unix_timestamp() as f64);
        } else if k.eq_ignore_ascii_case("x-amz-expires") {
            expires = crate::parse::number(&v).filter(|e| e.is_finite() && *e >= 0.0);
        }
    }
    let (signed, lifetime) = (date?, expires?);
    let ago = now - (signed + lifetime);
    if ago < 0.0 {
        return None;
    }
    Some(Hit {
        confidence: 0.93,
        evidence: vec![format!(
            "the pre-signed URL was signed at {} with X-Amz-Expires {} s: it expired {} before the request",
            fmt_unix(signed),
            lifetime.round(),
            fmt_duration(ago)
        )],
        fix: vec![
            "generate the pre-signed URL when it is needed (or with a longer X-Amz-Expires, up to 7 days)".into(),
            "do not cache pre-signed URLs longer than their lifetime".into(),
        ],
    })
}

/// An Azure Storage SAS (`sv=…&se=…&sig=…`) used after its `se` (signed expiry).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn expired_sas(ctx: &Ctx, now: f64) -> Option<Hit> {
    let u = ctx.ex.parsed.as_ref()?;
    let (mut se, mut sig) = (None, false);
    for (k, v) in u.query_pairs().take(64) {
        match k.as_ref() {
            "se" => se = crate::parse::date::rfc3339(&v).or_else(|| crate::parse::date::rfc3339(&format!("{v}T00:00:00Z"))).map(|t| t.unix_timestamp() as f64),
            "sig" => sig = true,
            _ => {}
        }
    }
    let (se, true) = (se?, sig) else { return None };
    let server = ctx.ex.resp_header("date").and_then(http_date).map(|t| t.unix_timestamp() as f64).unwrap_or(now);
    if se > server {
        return None;
    }
    Some(Hit {
        confidence: 0.94,
        evidence: vec![format!("the shared access signature's expiry `se` is {}, {} before the request", fmt_unix(se), fmt_duration(server - se))],
        fix: vec![
            "issue a new SAS when it is needed, with an expiry (`se`) that covers its use (and a start `st` a few minutes in the past, for clock skew)".into(),
            "do not cache SAS URLs longer than their lifetime".into(),
        ],
    })
}

/// Words by which servers say a token (not an API key) expired.
const SAYS_TOKEN_EXPIRED: &[&str] = &["token is expired", "token has expired", "token expired", "expiredtoken", "jwt expired", "session expired", "session has expired"];

/// The words of [`SAYS_TOKEN_EXPIRED`] that name a token, and Slack's and Square's error codes.
const SAYS_TOKEN_EXPIRED_NOT_SESSION: &[&str] = &["token is expired", "token has expired", "token expired", "token_expired", "expiredtoken"];

/// An opaque token or temporary credential the server itself calls expired.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn expired_by_word(ctx: &Ctx) -> Option<Hit> {
    use crate::exchange::server_says::Says;
    let ex = ctx.ex;
    let temporary = ex.req_header("x-amz-security-token").is_some();
    let said = ex.resp_body_mentions(SAYS_TOKEN_EXPIRED)
        || ex.challenges.iter().any(|ch| ch.param("error_description").is_some_and(|d| crate::exchange::mentions(d, SAYS_TOKEN_EXPIRED)))
        || ex.says(Says::Expired);
    if !said {
        return None;
    }
    // A provider's API key the server calls expired was rolled (invalid_credentials says so),
    // unless the server says a *token* expired: Square's OAuth access tokens, Slack's rotating
    // tokens and GitHub's tokens with an expiry have a secret key's format. A JWT that has not
    // expired is refused for another reason.
    let token_said = ex.resp_body_mentions(SAYS_TOKEN_EXPIRED_NOT_SESSION);
    let now = crate::signals::session::at(ex);
    // jsonwebtoken's `maxAge`: a JWT whose exp is still ahead but which is older than the server
    // accepts (its `iat` is what counts).
    let max_age = ex.resp_body_mentions(&["maxage exceeded"]);
    let c = ex.credentials.iter().find(|c| {
        (c.jwt.as_ref().is_none_or(|j| j.exp.is_none() && now.is_some()) || max_age && c.jwt.as_ref().is_some_and(|j| j.iat.is_some()))
            && (temporary || token_said || max_age || c.token_like())
    });
    let cookie_session = c.is_none() && ex.credentials.is_empty() && ex.has_cookie();
    if c.is_none() && !cookie_session && !(ex.credentials.is_empty() && ex.says(Says::Expired) && !ex.resp_body.is_empty()) {
        return None;
    }
    let what = if temporary {
        "temporary credentials (X-Amz-Security-Token)".to_string()
    } else if let Some(c) = c {
        format!("the token at {}", c.location.describe())
    } else if cookie_session {
        "a session cookie".to_string()
    } else {
        "a credential authlens could not find in the request (a signed URL or a token it does not know)".to_string()
    };
    let quote = { let q = ex.server_said().quote(ex, Says::Expired, 160); if q.is_empty() { String::new() } else { format!(": \"{q}\"") } };
    let mut fix_extra = Vec::new();
    if ex.req_body.contains("refresh_token") {
        fix_extra.push("the refresh token itself expired (or its session ended): sign the user in again to get a new one".to_string());
    }
    Some(Hit {
        // A login session that expired (Devise's "Your session expired") is session_rejected's,
        // which reads the cookie's history; this cause stays below it.
        confidence: if cookie_session && !temporary { 0.8 } else { 0.88 },
        evidence: vec![
            format!("the server says it expired{quote}; the request carried {what}"),
            if cookie_session { "the session is kept on the server, so authlens cannot read its expiry itself" } else { "the token is opaque, so authlens cannot read its expiry itself" }.into(),
        ],
        fix: if temporary {
            vec!["fetch new temporary credentials (STS AssumeRole / the SDK's credential provider refreshes them) and sign again".into()]
        } else {
            let mut f = fix_extra;
            f.push("refresh the token (or sign in again) and retry once".into());
            f.push("store the token's expiry with it and refresh before it lapses".into());
            f
        },
    })
}

/// An opaque token is expired when the session shows the response that handed it out, with an
/// `expires_in` that lapsed before this request.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn expired_by_session(ctx: &Ctx, now: f64) -> Option<Hit> {
    let ex = ctx.ex;
    let c = ex.credentials.iter().find(|c| c.jwt.is_none() && c.token_like())?;
    let x = c.raw().trim();
    let recent = crate::signals::session::recent(ctx.before);
    let (r, t) = recent.iter().rev().find_map(|r| r.issued.iter().find(|t| t.value == x).map(|t| (r, t)))?;
    let issued_at = crate::signals::session::at(r)?;
    // An absolute expiry given beside the token (django-rest-knox's `expiry`) is a lifetime too.
    let lifetime = t.expires_in.or_else(|| t.expires_at.map(|e| e - issued_at).filter(|l| *l > 0.0))?;
    let ago = now - (issued_at + lifetime);
    if ago < 0.0 {
        return None;
    }
    let mut evidence = vec![
        format!("entry #{} ({} {}{}) handed out this token {} {} s ({})", r.index, crate::redact::clip(&r.method, 16), crate::redact::clip(&r.host, 96), crate::redact::path(&r.path), if t.expires_in.is_some() { "with expires_in" } else { "with an expiry time" }, lifetime.round() as i64, fmt_duration(lifetime)),
        format!("this request was sent {} after that, {} after the token lapsed (at {})", fmt_duration(now - issued_at), fmt_duration(ago), fmt_unix(issued_at + lifetime)),
    ];
    let said = ex.challenges.iter().any(|ch| ch.param("error") == Some("invalid_token"))
        || ex.resp_body_mentions(&["expired", "not found in cache", "not found in the system"]);
    if said {
        evidence.push("the server's answer says the token is no longer valid".into());
    }
    Some(Hit {
        confidence: if said { 0.95 } else if ago > 60.0 { 0.9 } else { 0.6 },
        evidence,
        fix: vec![
            format!("request a new token from {}{} before the old one lapses (expires_in counts seconds from the response)", crate::redact::clip(&r.host, 96), crate::redact::path(&r.path)),
            "store the expiry time (now + expires_in) with the token and refresh a minute before it".into(),
            "on a 401, fetch a new token once and retry the request".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};
    use crate::parse::jwt::make;

    #[test]
    fn a_login_session_that_expired_is_the_sessions() {
        // Devise's timeoutable answer to a session cookie alone (devise's en.yml failure.timeout).
        let ex = crate::causes::test_util::with_status("https://app.example.test/api/v1/dues.json", &[("Cookie", "_app_session=Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZg%3D%3D--0a1b2c3d4e5f")], 401, r#"{"error":"Your session expired. Please sign in again to continue."}"#);
        let ids = crate::causes::test_util::ids(&ex);
        assert_eq!(ids[..2], ["session_rejected", "expired_token"]);
    }

    #[test]
    fn expired_relative_to_entry_time() {
        // the entry starts 2026-10-14T09:30:00Z; exp is 06:28 that day
        let t = make(r#"{"alg":"HS256"}"#, r#"{"exp":1791959280,"iat":1791955680}"#);
        let ex = failing("https://x.test/me", &[("Authorization", &format!("Bearer {t}"))]);
        assert_eq!(ids(&ex)[0], "expired_token");
        let hits = crate::causes::diagnose(&ex, &[]);
        assert!(hits[0].1.evidence[0].contains("expired 3 h 2 min before the request (exp 2026-10-14 06:28 UTC)"), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn opaque_token_past_its_expires_in() {
        use crate::exchange::Exchange;
        use crate::har::{Content, Entry, NameValue, Request, Response};
        let mk = |i: usize, t: &str, url: &str, auth: Option<&str>, status: i64, body: &str| {
            let headers = auth.map(|a| vec![NameValue { name: "Authorization".into(), value: format!("Bearer {a}") }]).unwrap_or_default();
            Exchange::new(i, &Entry {
                started_date_time: t.into(),
                request: Request { method: "POST".into(), url: url.into(), headers, ..Default::default() },
                response: Response { status, content: Content { text: Some(body.into()), ..Default::default() }, ..Default::default() },
                ..Default::default()
            })
        };
        let tok = mk(0, "2026-10-14T00:30:00Z", "https://api-m.paypal.com/v1/oauth2/token", None, 200, r#"{"access_token":"A21AAopaqueaccesstoken1234567890","expires_in":32398}"#);
        let late = mk(1, "2026-10-14T09:30:00Z", "https://api-m.paypal.com/v2/checkout/orders", Some("A21AAopaqueaccesstoken1234567890"), 401, r#"{"error":"invalid_token","error_description":"Access Token not found in cache"}"#);
        let hits = crate::causes::diagnose(&late, std::slice::from_ref(&tok));
        assert_eq!(hits[0].0.info.id, "expired_token");
        assert!(hits[0].1.evidence[1].contains("2 s after the token lapsed"), "{:?}", hits[0].1.evidence);
        // the same token within its lifetime is not expired
        let early = mk(1, "2026-10-14T01:30:00Z", "https://api-m.paypal.com/v2/checkout/orders", Some("A21AAopaqueaccesstoken1234567890"), 401, "");
        assert!(crate::causes::diagnose(&early, &[tok]).iter().all(|(c, _)| c.info.id != "expired_token"));
        // django-rest-knox's login answer gives an absolute `expiry` beside the token, and its
        // answer to a lapsed one is a bare "Invalid token." (knox/views.py, knox/auth.py)
        let login = mk(0, "2026-10-14T07:30:00Z", "https://api.example.test/api/auth/login/", None, 200, r#"{"expiry":"2026-10-14T08:30:00.000000Z","token":"9f2c8e1a7b4d6f3e5a2c8b1d7e4f6a3c9b2d5e8f1a4c7b3e6d9f2a5c8e1b4d7"}"#);
        let late = mk(1, "2026-10-14T09:30:00Z", "https://api.example.test/api/orders/", Some("9f2c8e1a7b4d6f3e5a2c8b1d7e4f6a3c9b2d5e8f1a4c7b3e6d9f2a5c8e1b4d7"), 401, r#"{"detail":"Invalid token."}"#);
        let hits = crate::causes::diagnose(&late, std::slice::from_ref(&login));
        assert_eq!(hits[0].0.info.id, "expired_token");
        assert!(hits[0].1.evidence[0].contains("expiry time"), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn opaque_token_the_server_calls_expired() {
        use crate::causes::test_util::with_status;
        let ex = with_status("https://api.example.test/me", &[("Authorization", "Bearer opaqueTokenAAAAAAAAAAAAAAAAAA1")], 401, r#"{"error":"invalid_token","error_description":"The access token expired"}"#);
        assert_eq!(ids(&ex)[0], "expired_token");
        // a rolled Stripe key is an API key, not a token: invalid_credentials explains it
        let ex = with_status("https://api.stripe.com/v1/charges", &[("Authorization", "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc")], 401, r#"{"error":{"code":"api_key_expired","message":"Expired API Key provided: sk_test_****7dc"}}"#);
        assert!(!ids(&ex).contains(&"expired_token"));
    }

    #[test]
    fn expired_jwt_in_a_cookie() {
        // An API that reads its JWT from an `access_token` cookie, not from a header.
        let t = make(r#"{"alg":"HS256"}"#, r#"{"exp":1791959280,"iat":1791955680}"#);
        let ex = failing("https://x.test/me", &[("Cookie", &format!("theme=dark; access_token={t}"))]);
        assert_eq!(ids(&ex)[0], "expired_token");
        let hits = crate::causes::diagnose(&ex, &[]);
        assert!(hits[0].1.evidence[0].contains("the cookie `access_token`"), "{:?}", hits[0].1.evidence);
        let fresh = make(r#"{"alg":"HS256"}"#, r#"{"exp":1792000000}"#);
        assert!(!ids(&failing("https://x.test/me", &[("Cookie", &format!("access_token={fresh}"))])).contains(&"expired_token"));
    }

    #[test]
    fn valid_token_not_expired() {
        let t = make(r#"{"alg":"HS256"}"#, r#"{"exp":1792000000}"#);
        assert!(!ids(&failing("https://x.test/me", &[("Authorization", &format!("Bearer {t}"))])).contains(&"expired_token"));
    }
}
