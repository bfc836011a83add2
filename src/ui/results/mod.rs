//! The results list: count, order, [`export`], and one [`item::result_item`] per article.

mod export;
mod item;
pub mod window;

use yew::prelude::*;

use super::dom::{button, change, click, send, E};
use super::state::Action;
use super::{browser, Derived, IndexRef};
use crate::view::i18n::Lang;
use crate::view::results::{self as res, Filter};
use crate::view::route::{Sort, ViewState};
use export::{export_buttons, ExportButtonsProps};
use item::{result_item, ResultItemProps};

/// What [`result_list`] shows.
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
    pub shared: Option<Result<(), String>>,
    /// The rows to render (the rest are padding).
    pub window: window::ListWindow,
    /// Still being searched (see [`crate::ui::explorer::ExplorerProps::searching`]).
    #[cfg(sharded)]
    pub searching: Option<bool>,
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

/// Selects the link to copy by hand as soon as it shows (`show`), for [`result_list`].
#[hook]
pub fn use_select_link(show: bool) {
    use_effect_with(show, |show| {
        if *show {
            browser::select("[data-testid=link-field]");
        }
    });
}

/// The list (a view function: see [`crate::ui`] on sizes; its effect in [`use_select_link`]).
pub fn result_list(p: &ResultListProps) -> Html {
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
    let rows = p.derived.listed();
    let (first, end) = p.window.clamp(rows);
    let items: Vec<Html> = (first..end)
        .filter_map(|i| Some((p.derived.hit(&p.index, i)?, i)))
        .map(|(h, i)| {
            result_item(&ResultItemProps {
                index: p.index.clone(),
                hit: h,
                rank: i,
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
    let chips: Vec<Html> = chip_list
        .into_iter()
        .map(|(f, label)| {
            E::new("li")
                .el(button("active-filter")
                    .class("chip")
                    .on(send(&p.on_action, remove(&f)))
                    .attr("aria-label", [r.remove_filter, &label].concat())
                    .text(label)
                    .text(" ×"))
                .html()
        })
        .collect();
    let copy_link = {
        let a = p.on_action.clone();
        let view = p.view.clone();
        Callback::from(move |_| {
            // The address bar shows the link copied (its replace may be pending).
            browser::flush_hash();
            let link = [browser::base_url(), view.to_hash()].concat();
            let a = a.clone();
            let l2 = link.clone();
            browser::copy_then(&link, move |ok| {
                a.emit(Action::Shared(Some(if ok { Ok(()) } else { Err(l2) })));
            });
        })
    };
    let shared = match &p.shared {
        Some(Ok(())) => E::new("span")
            .class("toast")
            .attr("role", "status")
            .id("link-copied")
            .text(t.copied)
            .html(),
        Some(Err(link)) => E::new("label")
            .class("link-field")
            .attr("role", "status")
            .text(r.copy_by_hand)
            .el(E::new("input")
                .flag("readonly", true)
                .id("link-field")
                .value(link.clone()))
            .html(),
        None => Html::default(),
    };
    // Nothing found: say what was searched, offer to drop the filters and similar terms.
    let p_text = |s: &'static str| E::new("p").text(s);
    let empty = (p.count == 0).then(|| {
        let q = p.view.query.trim().to_string();
        // A sharded archive's search still running, or paused: not found yet, and where.
        #[cfg(sharded)]
        if let (Some(paused), false) = (p.searching, q.is_empty()) {
            return E::new("div")
                .class("empty")
                .id("not-yet")
                .el(E::new("p").text(lang.shard_not_yet(&q, paused)))
                .html();
        }
        let suggestions = if q.is_empty() {
            Vec::new()
        } else {
            res::suggestions(ix, &q, 3)
        };
        let mut e = E::new("div").class("empty").id("no-results");
        e = if q.is_empty() {
            e.el(p_text(t.no_results))
        } else {
            e.el(p_text(r.nothing_for)
                .el(E::new("strong").text(q.clone()))
                .text(r.nothing_for_after))
        };
        if p.view.has_facets() {
            e = e.el(E::new("p").el(button("drop-filters")
                .on(send(&p.on_action, Action::ClearFacets))
                .text(r.without_filters)));
        } else {
            e = e.kid(Html::default());
        }
        if !suggestions.is_empty() {
            let tries = suggestions
                .into_iter()
                .map(|(s, n)| {
                    E::new("li")
                        .el(button("suggestion")
                            .class("linkish")
                            .on(send(&p.on_action, Action::Query(s.clone())))
                            .text(s))
                        .text([" (", &n.to_string(), ")"].concat())
                        .html()
                })
                .collect();
            e = e.kid(Html::from_iter([
                p_text(r.try_these).html(),
                E::new("ul").class("suggestions").kids(tries).html(),
            ]));
        } else {
            e = e.kid(Html::default());
        }
        if res::is_latin_query(&q) {
            e = e.el(p_text(r.latin_note).id("latin-note"));
        } else {
            e = e.kid(Html::default());
        }
        if !p.view.has_facets() {
            e = e.el(p_text(t.no_results));
        } else {
            e = e.kid(Html::default());
        }
        e.html()
    });
    let more = p.derived.docs.len() > p.derived.listed();
    let option = |value: &'static str, sort: Sort, text: &'static str| {
        E::new("option")
            .attr("value", value)
            .flag("selected", p.view.sort == sort)
            .text(text)
    };
    let mut out = E::new("section")
        .attr("id", "results")
        .class("results")
        .attr("aria-labelledby", "results-heading")
        .el(E::new("div")
            .class("results-head")
            .el(E::new("h2")
                .attr("id", "results-heading")
                .class("visually-hidden")
                .text(t.results))
            .el(E::new("p")
                .class("count-line")
                .attr("role", "status")
                .attr("aria-live", "polite")
                .id("results-heading")
                .el(E::new("span").id("result-count").text(p.count.to_string()))
                .text(tail))
            .el(E::new("label")
                .class("sort")
                .text(t.sort)
                .text(" ")
                .el(E::new("select")
                    .id("sort")
                    .on(change(on_sort))
                    .el(option(
                        "relevance",
                        Sort::Relevance,
                        p.lang.sort_default(p.view.query.trim().is_empty()),
                    ))
                    .el(option("date", Sort::Oldest, t.sort_oldest))
                    .el(option("newest", Sort::Newest, t.sort_newest))))
            .kid(export_buttons(&ExportButtonsProps {
                index: p.index.clone(),
                derived: p.derived.clone(),
                view: p.view.clone(),
                lang: p.lang,
            }))
            .el(button("copy-link").on(click(copy_link)).text(r.copy_link))
            .kid(shared));
    if has_chips {
        out = out.el(E::new("ul")
            .class("chips")
            .attr("aria-label", t.filters)
            .kids(chips));
    } else {
        out = out.kid(Html::default());
    }
    out = out
        .maybe(empty)
        .el(E::new("ol").class("result-list").kids(items));
    if more {
        let n = [p.derived.listed(), p.derived.docs.len()].map(|n| n.to_string());
        out = out.el(button("more")
            .class("more")
            .on(send(&p.on_action, Action::More))
            .text([t.show_more, " (", &n[0], " / ", &n[1], ")"].concat()));
    } else {
        out = out.kid(Html::default());
    }
    out.html()
}
