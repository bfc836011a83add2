//! The query language, parsed leniently: any input gives a [`Query`] plus [`Hint`]s.
//!
//! - `口罩 体温`: both terms must occur (AND); a run without spaces is an exact substring.
//! - `"N95 口罩"`: a quoted phrase is one term. `-张晓` excludes. `元宵 OR 春节`: either.
//! - Fields: `title:` (headline block), `author:` / `记者:` / `作者:`, `kind:` (`news`, `消息`…),
//!   `date:` with a day or a range: `date:2020-02-04`, `date:2020-02-04..2020-02-08`,
//!   `date:2月4日`, `date:2月7日..2月8日`, open ends `date:..2月8日`.
//! - Latin words also match by pinyin; adjacent whole-syllable words are read as one name
//!   (`zhang jian dang`).
//!
//! ```
//! use search::query::{parse, Term};
//! let q = parse("口罩 -张晓 title:\"防控\"");
//! assert_eq!(q.clauses.len(), 3);
//! assert!(q.clauses[1].negated);
//! assert!(q.hints.is_empty());
//! let q = parse("\"unbalanced");
//! assert_eq!(q.hints.len(), 1);
//! ```

use archive::Kind;

/// Where a text term is looked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    /// Everything: headline block, byline, intertitles, body.
    All,
    /// `title:`: kicker, title and subtitle.
    Title,
    /// `author:`: the byline (credited names).
    Author,
}

/// A day, with or without a year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Day {
    /// Year, when given.
    pub year: Option<i32>,
    /// Month 1–12.
    pub month: u32,
    /// Day 1–31.
    pub day: u32,
}

/// An inclusive range of days; an open end is `None`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DateRange {
    /// First day.
    pub from: Option<Day>,
    /// Last day.
    pub to: Option<Day>,
}

impl DateRange {
    /// Whether an ISO date lies in the range. When either end has no year, only month and
    /// day are compared.
    pub fn contains(&self, iso: &str) -> bool {
        let Some((y, m, d)) = parse_iso(iso) else {
            return false;
        };
        let with_year =
            self.from.is_none_or(|f| f.year.is_some()) && self.to.is_none_or(|t| t.year.is_some());
        let key = |day: &Day| {
            if with_year {
                (day.year.unwrap_or(0), day.month, day.day)
            } else {
                (0, day.month, day.day)
            }
        };
        let x = if with_year { (y, m, d) } else { (0, m, d) };
        self.from.is_none_or(|f| key(&f) <= x) && self.to.is_none_or(|t| x <= key(&t))
    }
}

fn parse_iso(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.split('-');
    let y = it.next()?.parse().ok()?;
    let m = it.next()?.parse().ok()?;
    let d = it.next()?.parse().ok()?;
    Some((y, m, d))
}

/// One thing a document must (or, negated, must not) contain.
#[derive(Debug, Clone, PartialEq)]
pub enum Term {
    /// Text, as typed and folded; `pinyin` is set when the text can be read as pinyin.
    Text {
        /// As typed (phrases without their quotes).
        raw: String,
        /// Where to look.
        scope: Scope,
        /// Pinyin key (`zhangjiandang`), for Latin-only terms.
        pinyin: Option<String>,
    },
    /// `kind:`.
    Kind(Kind),
    /// `date:`.
    Date(DateRange),
}

/// Alternatives joined by `OR`; a document satisfies the clause if it satisfies any of them.
#[derive(Debug, Clone, PartialEq)]
pub struct Clause {
    /// `-` in front: the document must satisfy none of the alternatives.
    pub negated: bool,
    /// At least one.
    pub alternatives: Vec<Term>,
}

/// Something the parser noticed and worked around, with its byte span in the input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hint {
    /// Start (bytes) in the query string.
    pub start: usize,
    /// End (bytes).
    pub end: usize,
    /// What was noticed.
    pub kind: HintKind,
}

/// The kinds of hints.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HintKind {
    /// A `"` without its closing partner: the phrase runs to the end.
    UnbalancedQuote,
    /// `title:` with nothing after it: ignored.
    EmptyField(String),
    /// `foo:bar` where `foo` is not a field: searched as text.
    UnknownField(String),
    /// `kind:` value not recognised: ignored.
    UnknownKind(String),
    /// `date:` value not understood: ignored.
    BadDate(String),
    /// `OR` with nothing on one side: ignored.
    DanglingOr,
    /// A term that folds to nothing (only spaces or marks): ignored.
    EmptyTerm,
    /// More than [`MAX_TERMS`] distinct terms: only the first `kept` are searched.
    TooManyTerms {
        /// Terms searched.
        kept: usize,
        /// Terms left out.
        dropped: usize,
    },
}

