//! Report building: a [`Session`] analyses exchanges in order, each with the earlier ones as
//! context, runs the causes and the secret rules over each, and assembles the [`Report`]. The
//! layer above the causes and the secret rules, and below the renderers and exports.

use crate::error::Error;
use crate::meta::VERSION;
use crate::{causes, exchange, har, redact, report, secrets, signals};
use exchange::Exchange;
use report::{CauseReport, CredentialReport, EntryReport, JwtReport, Report, Severity, Summary};

/// Earlier exchanges kept as context for the next one (the oldest are dropped beyond this).
const SESSION_CONTEXT: usize = 2000;

/// A capture session: exchanges analysed in order, each with the earlier ones as context.
#[derive(Default)]
pub struct Session {
    history: Vec<Exchange>,
    next_index: usize,
    /// Credentials already reported in a URL: (kind of place, hash of the value) → entry index.
    /// A token sent in the URL of every request is one finding, not one per request.
    in_url: std::collections::HashMap<(String, u64), usize>,
}

impl Session {
    /// An empty session.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn new() -> Session {
        Session::default()
    }

    /// Number of entries analysed so far.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn len(&self) -> usize {
        self.next_index
    }

    /// True when nothing was analysed yet.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn is_empty(&self) -> bool {
        self.next_index == 0
    }

    /// Count an entry that could not be read at all (it keeps its index; nothing is analysed).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn skip(&mut self) {
        self.next_index += 1;
    }

    /// Analyse the next entry of the session, with what was left out of it when it was read
    /// ([`har::read_entry`]) as notes of its report.
    pub fn push_read(&mut self, entry: har::Entry, left_out: Vec<String>) -> EntryReport {
        let mut report = self.push(entry);
        if !left_out.is_empty() {
            report.notes.splice(0..0, left_out);
        }
        report
    }

    /// Analyse the next entry of the session.
    pub fn push(&mut self, entry: har::Entry) -> EntryReport {
        let index = self.next_index;
        self.next_index += 1;
        let mut ex = Exchange::new(index, &entry);
        drop(entry);
        let mut report = analyze_exchange(&ex, &self.history);
        self.once_per_url_credential(&ex, &mut report);
        // Bodies are not needed as context; keep the history small.
        ex.resp_body = exchange::truncate(&ex.resp_body, 4096).to_string();
        ex.req_body = exchange::truncate(&ex.req_body, 4096).to_string();
        // Nor are huge header values (the credentials themselves are kept apart, in
        // `credentials`): 2,000 exchanges × 512 headers × 64 KiB would be gigabytes.
        for h in ex.req_headers.iter_mut().chain(ex.resp_headers.iter_mut()) {
            if h.value.len() > 8192 {
                h.value = exchange::truncate(&h.value, 8192).to_string();
            }
        }
        if self.history.len() >= SESSION_CONTEXT {
            self.history.drain(..SESSION_CONTEXT / 4);
        }
        self.history.push(ex);
        report
    }
}

impl Session {
    /// Keep a `credential_in_url` finding only the first time its value is seen in that kind of
    /// place (query, path, userinfo); later ones become a note citing the first.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn once_per_url_credential(&mut self, ex: &Exchange, report: &mut EntryReport) {
        use std::hash::{Hash, Hasher};
        let mut kept = Vec::with_capacity(report.findings.len());
        for f in std::mem::take(&mut report.findings) {
            if f.id != secrets::CREDENTIAL_IN_URL {
                kept.push(f);
                continue;
            }
            let kind = if f.location.starts_with("request.query.") { "query".to_string() } else { f.location.clone() };
            let raw = ex.credentials.iter().find(|c| c.location.describe() == f.location).map(|c| c.raw());
            let mut h = std::collections::hash_map::DefaultHasher::new();
            f.rule.hash(&mut h);
            match raw {
                Some(r) => r.trim().hash(&mut h),
                None => f.redacted.as_str().hash(&mut h),
            }
            match self.in_url.get(&(kind.clone(), h.finish())) {
                Some(first) => report.notes.push(format!("{} at {}: the same credential was reported in the URL of #{first}", f.id, f.location)),
                None => {
                    if self.in_url.len() < 4096 {
                        self.in_url.insert((kind, h.finish()), ex.index);
                    }
                    kept.push(f);
                }
            }
        }
        report.findings = kept;
    }
}

