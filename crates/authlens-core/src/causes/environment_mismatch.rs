use super::{declare_cause, Ctx, Hit};
use crate::parse::url::Url;
use crate::providers::Env;

declare_cause! {
    /// ## What it means
    /// The credential belongs to one environment and the request went to the other: a sandbox or
    /// test key sent to a production host, or a production key sent to a sandbox host. Each
    /// environment only knows its own keys, so the key is rejected even though it is valid.
    ///
    /// ## Why it happens
    /// The base URL and the key come from different configuration: an `isProduction` flag was
    /// flipped but the key was not, a production build still reads the sandbox key, or an
    /// environment variable default points at the wrong host.
    ///
    /// ## How to fix
    /// 1. Take the host and the key from the same environment setting.
    /// 2. Use the sandbox key with the sandbox host, and the production key with the production host.
    /// 3. Add a start-up check: a sandbox-prefixed key with a production URL should fail fast.
    ///
    /// ## Example
    /// `POST https://app.midtrans.com/snap/v1/transactions` with a Basic credential decoding to
    /// `SB-Mid-server-…:` → `401`. Fixed: send it to `https://app.sandbox.midtrans.com`, or use the
    /// production server key.
    ///
    /// ## Known limits
    /// Midtrans has issued sandbox keys without the `SB-` prefix, so a `Mid-server-` key on a
    /// sandbox host is reported with lower confidence.
    pub static CAUSE = {
        id: "environment_mismatch",
        category: Provider,
        since: "0.1.0",
        title: "a key from one environment was sent to the other environment",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    by_key_or_host(ctx).or_else(|| said_by_server(ctx.ex))
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn by_key_or_host(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let Some(host_env) = ex.env else { return accepted_by_other_environment(ctx) };
    for c in &ex.credentials {
        let Some(k) = c.key else { continue };
        let Some(key_env) = k.rule.env else { continue };
        if key_env == host_env || !ex.provider.is_some_and(|p| std::ptr::eq(p, k.provider)) {
            continue;
        }
        let other = match host_env {
            Env::Sandbox => Env::Production,
            Env::Production => Env::Sandbox,
        };
        let mut evidence = vec![format!(
            "a {} ({}) was sent to {}, a {} host",
            k.rule.title,
            c.redacted(),
            crate::redact::clip(&ex.host, 128),
            host_env.as_str()
        )];
        let confidence = if k.rule.env_certain {
            0.93
        } else {
            evidence.push(format!("the `{}` prefix usually means {}, but {} has issued keys without it: treat this as likely, not certain", k.rule.prefix, key_env.as_str(), k.provider.name));
            0.6
        };
        return Some(Hit {
            confidence,
            evidence,
            fix: vec![
                format!("use the {} key with {}, or send this request to the {} host", host_env.as_str(), crate::redact::clip(&ex.host, 128), other.as_str()),
                "take the base URL and the key from the same environment setting (e.g. one isProduction flag)".into(),
                format!("see {}", k.provider.docs),
            ],
        });
    }
    token_from_other_environment(ctx, host_env).or_else(|| accepted_by_other_environment(ctx))
}

/// Words of a host name (its labels, split at `.` and `-`) that name a non-production environment.
/// What servers answer a credential of another environment, region or account kind with:
/// Twilio's 20008 ("Resource not accessible with Test Account Credentials"), Pinecone's "invalid
/// for the environment", Mailchimp's "the wrong datacenter".
const SAYS_OTHER_ENVIRONMENT: &[&str] = &["test account credentials", "invalid for the environment", "wrong environment", "different environment", "wrong datacenter", "wrong data center"];

/// True when the server's answer says the credential is of another environment.
pub(super) fn server_names_environment(ex: &crate::exchange::Exchange) -> bool {
    (ex.status == 401 || ex.status == 403) && !ex.credentials.is_empty() && ex.resp_body_mentions(SAYS_OTHER_ENVIRONMENT)
}

/// The server itself says the credential belongs to another environment.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn said_by_server(ex: &crate::exchange::Exchange) -> Option<Hit> {
    if !server_names_environment(ex) {
        return None;
    }
    let body = crate::exchange::truncate(&ex.resp_body, 4096);
    let l = body.to_ascii_lowercase();
    let at = SAYS_OTHER_ENVIRONMENT.iter().filter_map(|w| l.find(w)).min().unwrap_or(0);
    let from = l[..at].rfind(['"', '>', '\n']).map_or(0, |i| i + 1);
    let said = crate::redact::escape(&crate::redact::clip(&ex.quote(body.get(from..).unwrap_or("")), 160));
    Some(Hit {
        confidence: 0.86,
        evidence: vec![format!("the server says the credential belongs to another environment: \"{said}\"")],
        fix: vec![
            "use the credential of the environment (test or live, region, data centre) this host serves, or send the request to the host of the credential's environment".into(),
            "take the base URL and the credential from the same environment setting".into(),
        ],
    })
}

const NOT_PRODUCTION: &[&str] = &["sandbox", "test", "testing", "staging", "stage", "dev", "development", "uat", "qa", "demo", "preprod"];

/// Whether a host name says it is a non-production environment, and its brand: the label before
/// the top-level domain (`sandbox-api.polar.sh` → (true, `polar`)).
fn env_and_brand(host: &str) -> (bool, &str) {
    let labels: Vec<&str> = host.split('.').collect();
    let brand = if labels.len() >= 2 { labels[labels.len() - 2] } else { host };
    let named = labels.iter().take(labels.len().saturating_sub(1)).flat_map(|l| l.split('-')).any(|w| NOT_PRODUCTION.contains(&w));
    (named, brand)
}

/// True when two exchanges' hosts serve different environments: by the provider's data when it
/// has some, else by the host's name (`sandbox-api.polar.sh` against `api.polar.sh`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(super) fn environments_differ(a: &crate::exchange::Exchange, b: &crate::exchange::Exchange) -> bool {
    let test = |x: &crate::exchange::Exchange| x.env.map_or_else(|| env_and_brand(&x.host).0, |e| e == Env::Sandbox);
    test(a) != test(b)
}

