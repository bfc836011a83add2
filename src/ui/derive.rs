//! The results of the current view: query, facets and order, computed once per change of what
//! the list shows (see `use_memo` in [`super::explorer`]).

use std::cell::OnceCell;
use std::rc::Rc;

use super::IndexRef;
use crate::search::engine::{Results, SearchOptions};
use crate::search::query::Term;
use crate::search::{Hit, Index, Query};
use crate::view::facets::{self as facet_calc, Facets};
use crate::view::order;
#[cfg(sharded)]
use crate::view::results::HitCounts;
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
    /// Which list this is: a number no other `Derived` of this page has (the list's window
    /// starts anew for each; an address could be reused).
    pub list: u64,
}

thread_local! {
    /// The last [`Derived::list`] given.
    static LISTS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
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
        self.facets.get_or_init(|| {
            // A sharded page's long answer grows from show to show: each counts what it added.
            #[cfg(sharded)]
            let f = FACETS.with(|k| k.borrow_mut().facets(ix.archive(), &self.base, &self.view));
            #[cfg(not(sharded))]
            let f = facet_calc::count(ix.archive(), &self.base, &self.view);
            f
        })
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

thread_local! {
    /// The last search of [`search_all`]: the index, the query and its results.
    static LAST: std::cell::RefCell<Option<(IndexRef, Query, Rc<Results>)>> =
        const { std::cell::RefCell::new(None) };
}

/// Every article of `index` matching `q`, searched once for a query asked twice in a row of
/// the same index: typing on in a sharded archive narrows a recent answer by this search
/// (`ui::sharded`), and the render that shows it derives the list from the same one. Holds
/// the last index searched until another is.
pub fn search_all(index: &IndexRef, q: &Query) -> Rc<Results> {
    let hit = LAST.with(|l| {
        l.borrow()
            .as_ref()
            .filter(|(i, lq, _)| i == index && lq == q)
            .map(|(_, _, r)| r.clone())
    });
    if let Some(r) = hit {
        return r;
    }
    let opts = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    #[cfg(sharded)]
    let r = Rc::new(KEPT.with(|k| index.search_cached(q, &opts, &mut k.borrow_mut())));
    #[cfg(not(sharded))]
    let r = Rc::new(index.search(q, &opts));
    LAST.with(|l| *l.borrow_mut() = Some((index.clone(), q.clone(), r.clone())));
    r
}

#[cfg(sharded)]
thread_local! {
    /// The last search's matches in each segment of its index: a sharded page's index grows
    /// by segments as a long answer streams in, and a show searches the grown index again
    /// (see [`crate::search::SegmentMatches`]).
    static KEPT: std::cell::RefCell<crate::search::SegmentMatches> =
        std::cell::RefCell::new(Default::default());
    /// The highlighted matches counted for the last query (see [`HitCounts`]): a sharded
    /// page's answer grows, an embedded archive's is derived once per query.
    static COUNTS: std::cell::RefCell<HitCounts> = std::cell::RefCell::new(HitCounts::default());
    /// The facet counts of the last list whose facets were shown (see [`facet_calc::Kept`]).
    static FACETS: std::cell::RefCell<facet_calc::Kept> =
        std::cell::RefCell::new(facet_calc::Kept::default());
}

/// Searches, counts facets, applies them and orders the list; details for the first `shown`.
pub fn derive(index: &IndexRef, v: &ViewState, shown: usize) -> Derived {
    let ix: &Index = index;
    let q = ix.parse(&v.query);
    let results = search_all(index, &q);
    let base: Vec<usize> = results.order.iter().map(|o| o.0).collect();
    let filtered = facet_calc::apply(ix.archive(), &base, v);
    let docs = order::order(ix.archive(), &filtered, v.sort);
    let hits: Vec<OnceCell<Hit>> = docs.iter().take(shown).map(|_| OnceCell::new()).collect();
    // Highlighted matches: one pass over each one's matches (no score, no snippets), once
    // per article and query.
    #[cfg(sharded)]
    let total_hits = COUNTS.with(|c| c.borrow_mut().total(ix, &q, &results, &docs));
    #[cfg(not(sharded))]
    let total_hits = docs
        .iter()
        .map(|d| ix.hit_count(&results, *d))
        .sum::<usize>();
    let mut d = Derived {
        query: q,
        results,
        facets: OnceCell::new(),
        base,
        view: v.clone(),
        docs,
        hits,
        total_hits,
        marked: Vec::new(),
        list: LISTS.with(|n| {
            n.set(n.get() + 1);
            n.get()
        }),
    };
    // What the first rows' terms matched (a pinyin term's characters, for the heading: only a
    // query with a pinyin term needs them, and only then are snippets built for rows not drawn).
    let mut marked: Vec<String> = Vec::new();
    let pinyin = d.query.clauses.iter().any(|c| {
        !c.negated
            && c.alternatives.iter().any(|t| {
                matches!(
                    t,
                    Term::Text {
                        pinyin: Some(_),
                        ..
                    }
                )
            })
    });
    for i in 0..if pinyin { d.listed().min(5) } else { 0 } {
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
