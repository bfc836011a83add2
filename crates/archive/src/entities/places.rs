//! Places and organisations: the gazetteer, then suffix rules that accept a suffix only after a
//! gazetteer name or a proper-name stem, never after a common noun.

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

/// Organisation endings (longest first), and whether a generic stem is enough (`教育部`).
const ORG_ENDS: [(&str, bool); 46] = [
    ("街道办事处", false),
    ("保健院", false),
    ("管委会", true),
    ("党工委", true),
    ("指挥部", false),
    ("商会", false),
    ("奶茶店", false),
    ("店", false),
    ("院", false),
    ("股份有限公司", false),
    ("有限责任公司", false),
    ("广播电视台", false),
    ("有限公司", false),
    ("委员会", false),
    ("大使馆", true),
    ("办公室", false),
    ("科学院", false),
    ("研究院", false),
    ("研究所", false),
    ("博物馆", false),
    ("美术馆", false),
    ("图书馆", false),
    ("联合会", false),
    ("电视台", false),
    ("分公司", false),
    ("公司", false),
    ("集团", false),
    ("医院", false),
    ("大学", false),
    ("学院", false),
    ("小学", false),
    ("中学", false),
    ("学校", false),
    ("协会", false),
    ("剧院", false),
    ("海关", false),
    ("银行", false),
    ("分行", false),
    ("政府", false),
    ("政协", false),
    ("中心", false),
    ("电台", false),
    ("部", true),
    ("厅", false),
    ("局", false),
    ("馆", false),
];

/// Words ending like an organisation that are not one.
const NOT_ORGS: [&str; 23] = [
    "开局",
    "布局",
    "格局",
    "邮局",
    "出台",
    "平台",
    "舞台",
    "干部",
    "内部",
    "全部",
    "部分",
    "外部",
    "俱乐部",
    "党支部",
    "支部",
    "总部",
    "局部",
    "大局",
    "结局",
    "当局",
    "饭馆",
    "旅馆",
    "场馆",
];

/// Organisations jieba tags `nt` that carry no ending to check.
const KNOWN_ORGS: [&str; 40] = [
    "新华社",
    "东盟",
    "国务院",
    "联合国",
    "欧盟",
    "世界田联",
    "国际田联",
    "北约",
    "中新社",
    "世卫组织",
    "世贸组织",
    "国际奥委会",
    "外交部",
    "国防部",
    "教育部",
    "科技部",
    "公安部",
    "民政部",
    "司法部",
    "财政部",
    "商务部",
    "水利部",
    "审计署",
    "交通运输部",
    "农业农村部",
    "文化和旅游部",
    "自然资源部",
    "生态环境部",
    "应急管理部",
    "工业和信息化部",
    "住房和城乡建设部",
    "人力资源和社会保障部",
    "退役军人事务部",
    "国家卫生健康委员会",
    "国家发展改革委",
    "国家统计局",
    "海关总署",
    "全国人大",
    "全国政协",
    "中央电视台",
];

