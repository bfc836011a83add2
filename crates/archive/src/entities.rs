//! People, places and organisations, extracted at build time.
//!
//! jieba (`jieba-rs`, with part-of-speech tags) proposes names; rules that fit news text confirm
//! and complete them:
//! - **people**: words tagged `nr` with a common surname, names right after a post or role
//!   (`主任`, `书记`, `医生`, `代表`, `居民`…), and every credited author;
//! - **places**: words tagged `ns`, and compounds ending in `乡` `村` `镇` `县` `区` `站` `社区`
//!   `出口` `商业街` `大道`…;
//! - **organisations**: words tagged `nt`, and compounds ending in `医院` `公司` `商会` `中心`
//!   `局` `办公室` `指挥部` `办事处`…, extended to the left over the place and name words that
//!   qualify them (`周口市` + `妇幼保健院`).
//!
//! A title such as `韩主任` becomes an alias of the one person with that surname in the same
//! article. Mentions are then found by exact search of every name and alias in every title and
//! paragraph, longest first, without overlaps. Nothing of this ships in the wasm but the result.

use std::collections::{BTreeMap, HashMap};

use jieba_rs::Jieba;

use super::model::{Archive, Entity, EntityKind, Mention};
use super::text::is_han;

/// Common Chinese surnames (single characters), enough for news text.
const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿关兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕单季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶解牟艾尤阳时穆农司卓古吉缪简车项连芦麦褚娄窦戚岑景党宫费卜冷晏席卫米柏宗瞿桂全佟应臧闵苟邬边卞姬师和仇栾隋商刁沙荣巫寇桑郎甄丛仲虞敖巩明佘池查麻苑迟邝";

/// Posts and roles printed right before a person's name.
const TITLES: [&str; 30] = [
    "副主任",
    "主任",
    "副书记",
    "书记",
    "副省长",
    "省长",
    "副市长",
    "市长",
    "副区长",
    "区长",
    "县长",
    "主席",
    "委员",
    "调研员",
    "医生",
    "护士",
    "代表",
    "居民",
    "记者",
    "通讯员",
    "局长",
    "院长",
    "经理",
    "董事长",
    "所长",
    "队长",
    "站长",
    "村民",
    "乡长",
    "镇长",
];

/// Endings of place names (longest first).
const PLACE_ENDS: [&str; 15] = [
    "行政村",
    "商业街",
    "办事处",
    "社区",
    "出口",
    "大道",
    "东站",
    "乡",
    "村",
    "镇",
    "县",
    "区",
    "市",
    "省",
    "站",
];

/// Endings of organisation names (longest first).
const ORG_ENDS: [&str; 20] = [
    "有限公司",
    "保健院",
    "指挥部",
    "办公室",
    "管委会",
    "党工委",
    "奶茶店",
    "委员会",
    "医院",
    "公司",
    "商会",
    "协会",
    "集团",
    "中心",
    "学校",
    "银行",
    "政协",
    "局",
    "店",
    "院",
];

/// Words that look like names to the rules but are not (generic heads, common nouns).
const NOT_NAMES: [&str; 32] = [
    "全区",
    "该区",
    "辖区",
    "城区",
    "工作站",
    "小区",
    "景区",
    "地区",
    "重点地区",
    "本市",
    "全市",
    "乡村",
    "农村",
    "各乡",
    "乡办",
    "县乡",
    "高速",
    "高铁站",
    "中心区",
    "全省",
    "卡点",
    "城乡",
    "返乡",
    "出村",
    "及村",
    "隔离区",
    "长城",
    "青春",
    "扎堆",
    "出院",
    "该院",
    "娱乐中心",
];

fn chars(s: &str) -> usize {
    s.chars().count()
}

fn all_han(s: &str) -> bool {
    !s.is_empty() && s.chars().all(is_han)
}

fn is_surname(c: char) -> bool {
    SURNAMES.contains(c)
}

fn person_like(w: &str) -> bool {
    let n = chars(w);
    (2..=3).contains(&n) && all_han(w) && w.chars().next().is_some_and(is_surname)
}

struct Tok<'a> {
    word: &'a str,
    tag: &'a str,
}

