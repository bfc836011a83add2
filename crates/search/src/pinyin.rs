//! Pinyin queries: `zhangjiandang`, `zhang jian dang`, `zjd`, `zhāng`, `lü`/`lv`.
//!
//! A query in Latin letters also matches a run of Han characters when, character by
//! character, it spells one of the character's readings in full, or its initial (`zh`, `ch`,
//! `sh` or the first letter); the last character may be spelled by any prefix, so results
//! follow typing. A match spelled only by initials needs at least two characters.

use std::collections::{BTreeMap, HashMap};

use serde::{Deserialize, Serialize};

use super::charmap::CharMap;

/// Toneless readings of the corpus's Han characters.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PinyinTable {
    /// Distinct syllables, e.g. `zhang`.
    pub syllables: Vec<String>,
    /// Each character's readings as indexes into `syllables`, sorted by character.
    pub readings: Vec<(char, Vec<u16>)>,
}

impl PinyinTable {
    /// Builds the table from readings per character. Syllables are numbered in alphabetical
    /// order (sorted words compress better in the embedded data).
    pub fn from_readings(readings: BTreeMap<char, Vec<String>>) -> PinyinTable {
        let all: std::collections::BTreeSet<&String> = readings.values().flatten().collect();
        let ids: HashMap<&String, u16> = all
            .iter()
            .enumerate()
            .map(|(i, s)| (*s, i as u16))
            .collect();
        let out = readings
            .iter()
            .map(|(c, syls)| {
                (
                    *c,
                    syls.iter().filter_map(|s| ids.get(s).copied()).collect(),
                )
            })
            .collect();
        let syllables = all.into_iter().cloned().collect();
        PinyinTable {
            syllables,
            readings: out,
        }
    }
}

/// A fast lookup built from a [`PinyinTable`].
#[derive(Debug, Clone, Default)]
pub struct PinyinMap {
    syllables: Vec<Box<str>>,
    /// Character → slot.
    slots: CharMap,
    /// Per slot: reading ids.
    lists: Vec<Vec<u16>>,
    /// Per slot: a bit per letter `a`–`z` that one of its readings starts with.
    masks: Vec<u32>,
    /// Per slot: its character.
    chars: Vec<char>,
}

impl PinyinMap {
    /// Builds the lookup.
    pub fn new(t: &PinyinTable) -> PinyinMap {
        let syllables: Vec<Box<str>> = t
            .syllables
            .iter()
            .map(|s| s.clone().into_boxed_str())
            .collect();
        let mut m = PinyinMap {
            syllables,
            ..Default::default()
        };
        for (i, (c, ids)) in t.readings.iter().enumerate() {
            let mask = ids
                .iter()
                .filter_map(|i| m.syllables.get(*i as usize))
                .filter_map(|s| s.bytes().next())
                .filter(|b| b.is_ascii_lowercase())
                .fold(0u32, |m, b| m | 1 << (b - b'a'));
            m.slots.insert(*c, i as u32);
            m.lists.push(ids.clone());
            m.masks.push(mask);
            m.chars.push(*c);
        }
        m
    }

    /// Whether `word` (already [`pinyin_key`]-normalized) splits into whole corpus syllables.
    pub fn is_syllables(&self, word: &str) -> bool {
        let b = word.as_bytes();
        let mut ok = vec![false; b.len() + 1];
        ok[0] = true;
        for i in 0..b.len() {
            if !ok[i] {
                continue;
            }
            for s in self.syllables.iter() {
                if b[i..].starts_with(s.as_bytes()) {
                    ok[i + s.len()] = true;
                }
            }
        }
        !word.is_empty() && ok[b.len()]
    }

    /// A bit per letter `a`–`z` that one of the character's readings begins with (0: none).
    /// Every character that can begin a match of a key has the bit of the key's first letter
    /// (a reading, its initial or a prefix of it all begin with that letter), so the articles
    /// holding such a character are a superset of those that match.
    pub fn letters(&self, c: char) -> u32 {
        self.slots
            .get(c)
            .and_then(|s| self.masks.get(s as usize))
            .copied()
            .unwrap_or(0)
    }

    /// The main (first) reading of a character of the corpus, e.g. `zhang` for `张`.
    pub fn main_reading(&self, c: char) -> Option<&str> {
        let slot = self.slots.get(c)?;
        let id = *self.lists.get(slot as usize)?.first()?;
        self.syllables.get(id as usize).map(|s| &**s)
    }

    /// Byte ranges in `text` of the runs of characters that `key` spells, left to right,
    /// without overlaps.
    pub fn find(&self, text: &str, key: &str) -> Vec<(usize, usize)> {
        let starters = self.starters(key);
        let mut out = Vec::new();
        let mut i = 0;
        while let Some((slot, next)) = self.slot_at(text, i) {
            if starters.get(slot as usize).copied().unwrap_or(false) {
                if let Some(end) = self.match_at(text, i, key) {
                    out.push((i, end));
                    i = end;
                    continue;
                }
            }
            i = next;
        }
        out
    }

