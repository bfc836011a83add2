//! The result list's window, as arithmetic (the hook that measures the page is
//! `ui::results::window`): which rows of a long list to render, given where the list is on
//! screen and how tall a row is estimated to be.

/// Rows rendered beyond each edge of what can be seen.
pub const OVER: usize = 3;
/// Rows rendered before anything is measured.
pub const FIRST: usize = 10;
/// Starting estimate of a row's height, in CSS pixels.
pub const ROW: f64 = 150.0;

/// The rows to render: `start..end` of the list, with `row` pixels for each one left out.
#[derive(Clone, Copy, PartialEq, Debug)]
pub struct ListWindow {
    /// First row rendered.
    pub start: usize,
    /// One past the last row rendered.
    pub end: usize,
    /// Estimated height of a row, in CSS pixels.
    pub row: f64,
}

impl ListWindow {
    /// The part of `0..len` to render.
    pub fn clamp(&self, len: usize) -> (usize, usize) {
        let end = self.end.min(len);
        (self.start.min(end), end)
    }

    /// Padding above and below the rendered rows (the rows left out).
    pub fn padding(&self, len: usize) -> (f64, f64) {
        let (s, e) = self.clamp(len);
        (s as f64 * self.row, (len - e) as f64 * self.row)
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
    row: f64,
    cur: (usize, usize),
    over: usize,
) -> (usize, usize) {
    if len == 0 || row <= 0.0 || !row.is_finite() || !list_top.is_finite() {
        return (0, FIRST);
    }
    let to_row = |y: f64| ((y - list_top) / row).max(0.0);
    let first = (to_row(view.0).floor() as usize).min(len);
    let last = (to_row(view.1).ceil() as usize)
        .max(first)
        .min(first.saturating_add(MAX_SEEN));
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
pub fn first(len: usize, geom: Option<(f64, (f64, f64))>, row: f64) -> (usize, usize) {
    match geom {
        Some((top, view)) => {
            let (s, e) = fit(len, top, view, row, (0, 0), 0);
            (s, e.saturating_add(1))
        }
        None => (0, FIRST),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn renders_what_can_be_seen_and_a_few_more() {
        // Rows of 100 px from y = 50; the viewport shows 0..800: rows 0..8 can be seen.
        assert_eq!(
            fit(1000, 50.0, (0.0, 800.0), 100.0, (0, 0), OVER),
            (0, 8 + OVER)
        );
        // Scrolled: the list's top is 5,000 px above the viewport.
        let (s, e) = fit(1000, -5000.0, (0.0, 800.0), 100.0, (0, 10), OVER);
        assert_eq!((s, e), (50 - OVER, 58 + OVER));
        // A window that still covers what is seen is kept (no render for a small scroll).
        assert_eq!(
            fit(1000, -5020.0, (0.0, 800.0), 100.0, (s, e), OVER),
            (s, e)
        );
        // One that is far too large is not.
        assert_eq!(
            fit(1000, 50.0, (0.0, 800.0), 100.0, (0, 500), OVER),
            (0, 8 + OVER)
        );
        // Near the end, and past it.
        let past = ListWindow {
            start: 0,
            end: 0,
            row: 100.0,
        };
        let (s, e) = fit(20, -5000.0, (0.0, 800.0), 100.0, (0, 10), OVER);
        assert_eq!(
            ListWindow {
                start: s,
                end: e,
                ..past
            }
            .clamp(20),
            (20 - OVER, 20)
        );
        let (s, e) = fit(0, 0.0, (0.0, 800.0), 100.0, (0, 10), OVER);
        assert_eq!(
            ListWindow {
                start: s,
                end: e,
                ..past
            }
            .clamp(0),
            (0, 0)
        );
        // A pane that shows only part of the viewport.
        assert_eq!(
            fit(1000, 200.0, (300.0, 500.0), 100.0, (0, 0), OVER),
            (0, 3 + OVER)
        );
    }

    #[test]
    fn a_growing_list_keeps_its_window() {
        // Results stream in: 1 row, then 26, then 300. The viewport shows rows 0..8 either
        // way, so the window measured over 1 row still covers them (no refit, no render).
        let w = fit(1, 50.0, (0.0, 800.0), 100.0, (0, FIRST), OVER);
        assert_eq!(w, (0, FIRST));
        assert_eq!(fit(26, 50.0, (0.0, 800.0), 100.0, w, OVER), w);
        assert_eq!(fit(300, 50.0, (0.0, 800.0), 100.0, w, OVER), w);
        // Measured with no rows yet: the first rows are still drawn when they come.
        let w = fit(0, 50.0, (0.0, 800.0), 100.0, (0, 0), OVER);
        assert_eq!(
            ListWindow {
                start: w.0,
                end: w.1,
                row: 100.0
            }
            .clamp(26),
            (0, FIRST)
        );
    }

    #[test]
    fn a_new_list_first_draws_only_what_can_be_seen() {
        // Rows estimated at 450 px from y = 199, a view of 106..860: rows 0 and 1 can be
        // seen (0..2), and one more is drawn: 3 rows, not FIRST or 2 + OVER.
        assert_eq!(first(26, Some((199.0, (106.0, 860.0))), 450.0), (0, 3));
        // Short rows: as many as fill the view.
        assert_eq!(first(26, Some((199.0, (106.0, 860.0))), 100.0), (0, 8));
        // A list scrolled 5,000 px up: the rows at the view, not the list's first ones.
        assert_eq!(first(1000, Some((-5000.0, (0.0, 800.0))), 100.0), (50, 59));
        // Never measured, and odd geometry: never more than the bounds.
        assert_eq!(first(26, None, 450.0), (0, FIRST));
        let (s, e) = first(26, Some((f64::NAN, (0.0, 800.0))), 450.0);
        assert!(s <= e && e <= FIRST + 1);
        // The frame after: the window with its rows beyond each edge covers the first one.
        let w = fit(26, 199.0, (106.0, 860.0), 450.0, (0, 0), OVER);
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
            let (s, e) = fit(50, top, view, row, (0, 10), OVER);
            assert!(
                s <= e && e - s <= MAX_SEEN + 2 * OVER,
                "{top} {view:?} {row} → {s}..{e}"
            );
        }
    }

    #[test]
    fn padding_stands_for_the_rows_left_out() {
        let w = ListWindow {
            start: 40,
            end: 50,
            row: 120.0,
        };
        assert_eq!(w.padding(100), (40.0 * 120.0, 50.0 * 120.0));
        assert_eq!(w.clamp(45), (40, 45));
        assert_eq!(w.clamp(10), (10, 10));
        assert_eq!(w.padding(10), (1200.0, 0.0));
    }
}
