//! Finding, scoring and showing matches.
//!
//! Every term is searched as a plain substring of the folded corpus ([`Index::text`]):
//! candidates come from the positions of its rarest character ([`super::postings`]) and are
//! compared byte for byte, so a document containing the term is never missed; Latin terms are
//! also tried as pinyin. Scores are BM25 over field-weighted term frequencies, with match
//! quality (exact > folded > pinyin) and a bonus for terms close together; ties keep page order.

use serde::Serialize;

use super::index::{source_text, Field, Index};
use super::query::{Query, Scope, Term};

/// Ranking knobs, in one place. All weights multiply a match's contribution to the term
/// frequency that BM25 saturates.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct RankingWeights {
    /// A match in the title (主题).
    pub title: f32,
    /// In the kicker (引题) or subtitle (副题).
    pub kicker_subtitle: f32,
    /// In an intertitle.
    pub intertitle: f32,
    /// In the byline.
    pub byline: f32,
    /// In body text, captions, credits and editor's notes.
    pub body: f32,
    /// Quality: the text under the match is exactly the query as typed.
    pub exact: f32,
    /// Quality: equal only after folding (width, case, traditional/simplified…).
    pub folded: f32,
    /// Quality: matched by pinyin.
    pub pinyin: f32,
    /// BM25 term-frequency saturation.
    pub k1: f32,
    /// BM25 length normalization.
    pub b: f32,
    /// Bonus for two query terms in one text, scaled by `1 / (1 + gap / 5)` (gap in characters).
    pub proximity: f32,
}

impl Default for RankingWeights {
    fn default() -> Self {
        RankingWeights {
            title: 8.0,
            kicker_subtitle: 4.0,
            intertitle: 3.0,
            byline: 2.0,
            body: 1.0,
            exact: 1.0,
            folded: 0.8,
            pinyin: 0.4,
            k1: 1.2,
            b: 0.75,
            proximity: 1.5,
        }
    }
}

impl RankingWeights {
    fn field(&self, f: Field) -> f32 {
        match f {
            Field::Title => self.title,
            Field::Kicker | Field::Subtitle | Field::Column => self.kicker_subtitle,
            Field::Intertitle => self.intertitle,
            Field::Byline => self.byline,
            Field::Body | Field::EditorNote | Field::Credit => self.body,
        }
    }

    fn quality(&self, k: MatchKind) -> f32 {
        match k {
            MatchKind::Exact => self.exact,
            MatchKind::Folded => self.folded,
            MatchKind::Pinyin => self.pinyin,
        }
    }
}

/// How a match was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum MatchKind {
    /// The text is exactly the query term.
    Exact,
    /// Equal after folding.
    Folded,
    /// By pinyin.
    Pinyin,
}

#[derive(Debug, Clone, Copy)]
struct RawMatch {
    unit: u32,
    /// The unit's article.
    doc: u32,
    /// Field weight × match quality.
    weight: f32,
    /// Folded byte offsets within the unit.
    start: u32,
    end: u32,
    clause: u16,
    alt: u16,
    kind: MatchKind,
}

/// The highlight ranges in one text of an article.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldRanges {
    /// Which text.
    pub field: Field,
    /// Its position within the field.
    pub index: u32,
    /// Byte ranges in the original text, sorted, not overlapping.
    pub ranges: Vec<(usize, usize)>,
}

/// A keyword-in-context excerpt.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Snippet {
    /// The text it was cut from.
    pub field: Field,
    /// Its position within the field.
    pub index: u32,
    /// The excerpt (original characters).
    pub text: String,
    /// Highlights: byte ranges in `text`.
    pub marks: Vec<(usize, usize)>,
    /// The excerpt starts after the beginning of its text.
    pub cut_before: bool,
    /// The excerpt ends before the end of its text.
    pub cut_after: bool,
}

/// One term's part of a score.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TermScore {
    /// The term as typed.
    pub term: String,
    /// Its matches in this article.
    pub matches: u32,
    /// Field- and quality-weighted frequency.
    pub weighted_tf: f32,
    /// Inverse document frequency.
    pub idf: f32,
    /// BM25 contribution.
    pub score: f32,
}

/// Why an article scored what it did.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ScoreBreakdown {
    /// Per positive term.
    pub terms: Vec<TermScore>,
    /// Proximity bonus.
    pub proximity: f32,
    /// The sum.
    pub total: f32,
}

/// One matching article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Hit {
    /// Index into `archive.articles`.
    pub doc: usize,
    /// The article's id.
    pub id: String,
    /// Score (0 for queries without text terms).
    pub score: f32,
    /// Number of highlighted matches.
    pub count: usize,
    /// Matches per field, in field order (a sorted list: a `BTreeMap` would bring its own
    /// code into the wasm for these few entries).
    pub field_counts: Vec<(Field, u32)>,
    /// Every highlight, per text.
    pub ranges: Vec<FieldRanges>,
    /// Up to `max_snippets` excerpts.
    pub snippets: Vec<Snippet>,
    /// Score breakdown.
    pub breakdown: ScoreBreakdown,
}

