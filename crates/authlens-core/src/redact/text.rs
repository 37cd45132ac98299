//! Words and free text: the one answer to "is this word a secret" ([`secret_word`]) and the entry
//! points that apply it to text shown to people (messages servers wrote, bodies, cURL commands).

use super::Redacted;
use crate::parse::jwt;
use crate::providers::{self, KeyKind};

/// Shortest word [`secret_word`] considers: shorter words are ids, names and codes far more often
/// than keys.
const MIN_SECRET_WORD: usize = 16;

/// True when a value has a known key format that is not a publishable key, at any length.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn secret_key(v: &str) -> bool {
    providers::classify(v, None).is_some_and(|m| m.rule.kind != KeyKind::Publishable)
}

/// True when a word is a credential that must not be shown: a known key format that is not a
/// publishable key, or a JWT. The one classifier of words for every redaction entry point.
pub fn secret_word(w: &str) -> bool {
    w.len() >= MIN_SECRET_WORD && (secret_key(w) || jwt::looks_like_jwt(w))
}

/// [`secret_word`] for a value that stands alone (a query value, a quoted field): a known secret
/// key format counts at any length, as it cannot be a fragment of prose.
pub fn secret_value(v: &str) -> bool {
    secret_key(v) || (v.len() >= MIN_SECRET_WORD && jwt::looks_like_jwt(v))
}

/// A credential value of any shape, redacted: a JWT as `JWT…`, a known key format with its
/// provider's public prefix, anything else with its length only.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn credential(v: &str) -> String {
    if jwt::looks_like_jwt(v) {
        return Redacted::jwt(v).to_string();
    }
    match providers::classify(v, None) {
        Some(m) => Redacted::with_prefix(v, m.rule.prefix).to_string(),
        None => Redacted::new(v).to_string(),
    }
}

/// Free text with every [`secret_word`] replaced by its redacted form. Words are runs of
/// key characters (letters, digits and `-_.~+/=#$*`); `name=value` is also tried as its value.
pub fn free_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        // A key at the end of a sentence (`…sk_live_x.`) or after a shell `$`: the dots and the
        // `$` are punctuation, not part of it.
        let core = word.trim_end_matches('.').trim_start_matches('$');
        if secret_word(word) {
            out.push_str(&credential(word));
        } else if core.len() < word.len() && secret_word(core) {
            let at = word.find(core).unwrap_or(0);
            out.push_str(&word[..at]);
            out.push_str(&credential(core));
            out.push_str(&word[at + core.len()..]);
        } else if let Some((name, value)) = word.rsplit_once('=').filter(|(n, v)| {
            // `refresh_token=…` in prose (a comment, a log line): named for a credential.
            secret_word(v)
                || v.len() >= 8
                    && super::credential_name(n.rsplit(['?', '&', '#']).next().unwrap_or(n))
                    && !providers::classify(v, None).is_some_and(|m| m.rule.kind == KeyKind::Publishable)
        }) {
            // `key=sk_live_…`: '=' is a word character (base64 padding), so try the value alone.
            out.push_str(name);
            out.push('=');
            out.push_str(&credential(value));
        } else {
            out.push_str(word);
        }
        word.clear();
    };
    for ch in text.chars() {
        if ch.is_ascii_alphanumeric() || "-_.~+/=#$*".contains(ch) {
            word.push(ch);
        } else {
            flush(&mut word, &mut out);
            out.push(ch);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Replace each known credential (at least `min_len` bytes long) wherever the text holds it: as
/// sent, trimmed, form-encoded (`$` → `%24`) or JSON-escaped. Servers echo keys back, and bodies
/// hold them in any of these forms; a value of any shape is caught, not only key-shaped words.
pub fn known_values<'a>(text: &str, known: impl IntoIterator<Item = &'a str>, min_len: usize) -> String {
    let mut out = text.to_string();
    for raw in known {
        if raw.trim().len() < min_len {
            continue;
        }
        let form: String = form_urlencoded::byte_serialize(raw.as_bytes()).collect();
        let json = serde_json::to_string(raw).unwrap_or_default();
        let json = json.get(1..json.len().saturating_sub(1)).unwrap_or_default().to_string();
        for shape in [raw.to_string(), raw.trim().to_string(), form, json] {
            if shape.len() >= min_len && out.contains(&shape) {
                out = out.replace(&shape, Redacted::new(raw).as_str());
            }
        }
    }
    out
}

/// Text a server wrote, fit to quote: the request's own credentials (`known`, whatever their
/// shape) and every [`secret_word`] redacted. Not clipped or escaped: callers clip to their width.
pub fn quote<'a>(text: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    free_text(&known_values(text, known, 8))
}

/// A single value from a server's message (a scope, an audience, a field), escaped and clipped,
/// or `None` when it is a credential and must not be quoted at all.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn quotable(v: &str) -> Option<String> {
    let v = v.trim();
    if v.is_empty() || secret_value(v) {
        return None;
    }
    Some(super::escape(&super::clip(v, 128)))
}

#[cfg(test)]
mod tests {
    use super::*;

    const JWT: &str = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2ln";

    fn stripe_live() -> String {
        format!("sk_live_{}", "4eC39HqLyjWDarjtT1zdp7dc9aZ2xQ")
    }

    #[test]
    fn words() {
        assert!(secret_word(&stripe_live()));
        assert!(secret_word(JWT));
        // Publishable keys are made to be seen; short words and prose are not keys.
        assert!(!secret_word(&format!("pk_live_{}", "4eC39HqLyjWDarjtT1zdp7dc9aZ2xQ")));
        assert!(!secret_word("invalid_token"));
        assert!(!secret_word("sk_live_short"));
    }

    #[test]
    fn free_text_redacts_keys_and_jwts_only() {
        let t = format!("key={} and Bearer {JWT}, status=401", stripe_live());
        let r = free_text(&t);
        assert!(!r.contains(&stripe_live()) && !r.contains(JWT), "{r}");
        assert!(r.contains("sk_live_…[redacted") && r.contains("JWT…[redacted") && r.contains("status=401"), "{r}");
    }

    #[test]
    fn known_values_in_every_form() {
        let pw = "hunter2$secret";
        let t = format!("raw {pw}, form hunter2%24secret, json {}", serde_json::to_string("a\"b-long-value").unwrap_or_default());
        let r = known_values(&t, [pw, "a\"b-long-value"], 8);
        assert!(!r.contains("hunter2"), "{r}");
        assert!(!r.contains("long-value"), "{r}");
        // Too short to replace safely: left alone.
        assert_eq!(known_values("id 1234", ["1234"], 8), "id 1234");
    }

    #[test]
    fn quotes_hide_the_requests_own_credential_and_keys() {
        let said = format!("token opaque-session-value-1 is not valid for {}", stripe_live());
        let q = quote(&said, ["opaque-session-value-1"]);
        assert!(!q.contains("opaque-session-value-1") && !q.contains(&stripe_live()), "{q}");
        assert!(q.starts_with("token …[redacted, 22 chars] is not valid"), "{q}");
    }

    #[test]
    fn quotable_values() {
        assert_eq!(quotable(" read:orders ").as_deref(), Some("read:orders"));
        assert_eq!(quotable("a\nb").as_deref(), Some("a\\nb"));
        assert_eq!(quotable(JWT), None);
        assert_eq!(quotable(&stripe_live()), None);
        assert_eq!(quotable("  "), None);
    }
}
