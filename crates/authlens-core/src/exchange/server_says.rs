//! What the server says, whoever the server is: one vocabulary for every API.
//!
//! A 401 usually names its reason somewhere: the RFC 6750 `error` and `error_description` of a
//! `WWW-Authenticate` challenge, an `error`/`code`/`reason`/`message`/`type`/`detail` field of a
//! JSON body at any depth (`errors[]`, `details[].reason`, `extensions.code`), or the text of a
//! plain or HTML body. [`read`] collects those messages and maps each to what it says
//! ([`Says`]) with one table of phrases shared by every provider, identity provider, framework
//! and gateway ([`PHRASES`]). Causes read the result; provider data only refines wording.
//!
//! The table is data: each row is a lowercase phrase, what it means, and a note of where it was
//! seen (a real body quoted in `tests/corpus/`, a library's message, a standard).

use serde_json::Value;

use crate::exchange::Exchange;

/// What a server's message says about the failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Says {
    /// The token or credential expired.
    Expired,
    /// The token is not valid yet (`nbf`/`iat` ahead of the server's clock).
    NotYetValid,
    /// The token was issued for another audience (API, resource).
    Audience,
    /// The token comes from another issuer or tenant.
    Issuer,
    /// The token's signature does not verify (another key, another issuer, tampered).
    Signature,
    /// The credential or header could not be parsed.
    Malformed,
    /// Another type of token than expected (refresh or ID token for an access token).
    WrongTokenType,
    /// The token or grant was revoked.
    Revoked,
    /// The server saw no credential.
    Missing,
    /// The credential is not valid (unknown, wrong, rolled).
    Invalid,
    /// The credential lacks a scope or permission.
    Scope,
    /// A CSRF check failed.
    Csrf,
    /// SAML/SSO enforcement: the credential is not authorised for the organisation's SSO.
    Sso,
    /// The account, plan, country or key restrictions forbid the call: not the credential.
    Restricted,
}

impl Says {
    /// Most specific first: a generic refusal (`invalid_token`) says less than "jwt expired".
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn rank(self) -> u8 {
        match self {
            Says::Csrf => 0,
            Says::Sso => 1,
            Says::Restricted => 2,
            Says::WrongTokenType => 3,
            Says::Expired => 4,
            Says::NotYetValid => 5,
            Says::Revoked => 6,
            Says::Audience => 7,
            Says::Issuer => 8,
            Says::Signature => 9,
            Says::Malformed => 10,
            Says::Scope => 11,
            Says::Missing => 12,
            Says::Invalid => 13,
        }
    }

    /// How authlens reads it, in a few words.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn reading(self) -> &'static str {
        match self {
            Says::Expired => "the token or credential expired",
            Says::NotYetValid => "the token is not valid yet (clock skew)",
            Says::Audience => "the token was issued for another audience",
            Says::Issuer => "the token comes from another issuer or tenant",
            Says::Signature => "the token's signature does not verify",
            Says::Malformed => "the credential could not be parsed",
            Says::WrongTokenType => "another type of token was expected",
            Says::Revoked => "the token or grant was revoked",
            Says::Missing => "no credential reached the server",
            Says::Invalid => "the credential was not accepted",
            Says::Scope => "the credential lacks a permission",
            Says::Csrf => "a CSRF check failed",
            Says::Sso => "SAML/SSO enforcement",
            Says::Restricted => "an account, plan, region or key restriction",
        }
    }
}

