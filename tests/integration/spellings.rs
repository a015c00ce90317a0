//! The spellings people really type (issue 16, §5): dates, amounts and
//! statuses in words, recurring costs counted per year in the model, in
//! Anhang B and in the Beschlussvorlage, and a concrete hint for every value
//! that is rejected.

use crate::support::common::*;
use serde_json::Value;
use std::path::Path;
use std::process::Command;

/// The minimal project with one measure per row of `rows`: (Beginn, Ende,
/// Kosten, Status).
fn measures(rows: &[(&str, &str, &str, &str)]) -> Project {
    let mut p = Project::new();
    for (i, (beginn, ende, kosten, status)) in rows.iter().enumerate() {
        let r = i + 2;
        let nr = (i + 1).to_string();
        for (col, v) in [
            ("A", nr.as_str()),
            ("B", "1"),
            ("C", "Maßnahme"),
            ("D", "Amt für Schule"),
            ("E", ""),
            ("F", beginn),
            ("G", ende),
            ("H", kosten),
            ("I", ""),
            ("J", status),
        ] {
            p = p.cell(AG, "Maßnahmen", &format!("{col}{r}"), v);
        }
    }
    p
}

fn field<'m>(model: &'m Value, key: &str) -> Vec<&'m Value> {
    model["felder"][0]["massnahmen"]
        .as_array()
        .expect("measures")
        .iter()
        .map(|m| &m[key])
        .collect()
}

fn text_of(v: &Value) -> &str {
    v["text"].as_str().unwrap_or("<null>")
}

#[test]
fn dates_in_words_as_beginn_and_ende() {
    let model = measures(&[
        ("März 2027", "Dezember 2027", "", ""),
        ("Jan 2027", "Ende 2028", "", ""),
        ("2. Halbjahr 2027", "H1 2028", "", ""),
        ("Anfang 2027", "Mitte 2028", "", ""),
        ("ab 2027", "bis 2028", "", ""),
        ("laufend", "Daueraufgabe", "", ""),
        ("Daueraufgabe", "", "", ""),
        ("Januar 2027", "laufend", "", ""),
    ])
    .model();
    let beginn: Vec<&str> = field(&model, "beginn").into_iter().map(text_of).collect();
    let ende: Vec<&str> = field(&model, "ende").into_iter().map(text_of).collect();
    let zeitraum: Vec<&str> = field(&model, "zeitraum")
        .into_iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    assert_eq!(
        beginn,
        [
            "03/2027",
            "01/2027",
            "2. Hj. 2027",
            "Anfang 2027",
            "2027",
            "laufend",
            "laufend",
            "01/2027"
        ]
    );
    assert_eq!(
        ende,
        [
            "12/2027",
            "Ende 2028",
            "1. Hj. 2028",
            "Mitte 2028",
            "2028",
            "fortlaufend",
            "<null>",
            "fortlaufend"
        ]
    );
    assert_eq!(
        zeitraum,
        [
            "03/2027 – 12/2027",
            "01/2027 – Ende 2028",
            "2. Hj. 2027 – 1. Hj. 2028",
            "Anfang 2027 – Mitte 2028",
            "2027–2028",
            "laufend",
            "laufend",
            "ab 01/2027, fortlaufend"
        ]
    );
    let b = field(&model, "beginn");
    let e = field(&model, "ende");
    assert_eq!(
        (b[2]["von"].as_str(), b[2]["bis"].as_str()),
        (Some("2027-07-01"), Some("2027-12-31"))
    );
    assert_eq!(
        (b[3]["von"].as_str(), e[3]["bis"].as_str()),
        (Some("2027-01-01"), Some("2028-08-31"))
    );
    assert_eq!(e[1]["bis"].as_str(), Some("2028-12-31"));
    // „laufend“ as Beginn: already under way when the Laufzeit (2026) starts.
    assert_eq!(b[5]["von"].as_str(), Some("2026-01-01"));
}