/// A parsed query.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Query {
    /// All must hold.
    pub clauses: Vec<Clause>,
    /// What was worked around.
    pub hints: Vec<Hint>,
}

impl Query {
    /// Whether the query restricts nothing (every document matches).
    pub fn is_empty(&self) -> bool {
        self.clauses.is_empty()
    }

    /// Whether every document that matches this query also matches `broader`, as far as the two
    /// queries alone tell: each clause of `broader` is one plain text term (not negated, no
    /// `OR`, no pinyin reading), and this query has a clause of that kind, in the same scope,
    /// whose folded text contains the term's (text terms match as substrings of the folded
    /// text, so a text holding the longer one holds the shorter). Any further clause only
    /// narrows. `false` when unsure: typing `合肥` → `合肥市`, or adding a word, is the case
    /// that matters (a complete answer to the shorter query then answers the longer one).
    pub fn narrows(&self, broader: &Query, fold: &dyn Fn(&str) -> String) -> bool {
        let plain = |c: &Clause| match (c.negated, c.alternatives.as_slice()) {
            (
                false,
                [Term::Text {
                    raw,
                    scope,
                    pinyin: None,
                }],
            ) => Some((fold(raw), *scope)),
            _ => None,
        };
        let mine: Vec<(String, Scope)> = self.clauses.iter().filter_map(plain).collect();
        !broader.clauses.is_empty()
            && broader.clauses.iter().all(|c| {
                plain(c).is_some_and(|(t, s)| {
                    !t.is_empty() && mine.iter().any(|(m, ms)| *ms == s && m.contains(&t))
                })
            })
    }
}

#[derive(Debug)]
struct Token {
    text: String,
    start: usize,
    end: usize,
    quoted: bool,
    negated: bool,
    field: Option<(String, usize)>,
}

/// A character of a field name: ASCII letters (`title`) or Han (`标题`). (Not
/// `char::is_alphabetic`: its Unicode table would be the only one in the wasm for this.)
fn is_field_char(c: char) -> bool {
    c.is_ascii_alphabetic() || matches!(c, '\u{3400}'..='\u{4DBF}' | '\u{4E00}'..='\u{9FFF}')
}

fn is_sep(c: char) -> bool {
    c.is_whitespace() || c == '\u{3000}'
}

/// The closing partner of a phrase quote: `"…"`, `“…”`, `「…」`, `『…』`.
fn closing_quote(open: char) -> Option<char> {
    match open {
        '"' => Some('"'),
        '“' => Some('”'),
        '「' => Some('」'),
        '『' => Some('』'),
        _ => None,
    }
}

fn tokenize(input: &str, hints: &mut Vec<Hint>) -> Vec<Token> {
    let mut out = Vec::new();
    let chars: Vec<(usize, char)> = input.char_indices().collect();
    let mut i = 0;
    let at = |i: usize| chars.get(i).map(|c| c.0).unwrap_or(input.len());
    while i < chars.len() {
        if is_sep(chars[i].1) {
            i += 1;
            continue;
        }
        let start = at(i);
        let mut negated = false;
        if chars[i].1 == '-' && chars.get(i + 1).is_some_and(|c| !is_sep(c.1)) {
            negated = true;
            i += 1;
        }
        // An optional field prefix: letters or Han then `:` / `：`.
        let mut field = None;
        let mut j = i;
        while j < chars.len() && is_field_char(chars[j].1) {
            j += 1;
        }
        if j > i && j < chars.len() && matches!(chars[j].1, ':' | '：') {
            let name = input[at(i)..at(j)].to_string();
            field = Some((name, at(i)));
            i = j + 1;
        }
        let close = chars.get(i).and_then(|c| closing_quote(c.1));
        let (text, quoted) = if let Some(close) = close {
            let open = i;
            i += 1;
            let s = i;
            while i < chars.len() && chars[i].1 != close {
                i += 1;
            }
            let t = input[at(s)..at(i)].to_string();
            if i >= chars.len() {
                hints.push(Hint {
                    start: at(open),
                    end: input.len(),
                    kind: HintKind::UnbalancedQuote,
                });
            } else {
                i += 1;
            }
            (t, true)
        } else {
            let s = i;
            while i < chars.len() && !is_sep(chars[i].1) {
                i += 1;
            }
            (input[at(s)..at(i)].to_string(), false)
        };
        out.push(Token {
            text,
            start,
            end: at(i),
            quoted,
            negated,
            field,
        });
    }
    out
}

