//! The facet sidebar: a [`timeline::timeline`] of articles per day, kinds, authors and names
//! with live counts, and one button that clears them all.

mod timeline;

use std::rc::Rc;

use yew::prelude::*;

use super::dom::{button, change, click, send, send_on_change, E};
use super::names::kind_heading;
use super::state::Action;
use super::IndexRef;
use crate::archive::EntityKind;
use crate::view::facets::{timeline as fill_days, Facets};
use crate::view::i18n::Lang;
use crate::view::route::ViewState;
use timeline::{timeline, TimelineProps};

/// What [`facet_pane`] shows.
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
    pub drawer: bool,
    /// The timeline's drag in progress (state of the explorer: the pane is a view function).
    pub drag: UseStateHandle<Option<(usize, usize)>>,
    /// Which long lists show every entry: bit 1 authors, then one bit per kind of name.
    pub open: UseStateHandle<u8>,
    /// Who counted `facets`: `"page"`, or `"worker"` (a sharded archive's search worker),
    /// said in the pane's `data-counted`.
    pub counted_by: &'static str,
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
    let click_cb = {
        let open = open.clone();
        Callback::from(move |_| open.set(*open ^ bit))
    };
    button("facet-more")
        .class("linkish facet-more")
        .tf("aria-expanded", is_open)
        .on(click(click_cb))
        .text(if is_open {
            r.fewer.to_string()
        } else {
            [r.more, " (", &(total - SHORT).to_string(), ")"].concat()
        })
        .html()
}

/// One checkbox of a facet list: test id, data attribute, label, count, what a change does.
#[allow(clippy::too_many_arguments)]
#[inline(never)]
fn check_item(
    key: &str,
    checked: bool,
    id: &'static str,
    data: &'static str,
    data_value: AttrValue,
    label: AttrValue,
    kind: Option<&'static str>,
    n: usize,
    on: Rc<dyn yew::virtual_dom::Listener>,
) -> Html {
    E::new("li")
        .key(key)
        .el(E::new("label")
            .el(E::new("input")
                .attr("type", "checkbox")
                .checked(checked)
                .on(on)
                .id(id)
                .attr(data, data_value)
                .opt("data-kind", kind.map(AttrValue::Static)))
            .text(" ")
            .text(label)
            .el(E::new("span").class("n").text(n.to_string())))
        .html()
}

