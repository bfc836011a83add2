//! The in-memory index: every searchable text of every article, folded once, in one string.
//!
//! All units (title, kicker, subtitle, byline, intertitles, paragraphs…) of all articles are
//! folded and concatenated with `\n` between them. Folded text never contains whitespace, so
//! no match can cross a unit, and a substring search over the whole corpus (through the
//! character postings) finds everything.

use std::borrow::Cow;

use serde::Serialize;

use super::fold::{Folded, Folder};
use super::pinyin::PinyinMap;
use super::Tables;
use crate::archive::{Archive, Article};

/// Which part of an article a text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 主题.
    Title,
    /// 引题.
    Kicker,
    /// 副题.
    Subtitle,
    /// The credited names, as [`Article::byline`] prints them.
    Byline,
    /// An editor's note.
    EditorNote,
    /// A section heading; `index` is its position in `intertitles`.
    Intertitle,
    /// A body paragraph (or photo caption); `index` is its position in `paragraphs`.
    Body,
    /// A photo credit line; `index` is its position in `photo_credits`.
    Credit,
}

impl Field {
    /// Whether the field belongs to the headline block (`title:` searches these).
    pub fn is_headline(self) -> bool {
        matches!(self, Field::Title | Field::Kicker | Field::Subtitle)
    }

    /// Stable name used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Kicker => "kicker",
            Field::Subtitle => "subtitle",
            Field::Byline => "byline",
            Field::EditorNote => "editor_note",
            Field::Intertitle => "intertitle",
            Field::Body => "body",
            Field::Credit => "credit",
        }
    }
}

/// One searchable text.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Its article (index into `archive.articles`).
    pub doc: u32,
    /// Its field.
    pub field: Field,
    /// Position within the field (paragraph number…).
    pub index: u32,
    /// Start of its folded text in [`Index::text`].
    pub start: u32,
    /// The folded text with its offset map.
    pub folded: Folded,
    /// `folded` maps 1:1 onto the original (the common case: no translation needed).
    pub identity: bool,
}

/// Per-article facts used by filters and ranking.
#[derive(Debug, Clone)]
pub struct Doc {
    /// Units of this article: `units[first..first + count]`.
    pub first_unit: u32,
    /// Number of units.
    pub unit_count: u32,
    /// Folded length in characters (for BM25 length normalization).
    pub len: u32,
}

/// The searchable archive.
pub struct Index {
    /// The articles.
    pub archive: Archive,
    /// Folding.
    pub folder: Folder,
    /// Pinyin.
    pub pinyin: PinyinMap,
    /// All folded units joined by `\n`.
    pub text: String,
    /// Where each character of `text` occurs.
    pub postings: super::postings::Postings,
    /// Units in order (by article, then field order).
    pub units: Vec<Unit>,
    /// Where each unit starts in `text` (`units[i].start`), packed for the search's lookups.
    pub unit_starts: Vec<u32>,
    /// One per article.
    pub docs: Vec<Doc>,
    /// Mean folded length.
    pub avg_len: f32,
}

/// The texts of an article, in the order the index keeps them.
pub fn article_units(a: &Article) -> Vec<(Field, u32, String)> {
    let mut v = Vec::new();
    if let Some(k) = &a.kicker {
        v.push((Field::Kicker, 0, k.clone()));
    }
    v.push((Field::Title, 0, a.title.clone()));
    if let Some(s) = &a.subtitle {
        v.push((Field::Subtitle, 0, s.clone()));
    }
    let by = a.byline();
    if !by.is_empty() {
        v.push((Field::Byline, 0, by));
    }
    if let Some(n) = &a.editor_note {
        v.push((Field::EditorNote, 0, n.clone()));
    }
    for (i, t) in a.intertitles.iter().enumerate() {
        v.push((Field::Intertitle, i as u32, t.text.clone()));
    }
    for (i, p) in a.paragraphs.iter().enumerate() {
        v.push((Field::Body, i as u32, p.text.clone()));
    }
    for (i, c) in a.photo_credits.iter().enumerate() {
        v.push((Field::Credit, i as u32, c.clone()));
    }
    v
}

impl Index {
    /// Builds the index.
    pub fn new(archive: Archive, tables: &Tables) -> Index {
        let folder = Folder::new(&tables.fold);
        let pinyin = PinyinMap::new(&tables.pinyin);
        let mut text = String::new();
        let mut units = Vec::new();
        let mut docs = Vec::new();
        for (d, a) in archive.articles.iter().enumerate() {
            let first = units.len() as u32;
            let mut len = 0u32;
            for (field, index, t) in article_units(a) {
                let folded = folder.fold_mapped(&t);
                len += folded.text.chars().count() as u32;
                let start = text.len() as u32;
                text.push_str(&folded.text);
                text.push('\n');
                let identity = folded.is_identity();
                units.push(Unit {
                    doc: d as u32,
                    field,
                    index,
                    start,
                    folded,
                    identity,
                });
            }
            docs.push(Doc {
                first_unit: first,
                unit_count: units.len() as u32 - first,
                len,
            });
        }
        let avg_len = if docs.is_empty() {
            1.0
        } else {
            (docs.iter().map(|d| d.len as f64).sum::<f64>() / docs.len() as f64).max(1.0) as f32
        };
        let postings = super::postings::Postings::new(&text);
        let unit_starts = units.iter().map(|u| u.start).collect();
        Index {
            archive,
            folder,
            pinyin,
            postings,
            text,
            units,
            unit_starts,
            docs,
            avg_len,
        }
    }

    /// The original text of a unit.
    pub fn unit_source(&self, u: &Unit) -> Cow<'_, str> {
        let a = &self.archive.articles[u.doc as usize];
        source_text(a, u.field, u.index).unwrap_or_default()
    }
}

/// The original text of a field of an article (borrowed, except the composed byline).
pub fn source_text(a: &Article, field: Field, index: u32) -> Option<Cow<'_, str>> {
    fn b(s: &str) -> Cow<'_, str> {
        Cow::Borrowed(s)
    }
    let i = index as usize;
    match field {
        Field::Title => Some(b(&a.title)),
        Field::Kicker => a.kicker.as_deref().map(b),
        Field::Subtitle => a.subtitle.as_deref().map(b),
        Field::Byline => Some(Cow::Owned(a.byline())),
        Field::EditorNote => a.editor_note.as_deref().map(b),
        Field::Intertitle => a.intertitles.get(i).map(|t| b(&t.text)),
        Field::Body => a.paragraphs.get(i).map(|p| b(&p.text)),
        Field::Credit => a.photo_credits.get(i).map(|c| b(c)),
    }
}
