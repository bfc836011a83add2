//! Pages in other styles (our own sentences) and bad input.

mod common;

use archive_explorer::archive::{load, load_paths, Kind, Options};
use archive_explorer::cli::parse_json;
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
fn bad_input_is_a_clear_error_with_file_and_line_in_strict_mode() {
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
        // Strict (the old behaviour, `load_paths`): an error naming file and line.
        let e = load_paths(std::slice::from_ref(&p))
            .expect_err(name)
            .to_string();
        assert!(e.starts_with(&p.to_string_lossy().to_string()), "{e}");
        assert!(e.contains(want), "{name}: {e}");
        // Lenient (the default): the same message as a warning, and the text is kept.
        let r = load(std::slice::from_ref(&p), &Options::default()).expect(name);
        assert_eq!(r.warnings.len(), 1, "{name}: {:?}", r.warnings);
        assert!(r.warnings[0].to_string().contains(want), "{name}");
        match name {
            "utf8.txt" => {
                let json = serde_json::to_string(&r.archive.articles).expect("json");
                assert!(json.contains("\u{fffd}\u{fffd} bad"), "{json}");
            }
            "nohead.txt" => {
                let a = &r.archive.articles[0];
                assert_eq!(a.title, "（无题）");
                assert!(a.paragraphs[0].text.starts_with("这一段只有正文"));
                assert_eq!(r.archive.pages[0].unstructured, [1]);
            }
            "bad.md" => assert_eq!(r.archive.articles[0].date, None),
            "binary.txt" => assert!(r.archive.pages.is_empty()),
            _ => {}
        }
    }
    let p = write(&dir, "dated.txt", "标题\n\n本报讯 正文。\n".as_bytes());
    write(&dir, "dated.toml", b"year = 2020\ndate = \"2020-13-01\"\n");
    let e = load_paths(std::slice::from_ref(&p))
        .expect_err("bad sidecar")
        .to_string();
    assert!(e.contains("dated.toml:2: bad date"), "{e}");
    let r = load(&[p], &Options::default()).expect("lenient");
    assert_eq!(r.archive.articles.len(), 1);
    write(&dir, "dated.toml", b"date = \"+020-02-12\"\n");
    let r = load(&[dir.join("dated.txt")], &Options::default()).expect("lenient");
    assert!(r.warnings[0].to_string().contains("bad date"));
}

#[test]
fn control_characters_in_file_names_are_refused() {
    let dir = common::root().join("target/test-tmp/ctrl");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    write(&dir, "ok.txt", "标题\n\n本报讯 正文。\n".as_bytes());
    write(&dir, "bad\nname.txt", "标题\n\n本报讯 正文。\n".as_bytes());
    let e = load(&[dir], &Options::default())
        .expect_err("refused")
        .to_string();
    assert!(e.contains("control character (U+000A)"), "{e}");
    assert!(!e.contains('\n'), "the message stays on one line: {e:?}");
}

#[test]
fn the_cli_warns_and_goes_on_unless_strict() {
    let dir = common::root().join("target/test-tmp/cli");
    std::fs::create_dir_all(&dir).expect("dir");
    let mut bytes = "标题\n".as_bytes().to_vec();
    bytes.extend_from_slice(b"\xc3\x28\n");
    let p = write(&dir, "broken.txt", &bytes);
    let run = |args: &[&str], strict: bool| {
        let mut c = std::process::Command::new(env!("CARGO_BIN_EXE_archive"));
        c.args(args).arg(p.to_string_lossy().as_ref());
        if strict {
            c.env("ARCHIVE_STRICT", "1");
        } else {
            c.env_remove("ARCHIVE_STRICT");
        }
        c.output().expect("runs")
    };
    let out = run(&["parse"], false);
    assert!(out.status.success());
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("broken.txt:2: invalid UTF-8"), "{err}");
    for (args, strict) in [(&["parse", "--strict"][..], false), (&["parse"][..], true)] {
        let out = run(args, strict);
        assert!(!out.status.success());
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("broken.txt:2: invalid UTF-8"), "{err}");
    }
    let out = run(&["check", "--no-names"], false);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(
        text.contains("1 pages, 1 articles (0 unstructured), 1 warnings"),
        "{text}"
    );
}

