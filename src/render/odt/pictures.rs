//! Pictures in the ODT: logo, cover image and the charts (PNG at 300 dpi,
//! drawn by Typst as for the DOCX), each a `draw:frame` with its alt text
//! (`svg:title`, `svg:desc`) and the file in `Pictures/`.

use super::escape::spans;
use super::params::{first, value_text};
use super::state::{Bild, State};
use crate::render::docx::{escape_xml, RunStyle};
use handlebars::Helper;
use serde_json::Value;

/// Charts are placed at most 16 cm wide.
const DIAGRAMM_MAX_CM: f64 = 16.0;

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

/// Fits `w`×`h` pixels into a box (cm), keeping the aspect ratio.
fn fit(w: u32, h: u32, max_w: f64, max_h: f64) -> (f64, f64) {
    let (w, h) = (f64::from(w.max(1)), f64::from(h.max(1)));
    if w * max_h > h * max_w {
        (max_w, max_w * h / w)
    } else {
        (max_h * w / h, max_h)
    }
}

fn mime(kind: &str) -> &'static str {
    match kind {
        "jpg" | "jpeg" => "image/jpeg",
        "svg" => "image/svg+xml",
        _ => "image/png",
    }
}

/// Puts a file into `Pictures/` (a second file of the same name gets a
/// number) and returns its path in the package.
fn add(st: &mut State, datei: &str, bytes: Vec<u8>, kind: &str) -> String {
    let n = st.bilder.len() + 1;
    let mut pfad = format!("Pictures/{datei}");
    if st.bilder.iter().any(|b| b.pfad == pfad) {
        pfad = format!("Pictures/{n}-{datei}");
    }
    st.bilder.push(Bild {
        pfad: pfad.clone(),
        mime: mime(kind),
        bytes,
    });
    pfad
}

/// A picture frame set like a character in its paragraph.
fn frame(images: &[String], name: &str, alt: &str, (w, h): (f64, f64)) -> String {
    let n = escape_xml(name);
    let images: String = images
        .iter()
        .map(|p| format!("<draw:image xlink:href=\"{p}\" xlink:type=\"simple\" xlink:show=\"embed\" xlink:actuate=\"onLoad\"/>"))
        .collect();
    format!(
        "<draw:frame draw:style-name=\"Bildrahmen\" draw:name=\"{n}\" text:anchor-type=\"as-char\" svg:width=\"{w:.3}cm\" svg:height=\"{h:.3}cm\" draw:z-index=\"0\">{images}<svg:title>{n}</svg:title><svg:desc>{}</svg:desc></draw:frame>",
        escape_xml(alt)
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
        "<text:p text:style-name=\"Caption_20_Bild\">{}</text:p>",
        spans(
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
            // 300 px per inch: the chart keeps its size from the PDF.
            let w = f64::from(c.width_px) / 300.0 * 2.54;
            let h = f64::from(c.height_px) / 300.0 * 2.54;
            let max = DIAGRAMM_MAX_CM.min(st.seite.breite);
            let size = if w > max {
                (max, max * h / w.max(0.01))
            } else {
                (w, h)
            };
            let alt = if c.alt.is_empty() { alt } else { c.alt.clone() };
            let pfad = add(
                st,
                &format!("diagramm-{}.png", safe_name(&name)),
                c.png,
                "png",
            );
            format!(
                "<text:p text:style-name=\"Abbildung\">{}</text:p>{caption}",
                frame(&[pfad], &titel, &alt, size)
            )
        }
        None => format!(
            "{caption}<text:p text:style-name=\"Anmerkung\">{}</text:p>",
            spans(&alt, RunStyle::default())
        ),
    })
}

/// `{{{logo alt [hoehe=mm]}}}`: the project's logo, at most 6 cm wide and
/// `hoehe` mm (default 30) high; an SVG logo with a PNG beside it for
/// readers that do not show SVG.
pub(super) fn logo(h: &Helper, st: &mut State) -> Result<String, String> {
    let alt = value_text(&first(h));
    let Some((name, bytes)) = st.logo.clone() else {
        return Ok(String::new());
    };
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let stem = safe_name(stem);
    let (png, svg) = if name.to_lowercase().ends_with(".svg") {
        match crate::render::docx::svg::svg_to_png(&bytes) {
            Some(png) => (png, Some(bytes)),
            None => return Ok(String::new()),
        }
    } else {
        (bytes, None)
    };
    let Some((kind, w, h_px)) = crate::input::image::dimensions(&png) else {
        return Ok(String::new());
    };
    let hoehe = h
        .hash_get("hoehe")
        .and_then(|v| v.value().as_u64())
        .unwrap_or(30) as f64;
    let size = fit(w, h_px, 6.0, hoehe / 10.0);
    let mut images = Vec::new();
    if let Some(svg) = svg {
        images.push(add(st, &format!("{stem}.svg"), svg, "svg"));
    }
    images.push(add(st, &format!("{stem}.{kind}"), png, kind));
    Ok(frame(&images, "Logo", &alt, size))
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
    let size = fit(w, h_px, st.seite.breite, 6.0);
    let stem = name.rsplit_once('.').map_or(name.as_str(), |(s, _)| s);
    let pfad = add(st, &format!("{}.{kind}", safe_name(stem)), bytes, kind);
    Ok(frame(&[pfad], "Titelbild", &alt, size))
}
