//! One result: headline link, details, snippets and why it matched.

use yew::prelude::*;

use crate::search::index::Field;
use crate::search::Hit;
use crate::ui::highlight::Highlighted;
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
    format!(
        "{}{}.{:02}",
        if x < 0.0 { "-" } else { "" },
        c / 100,
        c % 100
    )
}

/// What [`result_item`] shows.
pub struct ResultItemProps<'a> {
    /// The index.
    pub index: IndexRef,
    /// The result.
    pub hit: &'a Hit,
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
    let class = classes!(
        "result",
        p.selected.then_some("selected"),
        is_open.then_some("open")
    );
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
    let snippets: Html = h
        .snippets
        .iter()
        .map(|s| {
            html! {
                <p class="snippet" data-testid="snippet">
                    if s.cut_before { {"…"} }
                    <Highlighted text={s.text.clone()} ranges={s.marks.clone()} />
                    if s.cut_after { {"…"} }
                </p>
            }
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
        let rows: Html = h.breakdown.terms.iter().map(|ts| html! {
            <li>{format!("{} × {} → tf {} · idf {} · {}", ts.term, ts.matches, fixed2(ts.weighted_tf), fixed2(ts.idf), fixed2(ts.score))}</li>
        }).collect();
        html! {
            <details class="why" data-testid="why">
                <summary>{t.why}<span class="why-words" data-testid="why-words">{words.clone()}</span></summary>
                <p class="why-numbers">{p.lang.r().why_numbers}</p>
                <ul>{rows}
                    if h.breakdown.proximity > 0.0 { <li>{format!("{} {}", t.proximity, fixed2(h.breakdown.proximity))}</li> }
                    <li>{format!("= {}", fixed2(h.breakdown.total))}</li>
                </ul>
            </details>
        }
    });
    html! {
        <li key={a.id.clone()} {class} data-testid="result" data-article-id={a.id.clone()} onclick={card_click}>
            <a class="result-link" href={href} onclick={open} aria-current={is_open.then_some("true")}>
                if let Some(k) = &a.kicker { <span class="kicker"><Highlighted text={k.clone()} ranges={ranges_of(Field::Kicker)} /></span> }
                <span class="title"><Highlighted text={a.title.clone()} ranges={ranges_of(Field::Title)} /></span>
                if let Some(s) = &a.subtitle { <span class="subtitle"><Highlighted text={s.clone()} ranges={ranges_of(Field::Subtitle)} /></span> }
                if let Some(c) = a.column.as_ref().filter(|c| !c.is_empty()) {
                    <span class="column" data-testid="column" title={t.column}><Highlighted text={c.clone()} ranges={ranges_of(Field::Column)} /></span>
                }
            </a>
            <p class="meta">
                <span class="date">{a.date.clone().unwrap_or_else(|| t.undated.to_string())}</span>
                <span class="kind">{p.lang.kind(a.kind)}</span>
                if !authors.is_empty() { <span class="authors">{authors.join("、")}</span> }
                if h.count > 0 { <span class="count" data-testid="hit-count">{format!("{} {}", h.count, t.hits)}</span> }
            </p>
            {snippets}
            {why}
        </li>
    }
}
