//! The PDF: the model → Typst source → PDF, compiled in-process.
//!
//! The steps, each in its own file:
//!
//! 1. [`model::for_typst`]: the serialised model (what `konzept check
//!    --model` prints) as the Typst templates see it: characters no font
//!    has replaced, long runs given break opportunities (`glyphs.rs`),
//!    the pattern of the names never to hyphenate (`names.rs`);
//! 2. [`registry::registry_for`]: the Handlebars registry with the Typst
//!    escape functions and helpers (`escape.rs`);
//! 3. [`source::source`]: the generated main source and the files it
//!    imports, then [`source::input`] with the fixed date;
//! 4. [`compile_pdf`] (`compile.rs`): the PDF, and [`charts::charts`]: the
//!    charts as PNG pictures for the DOCX.
//!
//! `world.rs` is the sealed Typst world the compiler sees: only the files
//! handed in, the embedded fonts and a fixed date.

pub mod charts;
mod compile;
mod escape;
mod glyphs;
pub mod model;
mod names;
pub mod registry;
mod rewrite;
pub mod source;
mod tables;
mod world;

pub use compile::{
    compile_pdf, compile_pdf_notify, evict_cache, render_png, render_png_pages, set_incremental,
    Compiled, HeadingPos, PdfStandard, Severity, TypstInput, TypstMessage,
};
pub use escape::{clean_text, escape_markup, escape_str};
pub use model::{for_typst, Uncovered};
pub use registry::{markdown_to_typst, registry, registry_for};
pub use source::{compile, input, source, source_of, submission_source, Source};
pub use world::{embedded_fonts, KonzeptWorld, Update, DEFAULT_FONTS, MAIN_PATH};

#[cfg(test)]
mod tests;
