//! Formats recognised by a marker inside the value rather than a prefix, found wherever the marker
//! occurs, with or without a name near them: Microsoft Entra ID client secrets,
//! `<3 characters><digit>Q~<31 to 34 characters>` (37 to 40 in all, letters, digits and `_~.-`),
//! and HCP Terraform tokens, `<14 letters and digits>.atlasv1.<60 to 70 characters>`.

use std::borrow::Cow;

use super::engine::{entropy, plausible, Hit, How};
use crate::providers::{KeyRule, Provider};

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn secret_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'~' | b'.' | b'-')
}

/// The value of rule `r` around the marker found at `at` (the provider data names the marker and
/// the rule; this module knows how each marker sits in its values).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn at_marker<'t>(text: &'t str, at: usize, p: &'static Provider, r: &'static KeyRule) -> Option<Hit<'t>> {
    let b = text.as_bytes();
    if b.get(at..at + 2) == Some(b"Q~".as_slice()) {
        entra_secret(text, at, p, r)
    } else if b.get(at..at + 9) == Some(b".atlasv1.".as_slice()) {
        atlas_token(text, at, p, r)
    } else {
        None
    }
}

/// The Entra client secret whose `Q~` marker is at `q`, if the text holds one there.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn entra_secret<'t>(text: &'t str, q: usize, p: &'static Provider, r: &'static KeyRule) -> Option<Hit<'t>> {
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
    Some(Hit { start, end, rule: r, provider: p, value: Cow::Borrowed(value), env: None, how: How::Plain })
}

/// The HCP Terraform token whose `.atlasv1.` marker is at `dot`, if the text holds one there.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn atlas_token<'t>(text: &'t str, dot: usize, p: &'static Provider, r: &'static KeyRule) -> Option<Hit<'t>> {
    let b = text.as_bytes();
    let start = dot.checked_sub(14)?;
    if b.get(dot..dot + 9) != Some(b".atlasv1.".as_slice()) || !b[start..dot].iter().all(u8::is_ascii_alphanumeric) {
        return None;
    }
    if start > 0 && (b[start - 1].is_ascii_alphanumeric() || b[start - 1] == b'_') {
        return None;
    }
    let mut end = dot + 9;
    while end < b.len() && end - dot <= 9 + 72 && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'-' | b'_' | b'=')) {
        end += 1;
    }
    let value = text.get(start..end)?;
    if !crate::providers::validators::atlasv1(value) || !plausible(&value[dot + 9 - start..]) {
        return None;
    }
    Some(Hit { start, end, rule: r, provider: p, value: Cow::Borrowed(value), env: None, how: How::Plain })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every value around `marker` in `t`, with the rule the provider data names for the marker.
    fn around(t: &str, marker: &str) -> Vec<String> {
        let (p, r) = crate::providers::ALL
            .iter()
            .find_map(|p| p.facts.markers.iter().find(|m| m.text == marker).and_then(|m| p.keys.iter().find(|r| r.id == m.rule)).map(|r| (*p, r)))
            .expect("a provider names this marker");
        t.match_indices(marker).filter_map(|(i, _)| at_marker(t, i, p, r)).map(|h| h.value.into_owned()).collect()
    }

    fn found(t: &str) -> Vec<String> {
        around(t, "Q~")
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

    fn atlas(t: &str) -> Vec<String> {
        around(t, ".atlasv1.")
    }

    #[test]
    fn terraform_tokens_by_their_marker() {
        let tail = "Kq3ZpV8tRw2LmN5bXc7YdH1sJf4Gk6Tn9Qa0We2Rt5Yu8Io1Pz3Xc6Vb9Nm2Lk4Jh7Gf0Ds";
        let v = format!("hE1hlYILrSqpqh.atlasv1.{}", &tail[..67]);
        assert_eq!(atlas(&format!("#token = \"{v}\"")), vec![v.clone()]);
        assert!(atlas(&format!("x{v}")).is_empty(), "inside a longer token");
        assert!(atlas(&format!("hE1hlYILrSqpqh.atlasv1.{}", &tail[..20])).is_empty(), "too short");
        for t in [".atlasv1.", "abc.atlasv1.", "é.atlasv1.é"] {
            assert!(atlas(t).is_empty());
        }
    }
}
