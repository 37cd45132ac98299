//! Credentials written into a `curl` command: the password of `-u`/`--user user:password`, the
//! credential of an `Authorization` header (or of a header named like one: `X-Api-Key`,
//! `Private-Token`), a Basic credential decoded, and `access_token=`/`client_secret=`-style
//! parameters of its URL or form data. A command in a README, a script or a bundle's help text is
//! a credential anyone can replay, whoever the service is. Only literal values count: shell
//! variables, command substitutions, templates (`${…}`, `{{…}}`, `<…>`, `[…]`, `%VAR%`), masks
//! (`****`) and placeholder words are how a command is written without a credential in it.

use std::borrow::Cow;

use base64::Engine as _;

use super::engine::{plausible, Hit, How};
use crate::providers;

/// Bytes of one command considered (its continuation lines included).
const MAX_COMMAND: usize = 8 * 1024;
/// Words of one command considered.
const MAX_WORDS: usize = 256;
/// Shortest password or credential reported.
const MIN_PASSWORD: usize = 8;
/// Shortest credential in a URL or form parameter (a longer one: `token=` names many things).
const MIN_PARAM: usize = 16;

/// Base64 with the padding optional and stray trailing bits accepted, as hand-made Basic
/// credentials are written.
const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// URL and form parameters that carry a credential.
const PARAMS: &[&str] = &["access_token", "token", "client_secret", "api_key", "apikey", "private_token", "secret"];

/// One shell word: its span in the text and its value with quotes removed.
struct Word {
    start: usize,
    end: usize,
    value: String,
}

/// True when `curl` at `start..end` is a command name: at the start of a line or after a blank, a
/// prompt, a comment mark or a quote, and followed by a blank.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn is_command(b: &[u8], start: usize, end: usize) -> bool {
    let before = start == 0 || matches!(b[start - 1], b' ' | b'\t' | b'\n' | b'\r' | b'$' | b'#' | b'(' | b'"' | b'\'' | b'`' | b';' | b'|' | b'&' | b'>');
    before && b.get(start..end).is_some_and(|w| w == b"curl") && matches!(b.get(end), Some(b' ' | b'\t'))
}

/// The words of the command that starts after `from`, up to the end of its logical line
/// (a backslash before a line break continues it).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn words(text: &str, from: usize) -> Vec<Word> {
    let b = text.as_bytes();
    let limit = (from + MAX_COMMAND).min(b.len());
    let mut out = Vec::new();
    let mut i = from;
    while i < limit && out.len() < MAX_WORDS {
        let c = b[i];
        if c == b'\\' && matches!(b.get(i + 1), Some(b'\n' | b'\r')) {
            i += 2;
            continue;
        }
        if c == b'\n' || c == b'\r' {
            break;
        }
        if c == b' ' || c == b'\t' {
            i += 1;
            continue;
        }
        let start = i;
        let mut value = Vec::new();
        let mut quote: Option<u8> = None;
        while i < limit {
            let c = b[i];
            match quote {
                Some(q) if c == q => quote = None,
                Some(_) if c == b'\n' => break,
                Some(_) => value.push(c),
                None if c == b'"' || c == b'\'' => quote = Some(c),
                None if matches!(c, b' ' | b'\t' | b'\n' | b'\r') => break,
                None if c == b'\\' && matches!(b.get(i + 1), Some(b'\n' | b'\r')) => break,
                None => value.push(c),
            }
            i += 1;
        }
        out.push(Word { start, end: i, value: String::from_utf8_lossy(&value).into_owned() });
        if quote.is_some() {
            break;
        }
    }
    out
}

/// True when `v` is a literal credential: long enough, no shell or template syntax, not a mask
/// or a placeholder, and of more than one kind of character.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn literal(v: &str, min: usize) -> bool {
    if v.len() < min || v.len() > 512 || v.bytes().any(|c| !c.is_ascii_graphic()) {
        return false;
    }
    if v.bytes().any(|c| b"${}<>[]()*`\\".contains(&c)) || (v.starts_with('%') && v.ends_with('%')) {
        return false;
    }
    let lower = v.to_ascii_lowercase();
    const WORDS: &[&str] = &["password", "passwd", "secret", "token", "username", "apikey", "api_key", "changeme", "example", "sample"];
    if WORDS.iter().any(|w| lower.contains(w)) || !plausible(v) {
        return false;
    }
    let classes = [
        v.bytes().any(|c| c.is_ascii_lowercase()),
        v.bytes().any(|c| c.is_ascii_uppercase()),
        v.bytes().any(|c| c.is_ascii_digit()),
        v.bytes().any(|c| c.is_ascii_punctuation()),
    ];
    classes.iter().filter(|x| **x).count() >= 2
}

