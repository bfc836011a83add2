//! People, places and organisations, extracted at build time (feature `parse`).
//!
//! jieba (`jieba-rs`, with part-of-speech tags) splits each title and paragraph once; rules that
//! fit news text then propose names ([`people`], [`places`]):
//! - **people**: every credited author (byline, dateline, photo credit), names after a post or
//!   role (`副省长黄志刚`, `种植户王德顺`), before a verb of speech (`林建民介绍`), and
//!   three-character words tagged `nr` that start with a common surname;
//! - **places**: the gazetteer (GB/T 2260 divisions, countries, world cities; see
//!   [`crate::gazetteer`]), and endings (`街道`, `小区`, `村`, `广场`, `湖`…) after a proper stem,
//!   never after a common noun;
//! - **organisations**: endings (`部`, `厅`, `局`, `大学`, `公司`, `电视台`…) led by a place or
//!   proper name (`湖南省` + `教育厅`), or words jieba tags `nt` with a proper stem.
//!
//! A name's kind is the one most texts give it. A title such as `韩主任` becomes an alias of the
//! one person with that surname in the same article. Mentions are then found in one left-to-right
//! pass over each text with a hash lookup per position and length: the whole extraction is linear
//! in the size of the corpus. Mentions of a reporter inside a dateline are marked as credits, and
//! an entity named only in credits is `byline_only`, so facets do not count a byline as a person
//! in the news.

mod mentions;
mod orgs;
mod people;
mod places;
mod text;

use std::collections::{BTreeMap, BTreeSet, HashMap};

use jieba_rs::Jieba;

pub use super::model::EntityKind;
use super::model::{Archive, Entity, Mention};
use mentions::{find_all, Forms};
use text::Text;

/// Posts and roles printed right before a person's name.
pub(crate) const TITLES: [&str; 80] = [
    "主任医师",
    "副主任医师",
    "医师",
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
    "副县长",
    "县长",
    "副主席",
    "主席",
    "委员",
    "调研员",
    "医生",
    "护士",
    "代表",
    "居民",
    "记者",
    "通讯员",
    "副局长",
    "局长",
    "副院长",
    "院长",
    "经理",
    "总经理",
    "董事长",
    "所长",
    "队长",
    "站长",
    "村民",
    "乡长",
    "镇长",
    "副厅长",
    "厅长",
    "处长",
    "副处长",
    "副校长",
    "校长",
    "老师",
    "教师",
    "教练",
    "主教练",
    "主攻手",
    "副部长",
    "部长",
    "发言人",
    "游客",
    "市民",
    "学生",
    "选手",
    "司机",
    "讲解员",
    "参赞",
    "大使",
    "研究员",
    "教授",
    "农艺师",
    "种植户",
    "种粮大户",
    "主人",
    "工程师",
    "馆长",
    "团长",
    "社长",
    "主编",
    "画家",
    "作家",
    "演员",
    "主演",
    "运动员",
    "球员",
    "志愿者",
    "负责人",
    "总统",
];

/// A name found in a text: a character span and a kind.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Cand {
    pub start: usize,
    pub end: usize,
    pub kind: EntityKind,
}

impl Cand {
    pub fn new(start: usize, end: usize, kind: EntityKind) -> Cand {
        Cand { start, end, kind }
    }
}

/// Candidate names of one text, with their kinds.
fn candidates(
    jieba: &Jieba,
    s: &str,
    declared: &HashMap<String, EntityKind>,
    out: &mut Vec<(String, EntityKind)>,
) {
    let t = Text::new(jieba, s);
    let mut found: Vec<Cand> = Vec::new();
    places::gazetteer_places(&t, declared, &mut found);
    let known = found.clone();
    places::suffix_places(&t, &known, &mut found);
    let place_spans = found.clone();
    orgs::orgs(&t, &place_spans, &mut found);
    let taken = found.clone();
    people::people(jieba, &t, &taken, &mut found);
    for c in found {
        let name = t.span(c.start, c.end);
        if name.chars().count() >= 2 {
            out.push((name.to_string(), c.kind));
        }
    }
}

