//! Places: the gazetteer, then endings accepted only after a gazetteer name or a proper-name stem,
//! never after a common noun.

use std::collections::HashMap;

use super::text::{proper_tag, Text};
use super::{Cand, TITLES};
use crate::entities::EntityKind;
use crate::gazetteer::{Form, Gazetteer};

/// Place endings (longest first). A stem of at least two characters must come before them.
pub const PLACE_ENDS: [&str; 34] = [
    "办事处",
    "出口",
    "东站",
    "西站",
    "南站",
    "北站",
    "行政村",
    "商业街",
    "街道",
    "小区",
    "广场",
    "公园",
    "景区",
    "新区",
    "社区",
    "大道",
    "街",
    "省",
    "市",
    "县",
    "区",
    "乡",
    "镇",
    "村",
    "山",
    "河",
    "江",
    "湖",
    "洲",
    "岛",
    "寺",
    "寨",
    "港",
    "园",
];

/// Endings of natural places that jieba tags `ns` on their own (`黄河`, `湘江`).
const NATURAL_ENDS: &str = "山河江湖洲岛海峡港寺";

/// Common nouns that never make a place or organisation name by themselves (`老旧小区`,
/// `中职学校`, `美术馆`).
const GENERIC: [&str; 67] = [
    "特色",
    "城市",
    "人民",
    "文化",
    "体育",
    "市民",
    "休闲",
    "湿地",
    "森林",
    "生态",
    "农业",
    "科技",
    "工业",
    "产业",
    "主题",
    "中心",
    "城区",
    "老旧",
    "当地",
    "附近",
    "周边",
    "全国",
    "地方",
    "乡村",
    "农村",
    "沿海",
    "高速",
    "商业",
    "步行",
    "城乡",
    "示范",
    "居民",
    "住宅",
    "美术",
    "艺术",
    "师范",
    "医科",
    "理工",
    "职业",
    "技术",
    "财经",
    "中职",
    "高职",
    "民族",
    "政法",
    "传媒",
    "建设",
    "财政",
    "旅游",
    "教育",
    "卫生",
    "公安",
    "交通",
    "中医",
    "外国语",
    "博物",
    "图书",
    "各地",
    "国家",
    "每个",
    "当地",
    "该县",
    "本市",
    "全市",
    "全省",
    "全区",
    "乡镇",
];

/// Words jieba tags as places that are not (`沿河` "along the river").
const NOT_PLACES: [&str; 8] = [
    "沿河", "渤海", "长河", "美化", "新建", "入园", "中方", "外国",
];

pub(crate) fn generic(stem: &str) -> bool {
    GENERIC.contains(&stem)
}

/// Places from the gazetteer: the longest known name starting at each word start (or right
/// after another place: `山东省潍坊市`). Short forms must be whole words.
pub fn gazetteer_places(t: &Text, extra: &HashMap<String, EntityKind>, out: &mut Vec<Cand>) {
    let g = Gazetteer::get();
    // Names the corpus declares (`周口市城乡一体化示范区（以下简称示范区）`).
    for (name, kind) in extra {
        for (b, _) in t.s.match_indices(name.as_str()) {
            if let Ok(i) = t.bytes.binary_search(&b) {
                out.push(Cand::new(i, i + name.chars().count(), *kind));
            }
        }
    }
    let n = t.len();
    let mut i = 0;
    let mut after_place = false;
    while i < n {
        if !(t.starts[i] || after_place) {
            i += 1;
            continue;
        }
        let mut found = None;
        let lens = g.lengths_from(t.chars[i]);
        for len in (2..=g.max_chars.min(n - i)).rev() {
            if lens & (1u64 << len.min(63)) == 0 {
                continue;
            }
            let name = t.span(i, i + len);
            match g.form(name) {
                Some(Form::Full) => {
                    found = Some(len);
                    break;
                }
                Some(Form::Short) if t.starts[i] && t.starts[i + len] => {
                    found = Some(len);
                    break;
                }
                Some(Form::CountyShort)
                    if t.starts[i]
                        && (i == 0
                            || !t.han(i - 1, i)
                            || "在到从赴至、和与的于".contains(t.chars[i - 1]))
                        && t.starts[i + len]
                        && t.toks[t.tok_at[i]].tag == "ns"
                        && t.toks[t.tok_at[i]].end == i + len =>
                {
                    found = Some(len);
                    break;
                }
                _ => {}
            }
        }
        match found {
            Some(len) => {
                out.push(Cand::new(i, i + len, EntityKind::Place));
                i += len;
                after_place = true;
            }
            None => {
                i += 1;
                after_place = false;
            }
        }
    }
}

