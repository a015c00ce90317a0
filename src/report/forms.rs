//! `konzept report new`: freezes the adopted concept (once) and writes one
//! status workbook per field, pre-filled from it: the measures with their
//! plan (locked, grey) and the columns to fill in (yellow, with dropdowns
//! and comments), the indicators with a column pair per year, carrying over
//! the values of the previous round. Existing workbooks stay as they are.

use super::intake::{read_round, round_dir, shown, text, FieldInput};
use super::{snapshot, staff, Status, FOLDER, SHEET_INDICATORS, SHEET_MEASURES};
use crate::diag::{Diagnostics, Location};
use crate::new::{cell_lines, row_height};
use crate::output::write_atomic;
use chrono::NaiveDate;
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, Format, FormatAlign, FormatBorder,
    Note, Workbook, Worksheet, XlsxError,
};
use serde_json::Value;
use std::path::{Path, PathBuf};

const ACCENT: u32 = 0x005CA9;
const LOCKED: u32 = 0xEDEDED;
const INPUT: u32 = 0xFFF2CC;
const RULE: u32 = 0xBFBFBF;

/// What `konzept report new` did.
#[derive(Debug, Default)]
pub struct NewRound {
    /// Whether this run froze the adopted concept.
    pub snapshot_written: bool,
    pub written: Vec<PathBuf>,
    /// Workbooks that were there already (left unchanged).
    pub kept: Vec<PathBuf>,
    pub diagnostics: Diagnostics,
}

/// Starts the report round of `jahr` in the project `root`.
pub fn new_round(root: &Path, jahr: i32) -> NewRound {
    let mut out = NewRound::default();
    let concept = if snapshot::path(root).exists() {
        snapshot::read(root, &mut out.diagnostics)
    } else {
        freeze(root, &mut out)
    };
    let Some(concept) = concept else {
        return out;
    };
    let von = concept["meta"]["laufzeit"]["von"]
        .as_i64()
        .unwrap_or(i64::from(jahr)) as i32;
    if jahr < von {
        out.diagnostics
            .error(
                Location::default(),
                format!("das Berichtsjahr {jahr} liegt vor dem Beginn der Laufzeit ({von})"),
            )
            .hint = Some(format!(
            "ein Jahr ab {von} angeben, z. B. --jahr {}",
            von + 1
        ));
        return out;
    }
    let dir = round_dir(root, jahr);
    if let Err(e) = std::fs::create_dir_all(&dir) {
        out.diagnostics.error(
            Location::file(format!("{FOLDER}/{jahr}")),
            format!("der Ordner kann nicht angelegt werden: {e}"),
        );
        return out;
    }
    // The latest earlier round gives the indicator values carried over.
    let earlier = (von..jahr).rev().find(|y| round_dir(root, *y).is_dir());
    let previous = earlier.map(|y| {
        let end = NaiveDate::from_ymd_opt(y, 12, 31).expect("valid date");
        read_round(root, y, &concept, end, &mut Diagnostics::new())
    });
    for field in concept["felder"].as_array().into_iter().flatten() {
        let kurz = text(&field["kurz"]);
        let path = dir.join(super::workbook_name(&kurz));
        if path.exists() {
            out.kept.push(path);
            continue;
        }
        let carried = previous
            .as_ref()
            .and_then(|p| p.iter().find(|f| f.kurz == kurz));
        let bytes = status_workbook(&concept, field, jahr, von, carried);
        let result = bytes
            .map_err(|e| e.to_string())
            .and_then(|b| write_atomic(&path, &b).map_err(|e| e.to_string()));
        match result {
            Ok(()) => out.written.push(path),
            Err(e) => {
                out.diagnostics.error(
                    Location::file(shown(jahr, &super::workbook_name(&kurz))),
                    format!("die Mappe kann nicht geschrieben werden: {e}"),
                );
            }
        }
    }
    out
}