/// Analyse one digested exchange with the earlier ones as context.
pub fn analyze_exchange(ex: &Exchange, before: &[Exchange]) -> EntryReport {
    // The values every shown text is scrubbed of, gathered once (cookies and credential-named
    // headers included): each evidence and fix line below uses them.
    let known = ex.credential_values();
    let causes: Vec<CauseReport> = causes::diagnose(ex, before)
        .into_iter()
        .map(|(c, h)| CauseReport {
            id: c.info.id,
            confidence: (h.confidence * 100.0).round() / 100.0,
            title: c.info.title,
            entries: cited_entries(&h.evidence, ex.index),
            evidence: h.evidence.iter().map(|e| redact::Evidence::of(e, known.iter().copied())).collect(),
            fix: h.fix.iter().map(|f| redact::scrub(f, known.iter().copied())).collect(),
        })
        .collect();
    let (findings, scan_notes) = secrets::findings_and_notes(ex);
    let failed = causes::failure(ex).or_else(|| causes::blocked_by_preflight(ex, before)).is_some();
    let server_said = server_said(ex, failed);
    let unexplained: Option<report::Unexplained> = (failed && causes.is_empty()).then(|| signals::checklist::unexplained(ex, before));
    EntryReport {
        index: ex.index,
        started: ex.started.and_then(crate::parse::date::format_rfc3339),
        method: redact::clip(&ex.method, 16),
        // A key the URL carries outside its query (Telegram's `/bot<token>/`) is one of the
        // request's credentials: scrubbed wherever it stands.
        url: redact::scrub(&ex.redacted_url(), known.iter().copied()),
        status: ex.http_status,
        endpoint: format!(
            "{}{}{}",
            redact::clip(&ex.host, 253),
            ex.parsed.as_ref().and_then(|u| u.port()).map(|p| format!(":{p}")).unwrap_or_default(),
            redact::scrub(&redact::endpoint(&ex.path), known.iter().copied())
        ),
        provider: ex.provider.map(|p| p.id),
        environment: ex.env,
        auth_failure: failed,
        causes,
        unexplained,
        findings,
        credentials: ex.credentials.iter().map(|c| credential_report(ex, c)).collect(),
        server_said,
        notes: ex.notes.iter().cloned().chain(scan_notes).collect(),
    }
}

/// The earlier entries evidence cites as `entry #N` (in order, once each).
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn cited_entries(evidence: &[String], this: usize) -> Vec<usize> {
    let mut out = Vec::new();
    for e in evidence {
        for (i, _) in e.match_indices("entry #") {
            let n: String = e[i + 7..].chars().take_while(char::is_ascii_digit).take(12).collect();
            if let Ok(n) = n.parse::<usize>() {
                if n != this && !out.contains(&n) {
                    out.push(n);
                }
            }
        }
    }
    out
}

/// What the server said, in its own words (redacted, clipped), beside authlens's reading:
/// `"The token expired at …" (read: the token or credential expired)`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn server_said(ex: &Exchange, failed: bool) -> Option<String> {
    let recognised = ex.recognised_body();
    if !failed && recognised.is_none() {
        return None;
    }
    // A script's request sent to a sign-in page: where it was sent is what the server said.
    if failed && (300..400).contains(&ex.http_status) {
        if let Some(to) = ex.resp_header("location") {
            let to = redact::clip(&redact::scrub(&redact::url(to.trim()), ex.credential_values().iter().copied()), 240);
            return Some(format!("{} redirect to {to} (authlens reads: the server sends a request without a live session to its sign-in page)", ex.http_status));
        }
    }
    let said = ex.server_said();
    let words = quote_messages(ex, said);
    let reading = match (recognised, said.says.first()) {
        (Some((p, b)), _) => Some(format!("{}: {}", p.name, b.meaning)),
        (None, Some((k, _))) => Some(k.reading().to_string()),
        (None, None) => None,
    };
    match (words, reading) {
        (Some(w), Some(r)) => Some(format!("\"{w}\" (authlens reads: {r})")),
        (Some(w), None) => Some(format!("\"{w}\"")),
        (None, Some(r)) => Some(format!("(authlens reads: {r})")),
        (None, None) if !ex.resp_body.trim().is_empty() => Some(quote_body(ex)),
        (None, None) => None,
    }
}

