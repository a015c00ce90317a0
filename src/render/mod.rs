//! Rendering: the model into Typst (PDF) and OOXML (DOCX).
//!
//! Both outputs are Handlebars templates over the same [`crate::model::Konzept`];
//! each format has its own escape function ([`templates`]).

pub mod docx;
pub mod oparl;
pub mod pdf;
pub mod templates;
pub mod typst;
