//! Workbook reading. calamine is used only here: every format (`.xlsx`,
//! `.xls`, `.ods`) becomes the same [`Workbook`] of sheets whose cells keep
//! their absolute positions, so that every message can name its A1 cell.

// A read error is one per bad file, so its size on the stack does not matter;
// the public functions box it for callers that collect many.
#![allow(clippy::result_large_err)]

use super::values::CellValue;
use super::{clean_text, normalize};
use crate::diag::{did_you_mean, Diagnostic, Diagnostics, Location, Severity};
use calamine::{Data, Ods, Reader, Xls, Xlsx};
use std::collections::BTreeMap;
use std::io::Cursor;
use std::path::Path;

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

/// What kind of file the bytes are, judged by content, not by name: people
/// rename CSV exports and saved web pages to `.xlsx`.
#[derive(Debug, PartialEq, Eq)]
enum Kind {
    Xlsx,
    Ods,
    Xls,
    EncryptedOoxml,
}

fn sniff(bytes: &[u8], ext: &str) -> Result<Kind, String> {
    if bytes.is_empty() {
        return Err("die Datei ist leer (0 Byte)".into());
    }
    if bytes.starts_with(b"PK\x03\x04") {
        // ODF packages start with an uncompressed `mimetype` entry.
        let head = &bytes[..bytes.len().min(128)];
        if contains(head, b"application/vnd.oasis.opendocument") {
            if contains(head, b"opendocument.spreadsheet") {
                return Ok(Kind::Ods);
            }
            return Err("die Datei ist ein OpenDocument-Dokument, aber keine Tabelle (z. B. ein Textdokument)".into());
        }
        return Ok(if ext == "ods" { Kind::Ods } else { Kind::Xlsx });
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
        let marker: Vec<u8> = "EncryptedPackage"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if contains(bytes, &marker) {
            return Ok(Kind::EncryptedOoxml);
        }
        return Ok(Kind::Xls);
    }
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_lowercase();
    let head = head.trim_start_matches('\u{feff}').trim_start();
    if head.starts_with("<!doctype html") || head.starts_with("<html") || head.contains("<table") {
        return Err("die Datei ist eine HTML-Seite, keine Arbeitsmappe".into());
    }
    if head.starts_with("<?xml") {
        return Err("die Datei ist eine XML-Datei, keine Arbeitsmappe".into());
    }
    if head.starts_with("%pdf") {
        return Err("die Datei ist ein PDF-Dokument, keine Arbeitsmappe".into());
    }
    let printable = bytes[..bytes.len().min(2048)]
        .iter()
        .all(|&b| b >= 0x20 || b == b'\n' || b == b'\r' || b == b'\t' || b >= 0x80);
    if printable && (head.contains(';') || head.contains(',') || head.contains('\t')) {
        return Err(
            "die Datei ist eine Textdatei mit Trennzeichen (CSV), keine Arbeitsmappe".into(),
        );
    }
    Err("die Datei ist keine Arbeitsmappe (weder .xlsx noch .xls noch .ods)".into())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
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
    if matches!(kind, Kind::Xlsx | Kind::Ods) {
        guard_package(&bytes).map_err(|(m, hint)| err(m).with_hint(hint))?;
    }
    if kind == Kind::Xls {
        guard_cfb(&bytes).map_err(|detail| broken_file(display, detail))?;
    }
    // calamine panics on some damaged files (found by fuzzing: a slice index
    // out of range in its `.xls` container reader); such a file is broken,
    // not a reason to stop the whole run. The panic hook stays quiet while
    // calamine reads (see [`install_panic_hook`]).
    let read = std::panic::AssertUnwindSafe(|| {
        QUIET.with(|q| q.set(true));
        let r = read_kind(kind, bytes, display);
        QUIET.with(|q| q.set(false));
        r
    });
    std::panic::catch_unwind(read).unwrap_or_else(|_| {
        QUIET.with(|q| q.set(false));
        Err(broken_file(display, "sie lässt sich nicht einlesen".into()))
    })
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

/// Checks the sector chains of an OLE compound file (`.xls`) before calamine
/// follows them: calamine collects a chain until its end marker, so a chain
/// that loops (found by fuzzing: 9 KB file, 4 GB requested) never ends. Every
/// chain used for the directory and the streams must end within the file.
fn guard_cfb(b: &[u8]) -> Result<(), String> {
    const END: u32 = 0xFFFF_FFFE;
    const FREE: u32 = 0xFFFF_FFFF;
    let bad = |what: &str| Err(format!("der Container ist fehlerhaft: {what}"));
    let u16_at = |o: usize| b.get(o..o + 2).map(|x| u16::from_le_bytes([x[0], x[1]]));
    let u32_at = |o: usize| {
        b.get(o..o + 4)
            .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
    };
    let (Some(shift), Some(mini_shift)) = (u16_at(0x1E), u16_at(0x20)) else {
        return bad("Kopf zu kurz");
    };
    if !(shift == 9 || shift == 12) || mini_shift != 6 {
        return bad("ungültige Sektorgröße");
    }
    let size = 1usize << shift;
    if b.len() < size {
        return bad("Kopf zu kurz");
    }
    let sectors = (b.len() / size).saturating_sub(1);
    let sector = |n: u32| -> Option<&[u8]> {
        let start = (n as usize).checked_add(1)?.checked_mul(size)?;
        b.get(start..start + size)
    };
    // FAT sector numbers: 109 in the header, more in the DIFAT chain.
    let mut fat_sectors: Vec<u32> = (0..109)
        .filter_map(|i| u32_at(0x4C + 4 * i))
        .filter(|&n| n < END - 3)
        .collect();
    let mut next = u32_at(0x44).unwrap_or(END);
    let mut seen = 0usize;
    while next < END - 3 {
        seen += 1;
        if seen > sectors {
            return bad("DIFAT-Kette ohne Ende");
        }
        let Some(sec) = sector(next) else {
            return bad("DIFAT außerhalb der Datei");
        };
        let per = size / 4 - 1;
        fat_sectors.extend(
            (0..per)
                .map(|i| u32::from_le_bytes(sec[4 * i..4 * i + 4].try_into().expect("4 bytes")))
                .filter(|&n| n < END - 3),
        );
        next = u32::from_le_bytes(sec[size - 4..].try_into().expect("4 bytes"));
    }
    let mut fat: Vec<u32> = Vec::new();
    for &n in &fat_sectors {
        let Some(sec) = sector(n) else {
            return bad("FAT außerhalb der Datei");
        };
        fat.extend(
            sec.chunks_exact(4)
                .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]])),
        );
        if fat.len() > sectors.saturating_mul(2) + size {
            break; // more entries than sectors: the rest is never reached
        }
    }
    // Follows a chain in `table`; it must end before visiting more entries
    // than the table has.
    let follow = |table: &[u32], start: u32| -> Result<Vec<u32>, String> {
        let mut chain = Vec::new();
        let mut n = start;
        while n != END && n != FREE {
            if n as usize >= table.len() || chain.len() > table.len() {
                return Err("der Container ist fehlerhaft: eine Sektorkette endet nicht".into());
            }
            chain.push(n);
            n = table[n as usize];
        }
        Ok(chain)
    };
    let dir_chain = follow(&fat, u32_at(0x30).unwrap_or(END))?;
    let mini_fat_chain = follow(&fat, u32_at(0x3C).unwrap_or(END))?;
    let mut mini_fat: Vec<u32> = Vec::new();
    for n in mini_fat_chain {
        let Some(sec) = sector(n) else {
            return bad("MiniFAT außerhalb der Datei");
        };
        mini_fat.extend(
            sec.chunks_exact(4)
                .map(|x| u32::from_le_bytes([x[0], x[1], x[2], x[3]])),
        );
    }
    let cutoff = u32_at(0x38).unwrap_or(4096) as u64;
    // calamine takes the first directory entry as the root, whatever its
    // type, and follows its chain for the mini stream (found by fuzzing).
    let mut root_chain = Vec::new();
    if let Some(first) = dir_chain.first().and_then(|&n| sector(n)) {
        let start = u32::from_le_bytes(first[116..120].try_into().expect("4 bytes"));
        root_chain = follow(&fat, start)?;
    }
    let mut book: Option<(u32, u64)> = None;
    for n in dir_chain {
        let Some(sec) = sector(n) else {
            return bad("Verzeichnis außerhalb der Datei");
        };
        for entry in sec.chunks_exact(128) {
            let kind = entry[66];
            let start = u32::from_le_bytes(entry[116..120].try_into().expect("4 bytes"));
            let len = u64::from_le_bytes(entry[120..128].try_into().expect("8 bytes"));
            let name_len = (u16::from_le_bytes([entry[64], entry[65]]) as usize).min(64);
            let name: String = char::decode_utf16(
                entry[..name_len.saturating_sub(2)]
                    .chunks_exact(2)
                    .map(|c| u16::from_le_bytes([c[0], c[1]])),
            )
            .map(|c| c.unwrap_or('?'))
            .collect();
            match kind {
                // root: the mini stream lives in the FAT
                5 => root_chain = follow(&fat, start)?,
                2 if len >= cutoff => {
                    follow(&fat, start)?;
                }
                2 => {
                    follow(&mini_fat, start)?;
                }
                _ => {}
            }
            if kind == 2 && (name == "Workbook" || name == "Book") {
                book = Some((start, len));
            }
        }
    }
    // calamine reserves rows × columns as the workbook's DIMENSIONS records
    // claim (found by fuzzing: a request for 1.7 petabytes); bound them.
    if let Some((start, len)) = book {
        let len = len.min(b.len() as u64) as usize;
        let mut stream = Vec::with_capacity(len);
        if len as u64 >= cutoff {
            for n in follow(&fat, start)? {
                stream.extend_from_slice(sector(n).unwrap_or_default());
            }
        } else {
            let mini: Vec<u8> = root_chain
                .iter()
                .flat_map(|&n| sector(n).unwrap_or_default().iter().copied())
                .collect();
            for n in follow(&mini_fat, start)? {
                let at = n as usize * 64;
                stream.extend_from_slice(mini.get(at..at + 64).unwrap_or_default());
            }
        }
        stream.truncate(len);
        // The cells' bounding box per sheet (calamine allocates it densely).
        let mut bounds: Option<(u32, u32, u32, u32)> = None;
        let check_bounds = |b: Option<(u32, u32, u32, u32)>| -> Result<(), String> {
            if let Some((r0, r1, c0, c1)) = b {
                let area = (r1 - r0 + 1) as u64 * (c1 - c0 + 1) as u64;
                if area > MAX_CELLS_PER_SHEET {
                    return Err(format!(
                        "die Zellen eines Blatts reichen über {} Zeilen × {} Spalten (höchstens {MAX_CELLS_PER_SHEET} Zellen)",
                        r1 - r0 + 1,
                        c1 - c0 + 1
                    ));
                }
            }
            Ok(())
        };
        // calamine reads the globals from the start and each sheet from the
        // offset its BOUNDSHEET record names, which may point anywhere in a
        // damaged file: scan from each of those places as calamine will.
        let mut sheets: Vec<usize> = Vec::new();
        let mut scan = |from: usize, sheets: &mut Vec<usize>| -> Result<(), String> {
            let mut pos = from;
            while pos + 4 <= stream.len() {
                let typ = u16::from_le_bytes([stream[pos], stream[pos + 1]]);
                let size = u16::from_le_bytes([stream[pos + 2], stream[pos + 3]]) as usize;
                let data = stream.get(pos + 4..pos + 4 + size).unwrap_or_default();
                if typ == 0x0085 && data.len() >= 4 {
                    // BOUNDSHEET: calamine reads each sheet from this offset.
                    sheets.push(u32::from_le_bytes([data[0], data[1], data[2], data[3]]) as usize);
                }
                // A sheet's substream starts with BOF: new bounds.
                if typ == 0x0809 {
                    check_bounds(bounds.take())?;
                }
                let cell_cols = match typ {
                    // NUMBER, LABEL, BOOLERR, FORMULA, RSTRING, LABELSST, RK, BLANK
                    0x0203 | 0x0204 | 0x0205 | 0x0006 | 0x00D6 | 0x00FD | 0x027E | 0x0201
                        if data.len() >= 4 =>
                    {
                        let c = u16::from_le_bytes([data[2], data[3]]) as u32;
                        Some((c, c))
                    }
                    // MULRK, MULBLANK: first column at 2, last column in the last two bytes
                    0x00BD | 0x00BE if data.len() >= 6 => Some((
                        u16::from_le_bytes([data[2], data[3]]) as u32,
                        u16::from_le_bytes([data[data.len() - 2], data[data.len() - 1]]) as u32,
                    )),
                    _ => None,
                };
                if let Some((c0, c1)) = cell_cols {
                    let r = u16::from_le_bytes([data[0], data[1]]) as u32;
                    let (c0, c1) = (c0.min(c1), c0.max(c1));
                    bounds = Some(match bounds {
                        None => (r, r, c0, c1),
                        Some((r0, r1, a0, a1)) => (r0.min(r), r1.max(r), a0.min(c0), a1.max(c1)),
                    });
                }
                if typ == 0x0200 {
                    // The same reading as calamine's `parse_dimensions`, which
                    // then reserves (last − first + 1) rows × columns; a first
                    // row after the last wraps around in a release build.
                    let u32_ = |o: usize| {
                        data.get(o..o + 4)
                            .map_or(0, |x| u32::from_le_bytes([x[0], x[1], x[2], x[3]]))
                    };
                    let u16_ = |o: usize| {
                        data.get(o..o + 2)
                            .map_or(0, |x| u16::from_le_bytes([x[0], x[1]]) as u32)
                    };
                    let dims = match data.len() {
                        10 => Some((u16_(0), u16_(2), u16_(4), u16_(6))),
                        14 | 16 => Some((u32_(0), u32_(4), u16_(8), u16_(10))),
                        _ => None,
                    };
                    if let Some((rf, rl, mut cf, cl)) = dims {
                        if cf > 0xFF || cl < cf {
                            cf = 0;
                        }
                        let (end_r, end_c) = if rl >= 1 && cl >= 1 {
                            (rl - 1, cl - 1)
                        } else {
                            (rf, cf)
                        };
                        if end_r < rf || end_c < cf {
                            return Err("ein Blatt hat unmögliche Abmessungen".into());
                        }
                        let area = (end_r - rf + 1) as u64 * (end_c - cf + 1) as u64;
                        if area > MAX_CELLS_PER_SHEET {
                            return Err(format!(
                                "ein Blatt gibt {} Zeilen × {} Spalten an (höchstens {MAX_CELLS_PER_SHEET} Zellen)",
                                end_r - rf + 1,
                                end_c - cf + 1
                            ));
                        }
                    }
                }
                pos += 4 + size;
            }
            check_bounds(bounds)?;
            Ok(())
        };
        scan(0, &mut sheets)?;
        let starts = std::mem::take(&mut sheets);
        for from in starts.into_iter().take(1000) {
            scan(from, &mut Vec::new())?;
        }
    }
    Ok(())
}

