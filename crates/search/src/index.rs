//! The in-memory index: every searchable text of every article, folded once, in one string
//! per segment.
//!
//! All units (title, kicker, subtitle, byline, intertitles, paragraphs…) of a run of articles
//! are folded and concatenated with `\n` between them. Folded text never contains whitespace,
//! so no match can cross a unit, and a substring search over each segment (through its
//! character postings) finds everything. An index built at once has one segment; one grown
//! ([`Index::with_more`]) shares its segments with the index it grew from.

use std::borrow::Cow;

use super::fold::{Folded, Folder};
use super::pinyin::PinyinMap;
use std::sync::Arc;

use super::Tables;
use archive::{Archive, Article};

pub use archive::Field;

/// One searchable text.
#[derive(Debug, Clone)]
pub(crate) struct Unit {
    /// Its article (index into `archive.articles`).
    pub doc: u32,
    /// Its field.
    pub field: Field,
    /// Position within the field (paragraph number…).
    pub index: u32,
    /// Start of its folded text in its segment's text.
    pub start: u32,
    /// The map from its folded text to the original (the folded text itself is in the
    /// segment's text, from `start`, `folded.len()` bytes).
    pub folded: Folded,
    /// `folded` maps 1:1 onto the original (the common case: no translation needed).
    pub identity: bool,
}

/// Per-article facts used by filters and ranking.
#[derive(Debug, Clone)]
pub(crate) struct Doc {
    /// Folded length in characters (for BM25 length normalization).
    pub len: u32,
}

/// The folded texts of a run of consecutive articles, with their character postings. An index
/// built at once has one; an index grown ([`Index::with_more`]) shares its segments with the one
/// it grew from and adds one, so growing costs what is added, not what was there.
#[derive(Debug)]
pub(crate) struct Segment {
    /// The number of its first unit in the index (units are numbered across segments).
    pub first_unit: u32,
    /// Where its text starts in the text of the whole index (the segments' texts in order).
    pub base: usize,
    /// Its units' folded texts joined by `\n`.
    pub text: String,
    /// Where each character of `text` occurs.
    pub postings: super::postings::Postings,
    /// Its units in order; `start` is within `text`.
    pub units: Vec<Unit>,
    /// `units[i].start`, packed for the search's lookups.
    pub unit_starts: Vec<u32>,
}

impl Segment {
    /// A segment over `articles` (the first being article `first`, its first unit `first_unit`),
    /// with character postings however short its text is when `posted` (else only from
    /// [`super::postings::SCAN_BELOW`] on).
    fn new(
        folder: &Folder,
        articles: &[Arc<Article>],
        (first, first_unit, base): (usize, u32, usize),
        posted: bool,
        docs: &mut Vec<Doc>,
    ) -> Segment {
        let (mut text, mut units) = (String::new(), Vec::new());
        push_units(folder, articles, first, &mut text, &mut units, docs);
        let postings = if posted {
            super::postings::Postings::build(&text)
        } else {
            super::postings::Postings::new(&text)
        };
        let unit_starts = units.iter().map(|u| u.start).collect();
        Segment {
            first_unit,
            base,
            text,
            postings,
            units,
            unit_starts,
        }
    }

    /// This segment followed by `next` (which starts where it ends), as one: the texts and
    /// postings of both are copied, not folded or indexed again.
    fn merged(&self, next: &Segment) -> Segment {
        let from = self.text.len();
        let mut text = String::with_capacity(from + next.text.len());
        text.push_str(&self.text);
        text.push_str(&next.text);
        let mut units = Vec::with_capacity(self.units.len() + next.units.len());
        units.extend(self.units.iter().cloned());
        units.extend(next.units.iter().map(|u| Unit {
            start: u.start + from as u32,
            ..u.clone()
        }));
        // Both built (a grown index's segments are): their positions are copied, not found
        // again in the text.
        let postings = self
            .postings
            .concat(&next.postings, from)
            .unwrap_or_else(|| self.postings.extended(&text, from));
        let unit_starts = units.iter().map(|u| u.start).collect();
        Segment {
            first_unit: self.first_unit,
            base: self.base,
            text,
            postings,
            units,
            unit_starts,
        }
    }
}

