//! Provider knowledge: one file per provider, each defining `pub static PROVIDER: Provider`.
//!
//! A provider file is data: which hosts belong to which environment, which credential formats it
//! issues (secret, publishable, token; sandbox or production), how it wants to be authenticated,
//! and the error bodies it answers a 401 with. `build.rs` lists the files, so adding a provider
//! means adding one file.

use serde::Serialize;

include!(concat!(env!("OUT_DIR"), "/providers.rs"));

/// A provider's environment.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Env {
    /// Sandbox, test or development mode.
    Sandbox,
    /// Live or production mode.
    Production,
}

impl Env {
    /// `sandbox` or `production`.
    pub fn as_str(self) -> &'static str {
        match self {
            Env::Sandbox => "sandbox",
            Env::Production => "production",
        }
    }
}

/// What a credential is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum KeyKind {
    /// A server-side secret: must never reach a browser.
    Secret,
    /// A publishable or client key: made to be used in a frontend.
    Publishable,
    /// A short-lived access token.
    Token,
}

impl KeyKind {
    /// Human words for the kind.
    pub fn words(self) -> &'static str {
        match self {
            KeyKind::Secret => "server-side secret key",
            KeyKind::Publishable => "publishable/client key (safe in a frontend)",
            KeyKind::Token => "access token",
        }
    }
}

/// Characters allowed after a key's prefix.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Charset {
    /// `A-Za-z0-9`.
    Alnum,
    /// `A-Za-z0-9-_`.
    AlnumDashUnderscore,
    /// RFC 4648 base32 lowercase (`a-z2-7`).
    Base32Lower,
    /// A lowercase or uppercase UUID with dashes.
    Uuid,
    /// `A-Za-z0-9-_.` (base64url plus dots: JWTs and similar).
    Base64UrlDot,
    /// `A-Za-z0-9+/=` (standard base64).
    Base64,
    /// `0-9a-f`.
    HexLower,
    /// `A-Za-z0-9` and `-_.~+/=` (anything a token can hold).
    Any,
    /// Any visible ASCII character (the rule's `validate` does the real check).
    Graphic,
}

impl Charset {
    /// True when every byte of `s` is allowed.
    pub fn accepts(self, s: &str) -> bool {
        let b = s.as_bytes();
        match self {
            Charset::Alnum => b.iter().all(u8::is_ascii_alphanumeric),
            Charset::AlnumDashUnderscore => b.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'-' || *c == b'_'),
            Charset::Base32Lower => b.iter().all(|c| c.is_ascii_lowercase() || (b'2'..=b'7').contains(c)),
            Charset::Uuid => is_uuid(s),
            Charset::Base64UrlDot => b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.".contains(c)),
            Charset::Base64 => b.iter().all(|c| c.is_ascii_alphanumeric() || b"+/=".contains(c)),
            Charset::HexLower => b.iter().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c)),
            Charset::Any => b.iter().all(|c| c.is_ascii_alphanumeric() || b"-_.~+/=".contains(c)),
            Charset::Graphic => b.iter().all(u8::is_ascii_graphic),
        }
    }
}

/// True for `8-4-4-4-12` hex with dashes.
pub fn is_uuid(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 36
        && b.iter().enumerate().all(|(i, c)| if [8, 13, 18, 23].contains(&i) { *c == b'-' } else { c.is_ascii_hexdigit() })
}

/// A host (and its subdomains) that belongs to a provider.
#[derive(Debug)]
pub struct HostRule {
    /// The host, matched exactly or as a parent domain (`sandbox.checkout.com` matches
    /// `abc.api.sandbox.checkout.com`). The longest match wins.
    pub domain: &'static str,
    /// The environment this host serves; `None` when one host serves both (Stripe).
    pub env: Option<Env>,
}

/// One credential format a provider issues.
#[derive(Debug)]
pub struct KeyRule {
    /// Stable snake_case id, e.g. `midtrans_server_key_sandbox`.
    pub id: &'static str,
    /// Human name, e.g. "Midtrans sandbox server key".
    pub title: &'static str,
    /// Literal prefix (case-sensitive). Also what the redacted form may show.
    pub prefix: &'static str,
    /// Characters after the prefix.
    pub charset: Charset,
    /// Length of the part after the prefix, inclusive.
    pub len: (usize, usize),
    /// Secret, publishable or token.
    pub kind: KeyKind,
    /// Environment the prefix stands for.
    pub env: Option<Env>,
    /// False when the prefix is only a hint (Midtrans issued unprefixed sandbox keys too).
    pub env_certain: bool,
    /// Name of the environment variable a reproduction should use in its place.
    pub env_var: &'static str,
    /// Extra check on the whole value (checksums, JWT claims); `None` when shape is enough.
    pub validate: Option<fn(&str) -> bool>,
}

