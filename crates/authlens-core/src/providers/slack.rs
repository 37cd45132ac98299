//! Slack: `Authorization: Bearer xoxb-…` (bot) or `xoxp-…` (user) to `slack.com/api`. Slack answers
//! failures with HTTP 200 and `"ok":false`. Tokens and incoming-webhook URLs are secrets, and so
//! are Workflow Builder webhook URLs (`hooks.slack.com/workflows/…`, `/triggers/…`): anyone holding
//! one starts the workflow. Token types: https://api.slack.com/authentication/token-types;
//! configuration tokens: https://api.slack.com/authentication/config-tokens; workflow webhooks:
//! https://slack.com/help/articles/360041352714.

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

/// Legacy user and session tokens (`xoxs-`, `xoxo-`, and the `xoxp-` of legacy test tokens):
/// `<team id>-<user id>-<id>-<secret>`, three numeric ids (the first of at least 6 digits) and a
/// secret of at least 10 letters and digits with a letter in it; or today's [`token_shape`].
fn legacy_shape(value: &str) -> bool {
    let parts: Vec<&str> = value.get(5..).unwrap_or("").split('-').collect();
    let legacy = parts.len() == 4
        && parts[0].len() >= 6
        && parts[..3].iter().all(|p| !p.is_empty() && p.bytes().all(|c| c.is_ascii_digit()))
        && parts[3].len() >= 10
        && parts[3].bytes().all(|c| c.is_ascii_alphanumeric())
        && parts[3].bytes().any(|c| c.is_ascii_alphabetic());
    legacy || token_shape(value)
}

/// Workflow Builder webhooks: `https://hooks.slack.com/workflows/T…/A…/<id>/<secret>` and
/// `https://hooks.slack.com/triggers/T…/<id>/<secret>` (or over `http://`).
fn workflow_webhook_shape(value: &str) -> bool {
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
            validate: Some(legacy_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_legacy_token_xoxo",
            title: "Slack legacy token (xoxo-)",
            prefix: "xoxo-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 255),
            kind: KeyKind::Secret,
            env_var: "SLACK_TOKEN",
            validate: Some(legacy_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_config_bot_token",
            title: "Slack app configuration token (bot)",
            prefix: "xoxe.xoxb-1-",
            charset: Charset::AlnumDashUnderscore,
            len: (100, 300),
            kind: KeyKind::Secret,
            env_var: "SLACK_CONFIG_TOKEN",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            // Rotating tokens outside the `xoxe-1-` refresh form: `xoxe-<team>-<user>-<id>-<secret>`
            // (file URLs carry them as `?t=`).
            id: "slack_expiring_token",
            title: "Slack expiring token (xoxe-)",
            prefix: "xoxe-",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 255),
            kind: KeyKind::Secret,
            env_var: "SLACK_TOKEN",
            validate: Some(token_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_workflow_webhook_url",
            title: "Slack workflow webhook URL",
            prefix: "https://hooks.slack.com/",
            charset: Charset::Any,
            len: (50, 180),
            kind: KeyKind::Secret,
            env_var: "SLACK_WEBHOOK_URL",
            validate: Some(workflow_webhook_shape),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "slack_workflow_webhook_url_http",
            title: "Slack workflow webhook URL (http://)",
            prefix: "http://hooks.slack.com/",
            charset: Charset::Any,
            len: (50, 180),
            kind: KeyKind::Secret,
            env_var: "SLACK_WEBHOOK_URL",
            validate: Some(workflow_webhook_shape),
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

    #[test]
    fn legacy_tokens_and_workflow_webhooks() {
        assert!(legacy_shape("xoxs-4168437291-1320496541-5609968301-e708ba56e1"), "legacy: three ids, 10-character secret");
        assert!(!legacy_shape("xoxs-4168437291-1320496541-5609968301-0123456789"), "no letter in the secret");
        assert!(!legacy_shape("xoxo-1234-1234-1234-e708ba56e1"), "placeholder ids");
        assert!(!legacy_shape("xoxo-23984754863-2348975623113"), "two ids, no secret");
        assert!(workflow_webhook_shape("https://hooks.slack.com/workflows/T0A1B2C3D/A0B1C2D3E4F/412345678901234567/Kq3ZpV8tRw2LmN5bXc7YdH1s"));
        assert!(workflow_webhook_shape("http://hooks.slack.com/triggers/T0A1B2C3D/5123456789012/9f2c4e6a8b0d1f3e5a7c9b1d3f5e7a9c"));
        assert!(!workflow_webhook_shape("https://hooks.slack.com/workflows/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"), "no numeric id");
        assert!(!workflow_webhook_shape("https://hooks.slack.com/services/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"), "an incoming webhook, its own rule");
    }
}
