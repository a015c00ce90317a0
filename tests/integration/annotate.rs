//! `konzept check --annotate ORDNER`: the copies a coordinator mails back.
//! A working group fills in its form (with openpyxl, as Excel would save
//! it), makes the usual mistakes, and the copy is read back with openpyxl
//! and opened in LibreOffice.

use crate::support::common::*;
use crate::support::werkzeuge::{pdf_words, require, run_python};
use std::path::Path;

/// A new project for Beispielheim; the AG Bildung fills its form with two
/// errors (a date nobody can read, a measure without Federführung), a
/// warning (a target value without indicator), its own extra column with
/// its own colour; the AG Wohnen loses its sheet Ziele and renames a column.
fn returned_project() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("beispielheim");
    let run = konzept(&["new", dir.to_str().unwrap(), "--kommune", "Beispielheim"]);
    run.assert_code(0);
    run_python(
        r#"
import sys, openpyxl
from openpyxl.styles import PatternFill
p = sys.argv[1]
wb = openpyxl.load_workbook(p + '/arbeitsgruppen/ag-bildung.xlsx')
ag = wb['Arbeitsgruppe']
ag['B5'] = 'Dr. Sevgi Kaya'
ws = wb['Ziele']
ws.append(['B1', 'Mehr Kinder sprechen vor der Einschulung sicher Deutsch', None, None, None, None, 80, '%', 2029])
ws = wb['Maßnahmen']
ws['N1'] = 'Bemerkung intern'
ws.append(['B1', 'B1', 'Sprachcafé für Eltern', 'Wöchentlich in der Stadtbibliothek', 'Eltern', 'Volkshochschule', None, 'irgendwann', 2027, 5000, 'Eigenmittel', 'hoch', 'geplant', 'mit Kämmerei klären'])
ws.append(['B2', 'B1', 'Lesepatenschaften', None, 'Grundschulkinder', None, None, 2026, 2028, 0, None, 'mittel', 'geplant'])
ws['N2'].fill = PatternFill('solid', fgColor='FF92D050')
wb.save(p + '/arbeitsgruppen/ag-bildung.xlsx')

wb = openpyxl.load_workbook(p + '/arbeitsgruppen/ag-wohnen.xlsx')
del wb['Ziele']
wb['Mitglieder']['B1'] = 'Einrichtung'
wb.save(p + '/arbeitsgruppen/ag-wohnen.xlsx')
"#,
        &dir,
    );
    tmp
}

/// What openpyxl reads from an annotated copy, as JSON.
const READ_BACK: &str = r#"
import sys, json, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
out = {'sheets': wb.sheetnames, 'active': wb.active.title,
       'states': {ws.title: ws.sheet_state for ws in wb}, 'cells': {}, 'meldungen': [],
       'validations': {ws.title: len(ws.data_validations.dataValidation) for ws in wb}}
m = wb['Meldungen'] if 'Meldungen' in wb.sheetnames else None
for row in (m.iter_rows(min_row=5) if m else []):
    if row[0].value is None and row[1].value is None:
        continue
    out['meldungen'].append({'blatt': row[0].value, 'zelle': row[1].value, 'art': row[2].value,
        'meldung': row[3].value, 'hinweis': row[4].value,
        'link': row[1].hyperlink.location if row[1].hyperlink else None,
        'fill': row[2].fill.fgColor.rgb})
for ws in wb:
    if ws.title == 'Meldungen':
        continue
    for row in ws.iter_rows():
        for c in row:
            if c.comment or (c.fill and c.fill.fill_type == 'solid'):
                out['cells'][ws.title + '!' + c.coordinate] = {
                    'value': str(c.value) if c.value is not None else None,
                    'fill': c.fill.fgColor.rgb if c.fill.fill_type == 'solid' else None,
                    'comment': c.comment.text if c.comment else None,
                    'author': c.comment.author if c.comment else None}
