//! The annotated copy of an `.xlsx`/`.xlsm`: the original opened with
//! umya-spreadsheet, problem cells filled and commented, the sheet
//! „Meldungen“ put in front; everything else (formatting, extra columns,
//! dropdowns, hidden sheets, comments already there) is written back as read.

use super::{
    by_cell, intro, link, place, Problem, AUTHOR, ERROR_FILL, HEADERS, HEADER_ROW, INTRO_HEIGHT,
    SHEET, WARNING_FILL, WIDTHS,
};
use crate::diag::a1;
use umya_spreadsheet::{
    Comment, CommentText, Hyperlink, OrientationValues, VerticalAlignmentValues, Workbook,
};

/// The bytes of the annotated copy, or why umya could not make it.
pub fn annotate(
    source: &std::path::Path,
    file: &str,
    problems: &[Problem],
) -> Result<Vec<u8>, String> {
    let run = || -> Result<Vec<u8>, String> {
        let mut book = umya_spreadsheet::reader::xlsx::read(source)
            .map_err(|e| format!("die Datei lässt sich nicht bearbeiten: {e}"))?;
        if let Some(i) = book
            .sheet_collection()
            .iter()
            .position(|s| s.name() == SHEET)
        {
            // The sheet of an earlier annotation: replaced, with its comments.
            let _ = book.remove_sheet(i);
        }
        for sheet in book.sheet_collection_mut() {
            clear_earlier_marks(sheet);
        }
        mark_cells(&mut book, problems);
        add_sheet(&mut book, file, problems)?;
        let mut out = Vec::new();
        umya_spreadsheet::writer::xlsx::write_writer(&book, std::io::Cursor::new(&mut out))
            .map_err(|e| format!("die Kopie lässt sich nicht schreiben: {e}"))?;
        Ok(out)
    };
    crate::input::workbook::quietly(run)
        .unwrap_or_else(|| Err("die Datei lässt sich nicht bearbeiten".into()))
}

/// Removes what an earlier annotation wrote into a copy that came back:
/// konzept's comments, and the fill of their cells if it is still konzept's.
fn clear_earlier_marks(sheet: &mut umya_spreadsheet::Worksheet) {
    let ours: Vec<String> = sheet
        .comments()
        .iter()
        .filter(|c| c.author() == AUTHOR)
        .map(|c| c.coordinate().to_string())
        .collect();
    if ours.is_empty() {
        return;
    }
    sheet.comments_mut().retain(|c| c.author() != AUTHOR);
    for cell in &ours {
        let marked = sheet
            .style(cell.as_str())
            .background_color()
            .is_some_and(|c| [ERROR_FILL, WARNING_FILL].contains(&c.argb_str().as_str()));
        if marked {
            sheet.style_mut(cell.as_str()).remove_fill();
        }
    }
}

/// Fills every problem cell and gives it a comment (an existing comment of
/// someone else is kept below ours).
fn mark_cells(book: &mut Workbook, problems: &[Problem]) {
    for cell in by_cell(problems) {
        let Some(sheet) = sheet_mut(book, cell.sheet) else {
            continue;
        };
        sheet.style_mut(cell.cell).set_background_color(cell.fill());
        let mut text = cell.comment();
        let existing = sheet
            .comments()
            .iter()
            .position(|c| c.coordinate().to_string() == cell.cell);
        if let Some(i) = existing {
            let old = sheet.comments_mut().remove(i);
            let old_text = old
                .text()
                .rich_text()
                .map(|r| r.text().into_owned())
                .or_else(|| old.text().text().map(|t| t.value().to_string()))
                .unwrap_or_default();
            if !old_text.trim().is_empty() {
                text.push_str("\n\nBisheriger Kommentar:\n");
                text.push_str(old_text.trim());
            }
        }
        let mut comment = Comment::default();
        comment.new_comment(cell.cell);
        comment.set_author(AUTHOR);
        comment.set_text(CommentText::default());
        comment.set_text_string(text);
        sheet.add_comments(comment);
    }
}

fn sheet_mut<'a>(
    book: &'a mut Workbook,
    name: &str,
) -> Option<&'a mut umya_spreadsheet::Worksheet> {
    let normalized = crate::text::normalize(name);
    let i = book
        .sheet_collection()
        .iter()
        .position(|s| s.name() == name)
        .or_else(|| {
            book.sheet_collection()
                .iter()
                .position(|s| crate::text::normalize(s.name()) == normalized)
        })?;
    book.sheet_mut(i).ok()
}

