//! Accounting: nothing read is lost, nothing is counted twice.
//!
//! Over every fixture, the seed and generated archives: every non-blank line of a page lies in
//! exactly one article, and per article the characters of its lines equal the characters of
//! its fields (kicker, title, subtitle, column tag, intertitles, paragraphs, photo credits,
//! editor's note, and the byline lines its authors were read from). Whitespace and brackets are
//! not counted (a column tag is stored without its brackets, joined lines may gain a space).

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use archive_explorer::archive::text::{is_space, parse_byline};
use archive_explorer::archive::{load, Archive, Options, Page};

fn counted(c: char) -> bool {
    !is_space(c) && !matches!(c, '（' | '）' | '(' | ')' | '【' | '】' | '[' | ']')
}

fn add(m: &mut BTreeMap<char, i64>, s: &str, sign: i64) {
    for c in s.chars().filter(|c| counted(*c)) {
        *m.entry(c).or_insert(0) += sign;
    }
}

fn diff_text(m: &BTreeMap<char, i64>) -> String {
    let extra: String = m
        .iter()
        .filter(|(_, n)| **n > 0)
        .map(|(c, n)| format!("{c}×{n} "))
        .collect();
    let missing: String = m
        .iter()
        .filter(|(_, n)| **n < 0)
        .map(|(c, n)| format!("{c}×{} ", -n))
        .collect();
    format!("in but not out: [{extra}] out but not in: [{missing}]")
}

/// Checks one archive; returns (pages checked, characters accounted for).
fn account(a: &Archive) -> Result<(usize, usize), String> {
    let mut total = 0usize;
    for page in &a.pages {
        let arts: Vec<_> = a
            .articles
            .iter()
            .filter(|x| x.source.file == page.file)
            .map(|x| &**x)
            .collect();
        if page.file.ends_with(".md") || page.file.ends_with(".markdown") {
            total += account_markdown(page, &arts)?;
            continue;
        }
        let blank = |i: usize| page.lines[i].chars().all(is_space);
        let mut owner: Vec<Option<usize>> = vec![None; page.lines.len()];
        for (k, art) in arts.iter().enumerate() {
            for l in art.source.line..=art.source.end_line {
                let i = l as usize - 1;
                if i >= page.lines.len() {
                    return Err(format!("{}:{l}: article ends after the page", page.file));
                }
                if blank(i) {
                    continue;
                }
                if let Some(o) = owner[i] {
                    return Err(format!(
                        "{}:{l}: in two articles ({} and {})",
                        page.file, arts[o].title, art.title
                    ));
                }
                owner[i] = Some(k);
            }
        }
        if let Some(i) = (0..page.lines.len()).find(|i| !blank(*i) && owner[*i].is_none()) {
            return Err(format!("{}:{}: in no article", page.file, i + 1));
        }
        for art in &arts {
            let mut m: BTreeMap<char, i64> = BTreeMap::new();
            let mut referenced: Vec<u32> = art
                .paragraphs
                .iter()
                .flat_map(|p| p.lines.iter().copied())
                .collect();
            referenced.extend(art.intertitles.iter().map(|t| t.line));
            for l in art.source.line..=art.source.end_line {
                let line = &page.lines[l as usize - 1];
                add(&mut m, line, 1);
                total += line.chars().filter(|c| counted(*c)).count();
                let t = line.trim_matches(is_space);
                if t.is_empty() || referenced.contains(&l) {
                    continue;
                }
                // A byline line: its authors are in the article, its characters in the byline.
                if !art.photo_credits.iter().any(|c| c == t) {
                    if let Some(authors) = parse_byline(t) {
                        for x in &authors {
                            if !art.authors.iter().any(|y| y.name == x.name) {
                                return Err(format!(
                                    "{}:{l}: byline name {} not in the article",
                                    page.file, x.name
                                ));
                            }
                        }
                        add(&mut m, line, -1);
                    }
                }
            }
            let unstructured = page.unstructured.contains(&art.source.line);
            if let Some(k) = &art.kicker {
                add(&mut m, k, -1);
            }
            if !unstructured {
                add(&mut m, &art.title, -1);
            }
            for s in [&art.subtitle, &art.column, &art.editor_note]
                .into_iter()
                .flatten()
            {
                add(&mut m, s, -1);
            }
            for t in &art.intertitles {
                add(&mut m, &t.text, -1);
            }
            for p in &art.paragraphs {
                add(&mut m, &p.text, -1);
            }
            for c in &art.photo_credits {
                add(&mut m, c, -1);
            }
            m.retain(|_, n| *n != 0);
            if !m.is_empty() {
                return Err(format!(
                    "{}:{}: {}: {}",
                    page.file,
                    art.source.line,
                    art.title,
                    diff_text(&m)
                ));
            }
        }
    }
    Ok((a.pages.len(), total))
}

