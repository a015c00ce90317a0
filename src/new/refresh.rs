//! `konzept workbooks --refresh`: new forms with what the project knows
//! today — the actors of the steering workbook as a dropdown for
//! Federführung and Partner, the return deadline and contact of
//! `[rueckgabe]`, the current Kommune, title and Laufzeit.
//!
//! For every field of action a blank form; for every field whose group has
//! returned a workbook, also a pre-filled one (`…-vorausgefuellt.xlsx`) with
//! the group's entries so far, so that a group can go on in the new form.
//! Beside them a blank steering form (`steuerung-leer.xlsx`) with every
//! sheet, to copy sheets added in a newer version into the project's own.
//! Everything goes into `formulare/` (or the folder named): never over an
//! existing file, never into the folder the returns are read from.

use super::workbook::{self, Prefill};
use super::{pattern_folder, today, workbook_names, Projekt};
use crate::config::{self, Config};
use crate::diag::{Diagnostics, Location};
use crate::model::Konzept;
use chrono::NaiveDate;
use std::path::{Path, PathBuf};

/// The default folder of refreshed forms, inside the project.
pub const FORMS_DIR: &str = "formulare";

/// What a refresh wrote.
#[derive(Debug, Default)]
pub struct Erneuert {
    /// The folder the forms went to.
    pub folder: PathBuf,
    /// New files: blank forms, then pre-filled ones.
    pub written: Vec<PathBuf>,
    /// Files that were there already and were left alone.
    pub vorhanden: Vec<PathBuf>,
    pub diagnostics: Diagnostics,
}

/// The project as the forms describe it, from `konzept.toml` and the model:
/// Kommune, title, Laufzeit, office, the actor list and `[rueckgabe]`.
pub(super) fn project_of(cfg: &Config, konzept: &Konzept, today: NaiveDate) -> Projekt {
    let meta = &konzept.meta;
    let mut p = Projekt::new(&meta.kommune.bezeichnung, today, config::fields(cfg));
    p.titel = meta.titel.clone();
    p.verantwortlich = meta.verantwortlich.clone();
    p.von = meta.laufzeit.von;
    p.bis = meta.laufzeit.bis;
    p.prioritaeten = config::PriorityScheme::of(cfg);
    if let Some(g) = &meta.gremium {
        p.gremium = g.clone();
    }
    p.akteure = konzept
        .akteure
        .alle
        .iter()
        .map(|a| a.name.clone())
        .collect();
    if let Some(r) = &cfg.rueckgabe {
        p.rueckgabe_bis = r.bis.as_ref().map(|d| match d.to_date() {
            Some(date) => date.format("%d.%m.%Y").to_string(),
            None => match d {
                config::TomlDate::Text(t) => t.trim().to_string(),
                config::TomlDate::Toml(t) => t.to_string(),
            },
        });
        p.rueckgabe_an =
            r.an.as_ref()
                .map(|a| a.trim().to_string())
                .filter(|a| !a.is_empty());
    }
    p
}

/// Writes the refreshed forms of the project in `root` into `out`
/// (default: `root/formulare`).
pub fn refresh_forms(root: &Path, out: Option<&Path>) -> Erneuert {
    refresh_forms_on(root, out, today())
}

