//! A sharded archive: the same search, with the data cut into files fetched on demand.
//!
//! An embedded archive ships every article and builds its index at start-up; past a few thousand
//! articles that is too much to download. A sharded archive ships a small [`Head`] (catalog,
//! tables, chunk manifests) and writes the rest as content-named chunk files:
//!
//! - **postings chunks**: for every character and every pair of adjacent characters of the
//!   folded text, and for every pinyin letter class (the characters one of whose readings
//!   begins with a letter), the articles that contain it (document level, delta + LEB128
//!   varint), sorted by key and cut into chunks of about [`POSTINGS_CHUNK`] bytes;
//! - **text chunks**: the articles themselves, in archive order (page by page, so an edition's
//!   pages sit together), cut at page boundaries into chunks of about [`TEXT_CHUNK`] bytes.
//!
//! A query runs in three steps, each saying which files it needs, so that the browser can fetch
//! them (and show progress) between steps and a native caller can read them from disk:
//!
//! 1. [`Head::plan`] lists the postings chunks that hold the query's keys.
//! 2. [`Head::candidates`] turns those postings into candidate articles: for each positive text
//!    term, the articles holding all of its bigrams (its one character, for one-character
//!    terms), or for a pinyin term any character of its first letter's class (a character
//!    one of whose readings begins with that letter: every character that can begin the term
//!    is one, so the class's one postings list stands in for hundreds); clauses intersect, OR
//!    alternatives unite, `kind:`/`date:` come from the catalog. Candidates are a superset of
//!    the answer, never a subset: every occurrence of a folded term contains its bigrams.
//! 3. [`Head::text_chunks`] lists the text chunks of the candidates, and [`verify`] runs the
//!    ordinary [`Index`] over just those articles, so what matches is decided by the same code
//!    as in an embedded archive: recall and precision are identical.
//!
//! Ranking is BM25 over the candidate articles (idf and average length are those of the
//! candidates, not of the whole archive), so the order can differ slightly from the embedded
//! mode; the set of results cannot.
//!
//! Costs: building is linear in the corpus (each article's distinct keys, then one sort). A
//! query reads `O(terms × characters)` postings chunks, then the text chunks of its
//! candidates.

use std::collections::BTreeMap;
use std::rc::Rc;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::query::{Query, Term};
use crate::{Index, Results, SearchOptions, Tables};
use archive::{Archive, Article, Kind};

/// Target size of a postings chunk, in bytes before compression.
pub const POSTINGS_CHUNK: usize = 64 * 1024;
/// Target size of a text chunk, in bytes before compression (a page or a few: a query fetches
/// the chunks of its candidates, so smaller chunks fetch fewer articles it does not need).
pub const TEXT_CHUNK: usize = 128 * 1024;
/// Articles per id bucket (the files that map an article id of a link to its number).
pub const IDS_PER_BUCKET: usize = 4096;

/// A text chunk: whole pages (their metadata, without the printed lines) and their articles.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct TextChunk {
    /// The pages the articles are on.
    pub pages: Vec<Arc<archive::Page>>,
    /// Articles, in archive order, from [`ChunkRef::first`] on.
    pub articles: Vec<Arc<Article>>,
}

impl TextChunk {
    /// Decodes a fetched text chunk.
    pub fn decode(bytes: &[u8]) -> Result<TextChunk, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// The printed lines of a text chunk's pages (a file of their own: they repeat the text, so a
/// query that only needs the articles does not fetch them).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct LinesChunk {
    /// `(page file, its lines as printed)`, in the text chunk's page order.
    pub pages: Vec<(String, Vec<String>)>,
}

impl LinesChunk {
    /// Decodes a fetched lines chunk.
    pub fn decode(bytes: &[u8]) -> Result<LinesChunk, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// A chunk file: its name (content hash) and the first key (postings) or article (text) in it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ChunkRef {
    /// First key, or first article index.
    pub first: u64,
    /// File name, e.g. `p-0123456789ab.bin`.
    pub name: String,
    /// Size in bytes.
    pub bytes: u32,
}

/// The part of a sharded archive loaded first.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Head {
    /// Folding and pinyin tables of the whole corpus.
    pub tables: Tables,
    /// Postings chunks, by first key.
    pub postings: Vec<ChunkRef>,
    /// Text chunks, by first article.
    pub texts: Vec<ChunkRef>,
    /// The size of all the lines chunks: the printed lines of each text chunk's pages
    /// ([`LinesChunk`], named after it: [`Head::lines_of`]), fetched only when a reader asks
    /// for the page as printed ("对照原版排列").
    pub lines_bytes: u64,
    /// How many articles the archive has.
    pub articles: u32,
    /// The [`Catalog`] file (each article's kind and date), read for `kind:` and `date:` only.
    pub catalog: String,
    /// Id bucket files: `(id, article number)` pairs of the ids whose [`bucket`] is their index.
    pub ids: Vec<String>,
    /// Page bucket files: `(page file, its first article's number)` pairs, by [`bucket`] of the
    /// file name (a link to a page finds its text chunk).
    pub page_files: Vec<String>,
    /// The editions (a paper on a date), in order of first appearance: browsing by date needs
    /// no text until an edition is opened.
    pub editions: Vec<EditionRef>,
    /// What the archive holds, for the landing view's line.
    pub summary: Summary,
}

