//! Telling the kind of a file by its content, not by its name: people rename
//! CSV exports and saved web pages to `.xlsx`.

/// What kind of file the bytes are, judged by content, not by name: people
/// rename CSV exports and saved web pages to `.xlsx`.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Kind {
    Xlsx,
    /// Excel's binary workbook: a zip package like `.xlsx`, its parts in
    /// binary records (`xl/workbook.bin`).
    Xlsb,
    Ods,
    Xls,
    EncryptedOoxml,
}

pub(super) fn sniff(bytes: &[u8], ext: &str) -> Result<Kind, String> {
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
        if ext == "xlsb" || contains(bytes, b"xl/workbook.bin") {
            return Ok(Kind::Xlsb);
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
    Err("die Datei ist keine Arbeitsmappe (weder .xlsx noch .xlsb noch .xls noch .ods)".into())
}

fn contains(hay: &[u8], needle: &[u8]) -> bool {
    hay.windows(needle.len()).any(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sniff_kinds() {
        assert_eq!(sniff(b"PK\x03\x04rest", "xlsx"), Ok(Kind::Xlsx));
        assert_eq!(sniff(b"PK\x03\x04rest", "xlsb"), Ok(Kind::Xlsb));
        // An .xlsb renamed to .xlsx is still read as what it is.
        assert_eq!(
            sniff(b"PK\x03\x04..xl/workbook.bin..", "xlsx"),
            Ok(Kind::Xlsb)
        );
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
