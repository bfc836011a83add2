//! The reader's text: headline block, details, and body, with every match numbered in reading
//! order and names underlined on request.

use yew::prelude::*;

use crate::archive::EntityKind;
use crate::search::index::Field;
use crate::search::Hit;
use crate::ui::highlight::Highlighted;
use crate::ui::IndexRef;
use crate::view::i18n::Lang;
use crate::view::sort_by_key;

/// A name to underline: byte range, CSS class, the entity's name.
type Under = (usize, usize, &'static str, AttrValue);

/// What [`reader_text`] shows.
pub struct ReaderTextProps<'a> {
    /// The index.
    pub index: IndexRef,
    /// The open article.
    pub doc: usize,
    /// Its matches.
    pub hit: Option<&'a Hit>,
    /// The current hit (0-based).
    pub current: usize,
    /// Underline names.
    pub underline: bool,
    /// The original layout is shown beside (adds a heading).
    pub raw: bool,
    /// Language.
    pub lang: Lang,
}

/// The repaired text of the open article.
pub fn reader_text(p: &ReaderTextProps<'_>) -> Html {
    let ix: &crate::search::Index = &p.index;
    let t = p.lang.t();
    let d = p.doc;
    let Some(a) = ix.archive().articles.get(d) else {
        return Html::default();
    };
    // Number the marks in reading order (the order of `Article::texts`).
    let mut next_number = 0usize;
    let mut marks = |f: Field, i: u32| -> (Vec<(usize, usize)>, usize) {
        let r = p
            .hit
            .and_then(|h| h.ranges.iter().find(|r| r.field == f && r.index == i))
            .map(|r| r.ranges.clone())
            .unwrap_or_default();
        let first = next_number;
        next_number += r.len();
        (r, first)
    };
    let cur = Some(p.current);
    // Name underlines per text (title = None, paragraph = Some(i)), when switched on.
    let under = |para: Option<u32>| -> Vec<Under> {
        if !p.underline {
            return Vec::new();
        }
        let mut v: Vec<Under> = ix
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
                    EntityKind::Person => "ent-person",
                    EntityKind::Place => "ent-place",
                    EntityKind::Org => "ent-org",
                };
                (s, e, class, AttrValue::from(n))
            })
            .collect();
        // By start; at the same start the longer name first.
        sort_by_key(&mut v, |u| {
            (u.0.min(u32::MAX as usize) as u64) << 32
                | (u32::MAX as usize - u.1.min(u32::MAX as usize)) as u64
        });
        v
    };
    let mut head: Vec<Html> = Vec::new();
    if let Some(k) = &a.kicker {
        let (r, f) = marks(Field::Kicker, 0);
        head.push(html! { <p class="kicker"><Highlighted text={k.clone()} ranges={r} first={f} current={cur} /></p> });
    }
    let (r, f) = marks(Field::Title, 0);
    head.push(html! { <h2 class="title" id="reader-title" tabindex="-1"><Highlighted text={a.title.clone()} ranges={r} first={f} current={cur} under={under(None)} /></h2> });
    if let Some(s) = &a.subtitle {
        let (r, f) = marks(Field::Subtitle, 0);
        head.push(html! { <p class="subtitle"><Highlighted text={s.clone()} ranges={r} first={f} current={cur} /></p> });
    }
    if let Some(c) = a.column.as_ref().filter(|c| !c.is_empty()) {
        let (r, f) = marks(Field::Column, 0);
        head.push(html! { <p class="column" data-testid="column" title={t.column}><Highlighted text={c.clone()} ranges={r} first={f} current={cur} /></p> });
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
    let intertitle = |text: &String, (r, f): (Vec<(usize, usize)>, usize)| {
        html! { <h3 class="intertitle"><Highlighted text={text.clone()} ranges={r} first={f} current={cur} /></h3> }
    };
    for (pi, para) in a.paragraphs.iter().enumerate() {
        for (ti, it) in a.intertitles.iter().enumerate() {
            if it.before as usize == pi {
                body.push(intertitle(&it.text, marks(Field::Intertitle, ti as u32)));
            }
        }
        let (r, f) = marks(Field::Body, pi as u32);
        let numbers: Vec<String> = para.lines.iter().map(|l| l.to_string()).collect();
        let joined = para.lines.len() > 1;
        body.push(html! {
            <p class={classes!("para", joined.then_some("joined"))} data-lines={numbers.join(",")}
               title={joined.then(|| format!("{} {}", t.repaired_break, numbers.join("+")))}>
                <Highlighted text={para.text.clone()} ranges={r} first={f} current={cur} under={under(Some(pi as u32))} />
            </p>
        });
    }
    for (ti, it) in a.intertitles.iter().enumerate() {
        if it.before as usize >= a.paragraphs.len() {
            body.push(intertitle(&it.text, marks(Field::Intertitle, ti as u32)));
        }
    }
    for (ci, c) in a.photo_credits.iter().enumerate() {
        let (r, f) = marks(Field::Credit, ci as u32);
        body.push(html! { <p class="credit"><Highlighted text={c.clone()} ranges={r} first={f} current={cur} /></p> });
    }
    html! {
        <div class="repaired">
            if p.raw { <h3 class="col-head">{t.repaired_heading}</h3> }
            <header class="headline">{for head}</header>
            <dl class="meta-list">
                <dt>{t.date}</dt><dd>{a.date.clone().unwrap_or_else(|| t.undated.to_string())}</dd>
                <dt>{t.kind}</dt><dd>{p.lang.kind(a.kind)}</dd>
                if let Some(dl) = &a.dateline { <dt>{t.dateline}</dt><dd>{dl.clone()}</dd> }
                if !a.figures.is_empty() { <dt>{t.figures}</dt><dd>{a.figures.join("、")}</dd> }
                <dt>{t.source}</dt><dd>{format!("{} · {}–{}", a.source.file, a.source.line, a.source.end_line)}</dd>
            </dl>
            <div class="body">{for body}</div>
        </div>
    }
}
