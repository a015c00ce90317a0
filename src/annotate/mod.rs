//! `konzept check --annotate ORDNER`: the answers to the working groups.
//!
//! For every workbook with errors or warnings, a copy goes into ORDNER in
//! which every problem cell is filled (light red for an error, light yellow
//! for a warning) and carries a comment that starts with „Fehler“ or
//! „Warnung“, the message and the hint; a first sheet „Meldungen“ lists all
//! problems of the file with a link to each cell, also those that belong to
//! a whole sheet or the whole file. The original is never written.
//!
//! Names: `ag-bildung.xlsx` → `ag-bildung-Meldungen.xlsx`, `.xlsm` stays
//! `.xlsm`; `.xls`, `.xlsb` and `.ods` come back as `<name>-Meldungen.xlsx`.
//!
//! `.xlsx`/`.xlsm` are edited in place with umya-spreadsheet (`edit.rs`), so
//! that formatting, extra columns, dropdowns, hidden sheets and existing
//! comments stay; the other formats are rebuilt from their cell values
//! (`rebuild.rs`), as is an `.xlsx` umya cannot read.

mod edit;
mod rebuild;

use crate::config::Config;
use crate::diag::{Diagnostic, Diagnostics, Location, Severity};
use crate::input::workbook::{read_workbook, Workbook};
use crate::output::write_atomic;
use std::collections::{BTreeMap, BTreeSet};
use std::path::{Component, Path, PathBuf};

/// The name of the first sheet of every annotated copy.
pub const SHEET: &str = "Meldungen";
/// The author of every comment konzept writes (a later run replaces them).
pub const AUTHOR: &str = "konzept";
/// Fill of a cell with an error (Excel's „Schlecht“ red).
pub const ERROR_FILL: &str = "FFFFC7CE";
/// Fill of a cell with a warning (Excel's „Neutral“ yellow).
pub const WARNING_FILL: &str = "FFFFEB9C";
/// Extensions of files that are annotated.
const WORKBOOK_EXTENSIONS: &[&str] = &["xlsx", "xlsm", "xls", "xlsb", "ods"];

/// One problem of one workbook, as the copy shows it.
#[derive(Debug, Clone)]
pub struct Problem {
    pub severity: Severity,
    /// The sheet as written in the workbook, if the problem has one.
    pub sheet: Option<String>,
    /// The cell in A1 notation, if the problem has one.
    pub cell: Option<String>,
    pub message: String,
    pub hint: Option<String>,
}

impl Problem {
    /// „Fehler“ or „Warnung“: the word that tells the two apart without colour.
    pub fn art(&self) -> &'static str {
        art(self.severity)
    }

    /// The fill colour (ARGB) of its cell.
    pub fn fill(&self) -> &'static str {
        if self.severity == Severity::Error {
            ERROR_FILL
        } else {
            WARNING_FILL
        }
    }

    /// „Fehler: message\nHinweis: hint“, the text of its comment.
    pub fn comment(&self) -> String {
        match &self.hint {
            Some(h) => format!("{}: {}\nHinweis: {h}", self.art(), self.message),
            None => format!("{}: {}", self.art(), self.message),
        }
    }
}

/// „Fehler“ or „Warnung“.
pub fn art(severity: Severity) -> &'static str {
    match severity {
        Severity::Error => "Fehler",
        Severity::Warning => "Warnung",
        Severity::Note => "Hinweis",
    }
}

/// The problems of one cell: the most serious decides the fill.
pub struct CellProblems<'a> {
    pub sheet: &'a str,
    pub cell: &'a str,
    pub problems: Vec<&'a Problem>,
}

impl CellProblems<'_> {
    pub fn fill(&self) -> &'static str {
        self.problems
            .iter()
            .map(|p| p.severity)
            .min()
            .map(|s| {
                if s == Severity::Error {
                    ERROR_FILL
                } else {
                    WARNING_FILL
                }
            })
            .unwrap_or(WARNING_FILL)
    }

    pub fn comment(&self) -> String {
        let texts: Vec<String> = self.problems.iter().map(|p| p.comment()).collect();
        texts.join("\n\n")
    }
}

/// The problems grouped by cell, in reading order.
pub fn by_cell(problems: &[Problem]) -> Vec<CellProblems<'_>> {
    let mut out: Vec<CellProblems<'_>> = Vec::new();
    for p in problems {
        let (Some(sheet), Some(cell)) = (&p.sheet, &p.cell) else {
            continue;
        };
        match out.iter_mut().find(|c| c.sheet == sheet && c.cell == cell) {
            Some(c) => c.problems.push(p),
            None => out.push(CellProblems {
                sheet,
                cell,
                problems: vec![p],
            }),
        }
    }
    out
}

