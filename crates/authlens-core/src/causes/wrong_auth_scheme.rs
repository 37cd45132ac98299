use super::{declare_cause, Ctx, Hit};
use crate::exchange::Exchange;
use crate::redact::clip;

declare_cause! {
    /// ## What it means
    /// The `Authorization` header uses a different scheme than the API accepts: `Bearer` where
    /// the server wants `Basic`, `Basic` where it wants `Bearer`, `Bearer` where Okta's
    /// management API wants `SSWS`. The credential may be right; the server does not read it.
    ///
    /// ## Why it happens
    /// Code is copied between APIs that authenticate differently. Midtrans, Xendit, Razorpay and
    /// Twilio take the key in HTTP Basic; Stripe, Checkout.com, OpenAI and most OAuth APIs take a
    /// bearer token; Adyen takes its API key in `X-API-Key`. An HTTP client's `auth:` option
    /// produces Basic while the API wants Bearer, and GitHub no longer accepts a username and
    /// password at all. A server's `WWW-Authenticate` header names the schemes it accepts.
    ///
    /// ## How to fix
    /// 1. Use the scheme the API documents (or the one its `WWW-Authenticate` challenge names).
    /// 2. For Basic, send `base64(user:password)` — for key-as-username APIs, `base64(KEY + ":")`.
    /// 3. Spell the scheme as documented: the RFC makes it case-insensitive, but some servers
    ///    (Razorpay) only accept `Basic`.
    ///
    /// ## Example
    /// `Authorization: Bearer SB-Mid-server-…` to `api.sandbox.midtrans.com` → `401`. Fixed:
    /// `Authorization: Basic base64("SB-Mid-server-…:")`.
    ///
    /// ## References
    /// RFC 9110 §11.6.1 (WWW-Authenticate), RFC 7617 (Basic), RFC 6750 (Bearer).
    pub static CAUSE = {
        id: "wrong_auth_scheme",
        category: Credential,
        since: "0.1.0",
        title: "the Authorization header uses a scheme the API does not accept",
        check: check,
    };
}

/// The schemes the destination provider accepts in `Authorization` at this path (lowercase, the
/// preferred first), from its provider file; `None` when it does not say, or when the route may
/// sit behind an authorizer of its own and the answer does not speak of the provider's scheme.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn accepted(ex: &Exchange) -> Option<(&'static str, Vec<&'static str>)> {
    let p = ex.provider?;
    let schemes = p.facts.schemes_at(&ex.path);
    if schemes.is_empty() {
        return None;
    }
    // An API Gateway route may sit behind a JWT, Cognito or Lambda authorizer: SigV4 is only
    // expected when the answer speaks of it. A challenge for another scheme says otherwise.
    if p.facts.scheme_unsure_hosts.iter().any(|h| ex.host.contains(h)) {
        let other_challenge = ex.challenges.iter().any(|c| !schemes.iter().any(|s| c.scheme.eq_ignore_ascii_case(s)));
        if other_challenge || !ex.resp_body_mentions(p.facts.scheme_words) {
            return None;
        }
    }
    Some((p.name, schemes.to_vec()))
}

/// The destination provider when its own API tokens take a scheme of their own at this path
/// (Okta's `SSWS` under `/api/v1/`), with that scheme as spelled.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn token_scheme(ex: &Exchange) -> Option<(&'static str, &'static str)> {
    let p = ex.provider?;
    let scheme = p.facts.token_scheme;
    (!scheme.is_empty() && p.facts.token_scheme_paths.iter().any(|t| ex.path.starts_with(t))).then_some((p.name, scheme))
}

/// What servers that read only `Bearer <token>` answer another scheme with: LoopBack 4's
/// authentication-jwt ("Authorization header is not of type 'Bearer'."), gin-jwt's
/// ErrInvalidAuthHeader ("auth header is invalid"), express-jwt's credentials_bad_format.
const BEARER_ONLY: &[&str] = &["is not of type 'bearer'", "auth header is invalid", "format is authorization: bearer [token]", "missing 'bearer' type in 'authorization' header"];