fn broken_file(display: &str, detail: String) -> Diagnostic {
    Diagnostic::new(
        Severity::Error,
        Location::file(display),
        format!("die Arbeitsmappe ist beschädigt oder unvollständig ({detail})"),
    )
    .with_hint("die Datei erneut aus dem Original speichern oder neu anfordern")
}

fn read_kind(kind: Kind, bytes: Vec<u8>, display: &str) -> Result<Workbook, Diagnostic> {
    let err = |msg: String| Diagnostic::new(Severity::Error, Location::file(display), msg);
    let password = || {
        err("die Arbeitsmappe ist mit einem Kennwort geschützt und kann nicht gelesen werden".into())
            .with_hint("den Kennwortschutz in Excel oder LibreOffice aufheben (Datei › Informationen bzw. Datei › Eigenschaften › Sicherheit) und erneut speichern")
    };
    let broken = |detail: String| broken_file(display, detail);
    match kind {
        Kind::EncryptedOoxml => Err(password()),
        Kind::Xlsx => {
            let mut wb: Xlsx<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::XlsxError::Password => password(),
                    other => broken(other.to_string()),
                })?;
            let names = wb.sheet_names();
            let mut sheets = Vec::new();
            for name in names {
                check_xlsx_extent(&mut wb, &name, display).map_err(|e| match e {
                    Extent::Broken(detail) => broken(detail),
                    Extent::TooLarge(d) => d,
                })?;
                let range = wb
                    .worksheet_range(&name)
                    .map_err(|e| broken(e.to_string()))?;
                let styles = wb.worksheet_style(&name).ok();
                sheets.push(convert(&name, &range, styles.as_ref(), display)?);
            }
            Ok(Workbook {
                file: display.into(),
                sheets,
            })
        }
        Kind::Ods => {
            let mut wb: Ods<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::OdsError::Password => password(),
                    other => broken(other.to_string()),
                })?;
            let names = wb.sheet_names();
            let mut sheets = Vec::new();
            for name in names {
                let range = wb
                    .worksheet_range(&name)
                    .map_err(|e| broken(e.to_string()))?;
                let mut s = convert(&name, &range, None, display)?;
                s.knows_percent = false;
                sheets.push(s);
            }
            Ok(Workbook {
                file: display.into(),
                sheets,
            })
        }
        Kind::Xls => {
            let mut wb: Xls<_> =
                calamine::open_workbook_from_rs(Cursor::new(bytes)).map_err(|e| match e {
                    calamine::XlsError::Password => password(),
                    other => broken(other.to_string()),
                })?;
            let names = wb.sheet_names();
            let mut sheets = Vec::new();
            for name in names {
                let range = wb
                    .worksheet_range(&name)
                    .map_err(|e| broken(e.to_string()))?;
                let mut s = convert(&name, &range, None, display)?;
                s.knows_percent = false;
                sheets.push(s);
            }
            Ok(Workbook {
                file: display.into(),
                sheets,
            })
        }
    }
}

