//! `konzept new`: a ready concept project in one command.
//!
//! A coordinator starts by sending every working group a workbook, and the
//! people filling them in have never read a spec. So `new` writes
//! `konzept.toml` with every key explained, the steering group's workbook and
//! one guided workbook per configured field (see [`workbook`]), each exactly in
//! the form the reader expects: `konzept check` on the fresh project reports
//! no errors, and `konzept build` makes a document whose every chapter says
//! what is still missing.
//!
//! `new --example` writes the Musterstadt example instead, embedded in the
//! binary, so a newcomer can try the tool without the repository.
//!
//! Everything is generated in memory first; only then is the folder created
//! and written, so a failure while generating leaves nothing behind. An
//! existing folder with anything in it is never touched.

// `new` stops at its one error (there is nothing to collect), so the size of
// a `Diagnostic` on the error path does not matter.
#![allow(clippy::result_large_err)]

mod project_file;
mod refresh;
mod workbook;

pub use refresh::{refresh_forms, refresh_forms_on, Erneuert, FORMS_DIR};
/// Row heights of wrapped cells, shared with the status workbooks of `report/`.
pub(crate) use workbook::{lines as cell_lines, row_height};

use crate::config::{self, Handlungsfeld};
use crate::diag::{Diagnostic, Diagnostics, Location, Severity};
use chrono::{Datelike, NaiveDate};
use std::path::{Component, Path, PathBuf};

/// The files of `examples/musterstadt` (without its `ausgabe/`; with the
/// report rounds under `sachstand/`), written by
/// `konzept new --example`. The test `example_reproduces_the_repository`
/// fails when a file is added to the example but not here.
pub const EXAMPLE: &[(&str, &[u8])] = &[
    (
        "konzept.toml",
        include_bytes!("../../examples/musterstadt/konzept.toml"),
    ),
    (
        "steuerung.xlsx",
        include_bytes!("../../examples/musterstadt/steuerung.xlsx"),
    ),
    (
        "logo.png",
        include_bytes!("../../examples/musterstadt/logo.png"),
    ),
    (
        "arbeitsgruppen/ag-arbeit.xlsx",
        include_bytes!("../../examples/musterstadt/arbeitsgruppen/ag-arbeit.xlsx"),
    ),
    (
        "arbeitsgruppen/ag-bildung.xlsx",
        include_bytes!("../../examples/musterstadt/arbeitsgruppen/ag-bildung.xlsx"),
    ),
    (
        "arbeitsgruppen/ag-gesundheit.xls",
        include_bytes!("../../examples/musterstadt/arbeitsgruppen/ag-gesundheit.xls"),
    ),
    (
        "arbeitsgruppen/ag-jugend.xlsx",
        include_bytes!("../../examples/musterstadt/arbeitsgruppen/ag-jugend.xlsx"),
    ),
    (
        "arbeitsgruppen/ag-kultur.ods",
        include_bytes!("../../examples/musterstadt/arbeitsgruppen/ag-kultur.ods"),
    ),
    (
        "arbeitsgruppen/ag-verwaltung.xlsx",
        include_bytes!("../../examples/musterstadt/arbeitsgruppen/ag-verwaltung.xlsx"),
    ),
    (
        "arbeitsgruppen/ag-wohnen.xlsx",
        include_bytes!("../../examples/musterstadt/arbeitsgruppen/ag-wohnen.xlsx"),
    ),
    // The report rounds after adoption (`konzept report`): the frozen
    // concept and the returned status workbooks of 2027 and 2028.
    (
        "sachstand/2027/sachstand-a.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2027/sachstand-a.xlsx"),
    ),
    (
        "sachstand/2027/sachstand-b.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2027/sachstand-b.xlsx"),
    ),
    (
        "sachstand/2027/sachstand-g.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2027/sachstand-g.xlsx"),
    ),
    (
        "sachstand/2027/sachstand-j.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2027/sachstand-j.xlsx"),
    ),
    (
        "sachstand/2027/sachstand-k.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2027/sachstand-k.xlsx"),
    ),
    (
        "sachstand/2027/sachstand-v.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2027/sachstand-v.xlsx"),
    ),
    (
        "sachstand/2027/sachstand-w.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2027/sachstand-w.xlsx"),
    ),
    (
        "sachstand/2028/bericht.toml",
        include_bytes!("../../examples/musterstadt/sachstand/2028/bericht.toml"),
    ),
    (
        "sachstand/2028/sachstand-a.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2028/sachstand-a.xlsx"),
    ),
    (
        "sachstand/2028/sachstand-b.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2028/sachstand-b.xlsx"),
    ),
    (
        "sachstand/2028/sachstand-g.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2028/sachstand-g.xlsx"),
    ),
    (
        "sachstand/2028/sachstand-j.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2028/sachstand-j.xlsx"),
    ),
    (
        "sachstand/2028/sachstand-k.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2028/sachstand-k.xlsx"),
    ),
    (
        "sachstand/2028/sachstand-v.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2028/sachstand-v.xlsx"),
    ),
    (
        "sachstand/2028/sachstand-w.xlsx",
        include_bytes!("../../examples/musterstadt/sachstand/2028/sachstand-w.xlsx"),
    ),
    (
        "sachstand/beschluss.json",
        include_bytes!("../../examples/musterstadt/sachstand/beschluss.json"),
    ),
];

