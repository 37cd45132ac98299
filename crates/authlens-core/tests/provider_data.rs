//! Provider knowledge lives only in provider data (`rules/*.toml`, with the named checks of
//! `src/providers/validators.rs`):
//!
//! - a provider is a data file: no Rust `Provider { … }` value is written outside tests, and
//!   `src/providers/` holds no provider file;
//! - no provider id (nor a rule id, nor an `<id>_` rule-id prefix) is written as a string literal
//!   in the code outside the provider files, tests excepted: a cause that matched `"stripe"` would
//!   give a new provider generic behaviour without failing anything;
//! - every provider states what the causes read from it (a provider that issues publishable keys
//!   says which endpoints accept them, a scheme it insists on is among those it accepts, …).

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use authlens_core::providers::{Find, KeyKind, Provider, PublishableUse, ALL};

thread_local! {
    static HOSTS: BTreeSet<&'static str> = provider_hosts();
}

// ---- a small Rust lexer: string literals outside test code

/// A string literal's content (escapes left as written) and its line.
#[derive(Debug)]
struct Lit {
    line: usize,
    text: String,
}

/// What a source file holds outside `#[cfg(test)]` / `#[cfg(any(test, …))]` items: its string
/// literals, and the modules declared test-only (`#[cfg(test)] mod tests;`).
#[derive(Debug, Default)]
struct Source {
    lits: Vec<Lit>,
    test_mods: Vec<String>,
}

fn is_test_cfg(attr: &str) -> bool {
    let a: String = attr.chars().filter(|c| !c.is_whitespace()).collect();
    a == "cfg(test)" || a.starts_with("cfg(any(test,")
}

fn ident_byte(c: u8) -> bool {
    c.is_ascii_alphanumeric() || c == b'_'
}

/// Lex `src`. Braces inside strings, chars and comments do not count; a test item ends at its `;`
/// or at the brace that closes it.
fn lex(src: &str) -> Source {
    let b = src.as_bytes();
    let mut out = Source::default();
    let (mut i, mut line, mut depth) = (0usize, 1usize, 0usize);
    // While skipping a test item: the depth it started at, and whether its body was opened.
    let mut skip: Option<(usize, bool)> = None;
    let newlines = |s: &[u8]| s.iter().filter(|c| **c == b'\n').count();
    while i < b.len() {
        let c = b[i];
        let prev_ident = i > 0 && ident_byte(b[i - 1]);
        if c == b'/' && b.get(i + 1) == Some(&b'/') {
            while i < b.len() && b[i] != b'\n' {
                i += 1;
            }
            continue;
        }
        if c == b'/' && b.get(i + 1) == Some(&b'*') {
            let end = src[i + 2..].find("*/").map_or(b.len(), |e| i + 2 + e + 2);
            line += newlines(&b[i..end]);
            i = end;
            continue;
        }
        // Raw strings: r"…", r#"…"#, br#"…"#.
        let raw_at = if !prev_ident && c == b'r' { Some(i + 1) } else if !prev_ident && c == b'b' && b.get(i + 1) == Some(&b'r') { Some(i + 2) } else { None };
        if let Some(mut j) = raw_at {
            let mut hashes = 0;
            while b.get(j) == Some(&b'#') {
                hashes += 1;
                j += 1;
            }
            if b.get(j) == Some(&b'"') {
                let close = format!("\"{}", "#".repeat(hashes));
                let start = j + 1;
                let end = src[start..].find(&close).map_or(b.len(), |e| start + e);
                if skip.is_none() {
                    out.lits.push(Lit { line, text: src[start..end].to_string() });
                }
                line += newlines(&b[i..end]);
                i = (end + close.len()).min(b.len());
                continue;
            }
        }
        if c == b'"' {
            let start = i + 1;
            let mut j = start;
            while j < b.len() && b[j] != b'"' {
                j += if b[j] == b'\\' { 2 } else { 1 };
            }
            let end = j.min(b.len());
            if skip.is_none() {
                out.lits.push(Lit { line, text: src[start..end].to_string() });
            }
            line += newlines(&b[i..end]);
            i = end + 1;
            continue;
        }
        if c == b'\'' {
            // A char literal ('x', '\n', '\u{1F600}', '"') or a lifetime ('a).
            if b.get(i + 1) == Some(&b'\\') {
                let end = src[i + 2..].find('\'').map_or(b.len(), |e| i + 2 + e + 1);
                i = end;
                continue;
            }
            let ch_len = src[i + 1..].chars().next().map_or(1, char::len_utf8);
            if b.get(i + 1 + ch_len) == Some(&b'\'') {
                i += ch_len + 2;
                continue;
            }
            i += 1;
            continue;
        }
        if c == b'#' && b.get(i + 1) == Some(&b'[') && skip.is_none() {
            let mut j = i + 2;
            let mut d = 1;
            while j < b.len() && d > 0 {
                match b[j] {
                    b'[' => d += 1,
                    b']' => d -= 1,
                    _ => {}
                }
                j += 1;
            }
            let attr = &src[i + 2..j.saturating_sub(1)];
            if is_test_cfg(attr) {
                skip = Some((depth, false));
                // `#[cfg(test)] mod tests;`: the file is test code.
                let rest = src[j..].trim_start();
                let rest = rest.strip_prefix("pub(crate) ").or_else(|| rest.strip_prefix("pub ")).unwrap_or(rest);
                if let Some(m) = rest.strip_prefix("mod ") {
                    let name: String = m.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect();
                    if m[name.len()..].trim_start().starts_with(';') {
                        out.test_mods.push(name);
                    }
                }
            }
            line += newlines(&b[i..j]);
            i = j;
            continue;
        }
        match c {
            b'\n' => line += 1,
            b'{' => {
                depth += 1;
                if let Some((d, opened)) = skip.as_mut() {
                    if depth == *d + 1 {
                        *opened = true;
                    }
                }
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if matches!(skip, Some((d, true)) if depth == d) {
                    skip = None;
                }
            }
            b';' => {
                if matches!(skip, Some((d, false)) if depth == d) {
                    skip = None;
                }
            }
            _ => {}
        }
        i += 1;
    }
    out
}

