//! Generic secrets: a high-entropy value in a field whose name says it is secret (`secret`,
//! `client_secret`, `server_key`, `private_key`, …) and that no provider rule recognises. Not a
//! provider: it has no hosts; a finding is attributed to the destination's provider when there is
//! one.

use super::{Find, KeyKind, KeyRule, Provider};

/// Secret-named fields.
pub static PROVIDER: Provider = Provider {
    id: "generic",
    name: "Secret-named field",
    hosts: &[],
    keys: &[KeyRule {
        id: "generic_secret",
        title: "secret value in a field named like a secret",
        kind: KeyKind::Secret,
        env_var: "SECRET",
        find: Find::Scanner,
        #[cfg(feature = "docs")]
        recognition: "a high-entropy value in a field named like `secret`, `client_secret`, `server_key`, `private_key`",
        ..KeyRule::DEFAULT
    }],
    auth: "(not an API) secrets belong in server-side configuration, never in a page or its build",
    bodies: &[],
    docs: "https://cheatsheetseries.owasp.org/cheatsheets/Secrets_Management_Cheat_Sheet.html",
    empty_401_body: false,
    ..Provider::DEFAULT
};
