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
    let mut articles = Vec::with_capacity(n.min(1 << 16));
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
        articles: articles.into_iter().map(std::sync::Arc::new).collect(),
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

/// The most articles `archive synth` writes (about 7.5 GB of pages): beyond, a clear error.
pub const MAX_ARTICLES: usize = 5_000_000;

/// Parses the article count of `archive synth`, refusing nonsense before anything is allocated.
pub fn parse_count(s: &str) -> Result<usize, String> {
    let n: u128 = s
        .trim()
        .parse()
        .map_err(|_| format!("{s:?} is not a number of articles"))?;
    if n == 0 || n > MAX_ARTICLES as u128 {
        return Err(format!(
            "{s} articles: expected 1 to {MAX_ARTICLES} (50,000 articles are about 75 M characters)"
        ));
    }
    Ok(n as usize)
}

/// One generated page: its path under the archive folder, its text, an optional sidecar, and
/// how many articles the generator put on it (what the parser must find).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynthPage {
    /// Relative path with `/`, e.g. `2020/01/01/03.txt`.
    pub path: String,
    /// The page text (UTF-8).
    pub text: String,
    /// `<page>.toml` beside it, when generated.
    pub sidecar: Option<String>,
    /// Articles printed on it.
    pub articles: usize,
}

/// Totals of a generated archive.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SynthStats {
    /// Pages written.
    pub pages: usize,
    /// Articles on them.
    pub articles: usize,
    /// Characters of text.
    pub chars: usize,
}

const SURNAMES: &str = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾萧田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤";
const GIVEN: &str = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红梅鹏辉建国志新晓雪宁海波琳颖佳欣怡俊浩宇轩然子文博思远航瑶倩晨阳丹凤帆松青可雯琦";
const PLACES: [&str; 24] = [
    "北京", "上海", "天津", "重庆", "杭州", "南京", "武汉", "成都", "西安", "长沙", "郑州", "济南",
    "合肥", "福州", "南昌", "昆明", "贵阳", "兰州", "银川", "西宁", "拉萨", "海口", "南宁", "太原",
];
const TOPICS: [&str; 16] = [
    "社区养老服务",
    "乡村道路建设",
    "老旧小区改造",
    "春季农业生产",
    "中小学课后服务",
    "城市垃圾分类",
    "冬季供暖保障",
    "河道生态治理",
    "高校毕业生就业",
    "文化惠民演出",
    "基层医疗服务",
    "夜间公交线路",
    "冷链物流体系",
    "非遗技艺传承",
    "全民健身设施",
    "小微企业融资",
];
const COLUMNS: [&str; 5] = ["人民论坛", "新语", "今日谈", "评论员观察", "金台随笔"];
// Sentence patterns written for this generator: {p} place, {t} topic, {n} a name, {k} a number.
const SENTENCES: [&str; 20] = [
    "今年以来，{p}围绕{t}推出{k}项具体举措，群众反映普遍较好。",
    "{n}告诉记者，过去办一件事要跑好几趟，现在在家门口就能办成。",
    "据{p}有关部门介绍，{t}已覆盖全市{k}个街道，受益居民超过{k}万人。",
    "在{p}的一处工地上，{n}正和工友们一起核对图纸，检查每一道工序。",
    "“我们把{t}当作民生实事来抓，一项一项落实到位。”{n}说。",
    "为了让政策真正落地，{p}组织{k}支工作队深入基层，逐户走访了解需求。",
    "{n}是一名有{k}年经验的技术员，这些天几乎每天都守在现场。",
    "记者在{p}看到，新建的服务中心宽敞明亮，前来咨询的居民络绎不绝。",
    "下一步，{p}将继续完善{t}的长效机制，推动各项工作走深走实。",
    "专家{n}认为，{t}既要看当下的成效，也要算长远的账。",
    "截至目前，{p}累计投入资金{k}亿元，完成年度计划的{k}%。",
    "{n}一边翻看台账一边介绍，每个环节都有专人负责、有据可查。",
    "不少年轻人也加入进来，{n}就是其中之一，他说这份工作让自己很有成就感。",
    "{p}还建立了群众评议制度，每季度邀请{k}名居民代表参与打分。",
    "针对群众反映集中的问题，{p}梳理出{k}条整改清单，逐条销号。",
    "在{n}看来，{t}最难的不是花钱，而是把大家的心思拧成一股绳。",
    "清晨六点，{n}已经来到岗位，开始一天的巡查。",
    "从最初的试点到全面推开，{p}的{t}用了不到{k}年时间。",
    "{n}说，看到群众脸上的笑容，再苦再累也值得。",
    "有关负责人表示，将及时总结经验，争取在更大范围推广。",
];

