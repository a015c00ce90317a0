//! The binary files a project names besides its workbooks: the logo, the
//! cover image, the Word template, the municipality's own fonts and the
//! template overrides. All are read here, before the model is made, so that
//! `konzept check` reports every problem `konzept build` would, and the
//! renderers read nothing from disk.

use super::paths::{display_path, project_path};
use crate::config::{self, Config};
use crate::diag::{Diagnostics, Location};
use crate::embedded::templates::Override;
use crate::input::word_template::{self, WordTemplate};
use crate::input::workbook;
use std::path::{Path, PathBuf};

/// Binary files the project needs besides the model.
#[derive(Debug, Clone, Default)]
pub struct Assets {
    /// The logo: (file name inside the rendered package, bytes).
    pub logo: Option<(String, Vec<u8>)>,
    /// The cover image and the Word template of `[gestaltung]`.
    pub design: DesignFiles,
    /// Template overrides from the project's `vorlagen/` folder.
    pub overrides: Vec<Override>,
    /// The municipality's own font files (`gestaltung.schriften`), sorted
    /// by file name.
    pub fonts: Vec<Vec<u8>>,
}

/// Reads every asset `konzept.toml` names; problems go to `diags`, naming
/// the key.
pub fn load(root: &Path, cfg: &Config, diags: &mut Diagnostics) -> Assets {
    let logo = read_logo(root, cfg, diags);
    let design = load_design_files(root, cfg, diags);
    let overrides = super::overrides::load(root, cfg, diags);
    let fonts = read_fonts(root, cfg, diags);
    check_font_family(cfg, &fonts, diags);
    Assets {
        logo,
        design,
        overrides,
        fonts,
    }
}

/// Reads the logo of `kommune.logo`: (file name inside rendered packages,
/// bytes).
fn read_logo(root: &Path, cfg: &Config, diags: &mut Diagnostics) -> Option<(String, Vec<u8>)> {
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

    logo
}

/// The files `[gestaltung]` names (the logo is in [`Assets`]).
#[derive(Debug, Clone, Default)]
pub struct DesignFiles {
    /// (file name inside the rendered package, bytes).
    pub titelbild: Option<(String, Vec<u8>)>,
    pub word_vorlage: Option<WordTemplate>,
    /// The styles of `gestaltung.odt_vorlage`, for the ODT.
    pub odt_vorlage: Option<crate::input::odt_template::OdtTemplate>,
}

/// The file name of the cover image inside rendered packages.
pub fn cover_file_name(rel: &str) -> String {
    let ext = rel
        .rsplit_once('.')
        .map(|(_, e)| e.to_lowercase())
        .unwrap_or_default();
    format!("titelbild.{}", if ext == "jpeg" { "jpg" } else { &ext })
}

/// Reads the cover image and the Word template; problems go to `diags`,
/// naming the key.
pub fn load_design_files(root: &Path, cfg: &Config, diags: &mut Diagnostics) -> DesignFiles {
    let mut out = DesignFiles::default();
    let g = &cfg.gestaltung;
    if let Some(rel) = &g.titelbild {
        if let Some(bytes) = read(root, rel, "titelbild", &["png", "jpg", "jpeg"], diags) {
            if crate::input::image::dimensions(&bytes).is_none() {
                diags
                    .error(
                        Location::file(config::FILE_NAME),
                        format!(
                            "`gestaltung.titelbild` „{rel}“ ist kein lesbares PNG- oder JPEG-Bild"
                        ),
                    )
                    .hint = Some("das Titelbild als .png oder .jpg speichern".into());
            } else {
                out.titelbild = Some((cover_file_name(rel), bytes));
            }
        }
    }
    if let Some(rel) = &g.word_vorlage {
        if let Some(bytes) = read(
            root,
            rel,
            "word_vorlage",
            &["dotx", "docx", "dotm", "docm"],
            diags,
        ) {
            let mut warn = |msg: String| {
                diags.warning(
                    Location::file(config::FILE_NAME),
                    format!("Word-Vorlage „{rel}“: {msg}"),
                );
            };
            match word_template::read(rel, &bytes, &mut warn) {
                Ok(v) => out.word_vorlage = Some(v),
                Err(msg) => {
                    diags
                        .error(
                            Location::file(config::FILE_NAME),
                            format!("`gestaltung.word_vorlage` „{rel}“ kann nicht gelesen werden: {msg}"),
                        )
                        .hint = Some(
                        "die Vorlage in Word als „Word-Vorlage (*.dotx)“ oder „Word-Dokument (*.docx)“ speichern"
                            .into(),
                    );
                }
            }
        }
    }
    out.odt_vorlage = read_odt_template(root, cfg, diags);
    out
}

