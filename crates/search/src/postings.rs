//! Where every character of the folded corpus occurs: the index that makes substring search
//! cost work per match instead of a scan of the whole corpus.
//!
//! For each distinct character, the byte offsets of its occurrences in [`Index::text`], in
//! ascending order. A term is found by walking the occurrences of its rarest character and
//! comparing the term's bytes at each candidate — so every occurrence is still found (recall
//! stays total) and a term with a character the corpus lacks is answered without any work.
//! Built in the browser at start-up (two passes over the text, 4 bytes per character), not
//! shipped: it would compress poorly and cost download bytes.
//!
//! A text shorter than [`SCAN_BELOW`] gets no postings: a search reads it through (a
//! substring search over a few hundred kilobytes takes well under a millisecond), which
//! makes the index of a sharded archive's results, rebuilt as they arrive, and of each text
//! chunk the worker verifies, cheaper to build. Both ways find the same matches (tested).
//!
//! [`Index::text`]: super::Index::text

use super::charmap::CharMap;

/// Texts shorter than this (in bytes) are searched by reading them, without postings.
pub const SCAN_BELOW: usize = 512 * 1024;

/// The positions of every character of a text.
#[derive(Debug, Clone, Default)]
pub struct Postings {
    /// Built: `false` for a short text (see [`SCAN_BELOW`]), which is read instead.
    built: bool,
    /// Character → slot.
    slots: CharMap,
    /// Slot `s` occupies `positions[starts[s]..starts[s + 1]]`.
    starts: Vec<u32>,
    /// Byte offsets, grouped by slot, ascending within a slot.
    positions: Vec<u32>,
}

impl Postings {
    /// Indexes every character of `text` except `\n` (the unit separator), unless the text
    /// is shorter than [`SCAN_BELOW`].
    pub fn new(text: &str) -> Postings {
        if text.len() < SCAN_BELOW {
            return Postings::default();
        }
        Postings::build(text)
    }

    /// Indexes every character of `text` except `\n`, whatever its length.
    pub fn build(text: &str) -> Postings {
        let mut p = Postings {
            built: true,
            ..Default::default()
        };
        // Pass 1: give each character a slot and count its occurrences.
        let mut counts: Vec<u32> = Vec::new();
        count_slots(text, &mut p.slots, &mut counts);
        // Prefix sums, then pass 2 fills each slot in text order (so each list is ascending).
        let starts = starts_of(&counts);
        let mut fill: Vec<u32> = starts[..counts.len()].to_vec();
        let mut positions = vec![0u32; starts[counts.len()] as usize];
        for (i, c) in text.char_indices() {
            if c == '\n' {
                continue;
            }
            if let Some(s) = p.slots.get(c) {
                let f = &mut fill[s as usize];
                positions[*f as usize] = i as u32;
                *f += 1;
            }
        }
        p.starts = starts;
        p.positions = positions;
        p
    }

    /// The postings of `text`, whose first `from` bytes are the text these were built from:
    /// what [`Postings::new`] builds over `text`, with this one's positions copied as they are
    /// and only `text[from..]` read (O(positions) copied, O(new text) indexed).
    pub fn extended(&self, text: &str, from: usize) -> Postings {
        if !self.built || text.get(..from).is_none() {
            return Postings::new(text);
        }
        let mut slots = self.slots.clone();
        let old = self.starts.len().saturating_sub(1);
        // The new text's count per slot (new characters get new slots after the old ones).
        let mut counts: Vec<u32> = vec![0; old];
        let added = &text[from..];
        count_slots(added, &mut slots, &mut counts);
        let mut starts = Vec::with_capacity(counts.len() + 1);
        let mut total = 0u32;
        starts.push(0);
        for (s, n) in counts.iter().enumerate() {
            let had = if s < old {
                self.starts[s + 1] - self.starts[s]
            } else {
                0
            };
            total += had + n;
            starts.push(total);
        }
        // Each slot: its old positions, then the new ones in text order (still ascending: the
        // new text comes after the old).
        let mut positions = vec![0u32; total as usize];
        let mut fill: Vec<u32> = Vec::with_capacity(counts.len());
        for (s, &at) in starts[..counts.len()].iter().enumerate() {
            let at = at as usize;
            if s < old {
                let (a, b) = (self.starts[s] as usize, self.starts[s + 1] as usize);
                positions[at..at + (b - a)].copy_from_slice(&self.positions[a..b]);
                fill.push((at + (b - a)) as u32);
            } else {
                fill.push(at as u32);
            }
        }
        for (i, c) in added.char_indices() {
            if c == '\n' {
                continue;
            }
            if let Some(s) = slots.get(c) {
                let f = &mut fill[s as usize];
                positions[*f as usize] = (from + i) as u32;
                *f += 1;
            }
        }
        Postings {
            built: true,
            slots,
            starts,
            positions,
        }
    }

