//! The charts as a careful reader sees them (issue 17, defect 4): the value
//! axis at round values in one unit, the DOCX pictures at 300 dpi.

use crate::support::common::{build, copy_to_temp, repo};
use crate::support::werkzeuge::require;
use std::io::Read;
use std::process::Command;

#[test]
fn amount_axes_have_round_ticks_in_one_unit_and_docx_charts_have_300_dpi() {
    require("pdftotext", "-v");
    let tmp = copy_to_temp(&repo().join("examples/musterstadt"));
    build(tmp.path(), &[]).assert_code(0);
    let ausgabe = tmp.path().join("ausgabe");
    let out = Command::new("pdftotext")
        .arg("-layout")
        .arg(ausgabe.join("Integrationskonzept-Musterstadt-1.0.pdf"))
        .arg("-")
        .output()
        .expect("pdftotext runs");
    let text = String::from_utf8_lossy(&out.stdout);
    // The budget chart (2.5 million at most): 0, 0,5 … 2,5 with „Mio. €“ once above.
    let page = text
        .split('\u{c}')
        .find(|p| p.contains("Abbildung 2: Budget nach Jahr"))
        .expect("the budget chart");
    let ticks: Vec<&str> = page
        .lines()
        .map(str::trim)
        .filter(|l| ["0", "0,5", "1,0", "1,5", "2,0", "2,5"].contains(l))
        .collect();
    assert_eq!(ticks, ["2,5", "2,0", "1,5", "1,0", "0,5", "0"], "{page}");
    assert!(page.contains("Mio. €"), "{page}");
    assert!(!page.contains("625 T€"), "{page}");

    // 16 cm at 300 dpi.
    let docx = std::fs::File::open(ausgabe.join("Integrationskonzept-Musterstadt-1.0.docx"))
        .expect("the DOCX");
    let mut zip = zip::ZipArchive::new(docx).unwrap();
    let mut png = Vec::new();
    zip.by_name("word/media/diagramm-finanzen.png")
        .expect("the budget chart as a picture")
        .read_to_end(&mut png)
        .unwrap();
    let width = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert_eq!(width, 1890, "16 cm at 300 dpi");
}
