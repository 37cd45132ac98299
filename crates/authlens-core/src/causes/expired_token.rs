use super::{declare_cause, Ctx, Hit};
use crate::exchange::{fmt_duration, fmt_unix};

declare_cause! {
    /// ## What it means
    /// The request carried a JWT whose `exp` claim lies before the moment the request was sent.
    /// Servers must reject a token on or after its expiry time (RFC 7519 §4.1.4).
    ///
    /// ## Why it happens
    /// The app keeps using a token from storage without checking `exp`, the refresh flow did not
    /// run (or failed silently), or the tab stayed open longer than the token lives. authlens
    /// compares `exp` with the time the request started, as the browser recorded it, not with
    /// the clock of whoever reads the report.
    ///
    /// ## How to fix
    /// 1. Refresh the token before `exp` (or on the first 401, then retry the request once).
    /// 2. When reading a token from storage, check `exp` before using it.
    /// 3. If tokens expire sooner than expected, check the `expires_in` unit (seconds, not milliseconds).
    ///
    /// ## Example
    /// `Authorization: Bearer eyJ…` with `exp` = 06:28 UTC, sent at 09:30 UTC → `401`
    /// `WWW-Authenticate: Bearer error="invalid_token"`. Fixed: refresh, then send the new token.
    pub static CAUSE = {
        id: "expired_token",
        category: Token,
        since: "0.1.0",
        title: "the token had expired when the request was sent",
        check: check,
    };
}

fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let now = ex.started.or_else(|| ex.resp_header("date").and_then(|d| time::OffsetDateTime::parse(d, &time::format_description::well_known::Rfc2822).ok()))?;
    let now = now.unix_timestamp() as f64;
    for c in &ex.credentials {
        let Some(j) = &c.jwt else { continue };
        let Some(exp) = j.exp else { continue };
        if exp > now {
            continue;
        }
        let ago = now - exp;
        let mut evidence = vec![format!("the token at {} expired {} before the request (exp {})", c.location.describe(), fmt_duration(ago), fmt_unix(exp))];
        if let (Some(iat), true) = (j.iat, j.iat.is_some_and(|i| i < exp)) {
            evidence.push(format!("it was issued at {} and lived {}", fmt_unix(iat), fmt_duration(exp - iat)));
        }
        let server_says_expired = ex.challenges.iter().any(|ch| ch.param("error_description").is_some_and(|d| d.to_ascii_lowercase().contains("expired")))
            || ex.resp_body_mentions(&["expired"]);
        if server_says_expired {
            evidence.push("the server's answer mentions expiry".into());
        }
        let confidence = if server_says_expired { 0.97 } else if ago > 60.0 { 0.92 } else { 0.6 };
        if ago <= 60.0 {
            evidence.push("it expired less than a minute before: clock skew between client and server may matter".into());
        }
        return Some(Hit {
            confidence,
            evidence,
            fix: vec![
                "refresh the token before `exp`, or on the first 401 refresh and retry the request once".into(),
                "when reading a token from storage, check its `exp` before using it".into(),
                "if tokens die sooner than expected, check that `expires_in` is treated as seconds".into(),
            ],
        });
    }
    None
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};
    use crate::parse::jwt::make;

    #[test]
    fn expired_relative_to_entry_time() {
        // the entry starts 2026-10-14T09:30:00Z; exp is 06:28 that day
        let t = make(r#"{"alg":"HS256"}"#, r#"{"exp":1791959280,"iat":1791955680}"#);
        let ex = failing("https://x.test/me", &[("Authorization", &format!("Bearer {t}"))]);
        assert_eq!(ids(&ex)[0], "expired_token");
        let hits = crate::causes::diagnose(&ex, &[]);
        assert!(hits[0].1.evidence[0].contains("expired 3 h 2 min before the request (exp 2026-10-14 06:28 UTC)"), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn valid_token_not_expired() {
        let t = make(r#"{"alg":"HS256"}"#, r#"{"exp":1792000000}"#);
        assert!(!ids(&failing("https://x.test/me", &[("Authorization", &format!("Bearer {t}"))])).contains(&"expired_token"));
    }
}