/// Parses a query string. Never fails; see [`Query::hints`].
pub fn parse(input: &str) -> Query {
    parse_with(input, &|_| false)
}

/// Parses a query string, merging adjacent Latin words for which `is_syllables` holds into one
/// pinyin term (`zhang jian dang`).
pub fn parse_with(input: &str, is_syllables: &dyn Fn(&str) -> bool) -> Query {
    let mut hints = Vec::new();
    let tokens = tokenize(input, &mut hints);
    let mut clauses: Vec<Clause> = Vec::with_capacity(tokens.len());
    let mut pending_or = false;
    let mut last_plain_latin: Option<usize> = None;
    let mut k = 0;
    while k < tokens.len() {
        let t = &tokens[k];
        k += 1;
        if t.text == "OR" && !t.quoted && t.field.is_none() && !t.negated {
            if clauses.is_empty() || pending_or || k >= tokens.len() {
                hints.push(Hint {
                    start: t.start,
                    end: t.end,
                    kind: HintKind::DanglingOr,
                });
            } else {
                pending_or = true;
            }
            last_plain_latin = None;
            continue;
        }
        let term = match &t.field {
            Some((name, _)) => {
                let lower = name.to_ascii_lowercase();
                let value = t.text.trim();
                let known = matches!(
                    lower.as_str(),
                    "title"
                        | "标题"
                        | "author"
                        | "作者"
                        | "记者"
                        | "kind"
                        | "类型"
                        | "体裁"
                        | "date"
                        | "日期"
                );
                if !known {
                    if name.chars().all(|c| c.is_ascii_alphabetic()) {
                        hints.push(Hint {
                            start: t.start,
                            end: t.end,
                            kind: HintKind::UnknownField(name.clone()),
                        });
                    }
                    let raw = input[t.start + usize::from(t.negated)..t.end]
                        .trim_matches('"')
                        .to_string();
                    Some(text_term(raw, Scope::All))
                } else if value.is_empty() {
                    hints.push(Hint {
                        start: t.start,
                        end: t.end,
                        kind: HintKind::EmptyField(name.clone()),
                    });
                    None
                } else {
                    match lower.as_str() {
                        "title" | "标题" => Some(text_term(value.to_string(), Scope::Title)),
                        "author" | "作者" | "记者" => {
                            Some(text_term(value.to_string(), Scope::Author))
                        }
                        "kind" | "类型" | "体裁" => match Kind::from_name(value) {
                            Some(kind) => Some(Term::Kind(kind)),
                            None => {
                                hints.push(Hint {
                                    start: t.start,
                                    end: t.end,
                                    kind: HintKind::UnknownKind(value.to_string()),
                                });
                                None
                            }
                        },
                        _ => match parse_date_range(value) {
                            Some(r) => Some(Term::Date(r)),
                            None => {
                                hints.push(Hint {
                                    start: t.start,
                                    end: t.end,
                                    kind: HintKind::BadDate(value.to_string()),
                                });
                                None
                            }
                        },
                    }
                }
            }
            None => {
                if t.text.chars().all(is_sep) || t.text.is_empty() {
                    if !t.quoted {
                        hints.push(Hint {
                            start: t.start,
                            end: t.end,
                            kind: HintKind::EmptyTerm,
                        });
                    }
                    None
                } else {
                    Some(text_term(t.text.clone(), Scope::All))
                }
            }
        };
        let Some(term) = term else {
            pending_or = false;
            continue;
        };
        // Adjacent whole-syllable Latin words form one pinyin term: `zhang jian dang`.
        let plain_latin = !t.negated
            && !t.quoted
            && t.field.is_none()
            && !pending_or
            && crate::pinyin::pinyin_key(&t.text).is_some_and(|k| is_syllables(&k));
        if plain_latin {
            if let Some(ci) = last_plain_latin.filter(|ci| *ci + 1 == clauses.len()) {
                if let Some(Term::Text { raw, pinyin, .. }) = clauses[ci].alternatives.first_mut() {
                    // Extend the key by this word's key (spaces are not part of keys): linear
                    // in the query, however many words are merged.
                    if let (Some(p), Some(k)) =
                        (pinyin.as_mut(), crate::pinyin::pinyin_key(&t.text))
                    {
                        p.push_str(&k);
                    } else {
                        *pinyin = crate::pinyin::pinyin_key(&format!("{raw} {}", t.text));
                    }
                    raw.push(' ');
                    raw.push_str(&t.text);
                    continue;
                }
            }
        }
        if pending_or {
            if let Some(last) = clauses.last_mut() {
                last.alternatives.push(term);
            }
            pending_or = false;
            last_plain_latin = None;
            continue;
        }
        clauses.push(Clause {
            negated: t.negated,
            alternatives: vec![term],
        });
        last_plain_latin = plain_latin.then(|| clauses.len() - 1);
    }
    dedup(&mut clauses);
    limit_terms(&mut clauses, input.len(), &mut hints);
    Query { clauses, hints }
}

