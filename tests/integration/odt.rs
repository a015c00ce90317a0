//! The ODT as LibreOffice and the ODF validator see it: the example built
//! by the program as a user builds it (`--format pdf,odt,vorlage`, as a
//! draft), validated with `openxml-audit` against the OASIS schemas of ODF
//! 1.3, converted with LibreOffice and read with `pdftotext`. A missing tool
//! fails the test (`tools/test.sh` installs them).

use crate::support::common::{build, copy_to_temp};
use crate::support::werkzeuge::{assert_valid_odt, copy_project, require};
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

/// The text of `file` converted by LibreOffice, page by page, white space
/// joined.
fn libreoffice_pages(file: &Path) -> Vec<String> {
    pages_of(&libreoffice_raw(file))
}

/// Raw `pdftotext` text page by page, white space joined.
fn pages_of(raw: &str) -> Vec<String> {
    raw.split('\u{c}')
        .filter(|p| !p.trim().is_empty())
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .collect()
}

/// The text of `file` converted by LibreOffice, as `pdftotext -raw` reads
/// it (lines as set).
fn libreoffice_raw(file: &Path) -> String {
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
    String::from_utf8(text).unwrap()
}

/// One LibreOffice conversion: every measure title, a filled table of
/// contents with page numbers, the header row repeated on continued pages
/// of the landscape overview, the watermark on every page.
#[test]
fn libreoffice_shows_measures_toc_header_rows_and_watermark() {
    let b = example();
    let raw = libreoffice_raw(&b.konzept);
    // No amount torn from its „€“ (the column widths come from the cells'
    // text, as in the DOCX and the PDF).
    let torn: Vec<&str> = raw.lines().filter(|l| l.starts_with('€')).collect();
    assert!(torn.is_empty(), "„€“ am Zeilenanfang: {} Mal", torn.len());
    let pages = pages_of(&raw);
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
    // The concept parts of issue 18 on pages of their own (not only in the
    // table of contents, whose pages have dot leaders).
    let body = pages
        .iter()
        .filter(|p| !p.contains("....."))
        .cloned()
        .collect::<Vec<_>>()
        .join(" ");
    for part in [
        "Das Wichtigste auf einen Blick",
        "Beteiligungsprozess",
        "Übersicht der Oberziele",
        "Querschnittsthemen",
        "Stellen (VZÄ) je Handlungsfeld und Jahr",
        "Begriffe und Erläuterungen",
        "Quellen",
    ] {
        assert!(body.contains(part), "„{part}“ fehlt im ODT");
    }
    let vorlage = libreoffice_pages(&b.vorlage).join(" ");
    assert!(vorlage.contains("Beschlussvorschlag"), "{vorlage}");
}

/// The text of `content.xml` without its markup.
fn content_text(odt: &Path) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(odt).unwrap()).unwrap();
    let mut xml = String::new();
    std::io::Read::read_to_string(&mut z.by_name("content.xml").unwrap(), &mut xml).unwrap();
    let mut text = String::new();
    let mut in_tag = false;
    for c in xml.chars() {
        match c {
            '<' => in_tag = true,
            '>' => {
                in_tag = false;
                text.push(' ');
            }
            _ if !in_tag => text.push(c),
            _ => {}
        }
    }
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// What issue 18 added to the concept is in the ODT as in the PDF and the
/// DOCX: the guidelines lead to goals, the measure details name place,
/// themes, kind and staff, the priority scheme's words.
#[test]
fn odt_has_the_concept_parts() {
    let b = example();
    let text = content_text(&b.konzept);
    for part in [
        "Das Wichtigste auf einen Blick",
        "Veranstaltungen des Beteiligungsprozesses",
        "Übersicht der Oberziele",
        "Oberziele, Ziele und Maßnahmen",
        "Führt zu: ",
        "Querschnittsthemen",
        "Ort Nordstadt",
        "Themen ",
        "Personal ",
        "VZÄ je Jahr",
        "Stellen (VZÄ) je Handlungsfeld und Jahr",
        "Begriffe und Erläuterungen",
        "Datenquellen",
    ] {
        assert!(text.contains(part), "„{part}“ fehlt in content.xml");
    }
    let k = konzept::pipeline::check(b.dir.path())
        .konzept
        .expect("model");
    let json = serde_json::to_value(&k).unwrap();
    let titel = json["prioritaeten"]["titel"].as_str().unwrap();
    assert!(text.contains(titel), "„{titel}“ fehlt in content.xml");
}

