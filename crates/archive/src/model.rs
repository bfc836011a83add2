//! The archive's data model: pages and the articles printed on them.
//!
//! Text is stored exactly as printed (half-width `!` and `,` stay); folding for search is the
//! search module's job. Line numbers are 1-based and refer to the source file.

use serde::{Deserialize, Serialize};

/// Everything the explorer knows: the pages it was built from and their articles, in page order.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Archive {
    /// One entry per source file, in file-name order.
    pub pages: Vec<std::sync::Arc<Page>>,
    /// Articles in page order (page by page, top to bottom).
    pub articles: Vec<std::sync::Arc<Article>>,
    /// People, places and organisations named in the articles (extracted at build time).
    pub entities: Vec<Entity>,
}

/// What an entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    /// A person (officials, doctors, donors, reporters…).
    Person,
    /// A place (districts, townships, villages, stations…).
    Place,
    /// An organisation (hospitals, companies, associations, offices…).
    Org,
}

impl EntityKind {
    /// All kinds, in display order.
    pub const ALL: [EntityKind; 3] = [EntityKind::Person, EntityKind::Place, EntityKind::Org];

    /// Stable key used in JSON and URLs.
    pub fn key(self) -> &'static str {
        match self {
            EntityKind::Person => "person",
            EntityKind::Place => "place",
            EntityKind::Org => "org",
        }
    }
}

/// Where an entity is mentioned: a byte range in an article's title or paragraph.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Mention {
    /// Index into `archive.articles`.
    pub article: u32,
    /// Paragraph index, or `None` for the title.
    pub paragraph: Option<u32>,
    /// Start (bytes, on a char boundary).
    pub start: u32,
    /// End (bytes, exclusive).
    pub end: u32,
    /// The mention is a credit (the reporter's name in a dateline such as `本报讯（记者 张劲松）`),
    /// not a mention in the news.
    #[serde(default)]
    pub credit: bool,
}

/// A person, place or organisation with every mention.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entity {
    /// The name as printed (the longest form found).
    pub name: String,
    /// What it is.
    pub kind: EntityKind,
    /// Other forms that refer to it in an article, e.g. `韩主任` for `韩宝珠`.
    pub aliases: Vec<String>,
    /// Every mention, in page order.
    pub mentions: Vec<Mention>,
    /// Articles that credit this person (byline, dateline or photo credit), ascending. A person
    /// credited on a photo only may have no mention at all.
    #[serde(default)]
    pub credited: Vec<u32>,
    /// Named only as a credit (a reporter or photographer), never in the news itself: facets of
    /// "people in the news" leave such entities out, or count them apart, to avoid counting a
    /// byline twice.
    #[serde(default)]
    pub byline_only: bool,
}

impl Entity {
    /// Indexes of the articles that name it in the news (mentions that are not credits),
    /// ascending, without repeats.
    pub fn news_articles(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self
            .mentions
            .iter()
            .filter(|m| !m.credit)
            .map(|m| m.article)
            .collect();
        v.dedup();
        v
    }

    /// Indexes of the articles that mention it, ascending, without repeats.
    pub fn articles(&self) -> Vec<u32> {
        let mut v: Vec<u32> = self.mentions.iter().map(|m| m.article).collect();
        v.dedup();
        v
    }
}

/// One source file: a printed newspaper page, or a folder of Markdown articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Page {
    /// Source file name relative to the seeds folder, e.g. `000_20dea06dc3c2f291.txt`.
    pub file: String,
    /// Newspaper title, when the sidecar or an `archive.toml` gives it.
    pub paper: Option<String>,
    /// Edition date (ISO `YYYY-MM-DD`), when the sidecar or the file's path gives it.
    pub date: Option<String>,
    /// Page number or label, when the sidecar or the file's path gives it.
    pub page: Option<String>,
    /// Year used to complete `M月D日` dates in the text, when the sidecar (or `archive.toml`,
    /// or the edition date) gives it.
    pub year: Option<i32>,
    /// Every line of the file as printed (without line terminators); index `i` is line `i + 1`.
    pub lines: Vec<String>,
    /// First lines (`Source::line`) of the articles on this page that the parser could not
    /// structure: text without a recognisable headline, kept whole as body paragraphs under the
    /// placeholder title `（无题）` so that it stays searchable. Each has a load warning.
    #[serde(default)]
    pub unstructured: Vec<u32>,
}

