//! The values of the report round's sections on both pages and in
//! `status.json` (`round.rs` beside `views.rs` has the handlers): the
//! round is `report::check` of the year shown, read fresh for every page.
//! Without a round every function here gives `None` and nothing shows.

use super::{problems, size_text};
use crate::diag::{Diagnostics, Severity};
use crate::report::{self, Round};
use crate::serve::access::Role;
use crate::serve::state::{App, BuildState, Field};
use crate::serve::store;
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

pub fn round_dir(root: &Path, jahr: i32) -> PathBuf {
    root.join(report::FOLDER).join(jahr.to_string())
}

/// The round the server shows: the year of `--jahr`, else the newest.
pub fn year(app: &App) -> Option<i32> {
    match app.options.jahr {
        Some(j) => round_dir(&app.root, j).is_dir().then_some(j),
        None => report::latest_year(&app.root),
    }
}

/// A field's status workbook as messages name it (`sachstand/2028/sachstand-b.xlsx`).
pub fn shown(jahr: i32, kurz: &str) -> String {
    format!("{}/{jahr}/{}", report::FOLDER, report::workbook_name(kurz))
}

/// The audit log's action of a return in the round of `jahr`.
/// The audit log's action of a return in the round of `jahr`; uploaded by
/// the Koordination, it names the field it was for.
pub fn upload_action(jahr: i32, role: &Role, kurz: &str) -> String {
    match role {
        Role::Koordination => format!("hochladen (Sachstand {jahr}, für {kurz})"),
        Role::Feld(_) => format!("hochladen (Sachstand {jahr})"),
    }
}

pub fn build_action(jahr: i32) -> String {
    format!("erstellen (Sachstand {jahr})")
}

/// Whether the adopted concept has the field (only then has it a status
/// workbook in the round).
pub fn in_round(round: &Round, kurz: &str) -> bool {
    round.felder.iter().any(|f| f.kurz == kurz)
}

fn planned_measures(round: &Round, kurz: &str) -> usize {
    round
        .concept
        .as_ref()
        .and_then(|c| c["felder"].as_array())
        .into_iter()
        .flatten()
        .find(|f| f["kurz"].as_str() == Some(kurz))
        .and_then(|f| f["massnahmen"].as_array())
        .map_or(0, Vec::len)
}

fn count(diags: &Diagnostics, file: &str, severity: Severity) -> usize {
    diags
        .iter()
        .filter(|d| d.severity == severity && d.location.file.as_deref() == Some(file))
        .count()
}

/// One line of the return board: a field's status workbook and its state.
fn line(app: &App, round: &Round, name: &str, kurz: &str) -> Value {
    let datei = shown(round.jahr, kurz);
    let path = app.root.join(&datei);
    let input = round.felder.iter().find(|f| f.kurz == kurz);
    let mit_status = input.map_or(0, |f| {
        f.massnahmen.iter().filter(|m| m.status.is_some()).count()
    });
    let fehler = count(&round.diagnostics, &datei, Severity::Error);
    let warnungen = count(&round.diagnostics, &datei, Severity::Warning);
    let vorhanden = path.is_file();
    let (zustand, klasse) = if !vorhanden {
        ("fehlt", "fehlt")
    } else if fehler > 0 {
        ("mit Fehlern", "fehler")
    } else if mit_status == 0 {
        ("noch nicht ausgefüllt", "leer")
    } else if warnungen > 0 {
        ("mit Warnungen", "warnung")
    } else {
        ("vollständig", "vollstaendig")
    };
    let saved = vorhanden
        .then(|| crate::input::workbook::last_saved(&path))
        .flatten()
        .map(|(t, _)| t);
    json!({
        "handlungsfeld": name,
        "kurz": kurz,
        "datei": datei,
        "vorhanden": vorhanden,
        "abgegeben": mit_status > 0,
        "gespeichert": saved.map(|t| t.format("%Y-%m-%dT%H:%M:%S").to_string()),
        "gespeichert_text": saved.map_or_else(|| "–".into(), |t| t.format("%d.%m.%Y %H:%M").to_string()),
        "massnahmen": planned_measures(round, kurz),
        "mit_status": mit_status,
        "fehler": fehler,
        "warnungen": warnungen,
        "zustand": zustand,
        "klasse": klasse,
    })
}