/// The internal link to a cell: `'Maßnahmen'!J4`.
pub fn link(sheet: &str, cell: &str) -> String {
    format!("'{}'!{cell}", sheet.replace('\'', "''"))
}

/// What the column „Zelle“ of the sheet „Meldungen“ says for a problem.
pub fn place(problem: &Problem) -> String {
    match (&problem.sheet, &problem.cell) {
        (_, Some(cell)) => cell.clone(),
        (Some(_), None) => "ganzes Blatt".into(),
        (None, None) => "ganze Datei".into(),
    }
}

/// The lines above the table of the sheet „Meldungen“.
pub fn intro(file: &str, problems: &[Problem]) -> [String; 2] {
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    let warnings = problems.len() - errors;
    [
        format!(
            "Meldungen von konzept zu {file}: {}",
            counts(errors, warnings)
        ),
        "Bitte die markierten Zellen korrigieren: rot ist ein Fehler (das Konzept kann so nicht \
         erstellt werden), gelb eine Warnung (bitte prüfen). Jede markierte Zelle hat einen \
         Kommentar; ein Klick auf die Zelle in der Spalte „Zelle“ springt dorthin. Dieses Blatt \
         darf in der Mappe bleiben."
            .into(),
    ]
}

/// The headers of the table of the sheet „Meldungen“.
pub const HEADERS: [&str; 5] = ["Blatt", "Zelle", "Art", "Meldung", "Hinweis"];
/// Widths of these columns (characters).
pub const WIDTHS: [f64; 5] = [18.0, 14.0, 10.0, 70.0, 60.0];
/// Height (points) of the row with the instructions.
pub const INTRO_HEIGHT: f64 = 48.0;
/// Row (0-based) of the table's header in the sheet „Meldungen“.
pub const HEADER_ROW: u32 = 3;

/// „2 Fehler, 1 Warnung“.
pub fn counts(errors: usize, warnings: usize) -> String {
    format!(
        "{errors} Fehler, {warnings} {}",
        if warnings == 1 {
            "Warnung"
        } else {
            "Warnungen"
        }
    )
}

/// One copy written.
#[derive(Debug, Clone)]
pub struct Written {
    /// The original, relative to the project folder.
    pub original: String,
    pub copy: PathBuf,
    pub errors: usize,
    pub warnings: usize,
    /// Rebuilt from the values (formatting not kept).
    pub rebuilt: bool,
}

/// What `--annotate` did.
#[derive(Debug, Default)]
pub struct Report {
    pub written: Vec<Written>,
    /// Problems of the annotating itself (a folder that cannot be used, a
    /// file that cannot be copied).
    pub diagnostics: Diagnostics,
}

/// Writes an annotated copy of every workbook of the project in `root` that
/// has errors or warnings in `diagnostics` into `folder`.
pub fn annotate(
    root: &Path,
    config: Option<&Config>,
    diagnostics: &Diagnostics,
    folder: &Path,
) -> Report {
    let mut report = Report::default();
    let files = problems_by_file(diagnostics);
    if files.is_empty() {
        return report;
    }
    if let Err(d) = check_folder(root, config, &files, folder) {
        report.diagnostics.push(*d);
        return report;
    }
    if let Err(e) = std::fs::create_dir_all(folder) {
        report.diagnostics.push(
            Diagnostic::new(
                Severity::Error,
                Location::default(),
                format!(
                    "der Ordner „{}“ für die kommentierten Kopien kann nicht angelegt werden: {e}",
                    folder.display()
                ),
            )
            .with_hint("einen anderen Ordner angeben, in dem Sie schreiben dürfen"),
        );
        return report;
    }
    let mut taken = BTreeSet::new();
    for (file, problems) in &files {
        annotate_file(root, file, problems, folder, &mut taken, &mut report);
    }
    report
}

/// The errors and warnings of every workbook, by its path in the project.
fn problems_by_file(diagnostics: &Diagnostics) -> BTreeMap<String, Vec<Problem>> {
    let mut files: BTreeMap<String, Vec<Problem>> = BTreeMap::new();
    for d in diagnostics.sorted() {
        let Some(file) = &d.location.file else {
            continue;
        };
        if d.severity == Severity::Note || !is_workbook(file) {
            continue;
        }
        files.entry(file.clone()).or_default().push(Problem {
            severity: d.severity,
            sheet: d.location.sheet.clone(),
            cell: d
                .location
                .sheet
                .as_ref()
                .and(d.location.col)
                .and(d.location.cell.clone()),
            message: d.message.clone(),
            hint: d.hint.clone(),
        });
    }
    files
}

