//! Browsing the archive like a newspaper: editions (期: one paper on one date), their pages (版)
//! in page order, the articles of each page in reading order, a calendar of editions, and the
//! archive's summary.
//!
//! [`Shelf::new`] builds everything once, in linear time (one radix sort of the pages, one
//! counting pass over the articles); every question after that is a lookup or one linear pass.

use crate::archive::date::parse_iso_date;
use crate::archive::Archive;
use crate::search::sort::sort_by_key;

/// What the browse pane shows (a part of the URL hash, see [`super::route`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Browse {
    /// The calendar: a year (or the first year with editions) and a month (or its first month
    /// with editions). `cal=all`, `cal=2020`, `cal=2020-02`.
    Calendar(Option<i32>, Option<u32>),
    /// One edition: its date (`None`: undated) and paper (`None`: unknown, or the first edition
    /// of that date). `ed=2020-02-05&paper=…`, `ed=undated`.
    Edition(Option<String>, Option<String>),
    /// One page, by its source file. `pg=2020/02/05/3.txt`.
    Page(String),
}

impl Browse {
    /// Reads the browse keys of a hash (`cal`, `ed`, `paper`, `pg`); the page wins over the
    /// edition, the edition over the calendar. Bad values are dropped.
    pub fn decode(
        cal: Option<&str>,
        ed: Option<&str>,
        paper: Option<String>,
        pg: Option<String>,
    ) -> Option<Browse> {
        if let Some(f) = pg.filter(|f| !f.is_empty()) {
            return Some(Browse::Page(f));
        }
        match ed {
            Some("undated") => return Some(Browse::Edition(None, paper)),
            Some(d) if parse_iso_date(d).is_some() => {
                return Some(Browse::Edition(Some(d.to_string()), paper))
            }
            _ => {}
        }
        let c = cal?;
        if c == "all" {
            return Some(Browse::Calendar(None, None));
        }
        let (y, m) = c.split_once('-').unwrap_or((c, ""));
        let year = (y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()))
            .then(|| y.parse::<i32>().ok())
            .flatten()
            .filter(|y| *y >= 1)?;
        let month = match m {
            "" => None,
            m if m.len() == 2 => Some(m.parse::<u32>().ok().filter(|m| (1..=12).contains(m))?),
            _ => return None,
        };
        Some(Browse::Calendar(Some(year), month))
    }

    /// The hash parts, e.g. `["ed=2020-02-05", "paper=…"]`; `enc` percent-encodes a value.
    pub fn encode(&self, enc: impl Fn(&str) -> String) -> Vec<String> {
        match self {
            Browse::Calendar(None, _) => vec!["cal=all".into()],
            Browse::Calendar(Some(y), None) => vec![format!("cal={y:04}")],
            Browse::Calendar(Some(y), Some(m)) => vec![format!("cal={y:04}-{m:02}")],
            Browse::Edition(d, p) => {
                let mut v = vec![format!("ed={}", d.as_deref().unwrap_or("undated"))];
                v.extend(p.as_deref().map(|p| format!("paper={}", enc(p))));
                v
            }
            Browse::Page(f) => vec![format!("pg={}", enc(f))],
        }
    }
}

/// One edition: a paper on a date, and its pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Edition<'a> {
    /// ISO date, when known.
    pub date: Option<&'a str>,
    /// The date as numbers.
    pub ymd: Option<(i32, u32, u32)>,
    /// The paper, when known.
    pub paper: Option<&'a str>,
    /// Its pages: positions `start..end` of [`Shelf::order`].
    pub start: usize,
    /// End (exclusive).
    pub end: usize,
}

/// What the archive holds, for one line on the landing view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Summary<'a> {
    /// Named papers, in order of first appearance.
    pub papers: Vec<&'a str>,
    /// Some page names no paper.
    pub unknown_paper: bool,
    /// First and last date: of the editions, or (when no page is dated) of the articles.
    pub range: Option<(&'a str, &'a str)>,
    /// `range` comes from the articles' dates, not the editions'.
    pub range_of_articles: bool,
    /// Editions (distinct paper and date).
    pub editions: usize,
    /// Pages.
    pub pages: usize,
    /// Articles.
    pub articles: usize,
}

/// The archive arranged as editions and pages.
#[derive(Debug, Clone)]
pub struct Shelf<'a> {
    archive: &'a Archive,
    /// Editions by date (undated last); the same date by paper (in order of first appearance).
    pub editions: Vec<Edition<'a>>,
    /// Page indexes (into `archive.pages`) in reading order: edition by edition, by page number
    /// (pages without a number last, in file order).
    pub order: Vec<usize>,
    /// For each position of `order`, its edition.
    edition_at: Vec<usize>,
    /// For each page index, its position in `order`.
    pos: Vec<usize>,
    /// Articles of page `p`: `arts[art_start[p]..art_start[p + 1]]`, in archive (reading) order.
    art_start: Vec<usize>,
    arts: Vec<usize>,
    summary: Summary<'a>,
}

