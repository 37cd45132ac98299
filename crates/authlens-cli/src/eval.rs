//! `authlens eval DIR`: how well the causes explain a corpus of HAR cases.
//!
//! Each `DIR/<scenario>.har` is one case. `DIR/expected.json` maps the scenario name to the id
//! of the cause expected first on the HAR's **last** entry, or to `null` for a control, which
//! must produce no cause on **any** entry. A case written from a real server answer maps to
//! `{"cause": id-or-null, "real": true, "source": "…"}`: the figures are also given for those
//! cases alone, so the corpus stays honest about what was written from real material. Without `expected.json`, a HAR's `log.comment` may
//! say `expected: <id>` or `expected: null`.
//!
//! The figures: top-1 (the expected cause ranked first), top-3 (among the first three), and the
//! controls that got any cause. `--format markdown` writes `docs/eval.md`.

use std::collections::BTreeMap;
use std::path::Path;

use serde_json::{json, Value};

/// Output format of the evaluation.
#[derive(Clone, Copy)]
pub enum Output {
    /// A summary for the terminal.
    Text,
    /// The full result as JSON (used by the tests).
    Json,
    /// The page `docs/eval.md`.
    Markdown,
}

struct Case {
    scenario: String,
    expected: Option<String>,
    /// Written from a real server answer (quoted verbatim, source cited).
    real: bool,
    /// Cause ids of the last entry, most likely first.
    got: Vec<String>,
    /// For controls: every cause on any entry, as `#index id`.
    noise: Vec<String>,
}

/// Result of an evaluation.
pub struct Eval {
    cases: Vec<Case>,
    errors: Vec<String>,
}

fn expected_of(dir: &Path, har: &Value, scenario: &str, table: &Option<BTreeMap<String, Value>>) -> Result<(Option<String>, bool), String> {
    if let Some(t) = table {
        return match t.get(scenario) {
            Some(Value::Null) => Ok((None, false)),
            Some(Value::String(s)) => Ok((Some(s.clone()), false)),
            Some(Value::Object(o)) if o.get("source").and_then(Value::as_str).is_some_and(|s| !s.trim().is_empty()) || o.get("real") != Some(&Value::Bool(true)) => {
                let real = o.get("real") == Some(&Value::Bool(true));
                match o.get("cause") {
                    Some(Value::Null) => Ok((None, real)),
                    Some(Value::String(s)) => Ok((Some(s.clone()), real)),
                    other => Err(format!("{scenario}: expected.json `cause` must be a cause id or null, not {other:?}")),
                }
            }
            Some(Value::Object(_)) => Err(format!("{scenario}: a case marked real must cite its source")),
            Some(other) => Err(format!("{scenario}: expected.json value must be a cause id or null, not {other}")),
            None => Err(format!("{scenario}: not listed in {}", dir.join("expected.json").display())),
        };
    }
    let comment = har.pointer("/log/comment").and_then(Value::as_str).unwrap_or("");
    let Some(i) = comment.find("expected: ") else { return Err(format!("{scenario}: no expected.json and no `expected:` in log.comment")) };
    let id: String = comment[i + 10..].chars().take_while(|c| c.is_ascii_lowercase() || *c == '_').collect();
    Ok((if id == "null" || id.is_empty() { None } else { Some(id) }, false))
}

/// Evaluate every `*.har` in `dir`.
pub fn evaluate(dir: &Path) -> Result<Eval, String> {
    let mut files: Vec<_> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "har"))
        .collect();
    files.sort();
    let table: Option<BTreeMap<String, Value>> = match std::fs::read_to_string(dir.join("expected.json")) {
        Ok(t) => Some(serde_json::from_str(&t).map_err(|e| format!("expected.json: {e}"))?),
        Err(_) => None,
    };
    let mut cases = Vec::new();
    let mut errors = Vec::new();
    for f in files {
        let scenario = f.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_default();
        let text = match std::fs::read_to_string(&f) {
            Ok(t) => t,
            Err(e) => {
                errors.push(format!("{scenario}: {e}"));
                continue;
            }
        };
        let raw: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        let (expected, real) = match expected_of(dir, &raw, &scenario, &table) {
            Ok(e) => e,
            Err(e) => {
                errors.push(e);
                continue;
            }
        };
        if let Some(id) = &expected {
            if authlens_core::causes::by_id(id).is_none() {
                errors.push(format!("{scenario}: expected cause `{id}` does not exist"));
                continue;
            }
        }
        let report = match authlens_core::analyze_har_text(&text) {
            Ok(r) => r,
            Err(e) => {
                errors.push(format!("{scenario}: {e}"));
                continue;
            }
        };
        let got = report.entries.last().map(|e| e.causes.iter().map(|c| c.id.to_string()).collect()).unwrap_or_default();
        let noise = report.entries.iter().flat_map(|e| e.causes.iter().map(move |c| format!("#{} {}", e.index, c.id))).collect();
        cases.push(Case { scenario, expected, real, got, noise });
    }
    if let Some(t) = &table {
        for name in t.keys() {
            if !cases.iter().any(|c| &c.scenario == name) && !errors.iter().any(|e| e.starts_with(&format!("{name}:"))) {
                errors.push(format!("{name}: listed in expected.json but {name}.har is missing"));
            }
        }
    }
    Ok(Eval { cases, errors })
}

