//! The one redaction function of the product.
//!
//! Every credential that reaches a report, a log line, the panel or an export goes through
//! [`Redacted`]. A `Redacted` keeps at most a provider's documented, non-secret prefix
//! (`sk_live_`, `SB-Mid-server-`) and the length, so a person can tell *which* kind of key it was
//! without anyone being able to use it. A value of unknown shape (a password, a session id, any
//! secret-named field) shows no character of itself. There is no way to get the full value back:
//! no field holds it.
//!
//! Everything that decides what may be shown lives here, one entry point per kind of thing shown:
//!
//! - a value: [`Redacted`] (and [`credential`] for a value of any shape, keeping a provider's
//!   public prefix);
//! - a name: [`credential_name`] ("does a field of this name hold a credential", for headers,
//!   cookies, query parameters and body fields alike) and [`secret_name`] ("is it a server-side
//!   secret", which the secret scanner reports);
//! - a word in free text: [`secret_word`], the one answer to "is this word a secret", used by
//!   every entry point below;
//! - free text: [`free_text`]; text that may echo known credentials: [`known_values`]; a quote of
//!   what a server said: [`quote`] and [`quotable`];
//! - a URL: [`url`]; a request path shown as evidence: [`path`].
//!
//! This module sits just above provider knowledge (it asks [`crate::providers::classify`] what a
//! word is) and below everything that shows anything.

use serde::Serialize;

mod names;
mod text;
mod url;

pub use names::{code_is_credential, credential_name, credential_param, normalise_name, secret_name, CREDENTIAL_PARAMS};
pub use text::{credential, free_text, known_values, quotable, quote, secret_value, secret_word};
pub use url::{endpoint, path, query_is_sensitive, url};
/// Placeholder values are provider knowledge (what is not a key); redaction shows them as they are.
pub use crate::providers::is_showable_placeholder;

/// A credential made safe to show.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Redacted(String);


impl Redacted {
    /// Redact `value`, showing `known_prefix` when the value starts with it (a provider's
    /// documented, public key prefix) and otherwise no character of it, only its length.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn with_prefix(value: &str, known_prefix: &str) -> Redacted {
        let n = value.chars().count();
        if is_showable_placeholder(value) {
            return Redacted(if value.is_empty() { "\"\"".to_string() } else { escape(value) });
        }
        // Never show so much that less than 12 secret characters stay hidden.
        let prefix_len = known_prefix.chars().count();
        let shown: &str = if !known_prefix.is_empty() && value.starts_with(known_prefix) && n >= prefix_len + 12 { known_prefix } else { "" };
        Redacted(format!("{}…[redacted, {} chars]", escape(shown), n))
    }

    /// Redact a value of unknown shape.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn new(value: &str) -> Redacted {
        Redacted::with_prefix(value, "")
    }

    /// Redact a JWT: its header is public, so only `eyJ…` and the length are shown.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn jwt(value: &str) -> Redacted {
        Redacted(format!("JWT…[redacted, {} chars]", value.chars().count()))
    }

    /// The redacted text.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Redacted {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}


/// A line of cause evidence (or a fix step) fit to show: its text has been through [`scrub`],
/// which redacts the request's own credentials (whatever their shape) and every
/// [`secret_word`], and escapes control characters. There is no other way to build one, so a
/// cause that forgets to redact a part of its evidence still shows no credential.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Evidence(String);

impl Evidence {
    /// Redact `text` against the credentials the request carried (`known`) and key- and
    /// JWT-shaped words.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn of<'a>(text: &str, known: impl IntoIterator<Item = &'a str>) -> Evidence {
        Evidence(scrub(text, known))
    }

    /// The text.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl std::fmt::Display for Evidence {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::borrow::Borrow<str> for Evidence {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn borrow(&self) -> &str {
        &self.0
    }
}

/// The last line of defence for text built from many parts (cause evidence, fix steps): the
/// known credentials (at least 8 characters) and every [`secret_word`] redacted, controls escaped.
pub fn scrub<'a>(text: &str, known: impl IntoIterator<Item = &'a str>) -> String {
    escape(&quote(text, known))
}