/// The sheet „Meldungen“, written as the first sheet and opened first.
fn add_sheet(book: &mut Workbook, file: &str, problems: &[Problem]) -> Result<(), String> {
    let names: Vec<String> = book
        .sheet_collection()
        .iter()
        .map(|s| s.name().to_string())
        .collect();
    let resolve = |name: &str| -> Option<String> {
        let n = crate::text::normalize(name);
        names
            .iter()
            .find(|s| *s == name)
            .or_else(|| names.iter().find(|s| crate::text::normalize(s) == n))
            .cloned()
    };
    let sheet = book
        .new_sheet(SHEET)
        .map_err(|e| format!("das Blatt „{SHEET}“ lässt sich nicht anlegen: {e}"))?;
    // Printed: A4 landscape, one page wide.
    sheet
        .page_setup_mut()
        .set_paper_size(9)
        .set_orientation(OrientationValues::Landscape)
        .set_fit_to_page(true)
        .set_fit_to_width(1)
        .set_fit_to_height(0);
    let [title, help] = intro(file, problems);
    sheet.cell_mut("A1").set_value_string(title);
    sheet
        .style_mut("A1")
        .font_mut()
        .set_bold(true)
        .set_size(14.0);
    sheet.cell_mut("A2").set_value_string(help);
    sheet.add_merge_cells("A2:E2");
    sheet.style_mut("A2").alignment_mut().set_wrap_text(true);
    sheet
        .style_mut("A2")
        .alignment_mut()
        .set_vertical(VerticalAlignmentValues::Top);
    sheet
        .row_dimension_mut(2)
        .set_height(INTRO_HEIGHT)
        .set_custom_height(true);
    for (col, header) in HEADERS.iter().enumerate() {
        let at = a1(HEADER_ROW, col as u32);
        sheet.cell_mut(at.as_str()).set_value_string(*header);
        let style = sheet.style_mut(at.as_str());
        style.font_mut().set_bold(true);
        style.set_background_color("FFD9D9D9");
        let letter = crate::diag::column_letters(col as u32);
        sheet.column_dimension_mut(&letter).set_width(WIDTHS[col]);
    }
    for (i, p) in problems.iter().enumerate() {
        let row = HEADER_ROW + 1 + i as u32;
        let values = [
            p.sheet.clone().unwrap_or_default(),
            place(p),
            p.art().to_string(),
            p.message.clone(),
            p.hint.clone().unwrap_or_default(),
        ];
        for (col, value) in values.into_iter().enumerate() {
            let at = a1(row, col as u32);
            sheet.cell_mut(at.as_str()).set_value_string(value);
            let style = sheet.style_mut(at.as_str());
            style.alignment_mut().set_wrap_text(true);
            style
                .alignment_mut()
                .set_vertical(VerticalAlignmentValues::Top);
        }
        sheet
            .style_mut(a1(row, 2).as_str())
            .set_background_color(p.fill());
        let target = p.sheet.as_deref().and_then(resolve);
        if let Some(target) = target {
            let at = a1(row, 1);
            let mut h = Hyperlink::default();
            h.set_url(link(&target, p.cell.as_deref().unwrap_or("A1")))
                .set_location(true)
                .set_tooltip(format!("zu {target} › {}", place(p)));
            sheet.cell_mut(at.as_str()).set_hyperlink(h);
            let font = sheet.style_mut(at.as_str()).font_mut();
            font.color_mut().set_argb_str("FF0563C1");
            font.set_underline("single");
        }
    }
    move_to_front(book);
    Ok(())
}

/// Moves the last sheet (the new „Meldungen“) to the front, keeps names that
/// belong to one sheet with it, and makes it the sheet that opens.
fn move_to_front(book: &mut Workbook) {
    book.sheet_collection_mut().rotate_right(1);
    for name in book.defined_names_mut() {
        if name.has_local_sheet_id() {
            let id = name.local_sheet_id();
            name.set_local_sheet_id(id + 1);
        }
    }
    for sheet in book.sheet_collection_mut() {
        for name in sheet.defined_names_mut() {
            if name.has_local_sheet_id() {
                let id = name.local_sheet_id();
                name.set_local_sheet_id(id + 1);
            }
        }
        for view in sheet.sheet_views_mut().sheet_view_list_mut() {
            view.set_tab_selected(false);
        }
    }
    book.workbook_view_mut().set_active_tab(0);
    if let Ok(first) = book.sheet_mut(0) {
        for view in first.sheet_views_mut().sheet_view_list_mut() {
            view.set_tab_selected(true);
        }
    }
}
