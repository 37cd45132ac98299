use super::{declare_cause, Ctx, Hit};
use crate::exchange::{Credential, Exchange, Location};
use crate::providers::{self, KeyKind};
use crate::redact::clip;

declare_cause! {
    /// ## What it means
    /// The credential reached the server damaged or in the wrong form: not the value the issuer
    /// handed out, but a copy with something cut, added or transformed — or the right kind of
    /// value from the wrong place (another provider's key, a secret's id instead of its value).
    ///
    /// ## Why it happens
    /// - A truncated or extended copy: a key one or two characters shorter or longer than the
    ///   provider's format (copied from a narrow terminal, a line wrap, a stray character).
    /// - A whole `.env` line pasted as the value (`STRIPE_KEY=sk_live_…`), or `export KEY=…`.
    /// - URL-encoding in a header (`%2B`, `%3D`, `%2E`), or encoded twice (`%253D`).
    /// - A copy of a shortened display (`eyJhbGciOi…`): the value ends in an ellipsis.
    /// - An escape written out: `sk_live_…\n` with a literal backslash and `n`, from a `.env` or
    ///   JSON value read without decoding its escapes.
    /// - Quotes kept around the value (`"sk-…"`) when it was read from JSON, YAML or a `.env` file,
    ///   or curly quotes (`“sk-…”`) from a document or chat message it was copied from.
    /// - A scheme word in an API-key header (`X-API-Key: Bearer …`): only `Authorization` has one.
    /// - A key base64-encoded before it was sent, as if it were a Basic credential.
    /// - A JSON object stringified into the header (`Bearer {"access_token":"…"}`).
    /// - `Bearer: token`: a colon after the scheme.
    /// - A key of one provider sent to another (an OpenRouter `sk-or-v1-` key to OpenAI, an
    ///   OpenAI key to Azure OpenAI): a base URL changed, the key did not.
    /// - A client secret's id (a GUID) sent instead of the secret's value (Entra ID AADSTS7000215).
    ///
    /// ## How to fix
    /// 1. Copy the credential again, whole, from the issuer's dashboard; compare its length and
    ///    its first and last characters with the one in use.
    /// 2. Store only the value: no variable name, quotes, scheme or JSON around it; do not
    ///    URL-encode headers.
    /// 3. Make the key and the base URL come from the same provider (and the same configuration).
    ///
    /// ## Example
    /// `Authorization: Bearer STRIPE_SECRET_KEY=sk_test_…` → `401 Invalid API Key provided`.
    /// Fixed: store `sk_test_…` alone.
    pub static CAUSE = {
        id: "damaged_credentials",
        category: Credential,
        since: "0.2.0",
        title: "the credential was damaged or transformed on its way (cut, pasted with extra text, encoded, another provider's)",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let mut evidence: Vec<String> = Vec::new();
    let mut fix: Vec<String> = Vec::new();
    let mut confidence: f64 = 0.0;
    let mut note = |ev: String, f: String, c: f64, evidence: &mut Vec<String>, fix: &mut Vec<String>| {
        evidence.push(ev);
        if !fix.contains(&f) {
            fix.push(f);
        }
        confidence = confidence.max(c);
    };
    // `Bearer: token`
    if let Some(raw) = ex.req_header("authorization") {
        let t = raw.trim_start();
        if let Some((scheme, _)) = t.split_once(':') {
            if !scheme.is_empty() && scheme.len() <= 16 && scheme.bytes().all(|b| b.is_ascii_alphabetic()) && crate::parse::authorization::KNOWN_SCHEMES.iter().any(|k| k.eq_ignore_ascii_case(scheme)) {
                note(
                    format!("the Authorization header is `{}: …`: a colon follows the scheme, so the server reads no `{}` scheme", clip(scheme, 16), clip(scheme, 16)),
                    format!("send `Authorization: {} <credential>` — a space after the scheme, no colon", clip(scheme, 16)),
                    0.94,
                    &mut evidence,
                    &mut fix,
                );
            }
        }
    }
    for c in ex.credentials.iter().take(8) {
        let raw = c.raw().trim();
        if let Some(name) = env_line(raw) {
            note(
                format!("{} holds a whole `.env` line: `{}=…` — the variable's name was sent with its value", c.location.describe(), clip(&name, 48)),
                "store only the value: read the variable (`process.env.NAME`), do not paste the `NAME=value` line".into(),
                0.95,
                &mut evidence,
                &mut fix,
            );
            continue;
        }
        // JSON, or a Python dict (`{'access_token': …}`), or an object's printout (Ruby's
        // `access_token="#<OAuth2::AccessToken:0x…>"`) where its token string belongs.
        let printed = raw.contains("#<") || raw.contains("object at 0x") || raw.contains("access_token=") && raw.contains(['"', '\'']);
        if raw.starts_with('{') && raw.contains(':') && raw.contains(['"', '\'']) || printed {
            note(
                format!("{} holds {} ({}), not the token inside it", c.location.describe(), if printed { "a printed object" } else { "a JSON object" }, c.redacted()),
                "send the token string itself (e.g. `response.access_token`), not the stringified response".into(),
                0.94,
                &mut evidence,
                &mut fix,
            );
            continue;
        }
        // Single quotes are shell and `.env` quoting even in Authorization (double quotes there
        // are a JSON-stringified token: malformed_authorization).
        let single_quoted_auth = matches!(c.location, Location::Authorization)
            && ctx.ex.authorization.as_ref().is_some_and(|a| a.credential.trim().len() >= 3 && a.credential.trim().starts_with('\'') && a.credential.trim().ends_with('\''));
        if single_quoted_auth || !matches!(c.location, Location::Authorization) && raw.len() >= 3 && ((raw.starts_with('"') && raw.ends_with('"')) || (raw.starts_with('\'') && raw.ends_with('\''))) {
            note(
                format!("{} is wrapped in quotes ({}): the quotes were sent as part of the key", c.location.describe(), c.redacted()),
                "strip the quotes where the value is loaded (a `.env`/YAML value read raw, or a JSON-stringified string)".into(),
                0.93,
                &mut evidence,
                &mut fix,
            );
            continue;
        }
        // `<sk_live_…>`: the brackets of a documentation placeholder kept around the real key.
        if raw.len() >= 10 && raw.starts_with('<') && raw.ends_with('>') && !raw[1..raw.len() - 1].contains(['<', '>', ' ']) {
            note(
                format!("{} is wrapped in angle brackets (`<…>`): the brackets of the documentation's `<YOUR_KEY>` were kept around the key", c.location.describe()),
                "replace the whole placeholder, brackets included, with the key".into(),
                0.93,
                &mut evidence,
                &mut fix,
            );
            continue;
        }
        // `Secret key: sk_live_…`: a label copied with the key.
        if let Some((label, title)) = labelled_key(ex, raw) {
            note(
                format!("{} is a label and a key (`{}` then a {title}): the label was copied with it", c.location.describe(), clip(&crate::redact::free_text(label), 32)),
                "send the key alone, without the words before it".into(),
                0.93,
                &mut evidence,
                &mut fix,
            );
            continue;
        }
        if let Some((open, close)) = typographic_quotes(raw) {
            note(
                format!("{} is wrapped in typographic quotes (`{open}…{close}`): the value was copied from a document, chat or web page that curled its quotes", c.location.describe()),
                "copy the value from its source again (or retype the quotes as none at all): keys never contain curly quotes".into(),
                0.94,
                &mut evidence,
                &mut fix,
            );
            continue;
        }
        // `X-API-Key: Bearer …`: an API-key header takes the key alone.
        if let Location::Header(h) = &c.location {
            if let Some((scheme, _)) = raw.split_once(' ').filter(|(s, rest)| !rest.trim().is_empty() && ["bearer", "basic", "token", "apikey", "api-key"].iter().any(|k| s.eq_ignore_ascii_case(k))) {
                note(
                    format!("`{}` starts with the scheme word `{}`: only the Authorization header has a scheme, an API-key header takes the key alone", clip(h, 48), clip(scheme, 16)),
                    format!("send `{}: <key>` without `{} `", clip(h, 48), clip(scheme, 16)),
                    0.93,
                    &mut evidence,
                    &mut fix,
                );
                continue;
            }
        }
        if let Some(why) = base64_of_key(ex, c) {
            note(why, "send the key as issued: only Basic credentials are base64-encoded, and only as `user:password`".into(), 0.92, &mut evidence, &mut fix);
            continue;
        }
        if let Some((why, how)) = copied_wrong(raw, matches!(c.location, Location::BasicPassword)) {
            note(format!("{} {why}", c.location.describe()), how.into(), 0.92, &mut evidence, &mut fix);
            continue;
        }
        // OAuth 1.0 (RFC 5849 §3.5.1) percent-encodes its parameters in the header by design.
        let oauth1 = matches!(c.location, Location::Authorization) && ctx.ex.authorization.as_ref().is_some_and(|a| a.is_scheme("OAuth"));
        // Some providers issue a value percent-encoded once (X's app-only bearer tokens).
        let x_bearer = c.key.is_some_and(|k| k.rule.percent_encoded);
        if matches!(c.location, Location::Authorization | Location::Header(_) | Location::BasicUser | Location::BasicPassword) && !oauth1 {
            if let Some(how) = url_encoded(raw).filter(|h| !x_bearer || h.starts_with("URL-encoded twice")) {
                note(
                    format!("{} is {how}", c.location.describe()),
                    "send the value as issued: headers are not URL-encoded (encode only query parameters, once)".into(),
                    if how.starts_with("URL-encoded twice") { 0.93 } else { 0.88 },
                    &mut evidence,
                    &mut fix,
                );
                continue;
            }
        }
        // A query value is decoded once already: `%3D` still in it went over the wire as `%253D`.
        if matches!(c.location, Location::Query(_)) && c.key.is_none() && url_encoded(raw).is_some() {
            note(
                format!("{} still holds URL-encoding (`%2B`, `%2F`, `%3D`) once decoded: it was URL-encoded twice", c.location.describe()),
                "encode the value once (a URL builder or URLSearchParams already does: do not encode it before)".into(),
                0.9,
                &mut evidence,
                &mut fix,
            );
            continue;
        }
        if let Some(why) = cut_jwt(c) {
            note(why, "copy the token whole (three dot-separated parts); check what cuts it (a column limit, a cookie size limit, a log line)".into(), 0.9, &mut evidence, &mut fix);
            continue;
        }
        if let Some(why) = near_format(ex, c).or_else(|| lost_prefix(ex, c)) {
            note(why, "copy the key again, whole, from the provider's dashboard and compare its length and last characters with the one in use".into(), 0.9, &mut evidence, &mut fix);
            continue;
        }
        if let Some(why) = other_provider(ex, c).or_else(|| foreign_prefix(ex, c)) {
            note(why, "use the key of the provider the base URL points to (or point the base URL at the provider that issued this key)".into(), 0.93, &mut evidence, &mut fix);
            continue;
        }
        if let Some(why) = secret_id_for_value(ex, c).or_else(|| not_a_key_of_destination(ex, c)) {
            note(why, "send the client secret's value (shown once when it is created), not its id; create a new secret if the value was not saved".into(), 0.94, &mut evidence, &mut fix);
        }
    }
    if confidence == 0.0 {
        return None;
    }
    if let Some(step) = super::provider_auth_step(ex) {
        fix.push(step);
    }
    Some(Hit { confidence, evidence, fix })
}

/// Marks of a value copied the wrong way: a display's ellipsis at the end (the copy is of a
/// shortened value), or an escape sequence written out (`\n` as a backslash and an `n`: a `.env`,
/// JSON or YAML value read without unescaping). No key, token or base64 alphabet has `\` or `…`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn copied_wrong(raw: &str, password: bool) -> Option<(&'static str, &'static str)> {
    if raw.len() >= 12 && (raw.ends_with('…') || raw.ends_with("...")) {
        return Some((
            "ends in an ellipsis (`…`): it was copied from a display that shortened it",
            "copy the whole value from its source (the provider's dashboard, the login response), not from a log or UI that abbreviates it",
        ));
    }
    // `sk_live_51Ab...x9Zq`, `sk-****abcd`: a dashboard's or log's masked form (a password may
    // hold dots and stars of its own).
    if !password && raw.len() >= 8 && ["...", "…", "****", "\u{2022}\u{2022}\u{2022}"].iter().any(|m| raw.contains(m)) {
        return Some((
            "holds a mask (`…`, `****` or `•••` in the middle): it was copied from a display that hides most of the key",
            "copy the full key from where it is revealed once (or create a new one): dashboards and logs show only its ends",
        ));
    }
    // `\`123…\``, `{7e8dc41b-…:fx}`: the documentation's code quotes or a template's braces kept
    // around the value.
    let wrapped = |o: char, c: char| raw.len() >= 10 && raw.starts_with(o) && raw.ends_with(c) && !raw[1..raw.len() - 1].contains([o, c, '"', '\'', ' ']);
    if wrapped('`', '`') {
        return Some((
            "is wrapped in backticks: the documentation's code quotes were copied with it",
            "copy only the value, without the backticks around it",
        ));
    }
    if wrapped('{', '}') || wrapped('[', ']') {
        return Some((
            "is wrapped in braces or brackets: a template's `{…}` was kept around the value",
            "replace the whole placeholder, braces included, with the value",
        ));
    }
    let b = raw.as_bytes();
    let escaped = b.windows(2).any(|w| w[0] == b'\\' && matches!(w[1], b'n' | b'r' | b't' | b'"' | b'\''));
    escaped.then_some((
        "holds an escape sequence written out (a backslash and a letter, like `\\n`): a line break or quote from a `.env`, JSON or YAML value was sent as text",
        "strip the trailing line break where the value is loaded (`.trim()`), and read `.env`/JSON values with their escapes decoded",
    ))
}

