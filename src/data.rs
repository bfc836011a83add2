//! The archive embedded at build time: `build.rs` parses `seeds/` (or `$ARCHIVE_SEEDS`),
//! computes the search tables for that corpus, and writes a [`search::Embedded`] (its own
//! compact format, [`search::wire`]) to `OUT_DIR`.

pub use search::Embedded;

/// The embedded bytes.
pub static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/archive.bin"));

/// Decodes the embedded archive.
pub fn load() -> Result<Embedded, search::wire::Error> {
    Embedded::decode(BYTES)
}

#[cfg(test)]
mod tests {
    #[test]
    fn embedded_archive_decodes() {
        let e = super::load().expect("the embedded archive decodes");
        assert!(!e.archive.articles.is_empty());
        assert!(!e.tables.fold.map.is_empty());
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
