//! How a sharded archive grows:
//! `cargo run --release --example shard_scale -- 1000 10000 /tmp/pages-10k …`
//!
//! For each argument, a number generates an archive from the seed's sentences (`synth`), and a
//! folder is loaded as an archive (names skipped), e.g. one written by `archive synth --pages N
//! DIR`. Each is cut into a head and chunks
//! (`search::shard::build`), and prints the build time, the head and chunk sizes, and, for a set
//! of queries, the bytes a cold query reads (postings chunks + text chunks of its candidates)
//! and how many articles it finds. Sizes are raw bytes (before the host's compression).

use std::collections::HashMap;
use std::time::Instant;

use archive_explorer::archive::load_dir;
use archive_explorer::search::shard::{self, Head};
use archive_explorer::search::tables::build_tables;
use archive_explorer::synth;

/// Queries for both kinds of input: the seed's words (the `synth` archives) and words of the
/// page generator (`archive synth --pages`): names, places, topics, traditional, pinyin.
const QUERIES: [&str; 14] = [
    "张建党",
    "許灣鄉",
    "zjd",
    "口罩 体温",
    "不造谣",
    "疫",
    "date:2月7日",
    "罗强辉",
    "合肥",
    "非遗技艺传承",
    "傳承",
    "hefei",
    "老旧小区 改造",
    "影像中国",
];

fn main() {
    let inputs: Vec<String> = std::env::args().skip(1).collect();
    let seed = match load_dir(std::path::Path::new("seeds")) {
        Ok(s) => s,
        Err(e) => {
            eprintln!("{e}");
            std::process::exit(1);
        }
    };
    println!("| articles | text MB | build s | head KB | postings chunks | text chunks | all chunks MB |");
    println!("|---:|---:|---:|---:|---:|---:|---:|");
    let mut per_query = Vec::new();
    for input in inputs {
        let a = match input.parse::<usize>() {
            Ok(n) => synth::archive(&seed, n, 1_500, 42),
            Err(_) => {
                let opts = archive_explorer::archive::Options {
                    names: false,
                    ..Default::default()
                };
                match archive_explorer::archive::load(&[std::path::PathBuf::from(&input)], &opts) {
                    Ok(r) => r.archive,
                    Err(e) => {
                        eprintln!("{input}: {e}");
                        std::process::exit(1);
                    }
                }
            }
        };
        let n = a.articles.len();
        let text: usize = a
            .articles
            .iter()
            .flat_map(|x| x.paragraphs.iter())
            .map(|p| p.text.len())
            .sum();
        let t0 = Instant::now();
        let tables = match build_tables(&a) {
            Ok(t) => t,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let sh = match shard::build(&a, &tables) {
            Ok(s) => s,
            Err(e) => {
                eprintln!("{e}");
                std::process::exit(1);
            }
        };
        let secs = t0.elapsed().as_secs_f64();
        let head_bytes = postcard::to_allocvec(&sh.head).unwrap_or_default();
        let head = head_bytes.len();
        // For compressed sizes: `node -e` with zlib's brotli over this file (see BENCHMARKS.md).
        if let Ok(dir) = std::env::var("SHARD_HEAD_DIR") {
            let _ = std::fs::write(format!("{dir}/head-{n}.bin"), &head_bytes);
        }
        let all: usize = sh.files.iter().map(|f| f.1.len()).sum();
        println!(
            "| {n} | {:.1} | {secs:.1} | {:.0} | {} | {} | {:.1} |",
            text as f64 / 1e6,
            head as f64 / 1e3,
            sh.head.postings.len(),
            sh.head.texts.len(),
            all as f64 / 1e6
        );
        let files: HashMap<&str, &[u8]> = sh
            .files
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_slice()))
            .collect();
        // Queries are parsed without the index (no pinyin word merging needed here).
        for q in QUERIES {
            let query = archive_explorer::search::query::parse(q);
            let plan = sh.head.plan(&query);
            let chunks: Vec<&[u8]> = plan
                .chunks
                .iter()
                .filter_map(|c| files.get(c.as_str()).copied())
                .collect();
            let post_bytes: usize = chunks.iter().map(|c| c.len()).sum();
            let Ok(postings) = Head::read_postings(&plan, &chunks) else {
                continue;
            };
            let catalog = plan.catalog.then(|| {
                files
                    .get(sh.head.catalog.as_str())
                    .and_then(|b| shard::Catalog::decode(b).ok())
            });
            let cands = sh
                .head
                .candidates(&query, &plan, &postings, catalog.flatten().as_ref());
            let text_bytes: usize = if Head::needs_text(&query) {
                sh.head
                    .text_chunks(&cands)
                    .iter()
                    .map(|c| c.bytes as usize)
                    .sum()
            } else {
                0
            };
            per_query.push(format!(
                "| {n} | `{q}` | {} | {:.0} | {:.0} |",
                cands.len(),
                post_bytes as f64 / 1e3,
                text_bytes as f64 / 1e3
            ));
        }
    }
    println!();
    println!("| articles | query | candidates | postings KB read | text KB read |");
    println!("|---:|---|---:|---:|---:|");
    for r in per_query {
        println!("{r}");
    }
}
