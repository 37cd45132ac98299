//! Provider knowledge: one data file per provider, each compiled into a `Provider`.
//!
//! A provider is data: which hosts belong to which environment, which credential formats it
//! issues (secret, publishable, token; sandbox or production), how it wants to be authenticated,
//! and the error bodies it answers a 401 with. Every provider is a data file,
//! `crates/authlens-core/rules/<id>.toml` (format in `docs/secrets.md`), which `build.rs` compiles
//! into the static tables below. Named checks a data file may use live in [`validators`]; rules
//! found by a dedicated scanner of `crate::secrets` name it with `find = "scanner"`. Adding a
//! provider means adding one file.

use serde::Serialize;

pub mod validators;

include!(concat!(env!("OUT_DIR"), "/providers.rs"));

/// Values that carry no secret and are worth showing verbatim (a placeholder is the bug itself).
const SHOWABLE_PLACEHOLDERS: &[&str] = &[
    "", "undefined", "null", "none", "nil", "false", "true", "nan", "[object object]", "bearer",
    "basic", "token", "undefined:undefined", "null:null", ":", "undefined:", "null:",
];

/// True for values like `undefined` or `null` that are safe, and useful, to show as they are.
pub fn is_showable_placeholder(value: &str) -> bool {
    let v = value.trim().to_ascii_lowercase();
    value.len() <= 24 && SHOWABLE_PLACEHOLDERS.contains(&v.as_str())
}

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
    /// Length of the part after the prefix, inclusive (read it with [`KeyRule::len`]; two
    /// bytes each keep the table of hundreds of rules small in the wasm module).
    pub len: (u16, u16),
    /// Secret, publishable or token.
    pub kind: KeyKind,
    /// Environment the prefix stands for.
    pub env: Option<Env>,
    /// False when the prefix is only a hint (Midtrans issued unprefixed sandbox keys too).
    pub env_certain: bool,
    /// Name of the environment variable a reproduction should use in its place; empty when it
    /// is the id in capitals (read it with [`KeyRule::env_var`]: the table then holds no copy).
    pub env_var: &'static str,
    /// Extra check on the whole value (checksums, JWT claims); `None` when shape is enough.
    pub validate: Option<fn(&str) -> bool>,
    /// How the secret scanner finds it.
    pub find: Find,
    /// Shannon entropy (bits per character) the part after the prefix must reach, in tenths of a
    /// bit (`35` for 3.5); 0 for none. One byte: the table holds hundreds of rules.
    pub entropy: u8,
    /// True when the provider takes this key raw in `Authorization`, with no scheme (Checkout.com's
    /// previous platform): a header without a scheme is then not a defect.
    pub bare_ok: bool,
    /// True when the provider's user access tokens share this secret's shape (Twitch's OAuth
    /// tokens and client secrets): a value of it sent in `Authorization` is a user's token, not
    /// the secret (client secrets travel in the token request's body).
    pub user_token_in_authorization: bool,
    /// True when the provider issues the value percent-encoded (X's app-only bearer tokens carry
    /// `%2B`, `%2F`, `%3D`): one layer of URL-encoding in a header is then the value as issued.
    pub percent_encoded: bool,
    /// How code beside the data recognises the value, in the words the rule list prints: after
    /// the shape for a `validate` function (`CRC32 checksum verified`), the whole description for
    /// a dedicated scanner (`Find::Scanner`); empty for generic words. Documentation only (set
    /// it under `#[cfg(feature = "docs")]`; read it with [`KeyRule::recognition`]).
    #[cfg(feature = "docs")]
    pub recognition: &'static str,
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
        entropy: 0,
        bare_ok: false,
        user_token_in_authorization: false,
        percent_encoded: false,
        #[cfg(feature = "docs")]
        recognition: "",
    };

    /// Length of the part after the prefix, inclusive.
    pub fn len(&self) -> (usize, usize) {
        (usize::from(self.len.0), usize::from(self.len.1))
    }

    /// Name of the environment variable a reproduction uses in its place (`STRIPE_SECRET_KEY`).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn env_var(&self) -> String {
        if self.env_var.is_empty() {
            self.id.to_ascii_uppercase()
        } else {
            self.env_var.to_string()
        }
    }

    /// How code beside the data recognises the value, for the documentation (empty without the
    /// `docs` feature, or when the rule does not say).
    pub fn recognition(&self) -> &'static str {
        #[cfg(feature = "docs")]
        return self.recognition;
        #[cfg(not(feature = "docs"))]
        ""
    }

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
        let (min, max) = self.len();
        n >= min
            && n <= max
            && self.charset.accepts(rest)
            && (self.entropy == 0 || entropy(rest) >= f64::from(self.entropy) / 10.0)
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
    /// The provider's remedy for this answer, when it is specific (empty otherwise): put first
    /// among the top cause's fix steps.
    pub fix: &'static str,
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

    /// What the causes need to know of this provider, stated here so that no cause names a
    /// provider (`Facts::NONE` when it has nothing to say).
    pub facts: &'static Facts,
}

