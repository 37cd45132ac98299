//! Plain text for a terminal.

use crate::report::{EntryReport, Report};

/// Render every entry with causes or findings, then a summary line.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn render(report: &Report) -> String {
    let mut out = String::new();
    for n in &report.notes {
        out.push_str(&format!("note: {n}\n"));
    }
    if !report.notes.is_empty() {
        out.push('\n');
    }
    for e in report.entries.iter().filter(|e| e.auth_failure || !e.causes.is_empty() || !e.findings.is_empty()) {
        entry(&mut out, e);
    }
    let s = &report.summary;
    out.push_str(&format!(
        "{} entries, {} authentication failures ({} explained, {} without a specific cause), {} exposed secrets ({} critical, {} high){}\n",
        s.entries,
        s.auth_failures,
        s.auth_failures - s.unexplained.min(s.auth_failures),
        s.unexplained,
        s.exposed_secrets,
        s.critical,
        s.high,
        super::in_url_suffix(s.credentials_in_url)
    ));
    out
}

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn entry(out: &mut String, e: &EntryReport) {
    let env = match (e.provider, e.environment) {
        (Some(p), Some(env)) => format!("  [{p} {}]", env.as_str()),
        (Some(p), None) => format!("  [{p}]"),
        _ => String::new(),
    };
    out.push_str(&format!("#{} {} {} → {}{env}\n", e.index, e.method, e.url, e.status));
    for (i, c) in e.causes.iter().enumerate() {
        out.push_str(&format!("  {}. {} ({}%): {}\n", i + 1, c.id, super::percent(c.confidence), c.title));
        for ev in &c.evidence {
            out.push_str(&format!("       seen: {ev}\n"));
        }
        if i == 0 {
            for (n, f) in c.fix.iter().enumerate() {
                out.push_str(&format!("       fix {}: {f}\n", n + 1));
            }
        }
    }
    if let Some(u) = &e.unexplained {
        out.push_str(&format!("  authentication failure: {}\n", u.summary));
        for c in &u.checked {
            out.push_str(&format!("       checked: {c}\n"));
        }
        for (n, c) in u.checklist.iter().enumerate() {
            out.push_str(&format!("       check {}: {c}\n", n + 1));
        }
    }
    if let Some(said) = &e.server_said {
        out.push_str(&format!("  server said: {said}\n"));
    }
    for f in &e.findings {
        out.push_str(&format!("  ! {} [{}] {} at {}: {}\n", f.id, f.severity.as_str(), f.title, f.location, f.redacted));
    }
    for n in &e.notes {
        out.push_str(&format!("  note: {n}\n"));
    }
    out.push('\n');
}
