//! Formats recognised by a marker inside the value rather than a prefix: Microsoft Entra ID
//! client secrets, `<3 characters><digit>Q~<31 to 34 characters>` (37 to 40 in all, letters,
//! digits and `_~.-`), found wherever `Q~` occurs, with or without a name near them.

use std::borrow::Cow;

use super::engine::{entropy, plausible, Hit, How};
use crate::providers;

fn secret_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'~' | b'.' | b'-')
}

/// The Entra client secret whose `Q~` marker is at `q`, if the text holds one there.
pub(crate) fn entra_secret(text: &str, q: usize) -> Option<Hit<'_>> {
    let b = text.as_bytes();
    if q < 4 || b.get(q..q + 2) != Some(b"Q~".as_slice()) || !b[q - 1].is_ascii_digit() {
        return None;
    }
    let start = q - 4;
    if !b[start..q - 1].iter().all(|c| secret_byte(*c)) || (start > 0 && secret_byte(b[start - 1])) {
        return None;
    }
    let mut end = q + 2;
    while end < b.len() && end - q <= 40 && secret_byte(b[end]) {
        end += 1;
    }
    // A sentence's full stop is not part of the secret.
    if b[end - 1] == b'.' {
        end -= 1;
    }
    let tail = end - (q + 2);
    if !(31..=34).contains(&tail) || (end < b.len() && secret_byte(b[end]) && b[end] != b'.') {
        return None;
    }
    let value = text.get(start..end)?;
    if !plausible(value) || entropy(value) < 3.5 {
        return None;
    }
    let (p, r) = providers::rule_by_id("azure_entra_client_secret")?;
    Some(Hit { start, end, rule: r, provider: p, value: Cow::Borrowed(value), env: None, how: How::Plain })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found(t: &str) -> Vec<String> {
        t.match_indices("Q~").filter_map(|(i, _)| entra_secret(t, i)).map(|h| h.value.into_owned()).collect()
    }

    #[test]
    fn client_secrets_by_their_marker() {
        let s40 = "Ab38Q~kT4mZ9vLq2Wn7Rx5Pd1Hs6Fg0Jc3Ye8UbN";
        assert_eq!(found(&format!("<value>{s40}</value>")), vec![s40]);
        assert_eq!(found(&format!("(use the client secret: {s40}).")), vec![s40]);
        let s37 = "x.Z7Q~Lm4Tq9Vb2Nw6Rk8Pz1Hd5Gs3Fj0Ca7Y";
        assert_eq!(found(&format!("-ClientSecret '{s37}'")), vec![s37]);
        assert!(found(&format!("sig=Qw{s40}")).is_empty(), "inside a longer token");
        assert!(found("ClientSecret = 'bP88Q~xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx'").is_empty(), "placeholder");
        assert!(found(",4~q8Q~3wIHjX9DT0yCNfQmr9oxmYrDZoQVLOdNg~yk0,").is_empty(), "too long");
        assert!(found("abcQ~kT4mZ9vLq2Wn7Rx5Pd1Hs6Fg0Jc3Ye8UbN").is_empty(), "no digit before the marker");
        for t in ["Q~", "1Q~", "é23Q~", "abc1Q~é"] {
            assert!(found(t).is_empty());
        }
    }
}
