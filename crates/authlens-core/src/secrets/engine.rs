//! The matcher. One Aho-Corasick pass over a text finds every shape rule's literal prefix, the
//! base64 form of the distinctive secret prefixes, and the keywords the dedicated scanners
//! ([`super::fields`]) start from. Each candidate is then checked without a regex engine: token
//! boundaries, charset, length, the rule's validator, context for short prefixes, and a
//! plausibility test that keeps placeholders and identifiers out. The text is never copied.

use std::borrow::Cow;
use std::sync::OnceLock;

use aho_corasick::MatchKind;
use base64::Engine as _;

use super::{curl, fields, infix};
use crate::providers::{self, Charset, Env, Find, KeyKind, KeyRule, Provider};

/// Candidates examined per text, at most: a hostile body full of prefixes costs bounded work.
const MAX_CANDIDATES: usize = 20_000;
/// Hits kept per text.
const MAX_HITS: usize = 256;
/// Bytes before a short-prefix match searched for a context keyword.
const NEAR_BEFORE: usize = 96;
/// Bytes after it.
const NEAR_AFTER: usize = 48;
/// PEM `BEGIN` lines examined per text.
const MAX_PEM_BLOCKS: usize = 256;
/// `curl` commands examined per text.
const MAX_CURL_COMMANDS: usize = 256;
/// Longest base64 run decoded to look for an encoded key (a Basic credential is far shorter).
const MAX_B64_RUN: usize = 4096;

/// How a hit was recognised.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum How {
    /// The value as written.
    Plain,
    /// Inside a base64 run (`Basic U0ItTWlk…` baked into a bundle).
    Base64,
    /// A secret-named field (`client_secret: "…"`); the name is kept for the title.
    Field(String),
    /// A key pair or block found by a dedicated scanner.
    Scanner,
}

/// A secret or credential found in a text.
#[derive(Debug, Clone)]
pub(crate) struct Hit<'t> {
    /// Byte span in the scanned text (char boundaries).
    pub start: usize,
    /// End of the span.
    pub end: usize,
    /// The rule it matched.
    pub rule: &'static KeyRule,
    /// Who issued it.
    pub provider: &'static Provider,
    /// The value (never leaves the crate; only its redaction does).
    pub value: Cow<'t, str>,
    /// Environment, when known from the rule or the context.
    pub env: Option<Env>,
    /// How it was found.
    pub how: How,
}

/// What the scanner knows about where a text comes from.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Ctx<'a> {
    /// Provider of the request's destination (request parts only).
    pub destination: Option<&'static Provider>,
    /// Extra context searched for keywords (a header or field name).
    pub extra: &'a str,
    /// The whole text is one credential value (a header value, a query value): short prefixes
    /// need no keyword, and the plausibility test is relaxed.
    pub slot: bool,
    /// Decoding depth (base64 inside base64 is not followed).
    pub depth: u8,
}

#[derive(Debug)]
enum PatKind {
    /// A rule prefix (case-sensitive): the rules sharing it.
    Prefix(Vec<(&'static Provider, &'static KeyRule)>),
    /// A keyword of prefix-less rules (case-insensitive): the rules looking for a value after it.
    Keyword(Vec<(&'static Provider, &'static KeyRule)>),
    /// The base64 encoding of a secret prefix at offset 0 (case-sensitive).
    Base64,
    /// A keyword of a secret-named field (case-insensitive).
    Field,
    /// `-----BEGIN` (case-sensitive).
    Pem,
    /// `AKIA`/`ASIA` (case-sensitive): an AWS access key id, looked at for its secret.
    AwsId,
    /// `curl` (case-sensitive): a command whose options may carry a credential.
    Curl,
    /// `Bearer ` or `Token ` (case-insensitive): a token hard-coded in an Authorization header.
    Bearer,
    /// `btoa(` (case-sensitive): a Basic credential built from a literal `user:secret` pair.
    Btoa,
    /// A literal inside a rule's values, named by its provider's data (`Facts::markers`).
    Marker(&'static Provider, &'static KeyRule),
}

struct Pat {
    lit: String,
    exact: bool,
    kind: PatKind,
}

struct Matcher {
    dfa: Option<aho_corasick::dfa::DFA>,
    pats: Vec<Pat>,
}

/// Field-name keywords that start the secret-named-field scanner (matched case-insensitively).
pub(crate) const FIELD_KEYWORDS: &[&str] = &[
    "secret", "private_key", "privatekey", "private-key", "server_key", "serverkey", "server-key", "auth_token", "authtoken", "passphrase",
    // Credential names that need an API's URL beside them (`fields::api_credential`).
    "token", "key", "password", "authorization",
];

/// The standard base64 encoding of `prefix`, cut to the characters that do not depend on what
/// follows it.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn b64_stable_prefix(prefix: &str) -> String {
    let whole = prefix.len() / 3 * 3;
    base64::engine::general_purpose::STANDARD.encode(&prefix.as_bytes()[..whole])
}

