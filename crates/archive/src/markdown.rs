//! Clean input: one article per Markdown file, with a small front-matter header.
//!
//! ```text
//! ---
//! title: 示范区召开推进会
//! kicker: 积极传达学习上级有关精神      (optional)
//! subtitle: ——副题                      (optional)
//! date: 2020-02-04                      (optional, ISO)
//! authors: 记者 张劲松, 通讯员 李四      (optional; "role name" or "name", comma-separated)
//! kind: news                            (optional: feature/news/photo/commentary/other or 通讯/消息/图片新闻/评论/其他)
//! dateline: 本报讯(记者 张劲松)          (optional)
//! paper: 某某日报                       (optional)
//! page: 3                               (optional)
//! ---
//! First paragraph. Lines of one paragraph may be wrapped.
//!
//! ## An intertitle
//!
//! Next paragraph.
//! ```

use super::error::ParseError;
use super::model::{Article, Author, Intertitle, Kind, Page, Paragraph};
use super::text::{figure_refs, parse_iso_date, split_lines};

/// Parses a Markdown article. `name` is the file name stored in the archive, `shown` the path
/// used in error messages. Strict: the first warning of [`parse_markdown_lenient`] is an error.
pub fn parse_markdown(
    name: &str,
    shown: &str,
    text: &str,
) -> Result<(Page, Vec<Article>), ParseError> {
    let (page, articles, notes) = parse_markdown_lenient(name, text);
    match notes.into_iter().next() {
        Some((line, message)) => Err(ParseError::new(shown, line, message)),
        None => Ok((page, articles)),
    }
}