/// `gestaltung.odt_vorlage`: the styles of a LibreOffice template (with
/// LibreOffice's own extension attributes, as LibreOffice writes them) in
/// the ODT, which stays valid strict ODF.
#[test]
fn styles_of_an_ott_replace_the_built_in_ones() {
    use std::io::Write;
    let dir = tempfile::tempdir().unwrap();
    copy_project(Path::new("examples/musterstadt"), dir.path());
    let styles = r##"<?xml version="1.0" encoding="UTF-8"?><office:document-styles xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0" xmlns:loext="urn:org:documentfoundation:names:experimental:office:xmlns:loext:1.0" office:version="1.3"><office:font-face-decls><style:font-face style:name="DejaVu Serif" svg:font-family="'DejaVu Serif'"/></office:font-face-decls><office:styles><style:style style:name="Heading_20_1" style:display-name="Heading 1" style:family="paragraph" style:default-outline-level="1"><style:paragraph-properties fo:break-before="page" loext:contextual-spacing="false"/><style:text-properties fo:color="#C00000" style:font-name="DejaVu Serif" loext:opacity="100%"/></style:style></office:styles></office:document-styles>"##;
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let o = zip::write::SimpleFileOptions::default();
    w.start_file("mimetype", o).unwrap();
    w.write_all(b"application/vnd.oasis.opendocument.text-template")
        .unwrap();
    w.start_file("styles.xml", o).unwrap();
    w.write_all(styles.as_bytes()).unwrap();
    let ott = w.finish().unwrap().into_inner();
    std::fs::write(dir.path().join("haus.ott"), ott).unwrap();
    let toml = dir.path().join("konzept.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        text.replacen(
            "[gestaltung]\n",
            "[gestaltung]\nodt_vorlage = \"haus.ott\"\n",
            1,
        ),
    )
    .unwrap();
    build(dir.path(), &["--format", "odt"]).assert_code(0);
    let odt = dir
        .path()
        .join("ausgabe/Integrationskonzept-Musterstadt-1.0.odt");
    assert_valid_odt(&odt);
    let mut z = zip::ZipArchive::new(std::fs::File::open(&odt).unwrap()).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut z.by_name("styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains("fo:color=\"#C00000\""), "{styles}");
    assert!(styles.contains("style:name=\"DejaVu Serif\""), "{styles}");
    assert!(!styles.contains("loext"), "{styles}");
    assert_eq!(styles.matches("style:name=\"Heading_20_1\"").count(), 1);
}

/// A file in `vorlagen/odt/` replaces its built-in twin.
#[test]
fn an_override_in_vorlagen_odt_replaces_its_built_in_twin() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(Path::new("examples/musterstadt"), dir.path());
    let builtin = std::fs::read_to_string("templates/odt/kapitel-1.xml.hbs").unwrap();
    let own = builtin.replacen("\"Warum Integration?\"", "\"Warum wir das tun\"", 1);
    assert_ne!(own, builtin);
    std::fs::create_dir_all(dir.path().join("vorlagen/odt")).unwrap();
    std::fs::write(dir.path().join("vorlagen/odt/kapitel-1.xml.hbs"), own).unwrap();
    build(dir.path(), &["--format", "odt"]).assert_code(0);
    let odt = dir
        .path()
        .join("ausgabe/Integrationskonzept-Musterstadt-1.0.odt");
    let mut z = zip::ZipArchive::new(std::fs::File::open(&odt).unwrap()).unwrap();
    let mut content = String::new();
    std::io::Read::read_to_string(&mut z.by_name("content.xml").unwrap(), &mut content).unwrap();
    assert!(content.contains("Warum wir das tun</text:h>"));
    assert!(!content.contains("Warum Integration?</text:h>"));
}

/// A template that is no OpenDocument file is an error that names the key.
#[test]
fn an_unreadable_ott_is_an_error_naming_the_key() {
    let dir = tempfile::tempdir().unwrap();
    copy_project(Path::new("examples/musterstadt"), dir.path());
    std::fs::write(dir.path().join("haus.ott"), b"kein Paket").unwrap();
    let toml = dir.path().join("konzept.toml");
    let text = std::fs::read_to_string(&toml).unwrap();
    std::fs::write(
        &toml,
        text.replacen(
            "[gestaltung]\n",
            "[gestaltung]\nodt_vorlage = \"haus.ott\"\n",
            1,
        ),
    )
    .unwrap();
    let out = build(dir.path(), &["--format", "odt"]);
    out.assert_code(1);
    assert!(
        out.stderr
            .contains("`gestaltung.odt_vorlage` „haus.ott“ kann nicht gelesen werden"),
        "{}",
        out.stderr
    );
}
