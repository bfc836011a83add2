//! The facet sidebar: a timeline of articles per day (click a day, or drag across days),
//! kinds and authors with live counts, and one button that clears them all.

use yew::prelude::*;

use super::names::kind_heading;
use super::state::Action;
use super::IndexRef;
use crate::archive::EntityKind;
use crate::view::facets::{timeline, Facets};
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

/// Props for [`FacetPane`].
#[derive(Properties, PartialEq)]
pub struct FacetPaneProps {
    /// The index (for entity names).
    pub index: IndexRef,
    /// Counts.
    pub facets: Facets,
    /// Selections.
    pub view: ViewState,
    /// Language.
    pub lang: Lang,
    /// Actions.
    pub on_action: Callback<Action>,
}

/// The sidebar.
#[component]
pub fn FacetPane(p: &FacetPaneProps) -> Html {
    let t = p.lang.t();
    let drag = use_state(|| None::<(usize, usize)>);
    let days = timeline(&p.facets.days);
    let max = days.iter().map(|d| d.1).max().unwrap_or(1).max(1);
    let in_sel = |day: &str| {
        let from_ok = p.view.from.as_deref().is_none_or(|f| day >= f);
        let to_ok = p.view.to.as_deref().is_none_or(|t| day <= t);
        (p.view.from.is_some() || p.view.to.is_some()) && from_ok && to_ok
    };
    let bars: Html = days
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
                let a = p.on_action.clone();
                let days = days.clone();
                let view = p.view.clone();
                Callback::from(move |_: PointerEvent| {
                    if let Some((s, e)) = *drag {
                        let (lo, hi) = (s.min(e), s.max(e));
                        let (f, t) = (days[lo].0.clone(), days[hi].0.clone());
                        // Clicking the selected single day again clears the date filter.
                        if lo == hi && view.from.as_deref() == Some(&f) && view.to.as_deref() == Some(&t) {
                            a.emit(Action::Dates(None, None));
                        } else {
                            a.emit(Action::Dates(Some(f), Some(t)));
                        }
                    }
                    drag.set(None);
                })
            };
            let click = {
                let a = p.on_action.clone();
                let d = day.clone();
                let view = p.view.clone();
                // Keyboard activation (Enter/Space) arrives as a click with detail 0.
                Callback::from(move |e: MouseEvent| {
                    if e.detail() == 0 {
                        if view.from.as_deref() == Some(&d) && view.to.as_deref() == Some(&d) {
                            a.emit(Action::Dates(None, None));
                        } else {
                            a.emit(Action::Dates(Some(d.clone()), Some(d.clone())));
                        }
                    }
                })
            };
            let label = format!("{day}: {n}");
            let short = day.get(5..).unwrap_or(day).to_string();
            html! {
                <li>
                    <button type="button" {class} data-testid="timeline-day" data-day={day.clone()} data-count={n.to_string()}
                        aria-label={label.clone()} title={label} aria-pressed={in_sel(day).to_string()}
                        onpointerdown={down} onpointerenter={enter} onpointerup={up} onclick={click}>
                        <span class={classes!("fill", format!("h{level}"))}></span>
                        <span class="day">{short}</span>
                    </button>
                </li>
            }
        })
        .collect();
    let kinds: Html = p
        .facets
        .kinds
        .iter()
        .map(|(k, n)| {
            let checked = p.view.kinds.contains(k);
            let a = p.on_action.clone();
            let k2 = *k;
            let change = Callback::from(move |_| a.emit(Action::ToggleKind(k2)));
            html! {
                <li key={k.key()}><label><input type="checkbox" checked={checked} onchange={change} data-testid="facet-kind" data-kind={k.key()} />
                    {" "}{p.lang.kind(*k)}<span class="n">{n}</span></label></li>
            }
        })
        .collect();
    let authors: Html = p
        .facets
        .authors
        .iter()
        .map(|(name, n)| {
            let checked = p.view.authors.contains(name);
            let a = p.on_action.clone();
            let n2 = name.clone();
            let change = Callback::from(move |_| a.emit(Action::ToggleAuthor(n2.clone())));
            html! {
                <li key={name.clone()}><label><input type="checkbox" checked={checked} onchange={change} data-testid="facet-author" data-author={name.clone()} />
                    {" "}{name.clone()}<span class="n">{n}</span></label></li>
            }
        })
        .collect();
    // People, places and organisations: the ten most mentioned of each among the results.
    let entity_sections: Html = EntityKind::ALL
        .iter()
        .map(|kind| {
            let items: Html = p
                .facets
                .entities
                .iter()
                .filter_map(|(i, n)| p.index.0.archive().entities.get(*i).map(|e| (e, n)))
                .filter(|(e, _)| e.kind == *kind)
                .take(10)
                .map(|(e, n)| {
                    let checked = p.view.ents.contains(&e.name);
                    let a = p.on_action.clone();
                    let name = e.name.clone();
                    let change = Callback::from(move |_| a.emit(Action::ToggleEntity(name.clone())));
                    html! {
                        <li key={e.name.clone()}><label><input type="checkbox" checked={checked} onchange={change} data-testid="facet-entity"
                            data-name={e.name.clone()} data-kind={kind.key()} />{" "}{e.name.clone()}<span class="n">{n}</span></label></li>
                    }
                })
                .collect();
            html! {
                <section class="facet">
                    <h3>{kind_heading(p.lang, *kind)}</h3>
                    <ul>{items}</ul>
                </section>
            }
        })
        .collect();
    let clear = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::ClearFacets))
    };
    let leave = {
        let drag = drag.clone();
        Callback::from(move |_: PointerEvent| drag.set(None))
    };
    html! {
        <aside class="facets" aria-label={t.filters}>
            <h2>{t.filters}</h2>
            <button type="button" class="clear" data-testid="clear-facets" onclick={clear} disabled={!p.view.has_facets()}>{t.clear_all}</button>
            <section class="facet">
                <h3>{t.date}</h3>
                <ol class="timeline" onpointerleave={leave} title={t.timeline_hint}>{bars}</ol>
                if p.view.from.is_some() || p.view.to.is_some() {
                    <p class="range" data-testid="date-range">{format!("{} – {}", p.view.from.clone().unwrap_or_default(), p.view.to.clone().unwrap_or_default())}</p>
                }
                if p.facets.undated > 0 { <p class="undated">{format!("{}: {}", t.undated, p.facets.undated)}</p> }
            </section>
            <section class="facet">
                <h3>{t.kind}</h3>
                <ul>{kinds}</ul>
            </section>
            <section class="facet">
                <h3>{t.author}</h3>
                <ul>{authors}</ul>
            </section>
            {entity_sections}
        </aside>
    }
}