/// Checks an OOXML/ODF package before calamine inflates it: the sizes its
/// entries declare, and the bytes they really inflate to (declared sizes can
/// lie), both bounded by [`MAX_INFLATED`]. Memory stays bounded: entries are
/// inflated into a counter, not into memory.
fn guard_package(bytes: &[u8]) -> Result<(), (String, String)> {
    const RESAVE: &str = "die Datei ist keine gewöhnliche Arbeitsmappe; bitte das Original in Excel oder LibreOffice öffnen, neu speichern und erneut abgeben";
    use std::io::Read;
    let mut zip = match zip::ZipArchive::new(Cursor::new(bytes)) {
        Ok(z) => z,
        // Not a readable package: calamine reports it as broken.
        Err(_) => return Ok(()),
    };
    if zip.len() > 10_000 {
        return Err((
            format!(
                "das Paket enthält {} Teile; eine Arbeitsmappe hat nur wenige",
                zip.len()
            ),
            RESAVE.into(),
        ));
    }
    let mut declared: u64 = 0;
    for i in 0..zip.len() {
        if let Ok(f) = zip.by_index_raw(i) {
            declared = declared.saturating_add(f.size());
        }
    }
    let too_big = || {
        (
            format!(
                "die Datei würde entpackt mehr als {} MB belegen (gepackte Datei mit auffälligem Verhältnis, möglicherweise eine „Zip-Bombe“)",
                MAX_INFLATED / 1024 / 1024
            ),
            RESAVE.to_string(),
        )
    };
    if declared > MAX_INFLATED {
        return Err(too_big());
    }
    let mut actual: u64 = 0;
    for i in 0..zip.len() {
        let Ok(mut f) = zip.by_index(i) else { continue };
        let name = f.name().map(|n| n.into_owned()).unwrap_or_default();
        if name.starts_with("xl/worksheets/") && name.ends_with(".xml") {
            // calamine sizes its cell buffers by the sheet's declared
            // <dimension>; refuse absurd ones before it allocates.
            let mut head = vec![0u8; 4096];
            let n = read_up_to(&mut f, &mut head);
            actual += n as u64;
            if let Some((from, to, area)) = declared_dimension(&head[..n]) {
                if area > MAX_CELLS_PER_SHEET {
                    return Err((
                        format!("ein Blatt reicht laut Datei von {from} bis {to} und ist damit zu groß (höchstens {MAX_CELLS_PER_SHEET} Zellen)"),
                        "leere, aber formatierte Zeilen und Spalten am Ende des Blattes löschen und die Datei neu speichern".into(),
                    ));
                }
            }
        }
        if name == "content.xml" {
            // calamine expands ODF repeat counts (cells repeated thousands of
            // times in rows repeated thousands of times) before anything can
            // be checked; bound the used area from the XML first.
            let budget = MAX_INFLATED - actual;
            let mut counted = CountingReader {
                inner: (&mut f).take(budget + 1),
                n: 0,
            };
            let area = ods_used_area(std::io::BufReader::new(&mut counted));
            actual += counted.n;
            if let Some((rows, cols)) =
                area.filter(|(r, c)| r.saturating_mul(*c) > MAX_CELLS_PER_SHEET)
            {
                return Err((
                    format!("ein Blatt reicht über {rows} Zeilen × {cols} Spalten und ist damit zu groß (höchstens {MAX_CELLS_PER_SHEET} Zellen)"),
                    "leere, aber formatierte Zeilen und Spalten am Ende des Blattes löschen und die Datei neu speichern".into(),
                ));
            }
            if actual > MAX_INFLATED {
                return Err(too_big());
            }
            continue;
        }
        let budget = MAX_INFLATED - actual;
        let n = std::io::copy(&mut f.take(budget + 1), &mut std::io::sink()).unwrap_or(0);
        actual += n;
        if actual > MAX_INFLATED {
            return Err(too_big());
        }
    }
    Ok(())
}