/// As [`refresh_forms`], with the date of the forms given (for tests).
pub fn refresh_forms_on(root: &Path, out: Option<&Path>, today: NaiveDate) -> Erneuert {
    let checked = crate::pipeline::check(root);
    let folder = out.map_or_else(|| root.join(FORMS_DIR), Path::to_path_buf);
    let mut done = Erneuert {
        folder: folder.clone(),
        ..Erneuert::default()
    };
    let (Some(cfg), Some(konzept)) = (&checked.config, &checked.konzept) else {
        done.diagnostics = super::errors_only(&checked.diagnostics);
        return done;
    };
    let p = project_of(cfg, konzept, today);
    if is_returns_folder(root, cfg, &folder) {
        done.diagnostics
            .error(
                Location::default(),
                format!(
                    "„{}“ ist der Ordner, aus dem die zurückgekommenen Arbeitsmappen gelesen werden; neue Formulare dort würden als Rückgaben zählen",
                    folder.display()
                ),
            )
            .hint = Some(format!(
            "einen anderen Ordner mit --out angeben oder ohne --out aufrufen (dann: Ordner „{FORMS_DIR}“ im Projekt)"
        ));
        return done;
    }
    let names = workbook_names(&p.fields);
    let fields = p.fields.clone();
    for (field, file) in fields.iter().zip(&names) {
        let bytes = workbook::working_group_form(&p, field, None);
        write_form(&mut done, &folder.join(file), bytes);
    }
    for ((feld, field), file) in konzept.felder.iter().zip(&fields).zip(&names) {
        let Some(datei) = &feld.datei else { continue };
        let Some(prefill) = read_return(root, datei) else {
            continue;
        };
        let name = file.replace(".xlsx", "-vorausgefuellt.xlsx");
        let bytes = workbook::working_group_form(&p, field, Some(&prefill));
        write_form(&mut done, &folder.join(name), bytes);
    }
    // The steering workbook is not sent round: a blank form with every
    // sheet, to copy new sheets (Beteiligung, Begriffe …) from.
    write_form(
        &mut done,
        &folder.join(STEERING_FORM),
        workbook::steering_form(&p),
    );
    done
}

/// The blank steering form among the refreshed forms.
pub const STEERING_FORM: &str = "steuerung-leer.xlsx";

/// Whether `folder` is where `eingaben.arbeitsgruppen` reads from.
fn is_returns_folder(root: &Path, cfg: &Config, folder: &Path) -> bool {
    let canonical = |p: &Path| std::fs::canonicalize(p).ok();
    let Some(target) = canonical(folder) else {
        // A folder that does not exist yet holds no returns.
        return false;
    };
    cfg.eingaben
        .arbeitsgruppen
        .iter()
        .any(|pattern| canonical(&root.join(pattern_folder(pattern))).is_some_and(|f| f == target))
}

/// The entries of a returned workbook (one `konzept check` could read).
fn read_return(root: &Path, datei: &str) -> Option<Prefill> {
    let path = crate::project::project_path(root, datei).ok()?;
    let wb = crate::input::workbook::read_workbook(&path, datei).ok()?;
    Some(Prefill::read(&wb))
}

/// Writes one form, never over an existing file.
fn write_form(
    done: &mut Erneuert,
    path: &Path,
    bytes: Result<Vec<u8>, rust_xlsxwriter::XlsxError>,
) {
    let loc = Location::file(path.display().to_string());
    let bytes = match bytes {
        Ok(b) => b,
        Err(e) => {
            done.diagnostics
                .error(
                    loc,
                    format!("das Formular konnte nicht erzeugt werden: {e}"),
                )
                .hint = Some("bitte als Fehler von konzept melden".into());
            return;
        }
    };
    if path.exists() {
        done.vorhanden.push(path.to_path_buf());
        return;
    }
    let written = path
        .parent()
        .map_or(Ok(()), std::fs::create_dir_all)
        .and_then(|()| {
            std::fs::OpenOptions::new()
                .write(true)
                .create_new(true)
                .open(path)
        })
        .and_then(|mut f| {
            use std::io::Write;
            let result = f.write_all(&bytes).and_then(|()| f.sync_all());
            if result.is_err() {
                drop(f);
                let _ = std::fs::remove_file(path);
            }
            result
        });
    match written {
        Ok(()) => done.written.push(path.to_path_buf()),
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
            done.vorhanden.push(path.to_path_buf());
        }
        Err(e) => {
            done.diagnostics
                .error(
                    loc,
                    format!("das Formular kann nicht geschrieben werden: {e}"),
                )
                .hint = Some("Schreibrechte und freien Speicherplatz prüfen".into());
        }
    }
}