/// The very credential was accepted by a host of the same API (its provider; for an API authlens
/// has no data for, the same brand) in the other environment (the provider's data says which;
/// else the host's name: `api.polar.sh` against `sandbox-api.polar.sh`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn accepted_by_other_environment(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let c = ex.credentials.first()?;
    // A host's environment: from the provider's data when it has some, else from its name.
    let test = |x: &crate::exchange::Exchange| x.env.map_or_else(|| env_and_brand(&x.host).0, |e| e == Env::Sandbox);
    let same_api = |x: &crate::exchange::Exchange| match (x.provider, ex.provider) {
        (Some(a), Some(b)) => std::ptr::eq(a, b),
        _ => env_and_brand(&x.host).1 == env_and_brand(&ex.host).1,
    };
    let here_test = test(ex);
    let ok = crate::signals::session::recent(ctx.before).iter().rev().find(|r| {
        (200..300).contains(&r.status)
            && r.host != ex.host
            && test(r) != here_test
            && same_api(r)
            && ex.credentials_also_in(r)
    })?;
    let name = |t: bool| if t { "a sandbox or test host" } else { "a production host" };
    Some(Hit {
        confidence: 0.85,
        evidence: vec![
            format!("the same {} at {} was accepted at entry #{} by {}, {}", c.describe(), c.location.describe(), ok.index, crate::redact::clip(&ok.host, 128), name(!here_test)),
            format!("this request went to {}, {}: each environment issues its own credentials", crate::redact::clip(&ex.host, 128), name(here_test)),
        ],
        fix: vec![
            format!("use {}'s own credential with {}, or send this request to {}", if here_test { "the sandbox" } else { "production" }, crate::redact::clip(&ex.host, 128), crate::redact::clip(&ok.host, 128)),
            "take the base URL and the credential from the same environment setting".into(),
        ],
    })
}