/// Counts the bytes read through it.
struct CountingReader<R> {
    inner: R,
    n: u64,
}

impl<R: std::io::Read> std::io::Read for CountingReader<R> {
    fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
        let k = self.inner.read(buf)?;
        self.n += k as u64;
        Ok(k)
    }
}

/// The largest used area (rows × columns, repeat counts applied) of any
/// table in an ODF `content.xml`: a cell counts as used if it has a value or
/// content; empty repeated cells at the end of rows (LibreOffice writes
/// thousands of them) only count when a used cell follows them.
fn ods_used_area(reader: impl std::io::BufRead) -> Option<(u64, u64)> {
    use quick_xml::events::Event;
    let mut xml = quick_xml::Reader::from_reader(reader);
    let mut buf = Vec::new();
    let repeat = |e: &quick_xml::events::BytesStart, key: &str| -> u64 {
        e.attributes()
            .flatten()
            .find(|a| a.key.as_ref() == key)
            .and_then(|a| a.value.parse().ok())
            .unwrap_or(1)
    };
    let (mut row, mut rows_used, mut cols_used, mut col, mut row_max, mut row_rep) =
        (0u64, 0u64, 0u64, 0u64, 0u64, 1u64);
    let mut worst = (0u64, 0u64);
    loop {
        let ev = xml.read_event_into(&mut buf).ok()?;
        let (e, empty) = match &ev {
            Event::Start(e) => (e, false),
            Event::Empty(e) => (e, true),
            Event::End(e) => {
                match e.local_name().as_ref() {
                    "table-row" => {
                        row = row.saturating_add(row_rep);
                        if row_max > 0 {
                            rows_used = row;
                            cols_used = cols_used.max(row_max);
                        }
                    }
                    "table" => {
                        if rows_used.saturating_mul(cols_used) > worst.0.saturating_mul(worst.1) {
                            worst = (rows_used, cols_used);
                        }
                        (row, rows_used, cols_used) = (0, 0, 0);
                    }
                    _ => {}
                }
                buf.clear();
                continue;
            }
            Event::Eof => break,
            _ => {
                buf.clear();
                continue;
            }
        };
        match e.local_name().as_ref() {
            "table-row" => {
                row_rep = repeat(e, "table:number-rows-repeated");
                (col, row_max) = (0, 0);
                if empty {
                    row = row.saturating_add(row_rep);
                }
            }
            "table-cell" | "covered-table-cell" => {
                col = col.saturating_add(repeat(e, "table:number-columns-repeated"));
                let valued = e
                    .attributes()
                    .flatten()
                    .any(|a| a.key.as_ref() == "office:value-type");
                if !empty || valued {
                    row_max = col;
                }
            }
            _ => {}
        }
        buf.clear();
    }
    Some(worst)
}

