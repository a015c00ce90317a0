//! Dates and periods as given: a day, a month, a quarter or a year, and end
//! dates that may be open.

use super::CellValue;
use crate::input::normalize;
use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// How precisely a date was given.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Precision {
    Day,
    Month,
    Quarter,
    Year,
}

/// A date as given: a day, a month, a quarter or a year. It covers the
/// period `first..=last`, and is shown as it was given (`12/2027`, `Q3 2027`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateValue {
    pub first: NaiveDate,
    pub last: NaiveDate,
    pub precision: Precision,
}

impl DateValue {
    pub fn day(d: NaiveDate) -> Self {
        DateValue {
            first: d,
            last: d,
            precision: Precision::Day,
        }
    }

    pub fn month(year: i32, month: u32) -> Option<Self> {
        let first = NaiveDate::from_ymd_opt(year, month, 1)?;
        let last = last_of_month(year, month)?;
        Some(DateValue {
            first,
            last,
            precision: Precision::Month,
        })
    }

    pub fn quarter(year: i32, q: u32) -> Option<Self> {
        if !(1..=4).contains(&q) {
            return None;
        }
        let first = NaiveDate::from_ymd_opt(year, (q - 1) * 3 + 1, 1)?;
        let last = last_of_month(year, q * 3)?;
        Some(DateValue {
            first,
            last,
            precision: Precision::Quarter,
        })
    }

    pub fn year(year: i32) -> Option<Self> {
        Some(DateValue {
            first: NaiveDate::from_ymd_opt(year, 1, 1)?,
            last: NaiveDate::from_ymd_opt(year, 12, 31)?,
            precision: Precision::Year,
        })
    }

    /// As shown in documents: `31.12.2027`, `12/2027`, `Q3 2027`, `2027`.
    pub fn display(&self) -> String {
        match self.precision {
            Precision::Day => self.first.format("%d.%m.%Y").to_string(),
            Precision::Month => self.first.format("%m/%Y").to_string(),
            Precision::Quarter => format!("Q{} {}", self.first.month0() / 3 + 1, self.first.year()),
            Precision::Year => self.first.year().to_string(),
        }
    }
}

fn last_of_month(year: i32, month: u32) -> Option<NaiveDate> {
    let (ny, nm) = if month == 12 {
        (year + 1, 1)
    } else {
        (year, month + 1)
    };
    NaiveDate::from_ymd_opt(ny, nm, 1)?.pred_opt()
}

/// An end date: a date, or open-ended (`fortlaufend`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EndDate {
    Date(DateValue),
    Open,
}

const DATE_FORMS: &str =
    "ein Datum wie 31.12.2027, 2027-12-31, 12/2027, 2027, Q3 2027 oder 3. Quartal 2027";

/// Years accepted in dates; anything else is certainly a typo.
const YEARS: std::ops::RangeInclusive<i32> = 1900..=2200;

/// A date from a date cell or text in any accepted form.
pub fn parse_date(cell: &CellValue) -> Result<DateValue, String> {
    let d = match cell {
        CellValue::Date(d) => Some(DateValue::day(*d)),
        CellValue::Number(n) if n.fract() == 0.0 && YEARS.contains(&(*n as i32)) => {
            DateValue::year(*n as i32)
        }
        CellValue::Text(t) => parse_date_text(t),
        _ => None,
    };
    d.filter(|d| YEARS.contains(&d.first.year()))
        .ok_or_else(|| DATE_FORMS.to_string())
}

/// An end date: as [`parse_date`], or `fortlaufend` / `laufend` / `dauerhaft`.
pub fn parse_end_date(cell: &CellValue) -> Result<EndDate, String> {
    if let CellValue::Text(t) = cell {
        let n = normalize(t);
        if [
            "fortlaufend",
            "laufend",
            "dauerhaft",
            "offen",
            "unbefristet",
        ]
        .contains(&n.as_str())
        {
            return Ok(EndDate::Open);
        }
    }
    parse_date(cell)
        .map(EndDate::Date)
        .map_err(|_| format!("{DATE_FORMS}, oder „fortlaufend“"))
}

