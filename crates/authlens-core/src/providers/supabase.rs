//! Supabase: `https://<ref>.supabase.co`. Requests carry `apikey: <key>` and
//! `Authorization: Bearer <user token or key>`. Legacy keys are JWTs whose `role` claim says what
//! they are: `anon` is made for the page (with row-level security), `service_role` bypasses it and
//! must stay on a server. New keys say it in their prefix (`sb_publishable_`, `sb_secret_`).

use super::{BodyRule, Facts, Charset, HostRule, KeyKind, KeyRule, Provider, PublishableUse};
use crate::parse::jwt;

fn role_is(value: &str, role: &str) -> bool {
    // Every JWT-shaped value is tried against these rules, and few are Supabase keys: look for
    // the role's name in the decoded payload before parsing it as JSON.
    jwt::payload_mentions(value, role) && jwt::decode(value).is_some_and(|j| j.role.as_deref() == Some(role))
}

fn service_role(value: &str) -> bool {
    role_is(value, "service_role")
}

fn anon(value: &str) -> bool {
    role_is(value, "anon")
}

/// Supabase.
pub static PROVIDER: Provider = Provider {
    id: "supabase",
    name: "Supabase",
    hosts: &[
        HostRule { domain: "supabase.co", env: None },
        HostRule { domain: "supabase.in", env: None },
        HostRule { domain: "api.supabase.com", env: None },
    ],
    keys: &[
        KeyRule {
            id: "supabase_service_role_key",
            title: "Supabase service_role key (bypasses row-level security)",
            prefix: "eyJ",
            charset: Charset::Base64UrlDot,
            len: (30, 8192),
            kind: KeyKind::Secret,
            env_var: "SUPABASE_SERVICE_ROLE_KEY",
            validate: Some(service_role),
            #[cfg(feature = "docs")]
            recognition: "by its `role` claim",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "supabase_anon_key",
            title: "Supabase anon key",
            prefix: "eyJ",
            charset: Charset::Base64UrlDot,
            len: (30, 8192),
            kind: KeyKind::Publishable,
            env_var: "SUPABASE_ANON_KEY",
            validate: Some(anon),
            #[cfg(feature = "docs")]
            recognition: "by its `role` claim",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "supabase_secret_key",
            title: "Supabase secret key",
            prefix: "sb_secret_",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 128),
            kind: KeyKind::Secret,
            env_var: "SUPABASE_SECRET_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "supabase_publishable_key",
            title: "Supabase publishable key",
            prefix: "sb_publishable_",
            charset: Charset::AlnumDashUnderscore,
            len: (20, 128),
            kind: KeyKind::Publishable,
            env_var: "SUPABASE_PUBLISHABLE_KEY",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "supabase_access_token",
            title: "Supabase personal access token (Management API)",
            prefix: "sbp_",
            charset: Charset::Alnum,
            len: (40, 40),
            kind: KeyKind::Secret,
            env_var: "SUPABASE_ACCESS_TOKEN",
            ..KeyRule::DEFAULT
        },
    ],
    auth: "apikey: <anon or publishable key> and Authorization: Bearer <the signed-in user's access token>; service_role and sb_secret_ keys only on servers",
    bodies: &[
        BodyRule { contains: "No API key found in request", meaning: "Supabase saw no `apikey` header or query parameter" },
        BodyRule {
            contains: "Double check your Supabase",
            meaning: "Supabase does not know this API key (another project, a rotated key, or a stale build)",
        },
        BodyRule {
            contains: "JWSInvalidSignature",
            meaning: "the JWT was signed with another secret (a rotated JWT secret, or a token from another project)",
        },
        BodyRule {
            contains: "new row violates row-level security policy",
            meaning: "row-level security refused the write: the key worked, the policy did not allow this user",
        },
        BodyRule {
            contains: "permission denied for table",
            meaning: "Postgres 42501: the API role has no grant on the table (or no signed-in user's token was sent)",
        },
    ],
    docs: "https://supabase.com/docs/guides/api/api-keys",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Unknown,
        schemes: &["bearer"],
        scope_fix: "send the signed-in user's access token in Authorization, and check the table's GRANTs and row-level security policies",
        anonymous_project_key: true,
        query_keys: &["apikey"],
        project_host_suffix: ".supabase.co",
        ..Facts::NONE
    },
};
