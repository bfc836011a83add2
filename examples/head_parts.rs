//! Writes each part of a sharded head to `DIR/<part>.bin` (postcard), to see what the first
//! load carries: `cargo run --release --example head_parts -- HEAD.postcard DIR`, then compress.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let (Some(head), Some(dir)) = (args.first(), args.get(1)) else {
        eprintln!("usage: head_parts HEAD.postcard DIR");
        std::process::exit(2);
    };
    let bytes = std::fs::read(head).expect("head");
    let h = archive_explorer::search::shard::Head::decode(&bytes).expect("decode");
    let dir = std::path::Path::new(dir);
    std::fs::create_dir_all(dir).expect("dir");
    let put =
        |name: &str, b: Vec<u8>| std::fs::write(dir.join(format!("{name}.bin")), b).expect("write");
    put("tables", postcard::to_allocvec(&h.tables).expect("enc"));
    put("postings", postcard::to_allocvec(&h.postings).expect("enc"));
    put("texts", postcard::to_allocvec(&h.texts).expect("enc"));
    put("ids", postcard::to_allocvec(&h.ids).expect("enc"));
    put(
        "page_files",
        postcard::to_allocvec(&h.page_files).expect("enc"),
    );
    put("editions", postcard::to_allocvec(&h.editions).expect("enc"));
    put("summary", postcard::to_allocvec(&h.summary).expect("enc"));
}
