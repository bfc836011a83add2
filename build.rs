//! Parses every seed at build time and embeds the archive with its search tables.
//!
//! Reads `seeds/` (or the folder named by `ARCHIVE_SEEDS`) with the `archive` crate, builds the
//! corpus tables with the `search` crate, and writes a [`search::Embedded`] to
//! `$OUT_DIR/archive.bin`. Folders below it are read too. Anything unsure on a page is a
//! `cargo:warning=seeds/<file>:<line>: <what>` and the build goes on; with `ARCHIVE_STRICT=1`
//! the first one fails the build. Unreadable folders and file names with control characters
//! always fail it.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=ARCHIVE_SEEDS");
    println!("cargo:rerun-if-env-changed=ARCHIVE_STRICT");
    let dir = std::env::var("ARCHIVE_SEEDS")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from("seeds"));
    // Every name is checked before it is printed: a newline in a file name would otherwise
    // start a cargo directive of its own.
    if let Err(e) = rerun_if_changed(&dir) {
        fail(&e.to_string());
    }
    let opts = archive::Options::from_env();
    let report = match archive::load(&[dir], &opts) {
        Ok(r) => r,
        Err(e) => fail(&e.to_string()),
    };
    for w in &report.warnings {
        println!("cargo:warning={}", one_line(&w.to_string()));
    }
    let archive = report.archive;
    let tables = match search::tables::build_tables(&archive) {
        Ok(t) => t,
        Err(e) => fail(&format!("building search tables: {e}")),
    };
    let bytes = (search::Embedded { archive, tables }).encode();
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    if let Err(e) = std::fs::write(out.join("archive.bin"), &bytes) {
        fail(&format!("writing {}: {e}", out.display()));
    }
}

/// Prints `cargo:rerun-if-changed` for a folder and everything below it, refusing names with
/// control characters.
fn rerun_if_changed(path: &Path) -> Result<(), archive::ParseError> {
    archive::load::check_name(path)?;
    println!("cargo:rerun-if-changed={}", path.display());
    if path.is_dir() {
        if let Ok(entries) = std::fs::read_dir(path) {
            for e in entries.flatten() {
                rerun_if_changed(&e.path())?;
            }
        }
    }
    Ok(())
}

/// A message on one line (a cargo directive ends at the line end).
fn one_line(msg: &str) -> String {
    msg.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect()
}

fn fail(msg: &str) -> ! {
    // cargo shows `error:` lines prominently; keep the file:line form first.
    eprintln!("{msg}");
    println!("cargo:warning={}", one_line(msg));
    std::process::exit(1);
}
