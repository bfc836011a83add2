//! A map from characters to small numbers without hashing: a two-level table (one page of
//! 256 code points per block in use), so a lookup is two array reads. Used wherever a
//! character is looked up per character of the corpus or of a query (folding, pinyin,
//! postings), where hashing cost more than the rest of a seed search.

/// Code points per page.
const PAGE: usize = 256;
/// No value.
const NONE: u32 = u32::MAX;

/// Character → `u32` (any value but `u32::MAX`).
#[derive(Debug, Clone, Default)]
pub struct CharMap {
    /// `char >> 8` → page number + 1 (0: no entry in that block). Empty until the first insert.
    top: Vec<u16>,
    /// The pages.
    pages: Vec<[u32; PAGE]>,
}

impl CharMap {
    /// The value of `c`.
    #[inline]
    pub fn get(&self, c: char) -> Option<u32> {
        let c = c as usize;
        let page = *self.top.get(c >> 8)? as usize;
        if page == 0 {
            return None;
        }
        let v = self.pages[page - 1][c & (PAGE - 1)];
        (v != NONE).then_some(v)
    }

    /// The value of `c`, inserting `v` first if there is none.
    pub fn get_or_insert(&mut self, c: char, v: u32) -> u32 {
        if self.top.is_empty() {
            self.top = vec![0; (char::MAX as usize >> 8) + 1];
        }
        let c = c as usize;
        let mut page = self.top[c >> 8] as usize;
        if page == 0 {
            self.pages.push([NONE; PAGE]);
            page = self.pages.len();
            self.top[c >> 8] = page as u16;
        }
        let slot = &mut self.pages[page - 1][c & (PAGE - 1)];
        if *slot == NONE {
            *slot = v;
        }
        *slot
    }

    /// Sets the value of `c` (`v` must not be `u32::MAX`).
    pub fn insert(&mut self, c: char, v: u32) {
        self.get_or_insert(c, v);
        let c = c as usize;
        let page = self.top[c >> 8] as usize;
        self.pages[page - 1][c & (PAGE - 1)] = v;
    }

    /// Every entry, as `(character, value)`, in character order.
    pub fn entries(&self) -> impl Iterator<Item = (char, u32)> + '_ {
        self.top
            .iter()
            .enumerate()
            .filter(|(_, &p)| p != 0)
            .flat_map(move |(hi, &p)| {
                self.pages[p as usize - 1]
                    .iter()
                    .enumerate()
                    .filter(|(_, &v)| v != NONE)
                    .filter_map(move |(lo, &v)| {
                        char::from_u32((hi << 8 | lo) as u32).map(|c| (c, v))
                    })
            })
    }

    /// Memory held, in bytes.
    pub fn heap_bytes(&self) -> usize {
        self.top.len() * 2 + self.pages.len() * PAGE * 4
    }
}

#[cfg(test)]
mod tests {
    use super::CharMap;

    #[test]
    fn maps_any_character() {
        let mut m = CharMap::default();
        assert_eq!(m.get('a'), None);
        assert_eq!(m.get_or_insert('疫', 7), 7);
        assert_eq!(m.get_or_insert('疫', 9), 7);
        m.insert('疫', 3);
        m.insert('\u{10FFFF}', 0);
        m.insert('\0', 5);
        assert_eq!(m.get('疫'), Some(3));
        assert_eq!(m.get('\u{10FFFF}'), Some(0));
        assert_eq!(m.get('\0'), Some(5));
        assert_eq!(m.get('情'), None);
        assert_eq!(m.get('\u{10FFFE}'), None);
        assert_eq!(m.pages.len(), 3);
        let all: Vec<(char, u32)> = m.entries().collect();
        assert_eq!(all, vec![('\0', 5), ('疫', 3), ('\u{10FFFF}', 0)]);
        assert_eq!(CharMap::default().entries().count(), 0);
    }
}
