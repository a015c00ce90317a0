//! Tables: a sheet read with a header row whose columns are mapped to the
//! columns a spec knows (names and aliases, in any order), and its data rows.

use super::{Sheet, EMPTY, HEADER_SEARCH_ROWS};
use crate::diag::{did_you_mean, Diagnostics, Location};
use crate::input::normalize;
use crate::input::values::CellValue;
use std::collections::BTreeMap;

/// A column a sheet may have.
#[derive(Debug, Clone, Copy)]
pub struct Column {
    /// Internal key, used by the code that reads rows.
    pub key: &'static str,
    /// The name shown to users (the spec's header).
    pub name: &'static str,
    pub aliases: &'static [&'static str],
    pub required: bool,
}

impl Column {
    pub const fn req(
        key: &'static str,
        name: &'static str,
        aliases: &'static [&'static str],
    ) -> Self {
        Column {
            key,
            name,
            aliases,
            required: true,
        }
    }
    pub const fn opt(
        key: &'static str,
        name: &'static str,
        aliases: &'static [&'static str],
    ) -> Self {
        Column {
            key,
            name,
            aliases,
            required: false,
        }
    }
}

/// The normalized names (name and aliases) of every column of a spec,
/// computed once per table: matching headers against them is then plain
/// string comparison (normalizing inside the loops was a tenth of `check`).
struct Keys(Vec<Vec<String>>);

impl Keys {
    fn new(spec: &[Column]) -> Self {
        Keys(
            spec.iter()
                .map(|c| {
                    std::iter::once(c.name)
                        .chain(c.aliases.iter().copied())
                        .map(normalize)
                        .collect()
                })
                .collect(),
        )
    }

    /// Whether the normalized header `h` names column `i` of the spec.
    fn matches(&self, i: usize, h: &str) -> bool {
        !h.is_empty() && self.0[i].iter().any(|n| n == h)
    }

    /// The column of the spec that the normalized header `h` names.
    fn find(&self, h: &str) -> Option<usize> {
        (0..self.0.len()).find(|&i| self.matches(i, h))
    }
}

/// The header texts of a row, as written and normalized.
fn headers_of(sheet: &Sheet, row: u32) -> Vec<(String, String)> {
    sheet
        .col_range()
        .filter_map(|col| header_text(sheet.cell(row, col)))
        .map(|h| {
            let n = normalize(&h);
            (h, n)
        })
        .collect()
}

/// One data row of a table: the value of each known column with its cell.
#[derive(Debug, Clone)]
pub struct Row<'a> {
    pub sheet: &'a Sheet,
    pub file: &'a str,
    pub row: u32,
    columns: &'a BTreeMap<&'static str, u32>,
}

impl<'a> Row<'a> {
    /// The cell of a column (Empty if the column is absent).
    pub fn get(&self, key: &str) -> &'a CellValue {
        match self.columns.get(key) {
            Some(&c) => self.sheet.cell(self.row, c),
            None => &EMPTY,
        }
    }

    /// The location of a column's cell in this row (the row's first column if
    /// the column is absent).
    pub fn loc(&self, key: &str) -> Location {
        let col = self.columns.get(key).copied().unwrap_or(0);
        Location::cell(self.file, &self.sheet.name, self.row, col)
    }

    /// The cell as trimmed text, if not empty.
    pub fn text(&self, key: &str) -> Option<String> {
        let v = self.get(key);
        if v.is_empty() {
            None
        } else {
            Some(v.display())
        }
    }

    pub fn has(&self, key: &str) -> bool {
        !self.get(key).is_empty()
    }
}

/// A sheet read as a table: header row found, columns mapped.
#[derive(Debug)]
pub struct Table<'a> {
    pub sheet: &'a Sheet,
    pub file: &'a str,
    pub header_row: u32,
    columns: BTreeMap<&'static str, u32>,
}