/// Each article's kind and date, in edition order: what `kind:` and `date:` need without text.
/// Its own file (about a quarter of the head's size otherwise, at 100,000 articles), fetched by
/// the first query that uses them.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Catalog {
    /// Each article's kind.
    pub kinds: Vec<Kind>,
    /// The articles' ISO dates as runs: `(date, how many articles in a row)`.
    pub dates: Vec<(Option<String>, u32)>,
}

impl Catalog {
    /// Decodes a fetched catalog file.
    pub fn decode(bytes: &[u8]) -> Result<Catalog, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// One edition of a sharded archive: which articles hold it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct EditionRef {
    /// ISO date (a valid one), when known.
    pub date: Option<String>,
    /// The paper, when known.
    pub paper: Option<String>,
    /// Its pages.
    pub pages: u32,
    /// Its articles lie in `first..end` of the archive order (with others, when the archive
    /// interleaves editions; an edition without articles has `first == end`).
    pub first: u32,
    /// End (exclusive).
    pub end: u32,
}

/// What an archive holds: papers, dates, editions (a paper on a date), pages, articles.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Summary {
    /// Named papers, in order of first appearance.
    pub papers: Vec<String>,
    /// Some page names no paper.
    pub unknown_paper: bool,
    /// First and last date: of the pages, or (when no page is dated) of the articles.
    pub range: Option<(String, String)>,
    /// `range` comes from the articles' dates.
    pub range_of_articles: bool,
    /// Editions: distinct (paper, date) among the pages.
    pub editions: usize,
    /// Pages.
    pub pages: usize,
    /// Articles.
    pub articles: usize,
}

impl Summary {
    /// Counts an archive (linear in its pages and articles, plus one sort of the editions).
    pub fn of(archive: &Archive) -> Summary {
        let mut papers: Vec<String> = Vec::new();
        let mut seen = std::collections::HashSet::new();
        let mut editions = std::collections::HashSet::new();
        let valid = |d: &str| archive::date::parse_iso_date(d).is_some();
        let mut range: Option<(String, String)> = None;
        fn widen(range: &mut Option<(String, String)>, d: &str) {
            let r = range.get_or_insert_with(|| (d.to_string(), d.to_string()));
            if d < r.0.as_str() {
                r.0 = d.to_string();
            }
            if d > r.1.as_str() {
                r.1 = d.to_string();
            }
        }
        for p in &archive.pages {
            if let Some(n) = p.paper.as_deref() {
                if seen.insert(n) {
                    papers.push(n.to_string());
                }
            }
            let date = p.date.as_deref().filter(|d| valid(d));
            editions.insert((p.paper.as_deref(), date));
            if let Some(d) = date {
                widen(&mut range, d);
            }
        }
        let range_of_articles = range.is_none();
        if range_of_articles {
            for d in archive.articles.iter().filter_map(|a| a.date.as_deref()) {
                if valid(d) {
                    widen(&mut range, d);
                }
            }
        }
        Summary {
            unknown_paper: archive.pages.iter().any(|p| p.paper.is_none()),
            papers,
            range_of_articles: range_of_articles && range.is_some(),
            range,
            editions: editions.len(),
            pages: archive.pages.len(),
            articles: archive.articles.len(),
        }
    }
}

/// The archive in edition order: pages by date (undated last), paper and page number (then as
/// loaded), articles by their page (then as loaded), so that a text chunk holds whole editions
/// and an edition is a few chunks, whatever the order of the files (an archive mixing folder
/// layouts lists one date's pages in several places). Borrowed when already in that order;
/// otherwise a copy without the printed lines and the entities (a sharded build needs
/// neither). Linear apart from two sorts.
pub fn edition_order(archive: &Archive) -> std::borrow::Cow<'_, Archive> {
    use std::borrow::Cow;
    let number = |label: Option<&str>| -> u64 {
        let digits: String = label
            .unwrap_or("")
            .chars()
            .skip_while(|c| !c.is_ascii_digit())
            .take_while(char::is_ascii_digit)
            .take(12)
            .collect();
        digits.parse().unwrap_or(u64::MAX)
    };
    let mut pages: Vec<usize> = (0..archive.pages.len()).collect();
    pages.sort_by_cached_key(|&i| {
        let p = &archive.pages[i];
        let date = p
            .date
            .as_deref()
            .filter(|d| archive::date::parse_iso_date(d).is_some());
        (
            date.is_none(),
            date.unwrap_or("").to_string(),
            p.paper.is_none(),
            p.paper.clone().unwrap_or_default(),
            number(p.page.as_deref()),
            i,
        )
    });
    let mut rank = std::collections::HashMap::with_capacity(pages.len());
    for (r, &i) in pages.iter().enumerate() {
        rank.entry(archive.pages[i].file.as_str()).or_insert(r);
    }
    let mut articles: Vec<usize> = (0..archive.articles.len()).collect();
    articles.sort_by_cached_key(|&i| {
        let f = archive.articles[i].source.file.as_str();
        (rank.get(f).copied().unwrap_or(usize::MAX), i)
    });
    let identity = |v: &[usize]| v.iter().enumerate().all(|(a, b)| a == *b);
    if identity(&pages) && identity(&articles) {
        return Cow::Borrowed(archive);
    }
    Cow::Owned(Archive {
        pages: pages
            .iter()
            .map(|&i| {
                archive::Page {
                    lines: Vec::new(),
                    ..(*archive.pages[i]).clone()
                }
                .into()
            })
            .collect(),
        articles: articles
            .iter()
            .map(|&i| archive.articles[i].clone())
            .collect(),
        entities: Vec::new(),
    })
}

