//! Citations of an article: GB/T 7714-2015 newspaper style and a plain one.

use crate::archive::{Archive, Article};

fn authors(a: &Article) -> Vec<&str> {
    let mut v: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
    v.dedup();
    v
}

/// GB/T 7714 newspaper reference: `张劲松. 标题[N]. 报纸, 2020-02-04(3).`
/// Unknown parts are omitted (never invented); the source file stands in for a missing paper.
pub fn gbt7714(archive: &Archive, a: &Article) -> String {
    let page = archive.page_of(a);
    let mut s = String::new();
    let names = authors(a);
    if !names.is_empty() {
        s.push_str(&names.join(", "));
        s.push_str(". ");
    }
    s.push_str(&a.title);
    s.push_str("[N]. ");
    let paper = page
        .and_then(|p| p.paper.clone())
        .unwrap_or_else(|| a.source.file.clone());
    s.push_str(&paper);
    let date = page.and_then(|p| p.date.clone()).or_else(|| a.date.clone());
    if let Some(d) = date {
        s.push_str(", ");
        s.push_str(&d);
    }
    if let Some(n) = page.and_then(|p| p.page.clone()) {
        s.push_str(&format!("({n})"));
    }
    s.push('.');
    s
}

/// A plain citation with the exact source lines.
pub fn plain(archive: &Archive, a: &Article) -> String {
    let page = archive.page_of(a);
    let mut parts: Vec<String> = Vec::new();
    let names = authors(a);
    if !names.is_empty() {
        parts.push(names.join("、"));
    }
    parts.push(format!("《{}》", a.title));
    if let Some(p) = page.and_then(|p| p.paper.clone()) {
        parts.push(p);
    }
    parts.push(a.date.clone().unwrap_or_else(|| "日期不详".into()));
    parts.push(format!(
        "{} 第{}–{}行",
        a.source.file, a.source.line, a.source.end_line
    ));
    parts.join(",")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{Kind, Source};

    #[test]
    fn gbt_without_paper_uses_source() {
        let a = Article {
            id: "x".into(),
            kicker: None,
            title: "标题".into(),
            subtitle: None,
            column: None,
            kind: Kind::News,
            date: Some("2020-02-04".into()),
            dateline: None,
            authors: vec![crate::archive::Author {
                name: "张劲松".into(),
                role: "记者".into(),
                credit: None,
            }],
            intertitles: vec![],
            figures: vec![],
            photo_credits: vec![],
            editor_note: None,
            paragraphs: vec![],
            source: Source {
                file: "p.txt".into(),
                line: 3,
                end_line: 9,
            },
        };
        let ar = Archive {
            pages: vec![],
            articles: vec![a.clone()],
            entities: vec![],
        };
        assert_eq!(gbt7714(&ar, &a), "张劲松. 标题[N]. p.txt, 2020-02-04.");
        assert_eq!(plain(&ar, &a), "张劲松,《标题》,2020-02-04,p.txt 第3–9行");
    }
}
