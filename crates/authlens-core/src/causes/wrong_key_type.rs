use super::{declare_cause, Ctx, Hit};
use crate::exchange::{Credential, Exchange, Location};
use crate::parse::basic::Basic;
use crate::providers::KeyKind;
use crate::redact::clip;

declare_cause! {
    /// ## What it means
    /// The credential is real, but of the wrong kind for this call: a publishable or client key
    /// (made for the browser) where the API needs the secret server key, an API key where it needs
    /// an OAuth access token, or an object id or client secret (`tok_…`, `pi_…_secret_…`) where it
    /// needs a key. The provider recognises the value and still refuses the call.
    ///
    /// ## Why it happens
    /// Providers issue pairs of keys that look alike: Stripe `pk_…`/`sk_…`, Checkout.com
    /// `pk_…`/`sk_…`, Midtrans `Mid-client-…`/`Mid-server-…`, Xendit `xnd_public_…`/`xnd_…`. The
    /// two get swapped in configuration (the frontend variable is read by the backend), or the
    /// public key is used because the secret one "should not be in the code". Publishable keys
    /// can only call the few endpoints a browser needs (tokenising a card).
    ///
    /// ## How to fix
    /// 1. Use the secret/server key for this call, from your backend: it must never be in a page.
    /// 2. Keep the publishable key for the browser SDK only (Stripe.js, Frames, Snap.js).
    /// 3. For OAuth APIs, obtain an access token and send it as `Authorization: Bearer <token>`.
    ///
    /// ## Example
    /// `POST https://api.midtrans.com/v2/charge` with `Basic base64("Mid-client-…:")` → `401`
    /// "Transaction cannot be authorized with the current client/server key." Fixed: the server
    /// key `Mid-server-…`, sent from the backend.
    ///
    /// ## Known limits
    /// Which endpoints accept a publishable key is known for the payment providers authlens
    /// covers; elsewhere the cause is reported only when the server's answer confirms it.
    pub static CAUSE = {
        id: "wrong_key_type",
        category: Provider,
        since: "0.1.0",
        title: "the wrong kind of credential was sent (a publishable key or an id where a secret key or token is needed)",
        check: check,
    };
}

/// Phrases by which servers say the key is of the wrong kind.
const SAYS_WRONG_KIND: &[&str] = &[
    "publishable api key",
    "cannot be authorized with the current client/server key",
    "secret/public api key",
    "api keys are not supported by this api",
    "only be used with a secret key",
    "public key is not allowed",
];

/// Where a provider key sits for the API: `Authorization`, a Basic user with an empty password,
/// or a key header. A Basic user with a password is an id (Razorpay `rzp_…:secret`), not a key.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn carried_as_key(ex: &Exchange, c: &Credential) -> bool {
    match &c.location {
        Location::Authorization | Location::Header(_) => true,
        // Some APIs take their project API keys in the query (Google's `?key=`).
        Location::Query(_) => ex.provider.is_some_and(|p| p.facts.project_api_keys),
        Location::BasicUser => !matches!(&ex.basic, Some(Basic::Pair { password, .. }) if !password.trim().is_empty()),
        _ => false,
    }
}

