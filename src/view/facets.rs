//! Facets: kind, author and day, with live counts that combine with the query and with each
//! other (a facet's counts apply every *other* facet's selection).

use std::collections::{BTreeMap, HashMap};
use std::sync::{Arc, Weak};

use serde::{Deserialize, Serialize};

use super::route::ViewState;
use crate::archive::{Archive, Article, Kind};

/// Counts for every facet value among a result set.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Facets {
    /// Articles per kind (kinds with none omitted), in [`Kind::ALL`] order.
    pub kinds: Vec<(Kind, usize)>,
    /// Articles per author name, most first, then by name.
    pub authors: Vec<(String, usize)>,
    /// Articles per day (ISO), by day.
    pub days: Vec<(String, usize)>,
    /// Articles without a date.
    pub undated: usize,
    /// Articles per entity (index into `archive.entities`), most first, then in entity order.
    pub entities: Vec<(usize, usize)>,
}

/// The facet selections of a view: what its counts depend on besides its results. A sharded
/// archive's worker counts the facets of a query's results ([`count`] over [`facet_meta`] of
/// each, as it finds them) under the selections the page last told it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Selections {
    pub kinds: Vec<Kind>,
    pub authors: Vec<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub ents: Vec<String>,
}

impl Selections {
    /// The selections of `v`.
    pub fn of(v: &ViewState) -> Selections {
        Selections {
            kinds: v.kinds.clone(),
            authors: v.authors.clone(),
            from: v.from.clone(),
            to: v.to.clone(),
            ents: v.ents.clone(),
        }
    }

    /// A view with these selections and nothing else (what [`count`] reads of a view).
    pub fn view(&self) -> ViewState {
        ViewState {
            kinds: self.kinds.clone(),
            authors: self.authors.clone(),
            from: self.from.clone(),
            to: self.to.clone(),
            ents: self.ents.clone(),
            ..Default::default()
        }
    }
}

/// Facet counts counted elsewhere (a sharded archive's worker): of the results of `query`,
/// `found` articles in all, under `selections`. The page shows them when they are of the list
/// it shows (the same query, as many results, the same selections), else counts its own.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Counted {
    pub query: String,
    pub found: usize,
    pub selections: Selections,
    pub facets: Facets,
}

/// What [`count`] reads of an article (its kind, date and credited names), and nothing else:
/// a worker keeps this of every article it found, not the text it sends the page.
pub fn facet_meta(a: &Article) -> Article {
    Article {
        kind: a.kind,
        date: a.date.clone(),
        authors: a.authors.clone(),
        ..Article::new(String::new(), String::new(), String::new())
    }
}

/// Facet counts kept as results are added, under fixed selections: adding articles costs
/// what they add (O(added × log of the distinct values)), not a count of every result again;
/// [`Running::facets`] orders what was counted (O(distinct values)). A sharded archive's worker
/// keeps one per query ([`count`] gives the same counts over the same articles: tested).
#[derive(Debug, Clone, Default)]
pub struct Running {
    view: ViewState,
    /// Articles counted (the first of `meta` not yet counted).
    counted: usize,
    kinds: [usize; Kind::ALL.len()],
    authors: BTreeMap<String, usize>,
    days: BTreeMap<String, usize>,
    undated: usize,
}

impl Running {
    /// No article counted yet, under `sel`.
    pub fn new(sel: &Selections) -> Running {
        Running {
            view: sel.view(),
            ..Default::default()
        }
    }

    /// Counts the articles of `meta` not yet counted (those after the ones counted before: the
    /// results, added to the end).
    pub fn add(&mut self, meta: &Archive) {
        let view = self.view.clone();
        let f = Filter::new(meta, &view);
        for d in self.counted..meta.articles.len() {
            self.add_one(&f, d);
        }
        self.counted = meta.articles.len();
    }

