use super::{declare_cause, Ctx, Hit};
use crate::exchange::{Credential, Exchange};
use crate::providers::{self, KeyKind};
use crate::redact::clip;
use crate::exchange::server_says::Says;

declare_cause! {
    /// ## What it means
    /// The request sent a real token of the wrong type: a refresh token where an access token
    /// belongs, an access token where the API wants an ID token (or the reverse), or a project
    /// key where a user's session token is expected.
    ///
    /// ## Why it happens
    /// - The login response holds several tokens (`access`, `refresh`, `id_token`) and the app
    ///   stored the wrong one (Django REST framework simplejwt: "Token has wrong type").
    /// - The app sends the OpenID Connect ID token (it has `nonce`/`at_hash`; its audience is the
    ///   app's client id) to an API, which answers that the audience is invalid: the ID token
    ///   tells the app who signed in, the API wants an access token issued for it.
    /// - Google Cloud Run and Cloud Functions authenticate callers with a Google-signed ID token
    ///   whose audience is the service URL; an OAuth access token (`ya29.…`) is refused.
    /// - Amazon API Gateway Cognito authorizers (REST APIs) validate the ID token unless scopes
    ///   are configured; sending the access token gets `401 Unauthorized`.
    /// - Supabase Auth wants the user's session JWT; the project's anon or service key has no
    ///   `sub` ("missing sub claim").
    ///
    /// ## How to fix
    /// 1. Send the access token (`access`/`access_token`) in `Authorization`; keep the refresh
    ///    token for the token endpoint only.
    /// 2. Cloud Run/Functions: fetch an ID token with the service URL as audience
    ///    (`gcloud auth print-identity-token`, the metadata server's `identity` endpoint).
    /// 3. Match what the authorizer validates (ID token vs access token with scopes).
    ///
    /// ## Example
    /// `Authorization: Bearer <refresh token>` → `401 {"detail":"Given token not valid for any
    /// token type","code":"token_not_valid","messages":[{"token_class":"AccessToken","token_type":
    /// "access","message":"Token has wrong type"}]}`. Fixed: send the `access` token.
    pub static CAUSE = {
        id: "wrong_token_type",
        category: Token,
        since: "0.2.0",
        title: "a token of the wrong type was sent (refresh, ID or access token, project key)",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let says = ex.says(Says::WrongTokenType);
    let mut evidence = Vec::new();
    let mut fix = Vec::new();
    if says {
        let said = ex.server_said().quote(ex, Says::WrongTokenType, 160);
        evidence.push(format!("the server says the token is of the wrong type: \"{}\"", said));
    }
    let mut confidence: f64 = if says { 0.9 } else { 0.0 };
    for c in ex.credentials.iter().filter(|c| matches!(c.location, crate::exchange::Location::Authorization | crate::exchange::Location::Header(_))).take(4) {
        if let Some(t) = refresh_token(c) {
            evidence.push(format!("the token at {} is a refresh token ({t})", c.location.describe()));
            fix.push("send the access token in Authorization; a refresh token is only for the token endpoint".into());
            confidence = confidence.max(0.93);
        }
    }
    match handed_out_as(ctx) {
        Some((Handed::Refresh, why)) => {
            evidence.push(why);
            fix.push("send the access token in Authorization; a refresh token is only for the token endpoint".into());
            confidence = confidence.max(0.94);
        }
        // Backends that verify ID tokens by design (Firebase's, Sign in with Google's) get them
        // sent too: the value counts as the wrong token only when the same response handed out an
        // access token beside it and the server does not name another fault (expired, signature).
        Some((Handed::Id, why)) if !wants_id_tokens(ex) && ![Says::Expired, Says::Signature, Says::NotYetValid, Says::Revoked].iter().any(|s| ex.says(*s)) => {
            evidence.push(why);
            fix.push(ID_TOKEN_FIX.into());
            confidence = confidence.max(0.96);
        }
        _ => {
            if let Some(why) = looks_like_id_token(ex) {
                evidence.push(why);
                fix.push(ID_TOKEN_FIX.into());
                confidence = confidence.max(0.93);
            }
        }
    }
    if let Some((why, issuer_fix)) = id_token_to_provider_api(ex) {
        evidence.push(why);
        fix.push(issuer_fix.into());
        confidence = confidence.max(0.92);
    }
    if let Some((why, id_token_fix)) = google_access_token_to_run(ex) {
        evidence.push(why);
        fix.push(id_token_fix.into());
        confidence = confidence.max(0.93);
    }
    if let Some((c, use_)) = ex.credentials.iter().find_map(|c| c.jwt.as_ref().and(token_use(c)).map(|u| (c, u))) {
        // A gateway whose routes sit behind an authorizer of their own (API Gateway's `scheme_unsure_hosts`).
        let gateway = providers::ALL.iter().any(|p| p.facts.scheme_unsure_hosts.iter().any(|h| ex.host.contains(h)));
        if use_ == "access" && gateway && ex.http_status == 401 && !says {
            evidence.push(format!("the token at {} is a Cognito access token (`token_use: access`); an API Gateway REST Cognito authorizer without scopes validates ID tokens", c.location.describe()));
            fix.push("send the Cognito ID token, or configure authorization scopes on the method so the access token is accepted".into());
            confidence = confidence.max(0.75);
        }
        // Cognito Identity's `Logins` (and other ID-token consumers) name the `aud` claim an
        // access token does not carry: "Invalid login token. Missing a required claim: aud".
        if use_ == "access" && c.jwt.as_ref().is_some_and(|j| j.aud.is_empty()) && ex.resp_body_mentions(&["required claim: aud", "missing claim: aud", "missing required claim aud"]) {
            evidence.push(format!("the token at {} is a Cognito access token (`token_use: access`, no `aud`), and the server asks for the `aud` claim an ID token carries", c.location.describe()));
            fix.push("send the ID token (`idToken` of the sign-in result) where the API expects a login token".into());
            confidence = confidence.max(0.88);
        }
    }
    if confidence == 0.0 {
        return None;
    }
    if fix.is_empty() {
        fix.push("send the token type the API documents: usually the access token, not the refresh or ID token or a project key".into());
    }
    fix.push("check which of the login response's tokens the code stores and sends".into());
    Some(Hit { confidence, evidence, fix })
}

/// The claim that makes a JWT a refresh token, when one does.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn refresh_token(c: &Credential) -> Option<String> {
    let raw = c.raw().trim();
    c.jwt.as_ref()?;
    let payload = crate::parse::jwt::segment(raw.split('.').nth(1)?)?;
    for k in ["token_type", "typ", "token_use", "type"] {
        if let Some(v) = payload.get(k).and_then(|v| v.as_str()) {
            if v.eq_ignore_ascii_case("refresh") || v.eq_ignore_ascii_case("refresh_token") || v.eq_ignore_ascii_case("Refresh") {
                return Some(format!("`{k}: {}`", clip(v, 24)));
            }
        }
    }
    let header = crate::parse::jwt::segment(raw.split('.').next()?)?;
    if header.get("typ").and_then(|v| v.as_str()).is_some_and(|v| v.to_ascii_lowercase().contains("refresh")) {
        return Some("header `typ` names a refresh token".into());
    }
    None
}