/// Reads `gestaltung.odt_vorlage`, the LibreOffice template of the ODT.
fn read_odt_template(
    root: &Path,
    cfg: &Config,
    diags: &mut Diagnostics,
) -> Option<crate::input::odt_template::OdtTemplate> {
    let rel = cfg.gestaltung.odt_vorlage.as_ref()?;
    let bytes = read(root, rel, "odt_vorlage", &["ott", "odt"], diags)?;
    let mut warnings = Vec::new();
    let read = crate::input::odt_template::read(rel, &bytes, &mut |m| warnings.push(m));
    for msg in warnings {
        diags.warning(
            Location::file(config::FILE_NAME),
            format!("LibreOffice-Vorlage „{rel}“: {msg}"),
        );
    }
    match read {
        Ok(v) => Some(v),
        Err(msg) => {
            diags
                .error(
                    Location::file(config::FILE_NAME),
                    format!("`gestaltung.odt_vorlage` „{rel}“ kann nicht gelesen werden: {msg}"),
                )
                .hint = Some(
                "die Vorlage in LibreOffice mit „Datei › Dokumentvorlagen › Als Vorlage speichern“ (.ott) speichern"
                    .into(),
            );
            None
        }
    }
}

/// Reads a file named by `gestaltung.<key>` inside the project.
fn read(
    root: &Path,
    rel: &str,
    key: &str,
    exts: &[&str],
    diags: &mut Diagnostics,
) -> Option<Vec<u8>> {
    let loc = || Location::file(config::FILE_NAME);
    let path = match project_path(root, rel) {
        Ok(p) => p,
        Err(msg) => {
            diags
                .error(loc(), format!("`gestaltung.{key}`: {msg}"))
                .hint = Some("die Datei in den Projektordner legen und relativ angeben".into());
            return None;
        }
    };
    let ext = path
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("")
        .to_lowercase();
    if !exts.contains(&ext.as_str()) {
        diags
            .error(
                loc(),
                format!("`gestaltung.{key}` „{rel}“ hat nicht die richtige Art"),
            )
            .hint = Some(format!("erlaubt: {}", exts.join(", ")));
        return None;
    }
    match std::fs::metadata(&path) {
        Ok(m) if m.len() > workbook::MAX_FILE_SIZE => {
            diags.error(
                loc(),
                format!("`gestaltung.{key}` „{rel}“ ist zu groß (höchstens 50 MB)"),
            );
            None
        }
        Ok(_) => match std::fs::read(&path) {
            Ok(b) => Some(b),
            Err(e) => {
                diags.error(
                    loc(),
                    format!("`gestaltung.{key}` „{rel}“ kann nicht gelesen werden: {e}"),
                );
                None
            }
        },
        Err(_) => {
            diags
                .error(
                    loc(),
                    format!("die Datei „{rel}“ aus `gestaltung.{key}` wurde nicht gefunden"),
                )
                .hint = Some(format!(
                "die Datei in den Projektordner legen oder den Pfad in `gestaltung.{key}` korrigieren"
            ));
            None
        }
    }
}

/// Extensions of font files taken from `gestaltung.schriften`.
const FONT_EXTS: [&str; 4] = ["ttf", "otf", "ttc", "otc"];

/// Reads the municipality's own font files (`gestaltung.schriften`).
fn read_fonts(root: &Path, cfg: &Config, diags: &mut Diagnostics) -> Vec<Vec<u8>> {
    let Some(dir) = cfg.gestaltung.schriften.clone() else {
        return vec![];
    };
    let path = match project_path(root, &dir) {
        Ok(p) => p,
        Err(msg) => {
            diags.error(
                Location::file(config::FILE_NAME),
                format!("`gestaltung.schriften`: {msg}"),
            );
            return vec![];
        }
    };
    let entries = match std::fs::read_dir(&path) {
        Ok(e) => e,
        Err(_) => {
            diags.error(
                Location::file(config::FILE_NAME),
                format!(
                    "der Schriftenordner „{dir}“ aus `gestaltung.schriften` wurde nicht gefunden"
                ),
            );
            return vec![];
        }
    };
    let mut files: Vec<PathBuf> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| {
            p.extension()
                .and_then(|e| e.to_str())
                .is_some_and(|e| FONT_EXTS.contains(&e.to_lowercase().as_str()))
        })
        .collect();
    files.sort();
    files
        .into_iter()
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

/// Warns when `gestaltung.schrift` names a family that neither the embedded
/// fonts nor the project's own font files have.
fn check_font_family(cfg: &Config, fonts: &[Vec<u8>], diags: &mut Diagnostics) {
    let schrift = cfg
        .gestaltung
        .schrift
        .as_deref()
        .unwrap_or("Liberation Sans");
    let known = crate::embedded::fonts::families(fonts);
    if !known.iter().any(|f| f.eq_ignore_ascii_case(schrift)) {
        diags
            .warning(
                Location::file(config::FILE_NAME),
                format!("die Schrift „{schrift}“ aus `gestaltung.schrift` ist nicht vorhanden; es wird Liberation Sans verwendet"),
            )
            .hint = Some(format!("verfügbar: {}; eigene Schriftdateien in den Ordner aus `gestaltung.schriften` legen", known.join(", ")));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cover_image_names() {
        assert_eq!(cover_file_name("bilder/Titel.JPEG"), "titelbild.jpg");
        assert_eq!(cover_file_name("titel.png"), "titelbild.png");
    }
}
