//! Exposed secrets: server-side keys a web page sends, loads or ships.
//!
//! Where it looks, per exchange: the credentials the request carried (already classified by
//! [`crate::exchange`], Basic halves included), every other request header and cookie, the URL
//! (path, query, userinfo), the request body (JSON at any depth, form fields, multipart, text) and
//! the response body of anything the page loads as text (scripts, JSON, config, source maps).
//! [`scan_source`] runs the same rules over a file for `authlens scan`.
//!
//! What it reports: [`SECRET_KEY_EXPOSED`] for a server-side secret (critical for live or
//! production keys, high for sandbox/test keys) and [`CREDENTIAL_IN_URL`] for any credential
//! carried in a URL. Publishable and client keys, and users' own tokens, are never findings: the
//! report's `credentials` list shows them as what they are.
//!
//! How: [`engine`] runs one Aho-Corasick pass over each text for every rule's literal prefix and
//! the keywords of the dedicated scanners in [`fields`], then validates candidates (charset,
//! length, checksums, JWT role, context, plausibility). Values never leave the crate: findings
//! hold [`Redacted`] values only.

pub mod docs;
pub(crate) mod curl;
pub(crate) mod engine;
pub use engine::search_literals;
pub(crate) mod fields;
pub(crate) mod infix;
pub mod files;
pub mod locate;
#[cfg(any(test, feature = "samples"))]
pub mod samples;

use std::collections::HashSet;

use engine::{Ctx, Hit, How};

use crate::exchange::{Exchange, Location, CREDENTIAL_HEADERS, CREDENTIAL_PARAMS};
use crate::parse::jwt;
use crate::providers::{self, Env, Find, KeyKind, KeyRule, Provider};
use crate::redact::{self, Redacted};
use crate::report::{Finding, Severity};

pub use files::{scan_source, scan_source_bounded, FileFinding, FileReport, ScanReport, ScanSummary, Skipped};

/// Id of the finding for a server-side secret sent, loaded or shipped by the page.
pub const SECRET_KEY_EXPOSED: &str = "secret_key_exposed";
/// Id of the finding for a credential carried in a URL.
pub const CREDENTIAL_IN_URL: &str = "credential_in_url";

/// Findings kept per exchange (a hostile capture cannot grow a report without bound).
const MAX_FINDINGS: usize = 64;

/// Documentation of the finding ids, for `authlens explain`, SARIF rule help and the docs (the
/// texts are empty without the `docs` feature).
pub const FINDING_DOCS: &[(&str, &str)] = &[
    (
        SECRET_KEY_EXPOSED,
        crate::meta::doc_text!("# secret_key_exposed\n\na server-side secret key reached the page (severity: critical for live/production keys, high for sandbox/test keys)\n\n\
## What it means\nA key that must only live on a server (a Midtrans server key, a Checkout.com or Stripe secret key, a PayPal \
client secret, a Supabase service_role key, a private key, …) travelled through the browser: sent in a request, or shipped \
in a script, JSON or config file the page loads. Anyone who opens DevTools on the page, or any script on it, can read it and \
use it with the full rights of your account.\n\n\
## Why it happens\nThe frontend calls the provider's server API directly, the key was put into a public build variable \
(`NEXT_PUBLIC_`, `VITE_`, `REACT_APP_`, `EXPO_PUBLIC_`), a server SDK or a `.env` file was bundled into the page, or an \
API returns its configuration to the browser.\n\n\
## How to fix\n1. Roll the key now in the provider's dashboard: it has been exposed, and deleting it from the code does not \
un-expose it.\n2. Move the call to your backend; the page calls your backend, your backend calls the provider with the \
secret key.\n3. In the frontend use only the publishable or client key (`pk_…`, `Mid-client-…`, `xnd_public_…`, the Supabase \
anon key with row-level security).\n4. Scan the built frontend in CI: `authlens scan dist/ --fail-on high`.\n\n\
## Example\nThe page sends `Authorization: Basic base64(\"SB-Mid-server-…:\")` to `app.sandbox.midtrans.com`. Fixed: the page asks \
your server for a Snap token and passes only that token and the client key to snap.js.\n"),
    ),
    (
        CREDENTIAL_IN_URL,
        crate::meta::doc_text!("# credential_in_url\n\na credential travelled in a URL (severity: medium)\n\n\
## What it means\nA token, key or password was part of a URL: in the query string, the path, or the `user:password@` part. \
URLs are written to server and proxy logs, browser history and analytics, and are sent to other sites in the `Referer` \
header, so the credential leaks to everyone who can read those.\n\n\
## Why it happens\nAn SDK or a hand-written call passes `?access_token=`, `?api_key=` or `?token=` because it is easy, a \
redirect carries a token back to the page, or a link embeds credentials.\n\n\
## How to fix\n1. Send the credential in the `Authorization` header (or the provider's key header) instead.\n2. If the \
credential is a secret key, roll it: it is in logs already.\n3. Set `Referrer-Policy: no-referrer` (or `same-origin`) on \
pages that must receive tokens in the URL, and strip them from the address bar with `history.replaceState`.\n\n\
## Example\n`GET /api/orders?access_token=eyJ…` becomes `GET /api/orders` with `Authorization: Bearer eyJ…`.\n\n\
## Not a finding\nTokens their providers document as public and made to travel in URLs: a Google Maps `?key=AIza…`, a \
Supabase anon `?apikey=`, a Mapbox `pk.` token, Stripe/Clerk publishable keys, and the project tokens analytics and RUM \
SDKs send to their collectors (Mixpanel, Amplitude, Segment, Akamai mPulse, Guance RUM); signed URLs \
(`X-Amz-Signature`, `sig=`). One credential sent in the URL of many requests is one finding (per kind of place: query, \
path, userinfo); the later requests get a note pointing to the first.\n"),
    ),
];

