//! Causes of authentication failures: one file per cause, named by its id.
//!
//! Each file declares its cause with [`declare_cause!`]: the documentation (fixed headings:
//! `## What it means`, `## Why it happens`, `## How to fix`, `## Example`), the stable id, a
//! category, the version it appeared in, a one-line title, and the check function, which reads
//! only the exchange and the earlier exchanges of the session. `build.rs` lists the files, so the
//! registry [`ALL`], `authlens explain`, and `docs/causes.md` all come from the same declarations.
//!
//! Without the `docs` feature (the wasm build) the documentation is not compiled in:
//! [`CauseInfo::explanation`] and [`CauseInfo::file`] are empty and [`explain`] and
//! [`docs_markdown`] do not exist. Reports need only the id, title, evidence and fix steps; the
//! extension reads the texts from the `docs.json` its build writes (`authlens explain --json`).

use serde::Serialize;

use crate::exchange::Exchange;

include!(concat!(env!("OUT_DIR"), "/causes.rs"));

/// What kind of problem a cause is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Category {
    /// The credential itself: missing, placeholder, malformed.
    Credential,
    /// A token's claims: expired, not yet valid, audience.
    Token,
    /// Provider rules: environment, key type, scope.
    Provider,
    /// The browser or network: redirects, preflights, cookies.
    Transport,
    /// The session: stale tokens and other history.
    Session,
}

/// The static description of a cause.
#[derive(Debug)]
pub struct CauseInfo {
    /// Stable snake_case id.
    pub id: &'static str,
    /// One-line title (lowercase start, no trailing period).
    pub title: &'static str,
    /// Category.
    pub category: Category,
    /// Version that introduced it.
    pub since: &'static str,
    /// Markdown documentation (empty without the `docs` feature).
    pub explanation: &'static str,
    /// Source file (empty without the `docs` feature).
    pub file: &'static str,
}

/// A cause: its description and its check.
pub struct Cause {
    /// The description.
    pub info: CauseInfo,
    /// Returns a hit when the exchange shows this cause.
    pub check: fn(&Ctx) -> Option<Hit>,
}

/// How the exchange failed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Failure {
    /// 401 (or a provider's 401 in a 2xx body).
    Unauthorized,
    /// A 403 that is about the credential or its permissions.
    Forbidden,
}

/// What a check sees.
pub struct Ctx<'a> {
    /// The exchange under analysis.
    pub ex: &'a Exchange,
    /// Earlier exchanges of the session, oldest first.
    pub before: &'a [Exchange],
    /// How it failed.
    pub failure: Failure,
}

/// A cause that applies, with what was seen and what to do.
#[derive(Debug, Clone)]
pub struct Hit {
    /// 0.0–1.0.
    pub confidence: f64,
    /// Redacted observations.
    pub evidence: Vec<String>,
    /// Fix steps.
    pub fix: Vec<String>,
}

/// Declare a cause: doc comment, then `pub static CAUSE = { id, category, since, title, check }`.
macro_rules! declare_cause {
    (
        $(#[doc = $doc:literal])*
        pub static CAUSE = {
            id: $id:literal,
            category: $cat:ident,
            since: $since:literal,
            title: $title:literal,
            check: $check:path $(,)?
        };
    ) => {
        /// The cause declared by this file.
        pub static CAUSE: $crate::causes::Cause = $crate::causes::Cause {
            info: $crate::causes::CauseInfo {
                id: $id,
                title: $title,
                category: $crate::causes::Category::$cat,
                since: $since,
                explanation: $crate::meta::doc_text!($($doc, "\n"),*),
                file: $crate::meta::doc_text!(file!()),
            },
            check: $check,
        };
    };
}
pub(crate) use declare_cause;


/// The cause with this id.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn by_id(id: &str) -> Option<&'static Cause> {
    ALL.iter().copied().find(|c| c.info.id == id)
}

/// The documentation of a cause as Markdown, with its id as the heading.
#[cfg(feature = "docs")]
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn explain(c: &Cause) -> String {
    let body: Vec<&str> = c.info.explanation.lines().map(|l| l.strip_prefix(' ').unwrap_or(l)).collect();
    format!("# {}\n\n{} (category: {}, since {})\n\n{}", c.info.id, c.info.title, category_name(c.info.category), c.info.since, unwrap_paragraphs(&body).trim())
}