/// Where the working groups' workbooks go (the default of `eingaben.arbeitsgruppen`).
pub const AG_DIR: &str = "arbeitsgruppen";

/// Used when neither `--kommune` nor the folder name gives a name.
const FALLBACK_NAME: &str = "Musterstadt";

/// What `konzept new` is asked for.
#[derive(Debug, Default, Clone)]
pub struct Neu {
    /// The municipality's name; defaults to the folder's name ([`kommune_from_dir`]).
    pub kommune: Option<String>,
    /// Write the Musterstadt example instead of an empty project.
    pub example: bool,
    /// The fields of action (`--feld`, read with [`parse_fields`]); empty
    /// means the guide's seven.
    pub felder: Vec<Handlungsfeld>,
}

/// Creates a new project in `dir` (which must not exist or be empty) and
/// returns the paths written.
pub fn new_project(dir: &Path, neu: &Neu) -> Result<Vec<PathBuf>, Diagnostic> {
    // The one place where the clock is read: a new project is dated today.
    new_project_on(dir, neu, today())
}

/// As [`new_project`], with the date of the new project given (for tests).
pub fn new_project_on(dir: &Path, neu: &Neu, today: NaiveDate) -> Result<Vec<PathBuf>, Diagnostic> {
    let (kommune, example) = (neu.kommune.as_deref(), neu.example);
    check_target(dir)?;
    let files: Vec<(String, Vec<u8>)> = if example {
        EXAMPLE
            .iter()
            .map(|(name, bytes)| (name.to_string(), bytes.to_vec()))
            .collect()
    } else {
        let name = match kommune {
            Some(k) if !k.trim().is_empty() => k.trim().to_string(),
            Some(_) => {
                return Err(Diagnostic::new(
                    Severity::Error,
                    Location::default(),
                    "der Name der Kommune (--kommune) ist leer",
                )
                .with_hint("z. B. --kommune \"Bad Münstereifel\""))
            }
            None => municipality_from_dir(dir),
        };
        let fields = if neu.felder.is_empty() {
            config::default_fields()
        } else {
            neu.felder.clone()
        };
        generate(&Projekt::new(&name, today, fields))?
    };
    write_files(dir, &files)
}

