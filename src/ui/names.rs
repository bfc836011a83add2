//! The index of names: every person, place and organisation, the articles that mention it,
//! and one click to search for it.

use yew::prelude::*;

use super::state::Action;
use super::IndexRef;
use crate::archive::EntityKind;
use crate::view::i18n::Lang;
use crate::view::results::romanize;

/// Props for [`NamesIndex`].
#[derive(Properties, PartialEq)]
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

/// The index.
#[component]
pub fn NamesIndex(p: &NamesIndexProps) -> Html {
    let ix: &crate::search::Index = &p.index;
    let t = p.lang.t();
    let close = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::Names(false)))
    };
    let columns: Html = EntityKind::ALL
        .iter()
        .map(|kind| {
            let items: Html = ix
                .archive()
                .entities
                .iter()
                .filter(|e| e.kind == *kind)
                .map(|e| {
                    let search = {
                        let a = p.on_action.clone();
                        let name = e.name.clone();
                        Callback::from(move |_| {
                            a.emit(Action::Names(false));
                            a.emit(Action::Query(name.clone()));
                        })
                    };
                    let articles: Html = e
                        .articles()
                        .iter()
                        .filter_map(|d| ix.archive().articles.get(*d as usize))
                        .map(|art| {
                            let open = {
                                let a = p.on_action.clone();
                                let id = art.id.clone();
                                Callback::from(move |_| {
                                    a.emit(Action::Names(false));
                                    a.emit(Action::Open(id.clone()));
                                })
                            };
                            html! { <li><button type="button" class="linkish" onclick={open}>{art.title.clone()}</button></li> }
                        })
                        .collect();
                    html! {
                        <li class="entity" data-testid="entity" data-name={e.name.clone()} data-kind={kind.key()}>
                            <span class="entity-name">{e.name.clone()}</span>
                            if p.lang == Lang::En {
                                if let Some(py) = ix.readings(&e.name) {
                                    <span class="pinyin" data-testid="entity-pinyin" lang="zh-Latn-pinyin">{romanize(&py, *kind == EntityKind::Person)}</span>
                                }
                            }
                            if !e.aliases.is_empty() { <span class="aliases">{format!("({})", e.aliases.join("、"))}</span> }
                            <span class="n">{e.articles().len()}</span>
                            <button type="button" class="search-name" data-testid="search-name" onclick={search}
                                aria-label={format!("{} {}", t.search_name, e.name)}>{t.search_name}</button>
                            <ul class="entity-articles">{articles}</ul>
                        </li>
                    }
                })
                .collect();
            html! {
                <section class="names-col">
                    <h3>{kind_heading(p.lang, *kind)}</h3>
                    <ul class="entities">{items}</ul>
                </section>
            }
        })
        .collect();
    html! {
        <section id="results" class="results names-index" data-testid="names-index" aria-labelledby="names-heading">
            <div class="results-head">
                <h2 id="names-heading">{t.names_index}</h2>
                <button type="button" onclick={close} data-testid="names-close">{t.back_to_results}</button>
            </div>
            <div class="names-cols">{columns}</div>
        </section>
    }
}
