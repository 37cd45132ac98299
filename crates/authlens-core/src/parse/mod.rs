//! Parsers for the credential-carrying parts of an exchange. They never look at causes.

pub mod authorization;
pub mod basic;
pub mod date;
pub mod json_path;
pub mod jwt;
pub mod url;
pub mod www_authenticate;

/// A number written as text (`"3600"`, `"1.5e3"`), read with JSON's number grammar: serde_json's
/// parser, which the engine carries anyway (`f64`'s own `FromStr` adds about 15 kB of code and
/// tables to the wasm module). `None` for anything else, `"inf"`, `"NaN"` and `"+1"` included.
#[cfg_attr(authlens_wasm_size, optimize(size))]
pub(crate) fn number(text: &str) -> Option<f64> {
    match serde_json::from_str::<serde_json::Value>(text.trim()) {
        Ok(serde_json::Value::Number(n)) => n.as_f64(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::number;

    #[test]
    fn numbers_as_json_reads_them() {
        assert_eq!(number(" 3600 "), Some(3600.0));
        assert_eq!(number("1.5e3"), Some(1500.0));
        assert_eq!(number("-2"), Some(-2.0));
        for bad in ["", "inf", "NaN", "+1", ".5", "1e999", "3600s", "\"3600\"", "[1]"] {
            assert_eq!(number(bad), None, "{bad}");
        }
    }
}
