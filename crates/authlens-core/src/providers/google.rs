//! Google APIs (OAuth 2 behind the ESF front end). API keys (`AIza…`) identify a project and are
//! used from browsers (Maps, Firebase) — restrict them, they are not secrets. OAuth client
//! secrets (`GOCSPX-`) and service-account private keys are.

use super::{ApiDomain, ForeignHost, BodyRule, Facts, Charset, Find, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// Google.
pub static PROVIDER: Provider = Provider {
    id: "google",
    name: "Google APIs",
    hosts: &[
        HostRule { domain: "googleapis.com", env: None },
        HostRule { domain: "accounts.google.com", env: None },
    ],
    keys: &[
        KeyRule {
            id: "google_api_key",
            title: "Google API key (identifies a project; restrict it by referrer)",
            prefix: "AIza",
            charset: Charset::AlnumDashUnderscore,
            len: (35, 35),
            kind: KeyKind::Publishable,
            env_var: "GOOGLE_API_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "google_oauth_client_secret",
            title: "Google OAuth client secret",
            prefix: "GOCSPX-",
            charset: Charset::AlnumDashUnderscore,
            len: (28, 28),
            kind: KeyKind::Secret,
            env_var: "GOOGLE_CLIENT_SECRET",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "google_oauth_access_token",
            title: "Google OAuth access token",
            prefix: "ya29.",
            charset: Charset::Base64UrlDot,
            len: (20, 2048),
            kind: KeyKind::Token,
            env_var: "GOOGLE_ACCESS_TOKEN",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "google_service_account_key",
            title: "Google service-account private key",
            kind: KeyKind::Secret,
            env_var: "GOOGLE_APPLICATION_CREDENTIALS",
            find: Find::Scanner,
            #[cfg(feature = "docs")]
            recognition: "a PEM private key inside a service-account file (`\"type\": \"service_account\"`)",
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Bearer <OAuth access token> (or ?key=<API key> for APIs that accept keys); service-account keys sign tokens on a server",
    bodies: &[
        BodyRule {
            contains: "Request is missing required authentication credential",
            meaning: "Google saw no credential (no Authorization header, cookie or key)",
        },
        BodyRule {
            contains: "Request had invalid authentication credentials",
            meaning: "Google rejected the access token: expired, revoked or malformed",
        },
        BodyRule {
            contains: "Request had insufficient authentication scopes",
            meaning: "Google's 403: the token lacks a scope this API needs (the WWW-Authenticate scope= lists them)",
        },
        BodyRule {
            contains: "API key not valid. Please pass a valid API key.",
            meaning: "Google rejected the API key (a 400, not a 401): mistyped, deleted, or an env var never loaded",
        },
    ],
    docs: "https://cloud.google.com/docs/authentication",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Paths(&[]),
        project_api_keys: true,
        schemes: &["bearer"],
        scope_fix: "request {need} when obtaining the OAuth token, then get a new token (scopes are fixed at issue)",
        query_keys: &["key"],
        api_domains: &[ApiDomain { domain: "generativelanguage.googleapis.com", name: "Google Gemini" }],
        id_token_hosts: &[ForeignHost { suffix: ".run.app", name: "Cloud Run/Functions" }, ForeignHost { suffix: ".cloudfunctions.net", name: "Cloud Run/Functions" }],
        id_token_fix: "call Cloud Run/Functions with a Google-signed ID token whose audience is the service URL (`gcloud auth print-identity-token --audiences=URL`, or the metadata server's identity endpoint)",
        ..Facts::NONE
    },
};