fn parse_date_text(text: &str) -> Option<DateValue> {
    let t = text.trim();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    let year_of = |s: &str| -> Option<i32> {
        if !digits(s) {
            return None;
        }
        match s.len() {
            4 => s.parse().ok(),
            2 => s.parse::<i32>().ok().map(|y| 2000 + y),
            _ => None,
        }
    };
    // 2027
    if t.len() == 4 && digits(t) {
        return DateValue::year(t.parse().ok()?);
    }
    // Q3 2027, Q3/2027, Q3-2027, 3. Quartal 2027, 3/4 … (quarters)
    let lower = t.to_lowercase();
    if let Some(rest) = lower.strip_prefix('q') {
        let rest = rest.trim();
        let (q, y) = rest.split_at(rest.find(|c: char| !c.is_ascii_digit())?);
        let y = y.trim_start_matches([' ', '/', '-', '.']).trim();
        return DateValue::quarter(year_of(y)?, q.parse().ok()?);
    }
    if let Some((q, y)) = lower.split_once("quartal") {
        let q = q.trim().trim_end_matches('.').trim();
        return DateValue::quarter(year_of(y.trim())?, q.parse().ok()?);
    }
    // 2027-12-31 (ISO, possibly with a time from an ODS export)
    if t.len() >= 10 && t.as_bytes()[4] == b'-' {
        // `get`: byte 10 may fall inside a character (`2027-12-3ä`).
        let (day, time) = (t.get(..10)?, &t[10..]);
        return NaiveDate::parse_from_str(day, "%Y-%m-%d")
            .ok()
            .filter(|_| time.is_empty() || time.starts_with(['T', ' ']))
            .map(DateValue::day);
    }
    // 2027-12 (ISO month)
    if t.len() == 7 && t.as_bytes()[4] == b'-' {
        let (y, m) = t.split_once('-')?;
        return DateValue::month(y.parse().ok()?, m.parse().ok()?);
    }
    // 31.12.2027, 31.12.27, 12.2027, 12/2027, 1.3.2026
    let parts: Vec<&str> = t.split(['.', '/']).map(str::trim).collect();
    match parts.as_slice() {
        [d, m, y] if digits(d) && digits(m) => {
            NaiveDate::from_ymd_opt(year_of(y)?, m.parse().ok()?, d.parse().ok()?)
                .map(DateValue::day)
        }
        [m, y] if digits(m) && m.len() <= 2 && y.len() == 4 => {
            DateValue::month(year_of(y)?, m.parse().ok()?)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> CellValue {
        CellValue::Text(s.to_string())
    }

    fn ymd(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    #[test]
    fn dates_every_accepted_form() {
        let cases = [
            (
                text("31.12.2027"),
                "31.12.2027",
                ymd(2027, 12, 31),
                ymd(2027, 12, 31),
            ),
            (
                text("1.3.2026"),
                "01.03.2026",
                ymd(2026, 3, 1),
                ymd(2026, 3, 1),
            ),
            (
                text("31.12.27"),
                "31.12.2027",
                ymd(2027, 12, 31),
                ymd(2027, 12, 31),
            ),
            (
                text("2027-12-31"),
                "31.12.2027",
                ymd(2027, 12, 31),
                ymd(2027, 12, 31),
            ),
            (
                text("2027-12-31T00:00:00"),
                "31.12.2027",
                ymd(2027, 12, 31),
                ymd(2027, 12, 31),
            ),
            (
                text("12/2027"),
                "12/2027",
                ymd(2027, 12, 1),
                ymd(2027, 12, 31),
            ),
            (
                text("02.2028"),
                "02/2028",
                ymd(2028, 2, 1),
                ymd(2028, 2, 29),
            ),
            (text("2027"), "2027", ymd(2027, 1, 1), ymd(2027, 12, 31)),
            (
                text("Q3 2027"),
                "Q3 2027",
                ymd(2027, 7, 1),
                ymd(2027, 9, 30),
            ),
            (
                text("q1/2026"),
                "Q1 2026",
                ymd(2026, 1, 1),
                ymd(2026, 3, 31),
            ),
            (
                text("3. Quartal 2027"),
                "Q3 2027",
                ymd(2027, 7, 1),
                ymd(2027, 9, 30),
            ),
            (
                CellValue::Date(ymd(2026, 5, 4)),
                "04.05.2026",
                ymd(2026, 5, 4),
                ymd(2026, 5, 4),
            ),
            (
                CellValue::Number(2029.0),
                "2029",
                ymd(2029, 1, 1),
                ymd(2029, 12, 31),
            ),
        ];
        for (cell, shown, first, last) in cases {
            let d = parse_date(&cell).unwrap_or_else(|e| panic!("{cell:?}: {e}"));
            assert_eq!(d.display(), shown, "{cell:?}");
            assert_eq!((d.first, d.last), (first, last), "{cell:?}");
        }
    }

    #[test]
    fn dates_rejected() {
        for s in [
            "31.02.2027",
            "13/2027",
            "Q5 2027",
            "morgen",
            "2027-13-01",
            "12",
            "",
            "0. Quartal 2027",
            "1.1.1066",
        ] {
            assert!(parse_date(&text(s)).is_err(), "{s} accepted");
        }
        assert!(parse_date(&CellValue::Number(12.5)).is_err());
        assert!(parse_date(&CellValue::Bool(true)).is_err());
    }

    /// Found by fuzzing (`fuzz/`, target `values`): a date-like text with a
    /// multi-byte character across byte 10 panicked on slicing.
    #[test]
    fn date_with_multibyte_char_at_byte_10_is_rejected_not_a_panic() {
        let crash =
            include_bytes!("../../../tests/fixtures/regressions/fuzz/values-date-char-boundary");
        let crash = String::from_utf8_lossy(crash).into_owned();
        for s in [crash.as_str(), "2027-12-3ä", "2027-12-31€", "2027-1ä-31"] {
            assert!(parse_date(&text(s)).is_err(), "{s:?} accepted");
            assert!(parse_end_date(&text(s)).is_err(), "{s:?} accepted");
        }
        assert!(parse_date(&text("2027-12-31 ä")).is_ok());
    }

    #[test]
    fn end_dates_open() {
        for s in ["fortlaufend", "Laufend", " dauerhaft "] {
            assert_eq!(parse_end_date(&text(s)), Ok(EndDate::Open));
        }
        assert!(matches!(
            parse_end_date(&text("12/2028")),
            Ok(EndDate::Date(_))
        ));
        assert!(parse_end_date(&text("bald"))
            .unwrap_err()
            .contains("fortlaufend"));
    }
}
