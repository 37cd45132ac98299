//! Dedicated scanners for secrets without a prefix of their own, started from keywords the
//! matcher found:
//!
//! - secret-named fields (`client_secret: "…"`, `SECRET_KEY=…`, `"server_key": "…"`) holding a
//!   high-entropy value — attributed to AWS when the name says so, to Twilio when an Account SID
//!   sits nearby;
//! - PEM private-key blocks with a real body — a Google service-account key when the block sits in
//!   a service-account file;
//! - AWS key pairs written positionally (`new Credentials("AKIA…", "<secret>")`).

use std::borrow::Cow;

use super::engine::{contains_word, entropy, plausible_unprefixed, Ctx, Hit, How};
use crate::providers::{self, Find, KeyKind, KeyRule, Provider};
use crate::redact::{normalise_name, secret_name};

/// Longest field name considered.
const MAX_NAME: usize = 64;
/// Longest field value considered.
const MAX_VALUE: usize = 512;

#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn rule(id: &str) -> Option<(&'static Provider, &'static KeyRule)> {
    providers::rule_by_id(id)
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn name_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_' || b == b'-'
}

/// Bytes of the part of a name before its keyword: also `.`, as in dotted property keys
/// (`app.aws.secretkey=…`) and member paths (`config.clientSecret = "…"`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn name_head_byte(b: u8) -> bool {
    name_byte(b) || b == b'.'
}

/// A secret-named field at the keyword `kw_start..kw_end`. Returns the hit (if the value is a
/// secret) and the end of the name, so that other keywords inside the same name are skipped.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn secret_field<'t>(text: &'t str, kw_start: usize, kw_end: usize, ctx: &Ctx) -> Option<(Option<Hit<'t>>, usize)> {
    let b = text.as_bytes();
    let mut ns = kw_start;
    // Stop at an escape (`\nSECRET=`): the letter after a backslash is not part of the name.
    while ns > 0 && kw_start - ns < MAX_NAME && name_head_byte(b[ns - 1]) && !(ns >= 2 && b[ns - 2] == b'\\') {
        ns -= 1;
    }
    let mut ne = kw_end;
    while ne < b.len() && ne - kw_end < MAX_NAME && name_byte(b[ne]) {
        ne += 1;
    }
    let name = text.get(ns..ne)?;
    Some((field_value(text, name, ns, ne, ctx), ne))
}