/// The literals the scanner's matcher looks for, each with whether it is matched exactly (a
/// key prefix, a PEM or AWS marker) or ASCII-case-insensitively (a keyword): the full set every
/// byte of a scanned text is searched for. Benchmarks give the same set to ripgrep.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn search_literals() -> Vec<(String, bool)> {
    matcher().pats.iter().map(|p| (p.lit.clone(), p.exact)).collect()
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn matcher() -> &'static Matcher {
    static M: OnceLock<Matcher> = OnceLock::new();
    M.get_or_init(|| {
        let mut pats: Vec<Pat> = Vec::new();
        for (p, r) in providers::all_rules() {
            if let Find::Keyword(words) = r.find {
                for w in words {
                    match pats.iter_mut().find(|x| x.lit == *w && matches!(x.kind, PatKind::Keyword(_))) {
                        Some(Pat { kind: PatKind::Keyword(v), .. }) => v.push((p, r)),
                        _ => pats.push(Pat { lit: (*w).to_string(), exact: false, kind: PatKind::Keyword(vec![(p, r)]) }),
                    }
                }
                continue;
            }
            if !r.has_shape() {
                continue;
            }
            match pats.iter_mut().find(|x| x.lit == r.prefix && matches!(x.kind, PatKind::Prefix(_))) {
                Some(Pat { kind: PatKind::Prefix(v), .. }) => v.push((p, r)),
                _ => pats.push(Pat { lit: r.prefix.to_string(), exact: true, kind: PatKind::Prefix(vec![(p, r)]) }),
            }
            // Distinctive secret prefixes are also looked for base64-encoded, where a bundle
            // hard-codes `Basic base64(KEY:)`.
            if r.kind == KeyKind::Secret && r.find == Find::Prefix && r.prefix.len() >= 6 {
                let lit = b64_stable_prefix(r.prefix);
                if lit.len() >= 8 && !pats.iter().any(|x| x.lit == lit) {
                    pats.push(Pat { lit, exact: true, kind: PatKind::Base64 });
                }
            }
        }
        for k in FIELD_KEYWORDS {
            pats.push(Pat { lit: (*k).to_string(), exact: false, kind: PatKind::Field });
        }
        pats.push(Pat { lit: "-----BEGIN".into(), exact: true, kind: PatKind::Pem });
        // A PEM block stored base64-encoded (`PRIVATE_KEY_B64=LS0tLS1CRUdJTi…`, a Kubernetes
        // secret's data): decoded, and the private-key check of a plain block applied.
        pats.push(Pat { lit: b64_stable_prefix("-----BEGIN"), exact: true, kind: PatKind::Base64 });
        for k in ["AKIA", "ASIA"] {
            pats.push(Pat { lit: k.into(), exact: true, kind: PatKind::AwsId });
        }
        pats.push(Pat { lit: "curl".into(), exact: true, kind: PatKind::Curl });
        pats.push(Pat { lit: "btoa(".into(), exact: true, kind: PatKind::Btoa });
        for k in fields::SCHEME_LITERALS {
            pats.push(Pat { lit: (*k).to_string(), exact: false, kind: PatKind::Bearer });
        }
        // Literals inside a rule's values (provider data), taken with the value around them.
        for p in providers::ALL.iter().copied() {
            for m in p.facts.markers {
                if let Some(r) = p.keys.iter().find(|r| r.id == m.rule) {
                    pats.push(Pat { lit: m.text.to_string(), exact: true, kind: PatKind::Marker(p, r) });
                }
            }
        }
        // A DFA without prefilter: with a hundred patterns starting with most letters, no
        // prefilter could skip anything, and the walk below is a plain table lookup per byte.
        let dfa = aho_corasick::dfa::Builder::new()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .prefilter(false)
            .build(pats.iter().map(|p| p.lit.as_str()))
            .ok();
        Matcher { dfa, pats }
    })
}

/// Number of literal patterns in the prefilter (for documentation and tests).
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn pattern_count() -> usize {
    matcher().pats.len()
}

/// True for bytes that may continue a token: a match must not start or end inside one.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn word_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// True when a token may start at `start`: after a non-word byte, or after a `%XX` escape.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn starts_token(text: &[u8], start: usize) -> bool {
    if start == 0 {
        return true;
    }
    let prev = text[start - 1];
    if !word_byte(prev) {
        return true;
    }
    start >= 3 && text[start - 3] == b'%' && text[start - 2].is_ascii_hexdigit() && prev.is_ascii_hexdigit()
}

/// Bytes a `Graphic` value may hold in free text: visible ASCII but not quotes, backslash or
/// angle brackets, which delimit values in code and markup.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn graphic_token_byte(b: u8) -> bool {
    b.is_ascii_graphic() && !b"\"'`\\<>".contains(&b)
}

/// The maximal runs of each charset measured so far in one text: candidates inside a run already
/// measured reuse its end, so a text full of prefixes (`eyJ.eyJ.…`) is walked once per charset,
/// not once per candidate.
struct Runs {
    last: [(usize, usize); 16],
}

/// The run slot of `Graphic` values (the others use their charset's index).
const GRAPHIC_SLOT: usize = 15;

impl Runs {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn new() -> Runs {
        Runs { last: [(0, 0); 16] }
    }

    /// End of the maximal run of bytes accepted by `allows` that starts at `from`.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn end(&mut self, text: &[u8], from: usize, slot: usize, allows: impl Fn(u8) -> bool) -> usize {
        let (s, e) = self.last[slot];
        if s <= from && from < e {
            return e;
        }
        let mut end = from;
        while end < text.len() && allows(text[end]) {
            end += 1;
        }
        self.last[slot] = (from, end);
        end
    }
}

/// Validator calls per candidate at most, for formats whose end is found by trying lengths.
const MAX_TRIES: usize = 8;