/// Freezes the concept as it is now; `None` (with the problems) when it
/// cannot be read without errors.
fn freeze(root: &Path, out: &mut NewRound) -> Option<Value> {
    let checked = crate::pipeline::check(root);
    let errors = checked.diagnostics.has_errors();
    out.diagnostics.extend(checked.diagnostics);
    let konzept = checked.konzept.filter(|_| !errors);
    let Some(konzept) = konzept else {
        out.diagnostics
            .error(
                Location::default(),
                "das Konzept kann nicht als beschlossener Stand festgehalten werden, weil es Fehler hat",
            )
            .hint = Some("die Fehler oben beheben (konzept check) und den Befehl wiederholen".into());
        return None;
    };
    let model = serde_json::to_value(&konzept).expect("model serialises");
    if let Err(e) = std::fs::create_dir_all(root.join(FOLDER))
        .and_then(|()| write_atomic(&snapshot::path(root), &snapshot::encode(&model)))
    {
        out.diagnostics.error(
            Location::file(snapshot::shown()),
            format!("die Datei kann nicht geschrieben werden: {e}"),
        );
        return None;
    }
    out.snapshot_written = true;
    Some(model)
}

struct Styles {
    /// The author of the headers' notes: the office responsible, as in the
    /// concept's forms (not „konzept“: `check --annotate` replaces konzept's
    /// own comments).
    author: String,
    title: Format,
    para: Format,
    strong: Format,
    head_locked: Format,
    head_input: Format,
    locked: Format,
    input: Format,
    input_date: Format,
    input_money: Format,
}

impl Styles {
    fn new(author: String) -> Self {
        let cell = |f: Format| {
            f.set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_border(FormatBorder::Thin)
                .set_border_color(Color::RGB(RULE))
        };
        let input = cell(
            Format::new()
                .set_background_color(Color::RGB(INPUT))
                .set_unlocked(),
        );
        Styles {
            author,
            title: Format::new()
                .set_bold()
                .set_font_size(16)
                .set_font_color(Color::RGB(ACCENT)),
            para: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            strong: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top),
            head_locked: cell(
                Format::new()
                    .set_bold()
                    .set_background_color(Color::RGB(LOCKED)),
            ),
            head_input: cell(
                Format::new()
                    .set_bold()
                    .set_font_color(Color::White)
                    .set_background_color(Color::RGB(ACCENT)),
            ),
            locked: cell(Format::new().set_background_color(Color::RGB(LOCKED))),

            input_date: input.clone().set_num_format("dd.mm.yyyy"),
            input_money: input.clone().set_num_format("#,##0 \"€\""),
            input,
        }
    }
}

/// One field's status workbook.
fn status_workbook(
    concept: &Value,
    field: &Value,
    jahr: i32,
    von: i32,
    carried: Option<&FieldInput>,
) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new(text(&concept["meta"]["verantwortlich"]));
    let mut wb = Workbook::new();
    let kommune = text(&concept["meta"]["kommune"]["bezeichnung"]);
    let name = text(&field["name"]);
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("Sachstand {jahr} – {name}"))
            .set_author(text(&concept["meta"]["verantwortlich"]))
            .set_company(&kommune)
            // Fixed, so that the same round writes the same bytes.
            .set_creation_datetime(&rust_xlsxwriter::ExcelDateTime::from_ymd(
                jahr as u16,
                1,
                1,
            )?),
    );
    let lz = staff::laufzeit(concept);
    guide(
        wb.add_worksheet(),
        &st,
        concept,
        field,
        jahr,
        staffed(field, jahr, lz),
    )?;
    measures_sheet(wb.add_worksheet(), &st, field, (jahr, lz), carried)?;
    indicators_sheet(wb.add_worksheet(), &st, field, jahr, von, carried)?;
    wb.save_to_buffer()
}