/// True when only blanks (and an `export ` keyword) precede `at` on its line. A real newline or a
/// `\n` escape (a config file inside a JSON string, as in source maps) starts a line. Walks back
/// over the blanks only: a minified bundle is one long line.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn starts_line(b: &[u8], at: usize) -> bool {
    let mut i = at;
    if i >= 7 && &b[i - 7..i] == b"export " {
        i -= 7;
    }
    while i > 0 && (b[i - 1] == b' ' || b[i - 1] == b'\t') {
        i -= 1;
    }
    i == 0 || b[i - 1] == b'\n' || (i >= 2 && &b[i - 2..i] == b"\\n")
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn field_value<'t>(text: &'t str, name: &str, name_start: usize, after_name: usize, ctx: &Ctx) -> Option<Hit<'t>> {
    let norm = normalise_name(name);
    let twilio = norm.ends_with("authtoken");
    let secret = secret_name(name);
    // A name that says credential but not secret (`token`, `apiKey`, `password`): its value is
    // a server's secret only beside the URL of an API that takes no public key (below).
    let api = !secret && api_credential_name(&norm);
    if !twilio && !secret && !api {
        return None;
    }
    let b = text.as_bytes();
    // A query parameter written in a URL of the code (`…/sms/json?api_key=…&api_secret=…`).
    if name_start > 0 && matches!(b[name_start - 1], b'?' | b'&') && b.get(after_name) == Some(&b'=') {
        let vs = after_name + 1;
        let mut j = vs;
        while j < b.len() && j - vs <= MAX_VALUE && (b[j].is_ascii_alphanumeric() || b"+/=_.~-%".contains(&b[j])) {
            j += 1;
        }
        let value = text.get(vs..j)?;
        return field_hit(text, name, name_start, vs, j, value, secret);
    }
    let mut i = after_name;
    // JSON inside a string (a source map's `sourcesContent`): `\"clientSecret\":\"…\"`.
    let mut escaped = b.get(i) == Some(&b'\\') && b.get(i + 1).is_some_and(|c| *c == b'"' || *c == b'\'');
    if escaped {
        i += 1;
    }
    if b.get(i).is_some_and(|c| *c == b'"' || *c == b'\'') {
        i += 1;
    }
    while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
        i += 1;
    }
    let sep = *b.get(i)?;
    if sep != b':' && sep != b'=' {
        return None;
    }
    i += 1;
    if b.get(i).is_some_and(|c| *c == b'>' || *c == b'=') {
        i += 1; // `=>`, `==` is a comparison but its literal is still a secret
    }
    while b.get(i).is_some_and(|c| *c == b' ' || *c == b'\t') {
        i += 1;
    }
    // The value's opening quote is escaped too (`\"clientSecret\":\"…\"`), or only the value is
    // quoted, in code inside a JSON string (`const PASSPHRASE = \"…\"` in `sourcesContent`).
    if b.get(i) == Some(&b'\\') && b.get(i + 1).is_some_and(|c| *c == b'"' || *c == b'\'') {
        escaped = true;
        i += 1;
    }
    let (vs, ve) = match *b.get(i)? {
        q @ (b'"' | b'\'' | b'`') if escaped && b.get(i - 1) == Some(&b'\\') => {
            let vs = i + 1;
            let mut j = vs;
            while j < b.len() && j - vs <= MAX_VALUE && b[j] != b'\\' {
                if b[j] == b'\n' || b[j] == q {
                    return None;
                }
                j += 1;
            }
            if b.get(j + 1) != Some(&q) {
                return None;
            }
            (vs, j)
        }
        q @ (b'"' | b'\'' | b'`') => {
            let vs = i + 1;
            let mut j = vs;
            while j < b.len() && j - vs <= MAX_VALUE && b[j] != q {
                if b[j] == b'\\' || b[j] == b'\n' {
                    return None;
                }
                j += 1;
            }
            if b.get(j) != Some(&q) {
                return None;
            }
            (vs, j)
        }
        _ => {
            // Unquoted values only in line-oriented config (`.env`, YAML, properties): the name
            // starts its line and the value ends it. In code, an unquoted value is an expression.
            if !starts_line(b, name_start) {
                return None;
            }
            let vs = i;
            let mut j = vs;
            while j < b.len() && j - vs <= MAX_VALUE && (b[j].is_ascii_alphanumeric() || b"+/=_.~-".contains(&b[j])) {
                j += 1;
            }
            let mut k = j;
            while b.get(k).is_some_and(|c| *c == b' ' || *c == b'\t' || *c == b'\r') {
                k += 1;
            }
            let escaped_eol = b.get(k) == Some(&b'\\') && b.get(k + 1).is_some_and(|c| *c == b'n' || *c == b'r');
            if !escaped_eol && !b.get(k).is_none_or(|c| *c == b'\n' || *c == b'#') {
                return None;
            }
            (vs, j)
        }
    };
    let value = text.get(vs..ve)?;
    let field = |p, r| Some(Hit { start: vs, end: ve, rule: r, provider: p, value: Cow::Borrowed(value), env: None, how: How::Field(name.to_string()) });
    if twilio {
        let ok = value.len() == 32
            && value.bytes().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(&c))
            && has_twilio_sid(&b[vs.saturating_sub(1024)..(ve + 1024).min(b.len())]);
        if ok {
            let (p, r) = rule("twilio_auth_token")?;
            return field(p, r);
        }
        return field_hit(text, name, name_start, vs, ve, value, false);
    }
    if !secret {
        return field_hit(text, name, name_start, vs, ve, value, false);
    }
    if !secret_like(value) {
        // Too short or plain for a secret of unknown shape, but maybe the shape of a secret of
        // the API whose URL is beside it (Plaid's 30 hex).
        let p = url_provider(b, name_start, ve)?;
        let r = shaped(p, KeyKind::Secret, value).filter(|_| plausible_unprefixed(value))?;
        return field(p, r);
    }
    let aws = norm.contains("secretaccesskey") || norm.contains("awssecret") || has_aws_id(&b[vs.saturating_sub(512)..(ve + 512).min(b.len())]);
    if aws && value.len() == 40 {
        let (p, r) = rule("aws_secret_access_key")?;
        return field(p, r);
    }
    let _ = ctx;
    field_hit(text, name, name_start, vs, ve, value, true)
}

/// Normalised names ([`normalise_name`]) of fields that hold an API's credential without saying
/// it is a secret: what SDK constructors and request options call it (`{token: …}`,
/// `{apiKey: …}`, `auth: {username, password}`, `?api_key=`).
const API_FIELD_NAMES: &[&str] = &["token", "key", "password", "authorization", "apikey", "apitoken", "accesstoken", "accesskey", "authkey", "bearertoken"];

/// True for a credential name of [`API_FIELD_NAMES`], alone or after a qualifier
/// (`upstashToken`, `VITE_TOGETHER_API_KEY`); `key` and `password` only alone or after `api`/
/// `auth` (`publicKey`, `siteKey` and `confirmPassword` are something else).
fn api_credential_name(norm: &str) -> bool {
    API_FIELD_NAMES.iter().any(|n| norm == *n || (n.len() > 5 && norm.ends_with(n)) || (*n == "token" && norm.ends_with("token") && !norm.ends_with("csrftoken") && !norm.ends_with("xsrftoken")))
}

