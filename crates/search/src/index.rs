//! The in-memory index: every searchable text of every article, folded once, in one string.
//!
//! All units (title, kicker, subtitle, byline, intertitles, paragraphs…) of all articles are
//! folded and concatenated with `\n` between them. Folded text never contains whitespace, so
//! no match can cross a unit, and a substring search over the whole corpus (through the
//! character postings) finds everything.

use std::borrow::Cow;

use super::fold::{Folded, Folder};
use super::pinyin::PinyinMap;
use super::Tables;
use archive::{Archive, Article};

pub use archive::Field;

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
            for archive::Text {
                field,
                index,
                text: t,
            } in a.texts()
            {
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

/// The original text of a unit (see [`archive::Article::text`]).
pub fn source_text(a: &Article, field: Field, index: u32) -> Option<Cow<'_, str>> {
    a.text(field, index)
}
