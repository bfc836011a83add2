//! Exports for the in-browser benchmarks (`tests/browser/bench.mjs`, `bench/peers/run.mjs`):
//! the search call alone, without rendering. Reached through `window.wasmBindings`, which
//! Trunk's loader sets.

use wasm_bindgen::prelude::*;

use crate::search::engine::SearchOptions;

/// Runs a query `reps` times over the embedded archive (with snippets for the top 50) and
/// returns the number of matching articles.
#[wasm_bindgen(js_name = benchSearch)]
pub fn bench_search(q: &str, reps: u32) -> u32 {
    let Ok(ix) = crate::ui::index() else { return 0 };
    let opts = SearchOptions {
        limit: 50,
        ..Default::default()
    };
    let mut n = 0;
    for _ in 0..reps.max(1) {
        let parsed = ix.parse(q);
        n = ix.search(&parsed, &opts).order.len() as u32;
    }
    n
}

/// Every matching article, best first, as positions in the archive (a `Uint32Array`; see
/// [`bench_article_ids`] for their ids). This is the call the peers benchmark times.
///
/// The query comes in as a JS string read code unit by code unit: for a short Chinese query
/// that is several times cheaper than wasm-bindgen's `&str` path (`TextEncoder.encodeInto`
/// into a reallocated buffer), which cost about as much as the search itself on the seed.
#[wasm_bindgen(js_name = benchSearchIds)]
pub fn bench_search_ids(q: &js_sys::JsString) -> Vec<u32> {
    let Ok(ix) = crate::ui::index() else {
        return Vec::new();
    };
    let q: String = char::decode_utf16(q.iter())
        .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
        .collect();
    let opts = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    let parsed = ix.parse(&q);
    let r = ix.search(&parsed, &opts);
    r.order.iter().map(|(d, _)| *d as u32).collect()
}

/// The id of every article, in archive order, one per line.
#[wasm_bindgen(js_name = benchArticleIds)]
pub fn bench_article_ids() -> String {
    let Ok(ix) = crate::ui::index() else {
        return String::new();
    };
    let ids: Vec<&str> = ix
        .archive()
        .articles
        .iter()
        .map(|a| a.id.as_str())
        .collect();
    ids.join("\n")
}
