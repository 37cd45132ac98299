//! An [`Exchange`] is one HAR entry, pre-digested once: parsed URL, provider and environment of
//! the destination, the credentials the request carried (classified), the challenges and the
//! body the server answered. Causes and secret rules read exchanges; they never re-parse.

pub mod response;
pub mod server_says;

use base64::Engine as _;
use serde_json::Value;
use time::OffsetDateTime;

use crate::har::{find_header, Entry, NameValue};
use crate::limits;
use crate::parse::authorization::{self, Authorization};
use crate::parse::basic::{self, Basic};
use crate::parse::date;
use crate::parse::jwt::{self, Jwt};
use crate::parse::url::Url;
use crate::parse::www_authenticate::{self, Challenge};
use crate::providers::{self, BodyRule, Env, KeyKind, KeyMatch, Provider};
use crate::redact::{self, Redacted};

/// Where a credential was carried.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Location {
    /// The whole `Authorization` credential (Bearer token, raw key).
    Authorization,
    /// The user-id half of a Basic credential.
    BasicUser,
    /// The password half of a Basic credential.
    BasicPassword,
    /// Another request header (`apikey`, `X-API-Key`).
    Header(String),
    /// A query parameter.
    Query(String),
    /// A field of the request body (`$.token`, form field `token`).
    Body(String),
    /// A segment of the URL's path holding a key of the destination's format (Telegram's
    /// `/bot<token>/sendMessage`).
    Path,
}

impl Location {
    /// Where, as reports write it: `request.header.Authorization (Basic user)`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn describe(&self) -> String {
        match self {
            Location::Authorization => "request.header.Authorization".into(),
            Location::BasicUser => "request.header.Authorization (Basic user)".into(),
            Location::BasicPassword => "request.header.Authorization (Basic password)".into(),
            Location::Header(h) => format!("request.header.{}", redact::clip(h, 64)),
            Location::Query(q) => format!("request.query.{}", redact::clip(q, 64)),
            Location::Body(p) => format!("request.body {}", redact::clip(p, 96)),
            Location::Path => "request.url path".into(),
        }
    }
}

/// A credential the request carried. The raw value never leaves the crate.
#[derive(Debug, Clone)]
pub struct Credential {
    /// Where it was.
    pub location: Location,
    pub(crate) value: String,
    /// Its format, when a provider rule recognises it.
    pub key: Option<KeyMatch>,
    /// Its claims, when it is a JWT.
    pub jwt: Option<Jwt>,
}

impl Credential {
    /// True when the value is a token (or of no known format), not an API key or secret: a
    /// user's token of a secret's shape sent in `Authorization` counts (Twitch).
    pub fn token_like(&self) -> bool {
        self.key.is_none_or(|k| k.rule.kind == KeyKind::Token || k.rule.user_token_in_authorization && self.location == Location::Authorization)
    }

    /// The value, redacted (showing a known provider prefix at most).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn redacted(&self) -> Redacted {
        if self.jwt.is_some() {
            return Redacted::jwt(&self.value);
        }
        Redacted::with_prefix(&self.value, self.key.map_or("", |k| k.rule.prefix))
    }

    /// Length in characters.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn len(&self) -> usize {
        self.value.chars().count()
    }

    /// True for an empty value.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn is_empty(&self) -> bool {
        self.value.is_empty()
    }

    /// Secret, publishable or token, when known.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn kind(&self) -> Option<KeyKind> {
        self.key.map(|k| k.rule.kind).or_else(|| {
            self.jwt.as_ref().map(|j| if j.role.as_deref() == Some("service_role") { KeyKind::Secret } else { KeyKind::Token })
        })
    }

    /// [`Credential::describe`] after its indefinite article: "an Anthropic API key", "a JWT".
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn a_describe(&self) -> String {
        let d = self.describe();
        // A vowel sound by its first letter (titles start with a capital; "JWT" and "credential"
        // take "a").
        let an = matches!(d.as_bytes().first(), Some(b'A' | b'E' | b'I' | b'O')) || d.starts_with("Up");
        (if an { "an " } else { "a " }).to_string() + &d
    }

    /// Human description: "Midtrans sandbox server key", "JWT", "credential".
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn describe(&self) -> String {
        if let Some(k) = self.key {
            return k.rule.title.to_string();
        }
        if self.jwt.is_some() {
            return "JWT".into();
        }
        "credential (format not recognised)".into()
    }

    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub(crate) fn raw(&self) -> &str {
        &self.value
    }
}

/// One exchange, digested.
#[derive(Debug, Clone)]
pub struct Exchange {
    /// Position in the session.
    pub index: usize,
    /// Uppercase method.
    pub method: String,
    /// URL as recorded (may hold credentials: use [`Exchange::redacted_url`] to show it).
    pub(crate) url: String,
    /// Parsed URL, when it parses.
    pub parsed: Option<Url>,
    /// Lowercase host, or empty.
    pub host: String,
    /// Path.
    pub path: String,
    /// HTTP status as recorded.
    pub http_status: i64,
    /// Status the client should act on: Midtrans answers some failures with HTTP 200 and
    /// `"status_code":"401"` in the body.
    pub status: i64,
    /// Request start time.
    pub started: Option<OffsetDateTime>,
    /// How long the exchange took (the entry's `time`), in milliseconds, when recorded.
    pub took_ms: Option<f64>,
    /// Chromium's `_resourceType`.
    pub resource_type: Option<String>,
    /// Request headers (bounded).
    pub req_headers: Vec<NameValue>,
    /// Response headers (bounded).
    pub resp_headers: Vec<NameValue>,
    /// The parsed `Authorization` header, when present.
    pub authorization: Option<Authorization>,
    /// Basic credential decoding, when the scheme is Basic.
    pub basic: Option<Basic>,
    /// Credentials the request carried.
    pub credentials: Vec<Credential>,
    /// Provider of the destination host.
    pub provider: Option<&'static Provider>,
    /// Environment of the destination host.
    pub env: Option<Env>,
    /// `WWW-Authenticate` challenges.
    pub challenges: Vec<Challenge>,
    /// Response body as text (bounded; empty for binary bodies).
    pub resp_body: String,
    /// Request body as text (bounded).
    pub req_body: String,
    /// Request body MIME type.
    pub req_mime: String,
    /// Form fields HAR recorded apart from the body text (urlencoded and multipart), bounded.
    pub form_params: Vec<NameValue>,
    /// Response MIME type.
    pub resp_mime: String,
    /// Redirect target.
    pub redirect_url: String,
    /// Limits hit.
    pub notes: Vec<String>,
    /// [`Exchange::recognised_body`], computed on first use.
    recognised: std::sync::OnceLock<Option<(&'static Provider, &'static BodyRule)>>,
    /// [`Exchange::server_said`], computed on first use.
    said: std::sync::OnceLock<server_says::ServerSaid>,
    /// Chromium's `_error` for a request that got no response (`net::ERR_FAILED`).
    pub net_error: Option<String>,
    /// Tokens the response handed out (login, refresh, OAuth token endpoint), for session reasoning.
    pub issued: Vec<response::IssuedToken>,
    /// Cookies the response set, for session reasoning.
    pub set_cookies: Vec<response::SetCookie>,
}

pub use crate::redact::CREDENTIAL_PARAMS;

/// Headers other than Authorization that carry credentials.
pub const CREDENTIAL_HEADERS: &[&str] = &[
    "apikey", "x-api-key", "api-key", "x-auth-token", "x-access-token", "x-goog-api-key",
    "private-token", "x-secret-key", "x-server-key", "x-client-secret", "x-amz-security-token",
    // Vercel's Deployment Protection bypass secret; Firebase App Check's attestation token.
    "x-vercel-protection-bypass", "x-firebase-appcheck",
];

