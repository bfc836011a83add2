//! The reader's text: headline block, details, and body, with every match numbered in reading
//! order and names underlined on request.

use yew::prelude::*;

use crate::archive::EntityKind;
use crate::search::index::Field;
use crate::search::Hit;
use crate::ui::dom::E;
use crate::ui::highlight::hl;
use crate::ui::IndexRef;
use crate::view::i18n::Lang;
use crate::view::sort_by_key;

/// A name to underline: byte range, CSS class, the entity's name.
use crate::ui::highlight::Under;

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
    // A text in an element, its marks numbered.
    let block = |tag: &'static str,
                 class: &'static str,
                 text: &str,
                 (r, f): (Vec<(usize, usize)>, usize),
                 under: Vec<Under>| {
        E::new(tag)
            .class(class)
            .kid(hl(text.to_string().into(), r, Some(f), cur, under))
    };
    let mut head: Vec<Html> = Vec::new();
    if let Some(k) = &a.kicker {
        head.push(block("p", "kicker", k, marks(Field::Kicker, 0), Vec::new()).html());
    }
    let m = marks(Field::Title, 0);
    head.push(
        block("h2", "title", &a.title, m, under(None))
            .attr("id", "reader-title")
            .attr("tabindex", "-1")
            .html(),
    );
    if let Some(s) = &a.subtitle {
        head.push(block("p", "subtitle", s, marks(Field::Subtitle, 0), Vec::new()).html());
    }
    if let Some(c) = a.column.as_ref().filter(|c| !c.is_empty()) {
        head.push(
            block("p", "column", c, marks(Field::Column, 0), Vec::new())
                .id("column")
                .attr("title", t.column)
                .html(),
        );
    }
    let byline = a.byline();
    if !byline.is_empty() {
        head.push(block("p", "byline", &byline, marks(Field::Byline, 0), Vec::new()).html());
    }
    if let Some(n) = &a.editor_note {
        let m = marks(Field::EditorNote, 0);
        head.push(block("p", "editor-note", n, m, Vec::new()).html());
    }
    let mut body: Vec<Html> = Vec::new();
    for (pi, para) in a.paragraphs.iter().enumerate() {
        for (ti, it) in a.intertitles.iter().enumerate() {
            if it.before as usize == pi {
                let m = marks(Field::Intertitle, ti as u32);
                body.push(block("h3", "intertitle", &it.text, m, Vec::new()).html());
            }
        }
        let m = marks(Field::Body, pi as u32);
        let numbers: Vec<String> = para.lines.iter().map(|l| l.to_string()).collect();
        let joined = para.lines.len() > 1;
        body.push(
            block(
                "p",
                if joined { "para joined" } else { "para" },
                &para.text,
                m,
                under(Some(pi as u32)),
            )
            .attr("data-lines", numbers.join(","))
            .opt(
                "title",
                joined.then(|| [t.repaired_break, &numbers.join("+")].join(" ").into()),
            )
            .html(),
        );
    }
    for (ti, it) in a.intertitles.iter().enumerate() {
        if it.before as usize >= a.paragraphs.len() {
            let m = marks(Field::Intertitle, ti as u32);
            body.push(block("h3", "intertitle", &it.text, m, Vec::new()).html());
        }
    }
    for (ci, c) in a.photo_credits.iter().enumerate() {
        let m = marks(Field::Credit, ci as u32);
        body.push(block("p", "credit", c, m, Vec::new()).html());
    }
    // A term and its description (one node: a row that comes and goes keeps its place).
    let row = |k: &'static str, v: String| {
        Html::from_iter([E::new("dt").text(k).html(), E::new("dd").text(v).html()])
    };
    let date = a.date.clone().unwrap_or_else(|| t.undated.to_string());
    let mut meta = E::new("dl")
        .class("meta-list")
        .kid(row(t.date, date))
        .kid(row(t.kind, p.lang.kind(a.kind).to_string()))
        .maybe(a.dateline.as_ref().map(|dl| row(t.dateline, dl.clone())))
        .maybe((!a.figures.is_empty()).then(|| row(t.figures, a.figures.join("、"))));
    let lines = [a.source.line, a.source.end_line]
        .map(|n| n.to_string())
        .join("–");
    meta = meta.kid(row(t.source, [a.source.file.as_str(), &lines].join(" · ")));
    E::new("div")
        .class("repaired")
        .maybe(p.raw.then(|| {
            E::new("h3")
                .class("col-head")
                .text(t.repaired_heading)
                .html()
        }))
        .el(E::new("header").class("headline").kids(head))
        .el(meta)
        .el(E::new("div").class("body").kids(body))
        .html()
}