/// Query parameters that carry signatures of signed URLs, which are made to be in URLs.
const SIGNED_URL_PARAMS: &[&str] = &["sig", "signature", "x-amz-signature", "x-amz-credential", "x-amz-security-token", "x-goog-signature", "x-goog-credential"];

/// Severity of an exposed secret of this environment.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn severity_for(rule: &KeyRule, env: Option<Env>) -> Severity {
    match env {
        Some(Env::Sandbox) => Severity::High,
        Some(Env::Production) => Severity::Critical,
        // A secret-named field of unknown origin: likely a secret, less certainly a live one.
        None if rule.find == Find::Scanner && matches!(rule.id, "generic_secret" | "curl_credential" | "bearer_token_in_code") => Severity::High,
        None => Severity::Critical,
    }
}

/// The redacted form of a value found by a rule.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn redact_value(value: &str, rule: &KeyRule) -> Redacted {
    if value.starts_with("eyJ") && jwt::looks_like_jwt(value) {
        return Redacted::jwt(value);
    }
    if value.starts_with("-----BEGIN ") {
        // The PEM header line is not secret and says what kind of key it is.
        let head = value.match_indices("-----").nth(1).and_then(|(i, _)| value.get(..i + 5)).unwrap_or("");
        return Redacted::with_prefix(value, head);
    }
    Redacted::with_prefix(value, rule.prefix)
}

/// Collected findings of one exchange or file, without duplicates of one location.
#[derive(Default)]
pub(crate) struct Collector {
    seen: HashSet<(String, String)>,
    pub out: Vec<Finding>,
    /// What the scan could not do (a body past the scanner's caps), in words for the report.
    pub notes: Vec<String>,
}

impl Collector {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn push(&mut self, f: Finding) {
        if self.out.len() >= MAX_FINDINGS || !self.seen.insert((f.id.to_string() + "\0" + &f.location, f.rule.to_string())) {
            return;
        }
        self.out.push(f);
    }

