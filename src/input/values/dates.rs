//! Dates and periods as given: a day, a month, a quarter or a year, and end
//! dates that may be open.

use super::date_words::{hint, parse_words, Words, YEARS};
use super::{CellValue, Rejected};
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
    /// `2. Hj. 2027`: January–June or July–December.
    Half,
    /// `Anfang 2027` (January–April), `Mitte 2027` (May–August), `Ende 2027`
    /// (September–December).
    Third,
    Year,
    /// A Beginn „laufend“: already under way when the Laufzeit starts; it
    /// covers the Laufzeit's first year.
    Ongoing,
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

    /// The first (1) or second (2) half of a year.
    pub fn half(year: i32, h: u32) -> Option<Self> {
        if !(1..=2).contains(&h) {
            return None;
        }
        Some(DateValue {
            first: NaiveDate::from_ymd_opt(year, (h - 1) * 6 + 1, 1)?,
            last: last_of_month(year, h * 6)?,
            precision: Precision::Half,
        })
    }

    /// Anfang (1), Mitte (2) or Ende (3) of a year: four months each.
    pub fn third(year: i32, t: u32) -> Option<Self> {
        if !(1..=3).contains(&t) {
            return None;
        }
        Some(DateValue {
            first: NaiveDate::from_ymd_opt(year, (t - 1) * 4 + 1, 1)?,
            last: last_of_month(year, t * 4)?,
            precision: Precision::Third,
        })
    }

    /// „laufend“ as a Beginn: the first year of the Laufzeit.
    pub fn ongoing(laufzeit_start: i32) -> Option<Self> {
        Some(DateValue {
            precision: Precision::Ongoing,
            ..DateValue::year(laufzeit_start)?
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
            Precision::Half => {
                format!("{}. Hj. {}", self.first.month0() / 6 + 1, self.first.year())
            }
            Precision::Third => format!(
                "{} {}",
                ["Anfang", "Mitte", "Ende"][(self.first.month0() / 4) as usize % 3],
                self.first.year()
            ),
            Precision::Year => self.first.year().to_string(),
            Precision::Ongoing => "laufend".to_string(),
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

const DATE_FORMS: &str = "ein Datum wie 31.12.2027, 12/2027, März 2027, Q3 2027, 2. Halbjahr 2027, Anfang 2027 oder 2027";

/// Words for a measure that runs without end (or is already running).
const OPEN: [&str; 7] = [
    "fortlaufend",
    "laufend",
    "dauerhaft",
    "offen",
    "unbefristet",
    "daueraufgabe",
    "dauerauftrag",
];

/// A date from a date cell or text in any accepted form; `ab 2027` and
/// `seit 03/2027` are the date itself.
pub fn parse_date(cell: &CellValue) -> Result<DateValue, Rejected> {
    let d = match cell {
        CellValue::Date(d) => Some(DateValue::day(*d)),
        CellValue::Number(n) if n.fract() == 0.0 && YEARS.contains(&(*n as i32)) => {
            DateValue::year(*n as i32)
        }
        CellValue::Text(t) => {
            let t = t.trim();
            let rest = strip_word(t, &["ab", "seit", "ab dem", "ab ca.", "ca."]);
            parse_date_text(rest.unwrap_or(t))
        }
        _ => None,
    };
    d.filter(|d| YEARS.contains(&d.first.year()))
        .ok_or_else(|| rejected(cell, false))
}

fn rejected(cell: &CellValue, end: bool) -> Rejected {
    let expected = if end {
        format!("{DATE_FORMS}, oder „fortlaufend“")
    } else {
        DATE_FORMS.to_string()
    };
    let h = match cell {
        CellValue::Text(t) => hint(t, end),
        CellValue::Number(_) => format!(
            "die Zahl {} ist kein Datum: z. B. 03/2027 oder 2027 eintragen",
            cell.display()
        ),
        other => format!(
            "„{}“ ist kein Datum: z. B. 03/2027 oder 2027 eintragen",
            other.display()
        ),
    };
    Rejected::new(expected, h)
}

/// The rest after a leading word such as `ab` (`ab 2027` → `2027`).
fn strip_word<'t>(t: &'t str, words: &[&str]) -> Option<&'t str> {
    words.iter().rev().find_map(|w| {
        let head = t.get(..w.len())?;
        let rest = &t[w.len()..];
        (head.to_lowercase() == *w && rest.starts_with(char::is_whitespace)).then(|| rest.trim())
    })
}

/// A Beginn: as [`parse_date`], or `laufend` / `Daueraufgabe` for a measure
/// already under way (the first year of the Laufzeit). `bis 2028` is an Ende
/// and rejected with that hint.
pub fn parse_begin(cell: &CellValue, laufzeit_start: i32) -> Result<DateValue, Rejected> {
    if let CellValue::Text(t) = cell {
        let n = normalize(t);
        if OPEN.contains(&n.as_str()) || n == "bereitslaufend" {
            if let Some(d) = DateValue::ongoing(laufzeit_start) {
                return Ok(d);
            }
        }
        if let Some(rest) = strip_word(t.trim(), &["bis", "bis ende", "bis zum"]) {
            return Err(Rejected::new(
                DATE_FORMS,
                format!(
                    "„{}“ ist ein Ende: {rest} in die Spalte Ende eintragen und hier den Beginn",
                    t.trim()
                ),
            ));
        }
    }
    parse_date(cell)
}

/// An end date: as [`parse_date`], `bis 2028`, or `fortlaufend` / `laufend` /
/// `Daueraufgabe` / `dauerhaft`. `ab 2027` is a Beginn and rejected with
/// that hint.
pub fn parse_end_date(cell: &CellValue) -> Result<EndDate, Rejected> {
    if let CellValue::Text(t) = cell {
        let n = normalize(t);
        if OPEN.contains(&n.as_str()) {
            return Ok(EndDate::Open);
        }
        let t = t.trim();
        if let Some(rest) = strip_word(t, &["ab", "seit"]) {
            return Err(Rejected::new(
                format!("{DATE_FORMS}, oder „fortlaufend“"),
                format!("„{t}“ ist ein Beginn: {rest} in die Spalte Beginn eintragen und hier das Ende oder „fortlaufend“"),
            ));
        }
        if let Some(rest) = strip_word(t, &["bis", "bis ende", "bis zum", "spätestens"]) {
            return match parse_date_text(rest).filter(|d| YEARS.contains(&d.first.year())) {
                Some(d) => Ok(EndDate::Date(d)),
                None => Err(rejected(&CellValue::Text(rest.to_string()), true)),
            };
        }
    }
    match parse_date(cell) {
        Ok(d) => Ok(EndDate::Date(d)),
        Err(_) => Err(rejected(cell, true)),
    }
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
    if let Some(w) = parse_words(t) {
        return match w {
            Words::Month(y, m) => DateValue::month(y, m),
            Words::Half(y, h) => DateValue::half(y, h),
            Words::Third(y, t) => DateValue::third(y, t),
        };
    }
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
            .expected
            .contains("fortlaufend"));
    }

    #[test]
    fn dates_in_words() {
        for (typed, shown, first, last) in [
            ("März 2027", "03/2027", ymd(2027, 3, 1), ymd(2027, 3, 31)),
            ("Jan 2027", "01/2027", ymd(2027, 1, 1), ymd(2027, 1, 31)),
            ("Jan. 2027", "01/2027", ymd(2027, 1, 1), ymd(2027, 1, 31)),
            ("Januar 2027", "01/2027", ymd(2027, 1, 1), ymd(2027, 1, 31)),
            ("Sept. 2028", "09/2028", ymd(2028, 9, 1), ymd(2028, 9, 30)),
            (
                "2. Halbjahr 2027",
                "2. Hj. 2027",
                ymd(2027, 7, 1),
                ymd(2027, 12, 31),
            ),
            (
                "1. HJ 2027",
                "1. Hj. 2027",
                ymd(2027, 1, 1),
                ymd(2027, 6, 30),
            ),
            ("H2 2027", "2. Hj. 2027", ymd(2027, 7, 1), ymd(2027, 12, 31)),
            (
                "zweites Halbjahr 2027",
                "2. Hj. 2027",
                ymd(2027, 7, 1),
                ymd(2027, 12, 31),
            ),
            (
                "Anfang 2027",
                "Anfang 2027",
                ymd(2027, 1, 1),
                ymd(2027, 4, 30),
            ),
            (
                "Mitte 2027",
                "Mitte 2027",
                ymd(2027, 5, 1),
                ymd(2027, 8, 31),
            ),
            ("Ende 2028", "Ende 2028", ymd(2028, 9, 1), ymd(2028, 12, 31)),
            ("ab 2027", "2027", ymd(2027, 1, 1), ymd(2027, 12, 31)),
            ("ab März 2027", "03/2027", ymd(2027, 3, 1), ymd(2027, 3, 31)),
            ("seit 03/2026", "03/2026", ymd(2026, 3, 1), ymd(2026, 3, 31)),
        ] {
            let d = parse_date(&text(typed)).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!(d.display(), shown, "{typed}");
            assert_eq!((d.first, d.last), (first, last), "{typed}");
            assert_eq!(parse_date(&text(shown)), Ok(d), "{shown} reads back");
        }
    }

    #[test]
    fn begin_and_end_words() {
        for s in ["laufend", "Daueraufgabe", "fortlaufend"] {
            let b = parse_begin(&text(s), 2026).unwrap();
            assert_eq!(b.display(), "laufend");
            assert_eq!((b.first, b.last), (ymd(2026, 1, 1), ymd(2026, 12, 31)));
            assert_eq!(parse_end_date(&text(s)), Ok(EndDate::Open), "{s}");
        }
        assert_eq!(
            parse_end_date(&text("bis 2028")),
            Ok(EndDate::Date(DateValue::year(2028).unwrap()))
        );
        assert_eq!(
            parse_end_date(&text("Ende 2028")).map(|e| match e {
                EndDate::Date(d) => d.last,
                EndDate::Open => ymd(1, 1, 1),
            }),
            Ok(ymd(2028, 12, 31))
        );
        let h = parse_begin(&text("bis 2028"), 2026)
            .unwrap_err()
            .hint
            .unwrap();
        assert!(
            h.contains("„bis 2028“ ist ein Ende: 2028 in die Spalte Ende"),
            "{h}"
        );
        let h = parse_end_date(&text("ab 2027")).unwrap_err().hint.unwrap();
        assert!(
            h.contains("„ab 2027“ ist ein Beginn: 2027 in die Spalte Beginn"),
            "{h}"
        );
        let h = parse_date(&text("Märtz 2027")).unwrap_err().hint.unwrap();
        assert_eq!(h, "meinten Sie 03/2027?");
    }
}
