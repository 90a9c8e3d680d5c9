//! Calendar dates without a time zone, as a facilitator writes them ("2026-11-24").
//! Kept tiny and pure so that every rule about trials, due steps and cadences is testable
//! natively; the browser only supplies "today".

use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// A day in the proleptic Gregorian calendar, stored as days since 1970-01-01.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Date(i32);

#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[error("“{0}” is not a date in the form year-month-day, such as 2026-11-24")]
pub struct DateError(pub String);

impl Date {
    /// 1970-01-01: a placeholder for records that lack a date.
    pub const EPOCH: Date = Date(0);

    /// Builds a date, or `None` when the day does not exist (2026-02-30).
    pub fn from_ymd(year: i32, month: u32, day: u32) -> Option<Date> {
        if !(1..=12).contains(&month) || day == 0 || day > days_in_month(year, month) {
            return None;
        }
        if !(1..=9999).contains(&year) {
            return None;
        }
        Some(Date(days_from_civil(year, month, day)))
    }

    pub fn ymd(self) -> (i32, u32, u32) {
        civil_from_days(self.0)
    }

    pub fn year(self) -> i32 {
        self.ymd().0
    }

    pub fn month(self) -> u32 {
        self.ymd().1
    }

    pub fn days_since_epoch(self) -> i32 {
        self.0
    }

    pub fn from_days_since_epoch(days: i32) -> Date {
        Date(days)
    }

    pub fn add_days(self, days: i32) -> Date {
        Date(self.0.saturating_add(days))
    }

    /// Whole days from `self` to `later` (negative when `later` is earlier).
    pub fn days_until(self, later: Date) -> i32 {
        later.0 - self.0
    }

    /// Monday = 0 … Sunday = 6.
    pub fn weekday(self) -> u32 {
        // 1970-01-01 was a Thursday (3).
        (self.0 + 3).rem_euclid(7) as u32
    }

    /// "2026-11": the coarsest a shared file may date anything.
    pub fn month_label(self) -> String {
        let (y, m, _) = self.ymd();
        format!("{y:04}-{m:02}")
    }

    pub fn parse(text: &str) -> Result<Date, DateError> {
        let bad = || DateError(text.chars().take(40).collect());
        let mut parts = text.trim().splitn(3, '-');
        let y = parts
            .next()
            .and_then(|p| p.parse::<i32>().ok())
            .ok_or_else(bad)?;
        let m = parts
            .next()
            .and_then(|p| p.parse::<u32>().ok())
            .ok_or_else(bad)?;
        let d = parts
            .next()
            .and_then(|p| p.parse::<u32>().ok())
            .ok_or_else(bad)?;
        Date::from_ymd(y, m, d).ok_or_else(bad)
    }
}

/// `"2026-11-24".parse()`, as [`Date::parse`]: so a date can be read back from a picker.
impl std::str::FromStr for Date {
    type Err = DateError;

    fn from_str(text: &str) -> Result<Date, DateError> {
        Date::parse(text)
    }
}

impl fmt::Display for Date {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (y, m, d) = self.ymd();
        write!(f, "{y:04}-{m:02}-{d:02}")
    }
}

impl Serialize for Date {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Date {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        Date::parse(&text).map_err(serde::de::Error::custom)
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

// Howard Hinnant's civil-date algorithms.
fn days_from_civil(y: i32, m: u32, d: u32) -> i32 {
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let m = m as i32;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d as i32 - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i32) -> (i32, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let y = yoe + era * 400;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    (if m <= 2 { y + 1 } else { y }, m, d)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_back_as_it_is_written() {
        let d = Date::from_ymd(2026, 11, 24).unwrap();
        assert_eq!(d.to_string().parse::<Date>(), Ok(d));
        assert!("2026-13-01".parse::<Date>().is_err());
        assert!("".parse::<Date>().is_err());
    }

    #[test]
    fn round_trips_known_dates() {
        let d = Date::from_ymd(2026, 11, 24).unwrap();
        assert_eq!(d.to_string(), "2026-11-24");
        assert_eq!(Date::parse("2026-11-24"), Ok(d));
        assert_eq!(Date::from_ymd(1970, 1, 1).unwrap().days_since_epoch(), 0);
        assert_eq!(d.weekday(), 1, "2026-11-24 is a Tuesday");
        assert_eq!(d.month_label(), "2026-11");
    }

    #[test]
    fn rejects_impossible_dates() {
        assert!(Date::from_ymd(2026, 2, 29).is_none());
        assert!(Date::from_ymd(2024, 2, 29).is_some());
        assert!(Date::parse("2026-13-01").is_err());
        assert!(Date::parse("yesterday").is_err());
        assert!(Date::parse("").is_err());
    }

    #[test]
    fn adds_days_across_months_and_years() {
        let d = Date::from_ymd(2026, 12, 25).unwrap();
        assert_eq!(d.add_days(14).to_string(), "2027-01-08");
        assert_eq!(d.days_until(d.add_days(-3)), -3);
    }

    #[test]
    fn every_day_in_four_centuries_round_trips() {
        let start = Date::from_ymd(1900, 1, 1).unwrap();
        for offset in 0..146_097 {
            let d = start.add_days(offset);
            let (y, m, dd) = d.ymd();
            assert_eq!(Date::from_ymd(y, m, dd), Some(d));
        }
    }
}
