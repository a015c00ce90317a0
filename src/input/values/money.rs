//! Amounts of money in euros (`12.500 €`, `12,5 T€`).

use super::numbers::{group_thousands, parse_german_decimal};
use super::CellValue;

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

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> CellValue {
        CellValue::Text(s.to_string())
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
}