#[test]
fn amounts_and_statuses_in_words() {
    let model = measures(&[
        ("2027", "2027", "kostenneutral", "läuft"),
        ("2027", "2027", "keine", "fortlaufend"),
        ("2027", "2027", "ca. 5000 Euro", "abgeschlossen"),
        ("2027", "2027", "5 Tsd. €", "Läuft"),
        ("2027", "2027", "1,2 Mio. €", "geplant"),
    ])
    .model();
    let kosten = field(&model, "kosten");
    assert_eq!(
        kosten.iter().map(|k| text_of(k)).collect::<Vec<_>>(),
        [
            "kostenneutral",
            "keine",
            "ca. 5.000 €",
            "5.000 €",
            "1.200.000 €"
        ]
    );
    assert_eq!(
        kosten
            .iter()
            .map(|k| k["cent"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [0, 0, 500_000, 500_000, 120_000_000]
    );
    assert_eq!(
        field(&model, "status"),
        [
            "in Umsetzung",
            "in Umsetzung",
            "umgesetzt",
            "in Umsetzung",
            "geplant"
        ]
    );
}

/// A yearly post over 2026–2029 with a budget that covers it.
fn yearly_post() -> Project {
    let mut p = measures(&[("2026", "2029", "5.000 € jährlich", "geplant")]);
    p = p.sheet(
        STEUERUNG,
        "Finanzen",
        &[
            &["Jahr", "Posten", "Betrag", "Quelle"],
            &["2026", "Integrationsstelle", "5000", "Eigenmittel"],
            &["2027", "Integrationsstelle", "5000", "Eigenmittel"],
            &["2028", "Integrationsstelle", "5000", "Eigenmittel"],
            &["2029", "Integrationsstelle", "5000", "Eigenmittel"],
        ],
    );
    p
}

#[test]
fn recurring_costs_forms_are_amounts_per_year_or_month() {
    let model = measures(&[
        ("2026", "2029", "5.000 € jährlich", ""),
        ("2026", "2029", "5.000 €/Jahr", ""),
        ("2026", "2029", "5.000 € p. a.", ""),
        ("2026", "2029", "monatlich 400 €", ""),
        // Open end: up to the end of the Laufzeit (2030).
        ("2027", "fortlaufend", "5.000 € jährlich", ""),
    ])
    .model();
    let kosten = field(&model, "kosten");
    assert_eq!(
        kosten.iter().map(|k| text_of(k)).collect::<Vec<_>>(),
        [
            "5.000 € jährlich",
            "5.000 € jährlich",
            "5.000 € jährlich",
            "400 € monatlich",
            "5.000 € jährlich"
        ]
    );
    assert_eq!(
        kosten
            .iter()
            .map(|k| k["cent"].as_i64().unwrap())
            .collect::<Vec<_>>(),
        [2_000_000, 2_000_000, 2_000_000, 1_920_000, 2_000_000]
    );
    assert_eq!(field(&model, "kosten_turnus")[3], "monatlich");
    let je_jahr: Vec<&str> = model["kosten"]["summe_je_jahr"]
        .as_array()
        .unwrap()
        .iter()
        .map(text_of)
        .collect();
    // 2026–2029: four yearly posts of 5.000 € and 12 × 400 €; 2027–2030: the open one.
    assert_eq!(
        je_jahr,
        ["19.800 €", "24.800 €", "24.800 €", "24.800 €", "5.000 €"]
    );
}

#[test]
fn a_yearly_post_counts_per_year_in_model_anhang_b_and_beschlussvorlage() {
    let p = yearly_post();
    let model = p.model();
    let ms = &model["felder"][0]["massnahmen"][0];
    assert_eq!(ms["kosten"]["text"], "5.000 € jährlich");
    assert_eq!(ms["kosten"]["cent"], 2_000_000);
    let plan = &model["kosten"];
    let years: Vec<(i64, &str)> = plan["je_jahr"]
        .as_array()
        .unwrap()
        .iter()
        .map(|j| (j["jahr"].as_i64().unwrap(), text_of(&j["kosten"])))
        .collect();
    assert_eq!(
        years,
        [
            (2026, "5.000 €"),
            (2027, "5.000 €"),
            (2028, "5.000 €"),
            (2029, "5.000 €"),
            (2030, "0 €")
        ]
    );
    assert_eq!(text_of(&plan["summe"]), "20.000 €");
    assert!(plan["regel"].as_str().unwrap().contains("jährlich"));

    let out = p.build(&[]);
    out.assert_code(0);
    assert!(out.warnings().is_empty(), "{}", out.stderr);
    let dir = p.path().join("ausgabe");
    let pdf = |prefix: &str| -> String {
        let f = std::fs::read_dir(&dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .find(|f| {
                let n = f.file_name().unwrap().to_string_lossy().into_owned();
                n.starts_with(prefix) && n.ends_with(".pdf")
            })
            .unwrap_or_else(|| panic!("no {prefix}*.pdf in {}", dir.display()));
        pdf_text(&f)
    };
    let konzept = pdf("Integrationskonzept");
    // Anhang B: the field's row, 5.000 € in each of 2026–2029, 20.000 € in all.
    let anhang_b = &konzept[konzept
        .rfind("Maßnahmenkosten je Handlungsfeld")
        .expect("Anhang B")..];
    let row = anhang_b
        .lines()
        .find(|l| l.starts_with("Summe Maßnahmen"))
        .unwrap_or_else(|| panic!("no sum row in Anhang B:\n{anhang_b}"));
    assert_eq!(
        row,
        "Summe Maßnahmen 5.000 € 5.000 € 5.000 € 5.000 € 0 € 20.000 €"
    );
    // The measure table shows the cost as typed.
    assert!(konzept.contains("5.000 € jährlich"), "{konzept}");

    let vorlage = pdf("Beschlussvorlage");
    let row = vorlage
        .lines()
        .find(|l| l.starts_with("Kosten der Maßnahmen"))
        .unwrap_or_else(|| panic!("no cost row in the Beschlussvorlage:\n{vorlage}"));
    assert_eq!(
        row,
        "Kosten der Maßnahmen 5.000 € 5.000 € 5.000 € 5.000 € 0 € 20.000 €"
    );
}

fn pdf_text(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext (poppler-utils) installed");
    assert!(out.status.success());
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// The hint line printed after the error at `cell`.
fn hint_after<'o>(out: &'o Output, cell: &str) -> &'o str {
    let lines: Vec<&str> = out.stderr.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("fehler: ") && l.contains(&format!("› {cell}")))
        .unwrap_or_else(|| panic!("no error at {cell}:\n{}", out.stderr));
    lines[i + 1..]
        .iter()
        .find(|l| l.contains("hinweis"))
        .unwrap_or_else(|| panic!("no hint after the error at {cell}:\n{}", out.stderr))
}

#[test]
fn every_rejected_value_gets_a_hint_from_what_was_typed() {
    let out = measures(&[
        ("Märtz 2027", "2028/03", "12,500.50", "abgeschlosen"),
        ("bis 2028", "ab 2027", "500 € pro Quartal", "vielleicht"),
        ("2026-2028", "fortlaufen", "5000 € für Honorare", ""),
    ])
    .check(&[]);
    out.assert_code(1);
    for (cell, hint) in [
        ("F2", "meinten Sie 03/2027?"),
        ("G2", "meinten Sie 03/2028?"),
        ("H2", "meinten Sie 12.500,50 €?"),
        ("J2", "meinten Sie „abgeschlossen“?"),
        (
            "F3",
            "„bis 2028“ ist ein Ende: 2028 in die Spalte Ende eintragen",
        ),
        (
            "G3",
            "„ab 2027“ ist ein Beginn: 2027 in die Spalte Beginn eintragen",
        ),
        ("H3", "meinten Sie „2.000 € jährlich“?"),
        ("J3", "„vielleicht“ ist keiner der vorgesehenen Werte"),
        ("F4", "2026 als Beginn und 2028 als Ende eintragen"),
        ("G4", "meinten Sie „fortlaufend“?"),
        ("H4", "meinten Sie 5.000 €?"),
    ] {
        let h = hint_after(&out, cell);
        assert!(h.contains(hint), "{cell}: {h}");
    }
}

#[test]
fn an_invalid_beginn_gives_no_budget_warning_and_overruns_name_their_measures() {
    // Budget only for 2027; the measure with the typo in Beginn would
    // otherwise be spread over the whole Laufzeit and overrun 2026–2030.
    let p = measures(&[
        ("2027", "2027", "3.000 €", ""),
        ("Frühling 2027", "2027", "2.000 €", ""),
    ])
    .sheet(
        STEUERUNG,
        "Finanzen",
        &[
            &["Jahr", "Posten", "Betrag", "Quelle"],
            &["2027", "Sprachförderung", "3000", "Eigenmittel"],
        ],
    );
    let out = p.check(&[]);
    out.assert_code(1);
    assert_eq!(out.errors().len(), 1, "{}", out.stderr);
    assert!(
        out.errors()[0].contains("Beginn: „Frühling 2027“ ist ungültig"),
        "{}",
        out.stderr
    );
    assert!(
        out.warnings().is_empty(),
        "follow-on warnings:\n{}",
        out.stderr
    );

    // Corrected, the two measures overrun 2027's budget: the warning names both.
    let out = p.cell(AG, "Maßnahmen", "F3", "Mai 2027").check(&[]);
    out.assert_code(0);
    let w = out.warnings();
    assert_eq!(w.len(), 1, "{}", out.stderr);
    assert!(
        w[0].contains("2027 (5.000 €) übersteigen das Budget 2027"),
        "{}",
        w[0]
    );
    let h = hint_after_warning(&out);
    assert!(
        h.contains("B1 „Maßnahme“ (3.000 €), B2 „Maßnahme“ (2.000 €)"),
        "{h}"
    );
}

fn hint_after_warning(out: &Output) -> &str {
    let lines: Vec<&str> = out.stderr.lines().collect();
    let i = lines
        .iter()
        .position(|l| l.starts_with("warnung: "))
        .expect("warning");
    lines[i + 1..]
        .iter()
        .find(|l| l.contains("hinweis"))
        .expect("hint")
}

/// Excel's binary workbook (`.xlsb`) is read like `.xlsx`. The fixture is
/// written record by record to MS-XLSB by `tests/fixtures/good/xlsb/make_xlsb.py`
/// (no tool here writes .xlsb); LibreOffice reads it to the same cells.
#[test]
fn xlsb_workbooks_are_read_like_xlsx() {
    let p = Project::new().remove_workbook(AG);
    let root = p.write();
    let xlsb = root.join("arbeitsgruppen/ag-bildung.xlsb");
    std::fs::create_dir_all(xlsb.parent().unwrap()).unwrap();
    std::fs::copy(
        repo().join("tests/fixtures/good/xlsb/ag-bildung.xlsb"),
        &xlsb,
    )
    .unwrap();
    let out = check(root, &["--model"]);
    out.assert_code(0);
    assert!(!out.stderr.contains("keine Arbeitsmappe"), "{}", out.stderr);
    let model = out.json();
    let feld = &model["felder"][0];
    assert_eq!(feld["arbeitsgruppe"]["bezeichnung"], "AG Bildung");
    let titles: Vec<&str> = feld["massnahmen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["titel"].as_str().unwrap())
        .collect();
    assert_eq!(titles, ["Sprachcafé", "Lesepaten"]);
    let m = &feld["massnahmen"];
    assert_eq!(m[0]["kosten"]["text"], "5.000 € jährlich");
    assert_eq!(m[0]["zeitraum"], "2027 – Ende 2028");
    assert_eq!(m[0]["status"], "in Umsetzung");
    assert_eq!(m[1]["kosten"]["text"], "1.200 €");
    assert_eq!(m[1]["beginn"]["text"], "03/2027");

    // The same file renamed to .xlsx is still read as what it is.
    std::fs::rename(&xlsb, xlsb.with_extension("xlsx")).unwrap();
    let out = check(root, &[]);
    out.assert_code(0);
}

#[test]
fn actor_abbreviations_and_contact_persons_get_a_suggestion() {
    let out = measures(&[("2027", "2027", "", "")])
        .sheet(
            STEUERUNG,
            "Akteure",
            &[
                &["Akteur", "Kategorie", "Ansprechperson"],
                &["Amt für Schule", "Verwaltung", "Jan Weber"],
                &["Volkshochschule Beispielheim", "Bildungseinrichtungen", ""],
                &["Integrationsbüro", "Verwaltung", "Sevgi Kaya"],
            ],
        )
        .cell(AG, "Maßnahmen", "D2", "Frau Kaya")
        .cell(AG, "Maßnahmen", "E2", "VHS Beispielheim")
        .check(&[]);
    out.assert_code(0);
    let w = out.warnings();
    assert_eq!(w.len(), 2, "{}", out.stderr);
    let hints: Vec<&str> = out
        .stderr
        .lines()
        .filter(|l| l.trim_start().starts_with("hinweis:"))
        .collect();
    assert!(
        hints.iter().any(|h| h.contains(
            "„Frau Kaya“ ist eine Ansprechperson: meinten Sie „Integrationsbüro“ (Ansprechperson Sevgi Kaya)?"
        )),
        "{}",
        out.stderr
    );
    assert!(
        hints
            .iter()
            .any(|h| h.contains("meinten Sie „Volkshochschule Beispielheim“?")),
        "{}",
        out.stderr
    );
}

/// Per column header of a sheet: the input prompt of its validation and
/// its note; and all texts of the workbook (cells, notes, prompts).
const FORM_TEXTS: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb[sys.argv[2]]
cols = {}
for c in ws[1]:
    if c.value is None:
        continue
    prompt = None
    for d in ws.data_validations.dataValidation:
        if str(d.sqref).startswith(f"{c.column_letter}2"):
            prompt = d.prompt
    cols[str(c.value)] = {"prompt": prompt, "note": c.comment.text if c.comment else None}
texts = []
for s in wb.worksheets:
    for row in s.iter_rows():
        for c in row:
            if c.value is not None:
                texts.append(str(c.value))
            if c.comment is not None:
                texts.append(c.comment.text)
    texts += [d.prompt or "" for d in s.data_validations.dataValidation]
print(json.dumps({"cols": cols, "texts": texts}))
"#;

fn form_texts(file: &Path, sheet: &str) -> Value {
    let out = Command::new("python3")
        .args(["-c", FORM_TEXTS])
        .arg(file)
        .arg(sheet)
        .output()
        .expect("python3 with openpyxl");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn forms_give_ziel_and_partner_their_own_hint_and_a_gemeinde_its_council() {
    let tmp = tempfile::TempDir::new().unwrap();
    let dir = tmp.path().join("wachtberg");
    let out = konzept(&[
        "new",
        dir.to_str().unwrap(),
        "--kommune",
        "Gemeinde Wachtberg",
    ]);
    out.assert_code(0);
    let ag = std::fs::read_dir(dir.join("arbeitsgruppen"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .find(|p| p.extension().is_some_and(|e| e == "xlsx"))
        .expect("a working-group workbook");
    let wb = form_texts(&ag, "Maßnahmen");
    let prompt = |col: &str| wb["cols"][col]["prompt"].as_str().unwrap_or("").to_string();
    let (ziel, partner) = (prompt("Ziel"), prompt("Partner"));
    assert_ne!(ziel, partner, "one shared hint for Ziel and Partner");
    assert!(ziel.contains("„B1; B3“"), "Ziel: {ziel}");
    assert!(!ziel.contains("Jobcenter"), "Ziel: {ziel}");
    assert!(partner.contains("Akteursliste"), "Partner: {partner}");
    assert!(!partner.contains("„1; 3“"), "Partner: {partner}");
    let kosten = prompt("Kosten");
    assert!(kosten.contains("5.000 € jährlich"), "Kosten: {kosten}");

    let texts: Vec<&str> = wb["texts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|t| t.as_str().unwrap())
        .collect();
    assert!(
        !texts.iter().any(|t| t.contains("Rat der Stadt")),
        "„Rat der Stadt“ in a Gemeinde's form"
    );
    assert!(
        texts.iter().any(|t| t.contains("Rat der Gemeinde")),
        "the Gemeinde's council is named nowhere"
    );
}