/// The articles' dates as runs of equal dates.
fn date_runs(archive: &Archive) -> Vec<(Option<String>, u32)> {
    let mut runs: Vec<(Option<String>, u32)> = Vec::new();
    for a in &archive.articles {
        match runs.last_mut() {
            Some((d, n)) if *d == a.date => *n += 1,
            _ => runs.push((a.date.clone(), 1)),
        }
    }
    runs
}

/// Which of `buckets` id buckets holds an id.
pub fn bucket(id: &str, buckets: usize) -> usize {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in id.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    (h % buckets.max(1) as u64) as usize
}

/// Decodes a fetched id bucket and finds an id's article number in it.
pub fn find_id(bucket_bytes: &[u8], id: &str) -> Result<Option<u32>, postcard::Error> {
    let pairs: Vec<(String, u32)> = postcard::from_bytes(bucket_bytes)?;
    Ok(pairs.into_iter().find(|(i, _)| i == id).map(|(_, d)| d))
}

impl Head {
    /// How many articles the archive has.
    pub fn len(&self) -> usize {
        self.articles as usize
    }

    /// Whether it has none.
    pub fn is_empty(&self) -> bool {
        self.articles == 0
    }

    /// The id bucket file that holds an id.
    pub fn id_bucket(&self, id: &str) -> Option<&str> {
        self.ids.get(bucket(id, self.ids.len())).map(String::as_str)
    }

    /// The bucket file that holds a page file's first article (read it with [`find_id`]).
    pub fn page_bucket(&self, file: &str) -> Option<&str> {
        self.page_files
            .get(bucket(file, self.page_files.len()))
            .map(String::as_str)
    }

    /// The text chunks holding articles `first..end`.
    pub fn chunks_between(&self, first: u32, end: u32) -> &[ChunkRef] {
        if first >= end {
            return &[];
        }
        let from = self
            .texts
            .partition_point(|c| c.first <= u64::from(first))
            .saturating_sub(1);
        let to = self.texts.partition_point(|c| c.first < u64::from(end));
        self.texts.get(from..to.max(from)).unwrap_or_default()
    }

    /// The edition a reader lands on with no query: the newest dated one with articles (the
    /// last listed among editions of that date), else the last one with articles.
    pub fn newest_edition(&self) -> Option<&EditionRef> {
        let with = || self.editions.iter().filter(|e| e.first < e.end);
        with()
            .filter(|e| e.date.is_some())
            .fold(None, |best: Option<&EditionRef>, e| match best {
                Some(b) if b.date > e.date => Some(b),
                _ => Some(e),
            })
            .or_else(|| with().next_back())
    }

    /// The name of the lines chunk of the text chunk holding article `d` (its pages' lines as
    /// printed).
    pub fn lines_of(&self, d: u32) -> Option<String> {
        let i = self
            .texts
            .partition_point(|c| c.first <= u64::from(d))
            .checked_sub(1)?;
        self.texts.get(i).map(|c| lines_name(&c.name))
    }

    /// Encodes with postcard (the file a sharded build embeds in the app).
    pub fn encode(&self) -> Result<Vec<u8>, postcard::Error> {
        postcard::to_allocvec(self)
    }

    /// Decodes what [`Head::encode`] wrote.
    pub fn decode(bytes: &[u8]) -> Result<Self, postcard::Error> {
        postcard::from_bytes(bytes)
    }
}

/// How a build ships its archive (`ARCHIVE_MODE`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Mode {
    /// Embedded while the encoded archive is at most [`SHARD_BUDGET`] bytes, sharded above.
    #[default]
    Auto,
    /// Always embedded in the app (one file, works from `file://`).
    Embedded,
    /// Always sharded (a head in the app, chunk files fetched on demand).
    Sharded,
}

/// The default budget of the embedded archive, in encoded (postcard) bytes: about 2 MB once
/// brotli-compressed, at the ratio measured on the seed and the generated archives (≈ 3 : 1).
pub const SHARD_BUDGET: usize = 6_000_000;

impl Mode {
    /// Reads `auto`, `embedded` or `sharded` (any case); anything else is `None`.
    pub fn parse(s: &str) -> Option<Mode> {
        match s.trim().to_ascii_lowercase().as_str() {
            "" | "auto" => Some(Mode::Auto),
            "embedded" => Some(Mode::Embedded),
            "sharded" => Some(Mode::Sharded),
            _ => None,
        }
    }

    /// Whether an archive whose embedded encoding is `embedded_bytes` long ships sharded.
    pub fn sharded(self, embedded_bytes: usize, budget: usize) -> bool {
        match self {
            Mode::Auto => embedded_bytes > budget,
            Mode::Embedded => false,
            Mode::Sharded => true,
        }
    }
}

/// A sharded archive as written: the head and the chunk files.
pub struct Sharded {
    /// Loaded first.
    pub head: Head,
    /// `(name, bytes)` of every chunk.
    pub files: Vec<(String, Vec<u8>)>,
}

