//! `archive`: the command line over the same parser and search the app uses.
//!
//! ```text
//! archive parse [PATH…]            print the parsed archive as JSON (default: seeds/)
//! archive search QUERY [PATH…]     print the hits as JSON
//! ```
//! Exit code 1 with `file:line: what` on bad input, 2 on bad usage.

use std::path::PathBuf;
use std::process::ExitCode;

use archive_explorer::archive::{load_paths, Archive};
use archive_explorer::cli::{parse_json, search_json, truth_json};
use serde_json::Value;

const USAGE: &str = "usage:
  archive parse [PATH…]          parse seed files/folders (default: seeds/) and print JSON
  archive search QUERY [PATH…]   search them and print the hits as JSON
  archive truth QUERIES.json [PATH…]
                                 ground truth for a JSON list of queries (see bench/peers)
  archive synth N OUT_DIR        write N synthetic articles (from the seed's sentences) as .md
Paths may be .txt pages (with optional .toml sidecars), .md articles, or folders of them.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("parse") => match load(&args[1..]) {
            Ok(a) => print(&parse_json(&a)),
            Err(e) => fail(&e),
        },
        Some("search") => {
            let Some(q) = args.get(1) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            match load(&args[2..]) {
                Ok(a) => match search_json(a, q) {
                    Ok(v) => print(&v),
                    Err(e) => fail(&e),
                },
                Err(e) => fail(&e),
            }
        }
        Some("truth") => {
            let Some(file) = args.get(1) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let queries: Result<Vec<String>, String> = std::fs::read_to_string(file)
                .map_err(|e| format!("{file}: {e}"))
                .and_then(|t| {
                    serde_json::from_str::<Vec<Value>>(&t).map_err(|e| format!("{file}: {e}"))
                })
                .map(|v| {
                    v.iter()
                        .filter_map(|q| {
                            q.get("q")
                                .and_then(Value::as_str)
                                .or(q.as_str())
                                .map(str::to_string)
                        })
                        .collect()
                });
            match (queries, load(&args[2..])) {
                (Ok(q), Ok(a)) => match truth_json(&a, &q) {
                    Ok(v) => print(&v),
                    Err(e) => fail(&e),
                },
                (Err(e), _) | (_, Err(e)) => fail(&e),
            }
        }
        Some("synth") => {
            let (Some(n), Some(out)) = (
                args.get(1).and_then(|n| n.parse::<usize>().ok()),
                args.get(2),
            ) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            match load(&[]) {
                Ok(seed) => {
                    let a = archive_explorer::synth::archive(&seed, n, 2_000, 42);
                    match archive_explorer::synth::write_markdown(&a, std::path::Path::new(out)) {
                        Ok(()) => {
                            eprintln!("wrote {n} articles to {out}");
                            ExitCode::SUCCESS
                        }
                        Err(e) => fail(&format!("{out}: {e}")),
                    }
                }
                Err(e) => fail(&e),
            }
        }
        Some("-h" | "--help" | "help") => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
        _ => {
            eprintln!("{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn load(paths: &[String]) -> Result<Archive, String> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        paths.iter().map(PathBuf::from).collect()
    };
    load_paths(&paths).map_err(|e| e.to_string())
}

fn print(v: &Value) -> ExitCode {
    match serde_json::to_string_pretty(v) {
        Ok(s) => {
            println!("{s}");
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e.to_string()),
    }
}

fn fail(msg: &str) -> ExitCode {
    eprintln!("{msg}");
    ExitCode::from(1)
}
