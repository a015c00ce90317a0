//! Hostile and broken input: nothing crashes, nothing leaks, nothing is lost.
//!
//! Each test copies the example project to a temporary folder, damages it in
//! one way and runs the real binary.

use crate::support::werkzeuge;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

fn konzept(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(args)
        .output()
        .expect("konzept runs")
}

/// A fresh copy of the example project.
fn example() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    werkzeuge::copy_project(&repo().join("examples/musterstadt"), dir.path());
    dir
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn errors(o: &Output) -> Vec<String> {
    stderr(o)
        .lines()
        .filter(|l| l.starts_with("fehler:"))
        .map(str::to_string)
        .collect()
}

#[track_caller]
fn assert_no_panic(o: &Output) {
    let err = stderr(o);
    assert!(!err.contains("panicked"), "{err}");
    assert!(o.status.code().is_some(), "killed by a signal: {err}");
}

/// Adds a hostile workbook as a working group's file; expects exactly one
/// error naming it.
#[track_caller]
fn one_bad_workbook(fixture: &str, expect: &str) {
    let dir = example();
    std::fs::copy(
        repo()
            .join("tests/fixtures/failing/robustness")
            .join(fixture),
        dir.path().join("arbeitsgruppen").join(fixture),
    )
    .unwrap();
    let out = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    assert_eq!(errors.len(), 1, "{}", stderr(&out));
    assert!(
        errors[0].contains(&format!("arbeitsgruppen/{fixture}")),
        "{}",
        errors[0]
    );
    assert!(errors[0].contains(expect), "{}", errors[0]);
}

#[test]
fn zip_bomb_is_refused() {
    one_bad_workbook("zip-bomb.xlsx", "Zip-Bombe");
}

#[test]
fn sheet_spanning_the_whole_grid_is_refused_before_allocating() {
    one_bad_workbook("far-cells.xlsx", "XFD1048576");
}

#[test]
fn sheet_hiding_its_extent_is_refused_while_streaming() {
    one_bad_workbook("far-cells-hidden.xlsx", "XFD1048576");
}

#[test]
fn cell_longer_than_excel_allows_is_refused_with_its_cell() {
    one_bad_workbook("long-cell.xlsx", "Maßnahmen › B2");
}

#[test]
fn oversized_file_is_refused_without_reading_it() {
    let dir = example();
    let big = dir.path().join("arbeitsgruppen/riesig.xlsx");
    let f = std::fs::File::create(&big).unwrap();
    f.set_len(60 * 1024 * 1024).unwrap(); // sparse: no disk space used
    let out = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_no_panic(&out);
    let errors = errors(&out);
    assert_eq!(errors.len(), 1, "{}", stderr(&out));
    assert!(errors[0].contains("zu groß"), "{}", errors[0]);
}

/// `konzept.toml` with `kommune.logo` set to `value`.
fn with_logo(dir: &Path, value: &str) {
    let toml = dir.join("konzept.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    let text = text.replace("logo = \"logo.png\"", &format!("logo = {value:?}"));
    std::fs::write(&toml, text).unwrap();
}

#[test]
fn logo_outside_the_project_is_refused() {
    for value in [
        "/etc/hostname.png",
        "../logo.png",
        "arbeitsgruppen/../../logo.png",
    ] {
        let dir = example();
        with_logo(dir.path(), value);
        let out = konzept(&["build", dir.path().to_str().unwrap()]);
        assert_no_panic(&out);
        assert_eq!(out.status.code(), Some(1), "{value}: {}", stderr(&out));
        assert!(
            stderr(&out).contains("aus dem Projektordner hinaus"),
            "{value}: {}",
            stderr(&out)
        );
        assert!(
            !dir.path().join("ausgabe").exists(),
            "nothing written for {value}"
        );
    }
}