fn guide(
    ws: &mut Worksheet,
    st: &Styles,
    concept: &Value,
    field: &Value,
    jahr: i32,
    staffed: bool,
) -> Result<(), XlsxError> {
    ws.set_name("Anleitung")?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    let titel = text(&concept["meta"]["titel"]);
    ws.write_with_format(
        0,
        0,
        format!("Sachstand {jahr}: {}", text(&field["name"])),
        &st.title,
    )?;
    ws.write_with_format(1, 0, titel.as_str(), &st.para)?;
    let status: String = Status::ALL
        .iter()
        .map(|s| format!("{} {}", s.symbol(), s.label()))
        .collect::<Vec<_>>()
        .join(" · ");
    let locked = if staffed {
        "Nr, Maßnahme, Federführung, Zeitraum, Kosten geplant, Stellen geplant (VZÄ)"
    } else {
        "Nr, Maßnahme, Federführung, Zeitraum, Kosten geplant"
    };
    let mut rows: Vec<(&str, String)> = vec![
        ("Wofür?", format!(
            "Der Rat hat das Integrationskonzept beschlossen. Einmal im Jahr berichtet die Verwaltung, wie weit die \
             Maßnahmen umgesetzt sind und wie sich die Indikatoren entwickeln. Bitte tragen Sie den Stand zum \
             31.12.{jahr} ein; konzept erstellt daraus den Sachstandsbericht und die Mitteilungsvorlage."
        )),
        ("Blatt „Maßnahmen“", format!("Eine Zeile je Maßnahme des beschlossenen Konzepts. Die grauen Spalten ({locked}) \
             stammen aus dem Beschluss und sind gesperrt. Gelb sind die Felder zum Ausfüllen; ein Kommentar an jeder \
             Überschrift erklärt sie.")),
        ("Status", format!("Aus der Auswahlliste: {status}. Bei „verzögert“ und „entfallen“ ist eine Erläuterung Pflicht.")),
        ("Stand", "Datum, zu dem der Sachstand gilt, z. B. 30.11.2028, 11/2028 oder Q4 2028. Nicht nach dem Stichtag.".into()),
        ("Mittel verausgabt", "Bis zum Stand insgesamt ausgegebene Mittel, z. B. 12.500 €, 12,5 T€ oder 12500. \
             Liegt der Betrag mehr als 10 % über dem Plan, bitte in der Erläuterung begründen.".into()),
        ("Erläuterung", "Gründe für Verzögerung, Wegfall oder Mehrkosten; auch sonst willkommen.".into()),
        ("Stellen besetzt (VZÄ)", format!(
            "Nur bei Maßnahmen, für die das Konzept {jahr} Stellen vorsieht (Spalte „Stellen geplant (VZÄ)“): die zum \
             Stichtag tatsächlich besetzten Vollzeitstellen, z. B. 1 oder 0,5 für eine halbe Stelle. Der Wert des \
             Vorjahres ist übernommen; bitte prüfen. Sind mehr Stellen besetzt als geplant, bitte in der Erläuterung \
             begründen."
        )),
        ("Nächste Schritte", "Was bis zum nächsten Bericht geschehen soll.".into()),
        ("Blatt „Indikatoren“", format!(
            "Je Ziel der Indikator mit Ausgangs- und Zielwert. Für jedes Jahr bis {jahr} gibt es die Spalten „Ist“ \
             (gemessener Wert als Zahl, ohne Einheit) und „Quelle“. Werte früherer Jahre sind übernommen; \
             tragen Sie nur das neue Jahr ein."
        )),
        ("Rückgabe", "Die Datei unter ihrem Namen (im Format .xlsx) speichern und an die Geschäftsstelle der \
             Steuerungsgruppe zurückgeben – per E-Mail oder, wenn Sie von der Koordination einen Link \
             bekommen haben, auf der Seite Ihrer Arbeitsgruppe unter „Sachstandsbericht“ hochladen; \
             dort sehen Sie sofort, ob etwas fehlt. Blätter, Spalten und Zeilen bitte nicht umbenennen \
             oder verschieben.".into()),
    ];
    if !staffed {
        rows.retain(|(k, _)| !k.starts_with("Stellen"));
    }
    for (i, (k, v)) in rows.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_with_format(r, 0, *k, &st.strong)?;
        ws.write_with_format(r, 1, v.as_str(), &st.para)?;
        ws.set_row_height(r, row_height(cell_lines(v, 90.0).max(cell_lines(k, 22.0))))?;
    }
    ws.set_row_height(0, 24)?;
    Ok(())
}