/// Where a value of `rule` starting at `at` (its prefix included) ends, if it has the shape.
fn value_end(text: &[u8], at: usize, rule: &KeyRule, runs: &mut Runs) -> Option<usize> {
    let body = at + rule.prefix.len();
    let after_ok = |end: usize| text.get(end).is_none_or(|b| !word_byte(*b));
    let (min, max) = rule.len();
    let end = match rule.charset {
        Charset::Uuid => {
            let end = body + 36;
            let v = text.get(body..end)?;
            let ok = std::str::from_utf8(v).is_ok_and(providers::is_uuid) && text.get(end).is_none_or(|b| !word_byte(*b) && *b != b'-');
            ok.then_some(end)?
        }
        Charset::Graphic => {
            let run = runs.end(text, body, GRAPHIC_SLOT, graphic_token_byte).saturating_sub(body);
            let top = run.min(max);
            if top < min {
                return None;
            }
            // Try the longest values that end at a token boundary and pass the validator.
            let mut tries = 0;
            for n in (min..=top).rev() {
                let end = body + n;
                if !after_ok(end) || text.get(end).is_some_and(|b| *b == b'-') {
                    continue;
                }
                tries += 1;
                if tries > MAX_TRIES {
                    return None;
                }
                let Ok(v) = std::str::from_utf8(&text[at..end]) else { continue };
                if rule.validate.is_none_or(|f| f(v)) {
                    return Some(end);
                }
            }
            return None;
        }
        cs => {
            let run = runs.end(text, body, cs as usize, |b| cs.allows(b)).saturating_sub(body);
            if run < min || run > max || !after_ok(body + run) {
                return None;
            }
            body + run
        }
    };
    let v = std::str::from_utf8(text.get(at..end)?).ok()?;
    let entropy_ok = rule.entropy == 0 || v.get(rule.prefix.len()..).is_some_and(|b| entropy(b) >= f64::from(rule.entropy) / 10.0);
    (entropy_ok && rule.validate.is_none_or(|f| f(v))).then_some(end)
}

/// Bytes after a keyword searched for a prefix-less rule's value.
const KEYWORD_WINDOW: usize = 48;
/// Candidate starts tried per keyword and rule.
const KEYWORD_TRIES: usize = 6;

/// A value of the prefix-less `rule` shortly after a keyword that ends at `kw_end`: the rest of
/// the name (`_API_KEY`), a separator (`=`, `:`, quotes, blanks) and a token of the rule's shape,
/// all on the keyword's line.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn after_keyword(text: &[u8], kw_start: usize, kw_end: usize, rule: &KeyRule, runs: &mut Runs) -> Option<(usize, usize)> {
    // The keyword starts a name or a name's part (`datadog_key`, `DD_DATADOG_KEY`, `myDatadog`
    // would need a capital: `kDatadog` is not `datadog`).
    if kw_start > 0 {
        let prev = text[kw_start - 1];
        if prev.is_ascii_lowercase() || prev.is_ascii_digit() || (prev.is_ascii_uppercase() && text[kw_start].is_ascii_uppercase()) {
            return None;
        }
    }
    let limit = (kw_end + KEYWORD_WINDOW).min(text.len());
    // The name the keyword starts, to its end: one that names an identifier (`herokuAppId`,
    // `postmark_message_id`, `STRIPE_ACCOUNT_ID`) holds no key.
    let name_end = kw_end + text[kw_end..limit].iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-').count();
    if names_an_id(&text[kw_start..name_end]) {
        return None;
    }
    // A public key's rule (`mixpanel` + 32 hex) does not claim a field its name calls secret
    // (`mixpanelApiSecret`, `AMPLITUDE_SECRET_KEY`): that is the provider's server-side secret.
    if rule.kind == KeyKind::Publishable && contains_word(&text[kw_start..name_end], &["secret"]) {
        return None;
    }
    let mut i = kw_end;
    let mut tries = 0;
    let mut assigned = false;
    while i < limit {
        let c = text[i];
        // After the assignment, a `,` or `;` ends this name's value: what follows is another field's.
        assigned |= c == b'=' || c == b':';
        if assigned && (c == b',' || c == b';') {
            return None;
        }
        // A value starts right after the keyword (`api.telegram.org/bot<token>`) or after a
        // separator; never inside the rest of the name. It may start with a byte that is no
        // separator (a base64 key's `/` or `+`).
        if rule.charset.allows(c) && (i == kw_end || (!word_byte(text[i - 1]) && text[i - 1] != b'-' && text[i - 1] != b'.')) {
            tries += 1;
            if tries > KEYWORD_TRIES {
                return None;
            }
            if let Some(end) = value_end(text, i, rule, runs) {
                return Some((i, end));
            }
        }
        // Between the keyword and the value: the rest of the name, quotes, blanks and one
        // assignment (`=`, `:`, `=>`, `(`). A path or a sentence in between is no assignment.
        if !(c.is_ascii_alphanumeric() || b"_-. \t\"'`:=>(,[{".contains(&c)) {
            return None;
        }
        i += 1;
    }
    None
}

/// True when a field name ends with the word `id` (or `ids`): `AppId`, `_id`, `-ID`, `Ids`.
fn names_an_id(name: &[u8]) -> bool {
    let n = name.len();
    let ends = |suffix: &[u8]| n > suffix.len() && name[n - suffix.len()..].eq_ignore_ascii_case(suffix);
    let (cut, ok) = if ends(b"ids") { (3, true) } else if ends(b"id") { (2, true) } else { (0, false) };
    if !ok {
        return false;
    }
    let before = name[n - cut - 1];
    // A separate word: after `_`/`-`, or a capital `I` after a lowercase letter or digit
    // (`AppId`, `AppID`; not `ANDROID` or `squid`).
    before == b'_' || before == b'-' || (name[n - cut] == b'I' && (before.is_ascii_lowercase() || before.is_ascii_digit()))
}

