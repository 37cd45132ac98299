//! Fake credentials for tests: for every rule, a value it recognises, built at run time from the
//! rule's prefix and deterministic filler. Nothing secret-shaped is committed to the repository;
//! tests and the corpus build what they need from here. Compiled only for tests and with the
//! `samples` feature.

use base64::Engine as _;

use crate::providers::{self, validators, Charset, Find, KeyRule};

/// A small deterministic generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Filler(u64);

impl Filler {
    /// A generator for this seed.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn new(seed: u64) -> Filler {
        Filler(seed ^ 0x9E37_79B9_7F4A_7C15)
    }

    /// Next 64 random bits.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// `n` characters drawn from `alphabet`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn chars(&mut self, alphabet: &[u8], n: usize) -> String {
        (0..n).map(|_| alphabet[(self.next_u64() % alphabet.len() as u64) as usize] as char).collect()
    }
}

const LOWER: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
const DIGITS: &[u8] = b"0123456789";
const ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
const LOWER_ALNUM: &[u8] = b"abcdefghijklmnopqrstuvwxyz0123456789";
const UPPER_ALNUM: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
const HEX: &[u8] = b"0123456789abcdef";
const BASE32: &[u8] = b"abcdefghijklmnopqrstuvwxyz234567";
const B64: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const B64URL: &[u8] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn alphabet(c: Charset) -> &'static [u8] {
    match c {
        Charset::Alnum | Charset::AlnumDashUnderscore | Charset::Any | Charset::Base64UrlDot | Charset::Graphic => ALNUM,
        Charset::Base32Lower => BASE32,
        Charset::Uuid | Charset::HexLower => HEX,
        Charset::Base64 => B64,
        Charset::UpperAlnum => UPPER_ALNUM,
        Charset::LowerAlnum => LOWER_ALNUM,
        Charset::Hex => HEX,
        Charset::Digits => DIGITS,
    }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn uuid(f: &mut Filler) -> String {
    format!("{}-{}-{}-{}-{}", f.chars(HEX, 8), f.chars(HEX, 4), f.chars(HEX, 4), f.chars(HEX, 4), f.chars(HEX, 12))
}