/// Parses a Markdown article, with `(line, what was unsure)` for everything it had to skip: a
/// bad front-matter line is ignored (its text is metadata, not the article's), a file without
/// a title becomes an unstructured article under `（无题）`, an unclosed front matter is read as
/// body text.
pub fn parse_markdown_lenient(name: &str, text: &str) -> (Page, Vec<Article>, Vec<(u32, String)>) {
    let mut notes: Vec<(u32, String)> = Vec::new();
    let lines = split_lines(text);
    let mut page = Page {
        file: name.to_string(),
        lines: lines.clone(),
        ..Default::default()
    };
    let mut a = Article::new("", "", name);
    a.source.end_line = lines.len().max(1) as u32;
    let mut kind_given = false;
    let mut body_start = 0;
    let close = if lines.first().map(|l| l.trim()) == Some("---") {
        let close = lines
            .iter()
            .skip(1)
            .position(|l| l.trim() == "---")
            .map(|p| p + 1);
        if close.is_none() {
            notes.push((
                1,
                "front matter opened with `---` is never closed: read as text".to_string(),
            ));
        }
        close
    } else {
        None
    };
    if let Some(close) = close {
        for (i, line) in lines[1..close].iter().enumerate() {
            let n = i as u32 + 2;
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let Some((key, value)) = line.split_once(':') else {
                notes.push((n, format!("expected `key: value`, found {line:?}: ignored")));
                continue;
            };
            let value = value.trim().trim_matches('"').trim().to_string();
            let opt = (!value.is_empty()).then(|| value.clone());
            match key.trim() {
                "title" => a.title = value,
                "kicker" => a.kicker = opt,
                "subtitle" => a.subtitle = opt,
                "dateline" => a.dateline = opt,
                "paper" | "source" => page.paper = opt,
                "page" => page.page = opt,
                "date" => {
                    if parse_iso_date(&value).is_none() {
                        notes.push((
                            n,
                            format!("bad date {value:?}: expected an existing day as YYYY-MM-DD; left unset"),
                        ));
                        continue;
                    }
                    a.date = Some(value.clone());
                    page.date = Some(value);
                }
                "kind" => match Kind::from_name(&value) {
                    Some(k) => {
                        a.kind = k;
                        kind_given = true;
                    }
                    None => notes.push((
                        n,
                        format!("unknown kind {value:?}: use feature, news, photo, commentary or other; ignored"),
                    )),
                },
                "authors" | "author" => {
                    for part in value
                        .split([',', '，', '、'])
                        .map(str::trim)
                        .filter(|p| !p.is_empty())
                    {
                        let mut words: Vec<&str> = part.split_whitespace().collect();
                        let name = words.pop().unwrap_or_default().to_string();
                        a.authors.push(Author {
                            name,
                            role: words.join(" "),
                            credit: None,
                        });
                    }
                }
                other => {
                    notes.push((n, format!("unknown front-matter key {other:?}: ignored")));
                }
            }
        }
        body_start = close + 1;
    }
    let mut para: Option<Paragraph> = None;
    let flush = |para: &mut Option<Paragraph>, out: &mut Vec<Paragraph>| {
        if let Some(p) = para.take() {
            out.push(p);
        }
    };
    for (i, raw) in lines.iter().enumerate().skip(body_start) {
        let n = i as u32 + 1;
        let line = raw.trim();
        if line.is_empty() {
            flush(&mut para, &mut a.paragraphs);
            continue;
        }
        if let Some(h) = line.strip_prefix('#') {
            flush(&mut para, &mut a.paragraphs);
            let level = 1 + h.chars().take_while(|c| *c == '#').count();
            let h = h.trim_start_matches('#').trim().to_string();
            if level == 1 && a.title.is_empty() {
                a.title = h;
            } else {
                a.intertitles.push(Intertitle {
                    text: h,
                    line: n,
                    before: a.paragraphs.len() as u32,
                });
            }
            continue;
        }
        match para.as_mut() {
            Some(p) => {
                let glue = p
                    .text
                    .chars()
                    .last()
                    .is_some_and(|c| c.is_ascii_alphanumeric())
                    && line
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_alphanumeric());
                if glue {
                    p.text.push(' ');
                }
                p.text.push_str(line);
                p.lines.push(n);
            }
            None => {
                para = Some(Paragraph {
                    text: line.to_string(),
                    line: n,
                    lines: vec![n],
                })
            }
        }
    }
    flush(&mut para, &mut a.paragraphs);
    if a.title.is_empty() {
        notes.push((
            1,
            "no title: add `title:` to the front matter or a `# heading`; kept as an unstructured article"
                .to_string(),
        ));
        a.title = super::model::UNSTRUCTURED_TITLE.to_string();
        page.unstructured.push(1);
    }
    if a.paragraphs.is_empty() && a.intertitles.is_empty() {
        notes.push((
            lines.len().max(1) as u32,
            "no paragraphs after the header".to_string(),
        ));
    }
    if !kind_given {
        a.kind = if a.dateline.is_some() {
            Kind::News
        } else {
            Kind::Other
        };
    }
    for p in &a.paragraphs {
        figure_refs(&p.text, &mut a.figures);
    }
    (page, vec![a], notes)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn front_matter_dates_are_trimmed_and_checked() {
        let (p, a, notes) = parse_markdown_lenient(
            "a.md",
            "---\ntitle: 标题\ndate: \" 2020-02-12 \"\n---\n正文。\n",
        );
        assert!(notes.is_empty(), "{notes:?}");
        assert_eq!(a[0].date.as_deref(), Some("2020-02-12"));
        assert_eq!(p.date.as_deref(), Some("2020-02-12"));
        let (_, a, notes) =
            parse_markdown_lenient("a.md", "---\ntitle: 标题\ndate: +020-02-12\n---\n正文。\n");
        assert_eq!(a[0].date, None);
        assert_eq!(notes[0].0, 3);
        assert!(notes[0].1.starts_with("bad date"));
    }

    const FULL: &str = "---\ntitle: 社区菜园开园\nkicker: 小空间 大变化\nsubtitle: ——副题\ndate: 2021-05-06\nauthors: 记者 李青, 通讯员 孙悦\nkind: 消息\ndateline: 本报讯(记者 李青)\npaper: 某某日报\npage: 3\n---\n第一段的第一行，\n接着第二行。\n\n## 小标题\n\n第二段(图1)。\n";

    #[test]
    fn front_matter_fills_the_article_and_the_page() {
        let (p, a, notes) = parse_markdown_lenient("g.md", FULL);
        assert!(notes.is_empty(), "{notes:?}");
        let a = &a[0];
        assert_eq!(a.title, "社区菜园开园");
        assert_eq!(a.kicker.as_deref(), Some("小空间 大变化"));
        assert_eq!(a.subtitle.as_deref(), Some("——副题"));
        assert_eq!(a.kind, Kind::News);
        assert_eq!(a.dateline.as_deref(), Some("本报讯(记者 李青)"));
        let who: Vec<(&str, &str)> = a
            .authors
            .iter()
            .map(|x| (x.role.as_str(), x.name.as_str()))
            .collect();
        assert_eq!(who, [("记者", "李青"), ("通讯员", "孙悦")]);
        assert_eq!(p.paper.as_deref(), Some("某某日报"));
        assert_eq!(p.page.as_deref(), Some("3"));
    }

    #[test]
    fn wrapped_lines_join_and_intertitles_sit_before_their_paragraph() {
        let (_, a, _) = parse_markdown_lenient("g.md", FULL);
        let a = &a[0];
        let texts: Vec<&str> = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        assert_eq!(texts, ["第一段的第一行，接着第二行。", "第二段(图1)。"]);
        assert_eq!(a.paragraphs[0].lines, [12, 13]);
        assert_eq!(a.intertitles.len(), 1);
        assert_eq!(a.intertitles[0].text, "小标题");
        assert_eq!(a.intertitles[0].before, 1);
        assert_eq!(a.figures, ["图1"]);
        // Every line of the body is accounted for in the source range.
        assert_eq!((a.source.line, a.source.end_line), (1, 17));
    }

    #[test]
    fn a_file_without_a_title_is_kept_unstructured_with_a_warning() {
        let (_, a, notes) = parse_markdown_lenient("x.md", "只有正文，没有标题。\n");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].title, crate::model::UNSTRUCTURED_TITLE);
        assert_eq!(a[0].paragraphs[0].text, "只有正文，没有标题。");
        assert_eq!(notes.len(), 1);
        assert!(parse_markdown("x.md", "seeds/x.md", "只有正文。\n").is_err());
    }
}
