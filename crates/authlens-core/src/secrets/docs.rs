//! The list of covered providers and rules, generated from the provider files: `authlens explain
//! --list-secrets` prints it and `docs/secrets.md` is this text (a test keeps them equal).

use crate::providers::{self, Charset, Env, Find, KeyKind, KeyRule, Provider};

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn charset_words(c: Charset) -> &'static str {
    match c {
        Charset::Alnum => "letters and digits",
        Charset::AlnumDashUnderscore => "letters, digits, `-`, `_`",
        Charset::Base32Lower => "lowercase base32",
        Charset::Uuid => "a UUID",
        Charset::Base64UrlDot => "base64url and `.`",
        Charset::Base64 => "base64",
        Charset::HexLower => "lowercase hex",
        Charset::Any => "token characters",
        Charset::Graphic => "visible characters",
        Charset::UpperAlnum => "uppercase letters and digits",
        Charset::LowerAlnum => "lowercase letters and digits",
        Charset::Hex => "hex",
        Charset::Digits => "digits",
    }
}

/// How a rule recognises its values, in one line.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn recognised_by(r: &KeyRule) -> String {
    let len = if r.len.0 == r.len.1 { format!("{}", r.len.0) } else { format!("{}–{}", r.len.0, r.len.1) };
    let shape = || {
        let mut s = if r.prefix.is_empty() {
            format!("{len} {}", charset_words(r.charset))
        } else {
            format!("`{}` + {len} {}", r.prefix, charset_words(r.charset))
        };
        if r.prefix == "eyJ" {
            s = "a JWT".into();
        }
        if r.validate.is_some() {
            s.push_str(", ");
            s.push_str(if r.recognition().is_empty() { "format checked" } else { r.recognition() });
        }
        s
    };
    match r.find {
        Find::Prefix => shape(),
        Find::Near(words) => format!("{}; in free text only near {}", shape(), words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")),
        Find::Keyword(words) => format!("{} after {} in a name on the same line (or in a header of that name, or sent to the provider)", shape(), words.iter().map(|w| format!("`{w}`")).collect::<Vec<_>>().join(", ")),
        Find::BasicPassword => "the password of a Basic credential sent to this provider".into(),
        Find::BasicUser => "the user-id of a Basic credential sent to this provider".into(),
        Find::Scanner if !r.recognition().is_empty() => r.recognition().into(),
        Find::Scanner => "a dedicated scanner".into(),
    }
}

