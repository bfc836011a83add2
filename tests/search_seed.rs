//! Search over the seed: the queries, recall against a brute-force ground truth,
//! highlights that land on the right characters, and ranking rules.

mod common;

use archive_explorer::archive::Archive;
use archive_explorer::search::engine::{Results, SearchOptions};
use archive_explorer::search::index::{source_text, Field};
use archive_explorer::search::tables::{build_tables, FullFolder};
use archive_explorer::search::{query, Index};

fn run(q: &str) -> (Results, &'static Index) {
    let ix = common::seed_index();
    let parsed = ix.parse(q);
    (ix.search(&parsed, &SearchOptions::default()), ix)
}

fn ids(r: &Results, ix: &Index) -> Vec<String> {
    r.order
        .iter()
        .map(|(d, _)| ix.archive().articles[*d].id.clone())
        .collect()
}

/// Ground truth: articles whose folded text (full dictionaries) contains the folded term.
fn truth(archive: &Archive, term: &str) -> Vec<usize> {
    let full = FullFolder::new().expect("opencc");
    let t = full.fold(term);
    archive
        .articles
        .iter()
        .enumerate()
        .filter(|(_, a)| a.texts().iter().any(|x| full.fold(&x.text).contains(&t)))
        .map(|(i, _)| i)
        .collect()
}

fn marked_texts(r: &Results, ix: &Index) -> Vec<String> {
    let mut out = Vec::new();
    for h in &r.hits {
        let a = &ix.archive().articles[h.doc];
        for fr in &h.ranges {
            let text = source_text(a, fr.field, fr.index).expect("field text");
            for &(s, e) in &fr.ranges {
                out.push(text[s..e].to_string());
            }
        }
    }
    out
}

#[test]
fn recall_is_total_for_single_terms() {
    let ix = common::seed_index();
    for term in [
        "不造谣",
        "湾乡",
        "張建黨",
        "Ｎ９５",
        "n95",
        "示範區",
        "疫",
        "“长城”",
        "——",
        "元宵",
        "周口东站",
        "乡办",
        "一办八组",
        "！",
        "2月",
    ] {
        let (r, _) = run(term);
        let mut got: Vec<usize> = r.order.iter().map(|o| o.0).collect();
        got.sort();
        assert_eq!(got, truth(ix.archive(), term), "{term}");
    }
}

#[test]
fn buzaoyao_twice_in_one_article_across_the_repaired_break() {
    let (r, ix) = run("不造谣");
    assert_eq!(ids(&r, ix), ["2020-02-04-sfqqfwjzscfkyq"]);
    let h = &r.hits[0];
    assert_eq!(h.count, 2);
    let a = &ix.archive().articles[h.doc];
    // One of the two is in the paragraph joined from lines 71, 73 and 75.
    let joined = a
        .paragraphs
        .iter()
        .position(|p| p.lines == [71, 73, 75])
        .expect("joined paragraph") as u32;
    let fr = h
        .ranges
        .iter()
        .find(|f| f.field == Field::Body && f.index == joined)
        .expect("ranges");
    assert_eq!(fr.ranges.len(), 2);
    for (s, e) in &fr.ranges {
        assert_eq!(&a.paragraphs[joined as usize].text[*s..*e], "不造谣");
    }
    // The second one straddles the break: 不造 ends line 71, 谣 starts line 73.
    assert!(a.paragraphs[joined as usize].text[fr.ranges[1].0..]
        .starts_with("不造谣、不信谣、不传谣。四"));
}

#[test]
fn traditional_fullwidth_and_case_fold() {
    let (r, ix) = run("張建黨");
    assert_eq!(r.order.len(), 5);
    assert!(marked_texts(&r, ix).iter().all(|t| t == "张建党"));
    let (r, ix) = run("Ｎ９５");
    assert_eq!(ids(&r, ix), ["000-zzccazym"]);
    assert_eq!(marked_texts(&r, ix), ["N95"]);
    let (r2, _) = run("n95");
    assert_eq!(r2.order.len(), 1);
    let (r, ix) = run("示範區");
    assert!(r.order.len() >= 7);
    assert!(marked_texts(&r, ix).iter().all(|t| t == "示范区"));
}