/// Reads until `buf` is full or the reader ends.
fn read_up_to(r: &mut impl std::io::Read, buf: &mut [u8]) -> usize {
    let mut n = 0;
    while n < buf.len() {
        match r.read(&mut buf[n..]) {
            Ok(0) | Err(_) => break,
            Ok(k) => n += k,
        }
    }
    n
}

/// `<dimension ref="A1:XFD1048576"/>` → ("A1", "XFD1048576", cells).
fn declared_dimension(head: &[u8]) -> Option<(String, String, u64)> {
    let text = String::from_utf8_lossy(head);
    let start = text.find("<dimension")?;
    let rest = &text[start..];
    let r = rest.find("ref=\"")? + 5;
    let end = rest[r..].find('"')? + r;
    let reference = &rest[r..end];
    let (a, b) = reference.split_once(':').unwrap_or((reference, reference));
    let (ra, ca) = parse_a1(a)?;
    let (rb, cb) = parse_a1(b)?;
    let area = (rb.abs_diff(ra) as u64 + 1) * (cb.abs_diff(ca) as u64 + 1);
    Some((a.to_string(), b.to_string(), area))
}

/// "XFD1048576" → (row, column), 0-based.
fn parse_a1(s: &str) -> Option<(u32, u32)> {
    let letters: String = s.chars().take_while(|c| c.is_ascii_alphabetic()).collect();
    let digits = &s[letters.len()..];
    if letters.is_empty() || letters.len() > 3 || digits.is_empty() {
        return None;
    }
    let col = letters.bytes().fold(0u32, |acc, b| {
        acc * 26 + (b.to_ascii_uppercase() - b'A' + 1) as u32
    }) - 1;
    let row = digits.parse::<u32>().ok()?.checked_sub(1)?;
    Some((row, col))
}

