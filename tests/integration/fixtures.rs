//! The committed fixture projects (made by tools/fixtures/generate.py): a messy
//! real-world project that must pass, bad files that must fail cleanly, and a
//! deliberately broken project.

use crate::support::common::*;

#[test]
fn messy_project_checks_without_errors_and_exact_warnings() {
    let dir = fixture("good/messy");
    let out = check(dir.path(), &[]);
    out.assert_code(0);
    assert!(out.errors().is_empty(), "{}", out.stderr);
    assert_eq!(out.warnings().len(), 6, "{}", out.stderr);
    assert_eq!(
        out.summary(),
        "0 Fehler, 6 Warnungen in 3 von 5 geprüften Dateien"
    );
    insta::assert_snapshot!("messy_diagnostics", out.stderr);
}

#[test]
fn messy_project_lock_files_are_skipped_with_a_note() {
    let dir = fixture("good/messy");
    let out = check(dir.path(), &[]);
    assert_eq!(
        out.lines("info"),
        [
            "info: arbeitsgruppen/.~lock.ag-bildung.xlsx#: Sperrdatei eines geöffneten Office-Programms, übersprungen",
            "info: arbeitsgruppen/~$ag-bildung.xlsx: Sperrdatei eines geöffneten Office-Programms, übersprungen",
        ]
    );
}

#[test]
fn messy_project_values_arrive_in_the_model() {
    let dir = fixture("good/messy");
    let out = check(dir.path(), &["--model"]);
    out.assert_code(0);
    let model = out.json();
    let feld = |kurz: &str| {
        model["felder"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["kurz"] == kurz)
            .unwrap()
            .clone()
    };
    // .xlsx: title rows, aliases, reordered columns, empty rows, German texts.
    let b = feld("B");
    assert_eq!(b["datei"], "arbeitsgruppen/ag-bildung.xlsx");
    assert_eq!(b["arbeitsgruppe"]["stand"]["text"], "30.09.2026");
    assert_eq!(b["ziele"][0]["verlauf"], "1.234,5 → 2.000 Plätze");
    assert_eq!(b["ziele"][1]["verlauf"], "17,5 % → 12 %");
    let m = &b["massnahmen"];
    assert_eq!(m.as_array().unwrap().len(), 3);
    assert_eq!(m[0]["kosten"]["text"], "12.500 €");
    assert_eq!(m[0]["zeitraum"], "ab 31.12.2026, fortlaufend");
    assert_eq!(m[0]["prioritaet"], "hoch");
    assert_eq!(
        m[0]["partner"],
        serde_json::json!(["Diakonie", "Kulturverein Brücke"])
    );
    assert_eq!(m[1]["ziele"], serde_json::json!(["B1", "B2"]));
    assert_eq!(m[1]["zeitraum"], "Q3 2027 – 12/2027");
    assert_eq!(m[1]["kosten"]["text"], "1.234,50 €");
    assert_eq!(m[2]["beginn"]["text"], "01.03.2027");
    assert_eq!(m[2]["status"], "zurückgestellt");
    // .ods: date cells and German text, field named by the alias "Arbeit und Beruf".
    let a = feld("A");
    assert_eq!(a["datei"], "arbeitsgruppen/ag-arbeit.ods");
    assert_eq!(a["massnahmen"][0]["zeitraum"], "01.05.2027 – 31.12.2027");
    assert_eq!(a["massnahmen"][1]["zeitraum"], "01.09.2026 – Q3 2028");
    assert_eq!(a["ziele"][0]["zielwert"]["text"], "1.234,5");
    // .xls: a percentage cell, a money number cell; field named by its letter.
    let k = feld("K");
    assert_eq!(k["datei"], "arbeitsgruppen/ag-kultur.xls");
    assert_eq!(k["ziele"][0]["verlauf"], "17,5 % → 25 %");
    assert_eq!(k["massnahmen"][0]["kosten"]["text"], "20.000 €");
    // The actor with an unknown category is filed under Sonstige.
    let sonstige = model["akteure"]["kategorien"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["name"] == "Sonstige")
        .unwrap()
        .clone();
    assert_eq!(sonstige["akteure"][0]["name"], "Freiwillige Feuerwehr");
}

#[test]
fn broken_project_diagnostics_text() {
    let dir = fixture("failing/broken");
    let out = check(dir.path(), &[]);
    out.assert_code(1);
    assert_eq!(out.errors().len(), 8, "{}", out.stderr);
    assert_eq!(
        out.summary(),
        "8 Fehler, 0 Warnungen in 2 von 4 geprüften Dateien"
    );
    insta::assert_snapshot!("broken_diagnostics", out.stderr);
}

#[test]
fn broken_project_diagnostics_json() {
    let dir = fixture("failing/broken");
    let out = check(dir.path(), &["--format", "json"]);
    out.assert_code(1);
    insta::assert_json_snapshot!("broken_diagnostics_json", out.json());
}

