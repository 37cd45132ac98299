use super::{declare_cause, provider_auth_step, Ctx, Hit};
use crate::parse::authorization::Defect;
use crate::parse::basic::Basic;
use crate::providers::KeyKind;
use crate::redact::{clip, Redacted};

declare_cause! {
    /// ## What it means
    /// The `Authorization` header does not have the shape the scheme requires, so the server cannot
    /// read the credential even if the credential itself is right.
    ///
    /// ## Why it happens
    /// - The scheme was added twice (`Bearer Bearer …`): one layer adds `Bearer ` to a value that
    ///   already had it.
    /// - The scheme is missing (`Authorization: sk_sbox_…`) or glued to the token (`Bearereyj…`).
    /// - A Basic credential is not base64 (the raw key was pasted after `Basic`), or the decoded
    ///   text has no colon (`KEY` instead of `KEY:` — APIs that use the key as username need it).
    /// - The token was stored JSON-stringified, so it is sent with quotes.
    /// - Several credentials were joined with commas.
    ///
    /// ## How to fix
    /// 1. Build the header in exactly one place, as `<Scheme> <credential>`.
    /// 2. For Basic, send `base64(user + ":" + password)`; with a key as username, `base64(KEY + ":")`.
    /// 3. Read stored tokens with `JSON.parse`, or store the plain string.
    ///
    /// ## Example
    /// `Authorization: Basic SB-Mid-server-abc123` → `401`. Fixed:
    /// `Authorization: Basic U0ItTWlkLXNlcnZlci1hYmMxMjM6` (`base64("SB-Mid-server-abc123:")`).
    pub static CAUSE = {
        id: "malformed_authorization",
        category: Credential,
        since: "0.1.0",
        title: "the Authorization header is malformed",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let a = ex.authorization.as_ref()?;
    let mut evidence = Vec::new();
    let mut fix = Vec::new();
    let mut confidence: f64 = 0.85;
    for d in &a.defects {
        match d {
            Defect::DoubledScheme(s) => {
                evidence.push(format!("the scheme appears twice: `{} {} …`", clip(a.scheme.as_deref().unwrap_or(""), 24), clip(s, 24)));
                fix.push("add the scheme in one place only: either the stored value or the code that builds the header".into());
                confidence = 0.9;
            }
            Defect::NoScheme => {
                let cred = ex.auth_credential();
                // Checkout.com's previous platform takes the raw key; that is not a defect.
                let raw_ok = cred.and_then(|c| c.key).is_some_and(|k| k.rule.bare_ok);
                if raw_ok {
                    continue;
                }
                let what = cred.map(|c| c.describe()).unwrap_or_else(|| "value".into());
                evidence.push(format!("the header has no scheme: it is a bare {what}"));
                if let Some(k) = cred.and_then(|c| c.key).filter(|k| !k.provider.facts.no_scheme_fix.is_empty() && k.rule.kind == KeyKind::Secret) {
                    fix.push(k.provider.facts.no_scheme_fix.into());
                    confidence = 0.9;
                } else {
                    fix.push("prefix the credential with its scheme, e.g. `Bearer `".into());
                }
            }
            Defect::NoSpaceAfterScheme(s) => {
                evidence.push(format!("the scheme `{}` runs into the credential with no space", clip(s, 24)));
                fix.push(format!("put one space between `{}` and the credential", clip(s, 24)));
            }
            Defect::Quoted => {
                evidence.push("the credential is wrapped in quotes (a JSON-stringified token)".into());
                fix.push("store the token as a plain string, or JSON.parse it before use".into());
            }
            Defect::MultipleCredentials => {
                evidence.push("several credentials are joined with commas in one header".into());
                fix.push("send exactly one credential".into());
                // The spaces after the commas are not the problem: rank this above whitespace.
                confidence = confidence.max(0.92);
            }
            Defect::EmptyCredential | Defect::SurroundingWhitespace | Defect::InnerWhitespace => {}
        }
    }
    // `Bearer Authorization: Bearer sandbox-…`: a whole header line was stored as the token.
    let inner = a.intended_credential();
    if inner.to_ascii_lowercase().contains("authorization:")
        || inner.split_whitespace().skip(1).any(|w| crate::parse::authorization::KNOWN_SCHEMES.iter().any(|k| k.eq_ignore_ascii_case(w)))
    {
        evidence.push("the credential contains a header name or a scheme of its own (`Authorization: Bearer …`): a whole header line was stored where only the token belongs".into());
        fix.push("store only the token itself; the code that builds the header adds `Bearer `".into());
        confidence = confidence.max(0.93);
    }
    match &ex.basic {
        Some(Basic::NotBase64) => {
            let c = ex.auth_credential();
            evidence.push(format!(
                "the Basic credential is not base64: it looks like the raw {} ({})",
                c.map(|c| c.describe()).unwrap_or_else(|| "value".into()),
                c.map(|c| c.redacted()).unwrap_or_else(|| Redacted::new(""))
            ));
            fix.push("base64-encode `user:password` — for a key used as the username, `base64(KEY + \":\")`".into());
            confidence = confidence.max(0.9);
        }
        Some(Basic::NoColon { decoded }) => {
            // `base64(base64(user:password))`: encoded twice (a client library encodes what it is given).
            if super::damaged_credentials::base64_text(decoded.trim()).is_some_and(|t| t.contains(':')) {
                evidence.push("the Basic credential was base64-encoded twice: it decodes to the base64 of `user:password`, not to the pair".into());
                fix.push("encode `user:password` once; when the HTTP client takes a username and password (`auth:`), give it the plain values".into());
            } else {
                evidence.push("the Basic credential decodes to text without a colon: the `:` between username and password is missing".into());
                fix.push("encode `KEY:` (with the trailing colon), not `KEY`".into());
            }
            confidence = confidence.max(0.9);
        }
        _ => {}
    }
    // Only a bare value, and the server judged it (Tyk's "Key not authorised", "Key has expired"):
    // the server read the header as it is, so the missing scheme is not why it refused.
    let bare_only = a.defects.iter().all(|d| matches!(d, Defect::NoScheme | Defect::EmptyCredential | Defect::SurroundingWhitespace | Defect::InnerWhitespace))
        && a.defects.contains(&Defect::NoScheme)
        && evidence.len() == 1;
    {
        use crate::exchange::server_says::Says;
        // Judged: expired, revoked, not allowed, or called an invalid *key* or *token* (Laravel's
        // bare "Unauthenticated." is also its answer to a header it could not read). Not for a
        // JWT (always sent with `Bearer`) nor when the server's challenge names a scheme.
        let invalid_key = ex.server_said().message(Says::Invalid).is_some_and(|m| {
            let t = m.text.to_ascii_lowercase();
            t.contains("key") || t.contains("token")
        });
        let judged = ([Says::Expired, Says::Revoked, Says::Scope].into_iter().any(|k| ex.says(k)) || invalid_key)
            && !ex.says(Says::Missing)
            && !ex.says(Says::Malformed);
        let jwt = ex.auth_credential().is_some_and(|c| c.jwt.is_some());
        // A bare JWT whose claims the server judged (Stream: "token used before issue at (iat)",
        // it documents the bare JWT beside `Stream-Auth-Type: jwt`) was read too. Not a signature
        // complaint: Supabase answers a JWT without `Bearer ` with "invalid signature".
        let judged_jwt = jwt && [Says::Expired, Says::NotYetValid, Says::Audience, Says::Issuer, Says::Revoked].into_iter().any(|k| ex.says(k)) && !ex.says(Says::Missing) && !ex.says(Says::Malformed);
        if bare_only && (judged && !jwt || judged_jwt) && ex.challenges.is_empty() && confidence < 0.9 {
            evidence.push("yet the server's answer judges the key it was given, so it read the bare value (some gateways, Tyk among them, take the key with no scheme)".into());
            confidence = 0.3;
        }
    }
    if evidence.is_empty() {
        let (hit, c) = server_says_malformed(ex)?;
        evidence.push(hit);
        confidence = c;
        fix.push("send the token exactly as issued: `Authorization: Bearer <token>`, the whole JWT (three dot-separated parts), no quotes, extra words or cut-off end".into());
    }
    if let Some(step) = provider_auth_step(ex) {
        fix.push(step);
    }
    Some(Hit { confidence, evidence, fix })
}

/// The server says it could not parse the credential: what the request shows about why.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn server_says_malformed(ex: &crate::exchange::Exchange) -> Option<(String, f64)> {
    use crate::exchange::server_says::Says;
    if !ex.says(Says::Malformed) {
        return None;
    }
    let said = ex.server_said().quote(ex, Says::Malformed, 160);
    let c = ex.auth_credential().or_else(|| ex.credentials.first());
    // "undefined", "null": placeholder_credentials names it.
    if c.is_some_and(|c| crate::signals::placeholder(c.raw()).is_some()) {
        return None;
    }
    let shape = match c {
        Some(c) if c.jwt.is_none() => {
            let parts = c.raw().trim().split('.').count();
            format!("; the credential at {} ({}) is not a JWT ({} dot-separated part{}): an opaque or encrypted token, a key, or a damaged copy", c.location.describe(), c.redacted(), parts, if parts == 1 { "" } else { "s" })
        }
        Some(_) => String::new(),
        None => "; the request carried no credential the server could read".into(),
    };
    // "not found or is malformed", "invalid or malformed": a generic refusal that lists malformed
    // among other reasons says less than a parser's own error.
    let generic = ex.server_said().message(Says::Malformed).is_some_and(|m| {
        let l = m.text.to_ascii_lowercase();
        l.contains("not found or") || l.contains("invalid or") || l.contains("or malformed") || l.contains("or is malformed")
    });
    let confidence = if generic { 0.45 } else if c.is_some_and(|c| c.jwt.is_none()) { 0.86 } else { 0.7 };
    Some((format!("the server says the credential is malformed: \"{}\"{shape}", said), confidence))
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};

    #[test]
    fn basic_encoded_twice() {
        // base64(base64("admin:s3cretPassw0rd"))
        let ex = crate::causes::test_util::failing("https://api.example.test/v1/x", &[("Authorization", "Basic WVdSdGFXNDZjek5qY21WMFVHRnpjM2N3Y21RPQ==")]);
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "malformed_authorization");
        assert!(hits[0].1.evidence.iter().any(|e| e.contains("base64-encoded twice")), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn doubled_and_raw_basic_and_no_colon() {
        assert_eq!(ids(&failing("https://x.test/me", &[("Authorization", "Bearer Bearer abcdefghijkl123")]))[0], "malformed_authorization");
        assert_eq!(ids(&failing("https://api.sandbox.midtrans.com/v2/charge", &[("Authorization", "Basic SB-Mid-server-abc123cde456")]))[0], "malformed_authorization");
        assert_eq!(ids(&failing("https://api.sandbox.midtrans.com/v2/charge", &[("Authorization", "Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY=")]))[0], "malformed_authorization");
    }

    #[test]
    fn checkout_nas_key_without_bearer() {
        assert_eq!(ids(&failing("https://api.sandbox.checkout.com/payments", &[("Authorization", "sk_sbox_abcdefghijklmnopqrstuvwxyz2")]))[0], "malformed_authorization");
    }

    #[test]
    fn a_bare_jwt_whose_claims_the_server_judged() {
        use crate::causes::test_util::with_status;
        // Stream takes the JWT without a scheme; its answer to an `iat` ahead of its clock
        // (GetStream/stream-node#64) shows it read the token. The entry is at 09:30:00Z.
        let t = crate::parse::jwt::make(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"user_id":"u1","iat":1791970500}"#);
        let ex = with_status("https://chat.stream-io-api.com/users", &[("Authorization", &t), ("Stream-Auth-Type", "jwt")], 401, r#"{"code":5,"message":"JWTAuth error: token used before issue at (iat)","StatusCode":401}"#);
        assert_eq!(ids(&ex)[0], "token_not_yet_valid");
        // Supabase answers a JWT without `Bearer ` with "invalid signature": that is no judgement.
        let ex = with_status("https://abcdefghijklmnopqrst.supabase.co/graphql/v1", &[("Authorization", &t)], 401, r#"{"message":"invalid signature"}"#);
        assert_eq!(ids(&ex)[0], "malformed_authorization");
    }

    #[test]
    fn a_bare_key_the_server_judged() {
        use crate::causes::test_util::with_status;
        let key = ("Authorization", "5f2b8c1e9d4a7b3c6e0f1a2d8b5c9e4f7a1d3b6c8e2f5a9d0c4b7e1f");
        // Tyk takes the key with no scheme and says what it thinks of it: the header was read.
        let tyk = with_status("https://gw.example.test/orders/", &[key], 403, r#"{"error": "Key not authorised"}"#);
        assert_eq!(ids(&tyk)[0], "invalid_credentials");
        // Laravel's "Unauthenticated." is also what it answers a header it could not read.
        let laravel = with_status("https://app.example.test/api/user", &[key], 401, r#"{"message":"Unauthenticated."}"#);
        assert_eq!(ids(&laravel)[0], "malformed_authorization");
    }

    #[test]
    fn whole_header_pasted_as_token() {
        assert_eq!(ids(&failing("https://connect.squareup.com/v2/locations", &[("Authorization", "Bearer Authorization: Bearer EAAAabcdefghijklmnop")]))[0], "malformed_authorization");
    }

    #[test]
    fn well_formed_is_quiet() {
        assert!(!ids(&failing("https://x.test/me", &[("Authorization", "Bearer abcdefghijkl123")])).contains(&"malformed_authorization"));
        // previous-platform Checkout.com keys are sent raw on purpose
        assert!(!ids(&failing("https://api.sandbox.checkout.com/payments", &[("Authorization", "sk_test_0b1e7d5c-1a2b-4c3d-8e9f-a1b2c3d4e5f6")])).contains(&"malformed_authorization"));
    }
}
