//! Scaled benchmark projects, made from the example „Musterstadt“.
//!
//! Every workbook of the example is read the way konzept reads it and
//! written again as `.xlsx` (so `.xls` and `.ods` become `.xlsx` too); the
//! rows of each `Maßnahmen` sheet are repeated, with fresh numbers, until the
//! field has the wanted number of measures. Goals, members, findings and the
//! steering workbook stay as they are, so the project stays valid: 7 fields
//! with 20 measures each give the 140 measures of the 1× project.
//!
//! One copy, included by the benchmark (`benches/skalierung.rs`) and by the
//! integration tests (`tests/support/mod.rs`), which check the projects it
//! writes (`tests/integration/generator.rs`) and use it to change cells.

use konzept::input::values::CellValue;
use konzept::input::workbook::{read_workbook, Sheet};
use rust_xlsxwriter::{ExcelDateTime, Format, Workbook as XlsxWorkbook};
use std::path::{Path, PathBuf};

/// Writes a copy of `example` with `per_field` measures in each
/// working-group workbook into `out` (created; must not exist).
pub fn generate(example: &Path, out: &Path, per_field: usize) -> Result<(), String> {
    let ags = start_project(example, out, &["konzept.toml", "logo.png"])?;
    for p in ags {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        let target = out.join("arbeitsgruppen").join(format!("{stem}.xlsx"));
        copy_workbook(&p, &target, Some(per_field))?;
    }
    Ok(())
}

/// Creates `out` with its `arbeitsgruppen` folder, copies `files` and the
/// steering workbook of `example` into it, and returns the example's
/// working-group workbooks, sorted.
fn start_project(example: &Path, out: &Path, files: &[&str]) -> Result<Vec<PathBuf>, String> {
    std::fs::create_dir_all(out.join("arbeitsgruppen")).map_err(|e| e.to_string())?;
    for name in files {
        std::fs::copy(example.join(name), out.join(name)).map_err(|e| format!("{name}: {e}"))?;
    }
    copy_workbook(
        &example.join("steuerung.xlsx"),
        &out.join("steuerung.xlsx"),
        None,
    )?;
    let mut ags: Vec<PathBuf> = std::fs::read_dir(example.join("arbeitsgruppen"))
        .map_err(|e| e.to_string())?
        .flatten()
        .map(|e| e.path())
        .collect();
    ags.sort();
    Ok(ags)
}

/// Reads `from` and writes it as `.xlsx` to `to`; with `measures`, the
/// `Maßnahmen` sheet gets that many measure rows.
pub fn copy_workbook(from: &Path, to: &Path, measures: Option<usize>) -> Result<(), String> {
    copy_workbook_with(from, to, measures, |_, _| {})
}

/// [`copy_workbook`], with `edit` called for every written cell (sheet
/// name, cell): e.g. to change one cell.
pub fn copy_workbook_with(
    from: &Path,
    to: &Path,
    measures: Option<usize>,
    mut edit: impl FnMut(&str, &mut CellValue),
) -> Result<(), String> {
    let wb = read_workbook(from, &from.display().to_string()).map_err(|d| d.message.clone())?;
    let mut out = XlsxWorkbook::new();
    let percent = Format::new().set_num_format("0.0%");
    let date = Format::new().set_num_format("dd.mm.yyyy");
    for sheet in &wb.sheets {
        let ws = out.add_worksheet();
        ws.set_name(&sheet.name).map_err(|e| e.to_string())?;
        let rows = match measures {
            Some(n) if sheet.name == "Maßnahmen" || sheet.name == "Maßnahmenkatalog" => {
                scaled_measures(sheet, n)
            }
            _ => grid(sheet),
        };
        for (r, row) in rows.into_iter().enumerate() {
            for (c, mut cell) in row.into_iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                edit(&sheet.name, &mut cell);
                let res = match &cell {
                    CellValue::Empty => continue,
                    CellValue::Text(t) | CellValue::Error(t) => {
                        ws.write_string(r, c, t).map(|_| ())
                    }
                    CellValue::Number(n) => ws.write_number(r, c, *n).map(|_| ()),
                    CellValue::Percent(n) => {
                        ws.write_number_with_format(r, c, *n, &percent).map(|_| ())
                    }
                    CellValue::Bool(b) => ws.write_boolean(r, c, *b).map(|_| ()),
                    CellValue::Date(d) => {
                        use chrono::Datelike;
                        let dt = ExcelDateTime::from_ymd(
                            d.year() as u16,
                            d.month() as u8,
                            d.day() as u8,
                        )
                        .map_err(|e| e.to_string())?;
                        ws.write_datetime_with_format(r, c, &dt, &date).map(|_| ())
                    }
                };
                res.map_err(|e| e.to_string())?;
            }
        }
    }
    out.save(to).map_err(|e| format!("{}: {e}", to.display()))
}

/// The sheet as rows from A1 on.
fn grid(sheet: &Sheet) -> Vec<Vec<CellValue>> {
    let cols = sheet.col_range();
    (0..sheet.row_range().end)
        .map(|r| (0..cols.end).map(|c| sheet.cell(r, c).clone()).collect())
        .collect()
}

fn is_nr_header(v: &CellValue) -> bool {
    matches!(v, CellValue::Text(t) if ["nr", "nr.", "nummer"].contains(&t.trim().to_lowercase().as_str()))
}