/// True when one of `words` (lowercase) occurs in `hay`, ignoring ASCII case.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn contains_word(hay: &[u8], words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = w.as_bytes();
        !w.is_empty() && hay.len() >= w.len() && hay.windows(w.len()).any(|x| x.eq_ignore_ascii_case(w))
    })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn near_ok(text: &[u8], start: usize, end: usize, p: &'static Provider, words: &[&str], ctx: &Ctx) -> bool {
    if ctx.slot || ctx.destination.is_some_and(|d| std::ptr::eq(d, p)) || contains_word(ctx.extra.as_bytes(), words) {
        return true;
    }
    let before = &text[start.saturating_sub(NEAR_BEFORE)..start];
    let after = &text[end..(end + NEAR_AFTER).min(text.len())];
    contains_keyword(before, words) || contains_keyword(after, words)
}

/// True when one of `words` is written near the value at `start` (whose prefix ends at `end`),
/// or in the name of the slot it fills: [`near_ok`] without its reasons from the context.
fn named_near(text: &[u8], start: usize, end: usize, words: &[&str], ctx: &Ctx) -> bool {
    let before = &text[start.saturating_sub(NEAR_BEFORE)..start];
    let after = &text[end..(end + NEAR_AFTER + 64).min(text.len())];
    contains_word(ctx.extra.as_bytes(), words) || contains_keyword(before, words) || contains_keyword(after, words)
}

/// [`contains_word`], where a word must start a word of `hay`: after a non-letter, or as a
/// camelCase part (`squareToken`); `okta` is not in `rookTable`.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn contains_keyword(hay: &[u8], words: &[&str]) -> bool {
    words.iter().any(|w| {
        let w = w.as_bytes();
        !w.is_empty()
            && hay.len() >= w.len()
            && hay.windows(w.len()).enumerate().any(|(i, x)| {
                x.eq_ignore_ascii_case(w) && (i == 0 || !hay[i - 1].is_ascii_alphanumeric() || (x[0].is_ascii_uppercase() && !hay[i - 1].is_ascii_uppercase()) || !w[0].is_ascii_alphanumeric())
            })
    })
}

/// Words that mark a value as a placeholder or an example, not a key.
const PLACEHOLDER_MARKS: &[&str] =
    &["xxxx", "example", "placeholder", "your_", "your-", "yourkey", "yoursecret", "insert", "dummy", "redacted", "changeme", "fake"];

/// True when a value looks like a generated key rather than a placeholder or an identifier.
/// `body` is the part after any known prefix.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn plausible(body: &str) -> bool {
    let b = body.as_bytes();
    if b.is_empty() || contains_word(b, PLACEHOLDER_MARKS) {
        return false;
    }
    // One character repeated, or runs like `0000`/`****`; or an alphabet run (`abcdefg`),
    // which a random draw practically never holds and placeholders often do. (Digit runs are
    // left alone: ids in structured tokens are often written `123456789` in examples whose
    // secret part is real.)
    // Digits are left out: numeric ids in structured tokens (`xoxa-2-511111111-…`) repeat them,
    // and a value of few distinct digits fails the test below anyway.
    if b.windows(6).any(|w| !w[0].is_ascii_digit() && w.iter().all(|c| *c == w[0])) {
        return false;
    }
    // Case is ignored: `aBcDeFg` and `LMnOPqRS` are the same run.
    let ascending = |w: &[u8]| w.windows(2).all(|p| p[1].to_ascii_lowercase() == p[0].to_ascii_lowercase().wrapping_add(1));
    if b.windows(7).any(|w| w.iter().all(u8::is_ascii_alphabetic) && ascending(w)) {
        return false;
    }
    // Letters that count up once the digits between them are left out (`a1b2c3d4e5f6g7h8`,
    // `abCD1EF+GHIJ`): eight in a row, which hex (letters a-f) cannot hold and a random draw
    // practically never does.
    let letters: Vec<u8> = b.iter().copied().filter(u8::is_ascii_alphabetic).collect();
    if letters.windows(8).any(ascending) {
        return false;
    }
    // The same count in hex, going round after `f` (`1a2b3c4d5e6f7a8b…`).
    let hex_next = |p: &[u8]| {
        let (a, z) = (p[0].to_ascii_lowercase(), p[1].to_ascii_lowercase());
        (b'a'..=b'f').contains(&a) && (z == a + 1 || (a == b'f' && z == b'a'))
    };
    if letters.len() >= 8 && letters.windows(8).any(|w| w.windows(2).all(hex_next)) {
        return false;
    }
    let mut seen = [false; 256];
    let mut distinct = 0;
    for &c in b {
        if !seen[c as usize] {
            seen[c as usize] = true;
            distinct += 1;
        }
    }
    if distinct < (b.len() / 2).clamp(4, 10) {
        return false;
    }
    if b.len() >= 20 {
        let classes = [b.iter().any(u8::is_ascii_lowercase), b.iter().any(u8::is_ascii_uppercase), b.iter().any(u8::is_ascii_digit)];
        if classes.iter().filter(|c| **c).count() < 2 {
            return false;
        }
    }
    true
}

