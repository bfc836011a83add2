//! What the results say about themselves, computed without the browser: the active filters as
//! removable chips, the heading's terms, "why it matched" in words, suggestions when nothing
//! matched, export file names, and pinyin for names.

use std::collections::HashMap;
use std::sync::Arc;

use super::i18n::Lang;
use super::route::ViewState;
use crate::archive::{Article, Kind};
use crate::search::query::Term;
use crate::search::{Index, Query, Results, SearchOptions};

/// The highlighted matches of a query's articles, each article counted once while the query
/// stays (its count depends on it and the query alone, not on the index it is found in): a
/// sharded page that shows a long answer as it grows (a "search all") counts the articles
/// added since the last show, not every one found so far again. Articles are known by their
/// address, and held so that the address is not another's meanwhile.
#[derive(Default)]
pub struct HitCounts {
    query: Query,
    counts: HashMap<usize, (Arc<Article>, usize)>,
}

impl HitCounts {
    /// The highlighted matches in all of `docs` (articles of `ix` matching `q`, in `results`).
    pub fn total(&mut self, ix: &Index, q: &Query, results: &Results, docs: &[usize]) -> usize {
        if self.query != *q {
            self.query = q.clone();
            self.counts.clear();
        }
        let mut total = 0;
        for &d in docs {
            let Some(a) = ix.archive().articles.get(d) else {
                continue;
            };
            total += self
                .counts
                .entry(Arc::as_ptr(a) as usize)
                .or_insert_with(|| (a.clone(), ix.hit_count(results, d)))
                .1;
        }
        total
    }
}

/// One active filter.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Filter {
    /// A kind.
    Kind(Kind),
    /// An author.
    Author(String),
    /// A name (person, place, organisation).
    Ent(String),
    /// The date range.
    Dates,
}

/// The active filters of a view with their labels, in the order the sidebar shows them.
pub fn chips(v: &ViewState, lang: Lang) -> Vec<(Filter, String)> {
    let mut out: Vec<(Filter, String)> = Vec::new();
    if v.from.is_some() || v.to.is_some() {
        out.push((
            Filter::Dates,
            date_range_label(lang, v.from.as_deref(), v.to.as_deref()),
        ));
    }
    for k in &v.kinds {
        out.push((Filter::Kind(*k), lang.kind(*k).to_string()));
    }
    for a in &v.authors {
        out.push((Filter::Author(a.clone()), a.clone()));
    }
    for e in &v.ents {
        out.push((Filter::Ent(e.clone()), e.clone()));
    }
    out
}

fn ymd(iso: &str) -> Option<(u32, u32, u32)> {
    let mut it = iso.splitn(3, '-').map(|p| p.parse::<u32>().ok());
    Some((it.next()??, it.next()??, it.next()??))
}

const MONTHS: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

fn month_en(m: u32, short: bool) -> &'static str {
    let name = MONTHS[(m.clamp(1, 12) - 1) as usize];
    if short && name.len() > 4 {
        &name[..3]
    } else {
        name
    }
}

/// `2020-02-04` as `4 February 2020` (an unreadable date is returned as it is).
pub fn english_date(iso: &str) -> String {
    match ymd(iso) {
        Some((y, m, d)) => format!("{d} {} {y}", month_en(m, false)),
        None => iso.to_string(),
    }
}

