//! A concept project on disk: find and read `konzept.toml`, the steering
//! workbook and the working-group workbooks, then merge them.

use crate::config::{self, Config};
use crate::diag::{Diagnostics, Location};
use crate::input::workbook::{self, Workbook};
use crate::merge::{self, Inputs};
use crate::model::Konzept;
use rayon::prelude::*;
use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::Mutex;
use std::time::SystemTime;

/// Most working-group workbooks read in one project (a district merging its
/// municipalities stays far below this).
pub const MAX_WORKBOOKS: usize = 500;

/// Most characters of text in all workbooks together.
pub const MAX_TEXT_CHARS: usize = 5_000_000;

/// Extensions read as workbooks.
const WORKBOOK_EXTS: [&str; 4] = ["xlsx", "xlsm", "xls", "ods"];

/// Binary files the project needs besides the model (logo).
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// (file name inside the rendered package, bytes).
    pub logo: Option<(String, Vec<u8>)>,
    /// The cover image and the Word template of `[gestaltung]`.
    pub gestaltung: crate::gestaltung::Dateien,
    /// Template overrides from the project's `vorlagen/` folder.
    pub vorlagen: Vec<crate::render::templates::Vorlage>,
}

/// The outcome of reading and checking a project.
pub struct Checked {
    pub root: PathBuf,
    pub config: Option<Config>,
    pub konzept: Option<Konzept>,
    pub assets: Assets,
    pub diagnostics: Diagnostics,
}

