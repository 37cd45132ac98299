//! Formats recognised by a marker inside the value rather than a prefix, found wherever the marker
//! occurs, with or without a name near them: Microsoft Entra ID client secrets,
//! `<3 characters><digit>Q~<31 to 34 characters>` (37 to 40 in all, letters, digits and `_~.-`),
//! HCP Terraform tokens, `<14 letters and digits>.atlasv1.<60 to 70 characters>`, and Telegram bot
//! tokens standing alone, `<bot id, 8-10 digits>:AA<33 characters>`, and the secret of an Azure App
//! Configuration connection string, `Endpoint=https://<store>.azconfig.io;Id=<id>;Secret=<base64>`,
//! and Mailchimp API keys standing alone, `<32 hex>-us<data centre>`.

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
    } else if b.get(at..at + 3) == Some(b":AA".as_slice()) {
        telegram_token(text, at, p, r)
    } else if b.get(at..at + AZCONFIG.len()) == Some(AZCONFIG) {
        azconfig_secret(text, at, p, r)
    } else if b.get(at..at + 3) == Some(b"-us".as_slice()) {
        mailchimp_key(text, at, p, r)
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

fn token_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'_' | b'-')
}

/// The Telegram bot token whose `:AA` is at `colon`: the bot id's digits before it, 35 base64url
/// characters after the colon, and no token characters on either side.
fn telegram_token<'t>(text: &'t str, colon: usize, p: &'static Provider, r: &'static KeyRule) -> Option<Hit<'t>> {
    let b = text.as_bytes();
    let mut start = colon;
    while start > 0 && colon - start < 11 && b[start - 1].is_ascii_digit() {
        start -= 1;
    }
    if start > 0 && token_byte(b[start - 1]) {
        return None;
    }
    let end = colon + 1 + 35;
    if b.len() < end || b.get(end).is_some_and(|c| token_byte(*c)) {
        return None;
    }
    let value = text.get(start..end)?;
    let secret = &value[colon + 1 - start..];
    if !crate::providers::validators::telegram_bot(value) || !plausible(secret) || entropy(secret) < 3.5 {
        return None;
    }
    Some(Hit { start, end, rule: r, provider: p, value: Cow::Borrowed(value), env: None, how: How::Plain })
}

const AZCONFIG: &[u8] = b".azconfig.io;Id=";

/// The secret of the App Configuration connection string whose `.azconfig.io;Id=` is at `at`:
/// the base64 of 32 bytes after `;Secret=`, a little further in the same string.
fn azconfig_secret<'t>(text: &'t str, at: usize, p: &'static Provider, r: &'static KeyRule) -> Option<Hit<'t>> {
    let b = text.as_bytes();
    let from = at + AZCONFIG.len();
    let limit = (from + 120).min(b.len());
    let mut i = from;
    while i < limit && b[i].is_ascii_graphic() && !b"\"'`;".contains(&b[i]) {
        i += 1;
    }
    let start = i + b";Secret=".len();
    if b.get(i..start) != Some(b";Secret=".as_slice()) {
        return None;
    }
    let mut end = start;
    while end < b.len() && end - start <= 44 && (b[end].is_ascii_alphanumeric() || matches!(b[end], b'+' | b'/' | b'=')) {
        end += 1;
    }
    let value = text.get(start..end)?;
    if !r.shape_ok(value) || !plausible(value) {
        return None;
    }
    Some(Hit { start, end, rule: r, provider: p, value: Cow::Borrowed(value), env: None, how: How::Plain })
}