/// A date range as people write it: `2月6–11日`, `2月6日–3月2日`, `6–11 Feb`, `from 6 Feb`.
/// The year is shown only when the two ends differ in it.
pub fn date_range_label(lang: Lang, from: Option<&str>, to: Option<&str>) -> String {
    let f = from.and_then(ymd);
    let t = to.and_then(ymd);
    let zh = |(y, m, d): (u32, u32, u32), year: bool| {
        if year {
            format!("{y}年{m}月{d}日")
        } else {
            format!("{m}月{d}日")
        }
    };
    let en = |(y, m, d): (u32, u32, u32), year: bool| {
        if year {
            format!("{d} {} {y}", month_en(m, true))
        } else {
            format!("{d} {}", month_en(m, true))
        }
    };
    match (lang, f, t) {
        (_, None, None) => String::new(),
        (Lang::Zh, Some(a), Some(b)) if a == b => zh(a, false),
        (Lang::Zh, Some(a), Some(b)) if a.0 == b.0 && a.1 == b.1 => {
            format!("{}月{}–{}日", a.1, a.2, b.2)
        }
        (Lang::Zh, Some(a), Some(b)) => {
            let year = a.0 != b.0;
            format!("{}–{}", zh(a, year), zh(b, year))
        }
        (Lang::Zh, Some(a), None) => format!("{}起", zh(a, false)),
        (Lang::Zh, None, Some(b)) => format!("至{}", zh(b, false)),
        (Lang::En, Some(a), Some(b)) if a == b => en(a, false),
        (Lang::En, Some(a), Some(b)) if a.0 == b.0 && a.1 == b.1 => {
            format!("{}–{} {}", a.2, b.2, month_en(a.1, true))
        }
        (Lang::En, Some(a), Some(b)) => {
            let year = a.0 != b.0;
            format!("{} – {}", en(a, year), en(b, year))
        }
        (Lang::En, Some(a), None) => format!("from {}", en(a, false)),
        (Lang::En, None, Some(b)) => format!("until {}", en(b, false)),
    }
}

/// The filters in the query language (`kind:news author:张劲松 ent:张建党 date:a..b`), for
/// exports.
pub fn filters_text(v: &ViewState) -> String {
    let mut parts: Vec<String> = Vec::new();
    for k in &v.kinds {
        parts.push(format!("kind:{}", k.key()));
    }
    for a in &v.authors {
        parts.push(format!("author:{a}"));
    }
    for e in &v.ents {
        parts.push(format!("ent:{e}"));
    }
    if v.from.is_some() || v.to.is_some() {
        parts.push(format!(
            "date:{}..{}",
            v.from.as_deref().unwrap_or_default(),
            v.to.as_deref().unwrap_or_default()
        ));
    }
    parts.join(" ")
}

/// A character that cannot be in a file name, or that reads badly in one.
fn bad_in_file_name(c: char) -> bool {
    let u = c as u32;
    if c.is_ascii() {
        return !(c.is_ascii_alphanumeric() || c == '-' || c == '_');
    }
    // Control characters, general punctuation, CJK punctuation, full-width ASCII punctuation.
    u < 0xA0
        || (0x2000..=0x206F).contains(&u)
        || (0x3000..=0x303F).contains(&u)
        || (0xFF00..=0xFF0F).contains(&u)
        || (0xFF1A..=0xFF20).contains(&u)
        || (0xFF3B..=0xFF40).contains(&u)
        || (0xFF5B..=0xFF65).contains(&u)
        || (0xFE10..=0xFE6F).contains(&u)
}

/// The export's file name: `archive-results-口罩-体温.csv`; the query's characters that do not
/// belong in a file name become `-`, at most 40 of them are kept.
pub fn export_file_name(query: &str, ext: &str) -> String {
    let mut s = String::new();
    let mut n = 0;
    for c in query.chars() {
        if n >= 40 {
            break;
        }
        if bad_in_file_name(c) {
            if !s.is_empty() && !s.ends_with('-') {
                s.push('-');
                n += 1;
            }
        } else {
            s.push(c);
            n += 1;
        }
    }
    let s = s.trim_end_matches('-');
    if s.is_empty() {
        format!("archive-results.{ext}")
    } else {
        format!("archive-results-{s}.{ext}")
    }
}

/// A positive or negated text term of a query, as the heading shows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownTerm {
    /// As typed.
    pub raw: String,
    /// Matched by its pinyin: the text it matched (when found among the marks).
    pub pinyin: Option<Option<String>>,
    /// `-term`.
    pub negated: bool,
}

/// The text terms of a query. `marked` lists texts highlighted in the results; a pinyin
/// term is shown with the first of them written in Han characters that is no other term's.
pub fn shown_terms(ix: &Index, q: &Query, marked: &[String]) -> Vec<ShownTerm> {
    let mut out: Vec<ShownTerm> = Vec::new();
    let mut plain: Vec<String> = Vec::new();
    for c in &q.clauses {
        for t in &c.alternatives {
            if let Term::Text { raw, pinyin, .. } = t {
                if pinyin.is_none() {
                    plain.push(ix.fold(raw));
                }
                out.push(ShownTerm {
                    raw: raw.clone(),
                    pinyin: pinyin.as_ref().map(|_| None),
                    negated: c.negated,
                });
            }
        }
    }
    for t in out.iter_mut().filter(|t| !t.negated) {
        if let Some(p) = t.pinyin.as_mut() {
            *p = marked
                .iter()
                .find(|m| !m.is_ascii() && !plain.contains(&ix.fold(m)))
                .cloned();
        }
    }
    out
}

