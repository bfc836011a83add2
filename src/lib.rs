//! A newspaper archive explorer that lives in the browser.
//!
//! The pipeline: `seeds/` (OCR'd pages, Markdown articles) → [`archive`] (parsed at build
//! time by `build.rs`) → [`data`] (embedded as a compact binary) → [`search`] (exact,
//! Chinese-aware, in-memory) → `ui` (a Yew app compiled to WebAssembly). The `archive` CLI runs
//! the same parser and search natively.

pub use archive;
#[cfg(not(target_arch = "wasm32"))]
pub mod cli;
pub mod data;
#[cfg(not(target_arch = "wasm32"))]
pub mod ndjson;
#[cfg(not(target_arch = "wasm32"))]
pub mod serve;
pub use search;
#[cfg(not(target_arch = "wasm32"))]
pub mod synth;
pub mod view;

#[cfg(target_arch = "wasm32")]
pub mod bench_hooks;
#[cfg(target_arch = "wasm32")]
pub mod ui;
