//! Cross-cutting themes (`[[querschnittsthema]]` in `konzept.toml`): the
//! column „Querschnittsthemen“ of the Ziele and Maßnahmen sheets tags goals
//! and measures; the document gets a section per theme listing what serves
//! it.

use super::cells::{shorten, Merger};
use super::hierarchy::bezug;
use crate::config::Config;
use crate::diag::did_you_mean;
use crate::input::normalize;
use crate::input::values;
use crate::input::workbook::Row;
use crate::model::{Feld, MassnahmeBezug, Querschnittsthema};

impl Merger<'_, '_> {
    /// The themes a row names in its column „Querschnittsthemen“, each as
    /// declared in `konzept.toml`; a warning at the cell for any other.
    pub(super) fn themes_of(&mut self, row: &Row) -> Vec<String> {
        let Some(cell) = row.text("themen") else {
            return vec![];
        };
        let mut out = Vec::new();
        for entry in values::parse_list(&cell) {
            match self
                .themes
                .iter()
                .find(|t| normalize(t) == normalize(&entry))
            {
                Some(t) if !out.contains(t) => out.push(t.clone()),
                Some(_) => {}
                None => {
                    let hint = if self.themes.is_empty() {
                        format!("das Thema in konzept.toml als [[querschnittsthema]] mit name = \"{}\" eintragen, oder die Zelle leeren", shorten(&entry))
                    } else {
                        did_you_mean(&entry, self.themes.iter().map(String::as_str))
                            .unwrap_or_else(|| {
                                format!(
                                    "bekannte Querschnittsthemen: {}; ein neues Thema in konzept.toml als [[querschnittsthema]] eintragen",
                                    self.themes.join(", ")
                                )
                            })
                    };
                    self.diags
                        .warning(
                            row.loc("themen"),
                            format!(
                                "das Querschnittsthema „{}“ ist nicht vereinbart und wird ignoriert",
                                shorten(&entry)
                            ),
                        )
                        .hint = Some(hint);
                }
            }
        }
        out
    }
}

/// One section per declared theme: the goals and measures tagged with it,
/// in field order.
pub(super) fn sections(c: &Config, felder: &[Feld]) -> Vec<Querschnittsthema> {
    c.querschnittsthema
        .iter()
        .filter(|t| !t.name.trim().is_empty())
        .map(|t| {
            let name = t.name.trim().to_string();
            Querschnittsthema {
                ziele: felder
                    .iter()
                    .flat_map(|f| {
                        f.ziele
                            .iter()
                            .filter(|z| z.themen.contains(&name))
                            .map(|z| bezug(f, z))
                    })
                    .collect(),
                massnahmen: felder
                    .iter()
                    .flat_map(|f| {
                        f.massnahmen
                            .iter()
                            .filter(|m| m.themen.contains(&name))
                            .map(|m| MassnahmeBezug {
                                nr: m.nr.clone(),
                                titel: m.titel.clone(),
                                feld: f.name.clone(),
                                feld_kurz: f.kurz.clone(),
                            })
                    })
                    .collect(),
                beschreibung: t
                    .beschreibung
                    .as_ref()
                    .map(|b| b.trim().to_string())
                    .filter(|b| !b.is_empty()),
                name,
            }
        })
        .collect()
}
