//! Pages in other styles (our own sentences) and bad input.

mod common;

use archive_explorer::archive::{load_paths, Kind};
use common::write;

#[test]
fn indented_page_without_blank_lines() {
    let a = common::fixture("indented.txt");
    assert_eq!(a.articles.len(), 2);
    let n = &a.articles[0];
    assert_eq!(n.kicker.as_deref(), Some("春风行动助力返岗务工——"));
    assert_eq!(n.title, "我市开通首趟务工专列");
    assert_eq!(
        n.dateline.as_deref(),
        Some("本报讯（记者\u{a0}林小帆）3月2日上午")
    );
    assert_eq!(n.authors[0].name, "林小帆");
    // The unindented line continues the paragraph cut by a column break.
    assert_eq!(n.paragraphs[0].lines, [3, 4]);
    assert!(n.paragraphs[0].text.contains("周边的六个乡镇"));
    assert_eq!(n.paragraphs.len(), 3);
    let c = &a.articles[1];
    assert_eq!(c.title, "夜读的灯光");
    assert_eq!(c.column.as_deref(), Some("新语"));
    assert_eq!(c.kind, Kind::Commentary);
}

#[test]
fn crlf_bom_notes_markers_closing_bylines_and_photos() {
    let a = common::fixture("crlf_bom.txt");
    let titles: Vec<&str> = a.articles.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(titles, ["河畔新绿", "古桥修缮完工", "博物馆延长开放时间"]);
    let f = &a.articles[0];
    assert_eq!(f.kind, Kind::Feature);
    assert!(f
        .editor_note
        .as_deref()
        .is_some_and(|n| n.starts_with("编者按")));
    let names: Vec<(&str, &str)> = f
        .authors
        .iter()
        .map(|x| (x.name.as_str(), x.role.as_str()))
        .collect();
    assert_eq!(names, [("周明远", "本报记者"), ("韩雪", "通讯员")]);
    // The sidecar's edition date dates the piece without a dateline.
    assert_eq!(f.date.as_deref(), Some("2021-04-07"));
    let p = &a.articles[1];
    assert_eq!(p.kind, Kind::Photo);
    assert_eq!(p.photo_credits, ["许晴摄（影像中国）"]);
    assert_eq!(p.date.as_deref(), Some("2021-04-05"));
    let x = &a.articles[2];
    assert_eq!(
        x.dateline.as_deref(),
        Some("新华社南京4月6日电（记者 王可）")
    );
    assert_eq!(x.date.as_deref(), Some("2021-04-06"));
    assert_eq!(a.pages[0].paper.as_deref(), Some("河畔晚报"));
    // No line keeps a CR or the BOM.
    assert!(a.pages[0]
        .lines
        .iter()
        .all(|l| !l.contains('\r') && !l.contains('\u{feff}')));
}

#[test]
fn markdown_articles() {
    let a = common::fixture("garden.md");
    let g = &a.articles[0];
    assert_eq!(g.title, "社区菜园开园");
    assert_eq!(g.kicker.as_deref(), Some("小空间 大变化"));
    assert_eq!(g.date.as_deref(), Some("2021-05-06"));
    assert_eq!(g.kind, Kind::News);
    assert_eq!(g.intertitles[0].text, "居民认领菜地");
    assert_eq!(g.paragraphs.len(), 3);
    assert_eq!(
        g.paragraphs[1].text,
        "二十块菜地全部被居民认领,有人种番茄,有人种辣椒。"
    );
    assert_eq!(g.figures, ["图1"]);
}

#[test]
fn without_a_year_dates_stay_unknown() {
    let dir = common::root().join("target/test-tmp/noyear");
    std::fs::create_dir_all(&dir).expect("dir");
    let p = write(
        &dir,
        "p.txt",
        "会议召开\n\n本报讯 3月2日,会议召开。\n".as_bytes(),
    );
    let a = load_paths(&[p]).expect("parses");
    assert_eq!(a.articles[0].date, None);
}

#[test]
fn bad_input_is_a_clear_error_with_file_and_line() {
    let dir = common::root().join("target/test-tmp/bad");
    std::fs::create_dir_all(&dir).expect("dir");
    let cases: [(&str, &[u8], &str); 5] = [
        (
            "utf8.txt",
            b"title\n\nok line\n\xff\xfe bad\n",
            ":4: invalid UTF-8",
        ),
        ("binary.txt", b"\x89PNG\r\n\x1a\n\0\0\0", ":3: binary data"),
        ("empty.txt", b"\n\n   \n", ":1: empty"),
        (
            "nohead.txt",
            "这一段只有正文,没有标题,也没有电头,而且很长很长很长很长很长。\n".as_bytes(),
            ":1: no article found",
        ),
        (
            "bad.md",
            b"---\ntitle: x\ndate: 2020-02-30\n---\ntext\n",
            ":3: bad date",
        ),
    ];
    for (name, bytes, want) in cases {
        let p = write(&dir, name, bytes);
        let e = load_paths(std::slice::from_ref(&p))
            .expect_err(name)
            .to_string();
        assert!(e.starts_with(&p.to_string_lossy().to_string()), "{e}");
        assert!(e.contains(want), "{name}: {e}");
    }
    let p = write(&dir, "dated.txt", "标题\n\n本报讯 正文。\n".as_bytes());
    write(&dir, "dated.toml", b"year = 2020\ndate = \"2020-13-01\"\n");
    let e = load_paths(&[p]).expect_err("bad sidecar").to_string();
    assert!(e.contains("dated.toml:2: bad date"), "{e}");
}

#[test]
fn the_cli_reports_file_and_line() {
    let dir = common::root().join("target/test-tmp/cli");
    std::fs::create_dir_all(&dir).expect("dir");
    let p = write(&dir, "broken.txt", b"ok\n\xc3\x28\n");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_archive"))
        .args(["parse", &p.to_string_lossy()])
        .output()
        .expect("runs");
    assert!(!out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.txt:2: invalid UTF-8"), "{err}");
}
