//! The calendar of editions: pick a year, then a month; each day with an edition is a link to
//! it, other days are plain text (not focusable). Undated editions are listed below.

use yew::prelude::*;

use super::{crumbs, edition_name, href, link, E};
use crate::archive::date::days_in_month;
use crate::view::browse::{weekday, Browse, Shelf};
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

fn edition_href(s: &Shelf, v: &ViewState, e: usize) -> String {
    let ed = &s.editions[e];
    let b = Browse::Edition(ed.date.map(str::to_string), ed.paper.map(str::to_string));
    href(v, Some(b), None)
}

/// An item of a picker: a link (marked when current) or, with nothing to show, plain text.
#[inline(never)]
fn pick(to: Option<String>, text: String, current: bool, id: &'static str, title: String) -> Html {
    let kid = match to {
        Some(h) => E::new("a")
            .attr("href", h)
            .id(id)
            .attr("title", title)
            .tf("aria-current", current),
        None => E::new("span").class("off"),
    };
    E::new("li").el(kid.text(text)).html()
}

/// The calendar at `year`/`month` (unset: the first with editions).
pub fn calendar(
    s: &Shelf,
    v: &ViewState,
    year: Option<i32>,
    month: Option<u32>,
    lang: Lang,
) -> Html {
    let b = lang.b();
    let cal = |y: i32, m: Option<u32>| href(v, Some(Browse::Calendar(Some(y), m)), None);
    let mut kids = vec![
        crumbs(s, v, None, lang),
        E::new("h2").text(b.calendar).html(),
    ];
    if let Some((y, m)) = s.calendar_at(year, month) {
        let years = s
            .years()
            .into_iter()
            .map(|(yy, n)| {
                pick(
                    Some(cal(yy, None)),
                    lang.year(yy),
                    yy == y,
                    "cal-year",
                    lang.count(n, 0),
                )
            })
            .collect();
        let months = s
            .months(y)
            .iter()
            .zip(1..)
            .map(|(n, mm)| {
                let to = (*n > 0).then(|| cal(y, Some(mm)));
                pick(to, lang.month(mm), mm == m, "cal-month", lang.count(*n, 0))
            })
            .collect();
        let mut days: Vec<Html> = b
            .weekdays
            .iter()
            .map(|w| {
                E::new("li")
                    .class("wd")
                    .attr("aria-hidden", "true")
                    .text(*w)
                    .html()
            })
            .collect();
        days.extend((0..weekday(y, m, 1)).map(|_| E::new("li").html()));
        let mut eds = s.month(y, m).into_iter().peekable();
        for d in 1..=days_in_month(y, m) {
            // One link per edition of the day (several papers): the day, then dots.
            let mut links = Vec::new();
            while let Some((_, e)) = eds.next_if(|x| x.0 == d) {
                let ed = &s.editions[e];
                links.push(
                    E::new("a")
                        .attr("href", edition_href(s, v, e))
                        .id("cal-day")
                        .attr("data-day", ed.date.unwrap_or_default().to_string())
                        .attr("title", edition_name(ed.paper, ed.date, lang))
                        .text(if links.is_empty() {
                            d.to_string()
                        } else {
                            "•".into()
                        })
                        .html(),
                );
            }
            let on = !links.is_empty();
            if !on {
                links.push(E::new("span").class("off").text(d.to_string()).html());
            }
            days.push(
                E::new("li")
                    .class(if on { "on" } else { "" })
                    .kids(links)
                    .html(),
            );
        }
        kids.extend([
            E::new("ol").class("cal-years").kids(years).html(),
            E::new("ol").class("cal-months").kids(months).html(),
            E::new("h3")
                .text([lang.year(y), lang.month(m)].join(" "))
                .html(),
            E::new("ol").class("cal-days").kids(days).html(),
        ]);
    }
    let undated = s.undated();
    if !undated.is_empty() {
        let items = undated
            .iter()
            .map(|e| {
                let ed = &s.editions[*e];
                E::new("li")
                    .kid(link(
                        edition_href(s, v, *e),
                        edition_name(ed.paper, None, lang).into(),
                        "cal-undated",
                    ))
                    .text(" · ")
                    .text(lang.count(ed.end - ed.start, 1))
                    .html()
            })
            .collect();
        kids.push(E::new("h3").text(b.undated_editions).html());
        kids.push(E::new("ul").class("cal-undated").kids(items).html());
    }
    E::new("div")
        .class("calendar")
        .id("calendar")
        .kids(kids)
        .html()
}
