//! Building secret-exposure cases at run time: the corpus templates' `{{…}}` markers and a matrix
//! of every rule in every place a page can expose it. Values come from
//! `authlens_core::secrets::samples` (prefix + deterministic filler); nothing secret-shaped is
//! committed.
#![allow(dead_code)]

use authlens_core::providers::{self, Find, KeyKind, KeyRule, Provider};
use authlens_core::report::Finding;
use authlens_core::secrets::samples::{self, sample, sample_id, Filler};
use base64::engine::general_purpose::STANDARD;
use base64::Engine as _;
use serde_json::json;

/// A case: a text to analyse (a HAR or a file), the secret rules it must report, and the number of
/// `credential_in_url` findings it must report.
#[derive(Debug, Clone)]
pub struct Case {
    /// Name for messages (`capture.har`, `stripe_secret_key_live @ query`).
    pub name: String,
    /// Where (location kind), for the figures.
    pub kind: String,
    /// HAR (`true`) or a file to scan.
    pub har: bool,
    /// The text.
    pub text: String,
    /// Secret rule ids expected, one per exposure.
    pub expected: Vec<&'static str>,
    /// `credential_in_url` findings expected.
    pub in_url: usize,
    /// The secret values placed (for redaction checks).
    pub secrets: Vec<(String, &'static str)>,
}

fn rule(id: &str) -> &'static KeyRule {
    providers::rule_by_id(id).unwrap_or_else(|| panic!("no rule {id}")).1
}

fn generated(name: &str, seed: u64) -> String {
    let mut f = Filler::new(seed);
    match name {
        "awsid" => samples::aws_key_id(seed),
        "twiliosid" => samples::twilio_sid(seed),
        "uuid" => format!("{}-{}-4{}-a{}-{}", f.chars(b"0123456789abcdef", 8), f.chars(b"0123456789abcdef", 4), f.chars(b"0123456789abcdef", 3), f.chars(b"0123456789abcdef", 3), f.chars(b"0123456789abcdef", 12)),
        "user_jwt" => samples::user_jwt(seed),
        "pubkey" => f.chars(b"abcdefghijklmnopqrstuvwxyz0123456789", 16),
        "wsuser" => format!("ws_{}@Company.Shop", f.chars(b"0123456789", 6)),
        other => panic!("unknown generator {other}"),
    }
}

/// Fill a template's markers. `seed` makes the values of one file differ from another's.
pub fn fill(name: &str, kind: &str, har: bool, template: &str, seed: u64) -> Case {
    let mut case = Case { name: name.into(), kind: kind.into(), har, text: String::new(), expected: Vec::new(), in_url: 0, secrets: Vec::new() };
    let mut rest = template;
    let mut n = 0u64;
    while let Some(i) = rest.find("{{") {
        let Some(j) = rest[i..].find("}}") else { break };
        case.text.push_str(&rest[..i]);
        let inner = &rest[i + 2..i + j];
        rest = &rest[i + j + 2..];
        n += 1;
        let s = seed * 1000 + n;
        const KNOWN: &[&str] = &["key", "basic", "pem", "pem_json", "sa", "sa_json", "b64js", "expect", "awsid", "twiliosid", "uuid", "user_jwt", "pubkey", "wsuser"];
        if !KNOWN.contains(&inner.trim_end_matches("|url").split(':').next().unwrap_or("")) {
            // Not a marker: template syntax the page itself holds (`{{PRIVATE_KEY}}`).
            case.text.push_str("{{");
            case.text.push_str(inner);
            case.text.push_str("}}");
            continue;
        }
        let (inner, url) = match inner.strip_suffix("|url") {
            Some(x) => (x, true),
            None => (inner, false),
        };
        case.in_url += usize::from(url);
        let (kind, arg) = inner.split_once(':').unwrap_or((inner, ""));
        let value = match kind {
            "key" => {
                let r = rule(arg);
                let v = sample(r, s);
                if r.kind == KeyKind::Secret {
                    case.expected.push(r.id);
                    case.secrets.push((v.clone(), r.prefix));
                }
                v
            }
            "basic" => {
                let parts: Vec<String> = arg
                    .split(':')
                    .map(|p| match p.strip_prefix('@') {
                        Some(g) => generated(g, s),
                        None => {
                            let r = rule(p);
                            let v = sample(r, s);
                            if r.kind == KeyKind::Secret {
                                case.expected.push(r.id);
                                case.secrets.push((v.clone(), r.prefix));
                            }
                            v
                        }
                    })
                    .collect();
                samples::basic(&parts[0], parts.get(1).map_or("", |p| p.as_str()))
            }
            "pem" | "pem_json" => {
                case.expected.push("pem_private_key");
                let v = samples::pem(s, kind == "pem_json");
                case.secrets.push((v.clone(), "-----BEGIN PRIVATE KEY-----"));
                v
            }
            "sa" | "sa_json" => {
                case.expected.push("google_service_account_key");
                let v = samples::service_account_json(s);
                case.secrets.push((samples::pem(s, true), "-----BEGIN PRIVATE KEY-----"));
                if kind == "sa_json" {
                    let q = serde_json::to_string(&v).unwrap();
                    q[1..q.len() - 1].to_string()
                } else {
                    v
                }
            }
            "b64js" => {
                let r = rule(arg);
                let v = sample(r, s);
                case.expected.push(r.id);
                case.secrets.push((v.clone(), r.prefix));
                STANDARD.encode(format!("!function(){{var k=\"{v}\";window.k=k}}();"))
            }
            "expect" => {
                case.expected.push(rule(arg).id);
                String::new()
            }
            g => generated(g, s),
        };
        case.text.push_str(&value);
    }
    case.text.push_str(rest);
    case
}

