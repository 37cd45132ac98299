//! Limits that bound the work done on hostile input. Anything cut is noted in the report.

/// Largest HAR document accepted (the CLI reads files up to this size).
pub const MAX_HAR_BYTES: usize = 512 * 1024 * 1024;
/// Bytes of one body that are decoded and inspected; the rest is skipped and noted.
pub const MAX_BODY_BYTES: usize = 2 * 1024 * 1024;
/// Headers of one request or response that are inspected.
pub const MAX_HEADERS: usize = 512;
/// Bytes of one header value that are inspected.
pub const MAX_HEADER_VALUE: usize = 64 * 1024;
/// Length of a JWT that is decoded.
pub const MAX_JWT_BYTES: usize = 32 * 1024;
/// Bytes of one header name that are kept (longer names are cut and noted with the value cuts).
pub const MAX_HEADER_NAME: usize = 1024;
/// Cut header values named one by one in the notes; further cuts are counted in one note.
pub const MAX_NAMED_CUTS: usize = 4;
/// Nesting depth of JSON that is parsed (serde_json's own recursion limit): a deeper document is
/// an error with its place, a deeper body is noted and its fields are not scanned.
pub const MAX_JSON_DEPTH: usize = 128;