/// A postings key: one character, or two adjacent characters of one folded text.
fn key(a: char, b: Option<char>) -> u64 {
    ((a as u64) << 32) | b.map_or(0, |b| b as u64 + 1)
}

/// The key of a pinyin letter class: the articles holding a character one of whose readings
/// begins with letter `l` (0 = `a` … 25 = `z`). Above every character's key (code points end at
/// U+10FFFF), so the two never meet.
fn letter_key(l: u32) -> u64 {
    (0x11_0000u64 + u64::from(l)) << 32
}

/// The keys a folded term needs: its bigrams, or its character when it has one.
fn term_keys(folded: &str) -> Vec<u64> {
    let chars: Vec<char> = folded.chars().collect();
    match chars.len() {
        0 => Vec::new(),
        1 => vec![key(chars[0], None)],
        _ => chars.windows(2).map(|w| key(w[0], Some(w[1]))).collect(),
    }
}

/// FNV-1a, 64 bits: names chunk files by content so caches never mix versions. (Not a security
/// hash; a dependency for this would cost more than these lines.)
/// 48 bits of the hash: names stay unique among the few thousand chunks of even a large archive
/// (a clash among 10,000 has odds of about 1 in 5 million), and the head and the service
/// worker list every name.
/// The lines chunk of a text chunk: `t-….bin` → `l-….bin`.
fn lines_name(text: &str) -> String {
    format!("l{}", text.strip_prefix('t').unwrap_or(text))
}

fn content_name(prefix: &str, bytes: &[u8]) -> String {
    format!("{prefix}-{:012x}.bin", content_hash(bytes) >> 16)
}