/// The label before a key pasted with it (`Secret key: sk_live_…`, `API key - AIza…`): words, then
/// a recognised key as the last word; with the key's format title.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn labelled_key<'a>(ex: &Exchange, raw: &'a str) -> Option<(&'a str, &'static str)> {
    let (label, last) = raw.rsplit_once(char::is_whitespace)?;
    let label = label.trim();
    let words = label.split_whitespace().count();
    if !(1..=4).contains(&words) || !label.ends_with([':', '=', '-']) || !label.bytes().all(|b| b.is_ascii_alphanumeric() || b" :=-_".contains(&b)) {
        return None;
    }
    providers::classify(last, ex.provider).map(|m| (label, m.rule.title))
}

/// Curly quotes around the whole value (`“…”`, `‘…’`, `«…»`, `„…“`), as word processors and chat
/// apps write them.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn typographic_quotes(raw: &str) -> Option<(char, char)> {
    let open = raw.chars().next()?;
    let close = raw.chars().next_back()?;
    let opens = ['\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '\u{ab}', '\u{bb}', '\u{201e}', '\u{201a}'];
    (raw.chars().count() >= 6 && opens.contains(&open) && opens.contains(&close)).then_some((open, close))
}

/// A provider's key sent base64-encoded (a Bearer token or API-key header that decodes to one).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn base64_of_key(ex: &Exchange, c: &Credential) -> Option<String> {
    if c.key.is_some() || c.jwt.is_some() || !matches!(c.location, Location::Authorization | Location::Header(_)) {
        return None;
    }
    let decoded = base64_text(c.raw().trim())?;
    let m = providers::classify(decoded.trim(), ex.provider)?;
    Some(format!(
        "{} is base64: it decodes to a {} ({}…): the key was encoded before it was sent",
        c.location.describe(),
        m.rule.title,
        clip(m.rule.prefix, 16)
    ))
}

