//! Exact, Chinese-aware search over the archive.
//!
//! Stages: [`fold`] normalizes text and queries alike (width, case, traditional → simplified,
//! quotes and dashes, whitespace) with an offset map back to the original; [`query`] parses
//! the query language leniently; [`index`] holds every searchable text of every article folded
//! once; [`engine`] finds every occurrence (plain substring search: recall is total), scores
//! with BM25 and field weights ([`engine::RankingWeights`]), and cuts keyword-in-context
//! [`engine::Snippet`]s whose highlight ranges point into the original text.
//!
//! Offsets in this module are **bytes** into the original UTF-8 strings and always lie on
//! character boundaries. (The CLI's JSON reports characters; see the README.)

pub mod charmap;
pub mod engine;
pub mod fold;
pub mod index;
pub mod pinyin;
pub mod postings;
pub mod query;
pub mod shard;
pub mod sort;
#[cfg(feature = "tables")]
pub mod tables;
#[cfg(all(test, feature = "tables"))]
mod testing;
pub mod wire;

use serde::{Deserialize, Serialize};

pub use engine::{
    FieldRanges, Hit, MatchKind, RankingWeights, Results, ScoreBreakdown, SearchOptions,
    SegmentMatches, Snippet,
};
pub use index::{Field, Index};
pub use query::{parse, Query};

/// Corpus-specific lookup tables, computed at build time (see [`tables`]).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tables {
    /// Folding of characters.
    pub fold: fold::FoldTable,
    /// Pinyin readings.
    pub pinyin: pinyin::PinyinTable,
}

/// What the app ships with: the parsed archive and the tables for its corpus. `build.rs` writes
/// it with [`Embedded::encode`]; the app decodes it at start-up. This and [`wire`] are the one
/// definition of that format.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Embedded {
    /// The parsed archive.
    pub archive: archive::Archive,
    /// Fold and pinyin tables for its corpus.
    pub tables: Tables,
}

impl Embedded {
    /// Encodes in the [`wire`] format.
    pub fn encode(&self) -> Vec<u8> {
        let mut o = wire::Out::default();
        wire::Wire::put(self, &mut o);
        o.0
    }

    /// Decodes what [`Embedded::encode`] wrote; any other bytes are an error, never a panic.
    pub fn decode(bytes: &[u8]) -> Result<Self, wire::Error> {
        let mut i = wire::In::new(bytes);
        let e = wire::Wire::get(&mut i);
        i.end().map(|()| e)
    }
}
