//! `authlens`: explain 401s and find exposed server keys in HAR files.
//!
//! Exit codes: 0 success; 1 a finding reached `--fail-on`; 2 unusable input or usage error.

use std::io::Read;
use std::process::ExitCode;

use authlens_core::render;
use authlens_core::report::Severity;
use clap::{Parser, Subcommand};

mod eval;
mod format;
mod scan;
mod stdout;

use format::Format;

#[derive(Parser)]
#[command(name = "authlens", version, about = "Explains why requests got 401/403 and finds server keys exposed by a web page, from HAR files")]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Analyse a HAR file (`-` reads standard input).
    Analyze {
        /// The HAR file, or `-` for standard input.
        file: String,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with code 1 when a finding has at least this severity (low, medium, high, critical).
        #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
        fail_on: Option<Severity>,
    },
    /// Find exposed server-side secrets in files and folders (a built frontend: dist/, build/,
    /// .next/static, source maps, .env files in public/).
    Scan {
        /// Files or folders. Folders are walked; node_modules and .git are skipped unless given
        /// directly; binary files are skipped.
        #[arg(required = true)]
        paths: Vec<String>,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
        /// Exit with code 1 when a finding has at least this severity (low, medium, high, critical).
        #[arg(long, value_name = "SEVERITY", value_parser = parse_severity)]
        fail_on: Option<Severity>,
        /// Skip files larger than this many MiB (noted in the report).
        #[arg(long, value_name = "MIB", default_value_t = 16)]
        max_file_size: u64,
    },
    /// Write a copy of a HAR file that is safe to attach to a ticket: every credential the capture
    /// carries is redacted wherever it appears (the same export as the panel's "Export redacted HAR").
    Redact {
        /// The HAR file, or `-` for standard input.
        file: String,
        /// Write the redacted HAR here instead of standard output.
        #[arg(short, long, value_name = "OUT")]
        output: Option<String>,
    },
    /// Print the documentation of a cause, finding or secret rule id.
    Explain {
        /// The id, e.g. `expired_token`, `secret_key_exposed`, `stripe_secret_key_live`.
        id: Option<String>,
        /// List every id with its title.
        #[arg(long)]
        list: bool,
        /// Print the documentation of every cause as one Markdown page (docs/causes.md).
        #[arg(long)]
        all: bool,
        /// Print the covered providers and secret rules as one Markdown page (docs/secrets.md).
        #[arg(long)]
        list_secrets: bool,
        /// Print the documentation of every id as one JSON object, id → Markdown (the extension's
        /// docs.json).
        #[arg(long, conflicts_with_all = ["id", "list", "all", "list_secrets"])]
        json: bool,
    },
    /// Measure the causes against a corpus: DIR/*.har with DIR/expected.json (top-1, top-3, controls).
    Eval {
        /// The corpus directory, e.g. tests/corpus.
        dir: String,
        /// Output format (markdown writes the page docs/eval.md).
        #[arg(long, value_enum, default_value_t = Format::Text)]
        format: Format,
    },
}


fn parse_severity(s: &str) -> Result<Severity, String> {
    Severity::parse(s).ok_or_else(|| format!("unknown severity `{s}` (use low, medium, high or critical)"))
}