/// [`plausible`], for a value with no prefix of its own (found by a keyword or a secret-named
/// field): also not one unit written out again. Prefixed keys are spared this test, since peers'
/// and providers' examples of real formats repeat digit ids (`xoxa-2-511111111-3111…`).
pub(crate) fn plausible_unprefixed(value: &str) -> bool {
    plausible(value) && !repeats_a_unit(value.as_bytes())
}

/// True when a stretch of the value is one unit of 4 to 32 characters written out again
/// (`abcdef1234567890abcdef1234567890…`, `a1b2c3d4a1b2c3d4…`): at least twice the unit and 16
/// characters long. Examples are built that way; a random draw of that length practically
/// never is.
fn repeats_a_unit(b: &[u8]) -> bool {
    if b.len() < 16 {
        return false;
    }
    (4..=32usize).any(|p| {
        let need = (2 * p).max(16);
        let mut run = 0usize;
        for i in 0..b.len().saturating_sub(p) {
            if b[i] == b[i + p] {
                run += 1;
                if run + p >= need {
                    return true;
                }
            } else {
                run = 0;
            }
        }
        false
    })
}

/// Shannon entropy in bits per byte.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn entropy(s: &str) -> f64 {
    providers::entropy(s)
}

/// Every secret, publishable key and token recognised in `text`, best rule per span, in order.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn scan<'t>(text: &'t str, ctx: &Ctx) -> Vec<Hit<'t>> {
    scan_bounded(text, ctx).0
}

/// [`scan`], and whether it stopped before the end of `text` because a cap was reached (a text
/// dense with key prefixes or keys): what lies beyond was not looked at, and callers say so.
pub(crate) fn scan_bounded<'t>(text: &'t str, ctx: &Ctx) -> (Vec<Hit<'t>>, bool) {
    let m = matcher();
    let Some(dfa) = m.dfa.as_ref() else { return (Vec::new(), false) };
    let bytes = text.as_bytes();
    let mut hits: Vec<Hit<'t>> = Vec::new();
    let mut field_done_until = 0usize;
    let mut runs = Runs::new();
    let mut pem_tries = 0usize;
    let mut curl_tries = 0usize;
    // Candidates examined: enough for any real file; a text made of prefixes stops early.
    let max_candidates = MAX_CANDIDATES.max(text.len() / 8);
    let (mut secrets, mut counted) = (0usize, 0usize);
    let mut stopped = false;
    for (n, (pid, end)) in crate::dfa::occurrences(dfa, bytes, max_candidates + 1).into_iter().enumerate() {
        secrets += hits[counted..].iter().filter(|h| h.rule.kind == KeyKind::Secret).count();
        counted = hits.len();
        // Secrets are capped; publishable keys and tokens (a list of payment client secrets)
        // may be many more before they stop the scan.
        if n >= max_candidates || secrets >= MAX_HITS || hits.len() >= MAX_HITS * 16 {
            stopped = true;
            break;
        }
        let Some(pat) = m.pats.get(pid as usize) else { continue };
        let end = end as usize;
        let Some(start) = end.checked_sub(pat.lit.len()) else { continue };
        if pat.exact && &bytes[start..end] != pat.lit.as_bytes() {
            continue;
        }
        match &pat.kind {
            PatKind::Prefix(rules) => {
                if !starts_token(bytes, start) {
                    continue;
                }
                // A rule known only near its keywords that shares its prefix with a rule found
                // anywhere (Clerk's `sk_live_` beside Stripe's, Gemini's `AIza` beside Google's
                // public keys) counts only when one of its keywords is written near the value
                // (the `CLERK_` of `CLERK_SECRET_KEY`), and then it is the only one tried.
                // Sent to that rule's provider it counts too, unless a rule found anywhere is
                // that provider's own (Google's public `AIza` keys beside Gemini's).
                let shared = rules.iter().any(|(_, r)| !matches!(r.find, Find::Near(_)));
                let named = |p: &'static Provider, r: &KeyRule| match r.find {
                    Find::Near(words) => {
                        shared
                            && (named_near(bytes, start, end, words, ctx)
                                || (ctx.destination.is_some_and(|d| std::ptr::eq(d, p))
                                    && !rules.iter().any(|(q, o)| std::ptr::eq(*q, p) && !matches!(o.find, Find::Near(_)))))
                    }
                    _ => false,
                };
                // Which rules are so named, each looked at once (a prefix has a handful of rules).
                let named_mask = rules.iter().take(64).enumerate().filter(|(_, (p, r))| named(p, r)).fold(0u64, |m, (i, _)| m | 1 << i);
                for (i, &(p, r)) in rules.iter().enumerate() {
                    let is_named = i < 64 && named_mask & 1 << i != 0;
                    if shared && (named_mask != 0 || matches!(r.find, Find::Near(_))) && !is_named {
                        continue;
                    }
                    let Some(vend) = value_end(bytes, start, r, &mut runs) else { continue };
                    if let Find::Near(words) = r.find {
                        if !near_ok(bytes, start, vend, p, words, ctx) {
                            continue;
                        }
                    }
                    let Some(value) = text.get(start..vend) else { continue };
                    let body = &value[r.prefix.len()..];
                    // JWTs are judged by their claims, not by how random they look; URLs with a
                    // password by their validator, which looks at the password alone.
                    if !ctx.slot && r.prefix != "eyJ" && !r.prefix.ends_with("://") && !plausible(body) {
                        continue;
                    }
                    hits.push(Hit { start, end: vend, rule: r, provider: p, value: Cow::Borrowed(value), env: r.env, how: How::Plain });
                }
            }
            PatKind::Keyword(rules) => {
                for &(p, r) in rules {
                    let Some((vs, ve)) = after_keyword(bytes, start, end, r, &mut runs) else { continue };
                    let Some(value) = text.get(vs..ve) else { continue };
                    if !plausible_unprefixed(value) {
                        continue;
                    }
                    hits.push(Hit { start: vs, end: ve, rule: r, provider: p, value: Cow::Borrowed(value), env: r.env, how: How::Plain });
                }
            }
            PatKind::Base64 => {
                // Not inside a longer base64 run; an `=` before it is an assignment, not padding
                // (padding only ends a run).
                if ctx.depth > 0 || (start > 0 && is_b64_byte(bytes[start - 1]) && bytes[start - 1] != b'=') {
                    continue;
                }
                let mut e = start;
                while e < bytes.len() && e - start < MAX_B64_RUN && is_b64_byte(bytes[e]) {
                    e += 1;
                }
                let run = &text[start..e];
                let Some(decoded) = decode_b64(run) else { continue };
                let inner = Ctx { depth: ctx.depth + 1, slot: false, ..*ctx };
                for h in scan(&decoded, &inner) {
                    if h.rule.kind == KeyKind::Secret && h.start == 0 {
                        hits.push(Hit { start, end: e, value: Cow::Owned(h.value.into_owned()), how: How::Base64, ..h });
                    }
                }
            }
            PatKind::Field => {
                if start < field_done_until {
                    continue;
                }
                if let Some((h, name_end)) = fields::secret_field(text, start, end, ctx) {
                    field_done_until = name_end;
                    hits.extend(h);
                }
            }
            PatKind::Pem => {
                // Real files hold a handful of keys; a text of BEGIN lines stops being examined.
                pem_tries += 1;
                if pem_tries <= MAX_PEM_BLOCKS {
                    hits.extend(fields::pem_block(text, start));
                }
            }
            PatKind::AwsId => hits.extend(fields::aws_pair(text, start)),
            PatKind::Marker(p, r) => hits.extend(infix::at_marker(text, start, p, r)),
            PatKind::Bearer => hits.extend(fields::bearer_literal(text, start, end)),
            PatKind::Btoa => hits.extend(fields::btoa_pair(text, end)),
            PatKind::Curl => {
                curl_tries += 1;
                if curl_tries <= MAX_CURL_COMMANDS {
                    hits.extend(curl::credentials(text, start, end));
                }
            }
        }
    }
    if ctx.slot && hits.is_empty() && !ctx.extra.is_empty() {
        hits.extend(slot_keyword(text, ctx));
    }
    (resolve(hits, ctx), stopped)
}

