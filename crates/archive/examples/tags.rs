//! Prints jieba's part-of-speech tags for each argument: `cargo run -p archive --example tags -- 文本`.
fn main() {
    let j = jieba_rs::Jieba::new();
    for line in std::env::args().skip(1) {
        let t: Vec<String> = j
            .tag(&line, true)
            .iter()
            .map(|t| format!("{}/{}", t.word, t.tag))
            .collect();
        println!("{}", t.join(" "));
    }
}