/// At most this many terms (alternatives of all clauses) are searched; a longer query (a pasted
/// list) is cut with a [`HintKind::TooManyTerms`] hint, so a query's cost has a bound.
pub const MAX_TERMS: usize = 256;

fn limit_terms(clauses: &mut Vec<Clause>, input_len: usize, hints: &mut Vec<Hint>) {
    let total: usize = clauses.iter().map(|c| c.alternatives.len()).sum();
    if total <= MAX_TERMS {
        return;
    }
    let mut budget = MAX_TERMS;
    clauses.retain_mut(|c| {
        if budget == 0 {
            return false;
        }
        c.alternatives.truncate(budget);
        budget -= c.alternatives.len();
        true
    });
    hints.push(Hint {
        start: 0,
        end: input_len,
        kind: HintKind::TooManyTerms {
            kept: MAX_TERMS,
            dropped: total - MAX_TERMS,
        },
    });
}

/// Drops repeated alternatives inside a clause and repeated clauses (`X OR X OR …`, `X X`):
/// they cannot change which articles match, and each would cost a search. O(n log n).
fn dedup(clauses: &mut Vec<Clause>) {
    for c in clauses.iter_mut() {
        keep_first(&mut c.alternatives, term_hash);
    }
    keep_first(clauses, clause_hash);
}

/// Keeps the first of each group of equal items, in their original order: items are sorted by
/// a hash of their content (the shared integer-key sort), and only items with equal hashes are
/// compared. O(n log n), plus comparisons among the distinct items of a hash (one, in practice).
fn keep_first<T: PartialEq>(v: &mut Vec<T>, hash: impl Fn(&T) -> u64) {
    if v.len() < 2 {
        return;
    }
    let hashes: Vec<u64> = v.iter().map(&hash).collect();
    let mut idx: Vec<usize> = (0..v.len()).collect();
    crate::sort::sort_by_key(&mut idx, |&i| hashes[i]);
    let mut keep = vec![false; v.len()];
    let mut kept: Vec<usize> = Vec::new();
    for group in idx.chunk_by(|&a, &b| hashes[a] == hashes[b]) {
        // `group` is in original order (the sort is stable): the first of equals is kept.
        kept.clear();
        for &i in group {
            if !kept.iter().any(|&j| v[j] == v[i]) {
                keep[i] = true;
                kept.push(i);
            }
        }
    }
    let mut flags = keep.into_iter();
    v.retain(|_| flags.next().unwrap_or(true));
}