/// What the causes read from a provider. Every field has a neutral default
/// (`..Facts::NONE`); `tests/provider_data.rs` fails when a provider lacks a statement a cause
/// relies on. Behind one pointer so that the many providers with nothing to say cost one word.
#[derive(Debug)]
pub struct Facts {
    /// Which endpoints accept a publishable key (`wrong_key_type`). Required when the provider
    /// issues publishable keys.
    pub publishable: PublishableUse,
    /// Values of this provider that are not API keys (object ids, client secrets), recognised when
    /// sent as the key (`wrong_key_type`).
    pub not_keys: &'static [NotKey],
    /// The shape of the secret key a fix names, e.g. `sk_…` (required with `not_keys`).
    pub secret_key_hint: &'static str,
    /// True when the provider's API keys identify a project and travel in the query (`?key=`),
    /// while calls made for someone need an OAuth access token in `Authorization` (Google).
    pub project_api_keys: bool,
    /// Schemes the provider accepts in `Authorization`, lowercase, the preferred first; empty when
    /// not stated (`wrong_auth_scheme`).
    pub schemes: &'static [&'static str],
    /// Paths (prefixes) that accept other schemes than `schemes` (PayPal's token endpoint takes
    /// Basic); the first match wins.
    pub path_schemes: &'static [PathSchemes],
    /// Hosts (substrings) whose routes may sit behind an authorizer of their own (AWS API
    /// Gateway): `schemes` apply there only when the answer speaks of them (`scheme_words`) and no
    /// challenge asks for another scheme.
    pub scheme_unsure_hosts: &'static [&'static str],
    /// Phrases by which the provider's answers speak of its own scheme (lowercase or exact).
    pub scheme_words: &'static [&'static str],
    /// The one spelling of the scheme the provider accepts when it is case-sensitive (Razorpay
    /// takes only `Basic`); empty when any case works.
    pub scheme_exact: &'static str,
    /// A phrase by which the provider refuses username/password Basic credentials (it needs a
    /// token); empty when it has none.
    pub refuses_passwords: &'static str,
    /// The first fix of `insufficient_scope`, where `{need}` stands for the permission named (or
    /// "the permission this endpoint needs"); empty for the generic fix.
    pub scope_fix: &'static str,
    /// True when the project's publishable key identifies the project, not a user: rules that
    /// need a user see an anonymous request unless the signed-in user's token is in
    /// `Authorization` (Firebase, Supabase).
    pub anonymous_project_key: bool,
    /// Query parameters in which the provider documents a credential (`key`, `apikey`).
    pub query_keys: &'static [&'static str],
    /// Query parameters the provider used to read and no longer does, with what to say.
    pub retired_query_keys: &'static [QueryNote],
    /// Hosts are `<project><suffix>` and a token names its project (`ref` claim, or its issuer's
    /// host): the suffix, e.g. `.supabase.co`; empty when not so.
    pub project_host_suffix: &'static str,
    /// The fix when a secret key of this provider is sent in `Authorization` with no scheme;
    /// empty for the generic fix.
    pub no_scheme_fix: &'static str,
    /// Hosts (suffixes) of other services that speak this provider's API but take their own keys
    /// (Azure OpenAI): a key of this provider sent there is a key of the wrong provider.
    pub foreign_hosts: &'static [ForeignHost],
    /// A JSON field of a 2xx answer that carries the real status (Midtrans answers 200 with
    /// `"status_code":"401"`); empty when the HTTP status is the status.
    pub status_in_body: &'static str,
    /// Request headers a reproduction keeps (lowercase): versions, accounts, idempotency keys.
    pub repro_headers: &'static [&'static str],
    /// Literals found inside (not at the start of) a rule's values, which the secret scanner looks
    /// for anywhere: Entra client secrets' `Q~`, HCP Terraform tokens' `.atlasv1.`.
    pub markers: &'static [Marker],
    /// The first fix of `sso_enforcement`: where the provider lets a token be authorised for an
    /// organisation's single sign-on; empty for the generic fix.
    pub sso_fix: &'static str,
    /// Key prefixes that name this provider whatever follows (`sk-ant-`), among APIs whose keys
    /// share one shape: such a key sent to another provider's `api_domains` is a key of the wrong
    /// provider (`damaged_credentials`).
    pub key_home_prefixes: &'static [&'static str],
    /// Domains (matched exactly or as a parent domain) of APIs that take only this provider's
    /// keys, each with the name to give it (`damaged_credentials`).
    pub api_domains: &'static [ApiDomain],
    /// Audiences (`aud`) of the access tokens the provider issues for its own APIs, each with the
    /// host that takes them (Microsoft Graph's): such a token sent elsewhere is for another
    /// audience (`wrong_audience`), whatever the refusal says (a Graph token fails signature checks
    /// anywhere but at Graph).
    pub token_audiences: &'static [Audience],
    /// Hosts (suffixes) of the provider's token endpoint, where a GUID sent as `client_secret` is
    /// the secret's id, not its value (Entra ID shows both).
    pub secret_id_hosts: &'static [&'static str],
    /// The scheme, as spelled, of the provider's own API tokens where OAuth access tokens (JWTs)
    /// take `Bearer` (Okta's `SSWS`); empty when it has none (`wrong_auth_scheme`).
    pub token_scheme: &'static str,
    /// Path prefixes where `token_scheme` applies (Okta's management API, `/api/v1/`).
    pub token_scheme_paths: &'static [&'static str],
    /// Hosts (suffixes) of the provider's services that authenticate callers with an OpenID
    /// Connect ID token, not with the provider's OAuth access tokens (Cloud Run), with their name
    /// (`wrong_token_type`).
    pub id_token_hosts: &'static [ForeignHost],
    /// The fix when one of the provider's access tokens is sent to an `id_token_hosts` service
    /// (required with `id_token_hosts`).
    pub id_token_fix: &'static str,
    /// Issuers (`iss`) whose JWTs are the provider's ID tokens, never its APIs' access tokens
    /// (Google's APIs take opaque `ya29.` access tokens; a JWT from `accounts.google.com` is the
    /// ID token of Sign in with Google).
    pub id_token_issuers: &'static [&'static str],
    /// The fix when one of those ID tokens is sent to the provider's API (required with
    /// `id_token_issuers`).
    pub id_token_issuer_fix: &'static str,
    /// Fragments of the names of the provider's cookies that say nothing about a login (fraud
    /// detection, analytics: Stripe's `__stripe_mid`), lowercase.
    pub non_session_cookies: &'static [&'static str],
    /// A fix step of `wrong_issuer` about the provider's issuers (Entra ID's v1 and v2 hosts),
    /// given with every wrong issuer; empty for none.
    pub issuer_fix: &'static str,
}

