//! Citations of an article: GB/T 7714-2015 newspaper style and a plain one.

use crate::archive::{Archive, Article};

fn authors(a: &Article) -> Vec<&str> {
    let mut v: Vec<&str> = a.authors.iter().map(|x| x.name.as_str()).collect();
    v.dedup();
    v
}

/// Printed where a citation needs the paper's name and no sidecar, path or `archive.toml` gives
/// it: a citation names a paper, never a file.
pub const PAPER_UNKNOWN: &str = "[报名不详]";

/// A link that opens this article in this explorer: `base` (the page's address without its
/// hash) and the article's view.
pub fn permalink(base: &str, a: &Article) -> String {
    let view = super::route::ViewState {
        article: Some(a.id.clone()),
        ..Default::default()
    };
    format!(
        "{}{}",
        base.split('#').next().unwrap_or_default(),
        view.to_hash()
    )
}

/// The paper, the edition date and the page label of an article, as far as they are known.
fn where_printed<'a>(
    archive: &'a Archive,
    a: &'a Article,
) -> (&'a str, Option<&'a str>, Option<&'a str>) {
    let page = archive.page_of(a);
    let paper = page
        .and_then(|p| p.paper.as_deref())
        .unwrap_or(PAPER_UNKNOWN);
    let date = page.and_then(|p| p.date.as_deref()).or(a.date.as_deref());
    (paper, date, page.and_then(|p| p.page.as_deref()))
}

/// GB/T 7714-2015 newspaper reference: `张劲松. 标题[N]. 某某日报, 2020-02-04(3).`; with a
/// permalink, the online form `…[N/OL]. 某某日报, 2020-02-04(3). https://….` Unknown parts are
/// omitted (never invented), except the paper, which reads [`PAPER_UNKNOWN`].
pub fn gbt7714(archive: &Archive, a: &Article, link: Option<&str>) -> String {
    let (paper, date, page) = where_printed(archive, a);
    let mut s = String::new();
    let names = authors(a);
    if !names.is_empty() {
        s.push_str(&names.join(", "));
        s.push_str(". ");
    }
    s.push_str(&a.title);
    s.push_str(if link.is_some() { "[N/OL]. " } else { "[N]. " });
    s.push_str(paper);
    if let Some(d) = date {
        s.push_str(", ");
        s.push_str(d);
    }
    if let Some(n) = page {
        s.push_str(&format!("({n})"));
    }
    s.push('.');
    if let Some(l) = link {
        s.push(' ');
        s.push_str(l);
        s.push('.');
    }
    s
}

/// A plain citation: `张劲松《标题》,某某日报,2020-02-04,第3版,https://…`.
pub fn plain(archive: &Archive, a: &Article, link: Option<&str>) -> String {
    let (paper, date, page) = where_printed(archive, a);
    let mut parts: Vec<String> = Vec::new();
    let names = authors(a);
    let title = format!("《{}》", a.title);
    parts.push(if names.is_empty() {
        title
    } else {
        format!("{}{title}", names.join("、"))
    });
    parts.push(paper.to_string());
    parts.push(date.unwrap_or("日期不详").to_string());
    if let Some(n) = page {
        parts.push(format!("第{n}版"));
    }
    parts.extend(link.map(str::to_string));
    parts.join(",")
}

/// An English citation: `Zhang Jinsong. "标题." 某某日报, 4 February 2020, p. 2. https://….`
/// Authors are written by `roman` (pinyin from the corpus's readings) when it can, else as
/// printed; the title and the paper stay as printed. Unknown parts are omitted, the paper reads
/// `[paper unknown]`.
pub fn english(
    archive: &Archive,
    a: &Article,
    link: Option<&str>,
    roman: &dyn Fn(&str) -> Option<String>,
) -> String {
    let (paper, date, page) = where_printed(archive, a);
    let paper = if paper == PAPER_UNKNOWN {
        "[paper unknown]"
    } else {
        paper
    };
    let mut s = String::new();
    let names: Vec<String> = authors(a)
        .into_iter()
        .map(|n| roman(n).unwrap_or_else(|| n.to_string()))
        .collect();
    if !names.is_empty() {
        s.push_str(&names.join(", "));
        s.push_str(". ");
    }
    s.push('“');
    s.push_str(&a.title);
    s.push_str(".” ");
    s.push_str(paper);
    if let Some(d) = date {
        s.push_str(", ");
        s.push_str(&super::results::english_date(d));
    }
    if let Some(n) = page {
        s.push_str(", p. ");
        s.push_str(n);
    }
    s.push('.');
    if let Some(l) = link {
        s.push(' ');
        s.push_str(l);
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::archive::{Kind, Source};

    #[test]
    fn citations_name_the_paper_never_the_file() {
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
            articles: vec![a.clone().into()],
            entities: vec![],
        };
        // No paper known: never the file name.
        assert_eq!(
            gbt7714(&ar, &a, None),
            "张劲松. 标题[N]. [报名不详], 2020-02-04."
        );
        assert_eq!(plain(&ar, &a, None), "张劲松《标题》,[报名不详],2020-02-04");
        let link = permalink("https://u.github.io/archive/#q=x", &a);
        assert_eq!(link, "https://u.github.io/archive/#a=x");
        assert_eq!(
            gbt7714(&ar, &a, Some(&link)),
            "张劲松. 标题[N/OL]. [报名不详], 2020-02-04. https://u.github.io/archive/#a=x."
        );
        // Paper, edition date and page from the page's metadata.
        let ar = Archive {
            pages: vec![crate::archive::Page {
                file: "p.txt".into(),
                paper: Some("某某日报".into()),
                date: Some("2020-02-05".into()),
                page: Some("3".into()),
                ..Default::default()
            }
            .into()],
            ..ar
        };
        assert_eq!(
            gbt7714(&ar, &a, None),
            "张劲松. 标题[N]. 某某日报, 2020-02-05(3)."
        );
        assert_eq!(
            plain(&ar, &a, Some("https://x/#a=x")),
            "张劲松《标题》,某某日报,2020-02-05,第3版,https://x/#a=x"
        );
        assert!(!plain(&ar, &a, None).contains("p.txt"));
        // English: pinyin for the author when known, the day written out, "p." for the page.
        let roman = |n: &str| (n == "张劲松").then(|| "Zhang Jinsong".to_string());
        assert_eq!(
            english(&ar, &a, Some("https://x/#a=x"), &roman),
            "Zhang Jinsong. “标题.” 某某日报, 5 February 2020, p. 3. https://x/#a=x"
        );
        let none = |_: &str| None;
        let ar = Archive {
            pages: vec![],
            ..ar
        };
        assert_eq!(
            english(&ar, &a, None, &none),
            "张劲松. “标题.” [paper unknown], 4 February 2020."
        );
    }
}
