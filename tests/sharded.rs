//! A sharded archive answers exactly what the embedded index answers: the same articles for
//! every query of the peers benchmark and more (traditional, full-width, pinyin, fields, OR,
//! negation), on the seed and on a generated archive large enough to have many chunks.

mod common;

use std::collections::{BTreeSet, HashMap};

use archive_explorer::archive::Archive;
use archive_explorer::search::shard::{self, Head};
use archive_explorer::search::tables::build_tables;
use archive_explorer::search::{Index, SearchOptions};
use archive_explorer::synth;

fn queries() -> Vec<String> {
    let text = std::fs::read_to_string(common::root().join("bench/peers/queries.json"))
        .expect("queries.json");
    let v: Vec<serde_json::Value> = serde_json::from_str(&text).expect("json");
    let mut q: Vec<String> = v
        .iter()
        .filter_map(|x| x["q"].as_str().map(str::to_string))
        .collect();
    q.extend(
        [
            "張建黨",
            "Ｎ９５",
            "n95",
            "口罩 体温",
            "口罩 OR 体温",
            "元宵 -张晓",
            "title:张建党",
            "author:张劲松",
            "kind:news 口罩",
            "date:2月4日..2月8日",
            "zjd",
            "zhang jian dang",
            "疫",
            "“不造谣”",
            "上海",
            "-疫",
            "kind:photo",
        ]
        .map(str::to_string),
    );
    q
}

/// A sharded build's files by name.
fn files_of(sh: &shard::Sharded) -> HashMap<&str, &[u8]> {
    sh.files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect()
}

/// Runs `q` through the sharded path, reading chunks from `files`; returns the matching ids
/// and the bytes read.
fn sharded_ids(
    head: &Head,
    files: &HashMap<&str, &[u8]>,
    ix: &Index,
    q: &str,
) -> (BTreeSet<String>, usize) {
    let query = ix.parse(q);
    let plan = head.plan(&query);
    let mut bytes = 0;
    let chunks: Vec<&[u8]> = plan
        .chunks
        .iter()
        .map(|n| {
            let b = files[n.as_str()];
            bytes += b.len();
            b
        })
        .collect();
    let postings = Head::read_postings(&plan, &chunks).expect("postings");
    let catalog = plan.catalog.then(|| {
        let b = files[head.catalog.as_str()];
        bytes += b.len();
        shard::Catalog::decode(b).expect("catalog")
    });
    let cands = head.candidates(&query, &plan, &postings, catalog.as_ref());
    if !Head::needs_text(&query) {
        // Article numbers are positions in edition order.
        let ordered = shard::edition_order(ix.archive());
        let ids = cands
            .iter()
            .map(|d| ordered.articles[*d as usize].id.clone())
            .collect();
        return (ids, bytes);
    }
    let texts: Vec<_> = head
        .text_chunks(&cands)
        .into_iter()
        .map(|c| {
            let b = files[c.name.as_str()];
            bytes += b.len();
            (c, b)
        })
        .collect();
    let (sub, r) =
        shard::verify(head, &query, &cands, &texts, &SearchOptions::default()).expect("verify");
    let ids: BTreeSet<String> = r
        .order
        .iter()
        .map(|(d, _)| sub.archive().articles[*d].id.clone())
        .collect();
    // The browser verifies chunk by chunk (showing results as they come): same answer.
    let mut v = shard::Verifier::new(query.clone(), cands.clone());
    for (c, b) in texts.iter().rev() {
        v.add_chunk(head, c, b).expect("chunk");
    }
    assert_eq!(v.checked, v.total(), "{q}: every candidate checked");
    let stepwise: BTreeSet<String> = v.found.iter().map(|a| a.id.clone()).collect();
    assert_eq!(stepwise, ids, "{q}: chunk-by-chunk verification differs");
    (ids, bytes)
}