fn rs_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = fs::read_dir(dir) else { return };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rs_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The file a test-only `mod name;` of `parent` lives in.
fn module_files(parent: &Path, name: &str) -> [PathBuf; 2] {
    let dir = parent.parent().unwrap_or(Path::new("."));
    let stem = parent.file_stem().and_then(|s| s.to_str()).unwrap_or("");
    let base = if matches!(stem, "mod" | "lib" | "main") { dir.to_path_buf() } else { dir.join(stem) };
    [base.join(format!("{name}.rs")), base.join(name).join("mod.rs")]
}

/// Rule ids that code may name: rules found by a dedicated scanner in `secrets` (`Find::Scanner`)
/// are that scanner's own, and the Twilio auth token is found by the field scanner next to an
/// Account SID (`secrets/fields.rs`).
fn scanner_owned(rule: &str) -> bool {
    rule == "twilio_auth_token" || ALL.iter().flat_map(|p| p.keys).any(|r| r.id == rule && r.find == Find::Scanner)
}

/// Every host a provider's data names (its hosts, API domains, token and ID-token hosts, foreign
/// hosts, hosts of its own authorizers), without a leading dot.
fn provider_hosts() -> BTreeSet<&'static str> {
    let mut h = BTreeSet::new();
    for p in ALL {
        let f = p.facts;
        h.extend(p.hosts.iter().map(|r| r.domain));
        h.extend(f.api_domains.iter().map(|d| d.domain));
        h.extend(f.secret_id_hosts.iter().copied());
        h.extend(f.scheme_unsure_hosts.iter().copied());
        h.extend(f.id_token_hosts.iter().chain(f.foreign_hosts).map(|d| d.suffix));
        h.insert(f.project_host_suffix);
    }
    h.into_iter().map(|d| d.trim_start_matches('.')).filter(|d| d.contains('.')).collect()
}

/// What a literal says about a provider, if anything: its id, a rule id, or one of its hosts
/// (`example.com` or `.example.com`).
fn provider_literal(text: &str, provider_ids: &BTreeSet<&str>, rule_ids: &BTreeSet<&str>) -> Option<String> {
    if let Some(h) = text.strip_prefix('.').or(Some(text)).filter(|t| HOSTS.with(|h| h.contains(t))) {
        return Some(format!("host `{h}`"));
    }
    for id in provider_ids {
        let quoted = [format!("\"{id}\""), format!("\\\"{id}\\\"")];
        if text == *id || text == format!("{id}_") || quoted.iter().any(|q| text.contains(q.as_str())) {
            return Some(format!("provider id `{id}`"));
        }
    }
    (rule_ids.contains(text) && !scanner_owned(text)).then(|| format!("rule id `{text}`"))
}