/// What APIs that answer a refused key or token with 400 say (Gemini's "API key not valid" and
/// "API key expired", xAI's and other OpenAI-compatible APIs' "Incorrect API key provided",
/// Resend's "API key is invalid", Dropbox's "access token is malformed", Zoom's "Invalid access
/// token", Hugging Face's "the token seems invalid"): a 400 that says one of these is the
/// authentication failing.
const KEY_REFUSED_400: &[&str] = &[
    "api key not valid", "api_key_invalid", "api key expired", "incorrect api key provided", "api key is invalid",
    "invalid api key", "access token is malformed", "invalid authorization value in http header", "invalid access token",
    // Spotify's answer to an Authorization header it cannot read
    "only valid bearer authentication supported",
    "token seems invalid",
];

/// The error names AWS services give a request whose credentials failed (the JSON protocol sends
/// them with a 400): Cognito's refused token, an expired session token, an unknown access key, a
/// bad or incomplete SigV4 signature.
/// Pieces of the path of a sign-in page, lowercase: the pages frameworks, identity providers and
/// auth proxies send a browser to when it has no session (ASP.NET Core Identity's
/// `/Account/Login`, Devise's `/users/sign_in`, Django's `/accounts/login/`, Auth.js's
/// `/api/auth/signin`, Spring Security's `/login` and `/oauth2/authorization/{id}`, Cloudflare
/// Access's `/cdn-cgi/access/login`, oauth2-proxy's `/oauth2/start`, App Service's `/.auth/login`,
/// SAML's `/saml2/authenticate`).
const SIGN_IN_PATHS: &[&str] = &[
    "login", "signin", "sign-in", "sign_in", "logon", "/oauth2/authorization/", "/oauth2/start", "/saml2/authenticate", "/saml/login", "/sso/",
    // Access gateways: F5 BIG-IP APM's policy page and webtop, NetScaler Gateway's (AAA) logon page.
    "/my.policy", "/vdesk/",
];
const AWS_CREDENTIAL_ERRORS: &[&str] =
    &["NotAuthorizedException", "ExpiredTokenException", "UnrecognizedClientException", "InvalidSignatureException", "IncompleteSignatureException"];