fn is_workbook(file: &str) -> bool {
    extension(file).is_some_and(|e| WORKBOOK_EXTENSIONS.contains(&e.as_str()))
}

fn extension(file: &str) -> Option<String> {
    Path::new(file)
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_lowercase)
}

/// `arbeitsgruppen/ag-kultur.ods` → `ag-kultur-Meldungen.xlsx` (`.xlsm`
/// for an edited workbook with macros); a second
/// file of the same name gets its format in the name (`ag-kultur-ods-…`).
fn copy_name(file: &str, macros: bool, taken: &mut BTreeSet<String>) -> String {
    let path = Path::new(file);
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "arbeitsmappe".into());
    let ext = extension(file).unwrap_or_default();
    let out_ext = if macros { "xlsm" } else { "xlsx" };
    let mut name = format!("{stem}-{SHEET}.{out_ext}");
    let mut n = 1;
    while taken.contains(&name.to_lowercase()) {
        n += 1;
        name = if n == 2 {
            format!("{stem}-{ext}-{SHEET}.{out_ext}")
        } else {
            format!("{stem}-{ext}-{n}-{SHEET}.{out_ext}")
        };
    }
    taken.insert(name.to_lowercase());
    name
}

/// Refuses a folder in which the copies would stand beside the originals
/// or would be read as workbooks of the project by the next check.
fn check_folder(
    root: &Path,
    config: Option<&Config>,
    files: &BTreeMap<String, Vec<Problem>>,
    folder: &Path,
) -> Result<(), Box<Diagnostic>> {
    let target = absolute(folder);
    let root_abs = absolute(root);
    let refuse = |why: String| {
        Box::new(
            Diagnostic::new(
                Severity::Error,
                Location::default(),
                format!(
                    "in den Ordner „{}“ werden keine kommentierten Kopien geschrieben: {why}",
                    folder.display()
                ),
            )
            .with_hint(
                "einen eigenen Ordner für die Rückmeldungen angeben, z. B. \
                 `--annotate rueckmeldungen`",
            ),
        )
    };
    for file in files.keys() {
        let parent = absolute(&root.join(file));
        if parent.parent() == Some(target.as_path()) {
            return Err(refuse(format!(
                "dort liegt die Arbeitsmappe „{file}“ selbst"
            )));
        }
    }
    let Some(config) = config else {
        return Ok(());
    };
    let steuerung = absolute(&root.join(&config.eingaben.steuerung));
    if steuerung.parent() == Some(target.as_path()) {
        return Err(refuse(format!(
            "dort liegt die Arbeitsmappe der Steuerungsgruppe „{}“",
            config.eingaben.steuerung
        )));
    }
    let options = glob::MatchOptions {
        case_sensitive: false,
        require_literal_separator: true,
        require_literal_leading_dot: false,
    };
    for pattern in &config.eingaben.arbeitsgruppen {
        let full = root_abs.join(pattern);
        let Ok(p) = glob::Pattern::new(&full.to_string_lossy()) else {
            continue;
        };
        if p.matches_path_with(&target.join("x-Meldungen.xlsx"), options) {
            return Err(refuse(format!(
                "die Kopien würden beim nächsten `konzept check` als Arbeitsmappen gelesen \
                 (eingaben.arbeitsgruppen = „{pattern}“)"
            )));
        }
    }
    Ok(())
}

/// The absolute form of a path that may not exist yet: its nearest existing
/// ancestor resolved (symlinks, `..`), the rest appended.
fn absolute(path: &Path) -> PathBuf {
    let path = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .unwrap_or_else(|_| PathBuf::from("."))
            .join(path)
    };
    let mut rest = Vec::new();
    let mut base = path.as_path();
    loop {
        if let Ok(c) = base.canonicalize() {
            let mut out = c;
            for part in rest.iter().rev() {
                out.push(part);
            }
            return lexical(&out);
        }
        match (base.parent(), base.file_name()) {
            (Some(parent), Some(name)) => {
                rest.push(name.to_os_string());
                base = parent;
            }
            _ => return lexical(&path),
        }
    }
}

