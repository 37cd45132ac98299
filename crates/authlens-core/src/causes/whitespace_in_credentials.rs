use super::{declare_cause, Ctx, Hit};
use crate::exchange::Location;
use crate::parse::basic::Basic;
use crate::signals;

declare_cause! {
    /// ## What it means
    /// The credential contains whitespace it should not have: a trailing newline, a leading or
    /// trailing space, a space inside, an URL-encoded newline, or an invisible character. The
    /// server compares the exact bytes, so the key no longer matches.
    ///
    /// ## Why it happens
    /// The key was copied with the surrounding whitespace, a `.env` value has a trailing space,
    /// or it was base64-encoded with `echo` (which adds a newline) instead of `echo -n`; a
    /// Kubernetes or CI secret created that way carries the newline into every request.
    ///
    /// ## How to fix
    /// 1. Trim the value where it is loaded (`.trim()`), and re-create the secret without the newline.
    /// 2. Encode Basic credentials with `printf '%s' "$KEY:" | base64` or `echo -n`.
    ///
    /// ## Example
    /// `Authorization: Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6Cg==` decodes to
    /// `SB-Mid-server-abc123cde456:\n` → `401`. Fixed: `…NTY6` (no `Cg==`).
    pub static CAUSE = {
        id: "whitespace_in_credentials",
        category: Credential,
        since: "0.1.0",
        title: "the credential contains stray whitespace",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let mut evidence = Vec::new();
    if let Some(Basic::Pair { user, password }) = &ex.basic {
        for (side, v) in [("username", user), ("password", password)] {
            // `[object Object]` is a placeholder, not a key with a space in it.
            if let Some(w) = signals::whitespace(v).filter(|_| v.trim().is_empty() || signals::placeholder(v).is_none()) {
                evidence.push(format!("the decoded Basic {side} has {w}"));
            }
        }
    } else if let Some(Basic::NoColon { decoded }) = &ex.basic {
        if let Some(w) = signals::whitespace(decoded) {
            evidence.push(format!("the decoded Basic credential has {w}"));
        }
    } else if let Some(a) = ex.authorization.as_ref().filter(|a| !signals::param_scheme(a)) {
        // `ApiKey-v1  key`: two spaces between the scheme and the credential.
        if let (Some(scheme), Some(raw)) = (a.scheme.as_deref(), ex.req_header("authorization")) {
            if raw.trim_start().get(scheme.len()..).is_some_and(|rest| rest.starts_with("  ") && !rest.trim().is_empty()) {
                evidence.push(format!("the Authorization header has more than one space between `{}` and the credential", crate::redact::clip(scheme, 24)));
            }
        }
        let mut raw = a.credential.as_str();
        if a.defects.iter().any(|d| matches!(d, crate::parse::authorization::Defect::DoubledScheme(_))) {
            // `Bearer Bearer x`: the space after the second scheme is not the problem.
            let t = raw.trim_start();
            raw = t.split_once([' ', '\t']).map_or("", |(_, rest)| rest).trim_start();
        }
        let inner = raw.trim_end_matches([' ', '\t']);
        let stripped = inner.trim_start_matches([' ', '\t']);
        if let Some(w) = signals::whitespace(stripped).or_else(|| (raw.ends_with([' ', '\t']) && !raw.trim().is_empty()).then(|| "trailing whitespace".to_string())) {
            if crate::signals::placeholder(stripped).is_none() {
                evidence.push(format!("the Authorization credential has {w}"));
            }
        }
    }
    for c in ex.credentials.iter().filter(|c| !matches!(c.location, Location::Authorization | Location::BasicUser | Location::BasicPassword)) {
        // A password typed into a sign-in form may hold spaces (a passphrase): only a space at
        // its ends, or a line break, is damage there.
        let typed = matches!(&c.location, Location::Body(n) if { let n = n.to_ascii_lowercase(); n.contains("password") || n.contains("passphrase") || n.ends_with("passwd") });
        if typed && !c.raw().starts_with(char::is_whitespace) && !c.raw().ends_with(char::is_whitespace) && !c.raw().contains(['\n', '\r']) {
            continue;
        }
        if let Some(w) = signals::whitespace(c.raw()) {
            evidence.push(format!("{} has {w}", c.location.describe()));
        }
    }
    if evidence.is_empty() {
        return None;
    }
    Some(Hit {
        confidence: 0.9,
        evidence,
        fix: vec![
            "trim the value where it is loaded, and re-create the stored secret without the whitespace".into(),
            "encode Basic credentials with `printf '%s' \"$KEY:\" | base64` (or `echo -n`), never plain `echo`".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};

    #[test]
    fn basic_newline() {
        assert_eq!(ids(&failing("https://api.sandbox.midtrans.com/v2/charge", &[("Authorization", "Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6Cg==")]))[0], "whitespace_in_credentials");
    }

    #[test]
    fn bearer_inner_space_and_encoded_newline() {
        assert_eq!(ids(&failing("https://x.test/me", &[("Authorization", "Bearer abcdef ghijkl123")]))[0], "whitespace_in_credentials");
        assert_eq!(ids(&failing("https://x.test/me", &[("Authorization", "Bearer abcdefghijkl123%0A")]))[0], "whitespace_in_credentials");
    }

    #[test]
    fn parameter_schemes_are_not_whitespace_damage() {
        let sigv4 = "AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20261014/us-east-1/s3/aws4_request, SignedHeaders=host;x-amz-date, Signature=fe5f80f77d5fa3beca038a248ff027d0445342fe2855ddc963176630326f1024";
        assert!(!ids(&failing("https://bucket.s3.amazonaws.com/k", &[("Authorization", sigv4)])).contains(&"whitespace_in_credentials"));
    }

    #[test]
    fn a_passphrase_typed_into_a_sign_in_form() {
        let e = crate::har::Entry::new("POST", "https://auth.example.test/self-service/login?flow=1").body("application/json", r#"{"method":"password","identifier":"ana@example.test","password":"correct horse battery staple"}"#).status(400);
        let ex = crate::exchange::Exchange::new(0, &e);
        assert!(!ids(&ex).contains(&"whitespace_in_credentials"), "{:?}", ids(&ex));
        let e = crate::har::Entry::new("POST", "https://auth.example.test/login").body("application/json", r#"{"identifier":"ana@example.test","password":"hunter2-but-longer\n"}"#).status(401);
        assert!(ids(&crate::exchange::Exchange::new(0, &e)).contains(&"whitespace_in_credentials"));
    }

    #[test]
    fn clean_is_quiet() {
        assert!(!ids(&failing("https://x.test/me", &[("Authorization", "Bearer abcdefghijkl123")])).contains(&"whitespace_in_credentials"));
    }
}
