//! The coordinator's round (issue 16, §1 and §2): a workbook that is still
//! the blank form is not handed in, placeholders and pre-typed numbers, the
//! checks for a council version, the Beschlussvorlage's wording about the
//! groups, and `konzept status` as table, JSON and Rücklauf workbook.
//!
//! The projects are made as a coordinator makes them: `konzept new`, then
//! two working groups fill their forms (with openpyxl, as Excel would save
//! them) and five send nothing back.

use crate::support::common::{konzept, Output, Project, AG, STEUERUNG};
use std::path::{Path, PathBuf};
use std::process::Command;
use tempfile::TempDir;

/// Runs a Python script (openpyxl) with arguments; panics with its output
/// if it fails.
fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("python3")
        .arg("-c")
        .arg(script)
        .args(args)
        .output()
        .expect("python3 runs");
    assert!(
        out.status.success(),
        "python failed:\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// Fills a form written by `konzept new` as a working group would: the
/// lead, the members, goals and measures below the header rows.
const FILL_FORM: &str = r#"
import sys, json, openpyxl
path, spec = sys.argv[1], json.loads(sys.argv[2])
wb = openpyxl.load_workbook(path)
for row in (wb["Arbeitsgruppe"].iter_rows() if "leitung" in spec else []):
    if row[0].value == "Leitung":
        row[1].value = spec["leitung"]
for sheet, key in [("Mitglieder", "mitglieder"), ("Ziele", "ziele"), ("Maßnahmen", "massnahmen"), ("Akteure", "akteure"), ("Texte", "texte")]:
    for r, values in enumerate(spec.get(key, []), start=2):
        for c, v in enumerate(values, start=1):
            if v != "":
                wb[sheet].cell(r, c, v)
wb.save(path)
"#;

fn fill(path: &Path, spec: serde_json::Value) {
    python(FILL_FORM, &[path.to_str().unwrap(), &spec.to_string()]);
}

/// `konzept new` with seven fields; the groups Bildung (2 members) and
/// Arbeit (1 member) hand in, the other five forms stay blank.
fn round_project() -> (TempDir, PathBuf) {
    let tmp = TempDir::new().unwrap();
    let dir = tmp.path().join("kleinhausen");
    konzept(&[
        "new",
        dir.to_str().unwrap(),
        "--kommune",
        "Stadt Kleinhausen",
    ])
    .assert_code(0);
    fill(
        &dir.join(STEUERUNG),
        serde_json::json!({
            "akteure": [
                ["Amt für Schule", "Verwaltung"],
                ["Volkshochschule Kleinhausen", "Bildungseinrichtungen"],
                ["Jobcenter Kleinhausen", "Verwaltung"],
            ]
        }),
    );
    fill(
        &dir.join("arbeitsgruppen/ag-bildung.xlsx"),
        serde_json::json!({
            "leitung": "Frank Hermann (Amt für Schule)",
            "mitglieder": [
                ["Frank Hermann", "Amt für Schule", "Leitung"],
                ["Aylin Kaya", "Volkshochschule Kleinhausen", ""],
            ],
            "ziele": [["1", "Mehr Kinder sprechen bei der Einschulung gut Deutsch"]],
            "massnahmen": [
                ["1", "1", "Sprachcafé für Eltern", "", "", "Volkshochschule Kleinhausen", "Amt für Schule", "2027", "2028", "12000", "", "hoch", "geplant"],
            ],
        }),
    );
    fill(
        &dir.join("arbeitsgruppen/ag-arbeit.xlsx"),
        serde_json::json!({
            "leitung": "Petra Lange (Jobcenter Kleinhausen)",
            "mitglieder": [["Petra Lange", "Jobcenter Kleinhausen", "Leitung"]],
            "ziele": [["1", "Mehr Zugewanderte finden Arbeit"]],
            "massnahmen": [
                ["1", "1", "Jobmesse", "", "", "Jobcenter Kleinhausen", "", "2027", "2027", "5000", "", "mittel", "geplant"],
            ],
        }),
    );
    (tmp, dir)
}

fn status(dir: &Path, args: &[&str]) -> Output {
    let mut all = vec!["status", dir.to_str().unwrap()];
    all.extend_from_slice(args);
    konzept(&all)
}

/// The line of the status table that starts with `field`.
fn row<'a>(out: &'a Output, field: &str) -> &'a str {
    out.stdout
        .lines()
        .find(|l| l.starts_with(field))
        .unwrap_or_else(|| panic!("no line for {field}:\n{}", out.stdout))
}