/// The server's own words: the message that gave the reading, with a short code before it
/// (`invalid_token: The access token expired`), redacted and clipped.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn quote_messages(ex: &Exchange, said: &exchange::server_says::ServerSaid) -> Option<String> {
    let first = said.says.first().map(|(_, i)| *i).unwrap_or(0);
    let main = said.messages.get(first)?;
    let mut text = main.text.trim().to_string();
    if !text.contains(' ') {
        if let Some(longer) = said.messages.iter().find(|m| m.text.trim().contains(' ')) {
            text = format!("{}: {}", text, longer.text.trim());
        }
    } else if let Some(code) = said.messages.iter().take(first).chain(said.messages.iter().skip(first + 1)).find(|m| !m.text.trim().contains(' ') && m.text.len() <= 48 && m.text.chars().any(|c| c.is_ascii_alphabetic())) {
        text = format!("{}: {}", code.text.trim(), text);
    }
    let text = text.split_whitespace().collect::<Vec<_>>().join(" ");
    Some(redact::clip(&ex.quote(exchange::truncate(&text, 4096)), 240))
}

/// A short, redacted quote of an error body: the error fields of a JSON body, or its start.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn quote_body(ex: &Exchange) -> String {
    let body = ex.resp_body.trim();
    // Redact first, then clip: a key cut in half is no longer recognisable as a key.
    if let Ok(serde_json::Value::Object(o)) = serde_json::from_str::<serde_json::Value>(body) {
        for k in ["error_description", "message", "status_message", "error", "detail", "error_messages", "msg"] {
            if let Some(v) = o.get(k) {
                let text = match v {
                    serde_json::Value::String(s) => s.clone(),
                    serde_json::Value::Object(inner) => inner.get("message").and_then(|m| m.as_str()).map(str::to_string).unwrap_or_else(|| v.to_string()),
                    other => other.to_string(),
                };
                return redact::clip(&ex.quote(exchange::truncate(&text, 4096)), 200);
            }
        }
    }
    redact::clip(&ex.quote(exchange::truncate(body, 4096)), 200)
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn credential_report(ex: &Exchange, c: &exchange::Credential) -> CredentialReport {
    use exchange::Location;
    let scheme = match c.location {
        Location::Authorization | Location::BasicUser | Location::BasicPassword => {
            ex.authorization.as_ref().and_then(|a| a.scheme.as_deref()).map(|s| redact::clip(s, 32))
        }
        _ => None,
    };
    CredentialReport {
        location: c.location.describe(),
        scheme,
        redacted: c.redacted(),
        kind: c.kind(),
        provider: c.key.map(|k| k.provider.id),
        environment: c.key.and_then(|k| k.rule.env),
        description: c.describe(),
        jwt: c.jwt.as_ref().map(|j| JwtReport {
            alg: j.alg.as_deref().map(|a| redact::clip(a, 32)),
            exp: j.exp.and_then(exchange::rfc3339_unix),
            iat: j.iat.and_then(exchange::rfc3339_unix),
            nbf: j.nbf.and_then(exchange::rfc3339_unix),
            aud: j.aud.iter().map(|a| redact::clip(a, 128)).collect(),
            iss: j.iss.as_deref().map(|a| redact::clip(a, 128)),
            scopes: j.scopes.iter().map(|a| redact::clip(a, 64)).collect(),
            role: j.role.as_deref().map(|a| redact::clip(a, 64)),
        }),
    }
}

/// Analyse a parsed HAR.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn analyze_har(har: har::Har) -> Report {
    let mut session = Session::new();
    let entries: Vec<EntryReport> = har.log.entries.into_iter().map(|e| session.push(e)).collect();
    report_of(&session, entries, Vec::new())
}