/// Phrases (lowercase) and what they say. Order matters only for the reading shown first.
pub const PHRASES: &[(&str, Says)] = &[
    // CSRF (Django, Laravel 419, csurf, Spring)
    ("csrf", Says::Csrf),
    ("xsrf", Says::Csrf),
    ("antiforgery", Says::Csrf),
    // Better Auth's origin check (`trustedOrigins`) on its sign-in routes
    ("invalid_origin", Says::Csrf),
    // Jenkins's CSRF protection ("No valid crumb was included in the request")
    ("no valid crumb", Says::Csrf),
    ("request forgery", Says::Csrf),
    // SAML / SSO enforcement (GitHub REST 403, GraphQL saml_failure)
    ("saml enforcement", Says::Sso),
    ("saml_failure", Says::Sso),
    ("saml sso", Says::Sso),
    ("single sign-on", Says::Sso),
    ("sso enforcement", Says::Sso),
    ("sso_required", Says::Sso),
    ("saml", Says::Sso),
    ("requires sso", Says::Sso),
    ("saml_required", Says::Sso),
    ("must be sso-authorized", Says::Sso),
    ("re-authorize the token with sso", Says::Sso),
    // Restrictions that are not about the credential (OpenAI, Gemini, X, Firebase, Slack)
    ("unsupported_country", Says::Restricted),
    ("country, region, or territory not supported", Says::Restricted),
    ("user location is not supported", Says::Restricted),
    ("client-not-enrolled", Says::Restricted),
    ("user_disabled", Says::Restricted),
    ("account has been disabled", Says::Restricted),
    ("account is disabled", Says::Restricted),
    ("account_inactive", Says::Restricted),
    ("account has been deactivated", Says::Restricted),
    ("account is suspended", Says::Restricted),
    ("upgrade your plan", Says::Restricted),
    ("not available on your plan", Says::Restricted),
    ("error code: 1010", Says::Restricted),
    ("your current plan", Says::Restricted),
    ("not available in your country", Says::Restricted),
    ("not available in your region", Says::Restricted),
    ("requires a paid plan", Says::Restricted),
    // A second factor asked for (a step-up, not a refused credential): Ory Kratos, Auth0.
    ("session_aal2_required", Says::Restricted),
    ("authenticator assurance level", Says::Restricted),
    ("mfa_required", Says::Restricted),
    ("multifactor authentication required", Says::Restricted),
    ("not included in your plan", Says::Restricted),
    // Login throttling (Symfony's login_throttling answers with its 401): the password was not
    // judged. An API not enabled in the project (Google's SERVICE_DISABLED): not the token.
    ("too many failed login attempts", Says::Restricted),
    ("too many login attempts", Says::Restricted),
    ("service_disabled", Says::Restricted),
    ("has not been used in project", Says::Restricted),
    // A plan's quota used up (ElevenLabs answers it with 401): billing, not the key.
    ("quota_exceeded", Says::Restricted),
    ("exceeds your quota", Says::Restricted),
    // Cloudflare's firewall rules (error 1020) block by IP, country or client, not credential.
    ("used cloudflare to restrict access", Says::Restricted),
    ("error code: 1020", Says::Restricted),
    // Telegram Bot API: the recipient blocked or left the bot; the bot's token is fine.
    ("bot was blocked by the user", Says::Restricted),
    ("bot was kicked", Says::Restricted),
    ("user is deactivated", Says::Restricted),
    // not yet valid (jsonwebtoken, golang-jwt, php-jwt, Microsoft.IdentityModel, PostgREST, S3)
    ("jwt not active", Says::NotYetValid),
    ("not yet valid", Says::NotYetValid),
    ("not valid yet", Says::NotYetValid),
    ("immature signature", Says::NotYetValid),
    ("used before issued", Says::NotYetValid),
    // Stream's "token used before issue at (iat)"
    ("used before issue at", Says::NotYetValid),
    ("issued at future", Says::NotYetValid),
    ("issued in the future", Says::NotYetValid),
    ("iat is in the future", Says::NotYetValid),
    ("issued at is in the future", Says::NotYetValid),
    ("cannot handle token prior to", Says::NotYetValid),
    ("idx10222", Says::NotYetValid),
    ("signature not yet current", Says::NotYetValid),
    ("token_not_yet_valid", Says::NotYetValid),
    // Clerk's reasons (`x-clerk-auth-reason`) for a session token issued or valid from later
    ("iat-in-the-future", Says::NotYetValid),
    ("nbf-in-the-future", Says::NotYetValid),
    ("\"nbf\" claim check failed", Says::NotYetValid),
    ("\"iat\" claim check failed", Says::NotYetValid),
    ("before its valid time", Says::NotYetValid),
    // expired
    ("expired", Says::Expired),
    // SuperTokens: the access token expired and the frontend SDK is to refresh the session.
    ("try refresh token", Says::Expired),
    ("jwtexpired", Says::Expired),
    // jsonwebtoken's `maxAge` option: the token is older than the server allows, whatever its exp.
    ("maxage exceeded", Says::Expired),
    ("tokenexpired", Says::Expired),
    ("expiredtoken", Says::Expired),
    ("sessionexpired", Says::Expired),
    ("token is not active", Says::Expired),
    ("lifetime validation failed", Says::Expired),
    ("idx10223", Says::Expired),
    ("\"exp\" claim timestamp check failed", Says::Expired),
    ("exp claim timestamp check failed", Says::Expired),
    ("request has expired", Says::Expired),
    ("signature not valid in the specified time frame", Says::Expired),
    ("please check the 'exp' claim", Says::Expired),
    ("aadsts700082", Says::Expired),
    ("\"exp\" claim check failed", Says::Expired),
    ("aadsts7000222", Says::Expired),
    ("no longer valid", Says::Expired),
    // Google's token endpoint: most often a refresh token past its lifetime (7 days for an app
    // in testing), so read as expiry although it names both
    ("has been expired or revoked", Says::Expired),
    // revoked
    ("revoked", Says::Revoked),
    ("aadsts50173", Says::Revoked),
    // Microsoft Graph under continuous access evaluation: the user's sessions were revoked (a
    // password reset, an admin's "revoke sessions") after this token was issued.
    ("tokenissuedbeforerevocationtimestamp", Says::Revoked),
    // Meta's Graph API, code 190 subcode 458: the user removed the app.
    ("has not authorized application", Says::Revoked),
    // djangorestframework-simplejwt: a refresh token already rotated out (its blacklist app).
    ("token is blacklisted", Says::Revoked),
    ("token is blocklisted", Says::Revoked),
    ("has been invalidated", Says::Revoked),
    // Google disables a key found in public code ("Your API key was reported as leaked").
    ("reported as leaked", Says::Revoked),
    // Supabase Auth: the session behind the JWT's session_id was signed out or deleted.
    ("session_not_found", Says::Revoked),
    ("session from session_id claim in jwt does not exist", Says::Revoked),
    // Supabase Auth: the user the JWT names was deleted; the token still verifies.
    ("user from sub claim in jwt does not exist", Says::Revoked),
    // Supabase Auth with single sessions: a newer sign-in ended this session.
    ("revoked by newer login", Says::Revoked),
    ("unknown or invalid refresh token", Says::Revoked),
    // @fastify/jwt's `trusted` hook (a deny-list) refused the token.
    ("untrusted authorization token", Says::Revoked),
    // audience
    ("audience", Says::Audience),
    ("\"aud\"", Says::Audience),
    ("'aud'", Says::Audience),
    ("aud claim", Says::Audience),
    ("invalid aud", Says::Audience),
    ("idx10214", Says::Audience),
    ("idx10208", Says::Audience),
    ("jwtnotinaudience", Says::Audience),
    ("aadsts500011", Says::Audience),
    ("resource principal named", Says::Audience),
    // Twitch: the token was issued to another application than the Client-Id sent with it.
    ("client id and oauth token do not match", Says::Audience),
    // Auth0: the `audience` asked for is not an API registered in the tenant.
    ("service not enabled within domain", Says::Audience),
    // issuer / tenant
    ("issuer", Says::Issuer),
    ("\"iss\"", Says::Issuer),
    ("'iss'", Says::Issuer),
    ("iss claim", Says::Issuer),
    ("idx10205", Says::Issuer),
    ("idx10204", Says::Issuer),
    ("invalidauthenticationtokentenant", Says::Issuer),
    // Hasura's JWT errors (`Could not verify JWT: JWTNotInIssuer`)
    ("jwtnotinissuer", Says::Issuer),
    ("wrong tenant", Says::Issuer),
    ("tenant not found", Says::Issuer),
    ("invalid_tenant", Says::Issuer),
    ("aadsts90002", Says::Issuer),
    ("from the wrong issuer", Says::Issuer),
    // signature
    ("invalid signature", Says::Signature),
    ("jwt signature does not match", Says::Signature),
    // Kong's hmac-auth plugin
    ("hmac signature does not match", Says::Signature),
    ("signature mismatch", Says::Signature),
    // AWS SigV4 (API Gateway, S3): the request was signed with another secret or canonical form.
    ("signature we calculated does not match", Says::Signature),
    ("unverifiable", Says::Signature),
    ("known public key", Says::Signature),
    ("signed jwt rejected", Says::Signature),
    ("signature is invalid", Says::Signature),
    ("signature verification failed", Says::Signature),
    ("signature validation failed", Says::Signature),
    ("invalid_signature", Says::Signature),
    ("idx10501", Says::Signature),
    ("idx10503", Says::Signature),
    ("idx10511", Says::Signature),
    ("signature key was not found", Says::Signature),
    ("identity token: key not found", Says::Signature),
    ("signing key not found", Says::Signature),
    ("public key not found", Says::Signature),
    ("jwks doesn't have key", Says::Signature),
    ("no matching key", Says::Signature),
    ("unable to find a signing key", Says::Signature),
    ("couldn't verify signed token", Says::Signature),
    ("no suitable key", Says::Signature),
    ("jwt verification fails", Says::Signature),
    ("jwsinvalidsignature", Says::Signature),
    ("token signature", Says::Signature),
    // the token's `alg` is not the one the API verifies with (jsonwebtoken's "invalid algorithm",
    // jose's "\"alg\" (Algorithm) Header Parameter value not allowed")
    ("invalid algorithm", Says::Signature),
    ("algorithm not allowed", Says::Signature),
    ("header parameter value not allowed", Says::Signature),
    ("expected algs", Says::Signature),
    // malformed
    ("malformed", Says::Malformed),
    ("compacttoken parsing failed", Says::Malformed),
    ("invalid compact jws", Says::Malformed),
    ("not in the form of header.payload.signature", Says::Malformed),
    ("number of segments", Says::Malformed),
    ("authentication header format", Says::Malformed),
    ("format is authorization: bearer", Says::Malformed),
    ("credentials_bad_format", Says::Malformed),
    ("invalid format for authorization header", Says::Malformed),
    // PostGraphile
    ("not of the correct bearer scheme format", Says::Malformed),
    ("invalid_jwt_format", Says::Malformed),
    ("unable to parse", Says::Malformed),
    ("could not parse", Says::Malformed),
    ("failed to parse", Says::Malformed),
    ("invalid jwt format", Says::Malformed),
    ("not well formed", Says::Malformed),
    ("not enough segments", Says::Malformed),
    ("segment encoding", Says::Malformed),
    ("header padding", Says::Malformed),
    ("crypto padding", Says::Malformed),
    ("invalid jwt form", Says::Malformed),
    ("consists of three parts", Says::Malformed),
    ("not well-formed", Says::Malformed),
    ("idx12741", Says::Malformed),
    ("idx12709", Says::Malformed),
    ("idx14100", Says::Malformed),
    ("idx14101", Says::Malformed),
    ("error decoding", Says::Malformed),
    // wrong token type (simplejwt, Cognito, Google, GoTrue, Clerk)
    ("wrong type", Says::WrongTokenType),
    ("wrong token type", Says::WrongTokenType),
    ("invalid token type", Says::WrongTokenType),
    ("token type is not", Says::WrongTokenType),
    ("not an access token", Says::WrongTokenType),
    // Anthropic's API given a Claude subscription's OAuth token instead of an API key.
    ("oauth authentication is currently not supported", Says::WrongTokenType),
    ("access_token_type_unsupported", Says::WrongTokenType),
    // X API v2: an app-only bearer token on an endpoint that acts for a user.
    ("application-only is forbidden", Says::WrongTokenType),
    ("missing sub claim", Says::WrongTokenType),
    ("expected an id token", Says::WrongTokenType),
    ("requires an id token", Says::WrongTokenType),
    // scope / permission
    ("insufficient_scope", Says::Scope),
    ("insufficient scope", Says::Scope),
    ("scope is insufficient", Says::Scope),
    ("insufficient authentication scopes", Says::Scope),
    ("access_token_scope_insufficient", Says::Scope),
    ("missing_scope", Says::Scope),
    ("required scopes", Says::Scope),
    ("requires higher privileges", Says::Scope),
    ("missing scope", Says::Scope),
    ("requiredscopes", Says::Scope),
    ("insufficient permission", Says::Scope),
    ("insufficient privileges", Says::Scope),
    ("authorization_requestdenied", Says::Scope),
    ("e0000006", Says::Scope),
    ("do not have permission", Says::Scope),
    ("does not have permission", Says::Scope),
    ("does not have the required permission", Says::Scope),
    ("permission denied", Says::Scope),
    ("missing permission", Says::Scope),
    ("permission_denied", Says::Scope),
    ("not authorized to perform", Says::Scope),
    ("resource not accessible by integration", Says::Scope),
    ("consent_required", Says::Scope),
    ("aadsts65001", Says::Scope),
    ("missing or insufficient permissions", Says::Scope),
    ("api_key_http_referrer_blocked", Says::Scope),
    ("api_key_service_blocked", Says::Scope),
    ("referer restrictions", Says::Scope),
    ("referer <empty> are blocked", Says::Scope),
    ("ipreferer", Says::Scope),
    ("requests from referer", Says::Scope),
    // Tyk: the key has no access rights to this API; Algolia: the key's ACL lacks the operation.
    ("access to this api has been disallowed", Says::Scope),
    ("not allowed with this api key", Says::Scope),
    // ElevenLabs `missing_permissions`, GitHub's fine-grained tokens, Resend's sending-only keys,
    // Zoom's 4711 ("does not contain scopes").
    ("missing_permissions", Says::Scope),
    ("missing the permission", Says::Scope),
    ("resource not accessible by personal access token", Says::Scope),
    ("restricted_api_key", Says::Scope),
    ("api key is restricted to", Says::Scope),
    ("does not contain scopes", Says::Scope),
    // Discord's 50001: the bot is not in the guild or cannot see the channel.
    ("missing access", Says::Scope),
    // Tyk: a valid JWT whose scopes map to no policy; Apigee: a key or token whose API products
    // do not include this proxy (keymanagement.service.InvalidAPICallAsNoApiProductMatchFound).
    ("no matching policy found in scope", Says::Scope),
    ("no apiproduct match found", Says::Scope),
    // Meta's Graph API, code 200: a permission the user did not grant the app.
    ("authorized the application to perform this action", Says::Scope),
    // Figma: "Invalid scope(s): files:read. This endpoint requires the … scope".
    ("invalid scope(s)", Says::Scope),
    // GitHub: the token's user lost (or never had) the role the call needs.
    ("must have admin rights", Says::Scope),
    ("must have push access", Says::Scope),
    // Laravel Sanctum: the token lacks the ability (its scopes) the route checks.
    ("invalid ability provided", Says::Scope),
    // Hasura: `x-hasura-role` names a role the JWT's allowed roles do not list.
    ("requested role is not in allowed roles", Says::Scope),
    // A model or operation the key or principal may not use (OpenAI projects, Bedrock model
    // access, Azure OpenAI data actions; Bedrock's AccessDeniedException in x-amzn-ErrorType).
    ("does not have access to model", Says::Scope),
    ("don't have access to the model", Says::Scope),
    ("principal does not have access", Says::Scope),
    ("accessdeniedexception", Says::Scope),
    // Kubernetes RBAC names the authenticated user it refused: `pods is forbidden: User "…"`.
    ("is forbidden: user", Says::Scope),
    // Kong's ACL plugin (an identified consumer outside the allowed groups) and PocketBase's
    // superuser-only API rules.
    ("cannot consume this service", Says::Scope),
    ("only superusers can perform this action", Says::Scope),
    // missing
    ("not provided", Says::Missing),
    ("missing or malformed jwt", Says::Missing),
    ("no authorization header", Says::Missing),
    // @fastify/jwt's FST_JWT_NO_AUTHORIZATION_IN_HEADER (it reads `Bearer` only)
    ("no authorization was found", Says::Missing),
    ("missing authorization", Says::Missing),
    ("authorization header is missing", Says::Missing),
    ("authorization header was not found", Says::Missing),
    ("no authorization token was found", Says::Missing),
    ("no token provided", Says::Missing),
    // Apigee's VerifyAPIKey policy found no key where it reads it (`request.header.apikey`).
    ("failed to resolve api key variable", Says::Missing),
    // go-chi/jwtauth's ErrNoTokenFound
    ("no token found", Says::Missing),
    ("token not provided", Says::Missing),
    ("no auth token", Says::Missing),
    ("no api key", Says::Missing),
    ("did not provide an api key", Says::Missing),
    ("didn't provide an api key", Says::Missing),
    ("requires authentication", Says::Missing),
    ("requires user authentication", Says::Missing),
    ("authentication is required", Says::Missing),
    // Anthropic's "x-api-key header is required", Express apps' "Authorization header is required"
    ("key header is required", Says::Missing),
    ("authorization header is required", Says::Missing),
    ("authentication required", Says::Missing),
    ("full authentication is required", Says::Missing),
    ("not authenticated", Says::Missing),
    ("jwt is missing", Says::Missing),
    ("jwt must be provided", Says::Missing),
    ("token is missing", Says::Missing),
    ("access token is missing", Says::Missing),
    ("missing subscription key", Says::Missing),
    ("credentials not found", Says::Missing),
    ("credentials_missing", Says::Missing),
    ("you need to sign in", Says::Missing),
    ("login required", Says::Missing),
    ("no credentials", Says::Missing),
    // OpenRouter: {"error":{"message":"No auth credentials found","code":401}}
    ("no auth credentials", Says::Missing),
    ("no authentication credentials", Says::Missing),
    ("missing credentials", Says::Missing),
    ("missing api key", Says::Missing),
    ("api key is missing", Says::Missing),
    ("not_authed", Says::Missing),
    // invalid (the generic refusal)
    ("invalid api key", Says::Invalid),
    // HERE: "apiKey invalid. apiKey not found."
    ("apikey invalid", Says::Invalid),
    ("api key invalid", Says::Invalid),
    // App Store Connect's NOT_AUTHORIZED title
    ("credentials are missing or invalid", Says::Invalid),
    // Vercel's 403 for a token it does not know: {"error":{"code":"forbidden","invalidToken":true}}.
    ("invalidtoken", Says::Invalid),
    ("invalid_api_key", Says::Invalid),
    ("incorrect api key", Says::Invalid),
    ("invalid x-api-key", Says::Invalid),
    ("api key not valid", Says::Invalid),
    ("api key provided is invalid", Says::Invalid),
    ("invalid token", Says::Invalid),
    ("invalid_token", Says::Invalid),
    ("invalid oauth token", Says::Invalid),
    ("invalid access token", Says::Invalid),
    ("access token is invalid", Says::Invalid),
    ("token is invalid", Says::Invalid),
    ("invalid bearer token", Says::Invalid),
    ("invalid credentials", Says::Invalid),
    ("invalid authentication credentials", Says::Invalid),
    ("bad credentials", Says::Invalid),
    ("authentication failed", Says::Invalid),
    ("authenticationfailed", Says::Invalid),
    ("invalid_client", Says::Invalid),
    ("invalid client", Says::Invalid),
    ("client authentication failed", Says::Invalid),
    ("invalid subscription key", Says::Invalid),
    ("invalid_grant", Says::Invalid),
    ("invalid_auth", Says::Invalid),
    ("could not validate credentials", Says::Invalid),
    ("e0000011", Says::Invalid),
    ("wrong email or password", Says::Invalid),
    ("invalid username or password", Says::Invalid),
    ("token_not_valid", Says::Invalid),
    ("token verification failed", Says::Invalid),
    ("aadsts7000215", Says::Invalid),
    ("aadsts700016", Says::Invalid),
    ("notauthorizedexception", Says::Invalid),
    // gateways (Tyk "Key not authorised", Apigee faultstring "Invalid ApiKey")
    ("key not authorised", Says::Invalid),
    ("key not authorized", Says::Invalid),
    ("invalid apikey", Says::Invalid),
    ("couldn't authenticate", Says::Invalid),
    ("could not authenticate", Says::Invalid),
    ("unauthenticated", Says::Invalid),
];

