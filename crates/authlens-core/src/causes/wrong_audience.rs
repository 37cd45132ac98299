use super::{declare_cause, Ctx, Hit};
use crate::exchange::{Credential, Exchange};
use crate::parse::jwt::Jwt;
use crate::parse::url::Url;
use crate::redact::clip;
use crate::signals::session;

declare_cause! {
    /// ## What it means
    /// The request carried a genuine, unexpired JWT that was issued for someone else: its `aud`
    /// (audience) names another API, or its `iss` (issuer) is another tenant, project or
    /// environment. The API must reject a token whose audience does not include it (RFC 7519
    /// §4.1.3). An ID token sent to an API is `wrong_token_type` first (its audience is the
    /// app's client id); this cause follows it.
    ///
    /// ## Why it happens
    /// - The SPA asked for a token without the API's `audience` (Auth0) or resource, and sent a
    ///   token for `/userinfo` instead.
    /// - Several APIs share one login, and the token of one is sent to the other.
    /// - The app signs in against the dev tenant or another project while the API trusts the
    ///   production one (Auth0 tenants, Supabase projects, Firebase projects).
    ///
    /// ## How to fix
    /// 1. Request the access token for this API: pass its identifier as `audience`/`resource`
    ///    (or the scope prefix the identity provider uses), and send the access token, not the
    ///    ID token.
    /// 2. Make the app and the API use the same tenant or project per environment.
    /// 3. Align the API's expected audience and issuer with what the identity provider issues.
    ///
    /// ## Example
    /// `Authorization: Bearer eyJ…` whose payload has `aud` = `https://billing.example.com` →
    /// `401 jwt audience invalid. expected: https://api.example.com`. Fixed: request the token
    /// with `audience: "https://api.example.com"`.
    ///
    /// ## Known limits
    /// authlens does not know which audience an API expects; without the server's message it
    /// relies on the session (another token accepted by the same host) and on token shape.
    ///
    /// ## References
    /// RFC 7519 §4.1.1 and §4.1.3; OpenID Connect Core §2 (ID token).
    pub static CAUSE = {
        id: "wrong_audience",
        category: Token,
        since: "0.1.0",
        title: "the token was issued for another API, tenant or environment",
        check: check,
    };
}

