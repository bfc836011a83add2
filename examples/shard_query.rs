//! Times the worker's steps before it reads any text, natively, on a sharded build: parsing,
//! the plan, reading the postings chunks and the candidates.
//! `cargo run --release --example shard_query -- HEAD.postcard SHARDS_DIR QUERY…`
//! (`HEAD.postcard` and `shards-…/` are in the build's `OUT_DIR`; KiB are inflated sizes).

use std::time::Instant;

use archive_explorer::archive::Archive;
use archive_explorer::search::shard::Head;
use archive_explorer::search::Index;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(head), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: shard_query HEAD.postcard SHARDS_DIR QUERY…");
        std::process::exit(2);
    };
    let h = Head::decode(&std::fs::read(head).expect("head")).expect("decode");
    for q in &args[2..] {
        for round in 0..3 {
            let t = Instant::now();
            let parser = Index::new(Archive::default(), &h.tables);
            let query = parser.parse(q);
            let t_parse = t.elapsed();
            let plan = h.plan(&query);
            let t_plan = t.elapsed();
            let bytes: Vec<Vec<u8>> = plan
                .chunks
                .iter()
                .map(|n| {
                    // Chunk files are gzip (build.rs); the "files" time includes inflating.
                    let gz = std::fs::read(std::path::Path::new(dir).join(n)).expect("chunk");
                    let mut out = Vec::new();
                    std::io::Read::read_to_end(
                        &mut flate2::read::GzDecoder::new(&gz[..]),
                        &mut out,
                    )
                    .expect("gzip");
                    out
                })
                .collect();
            let t_read = t.elapsed();
            let slices: Vec<&[u8]> = bytes.iter().map(|b| b.as_slice()).collect();
            let postings = Head::read_postings(&plan, &slices).expect("postings");
            let t_decode = t.elapsed();
            let cands = h.candidates(&query, &plan, &postings, None);
            let t_cands = t.elapsed();
            let kib = bytes.iter().map(Vec::len).sum::<usize>() / 1024;
            println!(
                "{q} (round {round}): parse {:.1} ms, plan {:.1}, files {:.1}, decode {:.1} ({} chunks, {kib} KiB, {} keys), candidates {:.1} ({})",
                t_parse.as_secs_f64() * 1e3,
                (t_plan - t_parse).as_secs_f64() * 1e3,
                (t_read - t_plan).as_secs_f64() * 1e3,
                (t_decode - t_read).as_secs_f64() * 1e3,
                plan.chunks.len(),
                postings.len(),
                (t_cands - t_decode).as_secs_f64() * 1e3,
                cands.len(),
            );
        }
    }
}
