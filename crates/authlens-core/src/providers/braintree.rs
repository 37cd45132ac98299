//! Braintree: server SDKs send Basic `PUBLIC_KEY:PRIVATE_KEY` to `api.(sandbox.)braintreegateway.com`.
//! The page gets only a tokenization key (`sandbox_…`/`production_…`) or a short-lived client
//! token. The private key (32 hex characters) has no prefix: it is known by where it is sent.

use super::{Facts, Charset, Env, Find, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// Tokenization keys: `<env>_<8 chars>_<16 chars>`.
fn tokenization_shape(value: &str) -> bool {
    let rest = value.strip_prefix("sandbox_").or_else(|| value.strip_prefix("production_")).unwrap_or("");
    let mut parts = rest.split('_');
    let (a, b) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    a.len() == 8 && b.len() == 16 && parts.next().is_none() && Charset::LowerAlnum.accepts(a) && Charset::LowerAlnum.accepts(b)
}

/// Legacy access tokens: `access_token$<env>$<16 chars>$<32 hex>`.
fn access_token_shape(value: &str) -> bool {
    let mut parts = value.rsplit('$');
    let (hex, id) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    hex.len() == 32 && Charset::HexLower.accepts(hex) && id.len() == 16 && Charset::LowerAlnum.accepts(id)
}

/// Braintree.
pub static PROVIDER: Provider = Provider {
    id: "braintree",
    name: "Braintree",
    hosts: &[
        HostRule { domain: "braintreegateway.com", env: Some(Env::Production) },
        HostRule { domain: "sandbox.braintreegateway.com", env: Some(Env::Sandbox) },
        HostRule { domain: "braintree-api.com", env: Some(Env::Production) },
        HostRule { domain: "sandbox.braintree-api.com", env: Some(Env::Sandbox) },
    ],
    keys: &[
        KeyRule {
            id: "braintree_private_key",
            title: "Braintree private key",
            kind: KeyKind::Secret,
            env_var: "BRAINTREE_PRIVATE_KEY",
            find: Find::BasicPassword,
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "braintree_access_token_production",
            title: "Braintree production access token",
            prefix: "access_token$production$",
            charset: Charset::Graphic,
            len: (49, 49),
            kind: KeyKind::Secret,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "BRAINTREE_ACCESS_TOKEN",
            validate: Some(access_token_shape),
            find: Find::Prefix,
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "braintree_access_token_sandbox",
            title: "Braintree sandbox access token",
            prefix: "access_token$sandbox$",
            charset: Charset::Graphic,
            len: (49, 49),
            kind: KeyKind::Secret,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "BRAINTREE_ACCESS_TOKEN",
            validate: Some(access_token_shape),
            find: Find::Prefix,
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "braintree_tokenization_key_sandbox",
            title: "Braintree sandbox tokenization key",
            prefix: "sandbox_",
            charset: Charset::AlnumDashUnderscore,
            len: (25, 25),
            kind: KeyKind::Publishable,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "BRAINTREE_TOKENIZATION_KEY",
            validate: Some(tokenization_shape),
            find: Find::Near(&["braintree", "tokenization", "authorization"]),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "braintree_tokenization_key_production",
            title: "Braintree production tokenization key",
            prefix: "production_",
            charset: Charset::AlnumDashUnderscore,
            len: (25, 25),
            kind: KeyKind::Publishable,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "BRAINTREE_TOKENIZATION_KEY",
            validate: Some(tokenization_shape),
            find: Find::Near(&["braintree", "tokenization", "authorization"]),
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Basic base64(PUBLIC_KEY:PRIVATE_KEY) from the server SDK; the page gets only a tokenization key or a client token",
    // Braintree's 401/403 carry no documented body; the SDKs raise AuthenticationException /
    // AuthorizationException from the status alone.
    bodies: &[],
    docs: "https://developer.paypal.com/braintree/articles/control-panel/important-gateway-credentials/",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Paths(&["/client_api"]),
        ..Facts::NONE
    },
};
