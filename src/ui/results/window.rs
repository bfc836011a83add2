//! The result list's window: only the rows that can be seen (and a few beyond) are in the
//! DOM; the rest are padding of the estimated height above and below. A query's results
//! cost the same to render, style and lay out whether there are 10 or 10,000 of them.
//!
//! Heights are estimated from the rows last rendered (their mean), so the padding is close
//! to what the missing rows would take. The window follows scrolling (of the window on a
//! phone, of the results pane on a desktop) once per frame, and the row the keyboard
//! selects is brought into it before it is focused.

use std::cell::Cell;
use std::rc::Rc;

use gloo::events::{EventListener, EventListenerOptions, EventListenerPhase};
use wasm_bindgen::JsCast;
use yew::prelude::*;

pub use crate::view::window::ListWindow;
use crate::view::window::{fit, FIRST, OVER, ROW};

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

/// Measures the rendered rows and the list's place, and returns the window to render.
fn measure(len: usize, cur: ListWindow) -> ListWindow {
    let doc = gloo::utils::document();
    let Ok(Some(list)) = doc.query_selector(".result-list") else {
        return cur;
    };
    // The rows left out, as padding (set through the CSSOM: the page's CSP forbids style
    // attributes).
    if let Ok(list) = list.clone().dyn_into::<web_sys::HtmlElement>() {
        let (above, below) = cur.padding(len);
        let px = |x: f64| [(x.round() as i64).to_string().as_str(), "px"].concat();
        let style = list.style();
        let _ = style.set_property("padding-top", &px(above));
        let _ = style.set_property("padding-bottom", &px(below));
    }
    let mut row = cur.row;
    // The mean height of the rows rendered: from the first one's top to the last one's bottom.
    let (s, e) = cur.clamp(len);
    if let (Some(first), Some(last)) = (list.first_element_child(), list.last_element_child()) {
        let mean = ((rect(&last).bottom() - rect(&first).top()) / (e - s).max(1) as f64)
            .clamp(24.0, 2000.0);
        // Kept unless it changed by more than 5 %: the padding (and so where the rows seem
        // to be) does not shift with every small difference between rows.
        if e > s && (mean - row).abs() > row * 0.05 {
            row = mean;
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
    let (start, end) = fit(
        len,
        rect(&list).top(),
        (top, bottom.max(top)),
        row,
        (cur.start, cur.end),
    );
    ListWindow { start, end, row }
}

/// The window of a list of `len` rows (measured after every render, and on scrolling).
#[hook]
pub fn use_list_window(len: usize) -> ListWindow {
    let win = use_state_eq(|| ListWindow {
        start: 0,
        end: FIRST,
        row: ROW,
    });
    let latest = use_mut_ref(|| (len, *win));
    *latest.borrow_mut() = (len, *win);
    // After every render: measure, refit, and focus the row the keyboard moved to.
    {
        let set = win.setter();
        let latest = latest.clone();
        use_effect(move || {
            let (len, cur) = *latest.borrow();
            let mut next = measure(len, cur);
            if let Some(i) = FOCUS.with(Cell::get) {
                // In the DOM now (the window this render drew), it is focused and scrolled to
                // (the scroll then refits the window around it); else the next render draws it.
                let (s, e) = cur.clamp(len);
                if i >= len {
                    FOCUS.with(|f| f.set(None));
                } else if i < s || i >= e {
                    next.start = i.saturating_sub(OVER);
                    next.end = (i + OVER + 1).min(len);
                } else {
                    FOCUS.with(|f| f.set(None));
                    let row = ["[data-testid=result][data-rank=\"", &i.to_string(), "\"]"].concat();
                    super::super::browser::focus(&[row.as_str(), " a.result-link"].concat());
                    super::super::browser::scroll_into_view(&row);
                    // Refitted where the list now is (the row stays rendered).
                    next = measure(len, cur);
                }
            }
            set.set(next);
        });
    }
    // Scrolling (of anything: the window, or the results pane) refits. Chromium and Firefox
    // send scroll events once per frame, so this runs at most once per frame.
    {
        let set = win.setter();
        use_effect_with((), move |_| {
            let opts = EventListenerOptions {
                phase: EventListenerPhase::Capture,
                passive: true,
            };
            let on = Rc::new(move || {
                let (len, cur) = *latest.borrow();
                set.set(measure(len, cur));
            });
            let on2 = on.clone();
            let scroll = EventListener::new_with_options(
                &gloo::utils::document(),
                "scroll",
                opts,
                move |_| on(),
            );
            let resize = EventListener::new(&gloo::utils::window(), "resize", move |_| on2());
            move || drop((scroll, resize))
        });
    }
    *win
}
