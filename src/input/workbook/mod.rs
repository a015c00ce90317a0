//! Workbook reading. calamine is used only here: every format (`.xlsx`,
//! `.xls`, `.ods`) becomes the same [`Workbook`] of sheets whose cells keep
//! their absolute positions, so that every message can name its A1 cell.

// A read error is one per bad file, so its size on the stack does not matter;
// the public functions box it for callers that collect many.
#![allow(clippy::result_large_err)]

mod cells;
mod package_guard;
mod saved;
mod sniff;
mod table;
mod xls_guard;

pub use saved::{last_saved, SavedSource};
pub use table::{Column, Row, Table};

use super::normalize;
use super::values::CellValue;
use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Location, Severity};
use cells::read_kind;
use package_guard::guard_package;
use sniff::{sniff, Kind};
use std::path::Path;
use xls_guard::guard_cfb;

/// Largest workbook file accepted (bytes). Real working-group workbooks are a
/// few hundred kilobytes; anything near this is a mistake or an attack.
pub const MAX_FILE_SIZE: u64 = 50 * 1024 * 1024;
/// Most cells read from one sheet (the bounding box of its used cells).
pub const MAX_CELLS_PER_SHEET: u64 = 2_000_000;
/// Most bytes all parts of an `.xlsx`/`.ods` package may inflate to. A real
/// workbook of tens of thousands of rows stays far below; a zip bomb (parts
/// that inflate to gigabytes) is refused after reading at most this much.
pub const MAX_INFLATED: u64 = 256 * 1024 * 1024;
/// How many rows from the top are searched for the header row.
pub const HEADER_SEARCH_ROWS: u32 = 100;
/// Most characters in one cell (Excel's own limit).
pub const MAX_CELL_CHARS: usize = 32_767;

/// One sheet: a rectangle of cells starting at an absolute position.
#[derive(Debug, Clone)]
pub struct Sheet {
    pub name: String,
    /// Absolute (row, column) of `rows[0][0]`.
    origin: (u32, u32),
    rows: Vec<Vec<CellValue>>,
    /// Number of columns (the longest row), computed once.
    width: usize,
    /// Whether number formats were available, i.e. percentage cells can be
    /// told from plain numbers (only `.xlsx` through calamine).
    pub knows_percent: bool,
}

static EMPTY: CellValue = CellValue::Empty;

impl Sheet {
    pub fn new(name: impl Into<String>, origin: (u32, u32), rows: Vec<Vec<CellValue>>) -> Self {
        let width = rows.iter().map(Vec::len).max().unwrap_or(0);
        Sheet {
            name: name.into(),
            origin,
            rows,
            width,
            knows_percent: true,
        }
    }

    /// The cell at an absolute 0-based position.
    pub fn cell(&self, row: u32, col: u32) -> &CellValue {
        if row < self.origin.0 || col < self.origin.1 {
            return &EMPTY;
        }
        self.rows
            .get((row - self.origin.0) as usize)
            .and_then(|r| r.get((col - self.origin.1) as usize))
            .unwrap_or(&EMPTY)
    }

    /// Absolute row numbers that hold cells.
    pub fn row_range(&self) -> std::ops::Range<u32> {
        self.origin.0..self.origin.0 + self.rows.len() as u32
    }

    /// Absolute column numbers that hold cells.
    pub fn col_range(&self) -> std::ops::Range<u32> {
        self.origin.1..self.origin.1 + self.width as u32
    }

    /// Characters of text in the sheet (for the project-wide limit).
    pub fn text_chars(&self) -> usize {
        self.rows
            .iter()
            .flatten()
            .map(|c| match c {
                CellValue::Text(t) => t.chars().count(),
                _ => 0,
            })
            .sum()
    }

    pub fn is_row_empty(&self, row: u32) -> bool {
        self.col_range().all(|c| self.cell(row, c).is_empty())
    }
}

/// A workbook: its path as shown to users and its sheets in order.
#[derive(Debug, Clone)]
pub struct Workbook {
    pub file: String,
    pub sheets: Vec<Sheet>,
}

impl Workbook {
    /// The sheet with this name or one of its aliases, compared
    /// case-, space- and umlaut-insensitively.
    pub fn sheet(&self, names: &[&str]) -> Option<&Sheet> {
        let wanted: Vec<String> = names.iter().map(|n| normalize(n)).collect();
        self.sheets
            .iter()
            .find(|s| wanted.contains(&normalize(&s.name)))
    }

    /// A required sheet: an error with the nearest sheet name if missing.
    pub fn required_sheet(&self, names: &[&str], diags: &mut Diagnostics) -> Option<&Sheet> {
        let found = self.sheet(names);
        if found.is_none() {
            let hint = did_you_mean(names[0], self.sheets.iter().map(|s| s.name.as_str()))
                .unwrap_or_else(|| {
                    format!(
                        "vorhandene Blätter: {}",
                        self.sheets
                            .iter()
                            .map(|s| format!("„{}“", s.name))
                            .collect::<Vec<_>>()
                            .join(", ")
                    )
                });
            diags
                .error(
                    Location::file(&self.file),
                    format!("das Pflichtblatt „{}“ fehlt", names[0]),
                )
                .hint = Some(hint);
        }
        found
    }
}

