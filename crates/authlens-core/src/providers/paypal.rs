//! PayPal REST: OAuth 2 client credentials. The client id is public (the JS SDK loads it in the
//! page as `client-id`); the client secret is the Basic password at `/v1/oauth2/token` and must
//! stay on a server. Neither has a recognisable shape, so both are known by where they are sent.

use super::{BodyRule, Facts, Charset, Env, Find, HostRule, KeyKind, KeyRule, PathSchemes, Provider, PublishableUse};

/// PayPal.
pub static PROVIDER: Provider = Provider {
    id: "paypal",
    name: "PayPal",
    hosts: &[
        HostRule { domain: "paypal.com", env: Some(Env::Production) },
        HostRule { domain: "sandbox.paypal.com", env: Some(Env::Sandbox) },
    ],
    keys: &[
        KeyRule {
            id: "paypal_client_secret",
            title: "PayPal client secret",
            kind: KeyKind::Secret,
            env_var: "PAYPAL_CLIENT_SECRET",
            find: Find::BasicPassword,
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "paypal_client_id",
            title: "PayPal client id",
            kind: KeyKind::Publishable,
            env_var: "PAYPAL_CLIENT_ID",
            find: Find::BasicUser,
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "paypal_access_token",
            title: "PayPal access token",
            prefix: "A21AA",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 2048),
            kind: KeyKind::Token,
            env_var: "PAYPAL_ACCESS_TOKEN",
            find: Find::Near(&["bearer", "access_token", "accesstoken", "paypal"]),
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Basic base64(CLIENT_ID:CLIENT_SECRET) on POST /v1/oauth2/token, from a server; API calls then send Authorization: Bearer <access token>",
    bodies: &[
        BodyRule {
            contains: "Authentication failed due to missing authorization header",
            meaning: "PayPal REST's 401: the Authorization header is missing, or its token is invalid or expired",
        },
        BodyRule {
            contains: "Client Authentication failed",
            meaning: "PayPal's token endpoint rejected the client id and secret (wrong, empty, or from the other environment)",
        },
        BodyRule {
            contains: "The client credentials are invalid",
            meaning: "PayPal's token endpoint rejected the client id and secret (older wording)",
        },
        BodyRule {
            contains: "Access Token not found in cache",
            meaning: "PayPal does not know this access token: it expired, or it was issued by the other environment",
        },
        BodyRule {
            contains: "The token passed in was not found in the system",
            meaning: "PayPal does not know this token in this environment (sandbox token on live, or the reverse)",
        },
        BodyRule {
            contains: "Authorization failed due to insufficient permissions",
            meaning: "PayPal's 403: the token is valid but this app, account or environment may not act on the resource",
        },
    ],
    docs: "https://developer.paypal.com/api/rest/authentication/",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Unknown,
        schemes: &["bearer"],
        path_schemes: &[PathSchemes { path: "/v1/oauth2/token", schemes: &["basic"] }],
        scope_fix: "use a token of the same app and environment that created the resource, and check the app has the feature enabled",
        ..Facts::NONE
    },
};
