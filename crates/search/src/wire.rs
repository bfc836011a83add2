//! The binary format of [`crate::Embedded`], written by `build.rs` and read by the app at start-up.
//!
//! Hand-written rather than derived: the app carries one small reader instead of serde's
//! visitors for every type of the model (about 4 kB of compressed wasm less), and the tables,
//! which are most of the bytes, are stored in columns that compress well:
//!
//! - integers are LEB128 varints (7 bits a byte); `i32` zigzag-encoded; strings are a length
//!   and UTF-8 bytes; `Option` a 0/1 byte and the value; `Vec` a length and the elements; an
//!   enum the position of its value in its `ALL` list; a struct its fields in declaration order
//!   (the [`wire_struct`] impls destructure exhaustively, so a new field does not compile until
//!   it has a place here);
//! - [`FoldTable`]: the characters as differences from the previous one (ascending, so small),
//!   then how many characters each folds to, then those characters as signed differences from
//!   the previous such character (traditional forms sit near their simplified ones);
//! - [`PinyinTable`]: the syllables, then the characters as differences, the number of readings
//!   of each, and the reading ids;
//! - [`Mention`]: its length instead of its end.
//!
//! A reader never panics on bad bytes: any truncation, overlong varint, bad UTF-8, unknown enum
//! value or trailing byte is an [`Error`], and no length is trusted beyond the bytes left. It
//! does not stop at the first bad byte either: it notes the place, reads on with empty values
//! (lengths of zero), and [`In::end`] reports it. Readers without early returns need no code to
//! drop half-built values, which is most of what a `?` costs in wasm.

use archive::{
    Archive, Article, Author, Entity, EntityKind, Intertitle, Kind, Mention, Page, Paragraph,
    Source,
};

use crate::fold::FoldTable;
use crate::pinyin::PinyinTable;
use crate::{Embedded, Tables};

/// Bytes that are not an [`Embedded`]: where reading stopped.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Error {
    /// Offset of the byte that could not be read.
    pub at: usize,
}

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("corrupt embedded archive at byte ")?;
        f.write_str(&self.at.to_string())
    }
}

impl std::error::Error for Error {}

/// A writer.
#[derive(Debug, Default)]
pub struct Out(pub Vec<u8>);

impl Out {
    /// A varint.
    pub fn u(&mut self, mut v: u32) {
        while v >= 0x80 {
            self.0.push(v as u8 | 0x80);
            v >>= 7;
        }
        self.0.push(v as u8);
    }

    /// A length.
    fn n(&mut self, n: usize) {
        self.u(u32::try_from(n).unwrap_or(u32::MAX));
    }
}

/// A reader over bytes.
#[derive(Debug)]
pub struct In<'a> {
    b: &'a [u8],
    at: usize,
    /// Where the first bad byte was.
    bad: Option<usize>,
}

impl<'a> In<'a> {
    /// Starts at the first byte.
    pub fn new(b: &'a [u8]) -> Self {
        In {
            b,
            at: 0,
            bad: None,
        }
    }

    /// Notes a bad byte here (the first one counts) and returns `v`.
    fn fail<T>(&mut self, v: T) -> T {
        self.bad.get_or_insert(self.at);
        v
    }

    fn byte(&mut self) -> u8 {
        match self.b.get(self.at) {
            Some(&b) => {
                self.at += 1;
                b
            }
            None => self.fail(0),
        }
    }

    /// A varint (0 after a bad byte).
    pub fn u(&mut self) -> u32 {
        let mut v = 0u32;
        for shift in [0, 7, 14, 21, 28] {
            let b = self.byte();
            v |= u32::from(b & 0x7f) << shift;
            if b < 0x80 {
                return if shift == 28 && b > 0x0f {
                    self.fail(0)
                } else {
                    v
                };
            }
        }
        self.fail(0)
    }

