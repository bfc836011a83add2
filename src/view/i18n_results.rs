//! Interface strings of the results, the phone layout, sharing and keyboard help (Chinese
//! first, English too), with the plural forms English needs.

use super::i18n::Lang;

/// The strings of this part of the interface.
#[derive(Debug)]
pub struct ResultStrings {
    /// `处` after a hit count (Chinese has no plural); English singular.
    pub hit_one: &'static str,
    /// English plural.
    pub hit_many: &'static str,
    /// `篇` after an article count; English singular.
    pub article_one: &'static str,
    /// English plural.
    pub article_many: &'static str,
    /// A term matched through its pinyin.
    pub pinyin_match: &'static str,
    /// Before a negated term.
    pub without: &'static str,
    /// The filter drawer's button (phone), before `(n)`.
    pub filters_button: &'static str,
    /// Close the filter drawer.
    pub close_filters: &'static str,
    /// Label of a chip's remove button, before the chip's label.
    pub remove_filter: &'static str,
    /// Why: a hit in the headline.
    pub why_title: &'static str,
    /// Why: before the number of hits in the text.
    pub why_body: &'static str,
    /// Why: after the number of hits in the text (English).
    pub why_body_after: &'static str,
    /// Why: before the number of hits elsewhere (byline, notes, credits).
    pub why_other: &'static str,
    /// Why: after it.
    pub why_other_after: &'static str,
    /// Why: the first paragraph matches.
    pub why_start: &'static str,
    /// Why: the numbers, under the words.
    pub why_numbers: &'static str,
    /// No results: before the query.
    pub nothing_for: &'static str,
    /// No results: after the query.
    pub nothing_for_after: &'static str,
    /// No results with filters: search without them.
    pub without_filters: &'static str,
    /// No results: similar terms found in the archive.
    pub try_these: &'static str,
    /// No results for Latin letters.
    pub latin_note: &'static str,
    /// Show all entries of a long facet.
    pub more: &'static str,
    /// Show ten again.
    pub fewer: &'static str,
    /// Copy the link of the current view.
    pub copy_link: &'static str,
    /// When the clipboard refused: the link is selected for copying by hand.
    pub copy_by_hand: &'static str,
    /// The settings menu.
    pub settings: &'static str,
    /// Keyboard date range: first day.
    pub date_from: &'static str,
    /// Last day.
    pub date_to: &'static str,
    /// Before the title of an article just opened (screen readers).
    pub opened: &'static str,
    /// Tooltip of an underlined name in the reader.
    pub filter_by_name: &'static str,
    /// Heading of the underline legend.
    pub legend: &'static str,
    /// A single-file build needs the network.
    pub offline_needs_network: &'static str,
}

/// Chinese.
pub static RZH: ResultStrings = ResultStrings {
    hit_one: "处",
    hit_many: "处",
    article_one: "篇",
    article_many: "篇",
    pinyin_match: "拼音匹配",
    without: "不含",
    filters_button: "筛选",
    close_filters: "完成",
    remove_filter: "移除筛选：",
    why_title: "标题命中",
    why_body: "正文 ",
    why_body_after: " 处",
    why_other: "署名等 ",
    why_other_after: " 处",
    why_start: "靠近开头",
    why_numbers: "评分明细",
    nothing_for: "没有找到含“",
    nothing_for_after: "”的文章。",
    without_filters: "去掉筛选再找",
    try_these: "档案中有这些相近的词：",
    latin_note: "档案正文都是中文：请输入汉字，或输入拼音（如 zhangjiandang、zjd）。",
    more: "更多",
    fewer: "收起",
    copy_link: "复制链接",
    copy_by_hand: "无法自动复制，请手动复制此链接：",
    settings: "设置",
    date_from: "起",
    date_to: "止",
    opened: "已打开：",
    filter_by_name: "按此名筛选",
    legend: "下划线：",
    offline_needs_network: "下载离线版需要联网",
};

