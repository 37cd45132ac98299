//! An authentication failure that no specific cause explains: say so plainly, list what was
//! checked, and give the general checklist of the API guides, specialised to what the request
//! carried (endpoint and method, a minimal request outside the app, the header's exact format,
//! expiry, scopes, sandbox vs production). Also recognises the failures that are not client bugs
//! at all: the first leg of a Negotiate/NTLM handshake, a 401 after the page itself logged out.

use crate::exchange::{fmt_unix, Exchange, Location};
use crate::redact::clip;
use crate::report::Unexplained;
use crate::exchange::server_says::Says;
use crate::signals::session;

/// What servers say when they could not fetch the keys they verify tokens with (their JWKS
/// endpoint): Spring Security (via Nimbus) in its `WWW-Authenticate` error_description, Envoy's
/// jwt_authn filter, panva/jose's timeout code.
const KEY_SET_UNREACHABLE: &[&str] = &["couldn't retrieve remote jwk set", "jwks remote fetch is failed", "err_jwks_timeout"];

/// Body phrases of a step-up answer (lowercase, as `resp_body_mentions` compares).
const STEP_UP: &[&str] = &["session_refresh_required", "\"id\":\"reauthenticate\"", "requires-recent-login", "credential_too_old_login_again", "reauthentication_required"];

/// Why this failure is part of normal operation (or no fault of the client), if it is.
pub fn not_a_client_bug(ex: &Exchange, before: &[Exchange]) -> Option<String> {
    let challenge = ex.resp_header("www-authenticate").map(str::to_ascii_lowercase).unwrap_or_default();
    if KEY_SET_UNREACHABLE.iter().any(|w| challenge.contains(w)) || ex.resp_body_mentions(KEY_SET_UNREACHABLE) {
        return Some("the server could not fetch the keys it checks tokens with (its JWKS endpoint did not answer): no token can pass until it does. A server-side outage, not a client bug: check the server's network path to the identity provider's jwks_uri".into());
    }
    // Step-up: the session is good, but this action wants a fresh sign-in (Ory Kratos's
    // `session_refresh_required`, django-allauth's `reauthenticate` flow, Firebase Auth's
    // `CREDENTIAL_TOO_OLD_LOGIN_AGAIN` / `auth/requires-recent-login`).
    if ex.resp_body_mentions(STEP_UP) {
        return Some("the server asks the signed-in user to sign in again before this sensitive action (step-up re-authentication): the session is valid and the app is to run the re-authentication flow the server names, then retry. A designed answer, not a client bug".into());
    }
    let negotiate = ex.challenges.iter().any(|c| c.scheme.eq_ignore_ascii_case("negotiate") || c.scheme.eq_ignore_ascii_case("ntlm"));
    if ex.http_status == 401 && negotiate {
        let sent = ex.authorization.as_ref().and_then(|a| a.scheme.as_deref()).map(str::to_ascii_lowercase);
        match sent.as_deref() {
            None => return Some("this 401 is the first leg of Windows authentication (Negotiate/NTLM): the server announces the schemes, the client answers with a token on the next request. It is a handshake, not a client bug".into()),
            Some("negotiate" | "ntlm")
                if ex.resp_headers.iter().any(|h| {
                    h.name.eq_ignore_ascii_case("www-authenticate") && h.value.split_once(' ').is_some_and(|(s, t)| (s.eq_ignore_ascii_case("negotiate") || s.eq_ignore_ascii_case("ntlm")) && t.trim().len() > 8)
                }) =>
            {
                return Some("this 401 carries the server's Negotiate/NTLM challenge token: a step of the Windows authentication handshake, not a client bug".into())
            }
            _ => {}
        }
    }
    // A 401 right after the page logged out (a logout call, or the session cookie deleted).
    if ex.authorization.is_none() && ex.credentials.is_empty() {
        let t = session::at(ex);
        let logout = session::recent(before).iter().rev().take(30).find(|r| {
            let p = r.path.to_ascii_lowercase();
            let close = matches!((t, session::at(r)), (Some(a), Some(b)) if a - b <= 120.0);
            close && (200..400).contains(&r.http_status) && r.host == ex.host && (p.contains("logout") || p.contains("signout") || p.contains("sign_out") || p.contains("log_out") || r.set_cookies.iter().any(|c| c.removed && looks_like_session(&c.name)))
        });
        if let Some(r) = logout {
            return Some(format!(
                "the page logged out just before (entry #{}, {} {}): a 401 for a request sent after that is the expected answer, not a client bug",
                r.index,
                clip(&r.method, 16),
                crate::redact::path(&r.path)
            ));
        }
    }
    // The page revoked or logged out this very token (RFC 7009 `/revoke` with `token=…`, a
    // logout call carrying it) and a request still in flight or queued sent it once more.
    if let Some(token) = ex.authorization.as_ref().map(|a| a.intended_credential()).filter(|t| t.len() >= 16) {
        let t = session::at(ex);
        let revoked_here = session::recent(before).iter().rev().take(30).find(|r| {
            let p = r.path.to_ascii_lowercase();
            let close = matches!((t, session::at(r)), (Some(a), Some(b)) if a - b <= 120.0);
            let carried = r.req_body.contains(token.as_str()) || r.authorization.as_ref().is_some_and(|a| a.intended_credential() == token);
            close && (200..300).contains(&r.http_status) && r.host == ex.host && carried && (p.contains("revoke") || p.contains("logout") || p.contains("signout") || p.contains("sign_out") || p.contains("log_out"))
        });
        if let Some(r) = revoked_here {
            return Some(format!(
                "the page itself revoked this token just before (entry #{}, {} {}): a 401 for a request sent with it afterwards is the expected answer, not a client bug",
                r.index,
                clip(&r.method, 16),
                crate::redact::path(&r.path)
            ));
        }
    }
    None
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn looks_like_session(name: &str) -> bool {
    let n = name.to_ascii_lowercase();
    ["sess", "sid", "auth", "token", "jwt", "login"].iter().any(|m| n.contains(m))
}

/// A 401/403 a human prompt or handshake produced, seen with the entries after it: a Basic
/// challenge on a page navigation followed by a success on the same URL.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn answered_prompt(ex: &Exchange, after: &[Exchange]) -> Option<String> {
    if ex.http_status != 401 || !ex.challenges.iter().any(|c| c.scheme.eq_ignore_ascii_case("basic") || c.scheme.eq_ignore_ascii_case("digest")) {
        return None;
    }
    let navigation = ex.resource_type.as_deref() == Some("document") || ex.req_header("sec-fetch-mode").is_some_and(|m| m.eq_ignore_ascii_case("navigate"));
    if !navigation || ex.authorization.is_some() {
        return None;
    }
    let t = session::at(ex);
    let ok = after.iter().take(20).find(|r| {
        r.host == ex.host && r.path == ex.path && (200..400).contains(&r.http_status) && r.authorization.is_some() && matches!((t, session::at(r)), (Some(a), Some(b)) if b - a <= 300.0)
    })?;
    Some(format!(
        "the browser asked the user for a password (a {} challenge on a page navigation) and the same page succeeded with credentials at entry #{}: a login prompt, not a client bug",
        clip(&ex.challenges.first().map(|c| c.scheme.clone()).unwrap_or_default(), 16),
        ok.index
    ))
}