/// The hit for a value in a credential field at `vs..ve`. A secret-named field (`secret`) is
/// reported as a secret when its value looks like one ([`secret_like`], the caller's test);
/// another credential name only when the code writes an API's URL beside it
/// ([`api_credential`]).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn field_hit<'t>(text: &'t str, name: &str, name_start: usize, vs: usize, ve: usize, value: &'t str, secret: bool) -> Option<Hit<'t>> {
    if !secret_like(value) {
        return None;
    }
    let b = text.as_bytes();
    let basic = normalise_name(name).ends_with("password");
    // A secret-named field beside an API's URL is that API's secret when it has its shape.
    let attributed = || api_credential(b, name_start, ve, value, basic).filter(|(_, r)| r.find != Find::Scanner);
    let (p, r) = if secret {
        attributed().or_else(|| rule("generic_secret"))?
    } else {
        api_credential(b, name_start, ve, value, basic).or_else(|| provider_credential(named_provider(name)?, value, basic))?
    };
    Some(Hit { start: vs, end: ve, rule: r, provider: p, value: Cow::Borrowed(value), env: None, how: How::Field(name.to_string()) })
}

/// What a credential written in code at `start..end` is, judged by the API whose URL the code
/// writes beside it ([`url_provider`]). Nothing when it has the shape of one of that provider's
/// public keys, or when the provider has public keys known by shape alone (which one this is
/// cannot be told). That provider's secret when it has its shape, or, for the password of a
/// Basic pair (`basic`), the provider's Basic secret. Nothing when the provider's secrets have
/// known shapes and this value has none of them (it is something else). Otherwise a
/// credential of that API written into the code (`api_credential_in_code`, named with the
/// provider). None without such a URL.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn api_credential(b: &[u8], start: usize, end: usize, value: &str, basic: bool) -> Option<(&'static Provider, &'static KeyRule)> {
    provider_credential(url_provider(b, start, end)?, value, basic)
}

/// The rule of `p`'s of this kind that is known by its shape alone (a keyword rule) and that
/// `value` has the shape of.
fn shaped(p: &'static Provider, kind: KeyKind, value: &str) -> Option<&'static KeyRule> {
    p.keys.iter().find(|r| r.kind == kind && matches!(r.find, Find::Keyword(_)) && r.shape_ok(value))
}

/// A secret of a known format that its rule alone would not find here (a rule that wants its
/// provider's name near the value, or a keyword rule sent to `dest`): found after a scheme or
/// in a Basic pair, where the code says it is a credential.
fn known_secret(value: &str, dest: Option<&'static Provider>) -> Option<providers::KeyMatch> {
    providers::classify(value, dest).filter(|m| m.rule.kind == KeyKind::Secret && !matches!(m.rule.find, Find::Prefix))
}

/// The provider a credential field names (`VITE_TOGETHER_API_KEY`, `fireworksApiKey`): one of the
/// name's words (split at `_`, `-`, `.` and camelCase) is a provider's id. Only providers with
/// hosts: the others are scanners' groupings, not APIs.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn named_provider(name: &str) -> Option<&'static Provider> {
    let mut words: Vec<String> = Vec::new();
    let mut cur = String::new();
    let mut prev_lower = false;
    for c in name.chars() {
        if (!c.is_ascii_alphanumeric() || (c.is_ascii_uppercase() && prev_lower)) && !cur.is_empty() {
            words.push(std::mem::take(&mut cur));
        }
        prev_lower = c.is_ascii_lowercase() || c.is_ascii_digit();
        if c.is_ascii_alphanumeric() {
            cur.push(c.to_ascii_lowercase());
        }
    }
    words.push(cur);
    words.iter().filter(|w| w.len() >= 4).find_map(|w| providers::by_id(w).filter(|p| !p.hosts.is_empty()))
}

/// [`api_credential`] for a known provider.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn provider_credential(p: &'static Provider, value: &str, basic: bool) -> Option<(&'static Provider, &'static KeyRule)> {
    let keyword = |r: &KeyRule| matches!(r.find, Find::Keyword(_));
    if p.keys.iter().any(|r| r.kind == KeyKind::Publishable && keyword(r)) {
        return None;
    }
    if let Some(r) = shaped(p, KeyKind::Secret, value) {
        return Some((p, r));
    }
    if let Some(r) = p.keys.iter().find(|r| basic && r.kind == KeyKind::Secret && r.find == Find::BasicPassword) {
        return Some((p, r));
    }
    // Every secret of this provider has a known shape, and this value has none of them.
    if p.keys.iter().any(|r| r.kind == KeyKind::Secret && (r.has_shape() || keyword(r))) {
        return None;
    }
    let (_, r) = rule("api_credential_in_code")?;
    Some((p, r))
}

