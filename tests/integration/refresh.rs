//! `konzept workbooks --refresh`: new forms with today's actors, deadline,
//! Kommune and Laufzeit, blank for every field and pre-filled where a group
//! has returned its workbook; never over a return or an existing file.

use crate::support::common::*;
use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

/// Reads a workbook with openpyxl: per sheet its cells and validations.
const READ_BACK: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {}
for ws in wb.worksheets:
    cells = {c.coordinate: str(c.value) for row in ws.iter_rows() for c in row if c.value is not None}
    validations = [
        {"sqref": str(d.sqref), "formula1": d.formula1, "errorStyle": d.errorStyle,
         "showErrorMessage": bool(d.showErrorMessage), "type": d.type}
        for d in ws.data_validations.dataValidation
    ]
    out[ws.title] = {"cells": cells, "validations": validations}
print(json.dumps(out))
"#;

fn read_back(path: &Path) -> serde_json::Value {
    let out = Command::new("python3")
        .args(["-c", READ_BACK, path.to_str().expect("UTF-8 path")])
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

fn cells(wb: &serde_json::Value, sheet: &str) -> BTreeMap<String, String> {
    serde_json::from_value(wb[sheet]["cells"].clone()).expect("cells")
}

/// The project of a town that has renamed nothing yet: two fields, one
/// returned workbook, a return deadline.
fn project() -> Project {
    Project::new()
        .edit_toml(
            "[[handlungsfeld]]",
            "[rueckgabe]\nbis = 2027-03-31\nan = \"Integrationsbüro, Aylin Demir, integration@teststadt.de\"\n\n[[handlungsfeld]]",
        )
        .edit_toml(
            "kurz = \"B\"",
            "kurz = \"B\"\n\n[[handlungsfeld]]\nname = \"Arbeit und Wirtschaft\"\nkurz = \"A\"",
        )
}

fn refresh(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["workbooks", "--refresh", dir.to_str().expect("UTF-8")];
    all.extend_from_slice(args);
    konzept(&all)
}

#[test]
fn refresh_writes_blank_and_prefilled_forms_with_actors_and_deadline() {
    let p = project();
    let dir = p.write();
    let returned = std::fs::read(dir.join(AG)).expect("return");
    let out = refresh(dir, &[]);
    out.assert_code(0);
    let forms = dir.join("formulare");
    for f in [
        "ag-bildung.xlsx",
        "ag-arbeit.xlsx",
        "ag-bildung-vorausgefuellt.xlsx",
    ] {
        assert!(forms.join(f).exists(), "{f} missing:\n{}", out.stderr);
        assert!(out.stderr.contains(f), "{}", out.stderr);
    }
    // A blank steering form with every sheet, the new ones too.
    let steering = read_back(&forms.join("steuerung-leer.xlsx"));
    for sheet in ["Texte", "Zeitplan", "Beteiligung", "Begriffe", "Literatur"] {
        assert!(
            steering[sheet].is_object(),
            "{sheet} missing in steuerung-leer.xlsx"
        );
    }
    assert!(out.stderr.contains("steuerung-leer.xlsx"), "{}", out.stderr);
    // No return for Arbeit: no pre-filled form; the return itself untouched.
    assert!(!forms.join("ag-arbeit-vorausgefuellt.xlsx").exists());
    assert_eq!(std::fs::read(dir.join(AG)).expect("return"), returned);

    let blank = read_back(&forms.join("ag-arbeit.xlsx"));
    let guide: Vec<String> = cells(&blank, "Anleitung").into_values().collect();
    for wanted in [
        "31.03.2027",
        "Integrationsbüro, Aylin Demir, integration@teststadt.de",
        "Integrationskonzept der Stadt Teststadt · Laufzeit 2026–2030",
    ] {
        assert!(
            guide.iter().any(|c| c == wanted),
            "{wanted} not in {guide:?}"
        );
    }
    // Federführung (F) and Partner (G): the actors as a list that only
    // informs about another entry.
    let listen = cells(&blank, "Listen");
    let validations = blank["Maßnahmen"]["validations"].as_array().expect("list");
    for col in ["F", "G"] {
        let v = validations
            .iter()
            .find(|v| {
                v["sqref"]
                    .as_str()
                    .is_some_and(|s| s.starts_with(&format!("{col}2")))
            })
            .unwrap_or_else(|| panic!("no validation in {col}: {validations:?}"));
        assert_eq!(v["type"], "list", "{v}");
        assert_eq!(v["errorStyle"], "information", "{v}");
        let range = v["formula1"].as_str().expect("formula");
        let letter = range
            .trim_start_matches("Listen!$")
            .chars()
            .next()
            .expect("col");
        let actors: Vec<&String> = listen
            .iter()
            .filter(|(k, _)| k.starts_with(letter) && k != &&format!("{letter}1"))
            .map(|(_, v)| v)
            .collect();
        assert_eq!(
            actors,
            ["Amt für Schule", "Caritas", "Volkshochschule"],
            "{range}: {listen:?}"
        );
    }
    // Blank: nothing in the data sheets.
    let rows = cells(&blank, "Maßnahmen");
    assert!(
        rows.keys().all(|k| k.ends_with('1') && !k.ends_with("11")),
        "header only: {rows:?}"
    );

    // Pre-filled: the group's entries as they returned them.
    let filled = read_back(&forms.join("ag-bildung-vorausgefuellt.xlsx"));
    let m = cells(&filled, "Maßnahmen");
    assert_eq!(m.get("C2").map(String::as_str), Some("Sprachcafé"), "{m:?}");
    assert_eq!(
        m.get("F2").map(String::as_str),
        Some("Amt für Schule"),
        "{m:?}"
    );
    assert_eq!(
        m.get("G2").map(String::as_str),
        Some("Volkshochschule"),
        "{m:?}"
    );
    let ag = cells(&filled, "Arbeitsgruppe");
    assert!(
        ag.values().any(|v| v == "Amt für Schule"),
        "Leitung: {ag:?}"
    );
}

/// The pre-filled form, returned as it is, gives the same concept.
#[test]
fn prefilled_form_returned_unchanged_checks_the_same() {
    let p = project();
    let dir = p.write();
    refresh(dir, &[]).assert_code(0);
    let before = check(dir, &["--model"]);
    before.assert_code(0);
    std::fs::copy(
        dir.join("formulare/ag-bildung-vorausgefuellt.xlsx"),
        dir.join(AG),
    )
    .expect("copy");
    let after = check(dir, &["--model"]);
    after.assert_code(0);
    let goals = |o: &Output| o.json()["felder"][0]["massnahmen"].clone();
    assert_eq!(goals(&before), goals(&after));
    assert!(goals(&after).as_array().is_some_and(|m| m.len() == 1));
}

#[test]
fn refresh_never_overwrites_and_never_writes_into_the_returns() {
    let p = project();
    let dir = p.write();
    refresh(dir, &[]).assert_code(0);
    let again = refresh(dir, &[]);
    again.assert_code(0);
    assert!(
        again.stderr.contains("übersprungen (schon vorhanden)"),
        "{}",
        again.stderr
    );
    assert!(
        again.stderr.contains("nichts geschrieben"),
        "{}",
        again.stderr
    );

    let into_returns = refresh(
        dir,
        &["--out", dir.join("arbeitsgruppen").to_str().unwrap()],
    );
    into_returns.assert_code(1);
    assert!(
        into_returns
            .stderr
            .contains("aus dem die zurückgekommenen Arbeitsmappen gelesen werden"),
        "{}",
        into_returns.stderr
    );
    assert!(!dir.join("arbeitsgruppen/ag-arbeit.xlsx").exists());

    let elsewhere = tempfile::TempDir::new().expect("temp");
    let target = elsewhere.path().join("zum Versand");
    let out = refresh(dir, &["--out", target.to_str().unwrap()]);
    out.assert_code(0);
    assert!(target.join("ag-arbeit.xlsx").exists(), "{}", out.stderr);
}

/// The Kommune renamed in konzept.toml after the forms went out: every
/// workbook still naming the old one is a warning at its Anleitung cell,
/// with the way to new forms; a refreshed form silences it.
#[test]
fn renamed_kommune_warns_at_the_old_forms_until_refreshed() {
    let tmp = tempfile::TempDir::new().expect("temp");
    let dir = tmp.path().join("projekt");
    let d = dir.to_str().expect("UTF-8");
    konzept(&["new", d, "--kommune", "Musterstadt"]).assert_code(0);
    // A new project's forms are blank (one warning each, issue 16 §1); the
    // warnings counted here are the ones about outdated forms.
    let outdated = |out: &Output| -> usize {
        out.warnings()
            .iter()
            .filter(|w| !w.contains("ist noch das leere Formular"))
            .count()
    };
    let clean = check(&dir, &[]);
    clean.assert_code(0);
    assert_eq!(outdated(&clean), 0, "{}", clean.stderr);

    let toml = std::fs::read_to_string(dir.join("konzept.toml")).expect("toml");
    let renamed = toml
        .replace("name = \"Musterstadt\"", "name = \"Beispielheim\"")
        .replace("Stadt Musterstadt", "Stadt Beispielheim")
        .replace("von = 2026, bis = 2030", "von = 2027, bis = 2031");
    assert_ne!(toml, renamed, "the project names the Kommune");
    std::fs::write(dir.join("konzept.toml"), renamed).expect("write");

    let out = check(&dir, &[]);
    out.assert_code(0);
    let warnings = out.warnings();
    let bildung = warnings
        .iter()
        .find(|w| w.starts_with("warnung: arbeitsgruppen/ag-bildung.xlsx › Anleitung › A2: "))
        .unwrap_or_else(|| panic!("no warning at the form's title:\n{}", out.stderr));
    for part in [
        "„Integrationskonzept der Stadt Musterstadt · Laufzeit 2026–2030“ statt „Integrationskonzept der Stadt Beispielheim · Laufzeit 2027–2031“",
        "„Stadt Musterstadt“ statt „Stadt Beispielheim“",
        "„Integrationsbüro der Stadt Musterstadt“ statt „Integrationsbüro der Stadt Beispielheim“",
    ] {
        assert!(bildung.contains(part), "{part} not in {bildung}");
    }
    assert!(out
        .stderr
        .contains("hinweis: neue Formulare mit `konzept workbooks --refresh`"));
    // steuerung.xlsx and the seven working groups: one warning each.
    assert_eq!(outdated(&out), 8, "{}", out.stderr);

    refresh(&dir, &[]).assert_code(0);
    std::fs::copy(
        dir.join("formulare/ag-bildung.xlsx"),
        dir.join("arbeitsgruppen/ag-bildung.xlsx"),
    )
    .expect("copy");
    let after = check(&dir, &[]);
    assert!(
        !after.stderr.contains("ag-bildung.xlsx › Anleitung"),
        "{}",
        after.stderr
    );
    assert_eq!(outdated(&after), 7, "{}", after.stderr);
}

#[test]
fn out_without_refresh_is_explained() {
    let p = project();
    let dir = p.write();
    let out = konzept(&["workbooks", dir.to_str().unwrap(), "--out", "formulare-neu"]);
    out.assert_code(2);
    assert!(
        out.stderr
            .starts_with("fehler: --out gilt nur zusammen mit --refresh"),
        "{}",
        out.stderr
    );
    assert!(!dir.join("formulare-neu").exists());
}
