//! Named checks that provider data files (`rules/*.toml`) attach to a rule with
//! `validate = "<name>"`. Each takes the whole value (prefix included) and says whether it has the
//! structure the provider gives its credentials. `build.rs` reads the `pub fn` names of this file,
//! so a data file naming a check that does not exist fails the build.

use super::Charset;
use crate::parse::jwt;

/// OpenAI's keys embed `T3BlbkFJ` (base64 of `OpenAI`) in the middle; look-alikes of other
/// services (`sk-…` of OpenRouter, DeepSeek, …) do not.
pub fn openai_marker(value: &str) -> bool {
    value.contains("T3BlbkFJ")
}

/// A UUID, optionally followed by `:fx` (DeepL's free-plan keys).
pub fn uuid_fx(value: &str) -> bool {
    crate::providers::is_uuid(value.strip_suffix(":fx").unwrap_or(value))
}

/// Anthropic keys end with `AA` (the last characters of their encoded payload).
pub fn ends_aa(value: &str) -> bool {
    value.ends_with("AA")
}

/// `<32 hex>-<datacenter>` (Mailchimp marketing API keys: `…-us6`).
pub fn mailchimp_dc(value: &str) -> bool {
    let Some((key, dc)) = value.rsplit_once("-us") else { return false };
    key.len() == 32 && Charset::HexLower.accepts(key) && !dc.is_empty() && dc.len() <= 3 && dc.bytes().all(|c| c.is_ascii_digit())
}

/// Telegram bot token: `<bot id, 8-10 digits>:<35 characters>`.
pub fn telegram_bot(value: &str) -> bool {
    let Some((id, secret)) = value.split_once(':') else { return false };
    (8..=10).contains(&id.len()) && id.bytes().all(|c| c.is_ascii_digit()) && secret.len() == 35 && Charset::AlnumDashUnderscore.accepts(secret)
}

/// Doppler service token: `dp.st.` + an optional config slug and a dot + 40-44 letters and digits.
pub fn doppler_service(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("dp.st.") else { return false };
    let (config, token) = match rest.split_once('.') {
        Some((c, t)) => (Some(c), t),
        None => (None, rest),
    };
    let config_ok = config.is_none_or(|c| (2..=35).contains(&c.len()) && c.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-' || b == b'_'));
    config_ok && (40..=44).contains(&token.len()) && token.bytes().all(|b| b.is_ascii_alphanumeric())
}

/// Discord bot token: three base64url parts `<user id, base64>.<timestamp>.<hmac>`, the first
/// the base64 of a numeric id (starts `M`, `N` or `O`).
pub fn discord_bot(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() == 3
        && (23..=28).contains(&parts[0].len())
        && matches!(parts[0].as_bytes().first(), Some(b'M' | b'N' | b'O'))
        && (6..=7).contains(&parts[1].len())
        && (27..=38).contains(&parts[2].len())
        && parts.iter().all(|p| Charset::AlnumDashUnderscore.accepts(p))
}

/// A connection URL with a password: `scheme://user:password@host`, the password neither empty
/// nor a template (`${…}`, `<…>`, `{{…}}`, `$VAR`) nor a word like `password`.
pub fn url_password(value: &str) -> bool {
    let Some((_, rest)) = value.split_once("://") else { return false };
    let Some(at) = rest.rfind('@') else { return false };
    let auth = &rest[..at];
    let host = &rest[at + 1..];
    let Some((user, pass)) = auth.split_once(':') else { return false };
    !host.is_empty() && host.as_bytes()[0].is_ascii_alphanumeric() && real_password(user, pass)
}

/// An HTTP Basic credential written out: `Basic <base64 of user:password>` (RFC 7617) whose
/// user is a name (no quotes, braces or blanks: not the JSON of a token) and whose password is
/// real by [`url_password`]'s test. `Basic base64(KEY:)` carries its key in the user half, which
/// the base64 scan finds by the key's own rule.
pub fn basic_pair(value: &str) -> bool {
    use base64::Engine as _;
    const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        base64::engine::GeneralPurposeConfig::new().with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent),
    );
    let Some(b64) = value.strip_prefix("Basic ") else { return false };
    let Ok(bytes) = LENIENT.decode(b64.trim_end_matches('=')) else { return false };
    let Ok(text) = std::str::from_utf8(&bytes) else { return false };
    let Some((user, pass)) = text.split_once(':') else { return false };
    let name_like = user.bytes().all(|b| b.is_ascii_graphic() && !matches!(b, b'"' | b'\'' | b'{' | b'}' | b'[' | b']'));
    name_like && pass.bytes().all(|b| b.is_ascii_graphic() || b == b' ') && real_password(user, pass)
}