/// What an API that takes its key alone in Authorization answers `Bearer <key>` with (Linear).
const NO_SCHEME: &[&str] = &["remove the bearer prefix", "trying to use an api key as a bearer token"];

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if let Some(hit) = wrong_place(ex).or_else(|| undocumented_place(ex)) {
        return Some(hit);
    }
    let a = ex.authorization.as_ref()?;
    let sent = a.scheme.as_deref()?;
    let sent_l = sent.to_ascii_lowercase();
    // A scheme with an `x` before a standard one (Sentry's `xBasic realm="api"`) is sent so that
    // browsers show no login dialog: it asks for nothing.
    let dialog_suppressor = |s: &str| s.len() > 1 && s.starts_with('x') && ["basic", "bearer", "digest", "negotiate"].contains(&&s[1..]);
    let asked: Vec<String> = ex.challenges.iter().map(|c| c.scheme.to_ascii_lowercase()).filter(|s| !s.is_empty() && !dialog_suppressor(s)).collect();
    let mut evidence = Vec::new();
    let mut confidence: f64 = 0.0;
    let mut want: Option<String> = None;
    let table = accepted(ex);
    if let Some((name, schemes)) = &table {
        if !schemes.iter().any(|s| *s == sent_l) {
            evidence.push(format!("the request used `{}`; {name} accepts {}", clip(sent, 32), schemes.iter().map(|s| format!("`{}`", title(s))).collect::<Vec<_>>().join(" or ")));
            confidence = 0.9;
            want = schemes.first().map(|s| title(s));
        } else if let Some(exact) = ex.provider.map(|p| p.facts.scheme_exact).filter(|e| !e.is_empty() && sent != *e) {
            evidence.push(format!(
                "the scheme is spelled `{}`: {name} documents `{}` and `{}` as invalid, only `{exact}` works",
                clip(sent, 32),
                exact.to_ascii_lowercase(),
                exact.to_ascii_uppercase()
            ));
            confidence = 0.88;
            want = Some(exact.into());
        }
    }
    let challenge_disagrees = !asked.is_empty() && !asked.contains(&sent_l);
    // A provider that accepts the scheme sent overrides a generic challenge (Stripe answers
    // `WWW-Authenticate: Basic` yet takes Bearer).
    if challenge_disagrees && (confidence > 0.0 || table.is_none()) {
        evidence.push(format!("the server's WWW-Authenticate asks for {}", asked.iter().take(4).map(|s| format!("`{}`", clip(&title(s), 32))).collect::<Vec<_>>().join(" or ")));
        confidence = if confidence > 0.0 { 0.93 } else { 0.85 };
        want = want.or_else(|| asked.first().map(|s| title(s)));
    }
    // `Bearer base64(user:password)`: a Basic credential under the Bearer scheme.
    let basic_pair = sent_l == "bearer"
        && ex.auth_credential().is_some_and(|c| c.jwt.is_none() && c.key.is_none())
        && super::damaged_credentials::base64_text(a.credential.trim()).is_some_and(|t| t.split_once(':').is_some_and(|(u, p)| !u.is_empty() && !p.is_empty() && !u.contains(' ')));
    if basic_pair && !asked.iter().any(|s| s == "bearer") {
        evidence.push("the bearer token is base64 of `user:password`: a Basic credential sent with the `Bearer` scheme".into());
        confidence = confidence.max(0.88);
        want = want.or_else(|| Some("Basic".into()));
    }
    // The server says which form it reads: `Bearer <token>` while another scheme was sent, or the
    // key alone while `Bearer` was sent.
    if sent_l != "bearer" && sent_l != "basic" && ex.resp_body_mentions(BEARER_ONLY) {
        evidence.push(format!("the server says it reads `Authorization: Bearer <token>`, and the request used `{}`", clip(sent, 32)));
        confidence = confidence.max(0.86);
        want = Some("Bearer".into());
    }
    if sent_l == "bearer" && ex.resp_body_mentions(NO_SCHEME) {
        evidence.push("the server says to send the key without the `Bearer` prefix".into());
        confidence = confidence.max(0.9);
        want = Some("none".into());
    }
    if let Some(p) = ex.provider.filter(|p| !p.facts.refuses_passwords.is_empty() && ex.resp_body_mentions(std::slice::from_ref(&p.facts.refuses_passwords))) {
        evidence.push(format!("{} refuses username/password Basic authentication; it needs a token", p.name));
        confidence = 0.93;
        want = Some("Bearer".into());
    }
    if let Some((name, scheme)) = token_scheme(ex) {
        if sent.eq_ignore_ascii_case(scheme) && ex.auth_credential().is_some_and(|c| c.jwt.is_some()) {
            evidence.push(format!("an OAuth access token (a JWT) was sent with the `{scheme}` scheme; {name} takes OAuth access tokens as `Bearer` and only its API tokens as `{scheme}`"));
            confidence = confidence.max(0.85);
            want = Some("Bearer".into());
        }
        if sent_l == "bearer" && ex.auth_credential().is_some_and(|c| c.jwt.is_none()) {
            evidence.push(format!("{name} takes its API tokens as `{scheme} <token>` here; `Bearer` is only for OAuth or short-lived access tokens (JWTs), and this token is not one"));
            confidence = confidence.max(0.8);
            want = Some(scheme.into());
        }
    }
    if confidence == 0.0 {
        return None;
    }
    let want = want.unwrap_or_else(|| "the documented scheme".into());
    let mut fix = vec![match want.as_str() {
        "Basic" => "send `Authorization: Basic <base64(user:password)>` — for a key used as the username, `base64(KEY + \":\")`".to_string(),
        "Bearer" => "send `Authorization: Bearer <token>`".to_string(),
        "none" => "send the key alone, `Authorization: <key>`, without `Bearer `".to_string(),
        other if token_scheme(ex).is_some_and(|(_, s)| s == other) => format!("send `Authorization: {other} <api token>`, or use an OAuth access token with Bearer"),
        other => format!("send `Authorization: {other} …`"),
    }];
    if let Some(p) = ex.provider {
        fix.push(format!("{} expects {}", p.name, p.auth));
    }
    Some(Hit { confidence, evidence, fix })
}

