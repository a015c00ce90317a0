//! Rendering: the model into Typst (PDF) and OOXML (DOCX).
pub mod typst;
