//! Firebase: the web config's `apiKey` (`AIza…`) only identifies the project; security comes from
//! Security Rules, App Check and users' ID tokens. The Admin SDK's service-account file is the real
//! secret (see the `google` provider).

use super::{BodyRule, Facts, Charset, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// Firebase.
pub static PROVIDER: Provider = Provider {
    id: "firebase",
    name: "Firebase",
    hosts: &[
        HostRule { domain: "firebaseio.com", env: None },
        HostRule { domain: "firebasedatabase.app", env: None },
        HostRule { domain: "identitytoolkit.googleapis.com", env: None },
        HostRule { domain: "securetoken.googleapis.com", env: None },
        HostRule { domain: "firestore.googleapis.com", env: None },
        HostRule { domain: "firebasestorage.googleapis.com", env: None },
        HostRule { domain: "firebaseinstallations.googleapis.com", env: None },
        HostRule { domain: "firebase.googleapis.com", env: None },
        HostRule { domain: "firebaseremoteconfig.googleapis.com", env: None },
        HostRule { domain: "firebaseappcheck.googleapis.com", env: None },
    ],
    keys: &[KeyRule {
        id: "firebase_web_api_key",
        title: "Firebase web API key (identifies the project; safe in a frontend)",
        prefix: "AIza",
        charset: Charset::AlnumDashUnderscore,
        len: (35, 35),
        kind: KeyKind::Publishable,
        env_var: "FIREBASE_API_KEY",
        ..KeyRule::DEFAULT
    }],
    auth: "?key=<web API key> identifies the project; users authenticate with Authorization: Bearer <Firebase ID token>",
    bodies: &[
        BodyRule {
            contains: "API key not valid. Please pass a valid API key.",
            meaning: "Firebase rejected the web API key (a 400): mistyped, deleted, or the config env vars were not loaded",
        },
        BodyRule {
            contains: "Missing or insufficient permissions.",
            meaning: "Firestore's 403: Security Rules refused the request (often no signed-in user's ID token was sent)",
        },
        BodyRule { contains: "INVALID_ID_TOKEN", meaning: "Firebase Auth rejected the user's ID token (expired or from another project)" },
    ],
    docs: "https://firebase.google.com/docs/projects/api-keys",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Paths(&[]),
        project_api_keys: true,
        schemes: &["bearer"],
        scope_fix: "send the signed-in user's Firebase ID token as `Authorization: Bearer <token>`, and check the security rules",
        anonymous_project_key: true,
        query_keys: &["key"],
        ..Facts::NONE
    },
};
