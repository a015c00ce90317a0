//! The project's template overrides: the files in `vorlagen/` (or the folder
//! of `gestaltung.vorlagen`), each replacing the built-in template of the
//! same name. Read and checked once, when the project is read.

use super::paths::project_path;
use crate::config::{Config, FILE_NAME};
use crate::diag::{Diagnostics, Location};
use crate::embedded::templates::{all_builtins, check_syntax, Override};
use std::path::Path;

/// The override folder used when `gestaltung.vorlagen` is not set and it
/// exists.
pub const DEFAULT_FOLDER: &str = "vorlagen";

/// Largest override file read (templates are a few kilobytes).
const MAX_OVERRIDE_SIZE: u64 = 4 * 1024 * 1024;

/// Files in the override folder that are not templates and are never
/// reported: the guide, hidden files and editor leftovers.
fn ignored(name: &str) -> bool {
    name == "LIESMICH.md"
        || name.starts_with('.')
        || name.starts_with("~$")
        || name.ends_with('~')
        || [".bak", ".orig", ".swp", ".tmp"]
            .iter()
            .any(|e| name.to_lowercase().ends_with(e))
}

/// Reads the project's template overrides once, at project loading: the
/// folder from `gestaltung.vorlagen`, else `vorlagen/` if it exists. A
/// named folder that is missing is an error; a file with no built-in twin
/// is a warning naming the nearest built-in; a Handlebars syntax error is
/// an error with the file and line, found by `check` before any build.
pub fn load(root: &Path, cfg: &Config, diags: &mut Diagnostics) -> Vec<Override> {
    let (rel, explicit) = match &cfg.gestaltung.vorlagen {
        Some(r) => (r.as_str(), true),
        None => (DEFAULT_FOLDER, false),
    };
    let folder = rel.replace('\\', "/");
    let folder = folder.trim_start_matches("./").trim_end_matches('/');
    if folder.is_empty() || folder == "." {
        diags.error(
            Location::file(FILE_NAME),
            "`gestaltung.vorlagen` muss einen Unterordner des Projekts nennen, z. B. \"vorlagen\"",
        );
        return vec![];
    }
    let dir = match project_path(root, folder) {
        Ok(d) => d,
        Err(msg) => {
            if explicit {
                diags.error(
                    Location::file(FILE_NAME),
                    format!("`gestaltung.vorlagen`: {msg}"),
                );
            }
            return vec![];
        }
    };
    if !dir.is_dir() {
        if explicit {
            let what = if dir.exists() {
                "ist kein Ordner"
            } else {
                "wurde nicht gefunden"
            };
            diags
                .error(
                    Location::file(FILE_NAME),
                    format!("der Vorlagenordner „{rel}“ aus `gestaltung.vorlagen` {what}"),
                )
                .hint = Some(format!(
                "`konzept templates` schreibt die eingebauten Vorlagen nach {DEFAULT_FOLDER}/; sonst den Schlüssel `gestaltung.vorlagen` entfernen"
            ));
        }
        return vec![];
    }
    let builtins = all_builtins();
    let mut files = Vec::new();
    collect_files(&dir, "", 0, &mut files);
    files.sort();
    let mut out = Vec::new();
    for file in files {
        let shown = format!("{folder}/{file}");
        let name = file.rsplit('/').next().unwrap_or(&file);
        if ignored(name) {
            continue;
        }
        let Some(builtin) = builtins.iter().find(|b| b.file == file) else {
            let nearest = builtins
                .iter()
                .map(|b| b.file)
                .max_by(|a, b| {
                    strsim::jaro_winkler(&file, a).total_cmp(&strsim::jaro_winkler(&file, b))
                })
                .unwrap_or("typst/main.typ.hbs");
            diags
                .warning(
                    Location::file(&shown),
                    format!("die Datei ersetzt keine eingebaute Vorlage und wird nicht verwendet; die nächstliegende heißt „{folder}/{nearest}“"),
                )
                .hint = Some(
                "eine eigene Vorlage trägt den Namen der eingebauten, die sie ersetzt; alle Namen stehen in vorlagen/LIESMICH.md (`konzept templates`)".into(),
            );
            continue;
        };
        let path = match project_path(root, &shown) {
            Ok(p) => p,
            Err(msg) => {
                diags.error(Location::file(&shown), msg);
                continue;
            }
        };
        let text = match std::fs::metadata(&path) {
            Ok(m) if m.len() > MAX_OVERRIDE_SIZE => {
                Err("die Datei ist zu groß (höchstens 4 MB)".to_string())
            }
            _ => match std::fs::read(&path) {
                Ok(bytes) => String::from_utf8(bytes)
                    .map_err(|_| "die Datei ist nicht als UTF-8 gespeichert".to_string()),
                Err(e) => Err(format!("die Datei kann nicht gelesen werden: {e}")),
            },
        };
        let text = match text {
            Ok(t) => t,
            Err(msg) => {
                diags.error(Location::file(&shown), msg);
                continue;
            }
        };
        if builtin.file.ends_with(".hbs") {
            if let Err((line, msg)) = check_syntax(&text) {
                let at = match line {
                    Some(l) => Location::line(&shown, l),
                    None => Location::file(&shown),
                };
                diags.error(at, format!("die Vorlage ist fehlerhaft: {msg}")).hint = Some(
                    "jedes {{#if …}} und {{#each …}} braucht sein {{/if}} bzw. {{/each}}; zum Vergleich schreibt `konzept templates ORDNER` die eingebauten Vorlagen in einen anderen Ordner".into(),
                );
                continue;
            }
        }
        out.push(Override {
            file: builtin.file.to_string(),
            shown,
            text,
        });
    }
    out
}

/// Files below `dir` as relative `/` paths (at most three folders deep).
fn collect_files(dir: &Path, prefix: &str, depth: usize, out: &mut Vec<String>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let name = e.file_name().to_string_lossy().into_owned();
        let rel = format!("{prefix}{name}");
        let path = e.path();
        if path.is_dir() {
            if depth < 3 && !name.starts_with('.') {
                collect_files(&path, &format!("{rel}/"), depth + 1, out);
            }
        } else {
            out.push(rel);
        }
    }
}