#[test]
fn pinyin_initials_and_syllables() {
    let (zjd, ix) = run("zjd");
    let (name, _) = run("张建党");
    let zjd_ids = ids(&zjd, ix);
    for id in ids(&name, ix) {
        assert!(
            zjd_ids.contains(&id),
            "zjd finds every 张建党 article ({id})"
        );
    }
    assert!(
        marked_texts(&zjd, ix)
            .iter()
            .filter(|t| *t == "张建党")
            .count()
            >= 13
    );
    for q in ["zhangjiandang", "zhang jian dang", "Zhāng Jiàndǎng"] {
        let (r, ix) = run(q);
        let mut got = ids(&r, ix);
        got.sort();
        let mut want = ids(&name, ix);
        want.sort();
        assert_eq!(got, want, "{q}");
        assert!(marked_texts(&r, ix).iter().all(|t| t == "张建党"), "{q}");
    }
}

#[test]
fn and_not_or_and_fields() {
    let ix = common::seed_index();
    let (r, _) = run("口罩 体温");
    let both: Vec<usize> = truth(ix.archive(), "口罩")
        .into_iter()
        .filter(|d| truth(ix.archive(), "体温").contains(d))
        .collect();
    let mut got: Vec<usize> = r.order.iter().map(|o| o.0).collect();
    got.sort();
    assert_eq!(got, both);
    assert!(!got.is_empty());

    let (r, ix) = run("元宵 -张晓");
    let with: Vec<usize> = truth(ix.archive(), "元宵")
        .into_iter()
        .filter(|d| !truth(ix.archive(), "张晓").contains(d))
        .collect();
    let mut got: Vec<usize> = r.order.iter().map(|o| o.0).collect();
    got.sort();
    assert_eq!(got, with);
    assert_eq!(got.len(), 1);

    let (r, ix) = run("title:张建党");
    assert_eq!(r.order.len(), 3);
    for h in &r.hits {
        assert!(ix.archive().articles[h.doc].title.contains("张建党"));
        assert!(h.ranges.iter().all(|f| f.field == Field::Title));
    }

    let (r, ix) = run("date:2月7日..2月8日");
    let dates: Vec<String> = r
        .order
        .iter()
        .map(|(d, _)| ix.archive().articles[*d].date.clone().unwrap_or_default())
        .collect();
    assert_eq!(dates, ["2020-02-08", "2020-02-07", "2020-02-08"]);
    let (r, _) = run("date:2020-02-04..2020-02-06");
    assert_eq!(r.order.len(), 2);

    let (r, _) = run("万果园 OR 妇幼保健院");
    assert_eq!(r.order.len(), 2);
    let (r, _) = run("kind:photo");
    assert_eq!(r.order.len(), 1);
    let (r, _) = run("author:张劲松");
    assert_eq!(r.order.len(), 8);
}

#[test]
fn ranking_prefers_titles_and_keeps_page_order_for_ties() {
    let (r, ix) = run("张建党");
    let top = &ix.archive().articles[r.order[0].0];
    assert!(top.title.contains("张建党"), "{}", top.title);
    let (r, _) = run("");
    let order: Vec<usize> = r.order.iter().map(|o| o.0).collect();
    assert_eq!(order, (0..8).collect::<Vec<_>>());
    for w in r.order.windows(2) {
        assert!(w[0].1 >= w[1].1);
    }
}

#[test]
fn exact_beats_folded_beats_pinyin() {
    let mk = |id: &str, text: &str| common::article(id, "标题", text);
    let archive = Archive {
        pages: vec![],
        entities: vec![],
        articles: vec![
            mk("pinyin", "这里有张先生。"),
            mk("folded", "这里有ZHANG。"),
            mk("exact", "这里有zhang。"),
        ]
        .into_iter()
        .map(Into::into)
        .collect(),
    };
    let t = build_tables(&archive).expect("tables");
    let ix = Index::new(archive, &t);
    let q = ix.parse("zhang");
    let r = ix.search(&q, &SearchOptions::default());
    let order: Vec<&str> = r
        .order
        .iter()
        .map(|(d, _)| ix.archive().articles[*d].id.as_str())
        .collect();
    assert_eq!(order, ["exact", "folded", "pinyin"]);
}

#[test]
fn snippets_are_short_merged_and_marked() {
    let (r, ix) = run("湾乡");
    for h in &r.hits {
        assert!(h.snippets.len() <= 3);
        for s in &h.snippets {
            assert!(s.text.chars().count() <= 2 + 2 * 30 + 20, "{}", s.text);
            assert!(!s.marks.is_empty());
            for (a, b) in &s.marks {
                assert_eq!(ix.fold(&s.text[*a..*b]), "湾乡");
            }
        }
    }
    // Overlapping windows merge: two matches 3 characters apart give one snippet.
    let (r, _) = run("许湾乡");
    let h = &r.hits[0];
    let marks: usize = h.snippets.iter().map(|s| s.marks.len()).sum();
    assert!(
        h.snippets.len() < marks,
        "merged snippets carry several marks"
    );
}

