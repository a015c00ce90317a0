//! The yearly progress report (`konzept report new|check|build`): the status
//! workbooks, the adopted-concept snapshot, the intake errors at their
//! cells, the figures (the same amounts in report, chart text and
//! Mitteilungsvorlage, to the cent), the tagging of status marks and charts,
//! the OParl paper and byte-identical rebuilds.

use crate::support::common::{konzept, repo, Output};
use crate::support::werkzeuge::{
    assert_valid_docx, assert_valid_odt, copy_project, pdf_words, require,
};
use calamine::{Data, Reader};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;
use tempfile::TempDir;

const BERICHT: &str = "Sachstandsbericht-Musterstadt-2028";
const MITTEILUNG: &str = "Mitteilungsvorlage-Musterstadt-2028";

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

fn report(args: &[&str]) -> Output {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    konzept(&all)
}

/// The Musterstadt example with its report rounds, copied.
fn musterstadt() -> TempDir {
    let tmp = TempDir::new().unwrap();
    copy_project(&repo().join("examples/musterstadt"), tmp.path());
    tmp
}

/// The Musterstadt example without its report rounds.
fn concept_only() -> TempDir {
    let tmp = musterstadt();
    std::fs::remove_dir_all(tmp.path().join("sachstand")).unwrap();
    tmp
}

/// The example's 2028 round, built once for the tests that read the
/// documents.
fn built() -> &'static Path {
    static DIR: OnceLock<TempDir> = OnceLock::new();
    DIR.get_or_init(|| {
        let tmp = musterstadt();
        report(&["build", s(tmp.path()), "--jahr", "2028"]).assert_code(0);
        tmp
    })
    .path()
}

fn out_file(dir: &Path, name: &str, ext: &str) -> PathBuf {
    dir.join("ausgabe").join(format!("{name}.{ext}"))
}

/// The report model (`konzept report check --model`).
fn model(dir: &Path) -> serde_json::Value {
    let out = report(&["check", s(dir), "--jahr", "2028", "--model"]);
    out.assert_code(0);
    out.json()
}

/// Edits cells of a workbook (sheet, A1 address, text; empty text clears).
fn edit(file: &Path, sheet: &str, cells: &[(&str, &str)]) {
    let mut book = umya_spreadsheet::reader::xlsx::read(file).unwrap();
    let i = book
        .sheet_collection()
        .iter()
        .position(|s| s.name() == sheet)
        .unwrap_or_else(|| panic!("no sheet {sheet}"));
    let ws = book.sheet_mut(i).unwrap();
    for (at, value) in cells {
        ws.cell_mut(*at).set_value_string(*value);
    }
    umya_spreadsheet::writer::xlsx::write(&book, file).unwrap();
}

