//! Shared test helpers: the seed archive, loaded once.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::OnceLock;

use archive_explorer::archive::{load_dir, load_paths, Archive, Article, Paragraph};
use archive_explorer::search::tables::build_tables;
use archive_explorer::search::Index;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn seed_archive() -> Archive {
    load_dir(&root().join("seeds")).expect("the seed parses")
}

pub fn fixture(name: &str) -> Archive {
    load_paths(&[root().join("tests/fixtures").join(name)]).expect("fixture parses")
}

/// The seed index, built once per test binary (table building takes a moment).
pub fn seed_index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let a = seed_archive();
        let t = build_tables(&a).expect("tables");
        Index::new(a, &t)
    })
}

pub fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let p = dir.join(name);
    std::fs::write(&p, bytes).expect("write");
    p
}

/// A minimal article: one paragraph of `text` under `title`.
pub fn article(id: &str, title: &str, text: &str) -> Article {
    Article {
        paragraphs: vec![Paragraph {
            text: text.into(),
            line: 1,
            lines: vec![1],
        }],
        ..Article::new(id, title, "p.txt")
    }
}
