use super::{declare_cause, Ctx, Hit};
use crate::exchange::{fmt_unix, Credential, Exchange, Location};
use crate::redact::{clip, Redacted};
use crate::signals::session::{self, IssuedToken};

declare_cause! {
    /// ## What it means
    /// Earlier in the session the app obtained a newer token — a login or refresh response handed
    /// one out, or another request already succeeded with a newer one — and this request still
    /// carries the old token.
    ///
    /// ## Why it happens
    /// The header was built once and kept: the token was copied into `axios.defaults.headers`, an
    /// HTTP client instance, or a module-level constant when the code loaded, and the login or
    /// refresh later stored a new token that this code path never reads. Two tabs or two clients
    /// that refresh independently produce the same picture, as does a refresh that revokes the
    /// previous token while a request with it is still queued.
    ///
    /// ## How to fix
    /// 1. Read the token when each request is made (an interceptor that reads the store), not once
    ///    at start-up.
    /// 2. After login or refresh, update every client that holds an `Authorization` default.
    /// 3. On a `401`, retry once with the latest token before signing the user out.
    ///
    /// ## Example
    /// `POST /login` → `200 {"token":"eyJ…NEW"}`, then `GET /api/me` with `Authorization: Bearer
    /// eyJ…OLD` → `401`; after a page reload the same call works. Fixed: set the header in a
    /// request interceptor that reads the current token.
    ///
    /// ## Known limits
    /// authlens only sees tokens that pass through the capture; a token refreshed before the
    /// capture started, or in a service worker, is invisible.
    pub static CAUSE = {
        id: "stale_token",
        category: Session,
        since: "0.1.0",
        title: "the request still sends an old token after a newer one was obtained",
        check: check,
    };
}

/// Token fields in the order a response's main token is chosen (an access token beats an ID token).
const PRIMARY: &[&str] = &["access_token", "accessToken", "token", "jwt", "auth_token", "authToken", "bearer_token", "id_token", "idToken"];

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn primary(issued: &[IssuedToken]) -> Option<&IssuedToken> {
    PRIMARY.iter().find_map(|f| issued.iter().find(|t| t.field == *f))
}

/// The bearer-like credential of a request: `Authorization` or a token header, not a provider API key.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn token_of(ex: &Exchange) -> Option<&Credential> {
    ex.credentials.iter().find(|c| {
        matches!(&c.location, Location::Authorization)
            || matches!(&c.location, Location::Header(h) if ["x-auth-token", "x-access-token"].iter().any(|n| h.eq_ignore_ascii_case(n)))
    })
    .filter(|c| c.token_like() && c.raw().len() >= 16)
}

/// A newer token seen in the session.
struct Newer<'a> {
    at: &'a Exchange,
    how: String,
    value: &'a str,
    iat: Option<f64>,
}

/// A token as a map key: hashed by its length and ends, compared whole. Hashing whole values
/// cost O(lookback × token length) per request (64 KiB tokens made a 50 MB session take seconds).
#[derive(PartialEq, Eq)]
struct TokenKey<'a>(&'a str);

