//! The concept parts of issue 18 items 4, 5 and 7: the participation log
//! (sheet Beteiligung), staff and rough estimates per measure (Stellen (VZÄ),
//! Grobe Kostenschätzung, Art), the summary page „Das Wichtigste auf einen
//! Blick“ every concept gets, the glossary (Begriffe) and the sources
//! (Literatur). A project without the new sheets gains only the summary page.

use crate::support::common::{build, copy_to_temp, repo, Project, AG, STEUERUNG};
use crate::support::werkzeuge::pdf_words;
use std::io::Read;
use std::path::Path;

const BETEILIGUNG: &[&str] = &[
    "Datum",
    "Format",
    "Teilnehmende",
    "Institutionen",
    "Beschreibung",
];

fn measures_with(extra: &[&str], rows: &[&[&str]]) -> Vec<Vec<String>> {
    let mut head: Vec<String> = [
        "Nr",
        "Ziel",
        "Maßnahme",
        "Federführung",
        "Beginn",
        "Ende",
        "Kosten",
    ]
    .iter()
    .map(|s| s.to_string())
    .collect();
    head.extend(extra.iter().map(|s| s.to_string()));
    let mut out = vec![head];
    out.extend(
        rows.iter()
            .map(|r| r.iter().map(|s| s.to_string()).collect()),
    );
    out
}

fn with_measures(p: Project, table: &[Vec<String>]) -> Project {
    let rows: Vec<Vec<&str>> = table
        .iter()
        .map(|r| r.iter().map(String::as_str).collect())
        .collect();
    let rows: Vec<&[&str]> = rows.iter().map(Vec::as_slice).collect();
    p.sheet(AG, "Maßnahmen", &rows)
}

/// The paragraphs of `word/document.xml`, one per line, without markup.
fn docx_text(file: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let mut out = String::new();
    let (mut in_tag, mut tag) = (false, String::new());
    for c in xml.chars() {
        match c {
            '<' => {
                in_tag = true;
                tag.clear();
            }
            '>' => {
                in_tag = false;
                if tag == "/w:p" {
                    out.push('\n');
                }
            }
            c if in_tag => tag.push(c),
            c => out.push(c),
        }
    }
    out.replace("&amp;", "&")
}

#[test]
fn participation_totals_order_and_the_sentence_the_submission_cites() {
    let k = Project::new()
        .sheet(
            STEUERUNG,
            "Beteiligung",
            &[
                BETEILIGUNG,
                &["12.03.2027", "Auftakt", "120", "50", "Auftakt im Rathaus"],
                &["Q2 2027", "workshop", "43", "20", ""],
                &["2027", "Bürgerforum", "38", "", "Online und vor Ort"],
            ],
        )
        .model();
    let b = &k["beteiligung"];
    assert_eq!(b["teilnehmende"], 201);
    assert_eq!(b["institutionen"], 70);
    assert_eq!(b["umfang"], "rund 200 Personen aus 70 Institutionen");
    let formats: Vec<&str> = b["veranstaltungen"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v["format"].as_str().unwrap())
        .collect();
    // By date; the format as the list spells it.
    assert_eq!(formats, ["Bürgerforum", "Auftakt", "Workshop"]);
    let satz = b["satz"].as_str().unwrap();
    assert_eq!(
        satz,
        "An der Erarbeitung wirkten in drei Veranstaltungen zwischen 2027 und Q2 2027 rund 200 Personen aus 70 Institutionen mit."
    );
    let sachverhalt = k["vorlage"]["sachverhalt"].to_string();
    assert!(sachverhalt.contains(satz), "{sachverhalt}");
    assert!(sachverhalt.contains("Genutzt wurden die Formate Bürgerforum, Auftakt und Workshop."));
    let punkte = k["auf_einen_blick"]["punkte"].to_string();
    assert!(punkte.contains(satz), "{punkte}");
}

