//! `WWW-Authenticate` (RFC 9110 §11.6.1): one or more challenges, each a scheme with a token68
//! or auth-params (quoted strings allowed). RFC 6750 adds `error`, `error_description`, `scope`.

/// One challenge.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Challenge {
    /// The auth-scheme (`Bearer`, `Basic`, …).
    pub scheme: String,
    /// Parameters, names lowercased.
    pub params: Vec<(String, String)>,
}

impl Challenge {
    /// A parameter by (lowercase) name.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn param(&self, name: &str) -> Option<&str> {
        self.params.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }
}

/// Parse a header value into its challenges. Never fails: junk yields fewer challenges.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn parse(value: &str) -> Vec<Challenge> {
    let mut out: Vec<Challenge> = Vec::new();
    let b = value.as_bytes();
    let mut i = 0;
    let n = b.len();
    let skip_ws = |i: &mut usize| {
        while *i < n && (b[*i] == b' ' || b[*i] == b'\t' || b[*i] == b',') {
            *i += 1;
        }
    };
    let read_token = |i: &mut usize| -> String {
        let s = *i;
        while *i < n && !matches!(b[*i], b' ' | b'\t' | b',' | b'=' | b'"') {
            *i += 1;
        }
        String::from_utf8_lossy(&b[s..*i]).into_owned()
    };
    while i < n && out.len() < 32 {
        skip_ws(&mut i);
        if i >= n {
            break;
        }
        let tok = read_token(&mut i);
        if tok.is_empty() {
            i += 1;
            continue;
        }
        // Whitespace then `=` means this token is a param name of the current challenge.
        let mut j = i;
        while j < n && (b[j] == b' ' || b[j] == b'\t') {
            j += 1;
        }
        if j < n && b[j] == b'=' && !out.is_empty() {
            i = j + 1;
            while i < n && (b[i] == b' ' || b[i] == b'\t') {
                i += 1;
            }
            let val = if i < n && b[i] == b'"' {
                i += 1;
                let mut v = Vec::new();
                while i < n && b[i] != b'"' {
                    if b[i] == b'\\' && i + 1 < n {
                        i += 1;
                    }
                    v.push(b[i]);
                    i += 1;
                }
                i += 1;
                String::from_utf8_lossy(&v).into_owned()
            } else {
                read_token(&mut i)
            };
            if let Some(c) = out.last_mut() {
                if c.params.len() < 32 {
                    c.params.push((tok.to_ascii_lowercase(), val));
                }
            }
        } else if j < n && b[j] == b'=' {
            // A param before any scheme: skip it.
            i = j + 1;
        } else {
            out.push(Challenge { scheme: tok, params: Vec::new() });
            // A token68 after the scheme (`Negotiate abc==`) is ignored.
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc6750_error() {
        let c = parse(r#"Bearer realm="api", error="invalid_token", error_description="The access token expired""#);
        assert_eq!(c.len(), 1);
        assert_eq!(c[0].scheme, "Bearer");
        assert_eq!(c[0].param("error"), Some("invalid_token"));
        assert_eq!(c[0].param("error_description"), Some("The access token expired"));
    }

    #[test]
    fn several_challenges_and_quotes() {
        let c = parse(r#"Basic realm="a, \"b\"", Bearer scope="read write", error=insufficient_scope"#);
        assert_eq!(c.len(), 2);
        assert_eq!(c[0].param("realm"), Some("a, \"b\""));
        assert_eq!(c[1].param("scope"), Some("read write"));
        assert_eq!(c[1].param("error"), Some("insufficient_scope"));
    }

    #[test]
    fn junk_does_not_panic() {
        for s in ["", "=", "\"", "Bearer =", "Bearer a=\"", ",,,", "é=ü"] {
            let _ = parse(s);
        }
    }
}
