//! Ordering: the order of the result list (relevance, date oldest first, date newest first),
//! with the one shared stable sort on integer keys ([`search::sort`]).

use super::route::Sort;
use crate::archive::date::parse_iso_date;
use crate::archive::Archive;

pub use crate::search::sort::sort_by_key;

/// `n` counted down: sorting by `desc(n)` puts the largest first.
pub fn desc(n: usize) -> u64 {
    u64::MAX - n as u64
}

/// A day as an integer that orders like the date (any `i32` year).
fn day_key(iso: &str) -> Option<u64> {
    let (y, m, d) = parse_iso_date(iso)?;
    let year = (i64::from(y) - i64::from(i32::MIN)) as u64; // 0 ..= 2^32 - 1
    Some(year << 9 | u64::from(m.min(15)) << 5 | u64::from(d.min(31)))
}

/// Orders `docs` (given in relevance order) by `sort`; `date` gives a document's ISO date.
/// By date, undated documents come last, and documents of the same day keep relevance order.
pub fn order_by<'a>(
    docs: &[usize],
    sort: Sort,
    date: impl Fn(usize) -> Option<&'a str>,
) -> Vec<usize> {
    let mut out = docs.to_vec();
    if sort == Sort::Relevance {
        return out;
    }
    let newest = sort == Sort::Newest;
    sort_by_key(&mut out, |d| match date(*d).and_then(day_key) {
        None => u64::MAX,
        Some(k) if newest => u64::MAX - 1 - k,
        Some(k) => k,
    });
    out
}

/// Orders `docs` (given in relevance order) of `archive` by `sort`.
pub fn order(archive: &Archive, docs: &[usize], sort: Sort) -> Vec<usize> {
    order_by(docs, sort, |d| {
        archive.articles.get(d).and_then(|a| a.date.as_deref())
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    // Documents 0..6 in relevance order; 2 and 5 undated, 1 and 4 on the same day.
    const DATES: [Option<&str>; 6] = [
        Some("2020-02-08"),
        Some("2020-02-04"),
        None,
        Some("2019-12-31"),
        Some("2020-02-04"),
        None,
    ];
    fn date(d: usize) -> Option<&'static str> {
        DATES.get(d).copied().flatten()
    }
    const DOCS: [usize; 6] = [0, 1, 2, 3, 4, 5];

    #[test]
    fn relevance_keeps_the_given_order() {
        assert_eq!(order_by(&[4, 0, 2], Sort::Relevance, date), [4, 0, 2]);
    }

    #[test]
    fn oldest_first_undated_last_ties_in_relevance_order() {
        assert_eq!(order_by(&DOCS, Sort::Oldest, date), [3, 1, 4, 0, 2, 5]);
        // Relevance order decides ties, not document number.
        assert_eq!(order_by(&[5, 4, 2, 1], Sort::Oldest, date), [4, 1, 5, 2]);
    }

    #[test]
    fn newest_first_undated_last_ties_in_relevance_order() {
        assert_eq!(order_by(&DOCS, Sort::Newest, date), [0, 1, 4, 3, 2, 5]);
        assert_eq!(order_by(&[5, 4, 2, 1], Sort::Newest, date), [4, 1, 5, 2]);
    }

    #[test]
    fn malformed_dates_count_as_undated() {
        let date = |d: usize| ["2020-02-30x", "2020-01-01", "bad"].get(d).copied();
        assert_eq!(order_by(&[0, 1, 2], Sort::Oldest, date), [1, 0, 2]);
        assert_eq!(order_by(&[2, 0, 1], Sort::Newest, date), [1, 2, 0]);
    }

    #[test]
    fn years_order_across_the_whole_range() {
        let date = |d: usize| ["0001-01-01", "9999-12-31", "2020-02-04"].get(d).copied();
        assert_eq!(order_by(&[0, 1, 2], Sort::Oldest, date), [0, 2, 1]);
        assert_eq!(order_by(&[0, 1, 2], Sort::Newest, date), [1, 2, 0]);
    }

    #[test]
    fn the_seed_archive_by_date() {
        let e = crate::data::load().expect("the embedded archive decodes");
        let a = &e.archive;
        let docs: Vec<usize> = (0..a.articles.len()).collect();
        for sort in [Sort::Oldest, Sort::Newest] {
            let o = order(a, &docs, sort);
            let mut sorted = o.clone();
            sorted.sort_unstable();
            assert_eq!(sorted, docs, "a permutation");
            let dates: Vec<Option<&str>> =
                o.iter().map(|d| a.articles[*d].date.as_deref()).collect();
            let dated: Vec<&str> = dates.iter().map_while(|d| *d).collect();
            assert!(
                dates[dated.len()..].iter().all(Option::is_none),
                "undated last: {dates:?}"
            );
            let mut want = dated.clone();
            want.sort_unstable();
            if sort == Sort::Newest {
                want.reverse();
            }
            assert_eq!(dated, want, "{sort:?}");
        }
    }
}
