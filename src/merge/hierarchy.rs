//! The goal hierarchy: the sheet „Oberziele“ of the steering workbook
//! (Leit- or Wirkungsziele, each for one field or for the whole concept), the
//! Oberziel a goal names (column „Oberziel“ of a Ziele sheet), the goals a
//! Leitlinie leads to (column „Ziele“ of the Leitlinien sheet), and the
//! overview of the hierarchy the document prints.

use super::cells::{shorten, Merger, Outline, TopGoal};
use crate::diag::{did_you_mean, Diagnostics, Location};
use crate::input::markdown;
use crate::input::values;
use crate::input::workbook::{Row, Workbook};
use crate::model::{Feld, Leitlinie, Oberziel, ZielBezug};
use crate::schema;
use std::collections::HashMap;

/// A number as compared: no spaces, no trailing dot, case folded.
fn key(n: &str) -> String {
    let compact: String = n.split_whitespace().collect();
    compact.trim_end_matches('.').to_lowercase()
}

impl Merger<'_, '_> {
    /// Reads the sheet „Oberziele“ of the steering workbook, if there is one.
    pub(super) fn top_goals(&mut self, wb: &Workbook) {
        let Some(table) = self.table(wb, &schema::OBERZIELE, false) else {
            return;
        };
        self.outline.sheet = true;
        let mut seen: HashMap<String, Location> = HashMap::new();
        for row in table.rows() {
            let nr = self.req_text(&row, "nr", "Nr");
            let titel = self.req_text(&row, "oberziel", "Oberziel");
            let feld = row.text("feld").and_then(|v| {
                let f = self.resolve_field(&v);
                if f.is_none() {
                    let hint = self.field_hint(&v);
                    self.diags
                        .error(
                            row.loc("feld"),
                            format!("Handlungsfeld „{}“ ist nicht konfiguriert", shorten(&v)),
                        )
                        .hint = Some(format!(
                        "{hint}; leer lassen, wenn das Oberziel für das ganze Konzept gilt"
                    ));
                }
                f
            });
            let (Some(nr), Some(titel)) = (nr, titel) else {
                continue;
            };
            let nr = nr.trim().trim_end_matches('.').to_string();
            if let Some(first) = seen.get(&key(&nr)) {
                self.diags
                    .error(
                        row.loc("nr"),
                        format!(
                            "die Nummer „{nr}“ des Oberziels ist doppelt vergeben (zuerst in {})",
                            first.cell.clone().unwrap_or_default()
                        ),
                    )
                    .hint = Some("jedem Oberziel eine eigene Nummer geben".into());
                continue;
            }
            seen.insert(key(&nr), row.loc("nr"));
            self.outline.top_goals.push(TopGoal {
                nr,
                titel,
                erlaeuterung: row.text("erlaeuterung").map(|t| markdown::parse(&t)),
                feld,
            });
        }
    }

    /// The Oberziel a goal of the field `field` names in its column
    /// „Oberziel“, as numbered in the sheet „Oberziele“; an error at the cell
    /// if there is no such Oberziel, a warning if it belongs to another field.
    pub(super) fn top_goal_of(&mut self, row: &Row, field: Option<usize>) -> Option<String> {
        let v = row.text("oberziel")?;
        let loc = row.loc("oberziel");
        if !self.outline.sheet {
            self.diags
                .error(
                    loc,
                    format!("das Ziel nennt das Oberziel „{}“, es gibt aber kein Blatt „Oberziele“", shorten(&v)),
                )
                .hint = Some("in steuerung.xlsx ein Blatt „Oberziele“ mit den Spalten Nr, Oberziel, Handlungsfeld und Erläuterung anlegen und die Oberziele eintragen, oder die Spalte „Oberziel“ leer lassen".into());
            return None;
        }
        let Some(top) = self
            .outline
            .top_goals
            .iter()
            .find(|t| key(&t.nr) == key(&v))
        else {
            let known: Vec<&str> = self
                .outline
                .top_goals
                .iter()
                .map(|t| t.nr.as_str())
                .collect();
            self.diags
                .error(loc, format!("das Oberziel „{}“ gibt es nicht", shorten(&v)))
                .hint = Some(format!(
                "die Nummer eines Oberziels aus dem Blatt „Oberziele“ der Steuerungsgruppe eintragen{}",
                if known.is_empty() {
                    String::new()
                } else {
                    format!(" (vorhanden: {})", known.join(", "))
                }
            ));
            return None;
        };
        if let (Some(own), Some(other)) = (field, top.feld) {
            if own != other {
                self.diags
                    .warning(
                        loc,
                        format!(
                            "das Oberziel {} gehört zum Handlungsfeld „{}“, dieses Ziel aber zu „{}“",
                            top.nr, self.fields[other].name, self.fields[own].name
                        ),
                    )
                    .hint = Some("die Nummer prüfen, oder im Blatt „Oberziele“ das Handlungsfeld leeren, wenn das Oberziel für das ganze Konzept gilt".into());
            }
        }
        Some(top.nr.clone())
    }

