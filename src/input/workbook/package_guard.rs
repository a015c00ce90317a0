//! The guard for `.xlsx` and `.ods` packages: zip bombs, absurd declared
//! sheet dimensions and ODF repeat counts are refused before calamine
//! inflates or allocates anything; `.xlsx` sheets are streamed once to bound
//! their extent.

// A read error is one per bad file, so its size on the stack does not matter.
#![allow(clippy::result_large_err)]

use super::{MAX_CELLS_PER_SHEET, MAX_INFLATED};
use crate::diag::{Diagnostic, Location, Severity};
use calamine::Xlsx;
use std::io::Cursor;

/// Checks an OOXML/ODF package before calamine inflates it: the sizes its
/// entries declare, and the bytes they really inflate to (declared sizes can
/// lie), both bounded by [`MAX_INFLATED`]. Memory stays bounded: entries are
/// inflated into a counter, not into memory.
pub(super) fn guard_package(bytes: &[u8]) -> Result<(), (String, String)> {
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

pub(super) enum Extent {
    Broken(String),
    TooLarge(Diagnostic),
}

/// Streams the cells of an `.xlsx` sheet once to bound its extent before
/// calamine allocates a dense range for it (two cells at A1 and XFD1048576
/// would otherwise ask for 17 billion cells).
pub(super) fn check_xlsx_extent<RS: std::io::Read + std::io::Seek>(
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

#[cfg(test)]
mod tests {
    use super::*;

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
}
