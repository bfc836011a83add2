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

/// Parses an ISO `YYYY-MM-DD` date, checking that the day exists.
pub fn parse_iso_date(s: &str) -> Option<(i32, u32, u32)> {
    let mut it = s.trim().splitn(3, '-');
    let (y, m, d) = (it.next()?, it.next()?, it.next()?);
    if y.len() != 4 || m.len() != 2 || d.len() != 2 {
        return None;
    }
    let (y, m, d) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    iso_date(y, m, d).map(|_| (y, m, d))
}
