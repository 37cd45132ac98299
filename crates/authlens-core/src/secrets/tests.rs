//! Exchange-level tests: where secrets are looked for, and what is never a finding.

use super::samples::{self, sample_id};
use super::*;
use crate::har::{Content, Entry, PostData, Response};

fn entry(url: &str, headers: &[(&str, &str)]) -> Entry {
    Entry::new("GET", url).headers(headers)
}

fn with_req_body(mut e: Entry, mime: &str, text: &str) -> Entry {
    e.request.method = "POST".into();
    e.request.post_data = Some(PostData { mime_type: mime.into(), text: Some(text.into()), params: Vec::new() });
    e
}

fn with_resp(mut e: Entry, mime: &str, text: &str, b64: bool) -> Entry {
    e.response = Response {
        status: 200,
        content: Content {
            mime_type: mime.into(),
            text: Some(if b64 { base64::Engine::encode(&base64::engine::general_purpose::STANDARD, text) } else { text.into() }),
            encoding: b64.then(|| "base64".into()),
            ..Default::default()
        },
        ..Default::default()
    };
    e
}

fn run(e: Entry) -> Vec<Finding> {
    findings(&Exchange::new(0, &e))
}

fn summary(f: &[Finding]) -> Vec<(String, String, String)> {
    f.iter().map(|f| (f.id.to_string(), f.rule.to_string(), f.location.clone())).collect()
}

fn has(f: &[Finding], id: &str, rule: &str, location: &str) -> bool {
    f.iter().any(|x| x.id == id && x.rule == rule && x.location == location)
}

#[test]
fn secret_in_authorization_and_basic_halves() {
    let k = sample_id("stripe_secret_key_live", 1);
    let f = run(entry("https://api.stripe.com/v1/charges", &[("Authorization", &format!("Bearer {k}"))]));
    assert!(has(&f, SECRET_KEY_EXPOSED, "stripe_secret_key_live", "request.header.Authorization"), "{:?}", summary(&f));
    assert_eq!(f[0].severity, Severity::Critical);
    assert!(!serde_json::to_string(&f).unwrap().contains(&k[8..]));

    let (id, secret) = (sample_id("paypal_client_id", 2), sample_id("paypal_client_secret", 2));
    let f = run(entry("https://api-m.sandbox.paypal.com/v1/oauth2/token", &[("Authorization", &format!("Basic {}", samples::basic(&id, &secret)))]));
    assert_eq!(summary(&f), vec![(SECRET_KEY_EXPOSED.into(), "paypal_client_secret".into(), "request.header.Authorization (Basic password)".into())]);
    assert_eq!(f[0].severity, Severity::High, "sandbox host");

    let (kid, ks) = (sample_id("razorpay_key_id_test", 3), sample_id("razorpay_key_secret", 3));
    let f = run(entry("https://api.razorpay.com/v1/orders", &[("Authorization", &format!("Basic {}", samples::basic(&kid, &ks)))]));
    assert!(has(&f, SECRET_KEY_EXPOSED, "razorpay_key_secret", "request.header.Authorization (Basic password)"));
    assert_eq!(f[0].severity, Severity::High, "the key id says test mode");
}

#[test]
fn a_users_token_of_a_secrets_shape() {
    // Twitch's user access tokens and client secrets are both 30 lowercase letters and digits: in
    // Authorization it is a user's token (the page validating it), in the token request's body
    // the client secret.
    let v = "5l2tzoubzv3uf5lees4p4ttg7ol2on";
    let f = run(entry("https://id.twitch.tv/oauth2/validate", &[("Authorization", &format!("OAuth {v}"))]));
    assert!(f.iter().all(|x| x.id != SECRET_KEY_EXPOSED), "{:?}", summary(&f));
    let f = run(with_req_body(entry("https://id.twitch.tv/oauth2/token", &[]), "application/x-www-form-urlencoded", &format!("client_id=hof5gwx0su6owfnys0yan9c87zr6t&client_secret={v}&grant_type=client_credentials")));
    assert!(f.iter().any(|x| x.id == SECRET_KEY_EXPOSED && x.rule == "twitch_client_secret"), "{:?}", summary(&f));
}

#[test]
fn destination_decides_shared_prefixes() {
    // `sk_test_<uuid>` is Checkout.com's previous platform; Stripe keys have no dashes.
    let k = sample_id("checkout_secret_key_previous_sandbox", 4);
    let f = run(entry("https://api.sandbox.checkout.com/payments", &[("Authorization", &k)]));
    assert_eq!(f[0].provider, Some("checkout"));
}