/// Text safe in Markdown prose and table cells.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn md(s: &str) -> String {
    s.replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;")
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn kind_words(k: KeyKind) -> &'static str {
    match k {
        KeyKind::Secret => "**secret** (finding)",
        KeyKind::Publishable => "publishable (safe in a frontend)",
        KeyKind::Token => "token (not a finding)",
    }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn env_words(e: Option<Env>, certain: bool) -> String {
    match (e, certain) {
        (Some(e), true) => e.as_str().to_string(),
        (Some(e), false) => format!("{} (hint)", e.as_str()),
        (None, _) => "from the destination, or unknown".into(),
    }
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn host_words(p: &Provider) -> String {
    if p.hosts.is_empty() {
        return "none (not an API)".into();
    }
    p.hosts
        .iter()
        .map(|h| match h.env {
            Some(e) => format!("`{}` ({})", h.domain, e.as_str()),
            None => format!("`{}`", h.domain),
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Counts for the summary line.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn counts() -> (usize, usize, usize, usize) {
    let rules: Vec<_> = providers::all_rules().collect();
    let secret = rules.iter().filter(|(_, r)| r.kind == KeyKind::Secret).count();
    let publishable = rules.iter().filter(|(_, r)| r.kind == KeyKind::Publishable).count();
    (providers::ALL.len(), rules.len(), secret, publishable)
}

/// How a provider is written as data (the head of `docs/secrets.md`).
const RULE_FORMAT: &str = r#"## Adding a provider

Add one file, `crates/authlens-core/rules/<id>.toml` (the id in lowercase letters); `build.rs`
compiles every file there into the static tables the engine, `authlens explain` and this page read.
Nothing else changes. Code stays code: a rule that needs a check names a function of
`src/providers/validators.rs`, and a rule found by a dedicated scanner of `src/secrets/` says so.

```toml
# Where the format facts come from (the provider's documentation).
[provider]
id = "example"                      # lowercase letters, the file's name
name = "Example"
hosts = ["api.example.com"]         # or { domain = "sandbox.example.com", env = "sandbox" }
                                    # (also sandbox_hosts / production_hosts)
auth = "Authorization: Bearer ex_live_… to api.example.com, from a server"
docs = "https://docs.example.com/auth"
# What the causes read, all optional (tests/provider_data.rs fails when one a cause needs is missing):
publishable_endpoints = ["/v1/tokens"]  # where a publishable key is right, or "unknown" (needed with publishable rules)
schemes = ["bearer"]                # Authorization schemes accepted, lowercase, the preferred first
query_keys = ["key"]                # query parameters in which the API documents a credential
scope_fix = "grant {need} to the key in the Example dashboard"   # the first fix of insufficient_scope
repro_headers = ["example-version"] # request headers a reproduction keeps

[[body]]                            # error bodies a 401 may carry
contains = "invalid_api_key"
meaning = "Example does not know this key"
fix = "create a new key in Example's dashboard"   # optional: the remedy, first among the fix steps

[[rule]]
id = "example_secret_key"           # snake_case, unique
title = "Example secret key"
kind = "secret"                     # secret | publishable | token
env = "production"                  # optional: sandbox | production
env_certain = true
env_var = "EXAMPLE_SECRET_KEY"      # what a reproduction uses in its place
prefix = "ex_live_"                 # or none, with keywords (found after the keyword)
charset = "alnum"                   # alnum, alnum_dash_underscore, hex_lower, hex, base64, base64url_dot,
                                    # any, graphic, upper_alnum, lower_alnum, digits, uuid, base32_lower
len = [32, 32]                      # after the prefix
keywords = ["example"]              # with a prefix: needed nearby in free text; without: the value follows one
entropy = 3.0                       # optional floor, bits per character (required without a prefix)
validate = "jwt_shape"              # optional named check
recognition = "CRC32 checksum verified"   # optional: what the check verifies, in the rule list
headers = ["authorization"]         # where the key is meant to travel (documentation)
positive = ['EXAMPLE_SECRET_KEY=ex_live_{alnum:32}']   # each must be found under this rule
negative = ['ex_live_{alnum:8}']                         # none may be
```

The other statements a cause may read (`not_keys`, `secret_key_hint`, `project_api_keys`,
`path_schemes`, `scheme_unsure_hosts`, `scheme_words`, `scheme_exact`, `refuses_passwords`,
`anonymous_project_key`, `retired_query_keys`, `project_host_suffix`, `no_scheme_fix`,
`foreign_hosts`, `status_in_body`, `sso_fix`, `key_home_prefixes`, `api_domains`,
`secret_id_hosts`, `token_scheme`, `token_scheme_paths`, `id_token_hosts`, `id_token_fix`,
`id_token_issuers`, `id_token_issuer_fix`, `non_session_cookies`, `issuer_fix`, and `markers` for
the scanner; per rule `bare_ok`) are
described on `Facts` and `KeyRule` in `src/providers/mod.rs`. No cause names a provider: what a
provider does differently is stated in its file.

A credential without a shape of its own has `find` instead of a prefix, keywords, charset and
length: `find = "basic_password"` or `"basic_user"` for the password or the user-id half of a
Basic credential sent to the provider's hosts (its examples are such halves: a positive is
recognised sent there, a negative is not), `find = "scanner"` for a rule a dedicated scanner in
`src/secrets/` reports by its id (PEM blocks, AWS key pairs, secret-named fields; its
`recognition` says what the scanner looks for, and its examples are texts the scanner reads).

Examples are written with placeholders (`{alnum:N}`, `{hex:N}`, `{HEX:N}`, `{lower:N}`, `{upper:N}`,
`{lalnum:N}`, `{ualnum:N}`, `{digits:N}`, `{b64:N}`, `{b64url:N}`, `{uuid}`, and `{crc:N}`: `N`
letters and digits followed by their CRC32 in 6 base62 digits, as GitHub's tokens end) that the
test fills with deterministic characters, so the repository holds no secret-shaped literal.
Values that are placeholders themselves (repeated or alphabet runs, `xxxx`, `example`,
`your_…`) are never reported.

"#;

/// The Markdown list of providers and rules.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn markdown() -> String {
    let (np, nr, ns, npub) = counts();
    let mut out = String::from("# Secret rules\n\n");
    out.push_str("<!-- Generated from crates/authlens-core/rules/*.toml (with the named checks of src/providers/validators.rs) by `authlens explain --list-secrets`. Do not edit: a test compares this file with the output. -->\n\n");
    out.push_str(&format!(
        "{np} providers, {nr} rules: {ns} secret formats (reported as `secret_key_exposed`), {npub} publishable formats \
(recognised so they are never reported), the rest tokens. Severity: critical for live/production keys, high for \
sandbox/test keys; a generic secret-named field of unknown origin is high. One Aho-Corasick pass over {} literal \
prefixes and keywords finds candidates; each is then checked for boundaries, charset, length, checksum or claims, context and plausibility.\n\n",
        super::engine::pattern_count()
    ));
    out.push_str(RULE_FORMAT);
    let mut ps: Vec<&Provider> = providers::ALL.to_vec();
    ps.sort_by_key(|p| (p.hosts.is_empty(), p.name.to_ascii_lowercase()));
    for p in ps {
        out.push_str(&format!("## {} (`{}`)\n\n", p.name, p.id));
        out.push_str(&format!("Hosts: {}.  \nAuthentication: {}.  \nDocs: <{}>\n\n", host_words(p), md(p.auth.trim_end_matches('.')), p.docs));
        out.push_str("| rule | kind | environment | recognised by |\n|---|---|---|---|\n");
        for r in p.keys {
            out.push_str(&format!(
                "| `{}` {} | {} | {} | {} |\n",
                r.id,
                md(r.title),
                kind_words(r.kind),
                env_words(r.env, r.env_certain),
                md(&recognised_by(r))
            ));
        }
        out.push('\n');
    }
    out
}

/// The documentation of one rule, for `authlens explain <rule id>`.
#[cfg(feature = "docs")]
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn explain_rule(id: &str) -> Option<String> {
    let (p, r) = providers::rule_by_id(id)?;
    let headers = providers::rule_headers(r.id);
    let sent = if headers.is_empty() { String::new() } else { format!("- sent in: {}\n", headers.iter().map(|h| format!("`{h}`")).collect::<Vec<_>>().join(", ")) };
    Some(format!(
        "# {}\n\n{} — {}\n\n- provider: {} (`{}`)\n- environment: {}\n- recognised by: {}\n{sent}- use in its place: the `{}` environment variable, on a server\n- how {} authenticates: {}\n- docs: <{}>\n",
        r.id,
        r.title,
        kind_words(r.kind),
        p.name,
        p.id,
        env_words(r.env, r.env_certain),
        recognised_by(r),
        r.env_var(),
        p.name,
        p.auth,
        p.docs
    ))
}

/// The README's provider table (between `<!-- secrets:begin -->` and `<!-- secrets:end -->`).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn readme_table() -> String {
    let (np, nr, ns, _) = counts();
    let mut out = format!("{np} providers, {nr} rules ({ns} secret formats). Generated from the provider files; details in [docs/secrets.md](docs/secrets.md).\n\n| provider | reported: secret | never reported: safe in a frontend |\n|---|---|---|\n");
    let mut ps: Vec<&Provider> = providers::ALL.to_vec();
    ps.sort_by_key(|p| (p.hosts.is_empty(), p.name.to_ascii_lowercase()));
    for p in ps {
        let list = |k: KeyKind| {
            let mut titles: Vec<String> = Vec::new();
            for r in p.keys.iter().filter(|r| r.kind == k) {
                if !titles.contains(&md(r.title)) {
                    titles.push(md(r.title));
                }
            }
            titles.join("; ")
        };
        out.push_str(&format!("| {} | {} | {} |\n", p.name, list(KeyKind::Secret), list(KeyKind::Publishable)));
    }
    out
}

#[cfg(test)]
mod tests {
    /// `docs/secrets.md` is generated: `UPDATE_DOCS=1 cargo test -p authlens-core docs_are_current`
    /// rewrites it after a provider file changed.
    #[test]
    fn docs_are_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/secrets.md");
        let want = super::markdown();
        if std::env::var_os("UPDATE_DOCS").is_some() {
            std::fs::write(path, &want).unwrap();
        }
        let have = std::fs::read_to_string(path).unwrap_or_default();
        assert!(have == want, "docs/secrets.md is stale: run `UPDATE_DOCS=1 cargo test -p authlens-core docs_are_current` (or `authlens explain --list-secrets > docs/secrets.md`)");
    }

    /// The README's provider table is generated too (same `UPDATE_DOCS=1`).
    #[test]
    fn readme_table_is_current() {
        let path = concat!(env!("CARGO_MANIFEST_DIR"), "/../../README.md");
        let readme = std::fs::read_to_string(path).unwrap_or_default();
        let (begin, end) = ("<!-- secrets:begin -->\n", "<!-- secrets:end -->");
        let (Some(b), Some(e)) = (readme.find(begin), readme.find(end)) else { panic!("README.md lacks the secrets markers") };
        let want = format!("{}{}{}{}", &readme[..b + begin.len()], super::readme_table(), "\n", &readme[e..]);
        if std::env::var_os("UPDATE_DOCS").is_some() && want != readme {
            std::fs::write(path, &want).unwrap();
            return;
        }
        assert!(want == readme, "the README's provider table is stale: run `UPDATE_DOCS=1 cargo test -p authlens-core readme_table_is_current`");
    }

    #[test]
    #[cfg(feature = "docs")]
    fn every_rule_is_listed_and_explained() {
        let md = super::markdown();
        for (_, r) in crate::providers::all_rules() {
            assert!(md.contains(&format!("`{}`", r.id)), "{}", r.id);
            assert!(super::explain_rule(r.id).is_some());
        }
    }
}