/// An index grown piece by piece merges its last segments while the last is no larger than
/// the one added and the two hold at most this much folded text together: a growth copies at
/// most this much of what was there, and an index of `n` bytes has about `n / SEGMENT_CAP`
/// segments plus a few small ones (as a binary counter has).
const SEGMENT_CAP: usize = 1 << 20;

/// The searchable archive.
///
/// Its fields are private: callers parse with [`Index::parse`], search with [`Index::search`]
/// and read articles with [`Index::archive`] and [`Index::article`].
pub struct Index {
    /// The articles.
    pub(crate) archive: Archive,
    /// Folding (shared by the indexes built from this one: see [`Index::anew`]).
    pub(crate) folder: Arc<Folder>,
    /// Pinyin (shared likewise).
    pub(crate) pinyin: Arc<PinyinMap>,
    /// The folded texts, in article order, in segments shared with the indexes grown from this
    /// one (see [`Segment`]).
    pub(crate) segs: Vec<Arc<Segment>>,
    /// One per article.
    pub(crate) docs: Vec<Doc>,
    /// The sum of the articles' folded lengths.
    total_len: u64,
    /// Mean folded length.
    pub(crate) avg_len: f32,
}

impl Index {
    /// Builds the index.
    pub fn new(archive: Archive, tables: &Tables) -> Index {
        Self::with_lookups(
            archive,
            Arc::new(Folder::new(&tables.fold)),
            Arc::new(PinyinMap::new(&tables.pinyin)),
        )
    }

    /// The index [`Index::new`] builds over `archive` with the tables this one was built
    /// with, sharing this one's folding and pinyin lookups instead of building them again
    /// from the tables (tens of kilobytes of maps: a sharded page builds an index over each
    /// new query's first results).
    pub fn anew(&self, archive: Archive) -> Index {
        Self::with_lookups(archive, self.folder.clone(), self.pinyin.clone())
    }

    fn with_lookups(archive: Archive, folder: Arc<Folder>, pinyin: Arc<PinyinMap>) -> Index {
        let mut docs = Vec::with_capacity(archive.articles.len());
        let seg = Segment::new(&folder, &archive.articles, (0, 0, 0), false, &mut docs);
        let total_len = total_len(&docs);
        Index {
            archive,
            folder,
            pinyin,
            segs: vec![Arc::new(seg)],
            avg_len: avg_len(total_len, docs.len()),
            total_len,
            docs,
        }
    }

    /// This index with `pages` and `articles` added after its own: the index [`Index::new`]
    /// builds over all of them finds the same, with the same scores. Only the new texts are
    /// folded and indexed; the segments, articles and pages of this index are shared, not
    /// copied (what is copied is a pointer per article and page, and a length per article).
    /// A sharded page grows its index this way as a query's results stream in.
    pub fn with_more(&self, pages: Vec<Arc<archive::Page>>, articles: Vec<Arc<Article>>) -> Index {
        self.grown(pages, articles, SEGMENT_CAP)
    }

    /// [`Index::with_more`] without merging segments: the articles added are a segment of
    /// their own, and the merges [`Index::with_more`] would do are left for
    /// [`Index::merged_once`], one at a time. A page growing its index a task at a time sizes
    /// each step by what building costs; a merge (which copies up to a megabyte of what was
    /// there) would make some steps several times longer than others.
    pub fn with_more_unmerged(
        &self,
        pages: Vec<Arc<archive::Page>>,
        articles: Vec<Arc<Article>>,
    ) -> Index {
        self.grown(pages, articles, 0)
    }

    /// This index with its last two segments merged, when [`Index::with_more`] would have
    /// merged them (the one before the last is no larger than the last, and the two hold at
    /// most [`SEGMENT_CAP`] bytes of text); `None` when no merge is due. It finds the same; what it costs is the copy of the two
    /// segments (a megabyte of text at most).
    pub fn merged_once(&self) -> Option<Index> {
        let [.., a, b] = &self.segs[..] else {
            return None;
        };
        if !(a.text.len() <= b.text.len() && a.text.len() + b.text.len() <= SEGMENT_CAP) {
            return None;
        }
        let mut segs = self.segs[..self.segs.len() - 2].to_vec();
        segs.push(Arc::new(a.merged(b)));
        Some(Index {
            archive: Archive {
                pages: self.archive.pages.clone(),
                articles: self.archive.articles.clone(),
                entities: self.archive.entities.clone(),
            },
            folder: self.folder.clone(),
            pinyin: self.pinyin.clone(),
            segs,
            docs: self.docs.clone(),
            total_len: self.total_len,
            avg_len: self.avg_len,
        })
    }