impl Rng {
    fn pick<'a>(&mut self, v: &[&'a str]) -> &'a str {
        v[self.below(v.len())]
    }

    fn name(&mut self) -> String {
        let s: Vec<char> = SURNAMES.chars().collect();
        let g: Vec<char> = GIVEN.chars().collect();
        let mut n = String::new();
        n.push(s[self.below(s.len())]);
        n.push(g[self.below(g.len())]);
        if self.below(3) > 0 {
            n.push(g[self.below(g.len())]);
        }
        n
    }

    fn sentence(&mut self, place: &str, topic: &str) -> String {
        let pat = self.pick(&SENTENCES);
        let mut out = String::with_capacity(pat.len() + 16);
        let mut rest = pat;
        while let Some(p) = rest.find('{') {
            out.push_str(&rest[..p]);
            let slot = rest.get(p + 1..p + 2).unwrap_or("");
            match slot {
                "p" => out.push_str(place),
                "t" => out.push_str(topic),
                "n" => out.push_str(&self.name()),
                _ => out.push_str(&(2 + self.below(97)).to_string()),
            }
            rest = rest.get(p + 3..).unwrap_or("");
        }
        out.push_str(rest);
        out
    }

    fn paragraph(&mut self, place: &str, topic: &str, chars: usize) -> String {
        let mut p = String::new();
        while p.chars().count() < chars {
            p.push_str(&self.sentence(place, topic));
        }
        p
    }
}

const INDENT: &str = "\u{3000}\u{3000}";

/// One article in the e-edition layout; returns its lines.
fn synth_article(rng: &mut Rng, month: u32, day: u32, body_chars: usize) -> Vec<String> {
    let place = rng.pick(&PLACES);
    let topic = rng.pick(&TOPICS);
    let mut lines = Vec::new();
    let kind = rng.below(20);
    let body = |rng: &mut Rng, lines: &mut Vec<String>, total: usize, intertitles: bool| {
        let mut written = 0;
        let mut k = 0;
        while written < total {
            if intertitles && k > 0 && k % 3 == 0 {
                lines.push(format!("{INDENT}{}的新变化", rng.pick(&TOPICS)));
            }
            let len = 80 + rng.below(160);
            let p = rng.paragraph(place, topic, len);
            written += p.chars().count();
            lines.push(format!("{INDENT}{p}"));
            k += 1;
        }
    };
    match kind {
        0 => lines.push(
            if rng.below(2) == 0 {
                "广告"
            } else {
                "图片报道"
            }
            .to_string(),
        ),
        1..=3 => {
            // Photo item: title, one or two captions, a credit.
            lines.push(format!("{place}：{topic}见闻"));
            lines.push(format!("{INDENT}{}", rng.paragraph(place, topic, 60)));
            if rng.below(2) == 0 {
                lines.push(format!("{INDENT}图为{place}居民在新建的服务站内交流。"));
            }
            lines.push(format!("{INDENT}{}摄（影像中国）", rng.name()));
        }
        4..=5 => {
            let col = rng.pick(&COLUMNS);
            lines.push(format!("让{topic}更有温度（{col}）"));
            body(rng, &mut lines, body_chars, false);
            lines.push(format!("{INDENT}（作者为{place}某研究院研究员）"));
        }
        6..=9 => {
            // Feature: kicker, title, subtitle, byline paragraph, intertitles.
            lines.push(format!("{place}{topic}走进千家万户——"));
            lines.push("小切口带来大变化".to_string());
            lines.push(format!("——{place}推进{topic}见闻"));
            lines.push(format!("{INDENT}本报记者　{}　{}", rng.name(), rng.name()));
            body(rng, &mut lines, body_chars, true);
        }
        _ => {
            // News: sometimes a long kicker (60–120 characters ending with ——).
            // Two-line headlines are kicker and title; a third line is the subtitle.
            let long_kicker = rng.below(3) == 0;
            if long_kicker {
                let mut k = format!("坚持以人民为中心，{place}聚焦{topic}");
                while k.chars().count() < 60 + rng.below(50) {
                    k.push_str(&format!("，{}持续发力", rng.pick(&TOPICS)));
                }
                k.push_str("——");
                lines.push(k);
            } else if rng.below(2) == 0 {
                lines.push(format!("{topic}提质增效"));
            }
            lines.push(format!("{place}{topic}取得新进展"));
            if long_kicker && rng.below(2) == 0 {
                lines.push(format!("{k}个项目年内完工", k = 3 + rng.below(30)));
            }
            let (a, b) = (rng.name(), rng.name());
            lines.push(format!(
                "{INDENT}本报{place}{month}月{day}日电　（记者{a}、{b}）{}",
                rng.paragraph(place, topic, 100)
            ));
            body(rng, &mut lines, body_chars, false);
        }
    }
    lines
}

