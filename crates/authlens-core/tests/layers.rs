//! The layering of the crates, held by a test (docs/architecture.md explains it).
//!
//! Each top-level module of `authlens-core` sits in one layer and may use only modules of lower
//! layers: provider knowledge (data) → redaction → parsers of the capture → the exchange model →
//! causes and secret rules → report building → renderers and exports. A `crate::x` path to a module
//! of the same or a higher layer fails this test, as does a new module missing from the table
//! (decide its layer first). Test modules (`#[cfg(test)] mod tests`) are exempt: a test may build
//! its input with anything. The other crates of the workspace must have no module cycle.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// The layers of `authlens-core`, lowest first. Modules of one layer do not use each other.
const LAYERS: &[(&str, &[&str])] = &[
    ("foundation: limits, errors, build facts, small algorithms", &["limits", "error", "meta", "order", "dfa"]),
    ("standard syntax: URLs, JWTs, dates, Authorization and WWW-Authenticate", &["parse"]),
    ("provider knowledge (data)", &["providers"]),
    ("redaction", &["redact"]),
    ("the capture and the report contract", &["har", "report"]),
    ("the exchange model", &["exchange"]),
    ("session signals", &["signals"]),
    ("causes and secret rules", &["causes", "secrets"]),
    ("report building", &["analyze"]),
    ("renderers and exports", &["render", "export"]),
];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(dir) else { return };
    for e in rd.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// The source without its test module and comments (doc links may point anywhere).
fn code_of(src: &str) -> String {
    let src = match src.find("#[cfg(test)]\nmod tests") {
        Some(i) => &src[..i],
        None => src,
    };
    src.lines().map(|l| l.split("//").next().unwrap_or("")).collect::<Vec<_>>().join("\n")
}

fn ident_at(s: &str) -> String {
    s.chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '_').collect()
}

/// Top-level modules named by `crate::x` and `crate::{x, y::…}` paths.
fn referenced(code: &str) -> BTreeSet<String> {
    let mut out = BTreeSet::new();
    let mut rest = code;
    while let Some(i) = rest.find("crate::") {
        let after = &rest[i + 7..];
        if let Some(group) = after.strip_prefix('{') {
            let mut depth = 1;
            let mut item_start = true;
            for (j, c) in group.char_indices() {
                match c {
                    '{' => depth += 1,
                    '}' => {
                        depth -= 1;
                        if depth == 0 {
                            break;
                        }
                    }
                    ',' if depth == 1 => item_start = true,
                    c if item_start && !c.is_whitespace() => {
                        item_start = false;
                        let id = ident_at(&group[j..]);
                        if !id.is_empty() {
                            out.insert(id);
                        }
                    }
                    _ => {}
                }
            }
        } else {
            let id = ident_at(after);
            if !id.is_empty() {
                out.insert(id);
            }
        }
        rest = &rest[i + 7..];
    }
    out
}

/// Module → modules it uses, for the crate whose sources are in `src` (the root file excluded:
/// the crate root declares and re-exports everything).
fn module_graph(src: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    rust_files(src, &mut files);
    let modules: BTreeSet<String> = files
        .iter()
        .filter_map(|f| f.strip_prefix(src).ok())
        .filter_map(|r| r.components().next())
        .map(|c| c.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string())
        .collect();
    let mut graph: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for f in &files {
        let Ok(rel) = f.strip_prefix(src) else { continue };
        let module = rel.components().next().map(|c| c.as_os_str().to_string_lossy().trim_end_matches(".rs").to_string()).unwrap_or_default();
        if module == "lib" || module == "main" {
            continue;
        }
        let text = std::fs::read_to_string(f).unwrap_or_else(|e| panic!("{}: {e}", f.display()));
        let uses = graph.entry(module.clone()).or_default();
        for r in referenced(&code_of(&text)) {
            if r != module {
                // A name that is not a module is an item of the crate root (`crate::VERSION`):
                // an edge to the root, which is the top of every crate.
                uses.insert(if modules.contains(&r) { r } else { format!("<crate root>::{r}") });
            }
        }
    }
    graph
}

fn cycle(graph: &BTreeMap<String, BTreeSet<String>>) -> Option<Vec<String>> {
    fn visit(n: &str, g: &BTreeMap<String, BTreeSet<String>>, stack: &mut Vec<String>, done: &mut BTreeSet<String>) -> Option<Vec<String>> {
        if let Some(at) = stack.iter().position(|s| s == n) {
            let mut c = stack[at..].to_vec();
            c.push(n.to_string());
            return Some(c);
        }
        if done.contains(n) {
            return None;
        }
        stack.push(n.to_string());
        for m in g.get(n).into_iter().flatten() {
            if let Some(c) = visit(m, g, stack, done) {
                return Some(c);
            }
        }
        stack.pop();
        done.insert(n.to_string());
        None
    }
    let mut done = BTreeSet::new();
    graph.keys().find_map(|n| visit(n, graph, &mut Vec::new(), &mut done))
}

fn crate_src(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(name).join("src")
}

#[test]
fn core_modules_depend_only_on_lower_layers() {
    let graph = module_graph(&crate_src("authlens-core"));
    let layer_of = |m: &str| LAYERS.iter().position(|(_, ms)| ms.contains(&m));
    let mut wrong = Vec::new();
    for (m, uses) in &graph {
        let Some(lm) = layer_of(m) else {
            wrong.push(format!("module `{m}` is in no layer: add it to LAYERS (and docs/architecture.md)"));
            continue;
        };
        for u in uses {
            match layer_of(u) {
                Some(lu) if lu < lm => {}
                Some(lu) => wrong.push(format!("`{m}` ({}) uses `{u}` ({}): a layer may use only lower layers", LAYERS[lm].0, LAYERS[lu].0)),
                None => wrong.push(format!("`{m}` uses `{u}`, which is in no layer")),
            }
        }
    }
    // Every module of the table exists (a renamed module must be renamed here too).
    for (_, ms) in LAYERS {
        for m in *ms {
            if !graph.contains_key(*m) {
                wrong.push(format!("LAYERS names `{m}`, which is not a module of authlens-core"));
            }
        }
    }
    assert!(wrong.is_empty(), "layering broken:\n{}", wrong.join("\n"));
}

#[test]
fn no_module_cycle_in_any_crate() {
    for name in ["authlens-core", "authlens-cli", "authlens-wasm"] {
        let graph = module_graph(&crate_src(name));
        if let Some(c) = cycle(&graph) {
            panic!("module cycle in {name}: {}", c.join(" → "));
        }
        assert!(graph.values().flatten().all(|u| !u.starts_with("<crate root>")), "{name}: a module uses an item of the crate root: {graph:?}");
    }
}

#[test]
fn the_checker_sees_back_edges() {
    // The reader must find both path forms, or the tests above would pass on anything.
    let code = code_of("use crate::{exchange::Exchange, redact};\nfn f() { crate::causes::ALL; }\n// crate::export in a comment\n");
    assert_eq!(referenced(&code).into_iter().collect::<Vec<_>>(), vec!["causes", "exchange", "redact"]);
    let mut g = BTreeMap::new();
    g.insert("a".to_string(), BTreeSet::from(["b".to_string()]));
    g.insert("b".to_string(), BTreeSet::from(["a".to_string()]));
    assert!(cycle(&g).is_some());
}
