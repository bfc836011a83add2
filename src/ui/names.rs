//! The index of names: every person, place and organisation, the articles that mention it,
//! and one click to search for it.

use yew::prelude::*;

use super::dom::{button, click, send, E};
use super::state::Action;
use super::IndexRef;
use crate::archive::EntityKind;
use crate::view::i18n::Lang;
use crate::view::results::romanize;

/// What [`names_index`] shows.
pub struct NamesIndexProps {
    /// The index.
    pub index: IndexRef,
    /// Language.
    pub lang: Lang,
    /// Actions.
    pub on_action: Callback<Action>,
}

/// Heading of a kind.
pub fn kind_heading(lang: Lang, k: EntityKind) -> &'static str {
    let t = lang.t();
    match k {
        EntityKind::Person => t.people,
        EntityKind::Place => t.places,
        EntityKind::Org => t.orgs,
    }
}

/// The index (a view function: see [`crate::ui`] on sizes).
pub fn names_index(p: &NamesIndexProps) -> Html {
    let ix: &crate::search::Index = &p.index;
    let t = p.lang.t();
    let a = &p.on_action;
    // Close the index, then act.
    let then = |act: Action| {
        let a = a.clone();
        click(Callback::from(move |_: MouseEvent| {
            a.emit(Action::Names(false));
            a.emit(act.clone());
        }))
    };
    let columns: Vec<Html> = EntityKind::ALL
        .iter()
        .map(|kind| {
            let items: Vec<Html> = ix
                .archive()
                .entities
                .iter()
                .filter(|e| e.kind == *kind)
                .map(|e| {
                    let articles = e
                        .articles()
                        .iter()
                        .filter_map(|d| ix.archive().articles.get(*d as usize))
                        .map(|art| {
                            E::new("li")
                                .el(E::new("button")
                                    .attr("type", "button")
                                    .class("linkish")
                                    .on(then(Action::Open(art.id.clone())))
                                    .text(art.title.clone()))
                                .html()
                        })
                        .collect();
                    let mut li = E::new("li")
                        .class("entity")
                        .id("entity")
                        .attr("data-name", e.name.clone())
                        .attr("data-kind", kind.key())
                        .el(E::new("span").class("entity-name").text(e.name.clone()));
                    let pinyin = (p.lang == Lang::En)
                        .then(|| ix.readings(&e.name))
                        .flatten()
                        .map(|py| {
                            E::new("span")
                                .class("pinyin")
                                .id("entity-pinyin")
                                .attr("lang", "zh-Latn-pinyin")
                                .text(romanize(&py, *kind == EntityKind::Person))
                                .html()
                        });
                    li = li.maybe(pinyin);
                    if !e.aliases.is_empty() {
                        li = li.el(E::new("span")
                            .class("aliases")
                            .text(["(", &e.aliases.join("、"), ")"].concat()));
                    } else {
                        li = li.kid(Html::default());
                    }
                    li.el(E::new("span")
                        .class("n")
                        .text(e.articles().len().to_string()))
                        .el(button("search-name")
                            .class("search-name")
                            .on(then(Action::Query(e.name.clone())))
                            .attr("aria-label", [t.search_name, " ", &e.name].concat())
                            .text(t.search_name))
                        .el(E::new("ul").class("entity-articles").kids(articles))
                        .html()
                })
                .collect();
            E::new("section")
                .class("names-col")
                .el(E::new("h3").text(kind_heading(p.lang, *kind)))
                .el(E::new("ul").class("entities").kids(items))
                .html()
        })
        .collect();
    E::new("section")
        .attr("id", "results")
        .class("results names-index")
        .id("names-index")
        .attr("aria-labelledby", "names-heading")
        .el(E::new("div")
            .class("results-head")
            .el(E::new("h2").attr("id", "names-heading").text(t.names_index))
            .el(button("names-close")
                .on(send(a, Action::Names(false)))
                .text(t.back_to_results)))
        .el(E::new("div").class("names-cols").kids(columns))
        .html()
}
