use super::*;
use crate::model::Konzept;
use crate::render::tests as test_model;
use std::io::{Cursor, Read};

/// The example's model, serialised (what `konzept check --model` prints).
fn example() -> (Value, Assets) {
    let (k, a) = test_model::example();
    (to_value(&k), a)
}

fn to_value(k: &Konzept) -> Value {
    serde_json::to_value(k).unwrap()
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

/// One line per paragraph: its style and its text (tabs as `→`, breaks as
/// `⏎`), table cells separated by ` | `, images as `[Bild: alt]`.
fn paragraph_text(xml: &str) -> String {
    let mut out = String::new();
    for row_or_p in xml.split("<w:p>").skip(1).chain(std::iter::empty()) {
        let p = row_or_p.split("</w:p>").next().unwrap_or_default();
        let style = p
            .split("<w:pStyle w:val=\"")
            .nth(1)
            .and_then(|s| s.split('"').next())
            .unwrap_or("Normal");
        let mut text = String::new();
        let mut rest = p;
        while let Some(i) = rest.find('<') {
            text.push_str(&rest[..i]);
            let end = rest[i..].find('>').map_or(rest.len(), |j| i + j + 1);
            let tag = &rest[i..end];
            if tag.starts_with("<w:tab/") {
                text.push('→');
            } else if tag.starts_with("<w:br/") {
                text.push('⏎');
            } else if tag.starts_with("<wp:docPr") {
                let alt = tag
                    .split("descr=\"")
                    .nth(1)
                    .and_then(|s| s.split('"').next());
                text.push_str(&format!("[Bild: {}]", alt.unwrap_or_default()));
            } else if tag.starts_with("<w:instrText") {
                // Field instructions are not text a reader sees.
                let close = rest[end..].find("</w:instrText>").map_or(0, |j| j);
                rest = &rest[end + close..];
                continue;
            }
            rest = &rest[end..];
        }
        text.push_str(rest);
        out.push_str(&format!("{style}: {text}\n"));
    }
    out
}

#[test]
fn parts_in_fixed_order() {
    let (k, a) = example();
    let names: Vec<String> = unzip(&render_docx(&k, &a, &[], &[]).unwrap())
        .into_iter()
        .map(|(n, _)| n)
        .collect();
    assert_eq!(
        names,
        [
            "[Content_Types].xml",
            "_rels/.rels",
            "docProps/core.xml",
            "docProps/app.xml",
            "word/document.xml",
            "word/_rels/document.xml.rels",
            "word/styles.xml",
            "word/numbering.xml",
            "word/settings.xml",
            "word/fontTable.xml",
            "word/header1.xml",
            "word/header2.xml",
            "word/header3.xml",
            "word/footer1.xml",
            "word/footer2.xml",
            "word/media/logo.png",
        ]
    );
}

#[test]
fn document_text_of_a_small_model() {
    let k = to_value(&test_model::small());
    let pages: Vec<HeadingPos> = headings(&k)
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
    let parts = unzip(&render_docx(&k, &Assets::default(), &pages, &[]).unwrap());
    let doc = String::from_utf8(parts[4].1.clone()).unwrap();
    insta::assert_snapshot!(paragraph_text(&doc));
}

#[test]
fn identical_input_gives_identical_bytes() {
    let (k, a) = example();
    let charts = vec![ChartImage {
        name: "finanzen".into(),
        titel: "t".into(),
        alt: "a".into(),
        png: a.logo.clone().unwrap().1,
        width_px: 400,
        height_px: 200,
    }];
    let one = render_docx(&k, &a, &[], &charts).unwrap();
    let two = render_docx(&k, &a, &[], &charts).unwrap();
    assert!(one == two, "two renders differ");
}

#[test]
fn headings_follow_the_document_structure() {
    let (k, _) = test_model::example();
    let hs = headings(&to_value(&k)).unwrap();
    let shown: Vec<String> = hs
        .iter()
        .map(|h| match &h.number {
            Some(n) => format!("{n} {}", h.title),
            None => h.title.clone(),
        })
        .collect();
    let n = k.felder.len() + 4 + usize::from(!k.querschnittsthemen.is_empty());
    assert_eq!(shown[0], "Vorwort");
    assert_eq!(shown[1], "Das Wichtigste auf einen Blick");
    assert_eq!(shown[2], "1 Warum Integration?");
    assert!(shown.contains(&"2.3 Projektrahmen: Ziele, Zeitraum und Finanzen".to_string()));
    assert!(shown.contains(&"3.4 Bildung und Sprachförderung".to_string()));
    assert!(shown.contains(&"3.4.2 Handlungsbedarf".to_string()));
    assert!(shown.contains(&format!("3.{n} Umsetzung, Monitoring und Fortschreibung")));
    for f in &k.felder {
        assert!(
            shown.contains(&format!("{} {}", f.abschnitt, f.name)),
            "{}",
            f.abschnitt
        );
    }
    let tail: Vec<&str> = shown[shown.len() - 8..]
        .iter()
        .map(String::as_str)
        .collect();
    assert_eq!(
        tail,
        [
            "Anhang",
            "A Maßnahmenübersicht",
            "B Kosten- und Finanzierungsplan",
            "C Zeitplan der Maßnahmen",
            "D Akteursverzeichnis",
            "E Mitglieder der Arbeitsgruppen",
            "Begriffe und Erläuterungen",
            "Quellen"
        ]
    );
}

fn pos(level: usize, numbering: Option<&str>, title: &str, page: usize) -> HeadingPos {
    HeadingPos {
        level,
        numbering: numbering.map(Into::into),
        title: title.into(),
        page,
        label: None,
    }
}

fn doc(level: usize, number: Option<&str>, title: &str) -> DocHeading {
    DocHeading {
        level,
        number: number.map(Into::into),
        title: title.into(),
        bookmark: String::new(),
    }
}

#[test]
fn toc_pages_survive_extra_and_missing_headings() {
    let docx = [
        doc(1, None, "Vorwort"),
        doc(1, Some("1"), "Warum Integration?"),
        doc(2, Some("1.1"), "Nur im DOCX"),
        doc(1, Some("2"), "Initiierung"),
        doc(2, Some("A"), "Maßnahmenübersicht"),
    ];
    let pdf = [
        pos(1, None, "Inhalt", 2),
        pos(1, None, "Vorwort", 3),
        pos(1, Some("1."), "Warum Integration?", 4),
        pos(1, Some("2"), "Initiierung", 6),
        pos(2, None, "A Maßnahmenübersicht", 30),
    ];
    assert_eq!(
        pages_for(&docx, &pdf),
        [Some(3), Some(4), None, Some(6), Some(30)]
    );
    assert_eq!(pages_for(&docx, &[]), [None; 5]);
}

#[test]
fn toc_is_filled_and_linked() {
    let docx = [doc(1, Some("1"), "Warum & wieso?")];
    let mut d = docx.clone();
    d[0].bookmark = "_Toc00000001".into();
    let xml = toc(&d, &[pos(1, Some("1"), "Warum & wieso?", 5)]);
    assert!(xml.contains("w:dirty=\"true\""));
    assert!(xml.contains("w:anchor=\"_Toc00000001\""));
    assert!(xml.contains("PAGEREF _Toc00000001 \\h"));
    assert!(xml.contains("<w:t>5</w:t>"));
    assert!(xml.contains("Warum &amp; wieso?"));
}

#[test]
fn user_text_is_data() {
    let (mut k, a) = test_model::example();
    k.meta.titel = "A\u{1}&<>\"' {{meta.titel}} مرحبا\u{B}Z".into();
    k.felder[0].massnahmen[0].titel = "{{> anhang}} \u{7}x".into();
    let parts = unzip(&render_docx(&to_value(&k), &a, &[], &[]).unwrap());
    let doc = String::from_utf8(parts[4].1.clone()).unwrap();
    assert!(!doc.contains('\u{1}') && !doc.contains('\u{7}'));
    assert!(doc.contains("A&amp;&lt;&gt;&quot;&apos; {{meta.titel}} "));
    assert!(doc.contains("{{&gt; anhang}} x"));
    let core = String::from_utf8(parts[2].1.clone()).unwrap();
    assert!(
        core.contains("<dc:title>A&amp;&lt;&gt;&quot;&apos; {{meta.titel}} مرحبا&#10;Z</dc:title>")
    );
}

#[test]
fn draft_has_a_watermark_in_every_header() {
    let (mut k, a) = test_model::example();
    k.meta.entwurf = true;
    let parts = unzip(&render_docx(&to_value(&k), &a, &[], &[]).unwrap());
    for (name, bytes) in &parts {
        if name.starts_with("word/header") {
            let s = String::from_utf8_lossy(bytes);
            assert!(s.contains("string=\"ENTWURF\""), "{name}");
        }
    }
}

/// The DOCX has exactly the PDF's headings, in the same order: every DOCX
/// heading finds its page in the real PDF of the example, and the PDF has
/// no heading the DOCX lacks (its own "Inhalt" outline title aside). This
/// keeps the table of contents from drifting when a template changes.
#[test]
fn headings_match_the_pdf() {
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
    let found: Vec<usize> = pages.iter().flatten().copied().collect();
    assert!(found.windows(2).all(|w| w[0] <= w[1]), "{found:?}");
    let pdf_only: Vec<&HeadingPos> = compiled
        .headings
        .iter()
        .filter(|p| p.title != "Inhalt")
        .collect();
    assert_eq!(
        pdf_only.len(),
        hs.len(),
        "the PDF has other headings: {pdf_only:#?}"
    );
}

#[test]
fn package_values_come_from_the_model() {
    let model =
        serde_json::json!({"gestaltung": {"farbe": "#005CA9", "schrift": "Liberation Sans"}});
    let v = package_values(&model, None);
    assert_eq!(v.farbe, "005CA9");
    assert_eq!(v.hell, tint_of("005CA9", 0.88));
    assert_eq!(v.schrift, "Arial");
    assert_eq!(v.seite, None);
    assert_eq!(
        (v.breite_hoch, v.breite_quer),
        (11906 - 2 * 1417, 16838 - 2 * 1417)
    );
    let model = serde_json::json!({"gestaltung": {
        "farbe": "#FF0000", "schrift": "Open Sans",
        "raender": {"oben": 25.4, "unten": 25.4, "links": 25.4, "rechts": 25.4}
    }});
    let v = package_values(&model, None);
    assert_eq!((v.farbe.as_str(), v.mittel.as_str()), ("FF0000", "FF8080"));
    assert_eq!(v.schrift, "Open Sans");
    assert_eq!(v.seite.map(|s| (s.oben, s.links)), Some((1440, 1440)));
    assert_eq!(v.breite_hoch, 11906 - 2 * 1440);
}

/// The tint computed by hand: each channel moved `share` of the way to white.
fn tint_of(hex: &str, share: f64) -> String {
    (0..3)
        .map(|i| {
            let c = f64::from(u8::from_str_radix(&hex[2 * i..2 * i + 2], 16).unwrap());
            format!("{:02X}", (c + (255.0 - c) * share).round() as u8)
        })
        .collect()
}