/// Every literal naming a provider in the non-test source under `roots`, `providers` excepted.
fn violations(roots: &[PathBuf], providers_dir: &Path) -> Vec<String> {
    let provider_ids: BTreeSet<&str> = ALL.iter().map(|p| p.id).collect();
    let rule_ids: BTreeSet<&str> = ALL.iter().flat_map(|p| p.keys).map(|r| r.id).collect();
    let mut files = Vec::new();
    for r in roots {
        rs_files(r, &mut files);
    }
    files.sort();
    let mut test_files: BTreeSet<PathBuf> = BTreeSet::new();
    let mut lexed = Vec::new();
    for f in &files {
        let src = fs::read_to_string(f).unwrap_or_default();
        let s = lex(&src);
        for m in &s.test_mods {
            test_files.extend(module_files(f, m));
        }
        lexed.push((f, s));
    }
    let mut bad = Vec::new();
    for (f, s) in lexed {
        if f.starts_with(providers_dir) || test_files.contains(f) {
            continue;
        }
        for l in &s.lits {
            if let Some(what) = provider_literal(&l.text, &provider_ids, &rule_ids) {
                bad.push(format!("{}:{}: {what} in {:?}", f.display(), l.line, l.text.chars().take(80).collect::<String>()));
            }
        }
    }
    bad
}

#[test]
fn no_provider_id_literal_outside_provider_data() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    let crates = core.parent().expect("crates/");
    let roots: Vec<PathBuf> = ["authlens-core/src", "authlens-cli/src", "authlens-wasm/src"].iter().map(|r| crates.join(r)).collect();
    assert!(roots.iter().all(|r| r.is_dir()), "{roots:?}");
    let bad = violations(&roots, &core.join("src/providers"));
    assert!(
        bad.is_empty(),
        "provider knowledge outside the provider files (state it in the provider's data and read the field instead):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_literal_scan_finds_what_it_must() {
    let src = r##"
fn check(p: &Provider) -> bool { p.id == "stripe" || id.starts_with("github_") }
const A: &str = r#"{"iss":"supabase"}"#;
const B: &str = "stripe_secret_key_live";
const OK: &str = "a stripe of paint"; // "stripe" in a comment is fine
const C: char = '"'; const D: &str = "paypal";
#[cfg(test)]
mod tests { fn t() { assert_eq!(p.id, "midtrans"); let s = "}"; } }
#[cfg(test)]
mod more;
fn after() -> &'static str { "checkout" }
fn okta(host: &str) -> bool { host.ends_with(".okta.com") || host == "login.microsoftonline.com" }
"##;
    let s = lex(src);
    let provider_ids: BTreeSet<&str> = ALL.iter().map(|p| p.id).collect();
    let rule_ids: BTreeSet<&str> = ALL.iter().flat_map(|p| p.keys).map(|r| r.id).collect();
    let found: Vec<(usize, String)> = s.lits.iter().filter_map(|l| provider_literal(&l.text, &provider_ids, &rule_ids).map(|w| (l.line, w))).collect();
    let want = vec![
        (2, "provider id `stripe`".to_string()),
        (2, "provider id `github`".to_string()),
        (3, "provider id `supabase`".to_string()),
        (4, "rule id `stripe_secret_key_live`".to_string()),
        (6, "provider id `paypal`".to_string()),
        (11, "provider id `checkout`".to_string()),
        (12, "host `okta.com`".to_string()),
        (12, "host `login.microsoftonline.com`".to_string()),
    ];
    assert_eq!(found, want, "{:?}", s.lits);
    assert_eq!(s.test_mods, vec!["more".to_string()]);
    // A dedicated scanner's rule may be named by its scanner.
    assert!(provider_literal("generic_secret", &provider_ids, &rule_ids).is_none());
}

// ---- providers are data files

