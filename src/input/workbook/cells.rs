//! Reading the sheets of each kind of workbook through calamine and
//! converting their cells into [`CellValue`]s.

// A read error is one per bad file, so its size on the stack does not matter.
#![allow(clippy::result_large_err)]

use super::package_guard::{check_xlsx_extent, Extent};
use super::sniff::Kind;
use super::{broken_file, Sheet, Workbook, MAX_CELLS_PER_SHEET, MAX_CELL_CHARS};
use crate::diag::{Diagnostic, Location, Severity};
use crate::input::clean_text;
use crate::input::values::CellValue;
use calamine::{Data, Ods, Reader, Xls, Xlsb, Xlsx};
use std::io::Cursor;

pub(super) fn read_kind(kind: Kind, bytes: Vec<u8>, display: &str) -> Result<Workbook, Diagnostic> {
    let err = |msg: String| Diagnostic::new(Severity::Error, Location::file(display), msg);
    let password = || {
        err("die Arbeitsmappe ist mit einem Kennwort geschützt und kann nicht gelesen werden".into())
            .with_hint("den Kennwortschutz in Excel oder LibreOffice aufheben (Datei › Informationen bzw. Datei › Eigenschaften › Sicherheit) und erneut speichern")
    };
    let broken = |detail: String| broken_file(display, detail);
    match kind {
        Kind::EncryptedOoxml => Err(password()),
        Kind::Xlsx => {
            let mut wb: Xlsx<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::XlsxError::Password => password(),
                    other => broken(other.to_string()),
                })?;
            let names = wb.sheet_names();
            let mut sheets = Vec::new();
            for name in names {
                check_xlsx_extent(&mut wb, &name, display).map_err(|e| match e {
                    Extent::Broken(detail) => broken(detail),
                    Extent::TooLarge(d) => d,
                })?;
                let range = wb
                    .worksheet_range(&name)
                    .map_err(|e| broken(e.to_string()))?;
                let styles = wb.worksheet_style(&name).ok();
                sheets.push(convert(&name, &range, styles.as_ref(), display)?);
            }
            Ok(Workbook {
                file: display.into(),
                sheets,
            })
        }
        Kind::Ods => {
            let mut wb: Ods<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::OdsError::Password => password(),
                    other => broken(other.to_string()),
                })?;
            plain_sheets(&mut wb, display)
        }
        Kind::Xlsb => {
            // The package guard has bounded what the zip inflates to; calamine
            // reserves at most a million cells from a sheet's declared extent.
            let mut wb: Xlsb<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::XlsbError::Password => password(),
                    other => broken(other.to_string()),
                })?;
            plain_sheets(&mut wb, display)
        }
        Kind::Xls => {
            let mut wb: Xls<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::XlsError::Password => password(),
                    other => broken(other.to_string()),
                })?;
            plain_sheets(&mut wb, display)
        }
    }
}

/// The sheets of an `.ods`, `.xlsb` or `.xls`: values only (these formats
/// give no number formats, so no cell is known to be a percentage).
fn plain_sheets<RS, R>(wb: &mut R, display: &str) -> Result<Workbook, Diagnostic>
where
    RS: std::io::Read + std::io::Seek,
    R: Reader<RS>,
    R::Error: std::fmt::Display,
{
    let mut sheets = Vec::new();
    for name in wb.sheet_names() {
        let range = wb
            .worksheet_range(&name)
            .map_err(|e| broken_file(display, e.to_string()))?;
        let mut s = convert(&name, &range, None, display)?;
        s.knows_percent = false;
        sheets.push(s);
    }
    Ok(Workbook {
        file: display.into(),
        sheets,
    })
}

fn convert(
    name: &str,
    range: &calamine::Range<Data>,
    styles: Option<&calamine::StyleRange>,
    display: &str,
) -> Result<Sheet, Diagnostic> {
    let Some(origin) = range.start() else {
        return Ok(Sheet::new(name, (0, 0), Vec::new()));
    };
    let (h, w) = range.get_size();
    if (h as u64) * (w as u64) > MAX_CELLS_PER_SHEET {
        return Err(Diagnostic::new(
            Severity::Error,
            Location::sheet(display, name),
            format!(
                "das Blatt ist mit {h} Zeilen × {w} Spalten zu groß (höchstens {MAX_CELLS_PER_SHEET} Zellen)"
            ),
        )
        .with_hint("leere, aber formatierte Zeilen und Spalten am Ende des Blattes löschen"));
    }
    let mut rows = Vec::with_capacity(h);
    for (r, row) in range.rows().enumerate() {
        let mut out = Vec::with_capacity(row.len());
        for (c, d) in row.iter().enumerate() {
            let pos = (origin.0 + r as u32, origin.1 + c as u32);
            let percent = || {
                styles
                    .and_then(|s| s.get(pos))
                    .and_then(|st| st.number_format.as_ref())
                    .is_some_and(|f| f.format_code.contains('%'))
            };
            out.push(match d {
                Data::Empty => CellValue::Empty,
                Data::String(s) if s.chars().count() > MAX_CELL_CHARS => {
                    return Err(Diagnostic::new(
                        Severity::Error,
                        Location::cell(display, name, pos.0, pos.1),
                        format!(
                            "die Zelle enthält {} Zeichen; erlaubt sind höchstens {MAX_CELL_CHARS}",
                            s.chars().count()
                        ),
                    )
                    .with_hint("den Text kürzen oder auf mehrere Zeilen verteilen"));
                }
                Data::String(s) => {
                    let t = clean_text(s);
                    if t.is_empty() {
                        CellValue::Empty
                    } else {
                        CellValue::Text(t)
                    }
                }
                Data::Int(i) if percent() => CellValue::Percent(*i as f64),
                Data::Int(i) => CellValue::Number(*i as f64),
                Data::Float(f) if percent() => CellValue::Percent(*f),
                Data::Float(f) => CellValue::Number(*f),
                Data::Bool(b) => CellValue::Bool(*b),
                Data::DateTime(dt) => match dt.as_datetime() {
                    Some(t) if dt.is_datetime() => CellValue::Date(t.date()),
                    _ => CellValue::Number(dt.as_f64()),
                },
                Data::DateTimeIso(s) => {
                    match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                        Ok(d) => CellValue::Date(d),
                        Err(_) => CellValue::Text(clean_text(s)),
                    }
                }
                Data::DurationIso(s) => CellValue::Text(clean_text(s)),
                Data::Error(e) => CellValue::Error(e.to_string()),
            });
        }
        rows.push(out);
    }
    Ok(Sheet::new(name, origin, rows))
}
