//! Midtrans (Snap and Core API). Server key as the Basic username with an empty password.

use super::{BodyRule, Facts, Charset, Env, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// Midtrans.
pub static PROVIDER: Provider = Provider {
    id: "midtrans",
    name: "Midtrans",
    hosts: &[
        HostRule { domain: "midtrans.com", env: Some(Env::Production) },
        HostRule { domain: "sandbox.midtrans.com", env: Some(Env::Sandbox) },
        HostRule { domain: "veritrans.co.id", env: Some(Env::Production) },
        HostRule { domain: "sandbox.veritrans.co.id", env: Some(Env::Sandbox) },
    ],
    keys: &[
        KeyRule {
            id: "midtrans_server_key_sandbox",
            title: "Midtrans sandbox server key",
            prefix: "SB-Mid-server-",
            charset: Charset::AlnumDashUnderscore,
            len: (8, 64),
            kind: KeyKind::Secret,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "MIDTRANS_SERVER_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "midtrans_server_key",
            title: "Midtrans server key",
            prefix: "Mid-server-",
            charset: Charset::AlnumDashUnderscore,
            len: (8, 64),
            kind: KeyKind::Secret,
            // Production keys carry this prefix, but Midtrans has issued sandbox keys without
            // `SB-` too: the prefix is a hint, not proof.
            env: Some(Env::Production),
            env_certain: false,
            env_var: "MIDTRANS_SERVER_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "midtrans_server_key_legacy_case",
            title: "Midtrans server key",
            prefix: "Mid-Server-",
            charset: Charset::AlnumDashUnderscore,
            len: (8, 64),
            kind: KeyKind::Secret,
            env: None,
            env_certain: false,
            env_var: "MIDTRANS_SERVER_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "midtrans_server_key_veritrans",
            title: "Midtrans server key (Veritrans-era format)",
            prefix: "VT-server-",
            charset: Charset::AlnumDashUnderscore,
            len: (8, 64),
            kind: KeyKind::Secret,
            env: None,
            env_certain: false,
            env_var: "MIDTRANS_SERVER_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "midtrans_client_key_sandbox",
            title: "Midtrans sandbox client key",
            prefix: "SB-Mid-client-",
            charset: Charset::AlnumDashUnderscore,
            len: (8, 64),
            kind: KeyKind::Publishable,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "MIDTRANS_CLIENT_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "midtrans_client_key",
            title: "Midtrans client key",
            prefix: "Mid-client-",
            charset: Charset::AlnumDashUnderscore,
            len: (8, 64),
            kind: KeyKind::Publishable,
            env: Some(Env::Production),
            env_certain: false,
            env_var: "MIDTRANS_CLIENT_KEY",
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Basic base64(SERVER_KEY + \":\") — the server key is the username, the password is empty, and the colon is required",
    bodies: &[
        BodyRule {
            contains: "Access denied due to unauthorized transaction",
            meaning: "Midtrans Snap's 401: the server key is wrong, not base64-encoded, or from the other environment",
        },
        BodyRule {
            contains: "cannot be authorized with the current client/server key",
            meaning: "Midtrans Core API's 401: the key was rejected (a client key used as server key, or a wrong or other-environment key)",
        },
        BodyRule {
            contains: "Unknown Merchant server_key/id",
            meaning: "Midtrans Core API does not know this server key in this environment",
        },
        BodyRule {
            contains: "Operation is not allowed due to unauthorized payload",
            meaning: "Midtrans Core API's 401 for an empty or unusable server key",
        },
    ],
    docs: "https://docs.midtrans.com/reference/authorization",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Paths(&["/v2/token", "/v2/card/register", "/v2/point_inquiry", "/v1/bins", "/snap/snap.js", "/snap/v1/payment"]),
        schemes: &["basic"],
        status_in_body: "status_code",
        ..Facts::NONE
    },
};