/// Search options.
#[derive(Debug, Clone, Copy)]
pub struct SearchOptions {
    /// How many hits get ranges and snippets (the rest are only counted and ordered).
    pub limit: usize,
    /// Characters of context either side of a match in a snippet.
    pub context: usize,
    /// Snippets per hit.
    pub max_snippets: usize,
    /// Ranking knobs.
    pub weights: RankingWeights,
}

impl Default for SearchOptions {
    fn default() -> Self {
        SearchOptions {
            limit: usize::MAX,
            context: 30,
            max_snippets: 3,
            weights: RankingWeights::default(),
        }
    }
}

/// What each text term of the last search found in each segment of the index searched, kept
/// for the next search with [`Index::search_cached`]: an index grown from another
/// ([`Index::with_more`]) shares its segments, and a term's matches in a segment depend on
/// the segment and the term alone, so searching the grown index for the same query reads only
/// the segments it added (scores are computed again: they depend on every article). A sharded
/// page showing a long answer as it grows searches it again at each show.
///
/// Holds the segments it has matches of (the last search's, no others) and those matches.
#[derive(Debug, Default)]
pub struct SegmentMatches {
    weights: Option<RankingWeights>,
    kept: Vec<KeptMatches>,
}

#[derive(Debug)]
struct KeptMatches {
    seg: std::sync::Arc<crate::index::Segment>,
    raw: String,
    scope: Scope,
    matches: Vec<RawMatch>,
    used: bool,
}

/// All matching articles, best first.
#[derive(Debug, Clone, Default)]
pub struct Results {
    /// Every matching article as `(doc, score)`, in result order.
    pub order: Vec<(usize, f32)>,
    /// Details for the first `limit` of them.
    pub hits: Vec<Hit>,
    matches: Vec<RawMatch>,
    by_doc: Vec<(u32, u32)>,
    /// The positive text terms, for scoring (breakdowns are built only for shown hits).
    terms: Vec<TermInfo>,
    /// How many distinct clauses those terms come from (proximity needs two).
    clauses: usize,
}

/// A positive text term of a query, as scoring needs it.
#[derive(Debug, Clone)]
struct TermInfo {
    /// (clause, alternative) of the term, as in [`RawMatch`].
    key: (u16, u16),
    /// As typed.
    raw: String,
    /// Inverse document frequency (from the number of articles it matched).
    idf: f32,
}

impl Index {
    /// Runs a query.
    pub fn search(&self, q: &Query, opts: &SearchOptions) -> Results {
        self.search_in(q, opts, None)
    }

    /// [`Index::search`], reading the matches of each text term in each segment from `kept`
    /// when it has them (from a search of an index sharing the segment), and keeping this
    /// search's there for the next (see [`SegmentMatches`]). The results are the same.
    pub fn search_cached(
        &self,
        q: &Query,
        opts: &SearchOptions,
        kept: &mut SegmentMatches,
    ) -> Results {
        if kept.weights != Some(opts.weights) {
            *kept = SegmentMatches {
                weights: Some(opts.weights),
                kept: Vec::new(),
            };
        }
        for k in &mut kept.kept {
            k.used = false;
        }
        let r = self.search_in(q, opts, Some(kept));
        kept.kept.retain(|k| k.used);
        r
    }