/// The rows of a sheet as display text.
fn rows(file: &Path, sheet: &str) -> Vec<Vec<String>> {
    let mut wb = calamine::open_workbook_auto(file).unwrap();
    let range = wb.worksheet_range(sheet).unwrap();
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    Data::Empty => String::new(),
                    Data::Float(f) => f.to_string(),
                    Data::Int(i) => i.to_string(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

/// A part of a zip package as text.
fn part(file: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(file).unwrap()).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap()
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn report_new_freezes_the_concept_and_writes_guided_workbooks() {
    let tmp = concept_only();
    let dir = tmp.path();
    let out = report(&["new", s(dir), "--jahr", "2027"]);
    out.assert_code(0);
    assert!(
        out.stderr
            .contains("festgehalten: sachstand/beschluss.json"),
        "{}",
        out.stderr
    );
    let snap: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("sachstand/beschluss.json")).unwrap())
            .unwrap();
    assert_eq!(
        snap["konzept"]["meta"]["titel"],
        "Integrationskonzept der Stadt Musterstadt"
    );
    for kurz in ["b", "a", "w", "j", "g", "k", "v"] {
        assert!(
            dir.join(format!("sachstand/2027/sachstand-{kurz}.xlsx"))
                .is_file(),
            "{kurz}"
        );
    }
    let b = dir.join("sachstand/2027/sachstand-b.xlsx");
    let m = rows(&b, "Maßnahmen");
    assert_eq!(
        m[0],
        [
            "Nr",
            "Maßnahme",
            "Federführung",
            "Zeitraum",
            "Kosten geplant",
            "Stellen geplant (VZÄ)",
            "Status",
            "Stand",
            "Mittel verausgabt",
            "Stellen besetzt (VZÄ)",
            "Erläuterung",
            "Nächste Schritte"
        ]
    );
    assert_eq!(m[1][0], "B1");
    assert_eq!(m[1][1], "Rucksack KiTa und Griffbereit ausbauen");
    assert_eq!(m[1][4], "240000");
    assert_eq!(m.len(), 9, "eight measures of field B");
    // Stellen: B2 plans one post in every year, B1 none.
    assert_eq!((m[1][5].as_str(), m[2][5].as_str()), ("", "1"));
    // A field whose measures plan no Stellen has no Stellen columns.
    let w = rows(&dir.join("sachstand/2027/sachstand-w.xlsx"), "Maßnahmen");
    assert_eq!(w[0].len(), 10, "{:?}", w[0]);
    assert!(!w[0].iter().any(|h| h.starts_with("Stellen")));
    let ind = rows(&b, "Indikatoren");
    assert_eq!(
        &ind[0][..7],
        [
            "Ziel",
            "Indikator",
            "Einheit",
            "Ausgangswert",
            "Zielwert",
            "Ist 2026",
            "Quelle 2026"
        ]
    );
    assert_eq!(ind[0].len(), 9, "two years up to 2027: {:?}", ind[0]);
    assert!(rows(&b, "Anleitung")[0][0].starts_with("Sachstand 2027"));
    // Locked plan, dropdown of the five statuses, a comment per header.
    let sheet = part(&b, "xl/worksheets/sheet2.xml");
    assert!(sheet.contains("<sheetProtection"), "{sheet}");
    assert!(
        sheet.contains("umgesetzt,in Umsetzung,verzögert,nicht begonnen,entfallen"),
        "{sheet}"
    );
    assert!(part(&b, "xl/comments1.xml").contains("Pflicht bei „verzögert“ und „entfallen“"));
    // Stellen besetzt: a number validation with a German message.
    assert!(sheet.contains(r#"type="decimal""#), "{sheet}");
    assert!(sheet.contains("Bitte eine Zahl ab 0 eintragen"), "{sheet}");
    assert!(rows(&b, "Anleitung")
        .iter()
        .any(|r| r[0] == "Stellen besetzt (VZÄ)"));
    // A second run keeps what is there.
    let again = report(&["new", s(dir), "--jahr", "2027"]);
    again.assert_code(0);
    assert!(again.stderr.contains("vorhanden:"), "{}", again.stderr);
    assert!(!again.stderr.contains("festgehalten"), "{}", again.stderr);
}

#[test]
fn the_next_round_carries_the_indicator_values_over() {
    let tmp = musterstadt();
    let dir = tmp.path();
    std::fs::remove_dir_all(dir.join("sachstand/2028")).unwrap();
    report(&["new", s(dir), "--jahr", "2028"]).assert_code(0);
    let ind = rows(&dir.join("sachstand/2028/sachstand-b.xlsx"), "Indikatoren");
    let head = &ind[0];
    let col = |h: &str| {
        head.iter()
            .position(|x| x == h)
            .unwrap_or_else(|| panic!("{h}: {head:?}"))
    };
    let b1 = ind.iter().find(|r| r[0] == "B1").unwrap();
    assert_eq!(b1[col("Ist 2027")], "16.8");
    assert_eq!(b1[col("Quelle 2027")], "Schulstatistik IT.NRW");
    assert_eq!(b1[col("Ist 2028")], "", "the new year is empty");
    // Stellen besetzt: last year's value, to be checked by the group.
    let a = rows(&dir.join("sachstand/2028/sachstand-a.xlsx"), "Maßnahmen");
    let c = a[0]
        .iter()
        .position(|h| h == "Stellen besetzt (VZÄ)")
        .unwrap();
    let a5 = a.iter().find(|r| r[0] == "A5").unwrap();
    assert_eq!(a5[c], "4.5", "2027's value");
    let a1 = a.iter().find(|r| r[0] == "A1").unwrap();
    assert_eq!(a1[c], "", "A1 plans no Stellen");
}

#[test]
fn changing_a_concept_workbook_later_does_not_change_the_report_plan() {
    let tmp = musterstadt();
    let dir = tmp.path();
    let before = model(dir);
    // B1 of the concept: another title and cost after the decision.
    edit(
        &dir.join("arbeitsgruppen/ag-bildung.xlsx"),
        "Maßnahmen",
        &[("C4", "Ganz andere Maßnahme"), ("J4", "999.999 €")],
    );
    let concept = konzept(&["check", s(dir), "--model"]).json();
    let b1 = &concept["felder"][0]["massnahmen"][0];
    assert_eq!(
        b1["titel"], "Ganz andere Maßnahme",
        "the edit reached the concept"
    );
    assert_eq!(b1["kosten"]["text"], "999.999 €");
    let after = model(dir);
    assert_eq!(
        before, after,
        "the report's plan comes from sachstand/beschluss.json"
    );
    let entry = &after["sachstand"]["felder"][0]["massnahmen"][0];
    assert_eq!(entry["titel"], "Rucksack KiTa und Griffbereit ausbauen");
    assert_eq!(entry["kosten"]["text"], "240.000 €");
}

#[test]
fn intake_errors_are_reported_at_their_cells() {
    let tmp = musterstadt();
    let dir = tmp.path();
    let b = dir.join("sachstand/2028/sachstand-b.xlsx");
    edit(
        &b,
        "Maßnahmen",
        &[
            ("A2", "B99"),        // unknown measure
            ("G3", ""),           // no status
            ("J3", "zwei"),       // B2: not a number of Stellen
            ("H4", "15.03.2029"), // after the Stichtag
            ("I5", "60.000 €"),   // B4: plan 40.000 €, no Erläuterung
            ("K5", ""),
            ("J5", "1"),         // B4 plans no Stellen
            ("G6", "verzögert"), // without Erläuterung
            ("K6", ""),
            ("A7", "A1"),   // a measure of another field
            ("I8", "viel"), // not an amount
            ("J8", "4"),    // B7: 3 Stellen planned
            ("G9", "bald"), // not a status
        ],
    );
    edit(&b, "Indikatoren", &[("J2", "hoch"), ("A3", "B9")]);
    let out = report(&["check", s(dir), "--jahr", "2028"]);
    out.assert_code(1);
    let err = out.errors().join("\n");
    let warn = out.warnings().join("\n");
    let f = "sachstand/2028/sachstand-b.xlsx";
    for expected in [
        format!("{f} › Maßnahmen › A2: eine Maßnahme „B99“ hat das beschlossene Konzept nicht"),
        format!("{f} › Maßnahmen › J3: Stellen besetzt (VZÄ): „zwei“ ist ungültig; erwartet: Vollzeitstellen (VZÄ) als Zahl wie 1 oder 0,5"),
        format!("{f} › Maßnahmen › H4: Stand „15.03.2029“ liegt nach dem Stichtag des Berichts (31.12.2028)"),
        format!("{f} › Maßnahmen › K6: Maßnahme B5 ist „verzögert“, aber die Erläuterung fehlt"),
        format!("{f} › Maßnahmen › A7: die Maßnahme „A1“ gehört zum Handlungsfeld A, nicht zu B"),
        format!("{f} › Maßnahmen › I8: Mittel verausgabt: „viel“ ist ungültig"),
        format!("{f} › Maßnahmen › G9: Status: „bald“ ist ungültig; erwartet: umgesetzt, in Umsetzung"),
        format!("{f} › Indikatoren › J2: Ist 2028: „hoch“ ist ungültig"),
        format!("{f} › Indikatoren › A3: ein Ziel „B9“ hat dieses Handlungsfeld"),
    ] {
        assert!(err.contains(&expected), "missing error „{expected}“ in:\n{err}");
    }
    for expected in [
        format!("{f} › Maßnahmen › G3: Maßnahme B2 „Clearingstelle für neu zugewanderte Schulkinder“ hat keinen Status"),
        format!("{f} › Maßnahmen › I5: Maßnahme B4: verausgabt 60.000 € liegt mehr als 10 % über den geplanten 40.000 €"),
        format!("{f} › Maßnahmen › J5: Maßnahme B4: 1 Stellen (VZÄ) besetzt, das Konzept plant für 2028 keine Stellen für sie"),
        format!("{f} › Maßnahmen › J8: Maßnahme B7: 4 Stellen (VZÄ) besetzt, geplant sind für 2028 3"),
        format!("{f} › Maßnahmen: Maßnahme B1 „Rucksack KiTa und Griffbereit ausbauen“ fehlt in der Mappe"),
    ] {
        assert!(warn.contains(&expected), "missing warning „{expected}“ in:\n{warn}");
    }
    // The build refuses the same round and writes nothing.
    let build = report(&["build", s(dir), "--jahr", "2028"]);
    build.assert_code(1);
    assert!(!out_file(dir, BERICHT, "pdf").exists());
}

#[test]
fn a_round_without_snapshot_or_workbooks_says_what_to_do() {
    let tmp = concept_only();
    let out = report(&["check", s(tmp.path()), "--jahr", "2028"]);
    out.assert_code(1);
    assert!(
        out.stderr.contains("konzept report new --jahr JAHR"),
        "{}",
        out.stderr
    );
    let out = report(&["new", s(tmp.path()), "--jahr", "20288"]);
    out.assert_code(2);
    assert!(
        out.stderr
            .contains("erwartet wird ein Berichtsjahr zwischen 2000 und 2100"),
        "{}",
        out.stderr
    );
    report(&["new", s(tmp.path()), "--jahr", "2027"]).assert_code(0);
    let out = report(&["check", s(tmp.path()), "--jahr", "2028"]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("für 2028 gibt es noch keine Sachstandsmappen"),
        "{}",
        out.stderr
    );
}

/// An amount as the example's workbooks hold it: a number, „12,5 T€“ or
/// „12.500 €“ (read here independently of konzept's parser).
fn cents(cell: &Data) -> i64 {
    match cell {
        Data::Float(f) => (f * 100.0).round() as i64,
        Data::Int(i) => i * 100,
        Data::String(t) if t.ends_with("T€") => {
            let n: f64 = t
                .trim_end_matches("T€")
                .trim()
                .replace(',', ".")
                .parse()
                .unwrap();
            (n * 100_000.0).round() as i64
        }
        Data::String(t) => {
            t.trim_end_matches('€')
                .trim()
                .replace('.', "")
                .parse::<i64>()
                .unwrap()
                * 100
        }
        Data::Empty => 0,
        other => panic!("unexpected amount {other:?}"),
    }
}

/// Every measure row of the example's 2028 workbooks, by column header.
fn measure_rows(dir: &Path) -> Vec<BTreeMap<String, Data>> {
    let mut out = Vec::new();
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir.join("sachstand/2028"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "xlsx"))
        .collect();
    files.sort();
    for p in files {
        let mut wb = calamine::open_workbook_auto(&p).unwrap();
        let range = wb.worksheet_range("Maßnahmen").unwrap();
        let mut rows = range.rows();
        let head: Vec<String> = rows.next().unwrap().iter().map(|c| c.to_string()).collect();
        for row in rows {
            out.push(head.iter().cloned().zip(row.iter().cloned()).collect());
        }
    }
    out
}

/// Status counts and the spent sum straight from the example's workbooks.
fn from_workbooks(dir: &Path) -> (BTreeMap<String, usize>, i64) {
    let mut counts = BTreeMap::new();
    let mut spent = 0;
    for row in measure_rows(dir) {
        *counts.entry(row["Status"].to_string()).or_default() += 1;
        spent += cents(&row["Mittel verausgabt"]);
    }
    (counts, spent)
}

#[test]
fn the_same_figures_in_report_chart_and_mitteilungsvorlage_to_the_cent() {
    let dir = built();
    let (counts, spent) = from_workbooks(dir);
    assert_eq!(counts["verzögert"], 1);
    assert_eq!(counts["entfallen"], 1);
    let m = model(dir);
    let st = &m["sachstand"];
    assert_eq!(st["summe"]["verausgabt"]["cent"], spent);
    let per_field: i64 = st["felder"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["budget"]["verausgabt"]["cent"].as_i64().unwrap())
        .sum();
    assert_eq!(per_field, spent);
    for z in st["status"].as_array().unwrap() {
        let name = z["name"].as_str().unwrap();
        assert_eq!(
            z["anzahl"].as_u64().unwrap() as usize,
            counts[name],
            "{name}"
        );
    }
    let total = st["summe"]["verausgabt"]["text"]
        .as_str()
        .unwrap()
        .replace('\u{a0}', " ");
    let bericht = pdf_words(&out_file(dir, BERICHT, "pdf")).replace('\u{a0}', " ");
    let vorlage = pdf_words(&out_file(dir, MITTEILUNG, "pdf")).replace('\u{a0}', " ");
    assert!(
        bericht.contains(&format!("Bis zum Stichtag wurden {total} verausgabt")),
        "{total}"
    );
    assert!(
        vorlage.contains(&format!("bis zum Stichtag wurden {total} verausgabt")),
        "{total}"
    );
    assert!(
        st["diagramme"]["budget"]["alt"]
            .as_str()
            .unwrap()
            .contains(&format!("verausgabt {total}")),
        "the chart's text alternative names the same total"
    );
    let anzahl = st["anzahl"].as_u64().unwrap();
    assert!(vorlage.contains(&format!("Von den {anzahl} Maßnahmen des Konzepts sind 6 umgesetzt, 41 in Umsetzung, 1 verzögert, 2 nicht begonnen und 1 entfallen")), "{vorlage}");
    // Delayed and dropped measures with their reasons, and the changes since 2027.
    assert!(
        bericht.contains(
            "▲ verzögert A6 Gründungsberatung für Migrantinnen und Migranten: Die Trägersuche"
        ),
        "{bericht}"
    );
    assert!(bericht.contains("Veränderungen seit 2027"));
    // The indicators: a computed trend statement per measured indicator.
    for (nr, trend) in [
        ("B1", "hinter dem Zielpfad"),
        ("A1", "auf Kurs"),
        ("W2", "entgegen dem Ziel"),
    ] {
        let i = st["indikatoren"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["nr"] == nr)
            .unwrap();
        assert_eq!(i["trend"], trend, "{nr}");
        assert!(bericht.contains(&format!("Bewertung: {trend}.")), "{nr}");
    }
}

/// The structure elements of a PDF with their attributes, from `qpdf --json`.
fn structure(pdf: &Path) -> Vec<serde_json::Value> {
    require("qpdf", "--version");
    let out = Command::new("qpdf")
        .args(["--json", "--json-stream-data=none"])
        .arg(pdf)
        .output()
        .unwrap();
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    json["qpdf"][1]
        .as_object()
        .unwrap()
        .values()
        .map(|o| o["value"].clone())
        .filter(|v| v["/S"].is_string() && v.get("/P").is_some())
        .collect()
}

#[test]
fn status_marks_and_charts_are_tagged_for_pdf_ua() {
    let dir = built();
    let pdf = out_file(dir, BERICHT, "pdf");
    require("pdfinfo", "-v");
    let info = String::from_utf8_lossy(&Command::new("pdfinfo").arg(&pdf).output().unwrap().stdout)
        .into_owned();
    assert!(info.contains("Tagged:          yes"), "{info}");
    let meta = String::from_utf8_lossy(
        &Command::new("pdfinfo")
            .args(["-meta", s(&pdf)])
            .output()
            .unwrap()
            .stdout,
    )
    .into_owned();
    assert!(
        meta.contains("pdfuaid:part") && meta.contains("pdfaid:part"),
        "{meta}"
    );
    // Every chart is a Figure with its text alternative: two overviews and
    // one per measured indicator.
    let elems = structure(&pdf);
    let figures: Vec<_> = elems.iter().filter(|v| v["/S"] == "/Figure").collect();
    let alts: Vec<String> = figures
        .iter()
        .filter_map(|f| f["/Alt"].as_str().map(str::to_string))
        .collect();
    assert!(figures.len() >= 5, "{} figures", figures.len());
    assert!(
        alts.iter()
            .any(|a| a.contains("Maßnahmen nach Status je Handlungsfeld")),
        "{alts:?}"
    );
    assert!(
        alts.iter().any(|a| a.contains("Mittel je Handlungsfeld")),
        "{alts:?}"
    );
    assert_eq!(
        alts.iter()
            .filter(|a| a.starts_with("u:Säulendiagramm des Indikators")
                || a.contains("Säulendiagramm des Indikators"))
            .count(),
        3,
        "{alts:?}"
    );
    // The marks are text (symbol and word), inside table cells.
    assert!(elems.iter().any(|v| v["/S"] == "/TD"));
    let words = pdf_words(&pdf);
    for mark in [
        "● umgesetzt",
        "► in Umsetzung",
        "▲ verzögert",
        "○ nicht begonnen",
        "× entfallen",
    ] {
        assert!(words.contains(mark), "{mark}");
    }
}

#[test]
fn mitteilungsvorlage_and_its_oparl_paper() {
    let dir = built();
    let words = pdf_words(&out_file(dir, MITTEILUNG, "pdf"));
    for s in [
        "Mitteilungsvorlage",
        "Drucksache 2029/0112",
        "10.02.2029",
        "zur Kenntnis",
        "Anlage 1: Sachstandsbericht 2028",
    ] {
        assert!(words.contains(s), "„{s}“ fehlt in:\n{words}");
    }
    let paper: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_file(dir, MITTEILUNG, "oparl.json")).unwrap())
            .unwrap();
    assert_eq!(paper["type"], "https://schema.oparl.org/1.1/Paper");
    assert_eq!(paper["paperType"], "Mitteilungsvorlage");
    assert_eq!(paper["reference"], "Drucksache 2029/0112");
    assert_eq!(paper["date"], "2029-02-10");
    assert_eq!(paper["consultation"][0]["role"], "zur Kenntnis");
    assert_eq!(paper["consultation"][0]["authoritative"], false);
    let files = paper["auxiliaryFile"].as_array().unwrap();
    let names: Vec<&str> = files
        .iter()
        .map(|f| f["fileName"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            format!("{MITTEILUNG}.docx"),
            format!("{MITTEILUNG}.odt"),
            format!("{BERICHT}.pdf"),
            format!("{BERICHT}.docx"),
            format!("{BERICHT}.odt")
        ]
    );
    let anlage = &files[2];
    assert_eq!(anlage["fileName"], format!("{BERICHT}.pdf"));
    let bytes = std::fs::read(out_file(dir, BERICHT, "pdf")).unwrap();
    assert_eq!(anlage["size"], bytes.len());
    assert_eq!(
        anlage["sha512Checksum"],
        konzept::render::oparl::sha512_hex(&bytes)
    );
}

