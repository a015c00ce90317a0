//! The charts as PNG pictures for the DOCX, drawn by Typst from the same
//! templates as the PDF's charts.

use super::source::{input, source_of};
use super::PdfStandard;
use crate::project::Assets;
use crate::render::shared::{ChartImage, CHART_PPP};
use handlebars::Handlebars;
use serde_json::Value;

/// Width and height of a PNG from its header.
fn png_size(png: &[u8]) -> (u32, u32) {
    let be = |i: usize| {
        png.get(i..i + 4)
            .map_or(0, |b| u32::from_be_bytes([b[0], b[1], b[2], b[3]]))
    };
    (be(16), be(20))
}

/// Renders every chart that has data to a PNG, in the order of the
/// `diagramme-einzeln` template.
pub fn charts(
    hb: &Handlebars,
    model: &Value,
    typst_model: &Value,
    assets: &Assets,
    extra_fonts: Vec<Vec<u8>>,
) -> Result<Vec<ChartImage>, String> {
    // Names, titles and alt texts as the model has them (not rewritten for Typst).
    let present: Vec<&Value> = ["finanzen", "zeitplan", "statistik", "massnahmen", "kosten"]
        .into_iter()
        .map(|key| &model["diagramme"][key])
        .filter(|c| c["vorhanden"].as_bool() == Some(true))
        .collect();
    if present.is_empty() {
        return Ok(vec![]);
    }
    // Only the charts and the files they import: not the whole concept again.
    let src = source_of("diagramme-einzeln", hb, typst_model, assets).map_err(|e| e.to_string())?;
    let mut inp = input(model, src, PdfStandard::None, extra_fonts);
    inp.standard = PdfStandard::None;
    let pngs = super::render_png(&inp, CHART_PPP).map_err(|msgs| {
        msgs.iter()
            .map(|m| m.to_string())
            .collect::<Vec<_>>()
            .join("\n")
    })?;
    let text = |c: &Value, key: &str| c[key].as_str().unwrap_or_default().to_string();
    Ok(present
        .into_iter()
        .zip(pngs)
        .map(|(c, png)| {
            let (width_px, height_px) = png_size(&png);
            ChartImage {
                name: text(c, "name"),
                titel: text(c, "titel"),
                alt: text(c, "alt"),
                png,
                width_px,
                height_px,
            }
        })
        .collect())
}
