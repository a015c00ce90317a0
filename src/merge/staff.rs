//! Resources beyond euros: a measure's staff (Stellen in VZÄ per year), the
//! marker for a rough cost estimate and the kind of measure (neu /
//! Fortführung / Ausbau), read from the Maßnahmen sheet; and the staff plan
//! of appendix B (VZÄ per field and year).

use super::cells::{invalid, Merger};
use crate::input::normalize;
use crate::input::values::{self, CellValue, Rejected};
use crate::input::workbook::Row;
use crate::model::*;
use crate::schema;
use chrono::Datelike;

impl Merger<'_, '_> {
    /// An optional cell of a column added in a later version: a value it
    /// cannot read is a warning at the cell and left out (an older workbook
    /// may use the same header for something else), not an error.
    pub(super) fn lenient<T>(
        &mut self,
        row: &Row,
        key: &str,
        column: &str,
        parse: impl Fn(&CellValue) -> Result<T, Rejected>,
    ) -> Option<T> {
        let cell = row.get(key);
        if cell.is_empty() {
            return None;
        }
        match parse(cell) {
            Ok(v) => Some(v),
            Err(r) => {
                self.diags
                    .warning(
                        row.loc(key),
                        format!(
                            "{}; der Wert wird nicht berücksichtigt",
                            invalid(column, cell, &r.expected)
                        ),
                    )
                    .hint = r.hint;
                None
            }
        }
    }
}

/// Stellen (VZÄ): a number of full-time equivalents, not negative.
pub fn parse_staff(cell: &CellValue) -> Result<Zahl, Rejected> {
    let n = values::parse_number(cell)?;
    if n.percent || n.value < 0.0 || n.value > 10_000.0 {
        return Err(Rejected::new(
            "Vollzeitstellen (VZÄ) als Zahl wie 1 oder 0,5",
            "eine halbe Stelle als 0,5 eintragen, ohne Prozentzeichen und ohne „VZÄ“ dahinter",
        ));
    }
    Ok(Zahl {
        wert: n.value,
        text: values::format_number(n.value, 2),
    })
}

/// Grobe Kostenschätzung: ja or nein (x and „grob“ count as ja).
pub(super) fn parse_yes_no(cell: &CellValue) -> Result<bool, Rejected> {
    let t = match cell {
        CellValue::Bool(b) => return Ok(*b),
        CellValue::Number(n) if *n == 1.0 => return Ok(true),
        CellValue::Number(n) if *n == 0.0 => return Ok(false),
        other => normalize(&other.display()),
    };
    match t.as_str() {
        "ja" | "j" | "x" | "grob" | "geschaetzt" | "wahr" => Ok(true),
        "nein" | "n" | "belastbar" | "falsch" | "-" => Ok(false),
        _ => Err(Rejected::new(
            "„ja“ oder leer",
            "„ja“ eintragen, wenn die Kosten nur grob geschätzt sind; sonst die Zelle leeren",
        )),
    }
}

/// Art der Maßnahme: neu, Fortführung or Ausbau.
pub(super) fn parse_kind(cell: &CellValue) -> Result<String, Rejected> {
    let t = normalize(&cell.display());
    let alias = match t.as_str() {
        "neu" | "neue" | "neuemassnahme" => "neu",
        "fortfuehrung" | "fortsetzung" | "bestehend" | "weiterfuehrung" => "Fortführung",
        "ausbau" | "erweiterung" | "ausweitung" => "Ausbau",
        _ => {
            return Err(Rejected::new(
                format!("{} (aus der Liste wählen)", schema::ARTEN.join(", ")),
                "„neu“ für ein neues Angebot, „Fortführung“ für ein bestehendes, „Ausbau“ für ein erweitertes",
            ))
        }
    };
    Ok(alias.to_string())
}

/// „ca. 12.500 €“: the cost text of a rough estimate.
pub(super) fn estimated(mut kosten: Geld) -> Geld {
    if kosten.cent.is_some_and(|c| c > 0) && !kosten.text.starts_with("ca.") {
        kosten.text = format!("ca. {}", kosten.text);
    }
    kosten
}

/// Staff by field and year: a measure's VZÄ count in every year of its
/// period (the Laufzeit where Beginn or Ende is open).
pub(super) fn staff_plan(felder: &[Feld], jahre: &[i32]) -> Stellenplan {
    let zahl = |v: f64| Zahl {
        wert: v,
        text: values::format_number(v, 2),
    };
    let mut summe = vec![0.0; jahre.len()];
    let mut out = Vec::new();
    for f in felder {
        let mut je_jahr = vec![0.0; jahre.len()];
        for m in &f.massnahmen {
            let Some(s) = &m.stellen else { continue };
            for (i, y) in jahre.iter().enumerate() {
                if (m.periode.0.year()..=m.periode.1.year()).contains(y) {
                    je_jahr[i] += s.wert;
                    summe[i] += s.wert;
                }
            }
        }
        if f.massnahmen.iter().any(|m| m.stellen.is_some()) {
            out.push(StellenFeld {
                name: f.name.clone(),
                kurz: f.kurz.clone(),
                je_jahr: je_jahr.into_iter().map(zahl).collect(),
            });
        }
    }
    Stellenplan {
        vorhanden: !out.is_empty(),
        jahre: jahre.to_vec(),
        felder: out,
        summe_je_jahr: summe.into_iter().map(zahl).collect(),
        grob_geschaetzt: felder
            .iter()
            .flat_map(|f| &f.massnahmen)
            .filter(|m| m.kosten_grob)
            .count(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn staff_yes_no_and_kind() {
        assert_eq!(parse_staff(&CellValue::Number(0.5)).unwrap().text, "0,5");
        assert_eq!(
            parse_staff(&CellValue::Text("1,25".into())).unwrap().wert,
            1.25
        );
        assert!(parse_staff(&CellValue::Number(-1.0)).is_err());
        assert!(parse_yes_no(&CellValue::Text("Ja".into())).unwrap());
        assert!(!parse_yes_no(&CellValue::Text("nein".into())).unwrap());
        assert!(parse_yes_no(&CellValue::Text("vielleicht".into())).is_err());
        assert_eq!(
            parse_kind(&CellValue::Text("fortführung".into())).unwrap(),
            "Fortführung"
        );
        assert!(parse_kind(&CellValue::Text("alt".into())).is_err());
    }

    #[test]
    fn rough_estimates_get_ca() {
        let g = estimated(Geld::of(values::Money(1_250_000)));
        assert_eq!(g.text, "ca. 12.500 €");
        let zero = estimated(Geld::of(values::Money(0)));
        assert_eq!(zero.text, "0 €");
    }
}
