//! `authlens scan PATH…`: the secret rules over files and folders. This module does the I/O
//! (walking, reading, skipping); `authlens_core::secrets::scan_source` does the scanning.

use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicUsize, Ordering};

use authlens_core::render;
use authlens_core::report::Severity;
use authlens_core::secrets::{scan_source_bounded, FileFinding, ScanReport};

use crate::format::Format;

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

/// What the walk found, in walk order: a file to scan, or a path noted as skipped.
enum Job {
    File(PathBuf),
    Skip(String, String),
}

/// What became of one job.
enum Outcome {
    Skipped(String, String),
    /// Name, bytes, findings, and whether the scan stopped early at the scanner's caps.
    Scanned(String, usize, Vec<FileFinding>, bool),
}

/// Scan one file.
fn scan_file(path: &Path, max_size: u64) -> Outcome {
    let name = display(path);
    let size = match fs::metadata(path) {
        Ok(m) => m.len(),
        Err(e) => return Outcome::Skipped(name, format!("unreadable: {e}")),
    };
    if size > max_size {
        return Outcome::Skipped(name, format!("larger than the {} MiB limit (--max-file-size)", max_size / 1024 / 1024));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    if let Err(e) = fs::File::open(path).and_then(|f| f.take(max_size + 1).read_to_end(&mut bytes)) {
        return Outcome::Skipped(name, format!("unreadable: {e}"));
    }
    if bytes[..bytes.len().min(SNIFF)].contains(&0) {
        return Outcome::Skipped(name, "binary".into());
    }
    let text = String::from_utf8_lossy(&bytes);
    let (findings, partial) = scan_source_bounded(&name, &text);
    Outcome::Scanned(name, bytes.len(), findings, partial)
}

/// Run the jobs on every core (files are independent), and return the outcomes in job order, so
/// the report is the same whatever the number of threads.
fn run_jobs(jobs: &[Job], max_size: u64) -> Vec<Outcome> {
    let one = |job: &Job| match job {
        Job::File(p) => scan_file(p, max_size),
        Job::Skip(name, reason) => Outcome::Skipped(name.clone(), reason.clone()),
    };
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).min(8).min(jobs.len());
    if threads <= 1 {
        return jobs.iter().map(one).collect();
    }
    let next = AtomicUsize::new(0);
    let mut done: Vec<(usize, Outcome)> = std::thread::scope(|s| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                s.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(job) = jobs.get(i) else { break };
                        mine.push((i, one(job)));
                    }
                    mine
                })
            })
            .collect();
        workers.into_iter().flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e))).collect()
    });
    done.sort_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, o)| o).collect()
}

/// Walk a folder in a stable order, skipping dependency folders and symbolic links.
fn walk(dir: &Path, depth: usize, jobs: &mut Vec<Job>) {
    if depth > MAX_DEPTH {
        return jobs.push(Job::Skip(display(dir), "nested too deep".into()));
    }
    let mut entries: Vec<PathBuf> = match fs::read_dir(dir) {
        Ok(rd) => rd.filter_map(|e| e.ok()).map(|e| e.path()).collect(),
        Err(e) => return jobs.push(Job::Skip(display(dir), format!("unreadable: {e}"))),
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
                walk(&p, depth + 1, jobs);
            }
        } else if meta.is_file() {
            jobs.push(Job::File(p));
        }
    }
}

/// Run `authlens scan`.
pub fn run(paths: &[String], format: Format, fail_on: Option<Severity>, max_size: u64) -> ExitCode {
    let mut jobs = Vec::new();
    for p in paths {
        let path = Path::new(p);
        match fs::metadata(path) {
            Ok(m) if m.is_dir() => walk(path, 0, &mut jobs),
            Ok(_) => jobs.push(Job::File(path.to_path_buf())),
            Err(e) => {
                eprintln!("authlens: {p}: {e}");
                return ExitCode::from(2);
            }
        }
    }
    let mut report = ScanReport::default();
    for outcome in run_jobs(&jobs, max_size) {
        match outcome {
            Outcome::Skipped(name, reason) => report.skip(&name, &reason),
            Outcome::Scanned(name, bytes, findings, partial) => {
                if partial {
                    report.partial(&name);
                }
                report.add_file(&name, bytes, findings);
            }
        }
    }
    let out = match format {
        Format::Text => render::scan::text(&report),
        Format::Json => serde_json::to_string_pretty(&report).unwrap_or_default() + "\n",
        Format::Markdown => render::scan::markdown(&report),
        Format::Sarif => render::sarif::render_scan(&report),
    };
    crate::stdout::print(&out);
    if fail_on.is_some_and(|min| report.all().any(|(_, f)| f.finding.severity >= min)) {
        eprintln!("authlens: a finding reached --fail-on");
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