    /// The postings of `text` followed by a text whose postings are `next`, that text starting
    /// at byte `offset` (the length of `text`): what [`Postings::build`] builds over the two
    /// joined, made by copying both sets of positions (the second shifted by `offset`), with
    /// no character read. `None` unless both are built. O(positions + distinct characters):
    /// a merge of two segments copies, it does not index again (reading the text again cost
    /// as much as building its postings did, and a grown index merges its segments often).
    pub fn concat(&self, next: &Postings, offset: usize) -> Option<Postings> {
        if !self.built || !next.built {
            return None;
        }
        let offset = u32::try_from(offset).ok()?;
        let mut slots = self.slots.clone();
        let old = self.starts.len().saturating_sub(1);
        let theirs = next.starts.len().saturating_sub(1);
        // Each of `next`'s slots in the joined postings (characters new to `self` get slots
        // after its own), and the joined count per slot.
        let mut to = vec![0u32; theirs];
        let mut counts: Vec<u32> = (0..old)
            .map(|s| self.starts[s + 1] - self.starts[s])
            .collect();
        for (c, t) in next.slots.entries() {
            let s = slots.get_or_insert(c, counts.len() as u32);
            if s as usize == counts.len() {
                counts.push(0);
            }
            let t = t as usize;
            counts[s as usize] += next.starts[t + 1] - next.starts[t];
            to[t] = s;
        }
        let starts = starts_of(&counts);
        // Each slot: `self`'s positions, then `next`'s, shifted (still ascending).
        let mut positions = vec![0u32; starts[counts.len()] as usize];
        let mut fill: Vec<u32> = starts[..counts.len()].to_vec();
        for (s, f) in fill.iter_mut().enumerate().take(old) {
            let (a, b) = (self.starts[s] as usize, self.starts[s + 1] as usize);
            let at = *f as usize;
            positions[at..at + (b - a)].copy_from_slice(&self.positions[a..b]);
            *f += (b - a) as u32;
        }
        for (t, &s) in to.iter().enumerate() {
            let (a, b) = (next.starts[t] as usize, next.starts[t + 1] as usize);
            let at = fill[s as usize] as usize;
            for (d, p) in positions[at..at + (b - a)]
                .iter_mut()
                .zip(&next.positions[a..b])
            {
                *d = p + offset;
            }
            fill[s as usize] += (b - a) as u32;
        }
        Some(Postings {
            built: true,
            slots,
            starts,
            positions,
        })
    }

    /// Whether these are postings (`false`: the text is read instead, see [`SCAN_BELOW`]).
    pub fn is_built(&self) -> bool {
        self.built
    }

    /// The byte offsets where `c` occurs, ascending (nothing for a text read instead).
    pub fn of(&self, c: char) -> &[u32] {
        match self.slots.get(c) {
            Some(s) => {
                let (a, b) = (self.starts[s as usize], self.starts[s as usize + 1]);
                &self.positions[a as usize..b as usize]
            }
            None => &[],
        }
    }

    /// Every non-overlapping occurrence of `needle` in `text` (the text these postings were
    /// built from), left to right — the same matches as a left-to-right substring scan.
    pub fn find<'a>(&'a self, text: &'a str, needle: &'a str) -> Find<'a> {
        if !self.built {
            return Find {
                text: text.as_bytes(),
                needle: needle.as_bytes(),
                list: &[],
                offset: 0,
                next: 0,
                allowed: 0,
                scan: !needle.contains('\n'),
                hay: text,
                pat: needle,
            };
        }
        // The rarest character of the needle and its byte offset in the needle.
        let mut best: Option<(&[u32], usize)> = None;
        for (o, c) in needle.char_indices() {
            let list = self.of(c);
            if best.is_none_or(|(b, _)| list.len() < b.len()) {
                best = Some((list, o));
            }
        }
        let (list, offset) = best.unwrap_or((&[], 0));
        Find {
            text: text.as_bytes(),
            needle: needle.as_bytes(),
            list,
            offset,
            next: 0,
            allowed: 0,
            scan: false,
            hay: text,
            pat: needle,
        }
    }

    /// Memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.slots.heap_bytes() + (self.starts.len() + self.positions.len()) * 4
    }
}

/// Iterator returned by [`Postings::find`].
pub struct Find<'a> {
    text: &'a [u8],
    needle: &'a [u8],
    list: &'a [u32],
    offset: usize,
    next: usize,
    /// Matches may not start before this (the end of the previous one).
    allowed: usize,
    /// No postings: read `hay` from `allowed` on, looking for `pat`.
    scan: bool,
    hay: &'a str,
    pat: &'a str,
}