impl std::hash::Hash for TokenKey<'_> {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn hash<H: std::hash::Hasher>(&self, h: &mut H) {
        let b = self.0.as_bytes();
        b.len().hash(h);
        b.get(..32.min(b.len())).hash(h);
        b.get(b.len().saturating_sub(32)..).hash(h);
    }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let cur = token_of(ex)?;
    let x = cur.raw().trim();
    if crate::signals::placeholder(x).is_some() {
        return None;
    }
    let recent = session::recent(ctx.before);
    // When the current token first appears (used or handed out), and when it was last handed out.
    // Where each token value first appears (used or handed out), in one pass.
    let mut first_seen: std::collections::HashMap<TokenKey, usize> = std::collections::HashMap::with_capacity(recent.len() * 2);
    for (i, r) in recent.iter().enumerate() {
        if let Some(c) = token_of(r) {
            first_seen.entry(TokenKey(c.raw().trim())).or_insert(i);
        }
        for t in &r.issued {
            first_seen.entry(TokenKey(t.value.as_str())).or_insert(i);
        }
    }
    let first_x = first_seen.get(&TokenKey(x)).copied();
    let last_issue_x = recent.iter().rposition(|r| r.issued.iter().any(|t| t.value == x));
    let x_iat = cur.jwt.as_ref().and_then(|j| j.iat);
    let mut newest: Option<(usize, Newer)> = None;
    for (i, r) in recent.iter().enumerate() {
        let cand = if let Some(t) = primary(&r.issued).filter(|t| t.value != x && !r.issued.iter().any(|o| o.value == x)) {
            let related = session::site(&r.host) == session::site(&ex.host)
                || last_issue_x.is_some_and(|j| recent[j].host == r.host && recent[j].path == r.path)
                || matches!((&t.jwt, &cur.jwt), (Some(a), Some(b)) if a.iss.is_some() && a.iss == b.iss);
            related.then(|| Newer { at: r, how: format!("returned a token in `{}`", clip(&t.field, 32)), value: t.value.as_str(), iat: t.jwt.as_ref().and_then(|j| j.iat) })
        } else if r.host == ex.host && (200..300).contains(&r.status) {
            token_of(r).filter(|c| c.raw().trim() != x).map(|c| Newer { at: r, how: "succeeded with another token".into(), value: c.raw().trim(), iat: c.jwt.as_ref().and_then(|j| j.iat) })
        } else {
            None
        };
        let Some(n) = cand else { continue };
        let first_y = first_seen.get(&TokenKey(n.value)).copied();
        let seen_before = first_x.is_some_and(|fx| first_y.is_some_and(|fy| fx < fy));
        let older_by_iat = matches!((x_iat, n.iat), (Some(a), Some(b)) if a + 1.0 < b);
        let newer_by_iat = matches!((x_iat, n.iat), (Some(a), Some(b)) if a > b + 1.0);
        let reissued_after = last_issue_x.is_some_and(|j| j > i);
        if (seen_before || older_by_iat) && !newer_by_iat && !reissued_after {
            newest = Some((i, n));
        }
    }
    let (_, n) = newest?;
    let mut evidence = vec![format!(
        "entry #{} ({} {}{}) {}: {}",
        n.at.index,
        clip(&n.at.method, 16),
        clip(&n.at.host, 96),
        crate::redact::path(&n.at.path),
        n.how,
        describe(n.value, n.iat)
    )];
    let mut older = Vec::new();
    if let Some(fx) = first_x {
        older.push(format!("first seen at entry #{}", recent[fx].index));
    }
    if let Some(iat) = x_iat {
        older.push(format!("issued {}", fmt_unix(iat)));
    }
    evidence.push(format!("this request still sends the older token ({}{})", cur.redacted(), if older.is_empty() { String::new() } else { format!(", {}", older.join(", ")) }));
    let mut confidence = if first_x.is_some() { 0.95 } else { 0.85 };
    let now = session::at(ex);
    // When the old token has lapsed too (its `exp`, or the `expires_in` it was handed out with),
    // staleness is the root cause: the app did refresh, this code path kept the old value.
    let lapsed = cur.jwt.as_ref().and_then(|j| j.exp).or_else(|| {
        let j = last_issue_x?;
        let t = recent[j].issued.iter().find(|t| t.value == x)?;
        Some(session::at(&recent[j])? + t.expires_in?)
    });
    if let (Some(exp), Some(now)) = (lapsed, now) {
        if exp <= now {
            evidence.push(format!("the old token has also expired ({}): the app refreshed, but this code path kept the old value", fmt_unix(exp)));
            confidence = 0.98;
        }
    }
    Some(Hit {
        confidence,
        evidence,
        fix: vec![
            "read the token when each request is built (a request interceptor reading the current store), not once at start-up".into(),
            "after login or refresh, update every HTTP client that holds an Authorization default (axios.defaults, instances)".into(),
            "on a 401, retry once with the latest token before signing the user out".into(),
        ],
    })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn describe(value: &str, iat: Option<f64>) -> String {
    let r = if crate::parse::jwt::looks_like_jwt(value) { Redacted::jwt(value) } else { Redacted::new(value) };
    match iat {
        Some(t) => format!("{r}, issued {}", fmt_unix(t)),
        None => r.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use crate::exchange::Exchange;
    use crate::har::{Content, Entry, NameValue, Request, Response};
    use crate::parse::jwt::make;

    fn ex(i: usize, method: &str, url: &str, bearer: Option<&str>, status: i64, body: &str) -> Exchange {
        let headers = bearer.map(|b| vec![NameValue { name: "Authorization".into(), value: format!("Bearer {b}") }]).unwrap_or_default();
        let e = Entry {
            started_date_time: format!("2026-10-14T09:30:0{i}Z"),
            request: Request { method: method.into(), url: url.into(), headers, ..Default::default() },
            response: Response { status, content: Content { text: Some(body.into()), ..Default::default() }, ..Default::default() },
            ..Default::default()
        };
        Exchange::new(i, &e)
    }

    fn top(last: &Exchange, before: &[Exchange]) -> Option<&'static str> {
        crate::causes::diagnose(last, before).first().map(|(c, _)| c.info.id)
    }

    #[test]
    fn login_then_old_token() {
        let old = make(r#"{"alg":"HS256"}"#, r#"{"sub":"u1","iat":1791966600,"exp":1791980000}"#);
        let new = make(r#"{"alg":"HS256"}"#, r#"{"sub":"u1","iat":1791970198,"exp":1791980000}"#);
        let a = ex(0, "GET", "https://api.example.test/api/me", Some(&old), 401, "");
        let login = ex(1, "POST", "https://api.example.test/login", None, 200, &format!("{{\"token\":\"{new}\"}}"));
        let b = ex(2, "GET", "https://api.example.test/api/me", Some(&old), 401, "");
        let hits = crate::causes::diagnose(&b, &[a, login]);
        assert_eq!(hits[0].0.info.id, "stale_token");
        let all = format!("{:?}", hits[0].1);
        assert!(!all.contains(&old) && !all.contains(&new));
    }

    #[test]
    fn refreshed_but_old_expired_token_used() {
        let at = |s: &str| format!("{{\"access_token\":\"{s}\",\"token_type\":\"Bearer\",\"expires_in\":3600}}");
        let old = "opaqueTokenAAAAAAAAAAAAAAAAAA1";
        let new = "opaqueTokenBBBBBBBBBBBBBBBBBB2";
        let t1 = ex(0, "POST", "https://auth.example.test/oauth/token", None, 200, &at(old));
        let t2 = ex(1, "POST", "https://auth.example.test/oauth/token", None, 200, &at(new));
        let last = ex(2, "GET", "https://api.other.test/v1/x", Some(old), 401, "");
        assert_eq!(top(&last, &[t1, t2]), Some("stale_token"));
    }

    #[test]
    fn near_misses() {
        // the request uses the newest token: not stale
        let t1 = ex(0, "POST", "https://api.example.test/login", None, 200, "{\"token\":\"opaqueTokenAAAAAAAAAAAAAAAAAA1\"}");
        let last = ex(1, "GET", "https://api.example.test/me", Some("opaqueTokenAAAAAAAAAAAAAAAAAA1"), 401, "");
        assert_ne!(top(&last, std::slice::from_ref(&t1)), Some("stale_token"));
        // a token response elsewhere, with no link to this token: not stale
        let t2 = ex(0, "POST", "https://login.elsewhere.test/token", None, 200, "{\"access_token\":\"opaqueTokenBBBBBBBBBBBBBBBBBB2\"}");
        let last = ex(1, "GET", "https://api.example.test/me", Some("opaqueTokenCCCCCCCCCCCCCCCCCC3"), 401, "");
        assert_ne!(top(&last, &[t2]), Some("stale_token"));
        // an API key is not a session token
        let t3 = ex(0, "POST", "https://api.example.test/login", None, 200, "{\"token\":\"opaqueTokenBBBBBBBBBBBBBBBBBB2\"}");
        let prev = ex(1, "GET", "https://api.checkout.com/payments", Some("sk_sbox_abcdefghijklmnopqrstuvwxyz2"), 200, "");
        let last = ex(2, "GET", "https://api.checkout.com/payments", Some("sk_sbox_abcdefghijklmnopqrstuvwxyz2"), 401, "");
        assert_ne!(top(&last, &[t3, prev]), Some("stale_token"));
    }
}