    fn search_in(
        &self,
        q: &Query,
        opts: &SearchOptions,
        mut kept: Option<&mut SegmentMatches>,
    ) -> Results {
        let n = self.docs.len();
        let mut matches: Vec<RawMatch> = Vec::with_capacity(32);
        let mut terms: Vec<TermInfo> = Vec::new();
        // Documents that satisfy every clause so far, and those satisfying the current one.
        let mut flags = vec![true; 2 * n];
        let (keep, sat) = flags.split_at_mut(n);
        for (ci, clause) in q.clauses.iter().enumerate() {
            sat.fill(false);
            for (ai, term) in clause.alternatives.iter().enumerate() {
                match term {
                    Term::Kind(k) => {
                        for (d, s) in sat.iter_mut().enumerate() {
                            *s |= self.archive.articles[d].kind == *k;
                        }
                    }
                    Term::Date(r) => {
                        for (d, s) in sat.iter_mut().enumerate() {
                            *s |= self.archive.articles[d]
                                .date
                                .as_deref()
                                .is_some_and(|x| r.contains(x));
                        }
                    }
                    Term::Text { raw, scope, pinyin } => {
                        let before = matches.len();
                        self.find_text(
                            raw,
                            *scope,
                            pinyin.as_deref(),
                            (ci as u16, ai as u16),
                            &opts.weights,
                            &mut matches,
                            kept.as_deref_mut(),
                        );
                        let mut count = 0;
                        let mut last = usize::MAX;
                        for m in &matches[before..] {
                            let d = m.doc as usize;
                            if d != last {
                                if !sat[d] {
                                    sat[d] = true;
                                }
                                count += 1;
                                last = d;
                            }
                        }
                        if clause.negated {
                            matches.truncate(before);
                        } else {
                            let df = count.max(1) as f32;
                            terms.push(TermInfo {
                                key: (ci as u16, ai as u16),
                                raw: raw.clone(),
                                idf: (1.0 + (n as f32 - df + 0.5) / (df + 0.5)).ln(),
                            });
                        }
                    }
                }
            }
            for (k, s) in keep.iter_mut().zip(sat.iter()) {
                *k &= *s != clause.negated;
            }
        }
        if !matches.is_sorted_by_key(match_order) {
            crate::sort::sort_by_key(&mut matches, match_order);
        }
        // Group matches by document.
        let mut by_doc: Vec<(u32, u32)> = vec![(0, 0); n];
        let mut i = 0;
        while i < matches.len() {
            let d = matches[i].doc as usize;
            let s = i;
            while i < matches.len() && matches[i].doc as usize == d {
                i += 1;
            }
            by_doc[d] = (s as u32, i as u32);
        }
        // Number of distinct clauses among the terms (they are in (clause, alternative) order).
        let clauses = terms
            .windows(2)
            .filter(|w| w[0].key.0 != w[1].key.0)
            .count()
            + usize::from(!terms.is_empty());
        let mut order: Vec<(usize, f32)> = Vec::new();
        for d in 0..n {
            if !keep[d] {
                continue;
            }
            if terms.is_empty() {
                order.push((d, 0.0));
                continue;
            }
            let (s, e) = by_doc[d];
            let ms = &matches[s as usize..e as usize];
            order.push((
                d,
                self.score(&terms, clauses, d, ms, &opts.weights, false)
                    .total,
            ));
        }
        sort_scored(&mut order);
        let mut results = Results {
            order,
            hits: Vec::new(),
            matches,
            by_doc,
            terms,
            clauses,
        };
        let first: Vec<usize> = results.order.iter().take(opts.limit).map(|o| o.0).collect();
        results.hits = first
            .into_iter()
            .map(|d| self.hit(&results, d, opts))
            .collect();
        results
    }

    /// Details (ranges, snippets, breakdown) of one article of a result set; an article that
    /// did not match gets an empty hit.
    pub fn hit(&self, results: &Results, d: usize, opts: &SearchOptions) -> Hit {
        let ms = Self::doc_matches(results, d);
        let score = results.order.iter().find(|o| o.0 == d).map(|o| o.1);
        let bd = match score {
            Some(_) if !results.terms.is_empty() => {
                self.score(&results.terms, results.clauses, d, ms, &opts.weights, true)
            }
            _ => ScoreBreakdown::default(),
        };
        self.build_hit(d, score.unwrap_or(0.0), ms, bd, opts)
    }

    /// How many highlighted matches article `d` has ([`Hit::count`]) without the rest of a
    /// [`Hit`] (score, snippets): the list's "N 处" over every result costs one pass over each
    /// result's matches, not a hit built for each.
    pub fn hit_count(&self, results: &Results, d: usize) -> usize {
        let mut count = 0;
        self.merged_ranges(Self::doc_matches(results, d), |_, rs| count += rs.len());
        count
    }

    /// The raw matches of article `d` in `results`.
    fn doc_matches(results: &Results, d: usize) -> &[RawMatch] {
        let (s, e) = results.by_doc.get(d).copied().unwrap_or((0, 0));
        results.matches.get(s as usize..e as usize).unwrap_or(&[])
    }

    /// Each unit's matches (`ms`, grouped by unit) as disjoint ranges of its original text: a
    /// later overlapping match extends the previous one.
    fn merged_ranges(
        &self,
        ms: &[RawMatch],
        mut each: impl FnMut(&crate::index::Unit, Vec<(usize, usize)>),
    ) {
        let mut i = 0;
        while i < ms.len() {
            let unit = ms[i].unit;
            let u = self.unit(unit);
            let mut rs: Vec<(usize, usize)> = Vec::new();
            while i < ms.len() && ms[i].unit == unit {
                let m = ms[i];
                i += 1;
                let r = u.folded.to_original(m.start as usize, m.end as usize);
                match rs.last_mut() {
                    Some(last) if r.0 < last.1 => last.1 = last.1.max(r.1),
                    _ => rs.push(r),
                }
            }
            each(u, rs);
        }
    }

