//! Names: does a field (header, cookie, query parameter, form or JSON field) of this name hold a
//! credential, and is it a server-side secret.

/// Field names (lowercase, without `-`, `_`, `.` and spaces) that hold a credential whatever
/// their value looks like.
const CREDENTIAL_NAMES: &[&str] = &[
    "authorization", "proxyauthorization", "cookie", "setcookie", "sid", "pin", "otp", "pass", "pwd", "key", "sig",
    "jwt", "auth", "session", "sess", "assertion", "samlrequest", "samlresponse", "ticket", "jsessionid", "phpsessid",
    "aspnetsessionid", "connectsid", "csrf", "xsrf", "csrftoken", "authenticitytoken", "nonce", "hash", "hmac",
];

/// Parts of field names that say the field holds a credential.
const CREDENTIAL_PARTS: &[&str] = &[
    "token", "session", "secret", "password", "passcode", "passwd", "passphrase", "apikey", "accesskey", "privatekey", "serverkey", "secretkey",
    "sessionid", "sessid", "sessionkey", "credential", "signature", "authcode", "devicecode", "usercode", "codeverifier",
    "subscriptionkey", "masterkey", "signingkey", "encryptionkey", "webhookkey", "licensekey", "authkey",
];

/// Names that contain a credential word but hold no credential.
const NOT_CREDENTIAL_NAMES: &[&str] = &["tokentype", "tokenendpoint", "tokenurl", "passwordpolicy", "keyid", "kid"];

/// Normalise a field name for [`credential_name`]: lowercase ASCII without `-`, `_`, `.` and spaces.
pub fn normalise_name(name: &str) -> String {
    name.chars().filter(|c| !matches!(c, '-' | '_' | '.' | ' ' | '$' | '[' | ']')).map(|c| c.to_ascii_lowercase()).collect()
}

/// True when a field (header, cookie, query parameter, form or JSON field) of this name holds a
/// credential, whatever its value looks like: `Authorization`, `refresh_token`, `client_secret`,
/// `password`, `PHPSESSID`, `x-api-key`, `device_code`, … A name ending in `expires`, `_at`,
/// `type`, `url` or `uri` describes a credential without being one. OAuth's `code` is a credential only beside the other
/// parameters of a code exchange: [`code_is_credential`].
pub fn credential_name(name: &str) -> bool {
    let n = normalise_name(name);
    if n.is_empty() || n.len() > 64 || NOT_CREDENTIAL_NAMES.contains(&n.as_str()) {
        return false;
    }
    if ["expires", "expiresin", "expiry", "at", "type", "url", "uri", "endpoint", "length", "count", "policy", "hint", "name", "label", "id"]
        .iter()
        .any(|s| n.ends_with(s) && n != *s && !n.ends_with("sessionid") && !n.ends_with("sessid") && !n.ends_with("sid"))
    {
        return false;
    }
    CREDENTIAL_NAMES.contains(&n.as_str())
        || CREDENTIAL_PARTS.iter().any(|p| n.contains(p))
        || (n.ends_with("key") && !n.ends_with("publickey") && n.len() <= 32)
        || n.ends_with("sessionid")
        || n.ends_with("sid") && n.len() <= 16
}

/// OAuth's authorization `code` (and a device flow's `user_code`) is a credential when the
/// parameters around it are those of a code exchange or an authorization response; elsewhere
/// `code` is usually an error code (`{"code": "invalid_token"}`). `siblings` are the names beside it.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn code_is_credential<'a>(siblings: impl IntoIterator<Item = &'a str>) -> bool {
    siblings.into_iter().any(|s| {
        let n = normalise_name(s);
        matches!(n.as_str(), "granttype" | "redirecturi" | "state" | "codeverifier" | "clientid" | "sessionstate" | "iss")
    })
}

/// Field names (normalised by [`normalise_name`]) that say their value is a secret.
/// A private key's `passphrase` unlocks it: a secret wherever the key is.
const SECRET_SUFFIXES: &[&str] = &["secret", "secretkey", "serverkey", "privatekey", "secretaccesskey", "secrettoken", "passphrase"];

/// Names that end like a secret but hold per-user or public values. OAuth 1.0a's
/// `oauth_token_secret` is issued per user at run time; other `…TOKEN_SECRET`s (`MUX_TOKEN_SECRET`,
/// a developer's own `TWITTER_ACCESS_TOKEN_SECRET`) are secrets.
const NOT_SECRET_NAMES: &[&str] = &["csrf", "xsrf", "nonce", "oauthtokensecret", "secretname", "placeholder", "label", "hint"];

/// True when a field with this name is expected to hold a server-side secret (`client_secret`,
/// `APP_SECRET`, `serverKey`, `private_key`): the secret scanner reports its value.
pub fn secret_name(name: &str) -> bool {
    let n = normalise_name(name);
    SECRET_SUFFIXES.iter().any(|s| n.ends_with(s)) && !NOT_SECRET_NAMES.iter().any(|x| n.contains(x))
}

/// Query parameters that carry credentials.
pub const CREDENTIAL_PARAMS: &[&str] = &[
    "access_token", "token", "api_key", "apikey", "api-key", "key", "client_secret", "secret", "auth",
    "jwt", "id_token", "server_key", "secret_key", "private_key", "password", "sig", "signature",
    "x-amz-signature", "x-amz-credential", "x-amz-security-token", "refresh_token", "client_assertion", "hapikey",
    // The apilayer family's `access_key`, GitLab's `private_token`, Azure API Management's
    // `subscription-key`, and the spellings of the names above that APIs document.
    "access_key", "accesskey", "accesstoken", "access-token", "auth_token", "authtoken", "private_token", "api_token",
    "apitoken", "subscription-key",
];

/// True when a query parameter of this name carries a credential ([`CREDENTIAL_PARAMS`]).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn credential_param(name: &str) -> bool {
    CREDENTIAL_PARAMS.iter().any(|c| name.eq_ignore_ascii_case(c))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn credential_names() {
        for n in ["Authorization", "refresh_token", "access_token", "id_token", "client_secret", "password", "PHPSESSID", "JSESSIONID", "sid", "connect.sid", "x-api-key", "device_code", "user_code", "apiKey", "serverKey", "Ocp-Apim-Subscription-Key", "X-Shopify-Access-Token", "PRIVATE-TOKEN", "sessionId", "csrfToken", "Set-Cookie"] {
            assert!(credential_name(n), "{n}");
        }
        for n in ["token_type", "expires_in", "tokenExpiresAt", "name", "page", "status", "message", "error", "code", "redirect_uri", "keyId", "publicKey", "monkeys", "author"] {
            assert!(!credential_name(n), "{n}");
        }
        assert!(code_is_credential(["state", "scope"]));
        assert!(code_is_credential(["grant_type", "redirect_uri"]));
        assert!(!code_is_credential(["message", "status"]));
    }

    #[test]
    fn secret_names() {
        for n in ["client_secret", "APP_SECRET", "serverKey", "private_key", "aws.secret-access-key", "webhookSecretToken", "MUX_TOKEN_SECRET", "accessTokenSecret"] {
            assert!(secret_name(n), "{n}");
        }
        // Per-user or public values, and names that only describe a secret.
        for n in ["csrf_secret", "oauth_token_secret", "secretName", "secret_placeholder", "password", "api_key", "secret_label"] {
            assert!(!secret_name(n), "{n}");
        }
        assert!(credential_param("Access_Token") && credential_param("x-amz-signature") && !credential_param("page"));
    }
}