/// Reads the `--feld` values, `NAME` or `NAME=KURZ`, in document order.
///
/// A name of the guide or one of its short names („Bildung“, „Arbeit und
/// Beruf“) keeps the guide's letter and other names, as in `konzept.toml`.
/// Any other field gets the first free letter of its name („Sport und
/// Bewegung“ → `S`, then `SB`, `SP`, `S2` …) unless `=KURZ` gives one.
pub fn parse_fields(args: &[String]) -> Result<Vec<Handlungsfeld>, Diagnostic> {
    use crate::input::normalize;
    let defaults = config::default_fields();
    let example = "z. B. --feld \"Sport und Bewegung\" oder --feld \"Sport und Bewegung=SP\"";
    // (field, letter given by the user)
    let mut fields: Vec<(Handlungsfeld, bool)> = Vec::new();
    for arg in args {
        let (name, kurz) = match arg.rsplit_once('=') {
            Some((n, k)) => (n.trim(), Some(k.trim())),
            None => (arg.trim(), None),
        };
        if name.is_empty() {
            return Err(error(
                format!("--feld „{arg}“: der Name des Handlungsfelds fehlt"),
                example,
            ));
        }
        if let Some(k) = kurz {
            let upper = k.to_uppercase();
            if upper.is_empty()
                || upper.chars().count() > 4
                || !upper.chars().all(char::is_alphanumeric)
            {
                return Err(error(
                    format!("--feld „{arg}“: das Kürzel „{k}“ ist ungeeignet"),
                    "nach dem = ein bis vier Buchstaben oder Ziffern angeben, z. B. --feld \"Sport und Bewegung=SP\"",
                ));
            }
        }
        let n = normalize(name);
        let names_of = |f: &Handlungsfeld| -> Vec<String> {
            std::iter::once(&f.name)
                .chain(&f.aliase)
                .map(|a| normalize(a))
                .collect()
        };
        if let Some((twin, _)) = fields.iter().find(|(f, _)| names_of(f).contains(&n)) {
            return Err(error(
                format!(
                    "--feld „{name}“ ist doppelt angegeben (schon als „{}“)",
                    twin.name
                ),
                "jedes Handlungsfeld nur einmal nennen",
            ));
        }
        let mut field = match defaults.iter().find(|d| names_of(d).contains(&n)) {
            Some(d) => Handlungsfeld {
                name: name.to_string(),
                kurz: d.kurz.clone(),
                aliase: std::iter::once(&d.name)
                    .chain(&d.aliase)
                    .filter(|a| normalize(a) != n)
                    .cloned()
                    .collect(),
            },
            None => Handlungsfeld {
                name: name.to_string(),
                kurz: String::new(),
                aliase: Vec::new(),
            },
        };
        if let Some(k) = kurz {
            field.kurz = k.to_uppercase();
        }
        fields.push((field, kurz.is_some()));
    }
    // Letters the user gave win; the guide's letters come next; the rest are made up.
    let mut taken: Vec<String> = Vec::new();
    for (f, given) in &fields {
        if *given {
            if taken.contains(&f.kurz) {
                return Err(error(
                    format!("das Kürzel „{}“ ist bei --feld doppelt vergeben", f.kurz),
                    "jedem Handlungsfeld ein eigenes Kürzel geben, z. B. --feld \"Sport=SP\"",
                ));
            }
            taken.push(f.kurz.clone());
        }
    }
    for (f, given) in &mut fields {
        if !*given && !f.kurz.is_empty() {
            if taken.contains(&f.kurz) {
                f.kurz.clear();
            } else {
                taken.push(f.kurz.clone());
            }
        }
    }
    for (i, (f, _)) in fields.iter_mut().enumerate() {
        if f.kurz.is_empty() {
            let kurz = letter_candidates(&f.name)
                .into_iter()
                .chain((1..).map(|n| format!("F{}", i + n)))
                .find(|k| !taken.contains(k))
                .expect("the candidates never end");
            taken.push(kurz.clone());
            f.kurz = kurz;
        }
    }
    Ok(fields.into_iter().map(|(f, _)| f).collect())
}

/// Letters for a field without one: `S`, `SB`, `SP`, `S2` … `S9` for „Sport und Bewegung“.
fn letter_candidates(name: &str) -> Vec<String> {
    const SMALL: &[&str] = &[
        "und", "der", "die", "das", "für", "in", "im", "von", "mit", "zur", "zum",
    ];
    let words: Vec<Vec<char>> = name
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !SMALL.contains(&w.to_lowercase().as_str()))
        .map(|w| w.chars().flat_map(char::to_uppercase).collect())
        .collect();
    let Some(first) = words.first() else {
        return Vec::new();
    };
    let mut out = vec![first[0].to_string()];
    if let Some(second) = words.get(1) {
        out.push(format!("{}{}", first[0], second[0]));
    }
    if first.len() > 1 {
        out.push(first[..2].iter().collect());
    }
    out.extend((2..=9).map(|n| format!("{}{n}", first[0])));
    out
}

/// What [`add_workbooks`] did.
#[derive(Debug, Default)]
pub struct Ergaenzt {
    /// The workbooks written.
    pub written: Vec<PathBuf>,
    /// Fields that already have a workbook, with its file.
    pub vorhanden: Vec<(String, String)>,
    /// Problems: the project could not be read, a file is in the way.
    pub diagnostics: crate::diag::Diagnostics,
}