/// A token obtained from the other environment: handed out earlier in the session by that
/// environment's token endpoint, or a JWT whose issuer is that environment's host.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn token_from_other_environment(ctx: &Ctx, host_env: Env) -> Option<Hit> {
    let ex = ctx.ex;
    let p = ex.provider?;
    let same = |q: &crate::providers::Provider| std::ptr::eq(p, q);
    for c in ex.credentials.iter().filter(|c| c.key.is_none_or(|k| k.rule.kind == crate::providers::KeyKind::Token)) {
        let x = c.raw().trim();
        let issuer = crate::signals::session::recent(ctx.before)
            .iter()
            .rev()
            .find(|r| r.issued.iter().any(|t| t.value == x))
            .filter(|r| r.provider.is_some_and(same) && r.env.is_some_and(|e| e != host_env))
            .map(|r| format!("entry #{} handed out this token from {}, a {} host", r.index, crate::redact::clip(&r.host, 128), r.env.map_or("", |e| e.as_str())));
        let by_iss = || {
            let iss = Url::parse(c.jwt.as_ref()?.iss.as_deref()?).ok()?;
            let (q, env) = crate::providers::for_host(iss.host_str()?)?;
            (same(q) && env.is_some_and(|e| e != host_env)).then(|| format!("the token's issuer {} is a {} host", crate::redact::clip(iss.as_str(), 128), env.map_or("", |e| e.as_str())))
        };
        let Some(why) = issuer.or_else(by_iss) else { continue };
        return Some(Hit {
            confidence: 0.9,
            evidence: vec![why, format!("this request went to {}, a {} host", crate::redact::clip(&ex.host, 128), host_env.as_str())],
            fix: vec![
                format!("obtain the token from {}'s {} token endpoint, with that environment's credentials", p.name, host_env.as_str()),
                "take the token URL, the API base URL and the credentials from the same environment setting".into(),
            ],
        });
    }
    None
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_server_says_another_environment() {
        use crate::causes::test_util::{ids, with_status};
        // Twilio 20008 (twilio-php#662) and Pinecone (AutoGPT#541).
        let ex = with_status("https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Messages.json", &[("Authorization", "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjpzZWNyZXRzZWNyZXRzZWNyZXQ=")], 403, r#"{"code":20008,"message":"Resource not accessible with Test Account Credentials","status":403}"#);
        assert_eq!(ids(&ex)[0], "environment_mismatch");
        // Test credentials work on some endpoints: an earlier success with them does not clear it.
        let ok = with_status("https://api.twilio.com/2010-04-01/Accounts/AC0123456789abcdef0123456789abcdef/Calls.json", &[("Authorization", "Basic QUMwMTIzNDU2Nzg5YWJjZGVmMDEyMzQ1Njc4OWFiY2RlZjpzZWNyZXRzZWNyZXRzZWNyZXQ=")], 201, "{}");
        assert_eq!(crate::causes::diagnose(&ex, std::slice::from_ref(&ok))[0].0.info.id, "environment_mismatch");
        let ex = with_status("https://controller.us-west1-gcp.pinecone.io/databases", &[("Api-Key", "0f9e8d7c-6b5a-4f3e-9d2c-1b0a9f8e7d6c")], 401, r#"API key is missing or invalid for the environment "us-central1-gcp". Check that the correct environment is specified."#);
        assert_eq!(ids(&ex)[0], "environment_mismatch");
        // The words without a credential sent are not this cause.
        let ex = with_status("https://api.example.test/v1/x", &[], 401, "wrong environment");
        assert!(!ids(&ex).contains(&"environment_mismatch"));
    }

    use crate::causes::test_util::{failing, ids};

    #[test]
    fn midtrans_sandbox_key_on_production() {
        let ex = failing("https://app.midtrans.com/snap/v1/transactions", &[("Authorization", "Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6")]);
        assert_eq!(ids(&ex)[0], "environment_mismatch");
    }

    #[test]
    fn checkout_sandbox_key_on_production_and_reverse() {
        assert_eq!(ids(&failing("https://api.checkout.com/payments", &[("Authorization", "Bearer sk_sbox_abcdefghijklmnopqrstuvwxyz2")]))[0], "environment_mismatch");
        assert_eq!(ids(&failing("https://api.sandbox.checkout.com/payments", &[("Authorization", "Bearer sk_abcdefghijklmnopqrstuvwxyz2")]))[0], "environment_mismatch");
    }

    #[test]
    fn sandbox_token_on_live_api() {
        use crate::exchange::Exchange;
        use crate::har::{Content, Entry, NameValue, Request, Response};
        let mk = |i: usize, url: &str, auth: Option<&str>, status: i64, body: &str| {
            let headers = auth.map(|a| vec![NameValue { name: "Authorization".into(), value: format!("Bearer {a}") }]).unwrap_or_default();
            Exchange::new(i, &Entry {
                started_date_time: "2026-10-14T09:30:00Z".into(),
                request: Request { method: "POST".into(), url: url.into(), headers, ..Default::default() },
                response: Response { status, content: Content { text: Some(body.into()), ..Default::default() }, ..Default::default() },
                ..Default::default()
            })
        };
        let tok = mk(0, "https://api-m.sandbox.paypal.com/v1/oauth2/token", None, 200, r#"{"access_token":"A21AAsandboxtoken1234567890abcd","expires_in":32398}"#);
        let call = mk(1, "https://api-m.paypal.com/v2/checkout/orders", Some("A21AAsandboxtoken1234567890abcd"), 401, "");
        assert_eq!(crate::causes::diagnose(&call, std::slice::from_ref(&tok))[0].0.info.id, "environment_mismatch");
        // the same token on the sandbox API is fine as far as environments go
        let call = mk(1, "https://api-m.sandbox.paypal.com/v2/checkout/orders", Some("A21AAsandboxtoken1234567890abcd"), 401, "");
        assert!(crate::causes::diagnose(&call, &[tok]).iter().all(|(c, _)| c.info.id != "environment_mismatch"));
    }

    #[test]
    fn a_credential_accepted_by_the_other_environment_of_an_unknown_api() {
        use crate::exchange::Exchange;
        use crate::har::Entry;
        let auth = [("Authorization", "Bearer polar_oat_Zk3q9LmN2pR7sT1vW4xY6zA8bC0dE5fG")];
        let mk = |i: usize, url: &str, status: i64| Exchange::new(i, &Entry::new("GET", url).started("2026-10-14T09:30:00Z").headers(&auth).status(status));
        let ok = mk(0, "https://api.polar.sh/v1/products/", 200);
        let refused = mk(1, "https://sandbox-api.polar.sh/v1/checkouts/", 401);
        let hits = crate::causes::diagnose(&refused, std::slice::from_ref(&ok));
        assert_eq!(hits[0].0.info.id, "environment_mismatch");
        // Another brand, or a host of the same environment, says nothing of environments.
        for other in ["https://api.example.test/v1/products/", "https://sandbox-files.polar.sh/v1/products/"] {
            let ok = mk(0, other, 200);
            assert!(crate::causes::diagnose(&refused, std::slice::from_ref(&ok)).iter().all(|(c, _)| c.info.id != "environment_mismatch"), "{other}");
        }
    }

    #[test]
    fn matching_environment_is_quiet() {
        assert!(!ids(&failing("https://app.sandbox.midtrans.com/snap/v1/transactions", &[("Authorization", "Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6")])).contains(&"environment_mismatch"));
    }
}
