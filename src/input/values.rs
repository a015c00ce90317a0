//! The value forms people type into cells (spec: input.md, "Value types"),
//! each parsed from a typed cell or from text, and each shown again in its
//! German form.
//!
//! Every parser returns `Err(expected)` with a German description of the
//! accepted forms; the caller adds the place and the value found.

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

/// A cell as read from any workbook format, before interpretation.
#[derive(Debug, Clone, PartialEq)]
pub enum CellValue {
    Empty,
    Text(String),
    Number(f64),
    /// A number cell formatted as percent: the stored fraction (0.175 for 17,5 %).
    Percent(f64),
    Bool(bool),
    Date(NaiveDate),
    /// A formula error such as `#DIV/0!`.
    Error(String),
}

impl CellValue {
    pub fn is_empty(&self) -> bool {
        match self {
            CellValue::Empty => true,
            CellValue::Text(t) => t.trim().is_empty(),
            _ => false,
        }
    }

    /// The value as a user would read it in the cell, for messages and for
    /// columns that are plain text.
    pub fn display(&self) -> String {
        match self {
            CellValue::Empty => String::new(),
            CellValue::Text(t) => t.clone(),
            CellValue::Number(n) => format_number(*n, 6),
            CellValue::Percent(p) => format!("{} %", format_number(round(p * 100.0, 8), 6)),
            CellValue::Bool(b) => if *b { "WAHR" } else { "FALSCH" }.to_string(),
            CellValue::Date(d) => d.format("%d.%m.%Y").to_string(),
            CellValue::Error(e) => e.clone(),
        }
    }
}

fn round(x: f64, decimals: i32) -> f64 {
    let f = 10f64.powi(decimals);
    (x * f).round() / f
}

// ---------------------------------------------------------------- numbers

/// Formats a number the German way: `1.234,5`. At most `max_decimals`
/// decimals, trailing zeros dropped.
pub fn format_number(x: f64, max_decimals: usize) -> String {
    if !x.is_finite() {
        return "–".to_string();
    }
    let s = format!("{:.*}", max_decimals, x.abs());
    let (int, frac) = match s.split_once('.') {
        Some((i, f)) => (i.to_string(), f.trim_end_matches('0').to_string()),
        None => (s.clone(), String::new()),
    };
    let negative = x < 0.0 && (int != "0" || !frac.is_empty());
    let mut out = String::new();
    if negative {
        out.push('−');
    }
    out.push_str(&group_thousands(&int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(&frac);
    }
    out
}

/// Formats with exactly `decimals` decimals (for shares: `34,0 %`).
pub fn format_fixed(x: f64, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, x.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let mut out = String::new();
    if x < 0.0 && s.chars().any(|c| c.is_ascii_digit() && c != '0') {
        out.push('−');
    }
    out.push_str(&group_thousands(int));
    if !frac.is_empty() {
        out.push(',');
        out.push_str(frac);
    }
    out
}

fn group_thousands(digits: &str) -> String {
    let bytes = digits.as_bytes();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, b) in bytes.iter().enumerate() {
        if i > 0 && (bytes.len() - i) % 3 == 0 {
            out.push('.');
        }
        out.push(*b as char);
    }
    out
}

/// A number and whether it was given as a percentage.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Number {
    pub value: f64,
    pub percent: bool,
}

const NUMBER_FORMS: &str = "eine Zahl wie 1234, 1.234,5 oder 12,5 %";

/// Parses German number text: `1.234,5`, `12.500`, `-3`, `12,5 %`, `12 500`.
pub fn parse_number_text(text: &str) -> Result<Number, String> {
    let mut t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}' && *c != '\'')
        .collect();
    let mut percent = false;
    if let Some(rest) = t.strip_suffix('%') {
        percent = true;
        t = rest.to_string();
    }
    let value = parse_german_decimal(&t).ok_or_else(|| NUMBER_FORMS.to_string())?;
    Ok(Number { value, percent })
}

