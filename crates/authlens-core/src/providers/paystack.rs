//! Paystack: `sk_test_`/`sk_live_` secret keys and `pk_test_`/`pk_live_` public keys, each the
//! prefix and 40 lowercase hex characters. The prefixes are Stripe's too, so the prefix alone
//! does not say whose key it is: the request's host does, and so does the body (Stripe keys are
//! mixed-case base62, never 40 lowercase hex).

use super::{Facts, Charset, Env, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// Paystack.
pub static PROVIDER: Provider = Provider {
    id: "paystack",
    name: "Paystack",
    hosts: &[HostRule { domain: "paystack.co", env: None }],
    keys: &[
        KeyRule { id: "paystack_secret_key_test", title: "Paystack test secret key", prefix: "sk_test_", charset: Charset::HexLower, len: (40, 40), kind: KeyKind::Secret, env: Some(Env::Sandbox), env_certain: true, env_var: "PAYSTACK_SECRET_KEY", ..KeyRule::DEFAULT },
        KeyRule { id: "paystack_secret_key_live", title: "Paystack live secret key", prefix: "sk_live_", charset: Charset::HexLower, len: (40, 40), kind: KeyKind::Secret, env: Some(Env::Production), env_certain: true, env_var: "PAYSTACK_SECRET_KEY", ..KeyRule::DEFAULT },
        KeyRule { id: "paystack_public_key_test", title: "Paystack test public key", prefix: "pk_test_", charset: Charset::HexLower, len: (40, 40), kind: KeyKind::Publishable, env: Some(Env::Sandbox), env_certain: true, env_var: "PAYSTACK_PUBLIC_KEY", ..KeyRule::DEFAULT },
        KeyRule { id: "paystack_public_key_live", title: "Paystack live public key", prefix: "pk_live_", charset: Charset::HexLower, len: (40, 40), kind: KeyKind::Publishable, env: Some(Env::Production), env_certain: true, env_var: "PAYSTACK_PUBLIC_KEY", ..KeyRule::DEFAULT },
    ],
    auth: "Authorization: Bearer sk_… (the secret key), from a server; the public key pk_… is for the checkout in the page",
    bodies: &[],
    docs: "https://paystack.com/docs/api/authentication/",
    empty_401_body: false,
    facts: &Facts {
        publishable: PublishableUse::Unknown,
        ..Facts::NONE
    },
};

#[cfg(test)]
mod tests {
    use crate::providers::{classify, for_host};

    /// Assembled at run time: no key-shaped literal in the source.
    fn hex_key(prefix: &str) -> String {
        format!("{prefix}{}", "0a1b2c3d4e5f6a7b8c9d".repeat(2))
    }

    #[test]
    fn hex_keys_are_paystack_and_base62_keys_stay_stripe() {
        let k = hex_key("sk_test_");
        assert_eq!(classify(&k, None).map(|m| m.rule.id), Some("paystack_secret_key_test"));
        assert_eq!(classify(&hex_key("pk_live_"), None).map(|m| m.rule.id), Some("paystack_public_key_live"));
        let stripe_like = format!("sk_test_{}", "aB3dE5gH7jK9mN2pQ4sT6vW8yZ".repeat(2));
        assert_eq!(classify(&stripe_like, None).map(|m| m.provider.id), Some("stripe"));
        // Sent to Stripe, even a hex-looking key is read as Stripe's.
        let stripe = for_host("api.stripe.com").map(|(p, _)| p);
        assert_eq!(classify(&k, stripe).map(|m| m.provider.id), Some("stripe"));
        assert_eq!(for_host("api.paystack.co").map(|(p, _)| p.id), Some("paystack"));
    }
}