/// Join the hard-wrapped lines of doc comments into one line per paragraph or list item, so the
/// text reflows in a narrow panel. Headings, blank lines, code fences and tables stay as they are.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn unwrap_paragraphs(lines: &[&str]) -> String {
    let mut out: Vec<String> = Vec::new();
    let mut joinable = false;
    let mut in_code = false;
    for line in lines {
        let t = line.trim_start();
        let starts_item = t.starts_with("- ") || t.starts_with("* ") || t.split_once(". ").is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
        if t.starts_with("```") {
            in_code = !in_code;
            out.push(line.to_string());
            joinable = false;
        } else if in_code || t.is_empty() || t.starts_with('#') || t.starts_with('|') {
            out.push(line.to_string());
            joinable = false;
        } else if joinable && !starts_item {
            if let Some(last) = out.last_mut() {
                last.push(' ');
                last.push_str(t);
            }
        } else {
            out.push(line.to_string());
            joinable = true;
        }
    }
    out.join("\n")
}

/// The documentation of every cause as one Markdown page (`docs/causes.md`): an index table,
/// then each cause's documentation with its headings one level down.
#[cfg(feature = "docs")]
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn docs_markdown() -> String {
    let mut out = String::from("# Causes\n\n<!-- Generated from the cause declarations in crates/authlens-core/src/causes/ by `authlens explain --all`. Do not edit: run `UPDATE_DOCS=1 cargo test -p authlens-cli --test docs` to refresh. -->\n\n");
    out.push_str(&format!(
        "authlens explains a failed request (401, or a 403 about credentials or permissions) with the causes below, most likely first, each with its evidence and fix steps. The same text is printed by `authlens explain ID` and shown in the DevTools panel. {} causes:\n\n| id | category | title |\n| --- | --- | --- |\n",
        ALL.len()
    ));
    for c in ALL {
        out.push_str(&format!("| [`{0}`](#{0}) | {1} | {2} |\n", c.info.id, category_name(c.info.category), c.info.title));
    }
    for c in ALL {
        out.push_str("\n---\n\n");
        for line in explain(c).lines() {
            if line.starts_with('#') {
                out.push('#');
            }
            out.push_str(line);
            out.push('\n');
        }
    }
    out
}

/// The lowercase name of a category, as the docs write it.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn category_name(c: Category) -> &'static str {
    match c {
        Category::Credential => "credential",
        Category::Token => "token",
        Category::Provider => "provider",
        Category::Transport => "transport",
        Category::Session => "session",
    }
}

/// Decide whether (and how) the exchange failed on authentication.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn failure(ex: &Exchange) -> Option<Failure> {
    match ex.status {
        401 => Some(Failure::Unauthorized),
        // A preflight never carries credentials: any 403 to it is the auth layer refusing it.
        403 if ex.is_preflight() || forbidden_is_auth(ex) => Some(Failure::Forbidden),
        _ => None,
    }
}

/// A request that got no response (status 0) because its CORS preflight was refused on
/// authentication grounds: Chromium records the preflight, then the blocked request.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn blocked_by_preflight(ex: &Exchange, before: &[Exchange]) -> Option<Failure> {
    use crate::signals::session::{self, PreflightProblem};
    if !session::got_no_response(ex) || ex.is_preflight() {
        return None;
    }
    match session::preflight_for(ex, before).and_then(session::preflight_problem)? {
        PreflightProblem::Status(403) => Some(Failure::Forbidden),
        _ => Some(Failure::Unauthorized),
    }
}

