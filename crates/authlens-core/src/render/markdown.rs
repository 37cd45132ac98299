//! Markdown for bug tickets.

use crate::report::Report;

/// Escape text for a Markdown table cell or paragraph: no HTML, no table breaks.
#[cfg_attr(authlens_wasm_size, optimize(size))]
fn md(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;").replace('`', "'").replace('\n', " ")
}

/// Render a report for a ticket.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn render(report: &Report) -> String {
    let s = &report.summary;
    let mut out = format!(
        "# authlens report\n\n{} requests, **{} authentication failures** ({} without a specific cause), **{} exposed secrets** ({} critical, {} high){}. authlens {}.\n\n",
        s.entries,
        s.auth_failures,
        s.unexplained,
        s.exposed_secrets,
        s.critical,
        s.high,
        super::in_url_suffix(s.credentials_in_url),
        report.version
    );
    for n in &report.notes {
        out.push_str(&format!("> Note: {}\n", md(n)));
    }
    if !report.notes.is_empty() {
        out.push('\n');
    }
    for e in report.entries.iter().filter(|e| e.auth_failure || !e.causes.is_empty() || !e.findings.is_empty()) {
        out.push_str(&format!("## #{} `{} {}` → {}\n\n", e.index, md(&e.method), md(&e.url), e.status));
        if let Some(p) = e.provider {
            out.push_str(&format!("Provider: {p}{}\n\n", e.environment.map(|v| format!(" ({})", v.as_str())).unwrap_or_default()));
        }
        if !e.causes.is_empty() {
            out.push_str("| # | cause | confidence | evidence |\n|---|---|---|---|\n");
            for (i, c) in e.causes.iter().enumerate() {
                out.push_str(&format!("| {} | `{}` {} | {}% | {} |\n", i + 1, c.id, md(c.title), super::percent(c.confidence), md(&c.evidence.join("; "))));
            }
            if let Some(top) = e.causes.first() {
                out.push_str("\n**Fix:**\n\n");
                for (i, f) in top.fix.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", i + 1, md(f)));
                }
            }
            out.push('\n');
        }
        if let Some(u) = &e.unexplained {
            out.push_str(&format!("**Authentication failure:** {}\n\n", md(&u.summary)));
            if !u.checked.is_empty() {
                out.push_str("Checked:\n\n");
                for c in &u.checked {
                    out.push_str(&format!("- {}\n", md(c)));
                }
                out.push('\n');
            }
            if !u.checklist.is_empty() {
                out.push_str("Check:\n\n");
                for (i, c) in u.checklist.iter().enumerate() {
                    out.push_str(&format!("{}. {}\n", i + 1, md(c)));
                }
                out.push('\n');
            }
        }
        if let Some(said) = &e.server_said {
            out.push_str(&format!("Server said: {}\n\n", md(said)));
        }
        for f in &e.findings {
            out.push_str(&format!("- **{}** `{}` — {} at `{}`: `{}`\n", f.severity.as_str(), f.id, md(&f.title), md(&f.location), md(f.redacted.as_str())));
        }
        if !e.findings.is_empty() {
            out.push('\n');
        }
    }
    out
}