fn header(
    ws: &mut Worksheet,
    col: u16,
    name: &str,
    width: f64,
    input: bool,
    note: &str,
    st: &Styles,
) -> Result<(), XlsxError> {
    let f = if input {
        &st.head_input
    } else {
        &st.head_locked
    };
    ws.write_with_format(0, col, name, f)?;
    ws.set_column_width(col, width)?;
    ws.insert_note(0, col, &Note::new(note).set_author(&st.author))?;
    Ok(())
}

/// The columns of the Maßnahmen sheet: (header, width, to fill in, comment).
fn measure_columns(staffed: bool) -> Vec<(&'static str, f64, bool, &'static str)> {
    let mut cols = vec![
        ("Nr", 7.0, false, "Nummer der Maßnahme im beschlossenen Konzept (gesperrt)."),
        ("Maßnahme", 34.0, false, "Titel der Maßnahme (gesperrt)."),
        ("Federführung", 24.0, false, "Federführende Stelle laut Konzept (gesperrt)."),
        ("Zeitraum", 20.0, false, "Geplanter Zeitraum laut Konzept (gesperrt)."),
        ("Kosten geplant", 14.0, false, "Geplante Gesamtkosten laut Konzept (gesperrt)."),
        ("Status", 16.0, true, "Pflicht: umgesetzt, in Umsetzung, verzögert, nicht begonnen oder entfallen (Auswahlliste)."),
        ("Stand", 12.0, true, "Datum des Sachstands, z. B. 30.11.2028 oder 11/2028; nicht nach dem Stichtag."),
        ("Mittel verausgabt", 15.0, true, "Bis zum Stand ausgegebene Mittel in Euro, z. B. 12.500 € oder 12,5 T€."),
        ("Erläuterung", 40.0, true, "Pflicht bei „verzögert“ und „entfallen“; auch bei mehr als 10 % über Plan."),
        ("Nächste Schritte", 36.0, true, "Was bis zum nächsten Bericht geschieht."),
    ];
    if staffed {
        cols.insert(5, ("Stellen geplant (VZÄ)", 12.0, false, "Stellen, die das Konzept für die Maßnahme im Berichtsjahr vorsieht, in Vollzeitstellen (gesperrt)."));
        cols.insert(9, ("Stellen besetzt (VZÄ)", 12.0, true, "Nur wo Stellen geplant sind: zum Stichtag besetzte Vollzeitstellen der Maßnahme, z. B. 1 oder 0,5. Der Wert des Vorjahres ist übernommen; bitte prüfen."));
    }
    cols
}

/// Whether some measure of the field plans Stellen for the report year
/// (then the sheet has the two Stellen columns).
fn staffed(field: &Value, jahr: i32, lz: (i32, i32)) -> bool {
    field["massnahmen"]
        .as_array()
        .into_iter()
        .flatten()
        .any(|m| staff::planned(m, jahr, lz).is_some())
}