    /// Whether `c` can begin a match of the key whose [`Self::starters`] are `starters`.
    pub fn can_start(&self, starters: &[bool], c: char) -> bool {
        self.slots
            .get(c)
            .is_some_and(|s| starters.get(s as usize + 1) == Some(&true))
    }

    /// Per slot + 1: whether a character with it can begin a match of `key`.
    pub fn starters(&self, key: &str) -> Vec<bool> {
        let q = key.as_bytes();
        let bit = q
            .first()
            .filter(|b| b.is_ascii_lowercase())
            .map_or(0, |b| 1u32 << (b - b'a'));
        let mut ok = vec![false; self.lists.len() + 1];
        if q.len() >= 2 && bit != 0 {
            for (slot, ok) in ok.iter_mut().enumerate().skip(1) {
                *ok = self.masks.get(slot - 1).is_some_and(|m| m & bit != 0)
                    && self.can_begin(slot as u32, q);
            }
        }
        ok
    }

    /// The characters that can begin a match of `key`: where to look for its matches (with
    /// [`PinyinMap::match_at`] at each of their occurrences), instead of walking every text.
    pub fn starting_chars(&self, key: &str) -> Vec<char> {
        self.starters(key)
            .iter()
            .zip(std::iter::once(&'\0').chain(&self.chars))
            .filter(|(ok, _)| **ok)
            .map(|(_, c)| *c)
            .collect()
    }

    /// The end (byte offset) of the run of characters from byte `start` of `text` that `key`
    /// spells, if any. Stops at a character without readings (such as the `\n` between texts).
    pub fn match_at(&self, text: &str, start: usize, key: &str) -> Option<usize> {
        let q = key.as_bytes();
        if q.len() < 2 {
            return None;
        }
        let mut memo = Memo {
            steps: 0,
            failed: None,
        };
        self.match_from(text, start, start, 0, q, 0, &mut memo)
    }

    /// The reading slot + 1 (0: none) of the character at byte `i`, and where the next starts.
    #[inline]
    fn slot_at(&self, text: &str, i: usize) -> Option<(u32, usize)> {
        let c = text.get(i..)?.chars().next()?;
        Some((self.slots.get(c).map_or(0, |s| s + 1), i + c.len_utf8()))
    }

    /// Whether a character can spell the start of `q`: one of its readings is `q` or begins
    /// it, or its main reading's initial does (the first step of [`Self::match_from`]).
    fn can_begin(&self, slot: u32, q: &[u8]) -> bool {
        if self.slot_readings(slot).any(|s| is_prefix(s, q)) {
            return true;
        }
        self.slot_readings(slot).next().is_some_and(|s| {
            let zcs = s.len() > 2 && matches!(&s[..2], b"zh" | b"ch" | b"sh");
            let inits: &[usize] = if zcs { &[2, 1] } else { &[1] };
            inits
                .iter()
                .any(|&n| q.len() > n && s.get(..n).is_some_and(|i| is_prefix(i, q)))
        })
    }

    fn slot_readings(&self, slot: u32) -> impl Iterator<Item = &[u8]> {
        slot.checked_sub(1)
            .and_then(|s| self.lists.get(s as usize))
            .into_iter()
            .flatten()
            .filter_map(|i| self.syllables.get(*i as usize).map(|s| s.as_bytes()))
    }

    /// Matches `q[qi..]` against the characters of `text` from byte `ci` (the match started at
    /// `start`); returns the byte offset after the last character. A one-character match must
    /// spell a whole syllable.
    ///
    /// `k` is the number of characters matched so far. After [`MEMO_AFTER`] steps (an
    /// ambiguous key: `aaaa…` over a run of `啊` has exponentially many paths) the search
    /// remembers the states `(k, qi)` known to fail and visits each at most once more: O(key²)
    /// states in all. Ordinary keys finish long before and pay nothing for it.
    #[allow(clippy::too_many_arguments)]
    fn match_from(
        &self,
        text: &str,
        start: usize,
        ci: usize,
        k: usize,
        q: &[u8],
        qi: usize,
        memo: &mut Memo,
    ) -> Option<usize> {
        match &memo.failed {
            Some(f) if f.get(k, qi) => return None,
            Some(_) => {}
            None => {
                memo.steps += 1;
                if memo.steps > MEMO_AFTER {
                    memo.failed = Some(Failed::new(q.len()));
                }
            }
        }
        let r = self.match_step(text, start, ci, k, q, qi, memo);
        if r.is_none() {
            if let Some(f) = &mut memo.failed {
                f.set(k, qi);
            }
        }
        r
    }

