//! An edition (its pages, each with its headlines) and a page (its articles in reading order,
//! in full, with previous / next page and edition). Article text is always rendered as text.

use yew::prelude::*;

use super::{crumbs, edition_name, href, link, nav_link, E};
use crate::archive::{Article, Page};
use crate::view::browse::{Browse, Shelf};
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

fn page_href(s: &Shelf, v: &ViewState, page: usize) -> String {
    let f = s.archive().pages[page].file.clone();
    href(v, Some(Browse::Page(f)), None)
}

fn edition_href(s: &Shelf, v: &ViewState, e: usize) -> Option<String> {
    let ed = s.editions.get(e)?;
    let b = Browse::Edition(ed.date.map(str::to_string), ed.paper.map(str::to_string));
    Some(href(v, Some(b), None))
}

/// Opens `a` in the reader, staying on this view.
fn read_href(v: &ViewState, a: &Article) -> String {
    href(v, v.browse.clone(), Some(a.id.clone()))
}

/// A paragraph-like element with a class and text.
#[inline(never)]
fn text_el(tag: &'static str, class: &'static str, text: &str) -> Html {
    E::new(tag).class(class).text(text.to_string()).html()
}

fn nav(kids: Vec<Html>, lang: Lang) -> Html {
    E::new("nav")
        .class("pv-nav")
        .attr("aria-label", lang.b().nav)
        .kids(kids)
        .html()
}

/// One edition: its pages in order, each with its headlines.
pub fn edition(s: &Shelf, v: &ViewState, e: usize, lang: Lang) -> Html {
    let b = lang.b();
    let ed = &s.editions[e];
    let pages = s.pages_of(e);
    let n_articles: usize = pages.iter().map(|p| s.articles_of(*p).len()).sum();
    let items = pages
        .iter()
        .map(|&pg| {
            let page = &s.archive().pages[pg];
            let arts = s.articles_of(pg);
            let titles = arts
                .iter()
                .map(|&a| {
                    let a = &s.archive().articles[a];
                    E::new("li")
                        .kid(link(read_href(v, a), a.title.clone().into(), ""))
                        .html()
                })
                .collect();
            E::new("li")
                .class("ed-page")
                .id("edition-page")
                .el(E::new("a")
                    .class("ed-page-link")
                    .attr("href", page_href(s, v, pg))
                    .text(lang.page_label(page.page.as_deref())))
                .text(" · ")
                .text(lang.count(arts.len(), 2))
                .el(E::new("ul").kids(titles))
                .html()
        })
        .collect();
    E::new("div")
        .class("edition")
        .id("edition")
        .kid(crumbs(s, v, Some(e), lang))
        .el(E::new("h2").text(edition_name(ed.paper, ed.date, lang)))
        .kid(text_el(
            "p",
            "pv-sub",
            &[lang.count(pages.len(), 1), lang.count(n_articles, 2)].join(" · "),
        ))
        .kid(nav(
            vec![
                nav_link(
                    e.checked_sub(1).and_then(|p| edition_href(s, v, p)),
                    b.prev_edition,
                    "prev-edition",
                ),
                nav_link(edition_href(s, v, e + 1), b.next_edition, "next-edition"),
            ],
            lang,
        ))
        .el(E::new("ol").class("ed-pages").kids(items))
        .html()
}

/// One article as printed on the page: headline block, byline, text with intertitles.
fn article(v: &ViewState, a: &Article, lang: Lang) -> Html {
    let marked = v.mark.as_deref() == Some(a.id.as_str());
    let open = v.article.as_deref() == Some(a.id.as_str());
    let mut kids = Vec::new();
    if marked {
        kids.push(text_el("p", "mark-label", lang.b().marked));
    }
    kids.extend(a.kicker.as_deref().map(|k| text_el("p", "kicker", k)));
    kids.push(
        E::new("h3")
            .class("pv-title")
            .kid(link(read_href(v, a), a.title.clone().into(), ""))
            .html(),
    );
    kids.extend(a.subtitle.as_deref().map(|k| text_el("p", "subtitle", k)));
    let byline = a.byline();
    if !byline.is_empty() {
        kids.push(text_el("p", "byline", &byline));
    }
    kids.extend(a.editor_note.as_deref().map(|k| text_el("p", "note", k)));
    let mut inter = a.intertitles.iter().peekable();
    for (i, p) in a.paragraphs.iter().enumerate() {
        while let Some(t) = inter.next_if(|t| t.before as usize <= i) {
            kids.push(text_el("h4", "intertitle", &t.text));
        }
        kids.push(text_el("p", "para", &p.text));
    }
    kids.extend(a.photo_credits.iter().map(|c| text_el("p", "credit", c)));
    let class = match (marked, open) {
        (true, true) => "pv-art marked open",
        (true, false) => "pv-art marked",
        (false, true) => "pv-art open",
        _ => "pv-art",
    };
    E::new("article")
        .class(class)
        .id("page-article")
        .attr("data-article-id", a.id.clone())
        .kids(kids)
        .html()
}