/// Short names a text declares: `周口市城乡一体化示范区（以下简称示范区）` declares 示范区, and
/// the full name before the bracket (from the place that starts it).
fn declared_names(archive: &Archive) -> HashMap<String, EntityKind> {
    let g = crate::gazetteer::Gazetteer::get();
    let mut out = HashMap::new();
    for p in archive.articles.iter().flat_map(|a| &a.paragraphs) {
        for (pos, _) in p.text.match_indices("以下简称") {
            let short: String = p.text[pos + "以下简称".len()..]
                .chars()
                .take_while(|c| crate::text::is_han(*c))
                .take(9)
                .collect();
            let kind = if places::ends_like_place(&short) {
                EntityKind::Place
            } else if orgs::ends_like_org(&short) {
                EntityKind::Org
            } else {
                continue;
            };
            if short.chars().count() < 2 {
                continue;
            }
            // The full name: from the first known place within 16 characters before the bracket.
            let before: Vec<(usize, char)> = p.text[..pos].char_indices().collect();
            let Some(open) = before.len().checked_sub(1) else {
                continue;
            };
            let from = open.saturating_sub(16);
            for k in from..open {
                let full = &p.text[before[k].0..before[open].0];
                let starts_known = (2..=4).any(|n| {
                    full.char_indices()
                        .nth(n)
                        .is_some_and(|(b, _)| g.contains(&full[..b]))
                });
                if starts_known && full.chars().all(crate::text::is_han) {
                    out.insert(full.to_string(), kind);
                    break;
                }
            }
            out.insert(short, kind);
        }
    }
    out
}

/// Words for "the district's own" that lead the names of local bodies.
const ADMIN_LEADS: [&str; 8] = ["区", "市", "省", "县", "全区", "全市", "全省", "全县"];

/// Surname + post forms that refer back to the one person of that surname in an article.
const ALIAS_TITLES: [&str; 10] = [
    "主任", "书记", "局长", "院长", "区长", "县长", "市长", "省长", "医生", "老师",
];

