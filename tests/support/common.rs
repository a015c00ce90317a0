//! Shared helpers: run the `konzept` binary, and build small concept projects
//! in temp dirs from plain row tables (written with rust_xlsxwriter).

use rust_xlsxwriter::{ExcelDateTime, Format, Workbook};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// What one run of the binary left behind.
#[derive(Debug)]
pub struct Output {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

impl Output {
    /// Diagnostic lines (not hints) of one severity label: "fehler", "warnung", "info".
    pub fn lines(&self, label: &str) -> Vec<&str> {
        let prefix = format!("{label}: ");
        self.stderr
            .lines()
            .filter(|l| l.starts_with(&prefix))
            .collect()
    }

    pub fn errors(&self) -> Vec<&str> {
        self.lines("fehler")
    }

    pub fn warnings(&self) -> Vec<&str> {
        self.lines("warnung")
    }

    /// The summary line "N Fehler, M Warnungen in K Dateien": the last line
    /// of stdout for text output, of stderr when stdout carries JSON
    /// (`--format json`, `--model`).
    pub fn summary(&self) -> &str {
        let json = self.stdout.trim_start().starts_with(['[', '{']);
        let from = if json { &self.stderr } else { &self.stdout };
        from.lines().last().unwrap_or("")
    }

    /// stdout parsed as JSON (`--format json` or `--model`).
    pub fn json(&self) -> serde_json::Value {
        serde_json::from_str(&self.stdout)
            .unwrap_or_else(|e| panic!("stdout is not JSON ({e}):\n{}", self.stdout))
    }