/// Facts about a page that its text does not give: from `<name>.toml` beside it, the folder's
/// `archive.toml` and the file's path (the loader merges them). The page parser reads these;
/// the loader fills them in.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Sidecar {
    /// Newspaper title.
    pub paper: Option<String>,
    /// Edition date, ISO `YYYY-MM-DD` (stored trimmed).
    pub date: Option<String>,
    /// Page number or label.
    pub page: Option<String>,
    /// Year for `M月D日` dates in the text.
    pub year: Option<i32>,
    /// Encoding of the page when it is not UTF-8 (a WHATWG label such as `gbk`, `gb18030`).
    pub encoding: Option<String>,
}

/// The title of an article the parser could not structure (its text has no headline).
pub const UNSTRUCTURED_TITLE: &str = "（无题）";

/// What kind of piece an article is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Kind {
    /// 通讯: a feature with its own byline, often with a subtitle and intertitles.
    Feature,
    /// 消息: a news report opening with a dateline (`本报讯…`, `…电`).
    News,
    /// 图片新闻: a photo with a title, a caption and a photo credit.
    Photo,
    /// 评论: commentary, marked by a column tag such as `（新语）` or an editor's note.
    Commentary,
    /// Anything else.
    Other,
}

impl Kind {
    /// All kinds, in display order.
    pub const ALL: [Kind; 5] = [
        Kind::Feature,
        Kind::News,
        Kind::Photo,
        Kind::Commentary,
        Kind::Other,
    ];

    /// The English key used in JSON and in `kind:` queries.
    pub fn key(self) -> &'static str {
        match self {
            Kind::Feature => "feature",
            Kind::News => "news",
            Kind::Photo => "photo",
            Kind::Commentary => "commentary",
            Kind::Other => "other",
        }
    }

    /// The Chinese name used in the interface and accepted in `kind:` queries.
    pub fn chinese(self) -> &'static str {
        match self {
            Kind::Feature => "通讯",
            Kind::News => "消息",
            Kind::Photo => "图片新闻",
            Kind::Commentary => "评论",
            Kind::Other => "其他",
        }
    }

    /// Parses an English key or a Chinese name (`消息`, `图片` and `图片新闻` both work).
    pub fn from_name(name: &str) -> Option<Kind> {
        let n = name.trim().to_ascii_lowercase();
        Kind::ALL
            .into_iter()
            .find(|k| k.key() == n || k.chinese() == n || (*k == Kind::Photo && n == "图片"))
    }
}

/// A person credited on an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Author {
    /// The name as printed, e.g. `张劲松`.
    pub name: String,
    /// The role printed before the name: `记者`, `本报记者`, `通讯员`… Empty when none is printed.
    pub role: String,
    /// What the person contributed when printed after the name: `文/图`, `摄`, `图`, `文`.
    pub credit: Option<String>,
}

/// A paragraph of body text, with where it came from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// The repaired text: pieces split by a column break are joined with nothing between them.
    pub text: String,
    /// First source line (1-based).
    pub line: u32,
    /// Every source line the paragraph was joined from (more than one after a column-break repair).
    pub lines: Vec<u32>,
}

/// A section heading inside an article (e.g. `会战!大年初一吹响紧急集结号`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Intertitle {
    /// The heading as printed.
    pub text: String,
    /// Source line (1-based).
    pub line: u32,
    /// Index into `paragraphs` of the first paragraph under this heading.
    pub before: u32,
}

/// Where an article comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Source {
    /// Source file name relative to the seeds folder.
    pub file: String,
    /// First line of the article (1-based).
    pub line: u32,
    /// Last line of the article (1-based, inclusive).
    pub end_line: u32,
}