/// A user and password that are not a template or a placeholder: the password neither shorter
/// than 6 characters, the user's name again, a template (`${…}`, `<…>`, `{{…}}`, `$VAR`), one
/// character repeated, nor a word like `password`.
fn real_password(user: &str, pass: &str) -> bool {
    if user.is_empty() || pass.len() < 6 || pass == user {
        return false;
    }
    let lower = pass.to_ascii_lowercase();
    let templated = pass.contains(['$', '{', '}', '<', '>', '%', '*']) || pass.starts_with(':');
    // Placeholders: the password is one of these words, or says so (`your_password`, `xxxx`).
    let words = ["password", "passwd", "pass", "secret", "changeme", "example", "pwd", "redacted", "username", "user", "admin", "root", "test"];
    let marks = ["xxx", "placeholder", "redacted", "password", "replace", "changeme"];
    let placeholder = words.contains(&lower.as_str()) || lower.starts_with("your") || marks.iter().any(|m| lower.contains(m)) || user.eq_ignore_ascii_case("username");
    !templated && !placeholder && !pass.bytes().all(|c| c == pass.as_bytes()[0])
}

/// Twilio API key SID `SK` + 32 lowercase hex.
pub fn twilio_key_sid(value: &str) -> bool {
    value.len() == 34 && Charset::HexLower.accepts(&value[2..])
}

/// A JWT whose payload decodes to JSON (three base64url parts, the first two starting `eyJ`).
pub fn jwt_shape(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() == 3 && parts[0].starts_with("eyJ") && parts[1].starts_with("eyJ") && parts[2].len() >= 16
}

/// Shopify access tokens and shared secrets: 32 lowercase hex after the prefix.
pub fn hex32_tail(value: &str) -> bool {
    value.len() >= 32 && Charset::Hex.accepts(&value[value.len() - 32..])
}

