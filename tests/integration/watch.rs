//! `konzept build --watch` on a copy of the example: the first build, then a
//! changed cell in a workbook shows up in the PDF; a broken `konzept.toml`
//! reports errors, keeps the last PDF and keeps watching; fixing it rebuilds;
//! an own template in `vorlagen/` changes its chapter.

use crate::support::{generator, werkzeuge};
use konzept::input::values::CellValue;
use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

/// Generous: debug builds, and other tests run at the same time.
const TIMEOUT: Duration = Duration::from_secs(180);

/// Kills the watching process however the test ends.
struct Watching(Child);

impl Drop for Watching {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// Reads stderr lines until one contains `needle`; all lines read so far
/// are appended to `log`.
fn wait_for(lines: &mpsc::Receiver<String>, needle: &str, log: &mut Vec<String>) {
    let deadline = Instant::now() + TIMEOUT;
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        match lines.recv_timeout(left) {
            Ok(line) => {
                let hit = line.contains(needle);
                log.push(line);
                if hit {
                    return;
                }
            }
            Err(_) => panic!(
                "„{needle}“ kam nicht innerhalb von {TIMEOUT:?}; Ausgabe:\n{}",
                log.join("\n")
            ),
        }
    }
}

/// Writes the workbook again with `old` replaced by `new` in its cells, the
/// way an office program saves: to a temporary file, then renamed.
fn change_cell(path: &Path, old: &str, new: &str) {
    // Outside the project folder, so the half-written file is never read.
    let tmp = path
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .parent()
        .unwrap()
        .join("speichern.xlsx");
    let mut found = false;
    generator::copy_workbook_with(path, &tmp, None, |_, cell| {
        if let CellValue::Text(t) = cell {
            if t.contains(old) {
                *t = t.replace(old, new);
                found = true;
            }
        }
    })
    .unwrap();
    assert!(found, "„{old}“ steht nicht in {}", path.display());
    std::fs::rename(&tmp, path).unwrap();
}

#[test]
fn watch_rebuilds_after_a_changed_cell() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("musterstadt");
    werkzeuge::copy_project(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/musterstadt"),
        &dir,
    );
    let mut child = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(["build", "--watch"])
        .arg(&dir)
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let stderr = child.stderr.take().unwrap();
    let _guard = Watching(child);
    let (tx, lines) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stderr).lines().map_while(Result::ok) {
            if tx.send(line).is_err() {
                break;
            }
        }
    });
    let mut log = Vec::new();
    wait_for(&lines, "beobachte", &mut log);
    let pdf: PathBuf = dir.join("ausgabe/Integrationskonzept-Musterstadt-1.0.pdf");
    let before = std::fs::read(&pdf).expect("erster Build schreibt das PDF");
    let t = werkzeuge::pdf_words(&pdf);
    assert!(t.contains("Rucksack KiTa und Griffbereit ausbauen"), "{t}");
    // The PDF is written first, each file with its own time, then the
    // time until the last file.
    let ms_of = |ext: &str| -> u64 {
        let line = log
            .iter()
            .find(|l| {
                l.starts_with("geschrieben: ") && l.contains(&format!("Musterstadt-1.0.{ext} ("))
            })
            .unwrap_or_else(|| panic!("keine Zeile für .{ext}:\n{}", log.join("\n")));
        let ms = line.rsplit(", ").next().unwrap().trim_end_matches(" ms)");
        ms.parse()
            .unwrap_or_else(|_| panic!("keine Zeit in „{line}“"))
    };
    let written: Vec<&String> = log
        .iter()
        .filter(|l| l.starts_with("geschrieben: "))
        .collect();
    assert!(
        written[0].contains("Integrationskonzept-Musterstadt-1.0.pdf"),
        "{written:?}"
    );
    assert!(ms_of("pdf") <= ms_of("docx"), "{}", log.join("\n"));
    assert!(
        log.iter().any(|l| l.starts_with("fertig nach ")),
        "{}",
        log.join("\n")
    );

    // One cell of a working group's workbook.
    change_cell(
        &dir.join("arbeitsgruppen/ag-bildung.xlsx"),
        "Rucksack KiTa und Griffbereit ausbauen",
        "Rucksack KiTa und Griffbereit verdoppeln",
    );
    let after = wait_for_change(&lines, &pdf, &before, &mut log);
    let t = werkzeuge::pdf_words(&pdf);
    assert!(
        t.contains("Rucksack KiTa und Griffbereit verdoppeln"),
        "{t}"
    );
    assert!(!t.contains("Rucksack KiTa und Griffbereit ausbauen"));

    // A broken konzept.toml: errors, the last PDF stays, watching goes on.
    let toml = dir.join("konzept.toml");
    let good = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(&toml, good.replace("[kommune]", "[kommune\n")).unwrap();
    wait_for(&lines, "vorigen Ausgaben bleiben unverändert", &mut log);
    assert!(
        std::fs::read(&pdf).unwrap() == after,
        "das PDF wurde überschrieben"
    );

    // Fixed again (with a new title): rebuilt.
    std::fs::write(
        &toml,
        good.replace(
            "titel = \"Integrationskonzept der Stadt Musterstadt\"",
            "titel = \"Integrationskonzept der Stadt Musterstadt 2026\"",
        ),
    )
    .unwrap();
    let retitled = wait_for_change(&lines, &pdf, &after, &mut log);
    let t = werkzeuge::pdf_words(&pdf);
    assert!(
        t.contains("Integrationskonzept der Stadt Musterstadt 2026"),
        "{t}"
    );

    // An own template in vorlagen/ (as `konzept templates` writes them):
    // the chapter changes at once.
    let chapter = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("templates/typst/kapitel-1.typ.hbs"),
    )
    .unwrap();
    let own = dir.join("vorlagen/typst/kapitel-1.typ.hbs");
    std::fs::create_dir_all(own.parent().unwrap()).unwrap();
    std::fs::write(
        &own,
        chapter.replace("= Warum Integration?", "= Warum Integration vor Ort?"),
    )
    .unwrap();
    wait_for_change(&lines, &pdf, &retitled, &mut log);
    let t = werkzeuge::pdf_words(&pdf);
    assert!(t.contains("Warum Integration vor Ort?"), "{t}");
}

/// Waits for rebuilds until the PDF differs from `before`; returns it.
fn wait_for_change(
    lines: &mpsc::Receiver<String>,
    pdf: &Path,
    before: &[u8],
    log: &mut Vec<String>,
) -> Vec<u8> {
    let deadline = Instant::now() + TIMEOUT;
    while Instant::now() < deadline {
        wait_for(lines, "aktualisiert: ", log);
        let now = std::fs::read(pdf).unwrap();
        if now != before {
            return now;
        }
    }
    panic!(
        "das PDF hat sich nicht geändert; Ausgabe:\n{}",
        log.join("\n")
    );
}
