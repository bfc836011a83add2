//! A synthetic archive for benchmarks: articles assembled from the seed's own sentences with a
//! fixed pseudo-random sequence, so every run measures the same text.

use crate::archive::{Archive, Article, Author, Kind, Paragraph, Source};

/// A small deterministic generator (SplitMix64); not for anything but benchmark data.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
}

/// The sentences of an archive's paragraphs (split after `。！？!?`).
pub fn sentences(a: &Archive) -> Vec<String> {
    let mut out = Vec::new();
    for art in &a.articles {
        for p in &art.paragraphs {
            let mut cur = String::new();
            for c in p.text.chars() {
                cur.push(c);
                if matches!(c, '。' | '！' | '？' | '!' | '?') {
                    out.push(std::mem::take(&mut cur));
                }
            }
            if !cur.is_empty() {
                out.push(cur);
            }
        }
    }
    out
}

/// `n` articles of about `bytes_each` bytes of body text, built from `source`'s sentences.
pub fn archive(source: &Archive, n: usize, bytes_each: usize, seed: u64) -> Archive {
    let sents = sentences(source);
    let titles: Vec<&str> = source.articles.iter().map(|a| a.title.as_str()).collect();
    let names = ["张劲松", "李青", "王可", "周明远", "林小帆", "韩雪"];
    let mut rng = Rng(seed);
    let mut articles = Vec::with_capacity(n);
    for i in 0..n {
        let month = 1 + rng.below(12) as u32;
        let day = 1 + rng.below(28) as u32;
        let name = names[rng.below(names.len())];
        let mut paragraphs = Vec::new();
        let mut size = 0;
        let mut para = format!("本报讯(记者 {name}){month}月{day}日,");
        while size < bytes_each {
            let s = &sents[rng.below(sents.len())];
            para.push_str(s);
            size += s.len();
            if para.len() > 300 || size >= bytes_each {
                paragraphs.push(Paragraph {
                    text: std::mem::take(&mut para),
                    line: 1,
                    lines: vec![1],
                });
            }
        }
        let title = format!("{}（{}）", titles[rng.below(titles.len())], i + 1);
        articles.push(Article {
            id: format!("synth-{i}"),
            kicker: None,
            title,
            subtitle: None,
            column: None,
            kind: if rng.below(10) == 0 {
                Kind::Photo
            } else {
                Kind::News
            },
            date: Some(format!("2020-{month:02}-{day:02}")),
            dateline: Some(format!("本报讯(记者 {name})")),
            authors: vec![Author {
                name: name.into(),
                role: "记者".into(),
                credit: None,
            }],
            intertitles: vec![],
            figures: vec![],
            photo_credits: vec![],
            editor_note: None,
            paragraphs,
            source: Source {
                file: format!("synth-{:05}.txt", i / 100),
                line: 1,
                end_line: 1,
            },
        });
    }
    Archive {
        pages: Vec::new(),
        articles,
        entities: Vec::new(),
    }
}

/// Writes an archive as one Markdown file per article (for building the app over it).
pub fn write_markdown(a: &Archive, dir: &std::path::Path) -> std::io::Result<()> {
    std::fs::create_dir_all(dir)?;
    for art in &a.articles {
        let authors: Vec<String> = art
            .authors
            .iter()
            .map(|x| format!("{} {}", x.role, x.name))
            .collect();
        let mut s = format!(
            "---\ntitle: {}\ndate: {}\nauthors: {}\nkind: {}\n---\n",
            art.title,
            art.date.clone().unwrap_or_default(),
            authors.join(", "),
            art.kind.key()
        );
        for p in &art.paragraphs {
            s.push_str(&p.text);
            s.push_str("\n\n");
        }
        std::fs::write(dir.join(format!("{}.md", art.id)), s)?;
    }
    Ok(())
}