impl Provider {
    /// Defaults for the fields a provider file does not set (`..Provider::DEFAULT`).
    pub const DEFAULT: Provider = Provider {
        id: "",
        name: "",
        hosts: &[],
        keys: &[],
        auth: "",
        bodies: &[],
        docs: "",
        empty_401_body: false,
        facts: &Facts::NONE,
    };
}

impl Facts {
    /// Nothing to say (the default).
    pub const NONE: Facts = Facts {
        publishable: PublishableUse::Unstated,
        not_keys: &[],
        secret_key_hint: "",
        project_api_keys: false,
        schemes: &[],
        path_schemes: &[],
        scheme_unsure_hosts: &[],
        scheme_words: &[],
        scheme_exact: "",
        refuses_passwords: "",
        scope_fix: "",
        anonymous_project_key: false,
        query_keys: &[],
        retired_query_keys: &[],
        markers: &[],
        project_host_suffix: "",
        no_scheme_fix: "",
        foreign_hosts: &[],
        status_in_body: "",
        repro_headers: &[],
        sso_fix: "",
        key_home_prefixes: &[],
        api_domains: &[],
        token_audiences: &[],
        secret_id_hosts: &[],
        token_scheme: "",
        token_scheme_paths: &[],
        id_token_hosts: &[],
        id_token_fix: "",
        id_token_issuers: &[],
        id_token_issuer_fix: "",
        non_session_cookies: &[],
        issuer_fix: "",
    };

