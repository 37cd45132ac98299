use super::{declare_cause, Ctx, Hit};
use crate::parse::basic::Basic;
use crate::redact::Redacted;
use crate::signals;

declare_cause! {
    /// ## What it means
    /// The request carried a credential that is not a credential at all: `Bearer undefined`,
    /// `Bearer null`, an empty value, or a template text such as `YOUR_API_KEY`.
    ///
    /// ## Why it happens
    /// The variable was interpolated before it had a value (`Bearer ${token}` while `token` is
    /// still `undefined`), an environment variable was not set in this build (`VITE_…`,
    /// `NEXT_PUBLIC_…`), the token was read from storage before login finished, or a documentation
    /// example was never replaced.
    ///
    /// ## How to fix
    /// 1. Find where the header is built and log whether the variable is set at that moment.
    /// 2. Do not send the request until the credential exists (await the login or refresh).
    /// 3. Check the build's environment variables for this environment.
    ///
    /// ## Example
    /// `Authorization: Bearer undefined` → `401`. Fixed: wait for the token, then send
    /// `Authorization: Bearer eyJ…`.
    pub static CAUSE = {
        id: "placeholder_credentials",
        category: Credential,
        since: "0.1.0",
        title: "the credential is a placeholder, not a real value",
        check: check,
    };
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    let mut evidence = Vec::new();
    if let Some(Basic::Pair { user, password }) = &ex.basic {
        let u = signals::placeholder(user);
        let p = signals::placeholder(password);
        if u.is_some() && (p.is_some() || password.is_empty()) {
            evidence.push(format!(
                "the Basic credential decodes to {}:{} — the username {}",
                Redacted::new(user),
                Redacted::new(password),
                u.unwrap_or("is empty")
            ));
        } else if let Some(why) = p.filter(|_| !password.trim().is_empty()) {
            // `api:MAILGUN_API_KEY`, `user:undefined`: the key or password half never got its value.
            evidence.push(format!("the Basic credential's password is {}: {why}", Redacted::new(password)));
        }
    } else if let Some(a) = &ex.authorization {
        let c = a.intended_credential();
        // `Authorization: null` parses as a scheme with nothing after it: the whole value is
        // the placeholder.
        let bare = c.is_empty();
        let c = if bare { a.scheme.clone().unwrap_or_default() } else { c };
        if let Some(why) = signals::placeholder(&c) {
            let scheme = if bare { String::new() } else { a.scheme.as_deref().map(|s| crate::redact::clip(s, 24)).unwrap_or_default() };
            evidence.push(format!("Authorization is `{} {}`: {why}", scheme, Redacted::new(&c)).replace("  ", " "));
        }
    }
    for c in ex.credentials.iter().filter(|c| !matches!(c.location, crate::exchange::Location::Authorization | crate::exchange::Location::BasicUser | crate::exchange::Location::BasicPassword)) {
        if let Some(why) = signals::placeholder(c.raw()) {
            evidence.push(format!("{} is {}: {why}", c.location.describe(), c.redacted()));
        }
    }
    if evidence.is_empty() {
        return None;
    }
    Some(Hit {
        confidence: 0.95,
        evidence,
        fix: vec![
            "find where the credential is read and check it is set at the moment the request is built".into(),
            "don't send the request until the credential exists (await login or token refresh)".into(),
            "check that the environment variable holding it is defined for this build and environment".into(),
        ],
    })
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids};

    #[test]
    fn bearer_undefined() {
        assert_eq!(ids(&failing("https://x.test/me", &[("Authorization", "Bearer undefined")]))[0], "placeholder_credentials");
        assert_eq!(ids(&failing("https://x.test/me", &[("Authorization", "Bearer null")]))[0], "placeholder_credentials");
        // the whole value (a gateway key sent from `localStorage.getItem(…)` that was null)
        assert_eq!(ids(&failing("https://x.test/me", &[("Authorization", "null")]))[0], "placeholder_credentials");
        assert_eq!(ids(&failing("https://x.test/me", &[("Authorization", "Bearer YOUR_API_KEY")]))[0], "placeholder_credentials");
        // Python's None in an API's own token header (risa-labs-inc/MagicPencil#2, Figma); a
        // flag's `true` in a header named like one is no credential.
        assert_eq!(ids(&failing("https://api.figma.com/v1/files/abc", &[("X-Figma-Token", "None")]))[0], "placeholder_credentials");
        assert!(!ids(&failing("https://x.test/me", &[("X-Refresh-Token-Enabled", "true")])).contains(&"placeholder_credentials"));
    }

    #[test]
    fn basic_undefined_and_empty() {
        // base64("undefined:undefined") and base64(":")
        assert_eq!(ids(&failing("https://api-m.sandbox.paypal.com/v1/oauth2/token", &[("Authorization", "Basic dW5kZWZpbmVkOnVuZGVmaW5lZA==")]))[0], "placeholder_credentials");
        assert_eq!(ids(&failing("https://api.sandbox.midtrans.com/v2/1/status", &[("Authorization", "Basic Og==")]))[0], "placeholder_credentials");
    }

    #[test]
    fn real_looking_token_is_not_placeholder() {
        assert!(!ids(&failing("https://x.test/me", &[("Authorization", "Bearer abcdefghijklmnop1234")])).contains(&"placeholder_credentials"));
    }
}