fn measures_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    field: &Value,
    (jahr, lz): (i32, (i32, i32)),
    carried: Option<&FieldInput>,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_MEASURES)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let staffed = staffed(field, jahr, lz);
    let cols = measure_columns(staffed);
    for (c, (name, w, input, note)) in cols.iter().enumerate() {
        header(ws, c as u16, name, *w, *input, note, st)?;
    }
    let col = |name: &str| cols.iter().position(|c| c.0 == name).unwrap_or(0) as u16;
    ws.set_row_height(0, row_height(2))?;
    let measures = field["massnahmen"].as_array().cloned().unwrap_or_default();
    for (i, m) in measures.iter().enumerate() {
        let r = 1 + i as u32;
        let n = [("titel", 34.0), ("federfuehrung", 24.0), ("zeitraum", 20.0)]
            .iter()
            .map(|&(key, width)| cell_lines(&text(&m[key]), width))
            .max()
            .unwrap_or(1);
        ws.set_row_height(r, row_height(n.max(2)))?;
        ws.write_with_format(r, 0, text(&m["nr"]), &st.locked)?;
        ws.write_with_format(r, 1, text(&m["titel"]), &st.locked)?;
        ws.write_with_format(r, 2, text(&m["federfuehrung"]), &st.locked)?;
        ws.write_with_format(r, 3, text(&m["zeitraum"]), &st.locked)?;
        match m["kosten"]["euro"]
            .as_f64()
            .filter(|_| m["kosten"]["cent"].is_i64())
        {
            Some(e) => {
                ws.write_with_format(r, 4, e, &st.locked.clone().set_num_format("#,##0 \"€\""))?
            }
            None => ws.write_with_format(r, 4, text(&m["kosten"]["text"]), &st.locked)?,
        };
        ws.write_blank(r, col("Status"), &st.input)?;
        ws.write_blank(r, col("Stand"), &st.input_date)?;
        ws.write_blank(r, col("Mittel verausgabt"), &st.input_money)?;
        ws.write_blank(r, col("Erläuterung"), &st.input)?;
        ws.write_blank(r, col("Nächste Schritte"), &st.input)?;
        if staffed {
            staff_cells(
                ws,
                st,
                r,
                m,
                (col("Stellen geplant (VZÄ)"), col("Stellen besetzt (VZÄ)")),
                (jahr, lz),
                carried,
            )?;
        }
    }
    let last = measures.len().max(1) as u32;
    let labels: Vec<&str> = Status::ALL.iter().map(|s| s.label()).collect();
    let status = col("Status");
    ws.add_data_validation(
        1,
        status,
        last,
        status,
        &DataValidation::new()
            .allow_list_strings(&labels)?
            .set_input_title("Status")?
            .set_input_message("Bitte aus der Liste wählen.")?
            .set_error_title("Status")?
            .set_error_message("Bitte einen Eintrag aus der Liste wählen: umgesetzt, in Umsetzung, verzögert, nicht begonnen oder entfallen.")?,
    )?;
    let money = col("Mittel verausgabt");
    ws.add_data_validation(
        1,
        money,
        last,
        money,
        &DataValidation::new()
            .allow_any_value()
            .set_input_title("Mittel verausgabt")?
            .set_input_message("Betrag in Euro, z. B. 12.500 € oder 12,5 T€.")?,
    )?;
    if staffed {
        let c = col("Stellen besetzt (VZÄ)");
        ws.add_data_validation(
            1,
            c,
            last,
            c,
            &DataValidation::new()
                .allow_decimal_number(DataValidationRule::Between(0.0, 10_000.0))
                .set_input_title("Stellen besetzt (VZÄ)")?
                .set_input_message("Besetzte Vollzeitstellen als Zahl, z. B. 1 oder 0,5.")?
                .set_error_title("Stellen besetzt (VZÄ)")?
                .set_error_message("Bitte eine Zahl ab 0 eintragen, z. B. 1 oder 0,5 (eine halbe Stelle ist 0,5; ohne „VZÄ“).")?,
        )?;
    }
    ws.set_freeze_panes(1, 2)?;
    ws.protect();
    Ok(())
}

/// The two Stellen cells of a measure's row: the Stellen planned for the
/// year (locked) and, only where some are planned, the yellow cell for the
/// filled ones, pre-filled with last year's value.
fn staff_cells(
    ws: &mut Worksheet,
    st: &Styles,
    r: u32,
    m: &Value,
    (geplant, besetzt): (u16, u16),
    (jahr, lz): (i32, (i32, i32)),
    carried: Option<&FieldInput>,
) -> Result<(), XlsxError> {
    let Some(plan) = staff::planned(m, jahr, lz) else {
        ws.write_blank(r, geplant, &st.locked)?;
        ws.write_blank(r, besetzt, &st.locked)?;
        return Ok(());
    };
    ws.write_with_format(r, geplant, plan, &st.locked)?;
    let nr = text(&m["nr"]);
    let before = carried
        .and_then(|f| f.massnahmen.iter().find(|x| x.nr == nr))
        .and_then(|x| x.stellen_besetzt);
    match before {
        Some(v) => ws.write_with_format(r, besetzt, v, &st.input)?,
        None => ws.write_blank(r, besetzt, &st.input)?,
    };
    Ok(())
}