/// The plain answer for an authentication failure without a recognised cause.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn unexplained(ex: &Exchange, before: &[Exchange]) -> Unexplained {
    if let Some(why) = not_a_client_bug(ex, before) {
        return Unexplained { summary: why, checked: Vec::new(), checklist: Vec::new() };
    }
    let said = ex.server_said();
    let mut checked = Vec::new();
    if ex.credentials.is_empty() && !ex.has_cookie() {
        checked.push("credentials: none found in the headers, query or body, and no Cookie".to_string());
    } else {
        for c in ex.credentials.iter().take(4) {
            checked.push(format!("credential at {}: {} ({}) — no placeholder, whitespace or format damage found", c.location.describe(), c.describe(), c.redacted()));
        }
        if ex.has_cookie() {
            checked.push(format!("cookies sent: {}", session::sent_cookie_names(ex).iter().take(8).map(|n| clip(n, 32)).collect::<Vec<_>>().join(", ")));
        }
    }
    for c in ex.credentials.iter().filter_map(|c| c.jwt.as_ref()).take(1) {
        let mut parts = Vec::new();
        if let Some(e) = c.exp {
            parts.push(format!("exp {}", fmt_unix(e)));
        }
        if let Some(i) = c.iat {
            parts.push(format!("iat {}", fmt_unix(i)));
        }
        if !c.aud.is_empty() {
            parts.push(format!("aud `{}`", clip(&c.aud.join(" "), 96)));
        }
        if let Some(i) = &c.iss {
            parts.push(format!("iss `{}`", clip(i, 96)));
        }
        checked.push(format!("JWT claims read (not verified): {}; none explains the refusal", if parts.is_empty() { "no time, audience or issuer claims".into() } else { parts.join(", ") }));
    }
    checked.push(match ex.challenges.first() {
        Some(c) => format!("WWW-Authenticate asks for `{}`{}", clip(&c.scheme, 32), c.param("error").map(|e| format!(" with error `{}`", clip(e, 48))).unwrap_or_default()),
        None if ex.http_status == 401 => "no WWW-Authenticate header (RFC 9110 requires one on a 401), so the scheme the server wants is not stated".into(),
        None => "no WWW-Authenticate header".into(),
    });
    checked.push(match said.says.first() {
        Some((k, _)) => format!("the server's words read as: {}", k.reading()),
        None if said.is_empty() => "the response body is empty or says nothing specific".into(),
        None => "the server's message names no specific reason".into(),
    });
    checked.push("the session: no redirect that dropped the header, no refused preflight, no newer token, no earlier success that explains it".into());

    let mut checklist = Vec::new();
    let target = format!("{} {}{}", clip(&ex.method, 16), clip(&ex.host, 96), crate::redact::path(&ex.path));
    checklist.push(format!("endpoint and method: check that `{target}` is exactly what the API documents (base URL, API version, region, method)"));
    let how = match ex.credentials.first().map(|c| &c.location) {
        Some(Location::Authorization | Location::BasicUser | Location::BasicPassword) => {
            let scheme = ex.authorization.as_ref().and_then(|a| a.scheme.clone()).unwrap_or_else(|| "Bearer".into());
            format!("-H 'Authorization: {} $TOKEN'", clip(&scheme, 24))
        }
        Some(Location::Header(h)) => format!("-H '{}: $KEY'", clip(h, 48)),
        Some(Location::Query(q)) => format!("with `{}=$KEY` in the query", clip(q, 32)),
        Some(Location::Body(_) | Location::Path) => "with the credential where the API documents it".into(),
        None if ex.has_cookie() => "-H 'Cookie: …' (the session cookie copied from the browser)".into(),
        None => "with the credential the API documents".into(),
    };
    checklist.push(format!("reproduce with a minimal request outside the app: `curl -i -X {} 'https://{}{}' {how}`, the credential read from an environment variable", clip(&ex.method, 16), clip(&ex.host, 96), crate::redact::path(&ex.path)));
    match ex.credentials.first().map(|c| &c.location) {
        Some(Location::Header(h)) => checklist.push(format!("the header's exact name and format: `{}` as the API spells it, the bare value (no scheme, quotes or newline)", clip(h, 48))),
        Some(_) => checklist.push("the header's exact format: `Authorization: <Scheme> <credential>`, one space, no quotes, no trailing newline, the scheme the API documents".into()),
        None if ex.has_cookie() => checklist.push("the session: log in again; check the cookie is sent to this host (Domain, Path, SameSite) and whether the server also expects a CSRF header".into()),
        None => checklist.push("the request carried no credential: add the one the API documents".into()),
    }
    if ex.credentials.iter().any(|c| c.jwt.is_some()) {
        checklist.push("expiry: decode the token and compare `exp`/`nbf` with the server's clock; refresh it and retry once".into());
    } else {
        checklist.push("expiry and rotation: was the key or token rotated, revoked or expired since it was copied? Create a fresh one and retry".into());
    }
    checklist.push("scopes and roles: does the credential have the permission this endpoint needs (API scopes, key permissions, user role)?".into());
    checklist.push(match (ex.provider, ex.env) {
        (Some(p), Some(e)) => format!("sandbox vs production: {} is the {} {} host; the credential must come from the same environment and account", clip(&ex.host, 96), p.name, e.as_str()),
        _ => "sandbox vs production: the credential and the host must belong to the same environment, account, project or tenant".into(),
    });
    if said.has(Says::Restricted) {
        checklist.insert(0, "the server speaks of an account, plan, region or key restriction: the credential may be fine; check the account's status, plan and allowed regions or referrers".into());
    }
    Unexplained {
        summary: if said.has(Says::Restricted) {
            "authlens recognised no credential problem: the server refuses for an account, plan, region or key restriction".into()
        } else {
            "no specific cause recognised: the server refused the request and nothing in it or in the session shows why".into()
        },
        checked,
        checklist,
    }
}
