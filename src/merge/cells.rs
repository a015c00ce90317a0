//! Reading typed cells: the [`Merger`] that every sheet reader uses, with
//! the helpers for required and optional cells, tables, field names and
//! numbers. Each problem goes to the diagnostics at its cell.

use crate::config::Handlungsfeld;
use crate::diag::Location;
use crate::diag::{did_you_mean, Diagnostics};
use crate::input::markdown::RichText;
use crate::input::normalize;
use crate::input::values::{self, CellValue, DateValue, EndDate, Number, Rejected};
use crate::input::workbook::{Row, Sheet, Table, Workbook};
use crate::model::Zahl;
use crate::schema;
use chrono::NaiveDate;

/// The state shared by the readers of all sheets.
pub(super) struct Merger<'d, 'f> {
    pub diags: &'d mut Diagnostics,
    pub fields: &'f [Handlungsfeld],
    /// Name, letter and aliases of each field, normalized once.
    pub field_keys: Vec<Vec<String>>,
    pub laufzeit: (i32, i32),
    /// The extra sections of the submission (`dokument.abschnitte`): their
    /// texts come from the `Texte` sheet.
    pub extra_sections: Vec<String>,
    /// The goal hierarchy read from the steering workbook.
    pub outline: Outline,
    /// The cross-cutting themes of `konzept.toml`.
    pub themes: Vec<String>,
    /// The priority scheme of `konzept.toml`.
    pub priorities: crate::config::PriorityScheme,
}

/// What the steering workbook says about the goal hierarchy (read and
/// used by `hierarchy.rs`), kept until the working groups' goals are read.
#[derive(Default)]
pub(super) struct Outline {
    /// Whether the workbook has a sheet „Oberziele“.
    pub sheet: bool,
    pub top_goals: Vec<TopGoal>,
    /// Per Leitlinie (by position): the goals it names and the cell.
    pub guideline_refs: Vec<(Vec<String>, Location)>,
}

/// One row of the sheet „Oberziele“.
pub(super) struct TopGoal {
    pub nr: String,
    pub titel: String,
    pub erlaeuterung: Option<RichText>,
    /// The field it belongs to (index into the configured fields).
    pub feld: Option<usize>,
}

/// "Beginn: „13/2027“ ist ungültig; erwartet: …" (the column as a label,
/// so that the sentence agrees for „Kosten“ as for „Beginn“).
pub(super) fn invalid(column: &str, value: &CellValue, expected: &str) -> String {
    format!(
        "{column}: „{}“ ist ungültig; erwartet: {expected}",
        shorten(&value.display())
    )
}

/// Long values are cut in messages so one bad cell does not flood the screen.
pub(super) fn shorten(s: &str) -> String {
    let one_line = s.replace('\n', " ⏎ ");
    if one_line.chars().count() > 80 {
        format!("{}…", one_line.chars().take(80).collect::<String>())
    } else {
        one_line
    }
}

impl<'d, 'f> Merger<'d, 'f> {
    pub(super) fn new(
        diags: &'d mut Diagnostics,
        fields: &'f [Handlungsfeld],
        laufzeit: (i32, i32),
    ) -> Self {
        Merger {
            diags,
            fields,
            field_keys: fields.iter().map(Handlungsfeld::keys).collect(),
            laufzeit,
            extra_sections: Vec::new(),
            outline: Default::default(),
            themes: Vec::new(),
            priorities: crate::config::PriorityScheme::Standard,
        }
    }

    /// The field a value names (by name, alias or letter).
    pub(super) fn resolve_field(&self, v: &str) -> Option<usize> {
        let n = normalize(v);
        if n.is_empty() {
            return None;
        }
        self.field_keys.iter().position(|keys| keys.contains(&n))
    }

