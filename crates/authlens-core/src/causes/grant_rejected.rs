use super::{declare_cause, Ctx, Hit};
use crate::exchange::server_says::Says;
use crate::exchange::{mentions, Exchange};
use crate::redact::{clip, path};
use crate::signals::session;

declare_cause! {
    /// ## What it means
    /// The app asked an OAuth token endpoint to exchange a grant — an authorization code, a
    /// refresh token — for tokens, and the identity provider refused the exchange itself: the
    /// code was already used or has expired, the PKCE `code_verifier` does not belong to the
    /// login that produced the code, the `redirect_uri` differs from the one the login used, the
    /// application is registered as another kind of client, or the refresh token's session ended.
    ///
    /// ## Why it happens
    /// - **A code redeemed twice.** Codes are single-use. React 18's StrictMode runs effects twice
    ///   in development, so a callback page that exchanges the code in `useEffect` sends it twice
    ///   and the second request fails; a reload of the callback URL does the same.
    /// - **A lost PKCE verifier.** The verifier is kept in `sessionStorage` when the login starts;
    ///   a login begun in another tab, on another origin (`localhost` vs `127.0.0.1`) or before a
    ///   storage reset leaves the callback with another verifier, or none.
    /// - **Another `redirect_uri`.** The token request must repeat the authorization request's
    ///   `redirect_uri` exactly: scheme, host, port, path and trailing slash.
    /// - **The wrong client type.** A single-page app's code must be redeemed from the browser by
    ///   an app registered as a single-page application (Entra ID `AADSTS9002326`); an app
    ///   registered as a web app expects a client secret the browser cannot hold (`AADSTS7000218`).
    /// - **A refresh token past its life.** Its session at the identity provider ended (a logout,
    ///   an idle or maximum session time), or the provider expires it early (Google's apps in
    ///   "Testing" status: seven days).
    /// - **A grant the client may not use** (`unauthorized_client`): the grant type is not enabled
    ///   for the application.
    ///
    /// ## How to fix
    /// 1. Exchange each code once: guard the callback (a module-level flag, or the library's own
    ///    callback handler), and remove `code` from the URL after the exchange.
    /// 2. Start and finish the login on the same origin and tab; let the OIDC library keep the
    ///    verifier and the state.
    /// 3. Use one `redirect_uri` value, from configuration, in both requests.
    /// 4. Register the app as the client type it is (a browser app: single-page application,
    ///    public client, no secret).
    /// 5. When a refresh fails with `invalid_grant`, clear the stored tokens and start a new login.
    ///
    /// ## Example
    /// `POST /oauth2/v2.0/token` with `grant_type=authorization_code&code=0.AX…` → `200`, and the
    /// same request again 40 ms later → `400 {"error":"invalid_grant","error_description":
    /// "AADSTS54005: OAuth2 Authorization code was already redeemed…"}`. Fixed: the callback
    /// exchanges the code once.
    ///
    /// ## Known limits
    /// The reason is read from the provider's `error_description`; a provider that says only
    /// `invalid_grant` leaves the grant type and the capture's history to go by.
    pub static CAUSE = {
        id: "grant_rejected",
        category: Session,
        since: "0.2.0",
        title: "the token endpoint refused the grant (a used or expired code, a PKCE or redirect_uri mismatch, an ended refresh token)",
        check: check,
    };
}

/// The kinds of refusal, as (phrases in `error`/`error_description`, lowercase; what it means;
/// the fix; confidence).
struct Reason {
    says: &'static [&'static str],
    grants: &'static [&'static str],
    why: &'static str,
    fix: &'static str,
    confidence: f64,
}

/// What an identity provider says when the client may not use the grant type: the error code,
/// then the words ([`GRANT_NOT_ALLOWED`]).
const UNAUTHORIZED_CLIENT: &[&str] = &["unauthorized_client", "not authorized to use this authorization grant", "grant type is not allowed", "grant_type is not allowed", "unsupported grant type", "not allowed for direct access grants", "not allowed for the client"];
/// The words alone: Keycloak also answers a wrong client secret with `unauthorized_client`.
const GRANT_NOT_ALLOWED: &[&str] = UNAUTHORIZED_CLIENT.split_at(1).1;

