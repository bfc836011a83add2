//! Interface strings of the browse views (calendar, edition, page) and the archive summary, in
//! Chinese and English.

use super::browse::{grouped, Summary};
use super::cite::PAPER_UNKNOWN;
use super::i18n::Lang;

/// The browse views' fixed strings.
#[derive(Debug)]
pub struct BrowseStrings {
    /// The link from the summary to the calendar.
    pub browse: &'static str,
    /// Calendar heading.
    pub calendar: &'static str,
    /// Heading of the editions without a date.
    pub undated_editions: &'static str,
    /// Previous page (版).
    pub prev_page: &'static str,
    /// Next page.
    pub next_page: &'static str,
    /// Previous edition (期).
    pub prev_edition: &'static str,
    /// Next edition.
    pub next_edition: &'static str,
    /// The reader's link to the page view with the article marked.
    pub show_on_page: &'static str,
    /// A page or edition named by a link that the archive does not hold.
    pub not_found: &'static str,
    /// Label of the marked article on a page.
    pub marked: &'static str,
    /// A page without a number.
    pub page_unknown: &'static str,
    /// The paper's name when no page gives it.
    pub paper_unknown: &'static str,
    /// Days of the week, Monday first.
    pub weekdays: [&'static str; 7],
    /// The result order of an empty query (the archive's page order).
    pub page_order: &'static str,
    /// Label of the browse views' navigation.
    pub nav: &'static str,
}

/// Chinese.
pub static ZH_B: BrowseStrings = BrowseStrings {
    browse: "按日期浏览版面",
    calendar: "版面日历",
    undated_editions: "日期不详的期次",
    prev_page: "上一版",
    next_page: "下一版",
    prev_edition: "上一期",
    next_edition: "下一期",
    show_on_page: "在整版中查看",
    not_found: "档案中没有这一期或这一版。",
    marked: "所选文章",
    page_unknown: "[版次不详]",
    paper_unknown: PAPER_UNKNOWN,
    weekdays: ["一", "二", "三", "四", "五", "六", "日"],
    page_order: "版面顺序",
    nav: "翻阅",
};

/// English.
pub static EN_B: BrowseStrings = BrowseStrings {
    browse: "Browse by date",
    calendar: "Calendar of editions",
    undated_editions: "Undated editions",
    prev_page: "Previous page",
    next_page: "Next page",
    prev_edition: "Previous edition",
    next_edition: "Next edition",
    show_on_page: "Show on the page",
    not_found: "The archive holds no such edition or page.",
    marked: "Selected article",
    page_unknown: "[page unknown]",
    paper_unknown: "[paper unknown]",
    weekdays: ["Mo", "Tu", "We", "Th", "Fr", "Sa", "Su"],
    page_order: "Page order",
    nav: "Turn pages",
};

const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

impl Lang {
    /// The browse strings.
    pub fn b(self) -> &'static BrowseStrings {
        match self {
            Lang::Zh => &ZH_B,
            Lang::En => &EN_B,
        }
    }

    /// `n` of a unit: `151 期`, `1 edition`, `2,292 pages`. `unit` 0: editions, 1: pages,
    /// 2: articles.
    pub fn count(self, n: usize, unit: usize) -> String {
        let u = match self {
            Lang::Zh => ["期", "版", "篇"][unit.min(2)],
            Lang::En => {
                let u = ["edition", "page", "article"][unit.min(2)];
                return format!("{} {u}{}", grouped(n), if n == 1 { "" } else { "s" });
            }
        };
        format!("{} {u}", grouped(n))
    }

    /// A paper's name, or the placeholder for an unknown one.
    pub fn paper(self, p: Option<&str>) -> &str {
        p.unwrap_or(self.b().paper_unknown)
    }

    /// A page's label: `第3版`, `Page 3`, or the placeholder.
    pub fn page_label(self, page: Option<&str>) -> String {
        match (self, page) {
            (_, None) => self.b().page_unknown.to_string(),
            (Lang::Zh, Some(p)) => format!("第{p}版"),
            (Lang::En, Some(p)) => format!("Page {p}"),
        }
    }

    /// A year: `2020年`, `2020`.
    pub fn year(self, y: i32) -> String {
        match self {
            Lang::Zh => format!("{y}年"),
            Lang::En => y.to_string(),
        }
    }