const ID_TOKEN_FIX: &str = "send the access token, not the ID token (an ID token tells the app who signed in; APIs take access tokens): request one with this API's audience, resource or scope";

/// Which of a login response's tokens a value was.
enum Handed {
    Refresh,
    Id,
}

/// The provider and service when the API is one that authenticates callers with ID tokens
/// (Cloud Run: `id_token_hosts`).
fn id_token_host(ex: &Exchange) -> Option<(&'static providers::Provider, &'static str)> {
    providers::ALL.iter().find_map(|p| p.facts.id_token_hosts.iter().find(|h| ex.host.ends_with(h.suffix)).map(|h| (*p, h.name)))
}

fn wants_id_tokens(ex: &Exchange) -> bool {
    id_token_host(ex).is_some()
}

/// The token sent as the API's credential is an OpenID Connect ID token by its claims (`nonce`,
/// `at_hash`), sent to an API that does not take ID tokens. A provider's own API with its own
/// reading (`id_token_to_provider_api`) is left to that.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn looks_like_id_token(ex: &Exchange) -> Option<String> {
    if wants_id_tokens(ex) || ex.provider.is_some_and(|p| !p.facts.id_token_issuers.is_empty()) {
        return None;
    }
    let c = ex.credentials.iter().find(|c| c.jwt.as_ref().is_some_and(|j| j.looks_like_id_token) && sent_as_access_token(&c.location))?;
    Some(format!("the token at {} is an ID token (it has `nonce`/`at_hash`): it is made for the app that signed the user in, not for an API", c.location.describe()))
}

