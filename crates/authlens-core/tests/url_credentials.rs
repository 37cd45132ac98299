//! `credential_in_url` precision: tokens made to travel in URLs are no finding, and one credential
//! sent in the URL of many requests is one finding, not one per request. Over 141 real HAR files,
//! half of these findings were analytics, RUM and map tokens, and two JWTs made 26 findings.

use authlens_core::analyze_har_text;

fn entry(url: &str) -> String {
    format!(r#"{{"startedDateTime":"2026-12-01T10:00:00Z","request":{{"method":"GET","url":"{url}","headers":[]}},"response":{{"status":200,"headers":[],"content":{{"mimeType":"application/json","text":"{{}}"}}}}}}"#)
}

fn in_url(urls: &[String]) -> Vec<(usize, String)> {
    let har = format!(r#"{{"log":{{"entries":[{}]}}}}"#, urls.iter().map(|u| entry(u)).collect::<Vec<_>>().join(","));
    let r = analyze_har_text(&har).expect("a HAR");
    assert_eq!(r.summary.credentials_in_url, r.entries.iter().flat_map(|e| &e.findings).filter(|f| f.id == "credential_in_url").count());
    r.entries.iter().flat_map(|e| e.findings.iter().filter(|f| f.id == "credential_in_url").map(move |f| (e.index, f.location.clone()))).collect()
}

#[test]
fn tokens_made_for_urls_are_not_findings() {
    // Built at run time: no token-shaped literal in the source.
    let hex32: String = (0..32).map(|i| b"0123456789abcdef"[(i * 7 + 3) % 16] as char).collect();
    let mpulse = ["K9QXA", "7LM2Z", "P3RTE", "W8VNB", "Q5JHD"].join("-");
    let mapbox = format!("pk.eyJ1IjoiYWNtZSIsImEiOiJjbH{}In0.{}", "Q2Zm9vYmFy", "aB3dE5fG7hI9jK1lM3nO5p");
    let urls = [
        format!("https://api-js.mixpanel.com/track/?token={hex32}&ip=1"),
        format!("https://c.go-mpulse.net/api/config.json?key={mpulse}&d=shop.test"),
        format!("https://api.mapbox.com/styles/v1/acme/streets?access_token={mapbox}"),
    ];
    assert_eq!(in_url(&urls), vec![], "public URL tokens are not findings");
}

#[test]
fn one_credential_in_many_urls_is_one_finding() {
    let b64 = |s: &str| base64_url(s.as_bytes());
    let jwt = format!("{}.{}.{}", b64(r#"{"alg":"HS256","typ":"JWT"}"#), b64(r#"{"sub":"u-1","exp":1900000000}"#), "c2lnbmF0dXJlLWZvci10aGUtdGVzdC1vbmx5LTEyMzQ1Ng");
    let other = format!("{}.{}.{}", b64(r#"{"alg":"HS256","typ":"JWT"}"#), b64(r#"{"sub":"u-2","exp":1900000000}"#), "YW5vdGhlci1zaWduYXR1cmUtZm9yLXRoZS10ZXN0LTk4");
    let mut urls: Vec<String> = (0..13).map(|i| format!("https://api.shop.test/orders/{i}?access_token={jwt}")).collect();
    urls.extend((0..13).map(|i| format!("https://api.shop.test/cart/{i}?token={other}")));
    let found = in_url(&urls);
    assert_eq!(found, vec![(0, "request.query.access_token".to_string()), (13, "request.query.token".to_string())], "two JWTs, two findings");
}

fn base64_url(bytes: &[u8]) -> String {
    const A: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    let mut out = String::new();
    for c in bytes.chunks(3) {
        let n = (u32::from(c[0]) << 16) | (u32::from(*c.get(1).unwrap_or(&0)) << 8) | u32::from(*c.get(2).unwrap_or(&0));
        for i in 0..=c.len() {
            out.push(A[((n >> (18 - 6 * i)) & 63) as usize] as char);
        }
    }
    out
}