/// One article with its headline block, credits and text.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// Stable identifier, derived from the date (or source file) and the title's pinyin initials.
    pub id: String,
    /// 引题: the line above the title, when printed.
    pub kicker: Option<String>,
    /// The main headline.
    pub title: String,
    /// 副题: the line below the title (often starting with `——`), when printed.
    pub subtitle: Option<String>,
    /// A column tag printed with the headline, such as `新语` from `（新语）`.
    pub column: Option<String>,
    /// What kind of piece this is.
    pub kind: Kind,
    /// ISO date `YYYY-MM-DD` when the text and page metadata give it, else `None` (never invented).
    pub date: Option<String>,
    /// The dateline as printed, e.g. `本报讯(记者 张劲松)2月4日上午`.
    pub dateline: Option<String>,
    /// Credited people, in the order printed.
    pub authors: Vec<Author>,
    /// Section headings, each placed before a paragraph.
    pub intertitles: Vec<Intertitle>,
    /// Figure references in the text, e.g. `图1`, in order of first mention.
    pub figures: Vec<String>,
    /// Photo credits as printed, e.g. `记者 张劲松 摄`.
    pub photo_credits: Vec<String>,
    /// An editor's note (`编者按`) printed with the article.
    pub editor_note: Option<String>,
    /// Body paragraphs (for a photo item: the caption).
    pub paragraphs: Vec<Paragraph>,
    /// Where the article is in its source file; `page.lines[line-1..end_line]` is its original layout.
    pub source: Source,
}

impl Article {
    /// An article with a title from `file` line 1 and nothing else yet (kind `other`, undated,
    /// no text): the starting point for parsers, generators and tests, which fill in the rest.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        file: impl Into<String>,
    ) -> Article {
        Article {
            id: id.into(),
            kicker: None,
            title: title.into(),
            subtitle: None,
            column: None,
            kind: Kind::Other,
            date: None,
            dateline: None,
            authors: Vec::new(),
            intertitles: Vec::new(),
            figures: Vec::new(),
            photo_credits: Vec::new(),
            editor_note: None,
            paragraphs: Vec::new(),
            source: Source {
                file: file.into(),
                line: 1,
                end_line: 1,
            },
        }
    }
}

impl Article {
    /// The headline block as one line: kicker, title and subtitle.
    pub fn headline(&self) -> String {
        let mut parts: Vec<&str> = Vec::new();
        if let Some(k) = &self.kicker {
            parts.push(k);
        }
        parts.push(&self.title);
        if let Some(s) = &self.subtitle {
            parts.push(s);
        }
        parts.join(" ")
    }
}

/// Which part of an article a text belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    /// 主题.
    Title,
    /// 引题.
    Kicker,
    /// 副题.
    Subtitle,
    /// A column tag printed with the headline (`新语` from `（新语）`).
    Column,
    /// The credited names, as [`Article::byline`] prints them.
    Byline,
    /// An editor's note.
    EditorNote,
    /// A section heading; `index` is its position in `intertitles`.
    Intertitle,
    /// A body paragraph (or photo caption); `index` is its position in `paragraphs`.
    Body,
    /// A photo credit line; `index` is its position in `photo_credits`.
    Credit,
}

impl Field {
    /// Whether the field belongs to the headline block (`title:` searches these).
    pub fn is_headline(self) -> bool {
        matches!(
            self,
            Field::Title | Field::Kicker | Field::Subtitle | Field::Column
        )
    }

    /// Stable name used in JSON.
    pub fn key(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::Kicker => "kicker",
            Field::Subtitle => "subtitle",
            Field::Column => "column",
            Field::Byline => "byline",
            Field::EditorNote => "editor_note",
            Field::Intertitle => "intertitle",
            Field::Body => "body",
            Field::Credit => "credit",
        }
    }
}

/// One text of an article: which field, its position within the field, and the text as printed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Text<'a> {
    /// The field.
    pub field: Field,
    /// Position within the field (paragraph number…); 0 for single-valued fields.
    pub index: u32,
    /// The text as printed.
    pub text: std::borrow::Cow<'a, str>,
}

