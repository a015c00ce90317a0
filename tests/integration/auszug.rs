//! The column „Ort“ of the measures and the extract for one place
//! (`konzept build --auszug NAME`).

use crate::support::common::*;

/// Three measures: one for Nordstadt and Südstadt, one for Südstadt, one
/// without a place (it concerns every place).
fn places() -> Project {
    Project::new().sheet(
        AG,
        "Maßnahmen",
        &[
            &["Nr", "Ziel", "Maßnahme", "Federführung", "Gemeinde"],
            &[
                "1",
                "1",
                "Sprachcafé",
                "Amt für Schule",
                "Nordstadt; Südstadt",
            ],
            &["2", "1", "Elternlotsen", "Volkshochschule", "Südstadt"],
            &["3", "1", "Netzwerktreffen", "Caritas", ""],
        ],
    )
}

#[test]
fn the_place_column_is_read_under_its_aliases() {
    let model = places().model();
    let m = &model["felder"][0]["massnahmen"];
    assert_eq!(m[0]["orte"], serde_json::json!(["Nordstadt", "Südstadt"]));
    assert_eq!(m[2]["orte"], serde_json::json!([]));
    assert_eq!(model["auszug"], serde_json::Value::Null);
}

#[test]
fn the_extract_has_the_measures_naming_the_place() {
    let project = places();
    let out = project.build(&["--auszug", "nordstadt", "--typst"]);
    out.assert_code(0);
    let dir = project.path().join("ausgabe");
    let name = "Integrationskonzept-Teststadt-1.0-Auszug-Nordstadt";
    assert!(dir.join(format!("{name}.pdf")).is_file(), "{}", out.stderr);
    assert!(dir.join(format!("{name}.docx")).is_file(), "{}", out.stderr);
    // No submission and no full concept in extract mode.
    let files: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(files.iter().all(|f| f.starts_with(name)), "{files:?}");
    let typ = std::fs::read_to_string(dir.join(format!("{name}.typ"))).unwrap();
    assert!(typ.contains("= Maßnahmen für Nordstadt"), "{typ}");
    assert!(typ.contains("[Auszug für Nordstadt]"), "subtitle: {typ}");
    assert!(
        typ.contains("1 Maßnahme nennt Nordstadt ausdrücklich"),
        "{typ}"
    );
    assert!(
        typ.contains("1 weitere Maßnahme gilt ohne Ortsangabe für alle Orte"),
        "{typ}"
    );
    assert!(typ.contains("Sprachcafé"));
    assert!(!typ.contains("Elternlotsen"), "a measure of another place");
    assert!(
        !typ.contains("Netzwerktreffen"),
        "a measure for every place"
    );
    assert!(!typ.contains("= Durchführung"), "no chapter of the concept");
}

#[test]
fn an_unknown_place_is_an_error_naming_the_known_ones() {
    let out = places().build(&["--auszug", "Nordstad"]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        ["fehler: keine Maßnahme nennt den Ort „Nordstad“ (--auszug)"],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("meinten Sie „Nordstadt“? (genannte Orte: Nordstadt, Südstadt)"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_extract_without_any_place_explains_the_column() {
    let out = Project::new().build(&["--auszug", "Nordstadt"]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("keine Maßnahme nennt einen Ort: in der Spalte „Ort“"),
        "{}",
        out.stderr
    );
}

/// The extract in the ODT too (`--format odt`): valid ODF, the extract's
/// chapter and none of the concept's.
#[test]
fn the_extract_as_odt() {
    let project = places();
    let out = project.build(&["--auszug", "Nordstadt", "--format", "odt"]);
    out.assert_code(0);
    let odt = project
        .path()
        .join("ausgabe/Integrationskonzept-Teststadt-1.0-Auszug-Nordstadt.odt");
    crate::support::werkzeuge::assert_valid_odt(&odt);
    let mut z = zip::ZipArchive::new(std::fs::File::open(&odt).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("content.xml").unwrap(), &mut xml).unwrap();
    assert!(xml.contains("Maßnahmen für Nordstadt</text:h>"), "{xml}");
    assert!(xml.contains("Sprachcafé"));
    assert!(!xml.contains("Elternlotsen"), "a measure of another place");
    assert!(
        !xml.contains("Durchführung</text:h>"),
        "no chapter of the concept"
    );
}