    /// A secret finding for a hit at `location`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn secret(&mut self, h: &Hit, location: String, destination: Option<&'static Provider>, env_hint: Option<Env>, verb: &str) {
        if h.rule.kind != KeyKind::Secret {
            return;
        }
        let env = h.env.or(env_hint);
        let provider = if h.provider.hosts.is_empty() { destination.map(|d| d.id) } else { Some(h.provider.id) };
        let mut title = match &h.how {
            How::Field(name) if h.rule.id == "generic_secret" => format!("secret value in field `{}` {verb}", redact::clip(name, 64)),
            How::Field(name) if h.rule.find == Find::Scanner && !h.provider.hosts.is_empty() => {
                format!("{} credential in field `{}` {verb}", h.provider.name, redact::clip(name, 64))
            }
            _ => format!("{} {verb}", h.rule.title),
        };
        if h.how == How::Base64 {
            title.push_str(" (base64-encoded)");
        }
        // The same value at the same place already reported under a rule of the same prefix
        // (Stripe's `sk_live_` read from the request's credentials): a rule known by keywords
        // written beside it (Clerk's) says better whose it is, and replaces it.
        let fp = crate::report::fingerprint(&h.value);
        if let Some(i) = self.out.iter().position(|f| f.id == SECRET_KEY_EXPOSED && f.location == location && f.fingerprint.as_deref() == Some(fp.as_str())) {
            if matches!(h.rule.find, Find::Near(_)) && providers::shares_prefix(h.rule) && self.out[i].rule != h.rule.id {
                self.out.remove(i);
            } else {
                return;
            }
        }
        self.push(Finding {
            id: SECRET_KEY_EXPOSED,
            severity: severity_for(h.rule, env),
            provider,
            location,
            redacted: redact_value(&h.value, h.rule),
            title,
            rule: h.rule.id,
            fingerprint: Some(fp),
        });
    }

    /// A credential-in-URL finding.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn in_url(&mut self, location: String, redacted: Redacted, what: &str, provider: Option<&'static str>, rule: &'static str) {
        self.push(Finding {
            id: CREDENTIAL_IN_URL,
            severity: Severity::Medium,
            provider,
            location,
            redacted,
            title: format!("{what} in the URL: URLs end up in logs, history and Referer headers"),
            rule,
            fingerprint: None,
        });
    }
}

/// Scan a value known by name (a header, cookie, query parameter or form field): the rules over
/// the value, and the secret-named-field test over the name.
fn scan_named<'t>(name: &str, value: &'t str, ctx: &Ctx) -> Vec<Hit<'t>> {
    let named = Ctx { extra: name, ..*ctx };
    let mut hits = engine::scan(value, &named);
    let v = value.trim();
    if hits.iter().all(|h| h.rule.kind != KeyKind::Secret) && redact::secret_name(name) && fields::secret_like(v) {
        if let Some((p, r)) = fields::rule("generic_secret") {
            let start = value.len() - value.trim_start().len();
            hits.push(Hit { start, end: start + v.len(), rule: r, provider: p, value: v.into(), env: None, how: How::Field(name.to_string()) });
        }
    }
    hits
}

/// Decode `%XX` escapes (and nothing else: `+` stays a plus).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = |c: u8| (c as char).to_digit(16);
        if b[i] == b'%' {
            if let (Some(h), Some(l)) = (b.get(i + 1).and_then(|c| hex(*c)), b.get(i + 2).and_then(|c| hex(*c))) {
                out.push((h * 16 + l) as u8);
                i += 3;
                continue;
            }
        }
        out.push(b[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// MIME types whose bodies are not text worth scanning.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn binary_mime(mime: &str) -> bool {
    let m = mime.trim().to_ascii_lowercase();
    ["image/", "font/", "audio/", "video/", "application/octet-stream", "application/wasm", "application/pdf", "application/zip", "application/x-protobuf", "application/grpc"]
        .iter()
        .any(|p| m.starts_with(p))
}

/// Scan a body: JSON bodies get JSON paths, other text line and column.
fn scan_body(c: &mut Collector, side: &str, body: &str, ctx: &Ctx, env_hint: Option<Env>, verb: &str) {
    if body.trim().is_empty() {
        return;
    }
    let (hits, stopped) = engine::scan_bounded(body, ctx);
    if stopped {
        // No count: the scan may have stopped at the candidate cap before keeping any hit.
        c.notes.push(format!("the secret scan of the {side} body stopped early (it is dense with key prefixes or keys); what follows was not looked at"));
    }
    let hits: Vec<Hit> = hits.into_iter().filter(|h| h.rule.kind == KeyKind::Secret).collect();
    if hits.is_empty() {
        return;
    }
    let offsets: Vec<usize> = hits.iter().map(|h| h.start).collect();
    let paths = if locate::looks_like_json(body) { locate::json_paths(body, &offsets) } else { vec![None; offsets.len()] };
    let lcs = locate::line_cols(body, &offsets);
    for ((h, p), (l, col)) in hits.iter().zip(paths).zip(lcs) {
        let loc = match p {
            Some(p) => format!("{side}.body {p}"),
            None => format!("{side}.body line {l} col {col}"),
        };
        c.secret(h, loc, ctx.destination, env_hint, verb);
    }
}

/// Basic credentials whose user half is a key with an environment (a Razorpay `rzp_test_` key
/// id) say the environment of their secret half.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn basic_env(ex: &Exchange) -> Option<Env> {
    ex.credentials.iter().find(|c| c.location == Location::BasicUser).and_then(|c| c.key).and_then(|k| k.rule.env)
}