/// The returns of a field in the round (audit log), newest first.
fn history(app: &App, field: &Field, jahr: i32) -> Vec<Value> {
    let own = (
        field.role().label(),
        upload_action(jahr, &field.role(), &field.kurz),
    );
    let office = Role::Koordination;
    let behalf = (office.label(), upload_action(jahr, &office, &field.kurz));
    let mut list: Vec<Value> = store::history(&app.root, None)
        .into_iter()
        .filter(|e| {
            let key = (e.zugang.clone(), e.aktion.clone());
            key == own || key == behalf
        })
        .map(|e| {
            let by_office = e.zugang == behalf.0;
            json!({
                "zeit": e.zeit.replace('T', " ").trim_end_matches('Z'),
                "datei": if by_office { format!("{} (von der Koordination)", e.datei) } else { e.datei },
                "groesse": size_text(e.groesse),
                "ergebnis": e.ergebnis,
            })
        })
        .collect();
    list.reverse();
    list
}

/// The problems of the round that belong to no field's workbook
/// (the snapshot, `bericht.toml`).
fn general(round: &Round, app: &App) -> Vec<crate::diag::Diagnostic> {
    let files: Vec<String> = app
        .fields
        .iter()
        .map(|f| shown(round.jahr, &f.kurz))
        .collect();
    round
        .diagnostics
        .sorted()
        .into_iter()
        .filter(|d| d.severity != Severity::Note)
        .filter(|d| d.location.file.as_ref().is_none_or(|f| !files.contains(f)))
        .cloned()
        .collect()
}

/// A problem of the round as the page lists it: where, what, what to do.
fn general_item(d: &crate::diag::Diagnostic) -> Value {
    let (klasse, art) = match d.severity {
        Severity::Error => ("fehler", "Fehler"),
        _ => ("warnung", "Warnung"),
    };
    json!({
        "klasse": klasse,
        "art": art,
        "ort": d.location.to_string(),
        "meldung": d.message,
        "hinweis": d.hint,
    })
}

/// The report section of a group's page; `None` without a round.
pub fn group_section(app: &App, field: &Field) -> Option<Value> {
    let jahr = year(app)?;
    let round = report::check(&app.root, jahr);
    if round.concept.is_none() {
        let text = format!("Die Sachstandsmappen {jahr} können gerade nicht angenommen werden, weil das beschlossene Konzept im Projekt fehlt oder nicht gelesen werden kann. Bitte geben Sie der Koordination Bescheid.");
        return Some(json!({ "jahr": jahr, "ohne": text }));
    }
    if !in_round(&round, &field.kurz) {
        let text = format!("Ihr Handlungsfeld gehört nicht zum beschlossenen Konzept und hat deshalb im Sachstandsbericht {jahr} keine Sachstandsmappe. Fragen dazu beantwortet die Koordination.");
        return Some(json!({ "jahr": jahr, "ohne": text }));
    }
    let datei = shown(jahr, &field.kurz);
    Some(json!({
        "jahr": jahr,
        "ohne": null,
        "name": report::workbook_name(&field.kurz),
        "zeile": line(app, &round, &field.name, &field.kurz),
        "liste": problems(&round.diagnostics, &datei),
        "verlauf": history(app, field, jahr),
    }))
}

