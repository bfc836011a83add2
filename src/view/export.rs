//! Exporting the current results as CSV, JSON rows or Markdown.

use serde::Serialize;

use super::route::ViewState;
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
    /// A link that opens the article with the query's hits highlighted.
    pub link: String,
}

/// An export: the query, the filters and the link of the view, and the rows (the JSON form).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Export {
    /// The search box.
    pub query: String,
    /// The filters, in the query language (see [`super::results::filters_text`]).
    pub filters: String,
    /// The link of the listed view.
    pub link: String,
    /// The results.
    pub results: Vec<Row>,
}

/// The export of `items` (`(doc, hit count, snippet)`) listed for view `v` at page address
/// `base`.
pub fn export(
    archive: &Archive,
    base: &str,
    v: &ViewState,
    items: &[(usize, usize, String)],
) -> Export {
    let list = ViewState {
        article: None,
        hit: 0,
        raw: false,
        names: false,
        ..v.clone()
    };
    Export {
        query: v.query.clone(),
        filters: super::results::filters_text(v),
        link: format!("{base}{}", list.to_hash()),
        results: rows(archive, base, &v.query, items),
    }
}

/// Builds the rows for `(doc, hit count, snippet)` triples; each links to its article with
/// `query` at page address `base`.
pub fn rows(
    archive: &Archive,
    base: &str,
    query: &str,
    items: &[(usize, usize, String)],
) -> Vec<Row> {
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
                link: format!(
                    "{base}{}",
                    ViewState {
                        query: query.to_string(),
                        article: Some(a.id.clone()),
                        ..Default::default()
                    }
                    .to_hash()
                ),
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

/// RFC 4180 CSV with a header row and a UTF-8 BOM (so spreadsheet programs read Chinese); every
/// row repeats the query and the filters, so a row copied elsewhere still says where it came from.
pub fn csv(e: &Export) -> String {
    let mut out = String::from(
        "\u{feff}id,date,kind,headline,authors,hits,source,snippet,link,query,filters\r\n",
    );
    for r in &e.results {
        let f = [
            &r.id,
            &r.date,
            &r.kind,
            &r.headline,
            &r.authors,
            &r.hits.to_string(),
            &r.source,
            &r.snippet,
            &r.link,
            &e.query,
            &e.filters,
        ];
        let line: Vec<String> = f.iter().map(|s| csv_field(s)).collect();
        out.push_str(&line.join(","));
        out.push_str("\r\n");
    }
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

/// A Markdown list, one result per item, with the query as heading, then the filters and the
/// view's link.
pub fn markdown(e: &Export) -> String {
    let mut out = format!(
        "# {}\n\n",
        if e.query.is_empty() {
            "全部文章".to_string()
        } else {
            md_escape(&e.query)
        }
    );
    if !e.filters.is_empty() {
        out.push_str(&format!("筛选 / filters: {}\n\n", md_escape(&e.filters)));
    }
    out.push_str(&format!("<{}>\n\n", e.link));
    for r in &e.results {
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
        out.push_str(&format!("  <{}>\n", r.link));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::Kind;

    fn row() -> Row {
        Row {
            id: "a".into(),
            date: "".into(),
            kind: "news".into(),
            headline: "x \"y\"".into(),
            authors: "=cmd".into(),
            hits: 2,
            source: "s".into(),
            snippet: "a,b\nc".into(),
            link: "https://x/#a=a".into(),
        }
    }

    #[test]
    fn csv_quotes_and_neutralises() {
        let e = Export {
            query: "-q".into(),
            filters: String::new(),
            link: String::new(),
            results: vec![row()],
        };
        let c = csv(&e);
        assert!(c.contains("\"x \"\"y\"\"\""));
        assert!(c.contains("\"'=cmd\""));
        assert!(c.contains("\"a,b\nc\""));
        assert!(c.contains("\"'-q\""), "the query is neutralised too");
    }

    /// Splits RFC 4180 CSV (quoted fields) into records, independently of [`csv`].
    fn parse_csv(s: &str) -> Vec<Vec<String>> {
        let mut recs = vec![vec![String::new()]];
        let (mut quoted, mut chars) = (false, s.trim_start_matches('\u{feff}').chars().peekable());
        while let Some(c) = chars.next() {
            let rec = recs.last_mut().expect("a record");
            match (quoted, c) {
                (true, '"') if chars.peek() == Some(&'"') => {
                    chars.next();
                    rec.last_mut().expect("a field").push('"');
                }
                (_, '"') => quoted = !quoted,
                (false, ',') => rec.push(String::new()),
                (false, '\r') => {}
                (false, '\n') => recs.push(vec![String::new()]),
                _ => rec.last_mut().expect("a field").push(c),
            }
        }
        recs.retain(|r| r.len() > 1);
        recs
    }

    #[test]
    fn exports_carry_links_query_and_filters() {
        let e = crate::data::load().expect("the embedded seed");
        let ar = &e.archive;
        let v = ViewState {
            query: "张建党".into(),
            kinds: vec![Kind::News],
            article: Some(ar.articles[1].id.clone()),
            ..Default::default()
        };
        let items = vec![(0, 3, "片段".to_string()), (1, 1, String::new())];
        let x = export(ar, "https://u.github.io/archive/", &v, &items);
        assert_eq!(x.query, "张建党");
        assert_eq!(x.filters, "kind:news");
        // The view's link lists; it does not open an article.
        let back = ViewState::from_hash(x.link.trim_start_matches("https://u.github.io/archive/"));
        assert_eq!(
            (back.query.as_str(), back.kinds.as_slice(), back.article),
            ("张建党", &[Kind::News][..], None)
        );
        let recs = parse_csv(&csv(&x));
        assert_eq!(
            recs[0],
            [
                "id", "date", "kind", "headline", "authors", "hits", "source", "snippet", "link",
                "query", "filters"
            ]
        );
        assert_eq!(recs.len(), 3);
        for (rec, (d, n, _)) in recs[1..].iter().zip(&items) {
            assert_eq!(rec.len(), 11);
            assert_eq!(rec[0], ar.articles[*d].id);
            assert_eq!(rec[5], n.to_string());
            let (base, hash) = rec[8].split_once('#').expect("a link with a hash");
            assert_eq!(base, "https://u.github.io/archive/");
            let opened = ViewState::from_hash(hash);
            assert_eq!(opened.article.as_deref(), Some(ar.articles[*d].id.as_str()));
            assert_eq!(opened.query, "张建党");
            assert_eq!((rec[9].as_str(), rec[10].as_str()), ("张建党", "kind:news"));
        }
        let md = markdown(&x);
        assert!(md.starts_with("# 张建党\n"));
        assert!(md.contains("kind:news"));
        assert!(md.contains(&x.results[0].link));
    }
}
