//! Finding sheets and header rows: case-, space- and umlaut-insensitive,
//! aliases, title rows above the header, any column order; what is missing.

use crate::support::common::*;

#[test]
fn headers_match_case_space_and_umlaut_insensitively() {
    let model = Project::new()
        .cell(AG, "Maßnahmen", "A1", " NR ")
        .cell(AG, "Maßnahmen", "C1", "MASSNAHME")
        .cell(AG, "Maßnahmen", "D1", "federfuehrung")
        .cell(AG, "Maßnahmen", "I1", "Prioritaet")
        .model();
    let m = &model["felder"][0]["massnahmen"][0];
    assert_eq!(m["titel"], "Sprachcafé");
    assert_eq!(m["federfuehrung"], "Amt für Schule");
    assert_eq!(m["prioritaet"], "hoch");
}

#[test]
fn header_aliases() {
    let model = Project::new()
        .cell(AG, "Maßnahmen", "B1", "Ziel-Nr")
        .cell(AG, "Maßnahmen", "C1", "Titel")
        .cell(AG, "Maßnahmen", "D1", "Verantwortlich")
        .cell(AG, "Maßnahmen", "E1", "Kooperationspartner")
        .cell(AG, "Maßnahmen", "F1", "Start")
        .cell(AG, "Maßnahmen", "H1", "Kosten in EUR")
        .cell(AG, "Maßnahmen", "H2", "500")
        .cell(AG, "Ziele", "A1", "Nr.")
        .cell(AG, "Ziele", "E1", "Sollwert")
        .cell(AG, "Ziele", "E2", "80")
        .model();
    let m = &model["felder"][0]["massnahmen"][0];
    assert_eq!(m["ziele"], serde_json::json!(["B1"]));
    assert_eq!(m["titel"], "Sprachcafé");
    assert_eq!(m["federfuehrung"], "Amt für Schule");
    assert_eq!(m["partner"], serde_json::json!(["Volkshochschule"]));
    assert_eq!(m["beginn"]["text"], "2027");
    assert_eq!(m["kosten"]["text"], "500 €");
    assert_eq!(model["felder"][0]["ziele"][0]["zielwert"]["text"], "80");
}

#[test]
fn title_rows_above_the_header_are_ignored_and_cells_keep_their_place() {
    let out = Project::new()
        .sheet(
            AG,
            "Maßnahmen",
            &[
                &["Maßnahmenkatalog AG Bildung"],
                &["Stand: Oktober 2026", "", "Bitte alle Spalten ausfüllen"],
                &[],
                &["Nr", "Ziel", "Maßnahme", "Federführung", "Beginn"],
                &["1", "1", "Sprachcafé", "Amt für Schule", "morgen"],
            ],
        )
        .check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        [format!(
            "fehler: {AG} › Maßnahmen › E5: Beginn: „morgen“ ist ungültig; erwartet: ein Datum wie 31.12.2027, 12/2027, März 2027, Q3 2027, 2. Halbjahr 2027, Anfang 2027 oder 2027"
        )]
    );
}

#[test]
fn columns_in_any_order() {
    let model = Project::new()
        .sheet(
            AG,
            "Maßnahmen",
            &[
                &["Status", "Federführung", "Kosten", "Maßnahme", "Ziel", "Nr"],
                &["laufend", "Volkshochschule", "1.000", "Lesepaten", "1", "7"],
            ],
        )
        .model();
    let m = &model["felder"][0]["massnahmen"][0];
    assert_eq!(m["nr"], "B7");
    assert_eq!(m["titel"], "Lesepaten");
    assert_eq!(m["federfuehrung"], "Volkshochschule");
    assert_eq!(m["kosten"]["text"], "1.000 €");
    assert_eq!(m["status"], "in Umsetzung");
}

#[test]
fn header_with_line_break_matches() {
    let model = Project::new()
        .cell(AG, "Maßnahmen", "H1", "Kosten\nin EUR")
        .cell(AG, "Maßnahmen", "H2", "750")
        .model();
    assert_eq!(
        model["felder"][0]["massnahmen"][0]["kosten"]["text"],
        "750 €"
    );
}

#[test]
fn unknown_column_is_one_warning_and_ignored() {
    let out = Project::new()
        .cell(AG, "Maßnahmen", "K1", "Bemerkung")
        .cell(AG, "Maßnahmen", "K2", "bitte prüfen")
        .rows(
            AG,
            "Maßnahmen",
            &[&[
                "2",
                "1",
                "Zweite",
                "Amt für Schule",
                "",
                "",
                "",
                "",
                "",
                "",
                "noch offen",
            ]],
        )
        .check(&[]);
    out.assert_code(0);
    assert_eq!(
        out.warnings(),
        [format!(
            "warnung: {AG} › Maßnahmen › K1: unbekannte Spalte „Bemerkung“ wird ignoriert"
        )]
    );
}

