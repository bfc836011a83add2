//! The seed page parses into exactly its eight articles; a golden file pins every field.

mod common;

use archive_explorer::archive::Kind;
use archive_explorer::cli::parse_json;

#[test]
fn golden_parse_of_the_seed() {
    let got = parse_json(&common::seed_archive());
    let want: serde_json::Value = serde_json::from_str(
        &std::fs::read_to_string(common::root().join("tests/golden/seed.json"))
            .expect("golden file"),
    )
    .expect("golden json");
    assert_eq!(
        got, want,
        "parser output changed; if intended, regenerate with `cargo run --release --bin archive -- parse seeds/ > tests/golden/seed.json` and review the diff"
    );
}

#[test]
fn eight_articles_in_page_order() {
    let a = common::seed_archive();
    let titles: Vec<&str> = a.articles.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "众志成城 鏖战“疫”魔",
            "示范区全方位精准施策防控疫情",
            "闫立超张建党元宵节慰问战“疫”一线工作人员",
            "张建党主持召开项目建设推进会",
            "张建党带队督导全区疫情防控工作开展情况",
            "张晓元宵节慰问疫情防控一线工作人员",
            "疫情防控指挥部办公室召开防控工作推进会",
            "万果园为“疫”线战士送“军粮”",
        ]
    );
    let dates: Vec<Option<&str>> = a.articles.iter().map(|x| x.date.as_deref()).collect();
    assert_eq!(
        dates,
        [
            None,
            Some("2020-02-04"),
            Some("2020-02-08"),
            Some("2020-02-11"),
            Some("2020-02-07"),
            Some("2020-02-08"),
            Some("2020-02-06"),
            Some("2020-02-11"),
        ]
    );
    let kinds: Vec<Kind> = a.articles.iter().map(|x| x.kind).collect();
    assert_eq!(kinds[0], Kind::Feature);
    assert!(kinds[1..7].iter().all(|k| *k == Kind::News));
    assert_eq!(kinds[7], Kind::Photo);
}

#[test]
fn headline_blocks_bylines_and_figures() {
    let a = common::seed_archive();
    let f = &a.articles[0];
    assert_eq!(
        f.subtitle.as_deref(),
        Some("——市城乡一体化示范区周密部署坚决打赢疫情防控阻击战")
    );
    assert_eq!(f.authors.len(), 1);
    assert_eq!(
        (f.authors[0].name.as_str(), f.authors[0].role.as_str()),
        ("张劲松", "记者")
    );
    assert_eq!(f.authors[0].credit.as_deref(), Some("文/图"));
    let inter: Vec<&str> = f.intertitles.iter().map(|t| t.text.as_str()).collect();
    assert_eq!(
        inter,
        [
            "会战!大年初一吹响紧急集结号",
            "请战!“我是党员我先上!”",
            "助战!同舟共济,共克时艰"
        ]
    );
    assert_eq!(f.figures, ["图1", "图2", "图3"]);
    // The line after an intertitle is body text, not a second intertitle.
    assert!(f
        .paragraphs
        .iter()
        .any(|p| p.text == "生命重于泰山!疫情就是命令!防控就是责任!"));
    let n = &a.articles[1];
    assert_eq!(n.kicker.as_deref(), Some("积极传达学习上级有关精神"));
    assert_eq!(n.dateline.as_deref(), Some("本报讯(记者 张劲松)2月4日上午"));
    let p = &a.articles[7];
    assert_eq!(p.photo_credits, ["记者 张劲松 摄"]);
    assert_eq!(p.paragraphs.len(), 1);
    assert!(p.paragraphs[0].text.starts_with("2月11日下午"));
    // Text is stored as printed: half-width punctuation stays.
    assert!(f.paragraphs[0].text.starts_with("突如其来,猝不及防!"));
}

#[test]
fn all_eleven_column_breaks_are_repaired_and_nothing_else_is_joined() {
    let a = common::seed_archive();
    let mut joins: Vec<(u32, u32)> = Vec::new();
    for art in &a.articles {
        for p in &art.paragraphs {
            for w in p.lines.windows(2) {
                joins.push((w[0], w[1]));
            }
        }
    }
    joins.sort();
    assert_eq!(
        joins,
        [
            (33, 35),
            (67, 69),
            (71, 73),
            (73, 75),
            (81, 83),
            (85, 87),
            (89, 91),
            (101, 103),
            (111, 113),
            (123, 125),
            (133, 135)
        ]
    );
    let text: String = a.articles[1]
        .paragraphs
        .iter()
        .map(|p| p.text.as_str())
        .collect();
    assert_eq!(text.matches("不造谣").count(), 2);
    assert!(text.contains("坚决做到不造谣、不信谣、不传谣。四、"));
}

#[test]
fn raw_lines_keep_the_printed_layout() {
    let a = common::seed_archive();
    let art = &a.articles[1];
    let raw = a.raw_lines(art);
    assert_eq!(raw.first().map(|l| l.0), Some(59));
    assert!(raw
        .iter()
        .any(|(n, l)| *n == 71 && l.ends_with("坚决做到不造")));
    assert!(raw
        .iter()
        .any(|(n, l)| *n == 73 && l.starts_with("谣、不信谣")));
}

#[test]
fn ids_are_stable_and_unique() {
    let a = common::seed_archive();
    let b = common::seed_archive();
    let ids: Vec<&str> = a.articles.iter().map(|x| x.id.as_str()).collect();
    let again: Vec<&str> = b.articles.iter().map(|x| x.id.as_str()).collect();
    assert_eq!(ids, again);
    let mut sorted = ids.clone();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), ids.len());
    assert_eq!(ids[1], "2020-02-04-sfqqfwjzscfkyq");
}