/// FNV-1a of some bytes (names chunk files and a sharded build's chunk folder).
pub fn content_hash(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in bytes {
        h ^= u64::from(*b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

fn put_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

fn read_docs(bytes: &[u8]) -> Vec<u32> {
    let mut out = Vec::new();
    let (mut cur, mut shift, mut last) = (0u32, 0u32, 0u32);
    for &b in bytes {
        cur |= u32::from(b & 0x7f).checked_shl(shift).unwrap_or(0);
        if b & 0x80 == 0 {
            last = last.wrapping_add(cur);
            out.push(last);
            cur = 0;
            shift = 0;
        } else {
            shift += 7;
        }
    }
    out
}

/// Cuts an archive into a head and chunks, in [`edition_order`] (article numbers in the head
/// and chunks are positions in that order). `tables` are those of the whole archive.
pub fn build(archive: &Archive, tables: &Tables) -> Result<Sharded, postcard::Error> {
    // The printed lines, by page file (the ordered copy leaves them out).
    let printed: std::collections::HashMap<&str, &[String]> = archive
        .pages
        .iter()
        .map(|p| (p.file.as_str(), p.lines.as_slice()))
        .collect();
    let ordered = edition_order(archive);
    let archive: &Archive = &ordered;
    let folder = crate::fold::Folder::new(&tables.fold);
    let pinyin = crate::pinyin::PinyinMap::new(&tables.pinyin);
    // (key, doc) pairs: each article's distinct keys, then one sort.
    let mut pairs: Vec<(u64, u32)> = Vec::new();
    let mut mine: Vec<u64> = Vec::new();
    for (d, a) in archive.articles.iter().enumerate() {
        mine.clear();
        for t in a.texts() {
            let f = folder.fold(&t.text);
            let mut prev: Option<char> = None;
            for c in f.chars() {
                mine.push(key(c, None));
                if let Some(p) = prev {
                    mine.push(key(p, Some(c)));
                }
                prev = Some(c);
            }
        }
        mine.sort_unstable();
        mine.dedup();
        // The pinyin letter classes of its distinct characters (one lookup per character).
        let letters = mine
            .iter()
            .filter(|k| *k & 0xFFFF_FFFF == 0)
            .filter_map(|k| char::from_u32((k >> 32) as u32))
            .fold(0u32, |m, c| m | pinyin.letters(c));
        pairs.extend(mine.iter().map(|k| (*k, d as u32)));
        pairs.extend(
            (0..26)
                .filter(|l| letters & (1 << l) != 0)
                .map(|l| (letter_key(l), d as u32)),
        );
    }
    pairs.sort_unstable();
    let mut files = Vec::new();
    let mut postings = Vec::new();
    let mut chunk: Vec<(u64, Vec<u8>)> = Vec::new();
    let mut size = 0usize;
    let mut flush = |chunk: &mut Vec<(u64, Vec<u8>)>,
                     files: &mut Vec<(String, Vec<u8>)>|
     -> Result<(), postcard::Error> {
        if let Some(first) = chunk.first().map(|c| c.0) {
            let bytes = postcard::to_allocvec(&*chunk)?;
            let name = content_name("p", &bytes);
            postings.push(ChunkRef {
                first,
                name: name.clone(),
                bytes: bytes.len() as u32,
            });
            files.push((name, bytes));
            chunk.clear();
        }
        Ok(())
    };
    for group in pairs.chunk_by(|a, b| a.0 == b.0) {
        let mut enc = Vec::new();
        let mut last = 0u32;
        for &(_, d) in group {
            put_varint(&mut enc, d - last);
            last = d;
        }
        size += enc.len() + 10;
        chunk.push((group[0].0, enc));
        if size >= POSTINGS_CHUNK {
            flush(&mut chunk, &mut files)?;
            size = 0;
        }
    }
    flush(&mut chunk, &mut files)?;

    let mut texts = Vec::new();
    let mut lines_bytes = 0u64;
    let mut start = 0usize;
    let mut size = 0usize;
    let n = archive.articles.len();
    let page_index: std::collections::HashMap<&str, usize> = archive
        .pages
        .iter()
        .enumerate()
        .map(|(i, p)| (p.file.as_str(), i))
        .collect();
    for d in 0..n {
        size += postcard::to_allocvec(&archive.articles[d])?.len();
        let page_ends = archive
            .articles
            .get(d + 1)
            .is_none_or(|next| next.source.file != archive.articles[d].source.file);
        if (size >= TEXT_CHUNK && page_ends) || d + 1 == n {
            let articles = archive.articles[start..=d].to_vec();
            let mut pages: Vec<Arc<archive::Page>> = Vec::new();
            for a in &articles {
                if pages.last().is_some_and(|p| p.file == a.source.file) {
                    continue;
                }
                if let Some(p) = page_index.get(a.source.file.as_str()) {
                    pages.push(
                        archive::Page {
                            lines: Vec::new(),
                            ..(*archive.pages[*p]).clone()
                        }
                        .into(),
                    );
                }
            }
            let printed = LinesChunk {
                pages: pages
                    .iter()
                    .map(|p| {
                        let l = printed.get(p.file.as_str()).copied().unwrap_or_default();
                        (p.file.clone(), l.to_vec())
                    })
                    .collect(),
            };
            let bytes = postcard::to_allocvec(&TextChunk { pages, articles })?;
            let printed = postcard::to_allocvec(&printed)?;
            // One name for both files (their hash together, told apart by the prefix): the
            // head lists the text chunk only, and a change to either renames both.
            let both = [bytes.as_slice(), printed.as_slice()].concat();
            let name = content_name("t", &both);
            lines_bytes += printed.len() as u64;
            files.push((lines_name(&name), printed));
            texts.push(ChunkRef {
                first: start as u64,
                name: name.clone(),
                bytes: bytes.len() as u32,
            });
            files.push((name, bytes));
            start = d + 1;
            size = 0;
        }
    }
    let buckets = n.div_ceil(IDS_PER_BUCKET).max(1);
    let mut by_bucket: Vec<Vec<(String, u32)>> = vec![Vec::new(); buckets];
    for (d, a) in archive.articles.iter().enumerate() {
        by_bucket[bucket(&a.id, buckets)].push((a.id.clone(), d as u32));
    }
    let mut ids = Vec::with_capacity(buckets);
    for b in by_bucket {
        let bytes = postcard::to_allocvec(&b)?;
        let name = content_name("i", &bytes);
        ids.push(name.clone());
        files.push((name, bytes));
    }
    // Pages: a bucket file per 4,096 (file → its first article), and the editions.
    let mut first_of: Vec<Option<u32>> = vec![None; archive.pages.len()];
    for (d, a) in archive.articles.iter().enumerate() {
        if let Some(p) = page_index.get(a.source.file.as_str()) {
            first_of[*p].get_or_insert(d as u32);
        }
    }
    let buckets = archive.pages.len().div_ceil(IDS_PER_BUCKET).max(1);
    let mut by_bucket: Vec<Vec<(String, u32)>> = vec![Vec::new(); buckets];
    for (p, first) in archive.pages.iter().zip(&first_of) {
        if let Some(d) = first {
            by_bucket[bucket(&p.file, buckets)].push((p.file.clone(), *d));
        }
    }
    let mut page_files = Vec::with_capacity(buckets);
    for b in by_bucket {
        let bytes = postcard::to_allocvec(&b)?;
        let name = content_name("g", &bytes);
        page_files.push(name.clone());
        files.push((name, bytes));
    }
    let mut editions: Vec<EditionRef> = Vec::new();
    let mut edition_of: std::collections::HashMap<(Option<&str>, Option<&str>), usize> =
        std::collections::HashMap::new();
    let mut page_edition = Vec::with_capacity(archive.pages.len());
    for p in &archive.pages {
        let date = p
            .date
            .as_deref()
            .filter(|d| archive::date::parse_iso_date(d).is_some());
        let e = *edition_of
            .entry((p.paper.as_deref(), date))
            .or_insert_with(|| {
                editions.push(EditionRef {
                    date: date.map(str::to_string),
                    paper: p.paper.clone(),
                    pages: 0,
                    first: u32::MAX,
                    end: 0,
                });
                editions.len() - 1
            });
        editions[e].pages += 1;
        page_edition.push(e);
    }
    for (d, a) in archive.articles.iter().enumerate() {
        if let Some(p) = page_index.get(a.source.file.as_str()) {
            let e = &mut editions[page_edition[*p]];
            e.first = e.first.min(d as u32);
            e.end = e.end.max(d as u32 + 1);
        }
    }
    for e in &mut editions {
        e.first = e.first.min(e.end);
    }
    let bytes = postcard::to_allocvec(&Catalog {
        kinds: archive.articles.iter().map(|a| a.kind).collect(),
        dates: date_runs(archive),
    })?;
    let catalog = content_name("c", &bytes);
    files.push((catalog.clone(), bytes));
    Ok(Sharded {
        head: Head {
            page_files,
            editions,
            tables: tables.clone(),
            postings,
            texts,
            lines_bytes,
            articles: archive.articles.len() as u32,
            catalog,
            ids,
            summary: Summary::of(archive),
        },
        files,
    })
}

/// The postings keys of one text term: articles holding every key of `all` (the term's
/// bigrams, or its one character), or any key of `any` (its pinyin's letter class).
#[derive(Debug, Clone, Default)]
struct TermKeys {
    all: Vec<u64>,
    any: Vec<u64>,
}

/// What a query needs from the postings: its keys, by term.
#[derive(Debug, Clone)]
pub struct Plan {
    /// Per clause (negated?), per alternative: its keys (`None`: the catalog decides).
    keys: Vec<(bool, Vec<Option<TermKeys>>)>,
    /// Postings chunks to read.
    pub chunks: Vec<String>,
    /// The query has `kind:` or `date:` terms: [`Head::candidates`] needs the [`Catalog`].
    pub catalog: bool,
}

impl Plan {
    /// Every postings key the plan needs, ascending.
    pub fn keys(&self) -> Vec<u64> {
        let mut want: Vec<u64> = self
            .keys
            .iter()
            .flat_map(|(_, alts)| alts.iter().flatten())
            .flat_map(|k| k.all.iter().chain(&k.any).copied())
            .collect();
        want.sort_unstable();
        want.dedup();
        want
    }
}

/// Postings read from chunks: key → articles (shared: a caller may keep them decoded for the
/// next query, as the browser's worker does).
pub type Postings = BTreeMap<u64, Rc<[u32]>>;

impl Head {
    /// Which postings chunks a query needs.
    pub fn plan(&self, q: &Query) -> Plan {
        let folder = crate::fold::Folder::new(&self.tables.fold);
        let mut all: Vec<u64> = Vec::new();
        let keys = q
            .clauses
            .iter()
            .map(|c| {
                let alts = c
                    .alternatives
                    .iter()
                    .map(|t| match t {
                        Term::Text {
                            raw, pinyin: py, ..
                        } => {
                            let mut k = TermKeys {
                                all: term_keys(&folder.fold(raw)),
                                any: Vec::new(),
                            };
                            // A pinyin term: the articles holding a character that can begin it
                            // are among those of its first letter's class (one list, where the
                            // characters that can begin it have hundreds).
                            let first = py
                                .as_deref()
                                .filter(|pk| pk.len() >= 2)
                                .and_then(|pk| pk.bytes().next())
                                .filter(u8::is_ascii_lowercase);
                            if let Some(b) = first {
                                k.any = vec![letter_key(u32::from(b - b'a'))];
                            }
                            all.extend(k.all.iter().chain(&k.any));
                            Some(k)
                        }
                        _ => None,
                    })
                    .collect();
                (c.negated, alts)
            })
            .collect();
        all.sort_unstable();
        all.dedup();
        let chunks = self.chunks_for(&all);
        let catalog = q.clauses.iter().any(|c| {
            c.alternatives
                .iter()
                .any(|t| matches!(t, Term::Kind(_) | Term::Date(_)))
        });
        Plan {
            keys,
            chunks,
            catalog,
        }
    }

    /// The postings chunks holding these keys (ascending keys: each chunk once).
    pub fn chunks_for(&self, keys: &[u64]) -> Vec<String> {
        let mut chunks: Vec<String> = Vec::new();
        for &k in keys {
            let i = self.postings.partition_point(|c| c.first <= k);
            if let Some(c) = i.checked_sub(1).and_then(|i| self.postings.get(i)) {
                if chunks.last() != Some(&c.name) {
                    chunks.push(c.name.clone());
                }
            }
        }
        chunks.dedup();
        chunks
    }

    /// Reads postings chunks (as fetched) into a map of the keys a plan needs.
    pub fn read_postings(plan: &Plan, chunks: &[&[u8]]) -> Result<Postings, postcard::Error> {
        let mut out = Postings::new();
        Self::read_postings_into(&plan.keys(), chunks, &mut out)?;
        Ok(out)
    }

    /// Decodes the postings of `keys` (ascending) from chunks into `out`, skipping the keys
    /// already there (kept from an earlier query).
    pub fn read_postings_into(
        keys: &[u64],
        chunks: &[&[u8]],
        out: &mut Postings,
    ) -> Result<(), postcard::Error> {
        for bytes in chunks {
            // Borrowed: the entries a plan does not want cost no allocation.
            let entries: Vec<(u64, &[u8])> = postcard::from_bytes(bytes)?;
            for (k, enc) in entries {
                if keys.binary_search(&k).is_ok() && !out.contains_key(&k) {
                    out.insert(k, read_docs(enc).into());
                }
            }
        }
        Ok(())
    }

    /// Candidate articles of a query (ascending), from its postings and the catalog (without
    /// it, `kind:` and `date:` narrow nothing): a superset of the articles that match.
    pub fn candidates(
        &self,
        q: &Query,
        plan: &Plan,
        postings: &Postings,
        catalog: Option<&Catalog>,
    ) -> Vec<u32> {
        let n = self.len();
        let mut keep = vec![true; n];
        for (clause, (negated, alts)) in q.clauses.iter().zip(&plan.keys) {
            if *negated {
                continue; // verification decides exclusions
            }
            let mut sat = vec![false; n];
            for (term, keys) in clause.alternatives.iter().zip(alts) {
                match (term, keys) {
                    (Term::Kind(_) | Term::Date(_), _) if catalog.is_none() => {
                        sat.iter_mut().for_each(|s| *s = true)
                    }
                    (Term::Kind(k), _) => {
                        for (s, e) in sat.iter_mut().zip(catalog.iter().flat_map(|c| &c.kinds)) {
                            *s |= *e == *k;
                        }
                    }
                    (Term::Date(r), _) => {
                        let mut at = 0usize;
                        for (date, run) in catalog.iter().flat_map(|c| &c.dates) {
                            let end = (at + *run as usize).min(n);
                            if date.as_deref().is_some_and(|x| r.contains(x)) {
                                sat[at..end].iter_mut().for_each(|s| *s = true);
                            }
                            at = end;
                        }
                    }
                    (_, Some(keys)) => {
                        mark_term_docs(keys, postings, &mut sat);
                    }
                    (_, None) => sat.iter_mut().for_each(|s| *s = true),
                }
            }
            for (k, s) in keep.iter_mut().zip(sat) {
                *k &= s;
            }
        }
        (0..n as u32).filter(|d| keep[*d as usize]).collect()
    }

    /// Whether the query has a text term. Without one (`kind:`, `date:` only) the candidates
    /// are the answer and no text needs fetching.
    pub fn needs_text(q: &Query) -> bool {
        q.clauses.iter().any(|c| {
            c.alternatives
                .iter()
                .any(|t| matches!(t, Term::Text { .. }))
        })
    }

    /// The text chunks that hold these articles, each once, in order. For ascending articles
    /// (candidates are) one binary search per chunk, over the articles it holds:
    /// `O(chunks × log articles)`, not one search per article (a broad query at 100,000
    /// articles has tens of thousands of candidates and 3,000 chunks).
    pub fn text_chunks(&self, docs: &[u32]) -> Vec<&ChunkRef> {
        let chunk_of = |d: u32| self.texts.partition_point(|c| c.first <= u64::from(d));
        let mut out: Vec<&ChunkRef> = Vec::new();
        if !docs.windows(2).all(|w| w[0] <= w[1]) {
            let mut last = None;
            for &d in docs {
                let i = chunk_of(d).checked_sub(1);
                if let Some(c) = i.and_then(|i| self.texts.get(i)).filter(|_| last != i) {
                    out.push(c);
                    last = i;
                }
            }
            return out;
        }
        let mut rest = docs;
        while let Some(&d) = rest.first() {
            // `next`: the first chunk after the one holding `d`.
            let next = chunk_of(d);
            if let Some(c) = next.checked_sub(1).and_then(|i| self.texts.get(i)) {
                out.push(c);
            }
            match self.texts.get(next) {
                Some(n) => {
                    let k = rest.partition_point(|&x| u64::from(x) < n.first);
                    rest = &rest[k.max(1)..];
                }
                None => break,
            }
        }
        out
    }
}

/// Marks the articles holding a term in `sat`: the AND of its `all` postings, united with
/// its `any` postings (a pinyin key's letter class, marked one by one, linear in its length). A key missing from the postings is in no article.
fn mark_term_docs(keys: &TermKeys, postings: &Postings, sat: &mut [bool]) {
    let lists: Option<Vec<&[u32]>> = keys
        .all
        .iter()
        .map(|k| postings.get(k).map(|l| &l[..]))
        .collect();
    if let Some(mut lists) = lists.filter(|l| !l.is_empty()) {
        lists.sort_by_key(|l| l.len());
        let mut out = lists[0].to_vec();
        for l in &lists[1..] {
            out.retain(|d| l.binary_search(d).is_ok());
        }
        for d in out {
            if let Some(s) = sat.get_mut(d as usize) {
                *s = true;
            }
        }
    }
    for k in &keys.any {
        for &d in postings.get(k).into_iter().flat_map(|l| l.iter()) {
            if let Some(s) = sat.get_mut(d as usize) {
                *s = true;
            }
        }
    }
}

/// Runs the query over the candidate articles (decoded from their text chunks) with the
/// ordinary index: the results' `doc` fields are positions in the returned article list, whose
/// ids identify them.
pub fn verify(
    head: &Head,
    q: &Query,
    candidates: &[u32],
    chunks: &[(&ChunkRef, &[u8])],
    opts: &SearchOptions,
) -> Result<(Index, Results), postcard::Error> {
    let mut articles: Vec<Arc<Article>> = Vec::with_capacity(candidates.len());
    let mut ci = 0usize;
    for (c, bytes) in chunks {
        let decoded = TextChunk::decode(bytes)?.articles;
        let first = c.first as usize;
        while let Some(&d) = candidates.get(ci) {
            let Some(a) = (d as usize).checked_sub(first).and_then(|i| decoded.get(i)) else {
                break;
            };
            articles.push(a.clone());
            ci += 1;
        }
    }
    let ix = Index::new(
        Archive {
            pages: Vec::new(),
            articles,
            entities: Vec::new(),
        },
        &head.tables,
    );
    let r = ix.search(q, opts);
    Ok((ix, r))
}

/// One text chunk, decoded and indexed for search.
pub struct ChunkIndex {
    /// Its first article's number.
    pub first: u32,
    /// Its pages and articles, indexed.
    pub index: Index,
}

impl ChunkIndex {
    /// Decodes and indexes a fetched text chunk, with character postings however short it
    /// is: a chunk index is kept and searched by many queries (a pinyin key, which can begin
    /// with hundreds of characters, then visits their occurrences instead of every character).
    pub fn new(head: &Head, chunk: &ChunkRef, bytes: &[u8]) -> Result<ChunkIndex, postcard::Error> {
        let TextChunk { pages, articles } = TextChunk::decode(bytes)?;
        let mut index = Index::new(
            Archive {
                pages,
                articles,
                entities: Vec::new(),
            },
            &head.tables,
        );
        index.build_postings();
        Ok(ChunkIndex {
            first: chunk.first as u32,
            index,
        })
    }
}

/// Verifies a query's candidates one text chunk at a time, keeping the articles that match, so
/// that a caller can show results (and progress) while the other chunks are still on their way.
/// Each chunk's candidates are searched with the ordinary [`Index`], as in [`verify`]: what
/// matches is decided per article, so the union over chunks is the embedded answer.
pub struct Verifier {
    query: Query,
    candidates: Vec<u32>,
    /// Candidates checked so far.
    pub checked: usize,
    /// The matching articles found so far, in archive order within each chunk.
    pub found: Vec<Arc<Article>>,
    /// The pages of the found articles.
    pub pages: Vec<Arc<archive::Page>>,
}

impl Verifier {
    /// Starts verifying `candidates` (ascending) against `query`.
    pub fn new(query: Query, candidates: Vec<u32>) -> Verifier {
        Verifier {
            query,
            candidates,
            checked: 0,
            found: Vec::new(),
            pages: Vec::new(),
        }
    }

    /// How many candidates there are in all.
    pub fn total(&self) -> usize {
        self.candidates.len()
    }

    /// Verifies the candidates held in one text chunk (as fetched); returns how many matched.
    pub fn add_chunk(
        &mut self,
        head: &Head,
        chunk: &ChunkRef,
        bytes: &[u8],
    ) -> Result<usize, postcard::Error> {
        Ok(self.add_index(&ChunkIndex::new(head, chunk, bytes)?))
    }

    /// Verifies the candidates of one chunk, indexed (a browser keeps recent ones, so a query
    /// over chunks it has seen costs one search per chunk). The search runs over every article
    /// of the chunk: what matches there is exactly the chunk's part of the answer.
    pub fn add_index(&mut self, c: &ChunkIndex) -> usize {
        let first = c.first as usize;
        let n_articles = c.index.len();
        let from = self.candidates.partition_point(|d| (*d as usize) < first);
        let to = self
            .candidates
            .partition_point(|d| (*d as usize) < first + n_articles);
        self.checked += to - from;
        if from == to {
            return 0;
        }
        let opts = SearchOptions {
            limit: 0,
            ..Default::default()
        };
        let mut hits: Vec<usize> = c
            .index
            .search(&self.query, &opts)
            .order
            .iter()
            .map(|o| o.0)
            .collect();
        crate::sort::sort_by_key(&mut hits, |d| *d as u64);
        let n = hits.len();
        let archive = c.index.archive();
        for d in hits {
            if let Some(a) = archive.articles.get(d) {
                if let Some(p) = archive.pages.iter().find(|p| p.file == a.source.file) {
                    if self.pages.last().is_none_or(|l| l.file != p.file) {
                        self.pages.push(p.clone());
                    }
                }
                self.found.push(a.clone());
            }
        }
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_landing_edition_is_the_newest_dated_one_with_articles() {
        let ed = |date: Option<&str>, first, end| EditionRef {
            date: date.map(str::to_string),
            paper: None,
            pages: 1,
            first,
            end,
        };
        let mut h = Head {
            // Out of date order (a source folder listed oddly), one without articles, one
            // undated, two papers on the newest date.
            editions: vec![
                ed(Some("2020-03-02"), 0, 10),
                ed(Some("2020-03-09"), 10, 20),
                ed(Some("2020-03-09"), 20, 25),
                ed(Some("2020-03-10"), 25, 25),
                ed(Some("2020-03-01"), 25, 30),
                ed(None, 30, 31),
            ],
            ..Head::default()
        };
        assert_eq!(h.newest_edition().map(|e| (e.first, e.end)), Some((20, 25)));
        // No dates: the last edition with articles.
        for e in &mut h.editions {
            e.date = None;
        }
        assert_eq!(h.newest_edition().map(|e| (e.first, e.end)), Some((30, 31)));
        h.editions.clear();
        assert_eq!(h.newest_edition(), None);
    }

    #[test]
    fn mode_parses_and_decides_by_budget() {
        assert_eq!(Mode::parse("Sharded"), Some(Mode::Sharded));
        assert_eq!(Mode::parse(" embedded "), Some(Mode::Embedded));
        assert_eq!(Mode::parse(""), Some(Mode::Auto));
        assert_eq!(Mode::parse("shard"), None);
        assert!(!Mode::Auto.sharded(100, 100));
        assert!(Mode::Auto.sharded(101, 100));
        assert!(Mode::Sharded.sharded(0, 100));
        assert!(!Mode::Embedded.sharded(usize::MAX, 100));
    }
}