enum Extent {
    Broken(String),
    TooLarge(Diagnostic),
}

/// Streams the cells of an `.xlsx` sheet once to bound its extent before
/// calamine allocates a dense range for it (two cells at A1 and XFD1048576
/// would otherwise ask for 17 billion cells).
fn check_xlsx_extent<RS: std::io::Read + std::io::Seek>(
    wb: &mut Xlsx<RS>,
    name: &str,
    display: &str,
) -> Result<(), Extent> {
    let mut reader = wb
        .worksheet_cells_reader(name)
        .map_err(|e| Extent::Broken(e.to_string()))?;
    let (mut min_r, mut max_r, mut min_c, mut max_c) = (u32::MAX, 0u32, u32::MAX, 0u32);
    let mut count: u64 = 0;
    while let Some(cell) = reader
        .next_cell()
        .map_err(|e| Extent::Broken(e.to_string()))?
    {
        let (r, c) = cell.get_position();
        min_r = min_r.min(r);
        max_r = max_r.max(r);
        min_c = min_c.min(c);
        max_c = max_c.max(c);
        count += 1;
        let area = (max_r - min_r + 1) as u64 * (max_c - min_c + 1) as u64;
        if count > MAX_CELLS_PER_SHEET || area > MAX_CELLS_PER_SHEET {
            return Err(Extent::TooLarge(
                Diagnostic::new(
                    Severity::Error,
                    Location::sheet(display, name),
                    format!(
                        "das Blatt reicht von {} bis {} und ist damit zu groß (höchstens {MAX_CELLS_PER_SHEET} Zellen)",
                        crate::diag::a1(min_r, min_c),
                        crate::diag::a1(max_r, max_c)
                    ),
                )
                .with_hint("leere, aber formatierte Zeilen und Spalten am Ende des Blattes löschen"),
            ));
        }
    }
    Ok(())
}