impl Exchange {
    /// Digest an entry.
    pub fn new(index: usize, entry: &Entry) -> Exchange {
        let mut notes = Vec::new();
        let req = &entry.request;
        let resp = &entry.response;
        let req_headers = bounded_headers(&req.headers, "request", &mut notes);
        let resp_headers = bounded_headers(&resp.headers, "response", &mut notes);
        let parsed = Url::parse(&req.url).ok();
        let host = parsed.as_ref().and_then(|u| u.host_str()).unwrap_or("").to_ascii_lowercase();
        let path = parsed.as_ref().map(|u| u.path().to_string()).unwrap_or_default();
        let (provider, env) = match providers::for_host(&host) {
            Some((p, e)) => (Some(p), e),
            None => (None, None),
        };
        let resp_body = body_text(resp.content.text.as_deref(), resp.content.encoding.as_deref(), "response", &mut notes);
        let req_body = body_text(req.post_data.as_ref().and_then(|p| p.text.as_deref()), None, "request", &mut notes);
        let issued = response::issued_tokens(resp.status, &resp_body);
        let set_cookies = response::set_cookies(&resp_headers);
        let challenges = resp_headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case("www-authenticate"))
            .flat_map(|h| www_authenticate::parse(&h.value))
            .take(32)
            .collect();
        let mut ex = Exchange {
            index,
            method: req.method.to_ascii_uppercase(),
            url: req.url.clone(),
            parsed,
            host,
            path,
            http_status: resp.status,
            status: resp.status,
            started: parse_time(&entry.started_date_time),
            took_ms: entry.time.as_ref().and_then(serde_json::Value::as_f64).filter(|t| t.is_finite() && *t >= 0.0),
            resource_type: entry.resource_type.clone(),
            authorization: None,
            basic: None,
            credentials: Vec::new(),
            provider,
            env,
            challenges,
            resp_body,
            req_body,
            req_mime: req.post_data.as_ref().map(|p| p.mime_type.clone()).unwrap_or_default(),
            form_params: req.post_data.as_ref().map(|p| p.params.iter().take(256).cloned().collect()).unwrap_or_default(),
            resp_mime: resp.content.mime_type.clone(),
            redirect_url: resp.redirect_url.clone(),
            req_headers,
            resp_headers,
            notes,
            recognised: std::sync::OnceLock::new(),
            said: std::sync::OnceLock::new(),
            net_error: entry.error.clone(),
            issued,
            set_cookies,
        };
        ex.status = ex.effective_status();
        ex.collect_credentials(req.post_data.as_ref().map(|p| p.params.as_slice()).unwrap_or(&[]));
        ex
    }

    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn effective_status(&self) -> i64 {
        // A provider that answers 200 with the real status in the body (Midtrans).
        if let Some(field) = self.provider.map(|p| p.facts.status_in_body).filter(|f| !f.is_empty() && (200..300).contains(&self.http_status)) {
            if let Ok(Value::Object(o)) = serde_json::from_str::<Value>(self.resp_body.trim()) {
                let code = match o.get(field) {
                    Some(Value::String(s)) => s.parse::<i64>().ok(),
                    Some(Value::Number(n)) => n.as_i64(),
                    _ => None,
                };
                if let Some(c) = code.filter(|c| *c == 401 || *c == 403) {
                    return c;
                }
            }
        }
        if let Some(s) = self.auth_error_status().or_else(|| self.auth_error_text_400()).or_else(|| self.sent_to_sign_in()) {
            return s;
        }
        self.http_status
    }

    /// An API call (a fetch or XHR, not a page load) answered with a redirect to a sign-in page:
    /// how cookie-session stacks refuse a request without a live session (ASP.NET Core Identity's
    /// 302 to `/Account/Login?ReturnUrl=`, Next.js middleware's 307 to `/api/auth/signin`,
    /// Cloudflare Access's 302 to `…/cdn-cgi/access/login/…`, an auth proxy's 302 to the identity
    /// provider's `/authorize`), and Quarkus OIDC's 499 for script requests. The script then
    /// gets a sign-in page (or a CORS error) where it wanted data: a 401 in all but status.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn sent_to_sign_in(&self) -> Option<i64> {
        let status = self.http_status;
        // Quarkus answers a request marked as JavaScript (`X-Requested-With`) so.
        if status == 499 && self.resp_header("www-authenticate").is_some() {
            return Some(401);
        }
        if !matches!(status, 301 | 302 | 303 | 307 | 308) || !self.is_script_request() {
            return None;
        }
        let location = self.resp_header("location")?.to_ascii_lowercase();
        let path = self.path.to_ascii_lowercase();
        let signs_in = |p: &str| SIGN_IN_PATHS.iter().any(|w| p.contains(w));
        // Signing out ends on the sign-in page by design; a sign-in form posted and sent back to
        // it is a refusal only when the server says error.
        if ["logout", "signout", "sign-out", "sign_out", "logoff"].iter().any(|w| path.contains(w)) {
            return None;
        }
        let (target, query) = location.split_once('?').unwrap_or((&location, ""));
        if signs_in(&path) || path.contains("/callback") || path.contains("/authorize") {
            return (signs_in(target) && query.split('&').any(|kv| kv == "error" || kv.starts_with("error="))).then_some(401);
        }
        let back = ["returnurl=", "return_url=", "returnto=", "return_to=", "callbackurl=", "redirect_uri=", "redirect_url=", "next=", "continue=", "redirect=", "rd="];
        (signs_in(target) || target.contains("/authorize") && query.contains("response_type=") || query.split('&').any(|kv| back.iter().any(|b| kv.starts_with(b))) && (target.contains("auth") || target.contains("sso"))).then_some(401)
    }

    /// True when a script made the request (fetch or XHR) rather than the browser loading a page:
    /// its `Sec-Fetch-Mode` is not `navigate`, or (a capture without fetch metadata) it asks for
    /// something other than HTML or says XHR.
    fn is_script_request(&self) -> bool {
        if let Some(mode) = self.req_header("sec-fetch-mode") {
            return !mode.trim().eq_ignore_ascii_case("navigate");
        }
        self.req_header("x-requested-with").is_some() || self.req_header("accept").is_some_and(|a| !a.trim_start().to_ascii_lowercase().starts_with("text/html"))
    }

    /// The 401/403 an answer that is not one means: a GraphQL `errors[].extensions.code`
    /// `UNAUTHENTICATED`/`FORBIDDEN` in a 200, Slack's `ok:false` with an auth error, Google
    /// Maps' `REQUEST_DENIED`, Laravel's 419 CSRF mismatch, an OAuth token endpoint's 400
    /// `invalid_grant`/`invalid_client`, Cognito's `NotAuthorizedException`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn auth_error_status(&self) -> Option<i64> {
        let status = self.http_status;
        let body = self.resp_body.trim_start();
        if status == 419 && mentions(truncate(body, 4096), &["csrf", "xsrf", "page expired"]) {
            return Some(403);
        }
        if let Some(s) = self.grant_refused() {
            return Some(s);
        }
        // A preflight for a request with Authorization refused with a 400 (Starlette's
        // "Disallowed CORS headers"): the credential can never be sent.
        if status == 400 && self.is_preflight() && self.req_header("access-control-request-headers").is_some_and(|h| h.to_ascii_lowercase().contains("authorization")) && mentions(truncate(body, 1024), &["cors", "origin", "header"]) {
            return Some(403);
        }
        // A 400 with an RFC 6750 challenge naming an error (Hono's bearer-auth refuses a header it
        // cannot read so): the server says it is about the credential.
        if status == 400 && self.resp_header("www-authenticate").is_some_and(|h| h.to_ascii_lowercase().contains("error=")) {
            return Some(401);
        }
        if !((200..300).contains(&status) || status == 400 || status == 422) || !body.starts_with('{') || body.len() > 64 * 1024 {
            return None;
        }
        let b = body.as_bytes();
        let hint = |w: &[u8]| memchr::memmem::find(b, w).is_some();
        if (200..300).contains(&status) && !(hint(b"errors") || hint(b"\"ok\"") || hint(b"REQUEST_DENIED") || hint(b"error") || hint(b"Exception")) {
            return None;
        }
        let Ok(Value::Object(o)) = serde_json::from_str::<Value>(body) else {
            // A body cut short (a capture's limit, a log): read the GraphQL code as text.
            if (200..300).contains(&status) && hint(b"errors") {
                let t = truncate(body, 8192);
                if mentions(t, &["\"code\":\"unauthenticated\"", "\"code\": \"unauthenticated\""]) {
                    return Some(401);
                }
                if mentions(t, &["\"code\":\"forbidden\"", "\"code\": \"forbidden\"", "\"saml_failure\": true", "\"saml_failure\":true"]) {
                    return Some(403);
                }
            }
            return None;
        };
        let up = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_ascii_uppercase);
        if (200..300).contains(&status) {
            // GraphQL: errors[].extensions.code, errors[].type (GitHub)
            if let Some(Value::Array(errs)) = o.get("errors") {
                for e in errs.iter().take(16) {
                    // AppSync: `errorType` (`Unauthorized` for a resolver's auth rules)
                    let code = up(e.pointer("/extensions/code")).or_else(|| up(e.get("type"))).or_else(|| up(e.get("errorType")));
                    match code.as_deref() {
                        // AppSync's resolver authorization ("Not Authorized to access X on type Mutation")
                        Some("UNAUTHORIZED") if e.get("errorType").is_some() => return Some(403),
                        Some("UNAUTHENTICATED" | "UNAUTHORIZED" | "INVALID_TOKEN" | "AUTHENTICATION_ERROR" | "TOKEN_EXPIRED" | "INVALID-JWT" | "INVALID_JWT" | "JWT_INVALID" | "INVALID-HEADERS" | "AUTH_NOT_AUTHENTICATED") => return Some(401),
                        // Hot Chocolate's code when the user is signed in but not allowed
                        Some("AUTH_NOT_AUTHORIZED") => return Some(403),
                        Some("UNAUTHORIZEDEXCEPTION") => return Some(401),
                        // Hasura's `access-denied`
                        Some("FORBIDDEN" | "PERMISSION_DENIED" | "INSUFFICIENT_SCOPES" | "ACCESS_DENIED" | "ACCESS-DENIED") => return Some(403),
                        _ => {}
                    }
                    if e.pointer("/extensions/saml_failure").and_then(Value::as_bool) == Some(true) {
                        return Some(403);
                    }
                }
            }
            // Slack Web API and its kind: `{"ok":false,"error":"invalid_auth"}`
            if o.get("ok").and_then(Value::as_bool) == Some(false) {
                let err = o.get("error").and_then(Value::as_str).unwrap_or("");
                if ["invalid_auth", "not_authed", "token_revoked", "token_expired", "account_inactive", "invalid_token", "not_allowed_token_type", "unauthorized"].contains(&err) {
                    return Some(401);
                }
                if ["missing_scope", "no_permission", "not_authorized", "forbidden", "ekm_access_denied"].contains(&err) {
                    return Some(403);
                }
            }
            // Google Maps web services
            if o.get("status").and_then(Value::as_str) == Some("REQUEST_DENIED") {
                return Some(403);
            }
            return None;
        }
        // 400/422: OAuth token endpoint errors (RFC 6749 §5.2) and auth errors some servers send
        // as 400, or as 422 (Flask-JWT-Extended answers a token it cannot decode with 422).
        let err = o.get("error").and_then(Value::as_str).unwrap_or("");
        // Google's own code for a redirect_uri that differs from the authorization request's.
        if ["invalid_grant", "invalid_client", "unauthorized_client", "invalid_token", "redirect_uri_mismatch"].contains(&err) {
            return Some(401);
        }
        // At a token endpoint (a form with `grant_type`) a malformed grant request is the
        // authentication step failing: Entra ID's AADSTS9002326 (wrong client type) is one.
        if err == "invalid_request" && self.form_value("grant_type").is_some() {
            return Some(401);
        }
        // Facebook Graph: `{"error":{"type":"OAuthException","code":190,…}}` for token problems.
        if o.get("error").and_then(|e| e.get("type")).and_then(Value::as_str) == Some("OAuthException") {
            return Some(401);
        }
        // AWS's JSON protocol answers credential errors with a 400 and the error's name in
        // `__type` (`com.amazon.coral.service#ExpiredTokenException`) or `x-amzn-ErrorType`.
        let typ = o.get("__type").and_then(Value::as_str).or_else(|| o.get("code").and_then(Value::as_str)).unwrap_or("");
        let typ = if typ.is_empty() { self.resp_header("x-amzn-errortype").unwrap_or("") } else { typ };
        if AWS_CREDENTIAL_ERRORS.iter().any(|e| typ.contains(e)) {
            return Some(401);
        }
        if mentions(truncate(body, 4096), &["must specify access token via authorization header", "bad http authentication header format", "invalid format for authorization header", "\"invalidjwt\"", "\"token_expired\"", "\"invalid_id_token\"", "\"invalid_refresh_token\"", "\"user_disabled\"",
            // Echo's and Fiber's JWT middleware answer a missing token with 400; Supabase Auth and
            // Firebase Auth a wrong password.
            "missing or malformed jwt", "invalid login credentials", "invalid_login_credentials",
            // Clerk's sign-in (422 form_password_incorrect)
            "form_password_incorrect", "password is incorrect",
            // Sign-in refusals: Laravel's auth.failed (422), fastapi-users, django-allauth's
            // headless API, PocketBase's auth-with-password; Parse Server's code 209 (all its
            // errors are 400s); Linear's answer to its API key sent as a Bearer token.
            "these credentials do not match our records", "login_bad_credentials", "email_password_mismatch",
            "failed to authenticate.", "invalid session token", "trying to use an api key as a bearer token",
            // PostGraphile's answer to an Authorization header it cannot read
            "not of the correct bearer scheme format"]) || mentions(truncate(body, 4096), KEY_REFUSED_400) || self.req_header("authorization").is_some() && mentions(truncate(body, 4096), JWT_LIBRARY_ERRORS) {
            return Some(401);
        }
        None
    }

    /// A token endpoint's refusal of a grant that does not come as 401: a 400, 403, 404 or 422
    /// (Supabase's `flow_state_not_found`, Twitch's "Invalid refresh token"), or a 200 whose
    /// body is an OAuth error (GitHub's `bad_verification_code`). A device flow still waiting
    /// (`authorization_pending`, `slow_down`) is no failure.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn grant_refused(&self) -> Option<i64> {
        let status = self.http_status;
        if !((200..300).contains(&status) || matches!(status, 400 | 403 | 404 | 422)) {
            return None;
        }
        let body = truncate(self.resp_body.trim_start(), 4096);
        // Every successful exchange passes here: bail out before any allocation.
        if (200..300).contains(&status) && !(body.starts_with('{') && memchr::memmem::find(body.as_bytes(), b"\"error\"").is_some()) || body.is_empty() && status != 400 {
            return None;
        }
        let grant = self.grant_type()?;
        let lower = body.to_ascii_lowercase();
        if mentions(&lower, &["authorization_pending", "slow_down", "use_dpop_nonce", "mfa_required", "rate limit", "too many", "quota"]) {
            return None;
        }
        // The device flow's polling answers are not refusals, nor is a token that came back.
        if grant.contains("device_code") || (200..300).contains(&status) && lower.contains("access_token") {
            return None;
        }
        Some(if status == 403 { 403 } else { 401 })
    }

    /// A 400 whose text (not JSON) is an auth error: Cognito's `NotAuthorizedException`, a
    /// framework's "Bad HTTP authentication header format".
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn auth_error_text_400(&self) -> Option<i64> {
        if self.http_status != 400 || serde_json::from_str::<Value>(truncate(&self.resp_body, 64 * 1024)).is_ok() {
            return None;
        }
        let t = truncate(&self.resp_body, 4096);
        // The XML error codes S3 and Google Cloud Storage share: a signed URL past its expiry
        // or signed with another key is a 400 there.
        // nginx `ssl_verify_client`: the browser offered no client certificate.
        if mentions(t, &["no required ssl certificate was sent"]) {
            return Some(401);
        }
        // ASP.NET Core's antiforgery filter answers a form without its token with a 400 text.
        if mentions(t, &["antiforgery token"]) {
            return Some(403);
        }
        (mentions(t, &["notauthorizedexception", "bad http authentication header format", "invalid format for authorization header", "invalid_grant", "invalid_client", "oauthexception", "<code>expiredtoken</code>", "<code>signaturedoesnotmatch</code>", "<code>invalidtoken</code>"])
            || mentions(t, KEY_REFUSED_400)
            || self.resp_header("x-amzn-errortype").is_some_and(|v| v.starts_with("NotAuthorizedException")))
        .then_some(401)
    }

    fn push_credential(&mut self, location: Location, value: &str) {
        if self.credentials.len() >= 64 {
            return;
        }
        let value = redact::prefix_chars(value, limits::MAX_HEADER_VALUE).to_string();
        // A Basic half may have no shape of its own (a PayPal client secret): what the
        // destination expects in that half says what it is.
        let key = match location {
            Location::BasicUser => providers::classify_basic(value.trim(), self.provider, false),
            Location::BasicPassword => providers::classify_basic(value.trim(), self.provider, true),
            _ => providers::classify(value.trim(), self.provider),
        };
        // Supabase keys are JWTs: keep their claims for the report too.
        let jwt = if key.is_none_or(|k| k.rule.prefix == "eyJ") { jwt::decode(&value) } else { None };
        self.credentials.push(Credential { location, value, key, jwt });
    }

    fn collect_credentials(&mut self, form: &[NameValue]) {
        if let Some(v) = find_header(&self.req_headers, "authorization").map(str::to_string) {
            let a = authorization::parse(&v);
            if a.is_scheme("basic") {
                let b = basic::decode(&a.intended_credential());
                match &b {
                    Basic::Pair { user, password } => {
                        let (u, p) = (user.clone(), password.clone());
                        if !u.is_empty() {
                            self.push_credential(Location::BasicUser, &u);
                        }
                        if !p.is_empty() {
                            self.push_credential(Location::BasicPassword, &p);
                        }
                    }
                    Basic::NoColon { decoded } => {
                        let d = decoded.clone();
                        self.push_credential(Location::BasicUser, &d);
                    }
                    Basic::NotBase64 => {
                        let c = a.intended_credential();
                        self.push_credential(Location::Authorization, &c);
                    }
                }
                self.basic = Some(b);
            } else {
                let c = a.intended_credential();
                if !c.is_empty() || a.scheme.is_some() {
                    self.push_credential(Location::Authorization, &c);
                }
            }
            self.authorization = Some(a);
        }
        let extra: Vec<(String, String)> = self
            .req_headers
            .iter()
            .filter(|h| CREDENTIAL_HEADERS.iter().any(|c| h.name.eq_ignore_ascii_case(c)) || credential_header_by_shape(&h.name, &h.value))
            .map(|h| (h.name.clone(), h.value.clone()))
            .collect();
        for (n, v) in extra {
            self.push_credential(Location::Header(n), &v);
        }
        if let Some(u) = self.parsed.clone() {
            for (k, v) in u.query_pairs().take(256) {
                // The names the destination documents too (OpenWeather's `appid`, Walk Score's `wsapikey`).
                let documented = self.provider.is_some_and(|p| p.facts.query_keys.iter().any(|n| k.eq_ignore_ascii_case(n)));
                if (documented || CREDENTIAL_PARAMS.iter().any(|c| k.eq_ignore_ascii_case(c))) && !v.is_empty() {
                    self.push_credential(Location::Query(k.into_owned()), &v);
                }
            }
        }
        // A key of the destination's own format in the URL's path (Telegram's `/bot<token>/…`).
        if let Some(p) = self.provider {
            let path = self.path.clone();
            if let Some(seg) = path.split('/').take(8).map(|s| s.strip_prefix("bot").unwrap_or(s)).find(|s| s.len() >= 20 && providers::classify(s, Some(p)).is_some_and(|m| std::ptr::eq(m.provider, p) && m.rule.kind == KeyKind::Secret)) {
                self.push_credential(Location::Path, seg);
            }
        }
        let mut fields = Vec::new();
        if self.req_mime.contains("json") || self.req_body.trim_start().starts_with('{') {
            match serde_json::from_str::<Value>(&self.req_body) {
                Ok(v) => json_credential_fields(&v, "$", 0, &mut fields),
                // serde_json refuses nesting deeper than its recursion limit: say so, not silently.
                Err(e) if e.to_string().starts_with("recursion limit") => self.notes.push(format!(
                    "the request body is JSON nested deeper than {} levels; its fields were not scanned",
                    limits::MAX_JSON_DEPTH
                )),
                Err(_) => {}
            }
        } else if self.req_mime.contains("x-www-form-urlencoded") {
            for (k, v) in form_urlencoded::parse(self.req_body.as_bytes()).take(256) {
                if CREDENTIAL_PARAMS.iter().any(|c| k.eq_ignore_ascii_case(c)) && !v.is_empty() {
                    fields.push((k.into_owned(), v.into_owned()));
                }
            }
        }
        for p in form.iter().take(256) {
            if CREDENTIAL_PARAMS.iter().any(|c| p.name.eq_ignore_ascii_case(c)) && !p.value.is_empty() && !fields.iter().any(|(k, _)| *k == p.name) {
                fields.push((p.name.clone(), p.value.clone()));
            }
        }
        for (k, v) in fields {
            self.push_credential(Location::Body(k), &v);
        }
    }

    /// The URL with credentials in it (userinfo, credential-like query values) redacted.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn redacted_url(&self) -> String {
        redact::url(&self.url)
    }

    /// The raw values of the credentials this request carried (for redacting their echoes).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn credential_values(&self) -> Vec<&str> {
        // Cookie values too: a server that echoes the session it refused ("session … expired")
        // must not be quoted with it.
        // And any header named for a credential (`X-Session`), whatever the engine made of it.
        self.credentials
            .iter()
            .map(|c| c.raw())
            .chain(self.sent_cookies().map(|(_, v)| v).filter(|v| v.len() >= 8))
            .chain(
                self.req_headers
                    .iter()
                    .filter(|h| {
                        h.value.len() >= 8
                            && !["cookie", "authorization", "proxy-authorization"].iter().any(|n| h.name.eq_ignore_ascii_case(n))
                            && redact::credential_name(&h.name)
                            && !redact::is_showable_placeholder(h.value.trim())
                    })
                    .map(|h| h.value.as_str()),
            )
            .collect()
    }

    /// Text this exchange's server wrote, fit to quote: the request's own credentials (whatever
    /// their shape) and key- and JWT-shaped words redacted ([`redact::quote`]).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn quote(&self, text: &str) -> String {
        redact::quote(text, self.credential_values().iter().copied())
    }

    /// First request header with this name.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn req_header(&self, name: &str) -> Option<&str> {
        find_header(&self.req_headers, name)
    }

    /// First response header with this name.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn resp_header(&self, name: &str) -> Option<&str> {
        find_header(&self.resp_headers, name)
    }

    /// True for a CORS preflight.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn is_preflight(&self) -> bool {
        self.resource_type.as_deref() == Some("preflight")
            || (self.method == "OPTIONS" && self.req_header("access-control-request-method").is_some())
    }

    /// The credential in the `Authorization` header (the Basic user for Basic).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn auth_credential(&self) -> Option<&Credential> {
        self.credentials.iter().find(|c| matches!(c.location, Location::Authorization | Location::BasicUser))
    }

    /// The provider error body this response matches, if any: the destination provider's texts
    /// first, then every provider's in registry order. Computed once per exchange, in one pass
    /// over the start of the body ([`ERROR_BODY_PREFIX`]).
    pub fn recognised_body(&self) -> Option<(&'static Provider, &'static BodyRule)> {
        if self.resp_body.is_empty() {
            return None;
        }
        *self.recognised.get_or_init(|| recognise_body(truncate(&self.resp_body, ERROR_BODY_PREFIX), self.provider))
    }

    /// What the server said, read with the shared vocabulary ([`server_says`]).
    pub fn server_said(&self) -> &server_says::ServerSaid {
        self.said.get_or_init(|| server_says::read(self))
    }

    /// True when the server's messages say `k`.
    pub fn says(&self, k: server_says::Says) -> bool {
        self.server_said().has(k)
    }

    /// A parameter of the request's form body: from the HAR's `postData.params`, or read from
    /// its text when the capture gave none.
    pub fn form_value(&self, name: &str) -> Option<String> {
        if let Some(p) = self.form_params.iter().find(|p| p.name == name) {
            return Some(p.value.clone());
        }
        if self.form_params.is_empty() && self.req_mime.to_ascii_lowercase().contains("x-www-form-urlencoded") {
            return form_urlencoded::parse(truncate(&self.req_body, 64 * 1024).as_bytes()).take(256).find(|(k, _)| k == name).map(|(_, v)| v.into_owned());
        }
        None
    }

    /// An OAuth parameter of the request: from a form, a JSON body (Auth0 and Supabase take one)
    /// or the query (Supabase's `/token?grant_type=pkce`, Facebook's GET code exchange).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn oauth_param(&self, name: &str) -> Option<String> {
        if let Some(v) = self.form_value(name) {
            return Some(v);
        }
        let body = self.req_body.trim_start();
        // Most requests with a JSON body are API calls: parse only a body that names it.
        if body.starts_with('{') && memchr::memmem::find(body.as_bytes(), name.as_bytes()).is_some() {
            if let Some(Value::String(s)) = serde_json::from_str::<Value>(truncate(body, 64 * 1024)).ok().as_ref().and_then(|v| v.get(name)) {
                return Some(s.clone());
            }
        }
        let u = self.parsed.as_ref()?;
        u.query_pairs().take(256).find(|(k, _)| k == name).map(|(_, v)| v.into_owned())
    }

    /// The OAuth grant this request asks a token endpoint for: its `grant_type`, or, for the
    /// endpoints that take none (GitHub's and Facebook's `…/access_token`, a `…/token` given a
    /// `code` or a `refresh_token`), the grant its parameters make.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn grant_type(&self) -> Option<String> {
        if let Some(g) = self.oauth_param("grant_type").filter(|g| !g.is_empty()) {
            return Some(g);
        }
        // Cognito's InitiateAuth refreshes with `"AuthFlow":"REFRESH_TOKEN_AUTH"` (AWS JSON).
        if self.req_header("x-amz-target").is_some_and(|t| t.ends_with(".InitiateAuth") || t.ends_with(".AdminInitiateAuth")) {
            return self.oauth_param("AuthFlow").filter(|f| f.starts_with("REFRESH_TOKEN")).map(|_| "refresh_token".into());
        }
        let last = self.path.trim_end_matches('/').rsplit('/').next().unwrap_or("");
        // djangorestframework-simplejwt's `/token/refresh/` takes `{"refresh": "<JWT>"}`.
        if last.eq_ignore_ascii_case("refresh") && self.oauth_param("refresh").is_some() {
            return Some("refresh_token".into());
        }
        if !(last.eq_ignore_ascii_case("token") || last.eq_ignore_ascii_case("access_token")) {
            return None;
        }
        if self.oauth_param("refresh_token").is_some() {
            Some("refresh_token".into())
        } else if self.oauth_param("code").is_some() {
            Some("authorization_code".into())
        } else {
            None
        }
    }

    /// True when every credential of this request was also in `other`, in the same place with the
    /// same value (an earlier request that carried the very same credentials, and maybe more).
    pub fn credentials_also_in(&self, other: &Exchange) -> bool {
        self.credentials.iter().all(|x| other.credentials.iter().any(|o| o.location == x.location && o.raw() == x.raw()))
    }

    /// True when the request carried a Cookie header.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn has_cookie(&self) -> bool {
        self.req_header("cookie").is_some_and(|c| !c.trim().is_empty())
    }

    /// The `name=value` pairs of the request's Cookie headers (at most 128), trimmed.
    pub fn sent_cookies(&self) -> impl Iterator<Item = (&str, &str)> {
        self.req_headers
            .iter()
            .filter(|h| h.name.eq_ignore_ascii_case("cookie"))
            .flat_map(|h| h.value.split(';'))
            .filter_map(|p| p.split_once('=').map(|(n, v)| (n.trim(), v.trim())))
            .take(128)
    }

    /// True when the request carried a cookie that may hold a login: any but those whose names
    /// say they do not (analytics, bot protection, CSRF; [`response::session_cookie_name`]).
    pub fn has_session_cookie(&self) -> bool {
        self.sent_cookies().any(|(n, _)| response::session_cookie_name(n) != Some(false))
    }

    /// True when the response body contains one of `words`, ignoring ASCII case: one pass of an
    /// automaton built from the list on its first use ([`phrase_automaton`]). The causes look for
    /// dozens of phrases in a body; a substring search per phrase cost a fifth of an exchange's
    /// analysis inside wasm.
    pub fn resp_body_mentions(&self, words: &'static [&'static str]) -> bool {
        if self.resp_body.is_empty() {
            return false;
        }
        match phrase_automaton(words) {
            Some(dfa) => !crate::dfa::occurrences(dfa, self.resp_body.as_bytes(), 1).is_empty(),
            None => mentions(&self.resp_body, words),
        }
    }
}

