//! The archive embedded at build time: `build.rs` parses `seeds/` (or `$ARCHIVE_SEEDS`),
//! computes the search tables for that corpus, and writes both with `postcard` to `OUT_DIR`.

use serde::{Deserialize, Serialize};

use crate::archive::Archive;
use crate::search::Tables;

/// What `build.rs` embeds.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Embedded {
    /// The parsed archive.
    pub archive: Archive,
    /// Fold and pinyin tables for its corpus.
    pub tables: Tables,
}

/// The embedded bytes.
pub static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/archive.postcard"));

/// Decodes the embedded archive.
pub fn load() -> Result<Embedded, postcard::Error> {
    postcard::from_bytes(BYTES)
}

/// Encodes an archive and its tables (used by `build.rs` and tests).
pub fn encode(e: &Embedded) -> Result<Vec<u8>, postcard::Error> {
    postcard::to_allocvec(e)
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_archive_decodes() {
        let e = super::load().expect("the embedded archive decodes");
        assert!(!e.archive.articles.is_empty());
        assert!(!e.tables.fold.map.is_empty());
    }
}