/// Analyse a HAR document read by [`har::read`]: entries that could not be read keep their
/// index and are listed in the report's notes, as is every field left out of an entry.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn analyze_intake(intake: har::Intake) -> Report {
    let mut session = Session::new();
    let mut entries = Vec::with_capacity(intake.slots.len());
    for slot in intake.slots {
        match slot {
            har::Slot::Read { entry, notes } => entries.push(session.push_read(*entry, notes)),
            har::Slot::Skipped(_) => session.skip(),
        }
    }
    report_of(&session, entries, intake.notes)
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn report_of(session: &Session, mut entries: Vec<EntryReport>, notes: Vec<String>) -> Report {
    // With the whole capture at hand, a login prompt answered later is not a client bug.
    for e in entries.iter_mut().filter(|e| e.auth_failure && !e.causes.is_empty()) {
        let Some(pos) = session.history.iter().position(|x| x.index == e.index) else { continue };
        let Some(ex) = session.history.get(pos) else { continue };
        if let Some(why) = signals::checklist::answered_prompt(ex, session.history.get(pos + 1..).unwrap_or(&[])) {
            e.causes.clear();
            e.unexplained = Some(report::Unexplained { summary: why, checked: Vec::new(), checklist: Vec::new() });
        }
    }
    let mut summary = Summary { entries: entries.len(), ..Summary::default() };
    for e in &entries {
        summary.auth_failures += usize::from(e.auth_failure);
        summary.unexplained += usize::from(e.auth_failure && e.causes.is_empty());
        summary.findings += e.findings.len();
        summary.exposed_secrets += e.findings.iter().filter(|f| f.id == secrets::SECRET_KEY_EXPOSED).count();
        summary.credentials_in_url += e.findings.iter().filter(|f| f.id == secrets::CREDENTIAL_IN_URL).count();
        summary.critical += e.findings.iter().filter(|f| f.severity == Severity::Critical).count();
        summary.high += e.findings.iter().filter(|f| f.severity == Severity::High).count();
    }
    Report { tool: "authlens", version: VERSION, entries, summary, notes }
}

/// Read and analyse HAR text ([`har::read`]: a document that is not a HAR is an error; one odd
/// entry is not).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn analyze_har_text(text: &str) -> Result<Report, Error> {
    Ok(analyze_intake(har::read(text)?))
}

/// The documentation of a cause, finding or secret rule id, as Markdown (needs the `docs`
/// feature: the wasm build leaves the texts out and the extension reads them from `docs.json`).
#[cfg(feature = "docs")]
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn explain(id: &str) -> Option<String> {
    if let Some(c) = causes::by_id(id) {
        return Some(causes::explain(c));
    }
    secrets::FINDING_DOCS.iter().find(|(i, _)| *i == id).map(|(_, d)| d.to_string()).or_else(|| secrets::docs::explain_rule(id))
}

/// Every id [`explain`] documents: causes, then findings, then secret rules (each once).
#[cfg(feature = "docs")]
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn explained_ids() -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = causes::ALL.iter().map(|c| c.info.id).collect();
    ids.extend(secrets::FINDING_DOCS.iter().map(|(id, _)| *id));
    for (_, r) in crate::providers::all_rules() {
        if !ids.contains(&r.id) {
            ids.push(r.id);
        }
    }
    ids
}

#[cfg(test)]
mod tests {
    #[test]
    fn credential_reports_carry_scheme_of_authorization() {
        let har = r#"{"log":{"entries":[{"request":{"method":"GET","url":"https://x.test/","headers":[{"name":"Authorization","value":"Bearer abcdefghijklmnopqrstuvwxyz"}]},"response":{"status":200}}]}}"#;
        let r = super::analyze_har_text(har).unwrap();
        assert_eq!(r.entries[0].credentials[0].location, "request.header.Authorization");
        assert!(r.entries[0].causes.is_empty());
        assert!(!serde_json::to_string(&r).unwrap().contains("abcdefghijklmnop"));
    }

    #[test]
    fn a_key_in_the_url_path_is_a_credential_and_never_shown() {
        // Telegram takes its bot token in the path; the report's url and endpoint carried it.
        let token = "7370876778:AAqSuYvhh2hoLpvLcV-FsjSt3xp3fBlTj5j";
        let har = format!(
            r#"{{"log":{{"entries":[{{"request":{{"method":"POST","url":"https://api.telegram.org/bot{token}/sendMessage","headers":[]}},"response":{{"status":401,"content":{{"mimeType":"application/json","text":"{{\"ok\":false,\"error_code\":401,\"description\":\"Unauthorized\"}}"}}}}}}]}}}}"#
        );
        let r = super::analyze_har_text(&har).unwrap();
        let e = &r.entries[0];
        assert_eq!(e.credentials[0].location, "request.url path");
        assert_eq!(e.causes.first().map(|c| c.id), Some("invalid_credentials"));
        let out = serde_json::to_string(&r).unwrap();
        assert!(!out.contains("AAqSuYvhh2hoLpvLcV"), "{out}");
    }