fn read_input(file: &str) -> Result<String, String> {
    let mut bytes = Vec::new();
    let name = if file == "-" { "standard input" } else { file };
    let limit = authlens_core::limits::MAX_HAR_BYTES as u64;
    let res = if file == "-" {
        std::io::stdin().lock().take(limit + 1).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(file).and_then(|f| f.take(limit + 1).read_to_end(&mut bytes))
    };
    res.map_err(|e| format!("{name}: cannot read: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!("{name}: larger than the {} MiB limit", limit / 1024 / 1024));
    }
    String::from_utf8(bytes).map_err(|e| format!("{name}: not UTF-8 text (invalid byte at offset {}); a HAR file is JSON", e.utf8_error().valid_up_to()))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match cli.command {
        Command::Analyze { file, format, fail_on } => {
            let text = match read_input(&file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("authlens: {e}");
                    return ExitCode::from(2);
                }
            };
            let report = match authlens_core::analyze_har_text(&text) {
                Ok(r) => r,
                Err(e) => {
                    eprintln!("authlens: {}: {e}", if file == "-" { "standard input" } else { &file });
                    return ExitCode::from(2);
                }
            };
            let out = match format {
                Format::Text => render::text::render(&report),
                Format::Json => render::json::render(&report),
                Format::Markdown => render::markdown::render(&report),
                Format::Sarif => {
                    let offsets = authlens_core::secrets::locate::har_entry_offsets(&text);
                    let lines: Vec<usize> = authlens_core::secrets::locate::line_cols(&text, &offsets).into_iter().map(|(l, _)| l).collect();
                    render::sarif::render_report(&report, if file == "-" { "stdin.har" } else { &file }, &lines)
                }
            };
            crate::stdout::print(&out);
            if !out.ends_with('\n') {
                crate::stdout::line("");
            }
            let failed = fail_on.is_some_and(|min| report.entries.iter().flat_map(|e| &e.findings).any(|f| f.severity >= min));
            if failed {
                eprintln!("authlens: a finding reached --fail-on");
                return ExitCode::from(1);
            }
            ExitCode::SUCCESS
        }
        Command::Redact { file, output } => {
            let name = if file == "-" { "standard input" } else { file.as_str() };
            let text = match read_input(&file) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("authlens: {e}");
                    return ExitCode::from(2);
                }
            };
            let doc = match authlens_core::export::redact_har_text(&text) {
                Ok(d) => d,
                Err(e) => {
                    eprintln!("authlens: {name}: {e}");
                    return ExitCode::from(2);
                }
            };
            drop(text);
            let mut out = serde_json::to_string_pretty(&doc).unwrap_or_default();
            out.push('\n');
            match output.as_deref() {
                None | Some("-") => crate::stdout::print(&out),
                Some(path) => {
                    if let Err(e) = std::fs::write(path, out) {
                        eprintln!("authlens: {path}: cannot write: {e}");
                        return ExitCode::from(2);
                    }
                    eprintln!("authlens: wrote the redacted HAR to {path}");
                }
            }
            ExitCode::SUCCESS
        }
        Command::Scan { paths, format, fail_on, max_file_size } => scan::run(&paths, format, fail_on, max_file_size.saturating_mul(1024 * 1024)),
        Command::Eval { dir, format } => eval::run(
            &dir,
            match format {
                Format::Text => eval::Output::Text,
                Format::Json => eval::Output::Json,
                Format::Markdown => eval::Output::Markdown,
                Format::Sarif => {
                    eprintln!("authlens: eval has no SARIF output (use text, json or markdown)");
                    return ExitCode::from(2);
                }
            },
        ),
        Command::Explain { json: true, .. } => {
            let docs: serde_json::Map<String, serde_json::Value> =
                authlens_core::explained_ids().into_iter().filter_map(|id| Some((id.to_string(), authlens_core::explain(id)?.into()))).collect();
            crate::stdout::line(&serde_json::Value::Object(docs).to_string());
            ExitCode::SUCCESS
        }
        Command::Explain { list_secrets: true, .. } => {
            crate::stdout::print(&authlens_core::secrets::docs::markdown());
            ExitCode::SUCCESS
        }
        Command::Explain { all: true, .. } => {
            crate::stdout::print(&authlens_core::causes::docs_markdown());
            ExitCode::SUCCESS
        }
        Command::Explain { id, list, all: false, list_secrets: false, json: false } => {
            if list || id.is_none() {
                for c in authlens_core::causes::ALL {
                    crate::stdout::line(&format!("{:<36} {}", c.info.id, c.info.title));
                }
                for (id, _) in authlens_core::secrets::FINDING_DOCS {
                    crate::stdout::line(&format!("{id:<36} (finding)"));
                }
                return ExitCode::SUCCESS;
            }
            let id = id.unwrap_or_default();
            match authlens_core::explain(&id) {
                Some(doc) => {
                    crate::stdout::line(&doc);
                    ExitCode::SUCCESS
                }
                None => {
                    eprintln!("authlens: unknown id `{id}`; `authlens explain --list` lists them");
                    ExitCode::from(2)
                }
            }
        }
    }
}