/// Where an API reads an access token: `Authorization`, a header, `?access_token=`.
fn sent_as_access_token(l: &crate::exchange::Location) -> bool {
    match l {
        crate::exchange::Location::Authorization | crate::exchange::Location::Header(_) => true,
        crate::exchange::Location::Query(q) => q.eq_ignore_ascii_case("access_token"),
        _ => false,
    }
}

/// The bearer value is the one an earlier response handed out as the refresh token or the ID token.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn handed_out_as(ctx: &Ctx) -> Option<(Handed, String)> {
    let c = ctx.ex.credentials.iter().find(|c| sent_as_access_token(&c.location))?;
    let v = c.raw().trim();
    if v.len() < 16 {
        return None;
    }
    // One searcher for the value, built once; a body that never says "refresh" is skipped
    // before it is searched (a session of thousands of exchanges looks back here per failure).
    let finder = memchr::memmem::Finder::new(v.as_bytes());
    crate::signals::session::recent(ctx.before).iter().rev().take(200).find_map(|r| {
        let b = r.resp_body.as_bytes();
        if !(200..300).contains(&r.http_status) || (memchr::memmem::find(b, b"efresh").is_none() && memchr::memmem::find(b, b"d_token").is_none() && memchr::memmem::find(b, b"dToken").is_none()) {
            return None;
        }
        let i = finder.find(b)?;
        let mut start = i.saturating_sub(40);
        while start > 0 && !r.resp_body.is_char_boundary(start) {
            start -= 1;
        }
        let before = r.resp_body.get(start..i)?.to_ascii_lowercase();
        let field = before.rsplit(',').next().unwrap_or("").rsplit('{').next().unwrap_or("");
        let (kind, what) = if field.contains("refresh") {
            (Handed::Refresh, "refresh")
        } else if (field.contains("id_token") || field.contains("idtoken")) && (memchr::memmem::find(b, b"access_token").is_some() || memchr::memmem::find(b, b"ccessToken").is_some()) {
            (Handed::Id, "ID")
        } else {
            return None;
        };
        Some((
            kind,
            format!(
                "entry #{} ({} {}) handed this value out as the {what} token; it was sent at {} as if it were the access token",
                r.index,
                clip(&r.method, 16),
                crate::redact::path(&r.path),
                c.location.describe()
            ),
        ))
    })
}

/// `token_use` of a Cognito JWT.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn token_use(c: &Credential) -> Option<String> {
    let payload = crate::parse::jwt::segment(c.raw().trim().split('.').nth(1)?)?;
    payload.get("token_use")?.as_str().map(str::to_string)
}

/// One of the provider's ID tokens (a JWT from an `id_token_issuers` issuer) sent to the
/// provider's own API, which takes access tokens only.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn id_token_to_provider_api(ex: &Exchange) -> Option<(String, &'static str)> {
    let p = ex.provider.filter(|p| !p.facts.id_token_issuers.is_empty())?;
    let (c, iss) = ex.credentials.iter().filter(|c| sent_as_access_token(&c.location)).find_map(|c| Some((c, c.jwt.as_ref()?.iss.as_deref()?)))?;
    p.facts.id_token_issuers.contains(&iss).then(|| {
        (format!("{} carries an ID token (a JWT issued by `{}`); the APIs of {} take access tokens, not ID tokens", c.location.describe(), clip(iss, 64), p.name), p.facts.id_token_issuer_fix)
    })
}