    /// The goals a Leitlinie names (checked once all goals are read).
    pub(super) fn guideline_goals(&mut self, row: &Row) -> Vec<String> {
        let list = row
            .text("ziele")
            .map(|z| values::parse_list(&z))
            .unwrap_or_default();
        self.outline
            .guideline_refs
            .push((list.clone(), row.loc("ziele")));
        list
    }
}

/// Resolves the goals the Leitlinien name to goal numbers („B1“) or
/// Oberziele; a warning at the cell for a number that is neither.
pub(super) fn check_guidelines(
    diags: &mut Diagnostics,
    outline: &Outline,
    leitlinien: &mut [Leitlinie],
    felder: &[Feld],
) {
    let goals: Vec<&str> = felder
        .iter()
        .flat_map(|f| f.ziele.iter().map(|z| z.nr.as_str()))
        .collect();
    for (l, (list, loc)) in leitlinien.iter_mut().zip(&outline.guideline_refs) {
        let mut ziele = Vec::new();
        for entry in list {
            if let Some(g) = goals.iter().find(|g| key(g) == key(entry)) {
                ziele.push(g.to_string());
            } else if let Some(t) = outline.top_goals.iter().find(|t| key(&t.nr) == key(entry)) {
                ziele.push(format!("Oberziel {}", t.nr));
            } else {
                diags
                    .warning(
                        loc.clone(),
                        format!(
                            "die Leitlinie {} nennt das Ziel „{}“, das es nicht gibt",
                            l.nr,
                            shorten(entry)
                        ),
                    )
                    .hint = did_you_mean(entry, goals.iter().copied()).or_else(|| {
                    Some("die Nummer eines Ziels mit dem Kürzel seines Handlungsfelds (z. B. B1) oder eines Oberziels eintragen".into())
                });
            }
        }
        l.ziele = ziele;
    }
}

/// The overview of the hierarchy: each Oberziel with the goals that name it
/// (in field order) and their measures, and the Leitlinien leading to it.
pub(super) fn overview(
    outline: &Outline,
    fields: &[crate::config::Handlungsfeld],
    felder: &[Feld],
    leitlinien: &[Leitlinie],
) -> Vec<Oberziel> {
    outline
        .top_goals
        .iter()
        .map(|t| {
            let ziele: Vec<ZielBezug> = felder
                .iter()
                .flat_map(|f| {
                    f.ziele
                        .iter()
                        .filter(|z| z.oberziel.as_deref() == Some(t.nr.as_str()))
                        .map(|z| bezug(f, z))
                })
                .collect();
            let leitlinien = leitlinien
                .iter()
                .filter(|l| {
                    l.ziele.iter().any(|n| {
                        *n == format!("Oberziel {}", t.nr) || ziele.iter().any(|z| z.nr == *n)
                    })
                })
                .map(|l| l.nr.clone())
                .collect();
            Oberziel {
                nr: t.nr.clone(),
                titel: t.titel.clone(),
                erlaeuterung: t.erlaeuterung.clone(),
                feld: t.feld.map(|i| fields[i].name.clone()),
                feld_kurz: t.feld.map(|i| fields[i].kurz.clone()),
                ziele,
                leitlinien,
            }
        })
        .collect()
}

/// A goal as the overviews list it.
pub(super) fn bezug(f: &Feld, z: &crate::model::Ziel) -> ZielBezug {
    ZielBezug {
        nr: z.nr.clone(),
        ziel: z.ziel.clone(),
        feld: f.name.clone(),
        feld_kurz: f.kurz.clone(),
        massnahmen: z.massnahmen.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_compare_loosely() {
        assert_eq!(key(" 2. "), "2");
        assert_eq!(key("O 1"), key("o1"));
        assert_ne!(key("1"), key("11"));
    }
}
