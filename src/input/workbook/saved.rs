//! When a workbook was last saved: from its own metadata where the format
//! keeps it cheaply (`.xlsx`: `docProps/core.xml` › `dcterms:modified`;
//! `.ods`: `meta.xml` › `dc:date`), else from the file's time. A mailed file
//! gets a new file time when it is saved from the mail program; the
//! metadata keeps the day the working group saved it in Excel or Calc.

use chrono::NaiveDateTime;
use std::io::Read;
use std::path::Path;

/// Where the time came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SavedSource {
    /// The workbook's own document properties.
    Metadata,
    /// The file system's modification time.
    FileTime,
}

/// The last-saved time of the workbook at `path`, if it can be found.
pub fn last_saved(path: &Path) -> Option<(NaiveDateTime, SavedSource)> {
    let ext = path
        .extension()
        .map(|e| e.to_string_lossy().to_lowercase())
        .unwrap_or_default();
    let from_meta = match ext.as_str() {
        "xlsx" | "xlsm" => zip_entry(path, "docProps/core.xml")
            .and_then(|xml| element(&xml, "dcterms:modified"))
            .and_then(|v| parse_time(&v)),
        "ods" => zip_entry(path, "meta.xml")
            .and_then(|xml| element(&xml, "dc:date"))
            .and_then(|v| parse_time(&v)),
        _ => None,
    };
    from_meta
        .map(|t| (t, SavedSource::Metadata))
        .or_else(|| file_time(path).map(|t| (t, SavedSource::FileTime)))
}

/// A small text entry of a zip package (at most 256 KiB are read).
fn zip_entry(path: &Path, name: &str) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    let mut zip = zip::ZipArchive::new(std::io::BufReader::new(file)).ok()?;
    let entry = zip.by_name(name).ok()?;
    let mut text = String::new();
    entry.take(256 * 1024).read_to_string(&mut text).ok()?;
    Some(text)
}

/// The text of the first `<tag …>text</tag>`.
fn element(xml: &str, tag: &str) -> Option<String> {
    let start = xml.find(&format!("<{tag}"))?;
    let rest = &xml[start..];
    let open_end = rest.find('>')?;
    let body = &rest[open_end + 1..];
    let close = body.find('<')?;
    Some(body[..close].trim().to_string())
}

/// `2026-12-07T14:03:10Z`, `2026-12-07T14:03:10.123`, `2026-12-07T14:03:10+01:00`.
fn parse_time(v: &str) -> Option<NaiveDateTime> {
    let head: String = v.chars().take(19).collect();
    NaiveDateTime::parse_from_str(&head, "%Y-%m-%dT%H:%M:%S").ok()
}

fn file_time(path: &Path) -> Option<NaiveDateTime> {
    let modified = std::fs::metadata(path).ok()?.modified().ok()?;
    let secs = modified
        .duration_since(std::time::UNIX_EPOCH)
        .ok()?
        .as_secs();
    chrono::DateTime::from_timestamp(i64::try_from(secs).ok()?, 0).map(|t| t.naive_utc())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_of_both_formats() {
        let xml = r#"<cp:coreProperties><dcterms:modified xsi:type="dcterms:W3CDTF">2026-12-07T14:03:10Z</dcterms:modified></cp:coreProperties>"#;
        let v = element(xml, "dcterms:modified").unwrap();
        assert_eq!(parse_time(&v).unwrap().to_string(), "2026-12-07 14:03:10");
        assert_eq!(
            parse_time("2026-11-15T09:00:00.123456789")
                .unwrap()
                .to_string(),
            "2026-11-15 09:00:00"
        );
        assert!(parse_time("gestern").is_none());
    }
}
