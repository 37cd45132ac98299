//! Square: `connect.squareup.com` and `connect.squareupsandbox.com`. Access tokens (`EAAA…`,
//! legacy `sq0atp-`) and application secrets (`sq0csp-`) are secret; application ids
//! (`sq0idp-`, `sandbox-sq0idb-`) are what the Web Payments SDK needs in the page.

use super::{BodyRule, Facts, Charset, Env, Find, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// Square.
pub static PROVIDER: Provider = Provider {
    id: "square",
    name: "Square",
    hosts: &[
        HostRule { domain: "squareup.com", env: Some(Env::Production) },
        HostRule { domain: "squareupsandbox.com", env: Some(Env::Sandbox) },
    ],
    keys: &[
        KeyRule {
            id: "square_access_token",
            title: "Square access token",
            prefix: "EAAA",
            charset: Charset::AlnumDashUnderscore,
            len: (60, 60),
            kind: KeyKind::Secret,
            env_var: "SQUARE_ACCESS_TOKEN",
            // `EAAA` is common inside base64 blobs (wasm, fonts): in free text, want context.
            find: Find::Near(&["square", "accesstoken", "access_token", "bearer", "token"]),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "square_access_token_legacy",
            title: "Square production access token (legacy format)",
            prefix: "sq0atp-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 64),
            kind: KeyKind::Secret,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "SQUARE_ACCESS_TOKEN",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "square_access_token_legacy_sandbox",
            title: "Square sandbox access token (legacy format)",
            prefix: "sandbox-sq0atb-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 64),
            kind: KeyKind::Secret,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "SQUARE_ACCESS_TOKEN",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "square_application_secret",
            title: "Square production application secret",
            prefix: "sq0csp-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 64),
            kind: KeyKind::Secret,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "SQUARE_APPLICATION_SECRET",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "square_application_secret_sandbox",
            title: "Square sandbox application secret",
            prefix: "sandbox-sq0csb-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 64),
            kind: KeyKind::Secret,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "SQUARE_APPLICATION_SECRET",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "square_application_id",
            title: "Square production application id",
            prefix: "sq0idp-",
            charset: Charset::AlnumDashUnderscore,
            len: (16, 64),
            kind: KeyKind::Publishable,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "SQUARE_APPLICATION_ID",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "square_application_id_sandbox",
            title: "Square sandbox application id",
            prefix: "sandbox-sq0idb-",
            charset: Charset::AlnumDashUnderscore,
            len: (16, 64),
            kind: KeyKind::Publishable,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "SQUARE_APPLICATION_ID",
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Bearer <access token> (plus Square-Version: YYYY-MM-DD), from a server",
    bodies: &[
        BodyRule {
            contains: "http header of your request was malformed",
            meaning: "Square's 401: the Authorization header is not `Bearer <access token>`",
        },
        BodyRule {
            contains: "http header of your request was incorrect or expired",
            meaning: "Square's 401: the access token is wrong, expired, from the other environment, or an application id was sent instead",
        },
        BodyRule {
            contains: "This request could not be authorized.",
            meaning: "Square's 401: the token is not valid here (often a sandbox token on production, or the reverse)",
        },
        BodyRule {
            contains: "You have insufficient permissions to perform that action.",
            meaning: "Square's 403: the token lacks the OAuth permission this endpoint needs",
        },
    ],
    docs: "https://developer.squareup.com/docs/build-basics/access-tokens",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Paths(&[]),
        schemes: &["bearer"],
        scope_fix: "request the OAuth permission {need} (e.g. ORDERS_WRITE) and authorize again",
        ..Facts::NONE
    },
};
