//! The result list's window, as arithmetic (the hook that measures the page is
//! `ui::results::window`): which rows of a long list to render, given where the list is on
//! screen and how tall a row is estimated to be.

/// Rows rendered beyond each edge of what can be seen.
pub const OVER: usize = 3;
/// Rows rendered before anything is measured.
pub const FIRST: usize = 10;
/// Starting estimate of a row's height, in CSS pixels.
pub const ROW: f64 = 150.0;

/// The rows to render: `start..end` of the list.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub struct ListWindow {
    /// First row rendered.
    pub start: usize,
    /// One past the last row rendered.
    pub end: usize,
}

impl ListWindow {
    /// The part of `0..len` to render.
    pub fn clamp(&self, len: usize) -> (usize, usize) {
        let end = self.end.min(len);
        (self.start.min(end), end)
    }

    /// Padding above and below the rendered rows (the rows left out), by their heights.
    pub fn padding(&self, len: usize, heights: &Heights) -> (f64, f64) {
        let (s, e) = self.clamp(len);
        let above = heights.offset(s);
        (above, heights.offset(len) - above - heights.span(s, e))
    }
}

/// The height of each row of one list: measured once it has been rendered, the mean of those
/// measured for the rest (a given estimate before any is).
///
/// Rows of results differ a lot (300 to 750 px on a phone, with snippets of one to three
/// lines), so one height for all of them, re-estimated from the rows on screen, moved every
/// row whenever the estimate changed. Near the end of a list the page then grew shorter than
/// where it was scrolled, the browser pulled the scroll back, the rows there re-estimated it
/// taller, and the end of the list could not be reached. Rows measured keep their height, so
/// scrolling down a list never moves the rows already passed.
///
/// Costs: `offset` and `row_at` walk the rows measured so far (at most the rows listed, 50 a
/// page), once or twice per scroll frame.
#[derive(Clone, Debug)]
pub struct Heights {
    /// Height of row `i`, or 0 where not measured.
    measured: Vec<f64>,
    sum: f64,
    count: usize,
    guess: f64,
}

/// Bounds of a row's height (odd geometry: a row hidden, or the page not laid out).
const MIN_ROW: f64 = 24.0;
const MAX_ROW: f64 = 4000.0;

impl Heights {
    /// No row measured yet: each is `guess` pixels tall.
    pub fn new(guess: f64) -> Self {
        let guess = if guess.is_finite() {
            guess.clamp(MIN_ROW, MAX_ROW)
        } else {
            ROW
        };
        Heights {
            measured: Vec::new(),
            sum: 0.0,
            count: 0,
            guess,
        }
    }

    /// The height taken for a row not measured: the mean of those measured.
    pub fn estimate(&self) -> f64 {
        if self.count == 0 {
            self.guess
        } else {
            (self.sum / self.count as f64).clamp(MIN_ROW, MAX_ROW)
        }
    }

    /// Notes that row `i` is `h` pixels tall (ignored unless a plausible height).
    pub fn set(&mut self, i: usize, h: f64) {
        if !h.is_finite() || h <= 0.0 || i > 1_000_000 {
            return;
        }
        let h = h.clamp(MIN_ROW, MAX_ROW);
        if self.measured.len() <= i {
            self.measured.resize(i + 1, 0.0);
        }
        let old = self.measured[i];
        if old > 0.0 {
            self.sum -= old;
        } else {
            self.count += 1;
        }
        self.measured[i] = h;
        self.sum += h;
    }

    /// Height of row `i`.
    pub fn height(&self, i: usize) -> f64 {
        match self.measured.get(i) {
            Some(&h) if h > 0.0 => h,
            _ => self.estimate(),
        }
    }

    /// Height of rows `s..e`.
    pub fn span(&self, s: usize, e: usize) -> f64 {
        if e <= s {
            return 0.0;
        }
        let known = e.min(self.measured.len());
        let walked: f64 = (s.min(known)..known).map(|i| self.height(i)).sum();
        walked + (e - known.max(s)) as f64 * self.estimate()
    }

    /// Where row `i` starts: the height of the rows before it.
    pub fn offset(&self, i: usize) -> f64 {
        self.span(0, i)
    }

