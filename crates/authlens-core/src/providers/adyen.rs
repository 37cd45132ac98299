//! Adyen: test hosts are `*-test.adyen.com`; live hosts carry a company prefix on
//! `adyenpayments.com`. API keys (`AQE…`, sent as `X-API-Key`) are secret; client keys
//! (`test_…`/`live_…`) are meant for Drop-in and Components in the page.

use super::{BodyRule, Facts, Charset, Env, Find, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// API keys look like `AQE<base64>=-<base64>=-<more>`: check the first two segments.
fn api_key_shape(value: &str) -> bool {
    let mut parts = value.split('-');
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    first.len() >= 40
        && Charset::Base64.accepts(first)
        && second.len() >= 16
        && Charset::Base64.accepts(second)
        && parts.next().is_some()
}

/// Adyen.
pub static PROVIDER: Provider = Provider {
    id: "adyen",
    name: "Adyen",
    hosts: &[
        HostRule { domain: "adyen.com", env: None },
        HostRule { domain: "checkout-test.adyen.com", env: Some(Env::Sandbox) },
        HostRule { domain: "pal-test.adyen.com", env: Some(Env::Sandbox) },
        HostRule { domain: "checkoutshopper-test.adyen.com", env: Some(Env::Sandbox) },
        HostRule { domain: "management-test.adyen.com", env: Some(Env::Sandbox) },
        HostRule { domain: "balanceplatform-api-test.adyen.com", env: Some(Env::Sandbox) },
        HostRule { domain: "ca-test.adyen.com", env: Some(Env::Sandbox) },
        HostRule { domain: "adyenpayments.com", env: Some(Env::Production) },
        HostRule { domain: "checkoutshopper-live.adyen.com", env: Some(Env::Production) },
        HostRule { domain: "checkoutshopper-live-us.adyen.com", env: Some(Env::Production) },
        HostRule { domain: "checkoutshopper-live-au.adyen.com", env: Some(Env::Production) },
        HostRule { domain: "checkoutshopper-live-apse.adyen.com", env: Some(Env::Production) },
        HostRule { domain: "checkoutshopper-live-in.adyen.com", env: Some(Env::Production) },
        HostRule { domain: "management-live.adyen.com", env: Some(Env::Production) },
        HostRule { domain: "balanceplatform-api-live.adyen.com", env: Some(Env::Production) },
        HostRule { domain: "ca-live.adyen.com", env: Some(Env::Production) },
    ],
    keys: &[
        KeyRule {
            id: "adyen_api_key",
            title: "Adyen API key",
            prefix: "AQE",
            charset: Charset::Graphic,
            len: (60, 250),
            kind: KeyKind::Secret,
            env_var: "ADYEN_API_KEY",
            validate: Some(api_key_shape),
            find: Find::Near(&["adyen", "x-api-key", "apikey", "api_key", "api-key"]),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "adyen_client_key_test",
            title: "Adyen test client key",
            prefix: "test_",
            charset: Charset::UpperAlnum,
            len: (32, 32),
            kind: KeyKind::Publishable,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "ADYEN_CLIENT_KEY",
            find: Find::Near(&["adyen", "clientkey", "client_key"]),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "adyen_client_key_live",
            title: "Adyen live client key",
            prefix: "live_",
            charset: Charset::UpperAlnum,
            len: (32, 32),
            kind: KeyKind::Publishable,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "ADYEN_CLIENT_KEY",
            find: Find::Near(&["adyen", "clientkey", "client_key"]),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "adyen_ws_password",
            title: "Adyen web-service user password",
            kind: KeyKind::Secret,
            env_var: "ADYEN_WS_PASSWORD",
            find: Find::BasicPassword,
            ..KeyRule::DEFAULT
        },
    ],
    auth: "X-API-Key: <API key> (or Basic with the web-service user ws_…@Company.<name> and its password); live endpoints carry your company's prefix",
    bodies: &[
        BodyRule {
            contains: "HTTP Status Response - Unauthorized",
            meaning: "Adyen's 401: the API key or web-service credentials are wrong, revoked, or from the other environment",
        },
        BodyRule {
            contains: "\"errorCode\":\"010\"",
            meaning: "Adyen's 403 (010, not allowed): the credential lacks a role, or is not linked to this merchant account",
        },
    ],
    docs: "https://docs.adyen.com/development-resources/api-authentication",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Paths(&["/checkoutshopper"]),
        schemes: &["basic"],
        scope_fix: "give the API credential the role this API needs in the Customer Area, and link it to the merchant account",
        ..Facts::NONE
    },
};