fn check(archive: Archive, min_chunks: usize) {
    let tables = build_tables(&archive).expect("tables");
    let sharded = shard::build(&archive, &tables).expect("shard");
    assert!(
        sharded.head.postings.len() >= min_chunks && sharded.head.texts.len() >= min_chunks,
        "{} postings and {} text chunks",
        sharded.head.postings.len(),
        sharded.head.texts.len()
    );
    let files = files_of(&sharded);
    let total: usize = files.values().map(|b| b.len()).sum();
    let ix = Index::new(archive, &tables);
    let mut nonempty = 0;
    for q in queries() {
        let want: BTreeSet<String> = ix
            .search(&ix.parse(&q), &SearchOptions::default())
            .order
            .iter()
            .map(|(d, _)| ix.archive().articles[*d].id.clone())
            .collect();
        let (got, bytes) = sharded_ids(&sharded.head, &files, &ix, &q);
        let missing: Vec<&String> = want.difference(&got).take(5).collect();
        let extra: Vec<&String> = got.difference(&want).take(5).collect();
        assert!(
            missing.is_empty() && extra.is_empty(),
            "query {q}: missing {missing:?}, extra {extra:?} (of {} expected)",
            want.len()
        );
        nonempty += usize::from(!want.is_empty());
        // A selective query reads a small part of the archive.
        if !want.is_empty() && want.len() * 20 < ix.len() && min_chunks > 1 {
            assert!(bytes < total / 2, "{q}: read {bytes} of {total} bytes");
        }
    }
    assert!(nonempty >= 30, "only {nonempty} queries found anything");
}

#[test]
fn the_seed_sharded_answers_like_the_index() {
    check(common::seed_archive(), 1);
}

#[test]
fn a_generated_archive_sharded_answers_like_the_index() {
    let seed = common::seed_archive();
    check(synth::archive(&seed, 1500, 1500, 7), 4);
}

#[test]
fn chunk_names_follow_content() {
    let a = common::seed_archive();
    let t = build_tables(&a).expect("tables");
    let one = shard::build(&a, &t).expect("shard");
    let two = shard::build(&a, &t).expect("shard");
    assert_eq!(one.head, two.head, "the same archive shards the same way");
    let mut b = a.clone();
    std::sync::Arc::make_mut(&mut b.articles[0]).paragraphs[0]
        .text
        .push('改');
    let three = shard::build(&b, &t).expect("shard");
    assert_ne!(one.head.texts[0].name, three.head.texts[0].name);
    // The printed lines alone changed (the articles as parsed the same): the text chunk is
    // renamed too, so that its lines chunk (named after it) is never a stale copy.
    let mut c = a.clone();
    std::sync::Arc::make_mut(&mut c.pages[0]).lines[0].push('　');
    let four = shard::build(&c, &t).expect("shard");
    assert_eq!(one.head.texts[0].bytes, four.head.texts[0].bytes);
    assert_ne!(one.head.texts[0].name, four.head.texts[0].name);
    let lines = four.head.lines_of(0).expect("lines");
    assert!(four.files.iter().any(|(n, _)| *n == lines));
    for (name, bytes) in &one.files {
        assert!(name.ends_with(".bin") && !bytes.is_empty());
    }
}

#[test]
fn every_id_is_found_through_its_bucket() {
    let seed = common::seed_archive();
    let a = synth::archive(&seed, 9000, 300, 3);
    let t = build_tables(&a).expect("tables");
    let sh = shard::build(&a, &t).expect("shard");
    assert!(sh.head.ids.len() >= 3, "{} buckets", sh.head.ids.len());
    let files = files_of(&sh);
    for (d, art) in a.articles.iter().enumerate().step_by(97) {
        let name = sh.head.id_bucket(&art.id).expect("a bucket");
        let got = shard::find_id(files[name], &art.id).expect("decodes");
        assert_eq!(got, Some(d as u32), "{}", art.id);
    }
    let name = sh.head.id_bucket("no-such-article").expect("a bucket");
    assert_eq!(
        shard::find_id(files[name], "no-such-article").expect("decodes"),
        None
    );
    // Every article's page travels with it in its text chunk.
    for c in &sh.head.texts {
        let chunk = shard::TextChunk::decode(files[c.name.as_str()]).expect("chunk");
        for art in chunk
            .articles
            .iter()
            .filter(|x| a.pages.iter().any(|p| p.file == x.source.file))
        {
            assert!(
                chunk.pages.iter().any(|p| p.file == art.source.file),
                "{}",
                art.id
            );
        }
    }
}