    /// True when a publishable key is the right credential for `path`, `has_query` telling
    /// whether the query carries a parameter; `None` when the provider does not know.
    pub fn publishable_ok(&self, path: &str, has_query: impl Fn(&str) -> bool) -> Option<bool> {
        match self.publishable {
            PublishableUse::Unstated | PublishableUse::Unknown => None,
            PublishableUse::Paths(paths) => Some(paths.iter().any(|p| match p.split_once('?') {
                None => path.starts_with(p),
                Some((prefix, name)) => path.starts_with(prefix) && has_query(name),
            })),
        }
    }

    /// The schemes accepted at `path` (lowercase, preferred first); empty when not stated.
    pub fn schemes_at(&self, path: &str) -> &'static [&'static str] {
        self.path_schemes.iter().find(|p| path.starts_with(p.path)).map_or(self.schemes, |p| p.schemes)
    }
}

/// Where a provider's publishable key is the right credential.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PublishableUse {
    /// The provider file does not say (a registry test fails when it issues publishable keys).
    Unstated,
    /// Not known: a publishable key is called the wrong kind only on the server's word.
    Unknown,
    /// Path prefixes of the endpoints that accept one; `prefix?name` when the query must carry
    /// `name`. Empty: no API endpoint does (the key belongs to an SDK or a project).
    Paths(&'static [&'static str]),
}

/// A value of a provider that is not an API key.
#[derive(Debug)]
pub struct NotKey {
    /// Its prefix.
    pub prefix: &'static str,
    /// Text it must also contain (`_secret_` in a client secret); empty for none.
    pub contains: &'static str,
    /// What it is, e.g. "a Stripe card token".
    pub what: &'static str,
}

/// Schemes accepted on some paths.
#[derive(Debug)]
pub struct PathSchemes {
    /// Path prefix.
    pub path: &'static str,
    /// Schemes, lowercase, the preferred first.
    pub schemes: &'static [&'static str],
}

/// A literal inside a rule's values that the scanner looks for (`secrets::infix` takes the value
/// around it).
#[derive(Debug)]
pub struct Marker {
    /// The literal (`Q~`).
    pub text: &'static str,
    /// The id of the rule whose values carry it (a rule of the same provider).
    pub rule: &'static str,
}

/// A query parameter with something to say about it.
#[derive(Debug)]
pub struct QueryNote {
    /// The parameter name (compared without case).
    pub name: &'static str,
    /// The sentence evidence shows.
    pub note: &'static str,
}

/// The audience of a provider's own API tokens, and the host of that API.
#[derive(Debug)]
pub struct Audience {
    /// The `aud` value, exactly.
    pub aud: &'static str,
    /// The host (matched exactly or as a parent domain) that takes such tokens.
    pub host: &'static str,
    /// The API's name.
    pub name: &'static str,
}

