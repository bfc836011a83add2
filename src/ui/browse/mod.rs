//! Browsing like a newspaper: the archive's summary line ([`shelf_bar`]), and the browse pane
//! ([`BrowsePane`]) with a calendar of editions ([`calendar`]), an edition's pages and a page's
//! articles ([`pages`]). Every move is a link to a URL hash, so Back and shared links work.

mod calendar;
mod pages;

use std::sync::OnceLock;

use yew::prelude::*;

use super::IndexRef;
use crate::search::Index;
use crate::view::browse::{Browse, Shelf};
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

static SHELF: OnceLock<Shelf<'static>> = OnceLock::new();

/// The archive arranged as editions and pages, built once.
pub fn shelf(ix: &'static Index) -> &'static Shelf<'static> {
    SHELF.get_or_init(|| Shelf::new(ix.archive()))
}

/// The hash of `v` showing `b` (no mark, no open article unless `article` is given).
pub fn href(v: &ViewState, b: Option<Browse>, article: Option<String>) -> String {
    ViewState {
        browse: b,
        mark: None,
        article,
        hit: 0,
        raw: false,
        ..v.clone()
    }
    .to_hash()
}

/// A link, or a disabled button in its place when there is nowhere to go.
pub fn nav_link(to: Option<String>, text: &'static str, id: &'static str) -> Html {
    match to {
        Some(h) => html! { <a class="btn" href={h} data-testid={id}>{text}</a> },
        None => html! { <button type="button" disabled=true data-testid={id}>{text}</button> },
    }
}

/// The line saying what the archive is, with the way into the calendar.
pub fn shelf_bar(index: IndexRef, v: &ViewState, lang: Lang) -> Html {
    let s = shelf(index.0);
    html! {
        <p class="shelf-bar">
            <span data-testid="archive-summary">{lang.summary(&s.summary())}</span>
            {" "}
            <a href={href(v, Some(Browse::Calendar(None, None)), None)} data-testid="browse-link">{lang.b().browse}</a>
        </p>
    }
}

/// Props for [`BrowsePane`].
#[derive(Properties, PartialEq)]
pub struct BrowsePaneProps {
    /// The index.
    pub index: IndexRef,
    /// The view (its `browse` is set).
    pub view: ViewState,
    /// Language.
    pub lang: Lang,
}

/// The pane: calendar, edition or page.
#[component]
pub fn BrowsePane(p: &BrowsePaneProps) -> Html {
    let s = shelf(p.index.0);
    // A new view starts at its top, or at the marked article.
    use_effect_with((p.view.browse.clone(), p.view.mark.clone()), |(_, mark)| {
        let sel = if mark.is_some() {
            ".browse .marked"
        } else {
            ".browse"
        };
        if let Ok(Some(el)) = gloo::utils::document().query_selector(sel) {
            if mark.is_some() {
                super::browser::scroll_into_view(sel);
            } else {
                el.set_scroll_top(0);
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
    let body = match &p.view.browse {
        Some(Browse::Calendar(y, m)) => calendar::calendar(s, &p.view, *y, *m, p.lang),
        Some(Browse::Edition(d, paper)) => match s.find_edition(d.as_deref(), paper.as_deref()) {
            Some(e) => pages::edition(s, &p.view, e, p.lang),
            None => not_found(&p.view, p.lang),
        },
        Some(Browse::Page(f)) => match s.page_by_file(f) {
            Some(pg) => pages::page(s, &p.view, pg, p.lang),
            None => not_found(&p.view, p.lang),
        },
        None => Html::default(),
    };
    html! {
        <section class="results browse" aria-label={p.lang.b().nav}>{body}</section>
    }
}

fn not_found(v: &ViewState, lang: Lang) -> Html {
    html! {
        <div data-testid="browse-missing">
            <p class="empty">{lang.b().not_found}</p>
            <a href={href(v, Some(Browse::Calendar(None, None)), None)}>{lang.b().calendar}</a>
        </div>
    }
}

/// The way back up: results › calendar › edition.
pub fn crumbs(s: &Shelf, v: &ViewState, edition: Option<usize>, lang: Lang) -> Html {
    let ed = edition.and_then(|e| s.editions.get(e));
    let cal = Browse::Calendar(
        ed.and_then(|e| e.ymd).map(|d| d.0),
        ed.and_then(|e| e.ymd).map(|d| d.1),
    );
    let on_page = matches!(v.browse, Some(Browse::Page(_)));
    let ed_link = ed.filter(|_| on_page).map(|e| {
        let b = Browse::Edition(e.date.map(str::to_string), e.paper.map(str::to_string));
        html! {
            <>{" › "}<a href={href(v, Some(b), None)} data-testid="crumb-edition">{edition_name(e.paper, e.date, lang)}</a></>
        }
    });
    html! {
        <nav class="crumbs" aria-label={lang.b().nav}>
            <a href={href(v, None, None)}>{lang.t().back_to_results}</a>
            {" › "}
            <a href={href(v, Some(cal), None)} data-testid="crumb-calendar">{lang.b().calendar}</a>
            {for ed_link}
        </nav>
    }
}

/// `人民日报 2020-02-05`, with placeholders for what is unknown.
pub fn edition_name(paper: Option<&str>, date: Option<&str>, lang: Lang) -> String {
    [lang.paper(paper), date.unwrap_or(lang.t().undated)].join(" ")
}
