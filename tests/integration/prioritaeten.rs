//! Priority schemes (`dokument.prioritaeten`): the words of the column
//! „Priorität“ of goals, measures and recommendations, the Schwerpunkte
//! chapter, the submission and the forms' dropdown follow the scheme.

use crate::support::common::*;

fn scheme(name: &str) -> Project {
    Project::new().edit_toml(
        "verantwortlich =",
        &format!("prioritaeten = \"{name}\"\nverantwortlich ="),
    )
}

/// Three measures with the given priorities (column J).
fn measures(p: Project, prios: [&str; 3]) -> Project {
    p.sheet(
        AG,
        "Maßnahmen",
        &[
            &["Nr", "Ziel", "Maßnahme", "Federführung", "Priorität"],
            &["1", "1", "Sprachcafé", "Amt für Schule", prios[0]],
            &["2", "1", "Elternlotsen", "Volkshochschule", prios[1]],
            &["3", "1", "Netzwerktreffen", "Caritas", prios[2]],
        ],
    )
}

fn texts(model: &serde_json::Value) -> Vec<String> {
    model["felder"][0]["massnahmen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["prioritaet_text"].as_str().unwrap_or("–").to_string())
        .collect()
}

fn schwerpunkte(model: &serde_json::Value) -> Vec<String> {
    model["schwerpunkte"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["nr"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn the_default_scheme_prints_as_before() {
    let model = measures(Project::new(), ["hoch", "B", "3"]).model();
    assert_eq!(texts(&model), ["hoch", "mittel", "niedrig"]);
    assert_eq!(model["prioritaeten"]["schema"], "hoch-mittel-niedrig");
    assert_eq!(
        model["prioritaeten"]["titel"],
        "Maßnahmen mit hoher Priorität"
    );
    assert_eq!(schwerpunkte(&model), ["B1"]);
}

#[test]
fn abc_prints_letters_and_still_understands_words() {
    let model = measures(scheme("abc"), ["A", "hoch", "c"]).model();
    assert_eq!(texts(&model), ["A", "A", "C"]);
    assert_eq!(schwerpunkte(&model), ["B1", "B2"]);
    assert_eq!(model["prioritaeten"]["titel"], "Maßnahmen der Priorität A");
    assert_eq!(
        model["prioritaeten"]["stufen"],
        serde_json::json!(["A", "B", "C"])
    );
}

#[test]
fn terms_read_their_words_and_refuse_others_at_the_cell() {
    let model = measures(
        scheme("fristen"),
        ["kurzfristig", "Mittelfristig", "langfristig"],
    )
    .model();
    assert_eq!(
        texts(&model),
        ["kurzfristig", "mittelfristig", "langfristig"]
    );
    assert_eq!(schwerpunkte(&model), ["B1"]);
    let out = measures(scheme("fristen"), ["bald", "", ""]).check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        [format!(
            "fehler: {AG} › Maßnahmen › E2: Priorität: „bald“ ist ungültig; erwartet: kurzfristig, mittelfristig oder langfristig"
        )],
        "{}",
        out.stderr
    );
}

#[test]
fn focus_scheme_has_schwerpunkt_and_quick_win() {
    let model = measures(scheme("schwerpunkt"), ["Schwerpunkt", "Quick-Win", ""]).model();
    assert_eq!(texts(&model), ["Schwerpunktmaßnahme", "Quick-Win", "–"]);
    assert_eq!(model["prioritaeten"]["titel"], "Schwerpunktmaßnahmen");
    assert_eq!(schwerpunkte(&model), ["B1"]);
}

#[test]
fn points_of_a_vote_make_the_top_measures_of_each_field_schwerpunkte() {
    let p = measures(scheme("punkte"), ["3", "12", "7"]).edit_toml(
        "prioritaeten = \"punkte\"",
        "prioritaeten = \"punkte\"\npunkte_top = 2",
    );
    let model = p.model();
    assert_eq!(texts(&model), ["3 Punkte", "12 Punkte", "7 Punkte"]);
    assert_eq!(schwerpunkte(&model), ["B2", "B3"]);
    let m = &model["felder"][0]["massnahmen"];
    assert_eq!(m[0]["prioritaet"], "mittel");
    assert_eq!(m[1]["prioritaet"], "hoch");
    assert_eq!(
        model["prioritaeten"]["titel"],
        "Die 2 Maßnahmen je Handlungsfeld mit den meisten Punkten"
    );
    let out = measures(scheme("punkte"), ["-2", "", ""]).check(&[]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("erwartet: eine Punktzahl (0 oder mehr)"),
        "{}",
        out.stderr
    );
}

#[test]
fn goals_have_a_priority_too() {
    let model = scheme("abc")
        .sheet(
            AG,
            "Ziele",
            &[
                &["Nr", "Ziel", "Priorität"],
                &["1", "Mehr Kinder sprechen gut Deutsch", "b"],
            ],
        )
        .model();
    let z = &model["felder"][0]["ziele"][0];
    assert_eq!(z["prioritaet"], "mittel");
    assert_eq!(z["prioritaet_text"], "B");
}

#[test]
fn an_unknown_scheme_is_an_error_in_the_project_file() {
    let out = scheme("ABC-Analyse").check(&[]);
    out.assert_code(1);
    assert!(
        out.errors()
            .iter()
            .any(|e| e.ends_with("unbekanntes Prioritätenschema „ABC-Analyse“")),
        "{}",
        out.stderr
    );
}

/// The chapter, the tables and the submission use the scheme's words.
#[test]
fn documents_follow_the_scheme() {
    let p = measures(scheme("fristen"), ["kurzfristig", "langfristig", ""]);
    p.build(&["--typst"]).assert_code(0);
    let out = p.path().join("ausgabe");
    let typ = std::fs::read_to_string(out.join("Integrationskonzept-Teststadt-1.0.typ")).unwrap();
    assert!(
        typ.contains("caption: [Kurzfristig umzusetzende Maßnahmen (eine von drei)]")
            || typ.contains("caption: [Kurzfristig umzusetzende Maßnahmen (1 von 3)]"),
        "{typ}"
    );
    assert!(typ.contains("[kurzfristig], ["), "{typ}");
    let vorlage = std::fs::read_to_string(out.join("Beschlussvorlage-Teststadt-1.0.typ")).unwrap();
    assert!(vorlage.contains("[davon kurzfristig]"), "{vorlage}");
    assert!(
        vorlage.contains("als kurzfristig umzusetzen ausgewiesen"),
        "{vorlage}"
    );
}

/// `konzept workbooks --refresh` writes the scheme's words as the dropdown.
#[test]
fn the_forms_offer_the_schemes_words() {
    let p = scheme("fristen");
    let dir = p.write();
    konzept(&["workbooks", "--refresh", dir.to_str().unwrap()]).assert_code(0);
    let form = dir.join("formulare/ag-bildung.xlsx");
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
print("\n".join(str(c.value) for row in wb["Listen"].iter_rows() for c in row if c.value is not None))
"#;
    let out = std::process::Command::new("python3")
        .args(["-c", script, form.to_str().unwrap()])
        .output()
        .expect("python3 with openpyxl (tools/test.sh installs it)");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let lists = String::from_utf8_lossy(&out.stdout);
    for w in ["kurzfristig", "mittelfristig", "langfristig"] {
        assert!(lists.lines().any(|l| l == w), "{w} not in {lists}");
    }
    assert!(!lists.lines().any(|l| l == "hoch"), "{lists}");
}

#[test]
fn the_summary_page_counts_the_schemes_first_rank() {
    let summary = |model: &serde_json::Value| {
        (
            model["auf_einen_blick"]["punkte"].to_string(),
            model["prioritaeten"]["spalte"].clone(),
        )
    };
    let (punkte, spalte) = summary(&measures(Project::new(), ["hoch", "hoch", "3"]).model());
    assert!(
        punkte.contains("Von den 3 Maßnahmen haben zwei hohe Priorität"),
        "{punkte}"
    );
    assert_eq!(spalte, "davon hohe Priorität");
    let (punkte, spalte) = summary(&measures(scheme("abc"), ["A", "B", "C"]).model());
    assert!(
        punkte.contains("Eine der 3 Maßnahmen ist mit Priorität A ausgewiesen"),
        "{punkte}"
    );
    assert_eq!(spalte, "davon Priorität A");
    let (punkte, _) = summary(&measures(scheme("schwerpunkt"), ["Quick-Win"; 3]).model());
    assert!(
        punkte.contains("Keine Maßnahme ist bisher als Schwerpunktmaßnahmen ausgewiesen"),
        "{punkte}"
    );
}