/// The secret half of `user:password` (or the user, when it is the key and the password empty,
/// as for APIs that take a key as the Basic user).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn user_secret(cred: &str) -> Option<&str> {
    let (user, pass) = cred.split_once(':')?;
    if pass.is_empty() {
        return literal(user, MIN_PASSWORD + 4).then_some(user);
    }
    (literal(pass, MIN_PASSWORD) && pass != user).then_some(pass)
}

/// The credential of a header value: `<scheme> <credential>` or a bare credential; a Basic
/// credential is decoded and judged as `user:password`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn header_secret(value: &str) -> Option<String> {
    let parts: Vec<&str> = value.split_whitespace().collect();
    match parts.as_slice() {
        [cred] => literal(cred, MIN_PASSWORD + 2).then(|| (*cred).to_string()),
        [scheme, cred] if scheme.len() <= 20 && scheme.bytes().all(|c| c.is_ascii_alphabetic() || c == b'-') => {
            if scheme.eq_ignore_ascii_case("basic") {
                let bytes = LENIENT.decode(cred.trim_end_matches('=')).ok()?;
                let decoded = String::from_utf8_lossy(&bytes).into_owned();
                user_secret(&decoded).map(str::to_string)
            } else {
                literal(cred, MIN_PASSWORD + 2).then(|| (*cred).to_string())
            }
        }
        _ => None,
    }
}

/// True for header names that carry a credential.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn credential_header(name: &str) -> bool {
    let n = name.trim().to_ascii_lowercase();
    if n.contains("idempotency") || n.contains("csrf") || n.contains("xsrf") {
        return false;
    }
    n == "authorization" || n == "proxy-authorization" || ["token", "apikey", "api-key", "api_key", "secret", "password", "x-auth"].iter().any(|w| n.contains(w))
}

/// Credentials in the parameters of a URL or of form data: `…?access_token=<v>&…`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn param_secrets(word: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for part in word.split(['?', '&']) {
        let Some((name, value)) = part.split_once('=') else { continue };
        let value = value.split('#').next().unwrap_or(value);
        if PARAMS.iter().any(|p| name.eq_ignore_ascii_case(p)) && literal(value, MIN_PARAM) {
            out.push(value);
        }
    }
    out
}

