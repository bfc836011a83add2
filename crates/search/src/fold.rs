//! Normalization with an offset map back to the original text.
//!
//! Every character folds to a short string: full-width and compatibility forms to their plain
//! form (NFKC), Latin to lower case without accents, traditional to simplified Chinese, quote
//! and dash variants to `"` `'` `-`, and whitespace to nothing (so a line break or a stray
//! space never breaks a match). The fold of a whole text is the concatenation of its
//! characters' folds, which keeps an exact map from folded to original offsets.
//!
//! The wasm app does not carry Unicode or OpenCC tables: `build.rs` computes a [`FoldTable`]
//! with only the entries that can matter for the corpus (see [`super::tables`]).
//!
//! Offsets are **bytes** in UTF-8 and always lie on character boundaries.

use serde::{Deserialize, Serialize};

use super::charmap::CharMap;

/// Characters whose fold differs from themselves, for one corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FoldTable {
    /// `(char, fold)` pairs with a non-empty fold, sorted by char.
    pub map: Vec<(char, String)>,
    /// Inclusive code-point ranges that fold to nothing (whitespace, combining marks), sorted.
    pub drop: Vec<(u32, u32)>,
}

/// A fast lookup built from a [`FoldTable`].
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// Character → index into `to`.
    map: CharMap,
    to: Vec<Box<str>>,
    drop: Vec<(u32, u32)>,
    /// One bit per block of 256 code points: whether any of it folds to nothing (most text,
    /// Han included, lies in blocks without, and skips the search of `drop`).
    drop_blocks: Vec<u64>,
}

/// How one character folds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CharFold<'a> {
    /// Folds to itself.
    Same,
    /// Folds to nothing.
    Drop,
    /// Folds to another string.
    To(&'a str),
}

impl Folder {
    /// Builds the lookup.
    pub fn new(table: &FoldTable) -> Folder {
        let mut map = CharMap::default();
        for (i, (c, _)) in table.map.iter().enumerate() {
            map.insert(*c, i as u32);
        }
        let mut drop_blocks = vec![0u64; ((char::MAX as usize >> 8) >> 6) + 1];
        for &(a, b) in &table.drop {
            for block in (a >> 8)..=(b.min(char::MAX as u32) >> 8) {
                if let Some(w) = drop_blocks.get_mut(block as usize >> 6) {
                    *w |= 1 << (block & 63);
                }
            }
        }
        Folder {
            map,
            to: table.map.iter().map(|(_, s)| s.as_str().into()).collect(),
            drop: table.drop.clone(),
            drop_blocks,
        }
    }

    /// How `c` folds.
    pub fn fold_char(&self, c: char) -> CharFold<'_> {
        if let Some(s) = self.map.get(c).and_then(|i| self.to.get(i as usize)) {
            return CharFold::To(s);
        }
        let u = c as u32;
        let block = u >> 8;
        let may_drop = self
            .drop_blocks
            .get(block as usize >> 6)
            .is_some_and(|w| w & (1 << (block & 63)) != 0);
        if !may_drop {
            return CharFold::Same;
        }
        let i = self.drop.partition_point(|r| r.0 <= u);
        if i > 0 && self.drop[i - 1].1 >= u {
            return CharFold::Drop;
        }
        CharFold::Same
    }

    /// Folds a string, without the offset map (for queries).
    pub fn fold(&self, s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            match self.fold_char(c) {
                CharFold::Same => out.push(c),
                CharFold::Drop => {}
                CharFold::To(t) => out.push_str(t),
            }
        }
        out
    }

    /// Folds a string and keeps the map back to it.
    pub fn fold_mapped(&self, s: &str) -> Folded {
        let mut text = String::with_capacity(s.len());
        let mut segs: Vec<Seg> = Vec::new();
        let mut run_open = false;
        for (o, c) in s.char_indices() {
            match self.fold_char(c) {
                CharFold::Same => {
                    let contiguous = run_open
                        && segs
                            .last()
                            .is_some_and(|l| l.orig as usize + (text.len() - l.norm as usize) == o);
                    if !contiguous {
                        segs.push(Seg::new(text.len(), o, c.len_utf8(), true));
                    }
                    run_open = true;
                    text.push(c);
                }
                CharFold::Drop => run_open = false,
                CharFold::To(t) => {
                    if !t.is_empty() {
                        segs.push(Seg::new(text.len(), o, c.len_utf8(), false));
                        text.push_str(t);
                    }
                    run_open = false;
                }
            }
        }
        Folded {
            len: text.len(),
            text,
            segs,
        }
    }
}

/// One run of the offset map.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Seg {
    /// Start in the folded text (bytes).
    norm: u32,
    /// Start in the original text (bytes).
    orig: u32,
    /// For a non-identity run: the original character's length (bytes).
    orig_len: u32,
    /// An identity run maps byte for byte until the next run.
    identity: bool,
}

impl Seg {
    fn new(norm: usize, orig: usize, orig_len: usize, identity: bool) -> Seg {
        Seg {
            norm: norm as u32,
            orig: orig as u32,
            orig_len: orig_len as u32,
            identity,
        }
    }
}

/// Folded text with its map back to the original.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Folded {
    /// The folded text (empty once taken by [`Folded::take_text`]).
    pub text: String,
    /// Its length in bytes (kept when the text is taken).
    len: usize,
    segs: Vec<Seg>,
}