#[test]
fn staff_is_summed_per_field_and_year_and_rough_estimates_say_ca() {
    let table = measures_with(
        &["Stellen (VZÄ)", "Grobe Kostenschätzung", "Art"],
        &[
            &[
                "1",
                "1",
                "Sprachcafé",
                "Amt für Schule",
                "2027",
                "2028",
                "10000",
                "0,5",
                "ja",
                "Fortführung",
            ],
            &[
                "2",
                "1",
                "Lotsen",
                "Amt für Schule",
                "",
                "2027",
                "5000",
                "1",
                "",
                "neu",
            ],
            &[
                "3",
                "1",
                "Beratung",
                "Amt für Schule",
                "2029",
                "fortlaufend",
                "",
                "",
                "nein",
                "",
            ],
        ],
    );
    let k = with_measures(Project::new(), &table).model();
    let s = &k["stellen"];
    assert_eq!(s["vorhanden"], true);
    assert_eq!(
        s["jahre"],
        serde_json::json!([2026, 2027, 2028, 2029, 2030])
    );
    let per_year: Vec<&str> = s["summe_je_jahr"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| z["text"].as_str().unwrap())
        .collect();
    assert_eq!(per_year, ["1", "1,5", "0,5", "0", "0"]);
    assert_eq!(s["felder"][0]["kurz"], "B");
    assert_eq!(s["grob_geschaetzt"], 1);
    let m = &k["felder"][0]["massnahmen"];
    assert_eq!(m[0]["kosten"]["text"], "ca. 10.000 €");
    assert_eq!(m[0]["kosten"]["cent"], 1_000_000);
    assert_eq!(m[0]["kosten_grob"], true);
    assert_eq!(m[0]["art"], "Fortführung");
    assert_eq!(m[0]["stellen"]["text"], "0,5");
    assert_eq!(m[1]["kosten"]["text"], "5.000 €");
    assert_eq!(m[2]["kosten_grob"], false);
    let punkte = k["auf_einen_blick"]["punkte"].to_string();
    assert!(punkte.contains("bis zu 1,5 Stellen"), "{punkte}");
    assert!(
        punkte.contains("Bei 1 Maßnahme sind die Kosten grob geschätzt"),
        "{punkte}"
    );
}

#[test]
fn bad_new_cells_are_reported_at_their_cell() {
    let table = measures_with(
        &["VZÄ", "Kostenschätzung", "Art der Maßnahme"],
        &[&[
            "1",
            "1",
            "Sprachcafé",
            "Amt für Schule",
            "2027",
            "2028",
            "100",
            "-1",
            "vielleicht",
            "alt",
        ]],
    );
    let out = with_measures(Project::new(), &table)
        .sheet(
            STEUERUNG,
            "Beteiligung",
            &[BETEILIGUNG, &["März 2027", "", "viele", "2,5", ""]],
        )
        .check(&[]);
    out.assert_code(1);
    // The new columns of the Maßnahmen sheet: warnings (an older workbook
    // may use the header otherwise), the value left out.
    let warnings = out.warnings().join("\n");
    for (place, words) in [
        (
            "ag-bildung.xlsx › Maßnahmen › H2",
            "Stellen (VZÄ): „-1“ ist ungültig",
        ),
        ("ag-bildung.xlsx › Maßnahmen › I2", "Grobe Kostenschätzung"),
        (
            "ag-bildung.xlsx › Maßnahmen › J2",
            "neu, Fortführung, Ausbau",
        ),
    ] {
        assert!(
            warnings.lines().any(|l| l.contains(place)
                && l.contains(words)
                && l.contains("nicht berücksichtigt")),
            "{place}: {words}\n{}",
            out.stderr
        );
    }
    // The new sheet: errors, as in every other sheet.
    let errors = out.errors().join("\n");
    for (place, words) in [
        ("steuerung.xlsx › Beteiligung › B2", "Format fehlt"),
        ("steuerung.xlsx › Beteiligung › C2", "ganze Zahl"),
        ("steuerung.xlsx › Beteiligung › D2", "ganze Zahl"),
    ] {
        assert!(
            errors
                .lines()
                .any(|l| l.contains(place) && l.contains(words)),
            "{place}: {words}\n{}",
            out.stderr
        );
    }
}