/// The page's lines as printed, the marked article's lines highlighted.
fn raw_page(page: &Page, lines: Option<(u32, u32)>, lang: Lang, note: Option<&str>) -> Html {
    // A sharded archive fetches the printed lines of a page viewed: until they arrive, say so.
    if page.lines.is_empty() {
        #[cfg(sharded)]
        return E::new("details")
            .class("pv-raw")
            .id("page-raw")
            .el(E::new("summary").text(lang.t().original_layout))
            .el(E::new("p")
                .class("raw-note")
                .attr("role", "status")
                .text(match note {
                    Some(e) => lang.shard_failed(e),
                    None => lang.lines_loading().to_string(),
                }))
            .html();
        #[cfg(not(sharded))]
        return {
            let _ = note;
            Html::default()
        };
    }
    let rows = page
        .lines
        .iter()
        .zip(1u32..)
        .map(|(l, n)| {
            let on = lines.is_some_and(|(a, b)| (a..=b).contains(&n));
            E::new("div")
                .class(if on { "raw-line marked" } else { "raw-line" })
                .kid(text_el("span", "ln", &n.to_string()))
                .kid(text_el("span", "lt", l))
                .html()
        })
        .collect();
    E::new("details")
        .class("pv-raw")
        .id("page-raw")
        .el(E::new("summary").text(lang.t().original_layout))
        .el(E::new("div").class("raw-lines").kids(rows))
        .html()
}

/// One page: its articles in reading order, in full.
pub fn page(s: &Shelf, v: &ViewState, pg: usize, lang: Lang, lines_note: Option<&str>) -> Html {
    let b = lang.b();
    let page = &s.archive().pages[pg];
    let e = s.edition_of(pg);
    let ed = e.and_then(|e| s.editions.get(e));
    let (prev, next) = s.prev_next_page(pg);
    let first_of = |e: usize| s.pages_of(e).first().map(|p| page_href(s, v, *p));
    let arts = s.articles_of(pg);
    let marked_lines = arts
        .iter()
        .map(|a| &s.archive().articles[*a])
        .find(|a| v.mark.as_deref() == Some(a.id.as_str()))
        .map(|a| (a.source.line, a.source.end_line));
    let title = [
        ed.map(|ed| edition_name(ed.paper, ed.date, lang))
            .unwrap_or_default(),
        lang.page_label(page.page.as_deref()),
    ]
    .join(" · ");
    let mut kids = vec![
        crumbs(s, v, e, lang),
        E::new("h2").text(title).html(),
        nav(
            vec![
                nav_link(prev.map(|p| page_href(s, v, p)), b.prev_page, "prev-page"),
                nav_link(next.map(|p| page_href(s, v, p)), b.next_page, "next-page"),
                nav_link(
                    e.and_then(|e| e.checked_sub(1)).and_then(first_of),
                    b.prev_edition,
                    "prev-edition",
                ),
                nav_link(
                    e.and_then(|e| first_of(e + 1)),
                    b.next_edition,
                    "next-edition",
                ),
            ],
            lang,
        ),
    ];
    kids.extend(
        arts.iter()
            .map(|a| article(v, &s.archive().articles[*a], lang)),
    );
    kids.push(raw_page(page, marked_lines, lang, lines_note));
    E::new("div")
        .class("page-view")
        .id("page-view")
        .attr("data-file", page.file.clone())
        .kids(kids)
        .html()
}