/// A Sentry DSN `https://<32 hex public key>@<host>/<project id>` (public by design).
pub fn sentry_dsn(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("https://") else { return false };
    let Some((key, host)) = rest.split_once('@') else { return false };
    key.len() == 32 && Charset::HexLower.accepts(key) && (host.contains("sentry.io") || host.contains("sentry")) && host.rsplit('/').next().is_some_and(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
}

/// A Sentry organization token `sntrys_<base64 JSON>_<secret>`: the secret is 32 random bytes in
/// standard base64 with the padding cut (43 characters, `+` and `/` included).
pub fn sentry_org(value: &str) -> bool {
    value.rsplit_once('_').is_some_and(|(head, secret)| head.len() > 40 && secret.len() == 43 && !secret.contains('=') && Charset::Base64.accepts(secret))
}

/// A Sourcegraph token `sgp_<40 hex>` or `sgp_<instance id>_<40 hex>`: the instance id is 16 hex
/// or `local` as issued; the hex in either case, as Sourcegraph's own check accepts.
pub fn sourcegraph(value: &str) -> bool {
    let rest = value.strip_prefix("sgp_").unwrap_or("");
    match rest.split_once('_') {
        Some((a, b)) => (a == "local" || (a.len() == 16 && Charset::Hex.accepts(a))) && b.len() == 40 && Charset::Hex.accepts(b),
        None => rest.len() == 40 && Charset::Hex.accepts(rest),
    }
}

/// A Notion integration token `ntn_<11 digits><35 letters and digits>`.
pub fn notion_token(value: &str) -> bool {
    let b = value.as_bytes();
    b.len() == 50 && b[4..15].iter().all(u8::is_ascii_digit) && b[15].is_ascii_alphabetic()
}

/// A 1Password account Secret Key `A3-<6>-<6 or 11>-<5>-<5>-<5>[-<5>]` (uppercase letters
/// and digits in dash-separated groups).
pub fn onepassword_secret_key(value: &str) -> bool {
    let groups: Vec<&str> = value.split('-').collect();
    groups.len() >= 6
        && groups[0] == "A3"
        && groups[1].len() == 6
        && groups[2..].iter().all(|g| (5..=11).contains(&g.len()))
        && groups[1..].iter().all(|g| Charset::UpperAlnum.accepts(g))
}

/// An Okta API token: `00` and 40 more characters.
pub fn starts_00(value: &str) -> bool {
    value.starts_with("00")
}

/// A Vault service token of the format before 1.10: `s.` and 24 letters and digits.
pub fn starts_s_dot(value: &str) -> bool {
    value.strip_prefix("s.").is_some_and(|r| Charset::Alnum.accepts(r))
}

/// HCP Terraform token `<14 alnum>.atlasv1.<60-70 characters>`.
pub fn atlasv1(value: &str) -> bool {
    let Some((id, rest)) = value.split_once(".atlasv1.") else { return false };
    id.len() == 14 && Charset::Alnum.accepts(id) && (60..=70).contains(&rest.len()) && Charset::AlnumDashUnderscore.accepts(rest.trim_end_matches('='))
}

/// Airtable personal access token `pat<14 alnum>.<64 hex>`.
pub fn airtable_pat(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("pat") else { return false };
    let Some((id, secret)) = rest.split_once('.') else { return false };
    id.len() == 14 && Charset::Alnum.accepts(id) && secret.len() == 64 && Charset::HexLower.accepts(secret)
}

/// Asana personal access token `1/<digits>:<32 hex>` or `2/<digits>/<digits>:<32 hex>`.
pub fn asana_pat(value: &str) -> bool {
    let Some((ids, secret)) = value.split_once(':') else { return false };
    let parts: Vec<&str> = ids.split('/').collect();
    (2..=3).contains(&parts.len()) && parts[1..].iter().all(|p| !p.is_empty() && Charset::Digits.accepts(p)) && secret.len() == 32 && Charset::HexLower.accepts(secret)
}

/// Mailgun API key `<32 hex>-<8 hex>-<8 hex>`.
pub fn mailgun_key(value: &str) -> bool {
    let p: Vec<&str> = value.split('-').collect();
    p.len() == 3 && p[0].len() == 32 && p[1].len() == 8 && p[2].len() == 8 && p.iter().all(|x| Charset::HexLower.accepts(x))
}

/// A Discord webhook URL `…/api/webhooks/<id>/<token>`.
pub fn discord_webhook(value: &str) -> bool {
    let Some((_, rest)) = value.split_once("/api/webhooks/") else { return false };
    let Some((id, token)) = rest.split_once('/') else { return false };
    (17..=20).contains(&id.len()) && Charset::Digits.accepts(id) && (60..=70).contains(&token.len()) && Charset::AlnumDashUnderscore.accepts(token)
}

/// A Microsoft Teams incoming webhook `https://<tenant>.webhook.office.com/webhookb2/<uuid>@<uuid>/IncomingWebhook/<32 hex>/<uuid>`,
/// or the older `https://outlook.office.com/webhook/…` form of the same URL.
pub fn teams_webhook(value: &str) -> bool {
    let rest = if let Some(i) = value.find(".webhook.office.com/webhookb2/") {
        &value[i + ".webhook.office.com/webhookb2/".len()..]
    } else if let Some(r) = value.strip_prefix("https://outlook.office.com/webhook/") {
        r
    } else {
        return false;
    };
    let Some((ids, tail)) = rest.split_once("/IncomingWebhook/") else { return false };
    let Some((a, b)) = ids.split_once('@') else { return false };
    let Some((secret, owner)) = tail.split_once('/') else { return false };
    super::is_uuid(a) && super::is_uuid(b) && secret.len() == 32 && Charset::Hex.accepts(secret) && super::is_uuid(owner.trim_end_matches('/'))
}

/// A Zapier catch hook `…/hooks/catch/<account id>/<hook id>/`.
pub fn zapier_hook(value: &str) -> bool {
    let Some((_, rest)) = value.split_once("/hooks/catch/") else { return false };
    let mut p = rest.trim_end_matches('/').split('/');
    let (Some(a), Some(h), None) = (p.next(), p.next(), p.next()) else { return false };
    !a.is_empty() && Charset::Digits.accepts(a) && h.len() >= 5 && Charset::LowerAlnum.accepts(h)
}

/// Microsoft Entra ID client secret: 37 to 40 characters with `Q~` after a 3-character id and a
/// digit (`abc8Q~…`), the format since 2021.
pub fn entra_secret(value: &str) -> bool {
    let b = value.as_bytes();
    (37..=40).contains(&b.len()) && b[3].is_ascii_digit() && &b[4..6] == b"Q~" && b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.~".contains(c))
}

/// Azure DevOps personal access token of the 84-character format, with `AZDO` at offset 76.
pub fn azdo_pat(value: &str) -> bool {
    value.len() == 84 && value.get(76..80) == Some("AZDO")
}

/// A Mapbox token `<pk|sk|tk>.eyJ…<payload>.<signature>`.
pub fn mapbox_token(value: &str) -> bool {
    let parts: Vec<&str> = value.split('.').collect();
    parts.len() == 3 && parts[1].starts_with("eyJ") && parts[1].len() >= 20 && parts[2].len() >= 20
}

/// A Meta app access token `<app id, 15-16 digits>|<secret>`.
pub fn facebook_app_token(value: &str) -> bool {
    let Some((id, secret)) = value.split_once('|') else { return false };
    (15..=16).contains(&id.len()) && Charset::Digits.accepts(id) && (26..=32).contains(&secret.len()) && Charset::AlnumDashUnderscore.accepts(secret)
}

/// Harness token `pat.<account id>.<24 characters>.<20 characters>` (or `sat.`).
pub fn harness_token(value: &str) -> bool {
    let p: Vec<&str> = value.split('.').collect();
    p.len() == 4 && p[1].len() == 22 && p[2].len() == 24 && p[3].len() == 20 && p[1..].iter().all(|x| Charset::AlnumDashUnderscore.accepts(x))
}

/// Dropbox long-lived token: 11 characters, `AAAAAAAAAA`, 43 characters.
pub fn dropbox_long(value: &str) -> bool {
    value.len() == 64 && value.get(11..21) == Some("AAAAAAAAAA")
}

/// A base64 value ending in `=` (Intercom access tokens).
pub fn ends_eq(value: &str) -> bool {
    value.ends_with('=') && value.starts_with("dG9rO")
}

/// An Authress service client access key `sc_<client id>.<key id>.acc_<account id>.<private key>`.
pub fn authress_key(value: &str) -> bool {
    let mut p = value.split('.');
    let (Some(client), Some(key), Some(account), Some(secret), None) = (p.next(), p.next(), p.next(), p.next(), p.next()) else { return false };
    client.len() > 3 && !key.is_empty() && account.len() > 4 && (account.starts_with("acc_") || account.starts_with("acc-")) && secret.len() >= 30
}

/// `sk_<digits>_<digits>_<letters and digits>` (Ticket Tailor API keys: box office and key ids,
/// then the random part).
pub fn tickettailor_key(value: &str) -> bool {
    let mut parts = value.splitn(4, '_');
    let (Some("sk"), Some(a), Some(b), Some(rest)) = (parts.next(), parts.next(), parts.next(), parts.next()) else { return false };
    let digits = |s: &str| !s.is_empty() && s.len() <= 12 && s.bytes().all(|c| c.is_ascii_digit());
    digits(a) && digits(b) && rest.len() >= 8 && Charset::Alnum.accepts(rest)
}

/// Adyen API keys look like `AQE<base64>=-<base64>=-<more>`: check the first two segments.
pub fn adyen_api_key(value: &str) -> bool {
    let mut parts = value.split('-');
    let first = parts.next().unwrap_or("");
    let second = parts.next().unwrap_or("");
    first.len() >= 40
        && Charset::Base64.accepts(first)
        && second.len() >= 16
        && Charset::Base64.accepts(second)
        && parts.next().is_some()
}

/// Braintree tokenization keys: `<env>_<8 chars>_<16 chars>`.
pub fn braintree_tokenization_key(value: &str) -> bool {
    let rest = value.strip_prefix("sandbox_").or_else(|| value.strip_prefix("production_")).unwrap_or("");
    let mut parts = rest.split('_');
    let (a, b) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    a.len() == 8 && b.len() == 16 && parts.next().is_none() && Charset::LowerAlnum.accepts(a) && Charset::LowerAlnum.accepts(b)
}

/// Braintree legacy access tokens: `access_token$<env>$<16 chars>$<32 hex>`.
pub fn braintree_access_token(value: &str) -> bool {
    let mut parts = value.rsplit('$');
    let (hex, id) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    hex.len() == 32 && Charset::HexLower.accepts(hex) && id.len() == 16 && Charset::LowerAlnum.accepts(id)
}

/// Checkout.com NAS keys: 26 base32 characters and one final character that may also be `*#$=`.
pub fn checkout_nas_tail(value: &str) -> bool {
    let tail = value.rsplit('_').next().unwrap_or("");
    // ASCII first: slicing at byte 26 of a multi-byte string would not be a char boundary.
    tail.len() == 27
        && tail.is_ascii()
        && Charset::Base32Lower.accepts(&tail[..26])
        && tail[26..].bytes().all(|c| c.is_ascii_lowercase() || (b'2'..=b'7').contains(&c) || b"*#$=".contains(&c))
}

/// CRC-32 (IEEE 802.3, the one zlib uses), bit by bit: tokens are short.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// Base62 digit value, alphabet `0-9A-Za-z`.
fn base62_digit(c: u8) -> Option<u64> {
    match c {
        b'0'..=b'9' => Some(u64::from(c - b'0')),
        b'A'..=b'Z' => Some(u64::from(c - b'A') + 10),
        b'a'..=b'z' => Some(u64::from(c - b'a') + 36),
        _ => None,
    }
}

/// Encode a checksum as GitHub does: base62, left-padded with `0` to 6 characters (for the
/// samples of tests).
#[cfg(any(test, feature = "samples"))]
pub(crate) fn base62_checksum(mut n: u32) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(n % 62) as usize];
        n /= 62;
    }
    out.iter().map(|&c| c as char).collect()
}