#[test]
fn missing_required_column_is_one_error_for_the_sheet() {
    let out = Project::new()
        .sheet(
            AG,
            "Maßnahmen",
            &[
                &["Nr", "Ziel", "Maßnahme", "Beginn"],
                &["1", "1", "Sprachcafé", "2027"],
                &["2", "1", "Lesepaten", "2028"],
                &["3", "1", "Hausaufgabenhilfe", "2028"],
            ],
        )
        .check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        [format!(
            "fehler: {AG} › Maßnahmen: die Pflichtspalte „Federführung“ fehlt"
        )]
    );
}

#[test]
fn misspelt_required_column_hint_names_it() {
    let out = Project::new()
        .cell(AG, "Maßnahmen", "D1", "Federfürung")
        .check(&["--format", "json"]);
    out.assert_code(1);
    let json = out.json();
    let errors: Vec<_> = json
        .as_array()
        .unwrap()
        .iter()
        .filter(|d| d["severity"] == "error")
        .collect();
    assert_eq!(errors.len(), 1, "{json:#}");
    assert!(errors[0]["cell"].is_null());
    assert!(
        errors[0]["hint"].as_str().unwrap().contains("Federfürung"),
        "{json:#}"
    );
}

#[test]
fn sheet_names_match_loosely() {
    let mut p = Project::new();
    for (old, new) in [("Maßnahmen", "MASSNAHMEN"), ("Ziele", " ziele")] {
        p = p.rename_sheet(AG, old, new);
    }
    let model = p.model();
    assert_eq!(model["felder"][0]["massnahmen"][0]["titel"], "Sprachcafé");
    assert_eq!(
        model["felder"][0]["ziele"][0]["ziel"],
        "Mehr Kinder sprechen gut Deutsch"
    );
}

#[test]
fn missing_sheet_ziele_is_an_error() {
    let out = Project::new().remove_sheet(AG, "Ziele").check(&[]);
    out.assert_code(1);
    // The measure still refers to goal 1, which now does not exist.
    assert!(
        out.errors()
            .contains(&format!("fehler: {AG}: das Pflichtblatt „Ziele“ fehlt").as_str()),
        "{}",
        out.stderr
    );
}

#[test]
fn missing_sheet_massnahmen_is_an_error() {
    let out = Project::new().remove_sheet(AG, "Maßnahmen").check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        [format!("fehler: {AG}: das Pflichtblatt „Maßnahmen“ fehlt")]
    );
}

#[test]
fn missing_sheet_arbeitsgruppe_is_an_error() {
    let out = Project::new().remove_sheet(AG, "Arbeitsgruppe").check(&[]);
    out.assert_code(1);
    assert!(
        out.stderr.contains(&format!(
            "fehler: {AG}: das Pflichtblatt „Arbeitsgruppe“ fehlt"
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn optional_sheets_may_be_missing() {
    // The minimal project has no Mitglieder, Ausgangslage, Befund, Empfehlungen,
    // and a steering workbook with only Akteure.
    let out = Project::new().check(&[]);
    out.assert_code(0);
    assert!(out.warnings().is_empty(), "{}", out.stderr);
}

#[test]
fn empty_rows_in_the_middle_are_skipped() {
    let model = Project::new()
        .rows(
            AG,
            "Maßnahmen",
            &[
                &[],
                &["", "", "", "", "", "", "", "", "", ""],
                &["2", "1", "Lesepaten", "Caritas"],
            ],
        )
        .model();
    let titles: Vec<_> = model["felder"][0]["massnahmen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["titel"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, ["Sprachcafé", "Lesepaten"]);
}

#[test]
fn empty_required_cell_is_an_error_for_that_cell() {
    let out = Project::new()
        .rows(AG, "Maßnahmen", &[&["2", "1", "Lesepaten", ""]])
        .check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        [format!("fehler: {AG} › Maßnahmen › D3: Federführung fehlt")]
    );
}

#[test]
fn whitespace_only_cells_count_as_empty() {
    let out = Project::new()
        .rows(AG, "Maßnahmen", &[&["2", "1", "Lesepaten", "   "]])
        .check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        [format!("fehler: {AG} › Maßnahmen › D3: Federführung fehlt")]
    );
}
