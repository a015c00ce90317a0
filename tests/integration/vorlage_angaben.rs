//! The optional parts of the Beschlussvorlage (issue 18): roles and
//! per-body proposals in the Beratungsfolge, header data, budget table,
//! extra sections from the sheet Texte, signature block and Vorgang.
//! `examples/beispielkreis` sets every key; `examples/musterstadt` none,
//! and its submission stays as it was.

use crate::support::werkzeuge::{self, require, require_python_docx};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

struct Built {
    _dir: tempfile::TempDir,
    ausgabe: PathBuf,
    name: &'static str,
}

impl Built {
    fn file(&self, ext: &str) -> PathBuf {
        self.ausgabe
            .join(format!("Beschlussvorlage-{}-1.0.{ext}", self.name))
    }
}

fn build(example: &str, name: &'static str) -> Built {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join(example);
    werkzeuge::copy_project(
        &Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("examples")
            .join(example),
        &root,
    );
    let out = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .arg("build")
        .arg(&root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{stderr}");
    assert!(stderr.contains("0 Warnungen"), "{stderr}");
    Built {
        _dir: dir,
        ausgabe: root.join("ausgabe"),
        name,
    }
}

/// Every key set.
fn kreis() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build("beispielkreis", "Beispielkreis"))
}

/// No new key.
fn stadt() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| build("musterstadt", "Musterstadt"))
}

fn layout_text(pdf: &Path) -> String {
    require("pdftotext", "-v");
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(pdf)
        .arg("-")
        .output()
        .unwrap();
    String::from_utf8(out.stdout).unwrap()
}