/// Where a generated case puts the key.
pub const LOCATIONS: &[&str] = &[
    "authorization", "basic", "header", "cookie", "query", "json_body", "form_body", "multipart_body", "text_body",
    "response_js", "response_json", "response_b64", "response_html", "file_js", "file_json", "file_env", "file_map",
];

fn entry(method: &str, url: &str, headers: &[(&str, &str)], body: Option<(&str, &str)>, resp: Option<(&str, &str, bool)>) -> serde_json::Value {
    let mut req = json!({
        "method": method, "url": url, "httpVersion": "HTTP/2",
        "headers": headers.iter().map(|(n, v)| json!({"name": n, "value": v})).collect::<Vec<_>>(),
        "queryString": [], "cookies": [], "headersSize": -1, "bodySize": -1,
    });
    if let Some((mime, text)) = body {
        req["postData"] = json!({"mimeType": mime, "text": text});
    }
    let (rm, rt, b64) = resp.unwrap_or(("application/json", "{}", false));
    let mut content = json!({"size": rt.len(), "mimeType": rm, "text": if b64 { STANDARD.encode(rt) } else { rt.to_string() }});
    if b64 {
        content["encoding"] = json!("base64");
    }
    json!({
        "startedDateTime": "2026-11-23T10:00:00.000Z", "time": 1,
        "request": req,
        "response": {"status": 200, "statusText": "", "httpVersion": "HTTP/2", "headers": [], "cookies": [], "content": content, "redirectURL": "", "headersSize": -1, "bodySize": -1},
        "cache": {}, "timings": {"send": 0, "wait": 1, "receive": 0},
    })
}

fn har(entries: Vec<serde_json::Value>) -> String {
    serde_json::to_string_pretty(&json!({"log": {"version": "1.2", "creator": {"name": "corpus", "version": "1"}, "entries": entries}})).unwrap()
}

fn host_of(p: &Provider) -> String {
    p.hosts.first().map_or_else(|| "api.shop.example".to_string(), |h| format!("api.{}", h.domain))
}

