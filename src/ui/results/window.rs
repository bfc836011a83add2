//! The result list's window: only the rows that can be seen (and a few beyond) are in the
//! DOM; the rest are padding of the estimated height above and below. A query's results
//! cost the same to render, style and lay out whether there are 10 or 10,000 of them.
//!
//! Each row's height is measured once it is rendered and kept for that list; rows never
//! rendered are taken at the mean of those measured (`view::window::Heights`), so the
//! padding is what the missing rows would take, and rows already passed never move. The window follows scrolling (of the window on a
//! phone, of the results pane on a desktop) once per frame, and the row the keyboard
//! selects is brought into it before it is focused.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use crate::view::window::ListWindow;
use crate::view::window::{first, fit, Heights, Measured, FIRST, OVER, ROW};

thread_local! {
    /// A row the keyboard moved to, to be focused once it is rendered.
    static FOCUS: Cell<Option<usize>> = const { Cell::new(None) };
}

/// Asks for row `i` to be focused and scrolled into view (after the render that shows it).
pub fn focus_row(i: usize) {
    FOCUS.with(|f| f.set(Some(i)));
}

fn rect(e: &web_sys::Element) -> web_sys::DomRect {
    e.get_bounding_client_rect()
}

/// Sets the padding for the rows left out, measures the rendered rows and the list's place,
/// and returns the window to render (with `over` rows beyond each edge of what can be seen;
/// `cur` is kept while it covers them, unless `refit`) and the list's top edge and the view.
fn measure(
    len: usize,
    cur: ListWindow,
    w: &mut Measured,
    over: usize,
    refit: bool,
) -> (ListWindow, Option<Geom>) {
    let doc = gloo::utils::document();
    let Ok(Some(list)) = doc.query_selector(".result-list") else {
        return (cur, None);
    };
    // The rows left out, as padding (set through the CSSOM: the page's CSP forbids style
    // attributes), before anything is read: laid out with the last window's padding, the
    // list of a render that moved the window could be much shorter or longer than it is, and
    // the browser would clamp the scroll position to it.
    let pad = |list: &web_sys::Element, heights: &Heights| {
        if let Some(list) = list.dyn_ref::<web_sys::HtmlElement>() {
            let (above, below) = cur.padding(len, heights);
            let px = |x: f64| [(x.round() as i64).to_string().as_str(), "px"].concat();
            let style = list.style();
            let _ = style.set_property("padding-top", &px(above));
            let _ = style.set_property("padding-bottom", &px(below));
        }
    };
    pad(&list, &w.heights);
    // Each row's height: from its top to the next one's (to its bottom for the last).
    let children = list.children();
    let mut prev: Option<(usize, f64)> = None;
    for k in 0..children.length() {
        let Some(row) = children.item(k) else {
            continue;
        };
        let r = rect(&row);
        if let Some((i, top)) = prev.take() {
            w.set(i, r.top() - top);
        }
        let rank = row
            .get_attribute("data-rank")
            .and_then(|v| v.parse::<usize>().ok());
        match rank {
            Some(i) if k + 1 == children.length() => w.set(i, r.height()),
            Some(i) => prev = Some((i, r.top())),
            None => {}
        }
    }
    let vh = gloo::utils::window()
        .inner_height()
        .ok()
        .and_then(|h| h.as_f64())
        .unwrap_or(800.0);
    // What the list can show: the viewport, within the results pane (which scrolls by
    // itself on a wide screen).
    let (mut top, mut bottom) = (0.0, vh);
    if let Ok(Some(pane)) = doc.query_selector("#results") {
        let r = rect(&pane);
        top = r.top().max(0.0);
        bottom = r.bottom().min(vh);
    }
    let geom = (rect(&list).top(), (top, bottom.max(top)));
    // Again, by the heights just measured: a style write, laid out with the next frame.
    pad(&list, &w.heights);
    let keep = if refit { (0, 0) } else { (cur.start, cur.end) };
    let (start, end) = fit(len, geom.0, geom.1, &w.heights, keep, over);
    (ListWindow { start, end }, Some(geom))
}

/// The list's top edge and the part of the viewport it can show, as last measured.
type Geom = (f64, (f64, f64));

/// What the hook keeps between renders.
struct Win {
    cur: ListWindow,
    /// The list drawn (see [`use_list_window`]) and its number of rows.
    list: u64,
    len: usize,
    /// The kind of row (with snippets, or without).
    kind: usize,
    /// The heights of this list's rows.
    m: Measured,
    /// The height estimated for each kind of row (a new list's rows start at it).
    rows: [f64; 2],
    geom: Option<Geom>,
    /// The window holds only the rows that can be seen (a new list's first frame).
    partial: bool,
}

