//! The goal hierarchy (Oberziele → Ziele → Maßnahmen, Leitlinien leading to
//! goals), the numbering schemes and the cross-cutting themes: all optional,
//! a project without them checks as before.

use crate::support::common::*;

const THEMEN: &str = r#"
[[querschnittsthema]]
name = "Antidiskriminierung"
beschreibung = "Gegen jede Form von Diskriminierung."

[[querschnittsthema]]
name = "Ehrenamt"
"#;

/// Two goals with an Oberziel and themes, three measures (one without a
/// goal), two Oberziele (one for the field, one for the whole concept) and a
/// Leitlinie leading to a goal and an Oberziel.
fn hierarchy() -> Project {
    Project::new()
        .sheet(
            STEUERUNG,
            "Oberziele",
            &[
                &["Nr", "Oberziel", "Handlungsfeld", "Erläuterung"],
                &[
                    "1",
                    "Gleiche Bildungschancen",
                    "B",
                    "Herkunft entscheidet nicht.",
                ],
                &["2", "Offene Institutionen", "", ""],
            ],
        )
        .sheet(
            STEUERUNG,
            "Leitlinien",
            &[
                &["Nr", "Leitlinie", "Ziele"],
                &["1", "Chancengerechtigkeit", "B2; 2"],
                &["2", "Zusammenhalt", ""],
            ],
        )
        .sheet(
            AG,
            "Ziele",
            &[
                &["Nr", "Ziel", "Oberziel", "Querschnittsthemen"],
                &["1", "Mehr Kinder sprechen gut Deutsch", "1", "ehrenamt"],
                &["2", "Die Schulen öffnen sich", "2", ""],
            ],
        )
        .sheet(
            AG,
            "Maßnahmen",
            &[
                &["Nr", "Ziel", "Maßnahme", "Federführung", "Themen"],
                &[
                    "1",
                    "2",
                    "Elternlotsen",
                    "Amt für Schule",
                    "Antidiskriminierung; Ehrenamt",
                ],
                &["2", "1", "Sprachcafé", "Amt für Schule", ""],
                &["3", "2", "Fortbildung", "Volkshochschule", ""],
                &["4", "", "Netzwerktreffen", "Caritas", ""],
            ],
        )
        .edit_toml("[[handlungsfeld]]", &format!("{THEMEN}\n[[handlungsfeld]]"))
}

#[test]
fn a_project_without_hierarchy_or_themes_has_neither() {
    let model = Project::new().model();
    assert_eq!(model["oberziele"], serde_json::json!([]));
    assert_eq!(model["querschnittsthemen"], serde_json::json!([]));
    assert_eq!(model["felder"][0]["ziele"][0]["nr"], "B1");
    assert_eq!(
        model["felder"][0]["ziele"][0]["oberziel"],
        serde_json::Value::Null
    );
    assert_eq!(model["felder"][0]["massnahmen"][0]["nr"], "B1");
}

#[test]
fn oberziele_collect_their_goals_and_measures() {
    let model = hierarchy().model();
    let o = &model["oberziele"];
    assert_eq!(o.as_array().unwrap().len(), 2);
    assert_eq!(o[0]["nr"], "1");
    assert_eq!(o[0]["titel"], "Gleiche Bildungschancen");
    assert_eq!(o[0]["feld"], "Bildung und Sprachförderung");
    assert_eq!(o[0]["ziele"][0]["nr"], "B1");
    assert_eq!(o[0]["ziele"][0]["massnahmen"], serde_json::json!(["B2"]));
    assert_eq!(o[1]["feld"], serde_json::Value::Null);
    assert_eq!(o[1]["ziele"][0]["nr"], "B2");
    assert_eq!(
        o[1]["ziele"][0]["massnahmen"],
        serde_json::json!(["B1", "B3"])
    );
    // Leitlinie 1 leads to goal B2 and Oberziel 2.
    assert_eq!(o[1]["leitlinien"], serde_json::json!(["1"]));
    assert_eq!(
        model["leitlinien"][0]["ziele"],
        serde_json::json!(["B2", "Oberziel 2"])
    );
    assert_eq!(model["leitlinien"][1]["ziele"], serde_json::json!([]));
    assert_eq!(model["felder"][0]["ziele"][0]["oberziel"], "1");
}

