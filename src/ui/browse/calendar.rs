//! The calendar of editions: pick a year, then a month; each day with an edition is a link to
//! it, other days are plain text (not focusable). Undated editions are listed below.

use yew::prelude::*;

use super::{crumbs, edition_name, el, href, link, tx};
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
        Some(h) => el(
            "a",
            &["href", "data-testid", "title", "aria-current"],
            vec![
                h.into(),
                id.into(),
                title.into(),
                if current { "true" } else { "false" }.into(),
            ],
            vec![tx(text)],
        ),
        None => el("span", &["class"], vec!["off".into()], vec![tx(text)]),
    };
    el("li", &[], vec![], vec![kid])
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
        el("h2", &[], vec![], vec![tx(b.calendar)]),
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
                el(
                    "li",
                    &["class", "aria-hidden"],
                    vec!["wd".into(), "true".into()],
                    vec![tx(*w)],
                )
            })
            .collect();
        days.extend((0..weekday(y, m, 1)).map(|_| el("li", &[], vec![], vec![])));
        let mut eds = s.month(y, m).into_iter().peekable();
        for d in 1..=days_in_month(y, m) {
            // One link per edition of the day (several papers): the day, then dots.
            let mut links = Vec::new();
            while let Some((_, e)) = eds.next_if(|x| x.0 == d) {
                let ed = &s.editions[e];
                links.push(el(
                    "a",
                    &["href", "data-testid", "data-day", "title"],
                    vec![
                        edition_href(s, v, e).into(),
                        "cal-day".into(),
                        ed.date.unwrap_or_default().to_string().into(),
                        edition_name(ed.paper, ed.date, lang).into(),
                    ],
                    vec![tx(if links.is_empty() {
                        d.to_string()
                    } else {
                        "•".into()
                    })],
                ));
            }
            let on = !links.is_empty();
            if !on {
                links.push(el(
                    "span",
                    &["class"],
                    vec!["off".into()],
                    vec![tx(d.to_string())],
                ));
            }
            days.push(el(
                "li",
                &["class"],
                vec![if on { "on" } else { "" }.into()],
                links,
            ));
        }
        kids.extend([
            el("ol", &["class"], vec!["cal-years".into()], years),
            el("ol", &["class"], vec!["cal-months".into()], months),
            el(
                "h3",
                &[],
                vec![],
                vec![tx([lang.year(y), lang.month(m)].join(" "))],
            ),
            el("ol", &["class"], vec!["cal-days".into()], days),
        ]);
    }
    let undated = s.undated();
    if !undated.is_empty() {
        let items = undated
            .iter()
            .map(|e| {
                let ed = &s.editions[*e];
                el(
                    "li",
                    &[],
                    vec![],
                    vec![
                        link(
                            edition_href(s, v, *e),
                            edition_name(ed.paper, None, lang).into(),
                            "cal-undated",
                        ),
                        tx(" · "),
                        tx(lang.count(ed.end - ed.start, 1)),
                    ],
                )
            })
            .collect();
        kids.push(el("h3", &[], vec![], vec![tx(b.undated_editions)]));
        kids.push(el("ul", &["class"], vec!["cal-undated".into()], items));
    }
    el(
        "div",
        &["class", "data-testid"],
        vec!["calendar".into(), "calendar".into()],
        kids,
    )
}