/// The head's summary (counted by `search::shard::Summary::of`) says what the browse view's
/// shelf (`view::browse::Shelf`, arranged independently) says, on the seed, the multi-edition
/// fixture and a generated archive of pages.
#[test]
fn the_head_summary_agrees_with_the_shelf() {
    use archive_explorer::view::browse::Shelf;
    let editions = load_tree(&common::root().join("tests/fixtures/editions"));
    let pages = tempdir_pages(300);
    for a in [common::seed_archive(), editions, pages] {
        let got = shard::Summary::of(&a);
        let shelf = Shelf::new(&a);
        let want = shelf.summary();
        assert_eq!(got.papers, want.papers, "papers");
        assert_eq!(got.unknown_paper, want.unknown_paper);
        assert_eq!(
            got.range.as_ref().map(|(x, y)| (x.as_str(), y.as_str())),
            want.range
        );
        assert_eq!(got.range_of_articles, want.range_of_articles);
        assert_eq!(
            (got.editions, got.pages, got.articles),
            (want.editions, want.pages, want.articles)
        );
    }
}

/// A generated archive of printed pages (several dates, papers and page numbers).
fn tempdir_pages(n: usize) -> Archive {
    let dir = std::env::temp_dir().join(format!("sharded-summary-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    synth::write_pages(n, &dir, 5).expect("pages");
    let a = load_tree(&dir);
    let _ = std::fs::remove_dir_all(&dir);
    a
}

fn load_tree(dir: &std::path::Path) -> Archive {
    let opts = archive_explorer::archive::Options {
        names: false,
        ..Default::default()
    };
    archive_explorer::archive::load(&[dir.to_path_buf()], &opts)
        .expect("load")
        .archive
}

/// Browsing a sharded archive: the head's editions are the shelf's editions (date, paper and
/// number of pages), the text chunks of an edition's article range hold every article of it,
/// and each page's bucket names its first article. On the seed, the multi-edition fixture and
/// a generated archive of pages.
#[test]
fn editions_and_pages_are_found_from_the_head() {
    use archive_explorer::view::browse::Shelf;
    let editions = load_tree(&common::root().join("tests/fixtures/editions"));
    let pages = tempdir_pages(600);
    for a in [common::seed_archive(), editions, pages] {
        let t = build_tables(&a).expect("tables");
        let sh = shard::build(&a, &t).expect("shard");
        let files = files_of(&sh);
        let shelf = Shelf::new(&a);
        let mut want: Vec<(Option<String>, Option<String>, u32)> = shelf
            .editions
            .iter()
            .map(|e| {
                (
                    e.date.map(str::to_string),
                    e.paper.map(str::to_string),
                    (e.end - e.start) as u32,
                )
            })
            .collect();
        let mut got: Vec<(Option<String>, Option<String>, u32)> = sh
            .head
            .editions
            .iter()
            .map(|e| (e.date.clone(), e.paper.clone(), e.pages))
            .collect();
        want.sort();
        got.sort();
        assert_eq!(got, want, "editions");
        for (i, e) in shelf.editions.iter().enumerate() {
            let h = sh
                .head
                .editions
                .iter()
                .find(|h| h.date.as_deref() == e.date && h.paper.as_deref() == e.paper)
                .expect("the edition is in the head");
            // Contiguous in edition order: the range holds this edition's articles only.
            let n: usize = shelf
                .pages_of(i)
                .iter()
                .map(|pg| shelf.articles_of(*pg).len())
                .sum();
            assert_eq!((h.end - h.first) as usize, n, "{:?} {:?}", e.date, e.paper);
            let mut held: BTreeSet<String> = BTreeSet::new();
            for c in sh.head.chunks_between(h.first, h.end) {
                let chunk = shard::TextChunk::decode(files[c.name.as_str()]).expect("chunk");
                held.extend(chunk.articles.iter().map(|x| x.id.clone()));
            }
            for pg in shelf.pages_of(i) {
                for d in shelf.articles_of(*pg) {
                    let id = &a.articles[*d].id;
                    assert!(held.contains(id), "{id} of {:?} {:?}", e.date, e.paper);
                }
            }
        }
        // Article numbers are positions in edition order.
        let ordered = shard::edition_order(&a);
        for (pi, p) in a.pages.iter().enumerate() {
            let first = ordered
                .articles
                .iter()
                .position(|x| x.source.file == p.file);
            let name = sh.head.page_bucket(&p.file).expect("a bucket");
            let got = shard::find_id(files[name], &p.file).expect("decodes");
            assert_eq!(got, first.map(|d| d as u32), "page {pi} {}", p.file);
        }
    }
}

/// "对照原版排列" in a sharded archive: each page's printed lines come back, exactly as loaded,
/// from the lines chunk of the text chunk that holds its articles (found through the page's
/// bucket, as the app finds it), and a query's text chunks never include them. On the seed
/// (whose order is already edition order) and a generated archive of pages loaded out of
/// order.
#[test]
fn printed_lines_are_found_for_every_page() {
    let pages = tempdir_pages(400);
    for (a, reordered) in [(common::seed_archive(), false), (pages, true)] {
        assert_eq!(
            matches!(shard::edition_order(&a), std::borrow::Cow::Owned(_)),
            reordered
        );
        let t = build_tables(&a).expect("tables");
        let sh = shard::build(&a, &t).expect("shard");
        let files = files_of(&sh);
        let lines_total: usize = sh
            .files
            .iter()
            .filter(|(n, _)| n.starts_with("l-"))
            .map(|(_, b)| b.len())
            .sum();
        assert_eq!(lines_total as u64, sh.head.lines_bytes);
        assert_eq!(
            sh.files.iter().filter(|(n, _)| n.starts_with("l-")).count(),
            sh.head.texts.len(),
            "a lines chunk per text chunk"
        );
        let mut checked = 0;
        for p in &a.pages {
            if !a.articles.iter().any(|x| x.source.file == p.file) {
                continue;
            }
            assert!(!p.lines.is_empty(), "{} has lines when loaded", p.file);
            let bucket = sh.head.page_bucket(&p.file).expect("a page bucket");
            let first = shard::find_id(files[bucket], &p.file)
                .expect("decodes")
                .expect("the page is in its bucket");
            let c = sh.head.lines_of(first).expect("a lines chunk");
            let chunk = shard::LinesChunk::decode(files[c.as_str()]).expect("lines");
            let got = chunk
                .pages
                .iter()
                .find(|(f, _)| f == &p.file)
                .map(|(_, l)| l);
            assert_eq!(got, Some(&p.lines), "{}", p.file);
            checked += 1;
        }
        assert!(checked > 0);
        // Text chunks carry no printed lines.
        for c in &sh.head.texts {
            let chunk = shard::TextChunk::decode(files[c.name.as_str()]).expect("chunk");
            assert!(chunk.pages.iter().all(|p| p.lines.is_empty()));
        }
    }
}

/// A pinyin term reads one postings list for its pinyin (its first letter's class), not one
/// per character that can begin it (hundreds in a large archive), and its candidates still
/// hold every article that has such a character (the oracle walks the texts itself).
#[test]
fn a_pinyin_term_reads_one_list_for_its_letter() {
    let seed = common::seed_archive();
    let a = synth::archive(&seed, 1500, 1500, 7);
    let tables = build_tables(&a).expect("tables");
    let sh = shard::build(&a, &tables).expect("shard");
    let files = files_of(&sh);
    let ix = Index::new(a, &tables);
    let map = archive_explorer::search::pinyin::PinyinMap::new(&tables.pinyin);
    let folder = archive_explorer::search::fold::Folder::new(&tables.fold);
    let ordered = shard::edition_order(ix.archive());
    for (q, key) in [
        ("zjd", "zjd"),
        ("zhangjiandang", "zhangjiandang"),
        ("hefei", "hefei"),
    ] {
        let query = ix.parse(q);
        let plan = sh.head.plan(&query);
        // The Latin letters' own bigrams (the text may hold them), and one list for the pinyin.
        let chars: Vec<char> = q.chars().collect();
        let latin_bigrams = chars.windows(2).collect::<BTreeSet<_>>().len();
        assert_eq!(
            plan.keys().len(),
            latin_bigrams + 1,
            "{q}: {:?}",
            plan.keys()
        );
        let chunks: Vec<&[u8]> = plan.chunks.iter().map(|n| files[n.as_str()]).collect();
        let postings = Head::read_postings(&plan, &chunks).expect("postings");
        let cands: BTreeSet<u32> = sh
            .head
            .candidates(&query, &plan, &postings, None)
            .into_iter()
            .collect();
        let starters: BTreeSet<char> = map.starting_chars(key).into_iter().collect();
        assert!(
            starters.len() > 20,
            "{q}: {} starting characters",
            starters.len()
        );
        let mut holding = 0;
        for (d, art) in ordered.articles.iter().enumerate() {
            let has = art
                .texts()
                .iter()
                .any(|t| folder.fold(&t.text).chars().any(|c| starters.contains(&c)));
            if has {
                holding += 1;
                assert!(
                    cands.contains(&(d as u32)),
                    "{q}: article {} left out",
                    art.id
                );
            }
        }
        assert!(holding > 0, "{q}: no article has a starting character");
    }
}

/// `Query::narrows` (which lets the page answer a longer query from the complete answer to a
/// shorter one, without the worker) never claims a query narrower than it is: whenever it
/// holds, the narrower query's results are among the broader one's (checked by searching
/// both), over every pair of queries and their prefixes; and it holds where typing needs it.
#[test]
fn a_narrower_query_finds_a_subset_of_the_broader_ones() {
    let seed = common::seed_archive();
    let a = synth::archive(&seed, 1500, 1500, 7);
    let tables = build_tables(&a).expect("tables");
    let ix = Index::new(a, &tables);
    let mut qs = queries();
    for q in queries() {
        let chars: Vec<char> = q.chars().collect();
        for n in 1..chars.len() {
            qs.push(chars[..n].iter().collect());
        }
    }
    qs.extend(["口罩 -体温", "口罩 体温 防控", "造谣", "张建", "title:口罩"].map(String::from));
    qs.sort();
    qs.dedup();
    let found = |q: &str| -> BTreeSet<usize> {
        ix.search(&ix.parse(q), &SearchOptions::default())
            .order
            .iter()
            .map(|(d, _)| *d)
            .collect()
    };
    let results: HashMap<&str, BTreeSet<usize>> =
        qs.iter().map(|q| (q.as_str(), found(q))).collect();
    let narrows = |n: &str, b: &str| ix.parse(n).narrows(&ix.parse(b), &|s| ix.fold(s));
    let mut held = 0;
    for b in &qs {
        for n in &qs {
            if narrows(n, b) {
                held += 1;
                assert!(
                    results[n.as_str()].is_subset(&results[b.as_str()]),
                    "{n} said to narrow {b}"
                );
            }
        }
    }
    assert!(held > 50, "narrows held for only {held} pairs");
    for (n, b) in [
        ("口罩 体温", "口罩"),
        ("张建党", "张建"),
        ("口罩 -体温", "口罩"),
        ("“不造谣”", "造谣"),
        ("張建黨", "张建"),
    ] {
        assert!(narrows(n, b), "{n} narrows {b}");
    }
    for (n, b) in [
        ("张建", "张建党"),
        ("口罩 OR 体温", "口罩"),
        ("口罩", "口罩 OR 体温"),
        ("zjd", "zj"),
        ("title:口罩", "口罩"),
        ("口罩", "-体温"),
    ] {
        assert!(!narrows(n, b), "{n} does not narrow {b}");
    }
}

/// `Head::text_chunks` (which skips the articles of each chunk at once) names the chunks an
/// independent walk over the chunk ranges finds, for sorted, sparse, dense, empty and unsorted
/// article lists.
#[test]
fn text_chunks_are_the_chunks_holding_the_articles() {
    let seed = common::seed_archive();
    let a = synth::archive(&seed, 4000, 300, 5);
    let tables = build_tables(&a).expect("tables");
    let sh = shard::build(&a, &tables).expect("shard");
    let texts = &sh.head.texts;
    assert!(texts.len() >= 5, "{} text chunks", texts.len());
    let n = a.articles.len() as u32;
    // The oracle: for each article, the chunk whose range [first, next first) holds it.
    let holding = |docs: &[u32]| -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        for &d in docs {
            for (i, c) in texts.iter().enumerate() {
                let end = texts.get(i + 1).map_or(u64::MAX, |x| x.first);
                if c.first <= u64::from(d) && u64::from(d) < end {
                    if out.last() != Some(&c.name) {
                        out.push(c.name.clone());
                    }
                    break;
                }
            }
        }
        out
    };
    let lists: Vec<Vec<u32>> = vec![
        Vec::new(),
        (0..n).collect(),
        (0..n).step_by(97).collect(),
        (0..n).filter(|d| d % 1000 < 3).collect(),
        vec![0],
        vec![n - 1],
        vec![n - 1, 0, n / 2],
    ];
    for docs in &lists {
        let got: Vec<String> = sh
            .head
            .text_chunks(docs)
            .iter()
            .map(|c| c.name.clone())
            .collect();
        assert_eq!(got, holding(docs), "{} articles", docs.len());
    }
}