    /// A length: never more than the bytes left (every element takes at least one), and 0
    /// once anything was bad.
    fn n(&mut self) -> usize {
        let n = self.u() as usize;
        if self.bad.is_some() {
            0
        } else if n > self.b.len() - self.at {
            self.fail(0)
        } else {
            n
        }
    }

    fn char(&mut self, v: u32) -> char {
        match char::from_u32(v) {
            Some(c) => c,
            None => self.fail('\0'),
        }
    }

    /// Whether every byte was read and none was bad.
    pub fn end(&self) -> Result<(), Error> {
        match self.bad {
            Some(at) => Err(Error { at }),
            None if self.at != self.b.len() => Err(Error { at: self.at }),
            None => Ok(()),
        }
    }
}

/// A value with a place in the format.
pub trait Wire: Sized {
    /// Writes it.
    fn put(&self, o: &mut Out);
    /// Reads it back (an empty value after a bad byte, noted in `i`).
    fn get(i: &mut In<'_>) -> Self;
}

impl Wire for u32 {
    fn put(&self, o: &mut Out) {
        o.u(*self);
    }
    fn get(i: &mut In<'_>) -> Self {
        i.u()
    }
}

impl Wire for i32 {
    fn put(&self, o: &mut Out) {
        o.u(((*self << 1) ^ (*self >> 31)) as u32);
    }
    fn get(i: &mut In<'_>) -> Self {
        let v = i.u();
        (v >> 1) as i32 ^ -((v & 1) as i32)
    }
}

impl Wire for bool {
    fn put(&self, o: &mut Out) {
        o.u(u32::from(*self));
    }
    fn get(i: &mut In<'_>) -> Self {
        match i.u() {
            0 => false,
            1 => true,
            _ => i.fail(false),
        }
    }
}

impl Wire for String {
    fn put(&self, o: &mut Out) {
        o.n(self.len());
        o.0.extend_from_slice(self.as_bytes());
    }
    fn get(i: &mut In<'_>) -> Self {
        let n = i.n();
        let b = i.b.get(i.at..i.at + n).unwrap_or_default();
        match std::str::from_utf8(b) {
            Ok(s) => {
                i.at += n;
                s.to_owned()
            }
            Err(_) => i.fail(String::new()),
        }
    }
}

impl<T: Wire> Wire for Option<T> {
    fn put(&self, o: &mut Out) {
        self.is_some().put(o);
        if let Some(v) = self {
            v.put(o);
        }
    }
    fn get(i: &mut In<'_>) -> Self {
        bool::get(i).then(|| T::get(i))
    }
}

impl<T: Wire> Wire for Vec<T> {
    fn put(&self, o: &mut Out) {
        o.n(self.len());
        for v in self {
            v.put(o);
        }
    }
    fn get(i: &mut In<'_>) -> Self {
        let n = i.n();
        (0..n).map(|_| T::get(i)).collect()
    }
}

impl<T: Wire> Wire for std::sync::Arc<T> {
    fn put(&self, o: &mut Out) {
        (**self).put(o);
    }
    fn get(i: &mut In<'_>) -> Self {
        std::sync::Arc::new(T::get(i))
    }
}

impl<A: Wire, B: Wire> Wire for (A, B) {
    fn put(&self, o: &mut Out) {
        self.0.put(o);
        self.1.put(o);
    }
    fn get(i: &mut In<'_>) -> Self {
        (A::get(i), B::get(i))
    }
}

/// An enum as the position of its value in `ALL`.
macro_rules! wire_enum {
    ($t:ident) => {
        impl Wire for $t {
            fn put(&self, o: &mut Out) {
                o.n($t::ALL.iter().position(|k| k == self).unwrap_or(0));
            }
            fn get(i: &mut In<'_>) -> Self {
                let k = i.u() as usize;
                match $t::ALL.get(k) {
                    Some(v) => *v,
                    None => i.fail($t::ALL[0]),
                }
            }
        }
    };
}

wire_enum!(Kind);
wire_enum!(EntityKind);

/// A struct as its fields in order. Both directions name every field: adding one to the model
/// does not compile until it is listed here.
macro_rules! wire_struct {
    ($t:ident { $($f:ident),* $(,)? }) => {
        impl Wire for $t {
            fn put(&self, o: &mut Out) {
                let $t { $($f),* } = self;
                $($f.put(o);)*
            }
            fn get(i: &mut In<'_>) -> Self {
                $t { $($f: Wire::get(i)),* }
            }
        }
    };
}

wire_struct!(Embedded { archive, tables });
wire_struct!(Tables { fold, pinyin });
wire_struct!(Archive {
    pages,
    articles,
    entities
});
wire_struct!(Page {
    file,
    paper,
    date,
    page,
    year,
    lines,
    unstructured
});
wire_struct!(Article {
    id,
    kicker,
    title,
    subtitle,
    column,
    kind,
    date,
    dateline,
    authors,
    intertitles,
    figures,
    photo_credits,
    editor_note,
    paragraphs,
    source
});
wire_struct!(Author { name, role, credit });
wire_struct!(Paragraph { text, line, lines });
wire_struct!(Intertitle { text, line, before });
wire_struct!(Source {
    file,
    line,
    end_line
});
wire_struct!(Entity {
    name,
    kind,
    aliases,
    mentions,
    credited,
    byline_only
});
/// A mention stores its length rather than its end: names repeat, and so do their lengths.
impl Wire for Mention {
    fn put(&self, o: &mut Out) {
        let Mention {
            article,
            paragraph,
            start,
            end,
            credit,
        } = self;
        article.put(o);
        paragraph.put(o);
        start.put(o);
        end.wrapping_sub(*start).put(o);
        credit.put(o);
    }
    fn get(i: &mut In<'_>) -> Self {
        let article = Wire::get(i);
        let paragraph = Wire::get(i);
        let start: u32 = Wire::get(i);
        Mention {
            article,
            paragraph,
            start,
            end: start.wrapping_add(Wire::get(i)),
            credit: Wire::get(i),
        }
    }
}

/// Code points as differences from the previous one (wrapping, so any order round-trips).
fn put_deltas(o: &mut Out, chars: impl Iterator<Item = char>) {
    let mut prev = 0u32;
    for c in chars {
        o.u((c as u32).wrapping_sub(prev));
        prev = c as u32;
    }
}

/// Reads `n` characters written by [`put_deltas`].
fn get_deltas(i: &mut In<'_>, n: usize) -> Vec<char> {
    let mut prev = 0u32;
    (0..n)
        .map(|_| {
            prev = prev.wrapping_add(i.u());
            i.char(prev)
        })
        .collect()
}

/// `n` small counts.
fn get_counts(i: &mut In<'_>, n: usize) -> Vec<usize> {
    (0..n).map(|_| i.n()).collect()
}

impl Wire for FoldTable {
    fn put(&self, o: &mut Out) {
        o.n(self.map.len());
        put_deltas(o, self.map.iter().map(|(c, _)| *c));
        for (_, s) in &self.map {
            o.n(s.chars().count());
        }
        // Signed differences (zigzag) between successive target characters.
        let mut prev = 0i32;
        for c in self.map.iter().flat_map(|(_, s)| s.chars()) {
            (c as i32 - prev).put(o);
            prev = c as i32;
        }
        self.drop.put(o);
    }
    fn get(i: &mut In<'_>) -> Self {
        let n = i.n();
        let from = get_deltas(i, n);
        let counts = get_counts(i, n);
        let mut prev = 0i32;
        let map = from
            .into_iter()
            .zip(counts)
            .map(|(c, k)| {
                let s = (0..k)
                    .map(|_| {
                        prev = prev.wrapping_add(i32::get(i));
                        i.char(prev as u32)
                    })
                    .collect();
                (c, s)
            })
            .collect();
        FoldTable {
            map,
            drop: Wire::get(i),
        }
    }
}

impl Wire for PinyinTable {
    fn put(&self, o: &mut Out) {
        self.syllables.put(o);
        o.n(self.readings.len());
        put_deltas(o, self.readings.iter().map(|(c, _)| *c));
        for (_, ids) in &self.readings {
            o.n(ids.len());
        }
        for &id in self.readings.iter().flat_map(|(_, ids)| ids) {
            o.u(u32::from(id));
        }
    }
    fn get(i: &mut In<'_>) -> Self {
        let syllables = Wire::get(i);
        let n = i.n();
        let chars = get_deltas(i, n);
        let counts = get_counts(i, n);
        let readings = chars
            .into_iter()
            .zip(counts)
            .map(|(c, k)| {
                let ids = (0..k)
                    .map(|_| match u16::try_from(i.u()) {
                        Ok(id) => id,
                        Err(_) => i.fail(0),
                    })
                    .collect();
                (c, ids)
            })
            .collect();
        PinyinTable {
            syllables,
            readings,
        }
    }
}

#[cfg(all(test, feature = "tables"))]
mod tests {
    use super::*;
    use crate::testing::{article, reporter};