/// A date as a number that orders like it (fits in 23 bits for years up to 9999).
fn day_number(ymd: Option<(i32, u32, u32)>) -> u64 {
    match ymd {
        Some((y, m, d)) if y >= 0 => (y as u64) << 9 | u64::from(m) << 5 | u64::from(d),
        _ => (1 << 23) - 1,
    }
}

/// A page label's number: its first run of digits (`3`, `A3`, `第3版`); none sorts last.
pub fn page_number(label: Option<&str>) -> u64 {
    let l = label.unwrap_or_default();
    let digits: String = l
        .chars()
        .skip_while(|c| !c.is_ascii_digit())
        .take_while(|c| c.is_ascii_digit())
        .take(6)
        .collect();
    digits.parse().unwrap_or(0xFF_FFFF)
}

impl<'a> Shelf<'a> {
    /// Arranges `archive`: linear in its pages and articles.
    pub fn new(archive: &'a Archive) -> Shelf<'a> {
        let pages = &archive.pages;
        let mut papers: Vec<&str> = Vec::new();
        for p in pages {
            if let Some(name) = p.paper.as_deref() {
                if !papers.contains(&name) {
                    papers.push(name);
                }
            }
        }
        let paper_id = |p: Option<&str>| {
            p.and_then(|n| papers.iter().position(|x| *x == n))
                .map_or(0xFFFF, |i| i.min(0xFFFE) as u64)
        };
        let ymd: Vec<Option<(i32, u32, u32)>> = pages
            .iter()
            .map(|p| p.date.as_deref().and_then(parse_iso_date))
            .collect();
        let mut order: Vec<usize> = (0..pages.len()).collect();
        sort_by_key(&mut order, |&i| {
            let p = &pages[i];
            day_number(ymd[i]) << 40
                | paper_id(p.paper.as_deref()) << 24
                | page_number(p.page.as_deref())
        });
        let mut editions: Vec<Edition> = Vec::new();
        let mut edition_at = Vec::with_capacity(order.len());
        let mut pos = vec![0; pages.len()];
        for (k, &i) in order.iter().enumerate() {
            let p = &pages[i];
            let (date, paper) = (ymd[i].and(p.date.as_deref()), p.paper.as_deref());
            match editions.last_mut() {
                Some(e) if e.date == date && e.paper == paper => e.end = k + 1,
                _ => editions.push(Edition {
                    date,
                    ymd: ymd[i],
                    paper,
                    start: k,
                    end: k + 1,
                }),
            }
            edition_at.push(editions.len() - 1);
            pos[i] = k;
        }
        // The page of each article: articles come in page order, so a cursor finds nearly all;
        // an article out of order costs one scan.
        let mut page_of = Vec::with_capacity(archive.articles.len());
        let mut cur = 0;
        for a in &archive.articles {
            let f = a.source.file.as_str();
            if pages.get(cur).is_none_or(|p| p.file != f) {
                if pages.get(cur + 1).is_some_and(|p| p.file == f) {
                    cur += 1;
                } else if let Some(i) = pages.iter().position(|p| p.file == f) {
                    cur = i;
                }
            }
            page_of.push(pages.get(cur).filter(|p| p.file == f).map(|_| cur));
        }
        // Counting sort of the articles by page (stable: reading order within a page).
        let mut art_start = vec![0; pages.len() + 1];
        for p in page_of.iter().flatten() {
            art_start[p + 1] += 1;
        }
        for i in 0..pages.len() {
            art_start[i + 1] += art_start[i];
        }
        let mut fill = art_start.clone();
        let mut arts = vec![0; art_start[pages.len()]];
        for (a, p) in page_of.iter().enumerate() {
            if let Some(p) = p {
                arts[fill[*p]] = a;
                fill[*p] += 1;
            }
        }
        let dated = || editions.iter().filter_map(|e| e.date);
        let mut range = dated().next().zip(dated().next_back());
        let range_of_articles = range.is_none();
        if range_of_articles {
            for d in archive.articles.iter().filter_map(|a| a.date.as_deref()) {
                if parse_iso_date(d).is_some() {
                    let (lo, hi) = range.unwrap_or((d, d));
                    range = Some((lo.min(d), hi.max(d)));
                }
            }
        }
        let summary = Summary {
            unknown_paper: pages.iter().any(|p| p.paper.is_none()),
            papers,
            range,
            range_of_articles: range_of_articles && range.is_some(),
            editions: editions.len(),
            pages: pages.len(),
            articles: archive.articles.len(),
        };
        Shelf {
            archive,
            editions,
            order,
            edition_at,
            pos,
            art_start,
            arts,
            summary,
        }
    }

    /// The archive.
    pub fn archive(&self) -> &'a Archive {
        self.archive
    }

