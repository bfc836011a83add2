//! The page parser: one OCR'd newspaper page in, its articles out.
//!
//! 1. **Lines to blocks.** Every non-blank line is a block; we note the blank lines before it
//!    and whether it is indented (two U+3000 or spaces, the style of pages without blank lines).
//! 2. **Blocks to roles.** Each block is classified on its own: headline candidate (short, no
//!    `。`, not ending mid-sentence), subtitle (`——…`), byline (`记者 张劲松 文/图`), photo credit,
//!    dateline paragraph (`本报讯…`, `…电`), one-line photo item, editor's note, closing byline, body.
//! 3. **Roles to articles.** A run of headline lines starts an article when something confirms
//!    it: a subtitle, a column tag, a byline, a dateline or editor's note after it, or two blank
//!    lines (or the top of the page) before it. Otherwise a lone headline line inside an
//!    article is an intertitle, and a second one in a row is body text.
//!    On indented pages (e-edition exports: every paragraph starts with two U+3000), an
//!    unindented headline run after a closed paragraph always starts an article, one blank line
//!    separates runs, and a short indented line without closing punctuation is an intertitle.
//!    A kicker (引题) may be long (up to [`KICKER_MAX_CHARS`]) when it ends with `——`; labels
//!    such as `广告` or `图片报道` are items of their own.
//! 4. **Column breaks.** A body paragraph that does not end a sentence (no closing punctuation)
//!    is joined with the next body block when it ends with `，`/`、`, or is long (a full column
//!    line, at least [`BREAK_MIN_CHARS`] characters), or (indented pages) the next line is not
//!    indented. Headlines and intertitles are never joined.
//! 5. **Nothing is lost.** Text before the first headline (or a page without one) becomes an
//!    *unstructured* article: its lines are body paragraphs under `（无题）`, its first line is
//!    listed in [`Page::unstructured`], and [`parse_page_lenient`] returns a warning for it.
//!
//! ```
//! use archive::page::parse_page;
//! use archive::Sidecar;
//! let text = "示范区召开推进会\n\n本报讯(记者 王一)2月4日上午,示范区召开会议,要求各乡办认真做好\n\n防控工作。\n";
//! let (_, articles) = parse_page("p.txt", text, &Sidecar { year: Some(2020), ..Default::default() }).unwrap();
//! assert_eq!(articles[0].title, "示范区召开推进会");
//! assert_eq!(articles[0].date.as_deref(), Some("2020-02-04"));
//! // The paragraph cut by a column break is joined again.
//! assert!(articles[0].paragraphs[0].text.ends_with("认真做好防控工作。"));
//! ```

use super::error::ParseError;
use super::model::{Article, Author, Intertitle, Kind, Page, Paragraph, Sidecar, Source};
use super::text::{
    char_len, figure_refs, find_month_day, is_closing, is_han, is_mid_sentence, is_space, iso_date,
    parse_byline, parse_photo_credit, split_lines,
};