    /// The matches of `needle` (`raw_trim` folded) in segment `seg`, in text order, for the
    /// clause and alternative 0 (the caller sets them).
    #[allow(clippy::too_many_arguments)]
    fn find_in(
        &self,
        seg: &crate::index::Segment,
        needle: &str,
        raw_trim: &str,
        needle_is_raw: bool,
        scope: Scope,
        w: &RankingWeights,
        out: &mut Vec<RawMatch>,
    ) {
        let mut ui = 0usize;
        let mut cursor = 0usize;
        let mut cursor_unit = usize::MAX;
        for pos in seg.postings.find(&seg.text, needle) {
            ui = unit_at(&seg.unit_starts, ui, pos);
            let u = &seg.units[ui];
            if !Self::in_scope(u.field, scope) {
                continue;
            }
            let s = pos - u.start as usize;
            let e = s + needle.len();
            if cursor_unit != ui {
                cursor_unit = ui;
                cursor = 0;
            }
            let kind = if u.identity {
                // Fast path: offsets are the original's, the text is the folded text.
                if needle_is_raw {
                    MatchKind::Exact
                } else {
                    MatchKind::Folded
                }
            } else {
                let Some((os, oe, same)) = u.folded.map_forward(&mut cursor, s, e) else {
                    continue;
                };
                if same {
                    if needle_is_raw {
                        MatchKind::Exact
                    } else {
                        MatchKind::Folded
                    }
                } else if self.unit_source(u).get(os..oe) == Some(raw_trim) {
                    MatchKind::Exact
                } else {
                    MatchKind::Folded
                }
            };
            out.push(RawMatch {
                unit: seg.first_unit + ui as u32,
                doc: u.doc,
                weight: w.field(u.field) * w.quality(kind),
                start: s as u32,
                end: e as u32,
                clause: 0,
                alt: 0,
                kind,
            });
        }
    }

    fn in_scope(field: Field, scope: Scope) -> bool {
        match scope {
            Scope::All => true,
            Scope::Title => field.is_headline(),
            Scope::Author => field == Field::Byline,
        }
    }

    #[allow(clippy::too_many_arguments)]
    fn find_text(
        &self,
        raw: &str,
        scope: Scope,
        pinyin: Option<&str>,
        (clause, alt): (u16, u16),
        w: &RankingWeights,
        out: &mut Vec<RawMatch>,
        mut kept: Option<&mut SegmentMatches>,
    ) {
        let needle = self.folder.fold(raw);
        let first = out.len();
        if !needle.is_empty() {
            let raw_trim = raw.trim();
            let needle_is_raw = needle == raw_trim;
            for seg in &self.segs {
                // Kept matches (only of a term without pinyin: its pinyin matches depend on
                // its text matches in the whole index, see below).
                let Some(kept) = kept.as_deref_mut().filter(|_| pinyin.is_none()) else {
                    self.find_in(seg, &needle, raw_trim, needle_is_raw, scope, w, out);
                    continue;
                };
                let from = out.len();
                let had = kept.kept.iter_mut().find(|k| {
                    std::sync::Arc::ptr_eq(&k.seg, seg) && k.raw == raw && k.scope == scope
                });
                if let Some(k) = had {
                    k.used = true;
                    out.extend_from_slice(&k.matches);
                    continue;
                }
                self.find_in(seg, &needle, raw_trim, needle_is_raw, scope, w, out);
                kept.kept.push(KeptMatches {
                    seg: seg.clone(),
                    raw: raw.to_string(),
                    scope,
                    matches: out[from..].to_vec(),
                    used: true,
                });
            }
            for m in &mut out[first..] {
                m.clause = clause;
                m.alt = alt;
            }
        }
        if let Some(key) = pinyin {
            // Candidates: the occurrences of the characters that can begin the key, marked in
            // a bitmap over each segment's text so they are visited in text order (reading the
            // text forward, not jumping about a large corpus) and left to right without
            // overlaps, as a scan of each text would take them.
            let text_end = out.len();
            let mut tj = first;
            let built = |b: bool| self.segs.iter().any(|s| s.postings.is_built() == b);
            let starting = if built(true) {
                self.pinyin.starting_chars(key)
            } else {
                Vec::new()
            };
            let starters = if built(false) {
                self.pinyin.starters(key)
            } else {
                Vec::new()
            };
            for seg in &self.segs {
                let mut bits = vec![0u64; seg.text.len() / 64 + 1];
                let mut mark = |p: usize| {
                    if let Some(w) = bits.get_mut(p / 64) {
                        *w |= 1 << (p % 64);
                    }
                };
                if seg.postings.is_built() {
                    for &c in &starting {
                        for &p in seg.postings.of(c) {
                            mark(p as usize);
                        }
                    }
                } else {
                    // A short text without postings: read through.
                    for (p, c) in seg.text.char_indices() {
                        if self.pinyin.can_start(&starters, c) {
                            mark(p);
                        }
                    }
                }
                let (mut ui, mut taken_to) = (0usize, 0usize);
                for (wi, &word) in bits.iter().enumerate() {
                    let mut word = word;
                    while word != 0 {
                        let p = wi * 64 + word.trailing_zeros() as usize;
                        word &= word - 1;
                        if p < taken_to {
                            continue;
                        }
                        let Some(end) = self.pinyin.match_at(&seg.text, p, key) else {
                            continue;
                        };
                        taken_to = end;
                        ui = unit_at(&seg.unit_starts, ui, p);
                        let u = &seg.units[ui];
                        let (s, e) = (
                            (p - u.start as usize) as u32,
                            (end - u.start as usize) as u32,
                        );
                        // The term's text matches are in text order, and so are these: a
                        // cursor skips those that end before this one starts (linear, not a
                        // scan of all).
                        let here = seg.first_unit + ui as u32;
                        while tj < text_end && (out[tj].unit, out[tj].end) <= (here, s) {
                            tj += 1;
                        }
                        let over_text = out[tj..text_end]
                            .iter()
                            .take_while(|t| (t.unit, t.start) < (here, e))
                            .any(|t| t.unit == here && t.start < e && s < t.end);
                        if Self::in_scope(u.field, scope) && !over_text {
                            out.push(RawMatch {
                                unit: here,
                                doc: u.doc,
                                weight: w.field(u.field) * w.pinyin,
                                start: s,
                                end: e,
                                clause,
                                alt,
                                kind: MatchKind::Pinyin,
                            });
                        }
                    }
                }
            }
            crate::sort::sort_by_key(&mut out[first..], match_order);
        }
    }