    /// Asserts that nothing panicked and the exit code is `code`.
    #[track_caller]
    pub fn assert_code(&self, code: i32) -> &Self {
        assert!(!self.stderr.contains("panicked"), "panic:\n{}", self.stderr);
        assert_eq!(
            self.code, code,
            "exit code\nstdout:\n{}\nstderr:\n{}",
            self.stdout, self.stderr
        );
        self
    }
}

/// Runs `konzept ARGS`.
pub fn konzept(args: &[&str]) -> Output {
    let out = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(args)
        .output()
        .expect("konzept runs");
    Output {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// Runs `konzept check DIR ARGS`.
pub fn check(dir: &Path, args: &[&str]) -> Output {
    let dir = dir.to_str().expect("UTF-8 temp path");
    let mut all = vec!["check", dir];
    all.extend_from_slice(args);
    konzept(&all)
}

/// Runs `konzept build DIR ARGS`.
pub fn build(dir: &Path, args: &[&str]) -> Output {
    let dir = dir.to_str().expect("UTF-8 temp path");
    let mut all = vec!["build", dir];
    all.extend_from_slice(args);
    konzept(&all)
}

/// Copies any folder into a fresh temp dir (e.g. `examples/musterstadt`), so a
/// test can build it without writing into the repository.
pub fn copy_to_temp(from: &Path) -> TempDir {
    let tmp = TempDir::new().expect("temp dir");
    copy_dir(from, tmp.path());
    tmp
}

/// The repository root (for `examples/` and `tests/fixtures/`).
pub fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Copies `tests/fixtures/NAME` (e.g. `good/messy`) into a fresh temp dir, so
/// a test may change it.
pub fn fixture(name: &str) -> TempDir {
    let tmp = TempDir::new().expect("temp dir");
    copy_dir(&repo().join("tests/fixtures").join(name), tmp.path());
    tmp
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).unwrap_or_else(|e| panic!("{}: {e}", from.display())) {
        let entry = entry.expect("dir entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("file type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// One cell of a sheet table.
#[derive(Debug, Clone, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Number(f64),
    /// A date cell (formatted `dd.mm.yyyy`).
    Date(u16, u8, u8),
    /// A number cell formatted as percent: the stored fraction (0.125 = 12,5 %).
    Percent(f64),
}

impl From<&str> for Cell {
    fn from(s: &str) -> Self {
        if s.is_empty() {
            Cell::Empty
        } else {
            Cell::Text(s.to_string())
        }
    }
}

type Table = Vec<Vec<Cell>>;

fn table(rows: &[&[&str]]) -> Table {
    rows.iter()
        .map(|r| r.iter().map(|&s| Cell::from(s)).collect())
        .collect()
}

/// `"C7"` → (row 6, column 2).
fn parse_a1(a1: &str) -> (usize, usize) {
    let split = a1.find(|c: char| c.is_ascii_digit()).expect("A1 reference");
    let (letters, digits) = a1.split_at(split);
    let col = letters.bytes().fold(0, |n, b| {
        n * 26 + (b.to_ascii_uppercase() - b'A') as usize + 1
    });
    (digits.parse::<usize>().expect("row") - 1, col - 1)
}

pub const MINIMAL_TOML: &str = r#"[kommune]
name = "Teststadt"

[dokument]
titel = "Integrationskonzept der Stadt Teststadt"
version = "1.0"
stand = 2026-11-15
laufzeit = { von = 2026, bis = 2030 }
verantwortlich = "Amt für Integration"

[[handlungsfeld]]
name = "Bildung und Sprachförderung"
kurz = "B"
"#;

/// The working-group workbook of the minimal project.
pub const AG: &str = "arbeitsgruppen/ag-bildung.xlsx";
pub const STEUERUNG: &str = "steuerung.xlsx";

/// A concept project in a temp dir. [`Project::new`] is minimal and valid
/// (one field, one goal, one measure, no warnings); tests change what they need.
pub struct Project {
    dir: TempDir,
    toml: String,
    /// file → sheets in order.
    workbooks: BTreeMap<String, Vec<(String, Table)>>,
}

impl Project {
    pub fn new() -> Self {
        Project {
            dir: TempDir::new().expect("temp dir"),
            toml: MINIMAL_TOML.to_string(),
            workbooks: BTreeMap::new(),
        }
        .sheet(
            STEUERUNG,
            "Akteure",
            &[
                &["Akteur", "Kategorie"],
                &["Amt für Schule", "Verwaltung"],
                &["Volkshochschule", "Bildungseinrichtungen"],
                &["Caritas", "Kirchen und Wohlfahrtsorganisationen"],
            ],
        )
        .sheet(
            AG,
            "Arbeitsgruppe",
            &[
                &["Handlungsfeld", "Bildung und Sprachförderung"],
                &["Bezeichnung", "AG Bildung"],
                &["Leitung", "Amt für Schule"],
            ],
        )
        .sheet(
            AG,
            "Ziele",
            &[
                &[
                    "Nr",
                    "Ziel",
                    "Indikator",
                    "Ausgangswert",
                    "Zielwert",
                    "Einheit",
                ],
                &[
                    "1",
                    "Mehr Kinder sprechen gut Deutsch",
                    "Kinder mit Förderbedarf",
                    "",
                    "",
                    "",
                ],
            ],
        )
        .sheet(
            AG,
            "Maßnahmen",
            &[
                &[
                    "Nr",
                    "Ziel",
                    "Maßnahme",
                    "Federführung",
                    "Partner",
                    "Beginn",
                    "Ende",
                    "Kosten",
                    "Priorität",
                    "Status",
                ],
                &[
                    "1",
                    "1",
                    "Sprachcafé",
                    "Amt für Schule",
                    "Volkshochschule",
                    "2027",
                    "2028",
                    "",
                    "hoch",
                    "geplant",
                ],
            ],
        )
    }

    /// Replaces `konzept.toml`.
    pub fn toml(mut self, text: &str) -> Self {
        self.toml = text.to_string();
        self
    }

    /// Replaces the first occurrence of `from` in `konzept.toml`.
    pub fn edit_toml(mut self, from: &str, to: &str) -> Self {
        assert!(self.toml.contains(from), "konzept.toml has no {from:?}");
        self.toml = self.toml.replacen(from, to, 1);
        self
    }

    /// Sets (replaces or adds) a sheet of a workbook from text rows.
    pub fn sheet(mut self, file: &str, sheet: &str, rows: &[&[&str]]) -> Self {
        let sheets = self.workbooks.entry(file.to_string()).or_default();
        match sheets.iter_mut().find(|(n, _)| n == sheet) {
            Some((_, t)) => *t = table(rows),
            None => sheets.push((sheet.to_string(), table(rows))),
        }
        self
    }

    /// Appends text rows to a sheet.
    pub fn rows(mut self, file: &str, sheet: &str, rows: &[&[&str]]) -> Self {
        self.table_mut(file, sheet).extend(table(rows));
        self
    }

    /// Sets one cell (A1 notation) of an existing sheet.
    pub fn cell(mut self, file: &str, sheet: &str, a1: &str, value: impl Into<CellArg>) -> Self {
        let (r, c) = parse_a1(a1);
        let t = self.table_mut(file, sheet);
        if t.len() <= r {
            t.resize(r + 1, Vec::new());
        }
        if t[r].len() <= c {
            t[r].resize(c + 1, Cell::Empty);
        }
        t[r][c] = value.into().0;
        self
    }

    pub fn remove_sheet(mut self, file: &str, sheet: &str) -> Self {
        let sheets = self.workbooks.get_mut(file).expect("workbook");
        let before = sheets.len();
        sheets.retain(|(n, _)| n != sheet);
        assert!(sheets.len() < before, "no sheet {sheet} in {file}");
        self
    }

    pub fn rename_sheet(mut self, file: &str, from: &str, to: &str) -> Self {
        let sheets = self.workbooks.get_mut(file).expect("workbook");
        let sheet = sheets.iter_mut().find(|(n, _)| n == from).expect("sheet");
        sheet.0 = to.to_string();
        self
    }

    /// Copies the sheets of workbook `from` into a new workbook `to`.
    pub fn copy_workbook(mut self, from: &str, to: &str) -> Self {
        let sheets = self.workbooks[from].clone();
        self.workbooks.insert(to.to_string(), sheets);
        self
    }

    pub fn remove_workbook(mut self, file: &str) -> Self {
        self.workbooks.remove(file).expect("workbook");
        self
    }

    fn table_mut(&mut self, file: &str, sheet: &str) -> &mut Table {
        self.workbooks
            .get_mut(file)
            .and_then(|s| s.iter_mut().find(|(n, _)| n == sheet))
            .map(|(_, t)| t)
            .unwrap_or_else(|| panic!("no sheet {sheet} in {file}"))
    }

    /// The temp dir itself (kept alive by the caller).
    pub fn into_dir(self) -> TempDir {
        self.dir
    }

    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `konzept.toml` and every workbook.
    pub fn write(&self) -> &Path {
        let root = self.dir.path();
        std::fs::write(root.join("konzept.toml"), &self.toml).expect("write toml");
        for (file, sheets) in &self.workbooks {
            let path = root.join(file);
            std::fs::create_dir_all(path.parent().expect("parent")).expect("mkdir");
            write_xlsx(&path, sheets);
        }
        root
    }

    /// Writes the project and runs `konzept check` on it.
    pub fn check(&self, args: &[&str]) -> Output {
        check(self.write(), args)
    }

    /// Writes the project and runs `konzept build` on it.
    pub fn build(&self, args: &[&str]) -> Output {
        build(self.write(), args)
    }

    /// Writes the project and returns its `--model` JSON (asserting exit 0 and
    /// no warnings, so the model shown is the one a clean project produces).
    #[track_caller]
    pub fn model(&self) -> serde_json::Value {
        let out = self.check(&["--model"]);
        out.assert_code(0);
        assert!(out.warnings().is_empty(), "{}", out.stderr);
        out.json()
    }
}

/// A cell value for [`Project::cell`]: a `Cell` or plain text.
pub struct CellArg(Cell);

impl From<Cell> for CellArg {
    fn from(c: Cell) -> Self {
        CellArg(c)
    }
}

impl From<&str> for CellArg {
    fn from(s: &str) -> Self {
        CellArg(Cell::from(s))
    }
}

fn write_xlsx(path: &Path, sheets: &[(String, Table)]) {
    let date = Format::new().set_num_format("dd.mm.yyyy");
    let percent = Format::new().set_num_format("0.0%");
    let mut wb = Workbook::new();
    for (name, rows) in sheets {
        let ws = wb.add_worksheet();
        ws.set_name(name).expect("sheet name");
        for (r, row) in rows.iter().enumerate() {
            for (c, cell) in row.iter().enumerate() {
                let (r, c) = (r as u32, c as u16);
                match cell {
                    Cell::Empty => continue,
                    Cell::Text(t) => ws.write_string(r, c, t),
                    Cell::Number(n) => ws.write_number(r, c, *n),
                    Cell::Percent(p) => ws.write_number_with_format(r, c, *p, &percent),
                    Cell::Date(y, m, d) => {
                        let dt = ExcelDateTime::from_ymd(*y, *m, *d).expect("date");
                        ws.write_datetime_with_format(r, c, &dt, &date)
                    }
                }
                .expect("write cell");
            }
        }
    }
    wb.save(path).expect("save xlsx");
}