#[test]
fn headers_cookies_query_and_url() {
    let k = sample_id("openai_project_key", 5);
    let f = run(entry("https://api.example.test/x", &[("X-OpenAI-Key", &k), ("Cookie", &format!("a=1; ok={k}"))]));
    assert!(has(&f, SECRET_KEY_EXPOSED, "openai_project_key", "request.header.X-OpenAI-Key"), "{:?}", summary(&f));
    assert!(has(&f, SECRET_KEY_EXPOSED, "openai_project_key", "request.cookie.ok"), "{:?}", summary(&f));

    let k = sample_id("sendgrid_api_key", 6);
    let f = run(entry(&format!("https://api.example.test/send?k={k}&page=2"), &[]));
    assert!(has(&f, SECRET_KEY_EXPOSED, "sendgrid_api_key", "request.query.k"), "{:?}", summary(&f));
    assert!(has(&f, CREDENTIAL_IN_URL, "sendgrid_api_key", "request.query.k"));

    let user = samples::user_jwt(7);
    let f = run(entry(&format!("https://api.example.test/me?access_token={user}"), &[]));
    assert_eq!(summary(&f), vec![(CREDENTIAL_IN_URL.into(), "query_parameter".into(), "request.query.access_token".into())]);

    let f = run(entry("https://user:hunter2-longer@api.example.test/", &[]));
    assert!(has(&f, CREDENTIAL_IN_URL, "url_userinfo", "request.url (password)"));
}