    /// Counts article `d` of the archive `f` filters (under this count's selections).
    fn add_one(&mut self, f: &Filter, d: usize) {
        let a = &f.archive.articles[d];
        if f.passes(d, Some(Which::Kind)) {
            if let Some(i) = Kind::ALL.iter().position(|k| *k == a.kind) {
                self.kinds[i] += 1;
            }
        }
        if f.passes(d, Some(Which::Author)) {
            for (i, x) in a.authors.iter().enumerate() {
                if a.authors[..i].iter().all(|y| y.name != x.name) {
                    match self.authors.get_mut(x.name.as_str()) {
                        Some(n) => *n += 1,
                        None => {
                            self.authors.insert(x.name.clone(), 1);
                        }
                    }
                }
            }
        }
        if f.passes(d, Some(Which::Date)) {
            match &a.date {
                Some(day) => match self.days.get_mut(day.as_str()) {
                    Some(n) => *n += 1,
                    None => {
                        self.days.insert(day.clone(), 1);
                    }
                },
                None => self.undated += 1,
            }
        }
    }

    /// How many articles were counted.
    pub fn counted(&self) -> usize {
        self.counted
    }

    /// The counts so far, ordered as [`count`] orders them (no names facet).
    pub fn facets(&self) -> Facets {
        let mut authors: Vec<(String, usize)> =
            self.authors.iter().map(|(a, n)| (a.clone(), *n)).collect();
        super::sort_by_key(&mut authors, |a| super::order::desc(a.1));
        Facets {
            kinds: Kind::ALL
                .iter()
                .zip(self.kinds)
                .filter(|(_, n)| *n > 0)
                .map(|(k, n)| (*k, n))
                .collect(),
            authors,
            days: self.days.iter().map(|(d, n)| (d.clone(), *n)).collect(),
            undated: self.undated,
            entities: Vec::new(),
        }
    }
}

/// The facet counts of a query's results kept from one show to the next: a sharded page shows
/// a long answer as it grows (a "search all", about every second), and counting every result
/// of each show again made the longest part of those shows. The counts of a set of articles are
/// the sum of each one's, so a show counts only the articles it lists that the last did not
/// (O(added)), after checking, by each article's address, that it lists every article counted
/// before (O(results) lookups); when it does not (another answer), or the query or the
/// selections changed, it counts afresh. Counted articles are held so that an address is not
/// another article's meanwhile. For archives without a names facet (a sharded archive's page):
/// [`Kept::facets`] counts afresh, with [`count`], over an archive with names.
#[derive(Default)]
pub struct Kept {
    query: String,
    selections: Selections,
    /// The articles counted, by address (held weakly: the address stays theirs, their text is
    /// freed with the answer).
    counted: HashMap<usize, Weak<Article>>,
    running: Running,
    /// How many articles the last show counted (all of them, or those added).
    added: usize,
}

impl Kept {
    /// The facet counts of `docs` (the results of `v.query` in `archive`, each article once, as
    /// results list them) under the selections of `v`: what [`count`] counts.
    pub fn facets(&mut self, archive: &Archive, docs: &[usize], v: &ViewState) -> Facets {
        if !archive.entities.is_empty() {
            return count(archive, docs, v);
        }
        let sel = Selections::of(v);
        // One pass: the articles counted before that are still listed, and those to add.
        let (mut listed, mut more) = (0, Vec::new());
        let same = self.query == v.query && self.selections == sel;
        if same {
            for &d in docs {
                if let Some(a) = archive.articles.get(d) {
                    if self.counted.contains_key(&(Arc::as_ptr(a) as usize)) {
                        listed += 1;
                    } else {
                        more.push(d);
                    }
                }
            }
        }
        if !same || listed != self.counted.len() {
            self.query.clone_from(&v.query);
            self.running = Running::new(&sel);
            self.selections = sel;
            self.counted = HashMap::new();
            more = docs.to_vec();
        }
        // (The selections of `v` are those counted under.)
        let f = Filter::new(archive, v);
        self.added = 0;
        for d in more {
            let Some(a) = archive.articles.get(d) else {
                continue;
            };
            if let std::collections::hash_map::Entry::Vacant(e) =
                self.counted.entry(Arc::as_ptr(a) as usize)
            {
                e.insert(Arc::downgrade(a));
                self.running.add_one(&f, d);
                self.added += 1;
            }
        }
        self.running.facets()
    }