fn convert(
    name: &str,
    range: &calamine::Range<Data>,
    styles: Option<&calamine::StyleRange>,
    display: &str,
) -> Result<Sheet, Diagnostic> {
    let Some(origin) = range.start() else {
        return Ok(Sheet::new(name, (0, 0), Vec::new()));
    };
    let (h, w) = range.get_size();
    if (h as u64) * (w as u64) > MAX_CELLS_PER_SHEET {
        return Err(Diagnostic::new(
            Severity::Error,
            Location::sheet(display, name),
            format!(
                "das Blatt ist mit {h} Zeilen × {w} Spalten zu groß (höchstens {MAX_CELLS_PER_SHEET} Zellen)"
            ),
        )
        .with_hint("leere, aber formatierte Zeilen und Spalten am Ende des Blattes löschen"));
    }
    let mut rows = Vec::with_capacity(h);
    for (r, row) in range.rows().enumerate() {
        let mut out = Vec::with_capacity(row.len());
        for (c, d) in row.iter().enumerate() {
            let pos = (origin.0 + r as u32, origin.1 + c as u32);
            let percent = || {
                styles
                    .and_then(|s| s.get(pos))
                    .and_then(|st| st.number_format.as_ref())
                    .is_some_and(|f| f.format_code.contains('%'))
            };
            out.push(match d {
                Data::Empty => CellValue::Empty,
                Data::String(s) if s.chars().count() > MAX_CELL_CHARS => {
                    return Err(Diagnostic::new(
                        Severity::Error,
                        Location::cell(display, name, pos.0, pos.1),
                        format!(
                            "die Zelle enthält {} Zeichen; erlaubt sind höchstens {MAX_CELL_CHARS}",
                            s.chars().count()
                        ),
                    )
                    .with_hint("den Text kürzen oder auf mehrere Zeilen verteilen"));
                }
                Data::String(s) => {
                    let t = clean_text(s);
                    if t.is_empty() {
                        CellValue::Empty
                    } else {
                        CellValue::Text(t)
                    }
                }
                Data::Int(i) if percent() => CellValue::Percent(*i as f64),
                Data::Int(i) => CellValue::Number(*i as f64),
                Data::Float(f) if percent() => CellValue::Percent(*f),
                Data::Float(f) => CellValue::Number(*f),
                Data::Bool(b) => CellValue::Bool(*b),
                Data::DateTime(dt) => match dt.as_datetime() {
                    Some(t) if dt.is_datetime() => CellValue::Date(t.date()),
                    _ => CellValue::Number(dt.as_f64()),
                },
                Data::DateTimeIso(s) => {
                    match chrono::NaiveDate::parse_from_str(s.get(..10).unwrap_or(s), "%Y-%m-%d") {
                        Ok(d) => CellValue::Date(d),
                        Err(_) => CellValue::Text(clean_text(s)),
                    }
                }
                Data::DurationIso(s) => CellValue::Text(clean_text(s)),
                Data::Error(e) => CellValue::Error(e.to_string()),
            });
        }
        rows.push(out);
    }
    Ok(Sheet::new(name, origin, rows))
}