impl KeyRule {
    /// True when `value` has this rule's shape.
    pub fn matches(&self, value: &str) -> bool {
        let Some(rest) = value.strip_prefix(self.prefix) else { return false };
        let n = rest.len();
        n >= self.len.0 && n <= self.len.1 && self.charset.accepts(rest) && self.validate.is_none_or(|f| f(value))
    }
}

/// A recognisable error body.
#[derive(Debug)]
pub struct BodyRule {
    /// Text the body contains.
    pub contains: &'static str,
    /// What it means, in our words.
    pub meaning: &'static str,
}

/// Everything authlens knows about one API provider.
#[derive(Debug)]
pub struct Provider {
    /// Stable lowercase id used in reports (`midtrans`).
    pub id: &'static str,
    /// Display name.
    pub name: &'static str,
    /// Hosts and their environments.
    pub hosts: &'static [HostRule],
    /// Credential formats.
    pub keys: &'static [KeyRule],
    /// How a server authenticates to this API, one line.
    pub auth: &'static str,
    /// Recognised error bodies.
    pub bodies: &'static [BodyRule],
    /// Where the provider documents authentication.
    pub docs: &'static str,
    /// True when a 401/403 body from this provider is empty by design (Checkout.com).
    pub empty_401_body: bool,
}

/// The provider with this id.
pub fn by_id(id: &str) -> Option<&'static Provider> {
    ALL.iter().copied().find(|p| p.id == id)
}

/// Which provider and environment a host belongs to (longest matching domain wins).
pub fn for_host(host: &str) -> Option<(&'static Provider, Option<Env>)> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let mut best: Option<(&'static Provider, &'static HostRule)> = None;
    for p in ALL.iter().copied() {
        for h in p.hosts {
            let hit = host == h.domain || (host.len() > h.domain.len() && host.ends_with(h.domain) && host.as_bytes()[host.len() - h.domain.len() - 1] == b'.');
            if hit && best.is_none_or(|(_, b)| h.domain.len() > b.domain.len()) {
                best = Some((p, h));
            }
        }
    }
    best.map(|(p, h)| (p, h.env))
}

/// A credential recognised by its format.
#[derive(Debug, Clone, Copy)]
pub struct KeyMatch {
    /// Who issued it.
    pub provider: &'static Provider,
    /// Which format.
    pub rule: &'static KeyRule,
}

/// Recognise a credential by its format. When several providers share a format (`sk_test_` is
/// both Stripe and Checkout.com's previous platform), the provider of the destination host wins,
/// then the longest prefix.
pub fn classify(value: &str, destination: Option<&'static Provider>) -> Option<KeyMatch> {
    let mut best: Option<KeyMatch> = None;
    for p in ALL.iter().copied() {
        for r in p.keys {
            if !r.matches(value) {
                continue;
            }
            let better = match best {
                None => true,
                Some(b) => {
                    let here = destination.is_some_and(|d| std::ptr::eq(d, p));
                    let there = destination.is_some_and(|d| std::ptr::eq(d, b.provider));
                    (here && !there) || (here == there && r.prefix.len() > b.rule.prefix.len())
                }
            };
            if better {
                best = Some(KeyMatch { provider: p, rule: r });
            }
        }
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_unique_and_lowercase() {
        let mut seen = std::collections::HashSet::new();
        for p in ALL {
            assert!(p.id.bytes().all(|b| b.is_ascii_lowercase()), "{}", p.id);
            assert!(seen.insert(p.id), "duplicate provider {}", p.id);
            for k in p.keys {
                assert!(seen.insert(k.id), "duplicate key rule {}", k.id);
                assert!(k.id.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_'), "{}", k.id);
                assert!(k.len.0 <= k.len.1, "{}", k.id);
            }
        }
    }

    #[test]
    fn hosts_resolve_longest_match() {
        let (p, env) = for_host("api.sandbox.checkout.com").unwrap();
        assert_eq!((p.id, env), ("checkout", Some(Env::Sandbox)));
        let (p, env) = for_host("abc.api.checkout.com").unwrap();
        assert_eq!((p.id, env), ("checkout", Some(Env::Production)));
        assert!(for_host("notcheckout.com").is_none());
        assert_eq!(for_host("APP.MIDTRANS.COM").unwrap().1, Some(Env::Production));
    }
}