/// GitHub tokens since 2021: `gh?_` + 30 random characters + 6 characters that are the CRC32 of
/// the random part in base62. Checking it tells a real token from a look-alike.
pub fn github_checksum(value: &str) -> bool {
    let Some(body) = value.get(4..) else { return false };
    if body.len() != 36 || !body.is_ascii() {
        return false;
    }
    let (random, check) = body.split_at(30);
    let mut n: u64 = 0;
    for &c in check.as_bytes() {
        let Some(d) = base62_digit(c) else { return false };
        n = n * 62 + d;
    }
    n == u64::from(crc32(random.as_bytes()))
}

/// GitHub fine-grained tokens: `github_pat_` + 22 characters + `_` + 59 characters.
pub fn github_fine_grained(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("github_pat_") else { return false };
    rest.len() == 82 && rest.as_bytes().get(22) == Some(&b'_') && rest.bytes().filter(|c| *c == b'_').count() == 1
}

/// `ghs_<app id>_<JWT>`: the installation-token format GitHub announced in 2026, a signed JWT
/// after the app's numeric id.
pub fn github_installation_jwt(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("ghs_") else { return false };
    let Some((app, jwt)) = rest.split_once('_') else { return false };
    let parts: Vec<&str> = jwt.split('.').collect();
    !app.is_empty() && app.bytes().all(|c| c.is_ascii_digit()) && parts.len() == 3 && parts[0].starts_with("eyJ") && parts[1].starts_with("eyJ") && parts[2].len() >= 16
}