/// The text a standard base64 value (16 characters or more) decodes to, when it is printable ASCII.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn base64_text(s: &str) -> Option<String> {
    use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
    use base64::Engine;
    if s.len() < 16 || !s.bytes().all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'/' | b'=')) {
        return None;
    }
    let bytes = STANDARD.decode(s).or_else(|_| STANDARD_NO_PAD.decode(s)).ok()?;
    bytes.iter().all(|b| (0x20..0x7f).contains(b)).then(|| String::from_utf8_lossy(&bytes).into_owned())
}

/// A value that starts like a JWT (its header decodes) but is cut: it no longer decodes.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn cut_jwt(c: &Credential) -> Option<String> {
    let raw = c.raw().trim();
    if !raw.starts_with("eyJ") || raw.len() < 20 || raw.contains(char::is_whitespace) || raw.starts_with("eyJ\"") {
        return None;
    }
    let parts: Vec<&str> = raw.split('.').collect();
    if parts.len() == 5 {
        return None; // a JWE
    }
    match &c.jwt {
        // A JWT header names its `alg`; a whole value that is base64 JSON without one is a key of
        // its own (Tyk's `{"org":…,"id":…,"h":"murmur64"}`), not a cut JWT.
        None if parts.len() <= 3 && crate::parse::jwt::segment(parts[0]).is_some_and(|h| h.get("alg").is_some()) => Some(format!(
            "{} starts like a JWT (a valid header) but does not decode as one ({} part{} of 3): the token was cut or altered",
            c.location.describe(),
            parts.len(),
            if parts.len() == 1 { "" } else { "s" }
        )),
        // A short signature is no proof: test keys and synthetic tokens have them too.
        _ => None,
    }
}

