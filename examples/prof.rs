//! Profiling helper: `cargo run --release --example prof -- <query> [reps]` over the synthetic 10k
//! archive (top 50 with snippets); with `SEED=1`, over the seed, ordering only (what the peers
//! benchmark times).
use archive_explorer::archive::load_dir;
use archive_explorer::search::engine::SearchOptions;
use archive_explorer::search::tables::build_tables;
use archive_explorer::search::Index;
use archive_explorer::synth;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let q = args.first().cloned().unwrap_or_else(|| "疫".into());
    let reps: usize = args.get(1).and_then(|r| r.parse().ok()).unwrap_or(50);
    let seed = load_dir(std::path::Path::new("seeds")).expect("seed");
    let on_seed = std::env::var("SEED").is_ok();
    let big = if on_seed {
        seed
    } else {
        synth::archive(&seed, 10_000, 2_000, 42)
    };
    let t = build_tables(&big).expect("tables");
    let ix = Index::new(big, &t);
    let opts = SearchOptions {
        limit: if on_seed { 0 } else { 50 },
        ..Default::default()
    };
    let start = std::time::Instant::now();
    let mut n = 0;
    for _ in 0..reps {
        let parsed = ix.parse(&q);
        n = ix.search(&parsed, &opts).order.len();
    }
    if std::env::var("COUNT").is_ok() {
        let all = SearchOptions::default();
        let parsed = ix.parse(&q);
        let total: usize = ix.search(&parsed, &all).hits.iter().map(|h| h.count).sum();
        eprintln!("{q}: {total} highlighted matches in all results");
    }
    eprintln!(
        "{q}: {n} results, {:.3} µs/query",
        start.elapsed().as_secs_f64() * 1e6 / reps as f64
    );
}
