//! Parses every seed at build time and embeds the archive with its search tables.
//!
//! Reads `seeds/` (or the folder named by `ARCHIVE_SEEDS`) with the `archive` crate, builds the
//! corpus tables with the `search` crate, and writes a [`search::Embedded`] to
//! `$OUT_DIR/archive.postcard`. A bad seed fails the build with `seeds/<file>:<line>: <what>`.

use std::path::PathBuf;

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
    let archive = match archive::load_dir(&dir) {
        Ok(a) => a,
        Err(e) => fail(&e.to_string()),
    };
    let tables = match search::tables::build_tables(&archive) {
        Ok(t) => t,
        Err(e) => fail(&format!("building search tables: {e}")),
    };
    let bytes = match (search::Embedded { archive, tables }).encode() {
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
