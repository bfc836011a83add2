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
    /// Open as a drawer (phone).
    #[prop_or_default]
    pub drawer: bool,
}

/// Facet lists longer than this show this many and a "more" toggle.
const SHORT: usize = 10;

/// The "more / fewer" toggle of a long list: bit `bit` of `open`.
fn more_toggle(open: &UseStateHandle<u8>, bit: u8, total: usize, lang: Lang) -> Html {
    if total <= SHORT {
        return Html::default();
    }
    let r = lang.r();
    let is_open = **open & bit != 0;
    let click = {
        let open = open.clone();
        Callback::from(move |_| open.set(*open ^ bit))
    };
    html! {
        <button type="button" class="linkish facet-more" data-testid="facet-more" aria-expanded={is_open.to_string()} onclick={click}>
            {if is_open { r.fewer.to_string() } else { format!("{} ({})", r.more, total - SHORT) }}
        </button>
    }
}

/// The sidebar.
#[component]
pub fn FacetPane(p: &FacetPaneProps) -> Html {
    let t = p.lang.t();
    let drag = use_state(|| None::<(usize, usize)>);
    // Which long lists show every entry: bit 1 authors, then one bit per kind of name.
    let open = use_state(|| 0u8);
    let r = p.lang.r();
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
        .take(if *open & 1 != 0 { usize::MAX } else { SHORT })
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
        .enumerate()
        .map(|(ki, kind)| {
            let bit = 2u8 << ki;
            let of_kind = || {
                p.facets
                    .entities
                    .iter()
                    .filter_map(|(i, n)| p.index.archive().entities.get(*i).map(|e| (e, n)))
                    .filter(|(e, _)| e.kind == *kind)
            };
            let total = of_kind().count();
            let items: Html = of_kind()
                .take(if *open & bit != 0 { usize::MAX } else { SHORT })
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
                    {more_toggle(&open, bit, total, p.lang)}
                </section>
            }
        })
        .collect();
    let clear = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::ClearFacets))
    };
    let close = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::Drawer(false)))
    };
    // The date range with the keyboard: two date fields.
    let (first, last) = (
        p.facets.days.first().map(|d| d.0.clone()),
        p.facets.days.last().map(|d| d.0.clone()),
    );
    let date_input = |is_from: bool| {
        let a = p.on_action.clone();
        let (from, to) = (p.view.from.clone(), p.view.to.clone());
        let change = Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let v = Some(i.value()).filter(|v| !v.is_empty());
                a.emit(if is_from {
                    Action::Dates(v, to.clone())
                } else {
                    Action::Dates(from.clone(), v)
                });
            }
        });
        let value = if is_from { &p.view.from } else { &p.view.to };
        html! {
            <label>{if is_from { r.date_from } else { r.date_to }}
                <input type="date" data-testid={if is_from { "date-from" } else { "date-to" }} value={value.clone().unwrap_or_default()}
                    min={first.clone()} max={last.clone()} onchange={change} />
            </label>
        }
    };
    html! {
        <aside class={classes!("facets", p.drawer.then_some("open"))} id="filters" aria-label={t.filters}>
            <div class="facets-head">
                <h2>{t.filters}</h2>
                <button type="button" class="drawer-close" data-testid="drawer-close" onclick={close}>{r.close_filters}</button>
            </div>
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
                <p class="date-fields">{date_input(true)}{date_input(false)}</p>
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
                {more_toggle(&open, 1, p.facets.authors.len(), p.lang)}
            </section>
            {entity_sections}
        </aside>
    }
}