/// The server says it found no key (or no Authorization header) while the request carried one
/// in the other place: a key in `Authorization` for an API that reads `apikey`/`X-API-Key`, or
/// a key in a custom header for an API that reads `Authorization`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn wrong_place(ex: &Exchange) -> Option<Hit> {
    use crate::exchange::Location;
    use crate::exchange::server_says::Says;
    let m = ex.server_said().message(Says::Missing)?;
    let l = m.text.to_ascii_lowercase();
    let said = ex.server_said().quote(ex, Says::Missing, 160);
    let custom: Vec<&str> = ex.credentials.iter().filter_map(|c| if let Location::Header(h) = &c.location { Some(h.as_str()) } else { None }).collect();
    let wants_key = ["api key", "apikey", "api-key", "api_key", "subscription key", "x-api-key"].iter().any(|w| l.contains(w));
    let wants_authorization = l.contains("authorization") || l.contains("bearer");
    if wants_key && !wants_authorization && ex.authorization.is_some() && custom.is_empty() {
        return Some(Hit {
            confidence: 0.86,
            evidence: vec![
                format!("the server says it found no API key: \"{said}\""),
                "the request carried its credential in `Authorization`: this API reads its key from a header (or query parameter) of its own".into(),
            ],
            fix: vec!["send the key where the API documents it (e.g. `apikey`, `X-API-Key`, `Ocp-Apim-Subscription-Key`, or `?api_key=`), not in Authorization".into()],
        });
    }
    // The server names the header it reads the key from (Apigee's VerifyAPIKey: "Failed to
    // resolve API Key variable request.header.apikey") and the request used another one.
    if let Some(at) = l.find("request.header.") {
        let name: String = l[at + 15..].chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_').collect();
        if !name.is_empty() && (!custom.is_empty() || ex.authorization.is_some()) && !custom.iter().any(|h| h.eq_ignore_ascii_case(&name)) {
            let sent = custom.first().map(|h| format!("`{}`", clip(h, 48))).unwrap_or_else(|| "`Authorization`".into());
            return Some(Hit {
                confidence: 0.88,
                evidence: vec![format!("the server says it found no key: \"{said}\""), format!("it reads the header `{}`; the request sent its credential in {sent}", clip(&name, 48))],
                fix: vec![format!("send the key in the `{}` header", clip(&name, 48))],
            });
        }
    }
    // "no token found" while Authorization held a token under another scheme (`Token`, `JWT`):
    // the server reads `Bearer` only (go-chi/jwtauth, passport-jwt's fromAuthHeaderAsBearerToken).
    if let Some(a) = ex.authorization.as_ref().filter(|_| !wants_key && (l.contains("token") || l.contains("jwt") || wants_authorization)) {
        if let Some(scheme) = a.scheme.as_deref().filter(|s| !s.eq_ignore_ascii_case("bearer") && !s.eq_ignore_ascii_case("basic") && a.credential.trim().len() >= 16) {
            return Some(Hit {
                confidence: 0.82,
                evidence: vec![
                    format!("the server says it found no token: \"{said}\""),
                    format!("the request carried one in `Authorization` under the scheme `{}`: the server looks for `Bearer <token>`", clip(scheme, 24)),
                ],
                fix: vec!["send `Authorization: Bearer <token>` (or configure the server to read the scheme the client sends)".into()],
            });
        }
    }
    if wants_authorization && !wants_key && ex.authorization.is_none() && !custom.is_empty() {
        return Some(Hit {
            confidence: 0.86,
            evidence: vec![
                format!("the server says the Authorization header is missing: \"{said}\""),
                format!("the request carried its credential in {} instead", custom.iter().take(3).map(|h| format!("`{}`", clip(h, 48))).collect::<Vec<_>>().join(", ")),
            ],
            fix: vec!["send it as `Authorization: Bearer <credential>` (or the scheme the API documents)".into()],
        });
    }
    None
}

