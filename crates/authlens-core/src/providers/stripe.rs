//! Stripe: one host for both modes; the key prefix (`_test_`/`_live_`) decides the mode.

use super::{BodyRule, Facts, Charset, Env, HostRule, KeyKind, KeyRule, NotKey, Provider, PublishableUse};

/// `pi_<id>_secret_<secret>`: the client secret of a PaymentIntent or SetupIntent.
fn intent_client_secret(value: &str) -> bool {
    value.contains("_secret_")
}

/// Stripe.
pub static PROVIDER: Provider = Provider {
    id: "stripe",
    name: "Stripe",
    hosts: &[HostRule { domain: "api.stripe.com", env: None }, HostRule { domain: "files.stripe.com", env: None }],
    keys: &[
        KeyRule { id: "stripe_secret_key_test", title: "Stripe test secret key", prefix: "sk_test_", charset: Charset::Alnum, len: (16, 247), kind: KeyKind::Secret, env: Some(Env::Sandbox), env_certain: true, env_var: "STRIPE_SECRET_KEY", ..KeyRule::DEFAULT },
        KeyRule { id: "stripe_secret_key_live", title: "Stripe live secret key", prefix: "sk_live_", charset: Charset::Alnum, len: (16, 247), kind: KeyKind::Secret, env: Some(Env::Production), env_certain: true, env_var: "STRIPE_SECRET_KEY", ..KeyRule::DEFAULT },
        KeyRule { id: "stripe_restricted_key_test", title: "Stripe test restricted key", prefix: "rk_test_", charset: Charset::Alnum, len: (16, 247), kind: KeyKind::Secret, env: Some(Env::Sandbox), env_certain: true, env_var: "STRIPE_SECRET_KEY", ..KeyRule::DEFAULT },
        KeyRule { id: "stripe_restricted_key_live", title: "Stripe live restricted key", prefix: "rk_live_", charset: Charset::Alnum, len: (16, 247), kind: KeyKind::Secret, env: Some(Env::Production), env_certain: true, env_var: "STRIPE_SECRET_KEY", ..KeyRule::DEFAULT },
        KeyRule { id: "stripe_webhook_secret", title: "Stripe webhook signing secret", prefix: "whsec_", charset: Charset::Alnum, len: (24, 128), kind: KeyKind::Secret, env: None, env_certain: false, env_var: "STRIPE_WEBHOOK_SECRET", ..KeyRule::DEFAULT },
        // Handed to the page by design, to confirm one payment; useless without the intent.
        KeyRule { id: "stripe_payment_intent_client_secret", title: "Stripe PaymentIntent client secret (made for the page)", prefix: "pi_", charset: Charset::AlnumDashUnderscore, len: (30, 96), kind: KeyKind::Publishable, env: None, env_certain: false, env_var: "STRIPE_CLIENT_SECRET", validate: Some(intent_client_secret), ..KeyRule::DEFAULT },
        KeyRule { id: "stripe_setup_intent_client_secret", title: "Stripe SetupIntent client secret (made for the page)", prefix: "seti_", charset: Charset::AlnumDashUnderscore, len: (30, 96), kind: KeyKind::Publishable, env: None, env_certain: false, env_var: "STRIPE_CLIENT_SECRET", validate: Some(intent_client_secret), ..KeyRule::DEFAULT },
        KeyRule { id: "stripe_publishable_key_test", title: "Stripe test publishable key", prefix: "pk_test_", charset: Charset::Alnum, len: (16, 247), kind: KeyKind::Publishable, env: Some(Env::Sandbox), env_certain: true, env_var: "STRIPE_PUBLISHABLE_KEY", ..KeyRule::DEFAULT },
        KeyRule { id: "stripe_publishable_key_live", title: "Stripe live publishable key", prefix: "pk_live_", charset: Charset::Alnum, len: (16, 247), kind: KeyKind::Publishable, env: Some(Env::Production), env_certain: true, env_var: "STRIPE_PUBLISHABLE_KEY", ..KeyRule::DEFAULT },
    ],
    auth: "Authorization: Bearer sk_… (or Basic with the key as username and an empty password)",
    bodies: &[
        BodyRule { contains: "You did not provide an API key", meaning: "Stripe saw no key in the request" },
        BodyRule { contains: "Invalid API Key provided", meaning: "Stripe does not know this key (typo, deleted, or a placeholder)" },
        BodyRule { contains: "Expired API Key provided", meaning: "the key was rolled or has expired" },
        BodyRule { contains: "cannot be made with a publishable API key", meaning: "a publishable key was used where a secret key is required" },
        BodyRule { contains: "does not have the required permissions", meaning: "the restricted key lacks a permission for this endpoint" },
    ],
    docs: "https://docs.stripe.com/keys",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Paths(&[
            "/v1/tokens",
            "/v1/payment_methods",
            "/v1/sources",
            "/v1/elements",
            "/v1/3ds2",
            "/v1/radar",
            "/v1/payment_pages",
            "/v1/confirmation_tokens",
            "/v1/consumers",
            "/v1/link",
            // Stripe.js retrieves an intent with its client secret and the publishable key.
            "/v1/payment_intents/?client_secret",
            "/v1/setup_intents/?client_secret",
        ]),
        not_keys: &[
            NotKey { prefix: "tok_", contains: "", what: "a Stripe card token" },
            NotKey { prefix: "pm_", contains: "", what: "a Stripe PaymentMethod id" },
            NotKey { prefix: "src_", contains: "", what: "a Stripe Source id" },
            NotKey { prefix: "pi_", contains: "_secret_", what: "a PaymentIntent client secret" },
            NotKey { prefix: "seti_", contains: "_secret_", what: "a SetupIntent client secret" },
            NotKey { prefix: "whsec_", contains: "", what: "a Stripe webhook signing secret" },
            NotKey { prefix: "acct_", contains: "", what: "a Stripe account id" },
            NotKey { prefix: "cus_", contains: "", what: "a Stripe customer id" },
        ],
        secret_key_hint: "sk_…",
        schemes: &["bearer", "basic"],
        scope_fix: "edit the restricted key (rk_…) in the Stripe Dashboard and grant {need}, or use a key that has it",
        repro_headers: &["stripe-account", "stripe-version"],
        // Stripe.js's fraud-detection cookies (`__stripe_mid`, `__stripe_sid`): not a login.
        non_session_cookies: &["__stripe"],
        ..Facts::NONE
    },
};