/// The automaton that finds `words` (ignoring ASCII case), built once per list and kept for the
/// life of the engine: the lists are the causes' constants, so there are a few dozen at most.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn phrase_automaton(words: &'static [&'static str]) -> Option<&'static aho_corasick::dfa::DFA> {
    type Cache = Vec<((usize, usize), &'static aho_corasick::dfa::DFA)>;
    static CACHE: std::sync::Mutex<Cache> = std::sync::Mutex::new(Vec::new());
    let key = (words.as_ptr() as usize, words.len());
    let mut cache = CACHE.lock().ok()?;
    if let Some((_, dfa)) = cache.iter().find(|(k, _)| *k == key) {
        return Some(*dfa);
    }
    let dfa = aho_corasick::dfa::Builder::new()
        .match_kind(aho_corasick::MatchKind::Standard)
        .ascii_case_insensitive(true)
        .prefilter(false)
        .build(words)
        .ok()?;
    let dfa: &'static aho_corasick::dfa::DFA = Box::leak(Box::new(dfa));
    cache.push((key, dfa));
    Some(dfa)
}

/// Bytes at the start of a response body that are compared with the providers' error texts.
/// Error bodies are a few hundred bytes of JSON or text; a 2 MiB bundle answered with 200 costs
/// one short search instead of an automaton pass over all of it (which halved the analysis of
/// such an entry).
pub const ERROR_BODY_PREFIX: usize = 64 * 1024;

