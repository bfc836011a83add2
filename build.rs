//! Parses every seed at build time and embeds the archive with its search tables.
//!
//! Reads `seeds/` (or the folder named by `ARCHIVE_SEEDS`) with the `archive` crate, builds the
//! corpus tables with the `search` crate, and writes a [`search::Embedded`] to
//! `$OUT_DIR/archive.bin`. Folders below it are read too. Anything unsure on a page is a
//! `cargo:warning=seeds/<file>:<line>: <what>` and the build goes on; with `ARCHIVE_STRICT=1`
//! the first one fails the build. Unreadable folders and file names with control characters
//! always fail it.
//!
//! Large archives ship sharded: when the encoded archive passes `ARCHIVE_SHARD_BUDGET` bytes
//! (default [`search::shard::SHARD_BUDGET`], about 2 MB brotli) or `ARCHIVE_MODE=sharded`, the
//! app embeds only a [`search::shard::Head`] (`head.postcard`), is compiled with
//! `cfg(sharded)`, and the chunk files go to `$OUT_DIR/shards-<id>/` for `scripts/postbuild.mjs` to
//! copy next to the app. `ARCHIVE_MODE=embedded` forces the single embedded file.

use std::path::{Path, PathBuf};

fn main() {
    println!("cargo:rerun-if-env-changed=ARCHIVE_SEEDS");
    println!("cargo:rerun-if-env-changed=ARCHIVE_STRICT");
    println!("cargo:rerun-if-env-changed=ARCHIVE_MODE");
    println!("cargo:rerun-if-env-changed=ARCHIVE_SHARD_BUDGET");
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
    let mode = std::env::var("ARCHIVE_MODE").unwrap_or_default();
    let Some(mode) = search::shard::Mode::parse(&mode) else {
        fail(&format!(
            "ARCHIVE_MODE={mode:?}: expected auto, embedded or sharded"
        ))
    };
    let budget = match std::env::var("ARCHIVE_SHARD_BUDGET") {
        Ok(b) => b.trim().parse::<usize>().unwrap_or_else(|_| {
            fail(&format!(
                "ARCHIVE_SHARD_BUDGET={b:?}: expected a number of bytes"
            ))
        }),
        Err(_) => search::shard::SHARD_BUDGET,
    };
    let out = PathBuf::from(std::env::var("OUT_DIR").unwrap_or_else(|_| ".".into()));
    let embedded = search::Embedded { archive, tables };
    let bytes = embedded.encode();
    // Chunk folders of earlier builds of this OUT_DIR go.
    if let Ok(entries) = std::fs::read_dir(&out) {
        for e in entries.flatten() {
            if e.file_name().to_string_lossy().starts_with("shards-") {
                if let Err(err) = std::fs::remove_dir_all(e.path()) {
                    fail(&format!("clearing {}: {err}", e.path().display()));
                }
            }
        }
    }
    println!("cargo::rustc-check-cfg=cfg(sharded)");
    if mode.sharded(bytes.len(), budget) {
        // The app gets the head; the chunks go to `$OUT_DIR/shards-<id>/`, which
        // scripts/postbuild.mjs copies next to the app.
        println!("cargo:rustc-cfg=sharded");
        let sharded = match search::shard::build(&embedded.archive, &embedded.tables) {
            Ok(s) => s,
            Err(e) => fail(&format!("cutting the archive into shards: {e}")),
        };
        let head = match sharded.head.encode() {
            Ok(b) => b,
            Err(e) => fail(&format!("encoding the shard head: {e}")),
        };
        write(&out.join("head.postcard"), &head);
        // The app carries this id (`data::SHARDS_MARK`); scripts/postbuild.mjs reads it from the
        // wasm and copies `$OUT_DIR/shards-<id>/`, so a build never ships another build's chunks.
        let id = format!("{:016x}", search::shard::content_hash(&head));
        println!("cargo:rustc-env=ARCHIVE_SHARDS={id}");
        let shards = out.join(format!("shards-{id}"));
        if let Err(e) = std::fs::create_dir_all(&shards) {
            fail(&format!("creating {}: {e}", shards.display()));
        }
        let mut names = std::collections::HashMap::new();
        let mut written = 0u64;
        for (name, data) in &sharded.files {
            // Names are 48-bit content hashes: two different chunks under one name would be a
            // silent corruption, so check (identical chunks may share a name).
            match names.insert(name.as_str(), data) {
                Some(d) if d != data => {
                    fail(&format!("two different shard chunks are both named {name}"))
                }
                Some(_) => continue,
                None => {}
            }
            // Gzip: whatever the host sends, a query downloads compressed chunks (the browser
            // inflates them: `DecompressionStream`).
            let gz = gzip(data).unwrap_or_else(|e| fail(&format!("compressing {name}: {e}")));
            written += gz.len() as u64;
            write(&shards.join(name), &gz);
        }
        // What "save the whole archive" downloads.
        println!("cargo:rustc-env=ARCHIVE_SHARDS_BYTES={written}");
        // Keep the include_bytes! of the embedded mode valid (never read when sharded).
        write(&out.join("archive.bin"), &[]);
    } else {
        write(&out.join("archive.bin"), &bytes);
        write(&out.join("head.postcard"), &[]);
        println!("cargo:rustc-env=ARCHIVE_SHARDS=none");
        println!("cargo:rustc-env=ARCHIVE_SHARDS_BYTES=0");
    }
}

/// Gzip at the default level (a 100,000-article archive's chunks, about 1 GB, in seconds).
fn gzip(data: &[u8]) -> std::io::Result<Vec<u8>> {
    use std::io::Write;
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    e.write_all(data)?;
    e.finish()
}

fn write(path: &Path, bytes: &[u8]) {
    if let Err(e) = std::fs::write(path, bytes) {
        fail(&format!("writing {}: {e}", path.display()));
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