/// The report section of the Koordination page; `None` without a round.
pub fn board(app: &App, refresh: bool) -> Option<Value> {
    let jahr = year(app)?;
    let round = report::check(&app.root, jahr);
    let folder = round_dir(&app.root, jahr);
    let felder: Vec<Value> = app
        .fields
        .iter()
        .filter(|f| in_round(&round, &f.kurz))
        .map(|f| {
            let mut l = line(app, &round, &f.name, &f.kurz);
            let datei = shown(jahr, &f.kurz);
            let stem = report::workbook_name(&f.kurz)
                .trim_end_matches(".xlsx")
                .to_string();
            l["meldungen"] = json!(problems(&round.diagnostics, &datei));
            l["verlauf"] = json!(history(app, f, jahr));
            l["versionen"] = json!(store::versions(&folder, &stem)
                .into_iter()
                .map(|(n, _)| n)
                .collect::<Vec<_>>());
            l
        })
        .collect();
    let abgegeben = felder.iter().filter(|l| l["abgegeben"] == true).count();
    let mit_fehlern = felder.iter().filter(|l| l["klasse"] == "fehler").count();
    let mut zusammenfassung = format!(
        "{abgegeben} von {} Sachstandsmappen ausgefüllt abgegeben",
        felder.len()
    );
    if mit_fehlern > 0 {
        zusammenfassung.push_str(&format!(", {mit_fehlern} mit Fehlern"));
    }
    let (laeuft, fertig) = build_values(app, jahr);
    Some(json!({
        "jahr": jahr,
        "ordner": format!("{}/{jahr}", report::FOLDER),
        "versionen_ordner": format!("{}/{jahr}/{}", report::FOLDER, store::VERSIONS_DIR),
        "zusammenfassung": zusammenfassung,
        "felder": felder,
        "allgemein": general(&round, app).iter().map(general_item).collect::<Vec<_>>(),
        "laeuft": laeuft.is_some(),
        "sekunden": laeuft.unwrap_or(0),
        "still": !refresh,
        "fertig": fertig,
    }))
}

/// Whether „Sachstandsbericht erstellen“ runs now (the page reloads itself).
pub fn running(app: &App) -> bool {
    app.report_build
        .lock()
        .is_ok_and(|s| matches!(*s, BuildState::Laeuft { .. }))
}

/// The round's state for `status.json`: every field for the Koordination,
/// the own one for a group; `None` without a round.
pub fn status_json(app: &App, role: &Role) -> Option<Value> {
    let jahr = year(app)?;
    let round = report::check(&app.root, jahr);
    let lines = app
        .fields
        .iter()
        .filter(|f| in_round(&round, &f.kurz))
        .filter(|f| match role {
            Role::Koordination => true,
            Role::Feld(k) => *k == f.kurz,
        })
        .map(|f| line(app, &round, &f.name, &f.kurz))
        .map(|mut l| {
            for key in ["gespeichert_text", "klasse"] {
                if let Some(o) = l.as_object_mut() {
                    o.remove(key);
                }
            }
            l
        });
    Some(match role {
        Role::Koordination => json!({
            "jahr": jahr,
            "felder": lines.collect::<Vec<_>>(),
            "meldungen": general(&round, app),
        }),
        Role::Feld(_) => json!({ "jahr": jahr, "feld": lines.into_iter().next() }),
    })
}

/// Documents of the round already in the output folder (from `konzept
/// report build` or before a restart of the server).
/// Whether a file of the output folder is a report round's document
/// (listed in the report's section, not the concept's).
pub fn is_report_output(name: &str) -> bool {
    name.starts_with("Sachstandsbericht-") || name.starts_with("Mitteilungsvorlage-")
}

fn earlier_outputs(app: &App, jahr: i32) -> Value {
    let suffix = format!("-{jahr}.");
    let mut names: Vec<String> = std::fs::read_dir(&app.output)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| is_report_output(n) && n.contains(&suffix))
        .filter(|n| {
            let ext = n.rsplit_once('.').map(|(_, e)| e.to_lowercase());
            ["pdf", "docx", "odt", "json"].contains(&ext.as_deref().unwrap_or(""))
        })
        .collect();
    if names.is_empty() {
        return Value::Null;
    }
    names.sort();
    json!({
        "frueher": true,
        "erfolg": true,
        "dateien": names.iter().map(|n| json!({"name": n, "was": "schon im Ausgabeordner"})).collect::<Vec<_>>(),
        "meldungen": [],
    })
}

fn build_values(app: &App, jahr: i32) -> (Option<u64>, Value) {
    let state = app
        .report_build
        .lock()
        .map(|s| s.clone())
        .unwrap_or_default();
    match state {
        BuildState::Nie => (None, earlier_outputs(app, jahr)),
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