#[test]
fn a_goal_naming_an_unknown_oberziel_is_an_error_at_its_cell() {
    let out = hierarchy().cell(AG, "Ziele", "C3", "7").check(&[]);
    out.assert_code(1);
    let errors = out.errors();
    assert_eq!(
        errors,
        [format!(
            "fehler: {AG} › Ziele › C3: das Oberziel „7“ gibt es nicht"
        )],
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("(vorhanden: 1, 2)"), "{}", out.stderr);
}

#[test]
fn an_oberziel_without_the_sheet_is_an_error() {
    let out = hierarchy().remove_sheet(STEUERUNG, "Oberziele").check(&[]);
    out.assert_code(1);
    assert!(
        out.stderr.contains("es gibt aber kein Blatt „Oberziele“"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_oberziel_of_another_field_is_a_warning() {
    let out = hierarchy()
        .edit_toml(
            "[[handlungsfeld]]",
            "[[handlungsfeld]]\nname = \"Arbeit und Wirtschaft\"\nkurz = \"A\"\n\n[[handlungsfeld]]",
        )
        .cell(STEUERUNG, "Oberziele", "C3", "Arbeit und Wirtschaft")
        .check(&[]);
    assert!(
        out.warnings().iter().any(|w| w.ends_with(
            "das Oberziel 2 gehört zum Handlungsfeld „Arbeit und Wirtschaft“, dieses Ziel aber zu „Bildung und Sprachförderung“"
        )),
        "{}",
        out.stderr
    );
}

#[test]
fn a_leitlinie_naming_an_unknown_goal_is_a_warning() {
    let out = hierarchy()
        .cell(STEUERUNG, "Leitlinien", "C2", "B2; B9")
        .check(&[]);
    out.assert_code(0);
    assert_eq!(
        out.warnings(),
        [format!(
            "warnung: {STEUERUNG} › Leitlinien › C2: die Leitlinie 1 nennt das Ziel „B9“, das es nicht gibt"
        )],
        "{}",
        out.stderr
    );
}

#[test]
fn goal_measure_numbering_numbers_measures_by_their_goal() {
    let model = hierarchy()
        .edit_toml(
            "verantwortlich =",
            "nummerierung = \"ziel.massnahme\"\nverantwortlich =",
        )
        .model();
    let f = &model["felder"][0];
    let nrs = |key: &str| -> Vec<String> {
        f[key]
            .as_array()
            .unwrap()
            .iter()
            .map(|x| x["nr"].as_str().unwrap().to_string())
            .collect()
    };
    assert_eq!(nrs("ziele"), ["1", "2"]);
    // Numbered in sheet order (goal 2's first, goal 1's first, goal 2's
    // second), listed in number order; one without a goal keeps its number.
    assert_eq!(nrs("massnahmen"), ["1.1", "2.1", "2.2", "B4"]);
    assert_eq!(f["massnahmen"][1]["titel"], "Elternlotsen");
    assert_eq!(f["massnahmen"][1]["ziele"], serde_json::json!(["2"]));
    assert_eq!(
        f["ziele"][1]["massnahmen"],
        serde_json::json!(["2.1", "2.2"])
    );
    assert_eq!(
        model["leitlinien"][0]["ziele"],
        serde_json::json!(["2", "Oberziel 2"])
    );
    assert_eq!(model["oberziele"][0]["ziele"][0]["nr"], "1");
    assert_eq!(model["indikatoren"], serde_json::json!([]));
}

#[test]
fn an_unknown_numbering_is_an_error_in_the_project_file() {
    let out = Project::new()
        .edit_toml(
            "verantwortlich =",
            "nummerierung = \"kempten\"\nverantwortlich =",
        )
        .check(&[]);
    out.assert_code(1);
    assert!(
        out.errors()
            .iter()
            .any(|e| e.ends_with("unbekannte Nummerierung „kempten“")),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("erlaubt: feld, ziel.massnahme"),
        "{}",
        out.stderr
    );
}

#[test]
fn themes_list_the_goals_and_measures_tagged_with_them() {
    let model = hierarchy().model();
    let t = &model["querschnittsthemen"];
    assert_eq!(t[0]["name"], "Antidiskriminierung");
    assert_eq!(t[0]["beschreibung"], "Gegen jede Form von Diskriminierung.");
    assert_eq!(t[0]["ziele"], serde_json::json!([]));
    assert_eq!(t[0]["massnahmen"][0]["nr"], "B1");
    assert_eq!(t[1]["name"], "Ehrenamt");
    // „ehrenamt“ as typed is the declared theme.
    assert_eq!(t[1]["ziele"][0]["nr"], "B1");
    assert_eq!(t[1]["massnahmen"][0]["titel"], "Elternlotsen");
    assert_eq!(
        model["felder"][0]["massnahmen"][0]["themen"],
        serde_json::json!(["Antidiskriminierung", "Ehrenamt"])
    );
}

#[test]
fn an_undeclared_theme_is_a_warning_with_the_nearest() {
    let out = hierarchy()
        .cell(AG, "Maßnahmen", "E3", "Ehrenamtt")
        .check(&[]);
    out.assert_code(0);
    let w = out.warnings();
    assert_eq!(
        w,
        [format!(
            "warnung: {AG} › Maßnahmen › E3: das Querschnittsthema „Ehrenamtt“ ist nicht vereinbart und wird ignoriert"
        )],
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("meinten Sie „Ehrenamt“?"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_duplicate_theme_is_an_error() {
    let out = hierarchy()
        .edit_toml(
            "[[handlungsfeld]]",
            "[[querschnittsthema]]\nname = \"Ehrenamt\"\n\n[[handlungsfeld]]",
        )
        .check(&[]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("das Querschnittsthema „Ehrenamt“ ist doppelt angegeben"),
        "{}",
        out.stderr
    );
}

/// The overview and the theme sections reach the PDF (as tagged tables) and
/// the DOCX.
#[test]
fn hierarchy_and_themes_are_printed() {
    let project = hierarchy();
    project
        .build(&["--typst", "--no-submission"])
        .assert_code(0);
    let out = project.path().join("ausgabe");
    let typ = std::fs::read_to_string(out.join("Integrationskonzept-Teststadt-1.0.typ"))
        .expect("read .typ");
    assert!(typ.contains("#zwischentitel[Übersicht der Oberziele]"));
    assert!(typ.contains(
        "gruppenzeile(4)[Oberziel 1: Gleiche Bildungschancen – Bildung und Sprachförderung]"
    ));
    assert!(typ.contains("== Querschnittsthemen"));
    assert!(typ.contains("=== Antidiskriminierung"));
    assert!(typ.contains("[Führt zu: B2, Oberziel 2]"));
    let docx = docx_text(&out.join("Integrationskonzept-Teststadt-1.0.docx"));
    assert!(docx.contains("Übersicht der Oberziele"));
    assert!(docx.contains("Oberziel 2: Offene Institutionen – übergreifend"));
    assert!(docx.contains("Querschnittsthemen"));
    assert!(docx.contains("Elternlotsen (Antidiskriminierung, Ehrenamt)"));
}

/// The text of a DOCX's `document.xml`, tags stripped.
fn docx_text(path: &std::path::Path) -> String {
    let file = std::fs::File::open(path).expect("open docx");
    let mut zip = zip::ZipArchive::new(file).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document.xml"),
        &mut xml,
    )
    .expect("read");
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => text.push(c),
            _ => {}
        }
    }
    text
}

/// Without the new sheets, columns and keys the document has none of the
/// new parts and the Schwerpunkte chapter keeps its words.
#[test]
fn a_project_without_them_prints_no_new_part() {
    let project = Project::new();
    project
        .build(&["--typst", "--no-submission"])
        .assert_code(0);
    let typ = std::fs::read_to_string(
        project
            .path()
            .join("ausgabe/Integrationskonzept-Teststadt-1.0.typ"),
    )
    .expect("read .typ");
    for absent in [
        "Übersicht der Oberziele",
        "Querschnittsthemen",
        "Führt zu",
        "([Ort],",
        "([Themen],",
        "Auszug",
    ] {
        assert!(!typ.contains(absent), "{absent} in {typ}");
    }
    assert!(typ.contains("Maßnahmen mit hoher Priorität"), "{typ}");
    assert!(typ.contains("[*B1*], [Sprachcafé]"), "{typ}");
}