/// Characters that end a name after a post: function words and common verbs (`对` in
/// `医生李坤对记者说`, `及` in `委员王轶及…`).
const AFTER_NAME: &str =
    "对说在是的了和与及到也都带主出前向为等同就将从把被让给跟率一已又还并首要强指提表感慰深实报";

/// People named right after a post or role: `副主任王宇飞`, `代表张站国`, `副主任张晓、王宇飞`.
/// jieba vetoes a candidate that starts inside an ordinary word (`主任连续奋战`: 连续).
fn people_after_titles(jieba: &Jieba, text: &str, out: &mut Vec<(String, EntityKind)>) {
    let cs: Vec<char> = text.chars().collect();
    // Character index → (word length, tag) of the jieba token starting there.
    let mut token_at: HashMap<usize, (usize, &str)> = HashMap::new();
    let tags = jieba.tag(text, true);
    let mut ci = 0;
    for t in &tags {
        let n = chars(t.word);
        token_at.insert(ci, (n, t.tag));
        ci += n;
    }
    // Tags of ordinary words (adverbs, verbs, adjectives, function words…).
    let ordinary = |tag: &str| {
        matches!(
            tag.chars().next(),
            Some('d' | 'v' | 'a' | 'c' | 'p' | 'u' | 'r' | 'm' | 'q' | 't' | 'f' | 's')
        )
    };
    let vetoed = |j: usize| {
        token_at
            .get(&j)
            .is_some_and(|(n, tag)| *n >= 2 && ordinary(tag))
    };
    let mut i = 0;
    while i < cs.len() {
        let rest: String = cs[i..cs.len().min(i + 3)].iter().collect();
        let Some(t) = TITLES.iter().find(|t| rest.starts_with(**t)) else {
            i += 1;
            continue;
        };
        let mut j = i + t.chars().count();
        let mut first = true;
        // A list of names after one post: 张晓、王宇飞.
        loop {
            if j + 1 >= cs.len() || !is_surname(cs[j]) || !is_han(cs[j + 1]) || vetoed(j) {
                break;
            }
            let three = cs
                .get(j + 2)
                .is_some_and(|c| is_han(*c) && !AFTER_NAME.contains(*c));
            let n = if three { 3 } else { 2 };
            let name: String = cs[j..j + n].iter().collect();
            // In a list, a "name" followed by a post or an organisation ending is not one
            // (`闫立超、管委会主任`).
            let after: String = cs[j + n..cs.len().min(j + n + 3)].iter().collect();
            let followed = TITLES.iter().chain(ORG_ENDS.iter()).any(|w| {
                after.starts_with(w) || format!("{}{after}", cs[j + n - 1]).starts_with(w)
            });
            if !first && followed {
                break;
            }
            first = false;
            out.push((name, EntityKind::Person));
            j += n;
            if cs.get(j) == Some(&'、') {
                j += 1;
                continue;
            }
            break;
        }
        i = j.max(i + 1);
    }
}

/// Tags that may qualify an organisation or place name on its left.
/// Whether token `k` may extend the name whose head is token `head` to the left. `strict` (for
/// heads recognised only by their `nt` tag) admits only name-like tags.
fn qualifier(toks: &[Tok], k: usize, head: usize, place: bool, strict: bool) -> bool {
    let t = &toks[k];
    let n = chars(t.word);
    // A person's name qualifies inside a name led by a place (`中原越秀实业有限公司`) or right
    // before a place ending (`文昌大道`).
    let person_ok =
        !t.tag.starts_with("nr") || (k > 0 && toks[k - 1].tag == "ns") || (place && k + 1 == head);
    let tag_ok = if strict {
        matches!(t.tag, "ns" | "nt" | "nz" | "j" | "b")
    } else {
        t.tag.starts_with('n')
            || matches!(t.tag, "j" | "b" | "an" | "vn")
            || (n == 1 && t.tag == "m")
    };
    all_han(t.word)
        && person_ok
        && tag_ok
        && !t.word.contains(['及', '和', '与'])
        && !TITLES.contains(&t.word)
        && !NOT_NAMES.contains(&t.word)
}

