//! Xendit: one host for both modes; the key prefix decides the mode. The secret key is the Basic
//! username with an empty password; the public key only tokenizes cards and may sit in a page.

use super::{BodyRule, Facts, Charset, Env, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// Xendit.
pub static PROVIDER: Provider = Provider {
    id: "xendit",
    name: "Xendit",
    hosts: &[HostRule { domain: "xendit.co", env: None }],
    keys: &[
        KeyRule {
            id: "xendit_secret_key_development",
            title: "Xendit development secret key",
            prefix: "xnd_development_",
            charset: Charset::Base64,
            len: (20, 128),
            kind: KeyKind::Secret,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "XENDIT_SECRET_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "xendit_secret_key_production",
            title: "Xendit production secret key",
            prefix: "xnd_production_",
            charset: Charset::Base64,
            len: (20, 128),
            kind: KeyKind::Secret,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "XENDIT_SECRET_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "xendit_public_key_development",
            title: "Xendit development public key",
            prefix: "xnd_public_development_",
            charset: Charset::Base64,
            len: (20, 128),
            kind: KeyKind::Publishable,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "XENDIT_PUBLIC_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "xendit_public_key_production",
            title: "Xendit production public key",
            prefix: "xnd_public_production_",
            charset: Charset::Base64,
            len: (20, 128),
            kind: KeyKind::Publishable,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "XENDIT_PUBLIC_KEY",
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Basic base64(SECRET_KEY + \":\") — the secret key is the username, the password is empty, and the colon is required",
    bodies: &[
        BodyRule {
            contains: "No API Key detected",
            meaning: "Xendit saw no key: send the secret key as the Basic username with an empty password",
        },
        BodyRule {
            contains: "The API key provided is invalid",
            meaning: "Xendit rejected the key: unknown, mistyped, or a public key used where a secret key is needed",
        },
        BodyRule {
            contains: "API key is not authorized for this API service",
            meaning: "Xendit's 403: the secret key lacks the permission (None/Read/Write) for this product",
        },
        BodyRule {
            contains: "The API key is forbidden to perform this request",
            meaning: "Xendit's 403: the secret key lacks the permission for this request",
        },
    ],
    docs: "https://docs.xendit.co/api-integration/api-keys/",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Paths(&["/credit_card_tokens", "/v2/credit_card_tokens", "/v2/tokens", "/cybersource", "/payment_methods/token"]),
        schemes: &["basic"],
        scope_fix: "set the API key's permission for this product (e.g. Money-out: Read) in the Xendit Dashboard; {need}",
        ..Facts::NONE
    },
};