/// True when a value in a secret-named field looks like a real secret: long enough, random
/// enough, and not something else (a URL, a template, a UUID, a JWT, a known key format —
/// known formats are reported by their own rule, or are not secrets).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn secret_like(v: &str) -> bool {
    let n = v.len();
    if !(16..=MAX_VALUE).contains(&n) || v.bytes().any(|c| c.is_ascii_whitespace() || c.is_ascii_control() || !c.is_ascii()) {
        return false;
    }
    if v.contains("://") || v.starts_with('/') || v.starts_with("./") || v.starts_with('-') || v.starts_with("eyJ") {
        return false;
    }
    if ["${", "{{", "%", "<", "process.env", "import.meta", "_secret_"].iter().any(|m| v.contains(m)) {
        return false;
    }
    if providers::is_uuid(v) || providers::classify(v, None).is_some() || !plausible_unprefixed(v) {
        return false;
    }
    // Dotted identifiers (`config.auth.secret`).
    if v.contains('.') && v.split('.').all(|s| s.bytes().all(|c| c.is_ascii_alphabetic() || c == b'_')) {
        return false;
    }
    let hex = v.bytes().all(|c| c.is_ascii_hexdigit());
    if hex {
        return n >= 32 && entropy(v) >= 3.0;
    }
    let letters = v.bytes().any(|c| c.is_ascii_alphabetic());
    let digits = v.bytes().any(|c| c.is_ascii_digit() || b"+/".contains(&c));
    letters && digits && entropy(v) >= 3.5
}

/// `AC` + 32 lowercase hex, as a token.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn has_twilio_sid(w: &[u8]) -> bool {
    memchr::memmem::find_iter(w, b"AC").any(|i| {
        w.get(i + 2..i + 34).is_some_and(|x| x.iter().all(|c| c.is_ascii_digit() || (b'a'..=b'f').contains(c)))
            && (i == 0 || !w[i - 1].is_ascii_alphanumeric())
            && w.get(i + 34).is_none_or(|c| !c.is_ascii_alphanumeric())
    })
}

/// `AKIA`/`ASIA` + 16 uppercase alphanumerics, as a token.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn aws_id_at(w: &[u8], i: usize) -> bool {
    w.get(i..i + 20).is_some_and(|x| {
        (x.starts_with(b"AKIA") || x.starts_with(b"ASIA")) && x[4..].iter().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
    }) && (i == 0 || !w[i - 1].is_ascii_alphanumeric())
        && w.get(i + 20).is_none_or(|c| !c.is_ascii_alphanumeric())
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn has_aws_id(w: &[u8]) -> bool {
    memchr::memmem::find_iter(w, b"KIA").chain(memchr::memmem::find_iter(w, b"SIA")).any(|i| i > 0 && aws_id_at(w, i - 1))
}

/// How far before a hard-coded `Bearer` token the URL it is sent to is looked for (the `fetch`
/// or `axios` call it sits in), and how far after (a client created with its headers first).
const URL_BEFORE: usize = 512;
const URL_AFTER: usize = 256;

/// The Authorization schemes whose hard-coded tokens [`bearer_literal`] looks at (matched
/// case-insensitively, with the space that ends the scheme).
pub(crate) const SCHEME_LITERALS: &[&str] = &["bearer ", "token ", "bot ", "deepl-auth-key "];

/// A token hard-coded after `Bearer ` or `Token ` at the start of a string literal
/// (`headers:{Authorization:"Bearer …"}`): a credential every visitor receives with the bundle.
/// `kw_start..kw_end` is the scheme and its space. A token of a known format is left to its rule
/// (its prefix is found on its own), a JWT to the JWT rules. A prefix-less token sent to a
/// provider whose URL the code writes beside it is not reported when it has the shape of one of
/// that provider's publishable keys, and is that provider's secret key when it has the shape of
/// one; any other random-looking token is `bearer_token_in_code`.
pub(crate) fn bearer_literal(text: &str, kw_start: usize, kw_end: usize) -> Option<Hit<'_>> {
    let b = text.as_bytes();
    let q = *b.get(kw_start.checked_sub(1)?)?;
    if !matches!(q, b'"' | b'\'' | b'`') || b.get(kw_end.checked_sub(1)?) != Some(&b' ') {
        return None;
    }
    let mut j = kw_end;
    // `:` for keys with a suffix (DeepL's `…:fx`).
    while j < b.len() && j - kw_end <= MAX_VALUE && (b[j].is_ascii_alphanumeric() || b"-._~+/=:".contains(&b[j])) {
        j += 1;
    }
    // The literal is the scheme and the token, nothing else (`"Bearer " + token` is not).
    if b.get(j) != Some(&q) {
        return None;
    }
    let token = text.get(kw_end..j)?;
    let hit = |p, r| Some(Hit { start: kw_end, end: j, rule: r, provider: p, value: Cow::Borrowed(token), env: None, how: How::Plain });
    let dest = url_provider(b, kw_start, j);
    // Discord's bot token after `Bot `, in a call to discord.com.
    if let Some(m) = known_secret(token, dest) {
        return hit(m.provider, m.rule);
    }
    // `secret_like` also leaves known formats and JWTs to their own rules.
    if !secret_like(token) {
        return None;
    }
    if let Some(p) = dest {
        // A shape the provider also gives its public keys is not claimed as a secret.
        if shaped(p, KeyKind::Publishable, token).is_some() {
            return None;
        }
        if let Some(r) = shaped(p, KeyKind::Secret, token) {
            return hit(p, r);
        }
    }
    let (p, r) = rule("bearer_token_in_code")?;
    hit(p, r)
}