/// `konzept workbooks`: writes the guided workbook for every configured
/// field that no workbook in the project belongs to yet (a field added to
/// `konzept.toml` later, or one whose workbook was lost), into the folder of
/// `eingaben.arbeitsgruppen`. Existing files are never overwritten.
pub fn add_workbooks(root: &Path) -> Ergaenzt {
    add_workbooks_on(root, today())
}

/// The errors of a check, without its warnings and notes: what a command
/// that needs a readable project reports when it cannot go on.
pub(super) fn errors_only(diags: &Diagnostics) -> Diagnostics {
    let mut out = Diagnostics::new();
    for d in diags.iter().filter(|d| d.severity == Severity::Error) {
        out.push(d.clone());
    }
    out
}

/// As [`add_workbooks`], with the date of the new workbooks given (for tests).
pub fn add_workbooks_on(root: &Path, today: NaiveDate) -> Ergaenzt {
    let checked = crate::pipeline::check(root);
    let mut out = Ergaenzt::default();
    let (Some(cfg), Some(konzept)) = (&checked.config, &checked.konzept) else {
        // konzept.toml is missing or broken: its errors say what to do.
        out.diagnostics = errors_only(&checked.diagnostics);
        return out;
    };
    let fields = config::fields(cfg);
    let p = refresh::project_of(cfg, konzept, today);
    let pattern = cfg
        .eingaben
        .arbeitsgruppen
        .first()
        .map(String::as_str)
        .unwrap_or("arbeitsgruppen/*");
    let folder = pattern_folder(pattern);
    let names = workbook_names(&fields);
    let broken = checked.diagnostics.count(Severity::Error);
    for (feld, (field, file)) in konzept.felder.iter().zip(fields.iter().zip(&names)) {
        if let Some(datei) = &feld.datei {
            out.vorhanden.push((feld.name.clone(), datei.clone()));
            continue;
        }
        let rel = if folder.is_empty() {
            file.clone()
        } else {
            format!("{folder}/{file}")
        };
        let loc = Location::file(&rel);
        let path = match crate::project::project_path(root, &rel) {
            Ok(p) => p,
            Err(msg) => {
                out.diagnostics.error(
                    Location::file(config::FILE_NAME),
                    format!("`eingaben.arbeitsgruppen`: {msg}"),
                );
                return out;
            }
        };
        if path.exists() {
            out.diagnostics
                .error(
                    loc,
                    format!(
                        "die Datei gibt es schon, sie gehört aber zu keinem Handlungsfeld; für „{}“ wird keine Mappe geschrieben",
                        field.name
                    ),
                )
                .hint = Some("`konzept check` zeigt, was mit der Datei nicht stimmt; nach dem Umbenennen oder Löschen `konzept workbooks` noch einmal aufrufen".into());
            continue;
        }
        if !cfg.eingaben.arbeitsgruppen.iter().any(|pat| {
            glob::Pattern::new(pat.trim_start_matches("./"))
                .is_ok_and(|g| g.matches_path(Path::new(&rel)))
        }) {
            out.diagnostics.warning(
                loc.clone(),
                format!("die neue Mappe passt zu keinem Muster in `eingaben.arbeitsgruppen` ({}) und wird so nicht gelesen", cfg.eingaben.arbeitsgruppen.join(", ")),
            )
            .hint = Some(format!("`eingaben.arbeitsgruppen` um „{rel}“ ergänzen"));
        }
        let bytes = match workbook::working_group_form(&p, field, None) {
            Ok(b) => b,
            Err(e) => {
                out.diagnostics
                    .error(
                        loc,
                        format!("die Arbeitsmappe konnte nicht erzeugt werden: {e}"),
                    )
                    .hint = Some("bitte als Fehler von konzept melden".into());
                continue;
            }
        };
        // `create_new`: a file that appeared meanwhile is not overwritten
        // (and, on a failure, only a file made here is removed).
        let created = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| {
                std::fs::OpenOptions::new()
                    .write(true)
                    .create_new(true)
                    .open(&path)
            });
        let written = created.and_then(|mut f| {
            use std::io::Write;
            let result = f.write_all(&bytes).and_then(|()| f.sync_all());
            if result.is_err() {
                drop(f);
                let _ = std::fs::remove_file(&path);
            }
            result
        });
        match written {
            Ok(()) => out.written.push(path),
            Err(e) => {
                out.diagnostics
                    .error(
                        loc,
                        format!("die Arbeitsmappe kann nicht geschrieben werden: {e}"),
                    )
                    .hint = Some("Schreibrechte und freien Speicherplatz prüfen".into());
            }
        }
    }
    if broken > 0 && !out.written.is_empty() {
        // A workbook that cannot be read belongs to no field: the new one
        // may be its double.
        out.diagnostics
            .warning(
                Location::default(),
                format!("`konzept check` meldet {broken} Fehler in diesem Projekt; eine Arbeitsmappe, die sich nicht lesen lässt, zählt hier nicht als vorhanden"),
            )
            .hint = Some("gehört eine fehlerhafte Mappe zu einem der neuen Felder, die neue Mappe wieder löschen und die alte reparieren".into());
    }
    out
}

