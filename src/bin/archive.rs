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
use archive_explorer::search::engine::SearchOptions;
use archive_explorer::search::tables::build_tables;
use archive_explorer::search::{query, Index};
use serde_json::{json, Value};

const USAGE: &str = "usage:
  archive parse [PATH…]          parse seed files/folders (default: seeds/) and print JSON
  archive search QUERY [PATH…]   search them and print the hits as JSON
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

/// The archive as JSON: `{"pages": […], "articles": […]}` (see README).
fn parse_json(a: &Archive) -> Value {
    let pages: Vec<Value> = a
        .pages
        .iter()
        .map(|p| json!({"file": p.file, "paper": p.paper, "date": p.date, "page": p.page, "year": p.year, "lines": p.lines.len()}))
        .collect();
    let articles: Vec<Value> = a
        .articles
        .iter()
        .map(|x| serde_json::to_value(x).unwrap_or(Value::Null))
        .collect();
    json!({"pages": pages, "articles": articles})
}

/// Byte offset to character offset in `s`.
fn chars_at(s: &str, byte: usize) -> usize {
    s[..byte.min(s.len())].chars().count()
}

fn search_json(a: Archive, q: &str) -> Result<Value, String> {
    let tables = build_tables(&a)?;
    let index = Index::new(a, &tables);
    let query = query::parse_with(q, &|w| index.pinyin.is_syllables(w));
    let results = index.search(&query, &SearchOptions::default());
    let hits: Vec<Value> = results
        .hits
        .iter()
        .map(|h| {
            let art = &index.archive.articles[h.doc];
            let snippets: Vec<Value> = h
                .snippets
                .iter()
                .map(|s| {
                    let marks: Vec<[usize; 2]> = s.marks.iter().map(|&(b, e)| [chars_at(&s.text, b), chars_at(&s.text, e)]).collect();
                    json!({"field": s.field.key(), "index": s.index, "text": s.text, "marks": marks, "cut_before": s.cut_before, "cut_after": s.cut_after})
                })
                .collect();
            let ranges: Vec<Value> = h
                .ranges
                .iter()
                .map(|fr| {
                    let text = archive_explorer::search::index::source_text(art, fr.field, fr.index).unwrap_or_default();
                    let r: Vec<[usize; 2]> = fr.ranges.iter().map(|&(b, e)| [chars_at(&text, b), chars_at(&text, e)]).collect();
                    json!({"field": fr.field.key(), "index": fr.index, "ranges": r})
                })
                .collect();
            let counts: serde_json::Map<String, Value> = h.field_counts.iter().map(|(f, n)| (f.key().to_string(), json!(n))).collect();
            json!({
                "id": h.id, "title": art.title, "date": art.date, "kind": art.kind.key(),
                "score": h.score, "count": h.count, "counts": counts,
                "snippets": snippets, "ranges": ranges, "breakdown": h.breakdown,
            })
        })
        .collect();
    let hints: Vec<Value> = query.hints.iter().map(|h| json!({"start": h.start, "end": h.end, "message": h.message_en()})).collect();
    if hints.is_empty() {
        return Ok(Value::Array(hits));
    }
    eprintln!("{}", serde_json::to_string(&hints).unwrap_or_default());
    Ok(Value::Array(hits))
}
