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
#[cfg(not(target_arch = "wasm32"))]
pub mod tables;

use serde::{Deserialize, Serialize};

pub use engine::{FieldRanges, Hit, MatchKind, RankingWeights, ScoreBreakdown, Snippet};
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