/// A Basic credential built in code from a literal pair (`btoa("user:secret")`), at the
/// `btoa(` that `kw_start..kw_end` matched. The secret half is a Twilio auth token after an
/// Account SID; beside an API's URL it is judged as [`api_credential`] does; otherwise it is a
/// credential written into the code. A secret of a known format is left to its own rule.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn btoa_pair(text: &str, kw_end: usize) -> Option<Hit<'_>> {
    let b = text.as_bytes();
    let q = *b.get(kw_end)?;
    if !matches!(q, b'"' | b'\'' | b'`') {
        return None;
    }
    let vs = kw_end + 1;
    let len = b.get(vs..(vs + MAX_VALUE).min(b.len()))?.iter().position(|c| *c == q || *c == b'\\' || *c == b'\n')?;
    if b.get(vs + len) != Some(&q) {
        return None;
    }
    let pair = text.get(vs..vs + len)?;
    let (user, secret) = pair.split_once(':')?;
    let (ss, se) = (vs + user.len() + 1, vs + len);
    let hit = |p, r| Some(Hit { start: ss, end: se, rule: r, provider: p, value: Cow::Borrowed(secret), env: None, how: How::Scanner });
    let dest = url_provider(b, kw_end, se);
    if let Some(m) = known_secret(secret, dest) {
        return hit(m.provider, m.rule);
    }
    if !secret_like(secret) {
        return None;
    }
    let twilio = user.len() == 34 && has_twilio_sid(user.as_bytes()) && secret.len() == 32 && secret.bytes().all(|c| c.is_ascii_hexdigit());
    let (p, r) = match dest {
        _ if twilio => rule("twilio_auth_token")?,
        Some(d) => provider_credential(d, secret, true)?,
        None => rule("api_credential_in_code")?,
    };
    hit(p, r)
}

/// The provider of the nearest URL written before `start` (within [`URL_BEFORE`] bytes) or, when
/// there is none, after `end` (within [`URL_AFTER`]).
fn url_provider(b: &[u8], start: usize, end: usize) -> Option<&'static Provider> {
    let host_at = |i: usize| {
        let h = &b[i..];
        let n = h.iter().take(253).take_while(|c| c.is_ascii_alphanumeric() || **c == b'.' || **c == b'-').count();
        std::str::from_utf8(&h[..n]).ok().and_then(providers::for_host).map(|(p, _)| p)
    };
    let before = &b[start.saturating_sub(URL_BEFORE)..start];
    if let Some(i) = memchr::memmem::rfind(before, b"://") {
        return host_at(start.saturating_sub(URL_BEFORE) + i + 3);
    }
    let after = &b[end..(end + URL_AFTER).min(b.len())];
    memchr::memmem::find(after, b"://").and_then(|i| host_at(end + i + 3))
}

/// An AWS secret written next to its access key id: a quoted 40-character value within 256 bytes
/// after the id (`new Credentials("AKIA…", "…")`, `{accessKeyId:"AKIA…",secretAccessKey:"…"}`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn aws_pair(text: &str, start: usize) -> Option<Hit<'_>> {
    let b = text.as_bytes();
    if !aws_id_at(b, start) {
        return None;
    }
    let from = start + 20;
    let to = (from + 256).min(b.len());
    let mut i = from;
    while i < to {
        let q = b[i];
        if matches!(q, b'"' | b'\'' | b'`') && b.get(i + 41) == Some(&q) {
            let v = &b[i + 1..i + 41];
            if v.iter().all(|c| c.is_ascii_alphanumeric() || *c == b'/' || *c == b'+') {
                let value = text.get(i + 1..i + 41)?;
                let mixed = v.iter().any(u8::is_ascii_uppercase) && v.iter().any(u8::is_ascii_lowercase) && v.iter().any(|c| c.is_ascii_digit() || *c == b'/' || *c == b'+');
                if mixed && entropy(value) >= 4.0 && plausible_unprefixed(value) {
                    let (p, r) = rule("aws_secret_access_key")?;
                    return Some(Hit { start: i + 1, end: i + 41, rule: r, provider: p, value: value.into(), env: None, how: How::Scanner });
                }
            }
        }
        i += 1;
    }
    None
}

