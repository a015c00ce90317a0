//! The sheets users fill in: the key/value sheet `Arbeitsgruppe` and the data
//! sheets, each exactly as the reader expects it.

use super::validation::{dropdown, fit, title, validation, Listen};
use super::Prefill;
use super::{ag_name, capitalise, lines, row_height, Stile};
use crate::config::Handlungsfeld;
use crate::input::values::CellValue;
use crate::input::workbook::Column;
use crate::new::Projekt;
use crate::schema::{self, Art, BlattHilfe, Hilfe};
use rust_xlsxwriter::{DataValidation, Format, FormatAlign, Note, Worksheet, XlsxError};
use std::collections::BTreeMap;

/// Rows (0-based, inclusive) that get the validations: room for 1,000 entries.
const LAST_ROW: u32 = 1000;

/// The pre-filled values of the `Arbeitsgruppe` sheet.
pub(super) fn ag_value(field: &Handlungsfeld, key: &str) -> Option<String> {
    match key {
        "feld" => Some(field.name.clone()),
        "bezeichnung" => Some(ag_name(field)),
        // „N. N.“ (nomen nescio) is the usual mark for a person not yet
        // named; Leitung is required, so the fresh project checks clean and
        // the document shows plainly that the lead is still open.
        "leitung" => Some("N. N.".into()),
        _ => None,
    }
}

/// The key/value sheet `Arbeitsgruppe`: title in A1, then one row per key
/// (A the key, B the value, C an explanation the reader ignores).
pub(super) fn ag_sheet(
    p: &Projekt,
    field: &Handlungsfeld,
    prefill: Option<&Prefill>,
    st: &Stile,
    listen: &mut Listen,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(schema::ARBEITSGRUPPE.name)?;
    ws.set_column_width(0, 18)?;
    ws.set_column_width(1, 46)?;
    ws.set_column_width(2, 70)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    // A title row: the reader skips a key without a value.
    ws.write_with_format(0, 0, format!("Angaben zur {}", ag_name(field)), &st.title)?;
    ws.set_row_height(0, 28)?;
    for (i, (key, help)) in schema::AG_KEYS
        .iter()
        .zip(schema::AG_KEYS_HILFE)
        .enumerate()
    {
        let row = 2 + i as u32;
        ws.write_with_format(row, 0, key.name, &st.key)?;
        ws.insert_note(row, 0, &note(p, key, help, None))?;
        // The field stays the one this form is for; the rest as returned.
        let returned = prefill
            .filter(|_| key.key != "feld")
            .and_then(|f| f.keys.get(key.key))
            .map(CellValue::display);
        match returned.or_else(|| ag_value(field, key.key)) {
            Some(v) => ws.write_with_format(row, 1, v, &st.input)?,
            None => ws.write_blank(row, 1, &st.input)?,
        };
        let pflicht = if key.required {
            "Pflicht"
        } else {
            "freiwillig"
        };
        let hint = format!("{pflicht}: {}", p.years(help.inhalt));
        ws.set_row_height(row, row_height(lines(&hint, 68.0)))?;
        ws.write_with_format(row, 2, hint, &st.hint)?;
        let v = match help.art {
            Art::Handlungsfeld => {
                let names: Vec<String> = p.fields.iter().map(|f| f.name.clone()).collect();
                let range = listen.range("Handlungsfeld", &names);
                Some(dropdown(p, key, help, &range, &names, true)?)
            }
            Art::Datum => Some(
                // Stand may lie before the Laufzeit: explain, do not restrict.
                DataValidation::new()
                    .allow_any_value()
                    .set_input_title(title(key.name))?
                    .set_input_message(fit(&capitalise(
                        &p.years("ein Datum wie 15.09.{von} (Tag, Monat, Quartal oder Jahr)"),
                    )))?,
            ),
            _ => None,
        };
        if let Some(v) = v {
            ws.add_data_validation(row, 1, row, 1, &v)?;
        }
    }
    Ok(ws)
}

