//! The reader: one article with every match highlighted, hit navigation, the original layout
//! beside the repaired text, and citations.

use yew::prelude::*;

use super::highlight::Highlighted;
use super::state::Action;
use super::{browser, IndexRef};
use crate::search::index::Field;
use crate::search::Hit;
use crate::view::cite;
use crate::view::i18n::Lang;
use crate::view::route::ViewState;

/// Props for [`Reader`].
#[derive(Properties, PartialEq)]
pub struct ReaderProps {
    /// The index.
    pub index: IndexRef,
    /// The open article.
    pub doc: Option<usize>,
    /// Its matches.
    pub hit: Option<Hit>,
    /// The view.
    pub view: ViewState,
    /// Language.
    pub lang: Lang,
    /// The listed articles (for previous / next).
    pub docs: Vec<usize>,
    /// Actions.
    pub on_action: Callback<Action>,
    /// A message to show.
    pub toast: Option<String>,
}

/// The reader pane.
#[component]
pub fn Reader(p: &ReaderProps) -> Html {
    let ix = p.index.0;
    let t = p.lang.t();
    let total = p.hit.as_ref().map(|h| h.count).unwrap_or(0);
    let current = if total > 0 {
        p.view.hit.min(total - 1)
    } else {
        0
    };
    // Scroll the current hit into view whenever it or the article changes.
    {
        let key = (p.doc, current, p.view.raw);
        use_effect_with(key, move |(doc, cur, _)| {
            if doc.is_some() {
                browser::scroll_into_view(&format!(
                    "[data-testid=reader] mark[data-hit=\"{cur}\"]"
                ));
            }
        });
    }
    let Some(d) = p.doc else {
        return html! {
            <section class="reader empty-reader" aria-label={t.pick_article}>
                <p>{t.pick_article}</p>
            </section>
        };
    };
    let a = &ix.archive().articles[d];
    let hit = p.hit.clone();
    // Number the marks in reading order.
    let mut next_number = 0usize;
    let mut marks = |f: Field, i: u32| -> (Vec<(usize, usize)>, usize) {
        let r = hit
            .as_ref()
            .and_then(|h| h.ranges.iter().find(|r| r.field == f && r.index == i))
            .map(|r| r.ranges.clone())
            .unwrap_or_default();
        let first = next_number;
        next_number += r.len();
        (r, first)
    };
    let cur = Some(current);
    // Name underlines per text (title = None, paragraph = Some(i)), when switched on.
    let under = |para: Option<u32>| -> Vec<(usize, usize, &'static str, AttrValue)> {
        if !p.view.underline {
            return Vec::new();
        }
        let mut v: Vec<(usize, usize, &'static str, AttrValue)> = ix
            .archive()
            .entities
            .iter()
            .flat_map(|e| {
                e.mentions
                    .iter()
                    .filter(move |m| m.article as usize == d && m.paragraph == para)
                    .map(move |m| (m.start as usize, m.end as usize, e.kind, e.name.clone()))
            })
            .map(|(s, e, k, n)| {
                let class = match k {
                    crate::archive::EntityKind::Person => "ent-person",
                    crate::archive::EntityKind::Place => "ent-place",
                    crate::archive::EntityKind::Org => "ent-org",
                };
                (s, e, class, AttrValue::from(n))
            })
            .collect();
        crate::view::sort_small(&mut v, |a, b| (a.0, b.1) < (b.0, a.1));
        v
    };
    let mut head: Vec<Html> = Vec::new();
    if let Some(k) = &a.kicker {
        let (r, f) = marks(Field::Kicker, 0);
        head.push(html! { <p class="kicker"><Highlighted text={k.clone()} ranges={r} first={f} current={cur} /></p> });
    }
    let (r, f) = marks(Field::Title, 0);
    head.push(html! { <h2 class="title" id="reader-title"><Highlighted text={a.title.clone()} ranges={r} first={f} current={cur} under={under(None)} /></h2> });
    if let Some(s) = &a.subtitle {
        let (r, f) = marks(Field::Subtitle, 0);
        head.push(html! { <p class="subtitle"><Highlighted text={s.clone()} ranges={r} first={f} current={cur} /></p> });
    }
    let byline = a.byline();
    if !byline.is_empty() {
        let (r, f) = marks(Field::Byline, 0);
        head.push(html! { <p class="byline"><Highlighted text={byline} ranges={r} first={f} current={cur} /></p> });
    }
    if let Some(n) = &a.editor_note {
        let (r, f) = marks(Field::EditorNote, 0);
        head.push(html! { <p class="editor-note"><Highlighted text={n.clone()} ranges={r} first={f} current={cur} /></p> });
    }
    let mut body: Vec<Html> = Vec::new();
    for (pi, para) in a.paragraphs.iter().enumerate() {
        for (ti, it) in a.intertitles.iter().enumerate() {
            if it.before as usize == pi {
                let (r, f) = marks(Field::Intertitle, ti as u32);
                body.push(html! { <h3 class="intertitle"><Highlighted text={it.text.clone()} ranges={r} first={f} current={cur} /></h3> });
            }
        }
        let (r, f) = marks(Field::Body, pi as u32);
        let lines = para
            .lines
            .iter()
            .map(|l| l.to_string())
            .collect::<Vec<_>>()
            .join(",");
        let joined = para.lines.len() > 1;
        body.push(html! {
            <p class={classes!("para", joined.then_some("joined"))} data-lines={lines}
               title={joined.then(|| format!("{} {}", if p.lang == Lang::Zh { "由分栏断行修复:行" } else { "Repaired column break: lines" }, para.lines.iter().map(|l| l.to_string()).collect::<Vec<_>>().join("+")))}>
                <Highlighted text={para.text.clone()} ranges={r} first={f} current={cur} under={under(Some(pi as u32))} />
            </p>
        });
    }
    for (ti, it) in a.intertitles.iter().enumerate() {
        if it.before as usize >= a.paragraphs.len() {
            let (r, f) = marks(Field::Intertitle, ti as u32);
            body.push(html! { <h3 class="intertitle"><Highlighted text={it.text.clone()} ranges={r} first={f} current={cur} /></h3> });
        }
    }
    for (ci, c) in a.photo_credits.iter().enumerate() {
        let (r, f) = marks(Field::Credit, ci as u32);
        body.push(html! { <p class="credit"><Highlighted text={c.clone()} ranges={r} first={f} current={cur} /></p> });
    }

    let pos = p.docs.iter().position(|x| *x == d);
    let prev_id = pos
        .and_then(|i| i.checked_sub(1))
        .and_then(|i| p.docs.get(i))
        .map(|x| ix.archive().articles[*x].id.clone());
    let next_id = pos
        .and_then(|i| p.docs.get(i + 1))
        .map(|x| ix.archive().articles[*x].id.clone());
    let go = |id: Option<String>| {
        let a = p.on_action.clone();
        Callback::from(move |_| {
            if let Some(id) = &id {
                a.emit(Action::Open(id.clone()));
            }
        })
    };
    let hit_nav = |delta: usize| {
        let a = p.on_action.clone();
        Callback::from(move |_| {
            if total > 0 {
                a.emit(Action::Hit((current + delta) % total));
            }
        })
    };
    let close = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::Close))
    };
    let toggle_under = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::ToggleUnderline))
    };
    let toggle_raw = {
        let a = p.on_action.clone();
        Callback::from(move |_| a.emit(Action::ToggleRaw))
    };
    let gbt = cite::gbt7714(ix.archive(), a);
    let plain = cite::plain(ix.archive(), a);
    let copy = |text: String| {
        let a = p.on_action.clone();
        let done = t.copied.to_string();
        Callback::from(move |_| {
            if browser::copy(&text) {
                a.emit(Action::Toast(Some(done.clone())));
            } else {
                // No clipboard (file://, old browser): select the citation text instead.
                browser::focus("[data-testid=citation-gbt]");
            }
        })
    };
    let raw = p.view.raw.then(|| {
        let lines: Html = ix
            .archive()
            .raw_lines(a)
            .into_iter()
            .map(|(n, l)| html! { <div class="raw-line" data-line={n.to_string()}><span class="ln" aria-hidden="true">{n}</span><span class="lt">{l.to_string()}</span></div> })
            .collect();
        html! {
            <section class="raw" data-testid="raw" aria-label={t.original_heading}>
                <h3>{t.original_heading}</h3>
                <div class="raw-lines">{lines}</div>
            </section>
        }
    });
    let meta = html! {
        <dl class="meta-list">
            <dt>{t.date}</dt><dd>{a.date.clone().unwrap_or_else(|| t.undated.to_string())}</dd>
            <dt>{t.kind}</dt><dd>{p.lang.kind(a.kind)}</dd>
            if let Some(dl) = &a.dateline { <dt>{if p.lang == Lang::Zh { "电头" } else { "Dateline" }}</dt><dd>{dl.clone()}</dd> }
            if !a.figures.is_empty() { <dt>{t.figures}</dt><dd>{a.figures.join("、")}</dd> }
            <dt>{t.source}</dt><dd>{format!("{} · {}–{}", a.source.file, a.source.line, a.source.end_line)}</dd>
        </dl>
    };
    html! {
        <article class={classes!("reader", p.view.raw.then_some("with-raw"))} data-testid="reader" data-article-id={a.id.clone()} aria-labelledby="reader-title">
            <div class="reader-bar" role="toolbar" aria-label={if p.lang == Lang::Zh { "阅读工具" } else { "Reader tools" }}>
                <button type="button" class="back" onclick={close.clone()} data-testid="close-reader">{"← "}{t.back}</button>
                <span class="hit-nav">
                    <button type="button" data-testid="prev-hit" onclick={hit_nav(total.saturating_sub(1))} disabled={total == 0} aria-label={t.prev_hit} title={format!("{} (N)", t.prev_hit)}>{"↑"}</button>
                    <span data-testid="hit-counter" aria-live="polite">{if total > 0 { format!("{} / {}", current + 1, total) } else { "0 / 0".to_string() }}</span>
                    <button type="button" data-testid="next-hit" onclick={hit_nav(1)} disabled={total == 0} aria-label={t.next_hit} title={format!("{} (n)", t.next_hit)}>{"↓"}</button>
                </span>
                <button type="button" data-testid="prev-article" onclick={go(prev_id.clone())} disabled={prev_id.is_none()}>{"‹ "}{t.prev_article}</button>
                <button type="button" data-testid="next-article" onclick={go(next_id.clone())} disabled={next_id.is_none()}>{t.next_article}{" ›"}</button>
                <button type="button" data-testid="entities-toggle" aria-pressed={p.view.underline.to_string()} onclick={toggle_under}>{t.underline_names}</button>
                <button type="button" data-testid="raw-toggle" aria-pressed={p.view.raw.to_string()} onclick={toggle_raw}>{t.original_layout}</button>
            </div>
            <div class="reader-cols">
                <div class="repaired">
                    if p.view.raw { <h3 class="col-head">{t.repaired_heading}</h3> }
                    <header class="headline">{for head}</header>
                    {meta}
                    <div class="body">{for body}</div>
                </div>
                {for raw}
            </div>
            <footer class="cite">
                <div class="cite-buttons">
                    <button type="button" data-testid="cite-gbt" onclick={copy(gbt.clone())}>{t.cite_gbt}</button>
                    <button type="button" data-testid="cite-plain" onclick={copy(plain.clone())}>{t.cite_plain}</button>
                    if let Some(msg) = &p.toast { <span class="toast" role="status">{msg.clone()}</span> }
                </div>
                <p class="citation" data-testid="citation-gbt" tabindex="0">{gbt}</p>
                <p class="citation" data-testid="citation-plain" tabindex="0">{plain}</p>
            </footer>
        </article>
    }
}
