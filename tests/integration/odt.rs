//! The ODT as LibreOffice and the ODF validator see it: the example built
//! by the program as a user builds it (`--format pdf,odt,vorlage`, as a
//! draft), validated with `openxml-audit` against the OASIS schemas of ODF
//! 1.3, converted with LibreOffice and read with `pdftotext`. A missing tool
//! fails the test (`tools/test.sh` installs them).

use crate::support::common::{build, copy_to_temp};
use crate::support::werkzeuge::{copy_project, require};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

struct Built {
    dir: tempfile::TempDir,
    konzept: PathBuf,
    vorlage: PathBuf,
}

/// The example, built once as a draft.
fn example() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let dir = tempfile::tempdir().unwrap();
        copy_project(Path::new("examples/musterstadt"), dir.path());
        let toml = dir.path().join("konzept.toml");
        let text = std::fs::read_to_string(&toml).unwrap();
        let text = text.replacen("status = \"Beschlussvorlage\"", "status = \"Entwurf\"", 1);
        assert!(text.contains("status = \"Entwurf\""), "{text}");
        std::fs::write(&toml, text).unwrap();
        build(dir.path(), &["--format", "pdf,odt,vorlage"]).assert_code(0);
        let out = dir.path().join("ausgabe");
        Built {
            konzept: out.join("Integrationskonzept-Musterstadt-1.0.odt"),
            vorlage: out.join("Beschlussvorlage-Musterstadt-1.0.odt"),
            dir,
        }
    })
}

/// `openxml-audit` exits 0 even when it finds errors: its summary counts.
#[track_caller]
fn assert_valid_odt(file: &Path) {
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
}

#[test]
fn odf_validator_finds_no_errors_and_mimetype_sits_at_38() {
    let b = example();
    for f in [&b.konzept, &b.vorlage] {
        assert_valid_odt(f);
        let bytes = std::fs::read(f).unwrap();
        let mime = b"application/vnd.oasis.opendocument.text";
        assert_eq!(&bytes[30..38], b"mimetype", "{}", f.display());
        assert_eq!(&bytes[38..38 + mime.len()], mime, "{}", f.display());
    }
}

#[test]
fn rebuilds_are_byte_identical() {
    let b = example();
    let again = copy_to_temp(b.dir.path());
    std::fs::remove_dir_all(again.path().join("ausgabe")).unwrap();
    build(again.path(), &["--format", "odt,vorlage"]).assert_code(0);
    for f in [&b.konzept, &b.vorlage] {
        let name = f.file_name().unwrap();
        assert!(
            std::fs::read(f).unwrap()
                == std::fs::read(again.path().join("ausgabe").join(name)).unwrap(),
            "{} differs between two builds",
            name.to_string_lossy()
        );
    }
}

/// The text of `file` converted by LibreOffice, page by page.
fn libreoffice_pages(file: &Path) -> Vec<String> {
    require("soffice", "--version");
    require("pdftotext", "-v");
    let out = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out.path())
        .arg(file)
        .env("HOME", out.path())
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = out
        .path()
        .join(file.with_extension("pdf").file_name().unwrap());
    assert!(pdf.exists(), "LibreOffice did not load {}", file.display());
    let text = Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap()
        .stdout;
    String::from_utf8(text)
        .unwrap()
        .split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// One LibreOffice conversion: every measure title, a filled table of
/// contents with page numbers, the header row repeated on continued pages
/// of the landscape overview, the watermark on every page.
#[test]
fn libreoffice_shows_measures_toc_header_rows_and_watermark() {
    let b = example();
    let pages = libreoffice_pages(&b.konzept);
    let all = pages.join(" ");
    let k = konzept::pipeline::check(b.dir.path())
        .konzept
        .expect("model");
    for f in &k.felder {
        for m in &f.massnahmen {
            let words = m.titel.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                all.contains(&words),
                "Maßnahme {} „{}“ fehlt",
                m.nr,
                m.titel
            );
        }
    }
    // The table of contents on page 2: entries with their page numbers
    // ("Warum Integration?....5").
    let toc = &pages[1];
    assert!(toc.contains("Inhalt"), "{toc}");
    assert!(toc.contains("Warum Integration?"), "{toc}");
    let numbered = toc
        .split(' ')
        .filter(|w| w.contains("..") && w.ends_with(|c: char| c.is_ascii_digit()))
        .count();
    assert!(
        numbered > 20,
        "no page numbers in the table of contents: {toc}"
    );
    // Anhang A spans several pages; each repeats the header row.
    let header = "Nr Maßnahme Federführung Partner Zeitraum Kosten Finanzierung Priorität Status";
    let repeated = pages.iter().filter(|p| p.contains(header)).count();
    assert!(repeated >= 2, "header row of Anhang A on {repeated} pages");
    // The watermark on every page, the title page too.
    for (i, p) in pages.iter().enumerate() {
        // pdftotext reads the rotated letters one by one.
        let letters: String = p.split_whitespace().collect();
        assert!(
            letters.contains("ENTWURF"),
            "page {} without watermark: {p}",
            i + 1
        );
    }
    let vorlage = libreoffice_pages(&b.vorlage).join(" ");
    assert!(vorlage.contains("Beschlussvorschlag"), "{vorlage}");
}
