use super::{declare_cause, Ctx, Hit};
use crate::exchange::server_says::Says;

declare_cause! {
    /// ## What it means
    /// The credential is valid, but the organisation that owns the resource enforces SAML single
    /// sign-on, and this credential has not been authorised for it (or the SSO session ended).
    /// It is neither a wrong key nor a missing scope.
    ///
    /// ## Why it happens
    /// GitHub organisations with SAML SSO refuse personal access tokens and SSH keys that were
    /// not authorised for the organisation (`403 Resource protected by organization SAML
    /// enforcement`, or a GraphQL 200 whose error carries `saml_failure`). Other SaaS APIs do the
    /// same when an admin turns on SSO enforcement: tokens created before, or by users who did
    /// not sign in through the identity provider, stop working for that organisation.
    ///
    /// ## How to fix
    /// 1. Authorise the token for the organisation's SSO (GitHub: Settings → Developer settings →
    ///    Personal access tokens → Configure SSO → Authorize), then retry.
    /// 2. Or sign in through the organisation's identity provider and create the token after that.
    /// 3. For automation, prefer an app installation or a token the organisation issues itself.
    ///
    /// ## Example
    /// `GET https://api.github.com/orgs/acme/repos` with a classic token → `403 {"message":
    /// "Resource protected by organization SAML enforcement. You must grant your Personal Access
    /// token access to this organization."}`. Fixed: authorise the token for SSO.
    pub static CAUSE = {
        id: "sso_enforcement",
        category: Provider,
        since: "0.2.0",
        title: "the organisation enforces SAML/SSO and the credential is not authorised for it",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if !ex.says(Says::Sso) {
        return None;
    }
    // A SAML response posted to the app's own assertion consumer service failed there: the app's
    // login did not complete (often its session cookie missing on the IdP's cross-site POST); no
    // organisation refused a token.
    let p = ex.path.to_ascii_lowercase();
    if ex.method.eq_ignore_ascii_case("POST") && ["/saml/sso", "/saml2/sso", "/saml2/acs", "/saml/acs", "/acs"].iter().any(|a| p.contains(a)) {
        return None;
    }
    let said = ex.server_said().quote(ex, Says::Sso, 160);
    let mut evidence = vec![format!("the server says SAML/SSO enforcement refused it: \"{}\"", said)];
    if let Some(c) = ex.credentials.first() {
        evidence.push(format!("the request carried {} ({}): valid, but not authorised for the organisation's single sign-on", c.a_describe(), c.redacted()));
    }
    if ex.http_status == 200 {
        evidence.push("the answer is a 200 whose errors carry the refusal (GraphQL): still an authentication failure".into());
    }
    // The provider's own steps (GitHub's Configure SSO), or the generic ones.
    let own = ex.provider.map(|p| p.facts.sso_fix).filter(|f| !f.is_empty());
    Some(Hit {
        confidence: 0.96,
        evidence,
        fix: vec![
            match own {
                Some(fix) => fix.into(),
                None => "authorise the credential for the organisation's single sign-on (or sign in through the identity provider and create a new one)".into(),
            },
            "for automation, use an app installation or a token the organisation issues, which SSO enforcement allows".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{ids, with_status};

    #[test]
    fn github_saml_403() {
        let ex = with_status("https://api.github.com/orgs/acme/repos", &[("Authorization", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789")], 403, r#"{"message":"Resource protected by organization SAML enforcement. You must grant your Personal Access token access to this organization.","documentation_url":"https://docs.github.com/articles/authenticating-to-a-github-organization-with-saml-single-sign-on/"}"#);
        assert_eq!(ids(&ex)[0], "sso_enforcement");
        assert!(!ids(&ex).contains(&"insufficient_scope"));
    }

    #[test]
    fn not_without_sso_words() {
        let ex = with_status("https://api.github.com/user", &[("Authorization", "token ghp_abcdefghijklmnopqrstuvwxyz0123456789")], 401, r#"{"message":"Bad credentials"}"#);
        assert!(!ids(&ex).contains(&"sso_enforcement"));
    }
}