const REASONS: &[Reason] = &[
    Reason {
        says: &["9002326", "cross-origin token redemption is permitted only"],
        grants: &[],
        why: "the identity provider redeems codes from a browser only for apps registered as a single-page application",
        fix: "register the redirect URI under the single-page application platform (Entra ID: Authentication → Single-page application), not Web",
        confidence: 0.93,
    },
    Reason {
        says: &["9002327", "may only be redeemed via cross-origin requests"],
        grants: &[],
        why: "the code was issued to a single-page application, which must redeem it from the browser, not from a server",
        fix: "redeem the code in the browser (the SPA library), or register the server's redirect URI under the Web platform",
        confidence: 0.93,
    },
    Reason {
        says: &["7000218", "must contain the following parameter: 'client_assertion' or 'client_secret'"],
        grants: &[],
        why: "the application is registered as a confidential (web) client, so the token endpoint wants a client secret, which a browser must not hold",
        fix: "register the app as a public client (single-page application) for the browser flow, or redeem the code on a server with the secret",
        confidence: 0.92,
    },
    Reason {
        says: &["code_verifier", "code verifier", "pkce", "code_challenge", "code challenge", "50148"],
        grants: &[],
        why: "the PKCE code_verifier does not belong to the login that produced this code: the verifier kept when the login started was lost or replaced",
        fix: "start and finish the login on the same origin and tab (`localhost` and `127.0.0.1` have separate storage), and let the OIDC library keep the verifier",
        confidence: 0.9,
    },
    Reason {
        says: &["redirect_uri", "redirect uri", "redirection uri", "50011", "reply url"],
        grants: &["authorization_code"],
        why: "the redirect_uri of the token request differs from the one the authorization request used (or the one registered)",
        fix: "send the same redirect_uri, byte for byte (scheme, host, port, path, trailing slash), in the authorization and token requests, and register exactly that value",
        confidence: 0.9,
    },
    Reason {
        says: UNAUTHORIZED_CLIENT,
        grants: &[],
        why: "the application is not allowed this grant type",
        fix: "enable the grant type (Authorization Code, Refresh Token, Client Credentials…) in the application's settings at the identity provider",
        confidence: 0.85,
    },
    Reason {
        says: &["already redeemed", "already been redeemed", "already used", "has been used", "54005", "70008", "code has expired", "code expired", "invalid authorization code", "authorization code is invalid", "code is invalid", "invalid code", "code not valid", "code doesn't exist", "code not found", "bad_verification_code", "verification code", "flow state", "flow_state", "invalid_grant"],
        grants: &["authorization_code", "pkce"],
        why: "the authorization code was already used or has expired: codes are single-use and live for minutes",
        fix: "exchange each code once: guard the callback handler (React 18's StrictMode runs effects twice in development) and remove `code` from the URL after the exchange",
        confidence: 0.8,
    },
    Reason {
        says: &["session not active", "session doesn't have required client", "token is not active", "700082", "700084", "refresh token has expired", "refresh token is expired", "expired refresh token", "refresh_token expired", "invalid refresh token", "invalid refresh_token", "invalid_refresh_token", "refresh_token_not_found", "refresh token not found", "already used", "invalid_grant"],
        grants: &["refresh_token"],
        why: "the refresh token can no longer be used: its session at the identity provider ended (a logout, an idle or maximum session time) or it expired",
        fix: "on `invalid_grant` from a refresh, clear the stored tokens and start a new login; check the identity provider's session and refresh-token lifetimes",
        confidence: 0.8,
    },
];

/// The client's own credentials refused (invalid_credentials'), or the user's password.
const CLIENT_REFUSED: &[&str] = &["invalid_client", "client_secret", "client secret", "client credentials", "client_credentials", "incorrect_client", "client not found", "client was not found", "unknown client", "password"];

