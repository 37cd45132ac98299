//! Helper for the benchmark suite (`./build.sh bench`, tests/bench/run.sh):
//!
//! - `bench_helper parse FILE`: read FILE and parse it with `serde_json::from_str::<Value>`, the
//!   baseline `authlens analyze` is measured against (reading + plain JSON parsing, nothing else).
//! - `bench_helper patterns`: print, one per line, every literal the scanner's matcher searches
//!   for (`secrets::search_literals`: all rules' prefixes and keywords, base64 prefixes, field
//!   keywords, PEM and AWS markers), keywords as `(?i:…)`, so ripgrep searches the same set.
//! - `bench_helper exchanges FILE CALLS`: FILE is a JSON object of named HAR entries; one session
//!   (history filled with 2,000 entries first, as in the wasm bench) analyses each entry CALLS
//!   times; prints the median and p99 latency per entry, natively.
//! - `bench_helper scan FILE RUNS`: `secrets::files::scan_source` (what `authlens scan` and the
//!   wasm `scanText` run on one file) over FILE, RUNS times on one thread; prints the median MB/s.

use std::process::ExitCode;


fn escape(lit: &str) -> String {
    // Only regex meta characters are escaped (older regex versions refuse other escapes).
    lit.chars().map(|c| if "\\.+*?()|[]{}^$#&-~".contains(c) { format!("\\{c}") } else { c.to_string() }).collect()
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("parse") if args.len() == 2 => {
            let text = match std::fs::read_to_string(&args[1]) {
                Ok(t) => t,
                Err(e) => {
                    eprintln!("{}: {e}", args[1]);
                    return ExitCode::from(2);
                }
            };
            match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(v) => {
                    // Touch the result so nothing is optimised away.
                    let n = v.pointer("/log/entries").and_then(|e| e.as_array()).map_or(0, Vec::len);
                    println!("{n} entries");
                    ExitCode::SUCCESS
                }
                Err(e) => {
                    eprintln!("{}: {e}", args[1]);
                    ExitCode::from(2)
                }
            }
        }
        Some("patterns") => {
            // Exactly the literals the scanner's matcher searches for (every rule's prefix and
            // keywords, the base64 forms of distinctive prefixes, the secret-field keywords, the
            // PEM and AWS markers): keywords case-insensitively, as the scanner matches them.
            let mut seen = std::collections::BTreeSet::new();
            for (lit, exact) in authlens_core::secrets::search_literals() {
                seen.insert(if exact { escape(&lit) } else { format!("(?i:{})", escape(&lit)) });
            }
            for p in seen {
                println!("{p}");
            }
            ExitCode::SUCCESS
        }
        Some("exchanges") if args.len() == 3 => {
            let text = std::fs::read_to_string(&args[1]).expect("read the entries file");
            let calls: usize = args[2].parse().expect("CALLS is a number");
            let named: Vec<(String, authlens_core::har::Entry)> = match serde_json::from_str::<serde_json::Value>(&text) {
                Ok(serde_json::Value::Object(o)) => o.into_iter().map(|(k, v)| (k, serde_json::from_value(v).expect("a HAR entry"))).collect(),
                _ => panic!("FILE must hold a JSON object of HAR entries"),
            };
            let mut session = authlens_core::Session::new();
            for i in 0..2000 {
                session.push(named[i % named.len()].1.clone());
            }
            for (name, entry) in &named {
                let mut times: Vec<f64> = (0..calls)
                    .map(|_| {
                        let e = entry.clone();
                        let t = std::time::Instant::now();
                        std::hint::black_box(session.push(e));
                        t.elapsed().as_secs_f64() * 1e6
                    })
                    .collect();
                times.sort_by(f64::total_cmp);
                println!("{name} median_us {:.2} p99_us {:.2}", times[calls / 2], times[calls * 99 / 100]);
            }
            ExitCode::SUCCESS
        }
        Some("scan") if args.len() == 3 => {
            let text = std::fs::read_to_string(&args[1]).expect("read the file");
            let runs: usize = args[2].parse().expect("RUNS is a number");
            let mut times: Vec<f64> = (0..runs.max(1))
                .map(|_| {
                    let t = std::time::Instant::now();
                    std::hint::black_box(authlens_core::secrets::files::scan_source("bench.js", &text));
                    t.elapsed().as_secs_f64()
                })
                .collect();
            times.sort_by(f64::total_cmp);
            println!("scan_mb_per_s {:.1} bytes {} median_ms {:.3}", text.len() as f64 / 1e6 / times[times.len() / 2], text.len(), times[times.len() / 2] * 1e3);
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("usage: bench_helper parse FILE | bench_helper patterns | bench_helper exchanges FILE CALLS | bench_helper scan FILE RUNS");
            ExitCode::from(2)
        }
    }
}