/// An OAuth access token of a provider (Google's `ya29.`) sent to one of its services that
/// authenticate callers with an ID token (Cloud Run, Cloud Functions: `id_token_hosts`), with the
/// provider's fix.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn google_access_token_to_run(ex: &Exchange) -> Option<(String, &'static str)> {
    let (p, service) = id_token_host(ex)?;
    let c = ex.auth_credential()?;
    let raw = c.raw().trim();
    let r = p.keys.iter().find(|r| r.kind == KeyKind::Token && !r.prefix.is_empty() && raw.starts_with(r.prefix))?;
    Some((format!("{} carries a {} (`{}…`); {} is {service}, which authenticates callers with an ID token", c.location.describe(), r.title, r.prefix, clip(&ex.host, 96)), p.facts.id_token_fix))
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids, with_status};
    use crate::parse::jwt::make;

    #[test]
    fn simplejwt_refresh_as_access() {
        let t = make(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"token_type":"refresh","exp":1792000000,"jti":"x","user_id":1}"#);
        let ex = with_status("https://api.example.test/api/me/", &[("Authorization", &format!("Bearer {t}"))], 401, r#"{"detail":"Given token not valid for any token type","code":"token_not_valid","messages":[{"token_class":"AccessToken","token_type":"access","message":"Token has wrong type"}]}"#);
        assert_eq!(ids(&ex)[0], "wrong_token_type");
    }

    /// A POST to `url` with `auth` as its Bearer token (none for a login), answered `status` `body`.
    fn post(i: usize, url: &str, auth: Option<&str>, status: i64, body: &str) -> crate::exchange::Exchange {
        use crate::har::{Content, Entry, NameValue, Request, Response};
        crate::exchange::Exchange::new(i, &Entry {
            started_date_time: "2026-10-14T09:29:00Z".into(),
            request: Request { method: "POST".into(), url: url.into(), headers: auth.map(|a| vec![NameValue { name: "Authorization".into(), value: format!("Bearer {a}") }]).unwrap_or_default(), ..Default::default() },
            response: Response { status, content: Content { text: Some(body.into()), ..Default::default() }, ..Default::default() },
            ..Default::default()
        })
    }

    #[test]
    fn opaque_refresh_token_from_the_login_response() {
        let mk = |i: usize, auth: Option<&str>, status: i64, body: &str| post(i, "https://api.example.test/auth", auth, status, body);
        let login = mk(0, None, 200, r#"{"access_token":"acc_aaaaaaaaaaaaaaaaaaaa","refresh_token":"ref_bbbbbbbbbbbbbbbbbbbb","expires_in":900}"#);
        let me = mk(1, Some("ref_bbbbbbbbbbbbbbbbbbbb"), 401, r#"{"error":"invalid_token"}"#);
        let hits = crate::causes::diagnose(&me, std::slice::from_ref(&login));
        assert_eq!(hits[0].0.info.id, "wrong_token_type");
        assert!(hits[0].1.evidence[0].contains("entry #0"), "{:?}", hits[0].1.evidence);
        let me = mk(1, Some("acc_aaaaaaaaaaaaaaaaaaaa"), 401, r#"{"error":"invalid_token"}"#);
        assert!(crate::causes::diagnose(&me, &[login]).iter().all(|(c, _)| c.info.id != "wrong_token_type"));
    }

    #[test]
    fn an_access_token_where_a_login_token_is_wanted() {
        // Cognito Identity's GetId with the pool's access token in `Logins` (amazon-cognito-identity-js#12).
        let at = make(r#"{"alg":"RS256"}"#, r#"{"iss":"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Xk29PqL7m","token_use":"access","client_id":"4h7client","exp":1792000000}"#);
        let body = format!(r#"{{"IdentityPoolId":"eu-west-1:0f9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c","Logins":{{"cognito-idp.eu-west-1.amazonaws.com/eu-west-1_Xk29PqL7m":"{at}"}}}}"#);
        let mut e = crate::har::Entry::new("POST", "https://cognito-identity.eu-west-1.amazonaws.com/").header("X-Amz-Target", "AWSCognitoIdentityService.GetId").body("application/x-amz-json-1.1", &body).status(400);
        e.response.content.text = Some(r#"{"__type":"NotAuthorizedException","message":"Invalid login token. Missing a required claim: aud"}"#.into());
        let ex = crate::exchange::Exchange::new(0, &e);
        assert_eq!(crate::causes::test_util::ids(&ex)[0], "wrong_token_type");
    }

    #[test]
    fn id_token_from_the_login_response() {
        let mk = |i: usize, auth: Option<&str>, status: i64, body: &str| post(i, "https://api.example.test/orders", auth, status, body);
        // Cognito's InitiateAuth answer: the app sent the IdToken, the API wants the AccessToken.
        let idt = make(r#"{"alg":"RS256"}"#, r#"{"aud":"4h7client","token_use":"id","exp":1792000000}"#);
        let login = mk(0, None, 200, &format!(r#"{{"AuthenticationResult":{{"AccessToken":"eyJraWQiOiJhYmMiLCJhbGciOiJSUzI1NiJ9.e30.c2ln","IdToken":"{idt}","ExpiresIn":3600}}}}"#));
        let me = mk(1, Some(&idt), 401, r#"{"message":"Unauthorized"}"#);
        let hits = crate::causes::diagnose(&me, std::slice::from_ref(&login));
        assert_eq!(hits[0].0.info.id, "wrong_token_type", "{:?}", hits.iter().map(|h| h.0.info.id).collect::<Vec<_>>());
        assert!(hits[0].1.evidence.iter().any(|e| e.contains("entry #0") && e.contains("ID token")), "{:?}", hits[0].1.evidence);
        // Firebase hands out only an ID token (no access token beside it): sending it is the
        // documented use, not a wrong type.
        let login = mk(0, None, 200, &format!(r#"{{"kind":"identitytoolkit#VerifyPasswordResponse","idToken":"{idt}","refreshToken":"AMf-vBxyz","expiresIn":"3600"}}"#));
        assert!(crate::causes::diagnose(&me, &[login]).iter().all(|(c, _)| c.info.id != "wrong_token_type"));
    }

    #[test]
    fn cloud_run_wants_id_token() {
        let ex = failing("https://svc-abc123-uc.a.run.app/api", &[("Authorization", "Bearer ya29.a0AfH6SMBabcdefghijklmnopqrstuvwxyz0123456789")]);
        assert_eq!(ids(&ex)[0], "wrong_token_type");
    }

    #[test]
    fn google_id_token_to_google_apis() {
        // Sign in with Google's credential (an ID token) sent to the Drive API; Google's answer
        // (developers.google.com, "Request had invalid authentication credentials").
        let t = make(r#"{"alg":"RS256","kid":"k1","typ":"JWT"}"#, r#"{"iss":"https://accounts.google.com","azp":"123-abc.apps.googleusercontent.com","aud":"123-abc.apps.googleusercontent.com","sub":"1","email":"a@example.test","exp":1792000000,"iat":1791996400}"#);
        let ex = with_status("https://www.googleapis.com/drive/v3/files", &[("Authorization", &format!("Bearer {t}"))], 401, r#"{"error":{"code":401,"message":"Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.","status":"UNAUTHENTICATED"}}"#);
        assert_eq!(ids(&ex)[0], "wrong_token_type");
        // the same token sent to the team's own backend is not judged: verifying it there is the
        // documented use
        let own = with_status("https://api.example.test/me", &[("Authorization", &format!("Bearer {t}"))], 401, "");
        assert!(!ids(&own).contains(&"wrong_token_type"));
    }

    #[test]
    fn a_claude_subscription_token_is_no_api_key() {
        let oat = format!("sk-ant-oat01-{}AA", "Xk2aB9cDq7LmN4pRw8Zt".repeat(5));
        let ex = with_status("https://api.anthropic.com/v1/messages", &[("Authorization", &format!("Bearer {oat}"))], 401, r#"{"type":"error","error":{"type":"authentication_error","message":"OAuth authentication is currently not supported."},"request_id":"req_011CSHa1FurUZv2Lu8mxQdXf"}"#);
        assert_eq!(ids(&ex)[0], "wrong_token_type");
    }

    #[test]
    fn not_for_access_tokens() {
        let t = make(r#"{"alg":"HS256"}"#, r#"{"token_type":"access","exp":1792000000}"#);
        assert!(!ids(&failing("https://api.example.test/x", &[("Authorization", &format!("Bearer {t}"))])).contains(&"wrong_token_type"));
    }
}
