//! PEM private keys (RSA, EC, PKCS#8, OpenSSH, PGP): not an API, but a private key of any kind —
//! TLS, SSH, JWT signing — must never be served to a page. Found by a dedicated scanner that wants
//! a real key body between the BEGIN and END lines, not a placeholder.

use super::{Find, KeyKind, KeyRule, Provider};

/// PEM private keys.
pub static PROVIDER: Provider = Provider {
    id: "pem",
    name: "PEM private key",
    hosts: &[],
    keys: &[KeyRule {
        id: "pem_private_key",
        title: "PEM private key",
        kind: KeyKind::Secret,
        env_var: "PRIVATE_KEY",
        find: Find::Scanner,
        #[cfg(feature = "docs")]
        recognition: "a `-----BEGIN … PRIVATE KEY-----` block with a real key body",
        ..KeyRule::DEFAULT
    }],
    auth: "(not an API) keep private keys in a secret store on the server",
    bodies: &[],
    docs: "https://www.rfc-editor.org/rfc/rfc7468",
    empty_401_body: false,
    ..Provider::DEFAULT
};
