//! Edition dates and page numbers read from a page's path when no sidecar gives them.
//!
//! Recognised (folders and names may be mixed; separators `-`, `_`, `.`, `/`):
//!
//! | path | date | page |
//! |---|---|---|
//! | `2020/02/05/12.txt` | 2020-02-05 | 12 |
//! | `20200205-12.txt` | 2020-02-05 | 12 |
//! | `rmrb_20200205_p12.txt` | 2020-02-05 | 12 |
//! | `2020-02-05_第12版.txt` | 2020-02-05 | 12 |
//! | `2020-02/05/03.txt` | 2020-02-05 | 3 (leading zeros dropped) |
//!
//! The date is the first run that reads as an existing day: eight digits `YYYYMMDD`, or a
//! four-digit year followed by one- or two-digit month and day, each after a separator. The
//! page is the first run of one to three digits in the file name after the date (or anywhere
//! in the file name when the date is in the folders); without a date there is no page number.

use super::date::iso_date;

/// What a path says about its page.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PathMeta {
    /// Edition date, ISO.
    pub date: Option<String>,
    /// Page number, without leading zeros.
    pub page: Option<String>,
}

/// Reads a date and a page number from `rel`, a path relative to the archive folder with `/`
/// separators (the extension is ignored).
pub fn from_path(rel: &str) -> PathMeta {
    let rel = match rel.rfind('.') {
        Some(p) if !rel[p..].contains('/') => &rel[..p],
        _ => rel,
    };
    let name_start = rel.rfind('/').map(|p| p + 1).unwrap_or(0);
    // Runs of ASCII digits with their byte ranges.
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let b = rel.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i].is_ascii_digit() {
            let s = i;
            while i < b.len() && b[i].is_ascii_digit() {
                i += 1;
            }
            runs.push((s, i));
        } else {
            i += 1;
        }
    }
    let num = |r: (usize, usize)| rel[r.0..r.1].parse::<u32>().ok();
    let sep_between = |a: (usize, usize), c: (usize, usize)| {
        let gap = &rel[a.1..c.0];
        gap.len() == 1 && matches!(gap, "-" | "_" | "." | "/")
    };
    let mut date: Option<(String, usize)> = None;
    for (k, &r) in runs.iter().enumerate() {
        let len = r.1 - r.0;
        if len == 8 {
            let s = &rel[r.0..r.1];
            let (y, m, d) = (
                s[..4].parse().ok(),
                s[4..6].parse().ok(),
                s[6..].parse().ok(),
            );
            if let (Some(y), Some(m), Some(d)) = (y, m, d) {
                if let Some(iso) = iso_date(y, m, d).filter(|_| (1800..=2200).contains(&y)) {
                    date = Some((iso, r.1));
                    break;
                }
            }
        }
        if len == 4 && k + 2 < runs.len() {
            let (m, d) = (runs[k + 1], runs[k + 2]);
            if (1..=2).contains(&(m.1 - m.0))
                && (1..=2).contains(&(d.1 - d.0))
                && sep_between(r, m)
                && sep_between(m, d)
            {
                if let (Some(y), Some(mm), Some(dd)) = (num(r), num(m), num(d)) {
                    if let Some(iso) =
                        iso_date(y as i32, mm, dd).filter(|_| (1800..=2200).contains(&y))
                    {
                        date = Some((iso, d.1));
                        break;
                    }
                }
            }
        }
    }
    // A page number only next to a date: a bare number in a name is too often something else.
    let page = date.as_ref().and_then(|(_, end)| {
        let after = (*end).max(name_start);
        runs.iter()
            .find(|r| r.0 >= after && (1..=3).contains(&(r.1 - r.0)))
            .and_then(|r| num(*r))
            .filter(|n| *n > 0)
            .map(|n| n.to_string())
    });
    PathMeta {
        date: date.map(|d| d.0),
        page,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dp(p: &str) -> (Option<String>, Option<String>) {
        let m = from_path(p);
        (m.date, m.page)
    }

    #[test]
    fn the_documented_forms() {
        let want = (Some("2020-02-05".to_string()), Some("12".to_string()));
        assert_eq!(dp("2020/02/05/12.txt"), want);
        assert_eq!(dp("20200205-12.txt"), want);
        assert_eq!(dp("rmrb_20200205_p12.txt"), want);
        assert_eq!(dp("2020-02-05_第12版.txt"), want);
        assert_eq!(dp("rmrb/2020/02/05/12.txt"), want);
        assert_eq!(
            dp("2020-02/05/03.txt"),
            (Some("2020-02-05".into()), Some("3".into()))
        );
    }

    #[test]
    fn nothing_is_invented() {
        assert_eq!(dp("000_20dea06dc3c2f291.txt"), (None, None));
        assert_eq!(dp("20201345-1.txt"), (None, None));
        assert_eq!(dp("12.txt"), (None, None));
        assert_eq!(dp("notes.txt"), (None, None));
        assert_eq!(dp("2020/13/05/1.txt").0, None);
    }
}