    /// [`Index::with_more`], merging segments up to `cap` bytes of text.
    fn grown(
        &self,
        pages: Vec<Arc<archive::Page>>,
        articles: Vec<Arc<Article>>,
        cap: usize,
    ) -> Index {
        let mut docs = self.docs.clone();
        let first = self.archive.articles.len();
        let last = self.segs.last();
        let (first_unit, base) = last.map_or((0, 0), |s| {
            (s.first_unit + s.units.len() as u32, s.base + s.text.len())
        });
        // Always with postings: what a step costs is then in proportion to its text (a
        // page adds a long answer a step at a time, sized by the last steps' cost), and
        // every segment is searched the same way.
        let mut seg = Segment::new(
            &self.folder,
            &articles,
            (first, first_unit, base),
            true,
            &mut docs,
        );
        let mut segs = self.segs.clone();
        while let Some(last) = segs.last().filter(|_| !articles.is_empty()) {
            let small =
                last.text.len() <= seg.text.len() && last.text.len() + seg.text.len() <= cap;
            if !small {
                break;
            }
            seg = last.merged(&seg);
            segs.pop();
        }
        if !articles.is_empty() {
            segs.push(Arc::new(seg));
        }
        let mut archive = Archive {
            pages: self.archive.pages.clone(),
            articles: self.archive.articles.clone(),
            entities: self.archive.entities.clone(),
        };
        archive.pages.extend(pages);
        archive.articles.extend(articles);
        let total_len = self.total_len + total_len(&docs[first..]);
        Index {
            archive,
            folder: self.folder.clone(),
            pinyin: self.pinyin.clone(),
            segs,
            avg_len: avg_len(total_len, docs.len()),
            total_len,
            docs,
        }
    }

    /// The unit numbered `g` (numbers run across segments), with its segment.
    fn unit_in(&self, g: u32) -> (&Segment, &Unit) {
        let s = self.segs.partition_point(|s| s.first_unit <= g).max(1) - 1;
        let seg = &self.segs[s];
        (seg, &seg.units[(g - seg.first_unit) as usize])
    }

    /// The unit numbered `g` (numbers run across segments).
    pub(crate) fn unit(&self, g: u32) -> &Unit {
        self.unit_in(g).1
    }

    /// The folded text of unit `g`.
    pub(crate) fn unit_text(&self, g: u32) -> &str {
        let (seg, u) = self.unit_in(g);
        let s = u.start as usize;
        seg.text.get(s..s + u.folded.len()).unwrap_or_default()
    }

    /// Parses a query the way this index reads it: adjacent Latin words that spell pinyin
    /// syllables of this corpus are merged into one pinyin term (`zhang jian dang`).
    pub fn parse(&self, input: &str) -> crate::Query {
        crate::query::parse_with(input, &|w| self.pinyin.is_syllables(w))
    }

    /// The main reading of each character of `text` (`张建党` → `zhang`, `jian`, `dang`), or
    /// `None` when a character has none in this corpus's table (Latin, digits, marks).
    pub fn readings(&self, text: &str) -> Option<Vec<&str>> {
        text.chars().map(|c| self.pinyin.main_reading(c)).collect()
    }

    /// The archive it searches.
    pub fn archive(&self) -> &Archive {
        &self.archive
    }

    /// An article by its stable id, with its position in `archive().articles`.
    pub fn article(&self, id: &str) -> Option<(usize, &Article)> {
        self.archive
            .articles
            .iter()
            .enumerate()
            .find(|(_, a)| a.id == id)
            .map(|(i, a)| (i, &**a))
    }

