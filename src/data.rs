//! The archive embedded at build time: `build.rs` parses `seeds/` (or `$ARCHIVE_SEEDS`),
//! computes the search tables for that corpus, and writes a [`search::Embedded`] with
//! `postcard` to `OUT_DIR`.

pub use search::Embedded;

/// The embedded bytes.
pub static BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/archive.postcard"));

/// Decodes the embedded archive.
pub fn load() -> Result<Embedded, postcard::Error> {
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
}