/// English.
pub static REN: ResultStrings = ResultStrings {
    hit_one: "hit",
    hit_many: "hits",
    article_one: "article",
    article_many: "articles",
    pinyin_match: "pinyin match",
    without: "without",
    filters_button: "Filters",
    close_filters: "Done",
    remove_filter: "Remove filter: ",
    why_title: "in the headline",
    why_body: "",
    why_body_after: " in the text",
    why_other: "",
    why_other_after: " in byline or notes",
    why_start: "near the start",
    why_numbers: "Scores",
    nothing_for: "No articles contain “",
    nothing_for_after: "”.",
    without_filters: "Search without filters",
    try_these: "Similar terms in the archive: ",
    latin_note:
        "The texts are in Chinese: type Chinese characters, or pinyin (e.g. zhangjiandang, zjd).",
    more: "more",
    fewer: "fewer",
    copy_link: "Copy link",
    copy_by_hand: "Could not copy; copy this link by hand:",
    settings: "Settings",
    date_from: "From",
    date_to: "To",
    opened: "Opened: ",
    filter_by_name: "Filter by this name",
    legend: "Underlined:",
    offline_needs_network: "Downloading the offline file needs the network",
};

impl Lang {
    /// The strings of the results part.
    pub fn r(self) -> &'static ResultStrings {
        match self {
            Lang::Zh => &RZH,
            Lang::En => &REN,
        }
    }

    /// The word after a count of articles: `篇`, `article`, `articles`.
    pub fn articles_word(self, n: usize) -> &'static str {
        let r = self.r();
        if n == 1 {
            r.article_one
        } else {
            r.article_many
        }
    }

    /// `14 处`, `1 hit`, `14 hits`.
    pub fn hits_n(self, n: usize) -> String {
        let r = self.r();
        format!("{n} {}", if n == 1 { r.hit_one } else { r.hit_many })
    }

    /// The hit counter for screen readers: `第 2 处，共 3 处`, `hit 2 of 3`.
    pub fn hit_of(self, i: usize, n: usize) -> String {
        match self {
            Lang::Zh => format!("第 {i} 处，共 {n} 处"),
            Lang::En => format!("hit {i} of {n}"),
        }
    }

    /// The language for a browser's `navigator.languages`: the first of them that is Chinese or
    /// English decides; a browser with neither is not Chinese, so English.
    pub fn from_languages(langs: &[String]) -> Lang {
        for l in langs {
            let l = l.to_ascii_lowercase();
            if l == "zh" || l.starts_with("zh-") {
                return Lang::Zh;
            }
            if l == "en" || l.starts_with("en-") {
                return Lang::En;
            }
        }
        if langs.is_empty() {
            Lang::Zh
        } else {
            Lang::En
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_are_right_in_english_and_absent_in_chinese() {
        assert_eq!(Lang::En.hits_n(1), "1 hit");
        assert_eq!(Lang::En.hits_n(0), "0 hits");
        assert_eq!(Lang::En.hits_n(14), "14 hits");
        assert_eq!(Lang::Zh.hits_n(1), "1 处");
        assert_eq!(Lang::En.articles_word(1), "article");
        assert_eq!(Lang::En.articles_word(5), "articles");
        assert_eq!(Lang::Zh.articles_word(5), "篇");
        assert_eq!(Lang::Zh.hit_of(2, 3), "第 2 处，共 3 处");
        assert_eq!(Lang::En.hit_of(2, 3), "hit 2 of 3");
    }

    #[test]
    fn browser_languages_pick_the_interface() {
        let l =
            |v: &[&str]| Lang::from_languages(&v.iter().map(|s| s.to_string()).collect::<Vec<_>>());
        assert_eq!(l(&["zh-CN", "en"]), Lang::Zh);
        assert_eq!(l(&["zh-TW"]), Lang::Zh);
        assert_eq!(l(&["en-US", "zh-CN"]), Lang::En);
        assert_eq!(l(&["de-DE", "fr"]), Lang::En);
        assert_eq!(l(&["de-DE", "zh"]), Lang::Zh);
        assert_eq!(l(&["EN-gb"]), Lang::En);
        assert_eq!(l(&[]), Lang::Zh);
        // "zha" is not Chinese's tag.
        assert_eq!(l(&["zha"]), Lang::En);
    }

    #[test]
    fn every_string_is_there() {
        for t in [&RZH, &REN] {
            let dump = format!("{t:?}");
            // Only the English `why_body`/`why_other` prefixes are empty by design.
            assert_eq!(
                dump.matches(": \"\"").count(),
                if std::ptr::eq(t, &REN) { 2 } else { 0 }
            );
        }
    }
}