#[test]
fn rebuilding_the_report_gives_the_same_bytes() {
    let tmp = musterstadt();
    let dir = tmp.path();
    let read = || {
        [
            (BERICHT, "pdf"),
            (BERICHT, "docx"),
            (MITTEILUNG, "pdf"),
            (MITTEILUNG, "docx"),
            (BERICHT, "odt"),
            (MITTEILUNG, "odt"),
            (MITTEILUNG, "oparl.json"),
        ]
        .map(|(n, e)| std::fs::read(out_file(dir, n, e)).unwrap())
    };
    report(&["build", s(dir), "--jahr", "2028"]).assert_code(0);
    let first = read();
    std::fs::remove_dir_all(dir.join("ausgabe")).unwrap();
    report(&["build", s(dir)]).assert_code(0);
    assert!(first == read(), "a rebuild changed the documents");
}

/// The DOCX or ODT as LibreOffice sets it, as words (see `pdf_words`).
fn libreoffice_words(docx: &Path) -> String {
    require("soffice", "--version");
    let out = TempDir::new().unwrap();
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out.path())
        .arg(docx)
        .env("HOME", out.path())
        .output()
        .unwrap();
    let pdf = out
        .path()
        .join(docx.with_extension("pdf").file_name().unwrap());
    assert!(
        pdf.exists(),
        "LibreOffice: {}",
        String::from_utf8_lossy(&status.stderr)
    );
    pdf_words(&pdf)
}