    /// Folds a text as the index folded its corpus (width, case, traditional → simplified…).
    pub fn fold(&self, text: &str) -> String {
        self.folder.fold(text)
    }

    /// Number of articles.
    pub fn len(&self) -> usize {
        self.docs.len()
    }

    /// Whether the archive has no article.
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Heap bytes held by the character postings (for benchmarks).
    pub fn postings_bytes(&self) -> usize {
        self.segs.iter().map(|s| s.postings.heap_bytes()).sum()
    }

    /// Builds character postings even for a text short enough to be read instead (for tests
    /// that compare the two ways, and benchmarks).
    #[doc(hidden)]
    pub fn build_postings(&mut self) {
        for s in &mut self.segs {
            let p = super::postings::Postings::build(&s.text);
            match Arc::get_mut(s) {
                Some(s) => s.postings = p,
                None => {
                    *s = Arc::new(Segment {
                        first_unit: s.first_unit,
                        base: s.base,
                        text: s.text.clone(),
                        postings: p,
                        units: s.units.clone(),
                        unit_starts: s.unit_starts.clone(),
                    })
                }
            }
        }
    }

    /// Whether the index has character postings (`false`: a short text, read by a search).
    pub fn has_postings(&self) -> bool {
        self.segs.iter().all(|s| s.postings.is_built())
    }

    /// How many segments its texts are in (see [`Index::with_more`]; for benchmarks).
    pub fn segments(&self) -> usize {
        self.segs.len()
    }

    /// The original text of a unit.
    pub(crate) fn unit_source(&self, u: &Unit) -> Cow<'_, str> {
        let a = &self.archive.articles[u.doc as usize];
        source_text(a, u.field, u.index).unwrap_or_default()
    }
}

/// The original text of a unit (see [`archive::Article::text`]).
pub fn source_text(a: &Article, field: Field, index: u32) -> Option<Cow<'_, str>> {
    a.text(field, index)
}

/// Folds the texts of `articles` (the first being article `first`) into `text`, `units` and
/// `docs`.
fn push_units(
    folder: &Folder,
    articles: &[Arc<Article>],
    first: usize,
    text: &mut String,
    units: &mut Vec<Unit>,
    docs: &mut Vec<Doc>,
) {
    for (d, a) in articles.iter().enumerate() {
        let mut len = 0u32;
        for archive::Text {
            field,
            index,
            text: t,
        } in a.texts()
        {
            let mut folded = folder.fold_mapped(&t);
            len += folded.text.chars().count() as u32;
            let start = text.len() as u32;
            // The text goes into the segment's, once (the unit keeps its map).
            text.push_str(&folded.take_text());
            text.push('\n');
            let identity = folded.is_identity();
            units.push(Unit {
                doc: (first + d) as u32,
                field,
                index,
                start,
                folded,
                identity,
            });
        }
        docs.push(Doc { len });
    }
}

/// The sum of the folded lengths of `docs`.
fn total_len(docs: &[Doc]) -> u64 {
    docs.iter().map(|d| u64::from(d.len)).sum()
}

/// The mean folded length of `n` articles of `total` characters (at least 1).
fn avg_len(total: u64, n: usize) -> f32 {
    if n == 0 {
        1.0
    } else {
        (total as f64 / n as f64).max(1.0) as f32
    }
}

#[cfg(all(test, feature = "tables"))]
mod tests {
    use crate::testing::{article, index, reporter};
    use crate::SearchOptions;
    use archive::Archive;

    fn ids(ix: &super::Index, q: &str) -> Vec<String> {
        let r = ix.search(&ix.parse(q), &SearchOptions::default());
        let mut v: Vec<String> = r
            .order
            .iter()
            .map(|(d, _)| ix.archive().articles[*d].id.clone())
            .collect();
        v.sort();
        v
    }

    /// Readings come from the corpus table: every Han character of the corpus has one (its
    /// first), anything else has none.
    #[test]
    fn readings_of_corpus_characters() {
        let ix = index(vec![article("a", "张建党", &["许湾乡。"])]);
        assert_eq!(ix.readings("张建党"), Some(vec!["zhang", "jian", "dang"]));
        assert_eq!(ix.readings("许湾乡"), Some(vec!["xu", "wan", "xiang"]));
        assert_eq!(ix.readings("张x"), None);
        assert_eq!(ix.readings("鑫"), None, "not in the corpus");
    }

