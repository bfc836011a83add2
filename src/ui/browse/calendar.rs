//! The calendar of editions: pick a year, then a month; each day with an edition is a link to
//! it, other days are plain text (not focusable). Undated editions are listed below.

use yew::prelude::*;

use super::{crumbs, edition_name, href};
use crate::view::browse::{weekday, Browse, Shelf};
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

fn edition_href(s: &Shelf, v: &ViewState, e: usize) -> String {
    let ed = &s.editions[e];
    let b = Browse::Edition(ed.date.map(str::to_string), ed.paper.map(str::to_string));
    href(v, Some(b), None)
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
    let grid = s.calendar_at(year, month).map(|(y, m)| {
        let years: Html = s
            .years()
            .into_iter()
            .map(|(yy, n)| {
                html! {
                    <li><a href={cal(yy, None)} aria-current={(yy == y).then_some("true")}
                        data-testid="cal-year" title={lang.count(n, 0)}>{lang.year(yy)}</a></li>
                }
            })
            .collect();
        let months: Html = s
            .months(y)
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mm = i as u32 + 1;
                html! {
                    <li>
                        if *n > 0 {
                            <a href={cal(y, Some(mm))} aria-current={(mm == m).then_some("true")}
                                data-testid="cal-month" title={lang.count(*n, 0)}>{lang.month(mm)}</a>
                        } else {
                            <span class="off">{lang.month(mm)}</span>
                        }
                    </li>
                }
            })
            .collect();
        let days = s.days(y, m);
        let blanks = (0..weekday(y, m, 1)).map(|_| html! { <li class="blank"></li> });
        let cells = days.iter().enumerate().map(|(i, eds)| {
            let d = i as u32 + 1;
            let links = eds.iter().enumerate().map(|(k, e)| {
                let ed = &s.editions[*e];
                let name = edition_name(ed.paper, ed.date, lang);
                html! {
                    <a href={edition_href(s, v, *e)} data-testid="cal-day" data-day={ed.date.unwrap_or_default().to_string()}
                        aria-label={name.clone()} title={name}>{if k == 0 { d.to_string() } else { "•".to_string() }}</a>
                }
            });
            html! {
                <li class={(!eds.is_empty()).then_some("on")}>
                    if eds.is_empty() { <span class="off">{d}</span> } else { {for links} }
                </li>
            }
        });
        let heads = b.weekdays.iter().map(|w| html! { <li class="wd" aria-hidden="true">{*w}</li> });
        html! {
            <>
                <ol class="cal-years">{years}</ol>
                <ol class="cal-months">{months}</ol>
                <h3>{lang.year(y)}{" "}{lang.month(m)}</h3>
                <ol class="cal-days">{for heads}{for blanks}{for cells}</ol>
            </>
        }
    });
    let undated = s.undated();
    let undated_list = (!undated.is_empty()).then(|| {
        let items: Html = undated
            .iter()
            .map(|e| {
                let ed = &s.editions[*e];
                html! {
                    <li><a href={edition_href(s, v, *e)} data-testid="cal-undated">{edition_name(ed.paper, None, lang)}</a>
                        {" · "}{lang.count(ed.end - ed.start, 1)}</li>
                }
            })
            .collect();
        html! {
            <>
                <h3>{b.undated_editions}</h3>
                <ul class="cal-undated">{items}</ul>
            </>
        }
    });
    html! {
        <div class="calendar" data-testid="calendar">
            {crumbs(s, v, None, lang)}
            <h2>{b.calendar}</h2>
            {for grid}
            {for undated_list}
        </div>
    }
}
