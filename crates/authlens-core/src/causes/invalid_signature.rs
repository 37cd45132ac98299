use super::{declare_cause, Ctx, Hit};
use crate::redact::clip;
use crate::exchange::server_says::Says;

declare_cause! {
    /// ## What it means
    /// The server could not verify the token's signature: it was signed with a key the API does
    /// not trust (another issuer, tenant, realm or environment, or a key that was rotated), or
    /// the token was changed or cut after it was issued. An expiry or scope check never ran.
    ///
    /// ## Why it happens
    /// - The token comes from another environment or instance: a staging identity provider, another
    ///   Keycloak realm, another Supabase project (each has its own JWT secret), another Entra ID
    ///   tenant ("IDX10501: Signature validation failed. Unable to match key").
    /// - The API verifies with the wrong secret or JWKS URL, or caches keys that were rotated.
    /// - An HS256 secret is configured as base64 on one side and as text on the other.
    /// - The token was damaged on the way: truncated when copied, or altered by hand.
    ///
    /// ## How to fix
    /// 1. Compare the token's `iss` (and `kid`) with the issuer and keys the API is configured
    ///    for; get the token from that issuer.
    /// 2. Check the API's JWKS URL or shared secret for this environment, and refresh its key cache.
    /// 3. Copy the token whole (its three parts) and do not edit it.
    ///
    /// ## Example
    /// A token from `https://staging-auth.example.com/` sent to the production API → `401
    /// WWW-Authenticate: Bearer error="invalid_token", error_description="The signature key was
    /// not found"`. Fixed: sign in against the production identity provider.
    ///
    /// ## References
    /// RFC 7515 (JWS) §5.2; RFC 7517 (JWK `kid`).
    pub static CAUSE = {
        id: "invalid_signature",
        category: Token,
        since: "0.2.0",
        title: "the token's signature does not verify: another issuer's key, a rotated key, or a damaged token",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if !ex.says(Says::Signature) {
        return None;
    }
    // AWS SigV4 and other request signatures are about the secret key, not a token.
    if ex.authorization.as_ref().is_some_and(crate::signals::param_scheme) || ex.req_header("x-amz-date").is_some() {
        return None;
    }
    let said = ex.server_said().quote(ex, Says::Signature, 160);
    let mut evidence = vec![format!("the server says the token's signature did not verify: \"{}\"", said)];
    let jwt = ex.credentials.iter().find_map(|c| c.jwt.as_ref().map(|j| (c, j)));
    let mut fix = Vec::new();
    match jwt {
        Some((c, j)) => {
            let mut parts = Vec::new();
            if let Some(i) = &j.iss {
                parts.push(format!("iss `{}`", clip(i, 96)));
            }
            if let Some(a) = &j.alg {
                parts.push(format!("alg `{}`", clip(a, 16)));
            }
            if let Some(kid) = kid(c.raw()) {
                parts.push(format!("kid `{}`", clip(&kid, 64)));
            }
            if !parts.is_empty() {
                evidence.push(format!("the token at {} has {}: check that the API trusts this issuer and key", c.location.describe(), parts.join(", ")));
            }
            let sig_len = c.raw().trim().rsplit('.').next().map_or(0, str::len);
            if let Some(want) = expected_signature_len(j.alg.as_deref()) {
                if sig_len < 16.min(want) || sig_len > want * 2 {
                    evidence.push(format!("its signature part is {sig_len} characters where `{}` makes about {want}: the token looks cut or altered", clip(j.alg.as_deref().unwrap_or(""), 16)));
                }
            }
            // The server names the algorithm as what it refuses (not Spring's "Another algorithm
            // expected, or no matching key(s) found", which may be either).
            let l = said.to_ascii_lowercase();
            if ["invalid algorithm", "algorithm not allowed", "value not allowed", "expected algs"].iter().any(|w| l.contains(w)) {
                let alg = clip(j.alg.as_deref().unwrap_or("?"), 16);
                evidence.push(format!("the server refuses the token's algorithm: this token is signed with `{alg}`"));
                fix.push(format!(
                    "sign the token with the algorithm the API verifies, or allow `{alg}` in the API's settings if it is meant to (HS* tokens are signed with a shared secret, RS*/ES* with the issuer's key pair; an identity provider's application may still sign with its HS256 default)"
                ));
            }
            fix.push(format!("get the token from the issuer the API trusts{}; a token from another environment, tenant, realm or project is signed with another key", j.iss.as_deref().map(|i| format!(" (this one came from `{}`)", clip(i, 96))).unwrap_or_default()));
        }
        None => {
            if let Some(c) = ex.auth_credential() {
                evidence.push(format!("the credential at {} is not a JWT ({}): a value that is not the token itself (a key, an opaque token, a damaged copy) fails signature checks", c.location.describe(), c.redacted()));
            }
            fix.push("send the JWT the identity provider issued, whole and unchanged".into());
        }
    }
    fix.push("check the API's JWKS URL or shared secret for this environment (and refresh its key cache after a key rotation); an HS256 secret must be read the same way on both sides (text vs base64)".into());
    // Damage the request shows (whitespace, a defect of the header) is the reason the signature
    // fails: the causes that name it rank first.
    let damaged = ex.authorization.as_ref().is_some_and(|a| !a.defects.is_empty()) || ex.credentials.iter().any(|c| crate::signals::whitespace(c.raw()).is_some());
    Some(Hit { confidence: if damaged { 0.6 } else { 0.88 }, evidence, fix })
}

/// `kid` of a JWT's header.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn kid(token: &str) -> Option<String> {
    let head = token.trim().split('.').next()?;
    let h = crate::parse::jwt::segment(head)?;
    h.get("kid")?.as_str().map(str::to_string)
}

