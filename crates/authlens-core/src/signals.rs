//! Small shared judgements about credential values, used by several causes.

pub mod checklist;
pub mod session;

/// Values that mean "the variable was never set".
const UNSET: &[&str] = &[
    "undefined", "null", "none", "nil", "nan", "false", "true", "[object object]", "[object promise]", "${token}", "{{token}}", "<token>", "bearer", "basic", "token",
    // the names of the values, copied from a README instead of the values
    "access-token", "access_token", "accesstoken", "api-key", "api_key", "apikey", "secret", "secret-key", "secret_key", "client_secret", "password", "my-token", "mytoken", "my_token", "key", "jwt",
];

/// Fragments that mark a value copied from documentation or a template.
const TEMPLATE_MARKS: &[&str] = &[
    "your_", "your-", "yourapikey", "your api key", "<your", "{your", "replace_me", "replace-me", "changeme", "change_me", "insert_", "_here", "-here", "xxxxxx", "example_key", "api_key_here", "todo",
    // a template or an expression that was never evaluated
    "${", "{{", "process.env", "import.meta.env", "<%=",
];

/// Why a value is a placeholder, if it is one.
pub fn placeholder(value: &str) -> Option<&'static str> {
    let v = value.trim().trim_matches(|c| c == '"' || c == '\'');
    let lower = v.to_ascii_lowercase();
    if v.is_empty() {
        return Some("it is empty");
    }
    if UNSET.contains(&lower.as_str()) {
        return Some("it is the text of an unset variable");
    }
    if lower.len() <= 64 && TEMPLATE_MARKS.iter().any(|m| lower.contains(m)) {
        return Some("it is a placeholder copied from documentation or a template");
    }
    if v.len() >= 3 && v.chars().all(|c| c == 'x' || c == 'X' || c == '*' || c == '.') {
        return Some("it is a masked placeholder");
    }
    // `MAILGUN_API_KEY` where the key should be, or a fallback sentence that names the variable
    // (`invalid, set COHERE_API_KEY in .env`): the variable's name, not its value, was sent.
    if env_var_name(v) || (v.len() <= 128 && v.contains(' ') && v.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_')).any(env_var_name)) {
        return Some("it is the name of an environment variable, not its value");
    }
    None
}

/// An environment variable's name for a credential: capitals, digits and `_`, with a `_`, ending
/// in `KEY`, `TOKEN`, `SECRET` or `PASSWORD` (`OPENAI_API_KEY`, `HUGGINGFACEHUB_API_TOKEN`).
fn env_var_name(w: &str) -> bool {
    (6..=64).contains(&w.len())
        && w.starts_with(|c: char| c.is_ascii_uppercase())
        && w.contains('_')
        && w.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        && ["KEY", "TOKEN", "SECRET", "PASSWORD"].iter().any(|s| w.ends_with(s))
}

/// True for schemes whose credential is a list of `name=value` parameters separated by `, `
/// (AWS SigV4, Digest, OAuth 1): the spaces there are syntax, not damage.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn param_scheme(a: &crate::parse::authorization::Authorization) -> bool {
    ["aws4-hmac-sha256", "digest", "oauth"].iter().any(|s| a.is_scheme(s)) || !a.is_scheme("bearer") && !a.is_scheme("basic") && auth_params(&a.credential)
}

/// True when a credential is a list of two or more `name="value"` (or `name=value`) parameters
/// separated by commas: Kong's `hmac username="…", algorithm="…", headers="x-date request-line"`,
/// HTTP Signatures' `keyId="…",signature="…"`, Hawk's `id="…", ts="…"`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn auth_params(credential: &str) -> bool {
    let mut n = 0;
    for part in credential.split(',').map(str::trim).filter(|p| !p.is_empty()).take(32) {
        let Some((name, value)) = part.split_once('=') else { return false };
        let name_ok = !name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        let value_ok = value.starts_with('"') && value.ends_with('"') && value.len() >= 2 || !value.is_empty() && !value.contains(char::is_whitespace);
        if !(name_ok && value_ok) {
            return false;
        }
        n += 1;
    }
    n >= 2
}

/// Describe whitespace damage in a value, if any.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn whitespace(value: &str) -> Option<String> {
    // The usual case, a token of printable ASCII: no blank or invisible character can be in it,
    // and the character-by-character checks below are skipped.
    if value.bytes().all(|b| (0x21..0x7f).contains(&b)) {
        return crate::parse::authorization::contains_encoded_newline(value).then(|| "an URL-encoded newline (%0A/%0D)".to_string());
    }
    if !value.is_empty() && value.trim().is_empty() {
        return Some(if value.contains(['\n', '\r']) { "only a newline".into() } else { "only whitespace".into() });
    }
    let mut what = Vec::new();
    if value.starts_with(char::is_whitespace) {
        what.push("leading whitespace");
    }
    if value.ends_with('\n') || value.ends_with('\r') {
        what.push("a trailing newline");
    } else if value.ends_with(char::is_whitespace) {
        what.push("trailing whitespace");
    }
    let inner = value.trim();
    if inner.contains('\n') || inner.contains('\r') {
        what.push("a newline inside");
    } else if inner.contains(char::is_whitespace) {
        what.push("a space inside");
    }
    if crate::parse::authorization::contains_encoded_newline(inner) {
        what.push("an URL-encoded newline (%0A/%0D)");
    }
    if inner.chars().any(|c| matches!(c, '\u{200b}'..='\u{200d}' | '\u{feff}' | '\u{a0}')) {
        what.push("an invisible character (zero-width space or non-breaking space)");
    }
    if what.is_empty() {
        None
    } else {
        Some(what.join(" and "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders() {
        for p in ["MAILGUN_API_KEY", "HUGGINGFACEHUB_API_TOKEN", "invalid, set COHERE_API_KEY in .env", "undefined", "null", "", "YOUR_API_KEY", "sk_test_YOUR_SECRET_KEY_HERE", "xxxx", "[object Object]", "\"undefined\"", "${process.env.API_TOKEN}", "{{ access_token }}", "access-token"] {
            assert!(placeholder(p).is_some(), "{p}");
        }
        for p in ["sk_test_4eC39HqLyjWDarjtT1zdp7dc", "eyJhbGciOi.x.y", "SB-Mid-server-abc123cde456", "Z9Y8_X7W6V5U4T3S2R1Q0", "A1B2_C3D4E5F6G7H8J9K0"] {
            assert!(placeholder(p).is_none(), "{p}");
        }
    }

    #[test]
    fn parameter_lists() {
        assert!(auth_params(r#"username="alice", algorithm="hmac-sha256", headers="x-date request-line", signature="dGVzdA==""#));
        assert!(auth_params(r#"keyId="k1",signature="abc""#));
        assert!(!auth_params("abc def"));
        assert!(!auth_params(r#"access_token="x""#), "one parameter is no list");
        assert!(!auth_params("a=b c, d=e"));
    }

    #[test]
    fn whitespace_kinds() {
        assert_eq!(whitespace("abc\n").as_deref(), Some("a trailing newline"));
        assert_eq!(whitespace(" abc").as_deref(), Some("leading whitespace"));
        assert!(whitespace("ab c").is_some());
        assert!(whitespace("abc").is_none());
    }
}
