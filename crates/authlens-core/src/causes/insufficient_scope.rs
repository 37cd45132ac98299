use super::{declare_cause, Ctx, Failure, Hit};
use crate::exchange::{Exchange, Location};
use crate::providers::KeyKind;
use crate::redact::clip;
use crate::signals::session;

declare_cause! {
    /// ## What it means
    /// The credential was accepted as genuine, but it does not carry the scope, permission or
    /// role this call needs. The server knows who is calling and refuses the action.
    ///
    /// ## Why it happens
    /// OAuth tokens carry the scopes requested at login; restricted or scoped API keys carry the
    /// permissions ticked when they were created; app installations carry their granted
    /// permissions. A new endpoint, a new feature, or a token obtained with fewer scopes hits the
    /// limit. RFC 6750 answers this with `403` and `error="insufficient_scope"`, but providers
    /// vary: OpenAI answers `401` for missing scopes, Supabase reports database privilege errors
    /// (`42501`) as `401` or `403`, Firestore says "Missing or insufficient permissions" when no
    /// signed-in user's token was sent.
    ///
    /// ## How to fix
    /// 1. Find the scope or permission the endpoint needs (the `scope` of the challenge, or the
    ///    provider's error message names it).
    /// 2. Grant it: tick the permission on the restricted key, add the scope to the OAuth request
    ///    and sign in again, or give the app or credential the role.
    /// 3. Get a new token after changing scopes: a token keeps the scopes it was issued with.
    ///
    /// ## Example
    /// `GET /api/messages` with a token for `openid profile` → `403 WWW-Authenticate: Bearer
    /// error="insufficient_scope", scope="read:messages"`. Fixed: request `read:messages` at login.
    ///
    /// ## References
    /// RFC 6750 §3.1; RFC 9110 §15.5.4 (403 Forbidden).
    pub static CAUSE = {
        id: "insufficient_scope",
        category: Provider,
        since: "0.1.0",
        title: "the credential is valid but lacks the scope or permission for this call",
        check: check,
    };
}

/// What servers write when a valid credential lacks a permission.
const SAYS_SCOPE: &[&str] = &[
    "insufficient_scope",
    "insufficient authentication scopes",
    "insufficient scope",
    "does not have the required permissions",
    "resource not accessible by integration",
    "missing scopes",
    "insufficient permissions",
    "not_authorized",
    "permission_denied",
    "request_forbidden_error",
    "not authorized for this api service",
    "api key is forbidden",
    "\"message\":\"access forbidden\"",
    "\"errorcode\":\"010\"",
    "\"code\":\"42501\"",
    "permission denied for",
    "violates row-level security",
    "missing or insufficient permissions",
    "not authorized to send mail",
    "is not authorized to perform",
    "restricted api key",
    "required permissions are not available",
    "api_key_service_blocked",
    "api_key_http_referrer_blocked",
    "api_key_android_app_blocked",
    "api_key_ios_app_blocked",
];

/// What Google says of a key refused by its own restrictions (websites, APIs, IP addresses, apps).
const KEY_RESTRICTED: &[&str] = &[
    "api_key_http_referrer_blocked",
    "api_key_service_blocked",
    "api_key_ip_address_blocked",
    "api_key_android_app_blocked",
    "api_key_ios_app_blocked",
    "referer restrictions cannot be used",
];

/// Words of a 403 that speak of permissions in general.
const SAYS_FORBIDDEN: &[&str] = &["permission", "forbidden", "not authorized", "not allowed", "access denied", "accessdenied"];

fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if ex.is_preflight() || session::got_no_response(ex) {
        return None;
    }
    use crate::exchange::server_says::Says;
    // CSRF and SSO refusals have their own causes; an expired token is refused for its expiry
    // before any scope is looked at.
    if ex.says(Says::Csrf) || ex.says(Says::Sso) {
        return None;
    }
    let now = session::at(ex);
    let expired = ex.credentials.iter().any(|c| c.jwt.as_ref().is_some_and(|j| j.exp.is_some_and(|e| now.is_some_and(|n| e <= n))));
    if expired || (ex.says(Says::Expired) && !ex.says(Says::Scope)) {
        return None;
    }
    let has_cred = !ex.credentials.is_empty() || ex.has_cookie();
    let challenge = ex.challenges.iter().find(|c| c.param("error") == Some("insufficient_scope"));
    // A 401 whose words call the credential missing or invalid (App Store Connect's
    // `NOT_AUTHORIZED` "Authentication credentials are missing or invalid") refused the
    // credential: its bare code is no permission problem.
    let credential_refused = ctx.failure == Failure::Unauthorized && !ex.says(Says::Scope) && (ex.says(Says::Invalid) || ex.says(Says::Missing));
    // So is a 401 whose challenge says `error="invalid_token"` (RFC 6750 keeps
    // `insufficient_scope` for 403s), whatever its page says of permission (Google's front end:
    // "Your client does not have permission to the requested URL").
    let token_refused = ctx.failure == Failure::Unauthorized && ex.challenges.iter().any(|c| c.param("error") == Some("invalid_token"));
    let says = !token_refused && ((ex.resp_body_mentions(SAYS_SCOPE) && !credential_refused) || ex.says(Says::Scope));
    let mut evidence = Vec::new();
    let mut confidence: f64;
    if let Some(ch) = challenge {
        evidence.push(match ch.param("scope") {
            Some(s) => format!("the server answered `error=\"insufficient_scope\"` and names the scope it needs: `{}`", clip(s, 200)),
            None => "the server answered `error=\"insufficient_scope\"` (RFC 6750)".into(),
        });
        confidence = 0.96;
    } else if says {
        evidence.push(format!("the server's answer says the credential lacks a permission{}", named_permission(ex).map(|p| format!(": `{p}`")).unwrap_or_default()));
        confidence = 0.9;
    // A 401 that calls the credential itself bad ("Bad credentials") refused the credential: it
    // has expired or was revoked since it worked, which is no permission problem.
    } else if let Some(ok) = (!(ctx.failure == Failure::Unauthorized && ex.says(Says::Invalid))).then(|| works_elsewhere(ex, ctx.before)).flatten() {
        evidence.push(format!(
            "the same credential succeeded at entry #{} ({} {}), so it is valid: it is not allowed to call {} {}",
            ok.index,
            clip(&ok.method, 16),
            crate::redact::path(&ok.path),
            clip(&ex.method, 16),
            crate::redact::path(&ex.path)
        ));
        confidence = if ctx.failure == Failure::Forbidden { 0.8 } else { 0.6 };
    // A 403 whose answer calls the credential itself invalid (Vercel's `"invalidToken": true`,
    // Cloudflare's "Authentication error") refused the credential, not a permission.
    } else if ctx.failure == Failure::Forbidden && has_cred && ex.resp_body_mentions(SAYS_FORBIDDEN) && !ex.says(Says::Invalid) {
        evidence.push("the server refused with 403 and speaks of permissions: the credential was understood but is not allowed this".into());
        confidence = 0.55;
    } else {
        return None;
    }
    // A 401 that calls the credentials invalid before it speaks of permission (IIS's 401.1
    // "Access is denied due to invalid credentials. You do not have permission…") refused them.
    if ctx.failure == Failure::Unauthorized && challenge.is_none() && ex.resp_body_mentions(&["invalid credentials"]) {
        confidence = confidence.min(0.45);
    }
    if !has_cred {
        evidence.push("the request carried no credential at all, so the server had nobody to grant the permission to".into());
        confidence = confidence.min(0.5);
    }
    if let Some(granted) = token_scopes(ex) {
        evidence.push(format!("the token was granted: `{}`", clip(&granted, 200)));
    }
    // A key refused by its own restrictions: whether a user signed in is beside the point.
    let restricted = ex.resp_body_mentions(KEY_RESTRICTED);
    if let Some(only) = only_project_key(ex).filter(|_| !restricted) {
        evidence.push(only);
    }
    Some(Hit { confidence, evidence, fix: fixes(ex, challenge.and_then(|c| c.param("scope")).map(str::to_string).or_else(|| named_permission(ex))) })
}

/// An earlier success with the same credential on the same host. For an API key that means it
/// is valid and scoped; a token may simply have expired or been revoked since, so for tokens only
/// a success in the last two minutes counts.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn works_elsewhere<'a>(ex: &Exchange, before: &'a [Exchange]) -> Option<&'a Exchange> {
    let c = ex.credentials.first()?;
    // The same whole credential: every part (Basic user and password, each header) identical.
    let same_whole = |r: &Exchange| ex.credentials_also_in(r);
    // A token that has expired since the success proves nothing now.
    let now_s = session::at(ex);
    if ex.credentials.iter().any(|x| x.jwt.as_ref().is_some_and(|j| j.exp.is_some_and(|e| now_s.is_some_and(|n| e <= n)))) {
        return None;
    }
    let api_key = c.key.is_some_and(|k| k.rule.kind != KeyKind::Token);
    let now = session::at(ex);
    session::recent(before).iter().rev().find(|r| {
        (200..300).contains(&r.status)
            && r.host == ex.host
            && r.path != ex.path
            && same_whole(r)
            && (api_key || matches!((now, session::at(r)), (Some(a), Some(b)) if a - b <= 120.0))
    })
}

/// The scopes of the JWT the request carried.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn token_scopes(ex: &Exchange) -> Option<String> {
    ex.credentials.iter().filter_map(|c| c.jwt.as_ref()).find(|j| !j.scopes.is_empty()).map(|j| j.scopes.join(" "))
}