/// Every provider's error-body texts in one automaton, in registry order.
type BodyRules = (Option<aho_corasick::dfa::DFA>, Vec<(&'static Provider, &'static BodyRule)>);

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn body_rules() -> &'static BodyRules {
    static RULES: std::sync::OnceLock<BodyRules> = std::sync::OnceLock::new();
    RULES.get_or_init(|| {
        let rules: Vec<(&'static Provider, &'static BodyRule)> =
            providers::ALL.iter().flat_map(|p| p.bodies.iter().map(move |b| (*p, b))).collect();
        // The DFA alone, walked by `crate::dfa::occurrences` as the secret scanner's is.
        let ac = aho_corasick::dfa::Builder::new()
            .match_kind(aho_corasick::MatchKind::Standard)
            .prefilter(false)
            .build(rules.iter().map(|(_, b)| b.contains))
            .ok();
        (ac, rules)
    })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn recognise_body(body: &str, destination: Option<&'static Provider>) -> Option<(&'static Provider, &'static BodyRule)> {
    let (ac, rules) = body_rules();
    let mut seen = vec![false; rules.len()];
    for (pid, _) in crate::dfa::occurrences(ac.as_ref()?, body.as_bytes(), usize::MAX) {
        if let Some(s) = seen.get_mut(pid as usize) {
            *s = true;
        }
    }
    let hit = |i: &usize| seen.get(*i).copied().unwrap_or(false);
    let mine = destination.and_then(|d| (0..rules.len()).filter(hit).find(|i| rules.get(*i).is_some_and(|(p, _)| std::ptr::eq(*p, d))));
    mine.or_else(|| (0..rules.len()).find(hit)).and_then(|i| rules.get(i).copied())
}

