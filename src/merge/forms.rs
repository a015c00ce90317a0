//! Forms that no longer match `konzept.toml`: `konzept new` writes the
//! Kommune, title, Laufzeit and the responsible office into the `Anleitung`
//! sheet of every workbook. When `konzept.toml` is changed later (the Kommune
//! renamed, the Laufzeit moved), the workbooks the groups still fill in say
//! the old; each such cell is a warning with the way to new forms.

use crate::config::Config;
use crate::diag::{Diagnostics, Location};
use crate::input::workbook::{Sheet, Workbook};
use crate::model::Meta;

const HINT: &str = "neue Formulare mit `konzept workbooks --refresh` erzeugen und an die Arbeitsgruppe schicken; die Einträge der Mappe werden trotzdem gelesen";

/// Warns at every cell of an `Anleitung` sheet that names another title,
/// Laufzeit, Kommune or office than `konzept.toml`.
pub(super) fn outdated<'a>(
    diags: &mut Diagnostics,
    c: &Config,
    meta: &Meta,
    workbooks: impl Iterator<Item = &'a Workbook>,
) {
    let subtitle = format!(
        "{} · Laufzeit {}–{}",
        meta.titel, meta.laufzeit.von, meta.laufzeit.bis
    );
    let offices: Vec<&str> = std::iter::once(meta.verantwortlich.as_str())
        .chain(c.rueckgabe.as_ref().and_then(|r| r.an.as_deref()))
        .map(str::trim)
        .collect();
    for wb in workbooks {
        let Some(sheet) = wb.sheet(&["Anleitung"]) else {
            continue;
        };
        // (cell, as found, as konzept.toml says)
        let mut differ: Vec<(String, String, String)> = Vec::new();
        let mut first: Option<(u32, u32)> = None;
        let mut note = |row: u32, col: u32, found: &str, wanted: &str| {
            first.get_or_insert((row, col));
            differ.push((crate::diag::a1(row, col), found.into(), wanted.into()));
        };
        for (row, col, text) in texts(sheet) {
            if text.contains(" · Laufzeit ") && text != subtitle {
                note(row, col, &text, &subtitle);
            } else if let Some((who, _)) = text.split_once(" erstellt ein Integrationskonzept") {
                let who = who.trim_start_matches("Die ").trim_start_matches("Der ");
                if !who.ends_with(&meta.kommune.bezeichnung) {
                    note(row, col, who, &meta.kommune.bezeichnung);
                }
            } else if matches!(text.as_str(), "Bitte zurück an:" | "Zuständig:") {
                let value = sheet.cell(row, col + 1).display();
                let value = value.trim();
                if !value.is_empty() && !offices.contains(&value) {
                    note(row, col + 1, value, offices[0]);
                }
            }
        }
        let Some((row, col)) = first else { continue };
        let list: Vec<String> = differ
            .iter()
            .map(|(cell, found, wanted)| format!("{cell} „{found}“ statt „{wanted}“"))
            .collect();
        diags
            .warning(
                Location::cell(&wb.file, &sheet.name, row, col),
                format!(
                    "diese Mappe ist ein älteres Formular: ihre Anleitung passt nicht mehr zu konzept.toml ({})",
                    list.join("; ")
                ),
            )
            .hint = Some(HINT.into());
    }
}

/// Every text cell of a sheet with its place.
fn texts(sheet: &Sheet) -> Vec<(u32, u32, String)> {
    let mut out = Vec::new();
    for r in sheet.row_range() {
        for c in sheet.col_range() {
            let v = sheet.cell(r, c);
            if !v.is_empty() {
                out.push((r, c, v.display().trim().to_string()));
            }
        }
    }
    out
}