/// FNV-1a over some bytes, continuing from `h`.
fn fnv(mut h: u64, bytes: &[u8]) -> u64 {
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

const FNV0: u64 = 0xcbf2_9ce4_8422_2325;

fn term_hash(t: &Term) -> u64 {
    match t {
        Term::Text { raw, scope, .. } => fnv(fnv(FNV0, &[1, *scope as u8]), raw.as_bytes()),
        Term::Kind(k) => fnv(FNV0, &[2, *k as u8]),
        Term::Date(r) => {
            let day = |d: Option<Day>| {
                d.map_or([0; 7], |d| {
                    let y = d.year.unwrap_or(i32::MIN).to_le_bytes();
                    [1, y[0], y[1], y[2], y[3], d.month as u8, d.day as u8]
                })
            };
            fnv(fnv(fnv(FNV0, &[3]), &day(r.from)), &day(r.to))
        }
    }
}

fn clause_hash(c: &Clause) -> u64 {
    c.alternatives
        .iter()
        .fold(fnv(FNV0, &[u8::from(c.negated)]), |h, t| {
            fnv(h, &term_hash(t).to_le_bytes())
        })
}

fn text_term(raw: String, scope: Scope) -> Term {
    let pinyin = crate::pinyin::pinyin_key(&raw).filter(|k| k.len() >= 2);
    Term::Text { raw, scope, pinyin }
}

/// Parses `2020-02-04`, `2月4日`, `2020年2月4日`, and ranges `a..b`, `a..`, `..b`.
pub fn parse_date_range(s: &str) -> Option<DateRange> {
    let s = s.trim().replace(['～', '至'], "..");
    if let Some((a, b)) = s.split_once("..") {
        let from = if a.trim().is_empty() {
            None
        } else {
            Some(parse_day(a)?)
        };
        let to = if b.trim().is_empty() {
            None
        } else {
            Some(parse_day(b)?)
        };
        if from.is_none() && to.is_none() {
            return None;
        }
        return Some(DateRange { from, to });
    }
    let d = parse_day(&s)?;
    Some(DateRange {
        from: Some(d),
        to: Some(d),
    })
}

fn num(s: &str) -> Option<u32> {
    let d: String = s
        .chars()
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            _ => c,
        })
        .collect();
    if d.is_empty() || d.len() > 4 || !d.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    d.parse().ok()
}

fn parse_day(s: &str) -> Option<Day> {
    let s = s.trim();
    let (year, md) = match s.split_once('年') {
        Some((y, rest)) => (Some(num(y)? as i32), rest),
        None => (None, s),
    };
    let (month, day) = if let Some((m, rest)) = md.split_once('月') {
        let d = rest.trim_end_matches(['日', '号']);
        (num(m)?, num(d)?)
    } else {
        let parts: Vec<&str> = md.split(['-', '/', '.']).collect();
        match parts.as_slice() {
            [y, m, d] if year.is_none() && y.len() == 4 => {
                let day = Day {
                    year: Some(num(y)? as i32),
                    month: num(m)?,
                    day: num(d)?,
                };
                return valid(day);
            }
            [m, d] => (num(m)?, num(d)?),
            _ => return None,
        }
    };
    valid(Day { year, month, day })
}