print(json.dumps(out))
"#;

fn read_back(file: &Path) -> serde_json::Value {
    serde_json::from_str(&run_python(READ_BACK, file)).unwrap()
}

#[test]
fn xlsx_copy_marks_the_cells_and_keeps_the_form() {
    let tmp = returned_project();
    let dir = tmp.path().join("beispielheim");
    let original = dir.join("arbeitsgruppen/ag-bildung.xlsx");
    let before = std::fs::read(&original).unwrap();
    let answers = tmp.path().join("rueckmeldungen");
    let out = check(&dir, &["--annotate", answers.to_str().unwrap()]);
    out.assert_code(1);
    assert!(
        out.stderr.contains("geschrieben: ")
            && out
                .stderr
                .contains("ag-bildung-Meldungen.xlsx (zu arbeitsgruppen/ag-bildung.xlsx: "),
        "{}",
        out.stderr
    );
    assert_eq!(
        std::fs::read(&original).unwrap(),
        before,
        "the original is never written"
    );

    let copy = answers.join("ag-bildung-Meldungen.xlsx");
    let book = read_back(&copy);
    assert_eq!(book["sheets"][0], "Meldungen", "{book}");
    assert_eq!(book["active"], "Meldungen");
    // The form's hidden list sheet, its dropdowns and its own notes stay.
    assert_eq!(book["states"]["Listen"], "hidden", "{book}");
    let form = read_back(&original);
    assert_eq!(
        book["validations"]["Maßnahmen"],
        form["validations"]["Maßnahmen"]
    );
    assert_eq!(
        book["validations"]["Arbeitsgruppe"],
        form["validations"]["Arbeitsgruppe"]
    );
    assert!(
        form["validations"]["Maßnahmen"].as_u64().unwrap() >= 3,
        "{form}"
    );
    let cells = &book["cells"];
    assert_eq!(
        cells["Maßnahmen!N2"]["fill"], "FF92D050",
        "the group's own colour: {cells}"
    );
    assert_eq!(cells["Maßnahmen!N1"]["value"], "Bemerkung intern");
    assert!(
        form["cells"]["Maßnahmen!C1"]["comment"].is_string(),
        "{form}"
    );
    assert_eq!(
        cells["Maßnahmen!C1"]["comment"], form["cells"]["Maßnahmen!C1"]["comment"],
        "the form's note on a header without problem stays"
    );

    // The error: red, a comment that says „Fehler“, the message and the hint.
    let beginn = &cells["Maßnahmen!H2"];
    assert_eq!(beginn["value"], "irgendwann");
    assert_eq!(beginn["fill"], "FFFFC7CE", "{beginn}");
    let comment = beginn["comment"].as_str().unwrap();
    assert!(
        comment.starts_with("Fehler: Beginn: „irgendwann“"),
        "{comment}"
    );
    assert_eq!(beginn["author"], "konzept");
    let federfuehrung = &cells["Maßnahmen!F3"];
    assert_eq!(federfuehrung["fill"], "FFFFC7CE", "{cells}");
    // The warning: yellow, „Warnung“.
    let warning = out
        .warnings()
        .into_iter()
        .find(|l| l.contains("ag-bildung.xlsx › Ziele"))
        .unwrap_or_else(|| panic!("a warning in Ziele:\n{}", out.stderr))
        .to_string();
    let cell = warning
        .split(" › ")
        .nth(2)
        .unwrap()
        .split(':')
        .next()
        .unwrap();
    let marked = &cells[format!("Ziele!{cell}")];
    assert_eq!(marked["fill"], "FFFFEB9C", "{warning}: {cells}");
    assert!(
        marked["comment"].as_str().unwrap().starts_with("Warnung: "),
        "{marked}"
    );

    // The sheet Meldungen: one row per problem of this file, with link.
    let rows = book["meldungen"].as_array().unwrap();
    let in_file = out
        .stderr
        .lines()
        .filter(|l| l.contains(": arbeitsgruppen/ag-bildung.xlsx"))
        .count();
    assert_eq!(rows.len(), in_file, "{rows:?}\n{}", out.stderr);
    let row = rows
        .iter()
        .find(|r| r["zelle"] == "H2")
        .expect("a row for H2");
    assert_eq!(row["blatt"], "Maßnahmen");
    assert_eq!(row["art"], "Fehler");
    assert_eq!(row["link"], "'Maßnahmen'!H2");
    assert_eq!(row["fill"], "FFFFC7CE");
    assert!(
        row["meldung"].as_str().unwrap().contains("irgendwann"),
        "{row}"
    );
    assert!(rows.iter().any(|r| r["art"] == "Warnung"), "{rows:?}");
    assert!(rows
        .iter()
        .all(|r| r["hinweis"].is_string() || r["hinweis"].is_null()));
}

