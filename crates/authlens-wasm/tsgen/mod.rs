//! TypeScript declarations of the report types, generated from their Rust definitions in
//! authlens-core (read with `syn`, following the serde attributes they use): the JSON contract
//! the CLI prints and the wasm module returns, typed for the npm package (and, later, the
//! extension). `cargo run -p authlens-wasm --example report_ts` writes `ts/report.ts`;
//! `tests/report_ts.rs` fails when that file is stale.
//!
//! Only the shapes the report uses are supported (structs with named fields, `transparent`
//! newtypes, unit-variant enums with `rename_all`, `Option`, `Vec`, `skip_serializing_if`,
//! `flatten`); anything else stops the generator with a message naming the type, so a new shape
//! in the core cannot be typed wrongly in silence.

use std::fmt::Write;
use std::path::Path;

use syn::{Attribute, Fields, GenericArgument, Item, PathArguments, Type};

/// The types exported, in this order, and the core source file defining each.
const TYPES: &[(&str, &str)] = &[
    ("report.rs", "Report"),
    ("report.rs", "Summary"),
    ("report.rs", "EntryReport"),
    ("report.rs", "Unexplained"),
    ("report.rs", "CauseReport"),
    ("report.rs", "Severity"),
    ("report.rs", "Finding"),
    ("report.rs", "CredentialReport"),
    ("report.rs", "JwtReport"),
    ("providers/mod.rs", "Env"),
    ("providers/mod.rs", "KeyKind"),
    ("redact/mod.rs", "Redacted"),
    ("redact/mod.rs", "Evidence"),
    ("secrets/files.rs", "FileFinding"),
    ("secrets/files.rs", "FileReport"),
    ("secrets/files.rs", "Skipped"),
    ("secrets/files.rs", "ScanSummary"),
    ("secrets/files.rs", "ScanReport"),
];

/// The TypeScript module for the core sources under `core_src` (`crates/authlens-core/src`).
pub fn generate(core_src: &Path) -> Result<String, String> {
    let names: Vec<&str> = TYPES.iter().map(|(_, n)| *n).collect();
    let mut out = String::from(
        "// GENERATED from the Rust report types in crates/authlens-core (report.rs, secrets/files.rs,\n\
         // providers/mod.rs, redact/mod.rs) by `cargo run -p authlens-wasm --example report_ts`.\n\
         // Do not edit: change the Rust types, regenerate and commit. docs/report.md documents\n\
         // the contract.\n",
    );
    for (file, name) in TYPES {
        let path = core_src.join(file);
        let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let ast = syn::parse_file(&text).map_err(|e| format!("{}: {e}", path.display()))?;
        let item = ast
            .items
            .iter()
            .find(|i| match i {
                Item::Struct(s) => s.ident == name,
                Item::Enum(e) => e.ident == name,
                _ => false,
            })
            .ok_or_else(|| format!("{file}: no type `{name}`"))?;
        out.push('\n');
        match item {
            Item::Struct(s) => {
                doc(&mut out, &s.attrs, "");
                let serde = serde_words(&s.attrs);
                match &s.fields {
                    Fields::Unnamed(f) if serde.iter().any(|w| w == "transparent") && f.unnamed.len() == 1 => {
                        let _ = writeln!(out, "export type {name} = {};", ts_type(&f.unnamed[0].ty, &names)?);
                    }
                    Fields::Named(fields) => {
                        let mut extends = Vec::new();
                        let mut body = String::new();
                        for f in &fields.named {
                            let words = serde_words(&f.attrs);
                            let ident = f.ident.as_ref().map(|i| i.to_string()).unwrap_or_default();
                            if words.iter().any(|w| w == "skip" || w == "skip_serializing") {
                                continue;
                            }
                            if words.iter().any(|w| w == "flatten") {
                                extends.push(ts_type(&f.ty, &names)?);
                                continue;
                            }
                            if words.iter().any(|w| w.starts_with("rename")) {
                                return Err(format!("{name}.{ident}: serde rename is not supported by the generator"));
                            }
                            doc(&mut body, &f.attrs, "  ");
                            let skip_if = words.iter().find_map(|w| w.strip_prefix("skip_serializing_if="));
                            let (optional, ty) = match (skip_if, option_inner(&f.ty)) {
                                // Left out when None: present means a value, never null.
                                (Some(s), Some(inner)) if s.contains("Option::is_none") => ("?", ts_type(inner, &names)?),
                                (Some(_), _) => ("?", ts_type(&f.ty, &names)?),
                                (None, _) => ("", ts_type(&f.ty, &names)?),
                            };
                            let _ = writeln!(body, "  {ident}{optional}: {ty};");
                        }
                        let ext = if extends.is_empty() { String::new() } else { format!(" extends {}", extends.join(", ")) };
                        let _ = writeln!(out, "export interface {name}{ext} {{\n{body}}}");
                    }
                    _ => return Err(format!("{name}: unsupported struct shape")),
                }
            }
            Item::Enum(e) => {
                doc(&mut out, &e.attrs, "");
                let serde = serde_words(&e.attrs);
                let case = serde.iter().find_map(|w| w.strip_prefix("rename_all=")).map(|c| c.trim_matches('"').to_string());
                let mut variants = Vec::new();
                for v in &e.variants {
                    if !matches!(v.fields, Fields::Unit) {
                        return Err(format!("{name}::{}: only unit variants are supported", v.ident));
                    }
                    let n = v.ident.to_string();
                    variants.push(format!(
                        "\"{}\"",
                        match case.as_deref() {
                            Some("lowercase") => n.to_lowercase(),
                            Some("snake_case") => snake(&n),
                            None => n,
                            Some(other) => return Err(format!("{name}: rename_all = {other} is not supported")),
                        }
                    ));
                }
                let _ = writeln!(out, "export type {name} = {};", variants.join(" | "));
            }
            _ => unreachable!(),
        }
    }
    Ok(out)
}