/// The words of a `pdftotext -layout` line, joined by single spaces.
fn squash(line: &str) -> String {
    line.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn docx_text(docx: &Path) -> String {
    require_python_docx();
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
for p in d.paragraphs:
    print(p.style.name + "\t" + p.text)
for t in d.tables:
    for r in t.rows:
        print("row\t" + " | ".join(c.text for c in r.cells))
"#;
    werkzeuge::run_python(script, docx)
}

fn oparl(b: &Built) -> serde_json::Value {
    serde_json::from_slice(&std::fs::read(b.file("oparl.json")).unwrap()).unwrap()
}

/// How often each structure type (`/H1`, `/Table`, `/THead`, …) occurs in
/// the PDF's tag tree, read with `qpdf --json`.
fn tags(pdf: &Path) -> BTreeMap<String, usize> {
    require("qpdf", "--version");
    let out = Command::new("qpdf")
        .args(["--json", "--json-stream-data=none"])
        .arg(pdf)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut n = BTreeMap::new();
    for (_, o) in json["qpdf"][1].as_object().unwrap() {
        let v = &o["value"];
        if let (Some(s), true) = (v["/S"].as_str(), v.get("/P").is_some()) {
            *n.entry(s.trim_start_matches('/').to_string()).or_default() += 1;
        }
    }
    n
}

const HEADER_LINES: &[&str] = &[
    "Dezernat Dezernat II – Jugend, Soziales und Gesundheit",
    "Aktenzeichen 50.3-01/2026",
    "Bearbeitung Frau Okonkwo, Tel. 05999 123-4561",
];

const ROLES: &[(&str, &str)] = &[
    ("Migrationsbeirat des Kreises Beispielkreis", "Anhörung"),
    (
        "Ausschuss für Soziales, Migration und Teilhabe",
        "Empfehlung",
    ),
    ("Kreisausschuss", "Vorberatung"),
    ("Kreistag des Kreises Beispielkreis", "Entscheidung"),
];

const SECTIONS: &[&str] = &[
    "Bezug zu strategischen Zielen",
    "Auswirkungen auf den Klimaschutz",
    "Gleichstellung",
];

const BUDGET: &[(&str, &str)] = &[
    ("Art der Ausgaben", "konsumtiv"),
    (
        "Produkt / Haushaltsstelle",
        "Produkt 31.30.01 Integration und Teilhabe",
    ),
    ("Folgekosten", "keine über die Laufzeit hinaus"),
    ("Stellen", "keine zusätzlichen Stellen"),
];

#[test]
fn every_new_part_is_in_the_pdf() {
    let text = layout_text(&kreis().file("pdf"));
    let lines: Vec<String> = text.lines().map(squash).collect();
    let has = |s: &str| lines.iter().any(|l| l.contains(s));
    for s in HEADER_LINES {
        assert!(has(s), "„{s}“ fehlt:\n{text}");
    }
    for s in [
        "Beteiligt Fachdienst Schule",
        "Vorgang Kreistagsdrucksache 2024/088",
    ] {
        assert!(
            lines.iter().any(|l| l.starts_with(s)),
            "„{s}“ fehlt:\n{text}"
        );
    }
    let words = werkzeuge::pdf_words(&kreis().file("pdf"));
    for s in [
        "Fachdienst Schule und Bildung, Jobcenter Beispielkreis, Fachdienst Finanzen",
        "Kreistagsdrucksache 2024/088, Beschluss vom 14.05.2024: Auftrag zur Erarbeitung eines Integrationskonzepts",
        "Ausschuss für Soziales, Migration und Teilhabe (Empfehlung) Der Ausschuss für Soziales, Migration und Teilhabe empfiehlt dem Kreistag",
        "Kreisausschuss (Vorberatung) Der Kreisausschuss schließt sich",
        "Kreistag des Kreises Beispielkreis (Entscheidung) Der Kreistag des Kreises Beispielkreis beschließt:",
        "Tabelle 3: Haushaltsrechtliche Angaben Angabe Haushalt Art der Ausgaben konsumtiv",
        "In Vertretung Dr. Anna Beispiel Erste Kreisrätin",
        "Auswirkungen auf den Klimaschutz Keine unmittelbaren Auswirkungen.",
    ] {
        assert!(words.contains(s), "„{s}“ fehlt:\n{words}");
    }
    for (gremium, rolle) in ROLES {
        assert!(
            lines
                .iter()
                .any(|l| l.contains(&format!("{gremium} {rolle}"))),
            "{gremium} {rolle} fehlt:\n{text}"
        );
    }
    for (name, wert) in BUDGET {
        assert!(has(&format!("{name} {wert}")), "{name} fehlt:\n{text}");
    }
    for s in SECTIONS {
        assert!(lines.iter().any(|l| l == s), "Abschnitt {s} fehlt:\n{text}");
    }
}

#[test]
fn every_new_part_is_in_the_docx() {
    let text = docx_text(&kreis().file("docx"));
    for s in HEADER_LINES
        .iter()
        .map(|l| l.replacen(' ', "\t", 1))
        .chain([
            "Vorlage Angaben\tBeteiligt\tFachdienst Schule und Bildung, Jobcenter Beispielkreis, Fachdienst Finanzen".to_string(),
            "Vorlage Angaben\tVorgang\tKreistagsdrucksache 2024/088, Beschluss vom 14.05.2024: Auftrag zur Erarbeitung eines Integrationskonzepts".to_string(),
            "Zwischentitel\tKreisausschuss (Vorberatung)".to_string(),
            "Zwischentitel\tKreistag des Kreises Beispielkreis (Entscheidung)".to_string(),
            "In Vertretung\n".to_string(),
            "Dr. Anna Beispiel\n".to_string(),
            "Erste Kreisrätin\n".to_string(),
            "row\tAngabe | Haushalt".to_string(),
        ])
    {
        assert!(text.contains(&s), "„{s}“ fehlt:\n{text}");
    }
    for (gremium, rolle) in ROLES {
        assert!(
            text.lines().any(|l| l.starts_with("row\t")
                && l.ends_with(&format!("| {gremium} | {rolle} | öffentlich"))
                || l.ends_with(&format!("| {gremium} | {rolle} | nicht öffentlich"))),
            "{gremium} {rolle} fehlt:\n{text}"
        );
    }
    for (name, wert) in BUDGET {
        assert!(
            text.contains(&format!("row\t{name} | {wert}")),
            "{name} fehlt:\n{text}"
        );
    }
    for s in SECTIONS {
        assert!(
            text.lines().any(|l| l == format!("Heading 1\t{s}")),
            "Abschnitt {s} fehlt:\n{text}"
        );
    }
}

#[test]
fn oparl_consultations_carry_role_and_authoritative() {
    let json = oparl(kreis());
    let c = json["consultation"].as_array().unwrap();
    let got: Vec<(String, String, bool)> = c
        .iter()
        .map(|c| {
            (
                c["organization"][0]["name"].as_str().unwrap().to_string(),
                c["role"].as_str().unwrap().to_string(),
                c["authoritative"].as_bool().unwrap(),
            )
        })
        .collect();
    let want: Vec<(String, String, bool)> = ROLES
        .iter()
        .map(|(g, r)| (g.to_string(), r.to_string(), *r == "Entscheidung"))
        .collect();
    assert_eq!(got, want);
    assert_eq!(json["paperType"], "Beschlussvorlage");
}

/// PDF/UA: the extra sections are headings and the budget table has a
/// header row, like every other table.
#[test]
fn new_sections_are_headings_and_the_budget_table_has_a_header_row() {
    let mit = tags(&kreis().file("pdf"));
    let ohne = tags(&stadt().file("pdf"));
    assert_eq!(mit["H1"], ohne["H1"] + SECTIONS.len(), "{mit:?}");
    // Beratungsfolge, fields, finances, budget.
    assert_eq!(mit["Table"], 4, "{mit:?}");
    assert_eq!(mit["THead"], mit["Table"], "{mit:?}");
}

/// A project without the new keys: none of the new parts, the roles of
/// before (the last body decides), the four header rows.
#[test]
fn without_the_new_keys_the_submission_is_as_before() {
    let b = stadt();
    let text = layout_text(&b.file("pdf"));
    let words = werkzeuge::pdf_words(&b.file("pdf"));
    for s in [
        "Dezernat",
        "Aktenzeichen",
        "Beteiligt",
        "Bearbeitung",
        "Vorgang",
    ] {
        assert!(
            !text.lines().any(|l| l.trim_start().starts_with(s)),
            "„{s}“ steht in der Vorlage:\n{text}"
        );
    }
    for s in [
        "Haushaltsrechtliche",
        "gezeichnet",
        "In Vertretung",
        "(Entscheidung)",
    ] {
        assert!(!words.contains(s), "„{s}“ steht in der Vorlage:\n{text}");
    }
    // The header box: two rows of two entries, as before.
    let lines: Vec<String> = text.lines().map(squash).collect();
    let von = lines.iter().position(|l| l == "Beschlussvorlage").unwrap();
    let bis = lines.iter().position(|l| l == "Betreff").unwrap();
    let kopf: Vec<&String> = lines[von + 1..bis]
        .iter()
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(
        kopf,
        [
            "Vorlage-Nr. Drucksache 2026/0815 Datum 15.11.2026",
            "Federführend Amt für Integration und Vielfalt Status öffentlich"
        ],
        "{text}"
    );
    let docx = docx_text(&b.file("docx"));
    let angaben: Vec<&str> = docx
        .lines()
        .filter(|l| l.starts_with("Vorlage Angaben\t"))
        .collect();
    assert_eq!(angaben.len(), 4, "{docx}");
    assert!(!docx.contains("Haushaltsrechtliche"), "{docx}");
    let json = oparl(b);
    let roles: Vec<(&str, bool)> = json["consultation"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| {
            (
                c["role"].as_str().unwrap(),
                c["authoritative"].as_bool().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        roles,
        [
            ("Vorberatung", false),
            ("Vorberatung", false),
            ("Entscheidung", true)
        ]
    );
}

/// An unknown role is an error with a suggestion; an extra section without
/// a text in the sheet Texte is a warning.
#[test]
fn unknown_role_and_missing_section_text_are_reported() {
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().join("musterstadt");
    werkzeuge::copy_project(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt"),
        &root,
    );
    let toml = std::fs::read_to_string(root.join("konzept.toml")).unwrap();
    let toml = toml
        .replacen(
            "\nverantwortlich =",
            "\nabschnitte = [\"Demografie\"]\nverantwortlich =",
            1,
        )
        .replacen("[[beratung]]\n", "[[beratung]]\nrolle = \"empfelung\"\n", 1);
    std::fs::write(root.join("konzept.toml"), toml).unwrap();
    let out = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .arg("check")
        .arg(&root)
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("unbekannte Rolle „empfelung“") && stderr.contains("„Empfehlung“"),
        "{stderr}"
    );
    assert!(
        stderr.contains("kein Text für den Abschnitt „Demografie“ der Beschlussvorlage"),
        "{stderr}"
    );
}
