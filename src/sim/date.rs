//! Calendar dates without a clock: parsing `YYYY-MM-DD` and day arithmetic (proleptic Gregorian).

use std::fmt;

/// A calendar date. Ordered chronologically.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date {
    year: i32,
    month: u32,
    day: u32,
}

impl Date {
    /// A date if it exists (2026-02-30 does not).
    pub fn new(year: i32, month: u32, day: u32) -> Option<Self> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        Some(Self { year, month, day })
    }

    /// Parses `YYYY-MM-DD`.
    ///
    /// # Errors
    /// A sentence saying what is wrong.
    pub fn parse(text: &str) -> Result<Self, String> {
        let parts: Vec<&str> = text.split('-').collect();
        let well_formed = parts.len() == 3
            && parts[0].len() == 4
            && parts[1].len() == 2
            && parts[2].len() == 2
            && parts.iter().all(|p| p.chars().all(|c| c.is_ascii_digit()));
        if !well_formed {
            return Err(format!("`{text}` is not a date in the form YYYY-MM-DD"));
        }
        let year: i32 = parts[0].parse().map_err(|_| format!("`{text}`: bad year"))?;
        let month: u32 = parts[1].parse().map_err(|_| format!("`{text}`: bad month"))?;
        let day: u32 = parts[2].parse().map_err(|_| format!("`{text}`: bad day"))?;
        Self::new(year, month, day).ok_or_else(|| format!("`{text}` is not a real calendar date"))
    }

    pub fn year(&self) -> i32 {
        self.year
    }

    pub fn month(&self) -> u32 {
        self.month
    }

    pub fn day(&self) -> u32 {
        self.day
    }

    /// Days since 1970-01-01 (negative before).
    pub fn to_days(&self) -> i64 {
        // Howard Hinnant's days_from_civil.
        let y = i64::from(self.year) - i64::from(self.month <= 2);
        let era = y.div_euclid(400);
        let yoe = y - era * 400;
        let m = i64::from(self.month);
        let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + i64::from(self.day) - 1;
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        era * 146_097 + doe - 719_468
    }

    /// The date `days` after 1970-01-01.
    pub fn from_days(days: i64) -> Self {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z - era * 146_097;
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let y = yoe + era * 400;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
        let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
        let year = (y + i64::from(m <= 2)) as i32;
        Self { year, month: m, day: d }
    }

    #[must_use]
    pub fn plus_days(&self, days: i64) -> Self {
        Self::from_days(self.to_days() + days)
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(&self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        ((self.to_days() + 3).rem_euclid(7)) as u32
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }
}

fn is_leap(year: i32) -> bool {
    (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
}

fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if is_leap(year) => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_rejects() {
        assert_eq!(
            Date::parse("2026-07-01").map(|d| d.to_string()),
            Ok("2026-07-01".to_string())
        );
        assert!(Date::parse("2026-02-30").is_err());
        assert!(Date::parse("2024-02-29").is_ok());
        assert!(Date::parse("2026-7-1").is_err());
    }

    #[test]
    fn arithmetic_round_trips() {
        let d = Date::parse("2025-08-29").unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(d.plus_days(3).to_string(), "2025-09-01");
        assert_eq!(d.plus_days(-241).to_string(), "2024-12-31");
        assert_eq!(Date::from_days(0).to_string(), "1970-01-01");
        assert_eq!(Date::from_days(d.to_days()), d);
        assert_eq!(d.weekday(), 4, "2025-08-29 was a Friday");
    }
}