/// A PEM private-key block with a real body. JSON-escaped newlines (`\n`) are accepted, since
/// keys in service-account files and bundles are written that way.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn pem_block(text: &str, start: usize) -> Option<Hit<'_>> {
    let b = text.as_bytes();
    let head_start = start + "-----BEGIN ".len();
    if b.get(start..head_start) != Some(b"-----BEGIN ".as_slice()) {
        return None;
    }
    let label_len = b.get(head_start..(head_start + 48).min(b.len()))?.windows(5).position(|w| w == b"-----")?;
    let label = text.get(head_start..head_start + label_len)?;
    if !label.contains("PRIVATE KEY") || !label.bytes().all(|c| c.is_ascii_uppercase() || c == b' ') {
        return None;
    }
    let body_start = head_start + label_len + 5;
    let window = b.get(body_start..(body_start + 16 * 1024).min(b.len()))?;
    let body_len = memchr::memmem::find(window, b"-----END")?;
    let body = &window[..body_len];
    // Count base64 characters, skipping `\n`-style escapes and whitespace.
    let mut chars = Vec::with_capacity(body.len());
    let mut k = 0;
    while k < body.len() {
        let c = body[k];
        if c == b'\\' {
            k += 2;
            continue;
        }
        if c.is_ascii_alphanumeric() || c == b'+' || c == b'/' || c == b'=' {
            chars.push(c);
        } else if !(c.is_ascii_whitespace() || b":-,\"'".contains(&c)) {
            // Quotes: a key written as concatenated string literals, one line each.
            return None; // prose or markup, not a key body
        }
        k += 1;
    }
    let body_text = std::str::from_utf8(&chars).ok()?;
    // A key body is long and random as a whole; an OpenSSH body holds runs of `A` (zero
    // length fields), so the per-value placeholder test does not apply, only its words.
    if chars.len() < 64 || entropy(body_text) < 4.5 || contains_word(&chars, &["example", "placeholder", "xxxxxxxx", "redacted"]) {
        return None;
    }
    let end_marker = body_start + body_len;
    let close = b.get(end_marker + 8..(end_marker + 8 + 64).min(b.len()))?.windows(5).position(|w| w == b"-----")?;
    let end = end_marker + 8 + close + 5;
    let value = text.get(start..end)?;
    let around = &b[start.saturating_sub(4096)..(end + 4096).min(b.len())];
    let id = if contains_word(around, &["service_account", "gserviceaccount.com"]) { "google_service_account_key" } else { "pem_private_key" };
    let (p, r) = rule(id)?;
    Some(Hit { start, end, rule: r, provider: p, value: value.into(), env: None, how: How::Scanner })
}

/// Kind of what a field scanner found, for callers that only want secrets.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn is_secret(h: &Hit) -> bool {
    h.rule.kind == KeyKind::Secret
}

#[cfg(test)]
mod tests {
    use super::super::engine::scan;
    use super::*;

