//! The entries of a returned workbook, to pre-fill a refreshed form
//! (`konzept workbooks --refresh`): the values of the `Arbeitsgruppe` sheet
//! and the rows of every data sheet, by column, whatever order or header
//! spelling the return used. Columns and sheets the form does not know are
//! left out (they stay in the return).

use crate::input::normalize;
use crate::input::values::CellValue;
use crate::input::workbook::{Table, Workbook};
use crate::schema;
use std::collections::BTreeMap;

/// What a group has entered so far.
#[derive(Debug, Default)]
pub(crate) struct Prefill {
    /// Key of [`schema::AG_KEYS`] → its value.
    pub keys: BTreeMap<&'static str, CellValue>,
    /// Sheet name of [`schema::AG_HILFE`] → its rows, each column key → value.
    pub rows: BTreeMap<&'static str, Vec<BTreeMap<&'static str, CellValue>>>,
}

impl Prefill {
    /// Reads the entries of a returned workbook; problems with it are
    /// `konzept check`'s business, so they are not reported here.
    pub(crate) fn read(wb: &Workbook) -> Prefill {
        let mut out = Prefill::default();
        if let Some(sheet) = wb.sheet(&schema::ARBEITSGRUPPE.names()) {
            for r in sheet.row_range() {
                let Some(key_col) = sheet.col_range().find(|&c| !sheet.cell(r, c).is_empty())
                else {
                    continue;
                };
                let k = normalize(sheet.cell(r, key_col).display().trim_end_matches(':'));
                let value = sheet.cell(r, key_col + 1);
                if let Some(spec) = schema::AG_KEYS
                    .iter()
                    .find(|c| normalize(c.name) == k || c.aliases.iter().any(|a| normalize(a) == k))
                {
                    if !value.is_empty() {
                        out.keys.insert(spec.key, value.clone());
                    }
                }
            }
        }
        let mut quiet = crate::diag::Diagnostics::new();
        for help in schema::AG_HILFE {
            let Some(sheet) = wb.sheet(&help.blatt.names()) else {
                continue;
            };
            let Some(table) = Table::read(&wb.file, sheet, help.blatt.columns, &mut quiet) else {
                continue;
            };
            let rows: Vec<BTreeMap<&'static str, CellValue>> = table
                .rows()
                .map(|row| {
                    help.blatt
                        .columns
                        .iter()
                        .filter(|c| !row.get(c.key).is_empty())
                        .map(|c| (c.key, row.get(c.key).clone()))
                        .collect::<BTreeMap<_, _>>()
                })
                .filter(|r| !r.is_empty())
                .collect();
            if !rows.is_empty() {
                out.rows.insert(help.blatt.name, rows);
            }
        }
        out
    }
}
