//! Errors the core returns for unusable input. Nothing in the core panics on bad input.

/// Why an input could not be analysed.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The text is not valid JSON, or a HAR value has the wrong type.
    #[error("invalid HAR JSON at line {line}, column {column}{}: {message}", if path.is_empty() || path == "." { String::new() } else { format!(" ({path})") })]
    Json {
        /// 1-based line.
        line: usize,
        /// 1-based column.
        column: usize,
        /// HAR path of the value, e.g. `log.entries[3].request.headers`.
        path: String,
        /// What serde_json said.
        message: String,
    },
    /// The text is JSON, but not a HAR document.
    #[error("not a HAR file: {0}. A HAR file is a JSON object {{\"log\": {{\"entries\": [...]}}}} (DevTools: Network panel → Export HAR)")]
    NotHar(String),
    /// The text ends in the middle of the JSON.
    #[error("the file ends in the middle of the JSON (line {line}, column {column}): it looks truncated, e.g. an interrupted download or a copy cut short")]
    Truncated {
        /// 1-based line of the end.
        line: usize,
        /// 1-based column of the end.
        column: usize,
    },
    /// The input is larger than the engine accepts.
    #[error("input is {bytes} bytes, more than the limit of {limit} bytes")]
    TooLarge {
        /// Size seen.
        bytes: usize,
        /// The limit.
        limit: usize,
    },
}