/// Keys of a JSON body whose string values are the server's message.
const MESSAGE_KEYS: &[&str] = &[
    "error", "error_description", "errordescription", "error_code", "errorcode", "errortype", "error_type", "error_message", "errormessage",
    "error_messages", "code", "reason", "message", "msg", "type", "detail", "title", "status", "status_message", "name", "description", "hint",
    "__type", "saml_failure", "errorsummary", "error_summary", ".tag", "long_message", "errordetail", "error_detail", "faultstring", "reasonphrase",
    // Figma's `{"status":403,"err":"…"}`
    "err",
];
/// Keys of a JSON body whose `true` is the server's message (the key is quoted as the text).
const FLAG_KEYS: &[&str] = &["saml_failure", "invalidtoken"];
/// Keys under which the messages sit (walked into).
const CONTAINERS: &[&str] = &["error", "errors", "details", "extensions", "data", "meta", "cause", "error_messages", "context", "response"];

/// One thing the server said.
#[derive(Debug, Clone)]
pub struct Message {
    /// Where: `WWW-Authenticate error_description`, `$.error.message`, `body`.
    pub field: String,
    /// The text as the server wrote it (not redacted: quote it through [`crate::redact`]).
    pub text: String,
}

/// What a response said, read once.
#[derive(Debug, Clone, Default)]
pub struct ServerSaid {
    /// The messages found, most telling first (challenge, then JSON fields, then text).
    pub messages: Vec<Message>,
    /// What they say, each with the index of the message that says it.
    pub says: Vec<(Says, usize)>,
}

