//! `authlens scan`: the secret rules over files (a built frontend's `dist/`, `.next/static`,
//! source maps, `.env` files in `public/`). The CLI walks folders and reads files; this module
//! only sees text, so it runs in wasm too.

use serde::Serialize;

use super::engine::{self, Ctx};
use super::{locate, Collector};
use crate::providers::KeyKind;
use crate::report::{Finding, Severity};

/// A finding in a file, with its line and column.
#[derive(Debug, Clone, Serialize)]
pub struct FileFinding {
    /// The finding (its `location` reads `line 3 col 17`, or a JSON path for JSON files).
    #[serde(flatten)]
    pub finding: Finding,
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in Unicode characters.
    pub column: usize,
}

/// The findings of one file.
#[derive(Debug, Clone, Serialize)]
pub struct FileReport {
    /// Path as given or found while walking.
    pub path: String,
    /// Findings, in file order.
    pub findings: Vec<FileFinding>,
}

/// A file that was not scanned, and why.
#[derive(Debug, Clone, Serialize)]
pub struct Skipped {
    /// Path.
    pub path: String,
    /// Why (`binary`, `larger than 8 MiB`, `unreadable: …`).
    pub reason: String,
}

/// Counts over a scan.
#[derive(Debug, Clone, Default, Serialize)]
pub struct ScanSummary {
    /// Files scanned.
    pub files_scanned: usize,
    /// Files skipped (binary, too large, unreadable).
    pub files_skipped: usize,
    /// Bytes scanned.
    pub bytes_scanned: u64,
    /// Findings of any severity.
    pub findings: usize,
    /// Critical findings.
    pub critical: usize,
    /// High-severity findings.
    pub high: usize,
}

/// The result of scanning files.
#[derive(Debug, Clone, Serialize)]
pub struct ScanReport {
    /// Always `authlens`.
    pub tool: &'static str,
    /// authlens version.
    pub version: &'static str,
    /// Files with findings, in walk order.
    pub files: Vec<FileReport>,
    /// Files not scanned.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub skipped: Vec<Skipped>,
    /// Files whose scan stopped early at the scanner's caps (dense with key prefixes or keys):
    /// what follows the findings reported for them was not looked at.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub partial: Vec<String>,
    /// Counts.
    pub summary: ScanSummary,
}

impl Default for ScanReport {
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    fn default() -> Self {
        ScanReport { tool: "authlens", version: crate::meta::VERSION, files: Vec::new(), skipped: Vec::new(), partial: Vec::new(), summary: ScanSummary::default() }
    }
}

impl ScanReport {
    /// Add a scanned file and its findings.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn add_file(&mut self, path: &str, bytes: usize, findings: Vec<FileFinding>) {
        self.summary.files_scanned += 1;
        self.summary.bytes_scanned += bytes as u64;
        self.summary.findings += findings.len();
        self.summary.critical += findings.iter().filter(|f| f.finding.severity == Severity::Critical).count();
        self.summary.high += findings.iter().filter(|f| f.finding.severity == Severity::High).count();
        if !findings.is_empty() {
            self.files.push(FileReport { path: path.to_string(), findings });
        }
    }

    /// Note a file whose scan stopped early (see [`scan_source_bounded`]).
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn partial(&mut self, path: &str) {
        self.partial.push(path.to_string());
    }

    /// Note a file that was not scanned.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn skip(&mut self, path: &str, reason: &str) {
        self.summary.files_skipped += 1;
        self.skipped.push(Skipped { path: path.to_string(), reason: reason.to_string() });
    }

    /// Every finding, with its file.
    #[cfg_attr(authlens_wasm_size, optimize(size))]
    pub fn all(&self) -> impl Iterator<Item = (&str, &FileFinding)> {
        self.files.iter().flat_map(|f| f.findings.iter().map(move |x| (f.path.as_str(), x)))
    }
}

/// The secrets in one file's text. `path` only informs the wording (nothing is read).
pub fn scan_source(path: &str, text: &str) -> Vec<FileFinding> {
    scan_source_bounded(path, text).0
}

/// [`scan_source`], and whether the scan stopped before the end of the text at the scanner's
/// caps (a text dense with key prefixes or keys), in which case the rest was not looked at.
pub fn scan_source_bounded(path: &str, text: &str) -> (Vec<FileFinding>, bool) {
    let _ = path;
    let (hits, stopped) = engine::scan_bounded(text, &Ctx::default());
    let hits: Vec<_> = hits.into_iter().filter(|h| h.rule.kind == KeyKind::Secret).collect();
    if hits.is_empty() {
        return (Vec::new(), stopped);
    }
    let offsets: Vec<usize> = hits.iter().map(|h| h.start).collect();
    let lcs = locate::line_cols(text, &offsets);
    let paths = if locate::looks_like_json(text) { locate::json_paths(text, &offsets) } else { vec![None; offsets.len()] };
    let mut c = Collector::default();
    let mut out = Vec::new();
    for ((h, (line, column)), path) in hits.iter().zip(lcs).zip(paths) {
        let location = match path {
            Some(p) => format!("{p} (line {line} col {column})"),
            None => format!("line {line} col {column}"),
        };
        let before = c.out.len();
        c.secret(h, location, None, None, "in a frontend file");
        if let Some(f) = c.out.get(before) {
            out.push(FileFinding { finding: f.clone(), line, column });
        }
    }
    (out, stopped)
}
