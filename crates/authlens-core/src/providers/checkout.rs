//! Checkout.com: current platform (NAS, `Bearer sk_…`), previous platform (raw `sk_test_<uuid>`),
//! and OAuth access tokens from `access.(sandbox.)checkout.com`.

use super::{Facts, Charset, Env, HostRule, KeyKind, KeyRule, Provider, PublishableUse};

/// NAS keys: 26 base32 characters and one final character that may also be `*#$=`.
fn nas_tail(value: &str) -> bool {
    let tail = value.rsplit('_').next().unwrap_or("");
    // ASCII first: slicing at byte 26 of a multi-byte string would not be a char boundary.
    tail.len() == 27
        && tail.is_ascii()
        && Charset::Base32Lower.accepts(&tail[..26])
        && tail[26..].bytes().all(|c| c.is_ascii_lowercase() || (b'2'..=b'7').contains(&c) || b"*#$=".contains(&c))
}

/// Checkout.com.
pub static PROVIDER: Provider = Provider {
    id: "checkout",
    name: "Checkout.com",
    hosts: &[
        HostRule { domain: "checkout.com", env: Some(Env::Production) },
        HostRule { domain: "sandbox.checkout.com", env: Some(Env::Sandbox) },
    ],
    keys: &[
        KeyRule {
            id: "checkout_secret_key_sandbox",
            title: "Checkout.com sandbox secret key",
            prefix: "sk_sbox_",
            charset: Charset::Graphic,
            len: (27, 27),
            kind: KeyKind::Secret,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "CHECKOUT_SECRET_KEY",
            validate: Some(nas_tail),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "checkout_secret_key",
            title: "Checkout.com secret key",
            prefix: "sk_",
            charset: Charset::Graphic,
            len: (27, 27),
            kind: KeyKind::Secret,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "CHECKOUT_SECRET_KEY",
            validate: Some(nas_tail),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "checkout_secret_key_previous_sandbox",
            title: "Checkout.com previous-platform sandbox secret key",
            prefix: "sk_test_",
            charset: Charset::Uuid,
            len: (36, 36),
            kind: KeyKind::Secret,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "CHECKOUT_SECRET_KEY",
            bare_ok: true,
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "checkout_secret_key_previous",
            title: "Checkout.com previous-platform secret key",
            prefix: "sk_",
            charset: Charset::Uuid,
            len: (36, 36),
            kind: KeyKind::Secret,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "CHECKOUT_SECRET_KEY",
            bare_ok: true,
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "checkout_public_key_sandbox",
            title: "Checkout.com sandbox public key",
            prefix: "pk_sbox_",
            charset: Charset::Graphic,
            len: (27, 27),
            kind: KeyKind::Publishable,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "CHECKOUT_PUBLIC_KEY",
            validate: Some(nas_tail),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "checkout_public_key",
            title: "Checkout.com public key",
            prefix: "pk_",
            charset: Charset::Graphic,
            len: (27, 27),
            kind: KeyKind::Publishable,
            env: Some(Env::Production),
            env_certain: true,
            env_var: "CHECKOUT_PUBLIC_KEY",
            validate: Some(nas_tail),
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "checkout_public_key_previous_sandbox",
            title: "Checkout.com previous-platform sandbox public key",
            prefix: "pk_test_",
            charset: Charset::Uuid,
            len: (36, 36),
            kind: KeyKind::Publishable,
            env: Some(Env::Sandbox),
            env_certain: true,
            env_var: "CHECKOUT_PUBLIC_KEY",
            bare_ok: true,
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Bearer sk_… (current platform; the `Bearer ` prefix is required) — previous-platform keys are sent raw, without a scheme",
    bodies: &[],
    docs: "https://www.checkout.com/docs/developer-resources/api/manage-api-keys",
    empty_401_body: true,
    facts: &Facts {
        publishable: PublishableUse::Paths(&["/tokens"]),
        schemes: &["bearer"],
        scope_fix: "allow this API for the key in the Checkout.com Dashboard (keys can be scoped per API), or use a key that has it",
        no_scheme_fix: "Checkout.com's current platform needs `Authorization: Bearer sk_…` — add the `Bearer ` prefix",
        repro_headers: &["cko-idempotency-key"],
        ..Facts::NONE
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn non_ascii_tail_is_no_match() {
        assert!(!nas_tail("sk_sbox_abcdefghijklmnopqrstuvwxé"));
    }

    #[test]
    fn nas_shapes() {
        let r = &PROVIDER.keys[0];
        assert!(r.matches("sk_sbox_abcdefghijklmnopqrstuvwxyz2"));
        assert!(r.matches("sk_sbox_abcdefghijklmnopqrstuvwxyz#"));
        assert!(!r.matches("sk_sbox_abcdefghijklmnopqrstuvwxyz"));
        assert!(!r.matches("sk_sbox_ABCDEFGHIJKLMNOPQRSTUVWXYZ2"));
        assert!(!PROVIDER.keys[1].matches("sk_live_abcdefghijklmnopqrstuvwxy"));
    }
}
