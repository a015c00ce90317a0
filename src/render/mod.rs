//! Rendering: the serialised model into Typst (PDF), OOXML (DOCX) and
//! OpenDocument (ODT).
//!
//! Every format starts from the same `serde_json::Value` of the
//! [`crate::model::Konzept`], exactly what `konzept check --model` prints.
//! What all formats share (registry, helpers, rich text, charts) is in
//! [`shared`]; each format is one folder ([`typst`], [`docx`], [`odt`]) whose
//! format-specific additions to the model are named steps there
//! ([`typst::for_typst`], [`docx::package_values`]). A new format is a new
//! folder next to them.

pub mod docx;
pub mod odt;
pub mod oparl;
pub mod shared;
pub mod typst;

#[cfg(test)]
pub(crate) mod tests;
