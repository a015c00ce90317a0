//! konzept.toml in plain German: every slip a person editing the file by
//! hand makes is reported at its line, in German, with the corrected line as
//! the hint; keyword values are case-insensitive.

use crate::support::common::*;

/// (the line as typed, where it replaces a line of the minimal konzept.toml,
/// the corrected line the hint must show)
const TYPOS: &[(&str, &str, &str)] = &[
    (
        "stand = 07.12.2026",
        "stand = 2026-11-15",
        "stand = 2026-12-07",
    ),
    (
        "gremium = Rat der Gemeinde",
        "version = \"1.0\"",
        "gremium = \"Rat der Gemeinde\"",
    ),
    (
        "laufzeit = \"2026-2030\"",
        "laufzeit = { von = 2026, bis = 2030 }",
        "laufzeit = { von = 2026, bis = 2030 }",
    ),
    (
        "laufzeit = 2026-2030",
        "laufzeit = { von = 2026, bis = 2030 }",
        "laufzeit = { von = 2026, bis = 2030 }",
    ),
    (
        "titel = „Integrationskonzept“",
        "titel = \"Integrationskonzept der Stadt Teststadt\"",
        "titel = \"Integrationskonzept\"",
    ),
    (
        "verantwortlich = \"Amt für Integration",
        "verantwortlich = \"Amt für Integration\"",
        "verantwortlich = \"Amt für Integration\"",
    ),
    ("[dokument", "[dokument]", "[dokument]"),
    (
        "titel: \"Integrationskonzept\"",
        "titel = \"Integrationskonzept der Stadt Teststadt\"",
        "titel = \"Integrationskonzept\"",
    ),
    (
        "version = 1.0.2",
        "version = \"1.0\"",
        "version = \"1.0.2\"",
    ),
    (
        "name = \"Teststadt\"\nname = \"Neustadt\"",
        "name = \"Teststadt\"",
        "",
    ),
    (
        "laufzeit = { von = \"2026\", bis = 2030 }",
        "laufzeit = { von = 2026, bis = 2030 }",
        "von = 2026",
    ),
    (
        "farbe = #005CA9",
        "[[handlungsfeld]]",
        "farbe = \"#005CA9\"",
    ),
    (
        "formate = pdf, docx",
        "[[handlungsfeld]]",
        "formate = [\"pdf\", \"docx\"]",
    ),
    (
        "formate = [\"pdf\" \"docx\"]   # ohne Vorlage",
        "[[handlungsfeld]]",
        "formate = [\"pdf\", \"docx\"]",
    ),
    (
        "oeffentlich = ja",
        "[[handlungsfeld]]",
        "oeffentlich = true",
    ),
    (
        "laufzeit = { von = 2026 bis = 2030 }",
        "laufzeit = { von = 2026, bis = 2030 }",
        "laufzeit = { von = 2026, bis = 2030 }",
    ),
    (
        "name = \"Bad\" \"Teststadt\"",
        "name = \"Teststadt\"",
        "name = \"Bad Teststadt\"",
    ),
    ("kurz = B", "kurz = \"B\"", "kurz = \"B\""),
    (
        "Amt für Integration",
        "verantwortlich = \"Amt für Integration\"",
        "# Amt für Integration",
    ),
];

const JARGON: [&str; 8] = [
    "unexpected",
    "expected",
    "must be quoted",
    "invalid",
    "string",
    "struct",
    "gültiges toml",
    "erwartet: abschnitt",
];

#[test]
fn every_typo_is_a_german_sentence_with_the_fixed_line() {
    for (typed, replaces, fixed) in TYPOS {
        // Keys of other tables get theirs; the others replace their line.
        let table = match typed.split(' ').next() {
            Some("farbe") => "[gestaltung]",
            Some("formate") => "[ausgabe]",
            Some("oeffentlich") => "[[beratung]]\ngremium = \"Rat der Stadt Teststadt\"",
            _ => "",
        };
        let to = if table.is_empty() {
            typed.to_string()
        } else {
            format!("{table}\n{typed}\n\n[[handlungsfeld]]")
        };
        let p = Project::new().edit_toml(replaces, &to);
        let out = p.check(&[]);
        out.assert_code(1);
        let errors = out.errors();
        assert_eq!(errors.len(), 1, "{typed}:\n{}", out.stderr);
        let line = p_line(p.path(), typed.lines().last().unwrap_or(typed));
        assert!(
            errors[0].starts_with(&format!("fehler: konzept.toml › Zeile {line}: ")),
            "{typed}: wrong line:\n{}",
            out.stderr
        );
        for word in JARGON {
            assert!(
                !out.stderr.to_lowercase().contains(&word.to_lowercase()),
                "{typed}: jargon „{word}“:\n{}",
                out.stderr
            );
        }
        if !fixed.is_empty() {
            assert!(
                out.stderr
                    .contains(&format!("hinweis: so schreiben: {fixed}")),
                "{typed}: no fixed line „{fixed}“:\n{}",
                out.stderr
            );
        } else {
            assert!(out.stderr.contains("zweimal"), "{typed}:\n{}", out.stderr);
        }
    }
}

