//! `konzept check`: exit codes, the summary line, `--format json`, the example.

use crate::support::common::*;

#[test]
fn minimal_project_is_clean() {
    let out = Project::new().check(&[]);
    out.assert_code(0);
    assert_eq!(out.stdout, "0 Fehler, 0 Warnungen in 3 geprüften Dateien\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn example_musterstadt_has_no_errors_and_no_warnings() {
    let out = check(&repo().join("examples/musterstadt"), &[]);
    out.assert_code(0);
    assert_eq!(out.stdout, "0 Fehler, 0 Warnungen in 9 geprüften Dateien\n");
    assert_eq!(out.stderr, "");
}

#[test]
fn example_musterstadt_model_snapshot() {
    let out = check(&repo().join("examples/musterstadt"), &["--model"]);
    out.assert_code(0);
    insta::assert_json_snapshot!("musterstadt_model", out.json());
}

#[test]
fn exit_code_0_with_warnings_only() {
    // An unknown column is a warning, nothing more.
    let out = Project::new()
        .cell(AG, "Maßnahmen", "K1", "Bemerkung")
        .check(&[]);
    out.assert_code(0);
    assert_eq!(out.warnings().len(), 1, "{}", out.stderr);
    assert_eq!(
        out.summary(),
        "0 Fehler, 1 Warnung in 1 von 3 geprüften Dateien"
    );
}

#[test]
fn exit_code_1_with_errors() {
    let out = Project::new()
        .cell(AG, "Maßnahmen", "F2", "morgen")
        .check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.summary(),
        "1 Fehler, 0 Warnungen in 1 von 3 geprüften Dateien"
    );
}

#[test]
fn exit_code_2_for_unknown_flag() {
    let out = konzept(&["check", "--gibtsnicht"]);
    out.assert_code(2);
    assert!(
        out.stderr.starts_with("fehler: unbekanntes Argument"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_code_2_for_unknown_format() {
    let out = konzept(&["check", ".", "--format", "xml"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("ungültiger Wert „xml“"),
        "{}",
        out.stderr
    );
}

#[test]
fn exit_code_2_for_unknown_command() {
    let out = konzept(&["pruefen"]);
    out.assert_code(2);
    assert!(out.stderr.contains("unbekannter Befehl"), "{}", out.stderr);
}

#[test]
fn missing_project_folder_is_an_error_not_a_panic() {
    let tmp = tempfile::TempDir::new().unwrap();
    let out = check(&tmp.path().join("gibtsnicht"), &[]);
    out.assert_code(1);
    assert_eq!(out.errors().len(), 1, "{}", out.stderr);
    assert!(out.stderr.contains("existiert nicht"), "{}", out.stderr);
}

#[test]
fn folder_without_konzept_toml_is_an_error() {
    let tmp = tempfile::TempDir::new().unwrap();
    let out = check(tmp.path(), &[]);
    out.assert_code(1);
    assert!(
        out.stderr.contains("gibt es keine konzept.toml"),
        "{}",
        out.stderr
    );
}

#[test]
fn summary_line_counts_errors_warnings_and_files() {
    // 2 errors (bad date, bad money), 1 warning (unknown column), 3 files.
    let out = Project::new()
        .cell(AG, "Maßnahmen", "F2", "morgen")
        .cell(AG, "Maßnahmen", "H2", "viel")
        .cell(AG, "Maßnahmen", "K1", "Bemerkung")
        .check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.summary(),
        "2 Fehler, 1 Warnung in 1 von 3 geprüften Dateien"
    );
    assert_eq!(out.errors().len(), 2);
    assert_eq!(out.warnings().len(), 1);
}

#[test]
fn summary_line_counts_every_workbook() {
    let out = Project::new()
        .sheet(
            "arbeitsgruppen/ag-arbeit.xlsx",
            "Arbeitsgruppe",
            &[
                &["Handlungsfeld", "Arbeit und Wirtschaft"],
                &["Bezeichnung", "AG Arbeit"],
                &["Leitung", "Caritas"],
            ],
        )
        .check(&[]);
    // ag-arbeit.xlsx has no Ziele/Maßnahmen and names a field that is not configured.
    assert!(
        out.summary().ends_with("von 4 geprüften Dateien"),
        "{}",
        out.stderr
    );
}

#[test]
fn json_format_is_an_array_with_all_keys() {
    let out = Project::new()
        .cell(AG, "Maßnahmen", "F2", "morgen")
        .cell(AG, "Maßnahmen", "K1", "Bemerkung")
        .check(&["--format", "json"]);
    out.assert_code(1);
    let json = out.json();
    let items = json.as_array().expect("a JSON array");
    assert_eq!(items.len(), 2);
    for item in items {
        let obj = item.as_object().expect("an object");
        let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
        keys.sort_unstable();
        assert_eq!(
            keys,
            ["cell", "file", "hint", "message", "severity", "sheet"]
        );
    }
    let error = items.iter().find(|i| i["severity"] == "error").unwrap();
    assert_eq!(error["file"], AG);
    assert_eq!(error["sheet"], "Maßnahmen");
    assert_eq!(error["cell"], "F2");
    assert!(error["message"].as_str().unwrap().contains("morgen"));
    let warning = items.iter().find(|i| i["severity"] == "warning").unwrap();
    assert_eq!(warning["cell"], "K1");
}

#[test]
fn json_format_of_a_clean_project_is_an_empty_array() {
    let out = Project::new().check(&["--format", "json"]);
    out.assert_code(0);
    assert_eq!(out.json(), serde_json::json!([]));
}

#[test]
fn json_format_keeps_null_for_missing_places() {
    let tmp = tempfile::TempDir::new().unwrap();
    let out = check(tmp.path(), &["--format", "json"]);
    out.assert_code(1);
    let json = out.json();
    let d = &json[0];
    assert_eq!(d["severity"], "error");
    assert!(d["file"].is_null() && d["sheet"].is_null() && d["cell"].is_null());
    assert!(d["hint"].is_string());
}