/// SendGrid API keys: `SG.` + 22 characters + `.` + 43 characters.
pub fn sendgrid_key(value: &str) -> bool {
    let rest = value.strip_prefix("SG.").unwrap_or("");
    let mut parts = rest.split('.');
    let (a, b) = (parts.next().unwrap_or(""), parts.next().unwrap_or(""));
    a.len() == 22 && b.len() == 43 && parts.next().is_none()
}

/// Slack tokens `xox?-<team or user id>-…-<secret>`: the first part numeric with at least 6 digits
/// (a `-1234-` placeholder is not an id), then at least one more part: legacy bot tokens are
/// `xoxb-<id>-<secret>`, today's `xoxb-<id>-<id>-<secret>`; workspace tokens may start `xoxa-2-`.
pub fn slack_token(value: &str) -> bool {
    let body = value.get(5..).unwrap_or("");
    let body = body.strip_prefix("2-").unwrap_or(body);
    let mut parts = body.split('-');
    let first = parts.next().unwrap_or("");
    let rest: Vec<&str> = parts.collect();
    first.len() >= 6
        && first.bytes().all(|c| c.is_ascii_digit())
        && !rest.is_empty()
        && rest.last().is_some_and(|s| s.len() >= 12 && s.bytes().any(|c| c.is_ascii_alphabetic()))
}

