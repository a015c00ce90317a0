//! The DOCX as Word, LibreOffice and python-docx see it. Needs the external
//! tools `openxml-audit`, `soffice`, `pdftotext` and python-docx; a missing
//! tool fails the test (`tools/test.sh` installs them).

use crate::support::werkzeuge::{self, assert_valid_docx, require, require_python_docx};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::OnceLock;

use konzept::model::Konzept;
use konzept::render::docx::{headings, render_docx, ChartImage};
use konzept::render::typst::HeadingPos;

struct Built {
    _dir: tempfile::TempDir,
    docx: PathBuf,
    konzept: Konzept,
}

/// The example's DOCX, built once, with synthetic pages (1 + position) for
/// the table of contents and the logo standing in for every chart.
fn example() -> &'static Built {
    static B: OnceLock<Built> = OnceLock::new();
    B.get_or_init(|| {
        let c = konzept::pipeline::check(Path::new("examples/musterstadt"));
        let mut k = c.konzept.expect("example model");
        // A draft, so that the watermark is exercised too.
        k.meta.entwurf = true;
        let model = serde_json::to_value(&k).unwrap();
        let pages: Vec<HeadingPos> = headings(&model)
            .unwrap()
            .iter()
            .enumerate()
            .map(|(i, h)| HeadingPos {
                level: h.level,
                numbering: h.number.clone(),
                title: h.title.clone(),
                page: i + 3,
                label: None,
            })
            .collect();
        let logo = c.assets.logo.clone().expect("logo").1;
        let d = &k.diagramme;
        let charts: Vec<ChartImage> = [
            &d.finanzen,
            &d.zeitplan,
            &d.statistik,
            &d.massnahmen,
            &d.kosten,
        ]
        .iter()
        .map(|d| ChartImage {
            name: d.name.clone(),
            titel: d.titel.clone(),
            alt: d.alt.clone(),
            png: logo.clone(),
            width_px: 600,
            height_px: 300,
        })
        .collect();
        let bytes = render_docx(&model, &c.assets, &pages, &charts).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let docx = dir.path().join("konzept.docx");
        std::fs::write(&docx, bytes).unwrap();
        Built {
            _dir: dir,
            docx,
            konzept: k,
        }
    })
}

/// All text python-docx sees: paragraphs, table cells, one per line.
fn docx_text(path: &Path) -> String {
    let script = r#"
import sys, docx
d = docx.Document(sys.argv[1])
def walk(doc):
    for p in doc.paragraphs:
        print(p.style.name + "\t" + p.text)
    for t in doc.tables:
        for r in t.rows:
            for c in r.cells:
                for p in c.paragraphs:
                    print("cell\t" + p.text)
walk(d)
print("core\t" + d.core_properties.title + "|" + d.core_properties.author + "|" + d.core_properties.language + "|" + d.core_properties.keywords)
"#;
    werkzeuge::run_python(script, path)
}

#[test]
fn validator_finds_no_errors() {
    let b = example();
    assert_valid_docx(&b.docx);
}

#[test]
fn python_docx_reads_every_goal_measure_and_heading() {
    require_python_docx();
    let b = example();
    let text = docx_text(&b.docx);
    for f in &b.konzept.felder {
        for z in &f.ziele {
            assert!(text.contains(&z.ziel), "Ziel {} fehlt", z.nr);
        }
        for m in &f.massnahmen {
            assert!(text.contains(&m.titel), "Maßnahme {} fehlt", m.nr);
        }
    }
    for h in headings(&serde_json::to_value(&b.konzept).unwrap()).unwrap() {
        let line = format!("Heading {}\t", h.level);
        let expected = match &h.number {
            // Appendix letters are literal text; chapter numbers come from numbering.xml.
            Some(n) if n.chars().all(|c| c.is_ascii_uppercase()) => {
                format!("{line}{n}\t{}", h.title)
            }
            _ => format!("{line}{}", h.title),
        };
        assert!(text.lines().any(|l| l == expected), "{expected:?} fehlt");
    }
    let core = text.lines().find(|l| l.starts_with("core\t")).unwrap();
    assert!(core.contains(&b.konzept.meta.titel));
    assert!(core.contains(&b.konzept.meta.verantwortlich));
    assert!(core.contains("de-DE"));
}

#[test]
fn user_text_round_trips_through_python_docx() {
    require_python_docx();
    let c = konzept::pipeline::check(Path::new("examples/musterstadt"));
    let mut k = c.konzept.unwrap();
    k.felder[0].massnahmen[0].titel = "A\u{1}&<>\"' {{meta.titel}} مرحبا بكم\u{7}Z".into();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("t.docx");
    std::fs::write(
        &path,
        render_docx(&serde_json::to_value(&k).unwrap(), &c.assets, &[], &[]).unwrap(),
    )
    .unwrap();
    let text = docx_text(&path);
    assert!(text.contains("A&<>\"' {{meta.titel}} مرحبا بكمZ"), "{text}");
}

/// One LibreOffice conversion: it loads the file (it exits 0 even when it
/// does not), shows every goal, measure and a filled table of contents.
#[test]
fn libreoffice_shows_everything_and_a_filled_toc() {
    require("soffice", "--version");
    require("pdftotext", "-v");
    let b = example();
    let out = tempfile::tempdir().unwrap();
    let status = Command::new("soffice")
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(out.path())
        .arg(&b.docx)
        .env("HOME", out.path())
        .status()
        .unwrap();
    assert!(status.success());
    let pdf = out.path().join("konzept.pdf");
    assert!(pdf.exists(), "LibreOffice did not load the DOCX");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap()
        .stdout;
    let text = String::from_utf8(text).unwrap();
    // In content order (`-raw`) a cell's text stays together; the default
    // mode merges the lines of table columns set close to each other.
    let raw = Command::new("pdftotext")
        .arg("-raw")
        .arg(&pdf)
        .arg("-")
        .output()
        .unwrap()
        .stdout;
    let raw = String::from_utf8(raw).unwrap();
    let flat = raw.split_whitespace().collect::<Vec<_>>().join(" ");
    for f in &b.konzept.felder {
        for z in &f.ziele {
            let words = z.ziel.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(flat.contains(&words), "Ziel {} fehlt", z.nr);
        }
        for m in &f.massnahmen {
            assert!(flat.contains(&m.nr), "Maßnahme {} fehlt", m.nr);
        }
    }
    // The TOC lists the headings with the page numbers given (3 + position).
    let hs = headings(&serde_json::to_value(&b.konzept).unwrap()).unwrap();
    let toc = &text[text.find("Inhalt").expect("TOC title")..];
    for (i, h) in hs.iter().enumerate().take(12) {
        let line = toc
            .lines()
            .find(|l| l.contains(&h.title))
            .unwrap_or_else(|| panic!("TOC entry {:?} fehlt", h.title));
        assert!(line.trim_end().ends_with(&(i + 3).to_string()), "{line:?}");
    }
}