/// A refusal in words none of [`REASONS`] knows.
const UNREAD: Reason = Reason {
    says: &[],
    grants: &[],
    why: "the identity provider would not exchange the code or refresh token it was given (used, expired, or issued to another client or redirect URI)",
    fix: "start a new login when the exchange fails; check that the code or refresh token is used once, by the client and redirect URI it was issued to",
    confidence: 0.62,
};

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let grant = ex.grant_type()?;
    let grant = grant.as_str();
    // User or client credentials refused are invalid_credentials' and missing_credentials'; a
    // grant type the client may not use (Keycloak's "Client not allowed for direct access
    // grants") is this cause's whatever the grant.
    let own_credentials = grant == "password" || grant == "client_credentials";
    let text = ex.resp_body.get(..ex.resp_body.len().min(4096)).unwrap_or("").to_ascii_lowercase();
    // (Keycloak also answers a wrong client secret with `unauthorized_client`: the words decide.)
    if own_credentials && !mentions(&text, GRANT_NOT_ALLOWED) {
        return None;
    }
    // An answer in none of the known words still refuses the code or refresh token: say so,
    // less surely.
    // A bare 401 to a client that authenticated with Basic is the client refused (RFC 6749 §5.2:
    // `invalid_client` is the 401, a refused grant a 400), not the code or refresh token.
    let client_refused = ex.http_status == 401 && ex.authorization.as_ref().is_some_and(|a| a.is_scheme("Basic"));
    let reason = REASONS.iter().find(|r| (r.grants.is_empty() || r.grants.contains(&grant)) && mentions(&text, r.says)).or_else(|| (["authorization_code", "refresh_token", "pkce"].contains(&grant) && !mentions(&text, CLIENT_REFUSED) && !client_refused).then_some(&UNREAD))?;
    let mut evidence = vec![format!("the token endpoint ({} {}) refused the `{}` grant: {}", clip(&ex.method, 16), path(&ex.path), clip(grant, 64), reason.why)];
    let mut confidence = reason.confidence;
    let mut fix = vec![reason.fix.to_string()];
    if grant == "authorization_code" {
        if let Some((b, ago)) = redeemed_before(ctx) {
            evidence.push(format!("entry #{} ({} {}) sent the same code{ago}: the code was exchanged twice", b.index, clip(&b.method, 16), path(&b.path)));
            confidence = confidence.max(0.93);
            if !fix.iter().any(|f| f.contains("StrictMode")) {
                fix.insert(0, "exchange each code once: guard the callback handler (React 18's StrictMode runs effects twice in development)".into());
            }
        }
    }
    // A refresh the server calls revoked (and not expired) is revoked_token's: this one stays
    // below it. An expired refresh token is this cause's (expired_token stays below it): the
    // fix is a new login, not another refresh.
    let expired = ex.says(Says::Expired) || refresh_jwt_expired(ex);
    if grant == "refresh_token" && ex.says(Says::Revoked) && !expired {
        confidence = confidence.min(0.7);
    }
    if grant == "refresh_token" && expired {
        evidence.push("the server says the refresh token expired (or its session ended): refreshing again cannot succeed".into());
        confidence = confidence.max(0.85);
    }
    fix.push("read the identity provider's error_description: it names the check that failed".into());
    Some(Hit { confidence, evidence, fix })
}

/// True when the refresh token sent is a JWT whose `exp` is past at the request's time.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn refresh_jwt_expired(ex: &Exchange) -> bool {
    let (Some(t), Some(now)) = (ex.oauth_param("refresh_token"), session::at(ex)) else { return false };
    crate::parse::jwt::decode(&t).and_then(|j| j.exp).is_some_and(|exp| exp < now)
}

