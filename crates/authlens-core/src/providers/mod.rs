//! Provider knowledge: one file per provider, each defining a `Provider`.
//!
//! A provider file is data: which hosts belong to which environment, which credential formats it
//! issues (secret, publishable, token; sandbox or production), how it wants to be authenticated,
//! and the error bodies it answers a 401 with. Most providers are data files,
//! `crates/authlens-core/rules/<id>.toml` (format in `docs/secrets.md`), which `build.rs` compiles
//! into the same static tables; providers whose rules need code beside them are Rust files here.
//! Named checks a data file may use live in [`validators`]. `build.rs` lists both folders, so adding
//! a provider means adding one file.

use serde::Serialize;

pub mod validators;

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
    /// `A-Z0-9`.
    UpperAlnum,
    /// `a-z0-9`.
    LowerAlnum,
    /// `0-9a-fA-F`.
    Hex,
    /// `0-9`.
    Digits,
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
            Charset::UpperAlnum => b.iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit()),
            Charset::LowerAlnum => b.iter().all(|c| c.is_ascii_lowercase() || c.is_ascii_digit()),
            Charset::Hex => b.iter().all(u8::is_ascii_hexdigit),
            Charset::Digits => b.iter().all(u8::is_ascii_digit),
        }
    }

    /// True when `c` may appear in a value of this charset. For `Uuid` and `Graphic`, whose
    /// shape is checked on the whole value, this is the widest byte set. A table lookup: the
    /// scanner asks this for every byte of every candidate.
    #[inline]
    pub fn allows(self, c: u8) -> bool {
        CHARSET_TABLES[self as usize][usize::from(c >> 5)] >> (c & 31) & 1 == 1
    }

    /// [`Charset::allows`], written out (the tables are built from it at compile time).
    const fn allows_slow(self, c: u8) -> bool {
        match self {
            Charset::Alnum => c.is_ascii_alphanumeric(),
            Charset::AlnumDashUnderscore => c.is_ascii_alphanumeric() || c == b'-' || c == b'_',
            Charset::Base32Lower => c.is_ascii_lowercase() || matches!(c, b'2'..=b'7'),
            Charset::Uuid => c.is_ascii_hexdigit() || c == b'-',
            Charset::Base64UrlDot => c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.'),
            Charset::Base64 => c.is_ascii_alphanumeric() || matches!(c, b'+' | b'/' | b'='),
            Charset::HexLower => c.is_ascii_digit() || matches!(c, b'a'..=b'f'),
            Charset::Any => c.is_ascii_alphanumeric() || matches!(c, b'-' | b'_' | b'.' | b'~' | b'+' | b'/' | b'='),
            Charset::Graphic => c.is_ascii_graphic(),
            Charset::UpperAlnum => c.is_ascii_uppercase() || c.is_ascii_digit(),
            Charset::LowerAlnum => c.is_ascii_lowercase() || c.is_ascii_digit(),
            Charset::Hex => c.is_ascii_hexdigit(),
            Charset::Digits => c.is_ascii_digit(),
        }
    }
}

/// Every charset, in declaration order (the index of [`CHARSET_TABLES`]).
const CHARSETS: [Charset; 13] = [
    Charset::Alnum,
    Charset::AlnumDashUnderscore,
    Charset::Base32Lower,
    Charset::Uuid,
    Charset::Base64UrlDot,
    Charset::Base64,
    Charset::HexLower,
    Charset::Any,
    Charset::Graphic,
    Charset::UpperAlnum,
    Charset::LowerAlnum,
    Charset::Hex,
    Charset::Digits,
];

/// For each charset, which bytes it allows: a 256-bit set (built at compile time).
static CHARSET_TABLES: [[u32; 8]; 13] = {
    let mut t = [[0u32; 8]; 13];
    let mut i = 0;
    while i < 13 {
        let mut c = 0;
        while c < 256 {
            if CHARSETS[i].allows_slow(c as u8) {
                t[i][c >> 5] |= 1 << (c & 31);
            }
            c += 1;
        }
        i += 1;
    }
    t
};

impl Charset {
    /// True when [`CHARSETS`] lists each charset at its own index (checked by a test).
    #[cfg(test)]
    fn tables_in_order() -> bool {
        CHARSETS.iter().enumerate().all(|(i, c)| *c as usize == i)
    }
}

