//! Small text helpers shared by the page and Markdown parsers: punctuation classes, dates, credits.

use super::model::Author;

/// Characters that may end a sentence or a complete paragraph. A paragraph ending in anything
/// else was cut off (typically by a column break).
pub fn is_closing(c: char) -> bool {
    matches!(
        c,
        '。' | '！'
            | '？'
            | '!'
            | '?'
            | '…'
            | '”'
            | '’'
            | '」'
            | '』'
            | '）'
            | ')'
            | '】'
            | '》'
            | '；'
            | ';'
            | '：'
            | ':'
            | '"'
            | '.'
    )
}

/// Punctuation that can only stand in the middle of a sentence.
pub fn is_mid_sentence(c: char) -> bool {
    matches!(c, '，' | ',' | '、')
}

/// Whitespace as it appears in OCR'd Chinese text: ASCII, U+3000 and NBSP.
pub fn is_space(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}' || c == '\u{a0}'
}

/// A Han ideograph (the CJK blocks that hold names and text).
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

/// Number of characters (Unicode scalar values).
pub fn char_len(s: &str) -> usize {
    s.chars().count()
}

fn digit_value(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

/// A `M月D日` date found in text, with an optional `YYYY年` printed right before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct MonthDay {
    /// Year when printed (`2020年2月4日`).
    pub year: Option<i32>,
    /// Month, 1–12.
    pub month: u32,
    /// Day, 1–31.
    pub day: u32,
    /// Byte range of the whole date in the text.
    pub start: usize,
    /// End of the date (exclusive, bytes).
    pub end: usize,
}

/// Finds the first valid `M月D日` (ASCII or full-width digits) in `text`.
pub fn find_month_day(text: &str) -> Option<MonthDay> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut i = 0;
    while i < chars.len() {
        if let Some(md) = month_day_at(text, &chars, i) {
            return Some(md);
        }
        i += 1;
    }
    None
}

fn number_at(chars: &[(usize, char)], mut i: usize, max_digits: usize) -> Option<(u32, usize)> {
    let start = i;
    let mut value = 0u32;
    while i < chars.len() && i - start < max_digits {
        match digit_value(chars[i].1) {
            Some(d) => value = value * 10 + d,
            None => break,
        }
        i += 1;
    }
    (i > start).then_some((value, i))
}

fn month_day_at(text: &str, chars: &[(usize, char)], i: usize) -> Option<MonthDay> {
    // Must not start in the middle of a number.
    if i > 0 && digit_value(chars[i - 1].1).is_some() {
        return None;
    }
    let (first, after_first) = number_at(chars, i, 4)?;
    let (year, month_start) = if chars.get(after_first).map(|c| c.1) == Some('年') {
        (Some(first as i32), after_first + 1)
    } else {
        (None, i)
    };
    let (month, j) = number_at(chars, month_start, 2)?;
    if chars.get(j).map(|c| c.1) != Some('月') {
        return None;
    }
    let (day, k) = number_at(chars, j + 1, 2)?;
    let unit = chars.get(k).map(|c| c.1)?;
    if unit != '日' && unit != '号' {
        return None;
    }
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return None;
    }
    let end = chars.get(k + 1).map(|c| c.0).unwrap_or(text.len());
    Some(MonthDay {
        year,
        month,
        day,
        start: chars[i].0,
        end,
    })
}

pub use super::date::{days_in_month, iso_date, parse_iso_date};

/// Role words printed before names in bylines, longest first.
const ROLES: [&str; 9] = [
    "本报特约记者",
    "本报通讯员",
    "本报记者",
    "特约记者",
    "见习记者",
    "实习记者",
    "通讯员",
    "实习生",
    "记者",
];

/// Credits printed after names, longest first.
const CREDITS: [&str; 6] = ["文/图", "文／图", "图/文", "文/摄", "摄", "图"];

fn strip_marker(s: &str) -> &str {
    s.trim_start_matches(['□', '■', '◇', '◆', '○', '●'])
        .trim_matches(is_space)
}

fn is_name(s: &str) -> bool {
    let n = char_len(s);
    (2..=4).contains(&n) && s.chars().all(|c| is_han(c) || c == '·')
}