#[test]
fn synth_refuses_absurd_counts() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_archive"))
        .args(["synth", "18446744073709551615", "target/test-tmp/never"])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("expected 1 to 5000000"), "{err}");
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_archive"))
        .args([
            "synth",
            "--pages",
            "99999999999999999999999",
            "target/test-tmp/never",
        ])
        .output()
        .expect("runs");
    assert_eq!(out.status.code(), Some(1));
}

/// Every layout folder under `tests/fixtures/ingest/` parses to its expected JSON
/// (`expected/<folder>.json`: pages, articles and warnings; names are checked elsewhere).
/// `UPDATE_EXPECTED=1` rewrites them; review the diff.
#[test]
fn ingest_fixtures_match_their_expected_json() {
    let root = common::root();
    let base = root.join("tests/fixtures/ingest");
    for name in ["ocr", "eedition", "paths", "encodings", "markdown"] {
        let opts = Options {
            names: false,
            ..Options::default()
        };
        let r = load(&[base.join(name)], &opts).expect(name);
        let mut got = parse_json(&r.archive);
        if let Some(o) = got.as_object_mut() {
            o.remove("entities");
        }
        let prefix = format!("{}/", root.to_string_lossy());
        let warnings: Vec<String> = r
            .warnings
            .iter()
            .map(|w| w.to_string().replace(&prefix, ""))
            .collect();
        got["warnings"] = serde_json::json!(warnings);
        let path = base.join("expected").join(format!("{name}.json"));
        if std::env::var("UPDATE_EXPECTED").is_ok() {
            std::fs::create_dir_all(base.join("expected")).expect("dir");
            let text = serde_json::to_string_pretty(&got).expect("json");
            std::fs::write(&path, text + "\n").expect("write");
            continue;
        }
        let want: serde_json::Value =
            serde_json::from_str(&std::fs::read_to_string(&path).expect("expected file"))
                .expect("expected json");
        assert_eq!(
            got, want,
            "{name}: output changed; if intended, rerun with UPDATE_EXPECTED=1 and review the diff"
        );
    }
}

#[test]
fn e_edition_layout() {
    let r = load(
        &[common::root().join("tests/fixtures/ingest/eedition")],
        &Options::default(),
    )
    .expect("loads");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = &r.archive.articles;
    let titles: Vec<&str> = a.iter().map(|x| x.title.as_str()).collect();
    assert_eq!(
        titles,
        [
            "沿江市政务服务跑出加速度",
            "守护好一江清水",
            "田间地头农机忙",
            "晨光中的古渡口",
            "广告",
            "图片报道",
            "雪后山村",
            "沿江市发布春季出行提示",
        ]
    );
    // A long kicker ending with ——, a subtitle, a dateline with two reporters, an intertitle.
    assert!(a[0]
        .kicker
        .as_deref()
        .is_some_and(|k| k.chars().count() > 60 && k.ends_with("——")));
    assert_eq!(a[0].subtitle.as_deref(), Some("——一线窗口见闻"));
    let names: Vec<&str> = a[0].authors.iter().map(|x| x.name.as_str()).collect();
    assert_eq!(names, ["舒畅", "马骁"]);
    assert_eq!(a[0].intertitles[0].text, "一窗受理");
    assert_eq!(a[0].date.as_deref(), Some("2020-02-17"));
    assert_eq!(a[1].column.as_deref(), Some("人民论坛"));
    assert_eq!(a[1].kind, Kind::Commentary);
    assert_eq!(a[2].kicker.as_deref(), Some("春耕备耕正当时"));
    assert_eq!(a[2].authors[0].name, "葛雨桐");
    assert_eq!(a[3].kind, Kind::Photo);
    assert_eq!(a[3].photo_credits, ["殷晨阳摄（影像中国）"]);
    assert_eq!(a[6].kind, Kind::Photo);
    // Page metadata from the path: 2020/02/17/04.txt and 20200218-05.txt.
    let p = &r.archive.pages;
    assert_eq!(
        (p[0].date.as_deref(), p[0].page.as_deref()),
        (Some("2020-02-17"), Some("4"))
    );
    assert_eq!(
        (p[1].date.as_deref(), p[1].page.as_deref()),
        (Some("2020-02-18"), Some("5"))
    );
}