/// A value shaped for `rule`, with what surrounds it, at a location kind. `None` when the rule
/// cannot be exposed there (a Basic password needs a Basic header).
pub fn place(p: &'static Provider, r: &'static KeyRule, seed: u64, loc: &str) -> Option<Case> {
    let origin = ("Origin", "https://shop.example");
    let name = format!("{} @ {loc}", r.id);
    let mut case = Case { name, kind: loc.into(), har: true, text: String::new(), expected: vec![r.id], in_url: 0, secrets: Vec::new() };
    // A word naming the provider near the key, as real code has; for a rule known by its own
    // keywords beside a rule of the same prefix (Gemini's `AIza` beside Google's public keys),
    // its keyword, and only in texts (bundles, files): in a request's parts the value reads as
    // the provider's public key, and is shown and exported as one.
    let shared_same_provider = matches!(r.find, Find::Near(_)) && p.keys.iter().any(|o| o.prefix == r.prefix && o.find == Find::Prefix);
    let ctx = match r.find {
        Find::Near(words) if shared_same_provider => words[0],
        _ => p.id,
    };
    if shared_same_provider && !matches!(loc, "response_js" | "response_json" | "response_b64" | "response_html") && !loc.starts_with("file_") {
        return None;
    }
    match r.find {
        Find::Prefix | Find::Near(_) => {
            let v = sample(r, seed);
            case.secrets.push((v.clone(), r.prefix));
            let q: String = url::form_urlencoded::byte_serialize(v.as_bytes()).collect();
            let js = format!("!function(){{var {ctx}Config={{key:\"{v}\"}};window.c={ctx}Config}}();");
            let host = host_of(p);
            case.text = match loc {
                "authorization" if v.starts_with("https://") || v.starts_with("ftp://") || v.starts_with("ftps://") => return None, // a URL is no bearer token
                "authorization" => har(vec![entry("GET", &format!("https://{host}/v1/x"), &[origin, ("Authorization", &format!("Bearer {v}"))], None, None)]),
                "basic" if v.contains(':') => return None, // a URL cannot be a Basic user-id
                "basic" => har(vec![entry("GET", &format!("https://{host}/v1/x"), &[origin, ("Authorization", &format!("Basic {}", samples::basic(&v, "")))], None, None)]),
                "header" => har(vec![entry("GET", "https://api.shop.example/x", &[origin, (&format!("X-{ctx}-Key"), &v)], None, None)]),
                // encodeURIComponent's form: a space is `%20` in a cookie (`+` is the form encoding's)
                "cookie" => har(vec![entry("GET", "https://api.shop.example/x", &[origin, ("Cookie", &format!("theme=dark; {ctx}_key={}", q.replace('+', "%20")))], None, None)]),
                "query" => {
                    case.in_url = 1;
                    har(vec![entry("GET", &format!("https://api.shop.example/x?page=2&{ctx}={q}"), &[origin], None, None)])
                }
                "json_body" => har(vec![entry("POST", "https://api.shop.example/x", &[origin], Some(("application/json", &json!({"config": {"providers": [{"name": ctx, "key": v}]}}).to_string())), None)]),
                "form_body" => har(vec![entry("POST", "https://api.shop.example/x", &[origin], Some(("application/x-www-form-urlencoded", &format!("a=1&{ctx}={q}"))), None)]),
                "multipart_body" => {
                    let b = format!("--zz\r\nContent-Disposition: form-data; name=\"{ctx}\"\r\n\r\n{v}\r\n--zz--\r\n");
                    har(vec![entry("POST", "https://api.shop.example/x", &[origin], Some(("multipart/form-data; boundary=zz", &b)), None)])
                }
                "text_body" => har(vec![entry("POST", "https://api.shop.example/x", &[origin], Some(("text/plain", &format!("{ctx} {v}\n"))), None)]),
                "response_js" => har(vec![entry("GET", "https://shop.example/main.js", &[], None, Some(("application/javascript", &js, false)))]),
                "response_json" => har(vec![entry("GET", "https://shop.example/env.json", &[], None, Some(("application/json", &json!({"env": {ctx: v}}).to_string(), false)))]),
                "response_b64" => har(vec![entry("GET", "https://shop.example/main.js", &[], None, Some(("text/javascript", &js, true)))]),
                "response_html" => {
                    let h = format!("<!doctype html><div id=\"app\" data-{ctx}-key=\"{v}\"></div>");
                    har(vec![entry("GET", "https://shop.example/", &[], None, Some(("text/html", &h, false)))])
                }
                "file_js" => {
                    case.har = false;
                    js
                }
                "file_json" => {
                    case.har = false;
                    serde_json::to_string_pretty(&json!({"services": {ctx: {"key": v}}})).unwrap()
                }
                "file_env" => {
                    case.har = false;
                    format!("# .env\n{}_KEY={v}\nPORT=3000\n", ctx.to_ascii_uppercase())
                }
                "file_map" => {
                    case.har = false;
                    let src = format!("export const {ctx} = {{ key: \"{v}\" }};\n");
                    json!({"version": 3, "sources": ["src/cfg.ts"], "sourcesContent": [src], "mappings": "AAAA"}).to_string()
                }
                _ => return None,
            };
        }
        Find::BasicPassword => {
            if loc != "basic" {
                return None;
            }
            let v = sample(r, seed);
            case.secrets.push((v.clone(), ""));
            let user = match p.id {
                "razorpay" => sample_id("razorpay_key_id_live", seed),
                "paypal" => sample_id("paypal_client_id", seed),
                "twilio" => samples::twilio_sid(seed),
                "adyen" => generated("wsuser", seed),
                _ => generated("pubkey", seed),
            };
            case.text = har(vec![entry("POST", &format!("https://{}/v1/x", host_of(p)), &[origin, ("Authorization", &format!("Basic {}", samples::basic(&user, &v)))], None, None)]);
        }
        Find::BasicUser => return None,
        // Prefix-less rules: the value after a name holding the rule's first keyword, in a file
        // (their own examples in rules/*.toml cover the other forms).
        Find::Keyword(words) => {
            let v = sample(r, seed);
            case.secrets.push((v.clone(), ""));
            let w = words.first().copied().unwrap_or("key");
            case.har = false;
            case.text = match loc {
                "file_env" => format!("# .env\n{}_KEY={v}\nPORT=3000\n", w.to_ascii_uppercase()),
                "file_js" => format!("const {w}_key = \"{v}\";\n"),
                _ => return None,
            };
        }
        Find::Scanner => {
            let s = seed;
            let (text, har_case) = match (r.id, loc) {
                ("pem_private_key", "file_js") => (format!("const deployKey = \"{}\";\n", samples::pem(s, true)), false),
                ("pem_private_key", "file_env") => (format!("{}\n", samples::pem(s, false)), false),
                ("pem_private_key", "response_js") => (har(vec![entry("GET", "https://shop.example/k.js", &[], None, Some(("application/javascript", &format!("var k=\"{}\";", samples::pem(s, true)), false)))]), true),
                ("google_service_account_key", "file_json") => (samples::service_account_json(s), false),
                ("google_service_account_key", "response_json") => (har(vec![entry("GET", "https://shop.example/sa.json", &[], None, Some(("application/json", &samples::service_account_json(s), false)))]), true),
                ("aws_secret_access_key", "file_js") => (format!("const c=new AWS.Credentials(\"{}\",\"{}\");", samples::aws_key_id(s), sample(r, s)), false),
                ("aws_secret_access_key", "file_env") => (format!("AWS_ACCESS_KEY_ID={}\nAWS_SECRET_ACCESS_KEY={}\n", samples::aws_key_id(s), sample(r, s)), false),
                ("aws_secret_access_key", "authorization") => {
                    let a = format!("AWS4-HMAC-SHA256 Credential={}/20261123/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00ff", samples::aws_key_id(s));
                    (har(vec![entry("GET", "https://b.s3.amazonaws.com/x", &[origin, ("Authorization", &a)], None, None)]), true)
                }
                ("generic_secret", "file_env") => (format!("CLIENT_SECRET={}\n", sample(r, s)), false),
                ("generic_secret", "file_js") => (format!("const o={{apiSecret:\"{}\"}};", sample(r, s)), false),
                ("generic_secret", "json_body") => (har(vec![entry("POST", "https://api.shop.example/x", &[origin], Some(("application/json", &json!({"auth": {"client_secret": sample(r, s)}}).to_string())), None)]), true),
                ("generic_secret", "form_body") => (har(vec![entry("POST", "https://api.shop.example/x", &[origin], Some(("application/x-www-form-urlencoded", &format!("client_secret={}", sample(r, s)))), None)]), true),
                ("generic_secret", "query") => {
                    case.in_url = 1;
                    (har(vec![entry("GET", &format!("https://api.shop.example/x?page=1&app_secret={}", sample(r, s)), &[origin], None, None)]), true)
                }
                ("generic_secret", "header") => (har(vec![entry("GET", "https://api.shop.example/x", &[origin, ("X-App-Secret", &sample(r, s))], None, None)]), true),
                ("curl_credential", "file_js") => (format!("const help = \"curl -u deploy:{} https://api.shop.example/x\";\n", sample(r, s)), false),
                ("curl_credential", "file_env") => (format!("#!/bin/sh\ncurl -X POST \\\n  -H \"Authorization: Bearer {}\" https://api.shop.example/x\n", sample(r, s)), false),
                ("bearer_token_in_code", "file_js") => (format!("fetch(\"https://api.shop.example/x\",{{headers:{{Authorization:\"Bearer {}\"}}}});\n", sample(r, s)), false),
                ("bearer_token_in_code", "response_js") => {
                    let js = format!("xhr.setRequestHeader('Authorization','Token {}');", sample(r, s));
                    (har(vec![entry("GET", "https://shop.example/main.js", &[], None, Some(("application/javascript", &js, false)))]), true)
                }
                ("api_credential_in_code", "file_js") => (format!("const r=new Redis({{url:\"https://finer-coral-39542.upstash.io\",token:\"{}\"}});\n", sample(r, s)), false),
                ("api_credential_in_code", "response_js") => {
                    let js = format!("const t=new OpenAI({{baseURL:\"https://api.together.xyz/v1\",apiKey:\"{}\",dangerouslyAllowBrowser:!0}});", sample(r, s));
                    (har(vec![entry("GET", "https://shop.example/main.js", &[], None, Some(("application/javascript", &js, false)))]), true)
                }
                ("twilio_auth_token", "file_js") => (format!("const tw={{accountSid:\"{}\",authToken:\"{}\"}};", samples::twilio_sid(s), sample(r, s)), false),
                _ => return None,
            };
            if !matches!(r.id, "pem_private_key" | "google_service_account_key") && loc != "authorization" {
                case.secrets.push((sample(r, s), ""));
            }
            case.text = text;
            case.har = har_case;
        }
    }
    Some(case)
}