/// Header names that say token/key/secret/auth/signature but never carry a credential.
const NOT_CREDENTIAL_HEADERS: &[&str] = &[
    "authorization", "proxy-authorization", "cookie", "sec-websocket-key", "idempotency-key", "x-idempotency-key", "x-csrftoken", "x-csrf-token",
    "x-xsrf-token", "csrf-token", "xsrf-token", "x-amz-content-sha256", "x-amz-date", "x-request-id", "x-correlation-id", "cache-key",
    "x-cache-key", "www-authenticate", "x-auth-user", "x-auth-email", "x-auth-type", "x-goog-authuser", "x-auth-method", "x-auth-scheme",
    // SDK telemetry: base64 JSON of the SDK's name and version (`eyJuYW1lIjoiYXV0aDAuanMi…`).
    "auth0-client",
];
/// Fragments of a header name that say it carries a credential.
const CREDENTIAL_NAME_MARKS: &[&str] = &["token", "key", "secret", "auth", "signature", "password", "credential"];

/// A request header that carries a credential by its shape: a name that says token, key,
/// secret, auth or signature (`X-Shopify-Access-Token`, `Ocp-Apim-Subscription-Key`,
/// `X-Algolia-API-Key`, `CF-Access-Client-Secret`), and a value that looks like one (long
/// enough, one word, no scheme-less prose).
pub fn credential_header_by_shape(name: &str, value: &str) -> bool {
    let n = name.to_ascii_lowercase();
    if NOT_CREDENTIAL_HEADERS.contains(&n.as_str()) || n.contains("csrf") || n.contains("xsrf") || n.starts_with("sec-") || n.starts_with("access-control-") {
        return false;
    }
    if !CREDENTIAL_NAME_MARKS.iter().any(|m| n.contains(m)) {
        return false;
    }
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    // `X-Figma-Token: None`: the variable behind a token header was never set (not a flag's
    // `true`/`false`, nor an empty value).
    let unset = (n.ends_with("token") || n.ends_with("key") || n.ends_with("secret")) && matches!(v.to_ascii_lowercase().as_str(), "undefined" | "null" | "none" | "nil" | "[object object]" | "[object promise]");
    unset || v.chars().count() >= 12 && !v.contains(' ') && v.chars().filter(|c| c.is_ascii_alphanumeric()).count() * 10 >= v.chars().count() * 7
}

/// What JWT libraries (PyJWT behind Flask-JWT-Extended, jsonwebtoken, golang-jwt) say about a
/// token they could not accept, when a framework forwards it with a 400 or 422.
const JWT_LIBRARY_ERRORS: &[&str] = &[
    "signature verification failed", "signature has expired", "not enough segments", "invalid header padding", "invalid crypto padding", "invalid header string",
    "bad authorization header", "missing 'bearer' type", "only non-refresh tokens are allowed", "only refresh tokens are allowed", "only access tokens are allowed",
    "token has expired", "jwt expired", "jwt malformed", "invalid signature", "token is expired",
];

/// True when `text` contains one of `words`, ignoring ASCII case (linear in the text).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn mentions(text: &str, words: &[&str]) -> bool {
    if text.is_empty() || words.is_empty() {
        return false;
    }
    contains_any_lowercase(&text.to_ascii_lowercase(), words)
}

/// `lower` is already lowercase; each word is searched with a SIMD substring search, which beats
/// building an automaton for the few words a cause looks for.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn contains_any_lowercase(lower: &str, words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w: std::borrow::Cow<str> = if w.bytes().any(|b| b.is_ascii_uppercase()) { w.to_ascii_lowercase().into() } else { (*w).into() };
        if lower.len() <= SHORT_TEXT {
            contains_short(lower.as_bytes(), w.as_bytes())
        } else {
            memchr::memmem::find(lower.as_bytes(), w.as_bytes()).is_some()
        }
    })
}