    /// BM25 of one article; `detail` also lists each term's part (allocates).
    #[allow(clippy::too_many_arguments)]
    fn score(
        &self,
        terms: &[TermInfo],
        clauses: usize,
        d: usize,
        ms: &[RawMatch],
        w: &RankingWeights,
        detail: bool,
    ) -> ScoreBreakdown {
        let len = self.docs[d].len as f32;
        let norm = w.k1 * (1.0 - w.b + w.b * len / self.avg_len);
        let mut bd = ScoreBreakdown::default();
        let mut total = 0f32;
        // Count and weigh the matches of this article per term in one pass over them: the term
        // of a match by binary search (terms are in key order), sums in a small array on the
        // stack for the usual few terms. O(m log t) for m matches and t terms, with no
        // allocation per article unless the query has more than 16 terms.
        let mut small = [(0u32, 0f32); 16];
        let mut big: Vec<(u32, f32)> = Vec::new();
        let acc: &mut [(u32, f32)] = if terms.len() <= small.len() {
            &mut small[..terms.len()]
        } else {
            big.resize(terms.len(), (0, 0.0));
            &mut big
        };
        for m in ms {
            if let Ok(i) = terms.binary_search_by_key(&(m.clause, m.alt), |t| t.key) {
                acc[i].0 += 1;
                acc[i].1 += m.weight;
            }
        }
        for (t, &(count, tf)) in terms.iter().zip(acc.iter()) {
            if count == 0 {
                continue;
            }
            let idf = t.idf;
            let score = idf * tf * (w.k1 + 1.0) / (tf + norm);
            total += score;
            if detail {
                bd.terms.push(TermScore {
                    term: t.raw.clone(),
                    matches: count,
                    weighted_tf: tf,
                    idf,
                    score,
                });
            }
        }
        // Proximity: the closest pair of matches of different clauses within one text. Matches
        // are sorted, so the closest such pair is adjacent in that order.
        let mut best_gap: Option<usize> = None;
        if clauses >= 2 {
            for w in ms.windows(2) {
                let (a, b) = (w[0], w[1]);
                if a.unit != b.unit || a.clause == b.clause {
                    continue;
                }
                let gap = if a.end <= b.start {
                    self.unit_text(a.unit)
                        .get(a.end as usize..b.start as usize)
                        .map(|s| s.chars().count())
                        .unwrap_or(0)
                } else {
                    0
                };
                best_gap = Some(best_gap.map_or(gap, |g| g.min(gap)));
            }
        }
        if let Some(g) = best_gap {
            bd.proximity = w.proximity / (1.0 + g as f32 / 5.0);
        }
        bd.total = total + bd.proximity;
        bd
    }

    fn build_hit(
        &self,
        d: usize,
        score: f32,
        ms: &[RawMatch],
        breakdown: ScoreBreakdown,
        opts: &SearchOptions,
    ) -> Hit {
        let a = &self.archive.articles[d];
        let mut ranges: Vec<FieldRanges> = Vec::new();
        let mut field_counts: Vec<(Field, u32)> = Vec::new();
        let mut count = 0;
        self.merged_ranges(ms, |u, rs| {
            count += rs.len();
            let at = field_counts.partition_point(|(f, _)| *f < u.field);
            match field_counts.get_mut(at) {
                Some((f, n)) if *f == u.field => *n += rs.len() as u32,
                _ => field_counts.insert(at, (u.field, rs.len() as u32)),
            }
            ranges.push(FieldRanges {
                field: u.field,
                index: u.index,
                ranges: rs,
            });
        });
        let snippets = self.snippets(d, &ranges, opts);
        Hit {
            doc: d,
            id: a.id.clone(),
            score,
            count,
            field_counts,
            ranges,
            snippets,
            breakdown,
        }
    }