/// A whole credential slot (a header or query value) whose name holds a prefix-less rule's
/// keyword (`DD-API-KEY: <32 hex>`), with the rule's shape.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn slot_keyword<'t>(text: &'t str, ctx: &Ctx) -> Option<Hit<'t>> {
    let v = text.trim();
    let start = text.len() - text.trim_start().len();
    providers::all_rules().find_map(|(p, r)| {
        let Find::Keyword(words) = r.find else { return None };
        (contains_word(ctx.extra.as_bytes(), words) && r.shape_ok(v) && plausible_unprefixed(v))
            .then(|| Hit { start, end: start + v.len(), rule: r, provider: p, value: Cow::Borrowed(v), env: r.env, how: How::Plain })
    })
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn is_b64_byte(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'+' || b == b'/' || b == b'='
}

/// Lenient base64: padding optional, stray trailing bits accepted.
const LENIENT: base64::engine::GeneralPurpose = base64::engine::GeneralPurpose::new(
    &base64::alphabet::STANDARD,
    base64::engine::GeneralPurposeConfig::new()
        .with_decode_padding_mode(base64::engine::DecodePaddingMode::Indifferent)
        .with_decode_allow_trailing_bits(true),
);

/// Decode a base64 run (padding optional) into text, when it is text.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn decode_b64(run: &str) -> Option<String> {
    let t = run.trim_end_matches('=');
    // A lone character after the last whole quantum cannot be decoded: drop it.
    let t = if t.len() % 4 == 1 { &t[..t.len() - 1] } else { t };
    let bytes = LENIENT.decode(t).ok()?;
    let s = String::from_utf8(bytes).ok()?;
    (!s.bytes().any(|b| b < 0x09)).then_some(s)
}

