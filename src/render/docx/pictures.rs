//! Pictures in the DOCX: logo, cover image and the charts (PNG pictures
//! drawn by Typst, see [`crate::render::typst::charts`]).

use super::escape::{escape_xml, runs, RunStyle};
use super::params::{first, value_text};
use super::state::{BildRel, State};
use super::svg;
use handlebars::Helper;
use serde_json::Value;

/// Charts are placed at most 16 cm wide (EMU).
const DIAGRAMM_MAX_EMU: u64 = 16 * 360_000;

/// A file name for the package: ASCII letters, digits, `-` and `_`.
fn safe_name(s: &str) -> String {
    let n: String = s
        .chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() || c == '-' || c == '_' {
                c
            } else {
                '_'
            }
        })
        .collect();
    if n.is_empty() {
        "bild".into()
    } else {
        n
    }
}

/// Fits `w`×`h` pixels into a box (EMU), keeping the aspect ratio.
fn fit(w: u32, h: u32, max_w: u64, max_h: u64) -> (u64, u64) {
    let (w, h) = (u64::from(w.max(1)), u64::from(h.max(1)));
    if w * max_h > h * max_w {
        (max_w, max_w * h / w)
    } else {
        (max_h * w / h, max_h)
    }
}

/// Registers an image and returns its inline drawing run.
fn picture(
    st: &mut State,
    datei: &str,
    bytes: Vec<u8>,
    name: &str,
    alt: &str,
    cx: u64,
    cy: u64,
) -> String {
    let n = st.bilder.len() + 1;
    let rid = format!("rIdBild{n}");
    // Two images of the same name (a chart key repeated) get distinct files.
    let datei = if st.bilder.iter().any(|b| b.datei == datei) {
        format!("{n}-{datei}")
    } else {
        datei.to_string()
    };
    st.bilder.push(BildRel {
        id: rid.clone(),
        datei,
        bytes,
    });
    let id = st.next_docpr;
    st.next_docpr += 1;
    let name = escape_xml(name);
    let alt = escape_xml(alt);
    format!(
        "<w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\"><wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:effectExtent l=\"0\" t=\"0\" r=\"0\" b=\"0\"/><wp:docPr id=\"{id}\" name=\"{name} {id}\" descr=\"{alt}\"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect=\"1\"/></wp:cNvGraphicFramePr><a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><pic:pic><pic:nvPicPr><pic:cNvPr id=\"{id}\" name=\"{name} {id}\" descr=\"{alt}\"/><pic:cNvPicPr><a:picLocks noChangeAspect=\"1\" noChangeArrowheads=\"1\"/></pic:cNvPicPr></pic:nvPicPr><pic:blipFill><a:blip r:embed=\"{rid}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr bwMode=\"auto\"><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm><a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r>"
    )
}

/// A picture run with an SVG version beside its PNG (`asvg:svgBlip`).
fn with_svg(st: &mut State, run: String, datei: &str, svg: Vec<u8>) -> String {
    let Some(png) = st.bilder.last().map(|b| b.id.clone()) else {
        return run;
    };
    let blip = format!("<a:blip r:embed=\"{png}\"/>");
    let rid = format!("rIdBild{}", st.bilder.len() + 1);
    st.bilder.push(BildRel {
        id: rid.clone(),
        datei: datei.to_string(),
        bytes: svg,
    });
    run.replace(
        &blip,
        &format!(
            "<a:blip r:embed=\"{}\"><a:extLst><a:ext uri=\"{{96DAC541-7B7A-43D3-8B79-37D633B846F1}}\"><asvg:svgBlip xmlns:asvg=\"http://schemas.microsoft.com/office/drawing/2016/SVG/main\" r:embed=\"{rid}\"/></a:ext></a:extLst></a:blip>",
            png
        ),
    )
}

