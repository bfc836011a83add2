//! The results list: count, order, [`export`], and one [`item::result_item`] per article.

mod export;
mod item;

use yew::prelude::*;

use super::state::Action;
use super::{browser, Derived, IndexRef};
use crate::view::i18n::Lang;
use crate::view::results::{self as res, Filter};
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
    /// The copy-link button's outcome.
    #[prop_or_default]
    pub shared: Option<Result<(), String>>,
}

/// What a chip's remove button does.
fn remove(f: &Filter) -> Action {
    match f {
        Filter::Kind(k) => Action::ToggleKind(*k),
        Filter::Author(a) => Action::ToggleAuthor(a.clone()),
        Filter::Ent(e) => Action::ToggleEntity(e.clone()),
        Filter::Dates => Action::Dates(None, None),
    }
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
                index: p.index.clone(),
                hit: h,
                view: &p.view,
                selected: p.selected == Some(i),
                lang: p.lang,
                on_action: &p.on_action,
            })
        })
        .collect();
    let ix: &crate::search::Index = &p.index;
    let r = p.lang.r();
    let lang = p.lang;
    // The heading: `5 篇 · 14 处 · zjd → 张建党（拼音匹配）`.
    let terms: Vec<String> = res::shown_terms(ix, &p.derived.query, &p.derived.marked)
        .iter()
        .map(|t| res::term_label(lang, t))
        .collect();
    let mut tail = String::new();
    tail.push(' ');
    tail.push_str(lang.articles_word(p.count));
    if !terms.is_empty() {
        tail.push_str(" · ");
        tail.push_str(&lang.hits_n(p.derived.total_hits));
        tail.push_str(" · ");
        tail.push_str(&terms.join(" · "));
    }
    let chip_list = res::chips(&p.view, lang);
    let has_chips = !chip_list.is_empty();
    let chips: Html = chip_list
        .into_iter()
        .map(|(f, label)| {
            let a = p.on_action.clone();
            let act = remove(&f);
            let click = Callback::from(move |_| a.emit(act.clone()));
            html! {
                <li><button type="button" class="chip" data-testid="active-filter" onclick={click}
                    aria-label={format!("{}{label}", r.remove_filter)}>{label}{" ×"}</button></li>
            }
        })
        .collect();
    let copy_link = {
        let a = p.on_action.clone();
        let view = p.view.clone();
        Callback::from(move |_| {
            let link = format!("{}{}", browser::base_url(), view.to_hash());
            let a = a.clone();
            let l2 = link.clone();
            browser::copy_then(&link, move |ok| {
                a.emit(Action::Shared(Some(if ok { Ok(()) } else { Err(l2) })));
            });
        })
    };
    // The link to copy by hand is selected as soon as it shows.
    use_effect_with(p.shared.as_ref().is_some_and(|s| s.is_err()), |show| {
        if *show {
            browser::select("[data-testid=link-field]");
        }
    });
    let shared = match &p.shared {
        Some(Ok(())) => {
            html! { <span class="toast" role="status" data-testid="link-copied">{t.copied}</span> }
        }
        Some(Err(link)) => html! {
            <label class="link-field" role="status">{r.copy_by_hand}
                <input readonly=true data-testid="link-field" value={link.clone()} /></label>
        },
        None => Html::default(),
    };
    // Nothing found: say what was searched, offer to drop the filters and similar terms.
    let empty = (p.count == 0).then(|| {
        let q = p.view.query.trim().to_string();
        let suggestions = if q.is_empty() { Vec::new() } else { res::suggestions(ix, &q, 3) };
        let clear = {
            let a = p.on_action.clone();
            Callback::from(move |_| a.emit(Action::ClearFacets))
        };
        let has_tries = !suggestions.is_empty();
        let tries: Html = suggestions
            .into_iter()
            .map(|(s, n)| {
                let a = p.on_action.clone();
                let s2 = s.clone();
                let click = Callback::from(move |_| a.emit(Action::Query(s2.clone())));
                html! { <li><button type="button" class="linkish" data-testid="suggestion" onclick={click}>{s}</button>{format!(" ({n})")}</li> }
            })
            .collect();
        html! {
            <div class="empty" data-testid="no-results">
                if q.is_empty() { <p>{t.no_results}</p> } else { <p>{r.nothing_for}<strong>{q.clone()}</strong>{r.nothing_for_after}</p> }
                if p.view.has_facets() {
                    <p><button type="button" data-testid="drop-filters" onclick={clear}>{r.without_filters}</button></p>
                }
                if has_tries { <p>{r.try_these}</p><ul class="suggestions">{tries}</ul> }
                if res::is_latin_query(&q) { <p data-testid="latin-note">{r.latin_note}</p> }
                if !p.view.has_facets() { <p>{t.no_results}</p> }
            </div>
        }
    });
    let more = p.derived.docs.len() > p.derived.hits.len();
    let on_more = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::More))
    };
    html! {
        <section id="results" class="results" aria-labelledby="results-heading">
            <div class="results-head">
                <h2 id="results-heading" class="visually-hidden">{t.results}</h2>
                <p class="count-line" role="status" aria-live="polite" data-testid="results-heading">
                    <span data-testid="result-count">{p.count}</span>{tail}
                </p>
                <label class="sort">{t.sort}{" "}
                    <select data-testid="sort" onchange={on_sort}>
                        <option value="relevance" selected={p.view.sort == Sort::Relevance}>{p.lang.sort_default(p.view.query.trim().is_empty())}</option>
                        <option value="date" selected={p.view.sort == Sort::Oldest}>{t.sort_oldest}</option>
                        <option value="newest" selected={p.view.sort == Sort::Newest}>{t.sort_newest}</option>
                    </select>
                </label>
                {export_buttons(&ExportButtonsProps { index: p.index.clone(), derived: p.derived.clone(), view: p.view.clone(), lang: p.lang })}
                <button type="button" data-testid="copy-link" onclick={copy_link}>{r.copy_link}</button>
                {shared}
            </div>
            if has_chips { <ul class="chips" aria-label={t.filters}>{chips}</ul> }
            {for empty}
            <ol class="result-list">{items}</ol>
            if more {
                <button type="button" class="more" onclick={on_more} data-testid="more">
                    {format!("{} ({} / {})", t.show_more, p.derived.hits.len(), p.derived.docs.len())}
                </button>
            }
        </section>
    }
}
