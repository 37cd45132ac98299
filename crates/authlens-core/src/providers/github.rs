//! GitHub: `Authorization: Bearer <token>` to `api.github.com`. Since 2021 tokens carry a prefix
//! naming their type and end with a checksum: the last 6 characters are the CRC32 of the 30
//! random characters before them, in base62. Checking it tells a real token from a look-alike.

use super::{BodyRule, Facts, Charset, HostRule, KeyKind, KeyRule, Provider, QueryNote};

/// CRC-32 (IEEE 802.3, the one zlib uses), bit by bit: tokens are short.
pub fn crc32(data: &[u8]) -> u32 {
    let mut crc = !0u32;
    for &b in data {
        crc ^= u32::from(b);
        for _ in 0..8 {
            crc = if crc & 1 == 1 { (crc >> 1) ^ 0xEDB8_8320 } else { crc >> 1 };
        }
    }
    !crc
}

/// Base62 digit value, alphabet `0-9A-Za-z`.
fn base62_digit(c: u8) -> Option<u64> {
    match c {
        b'0'..=b'9' => Some(u64::from(c - b'0')),
        b'A'..=b'Z' => Some(u64::from(c - b'A') + 10),
        b'a'..=b'z' => Some(u64::from(c - b'a') + 36),
        _ => None,
    }
}

/// Encode a checksum as GitHub does: base62, left-padded with `0` to 6 characters.
pub fn base62_checksum(mut n: u32) -> String {
    const ALPHABET: &[u8] = b"0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    let mut out = [b'0'; 6];
    for slot in out.iter_mut().rev() {
        *slot = ALPHABET[(n % 62) as usize];
        n /= 62;
    }
    out.iter().map(|&c| c as char).collect()
}

/// `gh?_` + 30 random characters + 6 checksum characters.
fn checksum_ok(value: &str) -> bool {
    let Some(body) = value.get(4..) else { return false };
    if body.len() != 36 || !body.is_ascii() {
        return false;
    }
    let (random, check) = body.split_at(30);
    let mut n: u64 = 0;
    for &c in check.as_bytes() {
        let Some(d) = base62_digit(c) else { return false };
        n = n * 62 + d;
    }
    n == u64::from(crc32(random.as_bytes()))
}

/// Fine-grained tokens: `github_pat_` + 22 characters + `_` + 59 characters.
fn fine_grained_shape(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("github_pat_") else { return false };
    rest.len() == 82 && rest.as_bytes().get(22) == Some(&b'_') && rest.bytes().filter(|c| *c == b'_').count() == 1
}

/// `ghs_<app id>_<JWT>`: the installation-token format GitHub announced in 2026, a signed JWT
/// after the app's numeric id.
fn installation_jwt_shape(value: &str) -> bool {
    let Some(rest) = value.strip_prefix("ghs_") else { return false };
    let Some((app, jwt)) = rest.split_once('_') else { return false };
    let parts: Vec<&str> = jwt.split('.').collect();
    !app.is_empty() && app.bytes().all(|c| c.is_ascii_digit()) && parts.len() == 3 && parts[0].starts_with("eyJ") && parts[1].starts_with("eyJ") && parts[2].len() >= 16
}