#[test]
fn five_blank_forms_of_seven_are_not_handed_in() {
    let (_tmp, dir) = round_project();
    let out = konzept(&["check", dir.to_str().unwrap()]);
    out.assert_code(0);
    let blank: Vec<&str> = out
        .warnings()
        .into_iter()
        .filter(|w| w.contains("ist noch das leere Formular und gilt als nicht abgegeben"))
        .collect();
    assert_eq!(blank.len(), 5, "{}", out.stderr);
    assert!(
        blank.iter().any(|w| w.starts_with(
            "warnung: arbeitsgruppen/ag-wohnen.xlsx: die Arbeitsmappe für „Wohnen und Zusammenleben“"
        )),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("hinweis: es fehlen Leitung, Mitglieder, Ziele und Maßnahmen;"),
        "{}",
        out.stderr
    );
    // One warning per blank form: no „Leitung fehlt“, no placeholder warning for „N. N.“.
    assert_eq!(out.warnings().len(), 5, "{}", out.stderr);
    assert!(out.errors().is_empty(), "{}", out.stderr);

    let out = status(&dir, &[]);
    out.assert_code(0);
    assert!(
        out.stdout
            .contains("2 von 7 Arbeitsmappen abgegeben, 5 leer"),
        "{}",
        out.stdout
    );
    let bildung = row(&out, "Bildung und Sprachförderung");
    assert!(bildung.contains("ag-bildung.xlsx"), "{bildung}");
    assert!(bildung.ends_with("vollständig"), "{bildung}");
    assert!(bildung.contains("Frank Hermann"), "{bildung}");
    for field in [
        "Wohnen und Zusammenleben",
        "Jugend und Soziales",
        "Gesundheitsversorgung",
        "Kultur und Religion",
        "Interkulturelle Öffnung der Verwaltung",
    ] {
        assert!(row(&out, field).ends_with("leer"), "{}", out.stdout);
    }
}

#[test]
fn status_shows_missing_and_broken_workbooks_and_exits_0() {
    let (_tmp, dir) = round_project();
    std::fs::remove_file(dir.join("arbeitsgruppen/ag-wohnen.xlsx")).unwrap();
    // The Arbeit group typed a month that does not exist.
    fill(
        &dir.join("arbeitsgruppen/ag-arbeit.xlsx"),
        serde_json::json!({"massnahmen": [["1", "1", "Jobmesse", "", "", "Jobcenter Kleinhausen", "", "13/2027"]]}),
    );
    let out = status(&dir, &[]);
    out.assert_code(0);
    let wohnen = row(&out, "Wohnen und Zusammenleben");
    assert!(wohnen.contains("fehlt"), "{wohnen}");
    assert!(wohnen.ends_with("fehlt"), "{wohnen}");
    let arbeit = row(&out, "Arbeit und Wirtschaft");
    assert!(arbeit.ends_with("mit Fehlern"), "{arbeit}");
    assert!(
        out.stdout
            .contains("2 von 7 Arbeitsmappen abgegeben, 4 leer, 1 fehlt, 1 mit Fehlern"),
        "{}",
        out.stdout
    );

    // A workbook for a field nobody configured is shown too, with its error.
    fill(
        &dir.join("arbeitsgruppen/ag-jugend.xlsx"),
        serde_json::json!({"massnahmen": [["1", "", "Jugendtreff", "", "", "Jobcenter Kleinhausen"]]}),
    );
    python(
        r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
wb["Arbeitsgruppe"]["B3"] = "Sport"
wb.save(sys.argv[1])
"#,
        &[dir.join("arbeitsgruppen/ag-jugend.xlsx").to_str().unwrap()],
    );
    let out = status(&dir, &[]);
    out.assert_code(0);
    let sport = row(&out, "(ohne Handlungsfeld)");
    assert!(sport.contains("ag-jugend.xlsx"), "{sport}");
    assert!(sport.ends_with("mit Fehlern"), "{sport}");
    assert!(row(&out, "Jugend und Soziales").ends_with("fehlt"));
    assert!(
        out.stdout.contains(
            "2 von 7 Arbeitsmappen abgegeben, 3 leer, 2 fehlen, 1 mit Fehlern, 1 weitere Mappe ohne Handlungsfeld"
        ),
        "{}",
        out.stdout
    );

    // The same as JSON, for scripts.
    let out = status(&dir, &["--format", "json"]);
    out.assert_code(0);
    let json = out.json();
    let felder = json["felder"].as_array().unwrap();
    assert_eq!(felder.len(), 7);
    assert_eq!(json["kommune"], "Stadt Kleinhausen");
    assert_eq!(json["abgegeben"], 2);
    let by_name = |n: &str| {
        felder
            .iter()
            .find(|f| f["handlungsfeld"] == n)
            .unwrap_or_else(|| panic!("{n} in {json}"))
    };
    let arbeit = by_name("Arbeit und Wirtschaft");
    assert_eq!(arbeit["zustand"], "mit Fehlern");
    assert_eq!(arbeit["fehler"], 1);
    assert_eq!(arbeit["arbeitsmappe"], "arbeitsgruppen/ag-arbeit.xlsx");
    assert_eq!(arbeit["gespeichert_laut"], "arbeitsmappe");
    let bildung = by_name("Bildung und Sprachförderung");
    assert_eq!(bildung["zustand"], "vollständig");
    assert_eq!(bildung["mitglieder"], 2);
    assert_eq!(bildung["ziele"], 1);
    assert_eq!(bildung["massnahmen"], 1);
    let wohnen = by_name("Wohnen und Zusammenleben");
    assert_eq!(wohnen["zustand"], "fehlt");
    assert!(wohnen["arbeitsmappe"].is_null());
    assert_eq!(by_name("Kultur und Religion")["zustand"], "leer");
    assert_eq!(felder.iter().filter(|f| f["zustand"] == "leer").count(), 3);
    assert_eq!(
        json["ohne_handlungsfeld"][0]["arbeitsmappe"],
        "arbeitsgruppen/ag-jugend.xlsx"
    );
    assert_eq!(json["ohne_handlungsfeld"][0]["zustand"], "mit Fehlern");
    // The folder may also follow the format.
    let again = konzept(&["status", "--format", "json", dir.to_str().unwrap()]);
    again.assert_code(0);
    assert_eq!(again.json(), json);
}