/// One hit per span: at the same start the destination's provider wins, then the longest prefix,
/// then the longest value; hits inside another hit are dropped.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn resolve<'t>(mut hits: Vec<Hit<'t>>, ctx: &Ctx) -> Vec<Hit<'t>> {
    // By start, then best first: (destination's provider, prefix length, value length, secret),
    // packed into the low 32 bits, inverted so that the best sorts first.
    let key = |h: &Hit| {
        let here = u64::from(ctx.destination.is_some_and(|d| std::ptr::eq(d, h.provider)));
        let prefix = h.rule.prefix.len().min(0xff) as u64;
        // A provider's own format beats the secret-named-field scanner on the same value.
        let specific = u64::from(h.rule.find != Find::Scanner);
        let span = (h.end - h.start).min(0x1f_ffff) as u64;
        let secret = u64::from(h.rule.kind == KeyKind::Secret);
        let rank = here << 31 | prefix << 23 | specific << 22 | span << 1 | secret;
        (h.start.min(u32::MAX as usize) as u64) << 32 | (!rank & 0xffff_ffff)
    };
    crate::order::sort_by_u64_key(&mut hits, key);
    let mut out: Vec<Hit<'t>> = Vec::with_capacity(hits.len());
    for h in hits {
        // Sorted by start, best first: anything overlapping the previous kept hit loses.
        if out.last().is_some_and(|last| h.start < last.end) {
            continue;
        }
        out.push(h);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rules_found(text: &str) -> Vec<&'static str> {
        scan(text, &Ctx::default()).iter().map(|h| h.rule.id).collect()
    }

    fn key(prefix: &str, n: usize) -> String {
        let body: String = (0..n).map(|i| b"aB3dE5gH7jK9mN2pQ4sT6vW8yZ"[(i * 5 + 1) % 26] as char).collect();
        format!("{prefix}{body}")
    }

    #[test]
    fn finds_prefixed_keys_with_boundaries() {
        let k = key("sk_live_", 24);
        assert_eq!(rules_found(&format!("const a=\"{k}\";")), vec!["stripe_secret_key_live"]);
        assert!(rules_found(&format!("task{k}")).is_empty(), "inside a word");
        assert!(rules_found(&format!("{k}_more")).is_empty(), "continues as a word");
        assert_eq!(rules_found(&format!("key%3D{k}")), vec!["stripe_secret_key_live"]);
    }

    #[test]
    fn keyword_values_may_start_with_any_byte_of_their_charset() {
        // One base64 key in 32 starts with `/` or `+`; both were missed after `AccountKey=`.
        let b64 = super::super::samples::expand("{b64:85}", 21);
        for first in ['/', '+', 'Q'] {
            let account = format!("DefaultEndpointsProtocol=https;AccountName=acme;AccountKey={first}{b64}==;EndpointSuffix=core.windows.net");
            assert_eq!(rules_found(&account), vec!["azure_storage_account_key"], "{account}");
            let sas = format!("Endpoint=sb://acme.servicebus.windows.net/;SharedAccessKeyName=Root;SharedAccessKey={first}{}=", &b64[..42]);
            assert_eq!(rules_found(&sas), vec!["azure_shared_access_key"], "{sas}");
        }
        // A path between the keyword and a value is still no assignment.
        assert!(rules_found(&format!("accountkey /docs/{b64}")).is_empty());
    }

    #[test]
    fn a_keyword_claims_only_the_value_of_its_own_field() {
        let uuid = "3f2b8c1e-9a47-4d6b-b2e5-7c1d0a9e6f43";
        // Postmark's server token is a UUID after `postmark`; its message ids are UUIDs too.
        assert_eq!(rules_found(&format!("POSTMARK_SERVER_TOKEN={uuid}")), vec!["postmark_server_token"]);
        assert!(rules_found(&format!("const m={{postmarkMessageId:\"{uuid}\"}}")).is_empty());
        assert!(rules_found(&format!("HEROKU_APP_ID={uuid}")).is_empty());
        // Nor the value of the next field on the line.
        assert!(rules_found(&format!("{{postmarkTemplateId:4012,hubspotFormId:\"{uuid}\"}}")).is_empty());
        assert!(super::names_an_id(b"herokuAppId") && super::names_an_id(b"STRIPE_ACCOUNT_ID") && super::names_an_id(b"form-ids"));
        assert!(!super::names_an_id(b"squid") && !super::names_an_id(b"postmarkToken") && !super::names_an_id(b"ANDROID"));
    }

    #[test]
    fn a_public_key_rule_does_not_claim_a_field_named_secret() {
        let hex = "9f86d081884c7d659a2feaa0c55ad015";
        // Mixpanel's project token is public; its API secret (same shape) is not.
        assert!(rules_found(&format!("mixpanel.init(\"{hex}\")")).iter().all(|r| *r != "generic_secret"), "{:?}", rules_found(&format!("mixpanel.init(\"{hex}\")")));
        assert_eq!(rules_found(&format!("const c={{mixpanelApiSecret:\"{hex}\"}}")), vec!["generic_secret"]);
    }

    #[test]
    fn placeholders_and_identifiers_are_not_keys() {
        assert!(rules_found("sk_live_xxxxxxxxxxxxxxxxxxxxxxxx").is_empty());
        assert!(rules_found("sk_live_YOUR_KEY_HERE_PLEASE_1234").is_empty());
        assert!(rules_found("sk_live_000000000000000000000000").is_empty());
        // An alphabet run in mixed case is still a run.
        assert!(!plausible("abCD1EF+GHIJxLMnOPqRSa53VWX05zaBCdE/fg9hi4k="));
        assert!(!plausible("Xk2aBcDeFgH9q"));
        assert!(!plausible("abCD1EF+GHIJxLMnOA53ST8uVWX05zaBCdE/fg9hi4k="));
        assert!(!plausible("a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6"));
        assert!(!plausible("1a2b3c4d5e6f7a8b9c0d1e2f3a4b5c6d"), "a hex count going round after f");
        assert!(plausible("3f9c1e2ab47d4c0e9a6b2d8f1c7e5a90"));
        assert!(plausible("9e107d9d372bb6826bd81d3542a419d6"), "hex letters cannot run to eight");
        assert!(plausible("Kq3ZpV8tRw2LmN5bXc7YdH1sJf4Gk6Tn9Qa0We2Rt5Y="));
        // One unit written out again and again (a value with no prefix of its own).
        assert!(!plausible_unprefixed("abcdef1234567890abcdef1234567890abcdef1234567890abcdef1234567890"));
        assert!(!plausible_unprefixed("9f8e7d6c9f8e7d6c9f8e7d6c"));
        assert!(plausible_unprefixed("9f8e7d6c5b4a39281716151413121110"), "a unit once is not a repeat");
        assert!(plausible_unprefixed("Zq9f8e7dXw1f8e7dKp3Lm5Nq7Rs9Tu1V"), "a few characters in common are not a repeat");
        assert!(rules_found("client_secret = \"abcdef1234567890abcdef1234567890abcdef12\"").is_empty(), "a repeated example under a secret name");
    }

    #[test]
    fn short_prefixes_need_context_in_free_text() {
        let t = key("EAAA", 60);
        assert!(rules_found(&format!("x=\"{t}\"")).is_empty());
        assert_eq!(rules_found(&format!("accessToken:\"{t}\"")), vec!["square_access_token"]);
        let slot = Ctx { slot: true, ..Ctx::default() };
        assert_eq!(scan(&t, &slot).len(), 1);
    }

    #[test]
    fn base64_encoded_basic_credentials() {
        let k = key("SB-Mid-server-", 20);
        let b = base64::engine::general_purpose::STANDARD.encode(format!("{k}:"));
        let text = format!("headers:{{Authorization:\"Basic {b}\"}}");
        let hits = scan(&text, &Ctx::default());
        assert_eq!(hits.len(), 1);
        assert_eq!(hits[0].rule.id, "midtrans_server_key_sandbox");
        assert_eq!(hits[0].how, How::Base64);
        assert_eq!(hits[0].value, k);
    }

    #[test]
    fn base64_encoded_pem_private_keys() {
        let pem = crate::secrets::samples::pem(7, false);
        let b = base64::engine::general_purpose::STANDARD.encode(&pem);
        for text in [format!("PRIVATE_KEY_B64={b}"), format!("{{\"privateKey\": \"{b}\"}}")] {
            let hits = scan(&text, &Ctx::default());
            assert_eq!(hits.len(), 1, "{text}");
            assert_eq!(hits[0].rule.id, "pem_private_key");
            assert_eq!(hits[0].how, How::Base64);
        }
        let cert = base64::engine::general_purpose::STANDARD.encode("-----BEGIN CERTIFICATE-----\nMIIDxDCCAqygAwIBAgIU\n-----END CERTIFICATE-----\n");
        assert!(rules_found(&format!("ca.pem: {cert}")).is_empty(), "a certificate is public");
        assert!(rules_found(&format!("x{b}")).is_empty(), "inside a longer base64 run");
    }

    /// The two-stream walk finds exactly what aho-corasick's own overlapping search finds, in
    /// the same order, including matches across the middle, on texts built from pattern pieces.
    #[test]
    fn two_streams_find_what_one_search_finds() {
        use crate::dfa::{occurrences, TWO_STREAMS_FROM};
        let m = matcher();
        let dfa = m.dfa.as_ref().expect("the DFA builds");
        let ac = aho_corasick::AhoCorasick::builder()
            .ascii_case_insensitive(true)
            .match_kind(MatchKind::Standard)
            .build(m.pats.iter().map(|p| p.lit.as_str()))
            .expect("builds");
        let pieces: Vec<&str> = m.pats.iter().map(|p| p.lit.as_str()).chain(["x", " ", "SECRET", "_", "é", "\n"]).collect();
        let mut seed = 0x2545_f491_4f6c_dd1du64;
        for round in 0..40 {
            let mut text = String::new();
            let target = TWO_STREAMS_FROM + round * 997;
            while text.len() < target {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(pieces[(seed % pieces.len() as u64) as usize]);
                // Filler between pieces, sometimes none, so pieces also touch and overlap.
                for _ in 0..(seed >> 32) % 5 {
                    text.push('q');
                }
            }
            let expected: Vec<(u32, u32)> =
                ac.find_overlapping_iter(&text).map(|x| (x.pattern().as_u32(), x.end() as u32)).collect();
            let got = occurrences(dfa, text.as_bytes(), usize::MAX);
            assert_eq!(got.len(), expected.len(), "round {round}");
            assert_eq!(got, expected, "round {round}");
            let capped = occurrences(dfa, text.as_bytes(), 7);
            assert_eq!(capped.len(), 7.min(expected.len()));
        }
    }

    #[test]
    fn a_text_past_the_caps_says_it_stopped() {
        let k = key("sk_live_", 24);
        let dense: String = (0..MAX_HITS + 10).map(|i| format!("{k}{i:04} ")).collect();
        let (hits, stopped) = scan_bounded(&dense, &Ctx::default());
        assert!(stopped);
        assert!(hits.len() <= MAX_HITS + 1, "{}", hits.len());
        let one = format!("a=\"{k}\"");
        let (hits, stopped) = scan_bounded(&one, &Ctx::default());
        assert_eq!((hits.len(), stopped), (1, false));
        assert!(!scan_bounded(&"x".repeat(100_000), &Ctx::default()).1);
    }

    #[test]
    fn hostile_text_does_not_panic() {
        for t in ["sk_live_", "\u{e9}sk_live_\u{e9}", "-----BEGIN", "AKIA", "secret", "secret:\"", "U0ItTWlkLXNlcnZlci", "eyJ.eyJ.", "AQE"] {
            let _ = scan(t, &Ctx::default());
            let _ = scan(t, &Ctx { slot: true, ..Ctx::default() });
        }
    }
}
