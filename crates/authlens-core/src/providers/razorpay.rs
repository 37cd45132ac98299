//! Razorpay: Basic `KEY_ID:KEY_SECRET`. The key id (`rzp_test_`/`rzp_live_`) is passed to
//! Checkout.js in the page by design; the key secret has no shape of its own and is known as the
//! password of a Basic credential sent to Razorpay.

use super::{BodyRule, Facts, Charset, Env, Find, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// Razorpay.
pub static PROVIDER: Provider = Provider {
    id: "razorpay",
    name: "Razorpay",
    hosts: &[HostRule { domain: "razorpay.com", env: None }],
    keys: &[
        KeyRule {
            id: "razorpay_key_id_test",
            title: "Razorpay test key id",
            prefix: "rzp_test_",
            charset: Charset::Alnum,
            len: (12, 20),
            kind: KeyKind::Publishable,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "RAZORPAY_KEY_ID",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "razorpay_key_id_live",
            title: "Razorpay live key id",
            prefix: "rzp_live_",
            charset: Charset::Alnum,
            len: (12, 20),
            kind: KeyKind::Publishable,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "RAZORPAY_KEY_ID",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "razorpay_key_secret",
            title: "Razorpay key secret",
            kind: KeyKind::Secret,
            env_var: "RAZORPAY_KEY_SECRET",
            find: Find::BasicPassword,
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Basic base64(KEY_ID:KEY_SECRET) — Razorpay wants the scheme written `Basic` exactly (not `basic` or `BASIC`)",
    bodies: &[
        BodyRule { contains: "The api key provided is invalid", meaning: "Razorpay does not know this key id (mistyped, stray whitespace, or from the other mode)" },
        BodyRule { contains: "The api secret provided is invalid", meaning: "Razorpay rejected the key secret (wrong, or the secret of the other mode)" },
        BodyRule {
            contains: "\"description\":\"Authentication failed\"",
            meaning: "Razorpay could not authenticate the request (no `:KEY_SECRET` after the key id, or a malformed header)",
        },
    ],
    docs: "https://razorpay.com/docs/api/authentication",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Unknown,
        schemes: &["basic"],
        scheme_exact: "Basic",
        ..Facts::NONE
    },
};
