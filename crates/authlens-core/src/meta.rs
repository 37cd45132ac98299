//! Facts about this build that every layer may read: the version, and whether documentation text
//! is compiled in (the `docs` feature; the wasm build leaves it out).

/// authlens version.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");

/// Documentation text: the concatenated literals with the `docs` feature, `""` without it.
#[cfg(feature = "docs")]
macro_rules! doc_text {
    ($($text:tt)*) => {
        concat!($($text)*)
    };
}
/// Documentation text: the concatenated literals with the `docs` feature, `""` without it.
#[cfg(not(feature = "docs"))]
macro_rules! doc_text {
    ($($text:tt)*) => {
        ""
    };
}
pub(crate) use doc_text;