    /// A month (1–12): `2月`, `Feb`.
    pub fn month(self, m: u32) -> String {
        match self {
            Lang::Zh => format!("{m}月"),
            Lang::En => MONTHS[(m.clamp(1, 12) - 1) as usize].to_string(),
        }
    }

    /// The archive in one line: `人民日报 · 2019-02-01 – 2020-05-31 · 151 期 · 2,292 版 · 10,294 篇`.
    pub fn summary(self, s: &Summary) -> String {
        let mut papers: Vec<&str> = s.papers.iter().take(3).copied().collect();
        if (s.unknown_paper && s.papers.len() <= 3) || s.papers.is_empty() {
            papers.push(self.b().paper_unknown);
        }
        let mut names = papers.join(if self == Lang::Zh { "、" } else { ", " });
        if s.papers.len() > 3 {
            names.push_str(&match self {
                Lang::Zh => format!(" 等 {} 种", s.papers.len()),
                Lang::En => format!(" and {} more", s.papers.len() - 3),
            });
        }
        let dates = match (s.range, self) {
            (None, _) => self.t().undated.to_string(),
            (Some((a, b)), _) if !s.range_of_articles && a == b => a.to_string(),
            (Some((a, b)), _) if !s.range_of_articles => format!("{a} – {b}"),
            (Some((a, b)), Lang::Zh) => format!("出版日期不详(报道日期 {a} – {b})"),
            (Some((a, b)), Lang::En) => format!("edition dates unknown (reports dated {a} – {b})"),
        };
        [
            names,
            dates,
            self.count(s.editions, 0),
            self.count(s.pages, 1),
            self.count(s.articles, 2),
        ]
        .join(" · ")
    }

    /// The honest label of the result order for an empty query or relevance.
    pub fn sort_default(self, empty_query: bool) -> &'static str {
        if empty_query {
            self.b().page_order
        } else {
            self.t().sort_relevance
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn summary() -> Summary<'static> {
        Summary {
            papers: vec!["人民日报"],
            unknown_paper: false,
            range: Some(("2019-02-01", "2020-05-31")),
            range_of_articles: false,
            editions: 151,
            pages: 2292,
            articles: 10294,
        }
    }

    #[test]
    fn the_summary_line_in_both_languages() {
        assert_eq!(
            Lang::Zh.summary(&summary()),
            "人民日报 · 2019-02-01 – 2020-05-31 · 151 期 · 2,292 版 · 10,294 篇"
        );
        assert_eq!(
            Lang::En.summary(&summary()),
            "人民日报 · 2019-02-01 – 2020-05-31 · 151 editions · 2,292 pages · 10,294 articles"
        );
        let one = Summary {
            papers: vec![],
            unknown_paper: true,
            range: Some(("2020-02-04", "2020-02-11")),
            range_of_articles: true,
            editions: 1,
            pages: 1,
            articles: 1,
        };
        assert_eq!(
            Lang::En.summary(&one),
            "[paper unknown] · edition dates unknown (reports dated 2020-02-04 – 2020-02-11) · 1 edition · 1 page · 1 article"
        );
        assert!(Lang::Zh
            .summary(&one)
            .starts_with("[报名不详] · 出版日期不详"));
        let many = Summary {
            papers: vec!["甲报", "乙报", "丙报", "丁报"],
            unknown_paper: true,
            range: None,
            ..summary()
        };
        assert_eq!(
            Lang::Zh.summary(&many),
            "甲报、乙报、丙报 等 4 种 · 日期不详 · 151 期 · 2,292 版 · 10,294 篇"
        );
    }

    #[test]
    fn every_browse_string_is_translated() {
        let (z, e) = (format!("{ZH_B:?}"), format!("{EN_B:?}"));
        assert!(!z.contains(": \"\"") && !e.contains(": \"\""));
        assert_ne!(ZH_B.prev_page, EN_B.prev_page);
        assert_eq!(Lang::En.month(2), "Feb");
        assert_eq!(Lang::Zh.page_label(Some("3")), "第3版");
        assert_eq!(Lang::En.page_label(None), "[page unknown]");
        assert_eq!(Lang::Zh.sort_default(true), "版面顺序");
        assert_eq!(Lang::En.sort_default(false), "Relevance");
    }
}
