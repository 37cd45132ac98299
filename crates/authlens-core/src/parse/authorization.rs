//! The `Authorization` header: scheme, credential, and the ways clients damage it.

/// A parsed `Authorization` value. Owns copies so the exchange can outlive the HAR text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Authorization {
    /// The scheme as sent (`Bearer`, `basic`, …), `None` when the value has no scheme.
    pub scheme: Option<String>,
    /// The credential after the scheme, exactly as sent (not trimmed).
    pub credential: String,
    /// Damage seen while parsing.
    pub defects: Vec<Defect>,
}

/// A structural problem in the header value.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Defect {
    /// `Bearer Bearer x`.
    DoubledScheme(String),
    /// The value has no scheme: a bare key or token.
    NoScheme,
    /// `Bearereyj…`: the scheme runs into the token.
    NoSpaceAfterScheme(String),
    /// Scheme with nothing after it.
    EmptyCredential,
    /// The token is wrapped in quotes (a JSON-stringified token from storage).
    Quoted,
    /// Several credentials joined by commas.
    MultipleCredentials,
    /// Whitespace at either end of the whole header value or the credential.
    SurroundingWhitespace,
    /// Whitespace or a control character inside the credential, or an encoded newline.
    InnerWhitespace,
}

/// Schemes we know by name; used to spot doubled schemes and missing spaces.
pub const KNOWN_SCHEMES: &[&str] = &["Bearer", "Basic", "Token", "Digest", "SSWS", "Key", "ApiKey", "AWS4-HMAC-SHA256", "Negotiate", "DPoP", "OAuth", "JWT"];

/// Parse an `Authorization` header value.
pub fn parse(value: &str) -> Authorization {
    let mut defects = Vec::new();
    if value != value.trim() {
        defects.push(Defect::SurroundingWhitespace);
    }
    let v = value.trim_start();
    let (scheme, rest) = match v.find([' ', '\t']) {
        Some(i) => (Some(&v[..i]), &v[i..]),
        None => (None, v),
    };
    let mut scheme = scheme.map(str::to_string);
    let mut credential = rest.trim_start_matches([' ', '\t']).to_string();
    if let Some(s) = &scheme {
        if !is_token(s) || !KNOWN_SCHEMES.iter().any(|k| k.eq_ignore_ascii_case(s)) && looks_like_credential(s) {
            // `sk_live_… extra` – a first word that is no scheme.
            credential = v.to_string();
            scheme = None;
        }
    }
    if scheme.is_none() {
        // `Bearereyj…`: scheme glued to the token.
        if let Some(k) = KNOWN_SCHEMES.iter().find(|k| {
            v.len() > k.len() + 8 && v.get(..k.len()).is_some_and(|p| p.eq_ignore_ascii_case(k))
        }) {
            defects.push(Defect::NoSpaceAfterScheme((*k).to_string()));
        } else if KNOWN_SCHEMES.iter().any(|k| k.eq_ignore_ascii_case(v.trim())) {
            scheme = Some(v.trim().to_string());
            credential = String::new();
        } else if !v.trim().is_empty() {
            defects.push(Defect::NoScheme);
        }
    }
    let cred_trim = credential.trim();
    if scheme.is_some() && cred_trim.is_empty() {
        defects.push(Defect::EmptyCredential);
    }
    if let Some(s) = &scheme {
        let first = first_word(cred_trim);
        if first.eq_ignore_ascii_case(s) || (KNOWN_SCHEMES.iter().any(|k| k.eq_ignore_ascii_case(first)) && cred_trim.len() > first.len()) {
            defects.push(Defect::DoubledScheme(first.to_string()));
        }
    }
    let inner = strip_doubled(&scheme, cred_trim);
    if inner.len() >= 2 && ((inner.starts_with('"') && inner.ends_with('"')) || (inner.starts_with('\'') && inner.ends_with('\''))) {
        defects.push(Defect::Quoted);
    }
    if inner.contains(',') && inner.split(',').filter(|p| !p.trim().is_empty()).count() > 1 && !inner.contains('=') {
        defects.push(Defect::MultipleCredentials);
    }
    if has_whitespace_or_control(inner)
        || contains_encoded_newline(inner)
    {
        defects.push(Defect::InnerWhitespace);
    }
    if !defects.contains(&Defect::SurroundingWhitespace) && credential != credential.trim() && !credential.trim().is_empty() {
        defects.push(Defect::SurroundingWhitespace);
    }
    Authorization { scheme, credential, defects }
}

