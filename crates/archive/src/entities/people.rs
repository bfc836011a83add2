//! People: names after a post or role (`副省长黄志刚`), before a speech verb (`林建民介绍`),
//! 3-character words jieba tags `nr` that start with a common surname, and transliterated
//! foreign names after a role (`司机卡马乌`). Credited authors are added by the caller.

use jieba_rs::Jieba;

use super::text::Text;
use super::{Cand, TITLES};
use crate::entities::EntityKind;
use crate::gazetteer::Gazetteer;
use crate::text::is_han;

/// Common Chinese surnames (single characters), enough for news text.
pub const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝屠楼";

/// Two-character surnames.
const COMPOUND_SURNAMES: [&str; 12] = [
    "欧阳", "司马", "上官", "诸葛", "东方", "皇甫", "令狐", "慕容", "夏侯", "公孙", "司徒", "端木",
];

/// Verbs of speech printed right after a quoted person's name.
const SPEECH: [&str; 12] = [
    "说",
    "介绍",
    "表示",
    "告诉",
    "认为",
    "指出",
    "坦言",
    "回忆",
    "感慨",
    "笑着说",
    "解释",
    "透露",
];

/// Words jieba tags `nr` that are no one's name.
const NOT_PEOPLE: [&str; 11] = [
    "师范生",
    "马拉松",
    "孙子",
    "师傅",
    "苗木",
    "高标准",
    "安全检查",
    "石家庄",
    "万余元",
    "华为",
    "毛泽东思想",
];

/// Characters of transliterated foreign names (`基普罗诺`, `卡马乌`, `顺通·披差`).
const TRANSLIT: &str = "阿埃艾安奥巴拜贝本比彼波伯布查达戴丹道德迪蒂丁杜多厄恩尔法菲费芬丰弗福富盖冈戈格贡古哈海汉豪赫亨胡华霍基吉加贾杰金卡凯坎科克肯库拉莱赖兰朗劳勒雷蕾里利莉连林琳卢鲁伦罗洛马玛迈麦曼梅门蒙米敏莫姆穆纳娜内尼宁努诺欧帕潘佩彭皮普奇齐乔切琴萨塞桑瑟森沙莎尚舍什施斯苏索塔泰坦汤特提图托瓦万威韦维温沃乌伍西希谢辛休逊雅亚扬耶伊因尤约扎泽詹兹佐通顺披差·";

/// Roles printed before a foreign name.
const FOREIGN_ROLES: [&str; 10] = [
    "选手", "司机", "部长", "总统", "总理", "外长", "大使", "球员", "主席", "教练",
];

/// Characters that end a name after a post: function words and common verbs (`对` in
/// `医生李坤对记者说`, `及` in `委员王轶及…`).
const AFTER_NAME: &str =
    "对说在是的了和与及到也都带主出前向为等同就将从把被让给跟率一已又还并首要强指提表感慰深实报今赛告介拉带边每";

/// Characters that end a place name: a "person" ending so is part of a place (`岳麓区`).
const PLACE_CHARS: &str = "区县市省镇村乡街路";

/// Endings that make a `nr` word a place rather than a person (`岳麓山`).
const NATURAL_CHARS: &str = "湖山河江洲寺";

pub fn is_surname(c: char) -> bool {
    SURNAMES.contains(c)
}

/// Whether `w` looks like a Chinese personal name: a surname and one or two more Han characters
/// (or a two-character surname and one or two).
pub fn person_like(w: &str) -> bool {
    let n = w.chars().count();
    if !w.chars().all(is_han) || NOT_PEOPLE.contains(&w) || Gazetteer::get().contains(w) {
        return false;
    }
    if COMPOUND_SURNAMES.iter().any(|s| w.starts_with(s)) {
        return (3..=4).contains(&n);
    }
    (2..=3).contains(&n)
        && w.chars().next().is_some_and(is_surname)
        && !w.chars().last().is_some_and(|c| PLACE_CHARS.contains(c))
}

fn ordinary(tag: &str) -> bool {
    matches!(
        tag.chars().next(),
        Some('d' | 'v' | 'a' | 'c' | 'p' | 'u' | 'r' | 'm' | 'q' | 't' | 'f' | 's')
    )
}

