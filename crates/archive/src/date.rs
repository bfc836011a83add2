//! Calendar helpers for ISO dates (`YYYY-MM-DD`).

/// Days in a month of a (proleptic Gregorian) year.
pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

/// Formats a checked ISO date, or `None` when the day does not exist.
pub fn iso_date(year: i32, month: u32, day: u32) -> Option<String> {
    if (1..=9999).contains(&year)
        && (1..=12).contains(&month)
        && day >= 1
        && day <= days_in_month(year, month)
    {
        return Some(format!("{year:04}-{month:02}-{day:02}"));
    }
    None
}

/// Parses an ISO `YYYY-MM-DD` date (surrounding whitespace ignored), checking that the day
/// exists. Only ASCII digits count: `+020-02-12` and `２０２０-02-12` are rejected.
pub fn parse_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    let digits = |p: &str, n: usize| p.len() == n && p.bytes().all(|b| b.is_ascii_digit());
    if !digits(y, 4) || !digits(m, 2) || !digits(d, 2) {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    iso_date(y, m, d).map(|_| (y, m, d))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iso_dates_are_strict() {
        assert_eq!(parse_iso_date(" 2020-02-12 "), Some((2020, 2, 12)));
        assert_eq!(parse_iso_date("+020-02-12"), None);
        assert_eq!(parse_iso_date("2020-+2-12"), None);
        assert_eq!(parse_iso_date("2020-02-30"), None);
        assert_eq!(parse_iso_date("2020-02-1"), None);
    }
}
