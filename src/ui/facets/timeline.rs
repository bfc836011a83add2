//! The timeline: one bar per day (gaps included); click a day, or drag across days, to filter.

use yew::prelude::*;

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
    let bars: Html = p
        .days
        .iter()
        .enumerate()
        .map(|(i, (day, n))| {
            let dragging = drag.as_ref().is_some_and(|(a, b)| (*a.min(b)..=*a.max(b)).contains(&i));
            let class = classes!("bar", in_sel(day).then_some("selected"), dragging.then_some("dragging"), (*n == 0).then_some("zero"));
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
            let click = {
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
            let label = format!("{day}: {n}");
            // `02-04` for a day, `21-03` for a month, `2021` for a year.
            let short = day.get(day.len().saturating_sub(5)..).unwrap_or(day).to_string();

            html! {
                <li>
                    <button type="button" {class} tabindex={(*n == 0).then_some("-1")} data-testid="timeline-day" data-day={day.clone()} data-count={n.to_string()}
                        aria-label={label.clone()} title={label} aria-pressed={in_sel(day).to_string()}
                        onpointerdown={down} onpointerenter={enter} onpointerup={up} onclick={click}>
                        <span class={classes!("fill", format!("h{level}"))}></span>
                        <span class="day">{short}</span>
                    </button>
                </li>
            }
        })
        .collect();
    let leave = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    html! {
        <ol class="timeline" onpointerleave={leave} title={t.timeline_hint}>{bars}</ol>
    }
}