#[cfg(unix)]
#[test]
fn symlinks_out_of_the_project_are_refused() {
    let outside = tempfile::tempdir().unwrap();
    std::fs::copy(
        repo().join("examples/musterstadt/logo.png"),
        outside.path().join("geheim.png"),
    )
    .unwrap();
    std::fs::copy(
        repo().join("examples/musterstadt/arbeitsgruppen/ag-bildung.xlsx"),
        outside.path().join("fremd.xlsx"),
    )
    .unwrap();

    let dir = example();
    std::os::unix::fs::symlink(
        outside.path().join("geheim.png"),
        dir.path().join("verweis.png"),
    )
    .unwrap();
    with_logo(dir.path(), "verweis.png");
    let out = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(stderr(&out).contains("Verknüpfung"), "{}", stderr(&out));

    let dir = example();
    std::os::unix::fs::symlink(
        outside.path().join("fremd.xlsx"),
        dir.path().join("arbeitsgruppen/fremd.xlsx"),
    )
    .unwrap();
    let out = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    let errors = errors(&out);
    assert_eq!(errors.len(), 1, "{}", stderr(&out));
    assert!(
        errors[0].contains("arbeitsgruppen/fremd.xlsx") && errors[0].contains("Verknüpfung"),
        "{}",
        errors[0]
    );
}

#[test]
fn output_folder_outside_the_project_is_refused() {
    let dir = example();
    let toml = dir.path().join("konzept.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    // The example has an [ausgabe] section already (its formats).
    let text = text.replacen(
        "[ausgabe]\n",
        "[ausgabe]\nverzeichnis = \"../anderswo\"\n",
        1,
    );
    std::fs::write(&toml, text).unwrap();
    let out = konzept(&["build", dir.path().to_str().unwrap()]);
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("`ausgabe.verzeichnis`"),
        "{}",
        stderr(&out)
    );
    assert!(!dir.path().parent().unwrap().join("anderswo").exists());
}

fn pdf_of(dir: &Path) -> PathBuf {
    dir.join("ausgabe/Integrationskonzept-Musterstadt-1.0.pdf")
}

fn docx_of(dir: &Path) -> PathBuf {
    dir.join("ausgabe/Integrationskonzept-Musterstadt-1.0.docx")
}