impl Article {
    /// Every text of the article that a reader sees, in reading order: the headline block
    /// (kicker, title, subtitle, column tag), the byline, the editor's note, the intertitles,
    /// the paragraphs and the photo credits. Empty texts are left out.
    ///
    /// This is **the** list of what is searchable: the index, the folding tables, snippets and
    /// the `archive truth` oracle all read it, so a field shown in the reader can never be
    /// missing from search.
    pub fn texts<'a>(&'a self) -> Vec<Text<'a>> {
        use std::borrow::Cow::{Borrowed, Owned};
        let mut v: Vec<Text<'a>> =
            Vec::with_capacity(6 + self.intertitles.len() + self.paragraphs.len());
        let mut push = |field, index, text: std::borrow::Cow<'a, str>| {
            if !text.is_empty() {
                v.push(Text { field, index, text });
            }
        };
        if let Some(k) = &self.kicker {
            push(Field::Kicker, 0, Borrowed(k.as_str()));
        }
        push(Field::Title, 0, Borrowed(self.title.as_str()));
        if let Some(s) = &self.subtitle {
            push(Field::Subtitle, 0, Borrowed(s.as_str()));
        }
        if let Some(c) = &self.column {
            push(Field::Column, 0, Borrowed(c.as_str()));
        }
        push(Field::Byline, 0, Owned(self.byline()));
        if let Some(n) = &self.editor_note {
            push(Field::EditorNote, 0, Borrowed(n.as_str()));
        }
        for (i, t) in self.intertitles.iter().enumerate() {
            push(Field::Intertitle, i as u32, Borrowed(t.text.as_str()));
        }
        for (i, p) in self.paragraphs.iter().enumerate() {
            push(Field::Body, i as u32, Borrowed(p.text.as_str()));
        }
        for (i, c) in self.photo_credits.iter().enumerate() {
            push(Field::Credit, i as u32, Borrowed(c.as_str()));
        }
        v
    }

    /// One text by field and position, as [`Article::texts`] lists it.
    pub fn text(&self, field: Field, index: u32) -> Option<std::borrow::Cow<'_, str>> {
        use std::borrow::Cow::{Borrowed, Owned};
        let i = index as usize;
        match field {
            Field::Title => Some(Borrowed(self.title.as_str())),
            Field::Kicker => self.kicker.as_deref().map(Borrowed),
            Field::Subtitle => self.subtitle.as_deref().map(Borrowed),
            Field::Column => self.column.as_deref().map(Borrowed),
            Field::Byline => Some(Owned(self.byline())),
            Field::EditorNote => self.editor_note.as_deref().map(Borrowed),
            Field::Intertitle => self.intertitles.get(i).map(|t| Borrowed(t.text.as_str())),
            Field::Body => self.paragraphs.get(i).map(|p| Borrowed(p.text.as_str())),
            Field::Credit => self.photo_credits.get(i).map(|c| Borrowed(c.as_str())),
        }
    }
}

impl Article {
    /// The credited names as one line, e.g. `记者 张劲松 文/图` or `本报记者 王一 李二 通讯员 赵三`.
    pub fn byline(&self) -> String {
        let mut out: Vec<&str> = Vec::new();
        let mut role: Option<&str> = None;
        for a in &self.authors {
            if role != Some(a.role.as_str()) && !a.role.is_empty() {
                out.push(&a.role);
            }
            role = Some(&a.role);
            out.push(&a.name);
            if let Some(c) = &a.credit {
                out.push(c);
            }
        }
        out.join(" ")
    }
}

impl Archive {
    /// The page an article was printed on.
    pub fn page_of(&self, article: &Article) -> Option<&Page> {
        self.pages
            .iter()
            .find(|p| p.file == article.source.file)
            .map(|p| &**p)
    }

    /// The source lines of an article as printed (its original layout), with line numbers.
    pub fn raw_lines<'a>(&'a self, article: &Article) -> Vec<(u32, &'a str)> {
        let Some(page) = self.page_of(article) else {
            return Vec::new();
        };
        let start = article.source.line.max(1) as usize;
        let end = (article.source.end_line as usize).min(page.lines.len());
        (start..=end)
            .filter_map(|n| page.lines.get(n - 1).map(|l| (n as u32, l.as_str())))
            .collect()
    }
}
