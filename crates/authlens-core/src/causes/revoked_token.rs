use super::{declare_cause, Ctx, Hit};
use crate::exchange::server_says::Says;

declare_cause! {
    /// ## What it means
    /// The server says the token, or the grant behind it, was revoked: it was valid once and has
    /// been withdrawn before its expiry. Retrying with it will not work; a new sign-in will.
    ///
    /// ## Why it happens
    /// A sign-out elsewhere ("global sign-out"), a password change (Entra ID AADSTS50173), the
    /// user or an admin revoking the app's access, an uninstalled app (Slack `token_revoked`), or
    /// refresh-token rotation: an identity provider that rotates refresh tokens revokes the whole
    /// family when an old one is used again (Auth0 "Unknown or invalid refresh token").
    ///
    /// ## How to fix
    /// 1. Sign the user in again (or re-install / re-authorise the app) to get a new grant.
    /// 2. With rotating refresh tokens, store the newest refresh token after every refresh and
    ///    never reuse an older one (two tabs refreshing at once is a classic trigger).
    /// 3. Handle the revocation answer by clearing the stored tokens and starting a login.
    ///
    /// ## Example
    /// `GetUser` with a Cognito access token after a global sign-out → `400
    /// {"__type":"NotAuthorizedException","message":"Access Token has been revoked"}`.
    pub static CAUSE = {
        id: "revoked_token",
        category: Token,
        since: "0.2.0",
        title: "the token or its grant was revoked",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if !ex.says(Says::Revoked) {
        return None;
    }
    let said = ex.server_said().quote(ex, Says::Revoked, 160);
    let mut evidence = vec![format!("the server says the token or grant was revoked: \"{}\"", said)];
    // "Token has been expired or revoked": the server does not know which; expiry is likelier.
    // Entra ID's AADSTS50173 "The provided grant has expired due to it being revoked": the
    // revocation is the reason, the expiry its consequence.
    let because_revoked = ["due to it being revoked", "aadsts50173", "revoked by newer login"].iter().any(|w| said.to_ascii_lowercase().contains(w));
    let also_expired = ex.says(Says::Expired) && !because_revoked;
    if also_expired {
        evidence.push("the same message also allows that it simply expired".into());
    }
    let refresh = ex.req_body.contains("refresh_token") || ex.form_params.iter().any(|p| p.name == "refresh_token");
    if refresh {
        evidence.push("the request redeemed a refresh token: with rotation, reusing an older refresh token revokes the grant".into());
    }
    // A provider's API key the server calls "invalid, expired, or revoked" (SendGrid): the
    // generic refusal of a key, which invalid_credentials explains. A key the server says only
    // was revoked (GitLab's "Token was revoked", for a personal access token too) is revoked.
    let listed = also_expired || said.to_ascii_lowercase().contains("invalid");
    let api_key = listed && ex.credentials.iter().any(|c| c.key.is_some_and(|k| k.rule.kind != crate::providers::KeyKind::Token));
    Some(Hit {
        confidence: if api_key { 0.4 } else if also_expired { 0.8 } else { 0.94 },
        evidence,
        fix: vec![
            "sign the user in again (or re-authorise the app) to obtain a new grant; the revoked token cannot be revived".into(),
            "with rotating refresh tokens, store the newest refresh token after every refresh and never reuse an older one".into(),
            "on this answer, clear the stored tokens and start the login flow instead of retrying".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{ids, with_status};

    #[test]
    fn cognito_revoked() {
        let ex = with_status("https://cognito-idp.us-east-1.amazonaws.com/", &[("X-Amz-Target", "AWSCognitoIdentityProviderService.GetUser")], 400, r#"{"__type":"NotAuthorizedException","message":"Access Token has been revoked"}"#);
        assert_eq!(ids(&ex)[0], "revoked_token");
    }

    #[test]
    fn a_key_the_server_says_was_revoked() {
        // GitLab's answer to a revoked personal access token (lib/gitlab/auth/auth_finders.rb,
        // RevokedError) and the same key under SendGrid's generic list of reasons.
        let ex = with_status(
            "https://gitlab.com/api/v4/user",
            &[("Authorization", "Bearer glpat-Xk2aB9cDq7LmN4pR8sT1")],
            401,
            r#"{"error":"invalid_token","error_description":"Token was revoked. You have to re-authorize from the user."}"#,
        );
        assert_eq!(ids(&ex).first().copied(), Some("revoked_token"));
    }

    #[test]
    fn not_for_plain_invalid() {
        let ex = with_status("https://api.example.test/x", &[("Authorization", "Bearer abcdefghijklmnop123")], 401, r#"{"error":"invalid_token"}"#);
        assert!(!ids(&ex).contains(&"revoked_token"));
    }
}