impl Folded {
    /// Takes the folded text out, keeping the map (an index keeps the texts of its units joined
    /// in one string, and would otherwise hold each twice).
    pub fn take_text(&mut self) -> String {
        std::mem::take(&mut self.text)
    }

    /// The folded text's length in bytes.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Whether the folded text is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    fn seg_at(&self, n: usize) -> Option<(usize, &Seg)> {
        let i = self.segs.partition_point(|s| s.norm as usize <= n);
        i.checked_sub(1).map(|i| (i, &self.segs[i]))
    }

    /// Whether the folded text maps byte for byte onto the start of the original (no character
    /// was changed or dropped before its end), so offsets need no translation.
    pub fn is_identity(&self) -> bool {
        matches!(
            self.segs.as_slice(),
            [] | [Seg {
                identity: true,
                norm: 0,
                orig: 0,
                ..
            }]
        )
    }

    /// Whether a match may start or end at folded offset `n`: not inside the fold of a single
    /// original character that folded to several characters.
    pub fn is_boundary(&self, n: usize) -> bool {
        if n == 0 || n >= self.len {
            return true;
        }
        match self.seg_at(n) {
            Some((_, s)) if !s.identity => s.norm as usize == n,
            _ => true,
        }
    }

    /// Maps a folded match `[s, e)` to the original, walking forward from `*cursor`: matches
    /// within one text must come in increasing order (start each text with `*cursor = 0`).
    /// `None` when the match cuts through the fold of one character; the flag is true when the
    /// match lies inside one identity run, so its original text equals its folded text.
    pub fn map_forward(
        &self,
        cursor: &mut usize,
        s: usize,
        e: usize,
    ) -> Option<(usize, usize, bool)> {
        if self.segs.is_empty() {
            return None;
        }
        // The segment holding `s`: the cursor's, or found by binary search after it.
        if self
            .segs
            .get(*cursor + 1)
            .is_some_and(|n| n.norm as usize <= s)
        {
            *cursor += self.segs[*cursor..].partition_point(|n| n.norm as usize <= s) - 1;
        }
        let i = (*cursor).min(self.segs.len() - 1);
        let seg = self.segs[i];
        let seg_end = self.segs.get(i + 1).map_or(self.len, |n| n.norm as usize);
        if seg.identity {
            if e <= seg_end {
                let os = seg.orig as usize + (s - seg.norm as usize);
                return Some((os, os + (e - s), true));
            }
        } else if s != seg.norm as usize {
            return None;
        }
        if !self.is_boundary(e) {
            return None;
        }
        let (os, oe) = self.to_original(s, e);
        Some((os, oe, false))
    }

    /// Maps a folded byte range to the original byte range that produced it.
    /// `start < end` must lie on character boundaries of the folded text.
    pub fn to_original(&self, start: usize, end: usize) -> (usize, usize) {
        let s = match self.seg_at(start) {
            Some((_, seg)) if seg.identity => seg.orig as usize + (start - seg.norm as usize),
            Some((_, seg)) => seg.orig as usize,
            None => 0,
        };
        let e = match self.seg_at(end.saturating_sub(1)) {
            Some((_, seg)) if seg.identity => seg.orig as usize + (end - seg.norm as usize),
            Some((_, seg)) => (seg.orig + seg.orig_len) as usize,
            None => 0,
        };
        (s, e.max(s))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn drop_blocks_only_skip_what_cannot_drop() {
        let drop = vec![
            (0x09, 0x0D),
            (0x20, 0x20),
            (0x2FF, 0x301),
            (0x3000, 0x3000),
            (0xE0001, 0xE01EF),
        ];
        let f = Folder::new(&FoldTable {
            map: vec![],
            drop: drop.clone(),
        });
        for u in 0..=0x10FFFFu32 {
            let Some(c) = char::from_u32(u) else { continue };
            let want = drop.iter().any(|r| r.0 <= u && u <= r.1);
            assert_eq!(f.fold_char(c) == CharFold::Drop, want, "U+{u:04X}");
        }
    }

    fn folder() -> Folder {
        Folder::new(&FoldTable {
            map: vec![
                ('Ｎ', "n".into()),
                ('N', "n".into()),
                ('９', "9".into()),
                ('５', "5".into()),
                ('張', "张".into()),
                ('㈱', "(株)".into()),
            ],
            drop: vec![(0x20, 0x20), (0x3000, 0x3000)],
        })
    }

    #[test]
    fn maps_back_through_width_and_spaces() {
        let f = folder();
        let src = "有 Ｎ９５口罩";
        let m = f.fold_mapped(src);
        assert_eq!(m.text, "有n95口罩");
        let p = m.text.find("n95").expect("found");
        let (s, e) = m.to_original(p, p + 3);
        assert_eq!(&src[s..e], "Ｎ９５");
        let p = m.text.find("口罩").expect("found");
        let (s, e) = m.to_original(p, p + "口罩".len());
        assert_eq!(&src[s..e], "口罩");
    }

    #[test]
    fn multi_char_folds_are_atomic() {
        let f = folder();
        let m = f.fold_mapped("a㈱b");
        assert_eq!(m.text, "a(株)b");
        let p = m.text.find('株').expect("found");
        assert!(!m.is_boundary(p));
        assert!(m.is_boundary(1));
        assert_eq!(m.to_original(1, 1 + "(株)".len()), (1, 1 + '㈱'.len_utf8()));
    }
}