#[test]
fn both_docx_are_valid_and_open_in_libreoffice_with_the_same_figures() {
    let dir = built();
    let m = model(dir);
    let total = m["sachstand"]["summe"]["verausgabt"]["text"]
        .as_str()
        .unwrap()
        .replace('\u{a0}', " ");
    let bericht = out_file(dir, BERICHT, "docx");
    let vorlage = out_file(dir, MITTEILUNG, "docx");
    assert_valid_docx(&bericht);
    assert_valid_docx(&vorlage);
    let words = libreoffice_words(&bericht).replace('\u{a0}', " ");
    for s in [
        "Sachstandsbericht 2028",
        &format!("Bis zum Stichtag wurden {total} verausgabt"),
        "▲ verzögert",
        "× entfallen",
        "Bewertung: auf Kurs.",
        "Anhang: Alle Maßnahmen im Einzelnen",
    ] {
        assert!(words.contains(s), "„{s}“ fehlt im DOCX-Bericht:\n{words}");
    }
    // The charts are pictures with their text alternative.
    let doc = part(&bericht, "word/document.xml");
    assert!(doc.matches("<pic:pic").count() >= 5, "charts as pictures");
    assert!(doc.contains("descr=\"Gestapeltes Balkendiagramm der Maßnahmen nach Status"));
    let words = libreoffice_words(&vorlage).replace('\u{a0}', " ");
    for s in [
        "Mitteilungsvorlage",
        "Drucksache 2029/0112",
        "zur Kenntnis",
        &format!("bis zum Stichtag wurden {total} verausgabt"),
    ] {
        assert!(
            words.contains(s),
            "„{s}“ fehlt in der DOCX-Mitteilungsvorlage:\n{words}"
        );
    }
}