fn valid(d: Day) -> Option<Day> {
    ((1..=12).contains(&d.month) && (1..=31).contains(&d.day)).then_some(d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_and_operators() {
        let q = parse("元宵 -张晓");
        assert_eq!(q.clauses.len(), 2);
        assert!(q.clauses[1].negated);
        let q = parse("元宵 OR 春节 口罩");
        assert_eq!(q.clauses.len(), 2);
        assert_eq!(q.clauses[0].alternatives.len(), 2);
        let q = parse("title:张建党");
        assert!(
            matches!(&q.clauses[0].alternatives[0], Term::Text { scope: Scope::Title, raw, .. } if raw == "张建党")
        );
        let q = parse("记者:张劲松 kind:消息");
        assert!(matches!(
            &q.clauses[0].alternatives[0],
            Term::Text {
                scope: Scope::Author,
                ..
            }
        ));
        assert_eq!(q.clauses[1].alternatives[0], Term::Kind(Kind::News));
    }

    #[test]
    fn lenient_hints() {
        let q = parse("foo:bar title: OR \"abc");
        let kinds: Vec<_> = q.hints.iter().map(|h| h.kind.clone()).collect();
        assert!(kinds.contains(&HintKind::UnknownField("foo".into())));
        assert!(kinds.contains(&HintKind::EmptyField("title".into())));
        assert!(kinds.contains(&HintKind::UnbalancedQuote));
        assert!(
            matches!(&q.clauses[0].alternatives[0], Term::Text { raw, .. } if raw == "foo:bar")
        );
        let q = parse("date:tomorrow");
        assert!(matches!(q.hints[0].kind, HintKind::BadDate(_)));
        assert!(q.clauses.is_empty());
    }

    #[test]
    fn dates() {
        let r = parse_date_range("2月7日..2月8日").expect("range");
        assert!(r.contains("2020-02-07") && r.contains("2020-02-08"));
        assert!(!r.contains("2020-02-09"));
        let r = parse_date_range("2020-02-04..2020-02-08").expect("range");
        assert!(r.contains("2020-02-04") && !r.contains("2021-02-05"));
        let r = parse_date_range("..2月5日").expect("open");
        assert!(r.contains("2020-01-31") && !r.contains("2020-02-06"));
        assert!(parse_date_range("13月1日").is_none());
    }

    #[test]
    fn pinyin_words_merge() {
        let q = parse_with("zhang jian dang 口罩", &|w| {
            ["zhang", "jian", "dang"].contains(&w)
        });
        assert_eq!(q.clauses.len(), 2);
        assert!(
            matches!(&q.clauses[0].alternatives[0], Term::Text { pinyin: Some(p), .. } if p == "zhangjiandang")
        );
    }

    fn text(t: &Term) -> (&str, Option<&str>) {
        match t {
            Term::Text { raw, pinyin, .. } => (raw.as_str(), pinyin.as_deref()),
            _ => ("", None),
        }
    }

    #[test]
    fn many_pinyin_words_merge_into_one_key() {
        let words = vec!["zhang"; 500].join(" ");
        let q = parse_with(&words, &|w| {
            w.len() % 5 == 0 && w.bytes().all(|b| b.is_ascii_lowercase())
        });
        assert_eq!(q.clauses.len(), 1);
        let (raw, key) = text(&q.clauses[0].alternatives[0]);
        assert_eq!(raw, words);
        assert_eq!(key, Some("zhang".repeat(500).as_str()));
    }

    #[test]
    fn repeated_terms_and_clauses_collapse_in_order() {
        let q = parse("口罩 OR 体温 OR 口罩 OR 元宵 体温 口罩 OR 体温 OR 口罩 OR 元宵 -张晓 -张晓");
        let shape: Vec<(bool, Vec<&str>)> = q
            .clauses
            .iter()
            .map(|c| {
                (
                    c.negated,
                    c.alternatives.iter().map(|t| text(t).0).collect(),
                )
            })
            .collect();
        assert_eq!(
            shape,
            [
                (false, vec!["口罩", "体温", "元宵"]),
                (false, vec!["体温"]),
                (true, vec!["张晓"]),
            ]
        );
        assert!(q.hints.is_empty());
    }

    #[test]
    fn a_pasted_list_is_cut_with_a_hint() {
        let list: Vec<String> = (0..1000).map(|i| format!("词{i}")).collect();
        let q = parse(&list.join(" OR "));
        let n: usize = q.clauses.iter().map(|c| c.alternatives.len()).sum();
        assert_eq!(n, MAX_TERMS);
        assert_eq!(text(&q.clauses[0].alternatives[0]).0, "词0");
        assert!(q.hints.iter().any(|h| h.kind
            == HintKind::TooManyTerms {
                kept: MAX_TERMS,
                dropped: 1000 - MAX_TERMS
            }));
        // The same 1000 words repeated 50 times collapse first: no cut needed under the limit.
        let q = parse(&vec!["甲 OR 乙"; 5000].join(" OR "));
        assert_eq!(q.clauses.len(), 1);
        assert_eq!(q.clauses[0].alternatives.len(), 2);
        assert!(q.hints.is_empty());
    }

    #[test]
    fn chinese_quotes_make_phrases() {
        for input in ["“N95 口罩”", "\"N95 口罩\"", "「N95 口罩」", "『N95 口罩』"]
        {
            let q = parse(input);
            assert_eq!(q.clauses.len(), 1, "{input}");
            assert_eq!(text(&q.clauses[0].alternatives[0]).0, "N95 口罩", "{input}");
            assert!(q.hints.is_empty(), "{input}");
        }
        let q = parse("“N95 口罩");
        assert_eq!(q.hints[0].kind, HintKind::UnbalancedQuote);
        // Quotes inside a word stay part of it: 战“疫” is searched as printed.
        let q = parse("战“疫”");
        assert_eq!(text(&q.clauses[0].alternatives[0]).0, "战“疫”");
    }
}