    fn snippets(&self, d: usize, ranges: &[FieldRanges], opts: &SearchOptions) -> Vec<Snippet> {
        let a = &self.archive.articles[d];
        let mut out = Vec::new();
        for fr in ranges {
            if matches!(
                fr.field,
                Field::Title | Field::Kicker | Field::Subtitle | Field::Column | Field::Byline
            ) {
                continue;
            }
            let Some(text) = source_text(a, fr.field, fr.index) else {
                continue;
            };
            let mut windows: Vec<Window> = Vec::new();
            for &(s, e) in &fr.ranges {
                let ws = back_chars(&text, s, opts.context);
                let we = fwd_chars(&text, e, opts.context);
                match windows.last_mut() {
                    Some(w) if ws <= w.1 => {
                        w.1 = w.1.max(we);
                        w.2.push((s, e));
                    }
                    _ => windows.push((ws, we, vec![(s, e)])),
                }
            }
            for (ws, we, marks) in windows {
                if out.len() >= opts.max_snippets {
                    return out;
                }
                out.push(Snippet {
                    field: fr.field,
                    index: fr.index,
                    text: text[ws..we].to_string(),
                    marks: marks.iter().map(|(s, e)| (s - ws, e - ws)).collect(),
                    cut_before: ws > 0,
                    cut_after: we < text.len(),
                });
            }
        }
        if out.is_empty() {
            if let Some(p) = a.paragraphs.first() {
                let we = fwd_chars(&p.text, 0, opts.context * 2);
                out.push(Snippet {
                    field: Field::Body,
                    index: 0,
                    text: p.text[..we].to_string(),
                    marks: Vec::new(),
                    cut_before: false,
                    cut_after: we < p.text.len(),
                });
            }
        }
        out
    }
}

/// The last unit at or after `from` that starts at or before `pos`, by galloping forward from
/// `from` (matches come in text order, so the next one is usually in the same or a near unit).
fn unit_at(starts: &[u32], from: usize, pos: usize) -> usize {
    let pos = pos as u32;
    let (mut lo, mut step) = (from, 1);
    while starts.get(lo + step).is_some_and(|&s| s <= pos) {
        lo += step;
        step *= 2;
    }
    let hi = (lo + step).min(starts.len());
    lo + starts[lo..hi].partition_point(|&s| s <= pos).max(1) - 1
}

/// Reading order of matches (one function, so the sort is compiled once into the wasm).
/// Matches in text order: by unit, start, then kind, packed in one integer for the shared sort
/// (units < 2^30 and offsets within a unit < 2^32 in any archive that fits a browser).
fn match_order(m: &RawMatch) -> u64 {
    (u64::from(m.unit) << 34) | (u64::from(m.start) << 2) | m.kind as u64
}

/// Sorts `(index, score)` pairs best first, ties by index (the one sort of scored lists).
pub fn sort_scored(v: &mut [(usize, f32)]) {
    // An f32's bits, flipped so that unsigned order is numeric order (negatives included),
    // then inverted for best first; the index breaks ties.
    let ordered = |s: f32| {
        let b = s.to_bits();
        if b >> 31 == 1 {
            !b
        } else {
            b | 1 << 31
        }
    };
    crate::sort::sort_by_key(v, |&(i, s)| {
        (u64::from(u32::MAX - ordered(s)) << 32) | (i as u64).min(u64::from(u32::MAX))
    });
}

/// A snippet window being built: start, end, and the marks inside (bytes in the text).
type Window = (usize, usize, Vec<(usize, usize)>);

fn back_chars(s: &str, pos: usize, n: usize) -> usize {
    s[..pos]
        .char_indices()
        .rev()
        .take(n)
        .last()
        .map(|(i, _)| i)
        .unwrap_or(pos)
}

fn fwd_chars(s: &str, pos: usize, n: usize) -> usize {
    s[pos..]
        .char_indices()
        .nth(n)
        .map(|(i, _)| pos + i)
        .unwrap_or(s.len())
}

#[cfg(all(test, feature = "tables"))]
mod tests {
    use super::*;
    use crate::testing::{article, index};
    use archive::Kind;

    fn order(ix: &Index, q: &str) -> Vec<String> {
        ix.search(&ix.parse(q), &SearchOptions::default())
            .order
            .iter()
            .map(|(d, _)| ix.archive().articles[*d].id.clone())
            .collect()
    }

