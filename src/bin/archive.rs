//! `archive`: the command line over the same parser and search the app uses.
//!
//! ```text
//! archive parse [--strict] [PATH…]   print the parsed archive as JSON (default: seeds/)
//! archive check [--strict] [--no-names] [--summary] PATH…
//!                                    per page: articles, unstructured parts, warnings, time
//! archive search QUERY [PATH…]       print the hits as JSON
//! archive export --ndjson [--index NAME] [--documents] [PATH…]
//!                                    NDJSON for OpenSearch/Elasticsearch `_bulk` or Quickwit
//! archive export --mapping           the index mapping for that NDJSON
//! archive serve [--port N] DIR       serve a built explorer (dist/) on 127.0.0.1
//! ```
//! Warnings (`file:line: what was unsure`) go to stderr and do not stop anything; with
//! `--strict` or `ARCHIVE_STRICT=1` the first one is an error. Exit code 1 on errors, 2 on bad
//! usage.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use archive_explorer::archive::{load, Archive, Options, Report};
use archive_explorer::cli::{check_text, parse_json, search_json, truth_json};
use serde_json::Value;

const USAGE: &str = "usage:
  archive parse [--strict] [PATH…]
                                 parse seed files/folders (default: seeds/) and print JSON
  archive check [--strict] [--no-names] [--summary] [PATH…]
                                 per page: articles, unstructured parts, warnings and time;
                                 then the warnings and totals (parse and names timed apart)
  archive search QUERY [PATH…]   search them and print the hits as JSON
  archive export --ndjson [--index NAME] [--documents] [PATH…]
                                 the articles as NDJSON: OpenSearch/Elasticsearch _bulk
                                 (index NAME, default \"archive\"), or with --documents one
                                 document per line (Quickwit ingest)
  archive export --mapping       the index mapping (cjk_width, lowercase, cjk_bigram)
  archive serve [--port N] DIR   serve a built explorer folder on http://127.0.0.1:N/
                                 (default 8080; 0 picks a free port), for offline reading
  archive truth QUERIES.json [PATH…]
                                 ground truth for a JSON list of queries (see bench/peers)
  archive synth N OUT_DIR        write N synthetic articles (from the seed's sentences) as .md
  archive synth --pages N OUT_DIR
                                 write N synthetic articles as pages (e-edition and
                                 OCR layouts, dated by path, an archive.toml, sidecars)
Paths may be .txt pages (with optional .toml sidecars), .md articles, or folders of them
(read recursively). Warnings go to stderr; --strict or ARCHIVE_STRICT=1 makes them errors.";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        Some("parse") => {
            let (flags, paths) = flags(&args[1..]);
            let mut opts = Options::from_env();
            opts.strict |= flags.iter().any(|f| f == "--strict");
            opts.progress = std::io::stderr().is_terminal();
            if let Some(bad) = flags.iter().find(|f| *f != "--strict") {
                eprintln!("unknown option {bad}\n{USAGE}");
                return ExitCode::from(2);
            }
            match load_report(&paths, &opts) {
                Ok(r) => print(&parse_json(&r.archive)),
                Err(e) => fail(&e),
            }
        }
        Some("check") => {
            let (flags, paths) = flags(&args[1..]);
            let mut opts = Options::from_env();
            let mut summary = false;
            for f in &flags {
                match f.as_str() {
                    "--strict" => opts.strict = true,
                    "--no-names" => opts.names = false,
                    "--summary" => summary = true,
                    _ => {
                        eprintln!("unknown option {f}\n{USAGE}");
                        return ExitCode::from(2);
                    }
                }
            }
            // Strict checking reports every warning, then fails.
            let strict = std::mem::replace(&mut opts.strict, false);
            opts.progress = true;
            match load_report(&paths, &opts) {
                Ok(r) => {
                    print!("{}", check_text(&r, summary));
                    if strict && !r.warnings.is_empty() {
                        eprintln!("strict: {} warnings", r.warnings.len());
                        return ExitCode::from(1);
                    }
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&e),
            }
        }
        Some("search") => {
            let Some(q) = args.get(1) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            match load_archive(&args[2..]) {
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
            match (queries, load_archive(&args[2..])) {
                (Ok(q), Ok(a)) => match truth_json(&a, &q) {
                    Ok(v) => print(&v),
                    Err(e) => fail(&e),
                },
                (Err(e), _) | (_, Err(e)) => fail(&e),
            }
        }
        Some("synth") if args.get(1).map(String::as_str) == Some("--pages") => {
            let (Some(n), Some(out)) = (args.get(2), args.get(3)) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let n = match archive_explorer::synth::parse_count(n) {
                Ok(n) => n,
                Err(e) => return fail(&e),
            };
            match archive_explorer::synth::write_pages(n, std::path::Path::new(out), 42) {
                Ok(s) => {
                    eprintln!(
                        "wrote {} articles on {} pages ({} characters) to {out}",
                        s.articles, s.pages, s.chars
                    );
                    ExitCode::SUCCESS
                }
                Err(e) => fail(&format!("{out}: {e}")),
            }
        }
        Some("synth") => {
            let (Some(n), Some(out)) = (args.get(1), args.get(2)) else {
                eprintln!("{USAGE}");
                return ExitCode::from(2);
            };
            let n = match archive_explorer::synth::parse_count(n) {
                Ok(n) => n,
                Err(e) => return fail(&e),
            };
            match load_archive(&[]) {
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
        Some("export") => export(&args[1..]),
        Some("serve") => serve(&args[1..]),
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

fn export(args: &[String]) -> ExitCode {
    use archive_explorer::ndjson::{self, Shape};
    if args.iter().any(|a| a == "--mapping") {
        println!("{}", ndjson::MAPPING);
        return ExitCode::SUCCESS;
    }
    let mut index = "archive".to_string();
    let mut shape = None;
    let mut paths = Vec::new();
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--ndjson" => shape = Some(shape.unwrap_or(Shape::Bulk)),
            "--documents" => shape = Some(Shape::Documents),
            "--index" => match it.next() {
                Some(n) if !n.is_empty() && !n.starts_with("--") => index = n.clone(),
                _ => {
                    eprintln!("--index needs a name\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            f if f.starts_with("--") => {
                eprintln!("unknown option {f}\n{USAGE}");
                return ExitCode::from(2);
            }
            p => paths.push(p.to_string()),
        }
    }
    let Some(shape) = shape else {
        eprintln!("export needs --ndjson (or --mapping)\n{USAGE}");
        return ExitCode::from(2);
    };
    match load_archive(&paths) {
        Ok(a) => {
            print!("{}", ndjson::export(&a, &index, shape));
            ExitCode::SUCCESS
        }
        Err(e) => fail(&e),
    }
}

fn serve(args: &[String]) -> ExitCode {
    let mut port: u16 = 8080;
    let mut dir = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        match a.as_str() {
            "--port" => match it.next().and_then(|p| p.parse().ok()) {
                Some(p) => port = p,
                None => {
                    eprintln!("--port needs a number (0–65535)\n{USAGE}");
                    return ExitCode::from(2);
                }
            },
            d if dir.is_none() && !d.starts_with("--") => dir = Some(PathBuf::from(d)),
            other => {
                eprintln!("unexpected {other}\n{USAGE}");
                return ExitCode::from(2);
            }
        }
    }
    let Some(dir) = dir.filter(|d| d.is_dir()) else {
        eprintln!("serve needs a folder (a built explorer, e.g. dist/)\n{USAGE}");
        return ExitCode::from(2);
    };
    let shown = dir.display().to_string();
    match archive_explorer::serve::serve(&dir, port, |addr| {
        eprintln!("serving {shown} on http://{addr}/ (Ctrl-C to stop)");
    }) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => fail(&format!("serve: {e}")),
    }
}

/// Splits `--options` from paths (`--` ends the options).
fn flags(args: &[String]) -> (Vec<String>, Vec<String>) {
    let mut flags = Vec::new();
    let mut paths = Vec::new();
    let mut only_paths = false;
    for a in args {
        if only_paths || !a.starts_with("--") {
            paths.push(a.clone());
        } else if a == "--" {
            only_paths = true;
        } else {
            flags.push(a.clone());
        }
    }
    (flags, paths)
}

fn load_report(paths: &[String], opts: &Options) -> Result<Report, String> {
    let paths: Vec<PathBuf> = if paths.is_empty() {
        vec![PathBuf::from("seeds")]
    } else {
        paths.iter().map(PathBuf::from).collect()
    };
    let r = load(&paths, opts).map_err(|e| e.to_string())?;
    for w in &r.warnings {
        eprintln!("warning: {w}");
    }
    Ok(r)
}

/// Loads leniently (strict with `ARCHIVE_STRICT=1`), warnings to stderr.
fn load_archive(paths: &[String]) -> Result<Archive, String> {
    load_report(paths, &Options::from_env()).map(|r| r.archive)
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
