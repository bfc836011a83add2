//! The in-memory index: every searchable text of every article, folded once, in one string.
//!
//! All units (title, kicker, subtitle, byline, intertitles, paragraphs…) of all articles are
//! folded and concatenated with `\n` between them. Folded text never contains whitespace, so
//! no match can cross a unit, and a substring search over the whole corpus (through the
//! character postings) finds everything.

use std::borrow::Cow;

use super::fold::{Folded, Folder};
use super::pinyin::PinyinMap;
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
    /// Start of its folded text in [`Index::text`].
    pub start: u32,
    /// The folded text with its offset map.
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

/// The searchable archive.
///
/// Its fields are private: callers parse with [`Index::parse`], search with [`Index::search`]
/// and read articles with [`Index::archive`] and [`Index::article`].
pub struct Index {
    /// The articles.
    pub(crate) archive: Archive,
    /// Folding.
    pub(crate) folder: Folder,
    /// Pinyin.
    pub(crate) pinyin: PinyinMap,
    /// All folded units joined by `\n`.
    pub(crate) text: String,
    /// Where each character of `text` occurs.
    pub(crate) postings: super::postings::Postings,
    /// Units in order (by article, then field order).
    pub(crate) units: Vec<Unit>,
    /// Where each unit starts in `text` (`units[i].start`), packed for the search's lookups.
    pub(crate) unit_starts: Vec<u32>,
    /// One per article.
    pub(crate) docs: Vec<Doc>,
    /// Mean folded length.
    pub(crate) avg_len: f32,
}

impl Index {
    /// Builds the index.
    pub fn new(archive: Archive, tables: &Tables) -> Index {
        let folder = Folder::new(&tables.fold);
        let pinyin = PinyinMap::new(&tables.pinyin);
        let (mut text, mut units, mut docs) = (String::new(), Vec::new(), Vec::new());
        push_units(
            &folder,
            &archive.articles,
            0,
            &mut text,
            &mut units,
            &mut docs,
        );
        let postings = super::postings::Postings::new(&text);
        let unit_starts = units.iter().map(|u| u.start).collect();
        Index {
            archive,
            folder,
            pinyin,
            postings,
            text,
            units,
            unit_starts,
            avg_len: avg_len(&docs),
            docs,
        }
    }

    /// This index with `pages` and `articles` added after its own: the index [`Index::new`]
    /// builds over all of them, without folding or indexing this one's texts again (what is
    /// copied is copied as it is; only the new texts are folded and indexed). A sharded page
    /// grows its index this way as a query's results stream in.
    pub fn with_more(&self, pages: Vec<archive::Page>, articles: Vec<Article>) -> Index {
        let (mut text, mut units, mut docs) =
            (self.text.clone(), self.units.clone(), self.docs.clone());
        let from = text.len();
        let first = self.archive.articles.len();
        push_units(
            &self.folder,
            &articles,
            first,
            &mut text,
            &mut units,
            &mut docs,
        );
        let mut archive = self.archive.clone();
        archive.pages.extend(pages);
        archive.articles.extend(articles);
        let postings = self.postings.extended(&text, from);
        let mut unit_starts = self.unit_starts.clone();
        unit_starts.extend(units[self.units.len()..].iter().map(|u| u.start));
        Index {
            archive,
            folder: self.folder.clone(),
            pinyin: self.pinyin.clone(),
            postings,
            text,
            units,
            unit_starts,
            avg_len: avg_len(&docs),
            docs,
        }
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
        self.postings.heap_bytes()
    }

    /// Builds character postings even for a text short enough to be read instead (for tests
    /// that compare the two ways, and benchmarks).
    #[doc(hidden)]
    pub fn build_postings(&mut self) {
        self.postings = super::postings::Postings::build(&self.text);
    }

    /// Whether the index has character postings (`false`: a short text, read by a search).
    pub fn has_postings(&self) -> bool {
        self.postings.is_built()
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
    articles: &[Article],
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
            let folded = folder.fold_mapped(&t);
            len += folded.text.chars().count() as u32;
            let start = text.len() as u32;
            text.push_str(&folded.text);
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

/// The mean folded length of the articles (at least 1).
fn avg_len(docs: &[Doc]) -> f32 {
    if docs.is_empty() {
        1.0
    } else {
        (docs.iter().map(|d| d.len as f64).sum::<f64>() / docs.len() as f64).max(1.0) as f32
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
            articles: all.to_vec(),
            ..Default::default()
        })
        .expect("tables")
    }

    fn index_with(tables: &crate::Tables, articles: Vec<archive::Article>) -> super::Index {
        super::Index::new(
            Archive {
                articles,
                ..Default::default()
            },
            tables,
        )
    }

    /// Each character of `text` but `\n`, once.
    fn distinct(text: &str) -> std::collections::BTreeSet<char> {
        text.chars().filter(|c| *c != '\n').collect()
    }

    #[test]
    fn an_index_grown_with_more_articles_is_the_one_built_over_all_of_them() {
        let mut seed = 7;
        // Long enough for postings (over 512 KiB of text) once grown, not before.
        let all: Vec<archive::Article> = (0..240)
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
            .collect();
        let tables = tables_of(&all);
        let index = |articles: Vec<archive::Article>| index_with(&tables, articles);
        let whole = index(all.clone());
        assert!(whole.postings.is_built());
        let qs = [
            "合肥",
            "社区 改造",
            "张建党",
            "傳承",
            "市 -国",
            "b9",
            "小区改造的",
            "一",
        ];
        for split in [0, 1, 50, 120, 239] {
            let part = index(all[..split].to_vec());
            let grown = part.with_more(Vec::new(), all[split..].to_vec());
            assert!(grown.text == whole.text, "split {split}: texts differ");
            assert_eq!(grown.unit_starts, whole.unit_starts);
            assert_eq!(grown.units.len(), whole.units.len());
            assert_eq!(grown.avg_len, whole.avg_len);
            for c in distinct(&whole.text) {
                assert_eq!(
                    grown.postings.of(c),
                    whole.postings.of(c),
                    "{c} at split {split}"
                );
            }
            for q in qs {
                let (a, b) = (
                    whole.search(&whole.parse(q), &SearchOptions::default()),
                    grown.search(&grown.parse(q), &SearchOptions::default()),
                );
                assert_eq!(a.order, b.order, "{q} at split {split}");
                assert_eq!(ids(&grown, q), ids(&whole, q));
            }
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
            .with_more(Vec::new(), every[100..200].to_vec())
            .with_more(Vec::new(), more);
        for c in distinct(&whole.text) {
            assert_eq!(grown.postings.of(c), whole.postings.of(c), "{c}");
        }
        assert_eq!(ids(&grown, "甲乙"), vec!["a200".to_string()]);
    }
}