/// A term as the heading writes it: `zjd → 张建党（拼音匹配）`, `不含 张晓`.
pub fn term_label(lang: Lang, t: &ShownTerm) -> String {
    let r = lang.r();
    let mut s = String::new();
    if t.negated {
        s.push_str(r.without);
        s.push(' ');
    }
    s.push_str(&t.raw);
    if let Some(m) = &t.pinyin {
        if let Some(m) = m.as_ref().filter(|m| **m != t.raw) {
            s.push_str(" → ");
            s.push_str(m);
        }
        s.push_str(match lang {
            Lang::Zh => "（",
            Lang::En => " (",
        });
        s.push_str(r.pinyin_match);
        s.push_str(match lang {
            Lang::Zh => "）",
            Lang::En => ")",
        });
    }
    s
}

/// Where an article's matches are, in words: `标题命中 · 正文 6 处 · 靠近开头`.
/// `headline`, `text` and `other` count the matches in the headline fields, in the body and
/// intertitles, and elsewhere (byline, notes, credits); `near_start` is a match in the lead.
pub fn why_words(
    lang: Lang,
    headline: usize,
    text: usize,
    other: usize,
    near_start: bool,
) -> String {
    let r = lang.r();
    let mut parts: Vec<String> = Vec::new();
    if headline > 0 {
        parts.push(r.why_title.to_string());
    }
    if text > 0 {
        parts.push(format!("{}{text}{}", r.why_body, r.why_body_after));
    }
    if other > 0 {
        parts.push(format!("{}{other}{}", r.why_other, r.why_other_after));
    }
    if near_start {
        parts.push(r.why_start.to_string());
    }
    parts.join(" · ")
}

/// Whether a query that found nothing was written in Latin letters (the texts are Chinese;
/// pinyin is accepted).
pub fn is_latin_query(q: &str) -> bool {
    q.split_whitespace().any(|w| {
        let w = w.trim_start_matches('-');
        !w.contains(':') && w.chars().filter(|c| c.is_ascii_alphabetic()).count() >= 2
    })
}

/// Terms similar to a query that found nothing, which do find articles: for each text term of
/// three or more characters, the term without its last or first character, down to two
/// characters; for a query of several terms, each term alone. At most `limit` suggestions and
/// eight searches. Returns `(query, articles)`.
pub fn suggestions(ix: &Index, query: &str, limit: usize) -> Vec<(String, usize)> {
    let q = ix.parse(query);
    let terms: Vec<String> = q
        .clauses
        .iter()
        .filter(|c| !c.negated)
        .flat_map(|c| &c.alternatives)
        .filter_map(|t| match t {
            Term::Text { raw, .. } => Some(raw.clone()),
            _ => None,
        })
        .collect();
    let mut candidates: Vec<String> = Vec::new();
    if terms.len() > 1 {
        candidates.extend(terms.iter().cloned());
    }
    for t in &terms {
        let chars: Vec<char> = t.chars().collect();
        let mut len = chars.len();
        while len > 2 {
            len -= 1;
            candidates.push(chars[..len].iter().collect());
            candidates.push(chars[chars.len() - len..].iter().collect());
        }
    }
    let opts = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    let mut out: Vec<(String, usize)> = Vec::new();
    let mut tried: Vec<&String> = Vec::new();
    for c in &candidates {
        if out.len() >= limit || tried.len() >= 8 {
            break;
        }
        if tried.contains(&c) || c.chars().count() < 2 {
            continue;
        }
        tried.push(c);
        let n = ix.search(&ix.parse(c), &opts).order.len();
        if n > 0 && !out.iter().any(|(s, _)| c.contains(s.as_str())) {
            out.push((c.clone(), n));
        }
    }
    out
}

