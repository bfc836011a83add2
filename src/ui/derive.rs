//! The results of the current view: query, facets and order, computed once per change of what
//! the list shows (see `use_memo` in [`super::explorer`]).

use std::rc::Rc;

use crate::search::engine::{Results, SearchOptions};
use crate::search::{Hit, Index, Query};
use crate::view::facets::{self as facet_calc, Facets};
use crate::view::order;
use crate::view::route::ViewState;

/// Results of the current query and facets.
#[derive(Clone)]
pub struct Derived {
    /// The parsed query (for hints).
    pub query: Query,
    /// Raw results (all matching articles).
    pub results: Rc<Results>,
    /// Facet counts.
    pub facets: Facets,
    /// Articles to list, in order, after facets.
    pub docs: Vec<usize>,
    /// Details of the first `shown` of `docs`.
    pub hits: Vec<Hit>,
    /// Highlighted matches in all of `docs`.
    pub total_hits: usize,
    /// The texts highlighted in the first results (what a pinyin term matched).
    pub marked: Vec<String>,
}

impl PartialEq for Derived {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.results, &other.results)
            && self.docs == other.docs
            && self.hits == other.hits
    }
}

/// What changes the result list: the view without the open article and reader options.
pub fn list_view(v: &ViewState) -> ViewState {
    ViewState {
        article: None,
        hit: 0,
        raw: false,
        names: false,
        underline: false,
        browse: None,
        mark: None,
        ..v.clone()
    }
}

/// Searches, counts facets, applies them and orders the list; details for the first `shown`.
pub fn derive(ix: &Index, v: &ViewState, shown: usize) -> Derived {
    let q = ix.parse(&v.query);
    let opts = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    let results = ix.search(&q, &opts);
    let base: Vec<usize> = results.order.iter().map(|o| o.0).collect();
    let facets = facet_calc::count(ix.archive(), &base, v);
    let filtered = facet_calc::apply(ix.archive(), &base, v);
    let docs = order::order(ix.archive(), &filtered, v.sort);
    let opts = SearchOptions::default();
    let hits: Vec<Hit> = docs
        .iter()
        .take(shown)
        .map(|d| ix.hit(&results, *d, &opts))
        .collect();
    // The rest only counted (one pass over each one's matches: no score, no snippets).
    let total_hits = hits.iter().map(|h| h.count).sum::<usize>()
        + docs
            .iter()
            .skip(shown)
            .map(|d| ix.hit_count(&results, *d))
            .sum::<usize>();
    let mut marked: Vec<String> = Vec::new();
    for h in hits.iter().take(5) {
        let Some(a) = ix.archive().articles.get(h.doc) else {
            continue;
        };
        for fr in &h.ranges {
            if let Some(text) = a.text(fr.field, fr.index) {
                for (s, e) in &fr.ranges {
                    if let Some(m) = text.get(*s..*e) {
                        if !marked.iter().any(|x| x == m) {
                            marked.push(m.to_string());
                        }
                    }
                }
            }
        }
    }
    Derived {
        query: q,
        results: Rc::new(results),
        facets,
        docs,
        hits,
        total_hits,
        marked,
    }
}