const SAYS_AUDIENCE: &[&str] = &["audience invalid", "invalid audience", "unexpected \"aud\"", "aud claim", "audience mismatch", "wrong audience", "audience is invalid", "invalid_audience"];
const ENV_MARKS: &[&str] = &["dev", "development", "staging", "stage", "test", "sandbox", "qa", "uat", "preview"];

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn describe(j: &Jwt) -> String {
    let mut parts = Vec::new();
    if !j.aud.is_empty() {
        parts.push(format!("aud {}", j.aud.iter().take(4).map(|a| format!("`{}`", clip(a, 96))).collect::<Vec<_>>().join(", ")));
    }
    if let Some(i) = &j.iss {
        parts.push(format!("iss `{}`", clip(i, 96)));
    }
    if parts.is_empty() {
        "no aud or iss".into()
    } else {
        parts.join(", ")
    }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn check(ctx: &Ctx) -> Option<Hit> {
    let ex = ctx.ex;
    if let Some(hit) = encrypted_token(ex) {
        return Some(hit);
    }
    let now = session::at(ex);
    let Some(c) = ex.credentials.iter().find(|c| c.jwt.as_ref().is_some_and(|j| j.exp.is_none_or(|e| now.is_none_or(|n| e > n)))) else {
        return opaque_audience(ex);
    };
    let j = c.jwt.as_ref()?;
    let mut evidence = vec![format!("the token at {} has {}", c.location.describe(), describe(j))];
    let says = ex.says(crate::exchange::server_says::Says::Audience)
        || ex.resp_body_mentions(SAYS_AUDIENCE)
        || ex.challenges.iter().any(|ch| ch.param("error_description").is_some_and(|d| crate::exchange::mentions(d, SAYS_AUDIENCE)));
    let mut confidence: f64 = 0.0;
    let mut fix_for: Option<&str> = None;
    if says {
        evidence.push(match expected(ex) {
            Some(e) => format!("the server says the audience or issuer is wrong and expects `{e}`"),
            None => "the server says the token's audience or issuer is wrong".into(),
        });
        confidence = 0.95;
    }
    if j.looks_like_id_token {
        evidence.push("it is an ID token (it has `nonce`/`at_hash`), made for the app that signed the user in, not for an API".into());
        // The audience is the symptom: the cause is the token's type (wrong_token_type leads).
        confidence = confidence.clamp(0.85, 0.9);
    }
    // A token for a provider's own API (a Microsoft Graph token) sent to another host.
    if let Some(a) = j.aud.iter().find_map(|a| crate::providers::audience(a)).filter(|a| !ex.host.strip_suffix(a.host).is_some_and(|r| r.is_empty() || r.ends_with('.'))) {
        evidence.push(format!("that audience is {}: such tokens are for {} alone (they do not verify anywhere else), not for {}", a.name, a.host, clip(&ex.host, 96)));
        fix_for = Some(a.name);
        confidence = confidence.max(0.95);
    }
    if let Some(why) = other_project(ex, j) {
        evidence.push(why);
        confidence = confidence.max(0.9);
    }
    if let Some(why) = accepted_other(ex, c, ctx.before) {
        evidence.push(why);
        confidence = confidence.max(0.88);
    }
    if confidence == 0.0 {
        if let Some(why) = environment_marks(ex, j).or_else(|| foreign_audience(ex, j)) {
            evidence.push(why);
            confidence = 0.62;
        }
    }
    if confidence == 0.0 {
        return None;
    }
    let mut fix = vec![];
    if let Some(api) = fix_for {
        fix.push(format!("request a token for your own API (its scope, e.g. `api://<app id>/access`, not {api}'s) and send that; keep the {api} token for {api}"));
    }
    if j.looks_like_id_token {
        fix.push("send the access token, not the ID token: request it with this API's `audience` (Auth0) or resource/scope".into());
    } else {
        fix.push(format!("request the token for the API at {} (its identifier as `audience`/`resource`), from the tenant or project this API trusts", clip(&ex.host, 96)));
    }
    fix.push("check that the API's expected audience and issuer match what the identity provider issues for this environment".into());
    Some(Hit { confidence, evidence, fix })
}

/// A JWE (five segments, a header with `enc`): Auth0 hands one out, meant for `/userinfo`, when
/// the app asks for a token without naming the API's audience.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn encrypted_token(ex: &Exchange) -> Option<Hit> {
    let c = ex.auth_credential()?;
    let raw = c.raw().trim();
    if !raw.starts_with("eyJ") || raw.split('.').count() != 5 || raw.len() > crate::limits::MAX_JWT_BYTES {
        return None;
    }
    let head = raw.split('.').next()?;
    let header = crate::parse::jwt::segment(head)?;
    let enc = header.get("enc")?.as_str()?;
    let mut evidence = vec![format!(
        "the bearer token is encrypted (JWE, `alg` {}, `enc` {}): an API cannot read it",
        clip(header.get("alg").and_then(|a| a.as_str()).unwrap_or("?"), 24),
        clip(enc, 24)
    )];
    if let Some(iss) = header.get("iss").and_then(|i| i.as_str()) {
        evidence.push(format!("its header names the issuer `{}`", clip(iss, 96)));
    }
    evidence.push("identity providers (Auth0) issue such a token, good only for /userinfo, when the app requests a token without the API's audience".into());
    // Auth0's JWE names its issuer in the header; a JWE without one is some API's own token
    // format (Intuit's access tokens are JWEs by design), so it says little.
    let named_issuer = header.get("iss").is_some();
    Some(Hit {
        confidence: if named_issuer { 0.88 } else { 0.45 },
        evidence,
        fix: vec![
            format!("request the token with this API's identifier as `audience` (Auth0: `authorizationParams.audience`), so a JWT for {} is issued", clip(&ex.host, 96)),
            "register the API with the identity provider if it has no identifier yet".into(),
        ],
    })
}

/// An opaque token (or none authlens can read) the server itself says has the wrong audience.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn opaque_audience(ex: &Exchange) -> Option<Hit> {
    use crate::exchange::server_says::Says;
    if !ex.says(Says::Audience) || ex.credentials.iter().any(|c| c.jwt.as_ref().is_some_and(|j| j.exp.is_some_and(|e| session::at(ex).is_some_and(|n| e <= n)))) {
        return None;
    }
    // A provider's API key sent as the bearer has no audience: a refusal that lists "audience is
    // incorrect" among other reasons (Azure OpenAI's) speaks of tokens, not of it.
    if ex.credentials.iter().any(|c| c.location == crate::exchange::Location::Authorization && !c.token_like()) {
        return None;
    }
    let said = ex.server_said().quote(ex, Says::Audience, 200);
    Some(Hit {
        confidence: 0.9,
        evidence: vec![format!("the server says the token's audience is wrong: \"{}\"", said)],
        fix: vec![
            format!("request the token for the API at {} (its identifier as `audience`/`resource`/scope)", clip(&ex.host, 96)),
            "check that the API's expected audience matches what the identity provider issues for this environment".into(),
        ],
    })
}

