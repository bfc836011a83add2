//! Parses every seed at build time and embeds the archive with its search tables.
//!
//! Reads `seeds/` (or the folder named by `ARCHIVE_SEEDS`), reusing the crate's own parser and
//! table builder through `#[path]` includes, and writes `$OUT_DIR/archive.postcard`. A bad seed
//! fails the build with `seeds/<file>:<line>: <what>`.

#![allow(dead_code, unused_imports)]

#[path = "src/archive/mod.rs"]
mod archive;
#[path = "src/search/mod.rs"]
mod search;

use std::path::PathBuf;

/// Encodes exactly like `archive_explorer::data::Embedded` (same fields, same order).
#[derive(serde::Serialize)]
struct Embedded<'a> {
    archive: &'a archive::Archive,
    tables: &'a search::Tables,
}

fn main() {
    println!("cargo:rerun-if-env-changed=ARCHIVE_SEEDS");
    let dir = std::env::var("ARCHIVE_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("seeds"));
    println!("cargo:rerun-if-changed={}", dir.display());
    if let Ok(entries) = std::fs::read_dir(&dir) {
        for e in entries.flatten() {
            println!("cargo:rerun-if-changed={}", e.path().display());
        }
    }
    for src in ["src/archive", "src/search"] {
        println!("cargo:rerun-if-changed={src}");
    }
    let archive = match archive::load_dir(&dir) {
        Ok(a) => a,
        Err(e) => fail(&e.to_string()),
    };
    let tables = match search::tables::build_tables(&archive) {
        Ok(t) => t,
        Err(e) => fail(&format!("building search tables: {e}")),
    };
    let bytes = match postcard::to_allocvec(&Embedded {
        archive: &archive,
        tables: &tables,
    }) {
        Ok(b) => b,
        Err(e) => fail(&format!("encoding the archive: {e}")),
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    if let Err(e) = std::fs::write(out.join("archive.postcard"), &bytes) {
        fail(&format!("writing {}: {e}", out.display()));
    }
}

fn fail(msg: &str) -> ! {
    // cargo shows `error:` lines prominently; keep the file:line form first.
    eprintln!("{msg}");
    println!("cargo:warning={msg}");
    std::process::exit(1);
}