/// Texts up to this many bytes are searched by [`contains_short`].
const SHORT_TEXT: usize = 4096;

/// `needle` in a short `hay`: a first-byte scan and a compare at each candidate. memmem builds
/// a searcher (SIMD tables) per call, which costs more than the search itself on the few hundred
/// bytes of a typical error body.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn contains_short(hay: &[u8], needle: &[u8]) -> bool {
    let Some((&first, rest)) = needle.split_first() else { return true };
    memchr::memchr_iter(first, hay).any(|i| hay.get(i + 1..i + 1 + rest.len()) == Some(rest))
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
/// A JWT in a JSON field named for a token in any spelling (`idToken`, `refreshToken`,
/// `AccessToken`; simplejwt's `refresh`): Firebase's, Cognito's and Django's endpoints take the
/// token in the body.
fn jwt_field(name: &str, value: &str) -> bool {
    // The value first: every string field of every JSON request body passes here, and naming
    // a field allocates.
    if !value.starts_with("eyJ") || value.bytes().filter(|b| *b == b'.').count() != 2 {
        return false;
    }
    let n = crate::redact::normalise_name(name);
    // Under another name, a value that decodes as a JWT (Cognito Identity's `Logins` map keys
    // its ID tokens by the pool's name).
    n.contains("token") || n == "refresh" || n == "jwt" || crate::parse::jwt::decode(value).is_some()
}

fn json_credential_fields(v: &Value, path: &str, depth: usize, out: &mut Vec<(String, String)>) {
    if depth > 8 || out.len() > 32 {
        return;
    }
    match v {
        Value::Object(o) => {
            for (k, val) in o.iter().take(512) {
                // Keys are clipped and paths bounded: a megabyte key above thousands of fields
                // must not be copied into every path below it.
                let p = if path.len() < 256 { crate::parse::json_path::member(path, k) } else { path.to_string() };
                match val {
                    Value::String(s) if CREDENTIAL_PARAMS.iter().any(|c| k.eq_ignore_ascii_case(c)) && !s.is_empty() || jwt_field(k, s) => {
                        out.push((p, s.clone()))
                    }
                    Value::Object(_) | Value::Array(_) => json_credential_fields(val, &p, depth + 1, out),
                    _ => {}
                }
            }
        }
        Value::Array(a) => {
            for (i, val) in a.iter().take(64).enumerate() {
                let p = if path.len() < 256 { crate::parse::json_path::index(path, i) } else { path.to_string() };
                json_credential_fields(val, &p, depth + 1, out);
            }
        }
        _ => {}
    }
}

fn bounded_headers(h: &[NameValue], side: &str, notes: &mut Vec<String>) -> Vec<NameValue> {
    if h.len() > limits::MAX_HEADERS {
        notes.push(format!("only the first {} of {} {side} headers were inspected", limits::MAX_HEADERS, h.len()));
    }
    // The first few cuts are named; the rest are counted, so the notes stay short.
    let mut cuts = 0usize;
    let out = h
        .iter()
        .take(limits::MAX_HEADERS)
        .filter(|x| !x.name.starts_with(':'))
        .map(|x| {
            if x.value.len() > limits::MAX_HEADER_VALUE || x.name.len() > limits::MAX_HEADER_NAME {
                cuts += 1;
                if cuts <= limits::MAX_NAMED_CUTS {
                    notes.push(format!("{side} header {} was cut to {} bytes", redact::clip(&x.name, 64), limits::MAX_HEADER_VALUE));
                }
                NameValue {
                    name: truncate(&x.name, limits::MAX_HEADER_NAME).to_string(),
                    value: truncate(&x.value, limits::MAX_HEADER_VALUE).to_string(),
                }
            } else {
                x.clone()
            }
        })
        .collect();
    if cuts > limits::MAX_NAMED_CUTS {
        notes.push(format!("{} more {side} header values were cut to {} bytes", cuts - limits::MAX_NAMED_CUTS, limits::MAX_HEADER_VALUE));
    }
    out
}

/// Cut at a char boundary at or below `max` bytes.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn truncate(s: &str, max: usize) -> &str {
    if s.len() <= max {
        return s;
    }
    let mut i = max;
    while i > 0 && !s.is_char_boundary(i) {
        i -= 1;
    }
    &s[..i]
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn body_text(text: Option<&str>, encoding: Option<&str>, side: &str, notes: &mut Vec<String>) -> String {
    let Some(text) = text else { return String::new() };
    let max = limits::MAX_BODY_BYTES;
    if encoding.is_some_and(|e| e.eq_ignore_ascii_case("base64")) {
        // Decode at most what we inspect (4 base64 chars → 3 bytes).
        let cut = truncate(text, max / 3 * 4);
        // Whole quads only, at a char boundary (non-ASCII junk must not split a character).
        let cut = truncate(cut, cut.len() / 4 * 4);
        match base64::engine::general_purpose::STANDARD.decode(cut.trim()) {
            Ok(bytes) => {
                if text.len() > cut.len() {
                    notes.push(format!("only the first {} KiB of the {side} body were inspected", max / 1024));
                }
                if bytes.iter().take(1024).any(|b| *b == 0) {
                    return String::new(); // binary: nothing to read
                }
                return String::from_utf8_lossy(&bytes).into_owned();
            }
            Err(_) => {
                notes.push(format!("the {side} body is marked base64 but does not decode; it was skipped"));
                return String::new();
            }
        }
    }
    if text.len() > max {
        notes.push(format!("only the first {} KiB of the {side} body were inspected", max / 1024));
    }
    truncate(text, max).to_string()
}

/// Parse a HAR `startedDateTime` (RFC 3339).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn parse_time(s: &str) -> Option<OffsetDateTime> {
    date::rfc3339(s)
}

/// Format a unix time as `2026-10-14 06:28 UTC`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn fmt_unix(secs: f64) -> String {
    match OffsetDateTime::from_unix_timestamp(secs as i64) {
        Ok(t) => format!("{:04}-{:02}-{:02} {:02}:{:02} UTC", t.year(), t.month() as u8, t.day(), t.hour(), t.minute()),
        // Out of range: the number as written (serde_json's float printing; `f64`'s Display
        // would add core's, ~15 kB of wasm).
        Err(_) => serde_json::Number::from_f64(secs).map(|n| n.to_string()).unwrap_or_else(|| "an invalid time".into()),
    }
}

/// Format a unix time as RFC 3339.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn rfc3339_unix(secs: f64) -> Option<String> {
    date::format_rfc3339(OffsetDateTime::from_unix_timestamp(secs as i64).ok()?)
}