    fn ids(text: &str) -> Vec<&'static str> {
        scan(text, &Ctx::default()).into_iter().filter(is_secret).map(|h| h.rule.id).collect()
    }

    const RANDOM40: &str = "q7Lm2Vx9Rt4Kp8Zc3Hb6Nw1Jd5Fg0Ys2Ea7Uo9Ti";

    #[test]
    fn secret_named_fields() {
        assert_eq!(ids(&format!("{{\"client_secret\":\"{}\"}}", &RANDOM40[..32])), vec!["generic_secret"]);
        assert_eq!(ids(&format!("SERVER_KEY={}\n", &RANDOM40[..24])), vec!["generic_secret"]);
        assert_eq!(ids(&format!("const c={{secretKey:'{}'}}", &RANDOM40[..30])), vec!["generic_secret"]);
        // Not secrets: names, short values, prose, templates, UUIDs, per-user names.
        assert!(ids("secret:\"mySecretName\"").is_empty());
        assert!(ids("\"secret\":\"a secret with spaces in it\"").is_empty());
        assert!(ids("secret=${SECRET_FROM_ENV_VARIABLE_1}").is_empty());
        assert!(ids("\"client_secret\":\"123e4567-e89b-12d3-a456-426614174000\"").is_empty());
        assert!(ids(&format!("oauth_token_secret={RANDOM40}")).is_empty());
        // Any other token secret is the developer's own (Mux's token secret, an OAuth 1.0a app's
        // own access token secret).
        assert_eq!(ids(&format!("MUX_TOKEN_SECRET={RANDOM40}\n")), vec!["generic_secret"]);
        assert_eq!(ids(&format!("const t={{accessTokenSecret:\"{RANDOM40}\"}}")), vec!["generic_secret"]);
        assert!(ids("secret:n.secret,").is_empty());
        assert!(ids("    generate_private_key: x25519_generate_private_key,\n").is_empty());
        assert!(ids("    let raw_private_key: Curve25519SeedBin<'_> = k;\n").is_empty());
        assert_eq!(ids(&format!("  export API_SECRET={}  # prod\n", &RANDOM40[..24])), vec!["generic_secret"]);
        assert_eq!(ids(&format!("client_secret: {}\r\n", &RANDOM40[..24])), vec!["generic_secret"]);
        assert_eq!(ids(&format!("\"sourcesContent\":[\"A=1\\nSECRET_KEY={}\\nB=2\"]", &RANDOM40[..24])), vec!["generic_secret"]);
        // Code inside a JSON string with only its value quoted (a source map's sourcesContent).
        assert_eq!(ids(&format!("\"sourcesContent\":[\"const clientSecret = \\\"{}\\\";\"]", &RANDOM40[..24])), vec!["generic_secret"]);
        // The passphrase of a private key unlocks it.
        assert_eq!(ids(&format!("const PASSPHRASE = \"{}\";", &RANDOM40[..20])), vec!["generic_secret"]);
        assert!(ids("passphrase: options.passphrase,").is_empty());
    }

    #[test]
    fn aws_pairs() {
        let id = "AKIA2QWERTYUIOP4ASDF";
        assert_eq!(ids(&format!("new Credentials(\"{id}\", \"{RANDOM40}\")")), vec!["aws_secret_access_key"]);
        assert_eq!(ids(&format!("AWS_SECRET_ACCESS_KEY={RANDOM40}")), vec!["aws_secret_access_key"]);
        // An access key id alone (a presigned URL) is not a secret.
        assert!(ids(&format!("X-Amz-Credential={id}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request")).is_empty());
    }

    #[test]
    fn twilio_token_needs_its_sid() {
        let sid = "AC0123456789abcdef0123456789abcdef";
        let tok = "9f8e7d6c5b4a39281706f5e4d3c2b1a0";
        assert_eq!(ids(&format!("{{accountSid:\"{sid}\",authToken:\"{tok}\"}}")), vec!["twilio_auth_token"]);
        assert!(ids(&format!("{{authToken:\"{tok}\"}}")).is_empty(), "a user's auth token");
    }

    #[test]
    fn pem_blocks() {
        let body: String = (0..256).map(|i| RANDOM40.as_bytes()[(i * 7) % 40] as char).collect();
        let pem = format!("-----BEGIN PRIVATE KEY-----\\n{}\\n{}\\n-----END PRIVATE KEY-----\\n", &body[..128], &body[128..]);
        assert_eq!(ids(&format!("{{\"private_key\":\"{pem}\"}}")), vec!["pem_private_key"]);
        assert_eq!(ids(&format!("{{\"type\":\"service_account\",\"private_key\":\"{pem}\"}}")), vec!["google_service_account_key"]);
        assert!(ids("-----BEGIN PRIVATE KEY-----\n...\n-----END PRIVATE KEY-----").is_empty());
        assert!(ids("-----BEGIN PUBLIC KEY-----\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA\n-----END PUBLIC KEY-----").is_empty());
    }
}

#[cfg(test)]
mod field_forms {
    use super::super::engine::scan;
    use super::super::samples::expand;
    use super::*;

