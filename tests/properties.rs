//! Property tests: the parser and the search never panic, and every highlight lies on
//! character boundaries inside its text and covers exactly what the term folds to.

mod common;

use std::sync::OnceLock;

use archive_explorer::archive::page::parse_page;
use archive_explorer::archive::{Archive, Article, Sidecar};
use archive_explorer::search::engine::SearchOptions;
use archive_explorer::search::index::source_text;
use archive_explorer::search::postings::Postings;
use archive_explorer::search::query::{self, Term};
use archive_explorer::search::tables::build_tables;
use archive_explorer::search::{Index, Tables};
use proptest::prelude::*;

/// Characters that exercise the parser and the folding: CJK, punctuation of both widths,
/// quotes, dashes, spaces of all kinds, emoji, combining marks, RTL, regex metacharacters.
const ALPHABET: &[&str] = &[
    "张",
    "建",
    "党",
    "不",
    "造",
    "谣",
    "示",
    "范",
    "区",
    "張",
    "黨",
    "範",
    "區",
    "疫",
    "情",
    "，",
    ",",
    "。",
    "!",
    "！",
    "“",
    "”",
    "\"",
    "「",
    "」",
    "—",
    "——",
    "-",
    "（",
    "）",
    "(",
    ")",
    " ",
    "\u{3000}",
    "\u{a0}",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    "Ｎ",
    "N",
    "n",
    "9",
    "９",
    "5",
    "a",
    "Z",
    "é",
    "e\u{301}",
    "😀",
    "👩‍👩‍👧",
    "\u{200f}",
    "שלום",
    "العربية",
    ".*",
    "[",
    "]",
    "\\",
    "$",
    "^",
    "|",
    "?",
    "+",
    "{",
    "}",
    "本报讯",
    "记者 张劲松 摄",
    "(图1)",
    "2月4日",
    "□",
    "编者按",
    "（新语）",
    "\u{feff}",
    "ﬁ",
    "㈱",
    "①",
];

fn text_strategy(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(ALPHABET), 0..max).prop_map(|v| v.concat())
}

/// Texts over a few characters of 1 to 4 bytes, so substrings repeat and overlap often.
fn small_alphabet(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop::sample::select(vec!["疫", "情", "a", "𠀀", "é"]),
        0..max,
    )
    .prop_map(|v| v.concat())
}

fn tables() -> &'static Tables {
    static T: OnceLock<Tables> = OnceLock::new();
    T.get_or_init(|| {
        // Tables over every alphabet character, so that folding is exercised both ways.
        let mut a = common::seed_archive();
        a.articles
            .push(article("alphabet", &ALPHABET.concat()).into());
        build_tables(&a).expect("tables")
    })
}

fn article(id: &str, text: &str) -> Article {
    let title: String = text.chars().take(10).collect();
    common::article(id, &title, text)
}

fn check(ix: &Index, q: &str) -> Result<(), TestCaseError> {
    let parsed = ix.parse(q);
    let r = ix.search(&parsed, &SearchOptions::default());
    let single_text = match parsed.clauses.as_slice() {
        [c] if !c.negated && c.alternatives.len() == 1 => match &c.alternatives[0] {
            Term::Text {
                raw, pinyin: None, ..
            } => Some(ix.fold(raw)),
            _ => None,
        },
        _ => None,
    };
    for h in &r.hits {
        let a = &ix.archive().articles[h.doc];
        for fr in &h.ranges {
            let text = source_text(a, fr.field, fr.index).unwrap_or_default();
            let mut last = 0;
            for &(s, e) in &fr.ranges {
                prop_assert!(
                    s < e && e <= text.len(),
                    "range {s}..{e} in {} bytes",
                    text.len()
                );
                prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                prop_assert!(s >= last, "sorted and disjoint");
                last = e;
                if let Some(t) = &single_text {
                    prop_assert_eq!(&ix.fold(&text[s..e]), t);
                }
            }
        }
        for sn in &h.snippets {
            for &(s, e) in &sn.marks {
                prop_assert!(s < e && e <= sn.text.len());
                prop_assert!(sn.text.is_char_boundary(s) && sn.text.is_char_boundary(e));
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn parser_never_panics(text in text_strategy(200)) {
        let meta = Sidecar { year: Some(2020), ..Default::default() };
        if let Ok((page, articles)) = parse_page("p.txt", &text, &meta) {
            prop_assert!(!articles.is_empty());
            for a in &articles {
                prop_assert!(a.source.line >= 1 && a.source.end_line as usize <= page.lines.len().max(1));
            }
        }
    }

    #[test]
    fn parser_survives_arbitrary_unicode(text in "\\PC{0,400}") {
        let _ = parse_page("p.txt", &text, &Sidecar::default());
    }

    #[test]
    fn search_ranges_are_sound_on_random_texts(texts in prop::collection::vec(text_strategy(60), 1..4), q in text_strategy(6)) {
        let archive = Archive {
            pages: vec![],
            entities: vec![],
            articles: texts.iter().enumerate().map(|(i, t)| article(&format!("a{i}"), t).into()).collect(),
        };
        let ix = Index::new(archive, tables());
        check(&ix, &q)?;
        // Searching for a piece of a text finds that text.
        if let Some(t) = texts.first() {
            let piece: String = t.chars().skip(3).take(4).collect();
            let parsed = query::parse(&format!("\"{}\"", piece.replace('"', "")));
            let folded = ix.fold(&piece.replace('"', ""));
            if !folded.is_empty() && !piece.contains('"') {
                let r = ix.search(&parsed, &SearchOptions::default());
                let full = ix.fold(t);
                if full.contains(&folded) {
                    prop_assert!(r.order.iter().any(|o| o.0 == 0), "{piece:?} in {t:?}");
                }
            }
        }
    }

    #[test]
    fn postings_find_what_a_scan_finds(text in small_alphabet(80), needle in small_alphabet(4)) {
        let p = Postings::new(&text);
        let got: Vec<usize> = p.find(&text, &needle).collect();
        let mut want = Vec::new();
        if !needle.is_empty() && !needle.contains('\n') {
            let mut from = 0;
            while let Some(i) = text[from..].find(&needle) {
                want.push(from + i);
                from += i + needle.len();
            }
        }
        prop_assert_eq!(got, want, "{:?} in {:?}", needle, text);
    }

    #[test]
    fn any_query_on_the_seed_is_safe(q in "\\PC{0,60}") {
        check(common::seed_index(), &q)?;
    }
}

#[test]
fn a_long_paste_is_safe() {
    let q = "疫情防控“阻击战”! ".repeat(1000);
    let ix = common::seed_index();
    let parsed = query::parse(&q);
    let r = ix.search(&parsed, &SearchOptions::default());
    assert!(r.order.is_empty());
}