    #[allow(clippy::too_many_arguments)]
    fn match_step(
        &self,
        text: &str,
        start: usize,
        ci: usize,
        k: usize,
        q: &[u8],
        qi: usize,
        memo: &mut Memo,
    ) -> Option<usize> {
        let (slot, next) = self.slot_at(text, ci)?;
        if slot == 0 {
            return None;
        }
        let rest = &q[qi..];
        // Every way to spell a character starts with the first letter of one of its readings.
        let first = *rest.first()?;
        let mask = self.masks.get(slot as usize - 1).copied().unwrap_or(0);
        if !first.is_ascii_lowercase() || mask & (1 << (first - b'a')) == 0 {
            return None;
        }
        let several = ci > start;
        for s in self.slot_readings(slot) {
            if !is_prefix(s, rest) {
                continue;
            }
            if rest.len() == s.len() {
                return Some(next);
            }
            if let Some(e) = self.match_from(text, start, next, k + 1, q, qi + s.len(), memo) {
                return Some(e);
            }
        }
        // Initials use the main reading only: rarer readings spelled by one letter add noise.
        if let Some(s) = self.slot_readings(slot).next() {
            // The initial (zh/ch/sh or the first letter), then the next character.
            let zcs = s.len() > 2 && matches!(&s[..2], b"zh" | b"ch" | b"sh");
            let inits: &[usize] = if zcs { &[2, 1] } else { &[1] };
            for &n in inits {
                if rest.len() > n && s.get(..n).is_some_and(|i| is_prefix(i, rest)) {
                    if let Some(e) = self.match_from(text, start, next, k + 1, q, qi + n, memo) {
                        return Some(e);
                    }
                }
            }
        }
        // The last character of a longer match may be spelled by any prefix (typing).
        if several && self.slot_readings(slot).any(|s| is_prefix(rest, s)) {
            return Some(next);
        }
        None
    }
}

/// Steps of one [`PinyinMap::match_at`] before it starts remembering failed states.
const MEMO_AFTER: u32 = 64;

/// The search state of one [`PinyinMap::match_at`].
struct Memo {
    steps: u32,
    failed: Option<Failed>,
}

/// The states `(characters matched, key position)` of one [`PinyinMap::match_at`] known to
/// fail. Every character consumes at least one letter, so both are at most the key's length.
/// Keys of up to 10 letters (nearly all) fit in a 128-bit set on the stack (two words: a
/// `u128` shift is a library call on some targets).
struct Failed {
    width: usize,
    small: [u64; 2],
    big: Vec<bool>,
}

impl Failed {
    fn new(key_len: usize) -> Failed {
        let width = key_len + 1;
        let big = if width * width > 128 {
            vec![false; width * width]
        } else {
            Vec::new()
        };
        Failed {
            width,
            small: [0; 2],
            big,
        }
    }

    #[inline]
    fn get(&self, k: usize, qi: usize) -> bool {
        let i = k * self.width + qi;
        if self.big.is_empty() {
            i < 128 && self.small[i >> 6] >> (i & 63) & 1 != 0
        } else {
            self.big.get(i).copied().unwrap_or(false)
        }
    }

    #[inline]
    fn set(&mut self, k: usize, qi: usize) {
        let i = k * self.width + qi;
        if self.big.is_empty() {
            if i < 128 {
                self.small[i >> 6] |= 1 << (i & 63);
            }
        } else if let Some(b) = self.big.get_mut(i) {
            *b = true;
        }
    }
}

/// Whether `p` begins `s`, compared byte by byte (these are 1–6 letters: a call to `memcmp`
/// per comparison cost more than the comparison).
#[inline]
fn is_prefix(p: &[u8], s: &[u8]) -> bool {
    p.len() <= s.len() && p.iter().zip(s).all(|(a, b)| a == b)
}