impl<'a> Table<'a> {
    /// Finds the header row (the first row holding every required column),
    /// maps the columns, and reports unknown columns (warning, once each) and
    /// missing required columns (one error for the sheet).
    pub fn read(
        file: &'a str,
        sheet: &'a Sheet,
        spec: &[Column],
        diags: &mut Diagnostics,
    ) -> Option<Table<'a>> {
        let mut best: Option<(u32, usize)> = None;
        let keys = Keys::new(spec);
        let named = |i: usize, headers: &[(String, String)]| {
            headers.iter().any(|(_, n)| keys.matches(i, n))
        };
        // The header is searched among the first rows only: title rows above
        // it are a handful, and a full scan of a sheet with tens of thousands
        // of rows would make a broken file take minutes (found by fuzzing).
        let rows = sheet.row_range();
        for row in rows.start..rows.end.min(rows.start + HEADER_SEARCH_ROWS) {
            let headers = headers_of(sheet, row);
            let found = spec
                .iter()
                .enumerate()
                .filter(|(i, c)| c.required && named(*i, &headers))
                .count();
            let any = (0..spec.len()).filter(|&i| named(i, &headers)).count();
            if found == spec.iter().filter(|c| c.required).count() && any > 0 {
                return Some(Self::map(file, sheet, row, spec, &keys, diags));
            }
            if best.is_none_or(|(_, n)| any > n) && any > 0 {
                best = Some((row, any));
            }
        }
        // No complete header row: name what is missing, measured against the
        // row that looked most like a header.
        match best {
            Some((row, _)) => {
                let headers = headers_of(sheet, row);
                for (i, c) in spec.iter().enumerate().filter(|(_, c)| c.required) {
                    if !named(i, &headers) {
                        let unknown: Vec<&str> = headers
                            .iter()
                            .filter(|(_, n)| keys.find(n).is_none())
                            .map(|(h, _)| h.as_str())
                            .collect();
                        let hint = did_you_mean(c.name, unknown.iter().copied())
                            .map(|h| format!("{h} Die Spalte muss „{}“ heißen", c.name))
                            .unwrap_or_else(|| {
                                format!(
                                    "eine Spalte „{}“ in der Kopfzeile (Zeile {}) ergänzen",
                                    c.name,
                                    row + 1
                                )
                            });
                        diags
                            .error(
                                Location::sheet(file, &sheet.name),
                                format!("die Pflichtspalte „{}“ fehlt", c.name),
                            )
                            .hint = Some(hint);
                    }
                }
            }
            None => {
                if sheet.row_range().any(|r| !sheet.is_row_empty(r)) {
                    let names: Vec<&str> =
                        spec.iter().filter(|c| c.required).map(|c| c.name).collect();
                    diags
                        .error(
                            Location::sheet(file, &sheet.name),
                            "keine Kopfzeile gefunden",
                        )
                        .hint = Some(format!(
                        "die erste Zeile der Tabelle muss die Spalten {} enthalten",
                        names
                            .iter()
                            .map(|n| format!("„{n}“"))
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                } else {
                    return Some(Table {
                        sheet,
                        file,
                        header_row: sheet.row_range().end,
                        columns: BTreeMap::new(),
                    });
                }
            }
        }
        None
    }

    fn map(
        file: &'a str,
        sheet: &'a Sheet,
        row: u32,
        spec: &[Column],
        keys: &Keys,
        diags: &mut Diagnostics,
    ) -> Table<'a> {
        let mut columns = BTreeMap::new();
        for col in sheet.col_range() {
            let Some(h) = header_text(sheet.cell(row, col)) else {
                continue;
            };
            match keys.find(&normalize(&h)).map(|i| &spec[i]) {
                Some(c) => {
                    if columns.contains_key(c.key) {
                        diags.warning(
                            Location::cell(file, &sheet.name, row, col),
                            format!(
                                "die Spalte „{h}“ kommt doppelt vor; nur die erste wird gelesen"
                            ),
                        );
                    } else {
                        columns.insert(c.key, col);
                    }
                }
                None => {
                    diags
                        .warning(
                            Location::cell(file, &sheet.name, row, col),
                            format!("unbekannte Spalte „{h}“ wird ignoriert"),
                        )
                        .hint = did_you_mean(&h, spec.iter().map(|c| c.name)).or_else(|| {
                        Some(format!(
                            "bekannte Spalten: {}",
                            spec.iter().map(|c| c.name).collect::<Vec<_>>().join(", ")
                        ))
                    });
                }
            }
        }
        Table {
            sheet,
            file,
            header_row: row,
            columns,
        }
    }

