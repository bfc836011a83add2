//! Browsing like a newspaper: the archive's summary line ([`shelf_bar`]), and the browse pane
//! ([`browse_pane`]) with a calendar of editions ([`calendar`]), an edition's pages and a page's
//! articles ([`pages`]). Every move is a link to a URL hash, so Back and shared links work.

mod calendar;
mod pages;

use std::sync::OnceLock;

use yew::prelude::*;

pub use super::dom::{tx, E};
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

/// A link with text and a test id (`""`: none).
#[inline(never)]
pub fn link(href: String, text: AttrValue, id: &'static str) -> Html {
    let a = E::new("a").attr("href", href);
    let a = if id.is_empty() { a } else { a.id(id) };
    a.text(text).html()
}

/// A link, or a disabled button in its place when there is nowhere to go.
#[inline(never)]
pub fn nav_link(to: Option<String>, text: &'static str, id: &'static str) -> Html {
    match to {
        Some(h) => E::new("a").class("btn").attr("href", h).id(id),
        None => E::new("button")
            .attr("type", "button")
            .flag("disabled", true)
            .id(id),
    }
    .text(text)
    .html()
}

/// The line saying what the archive is, with the way into the calendar.
pub fn shelf_bar(index: IndexRef, v: &ViewState, lang: Lang) -> Html {
    let Some(s) = index.as_static().map(shelf) else {
        return Html::default();
    };
    E::new("p")
        .class("shelf-bar")
        .el(E::new("span")
            .id("archive-summary")
            .text(lang.summary(s.summary())))
        .kid(link(
            href(v, Some(Browse::Calendar(None, None)), None),
            lang.b().browse.into(),
            "browse-link",
        ))
        .html()
}

/// Scrolls a new browse view to its top, or to the marked article.
#[hook]
pub fn use_browse_scroll(v: &ViewState) {
    use_effect_with((v.browse.clone(), v.mark.clone()), |(_, mark)| {
        let sel = if mark.is_some() {
            ".browse .marked"
        } else {
            ".browse"
        };
        if let Ok(Some(el)) = gloo::utils::document().query_selector(sel) {
            if mark.is_some() {
                // Nearest: a marked article already in sight does not move the page.
                let opts = web_sys::ScrollIntoViewOptions::new();
                opts.set_block(web_sys::ScrollLogicalPosition::Nearest);
                el.scroll_into_view_with_scroll_into_view_options(&opts);
            } else {
                el.set_scroll_top(0);
                gloo::utils::window().scroll_to_with_x_and_y(0.0, 0.0);
            }
        }
    });
}

/// What a sharded archive's browse views show (see `ui::sharded`): the calendar of every
/// edition (from the head, without text), and the editions loaded for the current view.
pub struct ShardShelves {
    /// Every edition, one page each, no articles.
    pub calendar: &'static Shelf<'static>,
    /// The text chunks of the viewed edition and its neighbours.
    pub loaded: Option<std::rc::Rc<crate::archive::Archive>>,
    /// Still loading (or what went wrong).
    pub status: Option<String>,
    /// Why a page's printed lines are not there (a failed fetch).
    pub lines_note: Option<String>,
}

impl PartialEq for ShardShelves {
    fn eq(&self, o: &Self) -> bool {
        std::ptr::eq(self.calendar, o.calendar)
            && match (&self.loaded, &o.loaded) {
                (Some(a), Some(b)) => std::rc::Rc::ptr_eq(a, b),
                (a, b) => a.is_none() && b.is_none(),
            }
            && self.status == o.status
            && self.lines_note == o.lines_note
    }
}

/// The pane: calendar, edition or page (a view function: see [`crate::ui`] on sizes).
#[inline(never)]
pub fn browse_pane(
    index: IndexRef,
    shard: Option<&ShardShelves>,
    v: &ViewState,
    lang: Lang,
) -> Html {
    #[cfg(sharded)]
    let built: Shelf;
    let s = match index.as_static() {
        Some(ix) => shelf(ix),
        #[cfg(not(sharded))]
        None => {
            let _ = shard;
            return Html::default();
        }
        #[cfg(sharded)]
        None => {
            let Some(sh) = shard else {
                return Html::default();
            };
            match (&v.browse, &sh.loaded) {
                (Some(Browse::Calendar(..)), _) => sh.calendar,
                (_, Some(a)) if sh.status.is_none() => {
                    built = Shelf::new(a);
                    &built
                }
                _ => {
                    return E::new("section")
                        .class("results browse")
                        .el(E::new("p")
                            .class("empty")
                            .attr("role", "status")
                            .id("browse-loading")
                            .text(match sh.status.as_deref() {
                                Some("") | None => lang.browse_loading().to_string(),
                                Some(e) => lang.shard_failed(e),
                            }))
                        .html()
                }
            }
        }
    };
    let body = match &v.browse {
        Some(Browse::Calendar(y, m)) => calendar::calendar(s, v, *y, *m, lang),
        Some(Browse::Edition(d, paper)) => match s.find_edition(d.as_deref(), paper.as_deref()) {
            Some(e) => pages::edition(s, v, e, lang),
            None => not_found(v, lang),
        },
        Some(Browse::Page(f)) => match s.page_by_file(f) {
            Some(pg) => pages::page(s, v, pg, lang, shard.and_then(|x| x.lines_note.as_deref())),
            None => not_found(v, lang),
        },
        None => Html::default(),
    };
    E::new("section")
        .class("results browse")
        .attr("aria-label", lang.b().nav)
        .kid(body)
        .html()
}

fn not_found(v: &ViewState, lang: Lang) -> Html {
    E::new("p")
        .class("empty")
        .id("browse-missing")
        .text(lang.b().not_found)
        .text(" ")
        .kid(link(
            href(v, Some(Browse::Calendar(None, None)), None),
            lang.b().calendar.into(),
            "",
        ))
        .html()
}

/// The way back up: results › calendar (at the edition's month) › edition (from a page).
pub fn crumbs(s: &Shelf, v: &ViewState, edition: Option<usize>, lang: Lang) -> Html {
    let ed = edition.and_then(|e| s.editions.get(e));
    let ymd = ed.and_then(|e| e.ymd);
    let cal = Browse::Calendar(ymd.map(|d| d.0), ymd.map(|d| d.1));
    let mut kids = vec![
        link(href(v, None, None), lang.t().back_to_results.into(), ""),
        tx(" › ".into()),
        link(
            href(v, Some(cal), None),
            lang.b().calendar.into(),
            "crumb-calendar",
        ),
    ];
    if let (Some(e), Some(Browse::Page(_))) = (ed, &v.browse) {
        let b = Browse::Edition(e.date.map(str::to_string), e.paper.map(str::to_string));
        kids.push(tx(" › ".into()));
        kids.push(link(
            href(v, Some(b), None),
            edition_name(e.paper, e.date, lang).into(),
            "crumb-edition",
        ));
    }
    E::new("nav").class("crumbs").kids(kids).html()
}

/// `人民日报 2020-02-05`, with placeholders for what is unknown.
pub fn edition_name(paper: Option<&str>, date: Option<&str>, lang: Lang) -> String {
    [lang.paper(paper), date.unwrap_or(lang.t().undated)].join(" ")
}
