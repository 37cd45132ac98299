//! HTTP Basic credentials (RFC 7617): `base64(user ":" password)`.

use base64::engine::general_purpose::{STANDARD, STANDARD_NO_PAD};
use base64::Engine;

/// What a Basic credential decoded to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Basic {
    /// Decoded to `user:password`.
    Pair {
        /// Text before the first colon.
        user: String,
        /// Text after the first colon (may be empty: `KEY:` is how key-as-username APIs work).
        password: String,
    },
    /// Decoded, but there is no colon: the client encoded the key alone.
    NoColon {
        /// The decoded text.
        decoded: String,
    },
    /// Not base64 at all (often the raw key was put after `Basic`).
    NotBase64,
}

/// Decode the credential part of `Authorization: Basic <credential>`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn decode(credential: &str) -> Basic {
    let c = credential.trim();
    let bytes = match STANDARD.decode(c).or_else(|_| STANDARD_NO_PAD.decode(c)) {
        Ok(b) => b,
        Err(_) => return Basic::NotBase64,
    };
    let text = String::from_utf8_lossy(&bytes).into_owned();
    match text.split_once(':') {
        Some((u, p)) => Basic::Pair { user: u.to_string(), password: p.to_string() },
        None => Basic::NoColon { decoded: text },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn midtrans_docs_example() {
        assert_eq!(
            decode("U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6"),
            Basic::Pair { user: "SB-Mid-server-abc123cde456".into(), password: String::new() }
        );
    }

    #[test]
    fn no_colon_and_raw_key() {
        assert!(matches!(decode("U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY="), Basic::NoColon { .. }));
        assert_eq!(decode("SB-Mid-server-abc123cde456"), Basic::NotBase64);
    }

    #[test]
    fn trailing_newline_kept() {
        match decode("U0ItTWlkLXNlcnZlci1hYmMxMjNjZGU0NTY6Cg==") {
            Basic::Pair { password, .. } => assert_eq!(password, "\n"),
            other => panic!("{other:?}"),
        }
    }
}