    /// The data rows below the header. Empty rows are skipped, and so are
    /// rows that carry nothing but a number typed in advance (B-1 … B-20 in
    /// the `Nr` column, a common habit): they are rows still to be filled.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        let end = self.sheet.row_range().end;
        let nr = self.columns.get("nr").copied();
        (self.header_row + 1..end)
            .filter(move |&r| {
                self.columns
                    .values()
                    .any(|&c| Some(c) != nr && !self.sheet.cell(r, c).is_empty())
                    || (self.columns.len() == 1
                        && nr.is_some_and(|c| !self.sheet.cell(r, c).is_empty()))
            })
            .map(move |r| Row {
                sheet: self.sheet,
                file: self.file,
                row: r,
                columns: &self.columns,
            })
    }

    pub fn has_column(&self, key: &str) -> bool {
        self.columns.contains_key(key)
    }
}

fn header_text(v: &CellValue) -> Option<String> {
    match v {
        CellValue::Text(t) => Some(t.replace('\n', " ")),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::Severity;

    fn t(s: &str) -> CellValue {
        if s.is_empty() {
            CellValue::Empty
        } else {
            CellValue::Text(s.into())
        }
    }

    const SPEC: &[Column] = &[
        Column::req("nr", "Nr", &[]),
        Column::req("titel", "Maßnahme", &["Titel"]),
        Column::opt("kosten", "Kosten", &["Kosten in EUR"]),
    ];

    #[test]
    fn header_below_title_rows_any_order_aliases() {
        let sheet = Sheet::new(
            "Massnahmen",
            (2, 1),
            vec![
                vec![t("Maßnahmenkatalog AG Bildung"), t(""), t("")],
                vec![t(""), t(""), t("")],
                vec![t("KOSTEN IN EUR"), t("titel"), t(" Nr ")],
                vec![t("100"), t("Lesen"), t("B1")],
                vec![t(""), t(""), t("")],
                vec![t(""), t("Rechnen"), t("B2")],
            ],
        );
        let mut d = Diagnostics::new();
        let table = Table::read("ag.xlsx", &sheet, SPEC, &mut d).unwrap();
        assert!(d.is_empty(), "{:?}", d);
        assert_eq!(table.header_row, 4);
        let rows: Vec<_> = table.rows().collect();
        assert_eq!(rows.len(), 2);
        assert_eq!(rows[0].text("titel").as_deref(), Some("Lesen"));
        assert_eq!(rows[0].loc("titel").cell.as_deref(), Some("C6"));
        assert_eq!(rows[1].loc("nr").cell.as_deref(), Some("D8"));
        assert!(!rows[1].has("kosten"));
    }

    #[test]
    fn unknown_column_warned_missing_required_error() {
        let sheet = Sheet::new(
            "Ziele",
            (0, 0),
            vec![vec![t("Nr"), t("Massnahme"), t("Bemerkung")]],
        );
        let mut d = Diagnostics::new();
        assert!(Table::read("f.xlsx", &sheet, SPEC, &mut d).is_some());
        assert_eq!(d.count(Severity::Warning), 1);
        assert!(d.iter().next().unwrap().message.contains("Bemerkung"));

        let sheet = Sheet::new("Ziele", (0, 0), vec![vec![t("Nr"), t("Massnahem")]]);
        let mut d = Diagnostics::new();
        assert!(Table::read("f.xlsx", &sheet, SPEC, &mut d).is_none());
        let e: Vec<_> = d.iter().collect();
        assert_eq!(e.len(), 1);
        assert!(e[0].message.contains("Maßnahme"));
        assert!(
            e[0].hint.as_deref().unwrap().contains("Massnahem"),
            "{:?}",
            e[0].hint
        );
    }
}