fn indicators_sheet(
    ws: &mut Worksheet,
    st: &Styles,
    field: &Value,
    jahr: i32,
    von: i32,
    carried: Option<&FieldInput>,
) -> Result<(), XlsxError> {
    ws.set_name(SHEET_INDICATORS)?;
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    let fixed: [(&str, f64, &str); 5] = [
        ("Ziel", 7.0, "Nummer des Ziels (gesperrt)."),
        (
            "Indikator",
            40.0,
            "Woran das Ziel gemessen wird (gesperrt).",
        ),
        ("Einheit", 9.0, "Einheit der Werte (gesperrt)."),
        (
            "Ausgangswert",
            13.0,
            "Wert im Basisjahr laut Konzept (gesperrt).",
        ),
        (
            "Zielwert",
            13.0,
            "Angestrebter Wert im Zieljahr laut Konzept (gesperrt).",
        ),
    ];
    for (c, (name, w, note)) in fixed.iter().enumerate() {
        header(ws, c as u16, name, *w, false, note, st)?;
    }
    ws.set_row_height(0, row_height(2))?;
    let years: Vec<i32> = (von..=jahr).collect();
    for (i, y) in years.iter().enumerate() {
        let c = 5 + 2 * i as u16;
        header(
            ws,
            c,
            &format!("Ist {y}"),
            10.0,
            true,
            &format!("Gemessener Wert {y} als Zahl, z. B. 15,2."),
            st,
        )?;
        header(
            ws,
            c + 1,
            &format!("Quelle {y}"),
            22.0,
            true,
            &format!("Woher der Wert {y} stammt, z. B. Schulstatistik IT.NRW."),
            st,
        )?;
    }
    let goals: Vec<&Value> = field["ziele"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|z| z["indikator"].is_string())
        .collect();
    for (i, z) in goals.iter().enumerate() {
        let r = 1 + i as u32;
        let nr = text(&z["nr"]);
        ws.set_row_height(
            r,
            row_height(cell_lines(&text(&z["indikator"]), 40.0).max(2)),
        )?;
        ws.write_with_format(r, 0, nr.as_str(), &st.locked)?;
        ws.write_with_format(r, 1, text(&z["indikator"]), &st.locked)?;
        ws.write_with_format(r, 2, text(&z["einheit"]), &st.locked)?;
        let basis = z["basisjahr"]
            .as_i64()
            .map(|y| format!(" ({y})"))
            .unwrap_or_default();
        let ziel = z["zieljahr"]
            .as_i64()
            .map(|y| format!(" ({y})"))
            .unwrap_or_default();
        ws.write_with_format(
            r,
            3,
            format!("{}{basis}", text(&z["ausgangswert"]["text"])),
            &st.locked,
        )?;
        ws.write_with_format(
            r,
            4,
            format!("{}{ziel}", text(&z["zielwert"]["text"])),
            &st.locked,
        )?;
        let before = carried.and_then(|f| f.indikatoren.iter().find(|x| x.nr == nr));
        for (j, y) in years.iter().enumerate() {
            let c = 5 + 2 * j as u16;
            match before.and_then(|b| b.werte.get(y)) {
                Some(m) => {
                    ws.write_with_format(r, c, m.wert, &st.input)?;
                    ws.write_with_format(
                        r,
                        c + 1,
                        m.quelle.clone().unwrap_or_default(),
                        &st.input,
                    )?;
                }
                None => {
                    ws.write_blank(r, c, &st.input)?;
                    ws.write_blank(r, c + 1, &st.input)?;
                }
            }
        }
    }
    ws.set_freeze_panes(1, 2)?;
    ws.protect();
    Ok(())
}
