//! One text (a title or paragraph) ready for the rules: its characters, byte offsets and jieba
//! tokens with part-of-speech tags.

use jieba_rs::Jieba;

use crate::text::is_han;

/// A jieba token: word, tag and character span.
pub struct Tok<'a> {
    pub word: &'a str,
    pub tag: &'a str,
    pub start: usize,
    pub end: usize,
}

/// A text split into characters and tagged tokens.
pub struct Text<'a> {
    pub chars: Vec<char>,
    /// Byte offset of every character, plus the text's length at the end.
    pub bytes: Vec<usize>,
    pub toks: Vec<Tok<'a>>,
    /// `starts[i]`: a token starts at character `i` (true at the end too).
    pub starts: Vec<bool>,
    /// `tok_at[i]`: the token covering character `i`.
    pub tok_at: Vec<usize>,
    pub s: &'a str,
}

impl<'a> Text<'a> {
    pub fn new(jieba: &'a Jieba, s: &'a str) -> Text<'a> {
        let chars: Vec<char> = s.chars().collect();
        let mut bytes: Vec<usize> = s.char_indices().map(|(b, _)| b).collect();
        bytes.push(s.len());
        let mut toks = Vec::new();
        let mut starts = vec![false; chars.len() + 1];
        let mut tok_at = vec![0; chars.len()];
        let mut ci = 0;
        for t in jieba.tag(s, true) {
            let n = t.word.chars().count();
            // jieba returns every character once, in order; stop rather than index past the end
            // should it ever not.
            if ci + n > chars.len() {
                break;
            }
            starts[ci] = true;
            for slot in tok_at.iter_mut().skip(ci).take(n) {
                *slot = toks.len();
            }
            toks.push(Tok {
                word: t.word,
                tag: t.tag,
                start: ci,
                end: ci + n,
            });
            ci += n;
        }
        starts[chars.len()] = true;
        Text {
            chars,
            bytes,
            toks,
            starts,
            tok_at,
            s,
        }
    }

    /// The characters `a..b` as a string slice.
    pub fn span(&self, a: usize, b: usize) -> &'a str {
        &self.s[self.bytes[a]..self.bytes[b]]
    }

    pub fn len(&self) -> usize {
        self.chars.len()
    }

    /// Whether characters `a..b` are all Han.
    pub fn han(&self, a: usize, b: usize) -> bool {
        a < b && self.chars[a..b].iter().all(|c| is_han(*c))
    }
}

/// Proper-name tags: places, people, organisations, other proper nouns, abbreviations.
pub fn proper_tag(tag: &str) -> bool {
    tag.starts_with("nr") || matches!(tag, "ns" | "nt" | "nz" | "j")
}
