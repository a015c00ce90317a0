//! `konzept new`: a fresh project checks clean and builds, its workbooks
//! explain every column of the spec and carry their validations, and
//! `--example` writes the Musterstadt example byte for byte.
//!
//! Workbooks are read back with python3 + openpyxl and documents with
//! `pdftotext`, as `tools/test.sh` installs them: what a person opening the
//! files would see, independent of the code that wrote them.

use crate::support::werkzeuge;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;

struct Run {
    code: i32,
    stdout: String,
    stderr: String,
}

fn konzept(args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(args)
        .output()
        .expect("konzept runs");
    let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
    assert!(!stderr.contains("panicked"), "panic:\n{stderr}");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr,
    }
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 temp path")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// The sheets and headers of input.md, typed in here from the spec (not
/// taken from src/schema.rs), so the test is an independent check.
const AG_SHEETS: &[(&str, &[&str])] = &[
    ("Mitglieder", &["Name", "Institution", "Funktion"]),
    (
        "Ausgangslage",
        &["Kennzahl", "Wert", "Einheit", "Jahr", "Quelle"],
    ),
    ("Befund", &["Abschnitt", "Text"]),
    (
        "Ziele",
        &[
            "Nr",
            "Ziel",
            "Indikator",
            "Quelle",
            "Ausgangswert",
            "Basisjahr",
            "Zielwert",
            "Einheit",
            "Zieljahr",
            "Oberziel",
            "Querschnittsthemen",
            "Priorität",
        ],
    ),
    (
        "Maßnahmen",
        &[
            "Nr",
            "Ziel",
            "Maßnahme",
            "Beschreibung",
            "Zielgruppe",
            "Federführung",
            "Partner",
            "Beginn",
            "Ende",
            "Kosten",
            "Finanzierung",
            "Priorität",
            "Status",
            "Querschnittsthemen",
            "Ort",
            "Stellen (VZÄ)",
            "Grobe Kostenschätzung",
            "Art",
        ],
    ),
    (
        "Empfehlungen",
        &["Nr", "Empfehlung", "Adressat", "Priorität"],
    ),
];
const AG_KEYS: &[&str] = &["Handlungsfeld", "Bezeichnung", "Leitung", "Stand"];

const STEUERUNG_SHEETS: &[(&str, &[&str])] = &[
    ("Texte", &["Abschnitt", "Text"]),
    (
        "Steuerungsgruppe",
        &["Name", "Funktion", "Institution", "Rolle"],
    ),
    (
        "Akteure",
        &["Akteur", "Kategorie", "Ansprechperson", "Handlungsfelder"],
    ),
    ("Leitlinien", &["Nr", "Leitlinie", "Erläuterung", "Ziele"]),
    (
        "Oberziele",
        &["Nr", "Oberziel", "Handlungsfeld", "Erläuterung"],
    ),
    (
        "Ausgangslage",
        &[
            "Merkmal",
            "Insgesamt",
            "Mit Migrationshintergrund",
            "Einheit",
            "Jahr",
            "Quelle",
        ],
    ),
    ("Finanzen", &["Jahr", "Posten", "Betrag", "Quelle"]),
    ("Zeitplan", &["Phase", "Beginn", "Ende", "Beschreibung"]),
    (
        "Beteiligung",
        &[
            "Datum",
            "Format",
            "Teilnehmende",
            "Institutionen",
            "Beschreibung",
        ],
    ),
    ("Begriffe", &["Begriff", "Erläuterung"]),
    ("Literatur", &["Quelle", "Link"]),
];

const FIELDS: &[(&str, &str)] = &[
    ("Bildung und Sprachförderung", "ag-bildung.xlsx"),
    ("Arbeit und Wirtschaft", "ag-arbeit.xlsx"),
    ("Wohnen und Zusammenleben", "ag-wohnen.xlsx"),
    ("Jugend und Soziales", "ag-jugend.xlsx"),
    ("Gesundheitsversorgung", "ag-gesundheit.xlsx"),
    ("Kultur und Religion", "ag-kultur.xlsx"),
    (
        "Interkulturelle Öffnung der Verwaltung",
        "ag-verwaltung.xlsx",
    ),
];

