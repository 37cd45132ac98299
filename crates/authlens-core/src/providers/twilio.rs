//! Twilio: Basic `ACCOUNT_SID:AUTH_TOKEN` or `API_KEY_SID:API_KEY_SECRET` to `api.twilio.com`.
//! SIDs (`AC…`, `SK…`) identify; the auth token and API key secret (32 characters) are secret and
//! have no prefix: they are known by where they are sent, or by sitting next to an Account SID.

use super::{BodyRule, Facts, Find, HostRule, KeyKind, KeyRule, Provider};

/// Twilio.
pub static PROVIDER: Provider = Provider {
    id: "twilio",
    name: "Twilio",
    hosts: &[HostRule { domain: "twilio.com", env: None }],
    keys: &[KeyRule {
        id: "twilio_auth_token",
        title: "Twilio auth token or API key secret",
        kind: KeyKind::Secret,
        env_var: "TWILIO_AUTH_TOKEN",
        find: Find::BasicPassword,
        ..KeyRule::DEFAULT
    }],
    auth: "Authorization: Basic base64(ACCOUNT_SID:AUTH_TOKEN), or base64(API_KEY_SID:API_KEY_SECRET) with the Account SID in the URL",
    bodies: &[BodyRule {
        contains: "twilio.com/docs/errors/20003",
        meaning: "Twilio's 401 (20003): the SID and secret do not belong together — an API key SID (SK…) needs its own secret, an Account SID (AC…) the auth token",
    }],
    docs: "https://www.twilio.com/docs/iam/api-keys",
    empty_401_body: false,
    facts: &Facts {
        schemes: &["basic"],
        ..Facts::NONE
    },
};