    #[test]
    fn every_auth_failure_is_counted_with_or_without_a_cause() {
        // a 401 with a plain body and a cookie whose name says nothing of a session: no specific
        // cause, still a failure
        let har = r#"{"log":{"entries":[
          {"request":{"method":"GET","url":"https://app.example.test/api/me","headers":[{"name":"Cookie","value":"prefs=abc123def456"}]},"response":{"status":401,"content":{"text":"Unauthorized"}}},
          {"request":{"method":"GET","url":"https://app.example.test/api/ok","headers":[]},"response":{"status":200}},
          {"request":{"method":"POST","url":"https://app.example.test/graphql","headers":[]},"response":{"status":200,"content":{"text":"{\"errors\":[{\"message\":\"Not authenticated\",\"extensions\":{\"code\":\"UNAUTHENTICATED\"}}]}"}}}
        ]}}"#;
        let r = super::analyze_har_text(har).unwrap();
        assert!(r.entries[0].auth_failure && r.entries[0].causes.is_empty());
        let u = r.entries[0].unexplained.as_ref().unwrap();
        assert!(u.summary.starts_with("no specific cause recognised"), "{}", u.summary);
        assert!(u.checklist.iter().any(|c| c.contains("curl -i -X GET 'https://app.example.test/api/me'")), "{:?}", u.checklist);
        assert!(!r.entries[1].auth_failure);
        assert!(r.entries[2].auth_failure);
        assert_eq!((r.summary.auth_failures, r.summary.unexplained), (2, 1));
        let text = crate::render::text::render(&r);
        assert!(text.contains("2 authentication failures (1 explained, 1 without a specific cause)"), "{text}");
        let sarif = crate::render::sarif::render_report(&r, "x.har", &[]);
        assert!(sarif.contains(crate::render::sarif::UNEXPLAINED_RULE) && sarif.contains("\"ruleId\": \"missing_credentials\""), "{sarif}");
    }

    #[test]
    fn negotiate_first_leg_is_no_client_bug() {
        let har = r#"{"log":{"entries":[{"request":{"method":"GET","url":"https://mail.example.test/EWS/Exchange.asmx","headers":[]},"response":{"status":401,"headers":[{"name":"WWW-Authenticate","value":"Negotiate"},{"name":"WWW-Authenticate","value":"NTLM"}]}}]}}"#;
        let r = super::analyze_har_text(har).unwrap();
        assert!(r.entries[0].auth_failure && r.entries[0].causes.is_empty());
        assert!(r.entries[0].unexplained.as_ref().unwrap().summary.contains("handshake"));
    }

    #[test]
    fn an_unreachable_key_set_is_no_client_bug() {
        // Spring Security's resource server when its JWKS endpoint is down (Nimbus's message in the
        // challenge), and Envoy's jwt_authn filter (envoyproxy/envoy#41669): a fresh token refused.
        let spring = r#"Bearer error="invalid_token", error_description="An error occurred while attempting to decode the Jwt: Couldn't retrieve remote JWK set: org.springframework.web.client.ResourceAccessException: I/O error on GET request", error_uri="https://tools.ietf.org/html/rfc6750#section-3.1""#;
        for (challenge, body) in [(spring, ""), ("Bearer realm=\"https://api.example.test/x\", error=\"invalid_token\"", "Jwks remote fetch is failed")] {
            let har = serde_json::json!({"log":{"entries":[{"request":{"method":"GET","url":"https://api.example.test/x","headers":[{"name":"Authorization","value":"Bearer eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiIxIn0.c2ln"}]},"response":{"status":401,"headers":[{"name":"WWW-Authenticate","value":challenge}],"content":{"text":body}}}]}});
            let r = super::analyze_har_text(&har.to_string()).unwrap();
            assert!(r.entries[0].auth_failure && r.entries[0].causes.is_empty(), "{challenge} {body}");
            assert!(r.entries[0].unexplained.as_ref().unwrap().summary.contains("JWKS"));
        }
    }
}