#[test]
fn failed_build_keeps_the_previous_outputs() {
    let dir = example();
    let ok = konzept(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let pdf = std::fs::read(pdf_of(dir.path())).unwrap();
    let docx = std::fs::read(docx_of(dir.path())).unwrap();

    // Break a workbook: the next build must fail and leave both files alone.
    std::fs::write(dir.path().join("arbeitsgruppen/ag-bildung.xlsx"), b"kaputt").unwrap();
    let bad = konzept(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(bad.status.code(), Some(1));
    assert_eq!(std::fs::read(pdf_of(dir.path())).unwrap(), pdf);
    assert_eq!(std::fs::read(docx_of(dir.path())).unwrap(), docx);
    let names: Vec<String> = std::fs::read_dir(dir.path().join("ausgabe"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    // The concept's PDF, DOCX and ODT, the submission's PDF, DOCX, ODT and
    // OParl file.
    assert_eq!(names.len(), 7, "no stray files: {names:?}");
}

/// A build killed with SIGKILL at any moment leaves the last good PDF and
/// DOCX readable, and the next build succeeds.
#[cfg(unix)]
#[test]
fn killed_build_leaves_the_last_good_outputs() {
    let dir = example();
    let path = dir.path().to_str().unwrap().to_string();
    let ok = konzept(&["build", &path]);
    assert_eq!(ok.status.code(), Some(0), "{}", stderr(&ok));
    let good_pdf = std::fs::read(pdf_of(dir.path())).unwrap();
    let good_docx = std::fs::read(docx_of(dir.path())).unwrap();

    for delay_ms in [50u64, 200, 400, 600, 800, 1000, 1300] {
        let mut child = Command::new(env!("CARGO_BIN_EXE_konzept"))
            .args(["build", &path])
            .stdout(std::process::Stdio::null())
            .stderr(std::process::Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(std::time::Duration::from_millis(delay_ms));
        let _ = child.kill(); // SIGKILL
        let _ = child.wait();
        // Same input: a completed write gives the same bytes, an interrupted
        // one leaves the previous file.
        assert_eq!(
            std::fs::read(pdf_of(dir.path())).unwrap(),
            good_pdf,
            "PDF after kill at {delay_ms} ms"
        );
        assert_eq!(
            std::fs::read(docx_of(dir.path())).unwrap(),
            good_docx,
            "DOCX after kill at {delay_ms} ms"
        );
    }
    let again = konzept(&["build", &path]);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
}

#[test]
fn two_builds_at_once_do_not_corrupt_each_other() {
    let dir = example();
    let path = dir.path().to_str().unwrap().to_string();
    let spawn = || {
        Command::new(env!("CARGO_BIN_EXE_konzept"))
            .args(["build", &path])
            .output()
    };
    let (a, b) = std::thread::scope(|s| {
        let a = s.spawn(spawn);
        let b = s.spawn(spawn);
        (a.join().unwrap().unwrap(), b.join().unwrap().unwrap())
    });
    assert_eq!(a.status.code(), Some(0), "{}", stderr(&a));
    assert_eq!(b.status.code(), Some(0), "{}", stderr(&b));
    let pdf = std::fs::read(pdf_of(dir.path())).unwrap();
    assert!(pdf.starts_with(b"%PDF-") && pdf.ends_with(b"%%EOF\n") || pdf.ends_with(b"%%EOF"));
    let docx = std::fs::read(docx_of(dir.path())).unwrap();
    assert!(zip_entries(&docx) > 5);
}

fn zip_entries(bytes: &[u8]) -> usize {
    zip::ZipArchive::new(std::io::Cursor::new(bytes))
        .map(|z| z.len())
        .unwrap_or(0)
}

#[test]
fn inputs_are_never_overwritten_even_if_the_output_folder_is_the_project() {
    let dir = example();
    let toml = dir.path().join("konzept.toml");
    let mut text = std::fs::read_to_string(&toml).unwrap();
    text = text.replacen("[ausgabe]\n", "[ausgabe]\nverzeichnis = \".\"\n", 1);
    std::fs::write(&toml, &text).unwrap();
    let before: Vec<(PathBuf, Vec<u8>)> = ["konzept.toml", "steuerung.xlsx", "logo.png"]
        .iter()
        .map(|n| {
            (
                dir.path().join(n),
                std::fs::read(dir.path().join(n)).unwrap(),
            )
        })
        .collect();
    let out = konzept(&["build", dir.path().to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    for (p, bytes) in before {
        assert_eq!(
            std::fs::read(&p).unwrap(),
            bytes,
            "{} unchanged",
            p.display()
        );
    }
    assert!(dir
        .path()
        .join("Integrationskonzept-Musterstadt-1.0.pdf")
        .exists());
}

/// Found by fuzzing (`fuzz/`, target `workbook`): a damaged `.xls` made
/// calamine's container reader panic (slice index out of range); the file is
/// now reported as broken.
#[test]
fn xls_with_broken_container_is_reported_not_a_panic() {
    let bytes =
        std::fs::read(repo().join("tests/fixtures/regressions/fuzz/workbook-xls-cfb-slice.xls"))
            .unwrap();
    let e = konzept::input::workbook::read_workbook_bytes(bytes, "xls", "ag-kultur.xls")
        .expect_err("a broken workbook");
    assert!(e.message.contains("beschädigt"), "{}", e.message);
}

/// The same file through the real binary: one German error naming it, and
/// no panic message on the terminal (calamine's panic is caught quietly).
#[test]
fn broken_xls_in_a_project_is_one_error_without_panic_output() {
    let dir = example();
    std::fs::copy(
        repo().join("tests/fixtures/regressions/fuzz/workbook-xls-cfb-slice.xls"),
        dir.path().join("arbeitsgruppen/kaputt.xls"),
    )
    .unwrap();
    let out = konzept(&["check", dir.path().to_str().unwrap()]);
    assert_no_panic(&out);
    let errors = errors(&out);
    assert_eq!(errors.len(), 1, "{}", stderr(&out));
    assert!(
        errors[0].contains("arbeitsgruppen/kaputt.xls") && errors[0].contains("beschädigt"),
        "{}",
        errors[0]
    );
}

/// An 807-byte `.ods` whose one row repeats a filled cell 16 000 times and
/// itself 6 000 times: calamine would expand it to 96 million cells (about
/// 3 GB). Found while fuzzing (libFuzzer's out-of-memory check); the used
/// area is now bounded from `content.xml` before calamine reads it.
#[test]
fn ods_with_huge_repeat_counts_is_refused_without_allocating() {
    let bytes = std::fs::read(
        repo().join("tests/fixtures/regressions/fuzz/workbook-ods-repeated-cells.ods"),
    )
    .unwrap();
    let e = konzept::input::workbook::read_workbook_bytes(bytes, "ods", "ag.ods")
        .expect_err("a sheet far too large");
    assert!(e.message.contains("zu groß"), "{}", e.message);
}

/// Found by fuzzing (`fuzz/`, target `workbook`): a 9 KB damaged `.xls` whose
/// compound-file sector chain loops makes calamine's `Cfb::get_chain` grow a
/// buffer without end (libFuzzer out-of-memory; 4 GB allocation requested).
/// `catch_unwind` cannot help there; the chains are now checked before
/// calamine follows them (`guard_cfb`).
#[test]
fn xls_with_looping_sector_chain_is_reported_not_an_abort() {
    let bytes = std::fs::read(
        repo().join("tests/fixtures/regressions/fuzz/workbook-xls-huge-allocation.xls"),
    )
    .unwrap();
    let e = konzept::input::workbook::read_workbook_bytes(bytes, "xls", "ag.xls")
        .expect_err("a broken workbook");
    assert!(e.message.contains("beschädigt"), "{}", e.message);
}

/// A template override with a runaway computation (Typst cannot be
/// cancelled from inside) ends after the time limit with a clear error
/// instead of hanging; the previous outputs stay.
#[test]
fn runaway_template_override_ends_after_the_time_limit() {
    let dir = example();
    let over = dir.path().join("vorlagen/typst");
    std::fs::create_dir_all(&over).unwrap();
    std::fs::write(
        over.join("kapitel-1.typ.hbs"),
        "// Vorlage: vorlagen/typst/kapitel-1.typ.hbs\n= Warum Integration?\n\
         #let n = 0\n#for i in range(1000000) { for j in range(1000000) { n += 1 } }\n#n\n",
    )
    .unwrap();
    let start = std::time::Instant::now();
    let out = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(["build", dir.path().to_str().unwrap()])
        .env("KONZEPT_ZEITLIMIT", "2")
        .output()
        .unwrap();
    let took = start.elapsed();
    assert_no_panic(&out);
    assert_eq!(out.status.code(), Some(1), "{}", stderr(&out));
    assert!(
        stderr(&out).contains("länger als 2 Sekunden"),
        "{}",
        stderr(&out)
    );
    assert!(took < std::time::Duration::from_secs(60), "took {took:?}");
    assert!(!pdf_of(dir.path()).exists(), "no PDF from a failed build");
}

/// Found by fuzzing (`workbook`, after the fixes above): an `.xls` whose
/// DIMENSIONS record claims billions of rows made calamine reserve 1.7
/// petabytes (abort). The records are now bounded before calamine reads.
#[test]
fn xls_claiming_billions_of_rows_is_refused_not_an_abort() {
    let bytes =
        std::fs::read(repo().join("tests/fixtures/regressions/fuzz/workbook-xls-dimensions.xls"))
            .unwrap();
    let e = konzept::input::workbook::read_workbook_bytes(bytes, "xls", "ag.xls")
        .expect_err("a workbook that claims too many cells");
    assert!(e.message.contains("beschädigt"), "{}", e.message);
}

/// Found by fuzzing (`workbook`, a slow unit): an `.xls` with a sheet of
/// tens of thousands of rows made the header search quadratic (minutes). The
/// header is now searched among the first rows only, and the sheet's width
/// is computed once; the file is read and checked at once.
#[test]
fn sheet_with_many_rows_is_checked_quickly_not_hanging() {
    let dir = example();
    std::fs::copy(
        repo().join("tests/fixtures/regressions/fuzz/workbook-xls-many-rows.xls"),
        dir.path().join("arbeitsgruppen/viele-zeilen.xls"),
    )
    .unwrap();
    let mut child = Command::new(env!("CARGO_BIN_EXE_konzept"))
        .args(["check", dir.path().to_str().unwrap()])
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Generous bound for a slow CI machine; before the fix it ran for minutes.
    let deadline = std::time::Instant::now() + std::time::Duration::from_secs(60);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert_eq!(status.code(), Some(1));
            break;
        }
        if std::time::Instant::now() > deadline {
            let _ = child.kill();
            panic!("konzept check did not finish within 60 s");
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
}

/// Found by fuzzing (`workbook`, out-of-memory): an `.xls` whose cell
/// records lie far apart made calamine allocate their dense bounding box
/// (4 GB). The cells' extent is now bounded from the records first.
#[test]
fn xls_with_far_apart_cells_is_refused_before_allocating() {
    let bytes =
        std::fs::read(repo().join("tests/fixtures/regressions/fuzz/workbook-xls-far-cells.xls"))
            .unwrap();
    let e = konzept::input::workbook::read_workbook_bytes(bytes, "xls", "ag.xls")
        .expect_err("a workbook whose cells span too much");
    assert!(e.message.contains("beschädigt"), "{}", e.message);
}

/// Found by fuzzing (`workbook`, abort): the DIMENSIONS record that made
/// calamine reserve too much sat where a damaged BOUNDSHEET record pointed,
/// not where a scan from the start of the stream finds records. The guard
/// now scans from every sheet offset, as calamine reads.
#[test]
fn xls_with_dimensions_at_a_sheet_offset_is_refused_not_an_abort() {
    let bytes =
        std::fs::read(repo().join("tests/fixtures/regressions/fuzz/workbook-xls-sheet-offset.xls"))
            .unwrap();
    let e = konzept::input::workbook::read_workbook_bytes(bytes, "xls", "ag.xls")
        .expect_err("a workbook that claims too many cells");
    assert!(e.message.contains("beschädigt"), "{}", e.message);
}

/// Found by fuzzing (`workbook`, out-of-memory): calamine follows the chain
/// of the first directory entry as the mini stream whatever the entry's
/// type; a looping chain there grew without end. The guard follows it too.
#[test]
fn xls_with_looping_first_entry_chain_is_refused_not_an_abort() {
    let bytes =
        std::fs::read(repo().join("tests/fixtures/regressions/fuzz/workbook-xls-root-chain.xls"))
            .unwrap();
    let e = konzept::input::workbook::read_workbook_bytes(bytes, "xls", "ag.xls")
        .expect_err("a workbook whose container loops");
    assert!(e.message.contains("beschädigt"), "{}", e.message);
}

/// Every input of the committed fuzz corpora (`fuzz/corpus/`), replayed in
/// CI the way the fuzz targets read them: the workbook corpus holds damaged
/// `.xlsx`, `.ods` and `.xls` files that once reached new code in the
/// readers, the markdown corpus odd texts. None may panic; a workbook is
/// read or refused with a message that names the file.
#[test]
fn fuzz_corpora_replay_without_panics() {
    konzept::input::workbook::install_panic_hook();
    let files = |target: &str| -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(repo().join("fuzz/corpus").join(target))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        v.sort();
        v
    };
    let workbooks = files("workbook");
    assert!(workbooks.len() > 100, "{} inputs", workbooks.len());
    let (mut read, mut refused) = (0, 0);
    for path in &workbooks {
        let bytes = std::fs::read(path).unwrap();
        let mut exts = vec!["xlsx"];
        if bytes.starts_with(b"PK") {
            exts.push("ods");
        }
        for ext in exts {
            match konzept::input::workbook::read_workbook_bytes(bytes.clone(), ext, "ag.xlsx") {
                Ok(wb) => {
                    read += 1;
                    for sheet in &wb.sheets {
                        for r in sheet.row_range() {
                            for c in sheet.col_range() {
                                let _ = sheet.cell(r, c).display();
                            }
                        }
                    }
                }
                Err(d) => {
                    refused += 1;
                    assert!(d.to_string().contains("ag.xlsx"), "{}: {d}", path.display());
                }
            }
        }
    }
    // The corpus holds both: inputs that still read and inputs refused.
    assert!(read > 10 && refused > 10, "{read} read, {refused} refused");

    for path in files("markdown") {
        let bytes = std::fs::read(&path).unwrap();
        let text = String::from_utf8_lossy(&bytes);
        let rich = konzept::input::markdown::parse(&text);
        let _ = rich.plain();
    }
}
