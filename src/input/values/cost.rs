//! The Kosten of a measure: an amount once (`12.500 €`), an amount per year
//! or month (`5.000 € jährlich`, `monatlich 400 €`), or none
//! (`kostenneutral`, `keine`).

use super::money::{digits_in, parse_money, rejected, strip_leading, APPROX};
use super::{CellValue, Money, Rejected};
use crate::input::normalize;

/// What the amount is counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Per {
    /// The total over the measure's whole period.
    Total,
    Year,
    Month,
}

/// A measure's costs as typed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cost {
    pub amount: Money,
    pub per: Per,
    /// Typed with `ca.`, `rund`, `etwa`.
    pub approx: bool,
    /// `kostenneutral` or `keine`, shown as such.
    pub word: Option<&'static str>,
}

impl Cost {
    /// As shown in the measure table: `5.000 € jährlich`, `ca. 5.000 €`,
    /// `kostenneutral`.
    pub fn display(&self) -> String {
        if let Some(w) = self.word {
            return w.to_string();
        }
        let approx = if self.approx { "ca. " } else { "" };
        let per = match self.per {
            Per::Total => "",
            Per::Year => " jährlich",
            Per::Month => " monatlich",
        };
        format!("{approx}{}{per}", self.amount.display())
    }

    /// „jährlich“ or „monatlich“ for recurring costs.
    pub fn turnus(&self) -> Option<&'static str> {
        match self.per {
            Per::Total => None,
            Per::Year => Some("jährlich"),
            Per::Month => Some("monatlich"),
        }
    }
}

const COST_FORMS: &str = "ein Betrag in Euro wie 12.500 €, 12,5 T€, 1,2 Mio. €, ein Betrag je Jahr oder Monat wie 5.000 € jährlich oder 400 € monatlich, oder „kostenneutral“";

/// Words that mark an amount per year or per month, compared without
/// spaces in lower case; at the start or the end of the cell.
const PER_YEAR: [&str; 10] = [
    "jährlich",
    "jaehrlich",
    "jährl.",
    "projahr",
    "/jahr",
    "jejahr",
    "imjahr",
    "p.a.",
    "p.a",
    "/a",
];
const PER_MONTH: [&str; 7] = [
    "monatlich",
    "mtl.",
    "mtl",
    "promonat",
    "/monat",
    "jemonat",
    "immonat",
];
const ONCE: [&str; 2] = ["einmalig", "einmal"];

/// The Kosten of a measure from a number cell or text.
pub fn parse_cost(cell: &CellValue) -> Result<Cost, Rejected> {
    let once = |amount| Cost {
        amount,
        per: Per::Total,
        approx: false,
        word: None,
    };
    let CellValue::Text(text) = cell else {
        return parse_money(cell).map(once).map_err(|r| Rejected {
            expected: COST_FORMS.into(),
            ..r
        });
    };
    match normalize(text).as_str() {
        "kostenneutral" | "kostenfrei" | "ohnekosten" => {
            return Ok(Cost {
                word: Some("kostenneutral"),
                ..once(Money(0))
            })
        }
        "keine" | "keinekosten" => {
            return Ok(Cost {
                word: Some("keine"),
                ..once(Money(0))
            })
        }
        _ => {}
    }
    let trimmed = text.trim();
    let (approx, rest) = match strip_leading(trimmed, &APPROX) {
        Some(rest) => (true, rest),
        None => (false, trimmed),
    };
    let compact: String = rest
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '\u{202F}')
        .collect::<String>()
        .to_lowercase();
    let mut per = Per::Total;
    let mut body = compact.as_str();
    'found: for (marks, p) in [
        (&PER_YEAR[..], Per::Year),
        (&PER_MONTH[..], Per::Month),
        (&ONCE[..], Per::Total),
    ] {
        for m in marks {
            if let Some(b) = body.strip_suffix(m).or_else(|| body.strip_prefix(m)) {
                body = b;
                per = p;
                break 'found;
            }
        }
    }
    let body = body.trim_matches(|c| c == ',' || c == ':');
    match parse_money(&CellValue::Text(body.to_string())) {
        Ok(amount) => Ok(Cost {
            amount,
            per,
            approx,
            word: None,
        }),
        Err(r) => {
            let mut r = if r.hint.as_deref().is_some_and(|h| h.contains("nie negativ")) {
                r
            } else {
                rejected(trimmed)
            };
            r.expected = COST_FORMS.into();
            let times = if compact.contains("quartal") {
                Some(4)
            } else if compact.contains("woche") {
                Some(52)
            } else {
                None
            };
            if let (Some(n), Some(m)) = (times, digits_in(trimmed)) {
                r.hint = Some(format!(
                    "laufende Kosten je Jahr oder je Monat angeben: meinten Sie „{} jährlich“?",
                    Money(m.0 * n).display()
                ));
            }
            Err(r)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(s: &str) -> CellValue {
        CellValue::Text(s.to_string())
    }

    #[test]
    fn costs_once_per_year_per_month_none() {
        for (typed, cents, per, shown) in [
            ("12.500 €", 1_250_000, Per::Total, "12.500 €"),
            ("ca. 5000 Euro", 500_000, Per::Total, "ca. 5.000 €"),
            ("5 Tsd. €", 500_000, Per::Total, "5.000 €"),
            ("1,2 Mio. €", 120_000_000, Per::Total, "1.200.000 €"),
            ("5.000 € jährlich", 500_000, Per::Year, "5.000 € jährlich"),
            ("5.000 €/Jahr", 500_000, Per::Year, "5.000 € jährlich"),
            ("5.000 € p. a.", 500_000, Per::Year, "5.000 € jährlich"),
            ("5.000 € pro Jahr", 500_000, Per::Year, "5.000 € jährlich"),
            ("jährlich 5.000 €", 500_000, Per::Year, "5.000 € jährlich"),
            ("monatlich 400 €", 40_000, Per::Month, "400 € monatlich"),
            ("400 €/Monat", 40_000, Per::Month, "400 € monatlich"),
            ("einmalig 800 €", 80_000, Per::Total, "800 €"),
            ("kostenneutral", 0, Per::Total, "kostenneutral"),
            ("Keine", 0, Per::Total, "keine"),
        ] {
            let c = parse_cost(&text(typed)).unwrap_or_else(|e| panic!("{typed}: {e}"));
            assert_eq!((c.amount, c.per), (Money(cents), per), "{typed}");
            assert_eq!(c.display(), shown, "{typed}");
            assert_eq!(
                parse_cost(&text(&c.display())),
                Ok(c.clone()),
                "{typed} shown as {shown}"
            );
        }
        assert_eq!(
            parse_cost(&CellValue::Number(800.0)).unwrap().amount,
            Money(80_000)
        );
    }

    #[test]
    fn costs_rejected_with_a_hint() {
        for (typed, hint) in [
            ("500 € pro Quartal", "meinten Sie „2.000 € jährlich“?"),
            ("5000 € für Honorare", "meinten Sie 5.000 €?"),
            ("offen", "„offen“ enthält keinen Betrag"),
        ] {
            let r = parse_cost(&text(typed)).unwrap_err();
            assert!(r.expected.contains("jährlich"), "{typed}: {r}");
            let h = r.hint.unwrap();
            assert!(h.contains(hint), "{typed}: {h}");
        }
    }
}
