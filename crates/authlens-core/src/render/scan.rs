//! Text and Markdown for `authlens scan` (JSON is the [`ScanReport`] serialised; SARIF is in
//! [`super::sarif`]).

use crate::redact;
use crate::secrets::ScanReport;

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn md(s: &str) -> String {
    s.replace('\\', "\\\\").replace('|', "\\|").replace('<', "&lt;").replace('>', "&gt;").replace('`', "'").replace('\n', " ")
}

/// What a file whose scan stopped at the scanner's caps is told.
const PARTIAL: &str = "the scan stopped early (the file is dense with key prefixes or keys); what follows was not looked at";

#[cfg_attr(authlens_wasm_size, optimize(size))]
fn summary_line(r: &ScanReport) -> String {
    let s = &r.summary;
    format!(
        "{} files scanned ({} KiB), {} skipped, {} exposed secrets ({} critical, {} high)",
        s.files_scanned,
        s.bytes_scanned / 1024,
        s.files_skipped,
        s.findings,
        s.critical,
        s.high
    )
}

/// Plain text for a terminal: `path:line:col` first, so editors can jump there.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn text(r: &ScanReport) -> String {
    let mut out = String::new();
    for (path, f) in r.all() {
        let x = &f.finding;
        out.push_str(&format!(
            "{}:{}:{}: {} [{}] {}: {}\n",
            redact::escape(path),
            f.line,
            f.column,
            x.id,
            x.severity.as_str(),
            x.title,
            x.redacted
        ));
    }
    for s in r.skipped.iter().filter(|s| s.reason != "binary") {
        out.push_str(&format!("note: {} skipped: {}\n", redact::escape(&s.path), s.reason));
    }
    for p in &r.partial {
        out.push_str(&format!("note: {}: {PARTIAL}\n", redact::escape(p)));
    }
    out.push_str(&summary_line(r));
    out.push('\n');
    out
}

/// Markdown for a ticket or a CI summary.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub fn markdown(r: &ScanReport) -> String {
    let mut out = format!("# authlens scan\n\n{}. authlens {}.\n\n", summary_line(r), r.version);
    if r.summary.findings > 0 {
        out.push_str("| file | line:col | severity | what | value |\n|---|---|---|---|---|\n");
        for (path, f) in r.all() {
            let x = &f.finding;
            out.push_str(&format!(
                "| {} | {}:{} | {} | `{}` {} | {} |\n",
                md(path),
                f.line,
                f.column,
                x.severity.as_str(),
                x.rule,
                md(&x.title),
                md(x.redacted.as_str())
            ));
        }
        out.push_str("\nRoll every exposed key in its provider's dashboard, then move it to the server: `authlens explain secret_key_exposed`.\n");
    }
    let notes: Vec<_> = r.skipped.iter().filter(|s| s.reason != "binary").collect();
    if !notes.is_empty() {
        out.push_str("\n**Not scanned:**\n\n");
        for s in notes {
            out.push_str(&format!("- {}: {}\n", md(&s.path), md(&s.reason)));
        }
    }
    if !r.partial.is_empty() {
        out.push_str("\n**Scanned in part:**\n\n");
        for p in &r.partial {
            out.push_str(&format!("- {}: {PARTIAL}\n", md(p)));
        }
    }
    out
}
