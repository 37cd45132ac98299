//! OpenAI: `Authorization: Bearer sk-…` to `api.openai.com`. Every key is a server-side secret.
//! Other services reuse `sk-` (OpenRouter's `sk-or-v1-`): legacy keys are recognised by the
//! `T3BlbkFJ` marker OpenAI embeds in them, newer ones by their typed prefix and the same marker
//! (a `sk-proj-…` without it is not an OpenAI key).

use super::{ApiDomain, BodyRule, Facts, Charset, ForeignHost, HostRule, KeyKind, KeyRule, Provider};

fn has_marker(value: &str) -> bool {
    value.contains("T3BlbkFJ")
}

/// OpenAI.
pub static PROVIDER: Provider = Provider {
    id: "openai",
    name: "OpenAI",
    hosts: &[HostRule { domain: "openai.com", env: None }],
    keys: &[
        KeyRule {
            id: "openai_project_key",
            title: "OpenAI project API key",
            prefix: "sk-proj-",
            charset: Charset::AlnumDashUnderscore,
            len: (40, 256),
            kind: KeyKind::Secret,
            env_var: "OPENAI_API_KEY",
            validate: Some(has_marker),
            #[cfg(feature = "docs")]
            recognition: "with OpenAI's `T3BlbkFJ` marker",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "openai_service_account_key",
            title: "OpenAI service-account API key",
            prefix: "sk-svcacct-",
            charset: Charset::AlnumDashUnderscore,
            len: (40, 256),
            kind: KeyKind::Secret,
            env_var: "OPENAI_API_KEY",
            validate: Some(has_marker),
            #[cfg(feature = "docs")]
            recognition: "with OpenAI's `T3BlbkFJ` marker",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "openai_admin_key",
            title: "OpenAI admin API key",
            prefix: "sk-admin-",
            charset: Charset::AlnumDashUnderscore,
            len: (40, 256),
            kind: KeyKind::Secret,
            env_var: "OPENAI_ADMIN_KEY",
            validate: Some(has_marker),
            #[cfg(feature = "docs")]
            recognition: "with OpenAI's `T3BlbkFJ` marker",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "openai_user_key",
            title: "OpenAI user API key",
            prefix: "sk-None-",
            charset: Charset::AlnumDashUnderscore,
            len: (40, 256),
            kind: KeyKind::Secret,
            env_var: "OPENAI_API_KEY",
            validate: Some(has_marker),
            #[cfg(feature = "docs")]
            recognition: "with OpenAI's `T3BlbkFJ` marker",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "openai_api_key",
            title: "OpenAI API key",
            prefix: "sk-",
            charset: Charset::Alnum,
            len: (48, 48),
            kind: KeyKind::Secret,
            env_var: "OPENAI_API_KEY",
            validate: Some(has_marker),
            #[cfg(feature = "docs")]
            recognition: "with OpenAI's `T3BlbkFJ` marker",
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Bearer sk-… (optionally OpenAI-Organization and OpenAI-Project headers), from a server",
    bodies: &[
        BodyRule { contains: "You didn't provide an API key", meaning: "OpenAI saw no key in the Authorization header" },
        BodyRule {
            contains: "Incorrect API key provided",
            meaning: "OpenAI does not know this key (revoked, mistyped, or another service's key — the masked echo shows which)",
        },
        BodyRule { contains: "mismatched_organization", meaning: "the OpenAI-Organization header does not match the key's organization" },
        BodyRule {
            contains: "You must be a member of an organization to use the API",
            meaning: "the key's account belongs to no OpenAI organization",
        },
        BodyRule {
            contains: "You have insufficient permissions for this operation",
            meaning: "OpenAI's 401 for a restricted key without the needed scope (OpenAI uses 401, not 403)",
        },
    ],
    docs: "https://platform.openai.com/docs/api-reference/authentication",
    empty_401_body: false,
    facts: &Facts {
        schemes: &["bearer", "basic"],
        scope_fix: "give the API key {need} (restricted key scopes, or the Writer/Owner role in the project)",
        foreign_hosts: &[
            ForeignHost { suffix: ".openai.azure.com", name: "Azure OpenAI" },
            ForeignHost { suffix: ".cognitiveservices.azure.com", name: "Azure OpenAI" },
        ],
        repro_headers: &["openai-organization", "openai-project"],
        key_home_prefixes: &["sk-proj-", "sk-svcacct-"],
        api_domains: &[ApiDomain { domain: "openai.com", name: "" }],
        ..Facts::NONE
    },
};