/// How the secret scanner finds a rule's credentials (see `crate::secrets`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Find {
    /// The literal prefix is distinctive enough to be looked for anywhere: request parts,
    /// response bodies, bundles, files.
    Prefix,
    /// The prefix is short or common. Where a value is a credential by position (a header, a
    /// query parameter, a Basic half) the shape is enough; in free text (bodies, bundles, files)
    /// a match only counts when one of these lowercase keywords appears shortly before it, or
    /// when the request goes to this rule's provider.
    Near(&'static [&'static str]),
    /// No prefix: a value of the rule's charset and length that follows one of these lowercase
    /// keywords (the provider's name in a field name, `datadog_api_key = "…"`) within a few bytes
    /// on the same line, or a credential slot whose name holds one. Sent to this provider's hosts,
    /// the shape alone is enough.
    Keyword(&'static [&'static str]),
    /// No shape of its own: the password half of a Basic credential sent to one of this
    /// provider's hosts (PayPal client secret, Razorpay key secret).
    BasicPassword,
    /// No shape of its own: the user-id half of a Basic credential sent to one of this
    /// provider's hosts (PayPal client id).
    BasicUser,
    /// Found by a dedicated scanner in `crate::secrets` (PEM blocks, AWS key pairs, service
    /// account files, secret-named fields); the rule carries id, title, kind and environment.
    Scanner,
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
    /// How the secret scanner finds it.
    pub find: Find,
    /// Shannon entropy (bits per character) the part after the prefix must reach; 0 for none.
    pub entropy: f32,
}

impl KeyRule {
    /// Defaults for the fields a provider file does not set (`..KeyRule::DEFAULT`).
    pub const DEFAULT: KeyRule = KeyRule {
        id: "",
        title: "",
        prefix: "",
        charset: Charset::AlnumDashUnderscore,
        len: (16, 256),
        kind: KeyKind::Secret,
        env: None,
        env_certain: false,
        env_var: "",
        validate: None,
        find: Find::Prefix,
        entropy: 0.0,
    };

    /// True when the rule recognises values by their shape (prefix, charset, length), as
    /// opposed to rules known only by where the value is sent or found.
    pub fn has_shape(&self) -> bool {
        matches!(self.find, Find::Prefix | Find::Near(_)) && !self.prefix.is_empty()
    }

    /// True when `value` has this rule's shape.
    pub fn matches(&self, value: &str) -> bool {
        self.has_shape() && self.shape_ok(value)
    }

    /// True when `value` has this rule's prefix, charset, length and entropy, and passes its
    /// validator, however the rule is found.
    pub fn shape_ok(&self, value: &str) -> bool {
        let Some(rest) = value.strip_prefix(self.prefix) else { return false };
        let n = rest.len();
        n >= self.len.0
            && n <= self.len.1
            && self.charset.accepts(rest)
            && (self.entropy <= 0.0 || entropy(rest) >= f64::from(self.entropy))
            && self.validate.is_none_or(|f| f(value))
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

/// Shannon entropy of `s` in bits per byte.
pub fn entropy(s: &str) -> f64 {
    let b = s.as_bytes();
    if b.is_empty() {
        return 0.0;
    }
    let mut counts = [0u32; 256];
    for &c in b {
        counts[c as usize] += 1;
    }
    let n = b.len() as f64;
    counts
        .iter()
        .filter(|c| **c > 0)
        .map(|&c| {
            let p = f64::from(c) / n;
            -p * p.log2()
        })
        .sum()
}

/// A data rule's own examples (`positive` and `negative` in its `rules/*.toml` file), which a test
/// runs through the file scanner. `{alnum:N}`-style placeholders stand for deterministic filler,
/// so that no secret-shaped literal is committed (see `secrets::samples::expand`).
#[cfg(any(test, feature = "samples"))]
#[derive(Debug)]
pub struct Examples {
    /// Rule id.
    pub rule: &'static str,
    /// The data file.
    pub file: &'static str,
    /// Texts in which the scanner must find this rule.
    pub positive: &'static [&'static str],
    /// Texts in which it must find nothing.
    pub negative: &'static [&'static str],
}

#[cfg(any(test, feature = "samples"))]
include!(concat!(env!("OUT_DIR"), "/data_examples.rs"));

#[cfg(feature = "docs")]
include!(concat!(env!("OUT_DIR"), "/data_headers.rs"));

/// The headers a data rule's credential is meant to travel in (documentation; empty when the
/// rule does not say).
#[cfg(feature = "docs")]
pub fn rule_headers(id: &str) -> &'static [&'static str] {
    RULE_HEADERS.iter().find(|(r, _)| *r == id).map_or(&[], |(_, h)| *h)
}

/// The provider with this id.
pub fn by_id(id: &str) -> Option<&'static Provider> {
    ALL.iter().copied().find(|p| p.id == id)
}

