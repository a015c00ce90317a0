//! Cross-checks between sheets, workbooks and `konzept.toml`.
//!
//! The readers of the sheets check each cell on its own; what a row says
//! about another sheet or workbook (a measure's goals, its actors, two
//! workbooks for one field) is checked here once the rows are read. The
//! checks of a date or year against the Laufzeit of `konzept.toml` are called
//! by the readers for the row at hand.

use super::cells::{shorten, Merger};
use super::completeness::is_placeholder;
use crate::diag::{did_you_mean, Diagnostics, Location};
use crate::input::normalize;
use crate::input::values::DateValue;
use crate::input::workbook::{Row, Workbook};
use crate::model::Akteur;
use chrono::Datelike;

/// The references a workbook makes to other sheets and workbooks.
#[derive(Default)]
pub(super) struct References {
    /// The goal numbers of the Ziele sheet.
    pub goals: Vec<String>,
    /// One entry per row of the Maßnahmen sheet, including rows that are not
    /// taken into the model because a required cell is missing.
    pub measures: Vec<MeasureRefs>,
}

/// The goals and actors one row of the Maßnahmen sheet names, with their cells.
pub(super) struct MeasureRefs {
    pub ziele: Vec<String>,
    pub ziele_loc: Location,
    pub federfuehrung: Option<String>,
    pub federfuehrung_loc: Location,
    pub partner: Vec<String>,
    pub partner_loc: Location,
}

/// The goals and actors the Maßnahmen sheet of one workbook names: each goal
/// must be in the workbook's Ziele sheet, each actor in the steering group's
/// Akteure sheet (if it lists any).
pub(super) fn references(diags: &mut Diagnostics, refs: &References, actors: &[Akteur]) {
    let actor_keys: Vec<String> = actors.iter().map(|a| normalize(&a.name)).collect();
    let mut known: Vec<&String> = refs.goals.iter().collect();
    known.sort();
    for m in &refs.measures {
        for z in &m.ziele {
            if !refs.goals.contains(z) {
                diags
                    .error(
                        m.ziele_loc.clone(),
                        format!("das Ziel „{z}“ gibt es in diesem Handlungsfeld nicht"),
                    )
                    .hint = Some(if known.is_empty() {
                    "im Blatt Ziele sind keine Ziele eingetragen".to_string()
                } else {
                    format!(
                        "Ziele dieses Handlungsfelds: {}",
                        known
                            .iter()
                            .map(|s| s.as_str())
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
            }
        }
        if actors.is_empty() {
            continue;
        }
        // A placeholder („N. N.“, „XY“) is reported as such at its cell.
        if let Some(f) = &m.federfuehrung {
            if !actor_known(f, &actor_keys) && !is_placeholder(f) {
                diags
                    .warning(
                        m.federfuehrung_loc.clone(),
                        format!(
                            "die Federführung „{}“ steht nicht in der Akteursliste",
                            shorten(f)
                        ),
                    )
                    .hint = Some(actor_hint(f, actors));
            }
        }
        for p in &m.partner {
            if !actor_known(p, &actor_keys) && !is_placeholder(p) {
                diags
                    .warning(
                        m.partner_loc.clone(),
                        format!(
                            "der Partner „{}“ steht nicht in der Akteursliste",
                            shorten(p)
                        ),
                    )
                    .hint = Some(actor_hint(p, actors));
            }
        }
    }
}

/// A second workbook for a field that already has one.
pub(super) fn duplicate_workbook(diags: &mut Diagnostics, wb: &Workbook, field: &str, first: &str) {
    diags
        .error(
            Location::file(&wb.file),
            format!(
                "für das Handlungsfeld „{}“ gibt es zwei Arbeitsmappen: {} und {}",
                field, first, wb.file
            ),
        )
        .hint = Some("je Handlungsfeld genau eine Arbeitsmappe abgeben; die Inhalte in einer Mappe zusammenführen oder das Handlungsfeld korrigieren".into());
}

/// A configured field without a workbook.
pub(super) fn missing_workbook(diags: &mut Diagnostics, field: &str) {
    diags
        .warning(
            Location::file(crate::config::FILE_NAME),
            format!("für das Handlungsfeld „{field}“ liegt keine Arbeitsmappe vor"),
        )
        .hint = Some(format!(
        "das Dokument vermerkt, dass das Handlungsfeld noch bearbeitet wird; die Arbeitsmappe der AG im Ordner der Arbeitsgruppen ablegen (Handlungsfeld „{field}“ im Blatt Arbeitsgruppe)"
    ));
}

impl Merger<'_, '_> {
    /// A warning if a date lies outside the Laufzeit of `konzept.toml`.
    pub(super) fn check_date_in_laufzeit(
        &mut self,
        row: &Row,
        key: &str,
        column: &str,
        d: &DateValue,
    ) {
        let (von, bis) = self.laufzeit;
        if d.last.year() < von || d.first.year() > bis {
            self.diags.warning(
                row.loc(key),
                format!(
                    "{column} {} liegt außerhalb der Laufzeit {von}–{bis}",
                    d.display()
                ),
            );
        }
    }

    /// A warning if a year lies outside the Laufzeit of `konzept.toml`.
    pub(super) fn check_year_in_laufzeit(&mut self, row: &Row, key: &str, jahr: i32) {
        if jahr < self.laufzeit.0 || jahr > self.laufzeit.1 {
            self.diags.warning(
                row.loc(key),
                format!(
                    "das Jahr {jahr} liegt außerhalb der Laufzeit {}–{}",
                    self.laufzeit.0, self.laufzeit.1
                ),
            );
        }
    }
}

fn actor_known(name: &str, keys: &[String]) -> bool {
    let n = normalize(name);
    keys.contains(&n)
        || (name.contains('/') && name.split('/').all(|p| keys.contains(&normalize(p))))
}

fn actor_hint(name: &str, actors: &[Akteur]) -> String {
    super::actor_names::suggest(name, actors)
        .or_else(|| did_you_mean(name, actors.iter().map(|a| a.name.as_str())))
        .map(|h| format!("{h} Die Schreibweise muss mit der Akteursliste (steuerung › Akteure) übereinstimmen"))
        .unwrap_or_else(|| "den Akteur in das Blatt Akteure der Steuerungsgruppe aufnehmen oder die Schreibweise angleichen".into())
}