/// `NAME=value` or `export NAME=value`: the name, when the value is a whole `.env` line.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn env_line(raw: &str) -> Option<String> {
    let t = raw.strip_prefix("export ").unwrap_or(raw);
    let (name, value) = t.split_once('=')?;
    let name = name.trim();
    let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let upper_name = name.len() >= 3 && name.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_') && name.bytes().any(|b| b.is_ascii_uppercase());
    (upper_name && value.len() >= 8).then(|| name.to_string())
}

/// How a header value is URL-encoded, if it is.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn url_encoded(raw: &str) -> Option<String> {
    let b = raw.as_bytes();
    let hex = |i: usize| b.get(i).is_some_and(u8::is_ascii_hexdigit) && b.get(i + 1).is_some_and(u8::is_ascii_hexdigit);
    let mut single = 0;
    for (i, w) in b.windows(3).enumerate() {
        if w[0] == b'%' && w[1] == b'2' && w[2] == b'5' && hex(i + 3) {
            return Some("URL-encoded twice (`%25…`: a `%` that was itself encoded)".into());
        }
        if w[0] == b'%' && hex(i + 1) {
            let code = &raw[i + 1..i + 3];
            if ["2B", "2b", "2F", "2f", "3D", "3d", "3A", "3a", "7C", "7c", "24", "21", "40", "2E", "2e"].contains(&code) {
                single += 1;
            }
        }
    }
    (single > 0).then(|| "URL-encoded (`%2B`, `%2F`, `%3D` where the key has `+`, `/`, `=`)".into())
}

/// A key of the destination's format that lost the first characters of its prefix in a copy
/// (`ant-api03-…` for Anthropic's `sk-ant-api03-…`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn lost_prefix(ex: &Exchange, c: &Credential) -> Option<String> {
    let p = ex.provider?;
    let raw = c.raw().trim();
    if c.key.is_some() || raw.len() < 20 {
        return None;
    }
    p.keys.iter().filter(|r| r.prefix.len() >= 6 && r.kind != crate::providers::KeyKind::Publishable).find_map(|r| {
        (1..=4).find_map(|k| {
            let lost = r.prefix.get(..k)?;
            (raw.starts_with(r.prefix.get(k..)?) && r.shape_ok(&format!("{lost}{raw}"))).then(|| {
                format!("{} matches the format of the {} once its first {} (`{}`) are put back: the copy missed the start of the key", c.location.describe(), r.title, if k == 1 { "character".to_string() } else { format!("{k} characters") }, lost)
            })
        })
    })
}