/// Make control characters visible (`\n`, `\u{1b}`) so hostile values cannot reshape a report.
/// Runs of plain text are copied whole: only the characters that need escaping are looked at one
/// by one (this runs on every value a report shows).
pub fn escape(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    let (mut copied, mut i) = (0, 0);
    while i < b.len() {
        let x = b[i];
        if (0x20..0x7f).contains(&x) {
            i += 1;
            continue;
        }
        // A control byte, or the start of a multi-byte character (`i` is always on a boundary).
        let Some(c) = s.get(i..).and_then(|t| t.chars().next()) else { break };
        let shown = match c {
            '\n' => Some("\\n"),
            '\r' => Some("\\r"),
            '\t' => Some("\\t"),
            c if c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}') => None,
            _ => {
                i += c.len_utf8();
                continue;
            }
        };
        out.push_str(s.get(copied..i).unwrap_or(""));
        match shown {
            Some(e) => out.push_str(e),
            None => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
        }
        i += c.len_utf8();
        copied = i;
    }
    out.push_str(s.get(copied..).unwrap_or(""));
    out
}

/// The first `max_chars` characters of `s` (all of it when shorter), as a slice of it.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn prefix_chars(s: &str, max_chars: usize) -> &str {
    if s.len() <= max_chars {
        return s; // fewer bytes than that, so fewer characters
    }
    match s.char_indices().nth(max_chars) {
        Some((end, _)) => s.get(..end).unwrap_or(s),
        None => s,
    }
}

/// Shorten untrusted text for display (by characters, never splitting one), escaping controls.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn clip(s: &str, max_chars: usize) -> String {
    let head = prefix_chars(s, max_chars);
    let mut out = escape(head);
    if head.len() < s.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shows_known_prefix_only() {
        let r = Redacted::with_prefix("SB-Mid-server-abc123cde456XYZ789", "SB-Mid-server-");
        assert_eq!(r.as_str(), "SB-Mid-server-…[redacted, 32 chars]");
    }

    #[test]
    fn unknown_shapes_show_no_character() {
        // A password or session id keeps only its length, however long.
        assert_eq!(Redacted::new("correct-horse-battery-staple").as_str(), "…[redacted, 28 chars]");
        assert_eq!(Redacted::with_prefix("correct-horse-battery-staple", "sk_").as_str(), "…[redacted, 28 chars]");
    }

    #[test]
    fn evidence_is_scrubbed() {
        let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.c2lnbmF0dXJlc2lnbmF0dXJlc2ln";
        let e = Evidence::of(&format!("the token {jwt} sent with password hunter2-horse\nnext"), ["hunter2-horse"]);
        assert!(!e.as_str().contains(jwt) && !e.as_str().contains("hunter2"), "{e}");
        assert!(e.as_str().starts_with("the token JWT…[redacted") && e.as_str().ends_with("\\nnext"), "{e}");
        assert_eq!(Evidence::of("entry #3 answered 401", []).as_str(), "entry #3 answered 401");
    }

    #[test]
    fn short_values_show_nothing() {
        let r = Redacted::with_prefix("sk_abcdefgh", "sk_");
        assert_eq!(r.as_str(), "…[redacted, 11 chars]");
    }

    #[test]
    fn placeholders_are_shown() {
        assert_eq!(Redacted::new("undefined").as_str(), "undefined");
        assert_eq!(Redacted::new("").as_str(), "\"\"");
    }

    #[test]
    fn escape_controls() {
        assert_eq!(escape("a\nb\u{1b}"), "a\\nb\\u{1b}");
        assert_eq!(escape("é\u{85}x\u{202e}\té"), "é\\u{85}x\\u{202e}\\té");
        assert_eq!(escape("plain"), "plain");
        assert_eq!(escape(""), "");
    }

    #[test]
    fn clip_counts_characters() {
        assert_eq!(clip("héllo", 5), "héllo");
        assert_eq!(clip("héllo", 2), "hé…");
        assert_eq!(clip("a\nb", 2), "a\\n…");
        assert_eq!(prefix_chars("ééé", 2), "éé");
        assert_eq!(prefix_chars("abc", 0), "");
    }

    proptest::proptest! {
        /// The same as escaping character by character, as it was first written.
        #[test]
        fn escape_matches_per_character(s in "\\PC*|[\\x00-\\x{2070}]{0,40}") {
            let mut slow = String::new();
            for c in s.chars() {
                match c {
                    '\n' => slow.push_str("\\n"),
                    '\r' => slow.push_str("\\r"),
                    '\t' => slow.push_str("\\t"),
                    c if c.is_control() || matches!(c, '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}' | '\u{2066}'..='\u{2069}' | '\u{feff}') => slow.push_str(&format!("\\u{{{:x}}}", c as u32)),
                    c => slow.push(c),
                }
            }
            proptest::prop_assert_eq!(escape(&s), slow);
            let n = s.chars().count() / 2;
            let clipped: String = s.chars().take(n).collect();
            proptest::prop_assert_eq!(prefix_chars(&s, n), clipped.as_str());
        }
    }
}