/// "expected: https://api.example.com" from jsonwebtoken-style messages.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn expected(ex: &Exchange) -> Option<String> {
    let b = ex.resp_body.as_str();
    let i = b.find("expected: ")?;
    let v: String = b[i + 10..].chars().take_while(|c| !matches!(c, '"' | ',' | '}' | '\n' | ' ')).take(128).collect();
    crate::redact::quotable(&v)
}

/// Project hosts (Supabase's `<ref>.supabase.co`): the token's project (`ref`, or the project in
/// `iss`) is not the host's project.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn other_project(ex: &Exchange, j: &Jwt) -> Option<String> {
    let p = ex.provider?;
    if p.facts.project_host_suffix.is_empty() {
        return None;
    }
    let host_ref = ex.host.strip_suffix(p.facts.project_host_suffix)?;
    let token_ref = j.project_ref.clone().or_else(|| {
        let iss = Url::parse(j.iss.as_deref()?).ok()?;
        iss.host_str()?.strip_suffix(p.facts.project_host_suffix).map(str::to_string)
    })?;
    (token_ref != host_ref).then(|| format!("the token belongs to the {} project `{}`, the request went to project `{}`", p.name, clip(&token_ref, 64), clip(host_ref, 64)))
}

/// An earlier success on the same host with a token of another audience or issuer.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn accepted_other(ex: &Exchange, c: &Credential, before: &[Exchange]) -> Option<String> {
    let j = c.jwt.as_ref()?;
    session::recent(before).iter().rev().find_map(|r| {
        if r.host != ex.host || !(200..300).contains(&r.status) {
            return None;
        }
        let o = r.credentials.iter().find(|o| o.location == c.location)?.jwt.as_ref()?;
        let differs = (!o.aud.is_empty() && o.aud != j.aud) || (o.iss.is_some() && o.iss != j.iss);
        differs.then(|| format!("entry #{} to {} succeeded with a token that has {}", r.index, clip(&ex.host, 96), describe(o)))
    })
}

/// Environment words in a host or URL (the top-level label is ignored: `.test` is no environment).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn marks(s: &str) -> Vec<&'static str> {
    let lower = s.to_ascii_lowercase();
    let text = match Url::parse(&lower) {
        Ok(u) => format!("{} {}", u.host_str().unwrap_or(""), u.path()),
        Err(_) => lower,
    };
    let mut words: Vec<&str> = Vec::new();
    for part in text.split(' ') {
        let mut labels: Vec<&str> = part.split(|c: char| !c.is_ascii_alphanumeric()).filter(|w| !w.is_empty()).collect();
        if part.contains('.') && !part.contains('/') {
            labels.pop();
        }
        words.extend(labels);
    }
    ENV_MARKS.iter().copied().filter(|m| words.iter().any(|w| w == m)).collect()
}

/// The token names an environment (`dev`, `staging`) the host does not, or the reverse.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn environment_marks(ex: &Exchange, j: &Jwt) -> Option<String> {
    let mut tm: Vec<&str> = j.iss.iter().chain(j.aud.iter()).take(8).flat_map(|s| marks(s)).collect();
    tm.dedup();
    let hm = marks(&ex.host);
    if tm == hm || (tm.is_empty() && hm.is_empty()) {
        return None;
    }
    Some(match (tm.first(), hm.first()) {
        (Some(t), Some(h)) => format!("the token comes from a `{t}` environment, the API host is a `{h}` one"),
        (Some(t), None) => format!("the token comes from a `{t}` tenant or environment, and the API host {} names none", clip(&ex.host, 96)),
        (None, Some(h)) => format!("the API host is a `{h}` environment, the token's issuer and audience name none"),
        (None, None) => return None,
    })
}

/// Every audience is a URL on another site than the API host.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn foreign_audience(ex: &Exchange, j: &Jwt) -> Option<String> {
    // An in-cluster audience (a Kubernetes service-account token's `https://kubernetes.default.svc…`)
    // is the cluster's own name for itself, whatever host reaches it.
    let hosts: Vec<String> = j.aud.iter().filter_map(|a| Url::parse(a).ok()?.host_str().map(str::to_string)).filter(|h| h.contains('.')).collect();
    if hosts.iter().any(|h| h.ends_with(".svc") || h.ends_with(".svc.cluster.local") || h.ends_with(".local") || h.ends_with(".internal")) {
        return None;
    }
    if hosts.is_empty() || hosts.len() != j.aud.len() || hosts.iter().any(|h| session::site(h) == session::site(&ex.host)) {
        return None;
    }
    Some(format!("the token's audience is on {}, another site than {}", clip(&hosts[0], 96), clip(&ex.host, 96)))
}