/// Slack legacy user and session tokens (`xoxs-`, `xoxo-`, and the `xoxp-` of legacy test
/// tokens): `<team id>-<user id>-<id>-<secret>`, three numeric ids (the first of at least 6
/// digits) and a secret of at least 10 letters and digits with a letter in it; or today's
/// [`slack_token`].
pub fn slack_legacy_token(value: &str) -> bool {
    let parts: Vec<&str> = value.get(5..).unwrap_or("").split('-').collect();
    let legacy = parts.len() == 4
        && parts[0].len() >= 6
        && parts[..3].iter().all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        && parts[3].len() >= 10
        && parts[3].bytes().all(|c| c.is_ascii_alphanumeric())
        && parts[3].bytes().any(|c| c.is_ascii_alphabetic());
    legacy || slack_token(value)
}

/// Slack Workflow Builder webhooks: `https://hooks.slack.com/workflows/T…/A…/<id>/<secret>` and
/// `https://hooks.slack.com/triggers/T…/<id>/<secret>` (or over `http://`).
pub fn slack_workflow_webhook(value: &str) -> bool {
    let rest = value.strip_prefix("https://").or_else(|| value.strip_prefix("http://")).unwrap_or("");
    let (parts, app) = if let Some(r) = rest.strip_prefix("hooks.slack.com/workflows/") {
        (r.split('/').collect::<Vec<&str>>(), true)
    } else if let Some(r) = rest.strip_prefix("hooks.slack.com/triggers/") {
        (r.split('/').collect::<Vec<&str>>(), false)
    } else {
        return false;
    };
    let n = if app { 4 } else { 3 };
    parts.len() == n
        && parts[0].starts_with('T')
        && (!app || parts[1].starts_with('A'))
        && parts[n - 2].len() >= 6
        && parts[n - 2].bytes().all(|c| c.is_ascii_digit())
        && parts[n - 1].len() >= 20
        && parts.iter().all(|p| Charset::Alnum.accepts(p))
}

/// Slack incoming webhooks: `https://hooks.slack.com/services/T…/B…/<secret>`.
pub fn slack_webhook(value: &str) -> bool {
    let rest = value.strip_prefix("https://hooks.slack.com/services/").or_else(|| value.strip_prefix("http://hooks.slack.com/services/")).unwrap_or("");
    let parts: Vec<&str> = rest.split('/').collect();
    parts.len() == 3 && parts[0].starts_with('T') && parts[1].starts_with('B') && parts[2].len() >= 20 && parts.iter().all(|p| Charset::Alnum.accepts(p))
}

/// `pi_<id>_secret_<secret>`: the client secret of a Stripe PaymentIntent or SetupIntent.
pub fn stripe_intent_client_secret(value: &str) -> bool {
    value.contains("_secret_")
}

fn jwt_role_is(value: &str, role: &str) -> bool {
    // Every JWT-shaped value is tried against these rules, and few are Supabase keys: look for
    // the role's name in the decoded payload before parsing it as JSON.
    jwt::payload_mentions(value, role) && jwt::decode(value).is_some_and(|j| j.role.as_deref() == Some(role))
}

/// A JWT whose `role` claim is `service_role` (Supabase's key that bypasses row-level security).
pub fn supabase_service_role(value: &str) -> bool {
    jwt_role_is(value, "service_role")
}

/// A JWT whose `role` claim is `anon` (Supabase's key made for the page).
pub fn supabase_anon(value: &str) -> bool {
    jwt_role_is(value, "anon")
}

/// ClickUp personal API tokens: `pk_<user id, digits>_<32 uppercase letters and digits>`.
pub fn clickup_token(value: &str) -> bool {
    let Some((id, key)) = value.strip_prefix("pk_").and_then(|r| r.split_once('_')) else { return false };
    (6..=10).contains(&id.len()) && id.bytes().all(|c| c.is_ascii_digit()) && key.len() == 32 && Charset::UpperAlnum.accepts(key)
}

