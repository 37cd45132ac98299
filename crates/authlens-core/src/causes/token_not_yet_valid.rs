use super::{declare_cause, Ctx, Hit};
use crate::exchange::{fmt_duration, fmt_unix};
use crate::parse::date::{amz_date, http_date};

declare_cause! {
    /// ## What it means
    /// The request carried a JWT that is not valid yet: its `nbf` (not before) or `iat` (issued
    /// at) claim lies after the moment the API checked it. A validator must refuse a token before
    /// its `nbf` (RFC 7519 §4.1.5), and many also refuse one "issued in the future".
    ///
    /// ## Why it happens
    /// The clocks disagree. The server that issued the token runs ahead of the server that checks
    /// it (a VM or container whose clock drifted, a host without NTP), or the token was minted on a
    /// machine with a wrong time zone. It usually shows right after login: the fresh token is
    /// refused for a few seconds or minutes, then starts working.
    ///
    /// ## How to fix
    /// 1. Synchronise the clocks of the issuer and the API (NTP, `chronyd`, `timedatectl`).
    /// 2. Give the validator a small clock tolerance (`clockTolerance`, `leeway`: 30–60 s).
    /// 3. If the token was minted by your own code, set `iat`/`nbf` from a correct clock, in
    ///    seconds (not milliseconds).
    ///
    /// ## Example
    /// A token with `nbf` = 09:34 UTC sent at 09:30 UTC (the API's `Date` header) → `401`
    /// `jwt not active`. Fixed: synchronise the issuer's clock, or allow 60 s of leeway.
    ///
    /// ## Known limits
    /// authlens compares the claims with the API's `Date` header when there is one, else with the
    /// time the browser recorded; both clocks can be off by a few seconds.
    ///
    /// ## References
    /// RFC 7519 §4.1.5 and §4.1.6.
    pub static CAUSE = {
        id: "token_not_yet_valid",
        category: Token,
        since: "0.1.0",
        title: "the token was not valid yet when the API checked it (clock skew)",
        check: check,
    };
}

/// Leeway below which an `iat` in the future is not worth reporting.
const IAT_SLACK: f64 = 5.0;

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let server = ex.resp_header("date").and_then(http_date);
    let (now, clock) = match (server, ex.started) {
        (Some(s), _) => (s.unix_timestamp() as f64, "the API's clock (Date header)"),
        (None, Some(s)) => (s.unix_timestamp() as f64, "the time the request was sent"),
        _ => return None,
    };
    if let Some(hit) = signed_with_skewed_clock(ex) {
        return Some(hit);
    }
    for c in &ex.credentials {
        let Some(j) = &c.jwt else { continue };
        let (claim, at) = match (j.nbf, j.iat) {
            (Some(nbf), _) if nbf > now => ("nbf", nbf),
            (_, Some(iat)) if iat > now + IAT_SLACK => ("iat", iat),
            _ => continue,
        };
        if j.exp.is_some_and(|e| e <= now) {
            continue; // expired as well: expired_token explains it
        }
        let ahead = at - now;
        let mut evidence = vec![format!(
            "the token at {} has `{claim}` {} after {clock} (`{claim}` {})",
            c.location.describe(),
            fmt_duration(ahead),
            fmt_unix(at)
        )];
        if j.millis {
            evidence.push("its time claims are in milliseconds; authlens read them as seconds".into());
        }
        let said = server_says_not_yet(ex);
        if said {
            evidence.push("the server's answer says the token is not active yet / used before issued".into());
        }
        let confidence = if said {
            0.95
        } else if ahead >= 30.0 {
            0.85
        } else {
            evidence.push("the gap is small: a validator without leeway still refuses it".into());
            0.7
        };
        return Some(Hit {
            confidence,
            evidence,
            fix: vec![
                format!("synchronise the clock of the token issuer{} with the API's (NTP)", j.iss.as_deref().map(|i| format!(" ({})", crate::redact::clip(i, 96))).unwrap_or_default()),
                "give the token validator a clock tolerance of 30–60 s (`clockTolerance`, `leeway`)".into(),
                "if your code mints the token, take `iat`/`nbf` from a correct clock, in seconds".into(),
            ],
        });
    }
    not_yet_by_time_in_url(ex, now).or_else(|| not_yet_by_word(ex))
}

/// A pre-signed URL or SAS whose signing or start time is ahead of the server's clock.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn not_yet_by_time_in_url(ex: &crate::exchange::Exchange, now: f64) -> Option<Hit> {
    let u = ex.parsed.as_ref()?;
    let mut at = None;
    for (k, v) in u.query_pairs().take(64) {
        if k.eq_ignore_ascii_case("x-amz-date") {
            at = amz_date(&v).map(|t| (t.unix_timestamp() as f64, "X-Amz-Date (signing time)"));
        } else if k == "st" && u.query_pairs().any(|(k, _)| k == "sig") {
            at = crate::parse::date::rfc3339(&v).map(|t| (t.unix_timestamp() as f64, "the SAS start `st`"));
        }
    }
    let (t, what) = at?;
    if t <= now + 1.0 {
        return None;
    }
    Some(Hit {
        confidence: 0.92,
        evidence: vec![format!("{what} is {}, {} ahead of the server's clock: the URL is not valid yet", fmt_unix(t), fmt_duration(t - now))],
        fix: vec![
            "synchronise the clock of the machine that signs the URL (NTP)".into(),
            "for a SAS, set the start time a few minutes in the past (or leave `st` out)".into(),
        ],
    })
}