/// Candidate places and organisations of one text.
fn places_and_orgs(jieba: &Jieba, text: &str, out: &mut Vec<(String, EntityKind)>) {
    let tags = jieba.tag(text, true);
    let toks: Vec<Tok> = tags
        .iter()
        .map(|t| Tok {
            word: t.word,
            tag: t.tag,
        })
        .collect();
    for (i, t) in toks.iter().enumerate() {
        let w = t.word;
        if !all_han(w) || NOT_NAMES.contains(&w) {
            continue;
        }
        // A name jieba glued to the next word: 贾寨 / 村卡点 → 贾寨村.
        if (t.tag.starts_with("nr") || t.tag == "ns") && chars(w) >= 2 {
            if let Some(c) = toks
                .get(i + 1)
                .and_then(|n| n.word.chars().next())
                .filter(|c| "村乡镇".contains(*c))
            {
                out.push((format!("{w}{c}"), EntityKind::Place));
            }
        }
        // One-character endings (局, 店, 院, 村…) only as their own token, ending a longer word,
        // or (places) right after a place name: 许湾乡 / 关村.
        let after_place = i > 0 && toks[i - 1].tag == "ns";
        let ends = |list: &[&str]| {
            list.iter().any(|e| {
                w.ends_with(e)
                    && (chars(e) > 1 || w == *e || chars(w) >= 3 || (after_place && chars(w) == 2))
            })
        };
        if t.tag.starts_with("nr") {
            continue;
        }
        let org = ends(&ORG_ENDS) || t.tag == "nt";
        let place = !org && (t.tag == "ns" || ends(&PLACE_ENDS));
        if !org && !place {
            continue;
        }
        let mut start = i;
        let mut len = chars(w);
        let strict = t.tag == "nt" && !ends(&ORG_ENDS);
        while start > 0
            && qualifier(&toks, start - 1, i, place, strict)
            && len + chars(toks[start - 1].word) <= 14
        {
            start -= 1;
            len += chars(toks[start].word);
        }
        // Leading generic words (`全区`, `该区`) are not part of the name.
        while start < i && NOT_NAMES.contains(&toks[start].word) {
            start += 1;
        }
        let whole: String = toks[start..=i].iter().map(|t| t.word).collect();
        // A bare generic head (`办公室`, `中心`, `医院`) names nothing by itself.
        let bare = start == i && (ORG_ENDS.contains(&w) || PLACE_ENDS.contains(&w));
        if chars(&whole) >= 2 && !bare && !NOT_NAMES.contains(&whole.as_str()) {
            out.push((
                whole,
                if org {
                    EntityKind::Org
                } else {
                    EntityKind::Place
                },
            ));
        }
    }
}

/// Candidate names of one text.
fn candidates(jieba: &Jieba, text: &str, out: &mut Vec<(String, EntityKind)>) {
    people_after_titles(jieba, text, out);
    places_and_orgs(jieba, text, out);
}

