//! The results list: count, order, export, and one item per article with its snippets.

use yew::prelude::*;

use super::highlight::Highlighted;
use super::state::Action;
use super::{browser, Derived, IndexRef};
use crate::search::index::Field;
use crate::view::export;
use crate::view::i18n::Lang;
use crate::view::route::{Sort, ViewState};

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

/// Props for [`ResultList`].
#[derive(Properties, PartialEq)]
pub struct ResultListProps {
    /// The index.
    pub index: IndexRef,
    /// Derived results.
    pub derived: std::rc::Rc<Derived>,
    /// The view (for link targets).
    pub view: ViewState,
    /// Keyboard cursor.
    pub selected: Option<usize>,
    /// How many are shown.
    pub shown: usize,
    /// Language.
    pub lang: Lang,
    /// Actions.
    pub on_action: Callback<Action>,
    /// Number of results.
    pub count: usize,
}

/// The list.
#[component]
pub fn ResultList(p: &ResultListProps) -> Html {
    let ix = p.index.0;
    let t = p.lang.t();
    let on_sort = {
        let a = p.on_action.clone();
        Callback::from(move |e: Event| {
            if let Some(s) = e.target_dyn_into::<web_sys::HtmlSelectElement>() {
                a.emit(Action::Sort(if s.value() == "date" {
                    Sort::Date
                } else {
                    Sort::Relevance
                }));
            }
        })
    };
    let export_rows = {
        let d = p.derived.clone();
        move || {
            let items: Vec<(usize, usize, String)> = d
                .docs
                .iter()
                .map(|doc| {
                    let h = d.hits.iter().find(|h| h.doc == *doc);
                    let snip = h
                        .and_then(|h| h.snippets.first())
                        .map(|s| s.text.clone())
                        .unwrap_or_default();
                    (*doc, h.map(|h| h.count).unwrap_or(0), snip)
                })
                .collect();
            export::rows(ix.archive(), &items)
        }
    };
    let query = p.view.query.clone();
    let csv = {
        let rows = export_rows.clone();
        Callback::from(move |_| {
            browser::download(
                "archive-results.csv",
                "text/csv;charset=utf-8",
                &export::csv(&rows()),
            )
        })
    };
    let json = {
        let rows = export_rows.clone();
        Callback::from(move |_| {
            let value =
                serde_wasm_bindgen::to_value(&rows()).unwrap_or(wasm_bindgen::JsValue::NULL);
            let text = js_sys::JSON::stringify_with_replacer_and_space(
                &value,
                &wasm_bindgen::JsValue::NULL,
                &wasm_bindgen::JsValue::from(2),
            )
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_else(|| "[]".into());
            browser::download("archive-results.json", "application/json", &text);
        })
    };
    let md = {
        let rows = export_rows;
        let q = query.clone();
        Callback::from(move |_| {
            browser::download(
                "archive-results.md",
                "text/markdown;charset=utf-8",
                &export::markdown(&q, &rows()),
            )
        })
    };
    let items: Html = p
        .derived
        .hits
        .iter()
        .enumerate()
        .map(|(i, h)| {
            let a = &ix.archive().articles[h.doc];
            let mut target = p.view.clone();
            target.article = Some(a.id.clone());
            target.hit = 0;
            target.raw = false;
            let href = target.to_hash();
            let ranges_of = |f: Field| h.ranges.iter().find(|r| r.field == f).map(|r| r.ranges.clone()).unwrap_or_default();
            let is_open = p.view.article.as_deref() == Some(a.id.as_str());
            let class = classes!("result", (p.selected == Some(i)).then_some("selected"), is_open.then_some("open"));
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
            let why = (!h.breakdown.terms.is_empty()).then(|| {
                let rows: Html = h.breakdown.terms.iter().map(|ts| html! {
                    <li>{format!("{} × {} → tf {} · idf {} · {}", ts.term, ts.matches, fixed2(ts.weighted_tf), fixed2(ts.idf), fixed2(ts.score))}</li>
                }).collect();
                html! {
                    <details class="why">
                        <summary>{t.why}</summary>
                        <ul>{rows}
                            if h.breakdown.proximity > 0.0 { <li>{format!("proximity {}", fixed2(h.breakdown.proximity))}</li> }
                            <li>{format!("= {}", fixed2(h.breakdown.total))}</li>
                        </ul>
                    </details>
                }
            });
            html! {
                <li key={a.id.clone()} {class} data-testid="result" data-article-id={a.id.clone()}>
                    <a class="result-link" href={href} onclick={open} aria-current={is_open.then_some("true")}>
                        if let Some(k) = &a.kicker { <span class="kicker"><Highlighted text={k.clone()} ranges={ranges_of(Field::Kicker)} /></span> }
                        <span class="title"><Highlighted text={a.title.clone()} ranges={ranges_of(Field::Title)} /></span>
                        if let Some(s) = &a.subtitle { <span class="subtitle"><Highlighted text={s.clone()} ranges={ranges_of(Field::Subtitle)} /></span> }
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
        })
        .collect();
    let more = p.derived.docs.len() > p.derived.hits.len();
    let on_more = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::More))
    };
    html! {
        <section id="results" class="results" aria-labelledby="results-heading">
            <div class="results-head">
                <h2 id="results-heading" class="visually-hidden">{t.results}</h2>
                <p class="count-line" role="status" aria-live="polite">
                    <span data-testid="result-count">{p.count}</span>{" "}{t.results_suffix}
                </p>
                <label class="sort">{t.sort}{" "}
                    <select data-testid="sort" onchange={on_sort}>
                        <option value="relevance" selected={p.view.sort == Sort::Relevance}>{t.sort_relevance}</option>
                        <option value="date" selected={p.view.sort == Sort::Date}>{t.sort_date}</option>
                    </select>
                </label>
                <span class="export" role="group" aria-label={t.export}>
                    <span class="export-label">{t.export}</span>
                    <button type="button" data-testid="export-csv" onclick={csv}>{"CSV"}</button>
                    <button type="button" data-testid="export-json" onclick={json}>{"JSON"}</button>
                    <button type="button" data-testid="export-md" onclick={md}>{"Markdown"}</button>
                </span>
            </div>
            if p.count == 0 {
                <p class="empty">{t.no_results}</p>
            }
            <ol class="result-list">{items}</ol>
            if more {
                <button type="button" class="more" onclick={on_more} data-testid="more">
                    {format!("{} ({} / {})", if p.lang == Lang::Zh { "显示更多" } else { "Show more" }, p.derived.hits.len(), p.derived.docs.len())}
                </button>
            }
        </section>
    }
}
