//! Redaction holds everywhere: a property test.
//!
//! Every case makes credentials of every kind the engine knows — one per key rule of every
//! provider (`providers::ALL`: the rule's prefix and a random body from its charset and length),
//! JWTs, Basic user/password pairs, random high-entropy strings — places each one in every place a
//! page can send it (Authorization Bearer/Basic/raw, X-API-Key, a credential query parameter, URL
//! userinfo, JSON and form bodies, the response body), runs the HAR through every output (JSON,
//! text, Markdown and SARIF reports, cURL reproduction, redacted HAR export) and asserts that neither the
//! full value nor any 12-character piece of its secret part (what follows the public prefix)
//! appears in any of them. The same credentials in web-bundle files go through `authlens scan`'s
//! outputs (text, Markdown, SARIF, JSON).
//!
//! `PROPTEST_CASES=500 cargo test -p authlens-core --test redaction` runs more cases.

use aho_corasick::{AhoCorasick, AhoCorasickKind};
use authlens_core::exchange::CREDENTIAL_PARAMS;
use authlens_core::har::{Content, Entry, Har, Log, NameValue, PostData, Request, Response};
use authlens_core::providers::{self, Charset, KeyKind, KeyRule, Provider};
use authlens_core::{analyze_har, export, parse::jwt, render, secrets};
use base64::engine::general_purpose::{STANDARD, URL_SAFE_NO_PAD};
use base64::Engine as _;
use proptest::prelude::*;

/// Shortest piece of a secret that must never be shown.
const WINDOW: usize = 12;

/// Random bytes the case draws from, deterministically.
struct Pool<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Pool<'_> {
    fn next(&mut self) -> u8 {
        let b = self.bytes[self.at % self.bytes.len()];
        self.at += 1;
        b.wrapping_add((self.at / self.bytes.len()) as u8)
    }
    fn below(&mut self, n: usize) -> usize {
        if n == 0 {
            return 0;
        }
        (usize::from(self.next()) << 8 | usize::from(self.next())) % n
    }
    fn string(&mut self, alphabet: &[u8], len: usize) -> String {
        (0..len).map(|_| char::from(alphabet[self.below(alphabet.len())])).collect()
    }
}

const ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

/// The characters a charset accepts (alphanumerics for `Graphic`: a subset its checks accept).
fn alphabet(cs: Charset) -> Vec<u8> {
    if cs == Charset::Graphic {
        return b"abcdefghijklmnopqrstuvwxyz234567".to_vec();
    }
    (0x21u8..0x7f).filter(|c| cs.accepts(std::str::from_utf8(&[*c]).unwrap_or(""))).collect()
}

fn uuid(p: &mut Pool) -> String {
    let h = b"0123456789abcdef";
    format!("{}-{}-{}-{}-{}", p.string(h, 8), p.string(h, 4), p.string(h, 4), p.string(h, 4), p.string(h, 12))
}

/// A credential and the part of it that is secret.
#[derive(Debug, Clone)]
struct Cred {
    what: String,
    value: String,
    /// The secret part (after a public prefix); pieces of it must never appear.
    secret: String,
    /// True when the engine can recognise it anywhere (a non-publishable provider format or a
    /// JWT): only then must it be redacted in free text (response bodies, innocuous query
    /// parameters).
    recognisable: bool,
    /// Basic pairs: the user-id half, sent as `user:secret`.
    basic_user: Option<String>,
}

/// A key of this rule's shape: a few draws, keeping the first one the engine recognises as this
/// rule (rules with checksums or claims accept only some random bodies).
fn key_for(rule: &KeyRule, p: &mut Pool) -> Cred {
    let mut c = draw_key(rule, p);
    for _ in 0..8 {
        if providers::classify(&c.value, None).is_some_and(|m| m.rule.id == rule.id) {
            break;
        }
        c = draw_key(rule, p);
    }
    c
}

fn draw_key(rule: &KeyRule, p: &mut Pool) -> Cred {
    let body = if rule.charset == Charset::Uuid {
        uuid(p)
    } else {
        let (lo, hi) = rule.len();
        let hi = hi.min(lo + 48);
        let n = lo + p.below(hi - lo + 1);
        p.string(&alphabet(rule.charset), n)
    };
    let value = format!("{}{body}", rule.prefix);
    // Publishable keys are public by design: free text may show them, credential places may not.
    let recognisable = providers::classify(&value, None).is_some_and(|m| m.rule.kind != KeyKind::Publishable) || jwt::looks_like_jwt(&value);
    Cred { what: format!("key rule {}", rule.id), secret: body, value, recognisable, basic_user: None }
}