/// Length of the name starting at `j` (2 or 3 characters, or 3–4 with a compound surname), or
/// `None`.
fn name_at(t: &Text, j: usize) -> Option<usize> {
    let cs = &t.chars;
    let compound = COMPOUND_SURNAMES
        .iter()
        .any(|s| t.span(j, (j + 2).min(cs.len())) == *s);
    let sur = if compound { 2 } else { 1 };
    if j + sur >= cs.len() || !(compound || is_surname(cs[j])) || !is_han(cs[j + sur]) {
        return None;
    }
    // jieba vetoes a name that starts inside an ordinary word (`主任连续奋战`: 连续).
    let tok = &t.toks[t.tok_at[j]];
    if tok.start == j && tok.end - tok.start >= 2 && ordinary(tok.tag) {
        return None;
    }
    // A given name jieba tags as one (`柏/nr 志强/nrfg`) is whole even if it ends in a character
    // that often follows names (`强` of `强调`).
    let given = t
        .toks
        .get(t.tok_at.get(j + sur).copied().unwrap_or(usize::MAX));
    let tagged_given = given
        .is_some_and(|g| g.start == j + sur && g.end == j + sur + 2 && g.tag.starts_with("nr"));
    let three = tagged_given
        || cs
            .get(j + sur + 1)
            .is_some_and(|c| is_han(*c) && !AFTER_NAME.contains(*c));
    let mut n = sur + if three { 2 } else { 1 };
    // A name ends where a word ends (`学生司负责人`: not 司负责).
    if !t.starts[j + n] && n == sur + 2 && t.starts[j + n - 1] && {
        let next = &t.toks[t.tok_at[j + n - 1]];
        next.end - next.start >= 2 && (TITLES.contains(&next.word) || ordinary(next.tag))
    } {
        n -= 1;
    }
    // A name that ends inside a longer name-word (`吉克阿` of `吉克/阿依说`) is uncertain: none.
    if !t.starts[j + n] {
        let last = &t.toks[t.tok_at[j + n - 1]];
        if last.tag.starts_with("nr") && last.start >= j + sur {
            return None;
        }
    }
    let name = t.span(j, j + n);
    // No post or role starts inside a name (`市民和游客`).
    let post_inside = (1..n).any(|k| {
        TITLES
            .iter()
            .any(|w| t.span(j + k, cs.len()).starts_with(w))
    });
    (person_like(name) && !post_inside).then_some(n)
}

/// People of one text.
pub fn people(_jieba: &Jieba, t: &Text, taken: &[Cand], out: &mut Vec<Cand>) {
    let cs = &t.chars;
    let n = cs.len();
    let inside_other = |a: usize, b: usize| taken.iter().any(|c| c.start < b && a < c.end);
    // 1. After a post or role, with lists: `副主任张晓、王宇飞`.
    let first_chars: Vec<char> = TITLES.iter().filter_map(|w| w.chars().next()).collect();
    let mut i = 0;
    while i < n {
        if !first_chars.contains(&cs[i]) {
            i += 1;
            continue;
        }
        let rest = t.span(i, n.min(i + 5));
        let Some(title) = TITLES
            .iter()
            .filter(|t| rest.starts_with(**t))
            .max_by_key(|t| t.len())
        else {
            i += 1;
            continue;
        };
        let mut j = i + title.chars().count();
        // `通讯员 程立 摄`: spaces may follow the post.
        while j < n && cs[j].is_whitespace() {
            j += 1;
        }
        if FOREIGN_ROLES.contains(title) && j < n && !is_surname(cs[j]) {
            let mut k = j;
            while k < n && TRANSLIT.contains(cs[k]) {
                k += 1;
            }
            let name = t.span(j, k);
            if k - j >= 3 && !name.starts_with('·') && !name.ends_with('·') {
                out.push(Cand::new(j, k, EntityKind::Person));
                // The given name alone refers to the same person (`顺通`).
                i = k;
                continue;
            }
        }
        let mut first = true;
        while let Some(len) = name_at(t, j) {
            if inside_other(j, j + len) {
                break;
            }
            // In a list, a "name" followed by a post or an organisation is not one.
            let after = t.span(j + len, n.min(j + len + 3));
            if !first && TITLES.iter().any(|w| after.starts_with(w)) {
                break;
            }
            first = false;
            out.push(Cand::new(j, j + len, EntityKind::Person));
            j += len;
            if cs.get(j) == Some(&'、') {
                j += 1;
                continue;
            }
            break;
        }
        i = j.max(i + 1);
    }
    // 2. Before a verb of speech, after punctuation, a function word or a post.
    for (p, _) in
        t.s.match_indices(|c| SPEECH.iter().any(|v| v.starts_with(c)))
    {
        let Ok(ci) = t.bytes.binary_search(&p) else {
            continue;
        };
        if !SPEECH.iter().any(|v| t.s[p..].starts_with(v)) {
            continue;
        }
        for len in [3, 2] {
            if ci < len {
                continue;
            }
            let a = ci - len;
            let name = t.span(a, ci);
            if !person_like(name) || inside_other(a, ci) {
                continue;
            }
            let before_ok = a == 0
                || !is_han(cs[a - 1])
                || "在对和与及是据".contains(cs[a - 1])
                || TITLES.iter().any(|w| t.span(0, a).ends_with(w));
            if before_ok {
                out.push(Cand::new(a, ci, EntityKind::Person));
                break;
            }
        }
    }
    // 3. Three-character words tagged `nr` with a surname.
    for tok in &t.toks {
        let len = tok.end - tok.start;
        if tok.tag.starts_with("nr")
            && (len == 3 || (len == 4 && COMPOUND_SURNAMES.iter().any(|s| tok.word.starts_with(s))))
            && person_like(tok.word)
            && !tok
                .word
                .ends_with(|c| NATURAL_CHARS.contains(c) || AFTER_NAME.contains(c))
            && !inside_other(tok.start, tok.end)
        {
            out.push(Cand::new(tok.start, tok.end, EntityKind::Person));
        }
    }
}