    /// The row at `y` pixels below the list's top, and where that row starts.
    pub fn row_at(&self, y: f64) -> (usize, f64) {
        if y.is_nan() || y <= 0.0 {
            return (0, 0.0);
        }
        let mut top = 0.0;
        for i in 0..self.measured.len() {
            let h = self.height(i);
            if top + h > y {
                return (i, top);
            }
            top += h;
        }
        let est = self.estimate();
        let more = ((y - top) / est).floor();
        // Bounded: rows beyond a million are not a list anyone scrolls.
        let more = more.min(1e9) as usize;
        (self.measured.len() + more, top + more as f64 * est)
    }
}

/// The rows' heights: by rank in this list, and by article for the lists of the same query
/// (a row's height depends on its article and the query's snippets, not on its rank).
pub struct Measured {
    /// By rank in this list.
    pub heights: Heights,
    /// The article of each row of this list.
    docs: Vec<usize>,
    /// (article, height) as measured, later ones last; kept sorted by article (and one per
    /// article) from one list to the next. Not a `HashMap`: one of a new key and value type
    /// brings its own copy of the table's code (840 bytes brotli of the seed's first load).
    by_doc: Vec<(usize, f64)>,
    /// The query (and kind of row) the heights were measured for.
    key: String,
}

impl Measured {
    /// Nothing measured: each row is `guess` pixels tall.
    pub fn new(guess: f64) -> Self {
        Measured {
            heights: Heights::new(guess),
            docs: Vec::new(),
            by_doc: Vec::new(),
            key: String::new(),
        }
    }

    /// Notes that row `rank` is `h` pixels tall.
    pub fn set(&mut self, rank: usize, h: f64) {
        self.heights.set(rank, h);
        if let Some(&d) = self.docs.get(rank) {
            self.by_doc.push((d, self.heights.height(rank)));
        }
    }

    /// A new list of `docs`, for `key`: linear in the rows measured (a radix sort) and
    /// O(log) per row of the new list.
    pub fn renew(&mut self, docs: &[usize], key: String, guess: f64) {
        if key != self.key {
            self.by_doc.clear();
            self.key = key;
        }
        // Sorted by article, stably: of an article measured twice, the last measure is last.
        crate::search::sort::sort_by_key(&mut self.by_doc, |&(d, _)| d as u64);
        let mut kept: Vec<(usize, f64)> = Vec::with_capacity(self.by_doc.len());
        for &(d, h) in &self.by_doc {
            match kept.last_mut() {
                Some(last) if last.0 == d => last.1 = h,
                _ => kept.push((d, h)),
            }
        }
        self.by_doc = kept;
        self.heights = Heights::new(guess);
        for (i, d) in docs.iter().enumerate() {
            if let Ok(k) = self.by_doc.binary_search_by_key(d, |&(d, _)| d) {
                self.heights.set(i, self.by_doc[k].1);
            }
        }
        self.docs.clear();
        self.docs.extend_from_slice(docs);
    }

    /// The page's width changed: every row's height may have.
    pub fn forget(&mut self) {
        let guess = self.heights.estimate();
        self.heights = Heights::new(guess);
        self.by_doc.clear();
    }
}

/// Rows that can be seen at most (a bound for odd geometry: rows are at least 24 px).
pub const MAX_SEEN: usize = 200;

/// The rows of the list worth rendering given where the list is on screen: pure arithmetic,
/// so that it is tested natively. `list_top` is the list's top edge, `view` the part of
/// the viewport the list can show (`(top, bottom)`), all in pixels; `cur` is kept while it
/// covers what can be seen and is not much larger; `over` rows are added beyond each edge
/// of what can be seen ([`OVER`] once a list is shown, none for its first frame: see
/// [`first`]).
///
/// The end is where the viewport ends, not where the list of `len` rows does (renders draw
/// [`ListWindow::clamp`]): a list that grows as results stream in (1 row, then 20) keeps its
/// window, instead of a refit and a second render for each batch.
pub fn fit(
    len: usize,
    list_top: f64,
    view: (f64, f64),
    heights: &Heights,
    cur: (usize, usize),
    over: usize,
) -> (usize, usize) {
    if len == 0 || !list_top.is_finite() || !view.0.is_finite() || !view.1.is_finite() {
        return (0, FIRST);
    }
    let first = heights.row_at(view.0 - list_top).0.min(len);
    // One past the last row that starts above the view's bottom edge.
    let (row, top) = heights.row_at(view.1 - list_top);
    let last = if top < view.1 - list_top {
        row + 1
    } else {
        row
    };
    let last = last.max(first).min(first.saturating_add(MAX_SEEN));
    let covers = cur.0 <= first && cur.1 >= last;
    if covers && cur.1 - cur.0 <= last - first + 4 * OVER {
        return cur;
    }
    (first.saturating_sub(over), last.saturating_add(over))
}