/// Removes `.` and resolves `..` without touching the disk.
fn lexical(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

fn annotate_file(
    root: &Path,
    file: &str,
    problems: &[Problem],
    folder: &Path,
    taken: &mut BTreeSet<String>,
    report: &mut Report,
) {
    let Some((bytes, rebuilt)) = make_copy(root, file, problems, report) else {
        return;
    };
    // A rebuilt copy has no macros: `.xlsm` only for an edited `.xlsm`.
    let macros = !rebuilt && extension(file).as_deref() == Some("xlsm");
    let copy = folder.join(copy_name(file, macros, taken));
    if let Err(e) = write_atomic(&copy, &bytes) {
        report.diagnostics.push(
            no_copy(
                file,
                format!("„{}“ kann nicht geschrieben werden: {e}", copy.display()),
            )
            .with_hint("prüfen, ob die Datei gerade geöffnet ist, und erneut versuchen"),
        );
        return;
    }
    let errors = problems
        .iter()
        .filter(|p| p.severity == Severity::Error)
        .count();
    report.written.push(Written {
        original: file.to_string(),
        copy,
        errors,
        warnings: problems.len() - errors,
        rebuilt,
    });
}

fn no_copy(file: &str, why: String) -> Diagnostic {
    Diagnostic::new(
        Severity::Warning,
        Location::file(file),
        format!("keine kommentierte Kopie: {why}"),
    )
}

/// The bytes of the copy and whether it was rebuilt from the values.
fn make_copy(
    root: &Path,
    file: &str,
    problems: &[Problem],
    report: &mut Report,
) -> Option<(Vec<u8>, bool)> {
    let source = root.join(file);
    // The same guards as the check (size, zip bombs, encryption); the values
    // are what a rebuilt copy shows.
    let Ok(values) = read_workbook(&source, file) else {
        report.diagnostics.push(
            no_copy(
                file,
                "die Datei lässt sich nicht lesen (siehe die Meldung zu ihr)".into(),
            )
            .with_hint("der Arbeitsgruppe die Meldung zur Datei selbst schicken"),
        );
        return None;
    };
    // By content, not by name: an `.xls` that Excel saved as `.xlsx` inside
    // is edited like one; an `.ods` never.
    let zip = std::fs::File::open(&source).ok().and_then(|mut f| {
        let mut head = [0u8; 4];
        std::io::Read::read_exact(&mut f, &mut head).ok()?;
        Some(head == *b"PK\x03\x04")
    });
    if zip == Some(true) && extension(file).as_deref() != Some("ods") {
        match edit::annotate(&source, file, problems) {
            Ok(bytes) => return Some((bytes, false)),
            Err(why) => report.diagnostics.push(
                Diagnostic::new(
                    Severity::Warning,
                    Location::file(file),
                    format!(
                        "die kommentierte Kopie enthält nur die Werte, nicht die Formatierung \
                         und Auswahllisten des Originals ({why})"
                    ),
                )
                .with_hint("die Arbeitsmappe in Excel oder LibreOffice öffnen und neu speichern"),
            ),
        }
    }
    match rebuild::annotate(&values, file, problems) {
        Ok(bytes) => Some((bytes, true)),
        Err(why) => {
            report.diagnostics.push(no_copy(file, why));
            None
        }
    }
}

/// The sheet of `values` a problem names (exactly, else case-insensitively).
pub fn find_sheet<'a>(values: &'a Workbook, name: &str) -> Option<&'a str> {
    values
        .sheets
        .iter()
        .find(|s| s.name == name)
        .or_else(|| {
            values
                .sheets
                .iter()
                .find(|s| crate::text::normalize(&s.name) == crate::text::normalize(name))
        })
        .map(|s| s.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_names() {
        let mut taken = BTreeSet::new();
        assert_eq!(
            copy_name("arbeitsgruppen/ag-kultur.ods", false, &mut taken),
            "ag-kultur-Meldungen.xlsx"
        );
        assert_eq!(
            copy_name("arbeitsgruppen/ag-kultur.xlsx", false, &mut taken),
            "ag-kultur-xlsx-Meldungen.xlsx"
        );
        assert_eq!(
            copy_name("makro.xlsm", true, &mut taken),
            "makro-Meldungen.xlsm"
        );
        assert_eq!(
            copy_name("steuerung.xls", false, &mut taken),
            "steuerung-Meldungen.xlsx"
        );
    }

    #[test]
    fn links_quote_sheet_names() {
        assert_eq!(link("Maßnahmen", "J4"), "'Maßnahmen'!J4");
        assert_eq!(link("Ziele der AG's", "A1"), "'Ziele der AG''s'!A1");
    }

    #[test]
    fn one_comment_per_cell() {
        let p = |s, m: &str| Problem {
            severity: s,
            sheet: Some("Ziele".into()),
            cell: Some("B5".into()),
            message: m.into(),
            hint: Some("h".into()),
        };
        let problems = [p(Severity::Warning, "w"), p(Severity::Error, "e")];
        let cells = by_cell(&problems);
        assert_eq!(cells.len(), 1);
        assert_eq!(cells[0].fill(), ERROR_FILL);
        assert_eq!(
            cells[0].comment(),
            "Warnung: w\nHinweis: h\n\nFehler: e\nHinweis: h"
        );
    }
}
