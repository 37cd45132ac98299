use super::{declare_cause, provider_auth_step, Ctx, Hit};

declare_cause! {
    /// ## What it means
    /// The request reached the server without any credential: no `Authorization` header, no API-key
    /// header, no token in the query or body, and no cookie.
    ///
    /// ## Why it happens
    /// The code that adds the header did not run for this request (an interceptor registered too
    /// late, a second HTTP client without the defaults), the variable holding the key was empty and
    /// the header was skipped, or something between the page and the API removed it.
    ///
    /// ## How to fix
    /// 1. Check, in the request as sent, that the header is really absent (not misspelled).
    /// 2. Make sure the code path that builds this request adds the credential.
    /// 3. Send it the way the API expects (for most APIs `Authorization: Bearer <token>`).
    ///
    /// ## Example
    /// `GET /v1/me` with no `Authorization` header → `401`. Fixed: `Authorization: Bearer eyJ…`.
    pub static CAUSE = {
        id: "missing_credentials",
        category: Credential,
        since: "0.1.0",
        title: "the request carried no credential",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    // A preflight carries no credentials by design (preflight_rejected explains it).
    if ex.authorization.is_some() || ex.has_session_cookie() || ex.is_preflight() {
        return None;
    }
    if !ex.credentials.is_empty() {
        return missing_client_authentication(ex);
    }
    // A token request redeeming a code, a refresh token or a device code carries its grant (a
    // public client has no secret to add): grant_rejected reads what the server refused.
    if ex.grant_type().is_some_and(|g| matches!(g.as_str(), "authorization_code" | "refresh_token" | "pkce" | "urn:ietf:params:oauth:grant-type:device_code")) {
        return None;
    }
    use crate::exchange::server_says::Says;
    // The server speaks of the credential's expiry, signature or revocation: it received one
    // authlens did not find (a token inside a JSON body, under an API's own field name).
    let read_one = [Says::Expired, Says::Signature, Says::Revoked, Says::Audience, Says::Issuer, Says::NotYetValid, Says::WrongTokenType].iter().any(|k| ex.says(*k));
    let mut evidence = vec![if ex.has_cookie() {
        "no Authorization header, no API-key header, no credential in the query or body, and only cookies that hold no login (analytics, CSRF)".to_string()
    } else {
        "no Authorization header, no API-key header, no credential in the query or body, and no Cookie".to_string()
    }];
    if read_one {
        return Some(Hit {
            confidence: 0.4,
            evidence: vec!["authlens found no credential in the usual places, yet the server's answer is about one it read: it travels somewhere authlens does not look (a JSON field of the API's own)".into()],
            fix: vec!["read the server's message: it names the problem with the credential the request carried".into()],
        });
    }
    if let Some(c) = ex.challenges.first() {
        evidence.push(format!("the server asks for the {} scheme (WWW-Authenticate)", crate::redact::clip(&c.scheme, 32)));
    }
    let mut fix = vec!["find the code that builds this request and make sure it adds the credential".to_string()];
    if let Some(step) = provider_auth_step(ex) {
        fix.push(step);
    } else if let Some(c) = ex.challenges.first() {
        fix.push(format!("send `Authorization: {} <credential>`", crate::redact::clip(&c.scheme, 32)));
    }
    Some(Hit { confidence: 0.9, evidence, fix })
}

/// A token request that sent a user's password but no client authentication, and the server
/// says authentication is missing (Spring's "Full authentication is required").
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn missing_client_authentication(ex: &crate::exchange::Exchange) -> Option<Hit> {
    use crate::exchange::Location;
    let only_user = ex.credentials.iter().all(|c| matches!(&c.location, Location::Body(n) if n.ends_with("password")));
    if !only_user || !ex.says(crate::exchange::server_says::Says::Missing) {
        return None;
    }
    Some(Hit {
        confidence: 0.85,
        evidence: vec![
            "the request carried a user's password in its body but no client authentication (no Authorization header)".into(),
            "the server says authentication is missing: the token endpoint authenticates the client first".into(),
        ],
        fix: vec!["send the client's credentials as `Authorization: Basic base64(client_id:client_secret)` (or as the endpoint documents) along with the password grant".into()],
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};

    #[test]
    fn no_header() {
        assert_eq!(ids(&failing("https://api.checkout.com/payments", &[]))[0], "missing_credentials");
    }

    #[test]
    fn cookie_counts_as_credential() {
        assert!(!ids(&failing("https://x.test/me", &[("Cookie", "sid=abc")])).contains(&"missing_credentials"));
        // a cookie of unknown purpose may be the session
        assert!(!ids(&failing("https://x.test/me", &[("Cookie", "prefs=abc")])).contains(&"missing_credentials"));
        // analytics and CSRF cookies hold no login
        assert_eq!(ids(&failing("https://x.test/me", &[("Cookie", "_ga=GA1.2.3; _gid=GA1.2.4; csrftoken=abc")]))[0], "missing_credentials");
    }
}