/// The path of `p` relative to `root`, with `/`, for messages.
fn display_path(root: &Path, p: &Path) -> String {
    let rel = p.strip_prefix(root).unwrap_or(p);
    rel.components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// Office lock files: `~$name.xlsx` (Excel), `.~lock.name#` (LibreOffice).
fn is_lock_file(name: &str) -> bool {
    name.starts_with("~$") || (name.starts_with(".~lock.") && name.ends_with('#'))
}

/// Resolves a path from `konzept.toml` inside the project; refuses absolute
/// paths and anything that leaves the project folder (also through symlinks).
pub fn project_path(root: &Path, rel: &str) -> Result<PathBuf, String> {
    let p = Path::new(rel);
    if p.is_absolute()
        || p.components().any(|c| {
            matches!(
                c,
                Component::ParentDir | Component::Prefix(_) | Component::RootDir
            )
        })
    {
        return Err(format!(
            "der Pfad „{rel}“ führt aus dem Projektordner hinaus"
        ));
    }
    let full = root.join(p);
    if let (Ok(canon), Ok(canon_root)) = (full.canonicalize(), root.canonicalize()) {
        if !canon.starts_with(&canon_root) {
            return Err(format!(
                "der Pfad „{rel}“ verweist (über eine Verknüpfung) aus dem Projektordner hinaus"
            ));
        }
    }
    Ok(full)
}

/// Parsed workbooks kept between builds (`konzept build --watch`): a file
/// is read again only when its modification time or size changed.
#[derive(Default)]
pub struct WorkbookCache {
    entries: Mutex<HashMap<PathBuf, CacheEntry>>,
}

struct CacheEntry {
    stamp: (Option<SystemTime>, u64),
    display: String,
    result: Result<Workbook, Box<crate::diag::Diagnostic>>,
}

impl WorkbookCache {
    pub fn new() -> Self {
        Self::default()
    }

    /// How many files are cached.
    pub fn len(&self) -> usize {
        self.entries.lock().map_or(0, |e| e.len())
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    fn stamp(path: &Path) -> Option<(Option<SystemTime>, u64)> {
        let meta = std::fs::metadata(path).ok()?;
        Some((meta.modified().ok(), meta.len()))
    }

    /// The workbook at `path`, from the cache when the file is unchanged.
    /// Returns whether the file was read.
    fn read(
        &self,
        path: &Path,
        display: &str,
    ) -> (Result<Workbook, Box<crate::diag::Diagnostic>>, bool) {
        let Some(stamp) = Self::stamp(path) else {
            // Missing file: not cached, the reader reports it.
            return (workbook::read_workbook(path, display), true);
        };
        if let Some(e) = self.entries.lock().ok().and_then(|e| {
            e.get(path)
                .filter(|e| e.stamp == stamp && e.display == display)
                .map(|e| e.result.clone())
        }) {
            return (e, false);
        }
        let result = workbook::read_workbook(path, display);
        // A file still being written may change while it is read: only a
        // stamp that held during the read is cached.
        if Self::stamp(path) == Some(stamp) {
            if let Ok(mut entries) = self.entries.lock() {
                entries.insert(
                    path.to_path_buf(),
                    CacheEntry {
                        stamp,
                        display: display.to_string(),
                        result: result.clone(),
                    },
                );
            }
        }
        (result, true)
    }

    /// Forgets files that were not part of the last check.
    fn retain(&self, keep: &[PathBuf]) {
        if let Ok(mut entries) = self.entries.lock() {
            entries.retain(|p, _| keep.contains(p));
        }
    }
}

/// Reads and checks the project in `root`.
pub fn check(root: &Path) -> Checked {
    check_cached(root, None)
}

/// Reads and checks the project in `root`, taking unchanged workbooks from
/// `cache` when given.
pub fn check_cached(root: &Path, cache: Option<&WorkbookCache>) -> Checked {
    let mut diags = Diagnostics::new();
    let mut out = Checked {
        root: root.to_path_buf(),
        config: None,
        konzept: None,
        assets: Assets::default(),
        diagnostics: Diagnostics::new(),
    };
    let toml_path = root.join(config::FILE_NAME);
    let src = match std::fs::read(&toml_path) {
        Ok(bytes) => match String::from_utf8(bytes) {
            Ok(s) => s,
            Err(_) => {
                diags
                    .error(
                        Location::file(config::FILE_NAME),
                        "die Datei ist nicht als UTF-8 gespeichert",
                    )
                    .hint =
                    Some("im Editor „Speichern unter“ mit der Kodierung UTF-8 wählen".into());
                out.diagnostics = diags;
                return out;
            }
        },
        Err(e) => {
            let msg = if e.kind() == std::io::ErrorKind::NotFound {
                if root.is_dir() {
                    format!(
                        "im Ordner „{}“ gibt es keine {}",
                        root.display(),
                        config::FILE_NAME
                    )
                } else {
                    format!("der Projektordner „{}“ existiert nicht", root.display())
                }
            } else {
                format!("{} kann nicht gelesen werden: {e}", config::FILE_NAME)
            };
            diags.error(Location::default(), msg).hint =
                Some("den Ordner eines Konzeptprojekts angeben; ein neues Projekt legt `konzept new ORDNER` an".into());
            out.diagnostics = diags;
            return out;
        }
    };
    diags.files = 1;
    let Some(cfg) = config::parse(&src, &mut diags) else {
        out.diagnostics = diags;
        return out;
    };

    // Logo.
    let mut logo = None;
    if let Some(rel) = &cfg.kommune.logo {
        match project_path(root, rel) {
            Err(msg) => {
                diags.error(Location::file(config::FILE_NAME), format!("`kommune.logo`: {msg}")).hint =
                    Some("das Logo in den Projektordner legen und relativ angeben, z. B. logo = \"logo.png\"".into());
            }
            Ok(path) => {
                let ext = path
                    .extension()
                    .and_then(|e| e.to_str())
                    .unwrap_or("")
                    .to_lowercase();
                if !["png", "jpg", "jpeg", "svg"].contains(&ext.as_str()) {
                    diags
                        .error(
                            Location::file(config::FILE_NAME),
                            format!("`kommune.logo` „{rel}“ ist kein PNG-, JPEG- oder SVG-Bild"),
                        )
                        .hint = Some("das Logo als .png, .jpg oder .svg speichern".into());
                } else {
                    match std::fs::read(&path) {
                        Ok(bytes) if bytes.len() as u64 <= workbook::MAX_FILE_SIZE => {
                            logo = Some((format!("logo.{ext}"), bytes));
                        }
                        Ok(_) => {
                            diags.error(
                                Location::file(config::FILE_NAME),
                                format!("das Logo „{rel}“ ist zu groß (höchstens 50 MB)"),
                            );
                        }
                        Err(_) => {
                            diags.error(Location::file(config::FILE_NAME), format!("das Logo „{rel}“ wurde nicht gefunden")).hint =
                                Some(format!("die Datei unter {} ablegen oder den Pfad in `kommune.logo` korrigieren", display_path(root, &path)));
                        }
                    }
                }
            }
        }
    }

    // Cover image and Word template.
    out.assets.gestaltung = crate::gestaltung::load(root, &cfg, &mut diags);
    // Template overrides (`vorlagen/`).
    out.assets.vorlagen = crate::render::templates::load_overrides(root, &cfg, &mut diags);

    // Which files to read.
    let steuerung_path = match project_path(root, &cfg.eingaben.steuerung) {
        Ok(p) => Some(p),
        Err(msg) => {
            diags.error(
                Location::file(config::FILE_NAME),
                format!("`eingaben.steuerung`: {msg}"),
            );
            None
        }
    };
    let mut ag_paths: Vec<PathBuf> = Vec::new();
    for pattern in &cfg.eingaben.arbeitsgruppen {
        if let Err(msg) = project_path(root, pattern.trim_end_matches(['*', '/'])) {
            diags.error(
                Location::file(config::FILE_NAME),
                format!("`eingaben.arbeitsgruppen`: {msg}"),
            );
            continue;
        }
        let full = root.join(pattern);
        let escaped = glob::Pattern::escape(&root.to_string_lossy());
        let pat = format!("{}/{}", escaped.trim_end_matches('/'), pattern);
        let matches = match glob::glob(&pat) {
            Ok(m) => m,
            Err(e) => {
                diags.error(
                    Location::file(config::FILE_NAME),
                    format!(
                        "`eingaben.arbeitsgruppen`: ungültiges Muster „{pattern}“ ({})",
                        e.msg
                    ),
                );
                continue;
            }
        };
        let mut any = false;
        for p in matches.flatten() {
            any = true;
            if p.is_dir() || Some(&p) == steuerung_path.as_ref() || ag_paths.contains(&p) {
                continue;
            }
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            let shown = display_path(root, &p);
            if is_lock_file(&name) {
                diags.note(
                    Location::file(&shown),
                    "Sperrdatei eines geöffneten Office-Programms, übersprungen",
                );
                continue;
            }
            if let (Ok(canon), Ok(canon_root)) = (p.canonicalize(), root.canonicalize()) {
                if !canon.starts_with(&canon_root) {
                    diags
                        .error(Location::file(&shown), "die Datei verweist (über eine Verknüpfung) aus dem Projektordner hinaus und wird nicht gelesen")
                        .hint = Some("die Arbeitsmappe selbst in den Projektordner kopieren".into());
                    continue;
                }
            }
            let ext = p
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or("")
                .to_lowercase();
            if !WORKBOOK_EXTS.contains(&ext.as_str()) {
                if !name.starts_with('.') {
                    diags.note(
                        Location::file(&shown),
                        "keine Arbeitsmappe (.xlsx, .xls oder .ods), übersprungen",
                    );
                }
                continue;
            }
            ag_paths.push(p);
        }
        if !any && !full.exists() && !pattern.contains('*') {
            diags.error(Location::file(config::FILE_NAME), format!("die Arbeitsmappe „{pattern}“ aus `eingaben.arbeitsgruppen` wurde nicht gefunden"));
        }
    }
    ag_paths.sort();
    if ag_paths.len() > MAX_WORKBOOKS {
        diags.error(
            Location::file(config::FILE_NAME),
            format!(
                "{} Arbeitsmappen gefunden; höchstens {MAX_WORKBOOKS} werden gelesen",
                ag_paths.len()
            ),
        );
        ag_paths.truncate(MAX_WORKBOOKS);
    }

    // Read all workbooks in parallel; results keep the sorted order.
    let mut all: Vec<(PathBuf, bool)> = Vec::new();
    if let Some(p) = &steuerung_path {
        all.push((p.clone(), true));
    }
    all.extend(ag_paths.into_iter().map(|p| (p, false)));
    let results: Vec<(bool, Result<Workbook, Box<crate::diag::Diagnostic>>)> = all
        .par_iter()
        .map(|(p, is_steuerung)| {
            let shown = display_path(root, p);
            let result = match cache {
                Some(cache) => cache.read(p, &shown).0,
                None => workbook::read_workbook(p, &shown),
            };
            (*is_steuerung, result)
        })
        .collect();
    if let Some(cache) = cache {
        cache.retain(&all.iter().map(|(p, _)| p.clone()).collect::<Vec<_>>());
    }
    let mut steuerung = None;
    let mut arbeitsgruppen = Vec::new();
    for (is_steuerung, r) in results {
        diags.files += 1;
        match r {
            Ok(wb) if is_steuerung => steuerung = Some(wb),
            Ok(wb) => arbeitsgruppen.push(wb),
            Err(mut d) => {
                if is_steuerung && !steuerung_path.as_ref().is_some_and(|p| p.exists()) {
                    d.message = format!(
                        "die Arbeitsmappe der Steuerungsgruppe „{}“ wurde nicht gefunden",
                        cfg.eingaben.steuerung
                    );
                    d.hint = Some("die Datei in den Projektordner legen oder den Pfad in `eingaben.steuerung` anpassen".into());
                    diags.files -= 1;
                }
                diags.push(*d)
            }
        }
    }

    // All text of all workbooks together: far above any real concept (the
    // example has about 80,000 characters), and below what makes the
    // document a thousand pages long.
    let total: usize = steuerung
        .iter()
        .chain(&arbeitsgruppen)
        .flat_map(|w| &w.sheets)
        .map(|s| s.text_chars())
        .sum();
    if total > MAX_TEXT_CHARS {
        diags.error(
            Location::default(),
            format!("die Arbeitsmappen enthalten zusammen {total} Zeichen Text; höchstens {MAX_TEXT_CHARS} werden verarbeitet"),
        )
        .hint = Some("prüfen, ob versehentlich große Datenmengen (Listen, Exporte) in eine Arbeitsmappe kopiert wurden".into());
    }

    let konzept = merge::merge(
        &Inputs {
            config: &cfg,
            steuerung: steuerung.as_ref(),
            arbeitsgruppen: &arbeitsgruppen,
            logo: logo.as_ref().map(|(n, _)| n.clone()),
        },
        &mut diags,
    );
    out.assets.logo = logo;
    out.konzept = Some(konzept);
    out.config = Some(cfg);
    out.diagnostics = diags;
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lock_files() {
        assert!(is_lock_file("~$ag-bildung.xlsx"));
        assert!(is_lock_file(".~lock.ag-bildung.xlsx#"));
        assert!(!is_lock_file("ag-bildung.xlsx"));
    }

    #[test]
    fn paths_outside_refused() {
        let root = Path::new("/tmp");
        assert!(project_path(root, "../etc/passwd").is_err());
        assert!(project_path(root, "/etc/passwd").is_err());
        assert!(project_path(root, "logo.png").is_ok());
    }
}