/// An earlier request of the capture that redeemed the same authorization code, and how long before.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redeemed_before<'a>(ctx: &Ctx<'a>) -> Option<(&'a Exchange, String)> {
    let code = ctx.ex.oauth_param("code").filter(|c| c.len() >= 8)?;
    let b = session::recent(ctx.before).iter().rev().find(|b| b.path == ctx.ex.path && b.oauth_param("code").as_deref() == Some(code.as_str()))?;
    let ago = session::earlier(ctx.ex, b);
    Some((b, ago))
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::ids;
    use crate::exchange::Exchange;
    use crate::har::Entry;

    const TOKEN: &str = "https://login.microsoftonline.com/72f988bf-86f1-41af-91ab-2d7cd011db47/oauth2/v2.0/token";
    const CODE_GRANT: &str = "client_id=11111111-2222-3333-4444-555555555555&grant_type=authorization_code&code=0.AXkAv4j5cvGGr0GRqy180BHbR&redirect_uri=http%3A%2F%2Flocalhost%3A3000&code_verifier=Mx2xVqjtjV5hGzC7yZ8YvV1sXyB0P";

    fn token_request(i: usize, at: &str, form: &str, status: i64, body: &str) -> Exchange {
        let mut e = Entry::new("POST", TOKEN).started(at).header("Content-Type", "application/x-www-form-urlencoded").header("Origin", "http://localhost:3000").body("application/x-www-form-urlencoded", form).status(status);
        e.response.content.text = Some(body.into());
        Exchange::new(i, &e)
    }

    #[test]
    fn a_code_redeemed_twice() {
        // Entra ID's answer to a second redemption (AADSTS54005, learn.microsoft.com's error-code reference).
        let first = token_request(0, "2026-10-14T09:30:00.000Z", CODE_GRANT, 200, r#"{"token_type":"Bearer","expires_in":3599}"#);
        let second = token_request(1, "2026-10-14T09:30:00.040Z", CODE_GRANT, 400, r#"{"error":"invalid_grant","error_description":"AADSTS54005: OAuth2 Authorization code was already redeemed, please retry with a new valid code or use an existing refresh token. Trace ID: 1","error_codes":[54005]}"#);
        let hits = crate::causes::diagnose(&second, std::slice::from_ref(&first));
        assert_eq!(hits[0].0.info.id, "grant_rejected", "{:?}", hits.iter().map(|h| h.0.info.id).collect::<Vec<_>>());
        assert!(hits[0].1.evidence.iter().any(|l| l.contains("entry #0") && l.contains("twice")), "{:?}", hits[0].1.evidence);
        // never quote the code itself
        assert!(hits.iter().flat_map(|h| h.1.evidence.iter().chain(&h.1.fix)).all(|l| !l.contains("0.AXkAv4j5")));
        assert!(!ids(&second).contains(&"missing_credentials"), "a code exchange carries its grant");
    }

    #[test]
    fn refusals_that_are_not_401s() {
        let at = "2026-10-14T09:30:00Z";
        let mk = |method: &str, url: &str, mime: &str, body: &str, status: i64, answer: &str| {
            let mut e = Entry::new(method, url).started(at).body(mime, body).status(status);
            e.response.content.text = Some(answer.into());
            Exchange::new(0, &e)
        };
        // GitHub's code exchange takes no grant_type and answers 200 (geniushkg/github-oauth#8).
        let gh = mk("POST", "https://github.com/login/oauth/access_token", "application/x-www-form-urlencoded", "client_id=Iv1.8a61f9b3a7aba766&client_secret=1f2e3d4c5b6a79881f2e3d4c5b6a79881f2e3d4c&code=a1b2c3d4e5f6a7b8c9d0", 200, r#"{"error":"bad_verification_code","error_description":"The code passed is incorrect or expired.","error_uri":"https://docs.github.com/apps/managing-oauth-apps/troubleshooting-oauth-app-access-token-request-errors/#bad-verification-code"}"#);
        assert_eq!(gh.status, 401);
        assert_eq!(ids(&gh)[0], "grant_rejected");
        // Supabase Auth: the grant in the query, a 404 in its own error envelope (supabase/auth-helpers#549).
        let supa = mk("POST", "https://abcdefghijklmnop.supabase.co/auth/v1/token?grant_type=pkce", "application/json", r#"{"auth_code":"6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b","code_verifier":"Mx2xVqjtjV5hGzC7yZ8YvV1sXyB0PqRsTuVwXyZ0123"}"#, 404, r#"{"code":404,"error_code":"flow_state_not_found","msg":"invalid flow state, no valid flow state found"}"#);
        assert_eq!(ids(&supa)[0], "grant_rejected");
        // Twitch: a refresh refused without an OAuth `error` (pyTwitchAPI#37), in unknown words.
        let twitch = mk("POST", "https://id.twitch.tv/oauth2/token", "application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=eyJfaWQmNzMtNGCJ9%6VFV5LNrZFUj8oU231%2FA&client_id=hof5gwx0su6owfnys0yan9c87zr6t", 400, r#"{"status":400,"message":"Invalid refresh token"}"#);
        assert_eq!(ids(&twitch)[0], "grant_rejected");
        let odd = mk("POST", "https://id.twitch.tv/oauth2/token", "application/x-www-form-urlencoded", "grant_type=refresh_token&refresh_token=r1r2r3r4r5r6r7r8&client_id=c1", 400, r#"{"status":400,"message":"Something else"}"#);
        assert_eq!(ids(&odd)[0], "grant_rejected", "a refusal in unknown words is still one");
        // Not refusals: a device flow polling (RFC 8628 §3.5), a DPoP nonce handshake (RFC 9449
        // §8), a token that came back, a 400 without a grant.
        let pending = mk("POST", "https://github.com/login/oauth/access_token", "application/x-www-form-urlencoded", "client_id=Iv1.8a61f9b3a7aba766&device_code=3584d83530557fdd1f46af8289938c8ef79f9dc5&grant_type=urn:ietf:params:oauth:grant-type:device_code", 200, r#"{"error":"authorization_pending","error_description":"The authorization request is still pending."}"#);
        assert_eq!(pending.status, 200);
        let dpop = mk("POST", "https://dev-1.okta.com/oauth2/default/v1/token", "application/x-www-form-urlencoded", "grant_type=authorization_code&code=c0dec0dec0de&code_verifier=v", 400, r#"{"error":"use_dpop_nonce","error_description":"Authorization server requires nonce in DPoP proof."}"#);
        assert_eq!(dpop.status, 400);
        let ok = mk("POST", "https://github.com/login/oauth/access_token", "application/x-www-form-urlencoded", "client_id=a&client_secret=b&code=c0dec0dec0de", 200, r#"{"access_token":"gho_16C7e42F292c6912E7710c838347Ae178B4a","scope":"","token_type":"bearer"}"#);
        assert_eq!(ok.status, 200);
        let api = mk("POST", "https://api.example.test/orders", "application/json", r#"{"code":"SKU-1"}"#, 400, r#"{"error":"invalid sku"}"#);
        assert_eq!(api.status, 400);
    }

    #[test]
    fn a_grant_type_the_client_may_not_use() {
        // Keycloak with Direct access grants off: the password grant itself is refused.
        let password = "grant_type=password&client_id=web&username=dev%40example.com&password=Xk2aB9cDq7";
        let off = token_request(0, "2026-10-14T09:30:00Z", password, 400, r#"{"error":"unauthorized_client","error_description":"Client not allowed for direct access grants"}"#);
        assert_eq!(ids(&off)[0], "grant_rejected");
        // Keycloak answers a wrong client secret with `unauthorized_client` too: that is the secret.
        let secret = token_request(0, "2026-10-14T09:30:00Z", "grant_type=client_credentials&client_id=backend&client_secret=Xk2aB9cDq7LmN4pR", 401, r#"{"error":"unauthorized_client","error_description":"Invalid client or Invalid client credentials"}"#);
        assert!(!ids(&secret).contains(&"grant_rejected"), "{:?}", ids(&secret));
        // Auth0 (a 403): the application has not the Client Credentials grant type enabled.
        let auth0 = token_request(0, "2026-10-14T09:30:00Z", "grant_type=client_credentials&client_id=backend&client_secret=Xk2aB9cDq7LmN4pR", 403, r#"{"error":"unauthorized_client","error_description":"Grant type 'client_credentials' not allowed for the client.","error_uri":"https://auth0.com/docs/clients/client-grant-types"}"#);
        assert_eq!(ids(&auth0)[0], "grant_rejected");
    }

    #[test]
    fn pkce_redirect_and_client_type() {
        let pkce = token_request(0, "2026-10-14T09:30:00Z", CODE_GRANT, 400, r#"{"error":"invalid_grant","error_description":"AADSTS50148: The code_verifier does not match the code_challenge supplied in the authorization request for PKCE."}"#);
        assert_eq!(ids(&pkce)[0], "grant_rejected");
        assert!(crate::causes::diagnose(&pkce, &[])[0].1.evidence.iter().any(|l| l.contains("PKCE")));
        // Okta's wording (developer.okta.com, OAuth 2.0 error codes)
        let redirect = token_request(0, "2026-10-14T09:30:00Z", CODE_GRANT, 400, r#"{"error":"invalid_grant","error_description":"The 'redirect_uri' does not match the redirection URI used in the authorization request."}"#);
        assert!(crate::causes::diagnose(&redirect, &[])[0].1.evidence.iter().any(|l| l.contains("redirect_uri")));
        let spa = token_request(0, "2026-10-14T09:30:00Z", CODE_GRANT, 400, r#"{"error":"invalid_request","error_description":"AADSTS9002326: Cross-origin token redemption is permitted only for the 'Single-Page Application' client-type. Request origin: 'http://localhost:3000'."}"#);
        assert_eq!(ids(&spa)[0], "grant_rejected", "an invalid_request at a token endpoint is an authentication failure");
        assert!(crate::causes::diagnose(&spa, &[])[0].1.fix[0].contains("single-page application"));
    }

    #[test]
    fn an_ended_refresh_token() {
        // Keycloak's answer when the SSO session behind a refresh token ended.
        let r = token_request(0, "2026-10-14T09:30:00Z", "grant_type=refresh_token&client_id=web&refresh_token=rt_7Hq2Lm9Xv4Kp1Zs8Nw3Bc6Df0Gj5Yt", 400, r#"{"error":"invalid_grant","error_description":"Session not active"}"#);
        assert_eq!(ids(&r)[0], "grant_rejected");
        // An expired refresh token is a refused grant too, expired_token second (Entra AADSTS700082).
        let r = token_request(0, "2026-10-14T09:30:00Z", "grant_type=refresh_token&client_id=web&refresh_token=rt_7Hq2Lm9Xv4Kp1Zs8Nw3Bc6Df0Gj5Yt", 400, r#"{"error":"invalid_grant","error_description":"AADSTS700082: The refresh token has expired due to inactivity."}"#);
        assert_eq!(&ids(&r)[..2], &["grant_rejected", "expired_token"]);
    }

    #[test]
    fn near_misses() {
        // a password grant with a wrong password is the user's credential, not a grant problem
        let pw = token_request(0, "2026-10-14T09:30:00Z", "grant_type=password&username=a&password=wrongpassword1", 400, r#"{"error":"invalid_grant","error_description":"Invalid user credentials"}"#);
        assert!(!ids(&pw).contains(&"grant_rejected"));
        // an API call, not a token endpoint
        let mut e = Entry::new("GET", "https://api.example.test/me").started("2026-10-14T09:30:00Z").header("Authorization", "Bearer abcdefghijklmnop123").status(401);
        e.response.content.text = Some(r#"{"error":"invalid_grant"}"#.into());
        assert!(!ids(&Exchange::new(0, &e)).contains(&"grant_rejected"));
        // A bare 401 to a client that authenticated with Basic refused the client (RFC 6749
        // §5.2); the same answer without client authentication is about the code.
        let code = "grant_type=authorization_code&code=c76RpqwmSCb1LChYbFheZqljJ7s3RQ&redirect_uri=https%3A%2F%2Flocalhost%3A8889";
        let reddit = |auth: Option<&str>| {
            let mut e = Entry::new("POST", "https://www.reddit.com/api/v1/access_token").started("2026-10-14T09:30:00Z").body("application/x-www-form-urlencoded", code).status(401);
            if let Some(a) = auth {
                e = e.header("Authorization", a);
            }
            e.response.content.text = Some(r#"{"message": "Unauthorized", "error": 401}"#.into());
            Exchange::new(0, &e)
        };
        assert!(!ids(&reddit(Some("Basic RDZDb2swajRyb242WXZ5OGxyVmhaRTpnVmFiY2RlZmdoaWprbG1u"))).contains(&"grant_rejected"));
        assert_eq!(ids(&reddit(None)).first(), Some(&"grant_rejected"));
    }
}
