//! Charts: drawn by Typst (the same charts as in the PDF), placed as PNG
//! pictures by formats that cannot draw them themselves (DOCX).

/// Pixels per point for chart images: 2 (144 dpi), so one pixel is 6350 EMU
/// in the DOCX and the chart keeps its size from the PDF.
pub const CHART_PPP: f32 = 2.0;

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