/// Finds the entities of an archive and every mention, and stores them in `archive.entities`.
pub fn extract(archive: &mut Archive) {
    let jieba = Jieba::new();
    // 1. Candidates, with votes for their kind.
    let mut votes: BTreeMap<String, HashMap<EntityKind, u32>> = BTreeMap::new();
    for a in &archive.articles {
        let mut found = Vec::new();
        candidates(&jieba, &a.title, &mut found);
        for p in &a.paragraphs {
            candidates(&jieba, &p.text, &mut found);
        }
        for au in &a.authors {
            if person_like(&au.name) {
                found.push((au.name.clone(), EntityKind::Person));
            }
        }
        for (name, kind) in found {
            *votes.entry(name).or_default().entry(kind).or_insert(0) += 1;
        }
    }
    let mut names: Vec<(String, EntityKind)> = votes
        .into_iter()
        .filter_map(|(name, v)| {
            v.into_iter()
                .max_by_key(|(k, n)| (*n, *k == EntityKind::Person))
                .map(|(k, _)| (name, k))
        })
        .collect();
    // A person's name never continues into more Han text that is itself a person (张晓 in 张晓说 is fine).
    names.sort_by(|a, b| chars(&b.0).cmp(&chars(&a.0)).then(a.0.cmp(&b.0)));

    // 2. Aliases: surname + post, when one person in the article has that surname.
    let mut aliases: BTreeMap<String, Vec<String>> = BTreeMap::new();
    let mut alias_of: Vec<BTreeMap<String, String>> = vec![BTreeMap::new(); archive.articles.len()];
    for (ai, a) in archive.articles.iter().enumerate() {
        let text: String = a.paragraphs.iter().map(|p| p.text.as_str()).collect();
        for title in [
            "主任", "书记", "局长", "院长", "区长", "县长", "市长", "省长", "医生", "老师",
        ] {
            for (pos, _) in text.match_indices(title) {
                let Some(s) = text[..pos].chars().last().filter(|c| is_surname(*c)) else {
                    continue;
                };
                let alias = format!("{s}{title}");
                let people: Vec<&String> = names
                    .iter()
                    .filter(|(n, k)| {
                        *k == EntityKind::Person && n.starts_with(s) && text.contains(n.as_str())
                    })
                    .map(|(n, _)| n)
                    .collect();
                // Only a bare title refers back (not `韩主任` inside a longer name).
                let before = text[..pos - s.len_utf8()].chars().last();
                if people.len() == 1
                    && !before.is_some_and(|c| is_han(c) && !"的中是了和与对向说".contains(c))
                {
                    alias_of[ai].insert(alias.clone(), people[0].clone());
                    let list = aliases.entry(people[0].clone()).or_default();
                    if !list.contains(&alias) {
                        list.push(alias);
                    }
                }
            }
        }
    }

    // 3. Mentions: exact search, longest names first, no overlaps.
    let mut mentions: BTreeMap<String, Vec<Mention>> = BTreeMap::new();
    for (ai, a) in archive.articles.iter().enumerate() {
        let kind_of: HashMap<&str, EntityKind> =
            names.iter().map(|(n, k)| (n.as_str(), *k)).collect();
        let mut forms: Vec<(String, String)> =
            names.iter().map(|(n, _)| (n.clone(), n.clone())).collect();
        for (alias, target) in &alias_of[ai] {
            forms.push((alias.clone(), target.clone()));
        }
        forms.sort_by(|a, b| b.0.len().cmp(&a.0.len()).then(a.0.cmp(&b.0)));
        let texts = std::iter::once((None, a.title.as_str())).chain(
            a.paragraphs
                .iter()
                .enumerate()
                .map(|(i, p)| (Some(i as u32), p.text.as_str())),
        );
        for (para, text) in texts {
            // Mentions of one kind never overlap; a place inside an organisation's name
            // (江南商业街 in 江南商业街古茗奶茶店) is a mention of its own.
            let mut taken: Vec<(usize, usize, EntityKind)> = Vec::new();
            for (form, target) in &forms {
                let kind = kind_of
                    .get(target.as_str())
                    .copied()
                    .unwrap_or(EntityKind::Person);
                for (s, _) in text.match_indices(form.as_str()) {
                    let e = s + form.len();
                    let clash = taken.iter().any(|(ts, te, tk)| {
                        s < *te && *ts < e && (*tk == kind || !(*ts <= s && e <= *te))
                    });
                    if clash {
                        continue;
                    }
                    taken.push((s, e, kind));
                    mentions.entry(target.clone()).or_default().push(Mention {
                        article: ai as u32,
                        paragraph: para,
                        start: s as u32,
                        end: e as u32,
                    });
                }
            }
        }
    }
    let kinds: BTreeMap<&str, EntityKind> = names.iter().map(|(n, k)| (n.as_str(), *k)).collect();
    let mut entities: Vec<Entity> = mentions
        .into_iter()
        .filter_map(|(name, mut ms)| {
            let kind = *kinds.get(name.as_str())?;
            ms.sort_by_key(|m| (m.article, m.paragraph.map_or(-1, |p| p as i64), m.start));
            Some(Entity {
                aliases: aliases.remove(&name).unwrap_or_default(),
                name,
                kind,
                mentions: ms,
            })
        })
        .collect();
    entities.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then(a.name.cmp(&b.name))
    });
    archive.entities = entities;
}