/// True for a value worth calling a credential in a URL.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn url_credential(name: &str, value: &str, kind: Option<KeyKind>, dest: Option<&Provider>) -> bool {
    let v = value.trim();
    if v.is_empty() || redact::is_showable_placeholder(v) || SIGNED_URL_PARAMS.iter().any(|s| name.eq_ignore_ascii_case(s)) {
        return false;
    }
    // A collector that only ever takes tokens made for the page (analytics and RUM project tokens:
    // Mixpanel, Amplitude, Segment, Akamai mPulse, Guance): what the page sends it is public.
    if dest.is_some_and(|p| !p.keys.is_empty() && p.keys.iter().all(|r| r.kind == KeyKind::Publishable)) {
        return false;
    }
    match kind {
        Some(KeyKind::Publishable) => false,
        Some(_) => true,
        None if name.eq_ignore_ascii_case("password") => true,
        None => v.len() >= 16 && engine::plausible(v) && engine::entropy(v) >= 3.0,
    }
}

/// Findings for one exchange.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn findings(ex: &Exchange) -> Vec<Finding> {
    findings_and_notes(ex).0
}

/// Findings for one exchange, and notes on what the scan could not cover (for the report).
pub fn findings_and_notes(ex: &Exchange) -> (Vec<Finding>, Vec<String>) {
    let mut c = Collector::default();
    let dest = ex.provider;
    let req_ctx = Ctx { destination: dest, ..Ctx::default() };
    const SENT: &str = "sent from the page";

    // 1. Credentials the exchange digested (Authorization and its Basic halves, key headers,
    //    credential query parameters and body fields).
    for cred in &ex.credentials {
        let location = cred.location.describe();
        let raw = cred.raw().trim();
        if let Location::Query(name) = &cred.location {
            if url_credential(name, raw, cred.kind(), dest) {
                c.in_url(location.clone(), cred.redacted(), "a credential", cred.key.map(|k| k.provider.id), cred.key.map_or("query_parameter", |k| k.rule.id));
            }
        }
        let Some(k) = cred.key else { continue };
        if k.rule.kind != KeyKind::Secret || !engine::plausible(raw.strip_prefix(k.rule.prefix).unwrap_or(raw)) {
            continue;
        }
        // A user's access token of the secret's shape (Twitch), sent where tokens go.
        if k.rule.user_token_in_authorization && cred.location == Location::Authorization {
            continue;
        }
        let env = k.rule.env.or(match cred.location {
            Location::BasicPassword => basic_env(ex).or(ex.env),
            _ => ex.env,
        });
        let h = Hit { start: 0, end: raw.len(), rule: k.rule, provider: k.provider, value: raw.into(), env, how: How::Plain };
        c.secret(&h, location, dest, None, SENT);
    }

    // 2. A SigV4 signature computed in the page with a long-term key: the page holds the secret.
    if let Some(a) = &ex.authorization {
        let browser = ["origin", "sec-fetch-mode", "referer"].iter().any(|h| ex.req_header(h).is_some());
        if browser && a.is_scheme("aws4-hmac-sha256") {
            let raw = ex.req_header("authorization").unwrap_or("");
            if let Some(i) = raw.find("Credential=AKIA") {
                let id: String = raw[i + 11..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
                if let (20, Some((p, r))) = (id.len(), fields::rule("aws_secret_access_key")) {
                    c.push(Finding {
                        id: SECRET_KEY_EXPOSED,
                        severity: Severity::Critical,
                        provider: Some(p.id),
                        location: "request.header.Authorization".into(),
                        redacted: Redacted::with_prefix(&id, "AKIA"),
                        title: "AWS secret access key held by the page: it signs requests with long-term key AKIA…".into(),
                        rule: r.id,
                        fingerprint: Some(crate::report::fingerprint(&id)),
                    });
                }
            }
        }
    }

    // 3. Every other request header, and each cookie.
    for h in &ex.req_headers {
        let name = h.name.as_str();
        if name.eq_ignore_ascii_case("authorization") || CREDENTIAL_HEADERS.iter().any(|x| name.eq_ignore_ascii_case(x)) {
            continue;
        }
        if name.eq_ignore_ascii_case("cookie") {
            for part in h.value.split(';').take(128) {
                let Some((n, v)) = part.trim().split_once('=') else { continue };
                let v = percent_decode(v);
                for hit in scan_named(n, &v, &req_ctx) {
                    c.secret(&hit, format!("request.cookie.{}", redact::clip(n, 64)), dest, ex.env, SENT);
                }
            }
            continue;
        }
        for hit in scan_named(name, &h.value, &req_ctx) {
            c.secret(&hit, format!("request.header.{}", redact::clip(name, 64)), dest, ex.env, SENT);
        }
    }

    // 4. The URL: userinfo, path, query parameters not digested above.
    if let Some(u) = &ex.parsed {
        for (part, value, slot) in [("username", u.username(), true), ("password", u.password().unwrap_or(""), true)] {
            if value.is_empty() {
                continue;
            }
            let decoded = percent_decode(value);
            let hits = engine::scan(&decoded, &Ctx { slot, ..req_ctx });
            for hit in &hits {
                c.secret(hit, format!("request.url ({part})"), dest, ex.env, SENT);
            }
            if part == "password" || hits.iter().any(|h| h.rule.kind != KeyKind::Publishable) {
                c.in_url(format!("request.url ({part})"), Redacted::new(&decoded), "a credential", None, "url_userinfo");
            }
        }
        let path = percent_decode(u.path());
        for hit in engine::scan(&path, &req_ctx).iter().filter(|h| fields::is_secret(h)) {
            c.secret(hit, "request.url (path)".into(), dest, ex.env, SENT);
            c.in_url("request.url (path)".into(), redact_value(&hit.value, hit.rule), "a secret key", Some(hit.provider.id), hit.rule.id);
        }
        for (k, v) in u.query_pairs().take(256) {
            if CREDENTIAL_PARAMS.iter().any(|x| k.eq_ignore_ascii_case(x)) {
                continue;
            }
            let loc = format!("request.query.{}", redact::clip(&k, 64));
            for hit in scan_named(&k, &v, &req_ctx) {
                if hit.rule.kind == KeyKind::Secret {
                    c.secret(&hit, loc.clone(), dest, ex.env, SENT);
                    c.in_url(loc.clone(), redact_value(&hit.value, hit.rule), "a secret key", Some(hit.provider.id), hit.rule.id);
                }
            }
        }
    }

    // 5. The request body.
    let mime = ex.req_mime.to_ascii_lowercase();
    if mime.contains("x-www-form-urlencoded") {
        for (k, v) in form_urlencoded::parse(ex.req_body.as_bytes()).take(256) {
            for hit in scan_named(&k, &v, &req_ctx) {
                c.secret(&hit, Location::Body(k.to_string()).describe(), dest, ex.env, SENT);
            }
        }
    } else {
        scan_body(&mut c, "request", &ex.req_body, &req_ctx, ex.env, SENT);
    }
    for p in ex.form_params.iter().take(256) {
        for hit in scan_named(&p.name, &p.value, &req_ctx) {
            c.secret(&hit, Location::Body(p.name.clone()).describe(), dest, ex.env, SENT);
        }
    }

    // 6. What the page loaded: scripts, JSON, config, source maps, HTML.
    if !binary_mime(&ex.resp_mime) {
        scan_body(&mut c, "response", &ex.resp_body, &Ctx::default(), None, "served to the page");
    }

    let mut out = c.out;
    crate::order::sort_by_u64_key(&mut out, |f| 255 - f.severity as u64);
    (out, c.notes)
}

/// Every secret in a text, as findings located by line and column (or JSON path): for the wasm
/// API and tools that have text rather than exchanges.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn scan_text(text: &str) -> Vec<Finding> {
    let mut c = Collector::default();
    scan_body(&mut c, "text", text, &Ctx::default(), None, "found");
    c.out
}

/// `text` with every secret and token the scanner recognises replaced by its redacted form
/// (publishable keys stay): for exports and quotes of free text (a cURL body, an error message).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn redact_secrets(text: &str) -> String {
    let hits = engine::scan(text, &Ctx::default());
    let mut out = String::with_capacity(text.len());
    let mut at = 0;
    for h in hits.iter().filter(|h| h.rule.kind != KeyKind::Publishable) {
        if h.start < at {
            continue;
        }
        out.push_str(text.get(at..h.start).unwrap_or(""));
        out.push_str(redact_value(&h.value, h.rule).as_str());
        at = h.end;
    }
    out.push_str(text.get(at..).unwrap_or(""));
    out
}

/// True when `id` names a secret rule (`stripe_secret_key_live`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn is_rule(id: &str) -> bool {
    providers::rule_by_id(id).is_some()
}

#[cfg(test)]
mod tests;