/// A 403 counts when it speaks of credentials or permissions, and is not a rate limit.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn forbidden_is_auth(ex: &Exchange) -> bool {
    let rate = ex.resp_body_mentions(&["rate limit", "too many requests", "quota exceeded", "secondary rate"])
        || ex.resp_header("x-ratelimit-remaining").is_some_and(|v| v.trim() == "0");
    if rate {
        return false;
    }
    // API Gateway says "Missing Authentication Token" for any path or method that is not
    // deployed, signed or not: far more often a wrong URL or stage than a missing credential.
    // authlens does not explain it as an authentication failure (the server's words still show).
    if ex.resp_header("x-amzn-errortype").is_some_and(|v| v.trim_start().starts_with("MissingAuthenticationToken"))
        || ex.resp_body_mentions(&["\"message\":\"Missing Authentication Token\""])
    {
        return false;
    }
    if ex.challenges.iter().any(|c| c.param("error").is_some()) || ex.recognised_body().is_some() {
        return true;
    }
    // A credential that is a placeholder (`?token=undefined` on a Phoenix socket): refused for it.
    if ex.credentials.iter().any(|c| matches!(c.raw().trim(), "undefined" | "null" | "[object Object]")) {
        return true;
    }
    // Auth errors carried by another status were mapped to 403 on purpose.
    if ex.http_status != 403 {
        return true;
    }
    use crate::exchange::server_says::Says;
    if [Says::Csrf, Says::Sso, Says::Scope, Says::Expired, Says::Revoked, Says::Signature, Says::Audience, Says::Issuer, Says::Invalid, Says::Missing, Says::Malformed, Says::WrongTokenType, Says::NotYetValid].iter().any(|k| ex.says(*k)) {
        return true;
    }
    ex.resp_body_mentions(&["api key", "apikey", "api_key", "token", "credential", "unauthori", "authenticat", "permission", "scope", "not authorized", "access denied", "signature", "forbidden", "accessdenied", "request has expired", "jwt"])
}

/// Causes about how a credential is written or which environment it is for.
const FORM_CAUSES: &[&str] = &["wrong_auth_scheme", "malformed_authorization", "damaged_credentials", "placeholder_credentials", "whitespace_in_credentials", "environment_mismatch"];

/// An earlier success on the same host with every credential of this request, each in the same
/// place with the same value.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn accepted_as_sent<'a>(ex: &Exchange, before: &'a [Exchange]) -> Option<&'a Exchange> {
    if ex.credentials.is_empty() {
        return None;
    }
    crate::signals::session::recent(before).iter().rev().find(|r| {
        (200..300).contains(&r.status)
            && r.host == ex.host
            && r.credentials.len() == ex.credentials.len()
            && ex.credentials_also_in(r)
    })
}

/// Run every cause on an exchange; most likely first.
pub fn diagnose(ex: &Exchange, before: &[Exchange]) -> Vec<(&'static Cause, Hit)> {
    let Some(failure) = failure(ex).or_else(|| blocked_by_preflight(ex, before)) else { return Vec::new() };
    // A handshake step, a 401 after the page logged out, or a refusal for an account, plan or
    // region restriction: an authentication failure, but no client bug to explain.
    if crate::signals::checklist::not_a_client_bug(ex, before).is_some() || ex.says(crate::exchange::server_says::Says::Restricted) {
        return Vec::new();
    }
    let ctx = Ctx { ex, before, failure };
    let mut hits: Vec<(&'static Cause, Hit)> = ALL.iter().filter_map(|c| (c.check)(&ctx).map(|h| (*c, h))).collect();
    // The very credential, sent the same way, was accepted by this host before: its form (scheme,
    // encoding, whitespace, a placeholder, a cut) and its environment are not the problem.
    if let Some(ok) = accepted_as_sent(ex, before) {
        let before_len = hits.len();
        // Unless the server itself names the environment (Twilio's test credentials work on some
        // endpoints and not on others).
        hits.retain(|(c, _)| !FORM_CAUSES.contains(&c.info.id) || c.info.id == "environment_mismatch" && environment_mismatch::server_names_environment(ex));
        if hits.len() < before_len {
            if let Some(top) = hits.first_mut() {
                top.1.evidence.push(format!("the same credential, sent the same way, was accepted at entry #{} ({} {}): its form is not what the server refuses", ok.index, crate::redact::clip(&ok.method, 16), crate::redact::path(&ok.path)));
            }
        }
    }
    crate::order::sort_by_u64_key(&mut hits, |h| crate::order::descending_f64(h.1.confidence));
    // Safe advice first: a page that sends a server-side secret must not be told to send another
    // (a production key) from the browser; the call belongs on a server.
    let from_page = ["origin", "sec-fetch-mode", "referer"].iter().any(|h| ex.req_header(h).is_some());
    if let Some(secret) = ex.credentials.iter().find(|c| c.key.is_some_and(|k| k.rule.kind == crate::providers::KeyKind::Secret)).filter(|_| from_page) {
        if let Some(top) = hits.first_mut() {
            top.1.fix.insert(
                0,
                format!(
                    "first, move this call to your backend: the page sent a server-side secret ({}, {}). Keep the key on the server, let the page call your own endpoint, and rotate the exposed key",
                    secret.describe(),
                    secret.location.describe()
                ),
            );
        }
    }
    if let Some((p, b)) = ex.recognised_body() {
        if let Some(top) = hits.first_mut() {
            top.1.evidence.push(format!("{} answered: {}", p.name, b.meaning));
            if !b.fix.is_empty() {
                // After the "move this call to your backend" step when there is one.
                let at = usize::from(top.1.fix.first().is_some_and(|f| f.starts_with("first, move this call")));
                top.1.fix.insert(at.min(top.1.fix.len()), b.fix.to_string());
            }
        }
    } else if ex.resp_body.trim().is_empty() {
        if let Some(p) = ex.provider.filter(|p| p.empty_401_body) {
            if let Some(top) = hits.first_mut() {
                top.1.evidence.push(format!("{} answers authentication failures with an empty body, as here: the cause has to be read from the request", p.name));
            }
        }
    }
    hits
}

/// The fix step that says how this provider wants to be authenticated.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn provider_auth_step(ex: &Exchange) -> Option<String> {
    ex.provider.map(|p| format!("{} expects {}; see {}", p.name, p.auth, p.docs))
}