#[cfg(test)]
mod tests {
    use crate::causes::test_util::{failing, ids, with_status};
    use crate::parse::jwt::make;

    #[test]
    fn a_graph_token_sent_to_another_api() {
        // An MSAL.js app asked for User.Read and sent that token to its own API.
        let t = make(r#"{"alg":"RS256","nonce":"Zq3"}"#, r#"{"aud":"00000003-0000-0000-c000-000000000000","iss":"https://sts.windows.net/72f988bf-86f1-41af-91ab-2d7cd011db47/","scp":"User.Read","exp":1792000000}"#);
        let auth = format!("Bearer {t}");
        let mut challenge = ("WWW-Authenticate", r#"Bearer error="invalid_token", error_description="The signature is invalid""#);
        let ex = with_status("https://api.contoso.test/orders", &[("Authorization", &auth), challenge], 401, "");
        assert_eq!(ids(&ex)[0], "wrong_audience");
        // At Graph itself the audience is right.
        challenge.1 = r#"Bearer error="invalid_token""#;
        let ex = with_status("https://graph.microsoft.com/v1.0/me", &[("Authorization", &auth), challenge], 401, "");
        assert!(!ids(&ex).contains(&"wrong_audience"), "{:?}", ids(&ex));
    }

    #[test]
    fn id_token_and_audience_message() {
        let t = make(r#"{"alg":"RS256"}"#, r#"{"aud":"Xq3clientid","iss":"https://tenant.eu.auth0.com/","nonce":"n1","exp":1792000000}"#);
        // An ID token sent to an API: its type is the cause (wrong_token_type), the audience second.
        assert_eq!(ids(&failing("https://api.example.test/orders", &[("Authorization", &format!("Bearer {t}"))]))[..2], ["wrong_token_type", "wrong_audience"]);
        let t = make(r#"{"alg":"RS256"}"#, r#"{"aud":"https://other.example.test","exp":1792000000}"#);
        let ex = with_status("https://api.example.test/orders", &[("Authorization", &format!("Bearer {t}"))], 401, "{\"message\":\"jwt audience invalid. expected: https://api.example.test\"}");
        let hits = crate::causes::diagnose(&ex, &[]);
        assert_eq!(hits[0].0.info.id, "wrong_audience");
        assert!(hits[0].1.evidence[1].contains("expects `https://api.example.test`"), "{:?}", hits[0].1.evidence);
    }

    #[test]
    fn dev_tenant_on_production_api() {
        let t = make(r#"{"alg":"RS256"}"#, r#"{"aud":"https://api.example.test","iss":"https://shop-dev.eu.auth0.com/","exp":1792000000}"#);
        assert_eq!(ids(&failing("https://api.example.test/orders", &[("Authorization", &format!("Bearer {t}"))]))[0], "wrong_audience");
    }

    #[test]
    fn encrypted_token_without_audience() {
        let jwe = "eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIiwiaXNzIjoiaHR0cHM6Ly9leGFtcGxlLmF1dGgwLmNvbS8ifQ..8eNPbSQoabcdefgh.ciphertextciphertext.tagtagtagtag";
        assert_eq!(ids(&failing("https://api.example.test/orders", &[("Authorization", &format!("Bearer {jwe}"))]))[0], "wrong_audience");
    }

    #[test]
    fn near_misses() {
        // an access token for this API: no audience problem to report
        let t = make(r#"{"alg":"RS256"}"#, r#"{"aud":"https://api.example.test","iss":"https://shop.eu.auth0.com/","exp":1792000000,"scope":"read"}"#);
        assert!(!ids(&failing("https://api.example.test/orders", &[("Authorization", &format!("Bearer {t}"))])).contains(&"wrong_audience"));
        // an expired ID token: expired_token explains it
        let t = make(r#"{"alg":"RS256"}"#, r#"{"aud":"Xq3clientid","nonce":"n1","exp":1791959280}"#);
        assert!(!ids(&failing("https://api.example.test/orders", &[("Authorization", &format!("Bearer {t}"))])).contains(&"wrong_audience"));
    }
}
