//! Renderers: a report in, text out. Renderers never analyse, and only see redacted values.

pub mod json;
pub mod markdown;
pub mod sarif;
pub mod scan;
pub mod text;