fn jwt_for(p: &mut Pool, role: &str) -> Cred {
    let header = URL_SAFE_NO_PAD.encode(r#"{"alg":"HS256","typ":"JWT"}"#);
    let payload = URL_SAFE_NO_PAD.encode(format!(
        r#"{{"sub":"{}","role":"{role}","exp":{},"iat":1760419680,"aud":"authenticated","jti":"{}"}}"#,
        p.string(ALNUM, 16),
        1_700_000_000 + p.below(200_000_000),
        p.string(ALNUM, 24)
    ));
    let sig = p.string(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", 43);
    let secret = format!("{payload}.{sig}");
    Cred { what: format!("JWT ({role})"), value: format!("{header}.{secret}"), secret, recognisable: true, basic_user: None }
}

fn random_secret(p: &mut Pool) -> Cred {
    let n = 24 + p.below(40);
    let v = p.string(b"abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_", n);
    Cred { what: "high-entropy string".into(), secret: v.clone(), value: v, recognisable: false, basic_user: None }
}

fn basic_pair(p: &mut Pool) -> Cred {
    let user = format!("acct_{}", p.string(ALNUM, 10));
    let n = 20 + p.below(20);
    let pass = p.string(ALNUM, n);
    Cred { what: "Basic user:password".into(), secret: pass.clone(), value: pass, recognisable: false, basic_user: Some(user) }
}

fn nv(n: &str, v: &str) -> NameValue {
    NameValue { name: n.into(), value: v.into() }
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

/// Hosts to send to: the provider's own (so environment and key-type causes run) and a neutral one.
fn host_for(provider: Option<&'static Provider>, p: &mut Pool) -> String {
    match provider.and_then(|pr| pr.hosts.get(p.below(pr.hosts.len().max(1)))) {
        Some(h) if p.below(4) != 0 => h.domain.trim_start_matches('.').to_string(),
        _ => "api.example.test".into(),
    }
}

/// One entry per place the credential can be sent, named by the place.
fn placements(c: &Cred, host: &str, p: &mut Pool) -> Vec<(&'static str, Entry)> {
    let statuses = [401, 403, 200, 401];
    let v = c.value.as_str();
    let param = CREDENTIAL_PARAMS[p.below(CREDENTIAL_PARAMS.len())];
    let basic = match &c.basic_user {
        Some(u) => STANDARD.encode(format!("{u}:{v}")),
        None => STANDARD.encode(format!("{v}:")),
    };
    let mut out: Vec<(&'static str, Entry)> = Vec::new();
    let mut add = |place: &'static str, url: String, headers: Vec<NameValue>, req_body: Option<(&str, String)>, resp_body: String, p: &mut Pool| {
        let status = statuses[p.below(statuses.len())];
        let post_data = req_body.map(|(mime, text)| PostData {
            mime_type: mime.into(),
            params: if mime.contains("form") { vec![nv(param, v)] } else { Vec::new() },
            text: Some(text),
        });
        out.push((
            place,
            Entry {
                started_date_time: "2026-10-14T09:30:00Z".into(),
                request: Request { method: "POST".into(), url, headers, post_data, ..Default::default() },
                response: Response {
                    status,
                    content: Content { mime_type: "application/json".into(), text: Some(resp_body), ..Default::default() },
                    headers: vec![nv("WWW-Authenticate", "Bearer realm=\"api\", error=\"invalid_token\"")],
                    ..Default::default()
                },
                ..Default::default()
            },
        ));
    };
    let base = format!("https://{host}/v1/charges");
    let err = r#"{"error":{"message":"No such API key"}}"#.to_string();
    add("Authorization: Bearer", base.clone(), vec![nv("Authorization", &format!("Bearer {v}"))], None, err.clone(), p);
    add("Authorization: Basic", base.clone(), vec![nv("Authorization", &format!("Basic {basic}"))], None, err.clone(), p);
    add("Authorization: raw", base.clone(), vec![nv("Authorization", v)], None, err.clone(), p);
    add("X-API-Key", base.clone(), vec![nv("X-API-Key", v), nv("Content-Type", "application/json")], None, err.clone(), p);
    add("query", format!("{base}?page=2&{param}={}", enc(v)), vec![], None, err.clone(), p);
    // The names a provider documents for its key in the query (OpenWeather's `appid=`).
    if let Some(name) = providers::for_host(host).and_then(|(pr, _)| pr.facts.query_keys.get(p.below(pr.facts.query_keys.len().max(1)))) {
        add("documented query parameter", format!("{base}?page=2&{name}={}", enc(v)), vec![], None, err.clone(), p);
    }
    add("URL userinfo password", format!("https://user:{}@{host}/v1/me", enc(v)), vec![], None, err.clone(), p);
    add("URL userinfo user", format!("https://{}:@{host}/v1/me", enc(v)), vec![], None, err.clone(), p);
    let json = serde_json::json!({ "amount": 100, param: v, "data": { "client_secret": v } }).to_string();
    add("JSON body", base.clone(), vec![nv("Content-Type", "application/json")], Some(("application/json", json)), err.clone(), p);
    let form = format!("amount=100&{param}={}", enc(v));
    add("form body", base.clone(), vec![], Some(("application/x-www-form-urlencoded", form)), err.clone(), p);
    // The server echoes the key the request carried (many APIs do), whatever its format.
    let echo = serde_json::json!({ "message": format!("Invalid API key: {v}. Check your key.") }).to_string();
    add("X-API-Key echoed in the response body", base.clone(), vec![nv("X-API-Key", v)], None, echo, p);
    if c.recognisable {
        let bodies = [
            serde_json::json!({ "error": { "message": format!("Invalid API Key provided: {v}") } }).to_string(),
            serde_json::json!({ "message": v }).to_string(),
            format!("invalid key {v}\n"),
        ];
        let body = bodies[p.below(bodies.len())].clone();
        add("response body", base.clone(), vec![nv("Authorization", "Bearer undefined")], None, body, p);
        add("innocuous query parameter", format!("{base}?ref={}", enc(v)), vec![], None, err, p);
    }
    out
}

/// Every output a person can see or copy, named.
fn outputs(entries: &[Entry]) -> Vec<(String, String)> {
    let har = Har { log: Log { entries: entries.to_vec(), ..Default::default() } };
    let report = analyze_har(har.clone());
    let lines: Vec<usize> = (1..=entries.len()).collect();
    let mut out = vec![
        ("JSON report".to_string(), render::json::render(&report)),
        ("text report".to_string(), render::text::render(&report)),
        ("Markdown report".to_string(), render::markdown::render(&report)),
        ("SARIF report".to_string(), render::sarif::render_report(&report, "capture.har", &lines)),
    ];
    // The JSON report once more with its strings unescaped (a key holding `"` or `\`).
    if let Ok(v) = serde_json::to_value(&report) {
        let mut strings = String::new();
        collect_strings(&v, &mut strings);
        out.push(("JSON report strings".into(), strings));
    }
    for (i, e) in entries.iter().enumerate() {
        out.push((format!("cURL of entry {i}"), export::curl(e)));
    }
    out.push(("redacted HAR".into(), serde_json::to_string(&export::redact_har(har)).unwrap_or_default()));
    out
}

fn collect_strings(v: &serde_json::Value, out: &mut String) {
    match v {
        serde_json::Value::String(s) => {
            out.push_str(s);
            out.push('\n');
        }
        serde_json::Value::Array(a) => a.iter().for_each(|x| collect_strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| collect_strings(x, out)),
        _ => {}
    }
}

/// The forms of the secret that must not appear: the value (raw and URL-encoded), the Basic
/// header's base64, and every 12-character piece of the secret part.
fn needles(c: &Cred) -> Vec<String> {
    let mut n = vec![c.value.clone(), enc(&c.value)];
    if let Some(u) = &c.basic_user {
        n.push(STANDARD.encode(format!("{u}:{}", c.value)));
    } else {
        n.push(STANDARD.encode(format!("{}:", c.value)));
    }
    let chars: Vec<char> = c.secret.chars().collect();
    if chars.len() >= WINDOW {
        n.extend(chars.windows(WINDOW).map(|w| w.iter().collect::<String>()));
    }
    n.retain(|s| s.len() >= WINDOW);
    n.sort();
    n.dedup();
    n
}

/// `authlens scan` over web-bundle files holding the credential: text, Markdown, SARIF.
fn scan_outputs(c: &Cred) -> Vec<(String, String)> {
    let v = &c.value;
    let files = [
        ("dist/app.js", format!("const cfg={{apiKey:\"{v}\",env:\"prod\"}};fetch(u,{{headers:{{Authorization:\"Bearer {v}\"}}}});")),
        (".env.production", format!("NEXT_PUBLIC_API_URL=https://api.example.test\nSECRET_KEY={v}\n")),
        ("config.json", serde_json::json!({ "payments": { "server_key": v, "client_secret": v } }).to_string()),
    ];
    let mut report = secrets::ScanReport::default();
    for (path, text) in &files {
        report.add_file(path, text.len(), secrets::scan_source(path, text));
    }
    vec![
        ("scan text".into(), render::scan::text(&report)),
        ("scan Markdown".into(), render::scan::markdown(&report)),
        ("scan SARIF".into(), render::sarif::render_scan(&report)),
        ("scan JSON".into(), serde_json::to_string(&report).unwrap_or_default()),
    ]
}

fn check(c: &Cred, host: &str, p: &mut Pool) -> Result<(), TestCaseError> {
    let placed = placements(c, host, p);
    let entries: Vec<Entry> = placed.iter().map(|(_, e)| e.clone()).collect();
    let needles = needles(c);
    // An NFA: far cheaper to build than the default DFA, and the outputs are short.
    let Ok(ac) = AhoCorasick::builder().kind(Some(AhoCorasickKind::NoncontiguousNFA)).build(&needles) else {
        return Err(TestCaseError::fail("could not build the matcher"));
    };
    for (name, text) in scan_outputs(c) {
        if let Some(m) = ac.find(&text) {
            return Err(TestCaseError::fail(format!(
                "{} in a scanned file leaks into the {name}: `{}` (value {:?})",
                c.what,
                needles[m.pattern().as_usize()],
                c.value
            )));
        }
    }
    for (name, text) in outputs(&entries) {
        if let Some(m) = ac.find(&text) {
            // Find which placement leaks, for the message.
            let culprit = placed
                .iter()
                .find(|(_, e)| outputs(std::slice::from_ref(e)).iter().any(|(_, t)| ac.is_match(t)))
                .map_or("?", |(pl, _)| pl);
            let from = text[..m.start()].char_indices().rev().nth(80).map_or(0, |(i, _)| i);
            let to = (m.end() + 40).min(text.len());
            let to = (to..=text.len()).find(|i| text.is_char_boundary(*i)).unwrap_or(text.len());
            return Err(TestCaseError::fail(format!(
                "{} sent as {culprit} to {host} leaks into the {name}: `{}` (value {:?})\n…{}…",
                c.what,
                needles[m.pattern().as_usize()],
                c.value,
                &text[from..to]
            )));
        }
    }
    Ok(())
}

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(32)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), failure_persistence: None, max_shrink_iters: 16, ..ProptestConfig::default() })]

    #[test]
    fn no_secret_reaches_any_output(pool in prop::collection::vec(any::<u8>(), 512..2048)) {
        let mut p = Pool { bytes: &pool, at: 0 };
        let mut creds: Vec<(Cred, Option<&'static Provider>)> = Vec::new();
        for pr in providers::ALL.iter().copied() {
            for rule in pr.keys {
                creds.push((key_for(rule, &mut p), Some(pr)));
            }
        }
        creds.push((jwt_for(&mut p, "authenticated"), None));
        creds.push((jwt_for(&mut p, "service_role"), providers::by_id("supabase")));
        creds.push((random_secret(&mut p), None));
        creds.push((basic_pair(&mut p), providers::by_id("stripe")));
        for (c, pr) in &creds {
            let host = host_for(*pr, &mut p);
            check(c, &host, &mut p)?;
        }
    }
}

/// The generator covers every key rule of every provider, and most generated keys are recognised.
#[test]
fn generator_covers_every_rule() {
    let bytes: Vec<u8> = (0..2048u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8).collect();
    let mut p = Pool { bytes: &bytes, at: 0 };
    let (mut total, mut recognised) = (0, 0);
    for pr in providers::ALL {
        for rule in pr.keys {
            let c = key_for(rule, &mut p);
            assert!(c.value.starts_with(rule.prefix), "{}", rule.id);
            // Keyword rules (no prefix) are recognised only beside their keyword or sent to their
            // provider, never by the value alone: the generator's shapes are checked on the others.
            if !rule.has_shape() {
                continue;
            }
            total += 1;
            if providers::classify(&c.value, None).is_some() || jwt::looks_like_jwt(&c.value) {
                recognised += 1;
            } else {
                eprintln!("[redaction] not recognised: {} ({:?})", rule.id, c.value);
            }
        }
    }
    eprintln!("[redaction] {recognised} of {total} generated keys are recognised by their format");
    assert!(total >= 10);
    assert!(recognised * 2 >= total, "only {recognised} of {total} generated keys are recognised");
}