    pub(super) fn field_hint(&self, v: &str) -> String {
        did_you_mean(v, self.fields.iter().map(|f| f.name.as_str())).unwrap_or_else(|| {
            format!(
                "bekannte Handlungsfelder: {}",
                self.fields
                    .iter()
                    .map(|f| format!("{} ({})", f.name, f.kurz))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        })
    }

    /// A required text cell; an error at the cell if empty.
    pub(super) fn req_text(&mut self, row: &Row, key: &str, column: &str) -> Option<String> {
        let t = row.text(key);
        if t.is_none() {
            self.diags
                .error(row.loc(key), format!("{column} fehlt"))
                .hint = Some(format!("in dieser Zeile ist „{column}“ eine Pflichtangabe"));
        }
        t
    }

    /// An optional cell parsed with `parse`; an error at the cell if invalid.
    /// The error names the accepted forms; its hint is built from what was
    /// typed where the parser offers one.
    pub(super) fn opt<T, E: Into<Rejected>>(
        &mut self,
        row: &Row,
        key: &str,
        column: &str,
        parse: impl Fn(&CellValue) -> Result<T, E>,
    ) -> Option<T> {
        let cell = row.get(key);
        if cell.is_empty() {
            return None;
        }
        match parse(cell) {
            Ok(v) => Some(v),
            Err(e) => {
                let r: Rejected = e.into();
                self.diags
                    .error(row.loc(key), invalid(column, cell, &r.expected))
                    .hint = r.hint;
                None
            }
        }
    }

    /// A required cell parsed with `parse`.
    pub(super) fn req<T, E: Into<Rejected>>(
        &mut self,
        row: &Row,
        key: &str,
        column: &str,
        parse: impl Fn(&CellValue) -> Result<T, E>,
    ) -> Option<T> {
        if row.get(key).is_empty() {
            self.diags
                .error(row.loc(key), format!("{column} fehlt"))
                .hint = Some(format!("in dieser Zeile ist „{column}“ eine Pflichtangabe"));
            return None;
        }
        self.opt(row, key, column, parse)
    }

    pub(super) fn table<'w>(
        &mut self,
        wb: &'w Workbook,
        spec: &schema::SheetSpec,
        required: bool,
    ) -> Option<Table<'w>> {
        let names = spec.names();
        let sheet = if required {
            wb.required_sheet(&names, self.diags)?
        } else {
            wb.sheet(&names)?
        };
        Table::read(&wb.file, sheet, spec.columns, self.diags)
    }

    pub(super) fn axis(&self, first: NaiveDate, last: NaiveDate) -> (f64, f64) {
        let lz_first = NaiveDate::from_ymd_opt(self.laufzeit.0, 1, 1).expect("valid");
        let lz_end = NaiveDate::from_ymd_opt(self.laufzeit.1 + 1, 1, 1).expect("valid");
        let span = (lz_end - lz_first).num_days().max(1) as f64;
        let pos = |d: NaiveDate| ((d - lz_first).num_days() as f64 / span).clamp(0.0, 1.0);
        (pos(first), pos(last.succ_opt().unwrap_or(last)))
    }

    /// An error at Ende if it lies before Beginn; whether the order is right.
    pub(super) fn check_order(&mut self, row: &Row, beginn: &DateValue, ende: &EndDate) -> bool {
        if let EndDate::Date(e) = ende {
            if beginn.first > e.last {
                self.diags
                    .error(
                        row.loc("ende"),
                        format!(
                            "Ende {} liegt vor dem Beginn {}",
                            e.display(),
                            beginn.display()
                        ),
                    )
                    .hint = Some(
                    "Beginn und Ende prüfen: der Beginn muss vor oder auf dem Ende liegen".into(),
                );
                return false;
            }
        }
        true
    }
}

pub(super) fn is_percent_unit(u: Option<&str>) -> bool {
    matches!(
        u.map(|s| s.trim()),
        Some("%") | Some("Prozent") | Some("prozent") | Some("v. H.") | Some("vH")
    )
}

/// Percentage cells of `.ods` and `.xls` files arrive as plain fractions
/// (0.175) because calamine reports no number formats for them; in a percent
/// column a fractional value below 1 is read as such a cell.
pub(super) fn fix_fraction(n: Number, percent_unit: bool, sheet: &Sheet) -> Number {
    if percent_unit && !n.percent && !sheet.knows_percent && n.value > 0.0 && n.value < 1.0 {
        Number {
            value: (n.value * 100.0 * 1e9).round() / 1e9,
            percent: true,
        }
    } else {
        n
    }
}

pub(super) fn zahl(n: Number, percent: bool) -> Zahl {
    let text = if percent || n.percent {
        format!("{} %", values::format_number(n.value, 2))
    } else {
        values::format_number(n.value, 2)
    };
    Zahl {
        wert: n.value,
        text,
    }
}
