//! Browsing like a newspaper (`view::browse`): editions, page order, articles per page, previous /
//! next, the calendar and the summary, checked against plain re-computations with the standard
//! library (maps and sorts) on the fixture of three editions, the seed and made-up archives.

mod common;

use std::collections::{BTreeMap, BTreeSet};

use archive_explorer::archive::{load, Archive, Article, Options, Page};
use archive_explorer::view::browse::{grouped, page_number, weekday, Shelf};

fn editions_fixture() -> Archive {
    let opts = Options {
        strict: true,
        names: false,
        ..Options::default()
    };
    let dir = common::root().join("tests/fixtures/editions");
    load(&[dir], &opts).expect("the fixture parses").archive
}

fn files(a: &Archive, pages: &[usize]) -> Vec<String> {
    pages.iter().map(|p| a.pages[*p].file.clone()).collect()
}

/// Pages in reading order as the standard library computes it: by date (undated last), paper
/// (first appearance; unknown last), page number (none last), file order.
fn oracle_order(a: &Archive) -> Vec<usize> {
    let mut papers: Vec<&str> = Vec::new();
    for p in &a.pages {
        if let Some(n) = p.paper.as_deref() {
            if !papers.contains(&n) {
                papers.push(n);
            }
        }
    }
    let mut order: Vec<usize> = (0..a.pages.len()).collect();
    order.sort_by_key(|&i| {
        let p = &a.pages[i];
        let date = p.date.clone().unwrap_or_else(|| "~".into()); // '~' sorts after digits
        let paper = p
            .paper
            .as_deref()
            .and_then(|n| papers.iter().position(|x| *x == n))
            .unwrap_or(usize::MAX);
        let num = p
            .page
            .as_deref()
            .and_then(|l| {
                let d: String = l.chars().filter(char::is_ascii_digit).collect();
                d.parse::<u64>().ok()
            })
            .unwrap_or(u64::MAX);
        (date, paper, num)
    });
    order
}

fn check_against_oracle(a: &Archive) {
    let s = Shelf::new(a);
    assert_eq!(s.order, oracle_order(a), "reading order");
    // Editions: distinct (paper, date), each one contiguous run of the order.
    let distinct: BTreeSet<(Option<String>, Option<String>)> = a
        .pages
        .iter()
        .map(|p| (p.paper.clone(), p.date.clone()))
        .collect();
    assert_eq!(s.editions.len(), distinct.len());
    let mut seen = 0;
    for (e, ed) in s.editions.iter().enumerate() {
        assert_eq!(ed.start, seen);
        seen = ed.end;
        for &p in s.pages_of(e) {
            assert_eq!(a.pages[p].date.as_deref(), ed.date);
            assert_eq!(a.pages[p].paper.as_deref(), ed.paper);
            assert_eq!(s.edition_of(p), Some(e));
        }
        assert_eq!(s.find_edition(ed.date, ed.paper), Some(e));
    }
    assert_eq!(seen, a.pages.len());
    // Articles per page: the archive's articles of that file, in archive order.
    let mut by_file: BTreeMap<&str, Vec<usize>> = BTreeMap::new();
    for (i, art) in a.articles.iter().enumerate() {
        by_file.entry(art.source.file.as_str()).or_default().push(i);
    }
    for (p, page) in a.pages.iter().enumerate() {
        let want = by_file.get(page.file.as_str()).cloned().unwrap_or_default();
        assert_eq!(s.articles_of(p), want.as_slice(), "{}", page.file);
    }
    // Previous / next walk the order both ways, and end at its ends.
    for (k, &p) in s.order.iter().enumerate() {
        let (prev, next) = s.prev_next_page(p);
        assert_eq!(prev, k.checked_sub(1).map(|j| s.order[j]));
        assert_eq!(next, s.order.get(k + 1).copied());
        assert_eq!(s.page_by_file(&a.pages[p].file), Some(p));
    }
}