#[test]
fn problems_without_a_cell_are_listed_and_libreoffice_opens_the_copy() {
    require("soffice", "--version");
    let tmp = returned_project();
    let dir = tmp.path().join("beispielheim");
    let answers = tmp.path().join("rueckmeldungen");
    let out = check(&dir, &["--annotate", answers.to_str().unwrap()]);
    out.assert_code(1);
    let copy = answers.join("ag-wohnen-Meldungen.xlsx");
    let book = read_back(&copy);
    let rows = book["meldungen"].as_array().unwrap();
    let whole_file = rows
        .iter()
        .find(|r| r["zelle"] == "ganze Datei")
        .unwrap_or_else(|| panic!("{rows:?}"));
    assert!(
        whole_file["meldung"]
            .as_str()
            .unwrap()
            .contains("„Ziele“ fehlt"),
        "{whole_file}"
    );
    assert_eq!(whole_file["link"], serde_json::Value::Null);
    let whole_sheet = rows
        .iter()
        .find(|r| r["zelle"] == "ganzes Blatt" && r["blatt"] == "Mitglieder")
        .unwrap_or_else(|| panic!("a row for the sheet Mitglieder: {rows:?}"));
    assert_eq!(whole_sheet["link"], "'Mitglieder'!A1");

    for copy in ["ag-bildung-Meldungen.xlsx", "ag-wohnen-Meldungen.xlsx"] {
        assert_opens_in_excel(&answers.join(copy));
    }
    let pdf_dir = tmp.path().join("pdf");
    let status = std::process::Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(&pdf_dir)
        .arg(answers.join("ag-bildung-Meldungen.xlsx"))
        .env("HOME", tmp.path())
        .output()
        .unwrap();
    assert!(status.status.success(), "{status:?}");
    let words = pdf_words(&pdf_dir.join("ag-bildung-Meldungen.pdf"));
    assert!(
        words.contains("Meldungen von konzept zu arbeitsgruppen/ag-bildung.xlsx"),
        "{words}"
    );
    assert!(words.contains("Beginn: „irgendwann“ ist"), "{words}");
    // The data sheets are there. LibreOffice prints a measure's cells beside
    // the wrapped header texts, so pdftotext may interleave the words of a
    // title with its neighbours: look for the words, not the phrase.
    for word in ["Sprachcafé", "Lesepatenschaften", "Kämmerei"] {
        assert!(words.contains(word), "the data sheets are there: {words}");
    }
}

