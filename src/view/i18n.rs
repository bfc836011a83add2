//! Interface strings in Chinese (default) and English.

use crate::archive::Kind;

/// Interface language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Lang {
    /// 中文.
    #[default]
    Zh,
    /// English.
    En,
}

impl Lang {
    /// Storage key.
    pub fn key(self) -> &'static str {
        match self {
            Lang::Zh => "zh",
            Lang::En => "en",
        }
    }

    /// Parses a stored key; anything unknown is Chinese.
    pub fn from_key(s: &str) -> Lang {
        if s == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// The BCP 47 code for `lang` attributes.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The other language (the toggle switches to it).
    pub fn other(self) -> Lang {
        match self {
            Lang::Zh => Lang::En,
            Lang::En => Lang::Zh,
        }
    }

    /// The strings.
    pub fn t(self) -> &'static Strings {
        match self {
            Lang::Zh => &ZH,
            Lang::En => &EN,
        }
    }

    /// A query hint in this language.
    pub fn hint(self, h: &crate::search::query::Hint) -> String {
        use crate::search::query::HintKind;
        match self {
            Lang::Zh => match &h.kind {
                HintKind::UnbalancedQuote => "引号未闭合:短语一直延续到结尾。".into(),
                HintKind::EmptyField(f) => format!("字段 `{f}:` 为空,已忽略。"),
                HintKind::UnknownField(f) => {
                    format!("未知字段 `{f}:`,按普通文字搜索。可用字段:title、author、kind、date。")
                }
                HintKind::UnknownKind(k) => {
                    format!("未知体裁 `{k}`:可用 消息、通讯、图片新闻、评论、其他。")
                }
                HintKind::BadDate(d) => {
                    format!("无法识别日期 `{d}`:请用 2020-02-04、2月4日 或范围 a..b。")
                }
                HintKind::DanglingOr => "`OR` 两边都需要有词。".into(),
                HintKind::EmptyTerm => "忽略了没有可搜索字符的词。".into(),
                HintKind::TooManyTerms { kept, dropped } => {
                    format!("只检索前 {kept} 个词,其余 {dropped} 个已略去。")
                }
            },
            Lang::En => match &h.kind {
                HintKind::UnbalancedQuote => "Unclosed quote: the phrase runs to the end.".into(),
                HintKind::EmptyField(f) => format!("Empty field `{f}:` ignored."),
                HintKind::UnknownField(f) => format!(
                    "Unknown field `{f}:`, searched as text. Fields: title, author, kind, date."
                ),
                HintKind::UnknownKind(k) => {
                    format!("Unknown kind `{k}`: use news, feature, photo, commentary, other.")
                }
                HintKind::BadDate(d) => {
                    format!("Date `{d}` not understood: use 2020-02-04, 2月4日 or a range a..b.")
                }
                HintKind::DanglingOr => "`OR` needs a term on both sides.".into(),
                HintKind::EmptyTerm => "A term with no searchable characters was ignored.".into(),
                HintKind::TooManyTerms { kept, dropped } => {
                    format!("Only the first {kept} terms are searched; {dropped} were left out.")
                }
            },
        }
    }

    /// Says that a link's query of `n` characters was cut to [`super::route::QUERY_CAP`].
    pub fn query_cut(self, n: usize) -> String {
        let cap = super::route::QUERY_CAP;
        match self {
            Lang::Zh => format!("链接中的查询有 {n} 个字符，只读取了前 {cap} 个。"),
            Lang::En => {
                format!("The link's query has {n} characters; only the first {cap} were read.")
            }
        }
    }

    /// A kind's name.
    pub fn kind(self, k: Kind) -> &'static str {
        match self {
            Lang::Zh => k.chinese(),
            Lang::En => match k {
                Kind::Feature => "Feature",
                Kind::News => "News",
                Kind::Photo => "Photo",
                Kind::Commentary => "Commentary",
                Kind::Other => "Other",
            },
        }
    }
}

