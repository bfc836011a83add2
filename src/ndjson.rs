//! `archive export --ndjson`: the archive as newline-delimited JSON for a search server, for those
//! who outgrow static hosting.
//!
//! Two shapes:
//! - [`Shape::Bulk`]: the OpenSearch / Elasticsearch `_bulk` format, an action line
//!   `{"index":{"_index":…,"_id":…}}` before each document (`POST _bulk` with
//!   `Content-Type: application/x-ndjson`);
//! - [`Shape::Documents`]: one document per line, as Quickwit's `ingest` (and most other NDJSON
//!   loaders) read it.
//!
//! [`MAPPING`] is the index definition that keeps exact Chinese substrings findable: text is
//! analysed with `cjk_width` (full-width → half-width), `lowercase`, and `cjk_bigram` with
//! `output_unigrams`, so a `match_phrase` query for any run of characters (one character
//! included) matches exactly where the run occurs. The README shows the commands.
//!
//! One pass over the articles and one over the names: linear in the archive.

use std::collections::HashMap;

use serde_json::{json, Value};

use crate::archive::{Archive, EntityKind, Page};

/// Which NDJSON shape to write.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    /// `_bulk`: an action line before each document.
    Bulk,
    /// Documents only (Quickwit ingest).
    Documents,
}

/// The index mapping and analysis settings for the exported documents (OpenSearch /
/// Elasticsearch; `PUT <index>` with this body before the `_bulk` load).
pub const MAPPING: &str = r#"{
  "settings": {
    "analysis": {
      "filter": {
        "zh_bigram": { "type": "cjk_bigram", "output_unigrams": true }
      },
      "analyzer": {
        "zh_exact": {
          "type": "custom",
          "tokenizer": "standard",
          "filter": ["cjk_width", "lowercase", "zh_bigram"]
        }
      }
    }
  },
  "mappings": {
    "properties": {
      "id":            { "type": "keyword" },
      "paper":         { "type": "keyword" },
      "date":          { "type": "date", "format": "strict_date", "ignore_malformed": true },
      "page":          { "type": "keyword" },
      "kind":          { "type": "keyword" },
      "kicker":        { "type": "text", "analyzer": "zh_exact" },
      "title":         { "type": "text", "analyzer": "zh_exact" },
      "subtitle":      { "type": "text", "analyzer": "zh_exact" },
      "column":        { "type": "text", "analyzer": "zh_exact" },
      "byline":        { "type": "text", "analyzer": "zh_exact" },
      "authors":       { "type": "keyword" },
      "dateline":      { "type": "text", "analyzer": "zh_exact" },
      "editor_note":   { "type": "text", "analyzer": "zh_exact" },
      "intertitles":   { "type": "text", "analyzer": "zh_exact" },
      "body":          { "type": "text", "analyzer": "zh_exact" },
      "photo_credits": { "type": "text", "analyzer": "zh_exact" },
      "people":        { "type": "keyword" },
      "places":        { "type": "keyword" },
      "organisations": { "type": "keyword" },
      "source_file":   { "type": "keyword" },
      "source_line":   { "type": "integer" }
    }
  }
}"#;