#[test]
fn paths_archive_toml_and_encodings() {
    let base = common::root().join("tests/fixtures/ingest");
    let r = load(&[base.join("paths")], &Options::default()).expect("loads");
    for p in &r.archive.pages {
        assert_eq!(p.paper.as_deref(), Some("沿江日报"));
        assert_eq!(p.year, Some(2020));
    }
    let dp: Vec<(Option<&str>, Option<&str>)> = r
        .archive
        .pages
        .iter()
        .map(|p| (p.date.as_deref(), p.page.as_deref()))
        .collect();
    assert_eq!(
        dp,
        [
            (Some("2020-02-06"), Some("3")),
            (Some("2020-02-05"), Some("12"))
        ]
    );
    let r = load(&[base.join("encodings")], &Options::default()).expect("loads");
    assert_eq!(r.archive.articles.len(), 5);
    for a in &r.archive.articles {
        assert!(a.title.ends_with("小学用上了新课桌"), "{}", a.title);
        assert_eq!(a.date.as_deref(), Some("2020-02-10"));
        assert!(a.paragraphs[1].text.contains("闵志强"));
    }
    // Only the undeclared GBK page is unsure.
    assert_eq!(r.warnings.len(), 1);
    assert!(r.warnings[0]
        .to_string()
        .contains("gbk_detected.txt:1: not UTF-8"));
    let strict = Options {
        strict: true,
        ..Options::default()
    };
    assert!(load(&[base.join("encodings")], &strict).is_err());
}

#[test]
fn ocr_page_with_a_long_kicker_a_two_line_headline_and_a_sidecar_date_with_spaces() {
    let r = load(
        &[common::root().join("tests/fixtures/ingest/ocr")],
        &Options::default(),
    )
    .expect("loads");
    assert!(r.warnings.is_empty(), "{:?}", r.warnings);
    let a = &r.archive.articles;
    assert_eq!(a.len(), 4);
    assert!(a[0].kicker.as_deref().is_some_and(|k| k.ends_with("——")));
    assert_eq!(a[0].title, "河湾区背街小巷换新颜");
    assert_eq!(a[1].title, "老街坊说新路");
    // Kicker and title after one blank line, no byline or dateline: still a new article.
    assert_eq!(a[2].kicker.as_deref(), Some("小巷深处有书香"));
    assert_eq!(a[2].title, "社区图书角开门迎客");
    assert_eq!(a[3].kind, Kind::Photo);
    assert_eq!(r.archive.pages[0].date.as_deref(), Some("2020-12-04"));
}

#[cfg(unix)]
#[test]
fn a_link_loop_is_read_once() {
    let dir = common::root().join("target/test-tmp/loop");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join("a")).expect("dir");
    write(
        &dir.join("a"),
        "p.txt",
        "标题\n\n本报讯 正文。\n".as_bytes(),
    );
    std::os::unix::fs::symlink(&dir, dir.join("a/back")).expect("link");
    let r = load(&[dir], &Options::default()).expect("loads");
    assert_eq!(r.archive.pages.len(), 1);
    assert_eq!(r.warnings.len(), 1);
    assert!(r.warnings[0].to_string().contains("folder already read"));
}