/// Regression (spec: "nothing stops at the first"): an unknown key in
/// konzept.toml must not hide the problems of the workbooks.
#[test]

fn unknown_config_key_does_not_hide_workbook_problems() {
    let dir = fixture("failing/broken");
    let toml = dir.path().join("konzept.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, text.replace("titel =", "titl =")).unwrap();
    let out = check(dir.path(), &[]);
    out.assert_code(1);
    // The unknown key, the title it leaves missing, and the 8 workbook defects.
    assert_eq!(out.errors().len(), 10, "{}", out.stderr);
}

/// The minimal valid project plus one bad file copied into `rel`.
fn with_bad_file(name: &str, rel: &str) -> Output {
    let p = Project::new();
    p.write();
    let from = repo().join("tests/fixtures/failing/bad-files").join(name);
    std::fs::copy(&from, p.path().join(rel)).unwrap();
    check(p.path(), &[])
}

#[track_caller]
fn assert_one_error(out: &Output, file: &str, reason: &str) {
    out.assert_code(1);
    let errors = out.errors();
    assert_eq!(errors.len(), 1, "{}", out.stderr);
    assert!(
        errors[0].starts_with(&format!("fehler: {file}: ")),
        "{}",
        out.stderr
    );
    assert!(errors[0].contains(reason), "{}", out.stderr);
}

#[test]
fn bad_file_not_a_spreadsheet() {
    let rel = "arbeitsgruppen/not-a-spreadsheet.xlsx";
    let out = with_bad_file("not-a-spreadsheet.xlsx", rel);
    assert_one_error(&out, rel, "keine Arbeitsmappe");
}

#[test]
fn bad_file_truncated_xlsx() {
    let rel = "arbeitsgruppen/truncated.xlsx";
    let out = with_bad_file("truncated.xlsx", rel);
    assert_one_error(&out, rel, "beschädigt");
}

#[test]
fn bad_file_password_protected_xlsx() {
    let rel = "arbeitsgruppen/password.xlsx";
    let out = with_bad_file("password.xlsx", rel);
    assert_one_error(&out, rel, "Kennwort");
}

#[test]
fn bad_file_csv_named_xlsx() {
    let rel = "arbeitsgruppen/csv.xlsx";
    let out = with_bad_file("csv.xlsx", rel);
    assert_one_error(&out, rel, "CSV");
}

#[test]
fn bad_file_html_named_xlsx() {
    let rel = "arbeitsgruppen/html.xlsx";
    let out = with_bad_file("html.xlsx", rel);
    assert_one_error(&out, rel, "HTML");
}

#[test]
fn bad_file_empty() {
    let rel = "arbeitsgruppen/empty.xlsx";
    let out = with_bad_file("empty.xlsx", rel);
    assert_one_error(&out, rel, "leer");
}

#[test]
fn bad_file_ods_that_is_a_text_document() {
    let rel = "arbeitsgruppen/text-document.ods";
    let out = with_bad_file("text-document.ods", rel);
    assert_one_error(&out, rel, "keine Tabelle");
}

#[test]
fn bad_file_as_steering_workbook() {
    let out = with_bad_file("password.xlsx", STEUERUNG);
    assert_one_error(&out, STEUERUNG, "Kennwort");
}

#[test]
fn bad_files_have_a_german_hint() {
    let out = with_bad_file("csv.xlsx", "arbeitsgruppen/csv.xlsx");
    assert!(
        out.stderr
            .contains("  hinweis: die Datei in Excel oder LibreOffice öffnen"),
        "{}",
        out.stderr
    );
}

#[test]
fn missing_steering_workbook_is_one_error() {
    let out = Project::new().remove_workbook(STEUERUNG).check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        ["fehler: steuerung.xlsx: die Arbeitsmappe der Steuerungsgruppe „steuerung.xlsx“ wurde nicht gefunden"]
    );
}

/// Every fixture, and every bad file as the only working-group workbook,
/// with every output mode: never a panic, always exit 0 or 1.
#[test]
fn no_panic_on_any_fixture() {
    let mut dirs: Vec<_> = ["good/messy", "failing/broken"]
        .into_iter()
        .map(fixture)
        .collect();
    for entry in std::fs::read_dir(repo().join("tests/fixtures/failing/bad-files")).unwrap() {
        let p = Project::new();
        p.write();
        let name = entry.unwrap().file_name();
        std::fs::copy(
            repo().join("tests/fixtures/failing/bad-files").join(&name),
            p.path().join("arbeitsgruppen").join(&name),
        )
        .unwrap();
        dirs.push(p.into_dir());
    }
    for dir in &dirs {
        for args in [&[][..], &["--format", "json"], &["--model"]] {
            let out = check(dir.path(), args);
            assert!(
                !out.stderr.contains("panicked"),
                "{}: {}",
                dir.path().display(),
                out.stderr
            );
            assert!(matches!(out.code, 0 | 1), "{}", out.stderr);
        }
    }
}