/// `1.234,5` → 1234.5; `12.500` → 12500; `12.5` → 12.5 (a lone decimal point
/// that does not group thousands is read as a decimal point).
fn parse_german_decimal(t: &str) -> Option<f64> {
    let (sign, body) = match t.strip_prefix(['-', '−', '–']) {
        Some(rest) => (-1.0, rest),
        None => (1.0, t.strip_prefix('+').unwrap_or(t)),
    };
    if body.is_empty() {
        return None;
    }
    let (int_part, frac_part) = if let Some((i, f)) = body.split_once(',') {
        if f.contains(['.', ',']) {
            return None;
        }
        (i, Some(f))
    } else if body.contains('.') {
        if thousands_grouped(body) {
            (body, None)
        } else if body.matches('.').count() == 1 {
            let (i, f) = body.split_once('.').expect("one dot");
            (i, Some(f))
        } else {
            return None;
        }
    } else {
        (body, None)
    };
    let int_digits: String = if int_part.contains('.') {
        if !thousands_grouped(int_part) {
            return None;
        }
        int_part.replace('.', "")
    } else {
        int_part.to_string()
    };
    if int_digits.is_empty() && frac_part.is_none_or(str::is_empty) {
        return None;
    }
    if !int_digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let mut s = if int_digits.is_empty() {
        "0".to_string()
    } else {
        int_digits
    };
    if let Some(f) = frac_part {
        if f.is_empty() || !f.chars().all(|c| c.is_ascii_digit()) {
            return None;
        }
        s.push('.');
        s.push_str(f);
    }
    s.parse::<f64>()
        .ok()
        .map(|v| sign * v)
        .filter(|v| v.is_finite())
}

/// `1.234` or `12.500.000`: dots between groups of exactly three digits.
fn thousands_grouped(s: &str) -> bool {
    let mut groups = s.split('.');
    let first = groups.next().unwrap_or("");
    !first.is_empty()
        && first.len() <= 3
        && first.chars().all(|c| c.is_ascii_digit())
        && groups.clone().count() > 0
        && groups.all(|g| g.len() == 3 && g.chars().all(|c| c.is_ascii_digit()))
}

/// A number from a cell: a number cell, a percentage cell or text.
pub fn parse_number(cell: &CellValue) -> Result<Number, String> {
    match cell {
        CellValue::Number(n) => Ok(Number {
            value: *n,
            percent: false,
        }),
        CellValue::Percent(p) => Ok(Number {
            value: round(p * 100.0, 9),
            percent: true,
        }),
        CellValue::Text(t) => parse_number_text(t),
        _ => Err(NUMBER_FORMS.to_string()),
    }
}

/// A calendar year (1900–2200) from a number cell, a date cell or text.
pub fn parse_year(cell: &CellValue) -> Result<i32, String> {
    const YEAR: &str = "eine Jahreszahl wie 2027";
    let y = match cell {
        CellValue::Number(n) if n.fract() == 0.0 => *n as i64,
        CellValue::Date(d) => d.year() as i64,
        CellValue::Text(t) => {
            let t = t.trim();
            if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
                t.parse().map_err(|_| YEAR.to_string())?
            } else {
                return Err(YEAR.to_string());
            }
        }
        _ => return Err(YEAR.to_string()),
    };
    if (1900..=2200).contains(&y) {
        Ok(y as i32)
    } else {
        Err(YEAR.to_string())
    }
}

// ---------------------------------------------------------------- money

/// An amount in euro cents.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Default)]
pub struct Money(pub i64);

impl Money {
    pub fn euros(self) -> f64 {
        self.0 as f64 / 100.0
    }

    /// `12.500 €`, `12.500,50 €` (cents only when not whole).
    pub fn display(self) -> String {
        let euros = self.0.abs() / 100;
        let cents = self.0.abs() % 100;
        let sign = if self.0 < 0 { "−" } else { "" };
        if cents == 0 {
            format!("{sign}{} €", group_thousands(&euros.to_string()))
        } else {
            format!("{sign}{},{cents:02} €", group_thousands(&euros.to_string()))
        }
    }
}

impl std::ops::Add for Money {
    type Output = Money;
    fn add(self, o: Money) -> Money {
        Money(self.0.saturating_add(o.0))
    }
}

impl std::ops::AddAssign for Money {
    fn add_assign(&mut self, o: Money) {
        self.0 = self.0.saturating_add(o.0);
    }
}

impl std::iter::Sum for Money {
    fn sum<I: Iterator<Item = Money>>(iter: I) -> Money {
        iter.fold(Money(0), |a, b| a + b)
    }
}

const MONEY_FORMS: &str =
    "ein Betrag in Euro wie 12500, 12.500, 12.500,50 €, 12.500,00 EUR oder 12,5 T€";

/// Largest amount accepted: 100 billion euros, far above any municipal budget,
/// so that typos like a pasted IBAN are caught instead of overflowing.
const MONEY_MAX_EUROS: f64 = 1e11;

/// A non-negative amount in euros from a number cell or text.
pub fn parse_money(cell: &CellValue) -> Result<Money, String> {
    let euros = match cell {
        CellValue::Number(n) => *n,
        CellValue::Text(t) => parse_money_text(t)?,
        _ => return Err(MONEY_FORMS.to_string()),
    };
    if !euros.is_finite() || euros.abs() > MONEY_MAX_EUROS {
        return Err(MONEY_FORMS.to_string());
    }
    if euros < 0.0 {
        return Err(format!("{MONEY_FORMS}, nicht negativ"));
    }
    Ok(Money((euros * 100.0).round() as i64))
}