#[test]
fn the_fixture_of_three_editions() {
    let a = editions_fixture();
    check_against_oracle(&a);
    let s = Shelf::new(&a);
    let sum = s.summary();
    assert_eq!(sum.papers, ["清河晚报"]);
    assert!(!sum.unknown_paper && !sum.range_of_articles);
    assert_eq!(sum.range, Some(("2021-03-01", "2022-01-05")));
    assert_eq!((sum.editions, sum.pages, sum.articles), (3, 7, 9));
    // Page 10 comes after page 2.
    assert_eq!(
        files(&a, s.pages_of(1)),
        ["2021/03/02/1.txt", "2021/03/02/2.txt", "2021/03/02/10.txt"]
    );
    let p = s.page_by_file("2021/03/01/1.txt").expect("page");
    let titles: Vec<&str> = s
        .articles_of(p)
        .iter()
        .map(|i| a.articles[*i].title.as_str())
        .collect();
    assert_eq!(titles, ["清河大桥今日恢复双向通行", "东门菜市场完成改造"]);
    // The first page has no previous page; the last none after it.
    assert_eq!(s.prev_next_page(s.order[0]).0, None);
    assert_eq!(s.prev_next_page(*s.order.last().expect("pages")).1, None);
    // Across an edition's end: 2021-03-01 page 2 → 2021-03-02 page 1.
    let p2 = s.page_by_file("2021/03/01/2.txt").expect("page");
    let next = s.prev_next_page(p2).1.expect("next");
    assert_eq!(a.pages[next].file, "2021/03/02/1.txt");
}

#[test]
fn the_calendar_of_the_fixture() {
    let a = editions_fixture();
    let s = Shelf::new(&a);
    assert_eq!(s.years(), [(2021, 2), (2022, 1)]);
    let mut march = [0; 12];
    march[2] = 2;
    assert_eq!(s.months(2021), march);
    assert_eq!(s.months(2020), [0; 12]);
    assert_eq!(s.month(2021, 3), [(1, 0), (2, 1)]);
    assert_eq!(s.month(2022, 1), [(5, 2)]);
    assert_eq!(s.month(2021, 4), []);
    // Unset year and month: the first year with editions and its first month with editions.
    assert_eq!(s.calendar_at(None, None), Some((2021, 3)));
    assert_eq!(s.calendar_at(Some(2022), None), Some((2022, 1)));
    assert_eq!(s.calendar_at(Some(2022), Some(7)), Some((2022, 7)));
    assert!(s.undated().is_empty());
}

#[test]
fn the_seed_is_one_undated_edition_of_one_page() {
    let a = common::seed_archive();
    check_against_oracle(&a);
    let s = Shelf::new(&a);
    let sum = s.summary();
    assert_eq!((sum.editions, sum.pages), (1, 1));
    assert_eq!(sum.articles, a.articles.len());
    assert!(sum.unknown_paper && sum.papers.is_empty());
    // No page names its date: the range is the articles' own, and says so.
    assert!(sum.range_of_articles);
    let dates: BTreeSet<&str> = a
        .articles
        .iter()
        .filter_map(|x| x.date.as_deref())
        .collect();
    let (first, last) = (dates.first().copied(), dates.last().copied());
    assert_eq!(sum.range, first.zip(last));
    assert_eq!(s.years(), []);
    assert_eq!(s.undated(), [0]);
    assert_eq!(s.calendar_at(None, None), None);
    assert_eq!(s.prev_next_page(0), (None, None));
    assert_eq!(s.articles_of(0).len(), a.articles.len());
}

fn page(file: &str, paper: Option<&str>, date: Option<&str>, num: Option<&str>) -> Page {
    Page {
        file: file.into(),
        paper: paper.map(Into::into),
        date: date.map(Into::into),
        page: num.map(Into::into),
        ..Default::default()
    }
}

