//! What the interface shows, computed without the browser: the view state and its URL hash,
//! facet counts, result order, citations, exports and interface strings. The Yew `ui` only
//! renders these.

pub mod browse;
pub mod cite;
pub mod export;
pub mod facets;
pub mod i18n;
pub mod i18n_browse;
pub mod i18n_results;
pub mod i18n_shard;
pub mod order;
pub mod pace;
pub mod recent;
pub mod results;
pub mod route;
pub mod window;

pub use order::sort_by_key;