    /// An archive with every field of every type set to something other than its default.
    fn full() -> Embedded {
        let mut a = article(
            "20200211-wgy",
            "萬果園為「疫」線戰士送軍糧",
            &["２月11日下午，水果送到。", "第二段"],
        );
        a.kicker = Some("引题".into());
        a.subtitle = Some("——副题".into());
        a.column = Some("新语".into());
        a.kind = Kind::Commentary;
        a.date = Some("2020-02-11".into());
        a.dateline = Some("本报讯（记者 张劲松）".into());
        a.authors = vec![
            reporter("张劲松"),
            Author {
                name: "李四".into(),
                role: String::new(),
                credit: Some("摄".into()),
            },
        ];
        a.intertitles = vec![Intertitle {
            text: "会战!".into(),
            line: 3,
            before: 1,
        }];
        a.figures = vec!["图1".into()];
        a.photo_credits = vec!["记者 张劲松 摄".into()];
        a.editor_note = Some("编者按".into());
        a.paragraphs[1].lines = vec![4, 9];
        let archive = Archive {
            pages: vec![Page {
                file: "000_a.txt".into(),
                paper: Some("晚报".into()),
                date: Some("2020-02-12".into()),
                page: Some("A2".into()),
                year: Some(-44),
                lines: vec!["标题".into(), String::new(), "正文 ｔｅｘｔ".into()],
                unstructured: vec![7, u32::MAX],
            }
            .into()],
            articles: vec![a.into(), article("b", "第二篇", &[]).into()],
            entities: vec![Entity {
                name: "张劲松".into(),
                kind: EntityKind::Org,
                aliases: vec!["张记者".into()],
                mentions: vec![
                    Mention {
                        article: 1,
                        paragraph: Some(0),
                        start: 3,
                        end: 12,
                        credit: true,
                    },
                    Mention {
                        article: 0,
                        paragraph: None,
                        start: 0,
                        end: 300,
                        credit: false,
                    },
                ],
                credited: vec![0, 1],
                byline_only: true,
            }],
        };
        let tables = crate::tables::build_tables(&archive).expect("tables");
        Embedded { archive, tables }
    }

