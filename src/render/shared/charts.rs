//! Charts: drawn by Typst (the same charts as in the PDF), placed as PNG
//! pictures by formats that cannot draw them themselves (DOCX).

/// Pixels per point for chart images: 300 dpi, for print. The DOCX places
/// them at the size they have in the PDF (`EMU_PER_PX`).
pub const CHART_PPP: f32 = 300.0 / 72.0;

/// DOCX units (EMU) per pixel of a chart image: 914400 EMU per inch over
/// 300 pixels per inch.
pub const EMU_PER_PX: u64 = 3048;

/// A chart rendered as PNG for the DOCX (the same chart as in the PDF).
#[derive(Debug, Clone)]
pub struct ChartImage {
    /// The chart's key, `diagramme.*.name`.
    pub name: String,
    pub titel: String,
    pub alt: String,
    pub png: Vec<u8>,
    pub width_px: u32,
    pub height_px: u32,
}