/// Whether a stem token may be part of a proper name.
fn stem_token_ok(word: &str, tag: &str) -> bool {
    let counting = word.contains([
        '个', '些', '每', '几', '多', '各', '全', '该', '本', '这', '那',
    ]);
    !generic(word)
        && !TITLES.contains(&word)
        && (proper_tag(tag)
            || tag == "x"
            || (tag.starts_with('n') && !counting)
            || (tag == "m" && !counting)
            || (tag == "q" && word.chars().count() >= 2))
}

/// Whether the token before character `b` ends a non-name (so a name may start at `b`).
fn name_may_start(t: &Text, b: usize, known: &[Cand]) -> bool {
    if b == 0 {
        return true;
    }
    if known.iter().any(|c| c.end == b) {
        return true;
    }
    if !t.han(b - 1, b) {
        return true;
    }
    let prev = &t.toks[t.tok_at[b - 1]];
    matches!(
        prev.tag.chars().next(),
        Some('p' | 'c' | 'u' | 'v' | 'd' | 'r' | 'f' | 'x')
    ) || prev.tag == "uj"
}

/// Places named by an ending after a proper stem: `望月湖小区`, `三元朱村`, `大禹广场`, and words
/// jieba tags as places when they end like natural places (`黄河`).
pub fn suffix_places(t: &Text, gazetteer: &[Cand], out: &mut Vec<Cand>) {
    let n = t.len();
    // Places found so far in this text: a place may follow another (`支尔莫乡` + `阿土列尔村`).
    let mut known: Vec<Cand> = gazetteer.to_vec();
    for (ti, tok) in t.toks.iter().enumerate() {
        // jieba's natural places: `黄河`, `湘江`, `洞庭湖区`, `西湖` in `西湖畔`.
        let shore = usize::from(tok.word.ends_with(['畔', '边']));
        let end = tok.end - shore;
        let word = t.span(tok.start, end);
        let before_ending = t.toks.get(ti + 1).is_some_and(|n| {
            PLACE_ENDS.iter().any(|e| n.word.starts_with(e))
                || n.word.starts_with(['路', '巷', '道'])
        });
        // `潘/nr 玉山/ns`: a person's name split by jieba.
        let after_surname = ti > 0 && {
            let p = &t.toks[ti - 1];
            p.tag == "nr" && p.end - p.start == 1
        };
        if tok.tag == "ns"
            && !after_surname
            && t.han(tok.start, end)
            && end - tok.start >= 2
            && !before_ending
            && !NOT_PLACES.contains(&word)
            && (word.ends_with(|c| NATURAL_ENDS.contains(c))
                || word.ends_with("湖区")
                || word.ends_with("洲"))
        {
            out.push(Cand::new(tok.start, end, EntityKind::Place));
        }
    }
    // A name jieba glued to the next word: 贾寨 / 村卡点 → 贾寨村.
    for (k, tok) in t.toks.iter().enumerate() {
        let glued = t.toks.get(k + 1).and_then(|x| x.word.chars().next());
        if (tok.tag.starts_with("nr") || tok.tag == "ns")
            && tok.end - tok.start >= 2
            && t.han(tok.start, tok.end)
            && glued.is_some_and(|c| "村乡镇".contains(c))
            && t.toks[k + 1].end - t.toks[k + 1].start >= 2
            && !["村民", "乡镇", "镇长", "乡长", "村委"]
                .iter()
                .any(|x| t.toks[k + 1].word.starts_with(x))
        {
            out.push(Cand::new(tok.start, tok.end + 1, EntityKind::Place));
        }
    }
    let mut new_place: Option<Cand> = None;
    for e in 1..=n {
        if let Some(c) = new_place.take() {
            known.push(c);
        }
        if !t.starts[e] {
            continue;
        }
        let Some(suffix) = PLACE_ENDS
            .iter()
            .find(|s| t.span(0, e).ends_with(**s))
            .copied()
        else {
            continue;
        };
        let known = &known[..];
        let s = e - suffix.chars().count();
        if known.iter().any(|c| c.start <= s && e <= c.end) {
            continue;
        }
        // A longer name goes on (`望月湖` + `小区`).
        if e < n
            && PLACE_ENDS
                .iter()
                .any(|x| t.span(e, n).starts_with(x) && x.chars().count() >= 2)
        {
            continue;
        }
        // The ending is a word of its own, or jieba glued it to a name (`朱村`): not the end of
        // a common noun (`地区`, `街区`).
        let last = &t.toks[t.tok_at[e - 1]];
        let glued_village = suffix == "村" && last.end - last.start == 2;
        if last.start < s && !(proper_tag(last.tag) || last.tag == "x" || glued_village) {
            continue;
        }
        // The shortest stem of 2 to 6 characters that starts a name.
        let mut stem_start = None;
        for b in (s.saturating_sub(6)..s.saturating_sub(1)).rev() {
            if !t.starts[b] || !t.han(b, s) {
                continue;
            }
            if name_may_start(t, b, known) || known.iter().any(|c| c.start == b) {
                stem_start = Some(b);
                break;
            }
        }
        // One-character stems: after a place (`许湾乡` + `关村`), or a place word before a long
        // ending (`东/ns` + `新区`).
        let place_before = |k: usize| {
            known.iter().any(|c| c.end == k)
                || (k > 0 && t.starts[k] && {
                    let p = &t.toks[t.tok_at[k - 1]];
                    p.tag == "ns" && p.end - p.start >= 2
                })
        };
        let short_ok = s >= 1
            && t.han(s - 1, s)
            && ((place_before(s - 1) && matches!(suffix, "村" | "镇" | "乡"))
                || (t.starts[s - 1]
                    && t.toks[t.tok_at[s - 1]].tag == "ns"
                    && t.toks[t.tok_at[s - 1]].end == s
                    && suffix == "新区"));
        let stem_start = if short_ok { Some(s - 1) } else { stem_start };
        let Some(b) = stem_start else { continue };
        // After a post comes a person (`种粮大户潘玉山`); a known place is not a stem for the same
        // ending again (`龙湖镇镇长`); a stem never ends in a verb or particle.
        let after_post = TITLES.iter().any(|w| t.span(0, b).ends_with(w));
        let known_stem = t.span(b, s).ends_with(suffix);
        let stem_text = t.span(b, s);
        let post_inside = TITLES.iter().any(|w| stem_text.contains(w));
        let counted = t.toks[t.tok_at[b]].tag == "m" && !known.iter().any(|c| c.end == b);
        let office = stem_text.ends_with("街道") && suffix == "办事处";
        if after_post
            || post_inside
            || counted
            || office
            || known_stem
            || stem_text.contains(['的', '了', '在', '及', '和', '与', '或'])
            || ["办事处", "街道", "社区", "小区", "行政村"]
                .iter()
                .any(|x| stem_text.contains(x))
            || stem_text.ends_with(['入', '出', '进', '到', '去', '来'])
        {
            continue;
        }
        // Every token of the stem must be name-like.
        let mut k = t.tok_at[b];
        let mut ok = true;
        while k < t.toks.len() && t.toks[k].start < s {
            let tok = &t.toks[k];
            let part = t.span(tok.start, tok.end.min(s));
            if !stem_token_ok(part, tok.tag) {
                ok = false;
            }
            k += 1;
        }
        let stem = t.span(b, s);
        // One dictionary word (`江湖`, `乡镇`) is no name unless jieba calls it a place.
        let one_word = t.tok_at[b] == t.tok_at[e - 1];
        let whole_tag = t.toks[t.tok_at[b]].tag;
        let name_tag = whole_tag == "ns"
            || ((whole_tag.starts_with("nr") || whole_tag == "nz")
                && !super::people::person_like(t.span(b, e)));
        let one_word_ok =
            !one_word || (short_ok && b == s - 1) || (name_tag && name_may_start(t, b, known));
        if !one_word_ok {
            ok = false;
        }
        let counting_start =
            stem.starts_with(['一', '每', '各', '该', '本', '这', '那', '此', '其', '全']);
        if ok && !generic(stem) && !counting_start && !NOT_PLACES.contains(&t.span(b, e)) {
            out.push(Cand::new(b, e, EntityKind::Place));
            new_place = Some(Cand::new(b, e, EntityKind::Place));
        }
    }
}

/// Whether `name` ends like a place (`示范区`, `行政村`).
pub fn ends_like_place(name: &str) -> bool {
    PLACE_ENDS.iter().any(|e| name.ends_with(e) && name != *e)
}