impl ServerSaid {
    /// The message that says `k`, quoted for a report: credentials the request carried and any
    /// key- or JWT-shaped word redacted, then clipped and escaped.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn quote(&self, ex: &Exchange, k: Says, max_chars: usize) -> String {
        self.message(k).map(|m| crate::redact::escape(&crate::redact::clip(&ex.quote(crate::exchange::truncate(&m.text, 4096)), max_chars))).unwrap_or_default()
    }

    /// True when some message says `k`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn has(&self, k: Says) -> bool {
        self.says.iter().any(|(s, _)| *s == k)
    }

    /// The message that says `k`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn message(&self, k: Says) -> Option<&Message> {
        self.says.iter().find(|(s, _)| *s == k).and_then(|(_, i)| self.messages.get(*i))
    }

    /// True when nothing was found.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn is_empty(&self) -> bool {
        self.messages.is_empty()
    }
}

/// Read what the response says.
pub fn read(ex: &Exchange) -> ServerSaid {
    let mut messages: Vec<Message> = Vec::new();
    for ch in ex.challenges.iter().take(8) {
        for p in ["error", "error_description"] {
            if let Some(v) = ch.param(p).filter(|v| !v.trim().is_empty()) {
                messages.push(Message { field: format!("WWW-Authenticate {p}"), text: v.to_string() });
            }
        }
    }
    // Some gateways (API Gateway JWT authorizers) put the reason in the challenge without
    // `error=`: `Bearer scope="" error="invalid_token" error_description="…"` is parsed above;
    // an unparsed remainder still speaks.
    for h in ex.resp_headers.iter().filter(|h| h.name.eq_ignore_ascii_case("www-authenticate")).take(4) {
        if !ex.challenges.iter().any(|c| c.param("error_description").is_some()) && h.value.to_ascii_lowercase().contains("error") {
            messages.push(Message { field: "WWW-Authenticate".into(), text: crate::exchange::truncate(&h.value, 512).to_string() });
        }
    }
    // Clerk's middleware says why it signed a request out in `x-clerk-auth-reason` and
    // `x-clerk-auth-message` (`session-token-iat-in-the-future`), the body only "Unauthorized".
    for name in ["x-amzn-errortype", "x-ms-error-code", "x-error-code", "x-auth-error", "grpc-message", "x-ms-diagnostics", "x-clerk-auth-reason", "x-clerk-auth-message"] {
        if let Some(v) = ex.resp_header(name).filter(|v| !v.trim().is_empty()) {
            messages.push(Message { field: format!("header {name}"), text: crate::exchange::truncate(v, 512).to_string() });
        }
    }
    let body = crate::exchange::truncate(ex.resp_body.trim(), 16 * 1024);
    if !body.is_empty() {
        match serde_json::from_str::<Value>(body) {
            Ok(v) if v.is_object() || v.is_array() => walk(&v, "$", 0, &mut messages),
            Ok(Value::String(s)) => messages.push(Message { field: "body".into(), text: crate::exchange::truncate(&s, 1024).to_string() }),
            _ => {
                let text = if body.starts_with('<') || ex.resp_mime.contains("html") || ex.resp_mime.contains("xml") { strip_tags(body) } else { body.to_string() };
                let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
                if !text.is_empty() {
                    messages.push(Message { field: "body".into(), text: crate::exchange::truncate(&text, 1024).to_string() });
                }
            }
        }
    }
    messages.truncate(32);
    let mut says = Vec::new();
    let automaton = phrases();
    for (i, m) in messages.iter().enumerate() {
        let lower = m.text.to_ascii_lowercase();
        // "invalid, expired, or revoked", "Invalid or expired token", "missing or invalid
        // credentials": a list of possibilities is the generic refusal, not a diagnosis.
        let listing = lists_alternatives(&lower);
        // Which phrases occur at all, in one pass of the automaton; `found` then checks only
        // those (a substring search per phrase, 240 of them per message, was 7 % of an
        // exchange's analysis inside wasm).
        let mut present = vec![automaton.is_none(); PHRASES.len()];
        if let Some(dfa) = automaton {
            for (pid, _) in crate::dfa::occurrences(dfa, lower.as_bytes(), usize::MAX) {
                if let Some(p) = present.get_mut(pid as usize) {
                    *p = true;
                }
            }
        }
        for ((phrase, k), _) in PHRASES.iter().zip(&present).filter(|(_, p)| **p) {
            // (a phrase that is itself such a list, "unknown or invalid refresh token", keeps its reading)
            let k = if listing && !phrase.contains(" or ") && matches!(k, Says::Expired | Says::Revoked | Says::Malformed | Says::Missing) { &Says::Invalid } else { k };
            if !says.iter().any(|(s, _)| s == k) && found(&lower, phrase) {
                says.push((*k, i));
            }
        }
    }
    says.sort_by_key(|(k, i)| (k.rank(), *i));
    ServerSaid { messages, says }
}