    /// Every text the reader shows is found by a plain query for it: the index reads
    /// `Article::texts`, and this test reads the fields directly.
    #[test]
    fn every_shown_text_is_searchable() {
        let mut a = article("a", "主标题甲", &["正文第一段乙。", "正文第二段丙。"]);
        a.kicker = Some("引题丁".into());
        a.subtitle = Some("——副题戊".into());
        a.column = Some("共建一带一路".into());
        a.editor_note = Some("编者按己".into());
        a.authors = vec![reporter("庚辛")];
        a.photo_credits = vec!["壬癸 摄".into()];
        a.intertitles = vec![archive::Intertitle {
            text: "小标题子".into(),
            line: 3,
            before: 1,
        }];
        let ix = index(vec![a, article("b", "别的", &["无关。"])]);
        for q in [
            "主标题甲",
            "正文第一段乙",
            "正文第二段丙",
            "引题丁",
            "副题戊",
            "一带一路",
            "编者按己",
            "庚辛",
            "壬癸",
            "小标题子",
        ] {
            assert_eq!(ids(&ix, q), ["a"], "{q}");
        }
    }

    /// Terms close together rank first (the gap is read from the segment's text: the units
    /// keep only their maps).
    #[test]
    fn terms_close_together_rank_first() {
        let filler = "一二三四五六七八九十".repeat(3);
        let ix = index(vec![
            article("far", "标题", &[&format!("合肥{filler}改造")]),
            article("near", "标题", &[&format!("合肥改造{filler}")]),
        ]);
        let r = ix.search(&ix.parse("合肥 改造"), &SearchOptions::default());
        let order: Vec<&str> = r
            .order
            .iter()
            .map(|(d, _)| ix.archive().articles[*d].id.as_str())
            .collect();
        assert_eq!(order, ["near", "far"]);
        // Unit 0 is the first title, unit 1 its paragraph.
        assert_eq!(ix.unit_text(1), format!("合肥{filler}改造"));
    }

    #[test]
    fn matches_never_cross_texts() {
        // 甲 ends the title and 乙 starts the paragraph: `甲乙` is in neither.
        let ix = index(vec![article("a", "标题甲", &["乙丙"])]);
        assert!(ids(&ix, "甲乙").is_empty());
        assert_eq!(ids(&ix, "乙丙"), ["a"]);
    }

    #[test]
    fn accessors() {
        let ix = index(vec![
            article("a", "甲", &["乙 ABC"]),
            article("b", "丙", &["丁"]),
        ]);
        assert_eq!(ix.len(), 2);
        assert!(!ix.is_empty());
        assert_eq!(
            ix.article("b").map(|(i, a)| (i, a.title.as_str())),
            Some((1, "丙"))
        );
        assert!(ix.article("zz").is_none());
        assert_eq!(ix.fold("ＡＢＣ"), "abc");
    }

    /// Varied text from a fixed set of characters (a linear congruential generator).
    fn text(seed: &mut u64, n: usize) -> String {
        const CS: &[char] = &[
            '合', '肥', '市', '社', '区', '老', '旧', '小', '改', '造', '的', '一', '是', '在',
            '张', '建', '党', '，', '。', 'A', 'b', '9', '影', '像', '中', '国', '傳', '承',
        ];
        (0..n)
            .map(|_| {
                *seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                CS[(*seed >> 33) as usize % CS.len()]
            })
            .collect()
    }

    /// The tables of a whole set of articles: every index of a test over parts of it uses them
    /// (as the head of a sharded archive gives the page one set).
    fn tables_of(all: &[archive::Article]) -> crate::Tables {
        crate::tables::build_tables(&Archive {
            articles: shared(all),
            ..Default::default()
        })
        .expect("tables")
    }

    fn index_with(tables: &crate::Tables, articles: Vec<archive::Article>) -> super::Index {
        super::Index::new(
            Archive {
                articles: shared(&articles),
                ..Default::default()
            },
            tables,
        )
    }