/// Normalizes a Latin query word for pinyin: lower case, tone marks removed, `ü` as `v`,
/// apostrophes and spaces removed. `None` when the word has anything but letters.
pub fn pinyin_key(word: &str) -> Option<String> {
    let mut out = String::new();
    for c in word.chars() {
        let base = match c {
            'ā' | 'á' | 'ǎ' | 'à' | 'Ā' | 'Á' | 'Ǎ' | 'À' => 'a',
            'ē' | 'é' | 'ě' | 'è' | 'Ē' | 'É' | 'Ě' | 'È' | 'ê' => 'e',
            'ī' | 'í' | 'ǐ' | 'ì' | 'Ī' | 'Í' | 'Ǐ' | 'Ì' => 'i',
            'ō' | 'ó' | 'ǒ' | 'ò' | 'Ō' | 'Ó' | 'Ǒ' | 'Ò' => 'o',
            'ū' | 'ú' | 'ǔ' | 'ù' | 'Ū' | 'Ú' | 'Ǔ' | 'Ù' => 'u',
            'ü' | 'ǖ' | 'ǘ' | 'ǚ' | 'ǜ' | 'Ü' | 'Ǖ' | 'Ǘ' | 'Ǚ' | 'Ǜ' => 'v',
            '\'' | '’' | ' ' | '\u{3000}' => continue,
            'a'..='z' => c,
            'A'..='Z' => c.to_ascii_lowercase(),
            'ａ'..='ｚ' => char::from_u32(c as u32 - 'ａ' as u32 + 'a' as u32)?,
            'Ａ'..='Ｚ' => char::from_u32(c as u32 - 'Ａ' as u32 + 'a' as u32)?,
            _ => return None,
        };
        out.push(base);
    }
    (!out.is_empty()).then_some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table_numbers_syllables_alphabetically_and_keeps_every_reading() {
        let mut r = BTreeMap::new();
        r.insert('长', vec!["zhang".to_string(), "chang".to_string()]);
        r.insert('张', vec!["zhang".to_string()]);
        r.insert('阿', vec!["a".to_string(), "e".to_string()]);
        let t = PinyinTable::from_readings(r);
        assert_eq!(t.syllables, ["a", "chang", "e", "zhang"]);
        let spelled: Vec<(char, Vec<&str>)> = t
            .readings
            .iter()
            .map(|(c, ids)| {
                (
                    *c,
                    ids.iter()
                        .map(|i| t.syllables[*i as usize].as_str())
                        .collect(),
                )
            })
            .collect();
        assert_eq!(
            spelled,
            [
                ('张', vec!["zhang"]),
                ('长', vec!["zhang", "chang"]),
                ('阿', vec!["a", "e"])
            ]
        );
    }

    fn map() -> PinyinMap {
        let mut r = BTreeMap::new();
        for (c, s) in [
            ('张', "zhang"),
            ('建', "jian"),
            ('党', "dang"),
            ('长', "chang"),
            ('绿', "lv"),
            ('城', "cheng"),
        ] {
            r.insert(c, vec![s.to_string()]);
        }
        r.get_mut(&'长').expect("长").push("zhang".into());
        PinyinMap::new(&PinyinTable::from_readings(r))
    }

    #[test]
    fn syllables_initials_and_prefixes() {
        let m = map();
        let t = "由张建党主持";
        let z = t.find('张').expect("z");
        let end = z + "张建党".len();
        assert_eq!(m.find(t, "zhangjiandang"), [(z, end)]);
        assert_eq!(m.find(t, "zjd"), [(z, end)]);
        assert_eq!(m.find(t, "zhangjd"), [(z, end)]);
        assert_eq!(m.find(t, "zhangjiand"), [(z, end)]);
        assert_eq!(m.find(t, "zhang"), [(z, z + "张".len())]);
        assert!(m.find(t, "z").is_empty());
        assert!(m.find(t, "zx").is_empty());
        // Heteronyms: 长 reads chang or zhang.
        assert_eq!(m.find("长城", "zhangcheng").len(), 1);
        assert_eq!(m.find("长城", "cc").len(), 1);
    }

    #[test]
    fn keys() {
        assert_eq!(
            pinyin_key("Zhāng Jiàn'dǎng").as_deref(),
            Some("zhangjiandang")
        );
        assert_eq!(pinyin_key("lǜ").as_deref(), Some("lv"));
        assert_eq!(pinyin_key("n95"), None);
        assert!(map().is_syllables("zhangjian"));
        assert!(!map().is_syllables("zjd"));
    }

    /// A key that nearly matches a long run of one-letter syllables: every character can be
    /// spelled as a whole syllable or as an initial, so a search without memory tries 2^n paths.
    /// Each state is visited once now; the answers must be those of the plain definition.
    #[test]
    fn long_ambiguous_keys_are_answered_exactly() {
        let mut r = BTreeMap::new();
        r.insert('啊', vec!["a".to_string()]);
        r.insert('张', vec!["zhang".to_string()]);
        let m = PinyinMap::new(&PinyinTable::from_readings(r));
        let run = "啊".repeat(40);
        // 20 letters spell 20 characters; the miss (`…az`) fails after exploring every split.
        let key = "a".repeat(20);
        assert_eq!(m.match_at(&run, 0, &key), Some(20 * "啊".len()));
        assert_eq!(m.match_at(&run, 0, &format!("{key}z")), None);
        let text = format!("{run}张");
        assert_eq!(
            m.match_at(&text, 0, &format!("{}zh", "a".repeat(40))),
            Some(text.len())
        );
        // A 200-letter key uses the heap-backed set.
        let long = "啊".repeat(200);
        assert_eq!(m.match_at(&long, 0, &"a".repeat(200)), Some(long.len()));
        assert_eq!(m.match_at(&long, 0, &format!("{}z", "a".repeat(199))), None);
    }
}