/// Generates `n` articles as pages of 3 to 6 articles, 8 pages a day from 2020-01-01: four in
/// five in the e-edition layout, one in five like an OCR'd print page; named
/// `YYYY/MM/DD/NN.txt`, `YYYY/rmrb_YYYYMMDD_pNN.txt` or `YYYY/YYYY-MM-DD_第N版.txt`; one page in
/// ten has a sidecar (paper, page). About 1,430 characters per article.
pub fn pages(n: usize, seed: u64) -> Vec<SynthPage> {
    let mut rng = Rng(seed);
    let mut out = Vec::new();
    let mut made = 0usize;
    let mut page_no = 0usize;
    while made < n {
        let day_index = page_no / 8;
        let (mut y, mut m, mut d) = (2020, 1u32, 1u32);
        for _ in 0..day_index {
            d += 1;
            if d > crate::archive::date::days_in_month(y, m) {
                d = 1;
                m += 1;
                if m > 12 {
                    m = 1;
                    y += 1;
                }
            }
        }
        let count = (3 + rng.below(4)).min(n - made);
        // One page in five is laid out like an OCR'd print page: no indentation, a blank line
        // after every line, two between articles.
        let ocr = rng.below(5) == 0;
        let mut lines: Vec<String> = Vec::new();
        for k in 0..count {
            let body = 1_200 + rng.below(600);
            let article = synth_article(&mut rng, m, d, body);
            if ocr {
                if k > 0 {
                    lines.push(String::new());
                }
                for l in article {
                    lines.push(l.trim_start_matches('\u{3000}').to_string());
                    lines.push(String::new());
                }
                continue;
            }
            if k > 0 {
                match rng.below(3) {
                    0 => {}
                    1 => lines.push(String::new()),
                    _ => lines.push("\u{3000}\u{3000}".to_string()),
                }
            }
            lines.extend(article);
        }
        let mut text = lines.join("\n");
        text.push('\n');
        let p = page_no % 8 + 1;
        let sidecar =
            (page_no % 10 == 9).then(|| format!("paper = \"合成日报\"\npage = \"{p}\"\n"));
        // Names as archives come: folders by day, or the date and page in the file name.
        let path = match page_no % 3 {
            0 => format!("{y:04}/{m:02}/{d:02}/{p:02}.txt"),
            1 => format!("{y:04}/rmrb_{y:04}{m:02}{d:02}_p{p:02}.txt"),
            _ => format!("{y:04}/{y:04}-{m:02}-{d:02}_第{p}版.txt"),
        };
        out.push(SynthPage {
            path,
            text,
            sidecar,
            articles: count,
        });
        made += count;
        page_no += 1;
    }
    out
}

/// Writes [`pages`] under `dir` with an `archive.toml` (paper, year).
pub fn write_pages(n: usize, dir: &std::path::Path, seed: u64) -> std::io::Result<SynthStats> {
    std::fs::create_dir_all(dir)?;
    std::fs::write(
        dir.join("archive.toml"),
        "paper = \"合成日报\"\nyear = 2020\n",
    )?;
    let mut stats = SynthStats::default();
    for p in pages(n, seed) {
        let path = dir.join(&p.path);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent)?;
        }
        std::fs::write(&path, &p.text)?;
        if let Some(s) = &p.sidecar {
            std::fs::write(path.with_extension("toml"), s)?;
        }
        stats.pages += 1;
        stats.articles += p.articles;
        stats.chars += p.text.chars().count();
    }
    Ok(stats)
}
