//! The report: what the CLI prints as JSON, what the extension's panel shows. A documented
//! contract (see `docs/report.md`); fields are only ever added.
//!
//! Nothing in here can hold a raw secret: credentials appear only as [`Redacted`] values, and
//! evidence lines are [`crate::redact::Evidence`], which only redaction can build.

use serde::Serialize;

use crate::providers::{Env, KeyKind};
use crate::redact::Redacted;

/// The analysis of a whole HAR.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// Always `authlens`.
    pub tool: &'static str,
    /// authlens version.
    pub version: &'static str,
    /// One element per HAR entry, in order.
    pub entries: Vec<EntryReport>,
    /// Counts over all entries.
    pub summary: Summary,
    /// What could not be read: entries skipped and fields left out, with their HAR paths (absent
    /// when everything was read).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Counts over a report.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Summary {
    /// Entries analysed.
    pub entries: usize,
    /// Entries that failed on authentication (`entry.auth_failure`), with or without a cause.
    pub auth_failures: usize,
    /// Of those, the entries for which no specific cause was recognised.
    pub unexplained: usize,
    /// Findings of any severity.
    pub findings: usize,
    /// `secret_key_exposed` findings: distinct server-side secrets the page sent, loaded or shipped.
    pub exposed_secrets: usize,
    /// `credential_in_url` findings (medium): credentials carried in URLs, each distinct value once.
    pub credentials_in_url: usize,
    /// Findings by severity.
    pub critical: usize,
    /// High-severity findings.
    pub high: usize,
}

/// The analysis of one exchange.
#[derive(Debug, Clone, Serialize)]
pub struct EntryReport {
    /// Position in `log.entries` (or in the live session).
    pub index: usize,
    /// When the request started (`startedDateTime` as recorded), or null.
    pub started: Option<String>,
    /// HTTP method.
    pub method: String,
    /// URL with any credential in it redacted.
    pub url: String,
    /// HTTP status as recorded (0: no response).
    pub status: i64,
    /// Host and path with ids collapsed (`api.midtrans.com/v2/{id}/status`), for per-endpoint rates.
    pub endpoint: String,
    /// Provider of the destination host (`midtrans`), or null.
    pub provider: Option<&'static str>,
    /// Environment of the destination host, or null.
    pub environment: Option<Env>,
    /// True when the exchange failed on authentication: every 401, every 403 about credentials or
    /// permissions, and auth errors carried by other statuses (a GraphQL 200 with
    /// `UNAUTHENTICATED`, Laravel's 419 CSRF mismatch, an OAuth token endpoint's 400
    /// `invalid_grant`), whether or not a cause was recognised.
    pub auth_failure: bool,
    /// Likely causes of an authentication failure, most likely first. Empty when the exchange did
    /// not fail on authentication, or when no specific cause was recognised (see `unexplained`).
    pub causes: Vec<CauseReport>,
    /// For an authentication failure without a recognised cause: what authlens read, what it
    /// checked, and a checklist specialised to the request.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unexplained: Option<Unexplained>,
    /// Security findings (exposed secrets), whatever the status.
    pub findings: Vec<Finding>,
    /// The credentials the request carried, redacted and classified.
    pub credentials: Vec<CredentialReport>,
    /// What the server said, when it is recognised or short enough to quote (redacted, clipped).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub server_said: Option<String>,
    /// Limits hit while analysing (a body too large to scan, …).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// An authentication failure no specific cause explains.
#[derive(Debug, Clone, Serialize)]
pub struct Unexplained {
    /// One plain sentence: no specific cause was recognised (or why this is not a client bug).
    pub summary: String,
    /// What authlens checked, redacted.
    pub checked: Vec<String>,
    /// General steps, specialised to what the request carried.
    pub checklist: Vec<String>,
}

/// One likely cause.
#[derive(Debug, Clone, Serialize)]
pub struct CauseReport {
    /// Stable snake_case id (`expired_token`); `authlens explain ID` documents it.
    pub id: &'static str,
    /// 0.0 to 1.0: how strongly the evidence points here.
    pub confidence: f64,
    /// One line for people.
    pub title: &'static str,
    /// What was seen, redacted.
    pub evidence: Vec<crate::redact::Evidence>,
    /// Steps that fix it, specialised to what was seen.
    pub fix: Vec<String>,
    /// Indices of the earlier entries the evidence cites (`entry #3`), so a viewer can link them.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub entries: Vec<usize>,
}

/// How bad a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Informational.
    Low,
    /// Worth fixing.
    Medium,
    /// A sandbox or test secret exposed.
    High,
    /// A live or production secret exposed.
    Critical,
}