#[test]
fn status_writes_a_ruecklauf_workbook() {
    let (tmp, dir) = round_project();
    std::fs::remove_file(dir.join("arbeitsgruppen/ag-kultur.xlsx")).unwrap();
    let file = tmp.path().join("Rücklauf Kleinhausen.xlsx");
    let out = status(&dir, &["--format", "xlsx", file.to_str().unwrap()]);
    out.assert_code(0);
    assert!(out.stderr.contains("geschrieben:"), "{}", out.stderr);
    let read = python(
        r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.active
rows = [[c.value if not hasattr(c.value, "strftime") else c.value.strftime("%d.%m.%Y") for c in r] for r in ws.iter_rows()]
fills = {r[9].value: r[9].fill.fgColor.rgb for r in ws.iter_rows(min_row=5)}
print(json.dumps({"title": ws.title, "rows": rows, "filter": ws.auto_filter.ref, "fills": fills,
                  "freeze": ws.freeze_panes, "width": ws.column_dimensions["A"].width}))
"#,
        &[file.to_str().unwrap()],
    );
    let wb: serde_json::Value = serde_json::from_str(&read).unwrap();
    assert_eq!(wb["title"], "Rücklauf");
    let rows = wb["rows"].as_array().unwrap();
    let title = rows[0][0].as_str().unwrap();
    assert!(
        title.starts_with("Rücklauf der Arbeitsmappen – Stadt Kleinhausen, Stand "),
        "{title}"
    );
    assert_eq!(rows[3][0], "Handlungsfeld");
    assert_eq!(rows[3][9], "Zustand");
    assert_eq!(wb["filter"], "A4:J11");
    assert_eq!(wb["freeze"], "A5");
    assert!(wb["width"].as_f64().unwrap() > 30.0);
    let line = |field: &str| {
        rows.iter()
            .find(|r| r[0] == field)
            .unwrap_or_else(|| panic!("{field} in {rows:?}"))
    };
    let bildung = line("Bildung und Sprachförderung");
    assert_eq!(bildung[1], "arbeitsgruppen/ag-bildung.xlsx");
    assert_eq!(bildung[4], 2);
    assert_eq!(bildung[9], "vollständig");
    assert!(bildung[2].as_str().unwrap().contains('.'), "{bildung:?}");
    assert_eq!(line("Kultur und Religion")[9], "fehlt");
    assert_eq!(line("Kultur und Religion")[1], "fehlt");
    assert_eq!(line("Jugend und Soziales")[9], "leer");
    // Each state has its own colour.
    let fills = wb["fills"].as_object().unwrap();
    let colours: std::collections::BTreeSet<&str> =
        fills.values().map(|v| v.as_str().unwrap()).collect();
    assert_eq!(colours.len(), 3, "{fills:?}");
    assert_eq!(fills["vollständig"], "FFC6EFCE");
}

