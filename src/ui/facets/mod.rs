//! The facet sidebar: a [`timeline::timeline`] of articles per day, kinds, authors and names
//! with live counts, and one button that clears them all.

mod timeline;

use yew::prelude::*;

use super::names::kind_heading;
use super::state::Action;
use super::IndexRef;
use crate::archive::EntityKind;
use crate::view::facets::{timeline as fill_days, Facets};
use crate::view::i18n::Lang;
use crate::view::route::ViewState;
use timeline::{timeline, TimelineProps};

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
    html! {
        <aside class="facets" aria-label={t.filters}>
            <h2>{t.filters}</h2>
            <button type="button" class="clear" data-testid="clear-facets" onclick={clear} disabled={!p.view.has_facets()}>{t.clear_all}</button>
            <section class="facet">
                <h3>{t.date}</h3>
                {timeline(&TimelineProps {
                    drag,
                    days: fill_days(&p.facets.days),
                    from: p.view.from.clone(),
                    to: p.view.to.clone(),
                    lang: p.lang,
                    on_action: p.on_action.clone(),
                })}
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
