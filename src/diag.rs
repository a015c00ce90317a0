//! Diagnostics: one per problem, each with its place (file › sheet › cell),
//! collected across all inputs and shown together.
//!
//! Nothing in the reading and checking stages stops at the first problem: every
//! stage pushes into a [`Diagnostics`] and goes on, so a working group sees all
//! of its mistakes in one run instead of one per afternoon.

use serde::Serialize;
use std::fmt;

/// How serious a problem is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// The document cannot be made until this is fixed.
    Error,
    /// The document is made, but something looks wrong.
    Warning,
    /// Information only, e.g. a skipped lock file.
    Note,
}

impl Severity {
    /// The German prefix printed before the message.
    pub fn label(self) -> &'static str {
        match self {
            Severity::Error => "fehler",
            Severity::Warning => "warnung",
            Severity::Note => "info",
        }
    }
}

/// Where a problem is: a file, optionally a sheet in it, optionally a cell
/// (A1 notation) or another place such as a line of `konzept.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Location {
    /// Path relative to the project folder, with `/` separators.
    pub file: Option<String>,
    /// Sheet name as written in the workbook.
    pub sheet: Option<String>,
    /// Cell in A1 notation, or e.g. "Zeile 12" for a line of a text file.
    pub cell: Option<String>,
    /// Sort keys: row and column (0-based, absolute) where known.
    #[serde(skip)]
    pub row: Option<u32>,
    #[serde(skip)]
    pub col: Option<u32>,
}

impl Location {
    /// A whole file.
    pub fn file(file: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            ..Default::default()
        }
    }

    /// A whole sheet of a file.
    pub fn sheet(file: impl Into<String>, sheet: impl Into<String>) -> Self {
        Location {
            file: Some(file.into()),
            sheet: Some(sheet.into()),
            ..Default::default()
        }
    }

    /// One cell, from its absolute 0-based position.
    pub fn cell(file: impl Into<String>, sheet: impl Into<String>, row: u32, col: u32) -> Self {
        Location {
            file: Some(file.into()),
            sheet: Some(sheet.into()),
            cell: Some(a1(row, col)),
            row: Some(row),
            col: Some(col),
        }
    }

    /// A line of a text file such as `konzept.toml` (1-based).
    pub fn line(file: impl Into<String>, line: usize) -> Self {
        Location {
            file: Some(file.into()),
            cell: Some(format!("Zeile {line}")),
            row: Some(line as u32),
            ..Default::default()
        }
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let parts: Vec<&str> = [&self.file, &self.sheet, &self.cell]
            .into_iter()
            .filter_map(|p| p.as_deref())
            .collect();
        write!(f, "{}", parts.join(" › "))
    }
}

/// The A1 reference of an absolute 0-based (row, column) position.
pub fn a1(row: u32, col: u32) -> String {
    format!("{}{}", column_letters(col), row as u64 + 1)
}

/// Spreadsheet column letters: 0 → A, 25 → Z, 26 → AA.
pub fn column_letters(col: u32) -> String {
    let mut n = col as u64 + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(b'A' + rem);
        n = (n - 1) / 26;
    }
    letters.reverse();
    String::from_utf8(letters).expect("ASCII letters")
}

/// One problem.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Diagnostic {
    pub severity: Severity,
    #[serde(flatten)]
    pub location: Location,
    pub message: String,
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn new(severity: Severity, location: Location, message: impl Into<String>) -> Self {
        Diagnostic {
            severity,
            location,
            message: message.into(),
            hint: None,
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn with_hint_opt(mut self, hint: Option<String>) -> Self {
        self.hint = hint;
        self
    }
}

impl fmt::Display for Diagnostic {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let place = self.location.to_string();
        if place.is_empty() {
            write!(f, "{}: {}", self.severity.label(), self.message)?;
        } else {
            write!(f, "{}: {}: {}", self.severity.label(), place, self.message)?;
        }
        if let Some(hint) = &self.hint {
            write!(f, "\n  hinweis: {hint}")?;
        }
        Ok(())
    }
}

/// All problems found so far, plus how many files were looked at.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    items: Vec<Diagnostic>,
    /// Number of input files read (for the summary line).
    pub files: usize,
}

impl Diagnostics {
    pub fn new() -> Self {
        Self::default()
    }

    pub fn push(&mut self, d: Diagnostic) {
        self.items.push(d);
    }

    pub fn error(&mut self, location: Location, message: impl Into<String>) -> &mut Diagnostic {
        self.items
            .push(Diagnostic::new(Severity::Error, location, message));
        self.items.last_mut().expect("just pushed")
    }

    pub fn warning(&mut self, location: Location, message: impl Into<String>) -> &mut Diagnostic {
        self.items
            .push(Diagnostic::new(Severity::Warning, location, message));
        self.items.last_mut().expect("just pushed")
    }

    pub fn note(&mut self, location: Location, message: impl Into<String>) -> &mut Diagnostic {
        self.items
            .push(Diagnostic::new(Severity::Note, location, message));
        self.items.last_mut().expect("just pushed")
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.items.extend(other.items);
        self.files += other.files;
    }

    pub fn has_errors(&self) -> bool {
        self.count(Severity::Error) > 0
    }

