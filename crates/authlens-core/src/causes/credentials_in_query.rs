use super::{declare_cause, provider_auth_step, Ctx, Hit};
use crate::exchange::server_says::Says;
use crate::exchange::Location;
use crate::providers::KeyKind;
use crate::redact::clip;

declare_cause! {
    /// ## What it means
    /// The credential was put in the URL's query string (`?api_key=…`, `?access_token=…`,
    /// `?token=…`) and the request had no `Authorization` header. The API reads credentials from
    /// the header only, so it saw none.
    ///
    /// ## Why it happens
    /// Some APIs accept a key in the URL (Google's `?key=`, Supabase's `?apikey=`), so code is
    /// copied from one API to another that does not. GitHub removed `?access_token=` in 2021;
    /// Stripe, OpenAI and the payment APIs never read keys from the URL. RFC 6750 allows
    /// `access_token` in the query only as a last resort, and many servers do not implement it.
    ///
    /// ## How to fix
    /// 1. Send the credential in the header the API documents (most often
    ///    `Authorization: Bearer <token>`), and remove it from the URL.
    /// 2. A URL ends up in logs, browser history and `Referer` headers: if it held a secret key,
    ///    rotate the key.
    ///
    /// ## Example
    /// `GET https://api.github.com/user?access_token=ghp_…` → `401` "Requires authentication".
    /// Fixed: `Authorization: Bearer ghp_…`.
    ///
    /// ## Known limits
    /// For hosts authlens does not know, the server's answer decides: "no credential" makes this
    /// cause likely, an answer that judges the key (invalid, expired, revoked) shows the API read
    /// the query, and the cause drops below the key's own problem; with neither it says so with a
    /// lower confidence. Signed URLs (`X-Amz-Signature`, `sig=`) are not credentials
    /// misplaced and are left alone.
    ///
    /// ## References
    /// RFC 6750 §2.3.
    pub static CAUSE = {
        id: "credentials_in_query",
        category: Credential,
        since: "0.1.0",
        title: "the credential was sent in the URL instead of a header",
        check: check,
    };
}