/// Every generated case: each rule with a secret kind at each location it can be exposed at.
pub fn matrix(seed: u64) -> Vec<Case> {
    let mut out = Vec::new();
    for (p, r) in providers::all_rules() {
        if r.kind != KeyKind::Secret {
            continue;
        }
        for loc in LOCATIONS {
            if let Some(c) = place(p, r, seed, loc) {
                out.push(c);
            }
        }
    }
    out
}

/// The findings of a case.
pub fn run(case: &Case) -> Vec<Finding> {
    if case.har {
        match authlens_core::analyze_har_text(&case.text) {
            Ok(r) => r.entries.into_iter().flat_map(|e| e.findings).collect(),
            Err(e) => panic!("{}: {e}", case.name),
        }
    } else {
        authlens_core::secrets::scan_source(&case.name, &case.text).into_iter().map(|f| f.finding).collect()
    }
}

/// Compare findings with a case's expectations: (expected and found, missed, unexpected).
pub fn score(case: &Case, found: &[Finding]) -> (usize, Vec<String>, Vec<String>) {
    let mut want: Vec<&str> = case.expected.clone();
    let mut extra = Vec::new();
    let mut url = 0;
    for f in found {
        if f.id == "credential_in_url" {
            url += 1;
            if url > case.in_url {
                extra.push(format!("{} {} at {}", f.id, f.rule, f.location));
            }
            continue;
        }
        match want.iter().position(|w| *w == f.rule) {
            Some(i) => {
                want.remove(i);
            }
            None => extra.push(format!("{} {} at {}", f.id, f.rule, f.location)),
        }
    }
    let mut missed: Vec<String> = want.iter().map(|w| w.to_string()).collect();
    for _ in url..case.in_url {
        missed.push("credential_in_url".into());
    }
    let total = case.expected.len() + case.in_url;
    (total - missed.len(), missed, extra)
}