/// The folder a pattern of `eingaben.arbeitsgruppen` reads from:
/// `arbeitsgruppen/*` → `arbeitsgruppen`, `mappen/ag-*.xlsx` → `mappen`, `*` → ``.
pub fn pattern_folder(pattern: &str) -> String {
    let parts: Vec<&str> = pattern
        .split('/')
        .filter(|p| !p.is_empty() && *p != ".")
        .collect();
    let literal = parts
        .iter()
        .take_while(|p| !p.contains(['*', '?', '[']))
        .count();
    let keep = if literal == parts.len() {
        // No wildcard: a folder, or one workbook in a folder.
        let last = parts.last().map(|l| l.to_lowercase()).unwrap_or_default();
        if [".xlsx", ".xls", ".ods"].iter().any(|e| last.ends_with(e)) {
            literal.saturating_sub(1)
        } else {
            literal
        }
    } else {
        literal
    };
    parts[..keep].join("/")
}

/// The workbook file names of the fields ([`workbook_name`]), made unique
/// with the field's letter where two would be the same.
pub fn workbook_names(fields: &[Handlungsfeld]) -> Vec<String> {
    let plain: Vec<String> = fields.iter().map(workbook_name).collect();
    plain
        .iter()
        .zip(fields)
        .map(|(name, f)| {
            if plain.iter().filter(|n| *n == name).count() > 1 {
                let stem = name.trim_end_matches(".xlsx");
                format!("{stem}-{}.xlsx", f.kurz.to_lowercase())
            } else {
                name.clone()
            }
        })
        .collect()
}

/// The name of the municipality guessed from the folder name:
/// `bad-muenstereifel` → „Bad Muenstereifel“. Words are split at `-`, `_`,
/// `.` and spaces and capitalised; numbers and words like „konzept“ are
/// dropped; umlauts are not guessed back. Falls back to „Musterstadt“.
pub fn municipality_from_dir(dir: &Path) -> String {
    let abs = if dir.is_absolute() {
        dir.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|c| c.join(dir))
            .unwrap_or_else(|_| dir.to_path_buf())
    };
    // Resolve `.` and `..` by hand: the folder may not exist yet.
    let mut parts: Vec<String> = Vec::new();
    for c in abs.components() {
        match c {
            Component::Normal(s) => parts.push(s.to_string_lossy().into_owned()),
            Component::ParentDir => {
                parts.pop();
            }
            _ => {}
        }
    }
    let last = parts.pop().unwrap_or_default();
    let words: Vec<String> = last
        .split(['-', '_', ' ', '.'])
        // `integrationskonzept-musterstadt-2026` is about Musterstadt
        .filter(|w| {
            !w.is_empty()
                && !w.chars().all(|c| c.is_ascii_digit())
                && !["integrationskonzept", "konzept", "projekt", "neu"]
                    .contains(&w.to_lowercase().as_str())
        })
        .map(|w| {
            let mut cs = w.chars();
            match cs.next() {
                Some(first) => first.to_uppercase().chain(cs).collect(),
                None => String::new(),
            }
        })
        .collect();
    let name = words.join(" ");
    if name.chars().any(char::is_alphabetic) {
        name
    } else {
        FALLBACK_NAME.to_string()
    }
}