/// A key with a provider's prefix and charset, one or two characters off the format's length.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn near_format(ex: &Exchange, c: &Credential) -> Option<String> {
    if c.key.is_some() || c.jwt.is_some() {
        return None;
    }
    let raw = c.raw().trim();
    for (p, r) in providers::all_rules() {
        if r.prefix.len() < 3 || !r.has_shape() || r.prefix == "eyJ" {
            continue;
        }
        let Some(rest) = raw.strip_prefix(r.prefix) else { continue };
        if !r.charset.accepts(rest) {
            continue;
        }
        let n = rest.len();
        let (lo, hi) = r.len();
        // Sent to the provider that issued the format, a shorter copy (half the length at least)
        // is a cut one; elsewhere only a character or two off counts, as another format may
        // share the prefix.
        // (Not when the server's answer shows it knew the key: a scope, expiry or revocation.)
        let own = ex.provider.is_some_and(|d| std::ptr::eq(d, p)) && !knew_the_key(ex);
        let off = if n < lo && (lo - n <= 2 || (own && n * 2 >= lo)) { Some(format!("{} character{} short", lo - n, if lo - n == 1 { "" } else { "s" })) } else if n > hi && n - hi <= 2 { Some(format!("{} character{} too long", n - hi, if n - hi == 1 { "" } else { "s" })) } else { None };
        if let Some(off) = off {
            let dest = ex.provider.map(|d| if std::ptr::eq(d, p) { String::new() } else { format!(" (sent to {})", d.name) }).unwrap_or_default();
            let want = if lo == hi { format!("{}", lo + r.prefix.len()) } else { format!("{}–{}", lo + r.prefix.len(), hi + r.prefix.len()) };
            return Some(format!(
                "{} looks like a {} ({}) but is {off}: {} characters where the format has {want}{dest} — a truncated or extended copy",
                c.location.describe(),
                r.title,
                crate::redact::Redacted::with_prefix(raw, r.prefix),
                raw.len(),
            ));
        }
    }
    None
}

/// The server's answer speaks of a known credential (its scope, expiry, revocation, audience).
fn knew_the_key(ex: &Exchange) -> bool {
    use crate::exchange::server_says::Says;
    [Says::Scope, Says::Expired, Says::Revoked, Says::Audience, Says::Issuer, Says::Restricted, Says::Sso].into_iter().any(|k| ex.says(k))
}

/// A key whose format belongs to another provider than the destination's.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn other_provider(ex: &Exchange, c: &Credential) -> Option<String> {
    let k = c.key?;
    if k.rule.prefix.len() < 3 || k.rule.prefix == "eyJ" || k.rule.kind == KeyKind::Publishable {
        return None;
    }
    // Another service speaking the key's provider's API (Azure OpenAI) takes keys of its own.
    let elsewhere = k.provider.facts.foreign_hosts.iter().find(|h| ex.host.ends_with(h.suffix));
    let dest = ex.provider;
    let foreign = dest.is_some_and(|d| !std::ptr::eq(d, k.provider) && !d.keys.iter().any(|r| r.matches(c.raw().trim())));
    if !(elsewhere.is_some() || foreign) {
        return None;
    }
    let to = match elsewhere {
        Some(h) => h.name.to_string(),
        None => dest.map(|d| d.name.to_string()).unwrap_or_default(),
    };
    Some(format!("{} carries a {} key ({}) but the request went to {} ({}): a key of one provider sent to another", c.location.describe(), k.provider.name, c.redacted(), to, clip(&ex.host, 96)))
}

/// A key whose prefix names one API (`key_home_prefixes`), sent to another API's host
/// (`api_domains`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn foreign_prefix(ex: &Exchange, c: &Credential) -> Option<String> {
    let raw = c.raw().trim();
    let (issuer, prefix) = providers::ALL.iter().find_map(|p| p.facts.key_home_prefixes.iter().find(|k| raw.starts_with(**k) && raw.len() >= k.len() + 16).map(|k| (p.name, *k)))?;
    let host_api = providers::ALL.iter().find_map(|p| p.facts.api_domains.iter().find(|d| d.matches(&ex.host)).map(|d| if d.name.is_empty() { p.name } else { d.name }))?;
    (host_api != issuer).then(|| {
        format!("{} carries a {issuer} key (`{prefix}…`) but the request went to {host_api} ({}): a key of one provider sent to another", c.location.describe(), clip(&ex.host, 96))
    })
}