/// A Markdown article: the body (after the front matter) is its paragraphs, intertitles and a
/// `# title` line.
fn account_markdown(
    page: &Page,
    arts: &[&archive_explorer::archive::Article],
) -> Result<usize, String> {
    let [art] = arts else {
        return Err(format!("{}: {} articles", page.file, arts.len()));
    };
    let mut start = 0;
    if page.lines.first().map(|l| l.trim()) == Some("---") {
        if let Some(p) = page.lines.iter().skip(1).position(|l| l.trim() == "---") {
            start = p + 2;
        }
    }
    let mut m: BTreeMap<char, i64> = BTreeMap::new();
    let mut total = 0;
    let mut title_in_body = false;
    for line in &page.lines[start..] {
        let t = line.trim().trim_start_matches('#');
        if line.trim().starts_with("# ") && t.trim() == art.title {
            title_in_body = true;
        }
        add(&mut m, t, 1);
        total += t.chars().filter(|c| counted(*c)).count();
    }
    if title_in_body {
        add(&mut m, &art.title, -1);
    }
    for t in &art.intertitles {
        add(&mut m, &t.text, -1);
    }
    for p in &art.paragraphs {
        add(&mut m, &p.text, -1);
    }
    m.retain(|_, n| *n != 0);
    if !m.is_empty() {
        return Err(format!("{}: {}", page.file, diff_text(&m)));
    }
    Ok(total)
}

fn lenient() -> Options {
    Options {
        names: false,
        ..Options::default()
    }
}

#[test]
fn every_fixture_and_the_seed_account_for_every_character() {
    let root = common::root();
    let mut sources: Vec<PathBuf> = vec![root.join("seeds"), root.join("tests/fixtures")];
    for d in ["ocr", "eedition", "paths", "encodings", "markdown"] {
        sources.push(root.join("tests/fixtures/ingest").join(d));
    }
    for s in &sources {
        let r = load(std::slice::from_ref(s), &lenient()).expect("loads");
        let (pages, chars) = account(&r.archive).unwrap_or_else(|e| panic!("{e}"));
        assert!(pages > 0 && chars > 0, "{}", s.display());
    }
}

fn write_synth(dir: &Path, n: usize, seed: u64) -> usize {
    let _ = std::fs::remove_dir_all(dir);
    let stats = archive_explorer::synth::write_pages(n, dir, seed).expect("writes");
    stats.pages
}

#[test]
fn generated_archives_account_for_every_character_and_article() {
    for (n, seed) in [(300, 7), (120, 42)] {
        let dir = common::root().join(format!("target/test-tmp/synth-{n}-{seed}"));
        write_synth(&dir, n, seed);
        let r = load(std::slice::from_ref(&dir), &lenient()).expect("loads");
        assert!(r.warnings.is_empty(), "{:?}", &r.warnings[..1]);
        // Exactly the articles the generator printed: none merged, none split.
        assert_eq!(r.archive.articles.len(), n);
        account(&r.archive).unwrap_or_else(|e| panic!("{e}"));
        let unique: std::collections::HashSet<&str> =
            r.archive.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(unique.len(), n, "ids are unique");
    }
}

/// The synthetic pages match what the generator says it printed, page by page.
#[test]
fn generated_pages_parse_to_their_article_counts() {
    use archive_explorer::archive::page::parse_page_lenient;
    use archive_explorer::archive::Sidecar;
    let meta = Sidecar {
        year: Some(2020),
        ..Default::default()
    };
    for p in archive_explorer::synth::pages(2_000, 3) {
        let (_, articles, notes) = parse_page_lenient(&p.path, &p.text, &meta);
        assert!(notes.is_empty(), "{}: {notes:?}", p.path);
        assert_eq!(articles.len(), p.articles, "{}\n{}", p.path, p.text);
    }
}

#[test]
fn fifty_pages_with_one_broken_page_build_with_one_warning() {
    let dir = common::root().join("target/test-tmp/fifty");
    let _ = std::fs::remove_dir_all(&dir);
    // Pages of 3–6 articles: 220 articles make about 50 pages.
    let mut pages = archive_explorer::synth::pages(220, 11);
    pages.truncate(49);
    for p in &pages {
        let path = dir.join(&p.path);
        std::fs::create_dir_all(path.parent().expect("parent")).expect("dir");
        std::fs::write(&path, &p.text).expect("write");
    }
    // The broken one: a byte that is neither UTF-8 nor GB18030, on line 3.
    let mut bytes = "河畔新闻\n\u{3000}\u{3000}本报讯　今天天气晴朗。\n\u{3000}\u{3000}午后"
        .as_bytes()
        .to_vec();
    bytes.extend_from_slice(b"\xff\xff");
    bytes.extend_from_slice("有雨。\n".as_bytes());
    std::fs::write(dir.join("2020/01/01/99.txt"), &bytes).expect("write");
    let r = load(std::slice::from_ref(&dir), &lenient()).expect("builds");
    assert_eq!(r.archive.pages.len(), 50);
    assert_eq!(r.warnings.len(), 1, "{:?}", r.warnings);
    let w = r.warnings[0].to_string();
    assert!(w.contains("2020/01/01/99.txt:3: invalid UTF-8"), "{w}");
    let want: usize = pages.iter().map(|p| p.articles).sum::<usize>() + 1;
    assert_eq!(r.archive.articles.len(), want);
    account(&r.archive).unwrap_or_else(|e| panic!("{e}"));
    let strict = Options {
        strict: true,
        ..lenient()
    };
    assert!(load(&[dir], &strict).is_err());
}