/// A chart (`diagramme.*`): the image with its alt text and a caption; if no
/// image was rendered, the caption and the alt text as a paragraph, so the
/// numbers are still there.
pub(super) fn chart(d: &Value, st: &mut State) -> Result<String, String> {
    if d.get("vorhanden").and_then(Value::as_bool) != Some(true) {
        return Ok(String::new());
    }
    let name = d.get("name").map(value_text).unwrap_or_default();
    let titel = d.get("titel").map(value_text).unwrap_or_default();
    let alt = d.get("alt").map(value_text).unwrap_or_default();
    st.abbildungen += 1;
    let caption = format!(
        "<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:jc w:val=\"center\"/></w:pPr>{}</w:p>",
        runs(
            &format!("Abbildung {}: {titel}", st.abbildungen),
            RunStyle::default()
        )
    );
    let img = st
        .charts
        .iter()
        .find(|c| c.name == name && !c.png.is_empty())
        .cloned();
    Ok(match img {
        Some(c) => {
            // 1 px = 1/300 in: the chart keeps its size from the PDF.
            let w = u64::from(c.width_px) * crate::render::shared::EMU_PER_PX;
            let h = u64::from(c.height_px) * crate::render::shared::EMU_PER_PX;
            let (cx, cy) = if w > DIAGRAMM_MAX_EMU {
                (DIAGRAMM_MAX_EMU, DIAGRAMM_MAX_EMU * h / w.max(1))
            } else {
                (w, h)
            };
            let datei = format!("diagramm-{}.png", safe_name(&name));
            let alt = if c.alt.is_empty() { alt } else { c.alt.clone() };
            let run = picture(st, &datei, c.png, &titel, &alt, cx.max(1), cy.max(1));
            format!("<w:p><w:pPr><w:pStyle w:val=\"Abbildung\"/></w:pPr>{run}</w:p>{caption}")
        }
        None => format!(
            "{caption}<w:p><w:pPr><w:pStyle w:val=\"Anmerkung\"/></w:pPr>{}</w:p>",
            runs(&alt, RunStyle::default())
        ),
    })
}

/// `{{{logo alt [hoehe=mm]}}}`: the project's logo, at most 6 cm wide and
/// `hoehe` mm (default 30) high.
pub(super) fn logo(h: &Helper, st: &mut State) -> Result<String, String> {
    let alt = value_text(&first(h));
    let Some((name, bytes)) = st.logo.clone() else {
        return Ok(String::new());
    };
    // An SVG logo: a PNG rendered by Typst, and the SVG itself as
    // `asvg:svgBlip` for the Word versions that show SVG.
    let (bytes, svg) = if name.to_lowercase().ends_with(".svg") {
        match svg::svg_to_png(&bytes) {
            Some(png) => (png, Some(bytes)),
            None => return Ok(String::new()),
        }
    } else {
        (bytes, None)
    };
    let Some((kind, w, h_px)) = crate::input::image::dimensions(&bytes) else {
        return Ok(String::new());
    };
    // `hoehe`: the largest height in millimetres (default 30).
    let hoehe = h
        .hash_get("hoehe")
        .and_then(|v| v.value().as_u64())
        .unwrap_or(30);
    let (cx, cy) = fit(w, h_px, 6 * 360_000, hoehe * 36_000);
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let datei = format!("{}.{}", safe_name(stem), kind);
    let run = picture(st, &datei, bytes, "Logo", &alt, cx, cy);
    Ok(match svg {
        Some(svg) => with_svg(st, run, &format!("{}.svg", safe_name(stem)), svg),
        None => run,
    })
}

/// `{{{titelbild alt}}}`: the cover image, the text width and at most 6 cm
/// high.
pub(super) fn cover(h: &Helper, st: &mut State) -> Result<String, String> {
    let alt = value_text(&first(h));
    let Some((name, bytes)) = st.titelbild.clone() else {
        return Ok(String::new());
    };
    let Some((kind, w, h_px)) = crate::input::image::dimensions(&bytes) else {
        return Ok(String::new());
    };
    // The text width and at most 6 cm high.
    let max_w = u64::from(st.values.breite_hoch) * 635;
    let (cx, cy) = fit(w, h_px, max_w, 60 * 36_000);
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let datei = format!("{}.{}", safe_name(stem), kind);
    Ok(picture(st, &datei, bytes, "Titelbild", &alt, cx, cy))
}
