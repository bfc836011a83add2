//! The archive: newspaper pages parsed into structured articles.
//!
//! [`model`] holds the data types, which the wasm app receives precomputed. The parsers
//! ([`page`] for OCR'd pages, [`markdown`] for clean one-article files) and the file loader
//! ([`load`]) run natively: in `build.rs`, in the `archive` CLI and in tests.

pub mod date;
pub mod model;
pub use model::*;

#[cfg(not(target_arch = "wasm32"))]
pub mod entities;
#[cfg(not(target_arch = "wasm32"))]
pub mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod load;
#[cfg(not(target_arch = "wasm32"))]
pub mod markdown;
#[cfg(not(target_arch = "wasm32"))]
pub mod page;
#[cfg(not(target_arch = "wasm32"))]
pub mod text;

#[cfg(not(target_arch = "wasm32"))]
pub use error::ParseError;
#[cfg(not(target_arch = "wasm32"))]
pub use load::{load_dir, load_paths, parse_file, Sidecar};
