//! The causes that read the session (redirects, cookies, token responses, preflights, earlier
//! successes) must never panic, whatever the session holds: random sessions are assembled from
//! pieces that look like what those causes look for, with hostile values mixed in.

use proptest::prelude::*;

const URLS: &[&str] = &[
    "https://api.example.com/v1/items",
    "https://api.example.com/v1/items/",
    "http://api.example.com/v1/items/",
    "https://api-eu.example.com/v1/items",
    "https://app.sandbox.midtrans.com/snap/v1/transactions",
    "https://api.checkout.com/payments",
    "https://api-m.paypal.com/v2/checkout/orders",
    "https://qwertyuiopasdfghjklz.supabase.co/rest/v1/t",
    "https://people.googleapis.com/v1/people/me?key=AIzaSyA-abcdefghijklmnopqrstuvwxyz0123",
    "https://example.okta.com/api/v1/users",
    "https://x.s3.amazonaws.com/k?X-Amz-Date=20261014T080000Z&X-Amz-Expires=9e99",
    "https://é.example/ü?token=%FF%FE",
    "not a url",
    "",
];

const REQ_HEADERS: &[(&str, &str)] = &[
    ("Authorization", "Bearer eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjE3OTE5NzAyMDAsImV4cCI6MTc5MTk3MDEwMCwibmJmIjo5OTk5OTk5OTk5OTk5fQ.c2ln"),
    ("Authorization", "Bearer eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y3Q.dGFn"),
    ("Authorization", "Bearer opaqueTokenAAAAAAAAAAAAAAAAAA1"),
    ("Authorization", "Bearer opaqueTokenBBBBBBBBBBBBBBBBBB2"),
    ("Authorization", "Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6"),
    ("Authorization", "basic Og=="),
    ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIA/x, SignedHeaders=host, Signature=ab"),
    ("Authorization", "Bearer Authorization: Bearer x y"),
    ("Authorization", "SSWS 00abcdefghijklmnopqrstuvwxyz"),
    ("Authorization", ""),
    ("Cookie", "sid=abc; other=1"),
    ("Cookie", ";;=;"),
    ("Origin", "https://app.example.com"),
    ("Origin", "null"),
    ("Referer", "https://shop.example/é"),
    ("Sec-Fetch-Site", "cross-site"),
    ("Access-Control-Request-Method", "POST"),
    ("Access-Control-Request-Headers", "authorization, content-type"),
    ("X-Amz-Date", "20261014T100000Z"),
    ("X-Amz-Date", "garbage"),
    ("X-Amz-Security-Token", "IQoJ"),
    ("apikey", "undefined"),
];

const RESP_HEADERS: &[(&str, &str)] = &[
    ("Set-Cookie", "sid=abc; Path=/; HttpOnly; Secure; SameSite=Lax"),
    ("Set-Cookie", "sid=; Max-Age=0"),
    ("Set-Cookie", "s=1; Domain=.example.com; Path=/api\nt=2; Path=é; SameSite=None"),
    ("Set-Cookie", "=; ; Domain=; Path"),
    ("Location", "https://api-eu.example.com/v1/items"),
    ("Location", "/v1/items/"),
    ("Location", "http://[::1"),
    ("WWW-Authenticate", "Basic realm=\"x\""),
    ("WWW-Authenticate", "Bearer error=\"insufficient_scope\", scope=\"a b\""),
    ("WWW-Authenticate", "Bearer error_description=\"jwt not active\""),
    ("Access-Control-Allow-Headers", "*"),
    ("Date", "Wed, 14 Oct 2026 09:20:00 GMT"),
    ("Date", "yesterday"),
    ("x-amzn-ErrorType", "MissingAuthenticationTokenException"),
];

const BODIES: &[&str] = &[
    "",
    "{\"access_token\":\"opaqueTokenAAAAAAAAAAAAAAAAAA1\",\"expires_in\":1}",
    "{\"data\":{\"token\":\"opaqueTokenBBBBBBBBBBBBBBBBBB2\"},\"expires_in\":\"-5\"}",
    "{\"token\":\"eyJhbGciOiJIUzI1NiJ9.eyJpYXQiOjF9.c2ln\",\"expires_in\":1e308}",
    "{\"message\":\"jwt audience invalid. expected: \"}",
    "{\"message\":\"jwt audience invalid. expected: é\"}",
    "Missing scopes: ",
    "Having the '",
    "permission denied for table ",
    "is not authorized to perform: ",
    "<Code>RequestTimeTooSkewed</Code>",
    "Token not provided",
    "API keys are not supported by this API",
    "{\"status_code\":\"401\"}",
];

/// Indices into the pools above; one entry of a session.
#[allow(clippy::too_many_arguments)]
fn entry(url: usize, method: usize, status: i64, req: &[usize], resp: &[usize], body: usize, rtype: bool, secs: u32) -> serde_json::Value {
    let methods = ["GET", "POST", "OPTIONS", "PUT"];
    serde_json::json!({
        "startedDateTime": format!("2026-10-14T09:{:02}:{:02}.000Z", (secs / 60) % 60, secs % 60),
        "_resourceType": if rtype { Some("preflight") } else { None },
        "_error": if status == 0 { Some("net::ERR_FAILED") } else { None },
        "request": {
            "method": methods[method % methods.len()],
            "url": URLS[url % URLS.len()],
            "headers": req.iter().map(|i| { let (n, v) = REQ_HEADERS[i % REQ_HEADERS.len()]; serde_json::json!({"name": n, "value": v}) }).collect::<Vec<_>>(),
        },
        "response": {
            "status": status,
            "redirectURL": if (300..400).contains(&status) { URLS[(url + 3) % URLS.len()] } else { "" },
            "headers": resp.iter().map(|i| { let (n, v) = RESP_HEADERS[i % RESP_HEADERS.len()]; serde_json::json!({"name": n, "value": v}) }).collect::<Vec<_>>(),
            "content": {"text": BODIES[body % BODIES.len()]},
        },
    })
}

fn arb_entry() -> impl Strategy<Value = serde_json::Value> {
    (
        0usize..64,
        0usize..8,
        prop::sample::select(vec![0i64, 200, 204, 301, 302, 307, 401, 403, 404]),
        prop::collection::vec(0usize..64, 0..5),
        prop::collection::vec(0usize..64, 0..4),
        0usize..64,
        any::<bool>(),
        0u32..3600,
    )
        .prop_map(|(u, m, s, rq, rs, b, t, secs)| entry(u, m, s, &rq, &rs, b, t, secs))
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn random_sessions_never_panic(entries in prop::collection::vec(arb_entry(), 1..40)) {
        let har = serde_json::json!({"log": {"entries": entries}}).to_string();
        let report = authlens_core::analyze_har_text(&har).expect("a well-typed HAR parses");
        for e in &report.entries {
            for c in &e.causes {
                prop_assert!((0.0..=1.0).contains(&c.confidence));
                prop_assert!(!c.evidence.is_empty());
                prop_assert!(!c.fix.is_empty());
            }
        }
    }
}
