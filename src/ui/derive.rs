//! The results of the current view: query, facets and order, computed once per change of what
//! the list shows (see `use_memo` in [`super::explorer`]).

use std::cell::OnceCell;
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
    /// Facet counts, counted when the facet pane is first drawn ([`Derived::facets`]): a new
    /// query's frame keeps the pane as it was, so typing never waits for them.
    facets: OnceCell<Facets>,
    /// What they count: every matching article, and the view (its selections).
    base: Vec<usize>,
    view: ViewState,
    /// Articles to list, in order, after facets.
    pub docs: Vec<usize>,
    /// Details of the first `shown` of `docs` (the rows listed), each built when first asked
    /// for ([`Derived::hit`]): a keystroke's frame builds the snippets of the rows it draws,
    /// not of every row listed.
    hits: Vec<OnceCell<Hit>>,
    /// Highlighted matches in all of `docs`.
    pub total_hits: usize,
    /// The texts highlighted in the first results (what a pinyin term matched).
    pub marked: Vec<String>,
}

impl PartialEq for Derived {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.results, &other.results)
            && self.docs == other.docs
            && self.hits.len() == other.hits.len()
    }
}

impl Derived {
    /// The facet counts (counted the first time, over `ix`: the index the results are of).
    pub fn facets(&self, ix: &Index) -> &Facets {
        self.facets
            .get_or_init(|| facet_calc::count(ix.archive(), &self.base, &self.view))
    }

    /// How many of [`Derived::docs`] are listed.
    pub fn listed(&self) -> usize {
        self.hits.len()
    }

    /// The details of the listed row `i` (built the first time, over `ix`: the index the
    /// results are of).
    pub fn hit(&self, ix: &Index, i: usize) -> Option<&Hit> {
        let doc = *self.docs.get(i)?;
        let cell = self.hits.get(i)?;
        Some(cell.get_or_init(|| ix.hit(&self.results, doc, &SearchOptions::default())))
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
    let filtered = facet_calc::apply(ix.archive(), &base, v);
    let docs = order::order(ix.archive(), &filtered, v.sort);
    let hits: Vec<OnceCell<Hit>> = docs.iter().take(shown).map(|_| OnceCell::new()).collect();
    // Highlighted matches: one pass over each one's matches (no score, no snippets).
    let total_hits = docs
        .iter()
        .map(|d| ix.hit_count(&results, *d))
        .sum::<usize>();
    let mut d = Derived {
        query: q,
        results: Rc::new(results),
        facets: OnceCell::new(),
        base,
        view: v.clone(),
        docs,
        hits,
        total_hits,
        marked: Vec::new(),
    };
    // What the first rows' terms matched (a pinyin term's characters, for the heading).
    let mut marked: Vec<String> = Vec::new();
    for i in 0..d.listed().min(5) {
        let Some(h) = d.hit(ix, i) else {
            continue;
        };
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
    d.marked = marked;
    d
}
