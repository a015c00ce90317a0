//! Amounts of money in euros (`12.500 €`, `12,5 T€`).

use super::numbers::{group_thousands, parse_german_decimal};
use super::{CellValue, Rejected};

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

pub(super) const MONEY_FORMS: &str =
    "ein Betrag in Euro wie 12500, 12.500, 12.500,50 €, 12,5 T€, 5 Tsd. € oder 1,2 Mio. €";

/// Largest amount accepted: 100 billion euros, far above any municipal budget,
/// so that typos like a pasted IBAN are caught instead of overflowing.
const MONEY_MAX_EUROS: f64 = 1e11;

/// A non-negative amount in euros from a number cell or text (`ca.` before
/// the amount is allowed and dropped).
pub fn parse_money(cell: &CellValue) -> Result<Money, Rejected> {
    let euros = match cell {
        CellValue::Number(n) => *n,
        CellValue::Text(t) => parse_money_text(t).ok_or_else(|| rejected(t))?,
        _ => {
            return Err(Rejected::new(
                MONEY_FORMS,
                format!(
                    "„{}“ ist kein Betrag: z. B. 5.000 € eintragen",
                    cell.display()
                ),
            ))
        }
    };
    if !euros.is_finite() || euros.abs() > MONEY_MAX_EUROS {
        return Err(Rejected::new(
            MONEY_FORMS,
            "der Betrag ist zu groß für einen Haushalt: Ziffern prüfen (Tippfehler, eingefügte Kontonummer?)",
        ));
    }
    if euros < 0.0 {
        return Err(Rejected::new(
            format!("{MONEY_FORMS}, nicht negativ"),
            format!(
                "Kosten und Beträge sind nie negativ: meinten Sie {}?",
                Money((-euros * 100.0).round() as i64).display()
            ),
        ));
    }
    Ok(Money((euros * 100.0).round() as i64))
}

/// Words before an amount that only say it is an estimate.
pub(super) const APPROX: [&str; 7] = ["ca.", "ca", "circa", "etwa", "rund", "ungefähr", "ungef."];

/// The text after a leading word of `words` (compared in lower case).
pub(super) fn strip_leading<'t>(t: &'t str, words: &[&str]) -> Option<&'t str> {
    words.iter().find_map(|w| {
        let head = t.get(..w.len())?;
        let rest = &t[w.len()..];
        let boundary = w.ends_with('.') || rest.starts_with(|c: char| !c.is_alphanumeric());
        (head.to_lowercase() == *w && boundary && !rest.trim().is_empty()).then(|| rest.trim())
    })
}

fn parse_money_text(text: &str) -> Option<f64> {
    let text = text.trim();
    let text = strip_leading(text, &APPROX).unwrap_or(text);
    let compact: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}')
        .collect();
    let lower = compact.to_lowercase();
    let mut body = lower.strip_prefix('€').unwrap_or(&lower);
    for currency in ["euro", "eur", "€"] {
        if let Some(rest) = body.strip_suffix(currency) {
            body = rest;
            break;
        }
    }
    let mut factor = 1.0;
    for (suffix, f) in [
        ("tsd.", 1e3),
        ("tsd", 1e3),
        ("tausend", 1e3),
        ("t", 1e3),
        ("mio.", 1e6),
        ("mio", 1e6),
        ("millionen", 1e6),
        ("million", 1e6),
    ] {
        if let Some(rest) = body.strip_suffix(suffix) {
            body = rest;
            factor = f;
            break;
        }
    }
    let body = body
        .strip_suffix(",--")
        .or_else(|| body.strip_suffix(",-"))
        .unwrap_or(body);
    parse_german_decimal(body).map(|v| v * factor)
}

/// The hint for an amount that could not be read, built from what was typed.
pub(super) fn rejected(typed: &str) -> Rejected {
    let t = typed.trim();
    let hint = if t.contains(['$', '£']) || t.to_lowercase().contains("usd") {
        "Beträge in Euro angeben, z. B. 5.000 €".to_string()
    } else if let Some(m) = english_number(t) {
        format!(
            "meinten Sie {}? (Tausender mit Punkt, Dezimalstellen mit Komma)",
            m.display()
        )
    } else if let Some(m) = digits_in(t) {
        format!(
            "meinten Sie {}? Nur der Betrag gehört in die Zelle, Erläuterungen in die Spalte Finanzierung oder Beschreibung",
            m.display()
        )
    } else {
        format!("„{t}“ enthält keinen Betrag: z. B. 5.000 €, 5.000 € jährlich oder „kostenneutral“ eintragen")
    };
    Rejected::new(MONEY_FORMS, hint)
}

/// `12,500.50` → 12.500,50 €.
fn english_number(t: &str) -> Option<Money> {
    let core: String = t
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == ',' || *c == '.')
        .collect();
    let (int, frac) = core.rsplit_once('.')?;
    if frac.len() > 2 || !int.contains(',') || int.contains('.') {
        return None;
    }
    let euros: f64 = format!("{}.{frac}", int.replace(',', "")).parse().ok()?;
    Some(Money((euros * 100.0).round() as i64))
}

/// The first run of digits (with German separators) in a text.
pub(super) fn digits_in(t: &str) -> Option<Money> {
    let start = t.find(|c: char| c.is_ascii_digit())?;
    let run: String = t[start..]
        .chars()
        .take_while(|c| c.is_ascii_digit() || *c == '.' || *c == ',')
        .collect();
    let v =
        parse_german_decimal(run.trim_end_matches(['.', ','])).filter(|v| *v < MONEY_MAX_EUROS)?;
    Some(Money((v * 100.0).round() as i64))
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
            (text("ca. 5000 Euro"), 500_000),
            (text("5 Tsd. €"), 500_000),
            (text("5 Tsd. Euro"), 500_000),
            (text("1,2 Mio. €"), 120_000_000),
            (text("1,2 Mio €"), 120_000_000),
            (text("rund 3.000 €"), 300_000),
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
    fn money_hints_built_from_what_was_typed() {
        for (typed, hint) in [
            ("12,500.50", "meinten Sie 12.500,50 €?"),
            ("-5", "meinten Sie 5 €?"),
            ("5000 € für Honorare", "meinten Sie 5.000 €?"),
            ("500 $", "in Euro"),
            ("weiß nicht", "„weiß nicht“ enthält keinen Betrag"),
        ] {
            let h = parse_money(&text(typed)).unwrap_err().hint.unwrap();
            assert!(h.contains(hint), "{typed}: {h}");
        }
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
