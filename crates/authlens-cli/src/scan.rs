//! `authlens scan PATH…`: the secret rules over files and folders. This module does the I/O
//! (walking, reading, skipping); `authlens_core::secrets::scan_source` does the scanning.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use authlens_core::render;
use authlens_core::report::Severity;
use authlens_core::secrets::{scan_source, ScanReport};

use crate::Format;

/// Folders skipped while walking (scanned when given directly): dependencies and VCS data, not
/// what the site ships.
const SKIP_DIRS: &[&str] = &["node_modules", ".git", ".hg", ".svn"];
/// Bytes looked at for a NUL to call a file binary.
const SNIFF: usize = 8 * 1024;
/// Deepest folder nesting walked.
const MAX_DEPTH: usize = 64;

fn display(p: &Path) -> String {
    p.to_string_lossy().into_owned()
}

/// Scan one file into the report.
fn scan_file(path: &Path, max_size: u64, report: &mut ScanReport) {
    let name = display(path);
    let size = match fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return report.skip(&name, &format!("unreadable: {e}")),
    };
    if size > max_size {
        return report.skip(&name, &format!("larger than the {} MiB limit (--max-file-size)", max_size / 1024 / 1024));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    if let Err(e) = fs::File::open(path).and_then(|f| f.take(max_size + 1).read_to_end(&mut bytes)) {
        return report.skip(&name, &format!("unreadable: {e}"));
    }
    if bytes[..bytes.len().min(SNIFF)].contains(&0) {
        return report.skip(&name, "binary");
    }
    let text = String::from_utf8_lossy(&bytes);
    let findings = scan_source(&name, &text);
    report.add_file(&name, bytes.len(), findings);
}

/// Walk a folder in a stable order, skipping dependency folders and symbolic links.
fn walk(dir: &Path, depth: usize, max_size: u64, report: &mut ScanReport) {
    if depth > MAX_DEPTH {
        return report.skip(&display(dir), "nested too deep");
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => return report.skip(&display(dir), &format!("unreadable: {e}")),
    };
    entries.sort();
    for p in entries {
        let Ok(meta) = fs::symlink_metadata(&p) else { continue };
        if meta.file_type().is_symlink() {
            continue;
        }
        if meta.is_dir() {
            let skip = p.file_name().and_then(|n| n.to_str()).is_some_and(|n| SKIP_DIRS.contains(&n));
            if !skip {
                walk(&p, depth + 1, max_size, report);
            }
        } else if meta.is_file() {
            scan_file(&p, max_size, report);
        }
    }
}

/// Run `authlens scan`.
pub fn run(paths: &[String], format: Format, fail_on: Option<Severity>, max_size: u64) -> ExitCode {
    let mut report = ScanReport::default();
    for p in paths {
        let path = Path::new(p);
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, 0, max_size, &mut report),
            Ok(_) => scan_file(path, max_size, &mut report),
            Err(e) => {
                eprintln!("authlens: {p}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let out = match format {
        Format::Text => render::scan::text(&report),
        Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        Format::Markdown => render::scan::markdown(&report),
        Format::Sarif => render::sarif::render_scan(&report),
    };
    print!("{out}");
    if fail_on.is_some_and(|min| report.all().any(|(_, f)| f.finding.severity >= min)) {
        eprintln!("authlens: a finding reached --fail-on");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
