//! Slack: `Authorization: Bearer xoxb-…` (bot) or `xoxp-…` (user) to `slack.com/api`. Slack answers
//! failures with HTTP 200 and `"ok":false`. Tokens and incoming-webhook URLs are secrets.

use super::{BodyRule, Charset, HostRule, KeyKind, KeyRule, Provider};

/// `xox?-<team or user id>-…-<secret>`: the first part numeric with at least 6 digits (a `-1234-`
/// placeholder is not an id), then at least one more part: legacy bot tokens are
/// `xoxb-<id>-<secret>`, today's `xoxb-<id>-<id>-<secret>`; workspace tokens may start `xoxa-2-`.
fn token_shape(value: &str) -> bool {
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

/// `https://hooks.slack.com/services/T…/B…/<secret>`.
fn webhook_shape(value: &str) -> bool {
    let rest = value.strip_prefix("https://hooks.slack.com/services/").or_else(|| value.strip_prefix("http://hooks.slack.com/services/")).unwrap_or("");
    let parts: Vec<&str> = rest.split('/').collect();
    parts.len() == 3 && parts[0].starts_with('T') && parts[1].starts_with('B') && parts[2].len() >= 20 && parts.iter().all(|p| Charset::Alnum.accepts(p))
}

/// Slack.
pub static PROVIDER: Provider = Provider {
    id: "slack",
    name: "Slack",
    hosts: &[HostRule { domain: "slack.com", env: None }],
    keys: &[
        KeyRule {
            id: "slack_bot_token",
            title: "Slack bot token",
            prefix: "xoxb-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 255),
            kind: KeyKind::Secret,
            env_var: "SLACK_BOT_TOKEN",
            validate: Some(token_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_user_token",
            title: "Slack user token",
            prefix: "xoxp-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 255),
            kind: KeyKind::Secret,
            env_var: "SLACK_USER_TOKEN",
            validate: Some(token_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_workspace_token",
            title: "Slack workspace app token",
            prefix: "xoxa-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 255),
            kind: KeyKind::Secret,
            env_var: "SLACK_TOKEN",
            validate: Some(token_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_app_token",
            title: "Slack app-level token",
            prefix: "xapp-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 255),
            kind: KeyKind::Secret,
            env_var: "SLACK_APP_TOKEN",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_webhook_url",
            title: "Slack incoming-webhook URL",
            prefix: "https://hooks.slack.com/services/",
            charset: Charset::Any,
            len: (40, 160),
            kind: KeyKind::Secret,
            env_var: "SLACK_WEBHOOK_URL",
            validate: Some(webhook_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            // The same URL over plain HTTP: Slack redirects it, and the path is the secret either way.
            id: "slack_webhook_url_http",
            title: "Slack incoming-webhook URL (http://)",
            prefix: "http://hooks.slack.com/services/",
            charset: Charset::Any,
            len: (40, 160),
            kind: KeyKind::Secret,
            env_var: "SLACK_WEBHOOK_URL",
            validate: Some(webhook_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_config_access_token",
            title: "Slack app configuration access token",
            prefix: "xoxe.xoxp-1-",
            charset: Charset::AlnumDashUnderscore,
            len: (100, 300),
            kind: KeyKind::Secret,
            env_var: "SLACK_CONFIG_TOKEN",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_config_refresh_token",
            title: "Slack app configuration refresh token",
            prefix: "xoxe-1-",
            charset: Charset::AlnumDashUnderscore,
            len: (100, 200),
            kind: KeyKind::Secret,
            env_var: "SLACK_CONFIG_REFRESH_TOKEN",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_legacy_token",
            title: "Slack legacy token",
            prefix: "xoxs-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 255),
            kind: KeyKind::Secret,
            env_var: "SLACK_TOKEN",
            validate: Some(token_shape),
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Bearer xoxb-… (bot token) or xoxp-… (user token), from a server",
    bodies: &[
        BodyRule { contains: "\"error\":\"invalid_auth\"", meaning: "Slack rejected the token (wrong, or from another workspace)" },
        BodyRule { contains: "\"error\":\"not_authed\"", meaning: "Slack saw no token" },
        BodyRule { contains: "\"error\":\"token_revoked\"", meaning: "the Slack token was revoked" },
        BodyRule { contains: "\"error\":\"missing_scope\"", meaning: "the Slack token lacks a scope this method needs" },
    ],
    docs: "https://api.slack.com/authentication/token-types",
    empty_401_body: false,
    ..Provider::DEFAULT
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn token_ids_and_secret_parts() {
        assert!(token_shape("xoxb-263594206564-FGqddMF8t08v8N7Oq4i57vs1"), "legacy bot token");
        assert!(token_shape("xoxb-263594206564-263594206565-FGqddMF8t08v8N7Oq4i57vs1"));
        assert!(token_shape("xoxa-2-511111111-31111111111-3111111111111-e039d02840a0b9379c"), "workspace token");
        assert!(!token_shape("xoxp-1234-1234-1234-4ddbc191d40ee098cbaae6f3523ada2d"), "placeholder ids");
        assert!(!token_shape("xoxb-23984754863-2348975623112"), "two ids, no secret");
        assert!(webhook_shape("http://hooks.slack.com/services/T024TTTTT/BBB72BBL/AZAAA9u0pA4ad666eMgbi555"));
    }
}
