//! One result: headline link, details, snippets and why it matched.

use yew::prelude::*;

use crate::search::index::Field;
use crate::search::Hit;
use crate::ui::dom::{click, E};
use crate::ui::highlight::hl;
use crate::ui::state::Action;
use crate::ui::IndexRef;
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

/// Two decimals without the float formatting machinery (it would add kilobytes to the wasm).
fn fixed2(x: f32) -> String {
    if !x.is_finite() {
        return "–".into();
    }
    let c = (x.abs() * 100.0).round() as u64;
    let cents = (c % 100).to_string();
    [
        if x < 0.0 { "-" } else { "" },
        &(c / 100).to_string(),
        ".",
        if cents.len() < 2 { "0" } else { "" },
        &cents,
    ]
    .concat()
}

/// What [`result_item`] shows.
pub struct ResultItemProps<'a> {
    /// The index.
    pub index: IndexRef,
    /// The result.
    pub hit: &'a Hit,
    /// Its place in the list (from 0).
    pub rank: usize,
    /// The view (for the link target; the open article).
    pub view: &'a ViewState,
    /// Under the keyboard cursor.
    pub selected: bool,
    /// Language.
    pub lang: Lang,
    /// Actions.
    pub on_action: &'a Callback<Action>,
}

/// One item of the list.
pub fn result_item(p: &ResultItemProps<'_>) -> Html {
    let t = p.lang.t();
    let h = p.hit;
    let Some(a) = p.index.archive().articles.get(h.doc) else {
        return Html::default();
    };
    let href = ViewState {
        article: Some(a.id.clone()),
        hit: 0,
        raw: false,
        ..p.view.clone()
    }
    .to_hash();
    let ranges_of = |f: Field| {
        h.ranges
            .iter()
            .find(|r| r.field == f)
            .map(|r| r.ranges.clone())
            .unwrap_or_default()
    };
    let is_open = p.view.article.as_deref() == Some(a.id.as_str());
    let class = match (p.selected, is_open) {
        (true, true) => "result selected open",
        (true, false) => "result selected",
        (false, true) => "result open",
        _ => "result",
    };
    let open = {
        let a2 = p.on_action.clone();
        let id = a.id.clone();
        Callback::from(move |e: MouseEvent| {
            if e.ctrl_key() || e.meta_key() || e.shift_key() || e.button() != 0 {
                return;
            }
            e.prevent_default();
            a2.emit(Action::Open(id.clone()));
        })
    };
    let authors: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
    let snippets: Vec<Html> = h
        .snippets
        .iter()
        .map(|s| {
            let mut e = E::new("p").class("snippet").id("snippet");
            if s.cut_before {
                e = e.text("…");
            } else {
                e = e.kid(Html::default());
            }
            e = e.kid(hl(
                s.text.clone().into(),
                s.marks.clone(),
                None,
                None,
                Vec::new(),
            ));
            if s.cut_after {
                e = e.text("…");
            } else {
                e = e.kid(Html::default());
            }
            e.html()
        })
        .collect();
    // Where the matches are, in words, before the numbers.
    let (mut head_n, mut text_n, mut other_n, mut lead) = (0, 0, 0, false);
    for r in &h.ranges {
        let n = r.ranges.len();
        if r.field.is_headline() {
            head_n += n;
        } else if matches!(r.field, Field::Body | Field::Intertitle) {
            text_n += n;
            lead |= r.field == Field::Body && r.index == 0 && n > 0;
        } else {
            other_n += n;
        }
    }
    let words = crate::view::results::why_words(p.lang, head_n, text_n, other_n, lead);
    // A click anywhere on the card opens it (the title stays the link for keyboards).
    let card_click = {
        let a2 = p.on_action.clone();
        let id = a.id.clone();
        Callback::from(move |e: MouseEvent| {
            let inside_control = e
                .target_dyn_into::<web_sys::Element>()
                .and_then(|t| {
                    t.closest("a, button, summary, details, input")
                        .ok()
                        .flatten()
                })
                .is_some();
            if !inside_control && e.button() == 0 {
                a2.emit(Action::Open(id.clone()));
            }
        })
    };
    let why = (!h.breakdown.terms.is_empty()).then(|| {
        let li = |s: String| E::new("li").text(s).html();
        let mut rows: Vec<Html> = h
            .breakdown
            .terms
            .iter()
            .map(|ts| {
                li([
                    &ts.term,
                    " × ",
                    &ts.matches.to_string(),
                    " → tf ",
                    &fixed2(ts.weighted_tf),
                    " · idf ",
                    &fixed2(ts.idf),
                    " · ",
                    &fixed2(ts.score),
                ]
                .concat())
            })
            .collect();
        if h.breakdown.proximity > 0.0 {
            rows.push(li(
                [t.proximity, " ", &fixed2(h.breakdown.proximity)].concat()
            ));
        } else {
            rows.push(Html::default());
        }
        rows.push(li(["= ", &fixed2(h.breakdown.total)].concat()));
        E::new("details")
            .class("why")
            .id("why")
            .el(E::new("summary").text(t.why).el(E::new("span")
                .class("why-words")
                .id("why-words")
                .text(words)))
            .el(E::new("p")
                .class("why-numbers")
                .text(p.lang.r().why_numbers))
            .el(E::new("ul").kids(rows))
            .html()
    });
    let span = |class: &'static str, text: &str, f: Field| {
        E::new("span").class(class).kid(hl(
            text.to_string().into(),
            ranges_of(f),
            None,
            None,
            Vec::new(),
        ))
    };
    let mut link = E::new("a")
        .class("result-link")
        .attr("href", href)
        .on(click(open))
        .opt("aria-current", is_open.then_some("true".into()));
    if let Some(k) = &a.kicker {
        link = link.el(span("kicker", k, Field::Kicker));
    } else {
        link = link.kid(Html::default());
    }
    link = link.el(span("title", &a.title, Field::Title));
    if let Some(s) = &a.subtitle {
        link = link.el(span("subtitle", s, Field::Subtitle));
    } else {
        link = link.kid(Html::default());
    }
    if let Some(c) = a.column.as_ref().filter(|c| !c.is_empty()) {
        link = link.el(span("column", c, Field::Column)
            .id("column")
            .attr("title", t.column));
    } else {
        link = link.kid(Html::default());
    }
    let mut meta = E::new("p")
        .class("meta")
        .el(E::new("span")
            .class("date")
            .text(a.date.clone().unwrap_or_else(|| t.undated.to_string())))
        .el(E::new("span").class("kind").text(p.lang.kind(a.kind)));
    if !authors.is_empty() {
        meta = meta.el(E::new("span").class("authors").text(authors.join("、")));
    } else {
        meta = meta.kid(Html::default());
    }
    if h.count > 0 {
        meta = meta.el(E::new("span")
            .class("count")
            .id("hit-count")
            .text([h.count.to_string().as_str(), t.hits].join(" ")));
    } else {
        meta = meta.kid(Html::default());
    }
    E::new("li")
        .key(a.id.clone())
        .class(class)
        .id("result")
        .attr("data-article-id", a.id.clone())
        .attr("data-rank", p.rank.to_string())
        .on(click(card_click))
        .el(link)
        .el(meta)
        .kid(Html::from_iter(snippets))
        .maybe(why)
        .html()
}