/// The archive as NDJSON: one line per document (two per document for [`Shape::Bulk`]), each
/// ending in `\n`. Text never contains a raw newline inside a line (JSON escapes it).
pub fn export(a: &Archive, index: &str, shape: Shape) -> String {
    let pages: HashMap<&str, &Page> = a.pages.iter().map(|p| (p.file.as_str(), &**p)).collect();
    // Names per article, in one pass over the names.
    let mut names: Vec<[Vec<&str>; 3]> = vec![Default::default(); a.articles.len()];
    for e in &a.entities {
        let slot = match e.kind {
            EntityKind::Person => 0,
            EntityKind::Place => 1,
            EntityKind::Org => 2,
        };
        for d in e.articles() {
            if let Some(n) = names.get_mut(d as usize) {
                n[slot].push(&e.name);
            }
        }
    }
    let mut out = String::new();
    for (d, art) in a.articles.iter().enumerate() {
        let page = pages.get(art.source.file.as_str());
        let [people, places, orgs] = &names[d];
        let doc: Value = json!({
            "id": art.id,
            "paper": page.and_then(|p| p.paper.as_deref()),
            "date": art.date,
            "page": page.and_then(|p| p.page.as_deref()),
            "kind": art.kind.key(),
            "kicker": art.kicker,
            "title": art.title,
            "subtitle": art.subtitle,
            "column": art.column,
            "byline": art.byline(),
            "authors": art.authors.iter().map(|x| x.name.as_str()).collect::<Vec<_>>(),
            "dateline": art.dateline,
            "editor_note": art.editor_note,
            "intertitles": art.intertitles.iter().map(|t| t.text.as_str()).collect::<Vec<_>>(),
            "body": art.paragraphs.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n"),
            "photo_credits": art.photo_credits,
            "people": people,
            "places": places,
            "organisations": orgs,
            "source_file": art.source.file,
            "source_line": art.source.line,
        });
        if shape == Shape::Bulk {
            out.push_str(&json!({"index": {"_index": index, "_id": art.id}}).to_string());
            out.push('\n');
        }
        out.push_str(&doc.to_string());
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{Article, Author, Entity, Kind, Mention, Paragraph, Source};

    fn article(id: &str, title: &str, body: &[&str]) -> Article {
        Article {
            id: id.into(),
            kicker: Some("引题\"带引号\"".into()),
            title: title.into(),
            subtitle: None,
            column: Some("新语".into()),
            kind: Kind::News,
            date: Some("2020-02-05".into()),
            dateline: None,
            authors: vec![Author {
                name: "李青".into(),
                role: "记者".into(),
                credit: None,
            }],
            intertitles: vec![],
            figures: vec![],
            photo_credits: vec![],
            editor_note: None,
            paragraphs: body
                .iter()
                .map(|t| Paragraph {
                    text: (*t).into(),
                    line: 2,
                    lines: vec![2],
                })
                .collect(),
            source: Source {
                file: "2020/02/05/04.txt".into(),
                line: 1,
                end_line: 3,
            },
        }
    }

    fn archive() -> Archive {
        Archive {
            pages: vec![Page {
                file: "2020/02/05/04.txt".into(),
                paper: Some("某某日报".into()),
                date: Some("2020-02-05".into()),
                page: Some("4".into()),
                year: Some(2020),
                lines: vec![],
                unstructured: vec![],
            }
            .into()],
            articles: vec![
                article("a1", "社区菜园开园", &["第一段。", "第二段\n带换行。"]).into(),
                article("a2", "第二篇", &["正文。"]).into(),
            ],
            entities: vec![Entity {
                name: "李青".into(),
                kind: EntityKind::Person,
                aliases: vec![],
                mentions: vec![Mention {
                    article: 1,
                    paragraph: None,
                    start: 0,
                    end: 6,
                    credit: false,
                }],
                credited: vec![],
                byline_only: false,
            }],
        }
    }

    fn lines(s: &str) -> Vec<Value> {
        assert!(s.ends_with('\n'));
        s.lines()
            .map(|l| serde_json::from_str(l).expect("every line is one JSON value"))
            .collect()
    }

    #[test]
    fn bulk_pairs_an_action_with_each_document() {
        let out = export(&archive(), "papers", Shape::Bulk);
        let v = lines(&out);
        assert_eq!(v.len(), 4);
        for pair in v.chunks(2) {
            assert_eq!(pair[0]["index"]["_index"], "papers");
            assert_eq!(pair[0]["index"]["_id"], pair[1]["id"]);
        }
        let doc = &v[1];
        assert_eq!(doc["title"], "社区菜园开园");
        assert_eq!(doc["paper"], "某某日报");
        assert_eq!(doc["page"], "4");
        assert_eq!(doc["date"], "2020-02-05");
        assert_eq!(doc["column"], "新语");
        assert_eq!(doc["kicker"], "引题\"带引号\"");
        assert_eq!(doc["body"], "第一段。\n第二段\n带换行。");
        assert_eq!(doc["byline"], "记者 李青");
        // Names land on the article that mentions them, and only there.
        assert_eq!(doc["people"], json!([]));
        assert_eq!(v[3]["people"], json!(["李青"]));
    }

    #[test]
    fn documents_shape_has_no_actions() {
        let v = lines(&export(&archive(), "papers", Shape::Documents));
        assert_eq!(v.len(), 2);
        assert!(v
            .iter()
            .all(|d| d.get("index").is_none() && d["id"].is_string()));
    }

    #[test]
    fn mapping_keeps_exact_chinese_substrings() {
        let m: Value = serde_json::from_str(MAPPING).expect("the mapping is JSON");
        let an = &m["settings"]["analysis"];
        assert_eq!(
            an["analyzer"]["zh_exact"]["filter"],
            json!(["cjk_width", "lowercase", "zh_bigram"])
        );
        assert_eq!(an["filter"]["zh_bigram"]["type"], "cjk_bigram");
        assert_eq!(an["filter"]["zh_bigram"]["output_unigrams"], true);
        // Every text field of a document uses it; every exported field is mapped.
        let props = m["mappings"]["properties"].as_object().expect("properties");
        let v = lines(&export(&archive(), "x", Shape::Documents));
        for key in v[0].as_object().expect("doc").keys() {
            assert!(props.contains_key(key), "{key} is not mapped");
        }
        for f in ["title", "body", "kicker", "column", "intertitles"] {
            assert_eq!(props[f]["analyzer"], "zh_exact", "{f}");
        }
    }
}
