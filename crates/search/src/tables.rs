//! Building the corpus-specific tables from full dictionaries (native only: build.rs, CLI, tests).
//!
//! - Folding: Unicode NFKD, combining marks removed, recomposed (NFKC), lower-cased, traditional
//!   to simplified by OpenCC's character table (via `ferrous-opencc`), quote and dash variants
//!   unified, whitespace dropped.
//! - The table keeps a character only when its fold differs from itself **and** every character
//!   of the fold occurs in the folded corpus: any other character cannot take part in a match,
//!   so leaving it unfolded changes no result. This is what keeps the wasm small.
//! - Pinyin: every reading (heteronyms included) of every Han character of the folded corpus,
//!   from the `pinyin` crate, toneless, `ü` written `v`.

use std::collections::{BTreeMap, BTreeSet};

use ferrous_opencc::{config::BuiltinConfig, OpenCC};
use pinyin::ToPinyinMulti;
use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::fold::FoldTable;
use super::pinyin::PinyinTable;
use super::Tables;
use archive::Archive;

fn variant(c: char) -> char {
    match c {
        '“' | '”' | '„' | '‟' | '〝' | '〞' | '＂' | '「' | '」' | '『' | '』' | '«' | '»' => {
            '"'
        }
        '‘' | '’' | '‚' | '‛' | '＇' | '′' => '\'',
        '—' | '–' | '―' | '‒' | '‐' | '‑' | '−' | '─' | '━' | '﹣' | '－' | '⸺' | '⸻' => {
            '-'
        }
        _ => c,
    }
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FFFF)
}

/// The full fold of one character (see the module docs).
pub struct FullFolder {
    t2s: OpenCC,
}

impl FullFolder {
    /// Loads the OpenCC traditional-to-simplified tables.
    pub fn new() -> Result<FullFolder, String> {
        let t2s =
            OpenCC::from_config(BuiltinConfig::T2s).map_err(|e| format!("OpenCC t2s: {e}"))?;
        Ok(FullFolder { t2s })
    }

    /// Folds one character.
    pub fn fold_char(&self, c: char) -> String {
        if c.is_whitespace() || c == '\u{3000}' || c == '\u{feff}' || c == '\u{200b}' {
            return String::new();
        }
        let stripped: String = std::iter::once(c)
            .collect::<String>()
            .nfkd()
            .filter(|d| !is_combining_mark(*d))
            .collect();
        let mut out = String::new();
        for d in stripped.nfkc() {
            if d.is_whitespace() {
                continue;
            }
            for l in d.to_lowercase() {
                let l = variant(l);
                if is_cjk(l) {
                    let s = self.t2s.convert(&l.to_string());
                    out.push_str(&s);
                } else {
                    out.push(l);
                }
            }
        }
        out
    }

    /// Folds a string character by character.
    pub fn fold(&self, s: &str) -> String {
        s.chars().map(|c| self.fold_char(c)).collect()
    }
}

/// Builds the fold and pinyin tables that an archive needs.
pub fn build_tables(archive: &Archive) -> Result<Tables, String> {
    let full = FullFolder::new()?;
    let mut source_chars: BTreeSet<char> = BTreeSet::new();
    for a in &archive.articles {
        for t in a.texts() {
            source_chars.extend(t.text.chars());
        }
    }
    let mut target: BTreeSet<char> = BTreeSet::new();
    for c in &source_chars {
        target.extend(full.fold_char(*c).chars());
    }
    let mut map: Vec<(char, String)> = Vec::new();
    let mut drop: Vec<(u32, u32)> = Vec::new();
    for u in 0u32..=0x10FFFF {
        let Some(c) = char::from_u32(u) else { continue };
        // Unassigned and private-use planes cannot fold to anything in a corpus.
        if (0x30000..0xE0000).contains(&u) || u >= 0xF0000 {
            continue;
        }
        let f = full.fold_char(c);
        if f.len() == c.len_utf8() && f.starts_with(c) {
            continue;
        }
        if f.is_empty() {
            match drop.last_mut() {
                Some(r) if r.1 + 1 == u => r.1 = u,
                _ => drop.push((u, u)),
            }
        } else if f.chars().all(|x| target.contains(&x)) {
            map.push((c, f));
        }
    }
    let mut readings: BTreeMap<char, Vec<String>> = BTreeMap::new();
    for c in &target {
        if let Some(multi) = c.to_pinyin_multi() {
            let mut syls: Vec<String> = Vec::new();
            for p in multi {
                let s = p.plain().replace('ü', "v");
                if !syls.contains(&s) {
                    syls.push(s);
                }
            }
            readings.insert(*c, syls);
        }
    }
    Ok(Tables {
        fold: FoldTable { map, drop },
        pinyin: PinyinTable::from_readings(readings),
    })
}

#[cfg(test)]
mod tests {
    use crate::pinyin::PinyinMap;
    use crate::testing::article;
    use archive::Archive;

    fn tables_for(texts: &[&str]) -> crate::Tables {
        let a = Archive {
            articles: vec![article("a", "题", texts).into()],
            ..Default::default()
        };
        super::build_tables(&a).expect("tables")
    }

    #[test]
    fn folding_covers_the_corpus_and_its_variants() {
        let t = tables_for(&["张建党说：Ｎ９５口罩"]);
        let folder = crate::fold::Folder::new(&t.fold);
        // The corpus's own full-width letters, and the traditional form of its characters,
        // fold to what the corpus folds to.
        assert_eq!(folder.fold("Ｎ９５"), "n95");
        assert_eq!(folder.fold("張建黨"), "张建党");
        assert_eq!(folder.fold("张建党"), "张建党");
    }

    #[test]
    fn pinyin_only_for_corpus_characters() {
        let t = tables_for(&["张建党"]);
        let chars: Vec<char> = t.pinyin.readings.iter().map(|(c, _)| *c).collect();
        for c in ['张', '建', '党', '题'] {
            assert!(chars.contains(&c), "{c}");
        }
        assert!(!chars.contains(&'李'));
        let m = PinyinMap::new(&t.pinyin);
        assert!(m.is_syllables("zhangjiandang"));
        assert_eq!(m.find("张建党", "zjd"), [(0, "张建党".len())]);
    }
}