/// Every string the interface shows.
#[derive(Debug)]
pub struct Strings {
    /// Page heading.
    pub app_title: &'static str,
    /// Search box label.
    pub search_label: &'static str,
    /// Search box placeholder.
    pub search_placeholder: &'static str,
    /// `{n} articles` after the count.
    pub results_suffix: &'static str,
    /// Results heading.
    pub results: &'static str,
    /// Shown when nothing matches.
    pub no_results: &'static str,
    /// Hits label in a result.
    pub hits: &'static str,
    /// For undated articles.
    pub undated: &'static str,
    /// Facet sidebar heading.
    pub filters: &'static str,
    /// Kind facet heading.
    pub kind: &'static str,
    /// Author facet heading.
    pub author: &'static str,
    /// Date facet heading.
    pub date: &'static str,
    /// Clear all filters.
    pub clear_all: &'static str,
    /// Reader: previous hit.
    pub prev_hit: &'static str,
    /// Reader: next hit.
    pub next_hit: &'static str,
    /// Reader: previous article.
    pub prev_article: &'static str,
    /// Reader: next article.
    pub next_article: &'static str,
    /// Reader: close.
    pub close: &'static str,
    /// Reader: original layout toggle.
    pub original_layout: &'static str,
    /// Original layout heading.
    pub original_heading: &'static str,
    /// Repaired text heading.
    pub repaired_heading: &'static str,
    /// Figures label.
    pub figures: &'static str,
    /// Photo credit label.
    pub photo: &'static str,
    /// Source label.
    pub source: &'static str,
    /// Cite button (GB/T 7714).
    pub cite_gbt: &'static str,
    /// Cite button (plain).
    pub cite_plain: &'static str,
    /// After copying.
    pub copied: &'static str,
    /// Export label.
    pub export: &'static str,
    /// Theme toggle.
    pub theme: &'static str,
    /// Theme names.
    pub theme_auto: &'static str,
    /// Light.
    pub theme_light: &'static str,
    /// Dark.
    pub theme_dark: &'static str,
    /// Font size label.
    pub font_size: &'static str,
    /// Language toggle shows the other language.
    pub other_lang: &'static str,
    /// Help toggle.
    pub help: &'static str,
    /// Syntax help lines.
    pub help_lines: &'static [&'static str],
    /// Sort label.
    pub sort: &'static str,
    /// Sort by relevance.
    pub sort_relevance: &'static str,
    /// Sort by date, oldest first.
    pub sort_oldest: &'static str,
    /// Sort by date, newest first.
    pub sort_newest: &'static str,
    /// Placeholder in the reader pane.
    pub pick_article: &'static str,
    /// Why-this-result toggle.
    pub why: &'static str,
    /// Error when the embedded archive cannot load.
    pub load_error: &'static str,
    /// Timeline hint.
    pub timeline_hint: &'static str,
    /// Back to results (phone).
    pub back: &'static str,
    /// A new version has been downloaded.
    pub update_ready: &'static str,
    /// Reload into the new version.
    pub reload: &'static str,
    /// Link to the single-file build.
    pub offline_download: &'static str,
    /// Tooltip of that link.
    pub offline_hint: &'static str,
    /// Facet / index headings for people, places, organisations.
    pub people: &'static str,
    /// Places.
    pub places: &'static str,
    /// Organisations.
    pub orgs: &'static str,
    /// Button opening the index of names.
    pub names_index: &'static str,
    /// Reader toggle underlining names.
    pub underline_names: &'static str,
    /// Search for this name.
    pub search_name: &'static str,
    /// Back from the index of names.
    pub back_to_results: &'static str,
    /// Skip link to the results.
    pub skip_to_results: &'static str,
    /// Tooltip of a paragraph joined across a column break, before its line numbers.
    pub repaired_break: &'static str,
    /// Dateline label in the reader.
    pub dateline: &'static str,
    /// The reader toolbar's label.
    pub reader_tools: &'static str,
    /// Show more results.
    pub show_more: &'static str,
    /// A column tag printed with the headline (`新语`).
    pub column: &'static str,
    /// Why-this-result: the proximity bonus.
    pub proximity: &'static str,
}

/// Chinese.
pub static ZH: Strings = Strings {
    app_title: "报纸档案检索",
    search_label: "搜索档案",
    search_placeholder: "输入关键词,如 不造谣、張建黨、zjd、date:2月7日..2月8日",
    results_suffix: "篇文章",
    results: "检索结果",
    no_results: "没有找到匹配的文章。试试更短的词、简繁体或拼音。",
    hits: "处命中",
    undated: "日期不详",
    filters: "筛选",
    kind: "体裁",
    author: "作者",
    date: "日期",
    clear_all: "清除全部筛选",
    prev_hit: "上一处",
    next_hit: "下一处",
    prev_article: "上一篇",
    next_article: "下一篇",
    close: "关闭",
    original_layout: "对照原版排列",
    original_heading: "原版(含分栏断行)",
    repaired_heading: "整理后正文",
    figures: "图片",
    photo: "摄影",
    source: "来源",
    cite_gbt: "复制引文(GB/T 7714)",
    cite_plain: "复制简明引文",
    copied: "已复制",
    export: "导出结果",
    theme: "主题",
    theme_auto: "跟随系统",
    theme_light: "浅色",
    theme_dark: "深色",
    font_size: "字号",
    other_lang: "English",
    help: "搜索语法",
    help_lines: &[
        "口罩 体温 — 两个词都要出现",
        "\"N95 口罩\" — 引号内为整体短语",
        "元宵 -张晓 — 排除含“张晓”的文章",
        "元宵 OR 春节 — 任一词出现即可",
        "title:张建党 · author:张劲松 · kind:消息",
        "date:2020-02-04 · date:2月7日..2月8日",
        "拼音:zhangjiandang、zhang jian dang、zjd",
        "快捷键:/ 搜索 · Esc 清空 · ↑↓ 或 j k 选择 · Enter 打开 · n / N 下一处 / 上一处",
    ],
    sort: "排序",
    sort_relevance: "相关度",
    sort_oldest: "日期(从旧到新)",
    sort_newest: "日期(从新到旧)",
    pick_article: "从左侧选择一篇文章阅读。",
    why: "为何匹配",
    load_error: "档案数据无法加载",
    timeline_hint: "点击某天筛选,拖动选择日期范围",
    back: "返回结果",
    update_ready: "新版本已就绪。",
    reload: "重新载入",
    offline_download: "下载离线版",
    offline_hint: "一个 HTML 文件,双击即可离线使用全部档案",
    people: "人物",
    places: "地点",
    orgs: "机构",
    names_index: "人名地名机构索引",
    underline_names: "标出人名地名",
    search_name: "搜索",
    back_to_results: "返回结果列表",
    skip_to_results: "跳到结果",
    repaired_break: "由分栏断行修复:行",
    dateline: "电头",
    reader_tools: "阅读工具",
    show_more: "显示更多",
    column: "栏目",
    proximity: "邻近加分",
};