    /// How many articles the last [`Kept::facets`] counted.
    pub fn added(&self) -> usize {
        self.added
    }
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Which {
    Kind,
    Author,
    Date,
}

/// The facet selections of a view, prepared once per result set.
struct Filter<'a> {
    archive: &'a Archive,
    v: &'a ViewState,
    /// For each selected entity: the articles that mention it (ascending).
    ents: Vec<Vec<bool>>,
}

impl<'a> Filter<'a> {
    fn new(archive: &'a Archive, v: &'a ViewState) -> Self {
        // One flag per article for each selected name, so a test is O(1) per article.
        let ents = v
            .ents
            .iter()
            .map(|name| {
                let mut flags = vec![false; archive.articles.len()];
                if let Some(e) = archive.entities.iter().find(|e| &e.name == name) {
                    for d in facet_articles(e) {
                        if let Some(f) = flags.get_mut(d as usize) {
                            *f = true;
                        }
                    }
                }
                flags
            })
            .collect();
        Filter { archive, v, ents }
    }

    fn passes(&self, d: usize, skip: Option<Which>) -> bool {
        let (a, v) = (&self.archive.articles[d], self.v);
        if !self
            .ents
            .iter()
            .all(|flags| flags.get(d).copied().unwrap_or(false))
        {
            return false;
        }
        if skip != Some(Which::Kind) && !v.kinds.is_empty() && !v.kinds.contains(&a.kind) {
            return false;
        }
        if skip != Some(Which::Author)
            && !v.authors.is_empty()
            && !a.authors.iter().any(|x| v.authors.contains(&x.name))
        {
            return false;
        }
        if skip != Some(Which::Date) && (v.from.is_some() || v.to.is_some()) {
            let Some(date) = a.date.as_deref() else {
                return false;
            };
            if v.from.as_deref().is_some_and(|f| date < f)
                || v.to.as_deref().is_some_and(|t| date > t)
            {
                return false;
            }
        }
        true
    }
}

/// The documents of `docs` that every facet selection of `v` admits, order kept.
pub fn apply(archive: &Archive, docs: &[usize], v: &ViewState) -> Vec<usize> {
    let f = Filter::new(archive, v);
    docs.iter()
        .copied()
        .filter(|d| f.passes(*d, None))
        .collect()
}

/// The articles a selected name admits: those that name it in the news. A reporter or
/// photographer named only in credits is not in the names facet at all (the authors facet lists
/// bylines, so a byline is never counted twice); selecting such a name (an old link) still
/// finds the articles that credit it.
pub fn facet_articles(e: &crate::archive::Entity) -> Vec<u32> {
    if e.byline_only {
        e.articles()
    } else {
        e.news_articles()
    }
}