/// Which provider and environment a host belongs to (longest matching domain wins).
pub fn for_host(host: &str) -> Option<(&'static Provider, Option<Env>)> {
    let host = host.trim_end_matches('.').to_ascii_lowercase();
    let mut best: Option<(&'static Provider, &'static HostRule)> = None;
    let last = host.as_bytes().last();
    for p in ALL.iter().copied() {
        for h in p.hosts {
            // Both tests below need the same last byte: most hosts are ruled out by it alone.
            if h.domain.as_bytes().last() != last {
                continue;
            }
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
    let first = value.as_bytes().first();
    for p in ALL.iter().copied() {
        for r in p.keys {
            // Both shape checks below start with the rule's prefix: most of the hundreds of rules
            // are ruled out by its first byte, without a call per rule.
            if r.prefix.as_bytes().first().is_some_and(|b| Some(b) != first) {
                continue;
            }
            // A rule without a prefix is recognised by shape only on its own provider's hosts.
            let here = destination.is_some_and(|d| std::ptr::eq(d, p));
            let hit = r.matches(value) || (here && matches!(r.find, Find::Keyword(_)) && r.shape_ok(value));
            if !hit {
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

/// Recognise one half of a Basic credential: by its shape first, then by what the destination
/// provider expects in that half (a PayPal client secret or a Razorpay key secret has no shape of
/// its own, but the password of a Basic credential sent to PayPal is one).
pub fn classify_basic(value: &str, destination: Option<&'static Provider>, password: bool) -> Option<KeyMatch> {
    if let Some(m) = classify(value, destination) {
        return Some(m);
    }
    let d = destination?;
    if value.trim().chars().count() < 8 || crate::redact::is_showable_placeholder(value) {
        return None;
    }
    let want = if password { Find::BasicPassword } else { Find::BasicUser };
    d.keys.iter().find(|r| r.find == want).map(|rule| KeyMatch { provider: d, rule })
}

/// Every rule of every provider, with its provider.
pub fn all_rules() -> impl Iterator<Item = (&'static Provider, &'static KeyRule)> {
    ALL.iter().copied().flat_map(|p| p.keys.iter().map(move |r| (p, r)))
}

/// The rule with this id, and its provider.
pub fn rule_by_id(id: &str) -> Option<(&'static Provider, &'static KeyRule)> {
    all_rules().find(|(_, r)| r.id == id)
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
    fn charset_tables_match_their_definition() {
        assert!(Charset::tables_in_order());
        for cs in CHARSETS {
            for c in 0..=255u8 {
                assert_eq!(cs.allows(c), cs.allows_slow(c), "{cs:?} {c}");
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
        assert_eq!(for_host("api-m.sandbox.paypal.com").map(|(p, e)| (p.id, e)), Some(("paypal", Some(Env::Sandbox))));
        assert_eq!(for_host("api-m.paypal.com").map(|(p, e)| (p.id, e)), Some(("paypal", Some(Env::Production))));
        assert_eq!(for_host("abc123-checkout-live.adyenpayments.com").map(|(p, e)| (p.id, e)), Some(("adyen", Some(Env::Production))));
        assert_eq!(for_host("checkout-test.adyen.com").map(|(p, e)| (p.id, e)), Some(("adyen", Some(Env::Sandbox))));
        assert_eq!(for_host("connect.squareupsandbox.com").map(|(p, e)| (p.id, e)), Some(("square", Some(Env::Sandbox))));
        assert_eq!(for_host("api.sandbox.braintreegateway.com").map(|(p, e)| (p.id, e)), Some(("braintree", Some(Env::Sandbox))));
        assert_eq!(for_host("identitytoolkit.googleapis.com").map(|(p, _)| p.id), Some("firebase"));
        assert_eq!(for_host("www.googleapis.com").map(|(p, _)| p.id), Some("google"));
        assert_eq!(for_host("xyzcompany.supabase.co").map(|(p, _)| p.id), Some("supabase"));
    }

    #[test]
    fn rules_are_consistent() {
        for (p, r) in all_rules() {
            match r.find {
                Find::Prefix | Find::Near(_) => assert!(!r.prefix.is_empty(), "{}: a shape rule needs a prefix", r.id),
                Find::Keyword(words) => assert!(r.prefix.is_empty() && !words.is_empty(), "{}", r.id),
                Find::BasicPassword | Find::BasicUser => assert!(!p.hosts.is_empty(), "{}: known by destination, needs hosts", r.id),
                Find::Scanner => {}
            }
            if let Find::Near(words) | Find::Keyword(words) = r.find {
                assert!(words.iter().all(|w| !w.is_empty() && w.bytes().all(|b| !b.is_ascii_uppercase())), "{}", r.id);
            }
            assert!(!r.title.is_empty() && !r.env_var.is_empty(), "{}", r.id);
            if r.env_certain {
                assert!(r.env.is_some(), "{}", r.id);
            }
        }
    }

    #[test]
    fn basic_halves_are_known_by_destination() {
        let paypal = by_id("paypal");
        let m = classify_basic("EFAKEqwertyuiopasdfghjklzxcvbnm1234567890", paypal, true).unwrap();
        assert_eq!(m.rule.id, "paypal_client_secret");
        assert_eq!(classify_basic("AFAKEqwertyuiopasdfghjklzxcvbnm1234567890", paypal, false).unwrap().rule.kind, KeyKind::Publishable);
        assert!(classify_basic("short", paypal, true).is_none());
        assert!(classify_basic("EFAKEqwertyuiopasdfghjklzxcvbnm1234567890", None, true).is_none());
    }
}
