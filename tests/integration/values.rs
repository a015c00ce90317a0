//! Every accepted value form goes through a real workbook and arrives in the
//! `--model` JSON in the spec's display form; typical rejects name the cell
//! and the value found.

use crate::support::common::Cell::{Date, Number, Percent};
use crate::support::common::*;
use serde_json::Value;

/// The minimal project with one measure per value, the value in column `col`
/// of the Maßnahmen sheet (the first measure row is replaced).
fn measures_with(col: &str, values: &[Cell]) -> Project {
    let mut p = Project::new();
    for (i, v) in values.iter().enumerate() {
        let row = i + 2;
        let nr = (i + 1).to_string();
        p = p
            .cell(AG, "Maßnahmen", &format!("A{row}"), nr.as_str())
            .cell(AG, "Maßnahmen", &format!("B{row}"), "1")
            .cell(AG, "Maßnahmen", &format!("C{row}"), "Maßnahme")
            .cell(AG, "Maßnahmen", &format!("D{row}"), "Amt für Schule")
            .cell(AG, "Maßnahmen", &format!("{col}{row}"), v.clone());
    }
    p
}

/// `field` of every measure in the model.
fn measure_field(model: &Value, field: &str) -> Vec<Value> {
    model["felder"][0]["massnahmen"]
        .as_array()
        .expect("measures")
        .iter()
        .map(|m| m[field].clone())
        .collect()
}

fn texts(values: Vec<Value>, key: &str) -> Vec<String> {
    values
        .iter()
        .map(|v| v[key].as_str().unwrap_or("<null>").to_string())
        .collect()
}

fn t(s: &str) -> Cell {
    Cell::from(s)
}

#[test]
fn dates_in_every_accepted_form() {
    let model = measures_with(
        "F",
        &[
            Date(2027, 12, 31),
            t("31.12.2027"),
            t("2027-12-31"),
            t("12/2027"),
            t("12.2027"),
            t("2027"),
            Number(2027.0),
            t("Q3 2027"),
            t("3. Quartal 2027"),
        ],
    )
    .model();
    assert_eq!(
        texts(measure_field(&model, "beginn"), "text"),
        [
            "31.12.2027",
            "31.12.2027",
            "31.12.2027",
            "12/2027",
            "12/2027",
            "2027",
            "2027",
            "Q3 2027",
            "Q3 2027"
        ]
    );
    let beginn = measure_field(&model, "beginn");
    assert_eq!(beginn[7]["von"], "2027-07-01");
    assert_eq!(beginn[7]["bis"], "2027-09-30");
    assert_eq!(beginn[3]["bis"], "2027-12-31");
}

#[test]
fn end_dates_open_ended_forms() {
    let model = measures_with(
        "G",
        &[
            t("fortlaufend"),
            t("laufend"),
            t("dauerhaft"),
            t("Fortlaufend "),
        ],
    )
    .model();
    let ende = measure_field(&model, "ende");
    for e in &ende {
        assert_eq!(e["text"], "fortlaufend");
        assert_eq!(e["offen"], true);
        assert!(e["von"].is_null() && e["bis"].is_null());
    }
}

#[test]
fn money_in_every_accepted_form() {
    let model = measures_with(
        "H",
        &[
            Number(12500.0),
            t("12500"),
            t("12.500"),
            t("12.500,50"),
            t("12.500 €"),
            t("12.500,00 EUR"),
            t("12,5 T€"),
            Number(0.0),
            Cell::Empty,
        ],
    )
    .model();
    let kosten = measure_field(&model, "kosten");
    assert_eq!(
        texts(kosten.clone(), "text"),
        [
            "12.500 €",
            "12.500 €",
            "12.500 €",
            "12.500,50 €",
            "12.500 €",
            "12.500 €",
            "12.500 €",
            "0 €",
            "–"
        ]
    );
    assert_eq!(kosten[3]["cent"], 1_250_050);
    assert!(kosten[8]["cent"].is_null(), "empty money is „not given“");
}

#[test]
fn numbers_and_percentages() {
    let model = Project::new()
        .sheet(
            AG,
            "Ziele",
            &[
                &[
                    "Nr",
                    "Ziel",
                    "Indikator",
                    "Ausgangswert",
                    "Zielwert",
                    "Einheit",
                ],
                &["1", "Zahl", "Anzahl", "1.234,5", "2000", "Plätze"],
                &["2", "Prozentzelle", "Quote", "", "", ""],
                &["3", "Prozenttext", "Quote", "12,5 %", "17,5 %", ""],
                &["4", "Prozent als Einheit", "Quote", "12,5", "20", "%"],
            ],
        )
        .cell(AG, "Ziele", "D3", Percent(0.125))
        .cell(AG, "Ziele", "E3", Percent(0.175))
        .model();
    let ziele = &model["felder"][0]["ziele"];
    let shown = |i: usize, k: &str| ziele[i][k]["text"].as_str().unwrap().to_string();
    assert_eq!(shown(0, "ausgangswert"), "1.234,5");
    assert_eq!(ziele[0]["ausgangswert"]["wert"], 1234.5);
    assert_eq!(shown(0, "zielwert"), "2.000");
    assert_eq!(shown(1, "ausgangswert"), "12,5 %");
    assert_eq!(ziele[1]["ausgangswert"]["wert"], 12.5);
    assert_eq!(shown(1, "zielwert"), "17,5 %");
    assert_eq!(shown(2, "ausgangswert"), "12,5 %");
    assert_eq!(shown(2, "zielwert"), "17,5 %");
    assert_eq!(shown(3, "ausgangswert"), "12,5 %");
    assert_eq!(shown(3, "zielwert"), "20 %");
}