impl Severity {
    /// Lowercase name.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Low => "low",
            Severity::Medium => "medium",
            Severity::High => "high",
            Severity::Critical => "critical",
        }
    }

    /// Parse a lowercase name.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn parse(s: &str) -> Option<Severity> {
        match s.to_ascii_lowercase().as_str() {
            "low" => Some(Severity::Low),
            "medium" => Some(Severity::Medium),
            "high" => Some(Severity::High),
            "critical" => Some(Severity::Critical),
            _ => None,
        }
    }
}

/// A security finding.
#[derive(Debug, Clone, Serialize)]
pub struct Finding {
    /// Stable id (`secret_key_exposed`).
    pub id: &'static str,
    /// Severity.
    pub severity: Severity,
    /// Provider that issued the credential, or null.
    pub provider: Option<&'static str>,
    /// Where it was seen, e.g. `request.header.Authorization (Basic user)`.
    pub location: String,
    /// The value, redacted.
    pub redacted: Redacted,
    /// What it is, e.g. "Midtrans sandbox server key".
    pub title: String,
    /// Id of the secret rule that matched (`midtrans_server_key_sandbox`).
    pub rule: &'static str,
    /// For `secret_key_exposed`: 12 hex digits of a keyed hash of the secret, the same for the same
    /// secret wherever it is seen, so that a list can count distinct secrets. It cannot be turned
    /// back into the secret (48 bits of a hash of a high-entropy value).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fingerprint: Option<String>,
}

/// A fingerprint of a secret for [`Finding::fingerprint`].
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn fingerprint(secret: &str) -> String {
    use std::hash::{Hash, Hasher};
    // SipHash with fixed keys (std's DefaultHasher::new()): stable across runs and machines.
    let mut h = std::collections::hash_map::DefaultHasher::new();
    "authlens-finding".hash(&mut h);
    secret.trim().hash(&mut h);
    format!("{:012x}", h.finish() >> 16)
}

/// A credential the request carried.
#[derive(Debug, Clone, Serialize)]
pub struct CredentialReport {
    /// Where: `request.header.Authorization`, `request.query.access_token`, …
    pub location: String,
    /// Scheme of the Authorization header, if that is where it was.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub scheme: Option<String>,
    /// Redacted value.
    pub redacted: Redacted,
    /// `secret`, `publishable` or `token`, when recognised.
    pub kind: Option<KeyKind>,
    /// Issuer, when recognised.
    pub provider: Option<&'static str>,
    /// Environment the format stands for, when recognised.
    pub environment: Option<Env>,
    /// Human description ("Midtrans sandbox server key", "JWT access token").
    pub description: String,
    /// Decoded JWT claims that matter, when the credential is a JWT.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub jwt: Option<JwtReport>,
}

/// JWT claims, as shown to people.
#[derive(Debug, Clone, Serialize)]
pub struct JwtReport {
    /// Signing algorithm.
    pub alg: Option<String>,
    /// Expiry, RFC 3339 UTC.
    pub exp: Option<String>,
    /// Issued at, RFC 3339 UTC.
    pub iat: Option<String>,
    /// Not before, RFC 3339 UTC.
    pub nbf: Option<String>,
    /// Audience(s).
    pub aud: Vec<String>,
    /// Issuer.
    pub iss: Option<String>,
    /// Scopes.
    pub scopes: Vec<String>,
    /// Role claim.
    pub role: Option<String>,
}