#[test]
fn mixed_papers_undated_pages_and_articles_out_of_order() {
    let pages = vec![
        page("a.txt", Some("乙报"), Some("2020-05-02"), Some("2")),
        page("b.txt", Some("甲报"), Some("2020-05-02"), Some("A1")),
        page("c.txt", None, None, None),
        page("d.txt", Some("乙报"), Some("2020-05-02"), Some("1")),
        page("e.txt", Some("乙报"), Some("2019-12-31"), None),
        page("f.txt", Some("乙报"), Some("2019-12-31"), Some("3")),
        page("g.txt", None, Some("2020-05-02"), Some("1")),
        page("h.txt", Some("甲报"), None, Some("1")),
    ];
    let mut articles = Vec::new();
    for (i, f) in [
        "d.txt", "a.txt", "a.txt", "zz.txt", "c.txt", "d.txt", "h.txt", "f.txt",
    ]
    .iter()
    .enumerate()
    {
        articles.push(Article::new(format!("x{i}"), format!("题{i}"), *f));
    }
    let a = Archive {
        pages: pages.into_iter().map(Into::into).collect(),
        articles: articles.into_iter().map(Into::into).collect(),
        entities: vec![],
    };
    check_against_oracle(&a);
    let s = Shelf::new(&a);
    // 2019-12-31 乙报 (f, e) · 2020-05-02 乙报 (d, a) · 甲报 (b) · unknown (g) · undated 乙报? no:
    // undated 甲报 (h), undated unknown (c).
    assert_eq!(
        files(&a, &s.order),
        ["f.txt", "e.txt", "d.txt", "a.txt", "b.txt", "g.txt", "h.txt", "c.txt"]
    );
    assert_eq!(s.editions.len(), 6);
    assert_eq!(s.undated(), [4, 5]);
    assert_eq!(s.find_edition(Some("2020-05-02"), Some("甲报")), Some(2));
    // An unknown paper on a date with editions: the first of that date.
    assert_eq!(s.find_edition(Some("2020-05-02"), Some("丙报")), Some(1));
    assert_eq!(s.find_edition(Some("2021-01-01"), None), None);
    // The article of a file the archive does not list belongs to no page.
    let listed: usize = (0..a.pages.len()).map(|p| s.articles_of(p).len()).sum();
    assert_eq!(listed, a.articles.len() - 1);
    let sum = s.summary();
    assert_eq!(sum.papers, ["乙报", "甲报"]);
    assert!(sum.unknown_paper);
    assert_eq!(sum.range, Some(("2019-12-31", "2020-05-02")));
    assert_eq!(s.years(), [(2019, 1), (2020, 3)]);
    // Three editions share 2020-05-02: one per paper, in paper order.
    assert_eq!(s.month(2020, 5), [(2, 1), (2, 2), (2, 3)]);
}

#[test]
fn thousands_of_pages_in_linear_time() {
    // 3 papers × 400 days × 6 pages, listed in a scrambled order, articles page by page.
    let mut pages = Vec::new();
    let mut articles = Vec::new();
    for k in 0..7200u32 {
        let j = (k * 7919) % 7200; // a permutation of 0..7200
        let (paper, day, num) = (j % 3, j / 18, (j / 3) % 6 + 1);
        let date = format!(
            "{}-{:02}-{:02}",
            2001 + day / 300,
            day % 300 / 28 + 1,
            day % 28 + 1
        );
        let file = format!("p{k:05}.txt");
        for n in 0..2 {
            articles.push(Article::new(format!("{k}-{n}"), "题", file.as_str()));
        }
        pages.push(page(
            &file,
            Some(["甲", "乙", "丙"][paper as usize]),
            Some(&date),
            Some(&num.to_string()),
        ));
    }
    let a = Archive {
        pages: pages.into_iter().map(Into::into).collect(),
        articles: articles.into_iter().map(Into::into).collect(),
        entities: vec![],
    };
    let t = std::time::Instant::now();
    let s = Shelf::new(&a);
    let built = t.elapsed();
    assert_eq!(s.editions.len(), 1200);
    assert!(s.editions.iter().all(|e| e.end - e.start == 6));
    check_against_oracle(&a);
    // Generous: a quadratic build would take seconds here.
    assert!(built.as_millis() < 500, "{built:?}");
}

#[test]
fn numbers_and_weekdays() {
    for (n, s) in [
        (0, "0"),
        (999, "999"),
        (1000, "1,000"),
        (10294, "10,294"),
        (1234567, "1,234,567"),
    ] {
        assert_eq!(grouped(n), s);
    }
    assert_eq!(page_number(Some("3")), 3);
    assert_eq!(page_number(Some("A3")), 3);
    assert_eq!(page_number(Some("第12版")), 12);
    assert_eq!(page_number(Some("要闻")), page_number(None));
    // Known days: 2021-03-01 a Monday, 2022-01-05 a Wednesday, 2000-02-29 a Tuesday,
    // 1949-10-01 a Saturday.
    assert_eq!(weekday(2021, 3, 1), 0);
    assert_eq!(weekday(2022, 1, 5), 2);
    assert_eq!(weekday(2000, 2, 29), 1);
    assert_eq!(weekday(1949, 10, 1), 5);
    // Each next day is the next weekday, across months and leap years.
    let mut w = weekday(1899, 12, 31);
    for y in 1900..2101 {
        for m in 1..=12 {
            for d in 1..=archive_explorer::archive::date::days_in_month(y, m) {
                let next = weekday(y, m, d);
                assert_eq!(next, (w + 1) % 7, "{y}-{m}-{d}");
                w = next;
            }
        }
    }
}
