//! Is it handed in, and is it ready for the council? A working group's
//! workbook that is still the blank form counts as not handed in;
//! placeholders such as „N. N.“ or „TODO“ are warnings at their cell; and
//! once `konzept.toml` says the concept goes to the council
//! (`status = "Beschlussvorlage"` or later), fields without goals or
//! measures, a missing submission number or meeting date, and texts that
//! still name the example municipality are warnings too.

use crate::config::{Config, FILE_NAME, STATUS};
use crate::diag::{Diagnostics, Location};
use crate::input::normalize;
use crate::input::values::CellValue;
use crate::input::workbook::Workbook;
use crate::model::Feld;
use crate::schema;

/// The example municipality of `konzept new --example` and of the forms.
const EXAMPLE_MUNICIPALITY: &str = "Musterstadt";

/// Sheets of the forms that only explain or hold the dropdown lists.
const HELP_SHEETS: [&str; 2] = ["Anleitung", "Listen"];

/// Whether a whole cell is a placeholder someone typed for „fill in later“:
/// „N. N.“, „NN“, „XY“, „xxx“, „TODO“, „?“, „…“ (also „TODO: …“).
pub(super) fn is_placeholder(text: &str) -> bool {
    let t = text.trim();
    if t.is_empty() {
        return false;
    }
    if t.chars().all(|c| matches!(c, '?' | '…' | '.' | ' ')) {
        return true;
    }
    let lower = t.to_lowercase();
    if lower.starts_with("todo") && !lower[4..].starts_with(|c: char| c.is_alphanumeric()) {
        return true;
    }
    let compact: String = lower
        .chars()
        .filter(|c| !matches!(c, '.' | ' ' | '-' | '_'))
        .collect();
    matches!(compact.as_str(), "nn" | "xy" | "xyz" | "tbd" | "tba")
        || (compact.len() >= 3 && compact.chars().all(|c| c == 'x'))
}

/// A warning at every cell of `wb` that holds only a placeholder (the sheets
/// that explain the form are left out).
pub(super) fn placeholders(diags: &mut Diagnostics, wb: &Workbook) {
    for sheet in &wb.sheets {
        if HELP_SHEETS
            .iter()
            .any(|h| normalize(h) == normalize(&sheet.name))
        {
            continue;
        }
        for r in sheet.row_range() {
            for c in sheet.col_range() {
                let CellValue::Text(t) = sheet.cell(r, c) else {
                    continue;
                };
                if is_placeholder(t) {
                    diags
                        .warning(
                            Location::cell(&wb.file, &sheet.name, r, c),
                            format!(
                                "„{}“ ist ein Platzhalter, keine Angabe",
                                t.trim().chars().take(40).collect::<String>()
                            ),
                        )
                        .hint = Some(
                        "die richtige Angabe eintragen (z. B. den Namen der Person) oder die Zelle leeren"
                            .into(),
                    );
                }
            }
        }
    }
}

/// What a working group's workbook still lacks when it is not handed in
/// yet (the parts are named in the message).
pub(super) struct Blank {
    pub missing: Vec<&'static str>,
}

/// The one warning for a workbook that is not handed in yet.
pub(super) fn blank_form(diags: &mut Diagnostics, wb: &Workbook, field: &str, blank: &Blank) {
    let state = if blank.missing.len() == 4 {
        "ist noch das leere Formular".to_string()
    } else {
        format!("enthält noch keine {}", join_and(&blank.missing))
    };
    diags
        .warning(
            Location::file(&wb.file),
            format!("die Arbeitsmappe für „{field}“ {state} und gilt als nicht abgegeben"),
        )
        .hint = Some(format!(
        "es fehlen {}; die Arbeitsgruppe füllt die Blätter „Arbeitsgruppe“, „Mitglieder“, „Ziele“ und „Maßnahmen“ aus und gibt die Mappe zurück – bis dahin vermerkt das Konzept, dass das Handlungsfeld noch bearbeitet wird",
        join_and(&blank.missing)
    ));
}

/// „Leitung, Mitglieder und Ziele“.
fn join_and(parts: &[&str]) -> String {
    match parts {
        [] => String::new(),
        [one] => (*one).to_string(),
        [rest @ .., last] => format!("{} und {last}", rest.join(", ")),
    }
}

/// Whether the concept is meant for the council (`Beschlussvorlage` or a
/// later status).
pub(super) fn for_council(c: &Config) -> bool {
    STATUS
        .iter()
        .position(|s| normalize(s) == normalize(&c.dokument.status))
        .is_some_and(|i| i >= 1)
}