fn parse_money_text(text: &str) -> Result<f64, String> {
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}')
        .collect();
    let lower = compact.to_lowercase();
    let mut body = lower.as_str();
    let mut factor = 1.0;
    for (suffix, f) in [
        ("teur", 1000.0),
        ("t€", 1000.0),
        ("tsd.€", 1000.0),
        ("tsd€", 1000.0),
        ("tsd.eur", 1000.0),
        ("tsdeur", 1000.0),
        ("tsd.", 1000.0),
        ("tsd", 1000.0),
        ("euro", 1.0),
        ("eur", 1.0),
        ("€", 1.0),
    ] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest;
            factor = f;
            break;
        }
    }
    let body = body.strip_prefix('€').unwrap_or(body);
    let body = body
        .strip_suffix(",-")
        .or_else(|| body.strip_suffix(",--"))
        .unwrap_or(body);
    parse_german_decimal(body)
        .map(|v| v * factor)
        .ok_or_else(|| MONEY_FORMS.to_string())
}

// ---------------------------------------------------------------- dates

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
        let n = super::normalize(t);
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

// ---------------------------------------------------------------- priority, status

/// Priority of a measure or recommendation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Priority {
    Hoch,
    Mittel,
    Niedrig,
}

impl Priority {
    pub const ALL: [Priority; 3] = [Priority::Hoch, Priority::Mittel, Priority::Niedrig];

    pub fn label(self) -> &'static str {
        match self {
            Priority::Hoch => "hoch",
            Priority::Mittel => "mittel",
            Priority::Niedrig => "niedrig",
        }
    }
}

const PRIORITY_FORMS: &str = "hoch, mittel oder niedrig (auch 1, 2, 3 oder A, B, C)";

pub fn parse_priority(cell: &CellValue) -> Result<Priority, String> {
    let text = match cell {
        CellValue::Number(n) if n.fract() == 0.0 => format!("{}", *n as i64),
        CellValue::Text(t) => super::normalize(t),
        _ => return Err(PRIORITY_FORMS.to_string()),
    };
    match text.as_str() {
        "hoch" | "1" | "a" | "prioritaeta" | "sehrhoch" => Ok(Priority::Hoch),
        "mittel" | "2" | "b" | "prioritaetb" => Ok(Priority::Mittel),
        "niedrig" | "3" | "c" | "prioritaetc" | "gering" => Ok(Priority::Niedrig),
        _ => Err(PRIORITY_FORMS.to_string()),
    }
}

/// Implementation status of a measure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    Geplant,
    InUmsetzung,
    Umgesetzt,
    Zurueckgestellt,
}

impl Status {
    pub const ALL: [Status; 4] = [
        Status::Geplant,
        Status::InUmsetzung,
        Status::Umgesetzt,
        Status::Zurueckgestellt,
    ];

    pub fn label(self) -> &'static str {
        match self {
            Status::Geplant => "geplant",
            Status::InUmsetzung => "in Umsetzung",
            Status::Umgesetzt => "umgesetzt",
            Status::Zurueckgestellt => "zurückgestellt",
        }
    }
}

impl Serialize for Status {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.label())
    }
}

const STATUS_FORMS: &str = "geplant, in Umsetzung (auch laufend, begonnen), umgesetzt (auch abgeschlossen, erledigt) oder zurückgestellt (auch pausiert)";

pub fn parse_status(cell: &CellValue) -> Result<Status, String> {
    let CellValue::Text(t) = cell else {
        return Err(STATUS_FORMS.to_string());
    };
    match super::normalize(t).as_str() {
        "geplant" | "inplanung" | "offen" | "neu" => Ok(Status::Geplant),
        "inumsetzung" | "laufend" | "begonnen" | "inarbeit" => Ok(Status::InUmsetzung),
        "umgesetzt" | "abgeschlossen" | "erledigt" | "fertig" => Ok(Status::Umgesetzt),
        "zurueckgestellt" | "pausiert" | "ausgesetzt" => Ok(Status::Zurueckgestellt),
        _ => Err(STATUS_FORMS.to_string()),
    }
}

// ---------------------------------------------------------------- lists, text