/// Reads a workbook with openpyxl: sheet names and states, properties, and
/// per sheet the cell values, notes, validations, bold cells and the pane.
const READ_BACK: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {
    "sheets": wb.sheetnames,
    "hidden": [ws.title for ws in wb.worksheets if ws.sheet_state != "visible"],
    "title": wb.properties.title,
    "creator": wb.properties.creator,
    "sheet": {},
}
for ws in wb.worksheets:
    cells, notes, bold = {}, {}, []
    for row in ws.iter_rows():
        for c in row:
            if c.value is not None:
                cells[c.coordinate] = str(c.value)
                if c.font is not None and c.font.b:
                    bold.append(c.coordinate)
            if c.comment is not None:
                notes[c.coordinate] = c.comment.text
    validations = [
        {
            "type": d.type,
            "sqref": str(d.sqref),
            "formula1": d.formula1,
            "errorStyle": d.errorStyle,
            "showErrorMessage": bool(d.showErrorMessage),
            "error": d.error,
            "prompt": d.prompt,
        }
        for d in ws.data_validations.dataValidation
    ]
    out["sheet"][ws.title] = {
        "cells": cells,
        "notes": notes,
        "bold": bold,
        "validations": validations,
        "freeze": ws.freeze_panes,
    }
print(json.dumps(out))
"#;

fn read_back(path: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .args(["-c", READ_BACK, s(path)])
        .output()
        .expect("python3 runs (tools/test.sh installs openpyxl)");
    assert!(
        out.status.success(),
        "openpyxl cannot read {}:\n{}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("JSON from the read-back script")
}

fn docx_text(docx: &Path) -> String {
    let file = std::fs::File::open(docx).expect("docx exists");
    let mut zip = zip::ZipArchive::new(file).expect("docx is a zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document.xml"),
        &mut xml,
    )
    .unwrap();
    // text runs only
    let mut text = String::new();
    for part in xml.split("<w:t").skip(1) {
        if let Some((_, rest)) = part.split_once('>') {
            if let Some((t, _)) = rest.split_once("</w:t>") {
                text.push_str(t);
            }
        }
        text.push(' ');
    }
    text
}

fn cells(sheet: &serde_json::Value) -> BTreeMap<String, String> {
    serde_json::from_value(sheet["cells"].clone()).unwrap()
}

/// Every value of the Anleitung sheet, joined.
fn guide_text(wb: &serde_json::Value) -> Vec<String> {
    cells(&wb["sheet"]["Anleitung"]).into_values().collect()
}

fn column_letter(i: usize) -> char {
    (b'A' + i as u8) as char
}

/// The validation whose range starts in the given column of row 2.
fn validation_of(sheet: &serde_json::Value, col: char) -> Option<&serde_json::Value> {
    sheet["validations"].as_array().unwrap().iter().find(|v| {
        v["sqref"]
            .as_str()
            .unwrap()
            .starts_with(&format!("{col}2:"))
    })
}

/// The data sheets: header in row 1 (bold, frozen, a note on every cell),
/// every column explained in the Anleitung.
fn assert_data_sheets(wb: &serde_json::Value, sheets: &[(&str, &[&str])], file: &str) {
    let guide = guide_text(wb);
    for (name, headers) in sheets {
        let sheet = &wb["sheet"][name];
        assert!(sheet.is_object(), "{file}: sheet {name} missing");
        let c = cells(sheet);
        assert_eq!(sheet["freeze"], "A2", "{file} › {name}: header row frozen");
        for (i, h) in headers.iter().enumerate() {
            let a1 = format!("{}1", column_letter(i));
            assert_eq!(
                c.get(&a1).map(String::as_str),
                Some(*h),
                "{file} › {name} › {a1}"
            );
            assert!(
                sheet["bold"].as_array().unwrap().iter().any(|b| b == &a1),
                "{file} › {name} › {a1}: header bold"
            );
            let note = sheet["notes"][&a1].as_str().unwrap_or("");
            assert!(
                note.starts_with(h) && note.contains("Schreibweise:"),
                "{file} › {name} › {a1}: note says what belongs there: {note:?}"
            );
            assert!(
                guide.iter().any(|g| g == h),
                "{file}: column {h} of {name} not explained in the Anleitung"
            );
        }
        assert_eq!(
            c.len(),
            headers.len(),
            "{file} › {name}: only the header, no data: {c:?}"
        );
        assert!(
            guide.iter().any(|g| g.contains(&format!("Blatt „{name}“"))),
            "{file}: sheet {name} not explained"
        );
    }
}