/// [`PHRASES`] in one automaton (pattern `i` is `PHRASES[i]`), built on first use; `None` only if
/// the builder refuses them, and then every phrase is searched on its own.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn phrases() -> Option<&'static aho_corasick::dfa::DFA> {
    static DFA: std::sync::OnceLock<Option<aho_corasick::dfa::DFA>> = std::sync::OnceLock::new();
    DFA.get_or_init(|| {
        // A slice of `&str`, the type `exchange::phrase_automaton` builds from: one copy of the
        // (generic) builder in the wasm module, not two.
        let words: Vec<&str> = PHRASES.iter().map(|(p, _)| *p).collect();
        aho_corasick::dfa::Builder::new().match_kind(aho_corasick::MatchKind::Standard).prefilter(false).build(words.as_slice()).ok()
    })
    .as_ref()
}

/// True when a message names two or more failure kinds joined by "or" ("invalid or expired",
/// "expired, revoked, malformed or invalid"): servers that will not say which one list them all.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn lists_alternatives(lower: &str) -> bool {
    const KINDS: &[&str] = &["invalid", "expired", "revoked", "malformed", "missing", "incorrect", "unknown"];
    // "…or your API key may be expired" (Mailjet): a guess, not a finding.
    if ["may be expired", "may have expired", "might be expired", "might have expired"].iter().any(|h| lower.contains(h)) {
        return true;
    }
    let words: Vec<&str> = lower.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).filter(|w| !w.is_empty()).collect();
    let kind = |w: &&str| KINDS.contains(w);
    // "X or Y" with a kind on each side, near the "or" …
    let or_joined = words.iter().enumerate().filter(|(_, w)| **w == "or").any(|(j, _)| {
        words[j.saturating_sub(3)..j].iter().any(kind) && words[j + 1..(j + 4).min(words.len())].iter().any(kind)
    });
    // … or a comma list of three kinds ("invalid, expired, revoked, does not match …")
    or_joined || words.windows(4).any(|w| w.iter().filter(|x| kind(x)).count() >= 3)
}

