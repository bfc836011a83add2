//! An edition (its pages, each with its headlines) and a page (its articles in reading order,
//! in full, with previous / next page and edition). Article text is always rendered as text.

use yew::prelude::*;

use super::{crumbs, edition_name, href, nav_link};
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

/// One edition: its pages in order, each with its headlines.
pub fn edition(s: &Shelf, v: &ViewState, e: usize, lang: Lang) -> Html {
    let b = lang.b();
    let ed = &s.editions[e];
    let pages = s.pages_of(e);
    let n_articles: usize = pages.iter().map(|p| s.articles_of(*p).len()).sum();
    let items: Html = pages
        .iter()
        .map(|&pg| {
            let page = &s.archive().pages[pg];
            let titles: Html = s
                .articles_of(pg)
                .iter()
                .map(|&a| {
                    let a = &s.archive().articles[a];
                    html! { <li><a href={read_href(v, a)} data-article-id={a.id.clone()}>{a.title.clone()}</a></li> }
                })
                .collect();
            html! {
                <li class="ed-page" data-testid="edition-page">
                    <a class="ed-page-link" href={page_href(s, v, pg)}>{lang.page_label(page.page.as_deref())}</a>
                    {" · "}{lang.count(s.articles_of(pg).len(), 2)}
                    <ul>{titles}</ul>
                </li>
            }
        })
        .collect();
    html! {
        <div class="edition" data-testid="edition">
            {crumbs(s, v, Some(e), lang)}
            <h2>{edition_name(ed.paper, ed.date, lang)}</h2>
            <p class="pv-sub">{lang.count(pages.len(), 1)}{" · "}{lang.count(n_articles, 2)}</p>
            <nav class="pv-nav" aria-label={b.nav}>
                {nav_link(e.checked_sub(1).and_then(|p| edition_href(s, v, p)), b.prev_edition, "prev-edition")}
                {nav_link(edition_href(s, v, e + 1), b.next_edition, "next-edition")}
            </nav>
            <ol class="ed-pages">{items}</ol>
        </div>
    }
}

/// One article as printed on the page: headline block, byline, text.
fn article(v: &ViewState, a: &Article, lang: Lang) -> Html {
    let marked = v.mark.as_deref() == Some(a.id.as_str());
    let open = v.article.as_deref() == Some(a.id.as_str());
    let mut inter = a.intertitles.iter().peekable();
    let body: Html = a
        .paragraphs
        .iter()
        .enumerate()
        .map(|(i, p)| {
            let heads = std::iter::from_fn(|| inter.next_if(|t| t.before as usize <= i))
                .map(|t| html! { <h4 class="intertitle">{t.text.clone()}</h4> })
                .collect::<Html>();
            html! { <>{heads}<p class="para">{p.text.clone()}</p></> }
        })
        .collect();
    let byline = a.byline();
    html! {
        <article class={classes!("pv-art", marked.then_some("marked"), open.then_some("open"))}
            data-testid="page-article" data-article-id={a.id.clone()}>
            if marked { <p class="mark-label">{lang.b().marked}</p> }
            if let Some(k) = &a.kicker { <p class="kicker">{k.clone()}</p> }
            <h3 class="pv-title"><a href={read_href(v, a)}>{a.title.clone()}</a></h3>
            if let Some(s) = &a.subtitle { <p class="subtitle">{s.clone()}</p> }
            if !byline.is_empty() { <p class="byline">{byline}</p> }
            if let Some(n) = &a.editor_note { <p class="note">{n.clone()}</p> }
            {body}
            {for a.photo_credits.iter().map(|c| html! { <p class="credit">{c.clone()}</p> })}
        </article>
    }
}

/// The page's lines as printed, the marked article's lines highlighted.
fn raw_page(page: &Page, lines: Option<(u32, u32)>, lang: Lang) -> Html {
    let rows: Html = page
        .lines
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let n = i as u32 + 1;
            let on = lines.is_some_and(|(a, b)| (a..=b).contains(&n));
            html! { <div class={classes!("raw-line", on.then_some("marked"))}><span class="ln" aria-hidden="true">{n}</span><span class="lt">{l.clone()}</span></div> }
        })
        .collect();
    html! {
        <details class="pv-raw" data-testid="page-raw">
            <summary>{lang.t().original_layout}</summary>
            <div class="raw-lines">{rows}</div>
        </details>
    }
}

/// One page: its articles in reading order, in full.
pub fn page(s: &Shelf, v: &ViewState, pg: usize, lang: Lang) -> Html {
    let b = lang.b();
    let page = &s.archive().pages[pg];
    let e = s.edition_of(pg);
    let ed = e.and_then(|e| s.editions.get(e));
    let (prev, next) = s.prev_next_page(pg);
    let first_of = |e: usize| s.pages_of(e).first().map(|p| page_href(s, v, *p));
    let prev_ed = e.and_then(|e| e.checked_sub(1)).and_then(first_of);
    let next_ed = e.and_then(|e| first_of(e + 1));
    let arts = s.articles_of(pg);
    let marked_lines = arts
        .iter()
        .map(|a| &s.archive().articles[*a])
        .find(|a| v.mark.as_deref() == Some(a.id.as_str()))
        .map(|a| (a.source.line, a.source.end_line));
    let body: Html = arts
        .iter()
        .map(|a| article(v, &s.archive().articles[*a], lang))
        .collect();
    html! {
        <div class="page-view" data-testid="page-view" data-file={page.file.clone()}>
            {crumbs(s, v, e, lang)}
            <h2>{ed.map(|ed| edition_name(ed.paper, ed.date, lang)).unwrap_or_default()}{" · "}{lang.page_label(page.page.as_deref())}</h2>
            <nav class="pv-nav" aria-label={b.nav}>
                {nav_link(prev.map(|p| page_href(s, v, p)), b.prev_page, "prev-page")}
                {nav_link(next.map(|p| page_href(s, v, p)), b.next_page, "next-page")}
                {nav_link(prev_ed, b.prev_edition, "prev-edition")}
                {nav_link(next_ed, b.next_edition, "next-edition")}
            </nav>
            {body}
            {raw_page(page, marked_lines, lang)}
        </div>
    }
}