/// The checks for a concept that goes to the council.
pub(super) fn council_ready(
    diags: &mut Diagnostics,
    c: &Config,
    felder: &[Feld],
    steuerung: Option<&Workbook>,
) {
    if !for_council(c) {
        return;
    }
    let status = &c.dokument.status;
    for f in felder.iter().filter(|f| f.bearbeitet) {
        let file = f.datei.clone().unwrap_or_default();
        for (empty, sheet, what) in [
            (f.ziele.is_empty(), schema::ZIELE.name, "keine Ziele"),
            (
                f.massnahmen.is_empty(),
                schema::MASSNAHMEN.name,
                "keine Maßnahmen",
            ),
        ] {
            if empty {
                diags
                    .warning(
                        Location::sheet(&file, sheet),
                        format!("das Handlungsfeld „{}“ hat {what}, die Vorlage geht aber mit Status „{status}“ an den Rat", f.name),
                    )
                    .hint = Some(format!(
                    "die Arbeitsgruppe ergänzt das Blatt „{sheet}“, oder `status = \"Entwurf\"` in konzept.toml, bis alles da ist"
                ));
            }
        }
    }
    let key = |k: &str| Location {
        file: Some(FILE_NAME.into()),
        cell: Some(k.into()),
        ..Default::default()
    };
    if c.dokument.vorlage.is_none() {
        diags
            .warning(
                key("dokument.vorlage"),
                format!("die Nummer der Beschlussvorlage fehlt (Status „{status}“)"),
            )
            .hint = Some(
            "in konzept.toml unter [dokument] eintragen, z. B. vorlage = \"Drucksache 2027/015\""
                .into(),
        );
    }
    if c.dokument.sitzung.is_none() {
        diags
            .warning(
                key("dokument.sitzung"),
                format!("das Datum der Ratssitzung fehlt (Status „{status}“)"),
            )
            .hint =
            Some("in konzept.toml unter [dokument] eintragen, z. B. sitzung = 2027-03-18".into());
    }
    example_municipality(diags, c, steuerung);
}

/// Texts that still name „Musterstadt“ in a project for another Kommune:
/// the texts of konzept.toml and the sheet „Texte“ of the steering group.
fn example_municipality(diags: &mut Diagnostics, c: &Config, steuerung: Option<&Workbook>) {
    let example = normalize(EXAMPLE_MUNICIPALITY);
    if normalize(&c.kommune.name).contains(&example) {
        return;
    }
    // „Musterstadt“ and „Musterstädter(innen)“.
    let names = |t: &str| {
        let n = normalize(t);
        n.contains(&example) || n.contains("musterstaedt")
    };
    let kommune = &c.kommune.name;
    let message = format!("der Text nennt noch „{EXAMPLE_MUNICIPALITY}“, die Beispielkommune; das Konzept ist für „{kommune}“");
    let d = &c.dokument;
    let mut toml_texts: Vec<(String, &str)> = vec![
        ("dokument.titel".into(), d.titel.as_str()),
        ("dokument.verantwortlich".into(), d.verantwortlich.as_str()),
    ];
    for (k, v) in [
        ("dokument.untertitel", &d.untertitel),
        ("dokument.kurztitel", &d.kurztitel),
        ("dokument.gremium", &d.gremium),
    ] {
        if let Some(v) = v {
            toml_texts.push((k.into(), v.as_str()));
        }
    }
    for (i, b) in c.beratung.iter().enumerate() {
        toml_texts.push((format!("beratung {} › gremium", i + 1), b.gremium.as_str()));
    }
    for (key, text) in toml_texts {
        if names(text) {
            diags
                .warning(
                    Location {
                        file: Some(FILE_NAME.into()),
                        cell: Some(key),
                        ..Default::default()
                    },
                    message.clone(),
                )
                .hint = Some(format!(
                "„{EXAMPLE_MUNICIPALITY}“ durch „{kommune}“ ersetzen"
            ));
        }
    }
    let Some(wb) = steuerung else { return };
    let Some(sheet) = wb.sheet(&schema::TEXTE.names()) else {
        return;
    };
    for r in sheet.row_range() {
        for col in sheet.col_range() {
            if let CellValue::Text(t) = sheet.cell(r, col) {
                if names(t) {
                    diags
                        .warning(Location::cell(&wb.file, &sheet.name, r, col), message.clone())
                        .hint = Some(format!(
                        "den Text für „{kommune}“ umschreiben; er steht so im Konzept und in der Beschlussvorlage"
                    ));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn placeholders_are_whole_cells() {
        for p in [
            "N. N.",
            "N.N.",
            "NN",
            "nn",
            "XY",
            "xxx",
            "XXXX",
            "TODO",
            "todo: Text",
            "?",
            "???",
            "…",
            "...",
            "tbd",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for t in [
            "Anna Schmidt",
            "Nina Neumann",
            "Xylophon-Kurs",
            "Todos Santos e. V.",
            "Wer macht mit?",
            "x",
            "",
            "B1",
        ] {
            assert!(!is_placeholder(t), "{t}");
        }
    }

    #[test]
    fn parts_joined_in_german() {
        assert_eq!(join_and(&["Leitung"]), "Leitung");
        assert_eq!(
            join_and(&["Leitung", "Mitglieder", "Ziele"]),
            "Leitung, Mitglieder und Ziele"
        );
    }
}
