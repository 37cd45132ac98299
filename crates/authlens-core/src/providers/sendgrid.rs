//! SendGrid (Twilio SendGrid v3): `Authorization: Bearer SG.<22>.<43>`. The key is shown once; the
//! API key id shown in the dashboard list is not the key.

use super::{BodyRule, Facts, Charset, HostRule, KeyKind, KeyRule, Provider};

/// `SG.` + 22 characters + `.` + 43 characters.
fn shape(value: &str) -> bool {
    let rest = value.strip_prefix("SG.").unwrap_or("");
    let mut parts = rest.split('.');
    let (a, b) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    a.len() == 22 && b.len() == 43 && parts.next().is_none()
}

/// SendGrid.
pub static PROVIDER: Provider = Provider {
    id: "sendgrid",
    name: "SendGrid",
    hosts: &[HostRule { domain: "sendgrid.com", env: None }, HostRule { domain: "sendgrid.net", env: None }],
    keys: &[KeyRule {
        id: "sendgrid_api_key",
        title: "SendGrid API key",
        prefix: "SG.",
        charset: Charset::Base64UrlDot,
        len: (66, 66),
        kind: KeyKind::Secret,
        env_var: "SENDGRID_API_KEY",
        validate: Some(shape),
        ..KeyRule::DEFAULT
    }],
    auth: "Authorization: Bearer SG.… (the API key itself, not its key id), from a server",
    bodies: &[
        BodyRule {
            contains: "The provided authorization grant is invalid, expired, or revoked",
            meaning: "SendGrid rejected the key: wrong, revoked, or the API key id was sent instead of the key",
        },
        BodyRule { contains: "\"message\":\"access forbidden\"", meaning: "SendGrid's 403: the key lacks a scope (e.g. mail.send) this call needs" },
        BodyRule { contains: "Permission denied, wrong credentials", meaning: "SendGrid rejected the credentials" },
    ],
    docs: "https://www.twilio.com/docs/sendgrid/ui/account-and-settings/api-keys",
    empty_401_body: false,
    facts: &Facts {
        schemes: &["bearer"],
        scope_fix: "add the scope {need} (e.g. mail.send) to the SendGrid API key",
        ..Facts::NONE
    },
};