/// The sidebar (a view function: see [`crate::ui`] on sizes).
pub fn facet_pane(p: &FacetPaneProps) -> Html {
    let t = p.lang.t();
    let (drag, open) = (p.drag.clone(), &p.open);
    let r = p.lang.r();
    let a = &p.on_action;
    let kinds: Vec<Html> = p
        .facets
        .kinds
        .iter()
        .map(|(k, n)| {
            check_item(
                k.key(),
                p.view.kinds.contains(k),
                "facet-kind",
                "data-kind",
                k.key().into(),
                p.lang.kind(*k).into(),
                None,
                *n,
                send_on_change(a, Action::ToggleKind(*k)),
            )
        })
        .collect();
    let authors: Vec<Html> = p
        .facets
        .authors
        .iter()
        .take(if **open & 1 != 0 { usize::MAX } else { SHORT })
        .map(|(name, n)| {
            check_item(
                name,
                p.view.authors.contains(name),
                "facet-author",
                "data-author",
                name.clone().into(),
                name.clone().into(),
                None,
                *n,
                send_on_change(a, Action::ToggleAuthor(name.clone())),
            )
        })
        .collect();
    let section = |title: &'static str| {
        E::new("section")
            .class("facet")
            .el(E::new("h3").text(title))
    };
    // People, places and organisations: the ten most mentioned of each among the results.
    let entity_sections: Vec<Html> = EntityKind::ALL
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
            // No heading over nothing to pick (a sharded archive has no index of names; a
            // query's results may name no place).
            if total == 0 {
                return Html::default();
            }
            let items = of_kind()
                .take(if **open & bit != 0 { usize::MAX } else { SHORT })
                .map(|(e, n)| {
                    let name: AttrValue = e.name.clone().into();
                    check_item(
                        &e.name,
                        p.view.ents.contains(&e.name),
                        "facet-entity",
                        "data-name",
                        name.clone(),
                        name,
                        Some(kind.key()),
                        *n,
                        send_on_change(a, Action::ToggleEntity(e.name.clone())),
                    )
                })
                .collect();
            section(kind_heading(p.lang, *kind))
                .el(E::new("ul").kids(items))
                .kid(more_toggle(open, bit, total, p.lang))
                .html()
        })
        .collect();
    // The date range with the keyboard: two date fields.
    let (first, last) = (
        p.facets.days.first().map(|d| AttrValue::from(d.0.clone())),
        p.facets.days.last().map(|d| AttrValue::from(d.0.clone())),
    );
    let date_input = |is_from: bool| {
        let a = p.on_action.clone();
        // Chromium fires `change` on every keystroke in a date field, with a complete value
        // once every part is filled: while the year is typed it is 0002, 0020, 0202. Those are
        // not sent, or the re-render would write them back into the field mid-typing.
        let change_cb = Callback::from(move |e: Event| {
            if let Some(i) = e.target_dyn_into::<web_sys::HtmlInputElement>() {
                let v = i.value();
                if !v.starts_with('0') {
                    a.emit(Action::DateEnd(is_from, Some(v).filter(|v| !v.is_empty())));
                }
            }
        });
        let value = if is_from { &p.view.from } else { &p.view.to };
        E::new("label")
            .text(if is_from { r.date_from } else { r.date_to })
            .el(E::new("input")
                .attr("type", "date")
                .id(if is_from { "date-from" } else { "date-to" })
                .value(value.clone().unwrap_or_default())
                .opt("min", first.clone())
                .opt("max", last.clone())
                .on(change(change_cb)))
    };
    let mut date = section(t.date)
        .kid(timeline(&TimelineProps {
            drag,
            days: fill_days(&p.facets.days),
            from: p.view.from.clone(),
            to: p.view.to.clone(),
            lang: p.lang,
            on_action: p.on_action.clone(),
        }))
        .el(E::new("p")
            .class("date-fields")
            .el(date_input(true))
            .el(date_input(false)));
    if p.view.from.is_some() || p.view.to.is_some() {
        let ends = [&p.view.from, &p.view.to].map(|d| d.clone().unwrap_or_default());
        date = date.el(E::new("p")
            .class("range")
            .id("date-range")
            .text(ends.join(" – ")));
    } else {
        date = date.kid(Html::default());
    }
    if p.facets.undated > 0 {
        date = date.el(E::new("p")
            .class("undated")
            .text([t.undated, ": ", &p.facets.undated.to_string()].concat()));
    } else {
        date = date.kid(Html::default());
    }
    E::new("aside")
        .class(if p.drawer { "facets open" } else { "facets" })
        .attr("id", "filters")
        .attr("data-counted", p.counted_by)
        .attr("aria-label", t.filters)
        .el(E::new("div")
            .class("facets-head")
            .el(E::new("h2").text(t.filters))
            .el(button("drawer-close")
                .class("drawer-close")
                .on(send(a, Action::Drawer(false)))
                .text(r.close_filters)))
        .el(button("clear-facets")
            .class("clear")
            .on(send(a, Action::ClearFacets))
            .flag("disabled", !p.view.has_facets())
            .text(t.clear_all))
        .el(date)
        .el(section(t.kind).el(E::new("ul").kids(kinds)))
        .el(section(t.author)
            .el(E::new("ul").kids(authors))
            .kid(more_toggle(open, 1, p.facets.authors.len(), p.lang)))
        .kids(entity_sections)
        .html()
}
