//! The pages of `konzept serve`: the templates of `templates/web/` (built in)
//! and the values they show, computed from a fresh check of the project;
//! `views/round.rs` those of the report round.

pub mod round;

use super::access::Role;
use super::state::{App, BuildState, Field};
use super::store;
use crate::diag::{Diagnostic, Diagnostics, Severity};
use crate::pipeline::Checked;
use crate::status::{self, Ruecklauf, Zeile, Zustand};
use minijinja::Environment;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The workbook kinds an upload may be.
pub const WORKBOOK_EXTS: [&str; 5] = ["xlsx", "xlsm", "xlsb", "xls", "ods"];

pub const STYLE: &str = include_str!("../../templates/web/stil.css");

fn env() -> &'static Environment<'static> {
    static ENV: OnceLock<Environment<'static>> = OnceLock::new();
    ENV.get_or_init(|| {
        let mut env = Environment::new();
        let templates = [
            ("basis.html", include_str!("../../templates/web/basis.html")),
            (
                "meldungen.html",
                include_str!("../../templates/web/meldungen.html"),
            ),
            (
                "koordination.html",
                include_str!("../../templates/web/koordination.html"),
            ),
            (
                "arbeitsgruppe.html",
                include_str!("../../templates/web/arbeitsgruppe.html"),
            ),
            (
                "hinweis.html",
                include_str!("../../templates/web/hinweis.html"),
            ),
            (
                "sachstand.html",
                include_str!("../../templates/web/sachstand.html"),
            ),
        ];
        for (name, source) in templates {
            // The built-in templates are checked by the tests; a broken one
            // shows as an error page, never a panic.
            if let Err(e) = env.add_template(name, source) {
                eprintln!("fehler: Seitenvorlage {name}: {e}");
            }
        }
        env
    })
}

/// A page from its template; an error of the template itself becomes a
/// short German page.
pub fn render(name: &str, ctx: &Value) -> String {
    env()
        .get_template(name)
        .and_then(|t| t.render(ctx))
        .unwrap_or_else(|e| {
            format!(
                "<!DOCTYPE html><html lang=\"de\"><head><meta charset=\"utf-8\"><title>Fehler – konzept</title></head><body><main><h1>Interner Fehler</h1><p>Die Seite kann nicht angezeigt werden ({}). Bitte der Koordination melden.</p></main></body></html>",
                html_escape(&e.to_string())
            )
        })
}

fn html_escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// A plain page with a title and a sentence (404, refused requests, …).
pub fn notice(titel: &str, text: &str, zurueck: Option<&str>) -> String {
    render(
        "hinweis.html",
        &json!({ "titel": titel, "text": text, "zurueck": zurueck }),
    )
}

/// A path relative to the project, with `/` (as diagnostics name files).
pub fn relative(root: &Path, path: &Path) -> String {
    path.strip_prefix(root)
        .unwrap_or(path)
        .components()
        .map(|c| c.as_os_str().to_string_lossy().into_owned())
        .collect::<Vec<_>>()
        .join("/")
}

/// The field's workbooks now on disk: files in the working groups' folder
/// named like the field's file (any workbook extension), and the file the
/// model assigned to the field.
pub fn current_files(app: &App, field: &Field, checked: Option<&Checked>) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = WORKBOOK_EXTS
        .iter()
        .map(|e| app.workbooks.join(format!("{}.{e}", field.stem())))
        .filter(|p| p.is_file())
        .collect();
    let assigned = checked
        .and_then(|c| c.konzept.as_ref())
        .and_then(|k| k.felder.iter().find(|f| f.kurz == field.kurz))
        .and_then(|f| f.datei.as_ref())
        .map(|d| app.root.join(d));
    if let Some(p) = assigned.filter(|p| p.is_file() && !out.contains(p)) {
        out.push(p);
    }
    out
}

/// The German class and word of a severity.
fn severity(s: Severity) -> (&'static str, &'static str) {
    match s {
        Severity::Error => ("fehler", "Fehler"),
        Severity::Warning => ("warnung", "Warnung"),
        Severity::Note => ("hinweis", "Hinweis"),
    }
}

/// The problems of one file as the tables show them.
pub fn problems(diags: &Diagnostics, file: &str) -> Vec<Value> {
    diags
        .sorted()
        .into_iter()
        .filter(|d| d.location.file.as_deref() == Some(file))
        .map(problem)
        .collect()
}