/// The text up to the first space or tab. A byte search: credentials are long tokens (JWTs of
/// a few kB), and a `split([' ', '\t'])` walks them char by char, which showed in the per-entry
/// cost inside wasm.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn first_word(s: &str) -> &str {
    memchr::memchr2(b' ', b'\t', s.as_bytes()).map_or(s, |i| &s[..i])
}

/// True when `s` holds whitespace or a control character (a byte test for ASCII text).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn has_whitespace_or_control(s: &str) -> bool {
    if s.is_ascii() {
        s.bytes().any(|b| b.is_ascii_whitespace() || b.is_ascii_control())
    } else {
        s.chars().any(|c| c.is_whitespace() || c.is_control())
    }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn strip_doubled<'a>(scheme: &Option<String>, cred: &'a str) -> &'a str {
    if let Some(s) = scheme {
        let first = first_word(cred);
        if first.eq_ignore_ascii_case(s) {
            return cred[first.len()..].trim();
        }
    }
    cred
}

/// `%0A`/`%0D` inside a token: a newline that went through URL encoding.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn contains_encoded_newline(s: &str) -> bool {
    let b = s.as_bytes();
    memchr::memchr_iter(b'%', b).any(|i| b.get(i + 1) == Some(&b'0') && matches!(b.get(i + 2), Some(b'a' | b'A' | b'd' | b'D')))
}

impl Authorization {
    /// The credential with surrounding whitespace, a doubled scheme and quotes removed: what the
    /// client most likely meant to send. Used for classification, never shown unredacted.
    pub fn intended_credential(&self) -> String {
        let mut c = strip_doubled(&self.scheme, self.credential.trim()).trim();
        if c.len() >= 2 && ((c.starts_with('"') && c.ends_with('"')) || (c.starts_with('\'') && c.ends_with('\''))) {
            c = &c[1..c.len() - 1];
        }
        if self.defects.iter().any(|d| matches!(d, Defect::NoSpaceAfterScheme(_))) {
            if let Some(Defect::NoSpaceAfterScheme(k)) = self.defects.iter().find(|d| matches!(d, Defect::NoSpaceAfterScheme(_))) {
                return c.get(k.len()..).unwrap_or("").trim().to_string();
            }
        }
        c.trim().to_string()
    }

    /// Scheme compared case-insensitively.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn is_scheme(&self, name: &str) -> bool {
        self.scheme.as_deref().is_some_and(|s| s.eq_ignore_ascii_case(name))
    }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn is_token(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn looks_like_credential(s: &str) -> bool {
    s.len() >= 16 || s.contains('_') && s.len() > 8
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bearer_ok() {
        let a = parse("Bearer abc.def.ghi");
        assert_eq!(a.scheme.as_deref(), Some("Bearer"));
        assert_eq!(a.credential, "abc.def.ghi");
        assert!(a.defects.is_empty(), "{:?}", a.defects);
    }

    #[test]
    fn doubled_scheme() {
        let a = parse("Bearer Bearer abc123");
        assert!(a.defects.contains(&Defect::DoubledScheme("Bearer".into())));
        assert_eq!(a.intended_credential(), "abc123");
    }

    #[test]
    fn no_scheme_raw_key() {
        let a = parse("sk_sbox_abcdefghijklmnopqrstuvwxyz2");
        assert_eq!(a.scheme, None);
        assert!(a.defects.contains(&Defect::NoScheme));
        assert_eq!(a.intended_credential(), "sk_sbox_abcdefghijklmnopqrstuvwxyz2");
    }

    #[test]
    fn empty_and_bare_scheme() {
        assert!(parse("Bearer ").defects.contains(&Defect::EmptyCredential));
        assert!(parse("Bearer").defects.contains(&Defect::EmptyCredential));
    }

    #[test]
    fn glued_and_quoted_and_whitespace() {
        assert!(matches!(parse("BearereyJhbGciOiJIUzI1NiJ9.e30.x").defects[0], Defect::NoSpaceAfterScheme(_)));
        assert!(parse("Bearer \"eyJabc.def.ghi\"").defects.contains(&Defect::Quoted));
        assert!(parse("Bearer abc\n").defects.contains(&Defect::SurroundingWhitespace));
        assert!(parse("Bearer abc def").defects.contains(&Defect::InnerWhitespace));
        assert!(parse("Bearer abc%0A").defects.contains(&Defect::InnerWhitespace));
    }
}
