use super::*;
use crate::render::tests as test_model;
use std::io::{Cursor, Read};

fn example() -> (Value, Assets) {
    let (k, a) = test_model::example();
    (serde_json::to_value(&k).unwrap(), a)
}

fn unzip(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..z.len())
        .map(|i| {
            let mut f = z.by_index(i).unwrap();
            let mut b = Vec::new();
            f.read_to_end(&mut b).unwrap();
            (f.name().unwrap().to_string(), b)
        })
        .collect()
}

#[test]
fn mimetype_is_first_stored_at_offset_38() {
    let (m, a) = example();
    let bytes = render_odt(&m, &a, &[], &[]).unwrap();
    assert_eq!(&bytes[30..38], b"mimetype");
    assert_eq!(
        &bytes[38..38 + package::MIMETYPE.len()],
        package::MIMETYPE.as_bytes()
    );
    let z = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut z = z;
    assert_eq!(
        z.by_index(0).unwrap().compression(),
        zip::CompressionMethod::Stored
    );
}

#[test]
fn identical_input_gives_identical_bytes() {
    let (m, a) = example();
    assert_eq!(
        render_odt(&m, &a, &[], &[]).unwrap(),
        render_odt(&m, &a, &[], &[]).unwrap()
    );
    assert_eq!(
        render_submission_odt(&m, &a).unwrap(),
        render_submission_odt(&m, &a).unwrap()
    );
}

#[test]
fn manifest_lists_every_part() {
    let (m, a) = example();
    let parts = unzip(&render_odt(&m, &a, &[], &[]).unwrap());
    let manifest = &parts
        .iter()
        .find(|p| p.0 == "META-INF/manifest.xml")
        .unwrap()
        .1;
    let manifest = String::from_utf8_lossy(manifest);
    for (name, _) in &parts {
        if name != "mimetype" && name != "META-INF/manifest.xml" {
            assert!(
                manifest.contains(&format!("full-path=\"{name}\"")),
                "{name}"
            );
        }
    }
}

#[test]
fn draft_has_a_watermark_on_every_page_style() {
    let (k, a) = test_model::example();
    let mut k = k;
    k.meta.entwurf = true;
    let parts = unzip(&render_odt(&serde_json::to_value(&k).unwrap(), &a, &[], &[]).unwrap());
    let styles = String::from_utf8_lossy(&parts.iter().find(|p| p.0 == "styles.xml").unwrap().1)
        .into_owned();
    assert_eq!(
        styles.matches(">ENTWURF</text:span>").count(),
        3,
        "{styles}"
    );
}

#[test]
fn user_text_is_data() {
    let (k, a) = test_model::example();
    let mut k = k;
    k.meta.titel = "A&<>\"' {{meta.titel}}\u{1}Z".into();
    let parts = unzip(&render_odt(&serde_json::to_value(&k).unwrap(), &a, &[], &[]).unwrap());
    let content = String::from_utf8_lossy(&parts.iter().find(|p| p.0 == "content.xml").unwrap().1)
        .into_owned();
    assert!(
        content.contains("A&amp;&lt;&gt;&quot;&apos; {{meta.titel}}Z"),
        "{content}"
    );
}

/// The ODT has exactly the PDF's headings, in the same order (as the
/// DOCX): every ODT heading finds its page in the real PDF of the example,
/// and the PDF has no heading the ODT lacks (its "Inhalt" aside).
#[test]
fn headings_match_the_pdf() {
    use crate::render::docx::pages_for;
    use crate::render::typst::{self as pdf, PdfStandard};
    let (data, a) = example();
    let hb = pdf::registry().unwrap();
    let src = pdf::source(&hb, &data, &a).unwrap();
    let compiled = pdf::compile(&pdf::input(&data, src, PdfStandard::None, vec![]))
        .unwrap_or_else(|m| panic!("PDF: {m:?}"));
    let hs = headings(&data).unwrap();
    let pages = pages_for(&hs, &compiled.headings);
    let missing: Vec<String> = hs
        .iter()
        .zip(&pages)
        .filter(|(_, p)| p.is_none())
        .map(|(h, _)| format!("{} {:?} {}", h.level, h.number, h.title))
        .collect();
    assert!(missing.is_empty(), "not in the PDF: {missing:#?}");
    let pdf_only = compiled
        .headings
        .iter()
        .filter(|p| p.title != "Inhalt")
        .count();
    assert_eq!(pdf_only, hs.len());
}

#[test]
fn columns_follow_their_content_and_amounts_stay_whole() {
    // Weights that give the amount column far too little room.
    let mut t = super::state::Tabelle {
        nr: 1,
        spalten: 3,
        col: 0,
        row: 0,
        summe: false,
        rechts: Default::default(),
        klein: false,
        breiten: vec![2.0, 12.0, 2.0],
        texte: Vec::new(),
    };
    tables::needs(&mut t, 0, "Nr", true);
    tables::needs(&mut t, 1, "Maßnahme", true);
    tables::needs(&mut t, 2, "Eigenmittel", true);
    for _ in 0..5 {
        tables::needs(&mut t, 0, "B12", false);
        tables::needs(
            &mut t,
            1,
            "Eine Maßnahme mit einem langen Titel, der umbrechen darf",
            false,
        );
        tables::needs(&mut t, 2, "1.200.000\u{a0}€", false);
    }
    let w = tables::column_widths("Arial", &t);
    assert!((w.iter().sum::<f64>() - 16.0).abs() < 0.01, "{w:?}");
    // „1.200.000 €“: 11 characters of about 0.11 cm at 9 pt bold, plus the padding.
    assert!(w[2] > 2.2, "{w:?}");
    assert!(w[1] > w[0] && w[1] > w[2], "{w:?}");
}