#[cfg(test)]
pub(crate) mod test_util {
    use crate::exchange::Exchange;
    use crate::har::Entry;

    /// A 401 exchange with these request headers.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn failing(url: &str, headers: &[(&str, &str)]) -> Exchange {
        with_status(url, headers, 401, "")
    }

    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn with_status(url: &str, headers: &[(&str, &str)], status: i64, body: &str) -> Exchange {
        let mut e = Entry::new("POST", url).started("2026-10-14T09:30:00Z").headers(headers).status(status);
        e.response.content.text = Some(body.into());
        Exchange::new(0, &e)
    }

    /// The ids of the causes found, most likely first.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn ids(ex: &Exchange) -> Vec<&'static str> {
        super::diagnose(ex, &[]).iter().map(|(c, _)| c.info.id).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[cfg(feature = "docs")]
    const HEADINGS: &[&str] = &["## What it means", "## Why it happens", "## How to fix", "## Example"];
    const BANNED_PREFIXES: &[&str] = &["use_", "avoid_", "fix_", "prefer_", "add_", "set_"];

    #[test]
    fn a_credential_accepted_as_sent_clears_the_form_causes() {
        use crate::causes::test_util::with_status;
        let bare = [("Authorization", "k8Xq2LmN7pR4sT9vW1yZ3aB6cD0eF5gHj2")];
        let refused = with_status("https://api.tasks.test/api/v2/list/9/task", &bare, 401, r#"{"err":"Team not authorized","ECODE":"OAUTH_027"}"#);
        // Alone, a key with no scheme reads as a malformed header …
        let alone: Vec<&str> = diagnose(&refused, &[]).iter().map(|(c, _)| c.info.id).collect();
        assert!(alone.iter().any(|id| FORM_CAUSES.contains(id)), "{alone:?}");
        // … but the same header was accepted by this host a minute before.
        let mut ok = crate::har::Entry::new("GET", "https://api.tasks.test/api/v2/team").started("2026-10-14T09:29:00Z").headers(&bare).status(200);
        ok.response.content.text = Some("{}".into());
        let ok = Exchange::new(0, &ok);
        let after: Vec<&str> = diagnose(&refused, std::slice::from_ref(&ok)).iter().map(|(c, _)| c.info.id).collect();
        assert!(after.iter().all(|id| !FORM_CAUSES.contains(id)), "{after:?}");
        // Another value in the same header proves nothing about this one.
        let other = Exchange::new(0, &crate::har::Entry::new("GET", "https://api.tasks.test/api/v2/team").started("2026-10-14T09:29:00Z").headers(&[("Authorization", "Zq8Xk2LmN7pR4sT9vW1yZ3aB6cD0eF5gHj")]).status(200));
        assert_eq!(diagnose(&refused, std::slice::from_ref(&other)).iter().map(|(c, _)| c.info.id).collect::<Vec<_>>(), alone);
    }

    #[test]
    fn gateway_platform_and_enterprise_answers() {
        use crate::causes::test_util::{ids, with_status};
        let top = |url: &str, h: &[(&str, &str)], status: i64, body: &str| ids(&with_status(url, h, status, body)).first().copied();
        // Jenkins's CSRF crumb, with the session cookie.
        let jenkins = [("Cookie", "JSESSIONID.1a2b3c4d=node01abcdefghijklmnop.node0"), ("Jenkins-Crumb", "0123456789abcdef0123456789abcdef")];
        assert_eq!(top("https://ci.example.test/job/web/build", &jenkins, 403, "<html><head><title>Error 403 No valid crumb was included in the request</title></head></html>"), Some("csrf_failed"));
        // IIS 401.1 calls the credentials invalid before it speaks of permission.
        let ntlm = [("Authorization", "NTLM TlRMTVNTUAADAAAAGAAYAHgAAAAYABgAkAAAAAAAAABIAAAAEAAQAEgAAAAgACAAWAAAAAAAAACoAAAABYKIogYBsR0AAAAP")];
        assert_eq!(top("https://intranet.example.test/api/reports", &ntlm, 401, "401 - Unauthorized: Access is denied due to invalid credentials. You do not have permission to view this directory or page using the credentials that you supplied."), Some("invalid_credentials"));
        // Kubernetes RBAC names the user it refused: a permission, not the token's audience.
        let sa = crate::parse::jwt::make(r#"{"alg":"RS256","kid":"k"}"#, r#"{"aud":["https://kubernetes.default.svc.cluster.local"],"iss":"https://kubernetes.default.svc.cluster.local","sub":"system:serviceaccount:ops:viewer","exp":2000000000}"#);
        let auth = format!("Bearer {sa}");
        assert_eq!(top("https://k8s.example.test/api/v1/namespaces/ops/secrets", &[("Authorization", &auth)], 403, r#"{"kind":"Status","status":"Failure","message":"secrets is forbidden: User \"system:serviceaccount:ops:viewer\" cannot list resource \"secrets\" in API group \"\" in the namespace \"ops\"","reason":"Forbidden","code":403}"#), Some("insufficient_scope"));
        // A SAML response posted to the app's own ACS: no organisation refused a token.
        assert_ne!(top("https://app.example.test/saml/SSO", &[], 401, "Authentication Failed: Error validating SAML message"), Some("sso_enforcement"));
        // A plan's quota used up, answered with 401, is billing (no cause).
        assert_eq!(top("https://api.elevenlabs.test/v1/text-to-speech/x", &[("xi-api-key", "sk_0123456789abcdef0123456789abcdef0123456789abcdef")], 401, r#"{"detail":{"status":"quota_exceeded","message":"This request exceeds your quota of 10000. You have 0 credits remaining."}}"#), None);
        // "…, audience is incorrect (…), or have expired" lists possibilities: no audience reading
        // for a key that is no token at all.
        let azure = [("Authorization", "Bearer 0123456789abcdef0123456789abcdef")];
        assert_ne!(top("https://acme.openai.azure.com/openai/deployments/gpt/chat/completions", &azure, 401, r#"{"error":{"code":"401","message":"Unauthorized. Access token is missing, invalid, audience is incorrect (https://cognitiveservices.azure.com), or have expired."}}"#), Some("wrong_audience"));
    }

    #[test]
    fn registry_conventions() {
        let mut seen = std::collections::HashSet::new();
        for c in ALL {
            let i = &c.info;
            assert!(seen.insert(i.id), "duplicate id {}", i.id);
            assert!(i.id.bytes().all(|b| b.is_ascii_lowercase() || b == b'_'), "id not snake_case: {}", i.id);
            assert!(!BANNED_PREFIXES.iter().any(|p| i.id.starts_with(p)), "id names a fix: {}", i.id);
            #[cfg(feature = "docs")]
            for h in HEADINGS {
                assert!(i.explanation.contains(h), "{} lacks {h}", i.id);
            }
            #[cfg(feature = "docs")]
            assert!(i.file.ends_with(&format!("{}.rs", i.id)), "{} lives in {}", i.id, i.file);
            #[cfg(not(feature = "docs"))]
            assert!(i.explanation.is_empty() && i.file.is_empty(), "{}: documentation compiled in without the docs feature", i.id);
            assert!(i.title.chars().next().is_some_and(|c| c.is_lowercase()), "title must start lowercase: {}", i.id);
            assert!(!i.title.ends_with('.'), "title ends with a period: {}", i.id);
            assert_eq!(by_id(i.id).map(|c| c.info.id), Some(i.id));
        }
    }

    #[test]
    fn api_gateway_unknown_route_is_not_auth() {
        let ex = test_util::with_status("https://abc123.execute-api.us-east-1.amazonaws.com/prod/nope", &[], 403, "{\"message\":\"Missing Authentication Token\"}");
        assert!(failure(&ex).is_none());
    }

    #[test]
    fn paragraphs_are_unwrapped() {
        let text = unwrap_paragraphs(&["## How to fix", "1. one", "   more", "2. two", "", "a", "b", "```", "x", "y", "```"]);
        assert_eq!(text, "## How to fix\n1. one more\n2. two\n\na b\n```\nx\ny\n```");
    }

    #[test]
    fn a_secret_sent_from_the_page_is_moved_server_side_first() {
        let ex = test_util::with_status(
            "https://api.stripe.com/v1/charges",
            &[("Origin", "https://shop.example.test"), ("Authorization", "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc")],
            401,
            r#"{"error":{"message":"Invalid API Key provided: sk_test_****7dc","type":"invalid_request_error"}}"#,
        );
        let hits = diagnose(&ex, &[]);
        assert!(hits[0].1.fix[0].starts_with("first, move this call to your backend"), "{:?}", hits[0].1.fix);
        // from a server (no Origin/Referer): no such step
        let ex = test_util::with_status("https://api.stripe.com/v1/charges", &[("Authorization", "Bearer sk_test_4eC39HqLyjWDarjtT1zdp7dc")], 401, "");
        assert!(!diagnose(&ex, &[])[0].1.fix[0].contains("backend"));
    }

    #[test]
    fn auth_errors_in_other_statuses() {
        let ex = test_util::with_status("https://api.example.test/graphql", &[], 200, r#"{"errors":[{"message":"not logged in","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}"#);
        assert_eq!(failure(&ex), Some(Failure::Unauthorized));
        // Hot Chocolate (ChilliCream/graphql-platform#2665)
        let ex = test_util::with_status("https://api.example.test/graphql", &[], 200, r#"{"errors":[{"message":"The current user is not authorized to access this resource.","extensions":{"code":"AUTH_NOT_AUTHENTICATED"}}]}"#);
        assert_eq!(failure(&ex), Some(Failure::Unauthorized));
        // Sign-in refusals as 400/422: Laravel's auth.failed, fastapi-users, django-allauth
        // headless (its openapi example), Linear's API key sent as a Bearer token.
        for (status, body) in [
            (422, r#"{"message":"These credentials do not match our records.","errors":{"email":["These credentials do not match our records."]}}"#),
            (400, r#"{"detail":"LOGIN_BAD_CREDENTIALS"}"#),
            (400, r#"{"status":400,"errors":[{"message":"The email address and/or password you specified are not correct.","code":"email_password_mismatch","param":"password"}]}"#),
            (400, r#"{"errors":[{"message":"It looks like you're trying to use an API key as a Bearer token. Remove the Bearer prefix from the Authorization header."}]}"#),
        ] {
            assert_eq!(failure(&test_util::with_status("https://api.example.test/login", &[], status, body)), Some(Failure::Unauthorized), "{body}");
        }
        // A 400 with an RFC 6750 challenge naming an error (Hono's bearer-auth), and not without.
        let e = crate::har::Entry::new("GET", "https://api.example.test/x").headers(&[("Authorization", "bearer abc")]).status(400).response_header("WWW-Authenticate", r#"Bearer realm="", error="invalid_request", error_description="token is not found in request""#);
        assert_eq!(failure(&Exchange::new(0, &e)), Some(Failure::Unauthorized));
        assert!(failure(&test_util::with_status("https://api.example.test/x", &[("Authorization", "Bearer abc")], 400, "Bad Request")).is_none());
        // Clerk's sign-in: a wrong password is a 422 (form_password_incorrect)
        let ex = test_util::with_status("https://clerk.example.test/v1/client/sign_ins/sia_1/attempt_first_factor", &[], 422, r#"{"errors":[{"message":"Password is incorrect. Try again, or use another method.","long_message":"Password is incorrect. Try again, or use another method.","code":"form_password_incorrect"}]}"#);
        assert_eq!(failure(&ex), Some(Failure::Unauthorized));
        let ex = test_util::with_status("https://slack.com/api/chat.postMessage", &[], 200, r#"{"ok":false,"error":"missing_scope","needed":"chat:write"}"#);
        assert_eq!(failure(&ex), Some(Failure::Forbidden));
        let ex = test_util::with_status("https://auth.example.test/oauth/token", &[], 400, r#"{"error":"invalid_grant","error_description":"Token is not active"}"#);
        assert_eq!(failure(&ex), Some(Failure::Unauthorized));
        let ex = test_util::with_status("https://app.example.test/logout", &[], 419, r#"{"message":"CSRF token mismatch."}"#);
        assert_eq!(failure(&ex), Some(Failure::Forbidden));
        // Flask-JWT-Extended's 422 for a token it cannot verify; a signed URL expired (S3/GCS XML 400)
        let ex = test_util::with_status("https://api.example.test/todos", &[("Authorization", "Bearer a.b.c")], 422, "{\n    \"msg\": \"Signature verification failed\"\n}");
        assert_eq!(failure(&ex), Some(Failure::Unauthorized));
        let ex = test_util::with_status("https://storage.googleapis.com/b/o?Expires=120", &[], 400, "<Error>\n<Code>ExpiredToken</Code>\n<Message>The provided token has expired.</Message>\n</Error>");
        assert_eq!(failure(&ex), Some(Failure::Unauthorized));
        // AWS's JSON protocol: credential errors are 400s named in `__type` (DynamoDB's answer to
        // an expired session token, docs.aws.amazon.com/amazondynamodb/latest/developerguide/Programming.Errors.html)
        let ex = test_util::with_status("https://dynamodb.us-east-1.amazonaws.com/", &[], 400, r#"{"__type":"com.amazon.coral.service#ExpiredTokenException","message":"The security token included in the request is expired"}"#);
        assert_eq!(failure(&ex), Some(Failure::Unauthorized));
        // … but not its validation errors
        assert!(failure(&test_util::with_status("https://dynamodb.us-east-1.amazonaws.com/", &[], 400, r#"{"__type":"com.amazon.coral.validate#ValidationException","message":"1 validation error detected"}"#)).is_none());
        // a 422 validation error is not, with or without a token
        assert!(failure(&test_util::with_status("https://api.example.test/x", &[("Authorization", "Bearer a.b.c")], 422, r#"{"message":"The given data was invalid.","errors":{"email":["The email field is required."]}}"#)).is_none());
        // Google's 400 for a key it does not know (and other APIs' 400s that say the key or token
        // was refused) is the authentication failing …
        assert_eq!(failure(&test_util::with_status("https://api.example.test/x", &[], 400, r#"{"error":{"code":400,"message":"API key not valid. Please pass a valid API key.","status":"INVALID_ARGUMENT"}}"#)), Some(Failure::Unauthorized));
        assert_eq!(failure(&test_util::with_status("https://api.dropboxapi.com/2/files/list_folder", &[], 400, "Error in call to API function \"files/list_folder\": The given OAuth 2 access token is malformed.")), Some(Failure::Unauthorized));
        // … but a validation 400 and a healthy GraphQL answer are not
        assert!(failure(&test_util::with_status("https://api.example.test/x", &[], 400, r#"{"error":{"code":400,"message":"Invalid value at 'address' (TYPE_STRING)","status":"INVALID_ARGUMENT"}}"#)).is_none());
        assert!(failure(&test_util::with_status("https://api.example.test/graphql", &[], 200, r#"{"data":{"me":null},"errors":[{"message":"not found","extensions":{"code":"NOT_FOUND"}}]}"#)).is_none());
    }

    #[test]
    fn rate_limited_403_is_not_auth() {
        let ex = test_util::with_status("https://api.github.com/x", &[("Authorization", "Bearer ghp_x")], 403, "API rate limit exceeded");
        assert!(failure(&ex).is_none());
        let ex = test_util::with_status("https://api.example.test/x", &[], 403, "{\"error\":\"missing scope\"}");
        assert_eq!(failure(&ex), Some(Failure::Forbidden));
    }
}