/// Query names that sign a URL rather than carry a credential.
const SIGNED: &[&str] = &["sig", "signature", "x-amz-signature", "x-amz-credential", "x-amz-security-token"];

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if ex.authorization.is_some() || ex.credentials.iter().any(|c| matches!(c.location, Location::Header(_))) {
        return None;
    }
    // Providers that document a credential in the query string (and that name).
    let provider_ok = |name: &str| ex.provider.is_some_and(|p| p.facts.query_keys.iter().any(|n| n.eq_ignore_ascii_case(name)));
    let c = ex.credentials.iter().find(|c| match &c.location {
        Location::Query(name) => !SIGNED.iter().any(|s| s.eq_ignore_ascii_case(name)) && !provider_ok(name) && !c.raw().trim().is_empty(),
        _ => false,
    })?;
    let Location::Query(name) = &c.location else { return None };
    if ex.credentials.iter().any(|c| matches!(c.location, Location::Query(ref n) if SIGNED.iter().any(|s| s.eq_ignore_ascii_case(n)))) {
        return None; // a signed URL: the query is the credential by design
    }
    let mut evidence = vec![format!("the credential is in the query parameter `{}` ({}, {}) and there is no Authorization header", clip(name, 64), c.describe(), c.redacted())];
    // The server judged the credential it was given (invalid, expired, revoked): it read the
    // query, so the key's place is not why it was refused, only a hazard (logs, Referer).
    // A server that names the very parameter ("apiKey invalid. apiKey not found.", HERE) read it.
    let lower_name = name.to_ascii_lowercase();
    let named = name.len() >= 3 && crate::exchange::mentions(crate::exchange::truncate(&ex.resp_body, 4096), &[lower_name.as_str()]);
    let judged = [Says::Invalid, Says::Expired, Says::Revoked].into_iter().any(|s| ex.says(s)) && (!ex.says(Says::Missing) || named);
    let retired = ex.provider.and_then(|p| p.facts.retired_query_keys.iter().find(|q| q.name.eq_ignore_ascii_case(name)));
    let confidence = match ex.provider {
        Some(p) if judged && retired.is_none() => {
            evidence.push(format!("the server's answer judges the key it was given, so {} read it from the URL (it documents {}); the URL is only a hazard for logs and Referer headers", p.name, p.auth));
            0.3
        }
        Some(p) => {
            evidence.push(format!("{} does not read credentials from the URL: it expects {}", p.name, p.auth));
            if let Some(q) = p.facts.retired_query_keys.iter().find(|q| q.name.eq_ignore_ascii_case(name)) {
                evidence.push(q.note.into());
            }
            0.9
        }
        None if name.eq_ignore_ascii_case("access_token") => {
            evidence.push("RFC 6750 allows `access_token` in the query only as a discouraged fallback, and many servers ignore it".into());
            0.6
        }
        None if judged => {
            evidence.push(format!("the server's answer judges the key it was given, so {} reads it from the URL; the URL is only a hazard for logs and Referer headers", clip(&ex.host, 128)));
            0.3
        }
        None if ex.says(Says::Missing) => {
            evidence.push(format!("the server's answer says no credential arrived: {} does not read `{}` from the URL", clip(&ex.host, 128), clip(name, 64)));
            0.85
        }
        None => {
            evidence.push(format!("authlens does not know {}: most APIs read credentials only from headers", clip(&ex.host, 128)));
            0.7
        }
    };
    let mut fix = vec![match ex.provider.and_then(|_| provider_auth_step(ex)) {
        Some(step) => format!("move the credential from `?{}=` into the header: {step}", clip(name, 64)),
        None => format!("send the credential as `Authorization: Bearer <token>` (or the header the API documents) and drop `?{}=`", clip(name, 64)),
    }];
    if c.kind() == Some(KeyKind::Secret) {
        fix.push("URLs end up in logs, history and Referer headers: rotate this secret key".into());
    }
    Some(Hit { confidence, evidence, fix })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};

    #[test]
    fn token_in_query() {
        assert_eq!(ids(&failing("https://api.github.com/user?access_token=ghp_abcdefghijklmnopqrstuvwxyz0123456789", &[]))[0], "credentials_in_query");
        assert_eq!(ids(&failing("https://api.example.test/v1/items?token=abcdefghijklmnopqrstuvwxyz", &[]))[0], "credentials_in_query");
    }

    #[test]
    fn what_the_server_says_decides_for_unknown_hosts() {
        use crate::causes::test_util::with_status;
        // Apigee's answer to a bad key in `?apikey=` (docs.apigee.com, "Invalid ApiKey" fault):
        // the gateway read the query, so the key itself was refused.
        let bad_key = with_status("https://api.example.test/v1/orders?apikey=Qm9vbGVhbkRlbW9rZXk0", &[], 401, r#"{"fault":{"faultstring":"Invalid ApiKey","detail":{"errorcode":"oauth.v2.InvalidApiKey"}}}"#);
        assert_eq!(ids(&bad_key)[0], "invalid_credentials", "{bad_key:?}");
        // HERE names the parameter it read: "apiKey invalid. apiKey not found." is no missing key.
        let here = with_status("https://autosuggest.search.hereapi.com/v1/autosuggest?q=rest&apiKey=XQZip2SFXy7KSE3eJdRtEqlzIq47E", &[], 401, r#"{"error":"Unauthorized","error_description":"apiKey invalid. apiKey not found."}"#);
        assert_eq!(ids(&here)[0], "invalid_credentials", "{:?}", ids(&here));
        // "no credential" while one sat in the URL: the server does not read the query.
        let missing = with_status("https://api.example.test/v1/orders?token=Qm9vbGVhbkRlbW9rZXk0", &[], 401, r#"{"message":"No API key found in request"}"#);
        assert_eq!(ids(&missing)[0], "credentials_in_query", "{missing:?}");
    }

    #[test]
    fn near_misses() {
        // a header credential is present: the query is not why it failed
        assert!(!ids(&failing("https://api.example.test/v1/items?token=abcdefghijklmnop", &[("Authorization", "Bearer abcdefghijklmnop123")])).contains(&"credentials_in_query"));
        // a signed URL
        assert!(!ids(&failing("https://bucket.s3.amazonaws.com/o?X-Amz-Credential=AKIAEXAMPLE&X-Amz-Signature=abcdef0123", &[])).contains(&"credentials_in_query"));
    }
}