#[test]
fn a_returned_copy_reads_like_the_original() {
    // The group corrects its copy and sends it back; the coordinator puts
    // it in place of the original: the sheet Meldungen is not in the way.
    let tmp = returned_project();
    let dir = tmp.path().join("beispielheim");
    let answers = tmp.path().join("rueckmeldungen");
    let first = check(&dir, &["--annotate", answers.to_str().unwrap()]);
    std::fs::copy(
        answers.join("ag-bildung-Meldungen.xlsx"),
        dir.join("arbeitsgruppen/ag-bildung.xlsx"),
    )
    .unwrap();
    let again = check(&dir, &["--annotate", answers.to_str().unwrap()]);
    assert_eq!(again.errors(), first.errors());
    assert_eq!(again.warnings(), first.warnings());
    // The group fixes Beginn; the next round's copy drops that mark and
    // replaces the first round's sheet and comments.
    run_python(
        "import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n\
         wb['Maßnahmen']['H2'] = 2026\nwb.save(sys.argv[1])\n",
        &dir.join("arbeitsgruppen/ag-bildung.xlsx"),
    );
    let third = check(&dir, &["--annotate", answers.to_str().unwrap()]);
    assert_eq!(
        third.errors().len() + 1,
        first.errors().len(),
        "{}",
        third.stderr
    );
    let book = read_back(&answers.join("ag-bildung-Meldungen.xlsx"));
    let sheets = book["sheets"].as_array().unwrap();
    assert_eq!(
        sheets.iter().filter(|s| *s == "Meldungen").count(),
        1,
        "{book}"
    );
    assert!(book["cells"]["Maßnahmen!H2"].is_null(), "{book}");
    assert!(book["meldungen"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["zelle"] != "H2"));
    let comment = book["cells"]["Maßnahmen!F3"]["comment"].as_str().unwrap();
    assert_eq!(comment.matches("Fehler: ").count(), 1, "{comment}");
    assert_eq!(book["cells"]["Maßnahmen!F3"]["fill"], "FFFFC7CE");
}