/// Lines of `src` (test modules and comments aside) where a `Provider { … }` value is written in
/// Rust. The struct's definition, its `impl` and its `DEFAULT` are not providers.
fn provider_literals(src: &str) -> Vec<usize> {
    let src = src.find("#[cfg(test)]\nmod tests").map_or(src, |i| &src[..i]);
    let mut out = Vec::new();
    for (n, line) in src.lines().enumerate() {
        let code = line.split("//").next().unwrap_or("");
        if code.contains("const DEFAULT: Provider") {
            continue;
        }
        let mut rest = code;
        while let Some(i) = rest.find("Provider") {
            let head = &rest[..i];
            let after = rest[i + "Provider".len()..].trim_start();
            let glued = head.chars().last().is_some_and(|c| c.is_ascii_alphanumeric() || c == '_');
            let word = head.split_whitespace().last().unwrap_or("");
            if after.starts_with('{') && !glued && word != "struct" && word != "impl" {
                out.push(n + 1);
            }
            rest = &rest[i + "Provider".len()..];
        }
    }
    out
}

#[test]
fn providers_are_data_files() {
    let core = Path::new(env!("CARGO_MANIFEST_DIR"));
    let rust: Vec<String> = fs::read_dir(core.join("src/providers"))
        .unwrap()
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".rs") && n != "mod.rs" && n != "validators.rs")
        .collect();
    assert!(rust.is_empty(), "providers are data files (rules/<id>.toml), not Rust: {rust:?}");
    let crates = core.parent().expect("crates/");
    let mut files = Vec::new();
    for r in ["authlens-core/src", "authlens-cli/src", "authlens-wasm/src"] {
        rs_files(&crates.join(r), &mut files);
    }
    assert!(files.len() > 20, "{files:?}");
    let mut bad = Vec::new();
    for f in &files {
        let src = fs::read_to_string(f).unwrap_or_default();
        bad.extend(provider_literals(&src).into_iter().map(|l| format!("{}:{l}", f.display())));
    }
    assert!(bad.is_empty(), "a provider written in Rust (write it as rules/<id>.toml):\n{}", bad.join("\n"));
}

#[test]
fn the_provider_literal_check_finds_what_it_must() {
    let src = "pub struct Provider {\n    pub id: &'static str,\n}\nimpl Provider {\n    pub const DEFAULT: Provider = Provider {\n        id: \"\",\n    };\n}\n\
pub static PROVIDER: Provider = Provider { id: \"x\", ..Provider::DEFAULT };\n\
pub static OTHER: Provider = Provider{\n// let p = Provider { id: \"x\" };\nstruct DataProvider { }\n\
#[cfg(test)]\nmod tests {\n    static T: Provider = Provider { id: \"t\", ..Provider::DEFAULT };\n}\n";
    assert_eq!(provider_literals(src), vec![9, 10]);
}

// ---- the registry gives the causes what they read