/// A key of the destination's own provider sent in a header its provider file does not list for
/// it: ElevenLabs' key in `Authorization` (it reads `xi-api-key`), an OpenRouter key in
/// `X-API-Key` (it reads `Authorization: Bearer`). The rule's `headers` say where the key goes;
/// without them, a provider whose `schemes` are listed reads keys from `Authorization`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn undocumented_place(ex: &Exchange) -> Option<Hit> {
    use crate::exchange::Location;
    let dest = ex.provider?;
    for c in &ex.credentials {
        let Some(k) = c.key.filter(|k| std::ptr::eq(k.provider, dest) && k.rule.kind != crate::providers::KeyKind::Publishable) else { continue };
        let sent = match &c.location {
            Location::Authorization => "authorization".to_string(),
            Location::Header(h) => h.to_ascii_lowercase(),
            _ => continue,
        };
        let documented = crate::providers::rule_headers(k.rule.id);
        let (wanted, fix) = if !documented.is_empty() {
            if documented.iter().any(|h| *h == sent) {
                continue;
            }
            let h = documented[0];
            let fix = if h == "authorization" { format!("send it as `Authorization: {}`", dest.auth) } else { format!("send it as `{h}: <key>`, as {} documents", dest.name) };
            (format!("`{h}`"), fix)
        } else if sent != "authorization" && !dest.facts.schemes.is_empty() && ex.server_said().message(crate::exchange::server_says::Says::Missing).is_some() {
            // Without a listed header, only when the server says it found no credential
            // (OpenRouter's "No auth credentials found"): provider files list schemes, not
            // every header a provider also reads.
            let s = title(dest.facts.schemes[0]);
            (format!("`Authorization: {s}`"), format!("send it as `Authorization: {s} <key>`"))
        } else {
            continue;
        };
        let shown = if sent == "authorization" { "`Authorization`".to_string() } else { format!("`{}`", clip(&sent, 48)) };
        // Below a server's own "malformed" reading (Cloudflare's "Invalid format for
        // Authorization header" to its global key sent as Bearer): the server's words come first.
        return Some(Hit {
            confidence: 0.85,
            evidence: vec![format!("the request sent its {} in {shown}; {} reads it from {wanted}", k.rule.title, dest.name)],
            fix: vec![fix, format!("{} expects {}", dest.name, dest.auth)],
        });
    }
    None
}

