//! The timeline: one bar per day (gaps included); click a day, or drag across days, to filter.

use std::rc::Rc;

use yew::html::{onpointerdown, onpointerenter, onpointerleave, onpointerup};
use yew::prelude::*;

use crate::ui::dom::{click, E};

use crate::ui::state::Action;
use crate::view::facets::bar_range;
use crate::view::i18n::Lang;

/// What [`timeline`] shows.
pub struct TimelineProps {
    /// The drag in progress: first and current bar (state of the facet pane).
    pub drag: UseStateHandle<Option<(usize, usize)>>,
    /// Every day from the first to the last, with its count.
    pub days: Vec<(String, usize)>,
    /// The date facet's first day.
    pub from: Option<String>,
    /// The date facet's last day.
    pub to: Option<String>,
    /// Language.
    pub lang: Lang,
    /// Actions.
    pub on_action: Callback<Action>,
}

/// The bars.
pub fn timeline(p: &TimelineProps) -> Html {
    let t = p.lang.t();
    let drag = &p.drag;
    let max = p.days.iter().map(|d| d.1).max().unwrap_or(1).max(1);
    // A bar is a day, a month or a year (see `view::facets::timeline`): selected when its days
    // overlap the date facet.
    let in_sel = |bar: &str| {
        let (first, last) = bar_range(bar);
        let from_ok = p.from.as_deref().is_none_or(|f| last.as_str() >= f);
        let to_ok = p.to.as_deref().is_none_or(|t| first.as_str() <= t);
        (p.from.is_some() || p.to.is_some()) && from_ok && to_ok
    };
    // Selecting the selected single day again clears the date filter.
    let select = {
        let a = p.on_action.clone();
        let (from, to) = (p.from.clone(), p.to.clone());
        move |f: String, t: String| {
            if f == t && from.as_deref() == Some(&f) && to.as_deref() == Some(&t) {
                a.emit(Action::Dates(None, None));
            } else {
                a.emit(Action::Dates(Some(f), Some(t)));
            }
        }
    };
    // At most about 16 labels fit the pane's width.
    let step = p.days.len().div_ceil(16).max(1);
    let bars: Vec<Html> = p
        .days
        .iter()
        .enumerate()
        .map(|(i, (day, n))| {
            let dragging = drag
                .as_ref()
                .is_some_and(|(a, b)| (*a.min(b)..=*a.max(b)).contains(&i));
            let mut class = String::from("bar");
            for (on, c) in [
                (in_sel(day), " selected"),
                (dragging, " dragging"),
                (*n == 0, " zero"),
            ] {
                if on {
                    class.push_str(c);
                }
            }
            // Heights as classes h0..h10 (no inline styles: the CSP forbids them).
            let level = if *n == 0 { 0 } else { 1 + 9 * n / max };
            let down = {
                let drag = drag.clone();
                Callback::from(move |e: PointerEvent| {
                    e.prevent_default();
                    drag.set(Some((i, i)));
                })
            };
            let enter = {
                let drag = drag.clone();
                Callback::from(move |_: PointerEvent| {
                    if let Some((a, _)) = *drag {
                        drag.set(Some((a, i)));
                    }
                })
            };
            let up = {
                let drag = drag.clone();
                let days = p.days.clone();
                let select = select.clone();
                Callback::from(move |_: PointerEvent| {
                    if let Some((s, e)) = *drag {
                        let (lo, hi) = (s.min(e), s.max(e));
                        if let (Some(f), Some(t)) = (days.get(lo), days.get(hi)) {
                            select(bar_range(&f.0).0, bar_range(&t.0).1);
                        }
                    }
                    drag.set(None);
                })
            };
            let click_cb = {
                let d = day.clone();
                let select = select.clone();
                // Keyboard activation (Enter/Space) arrives as a click with detail 0.
                Callback::from(move |e: MouseEvent| {
                    if e.detail() == 0 {
                        let (f, t) = bar_range(&d);
                        select(f, t);
                    }
                })
            };
            let label: AttrValue = [day.as_str(), ": ", &n.to_string()].concat().into();
            // `02-04` for a day, `21-03` for a month, `2021` for a year; of many bars, every
            // `step`-th is labelled (and the last), so that the labels never overlap (each
            // bar keeps its date in its name and tooltip).
            let last = i + 1 == p.days.len();
            let short = if last || (i % step == 0 && i + step / 2 + 1 < p.days.len()) {
                day.get(day.len().saturating_sub(5)..)
                    .unwrap_or(day)
                    .to_string()
            } else {
                String::new()
            };
            let selected = in_sel(day);
            E::new("li")
                .el(E::new("button")
                    .attr("type", "button")
                    .attr("class", class)
                    .opt("tabindex", (*n == 0).then_some("-1".into()))
                    .id("timeline-day")
                    .attr("data-day", day.clone())
                    .attr("data-count", n.to_string())
                    .attr("aria-label", label.clone())
                    .attr("title", label)
                    .tf("aria-pressed", selected)
                    .on(Rc::new(onpointerdown::Wrapper::new(down)))
                    .on(Rc::new(onpointerenter::Wrapper::new(enter)))
                    .on(Rc::new(onpointerup::Wrapper::new(up)))
                    .on(click(click_cb))
                    .el(E::new("span").attr("class", ["fill h", &level.to_string()].concat()))
                    .el(E::new("span").class("day").text(short)))
                .html()
        })
        .collect();
    let leave = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    E::new("ol")
        .class("timeline")
        .on(Rc::new(onpointerleave::Wrapper::new(leave)))
        .attr("title", t.timeline_hint)
        .kids(bars)
        .html()
}