/// A data sheet: header in row 1 (bold, frozen, with a note on each cell),
/// column widths and formats, and the validations for rows 2 to 1001.
pub(super) fn data_sheet(
    p: &Projekt,
    help: &BlattHilfe,
    rows: &[BTreeMap<&'static str, CellValue>],
    st: &Stile,
    listen: &mut Listen,
) -> Result<Worksheet, XlsxError> {
    let mut ws = Worksheet::new();
    ws.set_name(help.blatt.name)?;
    for (i, (col, h)) in help.columns().enumerate() {
        let c = i as u16;
        let head = if col.required {
            &st.head_required
        } else {
            &st.head_optional
        };
        ws.write_with_format(0, c, col.name, head)?;
        ws.insert_note(0, c, &note(p, col, h, Some(&p.years(h.beispiel))))?;
        ws.set_column_width(c, width(h.art))?;
        ws.set_column_format(c, &column_format(h.art))?;
        if let Some(v) = validation(p, col, h, c, listen)? {
            ws.add_data_validation(1, c, LAST_ROW, c, &v)?;
        }
        for (r, row) in rows.iter().enumerate() {
            let r = 1 + r as u32;
            match row.get(col.key) {
                Some(CellValue::Number(n)) if !text_column(h.art) => ws.write_number(r, c, *n)?,
                Some(v) if !v.is_empty() => ws.write_string(r, c, v.display())?,
                _ => &mut ws,
            };
        }
    }
    let header_lines = help
        .columns()
        .map(|(col, h)| lines(col.name, width(h.art) - 1.0))
        .max()
        .unwrap_or(1);
    ws.set_row_height(0, row_height(header_lines))?;
    ws.set_freeze_panes(1, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(0, 0)?;
    ws.set_footer("&L&A&RSeite &P von &N");
    Ok(ws)
}

/// Columns formatted as text (see the parent module), where a number from
/// the return is written as the text it showed.
fn text_column(art: Art) -> bool {
    matches!(art, Art::Nr | Art::Liste)
}

fn width(art: Art) -> f64 {
    match art {
        Art::Nr => 7.0,
        Art::Anzahl | Art::JaNein | Art::Stellen => 12.0,
        Art::Jahr | Art::Planjahr => 10.0,
        Art::Zahl => 13.0,
        Art::Datum | Art::Ende | Art::Geld | Art::Prioritaet | Art::Termin => 14.0,
        Art::Kosten => 16.0,
        Art::Status | Art::Rolle | Art::Quelle | Art::Befundabschnitt | Art::Massnahmenart => 18.0,
        Art::Liste
        | Art::Ziele
        | Art::Akteure
        | Art::Themen
        | Art::Finanzierung
        | Art::Textabschnitt
        | Art::Format => 24.0,
        Art::Text | Art::Handlungsfeld | Art::Kategorie => 28.0,
        Art::Langtext => 48.0,
    }
}

fn column_format(art: Art) -> Format {
    let f = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    match art {
        Art::Nr | Art::Liste | Art::Ziele | Art::Akteure | Art::Themen => f.set_num_format("@"),
        Art::Geld | Art::Kosten => f.set_num_format("#,##0.00 \"€\""),
        _ => f,
    }
}

/// The note on a header cell: what belongs in the column, the accepted
/// forms, and an example.
fn note(p: &Projekt, col: &Column, help: &Hilfe, example: Option<&str>) -> Note {
    let pflicht = if col.required {
        "Pflichtspalte"
    } else {
        "freiwillig"
    };
    let mut text = format!(
        "{} ({pflicht})\n{}.\nSchreibweise: {}.",
        col.name,
        capitalise(&p.years(help.inhalt)),
        p.years(&help.art.accepted_forms())
    );
    if let Some(e) = example.filter(|e| !e.is_empty()) {
        text.push_str(&format!("\nBeispiel: {}", e.replace('\n', " / ")));
    }
    let height = 18 + 16 * lines(&text, 44.0) as u32;
    Note::new(text)
        .add_author_prefix(false)
        .set_author(&p.verantwortlich)
        .set_width(330)
        .set_height(height)
}