/// A name in pinyin from its readings: a person as `Zhang Jiandang` (surname, given name),
/// anything else as one capitalised word (`Xuwanxiang`).
pub fn romanize(syllables: &[&str], person: bool) -> String {
    let mut s = String::new();
    for (i, syl) in syllables.iter().enumerate() {
        let cap = i == 0 || (person && i == 1);
        if person && i == 1 {
            s.push(' ');
        }
        let mut cs = syl.chars();
        if let Some(c) = cs.next() {
            if cap {
                s.push(c.to_ascii_uppercase());
            } else {
                s.push(c);
            }
            s.push_str(cs.as_str());
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Counted once per article and query, the total is the one counted afresh in every
    /// index an answer grows through, for any part of its articles, and after another query.
    #[test]
    fn hit_counts_kept_per_query_are_those_counted_afresh() {
        let seed = crate::data::load()
            .expect("the embedded archive decodes")
            .archive;
        let all = crate::synth::archive(&seed, 240, 400, 9);
        let tables = crate::search::tables::build_tables(&all).expect("tables");
        let opts = SearchOptions {
            limit: 0,
            ..Default::default()
        };
        let mut kept = HitCounts::default();
        let mut ix = Index::new(Default::default(), &tables);
        let mut checked = 0;
        for part in all.articles.chunks(40) {
            ix = ix.with_more(Vec::new(), part.to_vec());
            for q in ["市", "合肥 OR 社区", "市", "zhang"] {
                let q = ix.parse(q);
                let r = ix.search(&q, &opts);
                let docs: Vec<usize> = r.order.iter().map(|o| o.0).collect();
                for docs in [docs.clone(), docs.iter().copied().step_by(2).collect()] {
                    let afresh: usize = docs.iter().map(|&d| ix.hit(&r, d, &opts).count).sum();
                    assert_eq!(kept.total(&ix, &q, &r, &docs), afresh, "{q:?}");
                    checked += afresh;
                }
            }
        }
        assert!(checked > 1000, "{checked} matches");
    }

    #[test]
    fn chips_name_each_filter_and_the_date_range() {
        let v = ViewState {
            kinds: vec![Kind::News],
            authors: vec!["张劲松".into()],
            ents: vec!["张建党".into()],
            from: Some("2020-02-06".into()),
            to: Some("2020-02-11".into()),
            ..Default::default()
        };
        let c = chips(&v, Lang::Zh);
        let labels: Vec<&str> = c.iter().map(|c| c.1.as_str()).collect();
        assert_eq!(labels, ["2月6–11日", "消息", "张劲松", "张建党"]);
        assert_eq!(c[0].0, Filter::Dates);
        assert_eq!(c[1].0, Filter::Kind(Kind::News));
        assert_eq!(c[3].0, Filter::Ent("张建党".into()));
        assert_eq!(chips(&v, Lang::En)[0].1, "6–11 Feb");
        assert_eq!(chips(&v, Lang::En)[1].1, "News");
        assert!(chips(&ViewState::default(), Lang::Zh).is_empty());
    }

    #[test]
    fn date_ranges_read_as_people_write_them() {
        let l = |lang, f: Option<&str>, t: Option<&str>| date_range_label(lang, f, t);
        assert_eq!(
            l(Lang::Zh, Some("2020-02-06"), Some("2020-02-06")),
            "2月6日"
        );
        assert_eq!(
            l(Lang::Zh, Some("2020-02-06"), Some("2020-03-02")),
            "2月6日–3月2日"
        );
        assert_eq!(
            l(Lang::Zh, Some("2019-12-30"), Some("2020-01-02")),
            "2019年12月30日–2020年1月2日"
        );
        assert_eq!(l(Lang::Zh, Some("2020-02-06"), None), "2月6日起");
        assert_eq!(l(Lang::Zh, None, Some("2020-02-11")), "至2月11日");
        assert_eq!(
            l(Lang::En, Some("2020-02-06"), Some("2020-03-02")),
            "6 Feb – 2 Mar"
        );
        assert_eq!(
            l(Lang::En, Some("2019-12-30"), Some("2020-01-02")),
            "30 Dec 2019 – 2 Jan 2020"
        );
        assert_eq!(l(Lang::En, Some("2020-05-06"), None), "from 6 May");
        assert_eq!(l(Lang::En, None, Some("2020-06-11")), "until 11 June");
        assert_eq!(english_date("2020-02-04"), "4 February 2020");
        assert_eq!(english_date("someday"), "someday");
    }

    #[test]
    fn export_file_names_keep_the_query_and_nothing_unsafe() {
        assert_eq!(
            export_file_name("口罩 体温", "csv"),
            "archive-results-口罩-体温.csv"
        );
        assert_eq!(export_file_name("", "json"), "archive-results.json");
        assert_eq!(export_file_name("  ", "json"), "archive-results.json");
        assert_eq!(
            export_file_name("../etc/passwd", "csv"),
            "archive-results-etc-passwd.csv"
        );
        assert_eq!(
            export_file_name("title:张建党 \"N95 口罩\"", "md"),
            "archive-results-title-张建党-N95-口罩.md"
        );
        assert_eq!(
            export_file_name("“不造谣”，", "csv"),
            "archive-results-不造谣.csv"
        );
        let long = export_file_name(&"疫".repeat(100), "csv");
        assert_eq!(long.chars().filter(|c| *c == '疫').count(), 40);
        for bad in ['/', '\\', ':', '*', '?', '"', '<', '>', '|', '\n', ' '] {
            let name = export_file_name(&format!("a{bad}b"), "csv");
            assert!(!name.contains(bad), "{name}");
        }
    }

    #[test]
    fn filters_in_query_language() {
        let v = ViewState {
            kinds: vec![Kind::News, Kind::Photo],
            ents: vec!["许湾乡".into()],
            from: Some("2020-02-06".into()),
            ..Default::default()
        };
        assert_eq!(
            filters_text(&v),
            "kind:news kind:photo ent:许湾乡 date:2020-02-06.."
        );
        assert_eq!(filters_text(&ViewState::default()), "");
    }

    #[test]
    fn why_in_words_before_numbers() {
        assert_eq!(
            why_words(Lang::Zh, 1, 6, 0, true),
            "标题命中 · 正文 6 处 · 靠近开头"
        );
        assert_eq!(
            why_words(Lang::Zh, 0, 2, 1, false),
            "正文 2 处 · 署名等 1 处"
        );
        assert_eq!(
            why_words(Lang::En, 2, 6, 0, true),
            "in the headline · 6 in the text · near the start"
        );
        assert_eq!(why_words(Lang::En, 0, 0, 0, false), "");
    }

    #[test]
    fn latin_queries_are_noticed() {
        assert!(is_latin_query("mask"));
        assert!(is_latin_query("口罩 virus"));
        assert!(!is_latin_query("口罩"));
        assert!(!is_latin_query("N95"));
        assert!(!is_latin_query("kind:news"));
    }

    #[test]
    fn names_in_pinyin() {
        assert_eq!(romanize(&["zhang", "jian", "dang"], true), "Zhang Jiandang");
        assert_eq!(romanize(&["xu", "wan", "xiang"], false), "Xuwanxiang");
        assert_eq!(romanize(&["li"], true), "Li");
        assert_eq!(romanize(&[], true), "");
    }

    /// Suggestions are shorter pieces of the query that the seed has (checked against the
    /// texts directly, not through the index).
    #[test]
    fn suggestions_are_pieces_that_exist() {
        let e = crate::data::load().expect("the embedded seed");
        let texts: Vec<String> = e
            .archive
            .articles
            .iter()
            .flat_map(|a| a.texts().into_iter().map(|t| t.text.to_string()))
            .collect();
        let ix = Index::new(e.archive, &e.tables);
        // 张建党 is in the seed; 张建党同志来了 is not.
        assert!(!texts.iter().any(|t| t.contains("张建党同志来了")));
        let s = suggestions(&ix, "张建党同志来了", 3);
        assert!(!s.is_empty());
        for (q, n) in &s {
            assert!(texts.iter().any(|t| t.contains(q.as_str())), "{q}");
            assert!(*n > 0);
            assert!("张建党同志来了".contains(q.as_str()));
        }
        // The first is the longest prefix or suffix the texts contain.
        let q: Vec<char> = "张建党同志来了".chars().collect();
        let longest = (2..q.len())
            .rev()
            .find(|&n| {
                let pre: String = q[..n].iter().collect();
                let suf: String = q[q.len() - n..].iter().collect();
                texts.iter().any(|t| t.contains(&pre) || t.contains(&suf))
            })
            .unwrap_or(0);
        assert_eq!(s[0].0.chars().count(), longest, "{s:?}");
        // Nothing to suggest for a word with no piece in the archive.
        assert!(suggestions(&ix, "鑫鑫鑫", 3).is_empty());
    }
}