const SAVE_AS_HINT: &str =
    "die Datei in Excel oder LibreOffice öffnen und als Arbeitsmappe (.xlsx oder .ods) speichern";

/// Reads a workbook. `display` is the path shown in messages.
pub fn read_workbook(path: &Path, display: &str) -> Result<Workbook, Box<Diagnostic>> {
    read_file(path, display).map_err(Box::new)
}

fn read_file(path: &Path, display: &str) -> Result<Workbook, Diagnostic> {
    let err = |msg: String| Diagnostic::new(Severity::Error, Location::file(display), msg);
    let meta = std::fs::metadata(path).map_err(|e| {
        err(format!(
            "die Datei kann nicht gelesen werden: {}",
            io_reason(&e)
        ))
    })?;
    if meta.len() > MAX_FILE_SIZE {
        return Err(err(format!(
            "die Datei ist mit {} MB zu groß (höchstens {} MB)",
            meta.len() / 1024 / 1024,
            MAX_FILE_SIZE / 1024 / 1024
        ))
        .with_hint("Bilder und nicht benötigte Blätter aus der Arbeitsmappe entfernen"));
    }
    let bytes = std::fs::read(path).map_err(|e| {
        err(format!(
            "die Datei kann nicht gelesen werden: {}",
            io_reason(&e)
        ))
    })?;
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    read_bytes(bytes, &ext, display)
}

fn io_reason(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::NotFound => "sie existiert nicht".into(),
        std::io::ErrorKind::PermissionDenied => "keine Leseberechtigung".into(),
        _ => e.to_string(),
    }
}

/// Reads a workbook from memory (also used by fuzzing and tests).
pub fn read_workbook_bytes(
    bytes: Vec<u8>,
    ext: &str,
    display: &str,
) -> Result<Workbook, Box<Diagnostic>> {
    read_bytes(bytes, ext, display).map_err(Box::new)
}

fn read_bytes(bytes: Vec<u8>, ext: &str, display: &str) -> Result<Workbook, Diagnostic> {
    let err = |msg: String| Diagnostic::new(Severity::Error, Location::file(display), msg);
    let kind = sniff(&bytes, ext).map_err(|m| err(m).with_hint(SAVE_AS_HINT))?;
    if matches!(kind, Kind::Xlsx | Kind::Xlsb | Kind::Ods) {
        guard_package(&bytes).map_err(|(m, hint)| err(m).with_hint(hint))?;
    }
    if kind == Kind::Xls {
        guard_cfb(&bytes).map_err(|detail| broken_file(display, detail))?;
    }
    // calamine panics on some damaged files (found by fuzzing: a slice index
    // out of range in its `.xls` container reader); such a file is broken,
    // not a reason to stop the whole run. The panic hook stays quiet while
    // calamine reads (see [`install_panic_hook`]).
    quietly(|| read_kind(kind, bytes, display))
        .unwrap_or_else(|| Err(broken_file(display, "sie lässt sich nicht einlesen".into())))
}

/// Runs `f`, turning a panic inside it into `None` without the hook printing
/// it: for libraries that may panic on a damaged file (calamine, umya).
pub fn quietly<T>(f: impl FnOnce() -> T) -> Option<T> {
    let run = std::panic::AssertUnwindSafe(|| {
        QUIET.with(|q| q.set(true));
        let r = f();
        QUIET.with(|q| q.set(false));
        r
    });
    let out = std::panic::catch_unwind(run).ok();
    QUIET.with(|q| q.set(false));
    out
}

thread_local! {
    /// Set while calamine reads a file on this thread: its panics are caught
    /// and reported as a broken file, so the hook must not print them.
    static QUIET: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Installs a panic hook that is silent for panics caught while reading a
/// workbook and prints any other (a bug in konzept) as a German message.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        if QUIET.with(|q| q.get()) {
            return;
        }
        let place = info
            .location()
            .map(|l| format!(" ({}:{})", l.file(), l.line()))
            .unwrap_or_default();
        let what = info
            .payload()
            .downcast_ref::<&str>()
            .map(|s| s.to_string())
            .or_else(|| info.payload().downcast_ref::<String>().cloned())
            .unwrap_or_default();
        eprintln!("fehler: interner Fehler in konzept{place}: {what}\n  hinweis: bitte mit den Eingabedateien melden; die Eingaben und vorhandenen Ausgaben sind unverändert");
    }));
}

fn broken_file(display: &str, detail: String) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Location::file(display),
        format!("die Arbeitsmappe ist beschädigt oder unvollständig ({detail})"),
    )
    .with_hint("die Datei erneut aus dem Original speichern oder neu anfordern")
}