/// The same credential was accepted earlier by another API of the same site (another host), or
/// in another header of this host: it is that API's kind of credential, not this one's.
/// Contentful's delivery token refused by its management API, a Shopify Storefront token sent in
/// the Admin API's header, Postmark's account token sent as a server token, a Codestral key sent
/// to api.mistral.ai.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn accepted_by_a_sibling(ctx: &Ctx) -> Option<Hit> {
    use crate::exchange::server_says::Says;
    use crate::signals::session;
    let ex = ctx.ex;
    if ex.status != 401 && ex.status != 403 || [Says::Scope, Says::Expired, Says::Revoked].into_iter().any(|k| ex.says(k)) {
        return None;
    }
    let site = session::site(&ex.host);
    for c in ex.credentials.iter().filter(|c| c.jwt.is_none() && matches!(c.location, Location::Authorization | Location::Header(_)) && c.raw().trim().len() >= 16) {
        for b in ctx.before.iter().rev().take(200) {
            if !(200..300).contains(&b.status) || session::site(&b.host) != site {
                continue;
            }
            let Some(o) = b.credentials.iter().find(|o| o.raw().trim() == c.raw().trim()) else { continue };
            let other_host = b.host != ex.host;
            // The other environment's host is environment_mismatch's.
            if !other_host && o.location == c.location || other_host && super::environment_mismatch::environments_differ(b, ex) {
                continue;
            }
            let was = if other_host { format!("by {}", clip(&b.host, 96)) } else { format!("in {}", o.location.describe()) };
            return Some(Hit {
                confidence: 0.86,
                evidence: vec![
                    format!("the same credential was accepted {was} (entry #{}, {} {}){}", b.index, clip(&b.method, 16), crate::redact::path(&b.path), crate::signals::session::earlier(ex, b)),
                    format!("{} refused it in {}: it is a credential for {}, not for this call", clip(&ex.host, 96), c.location.describe(), if other_host { "that API" } else { "that header's purpose" }),
                ],
                fix: vec![
                    format!("use the credential made for {} (its admin, management or server token) here, from your backend", clip(&ex.host, 96)),
                    "keep each API's credential with its own base URL and header in the client's configuration".into(),
                ],
            });
        }
    }
    None
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    if let Some(hit) = accepted_by_a_sibling(ctx) {
        return Some(hit);
    }
    let ex = ctx.ex;
    let p = ex.provider?;
    let says = ex.resp_body_mentions(SAYS_WRONG_KIND)
        || ex.challenges.iter().any(|c| c.param("error_description").is_some_and(|d| crate::exchange::mentions(d, SAYS_WRONG_KIND)));
    // An object id or client secret used as the key.
    for c in ex.credentials.iter().filter(|c| carried_as_key(ex, c)) {
        let raw = c.raw().trim();
        if let Some(n) = p.facts.not_keys.iter().find(|n| raw.starts_with(n.prefix) && raw.contains(n.contains)) {
            let what = n.what;
            return Some(Hit {
                confidence: 0.92,
                evidence: vec![format!("{} carries {what} ({}), not an API key", c.location.describe(), clip(c.redacted().as_str(), 64))],
                fix: vec![format!("authenticate with your {} secret key (`{}`) from the backend; {what} is a value to pass in the request, not a credential", p.name, p.facts.secret_key_hint)],
            });
        }
    }
    for c in ex.credentials.iter().filter(|c| carried_as_key(ex, c)) {
        let Some(k) = c.key else { continue };
        if k.rule.kind != KeyKind::Publishable || !std::ptr::eq(k.provider, p) {
            continue;
        }
        let known = p.facts.publishable_ok(&ex.path, |name| ex.parsed.as_ref().is_some_and(|u| u.query_pairs().any(|(k, _)| k == name)));
        if known == Some(true) {
            continue;
        }
        // Project API keys (Google, Firebase) are legitimate in `?key=` almost everywhere: only a
        // key in the Authorization header, or the server saying so, makes them the wrong credential.
        let oauth_api = p.facts.project_api_keys;
        if oauth_api && !says && !matches!(c.location, Location::Authorization) {
            continue;
        }
        // A provider whose publishable endpoints we do not know: only on its word, or when the
        // key went as the bearer of Authorization and was refused there (browser SDKs send their
        // publishable keys in a header or parameter of their own, never as the bearer: Paystack,
        // Supabase's sb_publishable_, Clerk's pk_ to its Backend API).
        // (A project's anonymous key that is a JWT, Supabase's legacy anon key, is a bearer by design.)
        let as_bearer = matches!(c.location, Location::Authorization) && !(p.facts.anonymous_project_key && c.jwt.is_some()) && !oauth_api;
        if known.is_none() && !says && !as_bearer {
            continue;
        }
        let mut evidence = vec![format!(
            "{} carries a {} ({}): a {}",
            c.location.describe(),
            k.rule.title,
            c.redacted(),
            KeyKind::Publishable.words()
        )];
        if oauth_api {
            evidence.push(format!("{} {} an OAuth access token in Authorization; an API key only identifies the project", clip(&ex.host, 96), if matches!(c.location, Location::Authorization) { "expects" } else { "wants" }));
        } else {
            evidence.push(format!("{} {} is a server-side endpoint that needs the secret key", clip(&ex.method, 16), crate::redact::path(&ex.path)));
        }
        if says {
            evidence.push("the server's answer says this kind of key cannot make the call".into());
        }
        let mut fix = if oauth_api {
            vec![
                "obtain an OAuth 2.0 access token (or a Firebase ID token for the signed-in user) and send it as `Authorization: Bearer <token>`".into(),
                "keep the API key in `?key=` for the APIs that accept keys".into(),
            ]
        } else {
            vec![
                format!("use the {} secret/server key for this call, from your backend — never from the page", p.name),
                format!("keep the {} for the browser SDK only", k.rule.title),
            ]
        };
        fix.push(format!("{} expects {}", p.name, p.auth));
        return Some(Hit { confidence: if says { 0.97 } else if known.is_none() { 0.88 } else { 0.93 }, evidence, fix });
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids, with_status};

    fn basic(user: &str) -> String {
        use base64::Engine;
        format!("Basic {}", base64::engine::general_purpose::STANDARD.encode(format!("{user}:")))
    }

    #[test]
    fn a_credential_another_api_of_the_site_accepted() {
        let top = |ex: &crate::exchange::Exchange, before: &[crate::exchange::Exchange]| crate::causes::diagnose(ex, before).first().map(|(c, _)| c.info.id);
        let token = "Xq7Lm2Pz9Rt4Vw1Ks8Nb3Hd6Fj0Gc5Ya2Ue";
        let mut ok = with_status("https://cdn.vendor.test/spaces/s1/entries", &[("Authorization", &format!("Bearer {token}"))], 200, "{}");
        ok.index = 0;
        let refused = with_status("https://api.vendor.test/spaces/s1", &[("Authorization", &format!("Bearer {token}"))], 403, r#"{"message":"The access token you sent could not be found or is invalid."}"#);
        assert_eq!(top(&refused, std::slice::from_ref(&ok)), Some("wrong_key_type"));
        // Another header of the same host.
        let ok = with_status("https://shop.vendor.test/api/graphql.json", &[("X-Storefront-Token", token)], 200, "{}");
        let refused = with_status("https://shop.vendor.test/admin/orders.json", &[("X-Admin-Token", token)], 401, r#"{"errors":"Invalid API key or access token"}"#);
        assert_eq!(top(&refused, std::slice::from_ref(&ok)), Some("wrong_key_type"));
        // The same host and header: a permission, not another kind of credential.
        let ok = with_status("https://shop.vendor.test/admin/products.json", &[("X-Admin-Token", token)], 200, "{}");
        assert_ne!(top(&refused, std::slice::from_ref(&ok)), Some("wrong_key_type"));
        // Another site's success says nothing.
        let ok = with_status("https://api.other.test/v1/items", &[("X-Storefront-Token", token)], 200, "{}");
        assert_ne!(top(&refused, std::slice::from_ref(&ok)), Some("wrong_key_type"));
    }

    #[test]
    fn a_public_key_refused_as_the_bearer() {
        // Paystack's public key as the bearer of a server endpoint; its answer says only "Invalid key".
        let ex = with_status("https://api.paystack.co/transaction/initialize", &[("Authorization", "Bearer pk_test_3f9a1c2b7d4e6f8a0b1c2d3e4f5a6b7c8d9e0f1a")], 401, r#"{"status":false,"message":"Invalid key"}"#);
        assert_eq!(ids(&ex)[0], "wrong_key_type");
        // Supabase's legacy anon key is a JWT and a bearer by design.
        let anon = crate::parse::jwt::make(r#"{"alg":"HS256","typ":"JWT"}"#, r#"{"iss":"supabase","ref":"abcdefghijklmnopqrst","role":"anon","iat":1700000000,"exp":2000000000}"#);
        let ex = with_status("https://abcdefghijklmnopqrst.supabase.co/rest/v1/orders", &[("Authorization", &format!("Bearer {anon}")), ("apikey", &anon)], 401, r#"{"message":"permission denied"}"#);
        assert!(!ids(&ex).contains(&"wrong_key_type"), "{:?}", ids(&ex));
    }

    #[test]
    fn midtrans_client_key_as_server_key() {
        let body = r#"{"status_code":"401","status_message":"Transaction cannot be authorized with the current client/server key.","id":"x"}"#;
        let ex = with_status("https://api.midtrans.com/v2/charge", &[("Authorization", &basic("Mid-client-Qw3Er4Ty5Ui6Op7As8"))], 401, body);
        assert_eq!(ids(&ex)[0], "wrong_key_type");
    }

    #[test]
    fn stripe_publishable_and_token() {
        let ex = with_status("https://api.stripe.com/v1/charges", &[("Authorization", "Bearer pk_test_TYooMQauvdEDq54NiTphI7jx")], 403, r#"{"error":{"message":"This API call cannot be made with a publishable API key. Please use a secret API key."}}"#);
        assert_eq!(ids(&ex)[0], "wrong_key_type");
        assert_eq!(ids(&failing("https://api.stripe.com/v1/charges", &[("Authorization", "Bearer tok_1N3T00LkdIwHu7ixt44h1F8k")]))[0], "wrong_key_type");
    }

    #[test]
    fn near_misses() {
        // a publishable key on the endpoint made for it
        assert!(!ids(&failing("https://api.stripe.com/v1/tokens", &[("Authorization", "Bearer pk_test_TYooMQauvdEDq54NiTphI7jx")])).contains(&"wrong_key_type"));
        // a secret key
        assert!(!ids(&failing("https://api.stripe.com/v1/charges", &[("Authorization", "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc")])).contains(&"wrong_key_type"));
        // a publishable key sent to some other host
        assert!(!ids(&failing("https://api.example.test/v1/charges", &[("Authorization", "Bearer pk_test_TYooMQauvdEDq54NiTphI7jx")])).contains(&"wrong_key_type"));
    }
}