/// A JWT with these claims and a random signature (never valid anywhere).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn jwt(f: &mut Filler, claims: &str) -> String {
    let e = |s: &str| base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(s);
    format!("{}.{}.{}", e(r#"{"alg":"HS256","typ":"JWT"}"#), e(claims), f.chars(B64URL, 43))
}

/// A signed-in user's session token (a JWT with `role: authenticated`): never a finding.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn user_jwt(seed: u64) -> String {
    let mut f = Filler::new(seed);
    let sub = uuid(&mut f);
    jwt(&mut f, &format!(r#"{{"sub":"{sub}","role":"authenticated","aud":"authenticated","exp":4102444800,"iat":1767225600}}"#))
}

/// Rules of the first providers, written in Rust before the data files, whose samples were drawn
/// from their shape (prefix, charset, length). They still are, so that the corpus and the tests
/// draw the same values as before those providers became data.
const DRAWN_BY_SHAPE: &[&str] = &[
    "adyen_client_key_test", "adyen_client_key_live", "curl_credential", "firebase_web_api_key", "github_refresh_token",
    "google_api_key", "google_oauth_client_secret", "google_oauth_access_token", "google_service_account_key",
    "midtrans_server_key_sandbox", "midtrans_server_key", "midtrans_server_key_legacy_case", "midtrans_server_key_veritrans",
    "midtrans_client_key_sandbox", "midtrans_client_key", "paypal_access_token", "paystack_secret_key_test",
    "paystack_secret_key_live", "paystack_public_key_test", "paystack_public_key_live", "pem_private_key",
    "razorpay_key_id_test", "razorpay_key_id_live", "square_access_token", "square_access_token_legacy",
    "square_access_token_legacy_sandbox", "square_application_secret", "square_application_secret_sandbox",
    "square_application_id", "square_application_id_sandbox", "stripe_secret_key_test", "stripe_secret_key_live",
    "stripe_restricted_key_test", "stripe_restricted_key_live", "stripe_webhook_secret", "stripe_publishable_key_test",
    "stripe_publishable_key_live", "supabase_secret_key", "supabase_publishable_key", "supabase_access_token",
];

/// The prefix and filler of the rule's charset, as long as its length allows (24 at most).
fn by_shape(rule: &KeyRule, f: &mut Filler) -> String {
    let (min, max) = rule.len();
    let n = min.max(24).min(max);
    format!("{}{}", rule.prefix, f.chars(alphabet(rule.charset), n))
}

/// A value drawn by a generator of its own for this rule; `None` when the rule has none (its
/// own examples, or its shape, give its samples).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn raw(rule: &KeyRule, f: &mut Filler) -> Option<String> {
    let p = rule.prefix;
    Some(match rule.id {
        "checkout_secret_key_sandbox" | "checkout_secret_key" | "checkout_public_key_sandbox" | "checkout_public_key" => {
            format!("{p}{}", f.chars(BASE32, 27))
        }
        "checkout_secret_key_previous_sandbox" | "checkout_secret_key_previous" | "checkout_public_key_previous_sandbox" => {
            format!("{p}{}", uuid(f))
        }
        "supabase_service_role_key" | "supabase_anon_key" => {
            let role = if rule.id == "supabase_anon_key" { "anon" } else { "service_role" };
            let r = f.chars(LOWER, 20);
            jwt(f, &format!(r#"{{"iss":"supabase","ref":"{r}","role":"{role}","iat":1767225600,"exp":2082758400}}"#))
        }
        "openai_api_key" => format!("{p}{}T3BlbkFJ{}", f.chars(ALNUM, 20), f.chars(ALNUM, 20)),
        "openai_project_key" | "openai_service_account_key" | "openai_admin_key" | "openai_user_key" => {
            format!("{p}{}T3BlbkFJ{}", f.chars(ALNUM, 74), f.chars(ALNUM, 74))
        }
        "slack_config_access_token" | "slack_config_refresh_token" | "slack_config_bot_token" => format!("{p}{}-{}", f.chars(DIGITS, 13), f.chars(ALNUM, 140)),
        "adyen_api_key" => format!("{p}{}=-{}=-{}", f.chars(B64, 60), f.chars(B64, 43), f.chars(ALNUM, 16)),
        "braintree_access_token_production" | "braintree_access_token_sandbox" => {
            format!("{p}{}${}", f.chars(LOWER_ALNUM, 16), f.chars(HEX, 32))
        }
        "braintree_tokenization_key_sandbox" | "braintree_tokenization_key_production" => {
            format!("{p}{}_{}", f.chars(LOWER_ALNUM, 8), f.chars(LOWER_ALNUM, 16))
        }
        "sendgrid_api_key" => format!("{p}{}.{}", f.chars(B64URL, 22), f.chars(B64URL, 43)),
        "slack_bot_token" | "slack_user_token" | "slack_workspace_token" | "slack_legacy_token" | "slack_legacy_token_xoxo" | "slack_expiring_token" => {
            format!("{p}{}-{}-{}", f.chars(DIGITS, 11), f.chars(DIGITS, 12), f.chars(ALNUM, 24))
        }
        "slack_app_token" => format!("{p}1-A{}-{}-{}", f.chars(UPPER_ALNUM, 10), f.chars(DIGITS, 13), f.chars(HEX, 64)),
        "slack_webhook_url" | "slack_webhook_url_http" => format!("{p}T{}/B{}/{}", f.chars(UPPER_ALNUM, 8), f.chars(UPPER_ALNUM, 10), f.chars(ALNUM, 24)),
        "slack_workflow_webhook_url" | "slack_workflow_webhook_url_http" => {
            format!("{p}workflows/T{}/A{}/{}/{}", f.chars(UPPER_ALNUM, 8), f.chars(UPPER_ALNUM, 10), f.chars(DIGITS, 18), f.chars(ALNUM, 24))
        }
        "stripe_payment_intent_client_secret" | "stripe_setup_intent_client_secret" => {
            format!("{p}{}_secret_{}", f.chars(ALNUM, 24), f.chars(ALNUM, 25))
        }
        "github_fine_grained_token" => format!("{p}{}_{}", f.chars(ALNUM, 22), f.chars(ALNUM, 59)),
        "github_app_installation_token_jwt" => {
            let app = f.chars(DIGITS, 7);
            format!("{p}{app}_{}", jwt(f, &format!(r#"{{"iss":"{app}","iat":1767225600,"exp":1767229200}}"#)))
        }
        id if id.starts_with("github_") && rule.validate.is_some() => {
            let random = f.chars(ALNUM, 30);
            format!("{p}{random}{}", validators::base62_checksum(validators::crc32(random.as_bytes())))
        }
        "xendit_secret_key_development" | "xendit_secret_key_production" | "xendit_public_key_development" | "xendit_public_key_production" => {
            format!("{p}{}==", f.chars(B64, 70))
        }
        "basic_auth_credentials" => {
            use base64::Engine as _;
            format!("{p}{}", base64::engine::general_purpose::STANDARD.encode(format!("svc-{}:{}", f.chars(LOWER_ALNUM, 6), f.chars(ALNUM, 18))))
        }
        // Shapeless credentials: what the provider issues, roughly.
        "paypal_client_secret" => format!("E{}", f.chars(B64URL, 79)),
        "paypal_client_id" => format!("A{}", f.chars(B64URL, 79)),
        "razorpay_key_secret" => f.chars(ALNUM, 24),
        "braintree_private_key" | "twilio_auth_token" => f.chars(HEX, 32),
        "adyen_ws_password" => f.chars(ALNUM, 20),
        "aws_secret_access_key" => f.chars(B64, 40),
        "generic_secret" => f.chars(ALNUM, 32),
        "bearer_token_in_code" => f.chars(ALNUM, 40),
        "api_credential_in_code" => f.chars(ALNUM, 44),
        id if DRAWN_BY_SHAPE.contains(&id) => by_shape(rule, f),
        _ => return None,
    })
}

/// True when `v` is a sample a scanner must find (shape and plausibility both hold).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn good(rule: &KeyRule, v: &str) -> bool {
    if rule.has_shape() {
        let body = v.strip_prefix(rule.prefix).unwrap_or(v);
        return rule.matches(v) && (rule.prefix == "eyJ" || super::engine::plausible(body));
    }
    super::engine::plausible(v) && (rule.find != Find::Scanner || super::fields::secret_like(v))
}

/// Expand a data rule's example: `{alnum:N}`, `{hex:N}` (lowercase), `{HEX:N}`, `{lower:N}`,
/// `{upper:N}`, `{lalnum:N}`, `{ualnum:N}`, `{digits:N}`, `{b64:N}`, `{b64url:N}` stand for `N`
/// deterministic filler characters of that alphabet, `{uuid}` for a UUID, `{crc:N}` for `N` letters
/// and digits followed by their CRC32 in 6 base62 digits (GitHub's token checksum); the rest is
/// literal.
/// Examples are written this way so that the repository holds no secret-shaped literal.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn expand(template: &str, seed: u64) -> String {
    let mut f = Filler::new(seed);
    let mut out = String::with_capacity(template.len() + 64);
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        let spec = &after[..close];
        let (name, n) = spec.split_once(':').map_or((spec, 0), |(a, b)| (a, b.parse().unwrap_or(0)));
        let alphabet: Option<&[u8]> = match name {
            "alnum" => Some(ALNUM),
            "hex" => Some(HEX),
            "HEX" => Some(b"0123456789ABCDEF"),
            "lower" => Some(LOWER),
            "upper" => Some(b"ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
            "lalnum" => Some(LOWER_ALNUM),
            "ualnum" => Some(UPPER_ALNUM),
            "digits" => Some(DIGITS),
            "b64" => Some(B64),
            "b64url" => Some(B64URL),
            _ => None,
        };
        match (alphabet, name) {
            (Some(a), _) if n > 0 => out.push_str(&f.chars(a, n)),
            (_, "crc") if n > 0 => {
                let random = f.chars(ALNUM, n);
                out.push_str(&random);
                out.push_str(&validators::base62_checksum(validators::crc32(random.as_bytes())));
            }
            (_, "uuid") => out.push_str(&uuid(&mut f)),
            _ => {
                // Not a placeholder (`{` in code): keep it.
                out.push('{');
                rest = after;
                continue;
            }
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// A value `rule` recognises, deterministic in `seed`. For rules without a shape (Basic halves,
/// dedicated scanners) a value of the kind the provider issues; embed it with the helpers below.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn sample(rule: &KeyRule, seed: u64) -> String {
    let mut f = Filler::new(seed.wrapping_mul(31).wrapping_add(rule.id.len() as u64));
    // A generator of the rule's own first (drawn up to 64 times until the value is plausible).
    if raw(rule, &mut f.clone()).is_some() {
        for _ in 0..64 {
            let v = raw(rule, &mut f).unwrap_or_default();
            if good(rule, &v) {
                return v;
            }
        }
        return raw(rule, &mut f).unwrap_or_default();
    }
    // Else the value the scanner recognises in the rule's first positive example.
    if let Some(ex) = providers::EXAMPLES.iter().find(|e| e.rule == rule.id) {
        for s in 0..16 {
            for t in ex.positive {
                let text = expand(t, seed.wrapping_mul(97).wrapping_add(s));
                let hits = super::engine::scan(&text, &super::engine::Ctx::default());
                if let Some(h) = hits.into_iter().find(|h| h.rule.id == rule.id) {
                    return h.value.into_owned();
                }
            }
        }
    }
    // Else its shape.
    for _ in 0..64 {
        let v = by_shape(rule, &mut f);
        if good(rule, &v) {
            return v;
        }
    }
    by_shape(rule, &mut f)
}

/// The sample for a rule id (panics on an unknown id: tests only).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn sample_id(id: &str, seed: u64) -> String {
    match providers::rule_by_id(id) {
        Some((_, r)) => sample(r, seed),
        None => panic!("no rule {id}"),
    }
}

/// An AWS access key id (not a secret by itself).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn aws_key_id(seed: u64) -> String {
    let mut f = Filler::new(seed ^ 0xA5);
    format!("AKIA{}", f.chars(UPPER_ALNUM, 16))
}

/// A Twilio Account SID (not a secret by itself).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn twilio_sid(seed: u64) -> String {
    let mut f = Filler::new(seed ^ 0x7A);
    format!("AC{}", f.chars(HEX, 32))
}

/// A PEM private-key block; `json_escaped` writes newlines as `\n` (as in a JSON string).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn pem(seed: u64, json_escaped: bool) -> String {
    let mut f = Filler::new(seed ^ 0x5E);
    let nl = if json_escaped { "\\n" } else { "\n" };
    let mut s = format!("-----BEGIN PRIVATE KEY-----{nl}MIIEvQIBADANBgkqhkiG9w0BAQEFAASC");
    for _ in 0..8 {
        s.push_str(&f.chars(B64, 64));
        s.push_str(nl);
    }
    s.push_str("-----END PRIVATE KEY-----");
    s
}

/// A Google service-account file (JSON) with a PEM key.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn service_account_json(seed: u64) -> String {
    let mut f = Filler::new(seed ^ 0x60);
    let project = f.chars(LOWER, 10);
    format!(
        r#"{{"type":"service_account","project_id":"{project}","private_key_id":"{}","private_key":"{}\n","client_email":"app@{project}.iam.gserviceaccount.com"}}"#,
        f.chars(HEX, 40),
        pem(seed, true)
    )
}

/// Base64 of `user:password`, as in a Basic credential.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn basic(user: &str, password: &str) -> String {
    base64::engine::general_purpose::STANDARD.encode(format!("{user}:{password}"))
}