/// What `p` lacks of what the causes need, one line each.
fn lacks(p: &Provider) -> Vec<String> {
    let mut l = Vec::new();
    let id = p.id;
    let publishable = p.keys.iter().find(|r| r.kind == KeyKind::Publishable && r.find != Find::Scanner);
    if let (Some(r), PublishableUse::Unstated) = (publishable, p.facts.publishable) {
        l.push(format!(
            "{id}: issues publishable keys ({}) but does not say which endpoints accept them (wrong_key_type): set `publishable_endpoints` to the paths, or to \"unknown\"",
            r.id
        ));
    }
    if let PublishableUse::Paths(paths) = p.facts.publishable {
        if publishable.is_none() {
            l.push(format!("{id}: lists publishable endpoints but issues no publishable key"));
        }
        for path in paths.iter().filter(|x| !x.starts_with('/')) {
            l.push(format!("{id}: publishable endpoint {path:?} is not a path"));
        }
    }
    if !p.facts.not_keys.is_empty() && p.facts.secret_key_hint.is_empty() {
        l.push(format!("{id}: names values that are not keys but not the secret key to use instead (`secret_key_hint`)"));
    }
    for n in p.facts.not_keys.iter().filter(|n| n.prefix.is_empty() || n.what.is_empty()) {
        l.push(format!("{id}: a not-key needs a prefix and words ({n:?})"));
    }
    let all_schemes = p.facts.schemes.iter().chain(p.facts.path_schemes.iter().flat_map(|s| s.schemes));
    for s in all_schemes.clone().filter(|s| s.is_empty() || s.bytes().any(|b| b.is_ascii_uppercase() || b == b' ')) {
        l.push(format!("{id}: scheme {s:?} must be one lowercase word"));
    }
    if p.facts.path_schemes.iter().any(|s| s.schemes.is_empty() || !s.path.starts_with('/')) {
        l.push(format!("{id}: path_schemes need a path and schemes"));
    }
    if !p.facts.path_schemes.is_empty() && p.facts.schemes.is_empty() {
        l.push(format!("{id}: path_schemes without `schemes` for the other paths"));
    }
    if !p.facts.scheme_unsure_hosts.is_empty() && (p.facts.scheme_words.is_empty() || p.facts.schemes.is_empty()) {
        l.push(format!("{id}: scheme_unsure_hosts need the schemes and the words that confirm them (`scheme_words`)"));
    }
    if !p.facts.scheme_exact.is_empty() && !all_schemes.clone().any(|s| s.eq_ignore_ascii_case(p.facts.scheme_exact)) {
        l.push(format!("{id}: scheme_exact {:?} is not among its schemes", p.facts.scheme_exact));
    }
    let placeholders = p.facts.scope_fix.matches('{').count();
    if placeholders != p.facts.scope_fix.matches("{need}").count() {
        l.push(format!("{id}: scope_fix may hold only the placeholder {{need}}: {:?}", p.facts.scope_fix));
    }
    if p.facts.project_api_keys && p.facts.query_keys.is_empty() {
        l.push(format!("{id}: project API keys travel in the query: name the parameter (`query_keys`)"));
    }
    if p.facts.anonymous_project_key && publishable.is_none() && p.facts.query_keys.is_empty() {
        l.push(format!("{id}: anonymous_project_key without a project key"));
    }
    if !p.facts.project_host_suffix.is_empty() {
        let s = p.facts.project_host_suffix;
        if !s.starts_with('.') || !p.hosts.iter().any(|h| s.ends_with(h.domain) || h.domain.ends_with(&s[1..])) {
            l.push(format!("{id}: project_host_suffix {s:?} must start with a dot and fall under its hosts"));
        }
    }
    for h in p.facts.foreign_hosts.iter().filter(|h| !h.suffix.starts_with('.') || h.name.is_empty()) {
        l.push(format!("{id}: foreign host {h:?} needs a `.suffix` and a name"));
    }
    if !p.facts.status_in_body.is_empty() && p.hosts.is_empty() {
        l.push(format!("{id}: status_in_body needs hosts to apply to"));
    }
    for h in p.facts.repro_headers.iter().chain(p.facts.query_keys).filter(|h| h.is_empty() || h.bytes().any(|b| b.is_ascii_uppercase())) {
        l.push(format!("{id}: header and query names are lowercase: {h:?}"));
    }
    for r in p.keys.iter().filter(|r| r.bare_ok && r.prefix.is_empty()) {
        l.push(format!("{id}: {} is sent bare but has no prefix to know it by", r.id));
    }
    if p.facts.token_scheme.is_empty() != p.facts.token_scheme_paths.is_empty() {
        l.push(format!("{id}: token_scheme and token_scheme_paths go together (wrong_auth_scheme)"));
    }
    if !p.facts.token_scheme.is_empty() && p.hosts.is_empty() {
        l.push(format!("{id}: token_scheme needs hosts to apply to"));
    }
    for h in p.facts.id_token_hosts.iter().filter(|h| !h.suffix.starts_with('.') || h.name.is_empty()) {
        l.push(format!("{id}: ID-token host {h:?} needs a `.suffix` and a name"));
    }
    if p.facts.id_token_issuers.is_empty() != p.facts.id_token_issuer_fix.is_empty() {
        l.push(format!("{id}: id_token_issuers and id_token_issuer_fix go together (wrong_token_type)"));
    }
    if p.facts.id_token_hosts.is_empty() != p.facts.id_token_fix.is_empty() {
        l.push(format!("{id}: id_token_hosts and id_token_fix go together (wrong_token_type)"));
    }
    if !p.facts.id_token_hosts.is_empty() && !p.keys.iter().any(|r| r.kind == KeyKind::Token && !r.prefix.is_empty()) {
        l.push(format!("{id}: id_token_hosts without an access-token rule with a prefix to know its tokens by (wrong_token_type)"));
    }
    for k in p.facts.key_home_prefixes.iter().filter(|k| k.len() < 3) {
        l.push(format!("{id}: key_home_prefixes entry {k:?} is too short to name a provider"));
    }
    for c in p.facts.non_session_cookies.iter().filter(|c| c.len() < 3 || c.bytes().any(|b| b.is_ascii_uppercase())) {
        l.push(format!("{id}: non_session_cookies are lowercase and at least 3 characters: {c:?}"));
    }
    l
}