/// A GUID sent as a client secret where the server wants the secret's value (Entra ID).
/// A short id-like value sent to a provider all of whose keys carry a prefix (`SG.`, `sk_`…),
/// refused as invalid: the key's ID or name, shown next to it in the dashboard, not its value.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn not_a_key_of_destination(ex: &Exchange, c: &Credential) -> Option<String> {
    let dest = ex.provider?;
    let raw = c.raw().trim();
    if c.key.is_some() || c.jwt.is_some() || dest.keys.is_empty() || !(16..=36).contains(&raw.len()) || !ex.says(crate::exchange::server_says::Says::Invalid) {
        return None;
    }
    // a password in Basic, or a value with a prefix of its own (`tok_…`, `pk_…`), is something else
    let own_prefix = raw.split_once('_').is_some_and(|(p, _)| (2..=6).contains(&p.len()) && p.bytes().all(|b| b.is_ascii_lowercase()));
    if matches!(c.location, Location::BasicUser | Location::BasicPassword) || own_prefix {
        return None;
    }
    // A grant's refresh token or code at a token endpoint is no API key (Supabase's are short).
    if matches!(&c.location, Location::Body(f) | Location::Query(f) if f.contains("refresh_token") || f.ends_with("code")) && ex.grant_type().is_some() {
        return None;
    }
    if !raw.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') || dest.keys.iter().any(|r| r.prefix.len() < 3 || raw.starts_with(r.prefix)) {
        return None;
    }
    let prefixes: Vec<String> = dest.keys.iter().take(4).map(|r| format!("`{}…`", clip(r.prefix, 16))).collect();
    Some(format!(
        "{} ({}, {} characters) has none of {}'s key formats ({}): likely the key's ID or name shown in the dashboard, not its secret value",
        c.location.describe(),
        c.redacted(),
        raw.len(),
        dest.name,
        prefixes.join(", ")
    ))
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn secret_id_for_value(ex: &Exchange, c: &Credential) -> Option<String> {
    let Location::Body(name) = &c.location else { return None };
    if !name.ends_with("client_secret") || !crate::providers::Charset::Uuid.accepts(c.raw().trim()) {
        return None;
    }
    let says = ex.resp_body_mentions(&["not the client secret id", "aadsts7000215", "invalid client secret"]);
    let token_endpoint = providers::ALL.iter().any(|p| p.facts.secret_id_hosts.iter().any(|h| ex.host.ends_with(h)));
    (says || token_endpoint).then(|| {
        "the client_secret sent is a GUID: the secret's id, not its value (Entra ID shows both; the value is shown only once, at creation)".into()
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};

    #[test]
    fn copies_of_a_display_and_written_out_escapes() {
        let cut = failing("https://api.example.test/x", &[("Authorization", "Bearer eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOi…")]);
        assert_eq!(ids(&cut)[0], "damaged_credentials");
        let dots = failing("https://api.example.test/x", &[("X-API-Key", "k_8f3a9c2e1b7d4f60a5...")]);
        assert_eq!(ids(&dots)[0], "damaged_credentials");
        let newline = failing("https://api.example.test/x", &[("Authorization", "Bearer Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5\\n")]);
        assert_eq!(ids(&newline)[0], "damaged_credentials");
        let dot_encoded = failing("https://api.example.test/x", &[("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9%2EeyJzdWIiOiIxIn0%2Eabc")]);
        assert_eq!(ids(&dot_encoded)[0], "damaged_credentials");
        // a plain opaque token has none of these marks
        assert!(!ids(&failing("https://api.example.test/x", &[("Authorization", "Bearer Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5")])).contains(&"damaged_credentials"));
    }

    #[test]
    fn wrapped_values_and_base64_json_keys() {
        // Cloudinary's key and secret pasted with the docs' backticks (jrm2k6/cloudder#32), a DeepL
        // key in a template's braces (patcher454/TranslateCmdPal#2)
        let ex = failing("https://api.cloudinary.com/v1_1/demo/resources/image", &[("Authorization", "Basic YDEyMzQ1Njc4OTAxMjM0NWA6YGFiY2RlZmdoaWprbG1ub3BxcnN0dWA=")]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        let ex = failing("https://api-free.deepl.com/v2/translate", &[("Authorization", "DeepL-Auth-Key {7e8dc41b-edba-4ba4-b5e0-e3c26193626a:fx}")]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        // Tyk's keys are base64 JSON without an `alg`: not a cut JWT.
        let tyk = "eyJvcmciOiI1ZTlkOTU0NGExZGNkNjAwMDFkMGVkMjAiLCJpZCI6ImFiY2RlZiIsImgiOiJtdXJtdXI2NCJ9";
        let ex = crate::causes::test_util::with_status("https://api.example.test/rates", &[("Authorization", tyk)], 401, r#"{"error": "Key has expired, please renew"}"#);
        assert_eq!(ids(&ex)[0], "expired_token");
    }

    #[test]
    fn another_ai_apis_key() {
        // An OpenAI client pointed at Together AI's OpenAI-compatible base URL, still holding the
        // OpenAI key (harshitv804/LawGPT#4); Together answers invalid_api_key.
        let half = "Ab3dEf6hIj9kLm2nOp5qRs8tUv1wXy4zAb7dEf0hIj3kLm6nOp9qRs2tUv5wXy8zAb1dEf4hIj7kLm";
        let key = format!("sk-proj-{}T3BlbkFJ{}", &half[..74], &half[..74]);
        let ex = crate::causes::test_util::with_status("https://api.together.xyz/v1/chat/completions", &[("Authorization", &format!("Bearer {key}"))], 401, r#"{"error":{"message":"Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.","type":"invalid_request_error","param":null,"code":"invalid_api_key"}}"#);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
    }

    #[test]
    fn env_line_and_json_and_colon() {
        let ex = failing("https://api.example.test/x", &[("Authorization", "Bearer API_TOKEN=abcdefghijklmnop1234")]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        let ex = failing("https://api.example.test/x", &[("Authorization", r#"Bearer {"access_token":"abcdefghijklmnop","expires_in":3600}"#)]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        let ex = failing("https://api.example.test/x", &[("Authorization", "Bearer: abcdefghijklmnop1234")]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        // A Python dict (spotipy's token info) and a Ruby object's printout (Dropbox's SDK) where
        // the token string belongs.
        let ex = failing("https://api.example.test/x", &[("Authorization", "Bearer {'access_token': 'BQUiTue7fiPgpoiN4au9KWLFbAzjQ05O', 'token_type': 'Bearer', 'expires_in': 3600}")]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        let ex = failing("https://api.example.test/x", &[("Authorization", r##"Bearer access_token="#<OAuth2::AccessToken:0x00007f72ce27efc8>", on_token_refreshed="#<Proc:0x00007f72cdf7d6d0>""##)]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
    }

    #[test]
    fn quotes_and_encoding_in_api_key_headers() {
        let ex = failing("https://api.example.test/x", &[("X-API-Key", "\"abcdefghijklmnop1234\"")]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        let ex = failing("https://api.example.test/x", &[("X-API-Key", "abcdefgh%252Bijklmnop1234")]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
    }

    #[test]
    fn a_key_that_lost_its_first_characters_and_a_query_value_encoded_twice() {
        let key = "ant-api03-Zq8Xk2LmN7pR4sT9vW1yZ3aB6cD0eF5gHj2Zq8Xk2LmN7pR4sT9vW1yZ3aB6cD0eF5gHj2Zq8Xk2LmN7pR4sT9vW1yZ3aB6cD0eF5gAA";
        let ex = failing("https://api.anthropic.com/v1/messages", &[("x-api-key", key)]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        // Sent to another API, the same value proves nothing about Anthropic's prefix.
        assert!(!ids(&failing("https://api.example.test/v1/messages", &[("x-api-key", key)])).contains(&"damaged_credentials"));
        let ex = failing("https://latency-dsn.algolia.net/1/indexes/*/queries?x-algolia-api-key=ZmQ4YjA1NjQ0ZTk1NjY3MWJkYjU%253D", &[]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        let ex = failing("https://latency-dsn.algolia.net/1/indexes/*/queries?x-algolia-api-key=ZmQ4YjA1NjQ0ZTk1NjY3MWJkYjU%3D", &[]);
        assert!(!ids(&ex).contains(&"damaged_credentials"), "{:?}", ids(&ex));
    }

    #[test]
    fn a_value_issued_percent_encoded_is_damaged_only_when_encoded_again() {
        // X's app-only bearer tokens come percent-encoded (twitter.toml `percent_encoded`).
        let x = "AAAAAAAAAAAAAAAAAAAAABLkC65r1yFpZJNRsDanKcuO2WqsROa%3DbpSpZPijuVtAupvBJJsJyHmMBNftrX4xpvw1L1Oye3LJIUz";
        let ex = failing("https://api.x.com/2/users/me", &[("Authorization", &format!("Bearer {x}"))]);
        assert!(!ids(&ex).contains(&"damaged_credentials"), "{:?}", ids(&ex));
        let ex = failing("https://api.x.com/2/users/me", &[("Authorization", &format!("Bearer {}", x.replace("%3D", "%253D")))]);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
    }

    #[test]
    fn curly_quotes_scheme_words_and_base64_encoded_keys() {
        use base64::Engine;
        // “sk_test_…” pasted from a document
        let ex = failing("https://api.stripe.com/v1/customers", &[("Authorization", "Bearer \u{201c}sk_test_4eC39HqLyjWDarjtT1zdp7dc\u{201d}")]);
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "damaged_credentials");
        assert!(hits[0].1.evidence[0].contains("typographic quotes"), "{:?}", hits[0].1.evidence);
        // `X-API-Key: Bearer <key>`
        let ex = failing("https://api.example.test/x", &[("X-API-Key", "Bearer abcdefghijklmnop1234567890")]);
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "damaged_credentials");
        assert!(hits[0].1.fix[0].starts_with("send `X-API-Key: <key>` without `Bearer `"), "{:?}", hits[0].1.fix);
        // a SendGrid key base64-encoded before it was put after Bearer
        let key = "SG.abcdefghijklmnopqrstuv.abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQ";
        let enc = base64::engine::general_purpose::STANDARD.encode(key);
        let ex = failing("https://api.sendgrid.com/v3/user/profile", &[("Authorization", &format!("Bearer {enc}"))]);
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "damaged_credentials");
        assert!(hits[0].1.evidence[0].contains("decodes to a SendGrid"), "{:?}", hits[0].1.evidence);
        // near misses: a plain quoted word is not typographic, an opaque token is not base64 of a key
        assert!(!ids(&failing("https://api.example.test/x", &[("Authorization", "Bearer QWxhZGRpbjpvcGVuIHNlc2FtZQ")])).contains(&"damaged_credentials"));
        assert!(super::typographic_quotes("\u{201c}ab\u{201d}").is_none());
    }

    #[test]
    fn jwt_cut_short() {
        let t = crate::parse::jwt::make(r#"{"alg":"HS256"}"#, r#"{"sub":"u1","exp":1792000000}"#);
        let cut = &t[..t.find('.').unwrap() + 6];
        assert_eq!(ids(&failing("https://api.example.test/x", &[("Authorization", &format!("Bearer {cut}"))]))[0], "damaged_credentials");
        // the whole token is not damaged
        assert!(!ids(&failing("https://api.example.test/x", &[("Authorization", &format!("Bearer {t}"))])).contains(&"damaged_credentials"));
    }

    #[test]
    fn key_id_instead_of_key() {
        use crate::causes::test_util::with_status;
        let body = r#"{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}"#;
        let ex = with_status("https://api.sendgrid.com/v3/mail/send", &[("Authorization", "Bearer 5x45FgjKSQSaxtVUEJRSsw")], 401, body);
        assert_eq!(ids(&ex)[0], "damaged_credentials");
        // the whole key is not
        let ex = with_status("https://api.sendgrid.com/v3/mail/send", &[("Authorization", "Bearer SG.aBcDeFgHiJkLmNoPqRsTuV.aBcDeFgHiJkLmNoPqRsTuVwXyZ0123456789abcdEFG")], 401, body);
        assert_ne!(ids(&ex).first().copied(), Some("damaged_credentials"));
    }

    /// The evidence of `damaged_credentials`, when it is found.
    fn evidence(ex: &crate::exchange::Exchange) -> Vec<String> {
        crate::causes::diagnose(ex, &[]).into_iter().find(|(c, _)| c.info.id == "damaged_credentials").map(|(_, h)| h.evidence).unwrap_or_default()
    }

    #[test]
    fn a_key_named_by_its_prefix_sent_to_another_api() {
        let ant = "Bearer sk-ant-api03-abcdefghijklmnopqrstuvwxyz0123456789";
        let ev = evidence(&failing("https://api.openai.com/v1/chat/completions", &[("Authorization", ant)])).join("\n");
        assert!(ev.contains("carries a Anthropic key (`sk-ant-…`) but the request went to OpenAI"), "{ev}");
        let ev = evidence(&failing("https://generativelanguage.googleapis.com/v1beta/models", &[("Authorization", ant)])).join("\n");
        assert!(ev.contains("went to Google Gemini"), "{ev}");
        let ev = evidence(&failing("https://api.mistral.ai/v1/chat/completions", &[("Authorization", "Bearer sk-or-v1-abcdefghijklmnopqrstuvwxyz0123456789")])).join("\n");
        assert!(ev.contains("carries a OpenRouter key (`sk-or-v1-…`) but the request went to Mistral ("), "{ev}");
        // at home, or too short to name its provider, it is not
        assert!(!evidence(&failing("https://api.anthropic.com/v1/messages", &[("Authorization", ant)])).iter().any(|e| e.contains("a key of one provider sent to another")));
        assert!(!evidence(&failing("https://api.openai.com/v1/chat/completions", &[("Authorization", "Bearer sk-ant-short")])).iter().any(|e| e.contains("a key of one provider sent to another")));
    }

    #[test]
    fn api_domains_and_key_home_prefixes_are_unambiguous() {
        use crate::providers::ALL;
        let prefixes: Vec<&str> = ALL.iter().flat_map(|p| p.facts.key_home_prefixes.iter().copied()).collect();
        for a in &prefixes {
            assert!(prefixes.iter().filter(|b| b.starts_with(a)).count() == 1, "`{a}` starts another provider's key_home_prefixes");
        }
        let domains: Vec<&crate::providers::ApiDomain> = ALL.iter().flat_map(|p| p.facts.api_domains.iter()).collect();
        for a in &domains {
            assert!(domains.iter().filter(|b| b.matches(a.domain)).count() == 1, "`{}` lies under another api_domains entry", a.domain);
        }
    }

    #[test]
    fn brackets_masks_labels_and_cut_keys() {
        let key = "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";
        let brackets = failing("https://api.stripe.com/v1/customers", &[("Authorization", &format!("Bearer <{key}>"))]);
        assert_eq!(ids(&brackets)[0], "damaged_credentials");
        let masked = failing("https://api.stripe.com/v1/customers", &[("Authorization", "Bearer sk_live_51Hc...lZ1q")]);
        assert_eq!(ids(&masked)[0], "damaged_credentials");
        let labelled = failing("https://api.stripe.com/v1/customers", &[("Authorization", &format!("Bearer Secret key: {key}"))]);
        assert_eq!(ids(&labelled)[0], "damaged_credentials");
        // A GitHub token with 30 of its 36 characters, sent to GitHub: cut.
        let cut = failing("https://api.github.com/user", &[("Authorization", "Bearer ghp_Xk2aB9cDq7LmN4pR8sT1vW3yZ5bC7dE9fG")]);
        assert_eq!(ids(&cut)[0], "damaged_credentials");
        // A password may hold dots and stars.
        let pass = failing("https://api.example.test/x", &[("Authorization", "Basic YWRtaW46cGFzcy4uLndvcmQqKioqMQ==")]);
        assert!(!ids(&pass).contains(&"damaged_credentials"), "{:?}", ids(&pass));
    }

    #[test]
    fn clean_key_is_not_damaged() {
        assert!(!ids(&failing("https://api.example.test/x", &[("X-API-Key", "abcdefghijklmnop1234")])).contains(&"damaged_credentials"));
        assert!(!ids(&failing("https://api.example.test/x", &[("Authorization", "Bearer abcdefghijklmnop1234")])).contains(&"damaged_credentials"));
    }
}