/// The Mailchimp key whose `-us` is at `dash`: 32 lowercase hex characters before it, the data
/// centre's digits after it, and no token characters on either side.
fn mailchimp_key<'t>(text: &'t str, dash: usize, p: &'static Provider, r: &'static KeyRule) -> Option<Hit<'t>> {
    let b = text.as_bytes();
    let start = dash.checked_sub(32)?;
    if start > 0 && token_byte(b[start - 1]) {
        return None;
    }
    let mut end = dash + 3;
    while end < b.len() && end - dash < 6 && b[end].is_ascii_digit() {
        end += 1;
    }
    if b.get(end).is_some_and(|c| token_byte(*c)) {
        return None;
    }
    let value = text.get(start..end)?;
    if !crate::providers::validators::mailchimp_dc(value) || !plausible(&value[..32]) {
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

    fn telegram(t: &str) -> Vec<String> {
        around(t, ":AA")
    }

    #[test]
    fn telegram_tokens_standing_alone() {
        let v = "5820394712:AAGk3Tq9ZpV8tRw2LmN5bXc7YdH1sJf4Gk6";
        assert_eq!(telegram(v), vec![v]);
        assert_eq!(telegram(&format!("bot = new Bot('{v}');")), vec![v]);
        assert!(telegram(&format!("x{v}")).is_empty(), "inside a longer token");
        assert!(telegram(&format!("{v}Q")).is_empty(), "longer secret part");
        assert!(telegram("123:AAGk3Tq9ZpV8tRw2LmN5bXc7YdH1sJf4Gk6").is_empty(), "bot id too short");
        assert!(telegram("5820394712:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA").is_empty(), "placeholder");
        for t in [":AA", "1:AA", "é12345678:AAé", "12345678:AA"] {
            assert!(telegram(t).is_empty());
        }
    }

    fn azconfig(t: &str) -> Vec<String> {
        around(t, ".azconfig.io;Id=")
    }

    #[test]
    fn app_configuration_secrets() {
        let secret = "Kq3ZpV8tRw2LmN5bXc7YdH1sJf4Gk6Tn9Qa0We2Rt5Y=";
        let cs = format!("Endpoint=https://shop-prod.azconfig.io;Id=Xk2p-l0-s0:q9Vr4Tz1Lm8Nb3Wc6Yd0;Secret={secret}");
        assert_eq!(azconfig(&format!("\"{cs}\"")), vec![secret]);
        assert_eq!(azconfig(&format!("{cs};")), vec![secret]);
        assert!(azconfig("Endpoint=https://a.azconfig.io;Id=x;Secret=${APPCONFIG_SECRET}").is_empty(), "template");
        assert!(azconfig(&format!("Endpoint=https://a.azconfig.io;Id=x;Secret={}", &secret[..20])).is_empty(), "too short");
        assert!(azconfig("https://a.azconfig.io;Id=x\";Secret=Kq3ZpV8tRw2LmN5bXc7YdH1sJf4Gk6Tn9Qa0We2Rt5Y=").is_empty(), "another string");
        for t in [".azconfig.io;Id=", ".azconfig.io;Id=é;Secret=é", ".azconfig.io;Id=;Secret="] {
            assert!(azconfig(t).is_empty());
        }
    }

    fn mailchimp(t: &str) -> Vec<String> {
        around(t, "-us")
    }

    #[test]
    fn mailchimp_keys_standing_alone() {
        let v = "8f3c2a9e71d04b5c96e2a1f7d3b8c0e4-us21";
        assert_eq!(mailchimp(v), vec![v]);
        assert_eq!(mailchimp(&format!("apiKey: '{v}',")), vec![v]);
        assert!(mailchimp(&format!("x{v}")).is_empty(), "inside a longer token");
        assert!(mailchimp(&format!("{v}x")).is_empty(), "longer suffix");
        assert!(mailchimp("8F3C2A9E71D04B5C96E2A1F7D3B8C0E4-us21").is_empty(), "upper-case hex");
        assert!(mailchimp("8f3c2a9e71d04b5c96e2a1f7d3b8c0e4-us").is_empty(), "no data centre");
        assert!(mailchimp("00000000000000000000000000000000-us1").is_empty(), "placeholder");
        for t in ["-us", "a-us1", "en-US", "é-us1é", "lang=en-us"] {
            assert!(mailchimp(t).is_empty());
        }
    }
}
