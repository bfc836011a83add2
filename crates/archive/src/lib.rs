//! The archive: newspaper pages parsed into structured articles.
//!
//! [`model`] holds the data types, which the wasm app receives precomputed. The parsers
//! ([`page`] for OCR'd pages, [`markdown`] for clean one-article files) and the file loader
//! ([`load`], with [`encoding`] detection and [`pathmeta`] dates from file names) run natively:
//! in `build.rs`, in the `archive` CLI and in tests. Loading never stops on one page: what is
//! unsure is a warning in the [`load::Report`].

pub mod date;
pub mod model;
pub use model::*;

#[cfg(feature = "parse")]
pub mod encoding;
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
pub mod pathmeta;
#[cfg(feature = "parse")]
pub mod text;

#[cfg(feature = "parse")]
pub use error::ParseError;
#[cfg(feature = "parse")]
pub use load::{load, load_dir, load_paths, parse_file, FolderMeta, Options, PageStat, Report};