    /// The summary line's facts.
    pub fn summary(&self) -> &Summary<'a> {
        &self.summary
    }

    /// The articles of page `page` (an index of `archive.pages`), in reading order.
    pub fn articles_of(&self, page: usize) -> &[usize] {
        match (self.art_start.get(page), self.art_start.get(page + 1)) {
            (Some(&s), Some(&e)) => &self.arts[s..e],
            _ => &[],
        }
    }

    /// The page printed from `file`.
    pub fn page_by_file(&self, file: &str) -> Option<usize> {
        self.archive.pages.iter().position(|p| p.file == file)
    }

    /// The edition of page `page`.
    pub fn edition_of(&self, page: usize) -> Option<usize> {
        self.pos
            .get(page)
            .and_then(|k| self.edition_at.get(*k))
            .copied()
    }

    /// The pages before and after `page` in reading order (across editions).
    pub fn prev_next_page(&self, page: usize) -> (Option<usize>, Option<usize>) {
        let Some(&k) = self.pos.get(page) else {
            return (None, None);
        };
        let at = |k: usize| self.order.get(k).copied();
        (k.checked_sub(1).and_then(at), at(k + 1))
    }

    /// The pages of edition `e`, in page order.
    pub fn pages_of(&self, e: usize) -> &[usize] {
        self.editions
            .get(e)
            .map_or(&[], |ed| &self.order[ed.start..ed.end])
    }

    /// The edition of `date` (`None`: undated) and `paper`; without an exact match of the paper,
    /// the first edition of that date.
    pub fn find_edition(&self, date: Option<&str>, paper: Option<&str>) -> Option<usize> {
        let eds = &self.editions;
        eds.iter()
            .position(|e| e.date == date && e.paper == paper)
            .or_else(|| eds.iter().position(|e| e.date == date))
    }

    /// Years with editions, ascending, with their number of editions.
    pub fn years(&self) -> Vec<(i32, usize)> {
        let mut v: Vec<(i32, usize)> = Vec::new();
        for (y, _, _) in self.editions.iter().filter_map(|e| e.ymd) {
            match v.last_mut() {
                Some((ly, n)) if *ly == y => *n += 1,
                _ => v.push((y, 1)),
            }
        }
        v
    }

    /// Editions per month of `year` (index 0 is January).
    pub fn months(&self, year: i32) -> [usize; 12] {
        let mut m = [0; 12];
        for (_, mo, _) in self
            .editions
            .iter()
            .filter_map(|e| e.ymd)
            .filter(|d| d.0 == year)
        {
            m[(mo as usize - 1).min(11)] += 1;
        }
        m
    }

    /// The editions of a month with their day, by day (several papers may share a day).
    pub fn month(&self, year: i32, month: u32) -> Vec<(u32, usize)> {
        let of_month = |e: &Edition| e.ymd.filter(|d| d.0 == year && d.1 == month);
        (0..self.editions.len())
            .filter_map(|i| of_month(&self.editions[i]).map(|d| (d.2, i)))
            .collect()
    }

    /// Undated editions.
    pub fn undated(&self) -> Vec<usize> {
        (0..self.editions.len())
            .filter(|i| self.editions[*i].ymd.is_none())
            .collect()
    }

    /// The year and month a calendar shows for `year`/`month` (either may be unset: the first
    /// year with editions, and its first month with editions). `None` without dated editions.
    pub fn calendar_at(&self, year: Option<i32>, month: Option<u32>) -> Option<(i32, u32)> {
        let years = self.years();
        let y = year.or(years.first().map(|y| y.0))?;
        let m = month.or_else(|| {
            let ms = self.months(y);
            ms.iter().position(|n| *n > 0).map(|i| i as u32 + 1)
        });
        Some((y, m.unwrap_or(1)))
    }
}

/// Day of the week of a date, 0 = Monday … 6 = Sunday (Gregorian).
pub fn weekday(year: i32, month: u32, day: u32) -> u32 {
    const T: [i32; 12] = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
    let y = if month < 3 { year - 1 } else { year };
    let m = (month.clamp(1, 12) - 1) as usize;
    // Sakamoto: 0 = Sunday.
    let w = (y + y / 4 - y / 100 + y / 400 + T[m] + day as i32).rem_euclid(7);
    ((w + 6) % 7) as u32
}

/// `n` with thousands separators: `10294` → `10,294`.
pub fn grouped(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}