/// Longest line (in characters) that can be a headline or intertitle.
pub const HEADLINE_MAX_CHARS: usize = 40;
/// A paragraph at least this long that stops without closing punctuation was cut by a column break.
pub const BREAK_MIN_CHARS: usize = 30;
/// Longest kicker (引题) ending with `——`, in characters.
pub const KICKER_MAX_CHARS: usize = 160;
/// Longest indented line that can be an intertitle on an indented page.
pub const INTERTITLE_MAX_CHARS: usize = 30;
/// Headline-only items printed on their own (`广告`): never part of another headline block.
pub const LABELS: [&str; 7] = [
    "广告",
    "公益广告",
    "广而告之",
    "图片报道",
    "图片新闻",
    "图片故事",
    "启事",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Role {
    Kicker,
    Headline,
    Subtitle,
    Byline,
    Credit,
    Dateline,
    PhotoLine,
    EditorNote,
    ClosingByline,
    Body,
}

#[derive(Debug, Clone)]
struct Block {
    text: String,
    line: u32,
    gap: usize,
    indented: bool,
    role: Role,
}

fn blocks_of(lines: &[String]) -> Vec<Block> {
    let mut out = Vec::new();
    let mut gap = 0;
    for (i, raw) in lines.iter().enumerate() {
        let text = raw.trim_matches(is_space);
        if text.is_empty() {
            gap += 1;
            continue;
        }
        let lead: String = raw.chars().take_while(|c| is_space(*c)).collect();
        let indented = lead.contains('\u{3000}') || lead.chars().count() >= 2;
        let mut b = Block {
            text: text.to_string(),
            line: i as u32 + 1,
            gap: if out.is_empty() { usize::MAX } else { gap },
            indented,
            role: Role::Body,
        };
        b.role = classify(&b);
        out.push(b);
        gap = 0;
    }
    out
}

fn strip_marker(s: &str) -> &str {
    s.trim_start_matches(['□', '■', '◇', '◆'])
        .trim_start_matches(is_space)
}

/// A dateline opening: `本报讯`, `本报北京2月4日电`, `新华社武汉2月17日电`, `据新华社…`.
fn dateline_len(text: &str) -> Option<usize> {
    let t = strip_marker(text);
    let offset = text.len() - strip_marker(text).len();
    for p in ["本报讯", "本刊讯", "新华社讯", "中新网讯"] {
        if t.starts_with(p) {
            return Some(offset + p.len());
        }
    }
    for p in ["本报", "新华社", "据新华社", "中新社", "人民网"] {
        if let Some(rest) = t.strip_prefix(p) {
            // `…电` within the next few characters, after a date.
            let head: String = rest.chars().take(16).collect();
            if let Some(pos) = head.find('电') {
                if find_month_day(&head[..pos]).is_some() || pos <= 3 * 6 {
                    return Some(offset + p.len() + pos + '电'.len_utf8());
                }
            }
        }
    }
    None
}

/// A column tag at the end of a headline: `（新语）`, `(时评)`. Returns (headline, tag).
fn split_column_tag(text: &str) -> (&str, Option<&str>) {
    let t = text.trim_end_matches(is_space);
    for (open, close) in [('（', '）'), ('(', ')'), ('【', '】'), ('[', ']')] {
        if let Some(inner) = t.strip_suffix(close) {
            if let Some(p) = inner.rfind(open) {
                let tag = &inner[p + open.len_utf8()..];
                if (1..=6).contains(&char_len(tag)) && tag.chars().all(is_han) {
                    return (t[..p].trim_end_matches(is_space), Some(tag));
                }
            }
        }
    }
    (t, None)
}

fn is_headline_text(text: &str) -> bool {
    let (head, _) = split_column_tag(text);
    let n = char_len(head);
    if n == 0 || n > HEADLINE_MAX_CHARS || head.contains('。') {
        return false;
    }
    let last = head.chars().last().unwrap_or(' ');
    !(is_mid_sentence(last) || matches!(last, '；' | ';' | '：' | ':'))
}

fn classify(b: &Block) -> Role {
    let t = b.text.as_str();
    let bare = strip_marker(t);
    if bare.starts_with("编者按") || bare.starts_with("【编者按】") || bare.starts_with("[编者按]")
    {
        return Role::EditorNote;
    }
    if (bare.starts_with("——") || bare.starts_with("--") || bare.starts_with("—"))
        && char_len(bare) <= 80
        && !b.indented
        && !bare.trim_start_matches(['—', '-']).is_empty()
    {
        return Role::Subtitle;
    }
    if parse_photo_credit(t).is_some() {
        return Role::Credit;
    }
    if parse_byline(t).is_some() {
        return Role::Byline;
    }
    if photo_line(t).is_some() {
        return Role::PhotoLine;
    }
    if dateline_len(t).is_some() {
        return Role::Dateline;
    }
    if is_closing_byline(bare) {
        return Role::ClosingByline;
    }
    if !b.indented && is_kicker_text(t) {
        return Role::Kicker;
    }
    if is_headline_text(t) && !b.indented {
        return Role::Headline;
    }
    Role::Body
}

/// A kicker (引题) that announces the title below it: ends with a dash, no full stop.
fn is_kicker_text(t: &str) -> bool {
    let n = char_len(t);
    (t.ends_with('—') || t.ends_with("--"))
        && (2..=KICKER_MAX_CHARS).contains(&n)
        && !t.contains('。')
        && t.trim_end_matches(['—', '-']).chars().count() >= 2
}

fn is_label(t: &str) -> bool {
    LABELS.contains(&t)
}

fn is_closing_byline(t: &str) -> bool {
    let open = t.starts_with('（') || t.starts_with('(');
    let close = t.ends_with('）') || t.ends_with(')');
    open && close && char_len(t) <= 60 && (t.contains("记者") || t.contains("报道"))
}

/// Authors named in a closing byline such as `（综合本报记者王一、李二报道）`.
fn closing_byline_authors(t: &str) -> Vec<Author> {
    let inner = t.trim_matches(['（', '）', '(', ')']);
    let inner = inner.strip_prefix("综合").unwrap_or(inner);
    let inner = inner.strip_suffix("报道").unwrap_or(inner);
    parse_byline(inner).unwrap_or_default()
}

/// A photo item printed on one line: `<title> <caption> <credit 摄>`.
/// Returns (title, caption, credit text, authors).
fn photo_line(t: &str) -> Option<(String, String, String, Vec<Author>)> {
    if !t.contains('摄') {
        return None;
    }
    let words: Vec<&str> = t.split(is_space).filter(|w| !w.is_empty()).collect();
    if words.len() < 3 {
        return None;
    }
    // The credit is the longest tail of words that parses as a photo credit. A credit is short
    // (a byline of at most 48 characters plus an agency tag), so only short tails are tried:
    // linear in the line, however many words it has.
    let mut shortest_first = Vec::new();
    let mut tail_chars = 0;
    for k in (1..words.len()).rev() {
        tail_chars += char_len(words[k]) + 1;
        if tail_chars > PHOTO_CREDIT_MAX_CHARS {
            break;
        }
        shortest_first.push(k);
    }
    let (credit_start, authors) = shortest_first
        .iter()
        .rev()
        .filter_map(|&k| parse_photo_credit(&words[k..].join(" ")).map(|a| (k, a)))
        .next()?;
    // The title is the leading words while they look like a headline; the caption is the rest.
    let mut title_end = 0;
    while title_end < credit_start - 1 && is_headline_text(&words[..=title_end].join(" ")) {
        let w = words[title_end];
        if w.contains([',', '，']) {
            break;
        }
        title_end += 1;
    }
    if title_end == 0 {
        return None;
    }
    let caption = words[title_end..credit_start].join(" ");
    if caption.is_empty() {
        return None;
    }
    Some((
        words[..title_end].join(" "),
        caption,
        words[credit_start..].join(" "),
        authors,
    ))
}

/// Longest tail of a one-line photo item tried as its credit, in characters.
const PHOTO_CREDIT_MAX_CHARS: usize = 96;

/// Builds one article while the parser walks the page.
#[derive(Default)]
struct Draft {
    kicker: Option<String>,
    title: String,
    subtitle: Option<String>,
    column: Option<String>,
    dateline: Option<String>,
    date_source: Option<String>,
    authors: Vec<Author>,
    intertitles: Vec<Intertitle>,
    photo_credits: Vec<String>,
    editor_note: Option<String>,
    paragraphs: Vec<Paragraph>,
    has_byline: bool,
    photo: bool,
    unstructured: bool,
    first_line: u32,
    last_line: u32,
    /// The last block added was a paragraph that may continue in the next block.
    open: bool,
}

impl Draft {
    fn push_paragraph(&mut self, b: &Block, indented_page: bool, next_indented: bool) {
        self.paragraphs.push(Paragraph {
            text: b.text.clone(),
            line: b.line,
            lines: vec![b.line],
        });
        self.open = wants_more(&b.text, indented_page, next_indented);
    }

    fn join(&mut self, b: &Block, indented_page: bool, next_indented: bool) {
        if let Some(p) = self.paragraphs.last_mut() {
            let glue = p
                .text
                .chars()
                .last()
                .is_some_and(|c| c.is_ascii_alphanumeric())
                && b.text
                    .chars()
                    .next()
                    .is_some_and(|c| c.is_ascii_alphanumeric());
            if glue {
                p.text.push(' ');
            }
            p.text.push_str(&b.text);
            p.lines.push(b.line);
            self.open = wants_more(&p.text, indented_page, next_indented);
        }
    }

    fn add_authors(&mut self, authors: Vec<Author>) {
        for a in authors {
            // A name credited twice (byline and closing byline) is one author.
            if !self.authors.iter().any(|x| x.name == a.name) {
                self.authors.push(a);
            }
        }
    }
}

/// Whether a paragraph ending like `text` is cut off and continues in the next block.
fn wants_more(text: &str, indented_page: bool, next_indented: bool) -> bool {
    let Some(last) = text.chars().last() else {
        return false;
    };
    if is_closing(last) {
        return false;
    }
    if is_mid_sentence(last) {
        return true;
    }
    if indented_page {
        return !next_indented;
    }
    char_len(text) >= BREAK_MIN_CHARS
}

/// Parses one page of text into its [`Page`] record and articles (ids not yet assigned);
/// strict: the first thing [`parse_page_lenient`] would warn about is an error.
pub fn parse_page(
    file: &str,
    text: &str,
    meta: &Sidecar,
) -> Result<(Page, Vec<Article>), ParseError> {
    let (page, articles, notes) = parse_page_lenient(file, text, meta);
    match notes.into_iter().next() {
        Some((line, message)) => Err(ParseError::new(file, line, message)),
        None => Ok((page, articles)),
    }
}

/// Parses one page of text into its [`Page`] record and articles (ids not yet assigned), with
/// `(line, what was unsure)` for every part it could not structure. Every non-blank line ends
/// up in exactly one article.
pub fn parse_page_lenient(
    file: &str,
    text: &str,
    meta: &Sidecar,
) -> (Page, Vec<Article>, Vec<(u32, String)>) {
    let lines = split_lines(text);
    let mut notes: Vec<(u32, String)> = Vec::new();
    let mut page = Page {
        file: file.to_string(),
        paper: meta.paper.clone(),
        date: meta.date.clone(),
        page: meta.page.clone(),
        year: meta.effective_year(),
        lines,
        unstructured: Vec::new(),
    };
    let blocks = blocks_of(&page.lines);
    if blocks.is_empty() {
        notes.push((1, "empty page: no text found".to_string()));
        return (page, Vec::new(), notes);
    }
    // Indented when most text blocks are (headline lines are never indented, so they do not
    // count: a short page of headlines and one photo caption is still indented).
    let text_blocks = blocks
        .iter()
        .filter(|b| !matches!(b.role, Role::Headline | Role::Kicker | Role::Subtitle));
    let (n_text, n_indented) =
        text_blocks.fold((0, 0), |(n, k), b| (n + 1, k + b.indented as usize));
    let indented_page = n_indented * 2 > n_text;
    let mut drafts: Vec<Draft> = Vec::new();
    let mut i = 0;
    while i < blocks.len() {
        let b = &blocks[i];
        let next_indented = blocks.get(i + 1).is_some_and(|n| n.indented);
        if b.role == Role::PhotoLine {
            if let Some((title, caption, credit, authors)) = photo_line(&b.text) {
                let mut d = Draft {
                    title,
                    photo: true,
                    first_line: b.line,
                    last_line: b.line,
                    ..Default::default()
                };
                d.paragraphs.push(Paragraph {
                    text: caption,
                    line: b.line,
                    lines: vec![b.line],
                });
                d.photo_credits.push(credit);
                d.add_authors(authors);
                drafts.push(d);
                i += 1;
                continue;
            }
        }
        if matches!(b.role, Role::Headline | Role::Subtitle | Role::Kicker) {
            let prev_open = drafts.last().is_some_and(|d| d.open);
            if let Some(run) =
                article_start(&blocks, i, drafts.is_empty(), indented_page, prev_open)
            {
                let mut d = Draft {
                    first_line: b.line,
                    ..Default::default()
                };
                headline_block(&mut d, &blocks[i..i + run]);
                d.last_line = blocks[i + run - 1].line;
                drafts.push(d);
                i += run;
                continue;
            }
        }
        if drafts.is_empty() {
            // Text before any headline: kept whole, marked unstructured (warned below).
            drafts.push(Draft {
                title: String::new(),
                first_line: b.line,
                unstructured: true,
                ..Default::default()
            });
        }
        let Some(d) = drafts.last_mut() else { break };
        d.last_line = b.line;
        let continues = d.open
            && matches!(
                b.role,
                Role::Body | Role::Headline | Role::Dateline | Role::Kicker
            );
        let intertitle = indented_page
            && b.role == Role::Body
            && b.indented
            && !d.open
            && !d.paragraphs.is_empty()
            && !last_was_intertitle(d)
            && is_intertitle_text(&b.text);
        match b.role {
            _ if continues && b.role != Role::Dateline => d.join(b, indented_page, next_indented),
            Role::Byline if d.paragraphs.is_empty() => {
                d.has_byline = true;
                d.add_authors(parse_byline(&b.text).unwrap_or_default());
                d.open = false;
            }
            Role::Credit => {
                d.photo_credits.push(b.text.clone());
                d.add_authors(parse_photo_credit(&b.text).unwrap_or_default());
                d.open = false;
            }
            Role::EditorNote if d.editor_note.is_none() => {
                d.editor_note = Some(b.text.clone());
                d.open = false;
            }
            Role::Dateline if d.paragraphs.is_empty() => {
                let len = dateline_len(&b.text).unwrap_or(0);
                let (dateline, authors) = dateline_of(&b.text, len);
                d.dateline = Some(dateline);
                d.date_source = Some(first_sentence(&b.text).to_string());
                d.add_authors(authors);
                d.push_paragraph(b, indented_page, next_indented);
            }
            Role::ClosingByline => {
                d.add_authors(closing_byline_authors(strip_marker(&b.text)));
                d.push_paragraph(b, indented_page, next_indented);
                d.open = false;
            }
            _ if intertitle => {
                d.intertitles.push(Intertitle {
                    text: b.text.clone(),
                    line: b.line,
                    before: d.paragraphs.len() as u32,
                });
                d.open = false;
            }
            Role::Headline if !d.paragraphs.is_empty() && !last_was_intertitle(d) => {
                d.intertitles.push(Intertitle {
                    text: b.text.clone(),
                    line: b.line,
                    before: d.paragraphs.len() as u32,
                });
                d.open = false;
            }
            _ => d.push_paragraph(b, indented_page, next_indented),
        }
        i += 1;
    }
    let year = page.year;
    let whole_page = drafts.len() == 1;
    for d in drafts.iter().filter(|d| d.unstructured) {
        page.unstructured.push(d.first_line);
        let what = if whole_page {
            "no article found: expected a headline (a short line without `。`) before the text; the page is kept as one unstructured article"
        } else {
            "text before the first headline: kept as an unstructured article"
        };
        notes.push((d.first_line, what.to_string()));
    }
    let articles: Vec<Article> = drafts
        .into_iter()
        .map(|d| finish(file, d, year, meta))
        .collect();
    (page, articles, notes)
}

/// A short indented line without closing punctuation: an intertitle on an indented page.
fn is_intertitle_text(t: &str) -> bool {
    let n = char_len(t);
    let last = t.chars().last().unwrap_or('。');
    (2..=INTERTITLE_MAX_CHARS).contains(&n)
        && !t.contains('。')
        && !is_closing(last)
        && !is_mid_sentence(last)
        && !t.starts_with("图为")
}

fn last_was_intertitle(d: &Draft) -> bool {
    d.intertitles
        .last()
        .is_some_and(|t| t.before as usize == d.paragraphs.len())
}

/// If a headline run starting at `i` opens an article, its length in blocks. `prev_open`: the
/// article before ends with a paragraph that may continue.
fn article_start(
    blocks: &[Block],
    i: usize,
    first: bool,
    indented_page: bool,
    prev_open: bool,
) -> Option<usize> {
    let b0 = &blocks[i];
    // On an indented page a paragraph left open (no closing punctuation) only continues on an
    // unindented line right below it: after a blank line, the unindented line is a headline.
    let prev_open = prev_open && !(indented_page && b0.gap >= 1);
    if b0.role == Role::Headline && is_label(&b0.text) && !b0.indented && !prev_open {
        return Some(1);
    }
    let mut run = 0;
    while i + run < blocks.len() && run < 4 {
        let b = &blocks[i + run];
        let ok = match b.role {
            Role::Kicker => run == 0,
            Role::Headline => run == 0 || !is_label(&b.text),
            Role::Subtitle => true,
            _ => false,
        };
        // A blank-line gap of two or more inside the run separates articles (one on indented
        // pages, where the lines of a headline block are never apart).
        if !ok || (run > 0 && (b.gap >= 2 || (indented_page && b.gap >= 1))) {
            break;
        }
        run += 1;
    }
    if b0.role == Role::Kicker && (run < 2 || blocks[i + 1].role != Role::Headline) {
        // A dash-ended line without a title below it is text.
        return None;
    }
    let heads = &blocks[i..i + run];
    let has_kicker = b0.role == Role::Kicker;
    let e_start = indented_page
        && !b0.indented
        && b0.role != Role::Subtitle
        && (!prev_open || (has_kicker && run >= 2));
    let has_sub = heads.iter().any(|b| b.role == Role::Subtitle);
    let has_tag = heads.iter().any(|b| split_column_tag(&b.text).1.is_some());
    let next = blocks.get(i + run).map(|b| b.role);
    let confirmed_by_next = matches!(
        next,
        Some(Role::Byline | Role::Dateline | Role::EditorNote | Role::Credit)
    );
    let gap = blocks[i].gap >= 2 || first;
    if has_kicker || e_start {
        return Some(run);
    }
    // Two headline lines in a row after a finished paragraph are a kicker and a title: an
    // intertitle is one line, and a short body line after it ends like a sentence.
    let two_heads = run >= 2
        && !prev_open
        && heads
            .iter()
            .all(|b| b.role == Role::Headline && !b.text.chars().last().is_some_and(is_closing))
        // A body line cut by a column break usually carries a comma; a title does not.
        && heads[1..]
            .iter()
            .all(|b| !b.text.contains(['，', ',']) && char_len(&b.text) <= 30)
        && next.is_some_and(|r| matches!(r, Role::Body | Role::ClosingByline));
    if two_heads {
        return Some(run.min(3));
    }
    if has_sub || has_tag || confirmed_by_next || (gap && heads[0].role == Role::Headline) {
        // Without confirmation after it, a gap-started run is only its first line (the rest
        // may be the first paragraph of a feature without byline).
        if !(has_sub || has_tag || confirmed_by_next) {
            return Some(1);
        }
        return Some(run);
    }
    None
}

fn headline_block(d: &mut Draft, heads: &[Block]) {
    let mut mains: Vec<String> = Vec::new();
    let mut subs: Vec<String> = Vec::new();
    for b in heads {
        if b.role == Role::Kicker {
            d.kicker = Some(b.text.clone());
            continue;
        }
        let (text, tag) = split_column_tag(&b.text);
        let text = match (tag, &d.column) {
            (Some(tag), None) => {
                d.column = Some(tag.to_string());
                text
            }
            // A second tag stays in its line: nothing is dropped.
            _ => b.text.as_str(),
        };
        if text.is_empty() {
            continue;
        }
        if b.role == Role::Subtitle && (!mains.is_empty() || d.kicker.is_some()) {
            subs.push(text.to_string());
        } else {
            mains.push(text.to_string());
        }
    }
    if d.kicker.is_none() && mains.len() >= 2 {
        d.kicker = Some(mains.remove(0));
    }
    if !mains.is_empty() {
        d.title = mains.remove(0);
    }
    // Lines after the title (and every subtitle line) form the subtitle.
    mains.extend(subs);
    if !mains.is_empty() {
        d.subtitle = Some(mains.join(" "));
    }
}

fn first_sentence(text: &str) -> &str {
    match text.find(['。', '！', '？', '!', '?']) {
        Some(p) => &text[..p],
        None => text,
    }
}

/// The dateline as printed (the opening formula with its author group and, when it follows
/// directly, the date and time of day) and the authors named in it.
fn dateline_of(text: &str, formula_len: usize) -> (String, Vec<Author>) {
    let mut end = formula_len.min(text.len());
    let mut authors = Vec::new();
    let rest = &text[end..];
    let rest_trim = rest.trim_start_matches(is_space);
    for (open, close) in [('(', ')'), ('（', '）')] {
        if rest_trim.starts_with(open) {
            if let Some(p) = rest_trim.find(close) {
                let inner = &rest_trim[open.len_utf8()..p];
                authors = parse_byline(&inner.replace('\u{a0}', " ")).unwrap_or_default();
                end += rest.len() - rest_trim.len() + p + close.len_utf8();
            }
            break;
        }
    }
    // A date right after the formula belongs to the dateline, with its time of day.
    if let Some(md) = find_month_day(&text[end..]).filter(|m| m.start == 0) {
        end += md.end;
        for t in ["凌晨", "上午", "中午", "下午", "晚上", "傍晚", "早", "晚"] {
            if text[end..].starts_with(t) {
                end += t.len();
                break;
            }
        }
    }
    (text[..end].to_string(), authors)
}

pub use super::model::UNSTRUCTURED_TITLE;

fn finish(file: &str, d: Draft, year: Option<i32>, meta: &Sidecar) -> Article {
    let mut figures = Vec::new();
    for p in &d.paragraphs {
        figure_refs(&p.text, &mut figures);
    }
    let kind = if d.column.is_some()
        || ["评论", "时评", "短评", "社论"]
            .iter()
            .any(|w| d.title.contains(w))
    {
        Kind::Commentary
    } else if d.photo
        || ((!d.photo_credits.is_empty()
            || d.paragraphs.iter().any(|p| p.text.starts_with("图为")))
            && d.paragraphs.len() <= 2
            && d.dateline.is_none())
    {
        Kind::Photo
    } else if d.dateline.is_some() {
        Kind::News
    } else if d.subtitle.is_some() || !d.intertitles.is_empty() || d.has_byline {
        // 通讯: a byline at the top instead of a dateline, often a subtitle and intertitles.
        Kind::Feature
    } else {
        Kind::Other
    };
    // The date: from the dateline's first sentence, or a photo caption's; a piece without
    // either takes the edition date when the sidecar gives one. Never invented.
    let date_text = d.date_source.clone().or_else(|| {
        (kind == Kind::Photo)
            .then(|| d.paragraphs.first().map(|p| p.text.clone()))
            .flatten()
    });
    let date = date_text
        .as_deref()
        .and_then(find_month_day)
        .and_then(|md| iso_date(md.year.or(year)?, md.month, md.day))
        .or_else(|| meta.date.clone());
    let title = if d.title.is_empty() && d.unstructured {
        UNSTRUCTURED_TITLE.to_string()
    } else if d.title.is_empty() {
        "（无题）".to_string()
    } else {
        d.title
    };
    Article {
        id: String::new(),
        kicker: d.kicker,
        title,
        subtitle: d.subtitle,
        column: d.column,
        kind,
        date,
        dateline: d.dateline,
        authors: d.authors,
        intertitles: d.intertitles,
        figures,
        photo_credits: d.photo_credits,
        editor_note: d.editor_note,
        paragraphs: d.paragraphs,
        source: Source {
            file: file.to_string(),
            line: d.first_line,
            end_line: d.last_line.max(d.first_line),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parse(text: &str) -> Vec<Article> {
        let meta = Sidecar {
            year: Some(2020),
            ..Default::default()
        };
        parse_page("t.txt", text, &meta).expect("parses").1
    }

    #[test]
    fn column_tag_and_dateline_forms() {
        let a = parse("说说冬日的温度（新语）\n\n冬天来了，我们这座城市并不冷。\n");
        assert_eq!(a[0].title, "说说冬日的温度");
        assert_eq!(a[0].column.as_deref(), Some("新语"));
        assert_eq!(a[0].kind, Kind::Commentary);
        let a = parse("某县开通新公交线\n本报北京2月4日电（记者\u{a0}林小帆）新线路今日开通。\n");
        assert_eq!(
            a[0].dateline.as_deref(),
            Some("本报北京2月4日电（记者\u{a0}林小帆）")
        );
        assert_eq!(a[0].authors[0].name, "林小帆");
        assert_eq!(a[0].date.as_deref(), Some("2020-02-04"));
    }

    #[test]
    fn intertitle_is_not_joined_and_next_line_is_body() {
        let a = parse("标题一\n\n记者 王一 文/图\n\n第一段说了一件事。\n\n小标题在这里\n\n短句也是正文!对!\n\n最后一段。\n");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].intertitles.len(), 1);
        assert_eq!(a[0].intertitles[0].text, "小标题在这里");
        assert_eq!(a[0].paragraphs.len(), 3);
    }

    #[test]
    fn short_cut_paragraph_ending_in_comma_is_joined() {
        let a = parse("标题\n\n本报讯 会上，\n\n大家发言。\n");
        assert_eq!(a[0].paragraphs.len(), 1);
        assert_eq!(a[0].paragraphs[0].text, "本报讯 会上，大家发言。");
        assert_eq!(a[0].paragraphs[0].lines, [3, 5]);
    }

    #[test]
    fn a_long_kicker_on_the_first_line_opens_the_page() {
        // Issue 12: a 60–120 character kicker ending with —— used to reject the whole page.
        let kicker = format!("{}——", "各地各部门认真落实决策部署，".repeat(6));
        assert!(kicker.chars().count() > 80);
        let text = format!("{kicker}\n春运平稳有序\n\u{3000}\u{3000}本报北京2月4日电　（记者林帆）春运开局平稳。\n");
        let (page, a, notes) = parse_page_lenient("p.txt", &text, &Sidecar::default());
        assert!(notes.is_empty(), "{notes:?}");
        assert!(page.unstructured.is_empty());
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].kicker.as_deref(), Some(kicker.as_str()));
        assert_eq!(a[0].title, "春运平稳有序");
        // A dash-ended line with no title below it stays text.
        let a = parse("标题\n\n本报讯 正文。\n\n他停了一下，接着说——\n\n最后一段。\n");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].paragraphs.len(), 3);
    }

    #[test]
    fn e_edition_headlines_after_a_blank_line_are_new_articles() {
        let i = "\u{3000}\u{3000}";
        let text = format!(
            "第一篇标题\n{i}本报讯　第一段。\n{i}第二段。\n\n第二篇标题\n{i}第二篇正文。\n{i}小标题\n{i}正文继续。\n广告\n第三篇\n——副题\n{i}正文。\n"
        );
        let a = parse(&text);
        let titles: Vec<&str> = a.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(titles, ["第一篇标题", "第二篇标题", "广告", "第三篇"]);
        assert_eq!(a[1].intertitles[0].text, "小标题");
        assert_eq!(a[3].subtitle.as_deref(), Some("——副题"));
        // A paragraph without closing punctuation (a chart note) does not swallow the headline
        // after a blank line.
        let text = format!("甲\n{i}正文。\n{i}数据来源：某某统计局\n\n乙标题\n{i}正文。\n");
        let titles: Vec<String> = parse(&text).into_iter().map(|x| x.title).collect();
        assert_eq!(titles, ["甲", "乙标题"]);
    }

    #[test]
    fn ocr_kicker_and_title_after_one_blank_line() {
        let a = parse(
            "甲标题\n\n本报讯 正文。\n\n小巷深处有书香\n\n社区图书角开门\n\n图书角免费借阅。\n",
        );
        let titles: Vec<&str> = a.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(titles, ["甲标题", "社区图书角开门"]);
        assert_eq!(a[1].kicker.as_deref(), Some("小巷深处有书香"));
        // An intertitle over a body line cut by a column break stays in the article.
        let a = parse("甲标题\n\n本报讯 正文。\n\n小标题在这里\n\n他们说，我们要\n\n继续前进。\n");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].intertitles[0].text, "小标题在这里");
        assert_eq!(a[0].paragraphs[1].text, "他们说，我们要");
    }

    #[test]
    fn text_without_a_headline_is_kept_unstructured() {
        let text = "这一段没有标题，但是必须保留下来，而且可以检索。\n\n标题\n\n本报讯 正文。\n";
        let (page, a, notes) = parse_page_lenient("p.txt", text, &Sidecar::default());
        assert_eq!(a.len(), 2);
        assert_eq!(a[0].title, UNSTRUCTURED_TITLE);
        assert!(a[0].paragraphs[0].text.starts_with("这一段没有标题"));
        assert_eq!(page.unstructured, [1]);
        assert_eq!(notes.len(), 1);
        assert!(notes[0].1.starts_with("text before the first headline"));
        assert!(parse_page("p.txt", text, &Sidecar::default()).is_err());
    }
}