    #[test]
    fn every_field_round_trips() {
        let e = full();
        // The tables have what the column coding must keep: folds of several characters,
        // targets below their sources, characters with several readings.
        assert!(e.tables.fold.map.iter().any(|(_, s)| s.chars().count() > 1));
        assert!(e
            .tables
            .fold
            .map
            .iter()
            .any(|(c, s)| s.starts_with(|t: char| t < *c)));
        assert!(e
            .tables
            .pinyin
            .readings
            .iter()
            .any(|(_, ids)| ids.len() > 1));
        assert!(!e.tables.fold.drop.is_empty());
        let bytes = e.encode();
        assert_eq!(Embedded::decode(&bytes), Ok(e.clone()));
        // Every value matters: change one and the decoded value differs.
        let mut other = e.clone();
        other.archive.entities[0].mentions[1].credit = true;
        assert_ne!(Embedded::decode(&other.encode()), Ok(e));
    }

    #[test]
    fn tables_round_trip_in_any_order() {
        let t = Tables {
            fold: FoldTable {
                map: vec![
                    ('b', "ab".into()),
                    ('a', String::new()),
                    ('\u{10FFFF}', "\u{0}".into()),
                ],
                drop: vec![(1, 2)],
            },
            pinyin: PinyinTable {
                syllables: vec!["zhang".into()],
                readings: vec![('张', vec![0, u16::MAX]), ('a', vec![])],
            },
        };
        let e = Embedded {
            tables: t,
            ..Default::default()
        };
        assert_eq!(Embedded::decode(&e.encode()), Ok(e));
    }

