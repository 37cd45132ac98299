//! JSON Web Tokens (RFC 7519), decoded without verifying the signature.
//!
//! Only the claims that explain a 401 are kept: times, audience, issuer, scope and role. The
//! signature and any other claim are never stored.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde_json::Value;

use crate::limits;

/// The claims authlens reads from a JWT.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Jwt {
    /// `alg` from the header.
    pub alg: Option<String>,
    /// `typ` from the header.
    pub typ: Option<String>,
    /// `exp` in seconds since the epoch (converted when the token used milliseconds).
    pub exp: Option<f64>,
    /// `nbf` in seconds.
    pub nbf: Option<f64>,
    /// `iat` in seconds.
    pub iat: Option<f64>,
    /// True when a time claim was in milliseconds (a 13-digit number), a common bug.
    pub millis: bool,
    /// `aud`, one or several.
    pub aud: Vec<String>,
    /// `iss`.
    pub iss: Option<String>,
    /// `scope` or `scp`, split on spaces.
    pub scopes: Vec<String>,
    /// `role` (Supabase: `anon`, `service_role`).
    pub role: Option<String>,
    /// `azp` (authorized party).
    pub azp: Option<String>,
    /// True when the token has ID-token markers (`nonce`, `at_hash`).
    pub looks_like_id_token: bool,
    /// `ref` (Supabase project ref).
    pub project_ref: Option<String>,
}

/// True when `s` has the shape of a compact JWS (three base64url segments, JSON header).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn looks_like_jwt(s: &str) -> bool {
    decode(s).is_some()
}

/// One base64url segment of a JWT or JWE (header or payload) as JSON. Read as text (JSON is UTF-8)
/// so the module carries one copy of serde_json's parser, the one for `&str`.
pub(crate) fn segment(seg: &str) -> Option<Value> {
    let bytes = URL_SAFE_NO_PAD.decode(seg.trim_end_matches('=')).ok()?;
    serde_json::from_str(std::str::from_utf8(&bytes).ok()?).ok()
}

/// True when the second segment of `token`, base64url-decoded, contains `word`: a cheap test
/// before [`decode`] when only a claim's value matters.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn payload_mentions(token: &str, word: &str) -> bool {
    let Some(payload) = token.trim().split('.').nth(1) else { return false };
    if payload.len() > limits::MAX_JWT_BYTES {
        return false;
    }
    URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .is_ok_and(|bytes| memchr::memmem::find(&bytes, word.as_bytes()).is_some())
}

/// Decode a compact JWS. Returns `None` for anything that is not a JWT with a JSON object payload.
pub fn decode(token: &str) -> Option<Jwt> {
    let token = token.trim();
    if token.len() > limits::MAX_JWT_BYTES || !token.starts_with("eyJ") {
        return None;
    }
    let mut parts = token.split('.');
    let (h, p, _sig) = (parts.next()?, parts.next()?, parts.next()?);
    if parts.next().is_some() {
        return None;
    }
    let (header, payload) = (segment(h)?, segment(p)?);
    let (header, payload) = (header.as_object()?, payload.as_object()?);
    let s = |v: Option<&Value>| v.and_then(Value::as_str).map(str::to_string);
    let mut jwt = Jwt {
        alg: s(header.get("alg")),
        typ: s(header.get("typ")),
        iss: s(payload.get("iss")),
        role: s(payload.get("role")),
        azp: s(payload.get("azp")),
        project_ref: s(payload.get("ref")),
        looks_like_id_token: payload.contains_key("nonce") || payload.contains_key("at_hash"),
        ..Jwt::default()
    };
    let mut time = |k: &str| -> Option<f64> {
        let v = payload.get(k)?;
        let n = v.as_f64().or_else(|| v.as_str().and_then(super::number))?;
        if !n.is_finite() {
            return None;
        }
        if n > 1e11 {
            jwt.millis = true;
            Some(n / 1000.0)
        } else {
            Some(n)
        }
    };
    let (exp, nbf, iat) = (time("exp"), time("nbf"), time("iat"));
    jwt.exp = exp;
    jwt.nbf = nbf;
    jwt.iat = iat;
    jwt.aud = match payload.get("aud") {
        Some(Value::String(a)) => vec![a.clone()],
        Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).take(16).collect(),
        _ => Vec::new(),
    };
    jwt.scopes = match payload.get("scope").or_else(|| payload.get("scp")) {
        Some(Value::String(sc)) => sc.split_whitespace().take(64).map(str::to_string).collect(),
        Some(Value::Array(a)) => a.iter().filter_map(|x| x.as_str().map(str::to_string)).take(64).collect(),
        _ => Vec::new(),
    };
    Some(jwt)
}

#[cfg(test)]
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn make(header: &str, payload: &str) -> String {
    format!("{}.{}.c2lnbmF0dXJl", URL_SAFE_NO_PAD.encode(header), URL_SAFE_NO_PAD.encode(payload))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_claims() {
        let t = make(r#"{"alg":"RS256","typ":"JWT"}"#, r#"{"exp":1760423280,"iat":1760419680,"aud":["a","b"],"iss":"https://x/","scope":"read write"}"#);
        let j = decode(&t).unwrap();
        assert_eq!(j.alg.as_deref(), Some("RS256"));
        assert_eq!(j.exp, Some(1760423280.0));
        assert_eq!(j.aud, vec!["a", "b"]);
        assert_eq!(j.scopes, vec!["read", "write"]);
        assert!(!j.millis);
    }

    #[test]
    fn millis_are_converted() {
        let j = decode(&make(r#"{"alg":"HS256"}"#, r#"{"exp":1484425965097}"#)).unwrap();
        assert!(j.millis);
        assert_eq!(j.exp, Some(1484425965.097));
    }

    #[test]
    fn rejects_non_jwt() {
        assert!(decode("eyJ.notjwt").is_none());
        assert!(decode("abc.def.ghi").is_none());
        assert!(decode(&make(r#"{"alg":"HS256"}"#, "[1]")).is_none());
    }
}