/// The API a token of this audience is for, when a provider issues such tokens.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn audience(aud: &str) -> Option<&'static Audience> {
    ALL.iter().flat_map(|p| p.facts.token_audiences.iter()).find(|a| a.aud == aud)
}

/// A domain of an API, and the name to give it.
#[derive(Debug)]
pub struct ApiDomain {
    /// The domain, matched exactly or as a parent domain (`anthropic.com`).
    pub domain: &'static str,
    /// The API's name, e.g. "Google Gemini"; empty for the provider's name.
    pub name: &'static str,
}

impl ApiDomain {
    /// True when `host` is the domain or one of its subdomains.
    pub fn matches(&self, host: &str) -> bool {
        host.strip_suffix(self.domain).is_some_and(|r| r.is_empty() || r.ends_with('.'))
    }
}

/// Another service that speaks a provider's API.
#[derive(Debug)]
pub struct ForeignHost {
    /// Host suffix, e.g. `.openai.azure.com`.
    pub suffix: &'static str,
    /// Its name, e.g. "Azure OpenAI".
    pub name: &'static str,
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

include!(concat!(env!("OUT_DIR"), "/data_headers.rs"));

/// The headers a data rule's credential is meant to travel in (lowercase; empty when the rule
/// does not say): documentation, and wrong_auth_scheme's test of where a key was sent.
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
            // A rule known only near its keywords that shares its prefix with a rule found
            // anywhere (Clerk's `sk_live_`, Stripe's) is this value's only when sent to its
            // provider, or when no other rule has the value's shape (then it is still a secret,
            // for redaction): nothing else here says whose it is.
            let weak = !here && matches!(r.find, Find::Near(_)) && shares_prefix(r);
            let better = match best {
                None => true,
                Some(_) if weak => false,
                Some(b) if !destination.is_some_and(|d| std::ptr::eq(d, b.provider)) && matches!(b.rule.find, Find::Near(_)) && shares_prefix(b.rule) => true,
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
    if value.trim().chars().count() < 8 || is_showable_placeholder(value) {
        return None;
    }
    let want = if password { Find::BasicPassword } else { Find::BasicUser };
    d.keys.iter().find(|r| r.find == want).map(|rule| KeyMatch { provider: d, rule })
}

/// True when a rule found anywhere by its prefix has `r`'s prefix too.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn shares_prefix(r: &KeyRule) -> bool {
    all_rules().any(|(_, o)| o.prefix == r.prefix && o.find == Find::Prefix)
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
            assert!(!r.title.is_empty() && !r.env_var().is_empty(), "{}", r.id);
            if r.env_certain {
                assert!(r.env.is_some(), "{}", r.id);
            }
        }
    }

    /// Paystack keys share Stripe's prefixes: 40 lowercase hex after them are Paystack's, unless
    /// sent to Stripe. Assembled at run time: no key-shaped literal in the source.
    #[test]
    fn hex_keys_are_paystack_and_base62_keys_stay_stripe() {
        let hex_key = |prefix: &str| format!("{prefix}{}", "0a1b2c3d4e5f6a7b8c9d".repeat(2));
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

    #[test]
    fn checkout_nas_keys() {
        let rule = |id: &str| rule_by_id(id).map(|(_, r)| r).unwrap();
        let sandbox = rule("checkout_secret_key_sandbox");
        assert!(sandbox.matches("sk_sbox_abcdefghijklmnopqrstuvwxyz2"));
        assert!(sandbox.matches("sk_sbox_abcdefghijklmnopqrstuvwxyz#"));
        assert!(!sandbox.matches("sk_sbox_abcdefghijklmnopqrstuvwxyz"));
        assert!(!sandbox.matches("sk_sbox_ABCDEFGHIJKLMNOPQRSTUVWXYZ2"));
        assert!(!sandbox.matches("sk_sbox_abcdefghijklmnopqrstuvwxé"));
        assert!(!rule("checkout_secret_key").matches("sk_live_abcdefghijklmnopqrstuvwxy"));
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