#[test]
fn ods_and_xls_come_back_as_xlsx_with_their_values() {
    let tmp = copy_to_temp(&repo().join("examples/musterstadt"));
    let toml = tmp.path().join("konzept.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    // A shorter Laufzeit: measures that end in 2029 or 2030 get warnings.
    let shorter = text.replace(
        "laufzeit = { von = 2026, bis = 2030 }",
        "laufzeit = { von = 2026, bis = 2027 }",
    );
    assert_ne!(shorter, text);
    std::fs::write(&toml, shorter).unwrap();
    let answers = tmp.path().join("ausgabe/rueckmeldungen");
    let out = check(tmp.path(), &["--annotate", answers.to_str().unwrap()]);
    out.assert_code(0);
    assert!(
        out.stderr
            .contains("ag-kultur-Meldungen.xlsx (zu arbeitsgruppen/ag-kultur.ods: 0 Fehler, "),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("; nur die Werte)"), "{}", out.stderr);
    for (original, copy) in [
        ("ag-kultur.ods", "ag-kultur-Meldungen.xlsx"),
        ("ag-gesundheit.xls", "ag-gesundheit-Meldungen.xlsx"),
    ] {
        let warning = out
            .warnings()
            .into_iter()
            .find(|l| l.contains(&format!("arbeitsgruppen/{original} › Maßnahmen › ")))
            .unwrap_or_else(|| panic!("a warning in {original}:\n{}", out.stderr))
            .to_string();
        let cell = warning
            .split(" › ")
            .nth(2)
            .unwrap()
            .split(':')
            .next()
            .unwrap();
        assert_opens_in_excel(&answers.join(copy));
        let book = read_back(&answers.join(copy));
        assert_eq!(book["sheets"][0], "Meldungen");
        assert!(
            book["sheets"].as_array().unwrap().contains(&"Ziele".into()),
            "{book}"
        );
        let marked = &book["cells"][format!("Maßnahmen!{cell}")];
        assert_eq!(marked["fill"], "FFFFEB9C", "{warning}: {book}");
        assert!(
            marked["comment"]
                .as_str()
                .unwrap()
                .starts_with("Warnung: Ende"),
            "{marked}"
        );
        assert!(
            marked["value"].as_str().unwrap().starts_with("20"),
            "a date: {marked}"
        );
        let row = book["meldungen"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["zelle"] == cell)
            .cloned()
            .unwrap_or_default();
        assert_eq!(row["link"], format!("'Maßnahmen'!{cell}"), "{book}");
    }
}

#[test]
fn the_folder_of_the_workbooks_is_refused() {
    let tmp = returned_project();
    let dir = tmp.path().join("beispielheim");
    for folder in [dir.join("arbeitsgruppen"), dir.clone()] {
        let out = check(&dir, &["--annotate", folder.to_str().unwrap()]);
        out.assert_code(1);
        let refusal = out
            .errors()
            .into_iter()
            .find(|l| l.contains("werden keine kommentierten Kopien geschrieben"))
            .unwrap_or_else(|| panic!("{}", out.stderr))
            .to_string();
        assert!(refusal.contains("dort liegt die Arbeitsmappe"), "{refusal}");
        assert!(
            out.stderr.contains("--annotate rueckmeldungen"),
            "{}",
            out.stderr
        );
        let copies: Vec<_> = walk(&dir)
            .into_iter()
            .filter(|p| p.to_string_lossy().contains("-Meldungen"))
            .collect();
        assert!(copies.is_empty(), "{copies:?}");
    }
}

#[test]
fn a_file_that_is_no_workbook_gets_no_copy_but_a_word() {
    let tmp = returned_project();
    let dir = tmp.path().join("beispielheim");
    // Saved from Excel as CSV, then renamed.
    std::fs::write(
        dir.join("arbeitsgruppen/ag-sport.xlsx"),
        "Nr;Ziel\n1;Lesen\n",
    )
    .unwrap();
    let answers = tmp.path().join("rueckmeldungen");
    let out = check(&dir, &["--annotate", answers.to_str().unwrap()]);
    out.assert_code(1);
    assert!(
        out.warnings().contains(
            &"warnung: arbeitsgruppen/ag-sport.xlsx: keine kommentierte Kopie: die Datei lässt \
              sich nicht lesen (siehe die Meldung zu ihr)"
        ),
        "{}",
        out.stderr
    );
    assert!(!answers.join("ag-sport-Meldungen.xlsx").exists());
    assert!(answers.join("ag-bildung-Meldungen.xlsx").exists());
}

#[test]
fn summary_on_stdout_and_nothing_to_annotate_in_a_clean_project() {
    let tmp = copy_to_temp(&repo().join("examples/musterstadt"));
    let answers = tmp.path().join("rueckmeldungen");
    let out = check(tmp.path(), &["--annotate", answers.to_str().unwrap()]);
    out.assert_code(0);
    // `konzept check > meldungen.txt` is not empty.
    assert_eq!(out.stdout, "0 Fehler, 0 Warnungen in 9 geprüften Dateien\n");
    assert!(
        out.stderr.contains("keine Kopie geschrieben"),
        "{}",
        out.stderr
    );
    assert!(!answers.exists() || walk(&answers).is_empty());
    // With problems: the messages on stderr, the summary on stdout.
    let tmp = returned_project();
    let out = check(&tmp.path().join("beispielheim"), &[]);
    assert!(
        out.stdout.ends_with("Dateien\n") && out.stdout.lines().count() == 1,
        "{}",
        out.stdout
    );
    assert!(
        out.stdout
            .contains(&format!("{} Fehler", out.errors().len())),
        "{}",
        out.stdout
    );
    assert!(!out.errors().is_empty());
}

/// openxml-audit finds nothing that would make Excel repair the file.
#[track_caller]
fn assert_opens_in_excel(file: &Path) {
    require("openxml-audit", "--help");
    let out = std::process::Command::new("openxml-audit")
        .args(["--policy", "permissive", "-f", "office2016"])
        .arg(file)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(
        text.contains("Errors: 0") && text.contains("expected to open cleanly"),
        "{}: {text}",
        file.display()
    );
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap().flatten() {
        if e.path().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}
