//! The archive shipped at build time: `build.rs` parses `seeds/` (or `$ARCHIVE_SEEDS`),
//! computes the search tables for that corpus, and writes either a [`search::Embedded`]
//! (`archive.bin`, the whole archive) or, for a large archive, a sharded head
//! (`head.postcard`, with `cfg(sharded)`; the chunks are fetched at run time).

pub use search::Embedded;

/// The embedded bytes (empty in a sharded build).
pub static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/archive.bin"));

/// The sharded head's bytes (empty in an embedded build).
pub static HEAD: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/head.postcard"));

/// Names this build's chunk folder (`shards-<id>` in build.rs's OUT_DIR) inside the wasm, where
/// scripts/postbuild.mjs looks for it; `none` when embedded.
pub const SHARDS_MARK: &str = concat!("archive-shards:", env!("ARCHIVE_SHARDS"), ";");

/// The bytes of every chunk file as written (gzip): what "save the whole archive" downloads.
pub const SHARDS_BYTES: &str = env!("ARCHIVE_SHARDS_BYTES");

/// Whether this build is sharded.
pub const SHARDED: bool = cfg!(sharded);

/// Decodes the embedded archive.
pub fn load() -> Result<Embedded, search::wire::Error> {
    Embedded::decode(BYTES)
}

/// Decodes the sharded head.
pub fn load_head() -> Result<search::shard::Head, postcard::Error> {
    search::shard::Head::decode(HEAD)
}

#[cfg(test)]
mod tests {
    #[test]
    fn shipped_archive_decodes() {
        if super::SHARDED {
            let h = super::load_head().expect("the head decodes");
            assert!(!h.is_empty());
        } else {
            let e = super::load().expect("the embedded archive decodes");
            assert!(!e.archive.articles.is_empty());
            assert!(!e.tables.fold.map.is_empty());
        }
    }

    /// What the app decodes is what the seeds parse to, with the tables built from them.
    #[test]
    fn embedded_archive_is_the_seed_archive() {
        if std::env::var_os("ARCHIVE_SEEDS").is_some() {
            return; // built from other seeds
        }
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
        let archive = crate::archive::load(&[dir], &crate::archive::Options::from_env())
            .expect("the seeds load")
            .archive;
        let tables = crate::search::tables::build_tables(&archive).expect("tables");
        let e = super::load().expect("the embedded archive decodes");
        assert_eq!(e.tables, tables);
        assert_eq!(e.archive, archive);
    }
}