/// `bearer` → `Bearer`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn title(s: &str) -> String {
    match s {
        "aws4-hmac-sha256" => "AWS4-HMAC-SHA256".into(),
        "ssws" => "SSWS".into(),
        _ => {
            let mut c = s.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        }
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn no_token_found_under_another_scheme() {
        // go-chi/jwtauth reads `Bearer` only and answers "no token found" (jwtauth.go, ErrNoTokenFound).
        let t = crate::parse::jwt::make(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"user_id":7,"exp":1792000000}"#);
        let ex = crate::causes::test_util::with_status("https://api.example.test/v1/inbox", &[("Authorization", &format!("Token {t}"))], 401, "no token found\n");
        assert_eq!(crate::causes::test_util::ids(&ex)[0], "wrong_auth_scheme");
        // @fastify/jwt: "No Authorization was found in request.headers" to `Token <jwt>`.
        let ex = crate::causes::test_util::with_status("https://api.example.test/v1/inbox", &[("Authorization", &format!("Token {t}"))], 401, r#"{"statusCode":401,"code":"FST_JWT_NO_AUTHORIZATION_IN_HEADER","error":"Unauthorized","message":"No Authorization was found in request.headers"}"#);
        assert_eq!(crate::causes::test_util::ids(&ex)[0], "wrong_auth_scheme");
    }

    #[test]
    fn the_server_names_the_form_it_reads() {
        use crate::causes::test_util::{ids, with_status};
        let t = crate::parse::jwt::make(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"sub":"7","exp":1792000000}"#);
        // LoopBack 4 (authentication-jwt) and gin-jwt (ErrInvalidAuthHeader) read `Bearer` only.
        let ex = with_status("https://api.example.test/users/me", &[("Authorization", &format!("JWT {t}"))], 401, r#"{"error":{"statusCode":401,"name":"UnauthorizedError","message":"Authorization header is not of type 'Bearer'."}}"#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
        let ex = with_status("https://api.example.test/auth/refresh", &[("Authorization", &format!("JWT {t}"))], 401, r#"{"code":401,"message":"auth header is invalid"}"#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
        // Under Bearer the same words say nothing about the scheme.
        let ex = with_status("https://api.example.test/auth/refresh", &[("Authorization", &format!("Bearer {t}"))], 401, r#"{"code":401,"message":"auth header is invalid"}"#);
        assert!(!ids(&ex).contains(&"wrong_auth_scheme"));
        // Linear takes its API key alone (HTTP 400, GraphQL error).
        let body = r#"{"errors":[{"message":"It looks like you're trying to use an API key as a Bearer token. Remove the Bearer prefix from the Authorization header.","extensions":{"type":"authentication error","code":"AUTHENTICATION_ERROR"}}]}"#;
        let ex = with_status("https://api.linear.app/graphql", &[("Authorization", "Bearer lin_api_0123456789abcdefghijklmnopqrstuvwxyzABCD")], 400, body);
        let d = crate::causes::diagnose(&ex, &[]);
        assert_eq!(d[0].0.info.id, "wrong_auth_scheme");
        assert!(d[0].1.fix[0].contains("without `Bearer `"), "{:?}", d[0].1.fix);
    }

    #[test]
    fn okta_api_tokens_and_access_tokens() {
        let hit = |ex: &crate::exchange::Exchange| crate::causes::diagnose(ex, &[]).into_iter().find(|(c, _)| c.info.id == "wrong_auth_scheme").map(|(_, h)| (h.evidence.join("\n"), h.fix.join("\n")));
        let jwt = crate::parse::jwt::make(r#"{"alg":"RS256"}"#, r#"{"iss":"https://acme.okta-emea.com/oauth2/default","exp":1792000000}"#);
        let (ev, fix) = hit(&failing("https://acme.okta-emea.com/api/v1/users", &[("Authorization", &format!("SSWS {jwt}"))])).unwrap_or_default();
        assert!(ev.contains("sent with the `SSWS` scheme; Okta takes OAuth access tokens as `Bearer`"), "{ev}");
        assert!(fix.starts_with("send `Authorization: Bearer <token>`"), "{fix}");
        let (ev, fix) = hit(&failing("https://acme.okta.com/api/v1/users", &[("Authorization", "Bearer 00abcdefghijklmnopqrstuvwxyz0123456789ABCD")])).unwrap_or_default();
        assert!(ev.contains("Okta takes its API tokens as `SSWS <token>` here"), "{ev}");
        assert!(fix.starts_with("send `Authorization: SSWS <api token>`, or use an OAuth access token with Bearer"), "{fix}");
        // outside the management API, or off Okta, Bearer is not questioned
        assert!(hit(&failing("https://acme.okta.com/oauth2/v1/userinfo", &[("Authorization", "Bearer 00abcdefghijklmnopqrstuvwxyz0123456789ABCD")])).is_none());
        assert!(hit(&failing("https://api.example.test/api/v1/users", &[("Authorization", "Bearer 00abcdefghijklmnopqrstuvwxyz0123456789ABCD")])).is_none());
    }

    #[test]
    fn the_credential_in_the_other_place() {
        use crate::causes::test_util::{ids, with_status};
        let ex = with_status("https://gw.example.test/orders", &[("Authorization", "Bearer abcdefghijklmnopqrstuvwx")], 401, r#"{"message":"No API key found in request"}"#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
        let ex = with_status("https://api.example.test/p", &[("X-Access-Token", "abcdefghijklmnopqrstuvwx")], 401, r#"{"msg":"Missing Authorization Header"}"#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
        // no credential at all: missing_credentials
        let ex = with_status("https://gw.example.test/orders", &[], 401, r#"{"message":"No API key found in request"}"#);
        assert_eq!(ids(&ex)[0], "missing_credentials");
    }

    #[test]
    fn a_key_in_a_header_its_provider_does_not_read() {
        use crate::causes::test_util::{ids, with_status};
        let hex = "0123456789abcdef0123456789abcdef0123456789abcdef";
        // ElevenLabs reads `xi-api-key` (its rule's `headers`); the same key there is not questioned.
        let ex = with_status("https://api.elevenlabs.io/v1/text-to-speech/v1", &[("Authorization", &format!("Bearer sk_{hex}"))], 401, r#"{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}"#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
        let ex = with_status("https://api.elevenlabs.io/v1/text-to-speech/v1", &[("xi-api-key", &format!("sk_{hex}"))], 401, r#"{"detail":{"status":"invalid_api_key","message":"Invalid API key"}}"#);
        assert!(!ids(&ex).contains(&"wrong_auth_scheme"), "{:?}", ids(&ex));
        // OpenRouter lists `schemes`, no header: a key in another header, when the server says it saw none.
        let key = format!("sk-or-v1-{hex}0123456789abcdef");
        let ex = with_status("https://openrouter.ai/api/v1/chat/completions", &[("x-api-key", &key)], 401, r#"{"error":{"message":"No auth credentials found","code":401}}"#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
        let ex = with_status("https://openrouter.ai/api/v1/chat/completions", &[("x-api-key", &key)], 401, r#"{"error":{"message":"User not found.","code":401}}"#);
        assert!(!ids(&ex).contains(&"wrong_auth_scheme"), "{:?}", ids(&ex));
        // GitLab reads its tokens from PRIVATE-TOKEN and from Authorization: Bearer.
        let ex = with_status("https://gitlab.com/api/v4/projects", &[("Authorization", "Bearer glpat-abcdefghijklmnopqrst")], 401, r#"{"message":"401 Unauthorized"}"#);
        assert!(!ids(&ex).contains(&"wrong_auth_scheme"), "{:?}", ids(&ex));
        // Deepgram: API keys as `Token`; a JWT (a short-lived grant) as Bearer is right.
        let ex = with_status("https://api.deepgram.com/v1/projects", &[("Authorization", &format!("Bearer {}", &hex[..40]))], 401, r#"{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials."}"#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
        let t = crate::parse::jwt::make(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"sub":"k","exp":1792000000}"#);
        let ex = with_status("https://api.deepgram.com/v1/projects", &[("Authorization", &format!("Bearer {t}"))], 401, r#"{"err_code":"INVALID_AUTH","err_msg":"Invalid credentials."}"#);
        assert!(!ids(&ex).contains(&"wrong_auth_scheme"), "{:?}", ids(&ex));
    }

    use crate::causes::test_util::{failing, ids};

    #[test]
    fn bearer_to_basic_provider_and_challenge() {
        assert_eq!(ids(&failing("https://api.sandbox.midtrans.com/v2/charge", &[("Authorization", "Bearer SB-Mid-server-abc123cde456Fx9Kq2Lm7Np4")]))[0], "wrong_auth_scheme");
        let mut ex = failing("https://intranet.example.test/api", &[("Authorization", "Bearer abcdefghijklmnop123")]);
        ex.challenges = crate::parse::www_authenticate::parse(r#"Basic realm="intranet""#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
    }

    #[test]
    fn a_challenge_that_only_suppresses_the_browser_dialog_asks_for_nothing() {
        let mut ex = failing("https://sentry.example.test/api/0/projects/", &[("Authorization", "Bearer 0123456789abcdef0123456789abcdef")]);
        ex.challenges = crate::parse::www_authenticate::parse(r#"xBasic realm="api""#);
        assert!(!ids(&ex).contains(&"wrong_auth_scheme"), "{:?}", ids(&ex));
        // The same server asking for Basic is asking for it.
        ex.challenges = crate::parse::www_authenticate::parse(r#"Basic realm="api""#);
        assert_eq!(ids(&ex)[0], "wrong_auth_scheme");
    }

    #[test]
    fn near_misses() {
        // Stripe challenges Basic but accepts Bearer
        let mut ex = failing("https://api.stripe.com/v1/charges", &[("Authorization", "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc")]);
        ex.challenges = crate::parse::www_authenticate::parse(r#"Basic realm="Stripe""#);
        assert!(!ids(&ex).contains(&"wrong_auth_scheme"));
        // the challenge names the scheme that was sent
        let mut ex = failing("https://api.example.test/x", &[("Authorization", "Bearer abcdefghijklmnop123")]);
        ex.challenges = crate::parse::www_authenticate::parse(r#"Bearer error="invalid_token""#);
        assert!(!ids(&ex).contains(&"wrong_auth_scheme"));
        // Jira Cloud challenges `OAuth` when it refuses Basic, which it accepts (email and API token)
        let basic = { use base64::Engine; format!("Basic {}", base64::engine::general_purpose::STANDARD.encode("me@example.com:ATATT3xFfGF0abcdefghijklmnop")) };
        let mut ex = crate::causes::test_util::with_status("https://acme.atlassian.net/rest/api/3/myself", &[("Authorization", &basic)], 401, r#"{"message":"Client must be authenticated to access this resource.","status-code":401}"#);
        ex.challenges = crate::parse::www_authenticate::parse(r#"OAuth realm="https%3A%2F%2Facme.atlassian.net""#);
        let got = ids(&ex);
        assert_eq!(got[0], "invalid_credentials", "{got:?}");
        assert!(!got.contains(&"wrong_auth_scheme"), "{got:?}");
    }

    #[test]
    fn basic_pair_under_the_bearer_scheme() {
        // base64("admin:s3cretPassw0rd") after Bearer, no challenge to say so
        let ex = crate::causes::test_util::with_status("https://api.example.test/v1/x", &[("Authorization", "Bearer YWRtaW46czNjcmV0UGFzc3cwcmQ=")], 401, r#"{"message":"Unauthorized"}"#);
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "wrong_auth_scheme");
        assert!(hits[0].1.fix[0].starts_with("send `Authorization: Basic"), "{:?}", hits[0].1.fix);
        // an opaque token that is not base64 of a pair is left alone
        assert!(!ids(&failing("https://api.example.test/v1/x", &[("Authorization", "Bearer abcdefghijklmnopqrstuvwxyz012345")])).contains(&"wrong_auth_scheme"));
    }

    #[test]
    fn an_api_key_sent_as_bearer_to_an_api_that_reads_its_own_header() {
        use crate::causes::test_util::with_status;
        // Anthropic reads `x-api-key` only; its answer names the header (n8n-io/n8n#37930)
        let ex = with_status(
            "https://api.anthropic.com/v1/messages",
            &[("Authorization", "Bearer sk-ant-api03-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz0123-AbCdEfAA")],
            401,
            r#"{"type":"error","error":{"type":"authentication_error","message":"x-api-key header is required"},"request_id":"req_011CeoTSFcsuNZkEqC59YWgZ"}"#,
        );
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "wrong_auth_scheme");
        // the provider's own remedy comes first
        assert!(hits[0].1.fix[0].starts_with("send the key as `x-api-key: <key>`"), "{:?}", hits[0].1.fix);
    }
}