    /// Each character of `text` but `\n`, once.
    fn distinct(text: &str) -> std::collections::BTreeSet<char> {
        text.chars().filter(|c| *c != '\n').collect()
    }

    /// The whole folded text, and where each unit starts in it.
    fn joined(ix: &super::Index) -> (String, Vec<usize>) {
        let mut text = String::new();
        let mut starts = Vec::new();
        for s in &ix.segs {
            assert_eq!(
                s.base,
                text.len(),
                "a segment starts where the one before ends"
            );
            assert_eq!(s.first_unit as usize, starts.len());
            starts.extend(s.units.iter().map(|u| s.base + u.start as usize));
            text.push_str(&s.text);
        }
        (text, starts)
    }

    /// Where `c` occurs in the whole folded text, as the segments find it (through their
    /// postings, or reading a short text).
    fn occurrences(ix: &super::Index, c: char) -> Vec<usize> {
        let needle = c.to_string();
        ix.segs
            .iter()
            .flat_map(|s| s.postings.find(&s.text, &needle).map(|p| s.base + p))
            .collect()
    }

    fn shared(a: &[archive::Article]) -> Vec<std::sync::Arc<archive::Article>> {
        a.iter().cloned().map(std::sync::Arc::new).collect()
    }

    /// `grown` finds what `whole` finds, with the same scores, and holds the same texts.
    fn same_as(grown: &super::Index, whole: &super::Index, qs: &[&str], what: &str) {
        let (text, starts) = joined(whole);
        let (gtext, gstarts) = joined(grown);
        assert!(gtext == text, "{what}: texts differ");
        assert_eq!(gstarts, starts, "{what}");
        assert_eq!(grown.avg_len, whole.avg_len, "{what}");
        assert_eq!(grown.docs.len(), whole.docs.len(), "{what}");
        for c in distinct(&text) {
            assert_eq!(occurrences(grown, c), occurrences(whole, c), "{c}: {what}");
        }
        for q in qs {
            let (a, b) = (
                whole.search(&whole.parse(q), &SearchOptions::default()),
                grown.search(&grown.parse(q), &SearchOptions::default()),
            );
            assert_eq!(a.order, b.order, "{q}: {what}");
            assert_eq!(ids(grown, q), ids(whole, q), "{q}: {what}");
        }
    }

    /// Articles of varied text, long enough for postings (over 512 KiB of text) together,
    /// not in small parts.
    fn many(n: usize) -> Vec<archive::Article> {
        let mut seed = 7;
        (0..n)
            .map(|i| {
                let (t, p1, p2) = (
                    text(&mut seed, 8),
                    text(&mut seed, 600),
                    text(&mut seed, 300),
                );
                let mut a = article(&format!("a{i}"), &t, &[&p1, &p2]);
                a.authors = vec![reporter(if i % 3 == 0 { "张建党" } else { "李青" })];
                a
            })
            .collect()
    }

    const QUERIES: [&str; 9] = [
        "合肥",
        "社区 改造",
        "张建党",
        "zhangjiandang",
        "傳承",
        "市 -国",
        "b9",
        "小区改造的",
        "一",
    ];

    #[test]
    fn an_index_grown_with_more_articles_is_the_one_built_over_all_of_them() {
        let all = many(240);
        let tables = tables_of(&all);
        let index = |articles: Vec<archive::Article>| index_with(&tables, articles);
        let whole = index(all.clone());
        assert!(whole.has_postings());
        for split in [0, 1, 50, 120, 239] {
            let part = index(all[..split].to_vec());
            let grown = part.with_more(Vec::new(), shared(&all[split..]));
            same_as(&grown, &whole, &QUERIES, &format!("split {split}"));
        }
        // Grown twice, the second time with characters the index had never seen.
        let mut more = all[200..].to_vec();
        more[0].paragraphs[0].text.push_str("新字甲乙丙");
        let mut every = all[..200].to_vec();
        every.extend(more.iter().cloned());
        let tables = tables_of(&every);
        let index = |articles: Vec<archive::Article>| index_with(&tables, articles);
        let whole = index(every.clone());
        let grown = index(every[..100].to_vec())
            .with_more(Vec::new(), shared(&every[100..200]))
            .with_more(Vec::new(), shared(&more));
        same_as(&grown, &whole, &QUERIES, "twice");
        assert_eq!(ids(&grown, "甲乙"), vec!["a200".to_string()]);
    }