/// Title and header rows as they are, then `n` measures: the example's rows
/// over and over, numbered on (`B1` … `B200`).
fn scaled_measures(sheet: &Sheet, n: usize) -> Vec<Vec<CellValue>> {
    let all = grid(sheet);
    let Some((header, nr_col)) = all
        .iter()
        .enumerate()
        .find_map(|(i, row)| row.iter().position(is_nr_header).map(|c| (i, c)))
    else {
        return all;
    };
    let data: Vec<&Vec<CellValue>> = all[header + 1..]
        .iter()
        .filter(|r| r.iter().any(|c| !c.is_empty()))
        .collect();
    if data.is_empty() {
        return all;
    }
    let prefix: String = match &data[0][nr_col] {
        CellValue::Text(t) => t
            .trim()
            .trim_end_matches(|c: char| c.is_ascii_digit())
            .to_string(),
        _ => String::new(),
    };
    let mut rows = all[..=header].to_vec();
    for i in 0..n {
        let mut row = data[i % data.len()].clone();
        row[nr_col] = CellValue::Text(format!("{prefix}{}", i + 1));
        rows.push(row);
    }
    rows
}

/// The municipalities of the district case (fictitious names).
pub const GEMEINDEN: [&str; 20] = [
    "Altenau",
    "Birkenfeld",
    "Dornstadt",
    "Eichenau",
    "Falkenberg",
    "Grünwald",
    "Hasselbach",
    "Kirchdorf",
    "Lindenau",
    "Mühlhausen",
    "Neudorf",
    "Oberweiler",
    "Rosenthal",
    "Sandhausen",
    "Steinbach",
    "Talheim",
    "Unterberg",
    "Waldkirch",
    "Wiesental",
    "Zellingen",
];

/// A district (Kreis) that merges the workbooks of `gemeinden`
/// municipalities: every municipality hands in one workbook for each of the
/// example's fields, so the project has `gemeinden` × 7 fields (own
/// `[[handlungsfeld]]` entries, „Bildung und Sprachförderung – Altenau“,
/// `B01` …) and as many workbooks, each with `per_field` measures. The
/// fields of the first municipality keep the guide's names and letters as
/// aliases, so the actor list of the steering workbook still resolves.
pub fn generate_district(
    example: &Path,
    out: &Path,
    gemeinden: usize,
    per_field: usize,
) -> Result<(), String> {
    use konzept::input::normalize;
    let gemeinden = &GEMEINDEN[..gemeinden.min(GEMEINDEN.len())];
    let ags = start_project(example, out, &["logo.png"])?;
    let guide = konzept::config::default_fields();
    // The Oberziele of one field become Oberziele of the whole district:
    // every municipality's copy of the field names them.
    let field_names: Vec<String> = guide.iter().map(|f| f.name.clone()).collect();
    copy_workbook_with(
        &example.join("steuerung.xlsx"),
        &out.join("steuerung.xlsx"),
        None,
        |sheet, cell| {
            if sheet == "Oberziele" && matches!(cell, CellValue::Text(t) if field_names.contains(t))
            {
                *cell = CellValue::Empty;
            }
        },
    )?;
    let mut toml = std::fs::read_to_string(example.join("konzept.toml"))
        .map_err(|e| format!("konzept.toml: {e}"))?
        .replace("art = \"Stadt\"", "art = \"Kreis\"");
    let mut fields = Vec::new();
    for p in &ags {
        let wb = read_workbook(p, &p.display().to_string()).map_err(|d| d.message.clone())?;
        let given = wb
            .sheets
            .iter()
            .find(|s| s.name == "Arbeitsgruppe")
            .and_then(|s| {
                (0..s.row_range().end).find_map(|r| match (s.cell(r, 0), s.cell(r, 1)) {
                    (CellValue::Text(k), CellValue::Text(v)) if k == "Handlungsfeld" => {
                        Some(v.clone())
                    }
                    _ => None,
                })
            })
            .ok_or_else(|| format!("{}: kein Handlungsfeld", p.display()))?;
        let n = normalize(&given);
        let field = guide
            .iter()
            .find(|f| f.keys().contains(&n))
            .ok_or_else(|| format!("{}: unbekanntes Feld „{given}“", p.display()))?;
        fields.push((p, given, field));
    }
    // Fields in the guide's order, municipality by municipality within each.
    fields.sort_by_key(|(_, _, f)| guide.iter().position(|g| g.kurz == f.kurz));
    for (p, given, field) in &fields {
        let stem = p.file_stem().unwrap().to_string_lossy().into_owned();
        for (i, gemeinde) in gemeinden.iter().enumerate() {
            let name = format!("{} – {gemeinde}", field.name);
            let kurz = format!("{}{:02}", field.kurz, i + 1);
            let mut aliase = Vec::new();
            if i == 0 {
                aliase.push(field.name.clone());
                aliase.push(field.kurz.clone());
                aliase.extend(field.aliase.iter().cloned());
            }
            let aliase: Vec<String> = aliase.iter().map(|a| format!("{a:?}")).collect();
            toml.push_str(&format!(
                "\n[[handlungsfeld]]\nname = {name:?}\nkurz = {kurz:?}\naliase = [{}]\n",
                aliase.join(", ")
            ));
            let ort = normalize(gemeinde);
            let target = out
                .join("arbeitsgruppen")
                .join(format!("{stem}-{ort}.xlsx"));
            copy_workbook_with(p, &target, Some(per_field), |sheet, cell| {
                if sheet != "Arbeitsgruppe" {
                    return;
                }
                if let CellValue::Text(t) = cell {
                    if t == given {
                        *t = name.clone();
                    } else if t.starts_with("AG ") {
                        *t = format!("{t} {gemeinde}");
                    }
                }
            })?;
        }
    }
    std::fs::write(out.join("konzept.toml"), toml).map_err(|e| format!("konzept.toml: {e}"))
}