/// Issue 21: the report and its Mitteilungsvorlage as ODT, valid strict
/// ODF 1.3, and LibreOffice shows the status table, every measure title and
/// the figures of the PDF.
#[test]
fn both_odt_are_valid_and_open_in_libreoffice_with_status_table_and_measures() {
    let dir = built();
    let m = model(dir);
    let st = &m["sachstand"];
    let total = st["summe"]["verausgabt"]["text"]
        .as_str()
        .unwrap()
        .replace('\u{a0}', " ");
    let bericht = out_file(dir, BERICHT, "odt");
    let vorlage = out_file(dir, MITTEILUNG, "odt");
    assert_valid_odt(&bericht);
    assert_valid_odt(&vorlage);
    let words = libreoffice_words(&bericht).replace('\u{a0}', " ");
    // The status table with its sum row: the counts per status and in all.
    let counts: Vec<String> = st["status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| z["anzahl"].to_string())
        .collect();
    let sum_row = format!("Alle Felder {} {}", counts.join(" "), st["anzahl"]);
    for s in [
        "Sachstandsbericht 2028",
        "Maßnahmen nach Stand je Handlungsfeld",
        &sum_row,
        &format!("Bis zum Stichtag wurden {total} verausgabt"),
        "▲ verzögert",
        "× entfallen",
        "Bewertung: auf Kurs.",
        "Anhang: Alle Maßnahmen im Einzelnen",
    ] {
        assert!(words.contains(s), "„{s}“ fehlt im ODT-Bericht:\n{words}");
    }
    for f in st["felder"].as_array().unwrap() {
        for mn in f["massnahmen"].as_array().unwrap() {
            let titel = mn["titel"].as_str().unwrap().replace('\u{a0}', " ");
            let titel = titel.split_whitespace().collect::<Vec<_>>().join(" ");
            let s = format!("{} {titel}", mn["nr"].as_str().unwrap());
            assert!(words.contains(&s), "„{s}“ fehlt im ODT-Bericht");
        }
    }
    // The charts are pictures with their text alternative.
    let content = part(&bericht, "content.xml");
    assert!(
        content.matches("<draw:image").count() >= 5,
        "charts as pictures"
    );
    assert!(content.contains("<svg:desc>Gestapeltes Balkendiagramm der Maßnahmen nach Status"));
    let words = libreoffice_words(&vorlage).replace('\u{a0}', " ");
    for s in [
        "Mitteilungsvorlage",
        "Drucksache 2029/0112",
        "zur Kenntnis",
        &format!("bis zum Stichtag wurden {total} verausgabt"),
        "Anlage 1: Sachstandsbericht 2028",
    ] {
        assert!(
            words.contains(s),
            "„{s}“ fehlt in der ODT-Mitteilungsvorlage:\n{words}"
        );
    }
}

/// `[ausgabe] formate` decides the formats of both documents, and
/// `vorlage` whether the Mitteilungsvorlage is written (as for the concept's
/// Beschlussvorlage); the OParl paper comes with the Mitteilungsvorlage and
/// names what was written.
#[test]
fn the_formats_of_konzept_toml_apply_to_the_report() {
    let tmp = musterstadt();
    let dir = tmp.path();
    let toml = dir.join("konzept.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let line = text
        .lines()
        .find(|l| l.starts_with("formate"))
        .expect("formate in the example");
    // Without „vorlage“: the report only, and a note saying why.
    std::fs::write(&toml, text.replace(line, "formate = [\"pdf\"]")).unwrap();
    let out = report(&["build", s(dir), "--jahr", "2028"]);
    out.assert_code(0);
    assert!(
        out.stderr
            .contains("ohne Mitteilungsvorlage: „vorlage“ steht nicht unter den Formaten"),
        "{}",
        out.stderr
    );
    assert!(out_file(dir, BERICHT, "pdf").exists());
    for e in ["pdf", "docx", "odt", "oparl.json"] {
        assert!(!out_file(dir, MITTEILUNG, e).exists(), "{MITTEILUNG}.{e}");
    }
    // --format adds it for one run.
    let out = report(&["build", s(dir), "--format", "pdf,vorlage"]);
    out.assert_code(0);
    assert!(
        !out.stderr.contains("ohne Mitteilungsvorlage"),
        "{}",
        out.stderr
    );
    assert!(out_file(dir, MITTEILUNG, "pdf").exists());
    assert!(out_file(dir, MITTEILUNG, "oparl.json").exists());
    std::fs::remove_dir_all(dir.join("ausgabe")).unwrap();
    std::fs::write(
        &toml,
        text.replace(line, "formate = [\"odt\", \"vorlage\"]"),
    )
    .unwrap();
    report(&["build", s(dir), "--jahr", "2028"]).assert_code(0);
    for (n, e, there) in [
        (BERICHT, "odt", true),
        (MITTEILUNG, "odt", true),
        (MITTEILUNG, "oparl.json", true),
        (BERICHT, "pdf", false),
        (BERICHT, "docx", false),
        (MITTEILUNG, "pdf", false),
        (MITTEILUNG, "docx", false),
    ] {
        assert_eq!(out_file(dir, n, e).exists(), there, "{n}.{e}");
    }
    let paper: serde_json::Value =
        serde_json::from_slice(&std::fs::read(out_file(dir, MITTEILUNG, "oparl.json")).unwrap())
            .unwrap();
    assert_eq!(paper["mainFile"]["fileName"], format!("{MITTEILUNG}.odt"));
    assert_eq!(
        paper["auxiliaryFile"][0]["fileName"],
        format!("{BERICHT}.odt")
    );
}

#[test]
fn bericht_toml_sets_the_dates_and_a_draft_watermark() {
    let tmp = musterstadt();
    let dir = tmp.path();
    std::fs::write(
        dir.join("sachstand/2028/bericht.toml"),
        "stichtag = 2028-10-31\ndatum = 2028-11-20\nentwurf = true\n",
    )
    .unwrap();
    // The example's Stand dates of 30.11.2028 now lie after the Stichtag.
    let out = report(&["check", s(dir)]);
    out.assert_code(1);
    assert!(
        out.errors()
            .iter()
            .any(|e| e.contains("liegt nach dem Stichtag des Berichts (31.10.2028)")),
        "{}",
        out.stderr
    );
    std::fs::write(
        dir.join("sachstand/2028/bericht.toml"),
        "entwurf = true\nvorlage = 12\nfrist = 1\n",
    )
    .unwrap();
    let out = report(&["check", s(dir)]);
    out.assert_code(1);
    let err = out.errors().join("\n");
    assert!(
        err.contains("sachstand/2028/bericht.toml: `vorlage` ist kein Text"),
        "{err}"
    );
    assert!(err.contains("unbekannter Schlüssel `frist`"), "{err}");
    std::fs::write(dir.join("sachstand/2028/bericht.toml"), "entwurf = true\n").unwrap();
    report(&["build", s(dir)]).assert_code(0);
    // The watermark is the page background, set one letter a line along the
    // diagonal: `pdftotext -raw` gives it first on every page.
    let raw = |pdf: PathBuf| {
        let out = Command::new("pdftotext")
            .args(["-raw", s(&pdf), "-"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).replace('\n', "")
    };
    assert!(
        raw(out_file(dir, BERICHT, "pdf")).contains("ENTWURF"),
        "watermark"
    );
    assert!(
        raw(out_file(dir, MITTEILUNG, "pdf")).contains("ENTWURF"),
        "watermark"
    );
    assert!(
        !raw(out_file(built(), BERICHT, "pdf")).contains("ENTWURF"),
        "no watermark without entwurf"
    );
}

/// Each measure's status as the example's 2028 workbooks give it.
fn statuses(dir: &Path) -> BTreeMap<String, String> {
    measure_rows(dir)
        .into_iter()
        .map(|r| (r["Nr"].to_string(), r["Status"].to_string()))
        .collect()
}

/// A number as German text with at most `d` decimals: „4,5“, „5“.
fn de(x: f64, d: usize) -> String {
    let t = format!("{x:.d$}");
    let t = if t.contains('.') {
        t.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        t
    };
    t.replace('.', ",")
}

#[test]
fn progress_per_oberziel_and_theme_and_staff_when_the_concept_has_them() {
    let dir = built();
    let st = model(dir)["sachstand"].clone();
    let snap: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.join("sachstand/beschluss.json")).unwrap())
            .unwrap();
    let concept = &snap["konzept"];
    let status = statuses(dir);
    let names: Vec<String> = st["status"]
        .as_array()
        .unwrap()
        .iter()
        .map(|z| z["name"].as_str().unwrap().to_string())
        .collect();
    let expect = |nrs: Vec<String>| -> Vec<u64> {
        let nrs: std::collections::BTreeSet<String> = nrs.into_iter().collect();
        names
            .iter()
            .map(|n| nrs.iter().filter(|nr| &status[*nr] == n).count() as u64)
            .collect()
    };
    let counts = |v: &serde_json::Value| -> Vec<u64> {
        v["zaehlung"]
            .as_array()
            .unwrap()
            .iter()
            .map(|n| n.as_u64().unwrap())
            .collect()
    };
    let oberziele = concept["oberziele"].as_array().unwrap();
    assert!(
        !oberziele.is_empty(),
        "the example's snapshot has Oberziele"
    );
    assert_eq!(st["oberziele"].as_array().unwrap().len(), oberziele.len());
    for (o, got) in oberziele.iter().zip(st["oberziele"].as_array().unwrap()) {
        let nrs = o["ziele"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|z| z["massnahmen"].as_array().unwrap())
            .map(|m| m.as_str().unwrap().to_string())
            .collect();
        let want = expect(nrs);
        assert_eq!(counts(got), want, "{}", o["nr"]);
        assert_eq!(got["anzahl"].as_u64().unwrap(), want.iter().sum::<u64>());
    }
    let themen = concept["querschnittsthemen"].as_array().unwrap();
    assert!(
        !themen.is_empty(),
        "the example's snapshot has Querschnittsthemen"
    );
    for (t, got) in themen
        .iter()
        .zip(st["querschnittsthemen"].as_array().unwrap())
    {
        assert_eq!(got["name"], t["name"]);
        let nrs = t["massnahmen"]
            .as_array()
            .unwrap()
            .iter()
            .map(|m| m["nr"].as_str().unwrap().to_string())
            .collect();
        assert_eq!(counts(got), expect(nrs), "{}", t["name"]);
    }
    // Stellen: planned per field as the snapshot's staff plan gives 2028,
    // filled as the sum of the workbooks' cells of the field's measures.
    let plan = &concept["stellen"];
    let idx = plan["jahre"]
        .as_array()
        .unwrap()
        .iter()
        .position(|y| y == 2028)
        .unwrap();
    let field_of: BTreeMap<String, String> = concept["felder"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|f| {
            f["massnahmen"].as_array().unwrap().iter().map(|m| {
                (
                    m["nr"].as_str().unwrap().to_string(),
                    f["kurz"].as_str().unwrap().to_string(),
                )
            })
        })
        .collect();
    let mut filled: BTreeMap<String, f64> = BTreeMap::new();
    for row in measure_rows(dir) {
        let v = match row.get("Stellen besetzt (VZÄ)") {
            Some(Data::Float(f)) => *f,
            Some(Data::Int(i)) => *i as f64,
            _ => continue,
        };
        *filled
            .entry(field_of[&row["Nr"].to_string()].clone())
            .or_default() += v;
    }
    let planned: Vec<(String, f64)> = plan["felder"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| {
            (
                f["kurz"].as_str().unwrap().to_string(),
                f["je_jahr"][idx]["wert"].as_f64().unwrap(),
            )
        })
        .filter(|(_, v)| *v > 0.0)
        .collect();
    let got = st["stellen"]["felder"].as_array().unwrap();
    assert_eq!(got.len(), planned.len(), "{got:?}");
    for ((kurz, p), g) in planned.iter().zip(got) {
        assert_eq!(&g["kurz"], kurz);
        assert_eq!(g["geplant"], de(*p, 2), "{kurz}");
        assert_eq!(g["besetzt"], de(filled[kurz], 2), "{kurz}");
        assert_eq!(
            g["anteil"],
            format!("{} %", de(filled[kurz] * 100.0 / p, 1)),
            "{kurz}"
        );
    }
    let (sum_p, sum_f): (f64, f64) = (planned.iter().map(|(_, p)| p).sum(), filled.values().sum());
    assert_eq!(st["stellen"]["summe"], plan["summe_je_jahr"][idx]["text"]);
    assert_eq!(st["stellen"]["summe"], de(sum_p, 2));
    assert_eq!(st["stellen"]["summe_besetzt"], de(sum_f, 2));
    let anteil = format!("{} %", de(sum_f * 100.0 / sum_p, 1));
    assert_eq!(st["stellen"]["anteil"], anteil);
    // The same figures in the documents.
    let sum_row = format!("Alle Felder {} {} {anteil}", de(sum_p, 2), de(sum_f, 2));
    let words = pdf_words(&out_file(dir, BERICHT, "pdf")).replace('\u{a0}', " ");
    let docx = part(&out_file(dir, BERICHT, "docx"), "word/document.xml");
    let odt = part(&out_file(dir, BERICHT, "odt"), "content.xml");
    for t in [
        "Fortschritt je Oberziel",
        "Fortschritt je Querschnittsthema",
        "Stellen geplant / besetzt 2028",
        "Besetzt: Meldungen der Arbeitsgruppen",
    ] {
        assert!(words.contains(t), "PDF: {t}");
        assert!(docx.contains(t), "DOCX: {t}");
        assert!(odt.contains(t), "ODT: {t}");
    }
    assert!(words.contains(&sum_row), "PDF: {sum_row}");
    let vorlage = pdf_words(&out_file(dir, MITTEILUNG, "pdf")).replace('\u{a0}', " ");
    let sentence = format!(
        "Für 2028 sieht das Konzept {} Stellen (Vollzeitäquivalente, VZÄ) vor; zum Stichtag sind {} besetzt ({anteil})",
        de(sum_p, 2),
        de(sum_f, 2)
    );
    assert!(vorlage.contains(&sentence), "{sentence}\n{vorlage}");

    // A concept without hierarchy, themes and Stellen: no such tables.
    let tmp = musterstadt();
    let snap_file = tmp.path().join("sachstand/beschluss.json");
    let mut plain = snap.clone();
    for key in ["oberziele", "querschnittsthemen"] {
        plain["konzept"][key] = serde_json::json!([]);
    }
    for f in plain["konzept"]["felder"].as_array_mut().unwrap() {
        for m in f["massnahmen"].as_array_mut().unwrap() {
            m["stellen"] = serde_json::Value::Null;
        }
    }
    std::fs::write(&snap_file, serde_json::to_vec(&plain).unwrap()).unwrap();
    let st = model(tmp.path())["sachstand"].clone();
    assert_eq!(st["oberziele"], serde_json::json!([]));
    assert_eq!(st["querschnittsthemen"], serde_json::json!([]));
    assert_eq!(st["stellen"]["vorhanden"], false);
    report(&["build", s(tmp.path()), "--jahr", "2028"]).assert_code(0);
    let words = pdf_words(&out_file(tmp.path(), BERICHT, "pdf"));
    for t in [
        "Fortschritt je Oberziel",
        "Fortschritt je Querschnittsthema",
        "Stellen geplant",
    ] {
        assert!(!words.contains(t), "{t}");
        assert!(!part(&out_file(tmp.path(), BERICHT, "docx"), "word/document.xml").contains(t));
        assert!(!part(&out_file(tmp.path(), BERICHT, "odt"), "content.xml").contains(t));
    }
}

/// Every table header of both documents wraps to at most two lines: no
/// header has more than two words that may break apart (a mark stays with
/// its word, „bis 2028“ is one; the 3-line „geplant 2028 (VZÄ)“ was a bug).
#[test]
fn the_table_headers_of_report_and_mitteilungsvorlage_have_at_most_two_words() {
    let tmp = musterstadt();
    let dir = tmp.path();
    report(&[
        "build",
        s(dir),
        "--jahr",
        "2028",
        "--format",
        "pdf,vorlage",
        "--typst",
    ])
    .assert_code(0);
    let mut headers = 0;
    for name in [BERICHT, MITTEILUNG] {
        let src = std::fs::read_to_string(out_file(dir, name, "typ")).unwrap();
        for line in src
            .lines()
            .filter(|l| l.trim_start().starts_with("kopf: ("))
        {
            let cells = line
                .trim()
                .trim_start_matches("kopf: (")
                .trim_end_matches("),");
            for cell in cells.split("], [") {
                let text = cell.trim_matches(|c| c == '[' || c == ']');
                // `~` and U+00A0 keep words together; only spaces break.
                let words = text.split(' ').filter(|w| !w.is_empty()).count();
                assert!(
                    words <= 2,
                    "{name}: header „{text}“ can wrap to {words} lines"
                );
                headers += 1;
            }
        }
    }
    assert!(headers > 40, "{headers} headers checked");
}

/// `konzept report check --annotate`: the copies `konzept check --annotate`
/// writes for the concept workbooks, for the status workbooks: each problem
/// cell filled and commented, the sheet „Meldungen“ in front, the form's own
/// notes kept, the original untouched; no copy of a missing or clean
/// workbook, none into the round's folder.
#[test]
fn report_check_annotate_writes_commented_copies_of_the_status_workbooks() {
    let tmp = musterstadt();
    let dir = tmp.path();
    let b = dir.join("sachstand/2028/sachstand-b.xlsx");
    edit(&b, "Maßnahmen", &[("G3", ""), ("J3", "zwei")]);
    std::fs::remove_file(dir.join("sachstand/2028/sachstand-g.xlsx")).unwrap();
    let before = std::fs::read(&b).unwrap();
    let folder = dir.join("rueckmeldungen");
    let out = report(&["check", s(dir), "--jahr", "2028", "--annotate", s(&folder)]);
    out.assert_code(1);
    assert!(
        out.stderr.contains(
            "sachstand-b-Meldungen.xlsx (zu sachstand/2028/sachstand-b.xlsx: 1 Fehler, 1 Warnung)"
        ),
        "{}",
        out.stderr
    );
    let copies: Vec<String> = std::fs::read_dir(&folder)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(copies, ["sachstand-b-Meldungen.xlsx"]);
    assert_eq!(std::fs::read(&b).unwrap(), before, "the original stays");
    let book =
        umya_spreadsheet::reader::xlsx::read(folder.join("sachstand-b-Meldungen.xlsx")).unwrap();
    assert_eq!(book.sheet_collection()[0].name(), "Meldungen");
    let ws = book
        .sheet_collection()
        .iter()
        .find(|s| s.name() == "Maßnahmen")
        .unwrap();
    let comment = |at: &str| {
        let c = ws
            .comments()
            .iter()
            .find(|c| c.coordinate().to_string() == at)
            .unwrap_or_else(|| panic!("no comment at {at}"));
        c.text()
            .rich_text()
            .map(|r| r.text().into_owned())
            .or_else(|| c.text().text().map(|t| t.value().to_string()))
            .unwrap_or_default()
    };
    let fill = |at: &str| {
        ws.style(at)
            .background_color()
            .map(|c| c.argb_str().to_string())
            .unwrap_or_default()
    };
    assert!(
        comment("J3").starts_with("Fehler: Stellen besetzt (VZÄ): „zwei“ ist ungültig"),
        "{}",
        comment("J3")
    );
    assert_eq!(fill("J3"), "FFFFC7CE");
    assert!(
        comment("G3").starts_with("Warnung: Maßnahme B2"),
        "{}",
        comment("G3")
    );
    assert_eq!(fill("G3"), "FFFFEB9C");
    // The form's notes at the headers stay.
    assert!(comment("J1").contains("zum Stichtag besetzte Vollzeitstellen"));
    let meldungen = rows(&folder.join("sachstand-b-Meldungen.xlsx"), "Meldungen");
    assert!(
        meldungen.iter().any(|r| r[1] == "J3" && r[2] == "Fehler"),
        "{meldungen:?}"
    );
    // Not into the folder of the round itself.
    let out = report(&[
        "check",
        s(dir),
        "--annotate",
        s(&dir.join("sachstand/2028")),
    ]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("werden keine kommentierten Kopien geschrieben: dort liegt die Arbeitsmappe"),
        "{}",
        out.stderr
    );
}
