use super::{declare_cause, Ctx, Hit};
use crate::redact::clip;
use crate::exchange::server_says::Says;

declare_cause! {
    /// ## What it means
    /// The API refused the token because of who issued it: the `iss` claim names another
    /// identity provider, tenant, realm or host name than the one the API trusts (RFC 7519
    /// §4.1.1). The token may be perfectly valid for its own issuer.
    ///
    /// ## Why it happens
    /// - Multi-tenant sign-in: the user signed in with another directory (a personal Microsoft
    ///   account, a guest tenant) or the token came from the `common` endpoint while the API
    ///   validates one tenant (`InvalidAuthenticationTokenTenant`, AADSTS90002).
    /// - v1 and v2 endpoints of Entra ID issue different `iss` (`sts.windows.net/…` vs
    ///   `login.microsoftonline.com/…/v2.0`).
    /// - Keycloak or another identity provider reached under two host names (an internal and a
    ///   public URL): the token's `iss` is the URL the browser used, the API expects the other.
    /// - Gateways (Envoy/Istio `RequestAuthentication`, Kong's jwt plugin) configured with an
    ///   issuer string that differs by a character (a trailing slash).
    ///
    /// ## How to fix
    /// 1. Compare the token's `iss` with the issuer configured in the API or gateway, character
    ///    for character (scheme, host, path, trailing slash).
    /// 2. Obtain the token from the tenant, realm or host name the API trusts; or configure the
    ///    API to accept this issuer if it should.
    /// 3. Give the identity provider one public URL (Keycloak `KC_HOSTNAME`) for browsers and APIs.
    ///
    /// ## Example
    /// A token with `iss` `https://sts.windows.net/<other tenant>/` sent to Azure Resource
    /// Manager → `401 InvalidAuthenticationTokenTenant: The access token is from the wrong
    /// issuer`. Fixed: request the token from the subscription's tenant.
    pub static CAUSE = {
        id: "wrong_issuer",
        category: Token,
        since: "0.2.0",
        title: "the token was issued by another issuer, tenant or realm than the API trusts",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if !ex.says(Says::Issuer) {
        return issuer_host_differs(ex);
    }
    let said = ex.server_said().quote(ex, Says::Issuer, 200);
    let mut evidence = vec![format!("the server refuses the token's issuer or tenant: \"{}\"", said)];
    let iss = ex.credentials.iter().find_map(|c| c.jwt.as_ref().and_then(|j| j.iss.clone().map(|i| (c, i))));
    if let Some((c, i)) = &iss {
        evidence.push(format!("the token at {} was issued by `{}`", c.location.describe(), clip(i, 128)));
    }
    // "issuer" next to "audience" in one message is a list of checks, not a verdict.
    let confidence = if ex.says(Says::Audience) && ex.server_said().message(Says::Audience).map(|m| &m.text) == ex.server_said().message(Says::Issuer).map(|m| &m.text) { 0.7 } else { 0.93 };
    Some(Hit {
        confidence,
        evidence,
        fix: vec![
            format!("compare the token's `iss`{} with the issuer the API or gateway is configured for, character for character (scheme, host, tenant id, trailing slash)", iss.as_ref().map(|(_, i)| format!(" (`{}`)", clip(i, 96))).unwrap_or_default()),
            "obtain the token from the tenant, realm or host name the API trusts (not `common`, not another directory, not an internal URL), or configure the API to accept this issuer".into(),
        ]
        .into_iter()
        // what providers say of their issuers (Entra ID's v1 and v2 hosts)
        .chain(crate::providers::ALL.iter().map(|p| p.facts.issuer_fix).filter(|f| !f.is_empty()).map(String::from))
        .collect(),
    })
}

/// A token refused by its own identity provider (userinfo, introspection, admin API) whose `iss`
/// names another host or realm than the one the request went to: the provider was reached under
/// another name than the one that issued the token (Keycloak's internal vs public URL).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn issuer_host_differs(ex: &crate::exchange::Exchange) -> Option<Hit> {
    let idp_path = ["/realms/", "/userinfo", "/introspect", "/oauth2/", "/protocol/openid-connect/"].iter().any(|p| ex.path.contains(p));
    if !idp_path || !(ex.says(Says::Invalid) || ex.challenges.iter().any(|c| c.param("error") == Some("invalid_token"))) {
        return None;
    }
    let (c, iss) = ex.credentials.iter().find_map(|c| c.jwt.as_ref().and_then(|j| j.iss.clone()).map(|i| (c, i)))?;
    // An expired token is refused for its expiry first.
    let now = crate::signals::session::at(ex);
    if c.jwt.as_ref().and_then(|j| j.exp).is_some_and(|e| now.is_some_and(|n| e <= n)) {
        return None;
    }
    let u = crate::parse::url::Url::parse(&iss).ok()?;
    let iss_host = u.host_str()?.to_ascii_lowercase();
    let realm = |p: &str| p.split("/realms/").nth(1).and_then(|r| r.split('/').next()).map(str::to_string);
    let host_differs = iss_host != ex.host;
    // Keycloak's admin API takes tokens of the master realm for every realm.
    let realm_differs = !ex.path.starts_with("/admin/") && matches!((realm(u.path()), realm(&ex.path)), (Some(a), Some(b)) if a != b);
    if !host_differs && !realm_differs {
        return None;
    }
    Some(Hit {
        confidence: 0.8,
        evidence: vec![
            format!("the token at {} was issued by `{}`", c.location.describe(), clip(&iss, 128)),
            if realm_differs {
                format!("the request went to another realm of the identity provider ({}{})", clip(&ex.host, 96), crate::redact::path(&ex.path))
            } else {
                format!("the request went to the identity provider under another host name ({}): it checks `iss` against the name it is reached by", clip(&ex.host, 96))
            },
        ],
        fix: vec![
            "give the identity provider one public URL for browsers, apps and APIs (Keycloak `KC_HOSTNAME`/`hostname`), so tokens carry the issuer every verifier expects".into(),
            "or call the provider under the same host name and realm the token was issued by".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids, with_status};
    use crate::parse::jwt::make;

    #[test]
    fn issuer_invalid() {
        let t = make(r#"{"alg":"RS256"}"#, r#"{"iss":"https://sts.windows.net/11111111-2222-3333-4444-555555555555/","aud":"https://management.azure.com/","exp":1792000000}"#);
        let ex = with_status("https://management.azure.com/subscriptions", &[("Authorization", &format!("Bearer {t}"))], 401, r#"{"error":{"code":"InvalidAuthenticationTokenTenant","message":"The access token is from the wrong issuer 'https://sts.windows.net/11111111-2222-3333-4444-555555555555/'. It must match the tenant 'https://sts.windows.net/66666666-7777-8888-9999-000000000000/' associated with this subscription."}}"#);
        assert_eq!(ids(&ex)[0], "wrong_issuer");
        // the third step is Entra ID's, from its provider data
        let fix = crate::causes::diagnose(&ex, &[]).into_iter().find(|(c, _)| c.info.id == "wrong_issuer").map(|(_, h)| h.fix).unwrap_or_default();
        assert_eq!(fix.len(), 3, "{fix:?}");
        assert!(fix[2].starts_with("Entra ID: v1 tokens come from `sts.windows.net`, v2 from `login.microsoftonline.com/…/v2.0`"), "{fix:?}");
    }

    #[test]
    fn keycloak_reached_under_another_name() {
        let t = make(r#"{"alg":"RS256"}"#, r#"{"iss":"http://keycloak:8080/realms/shop","exp":1792000000}"#);
        let mut ex = failing("https://sso.example.test/realms/shop/protocol/openid-connect/userinfo", &[("Authorization", &format!("Bearer {t}"))]);
        ex.challenges = crate::parse::www_authenticate::parse(r#"Bearer realm="shop", error="invalid_token", error_description="Token verification failed""#);
        assert_eq!(ids(&ex)[0], "wrong_issuer");
    }

    #[test]
    fn not_without_issuer_words() {
        let t = make(r#"{"alg":"RS256"}"#, r#"{"iss":"https://a.example.test/","exp":1792000000}"#);
        assert!(!ids(&failing("https://api.example.test/x", &[("Authorization", &format!("Bearer {t}"))])).contains(&"wrong_issuer"));
    }
}