/// Clerk publishable keys: `pk_live_`/`pk_test_` + base64 of the instance's Frontend API host and
/// `$` (`clerk.example.com$`, `happy-cat-12.clerk.accounts.dev$`).
pub fn clerk_publishable_key(value: &str) -> bool {
    use base64::Engine as _;
    let Some(body) = value.strip_prefix("pk_live_").or_else(|| value.strip_prefix("pk_test_")) else { return false };
    let Ok(host) = base64::engine::general_purpose::STANDARD_NO_PAD.decode(body.trim_end_matches('=')) else { return false };
    host.len() >= 5 && host.ends_with(b"$") && host.contains(&b'.') && host[..host.len() - 1].iter().all(|c| c.is_ascii_alphanumeric() || *c == b'.' || *c == b'-')
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A GitHub token built the way GitHub builds them, from deterministic filler.
    fn github_token(prefix: &str, seed: u32) -> String {
        let random: String = (0..30u32).map(|i| b"abcdefghijkLMNOPQRSTUV0123456789"[((i * 7 + seed) % 32) as usize] as char).collect();
        format!("{prefix}{random}{}", base62_checksum(crc32(random.as_bytes())))
    }

    #[test]
    fn crc32_reference_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn github_checksum_separates_real_from_look_alike() {
        let t = github_token("ghp_", 3);
        assert!(github_checksum(&t), "{t}");
        let mut bad = t.clone();
        bad.pop();
        bad.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert!(!github_checksum(&bad));
        assert!(!github_checksum("ghp_é23456789012345678901234567890123456"));
    }

    #[test]
    fn github_installation_tokens_of_the_jwt_format() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjM0NSJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";
        assert!(github_installation_jwt(&format!("ghs_12345_{jwt}")));
        assert!(!github_installation_jwt(&format!("ghs_app_{jwt}")));
        assert!(!github_installation_jwt("ghs_12345_notajwt"));
    }

    #[test]
    fn checkout_nas_shapes() {
        assert!(!checkout_nas_tail("sk_sbox_abcdefghijklmnopqrstuvwxé"), "non-ASCII tail");
        assert!(checkout_nas_tail("sk_sbox_abcdefghijklmnopqrstuvwxyz2"));
        assert!(checkout_nas_tail("sk_sbox_abcdefghijklmnopqrstuvwxyz#"));
        assert!(!checkout_nas_tail("sk_sbox_abcdefghijklmnopqrstuvwxyz"));
        assert!(!checkout_nas_tail("sk_sbox_ABCDEFGHIJKLMNOPQRSTUVWXYZ2"));
        assert!(!checkout_nas_tail("sk_live_abcdefghijklmnopqrstuvwxy"));
    }

    #[test]
    fn slack_token_ids_and_secret_parts() {
        assert!(slack_token("xoxb-263594206564-FGqddMF8t08v8N7Oq4i57vs1"), "legacy bot token");
        assert!(slack_token("xoxb-263594206564-263594206565-FGqddMF8t08v8N7Oq4i57vs1"));
        assert!(slack_token("xoxa-2-511111111-31111111111-3111111111111-e039d02840a0b9379c"), "workspace token");
        assert!(!slack_token("xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d"), "placeholder ids");
        assert!(!slack_token("xoxb-23984754863-2348975623112"), "two ids, no secret");
        assert!(slack_webhook("http://hooks.slack.com/services/T024TTTTT/BBB72BBL/AZAAA9u0pA4ad666eMgbi555"));
    }

    #[test]
    fn slack_legacy_tokens_and_workflow_webhooks() {
        assert!(slack_legacy_token("xoxs-4168437291-1320496541-5609968301-e708ba56e1"), "legacy: three ids, 10-character secret");
        assert!(!slack_legacy_token("xoxs-4168437291-1320496541-5609968301-0123456789"), "no letter in the secret");
        assert!(!slack_legacy_token("xoxo-1234-1234-1234-e708ba56e1"), "placeholder ids");
        assert!(!slack_legacy_token("xoxo-23984754863-2348975623113"), "two ids, no secret");
        assert!(slack_workflow_webhook("https://hooks.slack.com/workflows/T0A1B2C3D/A0B1C2D3E4F/412345678901234567/Kq3ZpV8tRw2LmN5bXc7YdH1s"));
        assert!(slack_workflow_webhook("http://hooks.slack.com/triggers/T0A1B2C3D/5123456789012/9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"));
        assert!(!slack_workflow_webhook("https://hooks.slack.com/workflows/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"), "no numeric id");
        assert!(!slack_workflow_webhook("https://hooks.slack.com/services/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"), "an incoming webhook, its own rule");
    }

    #[test]
    fn basic_pairs() {
        // base64("deploy:Zq8vN2mLx4Tb") and friends
        assert!(basic_pair("Basic ZGVwbG95OlpxOHZOMm1MeDRUYg=="));
        assert!(basic_pair("Basic ZGVwbG95OlpxOHZOMm1MeDRUYg"), "padding is optional");
        assert!(basic_pair("Basic YXBpOmtleS1hN2MzNDJ3MzNhNWQxLTU2M2U3MjlwLTZhYjI3YzYzNzM0Ng=="), "api:key-… (Mailgun's form)");
        assert!(!basic_pair("Basic YnJvd3Nlcjo="), "browser: has no password");
        assert!(!basic_pair("Basic dXNlcjpwYXNzd29yZA=="), "user:password is a placeholder");
        assert!(!basic_pair("Basic dXNlcm5hbWU6cGFzc3dvcmQ="), "username:password");
        assert!(!basic_pair("Basic eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9"), "a JWT header after Basic is not a pair");
        assert!(!basic_pair("Basic YWRtaW46JHtQQVNTV09SRH0="), "admin:${{PASSWORD}} is a template");
        assert!(!basic_pair("Basic not-base64!"));
    }

    #[test]
    fn url_passwords() {
        assert!(url_password("postgres://app:Zq8vN2mLx4@db.example.net:5432/app"));
        assert!(!url_password("postgres://app:${DB_PASSWORD}@db/app"));
        assert!(!url_password("postgres://app:password@db/app"));
        assert!(!url_password("https://user@host/"));
        assert!(!url_password("https://username:mypassword@test.com/endpoint"));
        assert!(!url_password("mysql://admin:REPLACE_WITH_PASSWORD@mysql.server.com:3306/db"));
        assert!(url_password("mongodb+srv://user:passW0rd123@prod-cluster.mongodb.net/production"));
    }

    #[test]
    fn telegram_and_discord() {
        assert!(telegram_bot("123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"));
        assert!(!telegram_bot("12:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsaw0"));
        assert!(!discord_bot("a.b.c"));
    }

    #[test]
    fn doppler_service_tokens() {
        let t = "Xq7Lm2Vb9Tn4Kc8Rw1Zp6Hs3Jd5Gf0Ya2Ue7Io9Pk4Wl";
        assert!(doppler_service(&format!("dp.st.{t}")));
        assert!(doppler_service(&format!("dp.st.prd.{t}")));
        assert!(doppler_service(&format!("dp.st.dev_eu-2.{t}")));
        assert!(!doppler_service(&format!("dp.st.x.{t}")), "config slug too short");
        assert!(!doppler_service(&format!("dp.st.Prd.{t}")), "upper-case slug");
        assert!(!doppler_service(&format!("dp.st.a1.b2.{t}")), "two slugs");
        assert!(!doppler_service(&format!("dp.st.prd.{}", &t[..30])), "token too short");
        assert!(!doppler_service(&format!("dp.st.prd.{t}_x")), "underscore in the token");
        assert!(!doppler_service(&format!("dp.pt.{t}")));
    }

    #[test]
    fn authress_and_teams_structures() {
        let secret = "MC4CAQAwBQYDK2VwBCIEIPm3q8Lr0Tz5xVb7nWcY2dKf";
        assert!(authress_key(&format!("sc_k2j4h6g8f0.a1b2.acc_p9o8i7u6y5.{secret}")));
        assert!(!authress_key(&format!("sc_k2j4h6g8f0.a1b2.xyz_p9o8i7u6y5.{secret}")), "no account part");
        assert!(!authress_key(&format!("sc_k2j4h6g8f0.acc_p9o8i7u6y5.{secret}")), "no key id");
        assert!(!authress_key("sc_k2j4h6g8f0.a1b2.acc_p9o8i7u6y5.short"));
        let ids = "9da5da9c-4218-4c22-aed6-b5c8baebfff5@2f2b54b7-0141-4ba7-8fcd-ab7d17a60547";
        let tail = "IncomingWebhook/1bf66ccbb8e745e791fa6e6de0cf465b/4361420b-8fde-48eb-b62a-0e34fec63f5c";
        assert!(teams_webhook(&format!("https://outlook.office.com/webhook/{ids}/{tail}")));
        assert!(teams_webhook(&format!("https://contoso.webhook.office.com/webhookb2/{ids}/{tail}")));
        assert!(!teams_webhook(&format!("https://outlook.office.com/other/{ids}/{tail}")));
        assert!(!teams_webhook(&format!("https://outlook.office.com/webhook/{ids}/IncomingWebhook/1bf66ccb/x")));
    }
}
