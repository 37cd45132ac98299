//! Credentials written into `curl` commands (`-u user:password`, `-H "Authorization: …"`,
//! `?access_token=…`), whatever service they are for. Not a provider: it has no hosts; the
//! scanner is `crate::secrets::curl`.

use super::{Find, KeyKind, KeyRule, Provider};

/// Credentials in curl commands.
pub static PROVIDER: Provider = Provider {
    id: "curlcommand",
    name: "curl command",
    hosts: &[],
    keys: &[KeyRule {
        id: "curl_credential",
        title: "credential in a curl command",
        kind: KeyKind::Secret,
        env_var: "API_CREDENTIAL",
        find: Find::Scanner,
        ..KeyRule::DEFAULT
    }],
    auth: "(not an API) a command that carries a password or token replays it for anyone who reads it: read it from an environment variable (`-u \"$USER:$PASS\"`, `-H \"Authorization: Bearer $TOKEN\"`) or a netrc file",
    bodies: &[],
    docs: "https://everything.curl.dev/usingcurl/netrc",
    ..Provider::DEFAULT
};