    pub fn count(&self, severity: Severity) -> usize {
        self.items.iter().filter(|d| d.severity == severity).count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.items.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// Sorted by file, then sheet, then row and column, so that a working group
    /// finds its problems together and in reading order. Problems without a
    /// file (the project as a whole) come first. The sort is stable: problems
    /// at the same place keep the order in which they were found.
    pub fn sorted(&self) -> Vec<&Diagnostic> {
        let mut v: Vec<&Diagnostic> = self.items.iter().collect();
        v.sort_by(|a, b| {
            let ka = (
                &a.location.file,
                &a.location.sheet,
                a.location.row,
                a.location.col,
            );
            let kb = (
                &b.location.file,
                &b.location.sheet,
                b.location.row,
                b.location.col,
            );
            ka.cmp(&kb)
        });
        v
    }

    /// "0 Fehler, 0 Warnungen in 9 geprüften Dateien", or, when only some of
    /// the files have problems, "2 Fehler, 5 Warnungen in 2 von 9 geprüften
    /// Dateien": the count says how many files need work.
    pub fn summary(&self) -> String {
        let e = self.count(Severity::Error);
        let w = self.count(Severity::Warning);
        let warnings = if w == 1 { "Warnung" } else { "Warnungen" };
        let head = format!("{e} Fehler, {w} {warnings}");
        let n = self.files;
        if n == 0 {
            return head;
        }
        let dateien = if n == 1 { "Datei" } else { "Dateien" };
        let with_problems: std::collections::BTreeSet<&str> = self
            .items
            .iter()
            .filter(|d| d.severity != Severity::Note)
            .filter_map(|d| d.location.file.as_deref())
            .collect();
        let k = with_problems.len();
        if k == 0 || k >= n {
            format!("{head} in {n} geprüften {dateien}")
        } else {
            format!("{head} in {k} von {n} geprüften {dateien}")
        }
    }

    /// The diagnostics as text, one block per problem, then the summary.
    pub fn render_text(&self) -> String {
        let mut out = String::new();
        for d in self.sorted() {
            out.push_str(&d.to_string());
            out.push('\n');
        }
        out.push_str(&self.summary());
        out.push('\n');
        out
    }

    /// The diagnostics as a JSON array (severity, file, sheet, cell, message, hint).
    pub fn render_json(&self) -> String {
        serde_json::to_string_pretty(&self.sorted()).expect("diagnostics serialise") + "\n"
    }
}

/// The known name closest to `input` (compared on normalised forms), if it is
/// close enough to be a plausible typo.
pub fn nearest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let needle = crate::text::normalize(input);
    if needle.is_empty() {
        return None;
    }
    let mut best: Option<(&str, f64)> = None;
    for c in candidates {
        let hay = crate::text::normalize(c);
        let score = strsim::jaro_winkler(&needle, &hay);
        let contains = !hay.is_empty() && (hay.contains(&needle) || needle.contains(&hay));
        let score = if contains { score.max(0.9) } else { score };
        if best.is_none_or(|(_, s)| score > s) {
            best = Some((c, score));
        }
    }
    // 0.85: typos ("titl", "Massnahem", "Vorwrot") score above 0.9, while merely
    // similar words ("Bemerkung" → "Beschreibung", 0.79) do not make a hint.
    best.filter(|(_, s)| *s >= 0.85).map(|(c, _)| c)
}

/// "meinten Sie „X“?" for the nearest candidate, if any.
pub fn did_you_mean<'a>(
    input: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<String> {
    nearest(input, candidates).map(|c| format!("meinten Sie „{c}“?"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a1_references() {
        assert_eq!(a1(0, 0), "A1");
        assert_eq!(a1(4, 7), "H5");
        assert_eq!(a1(9, 25), "Z10");
        assert_eq!(a1(0, 26), "AA1");
        assert_eq!(a1(0, 701), "ZZ1");
        assert_eq!(a1(0, 702), "AAA1");
    }

    #[test]
    fn display_with_place_and_hint() {
        let d = Diagnostic::new(
            Severity::Error,
            Location::cell("ag.xlsx", "Maßnahmen", 4, 7),
            "Beginn „x“ ist kein Datum",
        )
        .with_hint("z. B. 31.12.2027");
        assert_eq!(
            d.to_string(),
            "fehler: ag.xlsx › Maßnahmen › H5: Beginn „x“ ist kein Datum\n  hinweis: z. B. 31.12.2027"
        );
    }

    #[test]
    fn summary_counts() {
        let mut d = Diagnostics::new();
        d.files = 8;
        d.error(Location::file("a"), "x");
        d.error(Location::file("a"), "y");
        d.warning(Location::file("a"), "z");
        assert_eq!(
            d.summary(),
            "2 Fehler, 1 Warnung in 1 von 8 geprüften Dateien"
        );
        d.warning(Location::cell("b.xlsx", "Ziele", 1, 1), "w");
        assert_eq!(
            d.summary(),
            "2 Fehler, 2 Warnungen in 2 von 8 geprüften Dateien"
        );
        let mut clean = Diagnostics::new();
        clean.files = 9;
        assert_eq!(
            clean.summary(),
            "0 Fehler, 0 Warnungen in 9 geprüften Dateien"
        );
        clean.files = 1;
        clean.error(Location::line("konzept.toml", 3), "x");
        assert_eq!(
            clean.summary(),
            "1 Fehler, 0 Warnungen in 1 geprüften Datei"
        );
    }

    #[test]
    fn sorted_by_file_sheet_row() {
        let mut d = Diagnostics::new();
        d.error(Location::cell("b.xlsx", "Ziele", 3, 0), "3");
        d.error(Location::cell("a.xlsx", "Ziele", 9, 0), "2");
        d.error(Location::cell("a.xlsx", "Ziele", 2, 0), "1");
        d.warning(Location::default(), "0");
        let order: Vec<&str> = d.sorted().iter().map(|x| x.message.as_str()).collect();
        assert_eq!(order, ["0", "1", "2", "3"]);
    }

    #[test]
    fn nearest_name() {
        let names = ["titel", "untertitel", "version"];
        assert_eq!(nearest("titl", names), Some("titel"));
        assert_eq!(nearest("xyzzy", names), None);
    }
}