impl Win {
    /// Measures after a render or a scroll, keeps the estimate, and says whether the window
    /// changed (`anew`: fitted afresh, not kept because it covers the view).
    fn refit(&mut self, over: usize, anew: bool) -> bool {
        let (next, geom) = measure(self.len, self.cur, &mut self.m, over, anew);
        if geom.is_some() {
            self.geom = geom;
        }
        self.rows[self.kind] = self.m.heights.estimate();
        let changed = next != self.cur;
        self.cur = next;
        changed
    }
}

/// The window of a list of `len` rows (measured after every render, and on scrolling).
///
/// `docs` are the articles listed, `list` names the list ([`Derived::list`]: it changes with
/// every new set of results), `kind` its kind of row (0: without snippets, 1: with) and
/// `query` the query (rows of the same article and query are as tall in any list). A new
/// list's first frame draws only the rows that can be seen; the rows beyond each edge are
/// added after that frame is painted, so a keystroke costs the style and layout of two or
/// three tall rows instead of ten.
///
/// [`Derived::list`]: crate::ui::derive::Derived::list
#[hook]
pub fn use_list_window(docs: &[usize], list: u64, kind: usize, query: &str) -> ListWindow {
    let len = docs.len();
    let force = use_force_update();
    let st = use_mut_ref(|| Win {
        cur: ListWindow {
            start: 0,
            end: FIRST,
        },
        list,
        len,
        kind,
        m: Measured::new(ROW),
        rows: [ROW; 2],
        geom: None,
        partial: false,
    });
    {
        let mut w = st.borrow_mut();
        w.len = len;
        if w.list != list || w.kind != kind {
            let kind = kind.min(1);
            // A new list: rows measured in the last one keep their height if the query is the
            // same (more rows shown, another order, a filter); the others start at the mean.
            let guess = w.rows[kind];
            w.m.renew(
                docs,
                [kind.to_string().as_str(), ":", query].concat(),
                guess,
            );
            let (start, end) = first(len, w.geom, &w.m.heights);
            w.cur = ListWindow { start, end };
            (w.list, w.kind, w.partial) = (list, kind, true);
        }
    }
    // After every render: measure, refit, and focus the row the keyboard moved to.
    {
        let (st, force) = (st.clone(), force.clone());
        use_effect(move || {
            let mut w = st.borrow_mut();
            let (cur, partial) = (w.cur, w.partial);
            // A first frame that fills the view waits for its rows beyond; one that does not
            // (rows shorter than estimated) draws the rest of what can be seen now.
            w.refit(if partial { 0 } else { OVER }, false);
            if let Some(i) = FOCUS.with(Cell::get) {
                // In the DOM now (the window this render drew), it is focused and scrolled to
                // (the scroll then refits the window around it); else the next render draws it.
                let (s, e) = cur.clamp(w.len);
                if i >= w.len {
                    FOCUS.with(|f| f.set(None));
                } else if i < s || i >= e {
                    w.cur.start = i.saturating_sub(OVER);
                    w.cur.end = (i + OVER + 1).min(w.len);
                } else {
                    FOCUS.with(|f| f.set(None));
                    let row = ["[data-testid=result][data-rank=\"", &i.to_string(), "\"]"].concat();
                    super::super::browser::focus(&[row.as_str(), " a.result-link"].concat());
                    super::super::browser::scroll_into_view(&row);
                    // Refitted where the list now is (the row stays rendered).
                    w.cur = cur;
                    w.partial = false;
                    w.refit(OVER, false);
                }
            }
            let changed = w.cur != cur;
            if w.partial && !changed {
                // After this frame is painted (the next frame's callbacks, then a task), the
                // rows beyond: unless another list came meanwhile.
                w.partial = false;
                let list = w.list;
                let (st, force) = (st.clone(), force.clone());
                drop(w);
                super::super::browser::after_paint(move || {
                    let mut w = st.borrow_mut();
                    if w.list == list && w.refit(OVER, true) {
                        drop(w);
                        force.force_update();
                    }
                });
            } else if changed {
                drop(w);
                force.force_update();
            }
        });
    }
    // Scrolling (of anything: the window, or the results pane) refits. Chromium and Firefox
    // send scroll events once per frame, so this runs at most once per frame.
    {
        let st = st.clone();
        use_effect_with((), move |_| {
            let opts = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: true,
            };
            let on = Rc::new(move |resized: bool| {
                let mut w = st.borrow_mut();
                w.partial = false;
                if resized {
                    w.m.forget();
                }
                if w.refit(OVER, false) {
                    drop(w);
                    force.force_update();
                }
            });
            let on2 = on.clone();
            let scroll = EventListener::new_with_options(
                &gloo::utils::document(),
                "scroll",
                opts,
                move |_| on(false),
            );
            let resize = EventListener::new(&gloo::utils::window(), "resize", move |_| on2(true));
            move || drop((scroll, resize))
        });
    }
    let w = st.borrow();
    w.cur
}
