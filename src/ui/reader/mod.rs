//! The reader: one article with every match highlighted, hit navigation, the original layout
//! beside the repaired text, and citations: [`toolbar`], [`text`] (headline block, details,
//! body) and [`cite`], view functions (see [`crate::ui`] for why not components).

mod cite;
mod text;
mod toolbar;

use yew::prelude::*;

use super::dom::{click, E};
use super::state::Action;
use super::{browser, IndexRef};
use crate::search::Hit;
use crate::view::i18n::Lang;
use crate::view::route::ViewState;
use cite::{cite_footer, CiteFooterProps};
use text::{reader_text, ReaderTextProps};
use toolbar::{reader_bar, ReaderBarProps};

/// What [`reader`] shows.
pub struct ReaderProps {
    /// The index.
    pub index: IndexRef,
    /// The open article.
    pub doc: Option<usize>,
    /// Its matches.
    pub hit: Option<Hit>,
    /// The view.
    pub view: ViewState,
    /// Language.
    pub lang: Lang,
    /// The listed articles (for previous / next).
    pub docs: Vec<usize>,
    /// Actions.
    pub on_action: Callback<Action>,
    /// A message to show.
    pub toast: Option<String>,
    /// Why the printed lines are not there yet (sharded: loading, or what went wrong).
    pub lines_note: Option<AttrValue>,
}

/// The reader's effects (in the explorer: the reader is a view function): a newly opened
/// article takes the focus on its title (screen readers read it), and the current hit scrolls
/// into view whenever it or the article changes.
#[hook]
pub fn use_reader_effects(doc: Option<usize>, current: usize, raw: bool) {
    use_effect_with(doc, |doc| {
        if doc.is_some() {
            browser::focus("#reader-title");
        }
    });
    use_effect_with((doc, current, raw), move |(doc, cur, _)| {
        if doc.is_some() {
            let cur = cur.to_string();
            browser::scroll_into_view(
                &["[data-testid=reader] mark[data-hit=\"", &cur, "\"]"].concat(),
            );
        }
    });
}

/// The current hit of `view` among `total` (0 when there is none).
pub fn current_hit(view: &ViewState, total: usize) -> usize {
    view.hit.min(total.saturating_sub(1))
}

/// A sharded archive fetches the printed lines when asked: until they arrive, say so.
#[cfg(sharded)]
fn lines_note(lines: &[Html], p: &ReaderProps) -> Html {
    if !lines.is_empty() {
        return Html::default();
    }
    E::new("p")
        .class("raw-note")
        .attr("role", "status")
        .id("raw-note")
        .text(match &p.lines_note {
            Some(e) => p.lang.shard_failed(e),
            None => p.lang.lines_loading().to_string(),
        })
        .html()
}

#[cfg(not(sharded))]
fn lines_note(_: &[Html], _: &ReaderProps) -> Html {
    Html::default()
}

/// The reader pane (a view function: see [`crate::ui`] on sizes; effects in
/// [`use_reader_effects`]).
pub fn reader(p: &ReaderProps) -> Html {
    let ix: &crate::search::Index = &p.index;
    let t = p.lang.t();
    let total = p.hit.as_ref().map(|h| h.count).unwrap_or(0);
    let current = current_hit(&p.view, total);
    let Some(d) = p.doc else {
        return E::new("section")
            .class("reader empty-reader")
            .attr("aria-label", t.pick_article)
            .el(E::new("p").text(t.pick_article))
            .html();
    };
    let a = &ix.archive().articles[d];
    let pos = p.docs.iter().position(|x| *x == d);
    let id_at = |i: usize| p.docs.get(i).map(|x| ix.archive().articles[*x].id.clone());
    let prev_id = pos.and_then(|i| i.checked_sub(1)).and_then(id_at);
    let next_id = pos.and_then(|i| id_at(i + 1));
    let page_href = crate::view::route::ViewState {
        browse: Some(crate::view::browse::Browse::Page(a.source.file.clone())),
        mark: Some(a.id.clone()),
        article: None,
        ..p.view.clone()
    }
    .to_hash();
    let raw = p.view.raw.then(|| {
        let lines: Vec<Html> = ix
            .archive()
            .raw_lines(a)
            .into_iter()
            .map(|(n, l)| {
                let n = n.to_string();
                E::new("div")
                    .class("raw-line")
                    .attr("data-line", n.clone())
                    .el(E::new("span")
                        .class("ln")
                        .attr("aria-hidden", "true")
                        .text(n))
                    .el(E::new("span").class("lt").text(l.to_string()))
                    .html()
            })
            .collect();
        E::new("section")
            .class("raw")
            .id("raw")
            .attr("aria-label", t.original_heading)
            .el(E::new("h3").text(t.original_heading))
            .kid(lines_note(&lines, p))
            .el(E::new("div").class("raw-lines").kids(lines))
            .html()
    });
    // A click on an underlined name filters the results by it.
    let name_click = {
        let a = p.on_action.clone();
        Callback::from(move |e: MouseEvent| {
            if let Some(name) = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| t.closest("[data-entity]").ok().flatten())
                .and_then(|el| el.get_attribute("data-entity"))
            {
                a.emit(Action::AddEntity(name));
            }
        })
    };
    let r = p.lang.r();
    let legend = p.view.underline.then(|| {
        let ent = |class: &'static str, text: &'static str| E::new("span").class(class).text(text);
        E::new("p")
            .class("legend")
            .id("legend")
            .text(r.legend)
            .el(ent("ent ent-person", t.people))
            .el(ent("ent ent-place", t.places))
            .el(ent("ent ent-org", t.orgs))
            .el(ent("legend-hint", r.filter_by_name))
            .html()
    });
    E::new("article")
        .class(if p.view.raw {
            "reader with-raw"
        } else {
            "reader"
        })
        .id("reader")
        .attr("data-article-id", a.id.clone())
        .attr("aria-labelledby", "reader-title")
        .kid(reader_bar(&ReaderBarProps {
            lang: p.lang,
            total,
            current,
            prev_id,
            next_id,
            underline: p.view.underline,
            raw: p.view.raw,
            on_action: p.on_action.clone(),
            page_href,
        }))
        .el(E::new("p")
            .class("visually-hidden")
            .attr("aria-live", "polite")
            .id("reader-announce")
            .text(r.opened)
            .text(a.title.clone()))
        .maybe(legend)
        .el(E::new("div")
            .class("reader-cols")
            .on(click(name_click))
            .kid(reader_text(&ReaderTextProps {
                index: p.index.clone(),
                doc: d,
                hit: p.hit.as_ref(),
                current,
                underline: p.view.underline,
                raw: p.view.raw,
                lang: p.lang,
            }))
            .maybe(raw))
        .kid(cite_footer(&CiteFooterProps {
            index: p.index.clone(),
            doc: d,
            lang: p.lang,
            toast: p.toast.clone(),
            on_action: p.on_action.clone(),
        }))
        .html()
}
