//! What an upload changes on disk: the field's workbook replaced atomically,
//! the previous file kept in `.versionen/` beside it (nothing is ever lost),
//! and one line in the audit log `.konzept-serve/protokoll.jsonl` (time,
//! role, shown file name, size, SHA-256, result — never a token).

use super::access::{Role, STATE_DIR};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// The history folder inside the working groups' folder.
pub const VERSIONS_DIR: &str = ".versionen";
const LOG_FILE: &str = "protokoll.jsonl";

/// One line of the audit log.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Eintrag {
    /// UTC, `2027-03-01T10:15:00Z`.
    pub zeit: String,
    /// `koordination` or `feld:B`.
    pub zugang: String,
    pub aktion: String,
    /// The name the file had on the uploader's computer (shown only).
    #[serde(default)]
    pub datei: String,
    #[serde(default)]
    pub groesse: u64,
    #[serde(default)]
    pub sha256: String,
    /// „gespeichert: 2 Fehler, 1 Warnung“, „abgelehnt: …“.
    pub ergebnis: String,
}

pub fn now_utc() -> chrono::NaiveDateTime {
    chrono::Utc::now().naive_utc()
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Appends one line to the audit log (one `write` of a whole line, so that
/// lines of concurrent requests never mix).
pub fn log(
    root: &Path,
    role: &Role,
    aktion: &str,
    datei: &str,
    bytes: Option<&[u8]>,
    ergebnis: &str,
) {
    let entry = Eintrag {
        zeit: now_utc().format("%Y-%m-%dT%H:%M:%SZ").to_string(),
        zugang: role.label(),
        aktion: aktion.into(),
        datei: datei.into(),
        groesse: bytes.map_or(0, |b| b.len() as u64),
        sha256: bytes.map(sha256_hex).unwrap_or_default(),
        ergebnis: ergebnis.into(),
    };
    let dir = root.join(STATE_DIR);
    let _ = std::fs::create_dir_all(&dir);
    let mut line = serde_json::to_string(&entry).unwrap_or_default();
    line.push('\n');
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(dir.join(LOG_FILE))
        .and_then(|mut f| f.write_all(line.as_bytes()));
    if let Err(e) = written {
        eprintln!(
            "warnung: das Protokoll „{}“ kann nicht geschrieben werden: {e}",
            dir.join(LOG_FILE).display()
        );
    }
}

/// The audit log's lines, oldest first, of `role` only if given.
pub fn history(root: &Path, role: Option<&Role>) -> Vec<Eintrag> {
    let text = std::fs::read_to_string(root.join(STATE_DIR).join(LOG_FILE)).unwrap_or_default();
    let label = role.map(Role::label);
    text.lines()
        .filter_map(|l| serde_json::from_str::<Eintrag>(l).ok())
        .filter(|e| label.as_ref().is_none_or(|l| *l == e.zugang))
        .collect()
}

/// Puts `bytes` in place as `target`; every earlier workbook of the field
/// (`previous`, and `target` itself) moves into `.versionen/` first, named
/// with the field's file stem and the time of the move.
pub fn replace(target: &Path, previous: &[PathBuf], bytes: &[u8]) -> std::io::Result<()> {
    let folder = target.parent().unwrap_or(Path::new("."));
    std::fs::create_dir_all(folder)?;
    let versions = folder.join(VERSIONS_DIR);
    let stamp = now_utc().format("%Y-%m-%dT%H-%M-%S").to_string();
    let mut old: Vec<&Path> = previous.iter().map(PathBuf::as_path).collect();
    if !old.contains(&target) {
        old.push(target);
    }
    for p in old.into_iter().filter(|p| p.is_file()) {
        std::fs::create_dir_all(&versions)?;
        let stem = p
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("arbeitsmappe");
        let ext = p.extension().and_then(|s| s.to_str()).unwrap_or("xlsx");
        let mut dest = versions.join(format!("{stem}-{stamp}.{ext}"));
        let mut n = 2;
        while dest.exists() {
            dest = versions.join(format!("{stem}-{stamp}-{n}.{ext}"));
            n += 1;
        }
        // Copy, not move: the field keeps a workbook until the new one is in
        // place (a reader never sees the field without one).
        std::fs::copy(p, &dest)?;
    }
    crate::output::write_atomic(target, bytes)?;
    for p in previous.iter().filter(|p| p.as_path() != target) {
        let _ = std::fs::remove_file(p);
    }
    Ok(())
}

/// The kept versions of a field, newest first: (file name, size).
pub fn versions(folder: &Path, stem: &str) -> Vec<(String, u64)> {
    let mut out: Vec<(String, u64)> = std::fs::read_dir(folder.join(VERSIONS_DIR))
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let rest = name.strip_prefix(stem)?.strip_prefix('-')?;
            rest.starts_with(|c: char| c.is_ascii_digit())
                .then(|| (name.clone(), e.metadata().map_or(0, |m| m.len())))
        })
        .collect();
    out.sort_by(|a, b| b.0.cmp(&a.0));
    out
}