/// Firestore and Supabase: the project key identifies the project, not a user.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn only_project_key(ex: &Exchange) -> Option<String> {
    let p = ex.provider?;
    if !p.facts.anonymous_project_key {
        return None;
    }
    let user_token = ex.credentials.iter().any(|c| matches!(c.location, Location::Authorization) && c.jwt.as_ref().is_some_and(|j| j.role.as_deref() != Some("anon")));
    let project_key = ex.credentials.iter().any(|c| c.kind() == Some(KeyKind::Publishable) || c.jwt.as_ref().is_some_and(|j| j.role.as_deref() == Some("anon")));
    (project_key && !user_token).then(|| {
        format!("the request carried only the {} project key, no signed-in user's token: rules that need a user see an anonymous request", p.name)
    })
}

/// The permission or scope the server's message names, when it follows a known pattern.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn named_permission(ex: &Exchange) -> Option<String> {
    let body = ex.resp_body.as_str();
    for (start, end) in [("Missing scopes: ", ". "), ("Having the '", "'"), ("permission denied for table ", "\""), ("is not authorized to perform: ", " "), ("\"needed\":\"", "\""), ("\"scope\":\"", "\""), ("\"requiredScopes\":[", "]")] {
        if let Some(i) = body.find(start) {
            let rest = &body[i + start.len()..];
            let v: String = rest.split(end).next().unwrap_or("").chars().take(96).collect();
            let v = v.trim().trim_end_matches(['"', ',', '}']);
            if let Some(v) = crate::redact::quotable(v) {
                return Some(v);
            }
        }
    }
    None
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn fixes(ex: &Exchange, needed: Option<String>) -> Vec<String> {
    let need = needed.as_deref().map(|n| format!("`{}`", clip(n, 96))).unwrap_or_else(|| "the permission this endpoint needs".into());
    // The provider file's own fix, `{need}` standing for the permission.
    // A project key (Google's and Firebase's `AIza…`) carries no scopes: what it may call is set
    // by its restrictions.
    let project_key = ex.authorization.is_none() && ex.credentials.iter().any(|c| c.kind() == Some(KeyKind::Publishable));
    let first = match ex.provider.map(|p| p.facts.scope_fix).filter(|f| !f.is_empty() && !project_key) {
        Some(fix) => fix.replace("{need}", &need),
        None if project_key => "check the key's restrictions in the provider's console: the APIs it may call, and the websites, apps or IP addresses it may be used from".into(),
        None => format!("grant the credential {need}, then obtain a new token"),
    };
    vec![first, "a 403 is not fixed by retrying with the same credential".into()]
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{ids, with_status};
    use crate::har::NameValue;

    #[test]
    fn rfc6750_challenge() {
        let mut ex = with_status("https://api.example.test/api/messages", &[("Authorization", "Bearer abcdefghijklmnop123")], 403, "");
        ex.challenges = crate::parse::www_authenticate::parse(r#"Bearer realm="api", error="insufficient_scope", scope="read:messages""#);
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "insufficient_scope");
        assert!(hits[0].1.evidence[0].contains("read:messages"));
    }

    #[test]
    fn a_project_key_refused_by_its_restrictions() {
        // A Maps web service called from the page with the website-restricted browser key
        // (body as quoted in alexreisner/geocoder#1305)
        let ex = with_status(
            "https://maps.googleapis.com/maps/api/geocode/json?address=Main+St&key=AIzaSyD-1234567890abcdefghijklmnopqrstu",
            &[("Referer", "https://shop.example.test/")],
            403,
            r#"{"error_message":"API keys with referer restrictions cannot be used with this API.","results":[],"status":"REQUEST_DENIED"}"#,
        );
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "insufficient_scope");
        let fix = &hits[0].1.fix;
        assert!(fix[0].starts_with("call this API from your backend with a separate key restricted by IP address"), "{fix:?}");
        // an API key has no OAuth scopes to request
        assert!(!fix.iter().any(|f| f.contains("OAuth token")), "{fix:?}");
        // Firestore refusing the page's address: no talk of signed-in users
        let ex = with_status(
            "https://firestore.googleapis.com/v1/projects/p/databases/(default)/documents/a?key=AIzaSyD-1234567890abcdefghijklmnopqrstu",
            &[("Referer", "https://staging.example.test/")],
            403,
            r#"{"error":{"code":403,"message":"Requests from referer https://staging.example.test/ are blocked.","status":"PERMISSION_DENIED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"API_KEY_HTTP_REFERRER_BLOCKED","domain":"googleapis.com"}]}}"#,
        );
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "insufficient_scope");
        assert!(hits[0].1.fix[0].starts_with("add this page's address"), "{:?}", hits[0].1.fix);
        assert!(!hits[0].1.evidence.iter().any(|e| e.contains("signed-in user")), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn provider_bodies() {
        let ex = with_status("https://api.openai.com/v1/responses", &[("Authorization", "Bearer sk-proj-abcdefghijklmnopqrstuvwxyzABCDEFGH")], 401, "{\"error\":{\"message\":\"You have insufficient permissions for this operation. Missing scopes: api.responses.write. Check that you have the correct role\"}}");
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "insufficient_scope");
        assert!(hits[0].1.evidence[0].contains("api.responses.write"), "{:?}", hits[0].1.evidence);
        let ex = with_status("https://api.github.com/user", &[("Authorization", "Bearer ghs_abcdefghijklmnopqrstuvwxyz0123456789")], 403, r#"{"message":"Resource not accessible by integration"}"#);
        assert_eq!(ids(&ex)[0], "insufficient_scope");
        // Discord's 50001: the bot cannot see that channel or guild
        let ex = with_status("https://discord.com/api/v10/channels/1190000000000000000/messages", &[("Authorization", "Bot MTE5MDAwMDAwMDAwMDAwMDAwMA.GAbCdE.abcdefghijklmnopqrstuvwxyz0123456789AB")], 403, r#"{"message": "Missing Access", "code": 50001}"#);
        assert_eq!(ids(&ex)[0], "insufficient_scope");
    }

    #[test]
    fn earlier_success_needs_the_same_whole_credential() {
        use crate::exchange::Exchange;
        use crate::har::{Entry, NameValue, Request, Response};
        let mk = |i: usize, path: &str, auth: &str, status: i64| {
            Exchange::new(i, &Entry {
                started_date_time: "2026-10-14T09:29:30Z".into(),
                request: Request { method: "GET".into(), url: format!("https://api.example.test{path}"), headers: vec![NameValue { name: "Authorization".into(), value: auth.into() }], ..Default::default() },
                response: Response { status, content: crate::har::Content { text: Some(r#"{"message":"Forbidden"}"#.into()), ..Default::default() }, ..Default::default() },
                ..Default::default()
            })
        };
        // same user, another password: the earlier success proves nothing about this one
        let ok = mk(0, "/a", "Basic YWxpY2U6cGFzc3dvcmQx", 200);
        let now = mk(1, "/b", "Basic YWxpY2U6cGFzc3dvcmQy", 403);
        assert!(crate::causes::diagnose(&now, std::slice::from_ref(&ok)).iter().all(|(_, h)| h.evidence.iter().all(|e| !e.contains("entry #0"))));
        // the very same credential: it is valid, and not allowed this call
        let now = mk(1, "/b", "Basic YWxpY2U6cGFzc3dvcmQx", 403);
        let hits = crate::causes::diagnose(&now, &[ok]);
        assert_eq!(hits[0].0.info.id, "insufficient_scope");
        assert!(hits[0].1.evidence[0].contains("entry #0"), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn a_401_that_calls_the_credential_bad_is_no_scope_problem_after_an_earlier_success() {
        use crate::exchange::Exchange;
        use crate::har::{Entry, NameValue, Request, Response};
        let mk = |i: usize, path: &str, status: i64, body: &str| {
            Exchange::new(i, &Entry {
                started_date_time: "2026-10-14T09:29:30Z".into(),
                request: Request { method: "GET".into(), url: format!("https://api.github.com{path}"), headers: vec![NameValue { name: "Authorization".into(), value: "token ghp_abcdefghijklmnopqrstuvwxyz0123456789".into() }], ..Default::default() },
                response: Response { status, content: crate::har::Content { text: Some(body.into()), ..Default::default() }, ..Default::default() },
                ..Default::default()
            })
        };
        let ok = mk(0, "/user", 200, "{}");
        // GitHub's answer to a token that expired since it worked
        let now = mk(1, "/notifications", 401, r#"{"message":"Bad credentials","documentation_url":"https://docs.github.com/rest"}"#);
        assert!(!crate::causes::diagnose(&now, std::slice::from_ref(&ok)).iter().any(|(c, _)| c.info.id == "insufficient_scope"));
        // a plain 401 after the same success still suggests the permission
        let now = mk(1, "/notifications", 401, "");
        assert_eq!(crate::causes::diagnose(&now, &[ok])[0].0.info.id, "insufficient_scope");
    }

    #[test]
    fn near_misses() {
        // a rate limit is not a permission problem
        let mut ex = with_status("https://api.github.com/x", &[("Authorization", "Bearer ghp_x")], 403, "API rate limit exceeded");
        ex.resp_headers.push(NameValue { name: "X-RateLimit-Remaining".into(), value: "0".into() });
        assert!(ids(&ex).is_empty());
        // a plain 401 with a clean token is not about scope
        assert!(!ids(&with_status("https://api.example.test/x", &[("Authorization", "Bearer abcdefghijklmnop123")], 401, "")).contains(&"insufficient_scope"));
    }
}