fn problem(d: &Diagnostic) -> Value {
    let (klasse, art) = severity(d.severity);
    json!({
        "klasse": klasse,
        "art": art,
        "blatt": d.location.sheet.clone().unwrap_or_else(|| "–".into()),
        "zelle": d.location.cell.clone().unwrap_or_else(|| "–".into()),
        "meldung": d.message,
        "hinweis": d.hint.clone().unwrap_or_default(),
    })
}

fn state_class(z: Zustand) -> &'static str {
    match z {
        Zustand::Fehlt => "fehlt",
        Zustand::Leer => "leer",
        Zustand::MitFehlern => "fehler",
        Zustand::MitWarnungen => "warnung",
        Zustand::Vollstaendig => "vollstaendig",
    }
}

/// `2026-12-07T14:03:10` → `07.12.2026 14:03`.
fn saved_text(z: &Zeile) -> String {
    z.gespeichert
        .as_deref()
        .and_then(|t| chrono::NaiveDateTime::parse_from_str(t, "%Y-%m-%dT%H:%M:%S").ok())
        .map_or_else(|| "–".into(), |t| t.format("%d.%m.%Y %H:%M").to_string())
}

fn history(app: &App, role: &Role) -> Vec<Value> {
    let mut list: Vec<Value> = store::history(&app.root, Some(role))
        .into_iter()
        .filter(|e| e.aktion == "hochladen")
        .map(|e| {
            json!({
                "zeit": e.zeit.replace('T', " ").trim_end_matches('Z'),
                "datei": e.datei,
                "groesse": size_text(e.groesse),
                "ergebnis": e.ergebnis,
            })
        })
        .collect();
    list.reverse();
    list
}

pub fn size_text(bytes: u64) -> String {
    if bytes >= 1024 * 1024 {
        format!("{:.1} MB", bytes as f64 / 1024.0 / 1024.0).replace('.', ",")
    } else {
        format!("{} KB", bytes.div_ceil(1024))
    }
}

/// The result box above a page after an action.
pub fn result_box(gut: bool, titel: &str, text: &str) -> Value {
    json!({ "klasse": if gut { "gut" } else { "schlecht" }, "titel": titel, "text": text })
}

fn kommune(checked: &Checked) -> String {
    checked
        .config
        .as_ref()
        .map(|c| c.kommune.name.clone())
        .unwrap_or_default()
}

/// The page of a working group.
pub fn group_page(
    app: &App,
    field: &Field,
    checked: &Checked,
    base: &str,
    ergebnis: Option<Value>,
) -> String {
    let files = current_files(app, field, Some(checked));
    let file = files.first().map(|p| relative(&app.root, p));
    let liste = file
        .as_deref()
        .map(|f| problems(&checked.diagnostics, f))
        .unwrap_or_default();
    let zeile = status::overview(checked).and_then(|r| {
        r.felder
            .into_iter()
            .find(|z| z.kurz == field.kurz)
            .map(|z| {
                json!({
                    "zustand": z.zustand.text(),
                    "arbeitsmappe": file.clone().or(z.arbeitsmappe),
                    "ziele": z.ziele,
                    "massnahmen": z.massnahmen,
                })
            })
    });
    render(
        "arbeitsgruppe.html",
        &json!({
            "kommune": kommune(checked),
            "feld": { "name": field.name, "kurz": field.kurz, "datei": field.file },
            "basis": base,
            "grenze": app.options.upload_limit / 1024 / 1024,
            "ergebnis": ergebnis,
            "vorhanden": file.is_some(),
            "liste": liste,
            "zeile": zeile,
            "verlauf_liste": history(app, &field.role()),
            "sachstand": round::group_section(app, field),
        }),
    )
}

fn row(z: &Zeile) -> Value {
    json!({
        "handlungsfeld": z.handlungsfeld,
        "kurz": z.kurz,
        "datei": z.arbeitsmappe.as_deref().map_or("fehlt", |p| p.rsplit('/').next().unwrap_or(p)),
        "gespeichert": saved_text(z),
        "leitung": z.leitung.clone().unwrap_or_else(|| "–".into()),
        "mitglieder": z.mitglieder,
        "ziele": z.ziele,
        "massnahmen": z.massnahmen,
        "fehler": z.fehler,
        "warnungen": z.warnungen,
        "zustand": z.zustand.text(),
        "klasse": state_class(z.zustand),
    })
}