    #[test]
    fn matches_are_counted_per_field_in_field_order() {
        let mut a = article(
            "a",
            "口罩与口罩",
            &["口罩", "没有", "口罩，又是口罩，还是口罩"],
        );
        a.kicker = Some("送口罩".into());
        let ix = index(vec![a]);
        let r = ix.search(&ix.parse("口罩"), &SearchOptions::default());
        let h = &r.hits[0];
        // Counted by hand from the texts above: body 1 + 3, title 2, kicker 1.
        assert_eq!(
            h.field_counts,
            [(Field::Title, 2), (Field::Kicker, 1), (Field::Body, 4)]
        );
        assert_eq!(h.count, 7);
    }

    #[test]
    fn a_hit_count_is_the_count_of_the_hit_without_building_it() {
        let mut a = article(
            "a",
            "口罩与口罩",
            &["口罩", "没有", "口罩，又是口罩，还是口罩"],
        );
        a.kicker = Some("送口罩".into());
        let ix = index(vec![
            a,
            // Matches are found left to right without overlapping: `哈哈` is once in the title
            // `哈哈哈`, twice in `哈哈哈哈` (side by side, two ranges), once more after.
            article("b", "哈哈哈", &["哈哈哈哈，又是哈哈"]),
            // Width and traditional forms fold to the query's.
            article("c", "傳承", &["传承与傳承，ＡＢ与ab"]),
            article("d", "无关", &["没有"]),
        ]);
        // Counted by hand from the texts above.
        for (q, want) in [
            ("口罩", vec![("a", 7)]),
            ("哈哈", vec![("b", 4)]),
            ("传承", vec![("c", 3)]),
            ("ab", vec![("c", 2)]),
            ("口罩 OR 哈哈 OR 没有", vec![("a", 8), ("b", 4), ("d", 1)]),
        ] {
            let r = ix.search(&ix.parse(q), &SearchOptions::default());
            let mut got: Vec<(&str, usize)> = r
                .order
                .iter()
                .map(|(d, _)| (ix.archive().articles[*d].id.as_str(), ix.hit_count(&r, *d)))
                .collect();
            got.sort();
            assert_eq!(got, want, "{q}");
            for (d, _) in &r.order {
                let h = ix.hit(&r, *d, &SearchOptions::default());
                assert_eq!(ix.hit_count(&r, *d), h.count, "{q}: the hit's own count");
            }
        }
    }

    #[test]
    fn a_title_match_outranks_the_same_count_in_the_body() {
        let ix = index(vec![
            article("body", "别的事", &["今天谈到口罩的事。"]),
            article("title", "口罩到了", &["今天谈到别的事。"]),
        ]);
        assert_eq!(order(&ix, "口罩"), ["title", "body"]);
    }

    #[test]
    fn and_or_not_and_kind() {
        let mut c = article("c", "丙", &["口罩和体温"]);
        c.kind = Kind::Photo;
        let ix = index(vec![
            article("a", "甲", &["口罩"]),
            article("b", "乙", &["体温"]),
            c,
        ]);
        let sorted = |q: &str| {
            let mut v = order(&ix, q);
            v.sort();
            v
        };
        assert_eq!(sorted("口罩 体温"), ["c"]);
        assert_eq!(sorted("口罩 OR 体温"), ["a", "b", "c"]);
        assert_eq!(sorted("口罩 -体温"), ["a"]);
        assert_eq!(sorted("kind:photo"), ["c"]);
        assert_eq!(sorted("kind:消息 体温"), ["b"]);
        assert!(sorted("口罩 -口罩").is_empty());
    }

    #[test]
    fn ranges_and_snippets_point_at_the_original_characters() {
        let ix = index(vec![article(
            "a",
            "题",
            &["他戴着Ｎ９５口罩，又说：n95 口罩不够。"],
        )]);
        let r = ix.search(&ix.parse("N95口罩"), &SearchOptions::default());
        let h = &r.hits[0];
        let text = &ix.archive().articles[0].paragraphs[0].text;
        let marked: Vec<&str> = h.ranges[0]
            .ranges
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        // Width-folded and across a space: both found, each marked as printed.
        assert_eq!(marked, ["Ｎ９５口罩", "n95 口罩"]);
        assert_eq!(h.count, 2);
        let sn = &h.snippets[0];
        let shown: Vec<&str> = sn.marks.iter().map(|&(s, e)| &sn.text[s..e]).collect();
        assert_eq!(shown, ["Ｎ９５口罩", "n95 口罩"]);
    }

    #[test]
    fn breakdowns_add_up_and_a_limit_only_limits_details() {
        let ix = index(vec![
            article("a", "口罩", &["口罩 体温 口罩"]),
            article("b", "体温", &["体温 口罩"]),
            article("c", "丙", &["口罩"]),
        ]);
        let q = ix.parse("口罩 OR 体温 口罩");
        let all = ix.search(&q, &SearchOptions::default());
        let one = ix.search(
            &q,
            &SearchOptions {
                limit: 1,
                ..Default::default()
            },
        );
        assert_eq!(all.order, one.order);
        assert_eq!(one.hits.len(), 1);
        for (h, (d, score)) in all.hits.iter().zip(&all.order) {
            assert_eq!(h.doc, *d);
            let sum: f32 =
                h.breakdown.terms.iter().map(|t| t.score).sum::<f32>() + h.breakdown.proximity;
            assert!((sum - score).abs() < 1e-4, "{sum} vs {score}");
            assert!((h.breakdown.total - score).abs() < 1e-4);
        }
    }