    /// An index built from another's lookups is the one built from the tables, and shares
    /// them (an index with other articles: the lookups are of the tables, not the articles).
    #[test]
    fn an_index_anew_is_the_one_built_from_the_tables() {
        let all = many(60);
        let tables = tables_of(&all);
        let base = index_with(&tables, all[..5].to_vec());
        for part in [&all[..0], &all[10..11], &all[..]] {
            let anew = base.anew(Archive {
                articles: shared(part),
                ..Default::default()
            });
            same_as(&anew, &index_with(&tables, part.to_vec()), &QUERIES, "anew");
            assert!(std::sync::Arc::ptr_eq(&anew.folder, &base.folder));
            assert!(std::sync::Arc::ptr_eq(&anew.pinyin, &base.pinyin));
        }
        let grown = base.with_more(Vec::new(), shared(&all[5..]));
        assert!(std::sync::Arc::ptr_eq(&grown.folder, &base.folder));
    }

    /// Grown without merging, then merged a segment pair at a time until no merge is due, an
    /// index has the segments [`Index::with_more`] gives it, shares the rest, and finds what
    /// the index built at once finds.
    #[test]
    fn merges_left_for_later_give_the_same_segments() {
        let all = many(140);
        let tables = tables_of(&all);
        let whole = index_with(&tables, all.clone());
        let sizes = |ix: &super::Index| ix.segs.iter().map(|s| s.text.len()).collect::<Vec<_>>();
        let mut merged = index_with(&tables, Vec::new());
        let mut later = index_with(&tables, Vec::new());
        let mut merges = 0;
        for part in all.chunks(7) {
            merged = merged.with_more(Vec::new(), shared(part));
            later = later.with_more_unmerged(Vec::new(), shared(part));
            while let Some(next) = later.merged_once() {
                assert_eq!(next.segs.len() + 1, later.segs.len());
                for (a, b) in next.segs.iter().zip(&later.segs).take(later.segs.len() - 2) {
                    assert!(std::sync::Arc::ptr_eq(a, b));
                }
                same_as(&next, &later, &QUERIES[..3], "a merge");
                later = next;
                merges += 1;
            }
            assert_eq!(sizes(&later), sizes(&merged));
        }
        assert!(merges > 10, "{merges} merges");
        same_as(&later, &whole, &QUERIES, "merged later");
    }

    /// Grown an article at a time, the index keeps few segments (as a binary counter keeps
    /// few ones), never merges past its cap, shares what it grew from, and still finds what
    /// the index built at once finds.
    #[test]
    fn an_index_grown_in_many_steps_keeps_few_segments() {
        let all = many(96);
        let tables = tables_of(&all);
        let whole = index_with(&tables, all.clone());
        let cap = 64 * 1024;
        let mut grown = index_with(&tables, Vec::new());
        let mut most = 0;
        for (i, a) in all.iter().enumerate() {
            let next = grown.grown(Vec::new(), shared(std::slice::from_ref(a)), cap);
            // What it grew from is shared, not copied: every segment but the newest is one
            // of the old index's.
            for s in &next.segs[..next.segs.len() - 1] {
                assert!(
                    grown.segs.iter().any(|o| std::sync::Arc::ptr_eq(o, s)),
                    "step {i}"
                );
            }
            grown = next;
            most = most.max(grown.segments());
            for s in &grown.segs {
                assert!(
                    s.text.len() <= cap || s.units.len() <= 3,
                    "step {i}: {}",
                    s.text.len()
                );
            }
        }
        // About 2.7 KB of folded text per article, 260 KB in all: full segments (more than
        // half the cap: two would pass it) and at most one of each smaller power of two.
        let (text, _) = joined(&whole);
        let full = text.len() / cap;
        assert!(grown.segments() >= full, "{} segments", grown.segments());
        assert!(most <= 2 * (full + 1) + 5, "{most} segments at most");
        same_as(&grown, &whole, &QUERIES, "one at a time");
    }
}
