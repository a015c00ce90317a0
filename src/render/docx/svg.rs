//! SVG pictures for the DOCX: Word shows SVG only with a PNG fallback.

/// An SVG rendered to PNG by Typst (about 480 pixels high, transparent
/// background), for Word versions that cannot show SVG; `None` if Typst
/// cannot read it.
pub fn svg_to_png(svg: &[u8]) -> Option<Vec<u8>> {
    use crate::render::typst::{render_png, PdfStandard, TypstInput};
    let input = TypstInput {
        main: "#set page(width: auto, height: auto, margin: 0pt, fill: none)\n#image(\"/logo.svg\", height: 160pt)\n".into(),
        files: vec![("/logo.svg".into(), svg.to_vec())],
        extra_fonts: vec![],
        today: (2000, 1, 1),
        standard: PdfStandard::None,
    };
    render_png(&input, 3.0).ok()?.into_iter().next()
}