/// Several values separated by `;`, `,` or line breaks.
pub fn parse_list(text: &str) -> Vec<String> {
    text.split([';', ',', '\n'])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
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
            include_bytes!("../../tests/fixtures/regressions/fuzz/values-date-char-boundary");
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

    #[test]
    fn money_every_accepted_form() {
        let cases = [
            (CellValue::Number(12500.0), 1_250_000),
            (CellValue::Number(0.0), 0),
            (text("12500"), 1_250_000),
            (text("12.500"), 1_250_000),
            (text("12.500,50"), 1_250_050),
            (text("12.500 €"), 1_250_000),
            (text("12.500,00 EUR"), 1_250_000),
            (text("12,5 T€"), 1_250_000),
            (text("12,5 TEUR"), 1_250_000),
            (text("1.250.000 Euro"), 125_000_000),
            (text("€ 300"), 30_000),
            (text("300,-"), 30_000),
            (text("0"), 0),
        ];
        for (cell, cents) in cases {
            assert_eq!(parse_money(&cell), Ok(Money(cents)), "{cell:?}");
        }
    }

    #[test]
    fn money_rejected() {
        for s in ["zwölf", "12,500.50", "-5", "12.50.0", "1e9", "€", "12,5 T$"] {
            assert!(parse_money(&text(s)).is_err(), "{s} accepted");
        }
        assert!(parse_money(&CellValue::Number(-1.0)).is_err());
        assert!(parse_money(&CellValue::Number(1e15)).is_err());
    }

    #[test]
    fn money_display() {
        assert_eq!(Money(1_250_000).display(), "12.500 €");
        assert_eq!(Money(1_250_050).display(), "12.500,50 €");
        assert_eq!(Money(0).display(), "0 €");
        assert_eq!(Money(157_345).display(), "1.573,45 €");
        assert_eq!(Money(12_345_678_900).display(), "123.456.789 €");
    }

    #[test]
    fn numbers_german_forms() {
        let n = |s: &str| parse_number(&text(s)).unwrap();
        assert_eq!(n("1.234,5").value, 1234.5);
        assert_eq!(n("12.500").value, 12500.0);
        assert_eq!(n("250 000").value, 250000.0);
        assert_eq!(n("12.5").value, 12.5);
        assert_eq!(n("-3").value, -3.0);
        assert_eq!(
            n("12,5 %"),
            Number {
                value: 12.5,
                percent: true
            }
        );
        assert_eq!(
            n("17,5%"),
            Number {
                value: 17.5,
                percent: true
            }
        );
        assert_eq!(
            parse_number(&CellValue::Percent(0.175)).unwrap(),
            Number {
                value: 17.5,
                percent: true
            }
        );
        for bad in ["", "abc", "1,2,3", "1.2.3", "12,5.0", "%"] {
            assert!(parse_number(&text(bad)).is_err(), "{bad} accepted");
        }
    }

    #[test]
    fn number_display() {
        assert_eq!(format_number(1234.5, 2), "1.234,5");
        assert_eq!(format_number(250000.0, 2), "250.000");
        assert_eq!(format_number(0.5, 2), "0,5");
        assert_eq!(format_number(-1234.0, 2), "−1.234");
        assert_eq!(format_fixed(34.0, 1), "34,0");
        assert_eq!(format_fixed(1234.56, 1), "1.234,6");
    }

    #[test]
    fn priorities() {
        for (s, p) in [
            ("hoch", Priority::Hoch),
            ("A", Priority::Hoch),
            ("1", Priority::Hoch),
            ("Mittel", Priority::Mittel),
            ("b", Priority::Mittel),
            ("3", Priority::Niedrig),
            ("C", Priority::Niedrig),
        ] {
            assert_eq!(parse_priority(&text(s)), Ok(p), "{s}");
        }
        assert_eq!(
            parse_priority(&CellValue::Number(2.0)),
            Ok(Priority::Mittel)
        );
        assert!(parse_priority(&text("dringend")).is_err());
        assert!(parse_priority(&CellValue::Number(4.0)).is_err());
    }

    #[test]
    fn statuses_with_aliases() {
        for (s, st) in [
            ("geplant", Status::Geplant),
            ("in Umsetzung", Status::InUmsetzung),
            ("laufend", Status::InUmsetzung),
            ("begonnen", Status::InUmsetzung),
            ("umgesetzt", Status::Umgesetzt),
            ("abgeschlossen", Status::Umgesetzt),
            ("erledigt", Status::Umgesetzt),
            ("zurückgestellt", Status::Zurueckgestellt),
            ("Zurueckgestellt", Status::Zurueckgestellt),
            ("pausiert", Status::Zurueckgestellt),
        ] {
            assert_eq!(parse_status(&text(s)), Ok(st), "{s}");
        }
        assert!(parse_status(&text("vielleicht")).is_err());
    }

    #[test]
    fn lists_split_on_all_separators() {
        assert_eq!(parse_list("a; b, c\nd;;"), ["a", "b", "c", "d"]);
        assert!(parse_list(" ; ").is_empty());
    }

    #[test]
    fn years() {
        assert_eq!(parse_year(&CellValue::Number(2024.0)), Ok(2024));
        assert_eq!(parse_year(&text("2024")), Ok(2024));
        assert!(parse_year(&text("24")).is_err());
        assert!(parse_year(&CellValue::Number(20245.0)).is_err());
    }
}