    #[test]
    fn the_coding_is_leb128_and_zigzag() {
        // Known encodings (LEB128 as in DWARF and wasm; zigzag as in protobuf).
        let mut o = Out::default();
        for v in [0u32, 127, 128, 300, u32::MAX] {
            o.u(v);
        }
        for v in [0i32, -1, 1, -2, i32::MIN] {
            v.put(&mut o);
        }
        assert_eq!(
            o.0,
            [
                0, 0x7f, 0x80, 0x01, 0xac, 0x02, 0xff, 0xff, 0xff, 0xff, 0x0f, 0, 1, 2, 3, 0xff,
                0xff, 0xff, 0xff, 0x0f
            ]
        );
        let mut i = In::new(&o.0);
        let got: Vec<u32> = (0..5).map(|_| i.u()).collect();
        assert_eq!(got, [0, 127, 128, 300, u32::MAX]);
        let got: Vec<i32> = (0..5).map(|_| i32::get(&mut i)).collect();
        assert_eq!(got, [0, -1, 1, -2, i32::MIN]);
        assert_eq!(i.end(), Ok(()));
        // One more bit than a u32 holds, and a sixth byte, are errors.
        for bad in [
            &[0xff, 0xff, 0xff, 0xff, 0x1f][..],
            &[0x80, 0x80, 0x80, 0x80, 0x80, 0],
        ] {
            let mut i = In::new(bad);
            i.u();
            assert!(i.end().is_err(), "{bad:?}");
        }
    }

    #[test]
    fn bad_bytes_are_an_error_never_a_panic() {
        let bytes = full().encode();
        // Every truncation.
        for n in 0..bytes.len() {
            assert!(Embedded::decode(&bytes[..n]).is_err(), "truncated to {n}");
        }
        // A trailing byte.
        let mut more = bytes.clone();
        more.push(0);
        assert_eq!(Embedded::decode(&more), Err(Error { at: bytes.len() }));
        // Every byte changed to a few values: an error or some archive, never a panic or a
        // huge allocation.
        for at in 0..bytes.len() {
            for v in [0x00, 0x7f, 0x80, 0xff, bytes[at] ^ 1] {
                let mut b = bytes.clone();
                b[at] = v;
                let _ = Embedded::decode(&b);
            }
        }
        // Bad UTF-8 in a string, and an enum value out of range.
        let mut o = Out::default();
        o.u(1);
        o.0.push(0xff);
        assert!(String::get(&mut In::new(&o.0)).is_empty());
        let mut i = In::new(&o.0);
        String::get(&mut i);
        assert_eq!(i.end(), Err(Error { at: 1 }));
        let mut i = In::new(&[5]);
        assert_eq!(Kind::get(&mut i), Kind::ALL[0]);
        assert!(i.end().is_err());
    }
}