/// Facet counts over `docs` (the query's results) under the selections of `v`: one pass,
/// counted under borrowed names and days (no allocation per article; O(results × log of the
/// distinct values)).
pub fn count(archive: &Archive, docs: &[usize], v: &ViewState) -> Facets {
    let mut kinds = [0usize; Kind::ALL.len()];
    let mut authors: BTreeMap<&str, usize> = BTreeMap::new();
    let mut days: BTreeMap<&str, usize> = BTreeMap::new();
    let mut undated = 0;
    let f = Filter::new(archive, v);
    for &d in docs {
        let a = &archive.articles[d];
        if f.passes(d, Some(Which::Kind)) {
            if let Some(i) = Kind::ALL.iter().position(|k| *k == a.kind) {
                kinds[i] += 1;
            }
        }
        if f.passes(d, Some(Which::Author)) {
            // Each name once per article, however often it is credited.
            for (i, x) in a.authors.iter().enumerate() {
                if a.authors[..i].iter().all(|y| y.name != x.name) {
                    *authors.entry(x.name.as_str()).or_insert(0) += 1;
                }
            }
        }
        if f.passes(d, Some(Which::Date)) {
            match &a.date {
                Some(day) => *days.entry(day.as_str()).or_insert(0) += 1,
                None => undated += 1,
            }
        }
    }
    // Entities: among the articles every facet admits (selected entities included).
    let mut admitted = vec![false; archive.articles.len()];
    for &d in docs {
        if f.passes(d, None) {
            admitted[d] = true;
        }
    }
    let mut entities: Vec<(usize, usize)> = archive
        .entities
        .iter()
        .enumerate()
        .filter_map(|(i, e)| {
            if e.byline_only {
                return None;
            }
            let n = e
                .news_articles()
                .into_iter()
                .filter(|a| admitted.get(*a as usize).copied().unwrap_or(false))
                .count();
            (n > 0).then_some((i, n))
        })
        .collect();
    // Most first; ties keep entity order (the list is built in that order).
    super::sort_by_key(&mut entities, |e| super::order::desc(e.1));
    // Most first; ties keep name order (a BTreeMap iterates by name).
    let mut authors: Vec<(&str, usize)> = authors.into_iter().collect();
    super::sort_by_key(&mut authors, |a| super::order::desc(a.1));
    Facets {
        kinds: Kind::ALL
            .iter()
            .zip(kinds)
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| (*k, n))
            .collect(),
        authors: authors
            .into_iter()
            .map(|(a, n)| (a.to_string(), n))
            .collect(),
        days: days.into_iter().map(|(d, n)| (d.to_string(), n)).collect(),
        undated,
        entities,
    }
}

/// The timeline's bars for `days` (sorted by day), gaps included: every day for up to three
/// months, else every month (`2021-03`) for up to ten years, else every year (`2021`).
pub fn timeline(days: &[(String, usize)]) -> Vec<(String, usize)> {
    use crate::archive::date::{days_in_month, parse_iso_date};
    let (Some(first), Some(last)) = (days.first(), days.last()) else {
        return Vec::new();
    };
    let (Some(mut cur), Some(end)) = (parse_iso_date(&first.0), parse_iso_date(&last.0)) else {
        return days.to_vec();
    };
    let months = |d: (i32, u32, u32)| d.0 as i64 * 12 + d.1 as i64 - 1;
    let span = months(end) - months(cur);
    if span >= 3 {
        let by_year = span >= 120;
        let key = |d: (i32, u32, u32)| {
            if by_year {
                d.0 as i64 - cur.0 as i64
            } else {
                months(d) - months(cur)
            }
        };
        let mut out: Vec<(String, usize)> = (0..=key(end))
            .map(|k| {
                let m = months(cur) + k;
                let label = if by_year {
                    format!("{:04}", cur.0 as i64 + k)
                } else {
                    format!("{:04}-{:02}", m.div_euclid(12), m.rem_euclid(12) + 1)
                };
                (label, 0)
            })
            .collect();
        for (d, n) in days {
            if let Some(b) = parse_iso_date(d).and_then(|d| out.get_mut(key(d) as usize)) {
                b.1 += n;
            }
        }
        return out;
    }
    let mut out = Vec::new();
    // Cap the span so a stray far date cannot make thousands of bars.
    while cur <= end && out.len() < 366 {
        let iso = format!("{:04}-{:02}-{:02}", cur.0, cur.1, cur.2);
        // `days` is sorted by date (a BTreeMap's order); a lookup, not a map built per call
        // (collecting a BTreeMap brings the standard stable sort into the wasm).
        let n = days
            .binary_search_by(|(d, _)| d.as_str().cmp(iso.as_str()))
            .map_or(0, |i| days[i].1);
        out.push((iso, n));
        cur = if cur.2 < days_in_month(cur.0, cur.1) {
            (cur.0, cur.1, cur.2 + 1)
        } else if cur.1 < 12 {
            (cur.0, cur.1 + 1, 1)
        } else {
            (cur.0 + 1, 1, 1)
        };
    }
    out
}