/// English.
pub static EN: Strings = Strings {
    app_title: "Newspaper Archive Explorer",
    search_label: "Search the archive",
    search_placeholder: "Type to search, e.g. 不造谣, 張建黨, zjd, date:2月7日..2月8日",
    results_suffix: "articles",
    results: "Results",
    no_results: "No matching articles. Try a shorter term, the other script, or pinyin.",
    hits: "hits",
    undated: "undated",
    filters: "Filters",
    kind: "Kind",
    author: "Author",
    date: "Date",
    clear_all: "Clear all filters",
    prev_hit: "Previous hit",
    next_hit: "Next hit",
    prev_article: "Previous article",
    next_article: "Next article",
    close: "Close",
    original_layout: "Show original layout",
    original_heading: "As printed (with column breaks)",
    repaired_heading: "Repaired text",
    figures: "Figures",
    photo: "Photo",
    source: "Source",
    cite_gbt: "Copy citation (GB/T 7714)",
    cite_plain: "Copy plain citation",
    copied: "Copied",
    export: "Export results",
    theme: "Theme",
    theme_auto: "System",
    theme_light: "Light",
    theme_dark: "Dark",
    font_size: "Text size",
    other_lang: "中文",
    help: "Search syntax",
    help_lines: &[
        "口罩 体温 — both terms must occur",
        "\"N95 口罩\" — a quoted phrase is one term",
        "元宵 -张晓 — exclude articles containing 张晓",
        "元宵 OR 春节 — either term",
        "title:张建党 · author:张劲松 · kind:news",
        "date:2020-02-04 · date:2月7日..2月8日",
        "Pinyin: zhangjiandang, zhang jian dang, zjd",
        "Keys: / search · Esc clear · ↑↓ or j k select · Enter open · n / N next / previous hit",
    ],
    sort: "Sort",
    sort_relevance: "Relevance",
    sort_oldest: "Date, oldest first",
    sort_newest: "Date, newest first",
    pick_article: "Pick an article from the list to read it.",
    why: "Why this result",
    load_error: "The archive data could not be loaded",
    timeline_hint: "Click a day to filter; drag to select a range",
    back: "Back to results",
    update_ready: "A new version is ready.",
    reload: "Reload",
    offline_download: "Download for offline use",
    offline_hint: "One HTML file with the whole archive: double-click it, no network needed",
    people: "People",
    places: "Places",
    orgs: "Organisations",
    names_index: "Index of names",
    underline_names: "Underline names",
    search_name: "Search",
    back_to_results: "Back to the results",
    skip_to_results: "Skip to results",
    repaired_break: "Repaired column break: lines",
    dateline: "Dateline",
    reader_tools: "Reader tools",
    show_more: "Show more",
    column: "Column",
    proximity: "proximity",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_string_is_translated() {
        // Formatting the tables shows every field: none is empty in either language.
        for t in [&ZH, &EN] {
            let dump = format!("{t:?}");
            assert!(!dump.contains(": \"\""), "an empty string in {dump}");
            assert!(t.help_lines.iter().all(|l| !l.is_empty()));
        }
        assert_eq!(ZH.help_lines.len(), EN.help_lines.len());
        assert_ne!(ZH.repaired_break, EN.repaired_break);
        for l in [Lang::Zh, Lang::En] {
            assert_eq!(Lang::from_key(l.key()), l);
            assert_eq!(l.other().other(), l);
            assert_ne!(l.other().code(), l.code());
        }
    }
}