#[test]
fn request_bodies() {
    let k = sample_id("xendit_secret_key_production", 8);
    let body = format!(r#"{{"config":{{"payments":[{{"key":"{k}"}}]}}}}"#);
    let f = run(with_req_body(entry("https://api.example.test/x", &[]), "application/json", &body));
    assert!(has(&f, SECRET_KEY_EXPOSED, "xendit_secret_key_production", "request.body $.config.payments[0].key"), "{:?}", summary(&f));

    let s = sample_id("generic_secret", 9);
    let f = run(with_req_body(entry("https://api.example.test/x", &[]), "application/x-www-form-urlencoded", &format!("a=1&client_secret={s}")));
    assert!(has(&f, SECRET_KEY_EXPOSED, "generic_secret", "request.body client_secret"), "{:?}", summary(&f));

    let k = sample_id("slack_bot_token", 10);
    let mp = format!("--b\r\nContent-Disposition: form-data; name=\"t\"\r\n\r\n{k}\r\n--b--\r\n");
    let f = run(with_req_body(entry("https://api.example.test/x", &[]), "multipart/form-data; boundary=b", &mp));
    assert!(has(&f, SECRET_KEY_EXPOSED, "slack_bot_token", "request.body line 4 col 1"), "{:?}", summary(&f));
}

#[test]
fn response_bodies_bundles_and_base64() {
    let k = sample_id("midtrans_server_key", 11);
    let js = format!("!function(){{var e={{}};e.serverKey=\"{k}\";return e}}();");
    let f = run(with_resp(entry("https://shop.example.test/static/main.js", &[]), "application/javascript", &js, false));
    assert!(has(&f, SECRET_KEY_EXPOSED, "midtrans_server_key", "response.body line 1 col 35"), "{:?}", summary(&f));
    assert!(f[0].title.contains("served to the page"));

    let f = run(with_resp(entry("https://shop.example.test/static/main.js", &[]), "application/javascript", &js, true));
    assert!(has(&f, SECRET_KEY_EXPOSED, "midtrans_server_key", "response.body line 1 col 35"), "base64 HAR body: {:?}", summary(&f));

    let json = format!(r#"{{"config":{{"key":"{}"}}}}"#, sample_id("stripe_secret_key_test", 12));
    let f = run(with_resp(entry("https://shop.example.test/env.json", &[]), "application/json", &json, false));
    assert!(has(&f, SECRET_KEY_EXPOSED, "stripe_secret_key_test", "response.body $.config.key"));
    assert_eq!(f[0].severity, Severity::High);

    let img = with_resp(entry("https://shop.example.test/a.png", &[]), "image/png", &json, false);
    assert!(run(img).is_empty(), "binary types are skipped");
}

#[test]
fn supabase_roles() {
    let service = sample_id("supabase_service_role_key", 13);
    let anon = sample_id("supabase_anon_key", 13);
    let f = run(entry("https://abc.supabase.co/rest/v1/t", &[("apikey", &anon), ("Authorization", &format!("Bearer {service}"))]));
    assert_eq!(summary(&f), vec![(SECRET_KEY_EXPOSED.into(), "supabase_service_role_key".into(), "request.header.Authorization".into())]);
    assert!(f[0].redacted.as_str().starts_with("JWT…"));
    let f = run(entry("https://abc.supabase.co/rest/v1/t", &[("apikey", &anon), ("Authorization", &format!("Bearer {}", samples::user_jwt(1)))]));
    assert!(f.is_empty(), "anon key and a user's token are fine: {:?}", summary(&f));
}

#[test]
fn publishable_keys_are_never_findings() {
    for id in providers::all_rules().filter(|(_, r)| r.kind == KeyKind::Publishable && r.has_shape()).map(|(_, r)| r.id) {
        let k = sample_id(id, 14);
        let js = format!("init({{key:\"{k}\",publishableKey:'{k}'}})");
        let q: String = form_urlencoded::byte_serialize(k.as_bytes()).collect();
        let e = with_resp(entry(&format!("https://shop.example.test/?key={q}"), &[("X-Api-Key", &k)]), "text/javascript", &js, false);
        let f = run(e);
        assert!(f.is_empty(), "{id}: {:?}", summary(&f));
    }
    // Tokens are no secret key, but a token in a URL is still a credential in a URL.
    for id in providers::all_rules().filter(|(_, r)| r.kind == KeyKind::Token && r.has_shape()).map(|(_, r)| r.id) {
        let k = sample_id(id, 14);
        let f = run(entry(&format!("https://shop.example.test/?access_token={k}"), &[("X-Api-Key", &k)]));
        assert_eq!(f.iter().map(|f| f.id).collect::<Vec<_>>(), vec![CREDENTIAL_IN_URL], "{id}");
    }
}

#[test]
fn redact_secrets_in_free_text() {
    let (k, pk, g) = (sample_id("stripe_secret_key_live", 20), sample_id("stripe_publishable_key_live", 20), sample_id("generic_secret", 20));
    let t = format!("curl -d 'key={k}&pk={pk}' -H 'x: y' --data '{{\"client_secret\":\"{g}\"}}'");
    let r = redact_secrets(&t);
    assert!(!r.contains(&k[8..]) && !r.contains(&g[4..]) && r.contains(&pk), "{r}");
    assert!(r.contains("sk_live_…[redacted, 32 chars]"));
}

#[test]
fn aws_signature_made_in_the_page() {
    let id = samples::aws_key_id(1);
    let auth = format!("AWS4-HMAC-SHA256 Credential={id}/20260101/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abcdef0123");
    let f = run(entry("https://bucket.s3.amazonaws.com/x", &[("Authorization", &auth), ("Origin", "https://shop.example.test")]));
    assert!(has(&f, SECRET_KEY_EXPOSED, "aws_secret_access_key", "request.header.Authorization"), "{:?}", summary(&f));
    let f = run(entry("https://bucket.s3.amazonaws.com/x", &[("Authorization", &auth)]));
    assert!(f.is_empty(), "not from a page");
    let presigned = format!("https://bucket.s3.amazonaws.com/x?X-Amz-Credential={id}%2F20260101%2Fus-east-1%2Fs3%2Faws4_request&X-Amz-Signature=abc");
    assert!(run(entry(&presigned, &[("Origin", "https://shop.example.test")])).is_empty());
}

#[test]
fn one_finding_per_location() {
    let k = sample_id("stripe_secret_key_live", 15);
    let body = format!(r#"{{"secret_key":"{k}"}}"#);
    let f = run(with_req_body(entry("https://api.example.test/x", &[("Authorization", &format!("Bearer {k}"))]), "application/json", &body));
    assert_eq!(f.len(), 2, "{:?}", summary(&f));
}

#[test]
fn every_secret_rule_has_a_sample_the_scanner_finds() {
    for (p, r) in providers::all_rules().filter(|(_, r)| r.kind == KeyKind::Secret && r.has_shape()) {
        let k = samples::sample(r, 16);
        assert!(r.matches(&k), "{}: {k}", r.id);
        let ctx = engine::Ctx { destination: Some(p), ..engine::Ctx::default() };
        // A rule found near its keywords is written after one (`CLERK_SECRET_KEY=`).
        let text = match r.find {
            Find::Near(words) => format!("{}_key = \"{k}\";", words[0]),
            _ => format!("x = \"{k}\";"),
        };
        let hits = engine::scan(&text, &ctx);
        assert_eq!(hits.iter().map(|h| h.rule.id).collect::<Vec<_>>(), vec![r.id], "{k}");
    }
}

mod hostile {
    use super::super::engine::{scan, Ctx};
    use super::*;
    use proptest::prelude::*;

    /// Pieces that steer the scanner into its corners: prefixes, keywords, base64 prefixes,
    /// separators, escapes and multi-byte characters right next to them.
    const PIECES: &[&str] = &[
        "sk_live_", "sk_", "SB-Mid-server-", "U0ItTWlkLXNlcnZlci", "eyJ", ".", "secret", "SECRET_KEY", "=", ":", "\"", "'", "\\n", "\n",
        "-----BEGIN PRIVATE KEY-----", "-----END", "AKIA", "ASIA", "AQE", "EAAA", "ghp_", "xoxb-", "https://hooks.slack.com/services/",
        "é", "😀", "\u{0}", "%3D", "{", "}", "[", "]", ",", "aB3dE5gH7jK9", "0123456789abcdef", "+/==", "$", "access_token$production$",
    ];

    fn text() -> impl Strategy<Value = String> {
        prop::collection::vec(prop_oneof![prop::sample::select(PIECES).prop_map(str::to_string), ".{0,12}"], 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { failure_persistence: None, ..ProptestConfig::default() })]

        #[test]
        fn scanner_never_panics(t in text(), slot in any::<bool>()) {
            let hits = scan(&t, &Ctx { slot, ..Ctx::default() });
            for h in &hits {
                prop_assert!(t.is_char_boundary(h.start) && t.is_char_boundary(h.end) && h.start <= h.end);
            }
            let _ = files::scan_source("x.js", &t);
            let _ = scan_text(&t);
            let offs: Vec<usize> = hits.iter().map(|h| h.start).collect();
            let _ = locate::json_paths(&t, &offs);
            let _ = locate::line_cols(&t, &offs);
            let _ = locate::har_entry_offsets(&t);
        }

        #[test]
        fn exchanges_never_panic(t in text(), h in text()) {
            let e = with_resp(with_req_body(entry(&format!("https://api.example.test/{}?a={}", t.escape_default(), t.escape_default()), &[("X-K", &h), ("Cookie", &h), ("Authorization", &t)]), "application/json", &t), "text/javascript", &h, false);
            let _ = run(e);
        }
    }
}

/// Worst cases for the scanner's work per candidate. `cargo test --release -p authlens-core
/// adversarial -- --ignored --nocapture` prints the timings (each 2 MiB text should take
/// milliseconds, not seconds).
#[test]
#[ignore]
fn adversarial_inputs_are_bounded() {
    let k = sample_id("generic_secret", 1);
    let cases: Vec<(&str, String)> = vec![
        ("eyJ. repeated", "eyJ.".repeat(512 * 1024)),
        ("eyJ then one long JWT-charset run", format!("eyJ{}", "a".repeat(2 << 20))),
        ("AQE=- repeated near a keyword", format!("adyen {}", "AQE=-".repeat(400 * 1024))),
        ("PEM headers repeated", "-----BEGIN PRIVATE KEY-----\n".repeat(70 * 1024)),
        ("secret fields repeated", format!("secret:\"{k}\",").repeat(40 * 1024)),
        ("AKIA ids repeated", "AKIAABCDEFGHIJKLMNOP \"".repeat(90 * 1024)),
        ("authToken fields without SID", "authToken:\"0123456789abcdef0123456789abcdef\",".repeat(45 * 1024)),
        ("base64 prefix runs", "U0ItTWlkLXNlcnZlci ".repeat(100 * 1024)),
        ("sk_live_ repeated", "sk_live_".repeat(256 * 1024)),
    ];
    for (what, text) in cases {
        let t = std::time::Instant::now();
        let n = scan_text(&text).len();
        eprintln!("[adversarial] {what}: {} KiB, {n} findings, {:.1} ms", text.len() / 1024, t.elapsed().as_secs_f64() * 1000.0);
    }
}

/// Every data rule's own examples (`rules/*.toml`): a secret rule's positive is reported by the
/// file scanner under that rule's id; a publishable or token rule's positive is recognised under
/// its id by the scanner (sent to its provider, when another provider's rule has the same shape)
/// and reported by the file scanner as nothing at all; a negative is never
/// recognised as that rule. A Basic half's examples are values of that half of a Basic credential
/// sent to the provider: a positive is recognised as the rule, a negative is not. Placeholders are
/// expanded with three seeds, so an example passes by its shape, not by one lucky draw.
#[test]
fn data_rules_examples() {
    let mut failures = Vec::new();
    for ex in crate::providers::EXAMPLES {
        let Some((provider, rule)) = crate::providers::rule_by_id(ex.rule) else {
            failures.push(format!("{}: no such rule", ex.rule));
            continue;
        };
        if matches!(rule.find, Find::BasicPassword | Find::BasicUser) {
            let password = rule.find == Find::BasicPassword;
            for seed in 1..=3u64 {
                for (t, want) in ex.positive.iter().map(|t| (t, true)).chain(ex.negative.iter().map(|t| (t, false))) {
                    let half = samples::expand(t, seed);
                    let got = crate::providers::classify_basic(&half, Some(provider), password).map(|m| m.rule.id);
                    if (got == Some(ex.rule)) != want {
                        failures.push(format!("{} ({}): Basic half {half:?} recognised as {got:?}", ex.rule, ex.file));
                    }
                }
            }
            continue;
        }
        for seed in 1..=3u64 {
            for t in ex.positive {
                let text = samples::expand(t, seed);
                let found = scan_source("example.txt", &text);
                let rules: Vec<&str> = found.iter().map(|f| f.finding.rule).collect();
                let mut hits: Vec<&str> = engine::scan(&text, &engine::Ctx::default()).iter().map(|h| h.rule.id).collect();
                if !hits.contains(&ex.rule) {
                    // A shape two providers share is the destination's (Google's and Firebase's
                    // API keys): recognised as this rule when sent to its provider.
                    hits = engine::scan(&text, &engine::Ctx { destination: Some(provider), ..engine::Ctx::default() }).iter().map(|h| h.rule.id).collect();
                }
                let ok = if rule.kind == KeyKind::Secret { rules.contains(&ex.rule) } else { hits.contains(&ex.rule) && rules.is_empty() };
                if !ok {
                    failures.push(format!("{} ({}): positive {text:?}: findings {rules:?}, recognised {hits:?}", ex.rule, ex.file));
                }
            }
            for t in ex.negative {
                let text = samples::expand(t, seed);
                let found = scan_source("example.txt", &text);
                let hits = engine::scan(&text, &engine::Ctx::default());
                if found.iter().any(|f| f.finding.rule == ex.rule) || hits.iter().any(|h| h.rule.id == ex.rule) {
                    failures.push(format!("{} ({}): negative recognised: {text:?}", ex.rule, ex.file));
                }
            }
        }
    }
    assert!(failures.is_empty(), "{} example failures:\n{}", failures.len(), failures.join("\n"));
    assert!(!crate::providers::EXAMPLES.is_empty());
}

#[test]
fn hard_coded_bearer_tokens() {
    let tok = "8mkQMv05JXYE6HCbfcSMhFJ3qMXicxfX";
    let rules = |text: &str| -> Vec<(&'static str, Severity)> {
        scan_source("app.js", text).iter().map(|f| (f.finding.rule, f.finding.severity)).collect()
    };
    // The provider's URL before the token (a fetch) or after it (a client made with its headers).
    let fetch = format!(r#"fetch("https://api.mistral.ai/v1/chat/completions",{{headers:{{Authorization:"Bearer {tok}"}}}})"#);
    assert_eq!(rules(&fetch), vec![("mistral_api_key", Severity::Critical)]);
    let client = format!(r#"axios.create({{headers:{{'Authorization':'Bearer {tok}'}},baseURL:'https://api.mistral.ai/v1'}})"#);
    assert_eq!(rules(&client), vec![("mistral_api_key", Severity::Critical)]);
    // Any other API: a token every visitor receives, of unknown kind.
    let own = format!(r#"fetch("https://api.acme.example/orders",{{headers:{{Authorization:`Token {tok}`}}}})"#);
    assert_eq!(rules(&own), vec![("bearer_token_in_code", Severity::High)]);
    // Built from a variable, a template, or not a string literal: nothing.
    for quiet in [
        format!(r#"h={{Authorization:"Bearer "+t}}; x="{tok}""#),
        format!(r#"h={{Authorization:`Bearer ${{t}}{tok}`}}"#),
        format!(r#"h={{Authorization:Bearer {tok}}}"#),
    ] {
        assert!(rules(&quiet).is_empty(), "{quiet}");
    }
}