/// The check itself catches a lost line, a lost character and a line counted twice.
#[test]
fn the_check_catches_losses() {
    let seed = load(&[common::root().join("seeds")], &lenient()).expect("seed");
    assert!(account(&seed.archive).is_ok());
    let mut a = seed.archive.clone();
    std::sync::Arc::make_mut(&mut a.articles[1])
        .paragraphs
        .pop();
    assert!(account(&a).is_err(), "a dropped paragraph");
    let mut a = seed.archive.clone();
    std::sync::Arc::make_mut(&mut a.articles[2]).paragraphs[0]
        .text
        .pop();
    assert!(account(&a).is_err(), "a dropped character");
    let mut a = seed.archive.clone();
    std::sync::Arc::make_mut(&mut a.articles[3]).source.line -= 2;
    assert!(account(&a).is_err(), "a line in two articles");
    let mut a = seed.archive.clone();
    std::sync::Arc::make_mut(&mut a.articles[0]).editor_note = Some("多出来的字".into());
    assert!(account(&a).is_err(), "text out of nowhere");
}

mod random_pages {
    use super::*;
    use archive_explorer::archive::page::parse_page_lenient;
    use archive_explorer::archive::Sidecar;
    use proptest::prelude::*;

    /// Lines of every kind the parser knows, indented or not, in any order.
    fn line() -> impl Strategy<Value = String> {
        let kinds = prop_oneof![
            Just("河湾区背街小巷换新颜".to_string()),
            Just("坚持把群众的冷暖放在心上，河湾区用一个冬天修好了十二条小巷——".to_string()),
            Just("——一线窗口见闻".to_string()),
            Just("守护好一江清水（人民论坛）".to_string()),
            Just("本报讯(记者 孟晓宁)12月3日上午,河湾区召开总结会。".to_string()),
            Just("本报沿江2月17日电　（记者舒畅、马骁）大厅里很安静。".to_string()),
            Just("记者 孟晓宁 文/图".to_string()),
            Just("本报记者　葛雨桐".to_string()),
            Just("殷晨阳摄（影像中国）".to_string()),
            Just("冬日暖阳 孩子们在小广场上跳绳 记者 孟晓宁 摄".to_string()),
            Just("编者按：这是一段说明。".to_string()),
            Just("（综合本报记者王一、李二报道）".to_string()),
            Just(
                "整治过程中,区里先后召开二十多场居民议事会,把施工时间提前告知到每一户,".to_string()
            ),
            Just("老街坊说新路".to_string()),
            Just("广告".to_string()),
            Just("图为村民在清扫积雪。".to_string()),
            Just("短句也是正文!对!".to_string()),
            Just(String::new()),
        ];
        (kinds, 0..3usize).prop_map(|(t, indent)| match indent {
            0 => format!("\u{3000}\u{3000}{t}"),
            1 if t.is_empty() => "\u{3000}\u{3000}".to_string(),
            _ => t,
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

        #[test]
        fn decoding_and_path_dates_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..300), path in "\\PC{0,40}") {
            if let Ok(d) = archive_explorer::archive::encoding::decode(&bytes, None) {
                // Undecodable bytes never vanish silently.
                if d.text.contains('\u{fffd}') && !String::from_utf8_lossy(&bytes).contains('\u{fffd}') {
                    prop_assert!(!d.warnings.is_empty());
                }
            }
            let _ = archive_explorer::archive::encoding::decode(&bytes, Some("gbk"));
            let _ = archive_explorer::archive::pathmeta::from_path(&path);
        }

        #[test]
        fn random_pages_account_for_every_character(lines in prop::collection::vec(line(), 1..40)) {
            let text = lines.join("\n");
            let meta = Sidecar { year: Some(2020), ..Default::default() };
            let (page, articles, _) = parse_page_lenient("p.txt", &text, &meta);
            let a = Archive { pages: vec![page.into()], articles: articles.into_iter().map(Into::into).collect(), entities: vec![] };
            if let Err(e) = account(&a) {
                prop_assert!(false, "{e}\n{text}");
            }
        }
    }
}