/// Finds the entities of an archive and every mention, and stores them in `archive.entities`.
pub fn extract(archive: &mut Archive) {
    let jieba = Jieba::new();
    let declared = declared_names(archive);
    // 1. Candidates, with votes for their kind; credited people per article.
    let mut votes: BTreeMap<String, HashMap<EntityKind, u32>> = BTreeMap::new();
    let mut credited: BTreeMap<String, BTreeSet<u32>> = BTreeMap::new();
    for (ai, a) in archive.articles.iter().enumerate() {
        let mut found = Vec::new();
        candidates(&jieba, &a.title, &declared, &mut found);
        for p in &a.paragraphs {
            candidates(&jieba, &p.text, &declared, &mut found);
        }
        for au in &a.authors {
            if people::person_like(&au.name) {
                found.push((au.name.clone(), EntityKind::Person));
                credited
                    .entry(au.name.clone())
                    .or_default()
                    .insert(ai as u32);
            }
        }
        for (name, kind) in found {
            *votes.entry(name).or_default().entry(kind).or_insert(0) += 1;
        }
    }
    let names: Vec<(String, EntityKind)> = votes
        .into_iter()
        .filter_map(|(name, v)| {
            v.into_iter()
                .max_by_key(|(k, n)| (*n, *k == EntityKind::Person))
                .map(|(k, _)| (name, k))
        })
        .collect();
    // A "person" that is the stem of a place or organisation (`张埠口` of `张埠口行政村`) is not one.
    let stems: BTreeSet<String> = names
        .iter()
        .filter(|(_, k)| *k != EntityKind::Person)
        .flat_map(|(n, _)| {
            n.char_indices()
                .skip(2)
                .map(move |(b, _)| (&n[..b], &n[b..]))
                .filter(|(_, rest)| {
                    places::ends_like_place(rest)
                        || orgs::ends_like_org(rest)
                        || places::PLACE_ENDS.contains(rest)
                })
                .map(|(s, _)| s.to_string())
        })
        .collect();
    let names: Vec<(String, EntityKind)> = names
        .into_iter()
        .filter(|(n, k)| *k != EntityKind::Person || !stems.contains(n))
        .collect();
    let kinds: Vec<EntityKind> = names.iter().map(|(_, k)| *k).collect();
    let index: HashMap<&str, usize> = names
        .iter()
        .enumerate()
        .map(|(i, (n, _))| (n.as_str(), i))
        .collect();
    let forms = Forms::new(names.iter().enumerate().map(|(i, (n, _))| (n.as_str(), i)));

    // 2. Mentions, article by article: names first, then the article's aliases (`韩主任`).
    let mut mentions: Vec<Vec<Mention>> = vec![Vec::new(); names.len()];
    let mut aliases: Vec<Vec<String>> = vec![Vec::new(); names.len()];
    let none: HashMap<String, usize> = HashMap::new();
    for (ai, a) in archive.articles.iter().enumerate() {
        let texts: Vec<(Option<u32>, &str)> = std::iter::once((None, a.title.as_str()))
            .chain(
                a.paragraphs
                    .iter()
                    .enumerate()
                    .map(|(i, p)| (Some(i as u32), p.text.as_str())),
            )
            .collect();
        // People named in the article, by surname.
        let mut by_surname: HashMap<char, BTreeSet<usize>> = HashMap::new();
        let mut orgs_here: BTreeSet<usize> = BTreeSet::new();
        for (_, s) in &texts {
            for (_, _, t) in find_all(s, &forms, &none, &kinds) {
                if kinds[t] == EntityKind::Person {
                    if let Some(c) = names[t].0.chars().next() {
                        by_surname.entry(c).or_default().insert(t);
                    }
                } else if kinds[t] == EntityKind::Org {
                    orgs_here.insert(t);
                }
            }
        }
        let mut local: HashMap<String, usize> = HashMap::new();
        // An organisation named in full in the article may be named again without its place
        // (`全区疫情防控指挥部办公室` → `疫情防控指挥部办公室` in the same article's title).
        for t in orgs_here {
            let full = names[t].0.as_str();
            for (b, _) in full.char_indices().skip(1) {
                let (lead, tail) = full.split_at(b);
                let lead_ok = ADMIN_LEADS.contains(&lead)
                    || index
                        .get(lead)
                        .is_some_and(|i| kinds[*i] == EntityKind::Place);
                if lead_ok
                    && tail.chars().count() >= 4
                    && orgs::ends_like_org(tail)
                    && !index.contains_key(tail)
                {
                    if !aliases[t].iter().any(|x| x == tail) {
                        aliases[t].push(tail.to_string());
                    }
                    local.insert(tail.to_string(), t);
                }
            }
        }
        for (_, s) in &texts {
            for title in ALIAS_TITLES {
                for (pos, _) in s.match_indices(title) {
                    let Some(c) = s[..pos].chars().last() else {
                        continue;
                    };
                    let Some(people) = by_surname.get(&c) else {
                        continue;
                    };
                    // Only a bare title refers back (not `韩主任` inside a longer name).
                    let before = s[..pos - c.len_utf8()].chars().last();
                    if people.len() == 1
                        && !before.is_some_and(|b| {
                            crate::text::is_han(b) && !"的中是了和与对向说".contains(b)
                        })
                    {
                        if let Some(t) = people.iter().next() {
                            let alias = format!("{c}{title}");
                            if !index.contains_key(alias.as_str()) {
                                if !aliases[*t].contains(&alias) {
                                    aliases[*t].push(alias.clone());
                                }
                                local.insert(alias, *t);
                            }
                        }
                    }
                }
            }
        }
        let dateline = a.dateline.as_deref().unwrap_or("");
        for (para, s) in &texts {
            let in_dateline = *para == Some(0) && !dateline.is_empty() && s.starts_with(dateline);
            for (start, end, t) in find_all(s, &forms, &local, &kinds) {
                // A credit: in the dateline, or a photo credit printed in the text (`程立 摄`).
                let photo = kinds[t] == EntityKind::Person && {
                    let after = s[end..].trim_start();
                    after.starts_with('摄') || after.starts_with("文/图")
                };
                mentions[t].push(Mention {
                    article: ai as u32,
                    paragraph: *para,
                    start: start as u32,
                    end: end as u32,
                    credit: (in_dateline && end <= dateline.len()) || photo,
                });
            }
        }
    }

    // 3. Entities: named somewhere, or credited.
    let mut entities: Vec<Entity> = Vec::new();
    for (i, ((name, kind), ms)) in names.into_iter().zip(mentions).enumerate() {
        let credits: Vec<u32> = if kind == EntityKind::Person {
            credited
                .get(&name)
                .map(|s| s.iter().copied().collect())
                .unwrap_or_default()
        } else {
            Vec::new()
        };
        if ms.is_empty() && credits.is_empty() {
            continue;
        }
        let byline_only = ms.iter().all(|m| m.credit);
        entities.push(Entity {
            aliases: std::mem::take(&mut aliases[i]),
            name,
            kind,
            mentions: ms,
            credited: credits,
            byline_only,
        });
    }
    entities.sort_by(|a, b| {
        a.kind
            .cmp(&b.kind)
            .then(b.mentions.len().cmp(&a.mentions.len()))
            .then(a.name.cmp(&b.name))
    });
    archive.entities = entities;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Sidecar;
    use crate::page::parse_page;

    fn extracted(text: &str) -> Archive {
        let (page, articles) =
            parse_page("t.txt", text, &Sidecar::default()).expect("the test page parses");
        let mut a = Archive {
            pages: vec![page.into()],
            articles: articles.into_iter().map(Into::into).collect(),
            entities: Vec::new(),
        };
        extract(&mut a);
        a
    }

    fn kind_of(a: &Archive, name: &str) -> Option<EntityKind> {
        a.entities.iter().find(|e| e.name == name).map(|e| e.kind)
    }

    #[test]
    fn rules_on_a_small_page() {
        let a = extracted(
            "省里召开教育工作会议\n\n　　本报讯（记者 刘思远）副省长黄志刚出席会议。湖南省教育厅厅长龙海波介绍，上海广播电视台进行了直播。\n　　在山东省潍坊市寿光市的望月湖小区，居民罗桂英说，美术馆的古典戏曲很好看。\n",
        );
        let person = Some(EntityKind::Person);
        let place = Some(EntityKind::Place);
        let org = Some(EntityKind::Org);
        assert_eq!(kind_of(&a, "刘思远"), person);
        assert_eq!(kind_of(&a, "黄志刚"), person);
        assert_eq!(kind_of(&a, "龙海波"), person);
        assert_eq!(kind_of(&a, "罗桂英"), person);
        assert_eq!(kind_of(&a, "湖南省教育厅"), org);
        assert_eq!(kind_of(&a, "上海广播电视台"), org);
        assert_eq!(kind_of(&a, "潍坊市"), place);
        assert_eq!(kind_of(&a, "寿光市"), place);
        assert_eq!(kind_of(&a, "望月湖小区"), place);
        for not in ["美术馆", "古典", "古典戏曲", "望月湖"] {
            assert_eq!(kind_of(&a, not), None, "{not}");
        }
        let reporter = a
            .entities
            .iter()
            .find(|e| e.name == "刘思远")
            .expect("reporter");
        assert!(reporter.byline_only && reporter.credited == [0]);
        assert!(reporter.mentions.iter().all(|m| m.credit));
    }

    #[test]
    fn any_text_is_safe() {
        // Outside data: mixed scripts, spaces, brackets, lone endings, emoji, empty text.
        let pieces = [
            "市",
            "村",
            "局",
            "部",
            "说",
            "记者",
            " ",
            "　",
            "（",
            "）",
            "以下简称",
            "示范区",
            "·",
            "王",
            "欧阳",
            "张",
            "A1",
            "😀",
            "\t",
            "、",
            "副省长",
            "摄",
            "文/图",
            "湖南省",
            "大学",
            "小区",
            "山",
            "新区",
            "",
        ];
        let jieba = Jieba::new();
        let declared: HashMap<String, EntityKind> = [("示范区".to_string(), EntityKind::Place)]
            .into_iter()
            .collect();
        let mut seed: u64 = 42;
        for _ in 0..400 {
            let mut s = String::new();
            for _ in 0..12 {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                s.push_str(pieces[(seed >> 33) as usize % pieces.len()]);
            }
            let mut out = Vec::new();
            candidates(&jieba, &s, &declared, &mut out);
            for (name, _) in &out {
                assert!(s.contains(name.as_str()));
            }
        }
    }

    #[test]
    fn mentions_grow_with_the_corpus_not_with_its_square() {
        let page = "省里召开会议\n\n　　副省长黄志刚在潍坊市出席会议。\n\n";
        let one = extracted(page);
        let mut many = one.clone();
        many.articles = (0..50).flat_map(|_| one.articles.clone()).collect();
        extract(&mut many);
        let count = |a: &Archive| a.entities.iter().map(|e| e.mentions.len()).sum::<usize>();
        assert_eq!(many.articles.len(), 50 * one.articles.len());
        assert_eq!(count(&many), 50 * count(&one));
        assert_eq!(many.entities.len(), one.entities.len());
    }
}
