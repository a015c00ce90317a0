//! Reading a project: `konzept.toml` and every file it names — the steering
//! workbook, the working groups' workbooks, and the assets (logo, cover
//! image, Word template, fonts, template overrides). Nothing here interprets
//! cells: that is `merge/`.

mod assets;
mod cache;
mod overrides;
mod paths;

pub use assets::{cover_file_name, load as load_assets, Assets, DesignFiles};
pub use cache::WorkbookCache;
pub use overrides::DEFAULT_FOLDER;
pub use paths::{display_path, project_path};

use crate::config::{self, Config};
use crate::diag::{Diagnostic, Diagnostics, Location};
use crate::input::workbook::{self, Workbook};
use paths::is_lock_file;
use rayon::prelude::*;
use std::path::{Path, PathBuf};

/// Most working-group workbooks read in one project (a district merging its
/// municipalities stays far below this).
pub const MAX_WORKBOOKS: usize = 500;

/// Most characters of text in all workbooks together.
pub const MAX_TEXT_CHARS: usize = 5_000_000;

/// Extensions read as workbooks.
const WORKBOOK_EXTS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

/// Everything a project's files hold, read but not yet interpreted.
pub struct Project {
    pub config: Config,
    /// The steering group's workbook, if it could be read.
    pub steuerung: Option<Workbook>,
    /// The working groups' workbooks that could be read, in path order.
    pub arbeitsgruppen: Vec<Workbook>,
    pub assets: Assets,
}

/// Reads the project in `root`, taking unchanged workbooks from `cache` when
/// given. Every problem goes to `diags`; `None` when `konzept.toml` itself
/// cannot be read, so that nothing else can be.
pub fn read(
    root: &Path,
    cache: Option<&WorkbookCache>,
    diags: &mut Diagnostics,
) -> Option<Project> {
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
                return None;
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
            return None;
        }
    };
    diags.files = 1;
    let cfg = config::parse(&src, diags)?;

    let assets = assets::load(root, &cfg, diags);
    let (steuerung, arbeitsgruppen) = read_workbooks(root, &cfg, cache, diags);
    Some(Project {
        config: cfg,
        steuerung,
        arbeitsgruppen,
        assets,
    })
}

/// Finds and reads the steering workbook and the working groups' workbooks.
fn read_workbooks(
    root: &Path,
    cfg: &Config,
    cache: Option<&WorkbookCache>,
    diags: &mut Diagnostics,
) -> (Option<Workbook>, Vec<Workbook>) {
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
    let ag_paths = find_working_group_files(root, cfg, steuerung_path.as_ref(), diags);

    // Read all workbooks in parallel; results keep the sorted order.
    let mut all: Vec<(PathBuf, bool)> = Vec::new();
    if let Some(p) = &steuerung_path {
        all.push((p.clone(), true));
    }
    all.extend(ag_paths.into_iter().map(|p| (p, false)));
    let results: Vec<(bool, Result<Workbook, Box<Diagnostic>>)> = all
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

    (steuerung, arbeitsgruppen)
}

/// The working groups' workbooks that `eingaben.arbeitsgruppen` names,
/// sorted: lock files, folders, the steering workbook and files that are no
/// workbooks skipped (with a note), links out of the project refused.
fn find_working_group_files(
    root: &Path,
    cfg: &Config,
    steuerung_path: Option<&PathBuf>,
    diags: &mut Diagnostics,
) -> Vec<PathBuf> {
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
            if p.is_dir() || Some(&p) == steuerung_path || ag_paths.contains(&p) {
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
                        "keine Arbeitsmappe (.xlsx, .xlsb, .xls oder .ods), übersprungen",
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

    ag_paths
}
