use super::{declare_cause, provider_auth_step, Ctx, Hit};
use crate::exchange::Location;
use crate::providers::KeyKind;
use crate::redact::clip;

declare_cause! {
    /// ## What it means
    /// The token or API key was sent inside the request body (`{"token":"eyJ…"}`,
    /// `{"api_key":"…"}`) and the request had no `Authorization` header. The API looks for the
    /// credential in the header, so it treated the request as anonymous.
    ///
    /// ## Why it happens
    /// The body is the natural place for data, and some older APIs did read keys from it. RFC 6750
    /// defines only three places for a bearer token: the `Authorization` header, a form-encoded
    /// `access_token` field (never in JSON, never with GET), and the query string; most servers
    /// read only the header. Payment and AI APIs (Stripe, Midtrans, Checkout.com, OpenAI…) read
    /// their keys from the header alone.
    ///
    /// ## How to fix
    /// 1. Send the credential in the header the API documents, usually
    ///    `Authorization: Bearer <token>`.
    /// 2. Remove it from the body (a body is logged and stored more often than a header).
    ///
    /// ## Example
    /// `POST /api/data` with body `{"token":"eyJ…"}` and no `Authorization` → `401`
    /// "No authorization token was found". Fixed: `Authorization: Bearer eyJ…`.
    ///
    /// ## Known limits
    /// Login and token endpoints take credentials in the body by design (`password`,
    /// `client_secret`, `refresh_token`): those fields are not reported.
    ///
    /// ## References
    /// RFC 6750 §2.1–2.3.
    pub static CAUSE = {
        id: "credentials_in_body",
        category: Credential,
        since: "0.1.0",
        title: "the credential was sent in the request body instead of a header",
        check: check,
    };
}

/// Body fields that carry a token or key meant for a header (not login or client credentials).
const MISPLACED: &[&str] = &["access_token", "token", "api_key", "apikey", "api-key", "key", "jwt", "id_token", "server_key", "secret_key", "secret", "auth", "private_key"];

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn field_name(path: &str) -> &str {
    path.rsplit(['.', '[']).next().unwrap_or(path)
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if ex.authorization.is_some() || ex.credentials.iter().any(|c| matches!(c.location, Location::Header(_) | Location::Query(_))) {
        return None;
    }
    let c = ex.credentials.iter().find(|c| matches!(&c.location, Location::Body(p) if MISPLACED.iter().any(|m| m.eq_ignore_ascii_case(field_name(p)))))?;
    let Location::Body(path) = &c.location else { return None };
    let json = path.starts_with('$');
    let mut evidence = vec![format!(
        "the credential is in the {} body field `{}` ({}, {}) and there is no Authorization header",
        if json { "JSON" } else { "form" },
        clip(path, 96),
        c.describe(),
        c.redacted()
    )];
    let form_access_token = !json && field_name(path).eq_ignore_ascii_case("access_token") && ex.method != "GET";
    let confidence = if form_access_token {
        evidence.push("a form-encoded `access_token` is allowed by RFC 6750, but many servers read only the header".into());
        0.55
    } else if let Some(p) = ex.provider {
        evidence.push(format!("{} reads credentials from headers: it expects {}", p.name, p.auth));
        0.9
    } else {
        evidence.push(if json { "no standard reads a credential from a JSON body".into() } else { "most APIs read credentials only from headers".to_string() });
        0.85
    };
    let mut fix = vec![match provider_auth_step(ex) {
        Some(step) => format!("move the credential out of the body into the header: {step}"),
        None => format!("send it as `Authorization: Bearer <token>` and remove `{}` from the body", clip(field_name(path), 64)),
    }];
    if c.kind() == Some(KeyKind::Secret) && ex.req_header("origin").is_some() {
        fix.push("this is a server-side secret sent from a web page: move the call to your backend and rotate the key".into());
    }
    Some(Hit { confidence, evidence, fix })
}

#[cfg(test)]
mod tests {
    use crate::exchange::Exchange;
    use crate::har::{Entry, NameValue, PostData, Request, Response};

    fn post(url: &str, mime: &str, body: &str, headers: &[(&str, &str)]) -> Exchange {
        let e = Entry {
            started_date_time: "2026-10-14T09:30:00Z".into(),
            request: Request {
                method: "POST".into(),
                url: url.into(),
                headers: headers.iter().map(|(n, v)| NameValue { name: (*n).into(), value: (*v).into() }).collect(),
                post_data: Some(PostData { mime_type: mime.into(), text: Some(body.into()), params: vec![] }),
                ..Default::default()
            },
            response: Response { status: 401, ..Default::default() },
            ..Default::default()
        };
        Exchange::new(0, &e)
    }

    fn ids(ex: &Exchange) -> Vec<&'static str> {
        crate::causes::diagnose(ex, &[]).iter().map(|(c, _)| c.info.id).collect()
    }

    #[test]
    fn token_in_json_body() {
        let ex = post("https://api.example.test/api/data", "application/json", r#"{"token":"abcdefghijklmnopqrstuvwxyz","q":1}"#, &[]);
        assert_eq!(ids(&ex)[0], "credentials_in_body");
        let ex = post("https://api.example.test/api/data", "application/json", r#"{"auth":{"api_key":"abcdefghijklmnopqrstuvwxyz"}}"#, &[]);
        assert_eq!(ids(&ex)[0], "credentials_in_body");
    }

    #[test]
    fn near_misses() {
        // a login form: password in the body is how it works
        let ex = post("https://api.example.test/login", "application/json", r#"{"username":"a","password":"hunter2hunter2"}"#, &[]);
        assert!(!ids(&ex).contains(&"credentials_in_body"));
        // the header is there as well: the body is not why it failed
        let ex = post("https://api.example.test/api", "application/json", r#"{"token":"abcdefghijklmnopqrstuvwxyz"}"#, &[("Authorization", "Bearer abcdefghijklmnop123")]);
        assert!(!ids(&ex).contains(&"credentials_in_body"));
    }
}