#[test]
fn cli_search_json_shape() {
    let v = archive_explorer::cli::search_json(common::seed_archive(), "不造谣").expect("json");
    let hits = v.as_array().expect("array");
    assert_eq!(hits.len(), 1);
    let h = &hits[0];
    for key in ["id", "title", "score", "count", "snippets"] {
        assert!(h.get(key).is_some(), "{key}");
    }
    let s = &h["snippets"][0];
    let text: Vec<char> = s["text"].as_str().expect("text").chars().collect();
    let m = &s["marks"][0];
    let (a, b) = (
        m[0].as_u64().expect("a") as usize,
        m[1].as_u64().expect("b") as usize,
    );
    assert_eq!(
        text[a..b].iter().collect::<String>(),
        "不造谣",
        "marks are character offsets"
    );
}

#[test]
fn breakdowns_explain_the_scores_and_do_not_depend_on_the_limit() {
    let ix = common::seed_index();
    for q in [
        "张建党",
        "口罩 体温",
        "疫 OR 防控",
        "元宵 -张晓",
        "zjd",
        "title:张建党 疫",
    ] {
        let parsed = ix.parse(q);
        let full = ix.search(&parsed, &SearchOptions::default());
        let none = ix.search(
            &parsed,
            &SearchOptions {
                limit: 0,
                ..Default::default()
            },
        );
        assert!(!full.order.is_empty(), "{q}");
        assert_eq!(
            full.order, none.order,
            "{q}: ordering must not depend on the limit"
        );
        assert!(none.hits.is_empty());
        for (h, (d, score)) in full.hits.iter().zip(&full.order) {
            assert_eq!(h.doc, *d);
            assert_eq!(h.score, *score, "{q}");
            let b = &h.breakdown;
            assert!(!b.terms.is_empty(), "{q}: a scored hit lists its terms");
            let sum: f32 = b.terms.iter().map(|t| t.score).sum::<f32>() + b.proximity;
            assert_eq!(b.total, sum, "{q}");
            assert_eq!(
                b.total, *score,
                "{q}: the breakdown adds up to the ranking score"
            );
            // Built later, for a result set searched without details: the same hit.
            let later = ix.hit(&none, *d, &SearchOptions::default());
            assert_eq!(&later, h, "{q}");
        }
    }
    // An article outside the results gets an empty hit.
    let parsed = query::parse("不造谣");
    let r = ix.search(&parsed, &SearchOptions::default());
    let outside = (0..ix.archive().articles.len())
        .find(|d| r.order.iter().all(|o| o.0 != *d))
        .expect("some article lacks 不造谣");
    let h = ix.hit(&r, outside, &SearchOptions::default());
    assert_eq!((h.count, h.score, h.breakdown.terms.len()), (0, 0.0, 0));
}

/// The seed is short enough to be searched by reading it (no character postings); an index
/// of the same articles with postings answers every query identically: the same articles,
/// scores, matches and highlights (Chinese, traditional, full-width, pinyin, initials, OR,
/// NOT, phrases, field scopes).
#[test]
fn reading_the_text_and_postings_answer_alike() {
    let archive = common::seed_archive();
    let tables = build_tables(&archive).expect("tables");
    let read = Index::new(archive.clone(), &tables);
    assert!(!read.has_postings(), "the seed is read, not indexed");
    let mut posted = Index::new(archive, &tables);
    posted.build_postings();
    assert!(posted.has_postings());
    let queries = [
        "不造谣",
        "疫情",
        "疫",
        "防控",
        "許灣鄉",
        "ｅｍｓ",
        "EMS",
        "zjd",
        "zhangjiandang",
        "xuwan",
        "yiqing",
        "a",
        "z",
        "疫情 OR 肺炎",
        "疫情 -武汉",
        "\"疫情防控\"",
        "title:疫情",
        "张 建",
        "，",
        "2020",
        "湾乡",
    ];
    for q in queries {
        let (a, b) = (read.parse(q), posted.parse(q));
        let opts = SearchOptions::default();
        let (ra, rb) = (read.search(&a, &opts), posted.search(&b, &opts));
        assert_eq!(
            format!("{:?}", ra.order),
            format!("{:?}", rb.order),
            "{q}: order and scores"
        );
        assert_eq!(
            marked_texts(&ra, &read),
            marked_texts(&rb, &posted),
            "{q}: highlights"
        );
        assert_eq!(ra.hits.len(), rb.hits.len(), "{q}");
    }
}