#[test]
fn registry_gives_the_causes_what_they_need() {
    let missing: Vec<String> = ALL.iter().flat_map(|p| lacks(p)).collect();
    assert!(missing.is_empty(), "providers lack what the causes need:\n{}", missing.join("\n"));
}

#[test]
fn the_registry_check_fails_for_a_provider_that_lacks_something() {
    use authlens_core::providers::{Facts, ForeignHost, HostRule, KeyRule, NotKey};
    static KEYS: [KeyRule; 1] = [KeyRule { id: "x_pk", title: "X publishable key", prefix: "pk_x_", kind: KeyKind::Publishable, env_var: "X_KEY", ..KeyRule::DEFAULT }];
    static HOSTS: [HostRule; 1] = [HostRule { domain: "api.x.test", env: None }];
    let x = |facts: &'static Facts| Provider { id: "x", name: "X", hosts: &HOSTS, keys: &KEYS, facts, ..Provider::DEFAULT };
    let unstated = x(&Facts::NONE);
    assert!(lacks(&unstated).iter().any(|l| l.contains("publishable_endpoints")), "{:?}", lacks(&unstated));
    static STATED: Facts = Facts { publishable: PublishableUse::Paths(&["/tokens"]), ..Facts::NONE };
    assert!(lacks(&x(&STATED)).is_empty(), "{:?}", lacks(&x(&STATED)));
    static UNKNOWN: Facts = Facts { publishable: PublishableUse::Unknown, ..Facts::NONE };
    assert!(lacks(&x(&UNKNOWN)).is_empty());
    static NOT: [NotKey; 1] = [NotKey { prefix: "tok_", contains: "", what: "a card token" }];
    static NO_HINT: Facts = Facts { publishable: PublishableUse::Unknown, not_keys: &NOT, ..Facts::NONE };
    assert!(lacks(&x(&NO_HINT)).iter().any(|l| l.contains("secret_key_hint")));
    static BAD_EXACT: Facts = Facts { publishable: PublishableUse::Unknown, schemes: &["bearer"], scheme_exact: "Basic", ..Facts::NONE };
    assert!(lacks(&x(&BAD_EXACT)).iter().any(|l| l.contains("scheme_exact")));
    static BAD_FIX: Facts = Facts { publishable: PublishableUse::Unknown, scope_fix: "grant {scope}", ..Facts::NONE };
    assert!(lacks(&x(&BAD_FIX)).iter().any(|l| l.contains("scope_fix")));
    static UNSURE: Facts = Facts { publishable: PublishableUse::Unknown, schemes: &["aws4-hmac-sha256"], scheme_unsure_hosts: &[".execute-api."], ..Facts::NONE };
    assert!(lacks(&x(&UNSURE)).iter().any(|l| l.contains("scheme_words")));
    static HALF_SCHEME: Facts = Facts { publishable: PublishableUse::Unknown, token_scheme: "SSWS", ..Facts::NONE };
    assert!(lacks(&x(&HALF_SCHEME)).iter().any(|l| l.contains("token_scheme_paths")));
    static RUN: [ForeignHost; 1] = [ForeignHost { suffix: ".run.x.test", name: "X Run" }];
    static NO_TOKEN_RULE: Facts = Facts { publishable: PublishableUse::Unknown, id_token_hosts: &RUN, ..Facts::NONE };
    assert!(lacks(&x(&NO_TOKEN_RULE)).iter().any(|l| l.contains("id_token_hosts")));
    static LOUD_COOKIE: Facts = Facts { publishable: PublishableUse::Unknown, non_session_cookies: &["__X"], ..Facts::NONE };
    assert!(lacks(&x(&LOUD_COOKIE)).iter().any(|l| l.contains("non_session_cookies")));
}