    #[test]
    fn dotted_names_and_escaped_json() {
        let v = expand("{alnum:40}", 7);
        let dotted = format!("foo.backup.archive.aws.secretkey={v}\n");
        assert_eq!(scan(&dotted, &Ctx::default()).len(), 1, "{dotted}");
        let escaped = format!(r#"{{"sourcesContent":["const c = {{\"clientSecret\":\"{v}\"}};"]}}"#);
        let hits = scan(&escaped, &Ctx::default());
        assert_eq!(hits.len(), 1, "{escaped}");
        assert_eq!(hits[0].value, v);
        assert!(is_secret(&hits[0]));
        // An escaped empty or templated value is not a secret.
        assert!(scan(r#""{\"clientSecret\":\"\"}""#, &Ctx::default()).is_empty());
    }
}

#[cfg(test)]
mod beside_api_urls {
    use super::super::engine::scan;
    use super::super::samples::expand;
    use super::*;

    fn found(text: &str) -> Vec<(&'static str, &'static str)> {
        scan(text, &Ctx::default()).into_iter().filter(is_secret).map(|h| (h.rule.id, h.provider.id)).collect()
    }

    #[test]
    fn credential_fields_beside_an_api_url() {
        let v = expand("{alnum:44}", 3);
        // A token beside the database's REST URL: Upstash's, named so.
        assert_eq!(found(&format!(r#"new Redis({{url:"https://finer-coral-39542.upstash.io",token:"{v}"}})"#)), vec![("api_credential_in_code", "upstash")]);
        // The same field without a URL, or beside an unknown host, says nothing.
        assert!(found(&format!(r#"const o={{token:"{v}"}}"#)).is_empty());
        assert!(found(&format!(r#"fetch("https://api.example.org/x",{{headers:{{}}}});const o={{apiKey:"{v}"}}"#)).is_empty());
        // Beside a provider whose public keys have no prefix (Algolia's search key), or whose
        // secrets all have a known shape this value lacks (Stripe), it is not claimed.
        let hex = expand("{hex:32}", 4);
        assert!(found(&format!(r#"const c={{url:"https://ABC123-dsn.algolia.net/1/indexes",apiKey:"{hex}"}}"#)).is_empty());
        assert!(found(&format!(r#"fetch("https://api.stripe.com/v1/charges",{{key:"{v}"}})"#)).is_empty());
        // A Basic password beside the API's URL is the provider's Basic secret.
        let secret = expand("{b64:75}", 5);
        let mux = format!(r#"axios.create({{baseURL:"https://api.mux.com",auth:{{username:"{}",password:"{secret}"}}}})"#, expand("{uuid}", 6));
        assert_eq!(found(&mux), vec![("mux_token_secret", "mux")]);
        // A query parameter of a URL in code, by its provider's shape.
        let q = format!(r#"const u="https://rest.nexmo.com/sms/json?api_key=5161245f&api_secret={}";"#, expand("{alnum:16}", 7));
        assert_eq!(found(&q), vec![("vonage_api_secret", "vonage")]);
        // A bare key in an Authorization header written beside the provider's URL.
        let aai = format!(r#"fetch("https://api.assemblyai.com/v2/transcript",{{headers:{{Authorization:"{hex}"}}}})"#);
        assert_eq!(found(&aai), vec![("assemblyai_api_key", "assemblyai")]);
        // A name that names the provider (a build tool's inlined environment).
        assert_eq!(found(&format!(r#"const e={{VITE_TOGETHER_API_KEY:"{}"}}"#, expand("{hex:64}", 8))), vec![("api_credential_in_code", "together")]);
        assert!(found(&format!(r#"const e={{VITE_MONKEY_API_KEY:"{}"}}"#, expand("{hex:64}", 8))).is_empty());
    }

    #[test]
    fn btoa_pairs() {
        let sid = "AC19f37ac173396d4aac8bc5407d6defd1";
        let tok = expand("{hex:32}", 9);
        assert_eq!(found(&format!(r#"headers:{{Authorization:"Basic "+btoa("{sid}:{tok}")}}"#)), vec![("twilio_auth_token", "twilio")]);
        assert_eq!(found(&format!(r#"btoa("admin:{}")"#, expand("{alnum:32}", 10))), vec![("api_credential_in_code", "apicode")]);
        assert!(found(r#"btoa("user:password")"#).is_empty());
        assert!(found(r#"btoa(user+":"+pass)"#).is_empty());
    }

    #[test]
    fn keys_that_share_a_prefix_go_by_the_name_beside_them() {
        let k = expand("sk_live_{alnum:42}", 11);
        assert_eq!(found(&format!("CLERK_SECRET_KEY={k}\n")), vec![("clerk_secret_key_live", "clerk")]);
        assert_eq!(found(&format!("STRIPE_SECRET_KEY={k}\n")), vec![("stripe_secret_key_live", "stripe")]);
        assert_eq!(found(&format!("const k=\"{k}\";")), vec![("stripe_secret_key_live", "stripe")]);
        let g = expand("AIza{b64url:35}", 12);
        assert_eq!(found(&format!("const m={{VITE_GEMINI_API_KEY:\"{g}\"}};")), vec![("google_gemini_api_key", "google")]);
        // A Maps key is public, and sent to Google it is not claimed as Gemini's.
        assert!(found(&format!("<script src=\"https://maps.googleapis.com/maps/api/js?key={g}\"></script>")).is_empty());
        let ctx = Ctx { destination: providers::by_id("google"), slot: true, ..Ctx::default() };
        assert!(scan(&g, &ctx).into_iter().all(|h| !is_secret(&h)));
    }

    #[test]
    fn known_formats_after_a_scheme_or_in_a_pair() {
        // Discord's bot token needs `discord` near it in free text; after `Bot ` it is a credential.
        let bot = super::super::samples::sample_id("discord_bot_token", 14);
        assert_eq!(found(&format!(r#"fetch("https://discord.com/api/v10/users/@me",{{headers:{{Authorization:"Bot {bot}"}}}})"#)), vec![("discord_bot_token", "discord")]);
        // Plaid's secret (30 hex) is too plain for an unknown secret, but has Plaid's shape.
        let plaid = expand("{hex:30}", 15);
        let body = format!(r#"fetch("https://production.plaid.com/link/token/create",{{body:JSON.stringify({{client_id:"{}",secret:"{plaid}"}})}})"#, expand("{hex:24}", 16));
        assert_eq!(found(&body), vec![("plaid_secret", "plaid")]);
        assert!(found(&format!(r#"const o={{secret:"{plaid}"}}"#)).is_empty());
    }

    #[test]
    fn deepl_keys_after_their_scheme() {
        let k = format!("{}:fx", expand("{uuid}", 13));
        let t = format!(r#"fetch("https://api-free.deepl.com/v2/translate",{{headers:{{Authorization:"DeepL-Auth-Key {k}"}}}})"#);
        assert_eq!(found(&t), vec![("deepl_api_key", "deepl")]);
    }
}