/// `phrase` occurs in `lower` as words (not inside a longer word or a base64 run, a plural `s`
/// allowed after it) and not negated ("not expired").
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn found(lower: &str, phrase: &str) -> bool {
    let b = lower.as_bytes();
    let word = |c: u8| c.is_ascii_alphanumeric();
    lower.match_indices(phrase).any(|(i, _)| {
        let end = i + phrase.len();
        let starts = phrase.as_bytes().first().is_none_or(|f| !word(*f)) || i == 0 || !word(b[i - 1]);
        let ends = phrase.as_bytes().last().is_none_or(|l| !word(*l)) || end >= b.len() || !word(b[end]) || (b[end] == b's' && (end + 1 >= b.len() || !word(b[end + 1])));
        let before = lower[..i].trim_end();
        let negated = before.ends_with(" not") || before.ends_with("non") || before.ends_with("non-");
        starts && ends && !negated
    })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn walk(v: &Value, path: &str, depth: usize, out: &mut Vec<Message>) {
    if depth > 6 || out.len() >= 32 {
        return;
    }
    match v {
        Value::Object(o) => {
            for (k, val) in o.iter().take(64) {
                let key = k.to_ascii_lowercase();
                let p = if path.len() < 96 { crate::parse::json_path::member(path, k) } else { path.to_string() };
                match val {
                    Value::String(s) if MESSAGE_KEYS.contains(&key.as_str()) && !s.trim().is_empty() => {
                        out.push(Message { field: p, text: crate::exchange::truncate(s, 1024).to_string() });
                    }
                    // Flags that are the message: GitHub's `"saml_failure": true`, Vercel's `"invalidToken": true`.
                    Value::Bool(true) if FLAG_KEYS.contains(&key.as_str()) => out.push(Message { field: p, text: k.clone() }),
                    // The JWT claim a validator refused, named apart from the message (jose's
                    // JWTClaimValidationFailed as Logto relays it: `"claim":"aud"`).
                    Value::String(s) if key == "claim" && ["aud", "iss", "exp", "nbf", "iat"].contains(&s.as_str()) => {
                        out.push(Message { field: p, text: format!("\"{s}\" claim check failed") })
                    }
                    Value::Object(_) | Value::Array(_) if MESSAGE_KEYS.contains(&key.as_str()) || CONTAINERS.contains(&key.as_str()) || key.contains("error") || depth <= 3 => {
                        walk(val, &p, depth + 1, out)
                    }
                    _ => {}
                }
            }
        }
        Value::Array(a) => {
            for (i, val) in a.iter().take(16).enumerate() {
                match val {
                    Value::String(s) if !s.trim().is_empty() => out.push(Message { field: crate::parse::json_path::index(path, i), text: crate::exchange::truncate(s, 1024).to_string() }),
                    _ => walk(val, &crate::parse::json_path::index(path, i), depth + 1, out),
                }
            }
        }
        _ => {}
    }
}

/// The text of an HTML or XML body: tags dropped, scripts and styles skipped.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn strip_tags(s: &str) -> String {
    let mut out = String::with_capacity(s.len().min(4096));
    let mut in_tag = false;
    let mut skip = false;
    let lower = s.to_ascii_lowercase();
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < bytes.len() && out.len() < 4096 {
        let c = bytes[i];
        if c == b'<' {
            in_tag = true;
            let rest = &lower[i..];
            if rest.starts_with("<script") || rest.starts_with("<style") {
                skip = true;
            } else if rest.starts_with("</script") || rest.starts_with("</style") {
                skip = false;
            }
        } else if c == b'>' && in_tag {
            in_tag = false;
            out.push(' ');
        } else if !in_tag && !skip {
            // push whole UTF-8 characters
            let ch_len = s[i..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&s[i..i + ch_len]);
            i += ch_len;
            continue;
        }
        i += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::causes::test_util::with_status;

    fn says(body: &str) -> Vec<Says> {
        read(&with_status("https://api.example.test/x", &[], 401, body)).says.iter().map(|(s, _)| *s).collect()
    }

    #[test]
    fn sessions_step_ups_and_tokens_not_found() {
        // Supabase Auth (supabase-js's GoTrueClient fixtures), Ory Kratos, go-chi/jwtauth
        assert!(says(r#"{"code":403,"error_code":"session_not_found","msg":"Session from session_id claim in JWT does not exist"}"#).contains(&Says::Revoked));
        assert!(says(r#"{"error":{"id":"session_aal2_required","code":403,"reason":"An active session was found but it does not fulfill the Authenticator Assurance Level."}}"#).contains(&Says::Restricted));
        assert!(says("no token found").contains(&Says::Missing));
    }

    #[test]
    fn json_at_any_depth() {
        let s = says(r#"{"error":{"code":401,"message":"Request had invalid authentication credentials.","status":"UNAUTHENTICATED","details":[{"@type":"type.googleapis.com/google.rpc.ErrorInfo","reason":"ACCESS_TOKEN_EXPIRED"}]}}"#);
        assert!(s.contains(&Says::Expired), "{s:?}");
        let s = says(r#"{"errors":[{"message":"Context creation failed: not authenticated","extensions":{"code":"UNAUTHENTICATED"}}],"data":null}"#);
        assert!(s.contains(&Says::Missing), "{s:?}");
    }

    #[test]
    fn challenge_and_text() {
        let mut ex = with_status("https://api.example.test/x", &[], 401, "Jwt issuer is not configured");
        ex.challenges = crate::parse::www_authenticate::parse(r#"Bearer error="invalid_token", error_description="The signature key was not found""#);
        let r = read(&ex);
        assert!(r.has(Says::Signature) && r.has(Says::Issuer) && r.has(Says::Invalid), "{:?}", r.says);
        assert_eq!(r.message(Says::Signature).map(|m| m.field.as_str()), Some("WWW-Authenticate error_description"));
    }

    #[test]
    fn html_and_negation() {
        assert!(says("<html><head><title>403 Forbidden</title></head><body><h1>CSRF verification failed. Request aborted.</h1></body></html>").contains(&Says::Csrf));
        assert!(!says(r#"{"message":"token not expired but unknown"}"#).contains(&Says::Expired));
        assert!(says(r#"{"message":"jwt not active"}"#).contains(&Says::NotYetValid));
        assert!(says("").is_empty());
    }

    #[test]
    fn a_list_of_possibilities_is_the_generic_refusal() {
        for body in [
            r#"{"errors":[{"code":89,"message":"Invalid or expired token."}]}"#,
            r#"{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}"#,
            r#"{"error":"invalid_token","error_description":"The access token provided is expired, revoked, malformed or invalid for other reasons."}"#,
        ] {
            let s = says(body);
            assert!(s.contains(&Says::Invalid) && !s.contains(&Says::Expired) && !s.contains(&Says::Revoked), "{body}: {s:?}");
        }
        // one kind named is a diagnosis
        assert!(says(r#"{"message":"Token expired or not"}"#).contains(&Says::Expired));
        assert!(says("AADSTS50173: The provided grant has expired due to it being revoked, a fresh auth token is needed. The user might have changed or reset their password.").contains(&Says::Revoked));
        assert!(says(r#"{"errors":[{"message":"Token expired.","extensions":{"code":"TOKEN_EXPIRED"}}]}"#).contains(&Says::Expired));
    }
}