/// The credentials of the `curl` command whose name is at `start..end`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn credentials(text: &str, start: usize, end: usize) -> Vec<Hit<'_>> {
    let b = text.as_bytes();
    if !is_command(b, start, end) {
        return Vec::new();
    }
    let Some((p, r)) = providers::rule_by_id("curl_credential") else { return Vec::new() };
    let ws = words(text, end);
    let mut out = Vec::new();
    let mut push = |w: &Word, secret: String| {
        // Point at the secret itself when it is written as is, else at the word.
        let raw = &text[w.start..w.end];
        let (s, e) = raw.find(secret.as_str()).map_or((w.start, w.end), |i| (w.start + i, w.start + i + secret.len()));
        out.push(Hit { start: s, end: e, rule: r, provider: p, value: Cow::Owned(secret), env: None, how: How::Scanner });
    };
    let mut k = 0;
    while k < ws.len() {
        let w = &ws[k];
        let v = w.value.as_str();
        // `-u x`, `-ux`, `--user x`, `--user=x`; `-H x`, `-Hx`, `--header x`, `--header=x`.
        let (opt, attached) = if let Some(rest) = v.strip_prefix("--user=") {
            ("u", Some(rest))
        } else if let Some(rest) = v.strip_prefix("--header=") {
            ("H", Some(rest))
        } else if v == "-u" || v == "--user" {
            ("u", None)
        } else if v == "-H" || v == "--header" {
            ("H", None)
        } else if let Some(rest) = v.strip_prefix("-u").filter(|r| r.contains(':')) {
            ("u", Some(rest))
        } else if let Some(rest) = v.strip_prefix("-H").filter(|r| r.contains(':')) {
            ("H", Some(rest))
        } else {
            ("", None)
        };
        let (arg, at) = match attached {
            Some(a) => (Some(a.to_string()), k),
            None if !opt.is_empty() => (ws.get(k + 1).map(|x| x.value.clone()), k + 1),
            None => (None, k),
        };
        match (opt, arg) {
            ("u", Some(a)) => {
                if let Some(s) = user_secret(&a) {
                    push(&ws[at], s.to_string());
                }
                k = at + 1;
                continue;
            }
            ("H", Some(a)) => {
                if let Some((name, value)) = a.split_once(':') {
                    if credential_header(name) {
                        if let Some(s) = header_secret(value.trim()) {
                            push(&ws[at], s);
                        }
                    }
                }
                k = at + 1;
                continue;
            }
            _ => {}
        }
        for s in param_secrets(v) {
            push(w, s.to_string());
        }
        k += 1;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(cmd: &str) -> Vec<String> {
        let at = cmd.find("curl").expect("a curl command");
        credentials(cmd, at, at + 4).into_iter().map(|h| h.value.into_owned()).collect()
    }

    #[test]
    fn user_passwords() {
        assert_eq!(found("curl -u deploy:Tq8vLm2xPz4w https://h.test"), vec!["Tq8vLm2xPz4w"]);
        assert_eq!(found("curl --user 'ops@corp.test:Wf7!kq2Lzr' -X GET"), vec!["Wf7!kq2Lzr"]);
        assert_eq!(found("curl --user kevin:'Rt5vN8qLw2Zk' -i"), vec!["Rt5vN8qLw2Zk"]);
        assert_eq!(found("curl -X POST \\\n  -u \"Kx82LmQ9vTw4Zp:\" https://h.test"), vec!["Kx82LmQ9vTw4Zp"], "a key as the user");
        for neg in [
            "curl -u user:password https://h.test",
            "curl -u test:test",
            "curl -u \"$USER:$PASS\"",
            "curl --user \"{{ .Values.user }}:{{ .Values.password }}\"",
            "curl --user neo4j:[PASSWORD] http://h.test",
            "curl -u <user:password> https://h.test",
            "curl -u \"$(cat login):$(cat pass)\"",
            "curl -u \":\" https://h.test",
            "curl -u \"myusername\" https://h.test",
            "curl --user \"xxx:yyy\"",
            "curl -u admin:P4ss$1 https://h.test",
            "curly -u deploy:Tq8vLm2xPz4w",
        ] {
            assert!(found(neg).is_empty(), "{neg}");
        }
    }

    #[test]
    fn headers_and_parameters() {
        let basic = base64::engine::general_purpose::STANDARD.encode("api:Vb7xQ2mLk9Rt4wZp");
        assert_eq!(found(&format!("curl -H 'Authorization: Basic {basic}' https://h.test")), vec!["Vb7xQ2mLk9Rt4wZp"]);
        assert_eq!(found("curl -H \"Authorization: Bearer Qm4xT9vLw2Kp8ZrN5s\" https://h.test"), vec!["Qm4xT9vLw2Kp8ZrN5s"]);
        assert_eq!(found("curl --header \"X-Api-Key: 9f3ac1e07b5d42c8\""), vec!["9f3ac1e07b5d42c8"]);
        assert_eq!(found("curl \"https://h.test/v1/x?access_token=Zp3kQ8vLm2Tw9xRn&x=1\""), vec!["Zp3kQ8vLm2Tw9xRn"]);
        for neg in [
            "curl -H \"Authorization: Bearer $API_KEY\"",
            "curl -H \"Authorization: Bearer XXXXXXXXXXXX\"",
            "curl -H \"Authorization: Bearer <your token>\"",
            "curl -H \"Authorization: Token **********\"",
            "curl -H \"Authorization: Basic ...\"",
            "curl -H \"Authorization: Bearer $(gcloud auth print-access-token)\"",
            "curl -H \"Content-Type: application/json\" -d '{\"id\":12345}'",
            "curl -H \"Idempotency-Key: 8c1d4e2f9a7b3c6d\"",
            "curl \"https://h.test/?token=abc\"",
        ] {
            assert!(found(neg).is_empty(), "{neg}");
        }
    }

    #[test]
    fn hostile_commands_do_not_panic() {
        for t in ["curl ", "curl -u", "curl -H", "curl -H 'Authorization: Basic", "curl -u 'é:é", "curl \\", "curl --user=", "curl -Hé:", "curl \"unterminated"] {
            let _ = credentials(t, 0, 4);
        }
    }
}