/// "3 h 2 min", "45 s", "2 d 4 h".
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn fmt_duration(secs: f64) -> String {
    let s = secs.abs().round() as u64;
    let (d, h, m) = (s / 86400, s % 86400 / 3600, s % 3600 / 60);
    if s < 120 {
        format!("{s} s")
    } else if d > 0 {
        format!("{d} d {h} h")
    } else if h > 0 {
        format!("{h} h {m} min")
    } else if m > 0 {
        format!("{m} min {} s", s % 60)
    } else {
        format!("{s} s")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::har::Entry;

    fn entry(url: &str, headers: &[(&str, &str)]) -> Entry {
        Entry::new("get", url).headers(headers)
    }

    #[test]
    fn credential_headers_by_shape() {
        assert!(credential_header_by_shape("X-Shopify-Access-Token", "shpat_0123456789abcdef0123456789abcdef"));
        assert!(credential_header_by_shape("CF-Access-Client-Secret", "a1b2c3d4e5f6a7b8c9d0e1f2a3b4c5d6"));
        // Auth0 SDKs' telemetry header is base64 JSON of the SDK's name and version.
        assert!(!credential_header_by_shape("Auth0-Client", "eyJuYW1lIjoiYXV0aDAtc3BhLWpzIiwidmVyc2lvbiI6IjIuMS4zIn0="));
        assert!(!credential_header_by_shape("X-Request-Id", "0123456789abcdef0123456789abcdef"));
    }

    #[test]
    fn indefinite_article() {
        let mk = |h: &str, v: &str| Exchange::new(0, &crate::har::Entry::new("GET", "https://api.example.test/x").headers(&[(h, v)]));
        let ex = mk("x-api-key", "sk-ant-api03-abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789abcdefghijklmnopqrstuvwxyz0123-AbCdEfAA");
        assert_eq!(ex.credentials[0].a_describe(), "an Anthropic API key");
        let ex = mk("Authorization", "Bearer abcdefghijklmnopqrstuvwxyz0123456789");
        assert_eq!(ex.credentials[0].a_describe(), "a credential (format not recognised)");
    }

    #[test]
    fn basic_key_is_classified() {
        let e = entry("https://app.midtrans.com/snap/v1/transactions", &[("Authorization", "Basic U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6")]);
        let x = Exchange::new(0, &e);
        assert_eq!(x.provider.unwrap().id, "midtrans");
        assert_eq!(x.env, Some(Env::Production));
        let c = x.auth_credential().unwrap();
        assert_eq!(c.location, Location::BasicUser);
        assert_eq!(c.key.unwrap().rule.id, "midtrans_server_key_sandbox");
    }

    #[test]
    fn query_and_header_credentials() {
        let x = Exchange::new(0, &entry("https://x.test/a?api_key=abc123", &[("X-API-Key", "k1")]));
        let locs: Vec<String> = x.credentials.iter().map(|c| c.location.describe()).collect();
        assert_eq!(locs, vec!["request.header.X-API-Key", "request.query.api_key"]);
    }

    #[test]
    fn a_script_sent_to_a_sign_in_page_is_refused() {
        let status = |method: &str, url: &str, accept: &str, code: i64, location: &str| {
            Exchange::new(0, &Entry::new(method, url).headers(&[("Accept", accept)]).status(code).response_header("Location", location)).status
        };
        let json = "application/json, text/plain, */*";
        let page = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";
        // ASP.NET Core Identity, Auth.js middleware, Cloudflare Access, oauth2-proxy.
        assert_eq!(status("GET", "https://a.test/api/products", json, 302, "https://a.test/Identity/Account/Login?ReturnUrl=%2Fapi%2Fproducts"), 401);
        assert_eq!(status("GET", "https://a.test/api/orders", "application/json", 307, "/api/auth/signin?callbackUrl=%2Fapi%2Forders"), 401);
        assert_eq!(status("POST", "https://b.test/sync", "*/*", 302, "https://t.cloudflareaccess.com/cdn-cgi/access/login/b.test?kid=1"), 401);
        assert_eq!(status("GET", "https://c.test/api/x", json, 302, "https://idp.test/oauth2/v1/authorize?response_type=code&client_id=1"), 401);
        // A page load redirected to sign in is the browser's normal way there.
        assert_eq!(status("GET", "https://a.test/dashboard", page, 302, "/Account/Login?ReturnUrl=%2Fdashboard"), 302);
        // Signing out lands on the sign-in page; a redirect elsewhere is no refusal.
        assert_eq!(status("POST", "https://a.test/api/logout", json, 302, "/login?logout"), 302);
        assert_eq!(status("GET", "https://a.test/api/v1/items", json, 301, "https://a.test/api/v2/items"), 301);
        // A sign-in form sent back to itself with an error (Spring Security's form login) is a
        // refusal; sent on to the app, it succeeded.
        assert_eq!(status("POST", "https://a.test/login", json, 302, "/login?error"), 401);
        assert_eq!(status("POST", "https://a.test/login", json, 302, "/home"), 302);
        // F5 BIG-IP APM's policy page; nginx refusing a request without a client certificate.
        assert_eq!(status("GET", "https://portal.test/api/x", json, 302, "/my.policy"), 401);
        let mtls = Exchange::new(0, &Entry::new("GET", "https://mtls.test/api").status(400).response_body("text/html", "<html><head><title>400 No required SSL certificate was sent</title></head></html>"));
        assert_eq!(mtls.status, 401);
        // AppSync's `errorType` in a 200.
        let appsync = Exchange::new(0, &Entry::new("POST", "https://x.appsync-api.eu-west-1.amazonaws.com/graphql").status(200).response_body("application/json", r#"{"data":null,"errors":[{"errorType":"Unauthorized","message":"Not Authorized to access updateNote on type Mutation"}]}"#));
        assert_eq!(appsync.status, 403);
        // Quarkus OIDC answers a script's request without a session with 499.
        let q = Exchange::new(0, &Entry::new("GET", "https://q.test/api").headers(&[("X-Requested-With", "JavaScript")]).status(499).response_header("WWW-Authenticate", "OIDC"));
        assert_eq!(q.status, 401);
    }

    #[test]
    fn a_jwt_in_a_token_named_json_field_is_a_credential() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIiwiZXhwIjoxNzAwMDAwMDAwfQ.c2lnbmF0dXJlc2lnbmF0dXJl";
        let body = |b: &str| Exchange::new(0, &Entry::new("POST", "https://api.example.test/api/token/refresh/").body("application/json", b));
        for b in [format!(r#"{{"refresh":"{jwt}"}}"#), format!(r#"{{"idToken":"{jwt}"}}"#), format!(r#"{{"AccessToken":"{jwt}"}}"#)] {
            assert_eq!(body(&b).credentials.len(), 1, "{b}");
        }
        // Not a JWT: no credential.
        assert!(body(r#"{"refresh":"5m"}"#).credentials.is_empty());
        assert!(body(r#"{"note":"eyJ.not.a-jwt"}"#).credentials.is_empty());
        // A JWT that decodes is a credential under any name (Cognito Identity's `Logins` map keys
        // ID tokens by the user pool's name).
        assert_eq!(body(&format!(r#"{{"Logins":{{"cognito-idp.eu-west-1.amazonaws.com/eu-west-1_X":"{jwt}"}}}}"#)).credentials.len(), 1);
    }

    #[test]
    fn grants_of_token_endpoints_without_grant_type() {
        let cognito = |flow: &str| {
            Exchange::new(0, &Entry::new("POST", "https://cognito-idp.eu-west-1.amazonaws.com/").headers(&[("X-Amz-Target", "AWSCognitoIdentityProviderService.InitiateAuth")]).body("application/x-amz-json-1.1", &format!(r#"{{"AuthFlow":"{flow}","ClientId":"1a2b3c","AuthParameters":{{}}}}"#))).grant_type()
        };
        assert_eq!(cognito("REFRESH_TOKEN_AUTH").as_deref(), Some("refresh_token"));
        assert_eq!(cognito("USER_SRP_AUTH"), None);
        let simplejwt = Exchange::new(0, &Entry::new("POST", "https://api.example.test/api/token/refresh/").body("application/json", r#"{"refresh":"eyJhbGciOiJIUzI1NiJ9.e30.c2ln"}"#));
        assert_eq!(simplejwt.grant_type().as_deref(), Some("refresh_token"));
    }

    #[test]
    fn durations() {
        assert_eq!(fmt_duration(3.0 * 3600.0 + 120.0), "3 h 2 min");
        assert_eq!(fmt_duration(45.0), "45 s");
    }
}
