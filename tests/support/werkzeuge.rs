//! The external readers the tests look at documents with, shared by the
//! modules of the integration-test binary (`crate::support::werkzeuge`).
//!
//! A missing reader is a failure, not a skipped test: `tools/test.sh`
//! installs them all, so a test that passed without its reader would prove
//! nothing.

use std::path::Path;
use std::process::Command;

/// Fails the test unless `tool` runs (`tool arg`).
#[track_caller]
pub fn require(tool: &str, arg: &str) {
    if Command::new(tool).arg(arg).output().is_err() {
        panic!("`{tool}` fehlt; bitte `bash tools/test.sh` verwenden, das die Prüfwerkzeuge installiert");
    }
}

/// Fails the test unless python-docx is importable.
#[track_caller]
pub fn require_python_docx() {
    let ok = Command::new("python3")
        .args(["-c", "import docx"])
        .status()
        .is_ok_and(|s| s.success());
    assert!(
        ok,
        "python-docx fehlt; bitte `bash tools/test.sh` verwenden, das es installiert"
    );
}

/// openxml-audit (`--policy permissive -f office2016`) finds no error, and
/// no warning but `numId 0`, which the standard defines as "no numbering"
/// (unnumbered headings) and the validator looks up all the same.
#[track_caller]
pub fn assert_valid_docx(file: &Path) {
    require("openxml-audit", "--help");
    let out = Command::new("openxml-audit")
        .args(["--policy", "permissive", "-f", "office2016"])
        .arg(file)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    assert!(text.contains("Errors: 0"), "{}: {text}", file.display());
    for line in text
        .lines()
        .filter(|l| l.starts_with('W') && l.contains('.'))
    {
        assert!(
            line.contains("Numbering definition '0'"),
            "{}: unexpected warning: {line}\n{text}",
            file.display()
        );
    }
}

/// openxml-audit (`--odf-level schema-core -f odf1.3`, the OASIS schemas)
/// finds no error, and the mimetype sits at byte offset 38. It exits 0 even
/// when it finds errors: its summary counts.
#[track_caller]
pub fn assert_valid_odt(file: &Path) {
    require("openxml-audit", "--help");
    let out = Command::new("openxml-audit")
        .args(["--odf-level", "schema-core", "-f", "odf1.3"])
        .arg(file)
        .output()
        .unwrap();
    let text =
        String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    let errors = text
        .lines()
        .find_map(|l| l.trim().strip_prefix("Errors: "))
        .unwrap_or_else(|| panic!("no summary from openxml-audit: {text}"));
    assert_eq!(errors.trim(), "0", "{}: {text}", file.display());
    let bytes = std::fs::read(file).unwrap();
    let mime = b"application/vnd.oasis.opendocument.text";
    assert_eq!(&bytes[30..38], b"mimetype", "{}", file.display());
    assert_eq!(&bytes[38..38 + mime.len()], mime, "{}", file.display());
}

/// The text of a PDF as `pdftotext` reads it, as words joined by single
/// spaces, with hyphenation at line ends undone: what a reader sees,
/// independent of where lines and pages break.
#[track_caller]
pub fn pdf_words(pdf: &Path) -> String {
    let out = Command::new("pdftotext")
        .args(["-enc", "UTF-8"])
        .arg(pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs (tools/test.sh installs poppler-utils)");
    assert!(out.status.success(), "pdftotext {}", pdf.display());
    String::from_utf8_lossy(&out.stdout)
        .replace("\u{ad}\n", "")
        .replace("-\n", "-")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Copies a project folder (e.g. `examples/musterstadt`) as a user would hand
/// it in: without `ausgabe/` (the outputs of earlier builds) and without
/// `vorlagen/` (template overrides someone may have written into the
/// example while trying `konzept templates`).
pub fn copy_project(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for e in std::fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let name = e.file_name();
        if name == "ausgabe" || name == "vorlagen" {
            continue;
        }
        let target = to.join(&name);
        if e.file_type().unwrap().is_dir() {
            copy_project(&e.path(), &target);
        } else {
            std::fs::copy(e.path(), target).unwrap();
        }
    }
}

/// Runs a Python `script` with `file` as its argument (`sys.argv[1]`) and
/// returns what it printed; fails the test with Python's error output.
#[track_caller]
pub fn run_python(script: &str, file: &Path) -> String {
    let out = Command::new("python3")
        .args(["-c", script])
        .arg(file)
        .output()
        .expect("python3 runs (tools/test.sh installs it)");
    assert!(
        out.status.success(),
        "python3 on {}:\n{}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).expect("UTF-8 from python3")
}