#[test]
fn status_of_a_folder_without_project_says_so() {
    let tmp = TempDir::new().unwrap();
    let out = status(tmp.path(), &[]);
    out.assert_code(1);
    assert!(out.stderr.contains("konzept.toml"), "{}", out.stderr);
    assert!(out.stdout.is_empty());
    let out = status(tmp.path(), &["--format", "pdf"]);
    out.assert_code(2);
    assert!(
        out.stderr.contains("text, json oder xlsx"),
        "{}",
        out.stderr
    );
}

#[test]
fn placeholders_are_warnings_at_their_cell() {
    let out = Project::new()
        .cell(AG, "Arbeitsgruppe", "B3", "N. N.")
        .cell(AG, "Ziele", "C2", "TODO")
        .rows(
            AG,
            "Maßnahmen",
            &[&["2", "1", "Elterncafé", "XY", "", "2027", "2027", "", "", ""]],
        )
        .check(&[]);
    out.assert_code(0);
    let w = out.warnings();
    assert!(
        w.contains(&"warnung: arbeitsgruppen/ag-bildung.xlsx › Arbeitsgruppe › B3: „N. N.“ ist ein Platzhalter, keine Angabe"),
        "{}",
        out.stderr
    );
    assert!(
        w.contains(&"warnung: arbeitsgruppen/ag-bildung.xlsx › Ziele › C2: „TODO“ ist ein Platzhalter, keine Angabe"),
        "{}",
        out.stderr
    );
    assert!(
        w.iter().any(|l| l.starts_with(
            "warnung: arbeitsgruppen/ag-bildung.xlsx › Maßnahmen › D3: „XY“ ist ein Platzhalter"
        )),
        "{}",
        out.stderr
    );
    // The placeholder is not also reported as an unknown actor.
    assert!(
        !out.stderr.contains("„XY“ steht nicht in der Akteursliste"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains(
        "hinweis: die richtige Angabe eintragen (z. B. den Namen der Person) oder die Zelle leeren"
    ));
}

#[test]
fn rows_with_only_a_pre_typed_number_are_empty_rows() {
    let numbers: Vec<String> = (2..=20).map(|n| format!("B-{n}")).collect();
    let mut project = Project::new();
    for n in &numbers {
        project = project.rows(AG, "Maßnahmen", &[&[n.as_str()]]);
    }
    project = project.rows(AG, "Ziele", &[&["B-2"], &["B-3"]]);
    let out = project.check(&[]);
    out.assert_code(0);
    assert!(out.errors().is_empty(), "{}", out.stderr);
    assert!(out.warnings().is_empty(), "{}", out.stderr);
    let model = project.model();
    assert_eq!(
        model["felder"][0]["massnahmen"].as_array().unwrap().len(),
        1
    );
    assert_eq!(model["felder"][0]["ziele"].as_array().unwrap().len(), 1);

    // A row with a number and a title is a row: its missing Federführung is an error.
    let out = Project::new()
        .rows(AG, "Maßnahmen", &[&["B-2", "1", "Lesepaten"]])
        .check(&[]);
    out.assert_code(1);
    assert_eq!(
        out.errors(),
        vec!["fehler: arbeitsgruppen/ag-bildung.xlsx › Maßnahmen › D3: Federführung fehlt"]
    );
}

fn council(extra: &str) -> Project {
    Project::new().edit_toml(
        "version = ",
        &format!("status = \"Beschlussvorlage\"\n{extra}version = "),
    )
}

#[test]
fn a_council_version_names_what_the_council_would_miss() {
    let out = council("")
        .sheet(
            STEUERUNG,
            "Texte",
            &[
                &["Abschnitt", "Text"],
                &["Vorwort", "Liebe Musterstädterinnen und Musterstädter,"],
                &[
                    "Beschlussvorschlag",
                    "Der Rat der Stadt Musterstadt beschließt das Konzept.",
                ],
            ],
        )
        .check(&[]);
    out.assert_code(0);
    let w = out.warnings();
    assert!(
        w.contains(&"warnung: konzept.toml › dokument.vorlage: die Nummer der Beschlussvorlage fehlt (Status „Beschlussvorlage“)"),
        "{}",
        out.stderr
    );
    assert!(
        w.contains(&"warnung: konzept.toml › dokument.sitzung: das Datum der Ratssitzung fehlt (Status „Beschlussvorlage“)"),
        "{}",
        out.stderr
    );
    for cell in ["B2", "B3"] {
        assert!(
            w.contains(&format!("warnung: steuerung.xlsx › Texte › {cell}: der Text nennt noch „Musterstadt“, die Beispielkommune; das Konzept ist für „Teststadt“").as_str()),
            "{}",
            out.stderr
        );
    }
    assert_eq!(w.len(), 4, "{}", out.stderr);

    // Complete: no warnings. A field whose group handed in no measures is one.
    let complete = council("vorlage = \"Drucksache 2027/015\"\nsitzung = 2027-03-18\n");
    let out = complete.check(&[]);
    assert!(out.warnings().is_empty(), "{}", out.stderr);
    let out = council("vorlage = \"Drucksache 2027/015\"\nsitzung = 2027-03-18\n")
        .sheet(
            AG,
            "Maßnahmen",
            &[&["Nr", "Ziel", "Maßnahme", "Federführung"]],
        )
        .check(&[]);
    assert_eq!(
        out.warnings(),
        vec!["warnung: arbeitsgruppen/ag-bildung.xlsx › Maßnahmen: das Handlungsfeld „Bildung und Sprachförderung“ hat keine Maßnahmen, die Vorlage geht aber mit Status „Beschlussvorlage“ an den Rat"]
    );
    // A draft may still be incomplete.
    let out = Project::new()
        .sheet(
            AG,
            "Maßnahmen",
            &[&["Nr", "Ziel", "Maßnahme", "Federführung"]],
        )
        .check(&[]);
    assert!(out.warnings().is_empty(), "{}", out.stderr);
}

/// The text of a DOCX's main part, paragraphs on lines.
fn docx_text(file: &Path) -> String {
    python(
        r#"
import sys, docx
print("\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))
"#,
        &[file.to_str().unwrap()],
    )
}

fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_submission_counts_only_handed_in_groups() {
    let (_tmp, dir) = round_project();
    let out = konzept(&["build", dir.to_str().unwrap()]);
    out.assert_code(0);
    let ausgabe = dir.join("ausgabe");
    let find = |ext: &str| {
        std::fs::read_dir(&ausgabe)
            .unwrap()
            .flatten()
            .map(|e| e.path())
            .find(|p| {
                let name = p.file_name().unwrap().to_string_lossy().into_owned();
                name.starts_with("Beschlussvorlage") && name.ends_with(ext)
            })
            .unwrap_or_else(|| panic!("no Beschlussvorlage .{ext} in {}", ausgabe.display()))
    };
    let pdf = Command::new("pdftotext")
        .args([find(".pdf").to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) runs");
    let pdf = squash(&String::from_utf8_lossy(&pdf.stdout))
        .replace("- ", "-")
        .replace("\u{ad} ", "");
    let docx = squash(&docx_text(&find(".docx")));
    for (format, text) in [("PDF", &pdf), ("DOCX", &docx)] {
        assert!(
            text.contains("bisher in zwei der sieben Arbeitsgruppen mit zusammen drei Mitgliedern"),
            "{format}:\n{text}"
        );
        assert!(
            !text.contains("in sieben Arbeitsgruppen"),
            "{format}:\n{text}"
        );
        assert!(
            text.contains("liegen die Ergebnisse der Arbeitsgruppen noch nicht vor"),
            "{format}:\n{text}"
        );
    }
    // The concept says the five fields are still being worked on, not „N. N.“.
    let concept = std::fs::read_dir(&ausgabe)
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| {
            let n = p.file_name().unwrap().to_string_lossy().into_owned();
            n.starts_with("Integrationskonzept") && n.ends_with(".docx")
        })
        .unwrap();
    let text = docx_text(&concept);
    assert!(!text.contains("N. N."), "{text}");
    assert_eq!(
        text.matches("Dieses Handlungsfeld wird noch bearbeitet")
            .count(),
        5,
        "{text}"
    );
}