/// No input or error message was cut at Excel's 255 characters.
fn assert_no_cut_message(wb: &serde_json::Value, file: &str) {
    for sheet in wb["sheet"].as_object().unwrap().values() {
        for v in sheet["validations"].as_array().unwrap() {
            for key in ["prompt", "error"] {
                let text = v[key].as_str().unwrap_or("");
                assert!(!text.ends_with('…'), "{file}: cut message {text}");
            }
        }
    }
}

#[test]
fn new_project_checks_clean_and_builds_with_every_chapter() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("bad-muenstereifel");
    let run = konzept(&["new", s(&dir), "--kommune", "Bad Münstereifel"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let toml = std::fs::read_to_string(dir.join("konzept.toml")).unwrap();
    assert!(toml.contains("name = \"Bad Münstereifel\""), "{toml}");
    assert!(toml.contains("titel = \"Integrationskonzept der Stadt Bad Münstereifel\""));
    assert!(toml.contains("status = \"Entwurf\""));

    // A fresh project has nothing wrong, but nothing is handed in yet
    // (issue 16): one warning per blank form, nothing else.
    let run = konzept(&["check", s(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        run.stdout.trim(),
        "0 Fehler, 7 Warnungen in 7 von 9 geprüften Dateien",
        "{}",
        run.stderr
    );
    let warnings: Vec<&str> = run
        .stderr
        .lines()
        .filter(|l| l.starts_with("warnung: "))
        .collect();
    assert_eq!(warnings.len(), 7, "{}", run.stderr);
    for (field, file) in FIELDS {
        let expected = format!(
            "warnung: arbeitsgruppen/{file}: die Arbeitsmappe für „{field}“ ist noch das leere Formular und gilt als nicht abgegeben"
        );
        assert!(warnings.contains(&expected.as_str()), "{}", run.stderr);
    }

    let run = konzept(&["build", s(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let out = dir.join("ausgabe");
    let pdf = out.join("Integrationskonzept-Bad-Münstereifel-0.1.pdf");
    let docx = out.join("Integrationskonzept-Bad-Münstereifel-0.1.docx");
    let listing = || format!("{:?}", std::fs::read_dir(&out).unwrap().collect::<Vec<_>>());
    assert!(pdf.is_file(), "{}", listing());
    assert!(docx.is_file(), "{}", listing());

    let text = werkzeuge::pdf_words(&pdf);
    let docx = docx_text(&docx);
    let mut chapters = vec![
        "Warum Integration",
        "Initiierung des Integrationskonzeptes",
        "Steuerungsgruppe und Arbeitsgruppen",
        "Beteiligte Akteure",
        "Durchführung",
        "Analyse der Ausgangslage",
        "Schwerpunkte",
        "Umsetzung, Monitoring und Fortschreibung",
        "Anhang",
    ];
    chapters.extend(FIELDS.iter().map(|(f, _)| *f));
    for c in chapters {
        assert!(text.contains(c), "PDF lacks chapter {c}:\n{text}");
        assert!(docx.contains(c), "DOCX lacks chapter {c}");
    }
    // The document says plainly what is missing.
    assert!(text.contains("liegen noch nicht vor"), "{text}");
    // Blank forms are not handed in: each field is still being worked on,
    // and no „N. N.“ is printed as a group's lead.
    assert_eq!(
        text.matches("Dieses Handlungsfeld wird noch bearbeitet")
            .count(),
        FIELDS.len(),
        "{text}"
    );
    assert!(!text.contains("N. N."), "{text}");
}

#[test]
fn workbooks_guide_their_users() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("musterstadt");
    assert_eq!(konzept(&["new", s(&dir)]).code, 0);
    let toml = std::fs::read_to_string(dir.join("konzept.toml")).unwrap();
    assert!(
        toml.contains("name = \"Musterstadt\""),
        "the name comes from the folder"
    );

    for (field, file) in FIELDS {
        let path = dir.join("arbeitsgruppen").join(file);
        let wb = read_back(&path);
        let sheets: Vec<&str> = wb["sheets"]
            .as_array()
            .unwrap()
            .iter()
            .map(|v| v.as_str().unwrap())
            .collect();
        assert_eq!(
            sheets,
            [
                "Anleitung",
                "Arbeitsgruppe",
                "Mitglieder",
                "Ausgangslage",
                "Befund",
                "Ziele",
                "Maßnahmen",
                "Empfehlungen",
                "Listen"
            ],
            "{file}"
        );
        assert_eq!(wb["hidden"], serde_json::json!(["Listen"]), "{file}");
        assert_eq!(wb["creator"], "Integrationsbüro der Stadt Musterstadt");
        assert!(wb["title"].as_str().unwrap().contains("Arbeitsmappe"));

        // The key/value sheet, with the field pre-filled and offered as a list.
        let ag = &wb["sheet"]["Arbeitsgruppe"];
        let c = cells(ag);
        for (i, key) in AG_KEYS.iter().enumerate() {
            let row = 3 + i;
            assert_eq!(c[&format!("A{row}")], *key, "{file}");
            assert!(
                ag["notes"][format!("A{row}")].is_string(),
                "{file}: note on {key}"
            );
            assert!(
                guide_text(&wb).iter().any(|g| g == key),
                "{file}: {key} explained"
            );
        }
        assert_eq!(c["B3"], *field, "{file}: the field is pre-filled");
        assert_eq!(c["B5"], "N. N.", "{file}: Leitung is marked as open");
        let v = &ag["validations"][0];
        assert_eq!(v["type"], "list");
        assert_eq!(v["sqref"], "B3");

        assert_data_sheets(&wb, AG_SHEETS, file);

        // The guide says who gets the workbook back and shows examples.
        let guide = guide_text(&wb);
        assert!(guide.iter().any(|g| g == "Bitte zurück an:"));
        assert!(guide
            .iter()
            .any(|g| g == "Integrationsbüro der Stadt Musterstadt"));
        assert!(guide.iter().any(|g| g == "Beispiel"));

        // Validations of the measures: dates and money let text through,
        // the lists come from the hidden sheet.
        let m = &wb["sheet"]["Maßnahmen"];
        for col in ['H', 'I'] {
            let v = validation_of(m, col).unwrap_or_else(|| panic!("{file}: {col} validated"));
            assert_eq!(v["type"], "custom");
            assert!(v["formula1"].as_str().unwrap().contains("ISTEXT"));
            assert_eq!(v["errorStyle"], "warning");
            assert!(v["prompt"].as_str().unwrap().contains("Q3 2027"));
            assert!(v["error"].as_str().unwrap().contains("Laufzeit"));
        }
        let kosten = validation_of(m, 'J').unwrap();
        assert_eq!(kosten["type"], "custom");
        assert!(kosten["formula1"].as_str().unwrap().contains(">=0"));
        assert!(kosten["error"].as_str().unwrap().contains("ab 0 Euro"));
        for col in ['K', 'L', 'M'] {
            let v = validation_of(m, col).unwrap();
            assert_eq!(v["type"], "list", "{file}: {col}");
            assert!(v["formula1"].as_str().unwrap().starts_with("Listen!"));
        }
        assert!(
            !validation_of(m, 'K').unwrap()["showErrorMessage"]
                .as_bool()
                .unwrap(),
            "Finanzierung is free text with suggestions"
        );
        let prio = validation_of(m, 'L').unwrap();
        // `stop` is the default and may be left out of the file
        assert!(prio["errorStyle"].is_null() || prio["errorStyle"] == "stop");
        assert!(prio["error"]
            .as_str()
            .unwrap()
            .contains("hoch, mittel, niedrig"));
        assert_no_cut_message(&wb, file);
        let zieljahr = validation_of(&wb["sheet"]["Ziele"], 'I').unwrap();
        assert_eq!(zieljahr["type"], "whole");
        let lists = cells(&wb["sheet"]["Listen"]);
        assert!(lists
            .values()
            .any(|v| v == "Interkulturelle Öffnung der Verwaltung"));
        assert!(lists.values().any(|v| v == "zurückgestellt"));
        assert!(lists.values().any(|v| v == "EU-Mittel"));
    }

    let wb = read_back(&dir.join("steuerung.xlsx"));
    assert_eq!(wb["sheets"][0], "Anleitung");
    assert_data_sheets(&wb, STEUERUNG_SHEETS, "steuerung.xlsx");
    assert_no_cut_message(&wb, "steuerung.xlsx");
    let akteure = &wb["sheet"]["Akteure"];
    assert_eq!(validation_of(akteure, 'B').unwrap()["type"], "list");
    let lists = cells(&wb["sheet"]["Listen"]);
    assert!(lists
        .values()
        .any(|v| v == "Migrantenorganisationen und -vereine"));
    assert!(lists.values().any(|v| v == "Umsetzung und Monitoring"));
    let finanzen = &wb["sheet"]["Finanzen"];
    assert_eq!(validation_of(finanzen, 'A').unwrap()["type"], "whole");
    assert_eq!(validation_of(finanzen, 'C').unwrap()["type"], "custom");
    assert_eq!(validation_of(finanzen, 'D').unwrap()["type"], "list");
}

/// Every file below `dir` (relative, `/`-separated), without `ausgabe/`.
fn files_below(dir: &Path) -> Vec<String> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).unwrap() {
            let p = e.unwrap().path();
            let rel = p
                .strip_prefix(dir)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            if rel == "ausgabe" {
                continue;
            }
            if p.is_dir() {
                stack.push(p);
            } else {
                out.push(rel);
            }
        }
    }
    out.sort();
    out
}

#[test]
fn example_reproduces_the_repository_and_builds() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("beispiel");
    let run = konzept(&["new", "--example", s(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let original = repo().join("examples/musterstadt");
    let files = files_below(&original);
    assert_eq!(files_below(&dir), files, "the same files as the repository");
    for f in &files {
        assert!(
            std::fs::read(dir.join(f)).unwrap() == std::fs::read(original.join(f)).unwrap(),
            "{f} differs from examples/musterstadt"
        );
    }
    let run = konzept(&["build", s(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(dir
        .join("ausgabe/Integrationskonzept-Musterstadt-1.0.pdf")
        .is_file());
    assert!(dir
        .join("ausgabe/Integrationskonzept-Musterstadt-1.0.docx")
        .is_file());
}

#[test]
fn existing_folder_is_never_overwritten() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("konzept-alt");
    std::fs::create_dir(&dir).unwrap();
    std::fs::write(dir.join("konzept.toml"), "# meine Datei\n").unwrap();
    for args in [vec!["new"], vec!["new", "--example"]] {
        let mut args = args.clone();
        args.push(s(&dir));
        let run = konzept(&args);
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert!(
            run.stderr.starts_with("fehler: der Ordner")
                && run.stderr.contains("konzept-alt")
                && run.stderr.contains("ist nicht leer"),
            "{}",
            run.stderr
        );
        assert_eq!(files_below(&dir), ["konzept.toml"]);
        assert_eq!(
            std::fs::read_to_string(dir.join("konzept.toml")).unwrap(),
            "# meine Datei\n"
        );
    }

    // An empty folder is fine.
    let empty = tmp.path().join("leer");
    std::fs::create_dir(&empty).unwrap();
    assert_eq!(konzept(&["new", s(&empty)]).code, 0);
    assert!(empty.join("steuerung.xlsx").is_file());
}

#[test]
fn usage_errors() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("x");
    let run = konzept(&["new", "--example", "--kommune", "Musterstadt", s(&dir)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("passen nicht zusammen"),
        "{}",
        run.stderr
    );
    assert_eq!(konzept(&["new"]).code, 2);
    assert!(!dir.exists());
}

/// Own fields of action (`--feld`) reach konzept.toml, the workbooks and the
/// document; a field added to konzept.toml later gets its workbook from
/// `konzept workbooks`, which never overwrites a file.
#[test]
fn own_fields_reach_workbooks_and_document() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("kreis-lippe");
    let run = konzept(&[
        "new",
        s(&dir),
        "--kommune",
        "Kreis Lippe",
        "--feld",
        "Bildung",
        "--feld",
        "Sport und Bewegung",
        "--feld",
        "Seniorinnen und Senioren=SEN",
    ]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert_eq!(
        files_below(&dir.join("arbeitsgruppen")),
        [
            "ag-bildung.xlsx",
            "ag-seniorinnen-und-senioren.xlsx",
            "ag-sport-und-bewegung.xlsx"
        ]
    );
    let toml = std::fs::read_to_string(dir.join("konzept.toml")).unwrap();
    for entry in [
        "name = \"Bildung\"\nkurz = \"B\"",
        "name = \"Sport und Bewegung\"\nkurz = \"S\"",
        "name = \"Seniorinnen und Senioren\"\nkurz = \"SEN\"",
    ] {
        assert!(toml.contains(entry), "{entry} fehlt in:\n{toml}");
    }
    assert!(!toml.contains("Gesundheitsversorgung"), "{toml}");

    // Each workbook names its field and offers exactly the project's fields.
    let wb = read_back(&dir.join("arbeitsgruppen/ag-sport-und-bewegung.xlsx"));
    assert_eq!(
        cells(&wb["sheet"]["Arbeitsgruppe"])["B3"],
        "Sport und Bewegung"
    );
    assert!(guide_text(&wb)
        .iter()
        .any(|g| g.contains("„Sport und Bewegung“")));
    let lists: Vec<String> = cells(&wb["sheet"]["Listen"]).into_values().collect();
    assert!(lists.contains(&"Seniorinnen und Senioren".to_string()));
    assert!(
        !lists.contains(&"Kultur und Religion".to_string()),
        "{lists:?}"
    );
    assert_eq!(konzept(&["check", s(&dir)]).code, 0);

    // A field added to konzept.toml later.
    std::fs::write(
        dir.join("konzept.toml"),
        format!("{toml}\n[[handlungsfeld]]\nname = \"Digitale Teilhabe\"\nkurz = \"D\"\n"),
    )
    .unwrap();
    let before = std::fs::read(dir.join("arbeitsgruppen/ag-bildung.xlsx")).unwrap();
    let run = konzept(&["workbooks", s(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr.contains("geschrieben:")
            && run.stderr.contains("ag-digitale-teilhabe.xlsx")
            && run.stderr.contains("1 neue Arbeitsmappe:"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(dir.join("arbeitsgruppen/ag-bildung.xlsx")).unwrap(),
        before,
        "a present workbook is left as it is"
    );
    let wb = read_back(&dir.join("arbeitsgruppen/ag-digitale-teilhabe.xlsx"));
    assert_eq!(
        cells(&wb["sheet"]["Arbeitsgruppe"])["B3"],
        "Digitale Teilhabe"
    );
    assert_eq!(wb["creator"], "Integrationsbüro des Kreises Lippe");
    let run = konzept(&["workbooks", s(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stderr.contains("nichts geschrieben"), "{}", run.stderr);

    // The document has the four fields in order, with their letters.
    let run = konzept(&["build", s(&dir)]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let text = werkzeuge::pdf_words(&dir.join("ausgabe/Integrationskonzept-Kreis-Lippe-0.1.pdf"));
    let at = |needle: &str| {
        text.find(needle)
            .unwrap_or_else(|| panic!("„{needle}“ fehlt im PDF: {text}"))
    };
    assert!(at("3.4 Bildung") < at("3.5 Sport und Bewegung"));
    assert!(at("3.5 Sport und Bewegung") < at("3.6 Seniorinnen und Senioren"));
    assert!(at("3.6 Seniorinnen und Senioren") < at("3.7 Digitale Teilhabe"));
    at("SEN – Seniorinnen und Senioren");
    let docx = docx_text(&dir.join("ausgabe/Integrationskonzept-Kreis-Lippe-0.1.docx"));
    assert!(docx.contains("Digitale Teilhabe"), "{docx}");

    // A file in the way of a new workbook that belongs to no field is not
    // overwritten: an error names it.
    let toml = std::fs::read_to_string(dir.join("konzept.toml")).unwrap();
    std::fs::write(
        dir.join("konzept.toml"),
        format!(
            "{toml}\n[[handlungsfeld]]\nname = \"Ehrenamt\"\nkurz = \"E\"\n\n[[handlungsfeld]]\nname = \"Kultur\"\n"
        )
        .replace("name = \"Kultur\"\n", "name = \"Kultur\"\nkurz = \"K\"\n"),
    )
    .unwrap();
    std::fs::write(dir.join("arbeitsgruppen/ag-ehrenamt.xlsx"), b"kaputt").unwrap();
    let run = konzept(&["workbooks", s(&dir)]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(
        run.stderr.contains("arbeitsgruppen/ag-ehrenamt.xlsx")
            && run.stderr.contains("gehört aber zu keinem Handlungsfeld"),
        "{}",
        run.stderr
    );
    assert_eq!(
        std::fs::read(dir.join("arbeitsgruppen/ag-ehrenamt.xlsx")).unwrap(),
        b"kaputt"
    );
    // The other new field got its workbook, with a warning that a broken
    // workbook counts as missing.
    assert!(
        dir.join("arbeitsgruppen/ag-kultur.xlsx").is_file(),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("zählt hier nicht als vorhanden"),
        "{}",
        run.stderr
    );

    // Bad --feld values are usage errors that write nothing.
    let other = tmp.path().join("andere");
    let run = konzept(&["new", s(&other), "--feld", "Sport=S", "--feld", "Spiel=S"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stderr.contains("doppelt vergeben"), "{}", run.stderr);
    assert!(!other.exists());
}
