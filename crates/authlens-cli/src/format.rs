//! The output formats of the subcommands (`--format`).

use clap::ValueEnum;

/// An output format.
#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// Text for a terminal.
    Text,
    /// The JSON report (the documented contract).
    Json,
    /// Markdown, for a ticket or a pull request.
    Markdown,
    /// SARIF 2.1.0 for code scanning (analyze and scan only).
    Sarif,
}
