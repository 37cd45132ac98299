//! JSON paths as authlens writes them, one syntax for every walker (request-body credentials,
//! what a server said, where the scanner found a secret): `$` for the document, `.name` for a
//! member whose name is a plain word (letters, digits, `_`, `$`, `-`), `["name"]` for any other
//! name (as RFC 9535 writes every name), `[i]` for an array element. Names are clipped to
//! [`MAX_NAME`] characters, with control characters made visible: a path is shown to people, and a
//! megabyte key must not be copied into every path below it.

/// Characters of a member name kept in a path.
pub const MAX_NAME: usize = 64;

/// `path` followed by the member `name`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn member(path: &str, name: &str) -> String {
    let mut p = String::with_capacity(path.len() + name.len().min(MAX_NAME) + 4);
    p.push_str(path);
    if !name.is_empty() && name.bytes().all(|c| c.is_ascii_alphanumeric() || matches!(c, b'_' | b'$' | b'-')) {
        p.push('.');
        p.extend(name.chars().take(MAX_NAME));
        if name.len() > MAX_NAME {
            p.push('…');
        }
    } else {
        p.push_str("[\"");
        for (n, c) in name.chars().enumerate() {
            if n == MAX_NAME {
                p.push('…');
                break;
            }
            match c {
                '"' => p.push_str("\\\""),
                c if c.is_control() => p.extend(c.escape_default()),
                c => p.push(c),
            }
        }
        p.push_str("\"]");
    }
    p
}

/// `path` followed by the array index `i`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn index(path: &str, i: usize) -> String {
    format!("{path}[{i}]")
}

/// The index of the `"` that closes the JSON string whose opening quote is at `open` (backslash
/// escapes skipped), or at least `b.len()` when the text ends first: how a reader of JSON-like
/// text (a cut body, a script) steps over a string literal without parsing it.
pub fn string_end(b: &[u8], open: usize) -> usize {
    let mut i = open + 1;
    while i < b.len() && b[i] != b'"' {
        i += if b[i] == b'\\' { 2 } else { 1 };
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths() {
        assert_eq!(index(&member(&member("$", "a"), "b"), 1), "$.a.b[1]");
        assert_eq!(member("$.a", "c d"), "$.a[\"c d\"]");
        assert_eq!(member("$", "api-key"), "$.api-key");
        assert_eq!(member("$", "say \"hi\"\n"), "$[\"say \\\"hi\\\"\\n\"]");
        assert_eq!(member("$", ""), "$[\"\"]");
        let long = "k".repeat(100);
        assert_eq!(member("$", &long), format!("$.{}…", "k".repeat(64)));
    }
}
