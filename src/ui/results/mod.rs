//! The results list: count, order, [`export`], and one [`item::result_item`] per article.

mod export;
mod item;

use yew::prelude::*;

use super::state::Action;
use super::{Derived, IndexRef};
use crate::view::i18n::Lang;
use crate::view::route::{Sort, ViewState};
use export::{export_buttons, ExportButtonsProps};
use item::{result_item, ResultItemProps};

/// Props for [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The index.
    pub index: IndexRef,
    /// Derived results.
    pub derived: std::rc::Rc<Derived>,
    /// The view (for link targets).
    pub view: ViewState,
    /// Keyboard cursor.
    pub selected: Option<usize>,
    /// How many are shown.
    pub shown: usize,
    /// Language.
    pub lang: Lang,
    /// Actions.
    pub on_action: Callback<Action>,
    /// Number of results.
    pub count: usize,
}

/// The list.
#[component]
pub fn ResultList(p: &ResultListProps) -> Html {
    let t = p.lang.t();
    let on_sort = {
        let a = p.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                a.emit(Action::Sort(match s.value().as_str() {
                    "date" => Sort::Oldest,
                    "newest" => Sort::Newest,
                    _ => Sort::Relevance,
                }));
            }
        })
    };
    let items: Html = p
        .derived
        .hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            result_item(&ResultItemProps {
                index: p.index,
                hit: h,
                view: &p.view,
                selected: p.selected == Some(i),
                lang: p.lang,
                on_action: &p.on_action,
            })
        })
        .collect();
    let more = p.derived.docs.len() > p.derived.hits.len();
    let on_more = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::More))
    };
    html! {
        <section id="results" class="results" aria-labelledby="results-heading">
            <div class="results-head">
                <h2 id="results-heading" class="visually-hidden">{t.results}</h2>
                <p class="count-line" role="status" aria-live="polite">
                    <span data-testid="result-count">{p.count}</span>{" "}{t.results_suffix}
                </p>
                <label class="sort">{t.sort}{" "}
                    <select data-testid="sort" onchange={on_sort}>
                        <option value="relevance" selected={p.view.sort == Sort::Relevance}>{p.lang.sort_default(p.view.query.trim().is_empty())}</option>
                        <option value="date" selected={p.view.sort == Sort::Oldest}>{t.sort_oldest}</option>
                        <option value="newest" selected={p.view.sort == Sort::Newest}>{t.sort_newest}</option>
                    </select>
                </label>
                {export_buttons(&ExportButtonsProps { index: p.index, derived: p.derived.clone(), query: p.view.query.clone(), lang: p.lang })}
            </div>
            if p.count == 0 {
                <p class="empty">{t.no_results}</p>
            }
            <ol class="result-list">{items}</ol>
            if more {
                <button type="button" class="more" onclick={on_more} data-testid="more">
                    {format!("{} ({} / {})", t.show_more, p.derived.hits.len(), p.derived.docs.len())}
                </button>
            }
        </section>
    }
}