impl Iterator for Find<'_> {
    type Item = usize;

    fn next(&mut self) -> Option<usize> {
        if self.needle.is_empty() {
            return None;
        }
        if self.scan {
            // `allowed` ends a match (a character boundary): std's substring search.
            let at = self.allowed + self.hay.get(self.allowed..)?.find(self.pat)?;
            self.allowed = at + self.needle.len();
            return Some(at);
        }
        while let Some(&p) = self.list.get(self.next) {
            self.next += 1;
            let Some(start) = (p as usize).checked_sub(self.offset) else {
                continue;
            };
            if start < self.allowed {
                continue;
            }
            if self
                .text
                .get(start..start + self.needle.len())
                .is_some_and(|w| w == self.needle)
            {
                self.allowed = start + self.needle.len();
                return Some(start);
            }
        }
        None
    }
}

/// Counts each character of `text` but `\n` in `counts`, by its slot in `slots` (a character
/// not seen before gets the next slot).
/// Where each slot's positions start, from each slot's count (prefix sums, the total last).
fn starts_of(counts: &[u32]) -> Vec<u32> {
    let mut starts = Vec::with_capacity(counts.len() + 1);
    let mut total = 0u32;
    starts.push(0);
    for n in counts {
        total += n;
        starts.push(total);
    }
    starts
}

fn count_slots(text: &str, slots: &mut CharMap, counts: &mut Vec<u32>) {
    for c in text.chars() {
        if c == '\n' {
            continue;
        }
        let s = slots.get_or_insert(c, counts.len() as u32);
        if s as usize == counts.len() {
            counts.push(0);
        }
        counts[s as usize] += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn scan(text: &str, needle: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut from = 0;
        while let Some(i) = text[from..].find(needle) {
            out.push(from + i);
            from += i + needle.len();
        }
        out
    }

    #[test]
    fn finds_what_a_scan_finds() {
        let text = "许湾乡办事处\n湾乡湾乡湾\naaaa\n疫情防控疫情\n𠀀x𠀀";
        for built in [true, false] {
            finds_what_a_scan_finds_in(text, built);
        }
    }

    fn finds_what_a_scan_finds_in(text: &str, built: bool) {
        let p = if built {
            Postings::build(text)
        } else {
            Postings::new(text)
        };
        assert_eq!(p.built, built);
        for needle in [
            "湾乡",
            "许湾乡",
            "疫情",
            "疫",
            "aa",
            "aaa",
            "湾",
            "乡湾",
            "𠀀",
            "x𠀀",
            "情\n",
        ] {
            let got: Vec<usize> = p.find(text, needle).collect();
            let want = if needle.contains('\n') {
                Vec::new()
            } else {
                scan(text, needle)
            };
            assert_eq!(got, want, "{needle:?}");
        }
        assert_eq!(p.find(text, "上海").count(), 0);
        assert_eq!(p.find(text, "").count(), 0);
        assert_eq!(p.of('疫').len(), if built { 2 } else { 0 });
        assert!(p.of('\n').is_empty());
    }

    proptest::proptest! {
        /// Over random texts of a few characters (so that matches overlap and repeat), both
        /// ways find what a plain scan finds.
        #[test]
        fn both_ways_agree_with_a_scan(text in "[ab湾乡\n𠀀]{0,40}", needle in "[ab湾乡𠀀]{1,4}") {
            let want = scan(&text, &needle);
            proptest::prop_assert_eq!(Postings::build(&text).find(&text, &needle).collect::<Vec<_>>(), want.clone());
            proptest::prop_assert_eq!(Postings::new(&text).find(&text, &needle).collect::<Vec<_>>(), want);
        }

        /// Two texts' postings joined ([`Postings::concat`]) are those of the joined text:
        /// every character's positions, and what a search finds.
        #[test]
        fn joined_postings_are_those_of_the_joined_text(a in "[ab湾乡\n𠀀]{0,30}", b in "[abc乡\n𠀀疫]{0,30}", needle in "[ab湾乡𠀀疫]{1,3}") {
            let joined = format!("{a}{b}");
            let whole = Postings::build(&joined);
            let cat = Postings::build(&a).concat(&Postings::build(&b), a.len()).expect("both built");
            for c in joined.chars().chain(['z', '\n']) {
                proptest::prop_assert_eq!(cat.of(c), whole.of(c), "{:?}", c);
            }
            proptest::prop_assert_eq!(cat.find(&joined, &needle).collect::<Vec<_>>(), scan(&joined, &needle));
        }
    }

    #[test]
    fn postings_join_only_when_both_are_built() {
        let (a, b) = ("疫情防控", "防控疫情");
        assert!(Postings::new(a)
            .concat(&Postings::build(b), a.len())
            .is_none());
        assert!(Postings::build(a)
            .concat(&Postings::new(b), a.len())
            .is_none());
        let j = Postings::build(a)
            .concat(&Postings::build(b), a.len())
            .expect("built");
        assert_eq!(j.of('疫'), &[0, 18]);
        assert_eq!(j.of('控'), &[9, 15]);
    }
}
