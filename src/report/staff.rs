//! Staff in the report: the Stellen (VZÄ) a measure of the adopted concept
//! plans for the report year, the Stellen the status workbooks report as
//! filled („Stellen besetzt (VZÄ)“), and the table „Stellen geplant /
//! besetzt“ per field that the report prints.
//!
//! A measure's Stellen count in every year of its period, the Laufzeit
//! where Beginn or Ende is open — the rule of the concept's staff plan
//! (`merge::staff`), here read from the serialised model of the snapshot.

use crate::input::values::{format_number, CellValue, Rejected};
use serde::Serialize;
use serde_json::Value;
use std::collections::BTreeMap;

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_string()
}

/// The concept's Laufzeit: (first year, last year).
pub(super) fn laufzeit(concept: &Value) -> (i32, i32) {
    let lz = &concept["meta"]["laufzeit"];
    let von = lz["von"].as_i64().unwrap_or(0) as i32;
    let bis = lz["bis"].as_i64().map_or(von, |b| b as i32);
    (von, bis)
}

/// The year of a date in the model („2026-01-01“).
fn year(v: &Value) -> Option<i32> {
    v.as_str()?.get(..4)?.parse().ok()
}

/// The Stellen (VZÄ) the measure `m` plans for `jahr`; `None` when it
/// plans none or its period does not include the year.
pub(super) fn planned(m: &Value, jahr: i32, laufzeit: (i32, i32)) -> Option<f64> {
    let wert = m["stellen"]["wert"].as_f64().filter(|w| *w > 0.0)?;
    let first = year(&m["beginn"]["von"]).unwrap_or(laufzeit.0);
    let last = match &m["ende"] {
        e if e["offen"] == true || e.is_null() => laufzeit.1,
        e => year(&e["bis"]).unwrap_or(laufzeit.1),
    };
    (first..=last.max(first)).contains(&jahr).then_some(wert)
}

/// Reads a cell of „Stellen besetzt (VZÄ)“: a number of full-time
/// equivalents, not negative (the concept's rule for Stellen).
pub(super) fn parse(cell: &CellValue) -> Result<f64, Rejected> {
    crate::merge::parse_staff(cell)
        .map(|z| z.wert)
        .map_err(|_| {
            Rejected::new(
                "Vollzeitstellen (VZÄ) als Zahl wie 1 oder 0,5",
                "die besetzten Stellen als Zahl eintragen, eine halbe Stelle als 0,5, ohne „VZÄ“ dahinter; keine besetzt: 0",
            )
        })
}

/// VZÄ as German text: „1,5“.
pub(super) fn vzae(x: f64) -> String {
    format_number(x, 2)
}

/// „Stellen geplant / besetzt“: the Stellen of the report year per field.
#[derive(Debug, Clone, Default, Serialize)]
pub struct Stellen {
    /// Whether some measure plans Stellen for the report year.
    pub vorhanden: bool,
    /// Whether some workbook reported filled Stellen.
    pub gemeldet: bool,
    pub felder: Vec<StellenFeld>,
    /// The planned sum as text: „13,5“.
    pub summe: String,
    /// The filled sum as text.
    pub summe_besetzt: String,
    /// Filled of planned: „88,9 %“.
    pub anteil: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct StellenFeld {
    pub name: String,
    pub kurz: String,
    /// Planned VZÄ as text.
    pub geplant: String,
    /// Filled VZÄ as text, „–“ when the field's workbook reported none.
    pub besetzt: String,
    /// Filled of planned, „–“ when nothing was reported.
    pub anteil: String,
}

fn share(part: f64, whole: f64) -> String {
    if whole <= 0.0 {
        return "–".into();
    }
    format!("{} %", format_number(part * 100.0 / whole, 1))
}

/// The staff table of the report year from the snapshot and the returned
/// workbooks (`reported`: field letter → the Stellen besetzt its workbook
/// gives).
pub(super) fn figures(
    concept: &Value,
    reported: &BTreeMap<String, Vec<f64>>,
    jahr: i32,
) -> Stellen {
    let lz = laufzeit(concept);
    let (mut plan, mut filled, mut gemeldet) = (0.0, 0.0, false);
    let mut out = Vec::new();
    for f in concept["felder"].as_array().into_iter().flatten() {
        let kurz = text(&f["kurz"]);
        let measures = f["massnahmen"].as_array().into_iter().flatten();
        let fplan: f64 = measures.clone().filter_map(|m| planned(m, jahr, lz)).sum();
        let reported = reported.get(&kurz).cloned().unwrap_or_default();
        let ffilled: f64 = reported.iter().sum();
        if fplan <= 0.0 && reported.is_empty() {
            continue;
        }
        plan += fplan;
        filled += ffilled;
        gemeldet |= !reported.is_empty();
        out.push(StellenFeld {
            name: text(&f["name"]),
            kurz,
            geplant: vzae(fplan),
            besetzt: if reported.is_empty() {
                "–".into()
            } else {
                vzae(ffilled)
            },
            anteil: if reported.is_empty() {
                "–".into()
            } else {
                share(ffilled, fplan)
            },
        });
    }
    Stellen {
        vorhanden: plan > 0.0,
        gemeldet,
        felder: out,
        summe: vzae(plan),
        summe_besetzt: if gemeldet { vzae(filled) } else { "–".into() },
        anteil: if gemeldet {
            share(filled, plan)
        } else {
            "–".into()
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_measures_stellen_count_in_the_years_of_its_period() {
        let lz = (2026, 2030);
        let m = json!({
            "stellen": {"wert": 0.5},
            "beginn": {"von": "2027-04-01"},
            "ende": {"bis": "2028-12-31", "offen": false},
        });
        assert_eq!(planned(&m, 2026, lz), None);
        assert_eq!(planned(&m, 2027, lz), Some(0.5));
        assert_eq!(planned(&m, 2028, lz), Some(0.5));
        assert_eq!(planned(&m, 2029, lz), None);
        // Open end and no Beginn: the whole Laufzeit.
        let open = json!({"stellen": {"wert": 2.0}, "beginn": null, "ende": {"offen": true}});
        assert_eq!(planned(&open, 2026, lz), Some(2.0));
        assert_eq!(planned(&open, 2030, lz), Some(2.0));
        assert_eq!(planned(&json!({"stellen": null}), 2028, lz), None);
    }

    #[test]
    fn staff_cells() {
        assert_eq!(parse(&CellValue::Text("1,5".into())).unwrap(), 1.5);
        assert_eq!(parse(&CellValue::Number(2.0)).unwrap(), 2.0);
        assert!(parse(&CellValue::Number(-1.0)).is_err());
        assert!(parse(&CellValue::Text("zwei".into())).is_err());
        assert_eq!(share(3.0, 4.0), "75 %");
        assert_eq!(share(1.0, 0.0), "–");
    }
}
