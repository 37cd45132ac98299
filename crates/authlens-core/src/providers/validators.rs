//! Named checks that provider data files (`rules/*.toml`) attach to a rule with
//! `validate = "<name>"`. Each takes the whole value (prefix included) and says whether it has the
//! structure the provider gives its credentials. `build.rs` reads the `pub fn` names of this file,
//! so a data file naming a check that does not exist fails the build.

use super::Charset;

/// OpenAI's keys embed `T3BlbkFJ` (base64 of `OpenAI`) in the middle; look-alikes of other
/// services (`sk-…` of OpenRouter, DeepSeek, …) do not.
pub fn openai_marker(value: &str) -> bool {
    value.contains("T3BlbkFJ")
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
    if user.is_empty() || pass.len() < 6 || pass == user || host.is_empty() || !host.as_bytes()[0].is_ascii_alphanumeric() {
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

#[cfg(test)]
mod tests {
    use super::*;

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