/// The 1-based line of the last line of `typed` in the written konzept.toml.
fn p_line(dir: &std::path::Path, typed: &str) -> usize {
    let text = std::fs::read_to_string(dir.join("konzept.toml")).expect("written");
    text.lines()
        .position(|l| l == typed)
        .map(|i| i + 1)
        .unwrap_or_else(|| panic!("{typed} not in\n{text}"))
}

#[test]
fn keywords_are_case_insensitive() {
    let p = Project::new()
        .edit_toml("[dokument]", "[dokument]\nstatus = \"entwurf\"")
        .edit_toml(
            "[[handlungsfeld]]",
            "[ausgabe]\nformate = [\"PDF\"]\n\n[[handlungsfeld]]",
        )
        .edit_toml(
            "name = \"Teststadt\"",
            "name = \"Teststadt\"\nart = \"STADT\"",
        );
    let out = p.check(&[]);
    out.assert_code(0);
    assert!(out.warnings().is_empty(), "{}", out.stderr);
    assert_eq!(p.model()["meta"]["status"], "Entwurf", "{}", out.stderr);
}

/// A folder with a space: the commands `konzept new` prints can be copied
/// as they are; a path to konzept.toml itself is the project.
#[test]
fn paths_with_spaces_are_quoted_and_konzept_toml_is_the_project() {
    let tmp = tempfile::TempDir::new().expect("temp");
    let dir = tmp.path().join("Integrationskonzept 2027");
    let d = dir.to_str().expect("UTF-8");
    let out = konzept(&["new", d]);
    out.assert_code(0);
    assert!(
        out.stderr.contains(&format!("konzept check \"{d}\"")),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains(&format!("konzept build \"{d}\"")),
        "{}",
        out.stderr
    );
    let toml = dir.join("konzept.toml");
    let t = toml.to_str().expect("UTF-8");
    let checked = konzept(&["check", t]);
    checked.assert_code(0);
    assert!(
        checked.summary().starts_with("0 Fehler"),
        "{}",
        checked.stderr
    );
    let refreshed = konzept(&["workbooks", "--refresh", t]);
    refreshed.assert_code(0);
    assert!(
        dir.join("formulare/ag-bildung.xlsx").exists(),
        "{}",
        refreshed.stderr
    );
}

/// „1 Maßnahme ohne Kostenangabe ist …“: number agreement in the PDF and
/// the DOCX (one measure with a cost, one without).
#[test]
fn one_measure_without_cost_is_singular_in_both_formats() {
    let p = Project::new()
        .cell(AG, "Maßnahmen", "H2", "5.000 €")
        .rows(
            AG,
            "Maßnahmen",
            &[&[
                "2",
                "1",
                "Elterncafé",
                "Caritas",
                "",
                "2027",
                "2028",
                "",
                "mittel",
                "geplant",
            ]],
        )
        .edit_toml(
            "[[handlungsfeld]]",
            "[ausgabe]\nformate = [\"pdf\", \"docx\"]\n\n[[handlungsfeld]]",
        );
    let out = p.build(&["--pdf-standard", "none"]);
    out.assert_code(0);
    let ausgabe = p.path().join("ausgabe");
    let file = |ext: &str| {
        std::fs::read_dir(&ausgabe)
            .expect("ausgabe")
            .map(|e| e.expect("entry").path())
            .find(|p| p.extension().is_some_and(|e| e == ext))
            .unwrap_or_else(|| panic!("no .{ext} in {}", out.stderr))
    };
    let pdf = std::process::Command::new("pdftotext")
        .args(["-raw", "-enc", "UTF-8", file("pdf").to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils) runs");
    let pdf = String::from_utf8_lossy(&pdf.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    assert!(
        pdf.contains("1 Maßnahme ohne Kostenangabe ist in den Summen nicht enthalten."),
        "{pdf}"
    );
    let mut zip =
        zip::ZipArchive::new(std::fs::File::open(file("docx")).expect("docx")).expect("zip");
    let mut xml = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name("word/document.xml").expect("document"),
        &mut xml,
    )
    .expect("read");
    let text: String = xml
        .split("<w:t")
        .skip(1)
        .filter_map(|p| {
            p.split_once('>')
                .and_then(|(_, r)| r.split_once("</w:t>"))
                .map(|(t, _)| t)
        })
        .collect();
    assert!(
        text.contains("1 Maßnahme ohne Kostenangabe ist in den Summen nicht enthalten."),
        "{text}"
    );
}

/// `[rueckgabe]` is a known table; its deadline must be a date.
#[test]
fn return_deadline_is_checked_like_every_date() {
    let with = |bis: &str| {
        Project::new().edit_toml(
            "[[handlungsfeld]]",
            &format!("[rueckgabe]\nbis = {bis}\nan = \"Integrationsbüro\"\n\n[[handlungsfeld]]"),
        )
    };
    let ok = with("\"31.03.2027\"").check(&[]);
    ok.assert_code(0);
    assert!(ok.warnings().is_empty(), "{}", ok.stderr);
    let bad = with("\"Ende März\"").check(&[]);
    bad.assert_code(1);
    assert_eq!(
        bad.errors(),
        ["fehler: konzept.toml › Zeile 12: `rueckgabe.bis` ist kein gültiges Datum"],
        "{}",
        bad.stderr
    );
}
