//! Exporting the current results as CSV, JSON rows or Markdown.

use serde::Serialize;

use crate::archive::Archive;

/// One exported result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Article id.
    pub id: String,
    /// ISO date or empty.
    pub date: String,
    /// Kind key.
    pub kind: String,
    /// Kicker, title and subtitle.
    pub headline: String,
    /// Author names, `、`-separated.
    pub authors: String,
    /// Highlighted matches.
    pub hits: usize,
    /// Source file and lines.
    pub source: String,
    /// The first snippet, or the lead.
    pub snippet: String,
}

/// Builds the rows for `(doc, hit count, snippet)` triples.
pub fn rows(archive: &Archive, items: &[(usize, usize, String)]) -> Vec<Row> {
    items
        .iter()
        .filter_map(|(d, n, snip)| {
            let a = archive.articles.get(*d)?;
            Some(Row {
                id: a.id.clone(),
                date: a.date.clone().unwrap_or_default(),
                kind: a.kind.key().into(),
                headline: a.headline(),
                authors: a
                    .authors
                    .iter()
                    .map(|x| x.name.as_str())
                    .collect::<Vec<_>>()
                    .join("、"),
                hits: *n,
                source: format!("{}:{}-{}", a.source.file, a.source.line, a.source.end_line),
                snippet: snip.clone(),
            })
        })
        .collect()
}

fn csv_field(s: &str) -> String {
    // Quote every field; neutralise spreadsheet formulas.
    let s = if s.starts_with(['=', '+', '-', '@']) {
        format!("'{s}")
    } else {
        s.to_string()
    };
    format!("\"{}\"", s.replace('"', "\"\""))
}

/// RFC 4180 CSV with a header row and a UTF-8 BOM (so spreadsheet programs read Chinese).
pub fn csv(rows: &[Row]) -> String {
    let mut out = String::from("\u{feff}id,date,kind,headline,authors,hits,source,snippet\r\n");
    for r in rows {
        let f = [
            &r.id,
            &r.date,
            &r.kind,
            &r.headline,
            &r.authors,
            &r.hits.to_string(),
            &r.source,
            &r.snippet,
        ];
        let line: Vec<String> = f.iter().map(|s| csv_field(s)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
    out
}

/// A JSON string literal (escaped as `JSON.stringify` escapes).
fn json_str(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < ' ' => {
                out.push_str("\\u00");
                for d in [c as u32 >> 4, c as u32 & 15] {
                    out.push(char::from_digit(d, 16).unwrap_or('0'));
                }
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The rows as a JSON array of objects, indented by two spaces as `JSON.stringify(rows, null,
/// 2)` writes it (written by hand: serde's serializer for the browser costs kilobytes of wasm).
pub fn json(rows: &[Row]) -> String {
    let mut out = String::from("[");
    for (i, r) in rows.iter().enumerate() {
        out.push_str(if i == 0 { "\n  {" } else { ",\n  {" });
        let hits = r.hits.to_string();
        let fields: [(&str, &str); 8] = [
            ("id", &r.id),
            ("date", &r.date),
            ("kind", &r.kind),
            ("headline", &r.headline),
            ("authors", &r.authors),
            ("hits", &hits),
            ("source", &r.source),
            ("snippet", &r.snippet),
        ];
        for (j, (k, v)) in fields.iter().enumerate() {
            out.push_str(if j == 0 { "\n    \"" } else { ",\n    \"" });
            out.push_str(k);
            out.push_str("\": ");
            if *k == "hits" {
                out.push_str(v);
            } else {
                json_str(&mut out, v);
            }
        }
        out.push_str("\n  }");
    }
    out.push_str(if rows.is_empty() { "]" } else { "\n]" });
    out
}

fn md_escape(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        if matches!(
            c,
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#'
        ) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// A Markdown list, one result per item, with the query as heading.
pub fn markdown(query: &str, rows: &[Row]) -> String {
    let mut out = format!(
        "# {}\n\n",
        if query.is_empty() {
            "全部文章".to_string()
        } else {
            md_escape(query)
        }
    );
    for r in rows {
        out.push_str(&format!(
            "- **{}** ({}, {}, {}) — {}\n  > {}\n",
            md_escape(&r.headline),
            if r.date.is_empty() {
                "日期不详"
            } else {
                &r.date
            },
            r.kind,
            md_escape(&r.authors),
            md_escape(&r.source),
            md_escape(&r.snippet)
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_neutralises() {
        let r = Row {
            id: "a".into(),
            date: "".into(),
            kind: "news".into(),
            headline: "x \"y\"".into(),
            authors: "=cmd".into(),
            hits: 2,
            source: "s".into(),
            snippet: "a,b\nc".into(),
        };
        let c = csv(&[r]);
        assert!(c.contains("\"x \"\"y\"\"\""));
        assert!(c.contains("\"'=cmd\""));
        assert!(c.contains("\"a,b\nc\""));
    }

    /// The hand-written JSON is what serde_json writes (its pretty form is `JSON.stringify`'s
    /// two-space layout), for every character class that needs escaping.
    #[test]
    fn json_matches_serde_json() {
        let row = |id: &str, text: &str, hits| Row {
            id: id.into(),
            date: "2020-02-11".into(),
            kind: "news".into(),
            headline: text.into(),
            authors: "张劲松、李四".into(),
            hits,
            source: "000.txt:3-9".into(),
            snippet: format!("{text}…"),
        };
        let all: String = (0u8..0x40).map(char::from).collect();
        let rows = [
            row("a", "引号\"反斜杠\\ 换行\n回车\r制表\t", 2),
            row("b", &all, 0),
            row("c", "\u{7f}\u{2028}é😀", 12345),
        ];
        for n in 0..=rows.len() {
            let want = serde_json::to_string_pretty(&rows[..n]).expect("json");
            assert_eq!(json(&rows[..n]), want, "{n} rows");
        }
    }
}
