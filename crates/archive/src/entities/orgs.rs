//! Organisations: endings (`部`, `厅`, `局`, `大学`, `电视台`…) led by a place or a proper name,
//! and national bodies by name. A generic noun (`美术馆`, `中职学校`) is never a name on its own.

use super::places::generic;
use super::text::{proper_tag, Text};
use super::{Cand, TITLES};
use crate::entities::EntityKind;
use crate::gazetteer::Gazetteer;

/// Organisation endings (the longest that matches is used), and whether a generic stem is enough
/// (`教育部`).
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

/// Whether `name` ends like an organisation (`管委会`, `医院`).
pub fn ends_like_org(name: &str) -> bool {
    ORG_ENDS
        .iter()
        .any(|(e, _)| name.ends_with(e) && name != *e)
}