/// The first and last day of a timeline bar (`2021-03-05`, `2021-03`, `2021`).
pub fn bar_range(label: &str) -> (String, String) {
    use crate::archive::date::days_in_month;
    let y = label
        .get(..4)
        .and_then(|y| y.parse::<i32>().ok())
        .unwrap_or(1);
    match label.len() {
        7 => {
            let m = label
                .get(5..)
                .and_then(|m| m.parse::<u32>().ok())
                .unwrap_or(1);
            (
                format!("{label}-01"),
                format!("{label}-{:02}", days_in_month(y, m)),
            )
        }
        4 => (format!("{label}-01-01"), format!("{label}-12-31")),
        _ => (label.to_string(), label.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What a worker keeps of each article counts as the articles do, under any selections
    /// (each kind, author and day of the archive selected in turn, and some together).
    #[test]
    fn what_a_worker_keeps_of_an_article_counts_as_the_article() {
        let seed = crate::data::load()
            .expect("the embedded archive decodes")
            .archive;
        let synth = crate::synth::archive(&seed, 300, 400, 5);
        for a in [&seed, &synth] {
            let meta = Archive {
                articles: a
                    .articles
                    .iter()
                    .map(|x| std::sync::Arc::new(facet_meta(x)))
                    .collect(),
                ..Default::default()
            };
            let docs: Vec<usize> = (0..a.articles.len()).step_by(2).collect();
            let all = count(a, &docs, &ViewState::default());
            assert!(all.kinds.len() > 1 && !all.authors.is_empty() && all.days.len() > 1);
            let mut views = vec![ViewState::default()];
            for (k, _) in &all.kinds {
                views.push(ViewState {
                    kinds: vec![*k],
                    ..Default::default()
                });
            }
            for (name, _) in all.authors.iter().take(5) {
                views.push(ViewState {
                    authors: vec![name.clone()],
                    ..Default::default()
                });
            }
            for (day, _) in all.days.iter().take(5) {
                views.push(ViewState {
                    from: Some(day.clone()),
                    to: Some(day.clone()),
                    kinds: vec![all.kinds[0].0],
                    ..Default::default()
                });
            }
            for v in &views {
                let sel = Selections::of(v);
                let mut want = count(a, &docs, v);
                // A worker keeps no names index (a sharded archive has no names facet).
                want.entities.clear();
                assert_eq!(count(&meta, &docs, &sel.view()), want, "{sel:?}");
                assert_eq!(Selections::of(&sel.view()), sel);
                // Counted as they come, a few at a time (as a worker finds them): the same.
                let mut run = Running::new(&sel);
                let mut some = Archive::default();
                for part in docs.chunks(7) {
                    some.articles
                        .extend(part.iter().map(|d| meta.articles[*d].clone()));
                    run.add(&some);
                    assert_eq!(run.counted(), some.articles.len());
                }
                assert_eq!(run.facets(), want, "{sel:?}, counted as they came");
            }
        }
    }

    /// Counts kept from show to show of a growing answer are those counted afresh, each show
    /// counting only what it added; another answer, a smaller one, other selections or another
    /// query are counted afresh.
    #[test]
    fn counts_kept_while_an_answer_grows_are_those_counted_afresh() {
        let seed = crate::data::load()
            .expect("the embedded archive decodes")
            .archive;
        let mut synth = crate::synth::archive(&seed, 300, 400, 5);
        // A sharded page's archive: no names index.
        synth.entities.clear();
        let n = synth.articles.len();
        let v = ViewState {
            query: "市".into(),
            ..Default::default()
        };
        let whole: Vec<usize> = (0..n).collect();
        let f = count(&synth, &whole, &v);
        assert!(f.kinds.len() > 1 && f.authors.len() > 1 && f.days.len() > 2);
        // Under no selection, and under each kind of selection (each count skips its own).
        let views = [
            v.clone(),
            ViewState {
                kinds: vec![f.kinds[0].0],
                ..v.clone()
            },
            ViewState {
                authors: vec![f.authors[0].0.clone(), f.authors[1].0.clone()],
                ..v.clone()
            },
            ViewState {
                from: Some(f.days[1].0.clone()),
                to: Some(f.days[f.days.len() - 2].0.clone()),
                kinds: vec![f.kinds[1].0],
                ..v.clone()
            },
            ViewState {
                ents: vec!["某人".into()],
                ..v.clone()
            },
        ];
        for v in &views {
            let (mut kept, mut listed) = (Kept::default(), 0);
            // The index grows by appending articles; the results list them best first (here:
            // last first), a third not matching.
            for end in [n / 8, n / 4, n / 2, n / 2, 3 * n / 4, n] {
                let grown = Archive {
                    articles: synth.articles[..end].to_vec(),
                    ..Default::default()
                };
                let docs: Vec<usize> = (0..end).rev().filter(|d| d % 3 != 0).collect();
                assert_eq!(
                    kept.facets(&grown, &docs, v),
                    count(&grown, &docs, v),
                    "{v:?}"
                );
                assert_eq!(kept.added(), docs.len() - listed, "only the added counted");
                listed = docs.len();
            }
        }
        let mut kept = Kept::default();
        let all: Vec<usize> = (0..n).filter(|d| d % 3 != 0).collect();
        assert_eq!(kept.facets(&synth, &all, &v), count(&synth, &all, &v));
        // More results, but one counted before no longer among them: afresh.
        let mut moved: Vec<usize> = all[1..].to_vec();
        moved.extend((0..n).filter(|d| d % 3 == 0).take(10));
        assert_eq!(kept.facets(&synth, &moved, &v), count(&synth, &moved, &v));
        assert_eq!(kept.added(), moved.len());
        kept.facets(&synth, &all, &v);
        // Fewer results (not a superset of those counted): afresh.
        let fewer: Vec<usize> = all.iter().copied().filter(|d| d % 2 == 0).collect();
        assert_eq!(kept.facets(&synth, &fewer, &v), count(&synth, &fewer, &v));
        assert_eq!(kept.added(), fewer.len());
        // Another answer with as many results, of other articles (other addresses): afresh.
        let copy = Archive {
            articles: synth
                .articles
                .iter()
                .map(|a| Arc::new((**a).clone()))
                .collect(),
            ..Default::default()
        };
        assert_eq!(kept.facets(&synth, &all, &v), count(&synth, &all, &v));
        assert_eq!(kept.facets(&copy, &all, &v), count(&copy, &all, &v));
        assert_eq!(kept.added(), all.len());
        // Other selections: afresh, under them.
        let k = count(&copy, &all, &v).kinds[0].0;
        let picked = ViewState {
            kinds: vec![k],
            ..v.clone()
        };
        assert_ne!(count(&copy, &all, &picked), count(&copy, &all, &v));
        assert_eq!(
            kept.facets(&copy, &all, &picked),
            count(&copy, &all, &picked)
        );
        assert_eq!(kept.added(), all.len());
        // Another query: afresh.
        let other = ViewState {
            query: "区".into(),
            ..picked.clone()
        };
        assert_eq!(kept.facets(&copy, &all, &other), count(&copy, &all, &other));
        assert_eq!(kept.added(), all.len());
        // An archive with a names facet: counted by `count` (names included).
        assert_eq!(
            Kept::default().facets(&seed, &[0, 1, 2], &v),
            count(&seed, &[0, 1, 2], &v)
        );
        assert!(!count(&seed, &[0, 1, 2], &v).entities.is_empty());
    }

    #[test]
    fn entities_and_authors_most_first_ties_in_order() {
        let e = crate::data::load().expect("the embedded archive decodes");
        let a = &e.archive;
        let docs: Vec<usize> = (0..a.articles.len()).collect();
        let f = count(a, &docs, &ViewState::default());
        assert!(!f.entities.is_empty() && !f.authors.is_empty());
        // The same order as the standard library's stable sort with explicit tie-breaks.
        let mut want = f.entities.clone();
        want.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        assert_eq!(f.entities, want);
        let mut want = f.authors.clone();
        want.sort_by(|x, y| y.1.cmp(&x.1).then(x.0.cmp(&y.0)));
        assert_eq!(f.authors, want);
        // Every name is counted once per article that names it in the news; names known only
        // from credits (the seed's reporter 张劲松) are not in the names facet: the authors
        // facet counts them.
        for (i, n) in &f.entities {
            let e = &a.entities[*i];
            assert!(!e.byline_only, "{}", e.name);
            assert_eq!(*n, e.news_articles().len(), "{}", e.name);
        }
        let reporter = a.entities.iter().position(|e| e.name == "张劲松");
        assert!(reporter.is_some_and(|r| a.entities[r].byline_only));
        assert!(f.entities.iter().all(|(i, _)| Some(*i) != reporter));
        assert!(f.authors.iter().any(|(n, c)| n == "张劲松" && *c > 0));
        // Selecting the reporter (an old link) still finds the articles crediting him.
        let v = ViewState {
            ents: vec!["张劲松".into()],
            ..ViewState::default()
        };
        let credited = count(a, &docs, &v);
        assert_eq!(
            credited.kinds.iter().map(|k| k.1).sum::<usize>(),
            a.entities[reporter.unwrap_or(0)].articles().len()
        );
    }

    #[test]
    fn timeline_fills_gaps() {
        let t = timeline(&[("2020-01-30".into(), 1), ("2020-02-02".into(), 2)]);
        let days: Vec<&str> = t.iter().map(|d| d.0.as_str()).collect();
        assert_eq!(
            days,
            ["2020-01-30", "2020-01-31", "2020-02-01", "2020-02-02"]
        );
        assert_eq!(t[3].1, 2);
    }

    #[test]
    fn long_spans_count_by_month_then_by_year() {
        let days = |v: &[(&str, usize)]| -> Vec<(String, usize)> {
            v.iter().map(|(d, n)| (d.to_string(), *n)).collect()
        };
        let t = timeline(&days(&[
            ("2021-03-01", 4),
            ("2021-03-02", 3),
            ("2022-01-05", 2),
        ]));
        let want: Vec<(String, usize)> = (3..=13)
            .map(|m| {
                let (y, mm) = (2021 + (m - 1) / 12, (m - 1) % 12 + 1);
                let n = match (y, mm) {
                    (2021, 3) => 7,
                    (2022, 1) => 2,
                    _ => 0,
                };
                (format!("{y}-{mm:02}"), n)
            })
            .collect();
        assert_eq!(t, want);
        let t = timeline(&days(&[
            ("1998-12-31", 1),
            ("2010-01-01", 5),
            ("2010-06-01", 1),
        ]));
        assert_eq!(t.len(), 13);
        assert_eq!(t[0], ("1998".to_string(), 1));
        assert_eq!(t[12], ("2010".to_string(), 6));
        assert_eq!(t.iter().map(|b| b.1).sum::<usize>(), 7);
        // Under three months: days, as before.
        assert_eq!(
            timeline(&days(&[("2020-01-30", 1), ("2020-03-30", 1)])).len(),
            61
        );
        assert_eq!(
            bar_range("2021-02"),
            ("2021-02-01".into(), "2021-02-28".into())
        );
        assert_eq!(
            bar_range("2020-02"),
            ("2020-02-01".into(), "2020-02-29".into())
        );
        assert_eq!(
            bar_range("2021"),
            ("2021-01-01".into(), "2021-12-31".into())
        );
        assert_eq!(
            bar_range("2021-03-05"),
            ("2021-03-05".into(), "2021-03-05".into())
        );
    }
}