impl Eval {
    fn positives(&self) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(|c| c.expected.is_some())
    }

    fn controls(&self) -> impl Iterator<Item = &Case> {
        self.cases.iter().filter(|c| c.expected.is_none())
    }

    fn rank(c: &Case) -> Option<usize> {
        let e = c.expected.as_deref()?;
        c.got.iter().position(|g| g == e)
    }

    /// The result as JSON.
    pub fn to_json(&self) -> Value {
        let positives = self.positives().count();
        let top1 = self.positives().filter(|c| Self::rank(c) == Some(0)).count();
        let top3 = self.positives().filter(|c| Self::rank(c).is_some_and(|r| r < 3)).count();
        let noisy: Vec<Value> = self.controls().filter(|c| !c.noise.is_empty()).map(|c| json!({"scenario": c.scenario, "causes": c.noise})).collect();
        let rate = |n: usize| if positives == 0 { 0.0 } else { (n as f64 * 1000.0 / positives as f64).round() / 10.0 };
        let mut by_cause: BTreeMap<&str, (usize, usize, usize)> = BTreeMap::new();
        for c in self.positives() {
            let e = by_cause.entry(c.expected.as_deref().unwrap_or("")).or_default();
            e.0 += 1;
            e.1 += usize::from(Self::rank(c) == Some(0));
            e.2 += usize::from(Self::rank(c).is_some_and(|r| r < 3));
        }
        json!({
            "cases": self.cases.len(),
            "positives": positives,
            "controls": self.controls().count(),
            "top1": top1,
            "top3": top3,
            "top1_percent": rate(top1),
            "top3_percent": rate(top3),
            "controls_with_causes": noisy.len(),
            "real": {
                "cases": self.cases.iter().filter(|c| c.real).count(),
                "positives": self.positives().filter(|c| c.real).count(),
                "controls": self.controls().filter(|c| c.real).count(),
                "top1": self.positives().filter(|c| c.real && Self::rank(c) == Some(0)).count(),
                "top3": self.positives().filter(|c| c.real && Self::rank(c).is_some_and(|r| r < 3)).count(),
                "controls_with_causes": self.controls().filter(|c| c.real && !c.noise.is_empty()).count(),
            },
            "by_cause": by_cause.iter().map(|(id, (n, t1, t3))| json!({"id": id, "cases": n, "top1": t1, "top3": t3})).collect::<Vec<_>>(),
            "misses": self.positives().filter(|c| Self::rank(c) != Some(0)).map(|c| json!({"scenario": c.scenario, "expected": c.expected, "got": c.got.iter().take(3).collect::<Vec<_>>()})).collect::<Vec<_>>(),
            "noisy_controls": noisy,
            "errors": self.errors,
        })
    }

    /// A terminal summary.
    pub fn to_text(&self) -> String {
        let j = self.to_json();
        let n = |k: &str| j[k].as_u64().unwrap_or(0);
        let mut s = format!(
            "{} cases: {} with an expected cause, {} controls\ntop-1: {}/{} ({:.1} %)\ntop-3: {}/{} ({:.1} %)\ncontrols with any cause: {}/{}\n",
            n("cases"), n("positives"), n("controls"), n("top1"), n("positives"), j["top1_percent"].as_f64().unwrap_or(0.0), n("top3"), n("positives"), j["top3_percent"].as_f64().unwrap_or(0.0), n("controls_with_causes"), n("controls")
        );
        let r = &j["real"];
        let rn = |k: &str| r[k].as_u64().unwrap_or(0);
        let pct = |a: u64, b: u64| if b == 0 { 0.0 } else { (a as f64 * 1000.0 / b as f64).round() / 10.0 };
        s.push_str(&format!(
            "written from real server answers: {} cases ({} with an expected cause, {} controls): top-1 {}/{} ({:.1} %), top-3 {}/{}, controls with any cause {}/{}\n",
            rn("cases"), rn("positives"), rn("controls"), rn("top1"), rn("positives"), pct(rn("top1"), rn("positives")), rn("top3"), rn("positives"), rn("controls_with_causes"), rn("controls")
        ));
        let misses = j["misses"].as_array().cloned().unwrap_or_default();
        if !misses.is_empty() {
            s.push_str("\nnot ranked first (expected → what came first instead):\n");
            for m in misses {
                s.push_str(&format!("  {}: expected {} → got [{}]\n", m["scenario"].as_str().unwrap_or(""), m["expected"].as_str().unwrap_or(""), m["got"].as_array().map(|a| a.iter().filter_map(Value::as_str).collect::<Vec<_>>().join(", ")).unwrap_or_default()));
            }
        }
        for c in j["noisy_controls"].as_array().cloned().unwrap_or_default() {
            s.push_str(&format!("  control {} got causes: {}\n", c["scenario"].as_str().unwrap_or(""), c["causes"]));
        }
        for e in &self.errors {
            s.push_str(&format!("  error: {e}\n"));
        }
        s
    }

    /// The page `docs/eval.md`.
    pub fn to_markdown(&self) -> String {
        let j = self.to_json();
        let n = |k: &str| j[k].as_u64().unwrap_or(0);
        let mut s = String::from("# Evaluation\n\n<!-- Generated by `authlens eval tests/corpus --format markdown`. Do not edit: run `UPDATE_DOCS=1 cargo test -p authlens-cli --test eval` to refresh. -->\n\n");
        s.push_str(&format!(
            "The corpus in `tests/corpus/` holds {} HAR cases, written by `tests/corpus/generate.py` and `tests/corpus/real_cases.py` (the latter around real server answers quoted verbatim, each with its source): {} where a cause is expected first on the last entry, and {} controls (healthy traffic and look-alikes: rate limits, 404s, 422s, 400s) where no entry may get any cause. `tests/corpus/expected.json` states the expectation of each; `tests/corpus/README.md` says how the cases were chosen and how the debatable ones were decided. The cases were written together with the causes, so these figures show that the catalogued situations are recognised, not how often real captures are.\n\n",
            n("cases"), n("positives"), n("controls")
        ));
        s.push_str("| measure | result |\n| --- | --- |\n");
        s.push_str(&format!("| top-1 (expected cause ranked first) | {}/{} ({:.1} %) |\n", n("top1"), n("positives"), j["top1_percent"].as_f64().unwrap_or(0.0)));
        s.push_str(&format!("| top-3 (expected cause among the first three) | {}/{} ({:.1} %) |\n", n("top3"), n("positives"), j["top3_percent"].as_f64().unwrap_or(0.0)));
        s.push_str(&format!("| controls with any cause | {}/{} |\n", n("controls_with_causes"), n("controls")));
        let r = &j["real"];
        let rn = |k: &str| r[k].as_u64().unwrap_or(0);
        s.push_str(&format!(
            "| of which written from real server answers (body quoted verbatim, source cited) | {} cases: top-1 {}/{}, top-3 {}/{}, controls with any cause {}/{} |\n\n",
            rn("cases"), rn("top1"), rn("positives"), rn("top3"), rn("positives"), rn("controls_with_causes"), rn("controls")
        ));
        s.push_str("## By cause\n\n| cause | cases | top-1 | top-3 |\n| --- | --- | --- | --- |\n");
        for b in j["by_cause"].as_array().cloned().unwrap_or_default() {
            s.push_str(&format!("| `{}` | {} | {} | {} |\n", b["id"].as_str().unwrap_or(""), b["cases"], b["top1"], b["top3"]));
        }
        let misses = j["misses"].as_array().cloned().unwrap_or_default();
        s.push_str("\n## Not ranked first\n\n");
        if misses.is_empty() {
            s.push_str("None.\n");
        } else {
            s.push_str("| case | expected | ranked first instead (then the next two) |\n| --- | --- | --- |\n");
            for m in misses {
                s.push_str(&format!("| {} | `{}` | {} |\n", m["scenario"].as_str().unwrap_or(""), m["expected"].as_str().unwrap_or(""), m["got"].as_array().map(|a| a.iter().filter_map(Value::as_str).map(|x| format!("`{x}`")).collect::<Vec<_>>().join(", ")).unwrap_or_default()));
            }
        }
        s.push_str("\n## Every case\n\nCases marked *real* quote a real server answer verbatim; `tests/corpus/expected.json` and the HAR entry's `comment` cite the source.\n\n| case | expected | first cause |\n| --- | --- | --- |\n");
        for c in &self.cases {
            let first = c.got.first().map(|g| format!("`{g}`")).unwrap_or_else(|| "—".into());
            let exp = c.expected.as_deref().map(|e| format!("`{e}`")).unwrap_or_else(|| "none (control)".into());
            let mark = match (&c.expected, Self::rank(c)) {
                (None, _) if c.noise.is_empty() => "",
                (Some(_), Some(0)) => "",
                _ => " ✗",
            };
            let real = if c.real { " *(real)*" } else { "" };
            s.push_str(&format!("| {}{real} | {exp} | {first}{mark} |\n", c.scenario));
        }
        for e in &self.errors {
            s.push_str(&format!("\nError: {e}\n"));
        }
        s
    }
}

/// Run `authlens eval` and print the result; the exit code is 2 for an unreadable directory.
pub fn run(dir: &str, out: Output) -> std::process::ExitCode {
    match evaluate(Path::new(dir)) {
        Ok(e) => {
            let text = match out {
                Output::Text => e.to_text(),
                Output::Json => serde_json::to_string_pretty(&e.to_json()).unwrap_or_default() + "\n",
                Output::Markdown => e.to_markdown(),
            };
            crate::stdout::print(&text);
            std::process::ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("authlens: {e}");
            std::process::ExitCode::from(2)
        }
    }
}