#[test]
fn glossary_is_sorted_and_sources_need_literature() {
    let p = Project::new()
        .sheet(
            AG,
            "Ausgangslage",
            &[
                &["Kennzahl", "Wert", "Jahr", "Quelle"],
                &["Kinder in Kitas", "120", "2025", "Kita-Statistik"],
                &["Kinder in Schulen", "300", "2025", "kita-statistik"],
            ],
        )
        .sheet(
            STEUERUNG,
            "Begriffe",
            &[
                &["Begriff", "Erläuterung"],
                &["VZÄ", "Vollzeitäquivalent"],
                &["Ehrenamt", "freiwillige Arbeit"],
            ],
        );
    let k = p.model();
    let begriffe: Vec<&str> = k["begriffe"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["begriff"].as_str().unwrap())
        .collect();
    assert_eq!(begriffe, ["Ehrenamt", "VZÄ"]);
    assert_eq!(k["quellen"]["vorhanden"], false);
    assert_eq!(k["quellen"]["daten"], serde_json::json!(["Kita-Statistik"]));

    let k = p
        .sheet(
            STEUERUNG,
            "Literatur",
            &[
                &["Quelle", "Link"],
                &[
                    "Leitfaden kommunale Integrationsarbeit, 2024",
                    "https://example.org",
                ],
            ],
        )
        .rows(STEUERUNG, "Begriffe", &[&["ehrenamt", "doppelt"]]);
    let out = k.check(&["--model"]);
    out.assert_code(0);
    assert!(
        out.warnings()
            .iter()
            .any(|w| w.contains("Begriffe › A4") && w.contains("doppelt")),
        "{}",
        out.stderr
    );
    let m = out.json();
    assert_eq!(m["quellen"]["vorhanden"], true);
    assert_eq!(m["quellen"]["literatur"][0]["link"], "https://example.org");
    assert_eq!(m["begriffe"].as_array().unwrap().len(), 2);
}

/// A project without the new sheets and columns checks as before and its
/// document gains only the generated summary page, in PDF and DOCX.
#[test]
fn without_the_new_sheets_only_the_summary_page_is_added() {
    let p = Project::new();
    let k = p.model();
    let eckwerte: Vec<String> = k["auf_einen_blick"]["eckwerte"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            format!(
                "{} {}",
                e["wert"].as_str().unwrap(),
                e["name"].as_str().unwrap()
            )
        })
        .collect();
    assert_eq!(eckwerte, ["1 Handlungsfeld", "1 Ziel", "1 Maßnahme"]);
    assert_eq!(k["beteiligung"]["veranstaltungen"], serde_json::json!([]));
    assert_eq!(k["stellen"]["vorhanden"], false);
    let out = p.build(&[]);
    out.assert_code(0);
    let ausgabe = p.path().join("ausgabe");
    let pdf = pdf_words(&ausgabe.join("Integrationskonzept-Teststadt-1.0.pdf"));
    let docx = docx_text(&ausgabe.join("Integrationskonzept-Teststadt-1.0.docx"));
    for (format, text) in [("PDF", &pdf), ("DOCX", &docx)] {
        assert!(text.contains("Das Wichtigste auf einen Blick"), "{format}");
        assert!(
            text.contains("Für die Jahre 2026–2030 gliedert das Konzept"),
            "{format}"
        );
        for absent in [
            "Beteiligungsprozess",
            "Stellen (VZÄ)",
            "Begriffe und Erläuterungen",
            "Literatur",
            "Datenquellen",
            "ca.",
            "VZÄ je Jahr",
        ] {
            assert!(!text.contains(absent), "{format} has {absent}");
        }
    }
}