// ---------------------------------------------------------------- tables

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

    /// The data rows below the header, empty rows skipped.
    pub fn rows(&self) -> impl Iterator<Item = Row<'_>> {
        let end = self.sheet.row_range().end;
        (self.header_row + 1..end)
            .filter(|&r| {
                self.columns
                    .values()
                    .any(|&c| !self.sheet.cell(r, c).is_empty())
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

    #[test]
    fn declared_dimensions() {
        let (a, b, n) =
            declared_dimension(br#"<worksheet><dimension ref="A1:XFD1048576"/>"#).unwrap();
        assert_eq!(
            (a.as_str(), b.as_str(), n),
            ("A1", "XFD1048576", 16_384 * 1_048_576)
        );
        assert_eq!(
            declared_dimension(br#"<dimension ref="B2"/>"#).unwrap().2,
            1
        );
        assert!(declared_dimension(b"<worksheet>").is_none());
        assert_eq!(parse_a1("AA10"), Some((9, 26)));
    }

    #[test]
    fn sniff_kinds() {
        assert_eq!(sniff(b"PK\x03\x04rest", "xlsx"), Ok(Kind::Xlsx));
        assert!(sniff(b"<!DOCTYPE html><html>", "xlsx")
            .unwrap_err()
            .contains("HTML"));
        assert!(sniff(b"Nr;Ziel\n1;Lesen\n", "xlsx")
            .unwrap_err()
            .contains("CSV"));
        assert!(sniff(b"", "xlsx").unwrap_err().contains("leer"));
        assert!(sniff(&[0u8, 1, 2, 3, 200, 7], "xlsx").is_err());
    }
}