/// Characters of a base64url signature for an algorithm (RS/PS 2048-bit keys, ES, HS).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn expected_signature_len(alg: Option<&str>) -> Option<usize> {
    match alg? {
        "HS256" => Some(43),
        "HS384" => Some(64),
        "HS512" => Some(86),
        "ES256" => Some(86),
        "ES384" => Some(128),
        "RS256" | "RS384" | "RS512" | "PS256" | "PS384" | "PS512" => Some(342),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};
    use crate::parse::jwt::make;

    #[test]
    fn algorithm_the_api_does_not_verify_with() {
        // an HS256 token (signed with a shared secret) to an API that verifies RS256
        let t = make(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"iss":"https://api.example.test/","exp":1792000000}"#);
        for body in [r#"{"name":"UnauthorizedError","message":"invalid algorithm","code":"invalid_token"}"#, r#"{"error":"\"alg\" (Algorithm) Header Parameter value not allowed"}"#] {
            let ex = crate::causes::test_util::with_status("https://api.example.test/orders", &[("Authorization", &format!("Bearer {t}"))], 401, body);
            let hits = crate::causes::diagnose(&ex, &[]);
            assert_eq!(hits[0].0.info.id, "invalid_signature", "{body}");
            assert!(hits[0].1.evidence.iter().any(|e| e.contains("alg `HS256`")), "{:?}", hits[0].1.evidence);
            assert!(hits[0].1.fix[0].starts_with("sign the token with the algorithm the API verifies"), "{:?}", hits[0].1.fix);
        }
    }

    #[test]
    fn signature_key_not_found() {
        let t = make(r#"{"alg":"RS256","kid":"k1"}"#, r#"{"iss":"https://staging-auth.example.test/","exp":1792000000}"#);
        let mut ex = failing("https://api.example.test/orders", &[("Authorization", &format!("Bearer {t}"))]);
        ex.challenges = crate::parse::www_authenticate::parse(r#"Bearer error="invalid_token", error_description="The signature key was not found""#);
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "invalid_signature");
        assert!(hits[0].1.evidence[1].contains("staging-auth"), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn not_for_aws_signatures() {
        let ex = crate::causes::test_util::with_status("https://s3.amazonaws.com/b/k", &[("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261014/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc")], 403, "<Error><Code>SignatureDoesNotMatch</Code><Message>The request signature we calculated does not match the signature you provided.</Message></Error>");
        assert!(!ids(&ex).contains(&"invalid_signature"));
    }
}