/// Parses a byline such as `记者 张劲松 文/图`, `本报记者 王一 李二 通讯员 赵三` or `张劲松 摄`.
/// Returns `None` unless every word is a role, a name or a credit and at least one name is found.
pub fn parse_byline(line: &str) -> Option<Vec<Author>> {
    let line = strip_marker(line);
    if line.is_empty() || char_len(line) > 48 {
        return None;
    }
    let mut authors: Vec<Author> = Vec::new();
    let mut role = String::new();
    let mut saw_role = false;
    let words: Vec<&str> = line
        .split(|c: char| is_space(c) || c == '、' || c == ',' || c == '，')
        .filter(|w| !w.is_empty())
        .collect();
    let mut i = 0;
    while i < words.len() {
        let mut w = words[i];
        if let Some(r) = ROLES.iter().find(|r| w.starts_with(**r)) {
            role = (*r).to_string();
            saw_role = true;
            w = &w[r.len()..];
            if w.is_empty() {
                i += 1;
                continue;
            }
        }
        if let Some(c) = CREDITS.iter().find(|c| w == **c) {
            // A credit applies to the names since the last role.
            for a in authors.iter_mut().rev() {
                if a.credit.is_some() || a.role != role {
                    break;
                }
                a.credit = Some(normalize_credit(c));
            }
            i += 1;
            continue;
        }
        // A name glued to its credit: `张劲松摄`.
        let (name, credit) = match CREDITS
            .iter()
            .find(|c| w.ends_with(**c) && w.len() > c.len())
        {
            Some(c) if is_name(&w[..w.len() - c.len()]) => {
                (&w[..w.len() - c.len()], Some(normalize_credit(c)))
            }
            _ => (w, None),
        };
        if !is_name(name) {
            return None;
        }
        authors.push(Author {
            name: name.to_string(),
            role: role.clone(),
            credit,
        });
        i += 1;
    }
    let has_credit = authors.iter().any(|a| a.credit.is_some());
    (!authors.is_empty() && (saw_role || has_credit)).then_some(authors)
}

fn normalize_credit(c: &str) -> String {
    c.replace('／', "/")
}

/// A photo credit line: `记者 张劲松 摄`, `张三摄`, `李四摄（影像中国）`. Returns the authors.
pub fn parse_photo_credit(line: &str) -> Option<Vec<Author>> {
    let t = strip_marker(line);
    // Drop a trailing agency tag in brackets: `摄（影像中国）`.
    let core = match t.rfind(['（', '(']) {
        Some(p) if t.ends_with(['）', ')']) && t[..p].trim_end().ends_with('摄') => {
            t[..p].trim_end()
        }
        _ => t,
    };
    if !core.ends_with('摄') {
        return None;
    }
    let authors = parse_byline(core)?;
    authors
        .iter()
        .any(|a| a.credit.as_deref() == Some("摄"))
        .then_some(authors)
}

/// Figure references such as `(图1)` or `见图2`, as `图1`, in order of first mention.
pub fn figure_refs(text: &str, out: &mut Vec<String>) {
    let chars: Vec<char> = text.chars().collect();
    for i in 0..chars.len() {
        if chars[i] != '图' {
            continue;
        }
        let before_ok = i == 0 || matches!(chars[i - 1], '(' | '（' | '见' | '如' | '、' | ' ');
        let digits: String = chars[i + 1..]
            .iter()
            .take_while(|c| digit_value(**c).is_some())
            .filter_map(|c| digit_value(*c).and_then(|d| char::from_digit(d, 10)))
            .collect();
        if before_ok && !digits.is_empty() && digits.len() <= 3 {
            let r = format!("图{digits}");
            if !out.contains(&r) {
                out.push(r);
            }
        }
    }
}

/// Splits a file's text into lines as printed: BOM dropped, CRLF and CR accepted.
pub fn split_lines(text: &str) -> Vec<String> {
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let text = text.replace("\r\n", "\n").replace('\r', "\n");
    let mut lines: Vec<String> = text.split('\n').map(str::to_string).collect();
    if lines.last().is_some_and(|l| l.is_empty()) {
        lines.pop();
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn month_day_found_with_optional_year() {
        let md = find_month_day("本报讯(记者 张劲松)2月4日上午,").expect("date");
        assert_eq!((md.year, md.month, md.day), (None, 2, 4));
        let md = find_month_day("于2020年１２月３１日").expect("date");
        assert_eq!((md.year, md.month, md.day), (Some(2020), 12, 31));
        assert!(find_month_day("13月1日").is_none());
        assert!(find_month_day("第12345月").is_none());
    }

    #[test]
    fn bylines() {
        let a = parse_byline("记者 张劲松 文/图").expect("byline");
        assert_eq!(a.len(), 1);
        assert_eq!(a[0].name, "张劲松");
        assert_eq!(a[0].role, "记者");
        assert_eq!(a[0].credit.as_deref(), Some("文/图"));
        let a = parse_byline("□ 本报记者 王一鸣 李二 通讯员 赵三").expect("byline");
        let roles: Vec<_> = a
            .iter()
            .map(|a| (a.name.as_str(), a.role.as_str()))
            .collect();
        assert_eq!(
            roles,
            [
                ("王一鸣", "本报记者"),
                ("李二", "本报记者"),
                ("赵三", "通讯员")
            ]
        );
        assert!(parse_byline("会上,区住建局负责同志汇报").is_none());
        assert!(parse_byline("积极传达学习上级有关精神").is_none());
    }

    #[test]
    fn photo_credits() {
        let a = parse_photo_credit("记者 张劲松 摄").expect("credit");
        assert_eq!(a[0].name, "张劲松");
        let a = parse_photo_credit("林小帆摄（影像中国）").expect("credit");
        assert_eq!(a[0].name, "林小帆");
        assert!(parse_photo_credit("记者 张劲松 文/图").is_none());
    }

    #[test]
    fn figures() {
        let mut f = Vec::new();
        figure_refs("一线战斗(图1)。见图2,地图很大(图1)", &mut f);
        assert_eq!(f, ["图1", "图2"]);
    }
}