/// The window of a list's first frame: the rows that can be seen where the last list was
/// measured (`geom`: its top edge and the view), by the height estimated for this kind of
/// row, and one more; the rows beyond come a frame later. Rows of results with snippets
/// are 300–600 px tall, so the [`OVER`] rows each side would be most of that frame's work.
/// Never measured: [`FIRST`] rows.
pub fn first(len: usize, geom: Option<(f64, (f64, f64))>, heights: &Heights) -> (usize, usize) {
    match geom {
        Some((top, view)) => {
            let (s, e) = fit(len, top, view, heights, (0, 0), 0);
            (s, e.saturating_add(1))
        }
        None => (0, FIRST),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn h(row: f64) -> Heights {
        Heights::new(row)
    }

    #[test]
    fn renders_what_can_be_seen_and_a_few_more() {
        // Rows of 100 px from y = 50; the viewport shows 0..800: rows 0..8 can be seen.
        assert_eq!(
            fit(1000, 50.0, (0.0, 800.0), &h(100.0), (0, 0), OVER),
            (0, 8 + OVER)
        );
        // Scrolled: the list's top is 5,000 px above the viewport.
        let (s, e) = fit(1000, -5000.0, (0.0, 800.0), &h(100.0), (0, 10), OVER);
        assert_eq!((s, e), (50 - OVER, 58 + OVER));
        // A window that still covers what is seen is kept (no render for a small scroll).
        assert_eq!(
            fit(1000, -5020.0, (0.0, 800.0), &h(100.0), (s, e), OVER),
            (s, e)
        );
        // One that is far too large is not.
        assert_eq!(
            fit(1000, 50.0, (0.0, 800.0), &h(100.0), (0, 500), OVER),
            (0, 8 + OVER)
        );
        // Near the end, and past it.
        let (s, e) = fit(20, -5000.0, (0.0, 800.0), &h(100.0), (0, 10), OVER);
        assert_eq!(ListWindow { start: s, end: e }.clamp(20), (20 - OVER, 20));
        let (s, e) = fit(0, 0.0, (0.0, 800.0), &h(100.0), (0, 10), OVER);
        assert_eq!(ListWindow { start: s, end: e }.clamp(0), (0, 0));
        // A pane that shows only part of the viewport.
        assert_eq!(
            fit(1000, 200.0, (300.0, 500.0), &h(100.0), (0, 0), OVER),
            (0, 3 + OVER)
        );
    }

    #[test]
    fn a_growing_list_keeps_its_window() {
        // Results stream in: 1 row, then 26, then 300. The viewport shows rows 0..8 either
        // way, so the window measured over 1 row still covers them (no refit, no render).
        let w = fit(1, 50.0, (0.0, 800.0), &h(100.0), (0, FIRST), OVER);
        assert_eq!(w, (0, FIRST));
        assert_eq!(fit(26, 50.0, (0.0, 800.0), &h(100.0), w, OVER), w);
        assert_eq!(fit(300, 50.0, (0.0, 800.0), &h(100.0), w, OVER), w);
        // Measured with no rows yet: the first rows are still drawn when they come.
        let w = fit(0, 50.0, (0.0, 800.0), &h(100.0), (0, 0), OVER);
        assert_eq!(
            ListWindow {
                start: w.0,
                end: w.1,
            }
            .clamp(26),
            (0, FIRST)
        );
    }

    #[test]
    fn a_new_list_first_draws_only_what_can_be_seen() {
        // Rows estimated at 450 px from y = 199, a view of 106..860: rows 0 and 1 can be
        // seen (0..2), and one more is drawn: 3 rows, not FIRST or 2 + OVER.
        assert_eq!(first(26, Some((199.0, (106.0, 860.0))), &h(450.0)), (0, 3));
        // Short rows: as many as fill the view.
        assert_eq!(first(26, Some((199.0, (106.0, 860.0))), &h(100.0)), (0, 8));
        // A list scrolled 5,000 px up: the rows at the view, not the list's first ones.
        assert_eq!(
            first(1000, Some((-5000.0, (0.0, 800.0))), &h(100.0)),
            (50, 59)
        );
        // Never measured, and odd geometry: never more than the bounds.
        assert_eq!(first(26, None, &h(450.0)), (0, FIRST));
        let (s, e) = first(26, Some((f64::NAN, (0.0, 800.0))), &h(450.0));
        assert!(s <= e && e <= FIRST + 1);
        // The frame after: the window with its rows beyond each edge covers the first one.
        let w = fit(26, 199.0, (106.0, 860.0), &h(450.0), (0, 0), OVER);
        assert_eq!(w, (0, 2 + OVER));
    }

    #[test]
    fn never_panics_on_odd_geometry() {
        for (top, view, row) in [
            (f64::NAN, (0.0, 800.0), 100.0),
            (0.0, (0.0, 800.0), 0.0),
            (0.0, (0.0, 800.0), f64::INFINITY),
            (1e300, (0.0, 1e300), 1e-300),
            (-1e300, (0.0, 800.0), 100.0),
        ] {
            let (s, e) = fit(50, top, view, &h(row), (0, 10), OVER);
            assert!(
                s <= e && e - s <= MAX_SEEN + 2 * OVER,
                "{top} {view:?} {row} → {s}..{e}"
            );
        }
    }

    #[test]
    fn padding_stands_for_the_rows_left_out() {
        let w = ListWindow { start: 40, end: 50 };
        let mut hs = h(120.0);
        assert_eq!(w.padding(100, &hs), (40.0 * 120.0, 50.0 * 120.0));
        assert_eq!(w.clamp(45), (40, 45));
        assert_eq!(w.clamp(10), (10, 10));
        assert_eq!(w.padding(10, &hs), (1200.0, 0.0));
        // Rows measured count at their height; the others at the mean of those measured.
        hs.set(0, 300.0);
        hs.set(45, 100.0);
        let est = 200.0;
        assert_eq!(hs.estimate(), est);
        assert_eq!(
            w.padding(100, &hs),
            (300.0 + 39.0 * est, 50.0 * est),
            "row 45 is rendered, not padding"
        );
        let w = ListWindow { start: 46, end: 50 };
        assert_eq!(
            w.padding(100, &hs),
            (300.0 + 44.0 * est + 100.0, 50.0 * est)
        );
    }

    #[test]
    fn measured_rows_are_found_where_they_are() {
        let mut hs = h(100.0);
        for (i, px) in [500.0, 300.0, 700.0, 400.0].into_iter().enumerate() {
            hs.set(i, px);
        }
        // Rows at 0, 500, 800, 1500; row 4 on at the mean, 475 px each.
        assert_eq!(hs.row_at(0.0), (0, 0.0));
        assert_eq!(hs.row_at(499.0), (0, 0.0));
        assert_eq!(hs.row_at(500.0), (1, 500.0));
        assert_eq!(hs.row_at(1600.0), (3, 1500.0));
        assert_eq!(hs.row_at(1900.0 + 475.0 * 2.5), (6, 1900.0 + 950.0));
        assert_eq!(hs.offset(5), 1900.0 + 475.0);
        // The view shows 1000..1700 of the list: rows 2 and 3 (800..1500, 1500..1900).
        assert_eq!(fit(50, -1000.0, (0.0, 700.0), &hs, (0, 0), 0), (2, 4));
        // A window drawn up to row 3 covers it; up to row 2 does not.
        assert_eq!(fit(50, -1000.0, (0.0, 700.0), &hs, (1, 4), OVER), (1, 4));
        assert_eq!(
            fit(50, -1000.0, (0.0, 700.0), &hs, (1, 3), OVER),
            (0, 4 + OVER)
        );
        // Odd measurements are ignored.
        hs.set(7, f64::NAN);
        hs.set(8, -3.0);
        hs.set(usize::MAX, 100.0);
        assert_eq!(hs.estimate(), 475.0);
    }

    /// A scroller over a list of rows whose real heights differ a lot, as a browser lays it
    /// out: the rows rendered at their real height, padding for the rest, the scroll position
    /// clamped to the content's height. Scrolling down most of a view at a time must reach
    /// the end, never move back, and always show rows (not padding) in the view.
    #[test]
    fn scrolling_down_rows_of_unequal_height_reaches_the_end() {
        let real: Vec<f64> = (0..100)
            .map(|i| [560.0, 300.0, 750.0, 420.0, 690.0, 330.0, 410.0][(i * 5 + i / 7) % 7])
            .collect();
        let (view, pane_top) = (754.0, 106.0);
        let mut hs = h(ROW);
        let mut w = ListWindow {
            start: 0,
            end: FIRST,
        };
        let mut scroll = 0.0f64;
        let layout = |w: &ListWindow, hs: &Heights| {
            let (s, e) = w.clamp(real.len());
            let (above, below) = w.padding(real.len(), hs);
            let rows: f64 = real[s..e].iter().sum();
            (above, above + rows, above + rows + below)
        };
        let mut reached = 0;
        for _step in 0..400 {
            // The app's turn: measure what is drawn, refit, redraw, until the window holds.
            for _ in 0..10 {
                let (s, e) = w.clamp(real.len());
                for (i, px) in real.iter().enumerate().take(e).skip(s) {
                    hs.set(i, *px);
                }
                let total = layout(&w, &hs).2;
                scroll = scroll.min((total - view).max(0.0));
                let top = pane_top - scroll;
                let (s, e) = fit(
                    real.len(),
                    top,
                    (pane_top, pane_top + view),
                    &hs,
                    (w.start, w.end),
                    OVER,
                );
                if (s, e) == (w.start, w.end) {
                    break;
                }
                w = ListWindow { start: s, end: e };
            }
            let (drawn_top, drawn_bottom, total) = layout(&w, &hs);
            let bottom = (scroll + view).min(total);
            assert!(
                drawn_top <= scroll + 0.5 && drawn_bottom + 0.5 >= bottom,
                "the view {scroll}..{bottom} shows padding: rows drawn over {drawn_top}..{drawn_bottom}"
            );
            reached = reached.max(w.clamp(real.len()).1);
            if scroll + view >= total - 0.5 {
                break;
            }
            let before = scroll;
            scroll = (scroll + view * 0.8).min(total - view);
            assert!(scroll > before);
        }
        assert_eq!(reached, real.len(), "the last row was drawn");
        // Every row passed was measured, so the rows above the view are where they were drawn.
        assert_eq!(hs.offset(real.len()), real.iter().sum::<f64>());
    }

    #[test]
    fn rows_keep_their_height_by_article_for_the_same_query() {
        let mut m = Measured::new(150.0);
        m.renew(&[7, 3, 9], "1:上海".into(), 150.0);
        m.set(0, 400.0);
        m.set(2, 600.0);
        // Measured again (a row drawn twice): the last measure counts.
        m.set(0, 450.0);
        // More rows shown, in another order: articles 7 and 9 keep their heights.
        m.renew(&[9, 3, 7, 11], "1:上海".into(), 500.0);
        assert_eq!(m.heights.height(0), 600.0);
        assert_eq!(m.heights.height(2), 450.0);
        assert_eq!(
            m.heights.height(1),
            (600.0 + 450.0) / 2.0,
            "the mean of those measured"
        );
        // Another query: its snippets differ, nothing is kept.
        m.renew(&[9, 3, 7], "1:北京".into(), 300.0);
        assert_eq!(m.heights.height(0), 300.0);
        m.set(0, 350.0);
        // The width changed: nothing is kept, the estimate is.
        m.forget();
        m.renew(&[9], "1:北京".into(), 300.0);
        assert_eq!(m.heights.height(0), 300.0);
        // Odd input does not panic.
        m.set(99, 100.0);
        m.renew(&[], String::new(), f64::NAN);
        assert_eq!(m.heights.offset(3), 3.0 * ROW);
    }
}