/// The file name of a field's workbook: `ag-` and the shortest of its names,
/// e.g. `ag-bildung.xlsx`, `ag-verwaltung.xlsx`.
pub fn workbook_name(field: &Handlungsfeld) -> String {
    let short = std::iter::once(&field.name)
        .chain(&field.aliase)
        .min_by_key(|n| n.chars().count())
        .expect("a field has a name");
    let mut slug = String::new();
    for c in short.chars().flat_map(char::to_lowercase) {
        match c {
            'ä' => slug.push_str("ae"),
            'ö' => slug.push_str("oe"),
            'ü' => slug.push_str("ue"),
            'ß' => slug.push_str("ss"),
            c if c.is_ascii_alphanumeric() => slug.push(c),
            _ if !slug.ends_with('-') && !slug.is_empty() => slug.push('-'),
            _ => {}
        }
    }
    let slug = slug.trim_end_matches('-');
    let slug = if slug.is_empty() {
        field.kurz.to_lowercase()
    } else {
        slug.to_string()
    };
    format!("ag-{slug}.xlsx")
}

fn today() -> NaiveDate {
    let secs = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    NaiveDate::from_ymd_opt(1970, 1, 1).expect("valid date") + chrono::Days::new(secs / 86_400)
}

fn error(message: impl Into<String>, hint: impl Into<String>) -> Diagnostic {
    Diagnostic::new(Severity::Error, Location::default(), message).with_hint(hint)
}

/// Refuses a target that exists and is not an empty folder.
fn check_target(dir: &Path) -> Result<(), Diagnostic> {
    let shown = dir.display();
    match std::fs::metadata(dir) {
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(error(
            format!("der Ordner „{shown}“ kann nicht geprüft werden: {e}"),
            "einen anderen Ordner angeben",
        )),
        Ok(m) if !m.is_dir() => Err(error(
            format!("„{shown}“ ist eine Datei, kein Ordner"),
            "den Namen eines neuen Ordners angeben, z. B. `konzept new musterstadt`",
        )),
        Ok(_) => {
            let mut entries = std::fs::read_dir(dir).map_err(|e| {
                error(
                    format!("der Ordner „{shown}“ kann nicht gelesen werden: {e}"),
                    "einen anderen Ordner angeben",
                )
            })?;
            if entries.next().is_some() {
                Err(error(
                    format!("der Ordner „{shown}“ ist nicht leer; `konzept new` überschreibt nichts"),
                    "einen neuen oder leeren Ordner angeben; vorhandene Dateien werden nie überschrieben",
                ))
            } else {
                Ok(())
            }
        }
    }
}

fn write_files(dir: &Path, files: &[(String, Vec<u8>)]) -> Result<Vec<PathBuf>, Diagnostic> {
    let io_error = |path: &Path, e: std::io::Error| {
        error(
            format!("„{}“ kann nicht geschrieben werden: {e}", path.display()),
            "Schreibrechte und freien Speicherplatz prüfen",
        )
    };
    std::fs::create_dir_all(dir).map_err(|e| io_error(dir, e))?;
    let mut written = Vec::new();
    for (rel, bytes) in files {
        let path = dir.join(rel);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| io_error(parent, e))?;
        }
        std::fs::write(&path, bytes).map_err(|e| io_error(&path, e))?;
        written.push(path);
    }
    Ok(written)
}

/// What the generated files say about the project.
pub(crate) struct Projekt {
    /// The municipality's name as given, e.g. „Musterstadt“ or „Kreis Lippe“.
    pub name: String,
    /// One of [`config::ARTEN`].
    pub art: &'static str,
    /// „Stadt Musterstadt“, „Kreis Lippe“.
    pub bezeichnung: String,
    /// „Die Stadt Musterstadt“, „Der Kreis Lippe“ (at the start of a sentence).
    pub nominativ: String,
    pub titel: String,
    pub gremium: String,
    pub verantwortlich: String,
    pub stand: NaiveDate,
    pub von: i32,
    pub bis: i32,
    pub fields: Vec<Handlungsfeld>,
    /// The actors of the steering workbook: the dropdown of Federführung
    /// and Partner (empty: no dropdown).
    pub akteure: Vec<String>,
    /// `[rueckgabe]`: the deadline as printed and whom to return the form to.
    pub rueckgabe_bis: Option<String>,
    pub rueckgabe_an: Option<String>,
    /// The priority scheme (`dokument.prioritaeten`): the dropdown of
    /// Priorität.
    pub prioritaeten: config::PriorityScheme,
}