fn generic(stem: &str) -> bool {
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
pub fn suffix_places(t: &Text, known: &[Cand], out: &mut Vec<Cand>) {
    let n = t.len();
    for (ti, tok) in t.toks.iter().enumerate() {
        // jieba's natural places: `黄河`, `湘江`, `洞庭湖区`, `西湖` in `西湖畔`.
        let shore = usize::from(tok.word.ends_with(['畔', '边']));
        let end = tok.end - shore;
        let word = t.span(tok.start, end);
        let before_ending = t
            .toks
            .get(ti + 1)
            .is_some_and(|n| PLACE_ENDS.iter().any(|e| n.word.starts_with(e)));
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
    for e in 1..=n {
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
        if ok && !generic(stem) && !NOT_PLACES.contains(&t.span(b, e)) {
            out.push(Cand::new(b, e, EntityKind::Place));
        }
    }
}

/// Organisations: a token ending like one (`局`, `大学`, `委员会`…), extended to the left over the
/// words that qualify it, led by a place or proper name (`湖南省` + `教育厅`); or a word jieba tags
/// as an organisation with a proper stem (`外交部`, `清华大学`).
pub fn orgs(t: &Text, places: &[Cand], out: &mut Vec<Cand>) {
    let g = Gazetteer::get();
    for (i, tok) in t.toks.iter().enumerate() {
        let w = tok.word;
        if !t.han(tok.start, tok.end) || NOT_ORGS.iter().any(|x| w.ends_with(x)) {
            continue;
        }
        if KNOWN_ORGS.contains(&w) {
            out.push(Cand::new(tok.start, tok.end, EntityKind::Org));
            continue;
        }
        let Some((end, generic_ok)) = ORG_ENDS
            .iter()
            .filter(|(e, _)| w.ends_with(e))
            .max_by_key(|(e, _)| e.len())
            .copied()
        else {
            continue;
        };
        // The name goes on (`…集团` + `有限公司`, `商务中心` + `区`).
        if let Some(next) = t.toks.get(i + 1) {
            if ORG_ENDS.iter().any(|(e, _)| next.word == *e)
                || matches!(next.word, "区" | "办公室" | "有限公司" | "分公司")
            {
                continue;
            }
        }
        // Extend left over qualifiers.
        let mut start = i;
        let mut len = tok.end - tok.start;
        while start > 0 {
            let p = &t.toks[start - 1];
            let pn = p.end - p.start;
            let qualifies = t.han(p.start, p.end)
                && !TITLES.contains(&p.word)
                && !matches!(
                    p.word,
                    "记者" | "通讯员" | "的" | "在" | "从" | "由" | "与" | "和"
                )
                && (proper_tag(p.tag)
                    || matches!(p.tag, "n" | "vn" | "an" | "b" | "x")
                    || (p.tag == "m" && !p.word.contains(['个', '多', '几']))
                    || g.contains(p.word))
                || matches!(p.word, "驻" | "有限责任" | "股份" | "有限")
                || (matches!(p.word, "和" | "与")
                    && start >= 2
                    && matches!(t.toks[start - 2].tag, "n" | "vn" | "nz" | "j")
                    && matches!(t.toks[start].tag, "n" | "vn" | "j")
                    && !ORG_ENDS
                        .iter()
                        .any(|(e, _)| t.toks[start - 2].word.ends_with(e)));
            if !qualifies || len + pn > 24 {
                break;
            }
            start -= 1;
            len += pn;
        }
        // The name must be led by a place or a proper name.
        let leads = |k: usize| {
            let q = &t.toks[k];
            (proper_tag(q.tag) && q.tag != "j" || g.contains(q.word) || q.tag == "x")
                && !matches!(q.word, "和" | "与")
                || places.iter().any(|c| c.start == q.start)
                || (q.tag == "j" && q.end - q.start >= 2)
        };
        // `区党政办办公室`, `全区疫情防控指挥部办公室`: the district's own bodies.
        let admin = |k: usize| {
            matches!(
                t.toks[k].word,
                "区" | "市" | "省" | "县" | "全区" | "全市" | "全省" | "全县"
            )
        };
        while start < i && !leads(start) && !admin(start) {
            start += 1;
        }
        if start < i && admin(start) {
            let content = (start + 1..i).any(|k| !generic(t.toks[k].word));
            let whole = t.span(t.toks[start].start, tok.end);
            if !content && !whole.ends_with("政协") && !generic_ok {
                start = i;
            }
        }
        let (a, b) = (t.toks[start].start, tok.end);
        if start < i {
            out.push(Cand::new(a, b, EntityKind::Org));
            continue;
        }
        // The token alone: a proper stem before the ending.
        let stem = &w[..w.len() - end.len()];
        let stem_chars = stem.chars().count();
        let tagged = matches!(tok.tag, "nt" | "ns" | "nz" | "j");
        let admin_body = matches!(stem, "省" | "市" | "区" | "县")
            && matches!(end, "政协" | "政府" | "人大" | "委员会" | "党委");
        if end.chars().count() == 1 && matches!(end, "院" | "店") {
            continue;
        }
        if admin_body || tagged && stem_chars >= 2 && (generic_ok || !generic(stem)) {
            out.push(Cand::new(a, b, EntityKind::Org));
        }
    }
}

/// Whether `name` ends like a place (`示范区`, `行政村`).
pub fn ends_like_place(name: &str) -> bool {
    PLACE_ENDS.iter().any(|e| name.ends_with(e) && name != *e)
}

/// Whether `name` ends like an organisation (`管委会`, `医院`).
pub fn ends_like_org(name: &str) -> bool {
    ORG_ENDS
        .iter()
        .any(|(e, _)| name.ends_with(e) && name != *e)
}
