//! The JSON the `archive` CLI prints (native only), shared with the tests.

use serde_json::{json, Value};

use crate::archive::Archive;
use crate::search::engine::SearchOptions;
use crate::search::tables::build_tables;
use crate::search::{query, Index};

/// The archive as JSON: `{"pages": […], "articles": […]}` (see README).
pub fn parse_json(a: &Archive) -> Value {
    let pages: Vec<Value> = a
        .pages
        .iter()
        .map(|p| json!({"file": p.file, "paper": p.paper, "date": p.date, "page": p.page, "year": p.year, "lines": p.lines.len()}))
        .collect();
    let articles: Vec<Value> = a
        .articles
        .iter()
        .map(|x| serde_json::to_value(x).unwrap_or(Value::Null))
        .collect();
    json!({"pages": pages, "articles": articles})
}

/// Byte offset to character offset in `s`.
fn chars_at(s: &str, byte: usize) -> usize {
    s[..byte.min(s.len())].chars().count()
}

pub fn search_json(a: Archive, q: &str) -> Result<Value, String> {
    let tables = build_tables(&a)?;
    let index = Index::new(a, &tables);
    let query = query::parse_with(q, &|w| index.pinyin.is_syllables(w));
    let results = index.search(&query, &SearchOptions::default());
    let hits: Vec<Value> = results
        .hits
        .iter()
        .map(|h| {
            let art = &index.archive.articles[h.doc];
            let snippets: Vec<Value> = h
                .snippets
                .iter()
                .map(|s| {
                    let marks: Vec<[usize; 2]> = s.marks.iter().map(|&(b, e)| [chars_at(&s.text, b), chars_at(&s.text, e)]).collect();
                    json!({"field": s.field.key(), "index": s.index, "text": s.text, "marks": marks, "cut_before": s.cut_before, "cut_after": s.cut_after})
                })
                .collect();
            let ranges: Vec<Value> = h
                .ranges
                .iter()
                .map(|fr| {
                    let text = crate::search::index::source_text(art, fr.field, fr.index).unwrap_or_default();
                    let r: Vec<[usize; 2]> = fr.ranges.iter().map(|&(b, e)| [chars_at(&text, b), chars_at(&text, e)]).collect();
                    json!({"field": fr.field.key(), "index": fr.index, "ranges": r})
                })
                .collect();
            let counts: serde_json::Map<String, Value> = h.field_counts.iter().map(|(f, n)| (f.key().to_string(), json!(n))).collect();
            json!({
                "id": h.id, "title": art.title, "date": art.date, "kind": art.kind.key(),
                "score": h.score, "count": h.count, "counts": counts,
                "snippets": snippets, "ranges": ranges, "breakdown": h.breakdown,
            })
        })
        .collect();
    let hints: Vec<Value> = query
        .hints
        .iter()
        .map(|h| json!({"start": h.start, "end": h.end, "message": h.message_en()}))
        .collect();
    if hints.is_empty() {
        return Ok(Value::Array(hits));
    }
    eprintln!("{}", serde_json::to_string(&hints).unwrap_or_default());
    Ok(Value::Array(hits))
}