impl Projekt {
    pub fn new(name: &str, today: NaiveDate, fields: Vec<Handlungsfeld>) -> Self {
        // A name that starts with a kind of municipality („Kreis Lippe“,
        // „Gemeinde Wachtberg“) sets `art`; otherwise it is a Stadt.
        let first = name.split_whitespace().next().unwrap_or("");
        let art = config::ARTEN
            .iter()
            .find(|a| a.eq_ignore_ascii_case(first))
            .copied()
            .unwrap_or("Stadt");
        let rest = if art.eq_ignore_ascii_case(first) {
            name[first.len()..].trim()
        } else {
            name
        };
        let (artikel_gen, art_gen, artikel_nom) = match art {
            "Gemeinde" => ("der", "Gemeinde", "Die"),
            "Landkreis" => ("des", "Landkreises", "Der"),
            "Kreis" => ("des", "Kreises", "Der"),
            "Stadtbezirk" => ("des", "Stadtbezirks", "Der"),
            _ => ("der", "Stadt", "Die"),
        };
        let genitiv = format!("{artikel_gen} {art_gen} {rest}");
        let gremium = match art {
            "Landkreis" | "Kreis" => format!("Kreistag {genitiv}"),
            "Stadtbezirk" => format!("Bezirksvertretung {rest}"),
            _ => format!("Rat {genitiv}"),
        };
        Projekt {
            name: name.to_string(),
            art,
            bezeichnung: format!("{art} {rest}"),
            nominativ: format!("{artikel_nom} {art} {rest}"),
            titel: format!("Integrationskonzept {genitiv}"),
            gremium,
            verantwortlich: format!("Integrationsbüro {genitiv}"),
            stand: today,
            von: today.year(),
            bis: today.year() + 4,
            fields,
            akteure: Vec::new(),
            rueckgabe_bis: None,
            rueckgabe_an: None,
            prioritaeten: config::PriorityScheme::Standard,
        }
    }

    /// Replaces `{von}`, `{von+1}` and `{bis}` in a help text.
    /// The Laufzeit (`{von}`, `{bis}`, `{von+1}`) and the council (`{rat}`:
    /// „Rat der Stadt“, „Rat der Gemeinde“, „Kreistag“) in a help text.
    /// The accepted priorities, as the forms explain them.
    fn priority_forms(&self) -> String {
        match self.prioritaeten.labels() {
            Some([a, b, c]) => format!("{a}, {b} oder {c} (aus der Liste wählen)"),
            None => "bei Zielen und Maßnahmen die Punkte aus der Abstimmung als Zahl, z. B. 12; bei Empfehlungen hoch, mittel oder niedrig".into(),
        }
    }

    pub fn years(&self, text: &str) -> String {
        let rat = match self.art {
            "Landkreis" | "Kreis" => "Kreistag",
            "Stadtbezirk" => "Bezirksvertretung",
            "Gemeinde" => "Rat der Gemeinde",
            _ => "Rat der Stadt",
        };
        text.replace("{rat}", rat)
            .replace("{von+1}", &(self.von + 1).to_string())
            .replace("{von}", &self.von.to_string())
            .replace("{bis}", &self.bis.to_string())
            .replace("{prioritaeten}", &self.priority_forms())
    }
}

/// All files of a new project, in memory.
fn generate(p: &Projekt) -> Result<Vec<(String, Vec<u8>)>, Diagnostic> {
    let xlsx_error = |file: &str, e: rust_xlsxwriter::XlsxError| {
        // Only a programming error can get here (a text over an Excel limit).
        error(
            format!("die Arbeitsmappe {file} konnte nicht erzeugt werden: {e}"),
            "bitte als Fehler von konzept melden",
        )
    };
    let mut files = vec![(
        config::FILE_NAME.to_string(),
        project_file::konzept_toml(p).into_bytes(),
    )];
    files.push((
        "steuerung.xlsx".to_string(),
        workbook::steering_form(p).map_err(|e| xlsx_error("steuerung.xlsx", e))?,
    ));
    for (field, file) in p.fields.iter().zip(workbook_names(&p.fields)) {
        let name = format!("{AG_DIR}/{file}");
        let bytes =
            workbook::working_group_form(p, field, None).map_err(|e| xlsx_error(&name, e))?;
        files.push((name, bytes));
    }
    Ok(files)
}

#[cfg(test)]
mod tests;