/// The example shows every part, in PDF and DOCX, and cites the
/// participation in the submission.
#[test]
fn musterstadt_shows_every_part_in_pdf_and_docx() {
    let dir = copy_to_temp(&repo().join("examples/musterstadt"));
    let out = build(dir.path(), &[]);
    out.assert_code(0);
    let ausgabe = dir.path().join("ausgabe");
    let pdf = pdf_words(&ausgabe.join("Integrationskonzept-Musterstadt-1.0.pdf"));
    let docx = docx_text(&ausgabe.join("Integrationskonzept-Musterstadt-1.0.docx"))
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for (format, text) in [("PDF", &pdf), ("DOCX", &docx)] {
        for part in [
            "Das Wichtigste auf einen Blick",
            "Beteiligungsprozess",
            "Veranstaltungen des Beteiligungsprozesses",
            "rund 550 Personen aus rund 140 Institutionen",
            "Stellen (VZÄ) je Handlungsfeld und Jahr",
            "Beträge mit „ca.“ sind grobe Kostenschätzungen (4 Maßnahmen)",
            "ca. 150.000 €",
            "1 VZÄ je Jahr",
            "Begriffe und Erläuterungen",
            "Vollzeitäquivalent",
            "Datenquellen",
            "Migrationsbericht der Bundesregierung 2023",
        ] {
            assert!(text.contains(part), "{format}: {part}");
        }
    }
    let vorlage = pdf_words(&ausgabe.join("Beschlussvorlage-Musterstadt-1.0.pdf"));
    assert!(
        vorlage.contains("An der Erarbeitung wirkten in sechs Veranstaltungen"),
        "{vorlage}"
    );
}

/// How often each structure type (`Table`, `H1`, `L` …) occurs in the PDF's
/// tag tree, read with `qpdf --json`.
fn tags(pdf: &Path) -> std::collections::BTreeMap<String, usize> {
    crate::support::werkzeuge::require("qpdf", "--version");
    let out = std::process::Command::new("qpdf")
        .args(["--json", "--json-stream-data=none"])
        .arg(pdf)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let mut n = std::collections::BTreeMap::new();
    for (_, o) in json["qpdf"][1].as_object().unwrap() {
        let v = &o["value"];
        if let (Some(s), true) = (v["/S"].as_str(), v.get("/P").is_some()) {
            *n.entry(s.trim_start_matches('/').to_string()).or_default() += 1;
        }
    }
    n
}

/// The new parts are tagged for PDF/UA: the participation timeline and the
/// glossary are tables, „Beteiligungsprozess“, „Begriffe und Erläuterungen“
/// and „Quellen“ headings, the summary page's points a list.
#[test]
fn the_new_parts_are_tagged_tables_headings_and_lists() {
    let pdf = |p: &Project| {
        p.build(&[]).assert_code(0);
        tags(
            &p.path()
                .join("ausgabe/Integrationskonzept-Teststadt-1.0.pdf"),
        )
    };
    let base = Project::new();
    let before = pdf(&base);
    let with = Project::new()
        .sheet(
            STEUERUNG,
            "Beteiligung",
            &[BETEILIGUNG, &["12.03.2026", "Auftakt", "80", "30", "Start"]],
        )
        .sheet(
            STEUERUNG,
            "Begriffe",
            &[&["Begriff", "Erläuterung"], &["VZÄ", "Vollzeitäquivalent"]],
        )
        .sheet(
            STEUERUNG,
            "Literatur",
            &[&["Quelle", "Link"], &["Leitfaden, 2024", ""]],
        );
    let after = pdf(&with);
    let n = |t: &std::collections::BTreeMap<String, usize>, k: &str| t.get(k).copied().unwrap_or(0);
    assert!(n(&before, "L") >= 1, "{before:?}");
    assert_eq!(n(&after, "Table"), n(&before, "Table") + 2, "{after:?}");
    assert_eq!(n(&after, "H1"), n(&before, "H1") + 2, "{after:?}");
    assert_eq!(n(&after, "H2"), n(&before, "H2") + 1, "{after:?}");
}