#[test]
fn priorities_words_digits_letters() {
    let values = [
        t("hoch"),
        t("mittel"),
        t("niedrig"),
        t("1"),
        t("2"),
        t("3"),
        Number(1.0),
        t("A"),
        t("b"),
        t("C"),
        t("Hoch"),
    ];
    let model = measures_with("I", &values).model();
    let got: Vec<Value> = measure_field(&model, "prioritaet");
    assert_eq!(
        got,
        [
            "hoch", "mittel", "niedrig", "hoch", "mittel", "niedrig", "hoch", "hoch", "mittel",
            "niedrig", "hoch"
        ]
    );
}

#[test]
fn statuses_with_aliases() {
    let values = [
        t("geplant"),
        t("in Umsetzung"),
        t("laufend"),
        t("begonnen"),
        t("umgesetzt"),
        t("abgeschlossen"),
        t("erledigt"),
        t("zurückgestellt"),
        t("zurueckgestellt"),
        t("pausiert"),
        t("In Umsetzung"),
    ];
    let model = measures_with("J", &values).model();
    let got: Vec<Value> = measure_field(&model, "status");
    assert_eq!(
        got,
        [
            "geplant",
            "in Umsetzung",
            "in Umsetzung",
            "in Umsetzung",
            "umgesetzt",
            "umgesetzt",
            "umgesetzt",
            "zurückgestellt",
            "zurückgestellt",
            "zurückgestellt",
            "in Umsetzung"
        ]
    );
}

#[test]
fn lists_split_on_semicolon_comma_and_line_break() {
    let values = [
        t("Volkshochschule; Caritas"),
        t("Volkshochschule, Caritas"),
        t("Volkshochschule\nCaritas"),
        t("Volkshochschule;\n Caritas ;"),
    ];
    let model = measures_with("E", &values).model();
    for partner in measure_field(&model, "partner") {
        assert_eq!(partner, serde_json::json!(["Volkshochschule", "Caritas"]));
    }
}

#[test]
fn goal_lists_of_a_measure() {
    let model = Project::new()
        .rows(AG, "Ziele", &[&["2", "Zweites Ziel", "", "", "", ""]])
        .cell(AG, "Maßnahmen", "B2", "1; B2")
        .model();
    assert_eq!(
        model["felder"][0]["massnahmen"][0]["ziele"],
        serde_json::json!(["B1", "B2"])
    );
    assert_eq!(
        model["felder"][0]["ziele"][1]["massnahmen"],
        serde_json::json!(["B1"])
    );
}

#[test]
fn text_cells_trimmed_line_breaks_kept() {
    let model = Project::new()
        .cell(AG, "Maßnahmen", "C2", "  Sprachcafé\nim Stadtteil  ")
        .model();
    assert_eq!(
        model["felder"][0]["massnahmen"][0]["titel"],
        "Sprachcafé\nim Stadtteil"
    );
}

#[test]
fn typical_rejects_name_cell_and_value() {
    let out = Project::new()
        .rows(
            AG,
            "Maßnahmen",
            &[
                &[
                    "2",
                    "1",
                    "Datum",
                    "Amt für Schule",
                    "",
                    "31.02.2027",
                    "",
                    "",
                    "",
                    "",
                ],
                &[
                    "3",
                    "1",
                    "Quartal",
                    "Amt für Schule",
                    "",
                    "Q5 2027",
                    "",
                    "",
                    "",
                    "",
                ],
                &[
                    "4",
                    "1",
                    "Ende",
                    "Amt für Schule",
                    "",
                    "",
                    "irgendwann",
                    "",
                    "",
                    "",
                ],
                &[
                    "5",
                    "1",
                    "Geld",
                    "Amt für Schule",
                    "",
                    "",
                    "",
                    "zwölf Euro",
                    "",
                    "",
                ],
                &[
                    "6",
                    "1",
                    "Negativ",
                    "Amt für Schule",
                    "",
                    "",
                    "",
                    "-500",
                    "",
                    "",
                ],
                &[
                    "7",
                    "1",
                    "Priorität",
                    "Amt für Schule",
                    "",
                    "",
                    "",
                    "",
                    "dringend",
                    "",
                ],
                &[
                    "8",
                    "1",
                    "Status",
                    "Amt für Schule",
                    "",
                    "",
                    "",
                    "",
                    "",
                    "vielleicht",
                ],
            ],
        )
        .sheet(
            AG,
            "Ziele",
            &[
                &[
                    "Nr",
                    "Ziel",
                    "Indikator",
                    "Ausgangswert",
                    "Zielwert",
                    "Einheit",
                    "Zieljahr",
                ],
                &["1", "Ziel", "Quote", "viele", "12,5 %", "", "nächstes Jahr"],
            ],
        )
        .check(&[]);
    out.assert_code(1);
    assert_eq!(out.errors().len(), 9, "{}", out.stderr);
    for (cell, value) in [
        ("F3", "31.02.2027"),
        ("F4", "Q5 2027"),
        ("G5", "irgendwann"),
        ("H6", "zwölf Euro"),
        ("H7", "-500"),
        ("I8", "dringend"),
        ("J9", "vielleicht"),
    ] {
        let place = format!("fehler: {AG} › Maßnahmen › {cell}: ");
        let line = out
            .errors()
            .into_iter()
            .find(|l| l.starts_with(&place))
            .unwrap_or_else(|| panic!("no error at {cell}:\n{}", out.stderr));
        assert!(line.contains(&format!("„{value}“")), "{line}");
        assert!(line.contains("erwartet"), "{line}");
    }
    assert_eq!(
        out.summary(),
        "9 Fehler, 0 Warnungen in 1 von 3 geprüften Dateien"
    );
    insta::assert_snapshot!(out.stderr);
}
