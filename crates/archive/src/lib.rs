//! The archive: newspaper pages parsed into structured articles.
//!
//! [`model`] holds the data types, which the wasm app receives precomputed. The parsers
//! ([`page`] for OCR'd pages, [`markdown`] for clean one-article files) and the file loader
//! ([`load`]) run natively: in `build.rs`, in the `archive` CLI and in tests.

pub mod date;
pub mod model;
pub use model::*;

#[cfg(feature = "parse")]
pub mod entities;
#[cfg(feature = "parse")]
pub mod error;
#[cfg(feature = "parse")]
pub mod gazetteer;
#[cfg(feature = "parse")]
pub mod load;
#[cfg(feature = "parse")]
pub mod markdown;
#[cfg(feature = "parse")]
pub mod page;
#[cfg(feature = "parse")]
pub mod text;

#[cfg(feature = "parse")]
pub use error::ParseError;
#[cfg(feature = "parse")]
pub use load::{load_dir, load_paths, parse_file, Sidecar};
