use super::{declare_cause, provider_auth_step, Ctx, Hit};
use crate::signals;

declare_cause! {
    /// ## What it means
    /// The request carried a well-formed credential and the server still refused it. Nothing in
    /// the exchange shows a more specific reason, so the credential itself is most likely wrong:
    /// mistyped, revoked, rolled, or belonging to another account or project.
    ///
    /// ## Why it happens
    /// Keys get rotated in the dashboard while the app keeps the old one, a key was copied from
    /// the wrong project, or a token was revoked on logout elsewhere.
    ///
    /// ## How to fix
    /// 1. Compare the key with the one in the provider's dashboard (prefix and last characters).
    /// 2. Check it was not rolled or revoked; create a new one if in doubt.
    /// 3. Try the same request outside the app (cURL) with the key from the environment variable.
    ///
    /// ## Example
    /// `Authorization: Bearer sk_test_…Aso0` → `401` "Invalid API Key provided". Fixed: use the
    /// current key from the dashboard.
    pub static CAUSE = {
        id: "invalid_credentials",
        category: Credential,
        since: "0.1.0",
        title: "the server rejected a well-formed credential",
        check: check,
    };
}

fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    // SigV4, Digest and OAuth 1 credentials are `k=v, k=v` lists: their spaces are syntax.
    let params = ex.authorization.as_ref().is_some_and(signals::param_scheme);
    let c = ex.credentials.iter().find(|c| signals::placeholder(c.raw()).is_none() && (signals::whitespace(c.raw()).is_none() || params && c.location == crate::exchange::Location::Authorization))?;
    // A defect in the header explains the refusal, except a missing scheme the server evidently
    // read past: some gateways (Tyk, API keys in `Authorization`) take the bare key, and their
    // answer ("Key not authorised") is about the key.
    let bare_key_read = |a: &crate::parse::authorization::Authorization| {
        a.defects.iter().all(|d| matches!(d, crate::parse::authorization::Defect::NoScheme)) && ex.says(crate::exchange::server_says::Says::Invalid)
    };
    if ex.authorization.as_ref().is_some_and(|a| !a.defects.is_empty() && !signals::param_scheme(a) && !bare_key_read(a)) {
        return None;
    }
    let mut evidence = vec![format!("{} carried {} ({}) and the server refused it", c.location.describe(), c.a_describe(), c.redacted())];
    let mut confidence = 0.35;
    let rejects = ex.challenges.iter().any(|ch| ch.param("error") == Some("invalid_token"))
        || ex.says(crate::exchange::server_says::Says::Invalid)
        || ex.resp_body_mentions(&[
            "invalid api key", "invalid_api_key", "unknown merchant", "invalid token", "invalid credentials", "bad credentials", "authentication failed",
            // provider wordings (AWS, OpenAI, PayPal, SendGrid, Razorpay, Twilio, Stripe)
            "signaturedoesnotmatch", "signature we calculated does not match", "invalidclienttokenid", "invalidaccesskeyid",
            "security token included in the request is invalid", "incorrect api key", "invalid_client", "client authentication failed",
            "authorization grant is invalid", "api key provided is invalid", "api secret provided is invalid", "\"code\":20003", "expired api key",
        ]);
    if rejects {
        evidence.push("the server's answer says the credential is invalid".into());
        confidence = 0.5;
    }
    // The request carried Authorization, yet the server says none arrived: something in between
    // (a reverse proxy, PHP-FPM/CGI, a framework reading the wrong header name) dropped it.
    let said_missing = ex.authorization.is_some()
        && ex.resp_body_mentions(&["not provided", "no authorization header", "missing authorization", "authorization header is missing", "no token provided", "token not provided", "token not found", "no auth token", "jwt must be provided"]);
    if said_missing {
        evidence.push("the request did carry an Authorization header, yet the server says no credential arrived: a proxy or the server stack removed it on the way".into());
        confidence = 0.75;
    }
    let mut fix: Vec<String> = Vec::new();
    if said_missing {
        fix.push("check what reaches the application: Apache with PHP-FPM/CGI needs `CGIPassAuth On` (or `SetEnvIf Authorization \"(.*)\" HTTP_AUTHORIZATION=$1`); nginx drops headers with underscores unless `underscores_in_headers on`; Node.js reads `req.headers.authorization` in lowercase".into());
    }
    fix.extend::<Vec<String>>(vec![
        "compare the key with the one in the provider's dashboard (prefix and last characters)".into(),
        "check it was not rolled or revoked; create a new one if in doubt".into(),
        "reproduce outside the app with cURL, reading the key from an environment variable".into(),
    ]);
    if let Some(step) = provider_auth_step(ex) {
        fix.push(step);
    }
    Some(Hit { confidence, evidence, fix })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};

    #[test]
    fn fallback_for_a_clean_credential() {
        assert_eq!(ids(&failing("https://x.test/me", &[("Authorization", "Bearer abcdefghijkl123")])), vec!["invalid_credentials"]);
    }

    #[test]
    fn not_for_placeholders() {
        assert!(!ids(&failing("https://x.test/me", &[("Authorization", "Bearer undefined")])).contains(&"invalid_credentials"));
    }
}
