//! The annotated copy of an `.xls`, `.xlsb` or `.ods` (or an `.xlsx` umya
//! cannot open): a new `.xlsx` with the values of every sheet, the problem
//! cells filled and commented, and the sheet „Meldungen“ in front.

use super::{
    by_cell, find_sheet, intro, link, place, Problem, AUTHOR, HEADERS, HEADER_ROW, INTRO_HEIGHT,
    SHEET, WIDTHS,
};
use crate::input::values::CellValue;
use crate::input::workbook::Workbook;
use chrono::Datelike;
use rust_xlsxwriter::{
    Color, ExcelDateTime, Format, FormatAlign, FormatUnderline, Note, Url, Workbook as Xlsx,
    Worksheet,
};
use std::collections::HashMap;

/// The bytes of the rebuilt copy.
pub fn annotate(values: &Workbook, file: &str, problems: &[Problem]) -> Result<Vec<u8>, String> {
    let mut book = Xlsx::new();
    let failed =
        |e: rust_xlsxwriter::XlsxError| format!("die Kopie lässt sich nicht schreiben: {e}");
    let first = book.add_worksheet();
    messages_sheet(first, values, file, problems).map_err(failed)?;
    for sheet in &values.sheets {
        if sheet.name == SHEET {
            continue;
        }
        let ws = book.add_worksheet();
        ws.set_name(&sheet.name).map_err(failed)?;
        data_sheet(ws, sheet, problems).map_err(failed)?;
    }
    book.save_to_buffer().map_err(failed)
}

fn fill(argb: &str) -> Color {
    Color::RGB(u32::from_str_radix(&argb[2..], 16).unwrap_or(0xFFEB9C))
}

fn messages_sheet(
    ws: &mut Worksheet,
    values: &Workbook,
    file: &str,
    problems: &[Problem],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    ws.set_name(SHEET)?;
    ws.set_active(true);
    // Printed: A4 landscape, one page wide, the header row on every page.
    ws.set_paper_size(9);
    ws.set_landscape();
    ws.set_print_fit_to_pages(1, 0);
    ws.set_repeat_rows(HEADER_ROW, HEADER_ROW)?;
    let [title, help] = intro(file, problems);
    ws.write_string_with_format(0, 0, title, &Format::new().set_bold().set_font_size(14))?;
    let intro_format = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.merge_range(1, 0, 1, 4, &help, &intro_format)?;
    ws.set_row_height(1, INTRO_HEIGHT)?;
    let head = Format::new()
        .set_bold()
        .set_background_color(Color::RGB(0xD9D9D9));
    for (col, header) in HEADERS.iter().enumerate() {
        ws.write_string_with_format(HEADER_ROW, col as u16, *header, &head)?;
        ws.set_column_width(col as u16, WIDTHS[col])?;
    }
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    let link_format = wrap
        .clone()
        .set_font_color(Color::RGB(0x0563C1))
        .set_underline(FormatUnderline::Single);
    for (i, p) in problems.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        ws.write_string_with_format(row, 0, p.sheet.clone().unwrap_or_default(), &wrap)?;
        let target = p.sheet.as_deref().and_then(|s| find_sheet(values, s));
        match target {
            Some(target) => {
                let url = Url::new(format!(
                    "internal:{}",
                    link(target, p.cell.as_deref().unwrap_or("A1"))
                ))
                .set_text(place(p));
                ws.write_url_with_format(row, 1, url, &link_format)?;
            }
            None => {
                ws.write_string_with_format(row, 1, place(p), &wrap)?;
            }
        }
        let art = wrap.clone().set_background_color(fill(p.fill()));
        ws.write_string_with_format(row, 2, p.art(), &art)?;
        ws.write_string_with_format(row, 3, &p.message, &wrap)?;
        ws.write_string_with_format(row, 4, p.hint.clone().unwrap_or_default(), &wrap)?;
    }
    Ok(())
}

fn data_sheet(
    ws: &mut Worksheet,
    sheet: &crate::input::workbook::Sheet,
    problems: &[Problem],
) -> Result<(), rust_xlsxwriter::XlsxError> {
    let marked: HashMap<(u32, u16), (&'static str, String)> = by_cell(problems)
        .into_iter()
        .filter(|c| c.sheet == sheet.name)
        .filter_map(|c| {
            let (row, col) = parse_a1(c.cell)?;
            Some(((row, col), (c.fill(), c.comment())))
        })
        .collect();
    for row in sheet.row_range() {
        for col in sheet.col_range() {
            let Ok(col16) = u16::try_from(col) else {
                continue;
            };
            let mut format = Format::new();
            if let Some((argb, _)) = marked.get(&(row, col16)) {
                format = format.set_background_color(fill(argb));
            }
            write_value(ws, row, col16, sheet.cell(row, col), format)?;
        }
    }
    for ((row, col), (argb, text)) in &marked {
        if !sheet.row_range().contains(row) || !sheet.col_range().contains(&u32::from(*col)) {
            ws.write_blank(*row, *col, &Format::new().set_background_color(fill(argb)))?;
        }
        let note = Note::new(text)
            .set_author(AUTHOR)
            .add_author_prefix(false)
            .set_width(320)
            .set_height(160);
        ws.insert_note(*row, *col, &note)?;
    }
    Ok(())
}

fn write_value(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    value: &CellValue,
    format: Format,
) -> Result<(), rust_xlsxwriter::XlsxError> {
    match value {
        CellValue::Empty => {
            if format != Format::new() {
                ws.write_blank(row, col, &format)?;
            }
        }
        CellValue::Text(t) => {
            ws.write_string_with_format(row, col, t, &format)?;
        }
        CellValue::Number(n) => {
            ws.write_number_with_format(row, col, *n, &format)?;
        }
        CellValue::Percent(n) => {
            ws.write_number_with_format(row, col, *n, &format.set_num_format("0.0%"))?;
        }
        CellValue::Bool(b) => {
            ws.write_boolean_with_format(row, col, *b, &format)?;
        }
        CellValue::Date(d) => {
            match ExcelDateTime::from_ymd(d.year() as u16, d.month() as u8, d.day() as u8) {
                Ok(date) => {
                    let format = format.set_num_format("dd.mm.yyyy");
                    ws.write_datetime_with_format(row, col, &date, &format)?;
                }
                // Before 1900 Excel has no dates: kept as the text it showed.
                Err(_) => {
                    let text = d.format("%d.%m.%Y").to_string();
                    ws.write_string_with_format(row, col, text, &format)?;
                }
            }
        }
        CellValue::Error(e) => {
            ws.write_string_with_format(row, col, e, &format)?;
        }
    }
    Ok(())
}

/// `J4` → (3, 9), 0-based.
fn parse_a1(cell: &str) -> Option<(u32, u16)> {
    let split = cell.find(|c: char| c.is_ascii_digit())?;
    let (letters, digits) = cell.split_at(split);
    if letters.is_empty() || !letters.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    let col = letters.bytes().try_fold(0u32, |acc, b| {
        acc.checked_mul(26)?.checked_add(u32::from(b - b'A') + 1)
    })?;
    let row: u32 = digits.parse().ok()?;
    Some((
        row.checked_sub(1)?,
        u16::try_from(col.checked_sub(1)?).ok()?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_parses_back() {
        assert_eq!(parse_a1("A1"), Some((0, 0)));
        assert_eq!(parse_a1("J4"), Some((3, 9)));
        assert_eq!(parse_a1("AA10"), Some((9, 26)));
        assert_eq!(parse_a1("Zeile 3"), None);
    }
}