/// `T` of an `Option<T>`.
fn option_inner(ty: &Type) -> Option<&Type> {
    let Type::Path(p) = ty else { return None };
    let seg = p.path.segments.last()?;
    if seg.ident != "Option" {
        return None;
    }
    match &seg.arguments {
        PathArguments::AngleBracketed(a) => match a.args.first() {
            Some(GenericArgument::Type(t)) => Some(t),
            _ => None,
        },
        _ => None,
    }
}

/// `FooBar` → `foo_bar`.
fn snake(s: &str) -> String {
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            out.push('_');
        }
        out.extend(c.to_lowercase());
    }
    out
}

/// The words inside `#[serde(...)]` attributes, spaces removed (`skip_serializing_if="Vec::is_empty"`).
fn serde_words(attrs: &[Attribute]) -> Vec<String> {
    let mut words = Vec::new();
    for a in attrs.iter().filter(|a| a.path().is_ident("serde")) {
        if let syn::Meta::List(list) = &a.meta {
            let text: String = list.tokens.to_string().chars().filter(|c| !c.is_whitespace()).collect();
            words.extend(text.split(',').map(str::to_string));
        }
    }
    words
}

/// The doc comment as a TSDoc block.
fn doc(out: &mut String, attrs: &[Attribute], indent: &str) {
    let lines: Vec<String> = attrs
        .iter()
        .filter(|a| a.path().is_ident("doc"))
        .filter_map(|a| match &a.meta {
            syn::Meta::NameValue(nv) => match &nv.value {
                syn::Expr::Lit(syn::ExprLit { lit: syn::Lit::Str(s), .. }) => Some(s.value().trim().replace("*/", "*\\/")),
                _ => None,
            },
            _ => None,
        })
        .collect();
    match lines.as_slice() {
        [] => {}
        [one] => {
            let _ = writeln!(out, "{indent}/** {one} */");
        }
        many => {
            let _ = writeln!(out, "{indent}/**");
            for l in many {
                let _ = writeln!(out, "{indent} *{}{l}", if l.is_empty() { "" } else { " " });
            }
            let _ = writeln!(out, "{indent} */");
        }
    }
}

/// The TypeScript type of a Rust field type.
fn ts_type(ty: &Type, names: &[&str]) -> Result<String, String> {
    match ty {
        Type::Reference(r) => ts_type(&r.elem, names),
        Type::Path(p) => {
            let seg = p.path.segments.last().ok_or("empty type path")?;
            let arg = || -> Result<String, String> {
                match &seg.arguments {
                    PathArguments::AngleBracketed(a) => match a.args.first() {
                        Some(GenericArgument::Type(t)) => ts_type(t, names),
                        _ => Err(format!("{}: no type argument", seg.ident)),
                    },
                    _ => Err(format!("{}: no type argument", seg.ident)),
                }
            };
            let id = seg.ident.to_string();
            Ok(match id.as_str() {
                "String" | "str" => "string".into(),
                "usize" | "u8" | "u16" | "u32" | "u64" | "isize" | "i8" | "i16" | "i32" | "i64" | "f32" | "f64" => "number".into(),
                "bool" => "boolean".into(),
                "Option" => format!("{} | null", arg()?),
                "Vec" => {
                    let inner = arg()?;
                    if inner.contains(' ') { format!("({inner})[]") } else { format!("{inner}[]") }
                }
                other if names.contains(&other) => other.into(),
                other => return Err(format!("type `{other}` is not one the generator knows (add it to TYPES)")),
            })
        }
        _ => Err("unsupported type".into()),
    }
}