/// The server says "not yet valid" / "used before issued" and authlens cannot read the times.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn not_yet_by_word(ex: &crate::exchange::Exchange) -> Option<Hit> {
    use crate::exchange::server_says::Says;
    if !ex.says(Says::NotYetValid) || ex.says(Says::Expired) {
        return None;
    }
    let said = ex.server_said().quote(ex, Says::NotYetValid, 160);
    Some(Hit {
        confidence: 0.85,
        evidence: vec![format!("the server says the token is not valid yet: \"{}\"", said), "the issuer's clock is ahead of the API's (or the token's times are in the wrong unit)".into()],
        fix: vec![
            "synchronise the clocks of the token issuer and the API (NTP)".into(),
            "give the token validator a clock tolerance of 30–60 s (`clockTolerance`, `leeway`, `ClockSkew`)".into(),
        ],
    })
}

/// Signed requests (AWS SigV4) carry their signing time; the server refuses one too far from its
/// own clock (15 minutes for AWS).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn signed_with_skewed_clock(ex: &crate::exchange::Exchange) -> Option<Hit> {
    const SAYS: &[&str] = &["requesttimetooskewed", "signature expired", "signature not yet current", "difference between the request time and the current time is too large"];
    if !ex.resp_body_mentions(SAYS) {
        return None;
    }
    let signed = ex.req_header("x-amz-date").and_then(amz_date);
    let server = ex.resp_header("date").and_then(http_date);
    let mut evidence = vec!["the server refused the request's signing time: the client's clock is off (or a signature was reused)".to_string()];
    if let (Some(s), Some(t)) = (signed, server.or(ex.started)) {
        let gap = (s - t).whole_seconds() as f64;
        evidence.push(format!(
            "the request was signed at {} (X-Amz-Date), {} {} the server's time",
            fmt_unix(s.unix_timestamp() as f64),
            fmt_duration(gap),
            if gap >= 0.0 { "ahead of" } else { "behind" }
        ));
    }
    Some(Hit {
        confidence: 0.9,
        evidence,
        fix: vec![
            "synchronise the client's clock (NTP); AWS accepts at most 15 minutes of difference".into(),
            "sign each request when it is sent: do not reuse a signature or a signing date".into(),
        ],
    })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn server_says_not_yet(ex: &crate::exchange::Exchange) -> bool {
    const WORDS: &[&str] = &["not active", "not yet valid", "used before issued", "before issued", "issued at is in the future", "iat is in the future", "nbf", "not before"];
    ex.resp_body_mentions(WORDS)
        || ex.challenges.iter().any(|c| c.param("error_description").is_some_and(|d| crate::exchange::mentions(d, WORDS)))
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids, with_status};
    use crate::parse::jwt::make;

    // The test exchanges start at 2026-10-14T09:30:00Z = 1791970200.
    #[test]
    fn nbf_in_the_future() {
        let t = make(r#"{"alg":"HS256"}"#, r#"{"nbf":1791970450,"iat":1791970450,"exp":1791974050}"#);
        let ex = with_status("https://api.example.test/me", &[("Authorization", &format!("Bearer {t}"))], 401, "{\"message\":\"jwt not active\"}");
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "token_not_yet_valid");
        assert!(hits[0].1.evidence[0].contains("`nbf` 4 min 10 s after"), "{:?}", hits[0].1.evidence);
        assert!(hits[0].1.confidence > 0.9);
    }

    #[test]
    fn iat_in_milliseconds_is_not_the_future() {
        // 1791970100000 ms = 100 s before the request
        let t = make(r#"{"alg":"HS256"}"#, r#"{"iat":1791970100000,"exp":1791973700000}"#);
        assert!(!ids(&failing("https://api.example.test/me", &[("Authorization", &format!("Bearer {t}"))])).contains(&"token_not_yet_valid"));
    }

    #[test]
    fn near_miss_iat_within_slack() {
        let t = make(r#"{"alg":"HS256"}"#, r#"{"iat":1791970203,"exp":1791973800}"#);
        assert!(!ids(&failing("https://api.example.test/me", &[("Authorization", &format!("Bearer {t}"))])).contains(&"token_not_yet_valid"));
    }

    #[test]
    fn aws_request_time_too_skewed() {
        let mut ex = with_status("https://bucket.s3.amazonaws.com/k", &[("X-Amz-Date", "20261014T100000Z"), ("Authorization", "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261014/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=abc")], 403,
            "<Error><Code>RequestTimeTooSkewed</Code><Message>The difference between the request time and the current time is too large.</Message></Error>");
        ex.resp_headers.push(crate::har::NameValue { name: "Date".into(), value: "Wed, 14 Oct 2026 09:30:00 GMT".into() });
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "token_not_yet_valid");
        assert!(hits[0].1.evidence[1].contains("30 min 0 s ahead of"), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn uses_the_date_header_of_the_api() {
        // The browser's clock says 09:30:00, the API's clock says 09:20:00: iat 09:25 is in its future.
        let t = make(r#"{"alg":"HS256"}"#, r#"{"iat":1791969900,"exp":1791973500}"#);
        let mut ex = failing("https://api.example.test/me", &[("Authorization", &format!("Bearer {t}"))]);
        ex.resp_headers.push(crate::har::NameValue { name: "Date".into(), value: "Wed, 14 Oct 2026 09:20:00 GMT".into() });
        assert_eq!(ids(&ex)[0], "token_not_yet_valid");
    }
}