/// GitHub.
pub static PROVIDER: Provider = Provider {
    id: "github",
    name: "GitHub",
    hosts: &[HostRule { domain: "github.com", env: None }, HostRule { domain: "githubusercontent.com", env: None }],
    keys: &[
        KeyRule {
            id: "github_personal_access_token",
            title: "GitHub personal access token (classic)",
            prefix: "ghp_",
            charset: Charset::Alnum,
            len: (36, 36),
            kind: KeyKind::Secret,
            env_var: "GITHUB_TOKEN",
            validate: Some(checksum_ok),
            #[cfg(feature = "docs")]
            recognition: "CRC32 checksum verified",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "github_fine_grained_token",
            title: "GitHub fine-grained personal access token",
            prefix: "github_pat_",
            charset: Charset::AlnumDashUnderscore,
            len: (82, 82),
            kind: KeyKind::Secret,
            env_var: "GITHUB_TOKEN",
            validate: Some(fine_grained_shape),
            #[cfg(feature = "docs")]
            recognition: "CRC32 checksum verified",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "github_app_installation_token",
            title: "GitHub App installation (server-to-server) token",
            prefix: "ghs_",
            charset: Charset::Alnum,
            len: (36, 36),
            kind: KeyKind::Secret,
            env_var: "GITHUB_TOKEN",
            validate: Some(checksum_ok),
            #[cfg(feature = "docs")]
            recognition: "CRC32 checksum verified",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "github_app_installation_token_jwt",
            title: "GitHub App installation token (JWT format)",
            prefix: "ghs_",
            charset: Charset::Base64UrlDot,
            len: (60, 4096),
            kind: KeyKind::Secret,
            env_var: "GITHUB_TOKEN",
            validate: Some(installation_jwt_shape),
            #[cfg(feature = "docs")]
            recognition: "CRC32 checksum verified",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            // A user's own OAuth token: a page acting for its signed-in user may hold one.
            id: "github_oauth_token",
            title: "GitHub OAuth access token (a user's own)",
            prefix: "gho_",
            charset: Charset::Alnum,
            len: (36, 36),
            kind: KeyKind::Token,
            env_var: "GITHUB_TOKEN",
            validate: Some(checksum_ok),
            #[cfg(feature = "docs")]
            recognition: "CRC32 checksum verified",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "github_user_to_server_token",
            title: "GitHub App user-to-server token (a user's own)",
            prefix: "ghu_",
            charset: Charset::Alnum,
            len: (36, 36),
            kind: KeyKind::Token,
            env_var: "GITHUB_TOKEN",
            validate: Some(checksum_ok),
            #[cfg(feature = "docs")]
            recognition: "CRC32 checksum verified",
            ..KeyRule::DEFAULT
        },
        KeyRule {
            id: "github_refresh_token",
            title: "GitHub App refresh token",
            prefix: "ghr_",
            charset: Charset::Alnum,
            len: (36, 80),
            kind: KeyKind::Token,
            env_var: "GITHUB_REFRESH_TOKEN",
            ..KeyRule::DEFAULT
        },
    ],
    auth: "Authorization: Bearer <token> (`token <token>` also works) to api.github.com",
    bodies: &[
        BodyRule {
            contains: "\"message\":\"Bad credentials\"",
            meaning: "GitHub does not accept this token: mistyped, expired or revoked",
        },
        BodyRule { contains: "\"message\":\"Requires authentication\"", meaning: "GitHub saw no token on an endpoint that needs one" },
        BodyRule {
            contains: "Resource not accessible by integration",
            meaning: "GitHub's 403: the token is valid but the app or GITHUB_TOKEN lacks this permission",
        },
        BodyRule {
            contains: "The API can't be accessed using username/password authentication",
            meaning: "GitHub no longer accepts a username and password: send a token",
        },
    ],
    docs: "https://docs.github.com/en/rest/authentication/authenticating-to-the-rest-api",
    empty_401_body: false,
    facts: &Facts {
        schemes: &["bearer", "token", "basic"],
        refuses_passwords: "username/password authentication",
        scope_fix: "grant the token {need}: fine-grained token permissions, or the `permissions:` block of the workflow for GITHUB_TOKEN",
        retired_query_keys: &[QueryNote { name: "access_token", note: "GitHub removed the `access_token` query parameter in 2021" }],
        sso_fix: "authorise the token for the organisation's SSO: GitHub → Settings → Developer settings → Personal access tokens → Configure SSO → Authorize",
        ..Facts::NONE
    },
};

#[cfg(test)]
mod tests {
    use super::*;

    /// A token built the way GitHub builds them, from deterministic filler.
    fn token(prefix: &str, seed: u32) -> String {
        let random: String = (0..30u32).map(|i| b"abcdefghijkLMNOPQRSTUV0123456789"[((i * 7 + seed) % 32) as usize] as char).collect();
        format!("{prefix}{random}{}", base62_checksum(crc32(random.as_bytes())))
    }

    #[test]
    fn crc32_reference_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
    }

    #[test]
    fn checksum_separates_real_from_look_alike() {
        let t = token("ghp_", 3);
        assert!(PROVIDER.keys[0].matches(&t), "{t}");
        let mut bad = t.clone();
        bad.pop();
        bad.push(if t.ends_with('A') { 'B' } else { 'A' });
        assert!(!PROVIDER.keys[0].matches(&bad));
        assert!(!PROVIDER.keys[0].matches("ghp_é23456789012345678901234567890123456"));
    }

    #[test]
    fn installation_tokens_of_the_jwt_format() {
        let jwt = "eyJhbGciOiJSUzI1NiJ9.eyJpc3MiOiIxMjM0NSJ9.c2lnbmF0dXJlLWJ5dGVzLWhlcmU";
        assert!(installation_jwt_shape(&format!("ghs_12345_{jwt}")));
        assert!(!installation_jwt_shape(&format!("ghs_app_{jwt}")));
        assert!(!installation_jwt_shape("ghs_12345_notajwt"));
    }
}
