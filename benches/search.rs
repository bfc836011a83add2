//! Search latency natively: the seed archive, and a synthetic archive of 10,000 articles
//! (about 20 MB of Chinese text) built from the seed's sentences with a fixed seed.
//!
//! `cargo bench --bench search` (add `-- --quick` for a short run).

use std::hint::black_box;
use std::path::Path;

use archive_explorer::archive::load_dir;
use archive_explorer::search::engine::SearchOptions;
use archive_explorer::search::tables::build_tables;
use archive_explorer::search::Index;
use archive_explorer::synth;
use archive_explorer::view::facets;
use archive_explorer::view::route::ViewState;
use criterion::{criterion_group, criterion_main, Criterion};

fn bench(c: &mut Criterion) {
    let seed = load_dir(Path::new("seeds")).expect("seed parses");
    let tables = build_tables(&seed).expect("tables");
    let ix = Index::new(seed.clone(), &tables);
    let opts = SearchOptions::default();
    let mut g = c.benchmark_group("seed");
    for q in [
        "不造谣",
        "湾乡",
        "張建黨",
        "Ｎ９５",
        "zjd",
        "口罩 体温",
        "元宵 -张晓",
        "title:张建党",
        "date:2月7日..2月8日",
        "疫",
    ] {
        g.bench_function(q, |b| {
            b.iter(|| {
                let parsed = ix.parse(black_box(q));
                black_box(ix.search(&parsed, &opts))
            })
        });
    }
    g.finish();

    // What the peers benchmark times (`benchSearchIds`): every matching article ordered, no
    // ranges or snippets.
    let order_only = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    let mut g = c.benchmark_group("seed-order-only");
    for q in ["不造谣", "湾乡", "張建黨", "口罩 体温", "疫", "上海"] {
        g.bench_function(q, |b| {
            b.iter(|| {
                let parsed = ix.parse(black_box(q));
                black_box(ix.search(&parsed, &order_only).order.len())
            })
        });
    }
    g.finish();
    c.bench_function("startup/seed index (fold, units, postings)", |b| {
        b.iter(|| black_box(Index::new(seed.clone(), &tables)))
    });

    let big = synth::archive(&seed, 10_000, 2_000, 42);
    let bytes: usize = big
        .articles
        .iter()
        .flat_map(|a| a.paragraphs.iter())
        .map(|p| p.text.len())
        .sum();
    eprintln!(
        "synthetic archive: {} articles, {:.1} MB of text",
        big.articles.len(),
        bytes as f64 / 1e6
    );
    let t = build_tables(&big).expect("tables");
    let t0 = std::time::Instant::now();
    let bix = Index::new(big, &t);
    eprintln!(
        "synthetic index built in {:.0} ms (postings: {:.1} MB)",
        t0.elapsed().as_secs_f64() * 1e3,
        bix.postings_bytes() as f64 / 1e6
    );
    let top50 = SearchOptions {
        limit: 50,
        ..Default::default()
    };
    let mut g = c.benchmark_group("synthetic-10k");
    g.sample_size(20);
    for q in ["疫", "乡办", "不造谣", "周口东站", "许湾乡 口罩", "zjd"] {
        g.bench_function(q, |b| {
            b.iter(|| {
                let parsed = bix.parse(black_box(q));
                black_box(bix.search(&parsed, &top50))
            })
        });
    }
    g.finish();

    // Facet counts over a result set of every article (the worst case: a query that matches
    // all), at 1k, 10k and 100k articles: the page counts them after the frame that shows
    // the results (`Derived::facets`), so this is the task that can delay the next keystroke.
    let mut g = c.benchmark_group("facet-counts");
    g.sample_size(10);
    for n in [1_000, 10_000, 100_000] {
        let a = synth::archive(&seed, n, 200, 7);
        let docs: Vec<usize> = (0..a.articles.len()).collect();
        let v = ViewState::default();
        g.bench_function(format!("{n} results"), |b| {
            b.iter(|| black_box(facets::count(&a, black_box(&docs), &v)))
        });
        // As a sharded archive's worker counts them: results added 256 at a time, the counts
        // ordered every 8 batches (about every 200 ms of a long search) and at the end.
        let meta: Vec<_> = a
            .articles
            .iter()
            .map(|x| std::sync::Arc::new(facets::facet_meta(x)))
            .collect();
        g.bench_function(format!("{n} results, counted as found"), |b| {
            b.iter(|| {
                let mut run = facets::Running::new(&Default::default());
                let mut found = archive_explorer::archive::Archive::default();
                for (i, part) in meta.chunks(256).enumerate() {
                    found.articles.extend(part.iter().cloned());
                    run.add(&found);
                    if i % 8 == 0 {
                        black_box(run.facets());
                    }
                }
                black_box(run.facets())
            })
        });
    }
    g.finish();

    // A sharded page's index growing as "search all" streams results in (`Index::with_more`):
    // 256 new articles onto an index of 1k, 5k and 20k, beside the copy of the archive it
    // makes. The copy grows with the index, the folding with the new articles only.
    let mut g = c.benchmark_group("index-grow");
    g.sample_size(10);
    // A page per four articles, as printed pages about have.
    let pages = |from: usize, n: usize| -> Vec<std::sync::Arc<archive_explorer::archive::Page>> {
        (from..from + n)
            .map(|i| {
                std::sync::Arc::new(archive_explorer::archive::Page {
                    file: format!(
                        "2020/{:02}/{:02}/{:02}.txt",
                        1 + i / 900 % 12,
                        1 + i / 30 % 28,
                        1 + i % 30
                    ),
                    paper: Some("某某日报".into()),
                    date: Some(format!(
                        "2020-{:02}-{:02}",
                        1 + i / 900 % 12,
                        1 + i / 30 % 28
                    )),
                    page: Some((1 + i % 30).to_string()),
                    ..Default::default()
                })
            })
            .collect()
    };
    for n in [1_000, 5_000, 20_000] {
        let a = synth::archive(&seed, n + 256, 1_400, 11);
        let t = build_tables(&a).expect("tables");
        let mut base = a.clone();
        let more = base.articles.split_off(n);
        base.pages = pages(0, n / 4);
        let all = a.articles.clone();
        let ix = Index::new(base, &t);
        g.bench_function(format!("{n} + 256 articles"), |b| {
            b.iter(|| black_box(ix.with_more(pages(n / 4, 64), more.clone())))
        });
        // From nothing to n articles, 256 at a time (as a page applies a long answer).
        g.bench_function(format!("0 to {n}, 256 at a time"), |b| {
            b.iter(|| {
                let mut ix = Index::new(Default::default(), &t);
                for (k, part) in all[..n].chunks(256).enumerate() {
                    ix = ix.with_more(pages(k * 64, 64), part.to_vec());
                }
                black_box(ix.segments())
            })
        });
        // The same in steps of 32 (about 130 KB of text, as the page's steps of about 20 ms
        // are): small segments merge (a binary counter up to 1 MiB), and a merge copies.
        g.bench_function(format!("0 to {n}, 32 at a time"), |b| {
            b.iter(|| {
                let mut ix = Index::new(Default::default(), &t);
                for (k, part) in all[..n].chunks(32).enumerate() {
                    ix = ix.with_more(pages(k * 8, 8), part.to_vec());
                }
                black_box(ix.segments())
            })
        });
    }
    g.finish();

    // A sharded page showing a long answer as it grows ("search all"): each show searches the
    // grown index for the query again. Afresh, a search reads every segment; with the matches
    // kept from the last show (`Index::search_cached`), only the segments added since (here
    // one step of 64 articles) are read, and the rest is scoring what was found. Two shows
    // each time: the index after the step, then the one before it (which reads nothing new).
    let mut g = c.benchmark_group("show-search");
    g.sample_size(10);
    let order_only = SearchOptions {
        limit: 0,
        ..Default::default()
    };
    for n in [1_000, 10_000, 100_000] {
        let a = synth::archive(&seed, n + 64, 300, 13);
        let t = build_tables(&a).expect("tables");
        let mut before = Index::new(Default::default(), &t);
        for part in a.articles[..n].chunks(64) {
            before = before.with_more(Vec::new(), part.to_vec());
        }
        let after = before.with_more_unmerged(Vec::new(), a.articles[n..].to_vec());
        let q = after.parse("市");
        let found = after.search(&q, &order_only).order.len();
        g.bench_function(format!("{n} articles ({found} found), afresh"), |b| {
            b.iter(|| {
                black_box(after.search(&q, &order_only).order.len());
                black_box(before.search(&q, &order_only).order.len())
            })
        });
        let mut kept = archive_explorer::search::SegmentMatches::default();
        before.search_cached(&q, &order_only, &mut kept);
        g.bench_function(format!("{n} articles ({found} found), matches kept"), |b| {
            b.iter(|| {
                black_box(after.search_cached(&q, &order_only, &mut kept).order.len());
                black_box(before.search_cached(&q, &order_only, &mut kept).order.len())
            })
        });
    }
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
