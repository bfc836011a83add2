//! Exports for the in-browser benchmark (`tests/browser/bench.mjs`): the search call alone,
//! without rendering. Reached through `window.wasmBindings`, which Trunk's loader sets.

use wasm_bindgen::prelude::*;

use crate::search::engine::SearchOptions;
use crate::search::query;

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
        let parsed = query::parse_with(q, &|w| ix.pinyin.is_syllables(w));
        n = ix.search(&parsed, &opts).order.len() as u32;
    }
    n
}

/// The ids of every matching article, best first, one per line (for recall measurements).
#[wasm_bindgen(js_name = benchSearchIds)]
pub fn bench_search_ids(q: &str) -> String {
    let Ok(ix) = crate::ui::index() else {
        return String::new();
    };
    let opts = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    let parsed = query::parse_with(q, &|w| ix.pinyin.is_syllables(w));
    let r = ix.search(&parsed, &opts);
    let ids: Vec<&str> = r
        .order
        .iter()
        .map(|(d, _)| ix.archive.articles[*d].id.as_str())
        .collect();
    ids.join("\n")
}