/// Documents already in the output folder (from `konzept build` or before
/// a restart of the server), newest first.
fn earlier_outputs(app: &App) -> Value {
    let mut files: Vec<(std::time::SystemTime, String)> = std::fs::read_dir(&app.output)
        .into_iter()
        .flatten()
        .flatten()
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let ext = name.rsplit_once('.')?.1.to_lowercase();
            let keep = !name.starts_with('.')
                && !round::is_report_output(&name)
                && ["pdf", "docx", "odt", "json"].contains(&ext.as_str());
            if !keep {
                return None;
            }
            Some((e.metadata().and_then(|m| m.modified()).ok()?, name))
        })
        .collect();
    if files.is_empty() {
        return Value::Null;
    }
    files.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
    json!({
        "frueher": true,
        "erfolg": true,
        "dateien": files.iter().map(|(_, n)| json!({"name": n, "was": "schon im Ausgabeordner"})).collect::<Vec<_>>(),
        "meldungen": [],
    })
}

fn build_values(app: &App) -> (Option<u64>, Value) {
    let state = app.build.lock().map(|s| s.clone()).unwrap_or_default();
    match state {
        BuildState::Nie => (None, earlier_outputs(app)),
        BuildState::Laeuft { seit } => (Some(seit.elapsed().as_secs()), Value::Null),
        BuildState::Fertig {
            zeit,
            dateien,
            meldungen,
            erfolg,
        } => (
            None,
            json!({
                "zeit": zeit,
                "erfolg": erfolg,
                "dateien": dateien.iter().map(|(n, w)| json!({"name": n, "was": w})).collect::<Vec<_>>(),
                "meldungen": meldungen.iter().filter(|d| d.severity != Severity::Note).map(ToString::to_string).collect::<Vec<_>>(),
            }),
        ),
    }
}

/// The Koordination page.
pub fn coordination_page(
    app: &App,
    checked: &Checked,
    base: &str,
    origin: &str,
    ergebnis: Option<Value>,
) -> String {
    coordination_page_with(app, checked, base, origin, ergebnis, true)
}

/// The Koordination page; `refresh`: reload itself while a build runs
/// (off with `?still`, for those who do not want the page to move).
pub fn coordination_page_with(
    app: &App,
    checked: &Checked,
    base: &str,
    origin: &str,
    ergebnis: Option<Value>,
    refresh: bool,
) -> String {
    let overview: Option<Ruecklauf> = status::overview(checked);
    let zeilen: Vec<Value> = overview
        .iter()
        .flat_map(|r| r.felder.iter().chain(&r.ohne_handlungsfeld))
        .map(row)
        .collect();
    let felder: Vec<Value> = app
        .fields
        .iter()
        .map(|f| {
            let files = current_files(app, f, Some(checked));
            let file = files.first().map(|p| relative(&app.root, p));
            let line = overview
                .as_ref()
                .and_then(|r| r.felder.iter().find(|z| z.kurz == f.kurz));
            let z = line.map_or(Zustand::Fehlt, |z| z.zustand);
            json!({
                "name": f.name,
                "kurz": f.kurz,
                "datei": file,
                "zustand": z.text(),
                "klasse": state_class(z),
                "meldungen": file.as_deref().map(|p| problems(&checked.diagnostics, p)).unwrap_or_default(),
                "verlauf": history(app, &f.role()),
                "versionen": store::versions(&app.workbooks, f.stem()).into_iter().map(|(n, _)| n).collect::<Vec<_>>(),
            })
        })
        .collect();
    let links: Vec<Value> = app
        .links()
        .into_iter()
        .map(|(name, role, path)| {
            json!({
                "name": name,
                "url": format!("{origin}{path}"),
                "kurz": match role { Role::Feld(k) => Some(k), Role::Koordination => None },
            })
        })
        .collect();
    let (laeuft, fertig) = build_values(app);
    let sachstand = round::board(app, refresh);
    let reload = laeuft.is_some() || round::running(app);
    let pages = app.preview.lock().map(|p| p.len()).unwrap_or(0);
    render(
        "koordination.html",
        &json!({
            "kommune": kommune(checked),
            "basis": base,
            "neu_laden": (reload && refresh).then_some(3),
            "still": !refresh,
            "laeuft": laeuft.is_some(),
            "sekunden": laeuft.unwrap_or(0),
            "fertig": fertig,
            "vorschau": (1..=pages).collect::<Vec<_>>(),
            "ergebnis": ergebnis,
            "zusammenfassung": overview.as_ref().map(status::summary).unwrap_or_else(|| "Das Projekt kann nicht gelesen werden".into()),
            "zeilen": zeilen,
            "felder": felder,
            "links": links,
            "grenze": app.options.upload_limit / 1024 / 1024,
            "versionen_ordner": format!("{}/{}", relative(&app.root, &app.workbooks), store::VERSIONS_DIR),
            "sachstand": sachstand,
        }),
    )
}