    #[test]
    fn a_latin_term_matches_as_text_and_as_pinyin_in_text_order() {
        let ix = index(vec![article(
            "a",
            "题",
            &["zjd 说，张建党和zjd都到了，张建党。"],
        )]);
        let r = ix.search(&ix.parse("zjd"), &SearchOptions::default());
        let text = &ix.archive().articles[0].paragraphs[0].text;
        let marked: Vec<&str> = r.hits[0].ranges[0]
            .ranges
            .iter()
            .map(|&(s, e)| &text[s..e])
            .collect();
        assert_eq!(marked, ["zjd", "张建党", "zjd", "张建党"]);
    }
}

#[cfg(all(test, feature = "tables"))]
mod kept_tests {
    use super::*;
    use crate::testing::{article, reporter};
    use archive::Archive;
    use std::sync::Arc;

    /// Articles of varied text from a few characters (a linear congruential generator).
    fn varied(n: usize) -> Vec<Arc<archive::Article>> {
        const CS: &[char] = &[
            '合', '肥', '市', '社', '区', '老', '旧', '小', '改', '造', '的', '一', '是', '張',
            '张', '建', '党', '，', '。', 'A', 'b', '傳', '承', '传',
        ];
        let mut seed = 11u64;
        let mut text = |n: usize| -> String {
            (0..n)
                .map(|_| {
                    seed = seed
                        .wrapping_mul(6364136223846793005)
                        .wrapping_add(1442695040888963407);
                    CS[(seed >> 33) as usize % CS.len()]
                })
                .collect()
        };
        (0..n)
            .map(|i| {
                let (t, p) = (text(6), text(900));
                let mut a = article(&format!("a{i}"), &t, &[&p]);
                a.authors = vec![reporter(if i % 4 == 0 { "张建党" } else { "李青" })];
                Arc::new(a)
            })
            .collect()
    }

    /// An index searched with the matches kept from the indexes it grew through (sharing
    /// their segments, merging some) finds what it finds afresh: the same articles, scores
    /// and highlights, for every kind of query (several terms, OR, NOT, a field, folding,
    /// pinyin, which is never kept); what is kept is of its own segments only, and a shared
    /// segment's matches are read, not found again.
    #[test]
    fn kept_segment_matches_find_what_a_fresh_search_finds() {
        let all = varied(150);
        let tables = crate::tables::build_tables(&Archive {
            articles: all.clone(),
            ..Default::default()
        })
        .expect("tables");
        let opts = SearchOptions {
            limit: 5,
            ..Default::default()
        };
        let queries = [
            "市",
            "合肥 社区",
            "老旧 OR 改造",
            "市 -张建党",
            "title:合肥",
            "author:张建党",
            "傳承",
            "zhang",
            "市",
            "A",
            "合肥 title:合肥",
        ];
        // One for each query (each search keeps the matches of its own terms alone).
        let mut kept: Vec<SegmentMatches> = queries.iter().map(|_| Default::default()).collect();
        let mut ix = Index::new(Default::default(), &tables);
        let (mut reused, mut merges) = (0, 0);
        for part in all.chunks(10) {
            let before = ix.segments();
            ix = ix.with_more(Vec::new(), part.to_vec());
            merges += usize::from(ix.segments() <= before);
            for (q, kept) in queries.iter().zip(&mut kept) {
                let q = ix.parse(q);
                let was: Vec<(*const crate::index::Segment, *const RawMatch)> = kept
                    .kept
                    .iter()
                    .map(|k| (Arc::as_ptr(&k.seg), k.matches.as_ptr()))
                    .collect();
                let (a, b) = (ix.search(&q, &opts), ix.search_cached(&q, &opts, kept));
                assert_eq!(a.order, b.order, "{q:?}");
                assert_eq!(a.hits.len(), b.hits.len());
                for (x, y) in a.hits.iter().zip(&b.hits) {
                    assert_eq!((x.doc, x.count, &x.ranges), (y.doc, y.count, &y.ranges));
                }
                for &(d, _) in &a.order {
                    assert_eq!(ix.hit_count(&a, d), ix.hit_count(&b, d), "{q:?}");
                }
                for k in &kept.kept {
                    assert!(ix.segs.iter().any(|s| Arc::ptr_eq(s, &k.seg)));
                    reused += usize::from(was.contains(&(Arc::as_ptr(&k.seg), k.matches.as_ptr())));
                }
            }
        }
        assert!(
            merges > 0 && reused > 100,
            "{merges} merges, {reused} reused"
        );
    }
}
